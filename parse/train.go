package parse

import (
	"fmt"
	"io"
	"math"
	"math/rand"
	"sort"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/tag"
)

// ptable is a training-time weight table: an exact map from feature key to
// a row of integer weights, with the sums needed for averaging (Daumé's trick:
// the averaged weight is w - u/t).
type ptable struct {
	cols int
	idx  map[uint32]int32
	w    []int32
	u    []int64
}

func newPTable(cols int) *ptable {
	return &ptable{cols: cols, idx: make(map[uint32]int32, 1<<20)}
}

func (t *ptable) score(keys []uint32, out []int64) {
	for i := range out {
		out[i] = 0
	}
	for _, k := range keys {
		r, ok := t.idx[k]
		if !ok {
			continue
		}
		w := t.w[r : int(r)+t.cols]
		for j := range out {
			out[j] += int64(w[j])
		}
	}
}

// update adds delta to column c of every key's row at time step now.
func (t *ptable) update(keys []uint32, c int, delta int32, now int64) {
	for _, k := range keys {
		r, ok := t.idx[k]
		if !ok {
			r = int32(len(t.w))
			t.idx[k] = r
			for j := 0; j < t.cols; j++ {
				t.w = append(t.w, 0)
				t.u = append(t.u, 0)
			}
		}
		t.w[int(r)+c] += delta
		t.u[int(r)+c] += int64(delta) * now
	}
}

// quantize returns the averaged weights at time now as a sorted-key table of
// int16 rows, dropping rows whose largest averaged weight is below prune (as
// a fraction of the largest weight in the table).
func (t *ptable) quantize(now int64, prune float64) table {
	keys := make([]uint32, 0, len(t.idx))
	for k := range t.idx {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	avg := func(i int) float64 { return float64(t.w[i]) - float64(t.u[i])/float64(now) }
	maxAbs := 0.0
	for i := range t.w {
		maxAbs = math.Max(maxAbs, math.Abs(avg(i)))
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := 32767 / maxAbs
	kept := keys[:0]
	var w []int16
	row := make([]int16, t.cols)
	for _, k := range keys {
		r := int(t.idx[k])
		big := false
		for j := 0; j < t.cols; j++ {
			a := avg(r + j)
			q := math.Round(a * scale)
			row[j] = int16(max(-32767, min(32767, q)))
			if math.Abs(a) >= prune*maxAbs && row[j] != 0 {
				big = true
			}
		}
		if big {
			kept = append(kept, k)
			w = append(w, row...)
		}
	}
	return buildTable(t.cols, kept, w)
}

// example is one training sentence with projectivised gold heads.
type example struct {
	words, tags []string
	gold        []int32 // gold head of each word, n for the root
	glab        []int32 // gold label id
}

// TrainOptions controls Train.
type TrainOptions struct {
	// Epochs is the number of passes over the training data (default 15).
	// The epoch that scores best on dev is kept.
	Epochs int
	// Seed makes training deterministic: the same data, options and seed give the same model.
	Seed int64
	// Log receives one line of progress per epoch; nil discards it.
	Log io.Writer
	// Tagger, if set, tags dev for model selection; training tags then come
	// from jackknifed taggers (see Train).
	Tagger *tag.Model
	// TagFolds is the number of jackknife folds (default 5).
	TagFolds int
	// TagEpochs is passed to tag.Train for the fold taggers (0: its default).
	TagEpochs int
	// Prune drops weight rows whose largest averaged weight is below this
	// fraction of the table's largest weight, to keep the model small
	// (default 0.012, chosen on EWT dev: it halves the model at no cost in accuracy; negative keeps every row).
	Prune float64
}

func (o *TrainOptions) logw() io.Writer {
	if o.Log == nil {
		return io.Discard
	}
	return o.Log
}

func (o *TrainOptions) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 15
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
	if o.Prune == 0 {
		o.Prune = 0.012
	}
	if o.Prune < 0 {
		o.Prune = 0
	}
}

// trainer holds the state of one training run.
type trainer struct {
	tags, labels []string
	tagIDs       map[string]uint64
	labIDs       map[string]int32
	rootLab      int32
	trans, label *ptable
	nowT, nowL   int64
	rng          *rand.Rand
	s            state
}

// train runs the averaged perceptron with the dynamic oracle. trainTags, if
// non-nil, replaces the gold tags of the training sentences (jackknifed
// predicted tags); devTag, if non-nil, tags dev sentences for model selection.
func trainModel(trainSents, dev []*conllu.Sentence, trainTags [][]string, devTag func(words, tags []string), opts TrainOptions) (*Model, error) {
	opts.defaults()
	if len(trainSents) == 0 {
		return nil, annalist.Errorf(annalist.EINVALID, "parse: train: no training sentences")
	}
	tr := &trainer{tagIDs: map[string]uint64{}, labIDs: map[string]int32{}, rootLab: -1,
		rng: rand.New(rand.NewSource(opts.Seed))}
	tr.s.keys = make([]uint32, 0, 96)
	// Inventories, sorted so that ids do not depend on map order.
	tagSet, labSet := map[string]bool{}, map[string]bool{}
	for _, s := range trainSents {
		for _, w := range s.Words {
			tagSet[w.XPOS] = true
			labSet[w.Deprel] = true
		}
	}
	for t := range tagSet {
		tr.tags = append(tr.tags, t)
	}
	for l := range labSet {
		tr.labels = append(tr.labels, l)
	}
	sort.Strings(tr.tags)
	sort.Strings(tr.labels)
	for i, t := range tr.tags {
		tr.tagIDs[t] = uint64(i + tagFirst)
	}
	for i, l := range tr.labels {
		tr.labIDs[l] = int32(i)
		if l == "root" {
			tr.rootLab = int32(i)
		}
	}
	var exs []*example
	skipped := 0
	for i, s := range trainSents {
		var tags []string
		if trainTags != nil {
			tags = trainTags[i]
		}
		ex, err := tr.example(s, tags)
		if err != nil {
			skipped++
			continue
		}
		exs = append(exs, ex)
	}
	if len(exs) == 0 {
		return nil, annalist.Errorf(annalist.EINVALID, "parse: train: no usable training sentences (%d malformed)", skipped)
	}
	fmt.Fprintf(opts.Log, "parse: %d training sentences (%d skipped as malformed), %d tags, %d labels\n", len(exs), skipped, len(tr.tags), len(tr.labels))
	tr.trans = newPTable(nMoves)
	tr.label = newPTable(len(tr.labels))

	var best *Model
	bestLAS := -1.0
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opts.Epochs; ep++ {
		start := time.Now()
		tr.rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var moves, errs, arcs, lerrs int
		for _, i := range order {
			a, b, c, d := tr.learn(exs[i], ep > 0)
			moves, errs, arcs, lerrs = moves+a, errs+b, arcs+c, lerrs+d
		}
		m := tr.model(opts.Prune)
		line := fmt.Sprintf("epoch %d: %.1fs, transition errors %.2f%%, label errors %.2f%%, %d+%d rows",
			ep+1, time.Since(start).Seconds(), 100*float64(errs)/float64(max(moves, 1)),
			100*float64(lerrs)/float64(max(arcs, 1)), m.trans.nrows, m.label.nrows)
		if len(dev) > 0 {
			sc := evaluate(m, dev, devTag, nil)
			line += fmt.Sprintf(", dev UAS %.4f LAS %.4f LASFull %.4f", sc.UAS, sc.LAS, sc.LASFull)
			if sc.LAS > bestLAS {
				bestLAS, best = sc.LAS, m
				line += " *"
			}
		} else {
			best = m
		}
		fmt.Fprintln(opts.Log, line)
	}
	return best, nil
}

// example checks a sentence and projectivises its tree.
func (tr *trainer) example(s *conllu.Sentence, tags []string) (*example, error) {
	n := len(s.Words)
	if n == 0 {
		return nil, fmt.Errorf("empty")
	}
	ex := &example{words: make([]string, n), tags: make([]string, n), gold: make([]int32, n), glab: make([]int32, n)}
	for i, w := range s.Words {
		ex.words[i] = w.Form
		ex.tags[i] = w.XPOS
		if tags != nil {
			ex.tags[i] = tags[i]
		}
		h := w.Head - 1
		if h < 0 {
			h = n
		}
		if h > n || h == i {
			return nil, fmt.Errorf("bad head")
		}
		ex.gold[i] = int32(h)
		ex.glab[i] = tr.labIDs[w.Deprel]
	}
	if !isTree(ex.gold) {
		return nil, fmt.Errorf("not a tree")
	}
	projectivize(ex.gold)
	return ex, nil
}

// isTree reports whether every word reaches the root (n) without a cycle.
func isTree(h []int32) bool {
	n := int32(len(h))
	for i := range h {
		j, steps := int32(i), 0
		for j != n {
			j = h[j]
			steps++
			if steps > len(h) || j < 0 || j > n {
				return false
			}
		}
	}
	return true
}

// dominates reports whether a is an ancestor of (or equal to) b.
func dominates(h []int32, a, b int32) bool {
	n := int32(len(h))
	for b != a {
		if b == n {
			return false
		}
		b = h[b]
	}
	return true
}

// projectivize lifts non-projective arcs (attaching the dependent to its
// grand-head, shortest arcs first) until the tree is projective, with the
// root at position n. Labels are kept.
func projectivize(h []int32) {
	n := int32(len(h))
	for {
		bestD, bestLen := int32(-1), int32(math.MaxInt32)
		for d := int32(0); d < n; d++ {
			hd := h[d]
			lo, hi := min(d, hd), max(d, hd)
			if hi-lo >= bestLen {
				continue
			}
			for k := lo + 1; k < hi; k++ {
				if !dominates(h, hd, k) {
					bestD, bestLen = d, hi-lo
					break
				}
			}
		}
		if bestD < 0 {
			return
		}
		h[bestD] = h[h[bestD]]
	}
}

// learn parses one example with the dynamic oracle, updating the weights.
// With explore, the parser follows its own (possibly wrong) predictions 90%
// of the time, so it learns to recover from its errors.
func (tr *trainer) learn(ex *example, explore bool) (moves, errs, arcs, lerrs int) {
	s := &tr.s
	n := len(ex.words)
	s.reset(n)
	var buf [64]byte
	b := buf[:0]
	for i, w := range ex.words {
		s.words[i], s.sufs[i], s.shape[i], b = wordAtoms(w, b)
		if id, ok := tr.tagIDs[ex.tags[i]]; ok {
			s.tags[i] = id
		} else {
			s.tags[i] = tagUnknown
		}
	}
	s.words[n], s.sufs[n], s.shape[n], s.tags[n] = rootWord, rootWord, rootWord, tagRoot
	var sc [nMoves]int64
	lsc := make([]int64, len(tr.labels))
	for !s.done() {
		if mv := s.forced(); mv >= 0 {
			lab := int32(-1)
			if mv == mLeft {
				lab = tr.rootLab
			}
			s.apply(mv, lab)
			continue
		}
		keys := s.transFeatures()
		tr.trans.score(keys, sc[:])
		var cost [nMoves]int
		s.costs(ex.gold, &cost)
		pred, gold := -1, -1
		for mv := 0; mv < nMoves; mv++ {
			if !s.valid(mv) {
				continue
			}
			if pred < 0 || sc[mv] > sc[pred] {
				pred = mv
			}
			if gold < 0 || cost[mv] < cost[gold] || (cost[mv] == cost[gold] && sc[mv] > sc[gold]) {
				gold = mv
			}
		}
		tr.nowT++
		moves++
		if cost[pred] > cost[gold] {
			errs++
			tr.trans.update(keys, gold, 1, tr.nowT)
			tr.trans.update(keys, pred, -1, tr.nowT)
		}
		next := gold
		if explore && tr.rng.Float64() < 0.9 {
			next = pred
		}
		lab := int32(-1)
		if next == mLeft || next == mRight {
			h, d := s.top(), s.b
			if next == mLeft {
				h, d = s.b, s.top()
			}
			if int(h) == n && tr.rootLab >= 0 {
				lab = tr.rootLab
			} else {
				keys := s.labelFeatures(h, d)
				tr.label.score(keys, lsc)
				p := int32(-1)
				for j := range lsc {
					if int32(j) != tr.rootLab && (p < 0 || lsc[j] > lsc[p]) {
						p = int32(j)
					}
				}
				lab = p
				if ex.gold[d] == h {
					arcs++
					tr.nowL++
					g := ex.glab[d]
					if p != g {
						lerrs++
						tr.label.update(keys, int(g), 1, tr.nowL)
						tr.label.update(keys, int(p), -1, tr.nowL)
					}
					if !explore {
						lab = g
					}
				}
			}
		}
		s.apply(next, lab)
	}
	return
}

// model freezes the current averaged weights into a Model.
func (tr *trainer) model(prune float64) *Model {
	trans := tr.trans.quantize(max(tr.nowT, 1), prune)
	label := tr.label.quantize(max(tr.nowL, 1), prune)
	return newModel(append([]string(nil), tr.tags...), append([]string(nil), tr.labels...), trans, label)
}
