package geo

import (
	"math"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Ambiguous country names. A few short names stand for more than one
// place in news: "Congo" for the Democratic Republic of the Congo and for
// the Republic of the Congo, "Korea" for either Korea, "Georgia" for the
// country and the US state, "Macedonia" for North Macedonia and the Greek
// region. All the mentions of such a name in one text (and of its demonym,
// "Congolese") take one reading, chosen from the text's other evidence: the
// places of one reading's country (its capital, cities, divisions, longer
// names such as "DR Congo", its neighbours), the countries of the actors
// the text names (people and groups coded by the actor dictionaries, given
// by the caller), qualifiers ("Congo (Brazzaville)") and a few words that
// go with one reading ("eastern Congo"). Without evidence the first
// reading, the most frequent in news, wins.
//
// Names that only look alike are not ambiguous: "Guinea" alone is Guinea,
// never a short form of "Guinea-Bissau" or "Equatorial Guinea", and
// "Sudan" alone is Sudan, not South Sudan, even in a text about the other
// country (which is usually the neighbour it names).

type reading struct {
	cc   string // ISO 3166-1 alpha-2 country
	kind Kind   // KindCountry, KindADM1 or KindRegion
	adm1 string // the division's code, KindADM1 only
	bias float64
}

type ambiguity struct {
	name     string    // folded short name
	readings []reading // the first is the default
	demonyms []string  // folded demonyms that share the decision
	cues     map[string]int
}

// defaultBias is the edge of the default reading of a name whose readings
// have the same prior: less than one city or capital of the other reading.
const defaultBias = 1

var ambiguities = []*ambiguity{
	{
		// the DRC is far more often in the news than its neighbour
		name:     "congo",
		readings: []reading{{cc: "CD", kind: KindCountry, bias: defaultBias}, {cc: "CG", kind: KindCountry}},
		demonyms: []string{"congolese"},
		// the wars of the east are the DRC's ("eastern Congo")
		cues: map[string]int{"eastern": 0, "east": 0, "northeastern": 0, "northeast": 0, "north eastern": 0},
	},
	{
		name:     "korea",
		readings: []reading{{cc: "KR", kind: KindCountry, bias: defaultBias}, {cc: "KP", kind: KindCountry}},
	},
	{
		// the priors of a country and a US state already favour the country
		name:     "georgia",
		readings: []reading{{cc: "GE", kind: KindCountry}, {cc: "US", kind: KindADM1, adm1: "GA"}},
	},
	{
		name:     "macedonia",
		readings: []reading{{cc: "MK", kind: KindCountry}, {cc: "GR", kind: KindRegion}},
	},
}

var ambiguityByName = func() map[string]*ambiguity {
	m := map[string]*ambiguity{}
	for _, a := range ambiguities {
		m[a.name] = a
		for _, d := range a.demonyms {
			m[d] = a
		}
	}
	return m
}()

// ambiguityOf returns the ambiguity a folded name or demonym belongs to.
func ambiguityOf(key string) *ambiguity { return ambiguityByName[key] }

// readingOf returns the index of the reading e is, -1 when none.
func (a *ambiguity) readingOf(e *Entry) int {
	for i, r := range a.readings {
		if e.Kind == r.kind && e.Country == r.cc && (r.kind != KindADM1 || e.ADM1 == r.adm1) {
			return i
		}
	}
	return -1
}

// coReading reports whether country cc is the country of a reading of a.
func (a *ambiguity) coReading(cc string) bool {
	for _, r := range a.readings {
		if r.cc == cc {
			return true
		}
	}
	return false
}

// ambCands returns the candidates of an ambiguous name: one entry per
// reading, in the order of the readings.
func (g *Gazetteer) ambCands(a *ambiguity) []cand {
	var out []cand
	for _, r := range a.readings {
		var e *Entry
		switch r.kind {
		case KindCountry:
			e = g.countries[r.cc]
		case KindADM1:
			e = g.adm1[r.cc+"."+r.adm1]
		default:
			for _, c := range g.byName[a.name] {
				if c.e.Kind == r.kind && c.e.Country == r.cc {
					e = c.e
					break
				}
			}
		}
		if e != nil {
			out = append(out, cand{e: e}) // the name is a name of each reading
		}
	}
	return out
}

// ambState is what a document says about its ambiguous names beyond its
// places: actor countries, cue words, and readings fixed by the caller.
type ambState struct {
	actors map[string]float64 // ISO2 → weight of the actors of that country
	cues   map[*ambiguity][]int
	fixed  map[*ambiguity]int // reading given by the actor code of a mention
	ignore bool               // decide afresh, ignoring entity codes
	final  *evidence          // with ignore: the context after the last pass
}

// prepareAmbiguous gives the groups of ambiguous names their readings as
// candidates, finds the cue words and, unless st.ignore, the readings the
// actor codes of entities that are such names give.
func (g *Gazetteer) prepareAmbiguous(s *spotter, d *doc.Document, groups []*group, st *ambState) {
	for _, gr := range groups {
		a := ambiguityOf(gr.key)
		if a == nil {
			continue
		}
		gr.amb = a
		if cs := g.ambCands(a); len(cs) == len(a.readings) {
			gr.cands = cs
		} else {
			gr.amb = nil
			continue
		}
	}
	st.cues = cueWords(s)
	if st.ignore || d == nil {
		return
	}
	// an entity that is the name or its demonym ("Congo", "the Congolese")
	// and carries a country code of one reading: the actor stage decided
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Actor == "" {
			continue // whatever its type: a tagger may call "Congo" a person
		}
		k := strings.TrimPrefix(fold(e.Span.In(d.Text)), "the ")
		a := ambiguityOf(k)
		if a == nil && strings.HasSuffix(k, "s") {
			a = ambiguityOf(k[:len(k)-1]) // "Congo's"
		}
		if a == nil {
			continue
		}
		if _, done := st.fixed[a]; done {
			continue // the first one decides; the actor stage gives them all one reading
		}
		if r := a.readingOfCode(e.Actor); r >= 0 {
			if st.fixed == nil {
				st.fixed = map[*ambiguity]int{}
			}
			st.fixed[a] = r
		}
	}
}

// readingOfCode returns the reading the country of an actor code names:
// the country reading of that country, else its only reading.
func (a *ambiguity) readingOfCode(code cameo.ActorCode) int {
	c, ok := cameo.CountryByISO3(code.Country())
	if !ok {
		return -1
	}
	for i, r := range a.readings {
		if r.cc == c.ISO2 {
			return i
		}
	}
	return -1
}

// cueWords finds the words that go with one reading of an ambiguous name
// right before it ("eastern Congo").
func cueWords(s *spotter) map[*ambiguity][]int {
	var out map[*ambiguity][]int
	for i := 1; i < len(s.toks); i++ {
		if !s.toks[i].cap {
			continue
		}
		a := ambiguityOf(fold(s.word(i)))
		if a == nil || a.cues == nil {
			continue
		}
		prev := fold(s.word(i - 1))
		if i > 1 && s.gapOK(i-2) {
			if r, ok := a.cues[fold(s.word(i-2))+" "+prev]; ok {
				out = addCue(out, a, r)
				continue
			}
		}
		if !s.gapOK(i - 1) {
			continue
		}
		if r, ok := a.cues[prev]; ok {
			out = addCue(out, a, r)
		}
	}
	return out
}

func addCue(m map[*ambiguity][]int, a *ambiguity, r int) map[*ambiguity][]int {
	if m == nil {
		m = map[*ambiguity][]int{}
	}
	m[a] = append(m[a], r)
	return m
}

// Scores added to the readings of an ambiguous name.
const (
	cueBonus   = 6  // per cue word, at most two
	fixedBonus = 50 // the reading the document's actor code gives
	actorW     = 3  // times sat(weight) of the actors of the reading's country
)

// ambEvidence is the score of a reading of an ambiguous name from the
// evidence of the document's other places: its country's (cEv), its
// division's (aEv, divisions only) and its neighbours' (nEv). Up to one
// place it is the usual bonus; beyond, a country's evidence keeps growing
// linearly (to a cap), so that three places of one country outweigh two
// of the other. A US state keeps the usual bounded bonus: that a story
// names the US says little about Georgia the state.
func ambEvidence(k Kind, cEv, aEv, nEv float64) float64 {
	more := func(x float64) float64 {
		if x <= 1 {
			return sat(x)
		}
		return sat(1) + math.Min(x, 4) - 1
	}
	switch k {
	case KindADM1:
		return 3*sat(cEv) + 2*sat(aEv) + sat(nEv)
	case KindCountry:
		return 3*more(cEv) + 1.5*more(nEv)
	}
	return 3 * more(cEv)
}

// ambScore is the extra score of reading r of the group's ambiguous name.
func (st *ambState) ambScore(gr *group, r int) float64 {
	a := gr.amb
	sc := a.readings[r].bias
	if st == nil {
		return sc
	}
	n := 0
	for _, c := range st.cues[a] {
		if c == r && n < 2 {
			sc += cueBonus
			n++
		}
	}
	if f, ok := st.fixed[a]; ok && f == r {
		sc += fixedBonus
	}
	if w := st.actors[a.readings[r].cc]; w > 0 {
		sc += actorW * sat(w)
	}
	return sc
}

// qualifiedTo reports whether a qualifier of the group names a place of
// country cc ("Congo (Brazzaville)").
func (gr *group) qualifiedTo(cc string) bool {
	if gr.qualCC[cc] {
		return true
	}
	for k := range gr.qualADM1 {
		if strings.HasPrefix(k, cc+".") {
			return true
		}
	}
	return false
}

// AmbiguousNames lists the ambiguous short country names and demonyms the
// resolver decides by context (folded: "congo", "congolese", "georgia").
func AmbiguousNames() []string {
	var out []string
	for _, a := range ambiguities {
		out = append(out, a.name)
		out = append(out, a.demonyms...)
	}
	return out
}

// IsAmbiguousName reports whether name (any case) is an ambiguous short
// country name or demonym ("Congo", "Congolese", "Korea").
func IsAmbiguousName(name string) bool { return ambiguityOf(fold(name)) != nil }

// AmbiguousCountries returns the countries (ISO 3166-1 alpha-2) of the
// readings of an ambiguous name or demonym, the default first; nil for any
// other name.
func AmbiguousCountries(name string) []string {
	a := ambiguityOf(fold(name))
	if a == nil {
		return nil
	}
	out := make([]string, len(a.readings))
	for i, r := range a.readings {
		out[i] = r.cc
	}
	return out
}

// Reading is the place an ambiguous name stands for in one document.
type Reading struct {
	Name    string // the gazetteer name of the reading ("DR Congo", "Georgia")
	Country string // ISO 3166-1 alpha-2
	Kind    Kind   // KindCountry, or the division or region the name is
}

// AmbiguousReadings decides the ambiguous country names and demonyms of
// d.Text (see AmbiguousNames) by the text's places and by actors, the
// weights of the countries (ISO 3166-1 alpha-2) of the actors it names.
// It ignores the actor codes of d.Entities and leaves d unchanged. The
// result is keyed by folded name or demonym, as written in the text.
// Resolve makes the same choice for the place when an entity over the
// mention carries the reading's country as its actor code.
func (g *Gazetteer) AmbiguousReadings(d *doc.Document, actors map[string]float64) map[string]Reading {
	if g == nil || d == nil {
		return nil
	}
	s := spotter{g: g, text: d.Text} // as Resolve reads the text
	s.toks = tokenize(d.Text, make([]token, 0, len(d.Text)/5))
	present := map[*ambiguity][]string{}
	for i := range s.toks {
		if !s.toks[i].cap {
			continue
		}
		k := fold(s.word(i))
		if a := ambiguityOf(k); a != nil && !containsStr(present[a], k) {
			present[a] = append(present[a], k)
		}
	}
	if len(present) == 0 {
		return nil
	}
	ms := s.spot()
	ms = g.mergeEntities(ms, d)
	st := &ambState{actors: actors, ignore: true}
	groups, _, _ := g.decide(&s, d, ms, st)
	out := map[string]Reading{}
	decided := map[*ambiguity]*Entry{}
	for _, gr := range groups {
		if gr.amb != nil && gr.pick != nil {
			decided[gr.amb] = gr.pick
		}
	}
	for a, keys := range present {
		e := decided[a]
		if e == nil {
			// named only where the spotter reads no place: decide on the
			// evidence of the other places alone
			gr := &group{key: a.name, amb: a, cands: g.ambCands(a)}
			if len(gr.cands) != len(a.readings) {
				continue
			}
			ev := st.final
			if ev == nil {
				e0 := newEvidence()
				ev = &e0
			}
			e, _, _ = g.choose(gr, ev, nil, nil, st)
		}
		if e == nil {
			continue
		}
		for _, k := range keys {
			out[k] = Reading{Name: e.Name, Country: e.Country, Kind: e.Kind}
		}
	}
	return out
}

func containsStr(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
