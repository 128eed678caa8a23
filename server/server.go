// Package server is Annalist's HTTP API: it codes articles, stores them and answers queries about their events as JSON under /v1, and serves the web UI at /.
//
// New builds an http.Handler from a Config; the handler keeps no global state,
// and any number of them can live in one process. Errors are JSON
// {"error": {"code", "message"}} with the code of the underlying
// *annalist.Error and its HTTP status; internal errors are logged and
// answered with a generic message. docs/api.md describes every endpoint.
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/web"
)

// Defaults for the zero values of Config.
const (
	// DefaultMaxBody bounds request bodies when Config.MaxBody is 0 (10 MiB).
	DefaultMaxBody = 10 << 20
	// DefaultTimeout bounds the handling of one request when Config.Timeout is 0.
	DefaultTimeout = 60 * time.Second
)

// Config says what a server serves and how it guards it.
type Config struct {
	// Store keeps and queries coded documents. Without one, the endpoints
	// that need it answer 503 (code "unavailable") and /v1/code still works.
	Store store.Store
	// Engine codes articles. Without one, /v1/code and POST /v1/documents
	// answer 503.
	Engine *engine.Engine
	// Token is the bearer token that writes (POST /v1/documents) need. When
	// it is empty the server is read-only: every write is refused with 403.
	Token string
	// ReadToken, when set, makes reads need a bearer token too: either
	// ReadToken or Token. When empty, reads are open.
	ReadToken string
	// MaxBody bounds a request body in bytes (0: DefaultMaxBody); a larger
	// body is refused with 413.
	MaxBody int64
	// Timeout bounds the handling of one request (0: DefaultTimeout). A
	// request that runs over it gets 503; a batch of documents stops between
	// documents and lists the ones not stored; an export is cut only when
	// the client stops reading for this long.
	Timeout time.Duration
	// Logger receives one record per request and the details of internal
	// errors, which clients never see. nil discards.
	Logger *slog.Logger
}

// server is the state one handler shares between requests; it is
// immutable after New except for the coding semaphore.
type server struct {
	store   store.Store
	eng     *engine.Engine
	token   string
	rtoken  string
	maxBody int64
	timeout time.Duration
	log     *slog.Logger
	// coding bounds how many articles are coded at once (one per CPU), so
	// that a burst of /v1/code requests queues instead of exhausting memory.
	coding chan struct{}
	cameo  []byte
}

// access says who may call a route.
type access int

const (
	open  access = iota // anyone
	read                // anyone unless a read token is configured
	write               // the write token only
)

// flavour says how a route is bounded in time.
type flavour int

const (
	bounded  flavour = iota // http.TimeoutHandler: 503 after Timeout
	deadline                // the handler's context has a deadline; the handler stops cleanly
	stream                  // the response streams; the write deadline moves while it progresses
)

// route is one entry of the API.
type route struct {
	method, path string
	access       access
	flavour      flavour
	handle       func(s *server, w http.ResponseWriter, r *http.Request) error
}

// routes lists every API endpoint. The OpenAPI test checks this table
// against openapi.json in both directions.
func routes() []route {
	return []route{
		{"GET", "/healthz", open, bounded, (*server).health},
		{"GET", "/v1/openapi.json", open, bounded, (*server).openapi},
		{"GET", "/v1/cameo", read, bounded, (*server).cameoList},
		{"POST", "/v1/code", read, bounded, (*server).code},
		{"POST", "/v1/documents", write, deadline, (*server).postDocuments},
		{"GET", "/v1/documents/{id...}", read, bounded, (*server).getDocument},
		{"GET", "/v1/events", read, bounded, (*server).events},
		{"GET", "/v1/stats", read, bounded, (*server).stats},
		{"GET", "/v1/stats/timeline", read, bounded, (*server).timeline},
		{"GET", "/v1/stats/dyads", read, bounded, (*server).dyads},
		{"GET", "/v1/stats/places", read, bounded, (*server).places},
		{"GET", "/v1/export", read, stream, (*server).export},
	}
}

// New returns the handler for the API under /v1, /healthz and the web UI at
// /. It does not fail: missing parts of cfg make the endpoints that need
// them answer 503, and zero limits take the package defaults.
func New(cfg Config) http.Handler {
	s := &server{
		store: cfg.Store, eng: cfg.Engine, token: cfg.Token, rtoken: cfg.ReadToken,
		maxBody: cfg.MaxBody, timeout: cfg.Timeout, log: cfg.Logger,
		coding: make(chan struct{}, runtime.GOMAXPROCS(0)),
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	if s.eng != nil {
		s.cameo = cameoJSON(s.eng)
	}
	mux := http.NewServeMux()
	methods := map[string][]string{}
	var paths []string
	for _, rt := range routes() {
		mux.Handle(rt.method+" "+rt.path, s.wrap(rt))
		if methods[rt.path] == nil {
			paths = append(paths, rt.path)
		}
		methods[rt.path] = append(methods[rt.path], rt.method)
	}
	// The same paths without a method catch the other methods, so that a
	// wrong method gets a JSON 405 with Allow rather than the mux's text.
	for _, p := range paths {
		allow := methods[p]
		if contains(allow, "GET") {
			allow = append(allow, "HEAD")
		}
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			s.writeError(w, r, statusError{http.StatusMethodNotAllowed,
				annalist.Errorf(annalist.EINVALID, "method %s not allowed on %s: use %s", r.Method, r.URL.Path, strings.Join(allow, " or "))})
		})
	}
	mux.HandleFunc("/v1/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, annalist.Errorf(annalist.ENOTFOUND, "no endpoint %s %s; see /v1/openapi.json", r.Method, r.URL.Path))
	})
	mux.Handle("/", web.Handler())
	return s.outer(mux)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// timeoutBody is what http.TimeoutHandler answers after the deadline.
const timeoutBody = `{"error":{"code":"unavailable","message":"the request took too long and was stopped; narrow it (filters, a smaller body) or try again"}}` + "\n"

// wrap adds authentication, the body bound and the time bound to a route.
func (s *server) wrap(rt route) http.Handler {
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := rt.handle(s, w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
	switch rt.flavour {
	case bounded:
		th := http.TimeoutHandler(h, s.timeout, timeoutBody)
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			// TimeoutHandler copies the handler's headers on success; on a
			// timeout only these remain, so its body is labelled as JSON.
			w.Header().Set("Content-Type", "application/json")
			th.ServeHTTP(w, r)
		})
	case deadline:
		inner := h
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), s.timeout)
			defer cancel()
			inner.ServeHTTP(w, r.WithContext(ctx))
		})
	}
	inner := h
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.authorize(rt.access, r); err != nil {
			s.writeError(w, r, err)
			return
		}
		if r.ContentLength > s.maxBody {
			s.writeError(w, r, tooLarge(s.maxBody))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.maxBody)
		w.Header().Set("Cache-Control", "no-store")
		inner.ServeHTTP(w, r)
	})
}

func tooLarge(max int64) error {
	return annalist.Errorf(annalist.ETOOLARGE, "request body larger than %d bytes", max)
}

// outer logs every request, sets headers common to every response, and turns
// a panic into a 500 (logged with its value, never shown to the client).
func (s *server) outer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		rec.Header().Set("X-Content-Type-Options", "nosniff")
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					s.log.Warn("response aborted", "method", r.Method, "path", r.URL.Path)
					panic(p)
				}
				s.log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
				if !rec.wrote {
					s.writeError(rec, r, annalist.Errorf(annalist.EINTERNAL, "panic: %v", p))
				}
			}
			s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
				"bytes", rec.bytes, "ms", time.Since(start).Milliseconds(), "remote", r.RemoteAddr)
		}()
		next.ServeHTTP(rec, r)
	})
}

// recorder remembers the status and size of a response for the log. It
// unwraps for http.ResponseController, so flushing and write deadlines reach
// the connection.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if !r.wrote {
		r.status, r.wrote = http.StatusOK, true
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

// Flush sends buffered data to the client (streamed exports need it).
func (r *recorder) Flush() {
	if !r.wrote {
		r.status, r.wrote = http.StatusOK, true
	}
	http.NewResponseController(r.ResponseWriter).Flush()
}

// needStore returns an EUNAVAILABLE error when no store is configured.
func (s *server) needStore() error {
	if s.store == nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "this server has no database: start it with --db")
	}
	return nil
}

// needEngine returns an EUNAVAILABLE error when no engine is configured.
func (s *server) needEngine() error {
	if s.eng == nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "this server has no coding engine")
	}
	return nil
}

// health answers GET /healthz: 200 when the store (if any) answers, 503 otherwise.
func (s *server) health(w http.ResponseWriter, r *http.Request) error {
	if s.store != nil {
		ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
		defer cancel()
		if _, _, err := s.store.Stats(ctx); err != nil {
			s.log.Error("health check", "err", err)
			return annalist.Errorf(annalist.EUNAVAILABLE, "the database does not answer")
		}
	}
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// stats answers GET /v1/stats with the numbers of documents and events stored.
func (s *server) stats(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r, nil); err != nil {
		return err
	}
	if err := s.needStore(); err != nil {
		return err
	}
	docs, events, err := s.store.Stats(r.Context())
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	return writeJSON(w, http.StatusOK, map[string]int{"documents": docs, "events": events})
}

// errTimeout reports whether err comes from a passed deadline.
func errTimeout(err error) bool {
	return errors.Is(err, context.DeadlineExceeded)
}
