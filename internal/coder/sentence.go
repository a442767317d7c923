package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
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
	docs       *docState
}

// docState is what the coder reads once per document.
type docState struct {
	// ents lists, per sentence, the indices of d.Entities with an actor
	// code; named those with only a canonical name
	ents, named [][]int
	// country is the document's main country (ISO3), "" when none
	country     string
	countryDone bool
	countryOf   CountryFunc
	d           *doc.Document
	// narrative time: the last day an event took from its own sentence
	lastDate, lastPrec string
	lastDateSent       int
}

func (c *Coder) newDocState(d *doc.Document) *docState {
	ds := &docState{countryOf: c.country, d: d, lastDateSent: -10}
	if c.noEntities || len(d.Entities) == 0 {
		return ds
	}
	ds.ents = make([][]int, len(d.Sentences))
	ds.named = make([][]int, len(d.Sentences))
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
			continue
		}
		if e.Actor == "" {
			if e.Entity != "" {
				ds.named[e.Sentence] = append(ds.named[e.Sentence], i)
			}
			continue
		}
		ds.ents[e.Sentence] = append(ds.ents[e.Sentence], i)
	}
	return ds
}

// docCountry returns the document's main country, computed on first use.
func (ds *docState) docCountry() string {
	if ds == nil {
		return ""
	}
	if !ds.countryDone {
		ds.countryDone = true
		if ds.countryOf != nil {
			ds.country = ds.countryOf(ds.d)
		}
	}
	return ds.country
}

// placeInName reports whether a mention resolved to a place is a longer
// name ending in it ("Valeska Paris" -> Paris): a person's or a firm's name,
// unless the extra words only locate the place ("South Paris", "Greater London").
func placeInName(text, entity string) bool {
	text = strings.TrimSpace(text)
	if entity == "" || text == entity || !strings.HasSuffix(text, " "+entity) {
		return false
	}
	for _, w := range strings.Fields(strings.TrimSuffix(text, " "+entity)) {
		switch strings.ToLower(w) {
		case "north", "south", "east", "west", "central", "upper", "lower", "greater", "northern",
			"southern", "eastern", "western", "the", "new", "old", "downtown":
			continue
		}
		return true
	}
	return false
}

// entityName returns the canonical name of an uncoded entity mention
// covering token i ("Montalvo" -> "Daniel Montalvo"), "" when none.
func (s *sentence) entityName(i int) string {
	if s.docs == nil || s.idx >= len(s.docs.named) {
		return ""
	}
	for _, ei := range s.docs.named[s.idx] {
		if e := &s.d.Entities[ei]; e.Span.Contains(s.toks[i].Span) {
			return e.Entity
		}
	}
	return ""
}

// nameLikeSpan reports whether tokens [lo,hi) can be one entity mention:
// a few words without a verb or clause punctuation. A mention failing it
// comes from a tagger error and would swallow the sentence's arguments.
func (s *sentence) nameLikeSpan(lo, hi int) bool {
	if hi-lo > 8 {
		return false
	}
	for i := lo; i < hi; i++ {
		switch s.toks[i].UPOS {
		case "VERB", "AUX":
			return false
		case "PUNCT":
			switch s.toks[i].Form {
			case "-", ".", "&", "'", "’", "/":
			default:
				return false
			}
		}
	}
	return true
}

// entityKinds maps an entity type to the actor kind the coder reasons with
// (persons are resolved by coreference, places never are).
var entityKinds = map[doc.EntityType]actors.Kind{
	doc.PER: actors.KindPerson, doc.GPE: actors.KindCountry, doc.LOC: actors.KindMetonym,
	doc.ORG: actors.KindOrg, doc.NORP: actors.KindCountry,
}

// entityMatches turns the coded entity mentions of sentence si into actor
// matches over its tokens. The kind is taken from a scanner match over the
// same tokens when there is one, else from the entity type.
func (s *sentence) entityMatches(si int) []ActorMatch {
	if s.docs == nil || si >= len(s.docs.ents) {
		return nil
	}
	var out []ActorMatch
	for _, ei := range s.docs.ents[si] {
		e := &s.d.Entities[ei]
		if len(e.Actor) == 3 && (e.Type == doc.PER || placeInName(e.Text, e.Entity)) {
			continue // a person coded as a bare country: a place inside the name ("Valeska Paris")
		}
		lo, hi := -1, -1
		for i := range s.toks {
			if e.Span.Contains(s.toks[i].Span) {
				if lo < 0 {
					lo = i
				}
				hi = i + 1
			}
		}
		if lo < 0 || !s.nameLikeSpan(lo, hi) {
			continue
		}
		kind, ok := entityKinds[e.Type]
		if !ok {
			kind = actors.KindUnknown
		}
		for _, m := range s.matches {
			if m.Start < hi && lo < m.End && m.Code == e.Actor && m.Kind != "" {
				kind = m.Kind
				break
			}
		}
		out = append(out, ActorMatch{Start: lo, End: hi, Span: e.Span, Text: e.Text, Entity: e.Entity, Code: e.Actor, Kind: kind})
	}
	return out
}

func (c *Coder) newSentence(d *doc.Document, si int, ds *docState) *sentence {
	toks := d.Sentences[si].Tokens
	if len(toks) == 0 {
		return nil
	}
	toks = repairParseVerbs(toks, si < 2 && d.Title != "" && strings.TrimSpace(d.Sentences[si].Span.In(d.Text)) == strings.TrimSpace(d.Title), c.verbLemmas)
	s := &sentence{d: d, idx: si, toks: toks, eventNouns: c.eventNouns, verbLemmas: c.verbLemmas, docs: ds}
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
	}
	// the document's resolved entity mentions ("Blinken" -> Tony Blinken,
	// repaired spans) win over the sentence scan on the tokens they cover
	ents := s.entityMatches(si)
	nScan := len(s.matches)
	s.matches = append(s.matches, ents...)
	overruled := map[int]bool{}
	defer func() {
		// a scan match an entity overruled in part loses the rest of its
		// words too: in "An RSF spokesman" (scanned as the press NGO's)
		// the spokesman is then read from the entity it belongs to
		for i, cur := range s.actorAt {
			if cur < 0 || !overruled[cur] {
				continue
			}
			s.actorAt[i] = -1
			for mi := nScan; mi < len(s.matches); mi++ {
				if m := s.matches[mi]; m.Span.Contains(s.toks[i].Span) {
					s.actorAt[i] = mi // "Barack Obama" inside "US President Barack Obama"
				}
			}
		}
	}()
	{
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
				cur := s.actorAt[i]
				switch {
				case cur < 0:
					s.actorAt[i] = mi
				case (mi >= nScan) != (cur >= nScan):
					// an entity wins over a scan match that codes it
					// otherwise; with the same code the scan's span stays
					if mi >= nScan && s.matches[cur].Code != m.Code {
						s.actorAt[i] = mi
						if !refines(s.matches[cur].Code, m.Code) {
							overruled[cur] = true // another actor altogether (RSF), not a refinement ("Pakistan's prime minister")
						}
					}
				case s.matches[cur].End-s.matches[cur].Start < m.End-m.Start:
					s.actorAt[i] = mi
				}
			}
		}
	}
	return s
}

// refines reports whether two actor codes can name the same actor, one
// refining the other: PAK and PAKGOV, LAB and BOLLAB.
func refines(a, b cameo.ActorCode) bool {
	x, y := string(a), string(b)
	if strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
		return true
	}
	return agentOnly(a) && strings.HasSuffix(y, x) || agentOnly(b) && strings.HasSuffix(x, y)
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
