package synth

import (
	"testing"

	"github.com/eventwire/eventwire/internal/eventdedup"
)

func TestEvaluateTargets(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		c := Generate(Options{Seed: seed})
		s := Evaluate(c, eventdedup.Options{})
		t.Logf("seed %d: %s", seed, c)
		for _, m := range s.Metrics("synth") {
			t.Logf("  %s", m)
			if !m.Met() {
				t.Errorf("seed %d: %s below target %.2f", seed, m, m.Target)
			}
		}
	}
}

// TestEvaluateHard reports the scores on the noisier corpus, where some
// reports are ambiguous by construction (two same-actor, same-action
// events in two cities of one country, some reports naming only the
// country); it guards against regressions only.
func TestEvaluateHard(t *testing.T) {
	c := Generate(Options{Seed: 1, Hard: true})
	s := Evaluate(c, eventdedup.Options{})
	t.Logf("hard: %s", c)
	for _, m := range s.Metrics("synth-hard") {
		t.Logf("  %s", m)
	}
	if p, r := s.Pairwise.Precision(), s.Pairwise.Recall(); p < 0.88 || r < 0.88 {
		t.Errorf("pairwise precision %.4f, recall %.4f on the hard corpus", p, r)
	}
}

func TestGenerateDeterministic(t *testing.T) {
	a, b := Generate(Options{Seed: 9, Events: 200}), Generate(Options{Seed: 9, Events: 200})
	if a.String() != b.String() || len(a.Truth) != len(b.Truth) {
		t.Fatalf("same seed, different corpora: %s / %s", a, b)
	}
	for i := range a.Docs {
		if a.Docs[i].ID != b.Docs[i].ID || len(a.Docs[i].Events) != len(b.Docs[i].Events) {
			t.Fatalf("document %d differs", i)
		}
	}
	// Copies follow their originals, as they would in a store.
	pos := map[string]int{}
	for i, d := range a.Docs {
		pos[d.ID] = i
		if d.NearDuplicateOf != "" {
			if p, ok := pos[d.NearDuplicateOf]; !ok || p >= i {
				t.Errorf("copy %s precedes its original", d.ID)
			}
		}
	}
}
