package actors

import (
	"testing"
)

const benchSentence = "Sitting down to talks with Hollande at the Kremlin, Russian President Vladimir Putin pointed to the November 13 assaults in Paris which 130 people were killed, and the IS-claimed bombing of a Russian jetliner over Egypt on October 31."

func BenchmarkScan(b *testing.B) {
	d := Default()
	toks := Tokenize(benchSentence)
	b.ReportMetric(float64(len(toks)), "tokens")
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		d.Scan(benchSentence, toks, "2015-11-26")
	}
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}

func BenchmarkDefaultLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := loadFS(dataFS, "data"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkExtendedLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		base, _ := loadFS(dataFS, "data")
		extra, err := loadFS(phoenixFS, "data/phoenix")
		if err != nil {
			b.Fatal(err)
		}
		base.fill(extra)
	}
}

func BenchmarkScanExtended(b *testing.B) {
	d := Extended()
	toks := Tokenize(benchSentence)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		d.Scan(benchSentence, toks, "2015-11-26")
	}
	b.ReportMetric(float64((cpuTime()-c0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
