package pipeline

import (
	"context"
	"encoding/json"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
)

// Register registers the pipeline's DoFns, combiners and element coders
// with Beam. Call it exactly once per process, before beam.Init: a worker
// started by a runner re-executes the same binary and needs the same
// registrations before it can decode the pipeline. Registering twice panics
// inside Beam.
func Register() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(string, annalist.Event), error](&codeFn{})
	register.Emitter2[string, annalist.Event]()
	register.Combiner3[engine.Tally, annalist.Event, engine.CollapsedEvent](&collapseFn{})
	register.Function2x1[string, annalist.Event, engine.CollapsedEvent](singleEvent)
	register.DoFn2x1[context.Context, engine.CollapsedEvent, engine.CollapsedEvent](&countFn{})
	register.DoFn2x1[engine.CollapsedEvent, func(int, string), error](&lineFn{})
	register.Emitter2[int, string]()
	register.DoFn2x0[[]byte, func(int, string)](&shardSeed{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeFn{})
	register.Iter1[string]()
	register.DoFn1x2[engine.CollapsedEvent, string, Counts](&aggKeyFn{})
	register.Function2x1[Counts, Counts, Counts](sumCounts)
	register.DoFn3x1[string, Counts, func(int, string), error](&aggLineFn{})

	// Elements travel as JSON: the domain types carry pointers and nested
	// slices, and their JSON encoding is the one the outputs use anyway.
	beam.RegisterCoder(reflect.TypeOf(annalist.Event{}), encodeEvent, decodeEvent)
	beam.RegisterCoder(reflect.TypeOf(engine.Tally{}), encodeTally, decodeTally)
	beam.RegisterCoder(reflect.TypeOf(engine.CollapsedEvent{}), encodeCollapsed, decodeCollapsed)
	beam.RegisterCoder(reflect.TypeOf(Counts{}), encodeCounts, decodeCounts)
}

func encodeEvent(v annalist.Event) ([]byte, error) { return json.Marshal(v) }
func decodeEvent(b []byte) (annalist.Event, error) {
	var v annalist.Event
	err := json.Unmarshal(b, &v)
	return v, err
}

func encodeTally(v engine.Tally) ([]byte, error) { return json.Marshal(v) }
func decodeTally(b []byte) (engine.Tally, error) {
	var v engine.Tally
	err := json.Unmarshal(b, &v)
	return v, err
}

func encodeCollapsed(v engine.CollapsedEvent) ([]byte, error) { return json.Marshal(v) }
func decodeCollapsed(b []byte) (engine.CollapsedEvent, error) {
	var v engine.CollapsedEvent
	err := json.Unmarshal(b, &v)
	return v, err
}

func encodeCounts(v Counts) ([]byte, error) { return json.Marshal(v) }
func decodeCounts(b []byte) (Counts, error) {
	var v Counts
	err := json.Unmarshal(b, &v)
	return v, err
}
