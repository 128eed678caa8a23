// Package storetest is the conformance suite every store.Store implementation runs, so SQLite and PostgreSQL behave as one.
package storetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

// Run runs the conformance suite. open must return a new, empty store for
// each call (the suite closes it); the suite codes CorpusArticles Wikinews
// articles once with the default engine (a few seconds) and shares them.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	coded := Coded(t, CorpusArticles)
	hand := Handmade()
	s := &suite{open: func(t *testing.T) store.Store {
		st := open(t)
		t.Cleanup(func() { st.Close() })
		return st
	}, coded: coded, hand: hand}
	t.Run("RoundTrip", s.roundTrip)
	t.Run("PutReplaces", s.putReplaces)
	t.Run("PutAtomic", s.putAtomic)
	t.Run("PutInvalid", s.putInvalid)
	t.Run("HashAndNotFound", s.hashAndNotFound)
	t.Run("Filters", s.filters)
	t.Run("FiltersMatchModel", s.filtersMatchModel)
	t.Run("Paging", s.paging)
	t.Run("EachEvent", s.eachEvent)
	t.Run("Timeline", s.timeline)
	t.Run("Dyads", s.dyads)
	t.Run("Stats", s.stats)
	t.Run("Invalid", s.invalid)
	t.Run("Concurrent", s.concurrent)
}

type suite struct {
	open  func(t *testing.T) store.Store
	coded []*store.Coded
	hand  []*store.Coded
}

func put(t *testing.T, st store.Store, cs ...*store.Coded) {
	t.Helper()
	for _, c := range cs {
		if err := st.Put(context.Background(), c); err != nil {
			t.Fatalf("Put(%s): %v", c.Document.ID, err)
		}
	}
}

// stored is what Document must return for c: sentences without tokens,
// DocIDs filled in.
func stored(c *store.Coded) *store.Coded {
	w := *c
	w.Document.Sentences = make([]annalist.Sentence, len(c.Document.Sentences))
	for i, s := range c.Document.Sentences {
		s.Tokens = nil
		w.Document.Sentences[i] = s
	}
	w.Events = append([]annalist.Event(nil), c.Events...)
	for i := range w.Events {
		w.Events[i].DocID = c.Document.ID
	}
	return &w
}

func jsonOf(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sameCoded compares every field (through JSON, where a nil and an empty
// slice are the same) and the document date as an instant.
func sameCoded(t *testing.T, got, want *store.Coded) {
	t.Helper()
	if !got.Document.Date.Equal(want.Document.Date) {
		t.Errorf("%s: date %v, want %v", want.Document.ID, got.Document.Date, want.Document.Date)
	}
	g, w := *got, *want
	g.Document.Date, w.Document.Date = time.Time{}, time.Time{}
	gb, wb := jsonOf(t, g), jsonOf(t, w)
	if !bytes.Equal(gb, wb) {
		t.Errorf("%s: stored document differs:\n%s", want.Document.ID, firstDiff(string(gb), string(wb)))
	}
}

func firstDiff(got, want string) string {
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", i+1, g, w)
		}
	}
	return "(equal)"
}

func ids(evs []store.StoredEvent) []string {
	out := []string{}
	for _, e := range evs {
		out = append(out, e.ID)
	}
	return out
}

func all(t *testing.T, st store.Store, f store.Filter) []store.StoredEvent {
	t.Helper()
	f.Limit = store.MaxLimit
	evs, next, err := st.Events(context.Background(), f)
	if err != nil {
		t.Fatalf("Events(%+v): %v", f, err)
	}
	if next != "" {
		t.Fatalf("Events(%+v): more than %d events", f, store.MaxLimit)
	}
	return evs
}

func (s *suite) roundTrip(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	cs := append(append([]*store.Coded{}, s.coded...), s.hand...)
	put(t, st, cs...)
	var events, quotes, sugs, sents int
	for _, c := range cs {
		got, err := st.Document(ctx, c.Document.ID)
		if err != nil {
			t.Fatalf("Document(%s): %v", c.Document.ID, err)
		}
		sameCoded(t, got, stored(c))
		events += len(c.Events)
		quotes += len(c.Quotes)
		sugs += len(c.Suggestions)
		sents += len(c.Document.Sentences)
	}
	// The corpus must exercise what the round trip claims to check.
	if events == 0 || quotes == 0 || sugs == 0 || sents == 0 {
		t.Errorf("fixtures too thin: %d events, %d quotes, %d suggestions, %d sentences", events, quotes, sugs, sents)
	}
	var loc, res, agents, mentions, modal bool
	for _, c := range s.coded {
		for _, ev := range c.Events {
			loc = loc || ev.Location != nil
			res = res || ev.Source.Resolution != nil || ev.Target.Resolution != nil
			agents = agents || len(ev.Source.Agents) > 0 || len(ev.Target.Agents) > 0
			mentions = mentions || len(ev.Mentions) > 1
			modal = modal || ev.Modality != ""
		}
	}
	t.Logf("coded fixtures: %d events; location %v, resolution %v, agents %v, repeated mentions %v, modality %v", events, loc, res, agents, mentions, modal)
	// Events returns the same events as Document, with ids docid#n.
	for _, c := range cs {
		evs := all(t, st, store.Filter{DocID: c.Document.ID})
		if len(evs) != len(c.Events) {
			t.Fatalf("%s: Events returned %d, Put %d", c.Document.ID, len(evs), len(c.Events))
		}
		for _, e := range evs {
			var n int
			if _, err := fmt.Sscanf(strings.TrimPrefix(e.ID, c.Document.ID+"#"), "%d", &n); err != nil || n < 0 || n >= len(c.Events) {
				t.Fatalf("event id %q", e.ID)
			}
			want := stored(c).Events[n]
			if !bytes.Equal(jsonOf(t, e.Event), jsonOf(t, want)) {
				t.Errorf("event %s differs:\n%s", e.ID, firstDiff(string(jsonOf(t, e.Event)), string(jsonOf(t, want))))
			}
		}
	}
	// A document with no date, no events and nothing else round-trips too.
	empty := &store.Coded{Document: annalist.Document{ID: "empty"}}
	put(t, st, empty)
	got, err := st.Document(ctx, "empty")
	if err != nil {
		t.Fatal(err)
	}
	sameCoded(t, got, stored(empty))
	if !got.Document.Date.IsZero() {
		t.Errorf("empty: date %v, want zero", got.Document.Date)
	}
}

func (s *suite) putReplaces(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	put(t, st, s.hand...)
	put(t, st, s.hand[1]) // the same again: nothing doubles
	if d, e, _ := st.Stats(ctx); d != 3 || e != 10 {
		t.Fatalf("after re-put: %d docs %d events, want 3 and 10", d, e)
	}
	v2 := stored(s.hand[1])
	v2.Document.Title = "Ceasefire agreed"
	v2.Document.Text = "The two armies agreed a ceasefire."
	v2.Document.Sentences = v2.Document.Sentences[:1]
	v2.Events = []annalist.Event{hev("h1", 0, "2020-01-07", "CHNMIL", "INDMIL", "0871", 2, "RETREAT", 9, "")}
	v2.Hash = "hash-h1-v2"
	put(t, st, v2)
	if d, e, _ := st.Stats(ctx); d != 3 || e != 8 {
		t.Errorf("after replacing h1: %d docs %d events, want 3 and 8", d, e)
	}
	got, err := st.Document(ctx, "h1")
	if err != nil {
		t.Fatal(err)
	}
	sameCoded(t, got, v2)
	if g := ids(all(t, st, store.Filter{DocID: "h1"})); !reflect.DeepEqual(g, []string{"h1#0"}) {
		t.Errorf("events of h1 = %v", g)
	}
	if g := ids(all(t, st, store.Filter{Q: "border"})); len(g) != 0 {
		t.Errorf("old text still found: %v", g)
	}
	if g := ids(all(t, st, store.Filter{Q: "ceasefire"})); !reflect.DeepEqual(g, []string{"h1#0"}) {
		t.Errorf("new text: %v", g)
	}
	if h, ok, err := st.Hash(ctx, "h1"); err != nil || !ok || h != "hash-h1-v2" {
		t.Errorf("Hash(h1) = %q %v %v", h, ok, err)
	}
}

func (s *suite) putAtomic(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	put(t, st, s.hand...)
	bad := stored(s.hand[0])
	bad.Document.Title = "Replaced"
	bad.Events = bad.Events[:1]
	// Two sentences with one index: the database refuses the second row,
	// after the old rows were deleted inside the transaction.
	bad.Document.Sentences = append(bad.Document.Sentences, bad.Document.Sentences[0])
	err := st.Put(ctx, bad)
	if err == nil {
		t.Fatal("Put with duplicate sentence indexes succeeded")
	}
	if c := annalist.ErrorCode(err); c != annalist.EINVALID {
		t.Errorf("error code %q (%v), want %q", c, err, annalist.EINVALID)
	}
	got, err := st.Document(ctx, "h0")
	if err != nil {
		t.Fatal(err)
	}
	sameCoded(t, got, stored(s.hand[0]))
	if d, e, _ := st.Stats(ctx); d != 3 || e != 10 {
		t.Errorf("after failed put: %d docs %d events, want 3 and 10", d, e)
	}
	if g := ids(all(t, st, store.Filter{Q: "delhi visit"})); len(g) != 4 {
		t.Errorf("full text of the old version: %v", g)
	}
	if g := ids(all(t, st, store.Filter{Q: "replaced"})); len(g) != 0 {
		t.Errorf("full text of the failed version: %v", g)
	}
	// A cancelled context fails the put and leaves the old version too.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := st.Put(cctx, stored(s.hand[1])); err == nil {
		t.Error("Put with a cancelled context succeeded")
	}
	got, err = st.Document(ctx, "h1")
	if err != nil {
		t.Fatal(err)
	}
	sameCoded(t, got, stored(s.hand[1]))
}

func (s *suite) putInvalid(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	other := stored(s.hand[0])
	other.Events[1].DocID = "h9"
	nan := stored(s.hand[0])
	nan.Events[0].Event.Goldstein = math.NaN()
	for name, c := range map[string]*store.Coded{
		"nil":         nil,
		"no id":       {Document: annalist.Document{Text: "x"}},
		"other doc":   other,
		"NaN":         nan,
		"quote of h9": {Document: annalist.Document{ID: "q"}, Quotes: []annalist.Quote{{DocID: "h9"}}},
		"sugg of h9":  {Document: annalist.Document{ID: "q"}, Suggestions: []annalist.Suggestion{{DocID: "h9"}}},
	} {
		err := st.Put(ctx, c)
		if annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("%s: Put error %v, want %s", name, err, annalist.EINVALID)
		}
	}
	if d, e, _ := st.Stats(ctx); d != 0 || e != 0 {
		t.Errorf("after invalid puts: %d docs %d events", d, e)
	}
}

func (s *suite) hashAndNotFound(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	if h, ok, err := st.Hash(ctx, "h0"); err != nil || ok || h != "" {
		t.Errorf("Hash of a missing document = %q %v %v", h, ok, err)
	}
	put(t, st, s.hand...)
	for _, c := range s.hand {
		if h, ok, err := st.Hash(ctx, c.Document.ID); err != nil || !ok || h != c.Hash {
			t.Errorf("Hash(%s) = %q %v %v, want %q", c.Document.ID, h, ok, err, c.Hash)
		}
	}
	_, err := st.Document(ctx, "nope")
	if annalist.ErrorCode(err) != annalist.ENOTFOUND {
		t.Errorf("Document(nope) error %v, want %s", err, annalist.ENOTFOUND)
	}
}

// handAll is every hand-made event in store order.
var handAll = []string{"h2#2", "h1#2", "h0#3", "h0#0", "h0#2", "h1#0", "h1#1", "h2#0", "h2#1", "h0#1"}

func (s *suite) filters(t *testing.T) {
	st := s.open(t)
	put(t, st, s.hand...)
	for _, tc := range []struct {
		name string
		f    store.Filter
		want []string
	}{
		{"none", store.Filter{}, handAll},
		{"from", store.Filter{From: "2020-01-06"}, []string{"h0#3", "h0#0", "h0#2", "h1#0", "h1#1", "h2#0", "h2#1", "h0#1"}},
		{"to excludes undated", store.Filter{To: "2020-01-06"}, []string{"h1#2", "h0#3", "h0#0", "h0#2", "h1#0", "h1#1"}},
		{"one day", store.Filter{From: "2020-01-12", To: "2020-01-12"}, []string{"h2#0"}},
		{"range", store.Filter{From: "2020-01-07", To: "2020-01-31"}, []string{"h2#0", "h2#1"}},
		{"month date is its first day", store.Filter{From: "2020-01-01", To: "2020-01-01"}, []string{"h1#2"}},
		{"actor prefix", store.Filter{Actor: "CHN"}, []string{"h2#2", "h0#0", "h0#2", "h1#0", "h1#1"}},
		{"shorter actor prefix", store.Filter{Actor: "CH"}, []string{"h2#2", "h1#2", "h0#0", "h0#2", "h1#0", "h1#1", "h2#1"}},
		{"full actor code", store.Filter{Actor: "CHNMIL"}, []string{"h1#1"}},
		{"source", store.Filter{Source: "CHN"}, []string{"h1#0", "h1#1"}},
		{"target", store.Filter{Target: "CHN"}, []string{"h2#2", "h0#0", "h0#2"}},
		{"source and target", store.Filter{Source: "IND", Target: "CHN"}, []string{"h0#0", "h0#2"}},
		{"no such actor", store.Filter{Actor: "ZZZ"}, []string{}},
		{"country by actor or place", store.Filter{Country: "IND"}, []string{"h0#3", "h0#0", "h0#2", "h1#0", "h1#1", "h0#1"}},
		{"country USA", store.Filter{Country: "USA"}, []string{"h2#2", "h1#2", "h0#1"}},
		{"country FRA", store.Filter{Country: "FRA"}, []string{"h2#0"}},
		{"root", store.Filter{Root: "03"}, []string{"h2#2", "h0#0", "h0#2", "h1#0", "h0#1"}},
		{"code root prefix", store.Filter{Code: "03"}, []string{"h2#2", "h0#0", "h0#2", "h1#0", "h0#1"}},
		{"code three digits", store.Filter{Code: "031"}, []string{"h2#2", "h0#1"}},
		{"code four digits", store.Filter{Code: "1823"}, []string{"h2#1"}},
		{"code none", store.Filter{Code: "1824"}, []string{}},
		{"root 19", store.Filter{Root: "19"}, []string{"h1#1"}},
		{"plover", store.Filter{PLOVER: "ASSAULT"}, []string{"h1#1", "h2#1"}},
		{"quad 4", store.Filter{Quad: 4, HasQuad: true}, []string{"h1#1", "h2#1"}},
		{"quad 3", store.Filter{Quad: 3, HasQuad: true}, []string{"h0#3", "h2#0"}},
		{"quad 0", store.Filter{Quad: 0, HasQuad: true}, []string{}},
		{"quad without HasQuad", store.Filter{Quad: 4}, handAll},
		{"doc", store.Filter{DocID: "h1"}, []string{"h1#2", "h1#0", "h1#1"}},
		{"no such doc", store.Filter{DocID: "h9"}, []string{}},
		{"q text", store.Filter{Q: "border"}, []string{"h1#2", "h1#0", "h1#1"}},
		{"q title and text, any case", store.Filter{Q: "BORDER Talks"}, []string{"h1#2", "h1#0", "h1#1"}},
		{"q all words", store.Filter{Q: "paris police"}, []string{"h2#2", "h2#0", "h2#1"}},
		{"q two docs", store.Filter{Q: "china"}, []string{"h1#2", "h0#3", "h0#0", "h0#2", "h1#0", "h1#1", "h0#1"}},
		{"q no doc has both", store.Filter{Q: "china paris"}, []string{}},
		{"q title only", store.Filter{Q: "visit"}, []string{"h0#3", "h0#0", "h0#2", "h0#1"}},
		{"q punctuation", store.Filter{Q: `"tear-gas"!`}, []string{"h2#2", "h2#0", "h2#1"}},
		{"actor and quad", store.Filter{Actor: "CHN", Quad: 4, HasQuad: true}, []string{"h1#1"}},
		{"country and from", store.Filter{Country: "IND", From: "2020-01-07"}, []string{"h0#1"}},
		{"root, q and to", store.Filter{Root: "03", Q: "china", To: "2020-01-31"}, []string{"h0#0", "h0#2", "h1#0"}},
		{"source, code, doc", store.Filter{Source: "USA", Code: "0311", DocID: "h0"}, []string{"h0#1"}},
		{"plover and target", store.Filter{PLOVER: "CONSULT", Target: "IND"}, []string{"h1#0"}},
		{"plover, actor, from", store.Filter{PLOVER: "CONSULT", Actor: "IND", From: "2020-01-06"}, []string{"h0#0", "h0#2", "h1#0"}},
		{"everything", store.Filter{From: "2020-01-01", To: "2020-12-31", Actor: "IND", Source: "CHN", Target: "IND", Country: "CHN", Root: "19", Code: "190", PLOVER: "ASSAULT", Quad: 4, HasQuad: true, Q: "troops", DocID: "h1"}, []string{"h1#1"}},
	} {
		got := ids(all(t, st, tc.f))
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v\n got %v\nwant %v", tc.name, tc.f, got, tc.want)
		}
		var each []string
		if err := st.EachEvent(context.Background(), tc.f, func(e *store.StoredEvent) error { each = append(each, e.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		if strings.Join(each, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: EachEvent %v, want %v", tc.name, each, tc.want)
		}
	}
}

// filtersMatchModel compares the store with an in-memory model of the
// Filter semantics on the coded corpus, for filters built from its values.
func (s *suite) filtersMatchModel(t *testing.T) {
	st := s.open(t)
	put(t, st, s.coded...)
	model := newRef(s.coded)
	var fs []store.Filter
	seen := map[string]bool{}
	add := func(f store.Filter) {
		k := fmt.Sprintf("%+v", f)
		if !seen[k] {
			seen[k] = true
			fs = append(fs, f)
		}
	}
	add(store.Filter{})
	for _, c := range s.coded {
		add(store.Filter{DocID: c.Document.ID})
		for _, w := range strings.Fields(c.Document.Title) {
			if len(refWords(w)) > 0 {
				add(store.Filter{Q: w})
				break
			}
		}
		for _, ev := range c.Events {
			for _, code := range []string{ev.Source.Code, ev.Target.Code} {
				if len(code) >= 3 && !strings.ContainsAny(code, "%_\\'\" ") {
					add(store.Filter{Actor: code[:3]})
					add(store.Filter{Source: code[:3]})
					add(store.Filter{Target: code})
					add(store.Filter{Country: code[:3]})
				}
			}
			add(store.Filter{Root: ev.Event.Root})
			add(store.Filter{Code: ev.Event.Code})
			add(store.Filter{PLOVER: ev.Event.PLOVER})
			add(store.Filter{Quad: ev.Event.QuadClass, HasQuad: true})
			if d := refDay(ev.Date); d != "" {
				add(store.Filter{From: d})
				add(store.Filter{To: d})
				add(store.Filter{From: d, To: d, Quad: ev.Event.QuadClass, HasQuad: true})
			}
			if ev.Location != nil {
				add(store.Filter{Country: ev.Location.Country})
			}
		}
	}
	matched := 0
	for _, f := range fs {
		if f.Root != "" && len(f.Root) != 2 || f.Code != "" && !isDigits(f.Code) {
			continue
		}
		want := model.events(f)
		got := ids(all(t, st, f))
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%+v:\n got %v\nwant %v", f, got, want)
		}
		if len(want) > 0 {
			matched++
		}
	}
	t.Logf("%d filters compared with the model, %d with matches", len(fs), matched)
	if matched < 20 {
		t.Errorf("only %d filters matched anything: fixtures too thin", matched)
	}
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func (s *suite) paging(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	big := Big(300)
	cs := append(append([]*store.Coded{big}, s.coded...), s.hand...)
	put(t, st, cs...)
	model := newRef(cs)
	for _, f := range []store.Filter{{}, {Actor: "RUS"}, {Quad: 4, HasQuad: true}, {From: "2021-03-05", To: "2021-03-09"}, {DocID: "h0"}} {
		want := model.events(f)
		for _, limit := range []int{1, 7, 100, len(want), len(want) + 1} {
			if limit == 0 {
				continue
			}
			var got []string
			seen := map[string]bool{}
			g := f
			g.Limit = limit
			for pages := 0; ; pages++ {
				if pages > len(want)+1 {
					t.Fatalf("%+v limit %d: paging does not end", f, limit)
				}
				evs, next, err := st.Events(ctx, g)
				if err != nil {
					t.Fatal(err)
				}
				if len(evs) > limit {
					t.Fatalf("page of %d events, limit %d", len(evs), limit)
				}
				for _, e := range evs {
					if seen[e.ID] {
						t.Fatalf("%+v limit %d: %s on two pages", f, limit, e.ID)
					}
					seen[e.ID] = true
					got = append(got, e.ID)
				}
				if next == "" {
					break
				}
				if len(evs) != limit {
					t.Fatalf("short page (%d of %d) with a next cursor", len(evs), limit)
				}
				g.Cursor = next
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("%+v limit %d: pages give %d events, want %d (first difference at %d)", f, limit, len(got), len(want), diffAt(got, want))
			}
		}
	}
	// The default page is DefaultLimit events.
	evs, next, err := st.Events(ctx, store.Filter{})
	if err != nil || len(evs) != store.DefaultLimit || next == "" {
		t.Errorf("default page: %d events, next %q, %v", len(evs), next, err)
	}
	// A page continues after its cursor even when documents are put between pages.
	first, next, err := st.Events(ctx, store.Filter{Actor: "RUS", Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	put(t, st, hdoc("a-new", "2021-03-01", "New", "New text.", 1, hev("a-new", 0, "2021-03-01", "RUS", "UKR", "190", 4, "ASSAULT", -10, "")))
	second, _, err := st.Events(ctx, store.Filter{Actor: "RUS", Limit: 10, Cursor: next})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range second {
		for _, f := range first {
			if e.ID == f.ID {
				t.Errorf("%s on both pages", e.ID)
			}
		}
	}
}

func diffAt(a, b []string) int {
	for i := range a {
		if i >= len(b) || a[i] != b[i] {
			return i
		}
	}
	return len(a)
}

func (s *suite) eachEvent(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	big := Big(2500) // more than one internal batch
	cs := append(append([]*store.Coded{big}, s.coded...), s.hand...)
	put(t, st, cs...)
	for _, f := range []store.Filter{{}, {Actor: "RUS"}, {Root: "03"}} {
		var pages []string
		g := f
		g.Limit = 999
		for {
			evs, next, err := st.Events(ctx, g)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, ids(evs)...)
			if next == "" {
				break
			}
			g.Cursor = next
		}
		var each []string
		if err := st.EachEvent(ctx, f, func(e *store.StoredEvent) error { each = append(each, e.ID); return nil }); err != nil {
			t.Fatal(err)
		}
		if strings.Join(each, ",") != strings.Join(pages, ",") {
			t.Errorf("%+v: EachEvent gave %d events, Events %d, first difference at %d", f, len(each), len(pages), diffAt(each, pages))
		}
		if want := newRef(cs).events(f); strings.Join(each, ",") != strings.Join(want, ",") {
			t.Errorf("%+v: EachEvent differs from the model at %d", f, diffAt(each, want))
		}
	}
	// EachEvent ignores Limit and starts after Cursor.
	page, next, err := st.Events(ctx, store.Filter{Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var firstAfter string
	if err := st.EachEvent(ctx, store.Filter{Limit: 5, Cursor: next}, func(e *store.StoredEvent) error {
		if n == 0 {
			firstAfter = e.ID
		}
		n++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	_, total, _ := st.Stats(ctx)
	if n != total-len(page) {
		t.Errorf("EachEvent after a cursor: %d events, want %d", n, total-len(page))
	}
	if rest, _, _ := st.Events(ctx, store.Filter{Limit: 1, Cursor: next}); len(rest) != 1 || rest[0].ID != firstAfter {
		t.Errorf("EachEvent after a cursor starts at %s", firstAfter)
	}
	// fn's error stops the walk and comes back.
	stop := errors.New("stop here")
	calls := 0
	err = st.EachEvent(ctx, store.Filter{}, func(*store.StoredEvent) error {
		calls++
		if calls == 1500 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 1500 {
		t.Errorf("EachEvent after fn's error: %v after %d calls", err, calls)
	}
}

func (s *suite) timeline(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	put(t, st, s.hand...)
	b := func(p, g string, n int) store.Bucket { return store.Bucket{Period: p, Group: g, Count: n} }
	for _, tc := range []struct {
		interval, group string
		f               store.Filter
		want            []store.Bucket
	}{
		{"day", "quad", store.Filter{}, []store.Bucket{b("2020-01-01", "1", 1), b("2020-01-06", "1", 3), b("2020-01-06", "3", 1), b("2020-01-06", "4", 1),
			b("2020-01-12", "3", 1), b("2020-01-13", "4", 1), b("2020-02-01", "1", 1)}},
		{"week", "quad", store.Filter{}, []store.Bucket{b("2019-12-30", "1", 1), b("2020-01-06", "1", 3), b("2020-01-06", "3", 2), b("2020-01-06", "4", 1),
			b("2020-01-13", "4", 1), b("2020-01-27", "1", 1)}},
		{"month", "quad", store.Filter{}, []store.Bucket{b("2020-01-01", "1", 4), b("2020-01-01", "3", 2), b("2020-01-01", "4", 2), b("2020-02-01", "1", 1)}},
		{"day", "root", store.Filter{}, []store.Bucket{b("2020-01-01", "04", 1), b("2020-01-06", "03", 3), b("2020-01-06", "11", 1), b("2020-01-06", "19", 1),
			b("2020-01-12", "14", 1), b("2020-01-13", "18", 1), b("2020-02-01", "03", 1)}},
		{"week", "root", store.Filter{}, []store.Bucket{b("2019-12-30", "04", 1), b("2020-01-06", "03", 3), b("2020-01-06", "11", 1), b("2020-01-06", "14", 1),
			b("2020-01-06", "19", 1), b("2020-01-13", "18", 1), b("2020-01-27", "03", 1)}},
		{"month", "root", store.Filter{}, []store.Bucket{b("2020-01-01", "03", 3), b("2020-01-01", "04", 1), b("2020-01-01", "11", 1), b("2020-01-01", "14", 1),
			b("2020-01-01", "18", 1), b("2020-01-01", "19", 1), b("2020-02-01", "03", 1)}},
		{"week", "quad", store.Filter{Actor: "CHN"}, []store.Bucket{b("2020-01-06", "1", 3), b("2020-01-06", "4", 1)}},
		{"month", "root", store.Filter{DocID: "h9"}, []store.Bucket{}},
	} {
		got, err := st.Timeline(ctx, tc.f, tc.interval, tc.group)
		if err != nil {
			t.Fatalf("%s/%s: %v", tc.interval, tc.group, err)
		}
		if got == nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Timeline(%+v, %s, %s)\n got %v\nwant %v", tc.f, tc.interval, tc.group, got, tc.want)
		}
	}
}

func (s *suite) dyads(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	h3 := hdoc("h3", "2020-03-01", "More", "More events.", 1,
		hev("h3", 0, "2020-03-01", "USA", "CHN", "0311", 1, "COOPERATE", -4, ""),
		hev("h3", 0, "2020-03-02", "USA", "CHN", "0311", 1, "COOPERATE", 1, ""),
		hev("h3", 0, "2020-03-03", "IND", "CHN", "111", 3, "ACCUSE", -2, ""))
	put(t, st, append(append([]*store.Coded{}, s.hand...), h3)...)
	d := func(s, t string, n int, g float64) store.Dyad {
		return store.Dyad{Source: s, Target: t, Count: n, Goldstein: g}
	}
	for _, tc := range []struct {
		f     store.Filter
		limit int
		want  []store.Dyad
	}{
		{store.Filter{}, 0, []store.Dyad{d("USA", "CHN", 3, (5.2-4+1)/3.0), d("IND", "CHN", 2, 1), d("CH", "USA", 1, 1.9), d("CHN", "IND", 1, 4),
			d("CHNMIL", "INDMIL", 1, -10), d("CHO", "---", 1, -9), d("FRAOPP", "FRAGOV", 1, -6.5), d("IND", "CHNGOV", 1, 4), d("INDGOV", "PAK", 1, -2), d("USA", "IND", 1, 5.2)}},
		{store.Filter{}, 3, []store.Dyad{d("USA", "CHN", 3, (5.2-4+1)/3.0), d("IND", "CHN", 2, 1), d("CH", "USA", 1, 1.9)}},
		{store.Filter{Target: "CHN", From: "2020-03-01"}, 0, []store.Dyad{d("USA", "CHN", 2, -1.5), d("IND", "CHN", 1, -2)}},
		{store.Filter{Quad: 4, HasQuad: true}, 0, []store.Dyad{d("CHNMIL", "INDMIL", 1, -10), d("CHO", "---", 1, -9)}},
		{store.Filter{DocID: "none"}, 0, []store.Dyad{}},
	} {
		got, err := st.Dyads(ctx, tc.f, tc.limit)
		if err != nil {
			t.Fatal(err)
		}
		ok := len(got) == len(tc.want) && got != nil
		for i := 0; ok && i < len(got); i++ {
			g, w := got[i], tc.want[i]
			ok = g.Source == w.Source && g.Target == w.Target && g.Count == w.Count && math.Abs(g.Goldstein-w.Goldstein) < 1e-9
		}
		if !ok {
			t.Errorf("Dyads(%+v, %d)\n got %v\nwant %v", tc.f, tc.limit, got, tc.want)
		}
	}
}

func (s *suite) stats(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	if d, e, err := st.Stats(ctx); d != 0 || e != 0 || err != nil {
		t.Errorf("empty store: %d %d %v", d, e, err)
	}
	put(t, st, s.coded...)
	put(t, st, s.hand...)
	events := 10
	for _, c := range s.coded {
		events += len(c.Events)
	}
	if d, e, err := st.Stats(ctx); d != len(s.coded)+3 || e != events || err != nil {
		t.Errorf("Stats = %d %d %v, want %d %d", d, e, err, len(s.coded)+3, events)
	}
}

func (s *suite) invalid(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	put(t, st, s.hand...)
	bad := []store.Filter{
		{From: "2020-1-6"}, {To: "yesterday"}, {Root: "1"}, {Root: "ab"}, {Code: "19a"},
		{Quad: 5, HasQuad: true}, {Quad: -1, HasQuad: true}, {Limit: -1},
		{Actor: "CHN%"}, {Source: "a_b"}, {Target: "x'y"}, {Country: "C N"},
		{Cursor: "not a cursor"}, {Cursor: "WzEsMl0"}, {Q: "?!"},
	}
	for _, f := range bad {
		if _, _, err := st.Events(ctx, f); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("Events(%+v): %v, want %s", f, err, annalist.EINVALID)
		}
		if err := st.EachEvent(ctx, f, func(*store.StoredEvent) error { return nil }); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("EachEvent(%+v): %v, want %s", f, err, annalist.EINVALID)
		}
		if f.Cursor != "" || f.Limit != 0 {
			continue // Timeline and Dyads ignore paging
		}
		if _, err := st.Timeline(ctx, f, "day", "quad"); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("Timeline(%+v): %v, want %s", f, err, annalist.EINVALID)
		}
		if _, err := st.Dyads(ctx, f, 0); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("Dyads(%+v): %v, want %s", f, err, annalist.EINVALID)
		}
	}
	for _, iv := range [][2]string{{"year", "quad"}, {"day", "code"}, {"", ""}} {
		if _, err := st.Timeline(ctx, store.Filter{}, iv[0], iv[1]); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("Timeline(%s, %s): %v, want %s", iv[0], iv[1], err, annalist.EINVALID)
		}
	}
	if _, err := st.Dyads(ctx, store.Filter{}, -1); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("Dyads limit -1: %v", err)
	}
	// Over MaxLimit is capped, not an error.
	if evs, _, err := st.Events(ctx, store.Filter{Limit: store.MaxLimit + 1}); err != nil || len(evs) != 10 {
		t.Errorf("Limit over MaxLimit: %d events, %v", len(evs), err)
	}
}

// concurrent runs readers while a writer puts and replaces documents: no
// reader may see an error or a half-written document.
func (s *suite) concurrent(t *testing.T) {
	st := s.open(t)
	ctx := context.Background()
	put(t, st, s.hand...)
	done := make(chan struct{})
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	want := map[string]int{}
	for _, c := range s.coded {
		want[c.Document.ID] = len(c.Events)
	}
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				var err error
				switch (r + i) % 4 {
				case 0:
					_, _, err = st.Events(ctx, store.Filter{Limit: 50})
				case 1:
					_, _, err = st.Stats(ctx)
				case 2:
					_, err = st.Timeline(ctx, store.Filter{}, "week", "root")
				case 3:
					// A document is either absent or complete.
					c := s.coded[i%len(s.coded)]
					var got *store.Coded
					got, err = st.Document(ctx, c.Document.ID)
					if annalist.ErrorCode(err) == annalist.ENOTFOUND {
						err = nil
					} else if err == nil && len(got.Events) != want[c.Document.ID] {
						err = fmt.Errorf("%s read with %d of %d events", c.Document.ID, len(got.Events), want[c.Document.ID])
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(r)
	}
	for round := 0; round < 3; round++ {
		for _, c := range s.coded {
			if err := st.Put(ctx, c); err != nil {
				t.Errorf("Put during reads: %v", err)
			}
		}
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("reader: %v", err)
	}
	if d, _, _ := st.Stats(ctx); d != len(s.coded)+3 {
		t.Errorf("after concurrent puts: %d documents, want %d", d, len(s.coded)+3)
	}
}
