package queue

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/newsgen"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/store/postgres"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// Worker processes of the fault test and the scaling benchmark are this
// test binary started again with EVENTWIRE_QUEUE_CHILD set.
func TestMain(m *testing.M) {
	if os.Getenv("EVENTWIRE_QUEUE_CHILD") == "worker" {
		os.Exit(childWorker())
	}
	os.Exit(m.Run())
}

// childWorker runs one worker: queue from EVENTWIRE_CHILD_NATS, store from
// EVENTWIRE_CHILD_PG (or the SQLite file EVENTWIRE_CHILD_DB), settings from
// EVENTWIRE_CHILD_ACKWAIT/MAXDELIVER/BATCH. It prints "batch N" lines.
func childWorker() int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	fail := func(err error) int { fmt.Fprintln(os.Stderr, "child worker:", err); return 2 }
	var st interface {
		Store
		Seer
		Close() error
	}
	transient := func(err error) bool { return true }
	if u := os.Getenv("EVENTWIRE_CHILD_PG"); u != "" {
		db, err := postgres.Open(ctx, u)
		if err != nil {
			return fail(err)
		}
		st, transient = db, postgres.Transient
	} else {
		db, err := sqlite.Open(os.Getenv("EVENTWIRE_CHILD_DB"))
		if err != nil {
			return fail(err)
		}
		st = db
	}
	defer st.Close()
	p, err := pipeline.New(pipeline.Options{Seen: RetrySeen(st, transient, 30*time.Second)})
	if err != nil {
		return fail(err)
	}
	ackWait, _ := time.ParseDuration(os.Getenv("EVENTWIRE_CHILD_ACKWAIT"))
	maxDeliver, _ := strconv.Atoi(os.Getenv("EVENTWIRE_CHILD_MAXDELIVER"))
	batch, _ := strconv.Atoi(os.Getenv("EVENTWIRE_CHILD_BATCH"))
	q, err := Connect(ctx, Config{URL: os.Getenv("EVENTWIRE_CHILD_NATS"), AckWait: ackWait, MaxDeliver: maxDeliver})
	if err != nil {
		return fail(err)
	}
	defer q.Close()
	var mu sync.Mutex
	n := 0
	w := q.Worker(st, p, WorkerOptions{Batch: batch, Concurrency: 1, Transient: transient,
		OnBatch: func(b BatchStats) {
			mu.Lock()
			n++
			fmt.Printf("batch %d messages=%d added=%d skipped=%d dead=%d retried=%d\n", n, b.Messages, b.Stored.Added, b.Stored.Skipped, b.DeadLetter, b.Retried)
			mu.Unlock()
		},
		Log: func(format string, a ...any) { fmt.Fprintf(os.Stderr, "worker: "+format+"\n", a...) },
	})
	// Load the models before reporting ready, so that measurements start
	// with warm workers.
	p.FromItem(ingest.Item{Body: []byte(newsgen.Generate(0, 0).Body), Kind: ingest.KindText})
	fmt.Println("ready")
	if err := w.Run(ctx); err != nil {
		return fail(err)
	}
	return 0
}

// child is a running worker process.
type child struct {
	cmd     *exec.Cmd
	batches chan int // batch numbers as they complete
	ready   chan struct{}
	stderr  *strings.Builder
	mu      sync.Mutex
	done    chan struct{}
}

type childConfig struct {
	nats, pg, db string
	ackWait      time.Duration
	maxDeliver   int
	batch        int
}

func startChild(t testing.TB, c childConfig) *child {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "EVENTWIRE_QUEUE_CHILD=worker", "GOMAXPROCS=1",
		"EVENTWIRE_CHILD_NATS="+c.nats, "EVENTWIRE_CHILD_PG="+c.pg, "EVENTWIRE_CHILD_DB="+c.db,
		"EVENTWIRE_CHILD_ACKWAIT="+c.ackWait.String(), "EVENTWIRE_CHILD_MAXDELIVER="+strconv.Itoa(c.maxDeliver),
		"EVENTWIRE_CHILD_BATCH="+strconv.Itoa(c.batch))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	ch := &child{cmd: cmd, batches: make(chan int, 100000), ready: make(chan struct{}), stderr: &strings.Builder{}, done: make(chan struct{})}
	cmd.Stderr = writerFunc(func(p []byte) (int, error) {
		ch.mu.Lock()
		defer ch.mu.Unlock()
		if ch.stderr.Len() < 1<<20 {
			ch.stderr.Write(p)
		}
		return len(p), nil
	})
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer close(ch.done)
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var n int
			if sc.Text() == "ready" {
				close(ch.ready)
			} else if _, err := fmt.Sscanf(sc.Text(), "batch %d", &n); err == nil {
				ch.batches <- n
			}
		}
		io.Copy(io.Discard, out)
		cmd.Wait()
	}()
	t.Cleanup(func() { ch.stop() })
	return ch
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// stop ends the worker gracefully (SIGTERM), then for good.
func (c *child) stop() {
	if c.cmd.Process == nil {
		return
	}
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(20 * time.Second):
		c.cmd.Process.Kill()
		<-c.done
	}
}

// kill ends the worker at once, as kill -9 does.
func (c *child) kill() {
	c.cmd.Process.Signal(syscall.SIGKILL)
	<-c.done
}

// cpuNow is the processor time the running worker has used so far, read
// from /proc (0 where there is none).
func (c *child) cpuNow() time.Duration {
	_, d, _ := procCPU(strconv.Itoa(c.cmd.Process.Pid), false)
	return d
}

// procCPU reads utime+stime (and, with children, cutime+cstime) of a
// process from /proc/PID/stat; ok is false when it cannot.
func procCPU(pid string, children bool) (comm string, d time.Duration, ok bool) {
	b, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return "", 0, false
	}
	s := string(b)
	i, j := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if i < 0 || j < i {
		return "", 0, false
	}
	f := strings.Fields(s[j+1:])
	if len(f) < 15 {
		return "", 0, false
	}
	var ticks int64
	n := 2
	if children {
		n = 4
	}
	for k := 0; k < n; k++ {
		v, _ := strconv.ParseInt(f[11+k], 10, 64)
		ticks += v
	}
	return s[i+1 : j], time.Duration(ticks) * time.Second / 100, true
}

// postgresCPU is the processor time of all PostgreSQL server processes on
// this machine (live backends, and the postmaster with its ended children).
func postgresCPU() time.Duration {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	var total time.Duration
	for _, e := range ents {
		if e.Name()[0] < '0' || e.Name()[0] > '9' {
			continue
		}
		if comm, d, ok := procCPU(e.Name(), false); ok && comm == "postgres" {
			total += d
		}
	}
	return total
}

// selfCPU is the processor time of this process (the embedded NATS server
// and the publisher in the benchmark).
func selfCPU() time.Duration {
	_, d, _ := procCPU(strconv.Itoa(os.Getpid()), false)
	return d
}

// cpu is the processor time the worker process used (after it ended).
func (c *child) cpu() time.Duration {
	ps := c.cmd.ProcessState
	if ps == nil {
		return 0
	}
	return ps.UserTime() + ps.SystemTime()
}

func (c *child) log() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.stderr.String()
}

// repoFile finds a file of the repository from this package's directory.
func repoFile(rel string) string {
	return filepath.Join("..", "..", rel)
}
