package app

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/pipeline"
)

func newBenchCmd() *cobra.Command {
	var rounds, workers int
	c := &cobra.Command{
		Use:   "bench [flags] [PATH...]",
		Short: "Measure pipeline throughput and per-stage cost on a corpus (default: examples/)",
		Long: `bench reads the documents under PATHs once, then runs the whole pipeline over
them --rounds times on --workers goroutines, and prints documents/s, MB/s,
the time spent in each stage and the peak memory. Models load before timing.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"examples"}
			}
			if rounds < 1 || workers < 1 {
				return fmt.Errorf("--rounds and --workers must be ≥ 1")
			}
			var items []ingest.Item
			var bytes int64
			it := ingest.Walk(cmd.Context(), args, ingest.Options{Stdin: cmd.InOrStdin()})
			for it.Next() {
				if item := it.Item(); item.Err == nil {
					items = append(items, item)
					bytes += int64(len(item.Body))
				}
			}
			it.Close()
			if len(items) == 0 {
				return fmt.Errorf("no readable documents under %v", args)
			}
			var mu sync.Mutex
			perStage := map[string]time.Duration{}
			p, err := pipeline.New(pipeline.Options{Observe: func(stage string, took time.Duration) {
				mu.Lock()
				perStage[stage] += took
				mu.Unlock()
			}})
			if err != nil {
				return err
			}
			warm := time.Now()
			p.FromItem(items[0]) // load models and dictionaries
			load := time.Since(warm)
			clear(perStage)

			start := time.Now()
			next := make(chan ingest.Item)
			var wg sync.WaitGroup
			for w := 0; w < workers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for item := range next {
						p.FromItem(item)
					}
				}()
			}
			for r := 0; r < rounds; r++ {
				for _, item := range items {
					next <- item
				}
			}
			close(next)
			wg.Wait()
			el := time.Since(start)
			n := len(items) * rounds
			out := cmd.OutOrStdout()
			fmt.Fprintf(out, "%d documents (%d distinct, %.1f KB) × %d rounds on %d worker(s), GOMAXPROCS %d\n",
				n, len(items), float64(bytes)/1024, rounds, workers, runtime.GOMAXPROCS(0))
			fmt.Fprintf(out, "first document (model loading): %v\n", load.Round(time.Millisecond))
			fmt.Fprintf(out, "throughput: %.1f docs/s, %.2f MB/s, %.2f ms/doc\n",
				float64(n)/el.Seconds(), float64(bytes)*float64(rounds)/el.Seconds()/1e6, el.Seconds()*1000/float64(n))
			names := make([]string, 0, len(perStage))
			var total time.Duration
			for k, v := range perStage {
				names = append(names, k)
				total += v
			}
			sort.Slice(names, func(i, j int) bool { return perStage[names[i]] > perStage[names[j]] })
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "STAGE\tµs/doc\tSHARE")
			for _, k := range names {
				fmt.Fprintf(tw, "%s\t%.0f\t%.1f%%\n", k, float64(perStage[k].Microseconds())/float64(n), 100*float64(perStage[k])/float64(total))
			}
			tw.Flush()
			if rss, ok := peakRSS(); ok {
				fmt.Fprintf(out, "peak RSS: %.1f MB\n", float64(rss)/1024)
			}
			return nil
		},
	}
	c.Flags().IntVar(&rounds, "rounds", 20, "passes over the corpus")
	c.Flags().IntVar(&workers, "workers", runtime.GOMAXPROCS(0), "concurrent documents")
	return c
}

// peakRSS reads the process's peak resident set (kB) on Linux.
func peakRSS() (int64, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb, err == nil
		}
	}
	return 0, false
}
