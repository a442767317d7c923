package parser

import (
	"bytes"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/linear"
)

// Both feature sets learn a toy grammar (DET NOUN VERB [DET NOUN]) and the
// richer one survives a save/load round trip.
func TestTrainParseFeatureSets(t *testing.T) {
	labels := []string{"det", "nsubj", "obj", "root"}
	const det, nsubj, obj, root = 0, 1, 2, 3
	const D, N, V = 0, 1, 2
	data := []Example{
		{Forms: []string{"the", "dog", "barked"}, Tags: []int{D, N, V}, Heads: []int{2, 3, 0}, Labels: []int{det, nsubj, root}},
		{Forms: []string{"a", "cat", "saw", "the", "bird"}, Tags: []int{D, N, V, D, N}, Heads: []int{2, 3, 0, 5, 3}, Labels: []int{det, nsubj, root, det, obj}},
		{Forms: []string{"the", "man", "ate", "a", "fish"}, Tags: []int{D, N, V, D, N}, Heads: []int{2, 3, 0, 5, 3}, Labels: []int{det, nsubj, root, det, obj}},
	}
	for _, fs := range []int{0, 2} {
		meta := Meta{Labels: labels, Tags: []string{"DET\tDT", "NOUN\tNN", "VERB\tVBD"}, Features: fs}
		m, err := Train(meta, data, Options{Epochs: 8, Bits: 14, Seed: 1, Explore: 0.9})
		if err != nil {
			t.Fatal(err)
		}
		var mb, wb bytes.Buffer
		if err := m.WriteMeta(&mb); err != nil {
			t.Fatal(err)
		}
		if err := m.Weights().(*linear.Model).Write(&wb); err != nil {
			t.Fatal(err)
		}
		m2, err := Load(&mb, &wb)
		if err != nil {
			t.Fatal(err)
		}
		if m2.Features != fs {
			t.Fatalf("feature set %d loaded as %d", fs, m2.Features)
		}
		h, l := m2.Parse([]string{"a", "dog", "saw", "the", "cat"}, []int{D, N, V, D, N}, nil, nil)
		wantH, wantL := []int{2, 3, 0, 5, 3}, []int{det, nsubj, root, det, obj}
		for i := range wantH {
			if h[i] != wantH[i] || l[i] != wantL[i] {
				t.Errorf("features %d: heads %v labels %v, want %v %v", fs, h, l, wantH, wantL)
				break
			}
		}
		if h, _ := m2.Parse(nil, nil, nil, nil); len(h) != 0 {
			t.Errorf("empty sentence parsed to %v", h)
		}
	}
}
