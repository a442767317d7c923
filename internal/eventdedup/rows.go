package eventdedup

import (
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/store"
)

// DocMeta is what counting sources needs to know of a document.
type DocMeta struct {
	Source          string // outlet
	NearDuplicateOf string // ID of the document it is a copy of
}

// KeyOfRow builds the key of a stored event row, so that callers holding
// rows (the HTTP API) need not load whole documents. A row cannot say
// whether its place is a city or a country; a place whose name is its
// country's name counts as the country. ok is false for negated or
// uncoded rows.
func KeyOfRow(r store.EventRow) (k Key, ok bool) {
	if r.Negated || len(r.Code) < 2 {
		return Key{}, false
	}
	k.Root = r.Code.Root()
	if len(r.Code) >= 3 {
		k.Base = r.Code[:3]
	} else {
		k.Base = r.Code
	}
	k.Source, k.Target = r.Source, r.Target
	if k.Base == "043" {
		k.Base = "042"
		k.Source, k.Target = k.Target, k.Source
	}
	if symmetricBases[k.Base] {
		k.Symmetric = true
		if orderKey(k.Target) < orderKey(k.Source) {
			k.Source, k.Target = k.Target, k.Source
		}
	}
	country := strings.ToUpper(r.Country)
	switch {
	case r.Lat != nil && r.Lon != nil && !isCountryName(r.PlaceName, country):
		k.Place = PlaceKey{Level: PlaceCity, Country: country, Lat: *r.Lat, Lon: *r.Lon}
	case country != "":
		k.Place = PlaceKey{Level: PlaceCountry, Country: country}
	}
	k.From, k.To, k.HasDate = dateRange(r.Date)
	if !k.HasDate {
		k.From, k.To, k.HasDate = dateRange(r.Day)
	}
	return k, true
}

func isCountryName(name, iso2 string) bool {
	if name == "" {
		return false
	}
	c, ok := cameo.CountryByISO2(iso2)
	return ok && strings.EqualFold(strings.TrimSpace(name), c.Name)
}

// MergeRows clusters stored event rows. Documents are taken in the order
// their first row appears (give rows in insertion order for stable
// representatives); meta, when not nil, gives each document's outlet and
// near-duplicate link for NumSources (without it every document is its
// own source).
func MergeRows(rows []store.EventRow, meta func(docID string) DocMeta, opt Options) []Cluster {
	type docRows struct {
		id   string
		rows []store.EventRow
		n    int
	}
	var order []*docRows
	byDoc := map[string]*docRows{}
	for _, r := range rows {
		d := byDoc[r.DocID]
		if d == nil {
			d = &docRows{id: r.DocID}
			byDoc[r.DocID] = d
			order = append(order, d)
		}
		d.rows = append(d.rows, r)
		if r.Index >= d.n {
			d.n = r.Index + 1
		}
	}
	x := NewIndex(opt)
	for _, d := range order {
		if _, seen := x.docs[d.id]; seen || d.n > 1<<20 {
			continue
		}
		keys := make([]Key, d.n)
		ok := make([]bool, d.n)
		for _, r := range d.rows {
			if r.Index >= 0 {
				keys[r.Index], ok[r.Index] = KeyOfRow(r)
			}
		}
		var m DocMeta
		if meta != nil {
			m = meta(d.id)
		}
		x.addKeys(d.id, m.Source, m.NearDuplicateOf, keys, ok)
	}
	return x.Clusters()
}
