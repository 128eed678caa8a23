package main

import (
	"context"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/postgres"
	"github.com/annalist/annalist/store/sqlite"
)

// defaultDB is the --db value when none is given: an SQLite file in the
// working directory.
const defaultDB = "annalist.db"

// openStore opens the event store a --db value names: a postgres:// or
// postgresql:// URL is a PostgreSQL database, anything else the path of an
// SQLite file, created if missing. Errors are the stores' (EUNAVAILABLE
// when the database cannot be reached, EINVALID for a file that is not a
// database or a schema newer than this program).
func openStore(ctx context.Context, db string) (store.Store, error) {
	switch {
	case db == "":
		return nil, annalist.Errorf(annalist.EINVALID, "--db: want a file path or a postgres:// URL")
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"):
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}
