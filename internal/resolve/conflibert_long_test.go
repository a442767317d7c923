//go:build long

package resolve_test

import (
	"testing"

	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/resolve"
	"github.com/eventwire/eventwire/internal/shared"
)

// go test -tags long -run ConfliBERT -v ./internal/resolve
func TestEvalConfliBERTActorsPipeline(t *testing.T) {
	dir := shared.Need(t, "data", "gold", "conflibert_cameo")
	p, err := pipeline.New(pipeline.Options{StopBefore: pipeline.StageDates})
	if err != nil {
		t.Fatal(err)
	}
	ms, err := resolve.EvalConfliBERTActors(dir, p.Process)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Log(m)
		if m.Name == "actors.overlap.recall" && m.Value < 0.5 {
			t.Errorf("overlap recall %.3f below 0.5", m.Value)
		}
	}
}
