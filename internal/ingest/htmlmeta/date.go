package htmlmeta

import (
	"strconv"
	"strings"
	"time"
)

// dateLayouts are the timestamp shapes seen in publication metadata, tried in
// order. Layouts with a zone keep the writer's local calendar day.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	time.UnixDate,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 02 Jan 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006",
	"02 Jan 2006",
	"2 January 2006",
	"Jan 2, 2006 15:04 MST",
	"Jan 2, 2006",
	"January 2, 2006 15:04 MST",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
}

// NormalizeDate turns a publication timestamp as found in metadata (ISO 8601,
// RFC 822/1123, "January 2, 2006", Unix seconds, ...) into YYYY-MM-DD. It
// returns "" when s is not a recognisable date between 1900 and 2199.
func NormalizeDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 80 {
		return ""
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return format(t)
		}
	}
	// Unix seconds or milliseconds, as some CMSs write.
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && len(s) >= 9 {
		if len(s) >= 13 {
			n /= 1000
		}
		return format(time.Unix(n, 0).UTC())
	}
	// A leading ISO date followed by something no layout covers.
	if len(s) >= 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return format(t)
		}
	}
	return ""
}

func format(t time.Time) string {
	if y := t.Year(); y < 1900 || y > 2199 {
		return ""
	}
	return t.Format("2006-01-02")
}
