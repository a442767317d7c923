package coder

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// ConfliClass is a ConfliBERT CAMEO sentence class (the Phoenix quad
// classes with a separate neutral class): 0 neutral (roots 01-02), 1
// verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal
// conflict (09-13, 16), 4 material conflict (14-15, 17-20).
type ConfliClass int

// ConfliClassOf maps a CAMEO root to its ConfliBERT class (-1 when the
// root is not one of 01-20).
func ConfliClassOf(r cameo.Root) ConfliClass {
	n, err := strconv.Atoi(string(r))
	if err != nil {
		return -1
	}
	switch {
	case n >= 1 && n <= 2:
		return 0
	case n >= 3 && n <= 5:
		return 1
	case n >= 6 && n <= 8:
		return 2
	case n >= 9 && n <= 13 || n == 16:
		return 3
	case n == 14 || n == 15 || n >= 17 && n <= 20:
		return 4
	}
	return -1
}

// ConfliSentence is one labelled sentence of the ConfliBERT cameo_class set.
type ConfliSentence struct {
	Text  string
	Class ConfliClass
	Line  int
}

// ReadConfliClass reads a cameo_class TSV file (sentence TAB label 0-4,
// CRLF or LF line endings, no header).
func ReadConfliClass(path string) ([]ConfliSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conflibert: %w", err)
	}
	defer f.Close()
	var out []ConfliSentence
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		i := strings.LastIndexByte(line, '\t')
		if i < 0 {
			return nil, fmt.Errorf("conflibert: %s:%d: no TAB before the label", path, n)
		}
		lab, err := strconv.Atoi(strings.TrimSpace(line[i+1:]))
		if err != nil || lab < 0 || lab > 4 {
			return nil, fmt.Errorf("conflibert: %s:%d: label %q is not 0-4", path, n, line[i+1:])
		}
		out = append(out, ConfliSentence{Text: strings.TrimSpace(line[:i]), Class: ConfliClass(lab), Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conflibert: %s: %w", path, err)
	}
	return out, nil
}

// MainEvent returns the index in d.Events of the event that stands for the
// document's (sentence's) main happening: the one whose trigger is highest
// in the dependency tree, ties to the more confident and then the earlier
// one. -1 when d has no event.
func MainEvent(d *doc.Document) int {
	best, bestDepth := -1, 0
	for i := range d.Events {
		e := &d.Events[i]
		dep := triggerDepth(d, e)
		if best < 0 || dep < bestDepth || dep == bestDepth && e.Confidence > d.Events[best].Confidence {
			best, bestDepth = i, dep
		}
	}
	return best
}

func triggerDepth(d *doc.Document, e *doc.Event) int {
	if e.Sentence < 0 || e.Sentence >= len(d.Sentences) {
		return 1 << 20
	}
	toks := d.Sentences[e.Sentence].Tokens
	for i := range toks {
		if toks[i].Span == e.Trigger {
			dep := 0
			for h := toks[i].Head; h >= 0 && h < len(toks) && dep < len(toks); h = toks[h].Head {
				dep++
			}
			return e.Sentence<<10 + dep
		}
	}
	return e.Sentence<<10 + 1<<9
}

// EvalConfliBERT scores the coder's sentence classification on the
// ConfliBERT CAMEO class set under dir (data/gold/conflibert_cameo):
// each sentence is annotated (sentences, parse, entities, ...) by annotate,
// coded with the project's actor dictionary, and its class is the class of
// its main event's root (MainEvent); a sentence without any event falls
// back to the class of its main trigger (Coder.Classify), and to neutral
// (0) when it has none. Reports accuracy, macro-F1 and per-class F1, plus
// the coverage (share of sentences with a coded event).
func EvalConfliBERT(dir string, annotate func(*doc.Document)) ([]metric.Metric, error) {
	if annotate == nil {
		return nil, fmt.Errorf("conflibert: an annotate function is required (the set has no parses)")
	}
	recs, err := ReadConfliClass(filepath.Join(dir, "cameo_class", "train.tsv"))
	if err != nil {
		return nil, err
	}
	if err := actors.DefaultErr(); err != nil {
		return nil, fmt.Errorf("conflibert: actor dictionary: %w", err)
	}
	c, err := New(actors.Default())
	if err != nil {
		return nil, err
	}
	gold := make([]ConfliClass, len(recs))
	pred := make([]ConfliClass, len(recs))
	covered := 0
	for i, r := range recs {
		d := &doc.Document{ID: fmt.Sprintf("conflibert-%d", r.Line), Text: r.Text, Lang: "en"}
		annotate(d)
		c.Code(d)
		gold[i] = r.Class
		pred[i] = 0
		if m := MainEvent(d); m >= 0 {
			covered++
			pred[i] = ConfliClassOf(d.Events[m].Root)
		} else if root, ok := c.Classify(d); ok {
			pred[i] = ConfliClassOf(root)
		}
	}
	const set = "conflibert/cameo_class"
	out := ClassMetrics(set, gold, pred, 5)
	out = append(out, metric.Metric{Set: set, Name: "events.coverage", Value: ratio(covered, len(recs)), N: len(recs),
		Note: "sentences with at least one coded event"})
	return out, nil
}

// ClassMetrics returns accuracy, macro-F1 and per-class F1 of pred against
// gold over classes 0..k-1.
func ClassMetrics(set string, gold, pred []ConfliClass, k int) []metric.Metric {
	cs := make([]metric.PRF, k)
	ok := 0
	for i := range gold {
		g, p := gold[i], pred[i]
		if g == p {
			ok++
			if g >= 0 && int(g) < k {
				cs[g].TP++
			}
			continue
		}
		if g >= 0 && int(g) < k {
			cs[g].FN++
		}
		if p >= 0 && int(p) < k {
			cs[p].FP++
		}
	}
	out := []metric.Metric{{Set: set, Name: "quad.accuracy", Value: ratio(ok, len(gold)), N: len(gold), Target: 0.70}}
	macro := 0.0
	var per []metric.Metric
	for j := range cs {
		f := cs[j].F1()
		macro += f
		per = append(per, metric.Metric{Set: set, Name: fmt.Sprintf("quad.f1.class%d", j), Value: f, N: cs[j].TP + cs[j].FN})
	}
	if k > 0 {
		macro /= float64(k)
	}
	out = append(out, metric.Metric{Set: set, Name: "quad.macro_f1", Value: macro, N: len(gold), Target: 0.70})
	return append(out, per...)
}

// Classify returns the CAMEO root of the main trigger of d's first parsed
// sentence that has one, ignoring whether its participants are actors: the
// trigger highest in the dependency tree whose pattern conditions hold
// (most specific pattern first), with intent recoding ("will attack" ->
// 13). It serves sentence classification when no event could be coded.
func (c *Coder) Classify(d *doc.Document) (cameo.Root, bool) {
	ds := c.newDocState(d)
	for si := range d.Sentences {
		s := c.newSentence(d, si, ds)
		if s == nil {
			continue
		}
		best, bestDepth := cameo.EventCode(""), 0
		for t := range s.toks {
			pool := c.pool(s, t)
			if len(pool) == 0 {
				continue
			}
			for _, p := range pool {
				if _, ok := s.conditions(t, p); !ok {
					continue
				}
				if p.Kind == NounTrigger && !s.nominalEventOK(t) {
					break
				}
				dep := s.depth(t)
				if best == "" || dep < bestDepth {
					code := p.Code
					if _, mod := s.modality(t, p.Kind); mod == doc.Intended || mod == doc.Conditional {
						code = intentCode(code, mod)
					}
					best, bestDepth = code, dep
				}
				break
			}
		}
		if best != "" {
			return cameo.Root(best[:2]), true
		}
	}
	return "", false
}

// depth is token t's distance from its sentence's root (bounded).
func (s *sentence) depth(t int) int {
	n := 0
	for h := s.head(t); h >= 0 && n < len(s.toks); h = s.head(h) {
		n++
	}
	return n
}
