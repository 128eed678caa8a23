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
	parens            []paren
	// Parts of a sentence analysed apart from the rest (parentheticals):
	// their words, tags, relations and heads, and the sentence positions.
	pwords, ptags, prels []string
	pheads, at           []int
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
	a.analyzeWords(sc)
	for i := range s.Tokens {
		s.Tokens[i].Tag = sc.tags[i]
		s.Tokens[i].Head = sc.heads[i]
		s.Tokens[i].Rel = sc.rels[i]
	}
}

// AnalyzeWords tags and parses one tokenized sentence as Analyze does:
// words are token Norm forms; tags, heads (0-based, -1 for the root) and
// rels receive the result, as from parse.Model.Parse. It panics if the four
// slices differ in length.
func (a *Analyzer) AnalyzeWords(words, tags []string, heads []int, rels []string) {
	n := len(words)
	if len(tags) != n || len(heads) != n || len(rels) != n {
		panic(fmt.Sprintf("nlp: AnalyzeWords: %d words, %d tags, %d heads, %d rels", n, len(tags), len(heads), len(rels)))
	}
	if n == 0 {
		return
	}
	sc := a.bufs.Get().(*scratch)
	defer a.bufs.Put(sc)
	// The caller's slices stand in for the pooled sentence buffers, which
	// are put back afterwards.
	w, t, h, r := sc.words, sc.tags, sc.heads, sc.rels
	sc.words, sc.tags, sc.heads, sc.rels = words, tags, heads, rels
	a.analyzeWords(sc)
	sc.words, sc.tags, sc.heads, sc.rels = w, t, h, r
}

// analyzeWords tags and parses sc.words into sc.tags, sc.heads and sc.rels.
func (a *Analyzer) analyzeWords(sc *scratch) {
	a.tagger.Tag(sc.words, sc.tags)
	sc.parens = findParentheticals(sc.words, sc.tags, sc.parens[:0])
	if len(sc.parens) == 0 {
		a.parser.Parse(sc.words, sc.tags, sc.heads, sc.rels)
	} else {
		a.analyzeAround(sc)
	}
	repairDays(sc.words, sc.tags, sc.heads, sc.rels)
	repairSplitSubjects(sc.words, sc.tags, sc.heads, sc.rels)
	repairRoot(sc.words, sc.tags, sc.heads, sc.rels)
}

// analyzeAround tags and parses a sentence whose parenthetical clauses
// (sc.parens) have been found: the sentence without them, then each clause
// on its own, whose root is attached to the lowest word that heads both the
// word before the clause and the word after it (the predicate the clause
// interrupts) as parataxis, with the clause's commas as its punct (the
// opening one only, when the closing one ends an introductory phrase and
// stays with the sentence).
func (a *Analyzer) analyzeAround(sc *scratch) {
	sc.at = sc.at[:0]
	next := 0
	for k := range sc.words {
		if next < len(sc.parens) && k >= sc.parens[next].open {
			p := sc.parens[next]
			if k < p.close {
				continue
			}
			next++
			if !p.keepClose {
				continue
			}
		}
		sc.at = append(sc.at, k)
	}
	a.analyzePart(sc, false)
	for _, p := range sc.parens {
		sc.at = sc.at[:0]
		for k := p.open + 1; k < p.close; k++ {
			sc.at = append(sc.at, k)
		}
		root := a.analyzePart(sc, true)
		sc.heads[root] = lowestCommonHead(sc.heads, p.open-1, p.close+1)
		sc.rels[root] = "parataxis"
		sc.heads[p.open], sc.rels[p.open] = root, "punct"
		if !p.keepClose {
			sc.heads[p.close], sc.rels[p.close] = root, "punct"
		}
	}
}

// analyzePart tags and parses the words of the sentence at positions sc.at
// as a sentence of their own, writes tags, heads (as sentence positions) and
// relations into sc, and returns the position of the part's root. With
// period, the part is analysed with a full stop after it, as the clause it
// is ("traders noted." has a past tense where "traders noted" has a
// participle); the full stop is not written back.
func (a *Analyzer) analyzePart(sc *scratch, period bool) int {
	n := len(sc.at)
	m := n
	if period {
		m++
	}
	sc.pwords, sc.ptags, sc.prels = grow(sc.pwords, m), grow(sc.ptags, m), grow(sc.prels, m)
	if cap(sc.pheads) < m {
		sc.pheads = make([]int, m)
	}
	sc.pheads = sc.pheads[:m]
	for j, k := range sc.at {
		sc.pwords[j] = sc.words[k]
	}
	if period {
		sc.pwords[n] = "."
	}
	a.tagger.Tag(sc.pwords, sc.ptags)
	a.parser.Parse(sc.pwords, sc.ptags, sc.pheads, sc.prels)
	if period {
		// Words the parser attached to the full stop go to the part's
		// root; if the full stop is the root, its first dependent is.
		root := -1
		for j := 0; j < n; j++ {
			if sc.pheads[j] == -1 || sc.pheads[n] == -1 && sc.pheads[j] == n {
				root = j
				break
			}
		}
		sc.pheads[root], sc.prels[root] = -1, "root"
		for j := 0; j < n; j++ {
			if sc.pheads[j] == n {
				sc.pheads[j] = root
			}
		}
	}
	root := -1
	for j, k := range sc.at {
		sc.tags[k], sc.rels[k] = sc.ptags[j], sc.prels[j]
		if h := sc.pheads[j]; h >= 0 {
			sc.heads[k] = sc.at[h]
		} else {
			sc.heads[k], root = -1, k
		}
	}
	return root
}

// lowestCommonHead returns the lowest word of the tree heads that is x or y
// or dominates both.
func lowestCommonHead(heads []int, x, y int) int {
	for a := x; a >= 0; a = heads[a] {
		for b := y; b >= 0; b = heads[b] {
			if a == b {
				return a
			}
		}
	}
	return -1 // not reached: both words are in one tree
}

func grow(s []string, n int) []string {
	if cap(s) < n {
		return make([]string, n)
	}
	return s[:n]
}
