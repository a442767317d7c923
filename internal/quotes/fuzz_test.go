package quotes

import (
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`“Russia is the outlier”, Obama said.`, `"A," he said, "B c d."`, `“open quote\n\n“next para,” she said.`,
		`'single quoted words here' he said`, `“unbalanced`, `”“”“`, `""`, `Jeff Rathke, the spokesman, said, "We urge calm now".`,
		"“x y” ― Name Person", `said: "`, "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := &doc.Document{Text: text}
		Extract(d)
		for _, q := range d.Quotes {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End || q.Span.In(text) != q.Text {
				t.Fatalf("bad quote span %+v in %q", q.Span, text)
			}
			if q.Speaker != nil && (q.Speaker.Start < 0 || q.Speaker.End > len(text) || q.Speaker.Start > q.Speaker.End) {
				t.Fatalf("bad speaker span %+v", q.Speaker.Span)
			}
			if q.Cue != nil && q.Cue.End > len(text) {
				t.Fatalf("bad cue %+v", *q.Cue)
			}
		}
		for _, fl := range d.Flags {
			if fl.End > len(text) || fl.Start < 0 {
				t.Fatalf("bad flag span %+v", fl)
			}
		}
	})
}
