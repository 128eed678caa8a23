package engine

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/petrxml"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

var (
	defaultOnce sync.Once
	defaultEng  *Engine
	defaultErr  error
)

// defaultEngine loads the embedded dictionaries once for all tests.
func defaultEngine(tb testing.TB) *Engine {
	tb.Helper()
	defaultOnce.Do(func() { defaultEng, defaultErr = New(Config{}) })
	if defaultErr != nil {
		tb.Fatal(defaultErr)
	}
	return defaultEng
}

type parsedRecord struct {
	rec  *petrxml.Record
	sent annalist.Sentence
	doc  annalist.Document
}

func gigaword(tb testing.TB) []parsedRecord {
	tb.Helper()
	fh, err := os.Open("../testdata/petrarch/GigaWord.sample.PETR.xml")
	if err != nil {
		tb.Fatal(err)
	}
	defer fh.Close()
	f, err := petrxml.Read(fh, "gigaword")
	if err != nil || len(f.Errors) > 0 {
		tb.Fatalf("read: %v %v", err, f.Errors)
	}
	var out []parsedRecord
	for _, it := range f.Items {
		if it.Record == nil {
			continue
		}
		story, idx := SplitRecordID(it.Record.ID)
		s, err := ParsedSentence(idx, it.Record.Text, it.Record.Parse)
		if err != nil {
			tb.Fatalf("%s: %v", it.Record.ID, err)
		}
		d, _ := time.Parse("20060102", it.Record.Date)
		out = append(out, parsedRecord{rec: it.Record, sent: s, doc: annalist.Document{ID: story, Date: d, Text: it.Record.Text}})
	}
	return out
}

// TestGigaWordGolden codes the GigaWord sample with the default dictionaries
// and compares every event field with testdata/gigaword.events.jsonl.
// Regenerate with: go test ./engine -run TestGigaWordGolden -update
func TestGigaWordGolden(t *testing.T) {
	eng := defaultEngine(t)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	n := 0
	for _, r := range gigaword(t) {
		doc := r.doc
		doc.Sentences = []annalist.Sentence{r.sent}
		for _, ev := range eng.CodeSentences(&doc).Events {
			if err := enc.Encode(ev); err != nil {
				t.Fatal(err)
			}
			n++
		}
	}
	const golden = "testdata/gigaword.events.jsonl"
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		gl := bytes.Split(buf.Bytes(), []byte("\n"))
		wl := bytes.Split(want, []byte("\n"))
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if !bytes.Equal(gl[i], wl[i]) {
				t.Fatalf("event %d differs:\n got  %s\n want %s\n(run with -update if the change is intended)", i, gl[i], wl[i])
			}
		}
		t.Fatalf("got %d lines, golden has %d (run with -update if intended)", len(gl), len(wl))
	}
	if n < 40 {
		t.Errorf("only %d events from the GigaWord sample", n)
	}
}

func TestSplitRecordID(t *testing.T) {
	for _, tt := range []struct {
		id, story string
		idx       int
	}{{"AFP0808020625_4", "AFP0808020625", 3}, {"DEMO-01", "DEMO", 0}, {"ERR", "ERR", 0}, {"X_0", "X_0", 0}, {"A_b", "A_b", 0}} {
		s, i := SplitRecordID(tt.id)
		if s != tt.story || i != tt.idx {
			t.Errorf("SplitRecordID(%q) = %q, %d", tt.id, s, i)
		}
	}
}

func TestStrictDicts(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(dir+"/test.verbs.txt", []byte("--- SAY [010] ---\nSAY\n- * [\n"), 0o644)
	os.WriteFile(dir+"/test.actors.txt", []byte("ARNOR [ARN]\n"), 0o644)
	if _, err := New(Config{DictDir: dir, StrictDicts: true}); err == nil || annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("strict: err = %v", err)
	}
	var warned []error
	if _, err := New(Config{DictDir: dir, Warn: func(e error) { warned = append(warned, e) }}); err != nil || len(warned) == 0 {
		t.Errorf("lenient: err = %v, warnings %v", err, warned)
	}
}

// BenchmarkLoad measures loading the default dictionaries and codebook and
// building the coder's index: everything New does.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(Config{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCodeGigaWord codes the 76 GigaWord sample sentences from their
// Penn Treebank parses (parse reading, conversion and coding) and reports
// sentences per second.
func BenchmarkCodeGigaWord(b *testing.B) {
	eng := defaultEngine(b)
	recs := gigaword(b)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, r := range recs {
			s, err := ParsedSentence(0, r.rec.Text, r.rec.Parse)
			if err != nil {
				b.Fatal(err)
			}
			doc := r.doc
			doc.Sentences = []annalist.Sentence{s}
			eng.CodeSentences(&doc)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkCodeGigaWordPreparsed codes the same sentences with the parse
// conversion done beforehand: the coder alone.
func BenchmarkCodeGigaWordPreparsed(b *testing.B) {
	eng := defaultEngine(b)
	recs := gigaword(b)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, r := range recs {
			doc := r.doc
			doc.Sentences = []annalist.Sentence{r.sent}
			eng.CodeSentences(&doc)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
