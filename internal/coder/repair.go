package coder

import "github.com/eventwire/eventwire/internal/doc"

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
	r := &repairer{toks: toks}
	r.index()
	if headline {
		r.headlinePassive()
	}
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
