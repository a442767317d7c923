package coder

import (
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/dateline"
)

// Parse repairs. Parsers differ in how they attach a few constructions
// the rules read; repairParse rewrites those attachments into the one form
// the rules expect, so that the coder does not depend on which of two
// plausible (or one right and one wrong) analyses a given parser model
// prefers. Each repair is conservative: it fires only on a shape that the
// expected analysis would never produce.

// repairParse returns toks with the known alternative attachments
// rewritten; toks itself is never modified (a copy is made on the first
// change), so the document keeps the parser's own analysis.
//
// headline says whether the sentence is the document's title, where a
// past form with a subject is a reduced passive ("900 migrants rescued off
// coast" = were rescued).
func repairParse(toks []doc.Token, headline bool) []doc.Token {
	return repairParseVerbs(toks, headline, nil)
}

// repairParseVerbs is repairParse knowing the event verbs' lemmas, which
// lets it read a verbless headline's noun compound as the clause it is
// ("Kenya and Somalia sign(compound) border pact" = they sign a pact).
func repairParseVerbs(toks []doc.Token, headline bool, verbs map[string]bool) []doc.Token {
	r := &repairer{toks: toks}
	r.index()
	if headline {
		r.headlineNounVerb(verbs)
		r.headlinePassive()
	}
	r.dateline()
	r.conjOnNamePart()
	r.coordinatedSubjects()
	r.appositiveSubjects()
	r.nounRootClause(headline)
	r.modifierWithSubject()
	r.subordinateClause()
	r.copularModifier()
	r.reportedClause()
	r.objectParticiple()
	r.perfectAsAdjective()
	r.falseAgent()
	r.nounWithObject()
	r.participleWithObject()
	r.reducedRelativeRoot()
	r.outerSubjects()
	r.claimComplements()
	return r.toks
}

type repairer struct {
	toks   []doc.Token
	kids   [][]int
	copied bool
}

func (r *repairer) index() {
	r.kids = make([][]int, len(r.toks))
	for i := range r.toks {
		if h := r.head(i); h >= 0 {
			r.kids[h] = append(r.kids[h], i)
		}
	}
}

func (r *repairer) head(i int) int {
	h := r.toks[i].Head
	if h < 0 || h >= len(r.toks) || h == i {
		return -1
	}
	return h
}

// set reattaches token i under h with relation rel.
func (r *repairer) set(i, h int, rel string) {
	if !r.copied {
		r.toks = append([]doc.Token(nil), r.toks...)
		r.copied = true
	}
	r.toks[i].Head = h
	r.toks[i].Deprel = rel
	r.index()
}

func (r *repairer) kidsRel(i int, rels ...string) []int {
	var out []int
	for _, k := range r.kids[i] {
		for _, rel := range rels {
			if r.toks[k].Deprel == rel {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// span returns the first and last token of i's subtree (depth-limited, so
// a malformed tree with a cycle cannot loop).
func (r *repairer) span(i int) (int, int) {
	lo, hi := i, i
	var walk func(x, d int)
	walk = func(x, d int) {
		if d > len(r.toks) {
			return
		}
		for _, k := range r.kids[x] {
			lo, hi = min(lo, k), max(hi, k)
			walk(k, d+1)
		}
	}
	walk(i, 0)
	return lo, hi
}

// ancestor reports whether a dominates i.
func (r *repairer) ancestor(a, i int) bool {
	for n, x := 0, r.head(i); x >= 0 && n <= len(r.toks); n, x = n+1, r.head(x) {
		if x == a {
			return true
		}
	}
	return false
}

func nominal(upos string) bool { return upos == "NOUN" || upos == "PROPN" }

// appositiveSubjects: "Jeff Rathke, the department's spokesperson, said"
// parsed with two subjects of "said": the second, set off by commas right
// after the first, is the first's apposition.
func (r *repairer) appositiveSubjects() {
	for v := range r.toks {
		subj := r.kidsRel(v, "nsubj", "nsubj:pass")
		if len(subj) != 2 {
			continue
		}
		a, b := subj[0], subj[1]
		if !nominal(r.toks[a].UPOS) || !nominal(r.toks[b].UPOS) {
			continue
		}
		_, ahi := r.span(a)
		blo, bhi := r.span(b)
		// the subtree of b may or may not hold its own commas
		if r.toks[blo].Form == "," {
			blo++
		}
		if r.toks[bhi].Form == "," {
			bhi--
		}
		if blo != ahi+2 || r.toks[ahi+1].Form != "," || bhi+1 >= v || r.toks[bhi+1].Form != "," {
			continue
		}
		r.set(b, a, "appos")
	}
}

// conjOnNamePart: "Barack Obama and Vladimir Putin" parsed with the second
// name as a conjunct of "Obama", itself a flat part of "Barack": the
// conjunct belongs to the whole name.
func (r *repairer) conjOnNamePart() {
	for i := range r.toks {
		if r.toks[i].Deprel != "conj" {
			continue
		}
		h := r.head(i)
		if h < 0 || r.toks[h].Deprel != "flat" {
			continue
		}
		if top := r.head(h); top >= 0 && nominal(r.toks[top].UPOS) {
			r.set(i, top, "conj")
		}
	}
}

// coordinatedSubjects: "The US, Russia, and Switzerland met" parsed with
// "US" and "Switzerland" as two subjects of "met" ("Russia" an apposition
// of "US") and the "and" hung on the verb: the later subject, preceded by
// the coordinator, is a conjunct of the first, and a name set off by
// commas between them is one more conjunct of the list.
func (r *repairer) coordinatedSubjects() {
	for v := range r.toks {
		subj := r.kidsRel(v, "nsubj", "nsubj:pass")
		if len(subj) != 2 || subj[1] > v {
			continue
		}
		a, b := subj[0], subj[1]
		if !nominal(r.toks[a].UPOS) || !nominal(r.toks[b].UPOS) {
			continue
		}
		_, ahi := r.span(a)
		blo, _ := r.span(b)
		cc := -1
		for k := ahi + 1; k < blo; k++ {
			if f := lower(r.toks[k].Form); f == "and" || f == "or" {
				cc = k
			} else if f != "," {
				cc = -1
				break
			}
		}
		if cc < 0 {
			// "and" inside b's subtree, right at its start
			if f := lower(r.toks[blo].Form); (f == "and" || f == "or") && r.toks[blo].Deprel == "cc" {
				cc = blo
			} else {
				continue
			}
		}
		r.set(b, a, "conj")
		r.set(cc, b, "cc")
		for _, x := range r.kidsRel(a, "appos") {
			if x < b && r.toks[x].UPOS == "PROPN" {
				r.set(x, a, "conj")
			}
		}
	}
}

// nounRootClause: outside a headline, a sentence whose root is a noun with
// a past-tense verb hung on it as a reduced relative ("Iraq's national
// security advisor met(acl) with Syrian President ...") and no verb of its
// own is a clause: the verb is the root and the noun its subject. A
// participle qualifies only with an active complement (object or
// with-phrase), so a caption's "people killed in the attack" stays.
func (r *repairer) nounRootClause(headline bool) {
	if headline {
		return
	}
	root := -1
	for i := range r.toks {
		if r.head(i) < 0 && r.toks[i].UPOS != "PUNCT" {
			if root >= 0 {
				return
			}
			root = i
		}
	}
	if root < 0 || !nominal(r.toks[root].UPOS) {
		return
	}
	// the verb may hang on the root or on its last conjunct ("Colombia's
	// government and the ELN group resumed(acl of group) talks")
	cands := r.kidsRel(root, "acl")
	for _, c := range r.kidsRel(root, "conj") {
		cands = append(cands, r.kidsRel(c, "acl")...)
	}
	for _, v := range cands {
		if v < root || r.toks[v].UPOS != "VERB" || r.toks[v].XPOS != "VBD" && !(r.toks[v].XPOS == "VBN" && r.activeComplement(v)) {
			continue
		}
		if len(r.kidsRel(v, "nsubj", "nsubj:pass", "aux", "aux:pass", "mark")) > 0 {
			continue
		}
		r.set(v, -1, "root")
		r.subjectOf(root, v)
		return
	}
}

// modifierWithSubject: "The US presented(amod) evidence(root) against
// Russia" - a verb taken for an adjective of the noun after it, while the
// name before it was made its subject. An adjective has no subject: the
// verb is the clause, the noun its object.
func (r *repairer) modifierWithSubject() {
	for v := range r.toks {
		if r.toks[v].UPOS != "VERB" || r.toks[v].Deprel != "amod" {
			continue
		}
		n := r.head(v)
		if n <= v || r.head(n) >= 0 || !nominal(r.toks[n].UPOS) || len(r.kidsRel(v, "nsubj")) == 0 {
			continue
		}
		r.set(v, -1, "root")
		r.set(n, v, "obj")
		for _, k := range r.kids[n] {
			if k > n && r.toks[k].Deprel == "punct" {
				r.set(k, v, "punct")
			}
		}
		r.retag(v, "VERB", "VBD")
		return
	}
}

// copularModifier: "this latest move from government is(cop) clumsy(amod
// of move)" - an adjective with its own copula is a predicate, never a
// modifier: it takes the noun's place in the tree and the noun becomes its
// subject.
func (r *repairer) copularModifier() {
	for a := range r.toks {
		if r.toks[a].UPOS != "ADJ" || r.toks[a].Deprel != "amod" || len(r.kidsRel(a, "cop")) == 0 {
			continue
		}
		n := r.head(a)
		if n < 0 || n > a || !nominal(r.toks[n].UPOS) {
			continue
		}
		r.set(a, r.head(n), r.toks[n].Deprel)
		r.subjectOf(n, a)
	}
}

// reportedClause: "Israeli warplanes struck(amod) targets(ccomp) ..., the
// military said" and "Ukrainian forces shot(NOUN) down 30 drones, the air
// force said" - the reported clause's verb mistagged, its subject left as
// a second subject of the speech verb and its object (or the mistagged
// verb itself) taken for the complement. A complement noun with an object
// or a particle is the verb; a verb hung on it as an adjective is the verb
// and the noun its object; either way the first subject is the clause's.
func (r *repairer) reportedClause() {
	for h := range r.toks {
		subj := r.kidsRel(h, "nsubj")
		if len(subj) != 2 {
			continue
		}
		a := subj[0]
		for _, c := range r.kidsRel(h, "ccomp") {
			if c < a || c > subj[1] || !nominal(r.toks[c].UPOS) {
				continue
			}
			v := -1
			switch {
			case len(r.kidsRel(c, "obj", "compound:prt")) > 0:
				v = c // "shot(NOUN) down 30 drones"
				r.retag(c, "VERB", "VBD")
				r.set(c, h, "ccomp")
			case c-1 > a && r.toks[c-1].UPOS == "VERB" && r.toks[c-1].Deprel == "amod" && r.head(c-1) == c:
				v = c - 1 // "struck(amod) targets"
				r.set(v, h, "ccomp")
				r.set(c, v, "obj")
				for _, k := range r.kids[c] {
					if k > c && r.toks[k].Deprel == "nmod" {
						r.set(k, v, "obl") // "in southern Lebanon" goes with the verb
					}
				}
				r.retag(v, "VERB", "VBD")
			}
			if v >= 0 {
				r.set(a, v, "nsubj")
				break
			}
		}
	}
}

// objectParticiple: "have signed an agreement aimed(ccomp) at easing ..."
// parsed with the object as the subject of a complement clause: a verb
// with no object whose complement is a past form with no auxiliary or
// subordinator, whose subject stands right after the verb, has that
// subject as its object and the participle as the object's modifier.
func (r *repairer) objectParticiple() {
	for v := range r.toks {
		if r.toks[v].UPOS != "VERB" || len(r.kidsRel(v, "obj")) > 0 {
			continue
		}
		for _, c := range r.kidsRel(v, "ccomp") {
			if c < v || r.toks[c].XPOS != "VBD" && r.toks[c].XPOS != "VBN" || len(r.kidsRel(c, "aux", "aux:pass", "mark", "obj")) > 0 {
				continue
			}
			subj := r.kidsRel(c, "nsubj")
			if len(subj) != 1 || !nominal(r.toks[subj[0]].UPOS) {
				continue
			}
			n := subj[0]
			lo, hi := r.span(n)
			if lo != v+1 || hi != c-1 {
				continue
			}
			r.set(n, v, "obj")
			r.set(c, n, "acl")
			r.retag(c, "VERB", "VBN")
			break
		}
	}
}

// perfectAsAdjective: "The Taliban have long refused(amod) direct talks" -
// the perfect's auxiliary taken for the main verb "have" and the
// participle for an adjective of the object. A past participle modifying
// the object of "have", with only adverbs between them, is the verb.
func (r *repairer) perfectAsAdjective() {
	for h := range r.toks {
		if r.toks[h].UPOS != "VERB" || lemmaOf(&r.toks[h]) != "have" {
			continue
		}
		for _, n := range r.kidsRel(h, "obj") {
			for _, v := range r.kidsRel(n, "amod") {
				if v <= h || v >= n || r.toks[v].XPOS != "VBN" {
					continue
				}
				between := true
				for k := h + 1; k < v; k++ {
					if r.toks[k].UPOS != "ADV" {
						between = false
					}
				}
				if !between {
					continue
				}
				r.set(v, r.head(h), r.toks[h].Deprel)
				r.retag(v, "VERB", "VBN")
				for _, k := range r.kids[h] {
					r.set(k, v, r.toks[k].Deprel)
				}
				r.set(h, v, "aux")
				r.retag(h, "AUX", r.toks[h].XPOS)
				r.set(n, v, "obj")
				return
			}
		}
	}
}

// falseAgent: "he had spoken by(obl:agent) phone with the Turkish
// president" - a by-phrase on an active verb (its own subject, no passive
// auxiliary) is a means, not an agent; a with-phrase the parser hung on it
// belongs to the verb.
func (r *repairer) falseAgent() {
	for v := range r.toks {
		if r.toks[v].UPOS != "VERB" || len(r.kidsRel(v, "nsubj")) == 0 || len(r.kidsRel(v, "aux:pass", "nsubj:pass")) > 0 {
			continue
		}
		for _, a := range r.kidsRel(v, "obl:agent") {
			r.set(a, v, "obl")
			for _, k := range r.kidsRel(a, "nmod") {
				for _, c := range r.kidsRel(k, "case") {
					if lower(r.toks[c].Form) == "with" {
						r.set(k, v, "obl")
					}
				}
			}
		}
	}
}

// nounWithObject: "European Union foreign ministers(root) on Tuesday
// imposed(amod) sanctions(obj)" - a noun has no object: the verb taken for
// an adjective of that object is the clause, the noun its subject.
func (r *repairer) nounWithObject() {
	for n := range r.toks {
		if !nominal(r.toks[n].UPOS) || r.head(n) >= 0 {
			continue
		}
		for _, o := range r.kidsRel(n, "obj") {
			for _, v := range r.kidsRel(o, "amod") {
				if v <= n || v >= o || r.toks[v].UPOS != "VERB" {
					continue
				}
				r.set(v, -1, "root")
				r.retag(v, "VERB", "VBD")
				r.set(o, v, "obj")
				r.subjectOf(n, v)
				return
			}
		}
	}
}

// participleWithObject: "A suicide bomber(ccomp) killed(acl) at least 17
// people(obj), police said" - a past participle modifying a noun takes no
// direct object; with one, it is the verb of a clause whose subject is the
// noun, in the noun's place in the tree.
func (r *repairer) participleWithObject() {
	for v := range r.toks {
		if r.toks[v].UPOS != "VERB" || r.toks[v].Deprel != "acl" || r.toks[v].XPOS != "VBN" && r.toks[v].XPOS != "VBD" {
			continue
		}
		n := r.head(v)
		if n < 0 || n > v || !nominal(r.toks[n].UPOS) || len(r.kidsRel(v, "obj")) == 0 || len(r.kidsRel(v, "nsubj", "aux", "aux:pass", "mark")) > 0 {
			continue
		}
		if _, hi := r.span(n); hi > v {
			if lo, _ := r.span(v); lo != v {
				continue
			}
		}
		switch r.toks[n].Deprel {
		case "obj", "obl", "nmod", "appos", "conj", "compound":
			continue // "the envoy sent(acl) a letter" inside another clause: leave it
		}
		r.set(v, r.head(n), r.toks[n].Deprel)
		r.retag(v, "VERB", "VBD")
		r.subjectOf(n, v)
	}
}

// reducedRelativeRoot: "People killed(root, VBN) in the attack were
// buried(advcl)" - a participle without auxiliary taken for the main verb
// while a later verb with its own auxiliary and no subject of its own
// follows: the later verb is the clause, the noun its subject and the
// participle the noun's reduced relative.
func (r *repairer) reducedRelativeRoot() {
	for v := range r.toks {
		if r.head(v) >= 0 || r.toks[v].UPOS != "VERB" || r.toks[v].XPOS != "VBN" || len(r.kidsRel(v, "aux", "aux:pass", "obj")) > 0 {
			continue
		}
		subj := r.kidsRel(v, "nsubj")
		if len(subj) != 1 || subj[0] > v || !nominal(r.toks[subj[0]].UPOS) {
			continue
		}
		for _, w := range r.kidsRel(v, "advcl", "ccomp", "parataxis") {
			if w < v || r.toks[w].UPOS != "VERB" || len(r.kidsRel(w, "aux", "aux:pass")) == 0 || len(r.kidsRel(w, "nsubj", "nsubj:pass", "mark")) > 0 {
				continue
			}
			n := subj[0]
			rel := "nsubj"
			if len(r.kidsRel(w, "aux:pass")) > 0 {
				rel = "nsubj:pass"
			}
			r.set(w, -1, "root")
			r.set(n, w, rel)
			r.set(v, n, "acl")
			for _, k := range r.kids[v] {
				if k > w || r.toks[k].Deprel == "punct" {
					r.set(k, w, r.toks[k].Deprel)
				}
			}
			return
		}
	}
}

// retag sets token i's tags (on the copy set made).
func (r *repairer) retag(i int, upos, xpos string) {
	if !r.copied {
		r.toks = append([]doc.Token(nil), r.toks...)
		r.copied = true
	}
	r.toks[i].UPOS, r.toks[i].XPOS = upos, xpos
}

// subordinators open an adverbial clause when the parser reads them as a
// preposition before the clause's subject.
var subordinators = map[string]bool{
	"as": true, "after": true, "before": true, "while": true, "when": true, "since": true,
	"because": true, "until": true, "once": true,
}

// subordinateClause: "... came as the US leader prepared(acl) to attend"
// parsed with "as the US leader" as a prepositional phrase and the verb as
// a reduced relative of "leader": the noun is the subject of an adverbial
// clause that the subordinator opens.
func (r *repairer) subordinateClause() {
	for v := range r.toks {
		if r.toks[v].UPOS != "VERB" || r.toks[v].Deprel != "acl" || r.toks[v].XPOS != "VBD" && r.toks[v].XPOS != "VBN" {
			continue
		}
		n := r.head(v)
		if n < 0 || n > v || !nominal(r.toks[n].UPOS) || r.toks[n].Deprel != "obl" && r.toks[n].Deprel != "nmod" {
			continue
		}
		if _, hi := r.span(n); hi >= v {
			// v must follow the noun's own phrase directly
			lo, _ := r.span(v)
			if lo != v {
				continue
			}
		}
		c := -1
		for _, k := range r.kidsRel(n, "case", "mark") {
			if subordinators[lower(r.toks[k].Form)] {
				c = k
			}
		}
		if c < 0 || len(r.kidsRel(v, "nsubj", "nsubj:pass", "mark")) > 0 {
			continue
		}
		if r.toks[v].XPOS == "VBN" && !r.activeComplement(v) && len(r.kidsRel(v, "xcomp", "ccomp")) == 0 {
			continue // "as the men arrested(acl) in May": a reduced passive
		}
		r.set(v, r.head(n), "advcl")
		r.set(c, v, "mark")
		r.subjectOf(n, v)
	}
}

// subjectOf makes noun n the subject of verb v, which took n's place:
// n's dependents after v ("... and the ELN group resumed(v) talks in
// Mexico") belong to v's clause.
func (r *repairer) subjectOf(n, v int) {
	r.set(n, v, "nsubj")
	for _, k := range r.kids[n] {
		if k > v {
			r.set(k, v, r.toks[k].Deprel)
		}
	}
}

// activeComplement reports whether participle v has a complement only an
// active verb takes (an object, or a with-phrase: "met with"), which a
// reduced passive ("people killed in the attack") lacks.
func (r *repairer) activeComplement(v int) bool {
	if len(r.kidsRel(v, "obj")) > 0 {
		return true
	}
	for _, o := range r.kidsRel(v, "obl") {
		for _, c := range r.kidsRel(o, "case") {
			if lower(r.toks[c].Form) == "with" {
				return true
			}
		}
	}
	return false
}

// outerSubjects: a predicate whose only subject is marked nsubj:outer ("it
// was damning that ...") has that subject as its plain subject.
func (r *repairer) outerSubjects() {
	for i := range r.toks {
		if r.toks[i].Deprel != "nsubj:outer" {
			continue
		}
		h := r.head(i)
		if h < 0 || len(r.kidsRel(h, "nsubj", "nsubj:pass")) > 0 {
			continue
		}
		r.set(i, h, "nsubj")
	}
}

// claimComplements: "they claimed X allegedly left" with the clause "X
// allegedly left" attached to some higher verb (parataxis, conj, advcl)
// while the claim verb has no complement: the clause that starts right
// after a claim or speech verb is its complement.
func (r *repairer) claimComplements() {
	for h := range r.toks {
		if r.toks[h].UPOS != "VERB" || !claimVerbs[lemmaOf(&r.toks[h])] && !speechVerbs[lemmaOf(&r.toks[h])] {
			continue
		}
		if len(r.kidsRel(h, "ccomp", "obj", "xcomp", "csubj")) > 0 || h+1 >= len(r.toks) {
			continue
		}
		for c := range r.toks {
			if c <= h+1 || r.toks[c].UPOS != "VERB" || len(r.kidsRel(c, "nsubj", "nsubj:pass")) == 0 {
				continue
			}
			switch r.toks[c].Deprel {
			case "parataxis", "conj", "advcl":
			default:
				continue
			}
			lo, _ := r.span(c)
			if lo != h+1 || r.ancestor(c, h) || !r.ancestor(r.head(c), h) && r.head(c) != r.head(h) {
				continue
			}
			if len(r.kidsRel(c, "cc")) > 0 { // "said and left": a real coordination
				continue
			}
			r.set(c, h, "ccomp")
			break
		}
	}
}

// headlinePassive: a headline's past-tense main verb with a subject and
// no auxiliary is a reduced passive ("Over 900 asylum seekers rescued off
// Indonesian coast"): the subject is the passive subject, and a particle
// the parser took from a following noun ("rescued off(prt) coast(obj)")
// is that noun's preposition.
func (r *repairer) headlinePassive() {
	for v := range r.toks {
		if r.head(v) >= 0 || r.toks[v].UPOS != "VERB" || (r.toks[v].XPOS != "VBN" && r.toks[v].XPOS != "VBD") {
			continue
		}
		if len(r.kidsRel(v, "aux", "aux:pass", "cop", "nsubj:pass")) > 0 {
			continue
		}
		subj := r.kidsRel(v, "nsubj")
		if len(subj) != 1 || subj[0] > v || !nominal(r.toks[subj[0]].UPOS) {
			continue
		}
		objs := r.kidsRel(v, "obj")
		for _, p := range r.kidsRel(v, "compound:prt") {
			for _, o := range objs {
				if lo, _ := r.span(o); lo == p+1 && r.toks[p].UPOS == "ADP" {
					r.set(p, o, "case")
					r.set(o, v, "obl")
				}
			}
		}
		if len(r.kidsRel(v, "obj")) > 0 {
			continue // an object left: an active headline after all
		}
		r.set(subj[0], v, "nsubj:pass")
	}
}

// headlineNounVerb: a headline with no verb at all whose root noun has an
// event verb among its compounds, right after a proper-name subject that
// covers the start of the headline ("Kenya and Somalia sign border
// security pact" tagged as one noun phrase), is a clause: the verb is the
// root, the names before it its subject and the root noun its object.
func (r *repairer) headlineNounVerb(verbs map[string]bool) {
	if len(verbs) == 0 {
		return
	}
	root := -1
	for i, t := range r.toks {
		if t.UPOS == "VERB" || t.UPOS == "AUX" {
			return
		}
		if r.head(i) < 0 && t.UPOS != "PUNCT" {
			if root >= 0 {
				return
			}
			root = i
		}
	}
	if root < 1 || r.toks[root].UPOS != "NOUN" {
		return
	}
	for _, v := range r.kidsRel(root, "compound") {
		t := r.toks[v]
		if v == 0 || v >= root || t.UPOS != "NOUN" || !verbs[lower(t.Lemma)] && !verbs[lower(t.Form)] {
			continue
		}
		subj := -1
		for _, k := range r.kidsRel(root, "compound", "nsubj", "nmod") {
			if k < v && r.toks[k].UPOS == "PROPN" {
				if lo, hi := r.span(k); lo == 0 && hi == v-1 {
					subj = k
				}
			}
		}
		if subj < 0 {
			continue
		}
		r.set(v, -1, "root")
		r.toks[v].UPOS, r.toks[v].XPOS = "VERB", "VBP"
		r.set(subj, v, "nsubj")
		r.set(root, v, "obj")
		return
	}
}

// datelinePrefix returns the number of tokens of a wire dateline opening
// the sentence (see package dateline), 0 when it does not open so.
func datelinePrefix(toks []doc.Token) int {
	forms, upos := make([]string, len(toks)), make([]string, len(toks))
	for i := range toks {
		forms[i], upos[i] = toks[i].Form, toks[i].UPOS
	}
	return dateline.Prefix(forms, upos)
}

// dateline: a wire dateline opening the sentence names where the story
// was filed, never a participant; the parser often makes its place the
// subject ("NAIROBI(nsubj), March 10 (Wire) - X met Y"). Its tokens are
// hung under the clause's root as a plain dependent.
func (r *repairer) dateline() {
	n := datelinePrefix(r.toks)
	if n == 0 {
		return
	}
	root := -1
	for i := range r.toks {
		if r.head(i) < 0 && r.toks[i].UPOS != "PUNCT" {
			if i < n {
				return // the dateline is the tree's root: leave such a parse alone
			}
			if root < 0 {
				root = i
			}
		}
	}
	if root < 0 {
		return
	}
	// words of the clause the parser hung inside the dateline ("(Wire)
	// - Kenyan President X met": the president as the agency's
	// apposition) take the dateline's own place in the clause
	for j := n; j < len(r.toks); j++ {
		h := r.head(j)
		if h < 0 || h >= n {
			continue
		}
		top := h
		for k := 0; k <= n; k++ {
			if p := r.head(top); p >= 0 && p < n {
				top = p
			} else {
				break
			}
		}
		rel := "dep"
		if p := r.head(top); p >= n {
			rel = r.toks[top].Deprel
			r.set(j, p, rel)
		} else {
			r.set(j, root, rel)
		}
	}
	for i := 0; i < n; i++ {
		if h := r.head(i); h < 0 || h >= n {
			if i == 0 {
				r.set(i, root, "dep")
			} else {
				r.set(i, 0, "dep")
			}
		}
	}
}
