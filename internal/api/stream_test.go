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
	return openStreamFrom(t, f, "")
}

// openStreamFrom is openStream for a client that reconnects with the
// Last-Event-ID header lastID (none when "").
func openStreamFrom(t *testing.T, f *fixture, lastID string) (<-chan sse, context.CancelFunc) {
	t.Helper()
	cctx, cancel := context.WithCancel(ctx)
	req, _ := http.NewRequestWithContext(cctx, "GET", f.srv.URL+"/api/stream", nil)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
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

// streamMsg is one "event" message with its id.
type streamMsg struct {
	id string
	ev evItem
}

// nextMsgs collects n messages that are not comments.
func nextMsgs(t *testing.T, ch <-chan sse, n int) []sse {
	t.Helper()
	var got []sse
	deadline := time.After(10 * time.Second)
	for len(got) < n {
		select {
		case m, ok := <-ch:
			if !ok {
				t.Fatalf("stream closed after %d messages", len(got))
			}
			if m.event != "" {
				got = append(got, m)
			}
		case <-deadline:
			t.Fatalf("got %d of %d messages", len(got), n)
		}
	}
	return got
}

func eventMsgs(t *testing.T, ms []sse) []streamMsg {
	t.Helper()
	var out []streamMsg
	for _, m := range ms {
		if m.event != "event" {
			t.Fatalf("message %+v is not an event", m)
		}
		var e evItem
		if err := json.Unmarshal([]byte(m.data), &e); err != nil {
			t.Fatalf("%v: %s", err, m.data)
		}
		out = append(out, streamMsg{m.id, e})
	}
	return out
}

// quiet fails when ch delivers an event message within d.
func quiet(t *testing.T, ch <-chan sse, d time.Duration) {
	t.Helper()
	deadline := time.After(d)
	for {
		select {
		case m := <-ch:
			if m.event != "" {
				t.Fatalf("unexpected message %+v", m)
			}
		case <-deadline:
			return
		}
	}
}

func extDoc(t *testing.T, n int) *doc.Document {
	return handDoc(t, fmt.Sprintf("External %d", n), "", "1998-02-03", []string{fmt.Sprintf("Chile (%d) criticized Peru.", n)},
		[]evSpec{{src: "Chile=CHL", tgt: "Peru=PER", code: "111", goldstein: -2}})
}

func TestStreamLastEventID(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.Poll = 20 * time.Millisecond })
	put := func(from, to int) {
		t.Helper()
		var docs []*doc.Document
		for i := from; i < to; i++ {
			docs = append(docs, extDoc(t, i))
		}
		if _, err := f.db.Put(ctx, docs); err != nil {
			t.Fatal(err)
		}
	}
	ch, cancel := openStream(t, f)
	put(0, 3)
	seen := eventMsgs(t, nextMsgs(t, ch, 3))
	for i, m := range seen {
		if m.ev.Title != fmt.Sprintf("External %d", i) || m.id == "" {
			t.Fatalf("live event %d: %+v", i, m)
		}
	}
	cancel() // the only client leaves: the watcher stops

	// 1. Reconnecting with the id of the first event replays the two after
	// it, with the ids they had live, then goes on live without repeats.
	ch, cancel = openStreamFrom(t, f, seen[0].id)
	got := eventMsgs(t, nextMsgs(t, ch, 2))
	if got[0] != seen[1] || got[1] != seen[2] {
		t.Fatalf("replay %+v, want %+v", got, seen[1:])
	}
	put(3, 4)
	live := eventMsgs(t, nextMsgs(t, ch, 1))
	if live[0].ev.Title != "External 3" {
		t.Fatalf("live after replay: %+v", live)
	}
	quiet(t, ch, 100*time.Millisecond)

	// 2. Events stored while a client is away, with another client keeping
	// the watcher going (so the hub has moved on): all replayed, in order,
	// then live ones, none twice.
	other, cancelOther := openStream(t, f)
	defer cancelOther()
	cancel()
	put(4, 7)
	eventMsgs(t, nextMsgs(t, other, 3)) // the hub has broadcast them
	ch, cancel = openStreamFrom(t, f, live[0].id)
	put(7, 8)
	got = eventMsgs(t, nextMsgs(t, ch, 4))
	for i, m := range got {
		if m.ev.Title != fmt.Sprintf("External %d", 4+i) {
			t.Fatalf("after reconnect, message %d: %+v", i, m)
		}
	}
	quiet(t, ch, 100*time.Millisecond)
	cancel()

	// 3. The id of the newest event: nothing to replay.
	ch, cancel = openStreamFrom(t, f, got[3].id)
	quiet(t, ch, 100*time.Millisecond)
	cancel()

	// 4. An id the stream never sent, or too many missed events: the
	// client is told to reset instead of getting a partial history.
	for _, id := range []string{"bogus", "e99999999", seen[0].id} {
		if id == seen[0].id {
			defer func(n int) { streamReplay = n }(streamReplay)
			streamReplay = 3 // 7 events were stored after seen[0]
		}
		ch, cancel = openStreamFrom(t, f, id)
		m := nextMsgs(t, ch, 1)[0]
		if m.event != "reset" || !strings.Contains(m.data, "reload") {
			t.Fatalf("Last-Event-ID %q: %+v", id, m)
		}
		cancel()
	}
	streamReplay = 7 // exactly what was missed is still replayed
	ch, cancel = openStreamFrom(t, f, seen[0].id)
	defer cancel()
	if got := eventMsgs(t, nextMsgs(t, ch, 7)); got[6].ev.Title != "External 7" {
		t.Fatalf("replay at the bound: %+v", got)
	}
}
