package treebank

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// Align sets each token's Span to the bytes of text it was read from, starting
// the search at offset base (the spans index text, so pass the sentence's
// start when text is a whole document). Parse leaves are matched in order,
// case-insensitively, with Treebank escapes undone and quotes and dashes
// folded; a leaf that cannot be found close to the previous one (the parse
// and the text disagree) keeps an empty span and matching resumes at the next
// leaf. It returns the number of tokens aligned.
func Align(toks []annalist.Token, text string, base int) int {
	pos := base
	aligned := 0
	for i := range toks {
		w := toks[i].Norm
		if w == "" {
			w = toks[i].Text
		}
		start, end, ok := find(text, pos, w)
		if !ok {
			toks[i].Span = annalist.Span{}
			continue
		}
		toks[i].Span = annalist.Span{Start: start, End: end}
		pos = end
		aligned++
	}
	return aligned
}

// maxGap is how many bytes of unmatched text may lie between two aligned leaves.
const maxGap = 40

// find locates word w in text at or after pos, allowing only whitespace (or
// at most maxGap other bytes) before it.
func find(text string, pos int, w string) (int, int, bool) {
	for s := pos; s < len(text) && s <= pos+maxGap; {
		if e, ok := matchAt(text, s, w); ok {
			return s, e, true
		}
		_, n := utf8.DecodeRuneInString(text[s:])
		s += n
	}
	return 0, 0, false
}

// matchAt reports whether w matches text at s, returning the end offset.
func matchAt(text string, s int, w string) (int, bool) {
	i := s
	for _, wr := range w {
		if i >= len(text) {
			return 0, false
		}
		tr, n := utf8.DecodeRuneInString(text[i:])
		if !sameRune(wr, tr) {
			// "``" and "''" leaves stand for one quote character
			return 0, false
		}
		i += n
	}
	return i, i > s
}

func sameRune(a, b rune) bool {
	if a == b {
		return true
	}
	a, b = fold(a), fold(b)
	return a == b || unicode.ToLower(a) == unicode.ToLower(b)
}

// fold maps typographic quotes and dashes to their ASCII forms.
func fold(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201a', '\u2032', '`':
		return '\''
	case '\u201c', '\u201d', '\u201e', '\u2033':
		return '"'
	case '\u2013', '\u2014', '\u2212':
		return '-'
	}
	return r
}

// Words returns the normalised words of the tokens joined by single spaces,
// the text PETRARCH shows for a parse.
func Words(toks []annalist.Token) string {
	ws := make([]string, len(toks))
	for i, t := range toks {
		ws[i] = t.Norm
	}
	return strings.Join(ws, " ")
}
