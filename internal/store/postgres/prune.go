package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// childTables hold rows keyed by documents.seq (column doc).
var childTables = []string{"minhash", "lsh_bands", "sentences", "entities", "events", "quotes", "places", "dates", "counts", "flags", "errors"}

// Prune deletes the documents stored before the given time, with all their
// rows, in one transaction under the write lock, and returns how many it
// deleted (retention; see docs/scaling.md). LSH buckets that pointed at a
// deleted document go with it, so later copies of a pruned story are no
// longer linked to it.
func (s *DB) Prune(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockWrite); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `CREATE TEMP TABLE prune_docs ON COMMIT DROP AS SELECT seq FROM documents WHERE added_at < $1`, before); err != nil {
			return err
		}
		for _, t := range childTables {
			if _, err := tx.Exec(ctx, `DELETE FROM `+t+` WHERE doc IN (SELECT seq FROM prune_docs)`); err != nil {
				return fmt.Errorf("%s: %w", t, err)
			}
		}
		tag, err := tx.Exec(ctx, `DELETE FROM documents WHERE seq IN (SELECT seq FROM prune_docs)`)
		n = tag.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("postgres: prune: %w", err)
	}
	return n, nil
}
