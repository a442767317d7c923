package app

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/gdelt"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// openStore opens the embedded SQLite store at path, creating it if needed.
func openStore(path string) (*sqlite.DB, error) {
	db, err := sqlite.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return db, nil
}

func newSearchCmd() *cobra.Command {
	var dbPath, since, until, source string
	var limit int
	c := &cobra.Command{
		Use:   "search [flags] QUERY",
		Short: "Full-text search over stored documents, with snippets",
		Example: `  eventwire search Hollande
  eventwire search --since 2015-11-01 '"air strikes" AND Syria'`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, d := range []string{since, until} {
				if err := checkDate(d); err != nil {
					return err
				}
			}
			st, err := openStoreFlag(cmd, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			hits, err := st.Search(cmd.Context(), store.SearchQuery{Text: strings.Join(args, " "), Since: since, Until: until, Source: source, Limit: limit})
			if err != nil {
				return err
			}
			w := bufio.NewWriter(cmd.OutOrStdout())
			defer w.Flush()
			if len(hits) == 0 {
				fmt.Fprintln(w, "no matches")
			}
			for _, h := range hits {
				fmt.Fprintf(w, "%s  %s  %s\n    %s\n", short(h.ID), orDash(h.PubDate), h.Title, strings.Join(strings.Fields(h.Snippet), " "))
			}
			return nil
		},
	}
	c.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database path")
	c.Flags().StringVar(&since, "since", "", "only documents published on or after YYYY-MM-DD")
	c.Flags().StringVar(&until, "until", "", "only documents published on or before YYYY-MM-DD")
	c.Flags().StringVar(&source, "source", "", "only documents from this source (host)")
	c.Flags().IntVar(&limit, "limit", 20, "maximum number of results")
	return withStore(c)
}

func newExportCmd() *cobra.Command {
	var dbPath, format string
	c := &cobra.Command{
		Use:   "export [flags]",
		Short: "Stream stored documents as JSONL, or events/mentions/GKG as GDELT 2.0 TSV",
		Long: `export streams every stored document, in insertion order, as the JSON
contract (jsonl) or as GDELT 2.0 files: Events (61 columns), Mentions (16)
and GKG 2.1 (27), tab-separated without a header, like GDELT's own files.
Here every event row counts its own document only (NumMentions/NumSources/
NumArticles = 1); "eventwire slices" writes GDELT update files in which the
same event reported by several articles is one row with merged counts.`,
		Example: `  eventwire export --format jsonl > docs.jsonl
  eventwire export --format gdelt-events > events.tsv
  eventwire export --format gdelt-events-merged > merged.tsv   # one row per real-world event, counts of all its reports`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			write, ok := exporters[format]
			if !ok {
				return fmt.Errorf("--format must be one of %s, not %q", strings.Join(exporterNames(), ", "), format)
			}
			st, err := openStoreFlag(cmd, dbPath)
			if err != nil {
				return err
			}
			defer st.Close()
			w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
			defer w.Flush()
			ex := write(w)
			if err := st.Each(cmd.Context(), ex.Write); err != nil {
				return err
			}
			return ex.Close()
		},
	}
	c.Flags().StringVar(&dbPath, "db", defaultDB, "SQLite database path")
	c.Flags().StringVar(&format, "format", "jsonl", "jsonl, gdelt-events, gdelt-events-merged, gdelt-mentions or gkg")
	return withStore(c)
}

// docWriter writes documents one by one in some export format.
type docWriter interface {
	Write(*doc.Document) error
	Close() error
}

type jsonlWriter struct{ enc *json.Encoder }

func (j jsonlWriter) Write(d *doc.Document) error { return j.enc.Encode(d) }
func (j jsonlWriter) Close() error                { return nil }

// exporters maps an export format name to its writer constructor.
var exporters = map[string]func(io.Writer) docWriter{
	"jsonl":          func(w io.Writer) docWriter { return jsonlWriter{json.NewEncoder(w)} },
	"gdelt-events":   func(w io.Writer) docWriter { return gdelt.NewEventWriter(w, gdelt.Options{}) },
	"gdelt-mentions": func(w io.Writer) docWriter { return gdelt.NewMentionWriter(w, gdelt.Options{}) },
	"gkg":            func(w io.Writer) docWriter { return gdelt.NewGKGWriter(w, gdelt.Options{}) },
}

func exporterNames() []string {
	names := make([]string, 0, len(exporters))
	for n := range exporters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
