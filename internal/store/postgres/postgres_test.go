package postgres

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/storetest"
)

var ctx = context.Background()

// testURL is the server the tests use, from EVENTWIRE_TEST_PG (see
// scripts/pg-test-cluster.sh); tests skip without it.
func testURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv("EVENTWIRE_TEST_PG")
	if u == "" {
		t.Skip("EVENTWIRE_TEST_PG is not set: start a throwaway server with `eval \"$(scripts/pg-test-cluster.sh start)\"; export EVENTWIRE_TEST_PG`")
	}
	return u
}

// freshDB creates a new empty database on the test server, drops it at the
// end of the test, and returns its URL.
func freshDB(t testing.TB) string {
	t.Helper()
	base := testURL(t)
	cfg, err := pgx.ParseConfig(base)
	if err != nil {
		t.Fatalf("EVENTWIRE_TEST_PG: %v", err)
	}
	admin, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		t.Fatalf("connect to EVENTWIRE_TEST_PG: %v", err)
	}
	defer admin.Close(ctx)
	name := fmt.Sprintf("ewt_%d_%d", os.Getpid(), dbCounter.add())
	if _, err := admin.Exec(ctx, `CREATE DATABASE `+name); err != nil {
		t.Fatalf("create database: %v", err)
	}
	t.Cleanup(func() {
		c, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			return
		}
		defer c.Close(ctx)
		c.Exec(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
	})
	return withDatabase(base, name)
}

// withDatabase replaces the database name of a postgres:// URL.
func withDatabase(u, name string) string {
	rest := u[strings.Index(u, "://")+3:]
	q := ""
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		rest, q = rest[:i], rest[i:]
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		rest = rest[:i]
	}
	return u[:strings.Index(u, "://")+3] + rest + "/" + name + q
}

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) add() int { c.mu.Lock(); defer c.mu.Unlock(); c.n++; return c.n }

var dbCounter counter

func openFresh(t testing.TB) *DB {
	t.Helper()
	db, err := Open(ctx, freshDB(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestConformance(t *testing.T) {
	testURL(t)
	storetest.Run(t, func(t *testing.T) store.Store { return openFresh(t) })
}

// Several processes starting at once must not race on the migrations.
func TestConcurrentMigrations(t *testing.T) {
	u := freshDB(t)
	var wg sync.WaitGroup
	errs := make([]error, 6)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			db, err := Open(ctx, u)
			if err == nil {
				db.Close()
			}
			errs[i] = err
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM schema_migrations`).Scan(&n); err != nil || n != SchemaVersion() {
		t.Fatalf("%d migration rows (%v), want %d", n, err, SchemaVersion())
	}
	// A newer schema is refused.
	if _, err := db.pool.Exec(ctx, `INSERT INTO schema_migrations(version, name) VALUES (999, 'future')`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, u); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("newer schema: %v", err)
	}
}

// Concurrent writers (as several workers are) store every document once,
// and event ids follow commit order so that EventsAfter misses nothing.
func TestConcurrentWriters(t *testing.T) {
	u := freshDB(t)
	const writers, batches, per = 4, 5, 20
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			db, err := Open(ctx, u)
			if err != nil {
				errs <- err
				return
			}
			defer db.Close()
			for b := 0; b < batches; b++ {
				var docs []*doc.Document
				for i := 0; i < per; i++ {
					// Overlapping ranges: every document is offered twice.
					d := storetest.GenDoc((w/2)*1000 + b*per + i)
					d.Events = []doc.Event{{Code: "040", Root: "04", QuadClass: 1, Span: d.Sentences[0].Span}}
					docs = append(docs, d)
				}
				if _, err := db.Put(ctx, docs); err != nil {
					errs <- err
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	db, err := Open(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c, err := db.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := int64(writers / 2 * batches * per)
	if c.Documents != want || c.Events != want {
		t.Fatalf("counts %+v, want %d documents and events", c, want)
	}
	evs, cursors, err := db.EventsAfter(ctx, "", 1000)
	if err != nil || int64(len(evs)) != want || len(cursors) != len(evs) {
		t.Fatalf("events after: %d %d %v", len(evs), len(cursors), err)
	}
	tail, _ := db.EventsTail(ctx)
	if tail != cursors[len(cursors)-1] {
		t.Fatalf("tail %q, last cursor %q", tail, cursors[len(cursors)-1])
	}
}

func TestPutRejectsWhatPostgresCannotHold(t *testing.T) {
	db := openFresh(t)
	good := storetest.GenDoc(1)
	for _, tc := range []struct {
		name string
		edit func(d *doc.Document)
	}{
		{"NUL in text", func(d *doc.Document) { d.Text = "a\x00b"; d.ID = dedupe.ID(d.Text) }},
		{"invalid UTF-8 in title", func(d *doc.Document) { d.Title = "bad \xff title" }},
		{"NUL in an entity", func(d *doc.Document) { d.Entities = []doc.Mention{{Text: "x\x00"}} }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := storetest.GenDoc(2)
			tc.edit(bad)
			_, err := db.Put(ctx, []*doc.Document{good, bad})
			if !errors.Is(err, store.ErrBadDocument) || Transient(err) {
				t.Fatalf("err %v, want a non-transient ErrBadDocument", err)
			}
			if !strings.Contains(err.Error(), "document 1 of batch") {
				t.Fatalf("error does not name the document: %v", err)
			}
		})
	}
	if n, _ := db.Count(ctx); n.Documents != 0 {
		t.Fatalf("failed batches stored %d documents", n.Documents)
	}
}

func TestSearchOperators(t *testing.T) {
	db := openFresh(t)
	mk := func(title, text string) *doc.Document {
		return &doc.Document{ID: dedupe.ID(text), Title: title, Text: text, Lang: "en"}
	}
	if _, err := db.Put(ctx, []*doc.Document{
		mk("Strikes", "Air strikes hit Syria overnight, officials said."),
		mk("Talks", "Diplomats from Syria and Russia held talks in Geneva."),
		mk("Weather", "Storms are expected across the coast."),
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		match string
		want  []string
	}{
		{`"air strikes" AND Syria`, []string{"Strikes"}},
		{`Syria NOT Russia`, []string{"Strikes"}},
		{`storms OR geneva`, []string{"Talks", "Weather"}},
		{`dipl*`, []string{"Talks"}},
		{`(storms OR strikes) syria`, []string{"Strikes"}},
	}
	for _, tc := range tests {
		hits, err := db.Search(ctx, store.SearchQuery{Match: tc.match})
		if err != nil {
			t.Fatalf("%q: %v", tc.match, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Title)
		}
		if strings.Join(sortedCopy(got), ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: got %v, want %v", tc.match, got, tc.want)
		}
	}
	for _, bad := range []string{`"open`, `syria AND`, `(syria`, `OR syria`, `syria )`} {
		if _, err := db.Search(ctx, store.SearchQuery{Match: bad}); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("%q: %v, want ErrBadQuery", bad, err)
		}
	}
}

func sortedCopy(v []string) []string {
	out := append([]string(nil), v...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestTsQueryExpr(t *testing.T) {
	tests := []struct{ in, want string }{
		{`syria`, `'syria'`},
		{`"air strikes" syria`, `('air' <-> 'strikes') & 'syria'`},
		{`a OR b NOT c`, `'a' | 'b' & !'c'`},
		{`pres*`, `'pres':*`},
		{`o'brien`, `'o''brien'`},
		{`(a OR b) c`, `('a' | 'b') & 'c'`},
		{``, ``},
	}
	for _, tc := range tests {
		got, err := tsQueryExpr(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("%q: %q %v, want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestTransient(t *testing.T) {
	if Transient(nil) || Transient(fmt.Errorf("x: %w", store.ErrBadDocument)) || Transient(context.Canceled) {
		t.Fatal("permanent errors reported transient")
	}
	if !Transient(errors.New("dial tcp 127.0.0.1:5432: connect: connection refused")) {
		t.Fatal("a refused connection is transient")
	}
}

func TestDeadLetters(t *testing.T) {
	db := openFresh(t)
	for i := 0; i < 2; i++ {
		if err := db.DeadLetter(ctx, "sha256:x", "in.jsonl:line=4", "", 5, "pipeline panic: boom\x00"); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := db.DeadLetters(ctx); err != nil || n != 1 {
		t.Fatalf("%d dead letters, %v", n, err)
	}
}

func TestRedact(t *testing.T) {
	if got := redact("postgres://u:secret@h:5432/db"); strings.Contains(got, "secret") {
		t.Fatalf("password shown: %s", got)
	}
}

func TestEachAddedBetween(t *testing.T) {
	db := openFresh(t)
	if _, _, ok, err := db.AddedRange(ctx); ok || err != nil {
		t.Fatalf("empty store: ok=%v err=%v", ok, err)
	}
	var ids []string
	for b := 0; b < 3; b++ {
		var docs []*doc.Document
		for i := 0; i < 3; i++ {
			d := storetest.GenDoc(b*10 + i)
			docs = append(docs, d)
			ids = append(ids, d.ID)
		}
		if _, err := db.Put(ctx, docs); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	first, last, ok, err := db.AddedRange(ctx)
	if err != nil || !ok || !last.After(first) {
		t.Fatalf("range %v %v %v %v", first, last, ok, err)
	}
	collect := func(from, to time.Time) []string {
		var got []string
		if err := db.EachAddedBetween(ctx, from, to, func(d *doc.Document, at time.Time) error {
			if at.Before(from) || !at.Before(to) {
				return fmt.Errorf("%s added %v, outside [%v, %v)", d.ID, at, from, to)
			}
			got = append(got, d.ID)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return got
	}
	if got := collect(first, last.Add(time.Microsecond)); strings.Join(got, ",") != strings.Join(ids, ",") {
		t.Fatalf("all: %v", got)
	}
	if got := collect(first, last); len(got) != 6 {
		t.Fatalf("without the last batch: %d documents", len(got))
	}
	if got := collect(last, first); got != nil {
		t.Fatalf("empty window: %v", got)
	}
}

func TestPrune(t *testing.T) {
	db := openFresh(t)
	old := storetest.FullDoc()
	if _, err := db.Put(ctx, []*doc.Document{old}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond)
	var srvNow time.Time
	db.pool.QueryRow(ctx, `SELECT clock_timestamp()`).Scan(&srvNow)
	time.Sleep(20 * time.Millisecond)
	keep := storetest.GenDoc(3)
	if _, err := db.Put(ctx, []*doc.Document{keep}); err != nil {
		t.Fatal(err)
	}
	n, err := db.Prune(ctx, srvNow)
	if err != nil || n != 1 {
		t.Fatalf("pruned %d, %v", n, err)
	}
	c, _ := db.Count(ctx)
	if c != (store.Counts{Documents: 1, Sentences: 3}) {
		t.Fatalf("after prune %+v", c)
	}
	for _, tbl := range childTables {
		var rows int
		db.pool.QueryRow(ctx, `SELECT count(*) FROM `+tbl+` WHERE doc NOT IN (SELECT seq FROM documents)`).Scan(&rows)
		if rows != 0 {
			t.Errorf("%d orphan rows in %s", rows, tbl)
		}
	}
	if _, err := db.Get(ctx, keep.ID); err != nil {
		t.Fatal(err)
	}
}
