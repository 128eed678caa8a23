package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/nlp"
	"github.com/annalist/annalist/validation"
)

// validateCmd is "annalist validate": it runs a PETRARCH validation file.
type validateCmd struct {
	e  *env
	fs *flag.FlagSet

	dictDir  string
	textOnly bool
	verbose  bool
	all      bool
}

func newValidateCmd(e *env) command {
	c := &validateCmd{e: e, fs: flag.NewFlagSet("validate", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.dictDir, "dict-dir", "", "directory searched for the environment's dictionaries after the validation file's own directory")
	c.fs.BoolVar(&c.textOnly, "text-only", false, "ignore <Parse> and code each record from its <Text>")
	c.fs.BoolVar(&c.verbose, "v", false, "also list the records that pass")
	c.fs.BoolVar(&c.all, "all-categories", false, "run every record, ignoring the file's <Include> and <Exclude> lists")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist validate [--dict-dir DIR] [--text-only] FILE.xml")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Codes every record of a PETRARCH validation file and compares the events with the")
		fmt.Fprintln(e.stderr, "expected ones. Prints each failing record and ends with \"N passed, M failed\".")
		fmt.Fprintln(e.stderr, "Exit status: 0 all pass, 1 some fail, 2 unusable input.")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *validateCmd) Name() string { return "validate" }
func (c *validateCmd) Synopsis() string {
	return "run a PETRARCH validation file: annalist validate [--dict-dir DIR] [--text-only] FILE.xml"
}

// exitError carries an exit status chosen by a command.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }
func (e *exitError) ExitCode() int { return e.code }

func (c *validateCmd) Run(ctx context.Context, args []string) error {
	if err := c.fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return err
		}
		return &exitError{code: 2, msg: err.Error()}
	}
	if c.fs.NArg() != 1 {
		c.fs.Usage()
		return &exitError{code: 2, msg: "validate needs exactly one FILE.xml"}
	}
	opts := validation.Options{DictDir: c.dictDir, TextOnly: c.textOnly, AllCategories: c.all}
	if c.textOnly {
		an, err := nlp.Default()
		if err != nil {
			return err
		}
		opts.Analyzer = an
	}
	rep, err := validation.Run(ctx, c.fs.Arg(0), opts)
	if err != nil {
		if annalist.ErrorCode(err) == annalist.EINTERNAL {
			return err
		}
		return &exitError{code: 2, msg: err.Error()}
	}
	w := c.e.stdout
	for _, e := range rep.DictWarnings {
		fmt.Fprintf(c.e.stderr, "annalist: dictionary: %v\n", e)
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(w, "UNREADABLE %v\n", e)
	}
	for _, r := range rep.Records {
		if r.Status == validation.Fail || (c.verbose && r.Status == validation.Pass) {
			printRecord(w, r)
		}
	}
	fmt.Fprintln(w, rep.Summary())
	if rep.Failed > 0 || len(rep.Errors) > 0 {
		return &exitError{code: 1}
	}
	return nil
}

func printRecord(w interface{ Write([]byte) (int, error) }, r validation.RecordResult) {
	fmt.Fprintf(w, "%s %s (line %d)\n", strings.ToUpper(r.Status), r.ID, r.Line)
	fmt.Fprintf(w, "  text:     %s\n", r.Text)
	switch {
	case r.ExpectedError != "":
		fmt.Fprintf(w, "  expected: error %s\n", r.ExpectedError)
	case r.ExpectedNone || len(r.Expected) == 0:
		fmt.Fprintf(w, "  expected: no events\n")
	default:
		for _, e := range r.Expected {
			fmt.Fprintf(w, "  expected: %s\n", e)
		}
	}
	if r.CodedError != "" {
		fmt.Fprintf(w, "  coded:    error %s\n", r.CodedError)
	}
	if len(r.Events) == 0 && r.CodedError == "" {
		fmt.Fprintf(w, "  coded:    no events\n")
	}
	for _, e := range r.Events {
		fmt.Fprintf(w, "  coded:    %s %s %s  (%q -> %q; verb %q; %s:%d %s)\n", e.Source.Code, e.Target.Code, e.Event.Code,
			e.Source.Text, e.Target.Text, e.Evidence.Verb, e.Evidence.Pattern.Dict, e.Evidence.Pattern.Line, strings.TrimSpace(e.Evidence.Pattern.Entry))
	}
	if r.Why != "" {
		fmt.Fprintf(w, "  why:      %s\n", r.Why)
	}
}
