package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"dossier"
	"dossier/postgres"
	"dossier/sqlite"
)

// defaultDB is the store used when --db is not given: a SQLite file in the
// working directory.
const defaultDB = "dossier.db"

// dbFlagHelp documents --db for every command that opens a store.
const dbFlagHelp = "store: a SQLite file path or sqlite:PATH (default " + defaultDB + "), or a postgres:// URL (also DOSSIER_DB)"

// storeDSN picks the store: the flag, else $DOSSIER_DB, else dossier.db.
func storeDSN(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("DOSSIER_DB"); env != "" {
		return env
	}
	return defaultDB
}

// isPostgres reports whether dsn names a PostgreSQL database.
func isPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// openStore opens the store a DSN names: postgres:// URLs on PostgreSQL,
// anything else (optionally "sqlite:"-prefixed) as a SQLite file.
func openStore(ctx context.Context, dsn string) (dossier.Store, error) {
	if isPostgres(dsn) {
		db, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
		}
		return db, nil
	}
	path := strings.TrimPrefix(dsn, "sqlite:")
	path = strings.TrimPrefix(path, "//")
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return db, nil
}

// redact hides a password in a database URL before it is printed.
func redact(dsn string) string {
	at := strings.LastIndex(dsn, "@")
	scheme := strings.Index(dsn, "://")
	if at < 0 || scheme < 0 {
		return dsn
	}
	userinfo := dsn[scheme+3 : at]
	if user, _, ok := strings.Cut(userinfo, ":"); ok {
		return dsn[:scheme+3] + user + ":***" + dsn[at:]
	}
	return dsn
}
