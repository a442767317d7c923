package cameo

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
)

//go:embed countries.txt
var countriesText string

// Country is one country (or CAMEO country-like code) of the tables.
type Country struct {
	ISO3 string // CAMEO country code, ISO 3166-1 alpha-3 (KOS for Kosovo)
	ISO2 string // ISO 3166-1 alpha-2 (XK for Kosovo)
	Name string // short English name
}

var (
	countriesOnce sync.Once
	countryList   []Country
	countryByISO3 map[string]Country
	countryByISO2 map[string]Country
)

func loadCountries() {
	countriesOnce.Do(func() {
		countryByISO3 = map[string]Country{}
		countryByISO2 = map[string]Country{}
		for _, line := range strings.Split(countriesText, "\n") {
			line = strings.TrimSpace(line)
			if line == "" || line[0] == '#' {
				continue
			}
			f := strings.SplitN(line, " ", 3)
			if len(f) != 3 {
				continue // the embedded table is checked by tests
			}
			c := Country{ISO3: f[0], ISO2: f[1], Name: f[2]}
			countryList = append(countryList, c)
			countryByISO3[c.ISO3] = c
			countryByISO2[c.ISO2] = c
		}
		sort.Slice(countryList, func(i, j int) bool { return countryList[i].ISO3 < countryList[j].ISO3 })
	})
}

// Countries returns the country table keyed by ISO3 code.
func Countries() map[string]Country {
	loadCountries()
	out := make(map[string]Country, len(countryByISO3))
	for k, v := range countryByISO3 {
		out[k] = v
	}
	return out
}

// CountryList returns the countries sorted by ISO3 code.
func CountryList() []Country {
	loadCountries()
	return append([]Country(nil), countryList...)
}

// CountryByISO3 looks a country up by its CAMEO/ISO3 code.
func CountryByISO3(iso3 string) (Country, bool) {
	loadCountries()
	c, ok := countryByISO3[iso3]
	return c, ok
}

// CountryByISO2 looks a country up by its ISO 3166-1 alpha-2 code.
func CountryByISO2(iso2 string) (Country, bool) {
	loadCountries()
	c, ok := countryByISO2[iso2]
	return c, ok
}

// IsCountry reports whether code is a country code (ISO3 or CAMEO's KOS).
func IsCountry(code string) bool { _, ok := CountryByISO3(code); return ok }

// IsRegion reports whether code is a CAMEO regional code such as AFR or WST.
func IsRegion(code string) bool { _, ok := regionTable[code]; return ok }

// RegionName returns the name of a CAMEO regional code ("" when unknown).
func RegionName(code string) string { return regionTable[code] }

// Regions returns the regional codes, sorted.
func Regions() []string { return sortedKeys(regionTable) }

// IsRole reports whether code is a CAMEO actor type (role) code such as GOV.
func IsRole(code string) bool { _, ok := roleTable[code]; return ok }

// RoleName returns the description of a role code ("" when unknown).
func RoleName(code string) string { return roleTable[code] }

// Roles returns the role codes, sorted.
func Roles() []string { return sortedKeys(roleTable) }

// IsReligion reports whether code is a CAMEO religion code such as MOS.
func IsReligion(code string) bool { _, ok := religionTable[code]; return ok }

// ReligionName returns the name of a religion code ("" when unknown).
func ReligionName(code string) string { return religionTable[code] }

// Religions returns the religion codes, sorted.
func Religions() []string { return sortedKeys(religionTable) }

// IsKnownGroup reports whether code is a CAMEO known-group code such as UNO.
func IsKnownGroup(code string) bool { _, ok := knownGroupTable[code]; return ok }

// KnownGroupName returns the name of a known-group code ("" when unknown).
func KnownGroupName(code string) string { return knownGroupTable[code] }

// KnownGroups returns the known-group codes, sorted.
func KnownGroups() []string { return sortedKeys(knownGroupTable) }

// IsEthnic reports whether code (lower case) is a known ethnic code.
func IsEthnic(code string) bool { _, ok := ethnicTable[code]; return ok }

// EthnicName returns the name of an ethnic code ("" when unknown).
func EthnicName(code string) string { return ethnicTable[code] }

// Ethnics returns the ethnic codes, sorted.
func Ethnics() []string { return sortedKeys(ethnicTable) }

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Actor is an actor code split into its parts the way GDELT splits
// Actor1Code into Actor1CountryCode, Actor1KnownGroupCode, Actor1EthnicCode,
// Actor1Religion{1,2}Code and Actor1Type{1,2,3}Code.
type Actor struct {
	Code       ActorCode
	Country    string // ISO3 or regional code; "" for transnational actors
	KnownGroup string
	Ethnic     string // lower case, e.g. "kur"
	Religion1  string
	Religion2  string
	Type1      string
	Type2      string
	Type3      string
	// Extra holds well-formed three-letter parts none of the tables know
	// (dictionary-specific codes), in order.
	Extra []string
}

// ParseActor splits a CAMEO actor code into its parts. The code must be a
// non-empty run of three-letter parts; an upper-case part is looked up as a
// country or region (first part only), role, religion or known group, a
// lower-case part as an ethnic code. A country or region after a leading
// transnational type fills Country too ("IGOEUREEC" -> Country EUR). Parts
// no table knows go to Extra.
func ParseActor(s string) (Actor, error) {
	if s == "" {
		return Actor{}, fmt.Errorf("cameo: empty actor code")
	}
	if len(s)%3 != 0 {
		return Actor{}, fmt.Errorf("cameo: actor code %q: length %d is not a multiple of 3", s, len(s))
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z') {
			return Actor{}, fmt.Errorf("cameo: actor code %q: invalid character %q at %d", s, c, i)
		}
	}
	a := Actor{Code: ActorCode(s)}
	for i := 0; i < len(s); i += 3 {
		p := s[i : i+3]
		if isLower(p) {
			if a.Ethnic == "" {
				a.Ethnic = p
			} else {
				a.Extra = append(a.Extra, p)
			}
			continue
		}
		if !isUpper(p) {
			return Actor{}, fmt.Errorf("cameo: actor code %q: mixed-case part %q at %d", s, p, i)
		}
		if a.Country == "" && (IsCountry(p) || IsRegion(p)) && (i == 0 || !IsRole(p) && !IsKnownGroup(p) && !IsReligion(p)) {
			// the country or region: first, or after a transnational type ("IGOEUREEC", "NGOSYRHRI")
			a.Country = p
			continue
		}
		switch {
		case IsRole(p) && a.Type3 == "":
			switch {
			case a.Type1 == "":
				a.Type1 = p
			case a.Type2 == "":
				a.Type2 = p
			default:
				a.Type3 = p
			}
		case IsReligion(p) && a.Religion2 == "":
			if a.Religion1 == "" {
				a.Religion1 = p
			} else {
				a.Religion2 = p
			}
		case IsKnownGroup(p) && a.KnownGroup == "":
			a.KnownGroup = p
		default:
			a.Extra = append(a.Extra, p)
		}
	}
	return a, nil
}

func isLower(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] < 'a' || p[i] > 'z' {
			return false
		}
	}
	return true
}

func isUpper(p string) bool {
	for i := 0; i < len(p); i++ {
		if p[i] < 'A' || p[i] > 'Z' {
			return false
		}
	}
	return true
}

// String returns the actor code.
func (a ActorCode) String() string { return string(a) }

// Country returns the leading country or regional part of the code, or ""
// when the code does not start with one (e.g. "IGOUNO").
func (a ActorCode) Country() string {
	if len(a) >= 3 && (IsCountry(string(a[:3])) || IsRegion(string(a[:3]))) {
		return string(a[:3])
	}
	return ""
}

// Roles returns the role (type) parts of the code, in order.
func (a ActorCode) Roles() []string {
	p, err := ParseActor(string(a))
	if err != nil {
		return nil
	}
	var out []string
	for _, t := range []string{p.Type1, p.Type2, p.Type3} {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}
