package tokenize

import (
	"os"
	"testing"
)

// BenchmarkSplit splits the Wikinews corpus (294 articles, 1.3 MB of text)
// and reports bytes/s (MB/s), tokens/s and sentences/s of wall time, and
// tokens per CPU second. Run it on one core: go test ./tokenize -run X -bench Split -cpu 1
func BenchmarkSplit(b *testing.B) {
	benchCorpus(b, readJSONL(b, "../testdata/corpus/wikinews-2019-2020.jsonl", 0))
}

// BenchmarkSplitReuters does the same on 3,000 Reuters-21578 stories when the
// shared data is present (it is research-use only and never copied here).
func BenchmarkSplitReuters(b *testing.B) {
	const path = "../../shared/corpus/reuters21578.jsonl"
	if _, err := os.Stat(path); err != nil {
		b.Skip("Reuters-21578 not found at " + path)
	}
	benchCorpus(b, readJSONL(b, path, 3000))
}

// BenchmarkTokens tokenizes the Wikinews corpus without sentence splitting.
func BenchmarkTokens(b *testing.B) {
	docs := readJSONL(b, "../testdata/corpus/wikinews-2019-2020.jsonl", 0)
	size, toks := 0, 0
	for _, d := range docs {
		size += len(d.Text)
		toks += len(Tokens(d.Text))
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Tokens(d.Text)
		}
	}
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func benchCorpus(b *testing.B, docs []article) {
	size, toks, sents := 0, 0, 0
	for _, d := range docs {
		size += len(d.Text)
		for _, s := range Split(d.Text) {
			sents++
			toks += len(s.Tokens)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Split(d.Text)
		}
	}
	cpu = cpuSeconds() - cpu
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(toks)*float64(b.N)/sec, "tokens/s")
	b.ReportMetric(float64(sents)*float64(b.N)/sec, "sentences/s")
	if cpu > 0 {
		// CPU time includes the garbage collector's, wherever it ran
		b.ReportMetric(float64(toks)*float64(b.N)/cpu, "tokens/cpu-s")
	}
}
