package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

// Get implements store.Store.
func (s *DB) Get(ctx context.Context, id string) (*doc.Document, error) {
	var blob []byte
	var text string
	err := s.db.QueryRowContext(ctx, `SELECT json, text FROM documents WHERE id = ?`, id).Scan(&blob, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: get %s: %w", id, err)
	}
	return decodeDoc(id, blob, text)
}

func decodeDoc(id string, blob []byte, text string) (*doc.Document, error) {
	d, err := store.DecodeDoc(id, blob, text)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return d, nil
}

// eachPage is how many documents Each holds in memory at once.
const eachPage = 128

// Each implements store.Store. It reads pages by key, holding no read
// transaction while fn runs, so fn may use the store (even write to it;
// documents added meanwhile are visited too).
func (s *DB) Each(ctx context.Context, fn func(*doc.Document) error) error {
	type row struct {
		id, text string
		blob     []byte
	}
	var last int64
	page := make([]row, 0, eachPage)
	for {
		page = page[:0]
		rows, err := s.db.QueryContext(ctx, `SELECT seq, id, json, text FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`, last, eachPage)
		if err != nil {
			return fmt.Errorf("sqlite: each: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&last, &r.id, &r.blob, &r.text); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite: each: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("sqlite: each: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for i := range page {
			d, err := decodeDoc(page[i].id, page[i].blob, page[i].text)
			if err != nil {
				return err
			}
			page[i] = row{}
			if err := fn(d); err != nil {
				return err
			}
		}
	}
}

// Snippet markers: control characters that FTS5 puts around matches and
// that Search turns into Hit.Highlights.
const (
	markOpen  = store.MarkOpen
	markClose = store.MarkClose
)

// Search implements store.Store. Without Text or Match it lists documents
// matching the other fields, newest first.
func (s *DB) Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error) {
	limit, err := store.PageLimit(q.Limit, 20)
	if err != nil {
		return nil, err
	}
	offset := 0
	if q.Cursor != "" {
		v, ok := strings.CutPrefix(q.Cursor, "s")
		n, err := strconv.Atoi(v)
		if !ok || err != nil || n < 0 {
			return nil, fmt.Errorf("sqlite: search cursor %q: %w", q.Cursor, store.ErrBadCursor)
		}
		offset = n
	}
	match := q.Match
	if match == "" {
		match = matchExpr(q.Text)
	}
	var where []string
	var args []any
	for _, c := range []struct{ v, cond string }{
		{q.Since, "d.pubdate >= ?"}, {q.Until, "d.pubdate <= ?"},
	} {
		if c.v == "" {
			continue
		}
		if !store.ValidDay(c.v) {
			return nil, fmt.Errorf("sqlite: search date %q is not YYYY-MM-DD: %w", c.v, store.ErrBadQuery)
		}
		where, args = append(where, c.cond), append(args, c.v)
	}
	if q.Until != "" { // pubdates may carry a time after the day
		args[len(args)-1] = q.Until + "\xff"
	}
	if q.Source != "" {
		where, args = append(where, "d.source = ?"), append(args, q.Source)
	}
	var query string
	if match != "" {
		query = `SELECT d.id, d.url, d.source, d.title, d.pubdate,
			snippet(documents_fts, 1, '` + markOpen + `', '` + markClose + `', '…', 24), -bm25(documents_fts, 4.0, 1.0)
			FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
			WHERE documents_fts MATCH ?`
		args = append([]any{match}, args...)
		for _, w := range where {
			query += " AND " + w
		}
		query += ` ORDER BY bm25(documents_fts, 4.0, 1.0), d.seq LIMIT ? OFFSET ?`
	} else {
		query = `SELECT d.id, d.url, d.source, d.title, d.pubdate, substr(d.text, 1, 200), 0.0 FROM documents d`
		if len(where) > 0 {
			query += " WHERE " + strings.Join(where, " AND ")
		}
		query += ` ORDER BY d.seq DESC LIMIT ? OFFSET ?`
	}
	args = append(args, limit, offset)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, searchErr(match, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		var raw string
		if err := rows.Scan(&h.ID, &h.URL, &h.Source, &h.Title, &h.PubDate, &raw, &h.Score); err != nil {
			return nil, fmt.Errorf("sqlite: search: %w", err)
		}
		h.Snippet, h.Highlights = store.Highlights(raw)
		offset++
		h.Cursor = "s" + strconv.Itoa(offset)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, searchErr(match, err)
	}
	return hits, nil
}

// searchErr classifies a search failure: SQLite reports a malformed FTS5
// expression as a plain SQLITE_ERROR (code 1), unlike busy, I/O or
// corruption errors.
func searchErr(match string, err error) error {
	var coded interface{ Code() int }
	if errors.As(err, &coded) && coded.Code()&0xff == 1 {
		return fmt.Errorf("sqlite: search %q: %v: %w", match, err, store.ErrBadQuery)
	}
	return fmt.Errorf("sqlite: search: %w", err)
}

// matchExpr turns plain words into an FTS5 expression in which every word
// or "quoted phrase" is a required string literal, so no input is a syntax
// error. It returns "" when text has no words.
func matchExpr(text string) string {
	// FTS5 reads the expression as a C string: a NUL would end it early.
	text = strings.ReplaceAll(text, "\x00", " ")
	var terms []string
	for i, part := range strings.Split(text, `"`) {
		if i%2 == 1 { // inside quotes: a phrase
			if f := strings.Fields(part); len(f) > 0 {
				terms = append(terms, quoteFTS(strings.Join(f, " ")))
			}
			continue
		}
		for _, w := range strings.Fields(part) {
			terms = append(terms, quoteFTS(w))
		}
	}
	return strings.Join(terms, " ")
}

func quoteFTS(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// eventWhere builds the WHERE conditions (over events e) of f.
func eventWhere(f store.EventFilter) ([]string, []any, error) {
	var where []string
	var args []any
	bad := func(format string, a ...any) error {
		return fmt.Errorf("sqlite: event filter: %s: %w", fmt.Sprintf(format, a...), store.ErrBadFilter)
	}
	if f.DocID != "" {
		where = append(where, "e.doc = (SELECT seq FROM documents WHERE id = ?)")
		args = append(args, f.DocID)
	}
	if f.Actor != "" {
		lo := strings.ToUpper(f.Actor)
		for i := 0; i < len(lo); i++ {
			if c := lo[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return nil, nil, bad("actor %q: only letters and digits", f.Actor)
			}
		}
		hi := lo[:len(lo)-1] + string(lo[len(lo)-1]+1)
		where = append(where, "((e.src_actor >= ? AND e.src_actor < ?) OR (e.tgt_actor >= ? AND e.tgt_actor < ?))")
		args = append(args, lo, hi, lo, hi)
	}
	if f.Root != "" {
		if len(f.Root) != 2 || f.Root < "01" || f.Root > "20" {
			return nil, nil, bad("root %q is not 01..20", f.Root)
		}
		where, args = append(where, "e.root = ?"), append(args, string(f.Root))
	}
	if f.Quad != cameo.QuadNone {
		if f.Quad < 1 || f.Quad > 4 {
			return nil, nil, bad("quad class %d is not 1..4", int(f.Quad))
		}
		where, args = append(where, "e.quad = ?"), append(args, int(f.Quad))
	}
	if f.Country != "" {
		where, args = append(where, "e.country = ?"), append(args, strings.ToUpper(f.Country))
	}
	if f.Since != "" {
		if !store.ValidDay(f.Since) {
			return nil, nil, bad("since %q is not YYYY-MM-DD", f.Since)
		}
		where, args = append(where, "e.day >= ?"), append(args, f.Since)
	}
	if f.Until != "" {
		if !store.ValidDay(f.Until) {
			return nil, nil, bad("until %q is not YYYY-MM-DD", f.Until)
		}
		where, args = append(where, "e.day <= ?"), append(args, f.Until)
	}
	if b := f.BBox; b != nil {
		if b.MinLat > b.MaxLat || b.MinLon > b.MaxLon || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 {
			return nil, nil, bad("bbox %+v is not a valid rectangle", *b)
		}
		where = append(where, "e.lat BETWEEN ? AND ? AND e.lon BETWEEN ? AND ?")
		args = append(args, b.MinLat, b.MaxLat, b.MinLon, b.MaxLon)
	}
	if f.Negated != nil {
		where, args = append(where, "e.negated = ?"), append(args, *f.Negated)
	}
	return where, args, nil
}

// Events implements store.Store: a page in f.Order (see store.Order).
func (s *DB) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, string, error) {
	limit, err := store.PageLimit(f.Limit, 100)
	if err != nil {
		return nil, "", err
	}
	where, args, err := eventWhere(f)
	if err != nil {
		return nil, "", err
	}
	if f.Order != store.StoredOrder {
		return s.eventsByDay(ctx, f, where, args, limit)
	}
	var after int64
	if f.Cursor != "" {
		v, ok := strings.CutPrefix(f.Cursor, "e")
		n, err := strconv.ParseInt(v, 10, 64)
		if !ok || err != nil || n < 0 {
			return nil, "", fmt.Errorf("sqlite: events cursor %q: %w", f.Cursor, store.ErrBadCursor)
		}
		where, args = append(where, "e.id > ?"), append(args, n)
		after = n
	}
	page, pageArgs, err := s.planEvents(ctx, f, where, args, after, limit+1)
	if err != nil {
		return nil, "", err
	}
	out, ids, err := s.eventRows(ctx, page, pageArgs, "e.id")
	if err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = "e" + strconv.FormatInt(ids[limit-1], 10)
	}
	return out, next, nil
}

// eventRows reads the events that the inner query page selects, with their
// documents, ordered by orderBy, and their ids.
func (s *DB) eventRows(ctx context.Context, page string, pageArgs []any, orderBy string) ([]store.EventRow, []int64, error) {
	query := `SELECT e.id, d.id, e.idx, e.src_actor, e.src_text, e.tgt_actor, e.tgt_text, e.cameo, e.root,
		e.quad, e.goldstein, e.negated, e.modality, e.date, coalesce(e.day, ''), e.place_name, e.country,
		e.lat, e.lon, e.killed, e.sentence, e.start, e."end", e.confidence,
		CAST(substr(CAST(d.text AS BLOB), e.start + 1, e."end" - e.start) AS TEXT)
		FROM (` + page + `) e JOIN documents d ON d.seq = e.doc ORDER BY ` + orderBy
	// Documents are joined only for the rows of the page.
	rows, err := s.db.QueryContext(ctx, query, pageArgs...)
	if err != nil {
		return nil, nil, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	var out []store.EventRow
	var ids []int64
	for rows.Next() {
		var r store.EventRow
		var id int64
		var lat, lon sql.NullFloat64
		var killed sql.NullInt64
		var evidence sql.NullString
		if err := rows.Scan(&id, &r.DocID, &r.Index, &r.Source, &r.SourceText, &r.Target, &r.TargetText,
			&r.Code, &r.Root, &r.QuadClass, &r.Goldstein, &r.Negated, &r.Modality, &r.Date, &r.Day,
			&r.PlaceName, &r.Country, &lat, &lon, &killed, &r.Sentence, &r.Span.Start, &r.Span.End,
			&r.Confidence, &evidence); err != nil {
			return nil, nil, fmt.Errorf("sqlite: events: %w", err)
		}
		if lat.Valid && lon.Valid {
			r.Lat, r.Lon = &lat.Float64, &lon.Float64
		}
		if killed.Valid {
			r.Killed = &killed.Int64
		}
		r.Evidence = evidence.String
		out = append(out, r)
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("sqlite: events: %w", err)
	}
	return out, ids, nil
}

// seenChunk bounds the number of parameters of one SeenSentences query.
const seenChunk = 400

// SeenSentences implements store.Store. Hash 0 (a sentence without words)
// is never reported. An empty notSource excludes no source.
func (s *DB) SeenSentences(ctx context.Context, hashes []uint64, notSource string) (map[uint64]string, error) {
	out := make(map[uint64]string)
	uniq := make([]any, 0, len(hashes))
	seen := make(map[uint64]bool, len(hashes))
	for _, h := range hashes {
		if h != 0 && !seen[h] {
			seen[h] = true
			uniq = append(uniq, int64(h))
		}
	}
	for len(uniq) > 0 {
		n := min(len(uniq), seenChunk)
		chunk := uniq[:n]
		uniq = uniq[n:]
		query := `SELECT s.hash, d.id FROM sentences s JOIN documents d ON d.seq = s.doc
			WHERE s.hash IN (` + strings.TrimSuffix(strings.Repeat("?,", n), ",") + `)`
		args := chunk
		if notSource != "" {
			query += ` AND d.source <> ?`
			args = append(append([]any(nil), chunk...), notSource)
		}
		query += ` ORDER BY d.seq DESC`
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: seen sentences: %w", err)
		}
		for rows.Next() {
			var h int64
			var id string
			if err := rows.Scan(&h, &id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: seen sentences: %w", err)
			}
			out[uint64(h)] = id // descending order: the earliest document wins
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: seen sentences: %w", err)
		}
	}
	return out, nil
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL),
		(SELECT count(*) FROM sentences),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM places)`).Scan(&c.Documents, &c.NearDuplicates, &c.Sentences, &c.Events, &c.Entities, &c.Quotes, &c.Places)
	if err != nil {
		return c, fmt.Errorf("sqlite: count: %w", err)
	}
	return c, nil
}
