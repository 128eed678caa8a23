package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/petrxml"
	"github.com/annalist/annalist/text"
)

// codeCmd is "annalist code": it reads documents and writes events.
type codeCmd struct {
	e  *env
	fs *flag.FlagSet

	input, format, date, dictDir, verbs string
	stats, strict, keepModal            bool
}

func newCodeCmd(e *env) command {
	c := &codeCmd{e: e, fs: flag.NewFlagSet("code", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.input, "input", "auto", "input kind: auto, text, html, jsonl or petrarch-xml")
	c.fs.StringVar(&c.format, "format", "jsonl", "output format: jsonl (one event per line), documents (one article per line with events, quotes and suggested actors), tsv or petrarch")
	c.fs.BoolVar(&c.keepModal, "keep-modal", false, "also output negated and hypothetical events (marked in \"modality\")")
	c.fs.StringVar(&c.date, "date", "", "publication date YYYY-MM-DD for inputs that carry none")
	c.fs.StringVar(&c.dictDir, "dict-dir", "", "directory of dictionaries replacing the embedded set")
	c.fs.StringVar(&c.verbs, "verbs", "tabari", "embedded verb dictionary: tabari (CAMEO.verbpatterns.150430.txt) or petrarch2 (CAMEO.2.0.txt)")
	c.fs.BoolVar(&c.stats, "stats", false, `write {"docs","sentences","events","seconds"} as JSON to stderr at the end`)
	c.fs.BoolVar(&c.strict, "strict-dicts", false, "fail on the first malformed dictionary line")
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
}

func (c *codeCmd) Run(ctx context.Context, args []string) error {
	if err := c.fs.Parse(args); err != nil {
		return usageError(err)
	}
	start := time.Now()
	var defDate time.Time
	if c.date != "" {
		d, err := time.Parse("2006-01-02", c.date)
		if err != nil {
			return annalist.Errorf(annalist.EINVALID, "--date %q: want YYYY-MM-DD", c.date)
		}
		defDate = d
	}
	syn, err := parseSyntax(c.verbs)
	if err != nil {
		return err
	}
	eng, err := engine.New(engine.Config{DictDir: c.dictDir, Verbs: syn, StrictDicts: c.strict, KeepModal: c.keepModal})
	if err != nil {
		return err
	}
	w, err := export.NewWriter(c.format, c.e.stdout)
	if err != nil {
		return err
	}
	defer w.Flush()
	paths := c.fs.Args()
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	var st codeStats
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := c.codePath(ctx, eng, p, defDate, w, &st); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "write events: %v", err)
	}
	if c.stats {
		st.Seconds = time.Since(start).Seconds()
		b, _ := json.Marshal(st)
		fmt.Fprintln(c.e.stderr, string(b))
	}
	return nil
}

func (c *codeCmd) codePath(ctx context.Context, eng *engine.Engine, p string, defDate time.Time, w export.Writer, st *codeStats) error {
	var r io.Reader
	name := p
	if p == "-" {
		r, name = c.e.stdin, "stdin"
	} else {
		f, err := os.Open(p)
		if err != nil {
			return annalist.Errorf(annalist.EINVALID, "%v", err)
		}
		defer f.Close()
		r = f
	}
	br := bufio.NewReaderSize(r, 1<<16)
	kind := c.input
	if kind == "auto" {
		kind = sniffInput(name, br)
	}
	switch kind {
	case "petrarch-xml":
		return c.codePetrarchXML(eng, br, name, defDate, w, st)
	case "jsonl":
		jr := text.NewJSONLReader(br, name)
		for {
			if err := ctx.Err(); err != nil {
				return err
			}
			doc, err := jr.Next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				if annalist.ErrorCode(err) == annalist.EINVALID {
					fmt.Fprintln(c.e.stderr, "annalist:", err)
					continue
				}
				return err
			}
			if doc.Date.IsZero() {
				doc.Date = defDate
			}
			if err := c.codeDoc(eng, doc, w, st); err != nil {
				return err
			}
		}
	case "text":
		doc, err := text.ReadPlain(br, name, 0)
		if err != nil {
			return err
		}
		doc.Date = defDate
		return c.codeDoc(eng, doc, w, st)
	case "html":
		doc, err := text.ReadHTML(br, name, 0)
		if err != nil {
			return err
		}
		if doc.Date.IsZero() {
			doc.Date = defDate
		}
		return c.codeDoc(eng, doc, w, st)
	}
	return annalist.Errorf(annalist.EINVALID, "unknown --input %q: want auto, text, html, jsonl or petrarch-xml", kind)
}

// codeDoc codes one raw-text article as a whole document.
func (c *codeCmd) codeDoc(eng *engine.Engine, doc *annalist.Document, w export.Writer, st *codeStats) error {
	res, err := eng.CodeDocument(doc)
	if err != nil {
		return err
	}
	st.Docs++
	st.Sentences += res.Sentences
	if dw, ok := w.(export.DocumentWriter); ok {
		st.Events += len(res.Events)
		return dw.WriteDocument(doc, res.Events, res.Quotes, res.Suggestions)
	}
	for i := range res.Events {
		if err := w.Write(&res.Events[i]); err != nil {
			return err
		}
		st.Events++
	}
	return nil
}

// codePetrarchXML codes PETRARCH XML records from their parses. Records
// "STORY_N" are sentence N of document STORY.
func (c *codeCmd) codePetrarchXML(eng *engine.Engine, r io.Reader, name string, defDate time.Time, w export.Writer, st *codeStats) error {
	f, err := petrxml.Read(r, name)
	if err != nil {
		return err
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
		if strings.TrimSpace(rec.Parse) == "" {
			fmt.Fprintf(c.e.stderr, "annalist: %s:%d: record %s has no <Parse>; skipped\n", name, rec.Line, rec.ID)
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
		doc.Text = rec.Text
		doc.Sentences = []annalist.Sentence{s}
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

// sniffInput guesses the input kind from the name and the first bytes.
func sniffInput(name string, br *bufio.Reader) string {
	switch {
	case strings.HasSuffix(name, ".xml"):
		return "petrarch-xml"
	case strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".ndjson"):
		return "jsonl"
	case strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm"):
		return "html"
	}
	head, _ := br.Peek(512)
	t := strings.TrimSpace(string(head))
	switch {
	case strings.HasPrefix(strings.ToLower(t), "<!doctype html") || strings.HasPrefix(strings.ToLower(t), "<html"):
		return "html"
	case strings.HasPrefix(t, "<"):
		return "petrarch-xml"
	case strings.HasPrefix(t, "{"):
		return "jsonl"
	}
	return "text"
}

func parseSyntax(s string) (dict.Syntax, error) {
	switch strings.ToLower(s) {
	case "tabari", "petrarch1", "":
		return dict.SyntaxTABARI, nil
	case "petrarch2", "petr2", "cameo2":
		return dict.SyntaxPETRARCH2, nil
	}
	return 0, annalist.Errorf(annalist.EINVALID, "--verbs %q: want tabari or petrarch2", s)
}

// usageError turns a flag parsing error into a user error (exit 1).
func usageError(err error) error {
	if err == flag.ErrHelp {
		return err
	}
	return annalist.Errorf(annalist.EINVALID, "%v", err)
}
