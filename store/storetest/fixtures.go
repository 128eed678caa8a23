package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/text"
)

// CorpusArticles is how many Wikinews articles Coded codes: enough for a few
// hundred sentences and dozens of events, quick enough for every test run.
const CorpusArticles = 12

// Corpus returns the path of the Wikinews JSON Lines corpus in the
// repository's testdata, found by walking up from the working directory to
// go.mod.
func Corpus(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "corpus", "wikinews-2019-2020.jsonl")
		}
		up := filepath.Dir(dir)
		if up == dir {
			tb.Fatal("storetest: go.mod not found above the working directory")
		}
		dir = up
	}
}

// Coded codes the first n articles of the Wikinews corpus with the default
// engine, as annalist ingest does, and returns them ready for Put. An
// article whose coding fails (an error or a panic in the coder) is logged
// and left out, so a coder bug shows in the log but does not make the store
// tests fail; n counts the articles returned.
func Coded(tb testing.TB, n int) []*store.Coded {
	tb.Helper()
	eng, err := engine.New(engine.Config{})
	if err != nil {
		tb.Fatal(err)
	}
	f, err := os.Open(Corpus(tb))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := text.NewJSONLReader(f, "wikinews")
	var out []*store.Coded
	for len(out) < n {
		doc, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		c, err := codeOne(eng, doc)
		if err != nil {
			tb.Logf("storetest: article %s left out: %v", doc.ID, err)
			continue
		}
		out = append(out, c)
	}
	if len(out) < n {
		tb.Fatalf("storetest: only %d of %d articles coded", len(out), n)
	}
	return out
}

func codeOne(eng *engine.Engine, doc *annalist.Document) (c *store.Coded, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("coder panic: %v", p)
		}
	}()
	h := sha256.Sum256([]byte(doc.ID + "\x00" + doc.Title + "\x00" + doc.Text))
	res, err := eng.CodeDocument(doc)
	if err != nil {
		return nil, err
	}
	return &store.Coded{Document: *doc, Events: res.Events, Quotes: res.Quotes, Suggestions: res.Suggestions, Hash: hex.EncodeToString(h[:])}, nil
}

// hev builds a hand-made event.
func hev(doc string, sent int, date, src, tgt, code string, quad int, plover string, gold float64, loc string) annalist.Event {
	ev := annalist.Event{
		DocID: doc, SentenceIndex: sent, SentenceText: fmt.Sprintf("Sentence %d of %s.", sent, doc), Date: date,
		Source: annalist.Actor{Code: src, Text: "src " + src, Span: annalist.Span{Start: 0, End: 3}},
		Target: annalist.Actor{Code: tgt, Text: "tgt " + tgt, Span: annalist.Span{Start: 5, End: 9}},
		Event:  annalist.EventType{Code: code, Root: code[:2], Name: "name " + code, Goldstein: gold, QuadClass: quad, PLOVER: plover},
		Evidence: annalist.Evidence{Verb: "met", VerbSpan: annalist.Span{Start: 4, End: 7},
			Pattern: annalist.Provenance{Dict: "CAMEO.verbpatterns.150430.txt", Line: 100 + sent, Entry: "- * MET", Span: annalist.Span{Start: 4, End: 7}}},
		Mentions: []int{sent}, MentionCount: 1,
	}
	if date != "" {
		ev.DatePrecision = "day"
		if len(date) == 7 {
			ev.DatePrecision = "month"
		}
	}
	if loc != "" {
		ev.Location = &annalist.Place{Name: "Place in " + loc, Text: "place", SentenceIndex: sent, Span: annalist.Span{Start: 10, End: 15},
			Lat: 1.5, Lon: -2.25, Country: loc, Kind: "city", From: "sentence"}
	}
	return ev
}

func hdoc(id, date, title, body string, nsent int, evs ...annalist.Event) *store.Coded {
	d, _ := time.Parse("2006-01-02", date)
	c := &store.Coded{Document: annalist.Document{ID: id, Title: title, Date: d, Text: body, Source: "Hand", URL: "https://example.org/" + id}, Events: evs, Hash: "hash-" + id}
	for i := 0; i < nsent; i++ {
		c.Document.Sentences = append(c.Document.Sentences, annalist.Sentence{Index: i, Span: annalist.Span{Start: 0, End: len(body)}, Text: body})
	}
	return c
}

// Handmade returns three small documents whose ten events pin every filter,
// the order and the aggregates by hand. In store order their ids are:
//
//	h2#2 (no date), h1#2 (2020-01, a month), h0#3 h0#0 h0#2 h1#0 h1#1 (2020-01-06),
//	h2#0 (2020-01-12), h2#1 (2020-01-13), h0#1 (2020-02-01).
func Handmade() []*store.Coded {
	h0 := hdoc("h0", "2020-01-06", "Delhi visit", "India and China spoke; a second meeting followed in Delhi.", 4,
		hev("h0", 3, "2020-01-06", "IND", "CHN", "036", 1, "CONSULT", 4, ""),
		hev("h0", 0, "2020-02-01", "USA", "IND", "0311", 1, "COOPERATE", 5.2, "USA"),
		hev("h0", 3, "2020-01-06", "IND", "CHNGOV", "036", 1, "CONSULT", 4, ""),
		hev("h0", 1, "2020-01-06", "INDGOV", "PAK", "112", 3, "ACCUSE", -2, "IND"),
	)
	h1 := hdoc("h1", "2020-01-06", "Border talks", "China and India held talks on the border. Troops clashed at dawn.", 2,
		hev("h1", 0, "2020-01-06", "CHN", "IND", "036", 1, "CONSULT", 4, "IND"),
		hev("h1", 1, "2020-01-06", "CHNMIL", "INDMIL", "190", 4, "ASSAULT", -10, "CHN"),
		hev("h1", 1, "2020-01", "CH", "USA", "042", 1, "CONSULT", 1.9, ""),
	)
	h2 := hdoc("h2", "2020-01-12", "Protest in Paris", "Protesters marched in Paris against the government; police fired tear gas.", 3,
		hev("h2", 0, "2020-01-12", "FRAOPP", "FRAGOV", "141", 3, "PROTEST", -6.5, "FRA"),
		hev("h2", 2, "2020-01-13", "CHO", "---", "1823", 4, "ASSAULT", -9, ""),
		hev("h2", 2, "", "USA", "CHN", "0311", 1, "COOPERATE", 5.2, ""),
	)
	h2.Document.Sentences[1].Kind = annalist.KindCaption
	h2.Quotes = []annalist.Quote{{DocID: "h2", SentenceIndex: 1, Text: "we will march", Span: annalist.Span{Start: 3, End: 16},
		Speaker: &annalist.Actor{Code: "FRAOPP", Text: "protesters", Span: annalist.Span{Start: 20, End: 30}}, Outlet: "AFP"}}
	h2.Suggestions = []annalist.Suggestion{{Name: "Jean Dupont", Code: "FRAOPP", Description: "French protest leader", Date: "2020-01-12", DocID: "h2", SentenceIndex: 0, Sentence: "Jean Dupont, a French protest leader, spoke."}}
	return []*store.Coded{h0, h1, h2}
}

// Big returns a document with n events on n/7+1 days, more than one
// EachEvent batch when n is large, for paging and streaming tests.
func Big(n int) *store.Coded {
	var evs []annalist.Event
	for i := 0; i < n; i++ {
		day := time.Date(2021, 3, 1+i%28, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		evs = append(evs, hev("big", i%5, day, "RUS", "UKR", "190", 4, "ASSAULT", -10, "UKR"))
	}
	return hdoc("big", "2021-03-01", "Big", "A long war report.", 5, evs...)
}
