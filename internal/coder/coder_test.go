package coder

import (
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/conllu"
)

// mini parses a hand-written parse: one word per line as
// "ID FORM LEMMA UPOS XPOS HEAD DEPREL" (spaces), the text on the first line.
func mini(t testing.TB, block string) conllu.Sentence {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(block), "\n")
	s := conllu.Sentence{Text: strings.TrimSpace(lines[0])}
	for _, l := range lines[1:] {
		f := strings.Fields(l)
		if len(f) != 7 {
			t.Fatalf("bad fixture line %q", l)
		}
		id, _ := strconv.Atoi(f[0])
		h, _ := strconv.Atoi(f[5])
		s.Words = append(s.Words, conllu.Word{ID: id, Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Head: h, Deprel: f[6]})
	}
	return s
}

func miniDoc(t testing.TB, blocks ...string) *doc.Document {
	t.Helper()
	var ss []conllu.Sentence
	for _, b := range blocks {
		ss = append(ss, mini(t, b))
	}
	d, err := docFromCoNLLU(ss, "2015-11-26")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var people = map[string]fakeEntry{
	"Obama":         {"USAGOV", "person", "Barack Obama"},
	"Barack Obama":  {"USAGOV", "person", "Barack Obama"},
	"Hollande":      {"FRAGOV", "person", "François Hollande"},
	"Putin":         {"RUSGOV", "person", "Vladimir Putin"},
	"John Kerry":    {"USAGOV", "person", "John Kerry"},
	"Boris Johnson": {"GBRGOV", "person", "Boris Johnson"},
	"Rishi Sunak":   {"GBRGOV", "person", "Rishi Sunak"},
	"Sunak":         {"GBRGOV", "person", "Rishi Sunak"},
}

const (
	sPassive = `Obama has been criticized by Republicans and some Democrats .
1 Obama Obama PROPN NNP 4 nsubj:pass
2 has have AUX VBZ 4 aux
3 been be AUX VBN 4 aux:pass
4 criticized criticize VERB VBN 0 root
5 by by ADP IN 6 case
6 Republicans Republican PROPN NNPS 4 obl:agent
7 and and CCONJ CC 9 cc
8 some some DET DT 9 det
9 Democrats Democrat PROPN NNPS 6 conj
10 . . PUNCT . 4 punct`

	sNoComment = `Obama and Hollande did not comment on the downing of the Russian plane .
1 Obama Obama PROPN NNP 6 nsubj
2 and and CCONJ CC 3 cc
3 Hollande Hollande PROPN NNP 1 conj
4 did do AUX VBD 6 aux
5 not not PART RB 6 advmod
6 comment comment VERB VB 0 root
7 on on ADP IN 9 case
8 the the DET DT 9 det
9 downing downing NOUN NN 6 obl
10 of of ADP IN 13 case
11 the the DET DT 13 det
12 Russian Russian ADJ JJ 13 amod
13 plane plane NOUN NN 9 nmod
14 . . PUNCT . 6 punct`

	sConditional = `If Russia attacks Turkey , NATO will respond .
1 If if SCONJ IN 3 mark
2 Russia Russia PROPN NNP 3 nsubj
3 attacks attack VERB VBZ 8 advcl
4 Turkey Turkey PROPN NNP 3 obj
5 , , PUNCT , 3 punct
6 NATO NATO PROPN NNP 8 nsubj
7 will will AUX MD 8 aux
8 respond respond VERB VB 0 root
9 . . PUNCT . 8 punct`

	sNever = `Russia never attacked Turkey .
1 Russia Russia PROPN NNP 3 nsubj
2 never never ADV RB 3 advmod
3 attacked attack VERB VBD 0 root
4 Turkey Turkey PROPN NNP 3 obj
5 . . PUNCT . 3 punct`

	sTalks = `Sitting down to talks with Hollande at the Kremlin , Putin pointed to the bombing of a Russian jetliner .
1 Sitting sit VERB VBG 12 advcl
2 down down ADP RP 1 compound:prt
3 to to ADP IN 4 case
4 talks talk NOUN NNS 1 obl
5 with with ADP IN 6 case
6 Hollande Hollande PROPN NNP 4 nmod
7 at at ADP IN 9 case
8 the the DET DT 9 det
9 Kremlin Kremlin PROPN NNP 1 obl
10 , , PUNCT , 1 punct
11 Putin Putin PROPN NNP 12 nsubj
12 pointed point VERB VBD 0 root
13 to to ADP IN 15 case
14 the the DET DT 15 det
15 bombing bombing NOUN NN 12 obl
16 of of ADP IN 19 case
17 a a DET DT 19 det
18 Russian Russian ADJ JJ 19 amod
19 jetliner jetliner NOUN NN 15 nmod
20 . . PUNCT . 12 punct`

	sCharged = `The U.S. president charged that Russian air activity has contributed to the crisis .
1 The the DET DT 3 det
2 U.S. U.S. PROPN NNP 3 compound
3 president president NOUN NN 4 nsubj
4 charged charge VERB VBD 0 root
5 that that SCONJ IN 10 mark
6 Russian Russian ADJ JJ 8 amod
7 air air NOUN NN 8 compound
8 activity activity NOUN NN 10 nsubj
9 has have AUX VBZ 10 aux
10 contributed contribute VERB VBN 4 ccomp
11 to to ADP IN 13 case
12 the the DET DT 13 det
13 crisis crisis NOUN NN 10 obl
14 . . PUNCT . 4 punct`

	sCooperate = `Putin said Russia would keep cooperating with the United States .
1 Putin Putin PROPN NNP 2 nsubj
2 said say VERB VBD 0 root
3 Russia Russia PROPN NNP 5 nsubj
4 would would AUX MD 5 aux
5 keep keep VERB VB 2 ccomp
6 cooperating cooperate VERB VBG 5 xcomp
7 with with ADP IN 10 case
8 the the DET DT 10 det
9 United United PROPN NNP 10 compound
10 States States PROPN NNP 6 obl
11 . . PUNCT . 2 punct`

	sOdds = `Putin and Hollande remained at odds over the fate of Assad .
1 Putin Putin PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Hollande Hollande PROPN NNP 1 conj
4 remained remain VERB VBD 0 root
5 at at ADP IN 6 case
6 odds odds NOUN NNS 4 obl
7 over over ADP IN 9 case
8 the the DET DT 9 det
9 fate fate NOUN NN 4 obl
10 of of ADP IN 11 case
11 Assad Assad PROPN NNP 9 nmod
12 . . PUNCT . 4 punct`

	sMetObama = `US President Barack Obama met Hollande .
1 US US PROPN NNP 4 compound
2 President President PROPN NNP 4 compound
3 Barack Barack PROPN NNP 4 flat
4 Obama Obama PROPN NNP 5 nsubj
5 met meet VERB VBD 0 root
6 Hollande Hollande PROPN NNP 5 obj
7 . . PUNCT . 5 punct`

	sThePresident = `The president criticized Russia .
1 The the DET DT 2 det
2 president president NOUN NN 3 nsubj
3 criticized criticize VERB VBD 0 root
4 Russia Russia PROPN NNP 3 obj
5 . . PUNCT . 3 punct`

	sGovernor = `The former Florida governor criticized Russia .
1 The the DET DT 4 det
2 former former ADJ JJ 4 amod
3 Florida Florida PROPN NNP 4 compound
4 governor governor NOUN NN 5 nsubj
5 criticized criticize VERB VBD 0 root
6 Russia Russia PROPN NNP 5 obj
7 . . PUNCT . 5 punct`

	sTheyWould = `France and Germany said they would attack Syria .
1 France France PROPN NNP 4 nsubj
2 and and CCONJ CC 3 cc
3 Germany Germany PROPN NNP 1 conj
4 said say VERB VBD 0 root
5 they they PRON PRP 7 nsubj
6 would would AUX MD 7 aux
7 attack attack VERB VB 4 ccomp
8 Syria Syria PROPN NNP 7 obj
9 . . PUNCT . 4 punct`

	sRefused = `Iran refused to release the British sailors .
1 Iran Iran PROPN NNP 2 nsubj
2 refused refuse VERB VBD 0 root
3 to to PART TO 4 mark
4 release release VERB VB 2 xcomp
5 the the DET DT 7 det
6 British British ADJ JJ 7 amod
7 sailors sailor NOUN NNS 4 obj
8 . . PUNCT . 2 punct`
)

type want struct {
	src, tgt string // actor codes ("" = none)
	code     string
	neg      bool
	mod      doc.Modality
}

func TestCodeConstructions(t *testing.T) {
	c, err := New(newFakeActors(people))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		sents  []string
		sent   int // which sentence's events to check
		want   []want
		flags  []string // expected dangling_reference texts
		forbid func(e doc.Event) bool
	}{
		{name: "passive by-agent with coordination", sents: []string{sPassive}, want: []want{
			{"USAREP", "USAGOV", "111", false, doc.Asserted},
			{"USADEM", "USAGOV", "111", false, doc.Asserted},
		}},
		{name: "negated statement", sents: []string{sNoComment},
			forbid: func(e doc.Event) bool { return e.Root == "01" && !e.Negated }},
		{name: "conditional attack is a threat", sents: []string{sConditional}, want: []want{
			{"RUS", "TUR", "138", false, doc.Conditional},
		}, forbid: func(e doc.Event) bool { return e.Root == "18" }},
		{name: "never", sents: []string{sNever}, want: []want{{"RUS", "TUR", "180", true, doc.Asserted}}},
		{name: "nominal talks under an adverbial clause, nominal bombing", sents: []string{sTalks}, want: []want{
			{"RUSGOV", "FRAGOV", "040", false, doc.Asserted},
			{"", "RUS", "183", false, doc.Asserted},
		}},
		{name: "charge that + country-modified description", sents: []string{sCharged}, want: []want{
			{"USAGOV", "RUS", "112", false, doc.Asserted},
		}},
		{name: "would keep cooperating -> intent", sents: []string{sCooperate}, want: []want{
			{"RUS", "USA", "031", false, doc.Intended},
		}},
		{name: "remained at odds", sents: []string{sOdds}, want: []want{
			{"RUSGOV", "FRAGOV", "110", false, doc.Asserted},
		}},
		{name: "the president -> earlier US President Obama", sents: []string{sMetObama, sThePresident}, sent: 1, want: []want{
			{"USAGOV", "RUS", "111", false, doc.Asserted},
		}},
		{name: "dangling former governor", sents: []string{sGovernor}, want: []want{
			{"", "RUS", "111", false, doc.Asserted},
		}, flags: []string{"The former Florida governor"}},
		{name: "they -> coordinated subject, would attack -> threat", sents: []string{sTheyWould}, want: []want{
			{"FRA", "SYR", "1383", false, doc.Intended},
			{"DEU", "SYR", "1383", false, doc.Intended},
		}},
		{name: "refused to release: a refusal to yield, not a negated release", sents: []string{sRefused}, want: []want{
			{"IRN", "GBR", "1243", false, doc.Asserted},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := miniDoc(t, tc.sents...)
			c.Code(d)
			var got []doc.Event
			for _, e := range d.Events {
				if e.Sentence == tc.sent {
					got = append(got, e)
				}
			}
			for _, w := range tc.want {
				found := false
				for _, e := range got {
					if code(e.Source) == w.src && code(e.Target) == w.tgt && string(e.Code) == w.code && e.Negated == w.neg && e.Modality == w.mod {
						found = true
					}
				}
				if !found {
					t.Errorf("missing %+v; got:\n%s", w, dump(got))
				}
			}
			if tc.forbid != nil {
				for _, e := range got {
					if tc.forbid(e) {
						t.Errorf("forbidden event %s", dump([]doc.Event{e}))
					}
				}
			}
			var flags []string
			for _, f := range d.Flags {
				if f.Kind == doc.FlagDanglingReference {
					flags = append(flags, f.Span.In(d.Text))
				}
			}
			if strings.Join(flags, "|") != strings.Join(tc.flags, "|") {
				t.Errorf("dangling flags = %q, want %q", flags, tc.flags)
			}
			for _, e := range got {
				if e.Span != d.Sentences[e.Sentence].Span || !e.Span.Contains(e.Trigger) {
					t.Errorf("event span/trigger not in its sentence: %+v", e)
				}
				if e.Confidence <= 0 || e.Confidence > 1 {
					t.Errorf("confidence %v out of range", e.Confidence)
				}
				if info, ok := cameo.Lookup(e.Code); !ok || info.Root != e.Root || info.Quad != e.QuadClass {
					t.Errorf("code facts not filled for %s", e.Code)
				}
			}
		})
	}
}

func code(p *doc.Participant) string {
	if p == nil {
		return ""
	}
	return string(p.Actor)
}

func dump(es []doc.Event) string {
	var b strings.Builder
	for _, e := range es {
		src, tgt := "-", "-"
		if e.Source != nil {
			src = string(e.Source.Actor) + "(" + e.Source.Text + ")"
		}
		if e.Target != nil {
			tgt = string(e.Target.Actor) + "(" + e.Target.Text + ")"
		}
		b.WriteString("  " + src + " -> " + tgt + " " + string(e.Code) + " neg=" + strconv.FormatBool(e.Negated) + " " + string(e.Modality) + " [" + e.Pattern + "]\n")
	}
	return b.String()
}

func TestDateAndPlaceAttributes(t *testing.T) {
	c, err := New(newFakeActors(people))
	if err != nil {
		t.Fatal(err)
	}
	d := miniDoc(t, sNever)
	// "Russia never attacked Turkey ." plus a date and a place laid over its tokens
	n := int64(12)
	d.Dates = []doc.TimeExpr{{Span: d.Sentences[0].Tokens[3].Span, Value: "2015-11-24", Precision: "day"}}
	d.Places = []doc.Place{{Span: d.Sentences[0].Tokens[3].Span, Text: "Turkey", Country: "TR"}}
	d.Counts = []doc.Count{{Span: d.Sentences[0].Tokens[2].Span, What: "killed", Number: &n}}
	c.Code(d)
	if len(d.Events) != 1 {
		t.Fatalf("want 1 event, got\n%s", dump(d.Events))
	}
	e := d.Events[0]
	if e.Date != "2015-11-24" || e.Precision != "day" {
		t.Errorf("date = %q %q", e.Date, e.Precision)
	}
	if e.Place == nil || e.Place.Country != "TR" {
		t.Errorf("place = %+v", e.Place)
	}
	if e.Killed == nil || *e.Killed != 12 {
		t.Errorf("killed = %v", e.Killed)
	}
	// without time expressions the pubdate is used
	d2 := miniDoc(t, sNever)
	c.Code(d2)
	if d2.Events[0].Date != "2015-11-26" || d2.Events[0].Place != nil {
		t.Errorf("fallback date/place wrong: %+v", d2.Events[0])
	}
}

func TestUnparsedAndEmptyInput(t *testing.T) {
	c, err := New(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: "Hello world.", Sentences: []doc.Sentence{{Span: doc.Span{End: 12},
		Tokens: []doc.Token{{Span: doc.Span{End: 5}, Form: "Hello", Head: -1}, {Span: doc.Span{Start: 6, End: 11}, Form: "world", Head: -1}}}}}
	c.Code(d)
	if len(d.Events) != 0 {
		t.Errorf("events from an unparsed sentence: %v", d.Events)
	}
	// heads out of range must not panic
	d.Sentences[0].Tokens[0].Head = 99
	d.Sentences[0].Tokens[1].Head = -7
	c.Code(d)
	c.Code(&doc.Document{})
}

// FuzzCode feeds arbitrary (often malformed, cyclic) parses to the coder:
// it must never panic, and every event must lie in its sentence.
func FuzzCode(f *testing.F) {
	f.Add([]byte{0, 3, 1, 2, 4, 0, 2, 5, 3, 1, 0, 7})
	f.Add([]byte("Obama criticized Russia and attacked Syria"))
	lemmas := []string{"criticize", "attack", "Obama", "Russia", "talk", "with", "not", "will", "if", "the", "president", "they", "and", "say", "bombing", "of",
		"have", "shot", "as", "-", "KYIV", ",", "March", "4", "is"}
	xpos := []string{"VBD", "VBN", "NN", "NNP", "VB", "JJ", "IN", "CD", "HYPH"}
	upos := []string{"VERB", "NOUN", "PROPN", "PRON", "ADP", "PART", "AUX", "SCONJ", "DET", "CCONJ", "ADJ"}
	rels := []string{"root", "nsubj", "obj", "obl", "nmod", "case", "conj", "xcomp", "ccomp", "advcl", "aux", "advmod", "det", "nsubj:pass", "obl:agent", "compound", "acl", "acl:relcl", "appos", "parataxis", "mark", "nmod:poss", "amod"}
	c, err := New(newFakeActors(people))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > 120 {
			b = b[:120]
		}
		n := len(b) / 3
		d := &doc.Document{PubDate: "2020-01-01"}
		var text strings.Builder
		var toks []doc.Token
		for i := 0; i < n; i++ {
			l := lemmas[int(b[3*i])%len(lemmas)]
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			st := text.Len()
			text.WriteString(l)
			toks = append(toks, doc.Token{Span: doc.Span{Start: st, End: text.Len()}, Form: l, Lemma: strings.ToLower(l),
				UPOS: upos[int(b[3*i+1])%len(upos)], XPOS: xpos[int(b[3*i]^b[3*i+2])%len(xpos)],
				Head: int(b[3*i+2]%byte(n+2)) - 1, Deprel: rels[int(b[3*i+1]^b[3*i+2])%len(rels)]})
		}
		d.Text = text.String()
		if n > 0 {
			half := n / 2
			d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: toks[half].End}, Tokens: toks[:half+1]}}
			if half+1 < n {
				d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: toks[half+1].Start, End: len(d.Text)}, Tokens: toks[half+1:]})
			}
		}
		c.Code(d)
		for _, e := range d.Events {
			if !d.Sentences[e.Sentence].Span.Contains(e.Trigger) {
				t.Fatalf("trigger outside its sentence: %+v", e)
			}
		}
	})
}
