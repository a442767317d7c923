package quotes

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func TestUnmarkedQuotes(t *testing.T) {
	text := "The ministry said the port would reopen on Monday.\n\n" +
		"We had no warning at all and lost a whole week of work on the docks. Amara Okafor\n\n" +
		"In a statement, the harbour authority denied the claims:\n\n" +
		"The closure was announced ten days in advance. Every operator was told in writing. " +
		"It also said the union had been consulted.\n\n" +
		"Ships waited offshore. Lagos Harbour\n"
	at := func(s string) doc.Span { i := strings.Index(text, s); return doc.Span{Start: i, End: i + len(s)} }
	d := &doc.Document{Text: text, Entities: []doc.Mention{
		{Span: at("Amara Okafor"), Text: "Amara Okafor", Type: doc.PER, Entity: "Amara Okafor"},
		{Span: at("harbour authority"), Text: "harbour authority", Type: doc.ORG, Entity: "harbour authority"},
		{Span: at("Lagos Harbour"), Text: "Lagos Harbour", Type: doc.LOC, Entity: "Lagos Harbour"},
	}}
	Extract(d)
	want := map[string]string{ // quote start -> speaker entity
		"We had no warning":         "Amara Okafor",
		"The closure was announced": "harbour authority",
	}
	got := map[string]string{}
	for _, q := range d.Quotes {
		for start := range want {
			if strings.HasPrefix(q.Text, start) && q.Speaker != nil {
				got[start] = q.Speaker.Entity
			}
		}
		if strings.Contains(q.Text, "also said") {
			t.Errorf("the block quote runs into the narration: %q", q.Text)
		}
		if strings.HasPrefix(q.Text, "Ships waited") {
			t.Errorf("a two-sentence caption before a place is no quote: %q", q.Text)
		}
		if strings.Contains(q.Text, "Amara Okafor") {
			t.Errorf("the pull quote includes its speaker's name: %q", q.Text)
		}
	}
	for start, sp := range want {
		if got[start] != sp {
			t.Errorf("quote %q: speaker %q, want %q (quotes: %+v)", start, got[start], sp, d.Quotes)
		}
	}
}

// TestDashAfterTwoSentences: a pull quote of two sentences attributed by
// "- Name" after its closing mark, the segmenter's cut between them.
func TestDashAfterTwoSentences(t *testing.T) {
	text := "The dam opened in May.\n\n\"So far, it's the river: 1, the dam: 0. But it's a long season.\" - Maria Lopez\n\nWriting in a column, Maria Lopez called the dispute a draw."
	i := strings.Index(text, "Maria Lopez")
	at := func(s string) doc.Span { j := strings.Index(text, s); return doc.Span{Start: j, End: j + len(s)} }
	d := &doc.Document{Text: text, Entities: []doc.Mention{{Span: doc.Span{Start: i, End: i + len("Maria Lopez")}, Text: "Maria Lopez", Type: doc.PER, Entity: "Maria Lopez"}},
		// the segmentation that cuts the attribution off
		Sentences: []doc.Sentence{{Span: at("The dam opened in May.")}, {Span: at("\"So far, it's the river: 1, the dam: 0.")},
			{Span: at("But it's a long season.\"")}, {Span: at("- Maria Lopez")}, {Span: at("Writing in a column, Maria Lopez called the dispute a draw.")}}}
	Extract(d)
	if len(d.Quotes) == 0 || d.Quotes[0].Speaker == nil || d.Quotes[0].Speaker.Entity != "Maria Lopez" {
		t.Fatalf("want the quote attributed to Maria Lopez by the dash; got %+v", d.Quotes)
	}
}
