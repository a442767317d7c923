package queue

import (
	"context"
	"time"
)

// Seer is the duplicate-sentence lookup the pipeline makes in the store.
type Seer interface {
	SeenSentences(ctx context.Context, hashes []uint64, notSource string) (map[uint64]string, error)
}

// RetrySeen wraps s so that a transient failure (per transient) is retried
// for up to within: a worker whose database restarts then records no
// lookup error on the documents it processes meanwhile.
func RetrySeen(s Seer, transient func(error) bool, within time.Duration) Seer {
	return retrySeer{s: s, transient: transient, within: within}
}

type retrySeer struct {
	s         Seer
	transient func(error) bool
	within    time.Duration
}

func (r retrySeer) SeenSentences(ctx context.Context, hashes []uint64, notSource string) (map[uint64]string, error) {
	deadline := time.Now().Add(r.within)
	wait := 100 * time.Millisecond
	for {
		m, err := r.s.SeenSentences(ctx, hashes, notSource)
		if err == nil || !r.transient(err) || time.Now().After(deadline) || ctx.Err() != nil {
			return m, err
		}
		time.Sleep(wait)
		wait = min(wait*2, 2*time.Second)
	}
}
