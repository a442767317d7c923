// Package metric is the small shared vocabulary of evaluation results:
// every scorer returns Metrics, and `eventwire eval` prints them.
package metric

import "fmt"

// Metric is one measured figure on one evaluation set.
type Metric struct {
	Set    string  `json:"set"`              // e.g. "seed", "ud/en_ewt-test", "lgl"
	Name   string  `json:"name"`             // e.g. "sentence_f1", "upos", "events.recall"
	Value  float64 `json:"value"`            // the figure (ratios in 0..1)
	N      int     `json:"n"`                // how many items it was measured over
	Target float64 `json:"target,omitempty"` // the target, when there is one
	Note   string  `json:"note,omitempty"`
}

// Met reports whether the metric reaches its target (true when none is set).
func (m Metric) Met() bool { return m.Target == 0 || m.Value >= m.Target }

func (m Metric) String() string {
	return fmt.Sprintf("%s %s=%.4f (n=%d)", m.Set, m.Name, m.Value, m.N)
}

// PRF is a precision/recall/F1 counter.
type PRF struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 0 when undefined.
func (c PRF) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when undefined.
func (c PRF) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c PRF) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Add accumulates another counter.
func (c *PRF) Add(o PRF) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Metrics returns precision, recall and F1 as metrics named prefix.precision etc.
func (c PRF) Metrics(set, prefix string) []Metric {
	return []Metric{
		{Set: set, Name: prefix + ".precision", Value: c.Precision(), N: c.TP + c.FP},
		{Set: set, Name: prefix + ".recall", Value: c.Recall(), N: c.TP + c.FN},
		{Set: set, Name: prefix + ".f1", Value: c.F1(), N: c.TP + c.FP + c.FN},
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
