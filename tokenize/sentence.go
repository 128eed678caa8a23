package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/reporting"
)

// Sentence-end strength of a token.
const (
	finNone  uint8 = iota
	finPunct       // . ! ? ... or a closing quote or bracket right after one
	finAbbr        // a word that keeps its period; see the abbreviation class
)

// boundaries returns, for each sentence, the index one past its last token.
func boundaries(text string, toks []tok) []int {
	ends := make([]int, 0, len(toks)/20+1)
	prev := finNone
	for i := 0; i+1 < len(toks); i++ {
		t := &toks[i]
		f := finNone
		switch {
		case t.kind == kFinal:
			f = finPunct
		case t.abbr != abbrNone:
			f = finAbbr
		case (t.kind == kClose || t.kind == kQuote) && !t.gap && prev != finNone:
			// `ready." He`: the closing quote carries the end; after an
			// abbreviation (`in the U.S." He`) it makes the period final
			f = finPunct
		}
		prev = f
		if endsAfter(text, toks, i, f) {
			ends = append(ends, i+1)
		}
	}
	return append(ends, len(toks))
}

// endsAfter decides whether a sentence ends between toks[i], whose end strength is f, and toks[i+1].
func endsAfter(text string, toks []tok, i int, f uint8) bool {
	t, n := &toks[i], &toks[i+1]
	if n.nl >= 2 {
		return true // a blank line always ends a sentence
	}
	if !n.gap && (n.kind == kClose || n.kind == kQuote || n.kind == kFinal) {
		return false // closing quotes and brackets stay with the sentence they close
	}
	lower := startsLower(text, n)
	if n.nl == 1 {
		switch f {
		case finPunct:
			return !lower
		case finAbbr:
			switch t.abbr {
			case abbrTitle, abbrNumber:
				return false
			case abbrInitial:
				return starter(text, n)
			case abbrMonth:
				return !lower && !isDigitByte(text[n.start])
			}
			return !lower
		}
		// a line without sentence-final punctuation: a headline, caption or
		// credit unless it visibly stops mid-sentence or the next line goes on in lower case
		return !lower && !continues(text, t)
	}
	switch f {
	case finPunct:
		if lower {
			return t.kind == kFinal && lowerEnds(text, toks, i)
		}
		if (t.kind == kQuote || t.kind == kClose) && attribution(text, toks, i+1) {
			return false // "Wonderful!" Winston said.
		}
		switch n.kind {
		case kDash, kFinal:
			return false
		case kPunct, kClose:
			switch text[n.start] {
			case ',', ';', ':', '%', ')', ']', '}':
				return false
			}
		}
		return true
	case finAbbr:
		switch t.abbr {
		case abbrTitle, abbrNumber:
			return false
		case abbrMonth:
			if isDigitByte(text[n.start]) {
				return false
			}
		}
		if (n.kind == kOpen || n.kind == kQuote) && i+2 < len(toks) && toks[i+2].nl == 0 {
			return starter(text, &toks[i+2]) // Hutton Co. "There was...
		}
		return starter(text, n)
	}
	return false
}

// lowerEnds reports whether the sentence-final punctuation toks[i] ends a
// sentence although the next word is in lower case: after ? and !, and after a
// period that follows a lower-case word of three or more letters ("...to
// download media. youtube-dl also..."), which is no abbreviation.
func lowerEnds(text string, toks []tok, i int) bool {
	p := text[toks[i].start:toks[i].end]
	if p != "." {
		return strings.Trim(p, "?!") == "" // not after ... or …
	}
	if i == 0 || toks[i-1].kind != kWord || toks[i-1].end != toks[i].start {
		return false
	}
	w := text[toks[i-1].start:toks[i-1].end]
	if len(w) < 3 {
		return false
	}
	for k := 0; k < len(w); k++ {
		if w[k] < 'a' || w[k] > 'z' {
			return false
		}
	}
	return true
}

// attribution reports whether toks[k:] is a short attribution after a quote:
// one or two capitalised words, a speech verb in lower case and punctuation
// ("Xu said."; in "Ahmed Said." the name goes on). A speech verb whose comma opens a new quotation introduces that quotation
// and begins a sentence of its own (`... a "political maneuver." She
// explained, "By confessing ..."`).
func attribution(text string, toks []tok, k int) bool {
	for w := 0; w < 2 && k+w+2 < len(toks); w++ {
		name := &toks[k+w]
		if name.kind != kWord || name.nl > 0 || !isUpper(rune(text[name.start])) {
			return false
		}
		v, p := &toks[k+w+1], &toks[k+w+2]
		if v.kind != kWord || v.nl > 0 || p.nl > 0 || isUpper(rune(text[v.start])) || !reporting.Is(text[v.start:v.end], reporting.Speech, reporting.Present3|reporting.Past) {
			continue
		}
		if p.kind == kFinal {
			return true
		}
		if p.kind == kPunct && text[p.start] == ',' {
			q := k + w + 3
			return q >= len(toks) || toks[q].kind != kOpen && toks[q].kind != kQuote
		}
	}
	return false
}

// startsLower reports whether token n begins with a lower-case letter.
func startsLower(text string, n *tok) bool {
	c := text[n.start]
	if c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(text[n.start:n.end])
	return unicode.IsLower(r)
}

// starter reports whether n is a word that typically opens a sentence.
func starter(text string, n *tok) bool {
	return n.kind == kWord && starters[text[n.start:n.end]]
}

// continues reports whether a line ending in t visibly stops mid-sentence.
func continues(text string, t *tok) bool {
	switch t.kind {
	case kDash, kOpen:
		return true
	case kQuote:
		return t.gap // an opening quote
	case kPunct:
		switch text[t.start] {
		case ',', ';', ':', '&', '/':
			return true
		}
	case kWord:
		return continuers[text[t.start:t.end]]
	}
	return false
}

// kind classifies the sentence toks[from:to]: a line of its own without
// sentence-final punctuation, followed by more text, is a headline (or a
// caption: the two cannot be told apart by shape) or a photo credit.
func kind(text string, toks []tok, from, to int) annalist.SentenceKind {
	if (from == 0 || toks[from].nl > 0) && (to == len(toks) || toks[to].nl > 0) && to-from > 2 &&
		creditWords[text[toks[from].start:toks[from].end]] && text[toks[from+1].start] == ':' {
		return annalist.KindCredit // a line of its own such as "Image: Paul Budd."
	}
	if to >= len(toks) || toks[to].nl == 0 {
		return annalist.KindBody
	}
	for k := from + 1; k < to; k++ {
		if toks[k].nl > 0 {
			return annalist.KindBody
		}
	}
	last := to - 1
	for last > from && (toks[last].kind == kClose || toks[last].kind == kQuote) && !toks[last].gap {
		last-- // '...that?'" ends with its question mark
	}
	switch t := &toks[last]; {
	case t.kind == kFinal, t.abbr != abbrNone && t.abbr != abbrInitial:
		return annalist.KindBody
	case last == to-1 && t.kind != kWord && continues(text, t):
		return annalist.KindBody // a paragraph that stops at a comma, colon or dash ("as follows -")
	}
	for k := from; k < to; k++ {
		w := text[toks[k].start:toks[k].end]
		if creditWords[w] || k == from && strings.HasPrefix(text[toks[k].start:], "(c)") {
			return annalist.KindCredit
		}
	}
	return annalist.KindHeadline
}

// norm returns the matching form of a token: curly quotes and apostrophes
// become ' and ", en and em dashes "--", the ellipsis "...", Unicode hyphens
// "-", “ and ” a plain double quote; everything else is unchanged.
func norm(s string) string {
	k := 0
	for k < len(s) && s[k] < utf8.RuneSelf {
		k++
	}
	if k == len(s) {
		if s == "``" || s == "''" {
			return `"`
		}
		return s
	}
	var b []byte
	for j := k; j < len(s); {
		r, size := utf8.DecodeRuneInString(s[j:])
		var rep string
		switch r {
		case '‘', '’', '‚', '‛':
			rep = "'"
		case '“', '”', '„', '‟':
			rep = `"`
		case '–', '—', '―':
			rep = "--"
		case '‐', '‑':
			rep = "-"
		case '…':
			rep = "..."
		default:
			if b != nil {
				b = append(b, s[j:j+size]...)
			}
			j += size
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s)+2)
			b = append(b, s[:j]...)
		}
		b = append(b, rep...)
		j += size
	}
	if b == nil {
		return s
	}
	return string(b)
}
