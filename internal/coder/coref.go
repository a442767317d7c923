package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// referent is an actor mentioned earlier in the document.
type referent struct {
	a        arg
	sentence int
	subject  bool
	desc     string // lowercased words describing it (titles, modifiers), accumulated per entity
}

// memory is the document's discourse memory for light coreference.
type memory struct {
	refs  []referent
	pairs [][2]arg // coordinated subjects, most recent last
	// pairSent is the sentence of each pair
	pairSent []int
	desc     map[string]string
	// aliases maps a name's last word to the actor of an earlier full
	// mention ("Rathke" after "Jeff Rathke, the State Department spokesperson").
	aliases map[string]arg
	// prevSubj is the plural or coordinated main-clause subject of sentence
	// prevSubjSent ("War maniacs of the South Korean military ... They ...").
	prevSubj     []arg
	prevSubjSent int
	// dyads are the country pairs of earlier conflict events
	dyads [][2]cameo.ActorCode
}

const maxRefs = 64

func (m *memory) remember(s *sentence) {
	if m.desc == nil {
		m.desc = map[string]string{}
		m.aliases = map[string]arg{}
	}
	for i := range s.toks {
		t := &s.toks[i]
		if t.UPOS != "PROPN" || t.Deprel == "compound" || t.Deprel == "flat" || t.Deprel == "flat:name" {
			continue
		}
		var a arg
		var ok bool
		if mi := s.actorAt[i]; mi >= 0 {
			if s.matches[mi].Kind != "person" || s.matches[mi].End-s.matches[mi].Start < 2 {
				continue
			}
			a, ok = s.actorArg(i, "actor", 1)
		} else if a, ok = s.modifierActor(i, 0); ok && (a.via == "modifier" || a.via == "actor") {
			// "Daniel Montalvo, a member of the Church": the name takes
			// the Church's code, not its identity
			a.entity, a.named = s.entityName(i), true
		}
		if ok && a.code != "" {
			_, hi := s.nameSpan(i)
			m.aliases[s.toks[hi].Form] = a
		}
	}
	seen := map[int]bool{}
	for i := range s.toks {
		mi := s.actorAt[i]
		if mi < 0 || seen[mi] {
			continue
		}
		seen[mi] = true
		a, ok := s.actorArg(i, "actor", 1)
		if !ok {
			continue
		}
		h := s.matchHead(mi)
		a.tok = h
		r := referent{a: a, sentence: s.idx, subject: strings.HasPrefix(s.toks[h].Deprel, "nsubj")}
		d := m.desc[a.key()] + " " + s.describe(mi, h)
		m.desc[a.key()] = d
		r.desc = d
		m.refs = append(m.refs, r)
	}
	// resolved pronouns and descriptions also become recent mentions
	for i, as := range s.corefs {
		if len(as) == 1 {
			a := as[0]
			a.tok = i
			m.refs = append(m.refs, referent{a: a, sentence: s.idx, subject: strings.HasPrefix(s.toks[i].Deprel, "nsubj"), desc: m.desc[a.key()]})
		}
	}
	if len(m.refs) > maxRefs {
		m.refs = append(m.refs[:0], m.refs[len(m.refs)-maxRefs:]...)
	}
	// the main clause's plural subject
	for i := range s.toks {
		if s.toks[i].Head >= 0 || len(s.kids[i]) == 0 {
			continue
		}
		for _, k := range s.kidsRel(i, "nsubj", "nsubj:pass") {
			if s.toks[k].UPOS == "PRON" {
				continue
			}
			conj := s.expandConj([]int{k})
			if len(conj) < 2 && s.toks[k].XPOS != "NNS" && s.toks[k].XPOS != "NNPS" {
				continue
			}
			var as []arg
			for _, x := range conj {
				if a, ok := s.actorArg(x, "coref", 0.7); ok {
					as = append(as, a)
				} else if a, ok := s.modifierActor(x, 0); ok && a.code != "" {
					as = append(as, a)
				}
			}
			if len(as) > 0 {
				m.prevSubj, m.prevSubjSent = as, s.idx
			}
		}
	}
	// coordinated subject pairs: "Obama and Hollande met"
	for i := range s.toks {
		if s.toks[i].Deprel != "nsubj" {
			if s.toks[i].UPOS == "VERB" && len(s.kidsRel(i, "nsubj", "nsubj:pass")) == 0 {
				if k := s.strandedSubject(i); k >= 0 {
					if as := s.argsOf(s.expandConj([]int{k})); len(as) == 2 && twoParties(as[0], as[1]) {
						m.pairs = append(m.pairs, [2]arg{as[0], as[1]})
						m.pairSent = append(m.pairSent, s.idx)
					}
				}
			}
			continue
		}
		as := s.argsOf(s.expandConj([]int{i}))
		if len(as) == 2 && twoParties(as[0], as[1]) {
			m.pairs = append(m.pairs, [2]arg{as[0], as[1]})
			m.pairSent = append(m.pairSent, s.idx)
		}
	}
}

// twoParties reports whether a and b can be the two sides "the two" or
// "both" refers to: not the same actor, and not a party and a member of it
// ("Republicans"[USA] and Obama[USAGOV]); two people of one government are
// two.
func twoParties(a, b arg) bool {
	if a.key() == b.key() {
		return false
	}
	if a.code == "" || b.code == "" || isPersonArg(a) && isPersonArg(b) {
		return true
	}
	return !strings.HasPrefix(string(a.code), string(b.code)) && !strings.HasPrefix(string(b.code), string(a.code))
}

// argsOf resolves tokens without coreference side effects beyond the cache.
func (s *sentence) argsOf(xs []int) []arg {
	var out []arg
	for _, x := range xs {
		out = append(out, s.resolve(x)...)
	}
	return out
}

// matchHead returns the syntactic head token of actor match mi.
func (s *sentence) matchHead(mi int) int {
	best := -1
	for i := range s.toks {
		if s.actorAt[i] != mi {
			continue
		}
		h := s.head(i)
		if h < 0 || s.actorAt[h] != mi {
			return i
		}
		if best < 0 {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	return best
}

// describe collects the lowercased words around a mention that describe it:
// the mention itself and its compound/amod/appos/flat modifiers
// ("US President Barack Obama", "Assad, a key Moscow ally").
func (s *sentence) describe(mi, h int) string {
	var b strings.Builder
	b.WriteString(lower(s.matches[mi].Text))
	add := func(i int) {
		b.WriteByte(' ')
		b.WriteString(lower(s.toks[i].Form))
	}
	for i := range s.toks {
		if s.actorAt[i] == mi {
			add(i)
		}
	}
	var walk func(i, depth int)
	walk = func(i, depth int) {
		if depth > 3 {
			return
		}
		for _, k := range s.kids[i] {
			switch s.toks[k].Deprel {
			case "compound", "amod", "appos", "flat", "flat:name", "nmod:poss":
				add(k)
				walk(k, depth+1)
			}
		}
	}
	walk(h, 0)
	// "the president, Barack Obama": the head noun the name is in apposition to
	if s.toks[h].Deprel == "appos" {
		if p := s.head(h); p >= 0 {
			add(p)
			walk(p, 1)
		}
	}
	return b.String()
}

// personRoles are role nouns that describe a person.
var personRoles = map[string]bool{
	"president": true, "minister": true, "premier": true, "chancellor": true, "governor": true,
	"leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "secretary": true,
	"ambassador": true, "king": true, "queen": true, "prince": true, "general": true, "commander": true,
	"senator": true, "mayor": true, "chairman": true, "chief": true, "dictator": true, "envoy": true,
	"monarch": true, "emperor": true, "pope": true, "candidate": true, "lawmaker": true, "congressman": true,
}

var countryNouns = map[string]bool{"country": true, "nation": true, "kingdom": true, "republic": true}

var govNouns = map[string]string{
	"government": "GOV", "regime": "GOV", "administration": "GOV", "cabinet": "GOV",
	"military": "MIL", "army": "MIL", "police": "COP", "authorities": "GOV", "authority": "GOV",
}

// coref resolves a pronoun, "the two"/"both", or a definite description at
// token i. ok is false when i is none of these; a description with no
// antecedent is flagged (once) and returns ok with no args.
func (s *sentence) coref(i int) ([]arg, bool) {
	if as, ok := s.corefs[i]; ok {
		return as, len(as) > 0
	}
	as, kind := s.corefUncached(i)
	if kind == "" {
		return nil, false
	}
	if s.corefs == nil {
		s.corefs = map[int][]arg{}
	}
	for k := range as {
		as[k].tok = i
		as[k].span = s.toks[i].Span
		as[k].text = s.toks[i].Form
		if kind == "desc" || kind == "two" {
			lo, hi := s.subtreeRange(i)
			if hi-lo < 8 {
				as[k].span = s.tokSpan(lo, hi)
				as[k].text = s.textOf(as[k].span)
			}
		}
		as[k].via = "coref"
		if as[k].cert > 0.75 {
			as[k].cert = 0.75
		}
	}
	s.corefs[i] = as
	if len(as) == 0 && (kind == "desc" || kind == "two") && !s.flagged[i] {
		if s.flagged == nil {
			s.flagged = map[int]bool{}
		}
		s.flagged[i] = true
		lo, hi := s.subtreeRange(i)
		if hi-lo > 8 {
			lo, hi = i, i
		}
		sp := s.tokSpan(lo, hi)
		s.flags = append(s.flags, doc.Flag{Kind: doc.FlagDanglingReference, Span: sp,
			Message: "no antecedent in the document for \"" + s.textOf(sp) + "\""})
	}
	return as, len(as) > 0
}

func (s *sentence) corefUncached(i int) ([]arg, string) {
	t := &s.toks[i]
	l := s.lemma(i)
	switch t.UPOS {
	case "PRON":
		switch l {
		case "he", "she", "him", "her", "his", "hers":
			return s.resolvePerson(i), "pron"
		case "they", "them", "their":
			return s.resolvePlural(i), "pron"
		case "it", "its":
			return s.resolveIt(i), "pron"
		case "i", "we", "me", "us", "my", "our":
			return s.resolveSpeaker(i), "pron"
		case "both":
			return s.lastPair(), "two"
		}
		return nil, ""
	case "NUM", "DET":
		if l == "two" && s.hasKid(i, "det", "the") || l == "both" && s.toks[i].Deprel != "det" && s.toks[i].Deprel != "cc:preconj" {
			return s.lastPair(), "two"
		}
		return nil, ""
	case "NOUN", "PROPN":
		if compassWords[l] {
			if as := s.resolveCompass(i); len(as) > 0 {
				return as, "pron"
			}
			return nil, ""
		}
		if t.UPOS == "PROPN" {
			return nil, ""
		}
		switch l {
		case "country", "nation", "side", "leader", "government", "party", "neighbour", "neighbor", "rival":
			if s.hasKid(i, "det", "both") || s.hasKid(i, "nummod", "two") {
				return s.lastPair(), "two" // "both countries", "the two leaders"
			}
		}
		if !s.hasKid(i, "det", "the") {
			return nil, ""
		}
		// "the governments of South East Asia", "the president who ...":
		// a description with its own complement or a plural is not anaphoric
		if len(s.kidsRel(i, "nmod", "acl", "acl:relcl", "appos")) > 0 || s.toks[i].XPOS == "NNS" || s.toks[i].XPOS == "NNPS" {
			return nil, ""
		}
		if personRoles[l] {
			if as := s.resolveRole(i, l); len(as) > 0 {
				return as, "desc"
			}
			if prefix, _ := s.descriptors(i); prefix != "" {
				// "the Russian president" names its country even without an antecedent
				return []arg{{code: prefix + "GOV", named: true, cert: 0.7}}, "gov"
			}
			return nil, "desc"
		}
		if countryNouns[l] {
			return s.resolveCountry(i, ""), "desc"
		}
		if role, ok := govNouns[l]; ok {
			if prefix, _ := s.descriptors(i); prefix != "" {
				return []arg{{code: prefix + cameo.ActorCode(role), named: true, cert: 0.85}}, "gov"
			}
			if as := s.resolveCountry(i, role); len(as) > 0 {
				return as, "gov"
			}
			return nil, "gov" // unresolved institutions are common and generic: no flag
		}
	}
	return nil, ""
}

// candidates yields earlier referents, most recent first: the current
// sentence (tokens before i) then earlier sentences.
func (s *sentence) candidates(i int, fn func(a arg, desc string, subject bool) bool) {
	// current sentence, right to left before i
	for j := i - 1; j >= 0; j-- {
		mi := s.actorAt[j]
		if mi < 0 || (j > 0 && s.actorAt[j-1] == mi) {
			continue
		}
		a, ok := s.actorArg(j, "coref", 0.75)
		if !ok {
			continue
		}
		h := s.matchHead(mi)
		if fn(a, s.describe(mi, h)+" "+s.mem.desc[a.key()], strings.HasPrefix(s.toks[h].Deprel, "nsubj")) {
			return
		}
	}
	if s.mem == nil {
		return
	}
	for k := len(s.mem.refs) - 1; k >= 0; k-- {
		r := s.mem.refs[k]
		if fn(r.a, s.mem.desc[r.a.key()], r.subject) {
			return
		}
	}
}

func isPersonArg(a arg) bool {
	if a.kind == "person" {
		return true
	}
	return a.kind == "" && len(a.code) > 3 && a.entity != ""
}

// governingSubject returns the actors of the nearest clause above i that
// has its own subject ("Obama said he would ...": he -> Obama). blocked is
// true when that subject is a name or person without an actor code: it is
// the likely antecedent, so nothing earlier may be chosen.
func (s *sentence) governingSubject(i int, accept func(arg) bool) (out []arg, blocked bool) {
	prev := i
	for h, n := s.head(i), 0; h >= 0 && n < 8; h, n = s.head(h), n+1 {
		if s.rel(prev) == "ccomp" || s.rel(prev) == "advcl" || s.rel(prev) == "xcomp" || s.rel(prev) == "conj" || s.rel(prev) == "parataxis" {
			for _, k := range s.kidsRel(h, "nsubj", "nsubj:pass") {
				if k == i || s.toks[k].UPOS == "PRON" {
					continue
				}
				for _, x := range s.expandConj([]int{k}) {
					if a, ok := s.actorArg(x, "coref", 0.75); ok && accept(a) {
						out = append(out, a)
					}
				}
				if len(out) > 0 {
					return out, false
				}
				if s.toks[k].UPOS == "PROPN" {
					return nil, true
				}
			}
		}
		prev = h
	}
	return nil, false
}

func (s *sentence) resolvePerson(i int) []arg {
	if as, blocked := s.governingSubject(i, isPersonArg); len(as) == 1 || blocked {
		return as
	}
	var out []arg
	s.candidates(i, func(a arg, _ string, _ bool) bool {
		if isPersonArg(a) {
			out = []arg{a}
			return true
		}
		return false
	})
	return out
}

func (s *sentence) resolvePlural(i int) []arg {
	if as := s.possessorSubjects(i); len(as) >= 2 {
		return as
	}
	if as, blocked := s.governingSubject(i, func(a arg) bool { return a.code != "" }); len(as) >= 2 || len(as) == 1 && !isPersonArg(as[0]) || blocked {
		return as
	}
	if s.mem != nil {
		// the previous sentence's plural or coordinated subject
		if s.mem.prevSubj != nil && s.mem.prevSubjSent == s.idx-1 {
			return s.mem.prevSubj
		}
		// else a coordinated pair of this or the previous sentence (an
		// older pair is a guess that doubles the events it is read into)
		if n := len(s.mem.pairs); n > 0 && s.mem.pairSent[n-1] >= s.idx-1 {
			p := s.mem.pairs[n-1]
			return []arg{p[0], p[1]}
		}
	}
	var out []arg
	s.candidates(i, func(a arg, _ string, _ bool) bool {
		if !isPersonArg(a) && a.code != "" {
			out = []arg{a}
			return true
		}
		return false
	})
	return out
}

func (s *sentence) resolveIt(i int) []arg {
	nonPerson := func(a arg) bool { return !isPersonArg(a) && a.code != "" }
	// "Israel could resume its offensive": the subject of the clause whose
	// object the possessive is in
	if as := s.possessorSubjects(i); len(as) == 1 && nonPerson(as[0]) {
		return as
	}
	if as, _ := s.governingSubject(i, nonPerson); len(as) == 1 {
		return as
	}
	return nil // "it" across sentences is too often an event or a thing
}

// resolveSpeaker maps I/we inside reported speech to the speaker.
func (s *sentence) resolveSpeaker(i int) []arg {
	// a quote with a known speaker around the pronoun
	for _, q := range s.d.Quotes {
		if q.Span.Contains(s.toks[i].Span) && q.Speaker != nil && q.Speaker.Actor != "" {
			return []arg{{span: q.Speaker.Span, text: q.Speaker.Text, entity: q.Speaker.Entity, code: q.Speaker.Actor, named: true, cert: 0.7}}
		}
	}
	// "..., Lavrov said": a speech verb above the pronoun's clause or attached to its root
	prev := i
	for h, n := s.head(i), 0; h >= 0 && n < 10; h, n = s.head(h), n+1 {
		if speechVerbs[s.lemma(h)] && (s.rel(prev) == "ccomp" || s.rel(prev) == "parataxis") {
			if as := s.speakerOf(h); len(as) > 0 {
				return as
			}
		}
		prev = h
	}
	for _, k := range s.kids[prev] {
		if s.rel(k) == "parataxis" && speechVerbs[s.lemma(k)] {
			if as := s.speakerOf(k); len(as) > 0 {
				return as
			}
		}
	}
	return nil
}

func (s *sentence) speakerOf(v int) []arg {
	subj := s.kidsRel(v, "nsubj")
	if len(subj) == 0 && s.rel(v) == "conj" {
		subj = s.subjects(v, 0) // "X said ... and said it was ..."
	}
	for _, k := range subj {
		if a, ok := s.actorArg(k, "coref", 0.7); ok {
			return []arg{a}
		}
		if s.toks[k].UPOS == "PRON" || s.toks[k].UPOS == "NOUN" {
			if as, ok := s.coref(k); ok {
				return as
			}
		}
		if a, ok := s.modifierActor(k, 0); ok {
			return []arg{a}
		}
	}
	return nil
}

func (s *sentence) lastPair() []arg {
	if s.mem == nil || len(s.mem.pairs) == 0 {
		return nil
	}
	p := s.mem.pairs[len(s.mem.pairs)-1]
	return []arg{p[0], p[1]}
}

// descriptors returns what a description's modifiers require of its
// antecedent: an actor-code prefix ("the U.S. president" -> USA) and words
// that must occur in its description ("the former Florida governor").
func (s *sentence) descriptors(i int) (prefix cameo.ActorCode, words []string) {
	for _, k := range s.kids[i] {
		switch s.toks[k].Deprel {
		case "compound", "amod", "nmod:poss", "flat":
		default:
			continue
		}
		if a, ok := s.actorArg(k, "", 1); ok && isCountryCode(a.code) {
			prefix = a.code[:3]
			continue
		}
		f := s.toks[k].Form
		if s.toks[k].UPOS == "PROPN" || f != "" && f[0] >= 'A' && f[0] <= 'Z' || s.toks[k].Deprel == "compound" {
			words = append(words, lower(f))
		}
	}
	return prefix, words
}

func (s *sentence) resolveRole(i int, role string) []arg {
	prefix, words := s.descriptors(i)
	var out []arg
	s.candidates(i, func(a arg, desc string, _ bool) bool {
		if prefix != "" && !strings.HasPrefix(string(a.code), string(prefix)) {
			return false
		}
		if a.kind != "" && a.kind != "person" {
			return false
		}
		if !strings.Contains(desc, role) {
			return false
		}
		for _, w := range words {
			if !strings.Contains(desc, w) {
				return false
			}
		}
		out = []arg{a}
		return true
	})
	return out
}

// resolveCountry resolves "the country" (role == "") or "the government"
// (role "GOV") to the most recent country actor in the document.
func (s *sentence) resolveCountry(i int, role string) []arg {
	prefix, _ := s.descriptors(i)
	var out []arg
	s.candidates(i, func(a arg, _ string, _ bool) bool {
		if !isCountryCode(a.code) || isPersonArg(a) && role == "" {
			return false
		}
		if prefix != "" && a.code[:3] != prefix {
			return false
		}
		b := a
		if role != "" {
			b.code = a.code[:3] + cameo.ActorCode(role)
			b.entity = ""
		} else {
			b.code = a.code[:3]
		}
		out = []arg{b}
		return true
	})
	return out
}

// possessorSubjects binds a plural possessive pronoun in a clause's object
// or oblique to that clause's coordinated subject: "France and Germany
// reaffirmed their commitment" -> France, Germany.
func (s *sentence) possessorSubjects(i int) []arg {
	if s.toks[i].Deprel != "nmod:poss" {
		return nil
	}
	n := s.head(i)
	if n < 0 {
		return nil
	}
	switch s.rel(n) {
	case "obj", "obl", "xcomp":
	default:
		return nil
	}
	v := s.head(n)
	if v < 0 || s.toks[v].UPOS != "VERB" {
		return nil
	}
	var out []arg
	for _, x := range s.expandConj(s.subjects(v, 0)) {
		if a, ok := s.actorArg(x, "coref", 0.75); ok {
			out = append(out, a)
		}
	}
	return out
}
