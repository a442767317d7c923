package api

import (
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/go-chi/chi/v5"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) error {
	c, err := s.opt.Reader.Count(r.Context())
	if err != nil {
		return err
	}
	return writeJSON(w, map[string]any{"status": "ok", "documents": c.Documents, "events": c.Events})
}

// docItem is one entry of GET /api/documents.
type docItem struct {
	ID         string     `json:"id"`
	Title      string     `json:"title"`
	URL        string     `json:"url"`
	Source     string     `json:"source"`
	PubDate    string     `json:"pubdate"`
	Snippet    string     `json:"snippet"`
	Highlights []doc.Span `json:"highlights,omitempty"`
	Score      float64    `json:"score,omitempty"`
	Events     int64      `json:"events"`
}

type docPage struct {
	Items      []docItem `json:"items"`
	NextCursor string    `json:"next_cursor"`
}

func (s *Server) listDocuments(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL)
	q := store.SearchQuery{Text: p.text("q", maxQueryLen)}
	q.Since, q.Until = p.dateRange()
	q.Source = p.text("source", maxSourceLen)
	limit := p.limit(defaultLimit, maxLimit)
	q.Cursor = p.cursor()
	if p.err != nil {
		return p.err
	}
	q.Limit = limit + 1 // one more tells whether a next page exists
	hits, err := s.opt.Reader.Search(r.Context(), q)
	if err != nil {
		return err
	}
	page := docPage{Items: make([]docItem, 0, min(len(hits), limit))}
	if len(hits) > limit {
		hits = hits[:limit]
		page.NextCursor = hits[limit-1].Cursor
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	infos, err := s.opt.Reader.DocInfos(r.Context(), ids)
	if err != nil {
		return err
	}
	for _, h := range hits {
		page.Items = append(page.Items, docItem{ID: h.ID, Title: h.Title, URL: h.URL, Source: h.Source,
			PubDate: h.PubDate, Snippet: h.Snippet, Highlights: h.Highlights, Score: h.Score, Events: infos[h.ID].Events})
	}
	return writeJSON(w, page)
}

// validID accepts document IDs as the store writes them ("sha256:" + hex)
// and other short printable keys, nothing that needs escaping.
func validID(id string) bool {
	if id == "" || len(id) > maxIDLen {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ':' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return true
}

func (s *Server) getDocument(w http.ResponseWriter, r *http.Request) error {
	id := chi.URLParam(r, "id")
	if !validID(id) {
		return &apiError{Kind: KindBadRequest, Param: "id", Message: "id: not a document ID (sha256:<hex>)"}
	}
	d, err := s.opt.Reader.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return writeJSON(w, withoutTokens(d))
}

// withoutTokens returns a shallow copy of d whose sentences carry no tokens.
func withoutTokens(d *doc.Document) *doc.Document {
	c := *d
	c.Sentences = make([]doc.Sentence, len(d.Sentences))
	for i, x := range d.Sentences {
		c.Sentences[i] = doc.Sentence{Span: x.Span}
	}
	return &c
}

// party is an event's source or target.
type party struct {
	Text  string          `json:"text"`
	Actor cameo.ActorCode `json:"actor"`
}

type placeJSON struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
}

// eventItem is one event of GET /api/events and of the stream.
type eventItem struct {
	DocID      string          `json:"doc_id"`
	Idx        int             `json:"idx"`
	Title      string          `json:"title"`
	URL        string          `json:"url"`
	Date       string          `json:"date"`
	DateText   string          `json:"date_extracted,omitempty"`
	Source     party           `json:"source"`
	Target     party           `json:"target"`
	Cameo      cameo.EventCode `json:"cameo"`
	CameoName  string          `json:"cameo_name,omitempty"`
	Root       cameo.Root      `json:"root"`
	QuadClass  cameo.QuadClass `json:"quad_class"`
	Goldstein  float64         `json:"goldstein"`
	Negated    bool            `json:"negated"`
	Modality   doc.Modality    `json:"modality"`
	Place      *placeJSON      `json:"place"`
	Killed     *int64          `json:"killed"`
	Sentence   int             `json:"sentence"`
	Start      int             `json:"start"`
	End        int             `json:"end"`
	Evidence   string          `json:"evidence"`
	Confidence float64         `json:"confidence"`
}

type eventPage struct {
	Items      []eventItem `json:"items"`
	NextCursor string      `json:"next_cursor"`
}

// eventItems joins event rows with their documents' titles and URLs.
func (s *Server) eventItems(r *http.Request, rows []store.EventRow) ([]eventItem, error) {
	ids := make([]string, len(rows))
	for i := range rows {
		ids[i] = rows[i].DocID
	}
	infos, err := s.opt.Reader.DocInfos(r.Context(), ids)
	if err != nil {
		return nil, err
	}
	out := make([]eventItem, len(rows))
	for i := range rows {
		out[i] = toEventItem(&rows[i], infos[rows[i].DocID])
	}
	return out, nil
}

func toEventItem(e *store.EventRow, info store.DocInfo) eventItem {
	it := eventItem{
		DocID: e.DocID, Idx: e.Index, Title: info.Title, URL: info.URL,
		Date: e.Day, DateText: e.Date,
		Source: party{Text: e.SourceText, Actor: e.Source}, Target: party{Text: e.TargetText, Actor: e.Target},
		Cameo: e.Code, CameoName: e.Code.Name(), Root: e.Root, QuadClass: e.QuadClass, Goldstein: e.Goldstein,
		Negated: e.Negated, Modality: e.Modality, Killed: e.Killed, Sentence: e.Sentence,
		Start: e.Span.Start, End: e.Span.End, Evidence: e.Evidence, Confidence: e.Confidence,
	}
	if it.Date == "" {
		it.Date = e.Date
	}
	if e.Lat != nil && e.Lon != nil {
		it.Place = &placeJSON{Name: e.PlaceName, Country: e.Country, Lat: *e.Lat, Lon: *e.Lon}
	} else if e.PlaceName != "" {
		it.Place = &placeJSON{Name: e.PlaceName, Country: e.Country}
	}
	return it
}

func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL)
	f := p.eventFilter()
	f.Limit = p.limit(defaultLimit, maxLimit)
	f.Cursor = p.cursor()
	f.Order = p.order()
	if id := p.raw("doc", maxIDLen); id != "" {
		if !validID(id) {
			return badParam("doc", "not a document ID (sha256:<hex>)")
		}
		f.DocID = id
	}
	merged := p.boolean("merged")
	if p.err != nil {
		return p.err
	}
	if merged != nil && *merged {
		return s.listMerged(w, r, f, f.Limit, f.Cursor)
	}
	rows, next, err := s.opt.Reader.Events(r.Context(), f)
	if err != nil {
		return err
	}
	items, err := s.eventItems(r, rows)
	if err != nil {
		return err
	}
	return writeJSON(w, eventPage{Items: items, NextCursor: next})
}

type actorItem struct {
	Actor         cameo.ActorCode `json:"actor"`
	Name          string          `json:"name"`
	Events        int64           `json:"events"`
	AsSource      int64           `json:"as_source"`
	AsTarget      int64           `json:"as_target"`
	MeanGoldstein float64         `json:"mean_goldstein"`
}

func (s *Server) actors(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL)
	f := p.eventFilter()
	n := p.limit(defaultLimit, maxLimit)
	if p.err != nil {
		return p.err
	}
	rows, err := s.opt.Analytics.TopActors(r.Context(), f, n)
	if err != nil {
		return err
	}
	items := make([]actorItem, len(rows))
	for i, a := range rows {
		items[i] = actorItem{Actor: a.Actor, Name: ActorName(a.Actor), Events: a.Events,
			AsSource: a.AsSource, AsTarget: a.AsTarget, MeanGoldstein: a.MeanGoldstein}
	}
	return writeJSON(w, map[string]any{"items": items})
}

// quadCounts maps "1".."4" to a count; every key is present.
type quadCounts map[string]int64

func newQuadCounts() quadCounts { return quadCounts{"1": 0, "2": 0, "3": 0, "4": 0} }

type node struct {
	ID     cameo.ActorCode `json:"id"`
	Name   string          `json:"name"`
	Events int64           `json:"events"`
}

type edge struct {
	Source        cameo.ActorCode `json:"source"`
	Target        cameo.ActorCode `json:"target"`
	Weight        int64           `json:"weight"`
	Quad          quadCounts      `json:"quad"`
	MeanGoldstein float64         `json:"mean_goldstein"`
}

func (s *Server) network(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL)
	f := p.eventFilter()
	n := p.limit(defaultLimit, maxLimit)
	if p.err != nil {
		return p.err
	}
	// The store ranks (pair, quad) rows; fetch enough to fill n pairs.
	rows, err := s.opt.Analytics.ActorEdges(r.Context(), f, min(4*n, store.MaxLimit))
	if err != nil {
		return err
	}
	type key struct{ s, t cameo.ActorCode }
	byPair := map[key]*edge{}
	var edges []*edge
	for _, e := range rows {
		k := key{e.Source, e.Target}
		x := byPair[k]
		if x == nil {
			x = &edge{Source: e.Source, Target: e.Target, Quad: newQuadCounts()}
			byPair[k] = x
			edges = append(edges, x)
		}
		x.MeanGoldstein = (x.MeanGoldstein*float64(x.Weight) + e.MeanGoldstein*float64(e.Events)) / float64(x.Weight+e.Events)
		x.Weight += e.Events
		if e.QuadClass >= 1 && e.QuadClass <= 4 {
			x.Quad[strconv.Itoa(int(e.QuadClass))] += e.Events
		}
	}
	sort.SliceStable(edges, func(i, j int) bool { return edges[i].Weight > edges[j].Weight })
	if len(edges) > n {
		edges = edges[:n]
	}
	nodes := map[cameo.ActorCode]*node{}
	var order []*node
	add := func(a cameo.ActorCode, wgt int64) {
		x := nodes[a]
		if x == nil {
			x = &node{ID: a, Name: ActorName(a)}
			nodes[a] = x
			order = append(order, x)
		}
		x.Events += wgt
	}
	outEdges := make([]edge, len(edges))
	for i, e := range edges {
		add(e.Source, e.Weight)
		if e.Target != e.Source {
			add(e.Target, e.Weight)
		}
		outEdges[i] = *e
	}
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].Events != order[j].Events {
			return order[i].Events > order[j].Events
		}
		return order[i].ID < order[j].ID
	})
	outNodes := make([]node, len(order))
	for i, x := range order {
		outNodes[i] = *x
	}
	return writeJSON(w, map[string]any{"nodes": outNodes, "edges": outEdges})
}

type quadStat struct {
	Events    int64   `json:"events"`
	Goldstein float64 `json:"goldstein"`
}

type period struct {
	Period string               `json:"period"`
	Events int64                `json:"events"`
	Quad   map[string]*quadStat `json:"quad"`
}

func (s *Server) timeline(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL)
	by := store.Day
	switch v := p.raw("by", 8); v {
	case "", "day":
	case "week":
		by = store.Week
	default:
		p.err = badParam("by", "%q is not day or week", v)
	}
	f := p.eventFilter()
	if p.err != nil {
		return p.err
	}
	pts, err := s.opt.Analytics.Timeline(r.Context(), f, by)
	if err != nil {
		return err
	}
	items := []*period{}
	for _, pt := range pts {
		if len(items) == 0 || items[len(items)-1].Period != pt.Start {
			items = append(items, &period{Period: pt.Start, Quad: map[string]*quadStat{
				"1": {}, "2": {}, "3": {}, "4": {}}})
		}
		x := items[len(items)-1]
		x.Events += pt.Events
		if pt.QuadClass >= 1 && pt.QuadClass <= 4 {
			q := x.Quad[strconv.Itoa(int(pt.QuadClass))]
			q.Events, q.Goldstein = pt.Events, pt.MeanGoldstein
		}
	}
	return writeJSON(w, map[string]any{"by": string(by), "items": items})
}

type placeItem struct {
	Name          string     `json:"name"`
	Country       string     `json:"country"`
	Lat           float64    `json:"lat"`
	Lon           float64    `json:"lon"`
	Events        int64      `json:"events"`
	Quad          quadCounts `json:"quad"`
	MeanGoldstein float64    `json:"mean_goldstein"`
}

func (s *Server) places(w http.ResponseWriter, r *http.Request) error {
	p := newParams(r.URL)
	f := p.eventFilter()
	n := p.limit(defaultPlacesLimit, maxPlacesLimit)
	if p.err != nil {
		return p.err
	}
	rows, err := s.opt.Analytics.PlaceQuads(r.Context(), f, n)
	if err != nil {
		return err
	}
	items := make([]placeItem, len(rows))
	for i, x := range rows {
		q := newQuadCounts()
		for k := 1; k <= 4; k++ {
			q[strconv.Itoa(k)] = x.Quad[k]
		}
		items[i] = placeItem{Name: x.Name, Country: x.Country, Lat: x.Lat, Lon: x.Lon, Events: x.Events, Quad: q, MeanGoldstein: x.MeanGoldstein}
	}
	return writeJSON(w, map[string]any{"items": items})
}

// ActorName describes a CAMEO actor code in words from its parts, e.g.
// "USAGOV" → "United States Government"; unknown parts are kept as codes.
func ActorName(code cameo.ActorCode) string {
	a, err := cameo.ParseActor(string(code))
	if err != nil {
		return string(code)
	}
	var parts []string
	if a.Country != "" {
		if c, ok := cameo.CountryByISO3(a.Country); ok {
			parts = append(parts, c.Name)
		} else if n := cameo.RegionName(a.Country); n != "" {
			parts = append(parts, n)
		} else {
			parts = append(parts, a.Country)
		}
	}
	for _, g := range []struct {
		code string
		name func(string) string
	}{
		{a.KnownGroup, cameo.KnownGroupName}, {a.Ethnic, cameo.EthnicName},
		{a.Religion1, cameo.ReligionName}, {a.Religion2, cameo.ReligionName},
		{a.Type1, cameo.RoleName}, {a.Type2, cameo.RoleName}, {a.Type3, cameo.RoleName},
	} {
		if g.code == "" {
			continue
		}
		if n := g.name(g.code); n != "" {
			parts = append(parts, n)
		} else {
			parts = append(parts, g.code)
		}
	}
	parts = append(parts, a.Extra...)
	if len(parts) == 0 {
		return string(code)
	}
	return strings.Join(parts, " ")
}
