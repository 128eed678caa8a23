package dict

import (
	"strings"
	"testing"
)

func TestReadActors(t *testing.T) {
	in := text(
		"# comment",                               // 1
		"AFGHANISTAN_  [AFG]",                     // 2
		"+AFGHAN_",                                // 3
		"+KABUL_  # capital",                      // 4
		"HAMAS WING [PSEHMSBRD]",                  // 5
		"PRESIDENT_GEORGE_W._BUSH [USAGOV]",       // 6
		"MOHAMMAD_ZAHIR_SHAH_  ; CountryInfo.txt", // 7
		"\t[AFGELI 320101-331108]",                // 8
		"\t[AFGELI 730717-070723]",                // 9
		"",                                        // 10
		"GOLLUM  # pas 27 Apr 03",                 // 11
		"+SMEAGOL",                                // 12
		"\t[HOB < 950601]",                        // 13
		"\t[HOBGOV 19950601 - 19990815]",          // 14
		"#\t[950601-990815]  incorrect code block check", // 15
		"\t[HOBREB > 990816]",                            // 16
		"\t",                                             // 17
		"JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt", // 18
		"ENT  ",             // 19
		"\t[ENT]",           // 20
		"LORIEN  [ELR/GAL]", // 21
		"ABDULLAH",          // 22
		"  \t[JORELI]",      // 23
		"PALESTINIAN [pse]", // 24
		"ANACLETO_OLO_MIBUY _  # CountryInfo.txt",                   // 25
		"B._LYNN_PASCOE_\t[USAGOV 981022-010811] [IGOUNO  >070201]", // 26
	)
	actors, errs := ReadActors(strings.NewReader(in), "a.txt", Options{})
	eq(t, "errors", errStrings(t, errs), []string(nil))
	dc := func(code string, kind DateKind, from, to, line int) DatedCode {
		return DatedCode{Code: code, Kind: kind, From: from, To: to, Line: line}
	}
	any := func(code string, line int) DatedCode { return dc(code, DateAny, 0, 0, line) }
	eq(t, "actors", actors, []*Actor{
		{Path: "a.txt", Line: 2, Root: "AFGHANISTAN", Codes: []DatedCode{any("AFG", 2)}, Phrases: []Phrase{
			{Elems: []Elem{w("AFGHANISTAN", 1)}, Exact: true, Line: 2},
			{Elems: []Elem{w("AFGHAN", 2)}, Exact: true, Line: 3},
			{Elems: []Elem{w("KABUL", 2)}, Exact: true, Line: 4},
		}},
		{Path: "a.txt", Line: 5, Root: "HAMAS WING", Codes: []DatedCode{any("PSEHMSBRD", 5)}, Phrases: []Phrase{
			{Elems: []Elem{w("HAMAS", 1), w("WING", 7)}, Line: 5},
		}},
		{Path: "a.txt", Line: 6, Root: "PRESIDENT GEORGE W. BUSH", Codes: []DatedCode{any("USAGOV", 6)}, Phrases: []Phrase{
			{Elems: []Elem{wc("PRESIDENT", 1), wc("GEORGE", 11), wc("W.", 18), w("BUSH", 21)}, Line: 6},
		}},
		{Path: "a.txt", Line: 7, Root: "MOHAMMAD ZAHIR SHAH", Phrases: []Phrase{
			{Elems: []Elem{wc("MOHAMMAD", 1), wc("ZAHIR", 10), w("SHAH", 16)}, Exact: true, Line: 7},
		}, Codes: []DatedCode{
			dc("AFGELI", DateBetween, 19320101, 19331108, 8),
			dc("AFGELI", DateBetween, 19730717, 20070723, 9), // YY < 30 is 20YY
		}},
		{Path: "a.txt", Line: 11, Root: "GOLLUM", Phrases: []Phrase{
			{Elems: []Elem{w("GOLLUM", 1)}, Line: 11},
			{Elems: []Elem{w("SMEAGOL", 2)}, Line: 12},
		}, Codes: []DatedCode{
			dc("HOB", DateBefore, 19950601, 0, 13),
			dc("HOBGOV", DateBetween, 19950601, 19990815, 14),
			dc("HOBREB", DateAfter, 19990816, 0, 16),
		}},
		{Path: "a.txt", Line: 18, Root: "JAVIER DE CUELLAR", Phrases: []Phrase{
			{Elems: []Elem{wc("JAVIER", 1), wc("DE", 8), w("CUELLAR", 11)}, Exact: true, Line: 18},
		}, Codes: []DatedCode{dc("IGOUNO", DateBetween, 19820101, 19911231, 18), any("ELI", 18)}},
		{Path: "a.txt", Line: 19, Root: "ENT", Codes: []DatedCode{any("ENT", 20)}, Phrases: []Phrase{
			{Elems: []Elem{w("ENT", 1)}, Line: 19},
		}},
		{Path: "a.txt", Line: 21, Root: "LORIEN", Codes: []DatedCode{any("ELR/GAL", 21)}, Phrases: []Phrase{
			{Elems: []Elem{w("LORIEN", 1)}, Line: 21},
		}},
		{Path: "a.txt", Line: 22, Root: "ABDULLAH", Codes: []DatedCode{any("JORELI", 23)}, Phrases: []Phrase{
			{Elems: []Elem{w("ABDULLAH", 1)}, Line: 22},
		}},
		{Path: "a.txt", Line: 24, Root: "PALESTINIAN", Codes: []DatedCode{any("pse", 24)}, Phrases: []Phrase{
			{Elems: []Elem{w("PALESTINIAN", 1)}, Line: 24},
		}},
		// A lone "_" after a blank still makes the phrase exact.
		{Path: "a.txt", Line: 25, Root: "ANACLETO OLO MIBUY", Phrases: []Phrase{
			{Elems: []Elem{wc("ANACLETO", 1), wc("OLO", 10), w("MIBUY", 14)}, Exact: true, Line: 25},
		}},
		{Path: "a.txt", Line: 26, Root: "B. LYNN PASCOE", Phrases: []Phrase{
			{Elems: []Elem{wc("B.", 1), wc("LYNN", 4), w("PASCOE", 9)}, Exact: true, Line: 26},
		}, Codes: []DatedCode{dc("USAGOV", DateBetween, 19981022, 20010811, 26), dc("IGOUNO", DateAfter, 20070201, 0, 26)}},
	})
}

func TestReadActorsMalformed(t *testing.T) {
	in := text(
		"+ORPHAN",                             // 1: synonym first
		"\t[ORPHAN]",                          // 2: restriction first
		"GOOD [AAA]",                          // 3
		"\t[BBB 9008223-911221]",              // 4: 7 digits
		"\t[CCC 20121204]",                    // 5: no operator
		"\t[950601-990815]",                   // 6: no code
		"\t[DDD 1920030320-20060520]",         // 7: 10 digits
		"\t[]",                                // 8: empty
		"\t[FFF <abc]",                        // 9: not a date
		"\t[GGG 120101-]",                     // 10: missing date
		"\t[HHH 120101-120102",                // 11: unbalanced
		"+FAEROYENE]_",                        // 12: stray ]
		"+_SYRIAN_FORCES_",                    // 13: leading _
		"\tJOHN_MCCLOY_\t[IGO 470301-490630]", // 14: indented record
		"A.H._BELO_ [MNCMED]\tNewspapers\t$137,000,000", // 15: text after code
		"[XYZ]",          // 16: no phrase
		"+LOST",          // 17: dropped with 16
		"\t[LOST]",       // 18: dropped with 16
		"AFTER [OK]",     // 19
		"+SYN [SYNCODE]", // 20: code on a synonym
	)
	actors, errs := ReadActors(strings.NewReader(in), "bad.actors", Options{})
	eq(t, "errors", errStrings(t, errs), []string{
		"bad.actors:1:1: synonym before any actor",
		"bad.actors:2:2: date restriction before any actor",
		"bad.actors:4:7: date \"9008223\" has 7 digits, want YYMMDD or YYYYMMDD in restriction \"9008223-911221\"",
		"bad.actors:5:7: date restriction without <, > or -: \"20121204\"",
		"bad.actors:6:3: date restriction without code",
		"bad.actors:7:7: date \"1920030320\" has 10 digits, want YYMMDD or YYYYMMDD in restriction \"1920030320-20060520\"",
		"bad.actors:8:3: empty code []",
		"bad.actors:9:7: bad date \"abc\" in restriction \"<abc\"",
		"bad.actors:10:7: missing date in restriction \"120101-\"",
		"bad.actors:11:2: unbalanced [: missing ]",
		"bad.actors:12:11: unexpected ']' in phrase",
		"bad.actors:13:2: phrase starts with '_'",
		"bad.actors:14:2: indented line is not a [CODE restriction]; read as a new actor",
		"bad.actors:15:21: unexpected text \"Newspapers\\t$137,000,000\" after code",
		"bad.actors:16:1: code without an actor phrase",
		"bad.actors:20:6: code on a synonym line; it applies to the whole record",
	})
	var got []string
	for _, a := range actors {
		var ps, cs []string
		for _, p := range a.Phrases {
			ps = append(ps, phraseKey(p))
		}
		for _, c := range a.Codes {
			cs = append(cs, c.Code)
		}
		got = append(got, strings.Join(ps, "|")+" "+strings.Join(cs, ","))
	}
	eq(t, "actors kept", got, []string{
		"GOOD|FAEROYENE_|SYRIAN_FORCES_ AAA",
		"JOHN_MCCLOY_ IGO",
		"A.H._BELO_ MNCMED",
		"AFTER|SYN OK,SYNCODE",
	})

	actors, errs = ReadActors(strings.NewReader(in), "bad.actors", Options{Strict: true})
	if actors != nil {
		t.Error("strict: got actors")
	}
	eq(t, "strict errors", errStrings(t, errs), []string{"bad.actors:1:1: synonym before any actor"})
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want int
		err  string
	}{
		{"950601", 19950601, ""},
		{"291231", 20291231, ""}, // YY < 30: 20YY
		{"300101", 19300101, ""}, // YY >= 30: 19YY
		{"000101", 20000101, ""},
		{"19950601", 19950601, ""},
		{"20121301", 20121301, ""}, // month 13 is read; Check reports it
		{"", 0, "missing date"},
		{"9506", 0, `date "9506" has 4 digits, want YYMMDD or YYYYMMDD`},
		{"95-06", 0, `bad date "95-06"`},
	}
	for _, tc := range cases {
		got, err := parseDate(tc.in)
		if got != tc.want || err != tc.err {
			t.Errorf("parseDate(%q) = %d, %q; want %d, %q", tc.in, got, err, tc.want, tc.err)
		}
	}
}

// TestCodeAt pins the date semantics with the DATE records of
// PETR.UnitTest.records.xml against PETR.Validate.actors.txt: the first
// restriction in file order that holds wins (SAM_GAMGEE's
// [ORCHOB 20100109-20100112] overrides the wider HOBMIL interval after
// it), limits are inclusive, and undated codes apply when no restriction holds.
func TestCodeAt(t *testing.T) {
	actors, errs := ReadActors(openValidate(t, "PETR.Validate.actors.txt"), "PETR.Validate.actors.txt", Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	byPhrase := map[string]*Actor{}
	for _, a := range actors {
		for _, p := range a.Phrases {
			byPhrase[strings.Join(p.Words(), " ")] = a
		}
	}
	cases := []struct {
		record string
		phrase string
		date   int
		want   string
		ok     bool
	}{
		{"DATE-01", "SAM GAMGEE", 19950104, "HOBCIV", true},
		{"DATE-02", "SAM GAMGEE", 20080119, "HOBCIV", true},
		{"DATE-03", "HAMFAST GAMGEE", 19950104, "HOB", true},
		{"DATE-04", "HAMFAST GAMGEE", 20121109, "HOBGOV", true},
		{"DATE-05", "HAMFAST GAMGEE", 20121225, "HOBGOV", true},
		{"DATE-06", "HAMFAST GAMGEE", 20121109, "HOBGOV", true},
		{"DATE-07", "HAMFAST GAMGEE", 20140104, "HOB", true},
		{"DATE-08", "SAM GAMGEE", 20100106, "HOBMIL", true},
		{"DATE-09", "SAM GAMGEE", 20100109, "ORCHOB", true},
		{"DATE-10", "SAM GAMGEE", 20100110, "ORCHOB", true},
		{"DATE-11", "SAM GAMGEE", 20100112, "ORCHOB", true},
		{"DATE-12", "SAM GAMGEE", 20100113, "HOBMIL", true},
		{"DATE-13", "SAM GAMGEE", 20121231, "HOBGOV", true},
		{"DATE-14", "SMEAGOL", 19951101, "HOBGOV", true},
		{"DATE-15", "SLINKER", 19951101, "HOBGOV", true},
		{"DATE-16", "STINKER", 19950101, "HOB", true},
		{"DATE-17", "SLINKER", 19980101, "HOBGOV", true},
		{"DATE-18", "SMEAGOL", 19990101, "HOBGOV", true},
		{"DATE-19", "SLINKER", 20010101, "HOBREB", true},
		{"DATE-20", "ZIMBABWE", 19781223, "RHO", true},
		{"DATE-20", "SLINKER", 19781223, "HOB", true},
		{"DATE-21", "ZIMBABWE", 20010101, "ZBW", true},
		// Boundaries shared by two restrictions: the earlier line wins.
		{"boundary", "SAM GAMGEE", 20080120, "HOBCIV", true},
		{"boundary", "SAM GAMGEE", 20121109, "HOBMIL", true},
		{"inclusive <", "PRINCE OF DOL AMROTH", 19950630, "---", true},
		{"after <", "PRINCE OF DOL AMROTH", 19950701, "DOL", true},
		// No restriction holds and no undated code: no code.
		{"no code", "ONODOHER", 19920101, "", false},
		{"restricted only", "ONODOHER", 19911226, "ONO", true},
		// Unknown date: only undated codes.
		{"unknown date", "SAM GAMGEE", 0, "HOB", true},
		{"unknown date", "GOLLUM", 0, "", false},
	}
	for _, tc := range cases {
		a := byPhrase[tc.phrase]
		if a == nil {
			t.Fatalf("%s: no actor %q", tc.record, tc.phrase)
		}
		got, ok := a.CodeAt(tc.date)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: %s at %d = %q, %v; want %q, %v", tc.record, tc.phrase, tc.date, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDatedCodeHolds(t *testing.T) {
	cases := []struct {
		d    DatedCode
		date int
		want bool
	}{
		{DatedCode{Kind: DateAny}, 19000101, true},
		{DatedCode{Kind: DateBefore, From: 19950601}, 19950601, true},
		{DatedCode{Kind: DateBefore, From: 19950601}, 19950602, false},
		{DatedCode{Kind: DateAfter, From: 19990816}, 19990816, true},
		{DatedCode{Kind: DateAfter, From: 19990816}, 19990815, false},
		{DatedCode{Kind: DateBetween, From: 20100109, To: 20100112}, 20100109, true},
		{DatedCode{Kind: DateBetween, From: 20100109, To: 20100112}, 20100112, true},
		{DatedCode{Kind: DateBetween, From: 20100109, To: 20100112}, 20100113, false},
		{DatedCode{Kind: DateBetween, From: 20100109, To: 20100112}, 20100108, false},
	}
	for _, tc := range cases {
		if got := tc.d.Holds(tc.date); got != tc.want {
			t.Errorf("%+v.Holds(%d) = %v, want %v", tc.d, tc.date, got, tc.want)
		}
	}
}
