package engine

import (
	"os"
	"runtime"
	"sort"
	"syscall"
	"testing"
	"time"

	"github.com/annalist/annalist"
)

// cpuNow returns the process's user+system CPU time.
func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(xs []float64) float64 {
	sort.Float64s(xs)
	return xs[len(xs)/2]
}

// TestMeasure prints the figures docs/performance.md quotes, measured as
// CPU time so that they hold on a busy machine. Run with
// ANNALIST_MEASURE=1 GOMAXPROCS=1 go test ./engine -run TestMeasure -v
func TestMeasure(t *testing.T) {
	if os.Getenv("ANNALIST_MEASURE") == "" {
		t.Skip("set ANNALIST_MEASURE=1")
	}
	runtime.GC()
	var loadWall, loadCPU []float64
	var eng *Engine
	for i := 0; i < 5; i++ {
		w0, c0 := time.Now(), cpuNow()
		e, err := New(Config{})
		if err != nil {
			t.Fatal(err)
		}
		loadWall = append(loadWall, float64(time.Since(w0).Milliseconds()))
		loadCPU = append(loadCPU, float64((cpuNow() - c0).Milliseconds()))
		eng = e
		runtime.GC()
	}
	t.Logf("load (dictionaries, codebook, gazetteer, index): median %.0f ms wall, %.0f ms CPU", median(loadWall), median(loadCPU))
	recs := gigaword(t)
	var rates, ratesPre []float64
	for round := 0; round < 5; round++ {
		c0 := cpuNow()
		n := 0
		for rep := 0; rep < 40; rep++ {
			for _, r := range recs {
				s, _ := ParsedSentence(0, r.rec.Text, r.rec.Parse)
				doc := r.doc
				doc.Sentences = []annalist.Sentence{s}
				eng.CodeSentences(&doc)
				n++
			}
		}
		rates = append(rates, float64(n)/(cpuNow()-c0).Seconds())
		c0 = cpuNow()
		n = 0
		for rep := 0; rep < 40; rep++ {
			for _, r := range recs {
				doc := r.doc
				doc.Sentences = []annalist.Sentence{r.sent}
				eng.CodeSentences(&doc)
				n++
			}
		}
		ratesPre = append(ratesPre, float64(n)/(cpuNow()-c0).Seconds())
	}
	t.Logf("GigaWord from parses: median %.0f sentences per CPU-second (coder alone %.0f)", median(rates), median(ratesPre))
}
