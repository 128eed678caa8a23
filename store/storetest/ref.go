package storetest

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

// ref is an in-memory model of the Filter semantics written from the
// store.Store documentation, independent of the SQL: the stores' answers
// on the coded corpus are compared with it.
type ref struct {
	docs map[string]*store.Coded
}

func newRef(cs []*store.Coded) *ref {
	r := &ref{docs: map[string]*store.Coded{}}
	for _, c := range cs {
		r.docs[c.Document.ID] = c
	}
	return r
}

type refEvent struct {
	id       string
	day, doc string
	sent     int
	seq      int
	ev       *annalist.Event
}

// refDay is the first day of an event date's period, "" if it has none.
func refDay(date string) string {
	for _, try := range []struct{ layout, suffix string }{{"2006-01-02", ""}, {"2006-01-02", "-01"}, {"2006-01-02", "-01-01"}} {
		if _, err := time.Parse(try.layout, date+try.suffix); err == nil && len(date+try.suffix) == 10 {
			return date + try.suffix
		}
	}
	return ""
}

func refWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		m[w] = true
	}
	return m
}

func (r *ref) match(f store.Filter, e refEvent) bool {
	ev := e.ev
	if f.From != "" && (e.day == "" || e.day < f.From) {
		return false
	}
	if f.To != "" && (e.day == "" || e.day > f.To) {
		return false
	}
	has := strings.HasPrefix
	if f.Actor != "" && !has(ev.Source.Code, f.Actor) && !has(ev.Target.Code, f.Actor) {
		return false
	}
	if f.Source != "" && !has(ev.Source.Code, f.Source) {
		return false
	}
	if f.Target != "" && !has(ev.Target.Code, f.Target) {
		return false
	}
	if f.Country != "" && !has(ev.Source.Code, f.Country) && !has(ev.Target.Code, f.Country) && (ev.Location == nil || ev.Location.Country != f.Country) {
		return false
	}
	if f.Root != "" && ev.Event.Root != f.Root {
		return false
	}
	if f.Code != "" && !has(ev.Event.Code, f.Code) {
		return false
	}
	if f.PLOVER != "" && ev.Event.PLOVER != f.PLOVER {
		return false
	}
	if f.HasQuad && ev.Event.QuadClass != f.Quad {
		return false
	}
	if f.DocID != "" && e.doc != f.DocID {
		return false
	}
	if f.Q != "" {
		d := r.docs[e.doc].Document
		words := refWords(d.Title + " " + d.Text)
		for w := range refWords(f.Q) {
			if !words[w] {
				return false
			}
		}
	}
	return true
}

// events returns the ids of matching events in store order.
func (r *ref) events(f store.Filter) []string {
	var all []refEvent
	for _, c := range r.docs {
		for i := range c.Events {
			ev := &c.Events[i]
			all = append(all, refEvent{id: c.Document.ID + "#" + strconv.Itoa(i), day: refDay(ev.Date), doc: c.Document.ID, sent: ev.SentenceIndex, seq: i, ev: ev})
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.day != b.day {
			return a.day < b.day
		}
		if a.doc != b.doc {
			return a.doc < b.doc
		}
		if a.sent != b.sent {
			return a.sent < b.sent
		}
		return a.seq < b.seq
	})
	ids := []string{}
	for _, e := range all {
		if r.match(f, e) {
			ids = append(ids, e.id)
		}
	}
	return ids
}
