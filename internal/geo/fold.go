package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// fold normalises a name for lookup: lower case, accents removed, periods
// and apostrophes dropped, hyphens and runs of spaces made one space, and
// the abbreviations St, Ste, Ft, Mt spelled out ("St. Louis" = "Saint Louis").
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				c += 'a' - 'A'
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			case c == '.' || c == '\'':
				continue
			case c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '/':
				space = true
				continue
			case c == '&':
			default:
				continue
			}
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '’' || r == 'ʻ' || r == 'ʼ' || r == '‘' {
			continue
		}
		if unicode.IsSpace(r) || r == '–' || r == '‐' {
			space = true
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		for _, d := range norm.NFD.String(string(unicode.ToLower(r))) {
			if unicode.Is(unicode.Mn, d) {
				continue
			}
			switch d {
			case 'ß':
				b.WriteString("ss")
			case 'ø':
				b.WriteByte('o')
			case 'æ':
				b.WriteString("ae")
			case 'ł':
				b.WriteByte('l')
			case 'đ':
				b.WriteByte('d')
			case 'ı':
				b.WriteByte('i')
			default:
				b.WriteRune(d)
			}
		}
	}
	out := b.String()
	if strings.Contains(out, "st") || strings.Contains(out, "ft") || strings.Contains(out, "mt") {
		out = expandAbbrev(out)
	}
	return out
}

func expandAbbrev(s string) string {
	words := strings.Split(s, " ")
	changed := false
	for i, w := range words {
		var x string
		switch w {
		case "st":
			x = "saint"
		case "ste":
			x = "sainte"
		case "ft":
			x = "fort"
		case "mt":
			x = "mount"
		default:
			continue
		}
		if i == len(words)-1 && len(words) > 1 {
			continue // "Main St" is a street, not a saint
		}
		words[i] = x
		changed = true
	}
	if !changed {
		return s
	}
	return strings.Join(words, " ")
}
