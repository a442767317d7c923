package segment

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// UDText rebuilds running text from the "# text" lines of a CoNLL-U file:
// paragraphs ("# newpar", "# newdoc") are separated by a blank line,
// sentences within a paragraph by a single space. It returns the text and
// the gold sentence spans.
func UDText(conlluPath string) (string, []doc.Span, error) {
	f, err := os.Open(conlluPath)
	if err != nil {
		return "", nil, fmt.Errorf("segment: %w", err)
	}
	defer f.Close()
	var b strings.Builder
	var gold []doc.Span
	brk := false
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if !strings.HasPrefix(l, "#") {
			continue
		}
		switch {
		case l == "# newpar" || strings.HasPrefix(l, "# newpar ") ||
			l == "# newdoc" || strings.HasPrefix(l, "# newdoc "):
			brk = true
		case strings.HasPrefix(l, "# text ="):
			t := strings.TrimSpace(strings.TrimPrefix(l, "# text ="))
			if t == "" {
				return "", nil, fmt.Errorf("%s:%d: empty # text", conlluPath, line)
			}
			if b.Len() > 0 {
				if brk {
					b.WriteString("\n\n")
				} else {
					b.WriteByte(' ')
				}
			}
			brk = false
			start := b.Len()
			b.WriteString(t)
			gold = append(gold, doc.Span{Start: start, End: b.Len()})
		}
	}
	if err := sc.Err(); err != nil {
		return "", nil, fmt.Errorf("%s:%d: %w", conlluPath, line, err)
	}
	return b.String(), gold, nil
}

// EvalUD scores Sentences against the gold sentences of a CoNLL-U file: a
// predicted sentence is a true positive when both of its boundaries match
// a gold sentence.
func EvalUD(conlluPath string) (metric.PRF, error) {
	text, gold, err := UDText(conlluPath)
	if err != nil {
		return metric.PRF{}, err
	}
	return Score(Sentences(text), gold), nil
}

// Score counts exact span matches between predicted and gold sentences.
func Score(pred, gold []doc.Span) metric.PRF {
	g := make(map[doc.Span]struct{}, len(gold))
	for _, s := range gold {
		g[s] = struct{}{}
	}
	var c metric.PRF
	for _, s := range pred {
		if _, ok := g[s]; ok {
			c.TP++
			delete(g, s)
		} else {
			c.FP++
		}
	}
	c.FN = len(g)
	return c
}
