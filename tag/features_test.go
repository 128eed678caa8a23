package tag

import "testing"

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"-LRB-", "("}, {"-RRB-", ")"}, {"-LCB-", "{"}, {"-rsb-", "]"},
		{"``", "\""}, {"''", "\""}, {"\u201c", "\""}, {"\u2019", "'"},
		{"\u2014", "--"}, {"\u2026", "..."}, {"don\u2019t", "don't"},
		{"Kabul", "Kabul"}, {"caf\u00e9", "caf\u00e9"}, {"", ""},
	} {
		if got := normalize(tc.in); got != tc.want {
			t.Errorf("normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDescribeFlags(t *testing.T) {
	for _, tc := range []struct {
		w      string
		flags  uint64
		length uint64
	}{
		{"Kabul", flagUpper | flagLetter, 5},
		{"NATO", flagUpper | flagAllUpper | flagLetter | flagInnerUp, 4},
		{"iPhone", flagLetter | flagInnerUp, 6},
		{"1,200.50", flagDigit | flagAllDigit, 8},
		{"1990s", flagDigit | flagLetter, 5},
		{"state-run", flagHyphen | flagLetter, 9},
		{"10-year", flagHyphen | flagDigit | flagLetter, 7},
		{"$", 0, 1},
		{"caf\u00e9", flagLetter, 4},
		{"abcdefghijklmnopq", flagLetter, 12},
	} {
		var wi wordInfo
		describe(&wi, tc.w)
		if wi.flags != tc.flags || wi.length != tc.length || wi.sure != -1 || wi.own != -1 {
			t.Errorf("describe(%q): flags %b length %d sure %d own %d; want flags %b length %d sure -1 own -1",
				tc.w, wi.flags, wi.length, wi.sure, wi.own, tc.flags, tc.length)
		}
	}
	// Case and digits: the lower form ignores case, long numbers share one form.
	var a, b, c, d wordInfo
	describe(&a, "Police")
	describe(&b, "POLICE")
	describe(&c, "123456")
	describe(&d, "654321")
	if a.lower != b.lower || a.form == b.form || c.lower != d.lower {
		t.Error("lower forms: case should not matter and 6-digit numbers should share one form")
	}
}

func TestSentenceCase(t *testing.T) {
	m := defaultModel(t)
	for _, tc := range []struct {
		words string
		want  uint64
	}{
		{"the talks resumed on Monday", caseNormal},
		{"the talks resumed on monday", caseLower},
		{"Peace Talks Resume After Long Break", caseTitle},
		{"PEACE TALKS RESUME", caseUpper},
		{"42 , 17", caseNormal},
	} {
		words := splitWords(tc.words)
		ws := make([]wordInfo, len(words))
		m.prepare(ws, words)
		if ws[0].scase != tc.want {
			t.Errorf("%q: case %d, want %d", tc.words, ws[0].scase, tc.want)
		}
	}
	words := splitWords(`He said " no " and " yes "`)
	ws := make([]wordInfo, len(words))
	m.prepare(ws, words)
	var odd []int
	for i := range ws {
		if ws[i].flags&flagQuoteOdd != 0 {
			odd = append(odd, i)
		}
	}
	if len(odd) != 2 || odd[0] != 4 || odd[1] != 8 {
		t.Errorf("closing quotes at %v, want [4 8]", odd)
	}
}

func TestWordNetReadings(t *testing.T) {
	wn, err := embeddedWordNet()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		w    string
		want uint16
	}{
		{"trashed", wnVerbEd},
		{"stopped", wnVerbEd | wnAdj},
		{"ran", wnVerbEd},
		{"running", wnNoun | wnAdj | wnVerbIng},
		{"boxes", wnPlural | wnVerbS},
		{"happier", wnAdjEr},
		{"Intrepid", wnAdj},
		{"quickly", wnAdv},
		{"the", 0},
		{"Gondor", 0},
	} {
		if got := wn.readings(tc.w); got != tc.want {
			t.Errorf("readings(%q) = %09b, want %09b", tc.w, got, tc.want)
		}
	}
	var none *wordNet
	if none.readings("trashed") != 0 {
		t.Error("a nil lexicon should have no readings")
	}
}

func TestStemFeatures(t *testing.T) {
	lclass := map[uint64]uint64{lowerHash("protester", ""): 1 << 3, lowerHash("run", ""): 1 << 5, lowerHash("violence", ""): 1 << 7}
	for _, tc := range []struct {
		w           string
		stem, affix uint64
	}{
		{"protesters", 3<<56 ^ 1<<3, 0},  // rule 3: -s
		{"state-run", 0, 1<<56 ^ 1<<5},   // after the hyphen
		{"nonviolence", 0, 4<<56 ^ 1<<7}, // prefix non- (index 2, stored +2)
		{"Protesters", 3<<56 ^ 1<<3, 0},  // any case
		{"xyz", 0, 0},
	} {
		var wi wordInfo
		describe(&wi, tc.w)
		stemFeatures(&wi, tc.w, lclass)
		if wi.stem != tc.stem || wi.affix != tc.affix {
			t.Errorf("%q: stem %x affix %x, want %x %x", tc.w, wi.stem, wi.affix, tc.stem, tc.affix)
		}
	}
}

func splitWords(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}
