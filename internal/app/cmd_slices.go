package app

import (
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/slices"
)

func newSlicesCmd() *cobra.Command {
	var dbPath, out, since, until, baseURL string
	var every time.Duration
	var partial, all bool
	c := &cobra.Command{
		Use:   "slices --out DIR [flags]",
		Short: "Write GDELT 2.0 update slices (15-minute zips, lastupdate.txt, masterfilelist.txt) for stored documents",
		Long: `slices writes, for every --every window (aligned to the clock: :00, :15, :30,
:45) in which documents were added to the store, the three GDELT 2.0 update
files named after the window's end:

  YYYYMMDDHHMMSS.export.CSV.zip    Events, 61 columns (entry: the name without .zip)
  YYYYMMDDHHMMSS.mentions.CSV.zip  Mentions, 16 columns
  YYYYMMDDHHMMSS.gkg.csv.zip       GKG 2.1, 27 columns

then points lastupdate.txt at the newest three ("size md5 url" per line) and
appends them to masterfilelist.txt (a slice written again replaces its lines).
Events are merged across documents: an event reported by several articles is
one Events row whose NumMentions/NumSources/NumArticles count them, and a later
report of it is a Mentions row pointing at it.

Only closed windows are written unless --partial. --since and --until take
RFC 3339 times, YYYY-MM-DD, YYYYMMDDHHMMSS or a duration back from now (24h).`,
		Example: `  eventwire slices --db news.db --out gdelt/
  eventwire slices --out gdelt/ --since 2026-03-01 --base-url https://example.org/gdelt/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return fmt.Errorf("--out DIR is required")
			}
			st, err := openStore(dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			sw, err := slices.New(st, slices.Options{Dir: out, Every: every, BaseURL: baseURL})
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			now := time.Now().UTC()
			first, _, ok, err := st.AddedRange(ctx)
			if err != nil {
				return err
			}
			if !ok {
				fmt.Fprintln(cmd.OutOrStdout(), "the store is empty: no slices written")
				return nil
			}
			from := sw.Floor(first)
			if since != "" {
				if from, err = parseWhen(since, now); err != nil {
					return fmt.Errorf("--since: %w", err)
				}
				from = sw.Floor(from)
			}
			to := now
			if until != "" {
				if to, err = parseWhen(until, now); err != nil {
					return fmt.Errorf("--until: %w", err)
				}
			}
			end := sw.Floor(to)
			if partial && end.Before(to) {
				end = end.Add(sw.Every())
			}
			logger := log.New(cmd.ErrOrStderr(), "", 0)
			n := 0
			err = sw.Range(ctx, from, end, !all, func(s slices.Slice) {
				n++
				logSlice(logger, s)
			})
			fmt.Fprintf(cmd.OutOrStdout(), "%d slice(s) written to %s\n", n, out)
			if n == 0 && !partial && sw.Floor(now).Before(now) {
				fmt.Fprintf(cmd.OutOrStdout(), "documents added since %s are written once their window closes at %s (or use --partial)\n",
					sw.Floor(now).Format(time.RFC3339), sw.Floor(now).Add(sw.Every()).Format(time.RFC3339))
			}
			return err
		},
	}
	fl := c.Flags()
	fl.StringVar(&dbPath, "db", defaultDB, "SQLite database path")
	fl.StringVar(&out, "out", "", "output folder")
	fl.StringVar(&since, "since", "", "first window to write (default: the first stored document's)")
	fl.StringVar(&until, "until", "", "write windows ending up to this time (default: now)")
	fl.StringVar(&baseURL, "base-url", "", "URL prefix of the files in lastupdate.txt/masterfilelist.txt (default: file paths)")
	fl.DurationVar(&every, "every", 15*time.Minute, "slice length (divides 24h)")
	fl.BoolVar(&partial, "partial", false, "also write the window still open")
	fl.BoolVar(&all, "all-windows", false, "write empty windows too (as a live feed does)")
	return c
}

// parseWhen reads an RFC 3339 time, YYYY-MM-DD, YYYYMMDDHHMMSS, or a
// duration back from now.
func parseWhen(s string, now time.Time) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339, time.DateOnly, slices.StampLayout, "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	if d, err := time.ParseDuration(s); err == nil && d >= 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("%q: want an RFC 3339 time, YYYY-MM-DD, YYYYMMDDHHMMSS or a duration like 24h", s)
}
