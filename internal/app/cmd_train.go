package app

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/shared"
)

func newTrainCmd() *cobra.Command {
	var data, out string
	var seed uint64
	var epochs int
	cmd := &cobra.Command{
		Use:   "train {tagger|parser|ner|all}",
		Short: "Train the NLP models (tagger+lemmatizer, parser, NER) from the UD treebanks",
		Long: `Train reproduces the embedded NLP weights deterministically (same seed, same
data, same files). The parser and NER use the tagger in --out, so train the
tagger first (or use "all").`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"tagger", "parser", "ner", "all"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if data == "" {
				data = shared.Path("data", "ud")
				if data == "" {
					return fmt.Errorf("train: no --data and no shared data/ud folder found")
				}
			}
			o := nlp.TrainOptions{Data: data, Out: out, Seed: seed, Epochs: epochs,
				Log: func(s string) { fmt.Fprintln(os.Stderr, s) }}
			steps := map[string][]func(nlp.TrainOptions) error{
				"tagger": {nlp.TrainTagger},
				"parser": {nlp.TrainParser},
				"ner":    {nlp.TrainNER},
				"all":    {nlp.TrainTagger, nlp.TrainParser, nlp.TrainNER},
			}[args[0]]
			if steps == nil {
				return fmt.Errorf("train: unknown model %q (want tagger, parser, ner or all)", args[0])
			}
			for _, step := range steps {
				if err := step(o); err != nil {
					return fmt.Errorf("train %s: %w", args[0], err)
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&data, "data", "", "folder with en_ewt/, en_gum/, uner_en_ewt/ (default: shared data/ud)")
	cmd.Flags().StringVar(&out, "out", "internal/nlp/models", "folder to write the model files into")
	cmd.Flags().Uint64Var(&seed, "seed", 1, "training seed")
	cmd.Flags().IntVar(&epochs, "epochs", 0, "training epochs (0 = each model's default)")
	return cmd
}
