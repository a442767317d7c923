package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

// Statements of one Put, prepared once per transaction.
const (
	sqlExists    = `SELECT 1 FROM documents WHERE id = ?`
	sqlInsertDoc = `INSERT INTO documents(id, url, source, origin, title, pubdate, lang, text, json, near_duplicate_of, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`
	// FTS5 flushes its pending terms at every statement savepoint, so a
	// batch is indexed by one statement after its documents are inserted.
	sqlInsertFTS = `INSERT INTO documents_fts(rowid, title, text) SELECT seq, title, text FROM documents WHERE seq >= ? ORDER BY seq`
	sqlSentence  = `INSERT INTO sentences(doc, idx, start, "end", hash) VALUES (?,?,?,?,?)`
	sqlEntity    = `INSERT INTO entities(doc, idx, start, "end", text, type, entity, actor, sentence) VALUES (?,?,?,?,?,?,?,?,?)`
	sqlEvent     = `INSERT INTO events(doc, idx, src_actor, src_text, tgt_actor, tgt_text, cameo, root, quad, goldstein, negated, modality, date, day, place_name, country, lat, lon, killed, sentence, start, "end", confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`
	sqlQuote     = `INSERT INTO quotes(doc, idx, start, "end", text, speaker_text, speaker_entity, speaker_actor, method) VALUES (?,?,?,?,?,?,?,?,?)`
	sqlPlace     = `INSERT INTO places(doc, idx, start, "end", text, name, country, adm1, lat, lon, geonames, feature_class, geo_type) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`
	sqlDate      = `INSERT INTO dates(doc, idx, start, "end", text, value, precision) VALUES (?,?,?,?,?,?,?)`
	sqlCount     = `INSERT INTO counts(doc, idx, start, "end", text, what, number, min, max, qualifier, who) VALUES (?,?,?,?,?,?,?,?,?,?,?)`
	sqlFlag      = `INSERT INTO flags(doc, idx, kind, start, "end", message) VALUES (?,?,?,?,?,?)`
	sqlError     = `INSERT INTO errors(doc, idx, origin, offset, line, stage, message) VALUES (?,?,?,?,?,?,?)`
)

const (
	sqlMinhash   = `INSERT INTO minhash(doc, sig) VALUES (?,?)`
	sqlCandidate = `SELECT d.id, m.sig FROM minhash m JOIN documents d ON d.seq = m.doc WHERE m.doc = ?`
)

type putStmts struct {
	exists, doc, fts, minhash, cand                                     *sql.Stmt
	sentence, entity, event, quote, place, date, count, flag, errorStmt *sql.Stmt
}

func prepare(ctx context.Context, tx *sql.Tx) (*putStmts, error) {
	p := &putStmts{}
	for _, x := range []struct {
		dst *(*sql.Stmt)
		sql string
	}{
		{&p.exists, sqlExists}, {&p.doc, sqlInsertDoc}, {&p.fts, sqlInsertFTS},
		{&p.minhash, sqlMinhash}, {&p.cand, sqlCandidate}, {&p.sentence, sqlSentence},
		{&p.entity, sqlEntity}, {&p.event, sqlEvent}, {&p.quote, sqlQuote},
		{&p.place, sqlPlace}, {&p.date, sqlDate}, {&p.count, sqlCount},
		{&p.flag, sqlFlag}, {&p.errorStmt, sqlError},
	} {
		st, err := tx.PrepareContext(ctx, x.sql)
		if err != nil {
			return nil, fmt.Errorf("prepare %.40q: %w", x.sql, err)
		}
		*x.dst = st
	}
	return p, nil
}

// Put implements store.Store. The batch is one transaction: either all of
// its new documents are stored or none. The documents' ID (when empty) and
// NearDuplicateOf fields are set only once the transaction has committed.
func (s *DB) Put(ctx context.Context, docs []*doc.Document) (store.PutStats, error) {
	var st store.PutStats
	for i, d := range docs {
		if d == nil {
			return st, fmt.Errorf("sqlite: put: document %d of batch is nil: %w", i, store.ErrBadDocument)
		}
	}
	if len(docs) == 0 {
		return st, nil
	}
	pre, err := prepareDocs(docs)
	if err != nil {
		return st, fmt.Errorf("sqlite: put: %w", err)
	}

	s.wmu.Lock()
	defer s.wmu.Unlock()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return st, fmt.Errorf("sqlite: put: begin: %w", err)
	}
	defer tx.Rollback()
	defer s.lsh.rollback() // no-op after commit
	if err := s.lsh.catchUp(ctx, tx); err != nil {
		return st, fmt.Errorf("sqlite: put: %w", err)
	}
	p, err := prepare(ctx, tx)
	if err != nil {
		return st, fmt.Errorf("sqlite: put: %w", err)
	}
	near := make([]string, len(docs))
	now := time.Now().UTC().Format(time.RFC3339)
	var firstSeq, lastSeq int64
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM documents`).Scan(&firstSeq); err != nil {
		return st, fmt.Errorf("sqlite: put: %w", err)
	}
	for i, d := range docs {
		var one int
		pd := &pre[i]
		switch err := p.exists.QueryRowContext(ctx, pd.id).Scan(&one); err {
		case nil:
			st.Skipped++
			continue
		case sql.ErrNoRows:
		default:
			return store.PutStats{}, fmt.Errorf("sqlite: put %s: %w", pd.id, err)
		}
		near[i] = d.NearDuplicateOf
		if near[i] == "" {
			if near[i], err = s.nearest(ctx, p, pd.bands, &pd.sig); err != nil {
				return store.PutStats{}, fmt.Errorf("sqlite: put %s: near duplicates: %w", pd.id, err)
			}
			if near[i] != "" { // the prepared JSON has no link yet
				if pd.json, err = encodeDoc(d, pd.id, near[i]); err != nil {
					return store.PutStats{}, fmt.Errorf("sqlite: put %s: %w", pd.id, err)
				}
			}
		}
		seq, err := insertDoc(ctx, p, d, pd, near[i], now)
		if err != nil {
			return store.PutStats{}, fmt.Errorf("sqlite: put %s: %w", pd.id, err)
		}
		s.lsh.add(seq, pd.bands)
		lastSeq = seq
		st.Added++
		if near[i] != "" {
			st.NearDuplicates++
		}
	}
	if st.Added > 0 {
		if _, err := p.fts.ExecContext(ctx, firstSeq); err != nil {
			return store.PutStats{}, fmt.Errorf("sqlite: put: full-text index: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return store.PutStats{}, fmt.Errorf("sqlite: put: commit: %w", err)
	}
	s.lsh.commit(lastSeq)
	if s.addedSinceOptimize += st.Added; s.addedSinceOptimize >= optimizeEvery {
		// Best effort: the batch is stored; stale statistics only slow queries.
		_ = s.optimize(ctx)
	}
	for i, d := range docs {
		d.ID = pre[i].id
		if near[i] != "" {
			d.NearDuplicateOf = near[i]
		}
	}
	return st, nil
}

// nearest returns the ID of the earliest stored document most similar to sig
// at or above dedupe.Threshold, or "".
func (s *DB) nearest(ctx context.Context, p *putStmts, bands []uint64, sig *dedupe.Signature) (string, error) {
	best, bestJ := "", 0.0
	for _, seq := range s.lsh.candidates(bands) {
		var id string
		var blob []byte
		switch err := p.cand.QueryRowContext(ctx, seq).Scan(&id, &blob); err {
		case nil:
		case sql.ErrNoRows:
			continue
		default:
			return "", err
		}
		other, err := dedupe.SignatureFromBytes(blob)
		if err != nil {
			continue
		}
		if j := dedupe.Jaccard(sig, &other); j >= dedupe.Threshold && j > bestJ {
			best, bestJ = id, j
		}
	}
	return best, nil
}

// prepared is the part of a document's write that needs no database.
type prepared struct {
	id    string
	sig   dedupe.Signature
	bands []uint64
	json  []byte // encodeDoc(d, id, d.NearDuplicateOf)
}

// prepareDocs computes IDs, signatures and JSON of docs on all CPUs.
func prepareDocs(docs []*doc.Document) ([]prepared, error) {
	pre := make([]prepared, len(docs))
	errs := make([]error, len(docs))
	workers := min(runtime.GOMAXPROCS(0), (len(docs)+15)/16)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				d, p := docs[i], &pre[i]
				p.id = d.ID
				if p.id == "" {
					p.id = dedupe.ID(d.Text)
				}
				p.sig = dedupe.Sign(d.Text)
				p.bands = p.sig.Bands()
				p.json, errs[i] = encodeDoc(d, p.id, d.NearDuplicateOf)
			}
		}(w)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("document %d of batch: %w", i, err)
		}
	}
	return pre, nil
}

// encodeDoc is the stored JSON of d: the full contract without "text",
// which has its own column.
func encodeDoc(d *doc.Document, id, near string) ([]byte, error) {
	c := *d
	c.ID, c.NearDuplicateOf, c.Text = id, near, ""
	blob, err := json.Marshal(&c)
	if err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return blob, nil
}

// insertDoc writes one document (but not its full-text entry) and returns its seq.
func insertDoc(ctx context.Context, p *putStmts, d *doc.Document, pd *prepared, near, now string) (int64, error) {
	id, sig, blob := pd.id, &pd.sig, pd.json
	res, err := p.doc.ExecContext(ctx, id, d.URL, d.Source, d.Origin, d.Title, d.PubDate, d.Lang, d.Text, blob, nullString(near), now)
	if err != nil {
		return 0, fmt.Errorf("insert document: %w", err)
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if !sig.Empty() {
		if _, err := p.minhash.ExecContext(ctx, seq, sig.Bytes()); err != nil {
			return 0, fmt.Errorf("store minhash: %w", err)
		}
	}
	for i, x := range d.Sentences {
		h := dedupe.SentenceHash(x.Span.In(d.Text))
		if _, err := p.sentence.ExecContext(ctx, seq, i, x.Start, x.End, int64(h)); err != nil {
			return 0, fmt.Errorf("sentence %d: %w", i, err)
		}
	}
	for i, m := range d.Entities {
		if _, err := p.entity.ExecContext(ctx, seq, i, m.Start, m.End, m.Text, string(m.Type), m.Entity, string(m.Actor), m.Sentence); err != nil {
			return 0, fmt.Errorf("entity %d: %w", i, err)
		}
	}
	for i := range d.Events {
		if _, err := p.event.ExecContext(ctx, eventArgs(seq, i, &d.Events[i], d.PubDate)...); err != nil {
			return 0, fmt.Errorf("event %d: %w", i, err)
		}
	}
	for i, q := range d.Quotes {
		var st, se, sa any
		if q.Speaker != nil {
			st, se, sa = q.Speaker.Text, q.Speaker.Entity, string(q.Speaker.Actor)
		}
		if _, err := p.quote.ExecContext(ctx, seq, i, q.Start, q.End, q.Text, st, se, sa, q.Method); err != nil {
			return 0, fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, x := range d.Places {
		if _, err := p.place.ExecContext(ctx, seq, i, x.Start, x.End, x.Text, x.Name, x.Country, x.ADM1, x.Lat, x.Lon, x.GeoNames, x.FeatureClass, x.GeoType); err != nil {
			return 0, fmt.Errorf("place %d: %w", i, err)
		}
	}
	for i, x := range d.Dates {
		if _, err := p.date.ExecContext(ctx, seq, i, x.Start, x.End, x.Text, x.Value, x.Precision); err != nil {
			return 0, fmt.Errorf("date %d: %w", i, err)
		}
	}
	for i, x := range d.Counts {
		if _, err := p.count.ExecContext(ctx, seq, i, x.Start, x.End, x.Text, x.What, nullInt(x.Number), nullInt(x.Min), nullInt(x.Max), nullStrPtr(x.Qualifier), x.Who); err != nil {
			return 0, fmt.Errorf("count %d: %w", i, err)
		}
	}
	for i, x := range d.Flags {
		if _, err := p.flag.ExecContext(ctx, seq, i, string(x.Kind), x.Start, x.End, x.Message); err != nil {
			return 0, fmt.Errorf("flag %d: %w", i, err)
		}
	}
	for i, x := range d.Errors {
		if _, err := p.errorStmt.ExecContext(ctx, seq, i, x.Origin, x.Offset, x.Line, x.Stage, x.Message); err != nil {
			return 0, fmt.Errorf("error %d: %w", i, err)
		}
	}
	return seq, nil
}

func eventArgs(seq int64, i int, e *doc.Event, pubdate string) []any {
	f := store.FlattenEvent(e)
	return []any{seq, i, f.SrcActor, f.SrcText, f.TgtActor, f.TgtText, string(e.Code), string(e.Root), int(e.QuadClass),
		e.Goldstein, e.Negated, string(e.Modality), e.Date, nullString(store.EventDay(e.Date, pubdate)),
		f.PlaceName, f.Country, f.Lat, f.Lon, nullInt(e.Killed), e.Sentence, e.Start, e.End, e.Confidence}
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(p *int64) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullStrPtr(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}
