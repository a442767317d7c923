package synth

import (
	"testing"

	"github.com/eventwire/eventwire/internal/eventdedup"
)

// BenchmarkMergeDense clusters 20,000 events reported over 5 days (about
// 15,000 mentions a day): the per-report cost when buckets are crowded.
func BenchmarkMergeDense(b *testing.B) {
	c := Generate(Options{Seed: 1, Events: 20000, Days: 5})
	mentions := 0
	for _, d := range c.Docs {
		mentions += len(d.Events)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		eventdedup.Merge(c.Docs)
	}
	b.ReportMetric(float64(mentions*b.N)/b.Elapsed().Seconds(), "mentions/s")
}
