// Package parse is Annalist's dependency parser: a greedy arc-eager parser with averaged-perceptron scoring that outputs Universal Dependencies trees.
package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"sync"

	"github.com/annalist/annalist"
)

// defaultModel is the model trained on UD English EWT v2.16 (see data/README.md).
//
//go:embed data/parser.bin.gz
var defaultModel []byte

// Default parses the embedded model, trained on UD English EWT. Each call
// decodes the weights afresh (35 MB of memory kept, 65 MB allocated, about
// 0.15-0.3 s of CPU), so callers load once and share the result. It fails
// only if the embedded file is corrupt.
func Default() (*Model, error) {
	m, err := read(bytes.NewReader(defaultModel), gzipSize(defaultModel))
	if err != nil {
		return nil, fmt.Errorf("parse: embedded model: %w", err)
	}
	return m, nil
}

// Model is a trained dependency parser; immutable and safe for concurrent use.
type Model struct {
	tags    []string          // tag id - tagFirst -> Penn Treebank tag
	tagIDs  map[string]uint64 // tag -> id
	labels  []string          // label id -> UD relation
	rootLab int32             // id of "root", or -1
	trans   table4            // transition scores, nMoves columns
	label   sparseTable       // label scores, len(labels) columns
	bias    [nMoves]int32     // the transition row of template 0, which every step has
	pool    sync.Pool         // *state scratch
}

// table is the dense form of a weight table that training produces: an
// open-addressing map from feature key to the offset of its row in w.
// newModel turns it into the layouts used for scoring (table4, sparseTable);
// Read decodes straight into those.
type table struct {
	cols  int
	mask  uint32
	slots []slot
	w     []int16
	nrows int
}

type slot struct {
	key uint32 // 0 marks an empty slot
	off int32  // first weight of the row in w
}

// table4 is a transition table with each row stored in its slot, so that a
// lookup costs a single cache miss.
type table4 struct {
	mask  uint32
	slots []slot4
	nrows int
}

type slot4 struct {
	key uint32
	w   [nMoves]int16
}

func newTable4(t *table) table4 {
	f := table4{mask: t.mask, slots: make([]slot4, len(t.slots)), nrows: t.nrows}
	for i, sl := range t.slots {
		if sl.key != 0 {
			f.slots[i].key = sl.key
			copy(f.slots[i].w[:], t.w[sl.off:int(sl.off)+nMoves])
		}
	}
	return f
}

// rows returns the keys in ascending order and their rows.
func (t *table4) rows() ([]uint32, []int16) {
	var keys []uint32
	for _, sl := range t.slots {
		if sl.key != 0 {
			keys = append(keys, sl.key)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	w := make([]int16, 0, len(keys)*nMoves)
	for _, k := range keys {
		i := k & t.mask
		for t.slots[i].key != k {
			i = (i + 1) & t.mask
		}
		w = append(w, t.slots[i].w[:]...)
	}
	return keys, w
}

// sparseTable is the label table: rows have many columns but few non-zero
// weights, so each row is stored as (column, weight) pairs.
type sparseTable struct {
	cols  int
	mask  uint32
	slots []sslot
	ent   []entry
	nrows int
}

type sslot struct {
	key uint32 // 0 marks an empty slot
	off uint32 // first entry of the row
	n   uint32 // number of entries
}

type entry struct {
	col uint16
	w   int16
}

func newSparseTable(t *table) sparseTable {
	f := sparseTable{cols: t.cols, mask: t.mask, slots: make([]sslot, len(t.slots)), nrows: t.nrows}
	for i, sl := range t.slots {
		if sl.key == 0 {
			continue
		}
		off := uint32(len(f.ent))
		for j, x := range t.w[sl.off : int(sl.off)+t.cols] {
			if x != 0 {
				f.ent = append(f.ent, entry{uint16(j), x})
			}
		}
		f.slots[i] = sslot{key: sl.key, off: off, n: uint32(len(f.ent)) - off}
	}
	return f
}

// score sets out (len(out) == t.cols) to the sum of the rows of keys, using
// *hits as scratch. It reads the hash slots of all keys first, then the
// entries of the rows found, then adds them up, so that the cache misses of
// each pass overlap. It returns a value derived from the prefetching reads,
// which the caller must keep so that the reads are not optimised away.
func (t *sparseTable) score(keys []uint32, out []int32, hits *[]sslot) uint32 {
	for i := range out {
		out[i] = 0
	}
	if len(t.slots) == 0 {
		return 0
	}
	var x uint32
	for _, k := range keys {
		x += t.slots[k&t.mask].key
	}
	h := (*hits)[:0]
	for _, k := range keys {
		i := k & t.mask
		for {
			sl := &t.slots[i]
			if sl.key == k {
				if sl.n > 0 {
					h = append(h, *sl)
					x += uint32(t.ent[sl.off].col)
				}
				break
			}
			if sl.key == 0 {
				break
			}
			i = (i + 1) & t.mask
		}
	}
	for _, sl := range h {
		for _, e := range t.ent[sl.off : sl.off+sl.n] {
			out[e.col] += int32(e.w)
		}
	}
	*hits = h
	return x
}

// rows returns the keys in ascending order and their dense rows.
func (t *sparseTable) rows() ([]uint32, []int16) {
	var keys []uint32
	for _, sl := range t.slots {
		if sl.key != 0 {
			keys = append(keys, sl.key)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	w := make([]int16, len(keys)*t.cols)
	for r, k := range keys {
		i := k & t.mask
		for t.slots[i].key != k {
			i = (i + 1) & t.mask
		}
		sl := t.slots[i]
		for _, e := range t.ent[sl.off : sl.off+sl.n] {
			w[r*t.cols+int(e.col)] = e.w
		}
	}
	return keys, w
}

// touch reads the slot of every key, so that the cache misses of the
// lookups that follow overlap instead of coming one after the other. It
// returns a value derived from the reads, which the caller must keep so that
// they are not optimised away.
func (t *table4) touch(keys []uint32) uint32 {
	var x uint32
	if len(t.slots) > 0 {
		for _, k := range keys {
			x += t.slots[k&t.mask].key
		}
	}
	return x
}

// sum returns the sum of the rows of keys (keys without a row add nothing).
func (t *table4) sum(keys []uint32) [nMoves]int32 {
	var a, b, c, d int32
	if len(t.slots) > 0 {
		for _, k := range keys {
			i := k & t.mask
			for {
				sl := &t.slots[i]
				if sl.key == k {
					a += int32(sl.w[0])
					b += int32(sl.w[1])
					c += int32(sl.w[2])
					d += int32(sl.w[3])
					break
				}
				if sl.key == 0 {
					break
				}
				i = (i + 1) & t.mask
			}
		}
	}
	return [nMoves]int32{a, b, c, d}
}

// buildTable makes a table from distinct keys and their rows (len(w) == len(keys)*cols).
// The load factor stays at or below 1/2.
func buildTable(cols int, keys []uint32, w []int16) table {
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	t := table{cols: cols, mask: uint32(size - 1), slots: make([]slot, size), w: w, nrows: len(keys)}
	for r, k := range keys {
		i := k & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{key: k, off: int32(r * cols)}
	}
	return t
}

// newModel makes a model from the tables training produces.
func newModel(tags, labels []string, trans, label table) *Model {
	return newModelTables(tags, labels, newTable4(&trans), newSparseTable(&label))
}

// newModelTables makes a model from its scoring tables.
func newModelTables(tags, labels []string, trans table4, label sparseTable) *Model {
	m := &Model{tags: tags, labels: labels, trans: trans, label: label, rootLab: -1}
	m.tagIDs = make(map[string]uint64, len(tags))
	for i, t := range tags {
		m.tagIDs[t] = uint64(i + tagFirst)
	}
	for i, l := range labels {
		if l == "root" {
			m.rootLab = int32(i)
		}
	}
	m.bias = m.trans.sum([]uint32{biasKey()})
	m.pool.New = func() any { return &state{keys: make([]uint32, 0, 96)} }
	return m
}

// Labels returns the relations the model can output, in its internal order.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// tagID maps a Penn Treebank tag to its feature atom.
func (m *Model) tagID(t string) uint64 {
	if id, ok := m.tagIDs[t]; ok {
		return id
	}
	return tagUnknown
}

// load fills s with the atoms of a sentence.
func (m *Model) load(s *state, words, tags []string) {
	n := len(words)
	s.reset(n)
	s.memo.reset(n + 1)
	var buf [64]byte
	b := buf[:0]
	for i, w := range words {
		s.words[i], s.sufs[i], s.shape[i], b = wordAtoms(w, b)
		s.tags[i] = m.tagID(tags[i])
	}
	s.words[n], s.sufs[n], s.shape[n], s.tags[n] = rootWord, rootWord, rootWord, tagRoot
}

// Parse fills heads (the 0-based index of each word's head, -1 for the root)
// and rels (UD relations with subtypes, "root" for the root) for a sentence
// of words (token Norm forms) with Penn Treebank tags. Exactly one word is the
// root of a non-empty sentence. It panics if the four slices differ in length.
func (m *Model) Parse(words, tags []string, heads []int, rels []string) {
	n := len(words)
	if len(tags) != n || len(heads) != n || len(rels) != n {
		panic(fmt.Sprintf("parse: Parse: %d words, %d tags, %d heads, %d rels", n, len(tags), len(heads), len(rels)))
	}
	if n == 0 {
		return
	}
	s := m.pool.Get().(*state)
	m.load(s, words, tags)
	m.run(s)
	m.finish(s, heads, rels)
	m.pool.Put(s)
}

// run parses greedily from the initial configuration.
func (m *Model) run(s *state) {
	m.scoreWindows(s)
	var sc [nMoves]int32
	for !s.done() {
		best := s.forced()
		if best < 0 {
			m.scoreTrans(s, &sc)
			for mv := 0; mv < nMoves; mv++ {
				if s.valid(mv) && (best < 0 || sc[mv] > sc[best]) {
					best = mv
				}
			}
		}
		lab := int32(-1)
		switch best {
		case mLeft:
			lab = m.predictLabel(s, s.b, s.top())
		case mRight:
			lab = m.predictLabel(s, s.top(), s.b)
		}
		s.apply(best, lab)
	}
}

// scoreTrans sets out to the transition scores of the current
// configuration: the sum of the weights of transFeatures' keys, computed
// group by group (see transFeatures). A group's sum is kept in s.memo and
// looked up again only when what it reads has changed: S0's fixed context
// once per word, its right dependents when it gets one, N0's left dependents
// when N0 moves or gets one; N0's window is summed for every position before
// parsing (scoreWindows). The S0-N0 pairs change at every step. All keys of a
// step are first touched in one pass, so that their cache misses overlap,
// then summed.
func (m *Model) scoreTrans(s *state, out *[nMoves]int32) {
	s0, s1, n0 := s.top(), s.second(), s.b
	mm := &s.memo
	k := s.keys[:0]
	newS0 := !mm.s0Done[s0]
	if newS0 {
		k = s.s0Keys(k, s0, s1)
	}
	e0 := len(k)
	newS0R := mm.s0rN[s0] != s.nr[s0]
	if newS0R {
		k = s.s0RightKeys(k, s0)
	}
	e1 := len(k)
	newN0L := mm.n0lAt != n0 || mm.n0lN != s.nl[n0]
	if newN0L {
		k = s.n0LeftKeys(k, n0)
	}
	e2 := len(k)
	k = s.pairKeys(k, s0, s1, n0)
	s.keys = k
	s.sink += m.trans.touch(k)
	if newS0 {
		mm.s0Sc[s0] = m.trans.sum(k[:e0])
		mm.s0Done[s0] = true
	}
	if newS0R {
		mm.s0rSc[s0] = m.trans.sum(k[e0:e1])
		mm.s0rN[s0] = s.nr[s0]
	}
	if newN0L {
		mm.n0lSc = m.trans.sum(k[e1:e2])
		mm.n0lAt, mm.n0lN = n0, s.nl[n0]
	}
	p := m.trans.sum(k[e2:])
	a, b, c := &mm.s0Sc[s0], &mm.s0rSc[s0], &mm.n0Sc[n0]
	for j := range out {
		out[j] = m.bias[j] + a[j] + b[j] + c[j] + mm.n0lSc[j] + p[j]
	}
}

// scoreWindows sums the N0 window group (n0Keys) of every word position at
// once: it depends on the position alone, and touching all the keys of a
// sentence in one pass lets their cache misses overlap.
func (m *Model) scoreWindows(s *state) {
	mm := &s.memo
	k := s.keys[:0]
	for p := 0; p < s.n; p++ {
		k = s.n0Keys(k, int32(p))
		mm.n0End[p] = int32(len(k))
	}
	s.sink += m.trans.touch(k)
	from := int32(0)
	for p := 0; p < s.n; p++ {
		mm.n0Sc[p] = m.trans.sum(k[from:mm.n0End[p]])
		from = mm.n0End[p]
	}
	s.keys = k
}

// predictLabel picks the label of the arc h -> d: "root" for arcs from the
// root, the best other label otherwise.
func (m *Model) predictLabel(s *state, h, d int32) int32 {
	if int(h) == s.n && m.rootLab >= 0 {
		return m.rootLab
	}
	L := len(m.labels)
	if cap(s.lsc) < L {
		s.lsc = make([]int32, L)
	}
	sc := s.lsc[:L]
	s.sink += m.label.score(s.labelFeatures(h, d), sc, &s.hits)
	best := int32(-1)
	for j := range sc {
		if int32(j) == m.rootLab {
			continue
		}
		if best < 0 || sc[j] > sc[best] {
			best = int32(j)
		}
	}
	return best
}

// finish copies the tree out, making the first word attached to the
// artificial root the only root: later ones attach to it (as "parataxis" if
// the classifier had nothing better).
func (m *Model) finish(s *state, heads []int, rels []string) {
	n := int32(s.n)
	root := int32(-1)
	for i := int32(0); i < n; i++ {
		h := s.head[i]
		if h < 0 {
			h = n
		}
		if h == n {
			if root < 0 {
				root = i
				heads[i] = -1
				rels[i] = "root"
				continue
			}
			heads[i] = int(root)
			rels[i] = "parataxis"
			continue
		}
		heads[i] = int(h)
		if l := s.label[i]; l >= 0 && int(l) < len(m.labels) && l != m.rootLab {
			rels[i] = m.labels[l]
		} else {
			rels[i] = "dep"
		}
	}
}

// The model file: gzip of
//
//	magic "ANPARSE1"
//	uvarint count, then that many uvarint-length-prefixed strings: tags
//	the same for labels
//	two tables (transitions, labels), each: uvarint cols, uvarint rows,
//	then per row (keys ascending): uvarint key delta (> 0 after the first),
//	cols zigzag-varint int16 weights.
const magic = "ANPARSE1"

// Limits that keep Read from allocating without bound on corrupt input.
const (
	maxStrings = 4096
	maxStrLen  = 256
	maxCols    = 1024
	maxRows    = 1 << 25
	maxWeights = 1 << 28
)

// Write serialises the model in its compact gzip-compressed binary format.
// It fails only if w fails.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	m.encode(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("parse: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("parse: write model: %w", err)
	}
	return nil
}

// encode writes the uncompressed model stream to bw; errors stick in bw.
func (m *Model) encode(bw *bufio.Writer) {
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	sv := func(x int64) { bw.Write(tmp[:binary.PutVarint(tmp[:], x)]) }
	strs := func(ss []string) {
		uv(uint64(len(ss)))
		for _, s := range ss {
			uv(uint64(len(s)))
			bw.WriteString(s)
		}
	}
	bw.WriteString(magic)
	strs(m.tags)
	strs(m.labels)
	tk, tw := m.trans.rows()
	lk, lw := m.label.rows()
	for _, t := range []struct {
		cols int
		keys []uint32
		w    []int16
	}{{nMoves, tk, tw}, {m.label.cols, lk, lw}} {
		uv(uint64(t.cols))
		uv(uint64(len(t.keys)))
		prev := uint32(0)
		for r, k := range t.keys {
			uv(uint64(k - prev))
			prev = k
			for _, x := range t.w[r*t.cols : (r+1)*t.cols] {
				sv(int64(x))
			}
		}
	}
}

// Read decodes a model written by Write. Malformed input yields an
// *annalist.Error with code EINVALID saying what is wrong and at which byte
// offset of the decompressed stream.
func Read(r io.Reader) (*Model, error) {
	return read(r, 0)
}

// read is Read with a guess of the decompressed size (0: none), to decompress
// into one buffer of the right size.
func read(r io.Reader, size int) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, annalist.Errorf(annalist.EINVALID, "parse: model: not gzip: %v", err)
	}
	var buf bytes.Buffer
	buf.Grow(size + bytes.MinRead)
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, annalist.Errorf(annalist.EINVALID, "parse: model: byte %d: %v", buf.Len(), err)
	}
	d := &decoder{b: buf.Bytes()}
	return d.model()
}

// gzipSize returns the decompressed size a gzip file records in its trailer
// (modulo 2^32), or 0 if data is too short to have one.
func gzipSize(data []byte) int {
	if len(data) < 18 {
		return 0
	}
	return int(binary.LittleEndian.Uint32(data[len(data)-4:]))
}

// decoder reads the decompressed model stream. off is the offset of the
// next byte; errors report it.
type decoder struct {
	b   []byte
	off int
}

func (d *decoder) fail(format string, args ...any) error {
	return annalist.Errorf(annalist.EINVALID, "parse: model: byte %d: %s", d.off, fmt.Sprintf(format, args...))
}

// errOverflow is what encoding/binary reports for a varint over 64 bits.
var errOverflow = errors.New("binary: varint overflows a 64-bit integer")

// uvarint64 decodes an unsigned varint, consuming and failing as
// binary.ReadUvarint would on a reader of the rest of the stream.
func (d *decoder) uvarint64() (uint64, error) {
	rest := d.b[d.off:]
	if len(rest) > 0 && rest[0] < 0x80 {
		d.off++
		return uint64(rest[0]), nil
	}
	x, n := binary.Uvarint(rest)
	switch {
	case n > 0:
		d.off += n
		return x, nil
	case n == 0 && len(rest) < binary.MaxVarintLen64:
		d.off += len(rest)
		return 0, io.ErrUnexpectedEOF
	default:
		d.off += min(-n, binary.MaxVarintLen64)
		return 0, errOverflow
	}
}

// varint16 decodes a zigzag varint weight, which must fit in an int16.
func (d *decoder) varint16(what string) (int16, error) {
	if d.off < len(d.b) {
		if c := d.b[d.off]; c < 0x80 {
			d.off++
			return int16(c>>1) ^ -int16(c&1), nil
		}
	}
	ux, err := d.uvarint64()
	if err != nil {
		return 0, d.fail("%s: weight: %v", what, io.ErrUnexpectedEOF)
	}
	x := int64(ux >> 1)
	if ux&1 != 0 {
		x = ^x
	}
	if x < math.MinInt16 || x > math.MaxInt16 {
		return 0, d.fail("%s: weight %d out of range", what, x)
	}
	return int16(x), nil
}

// uvarint reads an unsigned varint of at most max; what and field name it
// in errors ("tag" "count": "tag count ...").
func (d *decoder) uvarint(what, field string, max uint64) (uint64, error) {
	x, err := d.uvarint64()
	if err != nil {
		return 0, d.fail("%s %s: %v", what, field, err)
	}
	if x > max {
		return 0, d.fail("%s %s %d is over the limit %d", what, field, x, max)
	}
	return x, nil
}

func (d *decoder) strings(what string) ([]string, error) {
	n, err := d.uvarint(what, "count", maxStrings)
	if err != nil {
		return nil, err
	}
	out := make([]string, n)
	seen := make(map[string]bool, n)
	for i := range out {
		l, err := d.uvarint(what, "length", maxStrLen)
		if err != nil {
			return nil, err
		}
		if int(l) > len(d.b)-d.off {
			d.off = len(d.b)
			return nil, d.fail("%s: %v", what, io.ErrUnexpectedEOF)
		}
		b := d.b[d.off : d.off+int(l)]
		d.off += int(l)
		if l == 0 || seen[string(b)] {
			return nil, d.fail("%s %d is empty or repeated", what, i)
		}
		seen[string(b)] = true
		out[i] = string(b)
	}
	return out, nil
}

// header reads a table's column and row counts. rows is the number the
// header claims; fit is how many rows the rest of the stream can hold (each
// takes at least 1+cols bytes), which bounds what is allocated for them.
func (d *decoder) header(what string, wantCols int) (rows, fit int, err error) {
	cols, err := d.uvarint(what, "columns", maxCols)
	if err != nil {
		return 0, 0, err
	}
	if int(cols) != wantCols {
		return 0, 0, d.fail("%s has %d columns, want %d", what, cols, wantCols)
	}
	r, err := d.uvarint(what, "rows", maxRows)
	if err != nil {
		return 0, 0, err
	}
	if r*cols > maxWeights {
		return 0, 0, d.fail("%s: %d weights is over the limit", what, r*cols)
	}
	return int(r), min(int(r), (len(d.b)-d.off)/(int(cols)+1)), nil
}

// key reads the key of row i, prev being the key of row i-1.
func (d *decoder) key(what string, i int, prev uint64) (uint64, error) {
	delta, err := d.uvarint(what, "key", math.MaxUint32)
	if err != nil {
		return 0, err
	}
	k := prev + delta
	if (i > 0 && delta == 0) || k == 0 || k > math.MaxUint32 {
		return 0, d.fail("%s: key %d out of order", what, i)
	}
	return k, nil
}

// slotsFor returns the open-addressing size for n keys: the load factor
// stays at or below 1/2, as in buildTable.
func slotsFor(n int) int {
	size := 1
	for size < 2*n+2 {
		size <<= 1
	}
	return size
}

// homeOrder returns the indices of keys in order of their home slot
// (key & mask), roughly: by the slot's top bits, so that filling a table of
// mask+1 slots in that order writes memory nearly sequentially instead of at
// random. Any insertion order gives a valid table.
func homeOrder(keys []uint32, mask uint32) []int32 {
	shift := uint(0)
	for mask>>shift > 4095 {
		shift++
	}
	var count [4097]int32
	for _, k := range keys {
		count[(k&mask)>>shift+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	order := make([]int32, len(keys))
	for r, k := range keys {
		b := (k & mask) >> shift
		order[count[b]] = int32(r)
		count[b]++
	}
	return order
}

// transTable decodes the transition table into its scoring layout.
func (d *decoder) transTable() (table4, error) {
	const what = "transition table"
	rows, fit, err := d.header(what, nMoves)
	if err != nil {
		return table4{}, err
	}
	keys := make([]uint32, 0, fit)
	w := make([][nMoves]int16, 0, fit)
	prev := uint64(0)
	for i := 0; i < rows; i++ {
		k, err := d.key(what, i, prev)
		if err != nil {
			return table4{}, err
		}
		prev = k
		var row [nMoves]int16
		for j := range row {
			if row[j], err = d.varint16(what); err != nil {
				return table4{}, err
			}
		}
		keys = append(keys, uint32(k))
		w = append(w, row)
	}
	size := slotsFor(len(keys))
	t := table4{mask: uint32(size - 1), slots: make([]slot4, size), nrows: rows}
	for _, r := range homeOrder(keys, t.mask) {
		k := keys[r]
		x := k & t.mask
		for t.slots[x].key != 0 {
			x = (x + 1) & t.mask
		}
		t.slots[x] = slot4{key: k, w: w[r]}
	}
	return t, nil
}

// labelTable decodes the label table into its sparse layout. Rows are
// mostly zeros, each written as one zero byte, so runs of eight zero weights
// are skipped at once.
func (d *decoder) labelTable(cols int) (sparseTable, error) {
	const what = "label table"
	rows, fit, err := d.header(what, cols)
	if err != nil {
		return sparseTable{}, err
	}
	keys := make([]uint32, 0, fit)
	ends := make([]uint32, 0, fit) // end of each row's entries
	ent := make([]entry, 0, 4*fit)
	prev := uint64(0)
	for i := 0; i < rows; i++ {
		k, err := d.key(what, i, prev)
		if err != nil {
			return sparseTable{}, err
		}
		prev = k
		for j := 0; j < cols; {
			if cols-j >= 8 && len(d.b)-d.off >= 8 && binary.LittleEndian.Uint64(d.b[d.off:]) == 0 {
				d.off += 8
				j += 8
				continue
			}
			x, err := d.varint16(what)
			if err != nil {
				return sparseTable{}, err
			}
			if x != 0 {
				ent = append(ent, entry{uint16(j), x})
			}
			j++
		}
		keys = append(keys, uint32(k))
		ends = append(ends, uint32(len(ent)))
	}
	size := slotsFor(len(keys))
	t := sparseTable{cols: cols, mask: uint32(size - 1), slots: make([]sslot, size), nrows: rows, ent: ent}
	for _, r := range homeOrder(keys, t.mask) {
		k, off := keys[r], uint32(0)
		if r > 0 {
			off = ends[r-1]
		}
		x := k & t.mask
		for t.slots[x].key != 0 {
			x = (x + 1) & t.mask
		}
		t.slots[x] = sslot{key: k, off: off, n: ends[r] - off}
	}
	return t, nil
}

func (d *decoder) model() (*Model, error) {
	if len(d.b) < len(magic) {
		d.off = len(d.b)
		return nil, d.fail("header: %v", io.ErrUnexpectedEOF)
	}
	d.off = len(magic)
	if mg := d.b[:len(magic)]; string(mg) != magic {
		return nil, d.fail("not a parser model (magic %q)", mg)
	}
	tags, err := d.strings("tag")
	if err != nil {
		return nil, err
	}
	labels, err := d.strings("label")
	if err != nil {
		return nil, err
	}
	if len(labels) == 0 {
		return nil, d.fail("no labels")
	}
	trans, err := d.transTable()
	if err != nil {
		return nil, err
	}
	label, err := d.labelTable(len(labels))
	if err != nil {
		return nil, err
	}
	if d.off < len(d.b) {
		return nil, d.fail("trailing data")
	}
	return newModelTables(tags, labels, trans, label), nil
}
