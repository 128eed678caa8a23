package when

import (
	"unicode"
	"unicode/utf8"
)

// Token kinds.
const (
	kWord  = iota + 1 // a run of letters
	kNum              // a run of digits, with any ",ddd", ".d", ":dd" glued to it
	kPunct            // one punctuation or symbol character
)

// tok is a word, number or punctuation mark of the scanned text. Letters and
// digits are never in the same token: "19th" is "19" and "th", glued.
type tok struct {
	start, end int32
	// val is the value of a plain number of at most 9 digits or of a
	// number word ("two", and 1 for "a"), else -1.
	val  int32
	kw   kw
	kind uint8
	// p is the class of a punctuation token: the ASCII byte itself, '\''
	// for curly single quotes, '-' for Unicode dashes and hyphens, '"' for
	// curly double quotes, and 0x80 for anything else.
	p byte
	// cap: a word starting with an ASCII capital letter.
	cap bool
	// lower: a word without ASCII capitals.
	lower bool
	// glued: no space between this token and the previous one.
	glued bool
	// plain: a number made of ASCII digits only ("2019", not "2,019" or "3.5").
	plain bool
}

// digits returns the number of bytes of a number token.
func (t *tok) digits() int { return int(t.end - t.start) }

// lex splits text into tokens, appending to toks (which the caller usually
// backs with a stack array). Spaces separate tokens and belong to none.
func lex(text string, toks []tok) []tok {
	prevEnd := -1
	for i := 0; i < len(text); {
		c := text[i]
		start := i
		var t tok
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
			continue
		case isLetter(c):
			i++
			upper := c <= 'Z'
			ascii := true
			h := hashStep(fnvBasis, c)
			for i < len(text) {
				d := text[i]
				if isLetter(d) {
					if d <= 'Z' {
						upper = true
					}
					h = hashStep(h, d)
					i++
					continue
				}
				if d < utf8.RuneSelf {
					break
				}
				r, n := utf8.DecodeRuneInString(text[i:])
				if !unicode.IsLetter(r) {
					break
				}
				ascii = false
				i += n
			}
			t = tok{kind: kWord, cap: c <= 'Z', lower: !upper, val: -1}
			if ascii {
				if k := lookup(text[start:i], h); k != nil {
					t.kw, t.val = k.kw, int32(k.n)
				}
			}
		case c >= '0' && c <= '9':
			v := int32(0)
			for i < len(text) && text[i] >= '0' && text[i] <= '9' {
				v = v*10 + int32(text[i]-'0')
				i++
			}
			t = tok{kind: kNum, plain: true, val: v}
			if i-start > 9 {
				t.val = -1
			}
			// thousands separators, decimals and times stay in the number
			for i+1 < len(text) && (text[i] == ',' || text[i] == '.' || text[i] == ':') && text[i+1] >= '0' && text[i+1] <= '9' {
				t.plain, t.val = false, -1
				i++
				for i < len(text) && text[i] >= '0' && text[i] <= '9' {
					i++
				}
			}
		case c < utf8.RuneSelf:
			i++
			t = tok{kind: kPunct, p: c, val: -1}
		default:
			r, n := utf8.DecodeRuneInString(text[i:])
			i += n
			if unicode.IsSpace(r) {
				continue
			}
			if unicode.IsLetter(r) {
				for i < len(text) {
					d := text[i]
					if isLetter(d) {
						i++
						continue
					}
					if d < utf8.RuneSelf {
						break
					}
					r, n := utf8.DecodeRuneInString(text[i:])
					if !unicode.IsLetter(r) {
						break
					}
					i += n
				}
				t = tok{kind: kWord, val: -1}
				break
			}
			t = tok{kind: kPunct, p: punctClass(r), val: -1}
		}
		t.start, t.end = int32(start), int32(i)
		t.glued = start == prevEnd
		prevEnd = i
		toks = append(toks, t)
	}
	return toks
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// punctClass maps a non-ASCII punctuation rune to the ASCII class it plays.
func punctClass(r rune) byte {
	switch r {
	case '\u2018', '\u2019', '\u2032':
		return '\''
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u201c', '\u201d', '\u201e':
		return '"'
	}
	return 0x80
}
