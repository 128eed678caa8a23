package server

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

// fakeStore is an in-memory store.Store for tests of the HTTP layer: it
// records the last filter it was given and implements the Filter semantics
// of store.go simply (no indexes, offsets as cursors). fail, when set, is
// returned by every call.
type fakeStore struct {
	mu     sync.Mutex
	docs   map[string]*store.Coded
	order  []string
	last   store.Filter
	calls  int
	fail   error
	closed bool
}

func newFakeStore() *fakeStore { return &fakeStore{docs: map[string]*store.Coded{}} }

var _ store.Store = (*fakeStore)(nil)

func (f *fakeStore) Put(ctx context.Context, c *store.Coded) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return f.fail
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, ok := f.docs[c.Document.ID]; !ok {
		f.order = append(f.order, c.Document.ID)
	}
	cp := *c
	f.docs[c.Document.ID] = &cp
	return nil
}

func (f *fakeStore) Hash(ctx context.Context, id string) (string, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.docs[id]
	if !ok {
		return "", false, f.fail
	}
	return c.Hash, true, f.fail
}

func (f *fakeStore) Document(ctx context.Context, id string) (*store.Coded, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.fail != nil {
		return nil, f.fail
	}
	c, ok := f.docs[id]
	if !ok {
		return nil, annalist.Errorf(annalist.ENOTFOUND, "no document %q", id)
	}
	return c, nil
}

// all returns every stored event matching f in store order.
func (f *fakeStore) all(flt store.Filter) []store.StoredEvent {
	var out []store.StoredEvent
	for _, id := range f.order {
		c := f.docs[id]
		if flt.DocID != "" && flt.DocID != id {
			continue
		}
		if flt.Q != "" && !strings.Contains(strings.ToLower(c.Document.Title+" "+c.Document.Text), strings.ToLower(flt.Q)) {
			continue
		}
		for i, ev := range c.Events {
			if match(&ev, flt) {
				out = append(out, store.StoredEvent{Event: ev, ID: id + "#" + strconv.Itoa(i)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		if out[i].DocID != out[j].DocID {
			return out[i].DocID < out[j].DocID
		}
		return out[i].SentenceIndex < out[j].SentenceIndex
	})
	return out
}

func match(ev *annalist.Event, f store.Filter) bool {
	pre := strings.HasPrefix
	switch {
	case f.From != "" && ev.Date < f.From, f.To != "" && (ev.Date == "" || ev.Date > f.To):
		return false
	case f.Actor != "" && !pre(ev.Source.Code, f.Actor) && !pre(ev.Target.Code, f.Actor):
		return false
	case f.Source != "" && !pre(ev.Source.Code, f.Source), f.Target != "" && !pre(ev.Target.Code, f.Target):
		return false
	case f.Country != "" && !pre(ev.Source.Code, f.Country) && !pre(ev.Target.Code, f.Country) && (ev.Location == nil || ev.Location.Country != f.Country):
		return false
	case f.Root != "" && ev.Event.Root != f.Root, f.Code != "" && !pre(ev.Event.Code, f.Code):
		return false
	case f.PLOVER != "" && ev.Event.PLOVER != f.PLOVER, f.HasQuad && ev.Event.QuadClass != f.Quad:
		return false
	}
	return true
}

func (f *fakeStore) Events(ctx context.Context, flt store.Filter) ([]store.StoredEvent, string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.last, f.calls = flt, f.calls+1
	if f.fail != nil {
		return nil, "", f.fail
	}
	all := f.all(flt)
	off := 0
	if flt.Cursor != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(flt.Cursor, "off:"))
		if err != nil || !strings.HasPrefix(flt.Cursor, "off:") || n < 0 {
			return nil, "", annalist.Errorf(annalist.EINVALID, "cursor: not a cursor of this store")
		}
		off = n
	}
	if off > len(all) {
		off = len(all)
	}
	end := off + flt.Limit
	next := ""
	if end < len(all) {
		next = "off:" + strconv.Itoa(end)
	} else {
		end = len(all)
	}
	return all[off:end], next, nil
}

func (f *fakeStore) EachEvent(ctx context.Context, flt store.Filter, fn func(*store.StoredEvent) error) error {
	f.mu.Lock()
	f.last, f.calls = flt, f.calls+1
	if f.fail != nil {
		f.mu.Unlock()
		return f.fail
	}
	all := f.all(flt)
	f.mu.Unlock()
	for i := range all {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(&all[i]); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeStore) Timeline(ctx context.Context, flt store.Filter, interval, group string) ([]store.Bucket, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.last, f.calls = flt, f.calls+1
	if f.fail != nil {
		return nil, f.fail
	}
	count := map[[2]string]int{}
	for _, ev := range f.all(flt) {
		if len(ev.Date) != 10 {
			continue
		}
		d, _ := time.Parse("2006-01-02", ev.Date)
		switch interval {
		case "month":
			d = d.AddDate(0, 0, 1-d.Day())
		case "week":
			d = d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
		}
		g := strconv.Itoa(ev.Event.Event.QuadClass)
		if group == "root" {
			g = ev.Event.Event.Root
		}
		count[[2]string{d.Format("2006-01-02"), g}]++
	}
	out := []store.Bucket{}
	for k, n := range count {
		out = append(out, store.Bucket{Period: k[0], Group: k[1], Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Period != out[j].Period {
			return out[i].Period < out[j].Period
		}
		return out[i].Group < out[j].Group
	})
	return out, nil
}

func (f *fakeStore) Dyads(ctx context.Context, flt store.Filter, limit int) ([]store.Dyad, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.last, f.calls = flt, f.calls+1
	if f.fail != nil {
		return nil, f.fail
	}
	type acc struct {
		n   int
		sum float64
	}
	m := map[[2]string]*acc{}
	for _, ev := range f.all(flt) {
		k := [2]string{ev.Source.Code, ev.Target.Code}
		if m[k] == nil {
			m[k] = &acc{}
		}
		m[k].n++
		m[k].sum += ev.Event.Event.Goldstein
	}
	out := []store.Dyad{}
	for k, a := range m {
		out = append(out, store.Dyad{Source: k[0], Target: k[1], Count: a.n, Goldstein: a.sum / float64(a.n)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Source+out[i].Target < out[j].Source+out[j].Target
	})
	if limit == 0 {
		limit = store.DefaultLimit
	}
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (f *fakeStore) Stats(ctx context.Context) (int, int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.docs {
		n += len(c.Events)
	}
	return len(f.docs), n, f.fail
}

func (f *fakeStore) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

// lastFilter returns the filter of the last query.
func (f *fakeStore) lastFilter() store.Filter {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}
