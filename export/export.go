// Package export writes events in the formats analysts use: JSON Lines, TSV, CSV, PETRARCH, GDELT 1.0, ICEWS and Phoenix.
package export

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// Writer writes events one at a time. Call Flush at the end.
type Writer interface {
	Write(ev *annalist.Event) error
	Flush() error
}

// Formats lists the format names NewWriter accepts.
func Formats() []string {
	fs := make([]string, 0, len(formats))
	for k := range formats {
		fs = append(fs, k)
	}
	sort.Strings(fs)
	return fs
}

// DocumentWriter is implemented by formats that write whole articles.
type DocumentWriter interface {
	WriteDocument(doc *annalist.Document, c DocumentCoding) error
}

// DocumentCoding is what coding one article gave, as the documents format
// writes it next to the article's metadata.
type DocumentCoding struct {
	Events      []annalist.Event
	Quotes      []annalist.Quote
	Suggestions []annalist.Suggestion
	// Sentences is the number of sentences analysed, Skipped those a
	// sentence-level discard phrase excluded, Withheld the events not
	// reported as negated, hypothetical or background; StoryDiscard is the
	// story-level discard phrase that set the whole article aside ("" if
	// none), so that an article with no events says why.
	Sentences, Skipped, Withheld int
	StoryDiscard                 string
}

var formats = map[string]func(w *bufio.Writer, o Options) Writer{
	"jsonl":     func(w *bufio.Writer, _ Options) Writer { return &jsonlWriter{w: w, enc: json.NewEncoder(w)} },
	"documents": func(w *bufio.Writer, _ Options) Writer { return &docWriter{w: w, enc: json.NewEncoder(w)} },
	"tsv":       func(w *bufio.Writer, _ Options) Writer { return &tsvWriter{w: w} },
	"petrarch":  func(w *bufio.Writer, _ Options) Writer { return &petrarchWriter{w: w} },
	"csv":       newCSVWriter,
	"gdelt":     func(w *bufio.Writer, o Options) Writer { return &gdeltWriter{w: w, o: o.withDefaults()} },
	"icews":     func(w *bufio.Writer, o Options) Writer { return &icewsWriter{w: w, o: o.withDefaults()} },
	"phoenix":   func(w *bufio.Writer, o Options) Writer { return &phoenixWriter{w: w, o: o.withDefaults()} },
}

// NewWriter returns a writer for the named format; an unknown name is an
// EINVALID error listing the known ones.
func NewWriter(format string, w io.Writer) (Writer, error) {
	return NewWriterOptions(format, w, Options{})
}

// NewWriterOptions is NewWriter with the lookups and clock some formats
// use (see Options); an unknown format is EINVALID.
func NewWriterOptions(format string, w io.Writer, o Options) (Writer, error) {
	f, ok := formats[format]
	if !ok {
		return nil, annalist.Errorf(annalist.EINVALID, "unknown format %q: want one of %s", format, strings.Join(Formats(), ", "))
	}
	return f(bufio.NewWriterSize(w, 1<<16), o), nil
}

type jsonlWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

func (j *jsonlWriter) Write(ev *annalist.Event) error { return j.enc.Encode(ev) }

// WriteMeta writes the event, with num_mentions and num_articles after its
// fields when m carries collapsed counts (the encoding of
// engine.CollapsedEvent); the store's id and URL have no JSON Lines field.
func (j *jsonlWriter) WriteMeta(ev *annalist.Event, m Meta) error {
	if m.NumArticles == 0 {
		return j.enc.Encode(ev)
	}
	return j.enc.Encode(struct {
		*annalist.Event
		NumMentions int `json:"num_mentions"`
		NumArticles int `json:"num_articles"`
	}{ev, m.NumMentions, m.NumArticles})
}

func (j *jsonlWriter) Flush() error { return j.w.Flush() }

// TSVHeader is the first line the tsv format writes; docs/formats.md describes the columns.
var TSVHeader = []string{"doc_id", "sentence_index", "date", "source", "source_text", "target", "target_text",
	"code", "root", "name", "goldstein", "quad_class", "plover", "verb", "pattern", "sentence"}

type tsvWriter struct {
	w      *bufio.Writer
	header bool
}

func (t *tsvWriter) Write(ev *annalist.Event) error {
	if !t.header {
		t.header = true
		t.w.WriteString(strings.Join(TSVHeader, "\t") + "\n")
	}
	cols := []string{ev.DocID, strconv.Itoa(ev.SentenceIndex), ev.Date, ev.Source.Code, ev.Source.Text,
		ev.Target.Code, ev.Target.Text, ev.Event.Code, ev.Event.Root, ev.Event.Name,
		strconv.FormatFloat(ev.Event.Goldstein, 'f', -1, 64), strconv.Itoa(ev.Event.QuadClass), ev.Event.PLOVER,
		ev.Evidence.Verb, ev.Evidence.Pattern.Entry, ev.SentenceText}
	for i, c := range cols {
		cols[i] = cell(c)
	}
	_, err := t.w.WriteString(strings.Join(cols, "\t") + "\n")
	return err
}

func (t *tsvWriter) Flush() error { return t.w.Flush() }

// cell makes a value safe for one TSV cell.
func cell(s string) string {
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// petrarchWriter writes PETRARCH's event file lines:
// date (YYYYMMDD), source, target, code, issues ("CODE n, ..."), "docid-sentence".
type petrarchWriter struct{ w *bufio.Writer }

func (p *petrarchWriter) Write(ev *annalist.Event) error {
	date := strings.ReplaceAll(ev.Date, "-", "")
	var issues []string
	for _, is := range ev.Issues {
		issues = append(issues, is.Code+" "+strconv.Itoa(is.Count))
	}
	cols := []string{date, ev.Source.Code, ev.Target.Code, ev.Event.Code, strings.Join(issues, ", "),
		ev.DocID + "-" + strconv.Itoa(ev.SentenceIndex+1)}
	for i, c := range cols {
		cols[i] = cell(c)
	}
	_, err := p.w.WriteString(strings.Join(cols, "\t") + "\n")
	return err
}

func (p *petrarchWriter) Flush() error { return p.w.Flush() }

// docWriter writes one JSON object per article: its metadata, events,
// quotes and suggested actors.
type docWriter struct {
	w   *bufio.Writer
	enc *json.Encoder
}

// DocumentRecord is one line of the documents format.
type DocumentRecord struct {
	ID          string                `json:"id"`
	Title       string                `json:"title,omitempty"`
	Date        string                `json:"date,omitempty"`
	Dateline    string                `json:"dateline,omitempty"`
	Source      string                `json:"source,omitempty"`
	URL         string                `json:"url,omitempty"`
	Events      []annalist.Event      `json:"events"`
	Quotes      []annalist.Quote      `json:"quotes,omitempty"`
	Suggestions []annalist.Suggestion `json:"suggestions,omitempty"`
	// Sentences, Skipped, Withheld and StoryDiscard are DocumentCoding's.
	Sentences    int    `json:"sentences"`
	Skipped      int    `json:"skipped,omitempty"`
	Withheld     int    `json:"withheld,omitempty"`
	StoryDiscard string `json:"story_discard,omitempty"`
}

func (d *docWriter) Write(ev *annalist.Event) error { return d.enc.Encode(ev) }

func (d *docWriter) WriteDocument(doc *annalist.Document, c DocumentCoding) error {
	rec := DocumentRecord{ID: doc.ID, Title: doc.Title, Dateline: doc.Dateline, Source: doc.Source, URL: doc.URL,
		Events: c.Events, Quotes: c.Quotes, Suggestions: c.Suggestions,
		Sentences: c.Sentences, Skipped: c.Skipped, Withheld: c.Withheld, StoryDiscard: c.StoryDiscard}
	if rec.Events == nil {
		rec.Events = []annalist.Event{}
	}
	if !doc.Date.IsZero() {
		rec.Date = doc.Date.Format("2006-01-02")
	}
	return d.enc.Encode(rec)
}

func (d *docWriter) Flush() error { return d.w.Flush() }
