// Package actors holds eventwire's actor dictionaries and resolves names in
// text to CAMEO actor codes: countries with their names, demonyms,
// capitals and seats of government used as metonyms; people whose code
// depends on the office they held on the date of the text; generic agents
// ("troops", "the president") composed with a nearby country into a full
// code ("French troops" -> FRAMIL); international organizations, NGOs,
// militant groups and parties.
//
// The dictionaries are plain text in our own format (FORMAT.md), embedded
// and parsed lazily once by Default. Load reads the same format from any
// reader; LoadPetrarchActors and LoadPetrarchAgents read TABARI/PETRARCH
// dictionaries into the same Dict. Extended adds some 25,000 entries derived
// from the PETRARCH2 Phoenix dictionaries (as of 2014) behind the curated ones.
package actors

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Kind is the kind of thing a match names.
type Kind string

const (
	KindPerson  Kind = "person"
	KindCountry Kind = "country"
	KindMetonym Kind = "metonym"
	KindAgent   Kind = "agent"
	KindIGO     Kind = "igo"
	KindNGO     Kind = "ngo"
	KindGroup   Kind = "group"
	KindParty   Kind = "party"
	KindOrg     Kind = "org" // other organizations: institutions, media, churches
	KindUnknown Kind = "unknown"
)

// Match is one actor mention found in a sentence.
type Match struct {
	Start, End int             // token indices [Start,End) within the sentence
	Span       doc.Span        // byte span in the document text
	Text       string          // the matched text
	Entity     string          // canonical name ("Barack Obama", "Russia", "Islamic State")
	Code       cameo.ActorCode // "" when unknown
	Kind       Kind
}

// entryKind is the kind of a dictionary entry as written in the file; it is
// finer than Kind (a demonym is reported as a country, a capital as a metonym).
type entryKind string

const (
	ekCountry entryKind = "country"
	ekDemonym entryKind = "demonym"
	ekCapital entryKind = "capital"
	ekMetonym entryKind = "metonym"
	ekPerson  entryKind = "person"
	ekAgent   entryKind = "agent"
	ekIGO     entryKind = "igo"
	ekNGO     entryKind = "ngo"
	ekGroup   entryKind = "group"
	ekParty   entryKind = "party"
	ekOrg     entryKind = "org"
)

var entryKinds = map[string]entryKind{
	"country": ekCountry, "demonym": ekDemonym, "capital": ekCapital, "metonym": ekMetonym,
	"person": ekPerson, "agent": ekAgent, "igo": ekIGO, "ngo": ekNGO, "group": ekGroup, "party": ekParty, "org": ekOrg,
}

func (k entryKind) public() Kind {
	switch k {
	case ekCountry, ekDemonym:
		return KindCountry
	case ekCapital, ekMetonym:
		return KindMetonym
	case ekPerson:
		return KindPerson
	case ekAgent:
		return KindAgent
	case ekIGO:
		return KindIGO
	case ekNGO:
		return KindNGO
	case ekGroup:
		return KindGroup
	case ekParty:
		return KindParty
	case ekOrg:
		return KindOrg
	}
	return KindUnknown
}

// codeSpan is one code of an entry, valid from..to (inclusive, "" = open).
type codeSpan struct {
	code   cameo.ActorCode
	from   string // YYYY-MM-DD, "" when open
	to     string // YYYY-MM-DD or YYYY-MM-99 / YYYY-99-99 for partial ends, "" when open
	office string // office tag, e.g. "president", "pm", "fm"; "" when none
}

func (s codeSpan) dated() bool { return s.from != "" || s.to != "" }

func (s codeSpan) in(date string) bool {
	return (s.from == "" || date >= s.from) && (s.to == "" || date <= s.to)
}

// entry is one dictionary entry: a canonical name, its aliases and codes.
type entry struct {
	kind    entryKind
	name    string
	aliases []string
	spans   []codeSpan
	office  string // for agents: the office the word names ("president")
	prefix  bool   // for agents from PETRARCH "[IGO~]": the role goes before the country
	// looseCase: only the first word of an alias constrains case (PETRARCH
	// dictionaries are all upper case, so later words' case is unknown).
	looseCase bool
	src       string // file:line, for messages
}

// codeAt returns the code in force at date (YYYY-MM-DD, "" = undated) and
// the office held then.
func (e *entry) codeAt(date string) (cameo.ActorCode, string, bool) {
	var def *codeSpan
	for i := range e.spans {
		s := &e.spans[i]
		if !s.dated() {
			if def == nil {
				def = s
			}
			continue
		}
		if date != "" && s.in(date) {
			return s.code, s.office, true
		}
	}
	if date == "" {
		for i := len(e.spans) - 1; i >= 0; i-- {
			if s := e.spans[i]; s.dated() && s.to == "" {
				return s.code, s.office, true
			}
		}
	}
	if def != nil {
		return def.code, def.office, false
	}
	if len(e.spans) == 0 {
		return "", "", false
	}
	if date == "" {
		s := e.spans[len(e.spans)-1]
		return s.code, s.office, false
	}
	// Outside every dated role: a person is one of the country's elites.
	if c := e.spans[0].code.Country(); c != "" && e.kind == ekPerson {
		return cameo.ActorCode(c + "ELI"), "", false
	}
	return e.spans[0].code, "", false
}

// phrase is one tokenized alias pointing at the entries that use it.
type phrase struct {
	keys    []string
	cases   []caseReq
	poss    uint64 // bit j set: alias word j is possessive ("Korean People's Army")
	entries []*entry
}

type officeKey struct{ country, office string }

// Dict is a set of actor dictionaries ready for lookup. It is safe for
// concurrent use once built; Merge must not run concurrently with lookups.
type Dict struct {
	entries []*entry
	byAlias map[string]*phrase   // joined keys -> phrase
	first   map[string][]*phrase // first key -> phrases, longest first
	offices map[officeKey][]*entry
	maxLen  int
}

// New returns an empty Dict. To extend the embedded dictionaries without
// changing them for other users, merge into a new one:
//
//	d := actors.New()
//	d.Merge(actors.Default())
//	d.Merge(mine)
func New() *Dict { return newDict() }

func newDict() *Dict {
	return &Dict{byAlias: map[string]*phrase{}, first: map[string][]*phrase{}, offices: map[officeKey][]*entry{}}
}

// Len returns the number of entries.
func (d *Dict) Len() int { return len(d.entries) }

// Stats counts entries by kind, plus "role spans" (dated code spans of people).
func (d *Dict) Stats() map[string]int {
	out := map[string]int{}
	for _, e := range d.entries {
		out[string(e.kind)]++
		out["aliases"] += len(e.aliases)
		if e.kind == ekPerson {
			for _, s := range e.spans {
				if s.dated() {
					out["role spans"]++
				}
			}
		}
	}
	return out
}

// add indexes an entry under all its aliases. When prepend is set the entry
// goes before entries already using the alias (it wins ties).
func (d *Dict) add(e *entry, prepend bool) {
	d.entries = append(d.entries, e)
	for _, a := range e.aliases {
		toks := aliasWords(a)
		if len(toks) == 0 {
			continue
		}
		keys := make([]string, len(toks))
		cases := make([]caseReq, len(toks))
		var poss uint64
		for i, w := range toks {
			if stem, n := stripPossessive(w); n > 0 && i < len(toks)-1 && i < 64 {
				w = stem
				poss |= 1 << uint(i)
			}
			keys[i] = key(w)
			cases[i] = aliasCase(w)
			if i > 0 && e.looseCase {
				cases[i] = caseAny
			}
		}
		j := strings.Join(keys, " ")
		p := d.byAlias[j]
		if p == nil {
			p = &phrase{keys: keys, cases: cases, poss: poss}
			d.byAlias[j] = p
			d.first[keys[0]] = append(d.first[keys[0]], p)
			if len(keys) > d.maxLen {
				d.maxLen = len(keys)
			}
		} else {
			// the loosest case requirement of the spellings wins
			for i := range cases {
				if cases[i] < p.cases[i] {
					p.cases[i] = cases[i]
				}
			}
		}
		dup := false
		for _, x := range p.entries {
			if x == e {
				dup = true
			}
		}
		if dup {
			continue
		}
		if prepend {
			p.entries = append([]*entry{e}, p.entries...)
		} else {
			p.entries = append(p.entries, e)
		}
	}
	if e.kind == ekPerson {
		seen := map[officeKey]bool{}
		for _, s := range e.spans {
			if s.office == "" {
				continue
			}
			k := officeKey{s.code.Country(), s.office}
			if !seen[k] {
				seen[k] = true
				d.offices[k] = append(d.offices[k], e)
			}
		}
	}
}

func (d *Dict) sortIndex() {
	for k, ps := range d.first {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].keys) > len(ps[j].keys) })
		d.first[k] = ps
	}
}

// aliasWords splits an alias into words with the package tokenizer and
// drops a leading "the" (it is optional in text).
func aliasWords(a string) []string {
	out := words(a)
	if len(out) > 1 && out[0] == "the" {
		out = out[1:] // "the Kremlin": the article is optional in text; "The Hague" keeps it
	}
	return out
}

// Merge adds the entries of o to d. For an alias both define, o's entry is
// preferred (a user dictionary overrides the defaults). Merge modifies d:
// never merge into Default() itself, which other goroutines share; merge
// into New() instead.
func (d *Dict) Merge(o *Dict) {
	if o == nil {
		return
	}
	for _, e := range o.entries {
		d.add(e, true)
	}
	d.sortIndex()
}

//go:embed data/*.txt
var dataFS embed.FS

//go:embed data/phoenix/*.txt
var phoenixFS embed.FS

var (
	defaultOnce sync.Once
	defaultDict *Dict
	defaultErr  error
)

// Default returns the embedded dictionaries, parsed once on first use. The
// embedded files are checked by the package tests; should one ever fail to
// parse, Default returns the entries that did and DefaultErr reports why.
func Default() *Dict {
	defaultOnce.Do(func() {
		defaultDict, defaultErr = loadFS(dataFS, "data")
	})
	return defaultDict
}

// DefaultErr reports a parse error in the embedded dictionaries (nil normally).
func DefaultErr() error { Default(); return defaultErr }

var (
	extendedOnce sync.Once
	extendedDict *Dict
	extendedErr  error
)

// Extended returns the default dictionaries completed by the derived
// PETRARCH2 Phoenix dictionaries (data/phoenix, rebuilt by
// internal/actors/convert): some 25,000 more people, institutions,
// organizations and spellings, coded as of early 2014. Curated entries
// always win: a derived entry only adds the aliases no curated entry uses,
// and a derived person whose full name is already curated is dropped.
// It is parsed once on first use (a few hundred milliseconds) and does not
// change Default.
func Extended() *Dict {
	extendedOnce.Do(func() {
		base, err := loadFS(dataFS, "data")
		extra, err2 := loadFS(phoenixFS, "data/phoenix")
		base.fill(extra)
		extendedDict, extendedErr = base, errors.Join(err, err2)
	})
	return extendedDict
}

// ExtendedErr reports a parse error in the embedded dictionaries (nil normally).
func ExtendedErr() error { Extended(); return extendedErr }

// fill adds the entries of o to d without overriding d: aliases d already
// has are skipped, and a person of o sharing any multi-word alias with a
// person of d is dropped whole.
func (d *Dict) fill(o *Dict) {
	for _, e := range o.entries {
		var keep []string
		drop := false
		for _, a := range e.aliases {
			k := aliasKey(a)
			if k == "" {
				continue
			}
			if p, ok := d.byAlias[k]; ok {
				if e.kind == ekPerson && strings.Contains(k, " ") {
					for _, x := range p.entries {
						if x.kind == ekPerson {
							drop = true
						}
					}
				}
				continue
			}
			keep = append(keep, a)
		}
		if drop || len(keep) == 0 {
			continue
		}
		c := *e
		c.aliases = keep
		d.add(&c, false)
	}
	d.sortIndex()
}

// aliasKey is the index key of an alias: its normalized words joined by spaces.
func aliasKey(a string) string {
	ws := aliasWords(a)
	ks := make([]string, len(ws))
	for i, w := range ws {
		ks[i] = key(w)
	}
	return strings.Join(ks, " ")
}

func loadFS(fsys fs.FS, dir string) (*Dict, error) {
	d := newDict()
	names, err := fs.Glob(fsys, dir+"/*.txt")
	if err != nil {
		return d, err
	}
	sort.Strings(names)
	var errs []error
	for _, n := range names {
		f, err := fsys.Open(n)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		err = d.read(f, n)
		f.Close()
		if err != nil {
			errs = append(errs, err)
		}
	}
	d.sortIndex()
	if len(errs) > 0 {
		return d, fmt.Errorf("actors: %d embedded file(s) failed: %w", len(errs), errs[0])
	}
	return d, nil
}

// Country returns the canonical name of a country code from the loaded
// dictionaries (falling back to the cameo table), and whether it is known.
func (d *Dict) Country(iso3 string) (string, bool) {
	if c, ok := cameo.CountryByISO3(iso3); ok {
		for _, e := range d.entries {
			if e.kind == ekCountry && len(e.spans) > 0 && string(e.spans[0].code) == iso3 {
				return e.name, true
			}
		}
		return c.Name, true
	}
	return "", false
}

// Holder returns the canonical name and code of whoever held office (as
// tagged in the dictionaries: "president", "pm", "fm", "dm", ...) for the
// country on date, e.g. Holder("RUS", "president", "2015-11-26") -> "Vladimir Putin".
func (d *Dict) Holder(iso3, office, date string) (string, cameo.ActorCode, bool) {
	date = normDate(date)
	if date == "" {
		return "", "", false
	}
	for _, e := range d.offices[officeKey{iso3, office}] {
		for _, s := range e.spans {
			if s.office == office && s.dated() && s.in(date) && s.code.Country() == iso3 {
				return e.name, s.code, true
			}
		}
	}
	return "", "", false
}

// Lookup resolves a whole phrase ("the Kremlin", "Russian President",
// "Barack Obama") at date (YYYY-MM-DD; "" = undated). It reports false
// unless one match covers the whole phrase, a leading "the" aside.
func (d *Dict) Lookup(phrase string, date string) (Match, bool) {
	toks := Tokenize(phrase)
	if len(toks) == 0 {
		return Match{}, false
	}
	if ms := d.scan(phrase, toks, date, true); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(toks) {
		return ms[0], true
	}
	if len(toks) > 1 && key(toks[0].Form) == "the" {
		toks = toks[1:]
		if ms := d.scan(phrase, toks, date, true); len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(toks) {
			m := ms[0]
			m.Start, m.End = 0, len(toks)
			return m, true
		}
	}
	return Match{}, false
}

// normDate accepts YYYY-MM-DD, YYYYMMDD, YYYY-MM and YYYY (partial dates
// are taken as their first day) and returns YYYY-MM-DD, or "" when empty or
// malformed.
func normDate(s string) string {
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		return s
	case len(s) == 8 && allDigits(s):
		return s[:4] + "-" + s[4:6] + "-" + s[6:]
	case len(s) == 7 && s[4] == '-':
		return s + "-01"
	case len(s) == 4 && allDigits(s):
		return s + "-01-01"
	}
	return ""
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
