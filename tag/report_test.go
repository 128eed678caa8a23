package tag

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// TestReport prints an error analysis of a model on EWT dev (or the CoNLL-U
// file ANNALIST_TAG_EVAL): accuracy on words in and out of the model's
// dictionary and the commonest confusions. It runs only when
// ANNALIST_TAG_MODEL names a model file:
//
//	ANNALIST_TAG_MODEL=data/ewt.tagger go test -run TestReport -v ./tag
func TestReport(t *testing.T) {
	m := modelFromEnv(t, "ANNALIST_TAG_MODEL")
	path := devFile()
	if p := os.Getenv("ANNALIST_TAG_EVAL"); p != "" {
		path = p // for the final report only: selection uses dev
	}
	dev := readTreebank(t, path)
	known := map[string]bool{}
	for _, w := range m.words {
		known[w.form] = true
	}
	conf := map[string]int{}
	uconf := map[string]int{}
	var uex []string
	var kc, kt, uc, ut int
	for _, s := range dev {
		words := make([]string, len(s.Words))
		tags := make([]string, len(s.Words))
		for i, w := range s.Words {
			words[i] = w.Form
		}
		m.Tag(words, tags)
		for i, w := range s.Words {
			ok := tags[i] == w.XPOS
			if known[normalize(w.Form)] {
				kt++
				if ok {
					kc++
				}
			} else {
				ut++
				if ok {
					uc++
				}
			}
			if !ok && os.Getenv("ANNALIST_TAG_SHOW") != "" && (w.XPOS == "NNP" || tags[i] == "NNP") {
				ctx := ""
				for j := max(0, i-2); j < min(len(words), i+3); j++ {
					if j == i {
						ctx += "[" + words[j] + "] "
					} else {
						ctx += words[j] + " "
					}
				}
				t.Logf("%s>%s %s", w.XPOS, tags[i], ctx)
			}
			if !ok {
				conf[w.XPOS+" -> "+tags[i]]++
				if !known[normalize(w.Form)] {
					uconf[w.XPOS+" -> "+tags[i]]++
					if len(uex) < 60 {
						uex = append(uex, w.Form+"/"+w.XPOS+">"+tags[i])
					}
				}
			}
		}
	}
	t.Logf("known %d/%d = %.4f, unknown %d/%d = %.4f, all %.4f", kc, kt, float64(kc)/float64(kt), uc, ut, float64(uc)/float64(ut), float64(kc+uc)/float64(kt+ut))
	var keys []string
	for k := range conf {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return conf[keys[i]] > conf[keys[j]] })
	var out string
	for _, k := range keys[:min(25, len(keys))] {
		out += fmt.Sprintf("%s:%d  ", k, conf[k])
	}
	t.Log(out)
	t.Logf("unknown words: %s", topCounts(uconf, 15))
	t.Logf("examples: %v", uex)
}

// modelFromEnv reads the model file named by the environment variable env,
// and skips the test when env is unset (the developer tools of this package
// run only on request).
func modelFromEnv(t testing.TB, env string) *Model {
	t.Helper()
	path := os.Getenv(env)
	if path == "" {
		t.Skipf("set %s to a model file", env)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// devFile is EWT dev in ANNALIST_EWT's directory (default
// /work/shared/ud-english-ewt).
func devFile() string {
	dir := os.Getenv("ANNALIST_EWT")
	if dir == "" {
		dir = "/work/shared/ud-english-ewt"
	}
	return filepath.Join(dir, "en_ewt-ud-dev.conllu")
}
