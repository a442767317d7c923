package parser

import (
	"reflect"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/shared"
)

func isProjective(h []int) bool {
	for d := 1; d <= len(h); d++ {
		for d2 := 1; d2 <= len(h); d2++ {
			a1, b1 := min(d, h[d-1]), max(d, h[d-1])
			a2, b2 := min(d2, h[d2-1]), max(d2, h[d2-1])
			if a1 < a2 && a2 < b1 && b1 < b2 {
				return false
			}
		}
	}
	return true
}

func TestProjectivize(t *testing.T) {
	tests := []struct{ in, want []int }{
		{[]int{2, 0, 2}, []int{2, 0, 2}},
		// 1←3, 2←4 crosses: lifting 2's arc (or 1's) makes it projective
		{[]int{3, 4, 0, 3}, nil},
		{[]int{0}, []int{0}},
	}
	for _, tc := range tests {
		got := Projectivize(tc.in)
		if !isProjective(got) {
			t.Errorf("Projectivize(%v) = %v, not projective", tc.in, got)
		}
		if tc.want != nil && !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Projectivize(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// oracleParse follows zero-cost transitions and returns the tree built.
func oracleParse(heads, labels []int) ([]int, []int) {
	n := len(heads)
	g := gold{head: make([]int, n+1), lab: make([]int, n+1), kids: make([][]int, n+1)}
	for d := 1; d <= n; d++ {
		g.head[d], g.lab[d] = heads[d-1], labels[d-1]
		g.kids[heads[d-1]] = append(g.kids[heads[d-1]], d)
	}
	var st state
	st.reset(n)
	for !st.done() {
		var cs, cl, cr int
		g.costs(&st, &cs, &cl, &cr)
		s0 := st.stack[len(st.stack)-1]
		switch {
		case st.valid(shift) && cs == 0:
			st.apply(shift)
		case st.valid(leftOf(0)) && cl == 0:
			st.apply(leftOf(g.lab[s0]))
		case st.valid(rightOf(0)) && cr == 0:
			st.apply(rightOf(g.lab[s0]))
		default:
			return nil, nil
		}
	}
	return st.head[1:], st.lab[1:]
}

func TestOracleReproducesProjectiveTrees(t *testing.T) {
	trees := [][]int{
		{2, 0, 2},
		{0, 1, 1, 3},
		{3, 3, 0, 5, 3, 5},
		{2, 5, 2, 5, 0, 5},
	}
	if p := shared.Path("data", "ud", "en_ewt", "en_ewt-ud-dev.conllu"); p != "" {
		ss, err := conllu.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ss[:300] {
			h := make([]int, len(s.Words))
			for i, w := range s.Words {
				h[i] = w.Head
			}
			trees = append(trees, Projectivize(h))
		}
	}
	for _, h := range trees {
		roots := 0
		for _, x := range h {
			if x == 0 {
				roots++
			}
		}
		if roots != 1 {
			continue
		}
		labels := make([]int, len(h))
		for i := range labels {
			labels[i] = i % 3
		}
		gh, gl := oracleParse(h, labels)
		if !reflect.DeepEqual(gh, h) || !reflect.DeepEqual(gl, labels) {
			t.Errorf("oracle on %v built %v %v", h, gh, gl)
		}
	}
}
