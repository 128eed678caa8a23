package tag

import (
	"bufio"
	"io"
	"strings"
)

// WordNet readings of a word form: which parts of speech WordNet lists for
// it as a lemma, and which inflections of a WordNet lemma it can be.
const (
	wnNoun    = 1 << iota // noun lemma
	wnVerb                // verb lemma
	wnAdj                 // adjective lemma
	wnAdv                 // adverb lemma
	wnPlural              // plural of a noun lemma
	wnVerbS               // third person singular of a verb lemma
	wnVerbEd              // past tense or participle of a verb lemma
	wnVerbIng             // -ing form of a verb lemma
	wnAdjEr               // comparative or superlative of an adjective lemma
)

// wordNet is a part-of-speech lexicon: single-word lemmas with their parts of
// speech and the irregular inflections, keyed by lowerHash.
type wordNet struct {
	lemmas map[uint64]uint16
	exc    map[uint64]uint16 // irregular inflected form -> readings
}

// Regular inflection rules (WordNet's own detachment rules, plus doubled
// consonants): strip cut, append add, and if the result is a lemma of the
// given part of speech the form has the reading.
var wnRules = [...]struct {
	cut, add string
	pos      uint16
	reading  uint16
}{
	{"s", "", wnNoun, wnPlural}, {"ses", "s", wnNoun, wnPlural}, {"xes", "x", wnNoun, wnPlural},
	{"zes", "z", wnNoun, wnPlural}, {"ches", "ch", wnNoun, wnPlural}, {"shes", "sh", wnNoun, wnPlural},
	{"men", "man", wnNoun, wnPlural}, {"ies", "y", wnNoun, wnPlural},
	{"s", "", wnVerb, wnVerbS}, {"ies", "y", wnVerb, wnVerbS}, {"es", "e", wnVerb, wnVerbS}, {"es", "", wnVerb, wnVerbS},
	{"ed", "e", wnVerb, wnVerbEd}, {"ed", "", wnVerb, wnVerbEd}, {"ied", "y", wnVerb, wnVerbEd},
	{"ing", "e", wnVerb, wnVerbIng}, {"ing", "", wnVerb, wnVerbIng},
	{"er", "", wnAdj, wnAdjEr}, {"est", "", wnAdj, wnAdjEr}, {"er", "e", wnAdj, wnAdjEr},
	{"est", "e", wnAdj, wnAdjEr}, {"ier", "y", wnAdj, wnAdjEr}, {"iest", "y", wnAdj, wnAdjEr},
}

// readings returns the WordNet readings of w (any case), 0 if none.
func (wn *wordNet) readings(w string) uint16 {
	if wn == nil || len(wn.lemmas) == 0 {
		return 0
	}
	r := wn.lemmas[lowerHash(w, "")] | wn.exc[lowerHash(w, "")]
	for _, rule := range wnRules {
		if len(w) < len(rule.cut)+2 || !hasSuffixFold(w, rule.cut) {
			continue
		}
		base := w[:len(w)-len(rule.cut)]
		if wn.lemmas[lowerHash(base, rule.add)]&rule.pos != 0 {
			r |= rule.reading
		}
		// stopped -> stop, running -> run
		if rule.add == "" && rule.pos == wnVerb && len(base) > 2 && base[len(base)-1] == base[len(base)-2] {
			if wn.lemmas[lowerHash(base[:len(base)-1], "")]&wnVerb != 0 {
				r |= rule.reading
			}
		}
	}
	return r
}

// readWordNet reads the lexicon in the format writeWordNet writes: one
// entry per line, "L<tab>form<tab>bits" for a lemma and "X<tab>form<tab>bits"
// for an irregular form.
func readWordNet(r io.Reader) (*wordNet, error) {
	wn := &wordNet{lemmas: map[uint64]uint16{}, exc: map[uint64]uint16{}}
	s := bufio.NewScanner(r)
	line := 0
	for s.Scan() {
		line++
		kind, rest, ok1 := strings.Cut(s.Text(), "\t")
		form, bits, ok2 := strings.Cut(rest, "\t")
		var b uint16
		for _, c := range bits {
			if c < 'a' || c > 'i' {
				ok2 = false
				break
			}
			b |= 1 << (c - 'a')
		}
		if !ok1 || !ok2 || form == "" || b == 0 {
			return nil, bad("wordnet lexicon line %d malformed", line)
		}
		switch kind {
		case "L":
			wn.lemmas[lowerHash(form, "")] |= b
		case "X":
			wn.exc[lowerHash(form, "")] |= b
		default:
			return nil, bad("wordnet lexicon line %d malformed", line)
		}
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	return wn, nil
}
