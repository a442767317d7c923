// Package doc is eventwire's data model: a cleaned document and everything
// extracted from it, each item tied to its evidence by byte spans into Text.
//
// doc is a leaf: it imports only the typed CAMEO codes. Every pipeline stage
// reads and fills a *Document; stages never reach back into each other.
package doc

import (
	"github.com/eventwire/eventwire/internal/cameo"
)

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len is the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies within s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// In returns the text of the span within text, or "" when out of range.
func (s Span) In(text string) string {
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return ""
	}
	return text[s.Start:s.End]
}

// Document is one news article after ingest and cleaning, with all extractions.
// Its JSON form is the public contract (DESIGN.md "JSON output contract").
type Document struct {
	ID      string `json:"id"`               // "sha256:" + hex of the normalized text
	URL     string `json:"url,omitempty"`    // canonical URL when known
	Source  string `json:"source,omitempty"` // outlet / host, or the input file
	Origin  string `json:"origin,omitempty"` // where it was read: file path, file#record, stdin
	Title   string `json:"title"`
	PubDate string `json:"pubdate,omitempty"` // YYYY-MM-DD
	Lang    string `json:"lang"`
	Text    string `json:"text"`

	Removed   []Removed  `json:"removed"`
	Sentences []Sentence `json:"sentences"`
	Entities  []Mention  `json:"entities"`
	Events    []Event    `json:"events"`
	Quotes    []Quote    `json:"quotes"`
	Places    []Place    `json:"places"`
	Dates     []TimeExpr `json:"dates"`
	Counts    []Count    `json:"counts"`
	Tone      *Tone      `json:"tone,omitempty"`
	Flags     []Flag     `json:"flags"`
	Errors    []Error    `json:"errors"`

	// NearDuplicateOf is the ID of an earlier stored document this one is a
	// near-copy of (same story on another site), when known.
	NearDuplicateOf string `json:"near_duplicate_of,omitempty"`
}

// Removed is a piece of the input that cleaning dropped. Its span is a byte
// range into the raw input text (it is not in Text).
type Removed struct {
	Span
	Text string `json:"text"`
	Why  string `json:"why"`
}

// Sentence is a sentence of Text with its tokens.
type Sentence struct {
	Span
	Tokens []Token `json:"tokens,omitempty"`
}

// Token is one syntactic word (UD sense) with its annotations.
// Head is the index of the governing token within the sentence, -1 for root.
type Token struct {
	Span
	Form   string `json:"form"`
	Lemma  string `json:"lemma,omitempty"`
	UPOS   string `json:"upos,omitempty"`
	XPOS   string `json:"xpos,omitempty"`
	Head   int    `json:"head"`
	Deprel string `json:"deprel,omitempty"`
	NER    string `json:"ner,omitempty"` // BIO tag, e.g. "B-PER"
	// SpaceAfter is false when the next token follows without whitespace.
	SpaceAfter bool `json:"space_after,omitempty"`
}

// EntityType is the closed set of named-entity types.
type EntityType string

const (
	PER  EntityType = "PER"
	ORG  EntityType = "ORG"
	LOC  EntityType = "LOC"
	GPE  EntityType = "GPE"
	FAC  EntityType = "FAC"
	NORP EntityType = "NORP"
	MISC EntityType = "MISC"
)

// Mention is a named (or nominal) reference to an entity.
type Mention struct {
	Span
	Text     string          `json:"text"`
	Type     EntityType      `json:"type"`
	Entity   string          `json:"entity,omitempty"` // canonical name, e.g. "Barack Obama"
	Actor    cameo.ActorCode `json:"actor,omitempty"`  // CAMEO actor code, e.g. USAGOV
	Sentence int             `json:"sentence"`
	// Resolved is how Entity/Actor were found: "dictionary", "role", "coref", "nominal", ...
	Resolved string `json:"resolved,omitempty"`
}

// Modality says how an event is asserted.
type Modality string

const (
	Asserted     Modality = "asserted"
	Intended     Modality = "intended"
	Conditional  Modality = "conditional"
	Reported     Modality = "reported"
	Hypothetical Modality = "hypothetical"
)

// Participant is an event's source or target.
type Participant struct {
	Span
	Text   string          `json:"text"`
	Entity string          `json:"entity,omitempty"`
	Actor  cameo.ActorCode `json:"actor"`
}

// Event is one coded dyadic event with its evidence.
type Event struct {
	Source     *Participant    `json:"source"`
	Target     *Participant    `json:"target"`
	Code       cameo.EventCode `json:"cameo"`
	Root       cameo.Root      `json:"root"`
	PLOVER     string          `json:"plover,omitempty"`
	PLOVERMode string          `json:"plover_mode,omitempty"`
	QuadClass  cameo.QuadClass `json:"quad_class"`
	Goldstein  float64         `json:"goldstein"`
	Negated    bool            `json:"negated"`
	Modality   Modality        `json:"modality"`
	Date       string          `json:"date,omitempty"`
	Precision  string          `json:"date_precision,omitempty"`
	Place      *Place          `json:"place,omitempty"`
	Killed     *int64          `json:"killed"`
	Injured    *int64          `json:"injured,omitempty"`
	Sentence   int             `json:"sentence"`
	Span                       // the evidence: the sentence (or clause) span
	Trigger    Span            `json:"trigger"`
	Confidence float64         `json:"confidence"`
	Pattern    string          `json:"pattern,omitempty"` // which pattern fired

	// Mentions, Sources and Articles count the reports of this event once
	// events are merged across documents (GDELT's NumMentions/NumSources/
	// NumArticles); 0 means "this document only".
	Mentions int `json:"mentions,omitempty"`
	Sources  int `json:"sources,omitempty"`
	Articles int `json:"articles,omitempty"`
}

// Quote is quoted speech with its speaker, when stated.
type Quote struct {
	Span
	Text    string   `json:"text"`
	Speaker *Speaker `json:"speaker"`
	Cue     *Span    `json:"cue,omitempty"`    // span of the cue verb ("said")
	Method  string   `json:"method,omitempty"` // "cue", "preceding", "according_to", "none"
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Span
	Text   string          `json:"text"`
	Entity string          `json:"entity,omitempty"`
	Actor  cameo.ActorCode `json:"actor,omitempty"`
}

// Place is a geocoded toponym.
type Place struct {
	Span
	Text         string  `json:"text"`
	Name         string  `json:"name,omitempty"` // gazetteer name
	Country      string  `json:"country,omitempty"`
	ADM1         string  `json:"adm1,omitempty"`
	Lat          float64 `json:"lat"`
	Lon          float64 `json:"lon"`
	GeoNames     int     `json:"geonames,omitempty"`
	FeatureClass string  `json:"feature_class,omitempty"`
	// GeoType follows GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
	GeoType int `json:"geo_type,omitempty"`
}

// TimeExpr is a normalized time expression.
type TimeExpr struct {
	Span
	Text      string `json:"text"`
	Value     string `json:"value"`            // ISO 8601: 2015-11-24, 2015-11, 2015
	Precision string `json:"precision"`        // day, month, year
	Anchor    string `json:"anchor,omitempty"` // what it was resolved against, e.g. "pubdate"
	Duration  string `json:"duration,omitempty"`
}

// Count is a number of people or things affected.
type Count struct {
	Span
	Text      string  `json:"text"`
	What      string  `json:"what"` // killed, injured, arrested, displaced, protesters, ...
	Number    *int64  `json:"number"`
	Min       *int64  `json:"min"`
	Max       *int64  `json:"max"`
	Qualifier *string `json:"qualifier"`
	Who       string  `json:"who,omitempty"`
}

// Tone follows GDELT V1.5 tone fields.
type Tone struct {
	Score            float64 `json:"score"`
	Positive         float64 `json:"positive"`
	Negative         float64 `json:"negative"`
	Polarity         float64 `json:"polarity"`
	ActivityDensity  float64 `json:"activity_density"`
	SelfGroupDensity float64 `json:"self_group_density"`
	WordCount        int     `json:"word_count"`
}

// FlagKind is the closed set of integrity flags.
type FlagKind string

const (
	FlagBoilerplate       FlagKind = "boilerplate"
	FlagUnattributedQuote FlagKind = "unattributed_quote"
	FlagDanglingReference FlagKind = "dangling_reference"
	FlagContradiction     FlagKind = "contradiction"
	FlagDuplicateSentence FlagKind = "duplicate_sentence"
	FlagFutureDate        FlagKind = "future_date"
)

// Flag is an integrity warning about part of the document.
type Flag struct {
	Kind FlagKind `json:"kind"`
	Span
	Message string `json:"message"`
}

// Error is a per-document problem, kept as data so a batch never stops.
type Error struct {
	Origin  string `json:"origin,omitempty"` // file, file#record
	Offset  int64  `json:"offset,omitempty"` // byte offset in the input, when known
	Line    int    `json:"line,omitempty"`
	Stage   string `json:"stage"` // read, clean, nlp, ...
	Message string `json:"message"`
}

func (e Error) Error() string {
	loc := e.Origin
	if e.Line > 0 {
		loc += ":" + itoa(e.Line)
	} else if e.Offset > 0 {
		loc += "@" + itoa(int(e.Offset))
	}
	if loc == "" {
		return e.Stage + ": " + e.Message
	}
	return loc + ": " + e.Stage + ": " + e.Message
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// SentenceAt returns the index of the sentence containing byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		s := d.Sentences[m].Span
		switch {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}
