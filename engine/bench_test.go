package engine

import (
	"io"
	"os"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/text"
)

// wikinewsDocs reads the 294 Wikinews articles shipped in testdata.
func wikinewsDocs(tb testing.TB) []annalist.Document {
	tb.Helper()
	f, err := os.Open("../testdata/corpus/wikinews-2019-2020.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := text.NewJSONLReader(f, f.Name())
	var docs []annalist.Document
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		docs = append(docs, *d)
	}
	if len(docs) == 0 {
		tb.Fatal("no articles")
	}
	return docs
}

// BenchmarkCodeDocumentWikinews codes the Wikinews articles from raw text
// on one goroutine: splitting, tokenization, tagging, parsing and
// document-level coding, the whole per-article path. It reports sentences
// and articles per second.
func BenchmarkCodeDocumentWikinews(b *testing.B) {
	eng := defaultEngine(b)
	if _, err := eng.Analyzer(); err != nil {
		b.Fatal(err)
	}
	docs := wikinewsDocs(b)
	b.ResetTimer()
	sents, n := 0, 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			doc := d
			res, err := eng.CodeDocument(&doc)
			if err != nil {
				b.Fatal(err)
			}
			sents += res.Sentences
			n++
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkCodeDocumentAnalysed codes the same articles with their
// language analysis done beforehand: document-level coding alone.
func BenchmarkCodeDocumentAnalysed(b *testing.B) {
	eng := defaultEngine(b)
	an, err := eng.Analyzer()
	if err != nil {
		b.Fatal(err)
	}
	docs := wikinewsDocs(b)
	for i := range docs {
		docs[i].Sentences = an.Analyze(docs[i].Text)
	}
	b.ResetTimer()
	sents := 0
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			doc := d
			res, err := eng.CodeDocument(&doc)
			if err != nil {
				b.Fatal(err)
			}
			sents += res.Sentences
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
}
