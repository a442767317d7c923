package sqlite

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
)

func openTemp(t testing.TB) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func i64(n int64) *int64   { return &n }
func str(s string) *string { return &s }

// span finds the first occurrence of sub in text.
func span(text, sub string) doc.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("test fixture: " + sub + " not in text")
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

// fullDoc is a document with every contract field set.
func fullDoc() *doc.Document {
	text := "Barack Obama met François Hollande in Washington on Tuesday. " +
		"\"We stand together,\" Obama said. At least 130 people were killed in Paris on November 13."
	s1 := doc.Span{Start: 0, End: strings.Index(text, " \"")}
	s2 := doc.Span{Start: s1.End + 1, End: strings.Index(text, " At least")}
	s3 := doc.Span{Start: s2.End + 1, End: len(text)}
	obama, hollande := span(text, "Barack Obama"), span(text, "François Hollande")
	wash, paris := span(text, "Washington"), span(text, "Paris")
	place := &doc.Place{Span: wash, Text: "Washington", Name: "Washington, D.C.", Country: "US", ADM1: "DC",
		Lat: 38.89511, Lon: -77.03637, GeoNames: 4140963, FeatureClass: "P", GeoType: 3}
	cue := span(text, "said.")
	cue.End--
	return &doc.Document{
		ID: dedupe.ID(text), URL: "https://example.org/news/1", Source: "example.org", Origin: "feed.jsonl#3",
		Title: "Obama and Hollande meet", PubDate: "2015-11-24", Lang: "en", Text: text,
		Removed: []doc.Removed{{Span: doc.Span{Start: 0, End: 5}, Text: "Share", Why: "boilerplate"}},
		Sentences: []doc.Sentence{
			{Span: s1, Tokens: []doc.Token{
				{Span: doc.Span{Start: 0, End: 6}, Form: "Barack", Lemma: "Barack", UPOS: "PROPN", XPOS: "NNP", Head: 1, Deprel: "compound", NER: "B-PER", SpaceAfter: true},
				{Span: doc.Span{Start: 7, End: 12}, Form: "Obama", Lemma: "Obama", UPOS: "PROPN", XPOS: "NNP", Head: -1, Deprel: "root", NER: "I-PER"},
			}},
			{Span: s2}, {Span: s3},
		},
		Entities: []doc.Mention{
			{Span: obama, Text: "Barack Obama", Type: doc.PER, Entity: "Barack Obama", Actor: "USAGOV", Sentence: 0, Resolved: "dictionary"},
			{Span: hollande, Text: "François Hollande", Type: doc.PER, Entity: "François Hollande", Actor: "FRAGOV", Sentence: 0, Resolved: "role"},
		},
		Events: []doc.Event{{
			Source: &doc.Participant{Span: obama, Text: "Barack Obama", Entity: "Barack Obama", Actor: "USAGOV"},
			Target: &doc.Participant{Span: hollande, Text: "François Hollande", Entity: "François Hollande", Actor: "FRAGOV"},
			Code:   "040", Root: "04", PLOVER: "CONSULT", PLOVERMode: "visit", QuadClass: cameo.VerbalCooperation,
			Goldstein: 1, Negated: false, Modality: doc.Asserted, Date: "2015-11-24", Precision: "day",
			Place: place, Killed: i64(0), Injured: i64(2), Sentence: 0, Span: s1, Trigger: span(text, "met"),
			Confidence: 0.85, Pattern: "meet_with",
		}},
		Quotes: []doc.Quote{{Span: span(text, "We stand together,"), Text: "We stand together,",
			Speaker: &doc.Speaker{Span: doc.Span{Start: span(text, "Obama said").Start, End: span(text, "Obama said").Start + 5}, Text: "Obama", Entity: "Barack Obama", Actor: "USAGOV"},
			Cue:     &cue, Method: "cue"}},
		Places: []doc.Place{*place, {Span: paris, Text: "Paris", Name: "Paris", Country: "FR", ADM1: "11", Lat: 48.85341, Lon: 2.3488, GeoNames: 2988507, FeatureClass: "P", GeoType: 4}},
		Dates: []doc.TimeExpr{{Span: span(text, "Tuesday"), Text: "Tuesday", Value: "2015-11-24", Precision: "day", Anchor: "pubdate"},
			{Span: span(text, "November 13"), Text: "November 13", Value: "2015-11-13", Precision: "day", Anchor: "pubdate", Duration: "P1D"}},
		Counts: []doc.Count{{Span: span(text, "At least 130 people were killed"), Text: "At least 130 people were killed", What: "killed",
			Number: i64(130), Min: i64(130), Max: nil, Qualifier: str("at least"), Who: "people"}},
		Tone:   &doc.Tone{Score: -3.25, Positive: 1.5, Negative: 4.75, Polarity: 6.25, ActivityDensity: 20.5, SelfGroupDensity: 1.25, WordCount: 31},
		Flags:  []doc.Flag{{Kind: doc.FlagDuplicateSentence, Span: s2, Message: "also in sha256:abc"}},
		Errors: []doc.Error{{Origin: "feed.jsonl#3", Offset: 1024, Line: 3, Stage: "clean", Message: "no date found"}},
	}
}

// vocabulary for generated documents.
var vocab = func() []string {
	r := rand.New(rand.NewSource(99))
	const letters = "abcdefghijklmnopqrstuvwxyz"
	out := make([]string, 3000)
	for i := range out {
		n := 3 + r.Intn(7)
		b := make([]byte, n)
		for j := range b {
			b[j] = letters[r.Intn(len(letters))]
		}
		out[i] = string(b)
	}
	return out
}()

// genDoc is a small deterministic document: about 60 words in 3 sentences.
func genDoc(i int) *doc.Document {
	r := rand.New(rand.NewSource(int64(i) + 1))
	var b strings.Builder
	var sents []doc.Sentence
	for s := 0; s < 3; s++ {
		if s > 0 {
			b.WriteByte(' ')
		}
		start := b.Len()
		for w := 0; w < 20; w++ {
			if w > 0 {
				b.WriteByte(' ')
			}
			word := vocab[r.Intn(len(vocab))]
			if w == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			}
			b.WriteString(word)
		}
		b.WriteByte('.')
		sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: b.Len()}})
	}
	text := b.String()
	return &doc.Document{
		ID: dedupe.ID(text), URL: fmt.Sprintf("https://site%d.example/a/%d", i%7, i),
		Source: fmt.Sprintf("site%d.example", i%7), Title: fmt.Sprintf("Article %d", i),
		PubDate: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), Lang: "en", Text: text, Sentences: sents,
	}
}

func genDocs(from, n int) []*doc.Document {
	out := make([]*doc.Document, n)
	for i := range out {
		out[i] = genDoc(from + i)
	}
	return out
}

func mustPut(t testing.TB, db *DB, docs ...*doc.Document) {
	t.Helper()
	if _, err := db.Put(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
}
