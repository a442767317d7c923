package api

import (
	"net/url"
	"strings"
	"testing"
)

// FuzzEventParams feeds arbitrary query strings to the event filter parser:
// it must never panic, and what it accepts must be within the documented
// ranges.
func FuzzEventParams(f *testing.F) {
	for _, s := range []string{
		"actor=USA&quad=4&root=19", "bbox=-10,40,10,55&negated=true", "since=2015-01-01&until=2014-01-01",
		"bbox=NaN,1,2,3", "limit=500&cursor=e12", "country=fr&root=4", "quad=1&quad=2", "root=%00", "actor=" + strings.Repeat("A", 40),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		u := &url.URL{RawQuery: q}
		p := newParams(u)
		ef := p.eventFilter()
		ef.Limit = p.limit(defaultLimit, maxLimit)
		ef.Cursor = p.cursor()
		if p.err != nil {
			if p.err.Kind != KindBadRequest || p.err.Param == "" || !strings.HasPrefix(p.err.Message, p.err.Param+":") {
				t.Fatalf("error %+v does not name its parameter", p.err)
			}
			return
		}
		if ef.Quad < 0 || ef.Quad > 4 || ef.Limit < 1 || ef.Limit > maxLimit {
			t.Fatalf("accepted %+v", ef)
		}
		if ef.Root != "" && (len(ef.Root) != 2 || ef.Root < "01" || ef.Root > "20") {
			t.Fatalf("accepted root %q", ef.Root)
		}
		if b := ef.BBox; b != nil && (b.MinLat > b.MaxLat || b.MinLon > b.MaxLon || b.MinLat < -90 || b.MaxLon > 180) {
			t.Fatalf("accepted bbox %+v", *b)
		}
		if ef.Since != "" && ef.Until != "" && ef.Since > ef.Until {
			t.Fatalf("accepted since %s > until %s", ef.Since, ef.Until)
		}
	})
}

// FuzzItemFromBody feeds arbitrary bodies of each content type to the
// POST body reader: it must never panic, and an accepted body yields a
// non-empty item.
func FuzzItemFromBody(f *testing.F) {
	f.Add("text/plain", "Some news.")
	f.Add("text/html; charset=utf-8", "<p>x</p>")
	f.Add("application/json", `{"text":"a","url":"https://x.example/","pubdate":"2020-01-01"}`)
	f.Add("application/json", `{"html":"<b>x</b>","title":"t"}`)
	f.Add("multipart/form-data; boundary=x", "--x--")
	f.Add("text/plain; charset=", "\xff")
	f.Fuzz(func(t *testing.T, ctype, body string) {
		it, err := itemFromBody(ctype, []byte(body))
		if err != nil {
			if err.Kind != KindBadRequest || err.Message == "" {
				t.Fatalf("error %+v", err)
			}
			return
		}
		if strings.TrimSpace(string(it.Body)) == "" || it.Origin != "api" {
			t.Fatalf("accepted empty item %+v", it)
		}
	})
}
