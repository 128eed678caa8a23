package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/text"
)

// article is one article as clients send it: the JSON Lines record of
// `annalist code` ({"id", "date", "title", "text", "source", "url"}).
// Unknown fields are ignored, as the command line does.
type article struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Text   string `json:"text"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

// maxIDLen bounds document ids; ids are keys and appear in URLs.
const maxIDLen = 512

// document checks an article and makes it a document. The text is required;
// an empty id is derived from the text ("text-" and 16 hex digits of its
// SHA-256), so sending the same text twice names the same document. Errors
// are EINVALID and name the field.
func (a *article) document() (*annalist.Document, error) {
	if strings.TrimSpace(a.Text) == "" {
		return nil, annalist.Errorf(annalist.EINVALID, "text: required and not blank")
	}
	if !utf8.ValidString(a.Text) {
		return nil, annalist.Errorf(annalist.EINVALID, "text: not valid UTF-8")
	}
	id := a.ID
	if id == "" {
		sum := sha256.Sum256([]byte(a.Text))
		id = "text-" + hex.EncodeToString(sum[:8])
	}
	if err := checkID(id); err != nil {
		return nil, err
	}
	doc := &annalist.Document{ID: id, Title: a.Title, Source: a.Source, URL: a.URL, Text: a.Text}
	if a.Date != "" {
		d, err := text.ParseDate(a.Date)
		if err != nil {
			return nil, annalist.Errorf(annalist.EINVALID, "date: want YYYY-MM-DD, got %q", a.Date)
		}
		doc.Date = d
	}
	return doc, nil
}

// checkID refuses ids that are too long, not UTF-8 or contain control characters.
func checkID(id string) error {
	if len(id) > maxIDLen {
		return annalist.Errorf(annalist.EINVALID, "id: longer than %d bytes", maxIDLen)
	}
	if !utf8.ValidString(id) {
		return annalist.Errorf(annalist.EINVALID, "id: not valid UTF-8")
	}
	for _, r := range id {
		if unicode.IsControl(r) {
			return annalist.Errorf(annalist.EINVALID, "id: contains a control character")
		}
	}
	return nil
}

// hash identifies an article's input for store.Coded.Hash: the SHA-256 of
// its fields in a fixed order.
func (a *article) hash(id string) string {
	h := sha256.New()
	for _, f := range []string{id, a.Date, a.Title, a.Source, a.URL, a.Text} {
		fmt.Fprintf(h, "%d:%s\x00", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// decodeArticle reads one JSON article object that must be the whole input.
func decodeArticle(r io.Reader) (*article, error) {
	dec := json.NewDecoder(r)
	var a article
	if err := dec.Decode(&a); err != nil {
		return nil, jsonError(err)
	}
	if dec.More() {
		return nil, annalist.Errorf(annalist.EINVALID, "body: one JSON object expected, found more after it (send application/x-ndjson for a batch)")
	}
	var rest json.RawMessage
	if err := dec.Decode(&rest); err != io.EOF {
		return nil, annalist.Errorf(annalist.EINVALID, "body: one JSON object expected, found more after it")
	}
	return &a, nil
}

// jsonError describes a JSON decoding error without Go type names; reading
// errors (an over-long body) pass through.
func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case err == io.EOF:
		return annalist.Errorf(annalist.EINVALID, "body: empty, want a JSON object")
	case err == io.ErrUnexpectedEOF:
		return annalist.Errorf(annalist.EINVALID, "body: JSON ends early")
	case errors.As(err, &se):
		return annalist.Errorf(annalist.EINVALID, "body: malformed JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		if te.Field == "" {
			return annalist.Errorf(annalist.EINVALID, "body: want a JSON object, got %s", te.Value)
		}
		return annalist.Errorf(annalist.EINVALID, "%s: want a %s, got %s", te.Field, te.Type, te.Value)
	}
	return err
}

// mediaType returns the request's media type, lower case without parameters
// ("" when absent or unparsable).
func mediaType(r *http.Request) string {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return ""
	}
	return mt
}

// code answers POST /v1/code: it codes one article without storing it. The
// body is a JSON article, or with Content-Type text/plain the text itself
// (date, title and id then come from the query).
func (s *server) code(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r, map[string]bool{"tokens": true, "date": true, "title": true, "id": true}); err != nil {
		return err
	}
	if err := s.needEngine(); err != nil {
		return err
	}
	q := r.URL.Query()
	var a *article
	switch mt := mediaType(r); mt {
	case "text/plain":
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		a = &article{Text: string(b), Date: q.Get("date"), Title: q.Get("title"), ID: q.Get("id")}
	case "application/json", "":
		if q.Has("date") || q.Has("title") || q.Has("id") {
			return annalist.Errorf(annalist.EINVALID, "date, title and id go in the JSON body; the query takes them only with Content-Type text/plain")
		}
		var err error
		if a, err = decodeArticle(r.Body); err != nil {
			return err
		}
	default:
		return statusError{http.StatusUnsupportedMediaType, annalist.Errorf(annalist.EINVALID,
			"Content-Type %s: want application/json or text/plain", mt)}
	}
	tokens, err := boolParam(q, "tokens")
	if err != nil {
		return err
	}
	doc, err := a.document()
	if err != nil {
		return err
	}
	res, err := s.codeDocument(r.Context(), doc)
	if err != nil {
		return err
	}
	v := newDocView(doc, res.Events, res.Quotes, res.Suggestions, tokens)
	v.Coding = &codingStats{Sentences: res.Sentences, Skipped: res.Skipped, Withheld: res.Withheld, StoryDiscard: res.StoryDiscard}
	return writeJSON(w, http.StatusOK, v)
}

// boolParam reads a boolean query parameter: absent, "0", "false" or "1", "true".
func boolParam(q map[string][]string, name string) (bool, error) {
	v, ok := q[name]
	if !ok {
		return false, nil
	}
	switch strings.ToLower(v[len(v)-1]) {
	case "", "1", "true", "yes":
		return true, nil
	case "0", "false", "no":
		return false, nil
	}
	return false, annalist.Errorf(annalist.EINVALID, "%s: want 1 or 0, got %q", name, v[len(v)-1])
}

// codeDocument codes one document while holding a coding slot. A panic in
// the coder becomes an EINTERNAL error for this document only.
func (s *server) codeDocument(ctx context.Context, doc *annalist.Document) (res *engine.DocumentResult, err error) {
	select {
	case s.coding <- struct{}{}:
	case <-ctx.Done():
		return nil, fmt.Errorf("wait to code %s: %w", doc.ID, ctx.Err())
	}
	defer func() { <-s.coding }()
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, annalist.Errorf(annalist.EINTERNAL, "coding %s: panic: %v", doc.ID, p)
		}
	}()
	res, err = s.eng.CodeDocument(doc)
	if err != nil {
		return nil, fmt.Errorf("code %s: %w", doc.ID, err)
	}
	return res, nil
}

// docView is one article as the API shows it, coded (/v1/code) or stored
// (/v1/documents/{id}): the UI renders both the same way.
type docView struct {
	Document    docMeta               `json:"document"`
	Sentences   []sentenceView        `json:"sentences"`
	Events      []annalist.Event      `json:"events"`
	Quotes      []annalist.Quote      `json:"quotes"`
	Actors      []actorMention        `json:"actors"`
	Suggestions []annalist.Suggestion `json:"suggestions"`
	// Coding is set by /v1/code only.
	Coding *codingStats `json:"coding,omitempty"`
}

// docMeta is a document's metadata and text; Date is YYYY-MM-DD or empty.
type docMeta struct {
	ID       string `json:"id"`
	Title    string `json:"title,omitempty"`
	Date     string `json:"date,omitempty"`
	Dateline string `json:"dateline,omitempty"`
	Source   string `json:"source,omitempty"`
	URL      string `json:"url,omitempty"`
	Text     string `json:"text"`
}

// sentenceView is a sentence with its kind spelled out ("body" rather than "").
type sentenceView struct {
	Index  int              `json:"index"`
	Text   string           `json:"text"`
	Span   annalist.Span    `json:"span"`
	Kind   string           `json:"kind"`
	Tokens []annalist.Token `json:"tokens,omitempty"`
}

// actorMention is one distinct actor mention: an event's source or target
// as found in a sentence, with the events it takes part in.
type actorMention struct {
	SentenceIndex int `json:"sentence_index"`
	annalist.Actor
	// Roles are "source" and/or "target".
	Roles []string `json:"roles"`
	// Events are indexes into the view's events.
	Events []int `json:"events"`
}

// codingStats says what coding did besides events.
type codingStats struct {
	Sentences    int    `json:"sentences"`
	Skipped      int    `json:"skipped"`
	Withheld     int    `json:"withheld"`
	StoryDiscard string `json:"story_discard,omitempty"`
}

// newDocView builds the view of a document and what coding it produced.
func newDocView(doc *annalist.Document, events []annalist.Event, quotes []annalist.Quote, sugg []annalist.Suggestion, tokens bool) *docView {
	v := &docView{
		Document: docMeta{ID: doc.ID, Title: doc.Title, Dateline: doc.Dateline, Source: doc.Source, URL: doc.URL, Text: doc.Text},
		Events:   nonNil(events), Quotes: nonNil(quotes), Suggestions: nonNil(sugg),
		Sentences: make([]sentenceView, 0, len(doc.Sentences)),
		Actors:    actorMentions(events),
	}
	if !doc.Date.IsZero() {
		v.Document.Date = doc.Date.Format("2006-01-02")
	}
	for _, s := range doc.Sentences {
		sv := sentenceView{Index: s.Index, Text: s.Text, Span: s.Span, Kind: string(s.Kind)}
		if sv.Kind == "" {
			sv.Kind = "body"
		}
		if tokens {
			sv.Tokens = s.Tokens
		}
		v.Sentences = append(v.Sentences, sv)
	}
	return v
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// actorMentions lists the distinct source and target mentions of events,
// in text order: one per sentence, span and code.
func actorMentions(events []annalist.Event) []actorMention {
	type key struct {
		sent, start, end int
		code             string
	}
	idx := map[key]int{}
	out := []actorMention{}
	add := func(i int, ev *annalist.Event, a *annalist.Actor, role string) {
		k := key{ev.SentenceIndex, a.Span.Start, a.Span.End, a.Code}
		j, ok := idx[k]
		if !ok {
			j = len(out)
			idx[k] = j
			out = append(out, actorMention{SentenceIndex: ev.SentenceIndex, Actor: *a, Roles: []string{}, Events: []int{}})
		}
		m := &out[j]
		if !contains(m.Roles, role) {
			m.Roles = append(m.Roles, role)
		}
		if n := len(m.Events); n == 0 || m.Events[n-1] != i {
			m.Events = append(m.Events, i)
		}
	}
	for i := range events {
		ev := &events[i]
		add(i, ev, &ev.Source, "source")
		add(i, ev, &ev.Target, "target")
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.SentenceIndex != b.SentenceIndex {
			return a.SentenceIndex < b.SentenceIndex
		}
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Span.End < b.Span.End
	})
	return out
}

// storedView builds the view of a stored document.
func storedView(c *store.Coded) *docView {
	return newDocView(&c.Document, c.Events, c.Quotes, c.Suggestions, false)
}
