package tabari

import "strings"

// Verb interaction as PETRARCH codes it with its coding ontology: a verb
// whose complement is another coded verb ("wants to attack X", "said Y
// attacked X", "urged Y to help X") yields one event, coded by the
// dictionary's transformations (see Transform) or else by adding the two
// verbs' ontology values (see Combine): "seeking to deepen a partnership"
// is intend + cooperate = 031, "asking Y to help X" is appeal + aid = Y
// appealed to for aid (023). A combination the ontology has no code for
// is no event, as in PETRARCH; so is a reported event of another actor
// that no transformation codes ("A said B supported C").

// inner-source kinds of a complement verb
const (
	srcNone  = iota // no source of its own: the governing verb's source acts ("wants to attack")
	srcSame         // its own source, the same actors ("said it attacked", "they" resolved)
	srcOther        // another actor ("said B attacked", "wants B to attack")
)

// compose folds each coded complement verb (xcomp, or a ccomp written
// after its verb: "A said B ..."; a report written first, "B ..., A
// said", is an attribution) into its governing verb's event, deepest
// first so that chains compose upwards. Verbs coordinated with a folded
// verb fold into the same governing verb ("claimed ISIL had attacked X
// and taken Y"). It returns the events (composed ones appended), what is
// dropped, and for each folded event the index of the one it went into
// (-1 none).
func (s *sent) compose(cs []coded, byVerb map[int]int, drop []bool) ([]coded, []bool, []int) {
	into := make([]int, len(cs))
	order := make([]int, len(cs))
	depth := make([]int, len(cs))
	for k := range cs {
		into[k] = -1
		order[k] = k
		for h, n := s.head(cs[k].verb), 0; h >= 0 && n < len(s.toks); h, n = s.head(h), n+1 {
			depth[k]++
		}
	}
	for a := 1; a < len(order); a++ {
		for b := a; b > 0 && depth[order[b]] > depth[order[b-1]]; b-- {
			order[b], order[b-1] = order[b-1], order[b]
		}
	}
	for _, k := range order {
		if drop[k] {
			continue
		}
		i := cs[k].verb
		for _, j := range s.kids[i] {
			if !s.complementOf(i, j) {
				continue
			}
			n, ok := byVerb[j]
			if !ok || drop[n] {
				continue
			}
			outer := cs[k]
			res, ok := s.combine(&outer, &cs[n])
			drop[n], into[n] = true, k
			if ok {
				cs[k] = res
			} else {
				drop[k] = true
			}
			for _, c := range s.kids[j] {
				m, ok := byVerb[c]
				if !ok || drop[m] || s.toks[c].Deprel != "conj" || s.toks[c].UPOS != "VERB" {
					continue
				}
				res2, ok := s.combine(&outer, &cs[m])
				drop[m], into[m] = true, k
				if ok {
					cs = append(cs, res2)
					drop = append(drop, false)
					into = append(into, -1)
				}
			}
			break
		}
	}
	return cs, drop, into
}

// complementOf: verb j is a complement clause of verb i that composes
// with it: an xcomp, a that-clause written after the verb, or an
// infinitive after an actor object ("asked Obama to help Iran": a
// parser's advcl where PETRARCH's parser has a clause complement).
func (s *sent) complementOf(i, j int) bool {
	switch s.toks[j].Deprel {
	case "xcomp":
		return true
	case "ccomp":
		return j > i
	case "advcl":
		return j > i && s.infinitive(j) && s.actorObject(i, j) >= 0
	}
	return false
}

// actorObject is the object of verb i written before its complement j
// when it names an actor ("asked Obama to help": Obama), else -1.
func (s *sent) actorObject(i, j int) int {
	for _, k := range s.kids[i] {
		if s.toks[k].Deprel == "obj" && k < j && len(s.partsOfCoord(k)) > 0 {
			return k
		}
	}
	return -1
}

// infinitive: verb j is a to-infinitive without a subject of its own.
func (s *sent) infinitive(j int) bool {
	to := false
	for _, k := range s.kids[j] {
		switch r := s.toks[k].Deprel; {
		case r == "mark" && s.up[k] == "TO":
			to = true
		case strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj"):
			return false
		}
	}
	return to
}

// innerKind classifies the source of complement verb j (coded in) under
// the governing event o.
func (s *sent) innerKind(o, in *coded) int {
	j := in.verb
	own := false
	for _, k := range s.kids[j] {
		r := s.toks[k].Deprel
		if r == "nsubj" || r == "nsubj:pass" || r == "csubj" || r == "obl:agent" || (r == "obl" || r == "nmod") && s.caseOf(k) == "BY" && s.isPassive(j) {
			own = true
			break
		}
	}
	if !own && s.toks[j].Deprel != "ccomp" {
		// object control: "urged Bree to help", "wants Putin to attack"
		for _, k := range s.kids[o.verb] {
			if s.toks[k].Deprel == "obj" && k < j {
				if ps := s.partsOfCoord(k); len(ps) > 0 {
					in.srcs = ps
				}
				own = true
				break
			}
		}
	}
	if !own && s.isPassive(j) && len(in.srcs) > 0 {
		own = true // a passive's source from its complements ("was fired from Gaza")
	}
	if !own || len(in.srcs) == 0 {
		return srcNone
	}
	if sameCodes(in.srcs, o.srcs) {
		return srcSame
	}
	return srcOther
}

func sameCodes(a, b []part) bool {
	if len(a) != len(b) {
		return false
	}
	for _, p := range a {
		found := false
		for _, q := range b {
			if p.code == q.code {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// combine makes the event of governing event o with its complement's
// event in; ok false when that is no event.
func (s *sent) combine(o, in *coded) (coded, bool) {
	P, okP := s.onto.Value(o.code.Event)
	Q, okQ := s.onto.Value(in.code.Event)
	switch {
	case !okP:
		return *in, true // the governing verb has no code of its own here
	case !okQ:
		return *o, true
	case !o.ownSrc:
		// no actor of its own governs ("it has been noted that A ...",
		// "A was seen to break ..."): the complement's event stands
		return *in, true
	}
	kind := s.innerKind(o, in)
	if kind == srcNone && s.toks[in.verb].Deprel == "ccomp" {
		// a reported clause without an actor of its own: nothing to
		// compose ("A agreed that disputes should be resolved")
		return *o, true
	}
	res := *o
	res.byPat = true
	res.compound = o.compound || in.compound
	if t, srcs, tgts := s.transform(P, Q, kind, o, in); t != nil {
		code := t.Code
		if code == "Q" {
			code = in.code.Event
		}
		res.code = Code{Event: code}
		res.srcs, res.tgts = srcs, tgts
		res.pat = t.File + ":" + itoa(t.Line) + " transformation of " + o.pat + " + " + in.pat
		return res, true
	}
	res.srcs = o.srcs
	switch kind {
	case srcOther:
		res.tgts = in.srcs
		if Q >= 0x1000 || Q < 0 {
			return s.uncombined(o, in)
		}
	default:
		res.tgts = in.tgts
		if len(res.tgts) == 0 {
			res.tgts = o.tgts
		}
	}
	code := s.onto.Code(Combine(P, Q))
	if code == "" {
		if kind == srcOther {
			return s.uncombined(o, in)
		}
		return res, false
	}
	res.code = Code{Event: code}
	if code == in.code.Event {
		res.code.Reverse = in.code.Reverse
	}
	res.pat = o.pat + " + " + in.pat
	return res, true
}

// transform finds the dictionary transformation for governing value P and
// inner value Q: PETRARCH follows the narrowest matching governing verb,
// then the narrowest inner verb ("Q" last), and codes with the first of
// those whose actors fit. It returns the transformation and the result's
// sources and targets.
func (s *sent) transform(P, Q int64, kind int, o, in *coded) (*Transform, []part, []part) {
	tfs := s.verbs.Transformations
	if len(tfs) == 0 {
		return nil, nil, nil
	}
	type cand struct {
		t      *Transform
		or, ir int
	}
	var cands []cand
	bestO, bestI := 99, 99
	for _, t := range tfs {
		or, ok := s.keyRank(t.Outer, P)
		if !ok {
			continue
		}
		ir, ok := s.keyRank(t.Inner, Q)
		if !ok {
			continue
		}
		cands = append(cands, cand{t, or, ir})
		bestO = min(bestO, or)
	}
	for _, c := range cands {
		if c.or == bestO {
			bestI = min(bestI, c.ir)
		}
	}
	for _, c := range cands {
		if c.or != bestO || c.ir != bestI {
			continue
		}
		if srcs, tgts, ok := s.bind(c.t, kind, o, in); ok {
			return c.t, srcs, tgts
		}
	}
	return nil, nil, nil
}

// keyRank: how narrowly verb word w's code covers value v (4 for "Q").
func (s *sent) keyRank(w string, v int64) (int, bool) {
	if w == "Q" {
		return 4, true
	}
	c, ok := s.verbs.verbCode(w)
	if !ok || c.Event == "" {
		return 0, false
	}
	k, ok := s.onto.Value(c.Event)
	if !ok {
		return 0, false
	}
	return keyMatches(k, v)
}

// bind fits a transformation's variables to the actors.
func (s *sent) bind(t *Transform, kind int, o, in *coded) ([]part, []part, bool) {
	vars := map[string][]part{"a": o.srcs}
	switch t.InnerSrc {
	case "a":
		if kind != srcSame {
			return nil, nil, false
		}
	case "_":
		if kind != srcNone {
			return nil, nil, false
		}
	case ".":
	default:
		if kind != srcOther {
			return nil, nil, false
		}
		vars[t.InnerSrc] = in.srcs
	}
	switch v := t.InnerTgt; v {
	case ".":
	case "_":
		if len(in.tgts) > 0 {
			return nil, nil, false
		}
	default:
		if b, ok := vars[v]; ok {
			if !sameCodes(b, in.tgts) {
				return nil, nil, false
			}
		} else {
			if len(in.tgts) == 0 {
				return nil, nil, false
			}
			vars[v] = in.tgts
		}
	}
	srcs, ok1 := vars[t.Src]
	tgts, ok2 := vars[t.Tgt]
	if !ok1 || !ok2 {
		return nil, nil, false
	}
	return srcs, tgts, true
}

// uncombined: another actor's event that does not compose with the
// governing verb. A report of it ("A said B supported C") is no event, as
// in PETRARCH; another governing verb keeps its own code, on that actor
// ("A urged B to respond": A on B).
func (s *sent) uncombined(o, in *coded) (coded, bool) {
	if isComment(o.code) {
		return *o, false
	}
	res := *o
	if len(res.tgts) == 0 {
		res.tgts = in.srcs
	}
	return res, true
}
