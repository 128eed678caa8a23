package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/internal/sqlstore"
	"github.com/annalist/annalist/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		st, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		return st
	})
}

// TestUpgrade makes a database at the version before the last, stores a
// document in it, and checks that Open brings it to the last version with
// the document searchable.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	ms, err := sqlstore.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	last := ms[len(ms)-1].Version
	old, err := open(ctx, path, last-1)
	if err != nil {
		t.Fatal(err)
	}
	hand := storetest.Handmade()
	for _, c := range hand {
		if err := old.Put(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var versions []int
	rows, err := st.db.SQL().Query("SELECT version FROM schema_migrations ORDER BY version")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var v int
		rows.Scan(&v)
		versions = append(versions, v)
	}
	rows.Close()
	if len(versions) != len(ms) || versions[len(versions)-1] != last {
		t.Errorf("schema_migrations = %v, want 1..%d", versions, last)
	}
	evs, _, err := st.Events(ctx, store.Filter{Q: "border"})
	if err != nil || len(evs) != 3 {
		t.Errorf("full text after upgrade: %d events, %v", len(evs), err)
	}
	// Reopening applies nothing twice.
	st2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	st2.Close()
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	// A database from a newer Annalist.
	path := filepath.Join(dir, "new.db")
	st, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.db.SQL().Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', '')"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := Open(ctx, path); annalist.ErrorCode(err) != annalist.EINVALID || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer schema: %v", err)
	}
	// A file that is not a database.
	junk := filepath.Join(dir, "junk.db")
	os.WriteFile(junk, []byte(strings.Repeat("not sqlite\n", 200)), 0o644)
	if _, err := Open(ctx, junk); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("junk file: %v (%s)", err, annalist.ErrorCode(err))
	}
	// A directory that does not exist.
	if _, err := Open(ctx, filepath.Join(dir, "no", "such", "dir", "x.db")); annalist.ErrorCode(err) != annalist.EUNAVAILABLE {
		t.Errorf("missing directory: %v (%s)", err, annalist.ErrorCode(err))
	}
	if _, err := Open(ctx, ""); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("empty path: %v", err)
	}
	// Odd characters in the path are a file name, not URI syntax.
	odd := filepath.Join(dir, "a?b#c%d.db")
	st, err = Open(ctx, odd)
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := os.Stat(odd); err != nil {
		t.Errorf("odd path: %v", err)
	}
}
