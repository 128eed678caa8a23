package tag

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/annalist/annalist"
)

// The model file is the magic string followed by a gzip stream holding, in
// order (integers as unsigned varints unless said otherwise):
//
//	version
//	switched-off feature templates: two 64-bit sets
//	second-pass skip margin (first-pass weight units)
//	flags: bit 0 set when the model uses the embedded WordNet lexicon, bit 1 when
//	  unknown words never get closed-class tags, bit 2 when it uses the embedded
//	  word clusters
//	tag count, then each tag as length + bytes
//	dictionary size, then per word: form (length + bytes), class bit set, sure tag + 1 (0 = none)
//	two weight tables (first and second pass), each:
//	  scale (float32 bits, 4 bytes little-endian), row count,
//	  per row: key minus previous key (keys ascending, first from 0), entry count,
//	  per entry: tag byte, weight / scale as a zig-zag varint (int16 range)
const (
	magic   = "annalist-tagger\n"
	version = 3
)

const (
	flagWordNet  = 1 << iota // uses the embedded WordNet lexicon
	flagMask                 // unknown words never get closed-class tags
	flagClusters             // uses the embedded word clusters
)

// Limits that keep a corrupt file from asking for absurd allocations.
const (
	maxString = 1 << 10
	maxWords  = 1 << 22
	maxRows   = 1 << 25
)

// Write writes the model in Annalist's compact tagger format (gzip-compressed
// varints, weights quantized to 16 bits). It fails only if w does.
func (m *Model) Write(w io.Writer) error {
	if _, err := io.WriteString(w, magic); err != nil {
		return fmt.Errorf("tag: write model: %w", err)
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	uv(version)
	uv(m.off[0])
	uv(m.off[1])
	uv(uint64(m.skip))
	var flags uint64
	if m.wn != nil {
		flags |= flagWordNet
	}
	if m.masked() {
		flags |= flagMask
	}
	if m.clu != nil {
		flags |= flagClusters
	}
	uv(flags)
	uv(uint64(len(m.tags)))
	for _, t := range m.tags {
		str(t)
	}
	uv(uint64(len(m.words)))
	for _, lw := range m.words {
		str(lw.form)
		uv(lw.class)
		uv(uint64(lw.sure + 1))
	}
	for pass := range 2 {
		t := m.w.table(pass)
		binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(t.scale))
		bw.Write(buf[:4])
		rows := t.rows
		uv(uint64(len(rows)))
		prev := uint64(0)
		for _, r := range rows {
			uv(r.key - prev)
			prev = r.key
			uv(uint64(len(r.tags)))
			for k, tg := range r.tags {
				bw.WriteByte(tg)
				bw.Write(buf[:binary.PutVarint(buf[:], int64(r.q[k]))])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("tag: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("tag: write model: %w", err)
	}
	return nil
}

// Read parses a model written by Write. Any malformed, truncated or
// inconsistent input gives an *annalist.Error with code EINVALID; errors of
// r itself are wrapped.
func Read(r io.Reader) (*Model, error) {
	src := &sourceReader{r: r}
	m, err := read(src)
	if err == nil {
		return m, nil
	}
	if src.err != nil {
		return nil, fmt.Errorf("tag: read model: %w", src.err)
	}
	var ae *annalist.Error
	if errors.As(err, &ae) {
		return nil, err
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, annalist.Errorf(annalist.EINVALID, "tag: read model: truncated")
	}
	// Anything else comes from decoding bytes that r delivered: corrupt input.
	return nil, annalist.Errorf(annalist.EINVALID, "tag: read model: %v", err)
}

// sourceReader remembers the first error of the underlying reader other
// than io.EOF, so that Read can tell failures of r from corrupt content.
type sourceReader struct {
	r   io.Reader
	err error
}

func (s *sourceReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

func bad(format string, args ...any) error {
	return annalist.Errorf(annalist.EINVALID, "tag: read model: "+format, args...)
}

func read(r io.Reader) (*Model, error) {
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, bad("not a tagger model (too short)")
		}
		return nil, err
	}
	if string(head) != magic {
		return nil, bad("not a tagger model (bad magic)")
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	uv := func(what string, max uint64) (uint64, error) {
		x, err := binary.ReadUvarint(br)
		if err != nil {
			return 0, err
		}
		if x > max {
			return 0, bad("%s %d out of range", what, x)
		}
		return x, nil
	}
	str := func(what string) (string, error) {
		n, err := uv(what+" length", maxString)
		if err != nil {
			return "", err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return "", err
		}
		return string(b), nil
	}
	v, err := uv("version", math.MaxUint32)
	if err != nil {
		return nil, err
	}
	if v != version {
		return nil, bad("unsupported version %d (want %d)", v, version)
	}
	var off templates
	for k := range off {
		if off[k], err = binary.ReadUvarint(br); err != nil {
			return nil, err
		}
	}
	skip, err := uv("skip margin", math.MaxInt32)
	if err != nil {
		return nil, err
	}
	flags, err := uv("flags", flagWordNet|flagMask|flagClusters)
	if err != nil {
		return nil, err
	}
	nt, err := uv("tag count", nTags)
	if err != nil {
		return nil, err
	}
	if nt == 0 {
		return nil, bad("no tags")
	}
	tags := make([]string, nt)
	seen := map[string]bool{}
	for i := range tags {
		if tags[i], err = str("tag"); err != nil {
			return nil, err
		}
		if tags[i] == "" || seen[tags[i]] {
			return nil, bad("empty or repeated tag %q", tags[i])
		}
		seen[tags[i]] = true
	}
	nw, err := uv("dictionary size", maxWords)
	if err != nil {
		return nil, err
	}
	var words []lexWord
	forms := map[string]bool{}
	for i := uint64(0); i < nw; i++ {
		f, err := str("word")
		if err != nil {
			return nil, err
		}
		if forms[f] {
			return nil, bad("word %q repeated", f)
		}
		forms[f] = true
		class, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, err
		}
		if nt < 64 && class>>nt != 0 {
			return nil, bad("word %q has a class outside the tag set", f)
		}
		sure, err := uv("sure tag", nt)
		if err != nil {
			return nil, err
		}
		words = append(words, lexWord{form: f, class: class, sure: int(sure) - 1})
	}
	var tabs [2]table
	for ti := range tabs {
		var b4 [4]byte
		if _, err := io.ReadFull(br, b4[:]); err != nil {
			return nil, err
		}
		scale := math.Float32frombits(binary.LittleEndian.Uint32(b4[:]))
		if math.IsNaN(float64(scale)) || math.IsInf(float64(scale), 0) || scale < 0 {
			return nil, bad("bad weight scale %v", scale)
		}
		nr, err := uv("row count", maxRows)
		if err != nil {
			return nil, err
		}
		// Entries go to flat arrays; rows slice them once all are read.
		keys := make([]uint64, 0, min(nr, 1<<16))
		ends := make([]int, 0, min(nr, 1<<16))
		var tags8 []uint8
		var qs []int16
		key := uint64(0)
		for i := uint64(0); i < nr; i++ {
			d, err := binary.ReadUvarint(br)
			if err != nil {
				return nil, err
			}
			if d == 0 || key+d < key {
				return nil, bad("feature keys not ascending")
			}
			key += d
			ne, err := uv("row length", nt)
			if err != nil {
				return nil, err
			}
			for k := uint64(0); k < ne; k++ {
				tg, err := br.ReadByte()
				if err != nil {
					return nil, err
				}
				if uint64(tg) >= nt {
					return nil, bad("tag index %d out of range", tg)
				}
				q, err := binary.ReadVarint(br)
				if err != nil {
					return nil, err
				}
				if q < math.MinInt16 || q > math.MaxInt16 {
					return nil, bad("weight %d out of range", q)
				}
				tags8 = append(tags8, tg)
				qs = append(qs, int16(q))
			}
			keys = append(keys, key)
			ends = append(ends, len(tags8))
		}
		rows := make([]row, len(keys))
		start := 0
		for i, k := range keys {
			rows[i] = row{key: k, tags: tags8[start:ends[i]:ends[i]], q: qs[start:ends[i]:ends[i]]}
			start = ends[i]
		}
		tabs[ti] = newTable(rows, scale)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		if err == nil {
			return nil, bad("trailing data")
		}
		return nil, err
	}
	if tabs[0].empty() {
		return nil, bad("empty first-pass weights")
	}
	for _, w := range words {
		if w.sure >= len(tags) {
			return nil, bad("sure tag out of range")
		}
	}
	var wn *wordNet
	if flags&flagWordNet != 0 {
		if wn, err = embeddedWordNet(); err != nil {
			return nil, err
		}
	}
	var clu *clusters
	if flags&flagClusters != 0 {
		if clu, err = embeddedClusters(); err != nil {
			return nil, err
		}
	}
	m := newModel(tags, words, tabs[0], tabs[1], off, wn, clu)
	m.skip = int32(skip)
	m.maskClosed(flags&flagMask != 0)
	return m, nil
}
