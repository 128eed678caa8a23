// Package nlp analyses raw text: it splits sentences, tokenizes, tags parts of speech and parses dependencies.
package nlp

import (
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/parse"
	"github.com/annalist/annalist/tag"
	"github.com/annalist/annalist/tokenize"
)

// Analyzer runs tokenizer, tagger and parser. It is immutable and safe for
// concurrent use.
type Analyzer struct {
	tagger *tag.Model
	parser *parse.Model
	bufs   sync.Pool
}

// New returns an analyzer using the given models.
func New(tagger *tag.Model, parser *parse.Model) *Analyzer {
	return &Analyzer{tagger: tagger, parser: parser, bufs: sync.Pool{New: func() any { return new(scratch) }}}
}

// Default loads the embedded tagger and parser models. Loading takes a
// moment: do it once and share the Analyzer.
func Default() (*Analyzer, error) {
	t, err := tag.Default()
	if err != nil {
		return nil, fmt.Errorf("load tagger: %w", err)
	}
	p, err := parse.Default()
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	return New(t, p), nil
}

// Tagger returns the tagger model.
func (a *Analyzer) Tagger() *tag.Model { return a.tagger }

// Parser returns the parser model.
func (a *Analyzer) Parser() *parse.Model { return a.parser }

type scratch struct {
	words, tags, rels []string
	heads             []int
}

// Analyze splits text into sentences and analyses each one. Token spans
// index text.
func (a *Analyzer) Analyze(text string) []annalist.Sentence {
	sents := tokenize.Split(text)
	for i := range sents {
		sents[i].Tokens = splitUnderscores(sents[i].Tokens)
	}
	a.AnalyzeSentences(sents)
	return sents
}

// AnalyzeWhere is Analyze, except that only the sentences for which need
// returns true are tagged and parsed; the others are split and tokenized
// alone (their tokens keep Head -1 and no tag or relation). need sees each
// sentence as tokenized, in order.
func (a *Analyzer) AnalyzeWhere(text string, need func(*annalist.Sentence) bool) []annalist.Sentence {
	sents := tokenize.Split(text)
	sc := a.bufs.Get().(*scratch)
	defer a.bufs.Put(sc)
	for i := range sents {
		s := &sents[i]
		s.Tokens = splitUnderscores(s.Tokens)
		if need(s) {
			a.analyzeOne(s, sc)
		}
	}
	return sents
}

// splitUnderscores reads underscores joining letters ("Dol_Amroth", the
// PETRARCH and TABARI way of writing a multi-word name) as spaces: the
// token becomes one token per word. Tokens with digits or '@' (e-mail
// addresses, handles, identifiers) are left alone.
func splitUnderscores(toks []annalist.Token) []annalist.Token {
	var out []annalist.Token
	for i, t := range toks {
		if !letterUnderscores(t.Text) {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = append(make([]annalist.Token, 0, len(toks)+4), toks[:i]...)
		}
		start := t.Span.Start
		for _, part := range strings.Split(t.Text, "_") {
			out = append(out, annalist.Token{Text: part, Norm: part, Span: annalist.Span{Start: start, End: start + len(part)}, Head: -1})
			start += len(part) + 1
		}
	}
	if out == nil {
		return toks
	}
	return out
}

func letterUnderscores(w string) bool {
	if !strings.Contains(w, "_") || strings.HasPrefix(w, "_") || strings.HasSuffix(w, "_") || strings.Contains(w, "__") {
		return false
	}
	for _, r := range w {
		if r != '_' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// AnalyzeSentences tags and parses already tokenized sentences in place.
// Sentences that are not body text (headlines, captions, credits) are tagged
// and parsed too, so that users can inspect them; the coder skips them.
func (a *Analyzer) AnalyzeSentences(sents []annalist.Sentence) {
	sc := a.bufs.Get().(*scratch)
	defer a.bufs.Put(sc)
	for i := range sents {
		a.analyzeOne(&sents[i], sc)
	}
}

func (a *Analyzer) analyzeOne(s *annalist.Sentence, sc *scratch) {
	n := len(s.Tokens)
	if n == 0 {
		return
	}
	sc.words = grow(sc.words, n)
	sc.tags = grow(sc.tags, n)
	sc.rels = grow(sc.rels, n)
	if cap(sc.heads) < n {
		sc.heads = make([]int, n)
	}
	sc.heads = sc.heads[:n]
	for i, t := range s.Tokens {
		w := t.Norm
		if w == "" {
			w = t.Text
		}
		sc.words[i] = w
	}
	a.tagger.Tag(sc.words, sc.tags)
	a.parser.Parse(sc.words, sc.tags, sc.heads, sc.rels)
	for i := range s.Tokens {
		s.Tokens[i].Tag = sc.tags[i]
		s.Tokens[i].Head = sc.heads[i]
		s.Tokens[i].Rel = sc.rels[i]
	}
}

func grow(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}
