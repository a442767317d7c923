package queue

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats.go/jetstream"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/newsgen"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// startServer runs an embedded JetStream server for one test.
func startServer(t testing.TB) string {
	t.Helper()
	url, shutdown, err := StartEmbedded(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(shutdown)
	return url
}

func connect(t testing.TB, cfg Config) *Queue {
	t.Helper()
	q, err := Connect(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func items(seed int64, n int) []ingest.Item {
	out := make([]ingest.Item, n)
	for i := range out {
		a := newsgen.Generate(seed, i)
		out[i] = ingest.Item{Origin: fmt.Sprintf("gen:%d/%d", seed, i), URL: a.URL, Title: a.Title,
			PubDate: a.PubDate, Source: a.Source, Body: []byte(a.Body), Kind: ingest.KindText}
	}
	return out
}

func openSQLite(t testing.TB) *sqlite.DB {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

var (
	pipeOnce sync.Once
	pipe     *pipeline.Pipeline
)

func sharedPipeline(t testing.TB) *pipeline.Pipeline {
	pipeOnce.Do(func() {
		var err error
		if pipe, err = pipeline.New(pipeline.Options{}); err != nil {
			t.Fatal(err)
		}
	})
	return pipe
}

// runWorkers starts n workers and returns a function that stops them.
func runWorkers(t testing.TB, q *Queue, st Store, p Processor, n int, opt WorkerOptions) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := q.Worker(st, p, opt).Run(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	return func() { cancel(); wg.Wait() }
}

// drain waits until every message of the stream has been answered.
func drain(t testing.TB, q *Queue, within time.Duration) Backlog {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		b, err := q.Backlog(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if b.Unfinished == 0 {
			return b
		}
		if time.Now().After(deadline) {
			t.Fatalf("backlog not drained after %v: %+v", within, b)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestPublishDeduplicates(t *testing.T) {
	q := connect(t, Config{URL: startServer(t), Memory: true})
	its := items(1, 20)
	its = append(its, ingest.Item{Origin: "broken.warc#record=3", Err: &doc.Error{Message: "truncated"}})
	st, err := q.Publish(context.Background(), its)
	if err != nil {
		t.Fatal(err)
	}
	if st != (PublishStats{Published: 20, Skipped: 1}) {
		t.Fatalf("first publish %+v", st)
	}
	st, err = q.Publish(context.Background(), items(1, 25))
	if err != nil {
		t.Fatal(err)
	}
	if st != (PublishStats{Published: 5, Duplicates: 20}) {
		t.Fatalf("second publish %+v", st)
	}
	b, err := q.Backlog(context.Background())
	if err != nil || b.Pending != 25 {
		t.Fatalf("backlog %+v %v", b, err)
	}
}

func TestMessageRoundTrip(t *testing.T) {
	it := ingest.Item{Origin: "a.html", URL: "https://x.example/1", Title: "T", PubDate: "2024-01-02",
		Source: "x.example", Body: []byte("<p>héllo</p>"), IsHTML: true, Kind: ingest.KindHTML}
	m := FromItem(it)
	if got := m.Item(); got.Origin != it.Origin || string(got.Body) != string(it.Body) || !got.IsHTML || got.Kind != ingest.KindHTML {
		t.Fatalf("item %+v", got)
	}
	if m.ID() == (Message{URL: it.URL, Fetch: true}).ID() || m.ID() != FromItem(it).ID() {
		t.Fatal("message IDs are not content hashes")
	}
}

// Every published document ends up stored exactly once with its events,
// whatever worker took it.
func TestWorkersStoreEverythingOnce(t *testing.T) {
	q := connect(t, Config{URL: startServer(t), Memory: true})
	db := openSQLite(t)
	const n = 150
	if _, err := q.Publish(context.Background(), items(2, n)); err != nil {
		t.Fatal(err)
	}
	var batches, events atomic.Int64
	stop := runWorkers(t, q, db, sharedPipeline(t), 3, WorkerOptions{Batch: 16, Concurrency: 2,
		OnBatch: func(b BatchStats) { batches.Add(1); events.Add(int64(b.Events)) }})
	b := drain(t, q, 60*time.Second)
	stop()
	if b.DeadLetter != 0 {
		t.Fatalf("%d dead letters", b.DeadLetter)
	}
	c, err := db.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if c.Documents != n || c.Events != events.Load() {
		t.Fatalf("counts %+v, want %d documents and %d events", c, n, events.Load())
	}
	if batches.Load() < 3 {
		t.Fatalf("only %d batches", batches.Load())
	}
}

// poisonous panics on documents whose body has POISON and stalls on SLOW.
type poisonous struct {
	p     Processor
	tries atomic.Int64
}

func (x *poisonous) FromItem(it ingest.Item) *doc.Document {
	body := string(it.Body)
	if strings.Contains(body, "POISON") {
		x.tries.Add(1)
		var m map[string]int
		m["boom"]++ // a real runtime panic
	}
	if strings.Contains(body, "SLOW") {
		time.Sleep(1500 * time.Millisecond)
	}
	return x.p.FromItem(it)
}

func TestPoisonGoesToDeadLetters(t *testing.T) {
	q := connect(t, Config{URL: startServer(t), Memory: true, MaxDeliver: 3, AckWait: 2 * time.Second})
	db := openSQLite(t)
	its := items(3, 30)
	its[4].Body = append(its[4].Body, " POISON"...)
	its[9].Body = append(its[9].Body, " SLOW"...)
	its[12].Body = []byte("   \n\t ") // nothing left after cleaning
	if _, err := q.Publish(context.Background(), its); err != nil {
		t.Fatal(err)
	}
	// Something that is not a message at all.
	if _, err := q.js.Publish(context.Background(), q.cfg.Subject, []byte("{not json"), jetstream.WithMsgID("junk")); err != nil {
		t.Fatal(err)
	}
	px := &poisonous{p: sharedPipeline(t)}
	stop := runWorkers(t, q, db, px, 2, WorkerOptions{Batch: 8, DocTimeout: 500 * time.Millisecond, NakDelay: 100 * time.Millisecond, Log: t.Logf})
	b := drain(t, q, 60*time.Second)
	stop()
	if b.DeadLetter != 4 {
		t.Fatalf("%d dead letters, want 4", b.DeadLetter)
	}
	if px.tries.Load() != 3 {
		t.Fatalf("poison tried %d times, want MaxDeliver=3", px.tries.Load())
	}
	dls, err := q.DeadLetters(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]string{}
	for _, d := range dls {
		why[d.Message.Origin] = d.Error
	}
	for origin, want := range map[string]string{
		its[4].Origin: "pipeline panic", its[9].Origin: "timeout", its[12].Origin: "no text", "": "undecodable",
	} {
		if !strings.Contains(why[origin], want) {
			t.Errorf("dead letter of %q: %q, want it to mention %q", origin, why[origin], want)
		}
	}
	c, _ := db.Count(context.Background())
	if c.Documents != 27 {
		t.Fatalf("%d documents stored, want 27", c.Documents)
	}
}

// flaky fails Put with a transient error the first times, and refuses
// documents that contain REFUSE as bad documents.
type flaky struct {
	st    Store
	fails atomic.Int64
	calls atomic.Int64
}

func (f *flaky) Put(ctx context.Context, docs []*doc.Document) (store.PutStats, error) {
	f.calls.Add(1)
	if f.fails.Add(-1) >= 0 {
		return store.PutStats{}, errors.New("connection refused (database restarting)")
	}
	for i, d := range docs {
		if strings.Contains(d.Text, "REFUSE") {
			return store.PutStats{}, fmt.Errorf("document %d: %w", i, store.ErrBadDocument)
		}
	}
	return f.st.Put(ctx, docs)
}

func TestStoreErrors(t *testing.T) {
	q := connect(t, Config{URL: startServer(t), Memory: true, MaxDeliver: 2, AckWait: 2 * time.Second})
	db := openSQLite(t)
	its := items(4, 40)
	its[7].Body = append(its[7].Body, " REFUSE"...)
	if _, err := q.Publish(context.Background(), its); err != nil {
		t.Fatal(err)
	}
	f := &flaky{st: db}
	f.fails.Store(6) // more failures than one batch retries in place
	stop := runWorkers(t, q, f, sharedPipeline(t), 1, WorkerOptions{Batch: 40, RetryFor: 300 * time.Millisecond, NakDelay: 100 * time.Millisecond})
	b := drain(t, q, 60*time.Second)
	stop()
	if b.DeadLetter != 1 {
		t.Fatalf("%d dead letters, want the refused document only", b.DeadLetter)
	}
	c, _ := db.Count(context.Background())
	if c.Documents != 39 {
		t.Fatalf("%d documents, want 39", c.Documents)
	}
	if f.calls.Load() < 7 {
		t.Fatalf("only %d Put calls: transient errors were not retried", f.calls.Load())
	}
}

// A message whose deliveries ran out without any answer (its workers
// died) is moved to the dead letters from the server's advisory.
func TestMaxDeliveriesAdvisory(t *testing.T) {
	cfg := Config{URL: startServer(t), Memory: true, MaxDeliver: 2, AckWait: 500 * time.Millisecond}
	q := connect(t, cfg)
	if _, err := q.Publish(context.Background(), items(5, 1)); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	cons, err := q.js.Consumer(ctx, q.cfg.Stream, q.cfg.Consumer)
	if err != nil {
		t.Fatal(err)
	}
	// Two deliveries that are never answered, as if the worker died.
	for i := 0; i < 2; i++ {
		b, err := cons.Fetch(1, jetstream.FetchMaxWait(3*time.Second))
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		for range b.Messages() {
			got++
		}
		if got != 1 {
			t.Fatalf("delivery %d: %d messages", i+1, got)
		}
	}
	stop := runWorkers(t, q, openSQLite(t), sharedPipeline(t), 1, WorkerOptions{DocTimeout: time.Second, RetryFor: time.Second})
	defer stop()
	deadline := time.Now().Add(15 * time.Second)
	for {
		b, err := q.Backlog(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if b.DeadLetter == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no dead letter after max deliveries: %+v", b)
		}
		time.Sleep(100 * time.Millisecond)
	}
	dls, _ := q.DeadLetters(ctx, 5)
	if len(dls) != 1 || !strings.Contains(dls[0].Error, "deliveries") || dls[0].Message.Origin != "gen:5/0" {
		t.Fatalf("dead letters %+v", dls)
	}
}
