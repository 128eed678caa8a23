package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist/tokenize"
)

// TestBuildClusters clusters the words of shippable unlabelled text into
// word classes and writes the table embedded as data/clusters.gz. It runs
// only when ANNALIST_CLUSTERS names the output file:
//
//	ANNALIST_CLUSTERS=data/clusters.gz go test -run TestBuildClusters -timeout 1h -v ./tag
//
// The text: the word forms of UD English EWT train (not dev or test), the
// English Wikinews sample (/work/shared/corpus/wikinews-2019-2020.jsonl, CC
// BY 2.5) and the glosses and examples of WordNet 3.0 (/usr/share/wordnet,
// data.*). Words are lower-cased with digits mapped to 0. Two flat
// clusterings (clusterSizes) are made with the exchange algorithm, which
// moves one word at a time to the class that most raises the likelihood of a
// class bigram model; words seen fewer than clusterMinCount times are left out.
func TestBuildClusters(t *testing.T) {
	out := os.Getenv("ANNALIST_CLUSTERS")
	if out == "" {
		t.Skip("set ANNALIST_CLUSTERS to the output file")
	}
	var sents [][]string
	for _, s := range readTreebank(t, "/work/shared/ud-english-ewt/en_ewt-ud-train.conllu") {
		var ws []string
		for _, w := range s.Words {
			ws = append(ws, clusterForm(normalize(w.Form)))
		}
		sents = append(sents, ws)
	}
	addText := func(text string) {
		for _, s := range tokenize.Split(text) {
			var ws []string
			for _, tk := range s.Tokens {
				ws = append(ws, clusterForm(normalize(tk.Norm)))
			}
			sents = append(sents, ws)
		}
	}
	f, err := os.Open("/work/shared/corpus/wikinews-2019-2020.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		addText(a.Title + "\n\n" + a.Text)
	}
	f.Close()
	wnDir := os.Getenv("ANNALIST_WORDNET")
	if wnDir == "" {
		wnDir = "/usr/share/wordnet"
	}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(wnDir, "data."+pos))
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") {
				continue // licence header
			}
			_, gloss, ok := strings.Cut(line, "| ")
			if !ok {
				continue
			}
			// Definitions and quoted examples are separated by semicolons.
			for _, part := range strings.Split(gloss, ";") {
				part = strings.Trim(strings.TrimSpace(part), "\"")
				if part != "" {
					addText(part)
				}
			}
		}
		f.Close()
	}
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	t.Logf("%d sentences, %d tokens", len(sents), tokens)
	var lines []string
	var fine []map[string]int
	for _, k := range clusterSizes {
		start := time.Now()
		cl := exchangeClusters(sents, k, clusterMinCount, clusterIterations, t)
		t.Logf("%d classes: %d words (%s)", k, len(cl), time.Since(start).Round(time.Second))
		fine = append(fine, cl)
	}
	for w := range fine[0] {
		fields := []string{w}
		for _, cl := range fine {
			fields = append(fields, fmt.Sprint(cl[w]))
		}
		lines = append(lines, strings.Join(fields, "\t"))
	}
	sort.Strings(lines)
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
	zw.Close()
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d words, %d bytes)", out, len(lines), buf.Len())
}

// clusterSizes are the numbers of classes of the clusterings written.
var clusterSizes = []int{256, 32}

const (
	clusterMinCount   = 2
	clusterIterations = 12
)

// exchangeClusters assigns the words seen at least minCount times in sents to
// k classes, maximising the likelihood of a class bigram model by the
// exchange algorithm (Kneser and Ney 1993; Martin, Liermann and Ney 1998).
// Rare words share one pseudo-word, and sentence boundaries another; neither
// is reported. Deterministic.
func exchangeClusters(sents [][]string, k, minCount, iters int, t testing.TB) map[string]int {
	count := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			count[w]++
		}
	}
	var vocab []string
	for w, n := range count {
		if n >= minCount {
			vocab = append(vocab, w)
		}
	}
	sort.Slice(vocab, func(i, j int) bool {
		if count[vocab[i]] != count[vocab[j]] {
			return count[vocab[i]] > count[vocab[j]]
		}
		return vocab[i] < vocab[j]
	})
	id := map[string]int32{}
	for i, w := range vocab {
		id[w] = int32(i)
	}
	rare, bound := int32(len(vocab)), int32(len(vocab)+1)
	nw := len(vocab) + 2
	// word bigram counts
	type pair struct{ a, b int32 }
	big := map[pair]int32{}
	wc := make([]int64, nw)
	wid := func(w string) int32 {
		if i, ok := id[w]; ok {
			return i
		}
		return rare
	}
	for _, s := range sents {
		prev := bound
		wc[bound]++
		for _, w := range s {
			x := wid(w)
			wc[x]++
			big[pair{prev, x}]++
			prev = x
		}
		big[pair{prev, bound}]++
	}
	type nb struct {
		w int32
		n int32
	}
	right := make([][]nb, nw)
	left := make([][]nb, nw)
	self := make([]int32, nw)
	var pairs []pair
	for p := range big {
		pairs = append(pairs, p)
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].a != pairs[j].a {
			return pairs[i].a < pairs[j].a
		}
		return pairs[i].b < pairs[j].b
	})
	for _, p := range pairs {
		n := big[p]
		if p.a == p.b {
			self[p.a] = n
			continue
		}
		right[p.a] = append(right[p.a], nb{p.b, n})
		left[p.b] = append(left[p.b], nb{p.a, n})
	}
	// The two pseudo-words get classes of their own, never moved: k+1 classes
	// for the real words' k.
	K := k + 2
	cls := make([]int32, nw)
	for i := range vocab {
		cls[i] = int32(i % k)
	}
	cls[rare], cls[bound] = int32(k), int32(k+1)
	B := make([]int64, K*K)
	N := make([]int64, K)
	for p, n := range big {
		B[int(cls[p.a])*K+int(cls[p.b])] += int64(n)
	}
	for w := range wc {
		N[cls[w]] += wc[w]
	}
	f := func(x int64) float64 {
		if x <= 0 {
			return 0
		}
		return float64(x) * math.Log(float64(x))
	}
	rc := make([]int64, K) // counts of w's right neighbours by class
	lc := make([]int64, K)
	var rcl, lcl []int32 // classes present in rc, lc
	for it := 0; it < iters; it++ {
		moved := 0
		for w := 0; w < len(vocab); w++ {
			a := int(cls[w])
			rcl, lcl = rcl[:0], lcl[:0]
			for _, e := range right[w] {
				c := cls[e.w]
				if rc[c] == 0 {
					rcl = append(rcl, c)
				}
				rc[c] += int64(e.n)
			}
			for _, e := range left[w] {
				c := cls[e.w]
				if lc[c] == 0 {
					lcl = append(lcl, c)
				}
				lc[c] += int64(e.n)
			}
			sw := int64(self[w])
			// take w out of a
			for _, c := range rcl {
				B[a*K+int(c)] -= rc[c]
			}
			for _, c := range lcl {
				B[int(c)*K+a] -= lc[c]
			}
			B[a*K+a] -= sw
			N[a] -= wc[w]
			best, bestGain := a, math.Inf(-1)
			for c := 0; c < k; c++ {
				g := 0.0
				for _, d := range rcl {
					if int(d) != c {
						x := B[c*K+int(d)]
						g += f(x+rc[d]) - f(x)
					}
				}
				for _, d := range lcl {
					if int(d) != c {
						x := B[int(d)*K+c]
						g += f(x+lc[d]) - f(x)
					}
				}
				x := B[c*K+c]
				g += f(x+rc[c]+lc[c]+sw) - f(x)
				g -= 2 * (f(N[c]+wc[w]) - f(N[c]))
				if g > bestGain+1e-9 || c == a && g >= bestGain-1e-9 {
					best, bestGain = c, g
				}
			}
			if best != a {
				moved++
			}
			b := best
			for _, c := range rcl {
				B[b*K+int(c)] += rc[c]
			}
			for _, c := range lcl {
				B[int(c)*K+b] += lc[c]
			}
			B[b*K+b] += sw
			N[b] += wc[w]
			cls[w] = int32(b)
			for _, c := range rcl {
				rc[c] = 0
			}
			for _, c := range lcl {
				lc[c] = 0
			}
		}
		t.Logf("exchange k=%d iteration %d: %d words moved", k, it+1, moved)
		if moved == 0 {
			break
		}
	}
	out := make(map[string]int, len(vocab))
	for i, w := range vocab {
		out[w] = int(cls[i])
	}
	return out
}

// clusterForm is the form a word is clustered and looked up by.
func clusterForm(w string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(w) {
		if r >= '0' && r <= '9' {
			r = '0'
		}
		b.WriteRune(r)
	}
	return b.String()
}
