package parse

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
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
	s, err := conllu.ReadFile(path)
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

// tinyTrain is the first n sentences of the EWT test split, as a small
// training set for tests of the training code (not of accuracy).
func tinyTrain(tb testing.TB, n int) []*conllu.Sentence {
	tb.Helper()
	return ewtTest(tb)[:n]
}

func TestTrainDeterministic(t *testing.T) {
	train, dev := tinyTrain(t, 80), ewtTest(t)[100:120]
	var out [2]bytes.Buffer
	for i := range out {
		m, err := Train(train, dev, TrainOptions{Epochs: 3, Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two runs with the same seed gave different models")
	}
}

func TestTrainJackknife(t *testing.T) {
	train, dev := tinyTrain(t, 60), ewtTest(t)[100:110]
	var log bytes.Buffer
	m, err := Train(train, dev, TrainOptions{Epochs: 2, Seed: 1, Tagger: tagger(t), TagFolds: 2, TagEpochs: 1, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"jackknife fold 1/2 tagged", "jackknife fold 2/2 tagged", "epoch 2:"} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
	// Gold and jackknifed copies of every sentence, and of the merged ones.
	if !strings.Contains(log.String(), fmt.Sprintf("parse: %d training sentences", 2*len(withMerged(train)))) {
		t.Errorf("log: %s", log.String())
	}
	sc := Evaluate(m, tagger(t), dev)
	if sc.Words == 0 || sc.UAS <= 0.3 {
		t.Errorf("tiny model scores %+v", sc)
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, nil, TrainOptions{}); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("no data: err = %v", err)
	}
	cyclic := &conllu.Sentence{Words: []conllu.Word{{ID: 1, Form: "a", XPOS: "DT", Head: 2, Deprel: "det"}, {ID: 2, Form: "b", XPOS: "NN", Head: 1, Deprel: "nsubj"}}}
	if _, err := Train([]*conllu.Sentence{cyclic}, nil, TrainOptions{}); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("only a cyclic tree: err = %v", err)
	}
}

func TestProjectivize(t *testing.T) {
	// "A hearing is scheduled on the issue today": the nmod "on the issue"
	// hangs from "hearing" across the verb; lifting attaches it to the verb.
	// Words: 0 A, 1 hearing, 2 is, 3 scheduled, 4 on, 5 the, 6 issue, 7 today; root n=8.
	h := []int32{1, 3, 3, 8, 6, 6, 1, 3}
	projectivize(h)
	want := []int32{1, 3, 3, 8, 6, 6, 3, 3}
	if fmt.Sprint(h) != fmt.Sprint(want) {
		t.Errorf("projectivize = %v, want %v", h, want)
	}
	p := []int32{1, 3, 1}
	projectivize(p)
	if fmt.Sprint(p) != "[1 3 1]" {
		t.Errorf("a projective tree changed: %v", p)
	}
}
