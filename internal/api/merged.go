package api

import (
	"context"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/store"
)

// OriginsFunc returns the outlet and near-duplicate link of each stored
// document among ids (absent IDs left out). Merged events count sources
// with it; without it each document's outlet is its stored source and no
// two documents are known copies of each other.
type OriginsFunc func(ctx context.Context, ids []string) (map[string]eventdedup.DocMeta, error)

// DefaultMergeRows is the default of Options.MergeRows.
const DefaultMergeRows = 2000

// report is one other report of a merged event.
type report struct {
	DocID  string `json:"doc_id"`
	Idx    int    `json:"idx"`
	Title  string `json:"title"`
	Source string `json:"source"`
	URL    string `json:"url"`
	Date   string `json:"date"`
}

// mergedItem is one merged event: the event row that stands for it (its
// first stored report) with GDELT's counts and its other reports.
type mergedItem struct {
	eventItem
	Mentions int      `json:"mentions"`
	Sources  int      `json:"sources"`
	Articles int      `json:"articles"`
	Reports  []report `json:"reports"`
}

type mergedPage struct {
	Items      []mergedItem `json:"items"`
	NextCursor string       `json:"next_cursor"`
	// Rows is the number of event rows clustered; Truncated is true when
	// more rows matched than Options.MergeRows.
	Rows      int  `json:"rows"`
	Truncated bool `json:"truncated"`
}

// mergedCursor reads the cursor of a merged page: "m" and the number of
// merged events already returned.
func mergedCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(strings.TrimPrefix(c, "m"))
	if !strings.HasPrefix(c, "m") || err != nil || n < 0 {
		return 0, badParam("cursor", "not a cursor this endpoint returned")
	}
	return n, nil
}

// mergeRows reads up to Options.MergeRows rows of f in storage order.
func (s *Server) mergeRows(ctx context.Context, f store.EventFilter) (rows []store.EventRow, truncated bool, err error) {
	f.Cursor, f.Order = "", store.StoredOrder
	max := s.opt.MergeRows
	for {
		f.Limit = min(store.MaxLimit, max+1-len(rows))
		page, next, err := s.opt.Reader.Events(ctx, f)
		if err != nil {
			return nil, false, err
		}
		rows = append(rows, page...)
		if len(rows) > max {
			return rows[:max], true, nil
		}
		if next == "" || len(page) == 0 {
			return rows, false, nil
		}
		f.Cursor = next
	}
}

// merger holds clustered rows with their documents' headers.
type merger struct {
	reader   Reader
	byRef    map[eventdedup.Ref]*store.EventRow
	infos    map[string]store.DocInfo
	clusters []eventdedup.Cluster
}

// merge clusters each group of rows (in storage order) on its own: groups
// are rows no two of which can be the same event across groups (different
// CAMEO roots), or a single group.
func (s *Server) merge(ctx context.Context, groups ...[]store.EventRow) (*merger, error) {
	m := &merger{reader: s.opt.Reader, byRef: map[eventdedup.Ref]*store.EventRow{}, infos: map[string]store.DocInfo{}}
	var ids []string
	seen := map[string]bool{}
	for _, rows := range groups {
		for i := range rows {
			r := &rows[i]
			m.byRef[eventdedup.Ref{Doc: r.DocID, Index: r.Index}] = r
			if !seen[r.DocID] {
				seen[r.DocID] = true
				ids = append(ids, r.DocID)
			}
		}
	}
	var meta func(string) eventdedup.DocMeta
	if s.opt.Origins != nil {
		origins, err := s.opt.Origins(ctx, ids)
		if err != nil {
			return nil, err
		}
		meta = func(id string) eventdedup.DocMeta { return origins[id] }
	} else {
		// No origins: headers of every document give the outlets.
		if err := m.fill(ctx, ids); err != nil {
			return nil, err
		}
		meta = func(id string) eventdedup.DocMeta { return eventdedup.DocMeta{Source: m.infos[id].Source} }
	}
	for _, rows := range groups {
		m.clusters = append(m.clusters, eventdedup.MergeRows(rows, meta, eventdedup.Options{})...)
	}
	return m, nil
}

// fill loads the headers (title, URL, source) of documents among ids not
// loaded yet.
func (m *merger) fill(ctx context.Context, ids []string) error {
	var want []string
	for _, id := range ids {
		if _, ok := m.infos[id]; !ok {
			want = append(want, id)
		}
	}
	if len(want) == 0 {
		return nil
	}
	infos, err := m.reader.DocInfos(ctx, want)
	if err != nil {
		return err
	}
	for id, x := range infos {
		m.infos[id] = x
	}
	return nil
}

// fillClusters loads the headers of the documents of clusters.
func (m *merger) fillClusters(ctx context.Context, cs []*eventdedup.Cluster) error {
	var ids []string
	for _, c := range cs {
		for _, x := range c.Mentions {
			ids = append(ids, x.Doc)
		}
	}
	return m.fill(ctx, ids)
}

// item builds the merged item of cluster c standing on its mention self
// (the cluster's representative, or an event of the document asked for).
func (m *merger) item(c *eventdedup.Cluster, self eventdedup.Ref) (mergedItem, bool) {
	r := m.byRef[self]
	if r == nil {
		return mergedItem{}, false
	}
	it := mergedItem{eventItem: toEventItem(r, m.infos[r.DocID]),
		Mentions: c.NumMentions, Sources: c.NumSources, Articles: c.NumArticles, Reports: []report{}}
	for _, x := range c.Mentions {
		if x.Ref == self {
			continue
		}
		info := m.infos[x.Doc]
		rp := report{DocID: x.Doc, Idx: x.Index, Title: info.Title, Source: info.Source, URL: info.URL}
		if o := m.byRef[x.Ref]; o != nil {
			rp.Date = o.Day
			if rp.Date == "" {
				rp.Date = o.Date
			}
		}
		it.Reports = append(it.Reports, rp)
	}
	return it, true
}

// listMerged answers GET /api/events?merged=true: the filtered rows (at
// most Options.MergeRows) clustered into events, paged by limit. With doc=ID
// it answers one item per event of that document instead, clustered with
// the other documents' events of the same days.
func (s *Server) listMerged(w http.ResponseWriter, r *http.Request, f store.EventFilter, limit int, cursor string) error {
	ctx := r.Context()
	if f.DocID != "" {
		return s.listMergedDoc(w, r, f)
	}
	off, err := mergedCursor(cursor)
	if err != nil {
		return err
	}
	rows, truncated, err := s.mergeRows(ctx, f)
	if err != nil {
		return err
	}
	m, err := s.merge(ctx, rows)
	if err != nil {
		return err
	}
	sortClusters(m.clusters, rows, f.Order)
	page := mergedPage{Items: []mergedItem{}, Rows: len(rows), Truncated: truncated}
	end := min(len(m.clusters), off+limit)
	if end < len(m.clusters) {
		page.NextCursor = "m" + strconv.Itoa(end)
	}
	var shown []*eventdedup.Cluster
	for i := off; i < end; i++ {
		shown = append(shown, &m.clusters[i])
	}
	if err := m.fillClusters(ctx, shown); err != nil {
		return err
	}
	for _, c := range shown {
		if it, ok := m.item(c, c.Rep); ok {
			page.Items = append(page.Items, it)
		}
	}
	return writeJSON(w, page)
}

// sortClusters puts merged events in the order of /api/events: by the day
// of their representative report, then by its storage order (its position
// among rows), newest first unless o is store.OldestFirst; undated ones
// last (first oldest first).
func sortClusters(cs []eventdedup.Cluster, rows []store.EventRow, o store.Order) {
	pos := make(map[eventdedup.Ref]int, len(rows))
	for i := range rows {
		pos[eventdedup.Ref{Doc: rows[i].DocID, Index: rows[i].Index}] = i
	}
	key := func(c *eventdedup.Cluster) (string, int) {
		i, ok := pos[c.Rep]
		if !ok {
			return "", -1
		}
		return rows[i].Day, i
	}
	sort.SliceStable(cs, func(i, j int) bool {
		di, pi := key(&cs[i])
		dj, pj := key(&cs[j])
		if o != store.OldestFirst {
			di, pi, dj, pj = dj, pj, di, pi
		}
		if di != dj {
			return di < dj
		}
		return pi < pj
	})
}

// listMergedDoc answers merged=true&doc=ID: every event of the document
// with the counts and other reports of its cluster, clustered among the
// events (matching the other filters) of its events' days ± the merge
// window, at most Options.MergeRows of them.
func (s *Server) listMergedDoc(w http.ResponseWriter, r *http.Request, f store.EventFilter) error {
	ctx := r.Context()
	own := f
	own.Cursor, own.Limit, own.Order = "", store.MaxLimit, store.StoredOrder
	mine, _, err := s.opt.Reader.Events(ctx, own)
	if err != nil {
		return err
	}
	page := mergedPage{Items: []mergedItem{}}
	if len(mine) == 0 {
		return writeJSON(w, page)
	}
	var first, last string
	for _, e := range mine {
		if e.Day == "" {
			continue
		}
		if first == "" || e.Day < first {
			first = e.Day
		}
		if e.Day > last {
			last = e.Day
		}
	}
	// Only events of the same CAMEO root can be the same event: the other
	// documents' events are read root by root, each root merged apart.
	var roots []cameo.Root
	byRoot := map[cameo.Root][]store.EventRow{}
	for _, e := range mine {
		if _, ok := byRoot[e.Root]; !ok {
			roots = append(roots, e.Root)
		}
		byRoot[e.Root] = append(byRoot[e.Root], e)
	}
	var groups [][]store.EventRow
	for _, root := range roots {
		own := byRoot[root]
		var rows []store.EventRow
		if first != "" && root != "" {
			ctxF := f
			ctxF.DocID, ctxF.Root = "", root
			ctxF.Since = maxDay(f.Since, shiftDay(first, -mergeWindowDays))
			ctxF.Until = minDay(f.Until, shiftDay(last, mergeWindowDays))
			var cut bool
			if rows, cut, err = s.mergeRows(ctx, ctxF); err != nil {
				return err
			}
			page.Truncated = page.Truncated || cut
		}
		// The document's own rows always take part (undated ones, or ones
		// the bound cut off), after the others so that representatives
		// stay the first stored reports.
		have := make(map[eventdedup.Ref]bool, len(rows))
		for _, e := range rows {
			have[eventdedup.Ref{Doc: e.DocID, Index: e.Index}] = true
		}
		for _, e := range own {
			if !have[eventdedup.Ref{Doc: e.DocID, Index: e.Index}] {
				rows = append(rows, e)
			}
		}
		page.Rows += len(rows)
		groups = append(groups, rows)
	}
	m, err := s.merge(ctx, groups...)
	if err != nil {
		return err
	}
	cl := make(map[eventdedup.Ref]*eventdedup.Cluster)
	for i := range m.clusters {
		c := &m.clusters[i]
		for _, x := range c.Mentions {
			if x.Doc == f.DocID {
				cl[x.Ref] = c
			}
		}
	}
	var shown []*eventdedup.Cluster
	for _, c := range cl {
		shown = append(shown, c)
	}
	if err := m.fillClusters(ctx, shown); err != nil {
		return err
	}
	if err := m.fill(ctx, []string{f.DocID}); err != nil {
		return err
	}
	for _, e := range mine {
		ref := eventdedup.Ref{Doc: e.DocID, Index: e.Index}
		c := cl[ref]
		if c == nil { // negated or uncoded: an event of its own
			c = &eventdedup.Cluster{Mentions: []eventdedup.Mention{{Ref: ref}}, NumMentions: 1, NumSources: 1, NumArticles: 1}
		}
		if it, ok := m.item(c, ref); ok {
			page.Items = append(page.Items, it)
		}
	}
	return writeJSON(w, page)
}

// mergeWindowDays is eventdedup's default date distance, the days around
// a document's events whose events may be the same.
const mergeWindowDays = 2

func shiftDay(day string, n int) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format(time.DateOnly)
}

func maxDay(a, b string) string {
	if a > b {
		return a
	}
	return b
}

func minDay(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}
