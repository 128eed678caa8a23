package coder

import (
	"github.com/annalist/annalist"
	"github.com/annalist/annalist/reporting"
)

// speechVerb reports whether w (an upper-case word) is a form of a speech
// verb, the verbs that attribute a quotation ("SAID", "SAYS", "WARNED").
func speechVerb(w string) bool { return reporting.Is(w, reporting.Speech, reporting.AnyForm) }

// quotes extracts the direct quotations of a sentence: the quoted words, the
// speaker (the subject of the speech verb outside the quotation: "..., Xu
// said"), and the outlet when the sentence names one ("as quoted by the
// Defense Ministry", "according to Xinhua"). A quotation still open at the end
// of the sentence continues in the next one.
func (d *Doc) quotes(s *sentence, sentIndex int) []annalist.Quote {
	type span struct{ from, to int } // token range of the quoted words, inclusive
	var spans []span
	open := -1
	if d.openQuote {
		open = 0
	}
	for i, t := range s.toks {
		if t.Norm != `"` {
			continue
		}
		if open < 0 {
			open = i + 1
			continue
		}
		if i-1 >= open {
			spans = append(spans, span{open, i - 1})
		}
		open = -1
	}
	d.openQuote = open >= 0
	if open >= 0 && open < len(s.toks) {
		spans = append(spans, span{open, len(s.toks) - 1})
	}
	if len(spans) == 0 {
		return nil
	}
	inQuote := make([]bool, len(s.toks))
	for _, sp := range spans {
		for i := sp.from; i <= sp.to; i++ {
			inQuote[i] = true
		}
	}
	var speaker *annalist.Actor
	for v, t := range s.toks {
		if inQuote[v] || !speechVerb(s.words[v]) || !isVerbTag(t.Tag) {
			continue
		}
		if ch := d.c.subjectOf(s, v, nil); ch != nil && !inQuote[ch.head] {
			if vs := d.c.resolveGroup(s, ch, d.date, 0); len(vs) > 0 {
				a := d.c.actorOut(s, vs[0])
				speaker = &a
				break
			}
		}
	}
	outlet := s.outlet(inQuote)
	var out []annalist.Quote
	for _, sp := range spans {
		toks := rangeToks(sp.from, sp.to+1)
		for len(toks) > 0 && s.toks[toks[len(toks)-1]].Rel == "punct" && s.toks[toks[len(toks)-1]].Norm != "..." {
			toks = toks[:len(toks)-1]
		}
		if len(toks) == 0 {
			continue
		}
		var docSpan annalist.Span
		for _, t := range toks {
			docSpan = docSpan.Union(s.toks[t].Span)
		}
		q := annalist.Quote{DocID: d.id, SentenceIndex: sentIndex, Text: s.rawText(toks), Span: docSpan, Speaker: speaker, Outlet: outlet}
		out = append(out, q)
	}
	return out
}

// outlet finds who reported a quotation: "as quoted by X", "according to X",
// "cited by X", "X reported".
func (s *sentence) outlet(inQuote []bool) string {
	for i := 0; i+1 < len(s.words); i++ {
		if inQuote[i] {
			continue
		}
		var at int
		switch {
		case (s.words[i] == "QUOTED" || s.words[i] == "CITED" || s.words[i] == "REPORTED") && s.words[i+1] == "BY":
			at = i + 2
		case s.words[i] == "ACCORDING" && s.words[i+1] == "TO":
			at = i + 2
		default:
			continue
		}
		for j := at; j < len(s.toks) && j < at+4; j++ {
			if ci := s.chunk[j]; ci >= 0 {
				ch := s.chunks[ci]
				toks := ch.toks
				// include the chunk's own prepositional tail ("the Ministry of Defence")
				toks = append(append([]int(nil), toks...), s.extended(ch, 1)[len(ch.toks):]...)
				sortInts(toks)
				return s.rawText(toks)
			}
		}
	}
	return ""
}
