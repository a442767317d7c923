package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/store"
)

// Store is what a worker needs of a store: one batched, idempotent write.
type Store interface {
	Put(ctx context.Context, docs []*doc.Document) (store.PutStats, error)
}

// DeadLetterRecorder is optionally implemented by a Store that keeps a
// record of the items given up on (store/postgres does).
type DeadLetterRecorder interface {
	DeadLetter(ctx context.Context, msgID, origin, url string, deliveries int, reason string) error
}

// Processor turns an item into a processed document (pipeline.Pipeline).
type Processor interface {
	FromItem(it ingest.Item) *doc.Document
}

// WorkerOptions tune a Worker. The zero value is ready to use.
type WorkerOptions struct {
	// Batch is the number of messages fetched and written together
	// (default 64).
	Batch int
	// Concurrency is how many documents of a batch are processed at once
	// (default GOMAXPROCS).
	Concurrency int
	// DocTimeout bounds the pipeline on one document (default 2 minutes);
	// a document over it counts as a failed delivery.
	DocTimeout time.Duration
	// Transient tells store errors worth retrying from bad data; default:
	// everything except store.ErrBadDocument is transient.
	Transient func(error) bool
	// RetryFor is how long a transient store error is retried in place,
	// with the batch kept in progress, before the batch is handed back to
	// the stream with a delay (default 45s).
	RetryFor time.Duration
	// NakDelay is the base delay before a handed-back message is
	// delivered again; the n-th delivery waits n times it (default 2s).
	NakDelay time.Duration
	// Fetch downloads messages that carry only a URL (default: an HTTP GET
	// with a 30 s timeout and a 16 MiB cap).
	Fetch func(ctx context.Context, url string) (body []byte, isHTML bool, err error)
	// OnBatch, when set, is told what each batch did (for logs and metrics).
	OnBatch func(BatchStats)
	// Log receives one line per notable event (dead letters, retries).
	Log func(format string, args ...any)
}

// BatchStats says what one batch did.
type BatchStats struct {
	Messages   int
	Stored     store.PutStats
	Events     int
	DeadLetter int
	Retried    int // messages handed back for a later delivery
	Took       time.Duration
}

// Worker consumes the document stream.
type Worker struct {
	q    *Queue
	st   Store
	p    Processor
	opt  WorkerOptions
	cons jetstream.Consumer
}

// Worker returns a worker that processes messages with p and writes to st.
func (q *Queue) Worker(st Store, p Processor, opt WorkerOptions) *Worker {
	if opt.Batch <= 0 {
		opt.Batch = 64
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = runtime.GOMAXPROCS(0)
	}
	if opt.DocTimeout <= 0 {
		opt.DocTimeout = 2 * time.Minute
	}
	if opt.Transient == nil {
		opt.Transient = func(err error) bool { return !errors.Is(err, store.ErrBadDocument) }
	}
	if opt.RetryFor <= 0 {
		opt.RetryFor = 45 * time.Second
	}
	if opt.NakDelay <= 0 {
		opt.NakDelay = 2 * time.Second
	}
	if opt.Fetch == nil {
		opt.Fetch = httpFetch
	}
	if opt.Log == nil {
		opt.Log = func(string, ...any) {}
	}
	return &Worker{q: q, st: st, p: p, opt: opt}
}

// Run consumes until ctx is done. A batch in hand when ctx ends is still
// finished (processed, written, acknowledged) unless the store fails.
func (w *Worker) Run(ctx context.Context) error {
	cons, err := w.q.js.Consumer(ctx, w.q.cfg.Stream, w.q.cfg.Consumer)
	if err != nil {
		return fmt.Errorf("queue: worker: %w", err)
	}
	w.cons = cons
	// Messages that exhausted their deliveries (workers died on them) are
	// moved to the dead-letter stream from the server's advisory.
	sub, err := w.q.nc.Subscribe("$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES."+w.q.cfg.Stream+"."+w.q.cfg.Consumer,
		func(m *nats.Msg) { w.onMaxDeliveries(m) })
	if err != nil {
		return fmt.Errorf("queue: worker: advisories: %w", err)
	}
	defer sub.Unsubscribe()
	for ctx.Err() == nil {
		batch, err := cons.Fetch(w.opt.Batch, jetstream.FetchMaxWait(2*time.Second))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			w.opt.Log("fetch: %v", err)
			sleep(ctx, time.Second)
			continue
		}
		var msgs []jetstream.Msg
		for m := range batch.Messages() {
			msgs = append(msgs, m)
		}
		if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && len(msgs) == 0 && ctx.Err() == nil {
			w.opt.Log("fetch: %v", err)
			sleep(ctx, time.Second)
		}
		if len(msgs) == 0 {
			continue
		}
		// Keep all fetched messages ours until each is answered, including
		// those waiting for their turn.
		stop := w.heartbeat(msgs)
		// First deliveries go together; redelivered messages (their worker
		// may have died on one of them) are handled one by one, so a poison
		// document cannot take a whole batch down with it again.
		var first []jetstream.Msg
		for _, m := range msgs {
			if deliveries(m) > 1 {
				w.handle(context.WithoutCancel(ctx), []jetstream.Msg{m})
			} else {
				first = append(first, m)
			}
		}
		if len(first) > 0 {
			w.handle(context.WithoutCancel(ctx), first)
		}
		stop()
	}
	return nil
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

func deliveries(m jetstream.Msg) int {
	md, err := m.Metadata()
	if err != nil {
		return 1
	}
	return int(md.NumDelivered)
}

// job is one message of a batch on its way through.
type job struct {
	msg   jetstream.Msg
	id    string
	m     Message
	deliv int
	d     *doc.Document
	fail  string // why processing failed (panic, timeout, fetch), retryable
	done  bool   // acked, termed or handed back
	dead  bool   // sent to the dead letters
}

// handle processes one batch; it never returns before every message is
// acked, terminated (dead letter) or handed back.
func (w *Worker) handle(ctx context.Context, msgs []jetstream.Msg) {
	start := time.Now()
	var bs BatchStats
	bs.Messages = len(msgs)
	jobs := make([]*job, len(msgs))
	for i, m := range msgs {
		jobs[i] = &job{msg: m, deliv: deliveries(m)}
		jobs[i].id = m.Headers().Get(jetstream.MsgIDHeader)
	}
	var wg sync.WaitGroup
	next := make(chan *job)
	for c := 0; c < min(w.opt.Concurrency, len(jobs)); c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range next {
				w.process(ctx, j)
			}
		}()
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()

	var good []*job
	for _, j := range jobs {
		switch {
		case j.done:
		case j.fail != "" && j.deliv >= w.q.cfg.MaxDeliver:
			w.dead(ctx, j, j.fail)
		case j.fail != "":
			w.retry(j, &bs)
		case j.d == nil || strings.TrimSpace(j.d.Text) == "":
			w.dead(ctx, j, "no text: "+docErrors(j.d))
		default:
			good = append(good, j)
		}
	}
	w.store(ctx, good, &bs)
	for _, j := range jobs {
		if j.dead {
			bs.DeadLetter++
		}
	}
	bs.Took = time.Since(start)
	if w.opt.OnBatch != nil {
		w.opt.OnBatch(bs)
	}
}

// heartbeat reports progress on msgs every AckWait/3 until stopped (a
// report on a message already answered is ignored by the server).
func (w *Worker) heartbeat(msgs []jetstream.Msg) func() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(max(w.q.cfg.AckWait/3, 100*time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					m.InProgress()
				}
			}
		}
	}()
	return func() { close(done); wg.Wait() }
}

// process decodes and runs the pipeline on one message, recovering from
// panics and giving up after DocTimeout.
func (w *Worker) process(ctx context.Context, j *job) {
	if err := json.Unmarshal(j.msg.Data(), &j.m); err != nil {
		// Nothing will ever decode it: straight to the dead letters.
		j.fail = ""
		w.dead(ctx, j, fmt.Sprintf("undecodable message: %v", err))
		return
	}
	if j.id == "" {
		j.id = j.m.ID()
	}
	it := j.m.Item()
	if j.m.Fetch && len(j.m.Body) == 0 {
		fctx, cancel := context.WithTimeout(ctx, w.opt.DocTimeout)
		body, isHTML, err := w.opt.Fetch(fctx, j.m.URL)
		cancel()
		if err != nil {
			j.fail = fmt.Sprintf("fetch %s: %v", j.m.URL, err)
			return
		}
		it.Body, it.IsHTML = body, isHTML
		if isHTML {
			it.Kind = ingest.KindHTML
		}
	}
	type result struct {
		d     *doc.Document
		panic string
	}
	res := make(chan result, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				res <- result{panic: fmt.Sprintf("pipeline panic: %v\n%s", r, firstLines(string(debug.Stack()), 10))}
			}
		}()
		res <- result{d: w.p.FromItem(it)}
	}()
	t := time.NewTimer(w.opt.DocTimeout)
	defer t.Stop()
	select {
	case r := <-res:
		j.d, j.fail = r.d, r.panic
	case <-t.C:
		// The goroutine cannot be stopped; it finishes on its own.
		j.fail = fmt.Sprintf("pipeline timeout after %v", w.opt.DocTimeout)
	}
}

// store writes the good jobs in one transaction, then acks them.
func (w *Worker) store(ctx context.Context, jobs []*job, bs *BatchStats) {
	if len(jobs) == 0 {
		return
	}
	docs := make([]*doc.Document, len(jobs))
	for i, j := range jobs {
		docs[i] = j.d
	}
	st, err := w.putRetry(ctx, docs)
	switch {
	case err == nil:
		bs.Stored = add(bs.Stored, st)
		for _, j := range jobs {
			bs.Events += len(j.d.Events)
			w.ack(j)
		}
	case !w.opt.Transient(err):
		// Some document is refused: write them one by one to find it.
		if len(jobs) == 1 {
			w.dead(ctx, jobs[0], "store: "+err.Error())
			return
		}
		for _, j := range jobs {
			w.store(ctx, []*job{j}, bs)
		}
	default:
		w.opt.Log("store still failing after %v, handing %d message(s) back: %v", w.opt.RetryFor, len(jobs), err)
		for _, j := range jobs {
			w.retry(j, bs)
		}
	}
}

// putRetry retries transient errors for up to RetryFor.
func (w *Worker) putRetry(ctx context.Context, docs []*doc.Document) (store.PutStats, error) {
	deadline := time.Now().Add(w.opt.RetryFor)
	wait := 200 * time.Millisecond
	for {
		st, err := w.st.Put(ctx, docs)
		if err == nil || !w.opt.Transient(err) || time.Now().After(deadline) {
			return st, err
		}
		w.opt.Log("store: %v (retrying in %v)", err, wait)
		time.Sleep(wait)
		wait = min(wait*2, 5*time.Second)
	}
}

func add(a, b store.PutStats) store.PutStats {
	return store.PutStats{Added: a.Added + b.Added, Skipped: a.Skipped + b.Skipped, NearDuplicates: a.NearDuplicates + b.NearDuplicates}
}

func (w *Worker) ack(j *job) {
	if err := j.msg.Ack(); err != nil {
		// The write is done; a redelivery will be skipped by ID.
		w.opt.Log("ack %s: %v", j.id, err)
	}
	j.done = true
}

// retry hands a message back for a later delivery. At its last delivery
// a transient failure re-publishes it under a fresh ID instead, so a long
// store outage loses nothing.
func (w *Worker) retry(j *job, bs *BatchStats) {
	j.done = true
	bs.Retried++
	if j.deliv >= w.q.cfg.MaxDeliver {
		id := fmt.Sprintf("%s#retry-%d", j.id, time.Now().UnixNano())
		_, err := w.q.js.Publish(context.Background(), w.q.cfg.Subject, j.msg.Data(), jetstream.WithMsgID(id))
		if err == nil {
			j.msg.Term()
			return
		}
		w.opt.Log("requeue %s: %v", j.id, err)
	}
	delay := time.Duration(j.deliv) * w.opt.NakDelay
	if err := j.msg.NakWithDelay(delay); err != nil {
		w.opt.Log("nak %s: %v", j.id, err)
	}
}

// dead sends a message to the dead-letter stream (and the store's record
// when it keeps one) and terminates it.
func (w *Worker) dead(ctx context.Context, j *job, reason string) {
	if j.id == "" {
		j.id = j.m.ID()
	}
	w.opt.Log("dead letter %s (%s, delivery %d): %s", j.id, j.m.Origin, j.deliv, firstLines(reason, 1))
	m := j.m
	if err := w.q.deadLetter(ctx, j.id, m, j.deliv, reason); err != nil {
		// Without a dead-letter record, hand it back rather than lose it.
		w.opt.Log("dead letter %s: %v", j.id, err)
		j.msg.NakWithDelay(5 * time.Second)
		j.done = true
		return
	}
	if rec, ok := w.st.(DeadLetterRecorder); ok {
		if err := rec.DeadLetter(ctx, j.id, m.Origin, m.URL, j.deliv, reason); err != nil {
			w.opt.Log("dead letter %s in store: %v", j.id, err)
		}
	}
	j.msg.Term()
	j.done, j.dead = true, true
}

// onMaxDeliveries handles the server's advisory that a message reached its
// last delivery. The worker holding that delivery may still be working on
// it, so the message is only moved to the dead letters when it is still in
// the stream after any live worker would have answered it (DocTimeout +
// RetryFor + two AckWaits): then every worker that took it died or stalled.
func (w *Worker) onMaxDeliveries(m *nats.Msg) {
	var adv struct {
		StreamSeq  uint64 `json:"stream_seq"`
		Deliveries int    `json:"deliveries"`
	}
	if err := json.Unmarshal(m.Data, &adv); err != nil || adv.StreamSeq == 0 {
		return
	}
	grace := w.opt.DocTimeout + w.opt.RetryFor + 2*w.q.cfg.AckWait
	go func() {
		time.Sleep(grace)
		w.sweep(adv.StreamSeq, adv.Deliveries)
	}()
}

// sweep moves stream message seq, if it is still there, to the dead letters.
func (w *Worker) sweep(seq uint64, deliveries int) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	s, err := w.q.js.Stream(ctx, w.q.cfg.Stream)
	if err != nil {
		return
	}
	raw, err := s.GetMsg(ctx, seq)
	if err != nil {
		return // answered meanwhile (or another worker moved it)
	}
	var msg Message
	json.Unmarshal(raw.Data, &msg)
	id := raw.Header.Get(jetstream.MsgIDHeader)
	if id == "" {
		id = msg.ID()
	}
	reason := fmt.Sprintf("gave up after %d deliveries without an answer (the workers that took it crashed or stalled)", deliveries)
	w.opt.Log("dead letter %s (%s): %s", id, msg.Origin, reason)
	if err := w.q.deadLetter(ctx, id, msg, deliveries, reason); err != nil {
		return
	}
	if rec, ok := w.st.(DeadLetterRecorder); ok {
		rec.DeadLetter(ctx, id, msg.Origin, msg.URL, deliveries, reason)
	}
	s.DeleteMsg(ctx, seq)
}

func docErrors(d *doc.Document) string {
	if d == nil || len(d.Errors) == 0 {
		return "the pipeline produced no text"
	}
	var parts []string
	for _, e := range d.Errors {
		parts = append(parts, e.Error())
	}
	return strings.Join(parts, "; ")
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// httpFetch downloads url with a bounded size.
func httpFetch(ctx context.Context, url string) ([]byte, bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, false, err
	}
	req.Header.Set("User-Agent", "eventwire-worker")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, false, fmt.Errorf("HTTP %s", resp.Status)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, ingest.DefaultMaxDocBytes+1))
	if err != nil {
		return nil, false, err
	}
	if len(body) > ingest.DefaultMaxDocBytes {
		return nil, false, fmt.Errorf("larger than %d bytes", ingest.DefaultMaxDocBytes)
	}
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	isHTML := strings.Contains(ct, "html") || ingest.Detect(body, url) == ingest.KindHTML
	// Items carry valid UTF-8 (readers repair it; so does the fetcher).
	return []byte(strings.ToValidUTF8(string(body), "\uFFFD")), isHTML, nil
}
