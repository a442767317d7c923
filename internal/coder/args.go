package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// arg is one resolved event participant.
type arg struct {
	tok    int // head token of the argument in the sentence (-1 when from memory only)
	span   doc.Span
	text   string
	entity string
	code   cameo.ActorCode
	kind   string
	named  bool    // a proper name even without an actor code
	cert   float64 // how sure the actor assignment is
	via    string  // "actor", "modifier", "coref", "name"
}

func (a arg) identified() bool { return a.code != "" || a.entity != "" || a.named }

func (a arg) key() string {
	if a.code != "" {
		return string(a.code) + "|" + a.entity
	}
	if a.entity != "" {
		return a.entity
	}
	return a.text
}

// Participant converts the argument for the document model.
func (a arg) participant() *doc.Participant {
	return &doc.Participant{Span: a.span, Text: a.text, Entity: a.entity, Actor: a.code}
}

var relPronouns = map[string]bool{"who": true, "which": true, "that": true, "whom": true}

// objectControl verbs pass their object, not their subject, to an xcomp
// ("urged Iran to stop", "ordered the army to prepare").
var objectControl = map[string]bool{
	"ask": true, "urge": true, "order": true, "tell": true, "force": true, "call": true,
	"persuade": true, "encourage": true, "allow": true, "instruct": true, "direct": true,
	"invite": true, "request": true, "require": true, "compel": true, "press": true,
	"want": true, "wish": true, "expect": true, "need": true, "prefer": true, "help": true,
	"enable": true, "permit": true, "authorize": true, "authorise": true, "warn": true,
	"advise": true, "pressure": true, "pressurize": true, "push": true, "convince": true,
	"get": true, "like": true, "beg": true, "implore": true, "prompt": true, "lead": true,
}

// lightVerbs lend their subject to a nominal event in their object or
// oblique ("held talks", "launched an attack", "sitting down to talks").
var lightVerbs = map[string]bool{
	"hold": true, "have": true, "conduct": true, "launch": true, "carry": true, "stage": true,
	"make": true, "begin": true, "start": true, "sit": true, "open": true, "resume": true,
	"join": true, "enter": true, "continue": true, "remain": true, "stay": true, "wage": true,
	"mount": true, "lead": true, "organize": true, "organise": true, "engage": true, "go": true,
	"step": true, "intensify": true, "be": true, "announce": true, "claim": true, "issue": true,
	"perpetrate": true, "commit": true, "mount ": true, "escalate": true, "plan": true, "keep": true,
	"put": true, "place": true,
}

// subjects returns the subject tokens of predicate v in active reading,
// following control, coordination and adverbial clauses when v has none.
func (s *sentence) subjects(v int, depth int) []int {
	if depth > 6 {
		return nil
	}
	var out []int
	for _, k := range s.kids[v] {
		switch s.toks[k].Deprel {
		case "nsubj", "nsubj:outer":
			out = append(out, s.relTarget(v, k))
		}
	}
	if len(out) > 0 {
		return out
	}
	if k := s.strandedSubject(v); k >= 0 {
		return []int{k}
	}
	h := s.head(v)
	if h < 0 {
		return nil
	}
	if s.rel(v) == "xcomp" && s.toks[h].UPOS == "PART" && s.head(h) >= 0 {
		// "pledged to(obl) expel(xcomp)": the infinitive marker parsed as head
		v, h = h, s.head(h)
		if s.rel(v) == "xcomp" || s.rel(v) == "obl" || s.rel(v) == "advcl" {
			return s.subjects(h, depth+1)
		}
	}
	switch s.rel(v) {
	case "xcomp":
		if objectControl[s.lemma(h)] {
			if o := s.kidsRel(h, "obj", "iobj"); len(o) > 0 {
				return o[:1]
			}
		}
		if s.isPassive(h) {
			return s.kidsRel(h, "nsubj:pass")
		}
		return s.subjects(h, depth+1)
	case "conj":
		if s.isPassive(h) && !s.isPassive(v) {
			return nil
		}
		if s.isPassive(h) {
			return nil
		}
		return s.subjects(h, depth+1)
	case "advcl":
		// a purpose infinitive ("cooperating with X to fight Y") shares
		// its head's subject; a finite clause without one does not
		if s.hasKid(v, "mark", "") && !s.hasKid(v, "mark", "to") && s.toks[v].XPOS != "VBG" && s.toks[v].XPOS != "VBN" {
			return nil // finite adverbial clause without its own subject: unknown
		}
		if s.hasKid(v, "mark", "to") && (s.rel(h) == "advcl" || len(s.kidsRel(v, "obj")) == 0 || objectControl[s.lemma(h)] && len(s.kidsRel(h, "obj", "iobj")) > 0) {
			// a purpose of a purpose is too far from any subject; without
			// an object of its own the "infinitive" is often a noun after
			// the preposition to ("giving in to pressure"); after a
			// control verb's object ("urged X to release", "called X to
			// ask") it may be X's act, not the subject's
			return nil
		}
		if s.isPassive(h) {
			return s.kidsRel(h, "nsubj:pass")
		}
		return s.subjects(h, depth+1)
	case "acl":
		if s.toks[v].Deprel == "acl:relcl" {
			return nil
		}
		return []int{h} // "groups attacking the capital"
	}
	return nil
}

// relTarget maps a relative pronoun argument of a relative clause to the
// noun the clause modifies.
func (s *sentence) relTarget(v, k int) int {
	if s.toks[v].Deprel == "acl:relcl" && relPronouns[s.lemma(k)] && (s.toks[k].UPOS == "PRON" || s.toks[k].UPOS == "DET") {
		if h := s.head(v); h >= 0 {
			if s.rel(k) == "obj" {
				return s.evaluatedAntecedent(v, h)
			}
			return h
		}
	}
	return k
}

// passiveSubjects returns the patient of a passive predicate.
func (s *sentence) passiveSubjects(v int) []int {
	var out []int
	for _, k := range s.kids[v] {
		if s.toks[k].Deprel == "nsubj:pass" {
			out = append(out, s.relTarget(v, k))
		}
	}
	if len(out) == 0 {
		if s.rel(v) == "acl" && s.toks[v].Deprel != "acl:relcl" {
			if h := s.head(v); h >= 0 {
				out = append(out, h)
			}
		} else if s.rel(v) == "conj" {
			if h := s.head(v); h >= 0 && s.isPassive(h) {
				return s.passiveSubjects(h)
			}
		} else if s.rel(v) == "xcomp" {
			if h := s.head(v); h >= 0 {
				if o := s.kidsRel(h, "obj"); len(o) > 0 {
					return o[:1]
				}
			}
		}
	}
	return out
}

// agents returns the by-phrase of a passive predicate.
func (s *sentence) agents(v int) []int {
	var out []int
	for _, k := range s.kids[v] {
		if s.toks[k].Deprel == "obl:agent" || s.rel(k) == "obl" && s.caseOf(k) == "by" || s.toks[k].Deprel == "nmod:agent" {
			out = append(out, k)
		}
	}
	return out
}

// prepArgs returns obl/nmod dependents of i introduced by preposition p.
func (s *sentence) prepArgs(i int, p string) []int {
	var out []int
	for _, k := range s.kids[i] {
		switch s.toks[k].Deprel {
		case "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod", "obl:unmarked", "nmod:unmarked":
			continue
		}
		r := s.rel(k)
		if (r == "obl" || r == "nmod" || r == "advcl" && s.toks[k].UPOS != "VERB") && s.caseOf(k) == p {
			out = append(out, k)
		}
	}
	if len(out) == 0 {
		out = s.strandedPrepArg(i, p)
	}
	return out
}

// strandedPrepArg handles a parse that made the preposition itself the
// argument: a preposition p among i's dependents whose subtree holds the
// noun ("met with(obl) -> Syrian -> Assad"), or, when it has none, the
// nominal dependent right after it ("met with(obl) ... Assad(obl)").
func (s *sentence) strandedPrepArg(i int, p string) []int {
	kids := s.kids[i]
	for n, k := range kids {
		if s.toks[k].UPOS != "ADP" || s.lemma(k) != p {
			continue
		}
		switch s.rel(k) {
		case "obl", "nmod", "advmod", "compound:prt":
		default:
			continue
		}
		// a noun inside the preposition's own subtree, nearest first
		best, bestD := -1, 0
		var walk func(x, d int)
		walk = func(x, d int) {
			if d > 3 {
				return
			}
			for _, c := range s.kids[x] {
				switch s.toks[c].UPOS {
				case "NOUN", "PROPN", "PRON":
					if s.toks[c].Deprel != "compound" && s.toks[c].Deprel != "nmod:desc" && (best < 0 || d < bestD) {
						best, bestD = c, d
					}
				}
				walk(c, d+1)
			}
		}
		walk(k, 0)
		if best >= 0 {
			return []int{best}
		}
		for _, k2 := range kids[n+1:] {
			switch s.toks[k2].UPOS {
			case "NOUN", "PROPN", "PRON":
			default:
				continue
			}
			switch s.rel(k2) {
			case "obl", "nmod", "obj":
			default:
				continue
			}
			if s.caseOf(k2) == "" {
				return []int{k2}
			}
			break
		}
	}
	return nil
}

// roleTokens returns the argument tokens of trigger t for role r.
// consumed is a token the pattern used as a condition (never an argument).
func (s *sentence) roleTokens(t int, r Role, kind Kind, passive bool, consumed int) []int {
	switch r {
	case RoleSubj:
		if kind == NounTrigger {
			return s.kidsRel(t, "nsubj")
		}
		if passive {
			return s.agents(t)
		}
		return s.subjects(t, 0)
	case RoleObj:
		var out []int
		if passive {
			out = s.passiveSubjects(t)
		} else {
			for _, k := range s.kids[t] {
				if s.toks[k].Deprel == "obj" {
					out = append(out, s.relTarget(t, k))
				}
			}
		}
		return drop(out, consumed)
	case RoleIObj:
		return drop(s.kidsRel(t, "iobj"), consumed)
	case RoleAgent:
		return s.agents(t)
	case RoleCComp:
		for _, c := range s.kidsRel(t, "ccomp") {
			if sub := s.kidsRel(c, "nsubj", "nsubj:pass"); len(sub) > 0 {
				return sub
			}
		}
		return nil
	case RolePoss:
		return s.kidsRel(t, "nmod:poss")
	case RoleMod:
		var out []int
		for _, k := range s.kids[t] {
			switch s.toks[k].Deprel {
			case "compound", "amod":
				out = append(out, k)
				// "the IS-claimed bombing", "a Saudi-led strike": the actor
				// is a dependent of the participle modifier
				if s.toks[k].UPOS == "VERB" && s.actorAt[k] < 0 {
					for _, kk := range s.kids[k] {
						if s.actorAt[kk] >= 0 && kk < k {
							out = append(out, kk)
						}
					}
				}
			}
		}
		if a := s.hyphenAgent(t); a >= 0 {
			out = append(out, a)
		}
		return out
	case RoleHead:
		h := s.head(t)
		if h < 0 {
			return nil
		}
		rr := s.rel(t)
		if rr != "obj" && rr != "obl" && rr != "xcomp" && rr != "nsubj" {
			return nil
		}
		if rr == "nsubj" && s.toks[t].Deprel != "nsubj:pass" {
			return nil
		}
		if !lightVerbs[s.lemma(h)] {
			return nil
		}
		if s.isPassive(h) {
			return s.agents(h)
		}
		return s.subjects(h, 0)
	}
	// preposition role
	p := string(r)
	out := s.prepArgs(t, p)
	if len(out) == 0 && kind == VerbTrigger {
		// "cut ties with X": the phrase often hangs on the object, or on a
		// participle modifying it ("fired rounds aimed at X")
		for _, o := range s.kidsRel(t, "obj", "nsubj:pass") { // "evidence against X was presented"
			out = append(out, s.prepArgs(o, p)...)
			// "pledged 50 million euros in aid to Sudan": one level deeper
			for _, n := range s.kidsRel(o, "nmod") {
				if c := s.caseOf(n); c == "in" || c == "of" {
					out = append(out, s.prepArgs(n, p)...)
				}
			}
			for _, ac := range s.kidsRel(o, "acl") {
				out = append(out, s.prepArgs(ac, p)...)
			}
			// the same participle parsed as the verb's xcomp ("fired
			// rounds aimed(xcomp) at X")
			for _, xc := range s.kidsRel(t, "xcomp") {
				if xc > o && s.toks[xc].UPOS == "VERB" && len(s.kidsRel(xc, "mark", "nsubj", "obj")) == 0 {
					out = append(out, s.prepArgs(xc, p)...)
				}
			}
		}
	}
	return drop(out, consumed)
}

func drop(xs []int, x int) []int {
	if x < 0 {
		return xs
	}
	out := xs[:0:0]
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// expandConj adds the coordinated conjuncts of each token.
func (s *sentence) expandConj(xs []int) []int {
	var out []int
	seen := map[int]bool{}
	var add func(i, depth int)
	add = func(i, depth int) {
		if seen[i] || depth > 8 {
			return
		}
		seen[i] = true
		out = append(out, i)
		for _, k := range s.kids[i] {
			if s.toks[k].Deprel == "conj" {
				u := s.toks[k].UPOS
				if u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X" || u == "ADJ" {
					add(k, depth+1)
				}
			}
		}
	}
	for _, x := range xs {
		add(x, 0)
	}
	return out
}

// timeWords name times, never participants ("Ukrainian lawmakers
// Tuesday endorsed ..." parsed with Tuesday as a subject).
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "today": true, "yesterday": true, "tomorrow": true, "tonight": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"week": true, "weekend": true, "month": true, "year": true, "morning": true, "evening": true, "night": true,
}

// resolve maps an argument token to actors.
func (s *sentence) resolve(i int) []arg {
	if timeWords[lower(s.toks[i].Form)] && s.actorAt[i] < 0 {
		return nil
	}
	if as, ok := s.pairReference(i); ok {
		return as
	}
	if a, ok := s.actorArg(i, "actor", 1); ok {
		q := s.qualify(a, i)
		return append(append([]arg{q}, s.elliptical(i)...), s.coordinatedOwners(i, a, q)...)
	}
	t := &s.toks[i]
	// "condemned an attack by X soldiers": a violent event noun stands for its perpetrator
	if t.UPOS == "NOUN" && s.eventNouns[s.lemma(i)] {
		for _, r := range []Role{RoleAgent, Role("by"), RolePoss, RoleMod} {
			var out []arg
			for _, x := range s.expandConj(s.roleTokens(i, r, NounTrigger, false, -1)) {
				if a, ok := s.actorArg(x, "modifier", 0.7); ok {
					out = append(out, s.qualify(a, x))
				}
			}
			if len(out) > 0 {
				return out
			}
		}
		return nil
	}
	if t.UPOS == "PRON" || t.UPOS == "DET" || t.UPOS == "NUM" || t.UPOS == "NOUN" || t.UPOS == "PROPN" && compassWords[s.lemma(i)] {
		if as, ok := s.coref(i); ok {
			return as
		}
	}
	// modifiers: "Russian air activity", "Russia's operations", "the government of Iraq"
	if s.formerMembers(i) {
		return nil
	}
	if a, ok := s.modifierActor(i, 0); ok {
		if t.UPOS == "PROPN" { // "Jeff Rathke, the State Department spokesperson"
			lo, hi := s.nameSpan(i)
			a.span = s.tokSpan(lo, hi)
			a.text = s.textOf(a.span)
			// the person keeps their own identity: "X, a member of the
			// Church" is coded as the Church's but is not the Church
			if a.via == "modifier" || a.via == "actor" {
				a.entity, a.named = s.entityName(i), true
			}
		}
		return []arg{a}
	}
	// "criticised the policy [of X]": an abstract act noun without an actor
	// belongs to the subject of the verb that has it as object
	if t.UPOS == "NOUN" && actNouns[s.lemma(i)] && s.rel(i) == "obj" {
		if h := s.head(i); h >= 0 {
			var out []arg
			for _, x := range s.expandConj(s.subjects(h, 0)) {
				if a, ok := s.actorArg(x, "modifier", 0.6); ok {
					out = append(out, a)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	if t.UPOS == "PROPN" && s.mem != nil {
		if a, ok := s.mem.aliases[t.Form]; ok && s.toks[i].Deprel != "compound" {
			a.tok, a.span, a.text, a.via, a.cert = i, t.Span, t.Form, "coref", 0.8
			return []arg{a}
		}
	}
	if t.UPOS == "NOUN" {
		if a, ok := s.calledName(i); ok { // "a user labelled Anonymous"
			return []arg{a}
		}
	}
	if t.UPOS == "PROPN" && s.nameLike(i) {
		lo, hi := s.nameSpan(i)
		sp := s.tokSpan(lo, hi)
		// the document's entity links a short name to the full one; a
		// geocoded place stands for its country ("exercises in Alaska"); a
		// place of no country (a sea, an ocean) is no participant
		if s.placeWithoutCountry(sp) {
			return nil
		}
		return []arg{{tok: i, span: sp, text: s.textOf(sp), entity: s.entityName(i), named: true, cert: 0.5, via: "name", code: s.placeCountry(sp)}}
	}
	return nil
}

// placeCountry returns the country code of a place the geocoder found
// exactly at sp ("" when none).
func (s *sentence) placeCountry(sp doc.Span) cameo.ActorCode {
	for _, p := range s.d.Places {
		if p.Start == sp.Start && p.End == sp.End && p.Country != "" {
			if c, ok := cameo.CountryByISO2(p.Country); ok {
				return cameo.ActorCode(c.ISO3)
			}
		}
	}
	return ""
}

// placeWithoutCountry reports whether the geocoder placed sp (or the
// name it ends) somewhere no country owns ("the Red Sea").
func (s *sentence) placeWithoutCountry(sp doc.Span) bool {
	for _, p := range s.d.Places {
		if p.Country == "" && p.Start <= sp.Start && sp.End <= p.End {
			return true
		}
	}
	return false
}

// nameLike reports whether token i can be a proper name standing for a
// participant without an actor code: it starts with a capital letter (a
// lowercase "PROPN" is a tagging error: "Obama, Hollande pledge
// solidarity") and is not a verb of the event patterns in a headline's
// title case ("Leaders Pledge Support").
func (s *sentence) nameLike(i int) bool {
	f := s.toks[i].Form
	if f == "" || !(f[0] >= 'A' && f[0] <= 'Z' || f[0] >= 0x80) {
		return false
	}
	if s.verbLemmas != nil && s.verbLemmas[lower(f)] && s.toks[i].Deprel == "compound" {
		return false
	}
	return true
}

func (s *sentence) actorArg(i int, via string, cert float64) (arg, bool) {
	mi := s.actorAt[i]
	if mi < 0 {
		return arg{}, false
	}
	m := &s.matches[mi]
	if m.Code == "" && m.Entity == "" {
		return arg{}, false
	}
	text := m.Text
	if text == "" {
		text = s.textOf(m.Span)
	}
	return arg{tok: i, span: m.Span, text: text, entity: m.Entity, code: m.Code, kind: string(m.Kind),
		named: true, cert: cert, via: via}, true
}

// actNouns name what an actor does or decides; criticism of them targets the actor.
var actNouns = map[string]bool{
	"policy": true, "plan": true, "decision": true, "move": true, "program": true, "programme": true,
	"approach": true, "practice": true, "stance": true, "position": true, "strategy": true,
	"action": true, "operation": true, "activity": true, "campaign": true, "law": true, "measure": true,
	"proposal": true, "offensive": true, "crackdown": true, "handling": true, "response": true,
}

var modRels = map[string]int{
	"compound": 1, "amod": 1, "nmod:poss": 0, "flat": 2, "appos": 3, "nmod": 4, "nmod:of": 4, "acl": 5,
}

// coordinatedOwners gives a role noun owned by coordinated countries one
// participant per country: "the foreign ministers of Congo and Rwanda" ->
// CODGOV and RWAGOV (a is the role as scanned, q as qualified by the first
// owner).
func (s *sentence) coordinatedOwners(i int, a, q arg) []arg {
	if !agentOnly(a.code) || q.code == a.code {
		return nil
	}
	var out []arg
	for _, k := range s.kidsRel(i, "nmod") {
		if s.caseOf(k) != "of" {
			continue
		}
		// the conjuncts hang on any word of the first owner's name
		mk := s.actorAt[k]
		for x := range s.toks {
			if x != k && (mk < 0 || s.actorAt[x] != mk) {
				continue
			}
			for _, c := range s.kidsRel(x, "conj") {
				o, ok := s.actorArg(c, "modifier", 0.8)
				if !ok || !isCountryCode(o.code) || o.code[:3] == q.code[:3] {
					continue
				}
				b := q
				b.code = o.code[:3] + a.code
				b.tok, b.span, b.text = c, o.span, s.textOf(o.span)
				out = append(out, b)
			}
		}
	}
	return out
}

// elliptical returns the extra actors of an elliptical coordination of
// modifiers: "North and South Korea" scanned as South Korea at "Korea"
// also yields North Korea.
func (s *sentence) elliptical(i int) []arg {
	if s.lookup == nil {
		return nil
	}
	var out []arg
	for _, c := range s.kidsRel(i, "compound", "amod") {
		for _, cj := range append([]int{c}, s.kidsRel(c, "conj")...) {
			if s.actorAt[cj] == s.actorAt[i] {
				continue
			}
			m, ok := s.lookup.Lookup(s.toks[cj].Form+" "+s.toks[i].Form, s.d.PubDate)
			if !ok || m.Code == "" || m.Code == s.matches[s.actorAt[i]].Code {
				continue
			}
			out = append(out, arg{tok: cj, span: s.toks[cj].Span, text: s.toks[cj].Form + " " + s.toks[i].Form,
				entity: m.Entity, code: m.Code, kind: string(m.Kind), named: true, cert: 0.8, via: "actor"})
		}
	}
	return out
}

// otherParty are nouns whose possessor is the other side of the relation:
// "her counterpart", "Russia's rivals", "his successor".
var otherParty = map[string]bool{
	"counterpart": true, "rival": true, "opponent": true, "successor": true, "predecessor": true,
	"adversary": true, "foe": true, "enemy": true, "critic": true, "challenger": true, "host": true,
}

// modifierActor looks for an actor among i's modifiers (breadth first,
// possessives and compounds before appositions and of-phrases).
func (s *sentence) modifierActor(i, depth int) (arg, bool) {
	if depth > 2 {
		return arg{}, false
	}
	for pass := 0; pass <= 6; pass++ {
		for _, k := range s.kids[i] {
			if s.toks[k].Deprel == "nmod:poss" && otherParty[s.lemma(i)] {
				continue // "her Rwandan counterpart" is not her
			}
			p, ok := modRels[s.toks[k].Deprel]
			if pass == 6 && s.rel(k) == "nmod" && s.caseOf(k) == "in" {
				ok, p = true, 6 // "a loudspeaker in South Korea"
			}
			if !ok || p != pass {
				continue
			}
			if p == 4 && s.caseOf(k) != "of" && s.caseOf(k) != "from" && s.caseOf(k) != "for" {
				continue
			}
			if p == 5 { // "a system backed by the Red Cross"
				if s.toks[k].XPOS != "VBN" {
					continue
				}
				for _, ag := range s.agents(k) {
					if a, ok := s.actorArg(ag, "modifier", 0.6); ok {
						return a, true
					}
				}
				continue
			}
			if a, ok := s.actorArg(k, "modifier", 0.85); ok {
				return s.qualify(a, k), true
			}
			if p == 0 && (s.toks[k].UPOS == "PRON" || s.toks[k].UPOS == "NOUN") {
				if as, ok := s.coref(k); ok && len(as) > 0 {
					a := as[0]
					a.via = "coref"
					return a, true
				}
			}
			if a, ok := s.modifierActor(k, depth+1); ok {
				return a, true
			}
		}
	}
	if depth == 0 {
		// no coded actor: a proper name among the modifiers still names the
		// participant ("Scientology officials", "the Church of Scientology's website")
		for _, k := range s.kids[i] {
			r := s.toks[k].Deprel
			if s.toks[k].UPOS == "PROPN" && s.nameLike(k) && (r == "compound" || r == "nmod:poss" || s.rel(k) == "nmod" && (s.caseOf(k) == "of" || s.caseOf(k) == "for")) {
				lo, hi := s.nameSpan(k)
				sp := s.tokSpan(lo, hi)
				return arg{tok: k, span: sp, text: s.textOf(sp), named: true, cert: 0.4, via: "name"}, true
			}
		}
	}
	return arg{}, false
}

// agentOnly reports whether code is a bare role ("MIL", "GOV", "REF")
// without a country or organisation.
func agentOnly(code cameo.ActorCode) bool {
	if len(code) < 3 {
		return false
	}
	switch code[:3] {
	case "IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "REB", "INS":
		return false // transnational / armed-group codes stand on their own
	}
	return cameo.IsRole(string(code[:3]))
}

// qualify gives a bare role actor the country of its modifiers: "the
// South Korean military" -> KORMIL, "the country's military" -> PRKMIL.
func (s *sentence) qualify(a arg, i int) arg {
	if !agentOnly(a.code) && a.code != "REB" && a.code != "INS" {
		return a // (rebels stand on their own, but "rebels in Congo" are Congo's)
	}
	for pass := 0; pass < 2; pass++ {
		for _, k := range s.kids[i] {
			switch s.toks[k].Deprel {
			case "amod", "compound", "nmod:poss", "flat", "flat:name", "det":
				if pass != 0 {
					continue
				}
			case "nmod", "appos":
				if pass != 1 {
					continue
				}
			default:
				continue
			}
			if s.toks[k].Deprel == "nmod" {
				switch s.caseOf(k) {
				case "of", "from", "in": // "the government of X", "soldiers from X", "activists in X"
				default:
					continue
				}
			}
			var c arg
			var ok bool
			if s.actorAt[k] >= 0 && s.actorAt[k] != s.actorAt[i] {
				c, ok = s.actorArg(k, "modifier", 0.85)
			} else if s.toks[k].UPOS == "PRON" || s.toks[k].UPOS == "NOUN" {
				var cs []arg
				cs, ok = s.coref(k)
				if ok {
					c = cs[0]
				} else if pass == 1 && s.toks[k].UPOS == "NOUN" {
					c, ok = s.modifierActor(k, 1) // "the mayor of the West Bank city of Nablus"
				}
			}
			if ok && len(c.code) >= 3 && !agentOnly(c.code) && !isPersonArg(c) {
				if isCountryCode(c.code) {
					a.code = c.code[:3] + a.code
				} else {
					// "leaders of the Muslim Brotherhood", "officials of the
					// UN": the members of an organization are coded as it
					a.code = c.code
				}
				return a
			}
		}
	}
	// "received ministers from the Georgian government": an object's
	// origin is often attached to the verb
	if s.rel(i) == "obj" {
		if h := s.head(i); h >= 0 {
			for _, k := range s.kidsRel(h, "obl") {
				if s.caseOf(k) != "from" {
					continue
				}
				c, ok := s.actorArg(k, "modifier", 0.8)
				if ok && agentOnly(c.code) {
					c = s.qualify(c, k) // "the Egyptian government"
				}
				if ok && isCountryCode(c.code) && !isPersonArg(c) {
					a.code = c.code[:3] + a.code
					return a
				}
			}
		}
	}
	return a
}

// hyphenAgent finds the actor of a hyphenated participle compound right
// before noun t, whatever the parse made of it: "the IS-claimed bombing",
// "a Saudi-led strike", "Iran-backed militias" -> the actor token, else -1.
func (s *sentence) hyphenAgent(t int) int {
	p := t - 1
	// allow one adjective between: "the Saudi-led coalition air strike" is
	// handled by the compound chain; "a US-backed deadly raid" here
	if p >= 0 && s.toks[p].UPOS == "ADJ" && !hyphenParticiple(s.toks[p].Form) {
		p--
	}
	if p < 2 {
		return -1
	}
	if !hyphenParticiple(s.toks[p].Form) || s.toks[p-1].Form != "-" {
		return -1
	}
	if s.toks[p-1].Start != s.toks[p-2].End || s.toks[p].Start != s.toks[p-1].End {
		return -1
	}
	if s.actorAt[p-2] < 0 {
		return -1
	}
	return p - 2
}

func hyphenParticiple(f string) bool {
	switch lower(f) {
	case "led", "run", "held", "built", "made", "fought", "sent", "owned":
		return true
	}
	l := lower(f)
	return len(l) > 4 && l[len(l)-2:] == "ed"
}

// memberNouns name people by their belonging to a group.
var memberNouns = map[string]bool{
	"member": true, "follower": true, "adherent": true, "employee": true, "staff": true,
	"staffer": true, "worker": true, "volunteer": true,
}

// formerMembers reports whether noun i names former members of a group
// ("former members of the Church", "ex-employees of X"): they have left
// it, so the group's code is not theirs.
func (s *sentence) formerMembers(i int) bool {
	l := s.lemma(i)
	ex := false
	if strings.HasPrefix(l, "ex-") {
		l, ex = l[3:], true
	}
	if !memberNouns[l] || s.toks[i].UPOS != "NOUN" {
		return false
	}
	for _, k := range s.kidsRel(i, "amod") {
		if f := lower(s.toks[k].Form); f == "former" || f == "ex" {
			ex = true
		}
	}
	return ex
}
