package actors

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
	"golang.org/x/text/unicode/norm"
)

// caseReq is how an alias token constrains the case of the text token.
type caseReq uint8

const (
	caseAny   caseReq = iota // lower-case alias word: any case matches
	caseTitle                // capitalized alias word: text word must start upper case
	caseUpper                // short acronym (US, UN, IS): text word must be all upper case
)

// key normalizes one word for dictionary lookup: lower case, accents
// removed, typographic apostrophes and dashes unified, dots dropped
// ("U.S." -> "us", "François" -> "francois").
func key(w string) string {
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		var b []byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c == '.' {
				if b == nil {
					b = append(make([]byte, 0, len(w)), w[:i]...)
				}
				continue
			}
			if c >= 'A' && c <= 'Z' {
				if b == nil {
					b = append(make([]byte, 0, len(w)), w[:i]...)
				}
				c += 'a' - 'A'
			}
			if b != nil {
				b = append(b, c)
			}
		}
		if b == nil {
			return w
		}
		return string(b)
	}
	var sb strings.Builder
	for _, r := range norm.NFD.String(w) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case r == '\u2019' || r == '\u2018' || r == '`' || r == '\u02bc':
			sb.WriteByte('\'')
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013':
			sb.WriteByte('-')
		default:
			sb.WriteRune(unicode.ToLower(r))
		}
	}
	return sb.String()
}

// stripPossessive removes a trailing possessive ("Russia's", "Russians'",
// "Russia’s") and returns the stem and the number of bytes removed.
func stripPossessive(w string) (string, int) {
	if len(w) < 2 {
		return w, 0
	}
	switch w[len(w)-1] {
	case 's', 'S', '\'', 0x99: // 0x99 ends U+2019
	default:
		return w, 0
	}
	for _, suf := range []string{"'s", "\u2019s", "'S", "\u2019S"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)], len(suf)
		}
	}
	for _, suf := range []string{"'", "\u2019"} {
		if len(w) > len(suf)+1 && strings.HasSuffix(w, suf) && (w[len(w)-len(suf)-1] == 's' || w[len(w)-len(suf)-1] == 'S') {
			return w[:len(w)-len(suf)], len(suf)
		}
	}
	return w, 0
}

// isPossessiveToken reports whether a token is a detached possessive marker.
func isPossessiveToken(w string) bool {
	switch w {
	case "'s", "\u2019s", "'", "\u2019", "'S":
		return true
	}
	return false
}

// wordCase classifies the case of a text word.
func wordCase(w string) (startsUpper, allUpper bool) {
	if isASCII(w) {
		letters := 0
		allUpper = true
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case c >= 'A' && c <= 'Z':
				if letters == 0 {
					startsUpper = true
				}
				letters++
			case c >= 'a' && c <= 'z':
				letters++
				allUpper = false
			}
		}
		if letters == 0 {
			return false, false
		}
		return startsUpper, allUpper
	}
	letters := 0
	allUpper = true
	for i, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if letters == 0 {
			startsUpper = unicode.IsUpper(r)
			_ = i
		}
		letters++
		if !unicode.IsUpper(r) {
			allUpper = false
		}
	}
	if letters == 0 {
		return false, false
	}
	return startsUpper, allUpper
}

// aliasCase derives the case requirement of one alias word.
func aliasCase(w string) caseReq {
	if w == "The" {
		return caseAny // "The Hague", "The Gambia": the article may be lower case in text
	}
	if h := strings.IndexByte(w, '-'); h > 0 {
		switch strings.ToLower(w[:h]) {
		case "al", "el", "ad", "as", "ash", "ar", "at", "az", "an":
			return caseAny // "al-Qaeda" / "Al-Qaeda", "el-Sisi"
		}
	}
	start, all := wordCase(w)
	if !start {
		return caseAny
	}
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if all && letters <= 3 && letters >= 2 {
		return caseUpper
	}
	return caseTitle
}

func caseOK(req caseReq, startsUpper, allUpper bool) bool {
	switch req {
	case caseTitle:
		return startsUpper
	case caseUpper:
		return allUpper
	}
	return true
}

// Tokenize splits text into simple word tokens with byte spans: runs of
// letters and digits with word-internal dots, hyphens and apostrophes (so
// "U.S.", "al-Assad" and "Russia's" stay whole), every other non-space rune
// on its own. It is the tokenizer Lookup uses for phrases, and a fallback
// for callers without an NLP tokenizer; Scan accepts any tokenization with
// byte spans.
func Tokenize(text string) []doc.Token {
	toks := make([]doc.Token, 0, len(text)/5+1)
	splitWords(text, func(start, end int, spaceBefore bool) {
		if spaceBefore && len(toks) > 0 {
			toks[len(toks)-1].SpaceAfter = true
		}
		toks = append(toks, doc.Token{Span: doc.Span{Start: start, End: end}, Form: text[start:end], Head: -1})
	})
	if len(toks) > 0 && len(text) > toks[len(toks)-1].End {
		toks[len(toks)-1].SpaceAfter = true
	}
	return toks
}

// words splits s like Tokenize and returns the word strings only.
func words(s string) []string {
	out := make([]string, 0, 4)
	splitWords(s, func(start, end int, _ bool) { out = append(out, s[start:end]) })
	return out
}

// splitWords calls emit for each token of text with its byte range and
// whether whitespace precedes it.
func splitWords(text string, emit func(start, end int, spaceBefore bool)) {
	i := 0
	space := false
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			space = true
			i += n
			continue
		}
		start := i
		if isWordRune(r) {
			i += n
			for i < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[i:])
				if isWordRune(r2) {
					i += n2
					continue
				}
				if r2 == '.' || r2 == '-' || r2 == '\'' || r2 == '\u2019' || r2 == '&' {
					// keep when followed by a word rune ("U.S", "al-Assad", "Russia's")
					// or, for '.', when it closes an abbreviation like "U.S."
					if i+n2 < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[i+n2:])
						if isWordRune(r3) {
							i += n2
							continue
						}
					}
					if r2 == '.' && isAbbrev(text[start:i]) {
						i += n2
					}
					if (r2 == '\'' || r2 == '\u2019') && i > start && (text[i-1] == 's' || text[i-1] == 'S') {
						i += n2 // plural possessive "Russians'"
					}
				}
				break
			}
		} else {
			i += n
		}
		emit(start, i, space)
		space = false
	}
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isAbbrev reports whether w (without its final dot) looks like a dotted
// abbreviation ("U.S", "U.N") or a title abbreviation ("Gen", "Mr").
func isAbbrev(w string) bool {
	if strings.Contains(w, ".") {
		return true
	}
	switch w {
	case "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Sgt", "Capt", "Maj", "Adm", "Prof", "St", "Jr", "Sr":
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
