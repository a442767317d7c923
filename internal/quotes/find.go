package quotes

import (
	"unicode"
	"unicode/utf8"
)

// mark is one quoted stretch found by scan: open and close are the byte
// offsets of the quotation marks (close = -1 when the quote was left open
// and ends at the paragraph end, closeEnd then equals the paragraph end).
type mark struct {
	open, openEnd   int // the opening mark [open, openEnd)
	close, closeEnd int // the closing mark [close, closeEnd); close == closeEnd when unclosed
	single          bool
	closed          bool
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func runeBefore(text string, i int) rune {
	if i <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return r
}

func runeAt(text string, i int) rune {
	if i >= len(text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// paraEnd returns the offset of the next paragraph break (a blank line, or
// any line break) at or after i, or len(text).
func paraEnd(text string, i int) int {
	for j := i; j < len(text); j++ {
		if text[j] == '\n' {
			return j
		}
	}
	return len(text)
}

func openerContext(r rune) bool {
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–' || r == '-' || r == ':' || r == ','
}

// scan finds double-quoted stretches (curly or straight, a quote left open
// at a line break ends there) and, outside them, single-quoted stretches
// (‘…’ or '…') that open after a space and close before a non-letter.
func scan(text string) []mark {
	var out []mark
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '“' || r == '"' && openerContext(runeBefore(text, i)) && !unicode.IsSpace(runeAt(text, i+n)) || r == '„' || r == '«':
			m := mark{open: i, openEnd: i + n}
			pe := paraEnd(text, i+n)
			j := i + n
			for j < pe {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '”' || r2 == '»' || r2 == '"' && r != '“' || r2 == '"' && r == '“' && !isLetterOrDigit(runeAt(text, j+n2)) {
					m.close, m.closeEnd, m.closed = j, j+n2, true
					break
				}
				if r2 == '“' && j > i+n {
					// a new opening before any close: the first quote was left open
					break
				}
				j += n2
			}
			if !m.closed {
				m.close, m.closeEnd = j, j
			}
			out = append(out, m)
			if m.closed {
				i = m.closeEnd
			} else {
				i = j
			}
			continue
		case (r == '‘' || r == '\'') && openerContext(runeBefore(text, i)) && isLetterOrDigit(runeAt(text, i+n)):
			pe := paraEnd(text, i+n)
			j := i + n
			found := false
			for j < pe && j-i < 400 {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if (r2 == '’' || r2 == '\'') && !isLetterOrDigit(runeAt(text, j+n2)) && !unicode.IsSpace(runeBefore(text, j)) && runeBefore(text, j) != 's' {
					out = append(out, mark{open: i, openEnd: i + n, close: j, closeEnd: j + n2, single: true, closed: true})
					found = true
					i = j + n2
					break
				}
				if r2 == '“' || r2 == '"' {
					break
				}
				j += n2
			}
			if found {
				continue
			}
		}
		i += n
	}
	return out
}
