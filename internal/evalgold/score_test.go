package evalgold

import (
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

func TestEventsPerSentence(t *testing.T) {
	text := "Chile and Peru met on Monday. Chile accused Peru of spying."
	d := &doc.Document{Text: text, Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: 29}}, {Span: doc.Span{Start: 30, End: len(text)}}}}
	part := func(code string) *doc.Participant { return &doc.Participant{Actor: cameo.ActorCode(code)} }
	met := doc.Span{Start: 15, End: 18}
	accused := doc.Span{Start: 36, End: 43}
	d.Events = []doc.Event{
		{Sentence: 0, Trigger: met, Code: "040", Root: "04", Source: part("CHL"), Target: part("PER")},
		{Sentence: 0, Trigger: met, Code: "040", Root: "04", Source: part("PER"), Target: part("CHL")}, // the mirror: not counted again
		{Sentence: 1, Trigger: accused, Code: "112", Root: "11", Source: part("CHL"), Target: part("PER")},
		{Sentence: 1, Trigger: accused, Code: "112", Root: "11", Source: part("CHL"), Target: part("PER")}, // a duplicate counts
	}
	g := &Gold{Events: []GoldEvent{
		{Source: []string{"CHL", "PER"}, Target: []string{"PER", "CHL"}, Root: []string{"04"}, SentenceStarts: "Chile and Peru"},
		{Source: []string{"CHL"}, Target: []string{"PER"}, Root: []string{"11"}, SentenceStarts: "Chile accused"},
		{Source: []string{"PER"}, Root: []string{"11"}, SentenceStarts: "Chile accused"},
	}}
	s := Scores{}
	scoreEvents(s, g, d)
	if got := s["events.per_sentence"]; got != (Tally{Hit: 3, Total: 2}) {
		t.Errorf("per_sentence = %+v, want 3 events over 2 sentences", got)
	}
	if got := s["events.per_sentence_gold"]; got != (Tally{Hit: 3, Total: 2}) {
		t.Errorf("per_sentence_gold = %+v, want 3 gold events over 2 sentences", got)
	}
	ms := s.Metrics("x")
	for _, m := range ms {
		if m.Name == "events.per_sentence" && m.Value != 1.5 {
			t.Errorf("per_sentence metric = %v, want 1.5", m.Value)
		}
	}
}
