package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// csState is one first-order division of the @countrystatecity/countries
// package: its ISO 3166-2 code, name and representative point.
type csState struct {
	Name    string  `json:"name"`
	ISO2    string  `json:"iso2"`
	CC      string  `json:"country_code"`
	Lat     *string `json:"latitude"`
	Lon     *string `json:"longitude"`
	dir     string
	lat     float64
	lon     float64
	hasLL   bool
	votes   map[string]int // GeoNames "CC.admin1" of its towns → count
	matched int
}

type csCity struct {
	Name string `json:"name"`
	Lat  string `json:"latitude"`
	Lon  string `json:"longitude"`
}

// readStatePoints maps GeoNames first-order divisions ("CC.code") to the
// representative point the @countrystatecity/countries package gives the
// same division. A package division is taken to be a GeoNames division
// when their folded names are equal, or else when the towns the package
// lists under it are (by name and position) GeoNames places of that one
// division and no other package division claims it. A point that sits on
// a town of the division's own name (a geocoder's answer for "New York"
// is the city) is not a point for the division and is dropped.
func readStatePoints(root string, adm1Names map[string]string, places []*place) (map[string][2]float64, error) {
	dirs, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	type key struct{ cc, name string }
	byName := map[key][]*place{}
	for _, p := range places {
		k := key{p.CC, strings.ToLower(p.Name)}
		byName[k] = append(byName[k], p)
	}
	var states []*csState
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(root, d.Name(), "states.json"))
		if err != nil {
			if os.IsNotExist(err) {
				continue
			}
			return nil, err
		}
		var ss []*csState
		if err := json.Unmarshal(b, &ss); err != nil {
			return nil, fmt.Errorf("%s/states.json: %w", d.Name(), err)
		}
		for _, s := range ss {
			if s.Lat == nil || s.Lon == nil || s.CC == "" {
				continue
			}
			lat, err1 := strconv.ParseFloat(*s.Lat, 64)
			lon, err2 := strconv.ParseFloat(*s.Lon, 64)
			if err1 != nil || err2 != nil || (lat == 0 && lon == 0) {
				continue
			}
			s.lat, s.lon, s.hasLL = lat, lon, true
			s.dir = filepath.Join(root, d.Name(), strings.ReplaceAll(s.Name, " ", "_")+"-"+s.ISO2)
			s.votes = map[string]int{}
			states = append(states, s)
		}
	}
	// towns of each package division, matched to GeoNames places
	for _, s := range states {
		b, err := os.ReadFile(filepath.Join(s.dir, "cities.json"))
		if err != nil {
			continue // divisions without towns, or folder names the package spells otherwise
		}
		var cs []csCity
		if err := json.Unmarshal(b, &cs); err != nil {
			return nil, fmt.Errorf("%s/cities.json: %w", s.dir, err)
		}
		for _, c := range cs {
			lat, err1 := strconv.ParseFloat(c.Lat, 64)
			lon, err2 := strconv.ParseFloat(c.Lon, 64)
			if err1 != nil || err2 != nil {
				continue
			}
			for _, p := range byName[key{s.CC, strings.ToLower(c.Name)}] {
				if p.Adm1 != "" && math.Abs(p.Lat-lat) < 0.02 && math.Abs(p.Lon-lon) < 0.02 {
					s.votes[s.CC+"."+p.Adm1]++
					s.matched++
					break
				}
			}
		}
	}
	out := map[string][2]float64{}
	claims := map[string][]*csState{}
	named := map[string]*csState{}
	a1ByName := map[key]string{}
	ambiguous := map[key]bool{}
	for _, k := range sortedKeys(adm1Names) {
		cc, _, _ := strings.Cut(k, ".")
		nk := key{cc, foldName(adm1Names[k])}
		if _, dup := a1ByName[nk]; dup {
			ambiguous[nk] = true // "Almaty" and "Almaty Region": no name match for either
		}
		a1ByName[nk] = k
	}
	for nk := range ambiguous {
		delete(a1ByName, nk)
	}
	for _, s := range states {
		if k, ok := a1ByName[key{s.CC, foldName(s.Name)}]; ok {
			named[k] = s
			continue
		}
		best, bestN := "", 0
		for k, n := range s.votes {
			if n > bestN || (n == bestN && k < best) {
				best, bestN = k, n
			}
		}
		if best != "" && bestN >= 3 && float64(bestN) >= 0.8*float64(s.matched) {
			claims[best] = append(claims[best], s)
		}
	}
	for k := range adm1Names {
		s := named[k]
		if s == nil {
			if cl := claims[k]; len(cl) == 1 {
				s = cl[0]
			}
		}
		if s == nil {
			continue
		}
		onTown := false
		for _, p := range places {
			if p.CC != s.CC || math.Abs(p.Lat-s.lat) > 0.1 || math.Abs(p.Lon-s.lon) > 0.1 {
				continue
			}
			for _, n := range append([]string{p.Name, p.ASCII}, p.Alt...) {
				if foldName(n) == foldName(adm1Names[k]) || foldName(n) == foldName(s.Name) {
					onTown = true
				}
			}
		}
		if !onTown {
			out[k] = [2]float64{s.lat, s.lon}
		}
	}
	return out, nil
}

// foldName lower-cases a division name, drops accents, punctuation and the
// generic words of division names ("Province of", "State", "Region").
func foldName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	var words []string
	for _, w := range strings.Fields(b.String()) {
		switch w {
		case "province", "of", "state", "region", "the", "oblast", "governorate", "department", "prefecture",
			"county", "district", "municipality", "autonomous", "republic", "territory", "voivodeship", "provincia", "estado", "de", "do", "da":
			continue
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}
