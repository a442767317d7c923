// Package dateline recognizes the wire dateline that opens a news story
// ("NAIROBI, March 10 (Reuters) -", "KHARKIV, Ukraine, March 4 -",
// "PARIS (AFP) —"). The dateline says where the story was filed; it is not
// part of the first sentence's clause, and parsers given it as one make
// its place the subject.
package dateline

import "strings"

var months = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true,
	"apr": true, "april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true,
	"aug": true, "august": true, "sep": true, "sept": true, "september": true, "oct": true,
	"october": true, "nov": true, "november": true, "dec": true, "december": true,
}

// IsMonth reports whether w (any case, a trailing period allowed) names a month.
func IsMonth(w string) bool { return months[strings.ToLower(strings.TrimSuffix(w, "."))] }

func isDash(f string) bool { return f == "-" || f == "--" || f == "\u2013" || f == "\u2014" }

func capital(f string) bool { return f != "" && f[0] >= 'A' && f[0] <= 'Z' }

// Prefix returns the number of tokens of a dateline opening a sentence
// whose token forms and universal POS tags are given: a capitalized place
// name (optionally followed by ", Country,"), then a date ("March 4",
// "Dec. 2, 2025"), an agency in parentheses or both, then a dash; a place
// in capitals needs neither ("LA PAZ —"). It returns 0 when the sentence
// does not open so. A dateline in capitals may end in a colon ("GAZA CITY,
// Palestinian Territories:").
func Prefix(forms, upos []string) int {
	n := len(forms)
	propn := func(i int) bool { return i < len(upos) && upos[i] == "PROPN" && capital(forms[i]) }
	i := 0
	for i < n && i < 4 && propn(i) && !IsMonth(forms[i]) {
		i++
	}
	if i == 0 || i >= n {
		return 0
	}
	marked := false
	if forms[i] == "," {
		i++
		j := i // "KHARKIV, Ukraine, March 4 -": the city's country or region
		for j < n && j < i+3 && capital(forms[j]) && upos[j] != "PUNCT" && !IsMonth(forms[j]) {
			j++
		}
		if j > i && j < n && (forms[j] == "," || (isDash(forms[j]) || forms[j] == ":") && allCaps(forms[:i])) {
			i = j // "KYIV, Ukraine -": the dash right after the country
			if forms[j] == "," {
				i++
			}
		}
	}
	if i+1 < n && IsMonth(forms[i]) && isNumber(forms[i+1]) {
		i += 2
		marked = true
		if i+1 < n && forms[i] == "," && isNumber(forms[i+1]) && len(forms[i+1]) == 4 {
			i += 2 // "Nov. 20, 2025"
		}
	}
	if i < n && forms[i] == "(" {
		j := i + 1
		for j < n && j < i+5 && forms[j] != ")" {
			j++
		}
		if j >= n || forms[j] != ")" || j == i+1 {
			return 0
		}
		i = j + 1
		marked = true
	}
	if !marked && allCaps(forms[:i]) && i+1 < n && capital(forms[i+1]) {
		// "LA PAZ — Bolivian authorities": a place in capitals is a
		// dateline without a date when a sentence starts after the dash
		// ("NATO — the alliance said" is no dateline)
		marked = true
	}
	if !marked || i >= n-1 || !isDash(forms[i]) && !(forms[i] == ":" && allCaps(forms[:1])) {
		return 0
	}
	return i + 1
}

// allCaps reports whether the first words (the place, before any comma)
// are written in capitals, three letters or more: "LA PAZ", "KYIV" (not
// an abbreviation such as "US").
func allCaps(forms []string) bool {
	letters := 0
	for _, f := range forms {
		if f == "," {
			break
		}
		for _, r := range f {
			switch {
			case r >= 'a' && r <= 'z':
				return false
			case r >= 'A' && r <= 'Z':
				letters++
			}
		}
	}
	return letters >= 3
}

func isNumber(f string) bool {
	if f == "" {
		return false
	}
	for _, r := range f {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
