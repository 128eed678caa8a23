package pipeline

import (
	"bytes"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/geo"
)

// EventID is the GLOBALEVENTID of an event: a 63-bit FNV-1a hash of its
// collapse key, article and sentence, the same on every run, shard and runner.
func EventID(ev *engine.CollapsedEvent) int64 {
	h := fnv.New64a()
	h.Write([]byte(engine.CollapseKey(&ev.Event)))
	h.Write([]byte{0})
	h.Write([]byte(ev.DocID))
	h.Write([]byte{0})
	h.Write([]byte(strconv.Itoa(ev.SentenceIndex)))
	return int64(h.Sum64() >> 1)
}

// colEventID is the column of export.GDELTColumns the pipeline fills itself.
var colEventID = slices.Index(export.GDELTColumns, "GLOBALEVENTID")

// gdeltFormatter writes events as rows of the GDELT 1.0 event table with
// package export's gdelt writer (the one `annalist export --format gdelt`
// uses), giving it GDELT's NumMentions and NumArticles as export.Meta
// (NumSources stays empty: events do not carry their outlet), then puts in
// the GLOBALEVENTID, stable across shards (EventID), which only the
// corpus-wide pass knows. Not safe for concurrent use.
type gdeltFormatter struct {
	buf bytes.Buffer
	w   export.Writer
}

// newGDELTFormatter returns a formatter that names countries from gaz
// (nil: actor codes are split without country names) and stamps dateAdded
// in DATEADDED.
func newGDELTFormatter(gaz *geo.Gazetteer, dateAdded time.Time) (*gdeltFormatter, error) {
	f := &gdeltFormatter{}
	o := export.Options{Now: dateAdded}
	if gaz != nil {
		o.CountryName = func(code string) (string, bool) {
			if ct, ok := gaz.Country(code); ok {
				return ct.Name, true
			}
			return "", false
		}
	}
	w, err := export.NewWriterOptions("gdelt", &f.buf, o)
	if err != nil {
		return nil, err
	}
	if _, ok := w.(export.MetaWriter); !ok {
		return nil, annalist.Errorf(annalist.EINTERNAL, "export's gdelt writer has no WriteMeta")
	}
	f.w = w
	return f, nil
}

// line formats one event as a tab-separated row without its line break.
func (f *gdeltFormatter) line(ev *engine.CollapsedEvent) (string, error) {
	f.buf.Reset()
	if err := f.w.(export.MetaWriter).WriteMeta(&ev.Event, export.Meta{NumMentions: ev.NumMentions, NumArticles: ev.NumArticles}); err != nil {
		return "", err
	}
	if err := f.w.Flush(); err != nil {
		return "", err
	}
	cols := strings.Split(strings.TrimSuffix(f.buf.String(), "\n"), "\t")
	if len(cols) != len(export.GDELTColumns) {
		return "", annalist.Errorf(annalist.EINTERNAL, "gdelt row of %d columns, want %d", len(cols), len(export.GDELTColumns))
	}
	cols[colEventID] = strconv.FormatInt(EventID(ev), 10)
	return strings.Join(cols, "\t"), nil
}
