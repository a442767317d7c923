package tabari

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// convOntology holds the ontology values of the codes these tests use
// (PETRARCH's internal coding ontology, as its file writes them).
const convOntology = `
010:0x1000
015:0x10a0
020:0x2000
021:0x2070
023:0x2040
030:0x3000
031:0x3070
033:0x3040
040:0xB000
042:0xB002
043:0xB003
050:0x0080
060:0x0070
070:0x0040
110:0x1007f
112:0x70a0
1124:0x70a4
138:0x60A0
145:0x50A0
150:0x8000
174:0x9030
1712:0x9012
183:0x0097
190:0x00A0
192:0x00A2
---:0
`

// convVerbs is a small dictionary in PETRARCH's format, with its
// transformations, written for these tests.
const convVerbs = `
&MILITARY
+MILITARY
&WEAPON
+BOMB

--- SAY [010] ---
SAY
--- ATTACK [190] ---
ATTACK
BOMBARD
--- SEIZE [192] ---
SEIZE
--- WANT [030] ---
WANT
SEEK
--- BOOST [060] ---
DEEPEN
--- ASK [020] ---
ASK
URGE
--- HELP [070] ---
HELP
--- SUPPORT [050] ---
SUPPORT
--- RESPOND [010] ---
RESPOND
--- RECEIVE [---] ---
RECEIVE
- * MINISTERS [043:042]
--- CONDUCT [060] ---
CONDUCT
- * {&MILITARY EXERCISES} [150]
--- DEMOLISH [1712] ---
DEMOLISH
- PROTESTOR * [145]
--- PRESENT [---] ---
PRESENT
- * EVIDENCE [1124]
--- FIRE [---] ---
FIRE
- &WEAPON * [183]
- * AT [190]
--- LAUNCH [---] ---
LAUNCH
- * CAMPAIGN [020]
- * ATTACKS [190]
--- MEET [040] ---
MEET
--- KILL [190] ---
KILL
--- EXPEL [174] ---
EXPEL

~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK) SAY = a b 112
~ a (_ b ATTACK) WANT = a b 138
~ a (b . ATTACK) WANT = a b 021
`

// convScanner: capitalized words of three letters or more are actors
// (their first three letters), the words of convAgents agents.
type convScanner struct{ agents bool }

var convAgents = map[string]string{"ministers": "GOV", "military": "MIL", "soldiers": "MIL", "protestor": "OPP",
	"dissidents": "OPP", "leaders": "OPP", "muslim": "MUS"}

func (f convScanner) Scan(text string, toks []doc.Token, date string) []actors.Match {
	var out []actors.Match
	for i, t := range toks {
		code, isAgent := convAgents[strings.ToLower(t.Form)]
		switch {
		case f.agents && isAgent:
			out = append(out, actors.Match{Start: i, End: i + 1, Span: t.Span, Text: t.Form, Code: cameo.ActorCode(code), Kind: actors.KindAgent})
		case !f.agents && !isAgent && t.Form[0] >= 'A' && t.Form[0] <= 'Z' && len(t.Form) >= 3:
			out = append(out, actors.Match{Start: i, End: i + 1, Span: t.Span, Text: t.Form, Code: cameo.ActorCode(strings.ToUpper(t.Form[:3])), Kind: actors.KindCountry})
		}
	}
	return out
}

func convCoder(t *testing.T, onto bool) *Coder {
	t.Helper()
	v, err := ParseVerbs(strings.NewReader(convVerbs), "conv.verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := &Coder{Verbs: v, Actors: convScanner{}, Agents: convScanner{agents: true}, Prefix: map[string]bool{}}
	if onto {
		o, err := ParseOntology(strings.NewReader(convOntology), "conv.onto.txt")
		if err != nil {
			t.Fatal(err)
		}
		c.Ontology = o
	}
	return c
}

type convCase struct{ name, spec, want string }

func runConv(t *testing.T, c *Coder, tests []convCase) {
	t.Helper()
	for _, tt := range tests {
		if got := codeSpec(t, c, tt.spec); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseTransform(t *testing.T) {
	v, err := ParseVerbs(strings.NewReader(convVerbs), "conv.verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	if v.Transforms != 4 || len(v.Transformations) != 4 {
		t.Fatalf("transforms %d, parsed %d", v.Transforms, len(v.Transformations))
	}
	tf := v.Transformations[1]
	if tf.InnerSrc != "b" || tf.InnerTgt != "." || tf.Inner != "ATTACK" || tf.Outer != "SAY" || tf.Src != "a" || tf.Tgt != "b" || tf.Code != "112" || tf.Line == 0 {
		t.Errorf("transformation 1 = %+v", tf)
	}
	if c, ok := v.verbCode("SAY"); !ok || c.Event != "010" {
		t.Errorf("verbCode(SAY) = %v %v", c, ok)
	}
	for _, bad := range []string{
		"~ a (a b ATTACK SAY = a b 015",  // unbalanced
		"~ b (a b ATTACK) SAY = a b 015", // the governing source is "a"
		"~ a (a b ATTACK) SAY = a . 015", // the result needs actors
		"~ a (a b ATTACK) SAY = a b 9",   // bad code
	} {
		_, err := ParseVerbs(strings.NewReader("--- SAY [010] ---\nSAY\n"+bad+"\n"), "bad.txt")
		if err == nil || !strings.Contains(err.Error(), "bad.txt:3:") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

// A pattern written twice in a block: the later code is the one in force.
func TestRepeatedPattern(t *testing.T) {
	v, err := ParseVerbs(strings.NewReader("--- LIFT [---] ---\nLIFT\n- * SANCTION [0351]\n- * BAN [081]\n-  *  SANCTION   [085]\n"), "lift.txt")
	if err != nil {
		t.Fatal(err)
	}
	ps := v.Blocks[0].Patterns
	if len(ps) != 2 || ps[0].Code.Event != "085" || ps[1].Code.Event != "081" {
		t.Errorf("patterns %d: %v %v", len(ps), ps[0].Code, ps[len(ps)-1].Code)
	}
}

func TestOntologyCombine(t *testing.T) {
	o, err := ParseOntology(strings.NewReader(convOntology), "conv.onto.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		up, low string
		want    string
	}{
		{"030", "060", "031"}, // intend + cooperate
		{"020", "070", "023"}, // appeal + aid
		{"030", "040", "040"}, // two high-level verbs: the lower one
		{"050", "042", "042"}, // a higher lower value stands
		{"030", "190", "138"}, // an intent to fight is a threat of force
		{"010", "050", ""},    // no code: no event
	} {
		u, _ := o.Value(tt.up)
		l, _ := o.Value(tt.low)
		if got := o.Code(Combine(u, l)); got != tt.want {
			t.Errorf("%s + %s = %q, want %q", tt.up, tt.low, got, tt.want)
		}
	}
	if v, ok := o.Value("0153"); !ok || v != 0x1000 {
		t.Errorf("Value of an unlisted code = %#x %v, want its root's", v, ok)
	}
	if Combine(0x2000, -0xFFFF) != 0x2000-0xFFFF {
		t.Error("a rejected lower event adds the upper")
	}
	for _, tt := range []struct {
		key, v int64
		rank   int
		ok     bool
	}{
		{0x00A0, 0x00A0, 0, true}, {0x00A0, 0x00A3, 1, true}, {0x1000, 0x100C, 1, true}, {0x3000, 0x3070, 2, true}, {0x00A0, 0x0097, 0, false},
	} {
		if r, ok := keyMatches(tt.key, tt.v); r != tt.rank || ok != tt.ok {
			t.Errorf("keyMatches(%#x, %#x) = %d %v", tt.key, tt.v, r, ok)
		}
	}
}

// Verb transformations: what a governing verb says or wants of another
// verb's event.
func TestTransformations(t *testing.T) {
	runConv(t, convCoder(t, true), []convCase{
		{"said another actor attacked: accusation",
			"Arnor|Arnor|PROPN|2|nsubj said|say|VERB|0|root Gondor|Gondor|PROPN|4|nsubj attacked|attack|VERB|2|ccomp Rohan|Rohan|PROPN|4|obj",
			"ARN>GON:112"},
		{"said it attacked: claims responsibility",
			"Arnor|Arnor|PROPN|2|nsubj said|say|VERB|0|root it|it|PRON|4|nsubj attacked|attack|VERB|2|ccomp Rohan|Rohan|PROPN|4|obj",
			"ARN>ROH:015"},
		{"wants to attack: threatens",
			"Arnor|Arnor|PROPN|2|nsubj wants|want|VERB|0|root to|to|PART|4|mark attack|attack|VERB|2|xcomp Rohan|Rohan|PROPN|4|obj",
			"ARN>ROH:138"},
		{"wants another actor to attack: appeals to it",
			"Arnor|Arnor|PROPN|2|nsubj wants|want|VERB|0|root Gondor|Gondor|PROPN|2|obj to|to|PART|5|mark attack|attack|VERB|2|xcomp Rohan|Rohan|PROPN|5|obj",
			"ARN>GON:021"},
	})
	// without the ontology, verbs keep their own codes
	runConv(t, convCoder(t, false), []convCase{
		{"no ontology", "Arnor|Arnor|PROPN|2|nsubj said|say|VERB|0|root Gondor|Gondor|PROPN|4|nsubj attacked|attack|VERB|2|ccomp Rohan|Rohan|PROPN|4|obj",
			"GON>ROH:190"},
	})
}

// Verb interaction through the ontology when no transformation applies.
func TestVerbInteraction(t *testing.T) {
	runConv(t, convCoder(t, true), []convCase{
		{"intend + cooperate, coordinated actors on each other",
			"Arnor|Arnor|PROPN|4|nsubj and|and|CCONJ|3|cc Gondor|Gondor|PROPN|1|conj seek|seek|VERB|0|root to|to|PART|6|mark deepen|deepen|VERB|4|xcomp ties|tie|NOUN|6|obj",
			"ARN>GON:031 GON>ARN:031"},
		{"appeal to another actor for aid",
			"Arnor|Arnor|PROPN|2|nsubj asked|ask|VERB|0|root Gondor|Gondor|PROPN|2|obj to|to|PART|5|mark help|help|VERB|2|xcomp Rohan|Rohan|PROPN|5|obj",
			"ARN>GON:023"},
		{"a report of another actor's event without a code: nothing",
			"Arnor|Arnor|PROPN|2|nsubj said|say|VERB|0|root Gondor|Gondor|PROPN|4|nsubj supported|support|VERB|2|ccomp Rohan|Rohan|PROPN|4|obj",
			""},
		{"a governing verb keeps its code on the other actor",
			"Arnor|Arnor|PROPN|2|nsubj urged|urge|VERB|0|root Gondor|Gondor|PROPN|2|obj to|to|PART|5|mark respond|respond|VERB|2|xcomp",
			"ARN>GON:020"},
		{"an attribution written after its report",
			"Gondor|Gondor|PROPN|2|nsubj attacked|attack|VERB|6|ccomp Rohan|Rohan|PROPN|2|obj ,|,|PUNCT|6|punct Arnor|Arnor|PROPN|6|nsubj said|say|VERB|0|root",
			"GON>ROH:190"},
		{"no governing actor: the reported event stands",
			"it|it|PRON|3|nsubj:pass was|be|AUX|3|aux:pass said|say|VERB|0|root that|that|SCONJ|6|mark Gondor|Gondor|PROPN|6|nsubj attacked|attack|VERB|3|ccomp Rohan|Rohan|PROPN|6|obj",
			"GON>ROH:190"},
	})
}

// Which clauses PETRARCH codes on their own.
func TestClauseConventions(t *testing.T) {
	runConv(t, convCoder(t, true), []convCase{
		{"an infinitive after an actor object composes",
			"Arnor|Arnor|PROPN|2|nsubj asked|ask|VERB|0|root Gondor|Gondor|PROPN|2|obj to|to|PART|5|mark help|help|VERB|2|advcl Rohan|Rohan|PROPN|5|obj",
			"ARN>GON:023"},
		{"an adverbial clause of a coded verb is not coded",
			"Arnor|Arnor|PROPN|2|nsubj bombarded|bombard|VERB|0|root Gondor|Gondor|PROPN|2|obj ,|,|PUNCT|5|punct killing|kill|VERB|2|advcl Rohan|Rohan|PROPN|5|obj",
			"ARN>GON:190"},
		{"an infinitive modifying a noun is not coded",
			"Arnor|Arnor|PROPN|2|nsubj faced|face|VERB|0|root pressure|pressure|NOUN|2|obj from|from|ADP|5|case Gondor|Gondor|PROPN|3|nmod to|to|PART|7|mark help|help|VERB|3|acl Rohan|Rohan|PROPN|7|obj",
			""},
		{"verbs coordinated in a report fold into it",
			"Arnor|Arnor|PROPN|2|nsubj said|say|VERB|0|root Gondor|Gondor|PROPN|4|nsubj attacked|attack|VERB|2|ccomp Rohan|Rohan|PROPN|4|obj and|and|CCONJ|7|cc seized|seize|VERB|4|conj Mordor|Mordor|PROPN|7|obj",
			"ARN>GON:112"},
	})
	// without the ontology each verb codes its own clause
	runConv(t, convCoder(t, false), []convCase{
		{"no ontology",
			"Arnor|Arnor|PROPN|2|nsubj bombarded|bombard|VERB|0|root Gondor|Gondor|PROPN|2|obj ,|,|PUNCT|5|punct killing|kill|VERB|2|advcl Rohan|Rohan|PROPN|5|obj",
			"ARN>GON:190 ARN>ROH:190"},
	})
}

// The words a pattern matched describe the event: they are not its
// participants.
func TestPatternWordsNotParticipants(t *testing.T) {
	runConv(t, convCoder(t, true), []convCase{
		{"received ministers from X: X",
			"Arnor|Arnor|PROPN|2|nsubj received|receive|VERB|0|root ministers|minister|NOUN|2|obj from|from|ADP|5|case Gondor|Gondor|PROPN|3|nmod",
			"ARN>GON:043 GON>ARN:042"},
		{"military exercises in X: X",
			"Arnor|Arnor|PROPN|2|nsubj conducted|conduct|VERB|0|root military|military|ADJ|4|amod exercises|exercise|NOUN|2|obj in|in|ADP|6|case Rohan|Rohan|PROPN|2|obl",
			"ARN>ROH:150"},
	})
}

// Passives as PETRARCH reads them.
func TestPassiveConventions(t *testing.T) {
	c := convCoder(t, true)
	runConv(t, c, []convCase{
		{"words before the verb are the agent's",
			"the|the|DET|3|det Arnor|Arnor|PROPN|3|compound building|building|NOUN|5|nsubj:pass was|be|AUX|5|aux:pass demolished|demolish|VERB|0|root by|by|ADP|9|case a|a|DET|9|det Gondor|Gondor|PROPN|9|compound protestor|protestor|NOUN|5|obl:agent",
			"GON>ARN:145"},
		{"words after the verb are the subject's",
			"evidence|evidence|NOUN|5|nsubj:pass against|against|ADP|3|case Arnor|Arnor|PROPN|1|nmod was|be|AUX|5|aux:pass presented|present|VERB|0|root by|by|ADP|7|case Gondor|Gondor|PROPN|5|obl:agent",
			"GON>ARN:1124"},
		{"an agentless passive: the actor it came from, not what it was aimed at",
			"a|a|DET|2|det bomb|bomb|NOUN|4|nsubj:pass was|be|AUX|4|aux:pass fired|fire|VERB|0|root at|at|ADP|6|case Arnor|Arnor|PROPN|4|obl from|from|ADP|8|case Gondor|Gondor|PROPN|4|obl",
			"GON>ARN:190"},
	})
	// a participle modifying a noun: that noun is its passive subject
	d := parse(t, "there|there|PRON|2|expl were|be|VERB|0|root Arnor|Arnor|PROPN|4|compound soldiers|soldier|NOUN|2|nsubj killed|kill|VERB|4|acl in|in|ADP|7|case Rohan|Rohan|PROPN|5|obl")
	d.Sentences[0].Tokens[4].XPOS = "VBN"
	c.Code(d)
	if len(d.Events) != 1 || d.Events[0].Source == nil || d.Events[0].Source.Actor != "ROH" || d.Events[0].Target == nil || d.Events[0].Target.Actor != "ARNMIL" {
		t.Errorf("participle: %+v", d.Events)
	}
}

// Subjects listed with commas, agents with the country of their phrase,
// and the order of the codes.
func TestParticipantConventions(t *testing.T) {
	runConv(t, convCoder(t, true), []convCase{
		{"three listed parties meet each other",
			"Arnor|Arnor|PROPN|7|nsubj ,|,|PUNCT|3|punct Gondor|Gondor|PROPN|1|appos ,|,|PUNCT|7|punct and|and|CCONJ|7|cc Rohan|Rohan|PROPN|7|nsubj met|meet|VERB|0|root",
			"ARN>GON:040 ARN>ROH:040 GON>ARN:040 GON>ROH:040 ROH>ARN:040 ROH>GON:040"},
		{"an object of agent words takes the country of the verb's origin phrase",
			"Arnor|Arnor|PROPN|2|nsubj helped|help|VERB|0|root dissidents|dissident|NOUN|2|obj from|from|ADP|5|case Gondor|Gondor|PROPN|2|obl",
			"ARN>GONOPP:070"},
		{"the head's agents before its phrase's, as written",
			"Arnor|Arnor|PROPN|2|nsubj expelled|expel|VERB|0|root leaders|leader|NOUN|2|obj of|of|ADP|8|case Gondor|Gondor|PROPN|8|nmod:poss 's|'s|PART|5|case muslim|muslim|ADJ|8|amod brotherhood|brotherhood|NOUN|3|nmod",
			"ARN>GONOPPMUS:174"},
		{"agent words after a dateline take its country",
			"Gaza|Gaza|PROPN|6|dep city|city|NOUN|1|flat :|:|PUNCT|6|punct soldiers|soldier|NOUN|6|nsubj:pass were|be|AUX|6|aux:pass killed|kill|VERB|0|root by|by|ADP|8|case Rohan|Rohan|PROPN|6|obl:agent",
			"ROH>GAZMIL:190"},
		{"no dateline",
			"soldiers|soldier|NOUN|3|nsubj:pass were|be|AUX|3|aux:pass killed|kill|VERB|0|root by|by|ADP|5|case Rohan|Rohan|PROPN|3|obl:agent",
			"ROH>MIL:190"},
		{"equally specific patterns: the one matching first after the verb",
			"Arnor|Arnor|PROPN|2|nsubj launched|launch|VERB|0|root attacks|attack|NOUN|2|obj during|during|ADP|6|case its|its|PRON|6|nmod:poss campaign|campaign|NOUN|2|obl",
			"ARN:190"},
	})
}

// A place the verb's phrase names stands for its country when the
// dictionaries name no target.
func TestPlaceTarget(t *testing.T) {
	c := convCoder(t, true)
	spec := "Arnor|Arnor|PROPN|2|nsubj conducted|conduct|VERB|0|root exercises|exercise|NOUN|2|obj in|in|ADP|5|case anchorage|anchorage|PROPN|2|obl"
	if got := codeSpec(t, c, spec); got != "ARN:060" {
		t.Errorf("without places: %q", got)
	}
	d := parse(t, spec)
	d.Places = []doc.Place{{Span: d.Sentences[0].Tokens[4].Span, Text: "anchorage", Country: "US"}}
	c.Code(d)
	if len(d.Events) != 1 || d.Events[0].Target == nil || d.Events[0].Target.Actor != "USA" || d.Events[0].Target.Text != "anchorage" {
		t.Errorf("with places: %+v", d.Events)
	}
}
