package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
)

// EachAddedBetween calls fn, in insertion order, on every document whose
// added_at (the time Put stored it, taken under the write lock, so it grows
// with insertion order) lies in [from, to), with that time. Like Each it
// holds no transaction while fn runs; it stops at the first error fn
// returns and returns it.
func (s *DB) EachAddedBetween(ctx context.Context, from, to time.Time, fn func(d *doc.Document, added time.Time) error) error {
	if !from.Before(to) {
		return nil
	}
	type row struct {
		id, text string
		blob     []byte
		added    time.Time
	}
	last := int64(-1)
	page := make([]row, 0, eachPage)
	for {
		page = page[:0]
		rows, err := s.pool.Query(ctx, `SELECT seq, id, json, text, added_at FROM documents
			WHERE added_at >= $1 AND added_at < $2 AND seq > $3 ORDER BY seq LIMIT $4`, from, to, last, eachPage)
		if err != nil {
			return fmt.Errorf("postgres: each added: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&last, &r.id, &r.blob, &r.text, &r.added); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: each added: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: each added: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for i := range page {
			d, err := decodeDoc(page[i].id, page[i].blob, page[i].text)
			if err != nil {
				return err
			}
			at := page[i].added.UTC()
			page[i] = row{}
			if err := fn(d, at); err != nil {
				return err
			}
		}
	}
}

// AddedRange returns the added_at times of the first and the last stored
// documents; ok is false when the store is empty.
func (s *DB) AddedRange(ctx context.Context) (first, last time.Time, ok bool, err error) {
	var a, b *time.Time
	err = s.pool.QueryRow(ctx, `SELECT min(added_at), max(added_at) FROM documents`).Scan(&a, &b)
	if err != nil {
		return first, last, false, fmt.Errorf("postgres: added range: %w", err)
	}
	if a == nil || b == nil {
		return first, last, false, nil
	}
	return a.UTC(), b.UTC(), true, nil
}
