package dict

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/annalist/annalist"
)

// The default dictionaries: the Phoenix actors, agents, discards and issues
// and both CAMEO verb dictionaries, verbatim from PETRARCH (MIT licence in
// data/LICENSE), and Annalist's verb supplement (MIT, its own header).
//
//go:embed data/*.txt data/LICENSE
var embedded embed.FS

// Default file names inside DefaultFS. DefaultVerbsAnnalist is Annalist's
// own supplement to CAMEO.2.0.txt, in PETRARCH-2 syntax, merged after it.
const (
	DefaultVerbsTABARI    = "CAMEO.verbpatterns.150430.txt"
	DefaultVerbsPETRARCH2 = "CAMEO.2.0.txt"
	DefaultVerbsAnnalist  = "Annalist.verbs.txt"
)

// DefaultFS returns the embedded default dictionaries as a read-only file
// system whose files sit at the root under their PETRARCH names
// (Phoenix.Countries.actors.txt, CAMEO.2.0.txt, ..., LICENSE).
func DefaultFS() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil { // cannot happen: "data" is a valid path
		panic(err)
	}
	return sub
}

// LoadOptions says which files make a Set. Paths are read from FS when it
// is set (DefaultFS, fstest.MapFS, ...), otherwise from the operating system.
type LoadOptions struct {
	// Verbs is the verb dictionary; empty loads none.
	Verbs string
	// MoreVerbs are verb dictionaries merged after Verbs, in order, into
	// one dictionary (Set.Verbs) of Verbs' syntax; each is read in that
	// syntax, and may use the synsets of the files before it but not
	// redefine them (an error; the later phrases are ignored). A later
	// file adds verbs, forms and patterns: its block joins the earlier
	// block of the same name, or else the block that lists a verb of that
	// name, and is new otherwise; a verb the joined block already lists
	// gains only the forms it lacked; the later block's code replaces the
	// earlier one only when that was null ([---] or none), and likewise a
	// verb's own code. Patterns and transformations are appended after the
	// earlier ones, so among equally specific patterns the earlier file's
	// wins; one identical to an earlier one is kept and reported by Check
	// as a duplicate (or a conflict when the codes differ). Every synset,
	// verb, pattern and transformation keeps the file it came from (Path),
	// so evidence names the file that fired.
	MoreVerbs []string
	Actors    []string
	Agents    []string
	Discards  []string
	Issues    []string
	// Options apply to every file: Strict stops at the first problem, and
	// Syntax forces the verb syntax.
	Options
	FS fs.FS
}

// DefaultOptions returns the LoadOptions of the embedded default set with
// the verb dictionary of the given syntax: SyntaxTABARI (and zero) selects
// CAMEO.verbpatterns.150430.txt, SyntaxPETRARCH2 CAMEO.2.0.txt with
// Annalist.verbs.txt merged after it (MoreVerbs).
func DefaultOptions(verbs Syntax) LoadOptions {
	o := LoadOptions{
		Verbs:    DefaultVerbsTABARI,
		Actors:   []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"},
		Agents:   []string{"Phoenix.agents.txt"},
		Discards: []string{"Phoenix.discards.txt"},
		Issues:   []string{"Phoenix.IssueCoding.txt"},
		FS:       DefaultFS(),
	}
	o.Syntax = SyntaxTABARI
	if verbs == SyntaxPETRARCH2 {
		o.Verbs, o.Syntax = DefaultVerbsPETRARCH2, SyntaxPETRARCH2
		o.MoreVerbs = []string{DefaultVerbsAnnalist}
	}
	return o
}

// LoadDefault reads the embedded default set (all Phoenix actors, agents,
// discards and issues, and the verb dictionary of the given syntax, see
// DefaultOptions). The shipped files hold a few malformed lines, which are
// skipped; `annalist dict check` with no path lists them. It fails only if
// the embedded data cannot be read at all, which would be a build defect.
// Each call parses afresh: load once and share the *Set.
func LoadDefault(verbs Syntax) (*Set, error) {
	set, errs := Load(DefaultOptions(verbs))
	for _, err := range errs {
		if annalist.ErrorCode(err) != annalist.EINVALID {
			return nil, fmt.Errorf("load default dictionaries: %w", err)
		}
	}
	return set, nil
}

// Load reads the files named in opts into a Set. Every problem is returned,
// located at path:line:col for malformed lines (EINVALID) or at the file
// for a file that cannot be opened (ENOTFOUND) or read (EUNAVAILABLE), and
// everything readable is loaded. With opts.Strict the first problem stops
// loading and the Set is nil.
func Load(opts LoadOptions) (*Set, []error) {
	l := loader{opts: opts, set: &Set{Subst: map[string][]string{}}}
	if l.opts.in == nil {
		l.opts.in = newInterner()
	}
	if opts.Verbs != "" {
		l.file(opts.Verbs, KindVerbs)
	}
	for _, f := range opts.MoreVerbs {
		l.file(f, KindVerbs)
	}
	for _, f := range opts.Actors {
		l.file(f, KindActors)
	}
	for _, f := range opts.Agents {
		l.file(f, KindAgents)
	}
	for _, f := range opts.Discards {
		l.file(f, KindDiscards)
	}
	for _, f := range opts.Issues {
		l.file(f, KindIssues)
	}
	if l.stop {
		return nil, l.errs
	}
	return l.set, l.errs
}

type loader struct {
	opts LoadOptions
	set  *Set
	errs []error
	stop bool
}

func (l *loader) open(name string) (io.ReadCloser, error) {
	var f io.ReadCloser
	var err error
	if l.opts.FS != nil {
		f, err = l.opts.FS.Open(name)
	} else {
		f, err = os.Open(name)
	}
	if err != nil {
		code := annalist.EUNAVAILABLE
		if errors.Is(err, fs.ErrNotExist) {
			code = annalist.ENOTFOUND
		}
		return nil, &annalist.Error{Code: code, Message: fmt.Sprintf("open dictionary: %v", err), Pos: &annalist.Position{Path: name}}
	}
	return f, nil
}

// file reads one file of the given kind into the set.
func (l *loader) file(name string, kind Kind) {
	if l.stop {
		return
	}
	f, err := l.open(name)
	if err != nil {
		l.errs = append(l.errs, err)
		l.stop = l.opts.Strict
		return
	}
	defer f.Close()
	var errs []error
	n := 0
	switch kind {
	case KindVerbs:
		var vd *VerbDict
		if base := l.set.Verbs; base != nil {
			o := l.opts.Options
			o.Syntax = base.Syntax
			vd, errs = readVerbsOnto(f, name, o, base)
			if vd != nil {
				n = vd.entries()
				mergeVerbs(base, vd)
			}
		} else {
			vd, errs = ReadVerbs(f, name, l.opts.Options)
			if vd != nil {
				l.set.Verbs = vd
				n = vd.entries()
			}
		}
	case KindActors:
		var as []*Actor
		as, errs = ReadActors(f, name, l.opts.Options)
		l.set.Actors = append(l.set.Actors, as...)
		n = len(as)
	case KindAgents:
		var d *AgentDict
		d, errs = ReadAgents(f, name, l.opts.Options)
		if d != nil {
			l.set.Agents = append(l.set.Agents, d.Agents...)
			for k, v := range d.Subst {
				if _, ok := l.set.Subst[k]; !ok {
					l.set.Subst[k] = v
				}
			}
			n = len(d.Agents)
		}
	case KindDiscards:
		var ds []*Discard
		ds, errs = ReadDiscards(f, name, l.opts.Options)
		l.set.Discards = append(l.set.Discards, ds...)
		n = len(ds)
	case KindIssues:
		var is []*IssueEntry
		is, errs = ReadIssues(f, name, l.opts.Options)
		l.set.Issues = append(l.set.Issues, is...)
		n = len(is)
	}
	l.errs = append(l.errs, errs...)
	if l.opts.Strict && len(errs) > 0 {
		l.stop = true
		return
	}
	l.set.Files = append(l.set.Files, File{Path: name, Kind: kind, Entries: n})
}

// entries counts a verb dictionary's records: synsets, verbs, patterns and transformations.
func (vd *VerbDict) entries() int {
	n := len(vd.Synsets) + len(vd.Transforms)
	for _, b := range vd.Blocks {
		n += len(b.Verbs) + len(b.Patterns)
	}
	return n
}

// KindOfName returns the kind a file name announces, or "" if it announces
// none. The test is on the base name, case-insensitively: "verb" or a
// "cameo" prefix means verbs, then "actor" actors, "agent" agents,
// "discard" discards and "issue" issues (PETRARCH's own names:
// CAMEO.2.0.txt, Phoenix.Countries.actors.txt, Phoenix.agents.txt,
// PETR.Validate.discards.txt, Phoenix.IssueCoding.txt).
func KindOfName(name string) Kind {
	b := strings.ToLower(path.Base(filepath.ToSlash(name)))
	switch {
	case strings.Contains(b, "verb") || strings.HasPrefix(b, "cameo"):
		return KindVerbs
	case strings.Contains(b, "actor"):
		return KindActors
	case strings.Contains(b, "agent"):
		return KindAgents
	case strings.Contains(b, "discard"):
		return KindDiscards
	case strings.Contains(b, "issue"):
		return KindIssues
	}
	return ""
}

// SniffKind guesses a dictionary's kind from its text, for files whose
// names say nothing: an <ISSUE tag means issues; a "--- NAME ---" block
// header together with "- " pattern lines means verbs; a "!NAME! =" line or
// a "[~CODE]" / "[CODE~]" code means agents; a bracketed code or an
// indented "[" restriction means actors; anything else is a discard list.
func SniffKind(text string) Kind {
	var headers, patterns, agentCodes, codes int
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		var line string
		if i < 0 {
			line, text = text, ""
		} else {
			line, text = text[:i], text[i+1:]
		}
		body, _ := cutComment(line, false)
		t := strings.TrimLeft(body, " \t")
		switch {
		case t == "":
		case strings.HasPrefix(t, "<ISSUE"):
			return KindIssues
		case strings.HasPrefix(t, "<!"):
		case strings.HasPrefix(t, "---"):
			headers++
		case strings.HasPrefix(t, "- "):
			patterns++
		case t[0] == '!' && strings.Contains(t, "="):
			agentCodes++
		default:
			if j := strings.IndexByte(t, '['); j >= 0 {
				c := strings.TrimSpace(t[j+1:])
				if strings.HasPrefix(c, "~") || strings.Contains(c, "~]") {
					agentCodes++
				} else {
					codes++
				}
			}
		}
	}
	switch {
	case headers > 0 && patterns > 0:
		return KindVerbs
	case agentCodes > codes:
		return KindAgents
	case codes > 0:
		return KindActors
	}
	return KindDiscards
}

// LoadDir reads the dictionaries found in dir (not its subdirectories) into
// a Set, choosing files by KindOfName; files whose names announce no kind
// (LICENSE, README.md) are ignored, and files of one kind are read in name
// order. Verb files are merged into one dictionary (see
// LoadOptions.MoreVerbs) in this order: base dictionaries first, that is
// files whose name starts with "CAMEO" (PETRARCH's CAMEO.2.0.txt and
// CAMEO.verbpatterns.150430.txt), then the others ("Annalist.verbs.txt",
// "my.verbs.txt"), each group in name order. The verb files must share a
// syntax: with opts.Syntax set, only files of that syntax (as
// DetectVerbSyntax reads them) are used, or all of them if none is; with
// no syntax given, the first file's syntax is used and files of the other
// are left out, with one ECONFLICT error naming them. Problems are
// reported as by Load; a directory that cannot be listed gives one error
// and a nil Set.
func LoadDir(dir string, opts Options) (*Set, []error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		code := annalist.EUNAVAILABLE
		if errors.Is(err, fs.ErrNotExist) {
			code = annalist.ENOTFOUND
		}
		return nil, []error{&annalist.Error{Code: code, Message: fmt.Sprintf("read dictionary directory: %v", err), Pos: &annalist.Position{Path: dir}}}
	}
	lo := LoadOptions{Options: opts}
	var base, more []string
	for _, e := range ents {
		if !e.Type().IsRegular() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		switch KindOfName(e.Name()) {
		case KindVerbs:
			if strings.HasPrefix(strings.ToLower(e.Name()), "cameo") {
				base = append(base, p)
			} else {
				more = append(more, p)
			}
		case KindActors:
			lo.Actors = append(lo.Actors, p)
		case KindAgents:
			lo.Agents = append(lo.Agents, p)
		case KindDiscards:
			lo.Discards = append(lo.Discards, p)
		case KindIssues:
			lo.Issues = append(lo.Issues, p)
		}
	}
	sort.Strings(base)
	sort.Strings(more)
	verbs := append(base, more...)
	var pre []error
	if len(verbs) > 1 {
		syn := make([]Syntax, len(verbs))
		for i, v := range verbs {
			if b, err := os.ReadFile(v); err == nil {
				syn[i] = DetectVerbSyntax(string(b))
			}
		}
		want := opts.Syntax
		if want == 0 {
			want = syn[0]
		}
		var keep, left []string
		for i, v := range verbs {
			if syn[i] == want || syn[i] == 0 {
				keep = append(keep, v) // unreadable: let Load report it
			} else {
				left = append(left, v)
			}
		}
		switch {
		case len(keep) == 0:
			// None has the syntax asked for: read them all in it.
		case len(left) > 0 && opts.Syntax == 0:
			verbs = keep
			pre = append(pre, &annalist.Error{Code: annalist.ECONFLICT,
				Message: fmt.Sprintf("verb dictionaries of two syntaxes; using the %s ones (%s), leaving out %s", want, baseNames(keep), baseNames(left)),
				Pos:     &annalist.Position{Path: dir}})
			if opts.Strict {
				return nil, pre
			}
		default:
			verbs = keep
		}
	}
	if len(verbs) > 0 {
		lo.Verbs, lo.MoreVerbs = verbs[0], verbs[1:]
	}
	set, errs := Load(lo)
	return set, append(pre, errs...)
}

// baseNames joins the base names of paths with ", ".
func baseNames(paths []string) string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return strings.Join(out, ", ")
}
