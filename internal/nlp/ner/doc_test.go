package ner

import (
	"bytes"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/linear"
)

func TestHarmonize(t *testing.T) {
	m, err := newModel(Meta{Labels: DefaultLabels}, linear.NewTrainer(4, len(DefaultLabels)), nil)
	if err != nil {
		t.Fatal(err)
	}
	L := m.Label
	tests := []struct {
		name   string
		forms  [][]string
		labels [][]int
		want   [][]int
	}{
		{"missed repetition tagged",
			[][]string{{"Call", "Canon", "now"}, {"Canon", "said", "no"}},
			[][]int{{0, L("B-ORG"), 0}, {0, 0, 0}},
			[][]int{{0, L("B-ORG"), 0}, {L("B-ORG"), 0, 0}}},
		{"majority type",
			[][]string{{"Jordan", "won"}, {"Jordan", "scored"}, {"Jordan", "left"}},
			[][]int{{L("B-PER"), 0}, {L("B-PER"), 0}, {L("B-LOC"), 0}},
			[][]int{{L("B-PER"), 0}, {L("B-PER"), 0}, {L("B-PER"), 0}}},
		{"tie left alone",
			[][]string{{"Jordan", "won"}, {"Jordan", "left"}},
			[][]int{{L("B-PER"), 0}, {L("B-LOC"), 0}},
			[][]int{{L("B-PER"), 0}, {L("B-LOC"), 0}}},
		{"lower-case and function words not spread",
			[][]string{{"the", "and", "x"}, {"and", "the"}},
			[][]int{{L("B-ORG"), L("B-PER"), 0}, {0, 0}},
			[][]int{{L("B-ORG"), L("B-PER"), 0}, {0, 0}}},
		{"surname of a person spread",
			[][]string{{"Tom", "Cruise", "arrived"}, {"Cruise", "said", "so"}, {"Cruise", "Ships", "sail"}},
			[][]int{{L("B-PER"), L("I-PER"), 0}, {0, 0, 0}, {0, 0, 0}},
			[][]int{{L("B-PER"), L("I-PER"), 0}, {L("B-PER"), 0, 0}, {0, 0, 0}}},
		{"surname of a person retyped",
			[][]string{{"Tom", "Cruise", "arrived"}, {"Cruise", "said", "so"}},
			[][]int{{L("B-PER"), L("I-PER"), 0}, {L("B-LOC"), 0, 0}},
			[][]int{{L("B-PER"), L("I-PER"), 0}, {L("B-PER"), 0, 0}}},
		{"boundary of another mention kept",
			[][]string{{"Mr", "York", "is"}, {"York", "Paris"}, {"York", "fell"}},
			[][]int{{0, L("B-PER"), 0}, {0, L("B-LOC")}, {L("B-PER"), 0}},
			[][]int{{0, L("B-PER"), 0}, {0, L("B-LOC")}, {L("B-PER"), 0}}},
	}
	for _, tc := range tests {
		m.Harmonize(tc.forms, tc.labels)
		for s := range tc.want {
			for i := range tc.want[s] {
				if tc.labels[s][i] != tc.want[s][i] {
					t.Errorf("%s: got %v, want %v", tc.name, tc.labels, tc.want)
				}
			}
		}
	}
}

// A trained model survives writing and loading, and refuses a gazetteer
// other than the one it was trained with.
func TestSaveLoad(t *testing.T) {
	g := NewGazetteer()
	g.Add(GCity, []string{"Kharkiv"})
	var gb bytes.Buffer
	if err := g.Write(&gb); err != nil {
		t.Fatal(err)
	}
	g, sum, err := ReadGazetteer(bytes.NewReader(gb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	meta := Meta{Labels: DefaultLabels, Tags: []string{"PROPN\tNNP", "VERB\tVBD", "PUNCT\t."}}
	ex := func(forms string, labels ...int) Example {
		f := strings.Fields(forms)
		tags := make([]int, len(f))
		for i, w := range f {
			switch {
			case w == ".":
				tags[i] = 2
			case w[0] >= 'A' && w[0] <= 'Z':
				tags[i] = 0
			default:
				tags[i] = 1
			}
		}
		return Example{Forms: f, Tags: tags, Labels: labels}
	}
	data := []Example{
		ex("Anna Smith visited Kharkiv .", 1, 2, 0, 5, 0),
		ex("John Brown left Paris .", 1, 2, 0, 5, 0),
		ex("Acme Corp hired Anna .", 3, 4, 0, 1, 0),
	}
	m, err := Train(meta, data, Options{Epochs: 6, Bits: 14, Seed: 1, Gazetteer: g, GazSum: sum, WordDropout: 0.1})
	if err != nil {
		t.Fatal(err)
	}
	var mb, wb bytes.Buffer
	if err := m.WriteMeta(&mb); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteWeights(&wb); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(mb.Bytes()), bytes.NewReader(wb.Bytes()), bytes.NewReader(gb.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	probe := ex("John Smith visited Kharkiv .")
	a, b := m.Tag(probe.Forms, probe.Tags, nil), m2.Tag(probe.Forms, probe.Tags, nil)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("loaded model tags %v, trained one %v", b, a)
		}
	}
	if m.Name(a[0]) != "B-PER" || m.Name(a[3]) != "B-LOC" {
		t.Errorf("tags %v", a)
	}
	// tagger classes bound by name: another class order gives the same result
	m2.BindTags([]string{"PUNCT\t.", "PROPN\tNNP", "VERB\tVBD"})
	perm := make([]int, len(probe.Tags))
	for i, k := range probe.Tags {
		perm[i] = (k + 1) % 3
	}
	c := m2.Tag(probe.Forms, perm, nil)
	for i := range a {
		if a[i] != c[i] {
			t.Fatalf("rebound tags: %v, want %v", c, a)
		}
	}
	// another gazetteer, or none, is refused
	other := NewGazetteer()
	var ob bytes.Buffer
	other.Write(&ob)
	if _, err := Load(bytes.NewReader(mb.Bytes()), bytes.NewReader(wb.Bytes()), bytes.NewReader(ob.Bytes())); err == nil {
		t.Error("model loaded with another gazetteer")
	}
	if _, err := Load(bytes.NewReader(mb.Bytes()), bytes.NewReader(wb.Bytes()), nil); err == nil {
		t.Error("model loaded without its gazetteer")
	}
	if out := m.Tag(nil, nil, nil); len(out) != 0 {
		t.Errorf("empty sentence tagged %v", out)
	}
}
