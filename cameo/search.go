package cameo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchDoc holds the lower-cased text of an entry's fields, by field.
type searchDoc struct {
	fields    [numFields]string
	nameWords int // number of words in the name
}

// Searched fields, best first, and the weight of a match in each.
const (
	fieldName = iota
	fieldDescription
	fieldUsage
	fieldExample
	numFields
)

var fieldWeight = [numFields]int{8, 4, 2, 1}

func (c *Codebook) buildSearch() {
	c.search = make([]searchDoc, len(c.entries))
	for i, e := range c.entries {
		c.search[i].fields = [numFields]string{
			strings.ToLower(e.Name), strings.ToLower(e.Description),
			strings.ToLower(e.UsageNotes), strings.ToLower(e.Example),
		}
		c.search[i].nameWords = len(words(e.Name))
	}
}

// words splits text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !isWordRune(r)
	})
}

// Search returns the entries whose text contains every word of the query,
// best first. Matching ignores case and punctuation; a query word matches a
// word of the text that starts with it ("protest" matches "protesters", "war"
// does not match "toward"). An entry must match every query word in its name,
// description, usage notes or example. Ranking: entries matching more query
// words in the name first; then a weighted count of the fields each word
// matches (name 8, description 4, usage notes 2, example 1); then whole-word
// matches before prefix matches; then shorter names; then codebook order. A
// query with no words returns nil.
func (c *Codebook) Search(query string) []Entry {
	q := dedupe(words(query))
	if len(q) == 0 {
		return nil
	}
	type hit struct {
		i                           int
		nameHits, weight, exact, nw int
	}
	var hits []hit
	for i := range c.search {
		doc := &c.search[i]
		h := hit{i: i, nw: doc.nameWords}
		all := true
		for _, w := range q {
			best := noMatch
			for f := 0; f < numFields; f++ {
				m := matchWord(doc.fields[f], w)
				if m == noMatch {
					continue
				}
				best = max(best, m)
				h.weight += fieldWeight[f]
				if f == fieldName {
					h.nameHits++
				}
			}
			if best == noMatch {
				all = false
				break
			}
			if best == wholeWord {
				h.exact++
			}
		}
		if all {
			hits = append(hits, h)
		}
	}
	sort.SliceStable(hits, func(a, b int) bool {
		x, y := hits[a], hits[b]
		switch {
		case x.nameHits != y.nameHits:
			return x.nameHits > y.nameHits
		case x.nameHits > 0 && x.nw != y.nw:
			return x.nw < y.nw
		case x.weight != y.weight:
			return x.weight > y.weight
		case x.exact != y.exact:
			return x.exact > y.exact
		}
		return x.i < y.i
	})
	out := make([]Entry, len(hits))
	for k, h := range hits {
		out[k] = c.entries[h.i]
	}
	return out
}

const (
	noMatch = iota
	prefixMatch
	wholeWord
)

// matchWord reports how well the query word w (lower case, letters and
// digits) matches the lower-cased text: as a whole word, as the start of a
// word, or not at all.
func matchWord(text, w string) int {
	best := noMatch
	for off := 0; ; {
		i := strings.Index(text[off:], w)
		if i < 0 {
			return best
		}
		i += off
		off = i + len(w)
		if r, _ := utf8.DecodeLastRuneInString(text[:i]); i > 0 && isWordRune(r) {
			continue // inside a word: "war" in "toward"
		}
		if r, _ := utf8.DecodeRuneInString(text[off:]); off == len(text) || !isWordRune(r) {
			return wholeWord
		}
		best = prefixMatch
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func dedupe(ws []string) []string {
	out := ws[:0]
	seen := map[string]bool{}
	for _, w := range ws {
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}
