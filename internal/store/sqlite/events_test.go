package sqlite

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

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

// eventDocs builds documents whose events follow specs, two events per doc.
func eventDocs(specs []ev) []*doc.Document {
	var docs []*doc.Document
	for i := 0; i < len(specs); i += 2 {
		text := fmt.Sprintf("Document %d about events. First sentence here. Second sentence there.", i)
		d := &doc.Document{Text: text, ID: dedupe.ID(text), Title: fmt.Sprint("doc ", i), PubDate: "2020-01-15", Lang: "en",
			Sentences: []doc.Sentence{{Span: span(text, "Document")}, {Span: span(text, "First sentence here.")}}}
		d.Sentences[0].End = d.Sentences[1].Start - 1
		for j := i; j < i+2 && j < len(specs); j++ {
			s := specs[j]
			e := doc.Event{Code: s.code, Root: cameo.Root(s.code[:2]), QuadClass: s.quad, Goldstein: s.gold, Negated: s.neg,
				Modality: doc.Asserted, Date: s.date, Killed: s.killed, Sentence: j - i, Span: d.Sentences[j-i].Span, Confidence: 0.5}
			if s.src != "" {
				e.Source = &doc.Participant{Text: "src " + string(s.src), Actor: s.src}
			}
			if s.tgt != "" {
				e.Target = &doc.Participant{Text: "tgt " + string(s.tgt), Actor: s.tgt}
			}
			if s.place != "" {
				e.Place = &doc.Place{Text: s.place, Name: s.place, Country: s.country, Lat: s.lat, Lon: s.lon}
			}
			d.Events = append(d.Events, e)
		}
		docs = append(docs, d)
	}
	return docs
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

func TestEventsFilters(t *testing.T) {
	db := openTemp(t)
	docs := eventDocs(eventSpecs)
	mustPut(t, db, docs...)
	tru, fal := true, false
	codes := func(rows []store.EventRow) []string {
		var out []string
		for _, r := range rows {
			out = append(out, string(r.Source)+">"+string(r.Target))
		}
		return out
	}
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
		{"since", store.EventFilter{Since: "2020-01-13"}, []string{"FRA>USA", "CHN>", "USAGOV>CHN"}}, // CHN> has only the pubdate 2020-01-15
		{"until", store.EventFilter{Until: "2020-01-01"}, []string{"USA>FRA", "UKR>RUSMIL"}},         // month and year dates file under their first day
		{"bbox europe", store.EventFilter{BBox: &store.BBox{MinLat: 35, MinLon: -10, MaxLat: 60, MaxLon: 40}}, []string{"RUSMIL>UKR", "FRA>USA", "USA>FRA"}},
		{"negated", store.EventFilter{Negated: &tru}, []string{"USA>FRA"}},
		{"not negated and actor", store.EventFilter{Negated: &fal, Actor: "FRA"}, []string{"FRA>USA"}},
		{"doc", store.EventFilter{DocID: docs[1].ID}, []string{"FRA>USA", "USA>FRA"}},
		{"nothing", store.EventFilter{Actor: "ZZZ"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := tc.f
			f.Order = store.StoredOrder // the conformance suite checks the day orders
			rows, next, err := db.Events(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			if next != "" {
				t.Errorf("unexpected next cursor %q", next)
			}
			if diff := cmp.Diff(tc.want, codes(rows)); diff != "" {
				t.Fatalf("(-want +got)\n%s", diff)
			}
		})
	}

	rows, _, _ := db.Events(ctx, store.EventFilter{Root: "19", Limit: 1, Order: store.StoredOrder})
	r := rows[0]
	if r.DocID != docs[0].ID || r.Index != 1 || r.Code != "190" || r.QuadClass != 4 || r.Goldstein != -10 ||
		r.Killed == nil || *r.Killed != 12 || r.Lat == nil || *r.Lat != 50.45 || r.PlaceName != "Kyiv" ||
		r.Evidence != "First sentence here." || r.Day != "2020-01-07" || r.SourceText != "src RUSMIL" {
		t.Fatalf("row %+v", r)
	}
	rows, _, _ = db.Events(ctx, store.EventFilter{Actor: "UKR", Root: "19", Order: store.StoredOrder})
	if rows[1].Lat != nil || rows[1].Date != "2020" || rows[1].Day != "2020-01-01" {
		t.Fatalf("row without place %+v", rows[1])
	}

	for _, f := range []store.EventFilter{
		{Quad: 7}, {Root: "3"}, {Since: "2020/01/01"}, {Until: "x"}, {Actor: "US%"},
		{BBox: &store.BBox{MinLat: 10, MaxLat: 5}}, {Limit: -3},
	} {
		if _, _, err := db.Events(ctx, f); !errors.Is(err, store.ErrBadFilter) && !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("%+v: %v", f, err)
		}
	}
	if _, _, err := db.Events(ctx, store.EventFilter{Cursor: "e-1"}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("bad cursor: %v", err)
	}
}

func TestEventsPaging(t *testing.T) {
	db := openTemp(t)
	var specs []ev
	for i := 0; i < 2500; i++ {
		specs = append(specs, ev{src: "USA", tgt: "CHN", code: "040", quad: 1, gold: 1, date: "2021-03-04"})
	}
	mustPut(t, db, eventDocs(specs)...)
	seen := map[string]bool{}
	cursor, pages := "", 0
	for {
		rows, next, err := db.Events(ctx, store.EventFilter{Actor: "CHN", Limit: 1000, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, r := range rows {
			k := fmt.Sprint(r.DocID, r.Index)
			if seen[k] {
				t.Fatalf("event %s twice", k)
			}
			seen[k] = true
		}
		if next == "" {
			break
		}
		cursor = next
	}
	if len(seen) != 2500 || pages != 3 {
		t.Fatalf("%d events in %d pages", len(seen), pages)
	}
	rows, _, _ := db.Events(ctx, store.EventFilter{Limit: 5000})
	if len(rows) != store.MaxLimit {
		t.Fatalf("limit not capped: %d", len(rows))
	}
	rows, _, _ = db.Events(ctx, store.EventFilter{})
	if len(rows) != 100 {
		t.Fatalf("default limit: %d", len(rows))
	}
}

func TestAnalytics(t *testing.T) {
	db := openTemp(t)
	mustPut(t, db, eventDocs(eventSpecs)...)

	top, err := db.TopActors(ctx, store.EventFilter{}, 3)
	if err != nil {
		t.Fatal(err)
	}
	wantTop := []store.ActorCount{
		{Actor: "CHN", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: 2},
		{Actor: "FRA", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: 1},
		{Actor: "RUSMIL", Events: 2, AsSource: 1, AsTarget: 1, MeanGoldstein: -10},
	}
	if diff := cmp.Diff(wantTop, top); diff != "" {
		t.Fatalf("top actors (-want +got)\n%s", diff)
	}
	top, _ = db.TopActors(ctx, store.EventFilter{Actor: "USAGOV"}, 0)
	if len(top) != 3 || top[0].Actor != "USAGOV" || top[0].Events != 2 || top[0].MeanGoldstein != 1 {
		t.Fatalf("filtered top actors %+v", top)
	}

	edges, err := db.ActorEdges(ctx, store.EventFilter{Quad: cameo.MaterialConflict}, 10)
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
	if edges, _ := db.ActorEdges(ctx, store.EventFilter{}, 0); len(edges) != 6 { // CHN> has no target
		t.Fatalf("all edges: %+v", edges)
	}

	days, err := db.Timeline(ctx, store.EventFilter{Actor: "USA"}, store.Day)
	if err != nil {
		t.Fatal(err)
	}
	wantDays := []store.TimelinePoint{
		{Start: "2020-01-01", QuadClass: 1, Events: 1, MeanGoldstein: 1},
		{Start: "2020-01-06", QuadClass: 3, Events: 1, MeanGoldstein: -2},
		{Start: "2020-01-13", QuadClass: 1, Events: 1, MeanGoldstein: 1},
		{Start: "2020-01-14", QuadClass: 1, Events: 1, MeanGoldstein: 4},
	}
	if diff := cmp.Diff(wantDays, days); diff != "" {
		t.Fatalf("days (-want +got)\n%s", diff)
	}
	weeks, err := db.Timeline(ctx, store.EventFilter{}, store.Week)
	if err != nil {
		t.Fatal(err)
	}
	// 2020-01-01 is a Wednesday: its week starts Monday 2019-12-30.
	wantWeeks := []store.TimelinePoint{
		{Start: "2019-12-30", QuadClass: 1, Events: 1, MeanGoldstein: 1},
		{Start: "2019-12-30", QuadClass: 4, Events: 1, MeanGoldstein: -10},
		{Start: "2020-01-06", QuadClass: 3, Events: 1, MeanGoldstein: -2},
		{Start: "2020-01-06", QuadClass: 4, Events: 1, MeanGoldstein: -10},
		{Start: "2020-01-13", QuadClass: 1, Events: 3, MeanGoldstein: 5.0 / 3},
	}
	if diff := cmp.Diff(wantWeeks, weeks); diff != "" {
		t.Fatalf("weeks (-want +got)\n%s", diff)
	}
	if _, err := db.Timeline(ctx, store.EventFilter{}, "month"); !errors.Is(err, store.ErrBadFilter) {
		t.Fatalf("bad bucket: %v", err)
	}

	places, err := db.Places(ctx, store.EventFilter{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(places) != 2 || places[0].Name != "Paris" || places[0].Events != 2 || math.Abs(places[0].Lat-48.855) > 1e-9 ||
		places[1].Name != "Washington" || places[1].Events != 2 || places[1].MeanGoldstein != 1 {
		t.Fatalf("places %+v", places)
	}
	if _, err := db.Places(ctx, store.EventFilter{Quad: 9}, 2); !errors.Is(err, store.ErrBadFilter) {
		t.Fatalf("bad filter: %v", err)
	}
}
