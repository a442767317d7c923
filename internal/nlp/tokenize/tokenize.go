// Package tokenize splits a sentence into syntactic words in the style of
// the Universal Dependencies English treebanks (EWT, GUM): clitics are
// split ("don't" → "do" "n't", "can't" → "ca" "n't", "gonna" → "gon" "na"),
// punctuation and currency signs stand alone ("$" "20"), hyphenated
// compounds are split around the hyphen, while abbreviations ("U.S.",
// "Mr."), numbers ("10,000", "3.5", "2015-11-24"), URLs and e-mail
// addresses stay whole.
//
// Every token carries its byte span into the text; Form is the surface
// text (a substring, no copy), Head is -1 and SpaceAfter tells whether
// whitespace follows.
package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/segment"
)

// Options that the UD evaluation measured; see EvalUD.
const (
	// splitHyphens splits "anti-war" into "anti" "-" "war", as EWT and GUM do.
	splitHyphens = true
)

// Tokens returns the tokens of the sentence s of text. A span outside the
// text is clipped to it.
func Tokens(text string, s doc.Span) []doc.Token {
	a, b := s.Start, s.End
	if a < 0 {
		a = 0
	}
	if b > len(text) {
		b = len(text)
	}
	if a >= b {
		return nil
	}
	out := make([]doc.Token, 0, (b-a)/5+3) // news text averages ~5 bytes a token
	i := a
	for i < b {
		// Skip whitespace.
		c := text[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c < 0x20 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:b]); isSpace(r) {
			i += size
			continue
		}
		e := i
		for e < b {
			c := text[e]
			if c < utf8.RuneSelf {
				if c <= ' ' {
					break
				}
				e++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[e:b])
			if isSpace(r) {
				break
			}
			e += size
		}
		n0 := len(out)
		last := skipSpaces(text, e, b) == b
		out = chunk(text, i, e, last, out)
		if len(out) > n0 {
			out[len(out)-1].SpaceAfter = e < len(text) && spaceAt(text, e)
		}
		i = e
	}
	return out
}

func tok(out []doc.Token, text string, a, b int) []doc.Token {
	return append(out, doc.Token{Span: doc.Span{Start: a, End: b}, Form: text[a:b], Head: -1})
}

// chunk tokenizes the whitespace-free text[a:b].
// last tells that the chunk ends the sentence: a word abbreviation then
// gives up its period ("etc ." as UD writes it), an initialism ("U.S.")
// keeps it.
func chunk(text string, a, b int, last bool, out []doc.Token) []doc.Token {
	// Fast path: a plain ASCII word, possibly followed by a comma.
	e := a
	for e < b && isAlnumByte(text[e]) {
		e++
	}
	if e == b {
		if e-a == 5 || e-a == 6 || bareContraction(text[a:b]) > 0 { // gonna, cannot, dont
			return core(text, a, b, out)
		}
		return tok(out, text, a, b)
	}
	if e == b-1 && e > a && text[e] == ',' && e-a != 5 && e-a != 6 {
		out = tok(out, text, a, e)
		return tok(out, text, e, b)
	}
	// A chunk that is a clitic on its own ("'s", "n't") stays whole.
	if isClitic(text[a:b]) {
		return tok(out, text, a, b)
	}
	// An emoticon, possibly followed by sentence punctuation (":-).").
	if n := emoticonLen(text[a:b]); n > 0 {
		out = tok(out, text, a, a+n)
		if a+n < b {
			out = tok(out, text, a+n, b)
		}
		return out
	}
	// Leading punctuation.
	for a < b {
		r, size := utf8.DecodeRuneInString(text[a:b])
		if !isLeading(r) {
			break
		}
		if (r == '\'' || r == '’') && a+size < b && isDigitByte(text[a+size]) {
			break // '90s
		}
		e := a + size
		if r == '-' || r == '.' || r == '–' || r == '—' || r == '*' {
			for e < b {
				r2, s2 := utf8.DecodeRuneInString(text[e:b])
				if r2 != r {
					break
				}
				e += s2
			}
		}
		out = tok(out, text, a, e)
		a = e
	}
	if a >= b {
		return out
	}
	// Trailing punctuation, collected right to left.
	var tail [12]doc.Span
	nt := 0
	for b > a && nt < len(tail) {
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if r == '.' {
			p := b - 1
			for p > a && text[p-1] == '.' {
				p--
			}
			if b-p == 1 && segment.KeepsPeriod(text[a:p]) && text[a:p] != "I" &&
				!(last && strings.IndexByte(text[a:p], '.') < 0) {
				break
			}
			if p == a { // only dots left
				break
			}
			tail[nt] = doc.Span{Start: p, End: b}
			nt++
			b = p
			continue
		}
		if !isTrailing(r) {
			break
		}
		p := b - size
		if r == '!' || r == '?' || r == '-' || r == '…' {
			for p > a {
				r2, s2 := utf8.DecodeLastRuneInString(text[a:p])
				if r2 != '!' && r2 != '?' && r2 != r {
					break
				}
				p -= s2
			}
		}
		if p == a {
			break // nothing but punctuation: let the core split it
		}
		tail[nt] = doc.Span{Start: p, End: b}
		nt++
		b = p
	}
	out = core(text, a, b, out)
	for k := nt - 1; k >= 0; k-- {
		out = tok(out, text, tail[k].Start, tail[k].End)
	}
	return out
}

// core tokenizes a word-like chunk without outer punctuation.
func core(text string, a, b int, out []doc.Token) []doc.Token {
	if a >= b {
		return out
	}
	w := text[a:b]
	if isURLOrEmail(w) {
		return tok(out, text, a, b)
	}
	// Clitics and fused forms split at the end of the word.
	if cut := cliticCut(w); cut > 0 {
		out = inner(text, a, a+cut, out)
		return tok(out, text, a+cut, b)
	}
	return inner(text, a, b, out)
}

// cliticCut returns where a clitic or the second half of a fused form
// starts in w, or 0.
func cliticCut(w string) int {
	n := len(w)
	if strings.IndexByte(w, '\'') < 0 && strings.IndexByte(w, 0xE2) < 0 {
		switch n {
		case 5:
			if equalFold(w, "gonna") || equalFold(w, "wanna") || equalFold(w, "gotta") {
				return 3
			}
		case 6:
			if equalFold(w, "cannot") {
				return 3
			}
		}
		return bareContraction(w)
	}
	// n't, n’t
	if n > 3 && hasSuffixFold(w, "n't") && isLetterByte(w[n-4]) {
		return n - 3
	}
	if n > 5 && strings.HasSuffix(w, "n’t") && isLetterByte(w[n-6]) {
		return n - 5
	}
	for _, suf := range [...]string{"'s", "'m", "'d", "'re", "'ve", "'ll"} {
		if n > len(suf) && hasSuffixFold(w, suf) && isLetterByte(w[n-len(suf)-1]) {
			return n - len(suf)
		}
	}
	for _, suf := range [...]string{"’s", "’m", "’d", "’re", "’ve", "’ll"} {
		if n > len(suf) && hasSuffixFold(w, suf) && isLetterByte(w[n-len(suf)-1]) {
			return n - len(suf)
		}
	}
	switch n {
	case 5:
		if equalFold(w, "gonna") || equalFold(w, "wanna") || equalFold(w, "gotta") {
			return 3
		}
	case 6:
		if equalFold(w, "cannot") {
			return 3
		}
	}
	return 0
}

func isClitic(w string) bool {
	switch len(w) {
	case 2, 3, 4, 5:
	default:
		return false
	}
	if c := w[0]; c != '\'' && c != 'n' && c != 'N' && c != 0xE2 {
		return false
	}
	if equalFold(w, "n't") || w == "n’t" {
		return true
	}
	for _, c := range [...]string{"'s", "'m", "'d", "'re", "'ve", "'ll", "’s", "’m", "’d", "’re", "’ve", "’ll"} {
		if equalFold(w, c) {
			return true
		}
	}
	return false
}

// inner splits text[a:b] at punctuation that is not part of a word,
// number, abbreviation or compound kept whole.
func inner(text string, a, b int, out []doc.Token) []doc.Token {
	ts := a
	prev := rune(-1)
	for x := a; x < b; {
		r, size := utf8.DecodeRuneInString(text[x:b])
		if isWordRune(r) {
			prev = r
			x += size
			continue
		}
		next := rune(-1)
		if x+size < b {
			next, _ = utf8.DecodeRuneInString(text[x+size : b])
		}
		if keepInside(text, ts, x, r, prev, next) {
			prev = r
			x += size
			continue
		}
		if x > ts {
			out = tok(out, text, ts, x)
		}
		e := x + size
		if r == '-' || r == '.' || r == '–' || r == '—' || r == '!' || r == '?' || r == '*' || r == '=' {
			for e < b {
				r2, s2 := utf8.DecodeRuneInString(text[e:b])
				if r2 != r {
					break
				}
				e += s2
			}
		}
		out = tok(out, text, x, e)
		ts = e
		prev = r
		x = e
	}
	if b > ts {
		out = tok(out, text, ts, b)
	}
	return out
}

// keepInside decides whether the punctuation r at x, between prev and
// next, stays inside the current word that started at ts.
func keepInside(text string, ts, x int, r, prev, next rune) bool {
	pd, nd := isDigit(prev), isDigit(next)
	pl, nl := isWordRune(prev), isWordRune(next)
	switch r {
	case '.':
		return pl && nl || segment.KeepsPeriod(text[ts:x]) // U.S, 3.5, example.com, U.S.-led
	case ',', ':':
		return pd && nd // 10,000 10:30
	case '-', '‑':
		if pd && nd {
			return true // 2015-11-24, phone numbers
		}
		if !splitHyphens {
			return pl && nl
		}
		if pl && nl && x-ts <= 7 && isHyphenPrefix(text[ts:x]) {
			return true // non-profit, anti-war, e-mail
		}
		return false
	case '/':
		return pd && nd // 11/24/2015, 1/2
	case '\'', '’':
		return pl && nl && unicode.IsLetter(prev) && unicode.IsLetter(next) // O'Brien
	case '&':
		return pl && nl && x-ts <= 3 // AT&T, a&m
	case '$', '€', '£', '¥':
		return false // "$" "20", as EWT and GUM split a currency sign from its amount
	case '@':
		return nl
	case '_':
		return true
	}
	return false
}

// hyphenPrefixes are the prefixes that EWT and GUM keep attached to the
// word after the hyphen (measured on their training sets).
var hyphenPrefixes = [...]string{"e", "non", "pre", "anti", "re", "mid", "post", "co", "pro",
	"multi", "cross", "counter", "ex", "sub", "semi"}

func isHyphenPrefix(w string) bool {
	for _, p := range hyphenPrefixes {
		if equalFold(w, p) {
			return true
		}
	}
	return false
}

func skipSpaces(text string, i, b int) int {
	for i < b && spaceAt(text, i) {
		if text[i] < utf8.RuneSelf {
			i++
		} else {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
	}
	return i
}

func isURLOrEmail(w string) bool {
	if strings.Contains(w, "://") || hasPrefixFold(w, "www.") {
		return true
	}
	if at := strings.IndexByte(w, '@'); at > 0 && strings.IndexByte(w[at:], '.') > 1 {
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isLeading(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '¿', '¡', '„', '`', '-', '–', '—', '*', '•', '.', '…', '<', '~':
		return true
	}
	return false
}

func isTrailing(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', ',', ';', ':', '!', '?', '…', '-', '–', '—', '*', '>', '%':
		return true
	}
	return false
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

func spaceAt(text string, i int) bool {
	c := text[i]
	if c < utf8.RuneSelf {
		return c <= ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isSpace(r)
}

// hasSuffixFold reports whether w ends with the ASCII-lowercase suffix,
// ignoring ASCII case.
func hasSuffixFold(w, suf string) bool {
	if len(w) < len(suf) {
		return false
	}
	return equalFold(w[len(w)-len(suf):], suf)
}

func hasPrefixFold(w, pre string) bool {
	return len(w) >= len(pre) && equalFold(w[:len(pre)], pre)
}

// equalFold compares ASCII case-insensitively (other bytes exactly).
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if y >= 'A' && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

var emoticons = []string{
	":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", "^_^",
	":)", ":(", ":D", ":P", ":p", ":/", ";)", "=)", "=(", ":]", ":[", "<3", ":o", ":O", "XD", "^^",
}

// emoticonLen returns the length of the emoticon that w is, or that w
// starts with when only sentence punctuation follows it; else 0.
func emoticonLen(w string) int {
	for _, e := range emoticons {
		rest, ok := strings.CutPrefix(w, e)
		if !ok {
			continue
		}
		if e == "XD" || e == ":/" || e == "<3" {
			if rest != "" {
				continue // "XDR", "://", "<3x"
			}
		}
		if strings.Trim(rest, ".!?,") == "" {
			return len(e)
		}
	}
	return 0
}

// bareContractions are contractions written without their apostrophe, as
// in informal web text, with where UD cuts them ("dont" = "do" + "nt").
// Forms that are also common words ("its", "lets", "ill", "well", "wont")
// are left alone.
var bareContractions = map[string]int{
	"dont": 2, "didnt": 3, "doesnt": 4, "isnt": 2, "wasnt": 3, "arent": 3, "werent": 4,
	"havent": 4, "hasnt": 3, "hadnt": 3, "couldnt": 5, "shouldnt": 6, "wouldnt": 5, "cant": 2,
	"im": 1, "ive": 1, "thats": 4, "whats": 4, "youre": 3, "theyre": 4,
}

// bareContraction returns where the second part of a bare contraction
// starts in w (any letter case), or 0.
func bareContraction(w string) int {
	if len(w) < 2 || len(w) > 8 {
		return 0
	}
	var buf [8]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return bareContractions[string(buf[:len(w)])]
}
