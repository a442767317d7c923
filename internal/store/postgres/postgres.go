// Package postgres is eventwire's store for the distributed mode: the same
// store.Store and store.Analytics semantics as store/sqlite, kept in
// PostgreSQL so that several workers (processes, machines) write to one
// database and any number of API servers read from it.
//
// Design:
//   - Schema migrations are versioned in code (schema_migrations) and applied
//     in one transaction under an advisory lock, so workers starting at once
//     are safe.
//   - Put takes a transaction-scoped advisory lock: writes are serialized
//     across all processes (the pipeline, not the write, is the cost), which
//     keeps document seq and event id in commit order (the Events cursor
//     never skips a row committed later) and makes near-duplicate linking
//     exact without any per-process state.
//   - A batch is written with COPY, one per table, after one round trip each
//     for the existing IDs, the LSH buckets and the candidate signatures.
//   - Full-text search uses a generated tsvector column (title weight A, text
//     weight B) with a GIN index, websearch_to_tsquery for plain queries,
//     to_tsquery for operator queries, ts_rank_cd scores and ts_headline
//     snippets.
//   - Near duplicates: MinHash signatures (internal/dedupe) are stored per
//     document; each LSH band key keeps the earliest document that had it
//     (table lsh_bands), which is what Put links a later near copy to.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/eventwire/eventwire/internal/store"
)

// Advisory lock keys (arbitrary constants: "evwr" + purpose).
const (
	lockMigrate int64 = 0x65767772_00000001
	lockWrite   int64 = 0x65767772_00000002
)

// DB is a PostgreSQL-backed store.Store and store.Analytics.
type DB struct {
	pool *pgxpool.Pool
}

var (
	_ store.Store     = (*DB)(nil)
	_ store.Analytics = (*DB)(nil)
)

// IsURL reports whether s names a PostgreSQL database (postgres:// or
// postgresql://).
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/db?...)
// and brings its schema up to date. A database written by a newer eventwire
// is refused.
func Open(ctx context.Context, url string) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", redact(url), err)
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: connect %s: %w", redact(url), err)
	}
	s := &DB{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", redact(url), err)
	}
	return s, nil
}

// redact hides the password of a connection URL in messages.
func redact(url string) string {
	cfg, err := pgconn.ParseConfig(url)
	if err != nil || cfg.Password == "" {
		if i := strings.Index(url, "@"); i > 0 {
			if j := strings.Index(url, "://"); j > 0 && j < i {
				if k := strings.Index(url[j+3:i], ":"); k >= 0 {
					return url[:j+3+k] + ":***" + url[i:]
				}
			}
		}
		return url
	}
	return strings.Replace(url, ":"+cfg.Password+"@", ":***@", 1)
}

// Pool exposes the connection pool for tools and tests.
func (s *DB) Pool() *pgxpool.Pool { return s.pool }

// Close closes all connections.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

// SchemaVersion is the highest migration this binary knows.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// Version returns the schema version of the open database.
func (s *DB) Version(ctx context.Context) (int, error) {
	var v int
	err := s.pool.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&v)
	return v, err
}

func (s *DB) migrate(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockMigrate); err != nil {
			return fmt.Errorf("migration lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("create schema_migrations: %w", err)
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		if have > SchemaVersion() {
			return fmt.Errorf("database schema version %d is newer than this program's %d", have, SchemaVersion())
		}
		for _, m := range migrations {
			if m.version <= have {
				continue
			}
			if _, err := tx.Exec(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version, name) VALUES ($1, $2)`, m.version, m.name); err != nil {
				return fmt.Errorf("record migration %d: %w", m.version, err)
			}
		}
		return nil
	})
}

// Transient reports whether err from this store is worth retrying later
// unchanged: lost connections, a server shutting down or starting up,
// serialization failures and timeouts. Bad documents, bad queries and
// programming errors are not transient.
func Transient(err error) bool {
	if err == nil {
		return false
	}
	for _, e := range []error{store.ErrBadDocument, store.ErrBadQuery, store.ErrBadFilter, store.ErrBadCursor, store.ErrNotFound, context.Canceled} {
		if errors.Is(err, e) {
			return false
		}
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch {
		case strings.HasPrefix(pgErr.Code, "08"), // connection exception
			strings.HasPrefix(pgErr.Code, "40"), // transaction rollback (serialization, deadlock)
			strings.HasPrefix(pgErr.Code, "53"), // insufficient resources
			strings.HasPrefix(pgErr.Code, "57"), // operator intervention (admin shutdown, cannot connect now)
			strings.HasPrefix(pgErr.Code, "58"): // system error (I/O)
			return true
		}
		return false
	}
	// Anything below the SQL level (dial refused, reset, EOF, timeout) is
	// a connection problem.
	return true
}

// dataErr marks errors the server raises about the values of one
// document (class 22: data exception) as store.ErrBadDocument.
func dataErr(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && strings.HasPrefix(pgErr.Code, "22") {
		return fmt.Errorf("%w: %w", store.ErrBadDocument, err)
	}
	return err
}
