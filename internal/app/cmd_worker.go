package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/queue"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/postgres"
)

// queueFlags are the stream settings shared by the distributed commands.
type queueFlags struct {
	url        string
	ackWait    time.Duration
	maxDeliver int
	memory     bool
}

func (f *queueFlags) add(c *cobra.Command) {
	c.Flags().StringVar(&f.url, "queue", "", "NATS JetStream server URL (nats://host:4222)")
	c.Flags().DurationVar(&f.ackWait, "ack-wait", queue.DefaultAckWait, "redeliver a message after this long without an answer from its worker")
	c.Flags().IntVar(&f.maxDeliver, "max-deliver", queue.DefaultMaxDeliver, "deliveries of a message before it goes to the dead letters")
	c.Flags().BoolVar(&f.memory, "memory-stream", false, "keep the streams in server memory instead of files (when creating them)")
}

func (f *queueFlags) connect(ctx context.Context, name string) (*queue.Queue, error) {
	if !queue.IsURL(f.url) {
		return nil, fmt.Errorf("--queue %q: want a nats://host:port URL", f.url)
	}
	return queue.Connect(ctx, queue.Config{URL: f.url, AckWait: f.ackWait, MaxDeliver: f.maxDeliver, Memory: f.memory, Name: name})
}

func newWorkerCmd() *cobra.Command {
	var qf queueFlags
	var dbPath, storeURL string
	var concurrency, batch int
	var docTimeout time.Duration
	var quiet bool
	c := &cobra.Command{
		Use:   "worker --queue nats://HOST:4222 [--store postgres://...] [flags]",
		Short: "Process documents from the shared queue into the store (distributed mode)",
		Long: `worker pulls batches of documents from the NATS JetStream queue that
"eventwire ingest --queue" fills, runs the pipeline on them, writes each batch in
one store transaction and only then acknowledges its messages. Run as many
workers as you like, on any machines, against one PostgreSQL store: a worker
that dies loses nothing (its messages are redelivered after --ack-wait), a
store that restarts is waited for, and a document that fails --max-deliver
times goes to the dead-letter stream (see "eventwire queue dlq").`,
		Example: `  eventwire queue server --dir /var/lib/eventwire/nats &
  eventwire worker --queue nats://127.0.0.1:4222 --store postgres://eventwire@db/eventwire
  eventwire ingest --queue nats://127.0.0.1:4222 crawl/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			errOut := cmd.ErrOrStderr()
			// A database that is (re)starting is waited for, up to a minute.
			st, err := openStoreURL(ctx, dbPath, storeURL)
			for wait := time.Second; err != nil && storeURL != "" && postgres.Transient(err) && wait < time.Minute; wait *= 2 {
				fmt.Fprintf(errOut, "worker: %v (retrying in %v)\n", err, wait)
				select {
				case <-ctx.Done():
					return ctx.Err()
				case <-time.After(wait):
				}
				st, err = openStoreURL(ctx, dbPath, storeURL)
			}
			if err != nil {
				return err
			}
			defer st.Close()
			transient := func(err error) bool { return !errors.Is(err, store.ErrBadDocument) }
			if _, ok := st.(*postgres.DB); ok {
				transient = postgres.Transient
			}
			p, err := pipeline.New(pipeline.Options{Seen: queue.RetrySeen(st, transient, 30*time.Second)})
			if err != nil {
				return err
			}
			host, _ := os.Hostname()
			q, err := qf.connect(ctx, fmt.Sprintf("eventwire-worker@%s/%d", host, os.Getpid()))
			if err != nil {
				return err
			}
			defer q.Close()
			opt := queue.WorkerOptions{Batch: batch, Concurrency: concurrency, DocTimeout: docTimeout, Transient: transient}
			var mu sync.Mutex
			var total queue.BatchStats
			var batches int
			opt.OnBatch = func(b queue.BatchStats) {
				mu.Lock()
				defer mu.Unlock()
				batches++
				total.Messages += b.Messages
				total.Stored.Added += b.Stored.Added
				total.Stored.Skipped += b.Stored.Skipped
				total.Events += b.Events
				total.DeadLetter += b.DeadLetter
				total.Retried += b.Retried
			}
			opt.Log = func(format string, a ...any) {
				fmt.Fprintf(errOut, "worker: "+format+"\n", a...)
			}
			start := time.Now()
			report := func() string {
				mu.Lock()
				defer mu.Unlock()
				el := time.Since(start)
				return fmt.Sprintf("worker: %d message(s) in %d batch(es): %d stored, %d already stored, %d events, %d dead letter(s), %d handed back — %.0fs (%.1f docs/s)",
					total.Messages, batches, total.Stored.Added, total.Stored.Skipped, total.Events, total.DeadLetter, total.Retried,
					el.Seconds(), float64(total.Messages)/max(el.Seconds(), 1e-9))
			}
			done := make(chan struct{})
			if !quiet {
				go func() {
					t := time.NewTicker(30 * time.Second)
					defer t.Stop()
					for {
						select {
						case <-done:
							return
						case <-t.C:
							fmt.Fprintln(errOut, report())
						}
					}
				}()
			}
			err = q.Worker(st, p, opt).Run(ctx)
			close(done)
			fmt.Fprintln(cmd.OutOrStdout(), report())
			return err
		},
	}
	qf.add(c)
	c.Flags().StringVar(&storeURL, "store", "", "PostgreSQL store URL (postgres://user@host:port/db); without it the SQLite --db")
	c.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database path (single-machine use)")
	c.Flags().IntVar(&concurrency, "concurrency", 0, "documents processed at once (default: number of CPUs)")
	c.Flags().IntVar(&batch, "batch", 64, "messages fetched and written per transaction")
	c.Flags().DurationVar(&docTimeout, "doc-timeout", 2*time.Minute, "give up on one document's pipeline run after this long")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "no periodic progress lines")
	return c
}

// withQueue adds --queue to the ingest command: with it, ingest publishes
// the documents it reads to the queue for workers instead of processing
// them itself.
func withQueue(c *cobra.Command) *cobra.Command {
	var url string
	c.Flags().StringVar(&url, "queue", "", "publish documents to this NATS JetStream queue (nats://host:4222) for workers instead of processing them")
	run := c.RunE
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if url == "" {
			return run(cmd, args)
		}
		pubdate, _ := cmd.Flags().GetString("pubdate")
		if err := checkDate(pubdate); err != nil {
			return err
		}
		q, err := (&queueFlags{url: url}).connect(cmd.Context(), "eventwire-ingest")
		if err != nil {
			return err
		}
		defer q.Close()
		sum, err := publishAll(cmd.Context(), q, args, cmd.InOrStdin(), pubdate, cmd.ErrOrStderr())
		fmt.Fprintln(cmd.OutOrStdout(), sum)
		return err
	}
	return c
}

// publishAll reads paths and publishes their items in batches.
func publishAll(ctx context.Context, q *queue.Queue, paths []string, stdin io.Reader, pubdate string, errOut io.Writer) (string, error) {
	start := time.Now()
	var total queue.PublishStats
	it := ingest.Walk(ctx, paths, ingest.Options{Stdin: stdin})
	defer it.Close()
	const batch = 256
	items := make([]ingest.Item, 0, batch)
	flush := func() error {
		if len(items) == 0 {
			return nil
		}
		st, err := q.Publish(context.WithoutCancel(ctx), items)
		total.Published += st.Published
		total.Duplicates += st.Duplicates
		total.Skipped += st.Skipped
		items = items[:0]
		return err
	}
	var err error
	for it.Next() {
		item := it.Item()
		if item.Err != nil {
			fmt.Fprintln(errOut, "error:", item.Err.Error())
		}
		if item.PubDate == "" {
			item.PubDate = pubdate
		}
		items = append(items, item)
		if len(items) == batch {
			if err = flush(); err != nil {
				break
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = ctx.Err()
	}
	return fmt.Sprintf("published %d document(s) to the queue: %d new, %d already queued, %d unreadable — %.1fs",
		total.Published+total.Duplicates+total.Skipped, total.Published, total.Duplicates, total.Skipped, time.Since(start).Seconds()), err
}

func newQueueCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "queue",
		Short: "Run or inspect the distributed mode's NATS JetStream queue",
	}
	c.AddCommand(newQueueServerCmd(), newQueueStatusCmd(), newQueueDLQCmd())
	return c
}

func newQueueServerCmd() *cobra.Command {
	var dir string
	var port int
	c := &cobra.Command{
		Use:   "server [--dir DIR] [--port 4222]",
		Short: "Run an embedded NATS JetStream server on 127.0.0.1 for workers on this machine",
		Long: `server runs the NATS server (with JetStream, streams kept under --dir) inside
eventwire, listening on the loopback interface only, until interrupted. For
workers on other machines run a standalone nats-server with JetStream.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if dir != "" {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					return err
				}
			}
			url, shutdown, err := queue.StartEmbeddedPort(cmd.Context(), dir, port)
			if err != nil {
				return err
			}
			defer shutdown()
			fmt.Fprintln(cmd.OutOrStdout(), url)
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			<-ctx.Done()
			return nil
		},
	}
	c.Flags().StringVar(&dir, "dir", "", "directory for the streams (default: a temporary one, removed at exit)")
	c.Flags().IntVar(&port, "port", 4222, "port on 127.0.0.1 (0: any free port)")
	return c
}

func newQueueStatusCmd() *cobra.Command {
	var qf queueFlags
	c := &cobra.Command{
		Use:   "status --queue nats://HOST:4222",
		Short: "Show the queue's backlog and dead letters",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := qf.connect(cmd.Context(), "eventwire-status")
			if err != nil {
				return err
			}
			defer q.Close()
			b, err := q.Backlog(cmd.Context())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "pending %d\nin progress %d\nunfinished %d\ndead letters %d\n", b.Pending, b.AckPending, b.Unfinished, b.DeadLetter)
			return nil
		},
	}
	qf.add(c)
	return c
}

func newQueueDLQCmd() *cobra.Command {
	var qf queueFlags
	var n int
	c := &cobra.Command{
		Use:   "dlq --queue nats://HOST:4222",
		Short: "List the documents the workers gave up on, with their errors",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			q, err := qf.connect(cmd.Context(), "eventwire-dlq")
			if err != nil {
				return err
			}
			defer q.Close()
			dls, err := q.DeadLetters(cmd.Context(), n)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if len(dls) == 0 {
				fmt.Fprintln(out, "no dead letters")
			}
			for _, d := range dls {
				origin := d.Message.Origin
				if origin == "" {
					origin = d.Message.URL
				}
				fmt.Fprintf(out, "%s  %s  (%d deliveries, %s)\n    %s\n", short(d.ID), orDash(origin), d.Deliveries, d.At,
					strings.ReplaceAll(strings.TrimSpace(d.Error), "\n", "\n    "))
			}
			return nil
		},
	}
	qf.add(c)
	c.Flags().IntVar(&n, "limit", 100, "how many to list")
	return c
}
