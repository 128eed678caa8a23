package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/parse"
	"github.com/annalist/annalist/tag"
)

// trainCmd is "annalist train tagger|parser": it trains a model on a
// Universal Dependencies treebank and writes the weights.
type trainCmd struct {
	e  *env
	fs *flag.FlagSet

	treebank string
	out      string
	epochs   int
	seed     int64
	goldTags bool
	withDev  bool
}

func newTrainCmd(e *env) command {
	c := &trainCmd{e: e, fs: flag.NewFlagSet("train", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.treebank, "treebank", "", "directory holding *-ud-train.conllu and *-ud-dev.conllu (required)")
	c.fs.StringVar(&c.out, "out", "", "model file to write (default: the package's embedded model, tag/data/ewt.tagger or parse/data/parser.bin.gz in this module)")
	c.fs.IntVar(&c.epochs, "epochs", 0, "training epochs (0: the trainer's default)")
	c.fs.Int64Var(&c.seed, "seed", 1, "random seed; training is deterministic for a given seed")
	c.fs.BoolVar(&c.withDev, "with-dev", false, "train on train+dev with exactly --epochs epochs and no selection, as the shipped tagger is (tagger: --epochs 6); prints no dev score")
	c.fs.BoolVar(&c.goldTags, "gold-tags", false, "parser: train and select on gold tags instead of jackknifed tags from the embedded tagger")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist train tagger|parser --treebank DIR [--out FILE] [--epochs N] [--seed N] [--gold-tags] [--with-dev]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Trains the part-of-speech tagger or the dependency parser on the train split of a")
		fmt.Fprintln(e.stderr, "UD treebank, selects the epoch on dev, writes the model and prints dev scores.")
		fmt.Fprintln(e.stderr, "Without --out the model replaces the embedded one (run inside the repository), so")
		fmt.Fprintln(e.stderr, "the next build uses it. The parser trains on jackknifed tags unless --gold-tags.")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *trainCmd) Name() string { return "train" }
func (c *trainCmd) Synopsis() string {
	return "train the tagger or parser: annalist train tagger|parser --treebank DIR [--out FILE]"
}

func (c *trainCmd) Run(ctx context.Context, args []string) error {
	// The model kind may come before or after the flags.
	var kind string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kind, args = args[0], args[1:]
	}
	if err := c.fs.Parse(args); err != nil {
		return flagError(err)
	}
	if kind == "" && c.fs.NArg() > 0 {
		kind = c.fs.Arg(0)
	} else if c.fs.NArg() > 0 {
		return annalist.Errorf(annalist.EINVALID, "train: unexpected argument %q", c.fs.Arg(0))
	}
	if kind != "tagger" && kind != "parser" {
		c.fs.Usage()
		return annalist.Errorf(annalist.EINVALID, "train: say what to train: tagger or parser")
	}
	if c.treebank == "" {
		return annalist.Errorf(annalist.EINVALID, "train: --treebank DIR is required")
	}
	train, err := readSplit(c.treebank, "train")
	if err != nil {
		return err
	}
	dev, err := readSplit(c.treebank, "dev")
	if err != nil {
		return err
	}
	scoreOn := dev
	if c.withDev {
		if kind != "tagger" {
			return annalist.Errorf(annalist.EINVALID, "train: --with-dev is for the tagger; the parser selects its epoch on dev")
		}
		if c.epochs <= 0 {
			return annalist.Errorf(annalist.EINVALID, "train: --with-dev needs --epochs N (there is no dev set left to choose it on)")
		}
		train = append(append([]*conllu.Sentence(nil), train...), dev...)
		dev, scoreOn = nil, nil
	}
	out := c.out
	if out == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		if kind == "tagger" {
			out = filepath.Join(root, "tag", "data", "ewt.tagger")
		} else {
			out = filepath.Join(root, "parse", "data", "parser.bin.gz")
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	start := time.Now()
	var write func(io.Writer) error
	var scores string
	switch kind {
	case "tagger":
		m, err := tag.Train(train, dev, tag.TrainOptions{Epochs: c.epochs, Seed: c.seed, Log: c.e.stderr})
		if err != nil {
			return fmt.Errorf("train tagger: %w", err)
		}
		write = m.Write
		scores = "dev xpos_accuracy: n/a (dev was trained on)"
		if scoreOn != nil {
			scores = fmt.Sprintf("dev xpos_accuracy: %.4f", tag.Evaluate(m, scoreOn))
		}
	case "parser":
		var tagger *tag.Model
		if !c.goldTags {
			if tagger, err = tag.Default(); err != nil {
				return fmt.Errorf("train parser: %w", err)
			}
		}
		m, err := parse.Train(train, dev, parse.TrainOptions{Epochs: c.epochs, Seed: c.seed, Tagger: tagger, Log: c.e.stderr})
		if err != nil {
			return fmt.Errorf("train parser: %w", err)
		}
		write = m.Write
		scores = "dev uas/las: n/a (dev was trained on)"
		if scoreOn != nil {
			sc := parse.Evaluate(m, tagger, scoreOn)
			tags := "predicted"
			if tagger == nil {
				tags = "gold"
			}
			scores = fmt.Sprintf("dev (%s tags) uas: %.4f las: %.4f las_full: %.4f", tags, sc.UAS, sc.LAS, sc.LASFull)
		}
	}
	elapsed := time.Since(start)
	if err := writeFile(out, write); err != nil {
		return err
	}
	fmt.Fprintf(c.e.stdout, "%s\nwrote %s\nelapsed: %s\n", scores, out, elapsed.Round(time.Second))
	return nil
}

// readSplit reads the one DIR/*-ud-SPLIT.conllu file.
func readSplit(dir, split string) ([]*conllu.Sentence, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*-ud-"+split+".conllu"))
	if err != nil || len(matches) != 1 {
		return nil, annalist.Errorf(annalist.ENOTFOUND, "train: want exactly one %s/*-ud-%s.conllu, found %d", dir, split, len(matches))
	}
	return conllu.ReadFile(matches[0])
}

// moduleRoot finds the Annalist source tree above the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", annalist.Errorf(annalist.EUNAVAILABLE, "train: %v", err)
	}
	for {
		b, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.Contains(string(b), "module github.com/annalist/annalist\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", annalist.Errorf(annalist.EINVALID, "train: not inside the Annalist source tree: give --out FILE")
		}
		dir = parent
	}
}

// writeFile writes through a temporary file and renames, so a failed run
// never leaves a half-written model where the build embeds it.
func writeFile(path string, write func(io.Writer) error) error {
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "train: %v", err)
	}
	if err := write(f); err != nil {
		f.Close()
		os.Remove(tmp)
		return fmt.Errorf("train: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return annalist.Errorf(annalist.EUNAVAILABLE, "train: %v", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "train: %v", err)
	}
	return nil
}

// flagError makes a bad command line a user error (exit 1); -h stays ErrHelp.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return annalist.Errorf(annalist.EINVALID, "%v", err)
}
