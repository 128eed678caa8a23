package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/pipeline"
	"github.com/annalist/annalist/store"
)

// ingestCmd is "annalist ingest": it codes documents and stores them.
//
// Each document is stored in its own transaction, keyed by its id, with a
// hash of its input (the article's id, date, title, source, URL and text,
// and the coding options). A document whose stored hash equals its input's
// is skipped without coding, so a run that was interrupted (even by kill -9)
// resumes where it stopped when run again: what was committed stays, what
// was not is coded again. Re-ingesting a changed article replaces it.
type ingestCmd struct {
	e  *env
	fs *flag.FlagSet

	engineFlags
	db, input, date string
	workers         int
	force           bool
	progress        string
}

func newIngestCmd(e *env) command {
	c := &ingestCmd{e: e, fs: flag.NewFlagSet("ingest", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.db, "db", defaultDB, "event store: an SQLite file path or a postgres:// URL")
	c.fs.IntVar(&c.workers, "workers", runtime.NumCPU(), "documents coded in parallel")
	c.fs.StringVar(&c.input, "input", "auto", "input kind: auto, text, html or jsonl (files, directories, .gz, - for standard input)")
	c.fs.StringVar(&c.date, "date", "", "publication date YYYY-MM-DD for inputs that carry none")
	c.engineFlags.register(c.fs, true)
	c.fs.BoolVar(&c.force, "force", false, "code and store every document, also those stored unchanged")
	c.fs.StringVar(&c.progress, "progress", "auto", "progress line on stderr: auto (when stderr is a terminal), always or never")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist ingest [flags] PATH...")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Codes documents and stores them with their sentences, events, quotes and")
		fmt.Fprintln(e.stderr, "suggested actors. Each document is one transaction; re-ingesting an id replaces")
		fmt.Fprintln(e.stderr, "it. Documents stored unchanged (same input hash) are skipped, so an interrupted")
		fmt.Fprintln(e.stderr, "run resumes where it stopped. A document that fails is reported with its id and")
		fmt.Fprintln(e.stderr, "the run goes on; the exit status is then 1. With -, standard input is read.")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *ingestCmd) Name() string { return "ingest" }
func (c *ingestCmd) Synopsis() string {
	return "code documents and store them: annalist ingest [--db PATH|URL] PATH..."
}

// interrupted is returned when the run was stopped by a signal: exit 130.
type interrupted struct{ msg string }

func (i *interrupted) Error() string { return i.msg }
func (i *interrupted) ExitCode() int { return 130 }

// ingestCounts are the counts of a run.
type ingestCounts struct {
	stored, skipped, failed, events int
}

func (c *ingestCmd) Run(ctx context.Context, args []string) error {
	if err := c.fs.Parse(args); err != nil {
		return usageError(err)
	}
	paths := c.fs.Args()
	if len(paths) == 0 {
		return annalist.Errorf(annalist.EINVALID, "ingest: no input: give one or more paths (- for standard input)")
	}
	if c.workers < 1 {
		return annalist.Errorf(annalist.EINVALID, "--workers %d: want at least 1", c.workers)
	}
	switch c.input {
	case pipeline.KindAuto, pipeline.KindText, pipeline.KindHTML, pipeline.KindJSONL:
	default:
		return annalist.Errorf(annalist.EINVALID, "unknown --input %q: want auto, text, html or jsonl", c.input)
	}
	defDate, err := parseDateFlag(c.date)
	if err != nil {
		return err
	}
	showProgress, err := c.wantProgress()
	if err != nil {
		return err
	}
	in, err := pipeline.NewInputs(paths, c.input, defDate, c.e.stdin)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()
	eng, err := c.newEngine(c.e.stderr)
	if err != nil {
		return err
	}
	start := time.Now()
	var n ingestCounts
	var prog *pipeline.Progress
	if showProgress {
		prog = pipeline.NewProgress(c.e.stderr, in.Progress)
	}
	report := func(format string, args ...any) {
		if prog != nil {
			fmt.Fprint(c.e.stderr, "\r\x1b[K")
		}
		fmt.Fprintf(c.e.stderr, "annalist: "+format+"\n", args...)
	}
	src := &unchanged{ctx: ctx, in: in, st: st, force: c.force,
		options: c.describe(),
		hashes:  map[*annalist.Document]string{}}
	var left leftOut
	// The sink is pipeline.Run's single goroutine: the only writer.
	err = pipeline.Run(ctx, eng, src, pipeline.Options{Workers: c.workers}, func(it pipeline.Item) error {
		hash := src.take(it.Doc)
		if it.Err != nil {
			n.failed++
			if it.Doc != nil {
				report("%s: %v", it.Doc.ID, it.Err)
			} else {
				report("%v", it.Err)
			}
			if prog != nil {
				prog.Add(0, true)
			}
			return nil
		}
		coded := &store.Coded{Document: *it.Doc, Events: it.Res.Events, Quotes: it.Res.Quotes, Suggestions: it.Res.Suggestions, Hash: hash}
		if err := st.Put(ctx, coded); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if annalist.ErrorCode(err) == annalist.EUNAVAILABLE {
				return err // the store is gone: stop rather than fail every document
			}
			n.failed++
			report("%s: store: %v", it.Doc.ID, err)
			if prog != nil {
				prog.Add(0, true)
			}
			return nil
		}
		n.stored++
		n.events += len(coded.Events)
		left.add(it.Doc.ID, it.Res)
		if prog != nil {
			prog.Add(len(coded.Events), false)
		}
		return nil
	})
	if prog != nil {
		prog.Finish()
	}
	src.mu.Lock()
	n.skipped = src.skipped
	src.mu.Unlock()
	left.summary(c.e.stderr, n.stored, c.keepModal)
	fmt.Fprintf(c.e.stderr, "ingest: %d documents in %.1fs: %d stored (%d events), %d skipped unchanged, %d failed\n",
		n.stored+n.skipped+n.failed, time.Since(start).Seconds(), n.stored, n.events, n.skipped, n.failed)
	switch {
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return &interrupted{msg: "interrupted: what was stored stays; run the same command again to resume"}
	case err != nil:
		return err
	case n.failed > 0:
		return annalist.Errorf(annalist.EINVALID, "%d of %d documents failed", n.failed, n.stored+n.skipped+n.failed)
	}
	return nil
}

func (c *ingestCmd) wantProgress() (bool, error) {
	switch c.progress {
	case "always":
		return true, nil
	case "never":
		return false, nil
	case "auto":
		f, ok := c.e.stderr.(*os.File)
		return ok && pipeline.IsTerminal(f), nil
	}
	return false, annalist.Errorf(annalist.EINVALID, "--progress %q: want auto, always or never", c.progress)
}

// unchanged is the pipeline's source: it reads the inputs, computes each
// document's hash and passes on only documents not stored with that hash
// (all with force). It runs in the pipeline's reader goroutine; the hashes
// wait in a map until the sink takes them to store the document.
type unchanged struct {
	ctx     context.Context
	in      *pipeline.Inputs
	st      store.Store
	force   bool
	options string
	skipped int

	mu     sync.Mutex
	hashes map[*annalist.Document]string
}

func (u *unchanged) Next() (*annalist.Document, error) {
	for {
		doc, err := u.in.Next()
		if err != nil {
			return doc, err
		}
		h := docHash(doc, u.options)
		if !u.force {
			old, ok, err := u.st.Hash(u.ctx, doc.ID)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", doc.ID, err)
			}
			if ok && old == h {
				u.mu.Lock()
				u.skipped++
				u.mu.Unlock()
				continue
			}
		}
		u.mu.Lock()
		u.hashes[doc] = h
		u.mu.Unlock()
		return doc, nil
	}
}

// take returns and forgets the hash of a document Next returned.
func (u *unchanged) take(doc *annalist.Document) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	h := u.hashes[doc]
	delete(u.hashes, doc)
	return h
}

// docHash identifies the input of a document: its fields and the coding options.
func docHash(doc *annalist.Document, options string) string {
	h := sha256.New()
	date := ""
	if !doc.Date.IsZero() {
		date = doc.Date.Format(time.RFC3339)
	}
	for _, s := range []string{"annalist-ingest-1", options, doc.ID, date, doc.Title, doc.Source, doc.URL, doc.Dateline, doc.Text} {
		fmt.Fprintf(h, "%d:%s", len(s), s)
	}
	return hex.EncodeToString(h.Sum(nil))
}
