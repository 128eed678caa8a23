package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/sqlite"
)

// TestMain lets the test binary run "annalist ingest" as a child process
// (ANNALIST_TEST_INGEST_CHILD=1, the arguments after the binary's name), so
// the kill -9 test has a real process to kill.
func TestMain(m *testing.M) {
	if os.Getenv("ANNALIST_TEST_INGEST_CHILD") == "1" {
		e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
		os.Exit(exitStatus(e.stderr, newIngestCmd(e).Run(context.Background(), os.Args[1:])))
	}
	os.Exit(m.Run())
}

const corpusPath = "../../testdata/corpus/wikinews-2019-2020.jsonl"

// corpusLines returns the first n lines of the Wikinews corpus (all if n < 0).
func corpusLines(t testing.TB, n int) []string {
	t.Helper()
	b, err := os.ReadFile(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if n >= 0 && n < len(lines) {
		lines = lines[:n]
	}
	return lines
}

func writeLines(t testing.TB, path string, lines []string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func runIngest(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &stderr}
	err := newIngestCmd(e).Run(context.Background(), args)
	return stderr.String(), err
}

var summaryRE = regexp.MustCompile(`ingest: (\d+) documents in [\d.]+s: (\d+) stored \((\d+) events\), (\d+) skipped unchanged, (\d+) failed`)

// summary reads the counts from ingest's last line: documents, stored, events, skipped, failed.
func summary(t *testing.T, out string) [5]int {
	t.Helper()
	m := summaryRE.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no summary in:\n%s", out)
	}
	var n [5]int
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	return n
}

func openDB(t *testing.T, path string) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestIngest(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "a.db")
	in := filepath.Join(dir, "in.jsonl")
	lines := corpusLines(t, 6)
	writeLines(t, in, append(append([]string{}, lines...), `{"id": "broken", "text": nope}`))

	out, err := runIngest(t, "--db", db, "--workers", "2", "--progress", "never", in)
	n := summary(t, out)
	if n[0] != 7 || n[1]+n[4] != 7 || n[3] != 0 {
		t.Errorf("first run: %v\n%s", n, out)
	}
	if !strings.Contains(out, "in.jsonl:7:") || annalist.ErrorCode(err) != annalist.EINVALID || !strings.Contains(err.Error(), "failed") {
		t.Errorf("the broken line is not reported with its position, or the run did not fail: %v\n%s", err, out)
	}
	stored, events := n[1], n[2]
	st := openDB(t, db)
	if d, e, _ := st.Stats(context.Background()); d != stored || e != events {
		t.Errorf("store holds %d docs %d events, summary says %d and %d", d, e, stored, events)
	}

	// Again: everything stored is skipped unchanged, nothing is coded twice.
	out, _ = runIngest(t, "--db", db, "--workers", "2", "--progress", "never", in)
	if n := summary(t, out); n[1] != 0 || n[3] != stored {
		t.Errorf("second run: %v, want 0 stored and %d skipped\n%s", n, stored, out)
	}
	// A changed article is coded again and replaces the stored one.
	var a map[string]any
	json.Unmarshal([]byte(lines[0]), &a)
	a["title"] = "A changed title"
	b, _ := json.Marshal(a)
	lines[0] = string(b)
	writeLines(t, in, lines)
	out, err = runIngest(t, "--db", db, "--workers", "1", "--progress", "never", in)
	if n := summary(t, out); n[1] != 1 || n[3] != stored-1 || err != nil {
		t.Errorf("after a change: %v %v, want 1 stored and %d skipped\n%s", n, err, stored-1, out)
	}
	c, err := st.Document(context.Background(), a["id"].(string))
	if err != nil || c.Document.Title != "A changed title" {
		t.Errorf("changed article: %v", err)
	}
	// --force codes everything again without duplicating.
	out, _ = runIngest(t, "--db", db, "--force", "--progress", "never", in)
	if n := summary(t, out); n[1] != stored || n[3] != 0 {
		t.Errorf("--force: %v\n%s", n, out)
	}
	if d, e, _ := st.Stats(context.Background()); d != stored || e != events {
		t.Errorf("after --force: %d docs %d events, want %d and %d", d, e, stored, events)
	}

	// A plain-text file with --date, and bad flags.
	txt := filepath.Join(dir, "seed.txt")
	seed, _ := os.ReadFile("../../testdata/corpus/seed-article.txt")
	os.WriteFile(txt, seed, 0o644)
	out, err = runIngest(t, "--db", db, "--date", "2019-12-19", "--progress", "never", txt)
	if err != nil || summary(t, out)[1] != 1 {
		t.Fatalf("text file: %v\n%s", err, out)
	}
	c, err = st.Document(context.Background(), txt)
	if err != nil || c.Document.Date.Format("2006-01-02") != "2019-12-19" || len(c.Events) == 0 {
		t.Errorf("text document: %v %+v", err, c)
	}
	for _, args := range [][]string{{}, {"--workers", "0", in}, {"--date", "19 Dec", in}, {"--input", "xml", in}, {"--progress", "maybe", in}, {"--db", db, filepath.Join(dir, "missing.jsonl")}} {
		if _, err := runIngest(t, args...); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("ingest %v: %v, want an EINVALID error", args, err)
		}
	}
}

// TestIngestKill9 kills an ingest process with SIGKILL in the middle of a
// run, checks that the database is consistent, runs the same command again
// and checks that the result equals an uninterrupted run: every document
// stored exactly once, with the same events. Skipped with -short.
func TestIngestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the kill -9 test runs three ingests of 60 articles")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	// 60 articles with ids of their own: a run takes seconds, long enough to be killed after 12.
	lines := corpusLines(t, 60)
	var ids []string
	var all []string
	for copy := 0; copy < 1; copy++ {
		for _, l := range lines {
			var a map[string]any
			if err := json.Unmarshal([]byte(l), &a); err != nil {
				t.Fatal(err)
			}
			a["id"] = fmt.Sprintf("%s/%d", a["id"], copy)
			ids = append(ids, a["id"].(string))
			b, _ := json.Marshal(a)
			all = append(all, string(b))
		}
	}
	writeLines(t, in, all)
	child := func(db string) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "--db", db, "--workers", "2", "--progress", "never", in)
		cmd.Env = append(os.Environ(), "ANNALIST_TEST_INGEST_CHILD=1")
		return cmd
	}
	ctx := context.Background()

	// 1. Start, wait until some documents are committed, kill -9.
	db := filepath.Join(dir, "killed.db")
	cmd := child(db)
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	before := 0
	for time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		before = countDocs(t, db)
		if before >= 12 {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if before < 12 {
		t.Fatalf("only %d documents stored before the deadline:\n%s", before, errOut.String())
	}
	if strings.Contains(errOut.String(), "ingest: ") {
		t.Fatalf("the run finished before it was killed; nothing was tested:\n%s", errOut.String())
	}

	// 2. The killed database is consistent: integrity check, and every
	// stored document complete.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q %v", check, err)
	}
	raw.Close()
	killed := openDB(t, db)
	docsAfterKill, _, err := killed.Stats(ctx)
	if err != nil || docsAfterKill < before {
		t.Fatalf("after kill: %d documents (saw %d before), %v", docsAfterKill, before, err)
	}
	for _, id := range ids {
		c, err := killed.Document(ctx, id)
		if annalist.ErrorCode(err) == annalist.ENOTFOUND {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		evs, _, err := killed.Events(ctx, store.Filter{DocID: id, Limit: store.MaxLimit})
		if err != nil || len(evs) != len(c.Events) {
			t.Errorf("%s: %d events in Events, %d in Document, %v", id, len(evs), len(c.Events), err)
		}
	}
	killed.Close()

	// 3. Run again to the end: what was committed is skipped.
	out, _ := child(db).CombinedOutput()
	n := summary(t, string(out))
	if n[3] != docsAfterKill || n[0] != len(ids) {
		t.Errorf("resumed run: %v; want %d documents, %d skipped\n%s", n, len(ids), docsAfterKill, lastLines(string(out), 3))
	}

	// 4. An uninterrupted run for reference.
	refDB := filepath.Join(dir, "ref.db")
	out, _ = child(refDB).CombinedOutput()
	rn := summary(t, string(out))
	if rn[3] != 0 || rn[0] != len(ids) {
		t.Errorf("reference run: %v", rn)
	}
	resumed, ref := openDB(t, db), openDB(t, refDB)
	rd, re, _ := resumed.Stats(ctx)
	fd, fe, _ := ref.Stats(ctx)
	if rd != fd || re != fe || fd != rn[1] {
		t.Errorf("resumed store: %d docs %d events; uninterrupted: %d docs %d events", rd, re, fd, fe)
	}
	for _, id := range ids {
		a, errA := resumed.Document(ctx, id)
		b, errB := ref.Document(ctx, id)
		if annalist.ErrorCode(errA) != annalist.ErrorCode(errB) {
			t.Errorf("%s: resumed %v, reference %v", id, errA, errB)
			continue
		}
		if errA != nil {
			continue
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if !bytes.Equal(ja, jb) {
			t.Errorf("%s differs between the resumed and the uninterrupted run", id)
		}
	}
	t.Logf("killed after %d documents; resumed run skipped %d, stored %d; %d documents, %d events in the end (%d failed to code each run)", before, n[3], n[1], rd, re, rn[4])
}

// countDocs counts the documents committed to an SQLite file, read-only,
// without waiting for the writer (0 while the file does not exist yet).
func countDocs(t *testing.T, path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM documents").Scan(&n); err != nil {
		return 0 // not created yet
	}
	return n
}

func lastLines(s string, n int) string {
	var lines []string
	sc := bufio.NewScanner(strings.NewReader(s))
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// TestIngestPostgres ingests and exports through a postgres:// --db, in a
// schema of its own; it runs when ANNALIST_TEST_POSTGRES is set (.ci/run
// sets it).
func TestIngestPostgres(t *testing.T) {
	base := os.Getenv("ANNALIST_TEST_POSTGRES")
	if base == "" {
		t.Skip("ANNALIST_TEST_POSTGRES is not set: skipping ingest into PostgreSQL")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	schema := fmt.Sprintf("annalist_ingest_%d", os.Getpid())
	if _, err := admin.Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema); err != nil {
		t.Fatal(err)
	}
	defer admin.Exec("DROP SCHEMA IF EXISTS " + schema + " CASCADE")
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	db := base + sep + "search_path=" + schema
	in := filepath.Join(t.TempDir(), "in.jsonl")
	writeLines(t, in, corpusLines(t, 4))
	out, err := runIngest(t, "--db", db, "--progress", "never", in)
	n := summary(t, out)
	if err != nil || n[1] != 4 {
		t.Fatalf("ingest into PostgreSQL: %v %v\n%s", n, err, out)
	}
	out, _ = runIngest(t, "--db", db, "--progress", "never", in)
	if n := summary(t, out); n[3] != 4 {
		t.Errorf("second run: %v, want 4 skipped", n)
	}
	events, _, err := runExport(t, "--db", db, "--format", "petrarch")
	if err != nil || strings.Count(events, "\n") != n[2] {
		t.Errorf("export from PostgreSQL: %d lines, want %d, %v", strings.Count(events, "\n"), n[2], err)
	}
}
