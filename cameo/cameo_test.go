package cameo

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/annalist/annalist"
)

// Regenerate testdata/codebook.golden with: go test ./cameo -run TestGolden -update
var update = flag.Bool("update", false, "rewrite testdata/codebook.golden from the embedded codebook")

// defaultCodebook parses the embedded codebook or fails the test.
func defaultCodebook(tb testing.TB) *Codebook {
	tb.Helper()
	cb, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return cb
}

func TestLookupPinsEveryField(t *testing.T) {
	cb := defaultCodebook(t)
	tests := []struct {
		parent string
		want   annalist.EventType
	}{
		{"01", annalist.EventType{Code: "010", Root: "01", Name: "Make statement", Goldstein: 0, QuadClass: 0}},
		// Disputed: cameo-codes.csv says -5, GDELT -2.0; we take -2.
		{"01", annalist.EventType{Code: "016", Root: "01", Name: "Deny responsibility", Goldstein: -2, QuadClass: 0}},
		// Disputed: csv 3.4, GDELT 3.2.
		{"02", annalist.EventType{Code: "022", Root: "02", Name: "Appeal for diplomatic cooperation (such as policy support)", Goldstein: 3.2, QuadClass: 0}},
		{"023", annalist.EventType{Code: "0234", Root: "02", Name: "Appeal for military protection or peacekeeping", Goldstein: 3.4, QuadClass: 0}},
		{"031", annalist.EventType{Code: "0312", Root: "03", Name: "Express intent to cooperate militarily", Goldstein: 5.2, QuadClass: 1, PLOVER: "AGREE", Context: "military"}},
		{"04", annalist.EventType{Code: "046", Root: "04", Name: "Engage in negotiation", Goldstein: 7, QuadClass: 1, PLOVER: "CONSULT", Context: "diplomatic"}},
		{"05", annalist.EventType{Code: "057", Root: "05", Name: "Sign formal agreement", Goldstein: 8, QuadClass: 1, PLOVER: "SUPPORT", Context: "diplomatic"}},
		{"06", annalist.EventType{Code: "064", Root: "06", Name: "Share intelligence or information", Goldstein: 7, QuadClass: 2, PLOVER: "COOPERATE", Context: "intelligence"}},
		{"07", annalist.EventType{Code: "075", Root: "07", Name: "Grant asylum", Goldstein: 7, QuadClass: 2, PLOVER: "AID", Context: "asylum"}},
		{"084", annalist.EventType{Code: "0841", Root: "08", Name: "Return, release person(s)", Goldstein: 7, QuadClass: 2, PLOVER: "RETREAT", Mode: "release", Context: "legal"}},
		{"09", annalist.EventType{Code: "094", Root: "09", Name: "Investigate war crimes", Goldstein: -2, QuadClass: 3, PLOVER: "ACCUSE", Mode: "investigate", Context: "military;legal"}},
		{"105", annalist.EventType{Code: "1056", Root: "10", Name: "Demand de-escalation of military engagement", Goldstein: -5, QuadClass: 3, PLOVER: "REQUEST", Mode: "yield", Context: "military"}},
		{"112", annalist.EventType{Code: "1124", Root: "11", Name: "Accuse of war crimes", Goldstein: -2, QuadClass: 3, PLOVER: "ACCUSE", Mode: "allege", Context: "military;legal"}},
		// 1213 is in cameo-codes.csv but not in the GDELT tables.
		{"121", annalist.EventType{Code: "1213", Root: "12", Name: "Reject judicial cooperation", Goldstein: -4, QuadClass: 3, PLOVER: "REJECT", Mode: "assist", Context: "legal"}},
		{"132", annalist.EventType{Code: "1322", Root: "13", Name: "Threaten to ban political parties or politicians", Goldstein: -5.8, QuadClass: 3, PLOVER: "THREATEN", Mode: "ban", Context: "pro_autocracy"}},
		{"14", annalist.EventType{Code: "145", Root: "14", Name: "Protest violently, riot", Goldstein: -7.5, QuadClass: 4, PLOVER: "PROTEST", Mode: "riot"}},
		{"15", annalist.EventType{Code: "154", Root: "15", Name: "Mobilize or increase armed forces", Goldstein: -7.2, QuadClass: 4, PLOVER: "MOBILIZE", Mode: "troops", Context: "military"}},
		// Disputed pair: csv swaps them (-6.5, -7).
		{"16", annalist.EventType{Code: "164", Root: "16", Name: "Halt negotiations", Goldstein: -7, QuadClass: 4, PLOVER: "SANCTION", Mode: "withdraw", Context: "diplomatic"}},
		{"16", annalist.EventType{Code: "165", Root: "16", Name: "Halt mediation", Goldstein: -6.5, QuadClass: 4, PLOVER: "SANCTION", Mode: "withdraw", Context: "diplomatic"}},
		// The mapping file puts a context in the mode column here; kept as written.
		{"17", annalist.EventType{Code: "175", Root: "17", Name: "Use tactics of violent repression", Goldstein: -9, QuadClass: 4, PLOVER: "ASSAULT", Mode: "pro_autocracy", Context: "military"}},
		{"171", annalist.EventType{Code: "1712", Root: "17", Name: "Destroy property", Goldstein: -9.2, QuadClass: 4, PLOVER: "ASSAULT", Mode: "seize", Context: "human_security"}},
		{"172", annalist.EventType{Code: "1721", Root: "17", Name: "Impose restrictions on political freedoms", Goldstein: -5, QuadClass: 4, PLOVER: "COERCE", Mode: "restrict", Context: "rights_freedoms"}},
		{"182", annalist.EventType{Code: "1823", Root: "18", Name: "Kill by physical assault", Goldstein: -10, QuadClass: 4, PLOVER: "ASSAULT"}},
		{"19", annalist.EventType{Code: "196", Root: "19", Name: "Violate ceasefire", Goldstein: -9.5, QuadClass: 4, PLOVER: "ASSAULT", Context: "legal;military"}},
		{"204", annalist.EventType{Code: "2042", Root: "20", Name: "Detonate nuclear weapons", Goldstein: -10, QuadClass: 4, PLOVER: "ASSAULT", Mode: "unconventional", Context: "cbrn"}},
	}
	for _, tt := range tests {
		got, ok := cb.Lookup(tt.want.Code)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.want.Code)
			continue
		}
		if got != tt.want {
			t.Errorf("Lookup(%q)\n got %+v\nwant %+v", tt.want.Code, got, tt.want)
		}
		e, _ := cb.Entry(tt.want.Code)
		if e.Parent != tt.parent {
			t.Errorf("Entry(%q).Parent = %q, want %q", tt.want.Code, e.Parent, tt.parent)
		}
	}
	for _, bad := range []string{"", "312", "0312 ", "1214", "1951", "---", "21"} {
		if got, ok := cb.Lookup(bad); ok || got != (annalist.EventType{}) {
			t.Errorf("Lookup(%q) = %+v, %v; want zero, false", bad, got, ok)
		}
	}
}

func TestEntryTextFields(t *testing.T) {
	cb := defaultCodebook(t)
	tests := []Entry{
		{
			Code: "0312", Parent: "031", Root: "03", Name: "Express intent to cooperate militarily",
			Description: "Offer, promise, agree to, or otherwise indicate willingness or commitment to engage in or expand military ties.",
			UsageNotes:  "This event form refers to agreements, promises, commitments, or other indications of intent to develop or expand military relations by engaging in such acts as joint military maneuvers or exercises. Offers, promises, or commitments by one actor to provide military aid to another should be coded as 0332 instead.",
			Example:     "Jordan and Britain have agreed to undertake joint military exercises this month, a Jordanian official confirmed. Note: Two reciprocal events are coded with actors reversed.",
			Goldstein:   5.2, QuadClass: 1, PLOVER: "AGREE", Context: "military",
		},
		{
			// The example's apostrophes are repaired from the file's mojibake.
			Code: "064", Parent: "06", Root: "06", Name: "Share intelligence or information",
			Description: "Provide, share, or exchange intelligence or information.",
			UsageNotes:  "Voluntary exchanges or sharing of intelligence and other significant information should be coded here.",
			Example:     "Israeli intelligence officials have shared evidence with the U.S. about contacts between al Qaeda and senior members of Saddam Hussein\u2019s Ba\u2019ath Party, according to governmental officials.",
			Goldstein:   7, QuadClass: 2, PLOVER: "COOPERATE", Context: "intelligence",
		},
		{
			Code: "1721", Parent: "172", Root: "17", Name: "Impose restrictions on political freedoms",
			Description: "Violate or impose limitations on fundamental political rights such as freedoms of speech, expression, and assembly.",
			UsageNotes:  "Restrictions on media and activities of political dissent are coded here. Note that if the event is about the actual enforcement of such restrictions through repressive tactics, such as imprisonments and dispersion of demonstrations, 175 should be used instead.",
			Example:     "The British government on Monday outlawed the largest Protestant extremist organization in Northern Ireland because of what it called its direct involvement in killing in the strife-torn province.",
			Goldstein:   -5, QuadClass: 4, PLOVER: "COERCE", Mode: "restrict", Context: "rights_freedoms",
		},
		{
			// Roots have no text ("NA" in the file).
			Code: "14", Root: "14", Name: "PROTEST", Goldstein: -6.5, QuadClass: 4, PLOVER: "PROTEST",
		},
		{
			// No example ("NA").
			Code: "017", Parent: "01", Root: "01", Name: "Engage in symbolic act",
			Description: "Engage in symbolic activities such as holding vigils, attending funerals, and laying wreath.",
			UsageNotes:  "Use this event form for all symbolic acts, including those that imply empathy. Use 018 to code only empathetic comments (i.e. not actions).",
			Goldstein:   0, QuadClass: 0,
		},
	}
	for _, want := range tests {
		got, ok := cb.Entry(want.Code)
		if !ok || got != want {
			t.Errorf("Entry(%q)\n got %#v\nwant %#v", want.Code, got, want)
		}
	}
}

// rootWant is the documented mapping of the 20 CAMEO roots (docs/cameo.md).
var rootWant = []struct {
	code, name string
	goldstein  float64
	quad       int
	plover     string
}{
	{"01", "MAKE PUBLIC STATEMENT", 0, 0, ""},
	{"02", "APPEAL", 3, 0, ""},
	{"03", "EXPRESS INTENT TO COOPERATE", 4, 1, "AGREE"},
	{"04", "CONSULT", 1, 1, "CONSULT"},
	{"05", "ENGAGE IN DIPLOMATIC COOPERATION", 3.5, 1, "SUPPORT"},
	{"06", "ENGAGE IN MATERIAL COOPERATION", 6, 2, "COOPERATE"},
	{"07", "PROVIDE AID", 7, 2, "AID"},
	{"08", "YIELD", 5, 2, "CONCEDE"},
	{"09", "INVESTIGATE", -2, 3, "ACCUSE"},
	{"10", "DEMAND", -5, 3, "REQUEST"},
	{"11", "DISAPPROVE", -2, 3, "ACCUSE"},
	{"12", "REJECT", -4, 3, "REJECT"},
	{"13", "THREATEN", -6, 3, "THREATEN"},
	{"14", "PROTEST", -6.5, 4, "PROTEST"},
	{"15", "EXHIBIT FORCE POSTURE", -7.2, 4, "MOBILIZE"},
	{"16", "REDUCE RELATIONS", -4, 4, "SANCTION"},
	{"17", "COERCE", -7, 4, "COERCE"},
	{"18", "ASSAULT", -9, 4, "ASSAULT"},
	{"19", "FIGHT", -10, 4, "ASSAULT"},
	{"20", "USE UNCONVENTIONAL MASS VIOLENCE", -10, 4, "ASSAULT"},
}

func TestRootsMapAsDocumented(t *testing.T) {
	cb := defaultCodebook(t)
	for _, r := range rootWant {
		want := Entry{Code: r.code, Root: r.code, Name: r.name, Goldstein: r.goldstein, QuadClass: r.quad, PLOVER: r.plover}
		got, ok := cb.Entry(r.code)
		if !ok || got != want {
			t.Errorf("root %s\n got %#v\nwant %#v", r.code, got, want)
		}
		if q, ok := QuadClassOf(r.code); !ok || q != r.quad {
			t.Errorf("QuadClassOf(%q) = %d, %v; want %d", r.code, q, ok, r.quad)
		}
		root, ok := cb.Root(r.code)
		if !ok || root.Code != r.code {
			t.Errorf("Root(%q) = %q, %v", r.code, root.Code, ok)
		}
	}
	for _, bad := range []string{"00", "21", "1", "014", "ab", ""} {
		if q, ok := QuadClassOf(bad); ok {
			t.Errorf("QuadClassOf(%q) = %d, true; want false", bad, q)
		}
	}
	if e, ok := cb.Root("1823"); !ok || e.Code != "18" || e.Name != "ASSAULT" {
		t.Errorf("Root(1823) = %+v, %v", e, ok)
	}
	if _, ok := cb.Root("1010"); ok {
		t.Error("Root(1010) should fail: not in the codebook")
	}
}

// ploverModes are the modes of each event type in the PLOVER manual, draft 0.8
// (tables tab:consultmode ... tab:violmode); types without a table have no modes.
var ploverModes = map[string][]string{
	"CONSULT":  {"visit", "third-party", "multilateral", "phone"},
	"RETREAT":  {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
	"REQUEST":  {"assist", "change", "yield", "meet"},
	"ACCUSE":   {"disapprove", "investigate", "allege"},
	"REJECT":   {"assist", "change", "yield", "meet"},
	"THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
	"PROTEST":  {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
	"SANCTION": {"convict", "expel", "withdraw", "discontinue"},
	"MOBILIZE": {"troops", "weapons", "police", "militia"},
	"COERCE":   {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold", "misinformation", "cyber"},
	"ASSAULT":  {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional"},
}

// ploverContexts are the general contexts of the PLOVER manual, draft 0.8 (tab:general-contexts).
var ploverContexts = strings.Fields(`military intelligence executive legislative election political_institutions
	pro_democracy pro_autocracy economic legal reparations human_rights rights_freedoms repression
	human_security gender lgbt religion_ethnicity inequality diplomatic territory peacekeeping health
	asylum migration disasters natural_resource environment technology terrorism cbrn cyber
	misinformation crime corruption illegal_drugs trafficking`)

func TestEveryCode(t *testing.T) {
	cb := defaultCodebook(t)
	codes := cb.Codes()
	if len(codes) != 312 || cb.Len() != 312 {
		t.Fatalf("%d codes (Len %d), want 312", len(codes), cb.Len())
	}
	seen := map[string]bool{}
	var badModes, badContexts []string
	for i, code := range codes {
		e, ok := cb.Entry(code)
		if !ok {
			t.Fatalf("Codes()[%d] = %q is not in the codebook", i, code)
		}
		if e != cb.Entries()[i] {
			t.Errorf("Entries()[%d] differs from Entry(%q)", i, code)
		}
		if e.Name == "" {
			t.Errorf("%s: no name", code)
		}
		if len(code) < 2 || len(code) > 4 || !isDigits(code) || e.Root != code[:2] {
			t.Errorf("%s: bad code or root %q", code, e.Root)
		}
		if len(code) == 2 {
			if e.Parent != "" {
				t.Errorf("%s: root with parent %q", code, e.Parent)
			}
		} else if e.Parent != code[:len(code)-1] || !seen[e.Parent] {
			t.Errorf("%s: parent %q missing or not before it", code, e.Parent)
		}
		if !seen[e.Root] && len(code) > 2 {
			t.Errorf("%s: root %s not before it", code, e.Root)
		}
		seen[code] = true
		if e.Goldstein < -10 || e.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v outside [-10, 10]", code, e.Goldstein)
		}
		if q, _ := QuadClassOf(e.Root); e.QuadClass != q || q < QuadNeutral || q > QuadMaterialConflict {
			t.Errorf("%s: QuadClass %d, want %d in 0..4", code, e.QuadClass, q)
		}
		dropped := e.Root == "01" || e.Root == "02"
		if dropped != (e.PLOVER == "") {
			t.Errorf("%s: PLOVER %q; want empty exactly for roots 01 and 02", code, e.PLOVER)
		}
		if e.PLOVER != "" && !ploverTypes[e.PLOVER] {
			t.Errorf("%s: PLOVER type %q not in the manual", code, e.PLOVER)
		}
		if dropped && (e.Mode != "" || e.Context != "") {
			t.Errorf("%s: mode/context without a PLOVER type", code)
		}
		if e.Mode != "" && !contains(ploverModes[e.PLOVER], e.Mode) {
			badModes = append(badModes, code+" "+e.PLOVER+" "+e.Mode)
		}
		for _, c := range e.Contexts() {
			if !contains(ploverContexts, c) {
				badContexts = append(badContexts, code+" "+c)
			}
		}
		if et := e.EventType(); et.Code != e.Code || et.Name != e.Name || et.Goldstein != e.Goldstein {
			t.Errorf("%s: EventType() = %+v", code, et)
		}
	}
	// These are the mapping file's modes and contexts that the PLOVER 0.8 manual
	// does not list; docs/cameo.md lists the same set. Update both together.
	wantModes := []string{
		"0842 RETREAT return", "085 RETREAT ease", "132 THREATEN ban", "1321 THREATEN political", "1322 THREATEN ban",
		"1712 ASSAULT seize", "1722 COERCE ban", "175 ASSAULT pro_autocracy", "185 ASSAULT assassinate", "186 ASSAULT assassinate",
		"200 ASSAULT massacre", "201 ASSAULT cleansing", "202 ASSAULT massacre", "203 ASSAULT cleansing",
	}
	wantContexts := []string{
		"0333 humanitarian", "073 humanitarian", "0811 democracy", "0812 democracy", "082 democracy",
		"0863 humanitarian", "1033 humanitarian", "1223 humanitarian", "1623 humanitarian",
	}
	if g, w := strings.Join(badModes, ", "), strings.Join(wantModes, ", "); g != w {
		t.Errorf("modes outside the manual:\n got %s\nwant %s", g, w)
	}
	if g, w := strings.Join(badContexts, ", "), strings.Join(wantContexts, ", "); g != w {
		t.Errorf("contexts outside the manual:\n got %s\nwant %s", g, w)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestPLOVERCodesNotInCodebook(t *testing.T) {
	m, err := readPLOVER(strings.NewReader(defaultPLOVER), DefaultPLOVERFile)
	if err != nil {
		t.Fatal(err)
	}
	cb := defaultCodebook(t)
	var extra []string
	for code := range m {
		if _, ok := cb.Entry(code); !ok {
			extra = append(extra, code)
		}
	}
	if strings.Join(extra, ",") != "1214" {
		t.Errorf("mapping codes not in the codebook = %v, want [1214] (see docs/cameo.md)", extra)
	}
	if m["08"].Type != "CONCEDE" || m["08"].Line != 70 {
		t.Errorf("root 08 = %+v, want the first header (CONCEDE, line 70)", m["08"])
	}
}

func TestNormalize(t *testing.T) {
	cb := defaultCodebook(t)
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"0312", "0312", true},
		{"064", "064", true},
		{"20", "20", true},
		{" 173\t", "173", true},
		{"1010", "101", true}, // 4 digits, not in the codebook: parent 101 exists
		{"0110", "011", true}, // TABARI's EXPRESS [0110]
		{"1214", "121", true}, // in the PLOVER mapping, not in cameo-codes.csv
		{"1952", "195", true}, // CAMEO 1.1b3 drone strike, not in cameo-codes.csv
		{"0330", "033", true},
		{"0732", "073", true},
		{"176", "17", true}, // no 176 in the codebook: root 17
		{"109", "10", true},
		{"065", "06", true},
		{"2099", "20", true},
		{"223", "", false}, // no root 22
		{"002", "", false},
		{"00", "", false},
		{"21", "", false},
		{"---", "", false},
		{"+++", "", false},
		{"###", "", false},
		{"174K", "", false},
		{"102b", "", false},
		{"075A", "", false},
		{"080!", "", false},
		{"abc", "", false},
		{"1", "", false},
		{"01234", "", false},
		{"", "", false},
		{"٠١٠", "", false}, // Arabic-Indic digits are not CAMEO codes
	}
	for _, tt := range tests {
		got, ok := cb.Normalize(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Normalize(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	// Every codebook code normalizes to itself.
	for _, c := range cb.Codes() {
		if got, ok := cb.Normalize(c); !ok || got != c {
			t.Errorf("Normalize(%q) = %q, %v", c, got, ok)
		}
	}
}

func TestSearch(t *testing.T) {
	cb := defaultCodebook(t)
	tests := []struct {
		query string
		top   []string // the first results, in order
		n     int      // total number of results, -1 to skip
	}{
		{"protest", []string{"14", "145", "133"}, -1},
		{"PROTEST!", []string{"14", "145", "133"}, -1},
		{"military aid", []string{"072", "1032", "0232", "1222", "0332"}, -1},
		{"aid military", []string{"072", "1032", "0232", "1222", "0332"}, -1},
		{"arrest", []string{"173"}, -1},
		{"hunger strike", []string{"142", "1423", "1421", "1422"}, -1},
		{"nuclear", []string{"2042"}, -1},
		{"ceasefire", []string{"196", "0871"}, -1},
		{"intelligence", []string{"0214", "1014", "064", "0314"}, -1},
		{"Ankara", []string{"1233"}, 1}, // only in an example
		{"protest zzzz", nil, 0},
		{"", nil, 0},
		{" ,.; ", nil, 0},
	}
	for _, tt := range tests {
		got := cb.Search(tt.query)
		var codes []string
		for _, e := range got {
			codes = append(codes, e.Code)
		}
		if len(codes) < len(tt.top) || strings.Join(codes[:len(tt.top)], " ") != strings.Join(tt.top, " ") {
			t.Errorf("Search(%q) = %v, want to start with %v", tt.query, head(codes, 8), tt.top)
		}
		if tt.n >= 0 && len(got) != tt.n {
			t.Errorf("Search(%q): %d results, want %d", tt.query, len(got), tt.n)
		}
	}

	// Every result contains every query word as a word prefix; no other entry does.
	for _, q := range []string{"war", "release persons", "econom sanction"} {
		got := map[string]bool{}
		for _, e := range cb.Search(q) {
			got[e.Code] = true
		}
		for _, e := range cb.Entries() {
			all := true
			for _, w := range words(q) {
				found := false
				for _, x := range words(e.Name + " " + e.Description + " " + e.UsageNotes + " " + e.Example) {
					found = found || strings.HasPrefix(x, w)
				}
				all = all && found
			}
			if all != got[e.Code] {
				t.Errorf("Search(%q): entry %s matched=%v, want %v", q, e.Code, got[e.Code], all)
			}
		}
	}
	// "war" must not match "toward", "award" or "forward" alone.
	warWord := regexp.MustCompile(`(?i)\bwar`)
	for _, e := range cb.Search("war") {
		if !warWord.MatchString(strings.Join([]string{e.Name, e.Description, e.UsageNotes, e.Example}, " ")) {
			t.Errorf("Search(war) returned %s without a word starting with war", e.Code)
		}
	}
	// Name matches come first.
	res := cb.Search("demand")
	inName := true
	for _, e := range res {
		has := strings.Contains(strings.ToLower(e.Name), "demand")
		if has && !inName {
			t.Errorf("Search(demand): %s (name match) after an entry without one", e.Code)
		}
		inName = has
	}
}

func head(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// TestGolden pins every field of every code. Regenerate with -update after a
// deliberate data change and review the diff.
func TestGolden(t *testing.T) {
	cb := defaultCodebook(t)
	var b strings.Builder
	b.WriteString("# code\tparent\troot\tname\tgoldstein\tquad\tplover\tmode\tcontext\tdescription\tusage_notes\texample\n")
	for _, e := range cb.Entries() {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n",
			e.Code, e.Parent, e.Root, e.Name, strconv.FormatFloat(e.Goldstein, 'f', -1, 64), e.QuadClass,
			e.PLOVER, e.Mode, e.Context, e.Description, e.UsageNotes, e.Example)
	}
	path := filepath.Join("testdata", "codebook.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cameo -run TestGolden -update)", err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("codebook differs from %s at line %d:\n got %q\nwant %q", path, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("codebook differs from %s: %d lines, want %d", path, len(gl), len(wl))
	}
}

// sharedCAMEO is where the read-only GDELT copies live on the developers' machines.
const sharedCAMEO = "/work/shared/cameo"

// readGDELT reads a two-column GDELT lookup table, skipping the test if it is absent.
func readGDELT(tb testing.TB, name string) map[string]string {
	tb.Helper()
	f, err := os.Open(filepath.Join(sharedCAMEO, name))
	if err != nil {
		tb.Skipf("GDELT table not available: %v", err)
	}
	defer f.Close()
	out := map[string]string{}
	s := bufio.NewScanner(f)
	s.Scan() // header
	for s.Scan() {
		code, v, ok := strings.Cut(s.Text(), "\t")
		if ok {
			out[code] = strings.TrimSpace(v)
		}
	}
	if err := s.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// TestGoldsteinAgainstGDELT checks the documented disagreements between
// cameo-codes.csv and GDELT's CAMEO.goldsteinscale.txt, and that the codebook
// takes GDELT's value for every code the two share.
func TestGoldsteinAgainstGDELT(t *testing.T) {
	gdelt := readGDELT(t, "CAMEO.goldsteinscale.txt")
	csvOnly, err := Load("", "-", "-") // the csv values, without overrides
	if err != nil {
		t.Fatal(err)
	}
	cb := defaultCodebook(t)
	var disputed, missing []string
	for _, e := range csvOnly.Entries() {
		gs, ok := gdelt[e.Code]
		if !ok {
			missing = append(missing, e.Code)
			continue
		}
		g, err := strconv.ParseFloat(gs, 64)
		if err != nil {
			t.Fatal(err)
		}
		if g != e.Goldstein {
			disputed = append(disputed, fmt.Sprintf("%s csv %v gdelt %v", e.Code, e.Goldstein, g))
		}
		if chosen, _ := cb.Entry(e.Code); chosen.Goldstein != g {
			t.Errorf("%s: Goldstein %v, GDELT %v", e.Code, chosen.Goldstein, g)
		}
	}
	want := "016 csv -5 gdelt -2, 022 csv 3.4 gdelt 3.2, 164 csv -6.5 gdelt -7, 165 csv -7 gdelt -6.5"
	if got := strings.Join(disputed, ", "); got != want {
		t.Errorf("disagreements:\n got %s\nwant %s", got, want)
	}
	if strings.Join(missing, ",") != "1213" {
		t.Errorf("codes missing from GDELT = %v, want [1213]", missing)
	}
	if len(gdelt) != 311 {
		t.Errorf("GDELT table has %d codes, want 311", len(gdelt))
	}
}

// TestCodesAgainstGDELT checks that every code of GDELT's CAMEO.eventcodes.txt
// is in the codebook. (The names differ in wording, "Make statement" against
// "Make statement, not specified below"; the codebook keeps the csv's.)
func TestCodesAgainstGDELT(t *testing.T) {
	gdelt := readGDELT(t, "CAMEO.eventcodes.txt")
	cb := defaultCodebook(t)
	var onlyGDELT []string
	for code := range gdelt {
		if _, ok := cb.Entry(code); !ok {
			onlyGDELT = append(onlyGDELT, code)
		}
	}
	sort.Strings(onlyGDELT)
	if len(onlyGDELT) != 0 {
		t.Errorf("codes in GDELT but not in the codebook: %v", onlyGDELT)
	}
}

func TestConcurrentUse(t *testing.T) {
	cb := defaultCodebook(t)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if _, ok := cb.Lookup("0312"); !ok {
					t.Error("Lookup failed")
				}
				cb.Search("military aid")
				cb.Normalize("1010")
				cb.Codes()
			}
		}()
	}
	wg.Wait()
}

func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	cb := defaultCodebook(b)
	codes := cb.Codes()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		cb.Lookup(codes[i%len(codes)])
	}
}

func BenchmarkNormalize(b *testing.B) {
	cb := defaultCodebook(b)
	in := []string{"0312", "1010", "174K", "---", "176"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		cb.Normalize(in[i%len(in)])
	}
}

func BenchmarkSearch(b *testing.B) {
	cb := defaultCodebook(b)
	b.ResetTimer()
	for b.Loop() {
		cb.Search("military aid")
	}
}

func TestLowerMatchesStringsToLower(t *testing.T) {
	cb := defaultCodebook(t)
	in := []string{"", "ABC xyz", "Ba\u2019ath \u00c9COLE \u0130stanbul", "\u00dcBER"}
	for _, e := range cb.Entries() {
		in = append(in, e.Name, e.Description, e.UsageNotes, e.Example)
	}
	for _, s := range in {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestSearchNonASCII(t *testing.T) {
	cb, err := Read(src("c.csv", "code,name,goldstein,description\n01,\u00c9COLE,0,Sa\u00efd \u00e9cole\n010,Other,0,NA\n"), Source{}, Source{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"école", "ÉCOLE", "éc", "saïd"} {
		if got := cb.Search(q); len(got) != 1 || got[0].Code != "01" {
			t.Errorf("Search(%q) = %+v", q, got)
		}
	}
	if got := cb.Search("cole"); len(got) != 0 {
		t.Errorf("Search(cole) matched inside a word: %+v", got)
	}
}
