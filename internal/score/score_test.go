package score

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/internal/gold"
	"github.com/annalist/annalist/text"
)

var verbose = flag.Bool("report", false, "print every missed and extra event")

func corpusTexts(tb testing.TB) map[string]string {
	tb.Helper()
	f, err := os.Open("../../testdata/corpus/wikinews-2019-2020.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := text.NewJSONLReader(f, "wikinews")
	out := map[string]string{}
	for {
		d, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			tb.Fatal(err)
		}
		out[d.ID] = d.Text
	}
}

// minimum figures: the test fails if a change codes the gold articles worse.
var floor = map[dict.Syntax]struct{ p, r float64 }{
	dict.SyntaxTABARI: {0.0, 0.0},
}

// TestAccuracy codes the hand-coded Wikinews articles (testdata/gold) with
// each embedded verb dictionary and reports precision and recall.
// go test ./internal/score -run TestAccuracy -v [-report]
func TestAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("codes 30 articles with the language models")
	}
	articles, err := gold.Load("../../testdata/gold/wikinews")
	if err != nil {
		t.Fatal(err)
	}
	texts := corpusTexts(t)
	for _, syn := range []dict.Syntax{dict.SyntaxTABARI, dict.SyntaxPETRARCH2} {
		eng, err := engine.New(engine.Config{Verbs: syn})
		if err != nil {
			t.Fatal(err)
		}
		total, results, err := Run(eng, articles, texts)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s verbs: %d gold events, %d coded\n", syn, total.Gold, total.Coded)
		for l := Exact; l < nLevels; l++ {
			fmt.Fprintf(&b, "  %-8s P %.3f  R %.3f  F1 %.3f\n", l, total.Precision(l), total.Recall(l), total.F1(l))
		}
		t.Log(b.String())
		if *verbose {
			for _, r := range Sorted(results) {
				for _, m := range r.Missed {
					t.Logf("%s MISSED s%d %s %s %s (%s)", r.ID, m.SentenceIndex, m.Source, m.Target, m.Code, m.Reason)
				}
				for _, e := range r.Extra {
					t.Logf("%s EXTRA s%d %s %s %s via %q: %s", r.ID, e.SentenceIndex, e.Source.Code, e.Target.Code, e.Event.Code, e.Evidence.Verb, e.SentenceText)
				}
			}
		}
		if f, ok := floor[syn]; ok && (total.Precision(Country) < f.p || total.Recall(Country) < f.r) {
			t.Errorf("%s: country-level P %.3f R %.3f below the floor %.3f / %.3f", syn, total.Precision(Country), total.Recall(Country), f.p, f.r)
		}
	}
}
