package parse

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/tag"
)

var testTagger = sync.OnceValues(tag.Default)

func tagger(tb testing.TB) *tag.Model {
	tb.Helper()
	m, err := testTagger()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// newsTrees are hand-checked UD analyses (EWT conventions) of news sentences:
// word/head/relation, heads 1-based with 0 for the root as in CoNLL-U.
var newsTrees = []string{
	"Police/4/nsubj in/3/case Kabul/1/nmod arrested/0/root three/6/nummod protesters/4/obj on/8/case Tuesday/4/obl ./4/punct",
	"The/2/det talks/4/nsubj:pass were/4/aux:pass hosted/0/root by/8/case the/8/det Egyptian/8/amod government/4/obl:agent ./4/punct",
	"Russia/4/nsubj and/3/cc China/1/conj called/0/root for/7/case a/7/det ceasefire/4/obl ./4/punct",
	"The/2/det minister/8/nsubj who/4/nsubj met/2/acl:relcl Putin/4/obj last/7/amod week/4/obl:unmarked " +
		"said/0/root that/13/mark the/11/det sanctions/13/nsubj would/13/aux stay/8/ccomp ./8/punct",
	"Israel/2/nsubj agreed/0/root to/4/mark release/2/xcomp 20/6/nummod prisoners/4/obj ./2/punct",
	"The/3/det Chinese/3/amod army/4/nsubj accused/0/root Japan/4/obj of/7/mark violating/4/advcl its/9/nmod:poss airspace/7/obj ./4/punct",
}

func TestNewsSentences(t *testing.T) {
	p, tg := model(t), tagger(t)
	for _, tree := range newsTrees {
		var words, wantRel []string
		var wantHead []int
		for _, f := range strings.Fields(tree) {
			parts := strings.Split(f, "/")
			var h int
			fmt.Sscan(parts[1], &h)
			words = append(words, parts[0])
			wantHead = append(wantHead, h-1)
			wantRel = append(wantRel, parts[2])
		}
		n := len(words)
		tags, heads, rels := make([]string, n), make([]int, n), make([]string, n)
		tg.Tag(words, tags)
		p.Parse(words, tags, heads, rels)
		for i := range words {
			if heads[i] != wantHead[i] || rels[i] != wantRel[i] {
				t.Errorf("%q: word %d %q (%s): got head %d %s, want %d %s", strings.Join(words, " "), i, words[i], tags[i],
					heads[i], rels[i], wantHead[i], wantRel[i])
			}
		}
	}
}

// TestEWTTestGoals checks the accuracy goals on the standard EWT test split
// with tags from the embedded tagger, and reports the merged-hyphen variant.
func TestEWTTestGoals(t *testing.T) {
	sents := ewtTest(t)
	sc, labs := EvaluateLabels(model(t), tagger(t), sents)
	t.Logf("EWT test, predicted tags: UAS %.4f LAS %.4f LASFull %.4f (%d words)", sc.UAS, sc.LAS, sc.LASFull, sc.Words)
	if sc.Words != 25094 {
		t.Errorf("scored %d words, want the 25094 of EWT test", sc.Words)
	}
	if sc.UAS < 0.85 || sc.LAS < 0.82 {
		t.Errorf("UAS %.4f LAS %.4f: below the goals 0.85 / 0.82", sc.UAS, sc.LAS)
	}
	for _, l := range labs {
		t.Logf("  %-14s gold %5d P %.3f R %.3f F1 %.3f", l.Label, l.Gold, l.Precision, l.Recall, l.F1)
	}
	merged := make([]*conllu.Sentence, len(sents))
	for i, s := range sents {
		merged[i] = conllu.MergeHyphens(s)
	}
	ms := Evaluate(model(t), tagger(t), merged)
	t.Logf("EWT test merged, predicted tags: UAS %.4f LAS %.4f (%d words)", ms.UAS, ms.LAS, ms.Words)
	if ms.UAS < 0.85 || ms.LAS < 0.82 {
		t.Errorf("merged: UAS %.4f LAS %.4f below the goals", ms.UAS, ms.LAS)
	}
}

// TestConcurrentParse parses from several goroutines at once; run with -race.
// Every goroutine must get the trees a lone caller gets.
func TestConcurrentParse(t *testing.T) {
	m := model(t)
	sents := ewtTest(t)[:200]
	type res struct {
		heads []int
		rels  []string
	}
	parseAll := func() []res {
		out := make([]res, len(sents))
		for i, s := range sents {
			n := len(s.Words)
			words, tags := make([]string, n), make([]string, n)
			for j, w := range s.Words {
				words[j], tags[j] = w.Form, w.XPOS
			}
			out[i] = res{make([]int, n), make([]string, n)}
			m.Parse(words, tags, out[i].heads, out[i].rels)
		}
		return out
	}
	want := parseAll()
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got := parseAll()
			for i := range got {
				if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
					errs <- fmt.Sprintf("sentence %d differs", i)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestParseEdgeCases(t *testing.T) {
	m := model(t)
	m.Parse(nil, nil, nil, nil) // no words: nothing to do
	heads, rels := make([]int, 1), make([]string, 1)
	m.Parse([]string{"Hello"}, []string{"UH"}, heads, rels)
	if heads[0] != -1 || rels[0] != "root" {
		t.Errorf("one word: %v %v", heads, rels)
	}
	// Unknown tags and odd words still give a tree with one root.
	words := strings.Fields("zzqx ( -LRB- “ ” — 12,345 ÉTAT ’s ???")
	tags := []string{"XYZ", "-LRB-", "-LRB-", "``", "''", ":", "CD", "NNP", "POS", "."}
	heads, rels = make([]int, len(words)), make([]string, len(words))
	m.Parse(words, tags, heads, rels)
	checkTree(t, heads, rels)
	defer func() {
		if recover() == nil {
			t.Error("mismatched lengths should panic")
		}
	}()
	m.Parse(words, tags[:2], heads, rels)
}

// checkTree fails unless heads form a tree with exactly one root.
func checkTree(tb testing.TB, heads []int, rels []string) {
	tb.Helper()
	roots := 0
	for i, h := range heads {
		if h == -1 {
			roots++
			if rels[i] != "root" {
				tb.Errorf("root word %d has relation %q", i, rels[i])
			}
		} else if rels[i] == "root" || rels[i] == "" {
			tb.Errorf("word %d has relation %q", i, rels[i])
		}
		for j, steps := i, 0; j != -1; j, steps = heads[j], steps+1 {
			if j < 0 || j >= len(heads) || steps > len(heads) {
				tb.Fatalf("word %d does not reach the root: %v", i, heads)
			}
		}
	}
	if roots != 1 {
		tb.Errorf("%d roots: %v", roots, heads)
	}
}

func TestTreesAreWellFormed(t *testing.T) {
	m := model(t)
	for _, s := range ewtTest(t)[:500] {
		n := len(s.Words)
		words, tags := make([]string, n), make([]string, n)
		for j, w := range s.Words {
			words[j], tags[j] = w.Form, w.XPOS
		}
		heads, rels := make([]int, n), make([]string, n)
		m.Parse(words, tags, heads, rels)
		checkTree(t, heads, rels)
	}
}

func TestReadErrors(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	cases := []struct {
		name string
		in   []byte
		msg  string
	}{
		{"not gzip", []byte("hello"), "parse: model: not gzip"},
		{"bad magic", gz("ANTAGGER"), `parse: model: byte 8: not a parser model (magic "ANTAGGER")`},
		{"short", gz("ANP"), "parse: model: byte 3: header: unexpected EOF"},
		{"no tags", gz(magic), "parse: model: byte 8: tag count: unexpected EOF"},
		{"huge count", gz(magic + "\xff\xff\x03"), "parse: model: byte 11: tag count 65535 is over the limit 4096"},
		{"repeated tag", gz(magic + "\x02\x02NN\x02NN"), "parse: model: byte 15: tag 1 is empty or repeated"},
		{"no labels", gz(magic + "\x01\x02NN\x00"), "parse: model: byte 13: no labels"},
		{"wrong columns", gz(magic + "\x00\x01\x04root\x05"), "parse: model: byte 16: transition table has 5 columns, want 4"},
		{"key order", gz(magic + "\x00\x01\x04root\x04\x02\x05\x00\x00\x00\x00\x00"), "parse: model: byte 23: transition table: key 1 out of order"},
		{"trailing", gz(magic + "\x00\x01\x04root\x04\x00\x01\x00X"), "parse: model: byte 19: trailing data"},
	}
	for _, c := range cases {
		_, err := Read(bytes.NewReader(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.msg) || annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("%s: err = %v, want %q (EINVALID)", c.name, err, c.msg)
		}
	}
}

func FuzzRead(f *testing.F) {
	var small bytes.Buffer
	tiny := newModel([]string{"NN", "VB"}, []string{"nsubj", "root"},
		buildTable(nMoves, []uint32{5, 9}, []int16{1, -2, 3, -4, 5, 6, 7, 8}),
		buildTable(2, []uint32{7}, []int16{300, -300}))
	if err := tiny.Write(&small); err != nil {
		f.Fatal(err)
	}
	f.Add(small.Bytes())
	f.Add([]byte{})
	f.Add([]byte("\x1f\x8b"))
	raw, err := gzip.NewReader(bytes.NewReader(small.Bytes()))
	if err != nil {
		f.Fatal(err)
	}
	plain, _ := io.ReadAll(raw)
	f.Add(plain)
	f.Fuzz(func(t *testing.T, in []byte) {
		// The input is tried both as a file and as the decompressed stream,
		// so that the fuzzer reaches the decoder without forging gzip.
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(in)
		zw.Close()
		for _, file := range [][]byte{in, z.Bytes()} {
			m, err := Read(bytes.NewReader(file))
			if err != nil {
				if annalist.ErrorCode(err) != annalist.EINVALID || !strings.HasPrefix(err.Error(), "parse: model: ") {
					t.Fatalf("error not located/typed: %v", err)
				}
				continue
			}
			parseSmoke(t, m)
		}
	})
}

// parseSmoke parses one sentence with m and checks that the result is a tree.
func parseSmoke(t *testing.T, m *Model) {
	{
		// A model that reads must parse without panicking.
		words := []string{"The", "man", "left", "."}
		tags := []string{"DT", "NN", "VBD", "."}
		heads, rels := make([]int, 4), make([]string, 4)
		m.Parse(words, tags, heads, rels)
		checkTree(t, heads, rels)
	}
}
