package tabari

import (
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Scanner finds dictionary phrases in a tokenized sentence (*actors.Dict
// implements it).
type Scanner interface {
	Scan(text string, toks []doc.Token, date string) []actors.Match
}

// Coder codes events with a verb dictionary over dependency-parsed
// sentences (UD relations). Verbs are found by lemma or form; the block's
// patterns are matched against the words before the verb (its subject and
// modifiers) and after it (objects, prepositional phrases, complements);
// the most specific matching pattern gives the code, else the verb's
// default. The source is the subject (the by-agent in the passive, the
// controlling subject for an infinitive), the target the first
// complement holding an actor, unless the pattern places them with $ / +.
// Actors come from an actor dictionary and are combined with agent words
// as in PETRARCH: "Arnor cleric" = ARN + REL, "soldiers from Gondor" =
// GON + MIL, an agent alone is its bare role ("officials" = GOV), agent
// words coordinated with an actor's share it ("Danish media and
// government" = DNKMED, DNKGOV).
//
// PETRARCH's conventions that need more than the parse: a passive without
// its agent takes the actor of a complement as the source ("X was shot in
// Y": Y on X; what it was aimed at is its target, and a participle
// modifying a noun is a passive of that noun); a pronoun subject of a dependent clause is the governing
// clause's subject; a verb of saying coded by its default yields to the
// other events of its sentence (what was said); when the parse gives the
// verb no matching pattern or no target, the words written after the
// verb up to the end of its clause are tried (parsers split phrases such
// as "fired two artillery shells at X" into clauses).
//
// With PETRARCH's coding ontology loaded, the conventions of PETRARCH-2
// apply as well: a verb and the coded verb of its complement clause make
// one event, through the dictionary's transformations or the ontology's
// arithmetic (see compose); the words a pattern matched are not
// participants ("received ministers from X": X); a passive's patterns
// read its by-phrase before the verb and its subject after it; an object
// named by agent words alone takes the country of the verb's origin or
// location phrase, and agent words right after a wire dateline its
// country; coordinated subjects listed with commas are all sources; among
// equally specific patterns the one matching nearest the verb wins; a
// subjectless adverbial clause of a coded verb and an infinitive
// modifying a noun code nothing of their own; and without a target, a
// geocoded place of the verb's phrase stands for its country.
type Coder struct {
	Verbs  *Verbs
	Actors Scanner // actor dictionary
	Agents Scanner // agent dictionary (nil: none)
	// Prefix holds the agent codes written "CODE~" in the agent
	// dictionary: they go before the country ("NGO~" + ARN = NGOARN).
	Prefix   map[string]bool
	Discards *Discards
	// Ontology, when set, codes negated verbs ("did not criticize") and
	// verbs governing other verbs ("wants to attack") by PETRARCH's
	// arithmetic on codes (see Ontology, Combine, Transform), and turns on
	// PETRARCH-2's conventions above; nil: a negated verb keeps its code
	// and each verb codes its own event.
	Ontology *Ontology
	// MaxPerSide bounds the coordinated actors per side (default 4).
	MaxPerSide int
}

// Code fills d.Events (replacing them) from the parsed sentences.
func (c *Coder) Code(d *doc.Document) {
	d.Events = d.Events[:0]
	if c.Discards.Story(d) {
		return
	}
	for si := range d.Sentences {
		s := c.newSent(d, si)
		if s == nil {
			continue
		}
		d.Events = append(d.Events, c.codeSent(s)...)
	}
	if d.Events == nil {
		d.Events = []doc.Event{}
	}
}

type sent struct {
	d        *doc.Document
	si       int
	toks     []doc.Token
	kids     [][]int
	up, lem  []string
	actorAt  []int // token -> index in acts, -1
	agentAt  []int
	acts     []actors.Match
	agents   []actors.Match
	verbs    *Verbs
	joined   map[int][]int // phrase head -> split-off parts of its phrase (joinAdjacent)
	onto     *Ontology
	prefix   map[string]bool
	maxSide  int
	dateDocs string
	// mask, while set, hides the words a verb's pattern matched: they are
	// the event's description, not its participants ("received ministers
	// from X": the target is X, not the ministers)
	mask []bool
}

// actAt and agAt are actorAt and agentAt outside the mask.
func (s *sent) actAt(t int) int {
	if s.mask != nil && s.mask[t] {
		return -1
	}
	return s.actorAt[t]
}

func (s *sent) agAt(t int) int {
	if s.mask != nil && s.mask[t] {
		return -1
	}
	return s.agentAt[t]
}

func (c *Coder) newSent(d *doc.Document, si int) *sent {
	toks := d.Sentences[si].Tokens
	if len(toks) == 0 {
		return nil
	}
	hasHead := false
	for _, t := range toks {
		if t.Deprel != "" {
			hasHead = true
			break
		}
	}
	if !hasHead || c.Discards.Sentence(toks) {
		return nil
	}
	s := &sent{d: d, si: si, toks: toks, kids: make([][]int, len(toks)), up: make([]string, len(toks)), lem: make([]string, len(toks)),
		actorAt: make([]int, len(toks)), agentAt: make([]int, len(toks)), verbs: c.Verbs, onto: c.Ontology, prefix: c.Prefix, maxSide: c.MaxPerSide}
	if s.maxSide <= 0 {
		s.maxSide = 4
	}
	for i, t := range toks {
		if t.Head >= 0 && t.Head < len(toks) && t.Head != i {
			s.kids[t.Head] = append(s.kids[t.Head], i)
		}
		s.up[i] = strings.ToUpper(t.Form)
		l := t.Lemma
		if l == "" || l == "_" {
			l = t.Form
		}
		s.lem[i] = strings.ToUpper(l)
		s.actorAt[i], s.agentAt[i] = -1, -1
	}
	if c.Actors != nil {
		s.acts = c.Actors.Scan(d.Text, toks, d.PubDate)
		mark(s.actorAt, s.acts)
	}
	if c.Agents != nil {
		s.agents = c.Agents.Scan(d.Text, toks, d.PubDate)
		mark(s.agentAt, s.agents)
	}
	return s
}

func mark(at []int, ms []actors.Match) {
	for k, m := range ms {
		if m.Code == "" {
			continue
		}
		for i := m.Start; i < m.End && i < len(at); i++ {
			if i >= 0 && at[i] < 0 {
				at[i] = k
			}
		}
	}
}

func (s *sent) rel(i int) string {
	r := s.toks[i].Deprel
	if j := strings.IndexByte(r, ':'); j >= 0 && r[:j] != "nsubj" && r[:j] != "obl" && r[:j] != "acl" && r[:j] != "nmod" {
		return r[:j]
	}
	return r
}

func (s *sent) head(i int) int {
	h := s.toks[i].Head
	if h < 0 || h >= len(s.toks) || h == i {
		return -1
	}
	return h
}

// caseOf is the preposition (case/mark dependent) of token i, uppercase.
func (s *sent) caseOf(i int) string {
	for _, k := range s.kids[i] {
		if r := s.rel(k); r == "case" || r == "mark" && s.toks[i].UPOS != "VERB" {
			if s.lem[k] == "'S" || s.up[k] == "'S" || s.up[k] == "'" {
				continue
			}
			return s.up[k]
		}
	}
	return ""
}

// clausal relations start a new clause: their words are not the verb's.
var clausal = map[string]bool{"advcl": true, "ccomp": true, "parataxis": true, "conj": true, "csubj": true,
	"acl:relcl": true, "punct": true, "list": true, "discourse": true, "vocative": true, "reparandum": true}

// region collects, sorted, the tokens of i's subtree (i excluded) reached
// through non-clausal relations, on one side of i (before when pre).
func (s *sent) region(i int, pre bool) []int {
	var out []int
	var walk func(t int, depth int)
	walk = func(t int, depth int) {
		for _, k := range s.kids[t] {
			r := s.toks[k].Deprel
			if clausal[r] || depth > 0 && (r == "acl" || r == "acl:relcl") {
				continue
			}
			if t == i && s.clauseComplement(k) {
				continue // "wants to help X": the words of another verb's clause
			}
			if t == i && (pre && k > i || !pre && k < i) {
				continue
			}
			if t == i && !pre && s.rel(k) == "nsubj" {
				continue
			}
			out = append(out, k)
			walk(k, depth+1)
		}
	}
	walk(i, 0)
	sortInts(out)
	return out
}

// clauseComplement: token k is a verb heading a complement clause of its
// head (xcomp, ccomp): its words are that verb's, matched by its patterns.
func (s *sent) clauseComplement(k int) bool {
	switch s.toks[k].Deprel {
	case "xcomp", "ccomp":
		// a dictionary verb: a word the parser took for a verb but the
		// dictionary does not code ("fired two artillery shells") stays
		// in the governing verb's phrase
		return s.toks[k].UPOS == "VERB" && s.isVerb(k) && s.verbAt(k) != nil
	}
	return false
}

// inComplement: token j lies in a complement clause of verb i (see
// clauseComplement).
func (s *sent) inComplement(i, j int) bool {
	for t, n := j, 0; t >= 0 && n < len(s.toks); t, n = s.head(t), n+1 {
		h := s.head(t)
		if h == i {
			return s.clauseComplement(t)
		}
	}
	return false
}

func sortInts(xs []int) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func (s *sent) subtree(i int) []int {
	out := []int{i}
	for k := 0; k < len(out); k++ {
		out = append(out, s.kids[out[k]]...)
	}
	sortInts(out)
	return out
}

// wordOK matches a pattern word against token k: the form or lemma, or as a
// stem a longer form (unless the word is exact).
func (s *sent) wordOK(k int, w string, exact bool) bool {
	if s.up[k] == w || s.lem[k] == w {
		return true
	}
	if exact || len(w) < 3 {
		return false
	}
	return strings.HasPrefix(s.up[k], w) || strings.HasPrefix(s.lem[k], w)
}

// mstate is the outcome of matching a pattern.
type mstate struct {
	src, tgt int // tokens placed by $ / + (-1 none)
	compound bool
	end      int   // the last token consumed (-1 none)
	used     []int // tokens the pattern's words matched
}

// use returns st with token t noted as matched by a pattern word.
func (st mstate) use(t int) mstate {
	st.used = append(st.used[:len(st.used):len(st.used)], t)
	return st
}

// match tries els over toks[pos:] (tokens in sentence order), with gaps
// allowed between elements except after a joined one. It returns the
// state of the first success.
func (s *sent) match(els []Elem, toks []int, pos int, prevJoined int, st mstate, depth int) (mstate, bool) {
	if len(els) == 0 {
		return st, true
	}
	if depth > 40 {
		return st, false
	}
	e := els[0]
	rest := els[1:]
	lo, hi := pos, len(toks)
	if prevJoined >= 0 { // "A_B": B right after A
		lo, hi = pos, pos
		if pos < len(toks) && toks[pos] == prevJoined+1 {
			hi = pos + 1
		}
	}
	switch e.Kind {
	case ElemWord:
		for k := lo; k < hi; k++ {
			if s.wordOK(toks[k], e.Word, e.Exact) {
				pj := -1
				if e.Join {
					pj = toks[k]
				}
				st2 := st.use(toks[k])
				st2.end = toks[k]
				if r, ok := s.match(rest, toks, k+1, pj, st2, depth+1); ok {
					return r, true
				}
			}
		}
	case ElemSynset:
		for _, m := range s.verbs.Synsets[e.Word] {
			seq := make([]Elem, 0, len(m)+len(rest))
			seq = append(seq, m...)
			if e.Join && len(seq) > 0 {
				seq[len(seq)-1].Join = true
			}
			seq = append(seq, rest...)
			if r, ok := s.match(seq, toks, pos, prevJoined, st, depth+1); ok {
				return r, true
			}
		}
	case ElemNP:
		seq := append(append([]Elem{}, e.Sub...), rest...)
		return s.match(seq, toks, pos, prevJoined, st, depth+1)
	case ElemPP:
		for k := lo; k < hi; k++ {
			t := toks[k]
			if !s.wordOK(t, e.Word, true) {
				continue
			}
			h := s.head(t)
			if h < 0 || s.rel(t) != "case" && s.rel(t) != "mark" && s.rel(t) != "compound" {
				// a preposition not attached as a case marker: its own phrase
				h = t
			}
			inner := []int{}
			for _, x := range s.subtree(h) {
				if x > t {
					inner = append(inner, x)
				}
			}
			st2, ok := s.match(e.Sub, inner, 0, -1, st.use(t), depth+1)
			if !ok {
				continue
			}
			// the phrase consumes what its elements matched ("(IN ^) +":
			// the target comes after the skipped phrase)
			st2.end = max(st2.end, t)
			next := k + 1
			for next < len(toks) && toks[next] <= st2.end {
				next++
			}
			if r, ok := s.match(rest, toks, next, -1, st2, depth+1); ok {
				return r, true
			}
		}
	case ElemSource, ElemTarget:
		for k := lo; k < hi; k++ {
			t := toks[k]
			if s.actorAt[t] < 0 && s.agentAt[t] < 0 {
				continue
			}
			st2 := st
			if e.Kind == ElemSource {
				st2.src = t
			} else {
				st2.tgt = t
			}
			if r, ok := s.match(rest, toks, k+1, -1, st2, depth+1); ok {
				return r, true
			}
		}
	case ElemCompound:
		st.compound = true
		return s.match(rest, toks, pos, -1, st, depth+1)
	case ElemSkip:
		// "^" skips the next noun phrase (its core: no attached phrases)
		for k := lo; k < hi; k++ {
			switch s.toks[toks[k]].UPOS {
			case "NOUN", "PROPN", "PRON", "NUM":
			default:
				continue
			}
			st2 := st
			st2.end = max(toks[k], s.coreEnd(s.argHead(toks[k])))
			next := k + 1
			for next < len(toks) && toks[next] <= st2.end {
				next++
			}
			return s.match(rest, toks, next, -1, st2, depth+1)
		}
		// nothing left to skip: "^" is optional
		return s.match(rest, toks, pos, -1, st, depth+1)
	}
	return st, false
}

// coreEnd is the last token of the core of the noun phrase headed by h
// (its name, modifiers and determiners, without attached phrases).
func (s *sent) coreEnd(h int) int {
	end := h
	stack := []int{h}
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		for _, k := range s.kids[t] {
			if r := s.toks[k].Deprel; coreRels[r] && r != "case" && r != "advmod" && r != "dep" {
				end = max(end, k)
				stack = append(stack, k)
			}
		}
	}
	return end
}

// verbAt returns the dictionary verb of token i, preferring multi-word
// verbs whose other words are present.
func (s *sent) verbAt(i int) *Verb {
	// the word as written first: a dictionary may list an inflected form
	// as a verb of its own ("LEFT" apart from "LEAVE")
	// the word as written first: a dictionary may list an inflected form
	// as a verb of its own ("LEFT" apart from "LEAVE"); else the lemma
	if v := s.verbFrom(i, s.verbs.Lookup(s.up[i])); v != nil {
		return v
	}
	return s.verbFrom(i, s.verbs.Lookup(s.lem[i]))
}

// verbFrom picks among candidate verbs of token i the one with the most
// words present (multi-word verbs need theirs).
func (s *sent) verbFrom(i int, cands []*Verb) *Verb {
	var best *Verb
	bestN := -1
	for _, v := range cands {
		if !s.multiOK(i, v) {
			continue
		}
		if n := len(v.Before) + len(v.After); n > bestN {
			best, bestN = v, n
		}
	}
	return best
}

func (s *sent) multiOK(i int, v *Verb) bool {
	for k, w := range v.Before {
		j := i - len(v.Before) + k
		if j < 0 || !s.wordOK(j, w, true) {
			return false
		}
	}
	pos := i + 1
	for _, w := range v.After {
		found := false
		for _, k := range s.kids[i] { // a particle or preposition on the verb
			if k > i && s.wordOK(k, w, true) {
				found = true
				break
			}
		}
		if !found && pos < len(s.toks) && s.wordOK(pos, w, true) {
			found = true
		}
		if !found {
			return false
		}
		pos++
	}
	return true
}

// isVerb says whether token i heads a clause the coder may code.
func (s *sent) isVerb(i int) bool {
	switch s.toks[i].UPOS {
	case "VERB":
		return true
	case "AUX", "ADJ", "NOUN", "PROPN":
		return s.toks[i].Deprel == "root" && len(s.verbs.Lookup(s.lem[i])) > 0 && s.hasSubj(i)
	}
	return false
}

func (s *sent) hasSubj(i int) bool {
	for _, k := range s.kids[i] {
		if strings.HasPrefix(s.toks[k].Deprel, "nsubj") {
			return true
		}
	}
	return false
}

type coded struct {
	verb     int
	code     Code
	srcs     []part
	tgts     []part
	compound bool
	pat      string
	byPat    bool // the code came from a pattern, not the verb's default
	ownSrc   bool // the source is the verb's own subject or agent (or placed by $)
}

func (c *Coder) codeSent(s *sent) []doc.Event {
	var cs []coded
	byVerb := map[int]int{}
	for i := range s.toks {
		if !s.isVerb(i) {
			continue
		}
		v := s.verbAt(i)
		if v == nil {
			continue
		}
		cd, ok := s.codeVerb(i, v)
		if !ok {
			continue
		}
		byVerb[i] = len(cs)
		cs = append(cs, cd)
	}
	// a verb whose complement verb coded an event yields to it ("vowed to
	// wage war"), unless it requests or comments ("urged X to help")
	drop := make([]bool, len(cs))
	var into []int
	if s.onto != nil {
		// PETRARCH's verb interaction: a governing verb and the verb of
		// its complement make one event (see compose)
		cs, drop, into = s.compose(cs, byVerb, drop)
	}
	for k, cd := range cs {
		if r := s.toks[cd.verb].Deprel; r == "xcomp" && s.onto == nil {
			if h := s.head(cd.verb); h >= 0 {
				if j, ok := byVerb[h]; ok && !keepsOuter(cs[j].code) {
					drop[j] = true
				} else if ok {
					drop[k] = true
				}
			}
		}
	}
	if s.onto != nil {
		// PETRARCH codes a verb's adverbial clause only when the verb
		// itself codes nothing: "bombarded X, killing eight people" is
		// the bombardment ("jailed X for helping militants": the
		// jailing); nor does it code the verb of an infinitive that
		// modifies a noun ("pressure from X to help Y")
		for k, cd := range cs {
			if drop[k] || s.ownSubject(cd.verb) {
				continue
			}
			switch s.toks[cd.verb].Deprel {
			case "acl":
				if s.infinitive(cd.verb) {
					drop[k] = true
				}
				continue
			case "advcl":
			default:
				continue
			}
			j, ok := byVerb[s.head(cd.verb)]
			for n := 0; ok && drop[j] && into[j] >= 0 && n < len(cs); n++ {
				j = into[j] // the governing verb went into another's event
			}
			if ok && !drop[j] && len(cs[j].srcs) > 0 {
				drop[k] = true
			}
		}
	}
	// attribution: a verb of saying coded by its default ("..., an
	// official said") yields to another event of its sentence, which is
	// what was said
	for k, cd := range cs {
		if drop[k] || cd.byPat || !isComment(cd.code) {
			continue
		}
		for j, o := range cs {
			if j != k && !drop[j] && !isComment(o.code) && len(o.srcs) > 0 {
				drop[k] = true
				break
			}
		}
	}
	var out []doc.Event
	seen := map[string]bool{}
	for k, cd := range cs {
		if drop[k] {
			continue
		}
		for _, e := range s.events(cd) {
			key := string(e.Code) + "|" + actorOf(e.Source) + "|" + actorOf(e.Target)
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, e)
		}
	}
	return out
}

func actorOf(p *doc.Participant) string {
	if p == nil {
		return ""
	}
	return string(p.Actor)
}

// isComment: a public statement (CAMEO root 01).
func isComment(c Code) bool {
	return len(c.Event) >= 2 && c.Event[:2] == "01" && (c.Reverse == "" || len(c.Reverse) >= 2 && c.Reverse[:2] == "01")
}

// keepsOuter: appeals and demands keep their own code over their
// complement's ("urged X to help").
func keepsOuter(c Code) bool {
	r := c.Event
	if r == "" {
		r = c.Reverse
	}
	return len(r) >= 2 && (r[:2] == "02" || r[:2] == "10")
}

func (s *sent) codeVerb(i int, v *Verb) (coded, bool) {
	pre := s.region(i, true)
	post := s.region(i, false)
	subj := s.subjects(i)
	// the subject phrase counts as "before the verb" even when inherited
	for _, h := range subj {
		for _, t := range s.subtree(h) {
			if t < i && !contains(pre, t) {
				pre = append(pre, t)
			}
		}
	}
	sortInts(pre)
	code := v.Default()
	var best *Pattern
	var bst mstate
	if s.onto != nil && len(v.Block.Patterns) > 0 && s.isPassive(i) {
		// a passive as PETRARCH reads it first, else as written
		ppre, ppost := s.passiveRegions(i, post)
		best, bst = s.bestPattern(v, ppre, ppost, subj)
	}
	if best == nil {
		best, bst = s.bestPattern(v, pre, post, subj)
	}
	if best == nil && len(v.Block.Patterns) > 0 {
		// the parse may have cut the verb's phrase short ("fired two
		// artillery shells at X" read as a clause): the words as written
		if win := s.window(i); len(win) > len(post) {
			best, bst = s.bestPattern(v, pre, win, subj)
		}
	}
	cd := coded{verb: i, code: code, pat: v.Block.File + ": " + v.Block.Name, ownSrc: len(subj) > 0}
	if best != nil {
		cd.code = best.Code
		cd.byPat = true
		cd.compound = bst.compound
		cd.pat = best.File + ":" + itoa(best.Line) + " " + best.Text
		cd.ownSrc = cd.ownSrc || bst.src >= 0
	}
	if s.onto != nil && s.negated(i) && (best == nil || !mentionsNegation(s.verbs, best)) {
		cd.code = s.negate(cd.code)
		cd.pat += " (negated)"
	}
	if cd.code.Null || cd.code.Event == "" && cd.code.Reverse == "" {
		return cd, false
	}
	if best != nil {
		s.mask = s.maskOf(i, bst)
		defer func() { s.mask = nil }()
	}
	switch {
	case best != nil && bst.src >= 0:
		cd.srcs = s.partsOf(s.argHead(bst.src))
	default:
		cd.srcs = s.partsOfAll(subj)
		if len(cd.srcs) == 0 && len(subj) == 0 && s.isPassive(i) {
			// a passive without its agent: the actor of a complement
			// acted ("X was shot dead in Y": Y on X); the passive
			// subject is the target
			cd.srcs = s.complements(i, false)
		}
	}
	switch {
	case best != nil && bst.src > i && bst.tgt < 0:
		// "* (FROM $)": the source follows the verb, the subject is the target
		cd.tgts = s.partsOfAll(subj)
	case best != nil && bst.tgt >= 0:
		if bst.tgt < i && len(subj) > 0 && best != nil && bst.src < 0 && contains(s.subtree(subj[0]), bst.tgt) {
			// "+ * ...": the subject is the target; the source is the object
			cd.tgts = cd.srcs
			cd.srcs = s.targets(i)
		} else {
			cd.tgts = s.partsOf(s.argHead(bst.tgt))
		}
	default:
		cd.tgts = s.targets(i)
		if len(cd.tgts) == 0 && !bst.compound && s.anyActor(cd.srcs) {
			// a guess from the words as written: only for a named source
			// ("officials said" stays without a target), and not when
			// coordinated sources act on each other ("% *")
			cd.tgts = s.windowTarget(i)
		}
		if len(cd.tgts) == 0 && !bst.compound && s.onto != nil && s.anyActor(cd.srcs) {
			cd.tgts = s.placeTarget(i)
		}
	}
	if s.onto != nil {
		cd.srcs, cd.tgts = s.withDateline(cd.srcs), s.withDateline(cd.tgts)
	}
	return cd, true
}

// withDateline: agent words right after the sentence's dateline, with no
// country of their own, take the dateline's actors ("GAZA CITY,
// Palestinian Territories: Four children ... were killed" = PSEGZA + CVL,
// PSE + CVL), as PETRARCH reads a dateline and the subject after it as
// one noun phrase.
func (s *sent) withDateline(ps []part) []part {
	if len(ps) == 0 {
		return ps
	}
	end, acts := s.dateline()
	if end < 0 {
		return ps
	}
	var out []part
	changed := false
	for _, p := range ps {
		if p.base != "" || !s.agentOnly(p) || p.lo != end+1 {
			out = append(out, p)
			continue
		}
		changed = true
		for _, a := range acts {
			q := p
			q.base = string(a.Code)
			if s.prefix[string(p.code)] {
				q.code = p.code + a.Code
			} else {
				q.code = a.Code + p.code
			}
			out = append(out, q)
		}
	}
	if !changed {
		return ps
	}
	return s.limit(dedupe(out))
}

// dateline finds a wire dateline opening the sentence: names up to a
// colon or dash within its first ten words ("GAZA CITY, Palestinian
// Territories:"). It returns the separator's index (-1 none) and the
// actors named before it.
func (s *sent) dateline() (int, []actors.Match) {
	for k := 1; k < len(s.toks) && k <= 10; k++ {
		switch s.up[k] {
		case ":", "-", "--", "—":
		default:
			switch s.toks[k].UPOS {
			case "PROPN", "ADJ", "NOUN", "PUNCT", "NUM":
				continue
			}
			return -1, nil
		}
		var acts []actors.Match
		for _, m := range s.acts {
			if m.End <= k && m.Code != "" {
				acts = append(acts, m)
			}
		}
		if len(acts) == 0 {
			return -1, nil
		}
		return k, acts
	}
	return -1, nil
}

// placeTarget: when the dictionaries name no target, the country of a
// place the verb's phrase mentions, from the document's geocoded places
// ("conducting exercises in Anchorage": USA), as PETRARCH codes a place
// its actor dictionary lists ("will meet in Zurich": CHE).
func (s *sent) placeTarget(i int) []part {
	if len(s.d.Places) == 0 {
		return nil
	}
	for _, t := range s.region(i, false) {
		if s.mask != nil && s.mask[t] {
			continue
		}
		tk := s.toks[t]
		for _, p := range s.d.Places {
			if p.Country == "" || p.Start >= tk.End || tk.Start >= p.End {
				continue
			}
			c, ok := cameo.CountryByISO2(strings.ToUpper(p.Country))
			if !ok {
				continue
			}
			hi := t + 1
			for hi < len(s.toks) && s.toks[hi].Start < p.End {
				hi++
			}
			return []part{{code: cameo.ActorCode(c.ISO3), lo: t, hi: hi, base: c.ISO3}}
		}
	}
	return nil
}

// passiveRegions are the pattern regions of passive verb i as PETRARCH
// reads a passive: the words before "*" are its agent's (the by-phrase:
// "demolished by a protestor" matches "- PROTESTOR *"), the words after
// it its subject's and complements' ("evidence ... was presented"
// matches "- * EVIDENCE"; "a bomb was fired at X" does not match "-
// &WEAPON *").
func (s *sent) passiveRegions(i int, post []int) (pre, post2 []int) {
	var patient []int
	for _, k := range s.kids[i] {
		switch r := s.toks[k].Deprel; {
		case r == "nsubj:pass" || r == "nsubj" && s.participial(i):
			patient = append(patient, s.subtree(k)...)
		case r == "obl:agent" || (r == "obl" || r == "nmod") && s.caseOf(k) == "BY":
			pre = append(pre, s.subtree(k)...)
		}
	}
	if h := s.head(i); h >= 0 && s.participial(i) {
		patient = append(patient, h)
	}
	post2 = append(append([]int{}, patient...), post...)
	sortInts(pre)
	sortInts(post2)
	return pre, post2
}

// maskOf marks the words after verb i that its pattern matched, with the
// rest of their noun phrase's core except actor names and the places of
// $ and + ("conducting {&MILITARY EXERCISES} in Alaska": the exercises
// are no target, Alaska is).
func (s *sent) maskOf(i int, st mstate) []bool {
	var m []bool
	set := func(t int) {
		if t <= i || t == st.src || t == st.tgt || s.actorAt[t] >= 0 {
			return
		}
		if m == nil {
			m = make([]bool, len(s.toks))
		}
		m[t] = true
	}
	for _, t := range st.used {
		set(t)
		h := s.argHead(t)
		switch s.toks[h].UPOS {
		case "NOUN", "PROPN":
		default:
			continue
		}
		set(h)
		stack := []int{h}
		for len(stack) > 0 {
			x := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, k := range s.kids[x] {
				if r := s.toks[k].Deprel; coreRels[r] && r != "case" && r != "nmod:poss" {
					set(k)
					stack = append(stack, k)
				}
			}
		}
	}
	return m
}

// bestPattern returns the most specific pattern of v's block matching the
// pre and post regions (the first written among equals).
func (s *sent) bestPattern(v *Verb, pre, post, subj []int) (*Pattern, mstate) {
	var best *Pattern
	var bst mstate
	bestNear := 0
	for _, p := range v.Block.Patterns {
		if best != nil && (p.words < best.words || p.words == best.words && s.onto == nil) {
			continue
		}
		st := mstate{src: -1, tgt: -1, end: -1}
		st, ok := s.match(p.Pre, pre, 0, -1, st, 0)
		if !ok {
			continue
		}
		st, ok = s.match(p.Post, post, 0, -1, st, 0)
		if !ok {
			continue
		}
		if st.compound && len(s.partsOfAll(subj)) < 2 {
			continue
		}
		// among equally specific patterns of words after the verb,
		// PETRARCH's follows the verb's phrases in order: the one whose
		// words come first ("launched attacks during its campaign": "*
		// ATTACKS", not "* CAMPAIGN"); else the first written
		near := nearest(st.used, post)
		if best != nil && p.words == best.words && (near >= bestNear || bestNear == 1<<30) {
			continue
		}
		best, bst, bestNear = p, st, near
	}
	return best, bst
}

// nearest is the position in post of the first used token found there
// (1<<30 when none is).
func nearest(used, post []int) int {
	n := 1 << 30
	for _, t := range used {
		for k, x := range post {
			if x == t && k < n {
				n = k
			}
		}
	}
	return n
}

// windowStop ends the surface window of a verb: clause punctuation.
var windowStop = map[string]bool{",": true, ";": true, ":": true, ".": true, "!": true, "?": true, "--": true}

// window is the verb's phrase as written: the tokens after verb i up to
// the end of its clause (punctuation, a subordinating conjunction, a
// coordinated or relative clause, another coded verb's subject).
func (s *sent) window(i int) []int {
	var out []int
	for j := i + 1; j < len(s.toks); j++ {
		if windowStop[s.up[j]] || s.toks[j].UPOS == "SCONJ" || s.toks[j].UPOS == "PUNCT" && s.up[j] != "-" {
			break
		}
		if r := s.toks[j].Deprel; r == "conj" && s.toks[j].UPOS == "VERB" || r == "acl:relcl" || r == "parataxis" {
			break
		}
		if strings.HasPrefix(s.toks[j].Deprel, "nsubj") && s.actorAt[j] >= 0 {
			break // "... believes Gondor will ...": another clause's actor
		}
		if s.onto != nil && s.inComplement(i, j) {
			break // "said they will attack X": the reported verb's own words
		}
		out = append(out, j)
	}
	return out
}

// anyActor: some participant is named by an actor (not agent words alone).
func (s *sent) anyActor(ps []part) bool {
	for _, p := range ps {
		if !s.agentOnly(p) {
			return true
		}
	}
	return false
}

// windowTarget: when the parse gives the verb no target, the first actor
// written in its window, with its coordinated actors.
func (s *sent) windowTarget(i int) []part {
	for _, j := range s.window(i) {
		if s.actAt(j) < 0 {
			continue
		}
		return s.partsOfCoord(s.argHead(j))
	}
	return nil
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// argHead climbs from a token inside an actor phrase to the head of its
// noun phrase (the token whose head lies outside the phrase).
func (s *sent) argHead(t int) int {
	for k := 0; k < 6; k++ {
		h := s.head(t)
		if h < 0 {
			return t
		}
		switch s.rel(t) {
		case "compound", "flat", "name", "amod", "det", "nummod", "fixed", "goeswith":
			t = h
			continue
		}
		return t
	}
	return t
}

func (s *sent) isPassive(i int) bool {
	if s.participial(i) {
		return true
	}
	for _, k := range s.kids[i] {
		if r := s.toks[k].Deprel; r == "nsubj:pass" || r == "aux:pass" || r == "csubj:pass" {
			return true
		}
		// "was heavily criticized" parsed with "was" as a copula of the
		// participle: a passive all the same
		if s.toks[k].Deprel == "cop" && s.lem[k] == "BE" && s.toks[i].UPOS == "VERB" && k < i {
			return true
		}
	}
	return false
}

// participial: a past participle modifying a noun is a passive whose
// subject is that noun ("10 soldiers killed in Ukraine": soldiers were
// killed), as PETRARCH reads a participle inside a noun phrase.
func (s *sent) participial(i int) bool {
	if s.toks[i].Deprel != "acl" || s.toks[i].XPOS != "VBN" {
		return false
	}
	if h := s.head(i); h < 0 || s.head(h) < 0 {
		return false // a noun heading the sentence: the "participle" is its verb ("X met Y" misread)
	}
	for _, k := range s.kids[i] {
		switch s.toks[k].Deprel {
		case "obj", "xcomp", "ccomp", "iobj":
			return false
		}
	}
	return true
}

// joinAdjacent: subjects written one after the other without a
// conjunction are one phrase the parser split ("Ithilen's minister
// Calimehtar" as two subjects): the later ones join the first's phrase.
func (s *sent) joinAdjacent(heads []int) []int {
	if len(heads) < 2 {
		return heads
	}
	out := heads[:1:1]
	for _, h := range heads[1:] {
		prev := out[len(out)-1]
		pt, ht := s.subtree(prev), s.subtree(h)
		if pt[len(pt)-1]+1 == ht[0] && s.toks[ht[0]].UPOS != "CCONJ" {
			if s.joined == nil {
				s.joined = map[int][]int{}
			}
			if !contains(s.joined[prev], h) {
				s.joined[prev] = append(s.joined[prev], h)
			}
			continue
		}
		out = append(out, h)
	}
	return out
}

// listAppos: in a list of subjects ("The US, Russia, and Switzerland
// met") a parser may read a middle member as an apposition of the first;
// an apposition that is itself an actor's name is one more member.
func (s *sent) listAppos(subjs []int) []int {
	var out []int
	for _, h := range subjs {
		out = append(out, h)
		for _, k := range s.kids[h] {
			if s.toks[k].Deprel == "appos" && s.toks[k].UPOS == "PROPN" && s.actorAt[k] >= 0 && s.actorAt[h] >= 0 &&
				s.acts[s.actorAt[k]].Code != s.acts[s.actorAt[h]].Code {
				out = append(out, k)
			}
		}
	}
	return out
}

// ownSubject: verb i has a subject of its own.
func (s *sent) ownSubject(i int) bool {
	for _, k := range s.kids[i] {
		if r := s.toks[k].Deprel; strings.HasPrefix(r, "nsubj") || strings.HasPrefix(r, "csubj") || r == "expl" {
			return true
		}
	}
	return false
}

// personal pronouns that stand for an actor named in a governing clause
var personal = map[string]bool{"IT": true, "HE": true, "SHE": true, "THEY": true, "WE": true}

// subjects are the heads of the verb's acting subject(s), before
// coordination. A pronoun subject of a reported or dependent clause is
// the governing clause's subject ("Ethiopia indicated it would act").
func (s *sent) subjects(i int) []int {
	out := s.subjects0(i)
	for hop := 0; hop < 3 && len(out) == 1 && s.toks[out[0]].UPOS == "PRON" && personal[s.up[out[0]]] && s.actorAt[out[0]] < 0; hop++ {
		switch s.toks[i].Deprel {
		case "ccomp", "xcomp", "advcl", "conj", "parataxis":
		default:
			return out
		}
		h := s.head(i)
		if h < 0 {
			return out
		}
		up := s.subjects0(h)
		if len(up) == 0 {
			return out
		}
		i, out = h, up
	}
	return out
}

func (s *sent) subjects0(i int) []int {
	for hop := 0; hop < 4 && i >= 0; hop++ {
		passive := s.isPassive(i)
		var out []int
		for _, k := range s.kids[i] {
			r := s.toks[k].Deprel
			switch {
			case passive && (r == "obl:agent" || (r == "obl" || r == "nmod") && s.caseOf(k) == "BY"):
				out = append(out, k)
			case !passive && r == "nsubj":
				out = append(out, k)
			}
		}
		if len(out) > 1 && !passive {
			out = s.listAppos(out)
		}
		if len(out) > 0 || passive {
			return s.joinAdjacent(out)
		}
		switch s.toks[i].Deprel {
		case "xcomp":
			h := s.head(i)
			if h >= 0 {
				// object control: "urged Bree to help" -> Bree
				for _, k := range s.kids[h] {
					if s.toks[k].Deprel == "obj" && k < i {
						return []int{k}
					}
				}
				// raising from a passive: "X was seen to break into Y" -> X
				if s.isPassive(h) {
					for _, k := range s.kids[h] {
						if r := s.toks[k].Deprel; r == "nsubj:pass" || r == "nsubj" {
							return []int{k}
						}
					}
				}
			}
			i = h
		case "conj", "advcl":
			i = s.head(i)
		case "acl":
			h := s.head(i)
			if h >= 0 && s.toks[i].Deprel == "acl" {
				return []int{h}
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// targets: the passive subject, else the object, indirect object and
// prepositional complements in order, searched through their own
// prepositional phrases; the first holding an actor wins.
func (s *sent) targets(i int) []part { return s.complements(i, true) }

// complements searches the verb's complements for actors (see targets);
// without subj, the passive subject is left out.
func (s *sent) complements(i int, subj bool) []part {
	var firsts, pri, rest []int
	passive := s.isPassive(i)
	if subj && s.participial(i) {
		if h := s.head(i); h >= 0 {
			firsts = append(firsts, h)
		}
	}
	for _, k := range s.kids[i] {
		r := s.toks[k].Deprel
		switch {
		case passive && (r == "nsubj:pass" || r == "nsubj"):
			if subj {
				firsts = append(firsts, k)
			}
		case r == "obj" || r == "iobj" || r == "dobj":
			firsts = append(firsts, k)
		case (r == "obl" || r == "nmod" || strings.HasPrefix(r, "obl:") && r != "obl:tmod" && r != "obl:agent") && k > i:
			c := s.caseOf(k)
			if passive && c == "BY" {
				continue
			}
			if passive && !subj {
				// the actor of an agentless passive is first where it came
				// from or happened ("fired at X from Y": Y), as PETRARCH
				// reads it; never what it was aimed at
				switch c {
				case "AT", "AGAINST", "INTO", "TOWARDS", "TOWARD":
					continue
				case "FROM", "IN":
					pri = append(pri, k)
					continue
				}
			}
			rest = append(rest, k)
		case r == "xcomp" && s.toks[k].UPOS != "VERB":
			rest = append(rest, k)
		}
	}
	queue := append(append(firsts, pri...), rest...)
	seen := map[int]bool{}
	for n := 0; n < len(queue) && n < 24; n++ {
		h := queue[n]
		if seen[h] {
			continue
		}
		seen[h] = true
		if ps := s.partsOfCoord(h); len(ps) > 0 {
			if r := s.toks[h].Deprel; s.onto != nil && (r == "obj" || r == "iobj" || r == "dobj") {
				ps = s.originOf(i, h, ps)
			}
			return ps
		}
		for _, k := range s.kids[h] {
			r := s.toks[k].Deprel
			if (r == "nmod" || r == "obl" || strings.HasPrefix(r, "nmod:") && r != "nmod:poss" && r != "nmod:tmod") && k > h {
				queue = append(queue, k)
			}
			if r == "acl" && k > h { // "the roads leading into Mordor"
				for _, j := range s.kids[k] {
					if rj := s.toks[j].Deprel; rj == "obj" || rj == "obl" || rj == "nmod" {
						queue = append(queue, j)
					}
				}
			}
		}
	}
	// "believes X can cope": the complement clause's subject
	for _, k := range s.kids[i] {
		if s.toks[k].Deprel == "ccomp" {
			if ps := s.partsOfAll(s.subjects0(k)); len(ps) > 0 { // a pronoun there is the speaker: not resolved
				return ps
			}
		}
	}
	return nil
}

// originOf: an object named by agent words alone takes the actor of the
// verb's origin or location phrase as its country, as PETRARCH mixes a
// verb phrase's agents with its actors ("helped the exiled dissidents
// from Egypt" = EGY + OPP, "killed soldiers in Syria" = SYR + MIL).
func (s *sent) originOf(i, h int, ps []part) []part {
	for _, p := range ps {
		if !s.agentOnly(p) || p.base != "" {
			return ps
		}
	}
	for _, k := range s.kids[i] {
		if k <= h {
			continue
		}
		r := s.toks[k].Deprel
		if r != "obl" && r != "nmod" {
			continue
		}
		switch s.caseOf(k) {
		case "FROM", "IN", "OF":
		default:
			continue
		}
		var out []part
		for _, c := range s.partsOfCoord(k) {
			if s.agentOnly(c) {
				continue
			}
			for _, p := range ps {
				q := p
				ag := string(p.code)
				q.base = string(c.code)
				if s.prefix[ag] {
					q.code = cameo.ActorCode(ag + string(c.code))
				} else {
					q.code = cameo.ActorCode(string(c.code) + ag)
				}
				q.ent = c.ent
				out = append(out, q)
			}
		}
		if len(out) > 0 {
			return s.limit(dedupe(out))
		}
	}
	return ps
}

// part is one coded participant.
type part struct {
	code cameo.ActorCode
	lo   int // token range
	hi   int
	ent  string
	base string // the actor's own code, before agent words ("" = agent words alone)
}

// partsOfAll expands coordinated heads and collects their participants.
func (s *sent) partsOfAll(heads []int) []part {
	var out []part
	for _, h := range heads {
		out = append(out, s.partsOfCoord(h)...)
	}
	return s.limit(dedupe(out))
}

func (s *sent) limit(ps []part) []part {
	if len(ps) > s.maxSide {
		ps = ps[:s.maxSide]
	}
	return ps
}

func dedupe(ps []part) []part {
	var out []part
	seen := map[cameo.ActorCode]bool{}
	for _, p := range ps {
		if !seen[p.code] {
			seen[p.code] = true
			out = append(out, p)
		}
	}
	return out
}

// partsOfCoord: the head and its conjuncts.
func (s *sent) partsOfCoord(h int) []part {
	out := s.partsOf(h)
	kids := s.kids[h]
	for _, j := range s.joined[h] {
		kids = append(append([]int{}, kids...), s.kids[j]...)
	}
	groups := [][]part{out}
	for _, k := range kids {
		if s.toks[k].Deprel == "conj" {
			if sub := s.partsOf(k); len(sub) > 0 {
				groups = append(groups, sub)
			}
		}
	}
	if len(groups) == 1 {
		return s.limit(dedupe(out))
	}
	// agent words coordinated with an actor's agent words share its
	// actors ("Danish media and government" = DNKMED, DNKGOV)
	var bases []string
	for _, g := range groups {
		for _, p := range g {
			if p.base != "" && string(p.code) != p.base && !containsStr(bases, p.base) {
				bases = append(bases, p.base)
			}
		}
	}
	out = nil
	for _, g := range groups {
		if len(bases) == 0 || len(g) != 1 || g[0].base != "" {
			out = append(out, g...)
			continue
		}
		ag := string(g[0].code)
		for _, b := range bases {
			p := g[0]
			p.base = b
			if s.prefix[ag] {
				p.code = cameo.ActorCode(ag + b)
			} else {
				p.code = cameo.ActorCode(b + ag)
			}
			out = append(out, p)
		}
	}
	return s.limit(dedupe(out))
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// coreRels attach words that belong to the head's own name or description.
var coreRels = map[string]bool{"compound": true, "amod": true, "nmod:poss": true, "flat": true, "name": true, "det": true,
	"nummod": true, "fixed": true, "goeswith": true, "case": true, "compound:prt": true, "advmod": true, "dep": true}

// partsOf codes the noun phrase headed by h: the actor named in its core
// (head, compounds, adjectives, possessor) combined with its agent words,
// else the actor of an "of/from/in" phrase or an apposition.
func (s *sent) partsOf(h int) []part {
	core := append([]int{h}, s.joined[h]...)
	for n := 0; n < len(core); n++ {
		for _, k := range s.kids[core[n]] {
			if coreRels[s.toks[k].Deprel] {
				core = append(core, k)
			}
		}
	}
	sortInts(core)
	var actorIdx, agentIdx []int
	for _, t := range core {
		if a := s.actAt(t); a >= 0 && !containsInt(actorIdx, a) {
			actorIdx = append(actorIdx, a)
		}
		if a := s.agAt(t); a >= 0 && !containsInt(agentIdx, a) {
			agentIdx = append(agentIdx, a)
		}
	}
	// an actor phrase that is itself an agent phrase is the actor ("Minas Tirith" vs "MINAS" agent)
	var pre, suf string
	for _, a := range agentIdx {
		m := s.agents[a]
		if overlapsAny(m, actorIdx, s.acts) {
			continue
		}
		code := string(m.Code)
		if s.prefix[code] {
			if !strings.Contains(pre, code) {
				pre += code
			}
		} else if !strings.Contains(suf, code) {
			suf += code
		}
	}
	lo, hi := core[0], core[len(core)-1]+1
	var countries []part
	for _, a := range actorIdx {
		m := s.acts[a]
		countries = append(countries, part{code: m.Code, lo: m.Start, hi: m.End, ent: m.Entity, base: string(m.Code)})
		break // the first actor of the phrase
	}
	// coordinated modifiers: "Eriadori and Calenardhon leaders" is both
	if len(countries) > 0 {
		for _, t := range core {
			if t == h {
				continue
			}
			for _, k := range s.kids[t] {
				if a := s.actAt(k); a >= 0 && s.toks[k].Deprel == "conj" && !contains(core, k) {
					m := s.acts[a]
					countries = append(countries, part{code: m.Code, lo: m.Start, hi: m.End, ent: m.Entity, base: string(m.Code)})
				}
			}
		}
	}
	inPhrase := false // the actor comes from a phrase after the head
	if len(countries) == 0 {
		for _, k := range s.kids[h] {
			r := s.toks[k].Deprel
			c := s.caseOf(k)
			if (r == "nmod" || r == "obl") && (c == "OF" || c == "FROM" || c == "IN") || r == "appos" {
				if sub := s.partsOfCoord(k); len(sub) > 0 {
					countries, inPhrase = sub, true
					break
				}
			}
		}
	}
	if len(countries) == 0 {
		if pre == "" && suf == "" {
			return nil
		}
		return []part{{code: cameo.ActorCode(pre + suf), lo: lo, hi: hi}}
	}
	out := make([]part, 0, len(countries))
	for _, c := range countries {
		code := string(c.code)
		switch {
		case suf == "" || strings.HasSuffix(code, suf):
		case inPhrase && c.base != "" && strings.HasPrefix(code, c.base) && !strings.Contains(code[len(c.base):], suf):
			// the head's agent words come first, as written: "exiled
			// leaders of Egypt's Muslim Brotherhood" = EGY + OPP + MUS
			code = c.base + suf + code[len(c.base):]
		default:
			code += suf
		}
		if pre != "" && !strings.HasPrefix(code, pre) {
			code = pre + code
		}
		base := c.base
		if base == "" {
			base = string(c.code)
		}
		p := part{code: cameo.ActorCode(code), lo: min(lo, c.lo), hi: max(hi, c.hi), ent: c.ent, base: base}
		out = append(out, p)
	}
	return out
}

func containsInt(xs []int, x int) bool { return contains(xs, x) }

func overlapsAny(m actors.Match, idx []int, ms []actors.Match) bool {
	for _, a := range idx {
		o := ms[a]
		if m.Start < o.End && o.Start < m.End {
			return true
		}
	}
	return false
}

func (s *sent) participant(p part) *doc.Participant {
	lo, hi := p.lo, p.hi
	if lo < 0 || hi > len(s.toks) || lo >= hi {
		return &doc.Participant{Actor: p.code, Entity: p.ent}
	}
	sp := doc.Span{Start: s.toks[lo].Start, End: s.toks[hi-1].End}
	return &doc.Participant{Span: sp, Text: sp.In(s.d.Text), Entity: p.ent, Actor: p.code}
}

// events turns a coded verb into events: each source with each target
// (the reverse code the other way); coordinated subjects without a target
// act on each other.
func (s *sent) events(cd coded) []doc.Event {
	var out []doc.Event
	add := func(code string, src, tgt *part) {
		if code == "" {
			return
		}
		if src != nil && tgt != nil && src.code == tgt.code {
			return
		}
		e := doc.Event{Code: cameo.EventCode(code), Sentence: s.si, Span: s.d.Sentences[s.si].Span,
			Trigger: s.toks[cd.verb].Span, Modality: doc.Asserted, Pattern: cd.pat, Confidence: 0.6}
		if src != nil {
			e.Source = s.participant(*src)
		}
		if tgt != nil {
			e.Target = s.participant(*tgt)
		}
		if info, ok := cameo.Lookup(e.Code); ok {
			e.Root, e.QuadClass, e.Goldstein, e.PLOVER, e.PLOVERMode = info.Root, info.Quad, info.Goldstein, info.PLOVER, info.PLOVERMode
		} else if len(code) >= 2 {
			e.Root = cameo.Root(code[:2])
		}
		if e.Source != nil && e.Target != nil {
			e.Confidence = 0.7
		}
		e.Date = s.d.PubDate
		out = append(out, e)
	}
	srcs, tgts := cd.srcs, cd.tgts
	if len(tgts) == 0 && len(srcs) >= 2 {
		for a := range srcs {
			for b := range srcs {
				if a != b {
					add(cd.code.Event, &srcs[a], &srcs[b])
				}
			}
		}
		return out
	}
	if len(srcs) == 0 {
		return nil
	}
	for a := range srcs {
		if len(tgts) == 0 {
			if s.agentOnly(srcs[a]) {
				continue // "officials said": no actor at all
			}
			add(cd.code.Event, &srcs[a], nil)
			continue
		}
		for b := range tgts {
			add(cd.code.Event, &srcs[a], &tgts[b])
			add(cd.code.Reverse, &tgts[b], &srcs[a])
		}
	}
	return out
}

// agentOnly: a participant named by agent words alone, without an actor.
func (s *sent) agentOnly(p part) bool {
	for t := p.lo; t < p.hi && t < len(s.actorAt); t++ {
		if t >= 0 && s.actorAt[t] >= 0 {
			return false
		}
	}
	return true
}

// negWords are the words that negate the verb they modify.
var negWords = map[string]bool{"NOT": true, "N'T": true, "NT": true}

// negated says whether verb i carries a negation ("did not attack",
// "won't attack").
func (s *sent) negated(i int) bool {
	for _, k := range s.kids[i] {
		if r := s.rel(k); (r == "advmod" || r == "neg" || r == "aux") && (negWords[s.up[k]] || negWords[s.lem[k]]) {
			return true
		}
	}
	return false
}

// negate maps both directions of a code through the ontology.
func (s *sent) negate(c Code) Code {
	if c.Null {
		return c
	}
	out := Code{}
	if c.Event != "" {
		if n, ok := s.onto.Negate(c.Event); ok {
			out.Event = n
		} else {
			out.Event = c.Event
		}
	}
	if c.Reverse != "" {
		if n, ok := s.onto.Negate(c.Reverse); ok {
			out.Reverse = n
		} else {
			out.Reverse = c.Reverse
		}
	}
	if out.Event == "" && out.Reverse == "" {
		out.Null = true
	}
	return out
}

// mentionsNegation: the pattern itself spells out a negation (a "NOT"
// word, directly or in a synonym set), so its code already says it.
func mentionsNegation(v *Verbs, p *Pattern) bool {
	seen := map[string]bool{}
	var walk func(els []Elem) bool
	walk = func(els []Elem) bool {
		for _, e := range els {
			switch e.Kind {
			case ElemWord:
				if negWords[e.Word] {
					return true
				}
			case ElemSynset:
				if seen[e.Word] {
					continue
				}
				seen[e.Word] = true
				for _, m := range v.Synsets[e.Word] {
					if walk(m) {
						return true
					}
				}
			}
			if walk(e.Sub) {
				return true
			}
		}
		return false
	}
	return walk(p.Pre) || walk(p.Post)
}
