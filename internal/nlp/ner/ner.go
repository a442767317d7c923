// Package ner is a greedy BIO named-entity tagger (PER, ORG, LOC): an
// averaged perceptron over hashed word, shape, affix, part-of-speech,
// previous-label and gazetteer features, decoded left to right with the
// BIO constraint (I-X only after B-X or I-X).
package ner

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

// Meta lists the BIO labels and the tagger classes the model expects.
type Meta struct {
	Labels []string `json:"labels"` // "O", "B-PER", "I-PER", ...
	Tags   []string `json:"tags"`   // tagger classes ("UPOS\tXPOS")
}

// DefaultLabels is the label set for PER, ORG and LOC.
var DefaultLabels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// Model is a trained NER tagger. It is safe for concurrent use.
type Model struct {
	Meta
	lm     linear.Scorer
	gaz    map[uint64]uint32
	maxLen int
	inside []int // for each label: the B label it continues, or -1
	pool   sync.Pool
}

type scratch struct {
	mLen       []int    // longest case-sensitive multiword gazetteer match at each start
	mCat       []uint32 // its categories
	words      []wordfeat.Word
	gazB, gazI []uint32
	feats      []uint64
	scores     []float32
}

// New wraps a scorer with its meta data.
func New(meta Meta, lm linear.Scorer) (*Model, error) {
	if len(meta.Labels) != lm.Classes() || len(meta.Labels) == 0 || meta.Labels[0] != "O" {
		return nil, fmt.Errorf("ner: %d labels for %d classes", len(meta.Labels), lm.Classes())
	}
	m := &Model{Meta: meta, lm: lm}
	m.inside = make([]int, len(meta.Labels))
	for k, l := range meta.Labels {
		m.inside[k] = -1
		if strings.HasPrefix(l, "I-") {
			for j, b := range meta.Labels {
				if b == "B-"+l[2:] {
					m.inside[k] = j
				}
			}
		}
	}
	m.buildGazetteer()
	m.pool.New = func() any { return &scratch{scores: make([]float32, lm.Classes())} }
	return m, nil
}

func (m *Model) buildGazetteer() {
	m.gaz = map[uint64]uint32{}
	var buf [96]byte
	for cat, list := range gazetteer {
		for _, e := range strings.Split(list, "|") {
			toks := strings.Fields(e)
			if len(toks) == 0 {
				continue
			}
			h, hl := linear.Seed(500), linear.Seed(501)
			for _, t := range toks {
				w := wordfeat.Of(t, buf[:0])
				h, hl = h.U64(w.Raw), hl.U64(w.Lower)
			}
			m.gaz[h.Sum()|uint64(len(toks))] |= uint32(cat)
			m.gaz[hl.Sum()|uint64(len(toks))] |= uint32(cat) << lowerShift
			m.maxLen = max(m.maxLen, len(toks))
		}
	}
}

// titles are words that precede a person's name but are not part of it.
var titles = func() map[string]bool {
	m := map[string]bool{"State": true, "Former": true, "former": true, "Senior": true}
	for _, w := range strings.Split(gazetteer[GTitle], "|") {
		m[w] = true
		m[strings.ToLower(w)] = true
	}
	return m
}()

// IsTitle reports whether w is a title word (President, Mr., Secretary, ...).
func IsTitle(w string) bool { return titles[w] }

// trimTitles moves the start of PER mentions past leading title words:
// "President Barack Obama" → "Barack Obama".
func (m *Model) trimTitles(forms []string, labels []int) {
	bPer, iPer := -1, -1
	for k, l := range m.Labels {
		switch l {
		case "B-PER":
			bPer = k
		case "I-PER":
			iPer = k
		}
	}
	if bPer < 0 || iPer < 0 {
		return
	}
	for i := 0; i < len(labels); i++ {
		if labels[i] != bPer || !titles[forms[i]] {
			continue
		}
		labels[i] = 0
		if i+1 < len(labels) && labels[i+1] == iPer {
			labels[i+1] = bPer
		}
	}
}

// lowerShift moves the category bits of case-insensitive matches.
const lowerShift = nGaz

// Load reads a model from its meta (JSON) and weights.
func Load(meta, weights io.Reader) (*Model, error) {
	var md Meta
	if err := json.NewDecoder(meta).Decode(&md); err != nil {
		return nil, fmt.Errorf("ner: meta: %w", err)
	}
	lm, err := linear.Read(weights)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return New(md, lm)
}

// WriteMeta writes the meta data as JSON.
func (m *Model) WriteMeta(w io.Writer) error { return json.NewEncoder(w).Encode(m.Meta) }

// Weights returns the linear model, for saving.
func (m *Model) Weights() linear.Scorer { return m.lm }

// Name is the BIO tag of label k ("" for O).
func (m *Model) Name(k int) string {
	if k <= 0 || k >= len(m.Labels) {
		return ""
	}
	return m.Labels[k]
}

// allowed reports whether label k may follow label prev (-1 at the start).
func (m *Model) allowed(prev, k int) bool {
	b := m.inside[k]
	return b < 0 || prev == b || prev == k
}

func (m *Model) prepare(sc *scratch, forms []string) {
	sc.words = wordfeat.Prepare(forms, sc.words)
	n := len(forms)
	if cap(sc.gazB) < n {
		sc.gazB, sc.gazI = make([]uint32, n), make([]uint32, n)
	}
	sc.gazB, sc.gazI = sc.gazB[:n], sc.gazI[:n]
	clear(sc.gazB)
	clear(sc.gazI)
	if cap(sc.mLen) < n {
		sc.mLen, sc.mCat = make([]int, n), make([]uint32, n)
	}
	sc.mLen, sc.mCat = sc.mLen[:n], sc.mCat[:n]
	clear(sc.mLen)
	clear(sc.mCat)
	for i := 0; i < n; i++ {
		h, hl := linear.Seed(500), linear.Seed(501)
		for l := 1; l <= m.maxLen && i+l <= n; l++ {
			h, hl = h.U64(sc.words[i+l-1].Raw), hl.U64(sc.words[i+l-1].Lower)
			exact := m.gaz[h.Sum()|uint64(l)] & (1<<nGaz - 1)
			c := exact | m.gaz[hl.Sum()|uint64(l)]&^(1<<nGaz-1)
			if exact != 0 && l >= 2 {
				sc.mLen[i], sc.mCat[i] = l, exact
			}
			if c != 0 {
				sc.gazB[i] |= c
				for j := i + 1; j < i+l; j++ {
					sc.gazI[j] |= c
				}
			}
		}
	}
}

const (
	fBias = iota + 300
	fW0
	fRaw0
	fWm1
	fWp1
	fWm2
	fWp2
	fRawm1
	fRawp1
	fShape0
	fShapem1
	fShapep1
	fSuf
	fPre
	fT0
	fTm1
	fTp1
	fTm1T0
	fT0Tp1
	fP1
	fP12
	fP1W0
	fP1Shape
	fP1T0
	fFlags
	fFirst
	fGazB
	fGazI
	fGazMask
	fGazMaskm1
	fGazMaskp1
	fShapeTrio
)

func (m *Model) features(sc *scratch, tags []int, i, p1, p2 int, out []uint64) []uint64 {
	ws := sc.words
	word := func(j int) *wordfeat.Word {
		if j < 0 || j >= len(ws) {
			return &wordfeat.Pad
		}
		return &ws[j]
	}
	tag := func(j int) int {
		if j < 0 || j >= len(tags) {
			return -1
		}
		return tags[j]
	}
	gm := func(j int) int {
		if j < 0 || j >= len(ws) {
			return -1
		}
		return int(sc.gazB[j]) | int(sc.gazI[j])<<32
	}
	w0, wm1, wp1 := &ws[i], word(i-1), word(i+1)
	t0, tm1, tp1 := tag(i), tag(i-1), tag(i+1)
	S := linear.Seed
	out = append(out,
		S(fBias).Sum(),
		S(fW0).U64(w0.Lower).Sum(),
		S(fRaw0).U64(w0.Raw).Sum(),
		S(fWm1).U64(wm1.Lower).Sum(),
		S(fWp1).U64(wp1.Lower).Sum(),
		S(fWm2).U64(word(i-2).Lower).Sum(),
		S(fWp2).U64(word(i+2).Lower).Sum(),
		S(fRawm1).U64(wm1.Raw).Sum(),
		S(fRawp1).U64(wp1.Raw).Sum(),
		S(fShape0).U64(w0.Shape).Sum(),
		S(fShapem1).U64(wm1.Shape).Sum(),
		S(fShapep1).U64(wp1.Shape).Sum(),
		S(fShapeTrio).U64(wm1.Shape).U64(w0.Shape).U64(wp1.Shape).Sum(),
		S(fT0).Int(t0).Sum(),
		S(fTm1).Int(tm1).Sum(),
		S(fTp1).Int(tp1).Sum(),
		S(fTm1T0).Int(tm1).Int(t0).Sum(),
		S(fT0Tp1).Int(t0).Int(tp1).Sum(),
		S(fP1).Int(p1).Sum(),
		S(fP12).Int(p1).Int(p2).Sum(),
		S(fP1W0).Int(p1).U64(w0.Lower).Sum(),
		S(fP1Shape).Int(p1).U64(w0.Shape).Sum(),
		S(fP1T0).Int(p1).Int(t0).Sum(),
		S(fFlags).Int(int(w0.Flags)).Sum(),
		S(fGazMask).Int(gm(i)).Sum(),
		S(fGazMaskm1).Int(gm(i-1)).Sum(),
		S(fGazMaskp1).Int(gm(i+1)).Sum(),
	)
	if i == 0 {
		out = append(out, S(fFirst).U64(w0.Shape).Sum())
	}
	for k := 0; k < 4; k++ {
		if w0.Suf[k] != 0 {
			out = append(out, S(fSuf).Int(k).U64(w0.Suf[k]).Sum())
		}
	}
	for k := 0; k < 3; k++ {
		if w0.Pre[k] != 0 {
			out = append(out, S(fPre).Int(k).U64(w0.Pre[k]).Sum())
		}
	}
	for c := 0; c < 2*lowerShift; c++ {
		if sc.gazB[i]&(1<<c) != 0 {
			out = append(out, S(fGazB).Int(c).Sum(), S(fGazB).Int(c).Int(p1).Sum())
		}
		if sc.gazI[i]&(1<<c) != 0 {
			out = append(out, S(fGazI).Int(c).Sum(), S(fGazI).Int(c).Int(p1).Sum())
		}
	}
	return out
}

// Tag predicts a label per word, given forms and tagger classes.
func (m *Model) Tag(forms []string, tags []int, out []int) []int {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	m.prepare(sc, forms)
	out = out[:0]
	p1, p2 := -1, -1
	for i := range forms {
		sc.feats = m.features(sc, tags, i, p1, p2, sc.feats[:0])
		clear(sc.scores)
		m.lm.Score(sc.feats, sc.scores)
		best := 0
		for k, v := range sc.scores {
			if v > sc.scores[best] && m.allowed(p1, k) {
				best = k
			}
		}
		out = append(out, best)
		p2, p1 = p1, best
	}
	m.trimTitles(forms, out)
	m.completeNames(sc, out)
	m.dropSymbols(sc, out)
	return out
}

// dropSymbols removes one-word mentions without letters or digits ("-").
func (m *Model) dropSymbols(sc *scratch, labels []int) {
	for i, l := range labels {
		if l == 0 || m.inside[l] >= 0 || sc.words[i].Flags&(wordfeat.HasLetter|wordfeat.HasDigit) != 0 {
			continue
		}
		if i+1 < len(labels) && m.inside[labels[i+1]] == l {
			continue
		}
		labels[i] = 0
	}
}

// completeNames makes a multiword gazetteer name that the model tagged in
// part ("White" of "White House") one whole mention of the gazetteer's type.
func (m *Model) completeNames(sc *scratch, labels []int) {
	for i := 0; i < len(labels); i++ {
		l := sc.mLen[i]
		if l < 2 {
			continue
		}
		typ := ""
		switch c := sc.mCat[i]; {
		case c&(GCountry|GCity|GRegion) != 0:
			typ = "LOC"
		case c&GOrg != 0:
			typ = "ORG"
		default:
			continue
		}
		tagged, ok := false, true
		for j := i; j < i+l; j++ {
			tagged = tagged || labels[j] != 0
		}
		if labels[i] != 0 && m.inside[labels[i]] >= 0 {
			ok = false // continues a longer name
		}
		if i+l < len(labels) && labels[i+l] != 0 && m.inside[labels[i+l]] >= 0 {
			ok = false // a longer name goes on
		}
		if !tagged || !ok {
			continue
		}
		b, in := m.labelIndex("B-"+typ), m.labelIndex("I-"+typ)
		if b < 0 || in < 0 {
			continue
		}
		labels[i] = b
		for j := i + 1; j < i+l; j++ {
			labels[j] = in
		}
		i += l - 1
	}
}

func (m *Model) labelIndex(name string) int {
	for k, l := range m.Labels {
		if l == name {
			return k
		}
	}
	return -1
}

// Example is one training sentence.
type Example struct {
	Forms  []string
	Tags   []int
	Labels []int
}

// Options control training.
type Options struct {
	Epochs int
	Bits   uint
	Seed   uint64
	MinQ   int
	Log    func(string)
}

// Train trains a NER model.
func Train(meta Meta, data []Example, o Options) (*Model, error) {
	if o.Epochs <= 0 {
		o.Epochs = 10
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	tr := linear.NewTrainer(o.Bits, len(meta.Labels))
	m, err := New(meta, tr)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x4e52))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	sc := m.pool.Get().(*scratch)
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, si := range order {
			ex := &data[si]
			m.prepare(sc, ex.Forms)
			p1, p2 := -1, -1
			for i := range ex.Forms {
				sc.feats = m.features(sc, ex.Tags, i, p1, p2, sc.feats[:0])
				clear(sc.scores)
				tr.Score(sc.feats, sc.scores)
				best := 0
				for k, v := range sc.scores {
					if v > sc.scores[best] && m.allowed(p1, k) {
						best = k
					}
				}
				gold := ex.Labels[i]
				total++
				if best != gold {
					errs++
					tr.Update(sc.feats, gold, 1)
					tr.Update(sc.feats, best, -1)
				}
				tr.Tick()
				p2, p1 = p1, best
			}
		}
		if o.Log != nil {
			o.Log(fmt.Sprintf("ner epoch %d: token errors %.4f", ep+1, float64(errs)/float64(max(total, 1))))
		}
	}
	return New(meta, tr.Finish(o.MinQ))
}
