package when

import (
	"regexp"
	"testing"
	"time"
)

// benchSentences returns the sentences of the Wikinews corpus with their
// publication dates, split in those with at least one expression and those
// with none.
func benchSentences(b *testing.B) (with, without []string, withPub, withoutPub []time.Time) {
	b.Helper()
	docs, pubs := readCorpus(b)
	for k, ss := range corpusSentences(b, docs) {
		for _, s := range ss {
			if len(Find(s, pubs[k], Options{})) > 0 {
				with, withPub = append(with, s), append(withPub, pubs[k])
			} else {
				without, withoutPub = append(without, s), append(withoutPub, pubs[k])
			}
		}
	}
	return
}

// BenchmarkFind runs Find on every sentence of the Wikinews corpus (294
// articles) and reports the mean cost per sentence for all sentences, for
// those without any expression (the common case, which must stay cheap)
// and for those with one or more. Run it on one core:
//
//	go test ./when -run X -bench Find -cpu 1
func BenchmarkFind(b *testing.B) {
	with, without, withPub, withoutPub := benchSentences(b)
	all := append(append([]string(nil), without...), with...)
	allPub := append(append([]time.Time(nil), withoutPub...), withPub...)
	for _, c := range []struct {
		name  string
		sents []string
		pubs  []time.Time
	}{
		{"all", all, allPub},
		{"nodate", without, withoutPub},
		{"dated", with, withPub},
	} {
		b.Run(c.name, func(b *testing.B) {
			size := 0
			for _, s := range c.sents {
				size += len(s)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cpuSeconds()
			for i := 0; i < b.N; i++ {
				for k, s := range c.sents {
					Find(s, c.pubs[k], Options{})
				}
			}
			cpu = cpuSeconds() - cpu
			n := float64(b.N * len(c.sents))
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/sentence")
			if cpu > 0 {
				// CPU time is less at the mercy of other work on a shared machine
				b.ReportMetric(cpu*1e9/n, "cpu-ns/sentence")
			}
			b.ReportMetric(float64(len(c.sents)), "sentences")
		})
	}
}

// BenchmarkRegexpBaseline measures what a single regular expression that
// only detects candidate words (month and weekday names, day words, numbers)
// costs on the sentences without dates, for comparison with BenchmarkFind's
// nodate case: the reason the package lexes by hand instead.
func BenchmarkRegexpBaseline(b *testing.B) {
	_, without, _, _ := benchSentences(b)
	re := regexp.MustCompile(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|overnight|week|month|year|weekend|day|\d+)\b`)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, s := range without {
			re.MatchString(s)
		}
	}
	cpu = cpuSeconds() - cpu
	n := float64(b.N * len(without))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n, "ns/sentence")
	if cpu > 0 {
		b.ReportMetric(cpu*1e9/n, "cpu-ns/sentence")
	}
}
