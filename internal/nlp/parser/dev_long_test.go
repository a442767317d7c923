//go:build long

package parser

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/shared"
)

func envInt(k string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return v
	}
	return def
}

// TestParserDev trains a parser in memory on the training treebanks with
// the cached jackknifed tags in $TAGS (see tagger's TestJackknifeCache) and
// scores it on EWT dev with the cached predicted dev tags.
func TestParserDev(t *testing.T) {
	tagFile := os.Getenv("TAGS")
	if tagFile == "" {
		t.Skip("TAGS not set")
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
	dev, err := conllu.ReadFile(filepath.Join(ud, "en_ewt", "en_ewt-ud-dev.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(tagFile)
	if err != nil {
		t.Fatal(err)
	}
	trainPart, devPart, _ := strings.Cut(string(raw), "#dev\n")
	parse := func(s string) [][]int {
		var out [][]int
		for _, ln := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
			var ts []int
			for _, f := range strings.Fields(ln) {
				k, _ := strconv.Atoi(f)
				ts = append(ts, k)
			}
			out = append(out, ts)
		}
		return out
	}
	trTags, devTags := parse(trainPart), parse(devPart)
	if len(trTags) != len(sents) || len(devTags) != len(dev) {
		t.Fatalf("tag cache: %d/%d train, %d/%d dev", len(trTags), len(sents), len(devTags), len(dev))
	}
	labIdx := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			labIdx[w.Deprel] = 0
		}
	}
	meta := Meta{Features: envInt("FEATS", 2)}
	for l := range labIdx {
		meta.Labels = append(meta.Labels, l)
	}
	sort.Strings(meta.Labels)
	for i, l := range meta.Labels {
		labIdx[l] = i
	}
	var data []Example
	for i, s := range sents {
		ex := Example{Forms: s.Forms(), Tags: trTags[i]}
		ok := true
		for _, w := range s.Words {
			if w.Head < 0 {
				ok = false
				break
			}
			ex.Heads = append(ex.Heads, w.Head)
			ex.Labels = append(ex.Labels, labIdx[w.Deprel])
		}
		if ok {
			data = append(data, ex)
		}
	}
	start := time.Now()
	m, err := Train(meta, data, Options{Epochs: envInt("EPOCHS", 12), Bits: uint(envInt("BITS", 21)), Seed: 1, MinQ: 1, Explore: float64(envInt("EXPLORE", 90)) / 100, Log: func(s string) { t.Log(s) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %s", time.Since(start).Round(time.Second))
	full := m.lm.(*linear.Model)
	for _, q := range []int{1, 100, 200, 400} {
		pm, _ := New(meta, full.Prune(q))
		var n, ua, la int
		var h, l []int
		for i, s := range dev {
			h, l = pm.Parse(s.Forms(), devTags[i], h, l)
			for j, w := range s.Words {
				n++
				if h[j] == w.Head {
					ua++
					if meta.Labels[l[j]] == w.Deprel {
						la++
					}
				}
			}
		}
		t.Logf("minQ %d: %d weights: EWT dev UAS %.4f LAS %.4f", q, pm.lm.(*linear.Model).NNZ(), float64(ua)/float64(n), float64(la)/float64(n))
	}
}
