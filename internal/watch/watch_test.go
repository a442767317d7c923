package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// textProc is a stand-in pipeline: the document text is the item body
// without markup.
type textProc struct{}

var tags = regexp.MustCompile(`<[^>]*>`)

func (textProc) FromItem(it ingest.Item) *doc.Document {
	text := strings.Join(strings.Fields(tags.ReplaceAllString(string(it.Body), " ")), " ")
	return &doc.Document{ID: dedupe.ID(text), URL: it.URL, Title: it.Title, PubDate: it.PubDate, Source: it.Source, Origin: it.Origin, Text: text, Lang: "en"}
}

// memStore is an idempotent in-memory store.
type memStore struct {
	mu   sync.Mutex
	docs map[string]*doc.Document
	puts int
}

func (m *memStore) Put(_ context.Context, docs []*doc.Document) (store.PutStats, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.docs == nil {
		m.docs = map[string]*doc.Document{}
	}
	m.puts++
	var st store.PutStats
	for _, d := range docs {
		if _, ok := m.docs[d.ID]; ok {
			st.Skipped++
			continue
		}
		m.docs[d.ID] = d
		st.Added++
	}
	return st, nil
}

func (m *memStore) len() int { m.mu.Lock(); defer m.mu.Unlock(); return len(m.docs) }

// site is a test news site: a feed whose entries can be added, article
// pages, and a log of the requests it got.
type site struct {
	mu       sync.Mutex
	entries  []entry
	version  int
	fail     int // answer this many requests with 500 first
	reqs     []req
	inFlight atomic.Int32
	maxPar   atomic.Int32
	noCond   bool // ignore conditional headers (always 200)
}

type entry struct{ title, link, desc string }

type req struct {
	path, ifNoneMatch, ifModSince, ua string
	start, end                        time.Time
}

func (s *site) handler(w http.ResponseWriter, r *http.Request) {
	n := s.inFlight.Add(1)
	defer s.inFlight.Add(-1)
	for {
		m := s.maxPar.Load()
		if n <= m || s.maxPar.CompareAndSwap(m, n) {
			break
		}
	}
	rq := req{path: r.URL.Path, ifNoneMatch: r.Header.Get("If-None-Match"), ifModSince: r.Header.Get("If-Modified-Since"), ua: r.UserAgent(), start: time.Now()}
	defer func() {
		rq.end = time.Now()
		s.mu.Lock()
		s.reqs = append(s.reqs, rq)
		s.mu.Unlock()
	}()
	time.Sleep(2 * time.Millisecond) // a request takes a little while
	s.mu.Lock()
	fail := s.fail > 0
	if fail {
		s.fail--
	}
	version, entries, noCond := s.version, append([]entry(nil), s.entries...), s.noCond
	s.mu.Unlock()
	if fail {
		http.Error(w, "down", http.StatusInternalServerError)
		return
	}
	switch {
	case strings.HasPrefix(r.URL.Path, "/feed"):
		etag := fmt.Sprintf(`"v%d"`, version)
		lm := time.Date(2026, 3, 1, 0, version, 0, 0, time.UTC).Format(http.TimeFormat)
		if !noCond && r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lm)
		w.Header().Set("Content-Type", "application/rss+xml")
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test News</title><link>http://example.org/</link>`)
		for _, e := range entries {
			fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate><description><![CDATA[%s]]></description></item>", e.title, e.link, e.desc)
		}
		b.WriteString("</channel></rss>")
		fmt.Fprint(w, b.String())
	case strings.HasPrefix(r.URL.Path, "/a/"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><head><title>Article %s</title><meta property="article:published_time" content="2026-03-10"></head><body><article><p>Full article text of %s. The ministers met in Paris on Tuesday and signed the agreement.</p></article></body></html>`, r.URL.Path, r.URL.Path)
	case r.URL.Path == "/page":
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, "<html><body><p>Live page version %d with the latest statement.</p></body></html>", version)
	case r.URL.Path == "/big":
		fmt.Fprint(w, strings.Repeat("x", 5000))
	default:
		http.NotFound(w, r)
	}
}

func (s *site) add(e entry) {
	s.mu.Lock()
	s.entries = append(s.entries, e)
	s.version++
	s.mu.Unlock()
}

func (s *site) requests(prefix string) []req {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []req
	for _, r := range s.reqs {
		if strings.HasPrefix(r.path, prefix) {
			out = append(out, r)
		}
	}
	return out
}

func newSite(t *testing.T) (*site, *httptest.Server) {
	s := &site{}
	srv := httptest.NewServer(http.HandlerFunc(s.handler)) // 127.0.0.1 only
	t.Cleanup(srv.Close)
	return s, srv
}

type logBuf struct {
	mu    sync.Mutex
	lines []string
}

func (l *logBuf) logf(format string, args ...any) {
	l.mu.Lock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
	l.mu.Unlock()
}

func (l *logBuf) has(re string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	r := regexp.MustCompile(re)
	for _, s := range l.lines {
		if r.MatchString(s) {
			return true
		}
	}
	return false
}

func testOpts(l *logBuf) Options {
	return Options{HostDelay: -1, Logf: l.logf, Rand: func() float64 { return 1 }, Timeout: 5 * time.Second}
}

const longDesc = "The foreign ministers of both countries met on Tuesday in the capital and signed a wide agreement on trade, energy and security cooperation, officials said, adding that the accord would be ratified by both parliaments within the next months and that a follow-up summit was planned for the autumn, when the two leaders are expected to review progress on the commitments made and to discuss further steps on climate, migration and regional stability. " +
	"Opposition parties criticised the deal as rushed, while business groups welcomed the lower tariffs it promises."

func TestConditionalGetAndNewItems(t *testing.T) {
	s, srv := newSite(t)
	s.add(entry{"One", srv.URL + "/a/1", longDesc + " one"})
	s.add(entry{"Two", srv.URL + "/a/2", longDesc + " two"})
	var l logBuf
	st := &memStore{}
	w := New(textProc{}, st, nil, testOpts(&l))
	src := Source{URL: srv.URL + "/feed", Kind: KindFeed}
	ctx := context.Background()

	r, err := w.Poll(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != 200 || r.Items != 2 || r.New != 2 || r.Added != 2 {
		t.Fatalf("first poll %+v", r)
	}
	if !l.has(`^fetch http://127\.0\.0\.1:\d+/feed 200 2 items 2 new \d+ms$`) {
		t.Errorf("no fetch log line: %q", l.lines)
	}
	// Unchanged: the validators come back and the server answers 304.
	r, err = w.Poll(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if !r.NotModified || r.Status != 304 {
		t.Errorf("second poll %+v, want 304", r)
	}
	feeds := s.requests("/feed")
	if last := feeds[len(feeds)-1]; last.ifNoneMatch != `"v2"` || last.ifModSince == "" || last.ua != DefaultUserAgent {
		t.Errorf("conditional headers not sent: %+v", last)
	}
	if !l.has(`/feed 304 \d+ms$`) {
		t.Errorf("no 304 log line: %q", l.lines)
	}
	// A new entry is picked up on the next poll, and only it.
	s.add(entry{"Three", srv.URL + "/a/3", longDesc + " three"})
	r, err = w.Poll(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if r.Items != 3 || r.New != 1 || r.Added != 1 || st.len() != 3 {
		t.Errorf("third poll %+v, store %d", r, st.len())
	}
	if n := len(s.requests("/a/")); n != 0 {
		t.Errorf("entries with full text fetched %d article pages", n)
	}
}

func TestShortEntriesFetchTheirPage(t *testing.T) {
	s, srv := newSite(t)
	s.add(entry{"Short", srv.URL + "/a/short", "Ministers meet."})
	s.add(entry{"Long", srv.URL + "/a/long", longDesc})
	var l logBuf
	st := &memStore{}
	w := New(textProc{}, st, nil, testOpts(&l))
	if _, err := w.Poll(context.Background(), Source{URL: srv.URL + "/feed"}); err != nil {
		t.Fatal(err)
	}
	pages := s.requests("/a/")
	if len(pages) != 1 || pages[0].path != "/a/short" {
		t.Fatalf("article fetches %+v, want only /a/short", pages)
	}
	var short *doc.Document
	for _, d := range st.docs {
		if strings.HasSuffix(d.URL, "/a/short") {
			short = d
		}
	}
	if short == nil || !strings.Contains(short.Text, "Full article text of /a/short") || short.Title != "Short" || short.PubDate != "2026-03-10" {
		t.Errorf("short entry not replaced by its page: %+v", short)
	}
	if !l.has(`^fetch http://127\.0\.0\.1:\d+/a/short 200 article \d+ms$`) {
		t.Errorf("no article log line: %q", l.lines)
	}
	// With linked pages turned off the description is used.
	s2, srv2 := newSite(t)
	s2.add(entry{"Short", srv2.URL + "/a/short", "Ministers meet."})
	o := testOpts(&l)
	o.ShortBody = -1
	st2 := &memStore{}
	if _, err := New(textProc{}, st2, nil, o).Poll(context.Background(), Source{URL: srv2.URL + "/feed"}); err != nil {
		t.Fatal(err)
	}
	if len(s2.requests("/a/")) != 0 || st2.len() != 1 {
		t.Errorf("ShortBody<0 still fetched pages or stored %d docs", st2.len())
	}
}

func TestRestartNoDuplicates(t *testing.T) {
	s, srv := newSite(t)
	s.noCond = true // a server that ignores conditional GETs
	for i := 0; i < 3; i++ {
		s.add(entry{fmt.Sprint("Item ", i), fmt.Sprintf("%s/a/%d", srv.URL, i), "Short text."})
	}
	dir := t.TempDir()
	db, err := sqlite.Open(filepath.Join(dir, "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	statePath := filepath.Join(dir, "watch.json")
	var l logBuf
	src := Source{URL: srv.URL + "/feed"}
	run := func(state string) Result {
		t.Helper()
		stt, err := OpenState(state)
		if err != nil {
			t.Fatal(err)
		}
		r, err := New(textProc{}, db, stt, testOpts(&l)).Poll(context.Background(), src)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if r := run(statePath); r.New != 3 || r.Added != 3 {
		t.Fatalf("first run %+v", r)
	}
	pages := len(s.requests("/a/"))
	// A restarted watcher with its state file: nothing new, no page fetched.
	if r := run(statePath); r.New != 0 || r.Docs != 0 {
		t.Errorf("restart: %+v", r)
	}
	if n := len(s.requests("/a/")); n != pages {
		t.Errorf("restart refetched %d article pages", n-pages)
	}
	// Even with the state lost, the store keeps one copy of each document.
	if r := run(""); r.New != 3 || r.Added != 0 {
		t.Errorf("lost state: %+v", r)
	}
	c, err := db.Count(context.Background())
	if err != nil || c.Documents != 3 {
		t.Errorf("store holds %d documents (%v), want 3", c.Documents, err)
	}
}

func TestBackoffAfterErrors(t *testing.T) {
	s, srv := newSite(t)
	s.add(entry{"One", srv.URL + "/a/1", longDesc})
	s.fail = 4
	var l logBuf
	o := testOpts(&l)
	o.MinBackoff, o.MaxBackoff = 40*time.Millisecond, 100*time.Millisecond
	o.Every = time.Hour
	st := &memStore{}
	w := New(textProc{}, st, nil, o)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	go func() {
		for ctx.Err() == nil && st.len() == 0 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	if err := w.Run(ctx, []Source{{URL: srv.URL + "/feed"}}); err != nil {
		t.Fatal(err)
	}
	if st.len() != 1 {
		t.Fatalf("feed never recovered: %d docs", st.len())
	}
	feeds := s.requests("/feed")
	if len(feeds) != 5 {
		t.Fatalf("%d feed requests, want 4 failures and 1 success", len(feeds))
	}
	// Rand is 1, so the waits are exactly 40, 80, 100, 100 ms (capped).
	want := []time.Duration{40, 80, 100, 100}
	for i := 1; i < len(feeds); i++ {
		gap := feeds[i].start.Sub(feeds[i-1].end)
		if gap < want[i-1]*time.Millisecond {
			t.Errorf("retry %d after %v, want at least %vms", i, gap, want[i-1])
		}
	}
	if !l.has(`/feed error: HTTP 500 Internal Server Error \(retry in `) {
		t.Errorf("no error log line: %q", l.lines)
	}
}

func TestBackoffSchedule(t *testing.T) {
	cases := []struct {
		fails    int
		rnd      float64
		err      error
		min, max time.Duration
	}{
		{1, 0, errors.New("x"), 30 * time.Second, 30 * time.Second},
		{1, 1, errors.New("x"), time.Minute, time.Minute},
		{3, 1, errors.New("x"), 4 * time.Minute, 4 * time.Minute},
		{3, 0.5, errors.New("x"), 3 * time.Minute, 3 * time.Minute},
		{50, 1, errors.New("x"), 6 * time.Hour, 6 * time.Hour},
		{1, 0, &HTTPError{Status: 429, RetryAfter: 10 * time.Minute}, 10 * time.Minute, 10 * time.Minute},
		{1, 0, &HTTPError{Status: 503, RetryAfter: 48 * time.Hour}, 6 * time.Hour, 6 * time.Hour},
	}
	for _, c := range cases {
		w := New(textProc{}, &memStore{}, nil, Options{Rand: func() float64 { return c.rnd }, Logf: func(string, ...any) {}})
		if got := w.Backoff(c.fails, c.err); got < c.min || got > c.max {
			t.Errorf("Backoff(%d, rand %v, %v) = %v, want in [%v, %v]", c.fails, c.rnd, c.err, got, c.min, c.max)
		}
	}
	if d := retryAfter("120", time.Now()); d != 2*time.Minute {
		t.Errorf("Retry-After seconds: %v", d)
	}
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if d := retryAfter(now.Add(time.Hour).Format(http.TimeFormat), now); d != time.Hour {
		t.Errorf("Retry-After date: %v", d)
	}
}

func TestHostPoliteness(t *testing.T) {
	s, srv := newSite(t)
	s.add(entry{"One", srv.URL + "/a/1", "short"})
	s.add(entry{"Two", srv.URL + "/a/2", "short"})
	var l logBuf
	o := testOpts(&l)
	o.HostDelay = 60 * time.Millisecond
	o.Every = time.Hour
	st := &memStore{}
	w := New(textProc{}, st, nil, o)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	go func() {
		for ctx.Err() == nil && len(s.requests("/")) < 5 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel()
	}()
	// Three sources on one host, polled concurrently.
	srcs := []Source{{URL: srv.URL + "/feed?a"}, {URL: srv.URL + "/feed?b"}, {URL: srv.URL + "/page", Kind: KindPage}}
	if err := w.Run(ctx, srcs); err != nil {
		t.Fatal(err)
	}
	all := s.requests("/")
	if len(all) < 5 {
		t.Fatalf("only %d requests", len(all))
	}
	if p := s.maxPar.Load(); p != 1 {
		t.Errorf("%d requests in flight at once on one host", p)
	}
	for i := 1; i < len(all); i++ {
		if gap := all[i].start.Sub(all[i-1].end); gap < o.HostDelay {
			t.Errorf("request %d (%s) started %v after the previous ended, want >= %v", i, all[i].path, gap, o.HostDelay)
		}
	}
}

func TestPageSourceAndLimits(t *testing.T) {
	s, srv := newSite(t)
	var l logBuf
	st := &memStore{}
	w := New(textProc{}, st, nil, testOpts(&l))
	ctx := context.Background()
	page := Source{URL: srv.URL + "/page"} // kind decided from the response
	r, err := w.Poll(ctx, page)
	if err != nil || r.Kind != KindPage || r.New != 1 || r.Added != 1 {
		t.Fatalf("page poll %+v %v", r, err)
	}
	if r, _ = w.Poll(ctx, page); r.New != 0 || r.Docs != 0 {
		t.Errorf("unchanged page counted as new: %+v", r)
	}
	s.add(entry{"x", srv.URL + "/a/x", "y"}) // bumps the page version
	if r, _ = w.Poll(ctx, page); r.New != 1 || r.Added != 1 {
		t.Errorf("changed page not ingested: %+v", r)
	}
	o := testOpts(&l)
	o.MaxBytes = 1000
	if _, err := New(textProc{}, st, nil, o).Poll(ctx, Source{URL: srv.URL + "/big"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversized response: %v", err)
	}
	var he *HTTPError
	if _, err := w.Poll(ctx, Source{URL: srv.URL + "/missing"}); !errors.As(err, &he) || he.Status != 404 {
		t.Errorf("404: %v", err)
	}
	if _, err := w.Poll(ctx, Source{URL: srv.URL + "/page", Kind: KindFeed}); err == nil {
		t.Error("a feed source answering with a non-feed was accepted")
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	_, srv := newSite(t)
	var l logBuf
	w := New(textProc{}, &memStore{}, nil, testOpts(&l))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx, []Source{{URL: srv.URL + "/page", Interval: time.Hour}}) }()
	for !l.has("/page 200") {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop after cancel")
	}
	if err := w.Run(context.Background(), nil); err == nil {
		t.Error("Run without sources accepted")
	}
}

func TestParseSources(t *testing.T) {
	good := `# news
https://example.org/rss.xml
https://example.org/atom.xml   interval=10m   # every ten minutes
	https://example.org/live kind=page interval=1h

http://example.com/feed kind=feed
`
	got, err := ParseSources(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	want := []Source{
		{URL: "https://example.org/rss.xml", Line: 2},
		{URL: "https://example.org/atom.xml", Interval: 10 * time.Minute, Line: 3},
		{URL: "https://example.org/live", Kind: KindPage, Interval: time.Hour, Line: 4},
		{URL: "http://example.com/feed", Kind: KindFeed, Line: 6},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	bad := []struct{ in, msg string }{
		{"ftp://example.org/x", "line 1"},
		{"example.org/rss", "not an http(s) URL"},
		{"https://a.org/x interval=5s", "shorter than"},
		{"https://a.org/x interval=soon", "interval"},
		{"https://a.org/x kind=video", "kind"},
		{"https://a.org/x color=red", "unknown option"},
		{"https://a.org/x oops", "key=value"},
		{"https://a.org/x\n\nhttps://a.org/x", "line 3: https://a.org/x already listed on line 1"},
	}
	for _, c := range bad {
		if _, err := ParseSources(strings.NewReader(c.in)); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("ParseSources(%q) = %v, want error containing %q", c.in, err, c.msg)
		}
	}
}

func FuzzParseSources(f *testing.F) {
	f.Add("https://example.org/rss interval=10m kind=feed # x\n# c\n")
	f.Add("http://a/ kind=page\nhttp://a/")
	f.Fuzz(func(t *testing.T, s string) {
		srcs, err := ParseSources(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, x := range srcs {
			if !strings.HasPrefix(x.URL, "http://") && !strings.HasPrefix(x.URL, "https://") {
				t.Errorf("accepted URL %q", x.URL)
			}
			if x.Interval != 0 && x.Interval < MinInterval {
				t.Errorf("accepted interval %v", x.Interval)
			}
		}
	})
}

func TestResolveLink(t *testing.T) {
	cases := []struct{ base, link, want string }{
		{"https://example.org/news/rss.xml", "/a/1.html", "https://example.org/a/1.html"},
		{"https://example.org/news/rss.xml", "story.html", "https://example.org/news/story.html"},
		{"https://example.org/rss", "http://other.example/x", "http://other.example/x"},
		{"https://example.org/rss", "javascript:alert(1)", ""},
		{"https://example.org/rss", "mailto:x@example.org", ""},
		{"https://example.org/rss", "", ""},
	}
	for _, c := range cases {
		if got := resolveLink(c.base, c.link); got != c.want {
			t.Errorf("resolveLink(%q, %q) = %q, want %q", c.base, c.link, got, c.want)
		}
	}
}
