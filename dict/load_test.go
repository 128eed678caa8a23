package dict

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annalist/annalist"
)

// TestShippedCounts loads every shipped file and checks its entry counts
// against counts taken independently with grep and awk (commands below,
// run in dict/data and testdata/petrarch), less the entries the readers
// reject with a reported error, which are listed too.
func TestShippedCounts(t *testing.T) {
	type want struct {
		entries int
		errs    []string // the located problems the reader reports
	}
	// Actors: primary lines, i.e.
	//   grep -v '^[[:space:]]*$' F | grep -v '^[#;+[:space:]<]' | wc -l
	// plus the one indented record of International (grep -c $'^[ \t][ \t]*[^ \t\[#;]' F).
	// Agents: non-blank, non-comment lines that are not "!X! =" lines, less the one without a code.
	// Discards: non-blank, non-comment lines.
	// Issues: non-blank lines not starting with #, < (3170), less "~eu+ gene" which is dropped.
	// Verbs: awk over the file counting "---" headers, "-" patterns, "&" labels,
	// "~" lines and verb lines; less the patterns dropped with an error.
	files := map[string]want{
		"Phoenix.Countries.actors.txt": {18390, []string{
			"2039:10: date \"9008223\" has 7 digits, want YYMMDD or YYYYMMDD in restriction \"9008223-911221\"",
			"15346:11: unexpected ']' in phrase",
			"18010:10: date \"201005011\" has 9 digits, want YYMMDD or YYYYMMDD in restriction \">201005011\"",
			"22508:10: date \"1920030320\" has 10 digits, want YYMMDD or YYYYMMDD in restriction \"1920030320-20060520\"",
			"22519:10: date \"1920030320\" has 10 digits, want YYMMDD or YYYYMMDD in restriction \"1920030320-20060520\"",
			"31715:10: date restriction without <, > or -: \"20121204\"",
			"43613:13: date \"1920050709\" has 10 digits, want YYMMDD or YYYYMMDD in restriction \"1920050709-20110709\"",
			"45739:2: phrase starts with '_'",
			"51384:10: date restriction without <, > or -: \"19820101\"",
		}},
		"Phoenix.International.actors.txt": {7840 + 1, []string{
			"40:13: date \"2004017\" has 7 digits, want YYMMDD or YYYYMMDD in restriction \"2004017-20061201\"",
			"267:2: indented line is not a [CODE restriction]; read as a new actor",
			"3696:33: unexpected text \"Newspapers/Magazines\\t$137,000,000\" after code",
			"3726:32: unexpected text \"Other Consumer Services\\t$991,000,000\" after code",
			"6605:34: unexpected text \"Antilles\\tMedical/Dental Instruments\\t$503,000,000\" after code",
		}},
		"Phoenix.MilNonState.actors.txt": {1021, nil},
		"Phoenix.agents.txt": {2245 - 1, []string{
			"544:31: code opened with [ but closed with }",
			"1927:1: agent without [code]",
		}},
		"Phoenix.discards.txt": {506, nil},
		"Phoenix.IssueCoding.txt": {3170 - 1, []string{
			"155:4: empty part around + in eu+",
			"481:1: </ISSUE> without an open <ISSUE> section",
			"1162:9: unknown expansion m: (want n: or v:); read as a plain word",
			"1198:41: unexpected text \"intimidation of the media [MEDIA_CENSORSHIP]\" after code",
			"2521:27: unexpected text \"[NAMED_TERROR_GROUP]\" after code",
			"2889:48: unexpected text \"islamic jihad organizations [NAMED_TERROR_GROUP]\" after code",
			"3053:54: unexpected text \"*******\" after code",
		}},
		// 40 synsets + 1817 verbs + (4668-2) patterns + 8 transformations.
		"CAMEO.2.0.txt": {40 + 1817 + 4668 - 2 + 8, []string{
			"1735:3: verb * touches a word in \"*SCEPTICAL\"; read as separate elements",
			"2374:60: unbalanced ')'; ignored",
			"7606:56: unbalanced ')'; ignored",
			"8443:10: unknown synset &WEATHER",
			"8444:10: unknown synset &DEMONSTRATION",
		}},
		// 8 synsets + 7 verbs + 55 patterns (grep -c '^&', the lines that
		// are not comments, synsets, phrases or patterns, grep -c '^- ').
		"Annalist.verbs.txt": {8 + 7 + 55, nil},
		// 38 synsets + 1860 verbs + (11011 - 5 dropped) patterns.
		"CAMEO.verbpatterns.150430.txt": {38 + 1860 + 11011 - 5, []string{
			"2568:31: unexpected '+' in verb \"BLOWING_UP+\"",
			"4387:12: pattern has 2 verbs *; want one",
			"5860:3: pattern without [code]",
			"8056:3: pattern has no verb *",
			"8394:32: unbalanced '}'; ignored",
			"8733:3: pattern without [code]",
			"10843:15: pattern has 2 verbs *; want one",
			"11786:1: multi-word verb \"SCOF AT\" is written with blanks and without +; read as +SCOF_AT",
			"12935:1: pattern starts with -- instead of -",
		}},
	}
	for name, w := range files {
		kind := KindOfName(name)
		o := LoadOptions{FS: DefaultFS()}
		switch kind {
		case KindVerbs:
			o.Verbs = name
			if name == DefaultVerbsAnnalist { // a supplement: read onto its base
				o.Verbs, o.MoreVerbs = DefaultVerbsPETRARCH2, []string{name}
			}
		case KindActors:
			o.Actors = []string{name}
		case KindAgents:
			o.Agents = []string{name}
		case KindDiscards:
			o.Discards = []string{name}
		case KindIssues:
			o.Issues = []string{name}
		}
		set, errs := Load(o)
		var got []string
		for _, e := range errStrings(t, errs) {
			if strings.HasPrefix(e, name+":") {
				got = append(got, strings.TrimPrefix(e, name+":"))
			}
		}
		eq(t, name+" errors", got, w.errs)
		eq(t, name+" files", set.Files[len(set.Files)-1:], []File{{Path: name, Kind: kind, Entries: w.entries}})
	}
}

func TestValidateCounts(t *testing.T) {
	set, errs := LoadDir(validateDir, Options{})
	var got []string
	for _, e := range errStrings(t, errs) {
		got = append(got, strings.TrimPrefix(e, validateDir+"/"))
	}
	eq(t, "errors", got, []string{
		"PETR.Validate.verbs.txt:447:18: second code in block header; the first applies",
		"PETR.Validate.verbs.txt:688:1: multi-word verb \"LASH OUT\" is written with blanks and without +; read as +LASH_OUT",
		"PETR.Validate.verbs.txt:1025:1: multi-word verb \"RULE OUT\" is written with blanks and without +; read as +RULE_OUT",
	})
	p := func(n string) string { return filepath.Join(validateDir, n) }
	eq(t, "files", set.Files, []File{
		{Path: p("PETR.Validate.verbs.txt"), Kind: KindVerbs, Entries: 17 + 269 + 474},
		{Path: p("PETR.Validate.actors.txt"), Kind: KindActors, Entries: 128},
		{Path: p("PETR.Validate.agents.txt"), Kind: KindAgents, Entries: 88},
		{Path: p("PETR.Validate.discards.txt"), Kind: KindDiscards, Entries: 9},
	})
	n := Count(set)
	// Independent counts: grep -c '^---' (261), grep -c '^+' in actors (33),
	// grep -c '^[[:space:]]*+' in discards (4).
	eq(t, "blocks", n.Blocks, 261)
	eq(t, "actor phrases", n.ActorPhrases, 128+33)
	stories := 0
	for _, d := range set.Discards {
		if d.Story {
			stories++
		}
	}
	eq(t, "story discards", stories, 4)
	eq(t, "subst", set.Subst, map[string][]string{
		"!PERSON!": {"MAN", "MEN", "WOMAN", "WOMEN", "PERSON"},
		"!MINST!":  {"MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES"},
	})
}

func TestLoadDefault(t *testing.T) {
	for _, syn := range []Syntax{SyntaxTABARI, SyntaxPETRARCH2} {
		set, err := LoadDefault(syn)
		if err != nil {
			t.Fatal(err)
		}
		if set.Verbs.Syntax != syn {
			t.Errorf("LoadDefault(%v) read verbs as %v", syn, set.Verbs.Syntax)
		}
		n := Count(set)
		// 18390 + 7841 + 1021 actors (see TestShippedCounts); PETRARCH-2
		// has the supplement as an eighth file.
		files := map[Syntax]int{SyntaxTABARI: 7, SyntaxPETRARCH2: 8}[syn]
		if n.Actors != 27252 || n.Agents != 2244 || n.Discards != 506 || n.Issues != 3169 || len(set.Files) != files {
			t.Errorf("LoadDefault(%v) counts %+v, %d files", syn, n, len(set.Files))
		}
	}
	set, _ := LoadDefault(0)
	if set.Verbs.Path != DefaultVerbsTABARI {
		t.Errorf("LoadDefault(0) verbs = %s", set.Verbs.Path)
	}
	set, _ = LoadDefault(SyntaxPETRARCH2)
	eq(t, "PETRARCH-2 verb files", set.Verbs.Paths, []string{DefaultVerbsPETRARCH2, DefaultVerbsAnnalist})
	if _, err := DefaultFS().Open("LICENSE"); err != nil {
		t.Errorf("embedded LICENSE: %v", err)
	}
}

func TestLoadMissingAndStrict(t *testing.T) {
	fsys := fstest.MapFS{
		"v.verbs":  {Data: []byte("--- A [010] ---\nA\n- * [011\n- * B [012]\n")},
		"a.actors": {Data: []byte("X [XXX]\n")},
	}
	set, errs := Load(LoadOptions{FS: fsys, Verbs: "v.verbs", Actors: []string{"missing.actors", "a.actors"}})
	if len(errs) != 2 {
		t.Fatalf("errors: %v", errs)
	}
	if annalist.ErrorCode(errs[1]) != annalist.ENOTFOUND || !strings.HasPrefix(errs[1].Error(), "missing.actors: ") {
		t.Errorf("missing file: %v (code %s)", errs[1], annalist.ErrorCode(errs[1]))
	}
	if len(set.Actors) != 1 || len(set.Verbs.Blocks[0].Patterns) != 1 {
		t.Errorf("lenient load lost entries: %d actors, %d patterns", len(set.Actors), len(set.Verbs.Blocks[0].Patterns))
	}
	set, errs = Load(LoadOptions{FS: fsys, Verbs: "v.verbs", Actors: []string{"a.actors"}, Options: Options{Strict: true}})
	if set != nil || len(errs) != 1 || errs[0].Error() != "v.verbs:3:5: unbalanced [: missing ]" {
		t.Errorf("strict: %v, %v", set, errs)
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("LICENSE", "MIT\n")
	write("b.actors.txt", "B [BBB]\n")
	write("a.actors.txt", "A [AAA]\n")
	write("x.verbs", "--- X [010] ---\nX\n- * Y [011]\n")
	write("CAMEO.2.0.txt", "--- X [010] ---\nX\n- * (Y) [011]\n")
	write("my.agents", "OFFICIAL [~GOV]\n")
	write("my.discards", "BASEBALL\n")
	write("my.issues", "oil [OIL]\n")

	set, errs := LoadDir(dir, Options{})
	if len(errs) != 1 || annalist.ErrorCode(errs[0]) != annalist.ECONFLICT {
		t.Fatalf("two verb files without a syntax: %v", errs)
	}
	if filepath.Base(set.Verbs.Path) != "CAMEO.2.0.txt" {
		t.Errorf("first verb file by name: %s", set.Verbs.Path)
	}
	var names []string
	for _, f := range set.Files {
		names = append(names, filepath.Base(f.Path)+":"+string(f.Kind))
	}
	eq(t, "files", names, []string{"CAMEO.2.0.txt:verbs", "a.actors.txt:actors", "b.actors.txt:actors",
		"my.agents:agents", "my.discards:discards", "my.issues:issues"})

	set, errs = LoadDir(dir, Options{Syntax: SyntaxTABARI})
	if len(errs) != 0 || filepath.Base(set.Verbs.Path) != "x.verbs" {
		t.Errorf("syntax picks the verb file: %v, %v", errs, set.Verbs.Path)
	}
	if _, errs := LoadDir(dir, Options{Strict: true}); len(errs) != 1 || annalist.ErrorCode(errs[0]) != annalist.ECONFLICT {
		t.Errorf("strict conflict: %v", errs)
	}
	set, errs = LoadDir(filepath.Join(dir, "nope"), Options{})
	if set != nil || len(errs) != 1 || annalist.ErrorCode(errs[0]) != annalist.ENOTFOUND {
		t.Errorf("missing dir: %v %v", set, errs)
	}
}

func TestKindOfName(t *testing.T) {
	cases := map[string]Kind{
		"CAMEO.2.0.txt":                 KindVerbs,
		"CAMEO.verbpatterns.150430.txt": KindVerbs,
		"PETR.Validate.verbs.txt":       KindVerbs,
		"Phoenix.Countries.actors.txt":  KindActors,
		"dir/Phoenix.agents.txt":        KindAgents,
		"PETR.Validate.discards.txt":    KindDiscards,
		"Phoenix.IssueCoding.txt":       KindIssues,
		"LICENSE":                       "",
		"README.md":                     "",
	}
	for name, want := range cases {
		if got := KindOfName(name); got != want {
			t.Errorf("KindOfName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestSniffKind(t *testing.T) {
	cases := []struct {
		in   string
		want Kind
	}{
		{text("--- A [010] ---", "A", "- * B [011]"), KindVerbs},
		{text(`<ISSUE CATEGORY="X">`, "oil [OIL]", "</ISSUE>"), KindIssues},
		{text("!PERSON! = MAN, MEN", "CONGRESS!PERSON! [~LEG]"), KindAgents},
		{text("OFFICIAL [~GOV]", "HUMAN_RIGHTS_BODY [NGO~]"), KindAgents},
		{text("AFGHANISTAN [AFG]", "+KABUL", "SAM", "\t[HOB <950101]"), KindActors},
		{text("# discards", "BASEBALL", "+ESPN2"), KindDiscards},
		{"", KindDiscards},
	}
	for _, tc := range cases {
		if got := SniffKind(tc.in); got != tc.want {
			t.Errorf("SniffKind(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, name := range []string{"PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"} {
		b, err := os.ReadFile(filepath.Join(validateDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := SniffKind(string(b)); got != KindOfName(name) {
			t.Errorf("SniffKind(%s) = %q", name, got)
		}
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadFailure(t *testing.T) {
	_, errs := ReadActors(failReader{}, "x", Options{})
	if len(errs) != 1 || annalist.ErrorCode(errs[0]) != annalist.EUNAVAILABLE || errs[0].Error() != "x: read dictionary: disk on fire" {
		t.Errorf("read failure: %v", errs)
	}
}

func TestScanLines(t *testing.T) {
	in := "A\r\n<!-- one\n# two\n-->\nB\n  <!-- x --> \n<! -- odd -->\nC\n<!-- never closed\nD\nbad\xffbyte\nE"
	p := newParser("s", Options{})
	var got []string
	p.scanLines(in, func(n int, line string) error {
		got = append(got, line+"@"+strconv.Itoa(n))
		return nil
	})
	eq(t, "lines", got, []string{"A@1", "B@5", "C@8", "D@10", "bad\xffbyte@11", "E@12"})
	eq(t, "errors", errStrings(t, p.errs), []string{"s:9:1: unclosed <!-- comment", "s:11:4: invalid UTF-8 byte 0xff"})
}

func TestCutComment(t *testing.T) {
	cases := []struct {
		in, body, comment string
		semi              bool
	}{
		{"A [1] # c", "A [1]", "c", false},
		{"- * X [###]  # c", "- * X [###]", "c", false},
		{"JAMES_  ; CountryInfo", "JAMES_", "CountryInfo", true},
		{"JAMES_  ; CountryInfo", "JAMES_  ; CountryInfo", "", false},
		{"[950601 # unclosed", "[950601", "unclosed", false},
		{"# all", "", "all", false},
		{"plain\t", "plain", "", false},
	}
	for _, tc := range cases {
		b, c := cutComment(tc.in, tc.semi)
		if b != tc.body || c != tc.comment {
			t.Errorf("cutComment(%q, %v) = %q, %q; want %q, %q", tc.in, tc.semi, b, c, tc.body, tc.comment)
		}
	}
}
