package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/pipeline"
)

// actorsCmd is "annalist actors suggest": it proposes actors-dictionary
// entries for people the dictionaries do not know.
type actorsCmd struct {
	e  *env
	fs *flag.FlagSet

	engineFlags
	input, date string
	min, max    int
	workers     int
}

func newActorsCmd(e *env) command {
	c := &actorsCmd{e: e, fs: flag.NewFlagSet("actors suggest", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.input, "input", "auto", "input kind: auto, text, html or jsonl")
	c.fs.StringVar(&c.date, "date", "", "publication date YYYY-MM-DD for inputs that carry none")
	c.fs.IntVar(&c.min, "min", 1, "only propose actors mentioned at least this many times")
	c.fs.IntVar(&c.max, "examples", 3, "example sentences to show per actor")
	c.fs.IntVar(&c.workers, "workers", 0, "documents coded at once (default: the number of CPU cores)")
	c.engineFlags.register(c.fs, false)
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist actors suggest [flags] PATH...")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Codes the articles and writes, in the actors-dictionary format, an entry for every")
		fmt.Fprintln(e.stderr, "named person the dictionaries lack but an article introduced with a country and a")
		fmt.Fprintln(e.stderr, "role (\"Afghanistan's Acting Defense Minister Tariq Shah Bahrami\"), with the date the")
		fmt.Fprintln(e.stderr, "description held from, the number of mentions and example sentences as comments.")
		fmt.Fprintln(e.stderr, "Review the file before adding it to a dictionary directory (--dict-dir).")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *actorsCmd) Name() string { return "actors" }
func (c *actorsCmd) Synopsis() string {
	return "propose dictionary entries for unknown actors: annalist actors suggest PATH..."
}

// suggestion aggregates the proposals for one name and code.
type suggestion struct {
	name, code string
	first      string // earliest date seen, YYYY-MM-DD
	count      int
	examples   []annalist.Suggestion
}

func (c *actorsCmd) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "suggest" {
		c.fs.Usage()
		return annalist.Errorf(annalist.EINVALID, "actors: want the subcommand suggest")
	}
	if err := c.fs.Parse(args[1:]); err != nil {
		return usageError(err)
	}
	def, err := parseDateFlag(c.date)
	if err != nil {
		return err
	}
	eng, err := c.newEngine(c.e.stderr)
	if err != nil {
		return err
	}
	in, err := pipeline.NewInputs(c.fs.Args(), c.input, def, c.e.stdin)
	if err != nil {
		return err
	}
	agg := map[string]*suggestion{}
	docs := 0
	err = pipeline.Run(ctx, eng, in, pipeline.Options{Workers: c.workers}, func(it pipeline.Item) error {
		if it.Err != nil {
			fmt.Fprintf(c.e.stderr, "annalist: %v\n", it.Err)
			return nil
		}
		docs++
		for _, s := range it.Res.Suggestions {
			k := strings.ToUpper(s.Name) + "\x00" + s.Code
			a := agg[k]
			if a == nil {
				a = &suggestion{name: s.Name, code: s.Code, first: s.Date}
				agg[k] = a
			}
			a.count++
			if s.Date != "" && (a.first == "" || s.Date < a.first) {
				a.first = s.Date
			}
			if len(a.examples) < c.max {
				a.examples = append(a.examples, s)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	var list []*suggestion
	for _, a := range agg {
		if a.count >= c.min {
			list = append(list, a)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].count != list[j].count {
			return list[i].count > list[j].count
		}
		return list[i].name < list[j].name
	})
	w := bufio.NewWriter(c.e.stdout)
	writeSuggestions(w, list, docs)
	return w.Flush()
}

// writeSuggestions writes the proposals in the actors-dictionary format:
// the name as a phrase with a trailing '_', and the code restricted to dates
// from the first article that described the actor so.
func writeSuggestions(w io.Writer, list []*suggestion, docs int) {
	fmt.Fprintf(w, "# Actors proposed by annalist actors suggest from %d documents.\n", docs)
	fmt.Fprintf(w, "# Each code was read from how an article introduced the person; review before use.\n\n")
	for _, a := range list {
		fmt.Fprintf(w, "%s_\n", phraseOf(a.name))
		restriction := ""
		if a.first != "" {
			restriction = " >" + strings.ReplaceAll(a.first, "-", "")
		}
		fmt.Fprintf(w, "\t[%s%s]  # %d mention(s)\n", a.code, restriction, a.count)
		for _, ex := range a.examples {
			fmt.Fprintf(w, "# %q: %s (%s, sentence %d)\n", ex.Description, oneLine(ex.Sentence), ex.DocID, ex.SentenceIndex)
		}
		fmt.Fprintln(w)
	}
}

// phraseOf writes a name as a dictionary phrase: upper case, words joined by '_'.
func phraseOf(name string) string {
	return strings.ToUpper(strings.Join(strings.Fields(name), "_"))
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}
