package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/geo"
	"github.com/annalist/annalist/store"
)

// exportCmd is "annalist export": it writes stored events in a table or
// event-data format, streaming, with the same filters as the API.
type exportCmd struct {
	e  *env
	fs *flag.FlagSet

	db, format string
	f          store.Filter
	quad       int
}

// exportFormats are the formats export writes (the documents format needs
// whole articles and is left to annalist code).
var exportFormats = []string{"jsonl", "csv", "tsv", "gdelt", "icews", "phoenix", "petrarch"}

func newExportCmd(e *env) command {
	c := &exportCmd{e: e, fs: flag.NewFlagSet("export", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.db, "db", defaultDB, "event store: an SQLite file path or a postgres:// URL")
	c.fs.StringVar(&c.format, "format", "jsonl", "output format: "+strings.Join(exportFormats, ", ")+" (columns in docs/formats.md)")
	c.fs.StringVar(&c.f.From, "from", "", "first event date, YYYY-MM-DD")
	c.fs.StringVar(&c.f.To, "to", "", "last event date, YYYY-MM-DD")
	c.fs.StringVar(&c.f.Actor, "actor", "", "source or target actor code prefix (CHN matches CHNMIL)")
	c.fs.StringVar(&c.f.Source, "source", "", "source actor code prefix")
	c.fs.StringVar(&c.f.Target, "target", "", "target actor code prefix")
	c.fs.StringVar(&c.f.Country, "country", "", "country code: of either actor or of the event's place")
	c.fs.StringVar(&c.f.Root, "root", "", "two-digit CAMEO root code")
	c.fs.StringVar(&c.f.Code, "code", "", "CAMEO event code prefix")
	c.fs.StringVar(&c.f.PLOVER, "plover", "", "PLOVER event type (ASSAULT)")
	c.fs.IntVar(&c.quad, "quad", -1, "QuadClass 0-4 (-1: any)")
	c.fs.StringVar(&c.f.Q, "q", "", "words that the article's title or text must contain")
	c.fs.StringVar(&c.f.DocID, "doc", "", "only the events of this document id")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist export [--db PATH|URL] [--format F] [filters]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Writes the stored events that match the filters to standard output, ordered by")
		fmt.Fprintln(e.stderr, "date, document and sentence, without loading them all into memory.")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *exportCmd) Name() string { return "export" }
func (c *exportCmd) Synopsis() string {
	return "write stored events: annalist export [--db PATH|URL] --format jsonl|csv|gdelt|icews|phoenix|petrarch [filters]"
}

func (c *exportCmd) Run(ctx context.Context, args []string) error {
	if err := c.fs.Parse(args); err != nil {
		return usageError(err)
	}
	if c.fs.NArg() > 0 {
		return annalist.Errorf(annalist.EINVALID, "export takes no arguments, got %q (filters are flags)", c.fs.Arg(0))
	}
	known := false
	for _, f := range exportFormats {
		known = known || f == c.format
	}
	if !known {
		return annalist.Errorf(annalist.EINVALID, "unknown --format %q: want one of %s", c.format, strings.Join(exportFormats, ", "))
	}
	if c.quad != -1 {
		c.f.Quad, c.f.HasQuad = c.quad, true
	}
	if err := c.f.Validate(); err != nil {
		return err
	}
	var opts export.Options
	switch c.format {
	case "gdelt", "icews", "phoenix":
		gaz, err := geo.Default()
		if err != nil {
			return err
		}
		opts.CountryName = func(code string) (string, bool) {
			if ct, ok := gaz.Country(code); ok {
				return ct.Name, true
			}
			return "", false
		}
	}
	w, err := export.NewWriterOptions(c.format, c.e.stdout, opts)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()
	mw, withMeta := w.(export.MetaWriter)
	docs := &docMeta{st: st, cache: map[string]export.Meta{}}
	n := 0
	err = st.EachEvent(ctx, c.f, func(ev *store.StoredEvent) error {
		n++
		if !withMeta {
			return w.Write(&ev.Event)
		}
		m, err := docs.meta(ctx, ev.DocID)
		if err != nil {
			return err
		}
		m.ID = ev.ID
		return mw.WriteMeta(&ev.Event, m)
	})
	if err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "write events: %v", err)
	}
	return nil
}

// docMeta looks up and caches the article metadata of events' documents.
type docMeta struct {
	st    store.Store
	cache map[string]export.Meta
}

// metaCacheSize bounds the cache; events come ordered by date, so a
// document's events are near one another.
const metaCacheSize = 4096

func (d *docMeta) meta(ctx context.Context, id string) (export.Meta, error) {
	if m, ok := d.cache[id]; ok {
		return m, nil
	}
	c, err := d.st.Document(ctx, id)
	if err != nil {
		return export.Meta{}, fmt.Errorf("document %s: %w", id, err)
	}
	if len(d.cache) >= metaCacheSize {
		clear(d.cache)
	}
	m := export.Meta{URL: c.Document.URL, Publisher: c.Document.Source}
	d.cache[id] = m
	return m, nil
}
