// Package watch keeps eventwire running on live news: it polls RSS/Atom
// feeds and web pages on a per-source schedule and ingests what is new
// through the pipeline into the store.
//
// Fetching is polite and frugal: conditional GETs (ETag /
// If-Modified-Since, 304 handled), one request in flight per host and a
// minimum delay between two requests to the same host, a User-Agent,
// response size limits and timeouts, and jittered exponential backoff
// after errors (honouring Retry-After). Feed entries whose text is only a
// short description are replaced by their linked article page. Entries
// already ingested are remembered in a State file, and documents are
// idempotent by content ID in the store, so a restart refetches nothing it
// does not need and stores nothing twice. Every fetch logs one line:
//
//	fetch https://example.org/rss.xml 200 12 items 3 new 150ms
//	fetch https://example.org/rss.xml 304 40ms
//	fetch https://example.org/a/1.html 200 article 80ms
//	fetch https://example.org/rss.xml error: HTTP 503 Service Unavailable (retry in 1m47s)
//	store https://example.org/rss.xml 3 docs 3 added 0 near-duplicates 17 events
package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/ingest/feed"
	"github.com/eventwire/eventwire/internal/ingest/htmlmeta"
	"github.com/eventwire/eventwire/internal/store"
)

// Processor turns an ingested item into a document (pipeline.Pipeline).
type Processor interface {
	FromItem(ingest.Item) *doc.Document
}

// Store is where documents go (store.Store's Put).
type Store interface {
	Put(ctx context.Context, docs []*doc.Document) (store.PutStats, error)
}

// Options tune a Watcher. Zero fields take the defaults given.
type Options struct {
	// Every is the poll interval of sources that set none (15m).
	Every time.Duration
	// UserAgent is sent with every request.
	UserAgent string
	// MaxBytes caps one response body (8 MiB).
	MaxBytes int64
	// Timeout bounds one request, body included (30s).
	Timeout time.Duration
	// HostDelay is the least time between the end of one request to a
	// host and the start of the next (2s). One request per host is in
	// flight at a time whatever its value.
	HostDelay time.Duration
	// MinBackoff and MaxBackoff bound the wait after a failed poll: it
	// doubles with each failure in a row, with jitter (1m, 6h).
	MinBackoff, MaxBackoff time.Duration
	// ShortBody is the length in characters (markup excluded) under which
	// a feed entry's text counts as a mere description, so its linked page
	// is fetched (500). Negative: never fetch linked pages.
	ShortBody int
	// Concurrency is how many sources are polled at once (4).
	Concurrency int
	// Client makes the requests (a plain http.Client).
	Client *http.Client
	// Logf prints the log lines (log.Printf to standard error).
	Logf func(format string, args ...any)
	// Lock, when set, is held around every Put, so that a slice writer
	// holding it sees either all or none of a batch.
	Lock sync.Locker
	// OnStored is called after each successful Put with its documents.
	OnStored func(docs []*doc.Document, st store.PutStats)
	// Rand returns numbers in [0, 1) for jitter (math/rand/v2).
	Rand func() float64
}

// DefaultUserAgent identifies the watcher to the sites it reads.
const DefaultUserAgent = "eventwire-watch/1.0 (news event extraction; polite polling)"

func (o *Options) defaults() {
	if o.Every <= 0 {
		o.Every = 15 * time.Minute
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 8 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.HostDelay == 0 {
		o.HostDelay = 2 * time.Second
	}
	if o.MinBackoff <= 0 {
		o.MinBackoff = time.Minute
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 6 * time.Hour
	}
	if o.MaxBackoff < o.MinBackoff {
		o.MaxBackoff = o.MinBackoff
	}
	if o.ShortBody == 0 {
		o.ShortBody = 500
	}
	if o.Concurrency <= 0 {
		o.Concurrency = 4
	}
	if o.Client == nil {
		o.Client = &http.Client{}
	}
	if o.Logf == nil {
		l := log.New(os.Stderr, "", log.LstdFlags)
		o.Logf = l.Printf
	}
	if o.Rand == nil {
		o.Rand = rand.Float64
	}
}

// Watcher polls sources and ingests their news.
type Watcher struct {
	opt   Options
	proc  Processor
	st    Store
	state *State
	http  *politeClient
}

// New returns a Watcher; state may be nil (in-memory state).
func New(proc Processor, st Store, state *State, opt Options) *Watcher {
	opt.defaults()
	if state == nil {
		state, _ = OpenState("")
	}
	return &Watcher{
		opt: opt, proc: proc, st: st, state: state,
		http: &politeClient{c: opt.Client, ua: opt.UserAgent, delay: max(opt.HostDelay, 0), max: opt.MaxBytes, timeout: opt.Timeout, hosts: map[string]*hostSlot{}},
	}
}

// Result says what one poll did.
type Result struct {
	Status      int  // 200 or 304
	Kind        Kind // what the source turned out to be
	Items       int  // entries in the feed (1 for a page)
	New         int  // entries (or page versions) not seen before
	Docs        int  // documents stored or already present
	Added       int  // documents the store did not have
	NearDup     int
	Events      int
	Errors      int // documents with read or processing errors
	Took        time.Duration
	NotModified bool
}

// Run polls every source on its schedule until ctx is done, then waits
// for the polls in flight to stop and returns nil. A failing source is
// retried with backoff; it never stops the others.
func (w *Watcher) Run(ctx context.Context, sources []Source) error {
	if len(sources) == 0 {
		return errors.New("watch: no sources")
	}
	type sched struct {
		src   Source
		due   time.Time
		fails int
		busy  bool
	}
	type done struct {
		s   *sched
		err error
	}
	now := time.Now()
	all := make([]*sched, len(sources))
	for i, s := range sources {
		all[i] = &sched{src: s, due: now}
	}
	results := make(chan done)
	running := 0
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		now = time.Now()
		var next time.Time
		for _, s := range all {
			if s.busy {
				continue
			}
			if !s.due.After(now) {
				if running < w.opt.Concurrency {
					s.busy = true
					running++
					go func(s *sched) {
						_, err := w.Poll(ctx, s.src)
						results <- done{s, err}
					}(s)
				}
				continue // when full, a result wakes the loop
			}
			if next.IsZero() || s.due.Before(next) {
				next = s.due
			}
		}
		wait := time.Hour
		if !next.IsZero() {
			wait = time.Until(next)
		}
		if !timer.Stop() {
			select {
			case <-timer.C:
			default:
			}
		}
		timer.Reset(max(wait, 0))
		select {
		case <-ctx.Done():
			for ; running > 0; running-- {
				<-results
			}
			return nil
		case d := <-results:
			running--
			d.s.busy = false
			if ctx.Err() != nil {
				continue
			}
			interval := d.s.src.Interval
			if interval <= 0 {
				interval = w.opt.Every
			}
			if d.err == nil {
				d.s.fails = 0
				// A little jitter spreads sources that share an interval.
				d.s.due = time.Now().Add(interval + time.Duration(w.opt.Rand()*0.05*float64(interval)))
				continue
			}
			d.s.fails++
			b := w.Backoff(d.s.fails, d.err)
			d.s.due = time.Now().Add(b)
			w.opt.Logf("fetch %s error: %v (retry in %v)", d.s.src.URL, d.err, b.Round(time.Second/10))
		case <-timer.C:
		}
	}
}

// Backoff is the wait after the fails-th failure in a row: MinBackoff
// doubled per earlier failure, at most MaxBackoff, at least what a
// Retry-After header asked (up to MaxBackoff), with "equal jitter" (a
// random wait between half and all of it).
func (w *Watcher) Backoff(fails int, err error) time.Duration {
	b := w.opt.MinBackoff
	for i := 1; i < fails && b < w.opt.MaxBackoff; i++ {
		b *= 2
	}
	b = min(b, w.opt.MaxBackoff)
	b = b/2 + time.Duration(w.opt.Rand()*float64(b/2))
	var he *HTTPError
	if errors.As(err, &he) && he.RetryAfter > b {
		b = min(he.RetryAfter, w.opt.MaxBackoff)
	}
	return b
}

// Poll fetches one source once and ingests what is new in it. Fetch and
// parse failures are returned (Run logs them and backs off); a 304 or an
// unchanged page is a success with nothing new.
func (w *Watcher) Poll(ctx context.Context, s Source) (Result, error) {
	var res Result
	etag, lastMod, oldHash := w.state.validators(s.URL)
	cond := http.Header{}
	if etag != "" {
		cond.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		cond.Set("If-Modified-Since", lastMod)
	}
	resp, err := w.http.get(ctx, s.URL, cond)
	if err != nil {
		return res, err
	}
	res.Status, res.Took = resp.status, resp.took
	if resp.status == http.StatusNotModified {
		res.NotModified = true
		w.opt.Logf("fetch %s 304 %v", s.URL, ms(resp.took))
		return res, nil
	}
	newETag, newLastMod := resp.header.Get("ETag"), resp.header.Get("Last-Modified")
	sum := sha256.Sum256(resp.body)
	hash := hex.EncodeToString(sum[:16])

	kind := s.Kind
	if kind == KindAuto {
		head := resp.body[:min(len(resp.body), 8192)]
		switch ingest.Detect(head, resp.url) {
		case ingest.KindRSS, ingest.KindAtom:
			kind = KindFeed
		default:
			kind = KindPage
		}
	}
	res.Kind = kind
	if kind == KindPage {
		return w.page(ctx, s, resp, hash, oldHash, newETag, newLastMod, res)
	}

	f, err := feed.Parse(bytes.NewReader(resp.body), w.opt.MaxBytes)
	if err != nil {
		return res, fmt.Errorf("parse feed: %w", err)
	}
	res.Items = len(f.Entries)
	type todo struct {
		e   feed.Entry
		key string
	}
	var fresh []todo
	for _, e := range f.Entries {
		e.Link = resolveLink(resp.url, e.Link)
		k := entryKey(e)
		if !w.state.Seen(s.URL, k) {
			fresh = append(fresh, todo{e, k})
		}
	}
	res.New = len(fresh)
	w.opt.Logf("fetch %s %d %d items %d new %v", s.URL, resp.status, res.Items, res.New, ms(resp.took))

	feedKind := ingest.KindRSS
	if f.Type == "atom" {
		feedKind = ingest.KindAtom
	}
	var items []ingest.Item
	var keys []string
	for _, t := range fresh {
		it, ok := w.entryItem(ctx, s, f, t.e, feedKind)
		if ctx.Err() != nil {
			return res, ctx.Err() // nothing marked: the next run redoes these
		}
		keys = append(keys, t.key)
		if ok {
			items = append(items, it)
		}
	}
	if err := w.ingest(ctx, s, items, &res); err != nil {
		return res, err
	}
	w.state.markSeen(s.URL, keys)
	w.state.setValidators(s.URL, newETag, newLastMod, hash)
	if err := w.state.Save(); err != nil {
		return res, err
	}
	return res, nil
}

// page ingests a page source when its content changed.
func (w *Watcher) page(ctx context.Context, s Source, resp *response, hash, oldHash, etag, lastMod string, res Result) (Result, error) {
	res.Items = 1
	if hash != oldHash {
		res.New = 1
	}
	w.opt.Logf("fetch %s %d page %d new %v", s.URL, resp.status, res.New, ms(resp.took))
	if res.New > 0 {
		it := w.pageItem(s.URL, resp)
		if err := w.ingest(ctx, s, []ingest.Item{it}, &res); err != nil {
			return res, err
		}
	}
	w.state.setValidators(s.URL, etag, lastMod, hash)
	return res, w.state.Save()
}

// entryKey identifies a feed entry across polls: its link, else a hash of
// its title and body.
func entryKey(e feed.Entry) string {
	if e.Link != "" {
		return e.Link
	}
	sum := sha256.Sum256([]byte(e.Title + "\x00" + e.Body))
	return "sha256:" + hex.EncodeToString(sum[:16])
}

// entryItem makes the item of a feed entry, fetching its linked page when
// the entry carries only a short description. ok is false for an entry
// with nothing to read.
func (w *Watcher) entryItem(ctx context.Context, s Source, f *feed.Feed, e feed.Entry, kind ingest.Kind) (ingest.Item, bool) {
	it := ingest.Item{
		Origin:  s.URL + "#item=" + strconv.Itoa(e.Index),
		Kind:    kind,
		URL:     e.Link,
		Title:   e.Title,
		PubDate: e.PubDate,
		Source:  htmlmeta.Host(e.Link),
	}
	if it.Source == "" {
		it.Source = htmlmeta.Host(s.URL)
	}
	if e.Link != "" && w.opt.ShortBody > 0 && textLen(e.Body) < w.opt.ShortBody {
		resp, err := w.http.get(ctx, e.Link, nil)
		switch {
		case err != nil:
			if ctx.Err() == nil {
				w.opt.Logf("fetch %s error: %v (using the feed's text)", e.Link, err)
			}
		case !looksHTML(resp):
			w.opt.Logf("fetch %s %d not HTML (%s), using the feed's text %v", e.Link, resp.status, resp.header.Get("Content-Type"), ms(resp.took))
		default:
			w.opt.Logf("fetch %s %d article %v", e.Link, resp.status, ms(resp.took))
			p := w.pageItem(e.Link, resp)
			p.Origin, p.Kind = it.Origin, kind
			// The feed's own fields beat what the page says about itself.
			if it.Title != "" {
				p.Title = it.Title
			}
			if it.PubDate != "" {
				p.PubDate = it.PubDate
			}
			return p, true
		}
	}
	if e.Empty {
		return it, false
	}
	it.Body = []byte(strings.ToValidUTF8(e.Body, "\uFFFD"))
	it.IsHTML = e.IsHTML
	return it, true
}

// pageItem makes the item of a fetched HTML page.
func (w *Watcher) pageItem(u string, resp *response) ingest.Item {
	body, warn := toUTF8(resp.body, resp.header.Get("Content-Type"))
	m := htmlmeta.Extract(body, resp.url)
	it := ingest.Item{
		Origin:  u,
		Kind:    ingest.KindHTML,
		URL:     resp.url,
		Title:   m.Title,
		PubDate: m.PubDate,
		Source:  htmlmeta.Host(resp.url),
		Body:    body,
		IsHTML:  true,
	}
	if m.URL != "" {
		it.URL = m.URL
	}
	if warn != "" {
		it.Warn = append(it.Warn, doc.Error{Origin: u, Stage: "read", Message: warn})
	}
	return it
}

// ingest runs the pipeline over items and stores the documents.
func (w *Watcher) ingest(ctx context.Context, s Source, items []ingest.Item, res *Result) error {
	if len(items) == 0 {
		return nil
	}
	var docs []*doc.Document
	for _, it := range items {
		d := w.proc.FromItem(it)
		if len(d.Errors) > 0 {
			res.Errors++
		}
		if d.Text == "" {
			for _, e := range d.Errors {
				w.opt.Logf("skip %s: %s", it.Origin, e.Error())
			}
			continue
		}
		docs = append(docs, d)
		res.Events += len(d.Events)
	}
	if len(docs) == 0 {
		return nil
	}
	if w.opt.Lock != nil {
		w.opt.Lock.Lock()
	}
	// A started batch is stored whole even when ctx is cancelled meanwhile.
	st, err := w.st.Put(context.WithoutCancel(ctx), docs)
	if w.opt.Lock != nil {
		w.opt.Lock.Unlock()
	}
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	res.Docs, res.Added, res.NearDup = len(docs), st.Added, st.NearDuplicates
	w.opt.Logf("store %s %d docs %d added %d near-duplicates %d events", s.URL, len(docs), st.Added, st.NearDuplicates, res.Events)
	if w.opt.OnStored != nil {
		w.opt.OnStored(docs, st)
	}
	return nil
}

func looksHTML(r *response) bool {
	ct := strings.ToLower(r.header.Get("Content-Type"))
	if strings.Contains(ct, "html") {
		return true
	}
	if ct != "" && !strings.HasPrefix(ct, "text/plain") && !strings.Contains(ct, "octet-stream") {
		return false
	}
	return ingest.Detect(r.body[:min(len(r.body), 8192)], r.url) == ingest.KindHTML
}

// toUTF8 decodes a page from the charset its header or markup declares.
func toUTF8(b []byte, contentType string) ([]byte, string) {
	if utf8.Valid(b) && !strings.Contains(strings.ToLower(contentType), "charset=") {
		return b, ""
	}
	r, err := charset.NewReader(bytes.NewReader(b), contentType)
	if err != nil {
		return []byte(strings.ToValidUTF8(string(b), "\uFFFD")), "unknown charset: invalid bytes replaced"
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return []byte(strings.ToValidUTF8(string(b), "\uFFFD")), "charset conversion failed: invalid bytes replaced"
	}
	if !utf8.Valid(out) {
		return []byte(strings.ToValidUTF8(string(out), "\uFFFD")), "invalid UTF-8 replaced"
	}
	return out, ""
}

// textLen counts the letters and digits of s outside markup tags.
func textLen(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsPunct(r)):
			n++
		}
	}
	return n
}

// resolveLink makes a relative entry link absolute against the feed's URL;
// links that are not http(s) are dropped.
func resolveLink(base, link string) string {
	if link == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	u, err := b.Parse(link)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

func ms(d time.Duration) string { return strconv.FormatInt(d.Milliseconds(), 10) + "ms" }
