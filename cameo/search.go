package cameo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Searched fields, best first, and the weight of a match in each.
const (
	fieldName = iota
	fieldDescription
	fieldUsage
	fieldExample
	numFields
)

var fieldWeight = [numFields]int{8, 4, 2, 1}

// Search returns the entries whose text contains every word of the query,
// best first. Words are runs of letters and digits; matching ignores case and
// punctuation, and a query word matches a word of the text that starts with
// it ("protest" matches "protesters", "war" does not match "toward"). An entry
// must match every query word in its name, description, usage notes or
// example. Ranking: entries matching more query words in the name first;
// among entries with name matches, shorter names first (the query covers more
// of the name); then a weighted count of the fields each word matches (name 8,
// description 4, usage notes 2, example 1); then whole-word matches before
// prefix matches; then codebook order. A query with no words returns nil.
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
	for i := range c.entries {
		e := &c.entries[i]
		fields := [numFields]string{e.Name, e.Description, e.UsageNotes, e.Example}
		h := hit{i: i}
		all := true
		for _, w := range q {
			best := noMatch
			for f, text := range fields {
				m := matchWord(text, w)
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
			h.nw = len(words(e.Name))
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
// digits) matches text, ignoring case: as a whole word, as the start of a
// word, or not at all.
func matchWord(text, w string) int {
	if !isASCII(w) {
		text = lower(text)
	}
	best := noMatch
	for off := 0; ; {
		i := indexFold(text[off:], w)
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

// indexFold returns the index of the first occurrence of w in text, ignoring
// ASCII case, or -1. w is lower case; when it is not ASCII, text must already
// be lower case.
func indexFold(text, w string) int {
	if len(w) == 0 {
		return 0
	}
	first := w[0]
	for i := 0; i+len(w) <= len(text); i++ {
		if toLowerASCII(text[i]) != first {
			continue
		}
		j := 1
		for j < len(w) && toLowerASCII(text[i+j]) == w[j] {
			j++
		}
		if j == len(w) {
			return i
		}
	}
	return -1
}

func toLowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lower is strings.ToLower, faster on text that is ASCII but for a few curly
// quotes (which send strings.ToLower down its slow path).
func lower(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, toLowerASCII(c))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		i += n
	}
	return string(b)
}

// words splits text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(lower(s), func(r rune) bool { return !isWordRune(r) })
}

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
