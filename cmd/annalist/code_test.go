package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/export"
)

// TestCodePetrarchXMLMatchesEngineGolden: the command's JSON Lines for the
// GigaWord sample are byte for byte the engine's golden events, so the CLI
// adds nothing and drops nothing.
func TestCodePetrarchXMLMatchesEngineGolden(t *testing.T) {
	out, _, err := runCmd(t, newCodeCmd, "--input", "petrarch-xml", "../../testdata/petrarch/GigaWord.sample.PETR.xml")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../engine/testdata/gigaword.events.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("code --input petrarch-xml differs from engine/testdata/gigaword.events.jsonl (regenerate that with go test ./engine -update if the engine changed)\ngot %d bytes, want %d", len(out), len(want))
	}
}

// TestCodePetrarchXMLTextOnly codes the GigaWord sample from its records'
// text instead of their parses and compares the two: our own analysis must
// reproduce most of what the parses PETRARCH ships give (45 of the 60
// events of records that have text, when this test was written;
// docs/validation.md). A record without <Parse> is coded too.
func TestCodePetrarchXMLTextOnly(t *testing.T) {
	const path = "../../testdata/petrarch/GigaWord.sample.PETR.xml"
	events := func(args ...string) map[string]int {
		t.Helper()
		out, errOut, err := runCmd(t, newCodeCmd, args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if strings.Contains(errOut, "skipped") {
			t.Errorf("%v: %s", args, errOut)
		}
		m := map[string]int{}
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var e annalist.Event
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				t.Fatalf("%v: %v in %q", args, err, line)
			}
			if e.SentenceText == "" {
				continue // a record with an empty <Text>: only its parse can be coded
			}
			m[e.DocID+"|"+e.SentenceText+"|"+e.Source.Code+"|"+e.Event.Code+"|"+e.Target.Code]++
		}
		return m
	}
	parsed := events("--quiet", path)
	text := events("--quiet", "--text-only", path)
	np, nt, both := 0, 0, 0
	for k, n := range parsed {
		np += n
		both += min(n, text[k])
	}
	for _, n := range text {
		nt += n
	}
	t.Logf("events from parses %d, from text %d, the same in both %d", np, nt, both)
	if np != 60 || nt < 50 || both < 44 {
		t.Errorf("from parses %d (want 60), from text %d (want >= 50), the same %d (want >= 44)", np, nt, both)
	}

	dir := t.TempDir()
	xml := filepath.Join(dir, "noparse.xml")
	rec := "<Sentences>\n<Sentence date = \"20150609\" id =\"X_1\" source = \"AFP\" sentence = \"True\">\n<Text>\nRussian troops attacked Ukrainian soldiers in Donetsk.\n</Text>\n</Sentence>\n</Sentences>\n"
	if err := os.WriteFile(xml, []byte(rec), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, err := runCmd(t, newCodeCmd, xml); err != nil || out != "" || !strings.Contains(errOut, "has no <Parse>") {
		t.Errorf("from parses: out %q, stderr %q, err %v; want nothing coded and a note", out, errOut, err)
	}
	out, _, err := runCmd(t, newCodeCmd, "--text-only", xml)
	if err != nil || !strings.Contains(out, `"code":"RUSMIL"`) || !strings.Contains(out, `"code":"190"`) {
		t.Errorf("--text-only: out %q, err %v; want RUSMIL 190", out, err)
	}
}

// TestCodeRawText codes the demo article from plain text and checks the
// fields the JSON Lines output promises, on every event, and that every
// span points at the text it claims.
func TestCodeRawText(t *testing.T) {
	out, errOut, err := runCmd(t, newCodeCmd, "--date", "2019-12-19", "--stats", "../../testdata/corpus/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}
	type span struct{ Start, End int }
	type actor struct {
		Code, Text string
		Span       span
	}
	var n int
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		n++
		var raw map[string]json.RawMessage
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		for _, k := range []string{"doc_id", "sentence_index", "sentence_text", "date", "source", "target", "event", "evidence"} {
			if _, ok := raw[k]; !ok {
				t.Errorf("line %d: no %q", n, k)
			}
		}
		var ev struct {
			DocID         string `json:"doc_id"`
			SentenceIndex int    `json:"sentence_index"`
			SentenceText  string `json:"sentence_text"`
			Date          string
			Source        actor
			Target        actor
			Event         struct {
				Code, Root, Name, PLOVER string
				Goldstein                *float64
				QuadClass                int `json:"quad_class"`
			}
			Evidence struct {
				Verb     string
				VerbSpan span `json:"verb_span"`
				Pattern  struct{ Dict, Entry string }
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("line %d: %v", n, err)
		}
		at := func(what string, s span, text string) {
			if s.Start < 0 || s.End > len(ev.SentenceText) || s.Start > s.End || ev.SentenceText[s.Start:s.End] != text {
				t.Errorf("line %d: %s span %v does not hold %q in %q", n, what, s, text, ev.SentenceText)
			}
		}
		at("source", ev.Source.Span, ev.Source.Text)
		at("target", ev.Target.Span, ev.Target.Text)
		at("verb", ev.Evidence.VerbSpan, ev.Evidence.Verb)
		if ev.DocID == "" || ev.Date == "" || ev.Source.Code == "" || ev.Target.Code == "" {
			t.Errorf("line %d: empty doc_id, date or actor code: %s", n, sc.Text())
		}
		if ev.Event.Code == "" || !strings.HasPrefix(ev.Event.Code, ev.Event.Root) || ev.Event.Name == "" || ev.Event.Goldstein == nil ||
			ev.Event.QuadClass < 1 || ev.Event.QuadClass > 4 || ev.Event.PLOVER == "" {
			t.Errorf("line %d: incomplete event type %+v", n, ev.Event)
		}
		if ev.Evidence.Pattern.Dict == "" || ev.Evidence.Pattern.Entry == "" {
			t.Errorf("line %d: no dictionary provenance: %+v", n, ev.Evidence.Pattern)
		}
	}
	if n == 0 {
		t.Fatal("the demo article gave no events")
	}
	var st struct {
		Docs, Sentences, Events int
		Seconds                 float64
	}
	if err := json.Unmarshal([]byte(lastLines(errOut, 1)), &st); err != nil || st.Docs != 1 || st.Sentences < 5 || st.Events != n || st.Seconds <= 0 {
		t.Errorf("--stats = %+v (%v) from %q; want 1 doc, %d events", st, err, errOut, n)
	}
}

// TestCodeBatchKeepsGoing: a malformed JSON Lines article is reported with
// its path and line, the others are still coded, and the run fails (exit 1).
func TestCodeBatchKeepsGoing(t *testing.T) {
	in := filepath.Join(t.TempDir(), "batch.jsonl")
	lines := corpusLines(t, 3)
	writeLines(t, in, []string{lines[0], `{"id": "bad", "text": }`, lines[1], lines[2]})
	out, errOut, err := runCmd(t, newCodeCmd, "--format", "documents", "--workers", "2", in)
	if annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("err = %v, want EINVALID", err)
	}
	if !strings.Contains(errOut, "batch.jsonl:2:") {
		t.Errorf("the bad line is not located: %q", errOut)
	}
	var ids []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var d struct{ ID string }
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, d.ID)
	}
	var want []string
	for _, l := range []string{lines[0], lines[1], lines[2]} {
		var d struct{ ID string }
		json.Unmarshal([]byte(l), &d)
		want = append(want, d.ID)
	}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("documents %q, want %q in input order", ids, want)
	}
}

// TestCodeWorkersDoNotChangeOutput: one worker and two give the same bytes.
func TestCodeWorkersDoNotChangeOutput(t *testing.T) {
	in := filepath.Join(t.TempDir(), "w.jsonl")
	writeLines(t, in, corpusLines(t, 8))
	one, _, err := runCmd(t, newCodeCmd, "--workers", "1", "--format", "tsv", in)
	if err != nil {
		t.Fatal(err)
	}
	two, _, err := runCmd(t, newCodeCmd, "--workers", "2", "--format", "tsv", in)
	if err != nil {
		t.Fatal(err)
	}
	if one != two {
		t.Error("--workers 1 and --workers 2 give different output")
	}
	if !strings.HasPrefix(one, "doc_id\tsentence_index\tdate\tsource\t") || strings.Count(one, "\n") < 2 {
		t.Errorf("tsv output: %.200q", one)
	}
}

func TestCodeUserErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--format", "xml", "../../testdata/corpus/seed-article.txt"},
		{"--input", "pdf", "../../testdata/corpus/seed-article.txt"},
		{"--date", "19 Dec 2019", "../../testdata/corpus/seed-article.txt"},
		{"--verbs", "cameo1", "../../testdata/corpus/seed-article.txt"},
		{"--workers", "-1", "../../testdata/corpus/seed-article.txt"},
		{"no/such/file.txt"},
		{"--text-only", "../../testdata/corpus/seed-article.txt"},
	} {
		if _, _, err := runCmd(t, newCodeCmd, args...); err == nil || annalist.ErrorCode(err) == annalist.EINTERNAL {
			t.Errorf("%v: err = %v, want a user error", args, err)
		}
	}
}

// TestValidateCommand runs a two-record validation file built from the
// suite's DEMO-00 record: once as written (passes) and once expecting a
// different code (fails), and checks the report and the exit codes.
func TestValidateCommand(t *testing.T) {
	suite, err := os.ReadFile("../../testdata/petrarch/PETR.UnitTest.records.xml")
	if err != nil {
		t.Fatal(err)
	}
	rec := regexp.MustCompile(`(?s)<Sentence [^>]*id="DEMO-00".*?</Sentence>`).Find(suite)
	if rec == nil {
		t.Fatal("no DEMO-00 in the suite")
	}
	wrong := bytes.Replace(bytes.Replace(rec, []byte(`id="DEMO-00"`), []byte(`id="DEMO-00-WRONG"`), 1), []byte(`eventcode="064"`), []byte(`eventcode="190"`), 1)
	file := `<Validation>
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
    <Agentfile>PETR.Validate.agents.txt</Agentfile>
    <Discardfile>PETR.Validate.discards.txt</Discardfile>
    <Include>DEMO</Include>
</Environment>
<Sentences>
` + string(rec) + "\n" + string(wrong) + `
</Sentences>
</Validation>
`
	dir := t.TempDir()
	path := filepath.Join(dir, "two.xml")
	if err := os.WriteFile(path, []byte(file), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"validate", "--dict-dir", "../../testdata/petrarch", path}); code != 1 {
		t.Errorf("exit %d, want 1 (a record fails)\n%s%s", code, out.String(), errb.String())
	}
	if !strings.HasSuffix(out.String(), "1 passed, 1 failed\n") || !strings.Contains(out.String(), "DEMO-00-WRONG") || strings.Contains(out.String(), "DEMO-00\n") {
		t.Errorf("report:\n%s", out.String())
	}
	// Only the passing record: exit 0.
	os.WriteFile(path, bytes.Replace([]byte(file), wrong, nil, 1), 0o644)
	out.Reset()
	if code := run(context.Background(), e, []string{"validate", "--dict-dir", "../../testdata/petrarch", path}); code != 0 || !strings.HasSuffix(out.String(), "1 passed, 0 failed\n") {
		t.Errorf("exit %d, report %q", code, out.String())
	}
	// Unusable input: exit 2.
	os.WriteFile(path, []byte("<Validation><Environment><Verbfile>missing.txt</Verbfile>"), 0o644)
	if code := run(context.Background(), e, []string{"validate", path}); code != 2 {
		t.Errorf("unusable file: exit %d, want 2\n%s", code, errb.String())
	}
}

// TestAnalyzeCommand: CoNLL-U output reads back as a treebank with one
// root per sentence; JSON output is one sentence per line, with its kind.
func TestAnalyzeCommand(t *testing.T) {
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Afghan police\nKABUL, Dec 19 (Reuters) - Gen. Xu met U.S. officials. He left."), 0o644)
	out, _, err := runCmd(t, newAnalyzeCmd, in)
	if err != nil {
		t.Fatal(err)
	}
	sents, err := conllu.ReadAll(strings.NewReader(out), "analyze")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(sents) != 4 {
		t.Fatalf("%d sentences, want headline, dateline and two body sentences:\n%s", len(sents), out)
	}
	for _, s := range sents {
		roots := 0
		for _, w := range s.Words {
			if w.Head == 0 {
				roots++
			}
			if w.XPOS == "" || w.XPOS == "_" || w.Deprel == "" {
				t.Errorf("%s: word %q without tag or relation", s.ID, w.Form)
			}
		}
		if roots != 1 {
			t.Errorf("%s: %d roots", s.ID, roots)
		}
	}
	js, _, err := runCmd(t, newAnalyzeCmd, "--format", "json", in)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	dec := json.NewDecoder(strings.NewReader(js))
	for dec.More() {
		var s annalist.Sentence
		if err := dec.Decode(&s); err != nil {
			t.Fatalf("%v\n%s", err, js)
		}
		kinds = append(kinds, string(s.Kind))
	}
	if strings.Join(kinds, ",") != "headline,dateline,," {
		t.Errorf("sentence kinds %q", kinds)
	}
}

// TestRunExitCodes pins the command line's exit statuses.
func TestRunExitCodes(t *testing.T) {
	for _, c := range []struct {
		args []string
		want int
	}{
		{nil, 1},
		{[]string{"help"}, 0},
		{[]string{"frobnicate"}, 1},
		{[]string{"code", "--no-such-flag"}, 1},
		{[]string{"code", "-h"}, 0},
		{[]string{"cameo", "0312"}, 0},
		{[]string{"cameo", "9999"}, 1},
	} {
		var out, errb bytes.Buffer
		if got := run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, c.args); got != c.want {
			t.Errorf("annalist %v: exit %d, want %d\n%s", c.args, got, c.want, errb.String())
		}
	}
}

// TestCodeOneADay: --one-a-day writes engine.Collapse of the events a plain
// run writes, with GDELT's counts; every article given twice under another
// id doubles num_articles and num_mentions; the gdelt format carries the
// same counts; --format documents is refused.
func TestCodeOneADay(t *testing.T) {
	dir := t.TempDir()
	lines := corpusLines(t, 30)
	var twice []string
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatal(err)
		}
		m["id"] = fmt.Sprint(m["id"], "#copy")
		b, _ := json.Marshal(m)
		twice = append(twice, l, string(b))
	}
	in := filepath.Join(dir, "twice.jsonl")
	writeLines(t, in, twice)

	plain, _, err := runCmd(t, newCodeCmd, in)
	if err != nil {
		t.Fatal(err)
	}
	var events []annalist.Event
	for _, l := range strings.Split(strings.TrimSpace(plain), "\n") {
		var ev annalist.Event
		if err := json.Unmarshal([]byte(l), &ev); err != nil {
			t.Fatal(err)
		}
		events = append(events, ev)
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	col := engine.Collapse(events)
	for i := range col {
		enc.Encode(&col[i])
	}
	out, errOut, err := runCmd(t, newCodeCmd, "--one-a-day", "--stats", in)
	if err != nil {
		t.Fatal(err)
	}
	if out != want.String() {
		t.Errorf("--one-a-day output is not engine.Collapse of the plain output:\n%.600s\nwant\n%.600s", out, want.String())
	}
	if len(col) == 0 || len(col) >= len(events) {
		t.Fatalf("%d events collapse to %d: the input does not exercise the rule", len(events), len(col))
	}
	for _, c := range col {
		if c.NumArticles%2 != 0 || c.NumMentions%2 != 0 || c.NumMentions < c.NumArticles {
			t.Errorf("%s: num_articles %d, num_mentions %d: every article was given twice", engine.CollapseKey(&c.Event), c.NumArticles, c.NumMentions)
		}
	}
	var st struct{ Events int }
	if json.Unmarshal([]byte(lastLines(errOut, 1)), &st); st.Events != len(col) {
		t.Errorf("--stats events = %d, want the %d collapsed", st.Events, len(col))
	}

	gd, _, err := runCmd(t, newCodeCmd, "--one-a-day", "--format", "gdelt", in)
	if err != nil {
		t.Fatal(err)
	}
	rows := strings.Split(strings.TrimSuffix(gd, "\n"), "\n")
	if len(rows) != len(col) {
		t.Fatalf("gdelt: %d rows, want %d", len(rows), len(col))
	}
	iM, iS, iA := slices.Index(export.GDELTColumns, "NumMentions"), slices.Index(export.GDELTColumns, "NumSources"), slices.Index(export.GDELTColumns, "NumArticles")
	for i, r := range rows {
		f := strings.Split(r, "\t")
		if f[iM] != strconv.Itoa(col[i].NumMentions) || f[iS] != "" || f[iA] != strconv.Itoa(col[i].NumArticles) {
			t.Errorf("gdelt row %d: NumMentions %q NumSources %q NumArticles %q, want %d, empty, %d", i, f[iM], f[iS], f[iA], col[i].NumMentions, col[i].NumArticles)
		}
	}

	if _, _, err := runCmd(t, newCodeCmd, "--one-a-day", "--format", "documents", in); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("--one-a-day --format documents: err %v, want EINVALID", err)
	}
}

// TestCodeSaysWhatWasLeftOut: an article set aside by a story-level discard
// phrase is named on stderr and in the documents format, never silently
// empty; --quiet drops the summary but not the stats.
func TestCodeSaysWhatWasLeftOut(t *testing.T) {
	in := filepath.Join(t.TempDir(), "two.jsonl")
	lines := corpusLines(t, 1)
	writeLines(t, in, []string{lines[0],
		`{"id":"sport","date":"2020-01-08","text":"The defending champion beat the French team in Paris on Tuesday. Iran criticized France on Wednesday."}`})
	out, errOut, err := runCmd(t, newCodeCmd, "--format", "documents", "--stats", in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, `1 of 2 documents set aside whole by a story-level discard phrase (first: sport by "+DEFENDING CHAMPION")`) {
		t.Errorf("stderr does not name the discarded article: %q", errOut)
	}
	var sport export.DocumentRecord
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec export.DocumentRecord
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatal(err)
		}
		if rec.ID == "sport" {
			sport = rec
		}
	}
	if sport.StoryDiscard != "+DEFENDING CHAMPION" || len(sport.Events) != 0 || sport.Sentences != 2 {
		t.Errorf("documents record %+v, want the discard phrase, no events, 2 sentences", sport)
	}
	_, errOut, err = runCmd(t, newCodeCmd, "--quiet", "--stats", in)
	if err != nil || strings.Contains(errOut, "set aside") || !strings.HasPrefix(lastLines(errOut, 1), `{"docs":2,`) {
		t.Errorf("--quiet: err %v, stderr %q", err, errOut)
	}
	errOut, err = runIngest(t, "--db", filepath.Join(t.TempDir(), "a.db"), in)
	if err != nil || !strings.Contains(errOut, `1 of 2 documents set aside whole by a story-level discard phrase (first: sport by "+DEFENDING CHAMPION")`) {
		t.Errorf("ingest: err %v, stderr %q", err, errOut)
	}
}
