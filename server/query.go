package server

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/store"
)

// filterParams are the query parameters every event query takes.
var filterParams = [...]string{"from", "to", "actor", "source", "target", "country", "root", "code", "plover", "quad", "q", "doc"}

// params returns the set of filter parameters plus extra.
func params(extra ...string) map[string]bool {
	m := make(map[string]bool, len(filterParams)+len(extra))
	for _, p := range filterParams {
		m[p] = true
	}
	for _, p := range extra {
		m[p] = true
	}
	return m
}

// noParams refuses query parameters outside allowed and parameters given
// more than once, so that a misspelt filter is an error instead of being
// silently ignored.
func noParams(r *http.Request, allowed map[string]bool) error {
	q, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return annalist.Errorf(annalist.EINVALID, "query: %v", err)
	}
	for k, v := range q {
		if !allowed[k] {
			if len(allowed) == 0 {
				return annalist.Errorf(annalist.EINVALID, "unknown parameter %q: this endpoint takes none", k)
			}
			names := make([]string, 0, len(allowed))
			for n := range allowed {
				names = append(names, n)
			}
			sort.Strings(names)
			return annalist.Errorf(annalist.EINVALID, "unknown parameter %q: this endpoint takes %s", k, strings.Join(names, ", "))
		}
		if len(v) > 1 {
			return annalist.Errorf(annalist.EINVALID, "parameter %q given %d times: give it once", k, len(v))
		}
	}
	return nil
}

// parseFilter reads the filter parameters of a query and validates them.
// Actor codes and PLOVER types are upper-cased; quad and limit must be
// integers; Filter.Validate checks the rest.
func parseFilter(q url.Values) (store.Filter, error) {
	up := func(k string) string { return strings.ToUpper(strings.TrimSpace(q.Get(k))) }
	f := store.Filter{
		From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")),
		Actor: up("actor"), Source: up("source"), Target: up("target"), Country: up("country"),
		Root: strings.TrimSpace(q.Get("root")), Code: strings.TrimSpace(q.Get("code")), PLOVER: up("plover"),
		Q: strings.TrimSpace(q.Get("q")), DocID: q.Get("doc"), Cursor: q.Get("cursor"),
	}
	if v := strings.TrimSpace(q.Get("quad")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return f, annalist.Errorf(annalist.EINVALID, "quad: want 0 to 4, got %q", v)
		}
		f.Quad, f.HasQuad = n, true
	}
	if v := strings.TrimSpace(q.Get("limit")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return f, annalist.Errorf(annalist.EINVALID, "limit: want a number, got %q", v)
		}
		f.Limit = n
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, annalist.Errorf(annalist.EINVALID, "from %s is after to %s", f.From, f.To)
	}
	if err := f.Validate(); err != nil {
		return f, err
	}
	return f, nil
}

// query checks a request's parameters and reads its filter.
func query(r *http.Request, extra ...string) (store.Filter, url.Values, error) {
	if err := noParams(r, params(extra...)); err != nil {
		return store.Filter{}, nil, err
	}
	q := r.URL.Query()
	f, err := parseFilter(q)
	return f, q, err
}

// eventPage is the answer to GET /v1/events.
type eventPage struct {
	Events     []store.StoredEvent `json:"events"`
	NextCursor string              `json:"next_cursor"`
}

// events answers GET /v1/events: a page of matching events and the cursor
// of the next page ("" on the last).
func (s *server) events(w http.ResponseWriter, r *http.Request) error {
	f, _, err := query(r, "limit", "cursor")
	if err != nil {
		return err
	}
	if err := s.needStore(); err != nil {
		return err
	}
	evs, next, err := s.store.Events(r.Context(), f)
	if err != nil {
		return fmt.Errorf("events: %w", err)
	}
	return writeJSON(w, http.StatusOK, eventPage{Events: nonNil(evs), NextCursor: next})
}

// timelineAnswer is the answer to GET /v1/stats/timeline.
type timelineAnswer struct {
	Interval string         `json:"interval"`
	Group    string         `json:"group"`
	Buckets  []store.Bucket `json:"buckets"`
}

// timeline answers GET /v1/stats/timeline: event counts per interval
// (day, week or month; default month) and group (quad or root; default quad).
func (s *server) timeline(w http.ResponseWriter, r *http.Request) error {
	f, q, err := query(r, "interval", "group")
	if err != nil {
		return err
	}
	interval, group := q.Get("interval"), q.Get("group")
	if interval == "" {
		interval = "month"
	}
	if group == "" {
		group = "quad"
	}
	if interval != "day" && interval != "week" && interval != "month" {
		return annalist.Errorf(annalist.EINVALID, "interval: want day, week or month, got %q", interval)
	}
	if group != "quad" && group != "root" {
		return annalist.Errorf(annalist.EINVALID, "group: want quad or root, got %q", group)
	}
	if err := s.needStore(); err != nil {
		return err
	}
	b, err := s.store.Timeline(r.Context(), f, interval, group)
	if err != nil {
		return fmt.Errorf("timeline: %w", err)
	}
	return writeJSON(w, http.StatusOK, timelineAnswer{Interval: interval, Group: group, Buckets: nonNil(b)})
}

// dyads answers GET /v1/stats/dyads: (source, target) pairs by count.
func (s *server) dyads(w http.ResponseWriter, r *http.Request) error {
	f, _, err := query(r, "limit")
	if err != nil {
		return err
	}
	if err := s.needStore(); err != nil {
		return err
	}
	limit := 0
	if r.URL.Query().Has("limit") {
		limit = f.Limit
	}
	f.Limit = 0
	d, err := s.store.Dyads(r.Context(), f, limit)
	if err != nil {
		return fmt.Errorf("dyads: %w", err)
	}
	return writeJSON(w, http.StatusOK, map[string][]store.Dyad{"dyads": nonNil(d)})
}

// place is one location with the number of matching events there.
type place struct {
	Name        string  `json:"name"`
	Country     string  `json:"country"`
	CountryName string  `json:"country_name,omitempty"`
	Admin1      string  `json:"admin1,omitempty"`
	Kind        string  `json:"kind"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Count       int     `json:"count"`
}

// placesAnswer is the answer to GET /v1/stats/places.
type placesAnswer struct {
	Places []place `json:"places"`
	// Located counts the matching events with a location; Events all matching events.
	Located int `json:"located"`
	Events  int `json:"events"`
}

// DefaultPlaces is how many places /v1/stats/places returns without a limit.
const DefaultPlaces = 500

// places answers GET /v1/stats/places: matching events counted per location,
// most frequent first. The store has no aggregate for this, so it walks the
// matching events; its cost grows with their number.
func (s *server) places(w http.ResponseWriter, r *http.Request) error {
	f, q, err := query(r, "limit")
	if err != nil {
		return err
	}
	limit := DefaultPlaces
	if q.Has("limit") {
		limit = f.Limit
	}
	if err := s.needStore(); err != nil {
		return err
	}
	f.Limit = 0
	type key struct {
		name, country string
		lat, lon      float64
	}
	idx := map[key]int{}
	ans := placesAnswer{Places: []place{}}
	err = s.store.EachEvent(r.Context(), f, func(ev *store.StoredEvent) error {
		ans.Events++
		l := ev.Location
		if l == nil {
			return nil
		}
		ans.Located++
		k := key{l.Name, l.Country, l.Lat, l.Lon}
		i, ok := idx[k]
		if !ok {
			i = len(ans.Places)
			idx[k] = i
			ans.Places = append(ans.Places, place{Name: l.Name, Country: l.Country, CountryName: l.CountryName, Admin1: l.Admin1, Kind: l.Kind, Lat: l.Lat, Lon: l.Lon})
		}
		ans.Places[i].Count++
		return nil
	})
	if err != nil {
		return fmt.Errorf("places: %w", err)
	}
	sort.SliceStable(ans.Places, func(i, j int) bool { return ans.Places[i].Count > ans.Places[j].Count })
	if len(ans.Places) > limit {
		ans.Places = ans.Places[:limit]
	}
	return writeJSON(w, http.StatusOK, ans)
}

// contentTypes gives the Content-Type of each export format; others are text/plain.
func contentType(format string) string {
	switch format {
	case "jsonl", "documents":
		return "application/x-ndjson"
	case "csv":
		return "text/csv; charset=utf-8"
	case "tsv", "gdelt", "icews", "phoenix":
		return "text/tab-separated-values; charset=utf-8"
	}
	return "text/plain; charset=utf-8"
}

// export answers GET /v1/export: every matching event in one of the
// export package's formats, streamed. An error before the first byte is a
// JSON error; after it, the connection is cut so that the client sees an
// incomplete response instead of a short file.
func (s *server) export(w http.ResponseWriter, r *http.Request) error {
	f, q, err := query(r, "format")
	if err != nil {
		return err
	}
	if err := s.needStore(); err != nil {
		return err
	}
	format := q.Get("format")
	if format == "" {
		format = "jsonl"
	}
	sw := &streamWriter{w: w, rc: http.NewResponseController(w), idle: s.timeout}
	var opts export.Options
	if s.eng != nil {
		// Country names for the formats that spell them out (gdelt, icews,
		// phoenix), from the gazetteer, as annalist export does.
		gaz := s.eng.Gazetteer()
		opts.CountryName = func(code string) (string, bool) {
			if ct, ok := gaz.Country(code); ok {
				return ct.Name, true
			}
			return "", false
		}
	}
	ew, err := export.NewWriterOptions(format, sw, opts)
	if err != nil {
		return err
	}
	if _, ok := ew.(export.DocumentWriter); ok {
		return annalist.Errorf(annalist.EINVALID, "format %s writes whole articles: use GET /v1/documents/{id}", format)
	}
	f.Limit = 0
	w.Header().Set("Content-Type", contentType(format))
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="annalist-events.%s"`, format))
	err = s.store.EachEvent(r.Context(), f, func(ev *store.StoredEvent) error { return ew.Write(&ev.Event) })
	if err == nil {
		err = ew.Flush()
	}
	if err != nil {
		if !sw.started {
			return fmt.Errorf("export: %w", err)
		}
		s.log.Error("export cut short", "err", err)
		panic(http.ErrAbortHandler)
	}
	return nil
}

// streamWriter writes an export to the client, moving the write deadline
// forward before every write: a slow but live client is served to the end,
// one that stops reading is cut after idle.
type streamWriter struct {
	w       http.ResponseWriter
	rc      *http.ResponseController
	idle    time.Duration
	started bool
}

func (sw *streamWriter) Write(b []byte) (int, error) {
	sw.started = true
	sw.rc.SetWriteDeadline(time.Now().Add(sw.idle))
	return sw.w.Write(b)
}
