// Package gold reads the hand-coded gold event data under testdata/gold and checks that every file follows the documented format.
//
// A gold directory holds one JSON file per article (testdata/gold/wikinews/README.md
// describes the format; docs/coding-guidelines.md the coding conventions). Load
// reads and validates a whole directory; Parse validates one file's bytes. The
// returned values are plain data: nothing is shared, so they may be used from
// any number of goroutines.
package gold

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/cameo"
)

// Article is one hand-coded article: its identity, its sentences as coded and
// its events.
type Article struct {
	// ID is the corpus id ("wikinews-en:<page name>").
	ID string `json:"id"`
	// Title is the headline; it is not part of Sentences and is not coded.
	Title string `json:"title"`
	// Date is the publication date, YYYY-MM-DD.
	Date string `json:"date"`
	// URL is the article's address, kept for attribution (CC BY 2.5).
	URL string `json:"url,omitempty"`
	// WhySelected says why the article was chosen for the gold set.
	WhySelected string `json:"why_selected"`
	// Sentences are the body text split into sentences, 0-based in reading order.
	Sentences []string `json:"sentences"`
	// Events are the coded events in the order the coder wrote them.
	Events []Event `json:"events"`
	// Path is the file the article was read from (not part of the JSON).
	Path string `json:"-"`
}

// Event is one coded interaction: who did what to whom, where in the article
// it is reported, when it happened and why it has this code.
type Event struct {
	// SentenceIndex is the sentence that best reports the event.
	SentenceIndex int `json:"sentence_index"`
	// AlsoIn lists other sentences that report or elaborate the same event, ascending.
	AlsoIn []int `json:"also_in"`
	// Source is the CAMEO actor code of the actor ("USAGOV", "---MIL").
	Source string `json:"source"`
	// SourceText is the source actor as written in the event's sentence, in one
	// of the AlsoIn sentences, or (for a pronoun or an elided actor) in an
	// earlier sentence.
	SourceText string `json:"source_text"`
	// Target is the CAMEO actor code of the recipient.
	Target string `json:"target"`
	// TargetText is the target as written, found like SourceText.
	TargetText string `json:"target_text"`
	// Code is the CAMEO event code as the codebook writes it ("0213", "111").
	Code string `json:"code"`
	// Date is when the event happened: YYYY-MM-DD, YYYY-MM or YYYY according to
	// DatePrecision, or empty when the article does not say.
	Date string `json:"date"`
	// DatePrecision is "day", "month", "year", or empty with an empty Date.
	DatePrecision string `json:"date_precision"`
	// Reason is the coder's one-line justification.
	Reason string `json:"reason"`
}

// Sentences returns the event's sentence followed by its AlsoIn sentences.
// The slice is the caller's to keep.
func (e Event) Sentences() []int {
	return append([]int{e.SentenceIndex}, e.AlsoIn...)
}

// Reciprocal reports whether CAMEO's usage notes call events with this code
// reciprocal (019 express accord, 040 consult, 041 telephone, 044 meet at a
// third location, 046 negotiate, 057 sign agreement). Gold files code such an
// event once, with the grammatical subject as source, so a scorer should accept
// the same event with source and target swapped.
func Reciprocal(code string) bool {
	switch code {
	case "019", "040", "041", "044", "046", "057":
		return true
	}
	return false
}

// actorCode is a CAMEO actor code: a three-letter country or international
// code, or "---" for an actor with no country followed by at least one agent,
// then up to four more three-letter agent codes.
var actorCode = regexp.MustCompile(`^(?:[A-Z]{3}(?:[A-Z]{3}){0,4}|---(?:[A-Z]{3}){1,4})$`)

// precisions maps a date precision to its layout.
var precisions = map[string]string{"day": time.DateOnly, "month": "2006-01", "year": "2006"}

// Load reads and validates every *.json file directly in dir (other files,
// such as README.md, are ignored) and returns the articles sorted by file
// name, checked against the embedded CAMEO codebook. A missing directory
// yields ENOTFOUND, an unreadable one EUNAVAILABLE; an invalid file yields an
// EINVALID *annalist.Error located at the file, line and column of the
// problem. Article ids must be unique across the directory.
func Load(dir string) ([]Article, error) {
	cb, err := cameo.Default()
	if err != nil {
		return nil, fmt.Errorf("gold: codebook: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, annalist.Errorf(annalist.ENOTFOUND, "gold: directory %s does not exist", dir)
		}
		return nil, annalist.Errorf(annalist.EUNAVAILABLE, "gold: read directory %s: %v", dir, err)
	}
	var out []Article
	seen := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || filepath.Ext(e.Name()) != ".json" {
			continue
		}
		path := filepath.Join(dir, e.Name())
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, annalist.Errorf(annalist.EUNAVAILABLE, "gold: read %s: %v", path, err)
		}
		a, err := Parse(path, data, cb)
		if err != nil {
			return nil, err
		}
		if prev, dup := seen[a.ID]; dup {
			return nil, annalist.ErrorAt(path, 0, 0, "article id %q is also used by %s", a.ID, prev)
		}
		seen[a.ID] = path
		out = append(out, a)
	}
	return out, nil
}

// Parse decodes and validates one gold file. name is used only in error
// messages and as Article.Path. Every problem yields an EINVALID
// *annalist.Error located at name:line:col: malformed JSON, unknown or missing
// fields, a bad publication date, empty sentences, and for each event a
// sentence index out of range, an actor code that is not one, actor text not
// found in the event's sentences, a code not in cb, a date that does not match
// its precision or falls after publication, an empty reason, or a repeat of
// an earlier event (same sentence, source, target and code).
func Parse(name string, data []byte, cb *cameo.Codebook) (Article, error) {
	var a Article
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return Article{}, jsonError(name, data, err)
	}
	end := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		return Article{}, located(name, data, skipSpace(data, end), "data after the article object")
	}
	a.Path = name
	evOff := arrayOffsets(data, "events")
	if ev, field := missingField(data); field != "" {
		if ev < 0 {
			return Article{}, annalist.ErrorAt(name, 0, 0, "missing field %q", field)
		}
		return Article{}, located(name, data, at(evOff, ev), fmt.Sprintf("event %d: missing field %q", ev, field))
	}
	switch {
	case strings.TrimSpace(a.ID) == "":
		return Article{}, annalist.ErrorAt(name, 0, 0, "empty id")
	case strings.TrimSpace(a.Title) == "":
		return Article{}, annalist.ErrorAt(name, 0, 0, "empty title")
	case strings.TrimSpace(a.WhySelected) == "":
		return Article{}, annalist.ErrorAt(name, 0, 0, "empty why_selected")
	case len(a.Sentences) == 0:
		return Article{}, annalist.ErrorAt(name, 0, 0, "no sentences")
	}
	pub, err := time.Parse(time.DateOnly, a.Date)
	if err != nil {
		return Article{}, annalist.ErrorAt(name, 0, 0, "date %q is not YYYY-MM-DD", a.Date)
	}
	sentOff := arrayOffsets(data, "sentences")
	for i, s := range a.Sentences {
		if s == "" || strings.TrimSpace(s) != s || strings.ContainsAny(s, "\n\r") {
			return Article{}, located(name, data, at(sentOff, i), fmt.Sprintf("sentence %d is empty, has surrounding space or a line break", i))
		}
	}
	type key struct {
		sent                 int
		source, target, code string
	}
	firstAt := map[key]int{}
	for i, e := range a.Events {
		if msg := checkEvent(&a, e, pub, cb); msg != "" {
			return Article{}, located(name, data, at(evOff, i), fmt.Sprintf("event %d: %s", i, msg))
		}
		k := key{e.SentenceIndex, e.Source, e.Target, e.Code}
		if j, dup := firstAt[k]; dup {
			return Article{}, located(name, data, at(evOff, i), fmt.Sprintf("event %d repeats event %d (sentence %d, %s %s %s)", i, j, e.SentenceIndex, e.Source, e.Target, e.Code))
		}
		firstAt[k] = i
	}
	return a, nil
}

// required lists the fields every article and every event must spell out, so
// that a forgotten field is an error rather than a silent zero value.
var (
	requiredArticle = []string{"id", "title", "date", "why_selected", "sentences", "events"}
	requiredEvent   = []string{"sentence_index", "also_in", "source", "source_text", "target", "target_text", "code", "date", "date_precision", "reason"}
)

// missingField returns the first required field missing from the article
// (event -1) or from one of its events, or "" when none is. data is known to
// decode into an Article.
func missingField(data []byte) (event int, field string) {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return -1, ""
	}
	for _, f := range requiredArticle {
		if _, ok := top[f]; !ok {
			return -1, f
		}
	}
	var events []map[string]json.RawMessage
	if json.Unmarshal(top["events"], &events) != nil {
		return -1, ""
	}
	for i, ev := range events {
		for _, f := range requiredEvent {
			if _, ok := ev[f]; !ok {
				return i, f
			}
		}
	}
	return -1, ""
}

// checkEvent returns what is wrong with e, or "" when it is valid.
func checkEvent(a *Article, e Event, pub time.Time, cb *cameo.Codebook) string {
	n := len(a.Sentences)
	if e.SentenceIndex < 0 || e.SentenceIndex >= n {
		return fmt.Sprintf("sentence_index %d is outside 0..%d", e.SentenceIndex, n-1)
	}
	prev := e.SentenceIndex
	for k, s := range e.AlsoIn {
		switch {
		case s < 0 || s >= n:
			return fmt.Sprintf("also_in %d is outside 0..%d", s, n-1)
		case s == e.SentenceIndex:
			return fmt.Sprintf("also_in repeats sentence_index %d", s)
		case k > 0 && s <= prev:
			return fmt.Sprintf("also_in is not strictly ascending at %d", s)
		}
		prev = s
	}
	for _, actor := range []struct{ role, code, text string }{{"source", e.Source, e.SourceText}, {"target", e.Target, e.TargetText}} {
		if !actorCode.MatchString(actor.code) {
			return fmt.Sprintf("%s %q is not a CAMEO actor code", actor.role, actor.code)
		}
		if strings.TrimSpace(actor.text) == "" {
			return fmt.Sprintf("empty %s_text", actor.role)
		}
		if !actorTextFound(a.Sentences, e, actor.text) {
			return fmt.Sprintf("%s_text %q is not in sentence %d, its also_in sentences or an earlier sentence", actor.role, actor.text, e.SentenceIndex)
		}
	}
	if _, ok := cb.Lookup(e.Code); !ok {
		return fmt.Sprintf("code %q is not in the CAMEO codebook", e.Code)
	}
	if e.Date == "" || e.DatePrecision == "" {
		if e.Date != e.DatePrecision {
			return fmt.Sprintf("date %q and date_precision %q must both be empty or both set", e.Date, e.DatePrecision)
		}
	} else {
		layout, ok := precisions[e.DatePrecision]
		if !ok {
			return fmt.Sprintf("date_precision %q is not day, month or year", e.DatePrecision)
		}
		d, err := time.Parse(layout, e.Date)
		if err != nil {
			return fmt.Sprintf("date %q does not match precision %s (%s)", e.Date, e.DatePrecision, layout)
		}
		// Compare at the event's precision: a month-precision event in the
		// publication month is not after publication.
		if d.After(truncate(pub, e.DatePrecision)) {
			return fmt.Sprintf("date %s is after the publication date %s", e.Date, a.Date)
		}
	}
	if strings.TrimSpace(e.Reason) == "" {
		return "empty reason"
	}
	return ""
}

// actorTextFound reports whether text occurs in the event's sentence, one of
// its AlsoIn sentences, or a sentence before the event's sentence (the
// antecedent of a pronoun or of an elided actor).
func actorTextFound(sentences []string, e Event, text string) bool {
	for i := 0; i <= e.SentenceIndex; i++ {
		if strings.Contains(sentences[i], text) {
			return true
		}
	}
	return slices.ContainsFunc(e.AlsoIn, func(i int) bool { return strings.Contains(sentences[i], text) })
}

// truncate returns the first instant of t's day, month or year.
func truncate(t time.Time, precision string) time.Time {
	switch precision {
	case "month":
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	case "year":
		return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// jsonError converts a decoding error into a located EINVALID error.
func jsonError(name string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		// Offset counts the bytes read, including the offending one.
		return located(name, data, int(syn.Offset)-1, "malformed JSON: "+syn.Error())
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "the article"
		}
		// Offset is the end of the offending value.
		return located(name, data, int(typ.Offset), fmt.Sprintf("%s: got JSON %s, want %s", field, typ.Value, typ.Type))
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return located(name, data, len(data), "unexpected end of JSON")
	}
	// Unknown fields and other decoder complaints carry no offset.
	return annalist.ErrorAt(name, 0, 0, "%s", strings.TrimPrefix(err.Error(), "json: "))
}

// located returns an EINVALID error at the line and column of byte offset
// off in data (offset 0 locates the whole file).
func located(name string, data []byte, off int, msg string) error {
	if off <= 0 {
		return annalist.ErrorAt(name, 0, 0, "%s", msg)
	}
	line, col := lineCol(data, off)
	return annalist.ErrorAt(name, line, col, "%s", msg)
}

// lineCol converts a byte offset into a 1-based line and byte column.
func lineCol(data []byte, off int) (line, col int) {
	off = min(max(off, 0), len(data))
	before := data[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = off - bytes.LastIndexByte(before, '\n')
	return line, col
}

// skipSpace returns the offset of the first byte at or after off that is not
// JSON white space.
func skipSpace(data []byte, off int) int {
	for off < len(data) && (data[off] == ' ' || data[off] == '\t' || data[off] == '\n' || data[off] == '\r') {
		off++
	}
	return off
}

// at returns offs[i], or 0 when the offsets could not be worked out.
func at(offs []int, i int) int {
	if i < len(offs) {
		return offs[i]
	}
	return 0
}

// arrayOffsets returns the byte offset of each element of the array stored
// under key in the top-level JSON object of data, or nil when data is not
// such an object. data has already been decoded successfully.
func arrayOffsets(data []byte, key string) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		if k, _ := t.(string); k != key {
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return nil
			}
			continue
		}
		if t, err := dec.Token(); err != nil || t != json.Delim('[') {
			return nil
		}
		var offs []int
		for dec.More() {
			off := skipSpace(data, int(dec.InputOffset()))
			if off < len(data) && data[off] == ',' {
				off = skipSpace(data, off+1)
			}
			offs = append(offs, off)
			var skip json.RawMessage
			if dec.Decode(&skip) != nil {
				return offs
			}
		}
		return offs
	}
	return nil
}
