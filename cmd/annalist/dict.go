package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
)

// dictCmd is "annalist dict check": it reads dictionary files, reports
// every malformed line and every lint finding, and prints counts.
type dictCmd struct {
	e  *env
	fs *flag.FlagSet

	strict   bool
	syntax   string
	kind     string
	warnings bool
}

// newDictCmd returns the "dict" command writing to e's streams.
func newDictCmd(e *env) command {
	c := &dictCmd{e: e, fs: flag.NewFlagSet("dict check", flag.ContinueOnError)}
	c.fs.SetOutput(e.stderr)
	c.fs.BoolVar(&c.strict, "strict-dicts", false, "stop reading at the first malformed line (as the coder does with this flag)")
	c.fs.StringVar(&c.syntax, "syntax", "", "verb dictionary syntax: tabari or petrarch2 (default: detected from the content)")
	c.fs.StringVar(&c.kind, "kind", "", "read every file PATH as this kind: verbs, actors, agents, discards or issues (default: from the name, else the content)")
	c.fs.BoolVar(&c.warnings, "warnings", true, "print warnings as well as errors")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist dict check [--strict-dicts] [--syntax S] [--kind K] [--warnings=false] [PATH...]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Checks PETRARCH/TABARI dictionaries. A PATH is a file or a directory; in a directory")
		fmt.Fprintln(e.stderr, "only files whose names announce a kind are read (\"verb\" or a \"CAMEO\" prefix, \"actor\",")
		fmt.Fprintln(e.stderr, "\"agent\", \"discard\", \"issue\"). A file named on the command line whose name says")
		fmt.Fprintln(e.stderr, "nothing is classified by its content. With no PATH the embedded default set is")
		fmt.Fprintln(e.stderr, "checked, with both verb dictionaries. Problems are printed as path:line:col: message;")
		fmt.Fprintln(e.stderr, "the exit status is 1 when there are errors (warnings alone exit 0).")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

// Name returns "dict".
func (c *dictCmd) Name() string { return "dict" }

// Synopsis describes the command in one line.
func (c *dictCmd) Synopsis() string {
	return "check dictionaries: annalist dict check [--strict-dicts] PATH..."
}

// dictFile is one file to check.
type dictFile struct {
	path string
	kind dict.Kind
}

// Run parses "check [flags] PATH..." (flags may follow paths) and checks
// the files. It returns an EINVALID error when a dictionary has errors or
// the command line is wrong, and flag.ErrHelp for -h.
func (c *dictCmd) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "check" {
		c.fs.Usage()
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
			return flag.ErrHelp
		}
		return annalist.Errorf(annalist.EINVALID, "dict: want the subcommand check")
	}
	var paths []string
	rest := args[1:]
	for {
		if err := c.fs.Parse(rest); err != nil {
			return err
		}
		rest = c.fs.Args()
		if len(rest) == 0 {
			break
		}
		paths = append(paths, rest[0])
		rest = rest[1:]
	}
	opts := dict.Options{Strict: c.strict}
	switch strings.ToLower(c.syntax) {
	case "":
	case "tabari", "petrarch1", "petrarch":
		opts.Syntax = dict.SyntaxTABARI
	case "petrarch2", "p2":
		opts.Syntax = dict.SyntaxPETRARCH2
	default:
		return annalist.Errorf(annalist.EINVALID, "dict check: unknown --syntax %q (want tabari or petrarch2)", c.syntax)
	}
	kind := dict.Kind(strings.ToLower(c.kind))
	switch kind {
	case "", dict.KindVerbs, dict.KindActors, dict.KindAgents, dict.KindDiscards, dict.KindIssues:
	default:
		return annalist.Errorf(annalist.EINVALID, "dict check: unknown --kind %q", c.kind)
	}

	var files []dictFile
	base := dict.LoadOptions{Options: opts}
	if len(paths) == 0 {
		def := dict.DefaultOptions(dict.SyntaxPETRARCH2)
		base.FS = def.FS
		files = append(files, dictFile{dict.DefaultVerbsTABARI, dict.KindVerbs}, dictFile{dict.DefaultVerbsPETRARCH2, dict.KindVerbs})
		for _, group := range []struct {
			names []string
			kind  dict.Kind
		}{{def.Actors, dict.KindActors}, {def.Agents, dict.KindAgents}, {def.Discards, dict.KindDiscards}, {def.Issues, dict.KindIssues}} {
			for _, n := range group.names {
				files = append(files, dictFile{n, group.kind})
			}
		}
	} else {
		for _, p := range paths {
			fs, err := c.collect(p, kind)
			if err != nil {
				return err
			}
			files = append(files, fs...)
		}
	}

	// Verb dictionaries are checked one at a time (a Set holds one); the
	// other kinds together, so duplicates across files are found.
	var syntaxErrs []error
	var findings []dict.Finding
	type verbSummary struct {
		path   string
		counts dict.Counts
		syntax dict.Syntax
	}
	var verbSums []verbSummary
	others := base
	for _, f := range files {
		switch f.kind {
		case dict.KindVerbs:
			if err := ctx.Err(); err != nil {
				return err
			}
			o := base
			o.Verbs = f.path
			set, errs := dict.Load(o)
			syntaxErrs = append(syntaxErrs, errs...)
			if set != nil && set.Verbs != nil {
				findings = append(findings, dict.Check(set)...)
				verbSums = append(verbSums, verbSummary{f.path, dict.Count(set), set.Verbs.Syntax})
			}
		case dict.KindActors:
			others.Actors = append(others.Actors, f.path)
		case dict.KindAgents:
			others.Agents = append(others.Agents, f.path)
		case dict.KindDiscards:
			others.Discards = append(others.Discards, f.path)
		case dict.KindIssues:
			others.Issues = append(others.Issues, f.path)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	set, errs := dict.Load(others)
	syntaxErrs = append(syntaxErrs, errs...)
	findings = append(findings, dict.Check(set)...)

	// Report syntax errors and findings together, in file order.
	type problem struct {
		pos  annalist.Position
		text string
	}
	var problems []problem
	for _, err := range syntaxErrs {
		var ae *annalist.Error
		p := problem{text: err.Error()}
		if errors.As(err, &ae) && ae.Pos != nil {
			p.pos = *ae.Pos
		}
		problems = append(problems, p)
	}
	var lintErrs, warns int
	for _, f := range findings {
		if f.Severity == dict.SeverityError {
			lintErrs++
		} else {
			warns++
			if !c.warnings {
				continue
			}
		}
		problems = append(problems, problem{f.Pos, f.String()})
	}
	sort.SliceStable(problems, func(i, j int) bool {
		a, b := problems[i].pos, problems[j].pos
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	w := c.e.stdout
	for _, p := range problems {
		fmt.Fprintln(w, p.text)
	}
	fmt.Fprintln(w)
	p := dictPlural
	for _, v := range verbSums {
		n := v.counts
		fmt.Fprintf(w, "verbs     %s (%s): %s, %s (%s), %s, %s (%s), %s\n", v.path, v.syntax,
			p(n.Blocks, "block"), p(n.Verbs, "verb"), p(n.VerbForms, "form"), p(n.Patterns, "pattern"),
			p(n.Synsets, "synset"), p(n.SynsetPhrases, "phrase"), p(n.Transforms, "transformation"))
	}
	n := dict.Count(set)
	if len(others.Actors) > 0 {
		fmt.Fprintf(w, "actors    %s: %s, %s, %s\n", p(len(others.Actors), "file"), p(n.Actors, "actor"), p(n.ActorPhrases, "phrase"), p(n.ActorCodes, "code"))
	}
	if len(others.Agents) > 0 {
		fmt.Fprintf(w, "agents    %s: %s, %s, %s\n", p(len(others.Agents), "file"), p(n.Agents, "agent"), p(n.AgentPhrases, "phrase"), p(n.SubstSets, "substitution set"))
	}
	if len(others.Discards) > 0 {
		fmt.Fprintf(w, "discards  %s: %s\n", p(len(others.Discards), "file"), p(n.Discards, "discard"))
	}
	if len(others.Issues) > 0 {
		fmt.Fprintf(w, "issues    %s: %s, %s\n", p(len(others.Issues), "file"), p(n.Issues, "entry"), p(n.IssuePhrases, "phrase"))
	}
	fmt.Fprintf(w, "%s, %s, %s in %s\n", dictPlural(len(syntaxErrs), "syntax error"), dictPlural(lintErrs, "lint error"),
		dictPlural(warns, "warning"), dictPlural(len(files), "file"))
	if len(syntaxErrs)+lintErrs > 0 {
		return annalist.Errorf(annalist.EINVALID, "dict check: %s, %s", dictPlural(len(syntaxErrs), "syntax error"), dictPlural(lintErrs, "lint error"))
	}
	return nil
}

// collect lists the dictionary files at p: p itself, or the files of the
// directory p whose names announce a kind.
func (c *dictCmd) collect(p string, kind dict.Kind) ([]dictFile, error) {
	st, err := os.Stat(p)
	if err != nil {
		code := annalist.EUNAVAILABLE
		if errors.Is(err, os.ErrNotExist) {
			code = annalist.ENOTFOUND
		}
		return nil, &annalist.Error{Code: code, Message: fmt.Sprintf("dict check: %v", err), Pos: &annalist.Position{Path: p}}
	}
	if !st.IsDir() {
		k := kind
		if k == "" {
			k = dict.KindOfName(p)
		}
		if k == "" {
			b, err := dictReadHead(p)
			if err != nil {
				return nil, err
			}
			k = dict.SniffKind(b)
		}
		return []dictFile{{p, k}}, nil
	}
	ents, err := os.ReadDir(p)
	if err != nil {
		return nil, annalist.Errorf(annalist.EUNAVAILABLE, "dict check: %v", err)
	}
	var out []dictFile
	for _, e := range ents {
		if !e.Type().IsRegular() {
			continue
		}
		k := kind
		if k == "" {
			k = dict.KindOfName(e.Name())
		}
		if k != "" {
			out = append(out, dictFile{filepath.Join(p, e.Name()), k})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, nil
}

// dictReadHead returns the first 64 KiB of a file, enough to classify it.
func dictReadHead(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", annalist.Errorf(annalist.EUNAVAILABLE, "dict check: %v", err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return "", annalist.Errorf(annalist.EUNAVAILABLE, "dict check: read %s: %v", p, err)
	}
	return string(b), nil
}

// dictPlural formats a count with its noun: "1 file", "2 files", "3 entries".
func dictPlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if strings.HasSuffix(noun, "y") {
		return fmt.Sprintf("%d %sies", n, noun[:len(noun)-1])
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
