package resolve

import (
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/geo"
)

// Ambiguous country names ("Congo", "Korea", "Georgia", "Macedonia") and
// demonyms ("Congolese") are coded by the actor dictionaries with one
// default country. ambiguousCountries recodes the mentions whose code comes
// from such a word with the reading the document supports, the one the
// gazetteer picks for the place (geo.AmbiguousReadings): from the
// document's places, and from the countries of the people and groups it
// names. The places stage then follows these codes, so that the place and
// the actor of a mention agree.

// ambiguousWord returns the folded ambiguous name or demonym a mention's
// code comes from, "" when none: the mention is the word ("Congo", "the
// Congolese"), or the dictionary phrase that coded it starts with the word
// and composes it with a role or a name ("Congolese Foreign Minister
// Marie-Claire Kalala", "Congolese troops"; for a person the dictionaries
// do not know, also a title or an apposition elsewhere in the sentence).
// Organizations named after a country and people the dictionaries know
// keep their own codes.
func ambiguousWord(d *doc.Document, a Scanner, e *doc.Mention, matches [][]actors.Match) string {
	if w := wholeWord(e.Span.In(d.Text)); w != "" {
		return w
	}
	if e.Sentence < 0 || e.Sentence >= len(matches) {
		return ""
	}
	if e.Type == doc.PER {
		if m, ok := a.Lookup(strings.TrimSpace(e.Text), d.PubDate); ok && m.Kind == actors.KindPerson && m.Code != "" {
			return "" // "Congolese President Felix Tshisekedi": his own entry codes him
		}
	}
	for _, m := range matches[e.Sentence] {
		if m.Code != e.Actor || orgLike(m.Kind) || (!m.Span.Overlaps(e.Span) && e.Type != doc.PER) {
			continue
		}
		ws := strings.Fields(m.Span.In(d.Text))
		if len(ws) > 1 && strings.EqualFold(ws[0], "the") {
			ws = ws[1:]
		}
		if len(ws) > 1 {
			if w := wholeWord(ws[0]); w != "" {
				return w
			}
		}
	}
	return ""
}

// wholeWord returns the folded ambiguous name or demonym s is (without a
// leading "the" and a possessive), "" when none.
func wholeWord(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		s = s[4:]
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "'s"), "’s")
	if s == "" || !upperStart(s) || !geo.IsAmbiguousName(s) {
		return ""
	}
	return strings.ToLower(s)
}

// actorWeight is the weight of one actor of a country as evidence for a
// reading of an ambiguous name.
const actorWeight = 1

// ambiguousCountries recodes the mentions coded through an ambiguous
// country name or demonym; see above.
func ambiguousCountries(d *doc.Document, a Scanner, matches [][]actors.Match) {
	words := make([]string, len(d.Entities))
	any := false
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Actor == "" || e.Actor.Country() == "" {
			continue
		}
		if w := ambiguousWord(d, a, e, matches); w != "" {
			words[i], any = w, true
		}
	}
	if !any {
		return
	}
	g, err := geo.Default()
	if err != nil {
		return
	}
	// the countries of the people and organizations the text names, each
	// counted once; places are the gazetteer's own evidence
	ev := map[string]float64{}
	seen := map[string]bool{}
	for i := range d.Entities {
		e := &d.Entities[i]
		if words[i] != "" || (e.Type != doc.PER && e.Type != doc.ORG) {
			continue
		}
		c, ok := cameo.CountryByISO3(e.Actor.Country())
		if !ok {
			continue
		}
		key := e.Entity
		if key == "" {
			key = strings.TrimSpace(e.Text)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		ev[c.ISO2] += actorWeight
	}
	readings := g.AmbiguousReadings(d, ev)
	for i := range d.Entities {
		w := words[i]
		r, ok := readings[w]
		if w == "" || !ok {
			continue
		}
		e := &d.Entities[i]
		c, ok := cameo.CountryByISO2(r.Country)
		if !ok {
			continue
		}
		old := e.Actor.Country()
		if old == c.ISO3 || !ambiguousCountry(w, old) {
			continue
		}
		e.Actor = cameo.ActorCode(c.ISO3) + e.Actor[len(old):]
		if wholeWord(e.Span.In(d.Text)) == "" {
			continue // a person or a group of a country: the name stays
		}
		e.Entity = r.Name
		if r.Kind == geo.KindCountry {
			if m, ok := a.Lookup(r.Name, d.PubDate); ok && m.Code.Country() == c.ISO3 && m.Entity != "" {
				e.Entity = m.Entity // the dictionary's name of the country
			}
		}
	}
}

// ambiguousCountry reports whether iso3 is the country of a reading of the
// ambiguous name or demonym w.
func ambiguousCountry(w, iso3 string) bool {
	for _, cc := range geo.AmbiguousCountries(w) {
		if c, ok := cameo.CountryByISO2(cc); ok && c.ISO3 == iso3 {
			return true
		}
	}
	return false
}
