package eventdedup

import "github.com/eventwire/eventwire/internal/doc"

// Merge clusters the events of docs (in the given order: the first report
// of an event becomes its representative) with default options. See MergeWith.
func Merge(docs []*doc.Document) []Cluster { return MergeWith(docs, Options{}) }

// MergeWith clusters the events of docs and fills Mentions, Sources and
// Articles on each representative event (events that are not
// representatives are left as they are). It returns every cluster, by ID;
// an event reported once is a cluster of one.
func MergeWith(docs []*doc.Document, opt Options) []Cluster {
	x := NewIndex(opt)
	for _, d := range docs {
		x.Add(d)
	}
	clusters := x.Clusters()
	Annotate(docs, clusters)
	return clusters
}

// Annotate writes the counts of clusters onto their representative events
// among docs (matched by document ID).
func Annotate(docs []*doc.Document, clusters []Cluster) {
	byID := make(map[string]*doc.Document, len(docs))
	for _, d := range docs {
		if d != nil {
			byID[docKey(d)] = d
		}
	}
	for _, c := range clusters {
		d := byID[c.Rep.Doc]
		if d == nil || c.Rep.Index >= len(d.Events) {
			continue
		}
		e := &d.Events[c.Rep.Index]
		e.Mentions, e.Sources, e.Articles = c.NumMentions, c.NumSources, c.NumArticles
	}
}

// Of returns, for the API, the cluster of event i of document d among
// clusters (as returned by Merge), or false when the event is in none.
func Of(clusters []Cluster, docID string, i int) (Cluster, bool) {
	for _, c := range clusters {
		for _, m := range c.Mentions {
			if m.Doc == docID && m.Index == i {
				return c, true
			}
		}
	}
	return Cluster{}, false
}
