package geo

import (
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// GoldToponym is one annotated toponym of a geoparsing corpus, with its
// span converted to bytes of the article text.
type GoldToponym struct {
	doc.Span
	Phrase   string
	Lat, Lon float64
	HasCoord bool
	Country  string // country name as annotated (LGL only), "" otherwise
}

// GoldArticle is one article of a geoparsing corpus.
type GoldArticle struct {
	Text      string
	Toponyms  []GoldToponym
	Misplaced int // annotations whose offsets did not match their phrase
}

type xmlLGL struct {
	Articles []struct {
		Text     string `xml:"text"`
		Toponyms []struct {
			Start  string `xml:"start"`
			End    string `xml:"end"`
			Phrase string `xml:"phrase"`
			Gaz    *struct {
				Lat     string `xml:"lat"`
				Lon     string `xml:"lon"`
				Country string `xml:"country"`
			} `xml:"gaztag"`
		} `xml:"toponyms>toponym"`
	} `xml:"article"`
}

type xmlGeoVirus struct {
	Articles []struct {
		Text      string `xml:"text"`
		Locations []struct {
			Name  string `xml:"name"`
			Start string `xml:"start"`
			End   string `xml:"end"`
			Lat   string `xml:"lat"`
			Lon   string `xml:"lon"`
		} `xml:"locations>location"`
	} `xml:"article"`
}

// ReadGold reads an LGL (kind "lgl") or GeoVirus (kind "geovirus") XML file.
// Character offsets are converted to byte offsets; an annotation whose
// offsets do not cover its phrase is counted in Misplaced and dropped.
func ReadGold(r io.Reader, kind string) ([]GoldArticle, error) {
	dec := xml.NewDecoder(r)
	var out []GoldArticle
	switch kind {
	case "lgl":
		var x xmlLGL
		if err := dec.Decode(&x); err != nil {
			return nil, fmt.Errorf("lgl: %w", err)
		}
		for ai, a := range x.Articles {
			ga := GoldArticle{Text: a.Text}
			conv := newCharIndex(a.Text)
			for ti, t := range a.Toponyms {
				sp, ok := conv.span(t.Start, t.End, t.Phrase)
				if !ok {
					ga.Misplaced++
					continue
				}
				gt := GoldToponym{Span: sp, Phrase: t.Phrase}
				if t.Gaz != nil {
					lat, err1 := strconv.ParseFloat(strings.TrimSpace(t.Gaz.Lat), 64)
					lon, err2 := strconv.ParseFloat(strings.TrimSpace(t.Gaz.Lon), 64)
					if err1 != nil || err2 != nil {
						return nil, fmt.Errorf("lgl: article %d toponym %d: bad coordinates %q,%q", ai, ti, t.Gaz.Lat, t.Gaz.Lon)
					}
					gt.Lat, gt.Lon, gt.HasCoord, gt.Country = lat, lon, true, strings.TrimSpace(t.Gaz.Country)
				}
				ga.Toponyms = append(ga.Toponyms, gt)
			}
			out = append(out, ga)
		}
	case "geovirus":
		var x xmlGeoVirus
		if err := dec.Decode(&x); err != nil {
			return nil, fmt.Errorf("geovirus: %w", err)
		}
		for ai, a := range x.Articles {
			ga := GoldArticle{Text: a.Text}
			conv := newCharIndex(a.Text)
			for ti, l := range a.Locations {
				sp, ok := conv.span(l.Start, l.End, l.Name)
				if !ok {
					ga.Misplaced++
					continue
				}
				lat, err1 := strconv.ParseFloat(strings.TrimSpace(l.Lat), 64)
				lon, err2 := strconv.ParseFloat(strings.TrimSpace(l.Lon), 64)
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("geovirus: article %d location %d: bad coordinates %q,%q", ai, ti, l.Lat, l.Lon)
				}
				ga.Toponyms = append(ga.Toponyms, GoldToponym{Span: sp, Phrase: l.Name, Lat: lat, Lon: lon, HasCoord: true})
			}
			out = append(out, ga)
		}
	default:
		return nil, fmt.Errorf("geo: unknown gold kind %q (want lgl or geovirus)", kind)
	}
	return out, nil
}

// charIndex converts character (code point) offsets to byte offsets.
type charIndex struct {
	text  string
	bytes []int // bytes[i] = byte offset of character i; one extra at the end
}

func newCharIndex(text string) *charIndex {
	ci := &charIndex{text: text, bytes: make([]int, 0, len(text)+1)}
	for i := range text {
		ci.bytes = append(ci.bytes, i)
	}
	ci.bytes = append(ci.bytes, len(text))
	return ci
}

// span converts character offsets start..end to a byte span, checking that
// it covers phrase. Some corpora's offsets are shifted by a character or
// two; the occurrence of phrase nearest to the given start (within 8
// characters) is then taken.
func (ci *charIndex) span(start, end, phrase string) (doc.Span, bool) {
	s, err1 := strconv.Atoi(strings.TrimSpace(start))
	e, err2 := strconv.Atoi(strings.TrimSpace(end))
	phrase = strings.TrimSpace(phrase)
	if err1 != nil || err2 != nil || s < 0 || e < s || e >= len(ci.bytes) || phrase == "" || !utf8.ValidString(phrase) {
		return doc.Span{}, false
	}
	n := e - s
	for _, d := range []int{0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6, -7, 7, -8, 8} {
		a := s + d
		if a < 0 || a+n >= len(ci.bytes) {
			continue
		}
		sp := doc.Span{Start: ci.bytes[a], End: ci.bytes[a+n]}
		if strings.EqualFold(sp.In(ci.text), phrase) {
			return sp, true
		}
	}
	return doc.Span{}, false
}

// Accuracy thresholds of the geocoding targets.
const (
	TargetAcc161LGL      = 0.80
	TargetAcc161GeoVirus = 0.85
	TargetCountry        = 0.95
)

// EvalGeo geoparses every article of an LGL or GeoVirus file from raw text
// and scores the places against the gold toponyms (matched by span
// overlap): acc161 (matched toponyms placed within 161 km), country
// accuracy, recall and precision of toponyms. The same figures with the
// gold spans given (resolution only) are returned under set "<kind>/gold-spans".
func EvalGeo(path string, kind string) ([]metric.Metric, error) {
	g, err := Default()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("geo eval: %w", err)
	}
	defer f.Close()
	arts, err := ReadGold(f, kind)
	if err != nil {
		return nil, fmt.Errorf("geo eval %s: %w", path, err)
	}
	target := TargetAcc161LGL
	if kind == "geovirus" {
		target = TargetAcc161GeoVirus
	}
	// LGL annotates demonyms ("Russian") as toponyms of their country; GeoVirus does not
	o := Options{Demonyms: kind == "lgl"}
	e2e := g.score(arts, false, o)
	gs := g.score(arts, true, o)
	out := e2e.metrics(kind, target)
	out = append(out, gs.metrics(kind+"/gold-spans", target)...)
	return out, nil
}

// Score is the tally of one geoparsing evaluation.
type Score struct {
	Gold, GoldCoord     int // gold toponyms, those with coordinates
	Pred, PredHit       int // predicted places, those overlapping a gold toponym
	Matched             int // gold toponyms with coordinates matched by a place
	Within161           int
	CountryN, CountryOK int
	Misplaced           int
	SumKm               float64
}

func (s Score) metrics(set string, target float64) []metric.Metric {
	r := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	return []metric.Metric{
		{Set: set, Name: "acc161", Value: r(s.Within161, s.Matched), N: s.Matched, Target: target, Note: "matched gold toponyms placed within 161 km"},
		{Set: set, Name: "acc161_all", Value: r(s.Within161, s.GoldCoord), N: s.GoldCoord, Note: "gold toponyms with coordinates found and placed within 161 km"},
		{Set: set, Name: "country", Value: r(s.CountryOK, s.CountryN), N: s.CountryN, Target: TargetCountry, Note: "matched toponyms placed in a single country, in the right one"},
		{Set: set, Name: "recall", Value: r(s.Matched, s.GoldCoord), N: s.GoldCoord, Note: "gold toponyms with coordinates found"},
		{Set: set, Name: "precision", Value: r(s.PredHit, s.Pred), N: s.Pred, Note: "places overlapping a gold toponym"},
		{Set: set, Name: "mean_km", Value: s.SumKm / float64(max(1, s.Matched)), N: s.Matched, Note: "mean error of matched toponyms, km"},
	}
}

// Score geoparses the articles (with the gold spans as the only toponyms
// when goldSpans) and tallies the result.
func (g *Gazetteer) Score(arts []GoldArticle, goldSpans bool, o Options) Score {
	return g.score(arts, goldSpans, o)
}

func (g *Gazetteer) score(arts []GoldArticle, goldSpans bool, o Options) Score {
	var s Score
	countryOf := map[string]string{}
	for _, a := range arts {
		d := &doc.Document{Text: a.Text}
		if goldSpans {
			spans := make([]doc.Span, len(a.Toponyms))
			for i, t := range a.Toponyms {
				spans[i] = t.Span
			}
			g.ResolveSpansWith(d, spans, o)
		} else {
			g.ResolveWith(d, o)
		}
		s.Misplaced += a.Misplaced
		s.Gold += len(a.Toponyms)
		s.Pred += len(d.Places)
		for _, p := range d.Places {
			for _, t := range a.Toponyms {
				if p.Overlaps(t.Span) {
					s.PredHit++
					break
				}
			}
		}
		for _, t := range a.Toponyms {
			if !t.HasCoord {
				continue
			}
			s.GoldCoord++
			var best *doc.Place
			for i := range d.Places {
				p := &d.Places[i]
				if p.Overlaps(t.Span) && (best == nil || overlap(p.Span, t.Span) > overlap(best.Span, t.Span)) {
					best = p
				}
			}
			if best == nil {
				continue
			}
			s.Matched++
			km := Distance(best.Lat, best.Lon, t.Lat, t.Lon)
			s.SumKm += km
			if km <= 161 {
				s.Within161++
			}
			gc := g.goldCountry(t, countryOf)
			if gc != "" && best.Country != "" { // a continent has no country to score
				s.CountryN++
				if gc == best.Country {
					s.CountryOK++
				}
			}
		}
	}
	return s
}

func overlap(a, b doc.Span) int {
	return min(a.End, b.End) - max(a.Start, b.Start)
}

// goldCountry is the ISO code of a gold toponym's country: its annotated
// country name when the gazetteer knows it, else the country of the
// populated place nearest to its coordinates.
func (g *Gazetteer) goldCountry(t GoldToponym, cache map[string]string) string {
	if t.Country != "" {
		if cc, ok := cache[t.Country]; ok {
			return cc
		}
		cc := ""
		for _, c := range g.Lookup(t.Country) {
			if c.Kind == KindCountry {
				cc = c.Country
				break
			}
		}
		if cc == "" {
			if alias, ok := goldCountryNames[t.Country]; ok {
				cc = alias
			}
		}
		cache[t.Country] = cc
		if cc != "" {
			return cc
		}
	}
	if p, ok := g.Nearest(t.Lat, t.Lon); ok {
		return p.Country
	}
	return ""
}

// goldCountryNames are GeoNames country names that differ from ours.
var goldCountryNames = map[string]string{
	"Palestinian Territory":            "PS",
	"Republic of the Congo":            "CG",
	"Democratic Republic of the Congo": "CD",
	"Macedonia":                        "MK",
	"Vatican":                          "VA",
}
