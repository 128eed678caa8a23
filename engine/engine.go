// Package engine is Annalist's Go API: load dictionaries, codebook and models once, then code documents into events.
//
// An *Engine is immutable after New and safe for concurrent use; the command
// line, the HTTP server and the pipelines all code through it.
package engine

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/cameo"
	"github.com/annalist/annalist/coder"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/geo"
	"github.com/annalist/annalist/nlp"
	"github.com/annalist/annalist/treebank"
)

// Config says what an Engine loads.
type Config struct {
	// DictDir, when set, is a directory of dictionaries that replaces the
	// embedded default set (files are recognised by name, see dict.LoadDir).
	DictDir string
	// Verbs selects the embedded verb dictionary when DictDir is empty:
	// dict.SyntaxPETRARCH2 (CAMEO.2.0.txt with Annalist's supplement
	// Annalist.verbs.txt merged after it, the default: it codes the
	// hand-coded Wikinews articles best, see docs/accuracy.md) or
	// dict.SyntaxTABARI (CAMEO.verbpatterns.150430.txt).
	Verbs dict.Syntax
	// StrictDicts makes the first malformed dictionary line an error.
	StrictDicts bool
	// Coding holds the coding options; the zero value means coder.DefaultOptions().
	Coding *coder.Options
	// Warn, if set, receives each dictionary problem that was skipped.
	Warn func(error)
	// Analyzer analyses raw text; nil loads the embedded models on first use.
	Analyzer *nlp.Analyzer
	// KeepModal keeps the events CodeDocument would withhold, marked in
	// their Modality: negated ("negation"), hypothetical ("hypothetical")
	// and background ("historical": told in the pluperfect, or dated by the
	// text months or years before publication). Without it CodeDocument
	// leaves them out and counts them in DocumentResult.Withheld.
	KeepModal bool
}

// Engine codes documents. Build it with New.
type Engine struct {
	set       *dict.Set
	book      *cameo.Codebook
	gaz       *geo.Gazetteer
	coder     *coder.Coder
	keepModal bool

	anOnce sync.Once
	an     *nlp.Analyzer
	anErr  error
}

// New loads the dictionaries and the codebook. With StrictDicts a
// malformed dictionary line fails; otherwise it is passed to Warn and skipped.
func New(cfg Config) (*Engine, error) {
	var set *dict.Set
	var errs []error
	if cfg.DictDir != "" {
		set, errs = dict.LoadDir(cfg.DictDir, dict.Options{Strict: cfg.StrictDicts})
	} else {
		syn := cfg.Verbs
		if syn == 0 {
			syn = dict.SyntaxPETRARCH2
		}
		o := dict.DefaultOptions(syn)
		o.Strict = cfg.StrictDicts
		set, errs = dict.Load(o)
	}
	for _, err := range errs {
		if cfg.StrictDicts || annalist.ErrorCode(err) != annalist.EINVALID {
			return nil, fmt.Errorf("load dictionaries: %w", err)
		}
		if cfg.Warn != nil {
			cfg.Warn(err)
		}
	}
	if set == nil || set.Verbs == nil {
		return nil, annalist.Errorf(annalist.EINVALID, "no verb dictionary found in %q", cfg.DictDir)
	}
	book, err := cameo.Default()
	if err != nil {
		return nil, fmt.Errorf("load codebook: %w", err)
	}
	gaz, err := geo.Default()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	opts := coder.DefaultOptions()
	if cfg.Coding != nil {
		opts = *cfg.Coding
	}
	e := &Engine{set: set, book: book, gaz: gaz, coder: coder.New(set, book, opts).WithGazetteer(gaz), keepModal: cfg.KeepModal}
	if cfg.Analyzer != nil {
		e.anOnce.Do(func() { e.an = cfg.Analyzer })
	}
	return e, nil
}

// Analyzer returns the language analyzer, loading the embedded tagger and
// parser on first use (a fraction of a second); it fails only if the
// embedded models are broken.
func (e *Engine) Analyzer() (*nlp.Analyzer, error) {
	e.anOnce.Do(func() { e.an, e.anErr = nlp.Default() })
	return e.an, e.anErr
}

// Gazetteer returns the place gazetteer (read-only).
func (e *Engine) Gazetteer() *geo.Gazetteer { return e.gaz }

// Dictionaries returns the loaded dictionary set (read-only).
func (e *Engine) Dictionaries() *dict.Set { return e.set }

// Codebook returns the CAMEO codebook (read-only).
func (e *Engine) Codebook() *cameo.Codebook { return e.book }

// Coder returns the sentence coder.
func (e *Engine) Coder() *coder.Coder { return e.coder }

// Result is what coding a document produced.
type Result struct {
	Events []annalist.Event
	// Skipped counts sentences not coded because of a discard phrase.
	Skipped int
	// StoryDiscard is set when a story-level discard phrase matched: the whole document was skipped.
	StoryDiscard string
}

// CodeSentences codes a document whose Sentences are already analysed
// (tokens with tags and dependencies). Event dates are the document date.
func (e *Engine) CodeSentences(doc *annalist.Document) Result {
	var res Result
	date := 0
	if !doc.Date.IsZero() {
		date = doc.Date.Year()*10000 + int(doc.Date.Month())*100 + doc.Date.Day()
	}
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		if s.Kind != annalist.KindBody {
			continue
		}
		r := e.coder.CodeSentence(s, s.Span.Start, date)
		switch r.Discard {
		case coder.DiscardStory:
			res.StoryDiscard = r.DiscardEntry.Entry
			res.Events = nil
			return res
		case coder.DiscardSentence:
			res.Skipped++
			continue
		}
		for _, ev := range r.Events {
			ev.DocID = doc.ID
			ev.SentenceIndex = s.Index
			ev.SentenceText = s.Text
			if date != 0 {
				ev.Date = doc.Date.Format("2006-01-02")
				ev.DatePrecision = "day"
			}
			res.Events = append(res.Events, ev)
		}
	}
	return res
}

// ParsedSentence builds an analysed sentence from a Penn Treebank parse and
// its text; the parse's words are aligned to the text for offsets. The
// returned sentence's spans index text.
func ParsedSentence(index int, text, parse string) (annalist.Sentence, error) {
	tree, err := treebank.Parse(parse)
	if err != nil {
		return annalist.Sentence{}, err
	}
	toks := treebank.ToTokens(tree)
	treebank.Align(toks, text, 0)
	return annalist.Sentence{Index: index, Text: text, Span: annalist.Span{Start: 0, End: len(text)}, Tokens: toks}, nil
}

// SplitRecordID splits a PETRARCH record id "STORY_N" (or "STORY-N") into the
// story id and the 0-based sentence index N-1; ids without a numeric suffix
// are their own story with sentence index 0.
func SplitRecordID(id string) (story string, index int) {
	i := strings.LastIndexAny(id, "_-")
	if i <= 0 || i == len(id)-1 {
		return id, 0
	}
	n, err := strconv.Atoi(id[i+1:])
	if err != nil || n < 1 {
		return id, 0
	}
	return id[:i], n - 1
}
