package coder

import (
	"math"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/resolve"
)

// speechVerbs introduce reported content.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "claim": true, "report": true, "allege": true, "state": true,
	"announce": true, "add": true, "insist": true, "declare": true, "write": true, "note": true,
	"reiterate": true, "confirm": true, "believe": true, "think": true, "argue": true,
	"suggest": true, "explain": true, "assert": true, "maintain": true, "stress": true,
	"quote": true, "reveal": true, "acknowledge": true, "admit": true, "predict": true,
}

// intentVerbs make their xcomp an intention ("pledged to help").
var intentVerbs = map[string]bool{
	"pledge": true, "promise": true, "vow": true, "plan": true, "intend": true, "want": true,
	"seek": true, "aim": true, "threaten": true, "agree": true, "decide": true, "prepare": true,
	"hope": true, "expect": true, "try": true, "offer": true, "propose": true, "ready": true,
	"vote": true, "wish": true, "attempt": true, "resolve": true, "commit": true, "consider": true,
	"go": true, "pressure": true, "urge": true, "ask": true, "call": true, "demand": true, "order": true,
	"tell": true, "warn": true, "need": true, "encourage": true, "request": true, "prepared": true,
}

// negVerbs negate their xcomp ("refused to meet", "failed to agree").
var negVerbs = map[string]bool{
	"refuse": true, "decline": true, "fail": true, "reject": true, "deny": true, "avoid": true,
	"stop": true, "cease": true, "halt": true, "abandon": true, "forbid": true, "prevent": true,
}

var negWords = map[string]bool{"not": true, "n't": true, "never": true, "no": true, "neither": true, "nor": true}

var negSubjects = map[string]bool{"neither": true, "none": true, "nobody": true, "no-one": true, "nothing": true}

// candidate is one coded event before attributes are attached.
type candidate struct {
	p       *Pattern
	trigger int
	src     *arg
	tgt     *arg
}

func (c *Coder) codeSentence(s *sentence) []doc.Event {
	var evs []doc.Event
	for t := range s.toks {
		pool := c.pool(s, t)
		if len(pool) == 0 {
			continue
		}
		if pool[0].Kind == NounTrigger && (!s.nominalEventOK(t) || s.failedNominal(t)) {
			continue
		}
		if pool[0].Kind == VerbTrigger && s.describesEventNoun(t) {
			continue
		}
		if s.inPretext(t) {
			continue
		}
		if pool[0].Kind == VerbTrigger && (s.isQuestion(t) || s.counterfactual(t)) {
			continue // "would they have struck an American?" reports no event
		}
		if pool[0].Kind == VerbTrigger && s.objectSaysNoEvent(t) {
			continue // "funding to fight the Ebola epidemic" is no fighting
		}
		cands := c.bestMatch(s, t, pool)
		for _, cd := range cands {
			evs = append(evs, c.makeEvent(s, cd))
		}
		for _, cd := range s.accusations(t, cands) {
			evs = append(evs, c.makeEvent(s, cd))
		}
	}
	for _, cd := range s.deservedPunishment() {
		evs = append(evs, c.makeEvent(s, cd))
	}
	for _, cd := range s.claimedAccusations() {
		evs = append(evs, c.makeEvent(s, cd))
	}
	for _, cd := range c.evaluations(s) {
		evs = append(evs, c.makeEvent(s, cd))
	}
	for _, cd := range s.mustDemands() {
		if cd.src != nil && cd.src.identified() {
			evs = append(evs, c.makeEvent(s, cd))
		}
	}
	s.selfTargets(evs)
	evs = s.killedIn(evs)
	evs = s.sanctionScope(evs)
	evs = dedupe(evs)
	evs = dropSubsumed(evs)
	evs = dropWeak(evs)
	evs = dropUncodedExtras(evs)
	evs = dropUncodedConjuncts(evs)
	evs = dropCodeDuplicates(evs)
	evs = dropOverlapping(evs)
	evs = s.dropBackground(evs)
	defer s.mem.noteDyads(evs)
	if c.maxSent > 0 && len(evs) > c.maxSent {
		evs = capEvents(evs, c.maxSent)
	}
	return evs
}

// killedIn folds "four children were killed in Israeli tank shelling"
// into one event: the killing is the outcome of the attack its in-phrase
// names, so the attack event (194, from the noun) takes the victims as its
// target when it has none, and the killed count, and the kill event goes.
func (s *sentence) killedIn(evs []doc.Event) []doc.Event {
	drop := make([]bool, len(evs))
	for i := range evs {
		e := &evs[i]
		t := s.tokenAt(e.Trigger)
		if t < 0 || e.Root != "18" || s.lemma(t) != "kill" || !s.isPassive(t) || e.Negated {
			continue
		}
		for _, x := range s.prepArgs(t, "in") {
			for j := range evs {
				f := &evs[j]
				if j == i || drop[j] || f.Trigger != s.toks[x].Span || f.Root < "18" || f.Negated {
					continue
				}
				if f.Target == nil {
					f.Target = e.Target
				}
				if f.Killed == nil {
					f.Killed = e.Killed
				}
				drop[i] = true
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

// sanctionScope drops the "attack" of a participle that only says what a
// sanction hits: "approved sanctions against Russia, targeting 74 oil
// tankers" is one sanctions event, nothing fired at the tankers.
func (s *sentence) sanctionScope(evs []doc.Event) []doc.Event {
	out := evs[:0]
	for i := range evs {
		e := &evs[i]
		if t := s.tokenAt(e.Trigger); t >= 0 && e.Root >= "18" && (s.lemma(t) == "target" || s.lemma(t) == "hit") &&
			(s.rel(t) == "advcl" || s.rel(t) == "acl") && s.head(t) >= 0 {
			h := s.toks[s.head(t)].Span
			sanction := false
			for j := range evs {
				if evs[j].Root == "16" && (evs[j].Trigger == h || s.tokenAt(evs[j].Trigger) >= 0 && s.head(s.tokenAt(evs[j].Trigger)) == s.head(t)) {
					sanction = true
				}
			}
			if sanction {
				continue
			}
		}
		out = append(out, *e)
	}
	return out
}

// problemNouns are things one fights, combats or tackles without any
// party on the other side.
var problemNouns = map[string]bool{
	"epidemic": true, "pandemic": true, "disease": true, "diseases": true, "virus": true, "outbreak": true,
	"ebola": true, "malaria": true, "cholera": true, "covid": true, "covid-19": true, "polio": true, "measles": true,
	"poverty": true, "hunger": true, "famine": true, "malnutrition": true, "corruption": true, "inflation": true,
	"fire": true, "fires": true, "wildfire": true, "wildfires": true, "blaze": true, "flood": true, "floods": true,
	"drought": true, "climate": true, "change": true, "pollution": true, "unemployment": true, "illiteracy": true,
	"crime": true, "addiction": true, "cancer": true, "hiv": true, "aids": true, "tuberculosis": true, "locusts": true,
}

// noEvent are verbs whose object says the act is none of the coded kind:
// fighting a problem, not a party ("to fight the Ebola epidemic");
// dismissing an office holder, a personnel change ("dismissed the army
// chief"), not a rejection or an attack.
var noEvent = []struct{ verbs, objects map[string]bool }{
	{map[string]bool{"fight": true, "combat": true, "tackle": true, "battle": true, "beat": true, "defeat": true, "eradicate": true, "attack": true}, problemNouns},
	{map[string]bool{"dismiss": true, "sack": true, "fire": true, "remove": true, "oust": true, "replace": true, "suspend": true}, officeNouns},
}

// objectSaysNoEvent reports whether verb t and its object are a noEvent pair.
func (s *sentence) objectSaysNoEvent(t int) bool {
	for _, ne := range noEvent {
		if !ne.verbs[s.lemma(t)] {
			continue
		}
		for _, o := range s.kidsRel(t, "obj") {
			if ne.objects[s.lemma(o)] || ne.objects[lower(s.toks[o].Form)] {
				return true
			}
		}
	}
	return false
}

// currencySigns stand for an amount of money as a verb's object.
var currencySigns = map[string]bool{"$": true, "€": true, "£": true, "¥": true, "us$": true}

// failVerbs say their subject came to an end.
var failVerbs = map[string]bool{
	"collapse": true, "fail": true, "falter": true, "crumble": true, "expire": true, "lapse": true,
	"unravel": true, "stall": true, "founder": true, "end": true,
}

// failedNominal reports whether nominal event t is the subject of a verb
// saying it ended ("the ceasefire collapsed", "talks stalled"): that is
// no new ceasefire or talks.
func (s *sentence) failedNominal(t int) bool {
	h := s.head(t)
	if h < 0 || s.rel(t) != "nsubj" {
		return false
	}
	if failVerbs[s.lemma(h)] {
		return true
	}
	return s.lemma(h) == "break" && s.hasKid(h, "compound:prt", "down") // "talks broke down"
}

// officeNouns name an office holder.
var officeNouns = map[string]bool{
	"chief": true, "commander": true, "minister": true, "general": true, "head": true, "governor": true,
	"director": true, "official": true, "officials": true, "officer": true, "officers": true, "secretary": true,
	"adviser": true, "advisor": true, "spokesman": true, "spokeswoman": true, "judge": true, "prosecutor": true,
	"coach": true, "manager": true, "deputy": true, "cabinet": true, "ministers": true, "governors": true,
}

// hyphenForm returns the hyphenated word the tokenizer split ending at
// token t ("cease", "-", "fire" -> "cease-fire"), "" when t ends none.
func (s *sentence) hyphenForm(t int) string {
	if t < 2 || s.toks[t-1].Form != "-" || s.toks[t-2].End != s.toks[t-1].Start || s.toks[t-1].End != s.toks[t].Start {
		return ""
	}
	return lower(s.toks[t-2].Form) + "-" + lower(s.toks[t].Form)
}

// capEvents keeps a sentence's max most confident events; the mirror of a
// kept mutual event ("X and Y met" coded both ways, same trigger and code)
// comes with it and does not count.
func capEvents(evs []doc.Event, max int) []doc.Event {
	sort.SliceStable(evs, func(i, j int) bool { return evs[i].Confidence > evs[j].Confidence })
	code := func(p *doc.Participant) cameo.ActorCode {
		if p == nil {
			return ""
		}
		return p.Actor
	}
	mirror := func(a, b *doc.Event) bool {
		return a.Trigger == b.Trigger && a.Code == b.Code && code(a.Source) == code(b.Target) && code(a.Target) == code(b.Source)
	}
	var out []doc.Event
	n := 0
	for i := range evs {
		counted := true
		for j := range out {
			if mirror(&evs[i], &out[j]) {
				counted = false
				break
			}
		}
		if counted {
			if n == max {
				continue
			}
			n++
		}
		out = append(out, evs[i])
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Trigger.Start < out[j].Trigger.Start })
	return out
}

// pool returns the patterns whose trigger is token t.
func (c *Coder) pool(s *sentence, t int) []*Pattern {
	tok := &s.toks[t]
	var pool []*Pattern
	switch tok.UPOS {
	case "VERB":
		pool = c.verbs[s.lemma(t)]
		if pool == nil {
			pool = c.verbByForm(lower(tok.Form))
		}
	case "NOUN", "PROPN":
		pool = c.nouns[s.lemma(t)]
		if pool == nil {
			pool = c.nouns[lower(tok.Form)]
		}
		if pool == nil {
			if h := s.hyphenForm(t); h != "" {
				pool = c.nouns[h] // "cease - fire" as the tokenizer splits it
			}
		}
	case "ADJ":
		pool = c.adjs[s.lemma(t)]
	}
	return pool
}

// bestMatch tries the patterns for trigger t, most specific first, and
// returns the events of the first that matches (among equally specific
// patterns, one that finds a target wins).
func (c *Coder) bestMatch(s *sentence, t int, pool []*Pattern) []candidate {
	var fallback []candidate
	level := -1
	heldRoot, heldLevel := "", -1
	for _, p := range pool {
		if level >= 0 && p.nConds < level {
			break
		}
		if heldLevel > 0 && p.nConds < heldLevel && string(p.Code[:2]) != heldRoot {
			// a more specific construction was recognized ("declined to
			// comment") but its participants did not qualify: a generic
			// pattern of another root ("decline" -> 120) would miscode it
			continue
		}
		consumed, ok := s.conditions(t, p)
		if !ok {
			continue
		}
		if heldLevel < 0 {
			heldRoot, heldLevel = string(p.Code[:2]), p.nConds
		}
		cands := s.extract(t, p, consumed)
		if len(cands) == 0 {
			continue
		}
		hasTarget := false
		for _, cd := range cands {
			if cd.tgt != nil {
				hasTarget = true
			}
		}
		if hasTarget {
			return cands
		}
		if fallback == nil {
			fallback = cands
			level = p.nConds
		}
	}
	return fallback
}

// conditions checks a pattern's conditions at trigger t and returns the
// token its obj= condition consumed (-1 when none).
func (s *sentence) conditions(t int, p *Pattern) (int, bool) {
	consumed := -1
	if p.Prt != "" {
		ok := false
		for _, k := range s.kids[t] {
			r := s.toks[k].Deprel
			if (r == "compound:prt" || r == "advmod" || r == "obl" && len(s.kids[k]) == 0) && s.lemma(k) == p.Prt {
				ok = true
			}
		}
		if !ok {
			return -1, false
		}
	}
	if len(p.Obj) == 1 && p.Obj[0] == "-" {
		// obj=-: an intransitive use ("workers struck", not "struck a base")
		if len(s.kidsRel(t, "obj")) > 0 || p.Kind == VerbTrigger && s.isPassive(t) {
			return -1, false
		}
	} else if len(p.Obj) > 0 {
		ok := false
		rels := []string{"obj"}
		if s.isPassive(t) {
			rels = []string{"nsubj:pass"}
		}
		if p.Kind == NounTrigger {
			rels = []string{"nmod"}
		}
	objs:
		for _, k := range s.kidsRel(t, rels...) {
			for _, w := range s.objectWords(k) {
				f := lower(s.toks[w].Form)
				// a plural the lemmatizer kept ("troops") matches its
				// singular; a word the tokenizer split at its hyphen
				// ("cease - fire") matches whole
				if inList(s.lemma(w), p.Obj) || inList(f, p.Obj) || len(f) > 3 && strings.HasSuffix(f, "s") && inList(f[:len(f)-1], p.Obj) || inList(s.hyphenForm(w), p.Obj) ||
					currencySigns[f] && inList("money", p.Obj) { // "gave $ 2 million"
					ok, consumed = true, k
					break objs
				}
			}
		}
		if !ok {
			return -1, false
		}
	}
	if p.Prep != "" && len(s.roleTokens(t, Role(p.Prep), p.Kind, false, consumed)) == 0 {
		return -1, false
	}
	if p.Case != "" && s.caseOf(t) != p.Case {
		return -1, false
	}
	if len(p.Dep) > 0 && !s.hasDescendant(t, p.Dep, 2) {
		return -1, false
	}
	if len(p.Subj) > 0 {
		ok := false
		for _, k := range s.roleTokens(t, RoleSubj, p.Kind, p.Kind == VerbTrigger && s.isPassive(t), -1) {
			if inList(s.lemma(k), p.Subj) || inList(lower(s.toks[k].Form), p.Subj) {
				ok = true
			}
		}
		if !ok {
			return -1, false
		}
	}
	if len(p.XComp) > 0 {
		ok := false
		for _, k := range s.kidsRel(t, "xcomp", "ccomp") {
			if inList(s.lemma(k), p.XComp) {
				ok = true
			}
		}
		if !ok {
			return -1, false
		}
	}
	return consumed, true
}

func (s *sentence) hasDescendant(t int, words []string, depth int) bool {
	if depth == 0 {
		return false
	}
	for _, k := range s.kids[t] {
		if inList(s.lemma(k), words) || inList(lower(s.toks[k].Form), words) {
			return true
		}
		if s.hasDescendant(k, words, depth-1) {
			return true
		}
	}
	return false
}

func inList(w string, ws []string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}

// argsFor resolves the first role in roles that yields identified actors.
func (s *sentence) argsFor(t int, roles []Role, kind Kind, passive bool, consumed int) []arg {
	var weak []arg
	for _, r := range roles {
		toks := s.roleTokens(t, r, kind, passive, consumed)
		if len(toks) == 0 {
			continue
		}
		toks = s.expandConj(toks)
		var as []arg
		for _, x := range toks {
			if x == t {
				continue
			}
			as = append(as, s.resolve(x)...)
		}
		if len(as) > 0 {
			return uniq(as)
		}
		if weak == nil && r != RoleMod && r != RolePoss {
			weak = []arg{} // the slot exists but holds no actor ("some officials")
		}
	}
	return weak
}

func uniq(as []arg) []arg {
	out := as[:0:0]
	seen := map[string]bool{}
	for _, a := range as {
		if k := a.key(); !seen[k] {
			seen[k] = true
			out = append(out, a)
		}
	}
	return out
}

// extract builds the participant pairs of pattern p at trigger t.
func (s *sentence) extract(t int, p *Pattern, consumed int) []candidate {
	passive := p.Kind == VerbTrigger && s.isPassive(t)
	srcs := s.argsFor(t, p.Source, p.Kind, passive, consumed)
	if passive && len(srcs) == 0 && p.Code >= "18" {
		// "were killed in Israeli shelling": the violent event named in an
		// in-phrase stands for the perpetrator
		for _, x := range s.prepArgs(t, "in") {
			if s.eventNouns[s.lemma(x)] || s.eventNouns[lower(s.toks[x].Form)] {
				srcs = append(srcs, s.resolve(x)...)
			}
		}
	}
	if passive && len(srcs) == 0 && consumed >= 0 && p.Code < "16" {
		// "the country's military has been placed on alert": with no
		// by-agent, the owner of the consumed object acts - not when it
		// suffers the act ("their computers seized")
		srcs = s.resolve(consumed)
	}
	tgts := s.argsFor(t, p.Target, p.Kind, passive, consumed)
	if len(tgts) == 0 && consumed >= 0 && p.Kind == VerbTrigger {
		// "expelled the diplomats of Chad": the owner of the consumed object
		tgts = s.ownerOf(consumed, srcs)
	}
	if tgts != nil && len(tgts) == 0 {
		tgts = s.opponentTargets(p, srcs, tgts, s.firstSlot(t, p.Target, p.Kind, passive, consumed))
	}
	// a target that is also a source is not a target ("X and Y met")
	if len(srcs) > 0 && len(tgts) > 0 && !(len(srcs) >= 2 && s.reciprocal(t, p, consumed)) {
		tgts = without(tgts, srcs)
	}
	const maxSide = 3
	if len(srcs) > maxSide {
		srcs = srcs[:maxSide]
	}
	if len(tgts) > maxSide {
		tgts = tgts[:maxSide]
	}
	recip := len(srcs) >= 2 && s.reciprocal(t, p, consumed) && (len(tgts) == 0 || len(without(tgts, srcs)) == 0)
	var out []candidate
	add := func(a, b *arg) {
		if a != nil && b != nil && a.key() == b.key() {
			return
		}
		if !needsMet(p.Needs, a, b) {
			return
		}
		// cooperation between private parties (no actor code on either
		// side) is not coded; conflictual acts (roots 09-20) are
		// statements (root 01: declining comment, denying charges) by a
		// named party are coded even without an actor code
		if p.Code < "09" && !(p.Code < "02" && a != nil && a.named) && !(a != nil && a.code != "" && !agentOnly(a.code) || b != nil && b.code != "" && !agentOnly(b.code)) {
			return
		}
		// a nominal cooperative act needs its actor: "support for the
		// rebels" alone says nothing about who supports them
		if p.Code < "09" && (p.Kind == NounTrigger || p.Code >= "03") && (a == nil || !a.identified()) {
			return
		}
		out = append(out, candidate{p: p, trigger: t, src: a, tgt: b})
	}
	switch {
	case recip:
		// "X and Y pledged their solidarity", "X and Y accused each
		// other": the act goes both ways
		for i := range srcs {
			for j := range srcs {
				if i != j {
					add(&srcs[i], &srcs[j])
				}
			}
		}
	case p.Mutual && len(tgts) == 0 && len(srcs) >= 2:
		for i := 0; i < len(srcs); i++ {
			for j := i + 1; j < len(srcs); j++ {
				add(&srcs[i], &srcs[j])
				if p.Both {
					add(&srcs[j], &srcs[i])
				}
			}
		}
	case p.Mutual && len(srcs) == 0 && len(tgts) >= 2:
		for i := 0; i < len(tgts); i++ {
			for j := i + 1; j < len(tgts); j++ {
				add(&tgts[i], &tgts[j])
			}
		}
	case len(srcs) == 0 && len(tgts) == 0:
	case len(srcs) == 0:
		for j := range tgts {
			add(nil, &tgts[j])
		}
	case len(tgts) == 0:
		for i := range srcs {
			add(&srcs[i], nil)
		}
	default:
		for i := range srcs {
			for j := range tgts {
				add(&srcs[i], &tgts[j])
			}
		}
	}
	return out
}

func without(as, bs []arg) []arg {
	out := as[:0:0]
	for _, a := range as {
		dup := false
		for _, b := range bs {
			if a.key() == b.key() {
				dup = true
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	return out
}

// needsMet applies the pattern's participant requirement and the general
// rule that an event needs an actor with a code, or a named actor.
func needsMet(n Need, a, b *arg) bool {
	ida := a != nil && a.identified()
	idb := b != nil && b.identified()
	switch n {
	case NeedBoth:
		if !ida || !idb {
			return false
		}
	case NeedSource:
		if !ida {
			return false
		}
	case NeedTarget:
		if !idb {
			return false
		}
	default:
		if !ida && !idb {
			return false
		}
	}
	return true
}

// makeEvent attaches codes, modality, negation and attributes.
func (c *Coder) makeEvent(s *sentence, cd candidate) doc.Event {
	p := cd.p
	t := cd.trigger
	e := doc.Event{Sentence: s.idx, Span: s.span(), Trigger: s.toks[t].Span, Pattern: p.Name + " " + p.Text}
	if cd.src != nil {
		e.Source = cd.src.participant()
	}
	if cd.tgt != nil {
		e.Target = cd.tgt.participant()
	}
	s.qualifyBareRoles(e.Source, e.Target)
	neg, mod := s.modality(t, p.Kind)
	if p.Name == "evaluative" {
		// the speaking is the act: "X said Y is the aggressor" is X's
		// asserted disapproval (negated predicates were not coded)
		neg, mod = false, doc.Asserted
	}
	e.Negated = neg
	e.Modality = mod
	code := p.Code
	if neg && code >= "03" && code < "09" && s.refusal(t, p.Kind) {
		// "will not lift the ban", "refused to meet": a rejection, asserted
		code, neg, e.Negated = rejectCode(code), false, false
		if mod == doc.Intended {
			mod = doc.Asserted
		}
		e.Modality = mod
	} else if mod == doc.Intended || mod == doc.Conditional {
		code = intentCode(code, mod)
	}
	e.Code = code
	if info, ok := cameo.Lookup(code); ok {
		e.Root = info.Root
		e.QuadClass = info.Quad
		e.Goldstein = info.Goldstein
		e.PLOVER = info.PLOVER
		e.PLOVERMode = info.PLOVERMode
	} else {
		e.Root = cameo.Root(code[:2])
	}
	lo, hi := s.subtreeRange(t)
	if p.Kind == VerbTrigger {
		lo, hi = t, t // a clause's subtree is most of the sentence: nearest wins
	}
	scope := s.tokSpan(lo, hi)
	s.attachDate(&e, scope)
	s.attachPlace(&e, scope, cd)
	s.attachCounts(&e, scope)
	// confidence: pattern specificity x actor certainty
	spec := p.Conf + 0.05*float64(p.nConds)
	if spec > 1 {
		spec = 1
	}
	cs, ct := 0.6, 0.6
	if cd.src != nil {
		cs = cd.src.cert
	}
	if cd.tgt != nil {
		ct = cd.tgt.cert
	}
	e.Confidence = round2(spec * (cs + ct) / 2)
	return e
}

// qualifyBareRoles gives participants coded with a bare role ("police" ->
// COP) the document's main country, when neither the sentence nor the
// other participant names another country: "Police arrested two men" in a
// British story -> GBRCOP.
func (s *sentence) qualifyBareRoles(ps ...*doc.Participant) {
	bare := false
	for _, p := range ps {
		if p != nil && resolve.IsBareRole(p.Actor) {
			bare = true
		}
	}
	if !bare {
		return
	}
	cc := s.docs.docCountry()
	if cc == "" {
		return
	}
	for _, p := range ps {
		// a role acting on the country itself is not what the text says
		// ("the government thanked China" in a Chinese story); another
		// party with a country or a role ("Russian troops attacked the
		// army", "the opposition criticised the government") leaves the
		// role the document's
		if p != nil && string(p.Actor) == cc {
			return
		}
	}
	// the country must be the document's beyond this sentence
	elsewhere := false
	for i := range s.d.Entities {
		if e := &s.d.Entities[i]; e.Sentence != s.idx && e.Actor.Country() == cc {
			elsewhere = true
			break
		}
	}
	if !elsewhere && s.docs.countryOf != nil && len(s.d.Entities) > 0 {
		return
	}
	for i := range s.matches {
		if c := s.matches[i].Code.Country(); c != "" && c != cc {
			return
		}
	}
	for _, p := range ps {
		if p != nil && resolve.IsBareRole(p.Actor) {
			p.Actor = resolve.Qualify(p.Actor, cc)
		}
	}
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// intentCode maps an intended or conditional cooperative/coercive act to
// its CAMEO intent code: "would meet" -> 036, "will attack" -> 138.
func intentCode(code cameo.EventCode, mod doc.Modality) cameo.EventCode {
	c := string(code)
	root := c[:2]
	if mod == doc.Conditional {
		switch root {
		case "18", "19", "20":
			return "138"
		}
		return code
	}
	switch root {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		switch c {
		case "061":
			return "0311"
		case "062":
			return "0312"
		case "063":
			return "0313"
		case "064":
			return "0314"
		}
		return "031"
	case "07":
		switch c {
		case "071":
			return "0331"
		case "072":
			return "0332"
		case "073":
			return "0333"
		case "074":
			return "0334"
		}
		return "033"
	case "08":
		switch {
		case strings.HasPrefix(c, "084"):
			return "0353"
		case strings.HasPrefix(c, "087"):
			return "0356"
		case c == "085":
			return "0354"
		}
		return "035"
	case "16":
		switch {
		case c == "161":
			return "1313"
		case strings.HasPrefix(c, "162"):
			return "1311"
		case c == "163":
			return "1312"
		}
		return "131"
	case "17":
		return "137"
	case "14":
		return "133"
	case "18", "20":
		return "1383"
	case "19":
		return "1384"
	}
	return code
}

// modality works out negation and modality of the event at trigger t.
func (s *sentence) modality(t int, kind Kind) (bool, doc.Modality) {
	neg := false
	mod := doc.Asserted
	rank := map[doc.Modality]int{doc.Asserted: 0, doc.Reported: 1, doc.Intended: 2, doc.Hypothetical: 3, doc.Conditional: 4}
	set := func(m doc.Modality) {
		if rank[m] > rank[mod] {
			mod = m
		}
	}
	clauseNeg := s.clauseNeg
	clauseAux := func(v int) {
		perfect := false
		for _, k := range s.kids[v] {
			if s.toks[k].Deprel == "aux" && (s.lemma(k) == "have" || s.lemma(k) == "'ve") {
				perfect = true
			}
		}
		for _, k := range s.kids[v] {
			if s.toks[k].Deprel != "aux" {
				continue
			}
			switch s.lemma(k) {
			case "will", "would", "shall", "'ll", "wo", "'d":
				if perfect && s.lemma(k) != "will" && s.lemma(k) != "'ll" && s.lemma(k) != "shall" {
					set(doc.Hypothetical) // counterfactual "would have struck"
				} else {
					set(doc.Intended)
				}
			case "may", "might", "could", "should", "can", "must":
				set(doc.Hypothetical)
			}
		}
		if s.isQuestion(v) {
			set(doc.Hypothetical)
		}
		for _, k := range s.kids[v] {
			if (s.toks[k].Deprel == "mark" || s.toks[k].Deprel == "advmod") && (s.lemma(k) == "if" || s.lemma(k) == "unless") {
				set(doc.Conditional)
			}
		}
	}
	v := t
	if kind == NounTrigger {
		// a nominal event takes polarity only from a light verb governing
		// it, or from a refusal ("refused direct talks")
		if h := s.head(t); h >= 0 && refusalVerbs[s.lemma(h)] && s.rel(t) == "obj" && !s.clauseNeg(h) {
			return true, mod
		}
		h := s.head(t)
		if h >= 0 && lightVerbs[s.lemma(h)] && (s.rel(t) == "obj" || s.rel(t) == "obl" || s.rel(t) == "xcomp") {
			v = h
		} else {
			if clauseNeg(t) {
				neg = true
			}
			return neg, mod
		}
	}
	if clauseNeg(v) || clauseNeg(t) {
		neg = true
	}
	clauseAux(v)
	// climb the clause chain
	cur := v
	for n := 0; n < 10; n++ {
		h := s.head(cur)
		if h < 0 {
			break
		}
		r := s.rel(cur)
		if r == "xcomp" && s.toks[h].UPOS == "PART" && s.head(h) >= 0 {
			// "pledged to(obl) expel(xcomp)": skip the misattached marker
			h = s.head(h)
		}
		hl := s.lemma(h)
		switch r {
		case "xcomp":
			if negVerbs[hl] {
				neg = true
			}
			if intentVerbs[hl] || s.toks[h].UPOS == "ADJ" && (hl == "ready" || hl == "willing" || hl == "prepared") {
				set(doc.Intended)
			}
			if clauseNeg(h) {
				neg = true
			}
			clauseAux(h)
		case "ccomp":
			if speechVerbs[hl] {
				set(doc.Reported)
			} else if intentVerbs[hl] {
				set(doc.Intended)
			}
			if denialVerbs[hl] {
				// "He denied that Iran had delivered weapons": the act is
				// reported as not having happened
				neg = true
				set(doc.Reported)
			}
			if clauseNeg(h) && !speechVerbs[hl] {
				neg = true
			}
			if s.hasKid(cur, "mark", "if") || s.hasKid(cur, "mark", "whether") {
				set(doc.Hypothetical)
			}
		case "advcl":
			if s.hasKid(cur, "mark", "if") || s.hasKid(cur, "mark", "unless") {
				set(doc.Conditional)
			}
			if s.hasKid(cur, "mark", "before") || s.hasKid(cur, "mark", "until") {
				set(doc.Hypothetical)
			}
			if s.hasKid(cur, "mark", "to") {
				// a purpose infinitive shares its clause's polarity and
				// mood: "would not give permission to Russia to help X"
				if clauseNeg(h) {
					neg = true
				}
				clauseAux(h)
			}
		case "conj":
			if clauseNeg(h) && !s.hasKid(cur, "nsubj", "") {
				neg = true
			}
			if !s.hasKid(cur, "aux", "") {
				clauseAux(h)
			}
		case "parataxis":
			if speechVerbs[hl] {
				set(doc.Reported)
			}
		case "acl", "advmod", "obl", "nmod", "obj", "nsubj", "root", "csubj":
			if r == "acl" && s.toks[cur].Deprel != "acl:relcl" && (intentVerbs[hl] || hl == "plan" || hl == "threat" || hl == "effort" || hl == "bid" || hl == "attempt" || hl == "proposal") {
				set(doc.Intended) // "plans to attack", "a bid to seize"
			}
			if r == "acl" && s.hasKid(cur, "mark", "of") && s.rel(h) == "obj" && s.head(h) >= 0 && accusationVerbs[s.lemma(s.head(h))] {
				set(doc.Reported) // "accused the rebels of shelling a hospital": alleged
			}
			if r == "acl" && s.rel(h) == "obj" && s.head(h) >= 0 && preventVerbs[s.lemma(s.head(h))] {
				neg = true // "blocked an EU statement criticizing China": never issued
			}
			cur = h
			continue
		}
		cur = h
	}
	// "..., X said" attached as parataxis to the clause's root
	if mod == doc.Asserted {
		root := t
		for h, n := s.head(root), 0; h >= 0 && n < len(s.toks); h, n = s.head(root), n+1 {
			root = h // bounded: a malformed parse may have a cycle
		}
		for _, k := range s.kids[root] {
			if s.rel(k) == "parataxis" && speechVerbs[s.lemma(k)] && k != t {
				set(doc.Reported)
			}
		}
		if s.hasAccordingTo() {
			set(doc.Reported)
		}
	}
	return neg, mod
}

// clauseNeg reports whether predicate v is negated: not/n't/never, or a
// negative subject (neither, none, "no X", "neither X nor Y").
func (s *sentence) clauseNeg(v int) bool {
	for _, k := range s.kids[v] {
		r := s.toks[k].Deprel
		l := s.lemma(k)
		if (r == "advmod" || r == "neg" || r == "aux" || r == "cc:preconj") && (l == "not" || l == "n't" || l == "never") {
			return true
		}
		if (r == "cc" || r == "cc:preconj") && l == "neither" && s.rel(v) == "conj" {
			return true // "..., but neither committed to ..."
		}
		if strings.HasPrefix(r, "nsubj") && negSubjects[l] {
			return true
		}
		if strings.HasPrefix(r, "nsubj") && s.hasKid(k, "det", "no") {
			return true
		}
	}
	return false
}

func (s *sentence) hasAccordingTo() bool {
	for i := 0; i+1 < len(s.toks); i++ {
		if s.lemma(i) == "accord" || lower(s.toks[i].Form) == "according" {
			if lower(s.toks[i+1].Form) == "to" {
				return true
			}
		}
	}
	return false
}

// attachDate sets the event date from the sentence's time expressions (the
// one inside the trigger's phrase, else the nearest), else the pubdate.
func (s *sentence) attachDate(e *doc.Event, scope doc.Span) {
	sp := s.span()
	best, bestDist := -1, 1<<31
	for i := range s.d.Dates {
		te := &s.d.Dates[i]
		if te.Value == "" || !sp.Contains(te.Span) || te.Duration != "" {
			continue
		}
		dist := distance(te.Span, e.Trigger)
		if scope.Contains(te.Span) {
			dist -= 1 << 20
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best >= 0 {
		e.Date = s.d.Dates[best].Value
		e.Precision = s.d.Dates[best].Precision
		if ds := s.docs; ds != nil && e.Precision == "day" {
			ds.lastDate, ds.lastPrec, ds.lastDateSent = e.Date, e.Precision, s.idx
		}
		return
	}
	if ds := s.docs; ds != nil && ds.lastDate != "" && s.idx-ds.lastDateSent <= 2 && s.idx > ds.lastDateSent {
		// narrative time: "Yesterday, North Korea fired ... The South
		// retaliated by firing ...": a sentence without a time of its own
		// right after a dated event goes on with that day
		e.Date, e.Precision = ds.lastDate, ds.lastPrec
		return
	}
	if pd := s.d.PubDate; pd != "" {
		e.Date = pd
		switch len(pd) {
		case 10:
			e.Precision = "day"
		case 7:
			e.Precision = "month"
		case 4:
			e.Precision = "year"
		}
	}
}

// attachPlace sets the event place to the nearest place of the sentence
// (inside the trigger's phrase first); a place that is the event's source
// actor is skipped.
func (s *sentence) attachPlace(e *doc.Event, scope doc.Span, cd candidate) {
	sp := s.span()
	best, bestDist := -1, 1<<31
	for i := range s.d.Places {
		pl := &s.d.Places[i]
		if !sp.Contains(pl.Span) {
			continue
		}
		if cd.src != nil && cd.src.span.Overlaps(pl.Span) {
			continue
		}
		dist := distance(pl.Span, e.Trigger)
		if scope.Contains(pl.Span) {
			dist -= 1 << 20
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best >= 0 {
		p := s.cityOf(s.d.Places[best])
		e.Place = &p
	}
}

// cityOf replaces a site (a building or spot: "the Kremlin", "the White
// House") by the populated place around it that the document mentions
// elsewhere (within 25 km, same country): events are located at city level.
func (s *sentence) cityOf(p doc.Place) doc.Place {
	if p.FeatureClass != "S" {
		return p
	}
	for _, q := range s.d.Places {
		if q.FeatureClass == "P" && q.Country == p.Country && q.Country != "" && approxKm(p.Lat, p.Lon, q.Lat, q.Lon) < 25 {
			return q
		}
	}
	return p
}

// approxKm is an equirectangular distance, good enough for nearby places.
func approxKm(lat1, lon1, lat2, lon2 float64) float64 {
	const degKm = 111.2
	dy := (lat2 - lat1) * degKm
	dx := (lon2 - lon1) * degKm * math.Cos((lat1+lat2)/2*math.Pi/180)
	return math.Sqrt(dx*dx + dy*dy)
}

// attachCounts sets Killed/Injured for violent events from the sentence's counts.
func (s *sentence) attachCounts(e *doc.Event, scope doc.Span) {
	switch e.Root {
	case "14", "15", "17", "18", "19", "20":
	default:
		return
	}
	sp := s.span()
	pick := func(whats ...string) *int64 {
		best, bestDist := -1, 1<<31
		for i := range s.d.Counts {
			ct := &s.d.Counts[i]
			if !sp.Contains(ct.Span) || !inList(ct.What, whats) {
				continue
			}
			dist := distance(ct.Span, e.Trigger)
			if scope.Contains(ct.Span) {
				dist -= 1 << 20
			}
			if dist < bestDist {
				best, bestDist = i, dist
			}
		}
		if best < 0 {
			return nil
		}
		if v := countValue(s.d.Counts[best]); v != nil {
			n := *v
			return &n
		}
		return nil
	}
	e.Killed = pick("killed", "dead", "deaths", "died")
	e.Injured = pick("injured", "wounded")
}

// shareCounts gives each casualty count to one event only: when several
// violent events of a sentence picked the same count, it stays with the
// event whose trigger is nearest to it, and the others take the nearest
// count no nearer event claims ("the assaults in Paris in which 130 were
// killed, and the bombing of a jetliner with the loss of all 224 people").
func shareCounts(d *doc.Document) {
	type claim struct {
		ev   int
		dist int
	}
	for _, kind := range []struct {
		whats []string
		field func(*doc.Event) **int64
	}{
		{[]string{"killed", "dead", "deaths", "died"}, func(e *doc.Event) **int64 { return &e.Killed }},
		{[]string{"injured", "wounded"}, func(e *doc.Event) **int64 { return &e.Injured }},
	} {
		owner := map[int]claim{} // count index -> nearest event that may hold it
		for ci := range d.Counts {
			ct := &d.Counts[ci]
			if !inList(ct.What, kind.whats) {
				continue
			}
			for ei := range d.Events {
				e := &d.Events[ei]
				if *kind.field(e) == nil || !d.Sentences[e.Sentence].Span.Contains(ct.Span) {
					continue
				}
				if c, found := owner[ci]; !found || tollDistance(ct.Span, e.Trigger) < c.dist {
					owner[ci] = claim{ei, tollDistance(ct.Span, e.Trigger)}
				}
			}
		}
		for ei := range d.Events {
			e := &d.Events[ei]
			if *kind.field(e) == nil {
				continue
			}
			best, bestDist := -1, 1<<31
			for ci, c := range owner {
				if c.ev != ei {
					continue
				}
				if dd := tollDistance(d.Counts[ci].Span, e.Trigger); dd < bestDist {
					best, bestDist = ci, dd
				}
			}
			if best < 0 {
				// No count prefers this event: drop what it picked when a
				// nearer event holds that count.
				for ci, c := range owner {
					if v := countValue(d.Counts[ci]); c.ev != ei && v != nil && *v == **kind.field(e) {
						*kind.field(e) = nil
						break
					}
				}
				continue
			}
			if v := countValue(d.Counts[best]); v != nil {
				n := *v
				*kind.field(e) = &n
			}
		}
	}
}

// tollDistance is how far a casualty count is from an event trigger; a toll
// usually follows the event it reports ("the bombing …, with the loss of 224
// people"), so a trigger after the count counts four times its distance.
func tollDistance(count, trigger doc.Span) int {
	d := distance(count, trigger)
	if trigger.Start >= count.End {
		d *= 4
	}
	return d
}

// countValue is a count's number, or the low end of its range.
func countValue(ct doc.Count) *int64 {
	if ct.Number != nil {
		return ct.Number
	}
	return ct.Min
}

func distance(a, b doc.Span) int {
	switch {
	case a.End <= b.Start:
		return b.Start - a.End
	case b.End <= a.Start:
		return a.Start - b.End
	}
	return 0
}

// dedupe keeps one event per (sentence, source, target, root, polarity),
// the most confident.
func dedupe(evs []doc.Event) []doc.Event {
	key := func(e *doc.Event) string {
		k := string(e.Root)
		if e.Source != nil {
			k += "|" + string(e.Source.Actor) + "/" + e.Source.Entity + "/" + e.Source.Text
		}
		k += "|"
		if e.Target != nil {
			k += string(e.Target.Actor) + "/" + e.Target.Entity + "/" + e.Target.Text
		}
		if e.Negated {
			k += "|neg"
		}
		return k
	}
	best := map[string]int{}
	var out []doc.Event
	for _, e := range evs {
		k := key(&e)
		if i, ok := best[k]; ok {
			if e.Confidence > out[i].Confidence || e.Confidence == out[i].Confidence && len(e.Code) > len(out[i].Code) {
				out[i] = e
			}
			continue
		}
		best[k] = len(out)
		out = append(out, e)
	}
	return out
}

// accusePattern codes a claim that someone committed a coercive or violent
// act as an accusation by the claimant ("she claimed the Church imprisoned
// her" -> claimant accuses the Church, 112).
var accusePattern = &Pattern{Kind: VerbTrigger, Code: "112", Conf: 0.6, Name: "derived",
	Text: "claim|allege|accuse|charge + that-clause with a root 13-20 event -> 112 against its source"}

var claimVerbs = map[string]bool{"claim": true, "allege": true, "accuse": true, "charge": true, "contend": true}

func (s *sentence) accusations(t int, cands []candidate) []candidate {
	if len(cands) == 0 || s.rel(t) != "ccomp" {
		return nil
	}
	h := s.head(t)
	if h < 0 || !claimVerbs[s.lemma(h)] || cands[0].p.Code < "13" {
		return nil
	}
	speakers := s.argsFor(h, []Role{RoleSubj}, VerbTrigger, s.isPassive(h), -1)
	var out []candidate
	for _, cd := range cands {
		if cd.src == nil {
			continue
		}
		for k := range speakers {
			if speakers[k].key() == cd.src.key() || !needsMet(NeedOne, &speakers[k], cd.src) {
				continue
			}
			out = append(out, candidate{p: accusePattern, trigger: h, src: &speakers[k], tgt: cd.src})
		}
		if len(speakers) == 0 {
			out = append(out, candidate{p: accusePattern, trigger: h, tgt: cd.src})
		}
	}
	return out
}

// verbByForm guesses a verb's lemma from its inflected form when the
// lemmatizer's lemma has no pattern ("jailed" lemmatized as "jaile").
func (c *Coder) verbByForm(f string) []*Pattern {
	if l, ok := irregularForms[f]; ok {
		return c.verbs[l]
	}
	for _, suf := range []struct{ cut, add string }{
		{"ied", "y"}, {"ies", "y"}, {"ing", ""}, {"ing", "e"}, {"ed", ""}, {"ed", "e"}, {"d", ""}, {"es", ""}, {"s", ""},
	} {
		if len(f) > len(suf.cut)+2 && strings.HasSuffix(f, suf.cut) {
			if ps := c.verbs[f[:len(f)-len(suf.cut)]+suf.add]; ps != nil {
				return ps
			}
		}
	}
	return nil
}

// denialVerbs say their complement clause did not happen.
var denialVerbs = map[string]bool{"deny": true, "refute": true, "dispute": true, "rebut": true}

// preventVerbs keep what their object describes from happening.
var preventVerbs = map[string]bool{"block": true, "veto": true, "prevent": true, "thwart": true, "foil": true, "scupper": true, "torpedo": true}

// accusationVerbs take the accused as object and the act as "of V-ing".
var accusationVerbs = map[string]bool{"accuse": true, "blame": true, "suspect": true, "charge": true, "convict": true, "indict": true}

// irregularForms are past forms of event verbs that suffix rules cannot
// undo; a token the tagger took for a noun ("shot down") keeps its form as
// lemma.
var irregularForms = map[string]string{
	"shot": "shoot", "struck": "strike", "fought": "fight", "met": "meet", "held": "hold", "sought": "seek",
	"took": "take", "taken": "take", "fled": "flee", "led": "lead", "sent": "send", "gave": "give", "given": "give",
	"won": "win", "lost": "lose", "left": "leave", "told": "tell", "threw": "throw", "thrown": "throw",
	"stole": "steal", "stolen": "steal", "brought": "bring", "caught": "catch", "broke": "break", "broken": "break",
	"froze": "freeze", "frozen": "freeze", "drove": "drive", "driven": "drive", "flew": "fly", "flown": "fly",
	"began": "begin", "begun": "begin", "withdrew": "withdraw", "withdrawn": "withdraw", "overthrew": "overthrow",
	"overthrown": "overthrow", "spoke": "speak", "spoken": "speak", "swore": "swear", "sworn": "swear",
	"forbade": "forbid", "forbidden": "forbid", "slew": "slay", "slain": "slay", "sold": "sell", "bought": "buy",
	"beaten": "beat", "hung": "hang", "hanged": "hang", "blew": "blow", "blown": "blow", "seen": "see", "saw": "see",
	"knew": "know", "chose": "choose", "chosen": "choose", "rode": "ride", "bit": "bite", "tore": "tear", "torn": "tear",
	"wrote": "write", "written": "write", "undertook": "undertake", "overran": "overrun", "upheld": "uphold",
}

// reciprocal reports whether the act of trigger t goes both ways between
// its coordinated subjects: its object is "each other"/"one another", or a
// relation noun (or the noun its pattern names) owned by "their"/"our":
// "pledged their solidarity", "reaffirmed their partnership".
func (s *sentence) reciprocal(t int, p *Pattern, consumed int) bool {
	if p.Kind != VerbTrigger {
		return false
	}
	for _, o := range s.kidsRel(t, "obj", "obl") {
		l := s.lemma(o)
		if (l == "other" || l == "another") && (s.hasKid(o, "det", "each") || s.hasKid(o, "nummod", "one") || s.hasKid(o, "", "each") || s.hasKid(o, "", "one")) {
			return true
		}
		if l == "each" && (s.hasKid(o, "", "other") || s.hasKid(o, "fixed", "other")) {
			return true
		}
		if o != consumed && !relationNouns[l] {
			continue
		}
		for _, k := range s.kidsRel(o, "nmod:poss") {
			if pl := s.lemma(k); pl == "they" || pl == "we" || pl == "their" || pl == "our" {
				return true
			}
		}
	}
	return false
}

// relationNouns name a relation or attitude between parties; owned by
// "their" after coordinated subjects they are mutual.
var relationNouns = map[string]bool{
	"solidarity": true, "friendship": true, "partnership": true, "alliance": true, "tie": true,
	"ties": true, "relation": true, "relations": true, "relationship": true, "cooperation": true,
	"co-operation": true, "unity": true, "bond": true, "commitment": true, "support": true,
	"differences": true, "difference": true, "disagreement": true, "dispute": true, "rivalry": true,
	"agreement": true, "talks": true, "talk": true, "dialogue": true,
}

// counterfactual reports whether clause v is a past counterfactual ("would
// have struck", "could have stopped"): it says the act did not happen.
func (s *sentence) counterfactual(v int) bool {
	modal, perfect := false, false
	for _, k := range s.kidsRel(v, "aux") {
		switch s.lemma(k) {
		case "would", "could", "might", "should", "'d":
			modal = true
		case "have", "'ve":
			perfect = true
		}
	}
	return modal && perfect
}

// isQuestion reports whether clause v is a direct question: an auxiliary
// before its subject ("would they have struck ...?", "did Russia attack
// ...?") and a question mark closing it.
func (s *sentence) isQuestion(v int) bool {
	subj, aux := -1, -1
	for _, k := range s.kids[v] {
		switch s.rel(k) {
		case "nsubj":
			if subj < 0 {
				subj = k
			}
		case "aux", "cop":
			if aux < 0 || k < aux {
				aux = k
			}
		}
	}
	if subj < 0 || aux < 0 || aux > subj {
		return false
	}
	_, hi := s.subtreeRange(v)
	for j := hi; j < len(s.toks) && j <= hi+2; j++ {
		f := s.toks[j].Form
		if f == "?" || strings.HasSuffix(f, "?") && s.toks[j].UPOS == "PUNCT" {
			return true
		}
	}
	return false
}

// dropUncodedExtras removes, from a sentence with an event between coded
// actors, the events none of whose participants has an actor code: they
// are side remarks around the sentence's main coded event.
func dropUncodedExtras(evs []doc.Event) []doc.Event {
	coded := func(e *doc.Event) bool {
		return e.Source != nil && e.Source.Actor != "" || e.Target != nil && e.Target.Actor != ""
	}
	any := false
	for i := range evs {
		if coded(&evs[i]) {
			any = true
		}
	}
	if !any {
		return evs
	}
	out := evs[:0]
	for i := range evs {
		if coded(&evs[i]) {
			out = append(out, evs[i])
		}
	}
	return out
}
