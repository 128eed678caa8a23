package pipeline

import (
	"context"
	"runtime"
	"testing"
	"time"

	"github.com/annalist/annalist/engine"
)

// BenchmarkRunWikinews streams the 294 Wikinews articles from their JSON
// Lines file through Run on every core (GOMAXPROCS workers, in input
// order), the path of "annalist code" and "annalist ingest". Compare
// -cpu 1,2 for scaling.
func BenchmarkRunWikinews(b *testing.B) {
	eng, err := engine.New(engine.Config{})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := eng.Analyzer(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	sents, docs := 0, 0
	for i := 0; i < b.N; i++ {
		in, err := NewInputs([]string{"../testdata/corpus/wikinews-2019-2020.jsonl"}, "jsonl", time.Time{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		err = Run(context.Background(), eng, in, Options{Workers: runtime.GOMAXPROCS(0)}, func(it Item) error {
			if it.Err != nil {
				return it.Err
			}
			sents += it.Res.Sentences
			docs++
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(docs)/b.Elapsed().Seconds(), "docs/s")
}
