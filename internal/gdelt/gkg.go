package gdelt

import (
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// GKGColumns are the 27 GDELT GKG 2.1 columns in file order.
var GKGColumns = strings.Fields(`GKGRECORDID V2.1DATE V2SOURCECOLLECTIONIDENTIFIER V2SOURCECOMMONNAME
V2DOCUMENTIDENTIFIER V1COUNTS V2.1COUNTS V1THEMES V2ENHANCEDTHEMES V1LOCATIONS V2ENHANCEDLOCATIONS
V1PERSONS V2ENHANCEDPERSONS V1ORGANIZATIONS V2ENHANCEDORGANIZATIONS V1.5TONE V2.1ENHANCEDDATES
V2GCAM V2.1SHARINGIMAGE V2.1RELATEDIMAGES V2.1SOCIALIMAGEEMBEDS V2.1SOCIALVIDEOEMBEDS
V2.1QUOTATIONS V2.1ALLNAMES V2.1AMOUNTS V2.1TRANSLATIONINFO V2EXTRASXML`)

// GKGWriter writes one GKG 2.1 record per document.
type GKGWriter struct {
	lineWriter
	n int
}

// NewGKGWriter writes GKG 2.1 rows to w.
func NewGKGWriter(w io.Writer, opt Options) *GKGWriter {
	return &GKGWriter{lineWriter: newLineWriter(w, opt)}
}

// countType maps eventwire's count kinds onto GDELT's count types.
var countType = map[string]string{
	"killed": "KILL", "dead": "KILL", "deaths": "KILL",
	"injured": "WOUND", "wounded": "WOUND",
	"arrested": "ARREST", "detained": "ARREST",
	"kidnapped": "KIDNAP", "abducted": "KIDNAP", "hostages": "KIDNAP",
	"protesters": "PROTEST", "demonstrators": "PROTEST",
	"displaced": "AFFECT", "evacuated": "AFFECT", "refugees": "AFFECT", "affected": "AFFECT",
	"seized": "SEIZE",
}

// Write appends the GKG record of d.
func (gw *GKGWriter) Write(d *doc.Document) error {
	added := gw.opt.added()
	text := d.Text
	var r row
	r.add(fmt.Sprintf("%s-%d", added, gw.n))
	gw.n++
	r.add(added)
	r.add("1")
	r.add(d.Source)
	r.add(d.URL)

	// Counts, located at the nearest place in the same sentence.
	var v1c, v2c strings.Builder
	for _, c := range d.Counts {
		typ, ok := countType[strings.ToLower(c.What)]
		if !ok {
			continue
		}
		n := c.Number
		if n == nil {
			n = c.Min
		}
		if n == nil {
			continue
		}
		loc := "0#####"
		if p := placeNear(d, c.Span); p != nil {
			loc = fmt.Sprintf("%d#%s#%s#%s#%s#%s", geoType(p), fullName(p), FIPS(p.Country), adm1Code(p), ff(p.Lat), ff(p.Lon))
		}
		fid := ""
		if p := placeNear(d, c.Span); p != nil && p.GeoNames != 0 {
			fid = strconv.Itoa(p.GeoNames)
		}
		obj := clean(strings.ToLower(c.Who))
		base := fmt.Sprintf("%s#%d#%s#%s#%s", typ, *n, obj, loc, fid)
		v1c.WriteString(base + ";")
		fmt.Fprintf(&v2c, "%s#%d;", base, runeOffset(text, c.Start))
	}
	r.add(v1c.String())
	r.add(v2c.String())
	r.add("") // V1THEMES: eventwire has no theme taxonomy
	r.add("")

	var v1l, v2l strings.Builder
	seenLoc := map[string]bool{}
	for i := range d.Places {
		p := &d.Places[i]
		if p.Country == "" {
			continue
		}
		fid := ""
		if p.GeoNames != 0 {
			fid = strconv.Itoa(p.GeoNames)
		}
		key := fmt.Sprintf("%d#%s#%s#%s#%s#%s#%s", geoType(p), fullName(p), FIPS(p.Country), adm1Code(p), ff(p.Lat), ff(p.Lon), fid)
		if !seenLoc[key] {
			seenLoc[key] = true
			v1l.WriteString(key + ";")
		}
		fmt.Fprintf(&v2l, "%d#%s#%s#%s##%s#%s#%s#%d;", geoType(p), fullName(p), FIPS(p.Country), adm1Code(p), ff(p.Lat), ff(p.Lon), fid, runeOffset(text, p.Start))
	}
	r.add(v1l.String())
	r.add(v2l.String())

	persons, personsEnh := names(d, func(t doc.EntityType) bool { return t == doc.PER })
	orgs, orgsEnh := names(d, func(t doc.EntityType) bool { return t == doc.ORG || t == doc.NORP })
	r.add(persons)
	r.add(personsEnh)
	r.add(orgs)
	r.add(orgsEnh)

	if t := d.Tone; t != nil {
		r.add(fmt.Sprintf("%s,%s,%s,%s,%s,%s,%d", ff(t.Score), ff(t.Positive), ff(t.Negative), ff(t.Polarity), ff(t.ActivityDensity), ff(t.SelfGroupDensity), t.WordCount))
	} else {
		r.add("")
	}

	var dates strings.Builder
	for _, t := range d.Dates {
		res, y, m, dd := dateParts(t)
		if res == 0 {
			continue
		}
		fmt.Fprintf(&dates, "%d#%d#%d#%d#%d;", res, m, dd, y, runeOffset(text, t.Start))
	}
	r.add(dates.String())
	wc := 0
	if d.Tone != nil {
		wc = d.Tone.WordCount
	}
	r.add(fmt.Sprintf("wc:%d", wc))
	r.add("")
	r.add("")
	r.add("")
	r.add("")

	var quotes []string
	for _, q := range d.Quotes {
		verb := ""
		if q.Cue != nil {
			verb = clean(q.Cue.In(text))
		}
		quotes = append(quotes, fmt.Sprintf("%d|%d|%s|%s", runeOffset(text, q.Start), runeOffset(text, q.End)-runeOffset(text, q.Start), verb, strings.NewReplacer("|", " ", "#", " ").Replace(clean(q.Text))))
	}
	r.add(strings.Join(quotes, "#"))

	var all strings.Builder
	for _, m := range d.Entities {
		fmt.Fprintf(&all, "%s,%d;", clean(m.Text), runeOffset(text, m.Start))
	}
	r.add(all.String())

	var amounts strings.Builder
	for _, c := range d.Counts {
		n := c.Number
		if n == nil {
			n = c.Min
		}
		if n == nil {
			continue
		}
		fmt.Fprintf(&amounts, "%d,%s,%d;", *n, clean(c.What), runeOffset(text, c.Start))
	}
	r.add(amounts.String())
	r.add("")
	r.add("<PAGE_TITLE>" + html.EscapeString(d.Title) + "</PAGE_TITLE>")
	gw.put(r.line())
	return gw.err
}

// names lists entity names of the selected types: V1 (unique, ";"-joined)
// and V2 enhanced ("name,offset;").
func names(d *doc.Document, want func(doc.EntityType) bool) (string, string) {
	var v1, v2 strings.Builder
	seen := map[string]bool{}
	for _, m := range d.Entities {
		if !want(m.Type) {
			continue
		}
		name := clean(m.Text)
		if m.Entity != "" {
			name = clean(m.Entity)
		}
		if !seen[name] {
			seen[name] = true
			if v1.Len() > 0 {
				v1.WriteByte(';')
			}
			v1.WriteString(strings.ToLower(name))
		}
		fmt.Fprintf(&v2, "%s,%d;", name, runeOffset(d.Text, m.Start))
	}
	return v1.String(), v2.String()
}

// dateParts gives GDELT's date resolution (1 year, 2 month, 3 full day) and parts.
func dateParts(t doc.TimeExpr) (res, y, m, d int) {
	parts := strings.Split(t.Value, "-")
	var err error
	if y, err = strconv.Atoi(parts[0]); err != nil || len(parts[0]) != 4 {
		return 0, 0, 0, 0
	}
	res = 1
	if len(parts) > 1 {
		if m, err = strconv.Atoi(parts[1]); err != nil {
			return 0, 0, 0, 0
		}
		res = 2
	}
	if len(parts) > 2 {
		if d, err = strconv.Atoi(parts[2]); err != nil {
			return 0, 0, 0, 0
		}
		res = 3
	}
	return res, y, m, d
}

// placeNear returns the place in the same sentence as span nearest to it.
func placeNear(d *doc.Document, sp doc.Span) *doc.Place {
	si := d.SentenceAt(sp.Start)
	var best *doc.Place
	bestDist := 1 << 30
	for i := range d.Places {
		p := &d.Places[i]
		if si < 0 || d.SentenceAt(p.Start) != si {
			continue
		}
		dist := p.Start - sp.Start
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = p, dist
		}
	}
	return best
}

// clean removes GDELT's delimiters from a free-text field value.
func clean(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer(";", " ", ",", " ", "#", " ", "\t", " ").Replace(s)), " ")
}

func ff(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
