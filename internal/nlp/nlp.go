// Package nlp is eventwire's linguistic pipeline: part-of-speech tagging,
// lemmatization, dependency parsing and named-entity recognition, all pure
// Go with weights trained by our own code on UD English treebanks and
// embedded in the binary (package models).
package nlp

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/dateline"
	"github.com/eventwire/eventwire/internal/nlp/lemma"
	"github.com/eventwire/eventwire/internal/nlp/models"
	"github.com/eventwire/eventwire/internal/nlp/ner"
	"github.com/eventwire/eventwire/internal/nlp/parser"
	"github.com/eventwire/eventwire/internal/nlp/segment"
	"github.com/eventwire/eventwire/internal/nlp/tagger"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
)

// Pipeline annotates sentences. It is safe for concurrent use.
type Pipeline struct {
	tag      *tagger.Model
	lem      *lemma.Lemmatizer
	par      *parser.Model
	ner      *ner.Model
	vbd, vbn int // the tagger classes of VERB/VBD and VERB/VBN (see pastfix.go)
}

var (
	defOnce sync.Once
	defPipe *Pipeline
	defErr  error
)

// Default returns the pipeline of the embedded models, loaded once.
func Default() (*Pipeline, error) {
	defOnce.Do(func() { defPipe, defErr = Load(models.FS) })
	return defPipe, defErr
}

func open2(fsys fs.FS, a, b string, load func(x, y fs.File) error) error {
	fa, err := fsys.Open(a)
	if err != nil {
		return fmt.Errorf("nlp: %w", err)
	}
	defer fa.Close()
	fb, err := fsys.Open(b)
	if err != nil {
		return fmt.Errorf("nlp: %w", err)
	}
	defer fb.Close()
	return load(fa, fb)
}

// Load reads the model files (tagger.*, lemma.tsv.gz, parser.*, ner.*)
// from fsys. The NER model is optional.
func Load(fsys fs.FS) (*Pipeline, error) {
	p := &Pipeline{}
	err := open2(fsys, "tagger.json", "tagger.lm.gz", func(x, y fs.File) (err error) {
		p.tag, err = tagger.Load(x, y)
		return err
	})
	if err != nil {
		return nil, err
	}
	f, err := fsys.Open("lemma.tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("nlp: %w", err)
	}
	p.lem, err = lemma.Read(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	err = open2(fsys, "parser.json", "parser.lm.gz", func(x, y fs.File) (err error) {
		p.par, err = parser.Load(x, y)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(p.par.Tags) != p.tag.Classes() {
		return nil, errors.New("nlp: parser was trained with another tagger")
	}
	for k, t := range p.par.Tags {
		if t != p.tag.UPOS[k]+"\t"+p.tag.XPOS[k] {
			return nil, errors.New("nlp: parser was trained with another tagger")
		}
	}
	p.vbd, p.vbn = p.verbClass("VBD"), p.verbClass("VBN")
	p.ner, err = loadNER(fsys)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if p.ner != nil {
		names := make([]string, p.tag.Classes())
		for k := range names {
			names[k] = p.tag.UPOS[k] + "\t" + p.tag.XPOS[k]
		}
		p.ner.BindTags(names)
	}
	return p, nil
}

// loadNER reads ner.json, ner.lm.gz and, when present, the gazetteer
// ner.gaz.gz.
func loadNER(fsys fs.FS) (*ner.Model, error) {
	var m *ner.Model
	err := open2(fsys, "ner.json", "ner.lm.gz", func(x, y fs.File) error {
		var gaz io.Reader
		f, err := fsys.Open("ner.gaz.gz")
		switch {
		case err == nil:
			defer f.Close()
			gaz = f
		case !errors.Is(err, fs.ErrNotExist):
			return fmt.Errorf("nlp: %w", err)
		}
		m, err = ner.Load(x, y, gaz)
		return err
	})
	return m, err
}

// Annotate fills s.Tokens (tokenizing s.Span of text when there are none)
// with lemma, UPOS, XPOS, head, relation and NER BIO tag.
func (p *Pipeline) Annotate(text string, s *doc.Sentence) {
	if len(s.Tokens) == 0 {
		s.Tokens = tokenize.Tokens(text, s.Span)
	}
	toks := s.Tokens
	if len(toks) == 0 {
		return
	}
	forms := make([]string, len(toks))
	for i := range toks {
		forms[i] = toks[i].Form
		if forms[i] == "" {
			forms[i] = toks[i].Span.In(text)
		}
	}
	tags := p.tag.Tag(forms, nil)
	var heads, labels []int
	if n := p.datelineLen(forms, tags); n > 0 {
		// a wire dateline ("KHARKIV, Ukraine, March 4 -") is no part of the
		// clause: the clause is tagged and parsed alone and the dateline
		// hung under its root
		rest := p.tag.Tag(forms[n:], nil)
		p.fixPastForms(forms[n:], rest)
		rh, rl := p.par.Parse(forms[n:], rest, nil, nil)
		copy(tags[n:], rest)
		heads, labels = make([]int, len(forms)), make([]int, len(forms))
		root := 0
		for i := range rh {
			heads[n+i], labels[n+i] = rh[i], rl[i]
			if rh[i] > 0 {
				heads[n+i] += n
			} else if root == 0 {
				root = n + i + 1
			}
		}
		dep, punct := p.par.LabelIndex("dep"), p.par.LabelIndex("punct")
		for i := 0; i < n; i++ {
			heads[i], labels[i] = 1, dep
			if i == 0 {
				heads[i] = root
			}
			if p.tag.UPOS[tags[i]] == "PUNCT" {
				labels[i] = punct
			}
		}
	} else {
		p.fixPastForms(forms, tags)
		heads, labels = p.par.Parse(forms, tags, nil, nil)
	}
	for i := range toks {
		t := &toks[i]
		k := tags[i]
		t.UPOS, t.XPOS = p.tag.UPOS[k], p.tag.XPOS[k]
		t.Lemma = p.lem.Lemma(forms[i], t.UPOS, t.XPOS)
		t.Head = heads[i] - 1
		t.Deprel = p.par.Labels[labels[i]]
		t.NER = ""
	}
	if p.ner != nil {
		bio := p.ner.Tag(forms, tags, nil)
		for i := range toks {
			toks[i].NER = p.ner.Name(bio[i])
		}
	}
}

// datelineLen returns the length of the wire dateline opening a sentence
// of the given forms and tags (0 when none).
func (p *Pipeline) datelineLen(forms []string, tags []int) int {
	if len(forms) < 4 || forms[0] == "" || forms[0][0] < 'A' || forms[0][0] > 'Z' {
		return 0
	}
	upos := make([]string, len(tags))
	for i, k := range tags {
		upos[i] = p.tag.UPOS[k]
	}
	return dateline.Prefix(forms, upos)
}

// Document splits d.Text into sentences when it has none, annotates every
// sentence and sets d.Entities to the mentions of the NER tags.
func (p *Pipeline) Document(d *doc.Document) {
	if len(d.Sentences) == 0 {
		for _, sp := range segment.Sentences(d.Text) {
			d.Sentences = append(d.Sentences, doc.Sentence{Span: sp})
		}
	}
	for si := range d.Sentences {
		p.Annotate(d.Text, &d.Sentences[si])
	}
	p.harmonizeNER(d.Text, d.Sentences)
	var ents []doc.Mention
	for si := range d.Sentences {
		ents = append(ents, Mentions(d.Text, si, d.Sentences[si].Tokens)...)
	}
	d.Entities = ents
}

// harmonizeNER makes the NER tags of a document's annotated sentences
// consistent (one type per name, missed repetitions of a name tagged).
func (p *Pipeline) harmonizeNER(text string, sents []doc.Sentence) {
	if p.ner == nil || len(sents) < 2 {
		return
	}
	forms := make([][]string, len(sents))
	labels := make([][]int, len(sents))
	for si := range sents {
		toks := sents[si].Tokens
		forms[si] = make([]string, len(toks))
		labels[si] = make([]int, len(toks))
		for i := range toks {
			forms[si][i] = toks[i].Form
			if forms[si][i] == "" {
				forms[si][i] = toks[i].Span.In(text)
			}
			labels[si][i] = p.ner.Label(toks[i].NER)
		}
	}
	p.ner.Harmonize(forms, labels)
	for si := range sents {
		for i := range sents[si].Tokens {
			sents[si].Tokens[i].NER = p.ner.Name(labels[si][i])
		}
	}
}

// Mentions turns the BIO tags of a sentence's tokens into mentions.
func Mentions(text string, sentence int, toks []doc.Token) []doc.Mention {
	var out []doc.Mention
	for i := 0; i < len(toks); {
		tag := toks[i].NER
		if len(tag) < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-' {
			i++
			continue
		}
		typ := tag[2:]
		j := i + 1
		for j < len(toks) && len(toks[j].NER) > 2 && toks[j].NER[0] == 'I' && toks[j].NER[2:] == typ {
			j++
		}
		sp := doc.Span{Start: toks[i].Start, End: toks[j-1].End}
		out = append(out, doc.Mention{Span: sp, Text: sp.In(text), Type: doc.EntityType(typ), Sentence: sentence})
		i = j
	}
	return out
}
