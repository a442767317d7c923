package synth

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// TestMergeRowsMatchesMerge stores a corpus, reads its event rows back as
// the API would, and checks MergeRows finds the clusters Merge finds.
func TestMergeRowsMatchesMerge(t *testing.T) {
	c := Generate(Options{Seed: 7, Events: 300})
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "rows.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	if _, err := db.Put(ctx, c.Docs); err != nil {
		t.Fatal(err)
	}
	var rows []store.EventRow
	cursor := ""
	for {
		page, next, err := db.Events(ctx, store.EventFilter{Limit: store.MaxLimit, Cursor: cursor})
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, page...)
		if next == "" {
			break
		}
		cursor = next
	}
	byID := map[string]*doc.Document{}
	for _, d := range c.Docs {
		byID[d.ID] = d
	}
	// Rows in insertion order (document order, then event index).
	seq := map[string]int{}
	for i, d := range c.Docs {
		seq[d.ID] = i
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if seq[rows[i].DocID] != seq[rows[j].DocID] {
			return seq[rows[i].DocID] < seq[rows[j].DocID]
		}
		return rows[i].Index < rows[j].Index
	})
	got := eventdedup.MergeRows(rows, func(id string) eventdedup.DocMeta {
		d := byID[id]
		return eventdedup.DocMeta{Source: d.Source, NearDuplicateOf: d.NearDuplicateOf}
	}, eventdedup.Options{})
	want := eventdedup.Merge(c.Docs)
	sig := func(cs []eventdedup.Cluster) map[string]bool {
		out := map[string]bool{}
		for _, c := range cs {
			var ms []string
			for _, m := range c.Mentions {
				ms = append(ms, fmt.Sprintf("%s#%d", m.Doc, m.Index))
			}
			sort.Strings(ms)
			out[fmt.Sprint(ms, c.NumMentions, c.NumSources, c.NumArticles)] = true
		}
		return out
	}
	g, w := sig(got), sig(want)
	if len(got) != len(want) {
		t.Errorf("MergeRows: %d clusters, Merge: %d", len(got), len(want))
	}
	diff := 0
	for k := range w {
		if !g[k] {
			diff++
		}
	}
	if diff > 0 {
		t.Errorf("%d of %d clusters differ between MergeRows and Merge", diff, len(want))
	}
}
