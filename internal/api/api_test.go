package api

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

type docsResp struct {
	Items []struct {
		ID, Title, URL, Source, PubDate, Snippet string
		Events                                   int64
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

type eventsResp struct {
	Items      []evItem `json:"items"`
	NextCursor string   `json:"next_cursor"`
}

type evItem struct {
	DocID  string `json:"doc_id"`
	Idx    int    `json:"idx"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Source struct {
		Text  string `json:"text"`
		Actor string `json:"actor"`
	} `json:"source"`
	Target struct {
		Text  string `json:"text"`
		Actor string `json:"actor"`
	} `json:"target"`
	Cameo     string  `json:"cameo"`
	Root      string  `json:"root"`
	QuadClass int     `json:"quad_class"`
	Goldstein float64 `json:"goldstein"`
	Negated   bool    `json:"negated"`
	Modality  string  `json:"modality"`
	Place     *struct {
		Name    string  `json:"name"`
		Country string  `json:"country"`
		Lat     float64 `json:"lat"`
		Lon     float64 `json:"lon"`
	} `json:"place"`
	Killed     *int64  `json:"killed"`
	Sentence   int     `json:"sentence"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Evidence   string  `json:"evidence"`
	Confidence float64 `json:"confidence"`
}

func TestHealthz(t *testing.T) {
	f := newFixture(t)
	var h struct {
		Status    string `json:"status"`
		Documents int    `json:"documents"`
		Events    int    `json:"events"`
	}
	f.getJSON("/healthz", &h)
	if h.Status != "ok" || h.Documents != f.n || h.Documents < 10 {
		t.Fatalf("healthz %+v, stored %d", h, f.n)
	}
	if h.Events < 7 {
		t.Errorf("healthz events %d, want at least the 7 hand-built ones", h.Events)
	}
}

func TestDocuments(t *testing.T) {
	f := newFixture(t)
	var page docsResp
	f.getJSON("/api/documents", &page)
	if len(page.Items) != f.n || page.NextCursor != "" {
		t.Fatalf("%d items (next %q), want all %d", len(page.Items), page.NextCursor, f.n)
	}
	// Newest first: the last stored (hand) document leads.
	if page.Items[0].ID != f.hand[2].ID || page.Items[0].Events != 1 {
		t.Errorf("first item %+v, want %s with 1 event", page.Items[0], f.hand[2].ID)
	}
	for _, it := range page.Items {
		if it.ID == f.hand[1].ID && (it.Events != 3 || it.Title != f.hand[1].Title || it.URL != f.hand[1].URL || it.Source != "wire.example") {
			t.Errorf("hand doc 2 listed as %+v", it)
		}
	}

	t.Run("search", func(t *testing.T) {
		var s docsResp
		f.getJSON("/api/documents?q=Hollande", &s)
		if len(s.Items) != 1 || s.Items[0].ID != f.hand[0].ID || !strings.Contains(s.Items[0].Snippet, "Hollande") {
			t.Fatalf("search Hollande: %+v", s.Items)
		}
		f.getJSON("/api/documents?q=Hollande&since=2016-01-01", &s)
		if len(s.Items) != 0 {
			t.Fatalf("since filter ignored: %+v", s.Items)
		}
		f.getJSON("/api/documents?source=other.example", &s)
		if len(s.Items) != 1 || s.Items[0].ID != f.hand[2].ID {
			t.Fatalf("source filter: %+v", s.Items)
		}
		f.getJSON("/api/documents?q="+url.QueryEscape(`"unbalanced quote AND (`), &s) // any text is a valid query
	})

	t.Run("paging", func(t *testing.T) {
		seen := map[string]bool{}
		cursor, pages := "", 0
		for {
			var p docsResp
			f.getJSON("/api/documents?limit=4&cursor="+url.QueryEscape(cursor), &p)
			pages++
			if len(p.Items) > 4 {
				t.Fatalf("page of %d > limit", len(p.Items))
			}
			for _, it := range p.Items {
				if seen[it.ID] {
					t.Fatalf("%s on two pages", it.ID)
				}
				seen[it.ID] = true
			}
			if p.NextCursor == "" {
				break
			}
			cursor = p.NextCursor
			if pages > 50 {
				t.Fatal("paging does not end")
			}
		}
		if len(seen) != f.n {
			t.Fatalf("paged through %d documents, want %d", len(seen), f.n)
		}
	})

	t.Run("get", func(t *testing.T) {
		var d doc.Document
		f.getJSON("/api/documents/"+f.hand[0].ID, &d)
		if d.ID != f.hand[0].ID || d.Text != f.hand[0].Text || len(d.Events) != 3 || len(d.Sentences) != 3 {
			t.Fatalf("got %+v", d)
		}
		if d.Events[0].Place == nil || d.Events[0].Place.Name != "Paris" || d.Events[2].Negated != true {
			t.Errorf("events not kept: %+v", d.Events)
		}
		ex := exampleDocs(t)[0]
		f.getJSON("/api/documents/"+ex.ID, &d)
		for _, s := range d.Sentences {
			if len(s.Tokens) > 0 {
				t.Fatal("tokens returned")
			}
		}
		if len(d.Sentences) == 0 || d.Text != ex.Text {
			t.Fatalf("example document %s came back with %d sentences", ex.ID, len(d.Sentences))
		}
	})
}

func TestEvents(t *testing.T) {
	f := newFixture(t)
	var all eventsResp
	f.getJSON("/api/events?limit=500", &all)
	if len(all.Items) < 7 {
		t.Fatalf("%d events, want at least 7", len(all.Items))
	}
	var shell *int
	for i, e := range all.Items {
		if e.Cameo == "190" && e.DocID == f.hand[1].ID {
			shell = &i
		}
	}
	if shell == nil {
		t.Fatal("shelling event missing")
	}
	e := all.Items[*shell]
	if e.Title != f.hand[1].Title || e.URL != f.hand[1].URL || e.Source.Actor != "RUSMIL" || e.Source.Text != "Russian forces" ||
		e.Target.Actor != "UKR" || e.Root != "19" || e.QuadClass != 4 || e.Killed == nil || *e.Killed != 12 ||
		e.Place == nil || e.Place.Country != "UA" || e.Place.Lat < 50 || e.Date != "1997-03-01" ||
		e.Evidence != "Russian forces shelled Kyiv, killing 12 people." || e.Start != 0 || e.End != len(e.Evidence) {
		t.Fatalf("shelling event: %+v", e)
	}

	const y97 = "since=1997-01-01&until=1997-12-31&"
	hasActor := func(prefix string) func(e evItem) bool {
		return func(e evItem) bool {
			return strings.HasPrefix(e.Source.Actor, prefix) || strings.HasPrefix(e.Target.Actor, prefix)
		}
	}
	cases := []struct {
		query string
		n     int               // events expected among the 1997 hand-built ones
		check func(evItem) bool // holds for every event returned
	}{
		{"actor=USA", 4, hasActor("USA")},
		{"actor=usagov", 3, hasActor("USAGOV")},
		{"root=11", 2, func(e evItem) bool { return e.Root == "11" && e.Cameo[:2] == "11" }},
		{"root=4", 2, func(e evItem) bool { return e.Root == "04" }},
		{"quad=4", 1, func(e evItem) bool { return e.QuadClass == 4 }},
		{"quad=1&negated=false", 3, func(e evItem) bool { return e.QuadClass == 1 && !e.Negated }},
		{"negated=true", 1, func(e evItem) bool { return e.Negated }},
		{"country=ua", 2, func(e evItem) bool { return e.Place != nil && e.Place.Country == "UA" }},
		{"country=FR", 2, func(e evItem) bool { return e.Place != nil && e.Place.Country == "FR" }},
		{"bbox=" + url.QueryEscape("30,50,31,51"), 2, func(e evItem) bool {
			return e.Place != nil && e.Place.Lon >= 30 && e.Place.Lon <= 31 && e.Place.Lat >= 50 && e.Place.Lat <= 51
		}},
		{"bbox=-10,40,10,55", 2, func(e evItem) bool { return e.Place != nil && e.Place.Lon >= -10 && e.Place.Lon <= 10 }},
		{"since=1997-03-02&until=1997-03-07", 2, func(e evItem) bool { return e.Date >= "1997-03-02" && e.Date <= "1997-03-07" }},
		{"since=1997-03-02&until=1997-03-07&actor=USA", 1, hasActor("USA")},
		{"doc=" + f.hand[1].ID, 3, func(e evItem) bool { return e.DocID == f.hand[1].ID }},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			var r eventsResp
			q := c.query
			if !strings.Contains(q, "since=") {
				q = y97 + q
			}
			f.getJSON("/api/events?limit=500&"+q, &r)
			if len(r.Items) != c.n {
				t.Errorf("%d events in 1997, want %d: %+v", len(r.Items), c.n, r.Items)
			}
			// Over the whole store (examples included) every event matches.
			f.getJSON("/api/events?limit=500&"+c.query, &r)
			if len(r.Items) < c.n {
				t.Errorf("%d events in the whole store, fewer than in 1997", len(r.Items))
			}
			for _, e := range r.Items {
				if !c.check(e) {
					t.Errorf("event does not match %s: %+v", c.query, e)
				}
			}
		})
	}

	t.Run("paging", func(t *testing.T) {
		cursor, got := "", 0
		seen := map[string]bool{}
		for i := 0; i < 1000; i++ {
			var r eventsResp
			f.getJSON("/api/events?limit=2&cursor="+url.QueryEscape(cursor), &r)
			for _, e := range r.Items {
				k := fmt.Sprintf("%s#%d", e.DocID, e.Idx)
				if seen[k] {
					t.Fatalf("%s twice", k)
				}
				seen[k] = true
			}
			got += len(r.Items)
			if r.NextCursor == "" {
				break
			}
			cursor = r.NextCursor
		}
		if got != len(all.Items) {
			t.Fatalf("paged %d events, want %d", got, len(all.Items))
		}
	})
}

func TestAggregations(t *testing.T) {
	f := newFixture(t)
	t.Run("actors", func(t *testing.T) {
		var r struct {
			Items []struct {
				Actor, Name                string
				Events, AsSource, AsTarget int64
			} `json:"items"`
		}
		// decode with the wire names
		var raw struct {
			Items []map[string]any `json:"items"`
		}
		f.getJSON("/api/actors?limit=3&since=1997-01-01&until=1997-12-31", &raw)
		f.getJSON("/api/actors?limit=3&since=1997-01-01&until=1997-12-31", &r)
		if len(r.Items) != 3 {
			t.Fatalf("%d actors", len(r.Items))
		}
		for _, k := range []string{"actor", "name", "events", "as_source", "as_target"} {
			if _, ok := raw.Items[0][k]; !ok {
				t.Errorf("actor item lacks %q: %v", k, raw.Items[0])
			}
		}
		top := raw.Items[0]
		if top["actor"] != "USAGOV" && top["actor"] != "FRAGOV" || top["events"].(float64) != 3 {
			t.Fatalf("top actor %v", top)
		}
		if top["actor"] == "USAGOV" && !strings.HasPrefix(top["name"].(string), "United States") {
			t.Errorf("name %v", top["name"])
		}
	})
	t.Run("network", func(t *testing.T) {
		var r struct {
			Nodes []struct {
				ID, Name string
				Events   int64
			} `json:"nodes"`
			Edges []struct {
				Source, Target string
				Weight         int64
				Quad           map[string]int64
			} `json:"edges"`
		}
		f.getJSON("/api/network?limit=100&since=1997-01-01&until=1997-12-31", &r)
		var found bool
		for _, e := range r.Edges {
			if len(e.Quad) != 4 {
				t.Fatalf("quad map %v", e.Quad)
			}
			var sum int64
			for _, n := range e.Quad {
				sum += n
			}
			if sum != e.Weight {
				t.Errorf("edge %+v: quad counts sum %d", e, sum)
			}
			if e.Source == "USAGOV" && e.Target == "FRAGOV" {
				found = e.Weight == 2 && e.Quad["1"] == 2
			}
		}
		if !found {
			t.Fatalf("USAGOV→FRAGOV edge missing or wrong: %+v", r.Edges)
		}
		ids := map[string]bool{}
		for _, n := range r.Nodes {
			ids[n.ID] = true
		}
		for _, e := range r.Edges {
			if !ids[e.Source] || !ids[e.Target] {
				t.Errorf("edge %s→%s has no node", e.Source, e.Target)
			}
		}
		f.getJSON("/api/network?limit=1&since=1997-01-01&until=1997-06-30", &r)
		if len(r.Edges) != 1 || len(r.Nodes) != 2 {
			t.Fatalf("limit=1: %+v", r)
		}
	})
	t.Run("timeline", func(t *testing.T) {
		var r struct {
			By    string `json:"by"`
			Items []struct {
				Period string `json:"period"`
				Events int64  `json:"events"`
				Quad   map[string]struct {
					Events    int64   `json:"events"`
					Goldstein float64 `json:"goldstein"`
				} `json:"quad"`
			} `json:"items"`
		}
		f.getJSON("/api/timeline?since=1997-11-01&until=1997-12-31", &r)
		if r.By != "day" || len(r.Items) != 1 || r.Items[0].Period != "1997-11-24" || r.Items[0].Events != 3 {
			t.Fatalf("day timeline %+v", r)
		}
		if q := r.Items[0].Quad["1"]; q.Events != 2 || q.Goldstein != 2.75 {
			t.Errorf("quad 1 of 1997-11-24: %+v", q)
		}
		if q := r.Items[0].Quad["3"]; q.Events != 1 || q.Goldstein != -2 {
			t.Errorf("quad 3 of 1997-11-24: %+v", q)
		}
		f.getJSON("/api/timeline?by=week&since=1997-01-01&until=1997-06-30", &r)
		// 1997-03-01 (Sat) and 03-02 fall in the week of Monday 1997-02-24,
		// 03-07 and 03-08 in the week of 1997-03-03.
		if r.By != "week" || len(r.Items) != 2 || r.Items[0].Period != "1997-02-24" || r.Items[1].Period != "1997-03-03" ||
			r.Items[0].Events != 2 || r.Items[1].Events != 2 {
			t.Fatalf("week timeline %+v", r)
		}
		if !sort.SliceIsSorted(r.Items, func(i, j int) bool { return r.Items[i].Period < r.Items[j].Period }) {
			t.Error("not in date order")
		}
	})
	t.Run("places", func(t *testing.T) {
		var r struct {
			Items []struct {
				Name, Country string
				Lat, Lon      float64
				Events        int64
				Quad          map[string]int64
			} `json:"items"`
		}
		f.getJSON("/api/places?since=1997-01-01&until=1997-12-31", &r)
		byName := map[string]int{}
		for i, p := range r.Items {
			byName[p.Name] = i
		}
		pi, ok := byName["Paris"]
		if !ok {
			t.Fatalf("no Paris: %+v", r.Items)
		}
		p := r.Items[pi]
		if p.Country != "FR" || p.Events != 2 || p.Quad["1"] != 2 || p.Lat < 48 || p.Lat > 49 {
			t.Fatalf("Paris %+v", p)
		}
		k := r.Items[byName["Kyiv"]]
		if k.Events != 2 || k.Quad["4"] != 1 || k.Quad["3"] != 1 {
			t.Fatalf("Kyiv %+v", k)
		}
		f.getJSON("/api/places?since=1997-06-01&until=1997-12-31", &r)
		if len(r.Items) != 1 || r.Items[0].Name != "Paris" || r.Items[0].Events != 1 {
			t.Fatalf("until filter: %+v", r.Items)
		}
	})
}

func TestActorName(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"USAGOV", "United States Government"},
		{"RUS", "Russia"},
		{"SYRGOVMILSUNSHI", "Syria Sunni Shia Government Military"},
		{"CVL", "Civilian"},
		{"XYZ", "XYZ"},        // unknown part kept
		{"US", "US"},          // not a code: returned as is
		{"usagov", "usa gov"}, // lower-case parts are ethnic codes; unknown ones stay as codes
	} {
		if got := ActorName(cameo.ActorCode(c.code)); got != c.want {
			t.Errorf("ActorName(%s) = %q, want %q", c.code, got, c.want)
		}
	}
}

// TestEventsOrder: /api/events lists events newest first by event date,
// then the last stored first; order=asc is the exact reverse, and paging
// in either order gives the same sequence as one page.
func TestEventsOrder(t *testing.T) {
	f := newFixture(t)
	key := func(e evItem) string { return fmt.Sprintf("%s#%d", e.DocID, e.Idx) }
	list := func(query string) []string {
		var out []string
		cursor := ""
		for pages := 0; ; pages++ {
			if pages > 500 {
				t.Fatal("paging does not end")
			}
			var r eventsResp
			f.getJSON("/api/events?"+query+"&cursor="+url.QueryEscape(cursor), &r)
			for _, e := range r.Items {
				out = append(out, key(e))
			}
			if r.NextCursor == "" {
				return out
			}
			cursor = r.NextCursor
		}
	}
	var all eventsResp
	f.getJSON("/api/events?limit=500", &all)
	if len(all.Items) < 7 {
		t.Fatalf("%d events", len(all.Items))
	}
	for i := 1; i < len(all.Items); i++ {
		a, b := all.Items[i-1].Date, all.Items[i].Date
		if a < b && a != "" || a == "" && b != "" {
			t.Fatalf("event %d (%s) is older than event %d (%s): not newest first", i-1, a, i, b)
		}
	}
	var newest []string
	for _, e := range all.Items {
		newest = append(newest, key(e))
	}
	var oldest []string
	for i := len(newest) - 1; i >= 0; i-- {
		oldest = append(oldest, newest[i])
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"limit=500&order=desc", newest},
		{"limit=2", newest},
		{"limit=3&order=DESC", newest},
		{"limit=500&order=asc", oldest},
		{"limit=2&order=asc", oldest},
	} {
		if got := list(c.query); strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%s:\n got %v\nwant %v", c.query, got, c.want)
		}
	}
	// The hand-built 1997 documents have distinct days: a known order.
	var y97 eventsResp
	f.getJSON("/api/events?since=1997-01-01&until=1997-12-31&limit=500", &y97)
	if len(y97.Items) == 0 || y97.Items[0].Date < y97.Items[len(y97.Items)-1].Date || y97.Items[0].Date == y97.Items[len(y97.Items)-1].Date {
		t.Fatalf("1997 events not newest first: %+v", y97.Items)
	}
}
