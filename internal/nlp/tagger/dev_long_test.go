//go:build long

package tagger

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/shared"
)

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}

func examples(meta Meta, sents []conllu.Sentence) []Example {
	idx := map[string]int{}
	for k := range meta.UPOS {
		idx[meta.UPOS[k]+"\t"+meta.XPOS[k]] = k
	}
	out := make([]Example, len(sents))
	for i, s := range sents {
		ex := Example{Forms: s.Forms(), Classes: make([]int, len(s.Words))}
		for j, w := range s.Words {
			k, ok := idx[w.UPOS+"\t"+w.XPOS]
			if !ok {
				k = -1
			}
			ex.Classes[j] = k
		}
		out[i] = ex
	}
	return out
}

// TestTaggerDev trains a tagger in memory on EWT train (+ GUM train without
// GUM_news_*, unless EWT_ONLY is set) and scores it on EWT dev: model
// selection without touching the test set.
//
//	go test -tags long -run TestTaggerDev -v ./internal/nlp/tagger/
func TestTaggerDev(t *testing.T) {
	ud := shared.Need(t, "data", "ud")
	sents, err := conllu.ReadFile(filepath.Join(ud, "en_ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("EWT_ONLY") == "" {
		gum, err := conllu.ReadFile(filepath.Join(ud, "en_gum", "en_gum-ud-train.conllu"))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range gum {
			if !strings.HasPrefix(s.Doc, "GUM_news_") {
				sents = append(sents, s)
			}
		}
	}
	pairs := map[[2]string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			pairs[[2]string{w.UPOS, w.XPOS}]++
		}
	}
	meta := ClassSet(pairs, 2)
	var lex Lexicon
	if os.Getenv("LEX") != "" {
		lex, err = ReadLexicon("/usr/share/dict/american-english", "/usr/share/wordnet")
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("lexicon: %d words", len(lex))
	}
	start := time.Now()
	m, err := Train(meta, examples(meta, sents), Options{Lexicon: lex, Epochs: envInt("EPOCHS", 10), Bits: uint(envInt("BITS", 20)), Seed: 1, MinQ: envInt("MINQ", 24), OnePass: os.Getenv("ONEPASS") != "", DictMin: envInt("DICTMIN", 2), Log: func(s string) { t.Log(s) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %s, %d weights, %d dictionary words", time.Since(start).Round(time.Second), m.NNZ(), m.dict.Len())
	dev, err := conllu.ReadFile(filepath.Join(ud, "en_ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	var n, u, x int
	conf := map[string]int{}
	for _, s := range dev {
		tags := m.Tag(s.Forms(), nil)
		for i, w := range s.Words {
			n++
			if m.UPOS[tags[i]] == w.UPOS {
				u++
			} else {
				conf[w.UPOS+">"+m.UPOS[tags[i]]]++
				conf[w.UPOS+">"+m.UPOS[tags[i]]+" "+strings.ToLower(w.Form)]++
			}
			if m.XPOS[tags[i]] == w.XPOS {
				x++
			}
		}
	}
	t.Logf("EWT dev UPOS %.4f XPOS %.4f", float64(u)/float64(n), float64(x)/float64(n))
	if os.Getenv("CONF") != "" {
		var keys []string
		for k := range conf {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			return conf[keys[i]] > conf[keys[j]] || conf[keys[i]] == conf[keys[j]] && keys[i] < keys[j]
		})
		for _, k := range keys[:min(60, len(keys))] {
			t.Logf("%5d %s", conf[k], k)
		}
	}
}

// TestJackknifeCache writes 4-fold jackknifed tags of the training
// sentences and tags of EWT dev from a full model into $JKOUT (one line of
// class ids per sentence), for parser experiments.
func TestJackknifeCache(t *testing.T) {
	out := os.Getenv("JKOUT")
	if out == "" {
		t.Skip("JKOUT not set")
	}
	ud := shared.Need(t, "data", "ud")
	sents, err := conllu.ReadFile(filepath.Join(ud, "en_ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	gum, err := conllu.ReadFile(filepath.Join(ud, "en_gum", "en_gum-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range gum {
		if !strings.HasPrefix(s.Doc, "GUM_news_") {
			sents = append(sents, s)
		}
	}
	pairs := map[[2]string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			pairs[[2]string{w.UPOS, w.XPOS}]++
		}
	}
	meta := ClassSet(pairs, 2)
	o := Options{Epochs: envInt("EPOCHS", 10), Bits: uint(envInt("BITS", 20)), Seed: 1, MinQ: envInt("MINQ", 24), OnePass: os.Getenv("ONEPASS") != "", DictMin: envInt("DICTMIN", 2)}
	if os.Getenv("LEX") != "" {
		if o.Lexicon, err = ReadLexicon("/usr/share/dict/american-english", "/usr/share/wordnet"); err != nil {
			t.Fatal(err)
		}
	}
	data := examples(meta, sents)
	tags := make([][]int, len(data))
	const folds = 4
	for f := 0; f < folds; f++ {
		var train []Example
		for i := range data {
			if i%folds != f {
				train = append(train, data[i])
			}
		}
		oo := o
		oo.Seed = o.Seed + uint64(f) + 1
		m, err := Train(meta, train, oo)
		if err != nil {
			t.Fatal(err)
		}
		for i := range data {
			if i%folds == f {
				tags[i] = m.Tag(data[i].Forms, nil)
			}
		}
		t.Logf("fold %d done", f+1)
	}
	m, err := Train(meta, data, o)
	if err != nil {
		t.Fatal(err)
	}
	dev, err := conllu.ReadFile(filepath.Join(ud, "en_ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	line := func(ts []int) {
		for i, k := range ts {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strconv.Itoa(k))
		}
		b.WriteByte('\n')
	}
	for _, ts := range tags {
		line(ts)
	}
	b.WriteString("#dev\n")
	for _, s := range dev {
		line(m.Tag(s.Forms(), nil))
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
