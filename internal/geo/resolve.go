package geo

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/internal/doc"
)

// Options change what Resolve reports.
type Options struct {
	// Demonyms reports demonyms ("Russian", "Palestinians", "Sri Lankan")
	// as places at their country, as corpora such as LGL annotate them.
	// By default a demonym is context for other names, never a place.
	Demonyms bool
}

// Resolve fills d.Places with the toponyms of d.Text, each geocoded to one
// gazetteer entry. Candidates come from the gazetteer spotter and from
// d.Entities of type LOC, GPE and FAC; a PER entity vetoes a spotted name
// inside it. A name that matches nothing is skipped; it never stops the rest.
func (g *Gazetteer) Resolve(d *doc.Document) { g.ResolveWith(d, Options{}) }

// ResolveWith is Resolve with options.
func (g *Gazetteer) ResolveWith(d *doc.Document, o Options) {
	if g == nil || d == nil {
		return
	}
	s := spotter{g: g, text: d.Text, demonyms: o.Demonyms}
	s.toks = tokenize(d.Text, make([]token, 0, len(d.Text)/5))
	ms := s.spot()
	ms = g.mergeEntities(ms, d)
	d.Places = g.resolveMentions(&s, d, ms, d.Places[:0])
}

// ResolveSpans geocodes the given spans of d.Text as toponyms (the spotting
// step skipped), appending to d.Places. Spans that are out of range or match
// no gazetteer name are skipped.
func (g *Gazetteer) ResolveSpans(d *doc.Document, spans []doc.Span) {
	g.ResolveSpansWith(d, spans, Options{})
}

// ResolveSpansWith is ResolveSpans with options.
func (g *Gazetteer) ResolveSpansWith(d *doc.Document, spans []doc.Span, o Options) {
	if g == nil || d == nil {
		return
	}
	s := spotter{g: g, text: d.Text, demonyms: o.Demonyms}
	s.toks = tokenize(d.Text, nil)
	var ms []*mention
	for _, sp := range spans {
		t := sp.In(d.Text)
		if t == "" {
			continue
		}
		if m := g.entityMention(sp, t); m != nil {
			ms = append(ms, m)
		} else if o.Demonyms {
			if gk, cs := g.demonymCands(fold(t)); cs != nil {
				ms = append(ms, &mention{Span: sp, key: gk, cands: cs, src: fromNER})
			}
		}
	}
	d.Places = g.resolveMentions(&s, d, ms, d.Places[:0])
}

// entityMention looks a name up as given, then without a leading "the" and
// a trailing possessive.
func (g *Gazetteer) entityMention(sp doc.Span, t string) *mention {
	key := fold(t)
	cs := g.byName[key]
	if len(cs) == 0 {
		k := strings.TrimPrefix(key, "the ")
		k = strings.TrimSuffix(strings.TrimSuffix(k, " s"), "s ")
		if k != key {
			key, cs = k, g.byName[k]
		}
	}
	if len(cs) == 0 {
		return nil
	}
	return &mention{Span: sp, key: key, cands: cs, src: fromNER}
}

// mergeEntities adds NER toponyms and drops spotted names inside persons.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

func (g *Gazetteer) mergeEntities(ms []*mention, d *doc.Document) []*mention {
	if len(d.Entities) == 0 {
		return ms
	}
	keep := ms[:0]
	for _, m := range ms {
		veto := false
		for i := range d.Entities {
			e := &d.Entities[i]
			if e.Type == doc.PER && e.Span.Contains(m.Span) {
				veto = true
				break
			}
		}
		if !veto {
			keep = append(keep, m)
		}
	}
	ms = keep
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Type != doc.LOC && e.Type != doc.GPE && e.Type != doc.FAC {
			continue
		}
		covered := false
		for _, m := range ms {
			if m.Overlaps(e.Span) && m.Len() >= e.Span.Len() {
				covered = true
				break
			}
		}
		if covered || !hasUpper(e.Span.In(d.Text)) {
			continue // a lower-case "location" ("27 union leaders") is a tagging slip
		}
		m := g.entityMention(e.Span, e.Span.In(d.Text))
		if m == nil {
			continue
		}
		out := ms[:0:0]
		for _, o := range ms {
			if !o.Overlaps(m.Span) {
				out = append(out, o)
			}
		}
		ms = append(out, m)
	}
	return ms
}

// group is every mention of one name in a document: one sense per discourse.
type group struct {
	key      string
	ms       []*mention
	cands    []cand
	qualCC   map[string]bool // countries named as qualifiers
	qualADM1 map[string]bool // "CC.code" divisions named as qualifiers
	stateW   bool
	siblings []*group       // groups named next to this one in a list ("Ohio, Texas and Utah")
	support  map[*Entry]int // readings near a reading of another name of the text
	amb      *ambiguity     // the name is an ambiguous country name ("Congo")
	pick     *Entry
	conf     float64
	ccConf   float64 // confidence in the pick's country (margin over other countries' readings)
}

type evidence struct {
	country map[string]float64
	adm1    map[string]float64
	// ccCountry weighs each pick by the confidence in its country, not in
	// the place: "Savannah" is surely in the US if not surely in Georgia.
	// Only ambiguous country names read it.
	ccCountry map[string]float64
}

func newEvidence() evidence {
	return evidence{country: map[string]float64{}, adm1: map[string]float64{}, ccCountry: map[string]float64{}}
}

// decide groups the mentions by name and picks one reading for each group
// from priors and the document's context.
// It returns the groups, the groups by key and the mentions after
// qualifiers are read (a qualifier is no mention of its own).
func (g *Gazetteer) decide(s *spotter, d *doc.Document, ms []*mention, st *ambState) ([]*group, map[string]*group, []*mention) {
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	ms = s.qualify(ms)
	groups := make([]*group, 0, len(ms))
	byKey := make(map[string]*group, len(ms))
	for _, m := range ms {
		gr := byKey[m.key]
		if gr == nil {
			gr = &group{key: m.key, cands: m.cands}
			byKey[m.key] = gr
			groups = append(groups, gr)
		}
		gr.ms = append(gr.ms, m)
		if m.stateWord {
			gr.stateW = true
		}
		if m.qualState != "" {
			gr.addQual("", "US."+m.qualState)
		}
		if m.qual != nil {
			for _, c := range m.qual.cands {
				switch c.e.Kind {
				case KindCountry:
					gr.addQual(c.e.Country, "")
				case KindADM1, KindADM2:
					gr.addQual("", c.e.Country+"."+c.e.ADM1)
				}
			}
		}
	}
	linkSiblings(s.text, ms, byKey)
	spatialSupport(groups)

	g.prepareAmbiguous(s, d, groups, st)

	// demonyms give country context ("Russian jets"); an ambiguous one
	// ("Congolese") is decided with its name, not evidence for it
	demo := map[string]float64{}
	for i := range s.toks {
		if !s.toks[i].cap {
			continue
		}
		if cc, ok := g.demonyms[fold(s.word(i))]; ok && ambiguityOf(fold(s.word(i))) == nil {
			demo[cc] += 0.5
		}
	}

	// pass 1: prior and qualifiers only
	for _, gr := range groups {
		gr.pick, gr.conf, gr.ccConf = g.choose(gr, nil, nil, nil, st)
	}
	// passes 2 and 3: with the document's other places as context
	context := func() evidence {
		ev := newEvidence()
		for cc, w := range demo {
			ev.country[cc] += w
			ev.ccCountry[cc] += w
		}
		for _, gr := range groups {
			addEvidence(&ev, gr, 1)
		}
		return ev
	}
	for pass := 0; pass < 2; pass++ {
		ev := context()
		var anchors []*Entry
		for _, gr := range groups {
			if gr.pick != nil && gr.conf >= 0.5 && (gr.pick.Kind == KindCity || gr.pick.Kind == KindADM2 || gr.pick.Kind == KindLandmark) {
				anchors = append(anchors, gr.pick)
			}
		}
		next := make([]*Entry, len(groups))
		conf := make([]float64, len(groups))
		ccConf := make([]float64, len(groups))
		for i, gr := range groups {
			addEvidence(&ev, gr, -1) // never one's own evidence
			next[i], conf[i], ccConf[i] = g.choose(gr, &ev, anchors, gr.pick, st)
			addEvidence(&ev, gr, 1)
		}
		for i, gr := range groups {
			gr.pick, gr.conf, gr.ccConf = next[i], conf[i], ccConf[i]
		}
	}
	if st != nil && st.ignore {
		// the final context, for ambiguous names no mention stands for
		ev := context()
		st.final = &ev
	}

	return groups, byKey, ms
}

// resolveMentions geocodes the mentions ms of d's text, appending to out.
// The actor codes of d.Entities fix the readings of ambiguous country names.
func (g *Gazetteer) resolveMentions(s *spotter, d *doc.Document, ms []*mention, out []doc.Place) []doc.Place {
	if len(ms) == 0 {
		return out
	}
	_, byKey, ms := g.decide(s, d, ms, &ambState{})

	for _, m := range ms {
		gr := byKey[m.key]
		e := gr.pick
		if e == nil || (gr.weak() && gr.support[e] == 0 && !gr.big()) {
			continue // a given name alone, with nothing near it: a person more likely than a town
		}
		p := doc.Place{Span: m.Span, Text: m.Span.In(s.text), Name: e.Name, Country: e.Country, Lat: e.Lat, Lon: e.Lon,
			GeoNames: e.GeoNames, FeatureClass: e.FeatureClass(), GeoType: e.GeoType()}
		if e.Kind != KindCountry {
			p.ADM1 = e.ADM1
		}
		out = append(out, p)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// supportBonus favours a local reading (town, county) that lies within
// supportKm of a local reading of another name of the same text: among
// "Hamilton" and "Butler County", the Ohio pair.
const (
	supportBonus = 2.0
	supportKm    = 50
	supportMax   = 60 // readings of one name considered, most populous first
)

// spatialSupport counts, for each local reading of each group, the other
// groups that have a local reading nearby. It looks at the candidates, not
// the picks, so two ambiguous names can settle each other.
func spatialSupport(groups []*group) {
	if len(groups) < 2 {
		return
	}
	type item struct {
		e  *Entry
		gi int
	}
	cells := map[int32][]item{}
	local := func(e *Entry) bool { return e.Kind == KindCity || e.Kind == KindADM2 || e.Kind == KindLandmark }
	for gi, gr := range groups {
		n := 0
		for _, c := range gr.cands {
			if !local(c.e) {
				continue
			}
			if n++; n > supportMax {
				break
			}
			k := cellKey(int(math.Floor(c.e.Lat)), int(math.Floor(c.e.Lon)))
			cells[k] = append(cells[k], item{c.e, gi})
		}
	}
	for gi, gr := range groups {
		n := 0
		for _, c := range gr.cands {
			e := c.e
			if !local(e) {
				continue
			}
			if n++; n > supportMax {
				break
			}
			la, lo := int(math.Floor(e.Lat)), int(math.Floor(e.Lon))
			var seen []int
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					x := ((lo+dx)%360+540)%360 - 180
					for _, it := range cells[cellKey(la+dy, x)] {
						if it.gi == gi || containsInt(seen, it.gi) || Distance(e.Lat, e.Lon, it.e.Lat, it.e.Lon) > supportKm {
							continue
						}
						seen = append(seen, it.gi)
					}
				}
			}
			if len(seen) > 0 {
				if gr.support == nil {
					gr.support = map[*Entry]int{}
				}
				gr.support[e] = len(seen)
			}
		}
	}
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// weak reports whether every mention of the group is weak.
func (gr *group) weak() bool {
	for _, m := range gr.ms {
		if !m.weak {
			return false
		}
	}
	return true
}

// big reports whether the group's pick is a country, a division or a city
// of 100,000 or more.
func (gr *group) big() bool {
	e := gr.pick
	return e.Kind == KindCountry || e.Kind == KindADM1 || e.Kind == KindRegion || e.Kind == KindLandmark || (e.Kind == KindCity && e.Pop >= 100000)
}

// seatPenalty: a division read through a shortened name ("Mecca" for
// "Mecca Region") yields to the division's seat of that very name.
const seatPenalty = 6

// seatNamed reports whether cs holds, under its main name, a first-order
// seat (PPLA) or capital of division a.
func seatNamed(cs []cand, a *Entry) bool {
	for _, c := range cs {
		e := c.e
		if !c.alias && e.Kind == KindCity && (e.Code == "PPLA" || e.Code == "PPLC") && e.Country == a.Country && e.ADM1 == a.ADM1 {
			return true
		}
	}
	return false
}

// siblingBonus favours the country or division reading of a name listed
// next to other countries or divisions.
const siblingBonus = 6

// listGaps join the items of a list of place names.
var listGaps = []string{", ", " and ", ", and ", " or ", ", or ", " & ", "/", " / "}

// linkSiblings links the groups of mentions that follow one another in a
// list. A qualifier ("Paris, Texas") is not a list item.
func linkSiblings(text string, ms []*mention, byKey map[string]*group) {
	sorted := make([]*mention, 0, len(ms))
	for _, m := range ms {
		if !m.isQual && m.qual == nil && m.qualState == "" {
			sorted = append(sorted, m)
		}
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].Start < sorted[j].Start })
	for i := 0; i+1 < len(sorted); i++ {
		a, b := sorted[i], sorted[i+1]
		if b.Start < a.End || b.Start-a.End > 6 || a.key == b.key {
			continue
		}
		gap := text[a.End:b.Start]
		for _, lg := range listGaps {
			if gap == lg {
				ga, gb := byKey[a.key], byKey[b.key]
				ga.siblings = append(ga.siblings, gb)
				gb.siblings = append(gb.siblings, ga)
				break
			}
		}
	}
}

func (gr *group) addQual(cc, adm1 string) {
	if cc != "" {
		if gr.qualCC == nil {
			gr.qualCC = map[string]bool{}
		}
		gr.qualCC[cc] = true
	}
	if adm1 != "" {
		if gr.qualADM1 == nil {
			gr.qualADM1 = map[string]bool{}
		}
		gr.qualADM1[adm1] = true
	}
}

// addEvidence adds (sign 1) or removes (sign -1) a group's pick as context.
func addEvidence(ev *evidence, gr *group, sign float64) {
	e := gr.pick
	if e == nil {
		return
	}
	w := sign * gr.conf * math.Min(2, float64(len(gr.ms)))
	if ev.ccCountry != nil && e.Country != "" {
		cw := sign * gr.ccConf * math.Min(2, float64(len(gr.ms)))
		switch e.Kind {
		case KindCountry:
		case KindADM1:
			cw *= 0.7
		default:
			cw *= 0.5
		}
		ev.ccCountry[e.Country] += cw
	}
	switch e.Kind {
	case KindCountry:
		ev.country[e.Country] += w
	case KindADM1:
		ev.country[e.Country] += 0.7 * w
		ev.adm1[e.Country+"."+e.ADM1] += w
	case KindADM2, KindCity, KindLandmark:
		ev.country[e.Country] += 0.5 * w
		if e.ADM1 != "" {
			ev.adm1[e.Country+"."+e.ADM1] += 0.7 * w
		}
	case KindRegion:
		if e.Country != "" {
			ev.country[e.Country] += 0.5 * w
		}
	}
}

// sat turns an evidence weight into a bounded bonus in [0, ~2].
func sat(x float64) float64 {
	if x <= 0 {
		return 0
	}
	return math.Min(x, 1) + 0.5*math.Log1p(x)
}

func prior(e *Entry, alias bool) float64 {
	var p float64
	switch e.Kind {
	case KindCountry:
		p = 16
		if !e.indep {
			p = 14
		}
	case KindADM1:
		p = 11
		if e.Country == "US" {
			p = 13.5
		}
	case KindADM2:
		p = 7
	case KindCity:
		p = 2 * math.Log10(float64(e.Pop)+10)
		switch e.Code {
		case "PPLC":
			p += 2
		case "PPLA":
			p += 0.5
		}
		if alias {
			p -= 3
		}
		switch e.Country {
		case "US", "GB", "CA", "AU", "IE", "NZ":
			p += 0.8 // places of English-speaking countries are more often news
		}
	case KindLandmark:
		p = 15
	case KindRegion:
		p = 14
	}
	return p
}

// choose scores every reading of a group and returns the best, with a
// confidence from the margin over the runner-up.
func (g *Gazetteer) choose(gr *group, ev *evidence, anchors []*Entry, self *Entry, st *ambState) (*Entry, float64, float64) {
	best, second := math.Inf(-1), math.Inf(-1)
	var pick *Entry
	type scored struct {
		cc string
		sc float64
	}
	var all []scored
	for _, c := range gr.cands {
		e := c.e
		sc := prior(e, c.alias)
		if gr.amb != nil {
			// an ambiguous country name: only its readings, with what the
			// document says of them beyond its places
			r := gr.amb.readingOf(e)
			if r < 0 {
				continue
			}
			sc += st.ambScore(gr, r)
			if gr.qualifiedTo(e.Country) {
				sc += 25 // "Congo (Brazzaville)"
			}
		} else if gr.qualCC != nil || gr.qualADM1 != nil {
			if gr.qualCC[e.Country] || gr.qualADM1[e.Country+"."+e.ADM1] {
				sc += 25
			} else if e.Kind != KindCountry {
				sc -= 8
			}
		}
		if gr.stateW && e.Kind == KindADM1 {
			sc += 10
		}
		if e.Kind == KindADM1 && c.alias && seatNamed(gr.cands, e) {
			sc -= seatPenalty // "Mecca": the city, not "Mecca Region" shortened
		}
		switch n := gr.support[e]; {
		case c.alias:
		case n >= 2:
			sc += 2 * supportBonus
		case n == 1:
			sc += supportBonus
		}
		if (e.Kind == KindADM1 || e.Kind == KindCountry) && !c.alias {
			for _, sg := range gr.siblings {
				if sg.pick != nil && sg.pick.Kind == e.Kind && sg.conf >= 0.5 {
					sc += siblingBonus
					break
				}
			}
		}
		if ev != nil {
			country := ev.country
			if gr.amb != nil && ev.ccCountry != nil {
				country = ev.ccCountry
			}
			cEv := country[e.Country]
			var aEv, nEv float64
			if e.Kind != KindCountry {
				aEv = ev.adm1[e.Country+"."+e.ADM1]
			}
			if e.Country != "" {
				if ce := g.countries[e.Country]; ce != nil {
					for _, b := range ce.borders {
						if gr.amb != nil && gr.amb.coReading(b) {
							continue // "Brazzaville" is no neighbour's evidence for the other Congo
						}
						nEv += country[b]
					}
				}
			}
			switch {
			case gr.amb != nil:
				// readings of an ambiguous country name weigh their
				// evidence against each other: each more place counts
				sc += ambEvidence(e.Kind, cEv, aEv, nEv)
			case e.Kind == KindCountry:
				sc += 3*sat(cEv) + 1.5*sat(nEv)
			case e.Kind == KindADM1:
				sc += 3*sat(cEv) + 2*sat(aEv) + sat(nEv)
			case e.Kind == KindRegion || e.Kind == KindLandmark:
				sc += 2 * sat(cEv)
			default:
				cw := 1.5
				if e.Code == "PPLC" {
					cw = 3 // a national capital is named in national news as often as the country's divisions
				}
				sc += cw*sat(cEv) + 5*sat(aEv) + 0.5*sat(nEv)
				near := math.Inf(1)
				for _, a := range anchors {
					if a == self || a == e {
						continue
					}
					if d := Distance(a.Lat, a.Lon, e.Lat, e.Lon); d < near {
						near = d
					}
				}
				switch {
				case near < 50:
					sc += 3
				case near < 150:
					sc += 1.5
				}
			}
		}
		all = append(all, scored{e.Country, sc})
		switch {
		case sc > best:
			second, best, pick = best, sc, e
		case sc > second:
			second = sc
		}
	}
	conf := 1.0
	if !math.IsInf(second, -1) {
		conf = math.Min(1, math.Max(0.2, (best-second)/4))
	}
	ccConf := 1.0
	if pick != nil {
		other := math.Inf(-1)
		for _, a := range all {
			if a.cc != pick.Country && a.sc > other {
				other = a.sc
			}
		}
		if !math.IsInf(other, -1) {
			ccConf = math.Min(1, math.Max(0.2, (best-other)/4))
		}
	}
	return pick, conf, ccConf
}
