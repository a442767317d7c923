//go:build long

package nlp

import (
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

// go test -tags long -run TestEval ./internal/nlp/ -v
func TestEval(t *testing.T) {
	ud := shared.Need(t, "data", "ud")
	for _, f := range []string{"en_ewt/en_ewt-ud-test.conllu", "en_ewt/en_ewt-ud-dev.conllu"} {
		ms, err := EvalUD(ud + "/" + f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			t.Log(m.String(), "target", m.Target)
		}
	}
	ms, err := EvalNER(ud + "/uner_en_ewt/en_ewt-ud-test.iob2")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Log(m.String(), "target", m.Target)
	}
	if dir := shared.Path("data", "gold", "gum_news", "conllu"); dir != "" {
		files, _ := filepath.Glob(dir + "/*.conllu")
		p, _ := Default()
		ms, err := p.EvalNERGUM("gum_news", files...)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			t.Log(m.String())
		}
	}
}
