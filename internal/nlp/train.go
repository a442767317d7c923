package nlp

import (
	"bytes"
	"fmt"
	"math/rand/v2"
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
	// The tagger's external lexicon: a spelling word list and a WordNet
	// database folder (Debian packages wamerican and wordnet-base); empty
	// means the Debian locations.
	WordList, WordNet string
}

// lexicon reads the tagger's external lexicon.
func (o TrainOptions) lexicon() (tagger.Lexicon, error) {
	wl, wn := o.WordList, o.WordNet
	if wl == "" {
		wl = "/usr/share/dict/american-english"
	}
	if wn == "" {
		wn = "/usr/share/wordnet"
	}
	lex, err := tagger.ReadLexicon(wl, wn)
	if err != nil {
		return nil, fmt.Errorf("%w (apt-get install wamerican wordnet-base)", err)
	}
	return lex, nil
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

// taggerOptions are the tagger's training options, shared by TrainTagger
// and the parser's jackknifing so the parser learns from the tags of the
// same kind of tagger it will get.
func (o TrainOptions) taggerOptions(lex tagger.Lexicon, seed uint64, log func(string)) tagger.Options {
	return tagger.Options{Epochs: o.Epochs, Bits: taggerBits, Seed: seed, MinQ: taggerMinQ, Log: log, Lexicon: lex}
}

const taggerBits = 20

// TrainTagger trains the tagger and the lemmatizer and writes tagger.json,
// tagger.lm.gz and lemma.tsv.gz into o.Out.
func TrainTagger(o TrainOptions) error {
	start := time.Now()
	sents, err := loadTreebanks(o.Data)
	if err != nil {
		return err
	}
	meta := taggerMeta(sents)
	lex, err := o.lexicon()
	if err != nil {
		return err
	}
	m, err := tagger.Train(meta, taggerExamples(meta, sents), o.taggerOptions(lex, o.Seed, o.Log))
	if err != nil {
		return err
	}
	if err := writeFile(o.Out, "tagger.json", func(b *bytes.Buffer) error { return m.WriteMeta(b) }); err != nil {
		return err
	}
	if err := writeFile(o.Out, "tagger.lm.gz", func(b *bytes.Buffer) error { return m.WriteWeights(b) }); err != nil {
		return err
	}
	o.logf("tagger: %d classes, %d passes, %d weights, trained in %s", m.Classes(), m.Passes(), m.NNZ(), time.Since(start).Round(time.Second))
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
func jackknifeTags(meta tagger.Meta, sents []conllu.Sentence, folds int, o TrainOptions) ([][]int, error) {
	lex, err := o.lexicon()
	if err != nil {
		return nil, err
	}
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
			m, err := tagger.Train(meta, taggerExamples(meta, train), o.taggerOptions(lex, oo.Seed, nil))
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
	return out, nil
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
	tags, err := jackknifeTags(meta, sents, parserFolds, o)
	if err != nil {
		return err
	}
	labIdx := map[string]int{}
	pm := parser.Meta{Features: 2}
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

// parserFolds is the number of jackknife folds for the parser's training
// tags: two keeps training time in bounds now that every fold trains a
// two-pass tagger (which jackknifes its own first pass).
const parserFolds = 2

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

// nerDevCopies is how often UNER EWT dev is repeated in the NER training
// data: it is the only data annotated in UNER's own conventions.
const nerDevCopies = 2

// nerEnsemble is how many models (seeds) are averaged into the NER.
const nerEnsemble = 3

// nerWordDropout is the share of training words whose identity features
// are dropped (see ner.Options).
const nerWordDropout = 0.3

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
	for k := 0; k < nerDevCopies; k++ {
		out = append(out, dev...)
	}
	return out, nil
}

// TrainNER trains the NER model (needs the tagger in o.Out, and uses the
// gazetteer ner.gaz.gz found there) and writes ner.json and ner.lm.gz into
// o.Out.
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
	opt := ner.Options{Epochs: o.Epochs, Bits: 20, Seed: o.Seed, MinQ: nerMinQ, WordDropout: nerWordDropout, Ensemble: nerEnsemble, Log: o.Log}
	if f, err := os.Open(filepath.Join(o.Out, "ner.gaz.gz")); err == nil {
		opt.Gazetteer, opt.GazSum, err = ner.ReadGazetteer(f)
		f.Close()
		if err != nil {
			return err
		}
		o.logf("ner: gazetteer of %d names", opt.Gazetteer.Len())
	}
	meta := ner.Meta{Labels: ner.DefaultLabels}
	for k := range tg.UPOS {
		meta.Tags = append(meta.Tags, tg.UPOS[k]+"\t"+tg.XPOS[k])
	}
	data := nerExamples(meta, tg, augmentCase(sents, o.Seed))
	o.logf("ner: %d sentences", len(data))
	m, err := ner.Train(meta, data, opt)
	if err != nil {
		return err
	}
	gold := len(data)
	for r := 0; r < nerSelfTrain; r++ {
		// Self-training: the latest model labels the raw text of EWT train
		// (the web genres of the evaluation set; no annotation of it is
		// read but the words), and a new model learns from the gold data
		// and these labels.
		silver, err := nerSilver(o.Data, m, tg)
		if err != nil {
			return err
		}
		o.logf("ner: self-training round %d on %d sentences of EWT train text", r+1, len(silver))
		data = append(data[:gold], silver...)
		if m, err = ner.Train(meta, data, opt); err != nil {
			return err
		}
	}
	if err := writeFile(o.Out, "ner.json", func(b *bytes.Buffer) error { return m.WriteMeta(b) }); err != nil {
		return err
	}
	if err := writeFile(o.Out, "ner.lm.gz", func(b *bytes.Buffer) error { return m.WriteWeights(b) }); err != nil {
		return err
	}
	o.logf("ner: %d weights, trained in %s", m.NNZ(), time.Since(start).Round(time.Second))
	return nil
}

// Shares of training sentences added again in lower case and in upper
// case: web text and headlines often are.
const (
	nerLowerShare = 0.15
	nerUpperShare = 0.05
)

// augmentCase appends lower-cased and upper-cased copies of a random
// (seeded) share of the sentences that hold a mention.
func augmentCase(sents []nerSent, seed uint64) []nerSent {
	rng := rand.New(rand.NewPCG(seed, 0xca5e))
	out := sents
	for _, s := range sents {
		has := false
		for _, l := range s.Labels {
			has = has || l != "O"
		}
		if !has {
			continue
		}
		r := rng.Float64()
		var f func(string) string
		switch {
		case r < nerLowerShare:
			f = strings.ToLower
		case r < nerLowerShare+nerUpperShare:
			f = strings.ToUpper
		default:
			continue
		}
		c := nerSent{ID: s.ID, Labels: s.Labels, Forms: make([]string, len(s.Forms))}
		for i, w := range s.Forms {
			c.Forms[i] = f(w)
		}
		out = append(out, c)
	}
	return out
}

// nerSelfTrain is the number of self-training rounds: each relabels the
// EWT train text with the latest model and trains a new one on the gold
// data plus those labels (0: no self-training).
const nerSelfTrain = 2

// nerSilver labels the sentences of EWT train with m, document by
// document.
func nerSilver(data string, m *ner.Model, tg *tagger.Model) ([]ner.Example, error) {
	ss, err := conllu.ReadFile(filepath.Join(data, "en_ewt", "en_ewt-ud-train.conllu"))
	if err != nil {
		return nil, err
	}
	var out []ner.Example
	for a := 0; a < len(ss); {
		b := a + 1
		for b < len(ss) && ss[b].Doc == ss[a].Doc && ss[a].Doc != "" {
			b++
		}
		forms := make([][]string, b-a)
		tags := make([][]int, b-a)
		for k := range forms {
			forms[k] = ss[a+k].Forms()
			tags[k] = tg.Tag(forms[k], nil)
		}
		labels := m.TagDocument(forms, tags)
		for k := range forms {
			out = append(out, ner.Example{Forms: forms[k], Tags: tags[k], Labels: labels[k]})
		}
		a = b
	}
	return out, nil
}

// nerExamples tags the sentences and turns their BIO labels into label
// indices; unknown types count as O and an I- label that does not continue
// a mention of its type starts one.
func nerExamples(meta ner.Meta, tg *tagger.Model, sents []nerSent) []ner.Example {
	idx := map[string]int{}
	for k, l := range meta.Labels {
		idx[l] = k
	}
	data := make([]ner.Example, 0, len(sents))
	for _, s := range sents {
		ex := ner.Example{Forms: s.Forms, Tags: tg.Tag(s.Forms, nil), Labels: make([]int, len(s.Forms))}
		prev := "O"
		for i, l := range s.Labels {
			if _, ok := idx[l]; !ok {
				l = "O"
			}
			if strings.HasPrefix(l, "I-") && prev[min(2, len(prev)):] != l[2:] {
				l = "B-" + l[2:]
			}
			ex.Labels[i] = idx[l]
			prev = l
		}
		data = append(data, ex)
	}
	return data
}

const nerMinQ = 24
