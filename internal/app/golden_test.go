package app

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestExtractGolden")

// TestExtractGolden runs `extract` on every sample file and compares the
// JSON with testdata/golden/<file>.jsonl. After an intended change to the
// pipeline, regenerate with: go test ./internal/app -run TestExtractGolden -update
func TestExtractGolden(t *testing.T) {
	// A relative path keeps the documents' "origin" the same on every machine.
	files, err := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			out, _, err := run(t, "extract", f)
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".jsonl")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if bytes.Equal(want, []byte(out)) {
				return
			}
			// Show a structural diff of the first differing document.
			g, w := strings.Split(strings.TrimSpace(out), "\n"), strings.Split(strings.TrimSpace(string(want)), "\n")
			for i := 0; i < len(g) && i < len(w); i++ {
				var gv, wv any
				json.Unmarshal([]byte(g[i]), &gv)
				json.Unmarshal([]byte(w[i]), &wv)
				if d := cmp.Diff(wv, gv); d != "" {
					t.Fatalf("document %d differs from %s (-want +got):\n%s", i, golden, d)
				}
			}
			t.Fatalf("%s: %d documents, golden has %d", name, len(g), len(w))
		})
	}
}
