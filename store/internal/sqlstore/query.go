package sqlstore

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

// cond is a WHERE clause over the events table (alias e) and its arguments.
type cond struct {
	parts []string
	args  []any
}

func (c *cond) add(part string, args ...any) {
	c.parts = append(c.parts, part)
	c.args = append(c.args, args...)
}

func (c *cond) sql() string {
	if len(c.parts) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(c.parts, " AND ")
}

// prefixRange returns the condition "col starts with p" as a range scan
// col >= p AND col < next(p), which an index on col serves.
func prefixRange(col, p string) (string, []any) {
	hi := prefixEnd(p)
	if hi == "" {
		return col + " >= ?", []any{p}
	}
	return "(" + col + " >= ? AND " + col + " < ?)", []any{p, hi}
}

// prefixEnd returns the smallest string greater than every string starting
// with p, or "" if there is none.
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return ""
}

// Words splits a full-text query into the words both databases index:
// maximal runs of letters and digits, lower-cased.
func Words(q string) []string {
	return strings.FieldsFunc(strings.ToLower(q), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// where builds the condition for a validated filter, without the cursor.
func (s *DB) where(f *store.Filter) (cond, error) {
	var c cond
	if f.From != "" {
		c.add("e.day >= ?", f.From)
	}
	if f.To != "" {
		c.add("e.day <> '' AND e.day <= ?", f.To)
	}
	if f.Actor != "" {
		a, aa := prefixRange("e.source", f.Actor)
		b, ba := prefixRange("e.target", f.Actor)
		c.add("("+a+" OR "+b+")", append(aa, ba...)...)
	}
	if f.Source != "" {
		p, a := prefixRange("e.source", f.Source)
		c.add(p, a...)
	}
	if f.Target != "" {
		p, a := prefixRange("e.target", f.Target)
		c.add(p, a...)
	}
	if f.Country != "" {
		a, aa := prefixRange("e.source", f.Country)
		b, ba := prefixRange("e.target", f.Country)
		c.add("("+a+" OR "+b+" OR e.loc_country = ?)", append(append(aa, ba...), f.Country)...)
	}
	if f.Root != "" {
		c.add("e.root = ?", f.Root)
	}
	if f.Code != "" {
		p, a := prefixRange("e.code", f.Code)
		c.add(p, a...)
	}
	if f.PLOVER != "" {
		c.add("e.plover = ?", f.PLOVER)
	}
	if f.HasQuad {
		c.add("e.quad = ?", f.Quad)
	}
	if f.DocID != "" {
		c.add("e.doc_id = ?", f.DocID)
	}
	if f.Q != "" {
		w := Words(f.Q)
		if len(w) == 0 {
			return c, annalist.Errorf(annalist.EINVALID, "q: no words to search for in %q", f.Q)
		}
		c.add("e.doc_id IN (SELECT d.id FROM documents d WHERE "+s.d.FullText+")", s.d.FullTextQuery(w))
	}
	return c, nil
}

// key is an event's position in the Events order.
type key struct {
	Day      string
	DocID    string
	Sentence int
	Seq      int
}

func encodeCursor(k key) string {
	b, _ := json.Marshal([]any{k.Day, k.DocID, k.Sentence, k.Seq})
	return base64.RawURLEncoding.EncodeToString(b)
}

func decodeCursor(s string) (key, error) {
	bad := annalist.Errorf(annalist.EINVALID, "cursor: %q is not a cursor from a previous page", s)
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return key{}, bad
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil || len(raw) != 4 {
		return key{}, bad
	}
	var k key
	if json.Unmarshal(raw[0], &k.Day) != nil || json.Unmarshal(raw[1], &k.DocID) != nil ||
		json.Unmarshal(raw[2], &k.Sentence) != nil || json.Unmarshal(raw[3], &k.Seq) != nil {
		return key{}, bad
	}
	return k, nil
}

const eventOrder = " ORDER BY e.day, e.doc_id, e.sentence_index, e.seq"

// page reads up to n events after k (or from the start when after is nil).
func (s *DB) page(ctx context.Context, c cond, after *key, n int, fn func(k key, ev *store.StoredEvent) error) (int, error) {
	parts, args := c.parts, c.args
	if after != nil {
		parts = append(parts[:len(parts):len(parts)], "(e.day, e.doc_id, e.sentence_index, e.seq) > (?, ?, ?, ?)")
		args = append(args[:len(args):len(args)], after.Day, after.DocID, after.Sentence, after.Seq)
	}
	w := cond{parts: parts, args: args}
	// The keys are sorted and cut first, then the page's rows read: a sort
	// then carries small keys, not every matching event's JSON.
	query := "SELECT e.day, e.doc_id, e.sentence_index, e.seq, e.data FROM (SELECT e.doc_id, e.seq FROM events e" + w.sql() + eventOrder + " LIMIT " + itoa(n) +
		") k JOIN events e ON e.doc_id = k.doc_id AND e.seq = k.seq" + eventOrder
	rows, err := s.db.QueryContext(ctx, s.q(query), w.args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	count := 0
	for rows.Next() {
		var k key
		var data []byte
		if err := rows.Scan(&k.Day, &k.DocID, &k.Sentence, &k.Seq, &data); err != nil {
			return count, err
		}
		ev := &store.StoredEvent{ID: k.DocID + "#" + itoa(k.Seq)}
		if err := json.Unmarshal(data, &ev.Event); err != nil {
			return count, annalist.Errorf(annalist.EINTERNAL, "event %s: stored JSON: %v", ev.ID, err)
		}
		count++
		if err := fn(k, ev); err != nil {
			return count, err
		}
	}
	return count, rows.Err()
}

// Events returns one page of matching events in store order and the cursor
// of the next page ("" on the last). A bad filter or cursor is EINVALID.
func (s *DB) Events(ctx context.Context, f store.Filter) ([]store.StoredEvent, string, error) {
	if err := f.Validate(); err != nil {
		return nil, "", err
	}
	c, err := s.where(&f)
	if err != nil {
		return nil, "", err
	}
	var after *key
	if f.Cursor != "" {
		k, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, "", err
		}
		after = &k
	}
	out := []store.StoredEvent{}
	var keys []key
	if _, err := s.page(ctx, c, after, f.Limit+1, func(k key, ev *store.StoredEvent) error {
		out = append(out, *ev)
		keys = append(keys, k)
		return nil
	}); err != nil {
		return nil, "", s.wrap(err, "events")
	}
	next := ""
	if len(out) > f.Limit {
		out = out[:f.Limit]
		next = encodeCursor(keys[f.Limit-1])
	}
	return out, next, nil
}

// eachBatch is how many events EachEvent reads per query: the walk holds
// no read transaction between batches, so writers and checkpoints go on.
const eachBatch = 1000

// EachEvent calls fn for every matching event in Events order, starting
// after f.Cursor if set and ignoring f.Limit. It reads in batches of 1000
// with keyset paging, so memory is bounded and no transaction stays open
// while fn runs; events Put during the walk may or may not be seen. fn's
// error stops the walk and is returned as is.
func (s *DB) EachEvent(ctx context.Context, f store.Filter, fn func(*store.StoredEvent) error) error {
	if err := f.Validate(); err != nil {
		return err
	}
	c, err := s.where(&f)
	if err != nil {
		return err
	}
	var after *key
	if f.Cursor != "" {
		k, err := decodeCursor(f.Cursor)
		if err != nil {
			return err
		}
		after = &k
	}
	for {
		var batch []store.StoredEvent
		var last key
		n, err := s.page(ctx, c, after, eachBatch, func(k key, ev *store.StoredEvent) error {
			batch = append(batch, *ev)
			last = k
			return nil
		})
		if err != nil {
			return s.wrap(err, "events")
		}
		for i := range batch {
			if err := fn(&batch[i]); err != nil {
				return err
			}
		}
		if n < eachBatch {
			return nil
		}
		after = &last
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// Timeline counts matching events per interval and group; see store.Store.
// An unknown interval or group is EINVALID; Limit and Cursor are ignored.
func (s *DB) Timeline(ctx context.Context, f store.Filter, interval, group string) ([]store.Bucket, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var period func(day time.Time) time.Time
	switch interval {
	case "day":
		period = func(d time.Time) time.Time { return d }
	case "week":
		period = func(d time.Time) time.Time { return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7)) }
	case "month":
		period = func(d time.Time) time.Time { return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC) }
	default:
		return nil, annalist.Errorf(annalist.EINVALID, "interval: want day, week or month, got %q", interval)
	}
	var col string
	switch group {
	case "quad":
		col = "e.quad"
	case "root":
		col = "e.root"
	default:
		return nil, annalist.Errorf(annalist.EINVALID, "group: want quad or root, got %q", group)
	}
	c, err := s.where(&f)
	if err != nil {
		return nil, err
	}
	c.add("e.day <> ''")
	rows, err := s.db.QueryContext(ctx, s.q("SELECT e.day, "+col+", count(*) FROM events e"+c.sql()+" GROUP BY e.day, "+col), c.args...)
	if err != nil {
		return nil, s.wrap(err, "timeline")
	}
	defer rows.Close()
	counts := map[[2]string]int{}
	for rows.Next() {
		var day, g string
		var n int
		if err := rows.Scan(&day, &g, &n); err != nil {
			return nil, s.wrap(err, "timeline")
		}
		d, err := time.Parse("2006-01-02", day)
		if err != nil {
			return nil, annalist.Errorf(annalist.EINTERNAL, "timeline: stored day %q", day)
		}
		counts[[2]string{period(d).Format("2006-01-02"), g}] += n
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err, "timeline")
	}
	out := make([]store.Bucket, 0, len(counts))
	for k, n := range counts {
		out = append(out, store.Bucket{Period: k[0], Group: k[1], Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Period != out[j].Period {
			return out[i].Period < out[j].Period
		}
		return groupLess(out[i].Group, out[j].Group)
	})
	return out, nil
}

// groupLess orders groups numerically when both are numbers ("2" < "10").
func groupLess(a, b string) bool {
	if len(a) != len(b) && isDigits(a) && isDigits(b) {
		return len(a) < len(b)
	}
	return a < b
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Dyads counts matching events per (source, target), most frequent first,
// ties by source then target; limit 0 means store.DefaultLimit, more than
// store.MaxLimit is capped, a negative limit is EINVALID.
func (s *DB) Dyads(ctx context.Context, f store.Filter, limit int) ([]store.Dyad, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	switch {
	case limit < 0:
		return nil, annalist.Errorf(annalist.EINVALID, "limit: must not be negative")
	case limit == 0:
		limit = store.DefaultLimit
	case limit > store.MaxLimit:
		limit = store.MaxLimit
	}
	c, err := s.where(&f)
	if err != nil {
		return nil, err
	}
	query := "SELECT e.source, e.target, count(*), sum(e.goldstein) FROM events e" + c.sql() +
		" GROUP BY e.source, e.target ORDER BY count(*) DESC, e.source, e.target LIMIT " + itoa(limit)
	rows, err := s.db.QueryContext(ctx, s.q(query), c.args...)
	if err != nil {
		return nil, s.wrap(err, "dyads")
	}
	defer rows.Close()
	out := []store.Dyad{}
	for rows.Next() {
		var d store.Dyad
		var sum float64
		if err := rows.Scan(&d.Source, &d.Target, &d.Count, &sum); err != nil {
			return nil, s.wrap(err, "dyads")
		}
		d.Goldstein = sum / float64(d.Count)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, s.wrap(err, "dyads")
	}
	return out, nil
}
