package integrity

import (
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/counts"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
	"github.com/eventwire/eventwire/internal/quotes"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/internal/timex"
	"github.com/eventwire/eventwire/internal/tone"
)

// article700 returns a real ~700-word news article (first 700 words of a
// gold article, cut at a sentence end) with sentences split.
func article700(b *testing.B) doc.Document {
	p := shared.Need(b, "data", "articles", "gum-questionnaire.txt")
	raw, err := os.ReadFile(p)
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	cut := len(text)
	words := 0
	for i := 0; i < len(text); i++ {
		if text[i] == ' ' || text[i] == '\n' {
			words++
			if words >= 700 {
				if j := strings.IndexAny(text[i:], ".\n"); j >= 0 {
					cut = i + j + 1
				}
				break
			}
		}
	}
	d := doc.Document{Text: text[:cut], PubDate: "2023-02-23", Source: "bench"}
	kglex.EnsureSentences(&d)
	return d
}

// BenchmarkLayer runs the whole knowledge-graph layer except geocoding
// (timex, quotes, counts, tone, integrity) on one ~700-word article.
func BenchmarkLayer(b *testing.B) {
	base := article700(b)
	b.SetBytes(int64(len(base.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuNanos()
	defer func() {
		// CPU time per document (process user+system, GC included): the
		// per-core cost, independent of other load on a shared machine.
		if c1 := cpuNanos(); c1 > c0 {
			per := float64(c1-c0) / float64(b.N)
			b.ReportMetric(per, "cpu-ns/op")
			b.ReportMetric(1e9/per, "docs/cpu-s")
		}
	}()
	for i := 0; i < b.N; i++ {
		d := base
		d.Dates, d.Quotes, d.Counts, d.Flags, d.Tone = nil, nil, nil, nil, nil
		timex.Extract(&d)
		quotes.Extract(&d)
		counts.Extract(&d)
		tone.Score(&d)
		Check(&d, nil)
	}
}

func BenchmarkIntegrity(b *testing.B) {
	base := article700(b)
	timex.Extract(&base)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d := base
		d.Flags = nil
		Check(&d, nil)
	}
}
