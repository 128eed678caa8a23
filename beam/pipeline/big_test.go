package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
)

// TestBigStreamingMemory shows that memory stays bounded on a large input:
// it generates ANNALIST_BEAM_BIG_MB (default 1024) MiB of JSON Lines in 8
// shards by repeating the Wikinews articles under new ids, runs the
// pipeline on in-process prism, and compares the process's peak RSS
// (VmHWM, reset before each run) with the peak of a run over the 1.4 MB
// corpus. It is slow (it codes every copy: about an hour per GiB on two
// busy cores), so it runs only with ANNALIST_BEAM_BIG=1, and needs a
// longer -timeout:
//
//	cd beam && ANNALIST_BEAM_BIG=1 go test ./pipeline -run BigStreaming -v -timeout 4h
//
// ANNALIST_BEAM_BIG_DIR puts the generated files somewhere else than the
// test's temporary directory (they are removed at the end either way).
//
// The process runs under a soft memory limit of 640 MiB, as docs/scale.md
// advises for workers, unless GOMEMLIMIT is set: without one, Go's default
// GC headroom (the heap may reach twice the live data) made the peak of the
// final combine phase 920 MiB on 1 GiB of input; with it the peak was 713
// MiB. The bound checked is on what the pipeline keeps, not on how lazily
// the collector returns garbage.
func TestBigStreamingMemory(t *testing.T) {
	if os.Getenv("ANNALIST_BEAM_BIG") != "1" {
		t.Skip("set ANNALIST_BEAM_BIG=1 to run the large-input memory test")
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(640 << 20))
	}
	mb := 1024
	if s := os.Getenv("ANNALIST_BEAM_BIG_MB"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("ANNALIST_BEAM_BIG_MB=%q", s)
		}
		mb = n
	}
	dir := t.TempDir()
	if d := os.Getenv("ANNALIST_BEAM_BIG_DIR"); d != "" {
		var err error
		if dir, err = os.MkdirTemp(d, "annalist-beam-big-"); err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
	}
	articles, size := generateCopies(t, dir, 8, int64(mb)<<20)
	t.Logf("generated %d articles, %.1f MiB in 8 shards", articles, float64(size)/(1<<20))

	ref := wikinewsReference(t)
	resetPeakRSS(t)
	small := measure(t, "wikinews", Config{Inputs: []string{abs(t, corpus)}, Output: filepath.Join(dir, "small"), Shards: 2, OneADay: true, DateAdded: dateAdded})
	resetPeakRSS(t)
	big := measure(t, "big", Config{Inputs: []string{filepath.Join(dir, "big-*.jsonl")}, Output: filepath.Join(dir, "big"), Shards: 8, OneADay: true, DateAdded: dateAdded})

	if big.st.Articles != int64(articles) || big.st.FailedDocs != 0 || big.st.BadRecords != 0 {
		t.Errorf("big run stats %+v, want %d articles and no failures", big.st, articles)
	}
	// Every copy codes like its original, so one-a-day leaves the corpus's keys.
	if big.st.Collapsed != int64(len(ref.collapsed)) {
		t.Errorf("big run wrote %d events, want the corpus's %d", big.st.Collapsed, len(ref.collapsed))
	}
	t.Logf("peak RSS: %d MiB over %.1f MiB of input (%d articles, %.0f s, %.1f articles/s) vs %d MiB over the 1.4 MB corpus",
		big.peak>>20, float64(size)/(1<<20), articles, big.secs, float64(articles)/big.secs, small.peak>>20)
	// Bounded: the peak may not grow by more than 512 MiB over the small
	// run's, and on inputs of 1 GiB or more it must stay under the input size
	// (a runner that buffered the articles would fail both).
	if limit := small.peak + 512<<20; big.peak > limit || (size >= 1<<30 && big.peak > size) {
		t.Errorf("peak RSS %d MiB on %d MiB of input: over %d MiB (the small run's peak + 512 MiB) or over the input size",
			big.peak>>20, size>>20, limit>>20)
	}
}

type measured struct {
	st   Stats
	peak int64
	secs float64
}

// measure runs the pipeline on in-process prism, logging RSS every minute.
func measure(t *testing.T, name string, cfg Config) measured {
	t.Helper()
	start := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(time.Minute)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				t.Logf("%s: %3.0f min, RSS %d MiB, peak %d MiB", name, time.Since(start).Minutes(), procStatus(t, "VmRSS")>>20, procStatus(t, "VmHWM")>>20)
			}
		}
	}()
	st := run(t, cfg, prism.Execute)
	close(done)
	wg.Wait()
	m := measured{st: st, peak: procStatus(t, "VmHWM"), secs: time.Since(start).Seconds()}
	t.Logf("%s: %+v in %.1f s, peak RSS %d MiB", name, st, m.secs, m.peak>>20)
	return m
}

// generateCopies writes copies of the Wikinews articles with new ids,
// round-robin into n shards, until they hold at least size bytes.
func generateCopies(tb testing.TB, dir string, n int, size int64) (articles int, written int64) {
	tb.Helper()
	src := wikinewsLines(tb, 0)
	var files []*os.File
	var ws []*bufio.Writer
	for i := 0; i < n; i++ {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("big-%02d.jsonl", i)))
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, f)
		ws = append(ws, bufio.NewWriterSize(f, 1<<20))
	}
	for copyN := 0; written < size; copyN++ {
		for _, line := range src {
			l := copyArticle(tb, line, fmt.Sprintf("big%05d:", copyN)) + "\n"
			if _, err := ws[articles%n].WriteString(l); err != nil {
				tb.Fatal(err)
			}
			articles++
			written += int64(len(l))
			if written >= size {
				break
			}
		}
	}
	for i := range files {
		if err := ws[i].Flush(); err != nil {
			tb.Fatal(err)
		}
		if err := files[i].Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return articles, written
}

// procStatus returns a memory field of /proc/self/status in bytes.
func procStatus(tb testing.TB, field string) int64 {
	tb.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(l, field+":"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				tb.Fatal(err)
			}
			return kb << 10
		}
	}
	tb.Fatalf("no %s in /proc/self/status", field)
	return 0
}

// resetPeakRSS resets VmHWM to the current RSS (Linux clear_refs 5).
func resetPeakRSS(tb testing.TB) {
	tb.Helper()
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		tb.Fatalf("reset peak RSS: %v", err)
	}
}
