package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/store/sqlite"
	"github.com/annalist/annalist/store/storetest"
)

func runExport(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	err := newExportCmd(e).Run(context.Background(), args)
	return out.String(), errb.String(), err
}

func TestExport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range storetest.Handmade() {
		if err := st.Put(context.Background(), c); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()

	// Filters select and order as the store does (see storetest.Handmade).
	for _, tc := range []struct {
		args []string
		want []string // doc_id:sentence_index of each event, in order
	}{
		{nil, []string{"h2:2", "h1:1", "h0:1", "h0:3", "h0:3", "h1:0", "h1:1", "h2:0", "h2:2", "h0:0"}},
		{[]string{"--actor", "CHN"}, []string{"h2:2", "h0:3", "h0:3", "h1:0", "h1:1"}},
		{[]string{"--source", "CHN", "--quad", "4"}, []string{"h1:1"}},
		{[]string{"--target", "CHN", "--from", "2020-01-01"}, []string{"h0:3", "h0:3"}},
		{[]string{"--country", "FRA"}, []string{"h2:0"}},
		{[]string{"--root", "03", "--to", "2020-01-31"}, []string{"h0:3", "h0:3", "h1:0"}},
		{[]string{"--code", "031"}, []string{"h2:2", "h0:0"}},
		{[]string{"--plover", "ASSAULT"}, []string{"h1:1", "h2:2"}},
		{[]string{"--q", "paris"}, []string{"h2:2", "h2:0", "h2:2"}},
		{[]string{"--doc", "h1"}, []string{"h1:1", "h1:0", "h1:1"}},
		{[]string{"--quad", "0"}, nil},
	} {
		out, _, err := runExport(t, append([]string{"--db", db}, tc.args...)...)
		if err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		var got []string
		dec := json.NewDecoder(strings.NewReader(out))
		for dec.More() {
			var ev annalist.Event
			if err := dec.Decode(&ev); err != nil {
				t.Fatal(err)
			}
			got = append(got, ev.DocID+":"+strconv.Itoa(ev.SentenceIndex))
		}
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("export %v:\n got %v\nwant %v", tc.args, got, tc.want)
		}
	}

	// Every format writes one row per event with its documented columns,
	// with the article's URL and publisher where the format has them.
	for _, tc := range []struct {
		format string
		header bool
		cols   int
		sep    string
	}{
		{"csv", true, len(export.TSVHeader), ","},
		{"tsv", true, len(export.TSVHeader), "\t"},
		{"gdelt", false, len(export.GDELTColumns), "\t"},
		{"icews", true, len(export.ICEWSColumns), "\t"},
		{"phoenix", false, len(export.PhoenixColumns), "\t"},
		{"petrarch", false, 6, "\t"},
	} {
		out, _, err := runExport(t, "--db", db, "--format", tc.format, "--actor", "IND")
		if err != nil {
			t.Fatalf("%s: %v", tc.format, err)
		}
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if tc.header {
			lines = lines[1:]
		}
		if len(lines) != 6 {
			t.Errorf("%s: %d rows, want 6:\n%s", tc.format, len(lines), out)
		}
		for _, l := range lines {
			if tc.sep == "\t" && len(strings.Split(l, "\t")) != tc.cols {
				t.Errorf("%s: %d columns, want %d: %q", tc.format, len(strings.Split(l, "\t")), tc.cols, l)
			}
		}
		if tc.format == "gdelt" || tc.format == "phoenix" {
			if !strings.Contains(out, "https://example.org/h0") {
				t.Errorf("%s: no article URL:\n%s", tc.format, out)
			}
		}
		if tc.format == "icews" && (!strings.Contains(out, "\tHand\t") || !strings.Contains(out, "h0#3\t") || !strings.Contains(out, "\tIndia\t")) {
			t.Errorf("icews: publisher, event id or country name missing:\n%s", out)
		}
	}

	for _, args := range [][]string{{"--format", "documents"}, {"--from", "yesterday"}, {"--quad", "7"}, {"--root", "3"}, {"stray"}} {
		if _, _, err := runExport(t, append([]string{"--db", db}, args...)...); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("export %v: %v, want EINVALID", args, err)
		}
	}
}
