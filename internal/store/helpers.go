package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
)

// Snippet markers drivers ask their full-text engine to put around matched
// terms; Highlights turns them into spans.
const (
	MarkOpen  = "\x02"
	MarkClose = "\x03"
)

// Highlights removes the snippet markers from raw and returns the spans
// (byte offsets into the cleaned snippet) they enclosed.
func Highlights(raw string) (string, []doc.Span) {
	var b strings.Builder
	var spans []doc.Span
	open := -1
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case MarkOpen[0]:
			open = b.Len()
		case MarkClose[0]:
			if open >= 0 {
				spans = append(spans, doc.Span{Start: open, End: b.Len()})
				open = -1
			}
		default:
			b.WriteByte(raw[i])
		}
	}
	return b.String(), spans
}

// PageLimit applies the page-size rules: 0 means def, larger than MaxLimit
// is capped, negative is ErrBadQuery.
func PageLimit(n, def int) (int, error) {
	switch {
	case n < 0:
		return 0, fmt.Errorf("negative limit %d: %w", n, ErrBadQuery)
	case n == 0:
		return def, nil
	case n > MaxLimit:
		return MaxLimit, nil
	}
	return n, nil
}

// ValidDay reports whether s is a YYYY-MM-DD date.
func ValidDay(s string) bool {
	if len(s) != 10 {
		return false
	}
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// EventDay is the day an event is filed under: its date when it is a full
// date, the first day of its month or year for coarser dates, else the
// publication date; "" when none is a valid date.
func EventDay(date, pubdate string) string {
	for _, c := range []struct{ layout, suffix string }{
		{"2006-01-02", ""}, {"2006-01", "-01"}, {"2006", "-01-01"},
	} {
		if len(date) == len(c.layout) {
			if _, err := time.Parse(c.layout, date); err == nil {
				return date + c.suffix
			}
		}
	}
	if len(pubdate) >= 10 && ValidDay(pubdate[:10]) {
		return pubdate[:10]
	}
	return ""
}

// DecodeDoc rebuilds a stored document from its contract JSON (stored
// without the text) and its text column.
func DecodeDoc(id string, blob []byte, text string) (*doc.Document, error) {
	d := new(doc.Document)
	if err := json.Unmarshal(blob, d); err != nil {
		return nil, fmt.Errorf("document %s: stored JSON: %w", id, err)
	}
	d.Text = text
	return d, nil
}

// EventFields are the flat columns drivers store for an event's
// participants and place.
type EventFields struct {
	SrcActor, SrcText, TgtActor, TgtText string
	PlaceName, Country                   string
	Lat, Lon                             any // nil when the place has no coordinates
}

// FlattenEvent gives e's participant and place columns.
func FlattenEvent(e *doc.Event) EventFields {
	var f EventFields
	if e.Source != nil {
		f.SrcActor, f.SrcText = string(e.Source.Actor), e.Source.Text
	}
	if e.Target != nil {
		f.TgtActor, f.TgtText = string(e.Target.Actor), e.Target.Text
	}
	if pl := e.Place; pl != nil {
		f.PlaceName = pl.Name
		if f.PlaceName == "" {
			f.PlaceName = pl.Text
		}
		f.Country = pl.Country
		if pl.Lat != 0 || pl.Lon != 0 {
			f.Lat, f.Lon = pl.Lat, pl.Lon
		}
	}
	return f
}

// DayKey is a position in the day orders of Events: an event's day ("" for
// an event without one) and its storage id.
type DayKey struct {
	Day string
	ID  int64
}

// Cursor is the Events cursor of the position k: "k", the day, ".", the id.
func (k DayKey) Cursor() string { return "k" + k.Day + "." + strconv.FormatInt(k.ID, 10) }

// ParseDayCursor reads a cursor made by DayKey.Cursor.
func ParseDayCursor(c string) (DayKey, error) {
	v, ok := strings.CutPrefix(c, "k")
	i := strings.LastIndexByte(v, '.')
	if !ok || i < 0 {
		return DayKey{}, fmt.Errorf("events cursor %q: %w", c, ErrBadCursor)
	}
	id, err := strconv.ParseInt(v[i+1:], 10, 64)
	if err != nil || id < 0 || (i > 0 && !ValidDay(v[:i])) {
		return DayKey{}, fmt.Errorf("events cursor %q: %w", c, ErrBadCursor)
	}
	return DayKey{Day: v[:i], ID: id}, nil
}

// DaySegment is one run of a day order that one index-ordered query can
// read: the dated events (by day, then id) or the undated ones (by id).
type DaySegment struct {
	Dated bool
	Desc  bool
	// After, when set, starts the segment strictly after this position.
	After *DayKey
}

// DaySegments returns the segments, in reading order, of the events that
// follow cursor ("" = from the start) in order o (NewestFirst or
// OldestFirst). Newest first reads the dated events then the undated ones;
// oldest first the reverse.
func DaySegments(o Order, cursor string) ([]DaySegment, error) {
	var desc bool
	switch o {
	case NewestFirst:
		desc = true
	case OldestFirst:
	default:
		return nil, fmt.Errorf("event order %q is not a day order: %w", o, ErrBadFilter)
	}
	var after *DayKey
	if cursor != "" {
		k, err := ParseDayCursor(cursor)
		if err != nil {
			return nil, err
		}
		after = &k
	}
	dated, undated := DaySegment{Dated: true, Desc: desc}, DaySegment{Desc: desc}
	switch {
	case after == nil && desc:
		return []DaySegment{dated, undated}, nil
	case after == nil:
		return []DaySegment{undated, dated}, nil
	case after.Day != "" && desc:
		dated.After = after
		return []DaySegment{dated, undated}, nil
	case after.Day != "":
		dated.After = after
		return []DaySegment{dated}, nil
	case desc:
		undated.After = after
		return []DaySegment{undated}, nil
	default:
		undated.After = after
		return []DaySegment{undated, dated}, nil
	}
}

// SortDayKeys sorts keys of one segment into its order.
func SortDayKeys(keys []DayKey, seg DaySegment) {
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if seg.Desc {
			a, b = b, a
		}
		if a.Day != b.Day {
			return a.Day < b.Day
		}
		return a.ID < b.ID
	})
}

// ParseOrder reads an order name: "desc" (or "") newest first, "asc"
// oldest first.
func ParseOrder(s string) (Order, bool) {
	switch s {
	case "", "desc":
		return NewestFirst, true
	case "asc":
		return OldestFirst, true
	}
	return "", false
}

// RowsInKeyOrder puts the rows read for a page of keys (their ids in ids,
// any order) in the keys' order, leaves out an event pruned meanwhile, and
// cuts the page to limit: the keys hold one more than limit when there is
// a next page, whose cursor it returns ("" when none).
func RowsInKeyOrder(keys []DayKey, ids []int64, rows []EventRow, limit int) ([]EventRow, string) {
	byID := make(map[int64]int, len(ids))
	for i, id := range ids {
		byID[id] = i
	}
	out := make([]EventRow, 0, len(keys))
	kept := keys[:0]
	for _, k := range keys {
		if i, ok := byID[k.ID]; ok {
			out = append(out, rows[i])
			kept = append(kept, k)
		}
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = kept[limit-1].Cursor()
	}
	return out, next
}
