// Package geo is eventwire's gazetteer and toponym resolver.
//
// A Gazetteer holds countries, first-order divisions (ADM1), US, British and Irish counties
// (ADM2), populated places and a small table of landmarks, all derived from
// GeoNames by the generator in ./gen and embedded as one gzip'd file that is
// parsed once, on first use. Resolve spots toponyms in a document's text
// (and takes LOC/GPE/FAC entities from NER when present), then picks one
// gazetteer entry for each using population, feature class and the
// document's context: qualifiers ("Paris, Texas"), countries and states
// mentioned elsewhere, demonyms, neighbouring countries, names listed
// together ("Ohio, Texas and Utah"), and local readings of different names
// that lie near one another ("Hamilton" and "Butler County", Ohio). Person
// names are kept out: a word used as a surname in the text ("Tom Jones",
// "Roy A. Nelson", "coach Ripley") is not read as a small town elsewhere
// in it. ResolveWith can also report demonyms as places (Options).
package geo

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/gazetteer.tsv.gz
var dataFS embed.FS

// Kind is the kind of a gazetteer entry.
type Kind uint8

// Entry kinds, from the largest area to the smallest.
const (
	KindCountry  Kind = iota + 1 // an independent country or territory
	KindADM1                     // first-order division: US state, province, region
	KindADM2                     // second-order division (US, British and Irish counties)
	KindCity                     // populated place
	KindLandmark                 // a named site or metonym ("the Kremlin")
	KindRegion                   // a continent or multi-country region
)

func (k Kind) String() string {
	switch k {
	case KindCountry:
		return "country"
	case KindADM1:
		return "adm1"
	case KindADM2:
		return "adm2"
	case KindCity:
		return "city"
	case KindLandmark:
		return "landmark"
	case KindRegion:
		return "region"
	}
	return "unknown"
}

// Entry is one place of the gazetteer.
type Entry struct {
	Name     string
	Kind     Kind
	Country  string // ISO 3166-1 alpha-2; "" for regions
	ADM1     string // GeoNames admin1 code within Country (US: postal code)
	ADM2     string // GeoNames admin2 code (US county FIPS), ADM2 entries only
	Lat, Lon float64
	GeoNames int    // GeoNames id, 0 when unknown (countries, divisions)
	Code     string // GeoNames feature code: PCLI, ADM1, ADM2, PPLC, PPLA, PPL...
	Pop      int    // population, 0 when unknown

	// countries only
	capitalID int
	borders   []string
	indep     bool
}

// FeatureClass is the GeoNames feature class of the entry: A for countries
// and divisions, P for populated places, S for sites, L for regions.
func (e *Entry) FeatureClass() string {
	switch e.Kind {
	case KindCountry, KindADM1, KindADM2:
		return "A"
	case KindCity:
		return "P"
	case KindLandmark:
		return "S"
	case KindRegion:
		return "L"
	}
	return ""
}

// GeoType is the GDELT geography type: 1 country, 2 US state, 3 US city,
// 4 world city, 5 world state.
func (e *Entry) GeoType() int {
	switch e.Kind {
	case KindCountry:
		return 1
	case KindRegion:
		if e.Country == "" {
			return 0
		}
		return 5
	case KindADM1:
		if e.Country == "US" {
			return 2
		}
		return 5
	}
	if e.Country == "US" {
		return 3
	}
	return 4
}

// Candidate is one reading of a name: an entry and how the name matched it.
type Candidate struct {
	*Entry
	Alias bool // matched an alternate name, not the entry's main name
}

// Place is a gazetteer entry in the shape of the document model.
type Place struct {
	Name         string
	Country      string
	ADM1         string
	ADM1Name     string
	Lat, Lon     float64
	GeoNames     int
	FeatureClass string
	GeoType      int
}

// Gazetteer is an in-memory index of places by folded name.
type Gazetteer struct {
	entries   []*Entry
	byName    map[string][]cand // folded name → readings
	maxWords  map[string]uint8  // folded first word → most words of a name of two words or more starting with it
	countries map[string]*Entry
	adm1      map[string]*Entry // "CC.code" → ADM1 entry
	demonyms  map[string]string // folded demonym → ISO2
	given     map[string]bool   // folded given names ("ron", "nadia")
	byID      map[int]*Entry
	index     *spatial
}

type cand struct {
	e     *Entry
	alias bool
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the embedded gazetteer, parsed on first use and shared.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		f, err := dataFS.Open("data/gazetteer.tsv.gz")
		if err != nil {
			defaultErr = fmt.Errorf("geo: open embedded gazetteer: %w", err)
			return
		}
		defer f.Close()
		defaultGaz, defaultErr = Load(f)
	})
	return defaultGaz, defaultErr
}

// Load parses a gazetteer in the generator's gzip'd TSV format.
func Load(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("geo: gazetteer: %w", err)
	}
	defer zr.Close()
	g := &Gazetteer{
		byName:    make(map[string][]cand, 100000),
		maxWords:  make(map[string]uint8, 20000),
		countries: make(map[string]*Entry, 256),
		adm1:      make(map[string]*Entry, 4096),
		demonyms:  make(map[string]string, 512),
		byID:      make(map[int]*Entry, 70000),
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	line := 0
	var fields [16]string
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		col := splitTab(s, fields[:0])
		if err := g.parseLine(col); err != nil {
			return nil, fmt.Errorf("geo: gazetteer line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("geo: gazetteer line %d: %w", line, err)
	}
	if len(g.countries) == 0 {
		return nil, fmt.Errorf("geo: gazetteer has no countries")
	}
	g.addBuiltins()
	g.index = newSpatial(g.entries)
	return g, nil
}

func splitTab(s string, out []string) []string {
	for {
		i := strings.IndexByte(s, '\t')
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
}

func need(col []string, n int) error {
	if len(col) < n {
		return fmt.Errorf("record %q has %d fields, want %d", col[0], len(col), n)
	}
	return nil
}

func parseLL(a, b string) (float64, float64, error) {
	lat, err := strconv.ParseFloat(a, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("latitude: %w", err)
	}
	lon, err := strconv.ParseFloat(b, 64)
	if err != nil {
		return 0, 0, fmt.Errorf("longitude: %w", err)
	}
	if lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return 0, 0, fmt.Errorf("coordinates %v,%v out of range", lat, lon)
	}
	return lat, lon, nil
}

func (g *Gazetteer) parseLine(col []string) error {
	switch col[0] {
	case "C": // C iso2 name lat lon capitalID aliases demonyms independent [borders]
		if err := need(col, 9); err != nil {
			return err
		}
		lat, lon, err := parseLL(col[3], col[4])
		if err != nil {
			return err
		}
		capID, _ := strconv.Atoi(col[5])
		e := &Entry{Name: col[2], Kind: KindCountry, Country: col[1], Lat: lat, Lon: lon, Code: "PCLI", capitalID: capID, indep: col[8] == "1"}
		if len(col) > 9 && col[9] != "" {
			e.borders = strings.Split(col[9], "|")
		}
		g.add(e, e.Name, false)
		for _, a := range splitBar(col[6]) {
			g.add(e, a, true)
		}
		for _, d := range splitBar(col[7]) {
			g.demonyms[fold(d)] = e.Country
		}
		g.countries[e.Country] = e
	case "A": // A cc code name lat lon aliases
		if err := need(col, 7); err != nil {
			return err
		}
		lat, lon, err := parseLL(col[4], col[5])
		if err != nil {
			return err
		}
		e := &Entry{Name: col[3], Kind: KindADM1, Country: col[1], ADM1: col[2], Lat: lat, Lon: lon, Code: "ADM1"}
		g.add(e, e.Name, false)
		for _, a := range splitBar(col[6]) {
			g.add(e, a, true)
		}
		g.adm1[e.Country+"."+e.ADM1] = e
	case "D": // D cc adm1 adm2 name lat lon
		if err := need(col, 7); err != nil {
			return err
		}
		lat, lon, err := parseLL(col[5], col[6])
		if err != nil {
			return err
		}
		e := &Entry{Name: col[4], Kind: KindADM2, Country: col[1], ADM1: col[2], ADM2: col[3], Lat: lat, Lon: lon, Code: "ADM2"}
		g.add(e, e.Name, false)
	case "F": // F name|name|...: given names
		if err := need(col, 2); err != nil {
			return err
		}
		if g.given == nil {
			g.given = make(map[string]bool, 8192)
		}
		for _, n := range splitBar(col[1]) {
			g.given[fold(n)] = true
		}
	case "P": // P id name lat lon fcode cc adm1 pop aliases
		if err := need(col, 10); err != nil {
			return err
		}
		id, err := strconv.Atoi(col[1])
		if err != nil {
			return fmt.Errorf("geonames id: %w", err)
		}
		lat, lon, err := parseLL(col[3], col[4])
		if err != nil {
			return err
		}
		pop, err := strconv.Atoi(col[8])
		if err != nil {
			return fmt.Errorf("population: %w", err)
		}
		e := &Entry{Name: col[2], Kind: KindCity, GeoNames: id, Lat: lat, Lon: lon, Code: col[5], Country: col[6], ADM1: col[7], Pop: pop}
		g.add(e, e.Name, false)
		for _, a := range splitBar(col[9]) {
			g.add(e, a, true)
		}
		g.byID[id] = e
	default:
		return fmt.Errorf("unknown record type %q", col[0])
	}
	return nil
}

func splitBar(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

// add indexes e under name. The first reading of an entry under one key wins.
func (g *Gazetteer) add(e *Entry, name string, alias bool) {
	if len(g.entries) == 0 || g.entries[len(g.entries)-1] != e {
		g.entries = append(g.entries, e)
	}
	k := fold(name)
	if k == "" {
		return
	}
	cs := g.byName[k]
	for _, c := range cs {
		if c.e == e {
			return
		}
	}
	g.byName[k] = append(cs, cand{e, alias})
	// maxWords records names of two words or more; one-word names need no entry
	if first, _, multi := strings.Cut(k, " "); multi {
		n := uint8(min(255, 1+strings.Count(k, " ")))
		if n > g.maxWords[first] {
			g.maxWords[first] = n
		}
	}
}

// Lookup returns every reading of name (case and accents ignored), most
// populous first within each kind, countries before divisions before places.
func (g *Gazetteer) Lookup(name string) []Candidate {
	cs := g.byName[fold(name)]
	out := make([]Candidate, 0, len(cs))
	for _, c := range cs {
		out = append(out, Candidate{Entry: c.e, Alias: c.alias})
	}
	sortCandidates(out)
	return out
}

func sortCandidates(cs []Candidate) {
	// insertion sort: lists are short
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && candLess(cs[j], cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func candLess(a, b Candidate) bool {
	if a.Kind != b.Kind {
		return a.Kind < b.Kind
	}
	if a.Alias != b.Alias {
		return !a.Alias
	}
	return a.Pop > b.Pop
}

// Country returns the country with ISO 3166-1 alpha-2 code iso2.
func (g *Gazetteer) Country(iso2 string) (Place, bool) {
	e := g.countries[strings.ToUpper(iso2)]
	if e == nil {
		return Place{}, false
	}
	return g.place(e), true
}

// ByGeoNamesID returns the populated place with GeoNames id id.
func (g *Gazetteer) ByGeoNamesID(id int) (Place, bool) {
	e := g.byID[id]
	if e == nil {
		return Place{}, false
	}
	return g.place(e), true
}

// Capital returns the capital city of the country iso2.
func (g *Gazetteer) Capital(iso2 string) (Place, bool) {
	c := g.countries[strings.ToUpper(iso2)]
	if c == nil || g.byID[c.capitalID] == nil {
		return Place{}, false
	}
	return g.place(g.byID[c.capitalID]), true
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// ADM1Name is the name of the first-order division cc.code, or "".
func (g *Gazetteer) ADM1Name(cc, code string) string {
	if e := g.adm1[cc+"."+code]; e != nil {
		return e.Name
	}
	return ""
}

func (g *Gazetteer) place(e *Entry) Place {
	p := Place{Name: e.Name, Country: e.Country, Lat: e.Lat, Lon: e.Lon, GeoNames: e.GeoNames,
		FeatureClass: e.FeatureClass(), GeoType: e.GeoType()}
	if e.Kind != KindCountry {
		p.ADM1 = e.ADM1
		p.ADM1Name = g.ADM1Name(e.Country, e.ADM1)
	}
	return p
}

// Nearest returns the populated place or landmark nearest to lat,lon
// (a reverse lookup), and false when the gazetteer has none.
func (g *Gazetteer) Nearest(lat, lon float64) (Place, bool) {
	e := g.index.nearest(lat, lon)
	if e == nil {
		return Place{}, false
	}
	return g.place(e), true
}
