package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/nlp"
)

// analyzeCmd is "annalist analyze": it prints the language analysis of text.
type analyzeCmd struct {
	e      *env
	fs     *flag.FlagSet
	format string
}

func newAnalyzeCmd(e *env) command {
	c := &analyzeCmd{e: e, fs: flag.NewFlagSet("analyze", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.format, "format", "conllu", "output format: conllu or json")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist analyze [--format conllu|json] [PATH|-]...")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Splits text into sentences and tokens, tags and parses them with the embedded models,")
		fmt.Fprintln(e.stderr, "and prints the analysis: CoNLL-U (with each sentence's kind and byte span as comments,")
		fmt.Fprintln(e.stderr, "and each token's span in MISC), or one JSON sentence per line.")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *analyzeCmd) Name() string { return "analyze" }
func (c *analyzeCmd) Synopsis() string {
	return "print sentences, tokens, tags and dependencies: annalist analyze [--format conllu|json] PATH..."
}

func (c *analyzeCmd) Run(ctx context.Context, args []string) error {
	if err := c.fs.Parse(args); err != nil {
		return usageError(err)
	}
	if c.format != "conllu" && c.format != "json" {
		return annalist.Errorf(annalist.EINVALID, "unknown --format %q: want conllu or json", c.format)
	}
	an, err := nlp.Default()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(c.e.stdout)
	defer w.Flush()
	paths := c.fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		var r io.Reader = c.e.stdin
		if p != "-" {
			f, err := os.Open(p)
			if err != nil {
				return annalist.Errorf(annalist.EINVALID, "%v", err)
			}
			defer f.Close()
			r = f
		}
		b, err := io.ReadAll(r)
		if err != nil {
			return annalist.Errorf(annalist.EINVALID, "read %s: %v", p, err)
		}
		sents := an.Analyze(string(b))
		for _, s := range sents {
			if err := ctx.Err(); err != nil {
				return err
			}
			if c.format == "json" {
				if err := json.NewEncoder(w).Encode(s); err != nil {
					return err
				}
				continue
			}
			writeCoNLLU(w, s)
		}
	}
	return w.Flush()
}

// writeCoNLLU prints one analysed sentence in CoNLL-U.
func writeCoNLLU(w io.Writer, s annalist.Sentence) {
	fmt.Fprintf(w, "# sent_id = %d\n", s.Index)
	fmt.Fprintf(w, "# text = %s\n", strings.Join(strings.Fields(s.Text), " "))
	if s.Kind != annalist.KindBody {
		fmt.Fprintf(w, "# kind = %s\n", s.Kind)
	}
	fmt.Fprintf(w, "# span = %d-%d\n", s.Span.Start, s.Span.End)
	for i, t := range s.Tokens {
		head := t.Head + 1
		rel := t.Rel
		if rel == "" {
			rel = "_"
		}
		fmt.Fprintf(w, "%d\t%s\t_\t_\t%s\t_\t%s\t%s\t_\tSpan=%d-%d\n", i+1, t.Text, orDash(t.Tag), strconv.Itoa(head), rel, t.Span.Start, t.Span.End)
	}
	fmt.Fprintln(w)
}

func orDash(s string) string {
	if s == "" {
		return "_"
	}
	return s
}
