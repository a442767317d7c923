package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
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
	r.appositiveSubjects()
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

var monthNames = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
}

func isDash(f string) bool { return f == "-" || f == "--" || f == "\u2013" || f == "\u2014" }

// datelinePrefix returns the number of tokens of a wire dateline opening
// the sentence ("NAIROBI, March 10 (Reuters) -", "PARIS (AFP) —"): a
// capitalized place name, then a date, an agency in parentheses or both,
// then a dash. It returns 0 when the sentence does not open so.
func datelinePrefix(toks []doc.Token) int {
	i := 0
	for i < len(toks) && i < 4 && toks[i].UPOS == "PROPN" && toks[i].Form != "" && toks[i].Form[0] >= 'A' && toks[i].Form[0] <= 'Z' {
		i++
	}
	if i == 0 || i >= len(toks) {
		return 0
	}
	marked := false
	if toks[i].Form == "," {
		i++
	}
	if i+1 < len(toks) && monthNames[lower(strings.TrimSuffix(toks[i].Form, "."))] && toks[i+1].UPOS == "NUM" {
		i += 2
		marked = true
		if i+1 < len(toks) && toks[i].Form == "," && toks[i+1].UPOS == "NUM" && len(toks[i+1].Form) == 4 {
			i += 2 // "Nov. 20, 2025"
		}
	}
	if i < len(toks) && toks[i].Form == "(" {
		j := i + 1
		for j < len(toks) && j < i+5 && toks[j].Form != ")" {
			j++
		}
		if j >= len(toks) || toks[j].Form != ")" || j == i+1 {
			return 0
		}
		i = j + 1
		marked = true
	}
	if !marked || i >= len(toks)-1 || !isDash(toks[i].Form) {
		return 0
	}
	return i + 1
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
