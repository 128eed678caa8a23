package server

import (
	"encoding/json"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
)

// openapiSpec is the part of the OpenAPI document the tests read.
type openapiSpec struct {
	OpenAPI    string                          `json:"openapi"`
	Paths      map[string]map[string]openapiOp `json:"paths"`
	Components struct {
		Parameters map[string]openapiParam `json:"parameters"`
	} `json:"components"`
}

type openapiOp struct {
	Parameters []openapiParam        `json:"parameters"`
	Security   []map[string][]string `json:"security"`
	Responses  map[string]any        `json:"responses"`
}

type openapiParam struct {
	Ref  string `json:"$ref"`
	Name string `json:"name"`
	In   string `json:"in"`
}

func loadSpec(t *testing.T) *openapiSpec {
	t.Helper()
	var s openapiSpec
	if err := json.Unmarshal(openapiDoc, &s); err != nil {
		t.Fatalf("openapi.json: %v", err)
	}
	if s.OpenAPI != "3.1.0" {
		t.Fatalf("openapi version %q", s.OpenAPI)
	}
	return &s
}

// specPath is a route's path as OpenAPI writes it.
func specPath(p string) string { return strings.ReplaceAll(p, "...}", "}") }

// TestOpenAPIRoutes checks that every registered route is documented and
// every documented operation is registered, with the access it documents.
func TestOpenAPIRoutes(t *testing.T) {
	s := loadSpec(t)
	var registered, documented []string
	for _, rt := range routes() {
		registered = append(registered, rt.method+" "+specPath(rt.path))
		op, ok := s.Paths[specPath(rt.path)][strings.ToLower(rt.method)]
		if !ok {
			continue
		}
		var schemes []string
		for _, sec := range op.Security {
			if len(sec) == 0 {
				schemes = append(schemes, "none")
			}
			for k := range sec {
				schemes = append(schemes, k)
			}
		}
		want := map[access][]string{open: {"none"}, read: nil, write: {"bearer"}}[rt.access]
		if !slices.Equal(schemes, want) {
			t.Errorf("%s %s: security %v, want %v", rt.method, rt.path, schemes, want)
		}
		if rt.access != open && op.Responses["401"] == nil {
			t.Errorf("%s %s: 401 not documented", rt.method, rt.path)
		}
	}
	for p, ops := range s.Paths {
		for m := range ops {
			documented = append(documented, strings.ToUpper(m)+" "+p)
		}
	}
	sort.Strings(registered)
	sort.Strings(documented)
	if !slices.Equal(registered, documented) {
		t.Errorf("routes and openapi.json differ:\n registered %q\n documented %q", registered, documented)
	}
}

// TestOpenAPIRefs checks that every $ref in the document resolves.
func TestOpenAPIRefs(t *testing.T) {
	var doc any
	if err := json.Unmarshal(openapiDoc, &doc); err != nil {
		t.Fatal(err)
	}
	var walk func(v any)
	n := 0
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				n++
				var cur any = doc
				for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
					m, ok := cur.(map[string]any)
					if !ok || m[part] == nil {
						t.Errorf("unresolved $ref %s", ref)
						return
					}
					cur = m[part]
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	if n < 50 {
		t.Errorf("only %d $refs: the walk is broken", n)
	}
}

// sampleValues are valid values for every documented query parameter.
var sampleValues = map[string]string{
	"from": "2019-01-01", "to": "2020-12-31", "actor": "CHN", "source": "CHN", "target": "AFG", "country": "AFG",
	"root": "03", "code": "036", "plover": "AGREE", "quad": "1", "q": "army", "doc": "d1", "limit": "5", "cursor": "",
	"interval": "week", "group": "root", "format": "tsv", "tokens": "1", "date": "2019-12-19", "title": "t", "id": "x",
}

// TestOpenAPIParameters checks that each endpoint accepts exactly the query
// parameters documented for it: all of them together succeed, and an
// undocumented one is refused.
func TestOpenAPIParameters(t *testing.T) {
	s := loadSpec(t)
	f := newFakeStore()
	fill(t, f)
	srv := newServer(t, Config{Store: f, Engine: testEngine(t), Token: "w"})
	for _, rt := range routes() {
		op := s.Paths[specPath(rt.path)][strings.ToLower(rt.method)]
		q := url.Values{}
		for _, p := range op.Parameters {
			if p.Ref != "" {
				p = s.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
			}
			if p.In != "query" {
				continue
			}
			v, ok := sampleValues[p.Name]
			if !ok {
				t.Errorf("%s %s: no sample value for %q", rt.method, rt.path, p.Name)
			}
			q.Set(p.Name, v)
		}
		path := strings.ReplaceAll(rt.path, "{id...}", "d1")
		send := func(q url.Values) response {
			u := path
			if len(q) > 0 {
				u += "?" + q.Encode()
			}
			if rt.method == "POST" {
				ct, body := "application/json", `{"id":"p","text":"France accused Russia."}`
				if q.Has("date") {
					ct, body = "text/plain", "France accused Russia."
				}
				return post(t, srv, u, ct, body, "Authorization: Bearer w")
			}
			return get(t, srv, u)
		}
		if res := send(q); res.status >= 300 {
			t.Errorf("%s %s?%s: %d %s", rt.method, rt.path, q.Encode(), res.status, res.body)
		}
		q.Set("undocumented", "1")
		if res := send(q); res.status != 400 && rt.access != open {
			t.Errorf("%s %s with an undocumented parameter: %d", rt.method, rt.path, res.status)
		}
	}
}
