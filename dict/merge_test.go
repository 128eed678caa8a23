package dict

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annalist/annalist"
)

// mergeFS holds a base dictionary and a later file exercising every merge rule.
var mergeFS = fstest.MapFS{
	"base.txt": {Data: []byte(text(
		"&ARMS", //                              1
		"+GUN",
		"--- HELP [070] ---", //                 3
		"HELP",
		"ASSIST",
		"- * (WITH &ARMS) [072]", //             6
		"--- TALK ---",           //             7
		"TALK",
		"CHAT",
		"- * (WITH) [040]", //                  10
		"~ a (a b HELP) TALK = a b 030",
	))},
	"more.txt": {Data: []byte(text(
		"&ARMS", //                          1: redefinition, ignored
		"+RIFLE",
		"&TIES", //                          3
		"+RELATIONS",
		"--- HELP [071] ---",               //             5: same name, code kept
		"HELP {HELPS HELPED HELPING HOLP}", // known verb: one new form
		"AID",                              // new verb
		"- * (WITH &ARMS) [072]",           // 8: duplicate of base:6
		"- * (WITH &ARMS) [073]",           // 9: conflict with base:6
		"- * &TIES [0311]",                 // 10
		"--- CHAT [043] ---",               // 11: joins TALK through its verb; null code replaced
		"- * &ARMS [042]",                  // 12
		"--- URGE [025] ---",               // 13: new block
		"URGE",
		"- * &TIES [022]",
		"~ a (a b HELP) TALK = a b 030", // 16: duplicate transformation
		"~ a (a b HELP) TALK = a b 031", // 17: conflicting transformation
	))},
}

func TestLoadMerge(t *testing.T) {
	set, errs := Load(LoadOptions{FS: mergeFS, Verbs: "base.txt", MoreVerbs: []string{"more.txt"}, Options: Options{Syntax: SyntaxPETRARCH2}})
	eq(t, "errors", errStrings(t, errs), []string{
		"more.txt:1:1: synset &ARMS is already defined in base.txt:1; a later file cannot extend it, so its phrases are ignored",
	})
	vd := set.Verbs
	eq(t, "paths", vd.Paths, []string{"base.txt", "more.txt"})
	eq(t, "path", vd.Path, "base.txt")
	eq(t, "files", set.Files, []File{
		{Path: "base.txt", Kind: KindVerbs, Entries: 1 + 4 + 2 + 1},
		{Path: "more.txt", Kind: KindVerbs, Entries: 1 + 3 + 5 + 2},
	})
	eq(t, "synsets", vd.Synsets["ARMS"].Phrases[0].Words(), []string{"GUN"})
	eq(t, "synset paths", []string{vd.Synsets["ARMS"].Path, vd.Synsets["TIES"].Path}, []string{"base.txt", "more.txt"})

	type blockWant struct {
		name, path string
		line       int
		code       Code
		merged     []BlockHeader
		verbs      []string // lemma@path:line
		patterns   []string // text@path:line
	}
	var got []blockWant
	for _, b := range vd.Blocks {
		bw := blockWant{name: b.Name, path: b.Path, line: b.Line, code: b.Code, merged: b.Merged}
		for _, v := range b.Verbs {
			bw.verbs = append(bw.verbs, v.Lemma+"@"+v.Path+":"+strconv.Itoa(v.Line))
		}
		for _, p := range b.Patterns {
			bw.patterns = append(bw.patterns, squeeze(p.Text)+"@"+p.Path+":"+strconv.Itoa(p.Line))
		}
		got = append(got, bw)
	}
	eq(t, "blocks", got, []blockWant{
		{name: "HELP", path: "base.txt", line: 3, code: Code{Primary: "070"},
			merged: []BlockHeader{{Path: "more.txt", Line: 5, Code: Code{Primary: "071"}}},
			verbs:  []string{"HELP@base.txt:4", "ASSIST@base.txt:5", "AID@more.txt:7"},
			patterns: []string{"* (WITH &ARMS) [072]@base.txt:6", "* (WITH &ARMS) [072]@more.txt:8",
				"* (WITH &ARMS) [073]@more.txt:9", "* &TIES [0311]@more.txt:10"}},
		{name: "TALK", path: "base.txt", line: 7, code: Code{Primary: "043"},
			merged:   []BlockHeader{{Path: "more.txt", Line: 11, Code: Code{Primary: "043"}}},
			verbs:    []string{"TALK@base.txt:8", "CHAT@base.txt:9"},
			patterns: []string{"* (WITH) [040]@base.txt:10", "* &ARMS [042]@more.txt:12"}},
		{name: "URGE", path: "more.txt", line: 13, code: Code{Primary: "025"},
			verbs:    []string{"URGE@more.txt:14"},
			patterns: []string{"* &TIES [022]@more.txt:15"}},
	})
	var forms []string
	for _, f := range vd.Blocks[0].Verbs[0].Forms {
		forms = append(forms, f.Words[0])
	}
	eq(t, "forms of HELP (generated, then the one the later file adds)", forms, []string{"HELP", "HELPS", "HELPED", "HELPING", "HOLP"})
	var xs []string
	for _, x := range vd.Transforms {
		xs = append(xs, x.Text+"@"+x.Path+":"+strconv.Itoa(x.Line))
	}
	eq(t, "transforms", xs, []string{"a (a b HELP) TALK = a b 030@base.txt:11",
		"a (a b HELP) TALK = a b 030@more.txt:16", "a (a b HELP) TALK = a b 031@more.txt:17"})

	var findings []string
	for _, f := range Check(set) {
		findings = append(findings, f.String())
	}
	eq(t, "findings", findings, []string{
		"more.txt:5:1: warning: block HELP keeps code [070] from base.txt:3; the code [071] given here is ignored (block-code)",
		"more.txt:8:1: warning: pattern \"* (WITH &ARMS) [072]\" repeats base.txt:6 (duplicate)",
		"more.txt:9:1: error: pattern \"* (WITH &ARMS) [073]\" has code [073] here and [072] on base.txt:6 (conflict)",
		"more.txt:16:1: warning: transformation repeats base.txt:11 (duplicate)",
		"more.txt:17:1: error: transformation gives a b 031 here and a b 030 on base.txt:11, which wins (conflict)",
	})

	// Strict mode stops at the redefined synset: no set.
	set, errs = Load(LoadOptions{FS: mergeFS, Verbs: "base.txt", MoreVerbs: []string{"more.txt"}, Options: Options{Syntax: SyntaxPETRARCH2, Strict: true}})
	if set != nil || len(errs) != 1 {
		t.Errorf("strict merge: %v, %v", set, errs)
	}
	// Without a base file the first of MoreVerbs is the base.
	set, _ = Load(LoadOptions{FS: mergeFS, MoreVerbs: []string{"base.txt", "more.txt"}})
	eq(t, "MoreVerbs alone", set.Verbs.Paths, []string{"base.txt", "more.txt"})
}

// TestLoadDirMerge pins how a directory's verb files are ordered and
// chosen: CAMEO* files first, then the others, each in name order, all of
// one syntax.
func TestLoadDirMerge(t *testing.T) {
	p2 := func(block, code string) string {
		return text("--- "+block+" ["+code+"] ---", block, "- * (WITH) ["+code+"]")
	}
	cases := []struct {
		name  string
		files map[string]string
		opts  Options
		paths []string
		errs  []string // ECONFLICT messages, without the directory
	}{{
		name:  "base before supplements, whatever the names",
		files: map[string]string{"Annalist.verbs.txt": p2("B", "020"), "CAMEO.2.0.txt": p2("A", "010"), "zz.verbs": p2("C", "030")},
		paths: []string{"CAMEO.2.0.txt", "Annalist.verbs.txt", "zz.verbs"},
	}, {
		name:  "several supplements in name order",
		files: map[string]string{"b.verbs.txt": p2("B", "020"), "a.verbs.txt": p2("A", "010")},
		paths: []string{"a.verbs.txt", "b.verbs.txt"},
	}, {
		name: "mixed syntaxes: the first file's, the others left out",
		files: map[string]string{"CAMEO.2.0.txt": p2("A", "010"), "Annalist.verbs.txt": p2("B", "020"),
			"CAMEO.verbpatterns.txt": text("--- X [010] ---", "X", "- * Y [011]")},
		paths: []string{"CAMEO.2.0.txt", "Annalist.verbs.txt"},
		errs:  []string{"verb dictionaries of two syntaxes; using the petrarch2 ones (CAMEO.2.0.txt, Annalist.verbs.txt), leaving out CAMEO.verbpatterns.txt"},
	}, {
		name: "mixed syntaxes, one asked for",
		files: map[string]string{"CAMEO.2.0.txt": p2("A", "010"), "Annalist.verbs.txt": p2("B", "020"),
			"CAMEO.verbpatterns.txt": text("--- X [010] ---", "X", "- * Y [011]")},
		opts:  Options{Syntax: SyntaxTABARI},
		paths: []string{"CAMEO.verbpatterns.txt"},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			set, errs := LoadDir(dir, tc.opts)
			var msgs []string
			for _, err := range errs {
				if annalist.ErrorCode(err) != annalist.ECONFLICT {
					t.Errorf("unexpected error %v", err)
					continue
				}
				msgs = append(msgs, strings.TrimPrefix(err.Error(), dir+": "))
			}
			eq(t, "conflicts", msgs, tc.errs)
			var paths []string
			for _, p := range set.Verbs.Paths {
				paths = append(paths, filepath.Base(p))
			}
			eq(t, "verb files", paths, tc.paths)
		})
	}
}

// TestSupplement holds Annalist.verbs.txt to its rules: it reads without a
// problem, as PETRARCH-2 (so LoadDir merges it with CAMEO.2.0.txt), merged
// onto CAMEO.2.0.txt it draws no Check finding, every pattern's comment
// starts with the CAMEO code it gives (the codebook category it follows),
// and it adds the verbs it was written for.
func TestSupplement(t *testing.T) {
	data, err := readEmbedded(DefaultVerbsAnnalist)
	if err != nil {
		t.Fatal(err)
	}
	if syn := DetectVerbSyntax(data); syn != SyntaxPETRARCH2 {
		t.Errorf("%s reads as %v", DefaultVerbsAnnalist, syn)
	}
	set, errs := Load(DefaultOptions(SyntaxPETRARCH2))
	for _, err := range errs {
		if strings.HasPrefix(err.Error(), DefaultVerbsAnnalist) {
			t.Errorf("load: %v", err)
		}
	}
	for _, f := range Check(set) {
		if f.Pos.Path == DefaultVerbsAnnalist {
			t.Errorf("check: %v", f)
		}
	}
	patterns := 0
	for _, b := range set.Verbs.Blocks {
		for _, p := range b.Patterns {
			if p.Path != DefaultVerbsAnnalist {
				continue
			}
			patterns++
			if !strings.HasPrefix(p.Comment, p.Code.Primary+" ") {
				t.Errorf("%s:%d: comment %q does not start with the code %s", p.Path, p.Line, p.Comment, p.Code.Primary)
			}
		}
	}
	if patterns != 55 {
		t.Errorf("%d patterns from %s, want 55", patterns, DefaultVerbsAnnalist)
	}
	codeOf := map[string]string{}
	for _, b := range set.Verbs.Blocks {
		for _, v := range b.Verbs {
			if v.Path == DefaultVerbsAnnalist {
				codeOf[v.Lemma] = b.Name + " " + b.Code.String()
			}
		}
	}
	eq(t, "verbs added", codeOf, map[string]string{
		"URGE": "URGE [020]", "SANCTION": "SANCTION [163]", "IMPEACH": "IMPEACH [1121]",
		"BOLSTER": "STRENGTHEN [---]", "CEMENT": "STRENGTHEN [---]", "NORMALIZE": "NORMALIZE [---]", "NORMALISE": "NORMALIZE [---]",
	})
}
