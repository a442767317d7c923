// Package sqlite is eventwire's default embedded store: one SQLite file
// (modernc.org/sqlite, pure Go) in WAL mode, with FTS5 full-text search over
// titles and texts, one table per extracted kind, and MinHash signatures
// whose LSH buckets the writer keeps in memory for near-duplicate detection.
//
// Writes are serialized (one writer, one transaction per Put); any number of
// readers run concurrently with them. A crash or kill during Put loses at most
// the batch being written, never corrupts the file; re-running Put with the
// same documents completes the rest without duplicates.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/eventwire/eventwire/internal/store"
)

// DefaultPath is the database file the CLI uses when none is given.
const DefaultPath = "eventwire.db"

// DB is a SQLite-backed store.Store and store.Analytics.
type DB struct {
	db   *sql.DB
	path string
	wmu  sync.Mutex // serializes writers inside this process
	lsh  lsh        // near-duplicate buckets; under wmu

	// addedSinceOptimize counts documents written since the planner
	// statistics were last refreshed; under wmu.
	addedSinceOptimize int
}

var (
	_ store.Store     = (*DB)(nil)
	_ store.Analytics = (*DB)(nil)
)

// Open opens (creating if needed) the database file at path and brings its
// schema up to date. A database written by a newer eventwire is refused.
func Open(path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: database path %q must not contain '?' or '#'", path)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "cache_size(-32000)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Add("_pragma", "analysis_limit(1000)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	s := &DB{db: db, path: path}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := s.optimize(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return s, nil
}

// optimizeEvery is how many added documents trigger a refresh of the query
// planner's statistics.
const optimizeEvery = 5000

// optimize refreshes the planner statistics of tables that need it (bounded
// by analysis_limit), so that filters pick good indexes as the data grows.
func (s *DB) optimize(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `PRAGMA optimize=0x10002`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	s.addedSinceOptimize = 0
	return nil
}

// Path is the database file.
func (s *DB) Path() string { return s.path }

// SQL exposes the underlying handle for read-only tools and tests.
func (s *DB) SQL() *sql.DB { return s.db }

// Close closes the database; after a clean close the WAL is checkpointed.
func (s *DB) Close() error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	return s.db.Close()
}

// SchemaVersion is the highest migration this binary knows.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// Version returns the schema version of the open database.
func (s *DB) Version(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (s *DB) migrate(ctx context.Context) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var have int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > SchemaVersion() {
		return fmt.Errorf("database schema version %d is newer than this program's %d", have, SchemaVersion())
	}
	for _, m := range migrations {
		if m.version <= have {
			continue
		}
		if _, err := tx.ExecContext(ctx, m.sql); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)`,
			m.version, m.name, time.Now().UTC().Format(time.RFC3339)); err != nil {
			return fmt.Errorf("record migration %d: %w", m.version, err)
		}
	}
	return tx.Commit()
}
