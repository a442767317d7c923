package eventdedup

import (
	"fmt"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

func city(country string, lat, lon float64) *doc.Place {
	return &doc.Place{Country: country, Lat: lat, Lon: lon, FeatureClass: "P", GeoType: 4}
}

func countryPlace(c string) *doc.Place {
	return &doc.Place{Country: c, FeatureClass: "A", GeoType: 1}
}

func ev(src, tgt string, code cameo.EventCode, date string, place *doc.Place) doc.Event {
	e := doc.Event{Code: code, Root: code.Root(), Date: date, Place: place}
	if src != "" {
		e.Source = &doc.Participant{Actor: cameo.ActorCode(src)}
	}
	if tgt != "" {
		e.Target = &doc.Participant{Actor: cameo.ActorCode(tgt)}
	}
	return e
}

func key(t *testing.T, e doc.Event) Key {
	t.Helper()
	k, ok := KeyOf(&doc.Document{ID: "d", PubDate: "2026-03-10", Events: []doc.Event{e}}, 0)
	if !ok {
		t.Fatalf("KeyOf(%+v) not ok", e)
	}
	return k
}

var (
	paris     = city("FR", 48.86, 2.35)
	versailes = city("FR", 48.80, 2.13) // ~17 km from Paris
	lyon      = city("FR", 45.76, 4.84) // ~390 km from Paris
)

func TestCompatible(t *testing.T) {
	base := ev("USAGOV", "FRAGOV", "0421", "2026-03-10", paris)
	cases := []struct {
		name string
		b    doc.Event
		want bool
	}{
		{"same", base, true},
		{"leaf synonym in base", ev("USAGOV", "FRAGOV", "042", "2026-03-10", paris), true},
		{"host is visit reversed", ev("FRAGOV", "USAGOV", "043", "2026-03-10", paris), true},
		{"generic root code", ev("USAGOV", "FRAGOV", "040", "2026-03-10", paris), true},
		{"other base same root", ev("USAGOV", "FRAGOV", "046", "2026-03-10", paris), false},
		{"other root", ev("USAGOV", "FRAGOV", "111", "2026-03-10", paris), false},
		{"broader actor", ev("USA", "FRA", "042", "2026-03-10", paris), true},
		{"role only", ev("GOV", "FRAGOV", "042", "2026-03-10", paris), true},
		{"other role", ev("USAMIL", "FRAGOV", "042", "2026-03-10", paris), false},
		{"other country", ev("GBRGOV", "FRAGOV", "042", "2026-03-10", paris), false},
		{"one actor unknown", ev("USAGOV", "", "042", "2026-03-10", paris), true},
		{"reversed actors, not symmetric", ev("FRAGOV", "USAGOV", "042", "2026-03-10", paris), false},
		{"nearby city", ev("USAGOV", "FRAGOV", "042", "2026-03-10", versailes), true},
		{"far city", ev("USAGOV", "FRAGOV", "042", "2026-03-10", lyon), false},
		{"country only", ev("USAGOV", "FRAGOV", "042", "2026-03-10", countryPlace("FR")), true},
		{"other country place", ev("USAGOV", "FRAGOV", "042", "2026-03-10", countryPlace("DE")), false},
		{"no place", ev("USAGOV", "FRAGOV", "042", "2026-03-10", nil), true},
		{"two days later", ev("USAGOV", "FRAGOV", "042", "2026-03-12", paris), true},
		{"three days later", ev("USAGOV", "FRAGOV", "042", "2026-03-13", paris), false},
		{"month precision", ev("USAGOV", "FRAGOV", "042", "2026-03", paris), true},
		{"previous month", ev("USAGOV", "FRAGOV", "042", "2026-01", paris), false},
	}
	a := key(t, base)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := key(t, c.b)
			if got := Compatible(a, b, Options{}); got != c.want {
				t.Errorf("Compatible(%+v, %+v) = %v, want %v", a, b, got, c.want)
			}
			if got := Compatible(b, a, Options{}); got != c.want {
				t.Errorf("not symmetric: Compatible(b, a) = %v", got)
			}
		})
	}
}

func TestSymmetricActions(t *testing.T) {
	a := key(t, ev("USAGOV", "FRAGOV", "046", "2026-03-10", nil))
	b := key(t, ev("FRA", "USA", "046", "2026-03-10", nil))
	if !Compatible(a, b, Options{}) {
		t.Errorf("negotiation reported in either order should match: %+v %+v", a, b)
	}
	c := key(t, ev("FRA", "USA", "112", "2026-03-10", nil))
	d := key(t, ev("USA", "FRA", "112", "2026-03-10", nil))
	if Compatible(c, d, Options{}) {
		t.Errorf("accusations in opposite directions must not match")
	}
}

func TestKeyOfSkipsNonEvents(t *testing.T) {
	d := &doc.Document{Events: []doc.Event{
		{Code: "042", Negated: true},
		{Code: ""},
		ev("USA", "FRA", "042", "", nil),
	}}
	for i, want := range []bool{false, false, true} {
		if _, ok := KeyOf(d, i); ok != want {
			t.Errorf("KeyOf(event %d) ok=%v, want %v", i, ok, want)
		}
	}
	if _, ok := KeyOf(d, 7); ok {
		t.Error("out of range index accepted")
	}
	if k, _ := KeyOf(d, 2); k.HasDate {
		t.Error("undated event in undated document has a date")
	}
}

func docOf(id, source, near string, events ...doc.Event) *doc.Document {
	return &doc.Document{ID: id, Source: source, NearDuplicateOf: near, PubDate: "2026-03-10", Events: events}
}

func TestMergeCounts(t *testing.T) {
	visit := ev("USAGOV", "FRAGOV", "042", "2026-03-10", paris)
	visit2 := ev("USA", "FRA", "0421", "2026-03-11", countryPlace("FR"))
	hosts := ev("FRAGOV", "USAGOV", "043", "", versailes)
	other := ev("USAGOV", "FRAGOV", "111", "2026-03-10", paris)
	docs := []*doc.Document{
		docOf("a", "alpha.example", "", visit, other, visit), // two mentions in one article
		docOf("b", "beta.example", "", visit2),
		docOf("c", "gamma.example", "b", visit2), // syndicated copy of b
		docOf("d", "alpha.example", "", hosts),   // same outlet as a, another article
		docOf("e", "delta.example", "c", visit2), // copy of the copy
	}
	clusters := Merge(docs)
	if len(clusters) != 2 {
		t.Fatalf("got %d clusters, want 2: %+v", len(clusters), clusters)
	}
	c := clusters[0]
	if c.Rep != (Ref{"a", 0}) {
		t.Errorf("representative %+v, want a#0", c.Rep)
	}
	// mentions: a×2, b, c, d, e = 6; articles: a b c d e = 5;
	// sources: {alpha (a, d)}, {beta, gamma, delta: one syndicated text} = 2.
	if got := [3]int{c.NumMentions, c.NumArticles, c.NumSources}; got != [3]int{6, 5, 2} {
		t.Errorf("mentions/articles/sources = %v, want [6 5 2]", got)
	}
	e := docs[0].Events[0]
	if e.Mentions != 6 || e.Articles != 5 || e.Sources != 2 {
		t.Errorf("representative event counts %d/%d/%d, want 6/5/2", e.Mentions, e.Articles, e.Sources)
	}
	if docs[0].Events[2].Mentions != 0 {
		t.Errorf("a non-representative event got counts")
	}
	if o := clusters[1]; o.NumMentions != 1 || o.Rep != (Ref{"a", 1}) {
		t.Errorf("criticism cluster %+v", o)
	}
	if got, ok := Of(clusters, "e", 0); !ok || got.ID != c.ID {
		t.Errorf("Of(e#0) = %v, %v", got.ID, ok)
	}
}

func TestIndexIdempotentAndPrune(t *testing.T) {
	x := NewIndex(Options{})
	d1 := docOf("a", "alpha", "", ev("USA", "FRA", "042", "2026-03-10", nil))
	d2 := docOf("b", "beta", "", ev("USA", "FRA", "042", "2026-03-11", nil), doc.Event{Code: "042", Negated: true})
	first := x.Add(d1)
	if len(first) != 1 || !first[0].New || first[0].Cluster != 0 {
		t.Fatalf("first add: %+v", first)
	}
	as := x.Add(d2)
	if as[0].Cluster != 0 || as[0].New || as[1].Cluster != -1 {
		t.Fatalf("second add: %+v", as)
	}
	again := x.Add(d1)
	if again[0] != first[0] {
		t.Errorf("re-adding a document changed its assignment: %+v vs %+v", again, first)
	}
	if c, _ := x.Cluster(0); c.NumMentions != 2 {
		t.Errorf("re-adding a document counted it twice: %d mentions", c.NumMentions)
	}
	if n := x.Prune("2026-03-12"); n != 0 {
		t.Errorf("pruned %d clusters still within the window", n)
	}
	if n := x.Prune("2026-04-01"); n != 1 || x.Len() != 0 {
		t.Errorf("prune: dropped %d, left %d", n, x.Len())
	}
	if x.Assignments("a") != nil {
		t.Error("pruned document still indexed")
	}
	// After pruning, a late report starts a new cluster.
	if as := x.Add(docOf("c", "gamma", "", ev("USA", "FRA", "042", "2026-03-10", nil))); !as[0].New {
		t.Errorf("late report joined a pruned cluster: %+v", as)
	}
}

func TestNoChaining(t *testing.T) {
	// Dates 10, 12, 14: each next to the previous within 2 days, but the
	// first and last are 4 days apart; complete link keeps 14 apart.
	docs := []*doc.Document{
		docOf("a", "s1", "", ev("USA", "IRN", "112", "2026-03-10", nil)),
		docOf("b", "s2", "", ev("USA", "IRN", "112", "2026-03-12", nil)),
		docOf("c", "s3", "", ev("USA", "IRN", "112", "2026-03-14", nil)),
	}
	if n := len(Merge(docs)); n != 2 {
		t.Errorf("got %d clusters, want 2", n)
	}
}

func BenchmarkIndexAdd(b *testing.B) {
	codes := []cameo.EventCode{"042", "112", "190", "036", "173"}
	ctry := []string{"USA", "FRA", "RUS", "CHN", "IRN", "DEU", "GBR", "TUR"}
	docs := make([]*doc.Document, 5000)
	for i := range docs {
		day := fmt.Sprintf("2026-03-%02d", 1+i%28)
		docs[i] = docOf(fmt.Sprintf("d%d", i), fmt.Sprintf("s%d", i%50), "",
			ev(ctry[i%8]+"GOV", ctry[(i/8)%8], codes[i%5], day, countryPlace("FR")))
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		x := NewIndex(Options{})
		for _, d := range docs {
			x.Add(d)
		}
	}
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}
