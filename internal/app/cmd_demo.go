package app

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/pipeline"
)

func newDemoCmd() *cobra.Command {
	var dbPath string
	c := &cobra.Command{
		Use:   "demo [flags] [PATH...]",
		Short: "Ingest the bundled sample corpus (examples/) and show what was extracted",
		Long: `demo ingests PATHs (default: examples/) into the embedded SQLite store, then
prints every stored document with its events, quotes, places, dates, counts
and integrity flags. Running it twice adds nothing the second time.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"examples"}
			}
			st, err := openStore(dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			p, err := pipeline.New(pipeline.Options{Seen: st})
			if err != nil {
				return err
			}
			sum, err := ingestAll(cmd.Context(), st, p, args, cmd.InOrStdin(), 64, func(d *doc.Document, s *summary) {
				for _, e := range d.Errors {
					fmt.Fprintln(cmd.ErrOrStderr(), "error:", e.Error())
				}
			})
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			if err := st.Each(cmd.Context(), func(d *doc.Document) error { writeText(w, d); return nil }); err != nil {
				return err
			}
			fmt.Fprintln(w, sum.String())
			fmt.Fprintf(w, "stored in %s — try: eventwire search --db %s <words>\n", dbPath, dbPath)
			return nil
		},
	}
	c.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database path")
	return c
}
