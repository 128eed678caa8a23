package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/text"
)

// codeFn reads one file of articles and codes each article as it is read,
// emitting every event keyed by engine.CollapseKey. Its exported fields
// travel with the pipeline to the workers.
type codeFn struct {
	Format string
	Date   string
	Coding EngineConfig

	eng  *engine.Engine
	date time.Time

	articles, sentences, events, bad, failed beam.Counter
}

// Setup takes the worker process's engine, loading it on first use.
func (f *codeFn) Setup() error {
	eng, err := workerEngines.get(f.Coding)
	if err != nil {
		return err
	}
	f.eng = eng
	if f.Date != "" {
		if f.date, err = time.Parse("2006-01-02", f.Date); err != nil {
			return annalist.Errorf(annalist.EINVALID, "date %q: want YYYY-MM-DD", f.Date)
		}
	}
	f.articles = beam.NewCounter(counterNamespace, CounterArticles)
	f.sentences = beam.NewCounter(counterNamespace, CounterSentences)
	f.events = beam.NewCounter(counterNamespace, CounterEvents)
	f.bad = beam.NewCounter(counterNamespace, CounterBadRecords)
	f.failed = beam.NewCounter(counterNamespace, CounterFailedDocs)
	return nil
}

// ProcessElement streams the file: JSON Lines one article at a time, or the
// whole file as one plain-text article. A malformed record is logged with its
// path:line and counted, and reading goes on; a file that cannot be read
// fails the bundle (the runner retries it).
func (f *codeFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(string, annalist.Event)) error {
	path := file.Metadata.Path
	rc, err := file.Open(ctx)
	if err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "open %s: %v", path, err)
	}
	defer rc.Close()
	if !isJSONL(f.Format, path) {
		doc, err := text.ReadPlain(rc, path, text.MaxLine)
		if err != nil {
			if annalist.ErrorCode(err) == annalist.ETOOLARGE {
				f.bad.Inc(ctx, 1)
				log.Warnf(ctx, "annalist: %v; skipped", err)
				return nil
			}
			return err
		}
		doc.Date = f.date
		f.code(ctx, doc, emit)
		return nil
	}
	jr := text.NewJSONLReader(rc, path)
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
				f.bad.Inc(ctx, 1)
				log.Warnf(ctx, "annalist: %v; skipped", err)
				continue
			}
			return fmt.Errorf("read %s: %w", path, err)
		}
		if doc.Date.IsZero() {
			doc.Date = f.date
		}
		f.code(ctx, doc, emit)
	}
}

// code codes one article and emits its events; an article the engine
// cannot code is logged and counted.
func (f *codeFn) code(ctx context.Context, doc *annalist.Document, emit func(string, annalist.Event)) {
	f.articles.Inc(ctx, 1)
	res, err := f.eng.CodeDocument(doc)
	if err != nil {
		f.failed.Inc(ctx, 1)
		log.Warnf(ctx, "annalist: document %s: %v; skipped", doc.ID, err)
		return
	}
	f.sentences.Inc(ctx, int64(res.Sentences))
	f.events.Inc(ctx, int64(len(res.Events)))
	for _, ev := range res.Events {
		emit(engine.CollapseKey(&ev), ev)
	}
}

// isJSONL says whether a file is JSON Lines: by the forced format, else by
// its name (.jsonl, .ndjson or .json, optionally followed by .gz).
func isJSONL(format, path string) bool {
	switch format {
	case "jsonl":
		return true
	case "text":
		return false
	}
	p := strings.TrimSuffix(strings.ToLower(path), ".gz")
	return strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".ndjson") || strings.HasSuffix(p, ".json")
}

// engineCache holds the worker process's engines, one per configuration.
// Beam builds a codeFn per concurrent bundle and offers no hook scoped to
// the process, so this is the one piece of package-level state: a cache of
// immutable, goroutine-safe engines that are loaded once and never changed.
type engineCache struct {
	mu   sync.Mutex
	engs map[string]*engineEntry
}

type engineEntry struct {
	once sync.Once
	eng  *engine.Engine
	err  error
}

var workerEngines = &engineCache{engs: map[string]*engineEntry{}}

// get returns the engine for c, loading it (dictionaries, codebook,
// gazetteer and language models) on first use. A load error is returned to
// every caller with that configuration.
func (c *engineCache) get(cfg EngineConfig) (*engine.Engine, error) {
	b, _ := json.Marshal(cfg)
	c.mu.Lock()
	e := c.engs[string(b)]
	if e == nil {
		e = &engineEntry{}
		c.engs[string(b)] = e
	}
	c.mu.Unlock()
	e.once.Do(func() {
		e.eng, e.err = engine.New(engineConfigOf(cfg))
		if e.err == nil {
			// Load the tagger and parser now rather than inside the first element.
			_, e.err = e.eng.Analyzer()
		}
		if e.err != nil {
			e.err = fmt.Errorf("load engine: %w", e.err)
		}
	})
	return e.eng, e.err
}
