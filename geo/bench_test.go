package geo

import (
	"os"
	"testing"

	"github.com/annalist/annalist/tokenize"
)

// BenchmarkDefault measures building the gazetteer from the embedded data
// (gunzip, parse, index), the cost Default pays once per process.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// sentences tokenizes testdata/wikinews6.txt (real news) into word lists.
func sentences(tb testing.TB) [][]string {
	tb.Helper()
	b, err := os.ReadFile("testdata/wikinews6.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]string
	for _, s := range tokenize.Split(string(b)) {
		words := make([]string, len(s.Tokens))
		for i, t := range s.Tokens {
			words[i] = t.Text
		}
		out = append(out, words)
	}
	return out
}

// BenchmarkLookup looks up every capitalised token of real news text (the
// candidates a coder would try: place names, people, organisations, sentence
// openers), with a context country, and reports the cost per name.
func BenchmarkLookup(b *testing.B) {
	g := load(b)
	var names []string
	for _, s := range sentences(b) {
		for _, w := range s {
			if w != "" && w[0] >= 'A' && w[0] <= 'Z' {
				names = append(names, w)
			}
		}
	}
	ctx := Context{Countries: []string{"US", "RU"}}
	b.ReportAllocs()
	b.ResetTimer()
	found := 0
	for b.Loop() {
		for _, n := range names {
			if _, ok := g.Lookup(n, ctx); ok {
				found++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(names)), "ns/name")
}

// BenchmarkMatch scans every sentence of real news text for place names and
// reports the cost per token.
func BenchmarkMatch(b *testing.B) {
	g := load(b)
	sents := sentences(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			g.Match(s, Context{})
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}
