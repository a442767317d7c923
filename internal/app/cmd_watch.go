package app

import (
	"context"
	"fmt"
	"log"
	"os"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/slices"
	"github.com/eventwire/eventwire/internal/store/sqlite"
	"github.com/eventwire/eventwire/internal/watch"
)

func newWatchCmd() *cobra.Command {
	var (
		feedsPath, dbPath, slicesDir, statePath, baseURL, userAgent string
		every, sliceEvery, hostDelay, timeout                       time.Duration
		maxBytes                                                    int64
		short, concurrency                                          int
		once                                                        bool
	)
	c := &cobra.Command{
		Use:   "watch --feeds FILE [flags]",
		Short: "Poll RSS/Atom feeds and pages, ingest new articles, write GDELT-style update slices",
		Long: `watch runs until interrupted (Ctrl-C), polling every source of the sources
file on its own schedule and ingesting new articles through the pipeline into
the store. One log line per fetch:

  fetch https://example.org/rss.xml 200 12 items 3 new 150ms
  fetch https://example.org/rss.xml 304 40ms

Sources file: one http(s) URL per line, optionally followed by
interval=DURATION (e.g. 10m; default --every) and kind=feed|page (default:
decided from the response); '#' starts a comment:

  # world news
  https://example.org/world/rss.xml
  https://example.org/atom.xml      interval=10m
  https://example.org/live-blog     kind=page interval=1h

Requests are conditional (ETag / If-Modified-Since), one at a time per host
with --host-delay between them, retried with jittered exponential backoff
after errors. Feed entries with only a short description (under --short
characters) are replaced by their linked page. Ingested entries are
remembered in --state, so a restart refetches nothing; documents are stored
once whatever happens (idempotent by content ID).

With --slices DIR, every --slice-every (aligned to the clock: :00, :15, :30,
:45) the documents added in the window just closed are written as GDELT 2.0
update files (YYYYMMDDHHMMSS.export.CSV.zip, .mentions.CSV.zip, .gkg.csv.zip)
with lastupdate.txt and masterfilelist.txt; see "eventwire slices".`,
		Example: `  eventwire watch --feeds feeds.txt --db news.db --slices gdelt/
  eventwire watch --feeds feeds.txt --once`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if feedsPath == "" {
				return fmt.Errorf("--feeds FILE is required")
			}
			f, err := os.Open(feedsPath)
			if err != nil {
				return err
			}
			sources, err := watch.ParseSources(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", feedsPath, err)
			}
			if len(sources) == 0 {
				return fmt.Errorf("%s: no sources", feedsPath)
			}
			if every < watch.MinInterval {
				return fmt.Errorf("--every must be at least %v", watch.MinInterval)
			}
			st, err := openStore(dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			if statePath == "" {
				statePath = dbPath + ".watch.json"
			}
			state, err := watch.OpenState(statePath)
			if err != nil {
				return err
			}
			p, err := pipeline.New(pipeline.Options{Seen: st})
			if err != nil {
				return err
			}
			if hostDelay <= 0 {
				hostDelay = -1 // no delay (still one request per host at a time)
			}
			logger := log.New(cmd.ErrOrStderr(), "", log.LstdFlags)
			var lock sync.Mutex
			w := watch.New(p, st, state, watch.Options{
				Every: every, UserAgent: userAgent, MaxBytes: maxBytes, Timeout: timeout,
				HostDelay: hostDelay, ShortBody: short, Concurrency: concurrency,
				Logf: logger.Printf, Lock: &lock,
			})
			ctx := cmd.Context()
			var sw *slices.Writer
			if slicesDir != "" {
				if sw, err = slices.New(st, slices.Options{Dir: slicesDir, Every: sliceEvery, BaseURL: baseURL}); err != nil {
					return err
				}
			}
			if once {
				var firstErr error
				for _, s := range sources {
					if _, err := w.Poll(ctx, s); err != nil {
						logger.Printf("fetch %s error: %v", s.URL, err)
						if firstErr == nil {
							firstErr = err
						}
					}
				}
				if sw != nil {
					if err := catchUp(ctx, sw, slicesDir, &lock, logger); err != nil {
						return err
					}
				}
				if firstErr != nil {
					return fmt.Errorf("some sources failed; first: %w", firstErr)
				}
				return nil
			}
			var wg sync.WaitGroup
			sliceErr := make(chan error, 1)
			if sw != nil {
				wg.Add(1)
				go func() {
					defer wg.Done()
					sliceErr <- sliceLoop(ctx, sw, slicesDir, &lock, logger)
				}()
			}
			logger.Printf("watching %d source(s); store %s, state %s", len(sources), dbPath, statePath)
			err = w.Run(ctx, sources)
			wg.Wait()
			if sw != nil {
				if serr := <-sliceErr; err == nil {
					err = serr
				}
			}
			return err
		},
	}
	fl := c.Flags()
	fl.StringVar(&feedsPath, "feeds", "", "sources file: one feed or page URL per line (see above)")
	fl.StringVar(&dbPath, "db", defaultDB, "SQLite database path")
	fl.StringVar(&slicesDir, "slices", "", "write GDELT-style update slices into this folder")
	fl.StringVar(&statePath, "state", "", "state file of seen entries and validators (default DB.watch.json)")
	fl.StringVar(&baseURL, "base-url", "", "URL prefix of slice files in lastupdate.txt/masterfilelist.txt (default: file paths)")
	fl.StringVar(&userAgent, "user-agent", watch.DefaultUserAgent, "User-Agent header")
	fl.DurationVar(&every, "every", 15*time.Minute, "poll interval of sources without interval=")
	fl.DurationVar(&sliceEvery, "slice-every", 15*time.Minute, "slice length (divides 24h)")
	fl.DurationVar(&hostDelay, "host-delay", 2*time.Second, "least delay between two requests to one host")
	fl.DurationVar(&timeout, "timeout", 30*time.Second, "timeout of one request")
	fl.Int64Var(&maxBytes, "max-bytes", 8<<20, "largest response body accepted")
	fl.IntVar(&short, "short", 500, "fetch the linked page of feed entries with fewer characters than this (-1: never)")
	fl.IntVar(&concurrency, "concurrency", 4, "sources polled at once")
	fl.BoolVar(&once, "once", false, "poll every source once, write closed slices, and exit")
	return c
}

// catchUp writes the slices of windows closed since the last one written
// (or just warms the event index when there is none), under lock.
func catchUp(ctx context.Context, sw *slices.Writer, dir string, lock *sync.Mutex, logger *log.Logger) error {
	lock.Lock()
	defer lock.Unlock()
	now := sw.Floor(time.Now())
	last, ok := slices.LastStamp(dir)
	if !ok || !last.Before(now) {
		return sw.Warm(ctx, now)
	}
	return sw.Range(ctx, last, now, true, func(s slices.Slice) { logSlice(logger, s) })
}

// sliceLoop writes one slice at the end of every window until ctx is done.
func sliceLoop(ctx context.Context, sw *slices.Writer, dir string, lock *sync.Mutex, logger *log.Logger) error {
	if err := catchUp(ctx, sw, dir, lock, logger); err != nil {
		return err
	}
	for {
		next := sw.Floor(time.Now()).Add(sw.Every())
		t := time.NewTimer(time.Until(next))
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
		lock.Lock()
		s, err := sw.Write(ctx, next, false)
		lock.Unlock()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			logger.Printf("slice %s error: %v", next.Format(slices.StampLayout), err)
			continue
		}
		logSlice(logger, s)
	}
}

func logSlice(logger *log.Logger, s slices.Slice) {
	logger.Printf("slice %s %d docs %d events (%d new) %d mentions %s", s.Stamp, s.Docs, s.Events, s.NewEvents, s.MentionRows, s.Export.Path)
}

// slicesStore is what the slices command needs of the store.
var _ slices.Source = (*sqlite.DB)(nil)
