package coder

import (
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

// Hand-parsed invented sentences for the round-3 rules. Several reproduce
// parser mistakes our own parser makes (stranded subjects and
// prepositions, an infinitive marker as head).
const (
	// the subject phrase hung on the main verb as an oblique
	r3Stranded = `The talks resumed after Chile and Peru exchanged gunfire overnight .
1 The the DET DT 2 det
2 talks talk NOUN NNS 3 nsubj
3 resumed resume VERB VBD 0 root
4 after after ADP IN 5 case
5 Chile Chile PROPN NNP 3 obl
6 and and CCONJ CC 7 cc
7 Peru Peru PROPN NNP 5 conj
8 exchanged exchange VERB VBD 3 advcl
9 gunfire gunfire NOUN NN 8 obj
10 overnight overnight ADV RB 8 advmod
11 . . PUNCT . 3 punct`

	// compass references to countries named earlier; a quantity noun
	// ("dozens of rockets") before the object's real head
	r3CompassA = `South Korea accused North Korea of bombing its ports .
1 South South PROPN NNP 2 compound
2 Korea Korea PROPN NNP 3 nsubj
3 accused accuse VERB VBD 0 root
4 North North PROPN NNP 5 compound
5 Korea Korea PROPN NNP 3 obj
6 of of SCONJ IN 7 mark
7 bombing bomb VERB VBG 3 advcl
8 its its PRON PRP$ 9 nmod:poss
9 ports port NOUN NNS 7 obj
10 . . PUNCT . 3 punct`
	r3CompassB = `The South responded by firing dozens of rockets into the north .
1 The the DET DT 2 det
2 South South PROPN NNP 3 nsubj
3 responded respond VERB VBD 0 root
4 by by SCONJ IN 5 mark
5 firing fire VERB VBG 3 advcl
6 dozens dozen NOUN NNS 5 obj
7 of of ADP IN 8 case
8 rockets rocket NOUN NNS 6 nmod
9 into into ADP IN 11 case
10 the the DET DT 11 det
11 north north NOUN NN 5 obl
12 . . PUNCT . 3 punct`

	r3Retaliate = `Ecuador retaliated by firing mortars at Peru .
1 Ecuador Ecuador PROPN NNP 2 nsubj
2 retaliated retaliate VERB VBD 0 root
3 by by SCONJ IN 4 mark
4 firing fire VERB VBG 2 advcl
5 mortars mortar NOUN NNS 4 obj
6 at at ADP IN 7 case
7 Peru Peru PROPN NNP 4 obl
8 . . PUNCT . 2 punct`

	r3Alert = `Both countries placed their armies on high alert .
1 Both both DET DT 2 det
2 countries country NOUN NNS 3 nsubj
3 placed place VERB VBD 0 root
4 their their PRON PRP$ 5 nmod:poss
5 armies army NOUN NNS 3 obj
6 on on ADP IN 8 case
7 high high ADJ JJ 8 amod
8 alert alert NOUN NN 3 obl
9 . . PUNCT . 3 punct`

	r3Pair = `Armenia and Azerbaijan traded artillery fire .
1 Armenia Armenia PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Azerbaijan Azerbaijan PROPN NNP 1 conj
4 traded trade VERB VBD 0 root
5 artillery artillery NOUN NN 6 compound
6 fire fire NOUN NN 4 obj
7 . . PUNCT . 4 punct`

	// an uncoded object of a threat after an exchange between two countries
	r3Opponent = `Armenia said it would destroy any positions that shell its villages .
1 Armenia Armenia PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 it it PRON PRP 5 nsubj
4 would would AUX MD 5 aux
5 destroy destroy VERB VB 2 ccomp
6 any any DET DT 7 det
7 positions position NOUN NNS 5 obj
8 that that PRON WDT 9 nsubj
9 shell shell VERB VBP 7 acl:relcl
10 its its PRON PRP$ 11 nmod:poss
11 villages village NOUN NNS 9 obj
12 . . PUNCT . 2 punct`

	r3WillNotLift = `Japan will not lift the ban on Chinese imports .
1 Japan Japan PROPN NNP 4 nsubj
2 will will AUX MD 4 aux
3 not not PART RB 4 advmod
4 lift lift VERB VB 0 root
5 the the DET DT 6 det
6 ban ban NOUN NN 4 obj
7 on on ADP IN 9 case
8 Chinese Chinese ADJ JJ 9 amod
9 imports import NOUN NNS 6 nmod
10 . . PUNCT . 4 punct`

	r3DidNotMeet = `Japan did not meet China .
1 Japan Japan PROPN NNP 4 nsubj
2 did do AUX VBD 4 aux
3 not not PART RB 4 advmod
4 meet meet VERB VB 0 root
5 China China PROPN NNP 4 obj
6 . . PUNCT . 4 punct`

	// the parser made "with" the oblique and hung the name beside it
	r3StrandedPrep = `Kenya 's envoy met with Russian President Putin Monday .
1 Kenya Kenya PROPN NNP 3 nmod:poss
2 's 's PART POS 1 case
3 envoy envoy NOUN NN 4 nsubj
4 met meet VERB VBD 0 root
5 with with ADP IN 4 obl
6 Russian Russian ADJ JJ 5 amod
7 President President PROPN NNP 8 compound
8 Putin Putin PROPN NNP 4 obl
9 Monday Monday PROPN NNP 8 flat
10 . . PUNCT . 4 punct`

	// ... or hung the name below an adjective below "with"
	r3StrandedPrepDeep = `Kenya 's envoy met with Russian President Putin .
1 Kenya Kenya PROPN NNP 3 nmod:poss
2 's 's PART POS 1 case
3 envoy envoy NOUN NN 4 nsubj
4 met meet VERB VBD 0 root
5 with with ADP IN 4 obl
6 Russian Russian ADJ JJ 5 amod
7 President President PROPN NNP 8 nmod:desc
8 Putin Putin PROPN NNP 6 obl
9 . . PUNCT . 4 punct`

	// the infinitive marker parsed as an oblique heading the xcomp
	r3ToHead = `Qatar pledged to expel the diplomats of Chad .
1 Qatar Qatar PROPN NNP 2 nsubj
2 pledged pledge VERB VBD 0 root
3 to to PART TO 2 obl
4 expel expel VERB VB 3 xcomp
5 the the DET DT 6 det
6 diplomats diplomat NOUN NNS 4 obj
7 of of ADP IN 8 case
8 Chad Chad PROPN NNP 6 nmod
9 . . PUNCT . 2 punct`

	r3TimeSubj = `Peruvian lawmakers Tuesday endorsed an agreement with Chile .
1 Peruvian Peruvian ADJ JJ 2 amod
2 lawmakers lawmaker NOUN NNS 3 compound
3 Tuesday Tuesday PROPN NNP 4 nsubj
4 endorsed endorse VERB VBD 0 root
5 an a DET DT 6 det
6 agreement agreement NOUN NN 4 obj
7 with with ADP IN 8 case
8 Chile Chile PROPN NNP 6 nmod
9 . . PUNCT . 4 punct`

	r3Magazine = `A Russian magazine attacked the British government .
1 A a DET DT 3 det
2 Russian Russian ADJ JJ 3 amod
3 magazine magazine NOUN NN 4 nsubj
4 attacked attack VERB VBD 0 root
5 the the DET DT 7 det
6 British British ADJ JJ 7 amod
7 government government NOUN NN 4 obj
8 . . PUNCT . 4 punct`

	r3Weak = `Chile condemned Peru after refugees were criticized .
1 Chile Chile PROPN NNP 2 nsubj
2 condemned condemn VERB VBD 0 root
3 Peru Peru PROPN NNP 2 obj
4 after after SCONJ IN 7 mark
5 refugees refugee NOUN NNS 7 nsubj:pass
6 were be AUX VBD 7 aux:pass
7 criticized criticize VERB VBN 2 advcl
8 . . PUNCT . 2 punct`

	r3Sanctions = `Canada imposed sanctions on Belarus .
1 Canada Canada PROPN NNP 2 nsubj
2 imposed impose VERB VBD 0 root
3 sanctions sanction NOUN NNS 2 obj
4 on on ADP IN 5 case
5 Belarus Belarus PROPN NNP 2 obl
6 . . PUNCT . 2 punct`

	r3CarryOut = `Chad carried out an attack on Niger .
1 Chad Chad PROPN NNP 2 nsubj
2 carried carry VERB VBD 0 root
3 out out ADP RP 2 compound:prt
4 an a DET DT 5 det
5 attack attack NOUN NN 2 obj
6 on on ADP IN 7 case
7 Niger Niger PROPN NNP 5 nmod
8 . . PUNCT . 2 punct`

	r3Warning = `Norway issued a warning to Russia .
1 Norway Norway PROPN NNP 2 nsubj
2 issued issue VERB VBD 0 root
3 a a DET DT 4 det
4 warning warning NOUN NN 2 obj
5 to to ADP IN 6 case
6 Russia Russia PROPN NNP 2 obl
7 . . PUNCT . 2 punct`

	r3OpenFire = `Russian troops opened fire on Ukraine .
1 Russian Russian ADJ JJ 2 amod
2 troops troop NOUN NNS 3 nsubj
3 opened open VERB VBD 0 root
4 fire fire NOUN NN 3 obj
5 on on ADP IN 6 case
6 Ukraine Ukraine PROPN NNP 3 obl
7 . . PUNCT . 3 punct`

	r3HoldTalks = `Norway held discussions with Sweden .
1 Norway Norway PROPN NNP 2 nsubj
2 held hold VERB VBD 0 root
3 discussions discussion NOUN NNS 2 obj
4 with with ADP IN 5 case
5 Sweden Sweden PROPN NNP 2 obl
6 . . PUNCT . 2 punct`

	r3LiftBan = `Kenya lifted the travel ban on Somalia .
1 Kenya Kenya PROPN NNP 2 nsubj
2 lifted lift VERB VBD 0 root
3 the the DET DT 5 det
4 travel travel NOUN NN 5 compound
5 ban ban NOUN NN 2 obj
6 on on ADP IN 7 case
7 Somalia Somalia PROPN NNP 5 nmod
8 . . PUNCT . 2 punct`

	r3Declined = `Germany declined to comment on the report .
1 Germany Germany PROPN NNP 2 nsubj
2 declined decline VERB VBD 0 root
3 to to PART TO 4 mark
4 comment comment VERB VB 2 xcomp
5 on on ADP IN 7 case
6 the the DET DT 7 det
7 report report NOUN NN 4 obl
8 . . PUNCT . 2 punct`

	r3DeniedCharges = `Chad denied charges by Niger .
1 Chad Chad PROPN NNP 2 nsubj
2 denied deny VERB VBD 0 root
3 charges charge NOUN NNS 2 obj
4 by by ADP IN 5 case
5 Niger Niger PROPN NNP 3 nmod
6 . . PUNCT . 2 punct`

	r3Must = `Japan said the Russian government must release the sailors .
1 Japan Japan PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 the the DET DT 5 det
4 Russian Russian ADJ JJ 5 amod
5 government government NOUN NN 7 nsubj
6 must must AUX MD 7 aux
7 release release VERB VB 2 ccomp
8 the the DET DT 9 det
9 sailors sailor NOUN NNS 7 obj
10 . . PUNCT . 2 punct`

	r3NameDeclined = `Maria Lopez declined to comment .
1 Maria Maria PROPN NNP 3 nsubj
2 Lopez Lopez PROPN NNP 1 flat
3 declined decline VERB VBD 0 root
4 to to PART TO 5 mark
5 comment comment VERB VB 3 xcomp
6 . . PUNCT . 3 punct`

	r3Considering = `Japan is considering sending aid to Nepal .
1 Japan Japan PROPN NNP 3 nsubj
2 is be AUX VBZ 3 aux
3 considering consider VERB VBG 0 root
4 sending send VERB VBG 3 xcomp
5 aid aid NOUN NN 4 obj
6 to to ADP IN 7 case
7 Nepal Nepal PROPN NNP 4 obl
8 . . PUNCT . 3 punct`

	r3KilledIn = `Three Syrian civilians were killed in Israeli shelling .
1 Three three NUM CD 3 nummod
2 Syrian Syrian ADJ JJ 3 amod
3 civilians civilian NOUN NNS 5 nsubj:pass
4 were be AUX VBD 5 aux:pass
5 killed kill VERB VBN 0 root
6 in in ADP IN 8 case
7 Israeli Israeli ADJ JJ 8 amod
8 shelling shelling NOUN NN 5 obl
9 . . PUNCT . 5 punct`

	r3Expelled = `Chile expelled two Egyptian diplomats .
1 Chile Chile PROPN NNP 2 nsubj
2 expelled expel VERB VBD 0 root
3 two two NUM CD 5 nummod
4 Egyptian Egyptian ADJ JJ 5 amod
5 diplomats diplomat NOUN NNS 2 obj
6 . . PUNCT . 2 punct`

	r3OrgLeaders = `Leaders of ISIS threatened Chile .
1 Leaders leader NOUN NNS 4 nsubj
2 of of ADP IN 3 case
3 ISIS ISIS PROPN NNP 1 nmod
4 threatened threaten VERB VBD 0 root
5 Chile Chile PROPN NNP 4 obj
6 . . PUNCT . 4 punct`

	r3ReceivedFrom = `Chile received ministers from the Egyptian government .
1 Chile Chile PROPN NNP 2 nsubj
2 received receive VERB VBD 0 root
3 ministers minister NOUN NNS 2 obj
4 from from ADP IN 7 case
5 the the DET DT 7 det
6 Egyptian Egyptian ADJ JJ 7 amod
7 government government NOUN NN 2 obl
8 . . PUNCT . 2 punct`

	r3SanctionPackage = `Chile approved a package of sanctions against Peru , targeting ten banks .
1 Chile Chile PROPN NNP 2 nsubj
2 approved approve VERB VBD 0 root
3 a a DET DT 4 det
4 package package NOUN NN 2 obj
5 of of ADP IN 6 case
6 sanctions sanction NOUN NNS 4 nmod
7 against against ADP IN 8 case
8 Peru Peru PROPN NNP 4 nmod
9 , , PUNCT , 10 punct
10 targeting target VERB VBG 2 advcl
11 ten ten NUM CD 12 nummod
12 banks bank NOUN NNS 10 obj
13 . . PUNCT . 2 punct`

	r3OwnersConj = `The ministers of Chile and Peru met .
1 The the DET DT 2 det
2 ministers minister NOUN NNS 7 nsubj
3 of of ADP IN 4 case
4 Chile Chile PROPN NNP 2 nmod
5 and and CCONJ CC 6 cc
6 Peru Peru PROPN NNP 4 conj
7 met meet VERB VBD 0 root
8 . . PUNCT . 7 punct`

	r3Counterpart = `Her Peruvian counterpart attacked Chile .
1 Her she PRON PRP$ 3 nmod:poss
2 Peruvian Peruvian ADJ JJ 3 amod
3 counterpart counterpart NOUN NN 4 nsubj
4 attacked attack VERB VBD 0 root
5 Chile Chile PROPN NNP 4 obj
6 . . PUNCT . 4 punct`

	r3Denied = `Chile denied that Peru had delivered weapons to Egypt .
1 Chile Chile PROPN NNP 2 nsubj
2 denied deny VERB VBD 0 root
3 that that SCONJ IN 6 mark
4 Peru Peru PROPN NNP 6 nsubj
5 had have AUX VBD 6 aux
6 delivered deliver VERB VBN 2 ccomp
7 weapons weapon NOUN NNS 6 obj
8 to to ADP IN 9 case
9 Egypt Egypt PROPN NNP 6 obl
10 . . PUNCT . 2 punct`

	r3AccusedOf = `Chile accused Peru of shelling Egypt .
1 Chile Chile PROPN NNP 2 nsubj
2 accused accuse VERB VBD 0 root
3 Peru Peru PROPN NNP 2 obj
4 of of SCONJ IN 5 mark
5 shelling shell VERB VBG 3 acl
6 Egypt Egypt PROPN NNP 5 obj
7 . . PUNCT . 2 punct`

	r3ItsOffensive = `Chile could resume its offensive .
1 Chile Chile PROPN NNP 3 nsubj
2 could could AUX MD 3 aux
3 resume resume VERB VB 0 root
4 its its PRON PRP$ 5 nmod:poss
5 offensive offensive NOUN NN 3 obj
6 . . PUNCT . 3 punct`

	r3CeaseFire = `Chile announced a cease-fire with Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 announced announce VERB VBD 0 root
3 a a DET DT 6 det
4 cease cease NOUN NN 6 compound
5 - - PUNCT HYPH 4 punct
6 fire fire NOUN NN 2 obj
7 with with ADP IN 8 case
8 Peru Peru PROPN NNP 6 nmod
9 . . PUNCT . 2 punct`

	r3FightEbola = `Chile sent doctors to Peru to fight the epidemic .
1 Chile Chile PROPN NNP 2 nsubj
2 sent send VERB VBD 0 root
3 doctors doctor NOUN NNS 2 obj
4 to to ADP IN 5 case
5 Peru Peru PROPN NNP 2 obl
6 to to PART TO 7 mark
7 fight fight VERB VB 2 advcl
8 the the DET DT 9 det
9 epidemic epidemic NOUN NN 7 obj
10 . . PUNCT . 2 punct`

	r3TownSeized = `Peru 's town was seized .
1 Peru Peru PROPN NNP 3 nmod:poss
2 's 's PART POS 1 case
3 town town NOUN NN 5 nsubj:pass
4 was be AUX VBD 5 aux:pass
5 seized seize VERB VBN 0 root
6 . . PUNCT . 5 punct`

	r3Dismissed = `Chile dismissed the army chief .
1 Chile Chile PROPN NNP 2 nsubj
2 dismissed dismiss VERB VBD 0 root
3 the the DET DT 5 det
4 army army NOUN NN 5 compound
5 chief chief NOUN NN 2 obj
6 . . PUNCT . 2 punct`

	r3Exchanged = `Chile and Peru exchanged prisoners .
1 Chile Chile PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Peru Peru PROPN NNP 1 conj
4 exchanged exchange VERB VBD 0 root
5 prisoners prisoner NOUN NNS 4 obj
6 . . PUNCT . 4 punct`

	r3Blocked = `Chile blocked an Egyptian statement criticizing Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 blocked block VERB VBD 0 root
3 an a DET DT 5 det
4 Egyptian Egyptian ADJ JJ 5 amod
5 statement statement NOUN NN 2 obj
6 criticizing criticize VERB VBG 5 acl
7 Peru Peru PROPN NNP 6 obj
8 . . PUNCT . 2 punct`

	r3Collapsed = `The ceasefire between Chile and Peru collapsed .
1 The the DET DT 2 det
2 ceasefire ceasefire NOUN NN 7 nsubj
3 between between ADP IN 4 case
4 Chile Chile PROPN NNP 2 nmod
5 and and CCONJ CC 6 cc
6 Peru Peru PROPN NNP 4 conj
7 collapsed collapse VERB VBD 0 root
8 . . PUNCT . 7 punct`

	r3Pressure = `Chile faces pressure from Bolivia .
1 Chile Chile PROPN NNP 2 nsubj
2 faces face VERB VBZ 0 root
3 pressure pressure NOUN NN 2 obj
4 from from ADP IN 5 case
5 Bolivia Bolivia PROPN NNP 3 nmod
6 . . PUNCT . 2 punct`

	r3Gave = `Germany gave 5 million euros to Jordan .
1 Germany Germany PROPN NNP 2 nsubj
2 gave give VERB VBD 0 root
3 5 5 NUM CD 4 compound
4 million million NUM CD 5 nummod
5 euros euro NOUN NNS 2 obj
6 to to ADP IN 7 case
7 Jordan Jordan PROPN NNP 2 obl
8 . . PUNCT . 2 punct`
)

func TestRound3Rules(t *testing.T) {
	c, err := New(newFakeActors(people))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		src, tgt, code string
		neg            bool
		mod            doc.Modality
	}
	cases := []struct {
		name   string
		sents  []string
		want   []want
		forbid func(e doc.Event) bool
	}{
		{name: "stranded subject phrase, exchange of fire is mutual", sents: []string{r3Stranded}, want: []want{
			{"CHL", "PER", "194", false, doc.Asserted}, {"PER", "CHL", "194", false, doc.Asserted}}},
		{name: "the South/the north after South Sudan and Sudan; dozens of rockets", sents: []string{r3CompassA, r3CompassB},
			want: []want{{"KOR", "PRK", "194", false, doc.Asserted}}},
		{name: "retaliated by firing: one event with the target", sents: []string{r3Retaliate},
			want:   []want{{"ECU", "PER", "194", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "19" && e.Target == nil }},
		{name: "both countries placed their armies on alert: mutual posture", sents: []string{r3Pair, r3Alert}, want: []want{
			{"ARM", "AZE", "194", false, doc.Asserted}, {"AZE", "ARM", "194", false, doc.Asserted},
			{"ARM", "AZE", "152", false, doc.Asserted}, {"AZE", "ARM", "152", false, doc.Asserted}}},
		{name: "uncoded threat object goes to the remembered opponent", sents: []string{r3Pair, r3Opponent},
			want: []want{{"ARM", "AZE", "137", false, doc.Intended}}},
		{name: "no opponent without an earlier conflict", sents: []string{r3Opponent},
			forbid: func(e doc.Event) bool { return e.Root == "13" && e.Target != nil && e.Target.Actor != "" }},
		{name: "will not lift the ban: refusal to ease sanctions", sents: []string{r3WillNotLift},
			want:   []want{{"JPN", "CHN", "1241", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "08" }},
		{name: "did not meet stays a negated meeting", sents: []string{r3DidNotMeet},
			want: []want{{"JPN", "CHN", "040", true, doc.Asserted}}},
		{name: "stranded preposition: met with X", sents: []string{r3StrandedPrep},
			want: []want{{"KEN", "RUSGOV", "040", false, doc.Asserted}}},
		{name: "stranded preposition with the name in its subtree", sents: []string{r3StrandedPrepDeep},
			want: []want{{"KEN", "RUSGOV", "040", false, doc.Asserted}}},
		{name: "to parsed as head: the pledger expels", sents: []string{r3ToHead},
			want: []want{{"QAT", "TCD", "131", false, doc.Intended}}},
		{name: "a weekday is never a participant", sents: []string{r3TimeSubj},
			forbid: func(e doc.Event) bool { return e.Source != nil && e.Source.Text == "Tuesday" }},
		{name: "a magazine attacks verbally", sents: []string{r3Magazine},
			want:   []want{{"RUS", "GBRGOV", "111", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "18" }},
		{name: "uncoded side event dropped next to a strong one", sents: []string{r3Weak},
			want:   []want{{"CHL", "PER", "111", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Source == nil }},
		{name: "impose sanctions on", sents: []string{r3Sanctions}, want: []want{{"CAN", "BLR", "163", false, doc.Asserted}}},
		{name: "carry out an attack on", sents: []string{r3CarryOut}, want: []want{{"TCD", "NER", "180", false, doc.Asserted}}},
		{name: "issue a warning to", sents: []string{r3Warning}, want: []want{{"NOR", "RUS", "130", false, doc.Asserted}}},
		{name: "open fire on", sents: []string{r3OpenFire}, want: []want{{"RUS", "UKR", "193", false, doc.Asserted}}},
		{name: "hold discussions with", sents: []string{r3HoldTalks}, want: []want{{"NOR", "SWE", "040", false, doc.Asserted}}},
		{name: "lift a ban on", sents: []string{r3LiftBan}, want: []want{{"KEN", "SOM", "081", false, doc.Asserted}}},
		{name: "declined to comment is 011, not a rejection", sents: []string{r3Declined},
			want:   []want{{"DEU", "", "011", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "12" }},
		{name: "denied charges: a denial, not a rejection", sents: []string{r3DeniedCharges},
			want:   []want{{"TCD", "NER", "016", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "12" }},
		{name: "said X must: a demand of X", sents: []string{r3Must},
			want: []want{{"JPN", "RUSGOV", "100", false, doc.Asserted}}},
		{name: "declined to comment by an uncoded name: 011, no rejection", sents: []string{r3NameDeclined},
			want:   []want{{"", "", "011", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "12" }},
		{name: "considering sending aid: a policy option", sents: []string{r3Considering},
			want: []want{{"JPN", "", "014", false, doc.Asserted}}},
		{name: "killed in X's shelling: one event, X's shelling of the victims", sents: []string{r3KilledIn},
			want:   []want{{"ISR", "SYR", "194", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "18" }},
		{name: "expelled X-ian diplomats: X is the target", sents: []string{r3Expelled}, want: []want{{"CHL", "EGY", "166", false, doc.Asserted}}},
		{name: "leaders of an organization are coded as it", sents: []string{r3OrgLeaders}, want: []want{{"IMGSEPISI", "CHL", "130", false, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Source != nil && e.Source.Actor == "IMGGOV" }},
		{name: "a package of sanctions is a sanction; what it targets is no attack", sents: []string{r3SanctionPackage},
			want: []want{{"CHL", "PER", "163", false, doc.Asserted}}, forbid: func(e doc.Event) bool { return e.Root >= "18" }},
		{name: "a denied act is negated and reported", sents: []string{r3Denied}, want: []want{{"PER", "EGY", "072", true, doc.Reported}},
			forbid: func(e doc.Event) bool { return e.Root == "07" && !e.Negated }},
		{name: "the act someone is accused of is alleged", sents: []string{r3AccusedOf}, want: []want{{"PER", "EGY", "194", false, doc.Reported}}},
		{name: "its offensive is the clause subject's", sents: []string{r3ItsOffensive}, want: []want{{"CHL", "", "190", false, doc.Hypothetical}}},
		{name: "a hyphenated word split by the tokenizer matches whole", sents: []string{r3CeaseFire}, want: []want{{"CHL", "PER", "0871", false, doc.Asserted}}},
		{name: "fighting an epidemic is no fighting", sents: []string{r3FightEbola}, forbid: func(e doc.Event) bool { return e.Root == "19" }},
		{name: "the owner of what is seized does not seize it", sents: []string{r3TownSeized},
			forbid: func(e doc.Event) bool { return e.Source != nil && e.Source.Actor == "PER" }},
		{name: "dismissing an official is a personnel change", sents: []string{r3Dismissed}, forbid: func(e doc.Event) bool { return true }},
		{name: "a prisoner exchange frees both ways", sents: []string{r3Exchanged}, want: []want{{"CHL", "PER", "0841", false, doc.Asserted}, {"PER", "CHL", "0841", false, doc.Asserted}}},
		{name: "a blocked statement's criticism is negated", sents: []string{r3Blocked}, want: []want{{"EGY", "PER", "111", true, doc.Asserted}},
			forbid: func(e doc.Event) bool { return e.Root == "11" && !e.Negated }},
		{name: "a ceasefire that collapsed is no ceasefire", sents: []string{r3Collapsed}, forbid: func(e doc.Event) bool { return e.Root == "08" }},
		{name: "faces pressure from X: X demands", sents: []string{r3Pressure}, want: []want{{"BOL", "CHL", "100", false, doc.Asserted}}},
		{name: "gave money to: economic aid", sents: []string{r3Gave}, want: []want{{"DEU", "JOR", "071", false, doc.Asserted}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sents...)
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

// TestOriginOnVerb: a bare role object takes the country of the verb's
// from-phrase ("received ministers from the Egyptian government").
func TestOriginOnVerb(t *testing.T) {
	c, err := New(newFakeActors(map[string]fakeEntry{"ministers": {code: "GOV", kind: "agent"}, "government": {code: "GOV", kind: "agent"}}))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r3ReceivedFrom)
	c.Code(d)
	for _, e := range d.Events {
		if e.Root == "04" && e.Source != nil && e.Source.Actor == "CHL" && e.Target != nil && e.Target.Actor == "EGYGOV" {
			return
		}
	}
	t.Errorf("want CHL -> EGYGOV 04; got:\n%s", dump(d.Events))
}

// TestOwnersAndCounterparts: "the ministers of X and Y" are two parties;
// "her counterpart" is not her.
func TestOwnersAndCounterparts(t *testing.T) {
	c, err := New(newFakeActors(map[string]fakeEntry{"ministers": {code: "GOV", kind: "agent"}, "Peruvian": {code: "PER", kind: "country"}}))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, r3OwnersConj)
	c.Code(d)
	ok := false
	for _, e := range d.Events {
		if e.Root == "04" && e.Source != nil && e.Target != nil && e.Source.Actor == "CHLGOV" && e.Target.Actor == "PERGOV" {
			ok = true
		}
	}
	if !ok {
		t.Errorf("ministers of Chile and Peru met: want CHLGOV -> PERGOV 04; got:\n%s", dump(d.Events))
	}
	d = miniDoc(t, sObamaHollandeForCounterpart, r3Counterpart)
	c.Code(d)
	found := false
	for _, e := range d.Events {
		if e.Root == "18" && e.Source != nil {
			found = true
			if e.Source.Actor != "PER" {
				t.Errorf("her Peruvian counterpart: source %s, want PER; got:\n%s", e.Source.Actor, dump(d.Events))
			}
		}
	}
	if !found {
		t.Errorf("her Peruvian counterpart attacked Chile: no attack coded; got:\n%s", dump(d.Events))
	}
}

const sObamaHollandeForCounterpart = `Hollande spoke .
1 Hollande Hollande PROPN NNP 2 nsubj
2 spoke speak VERB VBD 0 root
3 . . PUNCT . 2 punct`

// TestNarrativeTime: a sentence without a time of its own right after a
// dated event goes on with that day; further on, the publication date.
func TestNarrativeTime(t *testing.T) {
	c, err := New(newFakeActors(nil))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, `Yesterday Chile attacked Peru .
1 Yesterday yesterday NOUN NN 3 obl:tmod
2 Chile Chile PROPN NNP 3 nsubj
3 attacked attack VERB VBD 0 root
4 Peru Peru PROPN NNP 3 obj
5 . . PUNCT . 3 punct`, `Peru attacked Chile .
1 Peru Peru PROPN NNP 2 nsubj
2 attacked attack VERB VBD 0 root
3 Chile Chile PROPN NNP 2 obj
4 . . PUNCT . 2 punct`, sFiller, sFiller, sFiller, `Chile attacked Peru .
1 Chile Chile PROPN NNP 2 nsubj
2 attacked attack VERB VBD 0 root
3 Peru Peru PROPN NNP 2 obj
4 . . PUNCT . 2 punct`)
	y := d.Sentences[0].Tokens[0].Span
	d.Dates = []doc.TimeExpr{{Span: y, Text: "Yesterday", Value: "2015-11-25", Precision: "day"}}
	c.Code(d)
	want := map[int]string{0: "2015-11-25", 1: "2015-11-25", 5: d.PubDate}
	for _, e := range d.Events {
		if w, ok := want[e.Sentence]; ok {
			if e.Date != w {
				t.Errorf("sentence %d: date %s, want %s", e.Sentence, e.Date, w)
			}
			delete(want, e.Sentence)
		}
	}
	if len(want) > 0 {
		t.Errorf("no event in sentences %v; got:\n%s", want, dump(d.Events))
	}
}

const sFiller = `The weather was mild .
1 The the DET DT 2 det
2 weather weather NOUN NN 4 nsubj
3 was be AUX VBD 4 cop
4 mild mild ADJ JJ 0 root
5 . . PUNCT . 4 punct`

// TestRebelsSeizeTown: rebels "in X" are X's, and the town they seize is
// their own country's place, still a target.
func TestRebelsSeizeTown(t *testing.T) {
	c, err := New(newFakeActors(map[string]fakeEntry{"Rebels": {code: "REB", kind: "agent"}}))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, `Rebels in Chile have seized the town of Arica .
1 Rebels rebel NOUN NNS 5 nsubj
2 in in ADP IN 3 case
3 Chile Chile PROPN NNP 1 nmod
4 have have AUX VBP 5 aux
5 seized seize VERB VBN 0 root
6 the the DET DT 7 det
7 town town NOUN NN 5 obj
8 of of ADP IN 9 case
9 Arica Arica PROPN NNP 7 nmod
10 . . PUNCT . 5 punct`)
	arica := d.Sentences[0].Tokens[8].Span
	d.Places = []doc.Place{{Span: arica, Text: "Arica", Country: "CL"}}
	c.Code(d)
	for _, e := range d.Events {
		if e.Root == "19" && e.Source != nil && e.Source.Actor == "CHLREB" && e.Target != nil && e.Target.Actor == "CHL" {
			return
		}
	}
	t.Errorf("want CHLREB -> CHL 19; got:\n%s", dump(d.Events))
}
