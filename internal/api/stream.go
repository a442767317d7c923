package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// streamPage is how many new events one watcher poll reads at most.
const streamPage = 500

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

func (h *hub) subscribe(ctx context.Context) (*subscriber, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped {
		return nil, &apiError{Kind: KindUnavailable, Message: "the server is shutting down"}
	}
	if len(h.subs) >= h.s.opt.MaxStreams {
		return nil, &apiError{Kind: KindUnavailable, Message: fmt.Sprintf("too many stream clients (%d); try later", h.s.opt.MaxStreams)}
	}
	if h.cancel == nil {
		// The start position is read before subscribe returns, so an event
		// stored after the client connected is never missed.
		tail, err := h.s.opt.Reader.EventsTail(ctx)
		if err != nil {
			return nil, err
		}
		wctx, cancel := context.WithCancel(context.Background())
		h.cancel = cancel
		go h.watch(wctx, tail)
	}
	sb := &subscriber{ch: make(chan []byte, 256)}
	h.subs[sb] = struct{}{}
	h.s.metrics.streams.Set(float64(len(h.subs)))
	return sb, nil
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

// broadcast sends msg to every client; a client whose buffer is full is
// dropped (its channel closed) rather than slowing the others.
func (h *hub) broadcast(msg []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
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
			ids := make([]string, len(rows))
			for i := range rows {
				ids[i] = rows[i].DocID
			}
			infos, err := h.s.opt.Reader.DocInfos(ctx, ids)
			if err != nil {
				h.s.opt.Log.Error("event stream: reading documents", "err", err)
				break
			}
			for i := range rows {
				b, err := json.Marshal(toEventItem(&rows[i], infos[rows[i].DocID]))
				if err != nil {
					continue
				}
				msg := make([]byte, 0, len(b)+64)
				msg = fmt.Appendf(msg, "id: %s\nevent: event\ndata: %s\n\n", cursors[i], b)
				h.broadcast(msg)
			}
			cursor = cursors[len(cursors)-1]
			if len(rows) < streamPage {
				break
			}
		}
	}
}

// streamWriteTime bounds one write to a stream client.
const streamWriteTime = 30 * time.Second

// stream serves GET /api/stream as server-sent events: "event: event"
// with the JSON of each newly stored event (the shape of /api/events
// items), and a comment line every heartbeat.
func (s *Server) stream(w http.ResponseWriter, r *http.Request) {
	sb, err := s.hub.subscribe(r.Context())
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
