package dict

import (
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annalist/annalist"
)

// loadMap loads a Set from in-memory files named by kind: "v.verbs",
// "a.actors", "g.agents", "d.discards", "i.issues".
func loadMap(tb testing.TB, files map[string]string, syntax Syntax) *Set {
	tb.Helper()
	fsys := fstest.MapFS{}
	o := LoadOptions{FS: fsys, Options: Options{Syntax: syntax}}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names) // files of one kind load in name order
	for _, name := range names {
		data := files[name]
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
		switch KindOfName(name) {
		case KindVerbs:
			o.Verbs = name
		case KindActors:
			o.Actors = append(o.Actors, name)
		case KindAgents:
			o.Agents = append(o.Agents, name)
		case KindDiscards:
			o.Discards = append(o.Discards, name)
		case KindIssues:
			o.Issues = append(o.Issues, name)
		}
	}
	set, errs := Load(o)
	if len(errs) > 0 {
		tb.Fatalf("load: %v", errs)
	}
	return set
}

func finding(path string, line int, kind Kind, sev Severity, check, msg string) Finding {
	return Finding{Pos: annalist.Position{Path: path, Line: line, Col: 1}, Kind: kind, Severity: sev, Check: check, Message: msg}
}

func TestCheckVerbs(t *testing.T) {
	set := loadMap(t, map[string]string{"v.verbs": text(
		"&USED",                    // 1
		"+A",                       // 2
		"+A",                       // 3: listed twice
		"&UNUSED",                  // 4
		"+B",                       // 5
		"&EMPTY",                   // 6
		"--- EMPTYBLOCK [010] ---", // 7
		"--- DEAD [---] ---",       // 8
		"DEAD",                     // 9
		"--- V [010] ---",          // 10
		"V",                        // 11
		"- * &LATER [011]",         // 12: used before definition
		"- $ $ * + + [012]",        // 13: two sources, two targets
		"- * X [013]",              // 14
		"- * X  [013]",             // 15: duplicate of 14
		"- * X [014]",              // 16: conflict with 14
		"- * Y [abc]",              // 17: unusual code
		"- * Z [###]",              // 18: TABARI discard code
		"- * &USED [011:12345]",    // 19: unusual secondary
		"--- W [020] ---",          // 20
		"V",                        // 21: V is also in block V
		"W {WS WED WING}",          // 22
		"WAX [022]",                // 23
		"&LATER_",                  // 24
		"+C",                       // 25
	)}, SyntaxTABARI)
	eq(t, "findings", Check(set), []Finding{
		finding("v.verbs", 3, KindVerbs, SeverityWarning, "duplicate", "synset &USED lists A twice (first on line 2)"),
		finding("v.verbs", 4, KindVerbs, SeverityWarning, "synset-unused", "synset &UNUSED is never used"),
		finding("v.verbs", 6, KindVerbs, SeverityWarning, "synset-empty", "synset &EMPTY has no phrases"),
		finding("v.verbs", 6, KindVerbs, SeverityWarning, "synset-unused", "synset &EMPTY is never used"),
		finding("v.verbs", 7, KindVerbs, SeverityWarning, "block-empty", "block EMPTYBLOCK has no verbs"),
		finding("v.verbs", 8, KindVerbs, SeverityWarning, "block-dead", "block DEAD has the null code, no verb codes and no patterns: its verbs never code"),
		{Pos: annalist.Position{Path: "v.verbs", Line: 12, Col: 5}, Kind: KindVerbs, Severity: SeverityWarning, Check: "synset-order",
			Message: "synset &LATER is used before its definition on line 24 (PETRARCH ignores such patterns)"},
		finding("v.verbs", 13, KindVerbs, SeverityWarning, "pattern-actors", "pattern has 2 sources $"),
		finding("v.verbs", 13, KindVerbs, SeverityWarning, "pattern-actors", "pattern has 2 targets +"),
		finding("v.verbs", 15, KindVerbs, SeverityWarning, "duplicate", `pattern "* X [013]" repeats line 14`),
		finding("v.verbs", 16, KindVerbs, SeverityError, "conflict", `pattern "* X [014]" has code [014] here and [013] on line 14`),
		finding("v.verbs", 17, KindVerbs, SeverityWarning, "code", "pattern has the unusual code [abc]"),
		finding("v.verbs", 18, KindVerbs, SeverityWarning, "code", "pattern has the TABARI discard code [###], which PETRARCH does not use"),
		finding("v.verbs", 19, KindVerbs, SeverityWarning, "code", "pattern has the unusual code [011:12345]"),
		finding("v.verbs", 21, KindVerbs, SeverityError, "conflict", "verb form V is in block V (line 11) and block W (line 21)"),
	})
}

func TestCheckTransforms(t *testing.T) {
	set := loadMap(t, map[string]string{"v.verbs": text(
		"--- SAY [010] ---",
		"SAY {SAYS SAID SAYING}",
		"- * (TO) [011]",
		"~ a (a b ATTACK) SAY = a b 138", // 4: ATTACK is in no block
		"~ a (b . Q) SAY = a c 11X",      // 5: c not on the left, odd code
	)}, SyntaxPETRARCH2)
	eq(t, "findings", Check(set), []Finding{
		finding("v.verbs", 4, KindVerbs, SeverityWarning, "transform", "transformation verb ATTACK is not in any verb block"),
		finding("v.verbs", 5, KindVerbs, SeverityWarning, "transform", "transformation outputs slot c, which its left side does not name"),
		finding("v.verbs", 5, KindVerbs, SeverityWarning, "code", "unusual code 11X in transformation"),
	})
}

func TestCheckActors(t *testing.T) {
	set := loadMap(t, map[string]string{
		"a.actors": text(
			"A [AAA]",                 // 1
			"B [AAA]",                 // 2
			"+A",                      // 3: duplicate of 1, same codes
			"C [CCC]",                 // 4
			"+A",                      // 5: conflict with 1
			"D",                       // 6
			"\t[X 20121301-20130101]", // 7: month 13
			"\t[Y 20130431-20130501]", // 8: 31 April
			"\t[Z 20130501-20130401]", // 9: reversed
			"E",                       // 10
			"\t[P 20100101-20101231]", // 11
			"\t[Q 20100601-20110101]", // 12: overlaps P
			"\t[R 20101231-20111231]", // 13: P only on a boundary day; overlaps Q
			"\t[P <20100301]",         // 14: same code as P: fine
			"F",                       // 15: no code
			"G [G1]",                  // 16
			"\t[G2]",                  // 17: never applies
			"H [HHH]",                 // 18
			"+H",                      // 19: repeats its own primary
		),
		"b.actors": text("A [ZZZ]"), // conflict across files
	}, 0)
	eq(t, "findings", Check(set), []Finding{
		finding("a.actors", 3, KindActors, SeverityWarning, "duplicate", "phrase A repeats 1 with the same codes"),
		finding("a.actors", 5, KindActors, SeverityError, "conflict", "phrase A has codes [CCC] here and [AAA] at 1"),
		finding("a.actors", 7, KindActors, SeverityError, "date", "impossible date 20121301 in [X]"),
		finding("a.actors", 8, KindActors, SeverityError, "date", "impossible date 20130431 in [Y]"),
		finding("a.actors", 9, KindActors, SeverityError, "date", "restriction [Z 20130501-20130401] ends before it starts"),
		finding("a.actors", 12, KindActors, SeverityWarning, "overlap", "restriction [Q] overlaps [P] of line 11 from 20100601 to 20101231; the earlier line wins"),
		finding("a.actors", 13, KindActors, SeverityWarning, "overlap", "restriction [R] overlaps [Q] of line 12 from 20101231 to 20110101; the earlier line wins"),
		finding("a.actors", 15, KindActors, SeverityWarning, "no-code", "actor F has no code"),
		finding("a.actors", 17, KindActors, SeverityWarning, "no-code", "second undated code [G2] for G never applies"),
		finding("a.actors", 19, KindActors, SeverityWarning, "duplicate", "phrase H repeats line 18 of the same record"),
		finding("b.actors", 1, KindActors, SeverityError, "conflict", "phrase A has codes [ZZZ] here and [AAA] at a.actors:1"),
	})
}

func TestCheckOthers(t *testing.T) {
	set := loadMap(t, map[string]string{
		"g.agents": text(
			"OFFICIAL [~GOV]",  // 1
			"OFFICIALS [~GOV]", // 2: the plural of 1
			"POLICE {} [~COP]", // 3
			"POLICE [~MIL]",    // 4: conflict
			"NGO [NGO~]",       // 5
			"NGO [~NGO]",       // 6: prefix vs suffix
		),
		"d.discards": text("BASEBALL", "BASEBALL", "+BASEBALL", "GROUP A_", "GROUP A"),
		"i.issues": text(
			`<ISSUE CATEGORY="X" TYPE="ALL">`, // 1
			"oil [OIL]",                       // 2
			"oil [OIL]",                       // 3: duplicate
			"oil [GAS]",                       // 4: conflict
			"nocode",                          // 5: no code
			"~oil",                            // 6: ignore entries are apart
			"</ISSUE>",                        // 7
			`<ISSUE CATEGORY="K" TYPE="COUNTEVENT">`,
			"kidnap", // 9: expected without code
			"</ISSUE>",
		),
	}, 0)
	eq(t, "findings", Check(set), []Finding{
		finding("d.discards", 2, KindDiscards, SeverityWarning, "duplicate", "discard BASEBALL repeats line 1"),
		finding("d.discards", 3, KindDiscards, SeverityError, "conflict", "discard BASEBALL is story-level on one line and sentence-level on the other (line 1)"),
		finding("g.agents", 2, KindAgents, SeverityWarning, "duplicate", "phrase OFFICIALS repeats 1 (counting generated forms)"),
		finding("g.agents", 4, KindAgents, SeverityError, "conflict", "phrase POLICE has code [~MIL] here and [~COP] at 3"),
		finding("g.agents", 6, KindAgents, SeverityError, "conflict", "phrase NGO has code [~NGO] here and [NGO~] at 5"),
		finding("g.agents", 6, KindAgents, SeverityError, "conflict", "phrase NGOS has code [~NGO] here and [NGO~] at 5 (counting generated forms)"),
		finding("i.issues", 3, KindIssues, SeverityWarning, "duplicate", "phrase OIL repeats line 2"),
		finding("i.issues", 4, KindIssues, SeverityError, "conflict", "phrase OIL has code GAS here and OIL on line 2"),
		finding("i.issues", 5, KindIssues, SeverityWarning, "no-code", `issue entry "nocode" has no code; it counts as X`),
	})
}
func TestCheckNil(t *testing.T) {
	if f := Check(nil); f != nil {
		t.Errorf("Check(nil) = %v", f)
	}
	if n := Count(nil); n != (Counts{}) {
		t.Errorf("Count(nil) = %+v", n)
	}
	f := finding("x", 3, KindActors, SeverityError, "date", "bad")
	if got := f.String(); got != "x:3:1: error: bad (date)" {
		t.Errorf("Finding.String() = %q", got)
	}
}

// TestCheckGolden pins every finding on the validation-suite dictionaries.
// Regenerate with: go test ./dict -run Golden -update
func TestCheckGolden(t *testing.T) {
	set, _ := LoadDir(validateDir, Options{})
	var b strings.Builder
	for _, f := range Check(set) {
		b.WriteString(strings.TrimPrefix(f.String(), validateDir+"/"))
		b.WriteByte('\n')
	}
	golden(t, "check-validate.golden", []byte(b.String()))
}
