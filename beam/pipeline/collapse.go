package pipeline

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
)

// collapseFn is the one-a-day combiner: engine.Tally's Add and Merge, the
// very code engine.Collapse runs for the single binary. Both are
// commutative and associative, so the runner may pre-combine per bundle and
// merge in any order.
type collapseFn struct{}

// CreateAccumulator returns an empty tally.
func (collapseFn) CreateAccumulator() engine.Tally { return engine.Tally{} }

// AddInput counts one event.
func (collapseFn) AddInput(t engine.Tally, ev annalist.Event) engine.Tally {
	t.Add(ev)
	return t
}

// MergeAccumulators merges two partial tallies.
func (collapseFn) MergeAccumulators(a, b engine.Tally) engine.Tally {
	a.Merge(b)
	return a
}

// ExtractOutput returns the collapsed event.
func (collapseFn) ExtractOutput(t engine.Tally) engine.CollapsedEvent { return t.Result() }

// singleEvent turns one event into a collapsed event of its own (one-a-day off).
func singleEvent(_ string, ev annalist.Event) engine.CollapsedEvent {
	var t engine.Tally
	t.Add(ev)
	return t.Result()
}

// countFn counts the events that reach the writers.
type countFn struct {
	n beam.Counter
}

// Setup creates the counter.
func (f *countFn) Setup() { f.n = beam.NewCounter(counterNamespace, CounterCollapsed) }

// ProcessElement counts ev and passes it on.
func (f *countFn) ProcessElement(ctx context.Context, ev engine.CollapsedEvent) engine.CollapsedEvent {
	f.n.Inc(ctx, 1)
	return ev
}
