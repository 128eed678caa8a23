// Package sqlite is the default event store: one SQLite file (pure-Go driver, WAL, FTS5 full-text search) implementing store.Store.
//
// The file is opened in WAL mode with synchronous=NORMAL: readers never
// block the writer or each other, and a transaction that Put committed
// survives a crash of the process (kill -9); a power failure may lose the
// last commits but never corrupts the file. Writers wait up to 10 s for one
// another (busy_timeout) and take the write lock when their transaction
// begins (BEGIN IMMEDIATE), so concurrent writers queue instead of failing.
// The schema is created and upgraded by the embedded migrations in
// migrations/, recorded in the schema_migrations table.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"

	sqlite3 "modernc.org/sqlite"
	sqlite3lib "modernc.org/sqlite/lib"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// BusyTimeoutMS is how long a writer waits for another to finish, in milliseconds.
const BusyTimeoutMS = 10000

// Store is an event store in one SQLite file. It is safe for concurrent
// use, also by several processes on the same file.
type Store struct {
	db *sqlstore.DB
}

var _ store.Store = (*Store)(nil)

var dialect = sqlstore.Dialect{
	Name:     "sqlite",
	FullText: "d.rid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
	FullTextQuery: func(words []string) string {
		q := make([]string, len(words))
		for i, w := range words {
			q[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		}
		return strings.Join(q, " ")
	},
	Classify: classify,
}

// classify maps SQLite result codes to error codes.
func classify(err error) error {
	var se *sqlite3.Error
	if !errors.As(err, &se) {
		return nil
	}
	switch se.Code() & 0xff {
	case sqlite3lib.SQLITE_CONSTRAINT, sqlite3lib.SQLITE_TOOBIG, sqlite3lib.SQLITE_MISMATCH:
		return annalist.Errorf(annalist.EINVALID, "sqlite: %v", err)
	case sqlite3lib.SQLITE_NOTADB, sqlite3lib.SQLITE_CORRUPT:
		return annalist.Errorf(annalist.EINVALID, "sqlite: not a usable database: %v", err)
	case sqlite3lib.SQLITE_BUSY, sqlite3lib.SQLITE_LOCKED, sqlite3lib.SQLITE_CANTOPEN, sqlite3lib.SQLITE_IOERR,
		sqlite3lib.SQLITE_FULL, sqlite3lib.SQLITE_READONLY, sqlite3lib.SQLITE_PERM:
		return annalist.Errorf(annalist.EUNAVAILABLE, "sqlite: %v", err)
	}
	return nil
}

// Open opens the store in the SQLite file at path, creating the file if
// needed and applying any pending migrations. A file that cannot be
// created or opened is EUNAVAILABLE; a file that is not an SQLite database,
// or was written by a newer Annalist, is EINVALID.
func Open(ctx context.Context, path string) (*Store, error) {
	return open(ctx, path, 0)
}

// open opens the store migrated up to version upTo (0: the latest); tests
// use it to make databases at an older version.
func open(ctx context.Context, path string, upTo int) (*Store, error) {
	if path == "" {
		return nil, annalist.Errorf(annalist.EINVALID, "sqlite: empty database path")
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, annalist.Errorf(annalist.EUNAVAILABLE, "sqlite %s: %v", path, err)
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		if c := classify(err); c != nil {
			return nil, fmt.Errorf("open %s: %w", path, c)
		}
		return nil, annalist.Errorf(annalist.EUNAVAILABLE, "sqlite %s: %v", path, err)
	}
	ms, err := sqlstore.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		db.Close()
		return nil, err
	}
	if _, err := sqlstore.Migrate(ctx, db, dialect, ms, upTo); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return &Store{db: sqlstore.New(db, dialect)}, nil
}

// dsn builds the driver's connection string: the path as a file: URI with
// the pragmas every connection needs.
func dsn(path string) string {
	p := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + p + "?_txlock=immediate" +
		"&_pragma=busy_timeout(" + strconv.Itoa(BusyTimeoutMS) + ")" +
		"&_pragma=journal_mode(WAL)" +
		"&_pragma=synchronous(NORMAL)" +
		"&_pragma=foreign_keys(1)"
}

// Put stores a coded document in one transaction, replacing the previous
// version under its id; see store.Store. An empty id, an event of another
// document or a value JSON cannot encode is EINVALID, as is a document the
// database rejects (two sentences with one index); the old version then
// stays.
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

// Close checkpoints the write-ahead log and closes the file.
func (s *Store) Close() error {
	s.db.SQL().Exec("PRAGMA wal_checkpoint(TRUNCATE)")
	return s.db.Close()
}
