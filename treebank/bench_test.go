package treebank

import (
	"os"
	"regexp"
	"testing"
)

// gigawordParses returns the <Parse> trees of the GigaWord sample.
func gigawordParses(tb testing.TB) []string {
	tb.Helper()
	data, err := os.ReadFile("../testdata/petrarch/GigaWord.sample.PETR.xml")
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`).FindAllSubmatch(data, -1) {
		out = append(out, string(m[1]))
	}
	if len(out) == 0 {
		tb.Fatal("no parses")
	}
	return out
}

// BenchmarkParseAndConvert reads each GigaWord parse and converts it to
// dependency tokens with the head rules, as coding from PETRARCH XML does.
func BenchmarkParseAndConvert(b *testing.B) {
	parses := gigawordParses(b)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		for _, p := range parses {
			root, err := Parse(p)
			if err != nil {
				b.Fatal(err)
			}
			ToTokens(root)
			n++
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
}
