// Package sqlite is a dossier.Store on SQLite, through modernc.org/sqlite
// (pure Go, no cgo) and database/sql.
//
// The database runs in WAL mode with synchronous=NORMAL, foreign keys on and
// a busy timeout, so several processes may share one file. Writes go through
// one connection (SQLite has one writer at a time; a single writer
// connection inside the process avoids SQLITE_BUSY between its own
// goroutines) and begin IMMEDIATE; reads use a pool of read-only
// connections. Each article and all of its facts are written atomically:
// puts arriving together are group-committed by one writer goroutine, in
// one transaction (see DB.PutAnalysis).
//
// The schema is built by the embedded, append-only migrations in
// migration/*.sql, applied in lexical order, each in its own transaction and
// recorded in the migrations table.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"runtime"
	"sort"
	"sync"
	"time"

	"dossier"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver
)

//go:embed migration/*.sql
var migrationFS embed.FS

// DB is a dossier.Store in one SQLite file.
type DB struct {
	path string
	w    *sql.DB // the single writer connection
	r    *sql.DB // read-only connections
	put  *putStmts
	now  func() time.Time
	// hasHash is the query of HasHash, prepared on r: the ingest engine
	// asks for every article it reads.
	hasHash *sql.Stmt

	reqs  chan *putReq  // puts handed to the writer goroutine
	quit  chan struct{} // closed by Close
	wdone chan struct{} // closed when the writer goroutine has returned
	once  sync.Once
}

var _ dossier.Store = (*DB)(nil)

// Open opens (creating it when missing) the SQLite database at path and
// brings its schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" {
		return nil, fmt.Errorf("sqlite: open %q: a file path is required: %w", path, dossier.ErrInvalid)
	}
	dsn := func(extra string) string {
		q := url.Values{}
		// temp_store: sub-journals of statements in memory, not in temporary
		// files; cache_size: 32 MB of pages (the default 2 MB makes large
		// batches spill); wal_autocheckpoint: fewer, larger checkpoints, so
		// that hot pages (b-tree interiors, the FTS5 structure) are copied
		// to the database once per checkpoint rather than many times.
		for _, p := range []string{"busy_timeout(10000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)",
			"temp_store(MEMORY)", "cache_size(-32768)", "wal_autocheckpoint(4000)"} {
			q.Add("_pragma", p)
		}
		if extra != "" {
			q.Add("_pragma", extra)
		}
		q.Set("_txlock", "immediate")
		return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	}
	w, err := sql.Open("sqlite", dsn(""))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	w.SetConnMaxIdleTime(0)
	db := &DB{path: path, w: w, now: time.Now}
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := db.migrate(ctx); err != nil {
		w.Close()
		return nil, err
	}
	if db.put, err = preparePut(ctx, w); err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	r, err := sql.Open("sqlite", dsn("query_only(1)"))
	if err != nil {
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	n := max(2, runtime.GOMAXPROCS(0))
	r.SetMaxOpenConns(n)
	r.SetMaxIdleConns(n)
	db.r = r
	if db.hasHash, err = r.PrepareContext(ctx, `SELECT 1 FROM articles WHERE hash = ?`); err != nil {
		r.Close()
		w.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.reqs, db.quit, db.wdone = make(chan *putReq), make(chan struct{}), make(chan struct{})
	go db.writer()
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	db.once.Do(func() { close(db.quit) })
	<-db.wdone
	var errs []error
	if db.r != nil {
		errs = append(errs, db.hasHash.Close(), db.r.Close())
	}
	errs = append(errs, db.w.Close())
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
	return nil
}

// migrate applies the embedded migrations not yet recorded, each in its own
// IMMEDIATE transaction, so two processes opening one new file at once
// apply each migration once.
func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.w.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY)`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migration/*.sql")
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := db.migrateFile(ctx, name); err != nil {
			return fmt.Errorf("sqlite: migrate %s: %w", name, err)
		}
	}
	return nil
}

func (db *DB) migrateFile(ctx context.Context, name string) error {
	tx, err := db.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	buf, err := fs.ReadFile(migrationFS, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name) VALUES (?)`, name); err != nil {
		return err
	}
	return tx.Commit()
}
