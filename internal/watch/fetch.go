package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// ErrTooLarge is returned for a response body over the size limit.
var ErrTooLarge = errors.New("response too large")

// HTTPError is a response with a status other than 200 or 304.
type HTTPError struct {
	Status     int
	RetryAfter time.Duration // from a Retry-After header, 0 when absent
}

func (e *HTTPError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
}

// response is a fetched URL.
type response struct {
	status int // 200 or 304
	header http.Header
	body   []byte
	url    string // after redirects
	took   time.Duration
}

// politeClient makes GET requests with one request in flight per host and
// a minimum delay between the end of one request to a host and the start
// of the next.
type politeClient struct {
	c       *http.Client
	ua      string
	delay   time.Duration
	max     int64
	timeout time.Duration

	mu    sync.Mutex
	hosts map[string]*hostSlot
}

type hostSlot struct {
	sem  chan struct{} // one token: one request in flight
	last time.Time     // end of the last request; under the token
}

func (p *politeClient) slot(host string) *hostSlot {
	p.mu.Lock()
	defer p.mu.Unlock()
	s := p.hosts[host]
	if s == nil {
		s = &hostSlot{sem: make(chan struct{}, 1)}
		p.hosts[host] = s
	}
	return s
}

// get fetches u with the given conditional headers (may be nil).
func (p *politeClient) get(ctx context.Context, u string, cond http.Header) (*response, error) {
	pu, err := url.Parse(u)
	if err != nil || pu.Host == "" {
		return nil, fmt.Errorf("bad URL %q", u)
	}
	s := p.slot(strings.ToLower(pu.Host))
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() {
		s.last = time.Now()
		<-s.sem
	}()
	if wait := time.Until(s.last.Add(p.delay)); !s.last.IsZero() && wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return nil, ctx.Err()
		}
	}
	rctx, cancel := context.WithTimeout(ctx, p.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", p.ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.9, */*;q=0.5")
	for k, v := range cond {
		req.Header[k] = v
	}
	start := time.Now()
	resp, err := p.c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	r := &response{status: resp.StatusCode, header: resp.Header, url: resp.Request.URL.String()}
	switch resp.StatusCode {
	case http.StatusOK:
	case http.StatusNotModified:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		r.took = time.Since(start)
		return r, nil
	default:
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &HTTPError{Status: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if resp.ContentLength > p.max {
		return nil, fmt.Errorf("%w: %d bytes declared, limit %d", ErrTooLarge, resp.ContentLength, p.max)
	}
	r.body, err = io.ReadAll(io.LimitReader(resp.Body, p.max+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(r.body)) > p.max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, p.max)
	}
	r.took = time.Since(start)
	return r, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
