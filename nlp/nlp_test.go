package nlp

import (
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/text"
)

var (
	loadOnce sync.Once
	loaded   *Analyzer
	loadErr  error
)

// analyzer loads the embedded models once for the whole test binary.
func analyzer(tb testing.TB) *Analyzer {
	tb.Helper()
	loadOnce.Do(func() { loaded, loadErr = Default() })
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return loaded
}

// checkSentences asserts what every analysis must hold whatever the models
// say: spans inside text and in order, each token's Text equal to the text
// it spans, tags on every token and exactly one root per sentence with
// heads in range.
func checkSentences(tb testing.TB, text string, sents []annalist.Sentence) {
	tb.Helper()
	prev := 0
	for si, s := range sents {
		if s.Index != si {
			tb.Errorf("sentence %d has Index %d", si, s.Index)
		}
		roots := 0
		for ti, t := range s.Tokens {
			if t.Span.Start < prev || t.Span.End < t.Span.Start || t.Span.End > len(text) {
				tb.Fatalf("sentence %d token %d %q: span %v out of order or outside the text (prev end %d, len %d)", si, ti, t.Text, t.Span, prev, len(text))
			}
			if text[t.Span.Start:t.Span.End] != t.Text {
				tb.Errorf("sentence %d token %d: Text %q but span %v holds %q", si, ti, t.Text, t.Span, text[t.Span.Start:t.Span.End])
			}
			prev = t.Span.End
			if t.Tag == "" || t.Rel == "" {
				tb.Errorf("sentence %d token %d %q: tag %q rel %q", si, ti, t.Text, t.Tag, t.Rel)
			}
			switch {
			case t.Head == -1:
				roots++
			case t.Head < 0 || t.Head >= len(s.Tokens) || t.Head == ti:
				tb.Errorf("sentence %d token %d %q: head %d", si, ti, t.Text, t.Head)
			}
		}
		if len(s.Tokens) > 0 && roots != 1 {
			tb.Errorf("sentence %d %q: %d roots", si, s.Text, roots)
		}
		checkAcyclic(tb, si, s.Tokens)
	}
}

func TestAnalyze(t *testing.T) {
	a := analyzer(t)
	const in = "KABUL, Dec 19 (Reuters) - Gen. Xu Qiliang met Afghan officials in Kabul on Wednesday. He said the U.S. troops wouldn't stay."
	sents := a.Analyze(in)
	checkSentences(t, in, sents)
	want := []struct {
		text   string
		tokens string
	}{
		{"KABUL, Dec 19 (Reuters) -", "KABUL , Dec 19 ( Reuters ) -"},
		{"Gen. Xu Qiliang met Afghan officials in Kabul on Wednesday.",
			"Gen. Xu Qiliang met Afghan officials in Kabul on Wednesday ."},
		{"He said the U.S. troops wouldn't stay.", "He said the U.S. troops would n't stay ."},
	}
	if len(sents) != len(want) {
		t.Fatalf("got %d sentences: %+v", len(sents), sents)
	}
	for i, w := range want {
		s := sents[i]
		if s.Text != w.text {
			t.Errorf("sentence %d text %q, want %q", i, s.Text, w.text)
		}
		var toks []string
		for _, tk := range s.Tokens {
			toks = append(toks, tk.Text)
		}
		if got := strings.Join(toks, " "); got != w.tokens {
			t.Errorf("sentence %d tokens %q, want %q", i, got, w.tokens)
		}
	}
	// Syntax the coder relies on: "met" is the root with "Qiliang" its
	// subject and "officials" its object; "said" heads a clause whose
	// verb "stay" is negated.
	if sents[0].Kind != annalist.KindDateline || sents[1].Kind != annalist.KindBody {
		t.Errorf("kinds %q %q, want dateline, body", sents[0].Kind, sents[1].Kind)
	}
	s := sents[1]
	idx := func(s annalist.Sentence, w string) int {
		for i, t := range s.Tokens {
			if t.Text == w {
				return i
			}
		}
		t.Fatalf("no token %q in %q", w, s.Text)
		return -1
	}
	met := idx(s, "met")
	for _, c := range []struct {
		word, tag, rel string
		head           int
	}{
		{"met", "VBD", "root", -1},
		{"Qiliang", "NNP", "nsubj", met},
		{"officials", "NNS", "obj", met},
		{"Afghan", "JJ", "amod", idx(s, "officials")},
	} {
		tk := s.Tokens[idx(s, c.word)]
		if tk.Tag != c.tag || tk.Rel != c.rel || tk.Head != c.head {
			t.Errorf("%q: tag %s rel %s head %d, want %s %s %d", c.word, tk.Tag, tk.Rel, tk.Head, c.tag, c.rel, c.head)
		}
	}
	s = sents[2]
	said, stay := idx(s, "said"), idx(s, "stay")
	if s.Tokens[said].Head != -1 || s.Tokens[stay].Head != said || s.Tokens[stay].Rel != "ccomp" {
		t.Errorf("said/stay: %+v / %+v", s.Tokens[said], s.Tokens[stay])
	}
	if n := s.Tokens[idx(s, "n't")]; n.Head != stay || n.Rel != "advmod" || n.Norm != "n't" {
		t.Errorf("n't: %+v", n)
	}
}

func TestSplitUnderscores(t *testing.T) {
	tok := func(text string, start int) annalist.Token {
		return annalist.Token{Text: text, Norm: text, Span: annalist.Span{Start: start, End: start + len(text)}, Head: -1}
	}
	cases := []struct {
		name string
		in   []annalist.Token
		want []annalist.Token
	}{
		{"name", []annalist.Token{tok("the", 0), tok("Prince_of_Dol_Amroth", 4)},
			[]annalist.Token{tok("the", 0), tok("Prince", 4), tok("of", 11), tok("Dol", 14), tok("Amroth", 18)}},
		{"digits kept", []annalist.Token{tok("user_123", 0)}, []annalist.Token{tok("user_123", 0)}},
		{"leading underscore kept", []annalist.Token{tok("_init", 0)}, []annalist.Token{tok("_init", 0)}},
		{"double underscore kept", []annalist.Token{tok("a__b", 0)}, []annalist.Token{tok("a__b", 0)}},
		{"no underscores", []annalist.Token{tok("Kabul", 0), tok(".", 5)}, []annalist.Token{tok("Kabul", 0), tok(".", 5)}},
	}
	for _, c := range cases {
		got := splitUnderscores(c.in)
		if len(got) != len(c.want) {
			t.Errorf("%s: got %+v, want %+v", c.name, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%s: token %d = %+v, want %+v", c.name, i, got[i], c.want[i])
			}
		}
	}
}

// TestAnalyzeSentencesSkipsEmpty: an empty sentence is left alone, not parsed.
func TestAnalyzeSentencesSkipsEmpty(t *testing.T) {
	sents := []annalist.Sentence{{}}
	analyzer(t).AnalyzeSentences(sents)
	if len(sents[0].Tokens) != 0 {
		t.Errorf("tokens appeared: %+v", sents[0].Tokens)
	}
	if got := analyzer(t).Analyze(""); len(got) != 0 {
		t.Errorf("Analyze(\"\") = %+v", got)
	}
}

// checkAcyclic asserts that every token of sentence si reaches the root by
// following heads (heads already checked to be in range).
func checkAcyclic(tb testing.TB, si int, toks []annalist.Token) {
	tb.Helper()
	for ti := range toks {
		k, steps := ti, 0
		for k >= 0 && k < len(toks) && steps <= len(toks) {
			k = toks[k].Head
			steps++
		}
		if k >= 0 {
			tb.Errorf("sentence %d token %d %q: no path to the root (cycle)", si, ti, toks[ti].Text)
		}
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Gen. Xu met U.S. officials. \"We won't,\" he said.",
		"the Prince_of_Dol_Amroth arrived…",
		"KABUL, Dec 19 (Reuters) -\n\nPhoto: © AP Photo/ Name\n",
		"a_b_ _c __ ___",
		"\xff\xfe broken utf8 «quotes» — dash",
		"In the south, IRNA said, Iranian forces captured two posts, it said, on Monday.",
		"A, he said, , it seems, b c, they said, d e, I think,",
	} {
		f.Add(s)
	}
	a := analyzer(f)
	f.Fuzz(func(t *testing.T, in string) {
		checkSentences(t, in, a.Analyze(in))
	})
}

// BenchmarkAnalyzeWikinews splits, tokenizes, tags and parses the 294
// Wikinews articles shipped in testdata and reports sentences and tokens
// per second.
func BenchmarkAnalyzeWikinews(b *testing.B) {
	a := analyzer(b)
	f, err := os.Open("../testdata/corpus/wikinews-2019-2020.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts []string
	r := text.NewJSONLReader(f, f.Name())
	for {
		doc, err := r.Next()
		if err != nil {
			break
		}
		texts = append(texts, doc.Text)
	}
	if len(texts) == 0 {
		b.Fatal("no articles")
	}
	b.ResetTimer()
	sents, toks := 0, 0
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			for _, s := range a.Analyze(t) {
				sents++
				toks += len(s.Tokens)
			}
		}
	}
	b.ReportMetric(float64(sents)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(toks)/b.Elapsed().Seconds(), "tokens/s")
}

// TestAnalyzeWhere checks that the sentences AnalyzeWhere is asked to
// analyse come out exactly as Analyze makes them, and the others tokenized
// alone: same sentences and tokens, no tags, relations or heads.
func TestAnalyzeWhere(t *testing.T) {
	a := analyzer(t)
	text := "Gondor and Arnor signed a trade pact on Monday. The talks had failed before. Rohan_Riders attacked Edoras."
	want := a.Analyze(text)
	for _, pick := range [][]bool{{true, true, true}, {false, true, false}, {false, false, false}} {
		calls := 0
		got := a.AnalyzeWhere(text, func(s *annalist.Sentence) bool {
			calls++
			return pick[s.Index]
		})
		if len(got) != len(want) || calls != len(want) {
			t.Fatalf("pick %v: %d sentences, %d calls, want %d", pick, len(got), calls, len(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.Text != w.Text || g.Span != w.Span || g.Kind != w.Kind || len(g.Tokens) != len(w.Tokens) {
				t.Fatalf("pick %v: sentence %d = %+v, want %+v", pick, i, g, w)
			}
			for k := range w.Tokens {
				exp := w.Tokens[k]
				if !pick[i] {
					exp.Tag, exp.Rel, exp.Head = "", "", -1
				}
				if g.Tokens[k] != exp {
					t.Errorf("pick %v: sentence %d token %d = %+v, want %+v", pick, i, k, g.Tokens[k], exp)
				}
			}
		}
	}
}
