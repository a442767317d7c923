// Package clean turns raw article text or HTML into the cleaned body that
// every later stage annotates: page residue (share buttons, adverts, photo
// codes, cookie notices, calls to action) is dropped and recorded, the
// title and a dateline publication date are found, whitespace is
// normalized (paragraphs separated by a blank line) and the text is put in
// Unicode NFC. Curly quotes and all other characters are kept as written.
package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/eventwire/eventwire/internal/doc"
)

// Result is a cleaned document.
type Result struct {
	// Text is the cleaned body: NFC, paragraphs separated by "\n\n",
	// single spaces inside a paragraph, no leading or trailing spaces.
	Text  string
	Title string
	// TitleSpan is where the title is inside Text, when the title line is
	// part of the body (plain text), else nil.
	TitleSpan *doc.Span
	// Removed lists every dropped residue piece; spans are byte offsets
	// into the raw input (see HTML for the exception).
	Removed []doc.Removed
	// PubDate is YYYY-MM-DD when the page or a dateline gives it, else "".
	PubDate string
}

// Text cleans plain text that may keep page residue. Paragraphs are blocks
// separated by blank lines; hard-wrapped lines of a block are joined.
func Text(raw string) Result {
	return pass(raw, false)
}

// line is one input line: its trimmed extent in the raw input.
type line struct {
	start, end int
	why        string // non-empty for residue
}

// pass is the residue, paragraph and normalization pass shared by Text and
// HTML. With linePars every non-blank line is a paragraph of its own.
func pass(raw string, linePars bool) Result {
	var res Result
	lines := make([]line, 0, strings.Count(raw, "\n")+1)
	for i := 0; i <= len(raw); {
		e := strings.IndexByte(raw[i:], '\n')
		if e < 0 {
			e = len(raw)
		} else {
			e += i
		}
		s, t := trimSpace(raw, i, e)
		l := line{start: s, end: t}
		if t > s {
			l.why = residue(raw[s:t])
		}
		lines = append(lines, l)
		i = e + 1
	}

	// Group lines into paragraphs.
	var b strings.Builder
	b.Grow(len(raw))
	var paras []doc.Span // spans into the output
	var single []bool    // paragraph that is a whole block of one line
	block := make([]int, 0, 16)
	flushBlock := func() {
		if len(block) == 0 {
			return
		}
		maxLen := 0
		for _, li := range block {
			if n := lines[li].end - lines[li].start; n > maxLen {
				maxLen = n
			}
		}
		pstart := -1
		endPara := func() {
			if pstart < 0 {
				return
			}
			if b.Len() > pstart {
				paras = append(paras, doc.Span{Start: pstart, End: b.Len()})
				single = append(single, len(block) == 1)
			} else {
				trimBuilder(&b, pstart)
			}
			pstart = -1
		}
		for k, li := range block {
			l := lines[li]
			if pstart < 0 {
				if b.Len() > 0 {
					b.WriteString("\n\n")
				}
				pstart = b.Len()
			} else {
				b.WriteByte(' ')
			}
			writeNormalized(&b, raw[l.start:l.end])
			if k+1 < len(block) && (linePars || lineBreaksPara(raw[l.start:l.end], raw[lines[block[k+1]].start:], maxLen)) {
				endPara()
			}
		}
		endPara()
		block = block[:0]
	}
	for li, l := range lines {
		switch {
		case l.end == l.start:
			flushBlock()
		case l.why != "":
			flushBlock()
			res.Removed = append(res.Removed, doc.Removed{
				Span: doc.Span{Start: l.start, End: l.end},
				Text: raw[l.start:l.end],
				Why:  l.why,
			})
		default:
			block = append(block, li)
		}
	}
	flushBlock()

	text := b.String()
	if !isASCII(text) && !norm.NFC.IsNormalString(text) {
		// NFC may change lengths: rebuild the paragraph spans.
		parts := make([]string, len(paras))
		for i, p := range paras {
			parts[i] = norm.NFC.String(p.In(text))
		}
		text = strings.Join(parts, "\n\n")
		off := 0
		for i, p := range parts {
			paras[i] = doc.Span{Start: off, End: off + len(p)}
			off += len(p) + 2
		}
	}
	res.Text = text

	// Title: the first paragraph when it is a lone headline-like line.
	first := 0
	if len(paras) > 0 && single[0] && isHeadline(paras[0].In(text)) {
		sp := paras[0]
		res.TitleSpan = &sp
		res.Title = sp.In(text)
		first = 1
	}
	res.PubDate = datelineDate(text, paras, first)
	return res
}

// lineBreaksPara decides whether the line cur, inside a block of
// non-blank lines and followed by next, ends its paragraph. Long lines are
// unwrapped paragraphs; in hard-wrapped text a line much shorter than the
// block's width ends a paragraph, and so does a sentence end or a short
// unpunctuated line (a headline, a dateline) before a capitalised line.
func lineBreaksPara(cur, next string, maxLen int) bool {
	n := len(cur)
	if n > 100 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) {
		return false
	}
	if n*10 < maxLen*6 {
		return true
	}
	upper := unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«(", r)
	if !upper {
		return false
	}
	if endsSentence(cur) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(cur)
	return (unicode.IsLetter(last) || unicode.IsDigit(last)) && n*4 < maxLen*3
}

// writeNormalized writes s with whitespace runs folded to one space,
// invisible format characters and control characters dropped and invalid
// UTF-8 replaced by U+FFFD.
func writeNormalized(b *strings.Builder, s string) {
	space := false
	start := b.Len()
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c <= ' ' || c == 0x7f {
				if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
					space = true
				}
				continue
			}
			if space && b.Len() > start {
				b.WriteByte(' ')
			}
			space = false
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			r = '\uFFFD'
		case isSpace(r):
			space = true
			continue
		case isInvisible(r):
			continue
		}
		if space && b.Len() > start {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
}

// trimBuilder cuts b back to n bytes.
func trimBuilder(b *strings.Builder, n int) {
	s := b.String()[:n]
	s = strings.TrimRight(s, "\n")
	b.Reset()
	b.WriteString(s)
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r)
}

// isInvisible are format characters that carry no text: zero-width
// spaces and joiners, byte-order marks, soft hyphens, direction marks.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u200f':
		return true
	}
	return unicode.Is(unicode.Cc, r)
}

// trimSpace returns the extent of raw[s:e] without surrounding whitespace
// or invisible characters.
func trimSpace(raw string, s, e int) (int, int) {
	for s < e {
		c := raw[s]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				break
			}
			s++
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[s:e])
		if !isSpace(r) && !isInvisible(r) {
			break
		}
		s += size
	}
	for e > s {
		c := raw[e-1]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				break
			}
			e--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(raw[s:e])
		if !isSpace(r) && !isInvisible(r) {
			break
		}
		e -= size
	}
	return s, e
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isHeadline reports whether a lone first line looks like a title: short,
// capitalised, without a final period, and neither a bare date nor a
// byline.
func isHeadline(s string) bool {
	if len(s) < 4 || len(s) > 250 {
		return false
	}
	words := strings.Count(s, " ") + 1
	if words > 25 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘«", r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch last {
	case '.', ',', ';', ':':
		if !strings.HasSuffix(s, "...") {
			return false
		}
	}
	if hasPrefixFold(s, "by ") && words <= 6 {
		return false
	}
	if d := findDate(s); d.ok && d.end-d.start >= len(s)-12 {
		return false // a dateline on its own
	}
	return true
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}
