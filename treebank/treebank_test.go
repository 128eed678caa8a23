package treebank

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

func TestParse(t *testing.T) {
	tree, err := Parse("( (S (NP-SBJ (NNP Arnor)) (VP (AUXZ is) (ADJP (JJ ready))) (-NONE- *T*) (. .)) )")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tree.String(), "(S (NP-SBJ (NNP Arnor)) (VP (VBZ is) (ADJP (JJ ready))) (. .))"; got != want {
		t.Errorf("tree = %s\nwant   %s", got, want)
	}
	leaves := tree.Leaves()
	if len(leaves) != 4 || leaves[1].Word != "is" || leaves[1].Label != "VBZ" || leaves[3].Index != 3 {
		t.Errorf("leaves = %v", leaves)
	}
	if np := tree.Children[0]; np.Label != "NP" || np.Function != "SBJ" || np.Col != 6 {
		t.Errorf("NP node = %+v", np)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "1:1: empty parse"},
		{"S (NP x)", `1:1: parse must start with '(', found 'S'`},
		{"(ROOT (S (NP (NNP Arnor))", "1:26: unbalanced parse: missing ')' for '(' at column 7"},
		{"(ROOT (S (NP (NNP Arnor))))\n)", `2:1: unbalanced parse: ')' after the end of the tree`},
		{"(ROOT (NNP Arnor) x)", `1:19: unexpected word "x" in (ROOT`},
		{"(ROOT (-NONE- *))", "1:18: parse has no words"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
		}
		if err != nil && annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("Parse(%q) error code = %s", tt.in, annalist.ErrorCode(err))
		}
	}
}

type dep struct {
	word, tag string
	head      int
	rel       string
}

func TestToTokens(t *testing.T) {
	tests := []struct {
		name, parse string
		want        []dep
	}{
		{"auxiliaries, passive, agent",
			"(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Osgiliath))))) (. .)))",
			[]dep{{"Eriador", "NNP", 2, "nsubj:pass"}, {"was", "VBD", 2, "aux:pass"}, {"opposed", "VBN", -1, "root"},
				{"by", "IN", 4, "case"}, {"Osgiliath", "NNP", 2, "obl:agent"}, {".", ".", 2, "punct"}}},
		{"possessive, flat coordination, object, temporal",
			"(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (NN army) (CC and) (NN police)) (VP (VBD met) (NP (NNP Arnor)) (NP-TMP (NNP Monday))) (. .)))",
			[]dep{{"Gondor", "NNP", 2, "nmod:poss"}, {"'s", "POS", 0, "case"}, {"army", "NN", 5, "nsubj"}, {"and", "CC", 4, "cc"},
				{"police", "NN", 2, "conj"}, {"met", "VBD", -1, "root"}, {"Arnor", "NNP", 5, "obj"}, {"Monday", "NNP", 5, "obl:unmarked"}, {".", ".", 5, "punct"}}},
		{"reported speech, complement clause, control",
			"(ROOT (S (S (NP (NNP Arnor)) (VP (MD will) (VP (VB try) (S (VP (TO to) (VP (VB help))))))) (, ,) (NP (DT an) (NN official)) (VP (VBD said)) (. .)))",
			[]dep{{"Arnor", "NNP", 2, "nsubj"}, {"will", "MD", 2, "aux"}, {"try", "VB", 8, "ccomp"}, {"to", "TO", 4, "mark"},
				{"help", "VB", 2, "xcomp"}, {",", ",", 8, "punct"}, {"an", "DT", 7, "det"}, {"official", "NN", 8, "nsubj"},
				{"said", "VBD", -1, "root"}, {".", ".", 8, "punct"}}},
		{"object control: the infinitive's subject is the verb's object, as in UD",
			"(ROOT (S (NP (NNP Obama)) (VP (VBZ wants) (S (NP (NNP Putin)) (VP (TO to) (VP (VB attack) (NP (NNP Switzerland)))))) (. .)))",
			[]dep{{"Obama", "NNP", 1, "nsubj"}, {"wants", "VBZ", -1, "root"}, {"Putin", "NNP", 1, "obj"}, {"to", "TO", 4, "mark"},
				{"attack", "VB", 1, "xcomp"}, {"Switzerland", "NNP", 4, "obj"}, {".", ".", 1, "punct"}}},
		{"bare infinitive with an object",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD let) (S (NP (NNP Gondor)) (VP (VB go)))) (. .)))",
			[]dep{{"Arnor", "NNP", 1, "nsubj"}, {"let", "VBD", -1, "root"}, {"Gondor", "NNP", 1, "obj"}, {"go", "VB", 1, "xcomp"},
				{".", ".", 1, "punct"}}},
		{"a finite complement clause keeps its subject",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (S (NP (NNP Gondor)) (VP (VBD left)))) (. .)))",
			[]dep{{"Arnor", "NNP", 1, "nsubj"}, {"said", "VBD", -1, "root"}, {"Gondor", "NNP", 3, "nsubj"}, {"left", "VBD", 1, "ccomp"},
				{".", ".", 1, "punct"}}},
		{"copula, relative clause, underscore name",
			"(ROOT (S (NP (NP (NNP Mordor)) (SBAR (WHNP (WDT which)) (S (VP (VBD attacked) (NP (NNP Dol_Amroth)))))) (VP (VBZ is) (ADJP (JJ dangerous))) (. .)))",
			[]dep{{"Mordor", "NNP", 6, "nsubj"}, {"which", "WDT", 2, "nsubj"}, {"attacked", "VBD", 0, "acl:relcl"}, {"Dol", "NNP", 4, "compound"},
				{"Amroth", "NNP", 2, "obj"}, {"is", "VBZ", 6, "cop"}, {"dangerous", "JJ", -1, "root"}, {".", ".", 6, "punct"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := Parse(tt.parse)
			if err != nil {
				t.Fatal(err)
			}
			toks := ToTokens(tree)
			if len(toks) != len(tt.want) {
				t.Fatalf("got %d tokens, want %d", len(toks), len(tt.want))
			}
			for i, w := range tt.want {
				g := toks[i]
				if g.Text != w.word || g.Tag != w.tag || g.Head != w.head || g.Rel != w.rel {
					t.Errorf("token %d = %s/%s head %d %s, want %s/%s head %d %s", i, g.Text, g.Tag, g.Head, g.Rel, w.word, w.tag, w.head, w.rel)
				}
			}
		})
	}
}

func TestAlign(t *testing.T) {
	text := `He said: “Gondor didn't (really) attack.”`
	tree, err := Parse("(ROOT (S (NP (PRP He)) (VP (VBD said) (: :) (`` ``) (S (NP (NNP Gondor)) (VP (VBD did) (RB n't) (-LRB- -LRB-) (ADVP (RB really)) (-RRB- -RRB-) (VP (VB attack)))) (. .) ('' ''))))")
	if err != nil {
		t.Fatal(err)
	}
	toks := ToTokens(tree)
	if n := Align(toks, text, 0); n != len(toks) {
		t.Errorf("aligned %d of %d", n, len(toks))
	}
	var got []string
	for _, tk := range toks {
		got = append(got, text[tk.Span.Start:tk.Span.End])
	}
	want := []string{"He", "said", ":", "“", "Gondor", "did", "n't", "(", "really", ")", "attack", ".", "”"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("aligned words %q, want %q", got, want)
	}
	// A parse that disagrees with the text leaves the odd leaf unaligned and goes on.
	toks = ToTokens(mustParse(t, "(ROOT (S (NP (NNP Arnor)) (VP (VBD warned) (NP (DT the) (NN population))) (. .)))"))
	Align(toks, "Arnor warned at the people.", 0)
	if toks[3].Span != (annalist.Span{}) || toks[2].Span != (annalist.Span{Start: 16, End: 19}) || toks[4].Span != (annalist.Span{Start: 26, End: 27}) {
		t.Errorf("spans = %v %v %v", toks[2].Span, toks[3].Span, toks[4].Span)
	}
}

func mustParse(tb testing.TB, s string) *Node {
	tb.Helper()
	n, err := Parse(s)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func FuzzParse(f *testing.F) {
	f.Add("(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ ready))) (. .)))")
	f.Add("( (S (NP (NP (DT The) (NN stopover)) (PP (IN of) (NP (NNP X)))) (VP (VBD came))) )")
	f.Add("(NP (NNP Dol_Amroth) (CC and) (NNP _x_))")
	f.Fuzz(func(t *testing.T, s string) {
		tree, err := Parse(s)
		if err != nil {
			var ae *annalist.Error
			if e, ok := err.(*annalist.Error); !ok || e.Pos == nil || e.Pos.Line < 1 {
				t.Fatalf("error without position: %v (%T %v)", err, err, ae)
			}
			return
		}
		toks := ToTokens(tree)
		root := 0
		for i, tk := range toks {
			if tk.Head == -1 {
				root++
			} else if tk.Head < 0 || tk.Head >= len(toks) || tk.Head == i {
				t.Fatalf("token %d has head %d", i, tk.Head)
			}
		}
		if root != 1 {
			t.Fatalf("%d roots in %s", root, s)
		}
		Align(toks, s, 0)
	})
}
