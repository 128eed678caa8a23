package tokenize

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist/conllu"
)

// ewtDoc is one EWT document rebuilt as raw text with its gold analysis.
type ewtDoc struct {
	id    string
	text  string
	words []span // gold syntactic words, hyphenated compounds merged
	split []span // gold syntactic words as EWT has them (hyphens split off)
	sents []span // gold sentences
	pars  []int  // end offsets of paragraphs
}

type span struct{ start, end int }

// loadEWT rebuilds the raw text of every document of a CoNLL-U file: documents
// start at "# newdoc", paragraphs at "# newpar" and are joined by a blank
// line, sentences of a paragraph by a space unless the last word has
// SpaceAfter=No. Gold word offsets come from finding each word form, in order,
// in the sentence's "# text"; misaligned words are counted in the returned int.
func loadEWT(tb testing.TB, path string) ([]*ewtDoc, int) {
	tb.Helper()
	sents, err := conllu.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	var docs []*ewtDoc
	var b strings.Builder
	var doc *ewtDoc
	misaligned := 0
	finish := func() {
		if doc != nil {
			doc.text = b.String()
			if len(doc.pars) == 0 || doc.pars[len(doc.pars)-1] != len(doc.text) {
				doc.pars = append(doc.pars, len(doc.text))
			}
			docs = append(docs, doc)
		}
		b.Reset()
	}
	glue := ""
	for _, s := range sents {
		newdoc, newpar := false, false
		for _, c := range s.Comments {
			if k, v, ok := strings.Cut(c, "="); ok {
				switch strings.TrimSpace(k) {
				case "newdoc id":
					newdoc = true
					finish()
					doc = &ewtDoc{id: strings.TrimSpace(v)}
				case "newpar id", "newpar":
					newpar = true
				}
			} else if strings.TrimSpace(c) == "newpar" {
				newpar = true
			}
		}
		if doc == nil {
			doc = &ewtDoc{id: s.ID}
		}
		switch {
		case b.Len() == 0 || newdoc:
		case newpar:
			doc.pars = append(doc.pars, b.Len())
			b.WriteString("\n\n")
		default:
			b.WriteString(glue)
		}
		base := b.Len()
		b.WriteString(s.Text)
		doc.sents = append(doc.sents, span{base, base + len(s.Text)})
		misaligned += align(s.Text, base, s.Words, &doc.split)
		misaligned += align(s.Text, base, conllu.MergeHyphens(s).Words, &doc.words)
		glue = " "
		if n := len(s.Words); n > 0 && strings.Contains(s.Words[n-1].Misc, "SpaceAfter=No") {
			glue = ""
		}
	}
	finish()
	return docs, misaligned
}

// align appends the offsets of words found in order in text (shifted by base) and returns how many were not found.
func align(text string, base int, words []conllu.Word, out *[]span) int {
	pos, bad := 0, 0
	for _, w := range words {
		for pos < len(text) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			if !unicode.IsSpace(r) {
				break
			}
			pos += size
		}
		if strings.HasPrefix(text[pos:], w.Form) {
			*out = append(*out, span{base + pos, base + pos + len(w.Form)})
			pos += len(w.Form)
			continue
		}
		bad++
		if k := strings.Index(text[pos:], w.Form); k >= 0 {
			pos += k + len(w.Form)
		}
	}
	return bad
}

// prf is precision, recall and F1 of a predicted set against a gold set.
type prf struct{ tp, pred, gold int }

func (m prf) p() float64  { return ratio(m.tp, m.pred) }
func (m prf) r() float64  { return ratio(m.tp, m.gold) }
func (m prf) f1() float64 { return 2 * float64(m.tp) / float64(m.pred+m.gold) }
func (m prf) String() string {
	return fmt.Sprintf("P %.4f R %.4f F1 %.4f (tp %d, pred %d, gold %d)", m.p(), m.r(), m.f1(), m.tp, m.pred, m.gold)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func score(pred, gold []span) prf {
	set := make(map[span]bool, len(gold))
	for _, g := range gold {
		set[g] = true
	}
	m := prf{pred: len(pred), gold: len(gold)}
	for _, p := range pred {
		if set[p] {
			m.tp++
		}
	}
	return m
}

// ewtScores holds the EWT evaluation figures.
type ewtScores struct {
	tokens, tokensSplit, bounds, boundsInPar, sents prf
	misaligned                                      int
	errs                                            []string
}

func evalEWT(tb testing.TB, path string, keepErrs bool) ewtScores {
	docs, mis := loadEWT(tb, path)
	sc := ewtScores{misaligned: mis}
	add := func(m *prf, x prf) { m.tp += x.tp; m.pred += x.pred; m.gold += x.gold }
	for _, d := range docs {
		sents := Split(d.text)
		var toks, sspans []span
		for _, s := range sents {
			sspans = append(sspans, span{s.Span.Start, s.Span.End})
			for _, t := range s.Tokens {
				toks = append(toks, span{t.Span.Start, t.Span.End})
			}
		}
		add(&sc.tokens, score(toks, d.words))
		add(&sc.tokensSplit, score(toks, d.split))
		add(&sc.sents, score(sspans, d.sents))
		// boundaries: sentence end offsets, leaving out the end of the document
		ends := func(ss []span) []span {
			var out []span
			for _, s := range ss {
				if s.end != len(d.text) {
					out = append(out, span{s.end, 0})
				}
			}
			return out
		}
		add(&sc.bounds, score(ends(sspans), ends(d.sents)))
		// boundaries inside paragraphs only: the ones a blank line does not give away
		par := map[int]bool{}
		for _, p := range d.pars {
			par[p] = true
		}
		inPar := func(ss []span) []span {
			var out []span
			for _, s := range ends(ss) {
				if !par[s.start] {
					out = append(out, s)
				}
			}
			return out
		}
		add(&sc.boundsInPar, score(inPar(sspans), inPar(d.sents)))
		if keepErrs {
			sc.errs = append(sc.errs, diffTokens(d.text, toks, d.words)...)
			sc.errs = append(sc.errs, diffSents(d.text, sspans, d.sents)...)
		}
	}
	return sc
}

func diffTokens(text string, pred, gold []span) []string {
	g := map[span]bool{}
	for _, s := range gold {
		g[s] = true
	}
	var out []string
	for _, p := range pred {
		if !g[p] {
			lo, hi := max(0, p.start-20), min(len(text), p.end+20)
			out = append(out, fmt.Sprintf("TOK %q in %q", text[p.start:p.end], strings.ReplaceAll(text[lo:hi], "\n", "⏎")))
		}
	}
	return out
}

func diffSents(text string, pred, gold []span) []string {
	g := map[int]bool{}
	for _, s := range gold {
		g[s.end] = true
	}
	p := map[int]bool{}
	for _, s := range pred {
		p[s.end] = true
	}
	var out []string
	show := func(tag string, at int) {
		lo, hi := max(0, at-40), min(len(text), at+30)
		out = append(out, fmt.Sprintf("%s %q|%q", tag, strings.ReplaceAll(text[lo:at], "\n", "⏎"), strings.ReplaceAll(text[at:hi], "\n", "⏎")))
	}
	for _, s := range pred {
		if !g[s.end] {
			show("SENT+", s.end)
		}
	}
	for _, s := range gold {
		if !p[s.end] {
			show("SENT-", s.end)
		}
	}
	return out
}

const ewtTest = "../testdata/ud/en_ewt-ud-test.conllu"

// TestEWT measures tokens and sentence boundaries against the gold EWT test
// split. Set TOKENIZE_EWT_ERRORS=1 to print every mismatch. The thresholds
// sit just under the figures measured when the test was written (see
// docs/tokenize.md). TOKENIZE_EWT_FILE=path evaluates another CoNLL-U file
// (such as EWT dev) and only logs the figures.
func TestEWT(t *testing.T) {
	path, check := ewtTest, true
	if p := os.Getenv("TOKENIZE_EWT_FILE"); p != "" {
		path, check = p, false
	}
	sc := evalEWT(t, path, os.Getenv("TOKENIZE_EWT_ERRORS") != "")
	t.Logf("tokens (hyphens merged):  %v", sc.tokens)
	t.Logf("tokens (EWT split):       %v", sc.tokensSplit)
	t.Logf("sentence boundaries:      %v", sc.bounds)
	t.Logf("  inside paragraphs:      %v", sc.boundsInPar)
	t.Logf("exact sentence spans:     %v", sc.sents)
	t.Logf("misaligned gold words:    %d", sc.misaligned)
	for _, e := range sc.errs {
		t.Log(e)
	}
	if !check {
		return
	}
	if sc.misaligned != 0 {
		t.Errorf("%d gold words could not be found in the rebuilt text", sc.misaligned)
	}
	for _, c := range []struct {
		name string
		got  float64
		min  float64
	}{
		{"token F1", sc.tokens.f1(), 0.987},
		{"sentence boundary F1", sc.bounds.f1(), 0.90},
		{"in-paragraph boundary F1", sc.boundsInPar.f1(), 0.855},
	} {
		if c.got < c.min {
			t.Errorf("%s = %.4f, want >= %.4f", c.name, c.got, c.min)
		}
	}
}
