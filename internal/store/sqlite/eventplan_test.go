package sqlite

import (
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

// planDoc is document i with four events; its day grows with i, so date
// filters select a contiguous run of ids, as chronological ingest does;
// every 37th has no day.
func planDoc(r *rand.Rand, i int) *doc.Document {
	actors := []cameo.ActorCode{"USA", "USAGOV", "RUS", "RUSMIL", "CHN", "FRA", "ETHCVL"}
	codes := []cameo.EventCode{"040", "057", "111", "190", "173", "070"}
	var b strings.Builder
	d := &doc.Document{Title: fmt.Sprintf("plan %d", i), PubDate: fmt.Sprintf("2020-%02d-%02d", 1+i/28%12, 1+i%28), Lang: "en"}
	if i%37 == 36 { // no day: last newest first, first oldest first
		d.PubDate = ""
	}
	for k := 0; k < 4; k++ {
		start := b.Len()
		fmt.Fprintf(&b, "Sentence %d of document %d. ", k, i)
		sp := doc.Span{Start: start, End: b.Len() - 1}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp})
		src, tgt := actors[r.Intn(len(actors))], actors[r.Intn(len(actors))]
		code := codes[r.Intn(len(codes))]
		e := doc.Event{Source: &doc.Participant{Span: sp, Text: "s", Actor: src}, Target: &doc.Participant{Span: sp, Text: "t", Actor: tgt},
			Code: code, Root: code.Root(), QuadClass: code.Root().Quad(), Negated: r.Intn(8) == 0, Modality: doc.Asserted,
			Sentence: k, Span: sp, Confidence: 0.5}
		if r.Intn(3) > 0 {
			c := []string{"FR", "UA", "US"}[r.Intn(3)]
			e.Place = &doc.Place{Text: c, Name: "P" + c, Country: c, Lat: float64(r.Intn(120) - 60), Lon: float64(r.Intn(300) - 150)}
		}
		d.Events = append(d.Events, e)
	}
	d.Text = b.String()
	d.ID = dedupe.ID(d.Text)
	return d
}

func TestEventPlanMatchesScan(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	r := rand.New(rand.NewSource(3))
	var docs []*doc.Document
	for i := 0; i < 400; i++ {
		docs = append(docs, planDoc(r, i))
	}
	if _, err := db.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	// Every event, unfiltered, in id order.
	var all []store.EventRow
	for cur := ""; ; {
		rows, next, err := db.Events(ctx, store.EventFilter{Limit: store.MaxLimit, Cursor: cur, Order: store.StoredOrder})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, rows...)
		if next == "" {
			break
		}
		cur = next
	}
	if len(all) != 1600 {
		t.Fatalf("%d events stored", len(all))
	}
	yes, no := true, false
	filters := []struct {
		f    store.EventFilter
		keep func(e store.EventRow) bool
	}{
		{store.EventFilter{Actor: "USA"}, func(e store.EventRow) bool {
			return strings.HasPrefix(string(e.Source), "USA") || strings.HasPrefix(string(e.Target), "USA")
		}},
		{store.EventFilter{Actor: "ETHCVL"}, func(e store.EventRow) bool { return e.Source == "ETHCVL" || e.Target == "ETHCVL" }},
		{store.EventFilter{Quad: 4, Negated: &yes}, func(e store.EventRow) bool { return e.QuadClass == 4 && e.Negated }},
		{store.EventFilter{Root: "19", Country: "UA"}, func(e store.EventRow) bool { return e.Root == "19" && e.Country == "UA" }},
		{store.EventFilter{Since: "2020-11-01"}, func(e store.EventRow) bool { return e.Day >= "2020-11-01" }},
		{store.EventFilter{Since: "2020-12-01", Until: "2020-12-05", Actor: "RUS"}, func(e store.EventRow) bool {
			return e.Day >= "2020-12-01" && e.Day <= "2020-12-05" && (strings.HasPrefix(string(e.Source), "RUS") || strings.HasPrefix(string(e.Target), "RUS"))
		}},
		{store.EventFilter{BBox: &store.BBox{MinLat: 0, MaxLat: 60, MinLon: -50, MaxLon: 50}, Negated: &no}, func(e store.EventRow) bool {
			return e.Lat != nil && *e.Lat >= 0 && *e.Lat <= 60 && *e.Lon >= -50 && *e.Lon <= 50 && !e.Negated
		}},
	}
	// Small thresholds send the filters through every plan: selective
	// index, windowed scan, and the index after an exhausted scan budget.
	settings := []struct {
		name         string
		cap          int
		window, budg int64
		dayWin       int
		dayBudg      int
	}{
		{"defaults", probeCap, scanWindow, scanBudget, dayScanWindow, dayScanBudget},
		{"scan", 1, 16, 1 << 20, 4, 1 << 20},
		{"budget", 1, 8, 32, 2, 32},
		{"index", 1 << 20, 8, 32, 2, 32},
	}
	defer func(c int, w, b int64, dw, d int) {
		probeCap, scanWindow, scanBudget, dayScanWindow, dayScanBudget = c, w, b, dw, d
	}(probeCap, scanWindow, scanBudget, dayScanWindow, dayScanBudget)
	// pos is each event's storage position.
	pos := map[string]int{}
	for i, e := range all {
		pos[fmt.Sprintf("%s#%d", e.DocID, e.Index)] = i
	}
	for _, st := range settings {
		probeCap, scanWindow, scanBudget, dayScanWindow, dayScanBudget = st.cap, st.window, st.budg, st.dayWin, st.dayBudg
		for _, x := range filters {
			for _, order := range []store.Order{store.StoredOrder, store.NewestFirst, store.OldestFirst} {
				t.Run(fmt.Sprintf("%s/%s/%+v", st.name, order, x.f), func(t *testing.T) {
					var want []string
					var kept []store.EventRow
					for _, e := range all {
						if x.keep(e) {
							kept = append(kept, e)
						}
					}
					if order != store.StoredOrder {
						sort.SliceStable(kept, func(i, j int) bool {
							a, b := kept[i], kept[j]
							if order == store.NewestFirst {
								a, b = b, a
							}
							if a.Day != b.Day {
								return a.Day < b.Day
							}
							return pos[fmt.Sprintf("%s#%d", a.DocID, a.Index)] < pos[fmt.Sprintf("%s#%d", b.DocID, b.Index)]
						})
					}
					for _, e := range kept {
						want = append(want, fmt.Sprintf("%s#%d", e.DocID, e.Index))
					}
					var got []string
					f := x.f
					f.Limit = 7
					f.Order = order
					for pages := 0; ; pages++ {
						rows, next, err := db.Events(ctx, f)
						if err != nil {
							t.Fatal(err)
						}
						for _, e := range rows {
							got = append(got, fmt.Sprintf("%s#%d", e.DocID, e.Index))
						}
						if next == "" {
							break
						}
						if pages > 1000 {
							t.Fatal("paging does not end")
						}
						f.Cursor = next
					}
					if len(want) == 0 {
						t.Fatal("filter matches nothing: a useless case")
					}
					if strings.Join(got, " ") != strings.Join(want, " ") {
						t.Fatalf("got %d events, want %d (in the order asked)", len(got), len(want))
					}
				})
			}
		}
	}
}
