package resolve

import (
	"testing"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
)

// TestAmbiguousCountries checks that mentions coded through an ambiguous
// country name or demonym take the reading of the document's context. The
// texts are our own.
func TestAmbiguousCountries(t *testing.T) {
	dict := actors.Default()
	tests := []struct {
		name, text string
		ments      []string
		want       map[string]cameo.ActorCode
		entity     map[string]string // mention text -> canonical name, when checked
	}{
		{"congo without evidence is the DRC",
			"Congo said on Monday it would reopen the border crossing.",
			[]string{"Congo", "LOC"},
			map[string]cameo.ActorCode{"Congo": "COD"}, map[string]string{"Congo": "Democratic Republic of the Congo"}},
		{"congolese minister in an eastern congo story",
			"Congolese Foreign Minister Marie-Claire Kalala said the army would stay in eastern Congo near Goma.",
			[]string{"Marie-Claire Kalala", "PER", "Congo", "LOC", "Goma", "LOC"},
			map[string]cameo.ActorCode{"Marie-Claire Kalala": "CODGOV", "Congo": "COD"}, nil},
		{"a brazzaville story is the republic of the congo",
			"Congolese Foreign Minister Pierre Mavoungou said in Brazzaville that Congo would open its border with Gabon.",
			[]string{"Pierre Mavoungou", "PER", "Brazzaville", "LOC", "Congo", "LOC", "Gabon", "LOC"},
			map[string]cameo.ActorCode{"Pierre Mavoungou": "COGGOV", "Congo": "COG", "Brazzaville": "COG", "Gabon": "GAB"},
			map[string]string{"Congo": "Republic of the Congo"}},
		{"the congolese as a people follow the place",
			"The Congolese in Pointe-Noire voted on Sunday.",
			[]string{"Congolese", "NORP", "Pointe-Noire", "LOC"},
			map[string]cameo.ActorCode{"Congolese": "COG"}, nil},
		{"a dictionary person keeps his country",
			"Voters in Brazzaville, Pointe-Noire and Dolisie watched as Congo's neighbour, Congolese President Felix Tshisekedi, arrived.",
			[]string{"Brazzaville", "LOC", "Pointe-Noire", "LOC", "Dolisie", "LOC", "Congo", "LOC", "Felix Tshisekedi", "PER"},
			map[string]cameo.ActorCode{"Felix Tshisekedi": "CODGOV", "Congo": "COG"}, nil},
		{"the country's own people decide without places",
			"Felix Tshisekedi said Congo would not negotiate.",
			[]string{"Felix Tshisekedi", "PER", "Congo", "LOC"},
			map[string]cameo.ActorCode{"Congo": "COD"}, nil},
		{"georgia the us state",
			"Storms knocked out power across Atlanta, Georgia, on Tuesday.",
			[]string{"Atlanta", "LOC", "Georgia", "LOC"},
			map[string]cameo.ActorCode{"Georgia": "USA"}, map[string]string{"Georgia": "Georgia"}},
		{"georgia the country",
			"Crowds filled the streets of Tbilisi as Georgia's parliament met.",
			[]string{"Tbilisi", "LOC", "Georgia", "LOC"},
			map[string]cameo.ActorCode{"Georgia": "GEO"}, nil},
		{"korea without evidence is the south",
			"Exports from Korea rose for a third month.",
			[]string{"Korea", "LOC"},
			map[string]cameo.ActorCode{"Korea": "KOR"}, nil},
		{"korea in a pyongyang story is the north",
			"State media in Pyongyang said Korea would never give up its rockets.",
			[]string{"Pyongyang", "LOC", "Korea", "LOC"},
			map[string]cameo.ActorCode{"Korea": "PRK"}, map[string]string{"Korea": "North Korea"}},
		{"macedonia the greek region",
			"Farmers in Greece blocked roads near Thessaloniki, the largest city of Macedonia.",
			[]string{"Greece", "LOC", "Thessaloniki", "LOC", "Macedonia", "LOC"},
			map[string]cameo.ActorCode{"Macedonia": "GRC"}, nil},
		{"macedonia the country",
			"Skopje said Macedonia would change its constitution.",
			[]string{"Skopje", "LOC", "Macedonia", "LOC"},
			map[string]cameo.ActorCode{"Macedonia": "MKD"}, nil},
		{"guinea is not guinea-bissau",
			"Guinea-Bissau closed its border after the president fled to neighbouring Guinea.",
			[]string{"Guinea-Bissau", "LOC", "Guinea", "LOC"},
			map[string]cameo.ActorCode{"Guinea-Bissau": "GNB", "Guinea": "GIN"}, nil},
		{"sudan is not south sudan",
			"South Sudan and Sudan agreed to reopen the pipeline; Juba welcomed the deal.",
			[]string{"South Sudan", "LOC", "Sudan", "LOC", "Juba", "LOC"},
			map[string]cameo.ActorCode{"South Sudan": "SSD", "Sudan": "SDN"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := tagged(tc.text, "2025-06-01", tc.ments...)
			Entities(d, dict)
			for text, want := range tc.want {
				m := find(d, text)
				if m == nil {
					t.Errorf("%q: no mention in %+v", text, d.Entities)
					continue
				}
				if m.Actor != want {
					t.Errorf("%q: actor %q, want %q", text, m.Actor, want)
				}
				if e, ok := tc.entity[text]; ok && m.Entity != e {
					t.Errorf("%q: entity %q, want %q", text, m.Entity, e)
				}
			}
		})
	}
}
