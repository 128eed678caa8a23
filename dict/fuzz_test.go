package dict

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annalist/annalist"
)

// Fuzz targets: every reader must accept any input without panicking,
// report every problem as an *annalist.Error located inside the input,
// and agree with its Strict mode. Run one with, for example:
//
//	go test ./dict -run '^$' -fuzz '^FuzzReadVerbs$' -fuzztime 30s -fuzzminimizetime 10s

// addSeeds adds a validation file, cut into chunks of 25 lines (whole
// files make the fuzzer spend its time minimising large inputs), and a few
// snippets.
func addSeeds(f *testing.F, file string, snippets ...string) {
	b, err := os.ReadFile(filepath.Join(validateDir, file))
	if err == nil {
		addChunks(f, string(b))
	}
	for _, s := range snippets {
		f.Add(s)
	}
}

func addChunks(f *testing.F, s string) {
	lines := strings.SplitAfter(s, "\n")
	for i := 0; i < len(lines); i += 25 {
		f.Add(strings.Join(lines[i:min(i+25, len(lines))], ""))
	}
}

// checkErrs verifies the located-error contract for input in.
func checkErrs(t *testing.T, in string, lenient, strict []error, strictNil bool) {
	t.Helper()
	lines := strings.Count(in, "\n") + 1
	seen := map[string]bool{}
	for _, err := range lenient {
		var ae *annalist.Error
		if !errors.As(err, &ae) || ae.Pos == nil {
			t.Fatalf("error %v is not a located *annalist.Error", err)
		}
		if ae.Pos.Line < 1 || ae.Pos.Line > lines || ae.Pos.Col < 0 {
			t.Fatalf("error %v outside the input (%d lines)", err, lines)
		}
		if ae.Code != annalist.EINVALID {
			t.Fatalf("error %v has code %s", err, ae.Code)
		}
		seen[err.Error()] = true
	}
	if len(lenient) == 0 {
		if len(strict) != 0 {
			t.Fatalf("strict found %v where lenient found nothing", strict)
		}
		return
	}
	if len(strict) != 1 || !strictNil {
		t.Fatalf("strict mode: %d errors, nil result %v", len(strict), strictNil)
	}
	if !seen[strict[0].Error()] {
		t.Fatalf("strict error %v is not among the lenient ones %v", strict[0], lenient)
	}
}

// checkElems verifies element invariants of a phrase or pattern.
func checkElems(t *testing.T, elems []Elem, groups int) {
	t.Helper()
	for _, e := range elems {
		if e.Col < 1 || e.Group < 0 || e.Group > groups {
			t.Fatalf("bad element %+v (%d groups)", e, groups)
		}
		if (e.Kind == ElemWord || e.Kind == ElemSynset) && e.Word == "" {
			t.Fatalf("empty word in %+v", e)
		}
	}
}

// mergeBase holds the dictionaries FuzzReadVerbs merges its input onto,
// one per syntax: a synset, a block with a code and patterns, a block
// without a code and, in PETRARCH-2, a transformation, all of which a
// later file may refer to or extend.
var mergeBase = map[Syntax]string{
	SyntaxTABARI:    text("&A", "+X Y_", "--- V [010] ---", "V {VS VED}", "- * &A [011]", "- $ * + [012]", "--- W ---", "W"),
	SyntaxPETRARCH2: text("&A", "+X Y_", "--- V [010] ---", "V {VS VED}", "- * &A [011]", "- * (FOR &A) [012]", "--- W ---", "W", "~ a (a b V) W = a b 013"),
}

func FuzzReadVerbs(f *testing.F) {
	addSeeds(f, "PETR.Validate.verbs.txt",
		text("&A_", "+&B", "&B", "+X Y_", "--- V [010] ---", "V {VS VED}", "- $ IN_* &A_Z + [011:012] # c"),
		text("--- V ---", "+W_+X {+WS_X}", "- * (FOR {FINANCIAL AID}) $ [:01]", "~ a (a b X) Y = a b Q"),
		text("--- W [020] ---", "W {WS WED}", "V", "- * &A [011]", "- * &A [014]", "&A", "+Z", "~ a (a b V) W = a b 013"),
		"<!-- x\n-- * [\n")
	f.Fuzz(func(t *testing.T, in string) {
		for _, syn := range []Syntax{SyntaxTABARI, SyntaxPETRARCH2} {
			vd, errs := ReadVerbs(strings.NewReader(in), "f", Options{Syntax: syn})
			svd, serrs := ReadVerbs(strings.NewReader(in), "f", Options{Syntax: syn, Strict: true})
			checkErrs(t, in, errs, serrs, svd == nil)
			if vd == nil {
				t.Fatal("lenient read returned nil")
			}
			checkVerbDict(t, vd, "f")
			Check(&Set{Verbs: vd})

			// The input merged onto a fixed dictionary, and onto itself:
			// the same located errors (the base has none), and the merged
			// dictionary keeps every invariant and the file of every entry.
			fsys := fstest.MapFS{"base": {Data: []byte(mergeBase[syn])}, "f": {Data: []byte(in)}, "g": {Data: []byte(in)}}
			for _, files := range [][2]string{{"base", "f"}, {"f", "g"}} {
				o := LoadOptions{FS: fsys, Verbs: files[0], MoreVerbs: files[1:], Options: Options{Syntax: syn}}
				set, errs := Load(o)
				o.Strict = true
				sset, serrs := Load(o)
				checkErrs(t, in, errs, serrs, sset == nil)
				if set == nil || set.Verbs == nil {
					t.Fatal("lenient merge returned nil")
				}
				checkVerbDict(t, set.Verbs, files[:]...)
				eq(t, "paths", set.Verbs.Paths, files[:])
				Check(set)
			}
		}
	})
}

// checkVerbDict verifies the invariants of a (possibly merged) verb
// dictionary: resolved synset references, valid form heads, one verb per
// pattern, and a Path among paths on every entry.
func checkVerbDict(t *testing.T, vd *VerbDict, paths ...string) {
	t.Helper()
	inPaths := func(what, p string) {
		for _, q := range paths {
			if p == q {
				return
			}
		}
		t.Fatalf("%s has path %q, want one of %v", what, p, paths)
	}
	for _, s := range vd.Synsets {
		inPaths("synset "+s.Name, s.Path)
		for _, p := range s.Phrases {
			checkElems(t, p.Elems, 0)
			for _, e := range p.Elems {
				if e.Kind == ElemSynset && vd.Synsets[e.Word] == nil {
					t.Fatalf("synset %s refers to unknown &%s", s.Name, e.Word)
				}
			}
		}
	}
	names := map[string]bool{}
	for _, b := range vd.Blocks {
		inPaths("block "+b.Name, b.Path)
		if names[b.Name] && len(paths) > 1 && b.Path != paths[0] {
			t.Fatalf("block %s of a later file was not merged into the earlier one", b.Name)
		}
		names[b.Name] = true
		for _, v := range b.Verbs {
			inPaths("verb "+v.Text, v.Path)
			for _, fm := range v.Forms {
				if fm.Head < 0 || fm.Head >= len(fm.Words) {
					t.Fatalf("verb %q form %v head %d", v.Text, fm.Words, fm.Head)
				}
			}
		}
		for _, p := range b.Patterns {
			inPaths("pattern "+p.Text, p.Path)
			checkElems(t, p.Elems, len(p.Groups))
			verbs := 0
			for _, e := range p.Elems {
				if e.Kind == ElemVerb {
					verbs++
				}
				if e.Kind == ElemSynset && vd.Synsets[e.Word] == nil {
					t.Fatalf("pattern line %d refers to unknown &%s", p.Line, e.Word)
				}
			}
			if verbs != 1 {
				t.Fatalf("pattern line %d has %d verbs", p.Line, verbs)
			}
		}
	}
	for _, x := range vd.Transforms {
		inPaths("transformation "+x.Text, x.Path)
	}
}

func FuzzReadActors(f *testing.F) {
	addSeeds(f, "PETR.Validate.actors.txt",
		text("A_B C [X] [Y 950101-960101]; c", "+D", "\t[Z <20010101] [W > 990101]", "  \tE [F]"),
		"[X]\n+Y\n\t[Z]\n")
	f.Fuzz(func(t *testing.T, in string) {
		as, errs := ReadActors(strings.NewReader(in), "f", Options{})
		sas, serrs := ReadActors(strings.NewReader(in), "f", Options{Strict: true})
		checkErrs(t, in, errs, serrs, sas == nil)
		for _, a := range as {
			if len(a.Phrases) == 0 || a.Root == "" {
				t.Fatalf("actor without phrase: %+v", a)
			}
			for _, p := range a.Phrases {
				checkElems(t, p.Elems, 0)
			}
			for _, c := range a.Codes {
				if c.Code == "" || c.Line < a.Line {
					t.Fatalf("bad code %+v", c)
				}
			}
			a.CodeAt(20000101)
		}
		Check(&Set{Actors: as})
	})
}

func FuzzReadAgents(f *testing.F) {
	addSeeds(f, "PETR.Validate.agents.txt",
		text("!P! = A, B", "X!P!_!P! {} [~C]", "Y {YS} [C~]", "Z [~C}"),
		"!A! = !A!\nX!A! [~B]\n")
	f.Fuzz(func(t *testing.T, in string) {
		d, errs := ReadAgents(strings.NewReader(in), "f", Options{})
		sd, serrs := ReadAgents(strings.NewReader(in), "f", Options{Strict: true})
		checkErrs(t, in, errs, serrs, sd == nil)
		for _, a := range d.Agents {
			if a.Code == "" || len(a.Phrases) == 0 {
				t.Fatalf("bad agent %+v", a)
			}
			for _, p := range a.Phrases {
				checkElems(t, p.Elems, 0)
			}
		}
		Check(&Set{Agents: d.Agents})
	})
}

func FuzzReadDiscards(f *testing.F) {
	addSeeds(f, "PETR.Validate.discards.txt", "+ A_B C_\n", "+\n_\n")
	f.Fuzz(func(t *testing.T, in string) {
		ds, errs := ReadDiscards(strings.NewReader(in), "f", Options{})
		sds, serrs := ReadDiscards(strings.NewReader(in), "f", Options{Strict: true})
		checkErrs(t, in, errs, serrs, sds == nil)
		for _, d := range ds {
			if len(d.Words) == 0 {
				t.Fatalf("empty discard %+v", d)
			}
		}
		Check(&Set{Discards: ds})
	})
}

func FuzzReadIssues(f *testing.F) {
	f.Add(text(`<ISSUE CATEGORY="X" TYPE="ALL">`, "pre+n:school v:go [A]", "~~x", "m:y", "</ISSUE>", "</ISSUE>"))
	f.Add("a+b+c+d+e+f+g+h+i+j+k+l n:a n:b n:c [X]\n")
	if b, err := readEmbedded("Phoenix.IssueCoding.txt"); err == nil {
		addChunks(f, b[:8000])
	}
	f.Fuzz(func(t *testing.T, in string) {
		is, errs := ReadIssues(strings.NewReader(in), "f", Options{})
		sis, serrs := ReadIssues(strings.NewReader(in), "f", Options{Strict: true})
		checkErrs(t, in, errs, serrs, sis == nil)
		for _, e := range is {
			if len(e.Phrases) == 0 || len(e.Phrases) > maxExpansions {
				t.Fatalf("entry with %d phrases", len(e.Phrases))
			}
			if !e.Ignore && e.Code == "" {
				t.Fatalf("entry without code %+v", e)
			}
		}
		Check(&Set{Issues: is})
	})
}
