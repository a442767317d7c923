// Package api is eventwire's HTTP JSON API: document search and retrieval,
// event filtering, aggregations for the dashboard (actors, network,
// timeline, places), streamed exports, authenticated document submission,
// a server-sent-events feed of newly stored events, Prometheus metrics,
// and the embedded dashboard's static files.
//
// The package declares the small store interfaces it consumes (Reader,
// Analytics, Writer) and the pipeline interface (Processor); the SQLite
// store and the pipeline satisfy them. Every query parameter is validated
// before it reaches the store, errors are JSON of one shape
// ({"error":{"kind":...,"message":...}}), and write endpoints are off
// unless a token is configured.
package api

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
	"github.com/eventwire/eventwire/internal/store"
)

// Reader is the read side of a store the API needs.
type Reader interface {
	Get(ctx context.Context, id string) (*doc.Document, error)
	Search(ctx context.Context, q store.SearchQuery) ([]store.Hit, error)
	Events(ctx context.Context, f store.EventFilter) ([]store.EventRow, string, error)
	Each(ctx context.Context, fn func(*doc.Document) error) error
	Count(ctx context.Context) (store.Counts, error)
	// DocInfos returns document headers with their event counts.
	DocInfos(ctx context.Context, ids []string) (map[string]store.DocInfo, error)
	// EventsTail returns the Events cursor after the last stored event.
	EventsTail(ctx context.Context) (string, error)
	// EventsAfter returns events stored after a cursor with their cursors.
	EventsAfter(ctx context.Context, after string, limit int) ([]store.EventRow, []string, error)
}

// Analytics are the aggregations behind the dashboard endpoints.
type Analytics interface {
	TopActors(ctx context.Context, f store.EventFilter, n int) ([]store.ActorCount, error)
	ActorEdges(ctx context.Context, f store.EventFilter, n int) ([]store.Edge, error)
	Timeline(ctx context.Context, f store.EventFilter, by store.Bucket) ([]store.TimelinePoint, error)
	PlaceQuads(ctx context.Context, f store.EventFilter, n int) ([]store.PlaceQuads, error)
}

// Writer stores documents.
type Writer interface {
	Put(ctx context.Context, docs []*doc.Document) (store.PutStats, error)
}

// Processor turns one submitted item into a processed document.
type Processor interface {
	FromItem(it ingest.Item) *doc.Document
}

// Defaults of Options.
const (
	DefaultMaxBody     = 5 << 20
	DefaultPoll        = time.Second
	DefaultHeartbeat   = 15 * time.Second
	DefaultQueryTime   = 30 * time.Second
	DefaultMaxStreams  = 64
	DefaultMaxPosts    = 2
	defaultLimit       = 50
	maxLimit           = 500
	defaultPlacesLimit = 200
	maxPlacesLimit     = store.MaxLimit
)

// Options configure a Server. Reader and Analytics are required.
type Options struct {
	Reader    Reader
	Analytics Analytics
	// Writer and Pipeline serve POST /api/documents; with either nil, or
	// Token empty, writes answer 403.
	Writer   Writer
	Pipeline Processor
	// Origins gives documents' outlets and near-duplicate links to merged
	// events (GET /api/events?merged=true); nil uses each document's
	// stored source and knows no copies.
	Origins OriginsFunc
	// MergeRows bounds the event rows one merged-events request clusters
	// (default DefaultMergeRows): the first MergeRows rows matching the
	// filters, in storage order; reports beyond are not seen and the
	// response says "truncated".
	MergeRows int
	// Token is the bearer token of write requests; "" disables writes.
	Token string
	// Static holds the dashboard files (index.html at its root, or under
	// dist/); nil serves a small built-in page.
	Static fs.FS
	// Registry receives the API's metrics; nil makes a fresh one.
	Registry *prometheus.Registry
	// MaxBody caps a POST body in bytes (default 5 MiB).
	MaxBody int64
	// Poll is how often the event stream looks for new events (default 1s).
	Poll time.Duration
	// Heartbeat is the interval of stream keep-alive comments (default 15s).
	Heartbeat time.Duration
	// QueryTime bounds one query request (default 30s).
	QueryTime time.Duration
	// MaxStreams caps concurrent /api/stream clients (default 64).
	MaxStreams int
	// Log receives request failures; nil discards them.
	Log *slog.Logger
}

// Server is the API. Create it with New, mount Handler, and call Close
// before shutting the HTTP server down so open streams end.
type Server struct {
	opt     Options
	router  chi.Router
	metrics *metrics
	hub     *hub
	static  *static
	posts   chan struct{} // semaphore of concurrent pipeline runs
	done    chan struct{}
}

// New builds a Server.
func New(opt Options) (*Server, error) {
	if opt.Reader == nil || opt.Analytics == nil {
		return nil, errString("api: Options.Reader and Options.Analytics are required")
	}
	if opt.MaxBody <= 0 {
		opt.MaxBody = DefaultMaxBody
	}
	if opt.Poll <= 0 {
		opt.Poll = DefaultPoll
	}
	if opt.Heartbeat <= 0 {
		opt.Heartbeat = DefaultHeartbeat
	}
	if opt.QueryTime <= 0 {
		opt.QueryTime = DefaultQueryTime
	}
	if opt.MergeRows <= 0 {
		opt.MergeRows = DefaultMergeRows
	}
	if opt.MaxStreams <= 0 {
		opt.MaxStreams = DefaultMaxStreams
	}
	if opt.Registry == nil {
		opt.Registry = prometheus.NewRegistry()
	}
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	st, err := newStatic(opt.Static)
	if err != nil {
		return nil, err
	}
	s := &Server{
		opt:    opt,
		static: st,
		posts:  make(chan struct{}, DefaultMaxPosts),
		done:   make(chan struct{}),
	}
	if s.metrics, err = newMetrics(opt.Registry, opt.Reader); err != nil {
		return nil, err
	}
	s.hub = newHub(s)
	s.router = s.routes()
	return s, nil
}

type errString string

func (e errString) Error() string { return string(e) }

// Handler is the API's root handler.
func (s *Server) Handler() http.Handler { return s.router }

// WritesEnabled reports whether POST /api/documents accepts requests.
func (s *Server) WritesEnabled() bool {
	return s.opt.Token != "" && s.opt.Writer != nil && s.opt.Pipeline != nil
}

// Close ends open event streams; the server keeps answering other requests.
func (s *Server) Close() {
	select {
	case <-s.done:
	default:
		close(s.done)
	}
	s.hub.stop()
}

func (s *Server) routes() chi.Router {
	r := chi.NewRouter()
	r.Use(s.metrics.middleware, s.recoverer, securityHeaders)
	r.Get("/healthz", s.query(s.healthz))
	r.Handle("/metrics", s.metrics.handler())
	r.Route("/api", func(r chi.Router) {
		r.Get("/documents", s.query(s.listDocuments))
		r.Post("/documents", s.postDocument)
		r.Get("/documents/{id}", s.query(s.getDocument))
		r.Get("/events", s.query(s.listEvents))
		r.Get("/actors", s.query(s.actors))
		r.Get("/network", s.query(s.network))
		r.Get("/timeline", s.query(s.timeline))
		r.Get("/places", s.query(s.places))
		r.Get("/export", s.export)
		r.Get("/stream", s.stream)
		r.NotFound(func(w http.ResponseWriter, r *http.Request) {
			writeError(w, r, &apiError{Kind: KindNotFound, Message: "no such endpoint: " + r.URL.Path})
		})
		r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
			writeError(w, r, &apiError{Kind: KindMethod, Message: r.Method + " is not allowed on " + r.URL.Path})
		})
	})
	r.Get("/*", s.static.ServeHTTP)
	r.Head("/*", s.static.ServeHTTP)
	r.NotFound(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, &apiError{Kind: KindNotFound, Message: "no such path: " + r.URL.Path})
	})
	r.MethodNotAllowed(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, &apiError{Kind: KindMethod, Message: r.Method + " is not allowed on " + r.URL.Path})
	})
	return r
}

// query wraps a JSON query handler with the query time limit.
func (s *Server) query(h func(w http.ResponseWriter, r *http.Request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), s.opt.QueryTime)
		defer cancel()
		r = r.WithContext(ctx)
		if err := h(w, r); err != nil {
			s.fail(w, r, err)
		}
	}
}

// NewHTTPServer returns an http.Server for h with eventwire's timeouts:
// headers within 10s, a body within 60s, responses within 60s (the stream
// and export endpoints lift their own write deadline), idle connections
// closed after 2 minutes.
func NewHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
