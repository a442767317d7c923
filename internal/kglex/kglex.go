// Package kglex holds the light lexical fallbacks shared by the
// knowledge-graph stages (timex, quotes, counts, tone, integrity): a word
// scanner with byte spans, a fallback sentence splitter for documents that
// arrive without sentences, capitalized-name spotting for documents without
// entities, and small closed word lists (nationalities, role nouns).
//
// Everything here is pure and allocation-light; the stages call it only when
// the richer annotations (tokens, entities) are absent.
package kglex

import (
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
)

// Word is one word of a sentence: letters/digits with internal
// apostrophes, hyphens, periods, commas (between digits), slashes and colons
// (between digits).
type Word struct {
	doc.Span
	Text string // as written
}

// IsUpper reports whether the word starts with an upper-case letter.
func (w Word) IsUpper() bool {
	r, _ := utf8.DecodeRuneInString(w.Text)
	return unicode.IsUpper(r)
}

// IsDigit reports whether the word starts with a digit.
func (w Word) IsDigit() bool { return w.Text != "" && w.Text[0] >= '0' && w.Text[0] <= '9' }

// Words scans text[sp.Start:sp.End] into words, appending to dst.
func Words(dst []Word, text string, sp doc.Span) []Word {
	if sp.Start < 0 {
		sp.Start = 0
	}
	if sp.End > len(text) {
		sp.End = len(text)
	}
	i := sp.Start
	for i < sp.End {
		if c := text[i]; c < utf8.RuneSelf && !asciiWord[c] {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:sp.End])
		if !isWordRune(r) {
			i += n
			continue
		}
		start := i
		i += n
		for i < sp.End {
			if c := text[i]; c < utf8.RuneSelf {
				if asciiWord[c] {
					i++
					continue
				}
				r, n = rune(c), 1
			} else {
				r, n = utf8.DecodeRuneInString(text[i:sp.End])
				if isWordRune(r) {
					i += n
					continue
				}
			}
			if isJoiner(r) && i+n < sp.End {
				r2, n2 := utf8.DecodeRuneInString(text[i+n : sp.End])
				prev, _ := utf8.DecodeLastRuneInString(text[start:i])
				if isWordRune(r2) && joinOK(r, prev, r2) {
					i += n + n2
					continue
				}
			}
			break
		}
		end := i
		// keep the final period of dotted abbreviations such as "U.S." or "a.m.".
		if end < sp.End && text[end] == '.' && hasInnerDot(text[start:end]) {
			end++
			i++
		}
		dst = append(dst, Word{Span: doc.Span{Start: start, End: end}, Text: text[start:end]})
	}
	return dst
}

func hasInnerDot(s string) bool {
	for i := 1; i < len(s)-1; i++ {
		if s[i] == '.' && !(s[i-1] >= '0' && s[i-1] <= '9') {
			return true
		}
	}
	return false
}

var asciiWord = func() (t [128]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = true
		t[c-'a'+'A'] = true
	}
	return t
}()

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',', '/', ':', '&':
		return true
	}
	return false
}

func joinOK(j, prev, next rune) bool {
	switch j {
	case ',', ':', '/':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	case '.':
		// 3.5, U.S, a.m — but not "end.Next" across a missing space with a capital after a long word
		return unicode.IsDigit(prev) && unicode.IsDigit(next) || unicode.IsLetter(prev) && unicode.IsLetter(next)
	}
	return true
}

// Sentences returns the sentence spans of d: d.Sentences when present, else a
// fallback split of d.Text (Split).
func Sentences(d *doc.Document) []doc.Span {
	if len(d.Sentences) > 0 {
		out := make([]doc.Span, len(d.Sentences))
		for i, s := range d.Sentences {
			out[i] = s.Span
		}
		return out
	}
	return Split(d.Text)
}

// EnsureSentences fills d.Sentences with the fallback split when empty.
func EnsureSentences(d *doc.Document) {
	if len(d.Sentences) > 0 {
		return
	}
	for _, sp := range Split(d.Text) {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp})
	}
}

var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "sen": true, "rep": true,
	"gov": true, "lt": true, "col": true, "sgt": true, "capt": true, "st": true, "jr": true, "sr": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true, "etc": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "mt": true, "ft": true, "pres": true, "adm": true, "maj": true,
	"rev": true, "gens": true, "reps": true, "sens": true, "cmdr": true, "supt": true, "lt.col": true,
}

// Split is a fallback sentence splitter: it breaks after . ! ? (and closing
// quotes or brackets that follow them) when whitespace and an upper-case
// letter, digit or opening quote come next, and at blank lines and single
// line breaks. Known abbreviations and single initials do not end sentences.
func Split(text string) []doc.Span {
	var out []doc.Span
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		e := end
		for e > start {
			r, n := utf8.DecodeLastRuneInString(text[start:e])
			if !unicode.IsSpace(r) {
				break
			}
			e -= n
		}
		if e > start {
			out = append(out, doc.Span{Start: start, End: e})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			emit(i)
			i += n
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			start = i
		}
		if r == '.' || r == '!' || r == '?' || r == '…' {
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '"' || r2 == '”' || r2 == '’' || r2 == '\'' || r2 == ')' || r2 == '.' || r2 == '!' || r2 == '?' {
					j += n2
					continue
				}
				break
			}
			if j < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[j:])
				if r2 == ' ' || r2 == '\t' {
					k := j
					for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
						k++
					}
					if k < len(text) {
						r3, _ := utf8.DecodeRuneInString(text[k:])
						if (unicode.IsUpper(r3) || unicode.IsDigit(r3) || r3 == '"' || r3 == '“' || r3 == '‘' || r3 == '(' || r3 == '\'') && !(r == '.' && isAbbrevBefore(text, start, i)) {
							emit(j)
							i = j
							continue
						}
					}
				}
			}
			i = j
			continue
		}
		i += n
	}
	emit(len(text))
	return out
}

func isAbbrevBefore(text string, start, dot int) bool {
	j := dot
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[start:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	w := text[j:dot]
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r) // initial: "George W. Bush"
	}
	if hasInnerDot(w + ".") {
		// U.S. at sentence end is ambiguous; treat "U.S." followed by a capital as an abbreviation
		return true
	}
	return abbrev[lowerASCII(w)]
}

// Lower returns an ASCII-lowercased copy of s when needed (non-ASCII runes
// are lowered with unicode.ToLower).
func Lower(s string) string { return lowerASCII(s) }

func lowerASCII(s string) string {
	need := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r == '’' {
			b = append(b, '\'')
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return string(b)
}

// EqualFold reports whether word equals lower (already lower-case ASCII),
// ignoring case, without allocating.
func EqualFold(word, lower string) bool {
	if len(word) != len(lower) {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != lower[i] {
			return false
		}
	}
	return true
}
