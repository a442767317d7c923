package nlp

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/nlp/segment"
)

// Targets of the NLP issue.
const (
	TargetUPOS    = 0.96
	TargetRawUPOS = 0.95
	TargetUAS     = 0.87
	TargetLAS     = 0.84
	TargetNERF1   = 0.80
)

func setName(path string) string {
	return "ud/" + strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
}

// EvalUD scores the embedded models on a CoNLL-U file: UPOS, XPOS, lemma,
// UAS and LAS on the gold words (with predicted tags), and the same from
// the raw "# text" through our segmenter and tokenizer, aligned to the
// gold words by character offsets (raw.* figures are F1 over words).
func EvalUD(conlluPath string) ([]metric.Metric, error) {
	p, err := Default()
	if err != nil {
		return nil, err
	}
	return p.EvalUD(conlluPath)
}

// EvalUD is EvalUD for this pipeline.
func (p *Pipeline) EvalUD(conlluPath string) ([]metric.Metric, error) {
	sents, err := conllu.ReadFile(conlluPath)
	if err != nil {
		return nil, err
	}
	set := setName(conlluPath)
	var n, upos, xpos, lem, uas, las int
	for _, s := range sents {
		toks := make([]doc.Token, len(s.Words))
		for i, w := range s.Words {
			toks[i] = doc.Token{Form: w.Form}
		}
		ds := doc.Sentence{Tokens: toks}
		p.Annotate("", &ds)
		for i, w := range s.Words {
			t := ds.Tokens[i]
			n++
			if t.UPOS == w.UPOS {
				upos++
			}
			if t.XPOS == w.XPOS {
				xpos++
			}
			if t.Lemma == w.Lemma {
				lem++
			}
			if t.Head+1 == w.Head {
				uas++
				if t.Deprel == w.Deprel {
					las++
				}
			}
		}
	}
	r := func(a int) float64 { return float64(a) / float64(max(n, 1)) }
	out := []metric.Metric{
		{Set: set, Name: "upos", Value: r(upos), N: n, Target: TargetUPOS, Note: "gold tokens"},
		{Set: set, Name: "xpos", Value: r(xpos), N: n, Note: "gold tokens"},
		{Set: set, Name: "lemma", Value: r(lem), N: n, Note: "gold tokens, predicted tags"},
		{Set: set, Name: "uas", Value: r(uas), N: n, Target: TargetUAS, Note: "gold tokens, predicted tags"},
		{Set: set, Name: "las", Value: r(las), N: n, Target: TargetLAS, Note: "gold tokens, predicted tags"},
	}
	raw, err := p.evalRaw(conlluPath, sents, set)
	if err != nil {
		return out, err
	}
	return append(out, raw...), nil
}

// goldWordSpans places every gold word at byte offsets of text, starting
// at the sentence span; words of a multiword token get sub-spans when their
// forms spell the token, else they cannot be aligned (zero spans).
func goldWordSpans(text string, sp doc.Span, s *conllu.Sentence) ([]doc.Span, error) {
	out := make([]doc.Span, len(s.Words))
	pos := sp.Start
	// find locates form at or after pos within the sentence; -1 when the
	// "# text" does not spell it (a few treebank sentences have typos).
	find := func(form string) (int, error) {
		k := strings.Index(text[pos:sp.End], form)
		if k < 0 || strings.TrimSpace(text[pos:pos+k]) != "" {
			return -1, nil
		}
		a := pos + k
		pos = a + len(form)
		return a, nil
	}
	mi := 0
	for i := 0; i < len(s.Words); {
		if mi < len(s.Multis) && s.Multis[mi].First == i+1 {
			m := s.Multis[mi]
			mi++
			a, _ := find(m.Form)
			last := min(m.Last, len(s.Words))
			var cat strings.Builder
			for j := i; j < last; j++ {
				cat.WriteString(s.Words[j].Form)
			}
			if a >= 0 && cat.String() == m.Form {
				off := a
				for j := i; j < last; j++ {
					out[j] = doc.Span{Start: off, End: off + len(s.Words[j].Form)}
					off += len(s.Words[j].Form)
				}
			}
			i = last
			continue
		}
		if a, _ := find(s.Words[i].Form); a >= 0 {
			out[i] = doc.Span{Start: a, End: a + len(s.Words[i].Form)}
		}
		i++
	}
	return out, nil
}

func (p *Pipeline) evalRaw(path string, sents []conllu.Sentence, set string) ([]metric.Metric, error) {
	text, gold, err := segment.UDText(path)
	if err != nil {
		return nil, err
	}
	if len(gold) != len(sents) {
		return nil, fmt.Errorf("%s: %d # text lines for %d sentences", path, len(gold), len(sents))
	}
	type gw struct {
		w    *conllu.Word
		head doc.Span // span of the head word (zero for root)
	}
	goldAt := map[doc.Span]gw{}
	nGold := 0
	for si := range sents {
		spans, err := goldWordSpans(text, gold[si], &sents[si])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		for i := range sents[si].Words {
			nGold++
			w := &sents[si].Words[i]
			if spans[i].Len() == 0 {
				continue
			}
			g := gw{w: w}
			if w.Head > 0 {
				g.head = spans[w.Head-1]
			} else {
				g.head = doc.Span{Start: -1, End: -1}
			}
			goldAt[spans[i]] = g
		}
	}
	d := doc.Document{Text: text}
	p.Document(&d)
	var nPred, words, upos, xpos, lem, uas, las int
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			nPred++
			g, ok := goldAt[t.Span]
			if !ok {
				continue
			}
			words++
			if t.UPOS == g.w.UPOS {
				upos++
			}
			if t.XPOS == g.w.XPOS {
				xpos++
			}
			if t.Lemma == g.w.Lemma {
				lem++
			}
			hs := doc.Span{Start: -1, End: -1}
			if t.Head >= 0 && t.Head < len(s.Tokens) {
				hs = s.Tokens[t.Head].Span
			}
			if hs == g.head {
				uas++
				if t.Deprel == g.w.Deprel {
					las++
				}
			}
		}
	}
	f1 := func(c int) float64 {
		if nPred == 0 || nGold == 0 || c == 0 {
			return 0
		}
		pr, rc := float64(c)/float64(nPred), float64(c)/float64(nGold)
		return 2 * pr * rc / (pr + rc)
	}
	note := fmt.Sprintf("raw text: %d predicted / %d gold words", nPred, nGold)
	return []metric.Metric{
		{Set: set, Name: "raw.words", Value: f1(words), N: nGold, Note: note},
		{Set: set, Name: "raw.upos", Value: f1(upos), N: nGold, Target: TargetRawUPOS, Note: note},
		{Set: set, Name: "raw.xpos", Value: f1(xpos), N: nGold, Note: note},
		{Set: set, Name: "raw.lemma", Value: f1(lem), N: nGold, Note: note},
		{Set: set, Name: "raw.uas", Value: f1(uas), N: nGold, Note: note},
		{Set: set, Name: "raw.las", Value: f1(las), N: nGold, Note: note},
	}, nil
}

// EvalNER scores the embedded NER on a UNER IOB2 file (gold tokens):
// exact-span precision, recall and F1 overall and per type.
func EvalNER(iob2Path string) ([]metric.Metric, error) {
	p, err := Default()
	if err != nil {
		return nil, err
	}
	return p.EvalNER(iob2Path)
}

type span3 struct {
	a, b int
	typ  string
}

func bioSpans(tags []string) map[span3]bool {
	out := map[span3]bool{}
	for i := 0; i < len(tags); {
		t := tags[i]
		if len(t) < 3 || t[1] != '-' {
			i++
			continue
		}
		typ := t[2:]
		j := i + 1
		for j < len(tags) && len(tags[j]) > 2 && tags[j][0] == 'I' && tags[j][2:] == typ {
			j++
		}
		out[span3{i, j, typ}] = true
		i = j
	}
	return out
}

// EvalNER is EvalNER for this pipeline.
func (p *Pipeline) EvalNER(iob2Path string) ([]metric.Metric, error) {
	sents, err := readIOB2(iob2Path)
	if err != nil {
		return nil, err
	}
	return p.evalNER("uner/"+strings.TrimSuffix(filepath.Base(iob2Path), filepath.Ext(iob2Path)), sents)
}

// EvalNERGUM scores NER on GUM CoNLL-U files (e.g. the GUM news gold set),
// with gold PER/ORG/LOC mentions derived from GUM's entity layer the same
// way as for training (proper-noun-headed person, organization and place
// mentions, titles trimmed).
func (p *Pipeline) EvalNERGUM(set string, conlluPaths ...string) ([]metric.Metric, error) {
	var sents []nerSent
	for _, path := range conlluPaths {
		ss, err := conllu.ReadFile(path)
		if err != nil {
			return nil, err
		}
		for i := range ss {
			sents = append(sents, gumNER(&ss[i]))
		}
	}
	return p.evalNER(set, sents)
}

func (p *Pipeline) evalNER(set string, sents []nerSent) ([]metric.Metric, error) {
	if p.ner == nil {
		return nil, fmt.Errorf("nlp: no NER model loaded")
	}
	all := metric.PRF{}
	per := map[string]*metric.PRF{}
	// annotate document by document (consecutive sentences with one id)
	preds := make([][]string, len(sents))
	for a := 0; a < len(sents); {
		b := a + 1
		for b < len(sents) && sents[a].Doc != "" && sents[b].Doc == sents[a].Doc {
			b++
		}
		ds := make([]doc.Sentence, b-a)
		for k := range ds {
			toks := make([]doc.Token, len(sents[a+k].Forms))
			for i, f := range sents[a+k].Forms {
				toks[i] = doc.Token{Form: f}
			}
			ds[k] = doc.Sentence{Tokens: toks}
			p.Annotate("", &ds[k])
		}
		p.harmonizeNER("", ds)
		for k := range ds {
			preds[a+k] = make([]string, len(ds[k].Tokens))
			for i, t := range ds[k].Tokens {
				preds[a+k][i] = t.NER
			}
		}
		a = b
	}
	for si, s := range sents {
		g, pr := bioSpans(s.Labels), bioSpans(preds[si])
		for sp := range pr {
			c := per[sp.typ]
			if c == nil {
				c = &metric.PRF{}
				per[sp.typ] = c
			}
			if g[sp] {
				c.TP++
			} else {
				c.FP++
			}
		}
		for sp := range g {
			if !pr[sp] {
				c := per[sp.typ]
				if c == nil {
					c = &metric.PRF{}
					per[sp.typ] = c
				}
				c.FN++
			}
		}
	}
	for _, c := range per {
		all.Add(*c)
	}
	out := all.Metrics(set, "ner")
	out[2].Target = TargetNERF1
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		if c := per[typ]; c != nil {
			out = append(out, c.Metrics(set, "ner."+typ)...)
		}
	}
	return out, nil
}
