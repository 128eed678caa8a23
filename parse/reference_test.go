package parse

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// refModel is the plain definition of what Parse computes: the features of
// transFeatures and labelFeatures (the ones training uses), scored by summing
// the model's weight rows looked up in Go maps. Parse's fast paths must give
// exactly its trees.
type refModel struct {
	m            *Model
	trans, label map[uint32]int // key -> first weight of its row
	tw, lw       []int16
}

func newRefModel(m *Model) *refModel {
	r := &refModel{m: m, trans: map[uint32]int{}, label: map[uint32]int{}}
	tk, tw := m.trans.rows()
	for i, k := range tk {
		r.trans[k] = i * nMoves
	}
	lk, lw := m.label.rows()
	for i, k := range lk {
		r.label[k] = i * len(m.labels)
	}
	r.tw, r.lw = tw, lw
	return r
}

func (r *refModel) parse(words, tags []string, heads []int, rels []string) {
	n := len(words)
	if n == 0 {
		return
	}
	s := &state{keys: make([]uint32, 0, 96)}
	s.reset(n)
	var buf [64]byte
	b := buf[:0]
	for i, w := range words {
		s.words[i], s.sufs[i], s.shape[i], b = wordAtoms(w, b)
		s.tags[i] = tagUnknown
		for j, t := range r.m.tags {
			if t == tags[i] {
				s.tags[i] = uint64(j + tagFirst)
			}
		}
	}
	s.words[n], s.sufs[n], s.shape[n], s.tags[n] = rootWord, rootWord, rootWord, tagRoot
	L := len(r.m.labels)
	for !s.done() {
		best := s.forced()
		if best < 0 {
			var sc [nMoves]int32
			for _, k := range s.transFeatures() {
				if o, ok := r.trans[k]; ok {
					for j, w := range r.tw[o : o+nMoves] {
						sc[j] += int32(w)
					}
				}
			}
			for mv := 0; mv < nMoves; mv++ {
				if s.valid(mv) && (best < 0 || sc[mv] > sc[best]) {
					best = mv
				}
			}
		}
		lab := int32(-1)
		h, d := int32(-1), int32(-1)
		switch best {
		case mLeft:
			h, d = s.b, s.top()
		case mRight:
			h, d = s.top(), s.b
		}
		if h >= 0 {
			if int(h) == n && r.m.rootLab >= 0 {
				lab = r.m.rootLab
			} else {
				sc := make([]int32, L)
				for _, k := range s.labelFeatures(h, d) {
					if o, ok := r.label[k]; ok {
						for j, w := range r.lw[o : o+L] {
							sc[j] += int32(w)
						}
					}
				}
				for j := range sc {
					if int32(j) != r.m.rootLab && (lab < 0 || sc[j] > sc[lab]) {
						lab = int32(j)
					}
				}
			}
		}
		s.apply(best, lab)
	}
	r.m.finish(s, heads, rels)
}

// TestParseMatchesReference parses the golden corpora and odd inputs with
// Parse and with refModel and requires the same trees. Unlike
// TestGoldenCorpora it also holds after retraining, and it fails if the fast
// feature code and the training feature code ever drift apart.
func TestParseMatchesReference(t *testing.T) {
	m := model(t)
	r := newRefModel(m)
	// All of EWT test and every 8th Wikinews sentence: the map lookups of
	// the reference are slow, and TestGoldenCorpora covers the rest.
	sents := readGolden(t, filepath.Join("testdata", "golden", "ewt-test.parsed.gz"))
	for i, g := range readGolden(t, filepath.Join("testdata", "golden", "wikinews.parsed.gz")) {
		if i%8 == 0 {
			sents = append(sents, g)
		}
	}
	sents = append(sents, goldenSent{
		words: strings.Fields("zzqx ( -LRB- “ ” — 12,345 ÉTAT ’s ??? a"),
		tags:  strings.Fields("XYZ -LRB- -LRB- `` '' : CD NNP POS . DT"),
	})
	long := goldenSent{}
	for i := 0; i < 300; i++ {
		long.words = append(long.words, []string{"the", "man", "said", ",", "and", "left"}[i%6])
		long.tags = append(long.tags, []string{"DT", "NN", "VBD", ",", "CC", "VBD"}[i%6])
	}
	sents = append(sents, long)
	diffs := 0
	for i, g := range sents {
		n := len(g.words)
		h1, r1 := make([]int, n), make([]string, n)
		h2, r2 := make([]int, n), make([]string, n)
		m.Parse(g.words, g.tags, h1, r1)
		r.parse(g.words, g.tags, h2, r2)
		if fmt.Sprint(h1, r1) != fmt.Sprint(h2, r2) {
			diffs++
			if diffs <= 5 {
				t.Errorf("sentence %d %q:\nParse     %v %v\nreference %v %v", i, strings.Join(g.words, " "), h1, r1, h2, r2)
			}
		}
	}
	if diffs > 0 {
		t.Errorf("%d of %d sentences differ from the reference", diffs, len(sents))
	}
}

// FuzzParseMatchesReference parses arbitrary text, split on spaces, with
// arbitrary tags from the model's tag set (and unknown ones), with Parse and
// refModel: the trees must be equal and well formed.
func FuzzParseMatchesReference(f *testing.F) {
	f.Add("The talks were hosted by the Egyptian government .", []byte{5, 9, 30, 31, 2, 5, 9, 15, 1})
	f.Add("zzqx ( “ ” — 12,345 ÉTAT ’s ???", []byte{200, 0, 1})
	f.Add("", []byte{})
	m := model(f)
	r := newRefModel(m)
	f.Fuzz(func(t *testing.T, text string, tagSeq []byte) {
		if !utf8.ValidString(text) {
			return
		}
		words := strings.Fields(text)
		if len(words) > 200 {
			words = words[:200]
		}
		n := len(words)
		tags := make([]string, n)
		for i := range tags {
			c := 0
			if len(tagSeq) > 0 {
				c = int(tagSeq[i%len(tagSeq)])
			}
			if c < len(m.tags) {
				tags[i] = m.tags[c]
			} else {
				tags[i] = fmt.Sprintf("T%d", c)
			}
		}
		h1, r1 := make([]int, n), make([]string, n)
		h2, r2 := make([]int, n), make([]string, n)
		m.Parse(words, tags, h1, r1)
		r.parse(words, tags, h2, r2)
		if fmt.Sprint(h1, r1) != fmt.Sprint(h2, r2) {
			t.Fatalf("%q %q:\nParse     %v %v\nreference %v %v", words, tags, h1, r1, h2, r2)
		}
		if n > 0 {
			checkTree(t, h1, r1)
		}
	})
}
