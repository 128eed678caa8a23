package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/store"
)

var (
	engOnce sync.Once
	eng     *engine.Engine
	engErr  error
)

// testEngine loads the embedded dictionaries, codebook and models once for
// all tests of the package.
func testEngine(tb testing.TB) *engine.Engine {
	tb.Helper()
	engOnce.Do(func() {
		eng, engErr = engine.New(engine.Config{})
		if engErr == nil {
			_, engErr = eng.Analyzer()
		}
	})
	if engErr != nil {
		tb.Fatal(engErr)
	}
	return eng
}

// seedArticle returns the demo article.
func seedArticle(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("../testdata/corpus/seed-article.txt")
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// response is what a test request got back.
type response struct {
	status int
	header http.Header
	body   []byte
}

// decode unmarshals the body into v, failing the test on malformed JSON.
func (r response) decode(tb testing.TB, v any) {
	tb.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		tb.Fatalf("response %d is not JSON: %v\n%s", r.status, err, r.body)
	}
}

// apiError decodes an error response, failing unless it has the error shape
// and the Content-Type of JSON.
func (r response) apiError(tb testing.TB) errorDetail {
	tb.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		tb.Errorf("error Content-Type %q, want application/json", ct)
	}
	var e struct {
		Error *errorDetail `json:"error"`
	}
	r.decode(tb, &e)
	if e.Error == nil || e.Error.Code == "" || e.Error.Message == "" {
		tb.Fatalf("not an error body: %s", r.body)
	}
	return *e.Error
}

// call sends one request to srv. Headers are "Name: value" strings.
func call(tb testing.TB, srv *httptest.Server, method, path string, body io.Reader, headers ...string) response {
	tb.Helper()
	req, err := http.NewRequest(method, srv.URL+path, body)
	if err != nil {
		tb.Fatal(err)
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ":")
		req.Header.Set(k, strings.TrimSpace(v))
	}
	res, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		tb.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return response{res.StatusCode, res.Header, b}
}

// get sends a GET.
func get(tb testing.TB, srv *httptest.Server, path string, headers ...string) response {
	tb.Helper()
	return call(tb, srv, "GET", path, nil, headers...)
}

// post sends a POST with a body of the given Content-Type.
func post(tb testing.TB, srv *httptest.Server, path, ctype, body string, headers ...string) response {
	tb.Helper()
	return call(tb, srv, "POST", path, strings.NewReader(body), append([]string{"Content-Type: " + ctype}, headers...)...)
}

// jsonBody marshals v.
func jsonBody(tb testing.TB, v any) string {
	tb.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// newServer starts a test server over cfg; the store and engine are the
// test's choice.
func newServer(tb testing.TB, cfg Config) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(New(cfg))
	tb.Cleanup(srv.Close)
	return srv
}

// mkEvent builds an event the way the coder fills one, from a sentence
// and the words of its source, verb and target (found in the sentence).
func mkEvent(doc, sentence string, date, src, srcText, verb, tgt, tgtText, code string, gold float64, quad int, plover string, loc *annalist.Place) annalist.Event {
	span := func(w string) annalist.Span {
		i := strings.Index(sentence, w)
		if i < 0 {
			panic(w + " not in " + sentence)
		}
		return annalist.Span{Start: i, End: i + len(w)}
	}
	if loc != nil {
		l := *loc
		l.Span = span(l.Text)
		loc = &l
	}
	return annalist.Event{
		DocID: doc, SentenceIndex: 0, SentenceText: sentence, Date: date, DatePrecision: "day",
		Source:   annalist.Actor{Code: src, Text: srcText, Span: span(srcText)},
		Target:   annalist.Actor{Code: tgt, Text: tgtText, Span: span(tgtText)},
		Event:    annalist.EventType{Code: code, Root: code[:2], Name: "name " + code, Goldstein: gold, QuadClass: quad, PLOVER: plover},
		Evidence: annalist.Evidence{Verb: verb, VerbSpan: span(verb), Pattern: annalist.Provenance{Dict: "CAMEO.verbpatterns.150430.txt", Line: 42, Entry: "- * " + strings.ToUpper(verb) + " [" + code + "]", Span: span(verb)}},
		Location: loc, Mentions: []int{0}, MentionCount: 1,
	}
}

// kabul and paris are two places of the fixture.
var (
	kabul = &annalist.Place{Name: "Kabul", Text: "Kabul", SentenceIndex: 0, Lat: 34.52813, Lon: 69.17233, Country: "AFG", CountryName: "Afghanistan", Kind: "capital", From: "sentence"}
	paris = &annalist.Place{Name: "Paris", Text: "Paris", SentenceIndex: 0, Lat: 48.85341, Lon: 2.3488, Country: "FRA", CountryName: "France", Kind: "capital", From: "sentence"}
)

// fixture is a small corpus of stored documents with hand-made events: 3
// documents, 7 events over Dec 2019 – Feb 2020.
func fixture() []*store.Coded {
	d := func(id, date, title, text string, evs ...annalist.Event) *store.Coded {
		doc := annalist.Document{ID: id, Title: title, Text: text,
			Sentences: []annalist.Sentence{{Index: 0, Text: text, Span: annalist.Span{Start: 0, End: len(text)}}}}
		if date != "" {
			doc.Date = mustDate(date)
		}
		return &store.Coded{Document: doc, Events: evs, Hash: "h-" + id}
	}
	const (
		s1 = "China's army met Afghanistan's military and the Afghan government in Kabul."
		s2 = "Taliban fighters attacked the army near Kabul, and the army fought the Taliban."
		s3 = "France accused Russia in Paris."
	)
	return []*store.Coded{
		d("d1", "2019-12-18", "China and Afghanistan", s1,
			mkEvent("d1", s1, "2019-12-18", "CHNMIL", "China's army", "met", "AFGMIL", "Afghanistan's military", "036", 4, 1, "AGREE", kabul),
			mkEvent("d1", s1, "2019-12-18", "CHNGOV", "China", "met", "AFGGOV", "the Afghan government", "042", 1.9, 1, "CONSULT", kabul),
			mkEvent("d1", s1, "2019-12-19", "AFGGOV", "the Afghan government", "met", "CHNGOV", "China", "061", 6.4, 2, "COOPERATE", nil)),
		d("d2", "2020-01-07", "Fighting in Afghanistan", s2,
			mkEvent("d2", s2, "2020-01-07", "AFGREB", "Taliban fighters", "attacked", "AFGMIL", "the army", "190", -10, 4, "ASSAULT", kabul),
			mkEvent("d2", s2, "2020-01-08", "AFGMIL", "the army", "fought", "AFGREB", "the Taliban", "190", -10, 4, "ASSAULT", kabul)),
		d("d3/x", "2020-02-03", "France accuses Russia", s3,
			mkEvent("d3/x", s3, "2020-02-03", "FRAGOV", "France", "accused", "RUSGOV", "Russia", "112", -2, 3, "ACCUSE", paris),
			mkEvent("d3/x", s3, "2020-02-03", "RUSGOV", "Russia", "accused", "FRAGOV", "France", "010", 0, 0, "", nil)),
	}
}

// fill stores the fixture.
func fill(tb testing.TB, st store.Store) {
	tb.Helper()
	for _, c := range fixture() {
		if err := st.Put(tb.Context(), c); err != nil {
			tb.Fatal(err)
		}
	}
}

// mustDate parses YYYY-MM-DD.
func mustDate(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// httptestServer shortens test signatures.
type httptestServer = httptest.Server
