package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/nlp"
	"github.com/annalist/annalist/parse"
	"github.com/annalist/annalist/tag"
)

// nlpCmd is "annalist nlp eval FILE.conllu": it scores the embedded tagger
// and parser against a gold treebank file.
type nlpCmd struct {
	e  *env
	fs *flag.FlagSet

	goldTags bool
}

func newNLPCmd(e *env) command {
	c := &nlpCmd{e: e, fs: flag.NewFlagSet("nlp", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.BoolVar(&c.goldTags, "gold-tags", false, "parse with the file's gold XPOS tags instead of the tagger's")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist nlp eval FILE.conllu [--gold-tags]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Tags and parses the gold-tokenized sentences of a CoNLL-U file with the embedded")
		fmt.Fprintln(e.stderr, "models, as annalist analyze and code do (parenthetical reporting clauses apart),")
		fmt.Fprintln(e.stderr, "and prints xpos_accuracy, uas and las (punctuation included; las on the")
		fmt.Fprintln(e.stderr, "universal relation, as in CoNLL 2018).")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *nlpCmd) Name() string { return "nlp" }
func (c *nlpCmd) Synopsis() string {
	return "score the tagger and parser: annalist nlp eval FILE.conllu [--gold-tags]"
}

func (c *nlpCmd) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "eval" {
		c.fs.Usage()
		return annalist.Errorf(annalist.EINVALID, "nlp: the only subcommand is eval")
	}
	if err := c.fs.Parse(args[1:]); err != nil {
		return flagError(err)
	}
	// Allow the flag after the file too.
	rest := c.fs.Args()
	if len(rest) > 1 {
		if err := c.fs.Parse(rest[1:]); err != nil {
			return flagError(err)
		}
		rest = append(rest[:1], c.fs.Args()...)
	}
	if len(rest) != 1 {
		c.fs.Usage()
		return annalist.Errorf(annalist.EINVALID, "nlp eval: want exactly one FILE.conllu")
	}
	sents, err := conllu.ReadFile(rest[0])
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	tagger, err := tag.Default()
	if err != nil {
		return err
	}
	parser, err := parse.Default()
	if err != nil {
		return err
	}
	var sc nlp.Scores
	if c.goldTags {
		sc = nlp.Scores{XPOS: tag.Evaluate(tagger, sents), Scores: parse.Evaluate(parser, nil, sents)}
	} else {
		sc = nlp.Evaluate(nlp.New(tagger, parser), sents)
	}
	fmt.Fprintf(c.e.stdout, "xpos_accuracy: %.4f\nuas: %.4f\nlas: %.4f\n", sc.XPOS, sc.UAS, sc.LAS)
	return nil
}
