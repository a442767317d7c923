package queue

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/store/postgres"
)

// freshPG creates an empty database on the EVENTWIRE_TEST_PG server (see
// scripts/pg-test-cluster.sh) and drops it after the test.
func freshPG(t testing.TB) string {
	t.Helper()
	base := os.Getenv("EVENTWIRE_TEST_PG")
	if base == "" {
		t.Skip("EVENTWIRE_TEST_PG is not set: start a throwaway server with `export EVENTWIRE_TEST_PG=$(scripts/pg-test-cluster.sh start $(mktemp -d))`")
	}
	ctx := context.Background()
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		t.Fatalf("EVENTWIRE_TEST_PG: %v", err)
	}
	admin, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("connect to EVENTWIRE_TEST_PG: %v", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("ewq_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9)
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})
	i := strings.Index(base, "://") + 3
	rest, query := base[i:], ""
	if j := strings.IndexByte(rest, '?'); j >= 0 {
		rest, query = rest[:j], rest[j:]
	}
	if j := strings.IndexByte(rest, '/'); j >= 0 {
		rest = rest[:j]
	}
	return base[:i] + rest + "/" + name + query
}

// privatePG starts a PostgreSQL cluster of the test's own with
// scripts/pg-test-cluster.sh (so that restarting it disturbs no other test
// package running meanwhile) and returns its URL and directory. Like the
// other PostgreSQL tests it needs EVENTWIRE_TEST_PG, which says that the
// server binaries are there.
func privatePG(t testing.TB) (url, dir string) {
	t.Helper()
	if os.Getenv("EVENTWIRE_TEST_PG") == "" {
		t.Skip("EVENTWIRE_TEST_PG is not set: start a throwaway server with `export EVENTWIRE_TEST_PG=$(scripts/pg-test-cluster.sh start $(mktemp -d))`")
	}
	// Not t.TempDir: the server runs as another user when the test runs as
	// root and must be able to reach its directory.
	dir, err := os.MkdirTemp("", "eventwire-pg-fault-")
	if err != nil {
		t.Fatal(err)
	}
	script := repoFile("scripts/pg-test-cluster.sh")
	out, err := exec.Command("bash", script, "start", dir).Output()
	if err != nil {
		os.RemoveAll(dir)
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("start a private PostgreSQL: %v\n%s", err, stderr)
	}
	t.Cleanup(func() { exec.Command("bash", script, "stop", dir).Run() })
	return strings.TrimSpace(string(out)), dir
}

// restartPG restarts the private server (pg_ctl restart, fast mode).
func restartPG(t testing.TB, dir string) {
	t.Helper()
	out, err := exec.Command("bash", repoFile("scripts/pg-test-cluster.sh"), "restart", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("restart PostgreSQL: %v\n%s", err, out)
	}
}

func startTime(t testing.TB, db *postgres.DB) time.Time {
	var ts time.Time
	deadline := time.Now().Add(30 * time.Second)
	for {
		err := db.Pool().QueryRow(context.Background(), `SELECT pg_postmaster_start_time()`).Scan(&ts)
		if err == nil {
			return ts
		}
		if time.Now().After(deadline) {
			t.Fatalf("server start time: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// TestFaultTolerance is the distributed mode's headline check: one queue,
// three worker processes, PostgreSQL (a private cluster, see privatePG);
// one worker is killed with SIGKILL in
// the middle of its work and PostgreSQL is restarted while documents are
// still coming in. Every document must end up stored exactly once with
// exactly the events the pipeline finds in it: 0 lost, 0 duplicated.
//
// EVENTWIRE_FAULT_DOCS sets the number of generated articles (default 1200).
func TestFaultTolerance(t *testing.T) {
	pgURL, pgDir := privatePG(t)
	ctx := context.Background()
	n := envInt("EVENTWIRE_FAULT_DOCS", 1200)
	db, err := postgres.Open(ctx, pgURL)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	natsURL, shutdown, err := StartEmbedded(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer shutdown()
	const ackWait = 3 * time.Second
	q := connect(t, Config{URL: natsURL, AckWait: ackWait, MaxDeliver: 5})
	cc := childConfig{nats: natsURL, pg: pgURL, ackWait: ackWait, maxDeliver: 5, batch: 32}
	start := time.Now()
	workers := []*child{startChild(t, cc), startChild(t, cc), startChild(t, cc)}

	// Documents arrive over about six seconds.
	its := items(42, n)
	chunk := max(50, n/24)
	published := make(chan error, 1)
	go func() {
		for i := 0; i < len(its); i += chunk {
			if _, err := q.Publish(ctx, its[i:min(i+chunk, len(its))]); err != nil {
				published <- err
				return
			}
			time.Sleep(250 * time.Millisecond)
		}
		published <- nil
	}()

	waitBatches := func(c *child, k int) {
		t.Helper()
		timeout := time.After(90 * time.Second)
		for got := 0; got < k; {
			select {
			case b := <-c.batches:
				got = b
			case <-timeout:
				t.Fatalf("worker made no progress:\n%s", c.log())
			}
		}
	}
	// Kill one worker in the middle of its work, and start a new one.
	waitBatches(workers[0], 2)
	workers[0].kill()
	b, _ := q.Backlog(ctx)
	t.Logf("killed worker 1 (SIGKILL) after %v; %d message(s) in flight, %d pending", time.Since(start).Round(time.Millisecond), b.AckPending, b.Pending)
	workers[0] = startChild(t, cc)

	// Restart PostgreSQL while documents are still being published.
	waitBatches(workers[1], 4)
	before := startTime(t, db)
	restartPG(t, pgDir)
	if after := startTime(t, db); !after.After(before) {
		t.Fatalf("PostgreSQL start time %v did not move past %v", after, before)
	}
	t.Logf("restarted PostgreSQL after %v", time.Since(start).Round(time.Millisecond))
	select {
	case err := <-published:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("publishing did not finish")
	}
	backlog := drain(t, q, 150*time.Second)
	elapsed := time.Since(start)
	var logs []string
	for _, w := range workers {
		w.stop()
		logs = append(logs, w.log())
	}
	if backlog.DeadLetter != 0 {
		dls, _ := q.DeadLetters(ctx, 5)
		t.Fatalf("%d dead letters: %+v", backlog.DeadLetter, dls)
	}
	retries := strings.Count(strings.Join(logs, ""), "retrying")
	checkExactlyOnce(t, db, its)
	t.Logf("%d documents through 3 worker processes in %v (%.0f docs/s) with one SIGKILL and one PostgreSQL restart; %d store retries logged",
		n, elapsed.Round(time.Millisecond), float64(n)/elapsed.Seconds(), retries)
}

// checkExactlyOnce compares the store with the pipeline run in-process on
// the same items: same documents, each once, with the same event count.
func checkExactlyOnce(t *testing.T, db *postgres.DB, its []ingest.Item) {
	t.Helper()
	ctx := context.Background()
	want := make(map[string]int, len(its)) // id -> events
	wantEvents := 0
	p := sharedPipeline(t)
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan ingest.Item)
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				d := p.FromItem(it)
				mu.Lock()
				want[d.ID] = len(d.Events)
				wantEvents += len(d.Events)
				mu.Unlock()
			}
		}()
	}
	for _, it := range its {
		next <- it
	}
	close(next)
	wg.Wait()

	var docs, distinct, events, eventKeys int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*), count(DISTINCT id) FROM documents`).Scan(&docs, &distinct); err != nil {
		t.Fatal(err)
	}
	if err := db.Pool().QueryRow(ctx, `SELECT count(*), count(DISTINCT (doc, idx)) FROM events`).Scan(&events, &eventKeys); err != nil {
		t.Fatal(err)
	}
	rows, err := db.Pool().Query(ctx, `SELECT d.id, count(e.id) FROM documents d LEFT JOIN events e ON e.doc = d.seq GROUP BY d.id`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for rows.Next() {
		var id string
		var k int
		if err := rows.Scan(&id, &k); err != nil {
			t.Fatal(err)
		}
		got[id] = k
	}
	rows.Close()
	lost, extra, wrong := 0, 0, 0
	for id, k := range want {
		g, ok := got[id]
		switch {
		case !ok:
			lost++
		case g != k:
			wrong++
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			extra++
		}
	}
	var lookupErrs int
	if err := db.Pool().QueryRow(ctx, `SELECT count(*) FROM errors WHERE stage = 'integrity'`).Scan(&lookupErrs); err != nil {
		t.Fatal(err)
	}
	if lookupErrs != 0 {
		t.Errorf("%d documents recorded a failed duplicate-sentence lookup", lookupErrs)
	}
	t.Logf("store: %d documents (%d distinct), %d events (%d distinct doc/idx); expected %d documents, %d events; lost %d, unexpected %d, wrong event count %d",
		docs, distinct, events, eventKeys, len(want), wantEvents, lost, extra, wrong)
	if docs != len(want) || distinct != docs || events != wantEvents || eventKeys != events || lost+extra+wrong != 0 {
		t.Fatal("the store does not hold every document and event exactly once")
	}
}
