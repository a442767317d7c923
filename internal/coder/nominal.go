package coder

// nominalEventOK reports whether a nominal trigger at t can denote an
// event this sentence asserts (or reports, intends ...):
//   - a nominal inside an obstacle or purpose phrase ("a stumbling block to
//     cooperation", "an obstacle to peace talks", "the key to cooperation")
//     names a prospect, not an event;
//   - a nominal that is an argument of a negated predicate other than a
//     light verb ("did not comment on the downing of the plane", "nobody
//     mentioned the attack") is not asserted by the sentence. (A light verb
//     lends its polarity to the nominal instead: "did not hold talks" is a
//     negated 040, handled by modality.)
func (s *sentence) nominalEventOK(t int) bool {
	if h := s.head(t); h >= 0 {
		r := s.rel(t)
		if (r == "nmod" || r == "obl") && s.caseOf(t) == "to" {
			if obstacleNouns[s.lemma(h)] {
				return false
			}
			// "prove a stumbling block to cooperation" parsed with the
			// to-phrase on the verb: look at the verb's object
			for _, o := range s.kidsRel(h, "obj", "xcomp") {
				if obstacleNouns[s.lemma(o)] {
					return false
				}
			}
		}
	}
	// climb nominal attachments to the governing predicate
	cur := t
	for n := 0; n < 8; n++ {
		h := s.head(cur)
		if h < 0 {
			return true
		}
		switch s.rel(cur) {
		case "nmod", "obl", "obj", "nsubj", "iobj", "appos", "conj", "compound":
		default:
			return true
		}
		switch s.toks[h].UPOS {
		case "VERB", "ADJ", "AUX":
			if lightVerbs[s.lemma(h)] && cur == t {
				return true
			}
			return !s.clauseNeg(h)
		}
		if s.hasKid(h, "cop", "") {
			return !s.clauseNeg(h)
		}
		cur = h
	}
	return true
}

// obstacleNouns head "N to X" phrases where X is only a prospect.
var obstacleNouns = map[string]bool{
	"block": true, "obstacle": true, "barrier": true, "hurdle": true, "impediment": true,
	"key": true, "path": true, "road": true, "route": true, "prelude": true, "hindrance": true,
	"setback": true, "blow": true, "threat": true, "danger": true, "alternative": true,
}

// describesEventNoun reports whether verb t heads a relative or participle
// clause describing a violent event noun ("the assaults in which 130
// people were killed", "the bombing that killed 224 people"): the clause
// gives the event's toll, not a second event.
func (s *sentence) describesEventNoun(t int) bool {
	if s.rel(t) != "acl" {
		return false
	}
	h := s.head(t)
	return h >= 0 && s.eventNouns[s.lemma(h)]
}
