// Package fold turns place names into the ASCII, case- and diacritic-insensitive keys the gazetteer indexes.
//
// The gazetteer's generator and its run-time lookups both call Key, so the
// embedded index and the queries agree byte for byte. The tables are
// hand-written for the Latin script: Latin-1 Supplement, Latin Extended-A, the
// used part of Latin Extended-B and Latin Extended Additional (Vietnamese).
// Letters of other scripts are kept, lower-cased.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// latin1 maps U+00C0..U+00FF to ASCII; "" drops the rune's letter value and
// keeps it as is (× and ÷).
var latin1 = [64]string{
	"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
}

// extA maps U+0100..U+017F (Latin Extended-A) to base letters; upper case at
// even code points, lower case at odd ones, except where written out.
var extA = [128]string{
	"A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d", // 0100
	"D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g", // 0110
	"G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i", // 0120
	"I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", // 0130
	"l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o", // 0140
	"O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s", // 0150
	"S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u", // 0160
	"U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s", // 0170
}

// extB maps the letters of U+0180..U+024F that occur in place names.
var extB = map[rune]string{
	0x0180: "b", 0x0181: "B", 0x0186: "O", 0x0187: "C", 0x0188: "c", 0x0189: "D", 0x018A: "D",
	0x018F: "E", 0x0190: "E", 0x0191: "F", 0x0192: "f", 0x0193: "G", 0x0197: "I", 0x0198: "K",
	0x0199: "k", 0x019A: "l", 0x019D: "N", 0x019E: "n", 0x019F: "O", 0x01A0: "O", 0x01A1: "o",
	0x01A4: "P", 0x01A5: "p", 0x01AB: "t", 0x01AC: "T", 0x01AD: "t", 0x01AE: "T", 0x01AF: "U",
	0x01B0: "u", 0x01B2: "V", 0x01B3: "Y", 0x01B4: "y", 0x01B5: "Z", 0x01B6: "z",
	0x01CD: "A", 0x01CE: "a", 0x01CF: "I", 0x01D0: "i", 0x01D1: "O", 0x01D2: "o", 0x01D3: "U",
	0x01D4: "u", 0x01D5: "U", 0x01D6: "u", 0x01D7: "U", 0x01D8: "u", 0x01D9: "U", 0x01DA: "u",
	0x01DB: "U", 0x01DC: "u", 0x01DD: "e", 0x01DE: "A", 0x01DF: "a", 0x01E0: "A", 0x01E1: "a",
	0x01E2: "AE", 0x01E3: "ae", 0x01E4: "G", 0x01E5: "g", 0x01E6: "G", 0x01E7: "g", 0x01E8: "K",
	0x01E9: "k", 0x01EA: "O", 0x01EB: "o", 0x01EC: "O", 0x01ED: "o", 0x01F0: "j", 0x01F4: "G",
	0x01F5: "g", 0x01F8: "N", 0x01F9: "n", 0x01FA: "A", 0x01FB: "a", 0x01FC: "AE", 0x01FD: "ae",
	0x01FE: "O", 0x01FF: "o", 0x0200: "A", 0x0201: "a", 0x0202: "A", 0x0203: "a", 0x0204: "E",
	0x0205: "e", 0x0206: "E", 0x0207: "e", 0x0208: "I", 0x0209: "i", 0x020A: "I", 0x020B: "i",
	0x020C: "O", 0x020D: "o", 0x020E: "O", 0x020F: "o", 0x0210: "R", 0x0211: "r", 0x0212: "R",
	0x0213: "r", 0x0214: "U", 0x0215: "u", 0x0216: "U", 0x0217: "u", 0x0218: "S", 0x0219: "s",
	0x021A: "T", 0x021B: "t", 0x021E: "H", 0x021F: "h", 0x0224: "Z", 0x0225: "z", 0x0226: "A",
	0x0227: "a", 0x0228: "E", 0x0229: "e", 0x022A: "O", 0x022B: "o", 0x022C: "O", 0x022D: "o",
	0x022E: "O", 0x022F: "o", 0x0230: "O", 0x0231: "o", 0x0232: "Y", 0x0233: "y",
	0x0250: "a", 0x0254: "o", 0x0256: "d", 0x0257: "d", 0x0259: "e", 0x025B: "e", 0x0263: "g",
	0x0268: "i", 0x0272: "n", 0x0275: "o", 0x0280: "R", 0x0283: "s", 0x028B: "v", 0x0292: "z",
}

// extAdd holds the base letter of each pair of U+1E00..U+1E95 (Latin Extended
// Additional, first part), two code points (upper, lower) per entry.
const extAdd = "abbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrsssssttttuuuuuvvwwwwwxxyzzz"

// Runs of Latin Extended Additional U+1EA0..U+1EF9 (Vietnamese), as
// [first, last, letter] with upper case at even code points.
var vietnamese = [...]struct {
	lo, hi rune
	b      byte
}{
	{0x1EA0, 0x1EB7, 'a'}, {0x1EB8, 0x1EC7, 'e'}, {0x1EC8, 0x1ECB, 'i'},
	{0x1ECC, 0x1EE3, 'o'}, {0x1EE4, 0x1EF1, 'u'}, {0x1EF2, 0x1EF9, 'y'},
}

// ASCII returns s with Latin letters carrying diacritics replaced by their
// base letters (keeping case: "Žilina" → "Zilina", "Straße" → "Strasse"),
// typographic apostrophes replaced by "'" and Unicode dashes by "-". Runes
// it has no rule for are kept unchanged. It never fails.
func ASCII(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if t, ok := translit(r); ok {
			b.WriteString(t)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// translit returns the ASCII spelling of r when there is a rule for it.
func translit(r rune) (string, bool) {
	switch {
	case r < utf8.RuneSelf:
		return "", false
	case r >= 0xC0 && r <= 0xFF:
		if t := latin1[r-0xC0]; t != "" {
			return t, true
		}
	case r >= 0x100 && r <= 0x17F:
		return extA[r-0x100], true
	case r >= 0x180 && r <= 0x2AF:
		t, ok := extB[r]
		return t, ok
	case r >= 0x1E00 && r <= 0x1E95:
		c := extAdd[(r-0x1E00)/2]
		if r%2 == 0 {
			c -= 'a' - 'A'
		}
		return string(rune(c)), true
	case r == 0x1E9E:
		return "SS", true
	case r >= 0x1EA0 && r <= 0x1EF9:
		for _, v := range vietnamese {
			if r >= v.lo && r <= v.hi {
				c := v.b
				if r%2 == 0 {
					c -= 'a' - 'A'
				}
				return string(rune(c)), true
			}
		}
	case r == '\u2018' || r == '\u2019' || r == '\u02BC' || r == '\u02BB' || r == '\u02BE' || r == '\u02BF' || r == '\u00B4' || r == '`' || r == '\u2032':
		return "'", true
	case r >= '\u2010' && r <= '\u2015' || r == '\u2212':
		return "-", true
	}
	return "", false
}

// Key returns the lookup key of a name: ASCII-folded (see ASCII), lower-cased,
// with hyphens, commas, underscores and runs of white space turned into one
// space, and trimmed. "Saint-Étienne", "SAINT ETIENNE" and "saint  etienne"
// share the key "saint etienne"; periods and apostrophes are kept, so
// "U.S." is "u.s." and not the word "us". It never fails; a string of only
// separators gives "".
func Key(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	emit := func(c rune) {
		if c == ' ' || c == '-' || c == ',' || c == '_' || unicode.IsSpace(c) {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(byte(c))
			return
		}
		b.WriteRune(unicode.ToLower(c))
	}
	for _, r := range s {
		if r == utf8.RuneError {
			emit(r)
			continue
		}
		t, ok := translit(r)
		if !ok && r >= utf8.RuneSelf {
			// A rune whose lower case has a rule (U+212B ANGSTROM SIGN → å).
			r = unicode.ToLower(r)
			t, ok = translit(r)
		}
		if ok {
			for _, c := range t {
				emit(c)
			}
			continue
		}
		emit(r)
	}
	return b.String()
}
