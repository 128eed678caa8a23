package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/storetest"
)

// Benchmarks run on real text: the demo article for coding, and the first
// 100 Wikinews articles (coded once per run) in SQLite for the queries:
//
//	go test ./server -run '^$' -bench . -benchtime 3s

var (
	benchOnce sync.Once
	benchDocs []*store.Coded
)

func benchCorpus(b *testing.B) []*store.Coded {
	benchOnce.Do(func() { benchDocs = storetest.Coded(b, 100) })
	return benchDocs
}

// benchServer is a handler over an SQLite store holding the coded corpus.
func benchServer(b *testing.B) http.Handler {
	st := openSQLite(b)
	for _, c := range benchCorpus(b) {
		if err := st.Put(context.Background(), c); err != nil {
			b.Fatal(err)
		}
	}
	return New(Config{Store: st, Engine: testEngine(b)})
}

func BenchmarkCode(b *testing.B) {
	h := New(Config{Engine: testEngine(b)})
	body := jsonBody(b, map[string]string{"text": seedArticle(b), "date": "2019-12-19"})
	b.SetBytes(int64(len(seedArticle(b))))
	b.ResetTimer()
	for b.Loop() {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/v1/code", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
	}
}

func BenchmarkQueries(b *testing.B) {
	h := benchServer(b)
	for _, q := range []string{
		"/v1/events?limit=50",
		"/v1/events?limit=50&actor=USA",
		"/v1/events?limit=50&quad=4&from=2019-06-01",
		"/v1/events?limit=50&q=election",
		"/v1/stats/timeline?interval=week",
		"/v1/stats/timeline?interval=month&group=root&country=USA",
		"/v1/stats/dyads?limit=60",
		"/v1/stats/places?limit=300",
		"/v1/documents/" + benchCorpus(b)[0].Document.ID,
	} {
		b.Run(strings.NewReplacer("/v1/", "", "/", "_", "?", "?").Replace(q), func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", q, nil))
				if rec.Code != 200 {
					b.Fatalf("%s: %d %s", q, rec.Code, rec.Body)
				}
			}
		})
	}
}

func BenchmarkExport(b *testing.B) {
	h := benchServer(b)
	var n int
	for _, c := range benchCorpus(b) {
		n += len(c.Events)
	}
	for _, f := range []string{"jsonl", "tsv"} {
		b.Run(f, func(b *testing.B) {
			for b.Loop() {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest("GET", "/v1/export?format="+f, nil))
				if rec.Code != 200 {
					b.Fatalf("%d", rec.Code)
				}
			}
			b.ReportMetric(float64(n), "events/op")
		})
	}
}
