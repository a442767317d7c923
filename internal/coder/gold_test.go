package coder

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/evalgold"
	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/shared"
)

// gumDocs loads the hand-annotated GUM news articles with their gold
// CoNLL-U parses (GUM_news_NAME.conllu for gum-NAME.gold.json).
func gumDocs(t testing.TB) ([]*evalgold.Gold, []*doc.Document) {
	t.Helper()
	shared.Need(t, "data", "articles")
	shared.Need(t, "data", "gold", "gum_news", "conllu")
	gs, ds := gumDocsOptional(t)
	if len(ds) == 0 {
		t.Skip("no GUM gold articles with parses")
	}
	return gs, ds
}

// gumDocsOptional is gumDocs without skipping (nil when the data is absent).
func gumDocsOptional(t testing.TB) ([]*evalgold.Gold, []*doc.Document) {
	t.Helper()
	arts := shared.Path("data", "articles")
	parses := shared.Path("data", "gold", "gum_news", "conllu")
	if arts == "" || parses == "" {
		return nil, nil
	}
	golds, err := evalgold.Load(arts)
	if err != nil {
		t.Fatal(err)
	}
	var gs []*evalgold.Gold
	var ds []*doc.Document
	for _, g := range golds {
		name := strings.TrimSuffix(filepath.Base(g.Path), ".gold.json")
		if !strings.HasPrefix(name, "gum-") {
			continue
		}
		p := filepath.Join(parses, "GUM_news_"+strings.TrimPrefix(name, "gum-")+".conllu")
		if _, err := os.Stat(p); err != nil {
			continue
		}
		ss, err := conllu.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		d, err := docFromCoNLLU(ss, g.PubDate)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		d.ID = name
		gs = append(gs, g)
		ds = append(ds, d)
	}
	return gs, ds
}

// TestGUMGold codes the six annotated GUM news articles from their gold
// parses (with the small test actor dictionary) and scores them with the
// evalgold scorer. The floors guard against regressions; run with -v to
// see the figures and the missed events.
func TestGUMGold(t *testing.T) {
	gs, ds := gumDocs(t)
	c, err := New(newFakeActors(people))
	if err != nil {
		t.Fatal(err)
	}
	total := evalgold.Scores{}
	for i, d := range ds {
		c.Code(d)
		sc := evalgold.Score(gs[i], d)
		total.Add(sc)
		if testing.Verbose() {
			t.Logf("%s: recall %d/%d precision %d/%d must_not %d", d.ID, sc["events.recall"].Hit, sc["events.recall"].Total,
				sc["events.precision"].Hit, sc["events.precision"].Total, sc["events.must_not_errors"].Hit)
			for _, e := range d.Events {
				t.Logf("   s%d %q\n%s", e.Sentence, e.Trigger.In(d.Text), dump([]doc.Event{e}))
			}
			if os.Getenv("CODER_DEBUG") != "" {
				for _, ge := range gs[i].Events {
					t.Logf("GOLD must=%v %v->%v %v | %s", ge.Must, ge.Source, ge.Target, ge.Root, ge.SentenceStarts)
				}
			}
		}
	}
	for _, m := range total.Metrics("gum-gold-parses") {
		t.Log(m)
	}
	r, p, mn := total["events.recall"], total["events.precision"], total["events.must_not_errors"]
	if r.Value() < 0.40 {
		t.Errorf("recall over must events %.3f (%d/%d) below floor 0.40", r.Value(), r.Hit, r.Total)
	}
	if p.Value() < 0.30 {
		t.Errorf("precision %.3f (%d/%d) below floor 0.30", p.Value(), p.Hit, p.Total)
	}
	if mn.Hit > 1 {
		t.Errorf("%d must_not events emitted", mn.Hit)
	}
	if ps := total["events.per_sentence"]; ps.Total > 0 && float64(ps.Hit)/float64(ps.Total) > 1.3 {
		t.Errorf("%.2f events per coded sentence", float64(ps.Hit)/float64(ps.Total))
	}
}

// The real actor dictionary satisfies the interfaces the coder consumes.
var (
	_ ActorScanner = (*actors.Dict)(nil)
	_ PhraseLookup = (*actors.Dict)(nil)
)

// TestGUMGoldRealActors is TestGUMGold with the project's actor dictionary
// instead of the test one (figures only; no floors while the dictionary grows).
func TestGUMGoldRealActors(t *testing.T) {
	gs, ds := gumDocs(t)
	if err := actors.DefaultErr(); err != nil {
		t.Skipf("actor dictionary not loadable: %v", err)
	}
	c, err := New(actors.Default())
	if err != nil {
		t.Fatal(err)
	}
	total := evalgold.Scores{}
	for i, d := range ds {
		c.Code(d)
		total.Add(evalgold.Score(gs[i], d))
		if testing.Verbose() && os.Getenv("CODER_DEBUG") != "" {
			for _, e := range d.Events {
				t.Logf("%s s%d %q\n%s", d.ID, e.Sentence, e.Trigger.In(d.Text), dump([]doc.Event{e}))
			}
		}
	}
	for _, m := range total.Metrics("gum-gold-parses/actors") {
		if strings.HasPrefix(m.Name, "events.") {
			t.Log(m)
		}
	}
}
