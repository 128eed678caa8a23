package web

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path"
	"regexp"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h := Handler()
	tests := []struct {
		method, path string
		status       int
		ctype        string
		contains     string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8", `<script type="module" src="/app.js">`},
		{"GET", "/index.html", 200, "text/html; charset=utf-8", "<title>Annalist</title>"},
		{"GET", "/app.js", 200, "text/javascript; charset=utf-8", "import"},
		{"GET", "/app.css", 200, "text/css; charset=utf-8", ":root"},
		{"GET", "/favicon.svg", 200, "image/svg+xml", "<svg"},
		{"GET", "/vendor/world-atlas/countries-110m.json", 200, "application/json", `"Topology"`},
		{"HEAD", "/app.js", 200, "text/javascript; charset=utf-8", ""},
		{"GET", "/nope.js", 404, "", ""},
		{"GET", "/static/app.js", 404, "", ""},
		{"POST", "/", 405, "", ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.path, nil))
		if rec.Code != tt.status {
			t.Errorf("%s %s: %d, want %d", tt.method, tt.path, rec.Code, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if ct := rec.Header().Get("Content-Type"); ct != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, ct, tt.ctype)
		}
		if !strings.Contains(rec.Body.String(), tt.contains) {
			t.Errorf("%s: body lacks %q", tt.path, tt.contains)
		}
		for _, hd := range []string{"Content-Security-Policy", "ETag", "X-Content-Type-Options"} {
			if rec.Header().Get(hd) == "" {
				t.Errorf("%s: no %s", tt.path, hd)
			}
		}
	}
	// A cached copy is revalidated with its ETag.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/app.js", nil))
	req := httptest.NewRequest("GET", "/app.js", nil)
	req.Header.Set("If-None-Match", rec.Header().Get("ETag"))
	rec2 := httptest.NewRecorder()
	h.ServeHTTP(rec2, req)
	if rec2.Code != http.StatusNotModified {
		t.Errorf("If-None-Match with the ETag: %d, want 304", rec2.Code)
	}
}

// TestAssetReferences checks that every file the page and the scripts refer
// to is embedded, so a renamed file cannot break the UI unnoticed.
func TestAssetReferences(t *testing.T) {
	refs := regexp.MustCompile(`(?:src|href)="(/[^"#?]*)"|from '(\./[^']+)'|fetch\('(/[^']+)'\)`)
	n := 0
	fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".js")) {
			return err
		}
		b, _ := static.ReadFile(p)
		for _, m := range refs.FindAllStringSubmatch(string(b), -1) {
			ref := m[1] + m[2] + m[3]
			target := ""
			switch {
			case strings.HasPrefix(ref, "/v1/"):
				continue // the API, not a file
			case strings.HasPrefix(ref, "./"):
				target = path.Join(path.Dir(p), ref)
			default:
				target = "static" + ref
			}
			if ref == "/" {
				continue
			}
			if _, err := fs.Stat(static, target); err != nil {
				t.Errorf("%s refers to %s, which is not embedded", p, ref)
			}
			n++
		}
		return nil
	})
	if n < 6 {
		t.Errorf("found only %d references: the pattern is broken", n)
	}
}

// TestEmbeddedSize keeps the UI small and every vendored file licensed.
func TestEmbeddedSize(t *testing.T) {
	total := 0
	fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := static.ReadFile(p)
		total += len(b)
		if strings.HasPrefix(p, "static/vendor/") {
			if _, err := fs.Stat(static, path.Join(path.Dir(p), "LICENSE")); err != nil {
				t.Errorf("%s has no LICENSE beside it", p)
			}
		}
		return nil
	})
	if total > 3<<20 {
		t.Errorf("embedded UI is %d bytes, over 3 MiB", total)
	}
}
