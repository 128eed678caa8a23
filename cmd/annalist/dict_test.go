package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// runDict runs "annalist dict" with args and returns stdout, stderr, the
// error and the exit status main would use.
func runDict(tb testing.TB, args ...string) (string, string, error, int) {
	tb.Helper()
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb}
	err := newDictCmd(e).Run(context.Background(), args)
	var status bytes.Buffer
	code := exitStatus(&status, err)
	return out.String(), errb.String(), err, code
}

func dictWriteFiles(tb testing.TB, files map[string]string) string {
	tb.Helper()
	dir := tb.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestDictCheckProblems(t *testing.T) {
	dir := dictWriteFiles(t, map[string]string{
		"x.verbs":   "--- V [010] ---\nV\n- * [011\n- * X [012]\n- * X [013]\n",
		"x.actors":  "A [AAA]\n\t[BBB 2010]\nB [BBB]\n+A\n",
		"LICENSE":   "not a dictionary\n",
		"notes.txt": "ignored in a directory\n",
	})
	out, _, err, code := runDict(t, "check", dir)
	want := strings.Join([]string{
		dir + "/x.actors:2:7: date restriction without <, > or -: \"2010\"",
		dir + "/x.actors:4:1: error: phrase A has codes [BBB] here and [AAA] at 1 (conflict)",
		dir + "/x.verbs:3:5: unbalanced [: missing ]",
		dir + "/x.verbs:5:1: error: pattern \"* X [013]\" has code [013] here and [012] on line 4 (conflict)",
		"",
		"verbs     " + dir + "/x.verbs (tabari): 1 block, 1 verb (4 forms), 2 patterns, 0 synsets (0 phrases), 0 transformations",
		"actors    1 file: 2 actors, 3 phrases, 2 codes",
		"2 syntax errors, 2 lint errors, 0 warnings in 2 files",
		"",
	}, "\n")
	if out != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, want)
	}
	if annalist.ErrorCode(err) != annalist.EINVALID || code != 1 {
		t.Errorf("err %v, exit %d; want EINVALID, 1", err, code)
	}
	if err.Error() != "dict check: 2 syntax errors, 2 lint errors" {
		t.Errorf("error message %q", err)
	}
}

func TestDictCheckWarningsOnly(t *testing.T) {
	dir := dictWriteFiles(t, map[string]string{"list.discards": "BASEBALL\nBASEBALL\n"})
	p := filepath.Join(dir, "list.discards")
	out, _, err, code := runDict(t, "check", p)
	want := p + ":2:1: warning: discard BASEBALL repeats line 1 (duplicate)\n\ndiscards  1 file: 2 discards\n0 syntax errors, 0 lint errors, 1 warning in 1 file\n"
	if out != want || err != nil || code != 0 {
		t.Errorf("got %q, %v, %d; want %q, nil, 0", out, err, code, want)
	}
	// --warnings=false hides them but still counts them; flags may follow paths.
	out, _, err, _ = runDict(t, "check", p, "--warnings=false")
	if want := "\ndiscards  1 file: 2 discards\n0 syntax errors, 0 lint errors, 1 warning in 1 file\n"; out != want || err != nil {
		t.Errorf("--warnings=false: %q, %v", out, err)
	}
}

func TestDictCheckStrict(t *testing.T) {
	dir := dictWriteFiles(t, map[string]string{"a.actors": "A [AAA]\n\t[BBB 2010]\n\t[CCC 20]\nB [BBB]\n"})
	out, _, err, code := runDict(t, "check", "--strict-dicts", filepath.Join(dir, "a.actors"))
	first := filepath.Join(dir, "a.actors") + ":2:7: date restriction without <, > or -: \"2010\"\n"
	if !strings.HasPrefix(out, first) || strings.Contains(out, ":3:") || code != 1 || err == nil {
		t.Errorf("strict: %q, %v, %d", out, err, code)
	}
	if !strings.Contains(out, "1 syntax error, 0 lint errors") {
		t.Errorf("strict summary: %q", out)
	}
}

func TestDictCheckSniffAndKind(t *testing.T) {
	dir := dictWriteFiles(t, map[string]string{
		"mystery.txt": "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\n",
		"plain.txt":   "A [AAA]\n",
	})
	out, _, err, _ := runDict(t, "check", filepath.Join(dir, "mystery.txt"))
	if err != nil || !strings.Contains(out, "agents    1 file: 1 agent, 2 phrases, 1 substitution set\n") {
		t.Errorf("sniffed agents: %q, %v", out, err)
	}
	// plain.txt would sniff as actors; --kind overrides.
	out, _, err, _ = runDict(t, "check", "--kind", "discards", filepath.Join(dir, "plain.txt"))
	if err == nil || !strings.Contains(out, "unexpected '['") || !strings.Contains(out, "discards  1 file") {
		t.Errorf("--kind discards: %q, %v", out, err)
	}
}

func TestDictCheckValidationSuite(t *testing.T) {
	out, _, err, code := runDict(t, "check", "--warnings=false", "../../testdata/petrarch")
	tail := strings.Join([]string{
		"verbs     ../../testdata/petrarch/PETR.Validate.verbs.txt (tabari): 261 blocks, 269 verbs (1071 forms), 474 patterns, 17 synsets (104 phrases), 0 transformations",
		"actors    1 file: 128 actors, 161 phrases, 138 codes",
		"agents    1 file: 88 agents, 165 phrases, 2 substitution sets",
		"discards  1 file: 9 discards",
		"3 syntax errors, 5 lint errors, 17 warnings in 4 files",
		"",
	}, "\n")
	if !strings.HasSuffix(out, tail) || code != 1 || err == nil {
		t.Errorf("got %q (exit %d)\nwant suffix %q", out, code, tail)
	}
	if n := strings.Count(out, "\n"); n != 3+5+1+5 {
		t.Errorf("%d lines, want 14:\n%s", n, out)
	}
}

func TestDictCheckDefaultSet(t *testing.T) {
	out, _, err, code := runDict(t, "check", "--warnings=false")
	for _, line := range []string{
		"verbs     CAMEO.verbpatterns.150430.txt (tabari): 396 blocks, 1860 verbs",
		"verbs     CAMEO.2.0.txt (petrarch2): 397 blocks, 1817 verbs",
		"actors    3 files: 27252 actors,",
		"agents    1 file: 2244 agents,",
		"discards  1 file: 506 discards",
		"issues    1 file: 3169 entries,",
		// 9 + 5 (actors) + 2 (agents) + 7 (issues) + 5 + 9 (verbs): see dict's TestShippedCounts.
		"37 syntax errors,",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("default set: missing %q in\n%s", line, out[max(0, len(out)-1500):])
		}
	}
	if code != 1 || err == nil {
		t.Errorf("default set has known errors; exit %d, %v", code, err)
	}
}

func TestDictUsage(t *testing.T) {
	_, stderr, err, code := runDict(t)
	if annalist.ErrorCode(err) != annalist.EINVALID || code != 1 || !strings.Contains(stderr, "Usage: annalist dict check") {
		t.Errorf("no args: %v, %d, %q", err, code, stderr)
	}
	_, _, err, code = runDict(t, "-h")
	if !errors.Is(err, flag.ErrHelp) || code != 0 {
		t.Errorf("-h: %v, %d", err, code)
	}
	_, _, err, code = runDict(t, "check", "-h")
	if !errors.Is(err, flag.ErrHelp) || code != 0 {
		t.Errorf("check -h: %v, %d", err, code)
	}
	_, _, err, _ = runDict(t, "check", "--syntax", "klingon")
	if err == nil || !strings.Contains(err.Error(), "unknown --syntax") {
		t.Errorf("bad syntax: %v", err)
	}
	_, _, err, _ = runDict(t, "check", "--kind", "poems")
	if err == nil || !strings.Contains(err.Error(), "unknown --kind") {
		t.Errorf("bad kind: %v", err)
	}
	_, _, err, code = runDict(t, "check", filepath.Join(t.TempDir(), "missing.actors"))
	if annalist.ErrorCode(err) != annalist.ENOTFOUND || code != 1 {
		t.Errorf("missing file: %v, %d", err, code)
	}
	c := newDictCmd(&env{stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}})
	if c.Name() != "dict" || !strings.Contains(c.Synopsis(), "dict check") {
		t.Errorf("name %q synopsis %q", c.Name(), c.Synopsis())
	}
}
