package petrxml

import (
	"bytes"
	"os"
	"testing"
)

// BenchmarkReadGigaWord reads the GigaWord sample (76 records with Penn
// Treebank parses) and reports records per second.
func BenchmarkReadGigaWord(b *testing.B) {
	data, err := os.ReadFile("../testdata/petrarch/GigaWord.sample.PETR.xml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		f, err := Read(bytes.NewReader(data), "GigaWord.sample.PETR.xml")
		if err != nil {
			b.Fatal(err)
		}
		n += len(f.Items)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
}
