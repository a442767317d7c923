package resolve

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// fakeDict knows a few names; Scan reports each known name found in the sentence.
type fakeDict map[string]actors.Match

func (f fakeDict) Lookup(p, date string) (actors.Match, bool) { m, ok := f[p]; return m, ok }
func (f fakeDict) Scan(text string, toks []doc.Token, date string) []actors.Match {
	var out []actors.Match
	for name, m := range f {
		if i := strings.Index(text, name); i >= 0 {
			m.Span = doc.Span{Start: i, End: i + len(name)}
			out = append(out, m)
		}
	}
	return out
}

func TestEntities(t *testing.T) {
	text := "Russian President Vladimir Putin met Tony Blinken at the Kremlin. Blinken said the Islamic State in Iraq lost ground."
	at := func(s string) doc.Span { i := strings.Index(text, s); return doc.Span{Start: i, End: i + len(s)} }
	d := &doc.Document{Text: text, PubDate: "2015-11-26",
		Sentences: []doc.Sentence{{Span: at("Russian President Vladimir Putin met Tony Blinken at the Kremlin.")}, {Span: at("Blinken said the Islamic State in Iraq lost ground.")}},
		Entities: []doc.Mention{
			{Span: at("Vladimir Putin"), Text: "Vladimir Putin", Type: doc.PER},
			{Span: at("Tony Blinken"), Text: "Tony Blinken", Type: doc.PER},
			{Span: at("Blinken said"), Text: "Blinken", Type: doc.PER, Sentence: 1},
			{Span: at("Iraq"), Text: "Iraq", Type: doc.LOC, Sentence: 1},
		}}
	d.Entities[2].End = d.Entities[2].Start + len("Blinken")
	f := fakeDict{
		"Russian President Vladimir Putin": {Entity: "Vladimir Putin", Code: "RUSGOV", Kind: actors.KindPerson},
		"Kremlin":                          {Entity: "Kremlin", Code: "RUSGOV", Kind: actors.KindMetonym},
		"Islamic State in Iraq":            {Entity: "Islamic State", Code: "IMGMOSISI", Kind: actors.KindGroup},
		"Iraq":                             {Entity: "Iraq", Code: "IRQ", Kind: actors.KindCountry},
	}
	Entities(d, f)
	got := map[string]cameo.ActorCode{}
	ents := map[string]string{}
	for _, e := range d.Entities {
		got[e.Text] = e.Actor
		ents[e.Text] = e.Entity
	}
	want := map[string]cameo.ActorCode{"Vladimir Putin": "RUSGOV", "Kremlin": "RUSGOV", "Iraq": "IRQ", "Tony Blinken": "", "Blinken": ""}
	for k, v := range want {
		if c, ok := got[k]; !ok || c != v {
			t.Errorf("%s: actor %q (present %v), want %q", k, c, ok, v)
		}
	}
	if ents["Blinken"] != "Tony Blinken" {
		t.Errorf("short name not resolved to the earlier full name: %q", ents["Blinken"])
	}
	for i := 1; i < len(d.Entities); i++ {
		if d.Entities[i].Start < d.Entities[i-1].Start {
			t.Fatal("entities not in text order")
		}
	}
}
