package tagger

import (
	"bytes"
	"testing"
)

func TestTrainTag(t *testing.T) {
	meta := ClassSet(map[[2]string]int{{"DET", "DT"}: 5, {"NOUN", "NN"}: 5, {"VERB", "VBD"}: 5, {"X", "FW"}: 1}, 2)
	if len(meta.UPOS) != 3 {
		t.Fatalf("classes %v", meta)
	}
	cls := map[string]int{}
	for k := range meta.UPOS {
		cls[meta.UPOS[k]] = k
	}
	d, n, v := cls["DET"], cls["NOUN"], cls["VERB"]
	data := []Example{
		{[]string{"the", "dog", "barked"}, []int{d, n, v}},
		{[]string{"a", "cat", "slept"}, []int{d, n, v}},
		{[]string{"the", "bird", "sang"}, []int{d, n, v}},
		{[]string{"a", "man", "walked"}, []int{d, n, -1}},
	}
	m, err := Train(meta, data, Options{Epochs: 5, Bits: 12, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var meta2, w bytes.Buffer
	if err := m.WriteMeta(&meta2); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteWeights(&w); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&meta2, &w)
	if err != nil {
		t.Fatal(err)
	}
	got := m2.Tag([]string{"the", "cat", "barked"}, nil)
	want := []int{d, n, v}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tag = %v, want %v", got, want)
		}
	}
	if out := m2.Tag(nil, nil); len(out) != 0 {
		t.Fatalf("empty input tagged %v", out)
	}
}
