package parse

import (
	"sort"
	"strings"

	"github.com/annalist/annalist/conllu"
)

// Scores are attachment scores over all words, punctuation included.
type Scores struct {
	// UAS is the fraction of words with the correct head.
	UAS float64
	// LAS is the fraction with the correct head and universal relation (the
	// part before ':'), as in the CoNLL 2018 shared task.
	LAS float64
	// LASFull is the fraction with the correct head and full relation, subtype included.
	LASFull float64
	// Words is the number of words scored.
	Words int
}

// LabelScore is the labelled attachment precision, recall and F1 of one
// relation: a word counts as correct when both its head and its full
// relation are right.
type LabelScore struct {
	// Label is the full relation ("nsubj:pass").
	Label string
	// Gold, Pred and Correct count the words with the relation in the gold
	// trees, in the parser's trees, and in both with the right head.
	Gold, Pred, Correct int
	// Precision is Correct/Pred and Recall Correct/Gold (0 when undefined).
	Precision, Recall float64
	// F1 is their harmonic mean.
	F1 float64
}

func universal(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}

// labelCounts accumulates per-label gold, predicted and correct counts.
type labelCounts map[string]*[3]int

// evaluate parses sents (with tagFn's tags, or gold XPOS when tagFn is nil)
// and scores them against their gold trees.
func evaluate(m *Model, sents []*conllu.Sentence, tagFn func(words, tags []string), lc labelCounts) Scores {
	return evaluateWith(sents, func(words, tags []string, heads []int, rels []string) {
		if tagFn != nil {
			tagFn(words, tags)
		}
		m.Parse(words, tags, heads, rels)
	}, lc)
}

// evaluateWith scores the trees analyse makes of sents; analyse gets each
// sentence's gold words, its gold tags (to keep or overwrite) and fills
// heads and rels as Model.Parse does.
func evaluateWith(sents []*conllu.Sentence, analyse func(words, tags []string, heads []int, rels []string), lc labelCounts) Scores {
	var sc Scores
	var uh, ul, uf int
	var words, tags, rels []string
	var heads []int
	for _, s := range sents {
		n := len(s.Words)
		if n == 0 {
			continue
		}
		words, tags = words[:0], tags[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			tags = append(tags, w.XPOS)
		}
		heads = append(heads[:0], make([]int, n)...)
		rels = append(rels[:0], make([]string, n)...)
		analyse(words, tags, heads, rels)
		for i, w := range s.Words {
			sc.Words++
			okHead := heads[i] == w.Head-1
			if okHead {
				uh++
				if universal(rels[i]) == universal(w.Deprel) {
					ul++
				}
				if rels[i] == w.Deprel {
					uf++
				}
			}
			if lc != nil {
				c := lc.get(w.Deprel)
				c[0]++
				p := lc.get(rels[i])
				p[1]++
				if okHead && rels[i] == w.Deprel {
					c[2]++
				}
			}
		}
	}
	if sc.Words > 0 {
		t := float64(sc.Words)
		sc.UAS, sc.LAS, sc.LASFull = float64(uh)/t, float64(ul)/t, float64(uf)/t
	}
	return sc
}

func (lc labelCounts) get(l string) *[3]int {
	c := lc[l]
	if c == nil {
		c = new([3]int)
		lc[l] = c
	}
	return c
}

func (lc labelCounts) scores() []LabelScore {
	var out []LabelScore
	for l, c := range lc {
		s := LabelScore{Label: l, Gold: c[0], Pred: c[1], Correct: c[2]}
		if c[1] > 0 {
			s.Precision = float64(c[2]) / float64(c[1])
		}
		if c[0] > 0 {
			s.Recall = float64(c[2]) / float64(c[0])
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Gold != out[j].Gold {
			return out[i].Gold > out[j].Gold
		}
		return out[i].Label < out[j].Label
	})
	return out
}
