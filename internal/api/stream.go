package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eventwire/eventwire/internal/store"
)

// streamPage is how many new events one watcher poll reads at most.
const streamPage = 500

// streamReplay bounds the events replayed to a client that reconnects with
// Last-Event-ID; one that missed more is told to reload instead.
var streamReplay = 1000

// hub fans newly stored events out to the /api/stream clients. A watcher
// goroutine runs while at least one client is connected: it follows the
// store's events table from where it stood when the first client came,
// every Options.Poll or at once after a POST, so documents stored by this
// server and by other writers of the same database are both seen.
type hub struct {
	s       *Server
	mu      sync.Mutex
	subs    map[*subscriber]struct{}
	cancel  context.CancelFunc // of the running watcher
	wake    chan struct{}
	stopped bool
	// last is the id (store cursor) of the last event broadcast, or the
	// position the watcher started from: a new subscriber is sent every
	// event after it.
	last string
}

type subscriber struct {
	ch chan []byte // closed when the client is dropped for being too slow
}

func newHub(s *Server) *hub {
	return &hub{s: s, subs: map[*subscriber]struct{}{}, wake: make(chan struct{}, 1)}
}

// poke makes the watcher poll now.
func (h *hub) poke() {
	select {
	case h.wake <- struct{}{}:
	default:
	}
}

// subscribe adds a client. It returns the position from which the client
// receives events: events after it are sent to the client's channel, the
// ones before are the client's to replay.
func (h *hub) subscribe(ctx context.Context) (*subscriber, string, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return nil, "", &apiError{Kind: KindUnavailable, Message: "the server is shutting down"}
	}
	if len(h.subs) >= h.s.opt.MaxStreams {
		return nil, "", &apiError{Kind: KindUnavailable, Message: fmt.Sprintf("too many stream clients (%d); try later", h.s.opt.MaxStreams)}
	}
	if h.cancel == nil {
		// The start position is read before subscribe returns, so an event
		// stored after the client connected is never missed.
		tail, err := h.s.opt.Reader.EventsTail(ctx)
		if err != nil {
			return nil, "", err
		}
		wctx, cancel := context.WithCancel(context.Background())
		h.cancel = cancel
		h.last = tail
		go h.watch(wctx, tail)
	}
	sb := &subscriber{ch: make(chan []byte, 256)}
	h.subs[sb] = struct{}{}
	h.s.metrics.streams.Set(float64(len(h.subs)))
	return sb, h.last, nil
}

func (h *hub) unsubscribe(sb *subscriber) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, sb)
	h.s.metrics.streams.Set(float64(len(h.subs)))
	if len(h.subs) == 0 && h.cancel != nil {
		h.cancel()
		h.cancel = nil
	}
}

func (h *hub) stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stopped = true
	if h.cancel != nil {
		h.cancel()
		h.cancel = nil
	}
}

// broadcast sends msg, the message of the event with id cursor, to every
// client; a client whose buffer is full is dropped (its channel closed)
// rather than slowing the others.
func (h *hub) broadcast(msg []byte, cursor string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.last = cursor
	for sb := range h.subs {
		select {
		case sb.ch <- msg:
		default:
			close(sb.ch)
			delete(h.subs, sb)
		}
	}
}

func (h *hub) watch(ctx context.Context, cursor string) {
	t := time.NewTicker(h.s.opt.Poll)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-h.wake:
		}
		for ctx.Err() == nil {
			rows, cursors, err := h.s.opt.Reader.EventsAfter(ctx, cursor, streamPage)
			if err != nil {
				if ctx.Err() == nil {
					h.s.opt.Log.Error("event stream: reading new events", "err", err)
				}
				break
			}
			if len(rows) == 0 {
				break
			}
			msgs, err := h.s.eventMessages(ctx, rows, cursors)
			if err != nil {
				h.s.opt.Log.Error("event stream: reading documents", "err", err)
				break
			}
			for i, msg := range msgs {
				h.broadcast(msg, cursors[i])
			}
			cursor = cursors[len(cursors)-1]
			if len(rows) < streamPage {
				break
			}
		}
	}
}

// eventMessages renders events with their ids (store cursors) as SSE
// messages.
func (s *Server) eventMessages(ctx context.Context, rows []store.EventRow, cursors []string) ([][]byte, error) {
	ids := make([]string, len(rows))
	for i := range rows {
		ids[i] = rows[i].DocID
	}
	infos, err := s.opt.Reader.DocInfos(ctx, ids)
	if err != nil {
		return nil, err
	}
	msgs := make([][]byte, len(rows))
	for i := range rows {
		b, err := json.Marshal(toEventItem(&rows[i], infos[rows[i].DocID]))
		if err != nil {
			return nil, err
		}
		msg := make([]byte, 0, len(b)+64)
		msgs[i] = fmt.Appendf(msg, "id: %s\nevent: event\ndata: %s\n\n", cursors[i], b)
	}
	return msgs, nil
}

// streamSeq reads a stream id: a store cursor of storage order, "e" and
// the event's sequence number.
func streamSeq(id string) (int64, bool) {
	v, ok := strings.CutPrefix(id, "e")
	n, err := strconv.ParseInt(v, 10, 64)
	return n, ok && err == nil && n >= 0
}

// replay returns the messages of the events a reconnecting client missed:
// those after its last id up to upTo, the position from which the hub
// sends it events (inclusive). ok is false when they cannot be replayed:
// the id is not one this stream can have sent, or more than streamReplay
// events were missed.
func (s *Server) replay(ctx context.Context, lastID, upTo string) (msgs [][]byte, ok bool, err error) {
	last, ok1 := streamSeq(lastID)
	end, ok2 := streamSeq(upTo)
	if !ok1 || !ok2 || last > end {
		return nil, false, nil
	}
	var rows []store.EventRow
	var cursors []string
	for after := lastID; last < end; {
		page, cs, err := s.opt.Reader.EventsAfter(ctx, after, min(streamPage, streamReplay+1-len(rows)))
		if errors.Is(err, store.ErrBadCursor) {
			return nil, false, nil
		}
		if err != nil {
			return nil, false, err
		}
		if len(page) == 0 {
			break
		}
		for i := range page {
			n, ok := streamSeq(cs[i])
			if !ok {
				return nil, false, nil
			}
			if n > end { // the hub sends this one
				last = end
				break
			}
			rows, cursors, last = append(rows, page[i]), append(cursors, cs[i]), n
		}
		if len(rows) > streamReplay {
			return nil, false, nil
		}
		after = cs[len(cs)-1]
	}
	msgs, err = s.eventMessages(ctx, rows, cursors)
	return msgs, err == nil, err
}

// streamWriteTime bounds one write to a stream client.
const streamWriteTime = 30 * time.Second

// stream serves GET /api/stream as server-sent events: "event: event"
// with the JSON of each newly stored event (the shape of /api/events
// items) and its id, and a comment line every heartbeat. A client that
// reconnects with the Last-Event-ID header (or the last_event_id
// parameter) first gets the events stored since that id, at most
// streamReplay of them; when it missed more, or the id is unknown, it gets
// "event: reset" instead, and should reload the list.
func (s *Server) stream(w http.ResponseWriter, r *http.Request) {
	lastID := strings.TrimSpace(r.Header.Get("Last-Event-ID"))
	if lastID == "" {
		p := newParams(r.URL)
		lastID = p.raw("last_event_id", maxCursorLen)
		if p.err != nil {
			s.fail(w, r, p.err)
			return
		}
	}
	if len(lastID) > maxCursorLen {
		lastID = "!" // not a stream id: the client is told to reset
	}
	sb, from, err := s.hub.subscribe(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	defer s.hub.unsubscribe(sb)
	rc := http.NewResponseController(w)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	send := func(b []byte) bool {
		rc.SetWriteDeadline(time.Now().Add(streamWriteTime)) // error: not supported by the writer; fine
		if _, err := w.Write(b); err != nil {
			return false
		}
		return rc.Flush() == nil
	}
	if !send([]byte("retry: 3000\n: connected\n\n")) {
		return
	}
	if lastID != "" {
		msgs, ok, err := s.replay(r.Context(), lastID, from)
		if err != nil {
			if r.Context().Err() == nil {
				s.opt.Log.Error("event stream: replay", "err", err)
			}
			ok = false
		}
		if !ok {
			b, _ := json.Marshal(map[string]any{"last_event_id": lastID, "max_replay": streamReplay,
				"reason": "the events since this id cannot be replayed (not an id of this stream, or more than max_replay missed): reload"})
			msgs = [][]byte{fmt.Appendf(nil, "event: reset\ndata: %s\n\n", b)}
		}
		for _, m := range msgs {
			if !send(m) {
				return
			}
		}
	}
	hb := time.NewTicker(s.opt.Heartbeat)
	defer hb.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			send([]byte(": server shutting down\n\n"))
			return
		case msg, ok := <-sb.ch:
			if !ok {
				send([]byte(": dropped: the client read too slowly\n\n"))
				return
			}
			if !send(msg) {
				return
			}
		case <-hb.C:
			if !send([]byte(": keep-alive\n\n")) {
				return
			}
		}
	}
}
