package resolve

import (
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// nameBreak are lower-case words that end a personal name when the tagger
// ran past it ("Rathbun the Scientology", "Moxon said").
var nameBreak = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "or": true, "in": true, "on": true, "at": true,
	"to": true, "for": true, "with": true, "from": true, "by": true, "said": true, "says": true,
	"told": true, "who": true, "which": true, "that": true, "is": true, "was": true, "has": true,
	"had": true, "will": true, "would": true, "as": true, "but": true,
}

// trailingJunk are words no name ends with ("Bank of", "Globe and").
var trailingJunk = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "of": true, "or": true, "in": true, "said": true,
	"says": true, "told": true, "for": true, "to": true, "on": true, "at": true, "by": true, "with": true, "from": true, "'s": true, "’s": true, ",": true, ";": true, ":": true, "-": true,
}

// repairSpans fixes mention spans the tagger got obviously wrong: a person
// running into a following clause ("Rathbun the Scientology" → "Rathbun"),
// names ending in a function word or punctuation, and names cut at a hyphen
// the tokenizer split ("Kim Jong" + "-un").
func repairSpans(d *doc.Document) {
	out := d.Entities[:0]
	for _, e := range d.Entities {
		if w := strings.TrimSpace(e.Text); nameBreak[w] || trailingJunk[w] {
			continue // a function word tagged as a name ("and")
		}
		if e.Sentence < 0 || e.Sentence >= len(d.Sentences) || e.Start < 0 || e.End > len(d.Text) || e.Start >= e.End {
			out = append(out, e)
			continue
		}
		toks := d.Sentences[e.Sentence].Tokens
		lo, hi := -1, -1 // tokens [lo,hi) inside the mention
		for i, t := range toks {
			if t.Start >= e.Start && t.End <= e.End {
				if lo < 0 {
					lo = i
				}
				hi = i + 1
			}
		}
		if lo < 0 {
			out = append(out, e)
			continue
		}
		if e.Type == doc.PER {
			for i := lo + 1; i < hi; i++ {
				if nameBreak[toks[i].Form] {
					hi = i
					break
				}
			}
		}
		for hi > lo+1 && trailingJunk[strings.ToLower(toks[hi-1].Form)] {
			hi--
		}
		if e.Type == doc.PER {
			// an initial before the name: "L. Ron Hubbard"
			if lo > 0 && isInitial(toks[lo-1].Form) && toks[lo-1].End+1 == toks[lo].Start {
				lo--
			}
			// a one-word name the tagger cut before the surname: "Tom"
			// "Cruise" (a proper noun right after it, in no other mention)
			if hi == lo+1 && hi < len(toks) && (toks[hi].UPOS == "PROPN" || toks[hi].UPOS == "NOUN") && toks[hi-1].End+1 == toks[hi].Start &&
				upperStart(toks[hi].Form) && isLetters(toks[hi].Form) && !calendarWord[strings.ToLower(toks[hi].Form)] &&
				!orgHeads[strings.ToLower(toks[hi].Form)] && !inMention(d, toks[hi].Span) {
				hi++
			}
		}
		// a personal name cut at a split hyphen: "Kim Jong" "-" "un"
		for e.Type == doc.PER && hi+1 < len(toks) && (toks[hi].Form == "-" || toks[hi].Form == "\u2010") &&
			toks[hi-1].End == toks[hi].Start && toks[hi].End == toks[hi+1].Start && namePiece(toks[hi+1].Form) {
			hi += 2
		}
		e.Span = doc.Span{Start: toks[lo].Start, End: toks[hi-1].End}
		if e.Start < e.End && e.End <= len(d.Text) {
			e.Text = d.Text[e.Start:e.End]
		}
		out = append(out, e)
	}
	d.Entities = out
}

// isInitial reports whether f is a name initial: "L.", "J.".
func isInitial(f string) bool { return len(f) == 2 && f[0] >= 'A' && f[0] <= 'Z' && f[1] == '.' }

// calendarWord are capitalized words that follow a name without being part
// of it ("Obama Tuesday").
var calendarWord = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
}

// orgHeads are capitalized nouns that follow a person's name as the head
// of another name ("the Obama Administration", "the Clinton Foundation").
var orgHeads = map[string]bool{
	"administration": true, "government": true, "foundation": true, "institute": true, "university": true,
	"campaign": true, "party": true, "group": true, "ministry": true, "council": true, "committee": true,
	"agency": true, "company": true, "corporation": true, "center": true, "centre": true, "fund": true,
	"trust": true, "doctrine": true, "era": true, "show": true, "family": true, "library": true,
	"airport": true, "street": true, "avenue": true, "square": true, "bridge": true, "prize": true, "award": true,
}

// inMention reports whether sp overlaps one of d's entity mentions.
func inMention(d *doc.Document, sp doc.Span) bool {
	for i := range d.Entities {
		if d.Entities[i].Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// hyphenSuffixes are words that follow a name and a hyphen without being
// part of it ("Obama-era", "Kim-led").
var hyphenSuffixes = map[string]bool{
	"led": true, "era": true, "run": true, "backed": true, "based": true, "born": true, "like": true,
	"style": true, "type": true, "owned": true, "linked": true, "allied": true, "aligned": true,
	"held": true, "made": true, "funded": true, "friendly": true, "brokered": true, "sponsored": true,
	"supported": true, "controlled": true, "appointed": true, "ordered": true, "said": true,
}

// namePiece reports whether s can continue a personal name after a hyphen:
// a short lower-case syllable ("un" in "Kim Jong-un", "moon" in "Ban
// Ki-moon") that is not a common suffix word.
func namePiece(s string) bool {
	if len(s) == 0 || len(s) > 4 || hyphenSuffixes[s] {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

func wordLike(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127 {
			return true
		}
	}
	return false
}

// orgLike reports whether a dictionary match names an organization.
func orgLike(k actors.Kind) bool {
	switch k {
	case actors.KindOrg, actors.KindIGO, actors.KindNGO, actors.KindGroup, actors.KindParty:
		return true
	}
	return false
}

// replaceFragments replaces tagged mentions that are pieces of a longer
// organization name the dictionaries know ("Mail" tagged as a person in
// "The Globe and Mail") by one mention of the whole name.
func replaceFragments(d *doc.Document, matches [][]actors.Match) {
	drop := map[int]bool{}
	var add []doc.Mention
	for si, ms := range matches {
		for _, m := range ms {
			if !orgLike(m.Kind) || m.End-m.Start < 2 || m.Code == "" {
				continue
			}
			var inside []int
			ok := true
			for i, e := range d.Entities {
				if e.Sentence != si || !e.Span.Overlaps(m.Span) {
					continue
				}
				if !covers(m.Span, e.Span) || e.Span == m.Span {
					ok = false
					break
				}
				inside = append(inside, i)
			}
			if !ok || len(inside) == 0 {
				continue
			}
			if len(inside) == 1 && onlyLowerRest(d.Text, m.Span, d.Entities[inside[0]].Span) {
				// "Yonhap news agency": the tagged name is the name, the
				// dictionary phrase adds a description
				e := &d.Entities[inside[0]]
				e.Actor, e.Entity, e.Resolved = m.Code, m.Entity, "dictionary"
				if e.Type == doc.PER {
					e.Type = doc.ORG
				}
				continue
			}
			for _, i := range inside {
				drop[i] = true
			}
			add = append(add, doc.Mention{Span: m.Span, Text: m.Span.In(d.Text), Type: doc.ORG,
				Entity: m.Entity, Actor: m.Code, Sentence: si, Resolved: "dictionary"})
		}
	}
	if len(add) == 0 {
		return
	}
	out := d.Entities[:0]
	for i, e := range d.Entities {
		if !drop[i] {
			out = append(out, e)
		}
	}
	d.Entities = append(out, add...)
}

// DocumentCountry returns the ISO 3166 alpha-3 code of the country a
// document is mainly about, or "" when no country stands out: the country
// codes of its resolved mentions (the first one, usually the dateline,
// counts double) and of its places. It reads d.Entities after Entities and
// d.Places when the places stage has run. The coder can use it with
// Qualify to turn a bare role ("police" → COP) into a country's
// ("GBRCOP").
func DocumentCountry(d *doc.Document) string {
	score := map[string]float64{}
	first := true
	for _, e := range d.Entities {
		c := e.Actor.Country()
		if c == "" {
			continue
		}
		w := 1.0
		if first && e.Sentence == 0 {
			w = 2
		}
		first = false
		score[c] += w
	}
	for _, p := range d.Places {
		if c, ok := cameo.CountryByISO2(p.Country); ok {
			score[c.ISO3] += 0.5
		}
	}
	type cs struct {
		c string
		s float64
	}
	var all []cs
	for c, s := range score {
		all = append(all, cs{c, s})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].s != all[j].s {
			return all[i].s > all[j].s
		}
		return all[i].c < all[j].c
	})
	if len(all) == 0 || all[0].s < 2 || len(all) > 1 && all[0].s < 1.25*all[1].s {
		return ""
	}
	return all[0].c
}

// notRoles are role-table codes that stand for an actor type, not a role
// of a country ("IGO", "NGO").
var notRoles = map[string]bool{"IGO": true, "NGO": true, "IMG": true, "MNC": true, "UIS": true, "INT": true}

// IsBareRole reports whether code is a role without a country or
// organization ("COP", "GOV", "GOVMED").
func IsBareRole(code cameo.ActorCode) bool {
	s := string(code)
	if len(s) < 3 || len(s)%3 != 0 || code.Country() != "" {
		return false
	}
	for i := 0; i < len(s); i += 3 {
		if !cameo.IsRole(s[i:i+3]) || notRoles[s[i:i+3]] {
			return false
		}
	}
	return true
}

// Qualify prefixes a bare role with a country (ISO3): ("COP", "GBR") →
// "GBRCOP". Any other code, or an empty country, is returned unchanged.
func Qualify(code cameo.ActorCode, country string) cameo.ActorCode {
	if country == "" || !IsBareRole(code) {
		return code
	}
	return cameo.ActorCode(country) + code
}

// qualifyRoles gives mentions coded with a bare role the document's country.
func qualifyRoles(d *doc.Document) {
	c := ""
	done := false
	for i := range d.Entities {
		e := &d.Entities[i]
		if !IsBareRole(e.Actor) {
			continue
		}
		if !done {
			c, done = DocumentCountry(d), true
		}
		if c == "" {
			return
		}
		e.Actor = Qualify(e.Actor, c)
	}
}

// onlyLowerRest reports whether the part of outer not in inner is made of
// lower-case words (and spaces) only.
func onlyLowerRest(text string, outer, inner doc.Span) bool {
	rest := text[outer.Start:inner.Start] + " " + text[inner.End:outer.End]
	has := false
	for _, r := range rest {
		switch {
		case r == ' ':
		case r >= 'a' && r <= 'z':
			has = true
		default:
			return false
		}
	}
	return has
}

// extendNames widens a person mention to the full name the dictionaries
// know when the tagger cut it ("Johnson" in "Prime Minister Boris Johnson"
// → "Boris Johnson"), stopping at titles.
func extendNames(d *doc.Document, a Scanner, matches [][]actors.Match) {
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type != doc.PER || e.Sentence < 0 || e.Sentence >= len(d.Sentences) || e.Sentence >= len(matches) {
			continue
		}
		toks := d.Sentences[e.Sentence].Tokens
		lo := -1
		for j, t := range toks {
			if t.Start == e.Start {
				lo = j
				break
			}
		}
		if lo <= 0 {
			continue
		}
		m0, ok := a.Lookup(e.Text, d.PubDate)
		if !ok || m0.Kind != actors.KindPerson {
			// the person of a title match around it ("Prime Minister ... May")
			ok = false
			for _, m := range matches[e.Sentence] {
				if m.Kind == actors.KindPerson && m.Entity != "" && covers(m.Span, e.Span) {
					m0, ok = m, true
				}
			}
			if !ok {
				continue
			}
		}
		for lo > 0 {
			p := toks[lo-1]
			if p.End+1 != e.Start && p.End != e.Start || !upperStart(p.Form) {
				break
			}
			if w, ok := a.Lookup(p.Form, d.PubDate); ok && w.Kind != actors.KindPerson {
				break // a title or a country, not a name
			}
			ext := d.Text[p.Start:e.End]
			m, ok := a.Lookup(ext, d.PubDate)
			if !ok || m.Kind != actors.KindPerson || m.Entity != m0.Entity {
				break
			}
			e.Span.Start, e.Text = p.Start, ext
			lo--
		}
	}
}

func upperStart(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// splitTitledNames turns an organization or place mention that ends in a
// title and a personal name ("Labour's Shadow Home Secretary Yvette
// Cooper") into a person mention of the name.
func splitTitledNames(d *doc.Document, matches [][]actors.Match) {
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type == doc.PER || e.Sentence < 0 || e.Sentence >= len(matches) {
			continue
		}
		for _, m := range matches[e.Sentence] {
			if m.Kind != actors.KindPerson || m.Entity == "" || m.Span.End != e.End || m.Start < 0 || !covers(e.Span, m.Span) {
				continue
			}
			name := m.Entity
			if !strings.HasSuffix(e.Text, " "+name) || m.Span.End-len(name) <= e.Start {
				continue
			}
			e.Span.Start = e.End - len(name)
			e.Text = d.Text[e.Start:e.End]
			e.Type = doc.PER
			e.Actor, e.Entity, e.Resolved = m.Code, m.Entity, "dictionary"
			break
		}
	}
}
