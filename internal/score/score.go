// Package score measures Annalist's coding against hand-coded gold articles: precision and recall at three levels of strictness.
package score

import (
	"crypto/sha256"
	"sort"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/internal/gold"
	"github.com/annalist/annalist/text"
)

// Level is how strictly a coded event must agree with a gold event.
type Level int

// Levels, strictest first.
const (
	// Exact: same source code, target code and event code (reciprocal codes
	// either way round).
	Exact Level = iota
	// Root: same source and target codes, same CAMEO root.
	Root
	// Country: same source and target countries (first three letters), same root.
	Country
	nLevels
)

// String names the level.
func (l Level) String() string {
	return [...]string{"exact", "root", "country"}[l]
}

// Counts are the totals over a set of articles.
type Counts struct {
	Gold, Coded int
	Matched     [nLevels]int
}

// Precision is matched over coded events at a level.
func (c Counts) Precision(l Level) float64 { return ratio(c.Matched[l], c.Coded) }

// Recall is matched over gold events at a level.
func (c Counts) Recall(l Level) float64 { return ratio(c.Matched[l], c.Gold) }

// F1 is the harmonic mean of precision and recall at a level.
func (c Counts) F1(l Level) float64 {
	p, r := c.Precision(l), c.Recall(l)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ArticleResult holds one article's counts and events for reports.
type ArticleResult struct {
	ID     string
	Counts Counts
	// Missed are gold events no coded event matched even at the country level;
	// Extra are coded events that matched none.
	Missed []gold.Event
	Extra  []annalist.Event
	// Loose are the matches below the exact level: the gold event, the coded
	// event and the strictest level at which they agree.
	Loose []Match
}

// Match pairs a gold event with the coded event that matched it.
type Match struct {
	Gold  gold.Event
	Coded annalist.Event
	Level Level
}

// Run codes every article with eng and compares. texts maps article ids
// to their original text (the gold sentences joined are used when an id is
// missing). An event matches a gold event when one of the sentences that
// report it overlaps one of the gold event's sentences and the codes agree at
// the level; matching is one to one, strictest level first.
func Run(eng *engine.Engine, articles []gold.Article, texts map[string]string) (Counts, []ArticleResult, error) {
	var total Counts
	var results []ArticleResult
	for _, a := range articles {
		doc := &annalist.Document{ID: a.ID, Title: a.Title, Text: texts[a.ID]}
		if doc.Text == "" {
			doc.Text = articleText(a)
		}
		if d, err := text.ParseDate(a.Date); err == nil {
			doc.Date = d
		}
		res, err := eng.CodeDocument(doc)
		if err != nil {
			return total, nil, err
		}
		goldOf := sentenceMap(doc, a)
		r := compare(a, res.Events, goldOf)
		total.Gold += r.Counts.Gold
		total.Coded += r.Counts.Coded
		for l := range r.Counts.Matched {
			total.Matched[l] += r.Counts.Matched[l]
		}
		results = append(results, r)
	}
	return total, results, nil
}

// articleText rebuilds an article's text from its gold sentences, one per paragraph.
func articleText(a gold.Article) string {
	return strings.Join(a.Sentences, "\n\n")
}

// sentenceMap maps each of Annalist's sentence indexes to the gold sentence
// it overlaps most.
func sentenceMap(doc *annalist.Document, a gold.Article) map[int]int {
	type span struct{ s, e int }
	var gs []span
	off := 0
	for _, s := range a.Sentences {
		i := strings.Index(doc.Text[off:], s)
		if i < 0 {
			gs = append(gs, span{-1, -1})
			continue
		}
		gs = append(gs, span{off + i, off + i + len(s)})
		off += i + len(s)
	}
	m := map[int]int{}
	for _, s := range doc.Sentences {
		best, bestN := -1, 0
		for gi, g := range gs {
			lo, hi := max(g.s, s.Span.Start), min(g.e, s.Span.End)
			if hi-lo > bestN {
				best, bestN = gi, hi-lo
			}
		}
		m[s.Index] = best
	}
	return m
}

func compare(a gold.Article, coded []annalist.Event, goldOf map[int]int) ArticleResult {
	r := ArticleResult{ID: a.ID}
	r.Counts.Gold = len(a.Events)
	r.Counts.Coded = len(coded)
	usedGold := make([]bool, len(a.Events))
	usedCoded := make([]bool, len(coded))
	for l := Exact; l < nLevels; l++ {
		// a match at a stricter level counts at every looser level too
		for gi, g := range a.Events {
			if usedGold[gi] {
				continue
			}
			for ci, e := range coded {
				if usedCoded[ci] || !sameSentence(e, g, goldOf) || !agree(e, g, l) {
					continue
				}
				usedGold[gi], usedCoded[ci] = true, true
				if l > Exact {
					r.Loose = append(r.Loose, Match{Gold: g, Coded: e, Level: l})
				}
				for k := l; k < nLevels; k++ {
					r.Counts.Matched[k]++
				}
				break
			}
		}
	}
	for gi, g := range a.Events {
		if !usedGold[gi] {
			r.Missed = append(r.Missed, g)
		}
	}
	for ci, e := range coded {
		if !usedCoded[ci] {
			r.Extra = append(r.Extra, e)
		}
	}
	return r
}

func sameSentence(e annalist.Event, g gold.Event, goldOf map[int]int) bool {
	ms := e.Mentions
	if len(ms) == 0 {
		ms = []int{e.SentenceIndex}
	}
	want := map[int]bool{}
	for _, s := range g.Sentences() {
		want[s] = true
	}
	for _, m := range ms {
		if gi, ok := goldOf[m]; ok && want[gi] {
			return true
		}
	}
	return false
}

func agree(e annalist.Event, g gold.Event, l Level) bool {
	src, tgt := e.Source.Code, e.Target.Code
	codeOK := func() bool {
		switch l {
		case Exact:
			return e.Event.Code == g.Code
		default:
			return len(e.Event.Code) >= 2 && len(g.Code) >= 2 && e.Event.Code[:2] == g.Code[:2]
		}
	}
	actors := func(s, t string) bool {
		if l == Country {
			return country(s) == country(g.Source) && country(t) == country(g.Target)
		}
		return s == g.Source && t == g.Target
	}
	if !codeOK() {
		return false
	}
	if actors(src, tgt) {
		return true
	}
	return gold.Reciprocal(g.Code) && actors(tgt, src)
}

func country(code string) string {
	if len(code) > 3 {
		return code[:3]
	}
	return code
}

// Half is one of the two fixed halves of a gold set: rules are tuned by
// looking at the Dev half only, and the HeldOut half says how well they carry
// over to articles nobody looked at.
type Half int

// The halves.
const (
	Dev Half = iota
	HeldOut
)

// String names the half.
func (h Half) String() string {
	if h == Dev {
		return "dev"
	}
	return "held-out"
}

// HalfOf returns the half an article belongs to: Dev when the first byte of
// the SHA-256 of its id is even, HeldOut otherwise. The rule depends on the
// id alone, so adding articles never moves existing ones.
func HalfOf(id string) Half {
	sum := sha256.Sum256([]byte(id))
	if sum[0]%2 == 0 {
		return Dev
	}
	return HeldOut
}

// Sum adds up the counts of the results whose article keep accepts (all of
// them when keep is nil).
func Sum(results []ArticleResult, keep func(id string) bool) Counts {
	var total Counts
	for _, r := range results {
		if keep != nil && !keep(r.ID) {
			continue
		}
		total.Gold += r.Counts.Gold
		total.Coded += r.Counts.Coded
		for l := range r.Counts.Matched {
			total.Matched[l] += r.Counts.Matched[l]
		}
	}
	return total
}

// Sorted returns the articles' results sorted by id.
func Sorted(rs []ArticleResult) []ArticleResult {
	out := append([]ArticleResult(nil), rs...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}
