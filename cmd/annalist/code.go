package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/nlp"
	"github.com/annalist/annalist/petrxml"
	"github.com/annalist/annalist/pipeline"
)

// codeCmd is "annalist code": it reads documents and writes events.
type codeCmd struct {
	e  *env
	fs *flag.FlagSet

	engineFlags
	input, format, date       string
	stats                     bool
	oneADay, unordered, quiet bool
	textOnly                  bool
	workers                   int
}

func newCodeCmd(e *env) command {
	c := &codeCmd{e: e, fs: flag.NewFlagSet("code", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.input, "input", "auto", "input kind: auto, text, html, jsonl or petrarch-xml")
	c.fs.StringVar(&c.format, "format", "jsonl", "output format: jsonl (one event per line), documents (one article per line with events, quotes, suggested actors and what was left out), tsv, csv, petrarch, gdelt, icews or phoenix (docs/formats.md)")
	c.fs.IntVar(&c.workers, "workers", 0, "documents coded at once (default: the number of CPU cores)")
	c.fs.BoolVar(&c.unordered, "unordered", false, "write each document's events as soon as it is coded instead of in input order")
	c.fs.BoolVar(&c.oneADay, "one-a-day", false, "collapse events across all documents to one per (date, source, target, code) with GDELT's num_mentions and num_articles, written sorted by that key at the end (not with --format documents)")
	c.fs.BoolVar(&c.quiet, "quiet", false, "no progress line on a terminal, and no closing summary of discarded documents, skipped sentences and withheld events")
	c.fs.StringVar(&c.date, "date", "", "publication date YYYY-MM-DD for inputs that carry none")
	c.fs.BoolVar(&c.textOnly, "text-only", false, "PETRARCH XML input: ignore <Parse> and code each record from its <Text> with Annalist's own analysis")
	c.fs.BoolVar(&c.stats, "stats", false, `write {"docs","sentences","events","seconds"} as JSON to stderr at the end`)
	c.engineFlags.register(c.fs, true)
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist code [flags] [PATH|-]...")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Codes documents into CAMEO events, one JSON object per event by default.")
		fmt.Fprintln(e.stderr, "With no PATH, or with -, standard input is read.")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *codeCmd) Name() string { return "code" }
func (c *codeCmd) Synopsis() string {
	return "code documents into events: annalist code [--input K] [--format F] PATH..."
}

// codeStats is the --stats record.
type codeStats struct {
	Docs      int     `json:"docs"`
	Sentences int     `json:"sentences"`
	Events    int     `json:"events"`
	Seconds   float64 `json:"seconds"`
	failed    int
	left      leftOut
}

func (c *codeCmd) Run(ctx context.Context, args []string) error {
	if err := c.fs.Parse(args); err != nil {
		return usageError(err)
	}
	start := time.Now()
	if c.workers < 0 {
		return annalist.Errorf(annalist.EINVALID, "--workers %d: want 0 (one per core) or more", c.workers)
	}
	defDate, err := parseDateFlag(c.date)
	if err != nil {
		return err
	}
	eng, err := c.newEngine(c.e.stderr)
	if err != nil {
		return err
	}
	if c.oneADay && c.format == "documents" {
		return annalist.Errorf(annalist.EINVALID, "--one-a-day collapses events across documents: use it with an event format, not --format documents")
	}
	w, err := export.NewWriter(c.format, c.e.stdout)
	if err != nil {
		return err
	}
	if c.oneADay {
		w = &collapseWriter{Writer: w}
	}
	defer w.Flush()
	paths := c.fs.Args()
	var st codeStats
	xml := c.input == "petrarch-xml" || (c.input == "auto" && len(paths) > 0 && allXML(paths))
	if c.textOnly && !xml {
		return annalist.Errorf(annalist.EINVALID, "--text-only applies to PETRARCH XML input; other inputs are always coded from their text")
	}
	if xml {
		for _, p := range paths {
			if err := c.codePetrarchXMLFile(eng, p, defDate, w, &st); err != nil {
				return err
			}
		}
	} else if err := c.codeArticles(ctx, eng, paths, defDate, w, &st); err != nil {
		return err
	}
	if cw, ok := w.(*collapseWriter); ok {
		n, err := cw.writeCollapsed()
		if err != nil {
			return annalist.Errorf(annalist.EUNAVAILABLE, "write events: %v", err)
		}
		st.Events = n
	}
	if err := w.Flush(); err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "write events: %v", err)
	}
	if !c.quiet {
		st.left.summary(c.e.stderr, st.Docs, c.keepModal)
	}
	if c.stats {
		st.Seconds = time.Since(start).Seconds()
		b, _ := json.Marshal(st)
		fmt.Fprintln(c.e.stderr, string(b))
	}
	if st.failed > 0 {
		return annalist.Errorf(annalist.EINVALID, "%d documents could not be coded (see above)", st.failed)
	}
	return nil
}

// collapseWriter is the --one-a-day output: it keeps every event it is
// given and, at the end, writes engine.Collapse of them through the wrapped
// writer, one event per key with the corpus-wide counts (export.Meta's
// NumMentions and NumArticles, which the formats with count columns and JSON
// Lines write). It holds the events, not the documents, until the end.
type collapseWriter struct {
	export.Writer
	events []annalist.Event
}

func (c *collapseWriter) Write(ev *annalist.Event) error {
	c.events = append(c.events, *ev)
	return nil
}

// writeCollapsed writes the collapsed events and reports how many.
func (c *collapseWriter) writeCollapsed() (int, error) {
	col := engine.Collapse(c.events)
	c.events = nil
	mw, _ := c.Writer.(export.MetaWriter)
	for i := range col {
		var err error
		if mw != nil {
			err = mw.WriteMeta(&col[i].Event, export.Meta{NumMentions: col[i].NumMentions, NumArticles: col[i].NumArticles})
		} else {
			err = c.Writer.Write(&col[i].Event)
		}
		if err != nil {
			return 0, err
		}
	}
	return len(col), nil
}

func allXML(paths []string) bool {
	for _, p := range paths {
		if !strings.HasSuffix(strings.ToLower(p), ".xml") {
			return false
		}
	}
	return true
}

// codeArticles streams articles through the engine on every core and writes
// their events in input order.
func (c *codeCmd) codeArticles(ctx context.Context, eng *engine.Engine, paths []string, defDate time.Time, w export.Writer, st *codeStats) error {
	in, err := pipeline.NewInputs(paths, c.input, defDate, c.e.stdin)
	if err != nil {
		return err
	}
	var prog *pipeline.Progress
	if f, ok := c.e.stderr.(*os.File); ok && pipeline.IsTerminal(f) && !c.quiet {
		prog = pipeline.NewProgress(f, in.Progress)
		defer prog.Finish()
	}
	return pipeline.Run(ctx, eng, in, pipeline.Options{Workers: c.workers, Unordered: c.unordered}, func(it pipeline.Item) error {
		if it.Err != nil {
			st.failed++
			id := "?"
			if it.Doc != nil {
				id = it.Doc.ID
			}
			if prog != nil {
				prog.Add(0, true)
			}
			fmt.Fprintf(c.e.stderr, "\rannalist: document %s: %v\n", id, it.Err)
			return nil
		}
		st.Docs++
		st.Sentences += it.Res.Sentences
		st.left.add(it.Doc.ID, it.Res)
		events := it.Res.Events
		if prog != nil {
			prog.Add(len(events), false)
		}
		st.Events += len(events)
		if dw, ok := w.(export.DocumentWriter); ok {
			return dw.WriteDocument(it.Doc, export.DocumentCoding{Events: events, Quotes: it.Res.Quotes, Suggestions: it.Res.Suggestions,
				Sentences: it.Res.Sentences, Skipped: it.Res.Skipped, Withheld: it.Res.Withheld, StoryDiscard: it.Res.StoryDiscard})
		}
		for i := range events {
			if err := w.Write(&events[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func (c *codeCmd) codePetrarchXMLFile(eng *engine.Engine, p string, defDate time.Time, w export.Writer, st *codeStats) error {
	var r io.Reader = c.e.stdin
	name := "stdin"
	if p != "-" {
		f, err := os.Open(p)
		if err != nil {
			return annalist.Errorf(annalist.EINVALID, "%v", err)
		}
		defer f.Close()
		r, name = f, p
	}
	return c.codePetrarchXML(eng, r, name, defDate, w, st)
}

// codePetrarchXML codes PETRARCH XML records from their parses, or from
// their text with --text-only. Records "STORY_N" are sentence N of document
// STORY; each record is coded on its own, as PETRARCH does.
func (c *codeCmd) codePetrarchXML(eng *engine.Engine, r io.Reader, name string, defDate time.Time, w export.Writer, st *codeStats) error {
	f, err := petrxml.Read(r, name)
	if err != nil {
		return err
	}
	var an *nlp.Analyzer
	if c.textOnly {
		if an, err = eng.Analyzer(); err != nil {
			return err
		}
	}
	for _, e := range f.Errors {
		fmt.Fprintln(c.e.stderr, "annalist:", e)
	}
	docs := map[string]bool{}
	for _, it := range f.Items {
		rec := it.Record
		if rec == nil {
			continue
		}
		story, idx := engine.SplitRecordID(rec.ID)
		if !docs[story] {
			docs[story] = true
			st.Docs++
		}
		st.Sentences++
		doc := &annalist.Document{ID: story, Source: rec.Source, Date: defDate}
		if d, err := time.Parse("20060102", rec.Date); err == nil {
			doc.Date = d
		}
		doc.Text = rec.Text
		if an != nil {
			doc.Sentences = an.Analyze(rec.Text)
			for i := range doc.Sentences {
				doc.Sentences[i].Index = idx + i
			}
		} else {
			if strings.TrimSpace(rec.Parse) == "" {
				fmt.Fprintf(c.e.stderr, "annalist: %s:%d: record %s has no <Parse>; skipped (--text-only codes it from its text)\n", name, rec.Line, rec.ID)
				continue
			}
			s, err := engine.ParsedSentence(idx, rec.Text, rec.Parse)
			if err != nil {
				if ae, ok := err.(*annalist.Error); ok && ae.Pos != nil {
					ae.Pos.Path = name
					ae.Pos.Line += rec.ParseLine - 1
				}
				fmt.Fprintf(c.e.stderr, "annalist: record %s: %v; skipped\n", rec.ID, err)
				continue
			}
			doc.Sentences = []annalist.Sentence{s}
		}
		res := eng.CodeSentences(doc)
		for _, ev := range res.Events {
			if err := w.Write(&ev); err != nil {
				return err
			}
			st.Events++
		}
	}
	return nil
}

// usageError turns a flag parsing error into a user error (exit 1).
func usageError(err error) error {
	if err == flag.ErrHelp {
		return err
	}
	return annalist.Errorf(annalist.EINVALID, "%v", err)
}
