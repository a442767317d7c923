package api

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
)

// fakeProc codes every posted text as one document with two events, so
// the stream test does not depend on what the real coder finds.
type fakeProc struct {
	t testing.TB
	n atomic.Int64
}

func (p *fakeProc) FromItem(it ingest.Item) *doc.Document {
	n := p.n.Add(1)
	return handDoc(p.t, fmt.Sprintf("Posted %d", n), "", "1998-01-02", []string{
		fmt.Sprintf("Germany (%d) thanked Poland.", n), string(it.Body),
	}, []evSpec{
		{src: "Germany=DEU", tgt: "Poland=POL", code: "051", goldstein: 3.4},
		{src: "Poland=POL", tgt: "Germany=DEU", code: "111", goldstein: -2, sentence: 0},
	})
}

type sse struct {
	comment, event, id, data string
}

// openStream connects to /api/stream and returns its messages; cancel
// disconnects.
func openStream(t *testing.T, f *fixture) (<-chan sse, context.CancelFunc) {
	t.Helper()
	cctx, cancel := context.WithCancel(ctx)
	req, _ := http.NewRequestWithContext(cctx, "GET", f.srv.URL+"/api/stream", nil)
	resp, err := f.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("stream: %d %v", resp.StatusCode, resp.Header)
	}
	out := make(chan sse, 100)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		r := bufio.NewReader(resp.Body)
		var m sse
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			switch {
			case line == "":
				if m != (sse{}) {
					out <- m
				}
				m = sse{}
			case strings.HasPrefix(line, ":"):
				m.comment = strings.TrimSpace(line[1:])
			case strings.HasPrefix(line, "event: "):
				m.event = line[7:]
			case strings.HasPrefix(line, "id: "):
				m.id = line[4:]
			case strings.HasPrefix(line, "data: "):
				m.data = line[6:]
			}
		}
	}()
	// The first message says the subscription is in place.
	select {
	case m := <-out:
		if m.comment != "connected" {
			t.Fatalf("first message %+v", m)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no connected comment")
	}
	return out, cancel
}

// nextEvents collects n "event" messages, skipping comments.
func nextEvents(t *testing.T, ch <-chan sse, n int) []evItem {
	t.Helper()
	var got []evItem
	deadline := time.After(10 * time.Second)
	for len(got) < n {
		select {
		case m, ok := <-ch:
			if !ok {
				t.Fatalf("stream closed after %d events", len(got))
			}
			if m.event != "event" {
				continue
			}
			var e evItem
			if err := json.Unmarshal([]byte(m.data), &e); err != nil {
				t.Fatalf("%v: %s", err, m.data)
			}
			if !strings.HasPrefix(m.id, "e") {
				t.Errorf("id %q", m.id)
			}
			got = append(got, e)
		case <-deadline:
			t.Fatalf("got %d of %d events", len(got), n)
		}
	}
	return got
}

func TestStream(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.Pipeline, o.Token = &fakeProc{t: t}, testToken })
	ch, cancel := openStream(t, f)
	defer cancel()

	code, _, b := f.do("POST", "/api/documents", "text/plain", strings.NewReader("Talks went on."), bearer(testToken))
	if code != 200 {
		t.Fatalf("post: %d %s", code, b)
	}
	var r postResult
	json.Unmarshal(b, &r)
	evs := nextEvents(t, ch, 2)
	for i, e := range evs {
		if e.DocID != r.ID || e.Idx != i || e.Title != "Posted 1" {
			t.Fatalf("event %d: %+v (posted %s)", i, e, r.ID)
		}
	}
	if evs[0].Source.Actor != "DEU" || evs[0].Target.Actor != "POL" || evs[0].Cameo != "051" || evs[0].QuadClass != 1 || evs[1].Root != "11" {
		t.Fatalf("events %+v", evs)
	}

	// A document stored by another writer of the database arrives too.
	d := handDoc(t, "External", "", "1998-02-03", []string{"Chile criticized Peru."},
		[]evSpec{{src: "Chile=CHL", tgt: "Peru=PER", code: "111", goldstein: -2}})
	if _, err := f.db.Put(ctx, []*doc.Document{d}); err != nil {
		t.Fatal(err)
	}
	evs = nextEvents(t, ch, 1)
	if evs[0].DocID != d.ID || evs[0].Source.Actor != "CHL" {
		t.Fatalf("external event %+v", evs[0])
	}

	// Heartbeats keep the connection alive.
	deadline := time.After(5 * time.Second)
	for hb := false; !hb; {
		select {
		case m := <-ch:
			hb = m.comment == "keep-alive"
		case <-deadline:
			t.Fatal("no heartbeat")
		}
	}

	// A second client sees only what comes after it connected.
	ch2, cancel2 := openStream(t, f)
	f.do("POST", "/api/documents", "text/plain", strings.NewReader("More talks."), bearer(testToken))
	for _, c := range []<-chan sse{ch, ch2} {
		evs = nextEvents(t, c, 2)
		if evs[0].Title != "Posted 2" {
			t.Fatalf("after reconnect: %+v", evs[0])
		}
	}

	// Disconnecting releases the subscriptions and stops the watcher.
	cancel()
	cancel2()
	for i := 0; ; i++ {
		f.api.hub.mu.Lock()
		n, running := len(f.api.hub.subs), f.api.hub.cancel != nil
		f.api.hub.mu.Unlock()
		if n == 0 && !running {
			break
		}
		if i > 200 {
			t.Fatalf("%d subscribers left, watcher running %v", n, running)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestStreamClose(t *testing.T) {
	f := newFixture(t)
	ch, cancel := openStream(t, f)
	defer cancel()
	f.api.Close()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case _, ok := <-ch:
			if !ok {
				code, _, b := f.get("/api/stream")
				if code != 503 || !strings.Contains(string(b), "shutting down") {
					t.Fatalf("after Close: %d %s", code, b)
				}
				return
			}
		case <-deadline:
			t.Fatal("stream still open after Close")
		}
	}
}

func TestStreamLimit(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.MaxStreams = 1 })
	_, cancel := openStream(t, f)
	defer cancel()
	code, _, b := f.get("/api/stream")
	if code != 503 || !strings.Contains(string(b), "too many") {
		t.Fatalf("%d %s", code, b)
	}
}
