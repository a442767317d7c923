// Package tone scores the emotional tone of a document in the manner of
// GDELT V1.5 tone fields, with the AFINN-165 valence lexicon
// (afinn165.tsv, rebuilt by scripts/gen-tone-lexicon).
//
// For W words, of which P carry positive valence and N negative:
//
//	Positive = 100·P/W, Negative = 100·N/W
//	Score = Positive − Negative, Polarity = Positive + Negative
//	ActivityDensity = 100·(verbs)/W, SelfGroupDensity = 100·(pronouns)/W
//
// Valence words count once each (their magnitude is not weighed, as in
// GDELT's percentages); a negator (not, no, never, without, nor, …n't)
// within the three words before flips the word's side. Two-word entries
// ("bad luck", "can't stand") are matched before single words. Verbs are
// counted from tokens (UPOS VERB) when the document has them, else from a
// lexical guess (past/-ing forms and common news verbs).
package tone

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
)

//go:embed afinn165.tsv
var afinnTSV string

var (
	lexOnce sync.Once
	lex     map[string]int8
	bigram  map[string]bool // first words of two-word entries
)

func lexicon() (map[string]int8, map[string]bool) {
	lexOnce.Do(func() {
		lex = make(map[string]int8, 3500)
		bigram = map[string]bool{}
		for _, line := range strings.Split(afinnTSV, "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			w, v, ok := strings.Cut(line, "\t")
			if !ok {
				continue
			}
			n, err := strconv.Atoi(v)
			if err != nil {
				continue
			}
			lex[w] = int8(n)
			if a, _, two := strings.Cut(w, " "); two {
				bigram[a] = true
			}
		}
	})
	return lex, bigram
}

// Valence returns the AFINN-165 valence of a lower-case word or two-word
// phrase, and whether it is in the lexicon.
func Valence(lower string) (int, bool) {
	l, _ := lexicon()
	v, ok := l[lower]
	return int(v), ok
}

var negators = map[string]bool{"not": true, "no": true, "never": true, "without": true, "nor": true, "neither": true, "none": true, "nobody": true, "nothing": true, "cannot": true}

var pronounSet = map[string]bool{
	"i": true, "me": true, "my": true, "mine": true, "myself": true, "we": true, "us": true, "our": true,
	"ours": true, "ourselves": true, "you": true, "your": true, "yours": true, "yourself": true,
	"yourselves": true, "he": true, "him": true, "his": true, "himself": true, "she": true, "her": true,
	"hers": true, "herself": true, "it": true, "its": true, "itself": true, "they": true, "them": true,
	"their": true, "theirs": true, "themselves": true,
}

var commonVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "met": true, "told": true, "made": true, "took": true, "gave": true,
	"went": true, "came": true, "left": true, "held": true, "sent": true, "led": true, "fought": true,
	"struck": true, "shot": true, "fled": true, "won": true, "lost": true, "began": true, "became": true,
	"will": false, "meet": true, "attack": true, "attacks": true, "kill": true, "kills": true, "fight": true,
	"fights": true, "visit": true, "visits": true, "warn": true, "warns": true, "urge": true, "urges": true,
}

// counter accumulates tone counts over words.
type counter struct {
	words, pos, neg, verbs, prons int
}

func (c *counter) add(ws []kglex.Word) {
	l, bi := lexicon()
	lw := make([]string, len(ws))
	for i, w := range ws {
		lw[i] = kglex.Lower(w.Text)
	}
	for i := 0; i < len(lw); i++ {
		w := lw[i]
		c.words++
		if pronounSet[w] {
			c.prons++
		}
		v, ok, two := int8(0), false, false
		if bi[w] && i+1 < len(lw) {
			if v2, ok2 := l[w+" "+lw[i+1]]; ok2 {
				v, ok, two = v2, true, true
				c.words++
				i++
			}
		}
		if !ok {
			v, ok = l[w]
		}
		if !ok || v == 0 {
			continue
		}
		for k := i - 1; !two && k >= 0 && k >= i-3; k-- {
			if negators[lw[k]] || strings.HasSuffix(lw[k], "n't") {
				v = -v
				break
			}
		}
		if v > 0 {
			c.pos++
		} else {
			c.neg++
		}
	}
}

func guessVerbs(ws []kglex.Word) int {
	n := 0
	for _, w := range ws {
		l := kglex.Lower(w.Text)
		if commonVerbs[l] || len(l) > 4 && (strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ing")) && !w.IsUpper() {
			n++
		}
	}
	return n
}

func (c counter) tone() doc.Tone {
	t := doc.Tone{WordCount: c.words}
	if c.words == 0 {
		return t
	}
	w := float64(c.words)
	t.Positive = 100 * float64(c.pos) / w
	t.Negative = 100 * float64(c.neg) / w
	t.Score = t.Positive - t.Negative
	t.Polarity = t.Positive + t.Negative
	t.ActivityDensity = 100 * float64(c.verbs) / w
	t.SelfGroupDensity = 100 * float64(c.prons) / w
	return t
}

// Score sets d.Tone from the whole of d.Text.
func Score(d *doc.Document) {
	t := Span(d, doc.Span{Start: 0, End: len(d.Text)})
	d.Tone = &t
}

// Span returns the tone of one stretch of d.Text (a sentence, a quote).
// Verbs are taken from the tokens of the sentences inside the span when
// every such sentence has tokens.
func Span(d *doc.Document, sp doc.Span) doc.Tone {
	var c counter
	ws := kglex.Words(nil, d.Text, sp)
	c.add(ws)
	verbs, tokened, sents := 0, 0, 0
	for _, s := range d.Sentences {
		if !sp.Contains(s.Span) {
			continue
		}
		sents++
		if len(s.Tokens) == 0 {
			continue
		}
		tokened++
		for _, t := range s.Tokens {
			if t.UPOS == "VERB" {
				verbs++
			}
		}
	}
	if sents > 0 && tokened == sents {
		c.verbs = verbs
	} else {
		c.verbs = guessVerbs(ws)
	}
	return c.tone()
}

// Sentences returns the tone of each sentence of d (kglex.Sentences order).
func Sentences(d *doc.Document) []doc.Tone {
	sents := kglex.Sentences(d)
	out := make([]doc.Tone, len(sents))
	for i, s := range sents {
		out[i] = Span(d, s)
	}
	return out
}
