package synth

import (
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/metric"
)

// Score is the outcome of clustering a corpus.
type Score struct {
	// Pairwise counts pairs of mentions put in one cluster (TP: same true
	// event, FP: different events) and pairs of one event left apart (FN).
	Pairwise metric.PRF
	// BCubedP and BCubedR are the mention-averaged B-cubed precision and recall.
	BCubedP, BCubedR float64
	// Exact is the share of true events whose mentions form exactly one
	// predicted cluster; Wrong the share whose cluster holds another
	// event's mention too; Counts the share of events whose representative
	// carries the true NumMentions, NumSources and NumArticles.
	Exact, Wrong, Counts float64
	Mentions, Events     int
}

// Evaluate clusters the corpus with eventdedup.MergeWith and scores it.
// It fills the counts of the corpus documents' representative events.
func Evaluate(c *Corpus, opt eventdedup.Options) Score {
	clusters := eventdedup.MergeWith(c.Docs, opt)
	pred := map[string]int{}
	for _, cl := range clusters {
		for _, m := range cl.Mentions {
			pred[MentionKey(m.Doc, m.Index)] = cl.ID
		}
	}
	var s Score
	// Contingency table of predicted cluster × true event.
	type cell struct{ p, t int }
	n := map[cell]int{}
	np, nt := map[int]int{}, map[int]int{}
	for k, t := range c.Truth {
		p, ok := pred[k]
		if !ok {
			p = -1 - len(np) // unclustered: a cluster of its own
		}
		n[cell{p, t}]++
		np[p]++
		nt[t]++
		s.Mentions++
	}
	pairs := func(x int) int { return x * (x - 1) / 2 }
	tp, ppairs, tpairs := 0, 0, 0
	for _, v := range n {
		tp += pairs(v)
	}
	for _, v := range np {
		ppairs += pairs(v)
	}
	for _, v := range nt {
		tpairs += pairs(v)
	}
	s.Pairwise = metric.PRF{TP: tp, FP: ppairs - tp, FN: tpairs - tp}
	for cl, v := range n {
		// Each of the v mentions in this cell: precision v/|pred|, recall v/|true|.
		s.BCubedP += float64(v) * float64(v) / float64(np[cl.p])
		s.BCubedR += float64(v) * float64(v) / float64(nt[cl.t])
	}
	s.BCubedP /= float64(s.Mentions)
	s.BCubedR /= float64(s.Mentions)

	clustersOf := map[int]map[int]bool{} // true event → predicted clusters
	for cl := range n {
		if clustersOf[cl.t] == nil {
			clustersOf[cl.t] = map[int]bool{}
		}
		clustersOf[cl.t][cl.p] = true
	}
	byID := map[int]eventdedup.Cluster{}
	for _, cl := range clusters {
		byID[cl.ID] = cl
	}
	exact, wrong, counts := 0, 0, 0
	for t, ps := range clustersOf {
		s.Events++
		mixed := false
		for p := range ps {
			if np[p] != n[cell{p, t}] {
				mixed = true
			}
		}
		if mixed {
			wrong++
		}
		if len(ps) == 1 && !mixed {
			exact++
			for p := range ps {
				cl := byID[p]
				if [3]int{cl.NumMentions, cl.NumSources, cl.NumArticles} == c.Expected[t] {
					counts++
				}
			}
		}
	}
	s.Exact = float64(exact) / float64(s.Events)
	s.Wrong = float64(wrong) / float64(s.Events)
	s.Counts = float64(counts) / float64(s.Events)
	return s
}

// Metrics returns the score in the shared evaluation vocabulary.
func (s Score) Metrics(set string) []metric.Metric {
	out := s.Pairwise.Metrics(set, "eventdedup.pairwise")
	out = append(out,
		metric.Metric{Set: set, Name: "eventdedup.bcubed.precision", Value: s.BCubedP, N: s.Mentions},
		metric.Metric{Set: set, Name: "eventdedup.bcubed.recall", Value: s.BCubedR, N: s.Mentions},
		metric.Metric{Set: set, Name: "eventdedup.events_exact", Value: s.Exact, N: s.Events, Target: 0.95},
		metric.Metric{Set: set, Name: "eventdedup.events_not_wrongly_merged", Value: 1 - s.Wrong, N: s.Events, Target: 0.98},
		metric.Metric{Set: set, Name: "eventdedup.counts_exact", Value: s.Counts, N: s.Events},
	)
	return out
}
