// Package storetest is the behavioural test suite every store.Store driver
// must pass (store/sqlite, store/postgres): one table of cases run against
// a fresh, empty store each, so the drivers keep the same semantics.
//
// A driver's test calls Run with a function that opens an empty store:
//
//	func TestConformance(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) store.Store { return openEmpty(t) })
//	}
//
// When the store also implements store.Analytics, the aggregation cases run
// too. Driver-specific behaviour (query syntax errors, crash safety,
// migrations) stays in the driver's own tests.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

// Opener returns a new, empty store; Run closes it.
type Opener func(t *testing.T) store.Store

// Run runs every conformance case as a subtest, each on a fresh store.
func Run(t *testing.T, open Opener) {
	cases := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"PutIdempotent", testPutIdempotent},
		{"PutBad", testPutBad},
		{"NearDuplicates", testNearDuplicates},
		{"Each", testEach},
		{"Search", testSearch},
		{"SearchPaging", testSearchPaging},
		{"EventsFilters", testEventsFilters},
		{"EventsPaging", testEventsPaging},
		{"EventsDayOrder", testEventsDayOrder},
		{"SeenSentences", testSeenSentences},
		{"Analytics", testAnalytics},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			c.fn(t, s)
		})
	}
}

var ctx = context.Background()

func i64(n int64) *int64   { return &n }
func str(s string) *string { return &s }

func span(text, sub string) doc.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		panic("storetest fixture: " + sub + " not in text")
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

func mustPut(t *testing.T, s store.Store, docs ...*doc.Document) store.PutStats {
	t.Helper()
	st, err := s.Put(ctx, docs)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// FullDoc is a document with every contract field set (non-ASCII text
// included, so byte spans are checked).
func FullDoc() *doc.Document {
	text := "Präsident Barack Obama met François Hollande in Washington on Tuesday. " +
		"\"We stand together,\" Obama said. At least 130 people were killed in Paris on November 13."
	s1 := doc.Span{Start: 0, End: strings.Index(text, " \"")}
	s2 := doc.Span{Start: s1.End + 1, End: strings.Index(text, " At least")}
	s3 := doc.Span{Start: s2.End + 1, End: len(text)}
	obama, hollande := span(text, "Barack Obama"), span(text, "François Hollande")
	wash, paris := span(text, "Washington"), span(text, "Paris")
	place := &doc.Place{Span: wash, Text: "Washington", Name: "Washington, D.C.", Country: "US", ADM1: "DC",
		Lat: 38.89511, Lon: -77.03637, GeoNames: 4140963, FeatureClass: "P", GeoType: 3}
	cue := span(text, "said")
	return &doc.Document{
		URL: "https://example.org/news/1", Source: "example.org", Origin: "feed.jsonl:line=3",
		Title: "Obama and Hollande meet", PubDate: "2015-11-24", Lang: "en", Text: text,
		Removed: []doc.Removed{{Span: doc.Span{Start: 0, End: 5}, Text: "Share", Why: "boilerplate"}},
		Sentences: []doc.Sentence{
			{Span: s1, Tokens: []doc.Token{
				{Span: doc.Span{Start: 0, End: 10}, Form: "Präsident", Lemma: "Präsident", UPOS: "PROPN", XPOS: "NNP", Head: 2, Deprel: "compound", NER: "O", SpaceAfter: true},
				{Span: obama, Form: "Barack Obama", Lemma: "Barack Obama", UPOS: "PROPN", XPOS: "NNP", Head: -1, Deprel: "root", NER: "B-PER"},
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
			Goldstein: 1, Modality: doc.Asserted, Date: "2015-11-24", Precision: "day",
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
			Number: i64(130), Min: i64(130), Qualifier: str("at least"), Who: "people"}},
		Tone:   &doc.Tone{Score: -3.25, Positive: 1.5, Negative: 4.75, Polarity: 6.25, ActivityDensity: 20.5, SelfGroupDensity: 1.25, WordCount: 31},
		Flags:  []doc.Flag{{Kind: doc.FlagDuplicateSentence, Span: s2, Message: "also in sha256:abc"}},
		Errors: []doc.Error{{Origin: "feed.jsonl:line=3", Offset: 1024, Line: 3, Stage: "clean", Message: "no date found"}},
	}
}

// vocab is a fixed pseudo-vocabulary for generated documents.
var vocab = func() []string {
	r := rand.New(rand.NewSource(7))
	out := make([]string, 2000)
	for i := range out {
		b := make([]byte, 4+r.Intn(6))
		for j := range b {
			b[j] = byte('a' + r.Intn(26))
		}
		out[i] = string(b)
	}
	return out
}()

// GenDoc is a small deterministic document of 3 sentences of 20 words,
// distinct for every i.
func GenDoc(i int) *doc.Document {
	r := rand.New(rand.NewSource(int64(i)*7919 + 13))
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
			b.WriteString(vocab[r.Intn(len(vocab))])
		}
		b.WriteByte('.')
		sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: b.Len()}})
	}
	text := b.String()
	return &doc.Document{ID: dedupe.ID(text), URL: fmt.Sprintf("https://site%d.example/a/%d", i%5, i),
		Source: fmt.Sprintf("site%d.example", i%5), Title: fmt.Sprintf("Article %d", i),
		PubDate: fmt.Sprintf("2024-%02d-%02d", 1+i%12, 1+i%28), Lang: "en", Text: text, Sentences: sents}
}

func testRoundTrip(t *testing.T, s store.Store) {
	d := FullDoc()
	st := mustPut(t, s, d)
	if st != (store.PutStats{Added: 1}) {
		t.Fatalf("stats %+v", st)
	}
	if d.ID != dedupe.ID(d.Text) {
		t.Fatalf("empty ID filled with %q, want the content hash", d.ID)
	}
	got, err := s.Get(ctx, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(d, got, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("round trip (-put +got):\n%s", diff)
	}
	if _, err := s.Get(ctx, "sha256:nope"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing document: %v, want ErrNotFound", err)
	}
	c, err := s.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := store.Counts{Documents: 1, Sentences: 3, Events: 1, Entities: 2, Quotes: 1, Places: 2}
	if c != want {
		t.Fatalf("counts %+v, want %+v", c, want)
	}
	rows, _, err := s.Events(ctx, store.EventFilter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("events %v %v", rows, err)
	}
	r := rows[0]
	if r.DocID != d.ID || r.Evidence != d.Events[0].Span.In(d.Text) || r.Day != "2015-11-24" || r.PlaceName != "Washington, D.C." ||
		r.Country != "US" || r.Lat == nil || *r.Lat != 38.89511 || r.Killed == nil || *r.Killed != 0 || r.SourceText != "Barack Obama" ||
		r.Root != "04" || r.Modality != doc.Asserted || r.Confidence != 0.85 {
		t.Fatalf("event row %+v", r)
	}
}

func testPutIdempotent(t *testing.T, s store.Store) {
	a, b := GenDoc(1), GenDoc(2)
	b.ID = "" // filled from the text
	if st := mustPut(t, s, a, b); st != (store.PutStats{Added: 2}) {
		t.Fatalf("first put %+v", st)
	}
	if b.ID != dedupe.ID(b.Text) {
		t.Fatalf("ID not filled: %q", b.ID)
	}
	// Again, plus a new one and an in-batch repeat.
	c := GenDoc(3)
	st := mustPut(t, s, GenDoc(1), GenDoc(2), c, GenDoc(3))
	if st != (store.PutStats{Added: 1, Skipped: 3}) {
		t.Fatalf("second put %+v", st)
	}
	if st := mustPut(t, s); st != (store.PutStats{}) {
		t.Fatalf("empty put %+v", st)
	}
	n, err := s.Count(ctx)
	if err != nil || n.Documents != 3 || n.Sentences != 9 {
		t.Fatalf("counts %+v %v", n, err)
	}
}

func testPutBad(t *testing.T, s store.Store) {
	if _, err := s.Put(ctx, []*doc.Document{GenDoc(1), nil}); !errors.Is(err, store.ErrBadDocument) {
		t.Fatalf("nil document: %v", err)
	}
	// The failed batch stored nothing.
	if n, _ := s.Count(ctx); n.Documents != 0 {
		t.Fatalf("failed batch left %d documents", n.Documents)
	}
}

func testNearDuplicates(t *testing.T, s store.Store) {
	a := GenDoc(1)
	mustPut(t, s, a, GenDoc(2))
	// The same story elsewhere: re-punctuated and with one word added.
	b := GenDoc(1)
	b.Text = strings.Replace(b.Text, ".", "!", 1)
	b.Text = b.Text[:len(b.Text)-1] + " indeed."
	b.ID, b.Source = dedupe.ID(b.Text), "other.example"
	c := GenDoc(1) // a second copy in the same batch links to the earliest, a
	c.Text = "Breaking: " + c.Text
	c.ID = dedupe.ID(c.Text)
	u := GenDoc(3)
	st := mustPut(t, s, b, c, u)
	if st != (store.PutStats{Added: 3, NearDuplicates: 2}) {
		t.Fatalf("stats %+v", st)
	}
	if b.NearDuplicateOf != a.ID || c.NearDuplicateOf != a.ID || u.NearDuplicateOf != "" {
		t.Fatalf("links b=%q c=%q u=%q, want %q", b.NearDuplicateOf, c.NearDuplicateOf, u.NearDuplicateOf, a.ID)
	}
	if got, err := s.Get(ctx, c.ID); err != nil || got.NearDuplicateOf != a.ID {
		t.Fatalf("stored link %v %v", got, err)
	}
	// Two near copies new in one batch: the second links to the first.
	x := GenDoc(50)
	y := GenDoc(50)
	y.Text += " Updated."
	y.ID = dedupe.ID(y.Text)
	mustPut(t, s, x, y)
	if x.NearDuplicateOf != "" || y.NearDuplicateOf != x.ID {
		t.Fatalf("in-batch link x=%q y=%q", x.NearDuplicateOf, y.NearDuplicateOf)
	}
	// A link given by the caller is kept.
	d := GenDoc(9)
	d.NearDuplicateOf = "sha256:given"
	mustPut(t, s, d)
	if got, _ := s.Get(ctx, d.ID); got == nil || got.NearDuplicateOf != "sha256:given" {
		t.Fatalf("caller link lost: %+v", got)
	}
	n, _ := s.Count(ctx)
	if n.NearDuplicates != 4 || n.Documents != 8 {
		t.Fatalf("counts %+v", n)
	}
}

func testEach(t *testing.T, s store.Store) {
	var want []string
	for b := 0; b < 3; b++ {
		var docs []*doc.Document
		for i := 0; i < 100; i++ {
			d := GenDoc(1000 + b*100 + i)
			docs = append(docs, d)
			want = append(want, d.ID)
		}
		mustPut(t, s, docs...)
	}
	var got []string
	if err := s.Each(ctx, func(d *doc.Document) error {
		if d.Text == "" || len(d.Sentences) != 3 {
			return fmt.Errorf("document %s incomplete", d.ID)
		}
		got = append(got, d.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("order (-want +got):\n%s", diff)
	}
	stop := errors.New("stop")
	n := 0
	err := s.Each(ctx, func(*doc.Document) error {
		if n++; n == 150 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 150 {
		t.Fatalf("Each after stop: %v after %d", err, n)
	}
}

func searchDocs() []*doc.Document {
	mk := func(src, date, title, text string) *doc.Document {
		return &doc.Document{ID: dedupe.ID(text), Source: src, PubDate: date, Title: title, Text: text, Lang: "en"}
	}
	return []*doc.Document{
		mk("a.example", "2015-11-20", "Ceasefire talks", "Negotiators met in Geneva to discuss a ceasefire. The ceasefire talks continued late into the night."),
		mk("b.example", "2015-11-22", "Floods", "Heavy rain caused floods across the region, and officials warned of more flooding."),
		mk("a.example", "2015-11-25T10:00:00Z", "Summit in Paris", "Leaders gathered in Paris for a climate summit. A ceasefire was not on the agenda."),
		mk("c.example", "2015-12-01", "Protests", "Thousands protested in the capital against the new law in Paris."),
	}
}

func titles(hits []store.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.Title)
	}
	return out
}

func testSearch(t *testing.T, s store.Store) {
	mustPut(t, s, searchDocs()...)
	sorted := func(v []string) []string { v = append([]string(nil), v...); sort.Strings(v); return v }
	tests := []struct {
		name   string
		q      store.SearchQuery
		want   []string
		ranked bool // order matters
	}{
		{"one word", store.SearchQuery{Text: "ceasefire"}, []string{"Ceasefire talks", "Summit in Paris"}, true},
		{"all words required", store.SearchQuery{Text: "ceasefire Paris"}, []string{"Summit in Paris"}, false},
		{"phrase", store.SearchQuery{Text: `"climate summit"`}, []string{"Summit in Paris"}, false},
		{"phrase in wrong order", store.SearchQuery{Text: `"summit climate"`}, nil, false},
		{"case and stemming", store.SearchQuery{Text: "FLOODS"}, []string{"Floods"}, false},
		{"operators are words", store.SearchQuery{Text: "Paris OR floods"}, nil, false},
		{"punctuation is harmless", store.SearchQuery{Text: `paris) -capital*`}, []string{"Protests"}, false},
		{"source", store.SearchQuery{Text: "Paris", Source: "c.example"}, []string{"Protests"}, false},
		{"since", store.SearchQuery{Text: "ceasefire", Since: "2015-11-21"}, []string{"Summit in Paris"}, false},
		{"until includes the day", store.SearchQuery{Text: "Paris", Until: "2015-11-25"}, []string{"Summit in Paris"}, false},
		{"no match", store.SearchQuery{Text: "volcano"}, nil, false},
		{"list newest first", store.SearchQuery{}, []string{"Protests", "Summit in Paris", "Floods", "Ceasefire talks"}, true},
		{"list filtered", store.SearchQuery{Source: "a.example"}, []string{"Summit in Paris", "Ceasefire talks"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			got, want := titles(hits), tc.want
			if !tc.ranked {
				got, want = sorted(got), sorted(want)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("(-want +got)\n%s", diff)
			}
		})
	}
	hits, err := s.Search(ctx, store.SearchQuery{Text: "floods"})
	if err != nil || len(hits) != 1 {
		t.Fatalf("%v %v", hits, err)
	}
	h := hits[0]
	if h.Score <= 0 || h.Source != "b.example" || h.PubDate != "2015-11-22" || h.Cursor == "" {
		t.Fatalf("hit %+v", h)
	}
	if len(h.Highlights) == 0 {
		t.Fatalf("no highlights in %q", h.Snippet)
	}
	for _, sp := range h.Highlights {
		if w := strings.ToLower(sp.In(h.Snippet)); !strings.HasPrefix(w, "flood") {
			t.Errorf("highlight %q in %q is not the matched word", w, h.Snippet)
		}
	}
	for _, q := range []store.SearchQuery{{Since: "20151101"}, {Until: "yesterday"}, {Limit: -1}} {
		if _, err := s.Search(ctx, q); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("%+v: %v, want ErrBadQuery", q, err)
		}
	}
	if _, err := s.Search(ctx, store.SearchQuery{Text: "paris", Cursor: "bogus"}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("bad cursor: %v", err)
	}
}

func testSearchPaging(t *testing.T, s store.Store) {
	var docs []*doc.Document
	for i := 0; i < 45; i++ {
		d := GenDoc(i)
		d.Text += " Common marker word zebra."
		d.ID = dedupe.ID(d.Text)
		docs = append(docs, d)
	}
	mustPut(t, s, docs...)
	seen := map[string]bool{}
	q := store.SearchQuery{Text: "zebra", Limit: 10}
	pages := 0
	for {
		hits, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			break
		}
		pages++
		for _, h := range hits {
			if seen[h.ID] {
				t.Fatalf("%s returned twice", h.ID)
			}
			seen[h.ID] = true
		}
		q.Cursor = hits[len(hits)-1].Cursor
	}
	if len(seen) != 45 || pages != 5 {
		t.Fatalf("%d documents in %d pages, want 45 in 5", len(seen), pages)
	}
}

type ev struct {
	src, tgt cameo.ActorCode
	code     cameo.EventCode
	quad     cameo.QuadClass
	gold     float64
	neg      bool
	date     string
	place    string
	country  string
	lat, lon float64
	killed   *int64
}

var eventSpecs = []ev{
	{"USAGOV", "RUS", "111", 3, -2, false, "2020-01-06", "Washington", "US", 38.9, -77.0, nil},
	{"RUSMIL", "UKR", "190", 4, -10, false, "2020-01-07", "Kyiv", "UA", 50.45, 30.52, i64(12)},
	{"FRA", "USA", "040", 1, 1, false, "2020-01-13", "Paris", "FR", 48.85, 2.35, nil},
	{"USA", "FRA", "040", 1, 1, true, "2020-01", "Paris", "FR", 48.86, 2.34, nil},
	{"UKR", "RUSMIL", "190", 4, -10, false, "2020", "", "", 0, 0, i64(3)},
	{"CHN", "", "010", 1, 0, false, "", "Beijing", "CN", 39.9, 116.4, nil},
	{"USAGOV", "CHN", "036", 1, 4, false, "2020-01-14", "Washington", "US", 38.9, -77.0, nil},
}

// eventDocs puts two events of specs in each document.
func eventDocs(specs []ev) []*doc.Document {
	var docs []*doc.Document
	for i := 0; i < len(specs); i += 2 {
		text := fmt.Sprintf("Report %d on events. First sentence here. Second sentence there.", i)
		d := &doc.Document{Text: text, ID: dedupe.ID(text), Title: fmt.Sprint("report ", i), PubDate: "2020-01-15", Lang: "en",
			Sentences: []doc.Sentence{{Span: span(text, "First sentence here.")}, {Span: span(text, "Second sentence there.")}}}
		for j := i; j < i+2 && j < len(specs); j++ {
			sp := specs[j]
			e := doc.Event{Code: sp.code, Root: cameo.Root(sp.code[:2]), QuadClass: sp.quad, Goldstein: sp.gold, Negated: sp.neg,
				Modality: doc.Asserted, Date: sp.date, Killed: sp.killed, Sentence: j - i, Span: d.Sentences[j-i].Span, Confidence: 0.5}
			if sp.src != "" {
				e.Source = &doc.Participant{Text: "src " + string(sp.src), Actor: sp.src}
			}
			if sp.tgt != "" {
				e.Target = &doc.Participant{Text: "tgt " + string(sp.tgt), Actor: sp.tgt}
			}
			if sp.place != "" {
				e.Place = &doc.Place{Text: sp.place, Name: sp.place, Country: sp.country, Lat: sp.lat, Lon: sp.lon}
			}
			d.Events = append(d.Events, e)
		}
		docs = append(docs, d)
	}
	return docs
}

func pairs(rows []store.EventRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, string(r.Source)+">"+string(r.Target))
	}
	return out
}

func testEventsFilters(t *testing.T, s store.Store) {
	docs := eventDocs(eventSpecs)
	mustPut(t, s, docs...)
	tru, fal := true, false
	tests := []struct {
		name string
		f    store.EventFilter
		want []string
	}{
		{"all", store.EventFilter{}, []string{"USAGOV>RUS", "RUSMIL>UKR", "FRA>USA", "USA>FRA", "UKR>RUSMIL", "CHN>", "USAGOV>CHN"}},
		{"actor prefix either side", store.EventFilter{Actor: "usa"}, []string{"USAGOV>RUS", "FRA>USA", "USA>FRA", "USAGOV>CHN"}},
		{"actor prefix longer", store.EventFilter{Actor: "RUSMIL"}, []string{"RUSMIL>UKR", "UKR>RUSMIL"}},
		{"root", store.EventFilter{Root: "19"}, []string{"RUSMIL>UKR", "UKR>RUSMIL"}},
		{"quad", store.EventFilter{Quad: cameo.VerbalCooperation}, []string{"FRA>USA", "USA>FRA", "CHN>", "USAGOV>CHN"}},
		{"country", store.EventFilter{Country: "fr"}, []string{"FRA>USA", "USA>FRA"}},
		{"since", store.EventFilter{Since: "2020-01-13"}, []string{"FRA>USA", "CHN>", "USAGOV>CHN"}},
		{"until", store.EventFilter{Until: "2020-01-01"}, []string{"USA>FRA", "UKR>RUSMIL"}},
		{"bbox", store.EventFilter{BBox: &store.BBox{MinLat: 35, MinLon: -10, MaxLat: 60, MaxLon: 40}}, []string{"RUSMIL>UKR", "FRA>USA", "USA>FRA"}},
		{"negated", store.EventFilter{Negated: &tru}, []string{"USA>FRA"}},
		{"not negated and actor", store.EventFilter{Negated: &fal, Actor: "FRA"}, []string{"FRA>USA"}},
		{"document", store.EventFilter{DocID: docs[1].ID}, []string{"FRA>USA", "USA>FRA"}},
		{"nothing", store.EventFilter{Actor: "ZZZ"}, nil},
	}
	// The events' days (each spec's date, else the publication date).
	day := map[string]string{}
	for _, sp := range eventSpecs {
		day[string(sp.src)+">"+string(sp.tgt)] = store.EventDay(sp.date, "2020-01-15")
	}
	pos := map[string]int{}
	for i, p := range tests[0].want {
		pos[p] = i
	}
	// newest sorts stored-order pairs newest first: by day, then the
	// last stored first.
	newest := func(stored []string) []string {
		out := append([]string(nil), stored...)
		sort.Slice(out, func(i, j int) bool {
			if day[out[i]] != day[out[j]] {
				return day[out[i]] > day[out[j]]
			}
			return pos[out[i]] > pos[out[j]]
		})
		return out
	}
	reversed := func(in []string) []string {
		var out []string
		for i := len(in) - 1; i >= 0; i-- {
			out = append(out, in[i])
		}
		return out
	}
	for _, tc := range tests {
		for _, o := range []struct {
			order store.Order
			want  []string
		}{
			{store.StoredOrder, tc.want}, {store.NewestFirst, newest(tc.want)}, {store.OldestFirst, reversed(newest(tc.want))},
		} {
			t.Run(tc.name+"/"+string(o.order), func(t *testing.T) {
				f := tc.f
				f.Order = o.order
				rows, next, err := s.Events(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				if next != "" {
					t.Errorf("unexpected next cursor %q", next)
				}
				if diff := cmp.Diff(o.want, pairs(rows)); diff != "" {
					t.Fatalf("(-want +got)\n%s", diff)
				}
			})
		}
	}
	if got := pairs(mustEvents(t, s, store.EventFilter{})); !cmp.Equal(got, []string{
		"CHN>", "USAGOV>CHN", "FRA>USA", "RUSMIL>UKR", "USAGOV>RUS", "UKR>RUSMIL", "USA>FRA"}) {
		t.Errorf("default order %v, want newest first", got)
	}
	rows, _, err := s.Events(ctx, store.EventFilter{Actor: "UKR", Root: "19", Order: store.StoredOrder})
	if err != nil || len(rows) != 2 {
		t.Fatalf("%v %v", rows, err)
	}
	if r := rows[1]; r.Lat != nil || r.Date != "2020" || r.Day != "2020-01-01" || r.Killed == nil || *r.Killed != 3 || r.Index != 0 || r.Sentence != 0 {
		t.Fatalf("row without place %+v", r)
	}
	for _, f := range []store.EventFilter{
		{Quad: 7}, {Root: "3"}, {Since: "2020/01/01"}, {Until: "x"}, {Actor: "US%"},
		{BBox: &store.BBox{MinLat: 10, MaxLat: 5}}, {Limit: -3},
	} {
		if _, _, err := s.Events(ctx, f); !errors.Is(err, store.ErrBadFilter) && !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("%+v: %v", f, err)
		}
	}
	for _, c := range []string{"e-1", "x5", "e", "e3", "k", "k.", "k2020-01-06", "k2020-13-01.4", "k2020-01-06.-1", "k2020-01-06.x"} {
		if _, _, err := s.Events(ctx, store.EventFilter{Cursor: c}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("cursor %q: %v", c, err)
		}
	}
	for _, c := range []string{"e-1", "x5", "e", "k2020-01-06.3", "k.3"} {
		if _, _, err := s.Events(ctx, store.EventFilter{Cursor: c, Order: store.StoredOrder}); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("stored order cursor %q: %v", c, err)
		}
	}
	if _, _, err := s.Events(ctx, store.EventFilter{Order: "sideways"}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("unknown order: %v", err)
	}
}

func mustEvents(t *testing.T, s store.Store, f store.EventFilter) []store.EventRow {
	t.Helper()
	rows, _, err := s.Events(ctx, f)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// dayOrderDocs are documents of one event each, numbered from first: the
// event's date cycles over a few days in no particular order, and every
// fifth has no date and its document none either, so it has no day.
func dayOrderDocs(first, n int) []*doc.Document {
	days := []string{"2021-05-03", "2021-05-01", "2021-05-03", "2021-04-30", "2021-05-02", "2021-05-01", "2021-05-03"}
	var docs []*doc.Document
	for i := first; i < first+n; i++ {
		text := fmt.Sprintf("Day order report %d. It has one sentence.", i)
		d := &doc.Document{Text: text, ID: dedupe.ID(text), Title: fmt.Sprint("day order ", i), Lang: "en",
			Sentences: []doc.Sentence{{Span: span(text, fmt.Sprintf("Day order report %d.", i))}}}
		date := ""
		if i%5 != 4 {
			date, d.PubDate = days[i%len(days)], "2021-06-01"
		}
		actor := cameo.ActorCode([]string{"USA", "RUS"}[i%2])
		d.Events = []doc.Event{{Code: "042", Root: "04", QuadClass: 1, Goldstein: 1.9, Modality: doc.Asserted, Date: date,
			Source: &doc.Participant{Text: string(actor), Actor: actor}, Target: &doc.Participant{Text: "UKR", Actor: "UKR"},
			Span: d.Sentences[0].Span, Confidence: 0.5}}
		docs = append(docs, d)
	}
	return docs
}

// dayOrderKey is an event of dayOrderDocs: its day and its number (which
// is its storage order).
type dayOrderKey struct {
	day string
	n   int
}

func dayOrderKeyOf(t *testing.T, r store.EventRow) dayOrderKey {
	t.Helper()
	var n int
	if _, err := fmt.Sscanf(r.SourceText+" "+r.Evidence, "%s Day order report %d.", new(string), &n); err != nil {
		t.Fatalf("event %+v: %v", r, err)
	}
	return dayOrderKey{r.Day, n}
}

// before reports whether a comes before b newest first.
func (a dayOrderKey) before(b dayOrderKey) bool {
	if a.day != b.day {
		return a.day > b.day // "" (no day) is last
	}
	return a.n > b.n
}

// pageAll pages through f, limit events a page, from f.Cursor.
func pageAll(t *testing.T, s store.Store, f store.EventFilter) []dayOrderKey {
	t.Helper()
	var out []dayOrderKey
	for pages := 0; ; pages++ {
		if pages > 100 {
			t.Fatal("paging does not end")
		}
		rows, next, err := s.Events(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			out = append(out, dayOrderKeyOf(t, r))
		}
		if next == "" {
			return out
		}
		if len(rows) == 0 {
			t.Fatal("empty page with a next cursor")
		}
		f.Cursor = next
	}
}

func testEventsDayOrder(t *testing.T, s store.Store) {
	mustPut(t, s, dayOrderDocs(0, 23)...)
	var all []dayOrderKey
	for _, r := range mustEvents(t, s, store.EventFilter{Order: store.StoredOrder, Limit: 100}) {
		all = append(all, dayOrderKeyOf(t, r))
	}
	if len(all) != 23 {
		t.Fatalf("%d events, want 23", len(all))
	}
	want := append([]dayOrderKey(nil), all...)
	sort.Slice(want, func(i, j int) bool { return want[i].before(want[j]) })
	if want[0].day != "2021-05-03" || want[len(want)-1].day != "" {
		t.Fatalf("expected order %v: newest day first, undated last", want)
	}
	for _, limit := range []int{1, 3, 4, 100} {
		if got := pageAll(t, s, store.EventFilter{Limit: limit}); !cmp.Equal(got, want, cmp.AllowUnexported(dayOrderKey{})) {
			t.Fatalf("newest first, %d a page:\n got %v\nwant %v", limit, got, want)
		}
		got := pageAll(t, s, store.EventFilter{Limit: limit, Order: store.OldestFirst})
		for i := range got {
			if i >= len(want) || got[i] != want[len(want)-1-i] {
				t.Fatalf("oldest first, %d a page, is not the reverse:\n got %v\nwant reversed %v", limit, got, want)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("oldest first: %d events, want %d", len(got), len(want))
		}
	}
	// A filter keeps the order.
	var rus []dayOrderKey
	for _, k := range want {
		if k.n%2 == 1 {
			rus = append(rus, k)
		}
	}
	if got := pageAll(t, s, store.EventFilter{Limit: 2, Actor: "RUS"}); !cmp.Equal(got, rus, cmp.AllowUnexported(dayOrderKey{})) {
		t.Fatalf("RUS newest first:\n got %v\nwant %v", got, rus)
	}

	// A cursor is a position: events stored while a client pages do not
	// shift the pages after it; those sorting after the cursor show up.
	_, next, err := s.Events(ctx, store.EventFilter{Limit: 9})
	if err != nil || next == "" {
		t.Fatalf("first page: %q %v", next, err)
	}
	at := want[8]
	mustPut(t, s, dayOrderDocs(23, 12)...)
	var now []dayOrderKey
	for _, r := range mustEvents(t, s, store.EventFilter{Order: store.StoredOrder, Limit: 100}) {
		now = append(now, dayOrderKeyOf(t, r))
	}
	var rest, head []dayOrderKey
	for _, k := range now {
		if at.before(k) {
			rest = append(rest, k)
		} else if k != at {
			head = append(head, k)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return rest[i].before(rest[j]) })
	sort.Slice(head, func(i, j int) bool { return head[j].before(head[i]) })
	if got := pageAll(t, s, store.EventFilter{Limit: 4, Cursor: next}); !cmp.Equal(got, rest, cmp.AllowUnexported(dayOrderKey{})) {
		t.Fatalf("after the cursor, with new events stored:\n got %v\nwant %v", got, rest)
	}
	// The same cursor oldest first pages back towards the newest event.
	if got := pageAll(t, s, store.EventFilter{Limit: 5, Cursor: next, Order: store.OldestFirst}); !cmp.Equal(got, head, cmp.AllowUnexported(dayOrderKey{})) {
		t.Fatalf("before the cursor, oldest first:\n got %v\nwant %v", got, head)
	}
	// Cursors of one order scheme are refused by the other.
	if _, _, err := s.Events(ctx, store.EventFilter{Cursor: next, Order: store.StoredOrder}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("day cursor in stored order: %v", err)
	}
}

func testEventsPaging(t *testing.T, s store.Store) {
	var specs []ev
	for i := 0; i < 250; i++ {
		specs = append(specs, ev{src: cameo.ActorCode([]string{"USA", "RUS", "CHN"}[i%3]), tgt: "UKR", code: "042",
			quad: 1, gold: 1.9, date: fmt.Sprintf("2021-03-%02d", 1+i%28)})
	}
	mustPut(t, s, eventDocs(specs)...)
	for _, f := range []store.EventFilter{{Limit: 7}, {Limit: 100, Actor: "RUS"}, {Limit: 1000}} {
		type key struct {
			id  string
			idx int
		}
		seen := map[key]bool{}
		total := 0
		for {
			rows, next, err := s.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				k := key{r.DocID, r.Index}
				if seen[k] {
					t.Fatalf("%+v twice", k)
				}
				seen[k] = true
			}
			total += len(rows)
			if next == "" {
				break
			}
			f.Cursor = next
		}
		want := 250
		if f.Actor == "RUS" {
			want = 83
		}
		if total != want {
			t.Fatalf("filter %+v: %d events, want %d", f, total, want)
		}
	}
}

func testSeenSentences(t *testing.T, s store.Store) {
	shared := "The ministry confirmed the figures on Monday."
	mk := func(src, extra string) *doc.Document {
		text := extra + " " + shared
		return &doc.Document{ID: dedupe.ID(text), Source: src, Text: text, Lang: "en", Sentences: []doc.Sentence{
			{Span: doc.Span{Start: 0, End: len(extra)}}, {Span: doc.Span{Start: len(extra) + 1, End: len(text)}}}}
	}
	first, second, third := mk("a.example", "First story opens."), mk("b.example", "Second story opens."), mk("a.example", "Third story opens.")
	mustPut(t, s, first)
	mustPut(t, s, second, third)
	h := dedupe.SentenceHash(shared)
	own := dedupe.SentenceHash("Second story opens.")
	tests := []struct {
		name      string
		hashes    []uint64
		notSource string
		want      map[uint64]string
	}{
		{"earliest wins", []uint64{h}, "", map[uint64]string{h: first.ID}},
		{"other source only", []uint64{h, h}, "a.example", map[uint64]string{h: second.ID}},
		{"own source excluded", []uint64{own}, "b.example", map[uint64]string{}},
		{"unknown and zero", []uint64{12345, 0}, "", map[uint64]string{}},
		{"several", []uint64{h, own}, "", map[uint64]string{h: first.ID, own: second.ID}},
		{"none", nil, "", map[uint64]string{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.SeenSentences(ctx, tc.hashes, tc.notSource)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("(-want +got)\n%s", diff)
			}
		})
	}
}

func testAnalytics(t *testing.T, s store.Store) {
	a, ok := s.(store.Analytics)
	if !ok {
		t.Skip("store does not implement store.Analytics")
	}
	mustPut(t, s, eventDocs(eventSpecs)...)
	top, err := a.TopActors(ctx, store.EventFilter{}, 10)
	if err != nil {
		t.Fatal(err)
	}
	wantTop := []store.ActorCount{
		{Actor: "CHN", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: 2},
		{Actor: "FRA", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: 1},
		{Actor: "RUSMIL", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: -10},
		{Actor: "UKR", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: -10},
		{Actor: "USA", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: 1},
		{Actor: "USAGOV", Events: 2, AsSource: 2, MeanGoldstein: 1},
		{Actor: "RUS", Events: 1, AsTarget: 1, MeanGoldstein: -2},
	}
	if diff := cmp.Diff(wantTop, top, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Fatalf("top actors (-want +got)\n%s", diff)
	}
	edges, err := a.ActorEdges(ctx, store.EventFilter{Quad: 4}, 10)
	if err != nil {
		t.Fatal(err)
	}
	wantEdges := []store.Edge{
		{Source: "RUSMIL", Target: "UKR", QuadClass: 4, Events: 1, MeanGoldstein: -10},
		{Source: "UKR", Target: "RUSMIL", QuadClass: 4, Events: 1, MeanGoldstein: -10},
	}
	if diff := cmp.Diff(wantEdges, edges); diff != "" {
		t.Fatalf("edges (-want +got)\n%s", diff)
	}
	week, err := a.Timeline(ctx, store.EventFilter{}, store.Week)
	if err != nil {
		t.Fatal(err)
	}
	wantWeek := []store.TimelinePoint{
		{Start: "2019-12-30", QuadClass: 1, Events: 1, MeanGoldstein: 1},
		{Start: "2019-12-30", QuadClass: 4, Events: 1, MeanGoldstein: -10},
		{Start: "2020-01-06", QuadClass: 3, Events: 1, MeanGoldstein: -2},
		{Start: "2020-01-06", QuadClass: 4, Events: 1, MeanGoldstein: -10},
		{Start: "2020-01-13", QuadClass: 1, Events: 3, MeanGoldstein: 5.0 / 3},
	}
	if diff := cmp.Diff(wantWeek, week, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Fatalf("weekly timeline (-want +got)\n%s", diff)
	}
	day, err := a.Timeline(ctx, store.EventFilter{Root: "04"}, store.Day)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]store.TimelinePoint{
		{Start: "2020-01-01", QuadClass: 1, Events: 1, MeanGoldstein: 1},
		{Start: "2020-01-13", QuadClass: 1, Events: 1, MeanGoldstein: 1},
	}, day); diff != "" {
		t.Fatalf("daily timeline (-want +got)\n%s", diff)
	}
	if _, err := a.Timeline(ctx, store.EventFilter{}, "month"); !errors.Is(err, store.ErrBadFilter) {
		t.Fatalf("bad bucket: %v", err)
	}
	places, err := a.Places(ctx, store.EventFilter{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	wantPlaces := []store.PlaceCount{
		{Name: "Paris", Country: "FR", Lat: 48.855, Lon: 2.345, Events: 2, MeanGoldstein: 1},
		{Name: "Washington", Country: "US", Lat: 38.9, Lon: -77, Events: 2, MeanGoldstein: 1},
	}
	if diff := cmp.Diff(wantPlaces, places, cmpopts.EquateApprox(0, 1e-9)); diff != "" {
		t.Fatalf("places (-want +got)\n%s", diff)
	}
	if _, err := a.TopActors(ctx, store.EventFilter{Quad: 9}, 5); !errors.Is(err, store.ErrBadFilter) {
		t.Fatalf("bad filter: %v", err)
	}
}
