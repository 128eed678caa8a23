// Package tokenize splits raw news text into sentences and Penn Treebank / UD EWT style tokens with exact byte offsets.
//
// Split is the entry point for a whole document: it returns sentences whose
// spans, and whose tokens' spans, index the input text. Tokens does the same
// for one sentence without looking for sentence boundaries. Both are pure
// functions of their input: they keep no state, never fail and are safe for
// concurrent use. The conventions (what is one token, how Norm is formed,
// where sentences end) are described in docs/tokenize.md.
package tokenize

import (
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// Split splits text into sentences and tokens. Every sentence has Index set
// 0-based, Span indexing text with Text == text[Span.Start:Span.End], and
// Tokens whose spans also index text (not the sentence). Whitespace between
// sentences belongs to none. Sentences that stand alone on a line without
// sentence-final punctuation get Kind KindHeadline (or KindCredit for photo
// credits); everything else is KindBody. Split never fails: text that is not
// valid UTF-8 is tokenized byte by byte where it is broken. Text with no
// tokens gives no sentences.
func Split(text string) []annalist.Sentence {
	toks := scan(text, make([]tok, 0, len(text)/5+4))
	if len(toks) == 0 {
		return nil
	}
	ends := boundaries(text, toks)
	all := make([]annalist.Token, len(toks))
	fill(text, toks, all)
	sents := make([]annalist.Sentence, len(ends))
	from := 0
	for k, to := range ends {
		span := annalist.Span{Start: toks[from].start, End: toks[to-1].end}
		sents[k] = annalist.Sentence{
			Index:  k,
			Span:   span,
			Text:   text[span.Start:span.End],
			Kind:   kind(text, toks, from, to),
			Tokens: all[from:to:to],
		}
		from = to
	}
	return splitDateline(text, sents)
}

// splitDateline makes a leading dateline ("KABUL, Dec 19 (Reuters) -") a
// sentence of its own, of KindDateline, so the models and the coder see the
// story's first sentence without it. Only the first body sentence is looked
// at, since a headline or caption may come before the dateline.
func splitDateline(text string, sents []annalist.Sentence) []annalist.Sentence {
	k := 0
	for k < len(sents) && sents[k].Kind != annalist.KindBody {
		k++
	}
	if k == len(sents) {
		return sents
	}
	s := sents[k]
	_, body, ok := Dateline(text[s.Span.Start:])
	if !ok {
		return sents
	}
	body += s.Span.Start
	m := 0
	for m < len(s.Tokens) && s.Tokens[m].Span.Start < body {
		m++
	}
	if m == 0 {
		return sents
	}
	if m == len(s.Tokens) { // the dateline alone, its story in the next sentence
		sents[k].Kind = annalist.KindDateline
		return sents
	}
	dl := annalist.Span{Start: s.Span.Start, End: s.Tokens[m-1].Span.End}
	rest := annalist.Span{Start: s.Tokens[m].Span.Start, End: s.Span.End}
	out := make([]annalist.Sentence, 0, len(sents)+1)
	out = append(out, sents[:k]...)
	out = append(out,
		annalist.Sentence{Span: dl, Text: text[dl.Start:dl.End], Kind: annalist.KindDateline, Tokens: s.Tokens[:m:m]},
		annalist.Sentence{Span: rest, Text: text[rest.Start:rest.End], Kind: s.Kind, Tokens: s.Tokens[m:]})
	out = append(out, sents[k+1:]...)
	for i := range out {
		out[i].Index = i
	}
	return out
}

// Tokens tokenizes text, taken as one sentence (or any stretch of text whose
// sentence boundaries do not matter), and returns its tokens with spans
// indexing text, Norm set and Head -1. It never fails; text with no tokens
// gives nil.
func Tokens(text string) []annalist.Token {
	toks := scan(text, make([]tok, 0, len(text)/5+4))
	if len(toks) == 0 {
		return nil
	}
	out := make([]annalist.Token, len(toks))
	fill(text, toks, out)
	return out
}

func fill(text string, toks []tok, out []annalist.Token) {
	for i, t := range toks {
		s := text[t.start:t.end]
		out[i] = annalist.Token{Text: s, Norm: norm(s), Span: annalist.Span{Start: t.start, End: t.end}, Head: -1}
	}
}

// Token kinds used by the sentence splitter.
const (
	kWord  uint8 = iota // starts with a letter, digit or mark; also URLs, handles, hashtags
	kFinal              // a run of . ! ? or an ellipsis
	kClose              // a closing quote or bracket
	kOpen               // an opening quote or bracket
	kQuote              // a straight quote: opening or closing depending on spacing
	kDash               // - -- – —
	kPunct              // any other punctuation or symbol
)

// tok is a token as the scanner finds it.
type tok struct {
	start, end int
	kind       uint8
	abbr       uint8 // abbreviation class when the token keeps its period
	nl         uint8 // newlines in the whitespace before the token: 0, 1, or 2 for a blank line or more
	gap        bool  // whitespace before the token
}

// ASCII character classes.
const (
	cSpace uint8 = 1 << iota
	cLetter
	cUpper
	cDigit
)

var ascii = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || c < 0x20 || c == 0x7f:
			t[c] = cSpace
		case c >= 'a' && c <= 'z':
			t[c] = cLetter
		case c >= 'A' && c <= 'Z':
			t[c] = cLetter | cUpper
		case c >= '0' && c <= '9':
			t[c] = cDigit
		}
	}
	return t
}()

// isSpace reports whether r separates tokens: Unicode white space (NBSP
// included), zero-width space, byte order mark and control characters.
func isSpace(r rune) bool {
	if r < 0 {
		return false
	}
	if r < utf8.RuneSelf {
		return ascii[r]&cSpace != 0
	}
	switch r {
	case 0x200B, 0xFEFF, 0x2060, 0x180E:
		return true
	}
	return unicode.IsSpace(r) || unicode.Is(unicode.Cc, r)
}

// isAlnum reports whether r is part of a word: a letter, a digit, a number or a combining mark.
func isAlnum(r rune) bool {
	if r < 0 {
		return false
	}
	if r < utf8.RuneSelf {
		return ascii[r]&(cLetter|cDigit) != 0
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// runeAt decodes the rune at i, or returns (-1, 0) at the end of s.
func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return -1, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

// scan appends the tokens of text to toks.
func scan(text string, toks []tok) []tok {
	n := len(text)
	nl, gap := 0, false
	for i := 0; i < n; {
		c := text[i]
		size := 1
		var r rune
		if c < utf8.RuneSelf {
			r = rune(c)
			if ascii[c]&cSpace != 0 {
				gap = true
				if c == '\n' || c == '\r' && (i+1 == n || text[i+1] != '\n') {
					nl++
				}
				i++
				continue
			}
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isSpace(r) {
				gap = true
				switch r {
				case 0x2028, 0x85:
					nl++
				case 0x2029:
					nl += 2
				}
				i += size
				continue
			}
		}
		before := len(toks)
		toks = scanToken(text, i, r, size, toks)
		if nl > 2 {
			nl = 2
		}
		toks[before].nl = uint8(nl)
		toks[before].gap = gap || i == 0
		i = toks[len(toks)-1].end
		nl, gap = 0, false
	}
	return toks
}

// scanToken appends the token (or, for contractions, tokens) starting at i,
// whose first rune r has the given size.
func scanToken(text string, i int, r rune, size int, toks []tok) []tok {
	if isAlnum(r) {
		if end, ok := url(text, i); ok {
			return append(toks, tok{start: i, end: end, kind: kWord})
		}
		return word(text, i, toks)
	}
	n := len(text)
	end := i + size
	kind := kPunct
	switch r {
	case '.', '!', '?':
		for end < n && (text[end] == '.' || text[end] == '!' || text[end] == '?') {
			end++
		}
		kind = kFinal
	case '…':
		kind = kFinal
	case '-':
		for end < n && text[end] == '-' {
			end++
		}
		kind = kDash
	case '–', '—', '―':
		kind = kDash
	case '*', '=', '~', '<', '>', '_', '+', '^', '|':
		for end < n && text[end] == byte(r) {
			end++
		}
	case '`':
		if end < n && text[end] == '`' {
			end++
			kind = kOpen
		}
	case '"':
		kind = kQuote
	case '\'', '’':
		if end < n && r == '\'' && text[end] == '\'' {
			return append(toks, tok{start: i, end: end + 1, kind: kClose})
		}
		return apostrophe(text, i, size, toks)
	case '(', '[', '{', '“', '‘', '«', '„', '‚', '‹':
		kind = kOpen
	case ')', ']', '}', '”', '»', '›':
		kind = kClose
	case '@', '#':
		// @handle, #hashtag (a # before a digit stays apart, as "# 3" in EWT)
		if c, sz := runeAt(text, end); c == '_' || isAlnum(c) && !(r == '#' && c >= '0' && c <= '9') {
			end += sz
			for {
				c, sz = runeAt(text, end)
				if c != '_' && !isAlnum(c) {
					break
				}
				end += sz
			}
			kind = kWord
		}
	}
	// keep combining marks (variation selectors, skin tones' joiners) with the symbol they modify
	for end < n {
		c, sz := runeAt(text, end)
		if c != 0x200D && (c < utf8.RuneSelf || !unicode.IsMark(c)) {
			break
		}
		end += sz
	}
	return append(toks, tok{start: i, end: end, kind: kind})
}

// apostrophe scans a token that starts with an apostrophe: a clitic glued to
// the token before ("Co.'s"), a year ("'90s"), or a quote or possessive mark.
func apostrophe(text string, i, size int, toks []tok) []tok {
	end := i + size
	adjacent := len(toks) > 0 && toks[len(toks)-1].end == i
	if adjacent {
		if k := cliticLen(text, end); k > 0 {
			return append(toks, tok{start: i, end: end + k, kind: kWord})
		}
	}
	if end < len(text) && isDigitByte(text[end]) {
		e := end
		for e < len(text) && isDigitByte(text[e]) {
			e++
		}
		if e-end == 2 {
			if e < len(text) && text[e] == 's' {
				e++
			}
			if r, _ := runeAt(text, e); !isAlnum(r) {
				return append(toks, tok{start: i, end: e, kind: kWord})
			}
		}
	}
	return append(toks, tok{start: i, end: end, kind: kQuote})
}

// cliticLen returns the length of the clitic (s, re, ve, ll, d, m, any case)
// that starts at i and is followed by a non-letter, or 0.
func cliticLen(text string, i int) int {
	for _, k := range [...]int{1, 2} {
		if i+k > len(text) {
			break
		}
		if r, _ := runeAt(text, i+k); isAlnum(r) {
			continue
		}
		switch lower2(text[i : i+k]) {
		case "s", "d", "m", "re", "ve", "ll":
			return k
		}
	}
	return 0
}

// lower2 lower-cases a short ASCII string without allocating for the common cases.
func lower2(s string) string {
	switch s {
	case "S":
		return "s"
	case "D":
		return "d"
	case "M":
		return "m"
	case "RE", "Re":
		return "re"
	case "VE", "Ve":
		return "ve"
	case "LL", "Ll":
		return "ll"
	}
	return s
}

// url returns the end of a URL starting at i ("http://", "https://", "ftp://", "www.").
func url(text string, i int) (int, bool) {
	c := text[i] | 0x20
	if c != 'h' && c != 'w' && c != 'f' {
		return 0, false
	}
	rest := text[i:]
	ok := false
	for _, p := range [...]string{"http://", "https://", "ftp://", "www."} {
		if len(rest) > len(p) && equalFold(rest[:len(p)], p) {
			ok = true
			break
		}
	}
	if !ok {
		return 0, false
	}
	end := i
	parens := 0
	for end < len(text) {
		r, sz := runeAt(text, end)
		if isSpace(r) || r == '"' || r == '<' || r == '>' || r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»' || r == utf8.RuneError {
			break
		}
		switch r {
		case '(':
			parens++
		case ')':
			parens--
		}
		end += sz
	}
	// trailing punctuation belongs to the sentence, not the URL
	for end > i {
		c := text[end-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == ']' || c == '}' || c == ')' && parens < 0 {
			if c == ')' {
				parens++
			}
			end--
			continue
		}
		break
	}
	if end-i < 5 {
		return 0, false
	}
	return end, true
}

func equalFold(a, b string) bool {
	for k := 0; k < len(a); k++ {
		if a[k]|0x20 != b[k] && a[k] != b[k] {
			return false
		}
	}
	return true
}

// word scans a word starting at i and appends it, split into its syntactic
// words ("don't" -> "do" "n't"), to toks.
func word(text string, i int, toks []tok) []tok {
	n := len(text)
	j := i
	seg := i      // start of the current period-separated segment
	periods := 0  // internal periods
	apos := -1    // position of the last internal apostrophe
	letters := 0  // letters seen, to tell words from numbers
	connects := 0 // hyphens, slashes, @ and the like: such words are never abbreviations
	hyph := i     // start of the part after the last hyphen
	prev := rune(-1)
	for j < n {
		// fast path: a run of ASCII letters and digits
		if c := text[j]; c < utf8.RuneSelf && ascii[c]&(cLetter|cDigit) != 0 {
			k := j
			for k < n && text[k] < utf8.RuneSelf && ascii[text[k]]&(cLetter|cDigit) != 0 {
				if ascii[text[k]]&cLetter != 0 {
					letters++
				}
				k++
			}
			prev = rune(text[k-1])
			j = k
			continue
		}
		r, sz := runeAt(text, j)
		if isAlnum(r) {
			if r >= utf8.RuneSelf || ascii[r]&cLetter != 0 {
				letters++
			}
			prev = r
			j += sz
			continue
		}
		next, nsz := runeAt(text, j+sz)
		joined := false
		switch {
		case isHyphen(r):
			joined = isAlnum(next) && (isAlnum(prev) || prev == '.' && periods > 0)
			if joined {
				hyph = j + sz
				seg = hyph
			}
		case r == '.':
			switch {
			case isDigitRune(prev) && isDigitRune(next):
				joined = true
			case isAlnum(next):
				// "U.S", "a.m", "Ph.D", "example.com", "v1.2", tickers such as
				// "UOBM.SI", but not "said.The"
				joined = j-seg <= 2 || !isUpper(next) || caps(text[seg:j]) && caps(nextSegment(text, j+1))
				if joined {
					seg = j + 1
					periods++
				}
			case next == '-' && periods > 0 && j-seg <= 2:
				// "U.S.-led": keep the period and let the hyphen join
				if r2, _ := runeAt(text, j+sz+nsz); isAlnum(r2) {
					joined = true
					periods++
				}
			}
		case r == ',' || r == ':' || r == '/':
			joined = isDigitRune(prev) && isDigitRune(next) // 1,000  10:30  9/11
		case r == '\'' || r == '’':
			if isAlnum(next) && isAlnum(prev) {
				joined = true
				apos = j
			}
		case r == '&':
			joined = isLetterRune(prev) && isLetterRune(next) // AT&T
		case r == '@' || r == '_':
			joined = isAlnum(prev) && isAlnum(next) // press@un.org
		case r == '$':
			// "US$", "HK$", "A$": a currency written with its country; the token ends after the $
			switch text[i:j] {
			case "US", "A", "C", "HK", "NZ", "S", "NT", "R":
				if isDigitRune(next) || isSpace(next) {
					j += sz
				}
			}
		}
		if !joined {
			break
		}
		if isHyphen(r) || r == '&' || r == '@' || r == '_' {
			connects++
		}
		prev = r
		j += sz
	}
	// a word's own period: "Mr.", "U.S.", "Inc.", "No." before a number
	var cls uint8
	if j < n && text[j] == '.' && (j+1 == n || text[j+1] != '.') {
		w := text[i:j]
		if periods > 0 {
			if connects == 0 && initialism(w) || connects > 0 && hyphensOnly(text[i:hyph]) && initialism(text[hyph:j]) {
				// "U.S.", "Ph.D.", and "R-N.C." in "(R-N.C.)"
				cls = abbrGeneral
				if nonFinalInitialisms[w] {
					cls = abbrTitle
				}
			}
		} else if connects == 0 {
			cls = abbrevClass(w, nextIsDigit(text, j+1))
		}
		if cls != 0 {
			j++
		}
	}
	if cls != 0 {
		return append(toks, tok{start: i, end: j, kind: kWord, abbr: cls})
	}
	w := text[i:j]
	// contractions: "don't" -> "do" "n't", "it's" -> "it" "'s", "they're" -> "they" "'re"
	if apos > i {
		al := aposLen(text, apos)
		tail := text[apos+al : j]
		if (tail == "t" || tail == "T") && apos-1 > i && text[apos-1]|0x20 == 'n' {
			return append(toks, tok{start: i, end: apos - 1, kind: kWord}, tok{start: apos - 1, end: j, kind: kWord})
		}
		if cl := cliticLen(text, apos+al); cl > 0 && cl == len(tail) {
			return append(toks, tok{start: i, end: apos, kind: kWord}, tok{start: apos, end: j, kind: kWord})
		}
	}
	if letters > 0 && connects == 0 && periods == 0 {
		if k := fused(w); k > 0 {
			return append(toks, tok{start: i, end: i + k, kind: kWord}, tok{start: i + k, end: j, kind: kWord})
		}
	}
	return append(toks, tok{start: i, end: j, kind: kWord})
}

func aposLen(text string, i int) int {
	if text[i] == '\'' {
		return 1
	}
	return len("’")
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' }
func isUpper(r rune) bool {
	return r < utf8.RuneSelf && r >= 0 && ascii[r]&cUpper != 0 || r >= utf8.RuneSelf && unicode.IsUpper(r)
}
func isLetterRune(r rune) bool {
	return r >= 0 && (r < utf8.RuneSelf && ascii[r]&cLetter != 0 || r >= utf8.RuneSelf && unicode.IsLetter(r))
}

// nextIsDigit reports whether the first non-blank character at or after i is a digit.
func nextIsDigit(text string, i int) bool {
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	return i < len(text) && isDigitByte(text[i])
}

// caps reports whether w is non-empty and made of upper-case ASCII letters and digits only.
func caps(w string) bool {
	for k := 0; k < len(w); k++ {
		if c := w[k]; c >= utf8.RuneSelf || ascii[c]&(cUpper|cDigit) == 0 {
			return false
		}
	}
	return w != ""
}

// nextSegment returns the run of ASCII letters and digits starting at i.
func nextSegment(text string, i int) string {
	j := i
	for j < len(text) && text[j] < utf8.RuneSelf && ascii[text[j]]&(cLetter|cDigit) != 0 {
		j++
	}
	return text[i:j]
}

// hyphensOnly reports whether the connectors in w are all hyphens.
func hyphensOnly(w string) bool {
	for k := 0; k < len(w); k++ {
		switch w[k] {
		case '/', '&', '@', '_', '\'', ',', ':':
			return false
		}
	}
	return true
}

// initialism reports whether w (without its final period) is letters with
// periods between segments of at most two letters: "U.S", "a.m", "Ph.D", "J.R.R".
func initialism(w string) bool {
	seg := 0
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case c == '.':
			if seg == 0 {
				return false
			}
			seg = 0
		case c < utf8.RuneSelf && ascii[c]&cLetter != 0:
			seg++
			if seg > 2 {
				return false
			}
		default:
			return false
		}
	}
	return seg > 0
}

// fused returns where to split a word that EWT writes as two syntactic words
// without an apostrophe ("cannot" -> "can" "not", "gonna" -> "gon" "na",
// "5pm" -> "5" "pm"), or 0.
func fused(w string) int {
	switch len(w) {
	case 5, 6:
		var b [6]byte
		for k := 0; k < len(w); k++ {
			b[k] = w[k] | 0x20
		}
		switch string(b[:len(w)]) {
		case "cannot":
			return 3
		case "gonna", "wanna", "gotta":
			return 3
		}
	}
	// digits followed by am/pm
	if len(w) >= 3 && isDigitByte(w[0]) {
		k := len(w) - 2
		s := w[k]|0x20 == 'a' || w[k]|0x20 == 'p'
		if s && w[k+1]|0x20 == 'm' {
			for d := 0; d < k; d++ {
				if !isDigitByte(w[d]) && w[d] != ':' && w[d] != '.' {
					return 0
				}
			}
			return k
		}
	}
	return 0
}
