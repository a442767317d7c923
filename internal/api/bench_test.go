package api

import (
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// Benchmarks run on a store of generated documents (10 events each),
// built once per machine in $EVENTWIRE_BENCH_DIR (default the system temp
// directory) and reused while its event count matches. Set
// EVENTWIRE_BENCH_EVENTS to change the size (default 1,000,000).
//
//	go test ./internal/api -run '^$' -bench . -benchtime 200x

const benchEventsPerDoc = 10

var benchActors = func() []cameo.ActorCode {
	var out []cameo.ActorCode
	for _, c := range []string{"USA", "RUS", "CHN", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "SYR", "TUR",
		"IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "NGA", "SDN", "COD", "RWA", "BRA", "MEX", "COL", "VEN", "JPN", "KOR",
		"PRK", "PHL", "IDN", "AUS", "CAN", "POL", "HUN", "SRB", "GEO", "ARM", "AZE", "ETH"} {
		out = append(out, cameo.ActorCode(c))
		for _, r := range []string{"GOV", "MIL", "COP", "OPP", "CVL"} {
			out = append(out, cameo.ActorCode(c+r))
		}
	}
	return out
}()

type benchPlace struct {
	name, country string
	lat, lon      float64
}

var benchPlaces = func() []benchPlace {
	r := rand.New(rand.NewSource(7))
	countries := []string{"US", "RU", "CN", "UA", "FR", "DE", "GB", "IR", "IL", "PS", "SY", "TR", "IN", "PK", "AF",
		"IQ", "SA", "EG", "NG", "SD", "CD", "RW", "BR", "MX", "CO", "VE", "JP", "KR", "KP", "PH"}
	out := make([]benchPlace, 300)
	for i := range out {
		out[i] = benchPlace{name: fmt.Sprintf("Place%03d", i), country: countries[i%len(countries)],
			lat: r.Float64()*140 - 60, lon: r.Float64()*340 - 170}
	}
	return out
}()

var benchCodes = func() []cameo.EventCode {
	var out []cameo.EventCode
	for _, c := range cameo.Codes() {
		if c.Valid() && len(c) == 3 {
			out = append(out, c)
		}
	}
	return out
}()

// zipf picks an index in [0,n) with a skew towards small indexes, as real
// actor and place frequencies have.
func zipf(r *rand.Rand, n int) int {
	return int(float64(n) * r.Float64() * r.Float64() * r.Float64())
}

// genBenchDoc is document i with benchEventsPerDoc events.
func genBenchDoc(i int) *doc.Document {
	r := rand.New(rand.NewSource(int64(i)*7919 + 1))
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.Intn(5*365))
	var b strings.Builder
	d := &doc.Document{Title: fmt.Sprintf("Generated report %d", i), PubDate: day.Format("2006-01-02"), Lang: "en",
		URL: fmt.Sprintf("https://news%d.example/story/%d", i%50, i), Source: fmt.Sprintf("news%d.example", i%50)}
	for k := 0; k < benchEventsPerDoc; k++ {
		src := benchActors[zipf(r, len(benchActors))]
		tgt := benchActors[zipf(r, len(benchActors))]
		code := benchCodes[r.Intn(len(benchCodes))]
		start := b.Len()
		fmt.Fprintf(&b, "Officials of %s said on day %d of report %d that %s acted towards %s with code %s.",
			src, k, i, src, tgt, code)
		sp := doc.Span{Start: start, End: b.Len()}
		b.WriteByte(' ')
		d.Sentences = append(d.Sentences, doc.Sentence{Span: sp})
		root := code.Root()
		g, _ := code.Goldstein()
		e := doc.Event{
			Source: &doc.Participant{Span: sp, Text: string(src), Actor: src},
			Target: &doc.Participant{Span: sp, Text: string(tgt), Actor: tgt},
			Code:   code, Root: root, QuadClass: root.Quad(), Goldstein: g, Negated: r.Intn(20) == 0,
			Modality: doc.Asserted, Date: day.AddDate(0, 0, -r.Intn(3)).Format("2006-01-02"), Sentence: k, Span: sp,
			Confidence: 0.5 + r.Float64()/2,
		}
		if r.Intn(10) < 7 {
			p := benchPlaces[zipf(r, len(benchPlaces))]
			e.Place = &doc.Place{Text: p.name, Name: p.name, Country: p.country, Lat: p.lat, Lon: p.lon}
		}
		if root == "18" || root == "19" || root == "20" {
			e.Killed = i64(int64(r.Intn(30)))
		}
		d.Events = append(d.Events, e)
	}
	d.Text = strings.TrimSpace(b.String())
	d.ID = dedupe.ID(d.Text)
	return d
}

var benchDB struct {
	once sync.Once
	db   *sqlite.DB
	err  error
}

func benchEvents() int {
	if n, err := strconv.Atoi(os.Getenv("EVENTWIRE_BENCH_EVENTS")); err == nil && n > 0 {
		return n
	}
	return 1_000_000
}

// benchStore opens (building when needed) the benchmark store.
func benchStore(b *testing.B) *sqlite.DB {
	benchDB.once.Do(func() {
		want := benchEvents()
		dir := os.Getenv("EVENTWIRE_BENCH_DIR")
		if dir == "" {
			dir = os.TempDir()
		}
		path := filepath.Join(dir, fmt.Sprintf("eventwire-api-bench-v1-%d.db", want))
		if db, err := sqlite.Open(path); err == nil {
			if c, err := db.Count(ctx); err == nil && c.Events == int64(want) {
				benchDB.db = db
				return
			}
			db.Close()
		}
		for _, suf := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suf)
		}
		db, err := sqlite.Open(path)
		if err != nil {
			benchDB.err = err
			return
		}
		t0 := time.Now()
		docs := want / benchEventsPerDoc
		const batch = 1000
		for i := 0; i < docs; i += batch {
			page := make([]*doc.Document, 0, batch)
			for j := i; j < min(i+batch, docs); j++ {
				page = append(page, genBenchDoc(j))
			}
			if _, err := db.Put(ctx, page); err != nil {
				benchDB.err = err
				db.Close()
				return
			}
		}
		fmt.Fprintf(os.Stderr, "built %s: %d documents, %d events in %v\n", path, docs, want, time.Since(t0).Round(time.Second))
		benchDB.db = db
	})
	if benchDB.err != nil {
		b.Fatal(benchDB.err)
	}
	return benchDB.db
}

func benchServer(b *testing.B) *httptest.Server {
	db := benchStore(b)
	s, err := New(Options{Reader: db, Analytics: db})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler())
	b.Cleanup(srv.Close)
	return srv
}

func fetch(b *testing.B, c *http.Client, u string) int64 {
	resp, err := c.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		b.Fatalf("%s: %d %v", u, resp.StatusCode, err)
	}
	return n
}

func reportLatency(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	q := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(q(0.50), "p50-ms")
	b.ReportMetric(q(0.95), "p95-ms")
	b.ReportMetric(q(0.99), "p99-ms")
}

// benchQueries are /api/events filter combinations a dashboard sends.
var benchQueries = []struct{ name, query string }{
	{"none", ""},
	{"actor", "actor=USA"},
	{"actor-quad", "actor=RUSMIL&quad=4"},
	{"actor-rare", "actor=ETHCVL"},
	{"quad-month", "quad=4&since=2023-01-01&until=2023-01-31"},
	{"root-country", "root=19&country=UA"},
	{"country-negated", "country=FR&negated=false"},
	{"bbox-quad", "bbox=-10,35,30,60&quad=1"},
	{"day", "since=2024-06-01&until=2024-06-01"},
	{"negated-actor", "negated=true&actor=CHN"},
	{"actor-root-since", "actor=USA&root=04&since=2022-01-01"},
	{"limit500", "limit=500&quad=3"},
}

// BenchmarkEventsAPI times GET /api/events over loopback HTTP on the 1M
// event store, per filter combination and mixed; p50/p95/p99 in ms.
func BenchmarkEventsAPI(b *testing.B) {
	srv := benchServer(b)
	c := srv.Client()
	run := func(b *testing.B, queries []string) {
		lat := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			t0 := time.Now()
			fetch(b, c, srv.URL+"/api/events?"+queries[i%len(queries)])
			lat = append(lat, time.Since(t0))
		}
		b.StopTimer()
		reportLatency(b, lat)
	}
	var all []string
	for _, q := range benchQueries {
		all = append(all, q.query)
		b.Run(q.name, func(b *testing.B) { run(b, []string{q.query}) })
	}
	b.Run("mixed", func(b *testing.B) { run(b, all) })
	// The second page of a filtered query: cursors must stay as fast.
	b.Run("page2", func(b *testing.B) {
		var page struct {
			NextCursor string `json:"next_cursor"`
		}
		resp, err := c.Get(srv.URL + "/api/events?actor=USA&quad=4")
		if err != nil {
			b.Fatal(err)
		}
		jsonDecode(b, resp.Body, &page)
		run(b, []string{"actor=USA&quad=4&cursor=" + page.NextCursor})
	})
}

// BenchmarkExport streams the whole store through GET /api/export; one op
// is one full export.
func BenchmarkExport(b *testing.B) {
	srv := benchServer(b)
	c := srv.Client()
	for _, format := range []string{"jsonl", "gdelt-events"} {
		b.Run(format, func(b *testing.B) {
			var bytes int64
			t0 := time.Now()
			for i := 0; i < b.N; i++ {
				bytes += fetch(b, c, srv.URL+"/api/export?format="+format)
			}
			el := time.Since(t0).Seconds()
			b.ReportMetric(float64(benchEvents()*b.N)/el, "events/s")
			b.ReportMetric(float64(bytes)/el/1e6, "MB/s")
		})
	}
}

func jsonDecode(b *testing.B, r io.ReadCloser, v any) {
	defer r.Close()
	if err := json.NewDecoder(r).Decode(v); err != nil {
		b.Fatal(err)
	}
}
