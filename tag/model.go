// Package tag assigns Penn Treebank part-of-speech tags to words with a two-pass averaged perceptron trained on UD English EWT.
package tag

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"sync"
)

//go:embed data/ewt.tagger
var embedded []byte

// Model is a trained POS tagger; immutable and safe for concurrent use.
//
// A word is tagged twice: a left-to-right pass that sees the tags it has
// already chosen to the left, and a second left-to-right pass that also sees
// the first pass's tags to the right. Frequent words that the training data
// tags one way only are tagged from the dictionary without scoring.
type Model struct {
	tags  []string
	lex   map[uint64]lexEntry // by hash of the exact form
	llex  map[uint64]uint64   // ambiguity class by hash of the lower-cased form
	words []lexWord           // the dictionary as stored, for Write
	p1    table
	p2    table
	off   templates // feature templates not used
	pool  sync.Pool // *scratch
}

// lexEntry is what the dictionary knows about a word form.
type lexEntry struct {
	class uint64 // bit set of the tags the word was seen with
	sure  int    // the word's only tag, or -1
}

// lexWord is one stored dictionary entry.
type lexWord struct {
	form  string
	class uint64
	sure  int
}

// scratch is per-call working memory, pooled inside the Model.
type scratch struct {
	ws    []wordInfo
	left  []int
	out   []int
	feats []uint64
}

// Default parses the embedded model, trained on UD English EWT v2.16. It
// fails only if the embedded bytes are corrupt. Parsing takes a fraction of a
// second: callers should load once and share the Model.
func Default() (*Model, error) {
	m, err := Read(bytes.NewReader(embedded))
	if err != nil {
		return nil, fmt.Errorf("tag: embedded model: %w", err)
	}
	return m, nil
}

// Tags returns the tag set of the model, in the model's internal order.
func (m *Model) Tags() []string { return append([]string(nil), m.tags...) }

// newModel assembles a model from its parts and builds the lookup structures.
func newModel(tags []string, words []lexWord, p1, p2 table, off templates) *Model {
	m := &Model{tags: tags, words: words, p1: p1, p2: p2, off: off,
		lex: make(map[uint64]lexEntry, len(words)), llex: make(map[uint64]uint64, len(words))}
	var wi wordInfo
	for _, w := range words {
		describe(&wi, w.form)
		m.lex[wi.form] = lexEntry{class: w.class, sure: w.sure}
		m.llex[wi.lower] |= w.class
	}
	m.pool.New = func() any { return new(scratch) }
	return m
}

// prepare describes every word of a sentence into ws.
func (m *Model) prepare(ws []wordInfo, words []string) {
	for i, w := range words {
		wi := &ws[i]
		describe(wi, normalize(w))
		if e, ok := m.lex[wi.form]; ok {
			wi.class = e.class
			wi.sure = e.sure
		}
		wi.lclass = m.llex[wi.lower]
	}
	if len(ws) > 0 {
		ws[0].flags |= flagFirst
	}
}

// Tag tags one sentence. words are the tokens' Norm forms (Penn Treebank
// spellings such as "-LRB-" and "``" are accepted too); tags receives one Penn
// Treebank tag per word, in place. It panics if the slices differ in length,
// and never fails otherwise: unknown words are tagged from their spelling and
// context. Tag is safe for concurrent use and does not allocate in steady state.
func (m *Model) Tag(words, tags []string) {
	if len(words) != len(tags) {
		panic(fmt.Sprintf("tag: Tag called with %d words and %d tags", len(words), len(tags)))
	}
	n := len(words)
	if n == 0 {
		return
	}
	s := m.pool.Get().(*scratch)
	if cap(s.ws) < n {
		s.ws = make([]wordInfo, n+16)
		s.left = make([]int, n+16)
		s.out = make([]int, n+16)
	}
	ws, left, out := s.ws[:n], s.left[:n], s.out[:n]
	m.prepare(ws, words)
	s.feats = m.run(ws, left, out, s.feats)
	for i, t := range out {
		tags[i] = m.tags[t]
	}
	m.pool.Put(s)
}

// run tags prepared words: the first pass into left, the second into out.
// It returns the (possibly grown) feature buffer.
func (m *Model) run(ws []wordInfo, left, out []int, feats []uint64) []uint64 {
	var scores [nTags]float32
	for i := range ws {
		if ws[i].sure >= 0 {
			left[i] = ws[i].sure
			continue
		}
		feats = features(feats[:0], &m.off, ws, i, left, nil)
		scores = [nTags]float32{}
		m.p1.score(&scores, feats)
		left[i] = argmax(&scores, len(m.tags))
	}
	if m.p2.empty() {
		copy(out, left)
		return feats
	}
	for i := range ws {
		if ws[i].sure >= 0 {
			out[i] = ws[i].sure
			continue
		}
		feats = features(feats[:0], &m.off, ws, i, out, left)
		scores = [nTags]float32{}
		m.p2.score(&scores, feats)
		out[i] = argmax(&scores, len(m.tags))
	}
	return feats
}

func argmax(scores *[nTags]float32, n int) int {
	best := 0
	for t := 1; t < n; t++ {
		if scores[t] > scores[best] {
			best = t
		}
	}
	return best
}

// table maps feature keys to sparse rows of per-tag weights, with open
// addressing over a power-of-two slot array.
type table struct {
	slots []slot
	ent   []entry
	mask  uint64
	scale float32 // weights are stored as int16 multiples of scale
}

type slot struct {
	key uint64 // 0: empty
	off uint32 // first entry of the row
	n   uint32 // number of entries
}

type entry struct {
	w   float32
	tag uint32
}

func (t *table) empty() bool { return len(t.slots) == 0 }

// score adds the weights of every feature in feats to scores.
func (t *table) score(scores *[nTags]float32, feats []uint64) {
	if len(t.slots) == 0 {
		return
	}
	slots, ent, mask := t.slots, t.ent, t.mask
	for _, f := range feats {
		i := f & mask
		for {
			s := &slots[i]
			if s.key == f {
				for _, e := range ent[s.off : s.off+s.n] {
					scores[e.tag&(nTags-1)] += e.w
				}
				break
			}
			if s.key == 0 {
				break
			}
			i = (i + 1) & mask
		}
	}
}

// row is one feature's weights while a table is built or written.
type row struct {
	key  uint64
	tags []uint8
	q    []int16 // weight / scale
}

// buildTable lays out rows (any order; keys distinct and non-zero).
func buildTable(rows []row, scale float32) table {
	if len(rows) == 0 {
		return table{scale: scale}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	size := 1
	for size < 2*len(rows) {
		size <<= 1
	}
	t := table{slots: make([]slot, size), mask: uint64(size - 1), scale: scale}
	for _, r := range rows {
		i := r.key & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{key: r.key, off: uint32(len(t.ent)), n: uint32(len(r.tags))}
		for k, tg := range r.tags {
			t.ent = append(t.ent, entry{w: float32(r.q[k]) * scale, tag: uint32(tg)})
		}
	}
	return t
}

// rows returns the table's rows sorted by key, for writing.
func (t *table) rows() []row {
	var out []row
	for _, s := range t.slots {
		if s.key == 0 {
			continue
		}
		r := row{key: s.key}
		for _, e := range t.ent[s.off : s.off+s.n] {
			r.tags = append(r.tags, uint8(e.tag))
			r.q = append(r.q, int16(roundDiv(e.w, t.scale)))
		}
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
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
