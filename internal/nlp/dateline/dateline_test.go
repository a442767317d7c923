package dateline

import (
	"strings"
	"testing"
)

func TestPrefix(t *testing.T) {
	cases := []struct {
		forms, upos string
		want        int
	}{
		{"NAIROBI , March 10 ( Reuters ) - Kenya said", "PROPN PUNCT PROPN NUM PUNCT PROPN PUNCT PUNCT PROPN VERB", 8},
		{"KHARKIV , Ukraine , March 4 - Russian drones struck", "PROPN PUNCT PROPN PUNCT PROPN NUM PUNCT ADJ NOUN VERB", 7},
		{"TBILISI , Georgia , Dec. 2 , 2025 — Police used", "PROPN PUNCT PROPN PUNCT PROPN NUM PUNCT NUM PUNCT NOUN VERB", 9},
		{"PARIS ( AFP ) — France said", "PROPN PUNCT PROPN PUNCT PUNCT PROPN VERB", 5},
		{"LA PAZ — Bolivian authorities released", "PROPN PROPN PUNCT ADJ NOUN VERB", 3},
		{"KYIV , Ukraine - Russia said", "PROPN PUNCT PROPN PUNCT PROPN VERB", 4},
		{"US - China talks resumed", "PROPN PUNCT PROPN NOUN VERB", 0}, // an abbreviation, not a place in capitals
		{"GAZA CITY , Palestinian Territories : Four children were killed", "PROPN PROPN PUNCT PROPN PROPN PUNCT NUM NOUN AUX VERB", 6},
		{"Note : the talks resumed", "PROPN PUNCT DET NOUN VERB", 0},                             // a colon after an ordinary word
		{"NATO — the alliance said", "PROPN PUNCT DET NOUN VERB", 0},                             // an acronym before an aside
		{"Paris , France - the city", "PROPN PUNCT PROPN PUNCT DET NOUN", 0},                     // no date, no agency
		{"March 4 - Russian drones struck", "PROPN NUM PUNCT ADJ NOUN VERB", 0},                  // no place
		{"Obama met Hollande on March 4", "PROPN VERB PROPN ADP PROPN NUM", 0},                   // an ordinary sentence
		{"NAIROBI , March 10 ( Reuters ) -", "PROPN PUNCT PROPN NUM PUNCT PROPN PUNCT PUNCT", 0}, // nothing after it
	}
	for _, c := range cases {
		got := Prefix(strings.Fields(c.forms), strings.Fields(c.upos))
		if got != c.want {
			t.Errorf("Prefix(%q) = %d, want %d", c.forms, got, c.want)
		}
	}
}
