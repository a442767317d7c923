package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/internal/store"
)

// analyticsWhere is eventWhere joined into a WHERE clause, with extra
// conditions, for the aggregations (which ignore Limit and Cursor).
func analyticsWhere(f store.EventFilter, extra ...string) (string, []any, error) {
	where, args, err := eventWhere(f)
	if err != nil {
		return "", nil, err
	}
	where = append(where, extra...)
	if len(where) == 0 {
		return "", nil, nil
	}
	return " WHERE " + strings.Join(where, " AND "), args, nil
}

func topN(n int) (int, error) { return store.PageLimit(n, 50) }

// TopActors implements store.Analytics. An event whose source and target
// are the same actor counts once for each role.
func (s *DB) TopActors(ctx context.Context, f store.EventFilter, n int) ([]store.ActorCount, error) {
	n, err := topN(n)
	if err != nil {
		return nil, err
	}
	ws, as, err := analyticsWhere(f, "e.src_actor <> ''")
	if err != nil {
		return nil, err
	}
	wt, at, _ := analyticsWhere(f, "e.tgt_actor <> ''")
	query := `WITH a AS (
		SELECT e.src_actor AS actor, 1 AS s, 0 AS t, e.goldstein AS g FROM events e` + ws + `
		UNION ALL
		SELECT e.tgt_actor, 0, 1, e.goldstein FROM events e` + wt + `)
		SELECT actor, count(*), sum(s), sum(t), avg(g) FROM a GROUP BY actor ORDER BY count(*) DESC, actor LIMIT ?`
	args := append(append(as, at...), n)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: top actors: %w", err)
	}
	defer rows.Close()
	var out []store.ActorCount
	for rows.Next() {
		var a store.ActorCount
		if err := rows.Scan(&a.Actor, &a.Events, &a.AsSource, &a.AsTarget, &a.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("sqlite: top actors: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// ActorEdges implements store.Analytics: pairs with both actors coded.
func (s *DB) ActorEdges(ctx context.Context, f store.EventFilter, n int) ([]store.Edge, error) {
	n, err := topN(n)
	if err != nil {
		return nil, err
	}
	w, args, err := analyticsWhere(f, "e.src_actor <> ''", "e.tgt_actor <> ''")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.src_actor, e.tgt_actor, e.quad, count(*), avg(e.goldstein)
		FROM events e`+w+` GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3 LIMIT ?`, append(args, n)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: actor edges: %w", err)
	}
	defer rows.Close()
	var out []store.Edge
	for rows.Next() {
		var e store.Edge
		if err := rows.Scan(&e.Source, &e.Target, &e.QuadClass, &e.Events, &e.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("sqlite: actor edges: %w", err)
		}
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
	case store.Week:
		bucket = "date(e.day, '-6 days', 'weekday 1')"
	default:
		return nil, fmt.Errorf("sqlite: timeline bucket %q is not day or week: %w", by, store.ErrBadFilter)
	}
	w, args, err := analyticsWhere(f, "e.day IS NOT NULL")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+bucket+` AS b, e.quad, count(*), avg(e.goldstein)
		FROM events e`+w+` GROUP BY b, e.quad ORDER BY b, e.quad`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: timeline: %w", err)
	}
	defer rows.Close()
	var out []store.TimelinePoint
	for rows.Next() {
		var p store.TimelinePoint
		if err := rows.Scan(&p.Start, &p.QuadClass, &p.Events, &p.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("sqlite: timeline: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Places implements store.Analytics over geocoded event places, grouped by
// name and country; Lat and Lon are the mean of the group's coordinates.
func (s *DB) Places(ctx context.Context, f store.EventFilter, n int) ([]store.PlaceCount, error) {
	n, err := topN(n)
	if err != nil {
		return nil, err
	}
	w, args, err := analyticsWhere(f, "e.place_name <> ''", "e.lat IS NOT NULL")
	if err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT e.place_name, e.country, avg(e.lat), avg(e.lon), count(*), avg(e.goldstein)
		FROM events e`+w+` GROUP BY 1, 2 ORDER BY 5 DESC, 1, 2 LIMIT ?`, append(args, n)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: places: %w", err)
	}
	defer rows.Close()
	var out []store.PlaceCount
	for rows.Next() {
		var p store.PlaceCount
		if err := rows.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Events, &p.MeanGoldstein); err != nil {
			return nil, fmt.Errorf("sqlite: places: %w", err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
