package timex

import (
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"The attacks of November 13 killed 130.", "Monday, May 18, 2015", "on Nov. 13, 2015 and 2015-11-24",
		"nine months ago, last week, next year", "11/31/2015 31 February 2015", "in 1990s and the 2010s",
		"Tuesday morning", "99999999 years ago", "“Thursday”", "",
	} {
		f.Add(s, "2015-11-26")
	}
	f.Add("last month", "0000-01-01")
	f.Add("next year", "9999-12-31")
	f.Fuzz(func(t *testing.T, text, pub string) {
		d := &doc.Document{Text: text, PubDate: pub}
		Extract(d)
		for _, e := range d.Dates {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				t.Fatalf("bad span %+v in %q", e.Span, text)
			}
			if e.Span.In(text) != e.Text {
				t.Fatalf("text %q != span text %q", e.Text, e.Span.In(text))
			}
			if utf8.ValidString(text) && !utf8.ValidString(e.Text) {
				t.Fatalf("expression cuts a rune: %q", e.Text)
			}
		}
		_ = TenseAt(d, doc.Span{Start: len(text) / 2, End: len(text)})
	})
}
