package api

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"
)

// BenchmarkEventsMerged times GET /api/events?merged=true over loopback
// HTTP on the benchmark store (see BenchmarkEventsAPI), per filter
// combination and bound (Options.MergeRows).
//
//	go test ./internal/api -run '^$' -bench EventsMerged -benchtime 40x
func BenchmarkEventsMerged(b *testing.B) {
	db := benchStore(b)
	doc := genBenchDoc(4242)
	queries := []struct{ name, query string }{
		{"none", ""},
		{"actor", "actor=USA"},
		{"actor-quad", "actor=RUSMIL&quad=4"},
		{"quad-month", "quad=4&since=2023-01-01&until=2023-01-31"},
		{"day", "since=2024-06-01&until=2024-06-01"},
		{"doc", "doc=" + url.QueryEscape(doc.ID)},
	}
	for _, bound := range []int{DefaultMergeRows, 5000} {
		s, err := New(Options{Reader: db, Analytics: db, Origins: sqliteOrigins(db), MergeRows: bound})
		if err != nil {
			b.Fatal(err)
		}
		srv := httptest.NewServer(s.Handler())
		defer srv.Close()
		c := srv.Client()
		for _, q := range queries {
			b.Run(fmt.Sprintf("rows=%d/%s", bound, q.name), func(b *testing.B) {
				lat := make([]time.Duration, 0, b.N)
				for i := 0; i < b.N; i++ {
					t0 := time.Now()
					fetch(b, c, srv.URL+"/api/events?merged=true&limit=50&"+q.query)
					lat = append(lat, time.Since(t0))
				}
				reportLatency(b, lat)
			})
		}
	}
}
