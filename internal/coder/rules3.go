package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Round-3 rules: parser-error-tolerant subject recovery, quantity objects,
// compass-point coreference, subsumed events and refusals.

// strandedSubject recovers the subject of a finite verb v that the parser
// left without one because it attached the noun phrase right before v to
// another word ("... after North and South Korea exchanged fire" parsed
// with "Korea" as an oblique of the main verb). It returns the head of the
// noun phrase ending right before v, or -1.
func (s *sentence) strandedSubject(v int) int {
	switch s.toks[v].XPOS {
	case "VBD", "VBZ", "VBP":
	case "VBN": // a perfect "have criticised", not a passive
		if !s.hasKid(v, "aux", "have") || s.isPassive(v) {
			return -1
		}
	default:
		return -1
	}
	if s.toks[v].UPOS != "VERB" || v == 0 {
		return -1
	}
	j := v - 1
	// the verb's own auxiliaries and adverbs in between: "X have both criticised"
	for j > 0 && s.head(j) == v && (s.rel(j) == "aux" || s.rel(j) == "advmod" && s.toks[j].UPOS == "ADV") {
		j--
	}
	switch s.toks[j].UPOS {
	case "NOUN", "PROPN":
	default:
		return -1
	}
	// climb to the head of the phrase that ends at j
	h := j
	for n := 0; n < len(s.toks); n++ {
		p := s.head(h)
		if p < 0 || p >= v || p == v {
			break
		}
		if s.rel(h) == "conj" && s.accordingTo(p) {
			break // "according to AFP, the UN and the US criticised": the conjunct is the subject
		}
		if _, hi := s.subtreeRange(p); hi > j {
			break
		}
		h = p
	}
	if s.head(h) == v {
		return -1
	}
	switch s.rel(h) {
	case "obl", "nmod", "compound", "appos":
	case "conj":
		if p := s.head(h); p < 0 || !s.accordingTo(p) {
			return -1
		}
	default:
		return -1
	}
	// the phrase must not be the verb's own argument or an object of a
	// preposition that governs the verb's clause
	for _, k := range s.kids[h] {
		if s.toks[k].Deprel == "case" && (s.lemma(k) == "of" || s.lemma(k) == "to") {
			return -1
		}
	}
	return h
}

// accordingTo reports whether phrase i is introduced by "according to".
func (s *sentence) accordingTo(i int) bool {
	for _, k := range s.kids[i] {
		if s.toks[k].Deprel == "case" {
			return lower(s.toks[k].Form) == "according"
		}
	}
	return false
}

// quantityNouns head a phrase whose real content is its of-complement
// ("dozens of rounds", "a barrage of rockets").
var quantityNouns = map[string]bool{
	"dozen": true, "dozens": true, "hundred": true, "hundreds": true, "thousand": true, "thousands": true,
	"barrage": true, "volley": true, "hail": true, "series": true, "number": true, "couple": true,
	"wave": true, "string": true, "lot": true, "lots": true, "salvo": true, "round": true, "rounds": true,
	"batch": true, "shipment": true, "consignment": true, "ton": true, "tons": true, "tonne": true, "tonnes": true,
	"worth": true, "million": true, "billion": true, "amount": true, "load": true, "truckload": true, "truckloads": true,
	"package": true, "set": true, "raft": true, "slew": true, "tranche": true, "list": true, "range": true,
}

// objectWords returns the words an obj= condition may match for object k:
// k itself and, for a quantity noun, its of-complements (two levels).
func (s *sentence) objectWords(k int) []int {
	out := []int{k}
	cur := k
	for depth := 0; depth < 2 && quantityNouns[s.lemma(cur)]; depth++ {
		next := -1
		for _, c := range s.kidsRel(cur, "nmod") {
			if s.caseOf(c) == "of" {
				next = c
				break
			}
		}
		if next < 0 {
			break
		}
		out = append(out, next)
		cur = next
	}
	return out
}

// compassWords stand for a country named after them once the document has
// mentioned it ("the South" after "South Korea").
var compassWords = map[string]bool{"north": true, "south": true, "east": true, "west": true}

// resolveCompass maps "the South"/"the north" to the most recent country
// actor whose name starts with that word.
func (s *sentence) resolveCompass(i int) []arg {
	l := s.lemma(i)
	if !compassWords[l] || !s.hasKid(i, "det", "the") {
		return nil
	}
	for _, k := range s.kids[i] {
		switch s.toks[k].Deprel {
		case "det", "punct", "case", "cc", "conj":
		default:
			return nil // "the south of the country", "the South China Sea"
		}
	}
	var out []arg
	s.candidates(i, func(a arg, _ string, _ bool) bool {
		if !isCountryCode(a.code) || isPersonArg(a) {
			return false
		}
		if !strings.HasPrefix(lower(a.text), l+" ") {
			return false
		}
		b := a
		b.code = a.code[:3]
		out = []arg{b}
		return true
	})
	return out
}

// dropSubsumed removes an event that repeats another event of the same
// sentence and root with one participant less: "X retaliated by firing at
// Y" is one act X -> Y, not also X -> (nobody).
func dropSubsumed(evs []doc.Event) []doc.Event {
	key := func(p *doc.Participant) string {
		if p == nil {
			return ""
		}
		return string(p.Actor) + "/" + p.Entity + "/" + p.Text
	}
	drop := make([]bool, len(evs))
	for i := range evs {
		e := &evs[i]
		if e.Source != nil && e.Target != nil {
			continue
		}
		for j := range evs {
			f := &evs[j]
			if i == j || drop[j] || f.Root != e.Root || f.Negated != e.Negated || f.Source == nil || f.Target == nil {
				continue
			}
			if e.Source != nil && key(e.Source) == key(f.Source) || e.Target != nil && key(e.Target) == key(f.Target) {
				drop[i] = true
				break
			}
		}
	}
	out := evs[:0]
	for i := range evs {
		if !drop[i] {
			out = append(out, evs[i])
		}
	}
	return out
}

// refusalVerbs make a negated cooperative act in their xcomp a rejection
// ("refused to lift the ban", "failed to reach agreement").
var refusalVerbs = map[string]bool{"refuse": true, "decline": true, "reject": true, "fail": true}

// refusal reports whether the (negated) act at trigger t is refused rather
// than merely not done: it is the xcomp of refuse/decline/fail, or its
// clause is negated with will/would ("will not lift the ban").
func (s *sentence) refusal(t int, kind Kind) bool {
	v := t
	if kind == NounTrigger {
		h := s.head(t)
		if h >= 0 && refusalVerbs[s.lemma(h)] && s.rel(t) == "obj" && !s.clauseNeg(h) {
			return true // "refused direct talks with the government"
		}
		if h < 0 || !lightVerbs[s.lemma(h)] {
			return false
		}
		v = h
	}
	cur := v
	for n := 0; n < 6; n++ {
		if s.clauseNeg(cur) {
			for _, k := range s.kids[cur] {
				if s.toks[k].Deprel != "aux" {
					continue
				}
				switch s.lemma(k) {
				case "will", "would", "wo", "'ll", "shall":
					return true
				}
			}
		}
		h := s.head(cur)
		if h < 0 || s.rel(cur) != "xcomp" {
			return false
		}
		if refusalVerbs[s.lemma(h)] && !s.clauseNeg(h) {
			return true
		}
		cur = h
	}
	return false
}

// rejectCode maps a refused cooperative act to its CAMEO rejection:
// "will not lift the ban" -> 1241, "refused to meet" -> 125.
func rejectCode(code cameo.EventCode) cameo.EventCode {
	c := string(code)
	switch {
	case c == "036" || strings.HasPrefix(c, "04"):
		return "125"
	case c == "057":
		return "127"
	case strings.HasPrefix(c, "03"), strings.HasPrefix(c, "05"):
		return "120"
	case c == "061":
		return "1211"
	case c == "062":
		return "1212"
	case strings.HasPrefix(c, "06"):
		return "121"
	case c == "071":
		return "1221"
	case c == "072":
		return "1222"
	case c == "073":
		return "1223"
	case c == "074":
		return "1224"
	case strings.HasPrefix(c, "07"):
		return "122"
	case strings.HasPrefix(c, "081"):
		return "1241"
	case c == "082":
		return "1242"
	case strings.HasPrefix(c, "083"):
		return "123"
	case strings.HasPrefix(c, "084"):
		return "1243"
	case c == "085":
		return "1244"
	case strings.HasPrefix(c, "086"):
		return "1245"
	case strings.HasPrefix(c, "087"):
		return "1246"
	case strings.HasPrefix(c, "08"):
		return "124"
	}
	return code
}

// noteDyads remembers the conflict dyads (roots 13-20 but 14, between two
// countries) of a coded sentence, most recent last.
func (m *memory) noteDyads(evs []doc.Event) {
	if m == nil {
		return
	}
	for i := range evs {
		e := &evs[i]
		if e.Root < "13" || e.Root == "14" || e.Negated || e.Source == nil || e.Target == nil {
			continue
		}
		a, b := e.Source.Actor, e.Target.Actor
		if !isCountryCode(a) || !isCountryCode(b) || a[:3] == b[:3] {
			continue
		}
		m.dyads = append(m.dyads, [2]cameo.ActorCode{a[:3], b[:3]})
	}
	if len(m.dyads) > 16 {
		m.dyads = append(m.dyads[:0], m.dyads[len(m.dyads)-16:]...)
	}
}

// opponent returns the country the document last showed in conflict with
// country src ("it would attack any loudspeakers" after an exchange of
// fire between North and South Korea -> South Korea), "" when none.
func (m *memory) opponent(src cameo.ActorCode) cameo.ActorCode {
	if m == nil || len(src) < 3 {
		return ""
	}
	for k := len(m.dyads) - 1; k >= 0; k-- {
		d := m.dyads[k]
		switch src[:3] {
		case d[0]:
			return d[1]
		case d[1]:
			return d[0]
		}
	}
	return ""
}

// opponentTargets fills an uncoded conflict target ("any loudspeakers",
// "the positions") with the source's remembered opponent country.
func (s *sentence) opponentTargets(p *Pattern, srcs, tgts []arg, slot int) []arg {
	if len(tgts) > 0 || slot < 0 || p.Code < "13" || p.Code[:2] == "14" || len(srcs) != 1 || !isCountryCode(srcs[0].code) {
		return tgts
	}
	o := s.mem.opponent(srcs[0].code)
	if o == "" {
		return tgts
	}
	t := &s.toks[slot]
	if t.UPOS == "PROPN" || t.UPOS == "PRON" {
		return tgts // a name or pronoun of its own is not the opponent
	}
	lo, hi := s.subtreeRange(slot)
	for lo < slot && (s.toks[lo].UPOS == "ADP" || s.toks[lo].UPOS == "PUNCT") {
		lo++
	}
	if hi-lo > 6 {
		lo, hi = slot, slot
	}
	sp := s.tokSpan(lo, hi)
	return []arg{{tok: slot, span: sp, text: s.textOf(sp), code: o, named: true, cert: 0.4, via: "opponent"}}
}

// firstSlot returns the head token of the first role of roles that holds
// an argument (with or without an actor), -1 when none does.
func (s *sentence) firstSlot(t int, roles []Role, kind Kind, passive bool, consumed int) int {
	for _, r := range roles {
		if r == RoleMod || r == RolePoss {
			continue
		}
		for _, x := range s.roleTokens(t, r, kind, passive, consumed) {
			if x != t {
				return x
			}
		}
	}
	return -1
}

// dropWeak removes, from a sentence that has a strong event (both
// participants with full actor codes), the events none of whose
// participants has a full actor code ("- -> migrants[REF]"), and an event
// that repeats another event of the same trigger and root with a bare role
// ("Secretary of State[GOV]") where the other has the full actor of the
// same participant ("John Kerry[USAGOV]", an apposition).
func dropWeak(evs []doc.Event) []doc.Event {
	full := func(p *doc.Participant) bool { return p != nil && p.Actor != "" && !agentOnly(p.Actor) }
	strong := false
	for i := range evs {
		if full(evs[i].Source) && full(evs[i].Target) {
			strong = true
		}
	}
	same := func(a, b *doc.Participant) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return a.Actor == b.Actor && a.Text == b.Text
	}
	// a bare role is covered by a full code ending in the same role
	covers := func(bare, fullp *doc.Participant) bool {
		return bare != nil && fullp != nil && bare.Actor != "" && agentOnly(bare.Actor) && full(fullp) &&
			strings.HasSuffix(string(fullp.Actor), string(bare.Actor))
	}
	drop := make([]bool, len(evs))
	for i := range evs {
		e := &evs[i]
		if strong && !full(e.Source) && !full(e.Target) {
			drop[i] = true
			continue
		}
		for j := range evs {
			f := &evs[j]
			if i == j || drop[j] || f.Trigger != e.Trigger || f.Root != e.Root {
				continue
			}
			if covers(e.Source, f.Source) && same(e.Target, f.Target) || covers(e.Target, f.Target) && same(e.Source, f.Source) {
				drop[i] = true
				break
			}
		}
	}
	out := evs[:0]
	for i := range evs {
		if !drop[i] {
			out = append(out, evs[i])
		}
	}
	return out
}

// insurgent reports whether code names an armed or political challenger
// of its state (rebels, insurgents, separatists, opposition).
func insurgent(code cameo.ActorCode) bool {
	c := string(code)
	for i := 3; i+3 <= len(c); i += 3 {
		switch c[i : i+3] {
		case "REB", "INS", "SEP", "OPP":
			return true
		}
	}
	return false
}

// ownerOf returns the full-coded owner of noun n ("Chad's diplomats", "the
// diplomats of Chad") unless it is one of the sources, else nil.
func (s *sentence) ownerOf(n int, srcs []arg) []arg {
	for _, k := range s.kids[n] {
		switch {
		case s.toks[k].Deprel == "nmod:poss", s.rel(k) == "nmod" && (s.caseOf(k) == "of" || s.caseOf(k) == "from"):
		case s.toks[k].Deprel == "amod" || s.toks[k].Deprel == "compound":
			// "expelled two British diplomats": the country the noun's
			// modifier names
			if a, ok := s.actorArg(k, "modifier", 0.8); !ok || !isCountryCode(a.code) {
				continue
			}
		default:
			continue
		}
		a, ok := s.actorArg(k, "modifier", 0.8)
		if !ok && s.toks[k].UPOS == "PROPN" {
			// "the town of Bunia": a place the geocoder knows
			lo, hi := s.nameSpan(k)
			sp := s.tokSpan(lo, hi)
			if c := s.placeCountry(sp); c != "" {
				a, ok = arg{tok: k, span: sp, text: s.textOf(sp), code: c, named: true, cert: 0.6, via: "place"}, true
			}
		}
		if !ok || a.code == "" || agentOnly(a.code) {
			continue
		}
		for _, x := range srcs {
			// an owner of the source's own country is no target, unless
			// the source fights its state ("rebels seized the town of X")
			if x.key() == a.key() || len(x.code) >= 3 && len(a.code) >= 3 && x.code[:3] == a.code[:3] && !insurgent(x.code) {
				return nil
			}
		}
		return []arg{a}
	}
	return nil
}

// mustPattern codes a reported obligation as a demand: "X said the
// government must ensure security" -> X demands of the government (100).
var mustPattern = &Pattern{Kind: VerbTrigger, Code: "100", Conf: 0.5, Name: "derived",
	Text: "speech verb + complement clause with must -> 100 from the speaker to the clause subject"}

// mustDemands returns the demands of speech verbs whose complement clause
// carries "must" (or "has to"/"needs to" is left to the patterns).
func (s *sentence) mustDemands() []candidate {
	var out []candidate
	for c := range s.toks {
		if s.rel(c) != "ccomp" || !s.hasKid(c, "aux", "must") {
			continue
		}
		h := s.head(c)
		if h < 0 || !speechVerbs[s.lemma(h)] {
			continue
		}
		speakers := s.argsFor(h, []Role{RoleSubj}, VerbTrigger, s.isPassive(h), -1)
		var addressees []arg
		for _, k := range s.expandConj(s.kidsRel(c, "nsubj", "nsubj:pass")) {
			addressees = append(addressees, s.resolve(k)...)
		}
		for i := range speakers {
			if len(addressees) == 0 {
				out = append(out, candidate{p: mustPattern, trigger: h, src: &speakers[i]})
				continue
			}
			for j := range addressees {
				if speakers[i].key() != addressees[j].key() && needsMet(NeedOne, &speakers[i], &addressees[j]) {
					out = append(out, candidate{p: mustPattern, trigger: h, src: &speakers[i], tgt: &addressees[j]})
				}
			}
		}
	}
	return out
}
