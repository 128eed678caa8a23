package tag

import (
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
)

// TrainOptions configures Train.
type TrainOptions struct {
	// Epochs is the largest number of passes over the training data for each
	// of the two perceptrons; the epoch that scores best on dev is kept (with
	// no dev sentences, the last). Zero means the default, 12.
	Epochs int
	// Seed fixes the order in which sentences are visited; training is
	// deterministic for a given Seed and data.
	Seed int64
	// Log receives one line of progress per epoch; it may be nil.
	Log io.Writer
}

const (
	defaultEpochs = 12
	folds         = 5 // jackknife folds for dictionaries and second-pass training tags
)

// config holds the settings chosen on EWT dev. They are not options because
// the embedded model and the tests assume them; experiments change them.
type config struct {
	lexMinCount  int     // words seen at least this often enter the dictionary
	lexMinShare  float64 // a tag enters a word's class above this share
	sureMinCount int     // words tagged from the dictionary alone: seen this often ...
	sureMinShare float64 // ... with one tag this often
	prune        float64 // averaged weights smaller than this (in absolute value) are dropped
	pruneQ       int32   // ... and so are weights below this after quantization (of 32767)
	off          templates
	onePass      bool      // skip the second pass
	wn           *wordNet  // part-of-speech lexicon, or nil
	mask         bool      // unknown words never get closed-class tags
	clu          *clusters // word classes, or nil
	ensemble     int       // perceptrons per pass, trained on different orders and averaged (0: 1)
	paC          float64   // if > 0, passive-aggressive (PA-I) updates with this C instead of perceptron ones
}

// model assembles a model with the settings of c.
func (c *config) model(tags []string, words []lexWord, p1, p2 table) *Model {
	m := newModel(tags, words, p1, p2, c.off, c.wn, c.clu)
	m.maskClosed(c.mask)
	return m
}

func defaultConfig() config {
	c := config{lexMinCount: 1, lexMinShare: 0.01, sureMinCount: 10, sureMinShare: 0.99, prune: 1e-3,
		paC: 1, ensemble: 3, pruneQ: 200}
	c.off.set(tCluM1C0, tCluC0P1, tCluTm1, tCluP2)
	return c
}

// sample is one training sentence: normalised forms and gold tag indexes.
type sample struct {
	words []string
	gold  []int
	group int // samples of one treebank sentence share a group (for folds)
	ws    []wordInfo
}

// Train trains a tagger on train, choosing the number of epochs on dev, with
// the embedded WordNet lexicon and word clusters. Each pass averages three
// models trained by PA-I updates on different orders of the data. The
// training data are the sentences of train as given plus, for sentences with
// hyphenated compounds split by the treebank, their conllu.MergeHyphens form.
// It fails with EINVALID if train is empty, has words without an XPOS, or has
// more than 64 distinct tags.
func Train(train, dev []*conllu.Sentence, opts TrainOptions) (*Model, error) {
	cfg := defaultConfig()
	wn, err := embeddedWordNet()
	if err != nil {
		return nil, err
	}
	cfg.wn = wn
	if cfg.clu, err = embeddedClusters(); err != nil {
		return nil, err
	}
	return trainWith(train, dev, opts, cfg)
}

func trainWith(train, dev []*conllu.Sentence, opts TrainOptions, cfg config) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = defaultEpochs
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	start := time.Now()
	tags, index, err := tagSet(train)
	if err != nil {
		return nil, err
	}
	var samples []sample
	for g, s := range train {
		samples = append(samples, toSample(s, index, g))
		if ms := conllu.MergeHyphens(s); ms != s {
			samples = append(samples, toSample(ms, index, g))
		}
	}
	words := buildLexicon(samples, len(tags), -1, &cfg)
	base := cfg.model(tags, words, table{}, table{})
	logf("tag: %d sentences (%d with merged hyphens), %d tags, %d dictionary words",
		len(train), len(samples)-len(train), len(tags), len(words))
	// Describe the training words with a dictionary built without their own
	// fold, so that rare words look as unknown as they will in new text.
	foldWords := make([][]lexWord, folds)
	for f := 0; f < folds; f++ {
		foldWords[f] = buildLexicon(samples, len(tags), f, &cfg)
		fm := cfg.model(tags, foldWords[f], table{}, table{})
		for i := range samples {
			s := &samples[i]
			if s.group%folds == f {
				s.ws = make([]wordInfo, len(s.words))
				fm.prepare(s.ws, s.words)
				// prepare leaves stems to the precomputed scores of known
				// words; training computes every feature directly.
				for j := range s.ws {
					if s.ws[j].flags&flagLetter != 0 && s.ws[j].sure < 0 {
						fm.lexFeatures(&s.ws[j], s.words[j])
					}
				}
			}
		}
	}

	// First pass on all training data, epochs chosen on dev.
	p1, e1 := trainPass(base, samples, nil, dev, nil, opts, &cfg, opts.Epochs, logf, "pass 1")
	logf("tag: pass 1 best epoch %d (%s)", e1, time.Since(start).Round(time.Second))
	if cfg.onePass {
		return cfg.model(tags, words, p1, table{}), nil
	}

	// Jackknifed first-pass tags for the second pass.
	right := make([][]int, len(samples))
	for f := 0; f < folds; f++ {
		var in, out []int
		for i, s := range samples {
			if s.group%folds == f {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		sub := make([]sample, len(in))
		for k, i := range in {
			sub[k] = samples[i]
		}
		ft, _ := trainPass(base, sub, nil, nil, nil, opts, &cfg, e1, nil, "")
		fm := cfg.model(tags, foldWords[f], ft, table{})
		for _, i := range out {
			right[i] = fm.tagPrepared(samples[i].ws)
		}
		logf("tag: fold %d/%d done (%s)", f+1, folds, time.Since(start).Round(time.Second))
	}
	p2, e2 := trainPass(base, samples, right, dev, &p1, opts, &cfg, opts.Epochs, logf, "pass 2")
	logf("tag: pass 2 best epoch %d (%s)", e2, time.Since(start).Round(time.Second))
	m := cfg.model(tags, words, p1, p2)
	chooseSkip(m, dev, &cfg, logf)
	return m, nil
}

// skipMargins are the first-pass score margins (in weight units) tried for
// skipping the second pass, from the most cautious; defaultSkip is used when
// there is no dev set. On EWT dev every margin from 30 down to 7 lost
// nothing, but on the PETRARCH news sentences margins of 10 and below
// turned past tenses after plural subjects ("crowds trashed") into VBN
// (94.4% -> 93.2%), while 15-30 kept 94.4% and saved about a sixth of the
// time. See docs/models.md.
var skipMargins = []float32{30, 20}

const defaultSkip = 20

// With passive-aggressive updates weights are about fifty times smaller than
// a perceptron's, and so are the margins: paSkipMargins and paDefaultSkip
// play the roles of skipMargins and defaultSkip.
var paSkipMargins = []float32{2, 1}

const paDefaultSkip = 1

// chooseSkip sets m.skip to the smallest margin (the most skipping) at which
// the dev accuracy is no lower than without skipping.
func chooseSkip(m *Model, dev []*conllu.Sentence, cfg *config, logf func(string, ...any)) {
	margins, def := skipMargins, float32(defaultSkip)
	if cfg.paC > 0 {
		margins, def = paSkipMargins, paDefaultSkip
	}
	scale := m.w.scale[0]
	if scale <= 0 {
		return
	}
	toQ := func(margin float32) int32 { return int32(margin / scale) }
	if len(dev) == 0 {
		m.skip = toQ(def)
		return
	}
	m.skip = 0
	full := Evaluate(m, dev)
	best := int32(0)
	for _, margin := range margins {
		m.skip = toQ(margin)
		acc := Evaluate(m, dev)
		logf("tag: skip second pass above margin %g: dev %.4f (without skipping %.4f)", margin, acc, full)
		if acc >= full {
			best = m.skip
		}
	}
	m.skip = best
}

// tagSet collects the XPOS tags of train, sorted.
func tagSet(train []*conllu.Sentence) ([]string, map[string]int, error) {
	seen := map[string]bool{}
	for _, s := range train {
		for _, w := range s.Words {
			if w.XPOS == "" || w.XPOS == "_" {
				return nil, nil, annalist.Errorf(annalist.EINVALID, "tag: train: sentence %s (line %d): word %d %q has no XPOS", s.ID, s.Line, w.ID, w.Form)
			}
			seen[w.XPOS] = true
		}
	}
	if len(seen) == 0 {
		return nil, nil, annalist.Errorf(annalist.EINVALID, "tag: train: no tagged words")
	}
	if len(seen) > nTags {
		return nil, nil, annalist.Errorf(annalist.EINVALID, "tag: train: %d tags, at most %d supported", len(seen), nTags)
	}
	var tags []string
	for t := range seen {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	index := map[string]int{}
	for i, t := range tags {
		index[t] = i
	}
	return tags, index, nil
}

func toSample(s *conllu.Sentence, index map[string]int, group int) sample {
	sm := sample{group: group, words: make([]string, len(s.Words)), gold: make([]int, len(s.Words))}
	for i, w := range s.Words {
		sm.words[i] = normalize(w.Form)
		sm.gold[i] = index[w.XPOS]
	}
	return sm
}

// buildLexicon makes the tag dictionary: for every word form seen at least
// lexMinCount times, the tags it was seen with, and its only tag when it is
// frequent and unambiguous.
// Samples of fold skip (if not -1) are left out.
func buildLexicon(samples []sample, ntags int, skip int, cfg *config) []lexWord {
	counts := map[string][]int{}
	for _, s := range samples {
		if skip >= 0 && s.group%folds == skip {
			continue
		}
		for i, w := range s.words {
			c := counts[w]
			if c == nil {
				c = make([]int, ntags)
				counts[w] = c
			}
			c[s.gold[i]]++
		}
	}
	var out []lexWord
	for w, c := range counts {
		total, best := 0, 0
		for t, n := range c {
			total += n
			if n > c[best] {
				best = t
			}
		}
		if total < cfg.lexMinCount {
			continue
		}
		lw := lexWord{form: w, sure: -1}
		for t, n := range c {
			if float64(n) > cfg.lexMinShare*float64(total) {
				lw.class |= 1 << uint(t)
			}
		}
		if total >= cfg.sureMinCount && float64(c[best]) >= cfg.sureMinShare*float64(total) {
			lw.sure = best
		}
		out = append(out, lw)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].form < out[j].form })
	return out
}

// tagPrepared runs the model on described words and returns tag indexes.
func (m *Model) tagPrepared(ws []wordInfo) []int {
	n := len(ws)
	left, out := make([]int, n), make([]int, n)
	m.run(ws, left, out, make([]bool, n), make([][nTags]int32, n), nil, new(uint32))
	return out
}

// perceptron holds the weights being trained, with lazy averaging.
type perceptron struct {
	index map[uint64]int32
	rows  [][]tw
	keys  []uint64
	now   int64
}

type tw struct {
	tag   int32
	w     float32
	total float64
	ts    int64
}

func (p *perceptron) score(scores *[nTags]float32, feats []uint64) {
	for _, f := range feats {
		id, ok := p.index[f]
		if !ok {
			continue
		}
		for _, e := range p.rows[id] {
			scores[e.tag] += e.w
		}
	}
}

func (p *perceptron) update(feats []uint64, gold, guess int) { p.updateBy(feats, gold, guess, 1) }

// updateBy moves the weights of feats by d towards gold and away from guess.
func (p *perceptron) updateBy(feats []uint64, gold, guess int, d float32) {
	for _, f := range feats {
		id, ok := p.index[f]
		if !ok {
			id = int32(len(p.rows))
			p.index[f] = id
			p.rows = append(p.rows, nil)
			p.keys = append(p.keys, f)
		}
		p.bump(id, gold, d)
		p.bump(id, guess, -d)
	}
}

func (p *perceptron) bump(id int32, tag int, d float32) {
	r := p.rows[id]
	for k := range r {
		if r[k].tag == int32(tag) {
			e := &r[k]
			e.total += float64(p.now-e.ts) * float64(e.w)
			e.ts = p.now
			e.w += d
			return
		}
	}
	p.rows[id] = append(r, tw{tag: int32(tag), w: d, ts: p.now})
}

// averageAll returns the mean of the averaged weights of ps (perceptrons
// trained on different orders of the same data) as a quantized table.
func averageAll(ps []*perceptron, prune float64, prune16 int32) table {
	if len(ps) == 1 {
		return ps[0].average(prune, prune16)
	}
	idx := map[uint64]int{}
	var all []averaged
	for _, p := range ps {
		now := float64(max(p.now, 1))
		for id, r := range p.rows {
			k, ok := idx[p.keys[id]]
			if !ok {
				k = len(all)
				idx[p.keys[id]] = k
				all = append(all, averaged{key: p.keys[id]})
			}
		next:
			for _, e := range r {
				x := (e.total + float64(p.now-e.ts)*float64(e.w)) / now / float64(len(ps))
				for j := range all[k].w {
					if all[k].w[j].tag == e.tag {
						all[k].w[j].w += x
						continue next
					}
				}
				all[k].w = append(all[k].w, tagWeight{e.tag, x})
			}
		}
	}
	sort.Slice(all, func(i, j int) bool { return all[i].key < all[j].key })
	for i := range all {
		sort.Slice(all[i].w, func(a, b int) bool { return all[i].w[a].tag < all[i].w[b].tag })
	}
	return quantize(all, prune, prune16)
}

// averaged is one feature's averaged weights before quantization.
type averaged struct {
	key uint64
	w   []tagWeight
}

// tagWeight is one tag's averaged weight.
type tagWeight struct {
	tag int32
	w   float64
}

// average returns the averaged weights as a quantized table.
func (p *perceptron) average(prune float64, prune16 int32) table {
	now := float64(max(p.now, 1))
	all := make([]averaged, len(p.rows))
	for id, r := range p.rows {
		a := averaged{key: p.keys[id], w: make([]tagWeight, len(r))}
		for k, e := range r {
			a.w[k] = tagWeight{e.tag, (e.total + float64(p.now-e.ts)*float64(e.w)) / now}
		}
		all[id] = a
	}
	return quantize(all, prune, prune16)
}

// quantize turns averaged weights into a table of int16 weights scaled to
// the largest one, in the order given, dropping weights below prune (before
// quantization) or prune16 (after) and rows left empty.
func quantize(all []averaged, prune float64, prune16 int32) table {
	maxAbs := 0.0
	for i := range all {
		for _, x := range all[i].w {
			maxAbs = math.Max(maxAbs, math.Abs(x.w))
		}
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	var rows []row
	for i := range all {
		rw := row{key: all[i].key}
		for _, x := range all[i].w {
			if math.Abs(x.w) < prune {
				continue
			}
			q := roundDiv(float32(x.w), scale)
			if q == 0 || abs32(q) < prune16 {
				continue
			}
			rw.tags = append(rw.tags, uint8(x.tag))
			rw.q = append(rw.q, int16(q))
		}
		if len(rw.tags) > 0 {
			rows = append(rows, rw)
		}
	}
	return newTable(rows, scale)
}

// trainPass trains one pass's weights: cfg.ensemble models on different
// sentence orders, by perceptron or (cfg.paC > 0) PA-I updates, averaged. With right == nil it is the first pass;
// otherwise right holds first-pass tags per sample and p1 is the trained first
// pass used to tag dev. It returns the averaged weights of the epoch that
// scored best on dev (the last epoch when dev is empty) and that epoch.
func trainPass(base *Model, samples []sample, right [][]int, dev []*conllu.Sentence, p1 *table,
	opts TrainOptions, cfg *config, epochs int, logf func(string, ...any), name string) (table, int) {
	nens := max(cfg.ensemble, 1)
	ps := make([]*perceptron, nens)
	rngs := make([]*rand.Rand, nens)
	orders := make([][]int, nens)
	for r := range ps {
		ps[r] = &perceptron{index: map[uint64]int32{}}
		rngs[r] = rand.New(rand.NewSource(opts.Seed + int64(r)*1000003))
		orders[r] = make([]int, len(samples))
		for i := range orders[r] {
			orders[r][i] = i
		}
	}
	var best table
	bestAcc, bestEpoch := -1.0, 0
	var feats []uint64
	var hist []int
	for epoch := 1; epoch <= epochs; epoch++ {
		correct, total := 0, 0
		for r, p := range ps {
			order := orders[r]
			rngs[r].Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for _, si := range order {
				s := &samples[si]
				n := len(s.words)
				if cap(hist) < n {
					hist = make([]int, n)
				}
				hist = hist[:n]
				ws := s.ws
				var rt []int
				if right != nil {
					rt = right[si]
				}
				for i := 0; i < n; i++ {
					if ws[i].sure >= 0 {
						hist[i] = ws[i].sure
						continue
					}
					feats = features(feats[:0], &base.off, ws, i, hist, rt)
					var scores [nTags]float32
					p.score(&scores, feats)
					gold := s.gold[i]
					guess := argmaxFIn(&scores, len(base.tags), base.allowed(&ws[i]))
					p.now++
					if cfg.paC > 0 {
						// PA-I: the smallest step that gives gold a margin of 1
						// over the runner-up, at most paC.
						rival := guess
						if rival == gold {
							rival = -1
							for t := 0; t < len(base.tags); t++ {
								if t != gold && base.allowed(&ws[i])>>uint(t)&1 != 0 && (rival < 0 || scores[t] > scores[rival]) {
									rival = t
								}
							}
						}
						if loss := 1 - float64(scores[gold]-scores[rival]); rival >= 0 && loss > 0 {
							tau := min(cfg.paC, loss/float64(2*len(feats)))
							p.updateBy(feats, gold, rival, float32(tau))
						}
					} else if guess != gold {
						p.update(feats, gold, guess)
					}
					if guess == gold {
						correct++
					}
					total++
					hist[i] = guess
				}
			}
		}
		if len(dev) == 0 && epoch < epochs {
			continue
		}
		t := averageAll(ps, cfg.prune, cfg.pruneQ)
		if len(dev) == 0 {
			return t, epoch
		}
		var m *Model
		if right == nil {
			m = cfg.model(base.tags, base.words, t, table{})
		} else {
			m = cfg.model(base.tags, base.words, *p1, t)
		}
		acc := Evaluate(m, dev)
		logf("tag: %s epoch %d: train %.4f, dev %.4f, %d features", name, epoch, float64(correct)/float64(max(total, 1)), acc, len(t.rows))
		if acc > bestAcc {
			best, bestAcc, bestEpoch = t, acc, epoch
		}
	}
	return best, bestEpoch
}

// Evaluate returns the share of words of sents whose XPOS the model predicts,
// tagging the sentences' word forms as given (gold tokenization). Words are
// counted whatever their tag, punctuation included; it returns 0 for no words.
func Evaluate(m *Model, sents []*conllu.Sentence) (accuracy float64) {
	correct, total := 0, 0
	var words, tags []string
	for _, s := range sents {
		words, tags = words[:0], tags[:0]
		for _, w := range s.Words {
			words = append(words, w.Form)
			tags = append(tags, "")
		}
		m.Tag(words, tags)
		for i, w := range s.Words {
			if tags[i] == w.XPOS {
				correct++
			}
			total++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(correct) / float64(total)
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

func roundDiv(w, scale float32) int32 {
	if scale == 0 {
		return 0
	}
	x := w / scale
	if x < 0 {
		return int32(x - 0.5)
	}
	return int32(x + 0.5)
}
