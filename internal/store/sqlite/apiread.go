package sqlite

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

// infoChunk bounds the number of parameters of one DocInfos query.
const infoChunk = 400

// DocInfos returns the headers (and event counts) of the stored documents
// among ids, keyed by ID; unknown IDs are left out.
func (s *DB) DocInfos(ctx context.Context, ids []string) (map[string]store.DocInfo, error) {
	out := make(map[string]store.DocInfo, len(ids))
	uniq := make([]any, 0, len(ids))
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			uniq = append(uniq, id)
		}
	}
	for len(uniq) > 0 {
		n := min(len(uniq), infoChunk)
		chunk := uniq[:n]
		uniq = uniq[n:]
		rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.url, d.source, d.title, d.pubdate,
			(SELECT count(*) FROM events e WHERE e.doc = d.seq)
			FROM documents d WHERE d.id IN (`+strings.TrimSuffix(strings.Repeat("?,", n), ",")+`)`, chunk...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: document infos: %w", err)
		}
		for rows.Next() {
			var d store.DocInfo
			if err := rows.Scan(&d.ID, &d.URL, &d.Source, &d.Title, &d.PubDate, &d.Events); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: document infos: %w", err)
			}
			out[d.ID] = d
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: document infos: %w", err)
		}
	}
	return out, nil
}

// EventsTail returns the Events cursor that follows the last stored event:
// Events with it returns only events stored afterwards. It lets a watcher
// follow new events without reading the old ones.
func (s *DB) EventsTail(ctx context.Context) (string, error) {
	var id int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&id); err != nil {
		return "", fmt.Errorf("sqlite: events tail: %w", err)
	}
	return "e" + strconv.FormatInt(id, 10), nil
}

// PlaceQuads is Places with each place's events split by QuadClass, in one
// pass over the matching events.
func (s *DB) PlaceQuads(ctx context.Context, f store.EventFilter, n int) ([]store.PlaceQuads, error) {
	n, err := topN(n)
	if err != nil {
		return nil, err
	}
	w, args, err := analyticsWhere(f, "e.place_name <> ''", "e.lat IS NOT NULL")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.place_name, e.country, avg(e.lat), avg(e.lon), count(*), avg(e.goldstein),
		sum(e.quad NOT BETWEEN 1 AND 4), sum(e.quad = 1), sum(e.quad = 2), sum(e.quad = 3), sum(e.quad = 4)
		FROM events e`+w+` GROUP BY 1, 2 ORDER BY 5 DESC, 1, 2 LIMIT ?`, append(args, n)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: place quads: %w", err)
	}
	defer rows.Close()
	var out []store.PlaceQuads
	for rows.Next() {
		var p store.PlaceQuads
		if err := rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.MeanGoldstein,
			&p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.Quad[4]); err != nil {
			return nil, fmt.Errorf("sqlite: place quads: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// EventsAfter returns up to limit events stored after the Events cursor
// after ("" = from the start), in storage order, with each one's cursor:
// passing the last cursor back continues exactly after it. Unlike Events,
// it tells the position of the last row even on a short page, so a
// watcher can follow the table without gaps or repeats.
func (s *DB) EventsAfter(ctx context.Context, after string, limit int) ([]store.EventRow, []string, error) {
	var from int64
	if after != "" {
		v, ok := strings.CutPrefix(after, "e")
		n, err := strconv.ParseInt(v, 10, 64)
		if !ok || err != nil || n < 0 {
			return nil, nil, fmt.Errorf("sqlite: events cursor %q: %w", after, store.ErrBadCursor)
		}
		from = n
	}
	limit, err := store.PageLimit(limit, 100)
	if err != nil {
		return nil, nil, err
	}
	// Writers are serialized, so the committed event IDs seen by one read
	// are a prefix of the sequence: the rows Events returns from the same
	// cursor with the same count are exactly these IDs.
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM events WHERE id > ? ORDER BY id LIMIT ?`, from, limit)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: events after: %w", err)
	}
	var cursors []string
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("sqlite: events after: %w", err)
		}
		cursors = append(cursors, "e"+strconv.FormatInt(id, 10))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: events after: %w", err)
	}
	if len(cursors) == 0 {
		return nil, nil, nil
	}
	evs, _, err := s.Events(ctx, store.EventFilter{Cursor: "e" + strconv.FormatInt(from, 10), Limit: len(cursors), Order: store.StoredOrder})
	if err != nil {
		return nil, nil, err
	}
	if len(evs) != len(cursors) {
		return nil, nil, fmt.Errorf("sqlite: events after %d: %d rows for %d ids (events deleted meanwhile?)", from, len(evs), len(cursors))
	}
	return evs, cursors, nil
}
