// Package lemma is a lemmatizer learned from treebank lemma columns: suffix
// edit rules per Penn Treebank tag (e.g. VBN "-ized" → strip "d") plus an
// exception list for the words the rules get wrong (went → go, was → be).
package lemma

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

const maxSuffix = 6

type edit struct {
	strip int
	add   string
}

// Item is one training word.
type Item struct{ Form, UPOS, XPOS, Lemma string }

// Lemmatizer maps (form, tags) to a lemma. It is safe for concurrent use.
type Lemmatizer struct {
	rules map[string]edit   // xpos \x00 suffix
	exc   map[string]string // norm \x00 xpos
}

// Rules is the number of suffix rules.
func (l *Lemmatizer) Rules() int { return len(l.rules) }

// Exceptions is the number of listed exceptions.
func (l *Lemmatizer) Exceptions() int { return len(l.exc) }

func normalize(form, upos string) string {
	if upos == "PROPN" {
		return form
	}
	return strings.ToLower(form)
}

func editOf(norm, lemma string) edit {
	p := 0
	for p < len(norm) && p < len(lemma) && norm[p] == lemma[p] {
		p++
	}
	return edit{strip: len(norm) - p, add: lemma[p:]}
}

func (e edit) apply(norm string) (string, bool) {
	if e.strip > len(norm) {
		return norm, false
	}
	return norm[:len(norm)-e.strip] + e.add, true
}

func (l *Lemmatizer) rule(norm, xpos string) (edit, bool) {
	for n := min(maxSuffix, len(norm)); n >= 0; n-- {
		if e, ok := l.rules[xpos+"\x00"+norm[len(norm)-n:]]; ok {
			return e, true
		}
	}
	return edit{}, false
}

// Lemma returns the lemma of form with the given tags.
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	if form == "" {
		return ""
	}
	norm := normalize(form, upos)
	if lem, ok := l.exc[norm+"\x00"+xpos]; ok {
		return lem
	}
	return l.byRule(norm, xpos)
}

func (l *Lemmatizer) byRule(norm, xpos string) string {
	if e, ok := l.rule(norm, xpos); ok {
		if s, ok := e.apply(norm); ok && s != "" {
			return s
		}
	}
	return norm
}

// Train learns rules and exceptions from items.
func Train(items []Item) *Lemmatizer {
	type key struct{ a, b string }
	counts := map[key]map[edit]int{}
	words := map[key]map[string]int{}
	for _, it := range items {
		if it.Lemma == "" || it.Lemma == "_" || it.Form == "" {
			continue
		}
		norm := normalize(it.Form, it.UPOS)
		e := editOf(norm, it.Lemma)
		for n := 0; n <= min(maxSuffix, len(norm)); n++ {
			k := key{it.XPOS, norm[len(norm)-n:]}
			if counts[k] == nil {
				counts[k] = map[edit]int{}
			}
			counts[k][e]++
		}
		wk := key{norm, it.XPOS}
		if words[wk] == nil {
			words[wk] = map[string]int{}
		}
		words[wk][it.Lemma]++
	}
	best := func(m map[edit]int) (edit, int, int) {
		var be edit
		bn, tot := -1, 0
		for e, n := range m {
			tot += n
			if n > bn || n == bn && (e.strip < be.strip || e.strip == be.strip && e.add < be.add) {
				be, bn = e, n
			}
		}
		return be, bn, tot
	}
	l := &Lemmatizer{rules: map[string]edit{}, exc: map[string]string{}}
	// Keep rules from short to long suffixes, only where they change the
	// prediction of the shorter rules and have enough support.
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i].b) != len(keys[j].b) {
			return len(keys[i].b) < len(keys[j].b)
		}
		if keys[i].a != keys[j].a {
			return keys[i].a < keys[j].a
		}
		return keys[i].b < keys[j].b
	})
	for _, k := range keys {
		e, n, tot := best(counts[k])
		if len(k.b) > 0 && (tot < 3 || n*10 < tot*6) {
			continue
		}
		if len(k.b) > 0 {
			if pe, ok := l.rule(k.b[1:], k.a); ok && pe == e {
				continue
			}
		}
		l.rules[k.a+"\x00"+k.b] = e
	}
	for wk, lems := range words {
		bl, bn := "", -1
		for lem, n := range lems {
			if n > bn || n == bn && lem < bl {
				bl, bn = lem, n
			}
		}
		if l.byRule(wk.a, wk.b) != bl {
			l.exc[wk.a+"\x00"+wk.b] = bl
		}
	}
	return l
}

// Write stores the lemmatizer as gzip-compressed sorted TSV lines.
func (l *Lemmatizer) Write(w io.Writer) error {
	var lines []string
	for k, e := range l.rules {
		x, suf, _ := strings.Cut(k, "\x00")
		lines = append(lines, "R\t"+x+"\t"+suf+"\t"+strconv.Itoa(e.strip)+"\t"+e.add)
	}
	for k, lem := range l.exc {
		n, x, _ := strings.Cut(k, "\x00")
		lines = append(lines, "E\t"+n+"\t"+x+"\t"+lem)
	}
	sort.Strings(lines)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	for _, s := range lines {
		if _, err := io.WriteString(zw, s+"\n"); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Read loads a lemmatizer written by Write.
func Read(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("lemma: %w", err)
	}
	defer zr.Close()
	l := &Lemmatizer{rules: map[string]edit{}, exc: map[string]string{}}
	sc := bufio.NewScanner(zr)
	ln := 0
	for sc.Scan() {
		ln++
		f := strings.Split(sc.Text(), "\t")
		switch {
		case len(f) == 5 && f[0] == "R":
			n, err := strconv.Atoi(f[3])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("lemma: line %d: bad strip count", ln)
			}
			l.rules[f[1]+"\x00"+f[2]] = edit{strip: n, add: f[4]}
		case len(f) == 4 && f[0] == "E":
			l.exc[f[1]+"\x00"+f[2]] = f[3]
		default:
			return nil, fmt.Errorf("lemma: line %d: malformed", ln)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lemma: %w", err)
	}
	return l, nil
}
