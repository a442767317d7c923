package resolve

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// conflibertSentence is one sentence of the ConfliBERT CAMEO actor set:
// its text (tokens joined by single spaces) and its gold actor spans.
type conflibertSentence struct {
	text  string
	spans []doc.Span
}

// readConfliBERTNER reads cameo_ner/train.txt: "token tag" lines, a blank
// line between sentences, tags B-/I- S (source), T (target), R (both).
func readConfliBERTNER(path string) ([]conflibertSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []conflibertSentence
	var sb strings.Builder
	var cur conflibertSentence
	open := -1 // start of the span being read
	openTag := ""
	closeSpan := func() {
		if open >= 0 {
			cur.spans = append(cur.spans, doc.Span{Start: open, End: sb.Len()})
			open, openTag = -1, ""
		}
	}
	flush := func() {
		closeSpan()
		if sb.Len() > 0 {
			cur.text = sb.String()
			out = append(out, cur)
		}
		sb.Reset()
		cur = conflibertSentence{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i <= 0 {
			return nil, fmt.Errorf("%s:%d: want \"token tag\", got %q", path, n, line)
		}
		tok, tag := line[:i], line[i+1:]
		if tag != "O" && !(len(tag) == 3 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && strings.ContainsRune("STR", rune(tag[2]))) {
			return nil, fmt.Errorf("%s:%d: unknown tag %q", path, n, tag)
		}
		// a new span starts at B-, at I- of another kind, or at I- after O
		if tag == "O" || tag[0] == 'B' || tag[2:] != openTag {
			closeSpan()
		}
		if sb.Len() > 0 {
			sb.WriteByte(' ')
		}
		if tag != "O" && open < 0 {
			open, openTag = sb.Len(), tag[2:]
		}
		sb.WriteString(tok)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	flush()
	return out, nil
}

// EvalConfliBERTActors measures actor spotting on the ConfliBERT CAMEO
// actor spans (dir/cameo_ner/train.txt: the source and target actors of
// each sentence's event). annotate runs the pipeline up to and including
// actor resolution on a document holding one sentence. Predicted actors are
// the mentions with an actor code plus the dictionary's generic agents
// ("a Swiss court"); gold spans name only the event's participants, so
// precision is a lower bound. Metrics: actors.overlap.* (a gold span is
// found when a predicted actor overlaps it) and actors.head.recall (the
// gold span's last word is inside a predicted actor).
func EvalConfliBERTActors(dir string, annotate func(*doc.Document)) ([]metric.Metric, error) {
	path := filepath.Join(dir, "cameo_ner", "train.txt")
	sents, err := readConfliBERTNER(path)
	if err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: no sentences", path)
	}
	const set = "conflibert_cameo"
	dict := actors.Default()
	var overlap metric.PRF
	var head metric.PRF
	for _, s := range sents {
		d := &doc.Document{Text: s.text, PubDate: ""}
		annotate(d)
		var pred []doc.Span
		for _, e := range d.Entities {
			if e.Actor != "" {
				pred = append(pred, e.Span)
			}
		}
		for _, sen := range d.Sentences {
			for _, m := range dict.Scan(d.Text, sen.Tokens, d.PubDate) {
				if m.Code != "" && m.Kind == actors.KindAgent {
					pred = append(pred, m.Span)
				}
			}
		}
		pred = mergeSpans(pred)
		for _, g := range s.spans {
			hit, headHit := false, false
			lastWord := g.Start + strings.LastIndexByte(s.text[g.Start:g.End], ' ') + 1
			for _, p := range pred {
				if p.Overlaps(g) {
					hit = true
				}
				if p.Start <= lastWord && p.End > lastWord {
					headHit = true
				}
			}
			if hit {
				overlap.TP++
			} else {
				overlap.FN++
			}
			if headHit {
				head.TP++
			} else {
				head.FN++
			}
		}
		for _, p := range pred {
			hit := false
			for _, g := range s.spans {
				if p.Overlaps(g) {
					hit = true
					break
				}
			}
			if !hit {
				overlap.FP++
			}
		}
	}
	out := overlap.Metrics(set, "actors.overlap")
	out = append(out, metric.Metric{Set: set, Name: "actors.head.recall", Value: head.Recall(), N: head.TP + head.FN,
		Note: "gold span's last word inside a predicted actor"})
	return out, nil
}

// mergeSpans drops spans contained in another.
func mergeSpans(ss []doc.Span) []doc.Span {
	var out []doc.Span
	for i, a := range ss {
		inside := false
		for j, b := range ss {
			if i != j && b.Start <= a.Start && b.End >= a.End && (b != a || j < i) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, a)
		}
	}
	return out
}
