package main

import (
	"fmt"
	"io"

	"github.com/annalist/annalist/engine"
)

// leftOut tallies what coding left out of a run's documents, for the
// closing summary of code and ingest.
type leftOut struct {
	// discarded counts the documents a story-level discard phrase set
	// aside (first names the first); skipped and withheld are the
	// sentences and events left out (see engine.DocumentResult).
	discarded, skipped, withheld int
	first                        string
}

// add counts one coded document.
func (l *leftOut) add(id string, res *engine.DocumentResult) {
	l.skipped += res.Skipped
	l.withheld += res.Withheld
	if res.StoryDiscard != "" {
		if l.discarded == 0 {
			l.first = fmt.Sprintf("%s by %q", id, res.StoryDiscard)
		}
		l.discarded++
	}
}

// summary says on w what was left out and why, so that missing events are
// never silent: whole documents set aside by discard phrases, sentences
// skipped, events withheld as negated, hypothetical or background. It
// writes nothing when nothing was left out.
func (l *leftOut) summary(w io.Writer, docs int, keepModal bool) {
	if l.discarded > 0 {
		fmt.Fprintf(w, "annalist: %d of %d documents set aside whole by a story-level discard phrase (first: %s)\n", l.discarded, docs, l.first)
	}
	if l.skipped > 0 {
		fmt.Fprintf(w, "annalist: %d sentences skipped by sentence-level discard phrases\n", l.skipped)
	}
	if l.withheld > 0 && !keepModal {
		fmt.Fprintf(w, "annalist: %d events withheld as negated, hypothetical or background; --keep-modal writes them with their modality\n", l.withheld)
	}
}
