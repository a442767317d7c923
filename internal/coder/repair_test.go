package coder

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

// Hand-parsed invented sentences in the attachments of the newer parser
// model (the ones repairParse and the tolerant rules must accept).
const (
	// the second name's conjunct hung on the first name's flat part
	rpConjFlat = `Ana Ruiz and Luis Vega will meet in Lima .
1 Ana Ana PROPN NNP 7 nsubj
2 Ruiz Ruiz PROPN NNP 1 flat
3 and and CCONJ CC 4 cc
4 Luis Luis PROPN NNP 2 conj
5 Vega Vega PROPN NNP 4 flat
6 will will AUX MD 7 aux
7 meet meet VERB VB 0 root
8 in in ADP IN 9 case
9 Lima Lima PROPN NNP 7 obl
10 . . PUNCT . 7 punct`

	// a three-way list parsed as two subjects and an apposition
	rpList3 = `Chile , Peru , and Bolivia met yesterday .
1 Chile Chile PROPN NNP 7 nsubj
2 , , PUNCT , 3 punct
3 Peru Peru PROPN NNP 1 appos
4 , , PUNCT , 7 punct
5 and and CCONJ CC 7 cc
6 Bolivia Bolivia PROPN NNP 7 nsubj
7 met meet VERB VBD 0 root
8 yesterday yesterday NOUN NN 7 obl:tmod
9 . . PUNCT . 7 punct`

	// the main verb parsed as a reduced relative of the root noun
	rpNounRoot = `Peru 's foreign minister met with Chile 's president .
1 Peru Peru PROPN NNP 4 nmod:poss
2 's 's PART POS 1 case
3 foreign foreign ADJ JJ 4 amod
4 minister minister NOUN NN 0 root
5 met meet VERB VBN 4 acl
6 with with ADP IN 9 case
7 Chile Chile PROPN NNP 9 nmod:poss
8 's 's PART POS 7 case
9 president president NOUN NN 5 obl
10 . . PUNCT . 4 punct`

	// a caption's reduced passive: the noun stays the root
	rpCaption = `Villagers killed in a raid near Lima .
1 Villagers villager NOUN NNS 0 root
2 killed kill VERB VBN 1 acl
3 in in ADP IN 5 case
4 a a DET DT 5 det
5 raid raid NOUN NN 2 obl
6 near near ADP IN 7 case
7 Lima Lima PROPN NNP 5 nmod
8 . . PUNCT . 1 punct`

	// the reported clause's verb tagged as an adjective of its object
	rpStruckAmod = `Chilean jets struck targets in Peru , the army said .
1 Chilean Chilean ADJ JJ 2 amod
2 jets jet NOUN NNS 10 nsubj
3 struck strike VERB VBN 4 amod
4 targets target NOUN NNS 10 ccomp
5 in in ADP IN 6 case
6 Peru Peru PROPN NNP 4 nmod
7 , , PUNCT , 9 punct
8 the the DET DT 9 det
9 army army NOUN NN 10 nsubj
10 said say VERB VBD 0 root
11 . . PUNCT . 10 punct`

	// ... and tagged as a noun with its particle and object
	rpShotNoun = `Chilean forces shot down two Egyptian drones , the army said .
1 Chilean Chilean ADJ JJ 2 amod
2 forces force NOUN NNS 11 nsubj
3 shot shot NOUN NN 11 ccomp
4 down down ADP RP 3 compound:prt
5 two two NUM CD 7 nummod
6 Egyptian Egyptian ADJ JJ 7 amod
7 drones drone NOUN NNS 3 obj
8 , , PUNCT , 10 punct
9 the the DET DT 10 det
10 army army NOUN NN 11 nsubj
11 said say VERB VBD 0 root
12 . . PUNCT . 11 punct`

	// the object taken for the subject of a participle complement
	rpObjParticiple = `Chile has signed an agreement aimed at easing tension .
1 Chile Chile PROPN NNP 3 nsubj
2 has have AUX VBZ 3 aux
3 signed sign VERB VBN 0 root
4 an a DET DT 5 det
5 agreement agreement NOUN NN 6 nsubj
6 aimed aim VERB VBD 3 ccomp
7 at at SCONJ IN 8 mark
8 easing ease VERB VBG 6 advcl
9 tension tension NOUN NN 8 obj
10 . . PUNCT . 3 punct`

	// the perfect's auxiliary taken for the main verb
	rpPerfectAmod = `Chile has long refused direct talks with Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 has have VERB VBZ 0 root
3 long long ADV RB 4 advmod
4 refused refuse VERB VBN 6 amod
5 direct direct ADJ JJ 6 amod
6 talks talk NOUN NNS 2 obj
7 with with ADP IN 8 case
8 Peru Peru PROPN NNP 2 obl
9 . . PUNCT . 2 punct`

	// a means taken for a passive agent on an active verb
	rpByPhone = `Chile had spoken by phone with Peru .
1 Chile Chile PROPN NNP 3 nsubj
2 had have AUX VBD 3 aux
3 spoken speak VERB VBN 0 root
4 by by ADP IN 5 case
5 phone phone NOUN NN 3 obl:agent
6 with with ADP IN 7 case
7 Peru Peru PROPN NNP 5 nmod
8 . . PUNCT . 3 punct`

	// a root noun with an object whose adjective is the verb
	rpNounObj = `Chilean ministers on Tuesday imposed sanctions on Peru .
1 Chilean Chilean ADJ JJ 2 amod
2 ministers minister NOUN NNS 0 root
3 on on ADP IN 4 case
4 Tuesday Tuesday PROPN NNP 2 nmod
5 imposed impose VERB VBN 6 amod
6 sanctions sanction NOUN NNS 2 obj
7 on on ADP IN 8 case
8 Peru Peru PROPN NNP 6 nmod
9 . . PUNCT . 2 punct`

	// the main verb hung on the root's conjunct as a reduced relative
	rpConjRoot = `Chile 's government and the rebel group resumed talks .
1 Chile Chile PROPN NNP 3 nmod:poss
2 's 's PART POS 1 case
3 government government NOUN NN 0 root
4 and and CCONJ CC 7 cc
5 the the DET DT 7 det
6 rebel rebel NOUN NN 7 compound
7 group group NOUN NN 3 conj
8 resumed resume VERB VBD 7 acl
9 talks talk NOUN NNS 8 obj
10 . . PUNCT . 3 punct`

	// a participle with an object hung on the reported clause's noun
	rpKilledAcl = `A bomber killed ten people , police said .
1 A a DET DT 2 det
2 bomber bomber NOUN NN 8 ccomp
3 killed kill VERB VBN 2 acl
4 ten ten NUM CD 5 nummod
5 people person NOUN NNS 3 obj
6 , , PUNCT , 8 punct
7 police police NOUN NN 8 nsubj
8 said say VERB VBD 0 root
9 . . PUNCT . 8 punct`

	// a reduced relative taken for the main verb before the real one
	rpReducedRoot = `People killed in the attack were buried on Monday .
1 People person NOUN NNS 2 nsubj
2 killed kill VERB VBN 0 root
3 in in ADP IN 5 case
4 the the DET DT 5 det
5 attack attack NOUN NN 2 obl
6 were be AUX VBD 7 aux:pass
7 buried bury VERB VBN 2 advcl
8 on on ADP IN 9 case
9 Monday Monday PROPN NNP 7 obl
10 . . PUNCT . 2 punct`

	// two subjects of "said": the apposition parsed as a second subject
	rpApposSubj = `Ana Ruiz , the ministry spokesperson , said it .
1 Ana Ana PROPN NNP 8 nsubj
2 Ruiz Ruiz PROPN NNP 1 flat
3 , , PUNCT , 6 punct
4 the the DET DT 6 det
5 ministry ministry NOUN NN 6 compound
6 spokesperson spokesperson NOUN NN 8 nsubj
7 , , PUNCT , 6 punct
8 said say VERB VBD 0 root
9 it it PRON PRP 8 obj
10 . . PUNCT . 8 punct`

	// "it" as nsubj:outer of the evaluative predicate
	rpOuter = `Peru said it was damning that Chile is stalling .
1 Peru Peru PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 it it PRON PRP 5 nsubj:outer
4 was be AUX VBD 5 cop
5 damning damning ADJ JJ 2 ccomp
6 that that SCONJ IN 9 mark
7 Chile Chile PROPN NNP 9 nsubj
8 is be AUX VBZ 9 aux
9 stalling stall VERB VBG 5 csubj
10 . . PUNCT . 2 punct`

	// the claimed clause hung on the higher verb as parataxis
	rpClaim = `Envoys went to Lima where Chile claimed Peru allegedly left with the files .
1 Envoys envoy NOUN NNS 2 nsubj
2 went go VERB VBD 0 root
3 to to ADP IN 4 case
4 Lima Lima PROPN NNP 2 obl
5 where where ADV WRB 7 advmod
6 Chile Chile PROPN NNP 7 nsubj
7 claimed claim VERB VBD 2 advcl
8 Peru Peru PROPN NNP 10 nsubj
9 allegedly allegedly ADV RB 10 advmod
10 left leave VERB VBD 2 parataxis
11 with with ADP IN 13 case
12 the the DET DT 13 det
13 files file NOUN NNS 10 obl
14 . . PUNCT . 2 punct`

	// the participle parsed as the verb's xcomp, not the object's acl
	rpAimed = `Chile fired artillery rounds aimed at a radar in Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 fired fire VERB VBD 0 root
3 artillery artillery NOUN NN 4 compound
4 rounds round NOUN NNS 2 obj
5 aimed aim VERB VBN 2 xcomp
6 at at ADP IN 8 case
7 a a DET DT 8 det
8 radar radar NOUN NN 5 obl
9 in in ADP IN 10 case
10 Peru Peru PROPN NNP 8 nmod
11 . . PUNCT . 2 punct`

	rpMember = `Ana Ruiz , a member of the Red Cross , was detained .
1 Ana Ana PROPN NNP 12 nsubj:pass
2 Ruiz Ruiz PROPN NNP 1 flat
3 , , PUNCT , 5 punct
4 a a DET DT 5 det
5 member member NOUN NN 1 appos
6 of of ADP IN 9 case
7 the the DET DT 9 det
8 Red Red PROPN NNP 9 compound
9 Cross Cross PROPN NNP 5 nmod
10 , , PUNCT , 5 punct
11 was be AUX VBD 12 aux:pass
12 detained detain VERB VBN 0 root
13 . . PUNCT . 12 punct`

	rpMemberClaim = `Red Cross officials claimed Ruiz allegedly stole the files .
1 Red Red PROPN NNP 2 compound
2 Cross Cross PROPN NNP 3 compound
3 officials official NOUN NNS 4 nsubj
4 claimed claim VERB VBD 0 root
5 Ruiz Ruiz PROPN NNP 7 nsubj
6 allegedly allegedly ADV RB 7 advmod
7 stole steal VERB VBD 4 ccomp
8 the the DET DT 9 det
9 files file NOUN NNS 7 obj
10 . . PUNCT . 4 punct`

	// a purpose infinitive attached to the verb (advcl), not the noun (acl)
	rpPurpose = `Russia will keep cooperating with Chile to fight Islamic State .
1 Russia Russia PROPN NNP 3 nsubj
2 will will AUX MD 3 aux
3 keep keep VERB VB 0 root
4 cooperating cooperate VERB VBG 3 xcomp
5 with with ADP IN 6 case
6 Chile Chile PROPN NNP 4 obl
7 to to PART TO 8 mark
8 fight fight VERB VB 4 advcl
9 Islamic Islamic PROPN NNP 10 compound
10 State State PROPN NNP 8 obj
11 . . PUNCT . 3 punct`

	// a purpose of a purpose: not given the main subject
	rpPurpose2 = `Chile acted to help farmers to fight Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 acted act VERB VBD 0 root
3 to to PART TO 4 mark
4 help help VERB VB 2 advcl
5 farmers farmer NOUN NNS 4 obj
6 to to PART TO 7 mark
7 fight fight VERB VB 4 advcl
8 Peru Peru PROPN NNP 7 obj
9 . . PUNCT . 2 punct`

	// the control verb's complement parsed as a purpose clause
	rpUrged = `Chile urged Peru to fight Bolivia .
1 Chile Chile PROPN NNP 2 nsubj
2 urged urge VERB VBD 0 root
3 Peru Peru PROPN NNP 2 obj
4 to to PART TO 5 mark
5 fight fight VERB VB 2 advcl
6 Bolivia Bolivia PROPN NNP 5 obj
7 . . PUNCT . 2 punct`

	// "to" + a noun tagged as a verb, without an object
	rpToNoun = `Chile yielded to pressure .
1 Chile Chile PROPN NNP 2 nsubj
2 yielded yield VERB VBD 0 root
3 to to PART TO 4 mark
4 pressure pressure VERB VB 2 advcl
5 . . PUNCT . 2 punct`

	rpHeadAlert = `Chile puts army on alert
1 Chile Chile PROPN NNP 2 nsubj
2 puts put VERB VBZ 0 root
3 army army NOUN NN 2 obj
4 on on ADP IN 5 case
5 alert alert NOUN NN 2 obl`

	rpBodyAlert = `The Chilean army was placed on alert .
1 The the DET DT 3 det
2 Chilean Chilean ADJ JJ 3 amod
3 army army NOUN NN 5 nsubj:pass
4 was be AUX VBD 5 aux:pass
5 placed place VERB VBN 0 root
6 on on ADP IN 7 case
7 alert alert NOUN NN 5 obl
8 . . PUNCT . 5 punct`

	// a headline's reduced passive, the preposition parsed as a particle
	rpHeadRescue = `Over 900 migrants rescued off Thai coast
1 Over over ADV RB 2 advmod
2 900 900 NUM CD 3 nummod
3 migrants migrant NOUN NNS 4 nsubj
4 rescued rescue VERB VBD 0 root
5 off off ADP RP 4 compound:prt
6 Thai Thai ADJ JJ 7 amod
7 coast coast NOUN NN 4 obj`

	rpPretext = `They shelled posts under the pretext that Chile fired one shell at Peru .
1 They they PRON PRP 2 nsubj
2 shelled shell VERB VBD 0 root
3 posts post NOUN NNS 2 obj
4 under under ADP IN 6 case
5 the the DET DT 6 det
6 pretext pretext NOUN NN 2 obl
7 that that SCONJ IN 9 mark
8 Chile Chile PROPN NNP 9 nsubj
9 fired fire VERB VBD 2 ccomp
10 one one NUM CD 11 nummod
11 shell shell NOUN NN 9 obj
12 at at ADP IN 13 case
13 Peru Peru PROPN NNP 9 obl
14 . . PUNCT . 2 punct`

	rpFormer = `Peru contacted former members of the Red Cross .
1 Peru Peru PROPN NNP 2 nsubj
2 contacted contact VERB VBD 0 root
3 former former ADJ JJ 4 amod
4 members member NOUN NNS 2 obj
5 of of ADP IN 8 case
6 the the DET DT 8 det
7 Red Red PROPN NNP 8 compound
8 Cross Cross PROPN NNP 4 nmod
9 . . PUNCT . 2 punct`
)

func TestRepairParse(t *testing.T) {
	cases := []struct {
		name     string
		sent     string
		headline bool
		tok      int    // 0-based token whose attachment is checked
		head     int    // its wanted head (0-based, -1 root)
		rel      string // and relation
	}{
		{"a comma-set second subject is an apposition", rpApposSubj, false, 5, 0, "appos"},
		{"a lone outer subject is the subject", rpOuter, false, 2, 4, "nsubj"},
		{"the clause right after a claim verb is its complement", rpClaim, false, 9, 6, "ccomp"},
		{"a headline's past form with a subject is passive", rpHeadRescue, true, 2, 3, "nsubj:pass"},
		{"and its particle before a noun is that noun's preposition", rpHeadRescue, true, 4, 6, "case"},
		{"the same headline verb in the body is left alone", rpHeadRescue, false, 2, 3, "nsubj"},
		{"a real second clause subject is kept", rpPurpose, false, 0, 2, "nsubj"},
		{"a conjunct on a name's flat part belongs to the name", rpConjFlat, false, 3, 0, "conj"},
		{"the later of two subjects after 'and' is a conjunct", rpList3, false, 5, 0, "conj"},
		{"a name between them set off by commas is one more", rpList3, false, 2, 0, "conj"},
		{"the reduced relative of a root noun is the main verb", rpNounRoot, false, 4, -1, "root"},
		{"and the noun its subject", rpNounRoot, false, 3, 4, "nsubj"},
		{"a caption's reduced passive is left alone", rpCaption, false, 1, 0, "acl"},
		{"a reported verb taken for an adjective is the clause", rpStruckAmod, false, 2, 9, "ccomp"},
		{"with the first subject its own", rpStruckAmod, false, 1, 2, "nsubj"},
		{"a reported verb taken for a noun is the clause's verb", rpShotNoun, false, 1, 2, "nsubj"},
		{"the object taken for a complement's subject is the object", rpObjParticiple, false, 4, 2, "obj"},
		{"and the participle its modifier", rpObjParticiple, false, 5, 4, "acl"},
		{"a perfect's participle taken for an adjective is the verb", rpPerfectAmod, false, 3, -1, "root"},
		{"and its have the auxiliary", rpPerfectAmod, false, 1, 3, "aux"},
		{"a by-phrase on an active verb is no agent", rpByPhone, false, 4, 2, "obl"},
		{"a root noun's object makes its adjective the verb", rpNounObj, false, 4, -1, "root"},
		{"and the noun its subject", rpNounObj, false, 1, 4, "nsubj"},
		{"a verb on the root's conjunct is the clause", rpConjRoot, false, 7, -1, "root"},
		{"with the coordination its subject", rpConjRoot, false, 2, 7, "nsubj"},
		{"a participle with an object is a clause's verb", rpKilledAcl, false, 2, 7, "ccomp"},
		{"with the noun its subject", rpKilledAcl, false, 1, 2, "nsubj"},
		{"a later verb with its auxiliary is the clause", rpReducedRoot, false, 6, -1, "root"},
		{"and the participle before it a reduced relative", rpReducedRoot, false, 1, 0, "acl"},
		{"and a with-phrase hung on it goes to the verb", rpByPhone, false, 6, 2, "obl"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sent)
			orig := append([]doc.Token(nil), d.Sentences[0].Tokens...)
			got := repairParse(d.Sentences[0].Tokens, tc.headline)
			if k := got[tc.tok]; k.Head != tc.head || k.Deprel != tc.rel {
				t.Errorf("%s: got head %d %s, want %d %s", k.Form, k.Head, k.Deprel, tc.head, tc.rel)
			}
			for i := range orig {
				if d.Sentences[0].Tokens[i] != orig[i] {
					t.Fatalf("repairParse modified the document's token %d", i)
				}
			}
		})
	}
}

func TestParseTolerance(t *testing.T) {
	extra := map[string]fakeEntry{"Chilean": {"CHL", "country", ""}, "Thai": {"THA", "country", ""}, "Red Cross": {"NGO", "country", "Red Cross"}, "migrants": {"REF", "agent", ""}}
	type want struct{ src, tgt, root string }
	cases := []struct {
		name   string
		title  string
		sents  []string
		want   *want // an event with these codes and root
		nowant *want // no event with these codes and root
		count  int   // when > 0, the number of events
	}{
		{name: "evaluation through an outer subject", sents: []string{rpOuter}, want: &want{"PER", "CHL", "11"}},
		{name: "a claimed act in a clause hung on the higher verb", sents: []string{rpClaim}, want: &want{"CHL", "PER", "11"}},
		{name: "the target on a participle parsed as xcomp", sents: []string{rpAimed}, want: &want{"CHL", "PER", "19"}},
		{name: "a member keeps their identity: the group can accuse them", sents: []string{rpMember, rpMemberClaim}, want: &want{"NGO", "NGO", "11"}},
		{name: "a purpose infinitive takes the main subject", sents: []string{rpPurpose}, want: &want{"RUS", "IMGSEPISI", "13"}},
		{name: "a purpose of a purpose does not", sents: []string{rpPurpose2}, nowant: &want{"CHL", "PER", ""}},
		{name: "not after a control verb's object", sents: []string{rpUrged}, nowant: &want{"CHL", "BOL", ""}},
		{name: "not without an object of its own", sents: []string{rpToNoun}, nowant: &want{"CHL", "", "10"}},
		{name: "a headline repeated by the body with a refined code", title: "Chile puts army on alert", sents: []string{rpHeadAlert, rpBodyAlert}, count: 1, want: &want{"CHLMIL", "", "15"}},
		{name: "a headline's reduced passive has no agent", title: "Over 900 migrants rescued off Thai coast", sents: []string{rpHeadRescue}, nowant: &want{"REF", "THA", "07"}},
		{name: "a that-clause after a pretext noun is no event", sents: []string{rpPretext}, nowant: &want{"CHL", "PER", "19"}},
		{name: "former members are not the group", sents: []string{rpFormer}, nowant: &want{"PER", "NGO", "04"}},
		{name: "every pair of a three-way list met", sents: []string{rpList3}, want: &want{"PER", "BOL", "04"}},
		{name: "the meeting of a root noun's reduced relative", sents: []string{rpNounRoot}, want: &want{"PER", "CHL", "04"}},
		{name: "an air strike in a mistagged reported clause", sents: []string{rpStruckAmod}, want: &want{"CHL", "PER", "19"}},
		{name: "a shoot-down in a mistagged reported clause", sents: []string{rpShotNoun}, want: &want{"CHL", "EGY", "19"}},
		{name: "refused talks are a rejection", sents: []string{rpPerfectAmod}, want: &want{"CHL", "PER", "12"}},
		{name: "a phone call with X", sents: []string{rpByPhone}, want: &want{"CHL", "PER", "04"}},
		{name: "sanctions imposed by a root noun's verb", sents: []string{rpNounObj}, want: &want{"CHL", "PER", "16"}},
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
			has := func(w *want) bool {
				for _, e := range d.Events {
					if code(e.Source) == w.src && code(e.Target) == w.tgt && strings.HasPrefix(string(e.Code), w.root) {
						return true
					}
				}
				return false
			}
			if tc.want != nil && !has(tc.want) {
				t.Errorf("missing %s -> %s root %s; got:\n%s", tc.want.src, tc.want.tgt, tc.want.root, dump(d.Events))
			}
			if tc.nowant != nil && has(tc.nowant) {
				t.Errorf("unwanted %s -> %s root %s; got:\n%s", tc.nowant.src, tc.nowant.tgt, tc.nowant.root, dump(d.Events))
			}
			if tc.count > 0 && len(d.Events) != tc.count {
				t.Errorf("want %d events; got:\n%s", tc.count, dump(d.Events))
			}
		})
	}
}
