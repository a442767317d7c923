package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

// Put implements store.Store. The batch is one transaction under the
// store-wide write lock: either all of its new documents are stored or none.
// The documents' ID (when empty) and NearDuplicateOf fields are set only
// once the transaction has committed. A document PostgreSQL cannot hold
// (a NUL byte or invalid UTF-8 in a text field) fails the batch with
// store.ErrBadDocument naming it; the caller may retry the others.
func (s *DB) Put(ctx context.Context, docs []*doc.Document) (store.PutStats, error) {
	var st store.PutStats
	for i, d := range docs {
		if d == nil {
			return st, fmt.Errorf("postgres: put: document %d of batch is nil: %w", i, store.ErrBadDocument)
		}
	}
	if len(docs) == 0 {
		return st, nil
	}
	pre, err := prepareDocs(docs)
	if err != nil {
		return st, fmt.Errorf("postgres: put: %w", err)
	}
	near := make([]string, len(docs))
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		st = store.PutStats{}
		for i := range near {
			near[i] = ""
		}
		return s.put(ctx, tx, docs, pre, near, &st)
	})
	if err != nil {
		return store.PutStats{}, fmt.Errorf("postgres: put: %w", dataErr(err))
	}
	for i, d := range docs {
		d.ID = pre[i].id
		if near[i] != "" {
			d.NearDuplicateOf = near[i]
		}
	}
	return st, nil
}

func (s *DB) put(ctx context.Context, tx pgx.Tx, docs []*doc.Document, pre []prepared, near []string, st *store.PutStats) error {
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, lockWrite); err != nil {
		return fmt.Errorf("write lock: %w", err)
	}
	// Which documents are new (not stored, not repeated earlier in the batch).
	ids := make([]string, len(pre))
	for i := range pre {
		ids[i] = pre[i].id
	}
	stored := make(map[string]bool)
	rows, err := tx.Query(ctx, `SELECT id FROM documents WHERE id = ANY($1)`, ids)
	if err != nil {
		return fmt.Errorf("existing ids: %w", err)
	}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("existing ids: %w", err)
		}
		stored[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("existing ids: %w", err)
	}
	var fresh []int // indexes into docs, in batch order
	for i := range pre {
		if stored[pre[i].id] {
			st.Skipped++
			continue
		}
		stored[pre[i].id] = true
		fresh = append(fresh, i)
	}
	if len(fresh) == 0 {
		return nil
	}

	// LSH buckets already stored for the bands of the new documents, and
	// the signatures of the documents they point to.
	var allBands []int64
	for _, i := range fresh {
		for _, b := range pre[i].bands {
			allBands = append(allBands, int64(b))
		}
	}
	buckets := make(map[uint64]int64) // band -> earliest stored seq
	if len(allBands) > 0 {
		rows, err := tx.Query(ctx, `SELECT band, doc FROM lsh_bands WHERE band = ANY($1)`, allBands)
		if err != nil {
			return fmt.Errorf("lsh buckets: %w", err)
		}
		for rows.Next() {
			var band, seq int64
			if err := rows.Scan(&band, &seq); err != nil {
				rows.Close()
				return fmt.Errorf("lsh buckets: %w", err)
			}
			buckets[uint64(band)] = seq
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("lsh buckets: %w", err)
		}
	}
	type cand struct {
		id  string
		sig dedupe.Signature
		ok  bool
	}
	cands := make(map[int64]cand)
	if len(buckets) > 0 {
		seqs := make([]int64, 0, len(buckets))
		seen := make(map[int64]bool)
		for _, q := range buckets {
			if !seen[q] {
				seen[q] = true
				seqs = append(seqs, q)
			}
		}
		rows, err := tx.Query(ctx, `SELECT m.doc, d.id, m.sig FROM minhash m JOIN documents d ON d.seq = m.doc WHERE m.doc = ANY($1)`, seqs)
		if err != nil {
			return fmt.Errorf("candidate signatures: %w", err)
		}
		for rows.Next() {
			var q int64
			var id string
			var blob []byte
			if err := rows.Scan(&q, &id, &blob); err != nil {
				rows.Close()
				return fmt.Errorf("candidate signatures: %w", err)
			}
			sig, err := dedupe.SignatureFromBytes(blob)
			cands[q] = cand{id: id, sig: sig, ok: err == nil}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("candidate signatures: %w", err)
		}
	}

	// Sequence numbers, in commit order thanks to the write lock.
	seqs := make([]int64, 0, len(fresh))
	rows, err = tx.Query(ctx, `SELECT nextval('documents_seq') FROM generate_series(1, $1)`, len(fresh))
	if err != nil {
		return fmt.Errorf("allocate seq: %w", err)
	}
	for rows.Next() {
		var q int64
		if err := rows.Scan(&q); err != nil {
			rows.Close()
			return fmt.Errorf("allocate seq: %w", err)
		}
		seqs = append(seqs, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("allocate seq: %w", err)
	}
	sort.Slice(seqs, func(a, b int) bool { return seqs[a] < seqs[b] })
	// One storage time for the batch, taken under the lock: added_at then
	// grows with seq across all writers.
	var added time.Time
	if err := tx.QueryRow(ctx, `SELECT clock_timestamp()`).Scan(&added); err != nil {
		return fmt.Errorf("clock: %w", err)
	}

	// Link near copies, in batch order, against stored buckets first and
	// then buckets opened by earlier documents of this batch.
	pending := make(map[uint64]int) // band -> position in fresh
	var newBands [][]any
	for k, i := range fresh {
		d, pd := docs[i], &pre[i]
		near[i] = d.NearDuplicateOf
		if near[i] == "" && !pd.sig.Empty() {
			var order []int64 // candidate seqs
			var ids []string
			var sigs []*dedupe.Signature
			add := func(q int64, id string, sig *dedupe.Signature) {
				for _, x := range order {
					if x == q {
						return
					}
				}
				order, ids, sigs = append(order, q), append(ids, id), append(sigs, sig)
			}
			for _, b := range pd.bands {
				if q, ok := buckets[b]; ok {
					if c := cands[q]; c.ok {
						add(q, c.id, &c.sig)
					}
				} else if p, ok := pending[b]; ok {
					add(seqs[p], pre[fresh[p]].id, &pre[fresh[p]].sig)
				}
			}
			idx := make([]int, len(order))
			for x := range idx {
				idx[x] = x
			}
			sort.Slice(idx, func(a, b int) bool { return order[idx[a]] < order[idx[b]] })
			best, bestJ := "", 0.0
			for _, x := range idx {
				if j := dedupe.Jaccard(&pd.sig, sigs[x]); j >= dedupe.Threshold && j > bestJ {
					best, bestJ = ids[x], j
				}
			}
			if near[i] = best; best != "" {
				var err error
				if pd.json, err = encodeDoc(d, pd.id, best); err != nil {
					return fmt.Errorf("%s: %w", pd.id, err)
				}
			}
		}
		if !pd.sig.Empty() {
			for _, b := range pd.bands {
				if _, ok := buckets[b]; ok {
					continue
				}
				if _, ok := pending[b]; !ok {
					pending[b] = k
					newBands = append(newBands, []any{int64(b), seqs[k]})
				}
			}
		}
		st.Added++
		if near[i] != "" {
			st.NearDuplicates++
		}
	}

	// Rows of every table.
	var (
		docRows, sigRows, sentRows, entRows, evRows [][]any
		quoteRows, placeRows, dateRows, countRows   [][]any
		flagRows, errRows                           [][]any
	)
	for k, i := range fresh {
		d, pd, seq := docs[i], &pre[i], seqs[k]
		docRows = append(docRows, []any{seq, pd.id, d.URL, d.Source, d.Origin, d.Title, d.PubDate, d.Lang, d.Text, pd.json, nullString(near[i]), added})
		if !pd.sig.Empty() {
			sigRows = append(sigRows, []any{seq, pd.sig.Bytes()})
		}
		for x, sn := range d.Sentences {
			sentRows = append(sentRows, []any{seq, x, sn.Start, sn.End, int64(dedupe.SentenceHash(sn.Span.In(d.Text)))})
		}
		for x, m := range d.Entities {
			entRows = append(entRows, []any{seq, x, m.Start, m.End, m.Text, string(m.Type), m.Entity, string(m.Actor), m.Sentence})
		}
		for x := range d.Events {
			evRows = append(evRows, eventRow(seq, x, &d.Events[x], d))
		}
		for x, q := range d.Quotes {
			var stx, sen, sac any
			if q.Speaker != nil {
				stx, sen, sac = q.Speaker.Text, q.Speaker.Entity, string(q.Speaker.Actor)
			}
			quoteRows = append(quoteRows, []any{seq, x, q.Start, q.End, q.Text, stx, sen, sac, q.Method})
		}
		for x, p := range d.Places {
			placeRows = append(placeRows, []any{seq, x, p.Start, p.End, p.Text, p.Name, p.Country, p.ADM1, p.Lat, p.Lon, int64(p.GeoNames), p.FeatureClass, p.GeoType})
		}
		for x, t := range d.Dates {
			dateRows = append(dateRows, []any{seq, x, t.Start, t.End, t.Text, t.Value, t.Precision})
		}
		for x, c := range d.Counts {
			countRows = append(countRows, []any{seq, x, c.Start, c.End, c.Text, c.What, c.Number, c.Min, c.Max, c.Qualifier, c.Who})
		}
		for x, f := range d.Flags {
			flagRows = append(flagRows, []any{seq, x, string(f.Kind), f.Start, f.End, f.Message})
		}
		for x, e := range d.Errors {
			errRows = append(errRows, []any{seq, x, e.Origin, e.Offset, e.Line, e.Stage, e.Message})
		}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"documents", []string{"seq", "id", "url", "source", "origin", "title", "pubdate", "lang", "text", "json", "near_duplicate_of", "added_at"}, docRows},
		{"minhash", []string{"doc", "sig"}, sigRows},
		{"lsh_bands", []string{"band", "doc"}, newBands},
		{"sentences", []string{"doc", "idx", "start", "end", "hash"}, sentRows},
		{"entities", []string{"doc", "idx", "start", "end", "text", "type", "entity", "actor", "sentence"}, entRows},
		{"events", eventCols, evRows},
		{"quotes", []string{"doc", "idx", "start", "end", "text", "speaker_text", "speaker_entity", "speaker_actor", "method"}, quoteRows},
		{"places", []string{"doc", "idx", "start", "end", "text", "name", "country", "adm1", "lat", "lon", "geonames", "feature_class", "geo_type"}, placeRows},
		{"dates", []string{"doc", "idx", "start", "end", "text", "value", "precision"}, dateRows},
		{"counts", []string{"doc", "idx", "start", "end", "text", "what", "number", "min", "max", "qualifier", "who"}, countRows},
		{"flags", []string{"doc", "idx", "kind", "start", "end", "message"}, flagRows},
		{"errors", []string{"doc", "idx", "origin", "offset", "line", "stage", "message"}, errRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("write %s: %w", c.table, err)
		}
	}
	return nil
}

var eventCols = []string{"doc", "idx", "src_actor", "src_text", "tgt_actor", "tgt_text", "cameo", "root", "quad",
	"goldstein", "negated", "modality", "date", "day", "place_name", "country", "lat", "lon", "killed",
	"sentence", "start", "end", "confidence", "evidence"}

func eventRow(seq int64, i int, e *doc.Event, d *doc.Document) []any {
	f := store.FlattenEvent(e)
	evidence := strings.ToValidUTF8(e.Span.In(d.Text), "\uFFFD")
	return []any{seq, i, f.SrcActor, f.SrcText, f.TgtActor, f.TgtText, string(e.Code), string(e.Root), int(e.QuadClass),
		e.Goldstein, e.Negated, string(e.Modality), e.Date, nullString(store.EventDay(e.Date, d.PubDate)),
		f.PlaceName, f.Country, f.Lat, f.Lon, e.Killed, e.Sentence, e.Start, e.End, e.Confidence, evidence}
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// prepared is the part of a document's write that needs no database.
type prepared struct {
	id    string
	sig   dedupe.Signature
	bands []uint64
	json  []byte // encodeDoc(d, id, d.NearDuplicateOf)
}

// prepareDocs checks docs and computes IDs, signatures and JSON on all CPUs.
func prepareDocs(docs []*doc.Document) ([]prepared, error) {
	pre := make([]prepared, len(docs))
	errs := make([]error, len(docs))
	workers := max(1, min(runtime.GOMAXPROCS(0), (len(docs)+15)/16))
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
				if errs[i] = checkDoc(d, p.id); errs[i] != nil {
					continue
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

// checkDoc refuses what a PostgreSQL text column cannot hold: NUL bytes and
// invalid UTF-8 (SQLite stores both as they are).
func checkDoc(d *doc.Document, id string) error {
	bad := func(field, s string) error {
		if i := strings.IndexByte(s, 0); i >= 0 {
			return fmt.Errorf("%s: %s has a NUL byte at offset %d: %w", id, field, i, store.ErrBadDocument)
		}
		if !utf8.ValidString(s) {
			for i := 0; i < len(s); {
				r, n := utf8.DecodeRuneInString(s[i:])
				if r == utf8.RuneError && n == 1 {
					return fmt.Errorf("%s: %s has invalid UTF-8 at offset %d: %w", id, field, i, store.ErrBadDocument)
				}
				i += n
			}
		}
		return nil
	}
	for _, f := range []struct{ name, v string }{
		{"id", id}, {"text", d.Text}, {"title", d.Title}, {"url", d.URL}, {"source", d.Source},
		{"origin", d.Origin}, {"pubdate", d.PubDate}, {"lang", d.Lang}, {"near_duplicate_of", d.NearDuplicateOf},
	} {
		if err := bad(f.name, f.v); err != nil {
			return err
		}
	}
	for i, m := range d.Entities {
		if err := bad(fmt.Sprintf("entity %d", i), m.Text+m.Entity+string(m.Type)+string(m.Actor)); err != nil {
			return err
		}
	}
	for i, e := range d.Events {
		s := string(e.Code) + string(e.Root) + string(e.Modality) + e.Date
		if e.Source != nil {
			s += e.Source.Text + string(e.Source.Actor)
		}
		if e.Target != nil {
			s += e.Target.Text + string(e.Target.Actor)
		}
		if e.Place != nil {
			s += e.Place.Name + e.Place.Text + e.Place.Country
		}
		if err := bad(fmt.Sprintf("event %d", i), s); err != nil {
			return err
		}
	}
	for i, q := range d.Quotes {
		s := q.Text + q.Method
		if q.Speaker != nil {
			s += q.Speaker.Text + q.Speaker.Entity + string(q.Speaker.Actor)
		}
		if err := bad(fmt.Sprintf("quote %d", i), s); err != nil {
			return err
		}
	}
	for i, p := range d.Places {
		if err := bad(fmt.Sprintf("place %d", i), p.Text+p.Name+p.Country+p.ADM1+p.FeatureClass); err != nil {
			return err
		}
	}
	for i, t := range d.Dates {
		if err := bad(fmt.Sprintf("date %d", i), t.Text+t.Value+t.Precision); err != nil {
			return err
		}
	}
	for i, c := range d.Counts {
		s := c.Text + c.What + c.Who
		if c.Qualifier != nil {
			s += *c.Qualifier
		}
		if err := bad(fmt.Sprintf("count %d", i), s); err != nil {
			return err
		}
	}
	for i, f := range d.Flags {
		if err := bad(fmt.Sprintf("flag %d", i), string(f.Kind)+f.Message); err != nil {
			return err
		}
	}
	for i, e := range d.Errors {
		if err := bad(fmt.Sprintf("error %d", i), e.Origin+e.Stage+e.Message); err != nil {
			return err
		}
	}
	return nil
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
