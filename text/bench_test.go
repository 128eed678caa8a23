package text

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// BenchmarkJSONL reads the 294 Wikinews articles from JSON Lines.
func BenchmarkJSONL(b *testing.B) {
	data, err := os.ReadFile("../testdata/corpus/wikinews-2019-2020.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := NewJSONLReader(bytes.NewReader(data), "wikinews.jsonl")
		for {
			if _, err := r.Next(); err == io.EOF {
				break
			} else if err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReadHTML extracts the article from the saved news page in
// testdata (navigation, scripts and boilerplate dropped).
func BenchmarkReadHTML(b *testing.B) {
	data, err := os.ReadFile("testdata/article.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadHTML(bytes.NewReader(data), "article", 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadPlain reads the demo article as plain text.
func BenchmarkReadPlain(b *testing.B) {
	data, err := os.ReadFile("../testdata/corpus/seed-article.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := ReadPlain(bytes.NewReader(data), "seed", 0); err != nil {
			b.Fatal(err)
		}
	}
}
