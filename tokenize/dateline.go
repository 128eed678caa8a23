package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dateline recognises a news dateline at the start of an article — "KABUL,
// Dec 19 (Reuters) -", "WASHINGTON (AP) —", "NEW YORK, March 3 -",
// "RICHMOND, Va. Feb 26 -", "CEBU CITY: --" — and returns the place as
// written and the byte offset where the story proper begins. The place must
// be in capitals; ok is false when the text does not open with a dateline.
func Dateline(text string) (place string, body int, ok bool) {
	// Only the first line can hold a dateline.
	line := text
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = strings.TrimSuffix(line[:i], "\r")
	}
	if len(line) > 200 {
		line = line[:200]
	}
	// The end of the line counts as a space, so a dash that ends it
	// ("KABUL, Dec. 19 (Reuters) -\n") is a separator.
	line += " "
	// The place: upper-case words, possibly with a state abbreviation after a comma.
	i := 0
	for i < len(line) {
		r, n := utf8.DecodeRuneInString(line[i:])
		if unicode.IsUpper(r) || r == ' ' || r == '.' || r == '-' || r == '\'' {
			i += n
			continue
		}
		break
	}
	place = strings.TrimRight(line[:i], " .-")
	if len(place) < 3 || strings.Count(place, " ") > 3 || !hasLetters(place) {
		return "", 0, false
	}
	rest := line[len(place):]
	// Everything up to the dash or colon must be a date, an agency or a state.
	for _, sep := range []string{" -- ", " - ", " — ", " – ", ": --", ": ", " --", "—", "–"} {
		j := strings.Index(rest, sep)
		if j < 0 {
			continue
		}
		mid := rest[:j]
		if len(mid) > 60 || strings.ContainsAny(mid, ".!?") && !strings.Contains(mid, "(") && !abbrevOnly(mid) {
			continue
		}
		if strings.Count(mid, " ") > 7 {
			continue
		}
		end := min(len(place)+j+len(sep), len(text))
		for end < len(text) && strings.IndexByte(" -\t\r\n", text[end]) >= 0 {
			end++
		}
		return place, end, true
	}
	return "", 0, false
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// abbrevOnly accepts the period of a state or month abbreviation ("Va.", "Dec.").
func abbrevOnly(s string) bool {
	for _, w := range strings.Fields(strings.Trim(s, ", ")) {
		if strings.HasSuffix(w, ".") && len(w) > 5 {
			return false
		}
	}
	return true
}
