package nlp

import (
	"strings"
	"testing"
)

func TestFixLeadingPast(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	class := func(upos, xpos string) int {
		for k := range p.tag.UPOS {
			if p.tag.UPOS[k] == upos && p.tag.XPOS[k] == xpos {
				return k
			}
		}
		t.Fatalf("no tagger class %s/%s", upos, xpos)
		return -1
	}
	byX := map[string]int{
		"DT": class("DET", "DT"), "NN": class("NOUN", "NN"), "NNS": class("NOUN", "NNS"), "JJ": class("ADJ", "JJ"),
		"VBN": class("VERB", "VBN"), "VBD": class("VERB", "VBD"), "CD": class("NUM", "CD"), "IN": class("ADP", "IN"),
		",": class("PUNCT", ","), ".": class("PUNCT", "."), "JJS": class("ADJ", "JJS"), "CC": class("CCONJ", "CC"),
	}
	cases := []struct {
		words, tags string
		want        string // the tag of the participle afterwards
	}{
		// a clause-opening subject, a past form and its object, then ", police said"
		{"A bomber killed at least 17 people , police said .", "DT NN VBN IN JJS CD NNS , NNS VBD .", "VBD"},
		{"Gunmen abducted ten students .", "NNS VBN CD NNS .", "VBD"},
		// a reduced relative: another finite verb is the clause's
		{"People killed ten days ago were buried .", "NNS VBN CD NNS IN VBD VBN .", "VBN"},
		// no object after it
		{"Soldiers wounded in the attack recovered .", "NNS VBN IN DT NN VBD .", "VBN"},
	}
	for _, c := range cases {
		forms := strings.Fields(c.words)
		var tags []int
		v := -1
		for i, x := range strings.Fields(c.tags) {
			if x == "VBN" && v < 0 {
				v = i
			}
			k, ok := byX[x]
			if !ok {
				t.Fatalf("test tag %q unknown", x)
			}
			tags = append(tags, k)
		}
		p.fixLeadingPast(forms, tags, 0, p.vbd)
		if got := p.tag.XPOS[tags[v]]; got != c.want {
			t.Errorf("%q: %q tagged %s, want %s", c.words, forms[v], got, c.want)
		}
	}
}

func TestFixLeadingParticiple(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	class := map[string]int{}
	for k := range p.tag.UPOS {
		key := p.tag.XPOS[k]
		if _, ok := class[key]; !ok || p.tag.UPOS[k] == "VERB" {
			class[key] = k // a verb class wins for VBD/VBN
		}
	}
	cases := []struct {
		words, tags string
		want        string // the tag of the first past form afterwards
	}{
		{"People killed in the attack were buried on Monday .", "NNS VBD IN DT NN VBD VBN IN NNP .", "VBN"},
		// another clause: a coordinator or subordinator before the later verb
		{"Police arrived in the city and searched homes .", "NNS VBD IN DT NN CC VBD NNS .", "VBD"},
		{"Protesters marched in the capital before police dispersed them .", "NNS VBD IN DT NN IN NNS VBD PRP .", "VBD"},
		// no later verb at all
		{"Rebels withdrew from the town .", "NNS VBD IN DT NN .", "VBD"},
		// a caption without final punctuation
		{"Villagers displaced by the floods wait for aid", "NNS VBD IN DT NNS VBP IN NN", "VBD"},
	}
	for _, c := range cases {
		forms := strings.Fields(c.words)
		var tags []int
		v := -1
		for i, x := range strings.Fields(c.tags) {
			k, ok := class[x]
			if !ok {
				t.Fatalf("tag %q unknown", x)
			}
			if x == "VBD" && v < 0 {
				v = i
			}
			tags = append(tags, k)
		}
		p.fixLeadingParticiple(forms, tags, 0, p.vbn)
		if got := p.tag.XPOS[tags[v]]; got != c.want {
			t.Errorf("%q: %q tagged %s, want %s", c.words, forms[v], got, c.want)
		}
	}
}
