package coder

import (
	"strings"

	"github.com/annalist/annalist/dict"
)

// verbHit is a verb of the sentence found in the verb dictionary.
type verbHit struct {
	tok        int // the verb word
	start, end int // token range of the whole (multi-word) verb
	ref        formRef
	// patterns are the patterns of every block that lists this verb form,
	// most specific first; a verb listed in several blocks gets its default
	// code from the last of them.
	patterns []*pattern
}

// auxRels are relations of verbs that never carry events themselves.
var auxRels = map[string]bool{"aux": true, "aux:pass": true, "cop": true}

// auxWords are the verbs that can be auxiliaries. A content verb the parser
// attached as an auxiliary ("believed linked") is coded, and heads the clause
// of the verb it hangs from.
var auxWords = map[string]bool{"BE": true, "IS": true, "ARE": true, "WAS": true, "WERE": true, "BEEN": true, "BEING": true,
	"AM": true, "'S": true, "'RE": true, "'M": true, "HAVE": true, "HAS": true, "HAD": true, "HAVING": true, "'VE": true,
	"'D": true, "DO": true, "DOES": true, "DID": true, "WILL": true, "WOULD": true, "SHALL": true, "SHOULD": true,
	"CAN": true, "CA": true, "COULD": true, "MAY": true, "MIGHT": true, "MUST": true, "WO": true, "'LL": true,
	"GET": true, "GETS": true, "GOT": true, "GOTTEN": true, "GETTING": true, "OUGHT": true, "TO": true}

// findVerb looks token i up in the verb dictionary, trying multi-word forms
// first ("cordoned off", "wire tapped").
func (c *Coder) findVerb(s *sentence, i int) (verbHit, bool) {
	t := s.toks[i]
	if !isVerbTag(t.Tag) || (auxRels[t.Rel] && auxWords[s.words[i]]) || s.gone[i] || s.chunk[i] >= 0 {
		return verbHit{}, false
	}
	for _, ref := range c.ix.forms[s.words[i]] {
		f := ref.form
		start := i - f.Head
		end := start + len(f.Words)
		if start < 0 || end > len(s.toks) {
			continue
		}
		ok := true
		for k, w := range f.Words {
			if s.words[start+k] != w || (start+k != i && s.gone[start+k]) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		v := verbHit{tok: i, start: start, end: end, ref: ref}
		// Collect the other blocks that list the same form.
		n := 0
		for _, other := range c.ix.forms[s.words[i]] {
			if other.form.Head == f.Head && equalWords(other.form.Words, f.Words) {
				v.patterns = append(v.patterns, other.block.patterns...)
				v.ref = other
				n++
			}
		}
		if n > 1 {
			sortPatterns(v.patterns)
		} else {
			v.patterns = ref.block.patterns
		}
		return v, true
	}
	return verbHit{}, false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// scopes returns the token sequences a pattern is matched against: lower
// holds the tokens after the verb within its phrase (its dependents to the
// right, without coordinated verb phrases), upper the tokens before the verb
// back to the start of the sentence, nearest first.
func (c *Coder) scopes(s *sentence, v verbHit) (upper, lower []int) {
	root := v.tok
	if auxRels[s.toks[root].Rel] && s.toks[root].Head >= 0 {
		root = s.toks[root].Head // a content verb misparsed as an auxiliary
	}
	skip := func(k int) bool {
		r := s.toks[k].Rel
		return (r == "conj" && isVerbTag(s.toks[k].Tag)) || (r == "cc" && k > v.tok) || (r == "parataxis" && isVerbTag(s.toks[k].Tag))
	}
	sub := s.subtree(root, skip)
	// The rest of the verb's phrase also holds what hangs off the top of its
	// control chain after it ("is about to restore ties, five years after
	// crowds burned its embassy"): the parser may attach such clauses there.
	top := root
	for s.toks[top].Rel == "xcomp" && s.toks[top].Head >= 0 {
		top = s.toks[top].Head
	}
	if top != root {
		for _, k := range s.kids[top] {
			if k > v.end && !(s.toks[k].Rel == "conj" || s.toks[k].Rel == "cc") && !(s.tail >= 0 && k > s.tail) {
				sub = append(sub, s.subtree(k, skip)...)
			}
		}
		sortInts(sub)
	}
	for _, t := range sub {
		if t >= v.end && !s.gone[t] && (s.tail < 0 || v.tok > s.tail || t < s.tail) {
			lower = append(lower, t)
		}
	}
	for t := v.start - 1; t >= 0; t-- {
		if !s.gone[t] {
			upper = append(upper, t)
		}
	}
	return upper, lower
}

// binding records what a pattern's actor slots matched.
type binding struct {
	source, target, compound *chunk
	compoundLower            bool
	toks                     []int // tokens matched by the pattern's words
}

// matchPattern tries one pattern; it reports the slots it bound.
func (c *Coder) matchPattern(s *sentence, p *pattern, upper, lower []int) (binding, bool) {
	var b binding
	if !c.matchSide(s, p.lower, p.lowerConsec, lower, true, &b) {
		return binding{}, false
	}
	if !c.matchSide(s, p.upper, p.upperConsec, upper, false, &b) {
		return binding{}, false
	}
	return b, true
}

// matchSide matches elements against seq starting at its first position;
// firstConsec says the first element must be at position 0. forward is true
// for the lower side (seq in text order) and false for the upper side (seq
// in reverse text order, elements nearest the verb first).
func (c *Coder) matchSide(s *sentence, elems []dict.Elem, firstConsec bool, seq []int, forward bool, b *binding) bool {
	pos := 0
	consec := firstConsec
	for ei, e := range elems {
		switch e.Kind {
		case dict.ElemWord:
			j := c.findWord(s, seq, pos, consec, e.Word)
			if j < 0 {
				return false
			}
			b.toks = append(b.toks, seq[j])
			pos = j + 1
		case dict.ElemSynset:
			j, next := c.findSynset(s, seq, pos, consec, e.Word, forward)
			if j < 0 {
				return false
			}
			for q := j; q < next; q++ {
				b.toks = append(b.toks, seq[q])
			}
			pos = next
		case dict.ElemSource, dict.ElemTarget, dict.ElemCompound, dict.ElemSkip:
			ch, next := c.findChunk(s, seq, pos, consec)
			if ch == nil {
				return false
			}
			switch e.Kind {
			case dict.ElemSource:
				b.source = ch
			case dict.ElemTarget:
				b.target = ch
			case dict.ElemCompound:
				b.compound = ch
				b.compoundLower = forward
			}
			pos = next
		default:
			return false
		}
		// The connector after this element (in text order) decides whether the
		// next element must follow immediately. On the upper side the next
		// element is the one before this in text, joined by its own flag.
		if forward {
			consec = e.Consecutive
		} else if ei+1 < len(elems) {
			consec = elems[ei+1].Consecutive
		}
	}
	return true
}

func (c *Coder) findWord(s *sentence, seq []int, pos int, consec bool, w string) int {
	alts := strings.Contains(w, "/") && len(w) > 1 // PETRARCH-2 writes alternatives as TO/FOR
	for j := pos; j < len(seq); j++ {
		if s.words[seq[j]] == w || (alts && isAlternative(s.words[seq[j]], w)) {
			return j
		}
		if consec {
			return -1
		}
	}
	return -1
}

// findSynset finds the first position at or after pos where a phrase of the
// synset matches; it returns the position and the position after the match.
func (c *Coder) findSynset(s *sentence, seq []int, pos int, consec bool, name string, forward bool) (int, int) {
	for j := pos; j < len(seq); j++ {
		if next := c.synsetAt(s, seq, j, name, forward, 0); next > j {
			return j, next
		}
		if consec {
			break
		}
	}
	return -1, -1
}

// synsetAt returns the end position of the longest phrase of the synset
// matching at seq[j], or j when none does.
func (c *Coder) synsetAt(s *sentence, seq []int, j int, name string, forward bool, depth int) int {
	best := j
	si := c.ix.synsets[name]
	if depth > 4 || si == nil || j >= len(seq) {
		return best
	}
	cands, nested := si.fwd[s.words[seq[j]]], si.nestedFwd
	if !forward {
		cands, nested = si.bwd[s.words[seq[j]]], si.nestedBwd
	}
	for _, group := range [2][]phraseSeq{cands, nested} {
		for _, ph := range group {
			if e := c.phraseAt(s, seq, j, ph.words, ph.consec, forward, depth); e > best {
				best = e
			}
		}
	}
	return best
}

func reversePhrase(ph phraseSeq) ([]string, []bool) {
	n := len(ph.words)
	w := make([]string, n)
	cs := make([]bool, n)
	for i := range ph.words {
		w[i] = ph.words[n-1-i]
		if i+1 < n {
			cs[i] = ph.consec[n-2-i]
		}
	}
	return w, cs
}

// phraseAt matches words (with connectors cons) starting exactly at seq[j].
func (c *Coder) phraseAt(s *sentence, seq []int, j int, words []string, cons []bool, forward bool, depth int) int {
	pos := j
	for k, w := range words {
		if pos >= len(seq) {
			return j
		}
		first := k == 0
		consec := first || cons[k-1]
		found := -1
		for q := pos; q < len(seq); q++ {
			if strings.HasPrefix(w, "&") {
				if e := c.synsetAt(s, seq, q, w[1:], forward, depth+1); e > q {
					found = q
					pos = e
					break
				}
			} else if s.words[seq[q]] == w {
				found = q
				pos = q + 1
				break
			}
			if consec {
				break
			}
		}
		if found < 0 {
			return j
		}
	}
	return pos
}

// findChunk finds the next noun chunk beginning at or after pos (on the upper
// side: ending at or before it) and returns it with the position after it.
func (c *Coder) findChunk(s *sentence, seq []int, pos int, consec bool) (*chunk, int) {
	for j := pos; j < len(seq); j++ {
		ci := s.chunk[seq[j]]
		// A chunk qualifies where it begins, or at pos when a word of the
		// pattern matched its first part ("* THEIR ^ ...": "their populations").
		if ci >= 0 && (j == pos || s.chunk[seq[j-1]] != ci) && !s.temporal(s.chunks[ci]) {
			next := j + 1
			for next < len(seq) && s.chunk[seq[next]] == ci {
				next++
			}
			return s.apposHead(s.chunks[ci]), next
		}
		if consec {
			break
		}
	}
	return nil, -1
}

// isAlternative reports whether word is one of the '/'-separated alternatives in w.
func isAlternative(word, w string) bool {
	for _, a := range strings.Split(w, "/") {
		if a == word {
			return true
		}
	}
	return false
}
