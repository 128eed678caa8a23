package dict

import (
	"strings"
	"testing"
)

// gen marks a phrase as generated.
func gen(p Phrase) Phrase { p.Generated = true; return p }

func TestReadAgents(t *testing.T) {
	in := text(
		"!PERSON! = MAN, MEN, WOMAN , WOMEN, PERSON",  // 1
		"!MINST! = MINISTER, MINISTRY",                // 2
		"PARLIAMENTARY_OPPOSITION {} [~OPP] #jap",     // 3
		"AMBASSADOR [~GOV] # LRP 02 Jun 2004",         // 4
		"ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]", // 5
		"CONGRESS [~LEG]",                             // 6
		"CONGRESS!PERSON! [~LEG]",                     // 7
		"!MINST!_OF_SILLY_WALKS [~GOV]",               // 8
		"HUMAN_RIGHTS_BODY  [NGO~]",                   // 9
		"POLICE {} [ ~COP] # JON 2/8/95",              // 10
		"HUMAN_RIGHTS_ORGANIZATION  [  NGO~]",         // 11
		"HUSBAND!PERSON![~AGR]",                       // 12
		"SECURITY SERVICE [~GOV]",                     // 13
		"AUTHORITY [~GOV]",                            // 14
		"ISLAMIC_FRONT_  [~MUSREB]",                   // 15
		"!MINST! FOR_!PERSON! [~GOV]",                 // 16
	)
	d, errs := ReadAgents(strings.NewReader(in), "ag", Options{})
	eq(t, "errors", errStrings(t, errs), []string(nil))
	eq(t, "subst", d.Subst, map[string][]string{
		"!PERSON!": {"MAN", "MEN", "WOMAN", "WOMEN", "PERSON"},
		"!MINST!":  {"MINISTER", "MINISTRY"},
	})
	p := func(line int, elems ...Elem) Phrase { return Phrase{Elems: elems, Line: line} }
	ag := func(line int, text, code string, prefix bool, phrases ...Phrase) *Agent {
		return &Agent{Path: "ag", Line: line, Text: text, Code: code, Prefix: prefix, Phrases: phrases}
	}
	var congress, husband []Phrase
	for _, it := range []string{"MAN", "MEN", "WOMAN", "WOMEN", "PERSON"} {
		congress = append(congress, gen(p(7, w("CONGRESS"+it, 1))))
		husband = append(husband, gen(p(12, w("HUSBAND"+it, 1))))
	}
	var ministerFor []Phrase
	for _, m := range []string{"MINISTER", "MINISTRY"} {
		for _, it := range []string{"MAN", "MEN", "WOMAN", "WOMEN", "PERSON"} {
			ministerFor = append(ministerFor, gen(p(16, w(m, 1), wc("FOR", 9), w(it, 13))))
		}
	}
	eq(t, "agents", d.Agents, []*Agent{
		ag(3, "PARLIAMENTARY_OPPOSITION {} [~OPP]", "OPP", false,
			p(3, wc("PARLIAMENTARY", 1), w("OPPOSITION", 15))),
		ag(4, "AMBASSADOR [~GOV]", "GOV", false,
			p(4, w("AMBASSADOR", 1)), gen(p(4, w("AMBASSADORS", 1)))),
		ag(5, "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]", "GOV", false,
			p(5, wc("ATTORNEY", 1), w("GENERAL", 10)), p(5, wc("ATTORNEYS", 19), w("GENERAL", 29))),
		ag(6, "CONGRESS [~LEG]", "LEG", false,
			p(6, w("CONGRESS", 1)), gen(p(6, w("CONGRESSES", 1)))),
		ag(7, "CONGRESS!PERSON! [~LEG]", "LEG", false, congress...),
		ag(8, "!MINST!_OF_SILLY_WALKS [~GOV]", "GOV", false,
			gen(p(8, wc("MINISTER", 1), wc("OF", 9), wc("SILLY", 12), w("WALKS", 18))),
			gen(p(8, wc("MINISTRY", 1), wc("OF", 9), wc("SILLY", 12), w("WALKS", 18)))),
		ag(9, "HUMAN_RIGHTS_BODY  [NGO~]", "NGO", true,
			p(9, wc("HUMAN", 1), wc("RIGHTS", 7), w("BODY", 14)), gen(p(9, wc("HUMAN", 1), wc("RIGHTS", 7), w("BODIES", 14)))),
		ag(10, "POLICE {} [ ~COP]", "COP", false, p(10, w("POLICE", 1))),
		ag(11, "HUMAN_RIGHTS_ORGANIZATION  [  NGO~]", "NGO", true,
			p(11, wc("HUMAN", 1), wc("RIGHTS", 7), w("ORGANIZATION", 14)), gen(p(11, wc("HUMAN", 1), wc("RIGHTS", 7), w("ORGANIZATIONS", 14)))),
		ag(12, "HUSBAND!PERSON![~AGR]", "AGR", false, husband...),
		ag(13, "SECURITY SERVICE [~GOV]", "GOV", false,
			p(13, w("SECURITY", 1), w("SERVICE", 10)), gen(p(13, w("SECURITY", 1), w("SERVICES", 10)))),
		ag(14, "AUTHORITY [~GOV]", "GOV", false,
			p(14, w("AUTHORITY", 1)), gen(p(14, w("AUTHORITIES", 1)))),
		{Path: "ag", Line: 15, Text: "ISLAMIC_FRONT_  [~MUSREB]", Code: "MUSREB",
			Phrases: []Phrase{{Elems: []Elem{wc("ISLAMIC", 1), w("FRONT", 9)}, Exact: true, Line: 15}}},
		ag(16, "!MINST! FOR_!PERSON! [~GOV]", "GOV", false, ministerFor...),
	})
}

func TestReadAgentsMalformed(t *testing.T) {
	in := text(
		"DEPARMENT_OF_ENVIRONMENT [~ENV}", // 1: [ closed by }
		"ISLAMIC_EXTREMIST",               // 2: no code
		"!BAD! = A, , B",                  // 3: empty item
		"X!NOPE! [~GOV]",                  // 4: unknown set
		"{PL} [~GOV]",                     // 5: no phrase
		"Y {A [~GOV]",                     // 6: unbalanced {
		"Z [GOV]",                         // 7: no ~
		"W [~A~]",                         // 8: ~ on both sides
		"V [~]",                           // 9: empty code
		"U [~A] [~B]",                     // 10: second code
		"T [~A] junk",                     // 11: trailing text
		"S {} {} [~A]",                    // 12: second plural
		"R!X [~A]",                        // 13: unbalanced !
		"!BAD! = C",                       // 14: redefined
		"Q [~A",                           // 15: unbalanced [
		"GOOD [~OK]",                      // 16
	)
	d, errs := ReadAgents(strings.NewReader(in), "bad.agents", Options{})
	eq(t, "errors", errStrings(t, errs), []string{
		"bad.agents:1:31: code opened with [ but closed with }",
		"bad.agents:2:1: agent without [code]",
		"bad.agents:3:11: empty item in substitution set !BAD!",
		"bad.agents:4:2: unknown substitution set !NOPE!",
		"bad.agents:5:1: agent code without a phrase",
		"bad.agents:6:3: unbalanced {: missing }",
		"bad.agents:7:4: agent code \"GOV\" without ~; read as suffix ~GOV",
		"bad.agents:8:4: agent code \"~A~\" has ~ on both sides",
		"bad.agents:9:4: empty agent code",
		"bad.agents:10:8: second code",
		"bad.agents:11:8: unexpected text \"junk\"",
		"bad.agents:12:6: second {plural}",
		"bad.agents:13:2: unbalanced ! in substitution marker",
		"bad.agents:14:1: substitution set !BAD! already defined on line 3",
		"bad.agents:15:3: unbalanced [: missing ]",
	})
	var got []string
	for _, a := range d.Agents {
		got = append(got, strings.Join(a.Phrases[0].Words(), " ")+" "+agentCode(a))
	}
	eq(t, "agents kept", got, []string{
		"DEPARMENT OF ENVIRONMENT [~ENV]",
		"Z [~GOV]",
		"U [~A]",
		"S [~A]",
		"GOOD [~OK]",
	})
	eq(t, "subst kept", d.Subst, map[string][]string{"!BAD!": {"A", "B"}})

	d, errs = ReadAgents(strings.NewReader(in), "bad.agents", Options{Strict: true})
	if d != nil {
		t.Error("strict: got agents")
	}
	eq(t, "strict errors", errStrings(t, errs), []string{"bad.agents:1:31: code opened with [ but closed with }"})
}

func TestPlural(t *testing.T) {
	cases := map[string]string{
		"MINISTER": "MINISTERS", "PRESS": "PRESSES", "BUS": "BUSES", "TAX": "TAXES", "BUZZ": "BUZZES",
		"BRUSH": "BRUSHES", "CHURCH": "CHURCHES", "AUTHORITY": "AUTHORITIES", "ATTORNEY": "ATTORNEYS",
		"BOY": "BOYS", "Y": "YS", "U.S.": "", "F-16": "", "": "", "GROUP": "GROUPS",
	}
	for in, want := range cases {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerbForms(t *testing.T) {
	cases := map[string][]string{
		"DEPART":  {"DEPARTS", "DEPARTED", "DEPARTING"},
		"DEPLORE": {"DEPLORES", "DEPLORED", "DEPLORING"},
		"CARRY":   {"CARRIES", "CARRIED", "CARRYING"},
		"DELAY":   {"DELAYS", "DELAYED", "DELAYING"},
		"DIE":     {"DIES", "DIED", "DYING"},
		"AGREE":   {"AGREES", "AGREED", "AGREEING"},
		"DYE":     {"DYES", "DYED", "DYEING"},
		"HOE":     {"HOES", "HOED", "HOEING"},
		"BE":      {"BES", "BED", "BEING"},
		"VETO":    {"VETOES", "VETOED", "VETOING"},
		"RADIO":   {"RADIOS", "RADIOED", "RADIOING"},
		"PRESS":   {"PRESSES", "PRESSED", "PRESSING"},
		"FIX":     {"FIXES", "FIXED", "FIXING"},
		"BUZZ":    {"BUZZES", "BUZZED", "BUZZING"},
		"PUSH":    {"PUSHES", "PUSHED", "PUSHING"},
		"REACH":   {"REACHES", "REACHED", "REACHING"},
		"STOP":    {"STOPS", "STOPED", "STOPING"}, // no doubling: the dictionaries list such forms
		"X-":      nil,
	}
	for in, want := range cases {
		eq(t, "verbForms("+in+")", verbForms(in), want)
	}
}

func TestReadDiscards(t *testing.T) {
	in := text(
		"# Story-level discards are indicated with a '+'.", // 1
		"1914",                              // 2
		"MONTHS LATER",                      // 3
		"+World Golf Championships   # pas", // 4
		"+ Manchester United",               // 5
		"GROUP A_",                          // 6
		"ACCIDENT KILLED\t",                 // 7
		"AFRICAN NATIONS CUP   # ab ;AB",    // 8
		"<!-- comment -->",                  // 9
		"+",                                 // 10: empty
		"TRAIL]",                            // 11: stray ]
		"  INDENTED_WORDS",                  // 12
	)
	ds, errs := ReadDiscards(strings.NewReader(in), "dis", Options{})
	eq(t, "errors", errStrings(t, errs), []string{
		"dis:10:2: empty discard phrase",
		"dis:11:6: unexpected ']' in phrase",
	})
	eq(t, "discards", ds, []*Discard{
		{Path: "dis", Line: 2, Text: "1914", Words: []string{"1914"}},
		{Path: "dis", Line: 3, Text: "MONTHS LATER", Words: []string{"MONTHS", "LATER"}},
		{Path: "dis", Line: 4, Text: "+World Golf Championships", Words: []string{"WORLD", "GOLF", "CHAMPIONSHIPS"}, Story: true},
		{Path: "dis", Line: 5, Text: "+ Manchester United", Words: []string{"MANCHESTER", "UNITED"}, Story: true},
		{Path: "dis", Line: 6, Text: "GROUP A_", Words: []string{"GROUP", "A"}, WordEnd: true},
		{Path: "dis", Line: 7, Text: "ACCIDENT KILLED", Words: []string{"ACCIDENT", "KILLED"}},
		{Path: "dis", Line: 8, Text: "AFRICAN NATIONS CUP", Words: []string{"AFRICAN", "NATIONS", "CUP"}},
		{Path: "dis", Line: 11, Text: "TRAIL]", Words: []string{"TRAIL"}},
		{Path: "dis", Line: 12, Text: "INDENTED_WORDS", Words: []string{"INDENTED", "WORDS"}},
	})
	ds, errs = ReadDiscards(strings.NewReader(in), "dis", Options{Strict: true})
	if ds != nil || len(errs) != 1 {
		t.Errorf("strict: %v, %v", ds, errs)
	}
}

func TestReadIssues(t *testing.T) {
	in := text(
		"# Phoenix Open Event Data Issues",            // 1
		`<ISSUE CATEGORY="EDUCATION" TYPE="ALL">`,     // 2
		"n:preschool [EARLY_CHILDHOOD_EDUCATION]",     // 3
		"pre+n:school [EARLY]",                        // 4
		"n:bachelor n:degree [POST]",                  // 5
		"ethnic v:purge [ID_ATROCITY]",                // 6
		"~a head start",                               // 7
		"~~Armenian genocide  # historical",           // 8
		"touristry[TOURISM]",                          // 9
		"weapons_grade plutonium [NUC]",               // 10
		"european central bank",                       // 11: no code: the category
		"</ISSUE>",                                    // 12
		`<ISSUE CATEGORY="KIDNAP" TYPE="COUNTEVENT">`, // 13
		"v:kidnap", // 14
		"</ISSUE>", // 15
	)
	is, errs := ReadIssues(strings.NewReader(in), "iss", Options{})
	eq(t, "errors", errStrings(t, errs), []string(nil))
	e := func(line int, text, code string, phrases ...[]string) *IssueEntry {
		return &IssueEntry{Path: "iss", Line: line, Text: text, Category: "EDUCATION", Type: "ALL", Code: code, Phrases: phrases}
	}
	ign := func(x *IssueEntry, level int) *IssueEntry { x.Ignore, x.IgnoreLevel = true, level; return x }
	ws := func(s string) []string { return strings.Fields(s) }
	eq(t, "issues", is, []*IssueEntry{
		e(3, "n:preschool [EARLY_CHILDHOOD_EDUCATION]", "EARLY_CHILDHOOD_EDUCATION", ws("PRESCHOOL"), ws("PRESCHOOLS")),
		e(4, "pre+n:school [EARLY]", "EARLY", ws("PRE SCHOOL"), ws("PRE SCHOOLS"), ws("PRE-SCHOOL"), ws("PRE-SCHOOLS")),
		e(5, "n:bachelor n:degree [POST]", "POST", ws("BACHELOR DEGREE"), ws("BACHELOR DEGREES"), ws("BACHELORS DEGREE"), ws("BACHELORS DEGREES")),
		e(6, "ethnic v:purge [ID_ATROCITY]", "ID_ATROCITY", ws("ETHNIC PURGE"), ws("ETHNIC PURGES"), ws("ETHNIC PURGED"), ws("ETHNIC PURGING")),
		ign(e(7, "~a head start", "", ws("A HEAD START")), 1),
		ign(e(8, "~~Armenian genocide", "", ws("ARMENIAN GENOCIDE")), 2),
		e(9, "touristry[TOURISM]", "TOURISM", ws("TOURISTRY")),
		e(10, "weapons_grade plutonium [NUC]", "NUC", ws("WEAPONS GRADE PLUTONIUM")),
		e(11, "european central bank", "EDUCATION", ws("EUROPEAN CENTRAL BANK")),
		{Path: "iss", Line: 14, Text: "v:kidnap", Category: "KIDNAP", Type: "COUNTEVENT", Code: "KIDNAP",
			Phrases: [][]string{ws("KIDNAP"), ws("KIDNAPS"), ws("KIDNAPED"), ws("KIDNAPING")}},
	})
}

func TestReadIssuesMalformed(t *testing.T) {
	in := text(
		"orphan",               // 1: no code, no section
		`<ISSUE CATEGORY="A">`, // 2
		"eu+ gene [A]",         // 3: empty part
		"v:block m:site [X]",   // 4: unknown expansion
		"intimidation of press [M]intimidation of the media [M]", // 5
		"aqim [N] [N]",         // 6
		`<ISSUE CATEGORY="B">`, // 7: A not closed
		"x [B]",                // 8
		"</ISSUE>",             // 9
		"</ISSUE>",             // 10: none open
		"<FOO>",                // 11
		"~~~x",                 // 12
		"~y [C]",               // 13
		"n: [D]",               // 14
		"z [D E]",              // 15
		`<ISSUE CATEGORY="C"`,  // 16: tag not closed
		`<ISSUE TYPE="ALL">`,   // 17: no category; left open at EOF
	)
	is, errs := ReadIssues(strings.NewReader(in), "bad.issues", Options{})
	eq(t, "errors", errStrings(t, errs), []string{
		"bad.issues:1:1: issue entry without [code] outside an <ISSUE> section",
		"bad.issues:3:3: empty part around + in eu+",
		"bad.issues:4:9: unknown expansion m: (want n: or v:); read as a plain word",
		"bad.issues:5:26: unexpected text \"intimidation of the media [M]\" after code",
		"bad.issues:6:10: unexpected text \"[N]\" after code",
		"bad.issues:7:1: <ISSUE> section opened on line 2 is not closed",
		"bad.issues:10:1: </ISSUE> without an open <ISSUE> section",
		"bad.issues:11:1: unknown tag \"<FOO>\"",
		"bad.issues:12:3: more than two ~",
		"bad.issues:13:4: ignore entry with a code; the code is not used",
		"bad.issues:14:1: nothing after n:",
		"bad.issues:15:4: bad issue code \"D E\"",
		"bad.issues:16:19: <ISSUE tag not closed with >",
		"bad.issues:17:1: <ISSUE> without CATEGORY",
		"bad.issues:17:1: <ISSUE> section not closed before end of file",
	})
	var got []string
	for _, e := range is {
		var ps []string
		for _, p := range e.Phrases {
			ps = append(ps, strings.Join(p, " "))
		}
		got = append(got, e.Code+":"+strings.Join(ps, "|"))
	}
	eq(t, "entries kept", got, []string{
		"X:BLOCK SITE|BLOCKS SITE|BLOCKED SITE|BLOCKING SITE",
		"M:INTIMIDATION OF PRESS",
		"N:AQIM",
		"B:X",
		":X",
		":Y",
	})
	is, errs = ReadIssues(strings.NewReader(in), "bad.issues", Options{Strict: true})
	if is != nil || len(errs) != 1 {
		t.Errorf("strict: %v, %v", is, errs)
	}
}

func TestExpansionLimits(t *testing.T) {
	// Per line: 6 markers of 4 items would make 4096 phrases.
	in := "!P! = A,B,C,D\nX!P!!P!!P!!P!!P!!P! [~X]\nOK!P! [~Y]\n"
	d, errs := ReadAgents(strings.NewReader(in), "g", Options{})
	eq(t, "per-line errors", errStrings(t, errs), []string{"g:2:17: substitutions expand to more than 1024 phrases"})
	if len(d.Agents) != 1 || len(d.Agents[0].Phrases) != 4 {
		t.Errorf("kept %d agents", len(d.Agents))
	}
	// Per file: 1000 lines of 256 phrases each exceed 65536.
	in = "!P! = A,B,C,D\n" + strings.Repeat("X!P!!P!!P!!P! [~X]\n", 1000)
	d, errs = ReadAgents(strings.NewReader(in), "g", Options{})
	n := 0
	for _, a := range d.Agents {
		n += len(a.Phrases)
	}
	if n != 256*256 || len(d.Agents) != 256 || len(errs) != 1000-256 {
		t.Errorf("file budget: %d phrases in %d agents, %d errors", n, len(d.Agents), len(errs))
	}
	eq(t, "first budget error", errs[0].Error(), "g:258:1: expansions exceed the file's limit of 65536 generated phrases; line dropped")
	// Issues share the rules: 11 n: tokens make 2048 phrases.
	is, errs := ReadIssues(strings.NewReader("n:a n:b n:c n:d n:e n:f n:g n:h n:i n:j n:k [X]\nok [Y]\n"), "i", Options{})
	eq(t, "issue errors", errStrings(t, errs), []string{"i:1:41: expansions give more than 1024 phrases"})
	if len(is) != 1 {
		t.Errorf("issues kept: %d", len(is))
	}
}
