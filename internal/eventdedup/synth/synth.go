// Package synth generates a labelled corpus for evaluating event
// deduplication: real-world events each reported by one to five outlets,
// with the variation real reports show (verb synonyms within one CAMEO base,
// vaguer codes, broader or narrower actor codes, the place named as a city
// or only as its country, dates a day apart, host/visit and symmetric
// rewordings, syndicated copies, several mentions in one article, roundups
// reporting two events) and distractor events that share actors with a true
// event but differ in CAMEO root, date or place. Events are built directly
// as doc.Events (no NLP), so the score measures the matcher alone.
//
// Evaluate runs eventdedup over the corpus and returns pairwise and B-cubed
// precision and recall over event mentions, the share of events merged
// exactly, and the share whose GDELT counts come out right.
package synth

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

type city struct {
	name     string
	lat, lon float64
}

type country struct {
	iso3, iso2, name string
	cities           [3]city
}

// countries: capital and two other large cities, approximate coordinates.
var countries = []country{
	{"USA", "US", "United States", [3]city{{"Washington", 38.90, -77.04}, {"New York", 40.71, -74.01}, {"Los Angeles", 34.05, -118.24}}},
	{"FRA", "FR", "France", [3]city{{"Paris", 48.86, 2.35}, {"Marseille", 43.30, 5.37}, {"Lyon", 45.76, 4.84}}},
	{"RUS", "RU", "Russia", [3]city{{"Moscow", 55.76, 37.62}, {"Saint Petersburg", 59.94, 30.31}, {"Novosibirsk", 55.03, 82.92}}},
	{"CHN", "CN", "China", [3]city{{"Beijing", 39.90, 116.40}, {"Shanghai", 31.23, 121.47}, {"Guangzhou", 23.13, 113.26}}},
	{"IRN", "IR", "Iran", [3]city{{"Tehran", 35.69, 51.39}, {"Isfahan", 32.65, 51.67}, {"Mashhad", 36.30, 59.60}}},
	{"ISR", "IL", "Israel", [3]city{{"Jerusalem", 31.77, 35.21}, {"Haifa", 32.79, 34.99}, {"Eilat", 29.56, 34.95}}},
	{"UKR", "UA", "Ukraine", [3]city{{"Kyiv", 50.45, 30.52}, {"Kharkiv", 49.99, 36.23}, {"Odesa", 46.48, 30.73}}},
	{"DEU", "DE", "Germany", [3]city{{"Berlin", 52.52, 13.40}, {"Munich", 48.14, 11.58}, {"Hamburg", 53.55, 9.99}}},
	{"GBR", "GB", "United Kingdom", [3]city{{"London", 51.51, -0.13}, {"Manchester", 53.48, -2.24}, {"Edinburgh", 55.95, -3.19}}},
	{"TUR", "TR", "Turkey", [3]city{{"Ankara", 39.93, 32.86}, {"Istanbul", 41.01, 28.98}, {"Izmir", 38.42, 27.14}}},
	{"SYR", "SY", "Syria", [3]city{{"Damascus", 33.51, 36.29}, {"Aleppo", 36.20, 37.16}, {"Homs", 34.73, 36.71}}},
	{"IRQ", "IQ", "Iraq", [3]city{{"Baghdad", 33.31, 44.36}, {"Mosul", 36.34, 43.13}, {"Basra", 30.51, 47.78}}},
	{"AFG", "AF", "Afghanistan", [3]city{{"Kabul", 34.56, 69.21}, {"Kandahar", 31.63, 65.71}, {"Herat", 34.35, 62.20}}},
	{"PAK", "PK", "Pakistan", [3]city{{"Islamabad", 33.68, 73.05}, {"Karachi", 24.86, 67.01}, {"Lahore", 31.55, 74.34}}},
	{"IND", "IN", "India", [3]city{{"New Delhi", 28.61, 77.21}, {"Mumbai", 19.08, 72.88}, {"Kolkata", 22.57, 88.36}}},
	{"JPN", "JP", "Japan", [3]city{{"Tokyo", 35.68, 139.69}, {"Osaka", 34.69, 135.50}, {"Sapporo", 43.06, 141.35}}},
	{"KOR", "KR", "South Korea", [3]city{{"Seoul", 37.57, 126.98}, {"Busan", 35.18, 129.08}, {"Gwangju", 35.16, 126.85}}},
	{"PRK", "KP", "North Korea", [3]city{{"Pyongyang", 39.04, 125.76}, {"Kaesong", 37.97, 126.55}, {"Hamhung", 39.92, 127.54}}},
	{"EGY", "EG", "Egypt", [3]city{{"Cairo", 30.04, 31.24}, {"Alexandria", 31.20, 29.92}, {"Aswan", 24.09, 32.90}}},
	{"NGA", "NG", "Nigeria", [3]city{{"Abuja", 9.08, 7.40}, {"Lagos", 6.52, 3.38}, {"Kano", 12.00, 8.52}}},
	{"KEN", "KE", "Kenya", [3]city{{"Nairobi", -1.29, 36.82}, {"Mombasa", -4.04, 39.67}, {"Kisumu", -0.09, 34.77}}},
	{"BRA", "BR", "Brazil", [3]city{{"Brasilia", -15.79, -47.88}, {"Sao Paulo", -23.55, -46.63}, {"Rio de Janeiro", -22.91, -43.17}}},
	{"MEX", "MX", "Mexico", [3]city{{"Mexico City", 19.43, -99.13}, {"Guadalajara", 20.66, -103.35}, {"Monterrey", 25.69, -100.32}}},
	{"VEN", "VE", "Venezuela", [3]city{{"Caracas", 10.48, -66.90}, {"Maracaibo", 10.65, -71.64}, {"Valencia", 10.16, -68.00}}},
	{"COL", "CO", "Colombia", [3]city{{"Bogota", 4.71, -74.07}, {"Medellin", 6.24, -75.58}, {"Cali", 3.45, -76.53}}},
	{"ZAF", "ZA", "South Africa", [3]city{{"Pretoria", -25.75, 28.19}, {"Cape Town", -33.92, 18.42}, {"Durban", -29.86, 31.02}}},
}

var roles = []string{"GOV", "MIL", "REB", "OPP", "COP", "BUS", "CVL", "MED", "JUD", "LEG"}

// Options size the corpus. The zero value gives 2000 events.
type Options struct {
	Seed   uint64
	Events int // true events, distractors included (default 2000)
	Days   int // days the events spread over (default 90)
	// Hard makes reports noisier: more dates a day off, more actors left
	// out or named only by country, more distractors, and place
	// distractors whose reports may name only the country (so that some
	// reports are truly ambiguous).
	Hard bool
}

// Corpus is the generated documents with the true event of every mention.
type Corpus struct {
	Docs []*doc.Document
	// Truth maps "docID#index" to the true event number.
	Truth map[string]int
	// Events is the number of true events; Distractors of them were made to
	// share actors with another event.
	Events, Distractors int
	// Expected holds the true GDELT counts per event: mentions, sources
	// (outlets with syndicated copies merged) and articles.
	Expected map[int][3]int
}

// MentionKey is the Truth key of event i of document id.
func MentionKey(id string, i int) string { return fmt.Sprintf("%s#%d", id, i) }

type truth struct {
	id        int
	src, tgt  string // full actor codes
	base      cameo.EventCode
	leaves    []cameo.EventCode
	day       time.Time
	country   int
	city      int  // index into the country's cities
	cityAlway bool // reports always name the city (place distractor pairs)
}

// Generate builds a corpus. The same options always give the same corpus.
func Generate(opt Options) *Corpus {
	if opt.Events <= 0 {
		opt.Events = 2000
	}
	if opt.Days <= 0 {
		opt.Days = 90
	}
	r := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	bases := baseCodes()
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

	var events []truth
	newEvent := func() truth {
		s, t := r.IntN(len(countries)), r.IntN(len(countries))
		for t == s {
			t = r.IntN(len(countries))
		}
		b := bases[r.IntN(len(bases))]
		place := t
		if r.IntN(3) == 0 {
			place = s
		}
		return truth{
			id:      len(events),
			src:     countries[s].iso3 + roles[r.IntN(len(roles))],
			tgt:     countries[t].iso3 + roles[r.IntN(len(roles))],
			base:    b.base,
			leaves:  b.leaves,
			day:     start.AddDate(0, 0, r.IntN(opt.Days)),
			country: place,
			city:    r.IntN(3),
		}
	}
	c := &Corpus{Truth: map[string]int{}, Expected: map[int][3]int{}}
	for len(events) < opt.Events {
		e := newEvent()
		events = append(events, e)
		distract := 4
		if opt.Hard {
			distract = 6
		}
		if r.IntN(10) < distract && len(events) < opt.Events {
			// A distractor: same actors, different root, date or place.
			d := e
			d.id = len(events)
			switch r.IntN(3) {
			case 0:
				for {
					b := bases[r.IntN(len(bases))]
					if b.base.Root() != e.base.Root() {
						d.base, d.leaves = b.base, b.leaves
						break
					}
				}
			case 1:
				gap := 5 + r.IntN(10)
				if r.IntN(2) == 0 {
					gap = -gap
				}
				d.day = e.day.AddDate(0, 0, gap)
			case 2:
				d.city = (e.city + 1 + r.IntN(2)) % 3
				if !opt.Hard {
					d.cityAlway = true
					events[len(events)-1].cityAlway = true
				}
			}
			events = append(events, d)
			c.Distractors++
		}
	}
	c.Events = len(events)

	outlets := make([]string, 40)
	for i := range outlets {
		outlets[i] = fmt.Sprintf("news%02d.example", i)
	}
	type report struct {
		d   *doc.Document
		day time.Time
	}
	var reports []report
	docN := 0
	newDoc := func(outlet string, pub time.Time) *doc.Document {
		docN++
		return &doc.Document{
			ID:      fmt.Sprintf("sha256:%064x", docN),
			URL:     fmt.Sprintf("https://%s/story/%d", outlet, docN),
			Source:  outlet,
			PubDate: pub.Format("2006-01-02"),
			Lang:    "en",
		}
	}
	for _, e := range events {
		n := 1 + r.IntN(5)
		perm := r.Perm(len(outlets))
		var mine []*doc.Document
		for k := 0; k < n; k++ {
			pub := e.day
			if r.IntN(4) == 0 {
				pub = pub.AddDate(0, 0, 1) // reported the next day
			}
			if k > 0 && r.IntN(6) == 0 {
				// A syndicated copy of an earlier report on another site.
				orig := mine[r.IntN(len(mine))]
				if op, _ := time.Parse("2006-01-02", orig.PubDate); op.After(pub) {
					pub = op
				}
				cp := newDoc(outlets[perm[k]], pub)
				cp.Events = append([]doc.Event(nil), orig.Events...)
				cp.NearDuplicateOf = orig.ID
				if orig.NearDuplicateOf != "" {
					cp.NearDuplicateOf = orig.NearDuplicateOf
				}
				mine = append(mine, cp)
				reports = append(reports, report{cp, pub})
				continue
			}
			d := newDoc(outlets[perm[k]], pub)
			d.Events = append(d.Events, reword(r, e, pub, opt.Hard))
			if r.IntN(5) == 0 {
				d.Events = append(d.Events, reword(r, e, pub, opt.Hard)) // mentioned again further down
			}
			mine = append(mine, d)
			reports = append(reports, report{d, pub})
		}
		for _, d := range mine {
			for i := range d.Events {
				c.Truth[MentionKey(d.ID, i)] = e.id
			}
		}
	}
	// Roundups: some documents also report another event of their days.
	byDay := map[string][]int{}
	for _, e := range events {
		byDay[e.day.Format("2006-01-02")] = append(byDay[e.day.Format("2006-01-02")], e.id)
	}
	for _, rep := range reports {
		if rep.d.NearDuplicateOf != "" || r.IntN(10) != 0 {
			continue
		}
		cands := byDay[rep.day.Format("2006-01-02")]
		if len(cands) < 2 {
			continue
		}
		other := events[cands[r.IntN(len(cands))]]
		if other.id == c.Truth[MentionKey(rep.d.ID, 0)] {
			continue
		}
		rep.d.Events = append(rep.d.Events, reword(r, other, rep.day, opt.Hard))
		c.Truth[MentionKey(rep.d.ID, len(rep.d.Events)-1)] = other.id
	}
	// Copies made before a roundup extension keep their own event list;
	// feed the documents in publication order, ties shuffled.
	r.Shuffle(len(reports), func(i, j int) { reports[i], reports[j] = reports[j], reports[i] })
	sort.SliceStable(reports, func(i, j int) bool { return reports[i].day.Before(reports[j].day) })
	// A copy comes after its original, as it would in a store.
	emitted := map[string]bool{}
	pending := map[string][]*doc.Document{}
	var emit func(d *doc.Document)
	emit = func(d *doc.Document) {
		c.Docs = append(c.Docs, d)
		emitted[d.ID] = true
		for _, cp := range pending[d.ID] {
			emit(cp)
		}
		delete(pending, d.ID)
	}
	for _, rep := range reports {
		if o := rep.d.NearDuplicateOf; o != "" && !emitted[o] {
			pending[o] = append(pending[o], rep.d)
			continue
		}
		emit(rep.d)
	}
	c.expected()
	return c
}

// expected computes the true counts of each event from the labels.
func (c *Corpus) expected() {
	content := map[string]string{}
	for _, d := range c.Docs {
		content[d.ID] = d.ID
		if d.NearDuplicateOf != "" {
			content[d.ID] = content[d.NearDuplicateOf]
		}
	}
	type acc struct {
		mentions int
		docs     []*doc.Document // in corpus order, each once
		seen     map[string]bool
	}
	per := map[int]*acc{}
	for _, d := range c.Docs {
		for i := range d.Events {
			id := c.Truth[MentionKey(d.ID, i)]
			a := per[id]
			if a == nil {
				a = &acc{seen: map[string]bool{}}
				per[id] = a
			}
			a.mentions++
			if !a.seen[d.ID] {
				a.seen[d.ID] = true
				a.docs = append(a.docs, d)
			}
		}
	}
	// Sources: outlets, with outlets sharing a content root merged.
	for id, a := range per {
		parent := map[string]string{}
		var find func(string) string
		find = func(s string) string {
			if p, ok := parent[s]; ok && p != s {
				r := find(p)
				parent[s] = r
				return r
			}
			parent[s] = s
			return s
		}
		for _, d := range a.docs {
			x, y := find("o"+d.Source), find("c"+content[d.ID])
			if x != y {
				parent[x] = y
			}
		}
		roots := map[string]bool{}
		for _, d := range a.docs {
			roots[find("o"+d.Source)] = true
		}
		c.Expected[id] = [3]int{a.mentions, len(roots), len(a.docs)}
	}
}

type baseCode struct {
	base   cameo.EventCode
	leaves []cameo.EventCode
}

// baseCodes lists the specific (not "not specified") base codes with their
// leaf codes; 043 is left out as it is generated as a rewording of 042.
func baseCodes() []baseCode {
	var out []baseCode
	idx := map[cameo.EventCode]int{}
	for _, code := range cameo.Codes() {
		if len(code) < 3 {
			continue
		}
		b := code[:3]
		if b[2] == '0' || b == "043" {
			continue
		}
		i, ok := idx[b]
		if !ok {
			i = len(out)
			idx[b] = i
			out = append(out, baseCode{base: b})
		}
		out[i].leaves = append(out[i].leaves, code)
	}
	return out
}

// reword builds one report of e as a coded event.
func reword(r *rand.Rand, e truth, pub time.Time, hard bool) doc.Event {
	code := e.leaves[r.IntN(len(e.leaves))]
	if r.IntN(10) == 0 {
		code = cameo.EventCode(string(e.base.Root()) + "0") // a vaguer report
	}
	src, tgt := variant(r, e.src, hard), variant(r, e.tgt, hard)
	if src == "" && tgt == "" {
		src = cameo.ActorCode(e.src)
	}
	if e.base == "042" && r.IntN(3) == 0 {
		code, src, tgt = "043", tgt, src // "B hosted A" for "A visited B"
	}
	if symmetric(e.base) && r.IntN(2) == 0 {
		src, tgt = tgt, src
	}
	ev := doc.Event{
		Code:      code,
		Root:      code.Root(),
		QuadClass: code.Root().Quad(),
		Modality:  doc.Asserted,
	}
	if g, ok := code.Goldstein(); ok {
		ev.Goldstein = g
	}
	if src != "" {
		ev.Source = &doc.Participant{Actor: src, Text: string(src)}
	}
	if tgt != "" {
		ev.Target = &doc.Participant{Actor: tgt, Text: string(tgt)}
	}
	switch n := r.IntN(10); {
	case n < 7:
		day := e.day
		if n == 0 || hard && n < 3 {
			day = day.AddDate(0, 0, []int{-1, 1}[r.IntN(2)]) // a day off
		}
		ev.Date = day.Format("2006-01-02")
	default: // no date in the text: the publication date stands in
	}
	co := countries[e.country]
	ci := co.cities[e.city]
	switch n := r.IntN(10); {
	case n < 6 || e.cityAlway:
		// the city, geocoded a few km apart by different gazetteer entries
		ev.Place = &doc.Place{Text: ci.name, Name: ci.name, Country: co.iso2, Lat: ci.lat + (r.Float64()-0.5)*0.1, Lon: ci.lon + (r.Float64()-0.5)*0.1, FeatureClass: "P", GeoType: 4}
	case n < 9:
		ev.Place = &doc.Place{Text: co.name, Name: co.name, Country: co.iso2, FeatureClass: "A", GeoType: 1}
	}
	return ev
}

func symmetric(b cameo.EventCode) bool {
	switch b {
	case "041", "044", "046", "057", "061", "062", "063", "064":
		return true
	}
	return false
}

// variant names an actor the way one report might: the full code, only its
// country, only its role, or not at all.
func variant(r *rand.Rand, code string, hard bool) cameo.ActorCode {
	full, country, role := 13, 18, 19 // out of 20; the rest: not named
	if hard {
		full, country, role = 9, 15, 17
	}
	switch n := r.IntN(20); {
	case n < full:
		return cameo.ActorCode(code)
	case n < country:
		return cameo.ActorCode(code[:3])
	case n < role:
		return cameo.ActorCode(code[3:])
	}
	return ""
}

// String summarizes the corpus.
func (c *Corpus) String() string {
	m := 0
	for _, d := range c.Docs {
		m += len(d.Events)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents, %d event mentions, %d true events (%d distractors)", len(c.Docs), m, c.Events, c.Distractors)
	return b.String()
}
