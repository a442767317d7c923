// Package store declares how eventwire keeps documents and what it can ask
// of them: the Store interface (write, fetch, full-text search, event
// filtering, duplicate-sentence lookups), the Analytics interface
// (aggregations for the API and dashboard), and their shared types.
//
// Drivers live in sub-packages: store/sqlite is the default embedded one.
package store

import (
	"context"
	"errors"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// Errors returned by drivers, wrapped with detail; test with errors.Is.
var (
	ErrNotFound    = errors.New("not found")
	ErrBadCursor   = errors.New("bad cursor")
	ErrBadQuery    = errors.New("bad query")
	ErrBadFilter   = errors.New("bad filter")
	ErrBadDocument = errors.New("bad document")
)

// MaxLimit caps the page size of Search and Events.
const MaxLimit = 1000

// Store keeps documents with everything extracted from them.
type Store interface {
	// Put writes docs in one transaction. It is idempotent by doc.ID
	// (documents already stored are skipped and counted; an empty ID is
	// filled with dedupe.ID(doc.Text)). A document whose MinHash signature
	// reaches dedupe.Threshold against a stored one is stored too, with
	// doc.NearDuplicateOf set to the earlier document's ID.
	Put(ctx context.Context, docs []*doc.Document) (PutStats, error)
	// Get returns the full document; errors.Is(err, ErrNotFound) when absent.
	Get(ctx context.Context, id string) (*doc.Document, error)
	// Search runs a ranked full-text query over titles and texts.
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
	// Each calls fn on every document in insertion order, in constant
	// memory; it stops at the first error fn returns and returns it.
	Each(ctx context.Context, fn func(*doc.Document) error) error
	// Events returns a page of events matching f and the cursor of the next
	// page ("" at the end).
	Events(ctx context.Context, f EventFilter) ([]EventRow, string, error)
	// SeenSentences maps each of hashes (dedupe.SentenceHash) that occurs in
	// a stored document from a source other than notSource to the ID of the
	// earliest such document.
	SeenSentences(ctx context.Context, hashes []uint64, notSource string) (map[uint64]string, error)
	// Count returns table sizes.
	Count(ctx context.Context) (Counts, error)
	Close() error
}

// PutStats says what Put did.
type PutStats struct {
	Added          int // new documents written (near duplicates included)
	Skipped        int // documents whose ID was already stored
	NearDuplicates int // added documents linked to an earlier near copy
}

// Counts are the sizes of the store.
type Counts struct {
	Documents      int64 `json:"documents"`
	NearDuplicates int64 `json:"near_duplicates"`
	Sentences      int64 `json:"sentences"`
	Events         int64 `json:"events"`
	Entities       int64 `json:"entities"`
	Quotes         int64 `json:"quotes"`
	Places         int64 `json:"places"`
}

// SearchQuery selects documents by text and metadata.
type SearchQuery struct {
	// Text is plain words, all required; "double-quoted" parts are phrases.
	// No operator syntax: any input is a valid query.
	Text string
	// Match is a raw FTS5 query expression (AND, OR, NOT, NEAR, prefix*),
	// used instead of Text when set; bad syntax gives ErrBadQuery.
	Match string
	// Since and Until bound the publication date (YYYY-MM-DD, inclusive).
	Since, Until string
	Source       string // exact source, when set
	Limit        int    // default 20, at most MaxLimit
	Cursor       string // from Hit.Cursor of the previous page's last hit
}

// Hit is one search result.
type Hit struct {
	ID      string `json:"id"`
	URL     string `json:"url,omitempty"`
	Source  string `json:"source,omitempty"`
	Title   string `json:"title"`
	PubDate string `json:"pubdate,omitempty"`
	// Snippet is an excerpt of the text around the matches; Highlights are
	// the byte spans of matched terms within Snippet.
	Snippet    string     `json:"snippet"`
	Highlights []doc.Span `json:"highlights,omitempty"`
	// Score is the bm25 relevance, higher is better.
	Score float64 `json:"score"`
	// Cursor continues the search after this hit.
	Cursor string `json:"cursor"`
}

// BBox is a latitude/longitude rectangle (inclusive; no antimeridian wrap).
type BBox struct {
	MinLat, MinLon, MaxLat, MaxLon float64
}

// EventFilter selects events; zero fields do not filter.
type EventFilter struct {
	DocID   string          // events of one document
	Actor   string          // prefix of the source or target actor code, e.g. "USA"
	Root    cameo.Root      // CAMEO root, e.g. "11"
	Quad    cameo.QuadClass // 1..4
	Country string          // ISO2 country of the event place
	// Since and Until bound the event day (YYYY-MM-DD, inclusive); see
	// EventRow.Day.
	Since, Until string
	BBox         *BBox
	Negated      *bool
	Limit        int    // default 100, at most MaxLimit
	Cursor       string // from the previous Events call
	// Order is the order of the pages (default NewestFirst). A cursor is a
	// position, valid in either day order: with the other one it pages
	// back towards the start.
	Order Order
}

// Order is the order in which Events returns events.
type Order string

const (
	// NewestFirst is by event day (EventRow.Day), latest first, and within
	// a day the last stored first; events without a day come last. Pages
	// are keyed by (day, event), so events stored while a client pages
	// never shift or repeat the rows of the following pages.
	NewestFirst Order = ""
	// OldestFirst is the exact reverse of NewestFirst.
	OldestFirst Order = "asc"
	// StoredOrder is insertion order, the order the event stream follows;
	// its cursors ("e" and the event's storage id) are not valid in the day
	// orders and the other way round.
	StoredOrder Order = "stored"
)

// EventRow is one stored event with its document reference.
type EventRow struct {
	DocID      string          `json:"doc_id"`
	Index      int             `json:"index"` // position in Document.Events
	Source     cameo.ActorCode `json:"source_actor,omitempty"`
	SourceText string          `json:"source_text,omitempty"`
	Target     cameo.ActorCode `json:"target_actor,omitempty"`
	TargetText string          `json:"target_text,omitempty"`
	Code       cameo.EventCode `json:"cameo"`
	Root       cameo.Root      `json:"root"`
	QuadClass  cameo.QuadClass `json:"quad_class"`
	Goldstein  float64         `json:"goldstein"`
	Negated    bool            `json:"negated"`
	Modality   doc.Modality    `json:"modality"`
	Date       string          `json:"date,omitempty"` // as extracted, any precision
	// Day is the event's day used for filtering and timelines: Date when it
	// is a full date, its first day for month or year precision, else the
	// document's publication date.
	Day        string   `json:"day,omitempty"`
	PlaceName  string   `json:"place_name,omitempty"`
	Country    string   `json:"country,omitempty"`
	Lat        *float64 `json:"lat,omitempty"`
	Lon        *float64 `json:"lon,omitempty"`
	Killed     *int64   `json:"killed"`
	Sentence   int      `json:"sentence"`
	Span       doc.Span `json:"span"`
	Evidence   string   `json:"evidence"` // the text of Span
	Confidence float64  `json:"confidence"`
}

// Analytics aggregates stored events for the API and dashboard. Every
// method takes an EventFilter (its Limit and Cursor are ignored) and n, the
// number of rows wanted (default 50, at most MaxLimit).
type Analytics interface {
	// TopActors ranks actor codes by the number of events they take part in.
	TopActors(ctx context.Context, f EventFilter, n int) ([]ActorCount, error)
	// ActorEdges ranks source→target actor pairs per QuadClass.
	ActorEdges(ctx context.Context, f EventFilter, n int) ([]Edge, error)
	// Timeline counts events per day or week and QuadClass, in date order.
	Timeline(ctx context.Context, f EventFilter, by Bucket) ([]TimelinePoint, error)
	// Places ranks event places.
	Places(ctx context.Context, f EventFilter, n int) ([]PlaceCount, error)
}

// ActorCount is an actor's share of events.
type ActorCount struct {
	Actor         cameo.ActorCode `json:"actor"`
	Events        int64           `json:"events"`
	AsSource      int64           `json:"as_source"`
	AsTarget      int64           `json:"as_target"`
	MeanGoldstein float64         `json:"mean_goldstein"`
}

// Edge is the events from one actor to another in one QuadClass.
type Edge struct {
	Source        cameo.ActorCode `json:"source"`
	Target        cameo.ActorCode `json:"target"`
	QuadClass     cameo.QuadClass `json:"quad_class"`
	Events        int64           `json:"events"`
	MeanGoldstein float64         `json:"mean_goldstein"`
}

// Bucket is a timeline resolution.
type Bucket string

const (
	Day  Bucket = "day"
	Week Bucket = "week" // weeks start on Monday
)

// TimelinePoint is the events of one bucket and QuadClass.
type TimelinePoint struct {
	Start         string          `json:"start"` // first day of the bucket, YYYY-MM-DD
	QuadClass     cameo.QuadClass `json:"quad_class"`
	Events        int64           `json:"events"`
	MeanGoldstein float64         `json:"mean_goldstein"`
}

// PlaceCount is the events at one place.
type PlaceCount struct {
	Name          string  `json:"name"`
	Country       string  `json:"country,omitempty"`
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	Events        int64   `json:"events"`
	MeanGoldstein float64 `json:"mean_goldstein"`
}
