package coder

import (
	"sort"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
)

// index holds the dictionaries in the shapes the coder searches: phrase
// tries for actors and agents, verb forms by word, compiled patterns per
// block, synsets, discards and issues. It is built once and never changed.
type index struct {
	syntax   dict.Syntax
	verbPath string
	actors   *trie
	agents   *trie
	// forms maps the upper-case verb word of every form to the verb entries having it.
	forms    map[string][]formRef
	blocks   []*block
	synsets  map[string][]phraseSeq
	discards []*dict.Discard
	issues   []issueRef
	ignores  [][]string
	xforms   []dict.Transform
}

// phraseSeq is a phrase as words with connectors.
type phraseSeq struct {
	words  []string
	consec []bool // consec[i]: words[i] must be immediately followed by words[i+1]
}

// formRef points from a verb form to its entry.
type formRef struct {
	form  dict.VerbForm
	verb  *dict.Verb
	block *block
}

// block is a verb block with its patterns sorted most specific first.
type block struct {
	b        *dict.Block
	patterns []*pattern
}

// pattern is a compiled verb pattern: upper elements (before the verb, in
// reverse order, nearest the verb first) and lower elements (after the verb).
type pattern struct {
	p     *dict.Pattern
	upper []dict.Elem
	lower []dict.Elem
	// upperConsec is true when the element nearest the verb is glued to it ("IN_*").
	upperConsec bool
	// lowerConsec is true when the verb is glued to the first lower element ("*_OUT").
	lowerConsec bool
	weight      int
}

type issueRef struct {
	words []string
	code  string
}

func buildIndex(set *dict.Set) *index {
	ix := &index{
		actors:  newTrie(),
		agents:  newTrie(),
		forms:   map[string][]formRef{},
		synsets: map[string][]phraseSeq{},
	}
	for _, a := range set.Actors {
		for _, p := range a.Phrases {
			ix.actors.add(seqOf(p), entryRef{actor: a, phrase: p})
		}
	}
	for _, a := range set.Agents {
		for _, p := range a.Phrases {
			ix.agents.add(seqOf(p), entryRef{agent: a, phrase: p})
		}
	}
	ix.discards = set.Discards
	for _, is := range set.Issues {
		for _, ph := range is.Phrases {
			if is.Ignore {
				ix.ignores = append(ix.ignores, ph)
			} else if is.Code != "" {
				ix.issues = append(ix.issues, issueRef{words: ph, code: is.Code})
			}
		}
	}
	if v := set.Verbs; v != nil {
		ix.syntax = v.Syntax
		ix.verbPath = v.Path
		ix.xforms = v.Transforms
		for name, s := range v.Synsets {
			for _, p := range s.Phrases {
				ix.synsets[name] = append(ix.synsets[name], seqOf(p))
			}
		}
		for _, b := range v.Blocks {
			bl := &block{b: b}
			for i := range b.Patterns {
				if cp := compilePattern(&b.Patterns[i]); cp != nil {
					bl.patterns = append(bl.patterns, cp)
				}
			}
			sortPatterns(bl.patterns)
			ix.blocks = append(ix.blocks, bl)
			for vi := range b.Verbs {
				vb := &b.Verbs[vi]
				for _, f := range vb.Forms {
					if f.Head < 0 || f.Head >= len(f.Words) {
						continue
					}
					w := f.Words[f.Head]
					ix.forms[w] = append(ix.forms[w], formRef{form: f, verb: vb, block: bl})
				}
			}
		}
		// Prefer multi-word forms: they are tried first.
		for w, refs := range ix.forms {
			sort.SliceStable(refs, func(i, j int) bool { return len(refs[i].form.Words) > len(refs[j].form.Words) })
			ix.forms[w] = refs
		}
	}
	return ix
}

func seqOf(p dict.Phrase) phraseSeq {
	s := phraseSeq{words: make([]string, len(p.Elems)), consec: make([]bool, len(p.Elems))}
	for i, e := range p.Elems {
		if e.Kind == dict.ElemSynset {
			s.words[i] = "&" + e.Word
		} else {
			s.words[i] = e.Word
		}
		s.consec[i] = e.Consecutive
	}
	return s
}

func compilePattern(p *dict.Pattern) *pattern {
	vi := -1
	for i, e := range p.Elems {
		if e.Kind == dict.ElemVerb {
			vi = i
			break
		}
	}
	if vi < 0 {
		return nil
	}
	cp := &pattern{p: p}
	for i := vi - 1; i >= 0; i-- {
		cp.upper = append(cp.upper, p.Elems[i])
	}
	cp.lower = append(cp.lower, p.Elems[vi+1:]...)
	if vi > 0 {
		cp.upperConsec = p.Elems[vi-1].Consecutive
	}
	cp.lowerConsec = p.Elems[vi].Consecutive
	cp.weight = len(p.Elems) - 1
	return cp
}

// entryRef is what a trie path ends in: an actor or an agent phrase.
type entryRef struct {
	actor  *dict.Actor
	agent  *dict.Agent
	phrase dict.Phrase
}

// trie indexes phrases word by word; an edge remembers whether the word must
// follow the previous one immediately.
type trie struct{ root *trieNode }

type trieNode struct {
	next map[trieKey]*trieNode
	ends []entryRef
}

type trieKey struct {
	word string
	// open is true when other words may come before this one (a blank connector).
	open bool
}

func newTrie() *trie { return &trie{root: &trieNode{}} }

func (t *trie) add(s phraseSeq, ref entryRef) {
	if len(s.words) == 0 {
		return
	}
	n := t.root
	for i, w := range s.words {
		k := trieKey{word: w}
		if i > 0 {
			k.open = !s.consec[i-1]
		}
		if n.next == nil {
			n.next = map[trieKey]*trieNode{}
		}
		c := n.next[k]
		if c == nil {
			c = &trieNode{}
			n.next[k] = c
		}
		n = c
	}
	n.ends = append(n.ends, ref)
}

// match is a phrase found in a token range.
type match struct {
	ref  entryRef
	toks []int // matched token positions (indexes into the sequence given to longest)
}

// longest finds the longest phrase starting at words[start] within
// words[start:end]; skip marks positions that can be passed over by an open
// connector but never matched (nil means none). Longer means more words
// matched; among equals, the one ending first.
func (t *trie) longest(words []string, start, end int) (match, bool) {
	var best match
	found := false
	var path []int
	var walk func(n *trieNode, pos int)
	walk = func(n *trieNode, pos int) {
		if len(n.ends) > 0 && len(path) > 0 {
			if !found || len(path) > len(best.toks) || (len(path) == len(best.toks) && path[len(path)-1] < best.toks[len(best.toks)-1]) {
				best = match{ref: n.ends[0], toks: append([]int(nil), path...)}
				found = true
			}
		}
		if pos >= end {
			return
		}
		for k, c := range n.next {
			if !k.open {
				if pos < end && words[pos] == k.word {
					path = append(path, pos)
					walk(c, pos+1)
					path = path[:len(path)-1]
				}
				continue
			}
			for q := pos; q < end; q++ {
				if words[q] == k.word {
					path = append(path, q)
					walk(c, q+1)
					path = path[:len(path)-1]
					break
				}
			}
		}
	}
	if start < end {
		if c := t.root.next[trieKey{word: words[start]}]; c != nil {
			path = append(path, start)
			walk(c, start+1)
		}
	}
	return best, found
}

// provenance describes a dictionary entry match for the output.
func provenance(path string, line int, entry string, span annalist.Span) annalist.Provenance {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		path = path[i+1:]
	}
	return annalist.Provenance{Dict: path, Line: line, Entry: entry, Span: span}
}

// sortPatterns orders patterns most specific first: more elements win and
// file order breaks ties.
func sortPatterns(ps []*pattern) {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].weight > ps[j].weight })
}
