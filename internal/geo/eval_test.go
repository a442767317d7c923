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
		for _, m := range ms {
			if m.Name == "country" && m.Value < 0.5 {
				t.Errorf("%s: country accuracy %.3f collapsed", m.Set, m.Value)
			}
		}
	}
}
