package tabari

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// Discards is a TABARI/PETRARCH discard list: one phrase a line; a
// sentence holding a phrase is not coded, and a phrase written "+PHRASE"
// discards the whole document ("story-level").
type Discards struct {
	sentence, story [][]string // uppercase words
}

// LoadDiscards reads discard lists; errors name file:line.
func LoadDiscards(paths ...string) (*Discards, error) {
	d := &Discards{}
	err := readFiles("tabari discards", paths, d.read)
	if err != nil && !isSkipped(err) {
		return nil, err
	}
	return d, err
}

// ParseDiscards reads one discard list from r.
func ParseDiscards(r io.Reader, name string) (*Discards, error) {
	d := &Discards{}
	return d, d.read(r, name)
}

func (d *Discards) read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	inXML := false
	var errs []error
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(stripComment(sc.Text(), &inXML))
		if line == "" {
			continue
		}
		story := strings.HasPrefix(line, "+")
		ws := strings.FieldsFunc(strings.ToUpper(strings.TrimPrefix(line, "+")), func(r rune) bool { return r == ' ' || r == '\t' || r == '_' })
		ok := len(ws) > 0
		for _, w := range ws {
			ok = ok && isWordText(w)
		}
		if !ok {
			if len(errs) < maxErrors {
				errs = append(errs, &Error{File: name, Line: ln, Msg: fmt.Sprintf("bad discard phrase %q", clip(line))})
			}
			continue
		}
		if story {
			d.story = append(d.story, ws)
		} else {
			d.sentence = append(d.sentence, ws)
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{File: name, Line: ln + 1, Msg: err.Error()})
	}
	return errors.Join(errs...)
}

// Len is the number of phrases.
func (d *Discards) Len() int { return len(d.sentence) + len(d.story) }

// Sentence reports whether a sentence's tokens hold a discard phrase
// (either level).
func (d *Discards) Sentence(toks []doc.Token) bool {
	return d != nil && (hasPhrase(toks, d.sentence) || hasPhrase(toks, d.story))
}

// Story reports whether a document must be discarded whole: one of its
// sentences holds a story-level phrase.
func (d *Discards) Story(dc *doc.Document) bool {
	if d == nil {
		return false
	}
	for _, s := range dc.Sentences {
		if hasPhrase(s.Tokens, d.story) {
			return true
		}
	}
	return false
}

func hasPhrase(toks []doc.Token, phrases [][]string) bool {
	for i := range toks {
	next:
		for _, ph := range phrases {
			if i+len(ph) > len(toks) {
				continue
			}
			for k, w := range ph {
				if !strings.EqualFold(toks[i+k].Form, w) {
					continue next
				}
			}
			return true
		}
	}
	return false
}
