package coder_test

import (
	"os"
	"testing"

	"github.com/eventwire/eventwire/internal/evalgold"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/shared"
)

// TestSeedRegression runs the full pipeline on the seed article and
// requires every "must" event of its gold annotation and no must_not
// event: a guard for pattern and rule changes made for other texts.
func TestSeedRegression(t *testing.T) {
	path := shared.Need(t, "seed", "obama-hollande.gold.json")
	golds, err := evalgold.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		body, err := os.ReadFile(g.TextPath)
		if err != nil {
			t.Fatal(err)
		}
		kind := ingest.Detect(body, g.TextPath)
		d := p.FromItem(ingest.Item{Origin: g.TextPath, Kind: kind, Body: body, IsHTML: kind == ingest.KindHTML, PubDate: g.PubDate})
		sc := evalgold.Score(g, d)
		rec := sc["events.recall"]
		if rec.Total == 0 || rec.Hit != rec.Total {
			t.Errorf("%s: must-event recall %d/%d, want all", g.ID, rec.Hit, rec.Total)
		}
		if mn := sc["events.must_not_errors"]; mn.Hit != 0 {
			t.Errorf("%s: %d must_not events coded", g.ID, mn.Hit)
		}
	}
}
