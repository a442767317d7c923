package coder

import (
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func i64p(v int64) *int64 { return &v }

// TestShareCounts: two attacks in one sentence, each with its own toll; both
// picked the nearer-by-distance count, but each count belongs to the
// nearest trigger.
func TestShareCounts(t *testing.T) {
	text := "He recalled the raid on the market in which 40 people died and the ambush of a convoy near the pass with the loss of 12 soldiers."
	at := func(s string) doc.Span {
		for i := 0; i+len(s) <= len(text); i++ {
			if text[i:i+len(s)] == s {
				return doc.Span{Start: i, End: i + len(s)}
			}
		}
		t.Fatalf("%q not in text", s)
		return doc.Span{}
	}
	d := &doc.Document{Text: text,
		Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}},
		Counts: []doc.Count{
			{Span: at("40 people died"), What: "killed", Number: i64p(40)},
			{Span: at("loss of 12 soldiers"), What: "killed", Number: i64p(12)},
		},
		Events: []doc.Event{
			{Root: "18", Trigger: at("raid"), Killed: i64p(40)},
			{Root: "18", Trigger: at("ambush"), Killed: i64p(40)}, // picked the wrong one
			{Root: "17", Trigger: at("recalled"), Killed: i64p(40)},
		},
	}
	shareCounts(d)
	got := func(i int) int64 {
		if d.Events[i].Killed == nil {
			return -1
		}
		return *d.Events[i].Killed
	}
	if got(0) != 40 || got(1) != 12 || got(2) != -1 {
		t.Fatalf("killed = %d, %d, %d; want 40, 12, none", got(0), got(1), got(2))
	}
}
