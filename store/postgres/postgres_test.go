package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/internal/sqlstore"
	"github.com/annalist/annalist/store/storetest"
)

// testURL returns the database the tests may use, from
// ANNALIST_TEST_POSTGRES (postgres://user@127.0.0.1:PORT/db); without it
// the tests skip. .ci/run starts a throwaway server and sets it.
func testURL(t *testing.T) string {
	u := os.Getenv("ANNALIST_TEST_POSTGRES")
	if u == "" {
		t.Skip("ANNALIST_TEST_POSTGRES is not set: skipping the PostgreSQL store tests (.ci/run starts a server and sets it)")
	}
	return u
}

var schemaSeq atomic.Int64

// freshSchema creates an empty schema for one test, drops it at the end,
// and returns the URL that makes it the search path.
func freshSchema(t *testing.T, base string) string {
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		t.Fatal(err)
	}
	admin := stdlib.OpenDB(*cfg)
	name := fmt.Sprintf("annalist_test_%d_%d", os.Getpid(), schemaSeq.Add(1))
	if _, err := admin.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP SCHEMA IF EXISTS " + name + " CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil || !strings.HasPrefix(u.Scheme, "postgres") {
		t.Fatalf("ANNALIST_TEST_POSTGRES must be a postgres:// URL: %q", base)
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	base := testURL(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		st, err := Open(context.Background(), freshSchema(t, base))
		if err != nil {
			t.Fatal(err)
		}
		return st
	})
}

// TestUpgrade makes a database at the version before the last, stores
// documents in it, and checks that Open brings it to the last version with
// the documents searchable.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	u := freshSchema(t, testURL(t))
	ms, err := sqlstore.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	last := ms[len(ms)-1].Version
	old, err := open(ctx, u, last-1)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range storetest.Handmade() {
		if err := old.Put(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	st, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n, max int
	if err := st.db.SQL().QueryRow("SELECT count(*), max(version) FROM schema_migrations").Scan(&n, &max); err != nil || n != len(ms) || max != last {
		t.Errorf("schema_migrations: %d rows, max %d, %v; want %d and %d", n, max, err, len(ms), last)
	}
	evs, _, err := st.Events(ctx, store.Filter{Q: "border"})
	if err != nil || len(evs) != 3 {
		t.Errorf("full text after upgrade: %d events, %v", len(evs), err)
	}
	if _, err := st.db.SQL().Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '')"); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, u); annalist.ErrorCode(err) != annalist.EINVALID || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
}

// TestConcurrentOpen opens one new database from several goroutines: the
// advisory lock lets exactly one apply each migration.
func TestConcurrentOpen(t *testing.T) {
	u := freshSchema(t, testURL(t))
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			st, err := Open(context.Background(), u)
			if err == nil {
				st.Close()
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if _, err := Open(ctx, "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"); annalist.ErrorCode(err) != annalist.EUNAVAILABLE {
		t.Errorf("no server: %v (%s)", err, annalist.ErrorCode(err))
	}
	if _, err := Open(ctx, "postgres://a b@:x"); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("bad URL: %v (%s)", err, annalist.ErrorCode(err))
	}
	if os.Getenv("ANNALIST_TEST_POSTGRES") == "" {
		return
	}
	// Text with a NUL byte cannot be stored in PostgreSQL: EINVALID, not a crash.
	st, err := Open(ctx, freshSchema(t, testURL(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.Put(ctx, &store.Coded{Document: annalist.Document{ID: "nul", Text: "a\x00b"}})
	if annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("NUL byte: %v (%s)", err, annalist.ErrorCode(err))
	}
	var _ *sql.DB = st.db.SQL()
}
