package quotes

import (
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

func TestPolNeAR(t *testing.T) {
	dir := shared.Need(t, "data", "gold", "polnear", "dev")
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
	if len(ms) != 3 || ms[0].Value < 0.90 || ms[1].Value < 0.70 || ms[2].Value < 0.85 {
		t.Errorf("direct-quote precision/recall below floor: %v", ms)
	}
}
