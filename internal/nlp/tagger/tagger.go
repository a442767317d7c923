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
}

// Model is a trained tagger. It is safe for concurrent use.
type Model struct {
	Meta
	lm   linear.Scorer
	pool sync.Pool
}

type scratch struct {
	words  []wordfeat.Word
	feats  []uint64
	scores []float32
}

// New wraps a scorer and its class meta data.
func New(meta Meta, lm linear.Scorer) (*Model, error) {
	if len(meta.UPOS) != len(meta.XPOS) || len(meta.UPOS) != lm.Classes() {
		return nil, fmt.Errorf("tagger: %d UPOS / %d XPOS names for %d classes", len(meta.UPOS), len(meta.XPOS), lm.Classes())
	}
	m := &Model{Meta: meta, lm: lm}
	m.pool.New = func() any { return &scratch{scores: make([]float32, lm.Classes())} }
	return m, nil
}

// Load reads a model from its meta (JSON) and weights (linear format).
func Load(meta, weights io.Reader) (*Model, error) {
	var md Meta
	if err := json.NewDecoder(meta).Decode(&md); err != nil {
		return nil, fmt.Errorf("tagger: meta: %w", err)
	}
	lm, err := linear.Read(weights)
	if err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	return New(md, lm)
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
)

func word(ws []wordfeat.Word, i int) *wordfeat.Word {
	if i < 0 || i >= len(ws) {
		return &wordfeat.Pad
	}
	return &ws[i]
}

// features appends the features of word i given the two previous classes
// (-1 outside the sentence).
func features(ws []wordfeat.Word, i, p1, p2 int, out []uint64) []uint64 {
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

// Tag predicts a class per form into out (grown as needed) and returns it.
func (m *Model) Tag(forms []string, out []int) []int {
	s := m.pool.Get().(*scratch)
	defer m.pool.Put(s)
	s.words = wordfeat.Prepare(forms, s.words)
	out = out[:0]
	p1, p2 := -1, -1
	for i := range forms {
		s.feats = features(s.words, i, p1, p2, s.feats[:0])
		clear(s.scores)
		m.lm.Score(s.feats, s.scores)
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
	Epochs int
	Bits   uint
	Seed   uint64
	MinQ   int          // quantized weights below this magnitude are dropped
	Log    func(string) // progress, may be nil
	Dev    []Example    // optional, for progress accuracy
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

// Train trains a tagger on examples.
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
	C := len(meta.UPOS)
	tr := linear.NewTrainer(o.Bits, C)
	rng := rand.New(rand.NewPCG(o.Seed, 0x7a66))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, C)
	var words []wordfeat.Word
	var feats []uint64
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			ex := &data[si]
			words = wordfeat.Prepare(ex.Forms, words)
			p1, p2 := -1, -1
			for i := range ex.Forms {
				feats = features(words, i, p1, p2, feats[:0])
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
			o.Log(fmt.Sprintf("tagger epoch %d: train acc %.4f", ep+1, float64(correct)/float64(max(total, 1))))
		}
	}
	return New(meta, tr.Finish(o.MinQ))
}

// WriteMeta writes the class meta data as JSON.
func (m *Model) WriteMeta(w io.Writer) error {
	return json.NewEncoder(w).Encode(m.Meta)
}

// Weights returns the linear model, for saving.
func (m *Model) Weights() linear.Scorer { return m.lm }
