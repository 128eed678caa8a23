// Command annalist-beam codes a corpus into events on Apache Beam: locally on prism, or on any portable runner (Flink, Spark, Dataflow).
//
// Usage:
//
//	annalist-beam --input 'news-*.jsonl.gz' --output out/run [--shards 4] [--one-a-day=true]
//	    [--runner prism|universal|dataflow --endpoint HOST:PORT --environment_type LOOPBACK|DOCKER|PROCESS ...]
//
// It writes out/run-events-SSSSS-of-NNNNN.jsonl and .tsv (GDELT-style),
// out/run-daily.jsonl and out/run-dyads.jsonl, and prints the pipeline's
// counters as JSON on standard error. docs/scale.md shows how to run it on
// each engine. Exit status 1 means bad flags, 2 a failed pipeline.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/annalist/annalist/beam/pipeline"
)

// inputs collects repeated --input flags; each may also hold comma-separated globs.
type inputs []string

func (in *inputs) String() string { return strings.Join(*in, ",") }

func (in *inputs) Set(v string) error {
	for _, g := range strings.Split(v, ",") {
		if g = strings.TrimSpace(g); g != "" {
			*in = append(*in, g)
		}
	}
	return nil
}

func main() {
	var cfg pipeline.Config
	var in inputs
	flag.Var(&in, "input", "glob of input files (repeatable, or comma-separated): *.jsonl[.gz], *.ndjson[.gz] or plain-text articles")
	flag.StringVar(&cfg.Format, "input_format", "auto", "input kind: auto (by file name), jsonl or text")
	flag.StringVar(&cfg.Output, "output", "", "output prefix: writes PREFIX-events-*.jsonl, PREFIX-events-*.tsv, PREFIX-daily.jsonl, PREFIX-dyads.jsonl")
	flag.IntVar(&cfg.Shards, "shards", 4, "number of event output shards per format")
	flag.BoolVar(&cfg.OneADay, "one-a-day", true, "collapse events corpus-wide by (date, source, target, code), with GDELT's mention and article counts")
	flag.StringVar(&cfg.Date, "date", "", "publication date YYYY-MM-DD for articles that carry none")
	flag.StringVar(&cfg.Coding.DictDir, "dict_dir", "", "dictionary directory replacing the embedded set (must exist on every worker)")
	flag.StringVar(&cfg.Coding.Verbs, "verbs", "tabari", "embedded verb dictionary: tabari or petrarch2")
	flag.BoolVar(&cfg.Coding.KeepModal, "keep_modal", false, "keep negated and hypothetical events")
	flag.Parse()

	// Registrations first: when a runner starts this binary as a worker,
	// beam.Init runs the worker harness and never returns.
	pipeline.Register()
	beam.Init()

	// Workers may run in another directory: local paths become absolute.
	for _, g := range in {
		cfg.Inputs = append(cfg.Inputs, absPath(g))
	}
	if cfg.Output != "" {
		cfg.Output = absPath(cfg.Output)
	}
	p, err := pipeline.New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "annalist-beam:", err)
		flag.Usage()
		os.Exit(1)
	}
	start := time.Now()
	res, err := beamx.RunWithMetrics(context.Background(), p)
	if err != nil {
		fmt.Fprintln(os.Stderr, "annalist-beam: pipeline failed:", err)
		os.Exit(2)
	}
	st := struct {
		pipeline.Stats
		Seconds float64 `json:"seconds"`
	}{pipeline.StatsOf(res), time.Since(start).Seconds()}
	b, _ := json.Marshal(st)
	fmt.Fprintln(os.Stderr, string(b))
}

// absPath makes a local path absolute; paths with a scheme (gs://) are kept.
func absPath(p string) string {
	if strings.Contains(p, "://") {
		return p
	}
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return p
}
