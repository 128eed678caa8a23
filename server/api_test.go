package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

// eachBackend runs fn once per backend with a server over a fresh store
// holding the fixture.
func eachBackend(t *testing.T, cfg Config, fn func(t *testing.T, srv *httptestServer, st store.Store)) {
	for _, b := range backends(t) {
		t.Run(b.name, func(t *testing.T) {
			st := b.open(t)
			fill(t, st)
			c := cfg
			c.Store = st
			fn(t, newServer(t, c), st)
		})
	}
}

func TestHealthz(t *testing.T) {
	f := newFakeStore()
	srv := newServer(t, Config{Store: f, ReadToken: "r"})
	res := get(t, srv, "/healthz")
	if res.status != 200 || strings.TrimSpace(string(res.body)) != `{"status":"ok"}` {
		t.Fatalf("healthz: %d %s", res.status, res.body)
	}
	f.fail = annalist.Errorf(annalist.EUNAVAILABLE, "database is down at /secret/path")
	res = get(t, srv, "/healthz")
	if e := res.apiError(t); res.status != 503 || e.Code != "unavailable" || strings.Contains(e.Message, "secret") {
		t.Fatalf("healthz with a failing store: %d %+v", res.status, e)
	}
	// No store at all: the API still answers and says why store endpoints fail.
	srv = newServer(t, Config{})
	if res := get(t, srv, "/healthz"); res.status != 200 {
		t.Fatalf("healthz without store: %d", res.status)
	}
	res = get(t, srv, "/v1/events")
	if e := res.apiError(t); res.status != 503 || !strings.Contains(e.Message, "--db") {
		t.Fatalf("events without store: %d %+v", res.status, e)
	}
	res = post(t, srv, "/v1/code", "application/json", `{"text":"x"}`)
	if e := res.apiError(t); res.status != 503 || e.Code != "unavailable" {
		t.Fatalf("code without engine: %d %+v", res.status, e)
	}
}

func TestAuth(t *testing.T) {
	const doc = `{"id":"a1","date":"2020-01-01","text":"France accused Russia of lying."}`
	tests := []struct {
		name             string
		token, readToken string
		method, path     string
		auth             string
		status           int
		code             string
	}{
		{"open read", "W0rite-tok", "", "GET", "/v1/events", "", 200, ""},
		{"open read ignores a wrong token", "W0rite-tok", "", "GET", "/v1/events", "Bearer nope", 200, ""},
		{"read token missing", "W0rite-tok", "R3ad-tok", "GET", "/v1/events", "", 401, "unauthorized"},
		{"read token wrong", "W0rite-tok", "R3ad-tok", "GET", "/v1/events", "Bearer nope", 401, "unauthorized"},
		{"read with read token", "W0rite-tok", "R3ad-tok", "GET", "/v1/events", "Bearer R3ad-tok", 200, ""},
		{"read with write token", "W0rite-tok", "R3ad-tok", "GET", "/v1/events", "Bearer W0rite-tok", 200, ""},
		{"read scheme is case-insensitive", "W0rite-tok", "R3ad-tok", "GET", "/v1/events", "bearer R3ad-tok", 200, ""},
		{"read with basic auth", "W0rite-tok", "R3ad-tok", "GET", "/v1/events", "Basic cjpy", 401, "unauthorized"},
		{"code is a read", "", "R3ad-tok", "POST", "/v1/code", "Bearer R3ad-tok", 200, ""},
		{"code needs the read token", "", "R3ad-tok", "POST", "/v1/code", "", 401, "unauthorized"},
		{"export is a read", "W0rite-tok", "R3ad-tok", "GET", "/v1/export", "", 401, "unauthorized"},
		{"healthz is open", "W0rite-tok", "R3ad-tok", "GET", "/healthz", "", 200, ""},
		{"openapi is open", "W0rite-tok", "R3ad-tok", "GET", "/v1/openapi.json", "", 200, ""},
		{"ui is open", "W0rite-tok", "R3ad-tok", "GET", "/", "", 200, ""},
		{"write with write token", "W0rite-tok", "", "POST", "/v1/documents", "Bearer W0rite-tok", 201, ""},
		{"write without token", "W0rite-tok", "", "POST", "/v1/documents", "", 401, "unauthorized"},
		{"write with wrong token", "W0rite-tok", "", "POST", "/v1/documents", "Bearer W0rite-tokk", 401, "unauthorized"},
		{"write with a prefix of the token", "secret", "", "POST", "/v1/documents", "Bearer secre", 401, "unauthorized"},
		{"write with read token", "W0rite-tok", "R3ad-tok", "POST", "/v1/documents", "Bearer R3ad-tok", 401, "unauthorized"},
		{"writes disabled", "", "", "POST", "/v1/documents", "Bearer anything", 403, "unauthorized"},
		{"writes disabled with a read token", "", "R3ad-tok", "POST", "/v1/documents", "Bearer R3ad-tok", 403, "unauthorized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := newServer(t, Config{Store: newFakeStore(), Engine: testEngine(t), Token: tt.token, ReadToken: tt.readToken})
			var hs []string
			if tt.auth != "" {
				hs = append(hs, "Authorization: "+tt.auth)
			}
			var res response
			if tt.method == "POST" {
				res = post(t, srv, tt.path, "application/json", doc, hs...)
			} else {
				res = get(t, srv, tt.path, hs...)
			}
			if res.status != tt.status {
				t.Fatalf("status %d, want %d: %s", res.status, tt.status, res.body)
			}
			if tt.code == "" {
				return
			}
			e := res.apiError(t)
			if e.Code != tt.code {
				t.Errorf("code %q, want %q", e.Code, tt.code)
			}
			if tt.token != "" && strings.Contains(string(res.body), tt.token) || tt.readToken != "" && strings.Contains(string(res.body), tt.readToken) {
				t.Errorf("message leaks a token: %q", e.Message)
			}
			if tt.status == 401 && res.header.Get("WWW-Authenticate") != `Bearer realm="annalist"` {
				t.Errorf("401 without WWW-Authenticate: %q", res.header.Get("WWW-Authenticate"))
			}
			if tt.status == 403 && !strings.Contains(e.Message, "ANNALIST_TOKEN") {
				t.Errorf("403 does not say how to enable writes: %q", e.Message)
			}
		})
	}
}

func TestTokenEqual(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{{"abc", "abc", true}, {"abc", "abd", false}, {"abc", "abcd", false}, {"", "a", false}, {"ab", "", false}} {
		if got := tokenEqual(tt.a, tt.b); got != tt.want {
			t.Errorf("tokenEqual(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestErrors(t *testing.T) {
	f := newFakeStore()
	srv := newServer(t, Config{Store: f, Engine: testEngine(t), Token: "w", MaxBody: 1000})
	auth := "Authorization: Bearer w"
	big := `{"text":"` + strings.Repeat("a", 2000) + `"}`
	tests := []struct {
		name           string
		method, path   string
		ctype, body    string
		status         int
		code, contains string
	}{
		{"unknown endpoint", "GET", "/v1/nope", "", "", 404, "not_found", "/v1/openapi.json"},
		{"wrong method", "DELETE", "/v1/events", "", "", 405, "invalid", "GET"},
		{"wrong method on code", "GET", "/v1/code", "", "", 405, "invalid", "POST"},
		{"missing document", "GET", "/v1/documents/nope", "", "", 404, "not_found", "nope"},
		{"empty document id", "GET", "/v1/documents/", "", "", 404, "not_found", "{id}"},
		{"unknown parameter", "GET", "/v1/events?actors=CHN", "", "", 400, "invalid", `"actors"`},
		{"repeated parameter", "GET", "/v1/events?actor=CHN&actor=AFG", "", "", 400, "invalid", "2 times"},
		{"bad date", "GET", "/v1/events?from=2019-13", "", "", 400, "invalid", "from"},
		{"dates reversed", "GET", "/v1/events?from=2020-01-02&to=2020-01-01", "", "", 400, "invalid", "after"},
		{"bad quad", "GET", "/v1/events?quad=x", "", "", 400, "invalid", "quad"},
		{"quad out of range", "GET", "/v1/events?quad=5", "", "", 400, "invalid", "quad"},
		{"bad root", "GET", "/v1/events?root=1", "", "", 400, "invalid", "root"},
		{"bad code", "GET", "/v1/events?code=19a", "", "", 400, "invalid", "code"},
		{"bad limit", "GET", "/v1/events?limit=ten", "", "", 400, "invalid", "limit"},
		{"negative limit", "GET", "/v1/events?limit=-1", "", "", 400, "invalid", "limit"},
		{"bad actor", "GET", "/v1/events?actor=CHN%25", "", "", 400, "invalid", "actor"},
		{"bad cursor", "GET", "/v1/events?cursor=zzz", "", "", 400, "invalid", "cursor"},
		{"bad interval", "GET", "/v1/stats/timeline?interval=year", "", "", 400, "invalid", "interval"},
		{"bad group", "GET", "/v1/stats/timeline?group=plover", "", "", 400, "invalid", "group"},
		{"unknown export format", "GET", "/v1/export?format=xlsx", "", "", 400, "invalid", "jsonl"},
		{"document format is not an export", "GET", "/v1/export?format=documents", "", "", 400, "invalid", "/v1/documents/{id}"},
		{"stats takes no parameters", "GET", "/v1/stats?x=1", "", "", 400, "invalid", "takes none"},
		{"malformed JSON", "POST", "/v1/code", "application/json", `{"text": }`, 400, "invalid", "malformed JSON"},
		{"JSON of the wrong type", "POST", "/v1/code", "application/json", `{"text": 3}`, 400, "invalid", "text"},
		{"JSON array", "POST", "/v1/code", "application/json", `[]`, 400, "invalid", "object"},
		{"two JSON objects", "POST", "/v1/code", "application/json", `{"text":"a"} {"text":"b"}`, 400, "invalid", "x-ndjson"},
		{"empty body", "POST", "/v1/code", "application/json", ``, 400, "invalid", "empty"},
		{"blank text", "POST", "/v1/code", "application/json", `{"text":"  \n"}`, 400, "invalid", "text"},
		{"bad article date", "POST", "/v1/code", "application/json", `{"text":"a","date":"19 Dec"}`, 400, "invalid", "date"},
		{"query fields with JSON", "POST", "/v1/code?date=2019-12-19", "application/json", `{"text":"a"}`, 400, "invalid", "text/plain"},
		{"bad tokens flag", "POST", "/v1/code?tokens=maybe", "application/json", `{"text":"a"}`, 400, "invalid", "tokens"},
		{"id with a control character", "POST", "/v1/code", "application/json", `{"text":"a","id":"x\u0001"}`, 400, "invalid", "control"},
		{"unsupported media type", "POST", "/v1/code", "application/xml", `<a/>`, 415, "invalid", "application/json"},
		{"unsupported batch type", "POST", "/v1/documents", "text/csv", `a,b`, 415, "invalid", "x-ndjson"},
		{"empty batch", "POST", "/v1/documents", "application/x-ndjson", "\n\n", 400, "invalid", "no documents"},
		{"body too large", "POST", "/v1/code", "application/json", big, 413, "too_large", "1000"},
		{"batch too large", "POST", "/v1/documents", "application/x-ndjson", big, 413, "too_large", "1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var res response
			if tt.method == "POST" {
				res = post(t, srv, tt.path, tt.ctype, tt.body, auth)
			} else {
				res = call(t, srv, tt.method, tt.path, nil)
			}
			if res.status != tt.status {
				t.Fatalf("status %d, want %d: %s", res.status, tt.status, res.body)
			}
			e := res.apiError(t)
			if e.Code != tt.code || !strings.Contains(e.Message, tt.contains) {
				t.Errorf("error %+v, want code %q and a message containing %q", e, tt.code, tt.contains)
			}
			if tt.status == 405 && res.header.Get("Allow") == "" {
				t.Errorf("405 without Allow")
			}
		})
	}
}

// chunked is a body of unknown length, so that the size check cannot rely
// on Content-Length.
type chunked struct{ r *strings.Reader }

func (c chunked) Read(p []byte) (int, error) { return c.r.Read(p) }

func TestBodyLimitWithoutLength(t *testing.T) {
	f := newFakeStore()
	srv := newServer(t, Config{Store: f, Engine: testEngine(t), Token: "w", MaxBody: 1000})
	line := `{"id":"x%d","text":"France accused Russia."}` + "\n"
	var body strings.Builder
	for i := 0; body.Len() < 1500; i++ {
		fmt.Fprintf(&body, line, i)
	}
	res := call(t, srv, "POST", "/v1/documents", chunked{strings.NewReader(body.String())}, "Content-Type: application/x-ndjson", "Authorization: Bearer w")
	if e := res.apiError(t); res.status != 413 || e.Code != "too_large" {
		t.Fatalf("chunked over-long batch: %d %+v", res.status, e)
	}
	if docs, _, _ := f.Stats(t.Context()); docs != 0 {
		t.Errorf("an over-long batch stored %d documents; want none", docs)
	}
}

func TestInternalErrorsDoNotLeak(t *testing.T) {
	f := newFakeStore()
	srv := newServer(t, Config{Store: f, Engine: testEngine(t), Token: "w"})
	f.fail = fmt.Errorf("pq: password authentication failed for user secret_user")
	for _, p := range []string{"/v1/events", "/v1/stats/timeline", "/v1/stats/dyads", "/v1/stats/places", "/v1/documents/d1", "/v1/export", "/v1/stats"} {
		res := get(t, srv, p)
		e := res.apiError(t)
		if res.status != 500 || e.Code != "internal" || e.Message != "internal error" {
			t.Errorf("%s: %d %+v", p, res.status, e)
		}
	}
	res := post(t, srv, "/v1/documents", "application/json", `{"id":"a","text":"France accused Russia."}`, "Authorization: Bearer w")
	if e := res.apiError(t); res.status != 500 || strings.Contains(string(res.body), "secret") {
		t.Errorf("POST with a failing store: %d %+v", res.status, e)
	}
	// A coded error from the store keeps its code and message.
	f.fail = annalist.Errorf(annalist.EUNAVAILABLE, "database is busy")
	if res := get(t, srv, "/v1/events"); res.status != 503 || res.apiError(t).Message != "database is busy" {
		t.Errorf("unavailable store: %d %s", res.status, res.body)
	}
}

// slowStore blocks queries until their context ends.
type slowStore struct{ *fakeStore }

func (s slowStore) Events(ctx context.Context, f store.Filter) ([]store.StoredEvent, string, error) {
	<-ctx.Done()
	return nil, "", ctx.Err()
}

func TestTimeout(t *testing.T) {
	srv := newServer(t, Config{Store: slowStore{newFakeStore()}, Timeout: 50 * time.Millisecond})
	start := time.Now()
	res := get(t, srv, "/v1/events")
	if e := res.apiError(t); res.status != 503 || e.Code != "unavailable" {
		t.Fatalf("slow query: %d %+v", res.status, e)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("timeout took %v", d)
	}
}

func TestPanicIs500(t *testing.T) {
	srv := newServer(t, Config{Store: panicStore{newFakeStore()}})
	res := get(t, srv, "/v1/stats/dyads")
	if e := res.apiError(t); res.status != 500 || e.Message != "internal error" {
		t.Fatalf("panicking store: %d %+v", res.status, e)
	}
}

// panicStore panics in Dyads.
type panicStore struct{ *fakeStore }

func (panicStore) Dyads(context.Context, store.Filter, int) ([]store.Dyad, error) {
	panic("boom at /secret")
}

func TestFilterParams(t *testing.T) {
	tests := []struct {
		query string
		want  store.Filter
	}{
		{"", store.Filter{Limit: store.DefaultLimit}},
		{"from=2019-12-01&to=2020-01-31", store.Filter{From: "2019-12-01", To: "2020-01-31", Limit: store.DefaultLimit}},
		{"actor=chn&source=afggov&target=Rus&country=fra", store.Filter{Actor: "CHN", Source: "AFGGOV", Target: "RUS", Country: "FRA", Limit: store.DefaultLimit}},
		{"root=19&code=190&plover=assault", store.Filter{Root: "19", Code: "190", PLOVER: "ASSAULT", Limit: store.DefaultLimit}},
		{"quad=0", store.Filter{Quad: 0, HasQuad: true, Limit: store.DefaultLimit}},
		{"quad=4", store.Filter{Quad: 4, HasQuad: true, Limit: store.DefaultLimit}},
		{"quad=", store.Filter{Limit: store.DefaultLimit}},
		{"q=peace+talks&doc=d3%2Fx", store.Filter{Q: "peace talks", DocID: "d3/x", Limit: store.DefaultLimit}},
		{"limit=5&cursor=off:5", store.Filter{Limit: 5, Cursor: "off:5"}},
		{"limit=99999", store.Filter{Limit: store.MaxLimit}},
	}
	f := newFakeStore()
	srv := newServer(t, Config{Store: f})
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res := get(t, srv, "/v1/events?"+tt.query)
			if res.status != 200 {
				t.Fatalf("status %d: %s", res.status, res.body)
			}
			if got := f.lastFilter(); got != tt.want {
				t.Errorf("filter\n got  %+v\n want %+v", got, tt.want)
			}
		})
	}
}

// key identifies an event of the fixture independently of the store's ids.
func key(ev annalist.Event) string {
	return ev.DocID + " " + ev.Date + " " + ev.Source.Code + ">" + ev.Target.Code + " " + ev.Event.Code
}

func keys(evs []store.StoredEvent) []string {
	out := []string{}
	for _, ev := range evs {
		out = append(out, key(ev.Event))
	}
	return out
}

func TestEvents(t *testing.T) {
	all := []string{
		"d1 2019-12-18 CHNMIL>AFGMIL 036", "d1 2019-12-18 CHNGOV>AFGGOV 042", "d1 2019-12-19 AFGGOV>CHNGOV 061",
		"d2 2020-01-07 AFGREB>AFGMIL 190", "d2 2020-01-08 AFGMIL>AFGREB 190",
		"d3/x 2020-02-03 FRAGOV>RUSGOV 112", "d3/x 2020-02-03 RUSGOV>FRAGOV 010",
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"", all},
		{"from=2019-12-19&to=2020-01-07", all[2:4]},
		{"actor=CHN", all[:3]},
		{"source=AFG", []string{all[2], all[3], all[4]}},
		{"target=afgmil", []string{all[0], all[3]}},
		{"country=FRA", all[5:]},
		{"country=AFG&root=19", all[3:5]},
		{"code=03", all[:1]},
		{"root=04", all[1:2]},
		{"plover=ACCUSE", all[5:6]},
		{"quad=0", all[6:]},
		{"quad=4&source=AFGMIL", all[4:5]},
		{"q=accuses", all[5:]},
		{"doc=d3/x", all[5:]},
		{"doc=d3%2Fx&quad=3", all[5:6]},
		{"actor=USA", nil},
	}
	eachBackend(t, Config{}, func(t *testing.T, srv *httptestServer, st store.Store) {
		for _, tt := range tests {
			var page eventPage
			res := get(t, srv, "/v1/events?"+tt.query)
			if res.status != 200 {
				t.Fatalf("%s: %d %s", tt.query, res.status, res.body)
			}
			res.decode(t, &page)
			if got := keys(page.Events); !slices.Equal(got, nonNil(tt.want)) {
				t.Errorf("%s:\n got  %q\n want %q", tt.query, got, tt.want)
			}
			if page.NextCursor != "" {
				t.Errorf("%s: next cursor %q on the only page", tt.query, page.NextCursor)
			}
			for _, ev := range page.Events {
				if ev.ID == "" || ev.SentenceText == "" || ev.Event.Event.Name == "" {
					t.Errorf("%s: event without id, sentence or name: %+v", tt.query, ev)
				}
			}
		}
	})
}

func TestEventsPaging(t *testing.T) {
	eachBackend(t, Config{}, func(t *testing.T, srv *httptestServer, st store.Store) {
		var whole eventPage
		get(t, srv, "/v1/events").decode(t, &whole)
		for _, limit := range []int{1, 2, 3, 7, 8} {
			var got []string
			seen := map[string]bool{}
			cursor := ""
			for pages := 0; ; pages++ {
				if pages > 10 {
					t.Fatalf("limit %d: more than 10 pages", limit)
				}
				q := url.Values{"limit": {fmt.Sprint(limit)}}
				if cursor != "" {
					q.Set("cursor", cursor)
				}
				var page eventPage
				res := get(t, srv, "/v1/events?"+q.Encode())
				if res.status != 200 {
					t.Fatalf("limit %d cursor %q: %d %s", limit, cursor, res.status, res.body)
				}
				res.decode(t, &page)
				if len(page.Events) > limit {
					t.Fatalf("limit %d: page of %d", limit, len(page.Events))
				}
				for _, ev := range page.Events {
					if seen[ev.ID] {
						t.Fatalf("limit %d: %s twice", limit, ev.ID)
					}
					seen[ev.ID] = true
				}
				got = append(got, keys(page.Events)...)
				if page.NextCursor == "" {
					break
				}
				cursor = page.NextCursor
			}
			if want := keys(whole.Events); !slices.Equal(got, want) {
				t.Errorf("limit %d: pages give\n %q\nwant\n %q", limit, got, want)
			}
		}
	})
}

func TestTimeline(t *testing.T) {
	eachBackend(t, Config{}, func(t *testing.T, srv *httptestServer, st store.Store) {
		tests := []struct {
			query string
			want  timelineAnswer
		}{
			{"", timelineAnswer{"month", "quad", []store.Bucket{bk("2019-12-01", "1", 2), bk("2019-12-01", "2", 1), bk("2020-01-01", "4", 2), bk("2020-02-01", "0", 1), bk("2020-02-01", "3", 1)}}},
			{"interval=day&group=root&actor=AFG", timelineAnswer{"day", "root", []store.Bucket{bk("2019-12-18", "03", 1), bk("2019-12-18", "04", 1), bk("2019-12-19", "06", 1), bk("2020-01-07", "19", 1), bk("2020-01-08", "19", 1)}}},
			{"interval=week&country=AFG&from=2020-01-01", timelineAnswer{"week", "quad", []store.Bucket{bk("2020-01-06", "4", 2)}}},
			{"actor=USA", timelineAnswer{"month", "quad", []store.Bucket{}}},
		}
		for _, tt := range tests {
			res := get(t, srv, "/v1/stats/timeline?"+tt.query)
			if res.status != 200 {
				t.Fatalf("%s: %d %s", tt.query, res.status, res.body)
			}
			var got timelineAnswer
			res.decode(t, &got)
			if got.Interval != tt.want.Interval || got.Group != tt.want.Group || !slices.Equal(got.Buckets, tt.want.Buckets) {
				t.Errorf("%s:\n got  %+v\n want %+v", tt.query, got, tt.want)
			}
		}
	})
}

func TestDyads(t *testing.T) {
	eachBackend(t, Config{}, func(t *testing.T, srv *httptestServer, st store.Store) {
		res := get(t, srv, "/v1/stats/dyads?country=AFG&limit=10")
		var got struct{ Dyads []store.Dyad }
		res.decode(t, &got)
		want := []store.Dyad{dy("AFGGOV", "CHNGOV", 1, 6.4), dy("AFGMIL", "AFGREB", 1, -10), dy("AFGREB", "AFGMIL", 1, -10), dy("CHNGOV", "AFGGOV", 1, 1.9), dy("CHNMIL", "AFGMIL", 1, 4)}
		slices.SortFunc(got.Dyads, func(a, b store.Dyad) int { return strings.Compare(a.Source+a.Target, b.Source+b.Target) })
		if !slices.Equal(got.Dyads, want) {
			t.Errorf("dyads\n got  %+v\n want %+v", got.Dyads, want)
		}
		res = get(t, srv, "/v1/stats/dyads?limit=2")
		res.decode(t, &got)
		if len(got.Dyads) != 2 {
			t.Errorf("limit=2 gave %d dyads", len(got.Dyads))
		}
	})
}

func TestPlaces(t *testing.T) {
	eachBackend(t, Config{}, func(t *testing.T, srv *httptestServer, st store.Store) {
		var got placesAnswer
		get(t, srv, "/v1/stats/places").decode(t, &got)
		want := placesAnswer{Events: 7, Located: 5, Places: []place{
			{Name: "Kabul", Country: "AFG", CountryName: "Afghanistan", Kind: "capital", Lat: kabul.Lat, Lon: kabul.Lon, Count: 4},
			{Name: "Paris", Country: "FRA", CountryName: "France", Kind: "capital", Lat: paris.Lat, Lon: paris.Lon, Count: 1},
		}}
		if got.Events != want.Events || got.Located != want.Located || !slices.Equal(got.Places, want.Places) {
			t.Errorf("places\n got  %+v\n want %+v", got, want)
		}
		get(t, srv, "/v1/stats/places?limit=1&from=2020-01-01").decode(t, &got)
		if len(got.Places) != 1 || got.Places[0].Name != "Kabul" || got.Places[0].Count != 2 || got.Events != 4 {
			t.Errorf("places from 2020, limit 1: %+v", got)
		}
	})
}

func TestStats(t *testing.T) {
	eachBackend(t, Config{}, func(t *testing.T, srv *httptestServer, st store.Store) {
		res := get(t, srv, "/v1/stats")
		if strings.TrimSpace(string(res.body)) != `{"documents":3,"events":7}` {
			t.Errorf("stats: %d %s", res.status, res.body)
		}
	})
}

func TestExport(t *testing.T) {
	eachBackend(t, Config{Engine: testEngine(t)}, func(t *testing.T, srv *httptestServer, st store.Store) {
		tests := []struct {
			query, ctype string
			lines        int
			first        string
		}{
			{"", "application/x-ndjson", 7, `{"doc_id":"d1",`},
			{"format=jsonl&country=FRA", "application/x-ndjson", 2, `{"doc_id":"d3/x",`},
			{"format=tsv&actor=CHN", "text/tab-separated-values; charset=utf-8", 4, "doc_id\tsentence_index\tdate"},
			{"format=petrarch&root=19", "text/plain; charset=utf-8", 2, "20200107\tAFGREB\tAFGMIL\t190\t\td2-1"},
			{"format=tsv&actor=USA", "text/tab-separated-values; charset=utf-8", 0, ""},
			{"format=csv&country=FRA", "text/csv; charset=utf-8", 3, "doc_id,sentence_index,date"},
			{"format=gdelt&country=FRA", "text/tab-separated-values; charset=utf-8", 2, ""},
			{"format=icews&country=FRA", "text/tab-separated-values; charset=utf-8", 3, "Event ID\t"},
			{"format=phoenix&country=FRA", "text/tab-separated-values; charset=utf-8", 2, ""},
		}
		for _, tt := range tests {
			res := get(t, srv, "/v1/export?"+tt.query)
			if res.status != 200 {
				t.Fatalf("%s: %d %s", tt.query, res.status, res.body)
			}
			if ct := res.header.Get("Content-Type"); ct != tt.ctype {
				t.Errorf("%s: Content-Type %q, want %q", tt.query, ct, tt.ctype)
			}
			if cd := res.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment; filename=") {
				t.Errorf("%s: Content-Disposition %q", tt.query, cd)
			}
			body := string(res.body)
			lines := strings.Count(body, "\n")
			if lines != tt.lines || !strings.HasPrefix(body, tt.first) {
				t.Errorf("%s: %d lines, want %d, starting %q:\n%s", tt.query, lines, tt.lines, tt.first, body)
			}
			// ICEWS spells out countries: the gazetteer's names reach the writer.
			if strings.Contains(tt.query, "icews") && !strings.Contains(body, "\tRussia\t") {
				t.Errorf("%s: no country name for RUSGOV:\n%s", tt.query, body)
			}
		}
	})
}

// TestExportCutShort checks that a failure in the middle of an export cuts
// the connection, so that a client cannot take a short file for a whole one.
func TestExportCutShort(t *testing.T) {
	f := &failingEach{fakeStore: newFakeStore(), after: 3}
	fill(t, f)
	srv := newServer(t, Config{Store: f})
	req, _ := http.NewRequest("GET", srv.URL+"/v1/export", nil)
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if _, err := io.ReadAll(res.Body); err == nil {
		t.Errorf("export cut short read to the end without an error")
	}
}

// failingEach fails EachEvent after a number of events, having written
// enough that the response has started.
type failingEach struct {
	*fakeStore
	after int
}

func (f *failingEach) EachEvent(ctx context.Context, flt store.Filter, fn func(*store.StoredEvent) error) error {
	n := 0
	return f.fakeStore.EachEvent(ctx, flt, func(ev *store.StoredEvent) error {
		if n++; n > f.after {
			return fmt.Errorf("disk I/O error")
		}
		ev.SentenceText = strings.Repeat("x", 1<<17) // past the writer's buffer
		return fn(ev)
	})
}

func bk(period, group string, n int) store.Bucket {
	return store.Bucket{Period: period, Group: group, Count: n}
}

func dy(src, tgt string, n int, gold float64) store.Dyad {
	return store.Dyad{Source: src, Target: tgt, Count: n, Goldstein: gold}
}
