package nlp

import (
	"strings"
	"testing"
)

// checkPastForms runs fixPastForms on hand-tagged clauses and checks the
// tag of the first token tagged first (VBN or VBD) in each.
func checkPastForms(t *testing.T, first string, cases []struct{ words, tags, want string }) {
	t.Helper()
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
	for _, c := range cases {
		forms := strings.Fields(c.words)
		var tags []int
		v := -1
		for i, x := range strings.Fields(c.tags) {
			k, ok := class[x]
			if !ok {
				t.Fatalf("tag %q unknown", x)
			}
			if x == first && v < 0 {
				v = i
			}
			tags = append(tags, k)
		}
		p.fixPastForms(forms, tags)
		if got := p.tag.XPOS[tags[v]]; got != c.want {
			t.Errorf("%q: %q tagged %s, want %s", c.words, forms[v], got, c.want)
		}
	}
}

func TestFixLeadingPast(t *testing.T) {
	checkPastForms(t, "VBN", []struct{ words, tags, want string }{
		// a clause-opening subject, a past form and its object, then ", police said"
		{"A bomber killed at least 17 people , police said .", "DT NN VBN IN JJS CD NNS , NNS VBD .", "VBD"},
		{"Gunmen abducted ten students .", "NNS VBN CD NNS .", "VBD"},
		// a reduced relative: another finite verb is the clause's
		{"People killed ten days ago were buried .", "NNS VBN CD NNS IN VBD VBN .", "VBN"},
		// no object after it
		{"Soldiers wounded in the attack recovered .", "NNS VBN IN DT NN VBD .", "VBN"},
		// a caption without final punctuation
		{"Gunmen abducted ten students", "NNS VBN CD NNS", "VBN"},
	})
}

func TestFixLeadingParticiple(t *testing.T) {
	checkPastForms(t, "VBD", []struct{ words, tags, want string }{
		{"People killed in the attack were buried on Monday .", "NNS VBD IN DT NN VBD VBN IN NNP .", "VBN"},
		// another clause: a coordinator or subordinator before the later verb
		{"Police arrived in the city and searched homes .", "NNS VBD IN DT NN CC VBD NNS .", "VBD"},
		{"Protesters marched in the capital before police dispersed them .", "NNS VBD IN DT NN IN NNS VBD PRP .", "VBD"},
		// no later verb at all
		{"Rebels withdrew from the town .", "NNS VBD IN DT NN .", "VBD"},
		// a caption without final punctuation
		{"Villagers displaced by the floods wait for aid", "NNS VBD IN DT NNS VBP IN NN", "VBD"},
	})
}
