package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

// Event pages in store.StoredOrder (the stream's; dayorder.go plans the
// day orders) are ordered by id, so the cheapest way to fill a page depends
// on how many events match. A selective filter (a rare actor or country, a
// short date range) is best read through its index and sorted; a broad one
// (a common actor, a large box, the negated flag) is best read in id order,
// stopping once the page is full, which the planner cannot know: with an
// index on the broad column it sorts hundreds of thousands of rows for 50.
// planEvents counts a bounded number of index entries per indexed filter to
// tell the two apart, then scans windows of ids, within a budget, before
// falling back to the index.
var (
	probeCap   = 4000           // an indexed filter with fewer matches is selective
	scanWindow = int64(1 << 16) // ids scanned by the first window, doubling after
	scanBudget = int64(1 << 19) // ids scanned in id order before using an index
)

const maxPlanRows = store.MaxLimit + 1

// indexProbe is one indexed filter: its condition over events e and the
// index that serves it ("" when the planner must choose, as for the two
// indexes of an actor filter).
type indexProbe struct {
	index  string
	counts []string // count queries, each over one index
	cond   string
	args   []any
	n      int
}

func eventProbes(f store.EventFilter) []indexProbe {
	var ps []indexProbe
	if f.Actor != "" {
		lo := strings.ToUpper(f.Actor)
		hi := lo[:len(lo)-1] + string(lo[len(lo)-1]+1)
		ps = append(ps, indexProbe{
			counts: []string{`SELECT count(*) FROM (SELECT 1 FROM events e INDEXED BY events_src WHERE e.src_actor >= ? AND e.src_actor < ? LIMIT ?)`,
				`SELECT count(*) FROM (SELECT 1 FROM events e INDEXED BY events_tgt WHERE e.tgt_actor >= ? AND e.tgt_actor < ? LIMIT ?)`},
			args: []any{lo, hi},
		})
	}
	if f.Country != "" {
		ps = append(ps, indexProbe{index: "events_country", cond: "e.country = ? AND e.country <> ''", args: []any{strings.ToUpper(f.Country)}})
	}
	if f.Root != "" {
		ps = append(ps, indexProbe{index: "events_root", cond: "e.root = ?", args: []any{string(f.Root)}})
	}
	if f.Since != "" || f.Until != "" {
		p := indexProbe{index: "events_day_walk"}
		var c []string
		if f.Since != "" {
			c, p.args = append(c, "e.day >= ?"), append(p.args, f.Since)
		}
		if f.Until != "" {
			c, p.args = append(c, "e.day <= ?"), append(p.args, f.Until)
		}
		p.cond = strings.Join(c, " AND ")
		ps = append(ps, p)
	}
	if b := f.BBox; b != nil {
		ps = append(ps, indexProbe{index: "events_lat", cond: "e.lat IS NOT NULL AND e.lat BETWEEN ? AND ?", args: []any{b.MinLat, b.MaxLat}})
	}
	for i := range ps {
		if ps[i].counts == nil {
			ps[i].counts = []string{`SELECT count(*) FROM (SELECT 1 FROM events e INDEXED BY ` + ps[i].index + ` WHERE ` + ps[i].cond + ` LIMIT ?)`}
		}
	}
	return ps
}

// planEvents returns the inner query (and its arguments) that selects the
// events of one page: at most want rows of events e matching where (which
// eventWhere built from f, plus the cursor condition), in any order.
func (s *DB) planEvents(ctx context.Context, f store.EventFilter, where []string, args []any, after int64, want int) (string, []any, error) {
	all := "SELECT * FROM events e"
	if len(where) > 0 {
		all += " WHERE " + strings.Join(where, " AND ")
	}
	plain := func() (string, []any, error) {
		return all + " ORDER BY e.id LIMIT ?", append(append([]any(nil), args...), want), nil
	}
	if len(where) == 0 || f.DocID != "" || want > maxPlanRows {
		return plain() // id order, or one document's few events
	}
	cond := strings.Join(where, " AND ")

	// 1. A selective indexed filter: read it through its index.
	var best *indexProbe
	probes := eventProbes(f)
	for i := range probes {
		p := &probes[i]
		for _, q := range p.counts {
			var n int
			if err := s.db.QueryRowContext(ctx, q, append(append([]any(nil), p.args...), probeCap)...).Scan(&n); err != nil {
				return "", nil, fmt.Errorf("sqlite: events plan: %w", err)
			}
			p.n += n
		}
		if best == nil || p.n < best.n {
			best = p
		}
	}
	if best != nil && best.n < probeCap {
		if best.index == "" {
			return plain()
		}
		return "SELECT * FROM events e INDEXED BY " + best.index + " WHERE " + cond + " AND " + best.cond + " ORDER BY e.id LIMIT ?",
			append(append(append([]any(nil), args...), best.args...), want), nil
	}

	// 2. Broad filters: scan ids in order, in growing windows.
	var maxID int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&maxID); err != nil {
		return "", nil, fmt.Errorf("sqlite: events plan: %w", err)
	}
	ids := make([]int64, 0, want)
	collect := func(q string, qargs ...any) error {
		rows, err := s.db.QueryContext(ctx, q, qargs...)
		if err != nil {
			return fmt.Errorf("sqlite: events plan: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return fmt.Errorf("sqlite: events plan: %w", err)
			}
			ids = append(ids, id)
		}
		return rows.Err()
	}
	lo, w, scanned := after, scanWindow, int64(0)
	for lo < maxID && len(ids) < want && scanned < scanBudget {
		hi := lo + w
		err := collect("SELECT e.id FROM events e NOT INDEXED WHERE "+cond+" AND e.id > ? AND e.id <= ? ORDER BY e.id LIMIT ?",
			append(append([]any(nil), args...), lo, hi, want-len(ids))...)
		if err != nil {
			return "", nil, err
		}
		scanned += w
		lo, w = hi, 2*w
	}

	// 3. Matches are rare where the scan went: the rest through an index.
	if len(ids) < want && lo < maxID {
		q := "SELECT e.id FROM events e"
		extra := []any{}
		if best != nil && best.index != "" {
			q += " INDEXED BY " + best.index + " WHERE " + cond + " AND " + best.cond
			extra = best.args
		} else {
			q += " WHERE " + cond
		}
		q += " AND e.id > ? ORDER BY e.id LIMIT ?"
		if err := collect(q, append(append(append([]any(nil), args...), extra...), lo, want-len(ids))...); err != nil {
			return "", nil, err
		}
	}
	if len(ids) == 0 {
		return "SELECT * FROM events e WHERE 0", nil, nil
	}
	var b strings.Builder
	b.WriteString("SELECT * FROM events e WHERE e.id IN (")
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(id, 10))
	}
	b.WriteByte(')')
	return b.String(), nil, nil
}
