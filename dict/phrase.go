package dict

// Phrase tokenising and English inflection shared by the readers.

import "strings"

// phraseMode says how tokenPhrase reads a phrase.
type phraseMode uint8

const (
	// modePlain: blanks let other words intervene, '_' joins words (actors, agents).
	modePlain phraseMode = iota
	// modeSynset: synset phrases; every word is consecutive and "&NAME" is a reference.
	modeSynset
)

// tokenPhrase splits a phrase into elements. s starts at 1-based column col
// of line. Words are maximal runs of characters other than blank, tab and
// '_'; a separator run that holds a '_' joins its neighbours (Consecutive),
// one that holds only blanks lets other words intervene. A '_' at the end
// makes the phrase Exact. Characters that belong to other syntax ('[', ']',
// '{', '}') are reported and skipped; reporting stops the tokenising only in
// strict mode.
func (p *parser) tokenPhrase(s string, line, col int, mode phraseMode) (elems []Elem, exact bool, err error) {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isSep(s[i]) && (i == 0 || isSep(s[i-1])) {
			n++
		}
	}
	if n == 0 {
		return nil, strings.Contains(s, "_"), nil
	}
	elems = make([]Elem, 0, n)
	i := 0
	for i < len(s) {
		// Separator run.
		j := i
		under := false
		for j < len(s) && isSep(s[j]) {
			if s[j] == '_' {
				under = true
			}
			j++
		}
		if under {
			if len(elems) > 0 && j < len(s) {
				elems[len(elems)-1].Consecutive = true
			} else if len(elems) > 0 {
				exact = true
			} else if e := p.errorf(line, col+i, "phrase starts with '_'"); e != nil {
				return nil, false, e
			}
		}
		if j >= len(s) {
			break
		}
		// Word.
		k := j
		for k < len(s) && !isSep(s[k]) {
			k++
		}
		w := s[j:k]
		if bad := strings.IndexAny(w, "[]{}"); bad >= 0 {
			if e := p.errorf(line, col+j+bad, "unexpected %q in phrase", w[bad]); e != nil {
				return nil, false, e
			}
			w = strings.Map(func(r rune) rune {
				if strings.ContainsRune("[]{}", r) {
					return -1
				}
				return r
			}, w)
		}
		if w != "" {
			el := Elem{Kind: ElemWord, Col: col + j}
			if mode == modeSynset && w[0] == '&' && len(w) > 1 {
				el.Kind = ElemSynset
				el.Word = p.in.word(w[1:])
			} else {
				el.Word = p.in.word(w)
			}
			elems = append(elems, el)
		}
		i = k
	}
	if mode == modeSynset {
		// dictionaries.rst: synset phrases require consecutive words.
		for k := 0; k+1 < len(elems); k++ {
			elems[k].Consecutive = true
		}
	}
	return elems, exact, nil
}

func isSep(c byte) bool { return c == ' ' || c == '\t' || c == '_' }

// isLetter reports whether c is an ASCII letter.
func isLetter(c byte) bool { return ('A' <= c && c <= 'Z') || ('a' <= c && c <= 'z') }

// isVowel reports whether c is an upper-case vowel.
func isVowel(c byte) bool {
	switch c {
	case 'A', 'E', 'I', 'O', 'U':
		return true
	}
	return false
}

// plural returns the regular English plural of an upper-case word, or ""
// when the word does not end in a letter (numbers, abbreviations such as
// "U.S.", codes such as "F-16"): S; ES after S, X, Z, SH, CH; IES for a
// consonant followed by Y.
func plural(w string) string {
	n := len(w)
	if n == 0 || !isLetter(w[n-1]) {
		return ""
	}
	switch last := w[n-1]; {
	case last == 'S' || last == 'X' || last == 'Z' ||
		(n >= 2 && (w[n-2:] == "SH" || w[n-2:] == "CH")):
		return w + "ES"
	case last == 'Y' && n >= 2 && !isVowel(w[n-2]):
		return w[:n-1] + "IES"
	}
	return w + "S"
}

// verbForms returns the regular third-person, past and -ing forms of an
// upper-case verb, or nothing when the verb does not end in a letter.
// Spelling: -S takes ES after S, X, Z, SH, CH and consonant+O, and IES after
// consonant+Y; -ED drops a final E (DEPLORED) and turns consonant+Y into
// IED; -ING drops a final consonant+E (DEPLORING), turns IE into Y (DYING)
// and keeps EE, YE, OE (AGREEING). Final consonants are never doubled: the
// dictionaries spell out such forms in {..}.
func verbForms(w string) []string {
	n := len(w)
	if n == 0 || !isLetter(w[n-1]) {
		return nil
	}
	last := w[n-1]
	prev := byte(0)
	if n >= 2 {
		prev = w[n-2]
	}
	consonantBefore := prev != 0 && isLetter(prev) && !isVowel(prev)
	var s, ed, ing string
	switch {
	case last == 'S' || last == 'X' || last == 'Z' || (prev == 'S' || prev == 'C') && last == 'H',
		last == 'O' && consonantBefore:
		s = w + "ES"
	case last == 'Y' && consonantBefore:
		s = w[:n-1] + "IES"
	default:
		s = w + "S"
	}
	switch {
	case last == 'E':
		ed = w + "D"
	case last == 'Y' && consonantBefore:
		ed = w[:n-1] + "IED"
	default:
		ed = w + "ED"
	}
	switch {
	case last == 'E' && prev == 'I':
		ing = w[:n-2] + "YING"
	case last == 'E' && (prev == 'E' || prev == 'Y' || prev == 'O'):
		ing = w + "ING"
	case last == 'E' && n > 2:
		ing = w[:n-1] + "ING"
	default:
		ing = w + "ING"
	}
	return []string{s, ed, ing}
}

// withLast returns a copy of elems whose last element's word is w.
func withLast(elems []Elem, w string) []Elem {
	out := make([]Elem, len(elems))
	copy(out, elems)
	out[len(out)-1].Word = w
	return out
}

// pluralPhrase returns the phrase's regular plural (its last word made
// plural) and true, or false when none applies: the phrase is Exact, empty,
// ends with something other than a word, or its last word takes no plural.
func (p *parser) pluralPhrase(ph Phrase) (Phrase, bool) {
	if ph.Exact || len(ph.Elems) == 0 {
		return Phrase{}, false
	}
	last := ph.Elems[len(ph.Elems)-1]
	if last.Kind != ElemWord {
		return Phrase{}, false
	}
	pl := plural(last.Word)
	if pl == "" {
		return Phrase{}, false
	}
	return Phrase{Elems: withLast(ph.Elems, p.in.word(pl)), Generated: true, Line: ph.Line}, true
}

// joinWords joins the words of elems with sep.
func joinWords(elems []Elem, sep string) string {
	switch len(elems) {
	case 0:
		return ""
	case 1:
		return elems[0].Word
	}
	var b strings.Builder
	for i, e := range elems {
		if i > 0 {
			b.WriteString(sep)
		}
		if e.Kind == ElemSynset {
			b.WriteByte('&')
		}
		b.WriteString(e.Word)
	}
	return b.String()
}
