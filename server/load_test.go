package server

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/storetest"
)

// TestLoad is the API load test: 50 concurrent clients issue mixed GETs
// (event pages with filters and cursors, timelines, dyads) for a while, as
// one writer ingests articles through POST /v1/documents; it fails on any
// error and logs p50/p95/p99 latencies per kind of request. It is slow (a
// minute or two: it codes the Wikinews corpus first), so it runs only with
// ANNALIST_LOADTEST=1:
//
//	ANNALIST_LOADTEST=1 go test ./server -run TestLoad -v -timeout 30m
//
// ANNALIST_LOADTEST_SECONDS sets the duration of the load (default 30),
// ANNALIST_LOADTEST_COPIES how many copies of the coded corpus the store
// starts with (default 20; each copy is every article under a new id with
// its dates moved by whole years). With ANNALIST_TEST_POSTGRES set it also
// runs against PostgreSQL. docs/performance.md records the figures.
func TestLoad(t *testing.T) {
	if os.Getenv("ANNALIST_LOADTEST") != "1" {
		t.Skip("the API load test is slow: run it with ANNALIST_LOADTEST=1")
	}
	seconds := envInt(t, "ANNALIST_LOADTEST_SECONDS", 30)
	copies := envInt(t, "ANNALIST_LOADTEST_COPIES", 20)
	docs := storetest.Coded(t, 250)
	// The writer ingests raw articles (coded by the server) beyond those.
	raw := corpusLines(t, 250, 44)
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := b.open(t)
			start := time.Now()
			nev := 0
			for c := 0; c < copies; c++ {
				for _, d := range docs {
					cp := shifted(d, c)
					if err := st.Put(context.Background(), cp); err != nil {
						t.Fatal(err)
					}
					nev += len(cp.Events)
				}
			}
			t.Logf("store: %d documents, %d events, filled in %v", copies*len(docs), nev, time.Since(start).Round(time.Second))
			runLoad(t, st, raw, time.Duration(seconds)*time.Second)
		})
	}
}

func envInt(t *testing.T, name string, def int) int {
	v := os.Getenv(name)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive number", name, v)
	}
	return n
}

// corpusLines returns n lines of the Wikinews corpus after the first skip.
func corpusLines(t *testing.T, skip, n int) []string {
	b, err := os.ReadFile(storetest.Corpus(t))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) < skip+n {
		t.Fatalf("corpus has %d lines, want %d", len(lines), skip+n)
	}
	return lines[skip : skip+n]
}

// shifted returns a copy of a coded document under a new id with its dates
// moved back by c years (c = 0 is the document itself).
func shifted(d *store.Coded, c int) *store.Coded {
	if c == 0 {
		return d
	}
	cp := *d
	cp.Document.ID = fmt.Sprintf("%s~%d", d.Document.ID, c)
	if !cp.Document.Date.IsZero() {
		cp.Document.Date = cp.Document.Date.AddDate(-c, 0, 0)
	}
	cp.Events = slices.Clone(d.Events)
	for i := range cp.Events {
		ev := &cp.Events[i]
		ev.DocID = cp.Document.ID
		if len(ev.Date) >= 4 {
			y, err := strconv.Atoi(ev.Date[:4])
			if err == nil {
				ev.Date = fmt.Sprintf("%04d%s", y-c, ev.Date[4:])
			}
		}
	}
	cp.Quotes = slices.Clone(d.Quotes)
	for i := range cp.Quotes {
		cp.Quotes[i].DocID = cp.Document.ID
	}
	cp.Suggestions = nil
	return &cp
}

// sample is one request's kind and latency.
type sample struct {
	kind string
	d    time.Duration
}

func runLoad(t *testing.T, st store.Store, raw []string, dur time.Duration) {
	const clients = 50
	srv := httptest.NewServer(New(Config{Store: st, Engine: testEngine(t), Token: "w"}))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients + 1}, Timeout: 2 * time.Minute}

	actors := []string{"USA", "RUS", "CHN", "GBR", "AFG", "IRN", "FRA", "USAGOV", "---GOV", "---CVL", "TUR", "IND"}
	roots := []string{"01", "04", "05", "11", "17", "19", "04", "01"}
	filters := func(r *rand.Rand) url.Values {
		q := url.Values{}
		switch r.IntN(6) {
		case 0:
			q.Set("actor", actors[r.IntN(len(actors))])
		case 1:
			q.Set("source", actors[r.IntN(len(actors))])
			q.Set("from", fmt.Sprintf("%d-01-01", 2005+r.IntN(15)))
		case 2:
			q.Set("root", roots[r.IntN(len(roots))])
		case 3:
			q.Set("quad", strconv.Itoa(r.IntN(5)))
			q.Set("country", actors[r.IntN(7)])
		case 4:
			q.Set("q", []string{"election", "police", "government", "fire", "president"}[r.IntN(5)])
		}
		return q
	}
	var (
		mu      sync.Mutex
		samples []sample
		errs    []string
	)
	record := func(kind string, d time.Duration, err string) {
		mu.Lock()
		defer mu.Unlock()
		if err != "" {
			if len(errs) < 20 {
				errs = append(errs, kind+": "+err)
			}
			samples = append(samples, sample{kind + " ERROR", d})
			return
		}
		samples = append(samples, sample{kind, d})
	}
	get := func(kind, path string) []byte {
		start := time.Now()
		res, err := client.Get(srv.URL + path)
		if err != nil {
			record(kind, time.Since(start), err.Error())
			return nil
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		d := time.Since(start)
		switch {
		case err != nil:
			record(kind, d, err.Error())
		case res.StatusCode != 200:
			record(kind, d, fmt.Sprintf("%s %s: %s", path, res.Status, body))
		default:
			record(kind, d, "")
			return body
		}
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	var wg sync.WaitGroup
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func(seed uint64) {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, 1))
			for ctx.Err() == nil {
				q := filters(r)
				switch k := r.IntN(10); {
				case k < 5:
					q.Set("limit", "50")
					body := get("events", "/v1/events?"+q.Encode())
					if i := strings.Index(string(body), `"next_cursor":"`); i >= 0 && r.IntN(2) == 0 {
						cur := string(body[i+len(`"next_cursor":"`):])
						if cur = cur[:strings.IndexByte(cur, '"')]; cur != "" {
							q.Set("cursor", cur)
							get("events (next page)", "/v1/events?"+q.Encode())
						}
					}
				case k < 8:
					q.Set("interval", []string{"day", "week", "month"}[r.IntN(3)])
					get("timeline", "/v1/stats/timeline?"+q.Encode())
				default:
					q.Set("limit", "60")
					get("dyads", "/v1/stats/dyads?"+q.Encode())
				}
			}
		}(uint64(c))
	}
	// One writer ingests articles in batches of 4 for the whole run.
	wg.Add(1)
	stored := 0
	go func() {
		defer wg.Done()
		for i := 0; ctx.Err() == nil; i += 4 {
			var batch strings.Builder
			for j := 0; j < 4; j++ {
				batch.WriteString(raw[(i+j)%len(raw)] + "\n")
			}
			req, _ := http.NewRequest("POST", srv.URL+"/v1/documents", strings.NewReader(batch.String()))
			req.Header.Set("Content-Type", "application/x-ndjson")
			req.Header.Set("Authorization", "Bearer w")
			start := time.Now()
			res, err := client.Do(req)
			if err != nil {
				record("ingest (4 articles)", time.Since(start), err.Error())
				continue
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			var failed bool
			if res.StatusCode != 200 || !strings.Contains(string(body), `"failed":0,`) {
				failed = true
			}
			if failed {
				record("ingest (4 articles)", time.Since(start), fmt.Sprintf("%s %s", res.Status, body))
				continue
			}
			record("ingest (4 articles)", time.Since(start), "")
			stored += 4
		}
	}()
	wg.Wait()

	byKind := map[string][]time.Duration{}
	var all []time.Duration
	for _, s := range samples {
		byKind[s.kind] = append(byKind[s.kind], s.d)
		if !strings.HasPrefix(s.kind, "ingest") {
			all = append(all, s.d)
		}
	}
	var kinds []string
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	t.Logf("%d clients for %v, GOMAXPROCS %d; %d reads (%.0f/s), %d articles ingested", clients, dur, runtime.GOMAXPROCS(0),
		len(all), float64(len(all))/dur.Seconds(), stored)
	t.Logf("%-22s %7s %9s %9s %9s %9s", "kind", "n", "p50", "p95", "p99", "max")
	for _, k := range append(kinds, "all reads") {
		ds := byKind[k]
		if k == "all reads" {
			ds = all
		}
		slices.Sort(ds)
		t.Logf("%-22s %7d %9v %9v %9v %9v", k, len(ds), pct(ds, 50), pct(ds, 95), pct(ds, 99), ds[len(ds)-1].Round(time.Millisecond))
	}
	if len(errs) > 0 {
		t.Errorf("%d errors under load, the first: %q", len(errs), errs)
	}
}

// pct returns the p-th percentile of sorted durations (nearest rank).
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := (len(ds)*p + 99) / 100
	if i < 1 {
		i = 1
	}
	return ds[i-1].Round(100 * time.Microsecond)
}
