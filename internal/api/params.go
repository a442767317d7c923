package api

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/store"
)

// Limits on parameter values.
const (
	maxQueryLen  = 500
	maxCursorLen = 64
	maxIDLen     = 128
	maxSourceLen = 253
	maxActorLen  = 30
)

// params reads validated query parameters; the first problem is kept and
// later reads are skipped. Unknown parameters are ignored.
type params struct {
	v   url.Values
	err *apiError
}

func newParams(u *url.URL) *params { return &params{v: u.Query()} }

// raw returns the single value of name ("" when absent), rejecting
// repeated parameters and values longer than max or with control bytes.
func (p *params) raw(name string, max int) string {
	if p.err != nil {
		return ""
	}
	vs := p.v[name]
	switch len(vs) {
	case 0:
		return ""
	case 1:
	default:
		p.err = badParam(name, "given %d times; give it once", len(vs))
		return ""
	}
	s := strings.TrimSpace(vs[0])
	if len(s) > max {
		p.err = badParam(name, "longer than %d bytes", max)
		return ""
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			p.err = badParam(name, "contains a control character")
			return ""
		}
	}
	return s
}

func (p *params) text(name string, max int) string { return p.raw(name, max) }

// date reads YYYY-MM-DD.
func (p *params) date(name string) string {
	s := p.raw(name, 10)
	if s == "" {
		return ""
	}
	if t, err := time.Parse("2006-01-02", s); err != nil || t.Format("2006-01-02") != s {
		p.err = badParam(name, "%q is not a date in the form YYYY-MM-DD", s)
		return ""
	}
	return s
}

// dateRange reads since and until and checks their order.
func (p *params) dateRange() (since, until string) {
	since, until = p.date("since"), p.date("until")
	if p.err == nil && since != "" && until != "" && since > until {
		p.err = badParam("until", "%s is before since %s", until, since)
	}
	return since, until
}

// limit reads a page size in 1..max, def when absent.
func (p *params) limit(def, max int) int {
	s := p.raw("limit", 8)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		p.err = badParam("limit", "%q is not a whole number between 1 and %d", s, max)
		return 0
	}
	return n
}

// cursor reads an opaque cursor: printable ASCII without spaces.
func (p *params) cursor() string {
	s := p.raw("cursor", maxCursorLen)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			p.err = badParam("cursor", "not a cursor this endpoint returned")
			return ""
		}
	}
	return s
}

func (p *params) boolean(name string) *bool {
	switch s := p.raw(name, 8); strings.ToLower(s) {
	case "":
		return nil
	case "true", "1", "yes":
		t := true
		return &t
	case "false", "0", "no":
		f := false
		return &f
	default:
		p.err = badParam(name, "%q is not true or false", s)
		return nil
	}
}

// actor reads a CAMEO actor code prefix: letters and digits.
func (p *params) actor() string {
	s := p.raw("actor", maxActorLen)
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			p.err = badParam("actor", "%q is not a CAMEO actor code (letters and digits, e.g. USAGOV)", s)
			return ""
		}
	}
	return strings.ToUpper(s)
}

// root reads a CAMEO root code 01..20 (a single digit is padded).
func (p *params) root() cameo.Root {
	s := p.raw("root", 2)
	if s == "" {
		return ""
	}
	if len(s) == 1 {
		s = "0" + s
	}
	r := cameo.Root(s)
	if s < "01" || s > "20" || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		p.err = badParam("root", "%q is not a CAMEO root code 01..20", s)
		return ""
	}
	return r
}

func (p *params) quad() cameo.QuadClass {
	s := p.raw("quad", 1)
	if s == "" {
		return cameo.QuadNone
	}
	if s < "1" || s > "4" {
		p.err = badParam("quad", "%q is not a quad class 1..4", s)
		return cameo.QuadNone
	}
	return cameo.QuadClass(s[0] - '0')
}

// country reads an ISO 3166-1 alpha-2 code.
func (p *params) country() string {
	s := strings.ToUpper(p.raw("country", 2))
	if s == "" {
		return ""
	}
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		p.err = badParam("country", "%q is not a two-letter ISO country code", s)
		return ""
	}
	return s
}

// bbox reads minLon,minLat,maxLon,maxLat.
func (p *params) bbox() *store.BBox {
	s := p.raw("bbox", 100)
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 4 {
		p.err = badParam("bbox", "%q is not minLon,minLat,maxLon,maxLat", s)
		return nil
	}
	var f [4]float64
	for i, part := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(part), 64)
		if err != nil || v != v || v > 1e300 || v < -1e300 {
			p.err = badParam("bbox", "%q is not a number", part)
			return nil
		}
		f[i] = v
	}
	b := &store.BBox{MinLon: f[0], MinLat: f[1], MaxLon: f[2], MaxLat: f[3]}
	switch {
	case b.MinLon < -180 || b.MaxLon > 180:
		p.err = badParam("bbox", "longitudes must be within -180..180")
	case b.MinLat < -90 || b.MaxLat > 90:
		p.err = badParam("bbox", "latitudes must be within -90..90")
	case b.MinLon > b.MaxLon || b.MinLat > b.MaxLat:
		p.err = badParam("bbox", "minimum greater than maximum (order is minLon,minLat,maxLon,maxLat)")
	}
	if p.err != nil {
		return nil
	}
	return b
}

// order reads the order of an event list: desc (newest first, the default)
// or asc.
func (p *params) order() store.Order {
	s := strings.ToLower(p.raw("order", 8))
	o, ok := store.ParseOrder(s)
	if !ok {
		p.err = badParam("order", "%q is not asc or desc", s)
	}
	return o
}

// eventFilter reads the event filter parameters shared by /api/events and
// the aggregations.
func (p *params) eventFilter() store.EventFilter {
	var f store.EventFilter
	f.Actor = p.actor()
	f.Root = p.root()
	f.Quad = p.quad()
	f.Country = p.country()
	f.Since, f.Until = p.dateRange()
	f.BBox = p.bbox()
	f.Negated = p.boolean("negated")
	return f
}
