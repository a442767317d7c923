package tokenize

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// UDSentence is a gold sentence: its raw text and the byte spans of its
// syntactic words in that text.
type UDSentence struct {
	Text  string
	Words []doc.Span
	Line  int
}

// ReadUD reads the "# text" and the word lines of a CoNLL-U file and
// aligns every syntactic word to the raw text. A multiword token whose
// words spell its surface ("don't" = "do" + "n't") is cut at the word
// boundaries; otherwise ("its" = "it" + "s" is fine, "du" + "n" + "no" for
// "dunno" too) it is cut by word lengths, and when even that fails the
// whole token counts as one word.
func ReadUD(path string) ([]UDSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("tokenize: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	var out []UDSentence
	var cur UDSentence
	var pos int    // cursor in cur.Text
	var mwtEnd int // last word id covered by the open multiword token
	var mwtSpan doc.Span
	var mwtForms []string
	line := 0
	fail := func(msg string) error { return fmt.Errorf("%s:%d: %s", path, line, msg) }
	flush := func() {
		if cur.Text != "" {
			out = append(out, cur)
		}
		cur, pos, mwtEnd = UDSentence{}, 0, 0
	}
	find := func(form string) (doc.Span, error) {
		for pos < len(cur.Text) && (cur.Text[pos] == ' ' || cur.Text[pos] == '\t') {
			pos++
		}
		if strings.HasPrefix(cur.Text[pos:], form) {
			s := doc.Span{Start: pos, End: pos + len(form)}
			pos += len(form)
			return s, nil
		}
		// Tolerate forms written differently from the text: search ahead.
		if k := strings.Index(cur.Text[pos:], form); k >= 0 && k < 8 {
			s := doc.Span{Start: pos + k, End: pos + k + len(form)}
			pos = s.End
			return s, nil
		}
		return doc.Span{}, fail(fmt.Sprintf("word %q not found in text at %d", form, pos))
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "# text =") {
			cur.Text = strings.TrimSpace(strings.TrimPrefix(l, "# text ="))
			cur.Line = line
			continue
		}
		if l[0] == '#' {
			continue
		}
		cols := strings.SplitN(l, "\t", 3)
		if len(cols) < 2 {
			return nil, fail("malformed word line")
		}
		id, form := cols[0], cols[1]
		if strings.Contains(id, ".") {
			continue // empty node
		}
		if lo, hi, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(lo)
			last, err2 := strconv.Atoi(hi)
			if err1 != nil || err2 != nil || last < first {
				return nil, fail("bad multiword id " + id)
			}
			s, err := find(form)
			if err != nil {
				return nil, err
			}
			mwtEnd, mwtSpan, mwtForms = last, s, mwtForms[:0]
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil {
			return nil, fail("bad word id " + id)
		}
		if n <= mwtEnd {
			mwtForms = append(mwtForms, form)
			if n == mwtEnd {
				cur.Words = append(cur.Words, splitMWT(cur.Text, mwtSpan, mwtForms)...)
				mwtEnd = 0
			}
			continue
		}
		s, err := find(form)
		if err != nil {
			return nil, err
		}
		cur.Words = append(cur.Words, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, line, err)
	}
	flush()
	return out, nil
}

func splitMWT(text string, s doc.Span, forms []string) []doc.Span {
	total := 0
	for _, f := range forms {
		total += len(f)
	}
	if total != s.Len() {
		return []doc.Span{s}
	}
	out := make([]doc.Span, 0, len(forms))
	p := s.Start
	for _, f := range forms {
		out = append(out, doc.Span{Start: p, End: p + len(f)})
		p += len(f)
	}
	return out
}

// EvalUD scores Tokens against the gold syntactic words of a CoNLL-U file,
// sentence by sentence on the raw "# text": a token is a true positive when
// its span equals a gold word's span.
func EvalUD(conlluPath string) ([]metric.Metric, error) {
	ss, err := ReadUD(conlluPath)
	if err != nil {
		return nil, err
	}
	c := Score(ss)
	set := "ud/" + strings.TrimSuffix(baseName(conlluPath), ".conllu")
	return c.Metrics(set, "token"), nil
}

// Score counts exact token-span matches over gold sentences.
func Score(ss []UDSentence) metric.PRF {
	var c metric.PRF
	for _, s := range ss {
		pred := Tokens(s.Text, doc.Span{Start: 0, End: len(s.Text)})
		tp := 0
		for i, j := 0, 0; i < len(pred) && j < len(s.Words); {
			p, g := pred[i].Span, s.Words[j]
			switch {
			case p == g:
				tp++
				i++
				j++
			case p.Start < g.Start || p.Start == g.Start && p.End < g.End:
				i++
			default:
				j++
			}
		}
		c.TP += tp
		c.FP += len(pred) - tp
		c.FN += len(s.Words) - tp
	}
	return c
}

func baseName(p string) string {
	if k := strings.LastIndexAny(p, `/\`); k >= 0 {
		return p[k+1:]
	}
	return p
}
