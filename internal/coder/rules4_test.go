package coder

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Hand-parsed invented sentences for the round-4 rules: document-level
// entities, bare roles qualified by the document's country, duplicates.
const (
	r4Full = `Finance Minister Marta Quell arrived in Lima on Monday .
1 Finance finance PROPN NNP 2 compound
2 Minister minister PROPN NNP 4 compound
3 Marta Marta PROPN NNP 4 compound
4 Quell Quell PROPN NNP 5 nsubj
5 arrived arrive VERB VBD 0 root
6 in in ADP IN 7 case
7 Lima Lima PROPN NNP 5 obl
8 on on ADP IN 9 case
9 Monday Monday PROPN NNP 5 obl
10 . . PUNCT . 5 punct`

	r4Short = `Quell criticized Bolivia .
1 Quell Quell PROPN NNP 2 nsubj
2 criticized criticize VERB VBD 0 root
3 Bolivia Bolivia PROPN NNP 2 obj
4 . . PUNCT . 2 punct`

	r4LongName = `Marta Quell criticized Bolivia .
1 Marta Marta PROPN NNP 2 compound
2 Quell Quell PROPN NNP 3 nsubj
3 criticized criticize VERB VBD 0 root
4 Bolivia Bolivia PROPN NNP 3 obj
5 . . PUNCT . 3 punct`

	r4Police = `Police arrested two protesters .
1 Police police NOUN NNS 2 nsubj
2 arrested arrest VERB VBD 0 root
3 two two NUM CD 4 nummod
4 protesters protester NOUN NNS 2 obj
5 . . PUNCT . 2 punct`

	r4Thanked = `The government praised China .
1 The the DET DT 2 det
2 government government NOUN NN 3 nsubj
3 praised praise VERB VBD 0 root
4 China China PROPN NNP 3 obj
5 . . PUNCT . 3 punct`

	r4PoliceOther = `Police arrested two protesters from Bolivia .
1 Police police NOUN NNS 2 nsubj
2 arrested arrest VERB VBD 0 root
3 two two NUM CD 4 nummod
4 protesters protester NOUN NNS 2 obj
5 from from ADP IN 6 case
6 Bolivia Bolivia PROPN NNP 4 nmod
7 . . PUNCT . 2 punct`
)

// mention adds an entity mention over the first occurrence of text in
// sentence si of d.
func mention(t *testing.T, d *doc.Document, si int, text string, typ doc.EntityType, entity string, code cameo.ActorCode) {
	t.Helper()
	s := d.Sentences[si]
	i := strings.Index(s.Span.In(d.Text), text)
	if i < 0 {
		t.Fatalf("%q not in sentence %d", text, si)
	}
	sp := doc.Span{Start: s.Start + i, End: s.Start + i + len(text)}
	d.Entities = append(d.Entities, doc.Mention{Span: sp, Text: text, Type: typ, Entity: entity, Actor: code, Sentence: si, Resolved: "dictionary"})
}

func TestDocumentEntities(t *testing.T) {
	roles := map[string]fakeEntry{"Police": {"COP", "agent", ""}, "police": {"COP", "agent", ""}, "government": {"GOV", "agent", ""}}
	peru := func(*doc.Document) string { return "PER" }
	cases := []struct {
		name  string
		sents []string
		ents  func(t *testing.T, d *doc.Document)
		opts  []Option
		src   string // want an event with this source code ...
		tgt   string // ... and this target code
		code  string
		nosrc string // no event may have this source code
	}{
		{name: "a short name linked to the full name earlier takes its code", sents: []string{r4Full, r4Short},
			ents: func(t *testing.T, d *doc.Document) {
				mention(t, d, 0, "Marta Quell", doc.PER, "Marta Quell", "PERGOV")
				mention(t, d, 1, "Quell", doc.PER, "Marta Quell", "PERGOV")
			},
			src: "PERGOV", tgt: "BOL", code: "111"},
		{name: "without entities the short name stays uncoded", sents: []string{r4Full, r4Short},
			src: "", tgt: "BOL", code: "111", nosrc: "PERGOV"},
		{name: "entities ignored on request", sents: []string{r4Full, r4Short}, opts: []Option{WithoutEntities()},
			ents: func(t *testing.T, d *doc.Document) {
				mention(t, d, 1, "Quell", doc.PER, "Marta Quell", "PERGOV")
			},
			src: "", tgt: "BOL", code: "111", nosrc: "PERGOV"},
		{name: "an entity overrides the scan's code for its tokens", sents: []string{r4Short},
			ents: func(t *testing.T, d *doc.Document) {
				mention(t, d, 0, "Bolivia", doc.ORG, "Club Bolivia", "BOLBUS")
			},
			src: "", tgt: "BOLBUS", code: "111"},
		{name: "a person coded as a bare country is a place inside a name", sents: []string{r4Short},
			ents: func(t *testing.T, d *doc.Document) {
				mention(t, d, 0, "Quell", doc.PER, "Quell", "CHE")
			},
			src: "", tgt: "BOL", code: "111", nosrc: "CHE"},
		{name: "a place name ending a longer name is not that place", sents: []string{r4LongName},
			ents: func(t *testing.T, d *doc.Document) {
				mention(t, d, 0, "Marta Quell", doc.LOC, "Quell", "CHE")
			},
			src: "", tgt: "BOL", code: "111", nosrc: "CHE"},
		{name: "a bare role takes the document's country", sents: []string{r4Police},
			opts: []Option{WithDocumentCountry(peru)}, src: "PERCOP", tgt: "", code: "173", nosrc: "COP"},
		{name: "no qualification when the sentence names another country", sents: []string{r4PoliceOther},
			opts: []Option{WithDocumentCountry(peru)}, src: "COP", tgt: "BOL", code: "173", nosrc: "PERCOP"},
		{name: "no qualification without a document country", sents: []string{r4Police},
			opts: []Option{WithDocumentCountry(nil)}, src: "COP", tgt: "", code: "173"},
		{name: "the document country from the resolved entities", sents: []string{r4Full, r4Short, r4Police},
			ents: func(t *testing.T, d *doc.Document) {
				mention(t, d, 0, "Marta Quell", doc.PER, "Marta Quell", "PERGOV")
				mention(t, d, 0, "Lima", doc.GPE, "Lima", "PER")
				mention(t, d, 1, "Quell", doc.PER, "Marta Quell", "PERGOV")
			},
			src: "PERCOP", tgt: "", code: "173"},
		{name: "a country named only in the same sentence does not qualify the role", sents: []string{r4Thanked},
			ents: func(t *testing.T, d *doc.Document) {
				mention(t, d, 0, "China", doc.GPE, "China", "CHN")
			},
			src: "GOV", tgt: "CHN", code: "051", nosrc: "CHNGOV"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := New(newFakeActors(roles), tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			d := miniDoc(t, tc.sents...)
			if tc.ents != nil {
				tc.ents(t, d)
			}
			c.Code(d)
			found := false
			for _, e := range d.Events {
				if code(e.Source) == tc.src && code(e.Target) == tc.tgt && string(e.Code) == tc.code {
					found = true
				}
				if tc.nosrc != "" && code(e.Source) == tc.nosrc {
					t.Errorf("source %s not wanted: %s", tc.nosrc, dump([]doc.Event{e}))
				}
			}
			if !found {
				t.Errorf("missing %s -> %s %s; got:\n%s", tc.src, tc.tgt, tc.code, dump(d.Events))
			}
		})
	}
}

func TestImplausibleEntityIgnored(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r4Short)
	// a tagger error: one mention over the whole clause
	mention(t, d, 0, "Quell criticized Bolivia", doc.ORG, "Islamic State", "IMGSEPISI")
	c.Code(d)
	for _, e := range d.Events {
		if code(e.Source) == "IMGSEPISI" || code(e.Target) == "IMGSEPISI" {
			t.Errorf("clause-wide mention used: %s", dump([]doc.Event{e}))
		}
	}
	if len(d.Events) == 0 || code(d.Events[0].Target) != "BOL" {
		t.Errorf("want the scan's target BOL; got:\n%s", dump(d.Events))
	}
}

const (
	r4SameCode = `Merkel was criticized by Greens and some Liberals .
1 Merkel Merkel PROPN NNP 3 nsubj:pass
2 was be AUX VBD 3 aux:pass
3 criticized criticize VERB VBN 0 root
4 by by ADP IN 5 case
5 Greens Green PROPN NNPS 3 obl:agent
6 and and CCONJ CC 8 cc
7 some some DET DT 8 det
8 Liberals Liberal PROPN NNPS 5 conj
9 . . PUNCT . 3 punct`

	// the parser's errors: the relative clause hung on the nearest noun,
	// the subject phrase on the "according to" phrase
	r4Relcl = `Chile kept a policy of expelling traders which , according to Reuters , the Untied Nations and Peru have both condemned .
1 Chile Chile PROPN NNP 2 nsubj
2 kept keep VERB VBD 0 root
3 a a DET DT 4 det
4 policy policy NOUN NN 2 obj
5 of of SCONJ IN 6 mark
6 expelling expel VERB VBG 4 acl
7 traders trader NOUN NNS 6 obj
8 which which PRON WDT 21 obj
9 , , PUNCT , 8 punct
10 according accord VERB VBG 12 case
11 to to ADP IN 10 fixed
12 Reuters Reuters PROPN NNP 21 obl
13 , , PUNCT , 16 punct
14 the the DET DT 16 det
15 Untied untied ADJ JJ 16 amod
16 Nations Nation PROPN NNPS 12 conj
17 and and CCONJ CC 18 cc
18 Peru Peru PROPN NNP 16 conj
19 have have AUX VBP 21 aux
20 both both ADV RB 21 advmod
21 condemned condemn VERB VBN 7 acl:relcl
22 . . PUNCT . 2 punct`
)

func TestRound4Duplicates(t *testing.T) {
	extra := map[string]fakeEntry{"Greens": {"DEU", "party", ""}, "Liberals": {"DEU", "party", ""}, "Merkel": {"DEUGOV", "person", "Angela Merkel"}}
	c, err := New(newFakeActors(extra))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r4SameCode)
	c.Code(d)
	n := 0
	for _, e := range d.Events {
		if e.Root == "11" && code(e.Source) == "DEU" && code(e.Target) == "DEUGOV" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want one DEU -> DEUGOV 11 event for two conjuncts with the same code, got %d:\n%s", n, dump(d.Events))
	}
}

func TestRound4RelativeCriticism(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r4Relcl)
	c.Code(d)
	found := false
	for _, e := range d.Events {
		if e.Root == "11" && code(e.Source) == "PER" && code(e.Target) == "CHL" {
			found = true
		}
		if e.Root == "11" && e.Source != nil && e.Source.Actor == "" {
			t.Errorf("uncoded conjunct kept next to a coded one: %s", dump([]doc.Event{e}))
		}
	}
	if !found {
		t.Errorf("want PER -> CHL 111 (the policy's owner); got:\n%s", dump(d.Events))
	}
}

const (
	r4Damning = `Ruiz praised the plan and said it was damning that Peru is not helping .
1 Ruiz Ruiz PROPN NNP 2 nsubj
2 praised praise VERB VBD 0 root
3 the the DET DT 4 det
4 plan plan NOUN NN 2 obj
5 and and CCONJ CC 6 cc
6 said say VERB VBD 2 conj
7 it it PRON PRP 9 nsubj
8 was be AUX VBD 9 cop
9 damning damning ADJ JJ 6 ccomp
10 that that SCONJ IN 14 mark
11 Peru Peru PROPN NNP 14 nsubj
12 is be AUX VBZ 14 aux
13 not not PART RB 14 advmod
14 helping help VERB VBG 9 ccomp
15 . . PUNCT . 2 punct`

	r4DamningQuote = `Ruiz said it was " damning that Peru is not helping " .
1 Ruiz Ruiz PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 it it PRON PRP 6 nsubj
4 was be AUX VBD 6 cop
5 " " PUNCT ` + "``" + ` 6 punct
6 damning damning ADJ JJ 2 ccomp
7 that that SCONJ IN 11 mark
8 Peru Peru PROPN NNP 11 nsubj
9 is be AUX VBZ 11 aux
10 not not PART RB 11 advmod
11 helping help VERB VBG 6 ccomp
12 " " PUNCT '' 6 punct
13 . . PUNCT . 2 punct`
)

func TestRound4ExpletiveEvaluation(t *testing.T) {
	c, err := New(newFakeActors(map[string]fakeEntry{"Ruiz": {"CHLGOV", "person", "Ana Ruiz"}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		sent  string
		quote string
	}{
		{"speech verb in a conjunct", r4Damning, ""},
		{"copula before the quote", r4DamningQuote, "damning that Peru is not helping"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sent)
			if tc.quote != "" {
				i := strings.Index(d.Text, tc.quote)
				j := strings.Index(d.Text, "Ruiz")
				d.Quotes = []doc.Quote{{Span: doc.Span{Start: i, End: i + len(tc.quote)}, Text: tc.quote,
					Speaker: &doc.Speaker{Span: doc.Span{Start: j, End: j + 4}, Text: "Ruiz", Entity: "Ana Ruiz", Actor: "CHLGOV"}}}
			}
			c.Code(d)
			found := false
			for _, e := range d.Events {
				if code(e.Source) == "CHLGOV" && code(e.Target) == "PER" && e.Code == "111" {
					found = true
				}
			}
			if !found {
				t.Errorf("want CHLGOV -> PER 111; got:\n%s", dump(d.Events))
			}
		})
	}
}

const (
	r4Allegedly = `Peru claimed Chile allegedly hid the documents .
1 Peru Peru PROPN NNP 2 nsubj
2 claimed claim VERB VBD 0 root
3 Chile Chile PROPN NNP 5 nsubj
4 allegedly allegedly ADV RB 5 advmod
5 hid hide VERB VBD 2 ccomp
6 the the DET DT 7 det
7 documents document NOUN NNS 5 obj
8 . . PUNCT . 2 punct`

	r4ClaimedWas = `Peru claimed Chile was the smuggler .
1 Peru Peru PROPN NNP 2 nsubj
2 claimed claim VERB VBD 0 root
3 Chile Chile PROPN NNP 6 nsubj
4 was be AUX VBD 6 cop
5 the the DET DT 6 det
6 smuggler smuggler NOUN NN 2 ccomp
7 . . PUNCT . 2 punct`

	r4ClaimedPartner = `Peru claimed Chile was a reliable partner .
1 Peru Peru PROPN NNP 2 nsubj
2 claimed claim VERB VBD 0 root
3 Chile Chile PROPN NNP 7 nsubj
4 was be AUX VBD 7 cop
5 a a DET DT 7 det
6 reliable reliable ADJ JJ 7 amod
7 partner partner NOUN NN 2 ccomp
8 . . PUNCT . 2 punct`

	r4ClaimedHid = `Peru claimed Chile hid the documents .
1 Peru Peru PROPN NNP 2 nsubj
2 claimed claim VERB VBD 0 root
3 Chile Chile PROPN NNP 4 nsubj
4 hid hide VERB VBD 2 ccomp
5 the the DET DT 6 det
6 documents document NOUN NNS 4 obj
7 . . PUNCT . 2 punct`
)

func TestRound4ClaimedAccusations(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		sent string
		want bool
	}{
		{"claimed act marked allegedly", r4Allegedly, true},
		{"claimed identity", r4ClaimedWas, true},
		{"claimed praise is no accusation", r4ClaimedPartner, false},
		{"a plain claimed act without allegedly", r4ClaimedHid, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sent)
			c.Code(d)
			got := false
			for _, e := range d.Events {
				if code(e.Source) == "PER" && code(e.Target) == "CHL" && e.Code == "112" {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("PER -> CHL 112: got %v, want %v; events:\n%s", got, tc.want, dump(d.Events))
			}
		})
	}
}

const r4Called = `The attack was launched by a gang called Ferrets .
1 The the DET DT 2 det
2 attack attack NOUN NN 4 nsubj:pass
3 was be AUX VBD 4 aux:pass
4 launched launch VERB VBN 0 root
5 by by ADP IN 7 case
6 a a DET DT 7 det
7 gang gang NOUN NN 4 obl:agent
8 called call VERB VBN 7 acl
9 Ferrets Ferrets PROPN NNPS 8 xcomp
10 . . PUNCT . 4 punct`

func TestRound4CalledName(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r4Called)
	c.Code(d)
	found := false
	for _, e := range d.Events {
		if e.Root == "18" && e.Source != nil && e.Source.Text == "Ferrets" {
			found = true
		}
	}
	if !found {
		t.Errorf("want an 18 event by the named gang Ferrets; got:\n%s", dump(d.Events))
	}
}

const (
	r4Fired = `Chile fired shells at Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 fired fire VERB VBD 0 root
3 shells shell NOUN NNS 2 obj
4 at at ADP IN 5 case
5 Peru Peru PROPN NNP 2 obl
6 . . PUNCT . 2 punct`

	r4Deserves = `Reckless provocation deserves harsh punishment , Chile said .
1 Reckless reckless ADJ JJ 2 amod
2 provocation provocation NOUN NN 3 nsubj
3 deserves deserve VERB VBZ 0 root
4 harsh harsh ADJ JJ 5 amod
5 punishment punishment NOUN NN 3 obj
6 , , PUNCT , 8 punct
7 Chile Chile PROPN NNP 8 nsubj
8 said say VERB VBD 3 parataxis
9 . . PUNCT . 3 punct`

	r4DeservesNamed = `Chile said Peru deserves punishment .
1 Chile Chile PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 Peru Peru PROPN NNP 4 nsubj
4 deserves deserve VERB VBZ 2 ccomp
5 punishment punishment NOUN NN 4 obj
6 . . PUNCT . 2 punct`
)

func TestRound4DeservedPunishment(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		sents []string
		want  bool
	}{
		{"unowned provocation: the speaker's opponent", []string{r4Fired, r4Deserves}, true},
		{"named party deserves punishment", []string{r4DeservesNamed}, true},
		{"no opponent known, no target", []string{r4Deserves}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sents...)
			c.Code(d)
			got := false
			for _, e := range d.Events {
				if e.Code == "130" && code(e.Source) == "CHL" && code(e.Target) == "PER" {
					got = true
				}
			}
			if got != tc.want {
				t.Errorf("CHL -> PER 130: got %v, want %v; events:\n%s", got, tc.want, dump(d.Events))
			}
		})
	}
}

const r4AllegedlyConj = `Peru claimed Chile allegedly hid the documents .
1 Peru Peru PROPN NNP 2 nsubj
2 claimed claim VERB VBD 0 root
3 Chile Chile PROPN NNP 2 obj
4 allegedly allegedly ADV RB 5 advmod
5 hid hide VERB VBD 2 conj
6 the the DET DT 7 det
7 documents document NOUN NNS 5 obj
8 . . PUNCT . 2 punct`

func TestRound4AllegedlyMisparsed(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r4AllegedlyConj)
	c.Code(d)
	for _, e := range d.Events {
		if code(e.Source) == "PER" && code(e.Target) == "CHL" && e.Code == "112" {
			return
		}
	}
	t.Errorf("want PER -> CHL 112; got:\n%s", dump(d.Events))
}

const (
	r4Pretext = `Chile shelled Peru under the pretext that Peru fired first .
1 Chile Chile PROPN NNP 2 nsubj
2 shelled shell VERB VBD 0 root
3 Peru Peru PROPN NNP 2 obj
4 under under ADP IN 6 case
5 the the DET DT 6 det
6 pretext pretext NOUN NN 2 obl
7 that that SCONJ IN 9 mark
8 Peru Peru PROPN NNP 9 nsubj
9 fired fire VERB VBD 6 acl
10 first first ADV RB 9 advmod
11 . . PUNCT . 2 punct`

	r4Someone = `Someone visited Peru .
1 Someone someone PRON NN 2 nsubj
2 visited visit VERB VBD 0 root
3 Peru Peru PROPN NNP 2 obj
4 . . PUNCT . 2 punct`

	r4Headline = `Chile shells Peru
1 Chile Chile PROPN NNP 2 nsubj
2 shells shell VERB VBZ 0 root
3 Peru Peru PROPN NNP 2 obj`

	r4Body = `Chile shelled Peru on Monday .
1 Chile Chile PROPN NNP 2 nsubj
2 shelled shell VERB VBD 0 root
3 Peru Peru PROPN NNP 2 obj
4 on on ADP IN 5 case
5 Monday Monday PROPN NNP 2 obl
6 . . PUNCT . 2 punct`
)

func TestRound4Precision(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Run("pretext clause is not an event", func(t *testing.T) {
		d := miniDoc(t, r4Pretext)
		c.Code(d)
		for _, e := range d.Events {
			if code(e.Source) == "PER" {
				t.Errorf("event from the pretext: %s", dump([]doc.Event{e}))
			}
		}
		if len(d.Events) == 0 {
			t.Error("the main clause's shelling is lost")
		}
	})
	t.Run("cooperation without an identified actor", func(t *testing.T) {
		d := miniDoc(t, r4Someone)
		c.Code(d)
		if len(d.Events) != 0 {
			t.Errorf("want no event; got:\n%s", dump(d.Events))
		}
	})
	t.Run("headline repeated by the body", func(t *testing.T) {
		d := miniDoc(t, r4Headline, r4Body)
		d.Title = "Chile shells Peru"
		c.Code(d)
		if len(d.Events) != 1 || d.Events[0].Sentence != 1 {
			t.Errorf("want the body's event only; got:\n%s", dump(d.Events))
		}
		d = miniDoc(t, r4Headline, r4Body)
		c.Code(d)
		if len(d.Events) != 2 {
			t.Errorf("without a title both sentences are coded; got:\n%s", dump(d.Events))
		}
	})
}

const r4Received = `Rebels received rifles from Chile .
1 Rebels rebel NOUN NNS 2 nsubj
2 received receive VERB VBD 0 root
3 rifles rifle NOUN NNS 2 obj
4 from from ADP IN 5 case
5 Chile Chile PROPN NNP 2 obl
6 . . PUNCT . 2 punct`

func TestRound4ReceivedFrom(t *testing.T) {
	c, err := New(newFakeActors(map[string]fakeEntry{"Rebels": {"REB", "agent", ""}}))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ obj, code string }{
		{"weapons", "072"}, {"assurances", "030"}, {"aid", "070"}, {"visitors", "043"},
	} {
		t.Run(tc.obj, func(t *testing.T) {
			sent := strings.ReplaceAll(r4Received, "rifles rifle", tc.obj+" "+strings.TrimSuffix(tc.obj, "s"))
			sent = strings.Replace(sent, "received rifles", "received "+tc.obj, 1)
			d := miniDoc(t, sent)
			c.Code(d)
			for _, e := range d.Events {
				if string(e.Code) != tc.code {
					continue
				}
				if tc.code == "043" || code(e.Source) == "CHL" && code(e.Target) == "REB" {
					return
				}
			}
			t.Errorf("want %s (CHL -> REB for a gift); got:\n%s", tc.code, dump(d.Events))
		})
	}
}

const (
	r4HostVideo = `Chile will keep hosting the video .
1 Chile Chile PROPN NNP 3 nsubj
2 will will AUX MD 3 aux
3 keep keep VERB VB 0 root
4 hosting host VERB VBG 3 xcomp
5 the the DET DT 6 det
6 video video NOUN NN 4 obj
7 . . PUNCT . 3 punct`

	r4HostTalks = `Chile hosted talks with Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 hosted host VERB VBD 0 root
3 talks talk NOUN NNS 2 obj
4 with with ADP IN 5 case
5 Peru Peru PROPN NNP 3 nmod
6 . . PUNCT . 2 punct`

	r4AttackOn = `Hackers launched an attack on Peru .
1 Hackers hacker NOUN NNS 2 nsubj
2 launched launch VERB VBD 0 root
3 an a DET DT 4 det
4 attack attack NOUN NN 2 obj
5 on on ADP IN 6 case
6 Peru Peru PROPN NNP 4 nmod
7 . . PUNCT . 2 punct`

	r4CriticalOf = `Chile was critical of the attack on Peru .
1 Chile Chile PROPN NNP 3 nsubj
2 was be AUX VBD 3 cop
3 critical critical ADJ JJ 0 root
4 of of ADP IN 6 case
5 the the DET DT 6 det
6 attack attack NOUN NN 3 obl
7 on on ADP IN 8 case
8 Peru Peru PROPN NNP 6 nmod
9 . . PUNCT . 3 punct`

	r4Backed = `A plan backed by Chile was rejected by Peru .
1 A a DET DT 2 det
2 plan plan NOUN NN 6 nsubj:pass
3 backed back VERB VBN 2 acl
4 by by ADP IN 5 case
5 Chile Chile PROPN NNP 3 obl:agent
6 was be AUX VBD 7 aux:pass
7 rejected reject VERB VBN 0 root
8 by by ADP IN 9 case
9 Peru Peru PROPN NNP 7 obl:agent
10 . . PUNCT . 7 punct`
)

func TestRound4Background(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	count := func(d *doc.Document, root string) int {
		n := 0
		for _, e := range d.Events {
			if string(e.Root) == root {
				n++
			}
		}
		return n
	}
	t.Run("hosting a thing is no visit", func(t *testing.T) {
		d := miniDoc(t, r4HostVideo)
		c.Code(d)
		if count(d, "03")+count(d, "04") != 0 {
			t.Errorf("got:\n%s", dump(d.Events))
		}
		d = miniDoc(t, r4HostTalks)
		c.Code(d)
		if count(d, "04") == 0 {
			t.Errorf("hosting talks with Peru lost:\n%s", dump(d.Events))
		}
	})
	t.Run("the attack refers back to the coded one", func(t *testing.T) {
		d := miniDoc(t, r4AttackOn, r4CriticalOf)
		c.Code(d)
		n := 0
		for _, e := range d.Events {
			if e.Root == "18" {
				n++
			}
		}
		if n != 1 || count(d, "11") != 1 {
			t.Errorf("want one 18 and the criticism; got:\n%s", dump(d.Events))
		}
		d = miniDoc(t, r4CriticalOf)
		c.Code(d)
		if count(d, "18") != 1 {
			t.Errorf("without an earlier attack the noun is coded; got:\n%s", dump(d.Events))
		}
	})
	t.Run("a participle describing the subject is background", func(t *testing.T) {
		d := miniDoc(t, r4Backed)
		c.Code(d)
		if count(d, "12") == 0 || count(d, "05") != 0 {
			t.Errorf("want the rejection only; got:\n%s", dump(d.Events))
		}
	})
}

func TestRound4UncodedEntityName(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r4Full, r4Short)
	mention(t, d, 1, "Quell", doc.PER, "Marta Quell", "")
	c.Code(d)
	for _, e := range d.Events {
		if e.Source != nil && e.Source.Text == "Quell" {
			if e.Source.Entity != "Marta Quell" {
				t.Errorf("source entity %q, want the full name", e.Source.Entity)
			}
			return
		}
	}
	t.Errorf("no event by Quell:\n%s", dump(d.Events))
}

const (
	r4PairMet = `Chile and Peru met .
1 Chile Chile PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Peru Peru PROPN NNP 1 conj
4 met meet VERB VBD 0 root
5 . . PUNCT . 4 punct`

	r4Between = `Bolivia praised Ecuador .
1 Bolivia Bolivia PROPN NNP 2 nsubj
2 praised praise VERB VBD 0 root
3 Ecuador Ecuador PROPN NNP 2 obj
4 . . PUNCT . 2 punct`

	r4TheyAttacked = `They attacked Brazil .
1 They they PRON PRP 2 nsubj
2 attacked attack VERB VBD 0 root
3 Brazil Brazil PROPN NNP 2 obj
4 . . PUNCT . 2 punct`
)

func TestRound4PairRecency(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	src := func(d *doc.Document, root cameo.Root) map[string]bool {
		out := map[string]bool{}
		for _, e := range d.Events {
			if e.Root == root {
				out[code(e.Source)] = true
			}
		}
		return out
	}
	d := miniDoc(t, r4PairMet, r4TheyAttacked)
	c.Code(d)
	if got := src(d, "18"); !got["CHL"] || !got["PER"] {
		t.Errorf("they right after the pair: want CHL and PER; got:\n%s", dump(d.Events))
	}
	d = miniDoc(t, r4PairMet, r4Between, r4TheyAttacked)
	c.Code(d)
	if got := src(d, "18"); got["CHL"] && got["PER"] {
		t.Errorf("a pair two sentences back is not 'they'; got:\n%s", dump(d.Events))
	}
}

const r4FiredSoldiers = `Chile 's army fired at soldiers .
1 Chile Chile PROPN NNP 3 nmod:poss
2 's 's PART POS 1 case
3 army army NOUN NN 4 nsubj
4 fired fire VERB VBD 0 root
5 at at ADP IN 6 case
6 soldiers soldier NOUN NNS 4 obl
7 . . PUNCT . 4 punct`

func TestRound4OpponentRole(t *testing.T) {
	c, err := New(newFakeActors(map[string]fakeEntry{"army": {"MIL", "agent", ""}, "soldiers": {"MIL", "agent", ""}}), WithDocumentCountry(nil))
	if err != nil {
		t.Fatal(err)
	}
	tgt := func(d *doc.Document) string {
		for _, e := range d.Events {
			if e.Root == "19" && code(e.Source) == "CHLMIL" {
				return code(e.Target)
			}
		}
		t.Fatalf("no CHLMIL 19 event:\n%s", dump(d.Events))
		return ""
	}
	d := miniDoc(t, r4Fired, r4FiredSoldiers)
	c.Code(d)
	if got := tgt(d); got != "PERMIL" {
		t.Errorf("soldiers after a Chile-Peru clash: got %q, want PERMIL", got)
	}
	d = miniDoc(t, r4FiredSoldiers)
	c.Code(d)
	if got := tgt(d); got != "MIL" {
		t.Errorf("without an opponent the role stays bare: got %q", got)
	}
}

const r4Evidence = `Peru presented evidence against Chile .
1 Peru Peru PROPN NNP 2 nsubj
2 presented present VERB VBD 0 root
3 evidence evidence NOUN NN 2 obj
4 against against ADP IN 5 case
5 Chile Chile PROPN NNP 3 nmod
6 . . PUNCT . 2 punct`

func TestRound4EvidenceAgainst(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r4Evidence)
	c.Code(d)
	for _, e := range d.Events {
		if e.Code == "112" && code(e.Source) == "PER" && code(e.Target) == "CHL" {
			return
		}
	}
	t.Errorf("want PER -> CHL 112; got:\n%s", dump(d.Events))
}

const (
	r4EvidencePassive = `Evidence against Chile was presented by Peru .
1 Evidence evidence NOUN NN 5 nsubj:pass
2 against against ADP IN 3 case
3 Chile Chile PROPN NNP 1 nmod
4 was be AUX VBD 5 aux:pass
5 presented present VERB VBN 0 root
6 by by ADP IN 7 case
7 Peru Peru PROPN NNP 5 obl:agent
8 . . PUNCT . 5 punct`

	r4Inspect = `Peru will inspect the mines in Chile .
1 Peru Peru PROPN NNP 3 nsubj
2 will will AUX MD 3 aux
3 inspect inspect VERB VB 0 root
4 the the DET DT 5 det
5 mines mine NOUN NNS 3 obj
6 in in ADP IN 7 case
7 Chile Chile PROPN NNP 3 obl
8 . . PUNCT . 3 punct`
)

func TestRound4PassiveObjectPrep(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ sent, code string }{{r4EvidencePassive, "112"}, {r4Inspect, "090"}} {
		d := miniDoc(t, tc.sent)
		c.Code(d)
		found := false
		for _, e := range d.Events {
			if string(e.Code) == tc.code && code(e.Source) == "PER" && code(e.Target) == "CHL" {
				found = true
			}
		}
		if !found {
			t.Errorf("want PER -> CHL %s; got:\n%s", tc.code, dump(d.Events))
		}
	}
}
