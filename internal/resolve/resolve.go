// Package resolve links the named-entity mentions of a document to actors:
// canonical names and CAMEO actor codes from the actor dictionaries (dated
// by the publication date), mentions the tagger missed but the dictionaries
// know ("the Kremlin", "Republicans", "the Malaysian navy"), and short names
// resolved to the full name given earlier in the document ("Blinken" →
// "Tony Blinken"). It also repairs mention spans the tagger got obviously
// wrong ("Rathbun the" → "Rathbun", "Kim Jong" → "Kim Jong-un", a person
// "Mail" inside "The Globe and Mail"), and gives the document's main
// country (DocumentCountry) to qualify bare roles ("police" → "COP" →
// "GBRCOP" in a British story).
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
	repairSpans(d)
	matches := make([][]actors.Match, len(d.Sentences))
	for si := range d.Sentences {
		matches[si] = a.Scan(d.Text, d.Sentences[si].Tokens, d.PubDate)
	}
	replaceFragments(d, matches)
	splitTitledNames(d, matches)
	extendNames(d, a, matches)
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })

	// Full names of people seen so far, in text order: a bare ambiguous
	// surname ("Harris") names a dictionary person only after its full name.
	fullNames := map[string]bool{}
	var added []doc.Mention
	next := 0 // next entity to resolve, in text order
	resolveUpTo := func(end int) {
		for ; next < len(d.Entities) && d.Entities[next].Start < end; next++ {
			resolveMention(d, &d.Entities[next], a, matches, fullNames)
		}
	}
	for si := range d.Sentences {
		resolveUpTo(d.Sentences[si].End)
		for _, m := range matches[si] {
			if m.Kind == actors.KindPerson && strings.Contains(strings.TrimSpace(m.Text), " ") {
				fullNames[m.Entity] = true
			}
			hit := false
			for i := range d.Entities {
				if e := &d.Entities[i]; e.Sentence == si && e.Span.Overlaps(m.Span) {
					hit = true
					break
				}
			}
			if hit || m.Code == "" {
				continue
			}
			if t, ok := typeOf(m); ok {
				sp := m.Span
				if t == doc.PER && m.Entity != "" && strings.HasSuffix(m.Span.In(d.Text), " "+m.Entity) {
					sp.Start = sp.End - len(m.Entity) // the name without its title
				}
				added = append(added, doc.Mention{Span: sp, Text: sp.In(d.Text), Type: t,
					Entity: m.Entity, Actor: m.Code, Sentence: si, Resolved: "dictionary"})
			}
		}
	}
	resolveUpTo(len(d.Text) + 1)
	d.Entities = append(d.Entities, added...)
	sort.SliceStable(d.Entities, func(i, j int) bool { return d.Entities[i].Start < d.Entities[j].Start })
	affiliations(d, matches)
	ambiguousCountries(d, a, matches)
	shortNames(d)
	acronyms(d)
	qualifyRoles(d)
}

// resolveMention gives one tagged mention its entity and code: the
// dictionary phrase it is, else the best dictionary match inside it.
func resolveMention(d *doc.Document, e *doc.Mention, a Scanner, matches [][]actors.Match, fullNames map[string]bool) {
	if e.Resolved != "" {
		return
	}
	text := strings.TrimSpace(e.Text)
	if m, ok := a.Lookup(text, d.PubDate); ok && m.Code != "" {
		if e.Type == doc.PER && m.Kind != actors.KindPerson && nameContinues(d, e) {
			return // "Paris" in "Valeska Paris" is a surname, not the capital
		}
		if e.Type == doc.PER && m.Kind == actors.KindPerson && actors.AmbiguousName(text) && !fullNames[m.Entity] {
			return // a bare "Harris": the coreference pass may link it
		}
		if m.Kind == actors.KindPerson && strings.Contains(text, " ") {
			fullNames[m.Entity] = true
		}
		if m.Kind == actors.KindPerson && e.Sentence >= 0 && e.Sentence < len(matches) {
			// the title around the name says which role the text means
			// ("Prime Minister Theresa May" in a later story)
			for _, t := range matches[e.Sentence] {
				if t.Kind == actors.KindPerson && t.Entity == m.Entity && t.Code != "" && covers(t.Span, e.Span) && t.Span != e.Span {
					m.Code = t.Code
				}
			}
		}
		assign(e, m)
		return
	}
	if e.Sentence < 0 || e.Sentence >= len(matches) {
		return
	}
	var best *actors.Match
	for i := range matches[e.Sentence] {
		m := &matches[e.Sentence][i]
		if !e.Span.Overlaps(m.Span) || m.Code == "" {
			continue
		}
		switch {
		case covers(e.Span, m.Span):
			// a match inside the mention: a person's name only yields a
			// person ("Valeska Paris" is not Paris); an organization's
			// name never yields a person inside it
			if (e.Type == doc.PER) != (m.Kind == actors.KindPerson) {
				continue
			}
		case m.Kind == actors.KindPerson && e.Type == doc.PER:
			// a longer match around a person is the person with a title
			// ("Russian President Vladimir Putin")
		default:
			continue // a longer match names something else
		}
		if best == nil || m.End-m.Start > best.End-best.Start {
			best = m
		}
	}
	if best != nil {
		assign(e, *best)
	}
}

// nameContinues reports whether a person mention is part of a longer name
// given earlier: "Paris" after "Valeska Paris".
func nameContinues(d *doc.Document, e *doc.Mention) bool {
	text := strings.TrimSpace(e.Text)
	for _, o := range d.Entities {
		if o.Start >= e.Start {
			break
		}
		if o.Type != doc.PER {
			continue
		}
		ot := strings.TrimSpace(o.Text)
		if ot != text && (strings.HasSuffix(ot, " "+text) || strings.HasPrefix(ot, text+" ")) {
			return true
		}
	}
	// within the mention's own sentence the tagger may have cut the name
	// short: a capitalized word right before it ("Valeska Paris")
	if e.Start > 1 && d.Text[e.Start-1] == ' ' {
		j := e.Start - 1
		i := strings.LastIndexAny(d.Text[:j], " \n\t") + 1
		w := d.Text[i:j]
		if len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && strings.ToLower(w[1:]) == w[1:] && isLetters(w) && !sentenceStart(d, i) {
			return true
		}
	}
	return false
}

func isLetters(w string) bool {
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127) {
			return false
		}
	}
	return true
}

func sentenceStart(d *doc.Document, off int) bool {
	for _, s := range d.Sentences {
		if s.Start == off {
			return true
		}
	}
	return false
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

// institutionHeads are the last words of a country + agent phrase that
// name an institution rather than a group of people: "the Malaysian navy",
// "the Thai foreign ministry", "Los Angeles Sheriff's office".
var institutionHeads = map[string]bool{
	"army": true, "navy": true, "force": true, "marines": true, "police": true, "ministry": true,
	"office": true, "department": true, "parliament": true, "court": true, "guard": true,
	"agency": true, "corps": true, "gendarmerie": true, "judiciary": true, "legislature": true,
	"senate": true, "cabinet": true, "tribunal": true, "assembly": true,
}

// typeOf gives the entity type of a dictionary-only mention; generic agents
// ("police", "the president") are not named entities and are left to the
// coder, but a country's institution ("the Malaysian navy") is an ORG.
func typeOf(m actors.Match) (doc.EntityType, bool) {
	switch m.Kind {
	case actors.KindPerson:
		return doc.PER, true
	case actors.KindCountry:
		return doc.GPE, true
	case actors.KindMetonym:
		return doc.LOC, true
	case actors.KindIGO, actors.KindNGO, actors.KindGroup, actors.KindParty, actors.KindOrg:
		return doc.ORG, true
	case actors.KindAgent:
		ws := strings.Fields(strings.ToLower(m.Text))
		if len(ws) >= 2 && m.Code.Country() != "" && institutionHeads[ws[len(ws)-1]] {
			return doc.ORG, true
		}
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
		text := strings.TrimSpace(e.Text)
		if e.Entity == "" || e.Resolved == "" && e.Entity == text {
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
		if strings.Contains(e.Entity, " ") {
			seen = append(seen, person{e.Entity, e})
		}
	}
}
