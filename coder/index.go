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
	synsets  map[string]*synsetIndex
	discards phraseIndex
	issues   phraseIndex
	ignores  phraseIndex
	xforms   []dict.Transform
}

// phraseSeq is a phrase as words with connectors.
type phraseSeq struct {
	words  []string
	consec []bool // consec[i]: words[i] must be immediately followed by words[i+1]
}

// synsetIndex holds a synset's phrases by their first word (for matching
// forwards) and by their last word, reversed (for matching backwards).
// Phrases that begin (or end) with a nested synset are kept aside and tried
// everywhere.
type synsetIndex struct {
	fwd, bwd             map[string][]phraseSeq
	nestedFwd, nestedBwd []phraseSeq
}

func (si *synsetIndex) add(p phraseSeq) {
	if len(p.words) == 0 {
		return
	}
	if f := p.words[0]; strings.HasPrefix(f, "&") {
		si.nestedFwd = append(si.nestedFwd, p)
	} else {
		si.fwd[f] = append(si.fwd[f], p)
	}
	w, cs := reversePhrase(p)
	r := phraseSeq{words: w, consec: cs}
	if l := w[0]; strings.HasPrefix(l, "&") {
		si.nestedBwd = append(si.nestedBwd, r)
	} else {
		si.bwd[l] = append(si.bwd[l], r)
	}
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
	// need lists the literal words the pattern cannot match without, and
	// needSig is their signature.
	need    []string
	needSig wordSig
}

// phraseRef is a discard or issue phrase.
type phraseRef struct {
	words []string
	// stem is true when the last word may be followed by more letters (a
	// discard written without a trailing '_').
	stem    bool
	code    string
	discard *dict.Discard
}

// phraseIndex finds phrases by their first word (or, for one-word stems, by
// a prefix of the sentence word).
type phraseIndex struct {
	byFirst map[string][]phraseRef
	stems   map[string][]phraseRef
	// stemLens lists the lengths of the one-word stems, ascending, so that
	// only prefixes of those lengths are looked up.
	stemLens []int
	n        int
	// firstBits and stemBits have the bit phraseBit of every key of
	// byFirst and stems set: a word whose bit is clear has no entry, which
	// spares most words their map lookups.
	firstBits, stemBits []uint64
}

// phraseBits is the size of the phraseIndex bitmaps, in bits.
const phraseBits = 1 << 16

// fnv64 continues an FNV-1a hash with the bytes of s.
func fnv64(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

const fnvBasis = 14695981039346656037

// phraseBit reports whether the bitmap (a power of two bits long) has the
// bit of FNV hash h.
func phraseBit(bits []uint64, h uint64) bool {
	b := (h * 0x9E3779B97F4A7C15) >> 32 & uint64(len(bits)*64-1)
	return bits[b>>6]>>(b&63)&1 != 0
}

// setPhraseBit sets the bit of h that phraseBit tests.
func setPhraseBit(bits []uint64, h uint64) {
	b := (h * 0x9E3779B97F4A7C15) >> 32 & uint64(len(bits)*64-1)
	bits[b>>6] |= 1 << (b & 63)
}

func (pi *phraseIndex) add(p phraseRef) {
	if pi.byFirst == nil {
		pi.byFirst = map[string][]phraseRef{}
		pi.stems = map[string][]phraseRef{}
		pi.firstBits = make([]uint64, phraseBits/64)
		pi.stemBits = make([]uint64, phraseBits/64)
	}
	pi.n++
	if p.stem && len(p.words) == 1 {
		w := p.words[0]
		setPhraseBit(pi.stemBits, fnv64(fnvBasis, w))
		if _, seen := pi.stems[w]; !seen {
			i := sort.SearchInts(pi.stemLens, len(w))
			if i == len(pi.stemLens) || pi.stemLens[i] != len(w) {
				pi.stemLens = append(pi.stemLens, 0)
				copy(pi.stemLens[i+1:], pi.stemLens[i:])
				pi.stemLens[i] = len(w)
			}
		}
		pi.stems[w] = append(pi.stems[w], p)
		return
	}
	pi.byFirst[p.words[0]] = append(pi.byFirst[p.words[0]], p)
	setPhraseBit(pi.firstBits, fnv64(fnvBasis, p.words[0]))
}

// each calls fn for every phrase matching words at position i, in index order.
func (pi *phraseIndex) each(words []string, i int, fn func(p phraseRef) bool) {
	if pi.n == 0 {
		return
	}
	w := words[i]
	if phraseBit(pi.firstBits, fnv64(fnvBasis, w)) {
		for _, p := range pi.byFirst[w] {
			if p.matchAt(words, i) && !fn(p) {
				return
			}
		}
	}
	// The prefixes' hashes grow with the prefix, stem lengths ascending.
	h, done := uint64(fnvBasis), 0
	for _, l := range pi.stemLens {
		if l > len(w) {
			break
		}
		h = fnv64(h, w[done:l])
		done = l
		if !phraseBit(pi.stemBits, h) {
			continue
		}
		for _, p := range pi.stems[w[:l]] {
			if !fn(p) {
				return
			}
		}
	}
}

func (p phraseRef) matchAt(words []string, i int) bool {
	if i+len(p.words) > len(words) {
		return false
	}
	last := len(p.words) - 1
	for k, w := range p.words {
		if k == last && p.stem {
			if !strings.HasPrefix(words[i+k], w) {
				return false
			}
		} else if words[i+k] != w {
			return false
		}
	}
	return true
}

func buildIndex(set *dict.Set) *index {
	nActor, nAgent := 0, 0
	for _, a := range set.Actors {
		for _, p := range a.Phrases {
			nActor += len(p.Elems)
		}
	}
	for _, a := range set.Agents {
		for _, p := range a.Phrases {
			nAgent += len(p.Elems)
		}
	}
	ix := &index{
		actors:  newTrie(nActor),
		agents:  newTrie(nAgent),
		forms:   map[string][]formRef{},
		synsets: map[string]*synsetIndex{},
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
	for _, d := range set.Discards {
		if len(d.Words) > 0 {
			ix.discards.add(phraseRef{words: d.Words, stem: !d.WordEnd, discard: d})
		}
	}
	for _, is := range set.Issues {
		for _, ph := range is.Phrases {
			if len(ph) == 0 {
				continue
			}
			if is.Ignore {
				ix.ignores.add(phraseRef{words: ph})
			} else if is.Code != "" {
				ix.issues.add(phraseRef{words: ph, code: is.Code})
			}
		}
	}
	if v := set.Verbs; v != nil {
		ix.syntax = v.Syntax
		ix.verbPath = v.Path
		ix.xforms = v.Transforms
		for name, s := range v.Synsets {
			si := &synsetIndex{fwd: map[string][]phraseSeq{}, bwd: map[string][]phraseSeq{}}
			for _, p := range s.Phrases {
				si.add(seqOf(p))
			}
			ix.synsets[name] = si
		}
		for _, b := range v.Blocks {
			bl := &block{b: b}
			for i := range b.Patterns {
				if !validCode(b.Patterns[i].Code) {
					continue // "[+++]", "[###]" and the like never code
				}
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
	for _, e := range p.Elems {
		if e.Kind == dict.ElemWord && !strings.Contains(e.Word, "/") {
			cp.need = append(cp.need, e.Word)
			cp.needSig.add(e.Word)
		}
	}
	return cp
}

// entryRef is what a trie path ends in: an actor or an agent phrase.
type entryRef struct {
	actor  *dict.Actor
	agent  *dict.Agent
	phrase dict.Phrase
}

// trie indexes phrases word by word; an edge remembers whether the word must
// follow the previous one immediately. Nodes live in one slice and edges in
// one map, which keeps building fast for the tens of thousands of Phoenix
// actor phrases.
type trie struct {
	nodes []trieNode
	// ids numbers the words, so edges can be keyed by integers.
	ids   map[string]uint32
	edges map[uint64]int32
	// firstBits has the bit of every word a phrase starts with (see
	// phraseBit): most words start none, and longest drops them without
	// a map lookup.
	firstBits []uint64
}

// trieBits is the size of a trie's first-word bitmap, in bits.
const trieBits = 1 << 18

type trieNode struct {
	ends []entryRef
	// open lists the children reached by a blank connector (other words may
	// come first); they must be searched for, not looked up.
	open []openEdge
}

type openEdge struct {
	word  string
	child int32
}

func edgeKey(parent int32, word uint32) uint64 { return uint64(parent)<<32 | uint64(word) }

// newTrie returns an empty trie sized for about n words.
func newTrie(n int) *trie {
	return &trie{nodes: make([]trieNode, 1, n+1), ids: make(map[string]uint32, n/2), edges: make(map[uint64]int32, n),
		firstBits: make([]uint64, trieBits/64)}
}

func (t *trie) id(w string) uint32 {
	if id, ok := t.ids[w]; ok {
		return id
	}
	id := uint32(len(t.ids) + 1)
	t.ids[w] = id
	return id
}

func (t *trie) add(s phraseSeq, ref entryRef) {
	if len(s.words) == 0 {
		return
	}
	setPhraseBit(t.firstBits, fnv64(fnvBasis, s.words[0]))
	n := int32(0)
	for i, w := range s.words {
		open := i > 0 && !s.consec[i-1]
		next := int32(-1)
		var key uint64
		if open {
			for _, e := range t.nodes[n].open {
				if e.word == w {
					next = e.child
				}
			}
		} else {
			key = edgeKey(n, t.id(w))
			if c, ok := t.edges[key]; ok {
				next = c
			}
		}
		if next < 0 {
			next = int32(len(t.nodes))
			t.nodes = append(t.nodes, trieNode{})
			if open {
				t.nodes[n].open = append(t.nodes[n].open, openEdge{word: w, child: next})
			} else {
				t.edges[key] = next
			}
		}
		n = next
	}
	t.nodes[n].ends = append(t.nodes[n].ends, ref)
}

// child returns the node reached from n by word w glued to it, or -1.
func (t *trie) child(n int32, w string) int32 {
	id, ok := t.ids[w]
	if !ok {
		return -1
	}
	if c, ok := t.edges[edgeKey(n, id)]; ok {
		return c
	}
	return -1
}

// match is a phrase found in a token range.
type match struct {
	ref  entryRef
	toks []int // matched positions in the words given to longest
}

// longest finds the longest phrase starting at words[start] within
// words[start:end]. Longer means more words matched; among equals, the one
// ending first.
func (t *trie) longest(words []string, start, end int) (match, bool) {
	if start >= end || !phraseBit(t.firstBits, fnv64(fnvBasis, words[start])) {
		return match{}, false
	}
	first := t.child(0, words[start])
	if first < 0 {
		return match{}, false // the common case: no phrase starts here
	}
	var best match
	found := false
	var path []int
	var walk func(n int32, pos int)
	walk = func(n int32, pos int) {
		node := &t.nodes[n]
		if len(node.ends) > 0 {
			if !found || len(path) > len(best.toks) || (len(path) == len(best.toks) && path[len(path)-1] < best.toks[len(best.toks)-1]) {
				best = match{ref: node.ends[0], toks: append(best.toks[:0:0], path...)}
				found = true
			}
		}
		if pos >= end {
			return
		}
		if c := t.child(n, words[pos]); c >= 0 {
			path = append(path, pos)
			walk(c, pos+1)
			path = path[:len(path)-1]
		}
		for _, e := range node.open {
			for q := pos; q < end; q++ {
				if words[q] == e.word {
					path = append(path, q)
					walk(e.child, q+1)
					path = path[:len(path)-1]
					break
				}
			}
		}
	}
	path = append(path, start)
	walk(first, start+1)
	return best, found
}

// dictPath returns the verb file an entry came from: its own Path when the
// reader set one (always, for merged dictionaries), else the dictionary's.
func (ix *index) dictPath(p string) string {
	if p == "" {
		return ix.verbPath
	}
	return p
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
