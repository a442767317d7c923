package kglex

import "strings"

var smallNumbers = map[string]int64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var multipliers = map[string]int64{
	"hundred": 100, "thousand": 1000, "million": 1000000, "billion": 1000000000,
}

// NumberWord parses one lower-case English number word ("nine",
// "twenty-five", "dozen") into its value.
func NumberWord(lower string) (int64, bool) {
	if v, ok := smallNumbers[lower]; ok {
		return v, true
	}
	if lower == "dozen" {
		return 12, true
	}
	if i := strings.IndexByte(lower, '-'); i > 0 {
		a, ok1 := smallNumbers[lower[:i]]
		b, ok2 := smallNumbers[lower[i+1:]]
		if ok1 && ok2 && a >= 20 && a%10 == 0 && b > 0 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// Multiplier returns the value of "hundred", "thousand", "million", "billion".
func Multiplier(lower string) (int64, bool) {
	v, ok := multipliers[lower]
	return v, ok
}

// Digits parses a digit string with optional thousands commas and one
// decimal point ("10,000", "1.5"). It returns the value times 1000 (fixed
// point, so "1.5" → 1500) and whether it parsed; frac reports a decimal point.
func Digits(s string) (milli int64, frac bool, ok bool) {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false, false
	}
	var v int64
	dec := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if v > 1e15 {
				return 0, false, false
			}
			v = v*10 + int64(c-'0')
			if dec >= 0 {
				dec++
			}
		case c == ',' && dec < 0:
		case c == '.' && dec < 0:
			dec = 0
		default:
			return 0, false, false
		}
	}
	if dec < 0 {
		dec = 0
	}
	if dec > 3 {
		return 0, false, false
	}
	for ; dec < 3; dec++ {
		v *= 10
	}
	return v, strings.IndexByte(s, '.') >= 0, true
}

// Ordinal parses "13th", "1st", "22nd", "3rd" (digits plus suffix).
func Ordinal(lower string) (int, bool) {
	n := 0
	i := 0
	for i < len(lower) && lower[i] >= '0' && lower[i] <= '9' {
		n = n*10 + int(lower[i]-'0')
		i++
		if n > 10000 {
			return 0, false
		}
	}
	if i == 0 {
		return 0, false
	}
	switch lower[i:] {
	case "", "st", "nd", "rd", "th":
		return n, true
	}
	return 0, false
}
