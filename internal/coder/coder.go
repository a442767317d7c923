// Package coder turns dependency-parsed sentences into CAMEO-coded dyadic
// events. Verb and noun patterns (patterns.txt, format in PATTERNS.md) name a
// trigger lemma, optional argument conditions and the event code; arguments
// are read from the parse (subject, object, passive by-agent, prepositional
// arguments, complement-clause subjects, possessives), mapped to actors by an
// ActorScanner, expanded over coordination, and marked for negation and
// modality (intended, conditional, hypothetical, reported). A light
// coreference step resolves pronouns, "the two" and definite role
// descriptions ("the U.S. president") to earlier actors and flags the ones
// that have no antecedent in the document.
package coder

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/resolve"
)

//go:embed patterns.txt
var defaultPatterns string

// ActorScanner finds actor mentions among a sentence's tokens. text is the
// document text the token spans point into; date (YYYY-MM-DD) selects
// date-bounded roles. *actors.Dict implements it.
type ActorScanner interface {
	Scan(text string, toks []doc.Token, date string) []ActorMatch
}

// PhraseLookup is optionally implemented by an ActorScanner (as
// *actors.Dict does); the coder uses it to code elliptical coordination
// ("North and South Korea" -> North Korea, South Korea).
type PhraseLookup interface {
	Lookup(phrase, date string) (ActorMatch, bool)
}

// Coder codes events. It is safe for concurrent use by several goroutines
// (Code keeps all its state on the stack).
type Coder struct {
	actors  ActorScanner
	pats    []*Pattern
	verbs   map[string][]*Pattern
	nouns   map[string][]*Pattern
	adjs    map[string][]*Pattern
	maxSent int

	eventNouns map[string]bool
	verbLemmas map[string]bool

	dict dictCoder // user TABARI/PETRARCH dictionaries (tabari_patterns.go); nil = our patterns

	// noEntities: ignore d.Entities (their codes come from another
	// dictionary than the scanner's)
	noEntities bool
	country    CountryFunc
}

// CountryFunc gives the ISO 3166 alpha-3 code of the country a document is
// mainly about, "" when none stands out (resolve.DocumentCountry).
type CountryFunc func(d *doc.Document) string

// WithDocumentCountry sets how the document's main country is found; it
// qualifies bare-role participants ("police" -> GBRCOP) in sentences that
// name no other country. nil turns the qualification off. The default is
// resolve.DocumentCountry.
func WithDocumentCountry(f CountryFunc) Option {
	return func(c *Coder) error {
		if f == nil {
			f = func(*doc.Document) string { return "" }
		}
		c.country = f
		return nil
	}
}

// WithoutEntities makes the coder ignore the document's resolved entity
// mentions (d.Entities) and map arguments with its ActorScanner only: for a
// scanner over other dictionaries than the ones the entities were resolved
// with.
func WithoutEntities() Option {
	return func(c *Coder) error {
		c.noEntities = true
		return nil
	}
}

// Option configures a Coder.
type Option func(*Coder) error

// WithPatterns replaces the embedded patterns by src (name is used in error
// positions and in Event.Pattern).
func WithPatterns(name, src string) Option {
	return func(c *Coder) error {
		ps, err := ParsePatterns(name, src, knownCode)
		if err != nil {
			return err
		}
		c.pats = ps
		return nil
	}
}

// WithMaxEventsPerSentence caps the events kept per sentence (highest
// confidence first); 0 means no cap. The default is 3.
func WithMaxEventsPerSentence(n int) Option {
	return func(c *Coder) error {
		if n < 0 {
			return fmt.Errorf("coder: negative event cap %d", n)
		}
		c.maxSent = n
		return nil
	}
}

// New builds a Coder over the actor scanner a (nil: only named arguments,
// without actor codes) and the embedded patterns.
func New(a ActorScanner, opts ...Option) (*Coder, error) {
	c := &Coder{actors: a, maxSent: 3, country: resolve.DocumentCountry}
	for _, o := range opts {
		if err := o(c); err != nil {
			return nil, fmt.Errorf("coder: %w", err)
		}
	}
	if c.pats == nil {
		ps, err := ParsePatterns("patterns.txt", defaultPatterns, knownCode)
		if err != nil {
			return nil, fmt.Errorf("coder: embedded patterns: %w", err)
		}
		c.pats = ps
	}
	c.verbs = map[string][]*Pattern{}
	c.nouns = map[string][]*Pattern{}
	c.adjs = map[string][]*Pattern{}
	for _, p := range c.pats {
		m := c.verbs
		switch p.Kind {
		case NounTrigger:
			m = c.nouns
		case AdjTrigger:
			m = c.adjs
		}
		for _, l := range p.Lemmas {
			m[l] = append(m[l], p)
		}
	}
	c.verbLemmas = map[string]bool{}
	for l := range c.verbs {
		c.verbLemmas[l] = true
	}
	c.eventNouns = map[string]bool{}
	for l, ps := range c.nouns {
		for _, p := range ps {
			if p.Code >= "14" && p.nConds == 0 {
				c.eventNouns[l] = true
			}
		}
	}
	for _, m := range []map[string][]*Pattern{c.verbs, c.nouns, c.adjs} {
		for _, ps := range m {
			sort.SliceStable(ps, func(i, j int) bool { return ps[i].nConds > ps[j].nConds })
		}
	}
	return c, nil
}

// Patterns returns the loaded patterns (shared; do not modify).
func (c *Coder) Patterns() []*Pattern { return c.pats }

func knownCode(code cameo.EventCode) bool {
	_, ok := cameo.Lookup(code)
	return ok
}

// Code fills d.Events from the parsed sentences and appends
// dangling_reference flags to d.Flags. Sentences without dependency heads
// are skipped. It replaces any events already present.
func (c *Coder) Code(d *doc.Document) {
	if c.dict != nil {
		c.dict.Code(d)
		return
	}
	d.Events = d.Events[:0]
	mem := &memory{}
	ds := c.newDocState(d)
	for si := range d.Sentences {
		s := c.newSentence(d, si, ds)
		if s == nil {
			continue
		}
		s.mem = mem
		evs := c.codeSentence(s)
		d.Events = append(d.Events, evs...)
		for _, f := range s.flags {
			d.Flags = append(d.Flags, f)
		}
		mem.remember(s)
		mem.rememberDyad(s, evs)
	}
	d.Events = dropHeadlineRepeats(d)
	d.Events = dropBackReferences(d)
	shareCounts(d)
	if d.Events == nil {
		d.Events = []doc.Event{}
	}
}

// lemmaOf returns the lowercased lemma of token i (the form when unlemmatized).
func lemmaOf(t *doc.Token) string {
	l := t.Lemma
	if l == "" || l == "_" {
		l = t.Form
	}
	return lower(l)
}

func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
