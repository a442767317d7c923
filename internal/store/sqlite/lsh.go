package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"sort"

	"github.com/eventwire/eventwire/internal/dedupe"
)

// lsh is the writer's in-memory LSH bucket table over the minhash table.
// Keeping the buckets in SQLite would turn every document into NumBands
// random B-tree inserts; in memory a bucket costs about 14 bytes.
//
// Each bucket (the low 32 bits of a band key) keeps the earliest document
// that fell in it: a later document meeting it is a candidate near copy of
// that earliest one, which is what Put links to. Spurious key collisions
// only add candidates, which are then checked on the full signature.
//
// The table is loaded lazily by the first Put and caught up at the start of
// every Put from rows other processes may have written. It is only used
// under DB.wmu.
type lsh struct {
	loaded  int64             // highest minhash.doc read into buckets
	buckets map[uint32]uint32 // band key -> earliest document seq
	pending map[uint32]uint32 // buckets of the open transaction
}

// catchUp reads signatures stored after l.loaded.
func (l *lsh) catchUp(ctx context.Context, tx *sql.Tx) error {
	if l.buckets == nil {
		l.buckets = make(map[uint32]uint32)
	}
	l.pending = make(map[uint32]uint32)
	rows, err := tx.QueryContext(ctx, `SELECT doc, sig FROM minhash WHERE doc > ? ORDER BY doc`, l.loaded)
	if err != nil {
		return fmt.Errorf("load minhash: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var blob []byte
		if err := rows.Scan(&seq, &blob); err != nil {
			return fmt.Errorf("load minhash: %w", err)
		}
		l.loaded = seq
		sig, err := dedupe.SignatureFromBytes(blob)
		if err != nil || seq > math.MaxUint32 {
			continue // unusable row: the document is just not a candidate
		}
		for _, k := range sig.Bands() {
			if _, ok := l.buckets[uint32(k)]; !ok {
				l.buckets[uint32(k)] = uint32(seq)
			}
		}
	}
	return rows.Err()
}

// candidates returns the documents sharing a bucket with bands, in order.
func (l *lsh) candidates(bands []uint64) []int64 {
	var out []int64
	for _, k := range bands {
		seq, ok := l.buckets[uint32(k)]
		if !ok {
			seq, ok = l.pending[uint32(k)]
		}
		if ok && !containsSeq(out, int64(seq)) {
			out = append(out, int64(seq))
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

func containsSeq(s []int64, v int64) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// add records a document of the open transaction.
func (l *lsh) add(seq int64, bands []uint64) {
	if seq > math.MaxUint32 {
		return
	}
	for _, k := range bands {
		if _, ok := l.buckets[uint32(k)]; ok {
			continue
		}
		if _, ok := l.pending[uint32(k)]; !ok {
			l.pending[uint32(k)] = uint32(seq)
		}
	}
}

// commit makes the open transaction's buckets permanent; last is the
// highest document seq it wrote (0 if none).
func (l *lsh) commit(last int64) {
	for k, v := range l.pending {
		l.buckets[k] = v
	}
	l.pending = nil
	if last > l.loaded {
		l.loaded = last
	}
}

// rollback forgets the open transaction's buckets.
func (l *lsh) rollback() { l.pending = nil }
