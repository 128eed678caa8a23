package pipeline

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
)

// Counts are the sums a daily aggregate keeps over its events.
type Counts struct {
	// Events is the number of (collapsed) events.
	Events int `json:"events"`
	// NumMentions and NumArticles add up the events' GDELT counts.
	NumMentions int `json:"num_mentions"`
	NumArticles int `json:"num_articles"`
}

// Add returns the sum of two counts.
func (c Counts) Add(d Counts) Counts {
	return Counts{c.Events + d.Events, c.NumMentions + d.NumMentions, c.NumArticles + d.NumArticles}
}

// DailyCount is one line of the daily output: the events of a date and
// QuadClass (1 verbal cooperation, 2 material cooperation, 3 verbal
// conflict, 4 material conflict).
type DailyCount struct {
	Date      string `json:"date"`
	QuadClass int    `json:"quad_class"`
	Counts
}

// DyadCount is one line of the dyads output: the events from a source to
// a target actor code on a date.
type DyadCount struct {
	Date   string `json:"date"`
	Source string `json:"source"`
	Target string `json:"target"`
	Counts
}

// Aggregate kinds.
const (
	aggDaily = "daily"
	aggDyads = "dyads"
)

// aggKey returns the grouping key of an event for an aggregate kind.
func aggKey(kind string, ev *engine.CollapsedEvent) string {
	if kind == aggDyads {
		return ev.Date + "\x00" + ev.Source.Code + "\x00" + ev.Target.Code
	}
	return ev.Date + "\x00" + strconv.Itoa(ev.Event.Event.QuadClass)
}

// aggLine encodes one aggregate from its key and counts.
func aggLine(kind, key string, c Counts) (string, error) {
	f := strings.Split(key, "\x00")
	var v any
	switch {
	case kind == aggDyads && len(f) == 3:
		v = DyadCount{Date: f[0], Source: f[1], Target: f[2], Counts: c}
	case kind == aggDaily && len(f) == 2:
		q, err := strconv.Atoi(f[1])
		if err != nil {
			return "", annalist.Errorf(annalist.EINTERNAL, "daily key %q: %v", key, err)
		}
		v = DailyCount{Date: f[0], QuadClass: q, Counts: c}
	default:
		return "", annalist.Errorf(annalist.EINTERNAL, "%s key %q", kind, key)
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// countsOf is what one event adds to an aggregate.
func countsOf(ev *engine.CollapsedEvent) Counts {
	return Counts{Events: 1, NumMentions: ev.NumMentions, NumArticles: ev.NumArticles}
}

// Aggregate computes the lines of the daily ("daily") or dyad ("dyads")
// output from collapsed events, sorted as the pipeline writes them; it is
// the single-process equivalent of the pipeline's aggregation. An unknown
// kind is an EINVALID error.
func Aggregate(kind string, events []engine.CollapsedEvent) ([]string, error) {
	if kind != aggDaily && kind != aggDyads {
		return nil, annalist.Errorf(annalist.EINVALID, "aggregate %q: want daily or dyads", kind)
	}
	sums := map[string]Counts{}
	for i := range events {
		k := aggKey(kind, &events[i])
		sums[k] = sums[k].Add(countsOf(&events[i]))
	}
	var lines []string
	for k, c := range sums {
		l, err := aggLine(kind, k, c)
		if err != nil {
			return nil, err
		}
		lines = append(lines, l)
	}
	sort.Strings(lines)
	return lines, nil
}

// aggKeyFn keys events for an aggregate.
type aggKeyFn struct {
	Kind string
}

// ProcessElement emits the event's aggregate key and counts.
func (f *aggKeyFn) ProcessElement(ev engine.CollapsedEvent) (string, Counts) {
	return aggKey(f.Kind, &ev), countsOf(&ev)
}

// sumCounts is the aggregate combiner.
func sumCounts(a, b Counts) Counts { return a.Add(b) }

// aggLineFn encodes aggregates as lines for the single output file.
type aggLineFn struct {
	Kind string
}

// ProcessElement emits the aggregate's line under key 0.
func (f *aggLineFn) ProcessElement(key string, c Counts, emit func(int, string)) error {
	l, err := aggLine(f.Kind, key, c)
	if err != nil {
		return err
	}
	emit(0, l)
	return nil
}

// writeAggregates sums events by the kind's key and writes one sorted file.
func writeAggregates(s beam.Scope, events beam.PCollection, path, kind string) {
	keyed := beam.ParDo(s, &aggKeyFn{Kind: kind}, events)
	summed := beam.CombinePerKey(s, sumCounts, keyed)
	writeSingle(s, beam.ParDo(s, &aggLineFn{Kind: kind}, summed), path)
}
