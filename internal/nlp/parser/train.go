package parser

import (
	"fmt"
	"math/rand/v2"

	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

// Example is one training sentence: forms, tag classes, gold heads
// (0 = root, else 1-based) and label indices.
type Example struct {
	Forms  []string
	Tags   []int
	Heads  []int
	Labels []int
}

// Options control training.
type Options struct {
	Epochs  int
	Bits    uint
	Seed    uint64
	MinQ    int
	Explore float64 // probability of following a wrong prediction (from epoch 2)
	Log     func(string)
}

// Projectivize lifts non-projective arcs (a word's head becomes its head's
// head) until the tree is projective. heads are 0 = root, else 1-based.
func Projectivize(heads []int) []int {
	h := append([]int(nil), heads...)
	n := len(h)
	dominated := func(anc, d int) bool { // is d a descendant of anc?
		for steps := 0; d != 0 && steps <= n; steps++ {
			if d == anc {
				return true
			}
			d = h[d-1]
		}
		return d == anc
	}
	for iter := 0; iter < n*n+1; iter++ {
		changed := false
		for d := 1; d <= n; d++ {
			hd := h[d-1]
			lo, hi := min(hd, d), max(hd, d)
			for k := lo + 1; k < hi; k++ {
				if !dominated(hd, k) {
					if hd != 0 {
						h[d-1] = h[hd-1]
						changed = true
					}
					break
				}
			}
		}
		if !changed {
			break
		}
	}
	return h
}

type gold struct {
	head, lab []int   // 1-based positions, index 0 unused
	kids      [][]int // gold children of each position (0 = root)
}

func (g *gold) costs(s *state, cShift, cLeft, cRight *int) {
	s0 := s.stack[len(s.stack)-1]
	s1 := -1
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	b := s.b
	*cShift, *cLeft, *cRight = 0, 0, 0
	if b <= s.n {
		if h := g.head[b]; h != s0 && s.onStack[h] {
			*cShift++
		}
		for _, k := range g.kids[b] {
			if s.onStack[k] {
				*cShift++
			}
		}
	}
	if s0 > 0 {
		inBuf := 0
		for _, k := range g.kids[s0] {
			if k >= b {
				inBuf++
			}
		}
		h := g.head[s0]
		*cLeft, *cRight = inBuf, inBuf
		if h != b && (h == s1 || h >= b) {
			*cLeft++
		}
		if h != s1 && h >= b {
			*cRight++
		}
	}
}

// Train trains a parser on data.
func Train(meta Meta, data []Example, o Options) (*Model, error) {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Bits == 0 {
		o.Bits = 21
	}
	C := 1 + 2*len(meta.Labels)
	tr := linear.NewTrainer(o.Bits, C)
	rng := rand.New(rand.NewPCG(o.Seed, 0x9a45))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	golds := make([]gold, len(data))
	for i, ex := range data {
		n := len(ex.Forms)
		if len(ex.Tags) != n || len(ex.Heads) != n || len(ex.Labels) != n {
			return nil, fmt.Errorf("parser: example %d: column lengths differ", i)
		}
		ph := Projectivize(ex.Heads)
		g := gold{head: make([]int, n+1), lab: make([]int, n+1), kids: make([][]int, n+1)}
		for d := 1; d <= n; d++ {
			g.head[d], g.lab[d] = ph[d-1], ex.Labels[d-1]
			g.kids[ph[d-1]] = append(g.kids[ph[d-1]], d)
		}
		golds[i] = g
	}
	sc := &scratch{scores: make([]float32, C), rich: meta.Features >= 2}
	costs := make([]int, C)
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		correct, total := 0, 0
		for _, si := range order {
			ex, g := &data[si], &golds[si]
			n := len(ex.Forms)
			sc.prepare(ex.Forms, ex.Tags)
			st := &sc.st
			st.reset(n)
			for !st.done() {
				sc.feats = features(st, sc, sc.feats[:0])
				clear(sc.scores)
				tr.Score(sc.feats, sc.scores)
				var cs, cl, cr int
				g.costs(st, &cs, &cl, &cr)
				s0 := st.stack[len(st.stack)-1]
				s1 := -1
				if len(st.stack) > 1 {
					s1 = st.stack[len(st.stack)-2]
				}
				minC := 1 << 30
				pred, gbest := -1, -1
				for a := 0; a < C; a++ {
					if !st.valid(a) {
						costs[a] = -1
						continue
					}
					c := cs
					if a != shift {
						l := label(a)
						if isLeft(a) {
							c = cl
							if s0 > 0 && g.head[s0] == st.b && g.lab[s0] != l {
								c++
							}
						} else {
							c = cr
							if s0 > 0 && g.head[s0] == s1 && g.lab[s0] != l {
								c++
							}
						}
					}
					costs[a] = c
					if pred < 0 || sc.scores[a] > sc.scores[pred] {
						pred = a
					}
					if c < minC || c == minC && sc.scores[a] > sc.scores[gbest] {
						minC, gbest = c, a
					}
				}
				total++
				next := gbest
				if costs[pred] > minC {
					tr.Update(sc.feats, gbest, 1)
					tr.Update(sc.feats, pred, -1)
					if ep > 0 && rng.Float64() < o.Explore {
						next = pred
					}
				} else {
					correct++
					next = pred
				}
				tr.Tick()
				st.apply(next)
			}
		}
		if o.Log != nil {
			o.Log(fmt.Sprintf("parser epoch %d: oracle agreement %.4f", ep+1, float64(correct)/float64(max(total, 1))))
		}
	}
	return New(meta, tr.Finish(o.MinQ))
}

var _ = wordfeat.Pad
