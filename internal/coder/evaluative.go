package coder

// Evaluative statements: a speaker who says that an actor "is the
// outlier", "is a reliable partner" or "has no place in the future of the
// country" approves (051) or disapproves (111) of, or rejects (120), that
// actor. The speaker comes from an attributed quote (d.Quotes) covering the
// statement or from a speech verb governing it ("X said that ...").
// Because copular clauses inside quotes are often misparsed, the
// predicate is found on the token sequence: a form of "be" followed,
// within a few determiners/adjectives/adverbs, by an evaluative word (or
// "have no place/role/future"); the evaluated actor is the predicate's
// subject in the parse, else the nearest actor before the copula.

var (
	evalPattern = map[string]*Pattern{
		"111": {Kind: NounTrigger, Code: "111", Conf: 0.6, Name: "evaluative", Text: "speaker: ACTOR is/are + disapproving predicate -> 111"},
		"051": {Kind: NounTrigger, Code: "051", Conf: 0.55, Name: "evaluative", Text: "speaker: ACTOR/its act is/are + approving predicate -> 051"},
		"120": {Kind: NounTrigger, Code: "120", Conf: 0.6, Name: "evaluative", Text: "speaker: ACTOR has no place/role/future -> 120"},
	}
	evalNegative = map[string]bool{
		"outlier": true, "problem": true, "threat": true, "menace": true, "danger": true, "aggressor": true,
		"enemy": true, "obstacle": true, "liar": true, "failure": true, "disgrace": true, "criminal": true,
		"terrorist": true, "pariah": true, "bully": true, "troublemaker": true, "culprit": true, "spoiler": true,
		"wrong": true, "dangerous": true, "irresponsible": true, "unacceptable": true, "reckless": true,
		"illegitimate": true, "isolated": true, "guilty": true, "provocative": true, "hostile": true,
		"aggressive": true, "destabilizing": true, "destabilising": true, "unreliable": true,
		"untrustworthy": true, "hypocritical": true, "disgraceful": true, "shameful": true, "outrageous": true,
		"misguided": true, "counterproductive": true, "unhelpful": true, "lawless": true, "rogue": true,
		"damning": true, "clumsy": true, "unthinking": true, "scandalous": true, "appalling": true,
		"deplorable": true, "inexcusable": true, "unjustified": true, "unjustifiable": true, "cruel": true,
		"inhumane": true, "incompetent": true, "negligent": true, "shocking": true, "absurd": true,
	}
	evalPositive = map[string]bool{
		"partner": true, "ally": true, "friend": true, "good": true, "great": true, "important": true,
		"constructive": true, "positive": true, "useful": true, "welcome": true, "reliable": true,
		"excellent": true, "helpful": true, "valuable": true, "encouraging": true, "promising": true,
		"sensible": true, "reasonable": true, "trustworthy": true, "indispensable": true,
	}
	// roleNouns complete "have no ___" rejections
	roleNouns = map[string]bool{"place": true, "role": true, "future": true, "legitimacy": true, "say": true}
)

// evaluations codes the evaluative statements of sentence s.
func (c *Coder) evaluations(s *sentence) []candidate {
	var out []candidate
	for _, r := range s.speechRegions() {
		out = append(out, s.evaluateRegion(r)...)
	}
	return out
}

// region is a stretch of tokens spoken by an identified speaker.
type region struct {
	lo, hi  int
	speaker arg
}

// speechRegions returns the quoted or reported stretches of s whose
// speaker is an actor.
func (s *sentence) speechRegions() []region {
	var out []region
	sp := s.span()
	for qi := range s.d.Quotes {
		q := &s.d.Quotes[qi]
		if q.Speaker == nil || q.Speaker.Actor == "" || !q.Span.Overlaps(sp) {
			continue
		}
		lo, hi := -1, -1
		for i := range s.toks {
			if q.Span.Contains(s.toks[i].Span) {
				if lo < 0 {
					lo = i
				}
				hi = i
			}
		}
		if lo < 0 {
			continue
		}
		out = append(out, region{lo, hi, arg{tok: -1, span: q.Speaker.Span, text: q.Speaker.Text, entity: q.Speaker.Entity,
			code: q.Speaker.Actor, named: true, cert: 0.75, via: "quote"}})
	}
	if len(out) > 0 {
		return out
	}
	for v := range s.toks {
		if s.toks[v].UPOS != "VERB" || !speechVerbs[s.lemma(v)] {
			continue
		}
		spk := s.speakerOf(v)
		if len(spk) != 1 || spk[0].code == "" {
			continue
		}
		for _, cc := range s.kidsRel(v, "ccomp") {
			lo, hi := s.subtreeRange(cc)
			out = append(out, region{lo, hi, spk[0]})
		}
	}
	return out
}

func (s *sentence) evaluateRegion(r region) []candidate {
	var out []candidate
	first := r.lo
	// the copula may stand just before a quote that begins with the
	// predicate: it was "damning that ..."
	if first >= 2 && isQuoteMark(s.toks[first-1].Form) && s.lemma(first-2) == "be" {
		first -= 2
	}
	for b := first; b <= r.hi; b++ {
		l := s.lemma(b)
		if l != "be" && l != "have" && l != "remain" {
			continue
		}
		// the predicate: up to four determiners/adjectives/adverbs/nouns after the verb
		w, code, neg := -1, "", false
		for j := b + 1; j <= r.hi && j <= b+5; j++ {
			f, lj := lower(s.toks[j].Form), s.lemma(j)
			if f == "not" || f == "n't" || f == "never" || f == "hardly" {
				neg = true
				continue
			}
			if l == "have" {
				if f == "no" && j+1 <= r.hi && roleNouns[lower(s.toks[j+1].Form)] {
					w, code = j+1, "120"
				}
				break
			}
			if evalNegative[f] || evalNegative[lj] {
				w, code = j, "111"
				break
			}
			if evalPositive[f] || evalPositive[lj] {
				w, code = j, "051"
				// "a good proposal": the evaluated thing is the noun
				if j+1 <= r.hi && actNouns[s.lemma(j+1)] {
					w = j + 1
				}
				break
			}
			switch s.toks[j].UPOS {
			case "DET", "ADJ", "ADV":
				continue
			case "PUNCT":
				if isQuoteMark(s.toks[j].Form) { // it was "damning that ..."
					continue
				}
			}
			break
		}
		if w < 0 || neg {
			continue
		}
		tgt := s.evaluated(b, w, r)
		if tgt == nil || tgt.key() == r.speaker.key() {
			continue
		}
		spk := r.speaker
		out = append(out, candidate{p: evalPattern[code], trigger: w, src: &spk, tgt: tgt})
	}
	return out
}

// evaluated finds the actor an evaluative predicate (copula b, word w) is
// about: the predicate's subject in the parse when it lies in the region,
// else the nearest actor before the copula; for an act noun without an
// owner ("this is a good proposal") the nearest other actor of the region.
func (s *sentence) evaluated(b, w int, r region) *arg {
	var subj []int
	for _, x := range []int{w, s.head(w), b, s.head(b)} {
		if x < 0 {
			continue
		}
		for _, k := range s.kidsRel(x, "nsubj", "nsubj:pass") {
			if k < b && (k >= r.lo || r.hi-r.lo < 12 || k == b-1) { // a short quote may continue its sentence's subject
				subj = append(subj, k)
			}
		}
		if len(subj) > 0 {
			break
		}
	}
	if len(subj) == 1 && lower(s.toks[subj[0]].Form) == "it" {
		// "it was damning that the ministry isn't acting": the expletive
		// stands for the that-clause, whose subject is evaluated
		if c := s.thatClauseSubject(w); c >= 0 {
			subj = []int{c}
		}
	}
	for _, k := range subj {
		for _, a := range s.resolve(k) {
			if a.code != "" && a.key() != r.speaker.key() {
				a := a
				return &a
			}
		}
	}
	if len(subj) == 0 {
		for j := b - 1; j >= r.lo && j >= b-4; j-- {
			if s.toks[j].UPOS == "PUNCT" && s.toks[j].Form == "," {
				break
			}
			if a, ok := s.actorArg(j, "actor", 0.8); ok && a.code != "" {
				return &a
			}
		}
	}
	if !actNouns[s.lemma(w)] {
		return nil
	}
	// the owner of an unowned act noun: the nearest other actor in the region
	best, bestD := -1, 1<<30
	for j := r.lo; j <= r.hi; j++ {
		if s.actorAt[j] < 0 {
			continue
		}
		a, ok := s.actorArg(j, "actor", 0.6)
		if !ok || a.code == "" || a.key() == r.speaker.key() || a.code == r.speaker.code {
			continue
		}
		d := j - w
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = j, d
		}
	}
	if best < 0 {
		return nil
	}
	a, _ := s.actorArg(best, "actor", 0.6)
	a.cert = 0.6
	return &a
}

func isQuoteMark(f string) bool {
	switch f {
	case "\"", "'", "“", "”", "‘", "’", "``", "''":
		return true
	}
	return false
}

// thatClauseSubject returns the subject of a that-clause complementing
// predicate w ("damning that the Home Office isn't doing this"), -1 when none.
func (s *sentence) thatClauseSubject(w int) int {
	for _, c := range s.kidsRel(w, "ccomp", "csubj", "advcl", "acl") {
		if !s.hasKid(c, "mark", "that") {
			continue
		}
		for _, k := range s.kidsRel(c, "nsubj", "nsubj:pass") {
			return k
		}
	}
	return -1
}
