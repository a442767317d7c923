package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// sentence is the per-sentence working state.
type sentence struct {
	d       *doc.Document
	idx     int
	toks    []doc.Token
	kids    [][]int
	matches []ActorMatch
	actorAt []int // token -> index into matches, -1 when none
	mem     *memory
	lookup  PhraseLookup
	// eventNouns are the nominal triggers of violent events (roots 14-20)
	eventNouns map[string]bool
	// verbLemmas are the lemmas of verb triggers
	verbLemmas map[string]bool
	flags      []doc.Flag
	flagged    map[int]bool
	corefs     map[int][]arg // resolved pronouns/descriptions by token
}

func (c *Coder) newSentence(d *doc.Document, si int) *sentence {
	toks := d.Sentences[si].Tokens
	if len(toks) == 0 {
		return nil
	}
	s := &sentence{d: d, idx: si, toks: toks, eventNouns: c.eventNouns, verbLemmas: c.verbLemmas}
	s.kids = make([][]int, len(toks))
	parsed := false
	for i := range toks {
		h := toks[i].Head
		if h >= 0 && h < len(toks) && h != i {
			s.kids[h] = append(s.kids[h], i)
			parsed = true
		}
	}
	if !parsed && len(toks) > 1 {
		return nil
	}
	s.actorAt = make([]int, len(toks))
	for i := range s.actorAt {
		s.actorAt[i] = -1
	}
	if c.actors != nil {
		s.lookup, _ = c.actors.(PhraseLookup)
		s.matches = c.actors.Scan(d.Text, toks, d.PubDate)
		s.dropNameParts()
		for mi, m := range s.matches {
			lo, hi := m.Start, m.End
			if lo < 0 {
				lo = 0
			}
			if hi > len(toks) {
				hi = len(toks)
			}
			if hi <= lo { // fall back to spans
				for i := range toks {
					if m.Span.Contains(toks[i].Span) {
						if lo >= hi {
							lo = i
						}
						hi = i + 1
					}
				}
			}
			for i := lo; i < hi; i++ {
				if s.actorAt[i] < 0 || s.matches[s.actorAt[i]].End-s.matches[s.actorAt[i]].Start < m.End-m.Start {
					s.actorAt[i] = mi
				}
			}
		}
	}
	return s
}

// rel returns the universal part of token i's relation ("obl" for "obl:agent").
func (s *sentence) rel(i int) string {
	r := s.toks[i].Deprel
	if j := strings.IndexByte(r, ':'); j >= 0 {
		return r[:j]
	}
	return r
}

func (s *sentence) head(i int) int {
	h := s.toks[i].Head
	if h < 0 || h >= len(s.toks) || h == i {
		return -1
	}
	return h
}

func (s *sentence) lemma(i int) string { return lemmaOf(&s.toks[i]) }

// caseOf returns the lemma of token i's case (or mark) dependent, "" if none.
// Multiword markers ("according to", "because of") give their first word.
func (s *sentence) caseOf(i int) string {
	for _, k := range s.kids[i] {
		if s.toks[k].Deprel == "case" {
			return s.lemma(k)
		}
	}
	return ""
}

func (s *sentence) hasKid(i int, deprel, lemma string) bool {
	for _, k := range s.kids[i] {
		if (deprel == "" || s.toks[k].Deprel == deprel) && (lemma == "" || s.lemma(k) == lemma) {
			return true
		}
	}
	return false
}

func (s *sentence) kidsRel(i int, rels ...string) []int {
	var out []int
	for _, k := range s.kids[i] {
		d := s.toks[k].Deprel
		for _, r := range rels {
			if d == r {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// isPassive reports whether verb i is in the passive voice.
func (s *sentence) isPassive(i int) bool {
	for _, k := range s.kids[i] {
		switch s.toks[k].Deprel {
		case "nsubj:pass", "aux:pass", "csubj:pass":
			return true
		}
	}
	// reduced passive participle modifying a noun: "a system backed by X"
	if s.rel(i) == "acl" && s.toks[i].Deprel != "acl:relcl" && s.toks[i].XPOS == "VBN" {
		return true
	}
	return false
}

// subtreeRange returns the first and last token of i's subtree.
func (s *sentence) subtreeRange(i int) (int, int) {
	lo, hi := i, i
	stack := []int{i}
	for n := 0; len(stack) > 0 && n < 4*len(s.toks); n++ {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if x < lo {
			lo = x
		}
		if x > hi {
			hi = x
		}
		stack = append(stack, s.kids[x]...)
	}
	return lo, hi
}

func (s *sentence) span() doc.Span { return s.d.Sentences[s.idx].Span }

func (s *sentence) tokSpan(lo, hi int) doc.Span {
	return doc.Span{Start: s.toks[lo].Start, End: s.toks[hi].End}
}

func (s *sentence) textOf(sp doc.Span) string { return sp.In(s.d.Text) }

// nameSpan is the span of a proper name headed by i (its flat / compound
// PROPN dependents included).
func (s *sentence) nameSpan(i int) (int, int) {
	lo, hi := i, i
	for _, k := range s.kids[i] {
		r := s.toks[k].Deprel
		if (r == "flat" || r == "flat:name" || r == "compound" && s.toks[k].UPOS == "PROPN") && k >= lo-1 && k <= hi+1 {
			if k < lo {
				lo = k
			}
			if k > hi {
				hi = k
			}
		}
	}
	// a second pass catches names of 3+ words attached in order
	for _, k := range s.kids[i] {
		r := s.toks[k].Deprel
		if r == "flat" || r == "flat:name" || r == "compound" && s.toks[k].UPOS == "PROPN" {
			if k == lo-1 {
				lo = k
			}
			if k == hi+1 {
				hi = k
			}
		}
	}
	return lo, hi
}

func isCountryCode(code cameo.ActorCode) bool {
	return len(code) >= 3 && cameo.IsCountry(string(code[:3]))
}

// dropNameParts removes place-name metonyms that are part of a longer
// proper name ("Valeska Paris", "Paris Hilton").
func (s *sentence) dropNameParts() {
	out := s.matches[:0]
	for _, m := range s.matches {
		if m.Kind == "metonym" && m.Start >= 0 && m.End <= len(s.toks) && s.inLongerName(m.Start, m.End) {
			continue
		}
		out = append(out, m)
	}
	s.matches = out
}

func (s *sentence) inLongerName(lo, hi int) bool {
	for i := lo; i < hi; i++ {
		r := s.toks[i].Deprel
		if r == "flat" || r == "flat:name" {
			if h := s.head(i); h >= 0 && (h < lo || h >= hi) {
				return true
			}
		}
		for _, k := range s.kids[i] {
			if (k < lo || k >= hi) && (s.toks[k].Deprel == "flat" || s.toks[k].Deprel == "flat:name") {
				return true
			}
		}
	}
	return false
}
