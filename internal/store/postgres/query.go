package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

// Get implements store.Store.
func (s *DB) Get(ctx context.Context, id string) (*doc.Document, error) {
	var blob []byte
	var text string
	err := s.pool.QueryRow(ctx, `SELECT json, text FROM documents WHERE id = $1`, id).Scan(&blob, &text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: get %s: %w", id, err)
	}
	return decodeDoc(id, blob, text)
}

func decodeDoc(id string, blob []byte, text string) (*doc.Document, error) {
	d, err := store.DecodeDoc(id, blob, text)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	return d, nil
}

// eachPage is how many documents Each holds in memory at once.
const eachPage = 128

// Each implements store.Store. It reads pages by key, holding no
// transaction while fn runs, so fn may use the store.
func (s *DB) Each(ctx context.Context, fn func(*doc.Document) error) error {
	type row struct {
		id, text string
		blob     []byte
	}
	var last int64
	page := make([]row, 0, eachPage)
	for {
		page = page[:0]
		rows, err := s.pool.Query(ctx, `SELECT seq, id, json, text FROM documents WHERE seq > $1 ORDER BY seq LIMIT $2`, last, eachPage)
		if err != nil {
			return fmt.Errorf("postgres: each: %w", err)
		}
		for rows.Next() {
			var r row
			if err := rows.Scan(&last, &r.id, &r.blob, &r.text); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: each: %w", err)
			}
			page = append(page, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: each: %w", err)
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

// Snippet markers put around matches by ts_headline, turned into
// Hit.Highlights.
const (
	markOpen  = store.MarkOpen
	markClose = store.MarkClose
)

// headlineOpts are ts_headline's options: two fragments of 15–35 words.
const headlineOpts = `StartSel=` + markOpen + `, StopSel=` + markClose +
	`, MaxWords=35, MinWords=15, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`

// args collects query parameters and names them $1, $2, ...
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// Search implements store.Store. Text is turned into a websearch query in
// which every word and "phrase" is required; Match is an operator query
// (AND, OR, NOT, parentheses, "phrases", prefix*) translated to to_tsquery.
// Without either it lists documents matching the other fields, newest first.
// Score is ts_rank_cd with the title weighted over the text.
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
			return nil, fmt.Errorf("postgres: search cursor %q: %w", q.Cursor, store.ErrBadCursor)
		}
		offset = n
	}
	var a args
	var tsq string // SQL expression of the tsquery, "" for none
	switch {
	case q.Match != "":
		expr, err := tsQueryExpr(q.Match)
		if err != nil {
			return nil, fmt.Errorf("postgres: search %q: %v: %w", q.Match, err, store.ErrBadQuery)
		}
		if expr != "" {
			tsq = "to_tsquery('english', " + a.add(expr) + ")"
		}
	case websearchText(q.Text) != "":
		tsq = "websearch_to_tsquery('english', " + a.add(websearchText(q.Text)) + ")"
	}
	var where []string
	if q.Since != "" {
		if !store.ValidDay(q.Since) {
			return nil, fmt.Errorf("postgres: search date %q is not YYYY-MM-DD: %w", q.Since, store.ErrBadQuery)
		}
		where = append(where, "d.pubdate >= "+a.add(q.Since))
	}
	if q.Until != "" {
		if !store.ValidDay(q.Until) {
			return nil, fmt.Errorf("postgres: search date %q is not YYYY-MM-DD: %w", q.Until, store.ErrBadQuery)
		}
		// pubdates may carry a time after the day
		where = append(where, "left(d.pubdate, 10) <= "+a.add(q.Until))
	}
	if q.Source != "" {
		where = append(where, "d.source = "+a.add(q.Source))
	}
	var query string
	if tsq != "" {
		cond := "d.tsv @@ q.q"
		for _, w := range where {
			cond += " AND " + w
		}
		query = `WITH q AS (SELECT ` + tsq + ` AS q),
			page AS (SELECT d.seq, ts_rank_cd(d.tsv, q.q) AS score FROM documents d, q WHERE ` + cond + `
				ORDER BY score DESC, d.seq LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(offset) + `)
			SELECT d.id, d.url, d.source, d.title, d.pubdate,
				ts_headline('english', d.text, q.q, '` + headlineOpts + `'), page.score
			FROM page JOIN documents d ON d.seq = page.seq, q ORDER BY page.score DESC, d.seq`
	} else {
		query = `SELECT d.id, d.url, d.source, d.title, d.pubdate, left(d.text, 200), 0.0::float8 FROM documents d`
		if len(where) > 0 {
			query += " WHERE " + strings.Join(where, " AND ")
		}
		query += ` ORDER BY d.seq DESC LIMIT ` + a.add(limit) + ` OFFSET ` + a.add(offset)
	}
	rows, err := s.pool.Query(ctx, query, a...)
	if err != nil {
		return nil, searchErr(q.Match, err)
	}
	defer rows.Close()
	var hits []store.Hit
	for rows.Next() {
		var h store.Hit
		var raw string
		var score float64
		if err := rows.Scan(&h.ID, &h.URL, &h.Source, &h.Title, &h.PubDate, &raw, &score); err != nil {
			return nil, fmt.Errorf("postgres: search: %w", err)
		}
		h.Score = score
		h.Snippet, h.Highlights = store.Highlights(raw)
		offset++
		h.Cursor = "s" + strconv.Itoa(offset)
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, searchErr(q.Match, err)
	}
	return hits, nil
}

// searchErr classifies a search failure: a tsquery the server cannot parse
// (syntax error class 42601 or bad text 22xxx) is the caller's bad query.
func searchErr(match string, err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && (pgErr.Code == "42601" || strings.HasPrefix(pgErr.Code, "22")) {
		return fmt.Errorf("postgres: search %q: %v: %w", match, err, store.ErrBadQuery)
	}
	return fmt.Errorf("postgres: search: %w", err)
}

// websearchText turns plain words into websearch_to_tsquery input in which
// each word or "quoted phrase" is itself quoted, so that none is read as an
// operator (or, -word): every one is required. "" when text has no words.
func websearchText(text string) string {
	text = strings.ReplaceAll(text, "\x00", " ")
	var terms []string
	for i, part := range strings.Split(text, `"`) {
		if i%2 == 1 {
			if f := strings.Fields(part); len(f) > 0 {
				terms = append(terms, `"`+strings.Join(f, " ")+`"`)
			}
			continue
		}
		for _, w := range strings.Fields(part) {
			terms = append(terms, `"`+w+`"`)
		}
	}
	return strings.Join(terms, " ")
}

// tsQueryExpr translates an operator query (FTS5-like: words, "phrases",
// prefix*, AND, OR, NOT, parentheses; juxtaposition means AND) into
// to_tsquery syntax with every lexeme quoted. It returns "" for a query
// without words.
func tsQueryExpr(q string) (string, error) {
	type tok struct {
		kind byte // 'w' word, 'p' phrase, '(' ')' '&' '|' '!'
		text string
		pre  bool
	}
	var toks []tok
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(' || c == ')':
			toks = append(toks, tok{kind: c})
			i++
		case c == '"':
			j := strings.IndexByte(q[i+1:], '"')
			if j < 0 {
				return "", fmt.Errorf("unterminated phrase at offset %d", i)
			}
			toks = append(toks, tok{kind: 'p', text: q[i+1 : i+1+j]})
			i += j + 2
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()\"", rune(q[j])) {
				j++
			}
			w := q[i:j]
			i = j
			switch w {
			case "AND":
				toks = append(toks, tok{kind: '&'})
			case "OR":
				toks = append(toks, tok{kind: '|'})
			case "NOT":
				toks = append(toks, tok{kind: '!'})
			default:
				t := tok{kind: 'w', text: w}
				if strings.HasSuffix(w, "*") {
					t.text, t.pre = strings.TrimSuffix(w, "*"), true
				}
				toks = append(toks, t)
			}
		}
	}
	// lexeme quotes one word for to_tsquery; it keeps letters and digits
	// only (to_tsquery would split on the rest anyway).
	lexeme := func(w string) []string {
		return strings.FieldsFunc(w, func(r rune) bool {
			return !(r == '\'' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
		})
	}
	quote := func(w string) string { return "'" + strings.ReplaceAll(w, "'", "''") + "'" }
	var b strings.Builder
	depth := 0
	operand := false // the last thing written can end an operand
	words := 0
	for i, t := range toks {
		switch t.kind {
		case 'w', 'p', '(', '!':
			if operand {
				b.WriteString(" & ")
			}
		}
		switch t.kind {
		case 'w', 'p':
			var parts []string
			for _, f := range strings.Fields(t.text) {
				for _, l := range lexeme(f) {
					parts = append(parts, quote(l))
				}
			}
			if len(parts) == 0 {
				return "", fmt.Errorf("term %q has no letters or digits", t.text)
			}
			words++
			if t.pre {
				parts[len(parts)-1] += ":*"
			}
			if len(parts) == 1 {
				b.WriteString(parts[0])
			} else {
				b.WriteString("(" + strings.Join(parts, " <-> ") + ")")
			}
			operand = true
		case '(':
			b.WriteString("(")
			depth++
			operand = false
		case ')':
			if depth == 0 || !operand {
				return "", fmt.Errorf("unexpected ) at token %d", i+1)
			}
			b.WriteString(")")
			depth--
			operand = true
		case '&', '|':
			if !operand {
				return "", fmt.Errorf("operator without a left operand at token %d", i+1)
			}
			if t.kind == '&' {
				b.WriteString(" & ")
			} else {
				b.WriteString(" | ")
			}
			operand = false
		case '!':
			b.WriteString("!")
			operand = false
		}
	}
	if depth != 0 {
		return "", fmt.Errorf("unbalanced parentheses")
	}
	if words > 0 && !operand {
		return "", fmt.Errorf("query ends with an operator")
	}
	if words == 0 {
		return "", nil
	}
	return b.String(), nil
}

// eventWhere builds the WHERE conditions (over events e) of f, adding its
// parameters to a.
func eventWhere(f store.EventFilter, a *args) ([]string, error) {
	var where []string
	bad := func(format string, v ...any) error {
		return fmt.Errorf("postgres: event filter: %s: %w", fmt.Sprintf(format, v...), store.ErrBadFilter)
	}
	if f.DocID != "" {
		where = append(where, "e.doc = (SELECT seq FROM documents WHERE id = "+a.add(f.DocID)+")")
	}
	if f.Actor != "" {
		lo := strings.ToUpper(f.Actor)
		for i := 0; i < len(lo); i++ {
			if c := lo[i]; !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				return nil, bad("actor %q: only letters and digits", f.Actor)
			}
		}
		hi := lo[:len(lo)-1] + string(lo[len(lo)-1]+1)
		pl, ph := a.add(lo), a.add(hi)
		where = append(where, "((e.src_actor >= "+pl+" AND e.src_actor < "+ph+") OR (e.tgt_actor >= "+pl+" AND e.tgt_actor < "+ph+"))")
	}
	if f.Root != "" {
		if len(f.Root) != 2 || f.Root < "01" || f.Root > "20" {
			return nil, bad("root %q is not 01..20", f.Root)
		}
		where = append(where, "e.root = "+a.add(string(f.Root)))
	}
	if f.Quad != cameo.QuadNone {
		if f.Quad < 1 || f.Quad > 4 {
			return nil, bad("quad class %d is not 1..4", int(f.Quad))
		}
		where = append(where, "e.quad = "+a.add(int(f.Quad)))
	}
	if f.Country != "" {
		where = append(where, "e.country = "+a.add(strings.ToUpper(f.Country)))
	}
	if f.Since != "" {
		if !store.ValidDay(f.Since) {
			return nil, bad("since %q is not YYYY-MM-DD", f.Since)
		}
		where = append(where, "e.day >= "+a.add(f.Since))
	}
	if f.Until != "" {
		if !store.ValidDay(f.Until) {
			return nil, bad("until %q is not YYYY-MM-DD", f.Until)
		}
		where = append(where, "e.day <= "+a.add(f.Until))
	}
	if b := f.BBox; b != nil {
		if b.MinLat > b.MaxLat || b.MinLon > b.MaxLon || b.MinLat < -90 || b.MaxLat > 90 || b.MinLon < -180 || b.MaxLon > 180 {
			return nil, bad("bbox %+v is not a valid rectangle", *b)
		}
		where = append(where, "e.lat BETWEEN "+a.add(b.MinLat)+" AND "+a.add(b.MaxLat)+
			" AND e.lon BETWEEN "+a.add(b.MinLon)+" AND "+a.add(b.MaxLon))
	}
	if f.Negated != nil {
		where = append(where, "e.negated = "+a.add(*f.Negated))
	}
	return where, nil
}

const eventSelect = `SELECT e.id, d.id, e.idx, e.src_actor, e.src_text, e.tgt_actor, e.tgt_text, e.cameo, e.root,
	e.quad, e.goldstein, e.negated, e.modality, e.date, coalesce(e.day, ''), e.place_name, e.country,
	e.lat, e.lon, e.killed, e.sentence, e.start, e."end", e.confidence, e.evidence`

func scanEvents(rows pgx.Rows) ([]store.EventRow, []int64, error) {
	defer rows.Close()
	var out []store.EventRow
	var ids []int64
	for rows.Next() {
		var r store.EventRow
		var id int64
		var src, tgt, code, root, mod string
		var quad int
		var lat, lon *float64
		if err := rows.Scan(&id, &r.DocID, &r.Index, &src, &r.SourceText, &tgt, &r.TargetText,
			&code, &root, &quad, &r.Goldstein, &r.Negated, &mod, &r.Date, &r.Day,
			&r.PlaceName, &r.Country, &lat, &lon, &r.Killed, &r.Sentence, &r.Span.Start, &r.Span.End,
			&r.Confidence, &r.Evidence); err != nil {
			return nil, nil, err
		}
		r.Source, r.Target, r.Code, r.Root = cameo.ActorCode(src), cameo.ActorCode(tgt), cameo.EventCode(code), cameo.Root(root)
		r.QuadClass, r.Modality = cameo.QuadClass(quad), doc.Modality(mod)
		if lat != nil && lon != nil {
			r.Lat, r.Lon = lat, lon
		}
		out = append(out, r)
		ids = append(ids, id)
	}
	return out, ids, rows.Err()
}

// Events implements store.Store: a page in f.Order (see store.Order).
func (s *DB) Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, string, error) {
	limit, err := store.PageLimit(f.Limit, 100)
	if err != nil {
		return nil, "", err
	}
	var a args
	where, err := eventWhere(f, &a)
	if err != nil {
		return nil, "", err
	}
	if f.Order != store.StoredOrder {
		return s.eventsByDay(ctx, f, where, a, limit)
	}
	if f.Cursor != "" {
		v, ok := strings.CutPrefix(f.Cursor, "e")
		n, err := strconv.ParseInt(v, 10, 64)
		if !ok || err != nil || n < 0 {
			return nil, "", fmt.Errorf("postgres: events cursor %q: %w", f.Cursor, store.ErrBadCursor)
		}
		where = append(where, "e.id > "+a.add(n))
	}
	query := eventSelect + ` FROM (SELECT * FROM events e`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += ` ORDER BY e.id LIMIT ` + a.add(limit+1) + `) e JOIN documents d ON d.seq = e.doc ORDER BY e.id`
	rows, err := s.pool.Query(ctx, query, a...)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: events: %w", err)
	}
	out, ids, err := scanEvents(rows)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: events: %w", err)
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = "e" + strconv.FormatInt(ids[limit-1], 10)
	}
	return out, next, nil
}

// eventsByDay is Events in a day order, segment by segment (dated events,
// undated ones); each segment is one walk of the events_day_id index from
// the cursor, with the filters checked on the way unless the planner finds
// a more selective index.
func (s *DB) eventsByDay(ctx context.Context, f store.EventFilter, where []string, a args, limit int) ([]store.EventRow, string, error) {
	segs, err := store.DaySegments(f.Order, f.Cursor)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: %w", err)
	}
	want := limit + 1
	var keys []store.DayKey
	for _, seg := range segs {
		if len(keys) >= want {
			break
		}
		sa := append(args(nil), a...)
		cond := append([]string(nil), where...)
		dir, cmp := "", ">"
		if seg.Desc {
			dir, cmp = " DESC", "<"
		}
		orderBy := "e.day" + dir + ", e.id" + dir
		switch {
		case seg.Dated && seg.After == nil:
			cond = append(cond, "e.day IS NOT NULL")
		case seg.Dated:
			cond = append(cond, "e.day IS NOT NULL", "(e.day, e.id) "+cmp+" ("+sa.add(seg.After.Day)+", "+sa.add(seg.After.ID)+")")
		case seg.After == nil:
			cond = append(cond, "e.day IS NULL")
		default:
			cond = append(cond, "e.day IS NULL", "e.id "+cmp+" "+sa.add(seg.After.ID))
		}
		q := `SELECT e.id, coalesce(e.day, '') FROM events e WHERE ` + strings.Join(cond, " AND ") +
			` ORDER BY ` + orderBy + ` LIMIT ` + sa.add(want-len(keys))
		rows, err := s.pool.Query(ctx, q, sa...)
		if err != nil {
			return nil, "", fmt.Errorf("postgres: events: %w", err)
		}
		for rows.Next() {
			var k store.DayKey
			if err := rows.Scan(&k.ID, &k.Day); err != nil {
				rows.Close()
				return nil, "", fmt.Errorf("postgres: events: %w", err)
			}
			keys = append(keys, k)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, "", fmt.Errorf("postgres: events: %w", err)
		}
	}
	if len(keys) == 0 {
		return nil, "", nil
	}
	ids := make([]int64, len(keys))
	for i, k := range keys {
		ids[i] = k.ID
	}
	rows, err := s.pool.Query(ctx, eventSelect+` FROM events e JOIN documents d ON d.seq = e.doc WHERE e.id = ANY($1)`, ids)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: events: %w", err)
	}
	got, gotIDs, err := scanEvents(rows)
	if err != nil {
		return nil, "", fmt.Errorf("postgres: events: %w", err)
	}
	out, next := store.RowsInKeyOrder(keys, gotIDs, got, limit)
	return out, next, nil
}

// SeenSentences implements store.Store. Hash 0 (a sentence without words)
// is never reported. An empty notSource excludes no source.
func (s *DB) SeenSentences(ctx context.Context, hashes []uint64, notSource string) (map[uint64]string, error) {
	out := make(map[uint64]string)
	uniq := make([]int64, 0, len(hashes))
	seen := make(map[uint64]bool, len(hashes))
	for _, h := range hashes {
		if h != 0 && !seen[h] {
			seen[h] = true
			uniq = append(uniq, int64(h))
		}
	}
	if len(uniq) == 0 {
		return out, nil
	}
	var a args
	query := `SELECT DISTINCT ON (s.hash) s.hash, d.id FROM sentences s JOIN documents d ON d.seq = s.doc
		WHERE s.hash = ANY(` + a.add(uniq) + `)`
	if notSource != "" {
		query += ` AND d.source <> ` + a.add(notSource)
	}
	query += ` ORDER BY s.hash, d.seq`
	rows, err := s.pool.Query(ctx, query, a...)
	if err != nil {
		return nil, fmt.Errorf("postgres: seen sentences: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h int64
		var id string
		if err := rows.Scan(&h, &id); err != nil {
			return nil, fmt.Errorf("postgres: seen sentences: %w", err)
		}
		out[uint64(h)] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: seen sentences: %w", err)
	}
	return out, nil
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context) (store.Counts, error) {
	var c store.Counts
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM documents),
		(SELECT count(*) FROM documents WHERE near_duplicate_of IS NOT NULL),
		(SELECT count(*) FROM sentences),
		(SELECT count(*) FROM events),
		(SELECT count(*) FROM entities),
		(SELECT count(*) FROM quotes),
		(SELECT count(*) FROM places)`).Scan(&c.Documents, &c.NearDuplicates, &c.Sentences, &c.Events, &c.Entities, &c.Quotes, &c.Places)
	if err != nil {
		return c, fmt.Errorf("postgres: count: %w", err)
	}
	return c, nil
}
