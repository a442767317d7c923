package sqlite

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

// ingest Puts n generated documents in batches of batch into db, starting at
// document from, and returns the time spent in Put.
func ingest(tb testing.TB, db *DB, from, n, batch int) time.Duration {
	var spent time.Duration
	for i := from; i < from+n; i += batch {
		docs := genDocs(i, min(batch, from+n-i))
		t0 := time.Now()
		st, err := db.Put(ctx, docs)
		spent += time.Since(t0)
		if err != nil {
			tb.Fatal(err)
		}
		if st.Added != len(docs) {
			tb.Fatalf("batch at %d: %+v", i, st)
		}
	}
	return spent
}

// BenchmarkPut measures Put of ~60-word, 3-sentence documents in batches of
// 500 into a growing database; one op is one document.
func BenchmarkPut(b *testing.B) {
	db := openTemp(b)
	b.ResetTimer()
	spent := ingest(b, db, 0, b.N, 500)
	b.ReportMetric(float64(b.N)/spent.Seconds(), "docs/s")
}

// BenchmarkIngest100k ingests 100,000 generated documents in batches of 500
// into a fresh database per op (document generation is not timed). Set
// EVENTWIRE_BENCH_DOCS to change the number. Run with -benchtime 1x.
func BenchmarkIngest100k(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("EVENTWIRE_BENCH_DOCS")); err == nil && v > 0 {
		n = v
	}
	var spent time.Duration
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), fmt.Sprintf("ingest%d.db", i))
		db, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		spent += ingest(b, db, 0, n, 500)
		b.StopTimer()
		db.Close()
		if fi, err := os.Stat(path); err == nil {
			b.ReportMetric(float64(fi.Size())/float64(n), "dbbytes/doc")
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(n*b.N)/spent.Seconds(), "docs/s")
	// On a shared machine wall time depends on the neighbours; CPU time
	// (including document generation) does much less.
	b.ReportMetric(float64(n*b.N)/(cpuTime()-cpu0).Seconds(), "docs/cpu-s")
}

// benchDB is a database of n generated documents, built once per benchmark.
func benchDB(b *testing.B, n int) *DB {
	b.Helper()
	db := openTemp(b)
	ingest(b, db, 0, n, 500)
	b.ResetTimer()
	return db
}

// BenchmarkSearch runs a two-word query with snippets over 20,000 documents.
func BenchmarkSearch(b *testing.B) {
	db := benchDB(b, 20_000)
	queries := []store.SearchQuery{
		{Text: vocab[1] + " " + vocab[2]},
		{Text: vocab[3]},
		{Text: vocab[4], Since: "2024-03-01", Until: "2024-06-30"},
	}
	hits := 0
	i := 0
	for b.Loop() {
		h, err := db.Search(ctx, queries[i%len(queries)])
		if err != nil {
			b.Fatal(err)
		}
		hits += len(h)
		i++
	}
	if hits == 0 {
		b.Fatal("no hits")
	}
}

// BenchmarkEvents pages through events filtered by actor over 10,000
// documents with two events each.
func BenchmarkEvents(b *testing.B) {
	var specs []ev
	actors := []string{"USA", "CHN", "RUS", "FRA", "UKR", "GBR", "DEU", "IRN"}
	for i := 0; i < 20_000; i++ {
		specs = append(specs, ev{src: actorCode(actors[i%8]), tgt: actorCode(actors[(i/8)%8]), code: "040", quad: 1, gold: 1,
			date: fmt.Sprintf("2021-%02d-%02d", 1+i%12, 1+i%28), country: "US", place: "X", lat: 1, lon: 1})
	}
	db := openTemp(b)
	docs := eventDocs(specs)
	for i := 0; i < len(docs); i += 500 {
		mustPut(b, db, docs[i:min(i+500, len(docs))]...)
	}
	b.ResetTimer()
	for b.Loop() {
		rows, _, err := db.Events(ctx, store.EventFilter{Actor: "RUS", Since: "2021-06-01", Limit: 100})
		if err != nil || len(rows) == 0 {
			b.Fatal(err, len(rows))
		}
	}
}

// BenchmarkTopActors aggregates actors over 10,000 documents' events.
func BenchmarkTopActors(b *testing.B) {
	var specs []ev
	actors := []string{"USA", "CHN", "RUS", "FRA", "UKR", "GBR", "DEU", "IRN"}
	for i := 0; i < 20_000; i++ {
		specs = append(specs, ev{src: actorCode(actors[i%8]), tgt: actorCode(actors[(i/8)%8]), code: "040", quad: 1, gold: 1})
	}
	db := openTemp(b)
	docs := eventDocs(specs)
	for i := 0; i < len(docs); i += 500 {
		mustPut(b, db, docs[i:min(i+500, len(docs))]...)
	}
	b.ResetTimer()
	for b.Loop() {
		if top, err := db.TopActors(ctx, store.EventFilter{}, 10); err != nil || len(top) != 8 {
			b.Fatal(err, len(top))
		}
	}
}

func actorCode(s string) cameo.ActorCode { return cameo.ActorCode(s) }

// richDoc is genDoc with what the pipeline adds: a token per word (with
// lemma, tags and head), two entities, one event with a place, one date.
func richDoc(i int) *doc.Document {
	d := genDoc(i)
	for s := range d.Sentences {
		sp := d.Sentences[s].Span
		start := sp.Start
		for j := sp.Start; j <= sp.End; j++ {
			if j == sp.End || d.Text[j] == ' ' || d.Text[j] == '.' {
				if j > start {
					w := d.Text[start:j]
					d.Sentences[s].Tokens = append(d.Sentences[s].Tokens, doc.Token{Span: doc.Span{Start: start, End: j},
						Form: w, Lemma: w, UPOS: "NOUN", XPOS: "NN", Head: 0, Deprel: "dep", NER: "O", SpaceAfter: true})
				}
				start = j + 1
			}
		}
	}
	t0, t1 := d.Sentences[0].Tokens[0], d.Sentences[0].Tokens[2]
	d.Entities = []doc.Mention{
		{Span: t0.Span, Text: t0.Form, Type: doc.PER, Entity: t0.Form, Actor: "USAGOV", Resolved: "dictionary"},
		{Span: t1.Span, Text: t1.Form, Type: doc.GPE, Entity: t1.Form, Actor: "FRA", Resolved: "dictionary"},
	}
	pl := doc.Place{Span: t1.Span, Text: t1.Form, Name: t1.Form, Country: "FR", Lat: 48.85, Lon: 2.35, GeoNames: 2988507}
	d.Places = []doc.Place{pl}
	d.Events = []doc.Event{{Source: &doc.Participant{Span: t0.Span, Text: t0.Form, Actor: "USAGOV"},
		Target: &doc.Participant{Span: t1.Span, Text: t1.Form, Actor: "FRA"}, Code: "040", Root: "04", QuadClass: 1,
		Goldstein: 1, Modality: doc.Asserted, Date: d.PubDate, Place: &pl, Span: d.Sentences[0].Span, Confidence: 0.7}}
	d.Dates = []doc.TimeExpr{{Span: t0.Span, Text: t0.Form, Value: d.PubDate, Precision: "day"}}
	return d
}

// BenchmarkPutRich is BenchmarkPut with pipeline-sized documents (tokens,
// entities, an event); one op is one document.
func BenchmarkPutRich(b *testing.B) {
	db := openTemp(b)
	b.ResetTimer()
	var spent time.Duration
	for i := 0; i < b.N; i += 500 {
		b.StopTimer()
		docs := make([]*doc.Document, min(500, b.N-i))
		for j := range docs {
			docs[j] = richDoc(i + j)
		}
		b.StartTimer()
		t0 := time.Now()
		if _, err := db.Put(ctx, docs); err != nil {
			b.Fatal(err)
		}
		spent += time.Since(t0)
	}
	b.ReportMetric(float64(b.N)/spent.Seconds(), "docs/s")
}
