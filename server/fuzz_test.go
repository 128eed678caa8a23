package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// The fuzz targets cover every parser of outside input: article JSON,
// JSON Lines batches and query strings. Run one with, for example,
// go test ./server -run '^$' -fuzz FuzzBatch -fuzztime 60s.

// FuzzArticle: any body either decodes into a usable document or fails with
// an EINVALID error; nothing panics.
func FuzzArticle(f *testing.F) {
	for _, s := range []string{
		`{"text":"France accused Russia."}`, `{"id":"a","date":"2019-12-19","title":"t","text":"x","source":"s","url":"u"}`,
		`{"text":"x","date":"20191219"}`, `{"text":"x","date":"2019-12-19T10:00:00Z"}`, `{"text":"  "}`, `{"text":3}`,
		`[]`, `null`, `{"text":"a"} {}`, `{"text":"\u0000"}`, `{"id":"` + strings.Repeat("x", 600) + `","text":"a"}`, "",
		"{\"text\":\"\xff\"}", `{"id":"a\u0007","text":"a"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := decodeArticle(bytes.NewReader(body))
		if err != nil {
			if annalist.ErrorCode(err) != annalist.EINVALID {
				t.Fatalf("decode error with code %q: %v", annalist.ErrorCode(err), err)
			}
			return
		}
		doc, err := a.document()
		if err != nil {
			if annalist.ErrorCode(err) != annalist.EINVALID {
				t.Fatalf("document error with code %q: %v", annalist.ErrorCode(err), err)
			}
			return
		}
		if strings.TrimSpace(doc.Text) == "" || !utf8.ValidString(doc.Text) || doc.ID == "" || len(doc.ID) > maxIDLen || checkID(doc.ID) != nil {
			t.Fatalf("accepted an unusable document %+v", doc)
		}
	})
}

// FuzzBatch: a JSON Lines batch is answered with 200 and one outcome per
// non-blank line (or 400 when it has none); every error names its line.
func FuzzBatch(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","date":"2020-01-06","text":"France accused Russia of interfering."}` + "\n" + `{"id":"b","text":""}`,
		"\n\n{\"text\":\"Russia denied it.\"}\n{bad\n[1]\n",
		`{"id":"c","date":"6 Jan","text":"x"}`, "{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n", "", "\n", "\xff\xfe",
	} {
		f.Add([]byte(s))
	}
	srv := New(Config{Store: newFakeStore(), Engine: testEngine(f), Token: "w", MaxBody: 1 << 16})
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", "/v1/documents", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/x-ndjson")
		req.Header.Set("Authorization", "Bearer w")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		lines := 0
		for _, l := range bytes.Split(body, []byte("\n")) {
			if len(bytes.TrimSpace(l)) > 0 {
				lines++
			}
		}
		switch rec.Code {
		case http.StatusOK:
			var res ingestResult
			if err := json.Unmarshal(rec.Body.Bytes(), &res); err != nil {
				t.Fatalf("200 with a body that is not an ingest result: %v", err)
			}
			if res.Stored+res.Failed != lines || len(res.Errors) != res.Failed || len(res.Documents) != res.Stored {
				t.Fatalf("%d non-blank lines, result %+v", lines, res)
			}
			n := len(bytes.Split(body, []byte("\n")))
			for _, e := range res.Errors {
				if e.Line < 1 || e.Line > n || e.Error.Code == "" || e.Error.Message == "" {
					t.Fatalf("error not located: %+v", e)
				}
			}
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge:
			if lines > 0 && rec.Code == http.StatusBadRequest {
				t.Fatalf("400 for a batch with %d non-blank lines: %s", lines, rec.Body)
			}
			checkErrorBody(t, rec)
		default:
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	})
}

// FuzzQuery: any query string on the event endpoints is answered with 200
// or a 400 naming the problem; never a 500.
func FuzzQuery(f *testing.F) {
	for _, s := range []string{
		"", "from=2019-12-01&to=2020-01-31", "actor=chn&quad=1&limit=5", "quad=x", "limit=-1", "root=1", "code=19a",
		"cursor=zzz", "actor=CHN%25", "q=%22peace%22+talks", "interval=year", "group=root&interval=week", "format=tsv",
		"a=%zz", "doc=d3%2Fx&q=", "limit=99999999999999999999",
	} {
		f.Add(s)
	}
	st := newFakeStore()
	fill(f, st)
	srv := New(Config{Store: st})
	f.Fuzz(func(t *testing.T, query string) {
		for _, p := range []string{"/v1/events", "/v1/stats/timeline", "/v1/stats/dyads", "/v1/stats/places", "/v1/export"} {
			req := httptest.NewRequest("GET", "/", nil)
			req.URL.Path = p
			req.URL.RawQuery = query
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			switch rec.Code {
			case http.StatusOK:
			case http.StatusBadRequest:
				checkErrorBody(t, rec)
			default:
				t.Fatalf("%s?%s: status %d: %s", p, query, rec.Code, rec.Body)
			}
		}
	})
}

func checkErrorBody(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	var e struct {
		Error *errorDetail `json:"error"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &e); err != nil || e.Error == nil || e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("status %d without an error body: %s", rec.Code, rec.Body)
	}
}
