package gold

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/cameo"
)

// Regenerate testdata/summary.golden with: go test ./internal/gold -run TestSummaryGolden -update
var update = flag.Bool("update", false, "rewrite testdata/summary.golden from the gold files")

const (
	goldDir    = "../../testdata/gold/wikinews"
	corpusFile = "../../testdata/corpus/wikinews-2019-2020.jsonl"
)

// The brief asks for at least this much gold data.
const (
	minArticles = 24
	minEvents   = 150
)

// codebook parses the embedded CAMEO codebook or fails the test.
func codebook(tb testing.TB) *cameo.Codebook {
	tb.Helper()
	cb, err := cameo.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return cb
}

// loadGold loads the real gold files or fails the test.
func loadGold(tb testing.TB) []Article {
	tb.Helper()
	arts, err := Load(goldDir)
	if err != nil {
		tb.Fatal(err)
	}
	return arts
}

func TestLoadRealFiles(t *testing.T) {
	arts := loadGold(t)
	events := 0
	for _, a := range arts {
		if len(a.Events) == 0 {
			t.Errorf("%s: no events; the gold set holds only articles chosen for their events", a.Path)
		}
		events += len(a.Events)
		want := filepath.Join(goldDir, filepath.Base(a.Path))
		if a.Path != want {
			t.Errorf("Path = %q, want %q", a.Path, want)
		}
	}
	if len(arts) < minArticles || events < minEvents {
		t.Errorf("%d articles, %d events; want at least %d and %d", len(arts), events, minArticles, minEvents)
	}
	t.Logf("%d articles, %d events", len(arts), events)
}

// corpusRecord is one line of the Wikinews JSON Lines corpus.
type corpusRecord struct {
	ID, Title, Date, URL, Text string
}

// readCorpus reads the corpus into a map by id or fails the test.
func readCorpus(tb testing.TB) map[string]corpusRecord {
	tb.Helper()
	f, err := os.Open(corpusFile)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	recs := map[string]corpusRecord{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r corpusRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		recs[r.ID] = r
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return recs
}

// TestSentencesCoverCorpusText checks that each gold article is a corpus
// article and that its sentences, in order, are exactly its text: no text is
// dropped, reordered or invented. White space is compared loosely because a
// sentence joined across a line break keeps one space.
func TestSentencesCoverCorpusText(t *testing.T) {
	corpus := readCorpus(t)
	for _, a := range loadGold(t) {
		r, ok := corpus[a.ID]
		if !ok {
			t.Errorf("%s: id %q is not in the corpus", a.Path, a.ID)
			continue
		}
		if a.Title != r.Title || a.Date != r.Date || a.URL != r.URL {
			t.Errorf("%s: title/date/url = %q/%q/%q, corpus has %q/%q/%q", a.Path, a.Title, a.Date, a.URL, r.Title, r.Date, r.URL)
		}
		text := strings.Fields(r.Text)
		pos := 0
		for i, s := range a.Sentences {
			words := strings.Fields(s)
			if pos+len(words) > len(text) || !reflect.DeepEqual(words, text[pos:pos+len(words)]) {
				t.Errorf("%s: sentence %d %q does not continue the text at word %d", a.Path, i, s, pos)
				break
			}
			pos += len(words)
		}
		if pos != len(text) && !t.Failed() {
			t.Errorf("%s: sentences stop at word %d of %d", a.Path, pos, len(text))
		}
	}
}

// TestSummaryGolden pins a summary of the gold data (per-file counts and the
// code histogram) so that any edit to the gold files shows up in review.
func TestSummaryGolden(t *testing.T) {
	got := summary(loadGold(t))
	golden := filepath.Join("testdata", "summary.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/gold -run TestSummaryGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("summary differs from %s; if the gold files changed on purpose, rerun with -update and review the diff\n%s", golden, got)
	}
}

// TestREADMECounts keeps the headline figures of the gold README in step with
// the files.
func TestREADMECounts(t *testing.T) {
	arts := loadGold(t)
	sentences, events, codes := 0, 0, map[string]bool{}
	for _, a := range arts {
		sentences += len(a.Sentences)
		events += len(a.Events)
		for _, e := range a.Events {
			codes[e.Code] = true
		}
	}
	readme, err := os.ReadFile(filepath.Join(goldDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("**%d articles, %d sentences, %d events, %d distinct CAMEO codes**", len(arts), sentences, events, len(codes))
	if !strings.Contains(strings.Join(strings.Fields(string(readme)), " "), want) {
		t.Errorf("README.md does not say %q", want)
	}
}

// summary renders the counts pinned by TestSummaryGolden.
func summary(arts []Article) string {
	var b strings.Builder
	codes := map[string]int{}
	events := 0
	for _, a := range arts {
		fmt.Fprintf(&b, "%s\t%s\t%d sentences\t%d events\n", filepath.Base(a.Path), a.Date, len(a.Sentences), len(a.Events))
		for _, e := range a.Events {
			codes[e.Code]++
		}
		events += len(a.Events)
	}
	fmt.Fprintf(&b, "total\t%d articles\t%d events\t%d distinct codes\n", len(arts), events, len(codes))
	keys := make([]string, 0, len(codes))
	for c := range codes {
		keys = append(keys, c)
	}
	sort.Strings(keys)
	for _, c := range keys {
		fmt.Fprintf(&b, "code\t%s\t%d\n", c, codes[c])
	}
	return b.String()
}

// validDoc is a small article that passes every check; the error cases below
// each break one thing in it.
const validDoc = `{
  "id": "wikinews-en:Example",
  "title": "Example",
  "date": "2020-01-08",
  "url": "https://en.wikinews.org/wiki/Example",
  "why_selected": "tests",
  "sentences": [
    "On Monday, Greece expelled the Libyan ambassador.",
    "He left."
  ],
  "events": [
    {
      "sentence_index": 0,
      "also_in": [1],
      "source": "GRC",
      "source_text": "Greece",
      "target": "LBYGOV",
      "target_text": "He",
      "code": "161",
      "date": "2020-01-06",
      "date_precision": "day",
      "reason": "expelled a diplomat"
    },
    {
      "sentence_index": 1,
      "also_in": [],
      "source": "---GOV",
      "source_text": "He",
      "target": "GRC",
      "target_text": "Greece",
      "code": "042",
      "date": "",
      "date_precision": "",
      "reason": "antecedent in an earlier sentence"
    }
  ]
}
`

func TestParsePinsEveryField(t *testing.T) {
	got, err := Parse("x.json", []byte(validDoc), codebook(t))
	if err != nil {
		t.Fatal(err)
	}
	want := Article{
		ID: "wikinews-en:Example", Title: "Example", Date: "2020-01-08", URL: "https://en.wikinews.org/wiki/Example",
		WhySelected: "tests", Path: "x.json",
		Sentences: []string{"On Monday, Greece expelled the Libyan ambassador.", "He left."},
		Events: []Event{
			{SentenceIndex: 0, AlsoIn: []int{1}, Source: "GRC", SourceText: "Greece", Target: "LBYGOV", TargetText: "He",
				Code: "161", Date: "2020-01-06", DatePrecision: "day", Reason: "expelled a diplomat"},
			{SentenceIndex: 1, AlsoIn: []int{}, Source: "---GOV", SourceText: "He", Target: "GRC", TargetText: "Greece",
				Code: "042", Date: "", DatePrecision: "", Reason: "antecedent in an earlier sentence"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse =\n%#v\nwant\n%#v", got, want)
	}
	if s := got.Events[0].Sentences(); !reflect.DeepEqual(s, []int{0, 1}) {
		t.Errorf("Sentences() = %v, want [0 1]", s)
	}
}

func TestParseErrors(t *testing.T) {
	cb := codebook(t)
	tests := []struct {
		name      string
		old, new  string // validDoc with the first old replaced by new
		wantError string
	}{
		{"syntax", `"title": "Example",`, `"title": "Example"`, `x.json:4:3: malformed JSON: invalid character '"' after object key:value pair`},
		{"type", `"sentence_index": 1,`, `"sentence_index": "1",`, `x.json:25:28: events.sentence_index: got JSON string, want int`},
		{"unknown field", `"url":`, `"link":`, `x.json: unknown field "link"`},
		{"trailing data", "  ]\n}\n", "  ]\n}\n{}", `x.json:38:1: data after the article object`},
		{"missing article field", `"why_selected": "tests",`, ``, `x.json: missing field "why_selected"`},
		{"missing event field", `"reason": "expelled a diplomat"`, `"Reason": "expelled a diplomat"`, `x.json:12:5: event 0: missing field "reason"`},
		{"empty id", `"id": "wikinews-en:Example"`, `"id": " "`, `x.json: empty id`},
		{"empty title", `"title": "Example"`, `"title": ""`, `x.json: empty title`},
		{"empty why", `"why_selected": "tests"`, `"why_selected": ""`, `x.json: empty why_selected`},
		{"no sentences", "[\n    \"On Monday, Greece expelled the Libyan ambassador.\",\n    \"He left.\"\n  ]", "[]", `x.json: no sentences`},
		{"bad date", `"date": "2020-01-08"`, `"date": "8 Jan 2020"`, `x.json: date "8 Jan 2020" is not YYYY-MM-DD`},
		{"blank sentence", `"He left."`, `" He left."`, `x.json:9:5: sentence 1 is empty, has surrounding space or a line break`},
		{"index range", `"sentence_index": 0,`, `"sentence_index": 2,`, `x.json:12:5: event 0: sentence_index 2 is outside 0..1`},
		{"also_in range", `"also_in": [1],`, `"also_in": [5],`, `x.json:12:5: event 0: also_in 5 is outside 0..1`},
		{"also_in self", `"also_in": [1],`, `"also_in": [0],`, `x.json:12:5: event 0: also_in repeats sentence_index 0`},
		{"also_in order", `"also_in": [],`, `"also_in": [0, 0],`, `x.json:24:5: event 1: also_in is not strictly ascending at 0`},
		{"source code", `"source": "GRC"`, `"source": "Greece"`, `x.json:12:5: event 0: source "Greece" is not a CAMEO actor code`},
		{"bare dashes", `"source": "---GOV"`, `"source": "---"`, `x.json:24:5: event 1: source "---" is not a CAMEO actor code`},
		{"target code", `"target": "LBYGOV"`, `"target": "LBYGO"`, `x.json:12:5: event 0: target "LBYGO" is not a CAMEO actor code`},
		{"empty text", `"source_text": "Greece"`, `"source_text": ""`, `x.json:12:5: event 0: empty source_text`},
		{"text not found", `"target_text": "He"`, `"target_text": "Tripoli"`, `x.json:12:5: event 0: target_text "Tripoli" is not in sentence 0, its also_in sentences or an earlier sentence`},
		{"text only later", `"also_in": [1],`, `"also_in": [],`, `x.json:12:5: event 0: target_text "He" is not in sentence 0, its also_in sentences or an earlier sentence`},
		{"event code", `"code": "161"`, `"code": "999"`, `x.json:12:5: event 0: code "999" is not in the CAMEO codebook`},
		{"unpadded code", `"code": "042"`, `"code": "42"`, `x.json:24:5: event 1: code "42" is not in the CAMEO codebook`},
		{"half date", `"date": "",`, `"date": "2020",`, `x.json:24:5: event 1: date "2020" and date_precision "" must both be empty or both set`},
		{"precision", `"date_precision": "day"`, `"date_precision": "week"`, `x.json:12:5: event 0: date_precision "week" is not day, month or year`},
		{"date layout", `"date": "2020-01-06"`, `"date": "2020-01"`, `x.json:12:5: event 0: date "2020-01" does not match precision day (2006-01-02)`},
		{"future date", `"date": "2020-01-06"`, `"date": "2020-01-09"`, `x.json:12:5: event 0: date 2020-01-09 is after the publication date 2020-01-08`},
		{"future month", `"date": "2020-01-06",
      "date_precision": "day"`, `"date": "2020-02",
      "date_precision": "month"`, `x.json:12:5: event 0: date 2020-02 is after the publication date 2020-01-08`},
		{"empty reason", `"reason": "expelled a diplomat"`, `"reason": " "`, `x.json:12:5: event 0: empty reason`},
		{"repeat", `"sentence_index": 1,
      "also_in": [],
      "source": "---GOV",
      "source_text": "He",
      "target": "GRC",
      "target_text": "Greece",
      "code": "042"`, `"sentence_index": 0,
      "also_in": [],
      "source": "GRC",
      "source_text": "Greece",
      "target": "LBYGOV",
      "target_text": "Libyan",
      "code": "161"`, `x.json:24:5: event 1 repeats event 0 (sentence 0, GRC LBYGOV 161)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := strings.Replace(validDoc, tt.old, tt.new, 1)
			if doc == validDoc {
				t.Fatalf("replacement %q not found in validDoc", tt.old)
			}
			_, err := Parse("x.json", []byte(doc), cb)
			if err == nil {
				t.Fatalf("no error, want %q", tt.wantError)
			}
			if err.Error() != tt.wantError {
				t.Errorf("error = %q\nwant    %q", err, tt.wantError)
			}
			if code := annalist.ErrorCode(err); code != annalist.EINVALID {
				t.Errorf("error code = %q, want %q", code, annalist.EINVALID)
			}
		})
	}
}

func TestMonthInPublicationMonthIsNotFuture(t *testing.T) {
	doc := strings.Replace(validDoc, `"date": "2020-01-06",
      "date_precision": "day"`, `"date": "2020-01",
      "date_precision": "month"`, 1)
	if _, err := Parse("x.json", []byte(doc), codebook(t)); err != nil {
		t.Fatal(err)
	}
}

func TestLoadErrors(t *testing.T) {
	t.Run("missing directory", func(t *testing.T) {
		_, err := Load(filepath.Join(t.TempDir(), "nope"))
		if code := annalist.ErrorCode(err); code != annalist.ENOTFOUND {
			t.Errorf("error %v has code %q, want %q", err, code, annalist.ENOTFOUND)
		}
	})
	t.Run("duplicate id and other files ignored", func(t *testing.T) {
		dir := t.TempDir()
		for name, body := range map[string]string{"a.json": validDoc, "b.json": validDoc, "README.md": "not JSON", "c.txt": "{"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		_, err := Load(dir)
		want := filepath.Join(dir, "b.json") + `: article id "wikinews-en:Example" is also used by ` + filepath.Join(dir, "a.json")
		if err == nil || err.Error() != want {
			t.Errorf("error = %v, want %s", err, want)
		}
		os.Remove(filepath.Join(dir, "b.json"))
		arts, err := Load(dir)
		if err != nil || len(arts) != 1 {
			t.Errorf("Load = %d articles, %v; want 1, nil", len(arts), err)
		}
	})
	t.Run("invalid file", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "a.json"), []byte(`{"id": 1}`), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(dir)
		var e *annalist.Error
		if !errors.As(err, &e) || e.Pos == nil || e.Pos.Path != filepath.Join(dir, "a.json") {
			t.Errorf("error %v is not located in a.json", err)
		}
	})
}

func TestReciprocal(t *testing.T) {
	tests := []struct {
		code string
		want bool
	}{
		{"019", true}, {"040", true}, {"041", true}, {"044", true}, {"046", true}, {"057", true},
		{"042", false}, {"043", false}, {"045", false}, {"036", false}, {"111", false}, {"", false}, {"04", false},
	}
	for _, tt := range tests {
		if got := Reciprocal(tt.code); got != tt.want {
			t.Errorf("Reciprocal(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}

// FuzzParse feeds arbitrary bytes to Parse: it must not panic, must fail only
// with a located EINVALID error, and what it accepts must satisfy the
// invariants the scorer relies on.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validDoc))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"events": [{"sentence_index": -1}]}`))
	f.Add([]byte("{\n\"id\": \"x\",\n\"sentences\": [\"a\", 3]}"))
	if files, _ := filepath.Glob(filepath.Join(goldDir, "*.json")); len(files) > 0 {
		if data, err := os.ReadFile(files[0]); err == nil {
			f.Add(data)
		}
	}
	cb := codebook(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("f.json", data, cb)
		if err != nil {
			var e *annalist.Error
			if !errors.As(err, &e) || e.Code != annalist.EINVALID || e.Pos == nil || e.Pos.Path != "f.json" || e.Pos.Line < 0 || e.Pos.Col < 0 {
				t.Fatalf("error %#v is not a located EINVALID *annalist.Error", err)
			}
			return
		}
		for _, e := range a.Events {
			for _, s := range e.Sentences() {
				if s < 0 || s >= len(a.Sentences) {
					t.Fatalf("accepted sentence %d of %d", s, len(a.Sentences))
				}
			}
			if _, ok := cb.Lookup(e.Code); !ok {
				t.Fatalf("accepted code %q", e.Code)
			}
		}
	})
}

func BenchmarkLoad(b *testing.B) {
	events := 0
	for b.Loop() {
		arts, err := Load(goldDir)
		if err != nil {
			b.Fatal(err)
		}
		events = 0
		for _, a := range arts {
			events += len(a.Events)
		}
	}
	b.ReportMetric(float64(events), "events/op")
}
