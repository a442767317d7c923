package nlp

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

func pipeline(t testing.TB) *Pipeline {
	t.Helper()
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func annotate(t testing.TB, text string) []doc.Token {
	s := doc.Sentence{Span: doc.Span{Start: 0, End: len(text)}}
	pipeline(t).Annotate(text, &s)
	return s.Tokens
}

func checkTree(t *testing.T, toks []doc.Token) {
	t.Helper()
	roots := 0
	for i, tk := range toks {
		if tk.Head == -1 {
			roots++
		} else if tk.Head < 0 || tk.Head >= len(toks) || tk.Head == i {
			t.Fatalf("token %d %q: bad head %d", i, tk.Form, tk.Head)
		}
		if tk.UPOS == "" || tk.XPOS == "" || tk.Deprel == "" || tk.Lemma == "" {
			t.Fatalf("token %d %q: missing annotation %+v", i, tk.Form, tk)
		}
	}
	if roots != 1 {
		t.Fatalf("%d roots", roots)
	}
	// no cycles: every token reaches the root
	for i := range toks {
		h, steps := i, 0
		for h != -1 && steps <= len(toks) {
			h = toks[h].Head
			steps++
		}
		if h != -1 {
			t.Fatalf("cycle through token %d", i)
		}
	}
}

func find(toks []doc.Token, form string) doc.Token {
	for _, t := range toks {
		if t.Form == form {
			return t
		}
	}
	return doc.Token{}
}

func TestAnnotate(t *testing.T) {
	tests := []struct {
		text                   string
		form, upos, lemma, ner string
		deprel                 string
	}{
		{"Barack Obama said the talks went well.", "said", "VERB", "say", "", "root"},
		{"Barack Obama said the talks went well.", "went", "VERB", "go", "", "ccomp"},
		{"Barack Obama said the talks went well.", "Obama", "PROPN", "Obama", "I-PER", ""},
		{"The president was criticized by Republicans on Tuesday.", "criticized", "VERB", "criticize", "", "root"},
		{"The president was criticized by Republicans on Tuesday.", "president", "NOUN", "president", "", "nsubj:pass"},
		{"She says Russia is saying nothing.", "says", "VERB", "say", "", ""},
		{"She says Russia is saying nothing.", "saying", "VERB", "say", "", ""},
		{"She says Russia is saying nothing.", "Russia", "PROPN", "Russia", "B-LOC", "nsubj"},
		{"Troops were sent to Syria and Iraq.", "sent", "VERB", "send", "", "root"},
	}
	for _, tc := range tests {
		toks := annotate(t, tc.text)
		checkTree(t, toks)
		tk := find(toks, tc.form)
		if tk.Form == "" {
			t.Fatalf("%q: no token %q", tc.text, tc.form)
		}
		if tk.UPOS != tc.upos || tk.Lemma != tc.lemma || tk.NER != tc.ner || tc.deprel != "" && tk.Deprel != tc.deprel {
			t.Errorf("%q: %q got UPOS=%s lemma=%s NER=%q deprel=%s; want %s %s %q %s",
				tc.text, tc.form, tk.UPOS, tk.Lemma, tk.NER, tk.Deprel, tc.upos, tc.lemma, tc.ner, tc.deprel)
		}
	}
}

func TestAnnotateEdgeCases(t *testing.T) {
	p := pipeline(t)
	for _, text := range []string{"", " ", "...", "\x00\x01", "Hello", strings.Repeat("word ", 3000)} {
		s := doc.Sentence{Span: doc.Span{Start: 0, End: len(text)}}
		p.Annotate(text, &s)
		if len(s.Tokens) > 0 {
			checkTree(t, s.Tokens)
		}
	}
	// a span outside the text must not panic
	s := doc.Sentence{Span: doc.Span{Start: 5, End: 50}}
	p.Annotate("short", &s)
}

func TestMentions(t *testing.T) {
	text := "Barack Obama met Putin in Moscow"
	toks := []doc.Token{
		{Span: doc.Span{Start: 0, End: 6}, NER: "B-PER"}, {Span: doc.Span{Start: 7, End: 12}, NER: "I-PER"},
		{Span: doc.Span{Start: 13, End: 16}}, {Span: doc.Span{Start: 17, End: 22}, NER: "I-PER"},
		{Span: doc.Span{Start: 23, End: 25}}, {Span: doc.Span{Start: 26, End: 32}, NER: "B-LOC"},
	}
	got := Mentions(text, 3, toks)
	want := []struct {
		text string
		typ  doc.EntityType
	}{{"Barack Obama", doc.PER}, {"Putin", doc.PER}, {"Moscow", doc.LOC}}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i, w := range want {
		if got[i].Text != w.text || got[i].Type != w.typ || got[i].Sentence != 3 {
			t.Errorf("mention %d = %+v, want %v", i, got[i], w)
		}
	}
}

// Every PER and LOC of the seed article's gold entity list is found.
func TestSeedEntities(t *testing.T) {
	dir := shared.Need(t, "seed")
	text, err := os.ReadFile(dir + "/obama-hollande.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(dir + "/obama-hollande.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Entities []struct{ Text, Type string } `json:"entities"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	d := doc.Document{Text: string(text)}
	pipeline(t).Document(&d)
	found := map[string]bool{}
	for _, m := range d.Entities {
		found[string(m.Type)+":"+m.Text] = true
	}
	for _, e := range gold.Entities {
		if e.Type != "PER" && e.Type != "LOC" && e.Type != "GPE" {
			continue
		}
		ok := found[e.Type+":"+e.Text]
		if !ok && e.Type == "PER" { // a surname-only mention also counts
			parts := strings.Fields(e.Text)
			ok = found["PER:"+parts[len(parts)-1]]
		}
		if !ok {
			t.Errorf("seed entity %s %q not found", e.Type, e.Text)
		}
	}
}
