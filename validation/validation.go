// Package validation runs PETRARCH validation files: it codes every record and compares the events with the expected codings.
package validation

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/cameo"
	"github.com/annalist/annalist/coder"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/petrxml"
	"github.com/annalist/annalist/treebank"
)

// Analyzer turns raw text into analysed sentences; it is used in text-only mode.
type Analyzer interface {
	Analyze(text string) []annalist.Sentence
}

// Options control a validation run.
type Options struct {
	// DictDir is searched for the environment's dictionaries after the
	// directory of the validation file.
	DictDir string
	// TextOnly ignores <Parse> and codes each record from its <Text> with Analyzer.
	TextOnly bool
	Analyzer Analyzer
	// Codebook fills event names; optional.
	Codebook *cameo.Codebook
	// AllCategories runs every record, ignoring the file's Include and Exclude lists.
	AllCategories bool
}

// Status of a record after the run.
const (
	Pass = "pass"
	Fail = "fail"
	Skip = "skip"
)

// RecordResult is the outcome for one record.
type RecordResult struct {
	ID       string
	Category string
	Text     string
	Line     int
	Status   string
	Expected []petrxml.Coding
	// ExpectedNone and ExpectedError describe noevents / error= expectations.
	ExpectedNone  bool
	ExpectedError string
	Coded         []petrxml.Coding
	// CodedError is the error kind the coder reported (discard, bad parse, dateline).
	CodedError string
	Why        string
	// Events are the coded events with their evidence.
	Events []annalist.Event
}

// Report is the outcome of a run.
type Report struct {
	Path                  string
	Passed, Failed, Skipd int
	Records               []RecordResult
	// Errors are records the file reader could not read.
	Errors []error
	// DictWarnings are malformed dictionary lines that were skipped.
	DictWarnings []error
}

// Summary returns the line "N passed, M failed" (", K skipped" when any were skipped).
func (r *Report) Summary() string {
	s := fmt.Sprintf("%d passed, %d failed", r.Passed, r.Failed)
	if r.Skipd > 0 {
		s += fmt.Sprintf(", %d skipped", r.Skipd)
	}
	return s
}

// Run validates the file at path. It returns an error only when the file or
// its dictionaries cannot be used at all.
func Run(ctx context.Context, path string, opts Options) (*Report, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, annalist.Errorf(annalist.EINVALID, "%v", err)
	}
	defer fh.Close()
	f, err := petrxml.Read(fh, path)
	if err != nil {
		return nil, err
	}
	if f.Env == nil {
		return nil, annalist.Errorf(annalist.EINVALID, "%s: no <Environment>: not a validation file", path)
	}
	set, warnings, err := loadEnv(f.Env, filepath.Dir(path), opts.DictDir)
	if err != nil {
		return nil, err
	}
	if opts.TextOnly && opts.Analyzer == nil {
		return nil, annalist.Errorf(annalist.EINVALID, "text-only validation needs a text analyzer")
	}
	cfg := coder.DefaultOptions()
	for _, c := range f.Env.Configs {
		applyConfig(&cfg, c)
	}
	base := coder.New(set, opts.Codebook, cfg)
	rep := &Report{Path: path, Errors: f.Errors, DictWarnings: warnings}
	for _, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		switch {
		case it.Stop:
			return rep, nil
		case it.Config != nil:
			applyConfig(&cfg, *it.Config)
			continue
		}
		rec := it.Record
		rr := RecordResult{ID: rec.ID, Category: rec.Category, Text: rec.Text, Line: rec.Line,
			Expected: rec.Expected, ExpectedNone: rec.NoEvents, ExpectedError: rec.Error}
		if !opts.AllCategories && !f.Env.Included(rec.Category) {
			rr.Status = Skip
			rr.Why = fmt.Sprintf("category %q is not included", rec.Category)
			rep.Skipd++
			rep.Records = append(rep.Records, rr)
			continue
		}
		cd := base.WithOptions(cfg)
		rr.Events, rr.CodedError = codeRecord(cd, rec, opts)
		for _, e := range rr.Events {
			rr.Coded = append(rr.Coded, petrxml.Coding{Source: e.Source.Code, Target: e.Target.Code, Code: e.Event.Code})
		}
		judge(&rr)
		if rr.Status == Pass {
			rep.Passed++
		} else {
			rep.Failed++
		}
		rep.Records = append(rep.Records, rr)
	}
	return rep, nil
}

// codeRecord codes one record from its parse (or text) and returns the
// events and the error kind, if the record was not coded.
func codeRecord(cd *coder.Coder, rec *petrxml.Record, opts Options) ([]annalist.Event, string) {
	if isDateline(rec.Text) {
		return nil, "dateline"
	}
	date := coder.ParseDate(rec.Date)
	var sents []annalist.Sentence
	if opts.TextOnly {
		sents = opts.Analyzer.Analyze(rec.Text)
	} else {
		tree, err := treebank.Parse(rec.Parse)
		if err != nil {
			return nil, "bad_input_parse"
		}
		toks := treebank.ToTokens(tree)
		treebank.Align(toks, rec.Text, 0)
		sents = []annalist.Sentence{{Text: rec.Text, Span: annalist.Span{Start: 0, End: len(rec.Text)}, Tokens: toks}}
	}
	var evs []annalist.Event
	for i := range sents {
		res := cd.CodeSentence(&sents[i], sents[i].Span.Start, date)
		if res.Discard != "" {
			return nil, res.Discard
		}
		evs = append(evs, res.Events...)
	}
	return evs, ""
}

// isDateline recognises the irregular input PETRARCH rejects as a dateline:
// the text opens with an upper-case place name followed by ':' or '--'.
func isDateline(text string) bool {
	words := strings.Fields(text)
	for i, w := range words {
		if i > 4 {
			return false
		}
		if strings.HasSuffix(w, ":") || w == "--" || w == ":" {
			return i > 0 || len(w) > 1
		}
		if strings.ToUpper(w) != w {
			return false
		}
	}
	return false
}

// judge compares coded and expected results as multisets of (source, target, code).
func judge(rr *RecordResult) {
	switch {
	case rr.ExpectedError != "":
		if rr.CodedError == rr.ExpectedError {
			rr.Status = Pass
		} else {
			rr.Status = Fail
			rr.Why = fmt.Sprintf("expected error %q, got %s", rr.ExpectedError, describe(rr))
		}
		return
	case rr.CodedError != "":
		rr.Status = Fail
		rr.Why = fmt.Sprintf("record was not coded: %s", rr.CodedError)
		return
	case rr.ExpectedNone || len(rr.Expected) == 0:
		if len(rr.Coded) == 0 {
			rr.Status = Pass
		} else {
			rr.Status = Fail
			rr.Why = "expected no events"
		}
		return
	}
	missing, extra := diff(rr.Expected, rr.Coded)
	if len(missing) == 0 && len(extra) == 0 {
		rr.Status = Pass
		return
	}
	rr.Status = Fail
	var parts []string
	if len(missing) > 0 {
		parts = append(parts, "missing "+join(missing))
	}
	if len(extra) > 0 {
		parts = append(parts, "unexpected "+join(extra))
	}
	rr.Why = strings.Join(parts, "; ")
}

func describe(rr *RecordResult) string {
	if rr.CodedError != "" {
		return strconv.Quote(rr.CodedError)
	}
	return fmt.Sprintf("%d events", len(rr.Coded))
}

// diff returns the codings in want but not got and in got but not want, counting duplicates.
func diff(want, got []petrxml.Coding) (missing, extra []petrxml.Coding) {
	count := map[petrxml.Coding]int{}
	for _, w := range want {
		count[w]++
	}
	for _, g := range got {
		if count[g] > 0 {
			count[g]--
		} else {
			extra = append(extra, g)
		}
	}
	for _, w := range want {
		if count[w] > 0 {
			missing = append(missing, w)
			count[w]--
		}
	}
	return missing, extra
}

func join(cs []petrxml.Coding) string {
	ss := make([]string, len(cs))
	for i, c := range cs {
		ss[i] = "(" + c.String() + ")"
	}
	sort.Strings(ss)
	return strings.Join(ss, " ")
}

// applyConfig sets a coding option from a <Config> element; unknown options are ignored.
func applyConfig(o *coder.Options, c petrxml.Config) {
	v := strings.TrimSpace(c.Value)
	n, nerr := strconv.Atoi(v)
	switch strings.ToLower(strings.TrimSpace(c.Option)) {
	case "require_dyad":
		o.RequireDyad = strings.EqualFold(v, "true")
	case "new_actor_length":
		if nerr == nil {
			o.NewActorLength = n
		}
	case "comma_min":
		if nerr == nil {
			o.CommaMin = n
		}
	case "comma_max":
		if nerr == nil {
			o.CommaMax = n
		}
	case "comma_bmin":
		if nerr == nil {
			o.CommaBMin = n
		}
	case "comma_bmax":
		if nerr == nil {
			o.CommaBMax = n
		}
	case "comma_emin":
		if nerr == nil {
			o.CommaEMin = n
		}
	case "comma_emax":
		if nerr == nil {
			o.CommaEMax = n
		}
	}
}

// loadEnv reads the environment's dictionaries, looking for each file beside
// the validation file first and then in dictDir. Malformed dictionary lines
// are returned as warnings; a missing file is an error.
func loadEnv(env *petrxml.Environment, dir, dictDir string) (*dict.Set, []error, error) {
	find := func(name string) (string, error) {
		for _, d := range []string{dir, dictDir} {
			if d == "" {
				continue
			}
			p := filepath.Join(d, name)
			if _, err := os.Stat(p); err == nil {
				return p, nil
			}
		}
		return "", annalist.Errorf(annalist.EINVALID, "dictionary %q not found beside the validation file or in --dict-dir %q", name, dictDir)
	}
	if env.Verbfile == "" {
		return nil, nil, annalist.Errorf(annalist.EINVALID, "validation environment names no <Verbfile>")
	}
	var opts dict.LoadOptions
	var err error
	if opts.Verbs, err = find(env.Verbfile); err != nil {
		return nil, nil, err
	}
	add := func(list *[]string, name string) error {
		if name == "" {
			return nil
		}
		p, err := find(name)
		if err != nil {
			return err
		}
		*list = append(*list, p)
		return nil
	}
	for _, a := range env.Actorfiles {
		if err := add(&opts.Actors, a); err != nil {
			return nil, nil, err
		}
	}
	for _, f := range []struct {
		list *[]string
		name string
	}{{&opts.Agents, env.Agentfile}, {&opts.Discards, env.Discardfile}, {&opts.Issues, env.Issuefile}} {
		if err := add(f.list, f.name); err != nil {
			return nil, nil, err
		}
	}
	set, warnings := dict.Load(opts)
	for _, w := range warnings {
		if annalist.ErrorCode(w) != annalist.EINVALID {
			return nil, nil, w
		}
	}
	return set, warnings, nil
}
