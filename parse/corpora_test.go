package parse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist/tokenize"
)

var updateInput = flag.Bool("update-input", false, "rebuild the frozen inputs of parse/testdata/golden/*.parsed.gz (implies -update)")

// goldenSent is one sentence of a golden corpus: its input (words and tags)
// and the tree the model gave it (0-based heads, -1 for the root).
type goldenSent struct {
	words, tags []string
	heads       []int
	rels        []string
}

// goldenCorpora are the golden files of TestGoldenCorpora and how their
// frozen inputs are made.
var goldenCorpora = []struct {
	file  string
	input func(tb testing.TB) []goldenSent
}{
	{"ewt-test.parsed.gz", ewtGoldTagged},
	{"wikinews.parsed.gz", wikinewsTagged},
}

// ewtGoldTagged is the EWT test split with its gold XPOS tags.
func ewtGoldTagged(tb testing.TB) []goldenSent {
	var out []goldenSent
	for _, s := range ewtTest(tb) {
		var g goldenSent
		for _, w := range s.Words {
			g.words = append(g.words, w.Form)
			g.tags = append(g.tags, w.XPOS)
		}
		if len(g.words) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// wikinewsTagged is every sentence of the Wikinews sample as package
// tokenize splits it (Norm forms), tagged by the embedded tagger.
func wikinewsTagged(tb testing.TB) []goldenSent {
	f, err := os.Open(filepath.Join("..", "testdata", "corpus", "wikinews-2019-2020.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	tg := tagger(tb)
	var out []goldenSent
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var doc struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			tb.Fatal(err)
		}
		for _, s := range tokenize.Split(doc.Text) {
			var g goldenSent
			for _, t := range s.Tokens {
				g.words = append(g.words, t.Norm)
			}
			if len(g.words) == 0 {
				continue
			}
			g.tags = make([]string, len(g.words))
			tg.Tag(g.words, g.tags)
			out = append(out, g)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// readGolden reads a golden corpus: gzip of "word TAB tag TAB head TAB rel"
// lines (head 1-based, 0 for the root), a blank line after each sentence.
func readGolden(tb testing.TB, path string) []goldenSent {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run with -update-input to create it)", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var out []goldenSent
	var g goldenSent
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		if sc.Text() == "" {
			if len(g.words) > 0 {
				out = append(out, g)
				g = goldenSent{}
			}
			continue
		}
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 {
			tb.Fatalf("%s:%d: %d fields, want 4", path, line, len(f))
		}
		h, err := strconv.Atoi(f[2])
		if err != nil {
			tb.Fatalf("%s:%d: head: %v", path, line, err)
		}
		g.words, g.tags = append(g.words, f[0]), append(g.tags, f[1])
		g.heads, g.rels = append(g.heads, h-1), append(g.rels, f[3])
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	if len(g.words) > 0 {
		out = append(out, g)
	}
	return out
}

func writeGolden(tb testing.TB, path string, sents []goldenSent) {
	tb.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	for _, g := range sents {
		for i := range g.words {
			fmt.Fprintf(bw, "%s\t%s\t%d\t%s\n", g.words[i], g.tags[i], g.heads[i]+1, g.rels[i])
		}
		bw.WriteString("\n")
	}
	if err := bw.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// TestGoldenCorpora parses every sentence of the EWT test split (gold tags)
// and of the Wikinews sample (tokenized and tagged once, then frozen) and
// requires exactly the heads and relations recorded in
// testdata/golden/*.parsed.gz. The files were written by the model as it was
// before the parser's speed work, so they pin that optimisations change
// nothing. After retraining, regenerate the trees with
//
//	go test ./parse -run TestGoldenCorpora -update
//
// (inputs stay frozen), or rebuild the inputs too, with the current
// tokenizer and tagger, with -update-input.
func TestGoldenCorpora(t *testing.T) {
	m := model(t)
	for _, c := range goldenCorpora {
		path := filepath.Join("testdata", "golden", c.file)
		var sents []goldenSent
		if *updateInput {
			sents = c.input(t)
		} else {
			sents = readGolden(t, path)
		}
		words, diffs := 0, 0
		for i := range sents {
			g := &sents[i]
			n := len(g.words)
			heads, rels := make([]int, n), make([]string, n)
			m.Parse(g.words, g.tags, heads, rels)
			words += n
			if *update || *updateInput {
				g.heads, g.rels = heads, rels
				continue
			}
			for j := range heads {
				if heads[j] != g.heads[j] || rels[j] != g.rels[j] {
					diffs++
					if diffs <= 10 {
						t.Errorf("%s: sentence %d word %d %q: got %d %s, want %d %s",
							c.file, i+1, j+1, g.words[j], heads[j]+1, rels[j], g.heads[j]+1, g.rels[j])
					}
				}
			}
		}
		if *update || *updateInput {
			writeGolden(t, path, sents)
			continue
		}
		t.Logf("%s: %d sentences, %d words", c.file, len(sents), words)
		if diffs > 0 {
			t.Errorf("%s: %d of %d words differ", c.file, diffs, words)
		}
	}
}

// BenchmarkParseWikinews parses the Wikinews sample (news sentences, 21
// words on average, tags from the tagger as frozen in
// testdata/golden/wikinews.parsed.gz) round robin.
func BenchmarkParseWikinews(b *testing.B) {
	m := model(b)
	sents := readGolden(b, filepath.Join("testdata", "golden", "wikinews.parsed.gz"))
	heads := make([]int, 1024)
	rels := make([]string, 1024)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	done := 0
	for i := 0; i < b.N; i++ {
		g := &sents[i%len(sents)]
		n := len(g.words)
		m.Parse(g.words, g.tags, heads[:n], rels[:n])
		done += n
	}
	b.ReportMetric(float64(done)/b.Elapsed().Seconds(), "tokens/s")
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(done)/cpu.Seconds(), "tokens/cpu-s")
	}
}
