// Package store defines how coded articles are kept and queried; store/sqlite and store/postgres implement it with one behaviour.
package store

import (
	"context"
	"strings"

	"github.com/annalist/annalist"
)

// Store keeps coded documents and answers questions about their events.
// Implementations are safe for concurrent use. Errors are *annalist.Error:
// ENOTFOUND for a missing document, EINVALID for a bad filter or cursor,
// EUNAVAILABLE when the database cannot be reached.
type Store interface {
	// Put stores one coded document in a single transaction, replacing
	// everything stored before under the same document id (so re-ingesting
	// never duplicates). A failure leaves the previous version intact.
	Put(ctx context.Context, c *Coded) error
	// Hash returns the content hash recorded for a document id by Put, and
	// false when the document is not stored; ingest uses it to skip
	// documents already stored unchanged after an interrupted run.
	Hash(ctx context.Context, docID string) (string, bool, error)
	// Document returns a stored document with its sentences, events, quotes
	// and suggestions; ENOTFOUND if there is none.
	Document(ctx context.Context, id string) (*Coded, error)
	// Events returns events matching f, ordered by date, then document id,
	// then sentence index, then position, at most f.Limit of them (a default
	// applies when Limit is 0), and the cursor of the next page ("" on the last).
	Events(ctx context.Context, f Filter) ([]StoredEvent, string, error)
	// EachEvent calls fn for every event matching f in the same order as
	// Events, without a limit, streaming; fn's error stops the walk and is
	// returned.
	EachEvent(ctx context.Context, f Filter, fn func(*StoredEvent) error) error
	// Timeline counts matching events per interval ("day", "week" — ISO weeks
	// starting Monday — or "month") and per group ("quad": QuadClass, or
	// "root": CAMEO root code), in time order. Events without a date are not counted.
	Timeline(ctx context.Context, f Filter, interval, group string) ([]Bucket, error)
	// Dyads counts matching events per (source, target) pair of actor codes,
	// most frequent first, at most limit pairs (0: a default).
	Dyads(ctx context.Context, f Filter, limit int) ([]Dyad, error)
	// Stats returns the number of documents and events stored.
	Stats(ctx context.Context) (docs, events int, err error)
	// Close releases the database.
	Close() error
}

// Coded is one coded article as stored: the document (metadata, text, and
// sentences with their spans and kinds; tokens are not stored), its events,
// quotes and actor suggestions, and a hash of its input.
type Coded struct {
	Document    annalist.Document
	Events      []annalist.Event
	Quotes      []annalist.Quote
	Suggestions []annalist.Suggestion
	// Hash identifies the input that was coded (for example a SHA-256 of the
	// article's JSON); Put stores it and Hash returns it.
	Hash string
}

// StoredEvent is an event with its position in the store.
type StoredEvent struct {
	annalist.Event
	// ID is unique within the store and stable while the document is not re-ingested: "docid#n".
	ID string `json:"id"`
}

// Filter selects events. Empty fields do not filter. Actor codes match by
// prefix ("CHN" matches CHN, CHNGOV, CHNMIL); dates are YYYY-MM-DD and
// inclusive.
type Filter struct {
	From, To string
	// Actor matches the source or the target; Source and Target one side.
	Actor, Source, Target string
	// Country matches an event whose source or target code starts with this
	// country code, or whose location is in it (ISO 3166-1 alpha-3).
	Country string
	// Root is a two-digit CAMEO root ("19"); Code an event code prefix ("19", "193").
	Root, Code string
	// PLOVER is a PLOVER event type ("ASSAULT").
	PLOVER string
	// Quad is a QuadClass 0-4; -1 or unset (see HasQuad) means any.
	Quad    int
	HasQuad bool
	// Q is a full-text query over the documents' titles and texts; events of
	// matching documents are returned.
	Q string
	// DocID restricts to one document.
	DocID string
	// Limit bounds a page of Events; Cursor continues from a previous page.
	Limit  int
	Cursor string
}

// Bucket is one cell of a timeline.
type Bucket struct {
	// Period is the first day of the interval, YYYY-MM-DD.
	Period string `json:"period"`
	// Group is the QuadClass ("0".."4") or the CAMEO root ("01".."20").
	Group string `json:"group"`
	Count int    `json:"count"`
}

// Dyad is a (source, target) pair with its number of events.
type Dyad struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Count  int    `json:"count"`
	// Goldstein is the mean Goldstein score of the pair's events.
	Goldstein float64 `json:"goldstein"`
}

// DefaultLimit is the page size when Filter.Limit is 0; MaxLimit caps it.
const (
	DefaultLimit = 100
	MaxLimit     = 10000
)

// Validate checks a filter's values and fills defaults; it returns an
// EINVALID error naming the bad field.
func (f *Filter) Validate() error {
	for _, d := range []struct{ name, v string }{{"from", f.From}, {"to", f.To}} {
		if d.v != "" && !isDate(d.v) {
			return annalist.Errorf(annalist.EINVALID, "%s: want YYYY-MM-DD, got %q", d.name, d.v)
		}
	}
	if f.Root != "" && (len(f.Root) != 2 || !digits(f.Root)) {
		return annalist.Errorf(annalist.EINVALID, "root: want a two-digit CAMEO root, got %q", f.Root)
	}
	if f.Code != "" && !digits(f.Code) {
		return annalist.Errorf(annalist.EINVALID, "code: want CAMEO digits, got %q", f.Code)
	}
	if f.HasQuad && (f.Quad < 0 || f.Quad > 4) {
		return annalist.Errorf(annalist.EINVALID, "quad: want 0 to 4, got %d", f.Quad)
	}
	if f.Limit < 0 {
		return annalist.Errorf(annalist.EINVALID, "limit: must not be negative")
	}
	if f.Limit == 0 {
		f.Limit = DefaultLimit
	}
	if f.Limit > MaxLimit {
		f.Limit = MaxLimit
	}
	for _, c := range []struct{ name, v string }{{"actor", f.Actor}, {"source", f.Source}, {"target", f.Target}, {"country", f.Country}} {
		if strings.ContainsAny(c.v, "%_\\'\" ") {
			return annalist.Errorf(annalist.EINVALID, "%s: an actor code has letters and digits only, got %q", c.name, c.v)
		}
	}
	return nil
}

func isDate(s string) bool {
	return len(s) == 10 && s[4] == '-' && s[7] == '-' && digits(s[:4]) && digits(s[5:7]) && digits(s[8:])
}

func digits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
