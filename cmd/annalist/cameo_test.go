package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/cameo"
)

// runCameo runs the cameo command with args and returns stdout, stderr and the error.
func runCameo(tb testing.TB, args ...string) (string, string, error) {
	tb.Helper()
	var out, errb bytes.Buffer
	c := newCameoCmd(&env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb})
	err := c.Run(context.Background(), args)
	return out.String(), errb.String(), err
}

func TestCameoLookupText(t *testing.T) {
	out, _, err := runCameo(t, "0312", "14", "016")
	if err != nil {
		t.Fatal(err)
	}
	want := `0312  Express intent to cooperate militarily
  root:        03 EXPRESS INTENT TO COOPERATE
  parent:      031 Express intent to engage in material cooperation
  Goldstein:   5.2
  QuadClass:   1 (verbal cooperation)
  PLOVER:      AGREE (mode: -; context: military)
  description: Offer, promise, agree to, or otherwise indicate willingness or
               commitment to engage in or expand military ties.
  usage notes: This event form refers to agreements, promises, commitments, or
               other indications of intent to develop or expand military
               relations by engaging in such acts as joint military maneuvers
               or exercises. Offers, promises, or commitments by one actor to
               provide military aid to another should be coded as 0332 instead.
  example:     Jordan and Britain have agreed to undertake joint military
               exercises this month, a Jordanian official confirmed. Note: Two
               reciprocal events are coded with actors reversed.

14  PROTEST
  root:        14 PROTEST
  Goldstein:   -6.5
  QuadClass:   4 (material conflict)
  PLOVER:      PROTEST (mode: -; context: -)

016  Deny responsibility
  root:        01 MAKE PUBLIC STATEMENT
  Goldstein:   -2
  QuadClass:   0 (neutral)
  PLOVER:      none (PLOVER drops CAMEO roots 01 and 02)
  description: Discard or deny accusations or charges.
  usage notes: This event form is a verbal act. The target for this event type
               is the party that introduces some accusation or charge against
               the source actor who denies responsibility.
  example:     The government of Liberia denied on Thursday charges by Ivory
               Coast that Monrovia is committing genocide.
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
	out, _, err = runCameo(t, "094")
	if err != nil || !strings.Contains(out, "  PLOVER:      ACCUSE (mode: investigate; context: military, legal)\n") {
		t.Errorf("094: %v\n%s", err, out)
	}
}

func TestCameoLookupJSON(t *testing.T) {
	out, _, err := runCameo(t, "--json", "1721", "064")
	if err != nil {
		t.Fatal(err)
	}
	var got []cameo.Entry
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	cb, err := cameo.Default()
	if err != nil {
		t.Fatal(err)
	}
	for i, code := range []string{"1721", "064"} {
		want, _ := cb.Entry(code)
		if i >= len(got) || got[i] != want {
			t.Errorf("entry %d = %+v, want %+v", i, got, want)
		}
	}
	if !strings.Contains(out, `"plover_mode": "restrict"`) || !strings.Contains(out, `"quad_class": 4`) {
		t.Errorf("JSON field names:\n%s", out)
	}
}

func TestCameoUnknownCode(t *testing.T) {
	out, _, err := runCameo(t, "1010", "064", "174K")
	if annalist.ErrorCode(err) != annalist.ENOTFOUND {
		t.Fatalf("err = %v, want ENOTFOUND", err)
	}
	want := `cameo: no CAMEO code "1010" in the codebook (nearest ancestor: 101 "Demand material cooperation"); no CAMEO code "174K" in the codebook`
	if err.Error() != want {
		t.Errorf("err = %q\nwant %q", err, want)
	}
	if !strings.HasPrefix(out, "064  Share intelligence or information\n") {
		t.Errorf("the known code should still be printed:\n%s", out)
	}
	var stderr bytes.Buffer
	if code := exitStatus(&stderr, err); code != 1 || stderr.String() != "annalist: "+want+"\n" {
		t.Errorf("exit status %d, stderr %q", code, stderr.String())
	}
}

func TestCameoSearch(t *testing.T) {
	out, _, err := runCameo(t, "search", "military", "aid")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out, "\n")
	want := []string{
		"072   Provide military aid                        8.3",
		"1032  Demand military aid                         -5",
		"0232  Appeal for military aid                     3.4",
	}
	for i, w := range want {
		if i >= len(lines) || lines[i] != w {
			t.Errorf("line %d = %q, want %q", i, lines[i], w)
		}
	}
	// Flags after "search", and JSON.
	out, _, err = runCameo(t, "search", "--json", "hunger", "strike")
	if err != nil {
		t.Fatal(err)
	}
	var got []cameo.Entry
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) == 0 || got[0].Code != "142" {
		t.Errorf("search --json: %v %+v", err, got)
	}
	out, _, err = runCameo(t, "search", "zzzzqq")
	if annalist.ErrorCode(err) != annalist.ENOTFOUND || out != "" {
		t.Errorf("no match: err = %v, out %q", err, out)
	}
	out, _, err = runCameo(t, "--json", "search", "zzzzqq")
	if annalist.ErrorCode(err) != annalist.ENOTFOUND || out != "[]\n" {
		t.Errorf("no match, JSON: err = %v, out %q", err, out)
	}
}

func TestCameoUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		code string
	}{
		{nil, annalist.EINVALID},
		{[]string{"search"}, annalist.EINVALID},
		{[]string{"--nope", "01"}, annalist.EINVALID},
		{[]string{"search", "--nope", "x"}, annalist.EINVALID},
		{[]string{"--codes", "/nonexistent/codes.csv", "01"}, annalist.ENOTFOUND},
	}
	for _, tt := range tests {
		_, _, err := runCameo(t, tt.args...)
		if annalist.ErrorCode(err) != tt.code {
			t.Errorf("%q: err = %v, want code %s", tt.args, err, tt.code)
		}
		if code := exitStatus(&bytes.Buffer{}, err); code != 1 {
			t.Errorf("%q: exit status %d, want 1", tt.args, code)
		}
	}
	_, stderr, err := runCameo(t, "-h")
	if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "annalist cameo search [flags] WORDS...") {
		t.Errorf("-h: err = %v, stderr:\n%s", err, stderr)
	}
}

func TestCameoOverrideFiles(t *testing.T) {
	dir := t.TempDir()
	codes := filepath.Join(dir, "codes.csv")
	data := "code,name,goldstein,description\n01,STATEMENT,0,NA\n010,Say something,0.5,Speak.\n"
	if err := os.WriteFile(codes, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runCameo(t, "--codes", codes, "--plover", "-", "--goldstein", "-", "010")
	if err != nil {
		t.Fatal(err)
	}
	want := "010  Say something\n  root:        01 STATEMENT\n  Goldstein:   0.5\n  QuadClass:   0 (neutral)\n" +
		"  PLOVER:      none (PLOVER drops CAMEO roots 01 and 02)\n  description: Speak.\n"
	if out != want {
		t.Errorf("output %q, want %q", out, want)
	}
	// The embedded overrides name codes this file lacks: a located error.
	_, _, err = runCameo(t, "--codes", codes, "010")
	if annalist.ErrorCode(err) != annalist.EINVALID || !strings.HasPrefix(err.Error(), "data/goldstein.txt:10:1: ") {
		t.Errorf("err = %v", err)
	}
}
