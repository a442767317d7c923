package coder

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Hand-made sentences for the rules added when the coder first ran on the
// project's own parser output (reciprocal possessives, name-like
// arguments, obstacle phrases, negated nominals, evaluative statements,
// counterfactuals, hyphenated agents, relative-clause tolls).
const (
	rRecip = `Brazil and Argentina reaffirmed their solidarity .
1 Brazil Brazil PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Argentina Argentina PROPN NNP 1 conj
4 reaffirmed reaffirm VERB VBD 0 root
5 their their PRON PRP$ 6 nmod:poss
6 solidarity solidarity NOUN NN 4 obj
7 . . PUNCT . 4 punct`

	rRecipAllies = `Brazil and Argentina criticized their allies .
1 Brazil Brazil PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Argentina Argentina PROPN NNP 1 conj
4 criticized criticize VERB VBD 0 root
5 their their PRON PRP$ 6 nmod:poss
6 allies ally NOUN NNS 4 obj
7 . . PUNCT . 4 punct`

	rHeadline = `Germany , Poland pledge solidarity
1 Germany Germany PROPN NNP 0 root
2 , , PUNCT , 5 punct
3 Poland Poland PROPN NNP 5 compound
4 pledge pledge PROPN NNP 5 compound
5 solidarity solidarity NOUN NN 1 appos`

	rObstacle = `The dispute is an obstacle to cooperation between Japan and China .
1 The the DET DT 2 det
2 dispute dispute NOUN NN 5 nsubj
3 is be AUX VBZ 5 cop
4 an a DET DT 5 det
5 obstacle obstacle NOUN NN 0 root
6 to to ADP IN 7 case
7 cooperation cooperation NOUN NN 5 nmod
8 between between ADP IN 9 case
9 Japan Japan PROPN NNP 7 nmod
10 and and CCONJ CC 11 cc
11 China China PROPN NNP 9 conj
12 . . PUNCT . 5 punct`

	rNegNominal = `Germany did not comment on the bombing of the Turkish embassy .
1 Germany Germany PROPN NNP 4 nsubj
2 did do AUX VBD 4 aux
3 not not PART RB 4 advmod
4 comment comment VERB VB 0 root
5 on on ADP IN 7 case
6 the the DET DT 7 det
7 bombing bombing NOUN NN 4 obl
8 of of ADP IN 11 case
9 the the DET DT 11 det
10 Turkish Turkish ADJ JJ 11 amod
11 embassy embassy NOUN NN 7 nmod
12 . . PUNCT . 4 punct`

	rMobilizeSupport = `Germany mobilized support for Ukraine .
1 Germany Germany PROPN NNP 2 nsubj
2 mobilized mobilize VERB VBD 0 root
3 support support NOUN NN 2 obj
4 for for ADP IN 5 case
5 Ukraine Ukraine PROPN NNP 3 nmod
6 . . PUNCT . 2 punct`

	rMobilizeTroops = `Armenia mobilized troops against Azerbaijan .
1 Armenia Armenia PROPN NNP 2 nsubj
2 mobilized mobilize VERB VBD 0 root
3 troops troop NOUN NNS 2 obj
4 against against ADP IN 5 case
5 Azerbaijan Azerbaijan PROPN NNP 2 obl
6 . . PUNCT . 2 punct`

	// a misparse that hangs the bombing on "claimed" as its object
	rHyphen = `Officials recalled the ISIS-claimed bombing of a Turkish bus .
1 Officials official NOUN NNS 2 nsubj
2 recalled recall VERB VBD 0 root
3 the the DET DT 7 det
4 ISIS ISIS PROPN NNP 6 nsubj
5 - - PUNCT HYPH 4 punct
6 claimed claim VERB VBN 7 amod
7 bombing bombing NOUN NN 2 obj
8 of of ADP IN 11 case
9 a a DET DT 11 det
10 Turkish Turkish ADJ JJ 11 amod
11 bus bus NOUN NN 7 nmod
12 . . PUNCT . 2 punct`

	rToll = `Kenya condemned the attack on Somalia in which 30 people were killed .
1 Kenya Kenya PROPN NNP 2 nsubj
2 condemned condemn VERB VBD 0 root
3 the the DET DT 4 det
4 attack attack NOUN NN 2 obj
5 on on ADP IN 6 case
6 Somalia Somalia PROPN NNP 4 nmod
7 in in ADP IN 8 case
8 which which PRON WDT 12 obl
9 30 30 NUM CD 10 nummod
10 people person NOUN NNS 12 nsubj:pass
11 were be AUX VBD 12 aux:pass
12 killed kill VERB VBN 4 acl:relcl
13 . . PUNCT . 2 punct`

	rQuoteEval = `" Iran is the aggressor " , Canada said .
1 " " PUNCT ` + "``" + ` 5 punct
2 Iran Iran PROPN NNP 5 nsubj
3 is be AUX VBZ 5 cop
4 the the DET DT 5 det
5 aggressor aggressor NOUN NN 0 root
6 " " PUNCT '' 5 punct
7 , , PUNCT , 9 punct
8 Canada Canada PROPN NNP 9 nsubj
9 said say VERB VBD 5 parataxis
10 . . PUNCT . 5 punct`

	rNoPlace = `Canada said that Venezuela has no place in the group .
1 Canada Canada PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 that that SCONJ IN 5 mark
4 Venezuela Venezuela PROPN NNP 5 nsubj
5 has have VERB VBZ 2 ccomp
6 no no DET DT 7 det
7 place place NOUN NN 5 obj
8 in in ADP IN 10 case
9 the the DET DT 10 det
10 group group NOUN NN 7 nmod
11 . . PUNCT . 2 punct`

	rNotEval = `Canada said that Venezuela is not the aggressor .
1 Canada Canada PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 that that SCONJ IN 8 mark
4 Venezuela Venezuela PROPN NNP 8 nsubj
5 is be AUX VBZ 8 cop
6 not not PART RB 8 advmod
7 the the DET DT 8 det
8 aggressor aggressor NOUN NN 2 ccomp
9 . . PUNCT . 2 punct`

	rProposal = `" This is a constructive proposal and Japan will explain it " , China said .
1 " " PUNCT ` + "``" + ` 6 punct
2 This this PRON DT 6 nsubj
3 is be AUX VBZ 6 cop
4 a a DET DT 6 det
5 constructive constructive ADJ JJ 6 amod
6 proposal proposal NOUN NN 0 root
7 and and CCONJ CC 10 cc
8 Japan Japan PROPN NNP 10 nsubj
9 will will AUX MD 10 aux
10 explain explain VERB VB 6 conj
11 it it PRON PRP 10 obj
12 " " PUNCT '' 6 punct
13 , , PUNCT , 15 punct
14 China China PROPN NNP 15 nsubj
15 said say VERB VBD 6 parataxis
16 . . PUNCT . 6 punct`

	rCounterfactual = `Would Iran have attacked Israel ?
1 Would would AUX MD 4 aux
2 Iran Iran PROPN NNP 4 nsubj
3 have have AUX VB 4 aux
4 attacked attack VERB VBN 0 root
5 Israel Israel PROPN NNP 4 obj
6 ? ? PUNCT . 4 punct`

	rOddsBoth = `Chile and Peru remained at odds .
1 Chile Chile PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Peru Peru PROPN NNP 1 conj
4 remained remain VERB VBD 0 root
5 at at ADP IN 6 case
6 odds odds NOUN NNS 4 obl
7 . . PUNCT . 4 punct`
)

// quoteOver attaches a quote from open to close (exclusive of the marks)
// with speaker text spk to d.
func quoteOver(d *doc.Document, body, spk string, code string) {
	qs := strings.Index(d.Text, body)
	ss := strings.LastIndex(d.Text, spk)
	d.Quotes = append(d.Quotes, doc.Quote{Span: doc.Span{Start: qs, End: qs + len(body)}, Text: body,
		Speaker: &doc.Speaker{Span: doc.Span{Start: ss, End: ss + len(spk)}, Text: spk, Actor: cameo.ActorCode(code)}})
}

func TestGeneralRules(t *testing.T) {
	c, err := New(newFakeActors(people))
	if err != nil {
		t.Fatal(err)
	}
	type tc struct {
		name   string
		sent   string
		quote  [3]string // body, speaker text, speaker code
		want   []want
		forbid func(e doc.Event) bool
	}
	cases := []tc{
		{name: "their + relation noun after coordinated subjects: both directions", sent: rRecip, want: []want{
			{"BRA", "ARG", "050", false, doc.Asserted}, {"ARG", "BRA", "050", false, doc.Asserted},
		}},
		{name: "their + entity noun is not reciprocal", sent: rRecipAllies,
			forbid: func(e doc.Event) bool { return code(e.Source) == "BRA" && code(e.Target) == "ARG" }},
		{name: "lowercase PROPN verb in a headline is no participant", sent: rHeadline,
			forbid: func(e doc.Event) bool { return e.Target != nil && e.Target.Text == "pledge" }},
		{name: "cooperation in an obstacle phrase is no event", sent: rObstacle,
			forbid: func(e doc.Event) bool { return e.Root == "06" }},
		{name: "nominal event under a negated predicate is dropped", sent: rNegNominal,
			forbid: func(e doc.Event) bool { return e.Root == "18" && !e.Negated }},
		{name: "mobilize support is no military mobilization", sent: rMobilizeSupport,
			forbid: func(e doc.Event) bool { return e.Root == "15" }},
		{name: "mobilize troops against", sent: rMobilizeTroops, want: []want{{"ARM", "AZE", "154", false, doc.Asserted}}},
		{name: "hyphenated agent of a nominal attack", sent: rHyphen, want: []want{{"IMGSEPISI", "TUR", "183", false, doc.Asserted}}},
		{name: "relative clause toll is not a second event", sent: rToll,
			want:   []want{{"KEN", "", "111", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Code == "1823" }},
		{name: "quoted evaluation: speaker disapproves", sent: rQuoteEval, quote: [3]string{"Iran is the aggressor", "Canada", "CAN"},
			want: []want{{"CAN", "IRN", "111", false, doc.Asserted}}},
		{name: "has no place in: rejection", sent: rNoPlace, want: []want{{"CAN", "VEN", "120", false, doc.Asserted}}},
		{name: "negated evaluation is no event", sent: rNotEval,
			forbid: func(e doc.Event) bool { return e.Root == "11" }},
		{name: "approval of an unowned proposal goes to the other actor quoted", sent: rProposal,
			quote: [3]string{"This is a constructive proposal and Japan will explain it", "China", "CHN"},
			want:  []want{{"CHN", "JPN", "051", false, doc.Asserted}}},
		{name: "a counterfactual question reports no event (and no threat)", sent: rCounterfactual,
			forbid: func(e doc.Event) bool { return true }},
		{name: "at odds: both directions", sent: rOddsBoth, want: []want{
			{"CHL", "PER", "110", false, doc.Asserted}, {"PER", "CHL", "110", false, doc.Asserted},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sent)
			if tc.quote[0] != "" {
				quoteOver(d, tc.quote[0], tc.quote[1], tc.quote[2])
			}
			c.Code(d)
			for _, w := range tc.want {
				found := false
				for _, e := range d.Events {
					if code(e.Source) == w.src && code(e.Target) == w.tgt && string(e.Code) == w.code && e.Negated == w.neg && e.Modality == w.mod {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %+v; got:\n%s", w, dump(d.Events))
				}
			}
			if tc.forbid != nil {
				for _, e := range d.Events {
					if tc.forbid(e) {
						t.Errorf("forbidden event %s", dump([]doc.Event{e}))
					}
				}
			}
		})
	}
}

func TestSitePlaceBecomesCity(t *testing.T) {
	c, err := New(newFakeActors(people))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, rMobilizeTroops)
	toks := d.Sentences[0].Tokens
	d.Places = []doc.Place{
		{Span: toks[4].Span, Text: "Azerbaijan", Name: "Government House", Country: "AZ", Lat: 40.37, Lon: 49.85, FeatureClass: "S"},
		{Span: doc.Span{Start: len(d.Text), End: len(d.Text)}, Text: "Baku", Name: "Baku", Country: "AZ", Lat: 40.38, Lon: 49.89, FeatureClass: "P"},
	}
	c.Code(d)
	if len(d.Events) == 0 || d.Events[0].Place == nil || d.Events[0].Place.Name != "Baku" {
		t.Fatalf("want the event placed in Baku, got\n%s", dump(d.Events))
	}
}
