package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

func runCmd(ctx context.Context, args ...string) (string, error) {
	root := newRoot()
	var out bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&out)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	return out.String(), err
}

func TestOpenStoreURL(t *testing.T) {
	ctx := context.Background()
	st, err := openStoreURL(ctx, filepath.Join(t.TempDir(), "a.db"), "")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.(*sqlite.DB); !ok {
		t.Fatalf("no --store opened %T, want SQLite", st)
	}
	st.Close()
	if _, err := openStoreURL(ctx, "x.db", "mysql://db/x"); err == nil || !strings.Contains(err.Error(), "postgres://") {
		t.Fatalf("bad store URL: %v", err)
	}
	if u := os.Getenv("EVENTWIRE_TEST_PG"); u != "" {
		st, err := openStoreURL(ctx, "", u)
		if err != nil {
			t.Fatal(err)
		}
		st.Close()
	}
}

// The CLI's distributed mode end to end: ingest --queue publishes, a
// worker command stores, search finds.
func TestIngestQueueWorker(t *testing.T) {
	url, shutdown, err := queue.StartEmbedded(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer shutdown()
	dir := t.TempDir()
	db := filepath.Join(dir, "w.db")
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	for name, text := range map[string]string{
		"a.txt": "Protesters clashed with police in Tbilisi on Monday, officials said. At least 12 people were injured.",
		"b.txt": "The French President met the German Chancellor in Berlin to discuss energy supplies.",
	} {
		os.WriteFile(filepath.Join(in, name), []byte(text), 0o644)
	}
	out, err := runCmd(context.Background(), "ingest", "--queue", url, in)
	if err != nil || !strings.Contains(out, "2 new") {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan string)
	go func() {
		out, err := runCmd(ctx, "worker", "--queue", url, "--db", db, "-q")
		if err != nil {
			out += err.Error()
		}
		done <- out
	}()
	q, err := queue.Connect(context.Background(), queue.Config{URL: url})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	deadline := time.Now().Add(60 * time.Second)
	for {
		b, err := q.Backlog(context.Background())
		if err == nil && b.Unfinished == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("queue not drained: %+v %v", b, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	if out := <-done; !strings.Contains(out, "2 stored") {
		t.Fatalf("worker summary: %s", out)
	}
	out, err = runCmd(context.Background(), "search", "--db", db, "Tbilisi")
	if err != nil || !strings.Contains(out, "Tbilisi") {
		t.Fatalf("search: %v\n%s", err, out)
	}
	out, err = runCmd(context.Background(), "queue", "status", "--queue", url)
	if err != nil || !strings.Contains(out, "pending 0") {
		t.Fatalf("status: %v\n%s", err, out)
	}
}
