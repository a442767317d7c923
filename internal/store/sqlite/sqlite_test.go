package sqlite

import (
	"context"
	"errors"
	"math"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/store"
)

var ctx = context.Background()

func TestRoundTrip(t *testing.T) {
	db := openTemp(t)
	want := fullDoc()
	st, err := db.Put(ctx, []*doc.Document{fullDoc()})
	if err != nil {
		t.Fatal(err)
	}
	if st != (store.PutStats{Added: 1}) {
		t.Fatalf("stats %+v", st)
	}
	got, err := db.Get(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("round trip (-want +got):\n%s", diff)
	}
	c, err := db.Count(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c != (store.Counts{Documents: 1, Sentences: 3, Events: 1, Entities: 2, Quotes: 1, Places: 2}) {
		t.Fatalf("counts %+v", c)
	}
	// Each child table got its rows.
	for table, n := range map[string]int{"dates": 2, "counts": 1, "flags": 1, "errors": 1, "minhash": 1} {
		var got int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM ` + table).Scan(&got); err != nil || got != n {
			t.Errorf("%s: %d rows (%v), want %d", table, got, err, n)
		}
	}
	if _, err := db.Get(ctx, "sha256:nope"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("missing doc: %v", err)
	}
}

func TestPutIdempotentAndIDs(t *testing.T) {
	db := openTemp(t)
	docs := genDocs(0, 50)
	st, err := db.Put(ctx, docs)
	if err != nil || st != (store.PutStats{Added: 50}) {
		t.Fatalf("first put %+v %v", st, err)
	}
	// Same batch again, plus a duplicate inside the batch and a new doc.
	again := append(genDocs(0, 50), genDoc(3), genDoc(50))
	st, err = db.Put(ctx, again)
	if err != nil || st != (store.PutStats{Added: 1, Skipped: 51}) {
		t.Fatalf("second put %+v %v", st, err)
	}
	c, _ := db.Count(ctx)
	if c.Documents != 51 || c.Sentences != 153 {
		t.Fatalf("counts %+v", c)
	}
	// Empty ID is filled from the text.
	d := genDoc(77)
	want := d.ID
	d.ID = ""
	mustPut(t, db, d)
	if d.ID != want {
		t.Fatalf("ID filled as %q, want %q", d.ID, want)
	}
	// A nil document is refused before anything is written.
	if _, err := db.Put(ctx, []*doc.Document{genDoc(78), nil}); !errors.Is(err, store.ErrBadDocument) {
		t.Fatalf("nil doc: %v", err)
	}
	if _, err := db.Get(ctx, genDoc(78).ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatal("refused batch was partly written")
	}
}

func TestNearDuplicates(t *testing.T) {
	db := openTemp(t)
	a := genDoc(1)
	mustPut(t, db, a, genDoc(2))

	// The same story on another site: one word changed, re-punctuated.
	b := genDoc(1)
	b.Text = strings.Replace(b.Text, ".", "!", 1)
	b.Text = b.Text[:len(b.Text)-1] + " indeed."
	b.ID, b.Source = dedupe.ID(b.Text), "other.example"
	// A copy of b in the same batch links to a, the earliest.
	c := genDoc(1)
	c.Text = "Breaking: " + c.Text
	c.ID = dedupe.ID(c.Text)
	unrelated := genDoc(3)
	st, err := db.Put(ctx, []*doc.Document{b, c, unrelated})
	if err != nil {
		t.Fatal(err)
	}
	if st != (store.PutStats{Added: 3, NearDuplicates: 2}) {
		t.Fatalf("stats %+v", st)
	}
	if b.NearDuplicateOf != a.ID || c.NearDuplicateOf != a.ID || unrelated.NearDuplicateOf != "" {
		t.Fatalf("links b=%q c=%q unrelated=%q, want %q", b.NearDuplicateOf, c.NearDuplicateOf, unrelated.NearDuplicateOf, a.ID)
	}
	got, err := db.Get(ctx, b.ID)
	if err != nil || got.NearDuplicateOf != a.ID {
		t.Fatalf("stored link %q %v", got.NearDuplicateOf, err)
	}
	counts, _ := db.Count(ctx)
	if counts.NearDuplicates != 2 || counts.Documents != 5 {
		t.Fatalf("counts %+v", counts)
	}
	// A link set by the caller is kept.
	d := genDoc(9)
	d.NearDuplicateOf = "sha256:given"
	mustPut(t, db, d)
	if got, _ := db.Get(ctx, d.ID); got.NearDuplicateOf != "sha256:given" {
		t.Fatalf("caller link lost: %q", got.NearDuplicateOf)
	}
}

func searchDocs() []*doc.Document {
	mk := func(src, date, title, text string) *doc.Document {
		return &doc.Document{ID: dedupe.ID(text), Source: src, PubDate: date, Title: title, Text: text, Lang: "en"}
	}
	return []*doc.Document{
		mk("a.example", "2015-11-20", "Ceasefire talks", "Negotiators met in Geneva to discuss a ceasefire. The ceasefire talks continued late into the night."),
		mk("b.example", "2015-11-22", "Floods", "Heavy rain caused floods across the region, and officials warned of more flooding."),
		mk("a.example", "2015-11-25", "Summit in Paris", "Leaders gathered in Paris for a climate summit. A ceasefire was not on the agenda."),
		mk("c.example", "2015-12-01", "Protests", "Thousands protested in the capital against the new law."),
	}
}

func TestSearch(t *testing.T) {
	db := openTemp(t)
	mustPut(t, db, searchDocs()...)
	ids := func(hits []store.Hit) []string {
		var out []string
		for _, h := range hits {
			out = append(out, h.Title)
		}
		return out
	}
	tests := []struct {
		name string
		q    store.SearchQuery
		want []string
	}{
		{"term ranked", store.SearchQuery{Text: "ceasefire"}, []string{"Ceasefire talks", "Summit in Paris"}},
		{"stemmed", store.SearchQuery{Text: "flooding"}, []string{"Floods"}},
		{"all words required", store.SearchQuery{Text: "ceasefire Paris"}, []string{"Summit in Paris"}},
		{"phrase", store.SearchQuery{Text: `"climate summit"`}, []string{"Summit in Paris"}},
		{"phrase miss", store.SearchQuery{Text: `"summit climate"`}, nil},
		{"since", store.SearchQuery{Text: "ceasefire", Since: "2015-11-21"}, []string{"Summit in Paris"}},
		{"until", store.SearchQuery{Text: "ceasefire", Until: "2015-11-20"}, []string{"Ceasefire talks"}},
		{"source", store.SearchQuery{Text: "in", Source: "c.example"}, []string{"Protests"}},
		{"operator chars are literal", store.SearchQuery{Text: `AND ( ceasefire" OR -*`}, nil},
		{"raw match", store.SearchQuery{Match: "flood* OR protest*"}, []string{"Protests", "Floods"}}, // shorter text ranks first
		{"no text lists newest first", store.SearchQuery{Source: "a.example"}, []string{"Summit in Paris", "Ceasefire talks"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			hits, err := db.Search(ctx, tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, ids(hits)); diff != "" {
				t.Fatalf("(-want +got)\n%s", diff)
			}
		})
	}

	hits, err := db.Search(ctx, store.SearchQuery{Text: "ceasefire"})
	if err != nil {
		t.Fatal(err)
	}
	h := hits[0]
	if len(h.Highlights) != 2 || h.Score <= 0 || h.Score < hits[1].Score {
		t.Fatalf("hit %+v", h)
	}
	for _, sp := range h.Highlights {
		if got := sp.In(h.Snippet); !strings.EqualFold(got, "ceasefire") {
			t.Errorf("highlight %v is %q in %q", sp, got, h.Snippet)
		}
	}
	if strings.ContainsAny(h.Snippet, markOpen+markClose) {
		t.Errorf("markers left in snippet %q", h.Snippet)
	}

	// Paging with cursors gives every hit once.
	page1, _ := db.Search(ctx, store.SearchQuery{Text: "ceasefire", Limit: 1})
	page2, _ := db.Search(ctx, store.SearchQuery{Text: "ceasefire", Limit: 1, Cursor: page1[0].Cursor})
	page3, _ := db.Search(ctx, store.SearchQuery{Text: "ceasefire", Limit: 1, Cursor: page2[0].Cursor})
	if len(page1) != 1 || len(page2) != 1 || len(page3) != 0 || page1[0].ID == page2[0].ID {
		t.Fatalf("paging: %v %v %v", ids(page1), ids(page2), ids(page3))
	}

	for _, q := range []store.SearchQuery{
		{Match: `"unclosed`}, {Match: "AND OR"}, {Text: "x", Since: "2015-13-01"}, {Text: "x", Cursor: "zz"}, {Text: "x", Limit: -1},
	} {
		if _, err := db.Search(ctx, q); !errors.Is(err, store.ErrBadQuery) && !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("%+v: error %v", q, err)
		}
	}
}

func TestMatchExpr(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"  ":                "",
		"a b":               `"a" "b"`,
		`x "new york" y`:    `"x" "new york" "y"`,
		`say "hi`:           `"say" "hi"`,
		`a"b`:               `"a" "b"`,
		"NEAR(a b)":         `"NEAR(a" "b)"`,
		`"  spaced   out "`: `"spaced out"`,
	} {
		if got := matchExpr(in); got != want {
			t.Errorf("matchExpr(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEventDay(t *testing.T) {
	for _, tc := range []struct{ date, pub, want string }{
		{"2015-11-24", "2015-11-26", "2015-11-24"},
		{"2015-11", "2015-11-26", "2015-11-01"},
		{"2015", "", "2015-01-01"},
		{"", "2015-11-26", "2015-11-26"},
		{"", "2015-11-26T10:00:00Z", "2015-11-26"},
		{"2015-13-40", "2015-11-26", "2015-11-26"},
		{"yesterday", "bad", ""},
	} {
		if got := store.EventDay(tc.date, tc.pub); got != tc.want {
			t.Errorf("store.EventDay(%q, %q) = %q, want %q", tc.date, tc.pub, got, tc.want)
		}
	}
}

func TestMigrationsOnReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.db")
	for i := 0; i < 3; i++ {
		db, err := Open(path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		if i == 0 {
			mustPut(t, db, genDocs(0, 10)...)
		}
		v, err := db.Version(ctx)
		if err != nil || v != SchemaVersion() {
			t.Fatalf("version %d %v", v, err)
		}
		var n int
		db.SQL().QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n)
		if n != len(migrations) {
			t.Fatalf("schema_migrations has %d rows", n)
		}
		var mode string
		db.SQL().QueryRow(`PRAGMA journal_mode`).Scan(&mode)
		if mode != "wal" {
			t.Fatalf("journal mode %q", mode)
		}
		var fk int
		db.SQL().QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
		if fk != 1 {
			t.Fatal("foreign keys off")
		}
		if c, _ := db.Count(ctx); c.Documents != 10 {
			t.Fatalf("reopen %d: %d documents", i, c.Documents)
		}
		if i == 2 {
			db.SQL().Exec(`INSERT INTO schema_migrations VALUES (9999, 'future', '')`)
		}
		db.Close()
	}
	if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("newer schema accepted: %v", err)
	}
	if _, err := Open(""); err == nil {
		t.Fatal("empty path accepted")
	}
}

func TestEach(t *testing.T) {
	db := openTemp(t)
	docs := genDocs(0, eachPage*2+5)
	mustPut(t, db, docs...)
	var got []string
	err := db.Each(ctx, func(d *doc.Document) error {
		if d.Text == "" {
			t.Fatal("text missing")
		}
		got = append(got, d.ID)
		return nil
	})
	if err != nil || len(got) != len(docs) {
		t.Fatalf("Each visited %d (%v)", len(got), err)
	}
	for i := range docs {
		if got[i] != docs[i].ID {
			t.Fatalf("order differs at %d", i)
		}
	}
	stop := errors.New("stop")
	n := 0
	err = db.Each(ctx, func(*doc.Document) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("early stop: %v after %d", err, n)
	}
}

func TestSeenSentences(t *testing.T) {
	db := openTemp(t)
	a, b := genDoc(1), genDoc(2)
	a.Source, b.Source = "a.example", "b.example"
	mustPut(t, db, a, b)
	later := genDoc(1) // same sentences, also at a.example
	later.Source = "a.example"
	later.Text += " Extra."
	later.ID = dedupe.ID(later.Text)
	mustPut(t, db, later)

	h := func(d *doc.Document, i int) uint64 { return dedupe.SentenceHash(d.Sentences[i].In(d.Text)) }
	// Copied sentence with other case and punctuation still matches.
	copied := strings.ToUpper(a.Sentences[1].In(a.Text))
	hashes := []uint64{h(a, 0), dedupe.SentenceHash(copied), h(b, 2), 12345, 0}
	got, err := db.SeenSentences(ctx, hashes, "c.example")
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]string{h(a, 0): a.ID, h(a, 1): a.ID, h(b, 2): b.ID}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("(-want +got)\n%s", diff)
	}
	// Sentences seen only at the asking source are not reported.
	got, _ = db.SeenSentences(ctx, hashes, "a.example")
	if diff := cmp.Diff(map[uint64]string{h(b, 2): b.ID}, got); diff != "" {
		t.Fatalf("notSource (-want +got)\n%s", diff)
	}
	// Many hashes span several queries.
	many := make([]uint64, 0, 1000)
	for i := 0; i < 999; i++ {
		many = append(many, uint64(i+1))
	}
	many = append(many, h(b, 0))
	got, _ = db.SeenSentences(ctx, many, "")
	if len(got) != 1 || got[h(b, 0)] != b.ID {
		t.Fatalf("chunked: %v", got)
	}
}

func TestConcurrentReadersWhileWriting(t *testing.T) {
	db := openTemp(t)
	mustPut(t, db, searchDocs()...)
	const batches = 20
	var wg sync.WaitGroup
	errc := make(chan error, 100)
	done := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(done)
		for i := 0; i < batches; i++ {
			if _, err := db.Put(ctx, genDocs(i*50, 50)); err != nil {
				errc <- err
				return
			}
		}
	}()
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var last int64
			for {
				select {
				case <-done:
					return
				default:
				}
				c, err := db.Count(ctx)
				if err != nil {
					errc <- err
					return
				}
				if c.Documents < last || c.Sentences != 3*(c.Documents-4)+searchSentences {
					errc <- errors.New("reader saw a partial or shrinking store")
					return
				}
				last = c.Documents
				if _, err := db.Search(ctx, store.SearchQuery{Text: "ceasefire"}); err != nil {
					errc <- err
					return
				}
				if _, err := db.Get(ctx, searchDocs()[0].ID); err != nil {
					errc <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	if c, _ := db.Count(ctx); c.Documents != 4+batches*50 {
		t.Fatalf("documents %d", c.Documents)
	}
}

// searchSentences is the number of sentences in searchDocs (none are split).
const searchSentences = 0

// TestNearDuplicatesAcrossHandles checks that a writer sees signatures
// another process (here: another handle) stored after it loaded its buckets.
func TestNearDuplicatesAcrossHandles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "two.db")
	one, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	two, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer two.Close()
	mustPut(t, one, genDoc(1))
	mustPut(t, two, genDoc(2)) // two loads its buckets now
	a := genDoc(3)
	mustPut(t, one, a)
	b := genDoc(3)
	b.Text += " Update."
	b.ID = dedupe.ID(b.Text)
	st, err := two.Put(ctx, []*doc.Document{b})
	if err != nil {
		t.Fatal(err)
	}
	if st.NearDuplicates != 1 || b.NearDuplicateOf != a.ID {
		t.Fatalf("stats %+v, link %q want %q", st, b.NearDuplicateOf, a.ID)
	}
	// A batch cancelled before it starts leaves nothing behind.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := two.Put(cctx, genDocs(10, 5)); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled put: %v", err)
	}
	if c, _ := two.Count(ctx); c.Documents != 4 {
		t.Fatalf("documents %d", c.Documents)
	}
}

func TestPutBadDocument(t *testing.T) {
	db := openTemp(t)
	bad := fullDoc()
	bad.Events[0].Goldstein = math.NaN()
	_, err := db.Put(ctx, []*doc.Document{genDoc(1), bad})
	if err == nil || !strings.Contains(err.Error(), "document 1 of batch") {
		t.Fatalf("error %v", err)
	}
	if c, _ := db.Count(ctx); c.Documents != 0 {
		t.Fatalf("batch partly written: %+v", c)
	}
}
