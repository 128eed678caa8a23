package dict

import (
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// update rewrites golden files: go test ./dict -run Golden -update
var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// validateDir holds PETRARCH's validation-suite dictionaries.
const validateDir = "../testdata/petrarch"

// Element constructors for expected values: w is a word, s a synset
// reference; the "c" variants are Consecutive (joined to the next by '_').
func w(word string, col int) Elem { return Elem{Kind: ElemWord, Word: word, Col: col} }
func wc(word string, col int) Elem {
	return Elem{Kind: ElemWord, Word: word, Col: col, Consecutive: true}
}
func s(name string, col int) Elem { return Elem{Kind: ElemSynset, Word: name, Col: col} }
func sc(name string, col int) Elem {
	return Elem{Kind: ElemSynset, Word: name, Col: col, Consecutive: true}
}
func tok(k ElemKind, col int) Elem  { return Elem{Kind: k, Col: col} }
func tokc(k ElemKind, col int) Elem { return Elem{Kind: k, Col: col, Consecutive: true} }

// role returns e with a PETRARCH-2 role and group.
func role(e Elem, r Role, group int) Elem { e.Role, e.Group = r, group; return e }

// errStrings renders errors as "path:line:col: message" and checks that
// each is an *annalist.Error with a position.
func errStrings(tb testing.TB, errs []error) []string {
	tb.Helper()
	var out []string
	for _, err := range errs {
		var ae *annalist.Error
		if !errors.As(err, &ae) {
			tb.Errorf("error %v is %T, want *annalist.Error", err, err)
		} else if ae.Pos == nil || ae.Pos.Line < 1 {
			tb.Errorf("error %v has no line", err)
		}
		out = append(out, err.Error())
	}
	return out
}

// eq fails the test with both values as JSON when got != want.
func eq(tb testing.TB, what string, got, want any) {
	tb.Helper()
	if !reflect.DeepEqual(got, want) {
		g, _ := json.MarshalIndent(got, "", " ")
		w, _ := json.MarshalIndent(want, "", " ")
		tb.Errorf("%s:\n got %s\nwant %s", what, g, w)
	}
}

// text joins lines with '\n', so test inputs can show one entry per line.
func text(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// openValidate opens a validation-suite dictionary.
func openValidate(tb testing.TB, name string) *os.File {
	tb.Helper()
	f, err := os.Open(filepath.Join(validateDir, name))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// golden compares got with testdata/name, rewriting it under -update.
func golden(tb testing.TB, name string, got []byte) {
	tb.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		tb.Fatalf("%v (run go test ./dict -run Golden -update to create it)", err)
	}
	if string(got) != string(want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				tb.Fatalf("%s differs at line %d:\n got %q\nwant %q\n(run go test ./dict -run Golden -update if the change is intended)", p, i+1, g, w)
			}
		}
	}
}

// readEmbedded returns an embedded default file as a string.
func readEmbedded(name string) (string, error) {
	b, err := fs.ReadFile(DefaultFS(), name)
	return string(b), err
}

// withPath returns expected verb-dictionary values (a synset map, a block
// list or a transformation list) with every empty Path set to path, as the
// reader sets it on everything it reads, so that literals need not repeat it.
func withPath[T map[string]*Synset | []*Block | []Transform](path string, v T) T {
	set := func(p *string) {
		if *p == "" {
			*p = path
		}
	}
	switch x := any(v).(type) {
	case map[string]*Synset:
		for _, s := range x {
			set(&s.Path)
		}
	case []*Block:
		for _, b := range x {
			set(&b.Path)
			for i := range b.Verbs {
				set(&b.Verbs[i].Path)
			}
			for i := range b.Patterns {
				set(&b.Patterns[i].Path)
			}
		}
	case []Transform:
		for i := range x {
			set(&x[i].Path)
		}
	}
	return v
}
