package tag

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// experiments are the settings compared on EWT dev while developing the
// tagger; TestExperiment trains each and logs dev accuracy:
//
//	ANNALIST_TAG_EXP=base,noclass go test -run TestExperiment -timeout 2h -v ./tag
//
// A "2:" prefix (2:base) trains both passes; otherwise only the first.
func experiments() map[string]func(*config) {
	return map[string]func(*config){
		"base":    func(c *config) {},
		"prune0":  func(c *config) { c.prune = 0 },
		"noclass": func(c *config) { offT(c, tClass0, tClassP1, tClassM1, tClassP2, tTm1ClassP1, tLClass0, tClass0Suf) },
		"lex2":    func(c *config) { c.lexMinCount = 2 },
		"noconj":  func(c *config) { offT(c, tWm1W0, tW0Wp1, tWm1Wp1, tFlagsShape, tClass0Suf, tTm1Suf0) },
		"nosure":  func(c *config) { c.sureMinCount = 1 << 30 },
		"nocase":  func(c *config) { offT(c, tCaseShape, tCaseClass) },
		"nostem":  func(c *config) { offT(c, tStem, tAffix) },
		"wn": func(c *config) {
			wn, err := embeddedWordNet()
			if err != nil {
				panic(err)
			}
			c.wn = wn
		},
		"sure20": func(c *config) { c.sureMinCount, c.sureMinShare = 20, 0.995 },
		"share0": func(c *config) { c.lexMinShare = 0 },
		"share5": func(c *config) { c.lexMinShare = 0.05 },
		"mask":   func(c *config) { c.mask = true },
		"q200":   func(c *config) { c.pruneQ = 200 },
		"q100":   func(c *config) { c.pruneQ = 100 },
		"perc":   func(c *config) { c.paC, c.ensemble, c.pruneQ = 0, 1, 0 }, // the configuration before PA and ensembles
		"ens1":   func(c *config) { c.ensemble = 1 },
		"clux":   func(c *config) { c.off.clear(tCluM1C0, tCluC0P1, tCluTm1, tCluP2) },
		"ens3":   func(c *config) { c.ensemble = 3 },
		"ens5":   func(c *config) { c.ensemble = 5 },
		"pa1":    func(c *config) { c.paC = 1 },
		"pa01":   func(c *config) { c.paC = 0.1 },
		"pa001":  func(c *config) { c.paC = 0.01 },
		"clu": func(c *config) {
			cl, err := embeddedClusters()
			if err != nil {
				panic(err)
			}
			c.clu = cl
		},
		"clu0":   func(c *config) { c.clu = loadClusters(os.Getenv("ANNALIST_TAG_CLU")) },
		"sure10": func(c *config) { c.sureMinCount = 10; c.sureMinShare = 0.99 },
	}
}

func offT(c *config, ts ...uint64) {
	for _, t := range ts {
		c.off[t>>6] |= 1 << (t & 63)
	}
}

func TestExperiment(t *testing.T) {
	names := os.Getenv("ANNALIST_TAG_EXP")
	if names == "" {
		t.Skip("set ANNALIST_TAG_EXP to a list of experiments")
	}
	dir := "/work/shared/ud-english-ewt"
	train := readTreebank(t, filepath.Join(dir, "en_ewt-ud-train.conllu"))
	dev := readTreebank(t, filepath.Join(dir, "en_ewt-ud-dev.conllu"))
	for _, name := range strings.Split(names, ",") {
		two := strings.HasPrefix(name, "2:")
		cfg := defaultConfig()
		cfg.onePass = !two
		for _, part := range strings.Split(strings.TrimPrefix(name, "2:"), "+") {
			f, ok := experiments()[part]
			if !ok {
				t.Fatalf("no experiment %q", part)
			}
			f(&cfg)
		}
		m, err := trainWith(train, dev, TrainOptions{Epochs: 10, Seed: 1}, cfg)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: dev %.4f", name, Evaluate(m, dev))
		if out := os.Getenv("ANNALIST_TAG_EXP_OUT"); out != "" {
			f, err := os.Create(out + "." + strings.ReplaceAll(name, ":", "_"))
			if err != nil {
				t.Fatal(err)
			}
			if err := m.Write(f); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
}

// loadClusters reads a cluster table written by TestBuildClusters.
func loadClusters(path string) *clusters {
	f, err := os.Open(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		panic(err)
	}
	c, err := readClusters(zr)
	if err != nil {
		panic(err)
	}
	return c
}
