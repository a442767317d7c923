// Package integrity raises flags about how far a document can be trusted.
//
// Check adds to d.Flags:
//
//   - boilerplate: one per d.Removed item (cleaning dropped it). Removed
//     spans point into the raw input, not Text, so the flag's span is empty
//     (0,0) and the message carries the removed text and its raw offsets.
//   - future_date: an explicit date (with its own year) after the
//     publication date in a clause that is not in the future tense
//     (timex.TenseAt). Relative dates never resolve into the future for past
//     clauses, so only explicit ones can trip this.
//   - contradiction, three rules:
//     1. dateline: a stand-alone day date at the head of the text (the first
//     date, in the first 300 bytes, alone in its sentence) more than two
//     days from the publication date.
//     2. one meeting, two places: a sentence with a meeting word (met, meet,
//     talks, summit, hosted, sat down) and a place places the same
//     participants (two or more persons, or a plural back-reference such as
//     "the two", "both leaders", "they", which takes the participants of the
//     previous meeting sentence) somewhere other than an earlier meeting
//     sentence did, unless both carry different explicit dates. Places come
//     from d.Places (same place = same country and within 50 km) or, when
//     geocoding has not run, from a list of well-known sites mapped to their
//     city ("the Kremlin" = Moscow, "the White House" = Washington) and
//     capitalized names after at/in.
//     3. one meeting, two dates: a later sentence that refers back to "the
//     meeting/talks/summit" of the same participants at the same place with
//     a different day.
//   - duplicate_sentence: a sentence of eight or more words that repeats an
//     earlier sentence of the same document, or that seen reports in
//     another source's stored documents (hash: dedupe.SentenceHash).
package integrity

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
	"github.com/eventwire/eventwire/internal/timex"
)

// SentenceSeer reports which sentence hashes already occur in stored
// documents from a source other than notSource; the map value says where
// (a document id or URL). The store implements it.
type SentenceSeer interface {
	SeenSentences(ctx context.Context, hashes []uint64, notSource string) (map[uint64]string, error)
}

// Check adds integrity flags to d (see the package comment). seen may be nil.
func Check(d *doc.Document, seen SentenceSeer) {
	CheckContext(context.Background(), d, seen)
}

// CheckContext is Check with a context for the SentenceSeer lookup. A
// failing lookup becomes a doc.Error on d; the other flags are still set.
func CheckContext(ctx context.Context, d *doc.Document, seen SentenceSeer) {
	sents := kglex.Sentences(d)
	boilerplate(d)
	futureDates(d)
	dateline(d, sents)
	meetings(d, sents)
	duplicates(ctx, d, sents, seen)
}

func boilerplate(d *doc.Document) {
	for _, r := range d.Removed {
		why := r.Why
		if why == "" {
			why = "boilerplate"
		}
		d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagBoilerplate, Message: fmt.Sprintf("removed %q from the input at bytes %d-%d (%s)", clip(r.Text), r.Start, r.End, why)})
	}
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 80 {
		return s
	}
	cut := 80
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func afterPub(value, precision, pub string) bool {
	switch precision {
	case timex.Day, timex.Week:
		return len(value) == 10 && value > pub
	case timex.Month:
		return len(value) == 7 && value > pub[:7]
	case timex.Year:
		return len(value) == 4 && value > pub[:4]
	}
	return false
}

func futureDates(d *doc.Document) {
	if len(d.PubDate) != 10 {
		return
	}
	head := headDate(d, kglex.Sentences(d))
	for k, t := range d.Dates {
		if t.Anchor != "explicit" || !afterPub(t.Value, t.Precision, d.PubDate) || k == head {
			continue
		}
		if timex.TenseAt(d, t.Span) == timex.Future {
			continue
		}
		d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagFutureDate, Span: t.Span, Message: fmt.Sprintf("%q (%s) is after the publication date %s in a past-tense clause", t.Text, t.Value, d.PubDate)})
	}
}

// headDate returns the index in d.Dates of a dateline, or -1.
func headDate(d *doc.Document, sents []doc.Span) int {
	for k, t := range d.Dates {
		if t.Start > 300 {
			return -1
		}
		if t.Anchor != "explicit" || t.Precision != timex.Day {
			continue
		}
		si := -1
		for i, s := range sents {
			if s.Start <= t.Start && t.Start < s.End {
				si = i
				break
			}
		}
		if si < 0 {
			return -1
		}
		rest := strings.Trim(d.Text[sents[si].Start:t.Start]+d.Text[t.End:sents[si].End], " ,.-—–()")
		if rest == "" || len(kglex.Words(nil, rest, doc.Span{Start: 0, End: len(rest)})) <= 3 {
			return k
		}
		return -1
	}
	return -1
}

func dateline(d *doc.Document, sents []doc.Span) {
	k := headDate(d, sents)
	if k < 0 || len(d.PubDate) != 10 {
		return
	}
	t := d.Dates[k]
	a, err1 := time.Parse("2006-01-02", t.Value)
	b, err2 := time.Parse("2006-01-02", d.PubDate)
	if err1 != nil || err2 != nil {
		return
	}
	if diff := a.Sub(b).Hours() / 24; math.Abs(diff) > 2 {
		d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagContradiction, Span: t.Span, Message: fmt.Sprintf("dateline %q (%s) contradicts the publication date %s", t.Text, t.Value, d.PubDate)})
	}
}

type dupSent struct {
	span doc.Span
	hash uint64
}

func duplicates(ctx context.Context, d *doc.Document, sents []doc.Span, seen SentenceSeer) {
	var list []dupSent
	first := map[uint64]int{}
	var ws []kglex.Word
	for i, s := range sents {
		ws = kglex.Words(ws[:0], d.Text, s)
		if len(ws) < 8 {
			continue
		}
		h := dedupe.SentenceHash(d.Text[s.Start:s.End])
		if h == 0 {
			continue
		}
		if j, ok := first[h]; ok {
			d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagDuplicateSentence, Span: s, Message: fmt.Sprintf("repeats sentence %d of this document", j+1)})
			continue
		}
		first[h] = i
		list = append(list, dupSent{s, h})
	}
	if seen == nil || len(list) == 0 {
		return
	}
	hashes := make([]uint64, len(list))
	for i, l := range list {
		hashes[i] = l.hash
	}
	where, err := seen.SeenSentences(ctx, hashes, d.Source)
	if err != nil {
		d.Errors = append(d.Errors, doc.Error{Origin: d.Origin, Stage: "integrity", Message: fmt.Sprintf("duplicate-sentence lookup: %v", err)})
		return
	}
	for _, l := range list {
		if w, ok := where[l.hash]; ok {
			d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagDuplicateSentence, Span: l.span, Message: "sentence also published in " + w})
		}
	}
}
