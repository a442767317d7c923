package tabari

import (
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

// parse builds a one-sentence document from "form|lemma|UPOS|head|deprel"
// tokens (heads 1-based, 0 = root).
func parse(t testing.TB, spec string) *doc.Document {
	var forms []string
	var toks []doc.Token
	for _, f := range strings.Fields(spec) {
		p := strings.Split(f, "|")
		if len(p) != 5 {
			t.Fatalf("bad token %q", f)
		}
		h, err := strconv.Atoi(p[3])
		if err != nil {
			t.Fatal(err)
		}
		forms = append(forms, p[0])
		toks = append(toks, doc.Token{Form: p[0], Lemma: p[1], UPOS: p[2], Head: h - 1, Deprel: p[4]})
	}
	text := strings.Join(forms, " ")
	pos := 0
	for i := range toks {
		toks[i].Span = doc.Span{Start: pos, End: pos + len(toks[i].Form)}
		pos += len(toks[i].Form) + 1
	}
	return &doc.Document{ID: "t", Text: text, PubDate: "2020-01-01", Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}, Tokens: toks}}}
}

func TestCoderPatterns(t *testing.T) {
	v, err := ParseVerbs(strings.NewReader(testVerbs), "t.verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	c := &Coder{Verbs: v, Actors: fakeScanner{}, Agents: fakeScanner{agents: true}, Prefix: map[string]bool{}}
	tests := []struct {
		name, spec, want string
	}{
		{"default code", "Arnor|Arnor|PROPN|2|nsubj restored|restore|VERB|0|root ties|tie|NOUN|2|obj with|with|ADP|5|case Gondor|Gondor|PROPN|2|obl",
			"ARN>GON:050"},
		{"NP with nested synset", "Arnor|Arnor|PROPN|2|nsubj mended|mend|VERB|0|root cultural|cultural|ADJ|4|amod ties|tie|NOUN|2|obj with|with|ADP|6|case Gondor|Gondor|PROPN|2|obl",
			"ARN>GON:0311"},
		{"exact word does not take inflections", "Arnor|Arnor|PROPN|2|nsubj mended|mend|VERB|0|root traders|trader|NOUN|4|compound ties|tie|NOUN|2|obj with|with|ADP|6|case Gondor|Gondor|PROPN|2|obl",
			"ARN>GON:050"},
		{"PP with target slot", "Arnor|Arnor|PROPN|2|nsubj mended|mend|VERB|0|root ties|tie|NOUN|2|obj with|with|ADP|5|case Gondor|Gondor|PROPN|2|obl promptly|promptly|ADV|2|advmod",
			"ARN>GON:055"},
		{"null pattern blocks", "Arnor|Arnor|PROPN|4|nsubj never|never|ADV|3|advmod again|again|ADV|4|advmod mended|mend|VERB|0|root ties|tie|NOUN|4|obj with|with|ADP|7|case Gondor|Gondor|PROPN|4|obl",
			""},
		{"compound subject", "Arnor|Arnor|PROPN|4|nsubj and|and|CCONJ|3|cc Gondor|Gondor|PROPN|1|conj mended|mend|VERB|0|root ties|tie|NOUN|4|obj",
			"ARN>GON:050 GON>ARN:050"},
		{"paired code of a multi-word verb", "Arnor|Arnor|PROPN|2|nsubj smoothed|smooth|VERB|0|root over|over|ADP|2|compound:prt ties|tie|NOUN|2|obj with|with|ADP|6|case Gondor|Gondor|PROPN|2|obl",
			"ARN>GON:052 GON>ARN:052"},
		{"agent combination", "Arnor|Arnor|PROPN|2|compound cleric|cleric|NOUN|3|nsubj restored|restore|VERB|0|root ties|tie|NOUN|3|obj with|with|ADP|6|case Gondor|Gondor|PROPN|3|obl",
			"ARNREL>GON:050"},
		{"agent with country in PP", "officials|official|NOUN|4|nsubj from|from|ADP|3|case Arnor|Arnor|PROPN|1|nmod restored|restore|VERB|0|root ties|tie|NOUN|4|obj",
			"ARNGOV:050"},
		{"null block, source placed by pattern", "Gondor|Gondor|PROPN|2|nsubj shrugged|shrug|VERB|0|root off|off|ADP|2|compound:prt pressure|pressure|NOUN|2|obj from|from|ADP|6|case Arnor|Arnor|PROPN|4|nmod",
			"ARN>GON:110"},
		{"passive: agent is the source", "Gondor|Gondor|PROPN|3|nsubj:pass was|be|AUX|3|aux:pass restored|restore|VERB|0|root by|by|ADP|5|case Arnor|Arnor|PROPN|3|obl",
			"ARN>GON:050"},
		{"control: infinitive takes the subject", "Arnor|Arnor|PROPN|2|nsubj hopes|hope|VERB|0|root to|to|PART|4|mark restore|restore|VERB|2|xcomp ties|tie|NOUN|4|obj with|with|ADP|7|case Gondor|Gondor|PROPN|4|obl",
			"ARN>GON:050"},
	}
	for _, tt := range tests {
		d := parse(t, tt.spec)
		c.Code(d)
		var got []string
		for _, e := range d.Events {
			s := ""
			if e.Source != nil {
				s = string(e.Source.Actor)
			}
			if e.Target != nil {
				s += ">" + string(e.Target.Actor)
			}
			got = append(got, s+":"+string(e.Code))
			if e.Source != nil && e.Source.Text == "" {
				t.Errorf("%s: source without text", tt.name)
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, strings.Join(got, " "), tt.want)
		}
	}
}
