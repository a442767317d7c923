package clean

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// date is a full calendar date found in a string.
type date struct {
	start, end int
	y, m, d    int
	ok         bool
}

func (d date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

type word struct {
	s, e  int
	digit bool
}

// findDate returns the first full date in s: "May 18, 2015", "Nov. 24,
// 2025", "24 November 2025", "2025-11-24".
func findDate(s string) date {
	var buf [64]word
	ws := buf[:0]
	for i := 0; i < len(s) && len(ws) < cap(ws); {
		c := s[i]
		isD := c >= '0' && c <= '9'
		if !isD && !isLetterByte(c) {
			i++
			continue
		}
		j := i
		for j < len(s) && (isD && s[j] >= '0' && s[j] <= '9' || !isD && isLetterByte(s[j])) {
			j++
		}
		ws = append(ws, word{i, j, isD})
		i = j
	}
	num := func(w word) int {
		n := 0
		for k := w.s; k < w.e && k < w.s+4; k++ {
			n = n*10 + int(s[k]-'0')
		}
		return n
	}
	month := func(w word) int {
		if w.digit || w.e-w.s > 9 {
			return 0
		}
		return months[strings.ToLower(s[w.s:w.e])]
	}
	// gap reports whether only separators lie between words a and b.
	gap := func(a, b word, seps string) bool {
		g := s[a.e:b.s]
		if len(g) > 3 {
			return false
		}
		for k := 0; k < len(g); k++ {
			if !strings.ContainsRune(seps, rune(g[k])) {
				return false
			}
		}
		return true
	}
	year := func(w word) int {
		if !w.digit || w.e-w.s != 4 {
			return 0
		}
		if y := num(w); y >= 1900 && y <= 2100 {
			return y
		}
		return 0
	}
	day := func(w word) int {
		if !w.digit || w.e-w.s > 2 {
			return 0
		}
		if d := num(w); d >= 1 && d <= 31 {
			return d
		}
		return 0
	}
	for i, w := range ws {
		// 2025-11-24
		if y := year(w); y > 0 && i+2 < len(ws) && gap(w, ws[i+1], "-") && gap(ws[i+1], ws[i+2], "-") &&
			ws[i+1].digit && ws[i+2].digit {
			m, d := num(ws[i+1]), day(ws[i+2])
			if m >= 1 && m <= 12 && d > 0 && ws[i+1].e-ws[i+1].s <= 2 {
				return date{w.s, ws[i+2].e, y, m, d, true}
			}
		}
		if m := month(w); m > 0 && i+2 < len(ws) && gap(w, ws[i+1], " .") {
			// Month D[th], YYYY
			k := i + 2
			if d := day(ws[i+1]); d > 0 {
				if !ws[k].digit && isOrdinal(s[ws[k].s:ws[k].e]) && k+1 < len(ws) && ws[k].s == ws[i+1].e {
					k++
				}
				if y := year(ws[k]); y > 0 && gap(ws[k-1], ws[k], " ,") {
					return date{w.s, ws[k].e, y, m, d, true}
				}
			}
		}
		if d := day(w); d > 0 && i+2 < len(ws) {
			// D[th] Month YYYY
			k := i + 1
			if !ws[k].digit && isOrdinal(s[ws[k].s:ws[k].e]) && ws[k].s == w.e && k+2 < len(ws) {
				k++
			}
			if m := month(ws[k]); m > 0 && gap(ws[k-1], ws[k], " ") && k+1 < len(ws) {
				if y := year(ws[k+1]); y > 0 && gap(ws[k], ws[k+1], " ,.") {
					return date{w.s, ws[k+1].e, y, m, d, true}
				}
			}
		}
	}
	return date{}
}

func isOrdinal(w string) bool {
	switch strings.ToLower(w) {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// datelineDate looks for the publication date in the paragraphs after the
// title: a short date line ("Monday, May 18, 2015", "Published 24
// November 2025") or a dateline opening the first paragraph ("PARIS, Nov.
// 24, 2025 (AFP) —").
func datelineDate(text string, paras []doc.Span, first int) string {
	for k := first; k < len(paras) && k < first+3; k++ {
		p := paras[k].In(text)
		words := strings.Count(p, " ") + 1
		if words <= 12 {
			if d := findDate(p); d.ok && (!endsSentence(p) || (d.end-d.start)*10 >= len(p)*4) {
				return d.String()
			}
			continue
		}
		head := p
		if len(head) > 100 {
			head = head[:100]
		}
		cut := -1
		for _, dash := range []string{" — ", " – ", " - ", " -- ", "—", "("} {
			if c := strings.Index(head, dash); c > 0 && (cut < 0 || c < cut) {
				cut = c
			}
		}
		if cut > 0 {
			if d := findDate(head[:cut]); d.ok {
				return d.String()
			}
		}
	}
	return ""
}
