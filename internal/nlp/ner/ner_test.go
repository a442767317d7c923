package ner

import (
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/linear"
)

func TestTrainTagAndRules(t *testing.T) {
	meta := Meta{Labels: DefaultLabels}
	idx := map[string]int{}
	for k, l := range meta.Labels {
		idx[l] = k
	}
	ex := func(forms []string, labels ...string) Example {
		e := Example{Forms: forms, Tags: make([]int, len(forms))}
		for _, l := range labels {
			e.Labels = append(e.Labels, idx[l])
		}
		return e
	}
	data := []Example{
		ex([]string{"Anna", "Smith", "visited", "Paris", "."}, "B-PER", "I-PER", "O", "B-LOC", "O"),
		ex([]string{"John", "Brown", "left", "Berlin", "."}, "B-PER", "I-PER", "O", "B-LOC", "O"),
		ex([]string{"we", "saw", "Rome", "."}, "O", "O", "B-LOC", "O"),
	}
	m, err := Train(meta, data, Options{Epochs: 8, Bits: 14, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	got := m.Tag([]string{"Anna", "Smith", "visited", "Berlin", "."}, make([]int, 5), nil)
	want := []string{"B-PER", "I-PER", "", "B-LOC", ""}
	for i := range want {
		if m.Name(got[i]) != want[i] {
			t.Fatalf("Tag = %v, want %v", got, want)
		}
	}
	// BIO constraint: an I- label never follows O or another type.
	out := m.Tag([]string{"Smith", "Paris", "x", "Smith", "Rome", "Brown"}, make([]int, 6), nil)
	for i, k := range out {
		if b := m.inside[k]; b >= 0 && (i == 0 || out[i-1] != b && out[i-1] != k) {
			t.Fatalf("I- label after %v at %d: %v", out[max(i-1, 0)], i, out)
		}
	}
}

func TestPostRules(t *testing.T) {
	m, err := newModel(Meta{Labels: DefaultLabels}, linear.NewTrainer(4, len(DefaultLabels)), nil)
	if err != nil {
		t.Fatal(err)
	}
	B, I := func(t string) int { return m.labelIndex("B-" + t) }, func(t string) int { return m.labelIndex("I-" + t) }
	tests := []struct {
		name   string
		forms  []string
		labels []int
		want   []int
	}{
		{"title trimmed", []string{"President", "Obama", "spoke"}, []int{B("PER"), I("PER"), 0}, []int{0, B("PER"), 0}},
		{"bare title dropped", []string{"the", "President", "spoke"}, []int{0, B("PER"), 0}, []int{0, 0, 0}},
		{"gazetteer name completed", []string{"the", "Golan", "Heights", "said"}, []int{0, B("ORG"), 0, 0}, []int{0, B("LOC"), I("LOC"), 0}},
		{"gazetteer organization completed", []string{"the", "Islamic", "State", "said"}, []int{0, B("ORG"), 0, 0}, []int{0, B("ORG"), I("ORG"), 0}},
		{"symbol dropped", []string{"IS", "-", "claimed"}, []int{0, B("PER"), 0}, []int{0, 0, 0}},
		{"lower-case tail trimmed", []string{"Yonhap", "news", "agency", "said"}, []int{B("ORG"), I("ORG"), I("ORG"), 0}, []int{B("ORG"), 0, 0, 0}},
		{"lower-case inside kept", []string{"Bank", "of", "America", "said"}, []int{B("ORG"), I("ORG"), I("ORG"), 0}, []int{B("ORG"), I("ORG"), I("ORG"), 0}},
		{"hyphenated name kept", []string{"Lee", "Cheuk", "-", "yan"}, []int{B("PER"), I("PER"), I("PER"), I("PER")}, []int{B("PER"), I("PER"), I("PER"), I("PER")}},
		{"lower-case name kept", []string{"burger", "king"}, []int{B("ORG"), I("ORG")}, []int{B("ORG"), I("ORG")}},
		{"function word dropped", []string{"Obama", "and", "Putin"}, []int{B("PER"), B("PER"), B("PER")}, []int{B("PER"), 0, B("PER")}},
	}
	sc := m.pool.Get().(*scratch)
	for _, tc := range tests {
		sc.forms = tc.forms
		m.prepare(sc, tc.forms)
		got := append([]int(nil), tc.labels...)
		m.postProcess(sc, tc.forms, nil, got)
		for i := range tc.want {
			if got[i] != tc.want[i] {
				t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
				break
			}
		}
	}
}
