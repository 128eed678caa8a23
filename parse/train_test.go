package parse

import (
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/tag"
)

// treebankDir is where TestTrain reads EWT from; ANNALIST_TREEBANK overrides it.
func treebankDir() string {
	if d := os.Getenv("ANNALIST_TREEBANK"); d != "" {
		return d
	}
	return "/work/shared/ud-english-ewt"
}

func readConllu(tb testing.TB, path string) []*conllu.Sentence {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	s, err := conllu.ReadAll(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestTrain trains the default model and writes it to data/parser.bin.gz.
// It is slow, so it runs only with ANNALIST_TRAIN=1:
//
//	ANNALIST_TRAIN=1 go test -run TestTrain -timeout 2h -v ./parse
//
// ANNALIST_EPOCHS sets the number of epochs (default 15). The parser trains
// on jackknifed tags and is selected with the embedded tagger's tags on dev;
// ANNALIST_TAGGER=FILE uses another tagger model, ANNALIST_TAGGER=gold gold
// tags. ANNALIST_OUT=FILE writes the model elsewhere.
func TestTrain(t *testing.T) {
	if os.Getenv("ANNALIST_TRAIN") == "" {
		t.Skip("set ANNALIST_TRAIN=1 to train the parser")
	}
	dir := treebankDir()
	train := readConllu(t, filepath.Join(dir, "en_ewt-ud-train.conllu"))
	dev := readConllu(t, filepath.Join(dir, "en_ewt-ud-dev.conllu"))
	opts := TrainOptions{Seed: 1, Log: testLog{t}}
	switch tp := os.Getenv("ANNALIST_TAGGER"); tp {
	case "gold":
	case "":
		tg, err := tag.Default()
		if err != nil {
			t.Fatal(err)
		}
		opts.Tagger = tg
	default:
		f, err := os.Open(tp)
		if err != nil {
			t.Fatal(err)
		}
		tg, err := tag.Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		opts.Tagger = tg
	}
	if e := os.Getenv("ANNALIST_EPOCHS"); e != "" {
		var n int
		for _, c := range e {
			n = n*10 + int(c-'0')
		}
		opts.Epochs = n
	}
	start := time.Now()
	var m *Model
	var err error
	if cache := os.Getenv("ANNALIST_JK_CACHE"); cache != "" && opts.Tagger != nil {
		// Same as Train, with the jackknifed tags kept in a file between runs.
		m, err = trainCached(train, dev, opts, cache)
	} else {
		m, err = Train(train, dev, opts)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %s", time.Since(start).Round(time.Second))
	out := os.Getenv("ANNALIST_OUT")
	if out == "" {
		out = filepath.Join("data", "parser.bin.gz")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(out)
	t.Logf("wrote %s (%d bytes)", out, st.Size())
	sc, labs := EvaluateLabels(m, opts.Tagger, dev)
	t.Logf("dev: UAS %.4f LAS %.4f LASFull %.4f (%d words)", sc.UAS, sc.LAS, sc.LASFull, sc.Words)
	for _, l := range labs {
		t.Logf("  %-14s gold %5d F1 %.3f", l.Label, l.Gold, l.F1)
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(string(p))
	return len(p), nil
}

// trainCached is Train with the jackknifed training tags read from (or, the
// first time, written to) the gob file cache, for experiments.
func trainCached(train, dev []*conllu.Sentence, opts TrainOptions, cache string) (*Model, error) {
	var tags [][]string
	if f, err := os.Open(cache); err == nil {
		err = gob.NewDecoder(f).Decode(&tags)
		f.Close()
		if err != nil {
			return nil, err
		}
	} else {
		if tags, err = jackknife(train, dev, opts); err != nil {
			return nil, err
		}
		f, err := os.Create(cache)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := gob.NewEncoder(f).Encode(tags); err != nil {
			return nil, err
		}
	}
	return trainPredicted(withMerged(train), dev, tags, opts)
}
