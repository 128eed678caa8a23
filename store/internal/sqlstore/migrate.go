package sqlstore

import (
	"context"
	"database/sql"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/annalist/annalist"
)

// Migration is one versioned schema change.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// ReadMigrations reads the files NNNN_name.sql of dir in fsys, in version
// order. A file not named so, or two files with one version, is EINTERNAL
// (the migrations are embedded: a bad one is a bug).
func ReadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, annalist.Errorf(annalist.EINTERNAL, "migrations: %v", err)
	}
	var ms []Migration
	seen := map[int]string{}
	for _, e := range ents {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".sql") {
			continue
		}
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, annalist.Errorf(annalist.EINTERNAL, "migrations: %s: want NNNN_name.sql", name)
		}
		if prev, dup := seen[v]; dup {
			return nil, annalist.Errorf(annalist.EINTERNAL, "migrations: %s and %s have version %d", prev, name, v)
		}
		seen[v] = name
		b, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, annalist.Errorf(annalist.EINTERNAL, "migrations: %v", err)
		}
		ms = append(ms, Migration{Version: v, Name: name, SQL: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	return ms, nil
}

const createMigrations = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version INTEGER PRIMARY KEY,
	name TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// Migrate applies, each in its own transaction, the migrations with a
// version above the database's and at most upTo (0: all), recording each in
// schema_migrations. A database whose version is above the last migration
// known is EINVALID: it was written by a newer Annalist. It returns the
// version the database is at.
func Migrate(ctx context.Context, db *sql.DB, d Dialect, ms []Migration, upTo int) (int, error) {
	s := &DB{db: db, d: d}
	latest := 0
	if len(ms) > 0 {
		latest = ms[len(ms)-1].Version
	}
	if upTo <= 0 {
		upTo = latest
	}
	for {
		v, applied, err := migrateOne(ctx, s, ms, upTo, latest)
		if err != nil {
			return v, err
		}
		if !applied {
			return v, nil
		}
	}
}

// migrateOne applies the next migration, if any, in a transaction that
// first takes the dialect's lock and re-reads the version, so concurrent
// openers apply each migration once.
func migrateOne(ctx context.Context, s *DB, ms []Migration, upTo, latest int) (int, bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, false, s.wrap(err, "migrate: begin")
	}
	defer tx.Rollback()
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			return 0, false, s.wrap(err, "migrate: lock")
		}
	}
	if _, err := tx.ExecContext(ctx, createMigrations); err != nil {
		return 0, false, s.wrap(err, "migrate: create schema_migrations")
	}
	var cur int
	if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Scan(&cur); err != nil {
		return 0, false, s.wrap(err, "migrate: read version")
	}
	if cur > latest {
		return cur, false, annalist.Errorf(annalist.EINVALID, "database schema is at version %d, newer than this program's %d: use a newer annalist", cur, latest)
	}
	for _, m := range ms {
		if m.Version <= cur {
			continue
		}
		if m.Version > upTo {
			break
		}
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return cur, false, s.wrap(err, "migrate: %s", m.Name)
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"),
			m.Version, m.Name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return cur, false, s.wrap(err, "migrate: record %s", m.Name)
		}
		if err := tx.Commit(); err != nil {
			return cur, false, s.wrap(err, "migrate: commit %s", m.Name)
		}
		return m.Version, true, nil
	}
	return cur, false, nil
}
