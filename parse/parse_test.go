package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/annalist/annalist/conllu"
)

// testModel loads the embedded model once per test binary.
var testModel = sync.OnceValues(Default)

func model(tb testing.TB) *Model {
	tb.Helper()
	m, err := testModel()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func ewtTest(tb testing.TB) []*conllu.Sentence {
	tb.Helper()
	return readConllu(tb, filepath.Join("..", "testdata", "ud", "en_ewt-ud-test.conllu"))
}

func BenchmarkParse(b *testing.B) {
	m := model(b)
	sents := ewtTest(b)
	type in struct{ words, tags []string }
	var ins []in
	tokens := 0
	for _, s := range sents {
		var x in
		for _, w := range s.Words {
			x.words = append(x.words, w.Form)
			x.tags = append(x.tags, w.XPOS)
		}
		ins = append(ins, x)
		tokens += len(x.words)
	}
	heads := make([]int, 1024)
	rels := make([]string, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	done := 0
	for i := 0; i < b.N; i++ {
		x := ins[i%len(ins)]
		n := len(x.words)
		m.Parse(x.words, x.tags, heads[:n], rels[:n])
		done += n
	}
	b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(done)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// BenchmarkTagParse tags (with the embedded tagger) and parses the EWT test
// sentences, the whole analysis after tokenization.
func BenchmarkTagParse(b *testing.B) {
	m := model(b)
	tg := tagger(b)
	var ins [][]string
	for _, s := range ewtTest(b) {
		var words []string
		for _, w := range s.Words {
			words = append(words, w.Form)
		}
		ins = append(ins, words)
	}
	tags := make([]string, 1024)
	heads := make([]int, 1024)
	rels := make([]string, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	done := 0
	for i := 0; i < b.N; i++ {
		words := ins[i%len(ins)]
		n := len(words)
		tg.Tag(words, tags[:n])
		m.Parse(words, tags[:n], heads[:n], rels[:n])
		done += n
	}
	b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(done)/cpu.Seconds(), "tokens/cpu-s")
	}
}

func TestEWTTestGoldTags(t *testing.T) {
	sc, labs := EvaluateLabels(model(t), nil, ewtTest(t))
	t.Logf("EWT test, gold tags: UAS %.4f LAS %.4f LASFull %.4f (%d words)", sc.UAS, sc.LAS, sc.LASFull, sc.Words)
	for _, l := range labs {
		t.Logf("  %-14s gold %5d P %.3f R %.3f F1 %.3f", l.Label, l.Gold, l.Precision, l.Recall, l.F1)
	}
}

// TestWriteReadRoundTrip checks that the decoded embedded model encodes back
// to exactly the embedded stream (so Read loses nothing and the scoring
// layouts give back every row), and that a model read back from Write's
// format parses the same. Write itself compresses at the best level, which
// takes seconds on the full model; the round trip here compresses fast, and
// Write is exercised on small models by FuzzRead and TestTrainDeterministic.
func TestWriteReadRoundTrip(t *testing.T) {
	m := model(t)
	zr, err := gzip.NewReader(bytes.NewReader(defaultModel))
	if err != nil {
		t.Fatal(err)
	}
	want, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var raw bytes.Buffer
	bw := bufio.NewWriter(&raw)
	m.encode(bw)
	if err := bw.Flush(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(raw.Bytes(), want) {
		t.Fatalf("re-encoded model differs from the embedded stream (%d vs %d bytes)", raw.Len(), len(want))
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	zw.Write(raw.Bytes())
	zw.Close()
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	sents := ewtTest(t)[:300]
	if a, b := Evaluate(m, nil, sents), Evaluate(m2, nil, sents); a != b {
		t.Errorf("scores differ after round trip: %+v vs %+v", a, b)
	}
}

// cpuTime is the CPU time this process has used. On a shared machine it
// measures per-core throughput better than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
