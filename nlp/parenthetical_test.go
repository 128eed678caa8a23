package nlp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annalist/annalist/tokenize"
)

// words tokenizes one sentence into its Norm forms.
func words(tb testing.TB, sentence string) []string {
	tb.Helper()
	sents := tokenize.Split(sentence)
	if len(sents) != 1 {
		tb.Fatalf("%q: %d sentences", sentence, len(sents))
	}
	var ws []string
	for _, t := range sents[0].Tokens {
		ws = append(ws, t.Norm)
	}
	return ws
}

func TestFindParentheticals(t *testing.T) {
	a := analyzer(t)
	for _, c := range []struct {
		in   string
		want []paren
	}{
		{"Prices, he said, did not spike as a result.", []paren{{1, 4, false}}},
		{"The talks, it seems, have collapsed.", []paren{{2, 5, false}}},
		{"In the south, IRNA said, Iranian forces captured several Iraqi defence posts.", []paren{{3, 6, true}}},
		{"However, the agency added, the trend was unchanged.", []paren{{1, 5, true}}},
		{"Iran is prepared, officials said on Monday, to resume talks.", []paren{{3, 8, false}}},
		{"Russia will, the minister told reporters, send troops to the border.", []paren{{2, 7, false}}},
		{"The data were, the study says, more closely correlated than expected.", []paren{{3, 7, false}}},
		{"Prices, he said, rose, and exports, she added, fell sharply.", []paren{{1, 4, false}, {9, 12, false}}},
		// The attribution ends the clause and has adjuncts of its own.
		{"Output rose, he said, adding that exports fell.", nil},
		{"Talks failed, officials said, as the two sides disagreed.", nil},
		{"Soybean plantings could drop, they said, compared to last year.", nil},
		{"On Monday, he said, and then left.", nil},
		{"Prices rose sharply, he said.", nil},
		// Not a reporting clause, or not closed by a comma.
		{"After the talks, he said: we will go on.", nil},
		{"In a statement, the bank said convertible accounts, funds which are exempt, would rise.", nil},
		{"Smith, the new minister, arrived in Kabul on Monday.", nil},
		{"Troops, tanks and aircraft said to be Russian, crossed the border.", nil},
		// "Said" as a name, not a verb.
		{"Before the burial, his successor, Haitham bin Tariq Al Said, attended prayers in Muscat.", nil},
		// The shared lexicon's report and opinion verbs, plain present.
		{"As output is cut, these analysts argue, prices will rise.", []paren{{4, 8, true}}},
		{"The army, officials revealed, had crossed the border.", []paren{{2, 5, false}}},
	} {
		ws := words(t, c.in)
		tags := make([]string, len(ws))
		a.tagger.Tag(ws, tags)
		got := findParentheticals(ws, tags, nil)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q (tags %v): got %v, want %v", c.in, tags, got, c.want)
		}
	}
}

// parenTree is what a sentence with a parenthetical must be parsed as: its
// root, the word the reporting verb attaches to (as parataxis) and the
// root's subject.
type parenTree struct {
	in, root, verb, head, subj string
}

// parenTrees are news sentences with a parenthetical attribution: the first
// six written for this test, the others from the Wikinews sample in
// testdata/corpus (CC BY 2.5).
var parenTrees = []parenTree{
	{"The government is ready, it seems, to restore ties with Israel.", "ready", "seems", "ready", "government"},
	{"The talks, it seems, have collapsed.", "collapsed", "seems", "collapsed", "talks"},
	{"Iran is prepared, officials said, to resume talks with the agency next week.", "prepared", "said", "prepared", "Iran"},
	{"Russia will, the minister said, send troops to the border.", "send", "said", "send", "Russia"},
	{"In the south, IRNA said, Iranian forces captured several Iraqi defence posts.", "captured", "said", "captured", "forces"},
	{"For one thing, traders noted, it pays about the highest rate of any new security.", "pays", "noted", "pays", "it"},
	{"The guardrail would be examined, Roberts said, to determine if it had performed as designed.", "examined", "said", "examined", "guardrail"},
	{"These orcas, she suggested, specialize in hunting sharks.", "specialize", "suggested", "specialize", "orcas"},
	{"This year, he said, he came to support his fellow Yekaterinburgers.", "came", "said", "came", "he"},
	{"In the wake of van Biljon's death, Connie Moganedi said, the lions were killed.", "killed", "said", "killed", "lions"},
	{"Pelosi herself presided over the vote, a move whose rarity, CBS noted, highlighted the significance of the resolution.", "presided", "noted", "highlighted", "Pelosi"},
}

// TestParentheticalTrees checks that the analyzer parses sentences with a
// parenthetical attribution with the interrupted predicate as the root (or
// the head of the attribution), its subject, and the attribution as its
// parataxis with the opening comma; and logs how many of them the tagger
// and parser get right when run on the whole sentence.
func TestParentheticalTrees(t *testing.T) {
	a := analyzer(t)
	plainRight, plainVerbRoot := 0, 0
	for _, c := range parenTrees {
		ws := words(t, c.in)
		n := len(ws)
		tags, rels, heads := make([]string, n), make([]string, n), make([]int, n)
		a.AnalyzeWords(ws, tags, heads, rels)
		if err := checkParenTree(ws, heads, rels, c); err != nil {
			t.Errorf("%q: %v\n%s", c.in, err, treeString(ws, tags, heads, rels))
		}
		a.tagger.Tag(ws, tags)
		a.parser.Parse(ws, tags, heads, rels)
		if checkParenTree(ws, heads, rels, c) == nil {
			plainRight++
		}
		for i, w := range ws {
			if w == c.verb && heads[i] == -1 {
				plainVerbRoot++
			}
		}
	}
	t.Logf("whole-sentence tagging and parsing gets %d of %d of these right and makes the reporting verb the root of %d",
		plainRight, len(parenTrees), plainVerbRoot)
}

// checkParenTree reports the first way in which a tree differs from c.
func checkParenTree(ws []string, heads []int, rels []string, c parenTree) error {
	at := func(w string) int { // the last occurrence: "he said, he came"
		for i := len(ws) - 1; i >= 0; i-- {
			if ws[i] == w {
				return i
			}
		}
		return -1
	}
	root, verb, head, subj := at(c.root), at(c.verb), at(c.head), at(c.subj)
	switch {
	case root < 0 || verb < 0 || head < 0 || subj < 0:
		return fmt.Errorf("test words missing from %v", ws)
	case heads[root] != -1:
		return fmt.Errorf("root is not %q", c.root)
	case heads[verb] != head || rels[verb] != "parataxis":
		return fmt.Errorf("%q is not parataxis of %q", c.verb, c.head)
	case heads[subj] != root || !strings.HasPrefix(rels[subj], "nsubj"):
		return fmt.Errorf("%q is not the subject of %q", c.subj, c.root)
	case heads[verb-1] != verb && heads[verb-2] != verb:
		return fmt.Errorf("%q has no subject of its own", c.verb)
	}
	for k := verb - 1; k >= 0; k-- {
		if ws[k] == "," {
			if heads[k] != verb || rels[k] != "punct" {
				return fmt.Errorf("the comma opening the attribution is not its punct")
			}
			return nil
		}
	}
	return fmt.Errorf("no comma before %q", c.verb)
}

func treeString(ws, tags []string, heads []int, rels []string) string {
	var b strings.Builder
	for i, w := range ws {
		fmt.Fprintf(&b, "%d %s/%s ->%d %s\n", i, w, tags[i], heads[i], rels[i])
	}
	return b.String()
}

// TestConcurrentAnalyze analyses sentences with and without parentheticals
// from several goroutines at once (the Analyzer's scratch space is pooled)
// and checks that every result equals the sequential one. Run it with -race.
func TestConcurrentAnalyze(t *testing.T) {
	a := analyzer(t)
	var texts []string
	for _, c := range parenTrees {
		texts = append(texts, c.in, strings.ReplaceAll(c.in, ",", ""))
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(a.Analyze(s))
	}
	errs := make(chan string, 8*len(texts))
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for k := range texts {
				i := (k + g) % len(texts)
				if got := fmt.Sprint(a.Analyze(texts[i])); got != want[i] {
					errs <- texts[i]
				}
			}
			done <- true
		}(g)
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errs)
	for s := range errs {
		t.Errorf("concurrent analysis of %q differs from the sequential one", s)
	}
}
