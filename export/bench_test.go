package export

import (
	"io"
	"testing"
)

// BenchmarkWrite writes the test events in every format and reports
// events per second per format.
func BenchmarkWrite(b *testing.B) {
	evs, _ := testEvents()
	for _, f := range Formats() {
		b.Run(f, func(b *testing.B) {
			w, err := NewWriterOptions(f, io.Discard, testOptions())
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for j := range evs {
					if err := w.Write(&evs[j]); err != nil {
						b.Fatal(err)
					}
				}
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N*len(evs))/b.Elapsed().Seconds(), "events/s")
		})
	}
}
