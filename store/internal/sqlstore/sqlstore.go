// Package sqlstore implements store.Store over database/sql; the SQLite and PostgreSQL stores differ only in their Dialect and migrations.
package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

// Dialect is what differs between the databases.
type Dialect struct {
	// Name is used in error messages ("sqlite", "postgres").
	Name string
	// Rebind rewrites the '?' placeholders of a statement into the
	// database's own; nil keeps them.
	Rebind func(query string) string
	// FullText is a condition on the documents table (alias d) with one
	// placeholder, true for documents matching the query FullTextQuery builds.
	FullText string
	// FullTextQuery turns the words of Filter.Q into the placeholder's value.
	FullTextQuery func(words []string) string
	// Classify maps a driver error to an *annalist.Error (constraint
	// violations EINVALID, lost connections EUNAVAILABLE); nil means EINTERNAL.
	Classify func(err error) error
	// Lock is run first in the migration transaction to serialise
	// concurrent migrations ("" when BEGIN already locks).
	Lock string
}

// DB is a store.Store over a database whose schema the dialect's
// migrations created. It is safe for concurrent use.
type DB struct {
	db *sql.DB
	d  Dialect
}

// New wraps an open database; the caller has applied the migrations.
func New(db *sql.DB, d Dialect) *DB { return &DB{db: db, d: d} }

// SQL returns the underlying database handle.
func (s *DB) SQL() *sql.DB { return s.db }

func (s *DB) q(query string) string {
	if s.d.Rebind != nil {
		return s.d.Rebind(query)
	}
	return query
}

// wrap turns a database error into an *annalist.Error with context.
func (s *DB) wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	msg := fmt.Sprintf(format, args...)
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%s: %w", msg, err)
	}
	var ae *annalist.Error
	if errors.As(err, &ae) {
		return fmt.Errorf("%s: %w", msg, err)
	}
	if s.d.Classify != nil {
		if c := s.d.Classify(err); c != nil {
			return fmt.Errorf("%s: %w", msg, c)
		}
	}
	return fmt.Errorf("%s: %w", msg, annalist.Errorf(annalist.EINTERNAL, "%s: %v", s.d.Name, err))
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// eventRow is an event prepared for insertion.
type eventRow struct {
	seq, sentence, quad                                 int
	day, source, target, code, root, plover, locCountry string
	goldstein                                           float64
	data                                                []byte
}

// Day returns the first day of the period an event date names: YYYY-MM-DD
// as is, YYYY-MM as its first day, YYYY as 1 January, anything else "".
func Day(date string) string {
	switch {
	case len(date) >= 10 && isDay(date[:10]):
		return date[:10]
	case len(date) == 7 && isDay(date+"-01"):
		return date + "-01"
	case len(date) == 4 && isDay(date+"-01-01"):
		return date + "-01-01"
	}
	return ""
}

func isDay(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

// Put stores a coded document in one transaction, replacing the previous
// version. Events, quotes and suggestions whose DocID is empty get the
// document's id; a different DocID is EINVALID, as are an empty id and
// values JSON cannot encode (NaN). A database failure rolls back.
func (s *DB) Put(ctx context.Context, c *store.Coded) error {
	if c == nil || c.Document.ID == "" {
		return annalist.Errorf(annalist.EINVALID, "put: document without an id")
	}
	doc := &c.Document
	id := doc.ID
	evs := make([]eventRow, len(c.Events))
	for i := range c.Events {
		ev := c.Events[i]
		if ev.DocID == "" {
			ev.DocID = id
		} else if ev.DocID != id {
			return annalist.Errorf(annalist.EINVALID, "put %s: event %d belongs to document %q", id, i, ev.DocID)
		}
		if math.IsNaN(ev.Event.Goldstein) || math.IsInf(ev.Event.Goldstein, 0) {
			return annalist.Errorf(annalist.EINVALID, "put %s: event %d: Goldstein score %v", id, i, ev.Event.Goldstein)
		}
		b, err := json.Marshal(&ev)
		if err != nil {
			return annalist.Errorf(annalist.EINVALID, "put %s: event %d: %v", id, i, err)
		}
		r := eventRow{seq: i, sentence: ev.SentenceIndex, quad: ev.Event.QuadClass, day: Day(ev.Date),
			source: ev.Source.Code, target: ev.Target.Code, code: ev.Event.Code, root: ev.Event.Root,
			plover: ev.Event.PLOVER, goldstein: ev.Event.Goldstein, data: b}
		if ev.Location != nil {
			r.locCountry = ev.Location.Country
		}
		evs[i] = r
	}
	quotes := make([][]byte, len(c.Quotes))
	for i := range c.Quotes {
		q := c.Quotes[i]
		if q.DocID == "" {
			q.DocID = id
		} else if q.DocID != id {
			return annalist.Errorf(annalist.EINVALID, "put %s: quote %d belongs to document %q", id, i, q.DocID)
		}
		b, err := json.Marshal(&q)
		if err != nil {
			return annalist.Errorf(annalist.EINVALID, "put %s: quote %d: %v", id, i, err)
		}
		quotes[i] = b
	}
	sugs := make([][]byte, len(c.Suggestions))
	for i := range c.Suggestions {
		sg := c.Suggestions[i]
		if sg.DocID == "" {
			sg.DocID = id
		} else if sg.DocID != id {
			return annalist.Errorf(annalist.EINVALID, "put %s: suggestion %d belongs to document %q", id, i, sg.DocID)
		}
		b, err := json.Marshal(&sg)
		if err != nil {
			return annalist.Errorf(annalist.EINVALID, "put %s: suggestion %d: %v", id, i, err)
		}
		sugs[i] = b
	}
	date := ""
	if !doc.Date.IsZero() {
		date = doc.Date.Format(time.RFC3339Nano)
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return s.wrap(err, "put %s: begin", id)
	}
	defer tx.Rollback()
	for _, t := range []string{"events", "sentences", "quotes", "suggestions", "documents"} {
		col := "doc_id"
		if t == "documents" {
			col = "id"
		}
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM "+t+" WHERE "+col+" = ?"), id); err != nil {
			return s.wrap(err, "put %s: delete old %s", id, t)
		}
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO documents (id, title, source, url, date, dateline, text, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
		id, doc.Title, doc.Source, doc.URL, date, doc.Dateline, doc.Text, c.Hash); err != nil {
		return s.wrap(err, "put %s: insert document", id)
	}
	if err := insertRows(ctx, tx, s, "sentences", "doc_id, idx, span_start, span_end, text, kind", 6, len(doc.Sentences), func(i int, a []any) []any {
		st := &doc.Sentences[i]
		return append(a, id, st.Index, st.Span.Start, st.Span.End, st.Text, string(st.Kind))
	}); err != nil {
		return s.wrap(err, "put %s: insert sentences", id)
	}
	if err := insertRows(ctx, tx, s, "events", "doc_id, seq, day, sentence_index, source, target, code, root, quad, plover, goldstein, loc_country, data", 13, len(evs), func(i int, a []any) []any {
		r := &evs[i]
		return append(a, id, r.seq, r.day, r.sentence, r.source, r.target, r.code, r.root, r.quad, r.plover, r.goldstein, r.locCountry, string(r.data))
	}); err != nil {
		return s.wrap(err, "put %s: insert events", id)
	}
	if err := insertRows(ctx, tx, s, "quotes", "doc_id, seq, data", 3, len(quotes), func(i int, a []any) []any {
		return append(a, id, i, string(quotes[i]))
	}); err != nil {
		return s.wrap(err, "put %s: insert quotes", id)
	}
	if err := insertRows(ctx, tx, s, "suggestions", "doc_id, seq, name, code, data", 5, len(sugs), func(i int, a []any) []any {
		return append(a, id, i, c.Suggestions[i].Name, c.Suggestions[i].Code, string(sugs[i]))
	}); err != nil {
		return s.wrap(err, "put %s: insert suggestions", id)
	}
	if err := tx.Commit(); err != nil {
		return s.wrap(err, "put %s: commit", id)
	}
	return nil
}

// insertRows inserts n rows of ncol columns with multi-row INSERTs of at most 100 rows.
func insertRows(ctx context.Context, tx *sql.Tx, s *DB, table, cols string, ncol, n int, row func(i int, a []any) []any) error {
	const batch = 100
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", ncol), ", ") + ")"
	var args []any
	for start := 0; start < n; start += batch {
		end := min(start+batch, n)
		args = args[:0]
		var sb strings.Builder
		sb.WriteString("INSERT INTO " + table + " (" + cols + ") VALUES ")
		for i := start; i < end; i++ {
			if i > start {
				sb.WriteString(", ")
			}
			sb.WriteString(one)
			args = row(i, args)
		}
		if _, err := tx.ExecContext(ctx, s.q(sb.String()), args...); err != nil {
			return err
		}
	}
	return nil
}

// Hash returns the hash Put recorded for a document, and false if it is not stored.
func (s *DB) Hash(ctx context.Context, docID string) (string, bool, error) {
	var h string
	err := s.db.QueryRowContext(ctx, s.q("SELECT hash FROM documents WHERE id = ?"), docID).Scan(&h)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	if err != nil {
		return "", false, s.wrap(err, "hash %s", docID)
	}
	return h, true, nil
}

// Document returns a stored document with its sentences (without tokens),
// events, quotes and suggestions in the order Put received them; ENOTFOUND
// if the id is not stored.
func (s *DB) Document(ctx context.Context, id string) (*store.Coded, error) {
	c := &store.Coded{}
	var date string
	err := s.db.QueryRowContext(ctx, s.q("SELECT id, title, source, url, date, dateline, text, hash FROM documents WHERE id = ?"), id).
		Scan(&c.Document.ID, &c.Document.Title, &c.Document.Source, &c.Document.URL, &date, &c.Document.Dateline, &c.Document.Text, &c.Hash)
	if err == sql.ErrNoRows {
		return nil, annalist.Errorf(annalist.ENOTFOUND, "document %q not found", id)
	}
	if err != nil {
		return nil, s.wrap(err, "document %s", id)
	}
	if date != "" {
		t, err := time.Parse(time.RFC3339Nano, date)
		if err != nil {
			return nil, annalist.Errorf(annalist.EINTERNAL, "document %s: stored date %q: %v", id, date, err)
		}
		c.Document.Date = t
	}
	rows, err := s.db.QueryContext(ctx, s.q("SELECT idx, span_start, span_end, text, kind FROM sentences WHERE doc_id = ? ORDER BY idx"), id)
	if err != nil {
		return nil, s.wrap(err, "document %s: sentences", id)
	}
	for rows.Next() {
		var st annalist.Sentence
		var kind string
		if err := rows.Scan(&st.Index, &st.Span.Start, &st.Span.End, &st.Text, &kind); err != nil {
			rows.Close()
			return nil, s.wrap(err, "document %s: sentences", id)
		}
		st.Kind = annalist.SentenceKind(kind)
		c.Document.Sentences = append(c.Document.Sentences, st)
	}
	if err := rows.Close(); err != nil {
		return nil, s.wrap(err, "document %s: sentences", id)
	}
	if err := s.jsonRows(ctx, "SELECT data FROM events WHERE doc_id = ? ORDER BY seq", id, func(b []byte) error {
		var ev annalist.Event
		c.Events = append(c.Events, ev)
		return json.Unmarshal(b, &c.Events[len(c.Events)-1])
	}); err != nil {
		return nil, s.wrap(err, "document %s: events", id)
	}
	if err := s.jsonRows(ctx, "SELECT data FROM quotes WHERE doc_id = ? ORDER BY seq", id, func(b []byte) error {
		var q annalist.Quote
		c.Quotes = append(c.Quotes, q)
		return json.Unmarshal(b, &c.Quotes[len(c.Quotes)-1])
	}); err != nil {
		return nil, s.wrap(err, "document %s: quotes", id)
	}
	if err := s.jsonRows(ctx, "SELECT data FROM suggestions WHERE doc_id = ? ORDER BY seq", id, func(b []byte) error {
		var sg annalist.Suggestion
		c.Suggestions = append(c.Suggestions, sg)
		return json.Unmarshal(b, &c.Suggestions[len(c.Suggestions)-1])
	}); err != nil {
		return nil, s.wrap(err, "document %s: suggestions", id)
	}
	return c, nil
}

func (s *DB) jsonRows(ctx context.Context, query, id string, fn func([]byte) error) error {
	rows, err := s.db.QueryContext(ctx, s.q(query), id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			return err
		}
		if err := fn(b); err != nil {
			return annalist.Errorf(annalist.EINTERNAL, "stored JSON: %v", err)
		}
	}
	return rows.Err()
}

// Stats returns the number of documents and events stored.
func (s *DB) Stats(ctx context.Context) (docs, events int, err error) {
	if err := s.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)").Scan(&docs, &events); err != nil {
		return 0, 0, s.wrap(err, "stats")
	}
	return docs, events, nil
}

// itoa is strconv.Itoa, short.
func itoa(n int) string { return strconv.Itoa(n) }
