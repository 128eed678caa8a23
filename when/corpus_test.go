package when

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ from the current code")

const wikinews = "../testdata/corpus/wikinews-2019-2020.jsonl"

// article is one line of the Wikinews JSON Lines corpus.
type article struct {
	ID   string `json:"id"`
	Date string `json:"date"`
	Text string `json:"text"`
}

// readCorpus reads the Wikinews corpus with each article's publication date.
func readCorpus(tb testing.TB) ([]article, []time.Time) {
	tb.Helper()
	file, err := os.Open(wikinews)
	if err != nil {
		tb.Fatal(err)
	}
	defer file.Close()
	var docs []article
	var pubs []time.Time
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("%s:%d: %v", wikinews, len(docs)+1, err)
		}
		pub, err := time.Parse("2006-01-02", a.Date)
		if err != nil {
			tb.Fatalf("%s:%d: date: %v", wikinews, len(docs)+1, err)
		}
		docs = append(docs, a)
		pubs = append(pubs, pub)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return docs, pubs
}

// corpusSentences returns the sentence texts of every article.
func corpusSentences(tb testing.TB, docs []article) [][]string {
	tb.Helper()
	out := make([][]string, len(docs))
	for k, d := range docs {
		for _, s := range tokenize.Split(d.Text) {
			out[k] = append(out[k], s.Text)
		}
	}
	return out
}

// TestCorpusGolden runs Find on every sentence of the Wikinews corpus, as the
// coder does (past tense, the previous sentences' last resolved expression
// as the anchor), and compares every expression found, with 30 bytes of
// context on each side, to testdata/wikinews.golden. The golden file is the
// place to review false positives and misses; regenerate it with
//
//	go test ./when -run CorpusGolden -update
func TestCorpusGolden(t *testing.T) {
	docs, pubs := readCorpus(t)
	sents := corpusSentences(t, docs)
	var b strings.Builder
	n := 0
	for k, d := range docs {
		fmt.Fprintf(&b, "# %s %s\n", d.Date, d.ID)
		var anchor Expr
		for si, s := range sents[k] {
			for _, e := range Find(s, pubs[k], Options{Anchor: anchor}) {
				checkExpr(t, s, e)
				n++
				fmt.Fprintf(&b, "%d\t%q\t%s\t%s%s\t%s\n", si, e.Text, e.DateString(), e.Precision, flags(e), context(s, e))
				if e.Precision != Unresolved {
					anchor = e
				}
			}
		}
	}
	golden(t, filepath.Join("testdata", "wikinews.golden"), b.String())
	t.Logf("%d expressions in %d articles", n, len(docs))
}

// flags renders Relative and Future compactly.
func flags(e Expr) string {
	s := ""
	if e.Relative {
		s += " rel"
	}
	if e.Future {
		s += " fut"
	}
	return s
}

// context shows the expression in brackets with up to 30 bytes on each
// side, on one line.
func context(s string, e Expr) string {
	from, to := max(0, e.Span.Start-30), min(len(s), e.Span.End+30)
	c := s[from:e.Span.Start] + "[" + e.Text + "]" + s[e.Span.End:to]
	return strings.Join(strings.Fields(strings.ToValidUTF8(c, "\uFFFD")), " ")
}

// golden compares got with the file at path, or rewrites it with -update.
func golden(tb testing.TB, path, got string) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run with -update to create it)", err)
	}
	if string(want) == got {
		return
	}
	w, g := strings.Split(string(want), "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			tb.Fatalf("%s:%d differs (run with -update to accept):\nwant %q\ngot  %q", path, i+1, wl, gl)
		}
	}
}
