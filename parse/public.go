package parse

import (
	"fmt"
	"sync"

	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/tag"
)

// Train trains a parser on train, keeping the epoch that scores best (LAS) on
// dev when dev is non-empty. Training sentences are used as given and, when
// they contain split hyphenated compounds, also merged (conllu.MergeHyphens),
// so the model parses either tokenization. Non-projective trees are
// projectivised by lifting.
//
// With opts.Tagger set, dev is tagged by it for model selection and the
// training sentences get predicted tags by jackknifing: opts.TagFolds
// taggers (default 5) are trained with tag.Train, each on all but one fold,
// and each tags its held-out fold, so the parser learns from tags with the
// errors a tagger makes on unseen text; every sentence is also used once
// more with its gold tags. Without a tagger, gold XPOS are used throughout.
//
// Training is deterministic for a given Seed and uses at most two
// goroutines (two fold taggers at a time). It fails with EINVALID when
// there is nothing usable to train on, or with the error of a fold tagger.
func Train(train, dev []*conllu.Sentence, opts TrainOptions) (*Model, error) {
	all := withMerged(train)
	if opts.Tagger == nil {
		return trainModel(all, dev, nil, nil, opts)
	}
	tags, err := jackknife(train, dev, opts)
	if err != nil {
		return nil, err
	}
	return trainPredicted(all, dev, tags, opts)
}

// trainPredicted trains on every sentence twice: with its jackknifed tags
// (tags[i] for all[i]) and with its gold tags. On EWT dev this beat
// jackknifed tags alone by 0.3 UAS and 0.5 LAS.
func trainPredicted(all, dev []*conllu.Sentence, tags [][]string, opts TrainOptions) (*Model, error) {
	both := append(append([]*conllu.Sentence(nil), all...), all...)
	bothTags := append(append([][]string(nil), tags...), make([][]string, len(all))...)
	return trainModel(both, dev, bothTags, opts.Tagger.Tag, opts)
}

// withMerged appends the hyphen-merged version of every sentence that has one.
func withMerged(sents []*conllu.Sentence) []*conllu.Sentence {
	out := append([]*conllu.Sentence(nil), sents...)
	for _, s := range sents {
		if m := conllu.MergeHyphens(s); m != s {
			out = append(out, m)
		}
	}
	return out
}

// jackknife returns predicted tags for withMerged(train), in that order.
func jackknife(train, dev []*conllu.Sentence, opts TrainOptions) ([][]string, error) {
	k := opts.TagFolds
	if k <= 0 {
		k = 5
	}
	if k > len(train) {
		k = len(train)
	}
	merged := make([]*conllu.Sentence, len(train))
	for i, s := range train {
		merged[i] = conllu.MergeHyphens(s)
	}
	orig := make([][]string, len(train))
	mtags := make([][]string, len(train))
	tagSent := func(m *tag.Model, s *conllu.Sentence) []string {
		words := make([]string, len(s.Words))
		out := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		m.Tag(words, out)
		return out
	}
	// Two folds at a time: the machine budget is two cores.
	var logMu sync.Mutex
	errs := make([]error, k)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := 0; f < k; f++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(f int) {
			defer func() { <-sem; wg.Done() }()
			var in []*conllu.Sentence
			for i, s := range train {
				if i%k != f {
					in = append(in, s)
				}
			}
			m, err := tag.Train(in, dev, tag.TrainOptions{Epochs: opts.TagEpochs, Seed: opts.Seed + int64(f)})
			if err != nil {
				errs[f] = fmt.Errorf("parse: jackknife fold %d: %w", f, err)
				return
			}
			for i, s := range train {
				if i%k == f {
					orig[i] = tagSent(m, s)
					if merged[i] != s {
						mtags[i] = tagSent(m, merged[i])
					}
				}
			}
			logMu.Lock()
			fmt.Fprintf(opts.logw(), "parse: jackknife fold %d/%d tagged\n", f+1, k)
			logMu.Unlock()
		}(f)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	out := orig
	for i := range train {
		if merged[i] != train[i] {
			out = append(out, mtags[i])
		}
	}
	return out, nil
}

// Evaluate parses sents, tagged by tagger (gold XPOS when tagger is nil), and
// scores the trees against the gold ones. Sentences without words are skipped.
func Evaluate(m *Model, tagger *tag.Model, sents []*conllu.Sentence) Scores {
	return evaluate(m, sents, tagFunc(tagger), nil)
}

// EvaluateWith scores the trees that analyse makes of sents against the gold
// ones, for a pipeline that tags and parses in its own way (nlp.Analyzer).
// analyse gets each sentence's gold words and gold tags, may overwrite the
// tags, and must fill heads and rels as Model.Parse does. Sentences without
// words are skipped.
func EvaluateWith(sents []*conllu.Sentence, analyse func(words, tags []string, heads []int, rels []string)) Scores {
	return evaluateWith(sents, analyse, nil)
}

// EvaluateLabels is Evaluate that also returns the labelled attachment
// precision, recall and F1 of every relation, most frequent first.
func EvaluateLabels(m *Model, tagger *tag.Model, sents []*conllu.Sentence) (Scores, []LabelScore) {
	lc := labelCounts{}
	sc := evaluate(m, sents, tagFunc(tagger), lc)
	return sc, lc.scores()
}

func tagFunc(t *tag.Model) func(words, tags []string) {
	if t == nil {
		return nil
	}
	return t.Tag
}
