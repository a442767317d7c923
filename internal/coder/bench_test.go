package coder

import (
	"testing"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/doc"
)

// BenchmarkCode codes given parses: the GUM news articles when the shared
// data is present, else the hand-made fixtures. Reports sentences/s.
func BenchmarkCode(b *testing.B) {
	var ds []*doc.Document
	if _, gds := gumDocsOptional(b); len(gds) > 0 {
		ds = gds
	} else {
		ds = []*doc.Document{miniDoc(b, sPassive, sNoComment, sConditional, sNever, sTalks, sCharged, sCooperate, sOdds, sMetObama, sThePresident, sGovernor, sTheyWould, sRefused)}
	}
	c, err := New(newFakeActors(people))
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, d := range ds {
		n += len(d.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range ds {
			d.Flags = d.Flags[:0]
			c.Code(d)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkCodeRealActors is BenchmarkCode with the project's actor
// dictionary doing the actor scan (the figure a pipeline sees).
func BenchmarkCodeRealActors(b *testing.B) {
	_, ds := gumDocsOptional(b)
	if len(ds) == 0 || actors.DefaultErr() != nil {
		b.Skip("needs the GUM parses and a loadable actor dictionary")
	}
	c, err := New(actors.Default())
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, d := range ds {
		n += len(d.Sentences)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range ds {
			d.Flags = d.Flags[:0]
			c.Code(d)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "sentences/s")
}
