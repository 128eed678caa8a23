package pipeline

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"sort"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
)

// Line formats.
const (
	formatJSONL = "jsonl"
	formatTSV   = "tsv"
)

// jsonlLine is the JSON encoding of a collapsed event, the line the JSONL
// output holds and the single-binary reference is compared with.
func jsonlLine(ev *engine.CollapsedEvent) (string, error) {
	b, err := json.Marshal(ev)
	if err != nil {
		return "", annalist.Errorf(annalist.EINTERNAL, "encode event %s/%d: %v", ev.DocID, ev.SentenceIndex, err)
	}
	return string(b), nil
}

// shardOf picks the shard of an event from its EventID, so that an event
// has the same shard number in every format.
func shardOf(ev *engine.CollapsedEvent, n int) int {
	return int(EventID(ev) % int64(n))
}

// lineFn formats events as lines keyed by shard.
type lineFn struct {
	Format string
	Shards int
	// DateAdded (RFC 3339) and Coding configure the GDELT rows.
	DateAdded string
	Coding    EngineConfig

	gdelt *gdeltFormatter
}

// Setup prepares the GDELT formatter with the worker's gazetteer.
func (f *lineFn) Setup() error {
	if f.Format != formatTSV {
		return nil
	}
	added, err := time.Parse(time.RFC3339, f.DateAdded)
	if err != nil {
		return annalist.Errorf(annalist.EINVALID, "date added %q: %v", f.DateAdded, err)
	}
	eng, err := workerEngines.get(f.Coding)
	if err != nil {
		return err
	}
	f.gdelt, err = newGDELTFormatter(eng.Gazetteer(), added)
	return err
}

// ProcessElement emits the event's line under its shard.
func (f *lineFn) ProcessElement(ev engine.CollapsedEvent, emit func(int, string)) error {
	var line string
	var err error
	switch f.Format {
	case formatJSONL:
		line, err = jsonlLine(&ev)
	case formatTSV:
		line, err = f.gdelt.line(&ev)
	default:
		err = annalist.Errorf(annalist.EINTERNAL, "unknown line format %q", f.Format)
	}
	if err != nil {
		return err
	}
	emit(shardOf(&ev, f.Shards), line)
	return nil
}

// shardSeed emits an empty line for every shard so that each shard file is
// written even when no event falls into it.
type shardSeed struct {
	Shards int
}

// ProcessElement emits (i, "") for every shard i; the impulse element is ignored.
func (f *shardSeed) ProcessElement(_ []byte, emit func(int, string)) {
	for i := 0; i < f.Shards; i++ {
		emit(i, "")
	}
}

// writeFn writes one file per shard key. Empty lines (the shard seeds) are
// not written. The file is written under a temporary name and renamed when
// the file system can, so a retried or duplicated bundle never leaves half a
// file under the final name.
type writeFn struct {
	// Path is the file for a single output; otherwise the name is built
	// from Prefix, Kind, the shard, Shards and Ext.
	Path              string
	Prefix, Kind, Ext string
	Shards            int
	Header            string
	// Sort orders the lines (only for small outputs: they are held in memory).
	Sort bool
}

// ProcessElement writes the shard's lines.
func (f *writeFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	path := f.Path
	if path == "" {
		path = shardName(f.Prefix, f.Kind, shard, f.Shards, f.Ext)
	}
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		return annalist.Errorf(annalist.EINVALID, "output %s: %v", path, err)
	}
	defer fs.Close()
	tmp := path
	ren, canRename := fs.(filesystem.Renamer)
	if canRename {
		var r [6]byte
		rand.Read(r[:])
		tmp = path + ".tmp-" + hex.EncodeToString(r[:])
	}
	wc, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "create %s: %v", tmp, err)
	}
	w := bufio.NewWriterSize(wc, 1<<16)
	var line string
	var held []string
	for lines(&line) {
		if line == "" {
			continue
		}
		if f.Sort {
			held = append(held, line)
			continue
		}
		w.WriteString(line)
		w.WriteByte('\n')
	}
	sort.Strings(held)
	for _, l := range held {
		w.WriteString(l)
		w.WriteByte('\n')
	}
	err = w.Flush()
	if cerr := wc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "write %s: %v", tmp, err)
	}
	if canRename {
		if err := ren.Rename(ctx, tmp, path); err != nil {
			return annalist.Errorf(annalist.EUNAVAILABLE, "rename %s: %v", tmp, err)
		}
	}
	return nil
}

// writeSharded writes events as shards of lines in the given format.
func writeSharded(s beam.Scope, events beam.PCollection, prefix, format string, shards int, cfg *Config) {
	lines := beam.ParDo(s, &lineFn{Format: format, Shards: shards, DateAdded: cfg.DateAdded.UTC().Format(time.RFC3339), Coding: cfg.Coding}, events)
	seeds := beam.ParDo(s, &shardSeed{Shards: shards}, beam.Impulse(s))
	grouped := beam.GroupByKey(s, beam.Flatten(s, lines, seeds))
	beam.ParDo0(s, &writeFn{Prefix: prefix, Kind: "events", Ext: format, Shards: shards}, grouped)
}

// writeSingle writes lines keyed by 0 to one sorted file.
func writeSingle(s beam.Scope, lines beam.PCollection, path string) {
	seeds := beam.ParDo(s, &shardSeed{Shards: 1}, beam.Impulse(s))
	grouped := beam.GroupByKey(s, beam.Flatten(s, lines, seeds))
	beam.ParDo0(s, &writeFn{Path: path, Shards: 1, Sort: true}, grouped)
}
