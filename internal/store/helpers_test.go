package store

import (
	"errors"
	"testing"
)

func TestEventDay(t *testing.T) {
	for _, c := range []struct{ date, pub, want string }{
		{"2015-11-24", "2015-11-26", "2015-11-24"},
		{"2015-11", "2015-11-26", "2015-11-01"},
		{"2015", "2015-11-26", "2015-01-01"},
		{"", "2015-11-26T10:00:00Z", "2015-11-26"},
		{"2015-13-01", "2015-11-26", "2015-11-26"},
		{"", "", ""},
		{"soon", "not a date", ""},
	} {
		if got := EventDay(c.date, c.pub); got != c.want {
			t.Errorf("EventDay(%q, %q) = %q, want %q", c.date, c.pub, got, c.want)
		}
	}
}

func TestHighlightsAndLimits(t *testing.T) {
	text, spans := Highlights("a " + MarkOpen + "big" + MarkClose + " cat " + MarkOpen + "ran")
	if text != "a big cat ran" || len(spans) != 1 || text[spans[0].Start:spans[0].End] != "big" {
		t.Fatalf("Highlights: %q %v", text, spans)
	}
	for _, c := range []struct{ n, want int }{{0, 50}, {7, 7}, {MaxLimit + 1, MaxLimit}} {
		if got, err := PageLimit(c.n, 50); err != nil || got != c.want {
			t.Errorf("PageLimit(%d) = %d, %v", c.n, got, err)
		}
	}
	if _, err := PageLimit(-1, 50); !errors.Is(err, ErrBadQuery) {
		t.Errorf("negative limit: %v", err)
	}
	if ValidDay("2015-02-30") || !ValidDay("2015-02-28") {
		t.Error("ValidDay")
	}
}
