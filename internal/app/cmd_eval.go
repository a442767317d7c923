package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/evalgold"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/metric"
	"github.com/eventwire/eventwire/internal/nlp/segment"
	"github.com/eventwire/eventwire/internal/pipeline"
)

func newEvalCmd() *cobra.Command {
	var golds, uds []string
	var asJSON bool
	c := &cobra.Command{
		Use:   "eval [flags]",
		Short: "Score the pipeline against gold annotations and treebanks",
		Long: `eval runs the pipeline on annotated articles (GOLD-FORMAT.md: --gold FILE or
DIR of *.gold.json with their texts) and reports every section it can score:
title, boilerplate, entities, places, dates, quotes, counts, events and flags.
Sections the pipeline does not produce yet score 0; nothing is skipped.
--ud FILE.conllu scores sentence segmentation (gold sentences from "# text").`,
		Example: `  eventwire eval --gold ../shared/seed/obama-hollande.gold.json
  eventwire eval --gold ../shared/data/articles --json
  eventwire eval --ud ../shared/data/ud/en_ewt/en_ewt-ud-test.conllu`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(golds)+len(uds) == 0 {
				return fmt.Errorf("nothing to evaluate: give --gold and/or --ud")
			}
			var ms []metric.Metric
			for _, g := range golds {
				m, err := evalGold(g)
				if err != nil {
					return err
				}
				ms = append(ms, m...)
			}
			for _, u := range uds {
				m, err := evalUD(u)
				if err != nil {
					return err
				}
				ms = append(ms, m...)
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(map[string]any{"metrics": ms})
			}
			printMetrics(cmd.OutOrStdout(), ms)
			return nil
		},
	}
	c.Flags().StringSliceVar(&golds, "gold", nil, "gold file or directory of *.gold.json (repeatable)")
	c.Flags().StringSliceVar(&uds, "ud", nil, "CoNLL-U file to score sentence segmentation on (repeatable)")
	c.Flags().BoolVar(&asJSON, "json", false, "print machine-readable scores")
	return c
}

// evalGold scores every gold file under path; set names are the gold IDs,
// plus an "all" row micro-averaged over them when there are several.
func evalGold(path string) ([]metric.Metric, error) {
	golds, err := evalgold.Load(path)
	if err != nil {
		return nil, err
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		return nil, err
	}
	var ms []metric.Metric
	total := evalgold.Scores{}
	for _, g := range golds {
		d, err := extractFile(p, g.TextPath, g.PubDate)
		if err != nil {
			return nil, err
		}
		sc := evalgold.Score(g, d)
		total.Add(sc)
		ms = append(ms, sc.Metrics(g.ID)...)
	}
	if len(golds) > 1 {
		ms = append(ms, total.Metrics(filepath.Base(filepath.Clean(path))+"/all")...)
	}
	return ms, nil
}

// extractFile runs the pipeline on one file and returns its first document.
func extractFile(p *pipeline.Pipeline, path, pubdate string) (*doc.Document, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	kind := ingest.Detect(body, path)
	d := p.FromItem(ingest.Item{Origin: path, Kind: kind, Body: body, IsHTML: kind == ingest.KindHTML, PubDate: pubdate})
	for _, e := range d.Errors {
		fmt.Fprintln(os.Stderr, "error:", e.Error())
	}
	return d, nil
}

func evalUD(path string) ([]metric.Metric, error) {
	set := "ud/" + strings.TrimSuffix(filepath.Base(path), ".conllu")
	prf, err := segment.EvalUD(path)
	if err != nil {
		return nil, err
	}
	return prf.Metrics(set, "sentences"), nil
}

func printMetrics(w io.Writer, ms []metric.Metric) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tMETRIC\tVALUE\tN\tTARGET")
	for _, m := range ms {
		target := ""
		if m.Target != 0 {
			mark := "✓"
			if !m.Met() {
				mark = "✗"
			}
			target = fmt.Sprintf("%.3f %s", m.Target, mark)
		}
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%d\t%s\n", m.Set, m.Name, m.Value, m.N, target)
	}
	tw.Flush()
}
