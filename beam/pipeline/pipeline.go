// Package pipeline is Annalist's Apache Beam pipeline: read articles, code them with package engine, collapse events corpus-wide and write sharded JSONL, GDELT-style TSV and daily aggregates.
//
// The pipeline is
//
//	match files → reshuffle → read articles → code (one engine per worker)
//	  → key by (date, source, target, code) → combine (engine.Tally) → events
//	events → sharded JSONL, sharded GDELT TSV, daily × QuadClass counts, daily dyad counts
//
// Reading, coding and the combiner's pre-combining are fused into one stage,
// so articles stream from the files through the coder and only partial
// tallies reach the shuffle: memory does not grow with the input. Files are
// the unit of parallelism; give the pipeline many shards for many workers.
//
// Call Register once before beam.Init, then New to build a pipeline and
// run it with beamx.Run (prism, or --runner=universal --endpoint=...).
package pipeline

import (
	"fmt"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/engine"
)

// Config says what a pipeline reads, how it codes and where it writes.
type Config struct {
	// Inputs are file globs ("/data/news-*.jsonl.gz", "gs://bucket/in/*").
	// A file ending .jsonl, .ndjson or .json (optionally .gz) is JSON Lines,
	// one article per line; any other file is one plain-text article whose id
	// is its path. Globs that match nothing are an error.
	Inputs []string
	// Format forces the input kind: "jsonl", "text", or "" / "auto" to decide by name.
	Format string
	// Output is the prefix of every output file (see OutputNames).
	Output string
	// Shards is the number of event files of each format; 0 means 1.
	Shards int
	// OneADay collapses events corpus-wide with engine.Collapse's rule; when
	// false every event of every article is written with its article's counts.
	OneADay bool
	// Date is the publication date (YYYY-MM-DD) for articles that carry none.
	Date string
	// Coding is how workers build their engine.
	Coding EngineConfig
	// DateAdded is stamped in the GDELT rows' DATEADDED column; the zero
	// value means the time New is called.
	DateAdded time.Time
}

// EngineConfig is the part of engine.Config a worker needs; it travels with
// the pipeline, so paths in it must exist on every worker.
type EngineConfig struct {
	// DictDir, when set, replaces the embedded dictionaries (a path on the workers).
	DictDir string
	// Verbs is "tabari" (default) or "petrarch2".
	Verbs string
	// KeepModal keeps negated and hypothetical events.
	KeepModal bool
}

// Counter names the pipeline reports in namespace "annalist".
const (
	CounterArticles   = "articles"
	CounterSentences  = "sentences"
	CounterEvents     = "events"
	CounterBadRecords = "bad_records"
	CounterFailedDocs = "failed_documents"
	CounterCollapsed  = "collapsed_events"
	counterNamespace  = "annalist"
)

// OutputNames returns the files a pipeline with this output prefix and shard
// count writes: the event shards as JSONL and as GDELT 1.0 event-table rows
// (tab-separated, no header, export.GDELTColumns), then the
// daily QuadClass counts and the daily dyad counts.
func OutputNames(prefix string, shards int) (jsonl, tsv []string, daily, dyads string) {
	if shards < 1 {
		shards = 1
	}
	for i := 0; i < shards; i++ {
		jsonl = append(jsonl, shardName(prefix, "events", i, shards, "jsonl"))
		tsv = append(tsv, shardName(prefix, "events", i, shards, "tsv"))
	}
	return jsonl, tsv, prefix + "-daily.jsonl", prefix + "-dyads.jsonl"
}

func shardName(prefix, kind string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%s-%05d-of-%05d.%s", prefix, kind, i, n, ext)
}

// New builds the pipeline. It fails with EINVALID when the configuration is
// incomplete (no input, no output, a bad date or format); it does not touch
// the files, which are matched when the pipeline runs.
func New(cfg Config) (*beam.Pipeline, error) {
	if len(cfg.Inputs) == 0 {
		return nil, annalist.Errorf(annalist.EINVALID, "no --input given")
	}
	if cfg.Output == "" {
		return nil, annalist.Errorf(annalist.EINVALID, "no --output prefix given")
	}
	switch strings.ToLower(cfg.Format) {
	case "", "auto", "jsonl", "text":
	default:
		return nil, annalist.Errorf(annalist.EINVALID, "input format %q: want auto, jsonl or text", cfg.Format)
	}
	if cfg.Date != "" {
		if _, err := time.Parse("2006-01-02", cfg.Date); err != nil {
			return nil, annalist.Errorf(annalist.EINVALID, "date %q: want YYYY-MM-DD", cfg.Date)
		}
	}
	switch strings.ToLower(cfg.Coding.Verbs) {
	case "", "tabari", "petrarch1", "petrarch2", "petr2", "cameo2":
	default:
		return nil, annalist.Errorf(annalist.EINVALID, "verbs %q: want tabari or petrarch2", cfg.Coding.Verbs)
	}
	shards := cfg.Shards
	if shards < 1 {
		shards = 1
	}
	p, s := beam.NewPipelineWithRoot()

	var files []beam.PCollection
	for _, g := range cfg.Inputs {
		files = append(files, fileio.MatchFiles(s.Scope("match "+g), g, fileio.MatchEmptyDisallow()))
	}
	matched := beam.Flatten(s, files...)
	readable := fileio.ReadMatches(s, matched, fileio.ReadAutoCompression(), fileio.ReadDirectorySkip())
	// Spread the files over workers: without this the runner may run the
	// whole read-and-code stage as one bundle.
	readable = beam.Reshuffle(s, readable)
	keyed := beam.ParDo(s.Scope("code"), &codeFn{Format: strings.ToLower(cfg.Format), Date: cfg.Date, Coding: cfg.Coding}, readable)

	var events beam.PCollection
	if cfg.OneADay {
		events = beam.DropKey(s, beam.CombinePerKey(s.Scope("one-a-day"), &collapseFn{}, keyed))
	} else {
		events = beam.ParDo(s.Scope("each event"), singleEvent, keyed)
	}
	events = beam.ParDo(s, &countFn{}, events)

	if cfg.DateAdded.IsZero() {
		cfg.DateAdded = time.Now()
	}
	writeSharded(s.Scope("write jsonl"), events, cfg.Output, formatJSONL, shards, &cfg)
	writeSharded(s.Scope("write tsv"), events, cfg.Output, formatTSV, shards, &cfg)
	writeAggregates(s.Scope("daily"), events, cfg.Output+"-daily.jsonl", aggDaily)
	writeAggregates(s.Scope("dyads"), events, cfg.Output+"-dyads.jsonl", aggDyads)
	return p, nil
}

// Stats are the pipeline's counters after a run.
type Stats struct {
	Articles  int64 `json:"articles"`
	Sentences int64 `json:"sentences"`
	Events    int64 `json:"events"`
	// Collapsed is the number of events written after one-a-day.
	Collapsed  int64 `json:"collapsed_events"`
	BadRecords int64 `json:"bad_records"`
	FailedDocs int64 `json:"failed_documents"`
}

// StatsOf reads the annalist counters from a finished pipeline's metrics
// (committed values; attempted ones when the runner reports no committed ones).
func StatsOf(res beam.PipelineResult) Stats {
	var st Stats
	if res == nil {
		return st
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() != counterNamespace {
			continue
		}
		v := c.Result()
		switch c.Name() {
		case CounterArticles:
			st.Articles += v
		case CounterSentences:
			st.Sentences += v
		case CounterEvents:
			st.Events += v
		case CounterCollapsed:
			st.Collapsed += v
		case CounterBadRecords:
			st.BadRecords += v
		case CounterFailedDocs:
			st.FailedDocs += v
		}
	}
	return st
}

// engineConfigOf turns the pipeline's engine settings into an engine.Config.
func engineConfigOf(c EngineConfig) engine.Config {
	cfg := engine.Config{DictDir: c.DictDir, KeepModal: c.KeepModal}
	switch strings.ToLower(c.Verbs) {
	case "petrarch2", "petr2", "cameo2":
		cfg.Verbs = dict.SyntaxPETRARCH2
	}
	return cfg
}
