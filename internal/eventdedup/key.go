// Package eventdedup merges the reports of one real-world event spread over
// several documents into one event with mentions, the way GDELT turns many
// articles into one Events row with NumMentions, NumSources and NumArticles.
//
// Two coded events are taken to be the same event when all of these hold:
//
//   - the CAMEO root is the same, and the base codes (first three digits)
//     are the same or one of them is the root's generic "not specified" base
//     (X0, e.g. 190 vs 193). "A hosts B" (043) is read as "B visits A" (042);
//     symmetric actions (consult, phone, meet elsewhere, negotiate, sign an
//     agreement, cooperate) compare their actors in either order;
//   - the actor codes on each side are compatible: equal, one a prefix of the
//     other in three-letter parts (USA ~ USAGOV), a country-less role code
//     whose parts all occur in the other (GOV ~ USAGOV) or against a bare
//     country (GOV ~ USA), or unknown on one side; at least one side must be
//     known on both events;
//   - the places are compatible: two city-level places at most Options.Km
//     apart, the same country when either one is only a country (or the same
//     first-level division for a state), or no place on one side;
//   - the dates (event date, else the publication date; month and year
//     precision taken as their whole range) are at most Options.Days apart.
//
// Clustering is incremental and complete-link: an event joins the best
// existing cluster it is compatible with every distinct key of, else it
// starts a new cluster. The first event of a cluster is its representative
// and its identity, so an event ID never changes once published.
//
// Counting follows our reading of GDELT's definitions:
//
//   - NumMentions counts every mention, several in one article included;
//   - NumArticles counts distinct documents;
//   - NumSources counts distinct sources of content: documents from the same
//     outlet (doc.Source) are one source, and so are syndicated copies, i.e.
//     documents linked by doc.NearDuplicateOf (the same text on two sites
//     is one source of information, though it is two articles and two
//     mentions).
//
// The package is pure: no I/O, deterministic for a given input order.
package eventdedup

import (
	"math"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Options tune what counts as the same event. The zero value uses defaults.
type Options struct {
	// Days is the largest distance in days between two reports' dates
	// (default 2).
	Days int
	// Km is the largest distance between two city-level places (default 50).
	Km float64
}

func (o Options) days() int {
	if o.Days <= 0 {
		return 2
	}
	return o.Days
}

func (o Options) km() float64 {
	if o.Km <= 0 {
		return 50
	}
	return o.Km
}

// Place levels of a Key.
const (
	PlaceNone    = 0
	PlaceCountry = 1
	PlaceRegion  = 2 // first-level division (US state, province)
	PlaceCity    = 3
)

// PlaceKey is the part of a place that matching looks at.
type PlaceKey struct {
	Level   int    // PlaceNone .. PlaceCity
	Country string // ISO2
	ADM1    string
	Lat     float64
	Lon     float64
}

// Key is what identifies an event for matching: normalized actors, action,
// place and date interval. Build it with KeyOf.
type Key struct {
	// Source and Target are the actor codes, after the normalizations above
	// (043 turned into 042 with actors swapped; symmetric actions ordered).
	Source, Target cameo.ActorCode
	Root           cameo.Root
	// Base is the three-digit base code ("042"), or the root itself when the
	// event is coded only at the root.
	Base cameo.EventCode
	// Symmetric is true for actions whose actors may be named in either order.
	Symmetric bool
	Place     PlaceKey
	// From and To are the date interval in days since 1970-01-01; HasDate
	// is false when neither the event nor the document has a date.
	From, To int
	HasDate  bool
}

// symmetricBases are actions where "A with B" and "B with A" are one event.
var symmetricBases = map[cameo.EventCode]bool{
	"040": true, "041": true, "044": true, "046": true, "057": true,
	"060": true, "061": true, "062": true, "063": true, "064": true,
}

// KeyOf returns the key of event i of d; ok is false when the event is not
// an event in GDELT's sense (negated, uncoded) or i is out of range.
func KeyOf(d *doc.Document, i int) (k Key, ok bool) {
	if d == nil || i < 0 || i >= len(d.Events) {
		return Key{}, false
	}
	e := &d.Events[i]
	if e.Negated || len(e.Code) < 2 {
		return Key{}, false
	}
	code := e.Code
	k.Root = code.Root()
	if e.Root != "" && e.Root != k.Root {
		k.Root = e.Root
	}
	if len(code) >= 3 {
		k.Base = code[:3]
	} else {
		k.Base = code
	}
	k.Source, k.Target = actorOf(e.Source), actorOf(e.Target)
	if k.Base == "043" { // B hosts A == A visits B
		k.Base = "042"
		k.Source, k.Target = k.Target, k.Source
	}
	if symmetricBases[k.Base] {
		k.Symmetric = true
		if orderKey(k.Target) < orderKey(k.Source) {
			k.Source, k.Target = k.Target, k.Source
		}
	}
	k.Place = placeKey(e.Place)
	k.From, k.To, k.HasDate = dateRange(e.Date)
	if !k.HasDate {
		k.From, k.To, k.HasDate = dateRange(d.PubDate)
	}
	return k, true
}

// orderKey orders actors of symmetric events by their leading part, so that
// USA and USAGOV sort the same way against FRA.
func orderKey(a cameo.ActorCode) string {
	if a == "" {
		return "\xff" // unknown actors go last
	}
	if len(a) >= 3 {
		return string(a[:3])
	}
	return string(a)
}

func actorOf(p *doc.Participant) cameo.ActorCode {
	if p == nil {
		return ""
	}
	return cameo.ActorCode(strings.TrimSpace(string(p.Actor)))
}

func placeKey(p *doc.Place) PlaceKey {
	if p == nil {
		return PlaceKey{}
	}
	k := PlaceKey{Country: strings.ToUpper(p.Country), ADM1: p.ADM1, Lat: p.Lat, Lon: p.Lon}
	switch {
	case p.GeoType == 1 || p.GeoType == 0 && p.FeatureClass == "A" && p.ADM1 == "":
		k.Level = PlaceCountry
	case p.GeoType == 2 || p.GeoType == 5:
		k.Level = PlaceRegion
	case p.Lat != 0 || p.Lon != 0:
		k.Level = PlaceCity
	case k.Country != "":
		k.Level = PlaceCountry
	}
	if k.Level == PlaceCountry && k.Country == "" || k.Level == PlaceNone {
		return PlaceKey{} // a country level place without its country says nothing
	}
	return k
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

func dayNum(t time.Time) int { return int(t.Sub(epoch).Hours() / 24) }

// dateRange reads YYYY-MM-DD, YYYY-MM or YYYY (a longer value such as an
// RFC 3339 time is cut to its day) as an interval of day numbers.
func dateRange(s string) (from, to int, ok bool) {
	s = strings.TrimSpace(s)
	if len(s) > 10 {
		s = s[:10]
	}
	switch len(s) {
	case 10:
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			return 0, 0, false
		}
		n := dayNum(t)
		return n, n, true
	case 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return 0, 0, false
		}
		return dayNum(t), dayNum(t.AddDate(0, 1, -1)), true
	case 4:
		t, err := time.Parse("2006", s)
		if err != nil {
			return 0, 0, false
		}
		return dayNum(t), dayNum(t.AddDate(1, 0, -1)), true
	}
	return 0, 0, false
}

// Compatible reports whether two event keys may be reports of one event.
func Compatible(a, b Key, opt Options) bool { return compatible(a, b, opt, true) }

// compatible is Compatible; known requires one actor side to be known on
// both keys (a cluster checks that against all its members instead).
func compatible(a, b Key, opt Options, known bool) bool {
	if a.Root != b.Root || !baseCompatible(a.Base, b.Base) {
		return false
	}
	if !datesCompatible(a, b, opt.days()) || !placesCompatible(a.Place, b.Place, opt.km()) {
		return false
	}
	if actorsCompatible(a.Source, a.Target, b.Source, b.Target, known) {
		return true
	}
	return (a.Symmetric || b.Symmetric) && actorsCompatible(a.Source, a.Target, b.Target, b.Source, known)
}

func actorsCompatible(as, at, bs, bt cameo.ActorCode, known bool) bool {
	if !actorCompatible(as, bs) || !actorCompatible(at, bt) {
		return false
	}
	return !known || as != "" && bs != "" || at != "" && bt != ""
}

// generic reports whether a base is its root's "not specified" code.
func generic(b cameo.EventCode) bool { return len(b) == 2 || len(b) == 3 && b[2] == '0' }

func baseCompatible(a, b cameo.EventCode) bool {
	return a == b || generic(a) || generic(b)
}

func datesCompatible(a, b Key, days int) bool {
	if !a.HasDate || !b.HasDate {
		return a.HasDate == b.HasDate
	}
	gap := 0
	switch {
	case a.To < b.From:
		gap = b.From - a.To
	case b.To < a.From:
		gap = a.From - b.To
	}
	return gap <= days
}

func placesCompatible(a, b PlaceKey, km float64) bool {
	if a.Level == PlaceNone || b.Level == PlaceNone {
		return true
	}
	if a.Country != "" && b.Country != "" && a.Country != b.Country {
		return false
	}
	switch {
	case a.Level == PlaceCity && b.Level == PlaceCity:
		return Haversine(a.Lat, a.Lon, b.Lat, b.Lon) <= km
	case a.Level == PlaceRegion && b.Level == PlaceRegion:
		return a.ADM1 == "" || b.ADM1 == "" || a.ADM1 == b.ADM1
	case a.Level == PlaceRegion || b.Level == PlaceRegion:
		r, o := a, b
		if b.Level == PlaceRegion {
			r, o = b, a
		}
		return o.Level == PlaceCountry || r.ADM1 == "" || o.ADM1 == "" || r.ADM1 == o.ADM1
	}
	// One side is a country: the same country (checked above) is enough.
	return true
}

// actorCompatible reports whether two actor codes can name the same actor.
func actorCompatible(a, b cameo.ActorCode) bool {
	if a == b || a == "" || b == "" {
		return true
	}
	if len(a)%3 != 0 || len(b)%3 != 0 {
		return false
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if strings.HasPrefix(string(long), string(short)) {
		return true
	}
	if short.Country() != "" && long.Country() == "" {
		short, long = long, short
	}
	// A country-less role code (GOV, MIL) against a code with a country:
	// every part of the short code must occur in the long one.
	if short.Country() != "" || long.Country() == "" {
		return false
	}
	if len(long) == 3 {
		return true // "the government" and "France": nothing says otherwise
	}
	parts := make(map[string]bool, len(long)/3)
	for i := 3; i < len(long); i += 3 {
		parts[string(long[i:i+3])] = true
	}
	for i := 0; i < len(short); i += 3 {
		if !parts[string(short[i:i+3])] {
			return false
		}
	}
	return true
}

// Haversine is the great-circle distance in km between two points.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	h := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(h)))
}

// score ranks compatible candidates: higher is a closer match.
func score(a, b Key) float64 {
	s := 0.0
	if a.Base == b.Base {
		s += 4
	}
	if a.Source == b.Source && a.Source != "" {
		s += 2
	}
	if a.Target == b.Target && a.Target != "" {
		s += 2
	}
	if a.Place.Level == PlaceCity && b.Place.Level == PlaceCity {
		s += 2 - Haversine(a.Place.Lat, a.Place.Lon, b.Place.Lat, b.Place.Lon)/50
	} else if a.Place.Country != "" && a.Place.Country == b.Place.Country {
		s++
	}
	if a.HasDate && b.HasDate {
		d := a.From - b.From
		if d < 0 {
			d = -d
		}
		s -= float64(d)
	}
	return s
}
