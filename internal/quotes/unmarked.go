package quotes

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
	"github.com/eventwire/eventwire/internal/nlp/segment"
)

// Quotes without quotation marks, as scraped pages print them:
//
//   - "name_after": a pull quote, a paragraph of speech closed by the bare
//     name of its speaker ("I was basically hauled in ... suppressive.
//     Valeska Paris").
//   - "block": a block quote, the paragraph after a paragraph that ends in
//     a colon after a speech verb ("the Church denied these allegations:");
//     it runs until a sentence that reports speech again ("They also
//     claimed ...").
const (
	MethodNameAfter = "name_after"
	MethodBlock     = "block"
)

// unmarked appends the pull and block quotes of d (see above) that no
// marked quote overlaps.
func (x *context) unmarked() {
	d := x.d
	paras := segment.Paragraphs(d.Text)
	overlaps := func(sp doc.Span) bool {
		for i := range d.Quotes {
			if d.Quotes[i].Span.Overlaps(sp) {
				return true
			}
		}
		return false
	}
	for pi, p := range paras {
		if sp, speaker := x.pullQuote(p); speaker != nil && !overlaps(sp) {
			d.Quotes = append(d.Quotes, doc.Quote{Span: sp, Text: d.Text[sp.Start:sp.End], Speaker: speaker, Method: MethodNameAfter})
			continue
		}
		if pi == 0 || !strings.HasSuffix(d.Text[paras[pi-1].Start:paras[pi-1].End], ":") {
			continue
		}
		si := x.sentIndex(paras[pi-1].End - 1)
		if si < 0 {
			continue
		}
		speaker := x.speechAct(x.sents[si])
		if speaker == nil {
			continue
		}
		end := -1
		for _, s := range x.sents {
			if s.Start < p.Start || s.Start >= p.End {
				continue
			}
			if end >= 0 && reportsSpeech(d.Text, s) {
				break
			}
			end = min(s.End, p.End)
		}
		if end < 0 {
			continue
		}
		sp := doc.Span{Start: p.Start, End: end}
		if overlaps(sp) {
			continue
		}
		d.Quotes = append(d.Quotes, doc.Quote{Span: sp, Text: d.Text[sp.Start:sp.End], Speaker: speaker, Method: MethodBlock})
	}
}

// reportsSpeech reports whether sentence s has a speech verb: narration
// about the speaker, not their words.
func reportsSpeech(text string, s doc.Span) bool {
	for _, w := range kglex.Words(nil, text, s) {
		if cueSet[kglex.Lower(w.Text)] {
			return true
		}
	}
	return false
}

// pullQuote recognizes a paragraph of speech closed by its speaker's bare
// name: sentence-final punctuation, then a person mention that ends the
// paragraph. It returns the quoted span and the speaker.
func (x *context) pullQuote(p doc.Span) (doc.Span, *doc.Speaker) {
	for _, m := range x.ments {
		// the tagger often types such a name by a place inside it
		// ("Valeska Paris"): a name of two to four words closing a
		// paragraph of speech is taken as a person whatever its type
		if m.Type == doc.ORG || m.End != p.End || m.Start <= p.Start {
			continue
		}
		if strings.Count(m.Text, " ") < 1 || strings.Count(m.Text, " ") > 3 {
			return doc.Span{}, nil // a full name: "Valeska Paris", not "Paris"
		}
		before := strings.TrimRight(x.d.Text[p.Start:m.Start], " ")
		if before == "" || !strings.ContainsAny(before[len(before)-1:], ".!?") {
			return doc.Span{}, nil
		}
		if len(strings.Fields(before)) < 6 {
			return doc.Span{}, nil // a caption, not a quote
		}
		sp := speakerOf(m)
		if m.Type != doc.PER {
			sp.Entity, sp.Actor = m.Text, "" // not the place the tagger took it for
		}
		return doc.Span{Start: p.Start, End: p.Start + len(before)}, &sp
	}
	return doc.Span{}, nil
}
