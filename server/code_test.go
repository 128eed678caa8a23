package server

import (
	"bytes"
	"encoding/json"
	"flag"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// checkView checks the invariants the UI relies on: sentence spans index
// the document text, actor, verb, pattern and place spans index their
// sentence's text, and the actor list holds every event's source and target.
func checkView(t *testing.T, v *docView) {
	t.Helper()
	text := v.Document.Text
	sents := map[int]string{}
	for _, s := range v.Sentences {
		sents[s.Index] = s.Text
		if s.Span.Start < 0 || s.Span.End > len(text) || text[s.Span.Start:s.Span.End] != s.Text {
			t.Errorf("sentence %d: span %v does not give its text", s.Index, s.Span)
		}
		for _, tok := range s.Tokens {
			if !tok.Span.Empty() && text[tok.Span.Start:tok.Span.End] != tok.Text {
				t.Errorf("sentence %d: token %q: span %v gives %q", s.Index, tok.Text, tok.Span, text[tok.Span.Start:tok.Span.End])
			}
		}
	}
	in := func(sent int, sp annalist.Span, want, what string) {
		s, ok := sents[sent]
		if !ok {
			t.Errorf("%s %q: no sentence %d", what, want, sent)
			return
		}
		if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
			t.Errorf("%s %q: span %v outside sentence %d", what, want, sp, sent)
			return
		}
		if want != "" && s[sp.Start:sp.End] != want {
			t.Errorf("%s: span %v gives %q, want %q", what, sp, s[sp.Start:sp.End], want)
		}
	}
	type mention struct {
		sent       int
		start, end int
		code, role string
	}
	seen := map[mention]bool{}
	for _, a := range v.Actors {
		in(a.SentenceIndex, a.Span, a.Text, "actor")
		for _, i := range a.Events {
			if i < 0 || i >= len(v.Events) {
				t.Errorf("actor %q: event index %d out of range", a.Text, i)
			}
		}
		for _, r := range a.Roles {
			seen[mention{a.SentenceIndex, a.Span.Start, a.Span.End, a.Code, r}] = true
		}
	}
	for i, ev := range v.Events {
		if sents[ev.SentenceIndex] != ev.SentenceText {
			t.Errorf("event %d: sentence_text is not sentence %d", i, ev.SentenceIndex)
		}
		in(ev.SentenceIndex, ev.Source.Span, ev.Source.Text, "source")
		in(ev.SentenceIndex, ev.Target.Span, ev.Target.Text, "target")
		in(ev.SentenceIndex, ev.Evidence.VerbSpan, "", "verb")
		in(ev.SentenceIndex, ev.Evidence.Pattern.Span, "", "pattern")
		if l := ev.Location; l != nil && l.SentenceIndex >= 0 {
			in(l.SentenceIndex, l.Span, l.Text, "place")
		}
		for _, m := range []mention{
			{ev.SentenceIndex, ev.Source.Span.Start, ev.Source.Span.End, ev.Source.Code, "source"},
			{ev.SentenceIndex, ev.Target.Span.Start, ev.Target.Span.End, ev.Target.Code, "target"},
		} {
			if !seen[m] {
				t.Errorf("event %d: %s %+v missing from actors", i, m.role, m)
			}
		}
	}
}

// TestCodeSeedArticle codes the demo article and checks facts about it that
// are right, not whatever the coder happens to produce: China's army
// (sentence 2) expresses cooperation, reported on Wednesday 18 December
// 2019 for an article of Thursday the 19th; Xu is quoted by the Chinese
// Defense Ministry; the caption and credit lines are not coded.
func TestCodeSeedArticle(t *testing.T) {
	f := newFakeStore()
	srv := newServer(t, Config{Store: f, Engine: testEngine(t)})
	res := post(t, srv, "/v1/code", "application/json", jsonBody(t, map[string]string{"text": seedArticle(t), "date": "2019-12-19", "title": "China and Afghanistan"}))
	if res.status != 200 {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	var v docView
	res.decode(t, &v)
	checkView(t, &v)
	if v.Document.ID == "" || v.Document.Date != "2019-12-19" || v.Document.Title != "China and Afghanistan" || v.Document.Text != seedArticle(t) {
		t.Errorf("document %+v", v.Document)
	}
	if len(v.Sentences) < 10 || v.Sentences[0].Kind == "body" || v.Sentences[1].Kind == "body" || v.Sentences[2].Kind != "body" {
		t.Errorf("sentences: %d, kinds of the first three %q %q %q", len(v.Sentences), v.Sentences[0].Kind, v.Sentences[1].Kind, v.Sentences[2].Kind)
	}
	if v.Coding == nil || v.Coding.Sentences != len(v.Sentences) {
		t.Errorf("coding stats %+v", v.Coding)
	}
	found := false
	for _, ev := range v.Events {
		if ev.SentenceIndex < 2 {
			t.Errorf("event coded from the caption or credit: %+v", ev)
		}
		if ev.SentenceIndex == 2 && strings.HasPrefix(ev.Source.Code, "CHN") && ev.Source.Text == "China's army" &&
			(ev.Event.QuadClass == 1 || ev.Event.QuadClass == 2) && ev.Date == "2019-12-18" {
			found = true
		}
	}
	if !found {
		t.Errorf("no cooperation event by China's army on 2019-12-18 in sentence 2: %s", res.body)
	}
	quoted := false
	for _, q := range v.Quotes {
		if strings.HasPrefix(q.Text, "China's armed forces are ready") && q.Speaker != nil && q.Speaker.Text == "Xu" && strings.Contains(q.Outlet, "Chinese Defense Ministry") {
			quoted = true
		}
	}
	if !quoted {
		t.Errorf("Xu's quote as reported by the Chinese Defense Ministry not found: %+v", v.Quotes)
	}
	if v.Sentences[0].Tokens != nil {
		t.Errorf("tokens without ?tokens=1")
	}
	if docs, _, _ := f.Stats(t.Context()); docs != 0 {
		t.Errorf("/v1/code stored %d documents", docs)
	}
}

func TestCodeTextPlain(t *testing.T) {
	srv := newServer(t, Config{Engine: testEngine(t)})
	const txt = "KABUL, Jan 5 (Reuters) - Taliban fighters attacked an army base in Helmand on Saturday."
	res := post(t, srv, "/v1/code?tokens=1&date=2020-01-05&id=k1&title=Helmand", "text/plain; charset=utf-8", txt)
	if res.status != 200 {
		t.Fatalf("status %d: %s", res.status, res.body)
	}
	var v docView
	res.decode(t, &v)
	checkView(t, &v)
	if v.Document.ID != "k1" || v.Document.Title != "Helmand" || v.Document.Date != "2020-01-05" || v.Document.Dateline != "KABUL" {
		t.Errorf("document %+v", v.Document)
	}
	ntok := 0
	for _, s := range v.Sentences {
		ntok += len(s.Tokens)
	}
	if ntok < 15 {
		t.Errorf("%d tokens with ?tokens=1", ntok)
	}
	// The same text without an id gets an id derived from the text.
	var a, b docView
	post(t, srv, "/v1/code", "text/plain", txt).decode(t, &a)
	post(t, srv, "/v1/code", "application/json", jsonBody(t, map[string]string{"text": txt})).decode(t, &b)
	if !strings.HasPrefix(a.Document.ID, "text-") || a.Document.ID != b.Document.ID {
		t.Errorf("derived ids %q and %q", a.Document.ID, b.Document.ID)
	}
}

func TestPostDocuments(t *testing.T) {
	auth := "Authorization: Bearer w"
	eachBackend(t, Config{Engine: testEngine(t), Token: "w"}, func(t *testing.T, srv *httptestServer, st store.Store) {
		res := post(t, srv, "/v1/documents", "application/json", jsonBody(t, map[string]string{
			"id": "seed", "date": "2019-12-19", "title": "Seed", "text": seedArticle(t), "url": "https://example.org/seed"}), auth)
		if res.status != 201 {
			t.Fatalf("single: %d %s", res.status, res.body)
		}
		var got ingestResult
		res.decode(t, &got)
		if got.Stored != 1 || got.Failed != 0 || len(got.Documents) != 1 || got.Documents[0].ID != "seed" || got.Documents[0].Events != got.Events || got.Events == 0 {
			t.Fatalf("single: %+v", got)
		}
		var v docView
		res = get(t, srv, "/v1/documents/seed")
		if res.status != 200 {
			t.Fatalf("get: %d %s", res.status, res.body)
		}
		res.decode(t, &v)
		checkView(t, &v)
		if v.Document.Title != "Seed" || v.Document.URL != "https://example.org/seed" || v.Document.Date != "2019-12-19" || len(v.Events) != got.Events || v.Coding != nil {
			t.Errorf("stored view: %+v, %d events", v.Document, len(v.Events))
		}
		docs, events, _ := st.Stats(t.Context())
		// Posting again replaces the document.
		post(t, srv, "/v1/documents", "application/json", jsonBody(t, map[string]string{"id": "seed", "date": "2019-12-19", "text": seedArticle(t)}), auth)
		if d2, e2, _ := st.Stats(t.Context()); d2 != docs || e2 != events {
			t.Errorf("re-posting changed the counts: %d/%d to %d/%d", docs, events, d2, e2)
		}

		batch := strings.Join([]string{
			`{"id":"b1","date":"2020-01-06","text":"France accused Russia of interfering in the election."}`,
			``,
			`{"id":"b2","date":"2020-01-06","text":""}`,
			`{"id":"b3","date":"6 Jan","text":"Russia denied it."}`,
			`{"id":"b4", "text": }`,
			`{"date":"2020-01-07","text":"China and Pakistan signed a trade agreement on Tuesday."}`,
			`[1]`,
		}, "\n")
		res = post(t, srv, "/v1/documents", "application/x-ndjson", batch, auth)
		if res.status != 200 {
			t.Fatalf("batch: %d %s", res.status, res.body)
		}
		got = ingestResult{}
		res.decode(t, &got)
		if got.Stored != 2 || got.Failed != 4 || len(got.Documents) != 2 || got.StoppedAtLine != 0 {
			t.Fatalf("batch: %s", res.body)
		}
		if d := got.Documents; d[0].ID != "b1" || d[0].Line != 1 || !strings.HasPrefix(d[1].ID, "text-") || d[1].Line != 6 {
			t.Errorf("batch documents: %+v", d)
		}
		wantErrs := []struct {
			line     int
			id, text string
		}{{3, "b2", "text"}, {4, "b3", "date"}, {5, "", "body:5:1: body: malformed JSON"}, {7, "", "body:7:1: body: want a JSON object"}}
		if len(got.Errors) != len(wantErrs) {
			t.Fatalf("errors: %+v", got.Errors)
		}
		for i, w := range wantErrs {
			e := got.Errors[i]
			if e.Line != w.line || e.ID != w.id || e.Error.Code != "invalid" || !strings.Contains(e.Error.Message, w.text) {
				t.Errorf("error %d: %+v, want line %d id %q containing %q", i, e, w.line, w.id, w.text)
			}
		}
		if res := get(t, srv, "/v1/documents/b1"); res.status != 200 {
			t.Errorf("b1 not stored: %d", res.status)
		}
		if res := get(t, srv, "/v1/documents/b2"); res.status != 404 {
			t.Errorf("b2 stored: %d", res.status)
		}
	})
}

// TestBatchDeadline checks that a batch whose time has run out stops between
// documents and says where, instead of being cut off with nothing said.
func TestBatchDeadline(t *testing.T) {
	f := newFakeStore()
	srv := newServer(t, Config{Store: f, Engine: testEngine(t), Token: "w", Timeout: time.Nanosecond})
	res := post(t, srv, "/v1/documents", "application/x-ndjson", "\n"+`{"id":"a","text":"France accused Russia."}`+"\n", "Authorization: Bearer w")
	var got ingestResult
	res.decode(t, &got)
	if res.status != 200 || got.StoppedAtLine != 2 || got.Stored != 0 || len(got.Errors) != 1 || got.Errors[0].Error.Code != "unavailable" {
		t.Fatalf("%d %s", res.status, res.body)
	}
}

func TestDocumentIDs(t *testing.T) {
	eachBackend(t, Config{Engine: testEngine(t), Token: "w"}, func(t *testing.T, srv *httptestServer, st store.Store) {
		for _, id := range []string{"d3/x", "a b%c?d#e", "Москва:2020", "wikinews-en:Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead"} {
			res := post(t, srv, "/v1/documents", "application/json", jsonBody(t, map[string]string{"id": id, "text": "France accused Russia."}), "Authorization: Bearer w")
			if res.status != 201 {
				t.Fatalf("%q: %d %s", id, res.status, res.body)
			}
			var v docView
			res = get(t, srv, "/v1/documents/"+url.PathEscape(id))
			if res.status != 200 {
				t.Fatalf("%q: get %d %s", id, res.status, res.body)
			}
			res.decode(t, &v)
			if v.Document.ID != id {
				t.Errorf("asked for %q, got %q", id, v.Document.ID)
			}
		}
		if res := post(t, srv, "/v1/documents", "application/json", jsonBody(t, map[string]string{"id": strings.Repeat("x", 513), "text": "a"}), "Authorization: Bearer w"); res.status != 400 {
			t.Errorf("over-long id: %d", res.status)
		}
	})
}

// TestDocViewGolden pins the JSON shape of a document view built from a
// fixed stored document (independent of the coder). Regenerate with
// go test ./server -run TestDocViewGolden -update.
func TestDocViewGolden(t *testing.T) {
	c := fixture()[0]
	c.Quotes = []annalist.Quote{{DocID: "d1", SentenceIndex: 0, Text: "army met", Span: annalist.Span{Start: 8, End: 16},
		Speaker: &annalist.Actor{Code: "CHN", Text: "China", Span: annalist.Span{Start: 0, End: 5}}}}
	c.Suggestions = []annalist.Suggestion{{Name: "Tariq Shah Bahrami", Code: "AFGGOV", Description: "Afghanistan's Acting Defense Minister", DocID: "d1", Sentence: "..."}}
	c.Document.Dateline = "KABUL"
	c.Events[1].Source.Resolution = &annalist.Resolution{Method: "pronoun", Antecedent: "China", SentenceIndex: 0, Reason: "he → the last male person"}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	v := storedView(c)
	checkView(t, v)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "golden", "docview.json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("document view differs from %s (run with -update if the change is intended):\n%s", path, buf.Bytes())
	}
}
