package quotes

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// polnearRel is one gold attribution relation: content and source spans
// (byte offsets, discontiguous spans as several).
type polnearRel struct {
	content []doc.Span
	source  []doc.Span
}

// goldQuote is a direct (quotation-marked) stretch inside a gold content span.
type goldDirect struct {
	span   doc.Span
	source []doc.Span
}

// EvalPolNeAR scores Extract on a PolNeAR split: dir is the split folder
// (with text/ and attributions/) or the corpus folder (its dev/ is used).
// prepare, when not nil, runs the earlier pipeline stages on each document
// (sentences, tokens, entities); without it the lexical fallbacks are used.
//
// Gold direct quotes are the quotation-marked stretches of two or more
// words inside annotated attribution contents (first annotator of each
// article). A found quote is correct when it overlaps a gold direct quote by
// at least half of the shorter; its speaker is correct when the speaker span
// overlaps the gold source span, or (for speakers resolved from elsewhere)
// shares a capitalized name word with the gold source text. Gold relations
// whose source span is only a cue verb ("said": an annotation slip) are
// left out of speaker accuracy.
func EvalPolNeAR(dir string, prepare func(*doc.Document)) ([]metric.Metric, error) {
	if fi, err := os.Stat(filepath.Join(dir, "dev")); err == nil && fi.IsDir() {
		dir = filepath.Join(dir, "dev")
	}
	anns, err := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	if len(anns) == 0 {
		return nil, fmt.Errorf("polnear: no .ann files under %s", filepath.Join(dir, "attributions"))
	}
	sort.Strings(anns)
	seen := map[string]bool{}
	var prf metric.PRF
	spRight, spN := 0, 0
	goldHit, goldN := 0, 0
	docs := 0
	for _, ann := range anns {
		base := filepath.Base(ann)
		art := strings.TrimSuffix(base, ".ann")
		if i := strings.LastIndexByte(art, '_'); i > 0 {
			art = art[:i]
		}
		if seen[art] {
			continue
		}
		seen[art] = true
		raw, err := os.ReadFile(filepath.Join(dir, "text", art+".txt"))
		if err != nil {
			return nil, fmt.Errorf("polnear: %w", err)
		}
		text := string(raw)
		rels, err := readAnn(ann, text)
		if err != nil {
			return nil, err
		}
		gold := directQuotes(text, rels)
		d := &doc.Document{Text: text, Origin: art}
		if prepare != nil {
			prepare(d)
		}
		d.Quotes = nil
		Extract(d)
		docs++
		matched := make([]bool, len(gold))
		for _, q := range d.Quotes {
			gi := -1
			for k, g := range gold {
				if overlapHalf(q.Span, g.span) {
					gi = k
					break
				}
			}
			if gi < 0 {
				prf.FP++
				if debugLog != nil {
					debugLog("FP %s: %q", art, abbrev(q.Text))
				}
				continue
			}
			prf.TP++
			matched[gi] = true
			g := gold[gi]
			if len(g.source) == 0 || len(g.source) == 1 && IsCue(strings.ToLower(g.source[0].In(text))) {
				// no source, or an annotation whose "source" is the cue word itself
				continue
			}
			spN++
			if speakerMatches(text, q.Speaker, g.source) {
				spRight++
			} else if debugLog != nil {
				got := "<nil>"
				if q.Speaker != nil {
					got = q.Speaker.Text + "|" + q.Speaker.Entity
				}
				var gs []string
				for _, s := range g.source {
					gs = append(gs, s.In(text))
				}
				lo := q.Start - 160
				if lo < 0 {
					lo = 0
				}
				hi := q.End + 80
				if hi > len(text) {
					hi = len(text)
				}
				debugLog("SPEAKER %s: got %q (%s) want %q\n\tCTX %q", art, got, q.Method, gs, strings.ToValidUTF8(text[lo:hi], ""))
			}
		}
		for _, m := range matched {
			goldN++
			if m {
				goldHit++
			} else {
				prf.FN++
			}
		}
	}
	set := "polnear/" + filepath.Base(dir)
	out := []metric.Metric{
		{Set: set, Name: "quotes.direct.precision", Value: prf.Precision(), N: prf.TP + prf.FP, Target: 0.90},
		{Set: set, Name: "quotes.direct.recall", Value: ratio(goldHit, goldN), N: goldN, Target: 0.70},
		{Set: set, Name: "quotes.speaker_accuracy", Value: ratio(spRight, spN), N: spN, Target: 0.85, Note: fmt.Sprintf("%d documents", docs)},
	}
	return out, nil
}

// debugLog, when set by a test, receives one line per error.
var debugLog func(format string, args ...any)

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func overlapHalf(a, b doc.Span) bool {
	lo, hi := a.Start, a.End
	if b.Start > lo {
		lo = b.Start
	}
	if b.End < hi {
		hi = b.End
	}
	if hi <= lo {
		return false
	}
	short := a.Len()
	if b.Len() < short {
		short = b.Len()
	}
	return 2*(hi-lo) >= short
}

func speakerMatches(text string, sp *doc.Speaker, gold []doc.Span) bool {
	if sp == nil {
		return false
	}
	for _, g := range gold {
		if sp.Span.Overlaps(g) {
			return true
		}
	}
	var words []string
	for _, g := range gold {
		for _, w := range strings.FieldsFunc(g.In(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) {
			r, _ := utf8.DecodeRuneInString(w)
			if unicode.IsUpper(r) && len(w) > 2 {
				words = append(words, w)
			}
		}
	}
	for _, w := range words {
		for _, s := range []string{sp.Entity, sp.Text} {
			for _, f := range strings.Fields(s) {
				if f == w {
					return true
				}
			}
		}
	}
	return false
}

// readAnn parses a BRAT standoff file; offsets are in characters (code
// points) of text and are converted to byte offsets.
func readAnn(path, text string) ([]polnearRel, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("polnear: %w", err)
	}
	defer f.Close()
	// code point index → byte offset
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	spans := map[string][]doc.Span{}
	type ev struct{ content, source string }
	var evs []ev
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		parts := strings.SplitN(l, "\t", 3)
		if len(parts) < 2 {
			if !isAnnID(l) {
				continue // a continuation of a multi-line text field
			}
			return nil, fmt.Errorf("%s:%d: want tab-separated fields", path, line)
		}
		switch l[0] {
		case 'T':
			fs := strings.SplitN(parts[1], " ", 2)
			if len(fs) != 2 {
				return nil, fmt.Errorf("%s:%d: bad text-bound annotation", path, line)
			}
			for _, r := range strings.Split(fs[1], ";") {
				se := strings.Fields(r)
				if len(se) != 2 {
					return nil, fmt.Errorf("%s:%d: bad span %q", path, line, r)
				}
				a, e1 := strconv.Atoi(se[0])
				b, e2 := strconv.Atoi(se[1])
				if e1 != nil || e2 != nil || a < 0 || b < a || b >= len(offs) {
					return nil, fmt.Errorf("%s:%d: span %q out of range", path, line, r)
				}
				spans[parts[0]] = append(spans[parts[0]], doc.Span{Start: offs[a], End: offs[b]})
			}
		case 'E':
			var e ev
			for _, arg := range strings.Fields(parts[1]) {
				k, v, ok := strings.Cut(arg, ":")
				if !ok {
					continue
				}
				switch k {
				case "Content":
					e.content = v
				case "Source":
					e.source = v
				}
			}
			evs = append(evs, e)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []polnearRel
	for _, e := range evs {
		if e.content == "" {
			continue
		}
		out = append(out, polnearRel{content: spans[e.content], source: spans[e.source]})
	}
	return out, nil
}

// directQuotes finds quotation-marked stretches of two or more words inside
// gold contents (the marks may sit just outside the content span).
func directQuotes(text string, rels []polnearRel) []goldDirect {
	var out []goldDirect
	seen := map[doc.Span]bool{}
	for _, r := range rels {
		for _, c := range r.content {
			a, b := c.Start, c.End
			if a > 0 {
				_, n := utf8.DecodeLastRuneInString(text[:a])
				a -= n
			}
			if b < len(text) {
				_, n := utf8.DecodeRuneInString(text[b:])
				b += n
			}
			seg := text[a:b]
			for i := 0; i < len(seg); {
				r0, n := utf8.DecodeRuneInString(seg[i:])
				if r0 != '“' && r0 != '"' {
					i += n
					continue
				}
				j := i + n
				end := -1
				for j < len(seg) {
					r1, m := utf8.DecodeRuneInString(seg[j:])
					if r1 == '”' || r1 == '"' {
						end = j
						break
					}
					j += m
				}
				if end < 0 {
					break
				}
				inner := seg[i+n : end]
				if len(strings.Fields(inner)) >= 2 {
					sp := doc.Span{Start: a + i + n, End: a + end}
					if !seen[sp] {
						seen[sp] = true
						out = append(out, goldDirect{span: sp, source: r.source})
					}
				}
				i = end + 1
			}
		}
	}
	return out
}

// isAnnID reports whether l starts like a BRAT annotation line ("T12", "E3").
func isAnnID(l string) bool {
	if len(l) < 2 || strings.IndexByte("TERAN", l[0]) < 0 {
		return false
	}
	return l[1] >= '0' && l[1] <= '9'
}
