package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/server"
)

// serveCmd is "annalist serve": the HTTP API and the web UI over an event store.
type serveCmd struct {
	e  *env
	fs *flag.FlagSet
	// getenv reads ANNALIST_TOKEN and ANNALIST_READ_TOKEN (os.Getenv; tests replace it).
	getenv func(string) string

	engineFlags
	addr, db, token, readToken string
	maxBody                    int64
	timeout, grace             time.Duration
	quiet                      bool
}

func newServeCmd(e *env) command {
	c := &serveCmd{e: e, fs: flag.NewFlagSet("serve", flag.ContinueOnError), getenv: os.Getenv}
	c.fs.SetOutput(e.stderr)
	c.fs.StringVar(&c.addr, "addr", ":8080", "address to listen on (host:port; port 0 picks a free one)")
	c.fs.StringVar(&c.db, "db", defaultDB, "event store: an SQLite file path or a postgres:// URL")
	c.fs.StringVar(&c.token, "token", "", "bearer token for writes (default $ANNALIST_TOKEN; none: the API is read-only)")
	c.fs.StringVar(&c.readToken, "read-token", "", "bearer token for reads (default $ANNALIST_READ_TOKEN; none: reads are open)")
	c.fs.Int64Var(&c.maxBody, "max-body", server.DefaultMaxBody, "largest request body in bytes (413 beyond)")
	c.fs.DurationVar(&c.timeout, "timeout", server.DefaultTimeout, "longest a request may take")
	c.fs.DurationVar(&c.grace, "grace", 30*time.Second, "on SIGINT or SIGTERM, how long requests in flight may take to finish")
	c.engineFlags.register(c.fs, true)
	c.fs.BoolVar(&c.quiet, "quiet", false, "log only warnings and errors, not every request")
	c.fs.Usage = func() {
		fmt.Fprintln(e.stderr, "Usage: annalist serve [flags]")
		fmt.Fprintln(e.stderr)
		fmt.Fprintln(e.stderr, "Serves the JSON API under /v1 (described at /v1/openapi.json, docs/api.md) and")
		fmt.Fprintln(e.stderr, "the web UI at /, over the event store --db names. Writes (POST /v1/documents)")
		fmt.Fprintln(e.stderr, "need Authorization: Bearer <token>; without a token the API is read-only. Prefer")
		fmt.Fprintln(e.stderr, "ANNALIST_TOKEN and ANNALIST_READ_TOKEN to the flags: flags show in ps. Logs go")
		fmt.Fprintln(e.stderr, "to stderr. SIGINT or SIGTERM stops the server after the requests in flight.")
		fmt.Fprintln(e.stderr)
		c.fs.PrintDefaults()
	}
	return c
}

func (c *serveCmd) Name() string { return "serve" }
func (c *serveCmd) Synopsis() string {
	return "serve the API and the web UI: annalist serve [--addr :8080] [--db PATH|URL] [--token T]"
}

func (c *serveCmd) Run(ctx context.Context, args []string) error {
	if err := c.fs.Parse(args); err != nil {
		return usageError(err)
	}
	if c.fs.NArg() > 0 {
		return annalist.Errorf(annalist.EINVALID, "serve: unexpected argument %q", c.fs.Arg(0))
	}
	if c.maxBody <= 0 || c.timeout <= 0 || c.grace < 0 {
		return annalist.Errorf(annalist.EINVALID, "serve: --max-body and --timeout must be positive, --grace not negative")
	}
	if c.token == "" {
		c.token = c.getenv("ANNALIST_TOKEN")
	}
	if c.readToken == "" {
		c.readToken = c.getenv("ANNALIST_READ_TOKEN")
	}
	level := slog.LevelInfo
	if c.quiet {
		level = slog.LevelWarn
	}
	log := slog.New(slog.NewTextHandler(c.e.stderr, &slog.HandlerOptions{Level: level}))

	eng, err := c.newEngine(c.e.stderr)
	if err != nil {
		return err
	}
	// Load the tagger and parser now rather than on the first request.
	if _, err := eng.Analyzer(); err != nil {
		return fmt.Errorf("load language models: %w", err)
	}
	st, err := openStore(ctx, c.db)
	if err != nil {
		return err
	}
	defer st.Close()

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return annalist.Errorf(annalist.EUNAVAILABLE, "listen on %s: %v", c.addr, err)
	}
	srv := &http.Server{
		Handler: server.New(server.Config{Store: st, Engine: eng, Token: c.token, ReadToken: c.readToken,
			MaxBody: c.maxBody, Timeout: c.timeout, Logger: log}),
		ReadHeaderTimeout: 10 * time.Second,
		// Reading a body and writing an answer each get the request's time
		// and a margin; streamed exports move their own write deadline.
		ReadTimeout:    c.timeout + 30*time.Second,
		WriteTimeout:   c.timeout + 30*time.Second,
		IdleTimeout:    2 * time.Minute,
		MaxHeaderBytes: 64 << 10,
		ErrorLog:       slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	writes := "writes need the token"
	if c.token == "" {
		writes = "read-only: no write token (--token or ANNALIST_TOKEN)"
	}
	reads := "reads are open"
	if c.readToken != "" {
		reads = "reads need a token"
	}
	fmt.Fprintf(c.e.stderr, "annalist: serving http://%s (UI at /, API at /v1) over %s; %s, %s\n", ln.Addr(), c.db, writes, reads)

	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return annalist.Errorf(annalist.EUNAVAILABLE, "serve: %v", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(c.e.stderr, "annalist: stopping: finishing the requests in flight")
	sctx, cancel := context.WithTimeout(context.Background(), c.grace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return annalist.Errorf(annalist.EUNAVAILABLE, "serve: requests still running after %v were cut: %v", c.grace, err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return annalist.Errorf(annalist.EUNAVAILABLE, "serve: %v", err)
	}
	return nil
}
