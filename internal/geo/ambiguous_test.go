package geo

import (
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

// The texts are our own, invented for these tests.
func TestAmbiguousCountryNames(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name, text, toponym, country, adm1 string
	}{
		// Congo: the DRC without evidence, the Republic of the Congo with its own
		{"congo default", "Congo said on Monday it would reopen the border crossing.", "Congo", "CD", ""},
		{"congo capital kinshasa", "Protesters gathered in Kinshasa as Congo prepared for the vote.", "Congo", "CD", ""},
		{"congo eastern", "Fighting flared again in eastern Congo, aid workers said.", "Congo", "CD", ""},
		{"congo neighbour gabon", "Refugees from Congo reached Gabon on Sunday.", "Congo", "CG", ""},
		{"congo eastern against a neighbour", "Refugees from eastern Congo reached Gabon on Sunday.", "Congo", "CD", ""},
		{"congo kinshasa named", "Congo-Kinshasa and Gabon signed the accord. Congo will send observers.", "Congo", "CD", ""},
		{"dr congo named", "DR Congo and Gabon signed the accord. Congo will send observers.", "Congo", "CD", ""},
		{"congo city goma", "Rebels seized Goma overnight. Congo accused its neighbour of backing them.", "Congo", "CD", ""},
		{"congo long name first", "The Democratic Republic of Congo signed the accord. Congo will send observers.", "Congo", "CD", ""},
		{"congo neighbour rwanda", "Congo and Rwanda agreed to reopen the lake ports.", "Congo", "CD", ""},
		{"congo brazzaville capital", "Voters in Brazzaville queued for hours as Congo held its presidential election.", "Congo", "CG", ""},
		{"congo pointe noire", "The oil terminal at Pointe-Noire reopened; Congo expects exports to rise.", "Congo", "CG", ""},
		{"congo qualified", "The talks in Congo-Brazzaville ended; Congo will host the next round.", "Congo", "CG", ""},
		{"congo parenthesis", "The election in Congo (Brazzaville) was peaceful.", "Congo", "CG", ""},
		// Korea: South Korea unless the text is about the North
		{"korea default", "Exports from Korea rose for a third month.", "Korea", "KR", ""},
		{"korea seoul", "Officials in Seoul said Korea would raise rates.", "Korea", "KR", ""},
		{"korea pyongyang", "State media in Pyongyang said Korea would never give up its rockets.", "Korea", "KP", ""},
		// Georgia: the country, the US state with US evidence
		{"georgia default", "Georgia will hold elections next spring.", "Georgia", "GE", ""},
		{"georgia tbilisi", "Crowds filled the streets of Tbilisi as Georgia's parliament met.", "Georgia", "GE", ""},
		{"georgia atlanta", "Storms knocked out power across Atlanta, Georgia, on Tuesday.", "Georgia", "US", "GA"},
		{"georgia atlanta unqualified", "Traffic in Atlanta came to a halt as Georgia lawmakers met on the budget.", "Georgia", "US", "GA"},
		// Macedonia: the country, the Greek region with Greek evidence
		{"macedonia default", "Macedonia opened talks on joining the bloc.", "Macedonia", "MK", ""},
		{"macedonia skopje", "Skopje said Macedonia would change its constitution.", "Macedonia", "MK", ""},
		{"macedonia greece", "Farmers in Greece blocked roads near Thessaloniki, the largest city of Macedonia.", "Macedonia", "GR", ""},
		// names that only look alike stay apart
		{"guinea bissau", "Soldiers in Bissau said Guinea-Bissau's president had fled.", "Guinea-Bissau", "GW", ""},
		{"guinea next to bissau", "Guinea-Bissau closed its border after the president fled to neighbouring Guinea.", "Guinea", "GN", ""},
		{"equatorial guinea", "Equatorial Guinea's oil output fell, officials in Malabo said.", "Equatorial Guinea", "GQ", ""},
		{"south sudan", "South Sudan and Sudan agreed to reopen the pipeline; Juba welcomed the deal.", "South Sudan", "SS", ""},
		{"sudan next to south sudan", "South Sudan and Sudan agreed to reopen the pipeline; Juba welcomed the deal.", "Sudan", "SD", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Text: tc.text}
			g.Resolve(d)
			p := placeFor(d, tc.toponym)
			if p == nil {
				t.Fatalf("no place %q in %+v", tc.toponym, d.Places)
			}
			if p.Country != tc.country || p.ADM1 != tc.adm1 {
				t.Errorf("%q: got %s/%s (%s), want %s/%s", tc.toponym, p.Country, p.ADM1, p.Name, tc.country, tc.adm1)
			}
		})
	}
}

// TestAmbiguousFollowsActors checks the two ways the actor stage's
// knowledge reaches an ambiguous name: as evidence (AmbiguousReadings) and
// as the code of an entity over the mention (Resolve).
func TestAmbiguousFollowsActors(t *testing.T) {
	g := gaz(t)
	text := "Congo said on Monday that Congolese troops would reopen the border crossing."
	d := &doc.Document{Text: text}
	if r := g.AmbiguousReadings(d, nil); r["congo"].Country != "CD" || r["congolese"].Country != "CD" {
		t.Errorf("no evidence: got %+v, want CD for both", r)
	}
	if r := g.AmbiguousReadings(d, map[string]float64{"CG": 1}); r["congo"].Country != "CG" || r["congolese"].Country != "CG" {
		t.Errorf("an actor of the Republic of the Congo: got %+v, want CG for both", r)
	}
	if r := g.AmbiguousReadings(&doc.Document{Text: "Rain fell on Kinshasa."}, nil); r != nil {
		t.Errorf("no ambiguous name: got %+v", r)
	}

	d = &doc.Document{Text: text, Entities: []doc.Mention{{Span: doc.Span{Start: 0, End: 5}, Text: "Congo", Type: doc.LOC, Actor: "COG"}}}
	g.Resolve(d)
	if p := placeFor(d, "Congo"); p == nil || p.Country != "CG" {
		t.Errorf("entity coded COG: got %+v, want CG", p)
	}
	d = &doc.Document{Text: "Atlanta saw long lines as Georgia voted.", Entities: []doc.Mention{{Span: doc.Span{Start: 26, End: 33}, Text: "Georgia", Type: doc.LOC, Actor: "GEO"}}}
	g.Resolve(d)
	if p := placeFor(d, "Georgia"); p == nil || p.Country != "GE" {
		t.Errorf("entity coded GEO: got %+v, want the country", p)
	}
}

func TestAmbiguousDemonyms(t *testing.T) {
	g := gaz(t)
	for _, tc := range []struct{ text, country string }{
		{"Congolese troops crossed into Rwanda on Friday.", "CD"},
		{"Congolese voters in Brazzaville queued for hours.", "CG"},
	} {
		d := &doc.Document{Text: tc.text}
		g.ResolveWith(d, Options{Demonyms: true})
		if p := placeFor(d, "Congolese"); p == nil || p.Country != tc.country {
			t.Errorf("%q: got %+v, want %s", tc.text, p, tc.country)
		}
	}
}
