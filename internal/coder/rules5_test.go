package coder

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Hand-parsed invented sentences for the round-5 rules, in the analyses
// the newer parser model gives.
const (
	// a verbless headline: the verb tagged as a noun compound
	r5HeadSign = `Chile and Peru sign water sharing deal
1 Chile Chile PROPN NNP 7 compound
2 and and CCONJ CC 3 cc
3 Peru Peru PROPN NNP 1 conj
4 sign sign NOUN NN 7 compound
5 water water NOUN NN 6 compound
6 sharing sharing NOUN NN 7 compound
7 deal deal NOUN NN 0 root`

	// a dateline whose place the parser made the subject
	r5Dateline = `Moscow , May 2 ( Wire ) - Chinese envoys met Turkish officials .
1 Moscow Moscow PROPN NNP 10 nsubj
2 , , PUNCT , 4 punct
3 May May PROPN NNP 4 nmod:unmarked
4 2 2 NUM CD 1 appos
5 ( ( PUNCT -LRB- 6 punct
6 Wire Wire PROPN NNP 1 appos
7 ) ) PUNCT -RRB- 6 punct
8 - - PUNCT HYPH 10 punct
9 Chinese Chinese ADJ JJ 10 amod
10 envoys envoy NOUN NNS 11 nsubj
11 met meet VERB VBD 0 root
12 Turkish Turkish ADJ JJ 13 amod
13 officials official NOUN NNS 11 obj
14 . . PUNCT . 11 punct`

	// the older model's analysis: the agency as subject, the real subject
	// its apposition
	r5DatelineAgency = `Moscow ( Wire ) - Chinese envoys met Turkish officials .
1 Moscow Moscow PROPN NNP 8 nsubj
2 ( ( PUNCT -LRB- 3 punct
3 Wire Wire PROPN NNP 8 nsubj
4 ) ) PUNCT -RRB- 3 punct
5 - - PUNCT HYPH 7 punct
6 Chinese Chinese ADJ JJ 7 amod
7 envoys envoy NOUN NNS 3 appos
8 met meet VERB VBD 0 root
9 Turkish Turkish ADJ JJ 10 amod
10 officials official NOUN NNS 8 obj
11 . . PUNCT . 8 punct`

	// a meeting, then "the two leaders" acting together
	r5Met = `Chile 's president met the Peruvian president in Lima .
1 Chile Chile PROPN NNP 3 nmod:poss
2 's 's PART POS 1 case
3 president president NOUN NN 4 nsubj
4 met meet VERB VBD 0 root
5 the the DET DT 7 det
6 Peruvian Peruvian ADJ JJ 7 amod
7 president president NOUN NN 4 obj
8 in in ADP IN 9 case
9 Lima Lima PROPN NNP 4 obl
10 . . PUNCT . 4 punct`

	r5TwoSigned = `The two leaders signed an agreement on trade .
1 The the DET DT 3 det
2 two two NUM CD 3 nummod
3 leaders leader NOUN NNS 4 nsubj
4 signed sign VERB VBD 0 root
5 an a DET DT 6 det
6 agreement agreement NOUN NN 4 obj
7 on on ADP IN 8 case
8 trade trade NOUN NN 6 nmod
9 . . PUNCT . 4 punct`
)

func TestRound5(t *testing.T) {
	extra := map[string]fakeEntry{"Peruvian": {"PER", "country", ""}, "Chinese": {"CHN", "country", ""}, "Turkish": {"TUR", "country", ""},
		"leaders": {"GOV", "agent", ""}}
	type want struct{ src, tgt, root string }
	cases := []struct {
		name   string
		title  string
		sents  []string
		want   []want
		nowant []want
	}{
		{name: "a verbless headline's compound verb heads the clause", title: "Chile and Peru sign water sharing deal",
			sents: []string{r5HeadSign}, want: []want{{"CHL", "PER", "057"}}},
		{name: "the same compound in the body is left alone", sents: []string{r5HeadSign}, nowant: []want{{"CHL", "PER", "057"}}},
		{name: "a dateline's place is no participant", sents: []string{r5Dateline},
			want: []want{{"CHN", "TUR", "04"}}, nowant: []want{{"RUS", "TUR", "04"}}},
		{name: "a clause hung inside the dateline takes its place", sents: []string{r5DatelineAgency},
			want: []want{{"CHN", "TUR", "04"}}, nowant: []want{{"RUS", "TUR", "04"}}},
		{name: "the two leaders of a meeting sign together", sents: []string{r5Met, r5TwoSigned},
			want: []want{{"CHL", "PERGOV", "057"}, {"PERGOV", "CHL", "057"}}, nowant: []want{{"GOV", "", "057"}}},
		{name: "without a preceding pair the two leaders stay unresolved", sents: []string{r5TwoSigned},
			nowant: []want{{"CHL", "PERGOV", "057"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(newFakeActors(extra))
			if err != nil {
				t.Fatal(err)
			}
			d := miniDoc(t, tc.sents...)
			d.Title = tc.title
			c.Code(d)
			has := func(w want) bool {
				for _, e := range d.Events {
					if code(e.Source) == w.src && code(e.Target) == w.tgt && strings.HasPrefix(string(e.Code), w.root) {
						return true
					}
				}
				return false
			}
			for _, w := range tc.want {
				if !has(w) {
					t.Errorf("missing %s -> %s root %s; got:\n%s", w.src, w.tgt, w.root, dump(d.Events))
				}
			}
			for _, w := range tc.nowant {
				if has(w) {
					t.Errorf("unwanted %s -> %s root %s; got:\n%s", w.src, w.tgt, w.root, dump(d.Events))
				}
			}
		})
	}
}

func TestDatelinePrefix(t *testing.T) {
	cases := []struct {
		forms []string
		want  int
	}{
		{[]string{"NAIROBI", ",", "March", "10", "(", "Wire", ")", "-", "X", "met", "Y"}, 8},
		{[]string{"PARIS", "(", "AFP", ")", "—", "X", "met", "Y"}, 5},
		{[]string{"LIMA", ",", "Nov.", "20", ",", "2025", "—", "X", "met", "Y"}, 7},
		{[]string{"NEW", "YORK", ",", "Jan.", "3", "–", "X", "met", "Y"}, 6},
		{[]string{"Paris", "and", "Rome", "met", "-", "again"}, 0},   // no date, no agency
		{[]string{"Paris", ",", "the", "capital", ",", "-", "x"}, 0}, // not a dateline shape
		{[]string{"Chile", "(", "CHL", ")", "met", "Peru", "."}, 0},  // no dash
		{[]string{"Lima", ",", "May", "2", "-"}, 0},                  // nothing after the dash
	}
	for _, tc := range cases {
		toks := make([]doc.Token, len(tc.forms))
		for i, f := range tc.forms {
			toks[i].Form = f
			toks[i].UPOS = "PUNCT"
			switch {
			case f[0] >= '0' && f[0] <= '9':
				toks[i].UPOS = "NUM"
			case f[0] >= 'A' && f[0] <= 'Z':
				toks[i].UPOS = "PROPN"
			case f[0] >= 'a' && f[0] <= 'z':
				toks[i].UPOS = "NOUN"
			}
		}
		if got := datelinePrefix(toks); got != tc.want {
			t.Errorf("%q: got %d, want %d", strings.Join(tc.forms, " "), got, tc.want)
		}
	}
}

func TestDropOverlapping(t *testing.T) {
	p := func(lo, hi int, code string) *doc.Participant {
		return &doc.Participant{Span: doc.Span{Start: lo, End: hi}, Actor: cameo.ActorCode(code)}
	}
	trig := doc.Span{Start: 50, End: 53}
	cases := []struct {
		name string
		evs  []doc.Event
		want []string // the kept events' target codes, in order
	}{
		{"a name and its nationality word collapse to the name", []doc.Event{
			{Source: p(0, 10, "KENGOV"), Target: p(60, 66, "SOM"), Root: "04", Trigger: trig},
			{Source: p(0, 10, "KENGOV"), Target: p(60, 90, "SOMGOV"), Root: "04", Trigger: trig},
		}, []string{"SOMGOV"}},
		{"conjuncts do not overlap and are kept", []doc.Event{
			{Source: p(0, 10, "KENGOV"), Target: p(60, 66, "SOMGOV"), Root: "04", Trigger: trig},
			{Source: p(0, 10, "KENGOV"), Target: p(71, 80, "ETHGOV"), Root: "04", Trigger: trig},
		}, []string{"SOMGOV", "ETHGOV"}},
		{"overlapping spans of unrelated codes are kept", []doc.Event{
			{Source: p(0, 10, "KENGOV"), Target: p(60, 66, "SOM"), Root: "04", Trigger: trig},
			{Source: p(0, 10, "KENGOV"), Target: p(60, 90, "ETH"), Root: "04", Trigger: trig},
		}, []string{"SOM", "ETH"}},
		{"other roots are kept", []doc.Event{
			{Source: p(0, 10, "KENGOV"), Target: p(60, 66, "SOM"), Root: "04", Trigger: trig},
			{Source: p(0, 10, "KENGOV"), Target: p(60, 90, "SOMGOV"), Root: "05", Trigger: trig},
		}, []string{"SOM", "SOMGOV"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := dropOverlapping(tc.evs)
			var codes []string
			for _, e := range got {
				codes = append(codes, string(e.Target.Actor))
			}
			if strings.Join(codes, " ") != strings.Join(tc.want, " ") {
				t.Errorf("got %v, want %v", codes, tc.want)
			}
		})
	}
}

func TestDatelineRepair(t *testing.T) {
	cases := []struct {
		name string
		sent string
		tok  int
		head int
		rel  string
	}{
		{"the dateline's place hangs off the clause", r5Dateline, 0, 10, "dep"},
		{"the real subject is kept", r5Dateline, 9, 10, "nsubj"},
		{"the agency leaves the subject slot", r5DatelineAgency, 2, 0, "dep"},
		{"the subject hung on the agency takes its slot", r5DatelineAgency, 6, 7, "nsubj"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sent)
			got := repairParse(d.Sentences[0].Tokens, false)
			if k := got[tc.tok]; k.Head != tc.head || k.Deprel != tc.rel {
				t.Errorf("%s: got head %d %s, want %d %s", k.Form, k.Head, k.Deprel, tc.head, tc.rel)
			}
		})
	}
}
