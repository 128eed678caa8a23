package parse

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite parse/testdata/golden from the current model")

// readTagged reads sentences of "word<TAB>tag" lines separated by blank lines.
func readTagged(tb testing.TB, path string) (words, tags [][]string) {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var w, t []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			if len(w) > 0 {
				words, tags = append(words, w), append(tags, t)
				w, t = nil, nil
			}
			continue
		}
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			tb.Fatalf("%s: bad line %q", path, line)
		}
		w, t = append(w, a), append(t, b)
	}
	if len(w) > 0 {
		words, tags = append(words, w), append(tags, t)
	}
	return words, tags
}

// TestGoldenSeedArticle parses the demo article and compares the trees with
// testdata/golden/seed-article.conllu. The input, testdata/seed-article.tagged,
// is the article as package tokenize split it and package tag tagged it when
// the parser was trained; it is frozen so that this test moves only with the
// parser. Regenerate the golden file after retraining with
//
//	go test ./parse -run TestGoldenSeedArticle -update
//
// and read the diff: it shows what the new model parses differently.
func TestGoldenSeedArticle(t *testing.T) {
	m := model(t)
	words, tags := readTagged(t, filepath.Join("testdata", "seed-article.tagged"))
	var buf bytes.Buffer
	for i := range words {
		n := len(words[i])
		heads, rels := make([]int, n), make([]string, n)
		m.Parse(words[i], tags[i], heads, rels)
		checkTree(t, heads, rels)
		for j := range words[i] {
			fmt.Fprintf(&buf, "%d\t%s\t_\t_\t%s\t_\t%d\t%s\t_\t_\n", j+1, words[i][j], tags[i][j], heads[j]+1, rels[j])
		}
		buf.WriteString("\n")
	}
	path := filepath.Join("testdata", "golden", "seed-article.conllu")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	got, exp := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(got) && i < len(exp); i++ {
		if got[i] != exp[i] {
			t.Errorf("line %d: got %q, want %q", i+1, got[i], exp[i])
		}
	}
	if len(got) != len(exp) {
		t.Errorf("got %d lines, want %d", len(got), len(exp))
	}
}
