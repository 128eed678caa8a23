package tokenize

import "testing"

func TestDateline(t *testing.T) {
	tests := []struct {
		in, place, body string
		ok              bool
	}{
		{"KABUL, Dec 19 (Reuters) - Afghan forces said...", "KABUL", "Afghan forces said...", true},
		{"WASHINGTON (AP) — The Senate voted.", "WASHINGTON", "The Senate voted.", true},
		{"NEW YORK, March 3 - Stocks rose.", "NEW YORK", "Stocks rose.", true},
		{"RICHMOND, Va. Feb 26 - A judge ruled.", "RICHMOND", "A judge ruled.", true},
		{"CEBU CITY: -- Cordova Mayor filed a suit.", "CEBU CITY", "Cordova Mayor filed a suit.", true},
		{"KABUL, Dec. 19 (Reuters) -\r\nAfghan forces attacked.", "KABUL", "Afghan forces attacked.", true},
		{"KABUL, Dec 19 (Reuters) -", "KABUL", "", true},
		{"China's army is ready to strengthen relations.", "", "", false},
		{"US officials said - quietly - that talks failed.", "", "", false},
		{"Afghan police\n© AP Photo", "", "", false},
	}
	for _, tt := range tests {
		place, body, ok := Dateline(tt.in)
		if ok != tt.ok || place != tt.place || (ok && tt.in[body:] != tt.body) {
			t.Errorf("Dateline(%q) = %q, %d, %v; want %q, %q, %v", tt.in, place, body, ok, tt.place, tt.body, tt.ok)
		}
	}
}
