// Package ner is a BIO named-entity tagger (PER, ORG, LOC): a structured
// averaged perceptron over hashed word, shape, affix, part-of-speech and
// gazetteer features, decoded with first-order Viterbi
// over the labels (learned transition weights and word features conjoined
// with the previous label; I-X only after B-X or I-X),
// followed by a few span rules (titles trimmed, known multiword names
// completed, a known given name before a capitalized word made a person,
// initials joined to names, organization words and "of <place>" joined to
// organizations, stray function words, symbols and bare titles dropped).
//
// A model is three files: meta data (JSON), weights (gzip'd, quantized) and
// an optional gazetteer (gzip'd text, see Gazetteer) whose checksum the meta
// data records.
package ner

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"

	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

// Meta lists the BIO labels and the tagger classes the model expects.
type Meta struct {
	Labels    []string `json:"labels"`              // "O", "B-PER", "I-PER", ...
	Tags      []string `json:"tags"`                // tagger classes ("UPOS\tXPOS") at training time
	Gazetteer string   `json:"gazetteer,omitempty"` // checksum of the gazetteer file trained with
}

// DefaultLabels is the label set for PER, ORG and LOC.
var DefaultLabels = []string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}

// Model is a trained NER tagger. It is safe for concurrent use.
type Model struct {
	Meta
	lm     linear.Scorer
	gaz    map[uint64]uint32 // name hash -> categories (low bits exact case, high bits any case); gazPrefix marks prefixes
	inside []int             // for each label: the B label it continues, or -1
	tagH   []uint64          // hash of each tagger class name
	trans  []float32         // (prev+1)*L + k: transition scores (prev -1 = start)
	pool   sync.Pool
	bPer   int
	iPer   int
}

const gazPrefix = 1 << 31

type scratch struct {
	forms      []string
	drop       []bool // training: leave out the word's identity features
	words      []wordfeat.Word
	gazB, gazI []uint32
	mLen       []int    // longest exact-case multiword gazetteer match at each start
	mCat       []uint32 // its categories
	cover      []uint64 // feature of the longest exact match covering each word
	feats      []uint64
	fOff       []int
	emit       []float32
	pair       []float32 // per word: (prev+1)*L + k scores of the pair features
	delta      []float32
	back       []int8
	scores     []float32
}

// newModel wraps a scorer with its meta data and gazetteer (nil: the
// built-in lists).
func newModel(meta Meta, lm linear.Scorer, g *Gazetteer) (*Model, error) {
	if len(meta.Labels) != lm.Classes() || len(meta.Labels) == 0 || meta.Labels[0] != "O" || len(meta.Labels) > 127 {
		return nil, fmt.Errorf("ner: %d labels for %d classes", len(meta.Labels), lm.Classes())
	}
	if g == nil {
		g = NewGazetteer()
	}
	m := &Model{Meta: meta, lm: lm}
	m.inside = make([]int, len(meta.Labels))
	for k, l := range meta.Labels {
		m.inside[k] = -1
		if strings.HasPrefix(l, "I-") {
			m.inside[k] = m.labelIndex("B-" + l[2:])
		}
	}
	m.bPer, m.iPer = m.labelIndex("B-PER"), m.labelIndex("I-PER")
	m.buildGazetteer(g)
	m.BindTags(meta.Tags)
	m.computeTrans()
	m.pool.New = func() any { return &scratch{scores: make([]float32, lm.Classes())} }
	return m, nil
}

// BindTags tells the model the names ("UPOS\tXPOS") of the tagger classes
// whose indices Tag will receive, so a retrained tagger with another class
// list still feeds the right features.
func (m *Model) BindTags(names []string) {
	m.tagH = make([]uint64, len(names))
	for k, t := range names {
		m.tagH[k] = linear.Seed(fTagName).Str(t).Sum()
	}
}

func (m *Model) tagHash(tags []int, j int) uint64 {
	if j < 0 || j >= len(tags) || tags[j] < 0 || tags[j] >= len(m.tagH) {
		return wordfeat.Pad.Shape
	}
	return m.tagH[tags[j]]
}

func (m *Model) computeTrans() {
	L := len(m.Labels)
	if m.trans == nil {
		m.trans = make([]float32, (L+1)*L)
	}
	clear(m.trans)
	var f [1]uint64
	for p := -1; p < L; p++ {
		f[0] = linear.Seed(fTrans).Int(p).Sum()
		m.lm.Score(f[:], m.trans[(p+1)*L:(p+2)*L])
	}
}

func gazKey(exact bool, n int, h linear.Hash) uint64 {
	if exact {
		return h.Int(n).Sum()
	}
	return h.Int(-n).Sum()
}

func (m *Model) buildGazetteer(g *Gazetteer) {
	m.gaz = make(map[uint64]uint32, 3*len(g.names))
	var buf [96]byte
	for name, cat := range g.names {
		m.addGazName(strings.Split(name, " "), cat, buf[:0])
		if strings.Contains(name, "-") {
			// "al-Qaeda" is also written (or tokenized) "al - Qaeda"
			var split []string
			for _, t := range strings.Split(name, " ") {
				for k, p := range strings.Split(t, "-") {
					if k > 0 {
						split = append(split, "-")
					}
					if p != "" {
						split = append(split, p)
					}
				}
			}
			if len(split) <= maxGazLen {
				m.addGazName(split, cat, buf[:0])
			}
		}
	}
}

func (m *Model) addGazName(toks []string, cat uint32, buf []byte) {
	h, hl := linear.Seed(500), linear.Seed(501)
	for i, t := range toks {
		w := wordfeat.Of(t, buf[:0])
		h, hl = h.U64(w.Raw), hl.U64(w.Lower)
		if i < len(toks)-1 {
			m.gaz[gazKey(true, i+1, h)] |= gazPrefix
			m.gaz[gazKey(false, i+1, hl)] |= gazPrefix
		}
	}
	m.gaz[gazKey(true, len(toks), h)] |= cat
	if len(toks) == 1 && isAcronym(toks[0]) {
		return // "IS", "WHO", "US" are not "is", "who", "us"
	}
	m.gaz[gazKey(false, len(toks), hl)] |= cat << nGaz
}

// isAcronym reports whether t has no lower-case letter and at most four
// letters.
func isAcronym(t string) bool {
	n := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n > 0 && n <= 4
}

// titles are words that precede a person's name but are not part of it.
var titles = func() map[string]bool {
	m := map[string]bool{"State": true, "Former": true, "former": true, "Senior": true}
	// more titles and honorifics, also without the period
	for _, w := range strings.Fields("Doctor Drs. Dr Mr Mrs Ms Prof Professor Sen Rep Gov Gen Col Lt Sgt Capt Captain " +
		"Lieutenant Sergeant Colonel Detective Rabbi Imam Pastor Archbishop Cardinal Sheriff Superintendent Councillor Councilman Councilwoman Congressman Congresswoman") {
		m[w] = true
		m[strings.ToLower(w)] = true
	}
	for _, w := range strings.Split(builtin[GTitle], "|") {
		m[w] = true
		m[strings.ToLower(w)] = true
	}
	return m
}()

// IsTitle reports whether w is a title word (President, Mr., Secretary, ...).
func IsTitle(w string) bool { return titles[w] }

// Load reads a model from its meta data (JSON), weights and gazetteer
// (nil: the built-in lists only).
func Load(meta, weights, gazetteer io.Reader) (*Model, error) {
	var md Meta
	if err := json.NewDecoder(meta).Decode(&md); err != nil {
		return nil, fmt.Errorf("ner: meta: %w", err)
	}
	lm, err := linear.Read(weights)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	var g *Gazetteer
	if gazetteer != nil {
		var sum string
		g, sum, err = ReadGazetteer(gazetteer)
		if err != nil {
			return nil, err
		}
		if md.Gazetteer != "" && sum != md.Gazetteer {
			return nil, errors.New("ner: the gazetteer is not the one the model was trained with")
		}
	} else if md.Gazetteer != "" {
		return nil, errors.New("ner: the model needs its gazetteer file")
	}
	return newModel(md, lm, g)
}

// WriteMeta writes the meta data as JSON.
func (m *Model) WriteMeta(w io.Writer) error { return json.NewEncoder(w).Encode(m.Meta) }

// WriteWeights writes the weights (gzip'd).
func (m *Model) WriteWeights(w io.Writer) error {
	lm, ok := m.lm.(*linear.Model)
	if !ok {
		return errors.New("ner: model is still training")
	}
	return lm.Write(w)
}

// NNZ is the number of stored weights.
func (m *Model) NNZ() int {
	if lm, ok := m.lm.(*linear.Model); ok {
		return lm.NNZ()
	}
	return 0
}

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

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

func (m *Model) prepare(sc *scratch, forms []string) {
	sc.words = wordfeat.Prepare(forms, sc.words)
	n := len(forms)
	sc.gazB, sc.gazI = grow(sc.gazB, n), grow(sc.gazI, n)
	sc.mLen, sc.mCat = grow(sc.mLen, n), grow(sc.mCat, n)
	sc.cover = grow(sc.cover, n)
	coverLen := grow(sc.fOff, n) // reused as scratch; fOff is rebuilt later
	const low = 1<<nGaz - 1
	for i := 0; i < n; i++ {
		h, hl := linear.Seed(500), linear.Seed(501)
		exactOn, lowerOn := true, true
		for l := 1; l <= maxGazLen && i+l <= n && (exactOn || lowerOn); l++ {
			var ce, cl uint32
			if exactOn {
				h = h.U64(sc.words[i+l-1].Raw)
				ce = m.gaz[gazKey(true, l, h)]
				exactOn = ce&gazPrefix != 0
			}
			if lowerOn {
				hl = hl.U64(sc.words[i+l-1].Lower)
				cl = m.gaz[gazKey(false, l, hl)]
				lowerOn = cl&gazPrefix != 0
			}
			exact := ce & low
			c := exact | cl&(low<<nGaz)
			if exact != 0 && l >= 2 {
				sc.mLen[i], sc.mCat[i] = l, exact
			}
			if c == 0 {
				continue
			}
			sc.gazB[i] |= c
			for j := i + 1; j < i+l; j++ {
				sc.gazI[j] |= c
			}
			if exact != 0 {
				for j := i; j < i+l; j++ {
					if l > coverLen[j] {
						coverLen[j] = l
						pos := 1 // inside
						switch {
						case l == 1:
							pos = 0
						case j == i:
							pos = 2
						case j == i+l-1:
							pos = 3
						}
						sc.cover[j] = linear.Seed(fCover).Int(pos).Int(int(exact)).Int(min(l, 4)).Sum()
					}
				}
			}
		}
	}
}

// Feature templates.
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
	fFlags
	fFirst
	fGazB
	fGazI
	fGazMask
	fGazMaskm1
	fGazMaskp1
	fShapeTrio
	fTrans
	fTagName
	fCover
	fWm1Shape0
	fShape0Wp1
	fHyphen
	fGazBm1
	fGazBp1
	fLen
	fTitleBefore
	fW0T0
	fPairWord
	fPairShape
	fPairGaz
)

func (m *Model) features(sc *scratch, tags []int, i int, out []uint64) []uint64 {
	ws := sc.words
	wd := func(j int) *wordfeat.Word {
		if j < 0 || j >= len(ws) {
			return &wordfeat.Pad
		}
		return &ws[j]
	}
	gm := func(j int) int {
		if j < 0 || j >= len(ws) {
			return -1
		}
		return int(sc.gazB[j]) | int(sc.gazI[j])<<32
	}
	w0, wm1, wp1 := &ws[i], wd(i-1), wd(i+1)
	t0, tm1, tp1 := m.tagHash(tags, i), m.tagHash(tags, i-1), m.tagHash(tags, i+1)
	S := linear.Seed
	if sc.drop == nil || !sc.drop[i] {
		out = append(out,
			S(fW0).U64(w0.Lower).Sum(),
			S(fRaw0).U64(w0.Raw).Sum(),
			S(fW0T0).U64(w0.Lower).U64(t0).Sum(),
		)
	}
	out = append(out,
		S(fBias).Sum(),
		S(fWm1).U64(wm1.Lower).Sum(),
		S(fWp1).U64(wp1.Lower).Sum(),
		S(fWm2).U64(wd(i-2).Lower).Sum(),
		S(fWp2).U64(wd(i+2).Lower).Sum(),
		S(fRawm1).U64(wm1.Raw).Sum(),
		S(fRawp1).U64(wp1.Raw).Sum(),
		S(fShape0).U64(w0.Shape).Sum(),
		S(fShapem1).U64(wm1.Shape).Sum(),
		S(fShapep1).U64(wp1.Shape).Sum(),
		S(fShapeTrio).U64(wm1.Shape).U64(w0.Shape).U64(wp1.Shape).Sum(),
		S(fWm1Shape0).U64(wm1.Lower).U64(w0.Shape).Sum(),
		S(fShape0Wp1).U64(w0.Shape).U64(wp1.Lower).Sum(),
		S(fT0).U64(t0).Sum(),
		S(fTm1).U64(tm1).Sum(),
		S(fTp1).U64(tp1).Sum(),
		S(fTm1T0).U64(tm1).U64(t0).Sum(),
		S(fT0Tp1).U64(t0).U64(tp1).Sum(),
		S(fFlags).Int(int(w0.Flags)).Sum(),
		S(fLen).Int(min(w0.Len, 8)).Int(int(w0.Flags&(wordfeat.HasUpper|wordfeat.AllUpper))).Sum(),
		S(fGazMask).Int(gm(i)).Sum(),
		S(fGazMaskm1).Int(gm(i-1)).Sum(),
		S(fGazMaskp1).Int(gm(i+1)).Sum(),
	)
	if i == 0 {
		out = append(out, S(fFirst).U64(w0.Shape).Sum(), S(fFirst).U64(w0.Lower).Sum())
	}
	if sc.cover[i] != 0 {
		out = append(out, sc.cover[i])
	}
	if i > 0 && titles[sc.forms[i-1]] {
		out = append(out, S(fTitleBefore).U64(w0.Shape).Sum())
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
	if w0.HyFirst != 0 {
		out = append(out, S(fHyphen).Int(0).U64(w0.HyFirst).Sum())
	}
	if w0.HyLast != 0 {
		out = append(out, S(fHyphen).Int(1).U64(w0.HyLast).Sum())
	}
	for c := 0; c < 2*nGaz; c++ {
		if sc.gazB[i]&(1<<c) != 0 {
			out = append(out, S(fGazB).Int(c).Sum(), S(fGazB).Int(c).U64(w0.Shape).Sum())
		}
		if sc.gazI[i]&(1<<c) != 0 {
			out = append(out, S(fGazI).Int(c).Sum())
		}
		if i > 0 && sc.gazB[i-1]&(1<<c) != 0 {
			out = append(out, S(fGazBm1).Int(c).Sum())
		}
		if i+1 < len(ws) && sc.gazB[i+1]&(1<<c) != 0 {
			out = append(out, S(fGazBp1).Int(c).Sum())
		}
	}
	return out
}

// emissions computes every word's features and label scores.
func (m *Model) emissions(sc *scratch, lm linear.Scorer, tags []int) {
	n, L := len(sc.words), len(m.Labels)
	sc.feats = sc.feats[:0]
	sc.fOff = append(sc.fOff[:0], 0)
	sc.emit = grow(sc.emit, n*L)
	P := (L + 1) * L
	sc.pair = grow(sc.pair, n*P)
	var pf [nPair]uint64
	for i := 0; i < n; i++ {
		sc.feats = m.features(sc, tags, i, sc.feats)
		sc.fOff = append(sc.fOff, len(sc.feats))
		lm.Score(sc.feats[sc.fOff[i]:sc.fOff[i+1]], sc.emit[i*L:(i+1)*L])
		for p := -1; p < L; p++ {
			lm.Score(m.pairFeatures(sc, i, p, pf[:0]), sc.pair[i*P+(p+1)*L:i*P+(p+2)*L])
		}
	}
}

// nPair is the number of features conjoined with the previous label.
const nPair = 3

// pairFeatures are word features conjoined with the previous label p.
func (m *Model) pairFeatures(sc *scratch, i, p int, out []uint64) []uint64 {
	w := &sc.words[i]
	return append(out,
		linear.Seed(fPairWord).Int(p).U64(w.Lower).Sum(),
		linear.Seed(fPairShape).Int(p).U64(w.Shape).Sum(),
		linear.Seed(fPairGaz).Int(p).Int(int(sc.gazB[i]|sc.gazI[i])).Sum(),
	)
}

// viterbi finds the best label sequence under the emission scores in sc
// and the transition scores trans.
func (m *Model) viterbi(sc *scratch, trans []float32, out []int) []int {
	n, L := len(sc.words), len(m.Labels)
	sc.delta = grow(sc.delta, n*L)
	sc.back = grow(sc.back, n*L)
	P := (L + 1) * L
	neg := float32(math.Inf(-1))
	for k := 0; k < L; k++ {
		if m.allowed(-1, k) {
			sc.delta[k] = sc.emit[k] + trans[k] + sc.pair[k]
		} else {
			sc.delta[k] = neg
		}
	}
	for i := 1; i < n; i++ {
		prev, cur := sc.delta[(i-1)*L:i*L], sc.delta[i*L:(i+1)*L]
		for k := 0; k < L; k++ {
			best, bp := neg, -1
			for p := 0; p < L; p++ {
				if prev[p] == neg || !m.allowed(p, k) {
					continue
				}
				if s := prev[p] + trans[(p+1)*L+k] + sc.pair[i*P+(p+1)*L+k]; s > best {
					best, bp = s, p
				}
			}
			cur[k] = best + sc.emit[i*L+k]
			sc.back[i*L+k] = int8(bp)
		}
	}
	out = grow(out, n)
	best := 0
	last := sc.delta[(n-1)*L : n*L]
	for k := range last {
		if last[k] > last[best] {
			best = k
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = best
		if i > 0 {
			best = int(sc.back[i*L+best])
		}
	}
	return out
}

// Tag predicts a label per word, given forms and tagger classes (indices
// into the classes bound with BindTags; nil or -1 for none).
func (m *Model) Tag(forms []string, tags []int, out []int) []int {
	if len(forms) == 0 {
		return out[:0]
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	sc.forms = forms
	m.prepare(sc, forms)
	m.emissions(sc, m.lm, tags)
	out = m.viterbi(sc, m.trans, out)
	m.postProcess(sc, forms, tags, out)
	sc.forms = nil
	return out
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
	Tags   []int // tagger classes, indices into Meta.Tags
	Labels []int
}

// Options control training.
type Options struct {
	Epochs    int
	Bits      uint
	Seed      uint64
	MinQ      int
	Gazetteer *Gazetteer // nil: the built-in lists
	GazSum    string     // its checksum, recorded in the meta data
	// WordDropout is the share of training words whose identity features
	// are left out, so the model also learns to rely on context, shape
	// and gazetteers.
	WordDropout float64
	Ensemble    int // models averaged (0 or 1: one)
	Log         func(string)
}

// Train trains a NER model with the structured (Viterbi) averaged
// perceptron. Gold label sequences must obey BIO. With o.Ensemble > 1 it
// trains that many models on differently shuffled data (seeds o.Seed,
// o.Seed+1, ...) and averages their weights into one model of the same
// size and speed.
func Train(meta Meta, data []Example, o Options) (*Model, error) {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Bits == 0 {
		o.Bits = 20
	}
	meta.Gazetteer = o.GazSum
	k := max(o.Ensemble, 1)
	trs := make([]*linear.Trainer, k)
	errs := make([]error, k)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for e := 0; e < k; e++ {
		wg.Add(1)
		go func(e int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			oo := o
			oo.Seed = o.Seed + uint64(e)
			if e > 0 {
				oo.Log = nil
			}
			trs[e], errs[e] = trainOne(meta, data, oo)
		}(e)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	avg := trs[0].Averaged()
	for _, t := range trs[1:] {
		for i, v := range t.Averaged() {
			avg[i] += v
		}
	}
	for i := range avg {
		avg[i] /= float32(k)
	}
	lm, err := linear.Quantize(o.Bits, len(meta.Labels), avg, o.MinQ)
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	return newModel(meta, lm, o.Gazetteer)
}

func trainOne(meta Meta, data []Example, o Options) (*linear.Trainer, error) {
	tr := linear.NewTrainer(o.Bits, len(meta.Labels))
	m, err := newModel(meta, tr, o.Gazetteer)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(o.Seed, 0x4e52))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	sc := m.pool.Get().(*scratch)
	var pred []int
	var tf [1]uint64
	var pf [nPair]uint64
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, si := range order {
			ex := &data[si]
			if len(ex.Forms) == 0 {
				continue
			}
			sc.forms = ex.Forms
			m.prepare(sc, ex.Forms)
			sc.drop = grow(sc.drop, len(ex.Forms))
			for i := range sc.drop {
				sc.drop[i] = rng.Float64() < o.WordDropout
			}
			m.computeTrans()
			m.emissions(sc, tr, ex.Tags)
			pred = m.viterbi(sc, m.trans, pred)
			for i := range ex.Forms {
				g, p := ex.Labels[i], pred[i]
				total++
				if g != p {
					errs++
					f := sc.feats[sc.fOff[i]:sc.fOff[i+1]]
					tr.Update(f, g, 1)
					tr.Update(f, p, -1)
				}
				gp, pp := -1, -1
				if i > 0 {
					gp, pp = ex.Labels[i-1], pred[i-1]
				}
				if g != p || gp != pp {
					tf[0] = linear.Seed(fTrans).Int(gp).Sum()
					tr.Update(tf[:], g, 1)
					tr.Update(m.pairFeatures(sc, i, gp, pf[:0]), g, 1)
					tf[0] = linear.Seed(fTrans).Int(pp).Sum()
					tr.Update(tf[:], p, -1)
					tr.Update(m.pairFeatures(sc, i, pp, pf[:0]), p, -1)
				}
			}
			tr.Tick()
		}
		if o.Log != nil {
			o.Log(fmt.Sprintf("ner epoch %d: token errors %.4f", ep+1, float64(errs)/float64(max(total, 1))))
		}
	}
	return tr, nil
}
