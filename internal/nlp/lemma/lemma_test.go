package lemma

import (
	"bytes"
	"testing"
)

func TestTrainAndApply(t *testing.T) {
	var items []Item
	add := func(form, upos, xpos, lem string, n int) {
		for i := 0; i < n; i++ {
			items = append(items, Item{form, upos, xpos, lem})
		}
	}
	add("walked", "VERB", "VBD", "walk", 3)
	add("talked", "VERB", "VBD", "talk", 3)
	add("jumped", "VERB", "VBD", "jump", 3)
	add("went", "VERB", "VBD", "go", 5)
	add("cats", "NOUN", "NNS", "cat", 3)
	add("dogs", "NOUN", "NNS", "dog", 3)
	add("Obama", "PROPN", "NNP", "Obama", 2)
	l := Train(items)
	var buf bytes.Buffer
	if err := l.Write(&buf); err != nil {
		t.Fatal(err)
	}
	l2, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, upos, xpos, want string }{
		{"kicked", "VERB", "VBD", "kick"},
		{"Went", "VERB", "VBD", "go"},
		{"birds", "NOUN", "NNS", "bird"},
		{"Obama", "PROPN", "NNP", "Obama"},
		{"", "X", "XX", ""},
	}
	for _, tc := range tests {
		if got := l2.Lemma(tc.form, tc.upos, tc.xpos); got != tc.want {
			t.Errorf("Lemma(%q) = %q, want %q", tc.form, got, tc.want)
		}
	}
}
