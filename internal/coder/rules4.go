package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/resolve"
)

// Round-4 rules: duplicates at the level of codes, weak conjuncts,
// evaluated antecedents of relative clauses.

// dropCodeDuplicates keeps one event per (trigger, root, polarity, source
// code, target code) when every participant it has carries a full actor
// code: "criticized by Republicans and some Democrats" coded as the same
// country on both conjuncts says one thing in CAMEO terms, not two.
// Mutual pairs (A->B and B->A) differ in direction and are both kept.
func dropCodeDuplicates(evs []doc.Event) []doc.Event {
	full := func(p *doc.Participant) bool { return p != nil && p.Actor != "" && !agentOnly(p.Actor) }
	key := func(e *doc.Event) (string, bool) {
		if e.Source == nil && e.Target == nil || e.Source != nil && !full(e.Source) || e.Target != nil && !full(e.Target) {
			return "", false
		}
		k := string(e.Root) + "|"
		if e.Source != nil {
			k += string(e.Source.Actor)
		}
		k += "|"
		if e.Target != nil {
			k += string(e.Target.Actor)
		}
		if e.Negated {
			k += "|neg"
		}
		return k, true
	}
	best := map[string]int{}
	out := evs[:0]
	for _, e := range evs {
		k, ok := key(&e)
		if !ok {
			out = append(out, e)
			continue
		}
		if i, seen := best[k]; seen {
			if e.Confidence > out[i].Confidence {
				out[i] = e
			}
			continue
		}
		best[k] = len(out)
		out = append(out, e)
	}
	return out
}

// dropUncodedConjuncts removes an event of a trigger whose source (or
// target) has no actor code when the same trigger and root code the same
// other side with a coded conjunct: "the Untied Nations and the United
// States criticised X" keeps USA -> X and drops the unknown "Nations" -> X.
func dropUncodedConjuncts(evs []doc.Event) []doc.Event {
	coded := func(p *doc.Participant) bool { return p != nil && p.Actor != "" }
	same := func(a, b *doc.Participant) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return a.Actor == b.Actor && a.Entity == b.Entity && a.Text == b.Text
	}
	drop := make([]bool, len(evs))
	for i := range evs {
		e := &evs[i]
		for j := range evs {
			f := &evs[j]
			if i == j || drop[j] || f.Trigger != e.Trigger || f.Root != e.Root || f.Negated != e.Negated {
				continue
			}
			if e.Source != nil && !coded(e.Source) && coded(f.Source) && same(e.Target, f.Target) ||
				e.Target != nil && !coded(e.Target) && coded(f.Target) && same(e.Source, f.Source) {
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

// evaluationVerbs judge a policy or an act: their object is what is judged.
var evaluationVerbs = map[string]bool{
	"criticise": true, "criticize": true, "condemn": true, "denounce": true, "deplore": true,
	"praise": true, "welcome": true, "applaud": true, "oppose": true, "reject": true, "slam": true,
}

// evaluatedAntecedent maps the antecedent noun of a relative clause whose
// verb judges something ("a policy of turning away boats, which the UN
// criticised") to the act noun the antecedent's phrase hangs from: the
// parser attaches the relative clause to the nearest noun, but a policy
// or plan is what is criticised. It returns n when there is none.
func (s *sentence) evaluatedAntecedent(v, n int) int {
	if !evaluationVerbs[s.lemma(v)] {
		return n
	}
	cur := n
	for steps := 0; steps < 4; steps++ {
		h := s.head(cur)
		if h < 0 {
			break
		}
		if actNouns[s.lemma(h)] && s.toks[h].UPOS == "NOUN" {
			return h
		}
		switch s.rel(cur) {
		case "obj", "nmod", "acl", "conj":
		default:
			return n
		}
		cur = h
	}
	return n
}

// claimedAccusations codes a claim about another party as an accusation
// (112) from the claimant to that party: a claimed act marked "allegedly"
// ("they claimed X allegedly left with the files") or a claimed identity
// that is not praise ("they claimed X was a volunteer", "alleged that X
// is a spy"). Claims of violence are coded by accusations.
func (s *sentence) claimedAccusations() []candidate {
	var out []candidate
	for h := range s.toks {
		if s.toks[h].UPOS != "VERB" || !claimVerbs[s.lemma(h)] {
			continue
		}
		for _, c := range s.kids[h] {
			alleged := false
			for _, k := range s.kidsRel(c, "advmod") {
				if l := lower(s.toks[k].Form); l == "allegedly" || l == "supposedly" {
					alleged = true
				}
			}
			subj := s.kidsRel(c, "nsubj", "nsubj:pass")
			switch s.rel(c) {
			case "ccomp":
			case "conj", "xcomp", "dep", "parataxis":
				// "claimed X(obj) allegedly left(conj)": the parser made the
				// clause's subject the claim's object
				if !alleged || len(subj) > 0 || s.toks[c].UPOS != "VERB" {
					continue
				}
				subj = s.kidsRel(h, "obj")
			default:
				continue
			}
			copular := s.hasKid(c, "cop", "") && !evalPositive[s.lemma(c)] && !evalPositive[lower(s.toks[c].Form)] && !s.clauseNeg(c)
			if !alleged && !copular {
				continue
			}
			if len(subj) == 0 {
				continue
			}
			var tgts []arg
			for _, x := range s.expandConj(subj) {
				tgts = append(tgts, s.resolve(x)...)
			}
			if len(tgts) == 0 {
				continue
			}
			srcs := s.argsFor(h, []Role{RoleSubj}, VerbTrigger, s.isPassive(h), -1)
			for i := range tgts {
				tg := &tgts[i]
				if len(srcs) == 0 {
					out = append(out, candidate{p: accusePattern, trigger: h, tgt: tg})
				}
				for j := range srcs {
					if srcs[j].key() == tg.key() || !needsMet(NeedOne, &srcs[j], tg) {
						continue
					}
					out = append(out, candidate{p: accusePattern, trigger: h, src: &srcs[j], tgt: tg})
				}
			}
		}
	}
	return out
}

// namingVerbs introduce the name of what their noun describes: "a group
// called X", "a user labelled X", "a militia known as X".
var namingVerbs = map[string]bool{
	"call": true, "name": true, "label": true, "labelled": true, "labeled": true, "dub": true,
	"know": true, "style": true, "nickname": true,
}

// calledName returns the name a common noun is given by a participle of
// naming ("a user labelled "Anonymous"", "a group calling itself X"): a
// capitalized word or phrase in the participle's object, apposition or
// complement, as a named participant without a code.
func (s *sentence) calledName(i int) (arg, bool) {
	for _, ac := range s.kidsRel(i, "acl") {
		if !namingVerbs[s.lemma(ac)] && !namingVerbs[lower(s.toks[ac].Form)] {
			continue
		}
		for _, k := range s.kids[ac] {
			switch s.rel(k) {
			case "appos", "obj", "xcomp", "obl", "ccomp", "dep":
			default:
				continue
			}
			if s.rel(k) == "obl" && s.caseOf(k) != "as" {
				continue
			}
			f := s.toks[k].Form
			if f == "" || !(f[0] >= 'A' && f[0] <= 'Z') {
				continue
			}
			if a, ok := s.actorArg(k, "actor", 0.7); ok {
				return a, true
			}
			lo, hi := s.nameSpan(k)
			sp := s.tokSpan(lo, hi)
			return arg{tok: k, span: sp, text: s.textOf(sp), named: true, cert: 0.45, via: "name"}, true
		}
	}
	return arg{}, false
}

// punishNouns are what a party is said to deserve when it is threatened.
var punishNouns = map[string]bool{
	"punishment": true, "retaliation": true, "retribution": true, "revenge": true, "response": true,
	"reprisal": true, "reprisals": true, "consequence": true, "consequences": true, "penalty": true,
}

var deservePattern = &Pattern{Kind: VerbTrigger, Code: "130", Conf: 0.55, Name: "derived",
	Text: "speaker: X deserves punishment/retaliation -> 130 against X (or the speaker's opponent)"}

// deservedPunishment codes a statement that someone's act "deserves harsh
// punishment" (or retaliation, consequences) as a threat (130) by the
// speaker: the quoted speaker or the subject of the governing speech
// verb. The target is the actor the subject names ("Chile deserves ...",
// "Chile's provocation deserves ..."), else the speaker's remembered
// opponent ("reckless provocation deserves punishment").
func (s *sentence) deservedPunishment() []candidate {
	var out []candidate
	for t := range s.toks {
		l := s.lemma(t)
		if s.toks[t].UPOS != "VERB" || l != "deserve" && l != "warrant" && l != "merit" || s.clauseNeg(t) {
			continue
		}
		punish := false
		for _, o := range s.kidsRel(t, "obj") {
			if punishNouns[s.lemma(o)] || punishNouns[lower(s.toks[o].Form)] {
				punish = true
			}
		}
		if !punish {
			continue
		}
		spk := s.speakerFor(t)
		if spk == nil {
			continue
		}
		var tgts []arg
		subj := s.kidsRel(t, "nsubj")
		for _, x := range s.expandConj(subj) {
			for _, a := range s.resolve(x) {
				if a.key() != spk.key() && a.code != "" {
					tgts = append(tgts, a)
				}
			}
		}
		if len(tgts) == 0 && len(subj) > 0 && isCountryCode(spk.code) {
			if o := s.mem.opponent(spk.code); o != "" {
				lo, hi := s.subtreeRange(subj[0])
				if hi-lo > 6 {
					lo, hi = subj[0], subj[0]
				}
				sp := s.tokSpan(lo, hi)
				tgts = append(tgts, arg{tok: subj[0], span: sp, text: s.textOf(sp), code: o, named: true, cert: 0.4, via: "opponent"})
			}
		}
		for i := range tgts {
			out = append(out, candidate{p: deservePattern, trigger: t, src: spk, tgt: &tgts[i]})
		}
	}
	return out
}

// speakerFor returns who says the clause of token t: the coded speaker of
// a quote covering it, else the subject of the speech verb governing it
// ("..., it added": the pronoun resolved), nil when unknown.
func (s *sentence) speakerFor(t int) *arg {
	for qi := range s.d.Quotes {
		q := &s.d.Quotes[qi]
		if q.Speaker != nil && q.Speaker.Actor != "" && q.Span.Contains(s.toks[t].Span) {
			return &arg{tok: -1, span: q.Speaker.Span, text: q.Speaker.Text, entity: q.Speaker.Entity,
				code: q.Speaker.Actor, named: true, cert: 0.7, via: "quote"}
		}
	}
	for cur, n := t, 0; n < 6; n++ {
		h := s.head(cur)
		if h < 0 {
			break
		}
		if speechVerbs[s.lemma(h)] && s.toks[h].UPOS == "VERB" {
			for _, a := range s.speakerOf(h) {
				if a.code != "" {
					a := a
					return &a
				}
			}
			return nil
		}
		cur = h
	}
	// "X deserves punishment", it said: a speech verb in parataxis to the root
	for _, k := range s.kids[t] {
		if s.rel(k) == "parataxis" && speechVerbs[s.lemma(k)] {
			for _, a := range s.speakerOf(k) {
				if a.code != "" {
					a := a
					return &a
				}
			}
		}
	}
	return nil
}

// pretextNouns present the content of their that-clause as false or
// unfounded: "under the pretext that X fired first".
var pretextNouns = map[string]bool{
	"pretext": true, "pretence": true, "pretense": true, "excuse": true, "lie": true, "myth": true,
	"fabrication": true, "rumour": true, "rumor": true, "falsehood": true,
}

// inPretext reports whether trigger t is in a clause complementing a
// pretext noun ("under the absurd pretext that the army fired one shell"):
// what it says is disputed, not an event.
func (s *sentence) inPretext(t int) bool {
	cur := t
	for n := 0; n < 4; n++ {
		h := s.head(cur)
		if h < 0 {
			return false
		}
		if pretextNouns[s.lemma(h)] && (s.rel(cur) == "acl" || s.rel(cur) == "ccomp") {
			return true
		}
		// the same that-clause hung on a higher verb ("perpetrated ...
		// under the pretext(obl) that(mark) X fired(ccomp of perpetrated)"):
		// the noun right before it is the pretext it complements
		if s.rel(cur) == "ccomp" && s.hasKid(cur, "mark", "that") {
			if lo, _ := s.subtreeRange(cur); lo > 0 && s.lemma(lo) == "that" && pretextNouns[s.lemma(lo-1)] {
				return true
			}
		}
		switch s.rel(cur) {
		case "conj", "xcomp":
			cur = h
			continue
		}
		return false
	}
	return false
}

// dropHeadlineRepeats removes the events of a headline (a first sentence
// that is the document's title) that the body codes again with the same
// root and participants' codes: "Woman claims church imprisoned her" over
// "..., has claimed that the Church imprisoned her for twelve years".
// The body sentence is the fuller evidence.
func dropHeadlineRepeats(d *doc.Document) []doc.Event {
	title := strings.TrimSpace(d.Title)
	if title == "" || len(d.Events) < 2 {
		return d.Events
	}
	head := -1
	for si := 0; si < len(d.Sentences) && si < 2; si++ {
		if strings.TrimSpace(d.Sentences[si].Span.In(d.Text)) == title {
			head = si
		}
	}
	if head < 0 {
		return d.Events
	}
	who := func(p *doc.Participant) string {
		switch {
		case p == nil:
			return ""
		case p.Actor != "":
			return string(p.Actor)
		case p.Entity != "":
			return p.Entity
		}
		return strings.ToLower(p.Text)
	}
	out := d.Events[:0]
	for i, e := range d.Events {
		if e.Sentence == head {
			rep := false
			for j := range d.Events {
				f := &d.Events[j]
				if j != i && f.Sentence != head && f.Root == e.Root && f.Negated == e.Negated &&
					sameOrRefined(who(f.Source), who(e.Source)) && sameOrRefined(who(f.Target), who(e.Target)) {
					rep = true
					break
				}
			}
			if rep {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// sameOrRefined reports whether two participants' codes name the same
// actor, one possibly refined by a sector ("PRK" and "PRKMIL": a headline's
// "North Korea puts military on alert" over the body's "the military was
// placed on alert").
func sameOrRefined(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) == 3 && strings.ToUpper(a) == a && strings.HasPrefix(b, a) && strings.ToUpper(b) == b && !strings.Contains(b, " ")
}

// dropBackReferences removes a nominal event without a source introduced
// by a definite determiner ("critical of the attacks on the Church") when
// an earlier sentence of the document coded an event of the same root on
// the same target: the noun refers back to it, it is not a new event.
func dropBackReferences(d *doc.Document) []doc.Event {
	if len(d.Events) < 2 {
		return d.Events
	}
	who := func(p *doc.Participant) string {
		switch {
		case p == nil:
			return ""
		case p.Actor != "":
			return string(p.Actor) + "/" + p.Entity
		}
		return strings.ToLower(p.Text)
	}
	out := d.Events[:0]
	for i, e := range d.Events {
		if e.Source == nil && e.Target != nil && definiteNominal(d, &e) {
			back := false
			for j := 0; j < i; j++ {
				f := &d.Events[j]
				if f.Sentence < e.Sentence && f.Root == e.Root && who(f.Target) == who(e.Target) {
					back = true
					break
				}
			}
			if back {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// definiteNominal reports whether e's trigger is a noun with a definite
// or demonstrative determiner ("the attacks", "these strikes").
func definiteNominal(d *doc.Document, e *doc.Event) bool {
	if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
		return false
	}
	toks := d.Sentences[e.Sentence].Tokens
	for i := range toks {
		if toks[i].Span != e.Trigger {
			continue
		}
		if toks[i].UPOS != "NOUN" {
			return false
		}
		for j := range toks {
			if toks[j].Head == i && toks[j].Deprel == "det" {
				switch lower(toks[j].Form) {
				case "the", "these", "those", "this", "that", "such":
					return true
				}
			}
		}
		return false
	}
	return false
}

// dropBackground removes, from a sentence with other events, a
// cooperative event without a target whose trigger is a participle
// describing a noun ("a system backed by the Red Cross was rejected by
// the minister"): it qualifies the noun the sentence is about.
func (s *sentence) dropBackground(evs []doc.Event) []doc.Event {
	if len(evs) < 2 {
		return evs
	}
	out := evs[:0]
	for _, e := range evs {
		if e.Target == nil && e.Root < "09" {
			if t := s.tokenAt(e.Trigger); t >= 0 && s.toks[t].Deprel == "acl" && s.toks[t].XPOS == "VBN" {
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// tokenAt returns the token whose span is sp, -1 when none.
func (s *sentence) tokenAt(sp doc.Span) int {
	for i := range s.toks {
		if s.toks[i].Span == sp {
			return i
		}
	}
	return -1
}

// selfTargets fixes conflict events (roots 13-20) whose target is a bare
// role (it takes the source's remembered opponent's country) or carries the
// source's own code ("commanders were dispatched to the front-line
// troops", both the army): the troops are where the force goes, not whom
// it acts on. The target becomes the source's remembered opponent, else
// it is dropped.
func (s *sentence) selfTargets(evs []doc.Event) {
	for i := range evs {
		e := &evs[i]
		if e.Root < "13" || e.Source == nil || e.Target == nil || e.Source.Actor == "" {
			continue
		}
		if resolve.IsBareRole(e.Target.Actor) && isCountryCode(e.Source.Actor) {
			// "fired at soldiers": a bare role hit by a country's act
			// belongs to that country's remembered opponent
			if o := s.mem.opponent(e.Source.Actor); o != "" && len(o) >= 3 {
				t := *e.Target
				t.Actor = o[:3] + t.Actor
				e.Target = &t
			}
			continue
		}
		if e.Source.Actor != e.Target.Actor {
			continue
		}
		if o := s.mem.opponent(e.Source.Actor); o != "" && isCountryCode(e.Source.Actor) {
			t := *e.Target
			t.Actor, t.Entity = o, ""
			e.Target = &t
			continue
		}
		e.Target = nil
	}
}
