package linear

import (
	"bytes"
	"testing"
)

// A toy problem: class = which of three "words" is present.
func TestTrainRoundTrip(t *testing.T) {
	tr := NewTrainer(8, 3)
	feats := func(k int) []uint64 { return []uint64{Seed(1).Int(k).Sum(), Seed(2).Sum()} }
	scores := make([]float32, 3)
	for ep := 0; ep < 5; ep++ {
		for k := 0; k < 3; k++ {
			clear(scores)
			tr.Score(feats(k), scores)
			if p := Argmax(scores, nil); p != k {
				tr.Update(feats(k), k, 1)
				tr.Update(feats(k), p, -1)
			}
			tr.Tick()
		}
	}
	m := tr.Finish(1)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	m2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if m2.NNZ() != m.NNZ() || m2.Classes() != 3 {
		t.Fatalf("round trip: nnz %d vs %d", m2.NNZ(), m.NNZ())
	}
	for k := 0; k < 3; k++ {
		clear(scores)
		m2.Score(feats(k), scores)
		if p := Argmax(scores, nil); p != k {
			t.Errorf("class %d predicted as %d (scores %v)", k, p, scores)
		}
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("not gzip"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}} {
		if _, err := Read(bytes.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func TestHashDistinguishes(t *testing.T) {
	a := Seed(1).Str("ab").Str("c").Sum()
	b := Seed(1).Str("a").Str("bc").Sum()
	c := Seed(2).Str("ab").Str("c").Sum()
	if a == b || a == c {
		t.Fatal("hash collisions on simple inputs")
	}
}

// Quantize of averaged weights scores like the dense averages (within two
// quantization steps) and an ensemble of trainers can be averaged into one
// model.
func TestAveragedQuantize(t *testing.T) {
	const bits, classes = 6, 3
	feats := func(k int) []uint64 { return []uint64{Seed(1).Int(k).Sum(), Seed(2).Sum()} }
	trs := []*Trainer{NewTrainer(bits, classes), NewTrainer(bits, classes)}
	for e, tr := range trs {
		for k := 0; k < classes; k++ {
			tr.Update(feats(k), k, float32(1+e))
			tr.Update(feats(k), (k+1)%classes, -0.5)
			tr.Tick()
		}
	}
	avg := trs[0].Averaged()
	for i, v := range trs[1].Averaged() {
		avg[i] = (avg[i] + v) / 2
	}
	m, err := Quantize(bits, classes, avg, 0)
	if err != nil {
		t.Fatal(err)
	}
	step := float64(m.Scale)
	for k := 0; k < classes; k++ {
		got := make([]float32, classes)
		m.Score(feats(k), got)
		for c := 0; c < classes; c++ {
			var want float64
			for _, f := range feats(k) {
				want += float64(avg[int(f&(1<<bits-1))*classes+c])
			}
			if d := float64(got[c]) - want; d > 2*step || d < -2*step {
				t.Errorf("feature set %d class %d: score %v, dense %v", k, c, got[c], want)
			}
		}
	}
	// a single trainer: Finish and Quantize(Averaged) agree on which
	// weights survive pruning.
	f := trs[0].Finish(1)
	q, err := Quantize(bits, classes, trs[0].Averaged(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if f.NNZ() != q.NNZ() || f.NNZ() == 0 {
		t.Errorf("Finish keeps %d weights, Quantize(Averaged) %d", f.NNZ(), q.NNZ())
	}
}

func TestQuantizeRejectsBadShape(t *testing.T) {
	tests := []struct {
		bits    uint
		classes int
		n       int
	}{
		{4, 3, 47},
		{4, 0, 0},
		{4, 300, 16 * 300},
		{27, 1, 0},
	}
	for _, tc := range tests {
		if _, err := Quantize(tc.bits, tc.classes, make([]float32, tc.n), 0); err == nil {
			t.Errorf("Quantize(%d, %d, %d weights) succeeded", tc.bits, tc.classes, tc.n)
		}
	}
}
