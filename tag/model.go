// Package tag assigns Penn Treebank part-of-speech tags to words with a two-pass averaged linear model (passive-aggressive training) on UD English EWT.
package tag

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"
)

//go:embed data/ewt.tagger
var embedded []byte

// wordNetLexicon is the part-of-speech lexicon derived from WordNet 3.0
// (data/WORDNET-LICENSE), gzip-compressed; see readWordNet for the format.
//
//go:embed data/wordnet.lex.gz
var wordNetLexicon []byte

// clusterTable holds word classes from unlabelled text (data/README.md),
// gzip-compressed; see readClusters for the format.
//
//go:embed data/clusters.gz
var clusterTable []byte

// embeddedClusters parses clusterTable.
func embeddedClusters() (*clusters, error) {
	return readGzipped(clusterTable, "embedded word clusters", readClusters)
}

// embeddedWordNet parses wordNetLexicon.
func embeddedWordNet() (*wordNet, error) {
	return readGzipped(wordNetLexicon, "embedded WordNet lexicon", readWordNet)
}

// readGzipped decompresses data and parses it with read; errors name what.
func readGzipped[T any](data []byte, what string, read func(io.Reader) (T, error)) (T, error) {
	var zero T
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return zero, fmt.Errorf("tag: %s: %w", what, err)
	}
	v, err := read(zr)
	if err != nil {
		return zero, fmt.Errorf("tag: %s: %w", what, err)
	}
	return v, nil
}

// Model is a trained POS tagger; immutable and safe for concurrent use.
//
// A word is tagged twice: a left-to-right pass that sees the tags it has
// already chosen to the left, and a second left-to-right pass that also sees
// the first pass's tags to the right. Frequent words that the training data
// tags one way only are tagged from the dictionary without scoring.
type Model struct {
	tags    []string
	lex     map[uint64]lexEntry // by hash of the exact form
	llex    map[uint64]uint64   // ambiguity class by hash of the lower-cased form
	words   []lexWord           // the dictionary as stored, for Write
	w       weights
	twoPass bool
	wn      *wordNet  // part-of-speech lexicon, or nil
	clu     *clusters // word classes, or nil
	// skip is the first-pass score margin (in first-pass weight units)
	// above which the second pass keeps the first pass's tag; 0: never.
	skip int32
	off  templates // feature templates not used
	// open is the set of tags an unknown word may get (a word whose exact
	// and lower-cased forms are both outside the dictionary): all tags, or
	// all but the closed word classes (see closedTags).
	open uint64
	// needIng and needEr are the tags an unknown word may get only with
	// that ending (VBG; JJR and RBR).
	needIng, needEr uint64
	// ownInfo describes each dictionary word as it looks inside a sentence
	// (not first, not a quote); own holds its ownFeatures scores.
	ownInfo []wordInfo
	own     ownScores
	pool    sync.Pool // *scratch
}

// lexEntry is what the dictionary knows about a word form.
type lexEntry struct {
	class uint64 // bit set of the tags the word was seen with
	sure  int    // the word's only tag, or -1
	index int32  // position in Model.words
}

// lexWord is one stored dictionary entry.
type lexWord struct {
	form  string
	class uint64
	sure  int
}

// scratch is per-call working memory, pooled inside the Model.
type scratch struct {
	conf  []bool
	base  [][nTags]int32
	ws    []wordInfo
	left  []int
	out   []int
	feats []uint64
	sink  uint32 // keeps the reading-ahead reads of weights.score alive
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
func newModel(tags []string, words []lexWord, p1, p2 table, off templates, wn *wordNet, clu *clusters) *Model {
	m := &Model{tags: tags, words: words, w: newWeights(&p1, &p2), twoPass: !p2.empty(), off: off, wn: wn, clu: clu,
		lex: make(map[uint64]lexEntry, len(words)), llex: make(map[uint64]uint64, len(words))}
	m.ownInfo = make([]wordInfo, len(words))
	for k, w := range words {
		wi := &m.ownInfo[k]
		describe(wi, w.form)
		wi.class, wi.sure, wi.own = w.class, w.sure, int32(k)
		wi.clu = clu.lookupKey(wi.cluKey)
		m.lex[wi.form] = lexEntry{class: w.class, sure: w.sure, index: int32(k)}
		m.llex[wi.lower] |= w.class
	}
	for k := range m.ownInfo {
		m.ownInfo[k].lclass = m.llex[m.ownInfo[k].lower]
		m.lexFeatures(&m.ownInfo[k], words[k].form)
	}
	m.open = allTags(len(tags))
	for t, name := range tags {
		switch name {
		case "VBG":
			m.needIng |= 1 << uint(t)
		case "JJR", "RBR":
			m.needEr |= 1 << uint(t)
		}
	}
	m.buildOwn()
	m.pool.New = func() any { return new(scratch) }
	return m
}

// closedTags are the closed word classes: function words that the training
// data has as good as never given to a word rare enough to be unknown (the
// exceptions are capitalised or misspelt forms of known words, mostly).
var closedTags = [...]string{"CC", "DT", "EX", "IN", "MD", "PDT", "POS", "PRP", "PRP$", "RP", "TO", "WDT", "WP", "WP$", "WRB"}

func allTags(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return 1<<uint(n) - 1
}

// maskClosed forbids the closed word classes to unknown words, or (on
// false) allows every tag again.
func (m *Model) maskClosed(on bool) {
	m.open = allTags(len(m.tags))
	if !on {
		return
	}
	for _, c := range closedTags {
		for t, name := range m.tags {
			if name == c {
				m.open &^= 1 << uint(t)
			}
		}
	}
}

// masked reports whether the model restricts the tags of unknown words.
func (m *Model) masked() bool { return m.open != allTags(len(m.tags)) }

// allowed returns the set of tags word wi may get. A word the dictionary
// does not know may get any tag of m.open, except VBG without an -ing (-in)
// ending and JJR or RBR without -er: in EWT train, none of the 534 VBG, 37
// JJR and 8 RBR words seen at most twice (the words that look unknown to a
// tagger) lacks that ending; irregular forms (worse, better) are known words.
func (m *Model) allowed(wi *wordInfo) uint64 {
	if wi.class == 0 && wi.lclass == 0 {
		a := m.open
		if wi.ending&endingIng == 0 {
			a &^= m.needIng
		}
		if wi.ending&endingEr == 0 {
			a &^= m.needEr
		}
		return a
	}
	return ^uint64(0)
}

// lexFeatures sets the features of wi that need a lexicon lookup: the
// dictionary class of stems and WordNet's readings.
func (m *Model) lexFeatures(wi *wordInfo, w string) {
	stemFeatures(wi, w, m.llex)
	wi.wn = uint64(m.wn.readings(w))
}

// prepare describes every word of a sentence into ws.
func (m *Model) prepare(ws []wordInfo, words []string) {
	for i, w := range words {
		wi := &ws[i]
		w = normalize(w)
		describe(wi, w)
		if w == "\"" {
			wi.flags |= flagQuote
		}
		e, known := m.lex[wi.form]
		if known {
			wi.class = e.class
			wi.sure = e.sure
			wi.own = e.index
		}
		wi.lclass = m.llex[wi.lower]
		if known {
			wi.clu = m.ownInfo[e.index].clu
		} else {
			wi.clu = m.clu.lookupKey(wi.cluKey)
		}
		// A known word inside the sentence is scored from its precomputed
		// own features, which include the stem features.
		if wi.flags&flagLetter != 0 && (!known || i == 0 && e.sure < 0) {
			m.lexFeatures(wi, w)
		}
	}
	if len(ws) > 0 {
		ws[0].flags |= flagFirst
	}
	sentenceCase(ws)
}

// Tag tags one sentence. words are the tokens' Norm forms (Penn Treebank
// spellings such as "-LRB-" and "“" are accepted too); tags receives one Penn
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
		s.base = make([][nTags]int32, n+16)
		s.conf = make([]bool, n+16)
	}
	ws, left, out := s.ws[:n], s.left[:n], s.out[:n]
	m.prepare(ws, words)
	s.feats = m.run(ws, left, out, s.conf[:n], s.base[:n], s.feats, &s.sink)
	for i, t := range out {
		tags[i] = m.tags[t]
	}
	m.pool.Put(s)
}

// run tags prepared words: the first pass into left, the second into out.
// conf and base hold, per word, whether the first pass was confident enough
// to skip the second and the second pass's scores. It returns the (possibly
// grown) feature buffer; sink keeps the values weights.score returns.
func (m *Model) run(ws []wordInfo, left, out []int, conf []bool, base [][nTags]int32, feats []uint64, sink *uint32) []uint64 {
	ntags := len(m.tags)
	var sk uint32
	for i := range ws {
		wi := &ws[i]
		if wi.sure >= 0 {
			left[i] = wi.sure
			continue
		}
		var s1 [nTags]int32
		var s2 *[nTags]int32
		if m.twoPass {
			s2 = &base[i]
			*s2 = [nTags]int32{}
		}
		if wi.own >= 0 && wi.flags == m.ownInfo[wi.own].flags {
			m.own.add(&s1, s2, wi.own)
			feats = feats[:0]
		} else {
			feats = ownFeatures(feats[:0], &m.off, wi)
		}
		feats = wordContext(feats, &m.off, ws, i)
		sk += m.w.score(&s1, s2, feats)
		feats = tagContext(feats[:0], &m.off, ws, i, left, nil)
		sk += m.w.score(&s1, nil, feats)
		left[i] = argmaxIn(&s1, ntags, m.allowed(wi))
		if m.skip > 0 {
			best := s1[left[i]]
			second := int32(math.MinInt32)
			for k := 0; k < ntags; k++ {
				if k != left[i] && s1[k] > second {
					second = s1[k]
				}
			}
			conf[i] = best-second > m.skip
		} else {
			conf[i] = false
		}
	}
	if !m.twoPass {
		copy(out, left)
		*sink += sk
		return feats
	}
	for i := range ws {
		wi := &ws[i]
		if wi.sure >= 0 {
			out[i] = wi.sure
			continue
		}
		if m.skip > 0 && conf[i] {
			out[i] = left[i]
			continue
		}
		feats = tagContext(feats[:0], &m.off, ws, i, out, left)
		sk += m.w.score2(&base[i], feats)
		out[i] = argmaxIn(&base[i], ntags, m.allowed(wi))
	}
	*sink += sk
	return feats
}

func argmaxInt(scores *[nTags]int32, n int) int {
	best := 0
	for t := 1; t < n; t++ {
		if scores[t] > scores[best] {
			best = t
		}
	}
	return best
}

// argmaxIn returns the best-scoring tag among those in the bit set allowed
// (the best of all if none of the first n is allowed).
func argmaxIn(scores *[nTags]int32, n int, allowed uint64) int {
	if allowed&allTags(n) == allTags(n) {
		return argmaxInt(scores, n)
	}
	if best := argmaxMasked(scores, n, allowed); best >= 0 {
		return best
	}
	return argmaxInt(scores, n)
}

// argmaxFIn is argmaxIn for float scores.
func argmaxFIn(scores *[nTags]float32, n int, allowed uint64) int {
	if best := argmaxMasked(scores, n, allowed); best >= 0 {
		return best
	}
	return argmax(scores, n)
}

// argmaxMasked returns the best of the first n tags that allowed has, or -1
// if it has none of them.
func argmaxMasked[S int32 | float32](scores *[nTags]S, n int, allowed uint64) int {
	best := -1
	for t := 0; t < n; t++ {
		if allowed>>uint(t)&1 != 0 && (best < 0 || scores[t] > scores[best]) {
			best = t
		}
	}
	return best
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

// table is one pass's trained weights as rows (training output and file content).
type table struct {
	rows  []row // sorted by key, keys distinct and non-zero
	scale float32
}

func (t *table) empty() bool { return len(t.rows) == 0 }

// row is one feature's weights in one pass.
type row struct {
	key  uint64
	tags []uint8 // below nTags
	q    []int16 // weight / scale
}

func newTable(rows []row, scale float32) table {
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	return table{rows: rows, scale: scale}
}

// weights maps feature keys to the weights of both passes, with open
// addressing over a power-of-two slot array: one lookup serves both passes.
// A slot is 8 bytes and a weight 4; the full keys are kept apart, for Write.
type weights struct {
	slots []slot
	keys  []uint64 // full key of each slot
	ent   []uint32 // tag<<16 | uint16(weight / scale): first-pass entries, then second-pass ones
	mask  uint64
	scale [2]float32
}

// slot packs a check value (26 high bits of the key, 0 for an empty slot),
// the first entry (22 bits) and the entry counts of the two passes (8 bits each).
type slot uint64

const (
	offBits    = 22
	maxEntries = 1 << offBits
)

func (s slot) check() uint32 { return uint32(s >> 38) }
func (s slot) off() uint32   { return uint32(s>>16) & (maxEntries - 1) }
func (s slot) n1() uint32    { return uint32(s>>8) & 0xff }
func (s slot) n2() uint32    { return uint32(s) & 0xff }

// check is the part of a key stored in its slot: 26 high bits, never 0.
func check(key uint64) uint32 { return uint32(key>>38) | 1 }

// find returns the slot of key, or 0.
func (w *weights) find(key uint64) slot {
	if len(w.slots) == 0 {
		return 0
	}
	c := check(key)
	i := key & w.mask
	for {
		s := w.slots[i]
		if s.check() == c || s == 0 {
			return s
		}
		i = (i + 1) & w.mask
	}
}

// score adds the first-pass weights of feats to s1 and, if s2 is not nil,
// their second-pass weights to s2. All slots are looked up before any weight
// is read, then the first weight of every row found is read before any is
// added up, so that the processor can wait for several cache misses at once.
// It returns a value derived from those early reads, which the caller must
// keep (in scratch.sink) so that they are not optimised away.
func (w *weights) score(s1, s2 *[nTags]int32, feats []uint64) uint32 {
	var found [64]slot
	var sink uint32
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(found))]
		feats = feats[len(chunk):]
		n := 0
		for _, f := range chunk {
			sl := w.find(f)
			found[n] = sl
			if sl.n1()|sl.n2() != 0 { // a row to read (never the case of a missing key)
				n++
			}
		}
		for _, sl := range found[:n] {
			sink += w.ent[sl.off()]
		}
		for _, sl := range found[:n] {
			off, n1 := sl.off(), sl.n1()
			e := w.ent[off : off+n1+sl.n2()]
			for _, x := range e[:n1] {
				s1[(x>>16)&(nTags-1)] += int32(int16(x))
			}
			if s2 != nil {
				for _, x := range e[n1:] {
					s2[(x>>16)&(nTags-1)] += int32(int16(x))
				}
			}
		}
	}
	return sink
}

// score2 adds the second-pass weights of feats to s2, reading ahead as
// score does, and returns the value to keep.
func (w *weights) score2(s2 *[nTags]int32, feats []uint64) uint32 {
	var found [64]slot
	var sink uint32
	for len(feats) > 0 {
		chunk := feats[:min(len(feats), len(found))]
		feats = feats[len(chunk):]
		n := 0
		for _, f := range chunk {
			sl := w.find(f)
			found[n] = sl
			if sl.n2() != 0 {
				n++
			}
		}
		for _, sl := range found[:n] {
			sink += w.ent[sl.off()+sl.n1()]
		}
		for _, sl := range found[:n] {
			start := sl.off() + sl.n1()
			for _, x := range w.ent[start : start+sl.n2()] {
				s2[(x>>16)&(nTags-1)] += int32(int16(x))
			}
		}
	}
	return sink
}

// newWeights merges the two passes' tables. In the rare case that two keys
// share a probe chain and a check value, the later key is dropped.
func newWeights(p1, p2 *table) weights {
	w := weights{scale: [2]float32{p1.scale, p2.scale}}
	n := 0 // distinct keys
	for i, j := 0, 0; i < len(p1.rows) || j < len(p2.rows); n++ {
		switch {
		case j == len(p2.rows) || i < len(p1.rows) && p1.rows[i].key < p2.rows[j].key:
			i++
		case i == len(p1.rows) || p2.rows[j].key < p1.rows[i].key:
			j++
		default:
			i, j = i+1, j+1
		}
	}
	if n == 0 {
		return w
	}
	size := 1
	for size < n+n/2+1 { // always an empty slot, so that lookups end
		size <<= 1
	}
	w.slots, w.keys, w.mask = make([]slot, size), make([]uint64, size), uint64(size-1)
	total := 0
	for _, t := range []*table{p1, p2} {
		for _, r := range t.rows {
			total += len(r.tags)
		}
	}
	w.ent = make([]uint32, 0, min(total, maxEntries))
	i, j := 0, 0
	for i < len(p1.rows) || j < len(p2.rows) {
		var r1, r2 *row
		switch {
		case j == len(p2.rows) || i < len(p1.rows) && p1.rows[i].key < p2.rows[j].key:
			r1 = &p1.rows[i]
			i++
		case i == len(p1.rows) || p2.rows[j].key < p1.rows[i].key:
			r2 = &p2.rows[j]
			j++
		default:
			r1, r2 = &p1.rows[i], &p2.rows[j]
			i, j = i+1, j+1
		}
		key := uint64(0)
		var n1, n2 int
		if r1 != nil {
			key, n1 = r1.key, len(r1.tags)
		}
		if r2 != nil {
			key, n2 = r2.key, len(r2.tags)
		}
		c := check(key)
		k := key & w.mask
		for w.slots[k] != 0 && w.slots[k].check() != c {
			k = (k + 1) & w.mask
		}
		if w.slots[k] != 0 || len(w.ent)+n1+n2 > maxEntries {
			continue
		}
		w.slots[k] = slot(uint64(c)<<38 | uint64(len(w.ent))<<16 | uint64(n1)<<8 | uint64(n2))
		w.keys[k] = key
		for _, r := range []*row{r1, r2} {
			if r != nil {
				for x, tg := range r.tags {
					w.ent = append(w.ent, uint32(tg)<<16|uint32(uint16(r.q[x])))
				}
			}
		}
	}
	return w
}

// table returns one pass's weights (0: first, 1: second) as a table.
func (w *weights) table(pass int) table {
	var rows []row
	for i, s := range w.slots {
		n := int(s.n1())
		off := int(s.off())
		if pass == 1 {
			off, n = off+int(s.n1()), int(s.n2())
		}
		if s == 0 || n == 0 {
			continue
		}
		r := row{key: w.keys[i]}
		for _, x := range w.ent[off : off+n] {
			r.tags = append(r.tags, uint8(x>>16))
			r.q = append(r.q, int16(x))
		}
		rows = append(rows, r)
	}
	return newTable(rows, w.scale[pass])
}

// ownScores holds, for each dictionary word, the summed weights of its
// ownFeatures in both passes, so that a known word costs one lookup. The
// sums are dense, one int32 per tag: row 2k is word k's first pass, row
// 2k+1 its second, next to each other in memory.
type ownScores struct {
	cols int
	w    []int32
}

// add adds word k's first-pass sums to s1 and, if s2 is not nil, its
// second-pass sums to s2.
func (o *ownScores) add(s1, s2 *[nTags]int32, k int32) {
	at := int(k) * 2 * o.cols
	for t, x := range o.w[at : at+o.cols] {
		s1[t&(nTags-1)] += x
	}
	if s2 != nil {
		for t, x := range o.w[at+o.cols : at+2*o.cols] {
			s2[t&(nTags-1)] += x
		}
	}
}

// buildOwn precomputes the ownFeatures scores of both passes for every
// dictionary word the model may score (words it is sure of are never scored;
// their rows stay zero).
func (m *Model) buildOwn() {
	cols := len(m.tags)
	m.own = ownScores{cols: cols, w: make([]int32, 2*cols*len(m.words))}
	var feats []uint64
	for k := range m.words {
		if m.words[k].sure < 0 {
			feats = ownFeatures(feats[:0], &m.off, &m.ownInfo[k])
			var s1, s2 [nTags]int32
			m.w.score(&s1, &s2, feats)
			copy(m.own.w[2*k*cols:], s1[:cols])
			copy(m.own.w[(2*k+1)*cols:], s2[:cols])
		}
	}
}
