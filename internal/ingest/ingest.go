// Package ingest reads raw news from files, folders and standard input and
// yields one Item per document: plain text, HTML pages, RSS/Atom entries,
// HTML responses in WARC archives, and JSON lines. Gzip is undone
// transparently for every kind, and the kind is detected from the content.
//
// Readers never extract the main content of a page (internal/clean does);
// for HTML they fill Title, PubDate, URL and Source from the page's metadata
// and pass the whole page on. Archives, JSON lines and gzip streams are read
// incrementally, so memory does not grow with the input size. Every problem
// (unreadable file, truncated gzip, broken WARC record, bad JSON line,
// oversized document, binary junk) becomes an Item with Err set, naming the
// file and the record, line or offset, and the walk goes on.
package ingest

import (
	"context"
	"io"

	"github.com/eventwire/eventwire/internal/doc"
)

// Kind is the format of an input container.
type Kind string

// The input kinds. KindUnknown is returned by Detect for binary data that
// holds no news (images, executables, archives).
const (
	KindUnknown Kind = ""
	KindText    Kind = "text"
	KindHTML    Kind = "html"
	KindRSS     Kind = "rss"
	KindAtom    Kind = "atom"
	KindWARC    Kind = "warc"
	KindJSONL   Kind = "jsonl"
)

// Item is one document read from the input, or one failure to read one.
type Item struct {
	// Origin says where the item was read: "path", "path#record=3" (WARC),
	// "path#item=2" (feed entry), "path:line=12" (JSONL), "-" for stdin.
	Origin string
	Kind   Kind // kind of the container it came from
	URL    string
	Title  string
	// PubDate is YYYY-MM-DD when known.
	PubDate string
	// Source is the host of URL (without "www."), or the site name.
	Source string
	// Body is the raw document: plain text, or HTML when IsHTML. It is
	// always valid UTF-8 (transcoded or repaired; see Warn).
	Body   []byte
	IsHTML bool
	// Err is non-nil when this item could not be read; Origin, Line and
	// Offset say where. The batch goes on with the next item.
	Err *doc.Error
	// Warn lists problems that did not stop the item from being read,
	// e.g. invalid UTF-8 replaced by U+FFFD or a charset conversion.
	Warn []doc.Error
}

// Options tune Walk. The zero value is ready to use.
type Options struct {
	// MaxDocBytes caps one document; larger ones become error items.
	// Default 16 MiB.
	MaxDocBytes int64
	// Stdin is read for the path "-". Default os.Stdin.
	Stdin io.Reader
}

// DefaultMaxDocBytes is the document size cap when Options leaves it zero.
const DefaultMaxDocBytes = 16 << 20

// Iterator yields Items pull-style:
//
//	it := ingest.Walk(ctx, paths, opt)
//	defer it.Close()
//	for it.Next() { item := it.Item(); ... }
type Iterator interface {
	Next() bool
	Item() Item
	Close() error
}

// Walk reads the given files and folders (recursively, in sorted order,
// skipping hidden entries inside folders; "-" is standard input) and
// returns an iterator over their documents. It stops early when ctx is done.
func Walk(ctx context.Context, paths []string, opt Options) Iterator {
	if opt.MaxDocBytes <= 0 {
		opt.MaxDocBytes = DefaultMaxDocBytes
	}
	return &walker{ctx: ctx, args: paths, opt: opt}
}
