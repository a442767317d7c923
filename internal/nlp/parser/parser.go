// Package parser is a greedy transition-based dependency parser (arc-hybrid
// with a single-root constraint) scored by an averaged perceptron over
// hashed features of the stack, buffer and partial tree. It is trained with
// a dynamic oracle and exploration, so it recovers from its own mistakes.
package parser

import (
	"encoding/json"
	"fmt"
	"io"
	"sync"

	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

// Meta lists the dependency labels of a model.
type Meta struct {
	Labels []string `json:"labels"`
	Tags   []string `json:"tags"` // the tagger classes ("UPOS\tXPOS") the model was trained with
	// Features is the feature-set version: 0 the original templates, 2 adds
	// third-order, label-set, punctuation and distance templates.
	Features int `json:"features,omitempty"`
}

// Model is a trained parser. It is safe for concurrent use.
type Model struct {
	Meta
	lm   linear.Scorer
	pool sync.Pool
}

type scratch struct {
	st     state
	words  []wordfeat.Word
	tags   []int
	rich   bool  // Meta.Features >= 2
	punct  []int // punct[i] = number of clause punctuation marks among words 1..i-1
	feats  []uint64
	scores []float32
}

// LabelIndex returns the index of label l in Labels (0 when the model has
// no such label).
func (m *Model) LabelIndex(l string) int {
	for i, x := range m.Labels {
		if x == l {
			return i
		}
	}
	return 0
}

// New wraps a scorer with its labels.
func New(meta Meta, lm linear.Scorer) (*Model, error) {
	if 1+2*len(meta.Labels) != lm.Classes() {
		return nil, fmt.Errorf("parser: %d labels for %d classes", len(meta.Labels), lm.Classes())
	}
	m := &Model{Meta: meta, lm: lm}
	m.pool.New = func() any { return &scratch{scores: make([]float32, lm.Classes()), rich: meta.Features >= 2} }
	return m, nil
}

// Load reads a model from its meta (JSON) and weights.
func Load(meta, weights io.Reader) (*Model, error) {
	var md Meta
	if err := json.NewDecoder(meta).Decode(&md); err != nil {
		return nil, fmt.Errorf("parser: meta: %w", err)
	}
	lm, err := linear.Read(weights)
	if err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	return New(md, lm)
}

// WriteMeta writes the labels as JSON.
func (m *Model) WriteMeta(w io.Writer) error { return json.NewEncoder(w).Encode(m.Meta) }

// Weights returns the linear model, for saving.
func (m *Model) Weights() linear.Scorer { return m.lm }

const shift = 0

func isLeft(a int) bool { return a > 0 && a%2 == 1 }
func label(a int) int   { return (a - 1) / 2 }
func leftOf(l int) int  { return 1 + 2*l }
func rightOf(l int) int { return 2 + 2*l }

// state is an arc-hybrid configuration over words 1..n (0 is the root).
type state struct {
	n                  int
	stack              []int
	b                  int
	head, lab          []int
	lc1, lc2, rc1, rc2 []int
	nl, nr             []int
	lset, rset         []uint64 // label sets of the left / right children
	onStack            []bool
}

func grow(a []int, n int) []int {
	if cap(a) < n {
		return make([]int, n)
	}
	return a[:n]
}

func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	for _, p := range []*[]int{&s.head, &s.lab, &s.lc1, &s.lc2, &s.rc1, &s.rc2, &s.nl, &s.nr} {
		*p = grow(*p, n+1)
	}
	for i := 0; i <= n; i++ {
		s.head[i], s.lab[i], s.lc1[i], s.lc2[i], s.rc1[i], s.rc2[i], s.nl[i], s.nr[i] = -1, -1, -1, -1, -1, -1, 0, 0
	}
	for _, p := range []*[]uint64{&s.lset, &s.rset} {
		if cap(*p) < n+1 {
			*p = make([]uint64, n+1)
		}
		*p = (*p)[:n+1]
		clear(*p)
	}
	if cap(s.onStack) < n+1 {
		s.onStack = make([]bool, n+1)
	}
	s.onStack = s.onStack[:n+1]
	clear(s.onStack)
	s.onStack[0] = true
}

func (s *state) done() bool { return s.b > s.n && len(s.stack) == 1 }

func (s *state) valid(a int) bool {
	switch {
	case a == shift:
		return s.b <= s.n
	case isLeft(a):
		return s.b <= s.n && len(s.stack) > 1
	default:
		return len(s.stack) > 2 || len(s.stack) == 2 && s.b > s.n
	}
}

func (s *state) attach(h, d, l int) {
	s.head[d], s.lab[d] = h, l
	if d < h {
		s.lset[h] |= 1 << (uint(l) & 63)
		s.nl[h]++
		if s.lc1[h] < 0 || d < s.lc1[h] {
			s.lc2[h], s.lc1[h] = s.lc1[h], d
		} else if s.lc2[h] < 0 || d < s.lc2[h] {
			s.lc2[h] = d
		}
	} else {
		s.rset[h] |= 1 << (uint(l) & 63)
		s.nr[h]++
		if s.rc1[h] < 0 || d > s.rc1[h] {
			s.rc2[h], s.rc1[h] = s.rc1[h], d
		} else if s.rc2[h] < 0 || d > s.rc2[h] {
			s.rc2[h] = d
		}
	}
}

func (s *state) apply(a int) {
	switch {
	case a == shift:
		s.stack = append(s.stack, s.b)
		s.onStack[s.b] = true
		s.b++
	case isLeft(a):
		s0 := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.onStack[s0] = false
		s.attach(s.b, s0, label(a))
	default:
		s0 := s.stack[len(s.stack)-1]
		s1 := s.stack[len(s.stack)-2]
		s.stack = s.stack[:len(s.stack)-1]
		s.onStack[s0] = false
		s.attach(s1, s0, label(a))
	}
}

// Parse returns each word's head (0 = root, else 1-based) and label index,
// given word forms and tag classes (from the tagger).
func (m *Model) Parse(forms []string, tags []int, heads, labels []int) ([]int, []int) {
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	n := len(forms)
	sc.prepare(forms, tags)
	st := &sc.st
	st.reset(n)
	for !st.done() {
		sc.feats = features(st, sc, sc.feats[:0])
		clear(sc.scores)
		m.lm.Score(sc.feats, sc.scores)
		best, bs := -1, float32(0)
		for a, v := range sc.scores {
			if (best < 0 || v > bs) && st.valid(a) {
				best, bs = a, v
			}
		}
		st.apply(best)
	}
	heads, labels = heads[:0], labels[:0]
	for i := 1; i <= n; i++ {
		h, l := st.head[i], st.lab[i]
		if h < 0 { // cannot happen after done(); kept for safety
			h, l = 0, 0
		}
		heads = append(heads, h)
		labels = append(labels, l)
	}
	return heads, labels
}

func (sc *scratch) prepare(forms []string, tags []int) {
	sc.words = append(sc.words[:0], wordfeat.Root)
	var buf [96]byte
	for _, f := range forms {
		sc.words = append(sc.words, wordfeat.Of(f, buf[:0]))
	}
	sc.tags = append(append(sc.tags[:0], -2), tags...)
	sc.punct = append(sc.punct[:0], 0)
	c := 0
	for i := range forms {
		sc.punct = append(sc.punct, c)
		switch forms[i] {
		case ",", ";", ":", "--", "-", "–", "—":
			c++
		}
	}
	sc.punct = append(sc.punct, c)
}
