//go:build long

package quotes

import (
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

// TestPolNeARTrain scores the train split (840 articles), which was not
// looked at while writing the rules: a check that dev figures generalize.
func TestPolNeARTrain(t *testing.T) {
	dir := shared.Need(t, "data", "gold", "polnear", "train")
	if testing.Verbose() {
		debugLog = t.Logf
		defer func() { debugLog = nil }()
	}
	ms, err := EvalPolNeAR(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Logf("%s (target %.2f)", m, m.Target)
	}
	if len(ms) != 3 || ms[0].Value < 0.85 || ms[1].Value < 0.70 || ms[2].Value < 0.80 {
		t.Errorf("below floor: %v", ms)
	}
}
