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
		{"given name and surname", []string{"actor", "John", "Cruise", "said"}, []int{0, 0, 0, 0}, []int{0, B("PER"), I("PER"), 0}},
		{"given name tagged alone completed", []string{"John", "Cruise", "said"}, []int{B("PER"), 0, 0}, []int{B("PER"), I("PER"), 0}},
		{"given name before a street left", []string{"on", "Paul", "Street", "today"}, []int{0, 0, 0, 0}, []int{0, 0, 0, 0}},
		{"given name in a longer capitalized run left", []string{"at", "Mark", "Twain", "High", "School"}, []int{0, 0, 0, 0, 0}, []int{0, 0, 0, 0, 0}},
		{"initial joined", []string{"by", "L.", "Ron", "Hubbard"}, []int{0, 0, B("PER"), I("PER")}, []int{0, B("PER"), I("PER"), I("PER")}},
		{"organization word after a mention", []string{"the", "LA", "Weekly", "said"}, []int{0, B("LOC"), 0, 0}, []int{0, B("ORG"), I("ORG"), 0}},
		{"mention ending in an organization word", []string{"the", "Saudi", "Gazette", "said"}, []int{0, B("LOC"), I("LOC"), 0}, []int{0, B("ORG"), I("ORG"), 0}},
		{"known place with an organization word kept", []string{"the", "West", "Bank", "is"}, []int{0, B("LOC"), I("LOC"), 0}, []int{0, B("LOC"), I("LOC"), 0}},
		{"demonym before an organization", []string{"the", "Iraqi", "Islamic", "Party"}, []int{0, 0, B("ORG"), I("ORG")}, []int{0, B("ORG"), I("ORG"), I("ORG")}},
		{"untagged organization run", []string{"an", "Iranian", "Opposition", "Group", "said"}, []int{0, 0, 0, 0, 0}, []int{0, B("ORG"), I("ORG"), I("ORG"), 0}},
		{"organization of a place", []string{"the", "Housing", "Authority", "of", "New", "Orleans"}, []int{0, B("ORG"), I("ORG"), 0, B("LOC"), I("LOC")}, []int{0, B("ORG"), I("ORG"), I("ORG"), I("ORG"), I("ORG")}},
		{"company of a place left", []string{"Google", "Inc.", "of", "Mountain", "View"}, []int{B("ORG"), I("ORG"), 0, B("LOC"), I("LOC")}, []int{B("ORG"), I("ORG"), 0, B("LOC"), I("LOC")}},
		{"of X and Y", []string{"Department", "of", "Housing", "and", "Urban", "Development", "said"}, []int{B("ORG"), I("ORG"), I("ORG"), 0, 0, 0, 0}, []int{B("ORG"), I("ORG"), I("ORG"), I("ORG"), I("ORG"), I("ORG"), 0}},
		{"honorific trimmed", []string{"Doctor", "Hank", "said"}, []int{B("PER"), I("PER"), 0}, []int{0, B("PER"), 0}},
		{"acronym in brackets", []string{"the", "Fair", "Housing", "Center", "(", "FHC", ")", "said"}, []int{0, B("ORG"), I("ORG"), I("ORG"), 0, 0, 0, 0}, []int{0, B("ORG"), I("ORG"), I("ORG"), 0, B("ORG"), 0, 0}},
		{"bracket after a one-word mention left", []string{"Obama", "(", "AP", ")", "said"}, []int{B("PER"), 0, 0, 0, 0}, []int{B("PER"), 0, 0, 0, 0}},
		{"given name inside a longer name left", []string{"near", "Second", "Thomas", "Shoal"}, []int{0, 0, 0, 0}, []int{0, 0, 0, 0}},
		{"article before a known place trimmed", []string{"The", "Philippines", "said"}, []int{B("LOC"), I("LOC"), 0}, []int{0, B("LOC"), 0}},
		{"person ending in a place word is a place", []string{"near", "Second", "Thomas", "Shoal"}, []int{0, B("PER"), I("PER"), I("PER")}, []int{0, B("LOC"), I("LOC"), I("LOC")}},
		{"bare title of another type dropped", []string{"the", "Captain", "said"}, []int{0, B("LOC"), 0}, []int{0, 0, 0}},
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
