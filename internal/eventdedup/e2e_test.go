package eventdedup_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/pipeline"
)

// TestPipelineThreeRewrites runs the real pipeline on three rewordings of
// one short story (testdata/story: our own text) from three outlets and
// checks that the story's agreement is merged into one event reported by
// all three articles.
func TestPipelineThreeRewrites(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	p, err := pipeline.New(pipeline.Options{PubDate: "2026-03-10"})
	if err != nil {
		t.Fatal(err)
	}
	var docs []*doc.Document
	events := 0
	for i, name := range []string{"a.txt", "b.txt", "c.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "story", name))
		if err != nil {
			t.Fatal(err)
		}
		d := p.FromItem(ingest.Item{Origin: name, Kind: ingest.KindText, Body: b, Source: fmt.Sprintf("outlet%d.example", i)})
		if len(d.Errors) > 0 {
			t.Fatalf("%s: %v", name, d.Errors)
		}
		for _, e := range d.Events {
			t.Logf("%s: %s %v→%v date %s", name, e.Code, actor(e.Source), actor(e.Target), e.Date)
		}
		events += len(d.Events)
		docs = append(docs, d)
	}
	clusters := eventdedup.Merge(docs)
	t.Logf("%d events → %d clusters", events, len(clusters))
	all := false
	for _, c := range clusters {
		t.Logf("cluster %d rep %s#%d code %s: %d mentions, %d articles, %d sources", c.ID, c.Rep.Doc[:16], c.Rep.Index, c.Key.Base, c.NumMentions, c.NumArticles, c.NumSources)
		if c.NumArticles == 3 {
			all = true
			if c.NumSources != 3 || c.NumMentions < 3 {
				t.Errorf("cluster over three outlets counts %d sources, %d mentions", c.NumSources, c.NumMentions)
			}
			var rep *doc.Document
			for _, d := range docs {
				if d.ID == c.Rep.Doc {
					rep = d
				}
			}
			if e := rep.Events[c.Rep.Index]; e.Articles != 3 || e.Mentions != c.NumMentions {
				t.Errorf("representative event not annotated: %+v", e)
			}
		}
	}
	if !all {
		t.Error("no event merged across all three rewrites")
	}
	if len(clusters) >= events {
		t.Errorf("nothing merged: %d events, %d clusters", events, len(clusters))
	}
}

func actor(p *doc.Participant) string {
	if p == nil {
		return "-"
	}
	return string(p.Actor)
}
