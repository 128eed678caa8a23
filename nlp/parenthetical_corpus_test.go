package nlp

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/annalist/annalist/tokenize"
)

// TestParentheticalCorpus measures the parenthetical step on a JSON Lines
// corpus (one {"text": ...} article per line, ANNALIST_PAREN_CORPUS; it
// runs only when that is set): how many sentences have a parenthetical
// attribution, how often tagging and parsing the whole sentence makes a word
// of the attribution the root, and how often the root has a subject outside
// the attribution, with and without the step (docs/models.md):
//
//	ANNALIST_PAREN_CORPUS=../shared/corpus/reuters21578.jsonl go test -run TestParentheticalCorpus -v ./nlp
//
// With ANNALIST_PAREN_SHOW=1 it also prints every sentence found, the
// first clause in brackets.
func TestParentheticalCorpus(t *testing.T) {
	path := os.Getenv("ANNALIST_PAREN_CORPUS")
	if path == "" {
		t.Skip()
	}
	a := analyzer(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var hits, plainVerbRoot, plainSubj, newSubj int
	for sc.Scan() {
		var d struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		for _, s := range tokenize.Split(d.Text) {
			n := len(s.Tokens)
			words := make([]string, n)
			for i, tk := range s.Tokens {
				words[i] = tk.Norm
			}
			tags := make([]string, n)
			a.tagger.Tag(words, tags)
			ps := findParentheticals(words, tags, nil)
			if len(ps) == 0 {
				continue
			}
			hits++
			if os.Getenv("ANNALIST_PAREN_SHOW") != "" {
				t.Logf("%s [%s] %s", strings.Join(words[:ps[0].open+1], " "), strings.Join(words[ps[0].open+1:ps[0].close], " "), strings.Join(words[ps[0].close:], " "))
			}
			heads, rels := make([]int, n), make([]string, n)
			a.parser.Parse(words, tags, heads, rels)
			p := ps[0]
			verbRoot := false
			for k := p.open + 1; k < p.close; k++ {
				if heads[k] == -1 {
					verbRoot = true
				}
			}
			if verbRoot {
				plainVerbRoot++
			}
			// Does the root have a subject outside the attribution?
			subj := func() bool {
				for i := range words {
					if heads[i] >= 0 && heads[heads[i]] == -1 && (i < p.open || i > p.close) && strings.HasPrefix(rels[i], "nsubj") && !(heads[i] > p.open && heads[i] < p.close) {
						return true
					}
				}
				return false
			}
			if subj() {
				plainSubj++
			}
			a.AnalyzeWords(words, tags, heads, rels)
			if subj() {
				newSubj++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d sentences with a parenthetical attribution; whole-sentence analysis: a word of the attribution is the root in %d, the root has a subject outside it in %d; with the step: %d",
		hits, plainVerbRoot, plainSubj, newSubj)
}
