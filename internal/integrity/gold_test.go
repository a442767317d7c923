package integrity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/internal/timex"
)

// TestGoldFlags checks recall of the contradiction flags listed in the gold
// articles and the seed (boilerplate needs the cleaner; quotes' flags are
// tested in quotes).
func TestGoldFlags(t *testing.T) {
	var files []string
	if p := shared.Path("seed", "obama-hollande.gold.json"); p != "" {
		files = append(files, p)
	}
	dir := shared.Need(t, "data", "articles")
	more, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	files = append(files, more...)
	want, got, extra := 0, 0, 0
	for _, f := range files {
		var g struct {
			File    string `json:"file"`
			PubDate string `json:"pubdate"`
			Flags   []struct {
				Kind string `json:"kind"`
			} `json:"flags"`
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		txt, err := os.ReadFile(filepath.Join(filepath.Dir(f), g.File))
		if err != nil {
			t.Fatal(err)
		}
		d := &doc.Document{Text: string(txt), PubDate: g.PubDate}
		timex.Extract(d)
		Check(d, nil)
		n := 0
		for _, fl := range g.Flags {
			if fl.Kind == string(doc.FlagContradiction) {
				n++
			}
		}
		have := len(kinds(d, doc.FlagContradiction))
		want += n
		if have >= n {
			got += n
			extra += have - n
		} else {
			got += have
		}
		for _, fl := range d.Flags {
			t.Logf("%s: %s %q", filepath.Base(f), fl.Kind, fl.Message)
		}
	}
	t.Logf("gold contradictions: %d/%d found, %d extra", got, want, extra)
	if got != want || extra > 0 {
		t.Errorf("contradictions %d/%d, extra %d", got, want, extra)
	}
}
