package pipeline

import (
	"context"
	"io"
	"runtime"
	"sync"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
)

// Coder codes one document; *engine.Engine is one.
type Coder interface {
	CodeDocument(doc *annalist.Document) (*engine.DocumentResult, error)
}

// analyzerForCoding is a Coder that can analyse a document's text for
// coding alone (*engine.Engine.AnalyzeForCoding): Run uses it when present.
type analyzerForCoding interface {
	AnalyzeForCoding(doc *annalist.Document) error
}

// Source yields documents until io.EOF. An EINVALID error concerns one
// document (it is reported and the source read on); any other error stops the run.
type Source interface {
	Next() (*annalist.Document, error)
}

// Item is one coded (or failed) document handed to the sink.
type Item struct {
	// Seq is the document's position in the input, from 0.
	Seq int
	// Doc is the document. When Run analysed its text, with a Coder that
	// has AnalyzeForCoding such as *engine.Engine, only the sentences coding
	// reads are tagged and parsed: headlines, captions, datelines and
	// sentences a discard phrase excludes are tokenized only.
	Doc *annalist.Document
	Res *engine.DocumentResult
	// Err is set when the document could not be read or coded; Doc may be nil then.
	Err error
}

// Options configure a run.
type Options struct {
	// Workers is the number of documents coded at once; 0 means runtime.NumCPU().
	Workers int
	// Unordered hands items to the sink as they finish instead of in input order.
	Unordered bool
	// Window bounds how many documents may be read ahead of the oldest one
	// not yet handed to the sink (0: 4 × Workers). Memory is bounded by it.
	Window int
}

// Run codes every document of src with eng on opts.Workers goroutines and
// calls sink once per document, from a single goroutine, in input order
// (unless opts.Unordered). At most opts.Window documents are in memory at a
// time whatever the input size. It stops at the first error from src (other
// than a per-document EINVALID) or from sink, or when ctx is done, and
// returns that error.
func Run(ctx context.Context, eng Coder, src Source, opts Options, sink func(Item) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	window := opts.Window
	if window <= 0 {
		window = 4 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan Item, workers)
	done := make(chan Item, window)
	slots := make(chan struct{}, window) // one per document read and not yet sunk

	var readErr error
	var wg sync.WaitGroup
	// reader
	go func() {
		defer close(jobs)
		for seq := 0; ; seq++ {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			doc, err := src.Next()
			if err == io.EOF {
				<-slots
				return
			}
			if err != nil && annalist.ErrorCode(err) != annalist.EINVALID {
				readErr = err
				<-slots
				cancel()
				return
			}
			select {
			case jobs <- Item{Seq: seq, Doc: doc, Err: err}:
			case <-ctx.Done():
				return
			}
		}
	}()
	// workers
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range jobs {
				if it.Err == nil {
					it.Res, it.Err = codeSafely(eng, it.Doc)
				}
				select {
				case done <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(done)
	}()
	// sink, in order
	next := 0
	held := map[int]Item{}
	var sinkErr error
	deliver := func(it Item) {
		if sinkErr == nil {
			if err := sink(it); err != nil {
				sinkErr = err
				cancel()
			}
		}
		<-slots
	}
	for it := range done {
		if opts.Unordered {
			deliver(it)
			continue
		}
		held[it.Seq] = it
		for {
			h, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			deliver(h)
		}
	}
	switch {
	case sinkErr != nil:
		return sinkErr
	case readErr != nil:
		return readErr
	}
	return ctx.Err()
}

// codeSafely analyses (for coding alone, when eng can) and codes one
// document; a panic in the coder becomes an internal
// error for that document only, so one bad article cannot stop a batch.
func codeSafely(eng Coder, doc *annalist.Document) (res *engine.DocumentResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, annalist.Errorf(annalist.EINTERNAL, "coder panic: %v", r)
		}
	}()
	if a, ok := eng.(analyzerForCoding); ok {
		// Tag and parse only the sentences that coding reads.
		if err := a.AnalyzeForCoding(doc); err != nil {
			return nil, err
		}
	}
	return eng.CodeDocument(doc)
}
