package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/engine"
)

// engineFlags are the flags of every command that codes: which
// dictionaries, how strictly they load, and whether modal events are kept.
type engineFlags struct {
	dictDir, verbs    string
	strict, keepModal bool
}

// register adds --dict-dir, --verbs and --strict-dicts, and with modal
// also --keep-modal.
func (f *engineFlags) register(fs *flag.FlagSet, modal bool) {
	fs.StringVar(&f.dictDir, "dict-dir", "", "directory of dictionaries replacing the embedded set")
	fs.StringVar(&f.verbs, "verbs", "petrarch2", "embedded verb dictionary: petrarch2 (CAMEO.2.0.txt) or tabari (CAMEO.verbpatterns.150430.txt)")
	fs.BoolVar(&f.strict, "strict-dicts", false, "fail on the first malformed dictionary line")
	if modal {
		fs.BoolVar(&f.keepModal, "keep-modal", false, "also output negated, hypothetical and background (historical) events, marked in \"modality\"")
	}
}

// newEngine loads the engine the flags describe. Malformed lines in
// dictionaries from --dict-dir are reported on warn, one per line, and
// skipped (unless --strict-dicts); the embedded set's known problems are
// listed by "annalist dict check" instead.
func (f *engineFlags) newEngine(warn io.Writer) (*engine.Engine, error) {
	syn, err := parseSyntax(f.verbs)
	if err != nil {
		return nil, err
	}
	cfg := engine.Config{DictDir: f.dictDir, Verbs: syn, StrictDicts: f.strict, KeepModal: f.keepModal}
	if f.dictDir != "" && warn != nil {
		cfg.Warn = func(err error) { fmt.Fprintf(warn, "annalist: skipped: %v\n", err) }
	}
	return engine.New(cfg)
}

// describe names the coding options, for stores that remember how a
// document was coded.
func (f *engineFlags) describe() string {
	return fmt.Sprintf("dict-dir=%s verbs=%s keep-modal=%v", f.dictDir, f.verbs, f.keepModal)
}

// parseSyntax reads a --verbs value.
func parseSyntax(s string) (dict.Syntax, error) {
	switch strings.ToLower(s) {
	case "tabari", "petrarch1":
		return dict.SyntaxTABARI, nil
	case "petrarch2", "petr2", "cameo2", "":
		return dict.SyntaxPETRARCH2, nil
	}
	return 0, annalist.Errorf(annalist.EINVALID, "--verbs %q: want petrarch2 or tabari", s)
}

// parseDateFlag reads a --date value; empty means none.
func parseDateFlag(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, annalist.Errorf(annalist.EINVALID, "--date %q: want YYYY-MM-DD", s)
	}
	return d, nil
}
