// Package postgres is the PostgreSQL event store (pgx driver, tsvector full-text search), with the same schema and behaviour as store/sqlite.
//
// The schema is created and upgraded by the embedded migrations in
// migrations/, recorded in the schema_migrations table; concurrent openers
// serialise on an advisory lock. Tables are created in the first schema of
// the connection's search_path (set it with a search_path=NAME URL
// parameter to keep several stores in one database).
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an event store in a PostgreSQL database. It is safe for
// concurrent use, also by several processes on the same database.
type Store struct {
	db *sqlstore.DB
}

var _ store.Store = (*Store)(nil)

var dialect = sqlstore.Dialect{
	Name:     "postgres",
	Rebind:   rebind,
	FullText: "d.fts @@ plainto_tsquery('simple'::regconfig, ?)",
	FullTextQuery: func(words []string) string {
		return strings.Join(words, " ")
	},
	Classify: classify,
	Lock:     "SELECT pg_advisory_xact_lock(7403185251)",
}

// rebind turns '?' placeholders into $1, $2, ... (the statements have no
// '?' in literals).
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// classify maps PostgreSQL errors to error codes: integrity and data
// errors (class 23 and 22, a too-long tsvector) EINVALID, connection and
// resource errors EUNAVAILABLE.
func classify(err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case strings.HasPrefix(pe.Code, "23"), strings.HasPrefix(pe.Code, "22"), pe.Code == "54000":
			return annalist.Errorf(annalist.EINVALID, "postgres: %s (%s)", pe.Message, pe.Code)
		case strings.HasPrefix(pe.Code, "08"), strings.HasPrefix(pe.Code, "53"), strings.HasPrefix(pe.Code, "57"):
			return annalist.Errorf(annalist.EUNAVAILABLE, "postgres: %s (%s)", pe.Message, pe.Code)
		}
		return nil
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, sql.ErrConnDone) || pgconn.SafeToRetry(err) {
		return annalist.Errorf(annalist.EUNAVAILABLE, "postgres: %v", err)
	}
	return nil
}

// Open connects to the database at url (postgres://user:pass@host:port/db?...)
// and applies any pending migrations. A malformed URL is EINVALID; a server
// that cannot be reached, or refuses the login, is EUNAVAILABLE; a
// database written by a newer Annalist is EINVALID.
func Open(ctx context.Context, url string) (*Store, error) {
	return open(ctx, url, 0)
}

// open opens the store migrated up to version upTo (0: the latest); tests
// use it to make databases at an older version.
func open(ctx context.Context, url string, upTo int) (*Store, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, annalist.Errorf(annalist.EINVALID, "postgres: bad URL: %v", err)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if c := classify(err); c != nil && annalist.ErrorCode(c) != annalist.EUNAVAILABLE {
			return nil, fmt.Errorf("open postgres %s@%s/%s: %w", cfg.User, cfg.Host, cfg.Database, c)
		}
		return nil, annalist.Errorf(annalist.EUNAVAILABLE, "postgres %s@%s:%d/%s: %v", cfg.User, cfg.Host, cfg.Port, cfg.Database, err)
	}
	ms, err := sqlstore.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		db.Close()
		return nil, err
	}
	if _, err := sqlstore.Migrate(ctx, db, dialect, ms, upTo); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres %s/%s: %w", cfg.Host, cfg.Database, err)
	}
	return &Store{db: sqlstore.New(db, dialect)}, nil
}

// Put stores a coded document in one transaction, replacing the previous
// version under its id; see store.Store. An empty id, an event of another
// document, a value JSON cannot encode, text with a NUL byte or a document
// the database rejects (two sentences with one index) is EINVALID; the old
// version then stays.
func (s *Store) Put(ctx context.Context, c *store.Coded) error { return s.db.Put(ctx, c) }

// Hash returns the input hash Put recorded, and false for an unknown id.
func (s *Store) Hash(ctx context.Context, docID string) (string, bool, error) {
	return s.db.Hash(ctx, docID)
}

// Document returns a stored document (sentences without tokens) with its
// events, quotes and suggestions; ENOTFOUND for an unknown id.
func (s *Store) Document(ctx context.Context, id string) (*store.Coded, error) {
	return s.db.Document(ctx, id)
}

// Events returns a page of matching events and the next page's cursor;
// a bad filter or cursor is EINVALID.
func (s *Store) Events(ctx context.Context, f store.Filter) ([]store.StoredEvent, string, error) {
	return s.db.Events(ctx, f)
}

// EachEvent calls fn for every matching event in Events order, reading in
// batches without holding a transaction; fn's error stops the walk.
func (s *Store) EachEvent(ctx context.Context, f store.Filter, fn func(*store.StoredEvent) error) error {
	return s.db.EachEvent(ctx, f, fn)
}

// Timeline counts matching events per interval and group; an unknown
// interval or group is EINVALID.
func (s *Store) Timeline(ctx context.Context, f store.Filter, interval, group string) ([]store.Bucket, error) {
	return s.db.Timeline(ctx, f, interval, group)
}

// Dyads counts matching events per (source, target) pair, most frequent
// first (ties by source, then target), with their mean Goldstein score.
func (s *Store) Dyads(ctx context.Context, f store.Filter, limit int) ([]store.Dyad, error) {
	return s.db.Dyads(ctx, f, limit)
}

// Stats returns the number of documents and events stored.
func (s *Store) Stats(ctx context.Context) (docs, events int, err error) { return s.db.Stats(ctx) }

// Close closes the connections.
func (s *Store) Close() error { return s.db.Close() }
