package geo

import (
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

func TestEvalGeo(t *testing.T) {
	for _, c := range []struct{ kind, file string }{{"lgl", "lgl.xml"}, {"geovirus", "GeoVirus.xml"}} {
		p := shared.Need(t, "data", "gold", "geoparsing_lgl_geovirus", c.file)
		ms, err := EvalGeo(p, c.kind)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			t.Logf("%s  %s", m, m.Note)
		}
		// floors well under the measured figures: a regression alarm, not the target
		floor := map[string]float64{"acc161": 0.84, "country": 0.94, "recall": 0.85, "precision": 0.83}
		for _, m := range ms {
			if f, ok := floor[m.Name]; ok && m.Value < f {
				t.Errorf("%s %s = %.3f fell below %.2f", m.Set, m.Name, m.Value, f)
			}
		}
	}
}
