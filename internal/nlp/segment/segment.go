// Package segment splits cleaned news text into sentences with a
// rule-based scanner tuned for English news: abbreviations and initials,
// quotes closing a sentence, ellipses, decimal numbers, URLs and headlines
// without final punctuation (a paragraph break always ends a sentence).
//
// Sentences returns byte spans into the text; spans never include the
// surrounding whitespace, are ordered and never overlap.
package segment

import (
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
)

// Sentences returns the sentence spans of text.
func Sentences(text string) []doc.Span {
	out := make([]doc.Span, 0, len(text)/120+1)
	for _, p := range Paragraphs(text) {
		out = paragraph(text, p.Start, p.End, out)
	}
	return out
}

// Paragraphs returns the spans of text's paragraphs: stretches separated
// by a newline, optional blanks and another newline, without surrounding
// whitespace (empty ones left out).
func Paragraphs(text string) []doc.Span {
	var out []doc.Span
	add := func(a, b int) {
		for a < b && isASCIISpace(text[a]) {
			a++
		}
		for b > a && isASCIISpace(text[b-1]) {
			b--
		}
		if b > a {
			out = append(out, doc.Span{Start: a, End: b})
		}
	}
	n := len(text)
	pstart := 0
	for i := 0; i < n; i++ {
		if text[i] != '\n' {
			continue
		}
		j := i + 1
		for j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
			j++
		}
		if j < n && text[j] == '\n' {
			add(pstart, i)
			for j < n && isASCIISpace(text[j]) {
				j++
			}
			pstart = j
			i = j - 1
		}
	}
	add(pstart, n)
	return out
}

// paragraph appends the sentences of text[a:b].
func paragraph(text string, a, b int, out []doc.Span) []doc.Span {
	s := skipSpace(text, a, b)
	for i := s; i < b; {
		c := text[i]
		switch {
		case c == '.' || c == '!' || c == '?':
		case c == 0xE2 && i+2 < b && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
		default:
			i++
			continue
		}
		// Consume the run of terminators and closing marks.
		j := i
		strong, dots := false, 0
		for j < b {
			d := text[j]
			if d == '.' {
				dots++
				j++
				continue
			}
			if d == '!' || d == '?' {
				strong = true
				j++
				continue
			}
			if d == 0xE2 && j+2 < b && text[j+1] == 0x80 && text[j+2] == 0xA6 {
				dots += 3
				j += 3
				continue
			}
			if w := closerLen(text, j, b); w > 0 {
				j += w
				continue
			}
			break
		}
		if j < b && !isSpaceAt(text, j, b) {
			i = j
			continue
		}
		k := skipSpace(text, j, b)
		// A citation mark after the end belongs to the sentence: "… species. [10]"
		if c := citationEnd(text, k, b); c > 0 {
			j = c
			k = skipSpace(text, j, b)
		}
		if k >= b {
			break // paragraph end closes the sentence below
		}
		if boundary(text, s, i, j, k, b, strong, dots) {
			out = append(out, doc.Span{Start: s, End: trimEnd(text, s, j)})
			s = k
		}
		i = k
	}
	if e := trimEnd(text, s, b); e > s {
		out = append(out, doc.Span{Start: s, End: e})
	}
	return out
}

// boundary decides whether the terminator run text[i:j], followed by the
// next word at k, ends the sentence that started at s.
func boundary(text string, s, i, j, k, b int, strong bool, dots int) bool {
	next := startClass(text, k, b)
	if strong {
		// "?" or "!": a lowercase continuation is a quoted question inside
		// the sentence ("Why?" he asked) only when a quote closed it.
		if next == startLower {
			return lowerAfterStrong && !closedByQuote(text, i, j)
		}
		return next != startNone
	}
	if dots >= 2 { // ellipsis
		return next == startUpper
	}
	if next == startNone {
		return false
	}
	// A single period: look at the word before it.
	ws := i
	for ws > s {
		c, size := utf8.DecodeLastRuneInString(text[s:ws])
		if isSpaceRune(c) {
			break
		}
		ws -= size
	}
	// Strip opening punctuation from the word.
	for ws < i {
		c, size := utf8.DecodeRuneInString(text[ws:i])
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			break
		}
		ws += size
	}
	w := text[ws:i]
	if w == "" {
		return true
	}
	if (closedByQuote(text, i, j) || j > i+1 && text[i+1] == ')') && next != startLower {
		// The period sits inside a quote or parenthesis: a real end.
		return true
	}
	if ws == s && isListMarker(w) {
		return false // "1." or "a." opening a list item
	}
	kind := abbrevKind(w)
	if next == startLower {
		// Informal text starts sentences in lowercase; news does so only
		// after an abbreviation ("U.S. officials", "5 p.m. on").
		return lowerAfterPeriod && kind == abbrNone && len(w) > 1 && isLowerWord(w)
	}
	nextWord := wordAt(text, k, b)
	switch kind {
	case abbrTitle:
		return false
	case abbrNumber:
		if next == startDigit {
			return false
		}
		return isStarter(nextWord)
	case abbrMonth:
		if next == startDigit {
			return false
		}
		return isStarter(nextWord)
	case abbrOther:
		return isStarter(nextWord)
	}
	return true
}

type startKind int

const (
	startNone startKind = iota
	startUpper
	startLower
	startDigit
	startOther
)

// startClass classifies the sentence start at k, looking through opening
// quotes and brackets.
func startClass(text string, k, b int) startKind {
	for k < b {
		r, size := utf8.DecodeRuneInString(text[k:b])
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			return startUpper
		case r == 'i' && (k+1 >= b || text[k+1] == ' ' || text[k+1] == '\''):
			return startUpper // the pronoun "i" of informal text
		case unicode.IsLower(r):
			return startLower
		case unicode.IsDigit(r):
			return startDigit
		case isOpener(r):
			k += size
			continue
		case unicode.IsLetter(r): // scripts without case
			return startUpper
		case r == '-' || r == '•' || r == '*' || r == '@' || r == '#' || r == '$' || r == '€' || r == '£' || r == '–' || r == '—':
			return startOther
		default:
			return startNone
		}
	}
	return startNone
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '¿', '¡', '„':
		return true
	}
	return false
}

// closerLen returns the byte length of a closing quote or bracket at j.
func closerLen(text string, j, b int) int {
	switch text[j] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0xE2:
		if j+2 < b && text[j+1] == 0x80 {
			switch text[j+2] {
			case 0x9D, 0x99, 0xBA: // ” ’ ›
				return 3
			}
		}
	case 0xC2:
		if j+1 < b && text[j+1] == 0xBB { // »
			return 2
		}
	}
	return 0
}

func closedByQuote(text string, i, j int) bool {
	for p := i; p < j; p++ {
		switch text[p] {
		case '"', '\'':
			return true
		case 0xE2:
			if p+2 < j && text[p+1] == 0x80 && (text[p+2] == 0x9D || text[p+2] == 0x99) {
				return true
			}
		case 0xC2:
			if p+1 < j && text[p+1] == 0xBB {
				return true
			}
		}
	}
	return false
}

func isListMarker(w string) bool {
	if len(w) == 1 {
		return true
	}
	if len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// wordAt returns the letters of the word starting at k (after openers).
func wordAt(text string, k, b int) string {
	for k < b {
		r, size := utf8.DecodeRuneInString(text[k:b])
		if !isOpener(r) {
			break
		}
		k += size
	}
	e := k
	for e < b {
		r, size := utf8.DecodeRuneInString(text[e:b])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	return text[k:e]
}

func skipSpace(text string, i, b int) int {
	for i < b {
		if isASCIISpace(text[i]) {
			i++
			continue
		}
		if text[i] < utf8.RuneSelf {
			return i
		}
		r, size := utf8.DecodeRuneInString(text[i:b])
		if !isSpaceRune(r) {
			return i
		}
		i += size
	}
	return i
}

func trimEnd(text string, s, e int) int {
	for e > s {
		if isASCIISpace(text[e-1]) {
			e--
			continue
		}
		if text[e-1] < utf8.RuneSelf {
			return e
		}
		r, size := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpaceRune(r) {
			return e
		}
		e -= size
	}
	return e
}

func isSpaceAt(text string, j, b int) bool {
	if isASCIISpace(text[j]) {
		return true
	}
	if text[j] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[j:b])
	return isSpaceRune(r)
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// citationEnd returns the end of a bracketed reference mark ("[10]",
// "[1 - 3]", "[4, 7]") starting at k, or 0.
func citationEnd(text string, k, b int) int {
	if k >= b || text[k] != '[' {
		return 0
	}
	digits := 0
	for p := k + 1; p < b && p < k+16; p++ {
		switch c := text[p]; {
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == ',' || c == '-':
		case c == 0xE2 && p+2 < b && text[p+1] == 0x80 && text[p+2] == 0x93: // –
			p += 2
		case c == ']':
			if digits > 0 {
				return p + 1
			}
			return 0
		default:
			return 0
		}
	}
	return 0
}

// isLowerWord reports whether w is an ordinary lowercase word (letters,
// apostrophes and hyphens, first letter lowercase).
func isLowerWord(w string) bool {
	for i, r := range w {
		switch {
		case unicode.IsLower(r):
		case i > 0 && (unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-'):
		default:
			return false
		}
	}
	return true
}
