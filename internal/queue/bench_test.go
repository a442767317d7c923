package queue

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/newsgen"
)

// longItems are n wire-story-sized (400–500 words) generated articles.
func longItems(seed int64, n int) []ingest.Item {
	out := make([]ingest.Item, n)
	for i := range out {
		a := newsgen.GenerateLong(seed, i, 6)
		out[i] = ingest.Item{Origin: fmt.Sprintf("gen:%d/%d", seed, i), URL: a.URL, Title: a.Title,
			PubDate: a.PubDate, Source: a.Source, Body: []byte(a.Body), Kind: ingest.KindText}
	}
	return out
}

// BenchmarkWorkers measures end-to-end throughput of worker processes
// (GOMAXPROCS=1 each, warm) draining a queue of wire-story-sized articles
// into the store: PostgreSQL when EVENTWIRE_TEST_PG is set, else SQLite.
// Run with -benchtime=1x; EVENTWIRE_BENCH_DOCS sets the articles per run
// (default 400). Reports docs/s in total and per worker (wall clock), and
// docs per second of worker processor time.
func BenchmarkWorkers(b *testing.B) {
	for _, k := range []int{1, 2} {
		b.Run(fmt.Sprintf("procs=%d", k), func(b *testing.B) { benchWorkers(b, k) })
	}
}

func benchWorkers(b *testing.B, k int) {
	n := envInt("EVENTWIRE_BENCH_DOCS", 400)
	ctx := context.Background()
	cc := childConfig{ackWait: time.Minute, maxDeliver: 5, batch: 32}
	if os.Getenv("EVENTWIRE_TEST_PG") != "" {
		cc.pg = freshPG(b)
	} else {
		cc.db = filepath.Join(b.TempDir(), "bench.db")
	}
	natsURL, shutdown, err := StartEmbedded(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer shutdown()
	cc.nats = natsURL
	q := connect(b, Config{URL: natsURL, AckWait: cc.ackWait, MaxDeliver: cc.maxDeliver})
	var workers []*child
	for i := 0; i < k; i++ {
		workers = append(workers, startChild(b, cc))
	}
	for _, w := range workers {
		select {
		case <-w.ready:
		case <-time.After(60 * time.Second):
			b.Fatalf("worker not ready:\n%s", w.log())
		}
	}
	runs := make([][]ingest.Item, b.N)
	for i := range runs {
		runs[i] = longItems(int64(100+i), n)
	}
	cpu0 := make([]time.Duration, k)
	for i, w := range workers {
		cpu0[i] = w.cpuNow()
	}
	pg0, self0 := postgresCPU(), selfCPU()
	b.ResetTimer()
	var busy time.Duration
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := q.Publish(ctx, runs[i]); err != nil {
			b.Fatal(err)
		}
		if bl := drain(b, q, 10*time.Minute); bl.DeadLetter != 0 {
			b.Fatalf("%d dead letters", bl.DeadLetter)
		}
		busy += time.Since(start)
	}
	b.StopTimer()
	var cpu time.Duration
	for i, w := range workers {
		cpu += w.cpuNow() - cpu0[i]
	}
	pgCPU, natsCPU := postgresCPU()-pg0, selfCPU()-self0
	other := pgCPU + natsCPU
	for _, w := range workers {
		w.stop()
	}
	rate := float64(n*b.N) / busy.Seconds()
	b.ReportMetric(rate, "docs/s")
	b.ReportMetric(rate/float64(k), "docs/s/worker")
	// Processor time of the warm workers while draining: what a worker
	// does per second of a core it has to itself.
	b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "docs/cpu-s")
	// Processor time per document outside the workers: PostgreSQL (when
	// it runs here) plus this process (embedded NATS server, publisher).
	// With w worker-ms and o other-ms per document, k workers on k+ cores
	// scale by k, and on exactly k cores at most by k·w/(w+o).
	b.ReportMetric(cpu.Seconds()*1000/float64(n*b.N), "worker-ms/doc")
	b.ReportMetric(other.Seconds()*1000/float64(n*b.N), "other-ms/doc")
	b.ReportMetric(pgCPU.Seconds()*1000/float64(n*b.N), "pg-ms/doc")
}
