package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/clean"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/evalgold"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/eventdedup/synth"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/metric"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/segment"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/quotes"
	"github.com/eventwire/eventwire/internal/resolve"
	"github.com/eventwire/eventwire/internal/shared"
)

func newEvalCmd() *cobra.Command {
	var o evalOptions
	var asJSON, all bool
	c := &cobra.Command{
		Use:   "eval [flags]",
		Short: "Score the pipeline against gold annotations, treebanks and benchmark sets",
		Long: `eval runs the pipeline on annotated data and prints every figure it can score.

--gold FILE|DIR  articles in GOLD-FORMAT.md (title, boilerplate, entities, places,
                 dates, quotes, counts, events, flags); sections the pipeline does
                 not produce score 0, nothing is skipped
--ud FILE        CoNLL-U: sentence and token F1, UPOS/XPOS/lemma, UAS/LAS (gold
                 tokens and from raw text)
--ner FILE       UNER .iob2: entity P/R/F1 overall and per type
--boilerplate D  trafilatura's main-content benchmark (pages/, truth.json)
--geo KIND=FILE  geoparsing gold: lgl=lgl.xml, geovirus=GeoVirus.xml
--polnear DIR    PolNeAR quotes (dev split)
--petrarch DIR   PETRARCH2 validation sentences and unit tests
--conflibert DIR ConfliBERT CAMEO sentences: quad-class accuracy, macro-F1, actor-span F1
--dedup          cross-document event dedup on a generated corpus (seeded)
--all            every set found in the shared data folder (../shared), and --dedup`,
		Example: `  eventwire eval --gold ../shared/seed/obama-hollande.gold.json
  eventwire eval --gold ../shared/data/articles --json
  eventwire eval --ud ../shared/data/ud/en_ewt/en_ewt-ud-test.conllu
  eventwire eval --all`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if all {
				if err := o.discover(); err != nil {
					return err
				}
			}
			if o.empty() {
				return fmt.Errorf("nothing to evaluate: give --gold, --ud, --ner, --boilerplate, --geo, --polnear, --petrarch --conflibert, --dedup or --all")
			}
			ms, err := o.run(cmd.ErrOrStderr())
			if err != nil {
				return err
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
	c.Flags().StringSliceVar(&o.gold, "gold", nil, "gold file or directory of *.gold.json (repeatable)")
	c.Flags().StringSliceVar(&o.ud, "ud", nil, "CoNLL-U file (repeatable)")
	c.Flags().StringSliceVar(&o.ner, "ner", nil, "UNER .iob2 file (repeatable)")
	c.Flags().StringVar(&o.boilerplate, "boilerplate", "", "boilerplate benchmark folder")
	c.Flags().IntVar(&o.bpLimit, "boilerplate-limit", 0, "score only the first N pages (0 = all)")
	c.Flags().StringToStringVar(&o.geo, "geo", nil, "geoparsing gold, kind=file (lgl, geovirus)")
	c.Flags().StringVar(&o.polnear, "polnear", "", "PolNeAR folder")
	c.Flags().StringVar(&o.petrarch, "petrarch", "", "PETRARCH2 validation folder")
	c.Flags().StringVar(&o.conflibert, "conflibert", "", "ConfliBERT CAMEO folder")
	c.Flags().BoolVar(&o.dedup, "dedup", false, "score event dedup on a generated corpus")
	c.Flags().BoolVar(&all, "all", false, "every evaluation set found in the shared data folder")
	c.Flags().BoolVar(&asJSON, "json", false, "print machine-readable scores")
	return c
}

// evalOptions names the sets to score.
type evalOptions struct {
	gold, ud, ner     []string
	boilerplate       string
	bpLimit           int
	geo               map[string]string
	polnear, petrarch string
	conflibert        string
	dedup             bool
}

func (o *evalOptions) empty() bool {
	return len(o.gold)+len(o.ud)+len(o.ner)+len(o.geo) == 0 && o.boilerplate == "" && o.polnear == "" && o.petrarch == "" && o.conflibert == "" && !o.dedup
}

// discover adds every set present under the shared data folder.
func (o *evalOptions) discover() error {
	if shared.Dir() == "" {
		return fmt.Errorf("--all: no shared data folder found (set EVENTWIRE_SHARED)")
	}
	add := func(list *[]string, parts ...string) {
		if p := shared.Path(parts...); p != "" {
			*list = append(*list, p)
		}
	}
	o.dedup = true
	add(&o.gold, "seed", "obama-hollande.gold.json")
	add(&o.gold, "data", "articles")
	add(&o.ud, "data", "ud", "en_ewt", "en_ewt-ud-test.conllu")
	add(&o.ud, "data", "ud", "en_gum", "en_gum-ud-test.conllu")
	add(&o.ner, "data", "ud", "uner_en_ewt", "en_ewt-ud-test.iob2")
	if p := shared.Path("data", "boilerplate"); p != "" && o.boilerplate == "" {
		o.boilerplate = p
	}
	if o.geo == nil {
		o.geo = map[string]string{}
	}
	if p := shared.Path("data", "gold", "geoparsing_lgl_geovirus", "lgl.xml"); p != "" {
		o.geo["lgl"] = p
	}
	if p := shared.Path("data", "gold", "geoparsing_lgl_geovirus", "GeoVirus.xml"); p != "" {
		o.geo["geovirus"] = p
	}
	if p := shared.Path("data", "gold", "polnear"); p != "" {
		o.polnear = p
	}
	if p := shared.Path("data", "gold", "petrarch2_validation"); p != "" {
		o.petrarch = p
	}
	if p := shared.Path("data", "gold", "conflibert_cameo"); p != "" {
		o.conflibert = p
	}
	return nil
}

// run scores every named set, reporting progress on log.
func (o *evalOptions) run(log io.Writer) ([]metric.Metric, error) {
	var ms []metric.Metric
	step := func(what string, f func() ([]metric.Metric, error)) error {
		fmt.Fprintf(log, "eval: %s\n", what)
		m, err := f()
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		ms = append(ms, m...)
		return nil
	}
	for _, g := range o.gold {
		if err := step(g, func() ([]metric.Metric, error) { return evalGold(g) }); err != nil {
			return nil, err
		}
	}
	for _, u := range o.ud {
		if err := step(u, func() ([]metric.Metric, error) { return evalUD(u) }); err != nil {
			return nil, err
		}
	}
	for _, n := range o.ner {
		if err := step(n, func() ([]metric.Metric, error) { return nlp.EvalNER(n) }); err != nil {
			return nil, err
		}
	}
	if o.boilerplate != "" {
		if err := step(o.boilerplate, func() ([]metric.Metric, error) { return clean.EvalBoilerplate(o.boilerplate, o.bpLimit) }); err != nil {
			return nil, err
		}
	}
	kinds := make([]string, 0, len(o.geo))
	for k := range o.geo {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		if err := step(o.geo[k], func() ([]metric.Metric, error) { return geo.EvalGeo(o.geo[k], k) }); err != nil {
			return nil, err
		}
	}
	if o.polnear != "" {
		p, err := pipeline.New(pipeline.Options{StopBefore: pipeline.StageQuotes})
		if err != nil {
			return nil, err
		}
		if err := step(o.polnear, func() ([]metric.Metric, error) { return quotes.EvalPolNeAR(o.polnear, p.Process) }); err != nil {
			return nil, err
		}
	}
	if o.petrarch != "" {
		p, err := pipeline.New(pipeline.Options{StopBefore: pipeline.StageEvents})
		if err != nil {
			return nil, err
		}
		if err := step(o.petrarch, func() ([]metric.Metric, error) { return coder.EvalPetrarchValidation(o.petrarch, p.Process) }); err != nil {
			return nil, err
		}
		if err := step(o.petrarch+" (PETRARCH dictionaries)", func() ([]metric.Metric, error) { return coder.EvalTabariValidation(o.petrarch, p.Process) }); err != nil {
			return nil, err
		}
	}
	if o.conflibert != "" {
		p, err := pipeline.New(pipeline.Options{StopBefore: pipeline.StageEvents})
		if err != nil {
			return nil, err
		}
		if err := step(o.conflibert, func() ([]metric.Metric, error) { return coder.EvalConfliBERT(o.conflibert, p.Process) }); err != nil {
			return nil, err
		}
		pa, err := pipeline.New(pipeline.Options{StopBefore: pipeline.StageDates})
		if err != nil {
			return nil, err
		}
		if err := step(o.conflibert+" (actor spans)", func() ([]metric.Metric, error) { return resolve.EvalConfliBERTActors(o.conflibert, pa.Process) }); err != nil {
			return nil, err
		}
	}
	if o.dedup {
		if err := step("event dedup (generated corpus, seed 1)", func() ([]metric.Metric, error) {
			return synth.Evaluate(synth.Generate(synth.Options{Seed: 1}), eventdedup.Options{}).Metrics("dedup/synth"), nil
		}); err != nil {
			return nil, err
		}
	}
	return ms, nil
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

// evalUD scores segmentation, tokenization, tagging and parsing on a treebank.
func evalUD(path string) ([]metric.Metric, error) {
	set := "ud/" + strings.TrimSuffix(filepath.Base(path), ".conllu")
	prf, err := segment.EvalUD(path)
	if err != nil {
		return nil, err
	}
	ms := prf.Metrics(set, "sentences")
	tm, err := tokenize.EvalUD(path)
	if err != nil {
		return nil, err
	}
	ms = append(ms, tm...)
	nm, err := nlp.EvalUD(path)
	if err != nil {
		return nil, err
	}
	return append(ms, nm...), nil
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
