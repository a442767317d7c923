package integrity

import (
	"testing"

	"github.com/eventwire/eventwire/internal/counts"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/quotes"
	"github.com/eventwire/eventwire/internal/timex"
	"github.com/eventwire/eventwire/internal/tone"
)

// FuzzLayer runs every stage of the layer on arbitrary text: no panics,
// every span inside the text.
func FuzzLayer(f *testing.F) {
	for _, s := range []string{
		"Sitting down to talks with Hollande at the Kremlin, Putin spoke. The two met at the White House on Tuesday.",
		"Headline\n\nThursday, May 7, 2015\n\n“We are ready”, Obama said. 130 people were killed; 30,000 to 200,000 militants.",
		"more than 10,000 ISIS deaths between 5 and", "tens of thousands of", "a dozen", "”“", "",
	} {
		f.Add(s, "2015-11-26")
	}
	f.Fuzz(func(t *testing.T, text, pub string) {
		d := &doc.Document{Text: text, PubDate: pub}
		timex.Extract(d)
		quotes.Extract(d)
		counts.Extract(d)
		tone.Score(d)
		Check(d, nil)
		in := func(s doc.Span, what string) {
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("%s span %+v outside text of %d bytes", what, s, len(text))
			}
		}
		for _, c := range d.Counts {
			in(c.Span, "count")
			if c.Span.In(text) != c.Text {
				t.Fatalf("count text %q != span", c.Text)
			}
		}
		for _, fl := range d.Flags {
			in(fl.Span, string(fl.Kind))
		}
		if d.Tone == nil || d.Tone.WordCount < 0 {
			t.Fatal("tone not set")
		}
	})
}
