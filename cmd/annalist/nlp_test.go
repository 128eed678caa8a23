package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
	"github.com/annalist/annalist/parse"
)

// ewtHead writes the first n sentences of the EWT test split to path.
func ewtHead(tb testing.TB, n int, path string) {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "ud", "en_ewt-ud-test.conllu"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := conllu.NewReader(bufio.NewReader(f), "test")
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		s, err := r.Read()
		if err != nil {
			tb.Fatal(err)
		}
		if err := conllu.Write(&buf, s); err != nil {
			tb.Fatal(err)
		}
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
}

func runCmd(tb testing.TB, c func(*env) command, args ...string) (string, string, error) {
	tb.Helper()
	var out, errb bytes.Buffer
	err := c(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}).Run(context.Background(), args)
	return out.String(), errb.String(), err
}

func TestNLPEval(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.conllu")
	ewtHead(t, 200, path)
	for _, args := range [][]string{{"eval", path}, {"eval", "--gold-tags", path}, {"eval", path, "--gold-tags"}} {
		out, _, err := runCmd(t, newNLPCmd, args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		re := regexp.MustCompile(`^xpos_accuracy: (0\.\d{4}|1\.0000)\nuas: (0\.\d{4}|1\.0000)\nlas: (0\.\d{4}|1\.0000)\n$`)
		m := re.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("%v: output %q", args, out)
		}
		acc, _ := strconv.ParseFloat(m[1], 64)
		uas, _ := strconv.ParseFloat(m[2], 64)
		las, _ := strconv.ParseFloat(m[3], 64)
		if acc < 0.9 || uas < 0.8 || las < 0.75 || las > uas {
			t.Errorf("%v: implausible scores %q", args, out)
		}
	}
}

func TestNLPErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"score"}, {"eval"}, {"eval", "a", "b"}, {"eval", "--bogus", "a"}} {
		_, _, err := runCmd(t, newNLPCmd, args...)
		if err == nil || annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("%v: err = %v, want EINVALID", args, err)
		}
	}
	_, _, err := runCmd(t, newNLPCmd, "eval", filepath.Join(t.TempDir(), "missing.conllu"))
	if annalist.ErrorCode(err) != annalist.ENOTFOUND {
		t.Errorf("missing file: err = %v", err)
	}
	if _, _, err := runCmd(t, newNLPCmd, "eval", "-h"); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: err = %v", err)
	}
}

func TestTrainParserTiny(t *testing.T) {
	dir := t.TempDir()
	ewtHead(t, 60, filepath.Join(dir, "tiny-ud-train.conllu"))
	ewtHead(t, 10, filepath.Join(dir, "tiny-ud-dev.conllu"))
	out := filepath.Join(dir, "p.bin.gz")
	stdout, _, err := runCmd(t, newTrainCmd, "parser", "--treebank", dir, "--out", out, "--epochs", "1", "--gold-tags")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^dev \(gold tags\) uas: 0\.\d{4} las: 0\.\d{4} las_full: 0\.\d{4}\nwrote .*p\.bin\.gz\nelapsed: `).MatchString(stdout) {
		t.Errorf("stdout = %q", stdout)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := parse.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Labels()) < 10 {
		t.Errorf("model knows %d labels", len(m.Labels()))
	}
}

func TestTrainTaggerTiny(t *testing.T) {
	dir := t.TempDir()
	ewtHead(t, 60, filepath.Join(dir, "tiny-ud-train.conllu"))
	ewtHead(t, 10, filepath.Join(dir, "tiny-ud-dev.conllu"))
	out := filepath.Join(dir, "t.tagger")
	stdout, _, err := runCmd(t, newTrainCmd, "tagger", "--treebank", dir, "--out", out, "--epochs", "1")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^dev xpos_accuracy: 0\.\d{4}\nwrote .*t\.tagger\nelapsed: `).MatchString(stdout) {
		t.Errorf("stdout = %q", stdout)
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Errorf("model file: %v", err)
	}
}

func TestTrainTaggerWithDev(t *testing.T) {
	dir := t.TempDir()
	ewtHead(t, 60, filepath.Join(dir, "tiny-ud-train.conllu"))
	ewtHead(t, 10, filepath.Join(dir, "tiny-ud-dev.conllu"))
	out := filepath.Join(dir, "t.tagger")
	stdout, _, err := runCmd(t, newTrainCmd, "tagger", "--treebank", dir, "--out", out, "--epochs", "1", "--with-dev")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^dev xpos_accuracy: n/a \(dev was trained on\)\nwrote .*t\.tagger\nelapsed: `).MatchString(stdout) {
		t.Errorf("stdout = %q", stdout)
	}
	for _, args := range [][]string{
		{"tagger", "--treebank", dir, "--out", out, "--with-dev"},                  // no epochs to run
		{"parser", "--treebank", dir, "--out", out, "--with-dev", "--epochs", "1"}, // parser selects on dev
	} {
		if _, _, err := runCmd(t, newTrainCmd, args...); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("%v: err = %v, want EINVALID", args, err)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	dir := t.TempDir()
	cases := [][]string{
		{"--treebank", dir},                  // no kind
		{"lexicon", "--treebank", dir},       // bad kind
		{"parser"},                           // no treebank
		{"parser", "--treebank", dir},        // no files
		{"parser", "--treebank", dir, "xyz"}, // stray argument
	}
	for _, args := range cases {
		_, _, err := runCmd(t, newTrainCmd, args...)
		if err == nil || annalist.ErrorCode(err) == annalist.EINTERNAL {
			t.Errorf("%v: err = %v, want a user error", args, err)
		}
	}
}
