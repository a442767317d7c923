// Package pipeline runs eventwire's stages over one document, in order:
// clean → segment/tokenize → tag/parse/NER → actors → dates → places →
// quotes → counts → events → tone → integrity flags.
//
// Every stage is a plain function over *doc.Document owned by its own
// package; this package only decides the order and turns a failure of one
// stage into a doc.Error on that document, so a batch never stops.
package pipeline

import (
	"fmt"
	"net/url"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/clean"
	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/counts"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/geo"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/integrity"
	"github.com/eventwire/eventwire/internal/nlp"
	"github.com/eventwire/eventwire/internal/nlp/segment"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
	"github.com/eventwire/eventwire/internal/quotes"
	"github.com/eventwire/eventwire/internal/resolve"
	"github.com/eventwire/eventwire/internal/timex"
	"github.com/eventwire/eventwire/internal/tone"
)

// Options tune a pipeline.
type Options struct {
	// PubDate overrides the publication date of every document (YYYY-MM-DD).
	PubDate string
	// URL overrides the URL of every document.
	URL string
	// Shallow stops after sentences and tokens (no models): for fast ingest.
	Shallow bool
	// StopBefore names a stage (Stage*) at which Process stops, for
	// evaluating one stage on the output of those before it.
	StopBefore string
	// Coder adds options to the event coder, e.g. the user's PETRARCH/TABARI
	// dictionaries (coder.LoadUserDictionaries).
	Coder []coder.Option
	// Observe, when set, is told how long each stage took on each document
	// (for benchmarks and metrics). It must be safe for concurrent use.
	Observe func(stage string, took time.Duration)
	// Seen finds sentences already stored from other sources (for the
	// duplicate_sentence flag); nil turns that check off.
	Seen SentenceSeer
}

// SentenceSeer is the part of a store the integrity check needs.
type SentenceSeer = integrity.SentenceSeer

// Pipeline holds the loaded models and dictionaries shared by all documents.
// It is safe for concurrent use.
type Pipeline struct {
	opt Options

	steps []step

	coderOnce sync.Once
	coderVal  *coder.Coder
	coderErr  error
}

// New prepares a pipeline; models load lazily on first use.
func New(opt Options) (*Pipeline, error) {
	p := &Pipeline{opt: opt}
	p.steps = p.stages()
	return p, nil
}

// FromItem builds and processes a document from one ingested item. Read
// errors become the document's Errors; the returned document is never nil.
func (p *Pipeline) FromItem(it ingest.Item) *doc.Document {
	d := &doc.Document{Origin: it.Origin, URL: it.URL, Title: it.Title, PubDate: it.PubDate, Source: it.Source, Lang: "en"}
	if p.opt.URL != "" {
		d.URL = p.opt.URL
	}
	d.Errors = append(d.Errors, it.Warn...)
	if it.Err != nil {
		d.Errors = append(d.Errors, *it.Err)
		return d
	}
	p.stage(d, "clean", func() error {
		var res clean.Result
		if it.IsHTML {
			var err error
			if res, err = clean.HTML(it.Body, d.URL); err != nil {
				return err
			}
		} else {
			res = clean.Text(string(it.Body)) // readers hand over valid UTF-8
		}
		d.Text = res.Text
		d.Removed = res.Removed
		if res.Title != "" && d.Title == "" {
			d.Title = res.Title
		}
		if d.PubDate == "" {
			d.PubDate = res.PubDate
		}
		return nil
	})
	if p.opt.PubDate != "" {
		d.PubDate = p.opt.PubDate
	}
	if d.Source == "" && d.URL != "" {
		if u, err := url.Parse(d.URL); err == nil {
			d.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if strings.TrimSpace(d.Text) == "" && len(d.Errors) == 0 {
		d.Errors = append(d.Errors, doc.Error{Origin: it.Origin, Stage: "clean", Message: "no text left after cleaning"})
	}
	d.ID = dedupe.ID(d.Text)
	p.Process(d)
	return d
}

// Stage names, in the order Process runs them.
const (
	StageSegment = "segment"
	StageNLP     = "nlp"
	StageActors  = "actors"
	StageDates   = "dates"
	StagePlaces  = "places"
	StageQuotes  = "quotes"
	StageCounts  = "counts"
	StageEvents  = "events"
	StageTone    = "tone"
	StageFlags   = "flags"
)

// stages lists the steps after cleaning; each is a plain function of a
// package of its own.
type step struct {
	name string
	run  func(*doc.Document) error
}

func (p *Pipeline) stages() []step {
	return []step{
		{StageSegment, func(d *doc.Document) error {
			spans := segment.Sentences(d.Text)
			d.Sentences = make([]doc.Sentence, len(spans))
			for i, s := range spans {
				d.Sentences[i] = doc.Sentence{Span: s, Tokens: tokenize.Tokens(d.Text, s)}
			}
			return nil
		}},
		{StageNLP, func(d *doc.Document) error {
			m, err := nlp.Default()
			if err != nil {
				return err
			}
			m.Document(d)
			return nil
		}},
		{StageActors, func(d *doc.Document) error {
			a := actors.Default()
			if err := actors.DefaultErr(); err != nil {
				return err
			}
			resolve.Entities(d, a)
			return nil
		}},
		{StageDates, func(d *doc.Document) error { timex.Extract(d); return nil }},
		{StagePlaces, func(d *doc.Document) error {
			g, err := geo.Default()
			if err != nil {
				return err
			}
			g.Resolve(d)
			return nil
		}},
		{StageQuotes, func(d *doc.Document) error { quotes.Extract(d); return nil }},
		{StageCounts, func(d *doc.Document) error { counts.Extract(d); return nil }},
		{StageEvents, func(d *doc.Document) error {
			c, err := p.coder()
			if err != nil {
				return err
			}
			c.Code(d)
			return nil
		}},
		{StageTone, func(d *doc.Document) error { tone.Score(d); return nil }},
		{StageFlags, func(d *doc.Document) error {
			integrity.Check(d, p.opt.Seen)
			return nil
		}},
	}
}

// Process runs every stage after cleaning on d (up to Options.StopBefore).
func (p *Pipeline) Process(d *doc.Document) {
	if d.Text == "" {
		return
	}
	for _, st := range p.steps {
		if st.name == p.opt.StopBefore || (p.opt.Shallow && st.name == StageNLP) {
			return
		}
		p.stage(d, st.name, func() error { return st.run(d) })
	}
}

// coder builds the event coder once, on first use.
func (p *Pipeline) coder() (*coder.Coder, error) {
	p.coderOnce.Do(func() {
		a := actors.Default()
		if p.coderErr = actors.DefaultErr(); p.coderErr != nil {
			return
		}
		p.coderVal, p.coderErr = coder.New(a, p.opt.Coder...)
	})
	return p.coderVal, p.coderErr
}

// stage runs fn, turning an error or a panic into a doc.Error on d.
func (p *Pipeline) stage(d *doc.Document, name string, fn func() error) {
	if p.opt.Observe != nil {
		start := time.Now()
		defer func() { p.opt.Observe(name, time.Since(start)) }()
	}
	defer func() {
		if r := recover(); r != nil {
			d.Errors = append(d.Errors, doc.Error{Origin: d.Origin, Stage: name,
				Message: fmt.Sprintf("internal error: %v\n%s", r, firstFrames(debug.Stack()))})
		}
	}()
	if err := fn(); err != nil {
		d.Errors = append(d.Errors, doc.Error{Origin: d.Origin, Stage: name, Message: err.Error()})
	}
}

func firstFrames(st []byte) string {
	lines := strings.Split(string(st), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}
