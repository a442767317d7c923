package resolve_test

import (
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/pipeline"
)

// TestAffiliations runs the whole pipeline on short texts of our own and
// checks the code a person unknown to the dictionaries gets from the words
// around the name.
func TestAffiliations(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text, name string
		want       cameo.ActorCode // "" = no code
	}{
		{"Maria Okonjo, a spokeswoman for the Kenyan army, said the convoy was attacked.", "Maria Okonjo", "KENMIL"},
		{"Tomas Rueda, the State Department spokesman, said talks would resume.", "Tomas Rueda", "USAGOV"},
		{"Lawyers said campaigner Sarah Hartley would appeal the ruling in London.", "Sarah Hartley", "OPP"},
		{"Pedro Alves, who lives in France, said he had seen the attack.", "Pedro Alves", ""},
		{"Ana Costa, a spokeswoman for the harbour committee, said the ship left.", "Ana Costa", ""},
		{"Pedro Alves, 54, said he had seen the attack.", "Pedro Alves", ""},
	}
	for _, c := range cases {
		d := &doc.Document{Text: c.text, PubDate: "2025-06-01", Lang: "en"}
		p.Process(d)
		found := false
		for _, e := range d.Entities {
			if e.Text != c.name {
				continue
			}
			found = true
			got := e.Actor
			if c.want == "OPP" {
				got = cameo.ActorCode(string(got)[len(string(got))-min(3, len(got)):]) // the role, whatever country the story gives
			}
			if got != c.want {
				t.Errorf("%q: %s coded %q, want %q", c.text, c.name, e.Actor, c.want)
			}
		}
		if !found {
			t.Errorf("%q: no entity %q (got %+v)", c.text, c.name, d.Entities)
		}
	}
}

// TestNameRepairs: initials and surnames the tagger left outside a name.
func TestNameRepairs(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ text, want string }{
		{"The church was founded by the writer L. Ron Hubbard in 1954.", "L. Ron Hubbard"},
		{"The video featured the actor Tom Cruise at a gala.", "Tom Cruise"},
	} {
		d := &doc.Document{Text: c.text, PubDate: "2025-06-01", Lang: "en"}
		p.Process(d)
		var got []string
		for _, e := range d.Entities {
			got = append(got, e.Text)
			if e.Text == c.want {
				got = nil
				break
			}
		}
		if got != nil {
			t.Errorf("%q: no entity %q, got %q", c.text, c.want, got)
		}
	}
}

// TestAcronyms: an ambiguous acronym takes the entity the document spelled
// out (RSF: Rapid Support Forces in a Sudan story, Reporters Without
// Borders otherwise).
func TestAcronyms(t *testing.T) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want cameo.ActorCode
	}{
		{"Fighting between the army and the Rapid Support Forces spread to Omdurman. The RSF denied shelling the market.", "SDNREB"},
		{"Reporters Without Borders condemned the arrest of two journalists. The RSF report listed 40 cases.", "NGOMED"},
	} {
		d := &doc.Document{Text: c.text, PubDate: "2025-06-01", Lang: "en"}
		p.Process(d)
		got := cameo.ActorCode("(none)")
		for _, e := range d.Entities {
			if e.Text == "RSF" {
				got = e.Actor
			}
		}
		if got != c.want {
			t.Errorf("%q: RSF coded %q, want %q", c.text, got, c.want)
		}
	}
}
