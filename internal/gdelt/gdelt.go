// Package gdelt writes eventwire documents as GDELT 2.0 files: Events
// (61 columns), Mentions (16) and GKG 2.1 (27), tab-separated, no header,
// every field present, so tools that read GDELT can read eventwire.
//
// Offsets in Mentions and GKG are character (rune) offsets into the cleaned
// text, as GDELT's are; eventwire's own JSON keeps byte offsets.
package gdelt

import (
	"bufio"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Options control fields GDELT sets at collection time.
type Options struct {
	// DateAdded is the batch time written in DATEADDED / V2.1DATE; zero = now (UTC).
	DateAdded time.Time
}

func (o Options) added() string {
	t := o.DateAdded
	if t.IsZero() {
		t = time.Now().UTC()
	}
	return t.UTC().Format("20060102150405")
}

// EventID is the stable GlobalEventID of event i of document docID: the
// same document and event always get the same ID, whichever run exports it.
func EventID(docID string, i int) int64 {
	h := fnv.New64a()
	io.WriteString(h, docID)
	fmt.Fprintf(h, "#%d", i)
	return int64(h.Sum64() >> 12) // 52 bits: exact in float64 readers
}

// row accumulates tab-separated fields, sanitising tabs and newlines away.
type row struct {
	b strings.Builder
	n int
}

func (r *row) add(s string) {
	if r.n > 0 {
		r.b.WriteByte('\t')
	}
	r.n++
	for _, c := range s {
		switch c {
		case '\t', '\n', '\r':
			r.b.WriteByte(' ')
		default:
			r.b.WriteRune(c)
		}
	}
}

func (r *row) addInt(v int64) { r.add(strconv.FormatInt(v, 10)) }
func (r *row) addFloat(v float64, prec int) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		r.add("")
		return
	}
	r.add(strconv.FormatFloat(v, 'f', prec, 64))
}

func (r *row) line() string { return r.b.String() + "\n" }

// eventDay returns the event's date as a time, with the document's
// publication date as fallback; ok is false when neither parses.
func eventDay(e *doc.Event, d *doc.Document) (time.Time, bool) {
	for _, s := range []string{e.Date, d.PubDate} {
		for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
			if len(s) == len(layout) {
				if t, err := time.Parse(layout, s); err == nil {
					return t, true
				}
			}
		}
	}
	return time.Time{}, false
}

// actorFields are the ten GDELT columns describing one actor.
func actorFields(r *row, p *doc.Participant) {
	if p == nil || p.Actor == "" {
		name := ""
		if p != nil {
			name = strings.ToUpper(nameOf(p))
		}
		r.add("")
		r.add(name)
		for i := 0; i < 8; i++ {
			r.add("")
		}
		return
	}
	a, _ := cameo.ParseActor(string(p.Actor)) // an unparsable code keeps its Code column only
	r.add(string(p.Actor))
	r.add(strings.ToUpper(nameOf(p)))
	r.add(a.Country)
	r.add(a.KnownGroup)
	r.add(a.Ethnic)
	r.add(a.Religion1)
	r.add(a.Religion2)
	r.add(a.Type1)
	r.add(a.Type2)
	r.add(a.Type3)
}

func nameOf(p *doc.Participant) string {
	if p.Entity != "" {
		return p.Entity
	}
	return p.Text
}

// geoFields are the eight GDELT columns describing one location.
func geoFields(r *row, p *doc.Place) {
	if p == nil || (p.Country == "" && p.Lat == 0 && p.Lon == 0) {
		r.add("0")
		for i := 0; i < 7; i++ {
			r.add("")
		}
		return
	}
	r.addInt(int64(geoType(p)))
	r.add(fullName(p))
	r.add(FIPS(p.Country))
	r.add(adm1Code(p))
	r.add("") // ADM2: not resolved
	r.addFloat(p.Lat, 4)
	r.addFloat(p.Lon, 4)
	if p.GeoNames != 0 {
		r.addInt(int64(p.GeoNames))
	} else {
		r.add("")
	}
}

func geoType(p *doc.Place) int {
	if p.GeoType != 0 {
		return p.GeoType
	}
	if p.FeatureClass == "A" && p.ADM1 == "" {
		return 1
	}
	if p.Country == "US" {
		return 3
	}
	return 4
}

func fullName(p *doc.Place) string {
	name := p.Name
	if name == "" {
		name = p.Text
	}
	return strings.ReplaceAll(name, "#", " ")
}

func adm1Code(p *doc.Place) string {
	if p.Country == "" {
		return ""
	}
	if p.ADM1 == "" || len(p.ADM1) > 3 {
		return FIPS(p.Country)
	}
	return FIPS(p.Country) + p.ADM1
}

// runeOffset converts a byte offset in text to a character offset.
func runeOffset(text string, off int) int {
	if off <= 0 {
		return 0
	}
	if off > len(text) {
		off = len(text)
	}
	return utf8.RuneCountInString(text[:off])
}

// lineWriter is the shared plumbing of the three writers.
type lineWriter struct {
	w   *bufio.Writer
	opt Options
	err error
}

func newLineWriter(w io.Writer, opt Options) lineWriter {
	return lineWriter{w: bufio.NewWriterSize(w, 1<<16), opt: opt}
}

func (l *lineWriter) put(s string) {
	if l.err == nil {
		_, l.err = l.w.WriteString(s)
	}
}

// Close flushes buffered rows.
func (l *lineWriter) Close() error {
	if l.err != nil {
		return l.err
	}
	return l.w.Flush()
}
