package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/store"
)

func newIngestCmd() *cobra.Command {
	var dbPath, pubdate string
	var batch int
	var shallow, quiet bool
	var dicts userDicts
	c := &cobra.Command{
		Use:   "ingest [flags] PATH...",
		Short: "Read files and folders, extract everything and store the documents",
		Long: `ingest walks files and folders (or "-" for stdin), detects each file's kind by
its content (text, HTML, RSS/Atom, WARC, JSONL, gzip), runs the pipeline and
stores documents in batched transactions. Re-ingesting the same input adds
nothing: documents are keyed by the hash of their cleaned text. A file that
cannot be read is reported with its position and the rest of the batch goes on.`,
		Example: `  eventwire ingest examples/
  eventwire ingest --db news.db crawl.warc.gz feeds/*.xml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkDate(pubdate); err != nil {
				return err
			}
			if batch < 1 || batch > 10000 {
				return fmt.Errorf("--batch must be between 1 and 10000")
			}
			st, err := openStoreFlag(cmd, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			copts, err := dicts.options(cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			p, err := pipeline.New(pipeline.Options{PubDate: pubdate, Shallow: shallow, Seen: st, Coder: copts})
			if err != nil {
				return err
			}
			var bar *progressbar.ProgressBar
			errOut := cmd.ErrOrStderr()
			if f, ok := errOut.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !quiet {
				bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(errOut),
					progressbar.OptionSetDescription("ingesting"), progressbar.OptionShowCount(),
					progressbar.OptionShowIts(), progressbar.OptionSetItsString("docs"),
					progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
			}
			sum, err := ingestAll(cmd.Context(), st, p, args, cmd.InOrStdin(), batch, func(d *doc.Document, s *summary) {
				for _, e := range d.Errors {
					if bar != nil {
						bar.Clear()
					}
					fmt.Fprintln(errOut, "error:", e.Error())
				}
				if bar != nil {
					bar.Describe(fmt.Sprintf("ingesting (%d errors)", s.Errors))
					bar.Add(1)
				}
			})
			if bar != nil {
				bar.Finish()
			}
			fmt.Fprintln(cmd.OutOrStdout(), sum.String())
			return err
		},
	}
	c.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database path")
	c.Flags().StringVar(&pubdate, "pubdate", "", "publication date YYYY-MM-DD for documents that carry none")
	c.Flags().IntVar(&batch, "batch", 256, "documents per write transaction")
	c.Flags().BoolVar(&shallow, "shallow", false, "store text and sentences only (skip models and coding)")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "no progress bar")
	dicts.flags(c)
	return withQueue(withStore(c))
}

const defaultDB = "eventwire.db"

// summary counts what an ingest run did.
type summary struct {
	Read, Added, Skipped, NearDup, Errors, Events int
	Elapsed                                       time.Duration
}

func (s summary) String() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Read) / s.Elapsed.Seconds()
	}
	return fmt.Sprintf("ingested %d document(s): %d added, %d already stored, %d near-duplicate(s), %d with errors, %d events — %.1fs (%.0f docs/s)",
		s.Read, s.Added, s.Skipped, s.NearDup, s.Errors, s.Events, s.Elapsed.Seconds(), rate)
}

// ingestAll reads, processes (in parallel, order kept) and stores in batches.
// Cancelling ctx stops reading; the batch in hand is still committed whole.
func ingestAll(ctx context.Context, st store.Store, p *pipeline.Pipeline, paths []string, stdin io.Reader, batch int, each func(*doc.Document, *summary)) (summary, error) {
	start := time.Now()
	var sum summary
	it := ingest.Walk(ctx, paths, ingest.Options{Stdin: stdin})
	defer it.Close()
	items := make([]ingest.Item, 0, batch)
	flush := func() error {
		if len(items) == 0 {
			return nil
		}
		docs := processParallel(p, items)
		items = items[:0]
		good := docs[:0]
		for _, d := range docs {
			sum.Read++
			if len(d.Errors) > 0 {
				sum.Errors++
			}
			each(d, &sum)
			if d.Text != "" {
				good = append(good, d)
				sum.Events += len(d.Events)
			}
		}
		// Store even when ctx is cancelled: a started batch commits whole.
		ps, err := st.Put(context.WithoutCancel(ctx), good)
		sum.Added += ps.Added
		sum.Skipped += ps.Skipped
		sum.NearDup += ps.NearDuplicates
		return err
	}
	for it.Next() {
		items = append(items, it.Item())
		if len(items) == batch {
			if err := flush(); err != nil {
				sum.Elapsed = time.Since(start)
				return sum, err
			}
		}
		if ctx.Err() != nil {
			break
		}
	}
	err := flush()
	sum.Elapsed = time.Since(start)
	if err == nil {
		err = ctx.Err()
	}
	return sum, err
}

// processParallel runs the pipeline over items on all cores, keeping order.
func processParallel(p *pipeline.Pipeline, items []ingest.Item) []*doc.Document {
	out := make([]*doc.Document, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = p.FromItem(items[i])
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
