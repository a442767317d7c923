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
