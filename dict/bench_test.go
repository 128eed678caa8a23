package dict

import (
	"io/fs"
	"strings"
	"testing"
)

// Benchmarks read the real shipped dictionaries. The load goal is 300 ms
// of CPU for the default set on one core; on a shared machine wall time
// is noisy, so BenchmarkLoadDefault also reports CPU milliseconds per load
// (cpu-ms/op, process CPU time including the garbage collector):
//
//	go test ./dict -run '^$' -bench LoadDefault -cpu 1 -count 5

func BenchmarkLoadDefault(b *testing.B) {
	for _, syn := range []Syntax{SyntaxTABARI, SyntaxPETRARCH2} {
		b.Run(syn.String(), func(b *testing.B) {
			b.ReportAllocs()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				if _, err := LoadDefault(syn); err != nil {
					b.Fatal(err)
				}
			}
			if cpu := cpuTime() - start; cpu > 0 {
				b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
			}
		})
	}
}

func benchRead(b *testing.B, name string, read func(string)) {
	data, err := fs.ReadFile(DefaultFS(), name)
	if err != nil {
		b.Fatal(err)
	}
	s := string(data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		read(s)
	}
}

func BenchmarkReadVerbsTABARI(b *testing.B) {
	benchRead(b, DefaultVerbsTABARI, func(s string) { ReadVerbs(strings.NewReader(s), "v", Options{}) })
}

func BenchmarkReadVerbsPETRARCH2(b *testing.B) {
	benchRead(b, DefaultVerbsPETRARCH2, func(s string) { ReadVerbs(strings.NewReader(s), "v", Options{}) })
}

func BenchmarkReadActors(b *testing.B) {
	benchRead(b, "Phoenix.Countries.actors.txt", func(s string) { ReadActors(strings.NewReader(s), "a", Options{}) })
}

func BenchmarkReadAgents(b *testing.B) {
	benchRead(b, "Phoenix.agents.txt", func(s string) { ReadAgents(strings.NewReader(s), "g", Options{}) })
}

func BenchmarkReadIssues(b *testing.B) {
	benchRead(b, "Phoenix.IssueCoding.txt", func(s string) { ReadIssues(strings.NewReader(s), "i", Options{}) })
}

func BenchmarkCheckDefault(b *testing.B) {
	set, err := LoadDefault(SyntaxPETRARCH2)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(set)
	}
}
