package validation

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/annalist/annalist/nlp"
	"github.com/annalist/annalist/petrxml"
)

const suite = "../testdata/petrarch/PETR.UnitTest.records.xml"

// bestPassed is the most records of the PETRARCH unit-test suite Annalist has
// passed with gold parses; the test fails if a change codes fewer.
const bestPassed = 275

// knownFailures are the records Annalist does not pass, each with the reason
// (see docs/validation.md). A record leaving this list is progress: update it.
var knownFailures = map[string]string{
	"DEMO-25":     "POSTPONE codes the compound as source of a one-way event while DELAY and DOWNPLAY, in the same block with the same pattern and tree, code it pairwise",
	"AGENT-08":    "expects an anonymous agent appended to a place code XYZ that no attribute or dictionary supplies; marked sentence=false, 'not implemented' in PETRARCH",
	"COMPOUND-27": "expects 'Danish' shared across 'The Danish Islamist media and government' while COMPOUND-26 expects 'The Danish media and government' not to share it; we share only when the first conjunct has no determiner",
	"COMPOUND-34": "expects source ### from NASGUL [###], a dictionary line that is commented out",
	"COMPOUND-35": "expects source ### from NASGUL [###], a dictionary line that is commented out",
	"COMMA-07":    "expects Gondor as the source of 'Calenardhon crowds burned down', an artefact of PETRARCH deleting words from its tree",
}

func TestValidationSuite(t *testing.T) {
	rep, err := Run(context.Background(), suite, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) > 0 {
		t.Fatalf("unreadable records: %v", rep.Errors)
	}
	if got := rep.Passed + rep.Failed + rep.Skipd; got != 284 {
		t.Fatalf("ran %d records, want 284", got)
	}
	var failed []string
	for _, r := range rep.Records {
		if r.Status != Fail {
			continue
		}
		failed = append(failed, r.ID)
		if _, known := knownFailures[r.ID]; !known {
			t.Errorf("%s fails: %s\n  text: %s\n  expected %v coded %v", r.ID, r.Why, r.Text, r.Expected, r.Coded)
		}
	}
	for id := range knownFailures {
		found := false
		for _, f := range failed {
			found = found || f == id
		}
		if !found {
			t.Errorf("%s now passes: remove it from knownFailures and raise bestPassed", id)
		}
	}
	if rep.Passed < bestPassed {
		t.Errorf("%s; the best so far is %d passed", rep.Summary(), bestPassed)
	}
	if rep.Skipd != 3 {
		t.Errorf("skipped %d records, want the 3 whose categories the file excludes", rep.Skipd)
	}
	t.Log(rep.Summary())
}

func TestJudge(t *testing.T) {
	c := func(s, tg, code string) petrxml.Coding { return petrxml.Coding{Source: s, Target: tg, Code: code} }
	tests := []struct {
		name   string
		rr     RecordResult
		status string
		why    string
	}{
		{"multiset equal", RecordResult{Expected: []petrxml.Coding{c("A", "B", "01"), c("B", "A", "01")}, Coded: []petrxml.Coding{c("B", "A", "01"), c("A", "B", "01")}}, Pass, ""},
		{"duplicate counts", RecordResult{Expected: []petrxml.Coding{c("A", "B", "01")}, Coded: []petrxml.Coding{c("A", "B", "01"), c("A", "B", "01")}}, Fail, "unexpected (A B 01)"},
		{"missing", RecordResult{Expected: []petrxml.Coding{c("A", "B", "01")}}, Fail, "missing (A B 01)"},
		{"no events wanted", RecordResult{ExpectedNone: true}, Pass, ""},
		{"no events wanted, got one", RecordResult{ExpectedNone: true, Coded: []petrxml.Coding{c("A", "B", "01")}}, Fail, "expected no events"},
		{"error wanted", RecordResult{ExpectedError: "sentencediscard", CodedError: "sentencediscard"}, Pass, ""},
		{"wrong error", RecordResult{ExpectedError: "storydiscard", CodedError: "sentencediscard"}, Fail, `expected error "storydiscard", got "sentencediscard"`},
		{"unexpected error", RecordResult{Expected: []petrxml.Coding{c("A", "B", "01")}, CodedError: "dateline"}, Fail, "record was not coded: dateline"},
	}
	for _, tt := range tests {
		judge(&tt.rr)
		if tt.rr.Status != tt.status || tt.rr.Why != tt.why {
			t.Errorf("%s: got %s %q, want %s %q", tt.name, tt.rr.Status, tt.rr.Why, tt.status, tt.why)
		}
	}
}

func TestIsDateline(t *testing.T) {
	for text, want := range map[string]bool{
		"CEBU CITY: -- Cordova Mayor Adelino Sitoy filed a suit.": true,
		"MANILA -- The mayor filed a suit.":                       true,
		"Arnor is about to restore ties.":                         false,
		"The talks: a summary.":                                   false,
	} {
		if got := isDateline(text); got != want {
			t.Errorf("isDateline(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestBrokenRecordIsReportedAndRestRuns(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"PETR.Validate.verbs.txt", "PETR.Validate.actors.txt", "PETR.Validate.agents.txt", "PETR.Validate.discards.txt"} {
		b, err := os.ReadFile(filepath.Join("../testdata/petrarch", f))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, f), b, 0o644)
	}
	xml := `<Validation><Environment><Verbfile>PETR.Validate.verbs.txt</Verbfile><Actorfile>PETR.Validate.actors.txt</Actorfile>
<Agentfile>PETR.Validate.agents.txt</Agentfile><Discardfile>PETR.Validate.discards.txt</Discardfile></Environment>
<Sentences>
<Sentence date="19950101" id="BROKEN-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">
<Text>Arnor <b>is</Text>
</Sentence>
<Sentence date="19950101" id="OK-1" category="DEMO">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Arnor will restore ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (. .)))</Parse>
</Sentence>
</Sentences></Validation>`
	p := filepath.Join(dir, "v.xml")
	os.WriteFile(p, []byte(xml), 0o644)
	rep, err := Run(context.Background(), p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Errors) != 1 || !strings.HasSuffix(rep.Errors[0].Error(), "v.xml:6:25: broken XML record: element <b> closed by </Text>") {
		t.Errorf("errors = %v, want one located at v.xml:6:25", rep.Errors)
	}
	if rep.Passed != 1 || rep.Failed != 0 {
		t.Errorf("%s, want the good record to pass", rep.Summary())
	}
}

func TestKnownFailuresAreDocumented(t *testing.T) {
	b, err := os.ReadFile("../docs/validation.md")
	if err != nil {
		t.Skip("docs/validation.md not written yet")
	}
	ids := make([]string, 0, len(knownFailures))
	for id := range knownFailures {
		ids = append(ids, id)
	}
	for id := range knownTextOnly {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		if !strings.Contains(string(b), id) {
			t.Errorf("docs/validation.md does not explain %s", id)
		}
	}
}

// bestTextOnly is the most records passed coding from <Text> alone with
// Annalist's own tagger and parser; bestTextOnlyAll the same over all 284
// records (AllCategories), the count the project's goal of 270 is about.
const (
	bestTextOnly    = 267
	bestTextOnlyAll = 270
)

// knownTextOnly are the records that fail from raw text but not (or not
// only) with parses; docs/validation.md explains each.
var knownTextOnly = map[string]string{
	"AGENT-12":         "the parse says 'Congresses' where the text says 'government'",
	"AGENT-13":         "the parse says 'Congressmen' where the text says 'government'",
	"ICC-01":           "the parse says 'International Criminal Police Organization' where the text says 'International Criminal Court'",
	"COMMA-11":         "the parse says 'a senior official said on Saturday' where the text says 'a clearly inebriated Bree official said today'",
	"ERROR-02":         "expects a bad_input_parse error: there is no parse in text-only mode",
	"ERROR-03":         "expects a bad_input_parse error: there is no parse in text-only mode",
	"AFP0808020593-1b": "the same text as AFP0808020593-1a with a different parse and a different expectation; raw text codes both the same",
	"VERB-11":          "'Ethiopia act on a resolution' is ungrammatical: our tagger reads 'act' as a noun",
}

func TestValidationSuiteTextOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	an, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		all  bool
		best int
	}{{false, bestTextOnly}, {true, bestTextOnlyAll}} {
		rep, err := Run(context.Background(), suite, Options{TextOnly: true, Analyzer: an, AllCategories: c.all})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rep.Records {
			if r.Status != Fail {
				continue
			}
			_, gold := knownFailures[r.ID]
			_, text := knownTextOnly[r.ID]
			if !gold && !text {
				t.Errorf("%s fails text-only (all categories: %v): %s\n  text: %s", r.ID, c.all, r.Why, r.Text)
			}
		}
		if rep.Passed < c.best {
			t.Errorf("text-only (all categories: %v): %s; the best so far is %d passed", c.all, rep.Summary(), c.best)
		}
		t.Logf("text-only (all categories: %v): %s", c.all, rep.Summary())
	}
}
