package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/storetest"
)

// copies returns n documents: the coded Wikinews articles repeated under
// new ids ("id/k") with dates shifted by k days, so events spread over time.
func copies(base []*store.Coded, n int) []*store.Coded {
	out := make([]*store.Coded, 0, n)
	for k := 0; len(out) < n; k++ {
		for _, c := range base {
			if len(out) == n {
				break
			}
			d := *c
			d.Document.ID = fmt.Sprintf("%s/%d", c.Document.ID, k)
			d.Document.Date = c.Document.Date.AddDate(0, 0, k)
			d.Events = append(d.Events[:0:0], c.Events...)
			for i := range d.Events {
				d.Events[i].DocID = d.Document.ID
				if t := c.Document.Date; !t.IsZero() && d.Events[i].Date != "" {
					d.Events[i].Date = t.AddDate(0, 0, k).Format("2006-01-02")
				}
			}
			d.Quotes = append(d.Quotes[:0:0], c.Quotes...)
			for i := range d.Quotes {
				d.Quotes[i].DocID = d.Document.ID
			}
			d.Suggestions = append(d.Suggestions[:0:0], c.Suggestions...)
			for i := range d.Suggestions {
				d.Suggestions[i].DocID = d.Document.ID
			}
			out = append(out, &d)
		}
	}
	return out
}

// BenchmarkPut stores coded Wikinews articles (sentences, events, quotes,
// suggestions, full-text index), one transaction each: "new" into a growing
// database, "replace" over documents already stored.
func BenchmarkPut(b *testing.B) {
	base := storetest.Coded(b, storetest.CorpusArticles)
	ctx := context.Background()
	for _, mode := range []string{"new", "replace"} {
		b.Run(mode, func(b *testing.B) {
			st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			docs := copies(base, 1000)
			if mode == "replace" {
				for _, c := range docs {
					st.Put(ctx, c)
				}
			}
			var bytes int64
			for _, c := range docs {
				bytes += int64(len(c.Document.Text))
			}
			b.SetBytes(bytes / int64(len(docs)))
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				c := docs[i%len(docs)]
				if mode == "new" && i >= len(docs) {
					d := *c
					d.Document.ID = fmt.Sprintf("%s+%d", c.Document.ID, i)
					d.Events = append(d.Events[:0:0], c.Events...)
					for j := range d.Events {
						d.Events[j].DocID = ""
					}
					d.Quotes = append(d.Quotes[:0:0], c.Quotes...)
					for j := range d.Quotes {
						d.Quotes[j].DocID = ""
					}
					d.Suggestions = append(d.Suggestions[:0:0], c.Suggestions...)
					for j := range d.Suggestions {
						d.Suggestions[j].DocID = ""
					}
					c = &d
				}
				if err := st.Put(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvents reads pages of 100 events from a database of 3,000
// coded articles, with common filters, and the dyad and timeline
// aggregates the explore view asks for.
func BenchmarkEvents(b *testing.B) {
	base := storetest.Coded(b, storetest.CorpusArticles)
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	for _, c := range copies(base, 3000) {
		if err := st.Put(ctx, c); err != nil {
			b.Fatal(err)
		}
	}
	docs, events, _ := st.Stats(ctx)
	b.Logf("%d documents, %d events", docs, events)
	_, deep, _ := st.Events(ctx, store.Filter{Limit: events / 2})
	withEvents := base[0].Document.ID
	for _, c := range base {
		if len(c.Events) > len(base[0].Events) {
			withEvents = c.Document.ID
		}
	}
	for _, bc := range []struct {
		name string
		f    store.Filter
	}{
		{"all", store.Filter{}},
		{"deep-page", store.Filter{Cursor: deep}},
		{"actor", store.Filter{Actor: "USA"}},
		{"root+dates", store.Filter{Root: "04", From: "2019-03-01", To: "2019-09-30"}},
		{"quad", store.Filter{Quad: 4, HasQuad: true}},
		{"fulltext", store.Filter{Q: "police"}},
		{"doc", store.Filter{DocID: withEvents + "/7"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			n := 0
			for i := 0; i < b.N; i++ {
				evs, _, err := st.Events(ctx, bc.f)
				if err != nil {
					b.Fatal(err)
				}
				n += len(evs)
			}
			b.ReportMetric(float64(n)/float64(b.N), "events/op")
		})
	}
	for _, bc := range []struct {
		name string
		run  func() error
	}{
		{"dyads", func() error { _, err := st.Dyads(ctx, store.Filter{}, 60); return err }},
		{"dyads-actor", func() error { _, err := st.Dyads(ctx, store.Filter{Actor: "USA"}, 60); return err }},
		{"dyads-dates", func() error {
			_, err := st.Dyads(ctx, store.Filter{From: "2019-03-01", To: "2019-09-30"}, 60)
			return err
		}},
		{"timeline-month-quad", func() error { _, err := st.Timeline(ctx, store.Filter{}, "month", "quad"); return err }},
		{"timeline-day-root-actor", func() error {
			_, err := st.Timeline(ctx, store.Filter{Actor: "USA"}, "day", "root")
			return err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if err := bc.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("each-all", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			n := 0
			if err := st.EachEvent(ctx, store.Filter{}, func(*store.StoredEvent) error { n++; return nil }); err != nil {
				b.Fatal(err)
			}
			if n != events {
				b.Fatalf("EachEvent: %d of %d", n, events)
			}
		}
		b.ReportMetric(float64(events), "events/op")
	})
}
