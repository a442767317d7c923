package api

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

var ctx = context.Background()

// examples are the documents of /examples run through the pipeline once
// per test binary.
var (
	examplesOnce sync.Once
	examples     []*doc.Document
	examplesErr  error
)

func exampleDocs(t testing.TB) []*doc.Document {
	t.Helper()
	examplesOnce.Do(func() {
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			examplesErr = err
			return
		}
		it := ingest.Walk(ctx, []string{filepath.Join("..", "..", "examples")}, ingest.Options{})
		defer it.Close()
		for it.Next() {
			d := p.FromItem(it.Item())
			if d.Text != "" {
				examples = append(examples, d)
			}
		}
	})
	if examplesErr != nil {
		t.Fatal(examplesErr)
	}
	if len(examples) < 5 {
		t.Fatalf("only %d example documents were read", len(examples))
	}
	// Put fills IDs in place: hand out copies.
	out := make([]*doc.Document, len(examples))
	for i, d := range examples {
		c := *d
		out[i] = &c
	}
	return out
}

func i64(n int64) *int64 { return &n }

// span finds sub in text.
func span(t testing.TB, text, sub string) doc.Span {
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("fixture: %q not in text", sub)
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

type evSpec struct {
	src, tgt  string // "text=ACTOR"
	code      cameo.EventCode
	date      string
	place     *doc.Place
	negated   bool
	killed    *int64
	sentence  int
	goldstein float64
}

func participant(t testing.TB, text, spec string) *doc.Participant {
	if spec == "" {
		return nil
	}
	name, actor, _ := strings.Cut(spec, "=")
	return &doc.Participant{Span: span(t, text, name), Text: name, Actor: cameo.ActorCode(actor)}
}

// handDoc builds a document whose sentences are sents and whose events
// follow specs, each tied to its sentence.
func handDoc(t testing.TB, title, url, pubdate string, sents []string, specs []evSpec) *doc.Document {
	text := strings.Join(sents, " ")
	d := &doc.Document{URL: url, Title: title, PubDate: pubdate, Lang: "en", Text: text}
	if url != "" {
		d.Source = strings.SplitN(strings.TrimPrefix(url, "https://"), "/", 2)[0]
	}
	off := 0
	for _, s := range sents {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: off, End: off + len(s)}})
		off += len(s) + 1
	}
	for _, sp := range specs {
		root := sp.code.Root()
		e := doc.Event{
			Source: participant(t, text, sp.src), Target: participant(t, text, sp.tgt),
			Code: sp.code, Root: root, QuadClass: root.Quad(), Goldstein: sp.goldstein,
			Negated: sp.negated, Modality: doc.Asserted, Date: sp.date, Place: sp.place,
			Killed: sp.killed, Sentence: sp.sentence, Span: d.Sentences[sp.sentence].Span, Confidence: 0.8,
		}
		d.Events = append(d.Events, e)
	}
	d.ID = dedupe.ID(text)
	return d
}

var (
	paris = &doc.Place{Text: "Paris", Name: "Paris", Country: "FR", Lat: 48.85341, Lon: 2.3488}
	kyiv  = &doc.Place{Text: "Kyiv", Name: "Kyiv", Country: "UA", Lat: 50.45466, Lon: 30.5238}
)

// handDocs are three documents with known events across all quad classes,
// dated 1997 so that filters on that year isolate them from the examples.
func handDocs(t testing.TB) []*doc.Document {
	d1 := handDoc(t, "Obama and Hollande meet in Paris", "https://wire.example/a/1", "1997-11-24",
		[]string{
			"Barack Obama met François Hollande in Paris on Tuesday.",
			"Obama promised Hollande more intelligence sharing.",
			"Hollande did not criticize Obama.",
		},
		[]evSpec{
			{src: "Barack Obama=USAGOV", tgt: "François Hollande=FRAGOV", code: "040", date: "1997-11-24", place: paris, goldstein: 1},
			{src: "Obama=USAGOV", tgt: "Hollande=FRAGOV", code: "057", date: "1997-11-24", sentence: 1, goldstein: 4.5},
			{src: "Hollande=FRAGOV", tgt: "Obama=USAGOV", code: "111", date: "1997-11-24", sentence: 2, negated: true, goldstein: -2},
		})
	d2 := handDoc(t, "Russian forces shell Kyiv", "https://wire.example/a/2", "1997-03-01",
		[]string{
			"Russian forces shelled Kyiv, killing 12 people.",
			"Ukraine's government condemned Russia.",
			"The United States sent aid to Ukraine.",
		},
		[]evSpec{
			{src: "Russian forces=RUSMIL", tgt: "Kyiv=UKR", code: "190", date: "1997-03-01", place: kyiv, killed: i64(12), goldstein: -10},
			{src: "Ukraine's government=UKRGOV", tgt: "Russia=RUS", code: "111", date: "1997-03-02", sentence: 1, place: kyiv, goldstein: -2},
			{src: "The United States=USA", tgt: "Ukraine=UKR", code: "070", date: "1997-03-07", sentence: 2, goldstein: 7},
		})
	d3 := handDoc(t, "Talks in Paris", "https://other.example/b/3", "1997-03-08",
		[]string{"Ukrainian and Russian delegates met in Paris.", "Officials from France hosted them."},
		[]evSpec{
			{src: "Ukrainian=UKR", tgt: "Russian=RUS", code: "043", date: "1997-03-08", place: paris, goldstein: 2.8},
		})
	return []*doc.Document{d1, d2, d3}
}

// fixture is a server over a store holding the examples and hand documents.
type fixture struct {
	t    *testing.T
	db   *sqlite.DB
	api  *Server
	srv  *httptest.Server
	hand []*doc.Document
	n    int // documents stored
}

type option func(*Options)

func newFixture(t *testing.T, opts ...option) *fixture {
	t.Helper()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "api.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ex := exampleDocs(t)
	hand := handDocs(t)
	all := append(ex, hand...)
	st, err := db.Put(ctx, all)
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Reader: db, Analytics: db, Writer: db, Poll: 50 * time.Millisecond, Heartbeat: 200 * time.Millisecond}
	for _, f := range opts {
		f(&o)
	}
	s, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s.Handler()) // 127.0.0.1
	t.Cleanup(func() { s.Close(); srv.Close() })
	return &fixture{t: t, db: db, api: s, srv: srv, hand: hand, n: st.Added}
}

// get fetches path and returns status, headers and body.
func (f *fixture) get(path string) (int, http.Header, []byte) {
	f.t.Helper()
	return f.do("GET", path, "", nil, nil)
}

func (f *fixture) do(method, path, ctype string, body io.Reader, hdr map[string]string) (int, http.Header, []byte) {
	f.t.Helper()
	req, err := http.NewRequest(method, f.srv.URL+path, body)
	if err != nil {
		f.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		f.t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, b
}

// getJSON fetches path, requires 200, and decodes the body into v.
func (f *fixture) getJSON(path string, v any) {
	f.t.Helper()
	code, h, b := f.get(path)
	if code != 200 {
		f.t.Fatalf("GET %s: %d %s", path, code, b)
	}
	if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		f.t.Fatalf("GET %s: Content-Type %q", path, ct)
	}
	if err := json.Unmarshal(b, v); err != nil {
		f.t.Fatalf("GET %s: %v in %s", path, err, b)
	}
}

// errBody is the error envelope.
type errBody struct {
	Error struct {
		Kind    string `json:"kind"`
		Message string `json:"message"`
		Param   string `json:"param"`
	} `json:"error"`
}
