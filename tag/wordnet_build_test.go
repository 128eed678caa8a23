package tag

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestBuildWordNet converts WordNet 3.0's index and exception files into the
// part-of-speech lexicon embedded as data/wordnet.lex.gz. It runs only when
// ANNALIST_WORDNET names the WordNet dict directory (Debian: apt-get install
// wordnet-base; ANNALIST_WORDNET=/usr/share/wordnet go test -run TestBuildWordNet ./tag).
func TestBuildWordNet(t *testing.T) {
	dir := os.Getenv("ANNALIST_WORDNET")
	if dir == "" {
		t.Skip("set ANNALIST_WORDNET to WordNet's dict directory")
	}
	lemmas := map[string]uint16{}
	exc := map[string]uint16{}
	for file, bit := range map[string]uint16{"index.noun": wnNoun, "index.verb": wnVerb, "index.adj": wnAdj, "index.adv": wnAdv} {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		s := bufio.NewScanner(f)
		for s.Scan() {
			line := s.Text()
			if strings.HasPrefix(line, "  ") {
				continue // licence header
			}
			lemma, _, _ := strings.Cut(line, " ")
			if lemma == "" || strings.ContainsAny(lemma, "_\t") {
				continue
			}
			lemmas[lemma] |= bit
		}
		f.Close()
	}
	for file, reading := range map[string]uint16{"noun.exc": wnPlural, "verb.exc": wnVerbEd, "adj.exc": wnAdjEr} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			form, _, ok := strings.Cut(line, " ")
			if !ok || strings.ContainsAny(form, "_\t") {
				continue
			}
			r := reading
			if reading == wnVerbEd && strings.HasSuffix(form, "ing") {
				r = wnVerbIng
			}
			exc[form] |= r
		}
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	for _, part := range []struct {
		kind string
		m    map[string]uint16
	}{{"L", lemmas}, {"X", exc}} {
		keys := make([]string, 0, len(part.m))
		for k := range part.m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			var bits []byte
			for b := 0; b < 9; b++ {
				if part.m[k]&(1<<b) != 0 {
					bits = append(bits, byte('a'+b))
				}
			}
			fmt.Fprintf(w, "%s\t%s\t%s\n", part.kind, k, bits)
		}
	}
	w.Flush()
	zw.Close()
	if err := os.WriteFile(filepath.Join("data", "wordnet.lex.gz"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d lemmas, %d irregular forms, %d bytes", len(lemmas), len(exc), buf.Len())
}
