package pipeline

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/geo"
	"github.com/annalist/annalist/text"
)

// dateAdded is the DATEADDED of every test run.
var dateAdded = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

// corpus is the Wikinews test corpus of the main module (294 articles).
const corpus = "../../testdata/corpus/wikinews-2019-2020.jsonl"

func TestMain(m *testing.M) {
	flag.Parse()
	Register()
	beam.Init()
	os.Exit(m.Run())
}

// reference is the single-binary result over a corpus: every article coded
// by one engine in a plain loop, then engine.Collapse.
type reference struct {
	articles, sentences, failed int
	events                      []annalist.Event
	collapsed                   []engine.CollapsedEvent
}

var (
	refOnce sync.Once
	refVal  *reference
	refErr  error
)

// wikinewsReference codes the Wikinews corpus once for all tests.
func wikinewsReference(tb testing.TB) *reference {
	tb.Helper()
	refOnce.Do(func() { refVal, refErr = codeReference(corpus, "") })
	if refErr != nil {
		tb.Fatal(refErr)
	}
	return refVal
}

// codeReference codes JSONL files the way the single binary does.
func codeReference(pattern, date string) (*reference, error) {
	eng, err := engine.New(engine.Config{})
	if err != nil {
		return nil, err
	}
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no files match %s (%v)", pattern, err)
	}
	var d time.Time
	if date != "" {
		d, _ = time.Parse("2006-01-02", date)
	}
	ref := &reference{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		var r io.Reader = f
		if strings.HasSuffix(p, ".gz") {
			if r, err = gzip.NewReader(f); err != nil {
				return nil, err
			}
		}
		jr := text.NewJSONLReader(r, p)
		for {
			doc, err := jr.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				if annalist.ErrorCode(err) == annalist.EINVALID {
					continue
				}
				return nil, err
			}
			if doc.Date.IsZero() {
				doc.Date = d
			}
			ref.articles++
			res, err := eng.CodeDocument(doc)
			if err != nil {
				ref.failed++
				continue
			}
			ref.sentences += res.Sentences
			ref.events = append(ref.events, res.Events...)
		}
		f.Close()
	}
	ref.collapsed = engine.Collapse(ref.events)
	return ref, nil
}

// run builds and runs the pipeline with the given runner function.
func run(tb testing.TB, cfg Config, exec func(context.Context, *beam.Pipeline) (beam.PipelineResult, error)) Stats {
	tb.Helper()
	p, err := New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	// Stop a hung pipeline shortly before go test's own -timeout would.
	ctx, cancel := context.WithCancel(context.Background())
	if d, ok := tb.(interface{ Deadline() (time.Time, bool) }); ok {
		if dl, ok := d.Deadline(); ok {
			ctx, cancel = context.WithDeadline(context.Background(), dl.Add(-20*time.Second))
		}
	}
	defer cancel()
	res, err := exec(ctx, p)
	if err != nil {
		tb.Fatalf("pipeline: %v", err)
	}
	return StatsOf(res)
}

// readLines returns the lines of a file.
func readLines(tb testing.TB, path string) []string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	s := strings.TrimSuffix(string(b), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// checkOutputs compares every output of a run with prefix against the
// collapsed reference events: the JSONL and TSV shards line for line
// (sorted), each line in the shard its EventID selects, and the daily and
// dyad files exactly.
func checkOutputs(t *testing.T, prefix string, shards int, want []engine.CollapsedEvent) {
	t.Helper()
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	gf, err := newGDELTFormatter(gaz, dateAdded)
	if err != nil {
		t.Fatal(err)
	}
	var wantJSON, wantTSV []string
	for i := range want {
		l, err := jsonlLine(&want[i])
		if err != nil {
			t.Fatal(err)
		}
		wantJSON = append(wantJSON, l)
		row, err := gf.line(&want[i])
		if err != nil {
			t.Fatal(err)
		}
		wantTSV = append(wantTSV, row)
	}
	jsonl, tsv, daily, dyads := OutputNames(prefix, shards)
	var gotJSON, gotTSV []string
	for i := range jsonl {
		for _, l := range readLines(t, jsonl[i]) {
			var ev engine.CollapsedEvent
			if err := json.Unmarshal([]byte(l), &ev); err != nil {
				t.Fatalf("%s: %v", jsonl[i], err)
			}
			if s := shardOf(&ev, shards); s != i {
				t.Errorf("%s holds an event of shard %d", jsonl[i], s)
			}
			gotJSON = append(gotJSON, l)
		}
		for _, row := range readLines(t, tsv[i]) {
			if n := strings.Count(row, "\t") + 1; n != len(export.GDELTColumns) {
				t.Fatalf("%s: row of %d columns, want %d: %s", tsv[i], n, len(export.GDELTColumns), row)
			}
			gotTSV = append(gotTSV, row)
		}
	}
	sameLines(t, "events JSONL", gotJSON, wantJSON)
	sameLines(t, "events TSV", gotTSV, wantTSV)
	for _, agg := range []struct{ kind, path string }{{aggDaily, daily}, {aggDyads, dyads}} {
		w, err := Aggregate(agg.kind, want)
		if err != nil {
			t.Fatal(err)
		}
		got := readLines(t, agg.path)
		if !slices.Equal(got, w) {
			t.Errorf("%s: %d lines, want %d; first difference %s", agg.path, len(got), len(w), firstDiff(got, w))
		}
	}
}

// sameLines compares two multisets of lines.
func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: %d lines, want %d; first difference %s", what, len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(got, want []string) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Sprintf("at %d:\n got %.300s\nwant %.300s", i, g, w)
		}
	}
	return "none"
}

func abs(tb testing.TB, p string) string {
	tb.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// TestWikinewsPrism runs the pipeline in-process on prism over the Wikinews
// corpus and checks that it writes, event for event, what coding the corpus
// in a plain loop and applying engine.Collapse gives.
func TestWikinewsPrism(t *testing.T) {
	ref := wikinewsReference(t)
	prefix := filepath.Join(t.TempDir(), "run")
	st := run(t, Config{Inputs: []string{abs(t, corpus)}, Output: prefix, Shards: 3, OneADay: true, DateAdded: dateAdded}, prism.Execute)
	checkOutputs(t, prefix, 3, ref.collapsed)
	want := Stats{Articles: int64(ref.articles), Sentences: int64(ref.sentences), Events: int64(len(ref.events)),
		Collapsed: int64(len(ref.collapsed)), FailedDocs: int64(ref.failed)}
	if st != want {
		t.Errorf("stats %+v, want %+v", st, want)
	}
	if ref.articles != 294 || len(ref.collapsed) == 0 {
		t.Errorf("reference: %d articles, %d events: the corpus changed?", ref.articles, len(ref.collapsed))
	}
	t.Logf("%d articles, %d sentences, %d events, %d after one-a-day", ref.articles, ref.sentences, len(ref.events), len(ref.collapsed))
}

// TestInputsAndOptions runs a small corpus of gzip and plain JSONL shards,
// a malformed line and plain-text articles through the pipeline with
// one-a-day off, and checks every event and counter.
func TestInputsAndOptions(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Open(corpus)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	var lines []string
	for sc.Scan() && len(lines) < 12 {
		lines = append(lines, sc.Text())
	}
	// Two shards, one gzipped; a bad line in the plain one; one article without a date.
	var noDate map[string]any
	if err := json.Unmarshal([]byte(lines[11]), &noDate); err != nil {
		t.Fatal(err)
	}
	delete(noDate, "date")
	b, _ := json.Marshal(noDate)
	writeFile(t, filepath.Join(dir, "in-0.jsonl"), strings.Join(lines[:5], "\n")+"\n{not json\n"+string(b)+"\n", false)
	writeFile(t, filepath.Join(dir, "in-1.jsonl.gz"), strings.Join(lines[5:11], "\n")+"\n", true)
	var docText map[string]any
	json.Unmarshal([]byte(lines[0]), &docText)
	txt := filepath.Join(dir, "story.txt")
	writeFile(t, txt, docText["text"].(string), false)

	ref, err := codeReference(filepath.Join(dir, "in-*"), "2020-06-01")
	if err != nil {
		t.Fatal(err)
	}
	// The plain-text article: coded as the CLI codes a text file.
	eng, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	fh, _ := os.Open(txt)
	doc, err := text.ReadPlain(fh, txt, 0)
	fh.Close()
	if err != nil {
		t.Fatal(err)
	}
	doc.Date = time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	res, err := eng.CodeDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	ref.articles++
	ref.sentences += res.Sentences
	ref.events = append(ref.events, res.Events...)
	var want []engine.CollapsedEvent
	for _, ev := range ref.events {
		var tl engine.Tally
		tl.Add(ev)
		want = append(want, tl.Result())
	}

	prefix := filepath.Join(dir, "out", "run")
	st := run(t, Config{Inputs: []string{filepath.Join(dir, "in-*"), txt}, Output: prefix, Shards: 2, Date: "2020-06-01", DateAdded: dateAdded}, prism.Execute)
	checkOutputs(t, prefix, 2, want)
	wantSt := Stats{Articles: int64(ref.articles), Sentences: int64(ref.sentences), Events: int64(len(ref.events)),
		Collapsed: int64(len(ref.events)), BadRecords: 1, FailedDocs: int64(ref.failed)}
	if st != wantSt {
		t.Errorf("stats %+v, want %+v", st, wantSt)
	}
	if ref.articles != 13 {
		t.Errorf("reference read %d articles, want 13", ref.articles)
	}
}

func writeFile(tb testing.TB, path, s string, gz bool) {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	var w io.Writer = f
	var zw *gzip.Writer
	if gz {
		zw = gzip.NewWriter(f)
		w = zw
	}
	if _, err := io.WriteString(w, s); err != nil {
		tb.Fatal(err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		msg  string
	}{
		{"no input", Config{Output: "x"}, "no --input given"},
		{"no output", Config{Inputs: []string{"x"}}, "no --output prefix given"},
		{"format", Config{Inputs: []string{"x"}, Output: "x", Format: "xml"}, `input format "xml": want auto, jsonl or text`},
		{"date", Config{Inputs: []string{"x"}, Output: "x", Date: "June"}, `date "June": want YYYY-MM-DD`},
		{"verbs", Config{Inputs: []string{"x"}, Output: "x", Coding: EngineConfig{Verbs: "cameo3"}}, `verbs "cameo3": want tabari or petrarch2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			var e *annalist.Error
			if !errors.As(err, &e) || e.Code != annalist.EINVALID || e.Message != tt.msg {
				t.Errorf("New: %v, want EINVALID %q", err, tt.msg)
			}
		})
	}
}

func TestMissingInputFails(t *testing.T) {
	p, err := New(Config{Inputs: []string{filepath.Join(t.TempDir(), "none.jsonl")}, Output: filepath.Join(t.TempDir(), "run")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := prism.Execute(context.Background(), p); err == nil {
		t.Error("a glob matching nothing did not fail the pipeline")
	}
}

func TestOutputNames(t *testing.T) {
	jsonl, tsv, daily, dyads := OutputNames("/o/run", 2)
	want := [][]string{{"/o/run-events-00000-of-00002.jsonl", "/o/run-events-00001-of-00002.jsonl"},
		{"/o/run-events-00000-of-00002.tsv", "/o/run-events-00001-of-00002.tsv"}, {"/o/run-daily.jsonl"}, {"/o/run-dyads.jsonl"}}
	if got := [][]string{jsonl, tsv, {daily}, {dyads}}; !reflect.DeepEqual(got, want) {
		t.Errorf("OutputNames = %q, want %q", got, want)
	}
}

// TestPortableJobServer builds Beam's standalone prism job server, starts
// it on a free port of 127.0.0.1 and submits the same pipeline through the
// portable job API exactly as the command does (--runner=universal
// --endpoint=... --environment_type=LOOPBACK); the output must equal the
// single-binary reference. Set ANNALIST_PRISM to a prism binary to skip the build.
func TestPortableJobServer(t *testing.T) {
	bin := os.Getenv("ANNALIST_PRISM")
	if bin == "" {
		bin = filepath.Join(t.TempDir(), "prism")
		build := exec.Command("go", "build", "-o", bin, "github.com/apache/beam/sdks/v2/go/cmd/prism")
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("build prism: %v\n%s", err, out)
		}
	}
	port := freePort(t)
	srv := exec.Command(bin, fmt.Sprintf("--job_port=%d", port), "--serve_http=false", "--log_level=warn")
	var logs strings.Builder
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.Process.Kill()
		srv.Wait()
		if t.Failed() {
			t.Logf("prism job server log:\n%s", logs.String())
		}
	})
	endpoint := fmt.Sprintf("127.0.0.1:%d", port)
	waitListening(t, endpoint, time.Minute)

	for name, v := range map[string]string{"runner": "universal", "endpoint": endpoint, "environment_type": "LOOPBACK"} {
		old := flag.Lookup(name)
		if old == nil {
			t.Fatalf("Beam flag --%s not registered", name)
		}
		prev := old.Value.String()
		if err := flag.Set(name, v); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { flag.Set(name, prev) })
	}
	ref := wikinewsReference(t)
	prefix := filepath.Join(t.TempDir(), "run")
	st := run(t, Config{Inputs: []string{abs(t, corpus)}, Output: prefix, Shards: 2, OneADay: true, DateAdded: dateAdded}, beamx.RunWithMetrics)
	checkOutputs(t, prefix, 2, ref.collapsed)
	if st.Articles != int64(ref.articles) || st.Collapsed != int64(len(ref.collapsed)) {
		t.Errorf("stats %+v: want %d articles, %d events", st, ref.articles, len(ref.collapsed))
	}
}

func freePort(tb testing.TB) int {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func waitListening(tb testing.TB, addr string, limit time.Duration) {
	tb.Helper()
	deadline := time.Now().Add(limit)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			tb.Fatalf("job server not listening on %s after %v: %v", addr, limit, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// wikinewsLines returns the first n lines of the Wikinews corpus (all when n <= 0).
func wikinewsLines(tb testing.TB, n int) []string {
	tb.Helper()
	lines := readLines(tb, corpus)
	if n > 0 && n < len(lines) {
		lines = lines[:n]
	}
	return lines
}

// copyArticle returns a JSONL article line with its id prefixed.
func copyArticle(tb testing.TB, line, prefix string) string {
	tb.Helper()
	var a map[string]any
	if err := json.Unmarshal([]byte(line), &a); err != nil {
		tb.Fatal(err)
	}
	a["id"] = prefix + a["id"].(string)
	b, err := json.Marshal(a)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// TestCollapseAcrossShards writes three copies of 40 articles under new ids
// into three shards, in different orders, so that every event is reported
// by at least three articles read by different bundles: the combiner's
// partial tallies must merge to exactly engine.Collapse's result.
func TestCollapseAcrossShards(t *testing.T) {
	dir := t.TempDir()
	src := wikinewsLines(t, 40)
	for k := 0; k < 3; k++ {
		var out []string
		for i := range src {
			j := i
			if k == 1 {
				j = len(src) - 1 - i
			}
			out = append(out, copyArticle(t, src[j], fmt.Sprintf("copy%d:", k)))
		}
		name := fmt.Sprintf("copies-%d.jsonl", k)
		if k == 2 {
			name += ".gz"
		}
		writeFile(t, filepath.Join(dir, name), strings.Join(out, "\n")+"\n", k == 2)
	}
	ref, err := codeReference(filepath.Join(dir, "copies-*"), "")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range ref.collapsed {
		if c.NumArticles < 3 || c.NumArticles%3 != 0 || !strings.HasPrefix(c.DocID, "copy0:") {
			t.Fatalf("reference event %s from %s has %d articles: copies did not collapse", engine.CollapseKey(&c.Event), c.DocID, c.NumArticles)
		}
	}
	prefix := filepath.Join(dir, "run")
	st := run(t, Config{Inputs: []string{filepath.Join(dir, "copies-*")}, Output: prefix, Shards: 2, OneADay: true, DateAdded: dateAdded}, prism.Execute)
	checkOutputs(t, prefix, 2, ref.collapsed)
	if st.Articles != 120 || st.Collapsed != int64(len(ref.collapsed)) || st.Events != int64(len(ref.events)) {
		t.Errorf("stats %+v: want 120 articles, %d events, %d collapsed", st, len(ref.events), len(ref.collapsed))
	}
}

// BenchmarkWikinewsPrism runs the whole pipeline on in-process prism over
// the Wikinews corpus (294 articles) and reports articles and events per
// second, engine loading included once per process.
func BenchmarkWikinewsPrism(b *testing.B) {
	in := abs(b, corpus)
	var st Stats
	start := time.Now()
	for i := 0; b.Loop(); i++ {
		p, err := New(Config{Inputs: []string{in}, Output: filepath.Join(b.TempDir(), "run"), Shards: 2, OneADay: true, DateAdded: dateAdded})
		if err != nil {
			b.Fatal(err)
		}
		res, err := prism.Execute(context.Background(), p)
		if err != nil {
			b.Fatal(err)
		}
		st = StatsOf(res)
	}
	secs := time.Since(start).Seconds() / float64(b.N)
	b.ReportMetric(float64(st.Articles)/secs, "articles/s")
	b.ReportMetric(float64(st.Sentences)/secs, "sentences/s")
	b.ReportMetric(float64(st.Events)/secs, "events/s")
}
