package nlp

import (
	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/parse"
)

// Scores are the tagging accuracy and attachment scores of the analyzer on a
// treebank with gold tokenization.
type Scores struct {
	// XPOS is the fraction of words given their gold Penn Treebank tag.
	XPOS float64
	parse.Scores
}

// Evaluate tags and parses every sentence of sents from its gold words, as
// Analyze would, and scores tags and trees against the gold annotation.
// Sentences without words are skipped.
func Evaluate(a *Analyzer, sents []*conllu.Sentence) Scores {
	var right, all int
	var gold []string
	ps := parse.EvaluateWith(sents, func(words, tags []string, heads []int, rels []string) {
		gold = append(gold[:0], tags...)
		a.AnalyzeWords(words, tags, heads, rels)
		for i, t := range tags {
			if t == gold[i] {
				right++
			}
		}
		all += len(tags)
	})
	sc := Scores{Scores: ps}
	if all > 0 {
		sc.XPOS = float64(right) / float64(all)
	}
	return sc
}
