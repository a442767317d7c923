// Package feed reads RSS (0.9x, 1.0, 2.0) and Atom feeds with
// github.com/mmcdole/gofeed and turns each entry into one news document:
// its title, link, publication date and body (full content when the feed
// carries it, else the description or summary).
package feed

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/eventwire/eventwire/internal/ingest/htmlmeta"
)

// Feed is a parsed feed.
type Feed struct {
	Type    string // "rss" or "atom"
	Title   string
	Link    string
	Entries []Entry
}

// Entry is one feed item.
type Entry struct {
	Index   int // 1-based position in the feed
	Title   string
	Link    string
	PubDate string // YYYY-MM-DD in the publisher's time zone, "" when the feed gives none
	Body    string
	IsHTML  bool // Body holds markup
	// Empty is true when the entry has neither content nor description.
	Empty bool
}

// ErrTooLarge is returned when the feed is longer than the size limit.
var ErrTooLarge = errors.New("feed too large")

// Parse reads a whole feed of at most maxBytes bytes (<= 0: no limit).
// Feeds are small containers, so they are read into memory; documents in
// them are returned in feed order.
func Parse(r io.Reader, maxBytes int64) (f *Feed, err error) {
	if maxBytes > 0 {
		r = &capReader{r: r, left: maxBytes}
	}
	defer func() {
		// gofeed is outside code: turn any panic on hostile input into an error.
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("feed parser failed: %v", p)
		}
	}()
	gf, err := gofeed.NewParser().Parse(r)
	if err != nil {
		var ce *capError
		if errors.As(err, &ce) {
			return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, maxBytes)
		}
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, errors.New("not an RSS or Atom feed")
		}
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	f = &Feed{Type: gf.FeedType, Title: clean(gf.Title), Link: strings.TrimSpace(gf.Link)}
	for i, it := range gf.Items {
		if it == nil {
			continue
		}
		e := Entry{Index: i + 1, Title: clean(it.Title), Link: strings.TrimSpace(it.Link)}
		if e.Link == "" && len(it.Links) > 0 {
			e.Link = strings.TrimSpace(it.Links[0])
		}
		if e.Link == "" && strings.HasPrefix(it.GUID, "http") {
			e.Link = strings.TrimSpace(it.GUID)
		}
		// The date as written keeps the publisher's calendar day; gofeed's
		// parsed times are UTC and serve as the fallback.
		switch {
		case htmlmeta.NormalizeDate(it.Published) != "":
			e.PubDate = htmlmeta.NormalizeDate(it.Published)
		case it.PublishedParsed != nil:
			e.PubDate = day(*it.PublishedParsed)
		case htmlmeta.NormalizeDate(it.Updated) != "":
			e.PubDate = htmlmeta.NormalizeDate(it.Updated)
		case it.UpdatedParsed != nil:
			e.PubDate = day(*it.UpdatedParsed)
		}
		e.Body = it.Content
		if strings.TrimSpace(e.Body) == "" {
			e.Body = it.Description
		}
		e.Body = strings.TrimSpace(e.Body)
		e.Empty = e.Body == ""
		e.IsHTML = looksHTML(e.Body)
		f.Entries = append(f.Entries, e)
	}
	return f, nil
}

func day(t time.Time) string {
	if y := t.Year(); y < 1900 || y > 2199 {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// looksHTML reports whether s holds an element tag or an entity that a text
// reader should not see raw.
func looksHTML(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		c := s[i+1]
		if c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				return true
			}
		}
	}
	return false
}

type capError struct{}

func (*capError) Error() string { return "size limit reached" }

type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Probe one byte: a feed of exactly the limit is fine.
		var one [1]byte
		n, err := c.r.Read(one[:])
		if n > 0 {
			return 0, &capError{}
		}
		return 0, err
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}
