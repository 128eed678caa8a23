package conllu

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

const sample = `# sent_id = s1
# text = I don't know.
1-2	don't	_	_	_	_	_	_	_	_
1	I	I	PRON	PRP	_	3	nsubj	_	_
2	do	do	AUX	VBP	_	3	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	know	know	VERB	VB	_	0	root	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

# sent_id = s2
1	Hi	hi	INTJ	UH	_	0	root	_	_
1.1	x	x	X	X	_	_	_	_	_
`

func TestReadAll(t *testing.T) {
	got, err := ReadAll(strings.NewReader(sample), "s.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d sentences, want 2", len(got))
	}
	s := got[0]
	if s.ID != "s1" || s.Text != "I don't know." || s.Line != 1 || len(s.Words) != 5 {
		t.Errorf("sentence header = %q %q line %d words %d", s.ID, s.Text, s.Line, len(s.Words))
	}
	if w := s.Words[3]; w != (Word{ID: 4, Form: "know", Lemma: "know", UPOS: "VERB", XPOS: "VB", Feats: "_", Head: 0, Deprel: "root", Deps: "_", Misc: "_"}) {
		t.Errorf("word 4 = %+v", w)
	}
	if mw := s.Tokens[1]; mw != (MultiWord{From: 1, To: 2, Form: "don't"}) {
		t.Errorf("multi-word = %+v", mw)
	}
	if got[1].Line != 10 || len(got[1].Words) != 1 {
		t.Errorf("second sentence line %d words %d", got[1].Line, len(got[1].Words))
	}
}

func TestReadErrorsAreLocatedAndRecoverable(t *testing.T) {
	in := "1\tA\ta\tX\tX\t_\tzz\tdep\t_\t_\n\n1\tB\tb\tX\tX\t_\t0\troot\t_\t_\n"
	r := NewReader(strings.NewReader(in), "bad.conllu")
	_, err := r.Read()
	if err == nil || err.Error() != "bad.conllu:1:13: bad head \"zz\"" {
		t.Fatalf("err = %v", err)
	}
	s, err := r.Read()
	if err != nil || s.Words[0].Form != "B" {
		t.Fatalf("after error: %v %+v", err, s)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("want EOF, got %v", err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.conllu")
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(good, []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("1\tA\ta\tX\tX\t_\tzz\tdep\t_\t_\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := ReadFile(good)
	if err != nil || len(got) != 2 || got[0].ID != "s1" || got[1].ID != "s2" {
		t.Errorf("ReadFile(good) = %d sentences, %v", len(got), err)
	}
	if _, err := ReadFile(bad); err == nil || err.Error() != bad+":1:13: bad head \"zz\"" {
		t.Errorf("ReadFile(bad): err = %v", err)
	}
	_, err = ReadFile(filepath.Join(dir, "missing.conllu"))
	if annalist.ErrorCode(err) != annalist.ENOTFOUND || !strings.Contains(err.Error(), "missing.conllu") {
		t.Errorf("ReadFile(missing): err = %v (code %q)", err, annalist.ErrorCode(err))
	}
}

func TestWriteRoundTrip(t *testing.T) {
	got, err := ReadAll(strings.NewReader(sample), "s")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, got[0]); err != nil {
		t.Fatal(err)
	}
	again, err := ReadAll(&buf, "w")
	if err != nil || len(again) != 1 || len(again[0].Words) != 5 || again[0].Tokens[1].Form != "don't" {
		t.Fatalf("round trip: %v %+v", err, again)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1\tA\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := NewReader(strings.NewReader(in), "f")
		for i := 0; i < 10000; i++ {
			_, err := r.Read()
			if err == io.EOF {
				return
			}
		}
	})
}

func TestMergeHyphens(t *testing.T) {
	in := "1\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_\n" +
		"2\tstate\tstate\tNOUN\tNN\t_\t4\tcompound\t_\tSpaceAfter=No\n" +
		"3\t-\t-\tPUNCT\tHYPH\t_\t2\tpunct\t_\tSpaceAfter=No\n" +
		"4\trun\trun\tVERB\tVBN\t_\t5\tamod\t_\t_\n" +
		"5\tpaper\tpaper\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n" +
		"6\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_\n"
	got, err := ReadAll(strings.NewReader(in), "h")
	if err != nil {
		t.Fatal(err)
	}
	m := MergeHyphens(got[0])
	want := []Word{
		{ID: 1, Form: "the", Lemma: "the", UPOS: "DET", XPOS: "DT", Feats: "_", Head: 3, Deprel: "det", Deps: "_", Misc: "_"},
		{ID: 2, Form: "state-run", Lemma: "state-run", UPOS: "VERB", XPOS: "VBN", Feats: "_", Head: 3, Deprel: "amod", Deps: "_", Misc: "_"},
		{ID: 3, Form: "paper", Lemma: "paper", UPOS: "NOUN", XPOS: "NN", Feats: "_", Head: 0, Deprel: "root", Deps: "_", Misc: "SpaceAfter=No"},
		{ID: 4, Form: ".", Lemma: ".", UPOS: "PUNCT", XPOS: ".", Feats: "_", Head: 3, Deprel: "punct", Deps: "_", Misc: "_"},
	}
	if len(m.Words) != len(want) {
		t.Fatalf("got %d words: %+v", len(m.Words), m.Words)
	}
	for i := range want {
		if m.Words[i] != want[i] {
			t.Errorf("word %d = %+v, want %+v", i, m.Words[i], want[i])
		}
	}
	if MergeHyphens(m) != m {
		t.Error("a sentence without split compounds should come back unchanged")
	}
}

// TestMergeHyphensKeepsATree merges "walk-in" from EWT, whose parts are
// not a subtree: "walk" hangs off "cheaper" while "-" and "in" hang off
// "hotels", a dependent of "walk". Picking "in" as the merged word's
// head part made walk-in <-> hotels a cycle.
func TestMergeHyphensKeepsATree(t *testing.T) {
	in := "1\tcheaper\tcheap\tADJ\tJJR\t_\t0\troot\t_\t_\n" +
		"2\tto\tto\tPART\tTO\t_\t3\tmark\t_\t_\n" +
		"3\twalk\twalk\tVERB\tVB\t_\t1\txcomp\t_\tSpaceAfter=No\n" +
		"4\t-\t-\tPUNCT\tHYPH\t_\t7\tpunct\t_\tSpaceAfter=No\n" +
		"5\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_\n" +
		"6\tthese\tthis\tDET\tDT\t_\t7\tdet\t_\t_\n" +
		"7\thotels\thotel\tNOUN\tNNS\t_\t3\tobl\t_\tSpaceAfter=No\n" +
		"8\t?\t?\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
	got, err := ReadAll(strings.NewReader(in), "h")
	if err != nil {
		t.Fatal(err)
	}
	m := MergeHyphens(got[0])
	var forms []string
	var heads []int
	for _, w := range m.Words {
		forms = append(forms, w.Form)
		heads = append(heads, w.Head)
	}
	wantForms := []string{"cheaper", "to", "walk-in", "these", "hotels", "?"}
	wantHeads := []int{0, 3, 1, 5, 3, 1}
	if strings.Join(forms, " ") != strings.Join(wantForms, " ") {
		t.Fatalf("forms = %q, want %q", forms, wantForms)
	}
	for i := range wantHeads {
		if heads[i] != wantHeads[i] {
			t.Errorf("heads = %v, want %v", heads, wantHeads)
			break
		}
	}
	if m.Words[2].Deprel != "xcomp" || m.Words[2].XPOS != "VB" {
		t.Errorf("walk-in = %+v, want walk's xcomp/VB", m.Words[2])
	}
}

// TestMergeHyphensTreebankStaysTrees merges every sentence of the EWT
// test split shipped in testdata and checks each result is a tree with
// one root.
func TestMergeHyphensTreebankStaysTrees(t *testing.T) {
	f, err := os.Open("../testdata/ud/en_ewt-ud-test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadAll(f, "en_ewt-ud-test.conllu")
	if err != nil {
		t.Fatal(err)
	}
	merged := 0
	for _, s := range sents {
		m := MergeHyphens(s)
		if m != s {
			merged++
		}
		roots := 0
		for i, w := range m.Words {
			if w.Head == 0 {
				roots++
			}
			k, steps := i, 0
			for k >= 0 && steps <= len(m.Words) {
				k = m.Words[k].Head - 1
				steps++
			}
			if k >= 0 {
				t.Errorf("%s: word %d (%s) is on a cycle after merging", s.ID, i+1, w.Form)
				break
			}
		}
		if roots != 1 {
			t.Errorf("%s: %d roots after merging", s.ID, roots)
		}
	}
	if merged == 0 {
		t.Fatal("no sentence had a split compound to merge")
	}
}
