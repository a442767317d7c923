package resolve

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// acronyms reads an ambiguous acronym by the document: "RSF" in a story
// that names the Rapid Support Forces is that group, not Reporters Without
// Borders (the dictionary's other RSF). An all-capital mention takes the
// entity and code of a multi-word name earlier in the document whose
// initials spell it, when their codes differ.
func acronyms(d *doc.Document) {
	type named struct {
		entity string
		code   cameo.ActorCode
	}
	byInitials := map[string]named{}
	for i := range d.Entities {
		e := &d.Entities[i]
		if ac := strings.TrimSpace(e.Text); isAcronym(ac) {
			if n, ok := byInitials[ac]; ok && n.code != e.Actor {
				e.Entity, e.Actor, e.Resolved = n.entity, n.code, "acronym"
			}
			continue
		}
		if e.Actor == "" {
			continue
		}
		if in := initials(e.Text); len(in) >= 2 {
			byInitials[in] = named{entity: e.Entity, code: e.Actor}
		}
	}
}

// isAcronym reports whether s is 2-6 capital letters.
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// initials spells the capitalized words of a multi-word name: "Rapid
// Support Forces" -> "RSF" ("of", "the", "for", "and" are skipped).
func initials(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "of", "the", "for", "and", "de", "du", "la":
			continue
		}
		if w[0] < 'A' || w[0] > 'Z' {
			return ""
		}
		b.WriteByte(w[0])
	}
	return b.String()
}
