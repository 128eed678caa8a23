package server

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/postgres"
	"github.com/annalist/annalist/store/sqlite"
)

// backend opens an empty store for a test; every API test that reads back
// what it stored runs once per backend.
type backend struct {
	name string
	open func(tb testing.TB) store.Store
}

// backends lists the stores the API is tested against: SQLite in a
// temporary file always, PostgreSQL (a fresh schema per test) when
// ANNALIST_TEST_POSTGRES names a server, as .ci/run arranges.
func backends(tb testing.TB) []backend {
	bs := []backend{{"sqlite", openSQLite}}
	if u := os.Getenv("ANNALIST_TEST_POSTGRES"); u != "" {
		bs = append(bs, backend{"postgres", func(tb testing.TB) store.Store { return openPostgres(tb, u) }})
	}
	return bs
}

// openSQLite opens a store in a new SQLite file, closed at the end of the test.
func openSQLite(tb testing.TB) store.Store {
	tb.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(tb.TempDir(), "annalist.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

var schemaSeq atomic.Int64

// openPostgres opens a store in a new schema of the server at base; the
// schema is dropped at the end of the test.
func openPostgres(tb testing.TB, base string) store.Store {
	tb.Helper()
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		tb.Fatalf("ANNALIST_TEST_POSTGRES: %v", err)
	}
	admin := stdlib.OpenDB(*cfg)
	name := fmt.Sprintf("annalist_server_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := admin.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name); err != nil {
		admin.Close()
		tb.Fatal(err)
	}
	u, err := url.Parse(base)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		tb.Fatalf("ANNALIST_TEST_POSTGRES must be a postgres:// URL: %q", base)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	st, err := postgres.Open(context.Background(), u.String())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		st.Close()
		dropSchema(admin, name)
	})
	return st
}

func dropSchema(admin *sql.DB, name string) {
	admin.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE")
	admin.Close()
}
