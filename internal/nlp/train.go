package nlp

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/nlp/lemma"
	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/ner"
	"github.com/eventwire/eventwire/internal/nlp/parser"
	"github.com/eventwire/eventwire/internal/nlp/tagger"
)

// TrainOptions say where the treebanks are and where the model files go.
type TrainOptions struct {
	Data   string       // folder holding en_ewt/, en_gum/, uner_en_ewt/
	Out    string       // folder to write model files into
	Seed   uint64       // training seed (deterministic for a given seed)
	Epochs int          // 0 = the model's default
	Log    func(string) // progress lines, may be nil
}

func (o TrainOptions) logf(format string, a ...any) {
	if o.Log != nil {
		o.Log(fmt.Sprintf(format, a...))
	}
}

// isHeldOut reports whether a GUM document must stay out of training: the
// news documents are an evaluation set of their own.
func isHeldOut(doc string) bool { return strings.HasPrefix(doc, "GUM_news_") }

// loadTreebanks reads EWT train and GUM train (without GUM news).
func loadTreebanks(data string) ([]conllu.Sentence, error) {
	ewt, err := conllu.ReadFile(filepath.Join(data, "en_ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, err
	}
	gum, err := conllu.ReadFile(filepath.Join(data, "en_gum", "en_gum-ud-train.conllu"))
	if err != nil {
		return nil, err
	}
	out := ewt
	for _, s := range gum {
		if !isHeldOut(s.Doc) {
			out = append(out, s)
		}
	}
	return out, nil
}

func writeFile(dir, name string, write func(*bytes.Buffer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
}

func taggerExamples(meta tagger.Meta, sents []conllu.Sentence) []tagger.Example {
	idx := map[string]int{}
	byX := map[string]int{}
	for k := range meta.UPOS {
		idx[meta.UPOS[k]+"\t"+meta.XPOS[k]] = k
		if _, ok := byX[meta.XPOS[k]]; !ok {
			byX[meta.XPOS[k]] = k
		}
	}
	out := make([]tagger.Example, len(sents))
	for i, s := range sents {
		ex := tagger.Example{Forms: s.Forms(), Classes: make([]int, len(s.Words))}
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

const taggerMinQ = 24

// TrainTagger trains the tagger and the lemmatizer and writes tagger.json,
// tagger.lm.gz and lemma.tsv.gz into o.Out.
func TrainTagger(o TrainOptions) error {
	start := time.Now()
	sents, err := loadTreebanks(o.Data)
	if err != nil {
		return err
	}
	meta := taggerMeta(sents)
	m, err := tagger.Train(meta, taggerExamples(meta, sents), tagger.Options{Epochs: o.Epochs, Bits: 20, Seed: o.Seed, MinQ: taggerMinQ, Log: o.Log})
	if err != nil {
		return err
	}
	if err := writeFile(o.Out, "tagger.json", func(b *bytes.Buffer) error { return m.WriteMeta(b) }); err != nil {
		return err
	}
	if err := writeFile(o.Out, "tagger.lm.gz", func(b *bytes.Buffer) error { return m.Weights().(*linear.Model).Write(b) }); err != nil {
		return err
	}
	o.logf("tagger: %d classes, %d weights, trained in %s", m.Classes(), m.Weights().(*linear.Model).NNZ(), time.Since(start).Round(time.Second))
	var items []lemma.Item
	for _, s := range sents {
		for _, w := range s.Words {
			items = append(items, lemma.Item{Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS, Lemma: w.Lemma})
		}
	}
	lx := lemma.Train(items)
	if err := writeFile(o.Out, "lemma.tsv.gz", func(b *bytes.Buffer) error { return lx.Write(b) }); err != nil {
		return err
	}
	o.logf("lemma: %d rules, %d exceptions", lx.Rules(), lx.Exceptions())
	return nil
}

func taggerMeta(sents []conllu.Sentence) tagger.Meta {
	pairs := map[[2]string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			pairs[[2]string{w.UPOS, w.XPOS}]++
		}
	}
	return tagger.ClassSet(pairs, 2)
}

// jackknifeTags tags every training sentence with a tagger trained on the
// other folds, so the parser learns from realistic (imperfect) tags.
func jackknifeTags(meta tagger.Meta, sents []conllu.Sentence, folds int, o TrainOptions) [][]int {
	out := make([][]int, len(sents))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := 0; f < folds; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []conllu.Sentence
			for i, s := range sents {
				if i%folds != f {
					train = append(train, s)
				}
			}
			oo := o
			oo.Seed = o.Seed + uint64(f) + 1
			m, err := tagger.Train(meta, taggerExamples(meta, train), tagger.Options{Epochs: o.Epochs, Bits: 20, Seed: oo.Seed, MinQ: taggerMinQ})
			if err != nil {
				return
			}
			for i := range sents {
				if i%folds == f {
					out[i] = m.Tag(sents[i].Forms(), nil)
				}
			}
			o.logf("jackknife fold %d/%d done", f+1, folds)
		}(f)
	}
	wg.Wait()
	return out
}

// TrainParser trains the dependency parser on jackknifed tags and writes
// parser.json and parser.lm.gz into o.Out.
func TrainParser(o TrainOptions) error {
	start := time.Now()
	sents, err := loadTreebanks(o.Data)
	if err != nil {
		return err
	}
	meta := taggerMeta(sents)
	tags := jackknifeTags(meta, sents, 4, o)
	labIdx := map[string]int{}
	var pm parser.Meta
	for _, s := range sents {
		for _, w := range s.Words {
			if _, ok := labIdx[w.Deprel]; !ok {
				labIdx[w.Deprel] = -1
			}
		}
	}
	for l := range labIdx {
		pm.Labels = append(pm.Labels, l)
	}
	sort.Strings(pm.Labels)
	for i, l := range pm.Labels {
		labIdx[l] = i
	}
	for k := range meta.UPOS {
		pm.Tags = append(pm.Tags, meta.UPOS[k]+"\t"+meta.XPOS[k])
	}
	var data []parser.Example
	for i, s := range sents {
		if tags[i] == nil {
			return fmt.Errorf("parser: jackknife tagging failed")
		}
		ex := parser.Example{Forms: s.Forms(), Tags: tags[i]}
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
	o.logf("parser: %d sentences, %d labels, tags ready after %s", len(data), len(pm.Labels), time.Since(start).Round(time.Second))
	m, err := parser.Train(pm, data, parser.Options{Epochs: o.parserEpochs(), Bits: 21, Seed: o.Seed, MinQ: parserMinQ, Explore: 0.9, Log: o.Log})
	if err != nil {
		return err
	}
	if err := writeFile(o.Out, "parser.json", func(b *bytes.Buffer) error { return m.WriteMeta(b) }); err != nil {
		return err
	}
	if err := writeFile(o.Out, "parser.lm.gz", func(b *bytes.Buffer) error { return m.Weights().(*linear.Model).Write(b) }); err != nil {
		return err
	}
	o.logf("parser: %d weights, trained in %s", m.Weights().(*linear.Model).NNZ(), time.Since(start).Round(time.Second))
	return nil
}

const parserMinQ = 400

func (o TrainOptions) parserEpochs() int {
	if o.Epochs > 0 {
		return o.Epochs
	}
	return 12
}

// loadTagger reads the tagger written into dir by TrainTagger.
func loadTagger(dir string) (*tagger.Model, error) {
	fm, err := os.Open(filepath.Join(dir, "tagger.json"))
	if err != nil {
		return nil, fmt.Errorf("train the tagger first: %w", err)
	}
	defer fm.Close()
	fw, err := os.Open(filepath.Join(dir, "tagger.lm.gz"))
	if err != nil {
		return nil, fmt.Errorf("train the tagger first: %w", err)
	}
	defer fw.Close()
	return tagger.Load(fm, fw)
}

// nerTrainingData gathers GUM entity mentions (train, dev and test, without
// GUM news) and UNER EWT dev (twice: it is the only data in UNER's style).
func nerTrainingData(data string) ([]nerSent, error) {
	var out []nerSent
	for _, f := range []string{"train", "dev", "test"} {
		ss, err := conllu.ReadFile(filepath.Join(data, "en_gum", "en_gum-ud-"+f+".conllu"))
		if err != nil {
			return nil, err
		}
		for i := range ss {
			if !isHeldOut(ss[i].Doc) {
				out = append(out, gumNER(&ss[i]))
			}
		}
	}
	dev, err := readIOB2(filepath.Join(data, "uner_en_ewt", "en_ewt-ud-dev.iob2"))
	if err != nil {
		return nil, err
	}
	out = append(out, dev...)
	out = append(out, dev...)
	return out, nil
}

// TrainNER trains the NER model (needs the tagger in o.Out) and writes
// ner.json and ner.lm.gz into o.Out.
func TrainNER(o TrainOptions) error {
	start := time.Now()
	tg, err := loadTagger(o.Out)
	if err != nil {
		return err
	}
	sents, err := nerTrainingData(o.Data)
	if err != nil {
		return err
	}
	meta := ner.Meta{Labels: ner.DefaultLabels}
	for k := range tg.UPOS {
		meta.Tags = append(meta.Tags, tg.UPOS[k]+"\t"+tg.XPOS[k])
	}
	idx := map[string]int{}
	for k, l := range meta.Labels {
		idx[l] = k
	}
	data := make([]ner.Example, 0, len(sents))
	for _, s := range sents {
		ex := ner.Example{Forms: s.Forms, Tags: tg.Tag(s.Forms, nil), Labels: make([]int, len(s.Forms))}
		for i, l := range s.Labels {
			ex.Labels[i] = idx[l] // unknown types count as O
		}
		data = append(data, ex)
	}
	o.logf("ner: %d sentences", len(data))
	m, err := ner.Train(meta, data, ner.Options{Epochs: o.Epochs, Bits: 20, Seed: o.Seed, MinQ: nerMinQ, Log: o.Log})
	if err != nil {
		return err
	}
	if err := writeFile(o.Out, "ner.json", func(b *bytes.Buffer) error { return m.WriteMeta(b) }); err != nil {
		return err
	}
	if err := writeFile(o.Out, "ner.lm.gz", func(b *bytes.Buffer) error { return m.Weights().(*linear.Model).Write(b) }); err != nil {
		return err
	}
	o.logf("ner: %d weights, trained in %s", m.Weights().(*linear.Model).NNZ(), time.Since(start).Round(time.Second))
	return nil
}

const nerMinQ = 24
