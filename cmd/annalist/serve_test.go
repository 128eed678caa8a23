package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annalist/annalist"
)

// syncBuffer is a bytes buffer safe to write from the server while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRE = regexp.MustCompile(`serving http://(\S+) `)

// startServe runs "annalist serve" with args on a free port and returns its
// base URL, its stderr and a function that stops it and returns Run's error.
func startServe(t *testing.T, vars map[string]string, args ...string) (string, *syncBuffer, func() error) {
	t.Helper()
	var stderr syncBuffer
	c := newServeCmd(&env{stdout: io.Discard, stderr: &stderr}).(*serveCmd)
	c.getenv = func(k string) string { return vars[k] }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- c.Run(ctx, append([]string{"--addr", "127.0.0.1:0", "--db", filepath.Join(t.TempDir(), "a.db")}, args...))
	}()
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(30 * time.Second):
				t.Errorf("serve did not stop 30 s after its context was cancelled:\n%s", stderr.String())
			}
		})
		return runErr
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		if m := servingRE.FindStringSubmatch(stderr.String()); m != nil {
			t.Cleanup(func() { stop() })
			return "http://" + m[1], &stderr, stop
		}
		select {
		case err := <-done:
			t.Fatalf("serve stopped before serving: %v\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("serve did not start in 60 s:\n%s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func status(t *testing.T, method, url, token, body string) int {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode
}

func TestServe(t *testing.T) {
	base, stderr, stop := startServe(t, map[string]string{"ANNALIST_TOKEN": "w-tok", "ANNALIST_READ_TOKEN": "r-tok"})
	doc := `{"id":"a","date":"2020-01-06","text":"France accused Russia of interfering in the election."}`
	for _, tt := range []struct {
		method, path, token, body string
		want                      int
	}{
		{"GET", "/healthz", "", "", 200},
		{"GET", "/", "", "", 200},
		{"GET", "/v1/events", "", "", 401},
		{"GET", "/v1/events", "r-tok", "", 200},
		{"POST", "/v1/documents", "r-tok", doc, 401},
		{"POST", "/v1/documents", "w-tok", doc, 201},
		{"GET", "/v1/documents/a", "w-tok", "", 200},
	} {
		if got := status(t, tt.method, base+tt.path, tt.token, tt.body); got != tt.want {
			t.Errorf("%s %s with %q: %d, want %d", tt.method, tt.path, tt.token, got, tt.want)
		}
	}
	if err := stop(); err != nil {
		t.Errorf("serve after SIGINT/SIGTERM (context cancelled): %v", err)
	}
	if !strings.Contains(stderr.String(), "reads need a token") || !strings.Contains(stderr.String(), "stopping") {
		t.Errorf("stderr:\n%s", stderr.String())
	}
	if strings.Contains(stderr.String(), "w-tok") || strings.Contains(stderr.String(), "r-tok") {
		t.Errorf("a token was logged:\n%s", stderr.String())
	}
	if _, err := net.Dial("tcp", strings.TrimPrefix(base, "http://")); err == nil {
		t.Errorf("still listening after stopping")
	}
}

func TestServeReadOnly(t *testing.T) {
	base, stderr, _ := startServe(t, nil, "--quiet")
	if got := status(t, "POST", base+"/v1/documents", "anything", `{"text":"x"}`); got != 403 {
		t.Errorf("write without a configured token: %d, want 403", got)
	}
	if got := status(t, "GET", base+"/v1/events", "", ""); got != 200 {
		t.Errorf("open read: %d", got)
	}
	if s := stderr.String(); !strings.Contains(s, "read-only") || strings.Contains(s, "msg=request") {
		t.Errorf("stderr of a quiet read-only server:\n%s", s)
	}
}

func TestServeErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	db := filepath.Join(t.TempDir(), "a.db")
	for _, tt := range []struct {
		args []string
		code string
	}{
		{[]string{"--timeout", "0"}, annalist.EINVALID},
		{[]string{"--max-body", "-1"}, annalist.EINVALID},
		{[]string{"extra"}, annalist.EINVALID},
		{[]string{"--verbs", "nope"}, annalist.EINVALID},
		{[]string{"--no-such-flag"}, annalist.EINVALID},
		{[]string{"--addr", ln.Addr().String()}, annalist.EUNAVAILABLE},
	} {
		c := newServeCmd(&env{stdout: io.Discard, stderr: io.Discard}).(*serveCmd)
		c.getenv = func(string) string { return "" }
		err := c.Run(context.Background(), append([]string{"--db", db}, tt.args...))
		if got := annalist.ErrorCode(err); got != tt.code {
			t.Errorf("%q: %v (code %q), want code %q", tt.args, err, got, tt.code)
		}
	}
}
