package resolve

import (
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/doc"
)

// affiliations gives a person the dictionaries do not know the code of the
// body the text ties them to: an apposition right after the name ("Fuad
// Basya, spokesman for the Indonesian military" -> IDNMIL; "Jeff Rathke,
// the State Department spokesperson" -> USAGOV) or a title right before it
// ("campaigner Caitlin Boswell" -> OPP, qualified later with the
// document's country). A relative clause after the comma ("X, who lives in
// France,") says nothing of an affiliation.
func affiliations(d *doc.Document, matches [][]actors.Match) {
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type != doc.PER || e.Actor != "" || e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
			continue
		}
		toks := d.Sentences[e.Sentence].Tokens
		lo, hi := -1, -1
		for k := range toks {
			if e.Span.Contains(toks[k].Span) {
				if lo < 0 {
					lo = k
				}
				hi = k
			}
		}
		if lo < 0 {
			continue
		}
		if m, ok := appositionActor(toks, matches[e.Sentence], hi); ok {
			e.Actor = m.Code
			continue
		}
		for _, m := range matches[e.Sentence] {
			if m.End == lo && m.Kind == actors.KindAgent && m.Code != "" {
				e.Actor = m.Code // a title before the name
			}
		}
	}
}

// notAffiliation opens an apposition that is a clause or an age, not a role.
var notAffiliation = map[string]bool{
	"who": true, "whom": true, "whose": true, "which": true, "that": true, "aged": true,
	"age": true, "now": true, "then": true, "also": true, "and": true, "or": true, "but": true,
}

// appositionActor returns the actor of the apposition after token hi
// (", DET? ... ACTOR ... ,"): the first organization, metonym or country
// with a code in it, else its first role with a country ("the Indonesian
// military"), else its first role word ("spokesman").
func appositionActor(toks []doc.Token, ms []actors.Match, hi int) (actors.Match, bool) {
	if hi+2 >= len(toks) || toks[hi+1].Form != "," || notAffiliation[strings.ToLower(toks[hi+2].Form)] {
		return actors.Match{}, false
	}
	if t := toks[hi+2]; t.UPOS == "NUM" || t.UPOS == "VERB" || t.UPOS == "PRON" {
		return actors.Match{}, false
	}
	end := hi + 2
	for end < len(toks) && end < hi+14 {
		if f := toks[end].Form; f == "," || f == ";" || f == "." || f == "(" || f == "\"" {
			break
		}
		end++
	}
	var role, countryRole *actors.Match
	for k := range ms {
		m := &ms[k]
		if m.Start < hi+2 || m.End > end || m.Code == "" || m.Kind == actors.KindPerson {
			continue
		}
		if m.Kind == actors.KindAgent {
			switch {
			case m.Code.Country() != "" && countryRole == nil:
				countryRole = m // "the Indonesian military"
			case role == nil:
				role = m // "spokesman"
			}
			continue
		}
		return *m, true
	}
	if countryRole != nil {
		return *countryRole, true
	}
	if role != nil && !unknownBody(toks, role.End, end) {
		return *role, true
	}
	return actors.Match{}, false
}

// unknownBody reports whether a role word is followed by the body it
// serves, which no dictionary knows ("a spokeswoman for the protest
// committee"): the role's usual code (GOV for a spokeswoman) would guess.
func unknownBody(toks []doc.Token, from, end int) bool {
	for k := from; k < end; k++ {
		switch strings.ToLower(toks[k].Form) {
		case "for", "of", "at", "with":
			return true
		}
	}
	return false
}
