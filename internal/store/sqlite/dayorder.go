package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

// The day orders (store.NewestFirst, store.OldestFirst) page by the key
// (day, id), which the events_day_walk index leads with, so an unfiltered
// page is a short walk of that index from the cursor. With filters, the
// cheapest plan again depends on how many events match: a selective
// indexed filter (fewer than probeCap matches) is read through its own
// index and sorted; a broad one walks events_day_walk in order, testing the
// filters on the index entries (it holds every filtered column), until the
// page is full or dayScanBudget entries have been read; past the budget
// (matches are rare near the cursor) the most selective index is read and
// sorted after all.
var (
	dayScanWindow = 1 << 12 // entries of the first window of the walk
	dayScanGrowth = 4       // each window this many times the last, within the budget
	dayScanBudget = 1 << 16 // entries walked before using an index
)

// segmentSQL is the condition, its arguments and the ORDER BY of one
// segment of a day order.
func segmentSQL(seg store.DaySegment) (cond string, args []any, orderBy string) {
	dir, cmp := "", ">"
	if seg.Desc {
		dir, cmp = " DESC", "<"
	}
	if seg.Dated {
		orderBy = "e.day" + dir + ", e.id" + dir
		if seg.After == nil {
			return "e.day IS NOT NULL", nil, orderBy
		}
		// A range over the index's day column; the id settles ties.
		k := seg.After
		return "e.day " + cmp + "= ? AND (e.day " + cmp + " ? OR e.id " + cmp + " ?)", []any{k.Day, k.Day, k.ID}, orderBy
	}
	orderBy = "e.id" + dir
	if seg.After == nil {
		return "e.day IS NULL", nil, orderBy
	}
	return "e.day IS NULL AND e.id " + cmp + " ?", []any{seg.After.ID}, orderBy
}

// eventsByDay is Events in a day order; where and args are f's conditions.
func (s *DB) eventsByDay(ctx context.Context, f store.EventFilter, where []string, args []any, limit int) ([]store.EventRow, string, error) {
	segs, err := store.DaySegments(f.Order, f.Cursor)
	if err != nil {
		return nil, "", fmt.Errorf("sqlite: %w", err)
	}
	want := limit + 1 // one more tells whether a next page exists
	var keys []store.DayKey
	for _, seg := range segs {
		if len(keys) >= want {
			break
		}
		k, err := s.daySegment(ctx, f, where, args, seg, want-len(keys))
		if err != nil {
			return nil, "", err
		}
		keys = append(keys, k...)
	}
	if len(keys) == 0 {
		return nil, "", nil
	}
	var b strings.Builder
	b.WriteString("SELECT * FROM events e WHERE e.id IN (")
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(k.ID, 10))
	}
	b.WriteByte(')')
	rows, ids, err := s.eventRows(ctx, b.String(), nil, "e.id")
	if err != nil {
		return nil, "", err
	}
	out, next := store.RowsInKeyOrder(keys, ids, rows, limit)
	return out, next, nil
}

// daySegment returns the keys of the first want events of one segment that
// match where, in the segment's order.
func (s *DB) daySegment(ctx context.Context, f store.EventFilter, where []string, args []any, seg store.DaySegment, want int) ([]store.DayKey, error) {
	_, _, orderBy := segmentSQL(seg)
	// match is the condition (and its arguments) of the events of the part
	// sg of the segment that match where.
	match := func(sg store.DaySegment) (string, []any) {
		c, ca, _ := segmentSQL(sg)
		return strings.Join(append(append([]string(nil), where...), c), " AND "), append(append([]any(nil), args...), ca...)
	}
	read := func(q string, qargs []any, n int) ([]store.DayKey, error) {
		rows, err := s.db.QueryContext(ctx, q, qargs...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		defer rows.Close()
		var keys []store.DayKey
		for rows.Next() {
			var k store.DayKey
			var day sql.NullString
			if err := rows.Scan(&k.ID, &day); err != nil {
				return nil, fmt.Errorf("sqlite: events: %w", err)
			}
			k.Day = day.String
			keys = append(keys, k)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: events: %w", err)
		}
		store.SortDayKeys(keys, seg)
		if len(keys) > n {
			keys = keys[:n]
		}
		return keys, nil
	}
	const sel = "SELECT e.id, e.day FROM events e "
	// inOrder walks the part sg of the segment in order until n match.
	inOrder := func(sg store.DaySegment, n int) ([]store.DayKey, error) {
		all, allArgs := match(sg)
		return read(sel+"INDEXED BY events_day_walk WHERE "+all+" ORDER BY "+orderBy+" LIMIT ?", append(allArgs, n), n)
	}
	if len(where) == 0 {
		return inOrder(seg, want)
	}
	if f.DocID != "" { // one document's few events
		all, allArgs := match(seg)
		return read(sel+"WHERE "+all+" ORDER BY "+orderBy+" LIMIT ?", append(allArgs, want), want)
	}
	// byIndex reads the matches of the part sg of the segment through p's
	// index (both actor indexes for an actor filter) and sorts them.
	byIndex := func(p *indexProbe, sg store.DaySegment, n int) ([]store.DayKey, error) {
		all, allArgs := match(sg)
		if p.index != "" {
			return read(sel+"INDEXED BY "+p.index+" WHERE "+all+" AND "+p.cond+" ORDER BY "+orderBy+" LIMIT ?",
				append(append(allArgs, p.args...), n), n)
		}
		lo, hi := p.args[0], p.args[1]
		q := "SELECT id, day FROM (" +
			sel + "INDEXED BY events_src WHERE e.src_actor >= ? AND e.src_actor < ? AND " + all +
			" UNION " + sel + "INDEXED BY events_tgt WHERE e.tgt_actor >= ? AND e.tgt_actor < ? AND " + all +
			") e ORDER BY " + orderBy + " LIMIT ?"
		qa := append([]any{lo, hi}, allArgs...)
		qa = append(append(qa, lo, hi), allArgs...)
		return read(q, append(qa, n), n)
	}

	// 1. A selective indexed filter: read it through its index.
	var best *indexProbe
	probes := eventProbes(f)
	for i := range probes {
		p := &probes[i]
		for _, q := range p.counts {
			var n int
			if err := s.db.QueryRowContext(ctx, q, append(append([]any(nil), p.args...), probeCap)...).Scan(&n); err != nil {
				return nil, fmt.Errorf("sqlite: events plan: %w", err)
			}
			p.n += n
		}
		if best == nil || p.n < best.n {
			best = p
		}
	}
	if best != nil && best.n < probeCap {
		return byIndex(best, seg, want)
	}

	// 2. Broad filters: walk events_day_walk in order, testing the filters
	// on its entries, in windows of growing size (the day bounds of f
	// narrow the walk): each window's end is found by counting entries,
	// and the walk stops at it, so dayScanBudget bounds the entries read.
	var bounds []string
	var boundArgs []any
	if f.Since != "" {
		bounds, boundArgs = append(bounds, "e.day >= ?"), append(boundArgs, f.Since)
	}
	if f.Until != "" {
		bounds, boundArgs = append(bounds, "e.day <= ?"), append(boundArgs, f.Until)
	}
	var keys []store.DayKey
	from := seg // the part of the segment not walked yet
	for walked, w := 0, dayScanWindow; walked < dayScanBudget; walked, w = walked+w, w*dayScanGrowth {
		w = min(w, dayScanBudget-walked)
		fromCond, fromArgs, _ := segmentSQL(from)
		span := strings.Join(append([]string{fromCond}, bounds...), " AND ")
		spanArgs := append(append([]any(nil), fromArgs...), boundArgs...)
		var end store.DayKey
		var endDay sql.NullString
		err := s.db.QueryRowContext(ctx, "SELECT e.day, e.id FROM events e INDEXED BY events_day_walk WHERE "+span+
			" ORDER BY "+orderBy+" LIMIT 1 OFFSET ?", append(spanArgs, w-1)...).Scan(&endDay, &end.ID)
		last := errors.Is(err, sql.ErrNoRows) // the window reaches the end of the segment
		if err != nil && !last {
			return nil, fmt.Errorf("sqlite: events plan: %w", err)
		}
		end.Day = endDay.String
		q := sel + "INDEXED BY events_day_walk WHERE " + span + " AND " + strings.Join(where, " AND ")
		qa := append(append([]any(nil), spanArgs...), args...)
		if !last {
			c, ca := throughSQL(seg, end)
			q, qa = q+" AND "+c, append(qa, ca...)
		}
		got, err := read(q+" ORDER BY "+orderBy+" LIMIT ?", append(qa, want-len(keys)), want-len(keys))
		if err != nil {
			return nil, err
		}
		keys = append(keys, got...)
		if last || len(keys) >= want {
			return keys, nil
		}
		from.After = &end
	}

	// 3. Matches are rare near the cursor: the rest (after the walk) through
	// the most selective index, or on along the walk.
	var rest []store.DayKey
	var err error
	if best != nil {
		rest, err = byIndex(best, from, want-len(keys))
	} else {
		rest, err = inOrder(from, want-len(keys))
	}
	return append(keys, rest...), err
}

// throughSQL is the condition that ends a walk of segment seg at k
// (inclusive).
func throughSQL(seg store.DaySegment, k store.DayKey) (string, []any) {
	cmp := "<"
	if seg.Desc {
		cmp = ">"
	}
	if !seg.Dated {
		return "e.id " + cmp + "= ?", []any{k.ID}
	}
	return "e.day " + cmp + "= ? AND (e.day " + cmp + " ? OR e.id " + cmp + "= ?)", []any{k.Day, k.Day, k.ID}
}
