package store

import (
	"encoding/json"
	"fmt"
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
