//go:build long

package nlp

import (
	"fmt"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

// TestNERDir scores the models in $EW_MODELS (default: the embedded ones)
// on UNER EWT test and GUM news:
//
//	EW_MODELS=/tmp/m go test -tags long -run TestNERDir -v ./internal/nlp/
func TestNERDir(t *testing.T) {
	ud := shared.Need(t, "data", "ud")
	p, err := Default()
	if dir := os.Getenv("EW_MODELS"); dir != "" {
		p, err = Load(os.DirFS(dir))
	}
	if err != nil {
		t.Fatal(err)
	}
	ms, err := p.EvalNER(ud + "/uner_en_ewt/en_ewt-ud-test.iob2")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Log(m.String())
	}
	if dir := shared.Path("data", "gold", "gum_news", "conllu"); dir != "" {
		files, _ := filepath.Glob(dir + "/*.conllu")
		ms, err := p.EvalNERGUM("gum_news", files...)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			t.Log(m.String())
		}
	}
}

// TestNERErrors writes the UNER test sentences with wrong mentions to
// $EW_NER_ERRS (gold and predicted spans).
func TestNERErrors(t *testing.T) {
	out := os.Getenv("EW_NER_ERRS")
	if out == "" {
		t.Skip("EW_NER_ERRS not set")
	}
	ud := shared.Need(t, "data", "ud")
	p, err := Default()
	if dir := os.Getenv("EW_MODELS"); dir != "" {
		p, err = Load(os.DirFS(dir))
	}
	if err != nil {
		t.Fatal(err)
	}
	sents, err := readIOB2(ud + "/uner_en_ewt/en_ewt-ud-test.iob2")
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("EW_NER_SET") == "gum_news" {
		sents = nil
		files, _ := filepath.Glob(shared.Path("data", "gold", "gum_news", "conllu") + "/*.conllu")
		for _, path := range files {
			ss, err := conllu.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := range ss {
				sents = append(sents, gumNER(&ss[i]))
			}
		}
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range sents {
		toks := make([]doc.Token, len(s.Forms))
		for i, w := range s.Forms {
			toks[i] = doc.Token{Form: w}
		}
		ds := doc.Sentence{Tokens: toks}
		p.Annotate("", &ds)
		pred := make([]string, len(toks))
		for i, tk := range ds.Tokens {
			pred[i] = tk.NER
		}
		g, pr := bioSpans(s.Labels), bioSpans(pred)
		show := func(sp span3) string { return sp.typ + ":" + strings.Join(s.Forms[sp.a:sp.b], " ") }
		var lines []string
		for sp := range pr {
			if !g[sp] {
				lines = append(lines, "FP "+show(sp))
			}
		}
		for sp := range g {
			if !pr[sp] {
				lines = append(lines, "FN "+show(sp))
			}
		}
		if len(lines) > 0 {
			sort.Strings(lines)
			fmt.Fprintf(f, "%s\n  %s\n", strings.Join(s.Forms, " "), strings.Join(lines, "\n  "))
		}
	}
}
