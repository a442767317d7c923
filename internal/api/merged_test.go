package api

import (
	"context"
	"net/url"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

type mergedResp struct {
	Items []struct {
		evItem
		Mentions int `json:"mentions"`
		Sources  int `json:"sources"`
		Articles int `json:"articles"`
		Reports  []struct {
			DocID  string `json:"doc_id"`
			Idx    int    `json:"idx"`
			Title  string `json:"title"`
			Source string `json:"source"`
			URL    string `json:"url"`
			Date   string `json:"date"`
		} `json:"reports"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
	Rows       int    `json:"rows"`
	Truncated  bool   `json:"truncated"`
}

var lyon = &doc.Place{Text: "Lyon", Name: "Lyon", Country: "FR", Lat: 45.74846, Lon: 4.84671}

// stormDocs are one event (Germany and Italy sign a deal in Lyon on
// 1995-06-14) reported by three documents: a wire story, a rewrite by
// another outlet, and a syndicated near copy of the wire story on a third
// site; plus two distractors (the same actors a week later, and another
// pair the same day).
func stormDocs(t testing.TB) (wire, daily, mirror, later, other *doc.Document) {
	wireSents := []string{
		"Germany signed a trade agreement with Italy in Lyon on Wednesday after two days of talks between the delegations.",
		"The accord lowers tariffs on machinery and wine and takes effect next spring, officials said.",
		"Negotiators from both capitals described the mood as constructive and businesslike throughout the meeting.",
	}
	wire = handDoc(t, "Germany and Italy sign trade deal", "https://wire.example/m/1", "1995-06-14", wireSents,
		[]evSpec{{src: "Germany=DEU", tgt: "Italy=ITA", code: "057", date: "1995-06-14", place: lyon, goldstein: 8}})
	daily = handDoc(t, "Berlin and Rome seal accord in Lyon", "https://daily.example/world/2", "1995-06-15",
		[]string{"Italy and Germany agreed a tariff pact at a meeting in Lyon.", "Germany hailed the deal."},
		[]evSpec{{src: "Germany=DEU", tgt: "Italy=ITA", code: "057", date: "1995-06-14", place: lyon, goldstein: 8}})
	mirrorSents := append([]string(nil), wireSents...)
	mirrorSents = append(mirrorSents, "Reporting by the wire desk.")
	mirror = handDoc(t, "Germany and Italy sign trade deal", "https://mirror.example/syndicated/3", "1995-06-14", mirrorSents,
		[]evSpec{{src: "Germany=DEU", tgt: "Italy=ITA", code: "057", date: "1995-06-14", place: lyon, goldstein: 8}})
	mirror.NearDuplicateOf = wire.ID
	later = handDoc(t, "Germany and Italy sign second deal", "https://wire.example/m/4", "1995-06-25",
		[]string{"Germany signed a second agreement with Italy in Lyon."},
		[]evSpec{{src: "Germany=DEU", tgt: "Italy=ITA", code: "057", date: "1995-06-25", place: lyon, goldstein: 8}})
	other = handDoc(t, "Spain and Portugal sign deal", "https://daily.example/world/5", "1995-06-14",
		[]string{"Spain signed an agreement with Portugal in Lyon."},
		[]evSpec{{src: "Spain=ESP", tgt: "Portugal=PRT", code: "057", date: "1995-06-14", place: lyon, goldstein: 8}})
	return
}

func sqliteOrigins(db *sqlite.DB) OriginsFunc {
	return func(ctx context.Context, ids []string) (map[string]eventdedup.DocMeta, error) {
		m, err := db.DocOrigins(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[string]eventdedup.DocMeta, len(m))
		for id, o := range m {
			out[id] = eventdedup.DocMeta{Source: o.Source, NearDuplicateOf: o.NearDuplicateOf}
		}
		return out, nil
	}
}

func TestEventsMerged(t *testing.T) {
	var db *sqlite.DB
	f := newFixture(t, func(o *Options) {
		o.Origins = func(ctx context.Context, ids []string) (map[string]eventdedup.DocMeta, error) {
			return sqliteOrigins(db)(ctx, ids)
		}
	})
	db = f.db
	wire, daily, mirror, later, other := stormDocs(t)
	if _, err := f.db.Put(ctx, []*doc.Document{wire, daily, mirror, later, other}); err != nil {
		t.Fatal(err)
	}
	june := "since=1995-06-01&until=1995-06-30"

	var plain eventsResp
	f.getJSON("/api/events?"+june, &plain)
	if len(plain.Items) != 5 {
		t.Fatalf("plain: %d rows, want 5", len(plain.Items))
	}

	var m mergedResp
	f.getJSON("/api/events?merged=true&"+june, &m)
	if len(m.Items) != 3 || m.Rows != 5 || m.Truncated {
		t.Fatalf("merged: %d items over %d rows (truncated %v), want 3 over 5: %+v", len(m.Items), m.Rows, m.Truncated, m)
	}
	// Merged events come in the order of /api/events: newest first unless
	// order=asc.
	var asc mergedResp
	f.getJSON("/api/events?merged=true&order=asc&"+june, &asc)
	if len(asc.Items) != 3 || m.Items[0].DocID != later.ID || asc.Items[2].DocID != later.ID {
		t.Fatalf("merged order: newest first %+v, oldest first %+v; want %s first and last", m.Items, asc.Items, later.Title)
	}
	for i := range m.Items {
		if m.Items[i].DocID != asc.Items[2-i].DocID {
			t.Fatalf("order=asc is not the reverse: %+v vs %+v", m.Items, asc.Items)
		}
	}
	tests := []struct {
		doc                         *doc.Document
		mentions, sources, articles int
		reports                     []string
	}{
		{wire, 3, 2, 3, []string{daily.ID, mirror.ID}},
		{later, 1, 1, 1, nil},
		{other, 1, 1, 1, nil},
	}
	for _, tc := range tests {
		found := false
		for _, it := range m.Items {
			if it.DocID != tc.doc.ID {
				continue
			}
			found = true
			if it.Mentions != tc.mentions || it.Sources != tc.sources || it.Articles != tc.articles {
				t.Errorf("%s: mentions/sources/articles %d/%d/%d, want %d/%d/%d", tc.doc.Title,
					it.Mentions, it.Sources, it.Articles, tc.mentions, tc.sources, tc.articles)
			}
			var got []string
			for _, r := range it.Reports {
				got = append(got, r.DocID)
				if r.Title == "" || r.URL == "" || r.Source == "" || r.Date != "1995-06-14" {
					t.Errorf("%s: report %+v lacks title/url/source/date", tc.doc.Title, r)
				}
			}
			if len(got) != len(tc.reports) {
				t.Errorf("%s: reports %v, want %v", tc.doc.Title, got, tc.reports)
			} else {
				for i := range got {
					if got[i] != tc.reports[i] {
						t.Errorf("%s: reports %v, want %v", tc.doc.Title, got, tc.reports)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no merged item (representatives are the first stored reports)", tc.doc.Title)
		}
	}

	// Paging over merged events.
	var p1, p2 mergedResp
	f.getJSON("/api/events?merged=true&limit=2&"+june, &p1)
	if len(p1.Items) != 2 || p1.NextCursor == "" {
		t.Fatalf("page 1: %d items, cursor %q", len(p1.Items), p1.NextCursor)
	}
	f.getJSON("/api/events?merged=true&limit=2&"+june+"&cursor="+url.QueryEscape(p1.NextCursor), &p2)
	if len(p2.Items) != 1 || p2.NextCursor != "" || p2.Items[0].DocID == p1.Items[0].DocID || p2.Items[0].DocID == p1.Items[1].DocID {
		t.Fatalf("page 2: %+v after %+v", p2, p1)
	}

	// One document's events with their clusters' counts: the daily rewrite
	// is also reported by the wire story and its copy.
	var d mergedResp
	f.getJSON("/api/events?merged=true&doc="+url.QueryEscape(daily.ID), &d)
	if len(d.Items) != 1 || d.Items[0].DocID != daily.ID || d.Items[0].Articles != 3 || len(d.Items[0].Reports) != 2 {
		t.Fatalf("doc view: %+v", d)
	}
	f.getJSON("/api/events?merged=true&doc="+url.QueryEscape(other.ID), &d)
	if len(d.Items) != 1 || d.Items[0].Articles != 1 || len(d.Items[0].Reports) != 0 {
		t.Fatalf("doc view of a distractor: %+v", d)
	}

	// Filters apply before merging: only Spain's event is left.
	f.getJSON("/api/events?merged=true&actor=ESP&"+june, &m)
	if len(m.Items) != 1 || m.Items[0].DocID != other.ID {
		t.Fatalf("actor filter: %+v", m)
	}
}

// Without origins, the syndicated copy counts as its own outlet.
func TestEventsMergedNoOrigins(t *testing.T) {
	f := newFixture(t)
	wire, daily, mirror, _, _ := stormDocs(t)
	if _, err := f.db.Put(ctx, []*doc.Document{wire, daily, mirror}); err != nil {
		t.Fatal(err)
	}
	var m mergedResp
	f.getJSON("/api/events?merged=1&since=1995-06-01&until=1995-06-30", &m)
	if len(m.Items) != 1 || m.Items[0].Articles != 3 || m.Items[0].Sources != 3 {
		t.Fatalf("%+v", m)
	}
}

func TestEventsMergedBadParams(t *testing.T) {
	f := newFixture(t)
	for _, q := range []string{"merged=maybe", "merged=true&cursor=e12", "merged=true&cursor=m-1", "merged=true&cursor=mx"} {
		code, _, b := f.get("/api/events?" + q)
		if code != 400 {
			t.Errorf("%s: %d %s, want 400", q, code, b)
		}
	}
	var m mergedResp
	f.getJSON("/api/events?merged=false&limit=3", &m)
	if len(m.Items) != 3 || m.Items[0].Reports != nil {
		t.Errorf("merged=false should list rows: %+v", m)
	}
}

// The bound: only the first MergeRows matching rows are clustered, and the
// page says so.
func TestEventsMergedBound(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.MergeRows = 2 })
	wire, daily, mirror, later, other := stormDocs(t)
	if _, err := f.db.Put(ctx, []*doc.Document{wire, daily, mirror, later, other}); err != nil {
		t.Fatal(err)
	}
	var m mergedResp
	f.getJSON("/api/events?merged=true&since=1995-06-01&until=1995-06-30", &m)
	if m.Rows != 2 || !m.Truncated || len(m.Items) != 1 || m.Items[0].Articles != 2 {
		t.Fatalf("%+v", m)
	}
	f.getJSON("/api/events?merged=true&since=1995-06-01&until=1995-06-30&actor=ESP", &m)
	if m.Rows != 1 || m.Truncated {
		t.Fatalf("%+v", m)
	}
}
