// Package tagger is a greedy left-to-right part-of-speech tagger: an averaged
// perceptron over hashed lexical, affix, shape and previous-tag features that
// predicts a joint UPOS+XPOS (Penn Treebank) class per word.
package tagger

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"

	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

// Meta describes the classes of a trained model.
type Meta struct {
	UPOS []string `json:"upos"` // per class
	XPOS []string `json:"xpos"` // per class
	// Features is the feature-set version: 0 the first release's templates
	// (one pass), 2 the richer lexical, dictionary, lexicon and casing
	// templates (with an optional second pass).
	Features int `json:"features,omitempty"`
}

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	Meta
	passes []linear.Scorer // first pass, then optional second pass
	dict   *Dict
	pool   sync.Pool
}

type scratch struct {
	words  []wordfeat.Word
	amb    []int
	lx     []int
	first  []int
	feats  []uint64
	scores []float32
}

// New wraps one scorer per pass (one or two), the ambiguity-class
// dictionary (nil = none) and the class meta data.
func New(meta Meta, dict *Dict, passes ...linear.Scorer) (*Model, error) {
	if len(passes) < 1 || len(passes) > 2 || len(passes) > 1 && meta.Features < 2 {
		return nil, fmt.Errorf("tagger: %d passes with feature set %d", len(passes), meta.Features)
	}
	for _, lm := range passes {
		if len(meta.UPOS) != len(meta.XPOS) || len(meta.UPOS) != lm.Classes() {
			return nil, fmt.Errorf("tagger: %d UPOS / %d XPOS names for %d classes", len(meta.UPOS), len(meta.XPOS), lm.Classes())
		}
	}
	if dict == nil {
		dict = &Dict{}
	}
	m := &Model{Meta: meta, passes: passes, dict: dict}
	m.pool.New = func() any { return &scratch{scores: make([]float32, len(meta.UPOS))} }
	return m, nil
}

// Load reads a model from its meta (JSON) and weights (written by
// WriteWeights; a single linear model file is read as a one-pass tagger
// without dictionary).
func Load(meta, weights io.Reader) (*Model, error) {
	var md Meta
	if err := json.NewDecoder(meta).Decode(&md); err != nil {
		return nil, fmt.Errorf("tagger: meta: %w", err)
	}
	dict, passes, err := readWeights(weights)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return New(md, dict, passes...)
}

// Classes is the number of joint tags.
func (m *Model) Classes() int { return len(m.UPOS) }

const (
	tBias = iota + 100
	tW0
	tRaw0
	tWm1
	tWp1
	tWm2
	tWp2
	tSuf
	tPre
	tShape
	tT1
	tT2
	tT12
	tT1W0
	tWm1W0
	tW0Wp1
	tSufm1
	tSufp1
	tShapep1
	tShapem1
	tFirstShape
	tFlags
	tT1Suf
	tLen
	// richer lexical context
	tHyFirst
	tHyLast
	tAmb0
	tAmbp1
	tAmbp2
	tAmbm1
	tAmb0T1
	tAmb0Ambp1
	tT1Wp1
	tWp1Wp2
	tWm2Wm1
	tShape3
	tAmb0W0
	tT2T1W0
	// second pass: tags predicted by the first pass on the right
	tR1
	tR2
	tR1R2
	tT1R1
	tW0R1
	tAmb0R1
	tR1Wp1
	tSufR1
	tT1W0R1
	tAmb0T1R1
	// sentence casing profile
	tCase
	tCaseW0
	// external lexicon
	tLex
	tLexCaps
	tLexSuf
	tLexT1
	tLexp1
	tLexm1
	tLexAmb
)

// caseProfile classifies a sentence's casing: 0 normal, 1 mostly
// lowercase (no capitals even where expected), 2 headline-style title case,
// 3 all capitals.
func caseProfile(ws []wordfeat.Word) int {
	var alpha, title, upper int
	for i := range ws {
		w := &ws[i]
		if w.Flags&wordfeat.HasLetter == 0 || w.Len < 2 {
			continue
		}
		alpha++
		if w.Flags&wordfeat.AllUpper != 0 {
			upper++
		} else if w.Flags&wordfeat.TitleCase != 0 {
			title++
		}
	}
	switch {
	case alpha >= 3 && upper*10 >= alpha*8:
		return 3
	case alpha >= 3 && title*10 >= alpha*6:
		return 2
	case alpha >= 4 && title+upper == 0:
		return 1
	}
	return 0
}

func word(ws []wordfeat.Word, i int) *wordfeat.Word {
	if i < 0 || i >= len(ws) {
		return &wordfeat.Pad
	}
	return &ws[i]
}

func ambAt(amb []int, i int) int {
	if i < 0 || i >= len(amb) {
		return -1
	}
	return amb[i]
}

func tagAt(tags []int, i int) int {
	if i < 0 || i >= len(tags) {
		return -1
	}
	return tags[i]
}

// features appends the features of word i given the two previous classes
// p1, p2 (-1 outside the sentence), the words' ambiguity classes and, in the
// second pass, the first pass's classes (right != nil).
func features(ws []wordfeat.Word, amb, lx []int, right []int, cp, i, p1, p2 int, out []uint64) []uint64 {
	w0, wm1, wp1, wm2, wp2 := &ws[i], word(ws, i-1), word(ws, i+1), word(ws, i-2), word(ws, i+2)
	caps := int(w0.Flags & (wordfeat.TitleCase | wordfeat.AllUpper))
	first := 0
	if i == 0 {
		first = 1
	}
	a0, ap1 := ambAt(amb, i), ambAt(amb, i+1)
	S := linear.Seed
	out = append(out,
		S(tBias).Sum(),
		S(tW0).U64(w0.Lower).Sum(),
		S(tRaw0).U64(w0.Raw).Sum(),
		S(tWm1).U64(wm1.Lower).Sum(),
		S(tWp1).U64(wp1.Lower).Sum(),
		S(tWm2).U64(wm2.Lower).Sum(),
		S(tWp2).U64(wp2.Lower).Sum(),
		S(tShape).U64(w0.Shape).Sum(),
		S(tT1).Int(p1).Sum(),
		S(tT2).Int(p2).Sum(),
		S(tT12).Int(p1).Int(p2).Sum(),
		S(tT1W0).Int(p1).U64(w0.Lower).Sum(),
		S(tWm1W0).U64(wm1.Lower).U64(w0.Lower).Sum(),
		S(tW0Wp1).U64(w0.Lower).U64(wp1.Lower).Sum(),
		S(tSufm1).U64(wm1.Suf[2]).Sum(),
		S(tSufp1).U64(wp1.Suf[2]).Sum(),
		S(tShapep1).U64(wp1.Shape).Sum(),
		S(tShapem1).U64(wm1.Shape).Sum(),
		S(tFlags).Int(int(w0.Flags)).Sum(),
		S(tT1Suf).Int(p1).U64(w0.Suf[1]).Sum(),
		S(tLen).Int(min(w0.Len, 12)).Sum(),
		S(tAmb0).Int(a0).Sum(),
		S(tAmbp1).Int(ap1).Sum(),
		S(tAmbp2).Int(ambAt(amb, i+2)).Sum(),
		S(tAmbm1).Int(ambAt(amb, i-1)).Sum(),
		S(tAmb0T1).Int(a0).Int(p1).Sum(),
		S(tAmb0Ambp1).Int(a0).Int(ap1).Sum(),
		S(tT1Wp1).Int(p1).U64(wp1.Lower).Sum(),
		S(tWp1Wp2).U64(wp1.Lower).U64(wp2.Lower).Sum(),
		S(tWm2Wm1).U64(wm2.Lower).U64(wm1.Lower).Sum(),
		S(tShape3).U64(wm1.Shape).U64(w0.Shape).U64(wp1.Shape).Sum(),
		S(tAmb0W0).Int(a0).U64(w0.Suf[2]).Sum(),
		S(tT2T1W0).Int(p2).Int(p1).U64(w0.Lower).Sum(),
		S(tCase).Int(cp).Int(caps).Int(first).Sum(),
		S(tCaseW0).Int(cp).U64(w0.Lower).Sum(),
	)
	if lx != nil {
		l0 := lx[i]
		out = append(out,
			S(tLex).Int(l0).Sum(),
			S(tLexCaps).Int(l0).Int(caps).Int(first).Int(cp).Sum(),
			S(tLexSuf).Int(l0).U64(w0.Suf[1]).Sum(),
			S(tLexT1).Int(l0).Int(p1).Sum(),
			S(tLexp1).Int(ambAt(lx, i+1)).Sum(),
			S(tLexm1).Int(ambAt(lx, i-1)).Sum(),
			S(tLexAmb).Int(l0).Int(a0).Sum(),
		)
	}
	for k := 0; k < 4; k++ {
		if w0.Suf[k] != 0 {
			out = append(out, S(tSuf).Int(k).U64(w0.Suf[k]).Sum())
		}
	}
	if w0.Suf5 != 0 {
		out = append(out, S(tSuf).Int(4).U64(w0.Suf5).Sum())
	}
	for k := 0; k < 3; k++ {
		if w0.Pre[k] != 0 {
			out = append(out, S(tPre).Int(k).U64(w0.Pre[k]).Sum())
		}
	}
	for k := 0; k < 2; k++ {
		if w0.Pre45[k] != 0 {
			out = append(out, S(tPre).Int(3+k).U64(w0.Pre45[k]).Sum())
		}
	}
	if w0.HyFirst != 0 {
		out = append(out, S(tHyFirst).U64(w0.HyFirst).Sum())
	}
	if w0.HyLast != 0 {
		out = append(out, S(tHyLast).U64(w0.HyLast).Sum())
	}
	if i == 0 {
		out = append(out, S(tFirstShape).U64(w0.Shape).Sum())
	}
	if right != nil {
		r1, r2 := tagAt(right, i+1), tagAt(right, i+2)
		out = append(out,
			S(tR1).Int(r1).Sum(),
			S(tR2).Int(r2).Sum(),
			S(tR1R2).Int(r1).Int(r2).Sum(),
			S(tT1R1).Int(p1).Int(r1).Sum(),
			S(tW0R1).U64(w0.Lower).Int(r1).Sum(),
			S(tAmb0R1).Int(a0).Int(r1).Sum(),
			S(tR1Wp1).Int(r1).U64(wp1.Lower).Sum(),
			S(tSufR1).U64(w0.Suf[2]).Int(r1).Sum(),
			S(tT1W0R1).Int(p1).U64(w0.Lower).Int(r1).Sum(),
			S(tAmb0T1R1).Int(a0).Int(p1).Int(r1).Sum(),
		)
	}
	return out
}

// featuresV0 are the features of the first released models (Meta.Features
// 0): one pass, no dictionary, lexicon or casing profile.
func featuresV0(ws []wordfeat.Word, i, p1, p2 int, out []uint64) []uint64 {
	w0, wm1, wp1, wm2, wp2 := &ws[i], word(ws, i-1), word(ws, i+1), word(ws, i-2), word(ws, i+2)
	out = append(out,
		linear.Seed(tBias).Sum(),
		linear.Seed(tW0).U64(w0.Lower).Sum(),
		linear.Seed(tRaw0).U64(w0.Raw).Sum(),
		linear.Seed(tWm1).U64(wm1.Lower).Sum(),
		linear.Seed(tWp1).U64(wp1.Lower).Sum(),
		linear.Seed(tWm2).U64(wm2.Lower).Sum(),
		linear.Seed(tWp2).U64(wp2.Lower).Sum(),
		linear.Seed(tShape).U64(w0.Shape).Sum(),
		linear.Seed(tT1).Int(p1).Sum(),
		linear.Seed(tT2).Int(p2).Sum(),
		linear.Seed(tT12).Int(p1).Int(p2).Sum(),
		linear.Seed(tT1W0).Int(p1).U64(w0.Lower).Sum(),
		linear.Seed(tWm1W0).U64(wm1.Lower).U64(w0.Lower).Sum(),
		linear.Seed(tW0Wp1).U64(w0.Lower).U64(wp1.Lower).Sum(),
		linear.Seed(tSufm1).U64(wm1.Suf[2]).Sum(),
		linear.Seed(tSufp1).U64(wp1.Suf[2]).Sum(),
		linear.Seed(tShapep1).U64(wp1.Shape).Sum(),
		linear.Seed(tShapem1).U64(wm1.Shape).Sum(),
		linear.Seed(tFlags).Int(int(w0.Flags)).Sum(),
		linear.Seed(tT1Suf).Int(p1).U64(w0.Suf[1]).Sum(),
		linear.Seed(tLen).Int(min(w0.Len, 12)).Sum(),
	)
	for k := 0; k < 4; k++ {
		if w0.Suf[k] != 0 {
			out = append(out, linear.Seed(tSuf).Int(k).U64(w0.Suf[k]).Sum())
		}
	}
	for k := 0; k < 3; k++ {
		if w0.Pre[k] != 0 {
			out = append(out, linear.Seed(tPre).Int(k).U64(w0.Pre[k]).Sum())
		}
	}
	if i == 0 {
		out = append(out, linear.Seed(tFirstShape).U64(w0.Shape).Sum())
	}
	return out
}

// lookup fills s.amb with each word's ambiguity class (0 = unknown word)
// and s.lx with its lexicon bits (nil without lexicon).
func (d *Dict) lookup(ws []wordfeat.Word, amb, lx []int) ([]int, []int) {
	amb = amb[:0]
	for i := range ws {
		amb = append(amb, int(d.amb[ws[i].Lower]))
	}
	if d.lex == nil {
		return amb, nil
	}
	lx = lx[:0]
	for i := range ws {
		lx = append(lx, int(d.lex[ws[i].Lower]))
	}
	return amb, lx
}

// Tag predicts a class per form into out (grown as needed) and returns it.
func (m *Model) Tag(forms []string, out []int) []int {
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	s.words = wordfeat.Prepare(forms, s.words)
	s.amb, s.lx = m.dict.lookup(s.words, s.amb, s.lx)
	var right []int
	for pass, lm := range m.passes {
		if pass > 0 {
			s.first = append(s.first[:0], out...)
			right = s.first
		}
		out = m.tagPass(lm, s, right, out[:0])
	}
	return out
}

func (m *Model) tagPass(lm linear.Scorer, s *scratch, right, out []int) []int {
	p1, p2 := -1, -1
	cp := caseProfile(s.words)
	for i := range s.words {
		if m.Features < 2 {
			s.feats = featuresV0(s.words, i, p1, p2, s.feats[:0])
		} else {
			s.feats = features(s.words, s.amb, s.lx, right, cp, i, p1, p2, s.feats[:0])
		}
		clear(s.scores)
		lm.Score(s.feats, s.scores)
		k := linear.Argmax(s.scores, nil)
		out = append(out, k)
		p2, p1 = p1, k
	}
	return out
}

// Example is one training sentence: forms and gold classes (-1 = unknown).
type Example struct {
	Forms   []string
	Classes []int
}

// Options control training.
type Options struct {
	Epochs  int
	Bits    uint
	Seed    uint64
	MinQ    int          // quantized weights below this magnitude are dropped
	Log     func(string) // progress, may be nil
	OnePass bool         // skip the second (right-context) pass
	Folds   int          // jackknife folds for the second pass's training input (default 4)
	DictMin int          // minimum count of a word in the ambiguity dictionary (default 2)
	Lexicon Lexicon      // optional external word classes (see ReadLexicon)
}

// ClassSet builds the joint class inventory from (UPOS, XPOS) pairs seen at
// least minCount times, in a deterministic order.
func ClassSet(pairs map[[2]string]int, minCount int) Meta {
	var keys []string
	for p, n := range pairs {
		if n >= minCount {
			keys = append(keys, p[0]+"\t"+p[1])
		}
	}
	sortStrings(keys)
	var md Meta
	for _, k := range keys {
		u, x, _ := strings.Cut(k, "\t")
		md.UPOS = append(md.UPOS, u)
		md.XPOS = append(md.XPOS, x)
	}
	return md
}

func sortStrings(a []string) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// Train trains a tagger on examples: a left-to-right first pass and,
// unless o.OnePass, a second pass that also sees the first pass's classes
// of the next words. The second pass learns from jackknifed first-pass
// output, so it sees first-pass errors as they happen on unseen text.
func Train(meta Meta, data []Example, o Options) (*Model, error) {
	if len(meta.UPOS) == 0 {
		return nil, fmt.Errorf("tagger: no classes")
	}
	if o.Epochs <= 0 {
		o.Epochs = 10
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	if o.Folds < 2 {
		o.Folds = 4
	}
	if o.DictMin <= 0 {
		o.DictMin = 2
	}
	meta.Features = 2
	dict := BuildDict(data, len(meta.UPOS), o.DictMin)
	dict.lex = o.Lexicon
	if o.OnePass {
		lm := trainPass(meta, dict, data, nil, o, "")
		return New(meta, dict, lm)
	}
	// jackknifed first-pass classes
	right := make([][]int, len(data))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := 0; f < o.Folds; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []Example
			for i := range data {
				if i%o.Folds != f {
					train = append(train, data[i])
				}
			}
			oo := o
			oo.Seed = o.Seed*31 + uint64(f) + 1
			oo.Log = nil
			fd := BuildDict(train, len(meta.UPOS), o.DictMin)
			fd.lex = o.Lexicon
			lm := trainPass(meta, fd, train, nil, oo, "")
			m, _ := New(meta, fd, lm)
			for i := range data {
				if i%o.Folds == f {
					right[i] = m.Tag(data[i].Forms, nil)
				}
			}
		}(f)
	}
	var lm1 linear.Scorer
	wg.Add(1)
	go func() {
		defer wg.Done()
		sem <- struct{}{}
		defer func() { <-sem }()
		lm1 = trainPass(meta, dict, data, nil, o, "pass 1")
	}()
	wg.Wait()
	lm2 := trainPass(meta, dict, data, right, o, "pass 2")
	return New(meta, dict, lm1, lm2)
}

// trainPass trains one pass (right != nil: the second pass, with the
// first pass's classes of every sentence).
func trainPass(meta Meta, dict *Dict, data []Example, right [][]int, o Options, name string) *linear.Model {
	C := len(meta.UPOS)
	tr := linear.NewTrainer(o.Bits, C)
	rng := rand.New(rand.NewPCG(o.Seed, 0x7a66))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, C)
	var words []wordfeat.Word
	var amb, lx []int
	var feats []uint64
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			ex := &data[si]
			words = wordfeat.Prepare(ex.Forms, words)
			amb, lx = dict.lookup(words, amb, lx)
			var r []int
			if right != nil {
				r = right[si]
			}
			p1, p2 := -1, -1
			cp := caseProfile(words)
			for i := range ex.Forms {
				feats = features(words, amb, lx, r, cp, i, p1, p2, feats[:0])
				clear(scores)
				tr.Score(feats, scores)
				pred := linear.Argmax(scores, nil)
				gold := ex.Classes[i]
				if gold >= 0 {
					total++
					if pred == gold {
						correct++
					} else {
						tr.Update(feats, gold, 1)
						tr.Update(feats, pred, -1)
					}
				}
				tr.Tick()
				p2, p1 = p1, pred
			}
		}
		if o.Log != nil {
			o.Log(fmt.Sprintf("tagger %s epoch %d: train acc %.4f", name, ep+1, float64(correct)/float64(max(total, 1))))
		}
	}
	return tr.Finish(o.MinQ)
}

// WriteMeta writes the class meta data as JSON.
func (m *Model) WriteMeta(w io.Writer) error {
	return json.NewEncoder(w).Encode(m.Meta)
}

// Passes is the number of tagging passes (1 or 2).
func (m *Model) Passes() int { return len(m.passes) }

// NNZ is the number of stored weights over all passes.
func (m *Model) NNZ() int {
	n := 0
	for _, lm := range m.passes {
		if x, ok := lm.(interface{ NNZ() int }); ok {
			n += x.NNZ()
		}
	}
	return n
}
