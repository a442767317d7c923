// Package resolve links the named-entity mentions of a document to actors:
// canonical names and CAMEO actor codes from the actor dictionaries (dated
// by the publication date), mentions the tagger missed but the dictionaries
// know ("the Kremlin", "Republicans"), and short names resolved to the full
// name given earlier in the document ("Blinken" → "Tony Blinken").
package resolve

import (
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/doc"
)

// Scanner finds dictionary actors in a tokenized sentence.
type Scanner interface {
	Scan(text string, toks []doc.Token, date string) []actors.Match
	Lookup(phrase, date string) (actors.Match, bool)
}

// Entities resolves d.Entities in place and adds dictionary-only mentions.
func Entities(d *doc.Document, a Scanner) {
	for i := range d.Entities {
		e := &d.Entities[i]
		if m, ok := a.Lookup(e.Text, d.PubDate); ok && m.Code != "" {
			assign(e, m)
		}
	}
	var added []doc.Mention
	for si := range d.Sentences {
		s := &d.Sentences[si]
		matches := a.Scan(d.Text, s.Tokens, d.PubDate)
		for _, m := range matches {
			hit := false
			for i := range d.Entities {
				e := &d.Entities[i]
				if e.Sentence != si || !e.Span.Overlaps(m.Span) {
					continue
				}
				hit = true
				// A match inside the mention names it; a longer match
				// around a person mention is its title ("Russian President
				// Vladimir Putin"); other longer matches name something
				// else ("Iraq" inside "Islamic State in Iraq and Syria").
				if e.Resolved == "" && (covers(e.Span, m.Span) || m.Kind == actors.KindPerson && e.Type == doc.PER) {
					assign(e, m)
				}
			}
			if hit || m.Code == "" {
				continue
			}
			if t, ok := typeOf(m.Kind); ok {
				added = append(added, doc.Mention{Span: m.Span, Text: m.Span.In(d.Text), Type: t,
					Entity: m.Entity, Actor: m.Code, Sentence: si, Resolved: "dictionary"})
			}
		}
	}
	d.Entities = append(d.Entities, added...)
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	shortNames(d)
}

func assign(e *doc.Mention, m actors.Match) {
	if m.Code != "" {
		e.Actor = m.Code
	}
	if m.Entity != "" {
		e.Entity = m.Entity
	}
	e.Resolved = "dictionary"
}

func covers(a, b doc.Span) bool { return a.Start <= b.Start && a.End >= b.End }

// typeOf gives the entity type of a dictionary-only mention; generic agents
// ("police", "the president") are not named entities and are left to the coder.
func typeOf(k actors.Kind) (doc.EntityType, bool) {
	switch k {
	case actors.KindPerson:
		return doc.PER, true
	case actors.KindCountry:
		return doc.GPE, true
	case actors.KindMetonym:
		return doc.LOC, true
	case actors.KindIGO, actors.KindNGO, actors.KindGroup, actors.KindParty:
		return doc.ORG, true
	}
	return "", false
}

// shortNames gives a person mention without a resolution the entity and code
// of an earlier person mention whose name ends with it ("Blinken" after
// "Tony Blinken"); unresolved full names become their own entity.
func shortNames(d *doc.Document) {
	type person struct {
		name  string
		entry *doc.Mention
	}
	var seen []person
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type != doc.PER {
			continue
		}
		if e.Entity == "" {
			text := strings.TrimSpace(e.Text)
			for j := len(seen) - 1; j >= 0; j-- {
				p := seen[j]
				if p.name != text && (strings.HasSuffix(p.name, " "+text) || strings.HasPrefix(p.name, text+" ")) {
					e.Entity, e.Actor, e.Resolved = p.name, p.entry.Actor, "coref"
					break
				}
			}
			if e.Entity == "" {
				e.Entity = text
			}
		}
		seen = append(seen, person{e.Entity, e})
	}
}
