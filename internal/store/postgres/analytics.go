package postgres

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/store"
)

// analyticsWhere is eventWhere joined into a WHERE clause, with extra
// conditions, for the aggregations (which ignore Limit and Cursor).
func analyticsWhere(f store.EventFilter, a *args, extra ...string) (string, error) {
	where, err := eventWhere(f, a)
	if err != nil {
		return "", err
	}
	where = append(where, extra...)
	if len(where) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(where, " AND "), nil
}

func topN(n int) (int, error) { return store.PageLimit(n, 50) }

// TopActors implements store.Analytics. An event whose source and target
// are the same actor counts once for each role.
func (s *DB) TopActors(ctx context.Context, f store.EventFilter, n int) ([]store.ActorCount, error) {
	n, err := topN(n)
	if err != nil {
		return nil, err
	}
	var a args
	ws, err := analyticsWhere(f, &a, "e.src_actor <> ''")
	if err != nil {
		return nil, err
	}
	wt, _ := analyticsWhere(f, &a, "e.tgt_actor <> ''")
	query := `WITH x AS (
		SELECT e.src_actor AS actor, 1 AS s, 0 AS t, e.goldstein AS g FROM events e` + ws + `
		UNION ALL
		SELECT e.tgt_actor, 0, 1, e.goldstein FROM events e` + wt + `)
		SELECT actor, count(*), sum(s), sum(t), avg(g) FROM x GROUP BY actor ORDER BY count(*) DESC, actor LIMIT ` + a.add(n)
	rows, err := s.pool.Query(ctx, query, a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: top actors: %w", err)
	}
	defer rows.Close()
	var out []store.ActorCount
	for rows.Next() {
		var c store.ActorCount
		var actor string
		if err := rows.Scan(&actor, &c.Events, &c.AsSource, &c.AsTarget, &c.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("postgres: top actors: %w", err)
		}
		c.Actor = cameo.ActorCode(actor)
		out = append(out, c)
	}
	return out, rows.Err()
}

// ActorEdges implements store.Analytics: pairs with both actors coded.
func (s *DB) ActorEdges(ctx context.Context, f store.EventFilter, n int) ([]store.Edge, error) {
	n, err := topN(n)
	if err != nil {
		return nil, err
	}
	var a args
	w, err := analyticsWhere(f, &a, "e.src_actor <> ''", "e.tgt_actor <> ''")
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT e.src_actor, e.tgt_actor, e.quad, count(*), avg(e.goldstein)
		FROM events e`+w+` GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3 LIMIT `+a.add(n), a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: actor edges: %w", err)
	}
	defer rows.Close()
	var out []store.Edge
	for rows.Next() {
		var e store.Edge
		var src, tgt string
		var quad int
		if err := rows.Scan(&src, &tgt, &quad, &e.Events, &e.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("postgres: actor edges: %w", err)
		}
		e.Source, e.Target, e.QuadClass = cameo.ActorCode(src), cameo.ActorCode(tgt), cameo.QuadClass(quad)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Timeline implements store.Analytics over events that have a day.
func (s *DB) Timeline(ctx context.Context, f store.EventFilter, by store.Bucket) ([]store.TimelinePoint, error) {
	var bucket string
	switch by {
	case store.Day, "":
		bucket = "e.day"
	case store.Week: // ISO weeks start on Monday
		bucket = "to_char(date_trunc('week', e.day::date), 'YYYY-MM-DD')"
	default:
		return nil, fmt.Errorf("postgres: timeline bucket %q is not day or week: %w", by, store.ErrBadFilter)
	}
	var a args
	w, err := analyticsWhere(f, &a, "e.day IS NOT NULL")
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT `+bucket+` COLLATE "C" AS b, e.quad, count(*), avg(e.goldstein)
		FROM events e`+w+` GROUP BY b, e.quad ORDER BY b, e.quad`, a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: timeline: %w", err)
	}
	defer rows.Close()
	var out []store.TimelinePoint
	for rows.Next() {
		var p store.TimelinePoint
		var quad int
		if err := rows.Scan(&p.Start, &quad, &p.Events, &p.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("postgres: timeline: %w", err)
		}
		p.QuadClass = cameo.QuadClass(quad)
		out = append(out, p)
	}
	return out, rows.Err()
}

// Places implements store.Analytics over geocoded event places, grouped by
// name and country; Lat and Lon are the mean of the group's coordinates.
func (s *DB) Places(ctx context.Context, f store.EventFilter, n int) ([]store.PlaceCount, error) {
	pq, err := s.PlaceQuads(ctx, f, n)
	if err != nil {
		return nil, err
	}
	out := make([]store.PlaceCount, len(pq))
	for i := range pq {
		out[i] = pq[i].PlaceCount
	}
	return out, nil
}

// PlaceQuads is Places with each place's events split by QuadClass.
func (s *DB) PlaceQuads(ctx context.Context, f store.EventFilter, n int) ([]store.PlaceQuads, error) {
	n, err := topN(n)
	if err != nil {
		return nil, err
	}
	var a args
	w, err := analyticsWhere(f, &a, "e.place_name <> ''", "e.lat IS NOT NULL")
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT e.place_name, e.country, avg(e.lat), avg(e.lon), count(*), avg(e.goldstein),
		count(*) FILTER (WHERE e.quad NOT BETWEEN 1 AND 4), count(*) FILTER (WHERE e.quad = 1),
		count(*) FILTER (WHERE e.quad = 2), count(*) FILTER (WHERE e.quad = 3), count(*) FILTER (WHERE e.quad = 4)
		FROM events e`+w+` GROUP BY 1, 2 ORDER BY 5 DESC, e.place_name COLLATE "C", 2 LIMIT `+a.add(n), a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: place quads: %w", err)
	}
	defer rows.Close()
	var out []store.PlaceQuads
	for rows.Next() {
		var p store.PlaceQuads
		if err := rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.MeanGoldstein,
			&p.Quad[0], &p.Quad[1], &p.Quad[2], &p.Quad[3], &p.Quad[4]); err != nil {
			return nil, fmt.Errorf("postgres: place quads: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DocInfos returns the headers (and event counts) of the stored documents
// among ids, keyed by ID; unknown IDs are left out.
func (s *DB) DocInfos(ctx context.Context, ids []string) (map[string]store.DocInfo, error) {
	out := make(map[string]store.DocInfo, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT d.id, d.url, d.source, d.title, d.pubdate,
		(SELECT count(*) FROM events e WHERE e.doc = d.seq)
		FROM documents d WHERE d.id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: document infos: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var d store.DocInfo
		if err := rows.Scan(&d.ID, &d.URL, &d.Source, &d.Title, &d.PubDate, &d.Events); err != nil {
			return nil, fmt.Errorf("postgres: document infos: %w", err)
		}
		out[d.ID] = d
	}
	return out, rows.Err()
}

// EventsTail returns the Events cursor that follows the last stored event.
func (s *DB) EventsTail(ctx context.Context) (string, error) {
	var id int64
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM events`).Scan(&id); err != nil {
		return "", fmt.Errorf("postgres: events tail: %w", err)
	}
	return "e" + strconv.FormatInt(id, 10), nil
}

// EventsAfter returns up to limit events stored after the Events cursor
// after ("" = from the start), in storage order, with each one's cursor.
// Writers hold the store-wide write lock while they take event ids, so the
// committed ids a reader sees are a prefix of the sequence: following the
// table this way has no gaps and no repeats.
func (s *DB) EventsAfter(ctx context.Context, after string, limit int) ([]store.EventRow, []string, error) {
	var from int64
	if after != "" {
		v, ok := strings.CutPrefix(after, "e")
		n, err := strconv.ParseInt(v, 10, 64)
		if !ok || err != nil || n < 0 {
			return nil, nil, fmt.Errorf("postgres: events cursor %q: %w", after, store.ErrBadCursor)
		}
		from = n
	}
	limit, err := store.PageLimit(limit, 100)
	if err != nil {
		return nil, nil, err
	}
	rows, err := s.pool.Query(ctx, eventSelect+` FROM (SELECT * FROM events e WHERE e.id > $1 ORDER BY e.id LIMIT $2) e
		JOIN documents d ON d.seq = e.doc ORDER BY e.id`, from, limit)
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: events after: %w", err)
	}
	evs, ids, err := scanEvents(rows)
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: events after: %w", err)
	}
	if len(evs) == 0 {
		return nil, nil, nil
	}
	cursors := make([]string, len(ids))
	for i, id := range ids {
		cursors[i] = "e" + strconv.FormatInt(id, 10)
	}
	return evs, cursors, nil
}

// DeadLetter records an item the distributed workers gave up on (kept by
// message ID; a later record for the same ID replaces the earlier one).
func (s *DB) DeadLetter(ctx context.Context, msgID, origin, url string, deliveries int, reason string) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO dead_letters(msg_id, origin, url, deliveries, error) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (msg_id) DO UPDATE SET origin = excluded.origin, url = excluded.url,
			deliveries = excluded.deliveries, error = excluded.error, failed_at = now()`,
		msgID, clean(origin), clean(url), deliveries, clean(reason))
	if err != nil {
		return fmt.Errorf("postgres: dead letter %s: %w", msgID, err)
	}
	return nil
}

// DeadLetters counts the recorded dead letters.
func (s *DB) DeadLetters(ctx context.Context) (int64, error) {
	var n int64
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM dead_letters`).Scan(&n)
	return n, err
}

// clean makes s storable in a text column.
func clean(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}
