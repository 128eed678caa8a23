package engine

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/annalist/annalist"
)

// ev builds a test event.
func ev(doc string, sent int, date, src, tgt, code, modality string, mentions ...int) annalist.Event {
	e := annalist.Event{DocID: doc, SentenceIndex: sent, Date: date, Modality: modality,
		Source: annalist.Actor{Code: src, Text: src + " text"}, Target: annalist.Actor{Code: tgt},
		Event: annalist.EventType{Code: code, QuadClass: 1}}
	if len(mentions) > 0 {
		e.Mentions, e.MentionCount = mentions, len(mentions)
	}
	return e
}

func TestCollapse(t *testing.T) {
	type want struct {
		doc            string
		sent           int
		date, src, tgt string
		code, modality string
		mentions       int
		articles       int
	}
	tests := []struct {
		name string
		in   []annalist.Event
		want []want
	}{
		{"empty", nil, []want{}},
		{"one event, no mentions list", []annalist.Event{ev("a", 3, "2020-01-02", "USA", "IRN", "111", "")},
			[]want{{"a", 3, "2020-01-02", "USA", "IRN", "111", "", 1, 1}}},
		{"same key across articles: smallest doc id wins, counts add up",
			[]annalist.Event{
				ev("b", 0, "2020-01-02", "USA", "IRN", "111", "", 0, 4),
				ev("a", 7, "2020-01-02", "USA", "IRN", "111", "", 7),
				ev("c", 1, "2020-01-02", "USA", "IRN", "111", "", 1, 2, 3),
			},
			[]want{{"a", 7, "2020-01-02", "USA", "IRN", "111", "", 6, 3}}},
		{"smallest sentence within the smallest article",
			[]annalist.Event{ev("a", 9, "2020-01-02", "USA", "IRN", "111", "", 9), ev("a", 2, "2020-01-02", "USA", "IRN", "111", "future", 2)},
			[]want{{"a", 2, "2020-01-02", "USA", "IRN", "111", "future", 2, 1}}},
		{"same sentence, different modality: one mention, modality breaks the tie",
			[]annalist.Event{ev("a", 4, "2020-01-02", "USA", "IRN", "111", "historical", 4), ev("a", 4, "2020-01-02", "USA", "IRN", "111", "", 4)},
			[]want{{"a", 4, "2020-01-02", "USA", "IRN", "111", "", 1, 1}}},
		{"each key field separates events; output sorted by key",
			[]annalist.Event{
				ev("a", 0, "2020-01-03", "USA", "IRN", "111", ""),
				ev("a", 0, "2020-01-02", "USA", "IRN", "112", ""),
				ev("a", 0, "2020-01-02", "USA", "IRQ", "111", ""),
				ev("a", 0, "2020-01-02", "GBR", "IRN", "111", ""),
				ev("a", 0, "2020-01-02", "USA", "IRN", "111", ""),
				ev("a", 1, "", "USA", "IRN", "111", ""),
			},
			[]want{
				{"a", 1, "", "USA", "IRN", "111", "", 1, 1},
				{"a", 0, "2020-01-02", "GBR", "IRN", "111", "", 1, 1},
				{"a", 0, "2020-01-02", "USA", "IRN", "111", "", 1, 1},
				{"a", 0, "2020-01-02", "USA", "IRN", "112", "", 1, 1},
				{"a", 0, "2020-01-02", "USA", "IRQ", "111", "", 1, 1},
				{"a", 0, "2020-01-03", "USA", "IRN", "111", "", 1, 1},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Collapse(tt.in)
			g := []want{}
			for _, c := range got {
				g = append(g, want{c.DocID, c.SentenceIndex, c.Date, c.Source.Code, c.Target.Code, c.Event.Event.Code, c.Modality, c.NumMentions, c.NumArticles})
			}
			if !reflect.DeepEqual(g, tt.want) {
				t.Errorf("Collapse:\n got %+v\nwant %+v", g, tt.want)
			}
		})
	}
}

// TestCollapseJSON pins the encoding the pipeline writes: the event's own
// fields with the two counts added at the top level.
func TestCollapseJSON(t *testing.T) {
	c := Collapse([]annalist.Event{ev("a", 0, "2020-01-02", "USA", "IRN", "111", "", 0, 2), ev("b", 1, "2020-01-02", "USA", "IRN", "111", "", 1)})
	b, err := json.Marshal(c[0])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]any{"doc_id": "a", "num_mentions": 3.0, "num_articles": 2.0, "mention_count": 2.0, "date": "2020-01-02"} {
		if !reflect.DeepEqual(m[k], want) {
			t.Errorf("%s = %v, want %v in %s", k, m[k], want, b)
		}
	}
}

// TestTallyOrderIndependent checks that any order of Add and any grouping of
// Merge gives what Collapse gives: the property a parallel runner relies on.
func TestTallyOrderIndependent(t *testing.T) {
	codes := []string{"010", "111", "190"}
	var events []annalist.Event
	for d := 0; d < 6; d++ {
		for s := 0; s < 4; s++ {
			mod := ""
			if s == 3 && d%2 == 1 {
				mod = "future"
			}
			// several events share (doc, sentence) and differ only in text.
			e := ev(string(rune('a'+d)), s%3, "2020-01-02", "USA", "IRN", codes[(d+s)%3], mod, s%3, (s+d)%4)
			e.Source.Text = string(rune('p' + s))
			events = append(events, e)
		}
	}
	want := Collapse(events)
	wantJSON := encodeAll(t, want)
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		perm := slices.Clone(events)
		rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		if got := encodeAll(t, Collapse(perm)); got != wantJSON {
			t.Fatalf("round %d: Collapse depends on order:\n got %s\nwant %s", round, got, wantJSON)
		}
		// split into random partial tallies per key, merge them in random order.
		parts := map[string][]*Tally{}
		for _, e := range perm {
			k := CollapseKey(&e)
			ps := parts[k]
			if len(ps) == 0 || rng.IntN(3) == 0 {
				ps = append(ps, &Tally{})
				parts[k] = ps
			}
			ps[rng.IntN(len(ps))].Add(e)
		}
		var got []CollapsedEvent
		for _, ps := range parts {
			rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
			var acc Tally
			for _, p := range ps {
				acc.Merge(*p)
			}
			acc.Merge(Tally{})
			got = append(got, acc.Result())
		}
		sort.Slice(got, func(i, j int) bool { return CollapseKey(&got[i].Event) < CollapseKey(&got[j].Event) })
		if g := encodeAll(t, got); g != wantJSON {
			t.Fatalf("round %d: merged tallies differ from Collapse:\n got %s\nwant %s", round, g, wantJSON)
		}
	}
}

// TestCollapseKeepsOneADayKeys checks that Collapse keeps exactly the keys
// OneADay keeps over the same events.
func TestCollapseKeepsOneADayKeys(t *testing.T) {
	events := []annalist.Event{
		ev("b", 0, "2020-01-02", "USA", "IRN", "111", ""), ev("a", 0, "2020-01-02", "USA", "IRN", "111", ""),
		ev("a", 1, "2020-01-02", "IRN", "USA", "111", ""), ev("a", 2, "2020-01-03", "IRN", "USA", "111", ""),
	}
	var one, col []string
	for _, e := range OneADay(events, map[string]bool{}) {
		one = append(one, CollapseKey(&e))
	}
	for _, c := range Collapse(events) {
		col = append(col, CollapseKey(&c.Event))
	}
	sort.Strings(one)
	if !reflect.DeepEqual(one, col) {
		t.Errorf("keys: OneADay %q, Collapse %q", one, col)
	}
}

func TestTallyDoesNotAlias(t *testing.T) {
	e := ev("a", 0, "2020-01-02", "USA", "IRN", "111", "", 0, 1)
	var x Tally
	x.Add(e)
	e.Mentions[0] = 5
	var y Tally
	y.Merge(x)
	y.Add(ev("a", 2, "2020-01-02", "USA", "IRN", "111", "", 2))
	if got := x.Articles[0].Sentences; !reflect.DeepEqual(got, []int{0, 1}) {
		t.Errorf("x changed through an alias: %v", got)
	}
	if got := y.Result().NumMentions; got != 3 {
		t.Errorf("NumMentions = %d, want 3", got)
	}
	var z Tally
	if !z.Empty() || z.Result().NumArticles != 0 {
		t.Errorf("zero tally not empty: %+v", z.Result())
	}
}

func encodeAll(tb testing.TB, cs []CollapsedEvent) string {
	tb.Helper()
	b, err := json.Marshal(cs)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

func BenchmarkCollapse(b *testing.B) {
	var events []annalist.Event
	for d := 0; d < 2000; d++ {
		for s := 0; s < 5; s++ {
			events = append(events, ev(string(rune('a'+d%26))+string(rune('a'+d/26%26)), s, "2020-01-02", "USA", []string{"IRN", "IRQ", "GBR"}[s%3], "111", ""))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		Collapse(events)
	}
}
