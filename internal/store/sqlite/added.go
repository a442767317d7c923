package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
)

// addedSlack is how far out of order added_at may run against seq (a clock
// step back between two writes); range scans look that much further.
const addedSlack = time.Hour

// EachAddedBetween calls fn, in insertion order, on every document whose
// added_at (the time Put stored it, second precision, UTC) lies in
// [from, to), with that time. Like Each it holds no read transaction while
// fn runs. It stops at the first error fn returns and returns it.
//
// added_at has no index: the start is found by binary search over seq
// (added_at grows with seq), so a window at the end of a large store costs a
// few lookups, not a scan.
func (s *DB) EachAddedBetween(ctx context.Context, from, to time.Time, fn func(d *doc.Document, added time.Time) error) error {
	lo, hi := rfc(from), rfc(to)
	if lo >= hi {
		return nil
	}
	start, err := s.seqAtOrAfter(ctx, rfc(from.Add(-addedSlack)))
	if err != nil {
		return fmt.Errorf("sqlite: each added: %w", err)
	}
	stop := rfc(to.Add(addedSlack))
	last := start - 1
	type row struct {
		id, text, added string
		blob            []byte
	}
	page := make([]row, 0, eachPage)
	for {
		page = page[:0]
		done := false
		rows, err := s.db.QueryContext(ctx, `SELECT seq, id, json, text, added_at FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`, last, eachPage)
		if err != nil {
			return fmt.Errorf("sqlite: each added: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&last, &r.id, &r.blob, &r.text, &r.added); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite: each added: %w", err)
			}
			if r.added >= stop {
				done = true
				break
			}
			if r.added >= lo && r.added < hi {
				page = append(page, r)
			}
		}
		n := len(page)
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sqlite: each added: %w", err)
		}
		for i := range page {
			d, err := decodeDoc(page[i].id, page[i].blob, page[i].text)
			if err != nil {
				return err
			}
			at, err := time.Parse(time.RFC3339, page[i].added)
			if err != nil {
				return fmt.Errorf("sqlite: document %s: added_at %q: %w", page[i].id, page[i].added, err)
			}
			page[i] = row{}
			if err := fn(d, at); err != nil {
				return err
			}
		}
		if done {
			return nil
		}
		if n == 0 {
			// A page with nothing in range: stop at the end of the table.
			var more int
			err := s.db.QueryRowContext(ctx, `SELECT 1 FROM documents WHERE seq > ? LIMIT 1`, last).Scan(&more)
			if errors.Is(err, sql.ErrNoRows) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("sqlite: each added: %w", err)
			}
		}
	}
}

// AddedRange returns the added_at times of the first and the last stored
// documents; ok is false when the store is empty.
func (s *DB) AddedRange(ctx context.Context) (first, last time.Time, ok bool, err error) {
	var a, b sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT (SELECT added_at FROM documents ORDER BY seq LIMIT 1), (SELECT added_at FROM documents ORDER BY seq DESC LIMIT 1)`).Scan(&a, &b)
	if err != nil {
		return first, last, false, fmt.Errorf("sqlite: added range: %w", err)
	}
	if !a.Valid || !b.Valid {
		return first, last, false, nil
	}
	if first, err = time.Parse(time.RFC3339, a.String); err != nil {
		return first, last, false, fmt.Errorf("sqlite: added range: %w", err)
	}
	if last, err = time.Parse(time.RFC3339, b.String); err != nil {
		return first, last, false, fmt.Errorf("sqlite: added range: %w", err)
	}
	if last.Before(first) {
		first, last = last, first
	}
	return first, last, true, nil
}

// seqAtOrAfter finds by binary search the smallest seq whose added_at is at
// or after t (RFC 3339), or one past the last seq when there is none.
func (s *DB) seqAtOrAfter(ctx context.Context, t string) (int64, error) {
	var lo, hi sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT min(seq), max(seq) FROM documents`).Scan(&lo, &hi); err != nil {
		return 0, err
	}
	if !lo.Valid {
		return 1, nil
	}
	a, b := lo.Int64, hi.Int64+1 // answer in [a, b]
	for a < b {
		m := a + (b-a)/2
		var seq int64
		var added string
		err := s.db.QueryRowContext(ctx, `SELECT seq, added_at FROM documents WHERE seq >= ? ORDER BY seq LIMIT 1`, m).Scan(&seq, &added)
		if errors.Is(err, sql.ErrNoRows) {
			b = m
			continue
		}
		if err != nil {
			return 0, err
		}
		if added >= t {
			b = m
		} else {
			a = seq + 1
		}
	}
	return a, nil
}

func rfc(t time.Time) string { return t.UTC().Format(time.RFC3339) }
