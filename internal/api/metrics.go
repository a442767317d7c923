package api

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the API's Prometheus series.
type metrics struct {
	reg         *prometheus.Registry
	requests    *prometheus.CounterVec
	latency     *prometheus.HistogramVec
	streams     prometheus.Gauge
	exported    prometheus.Counter
	docsAdded   prometheus.Counter
	eventsAdded prometheus.Counter
}

func newMetrics(reg *prometheus.Registry, rd Reader) (*metrics, error) {
	m := &metrics{
		reg: reg,
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "eventwire_http_requests_total", Help: "HTTP requests by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "eventwire_http_request_duration_seconds", Help: "HTTP request latency by route pattern and method.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route", "method"}),
		streams: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "eventwire_stream_clients", Help: "Connected /api/stream clients.",
		}),
		exported: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "eventwire_export_events_total", Help: "Events written by /api/export.",
		}),
		docsAdded: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "eventwire_api_documents_added_total", Help: "Documents stored through POST /api/documents.",
		}),
		eventsAdded: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "eventwire_api_events_added_total", Help: "Events of documents stored through POST /api/documents.",
		}),
	}
	for _, c := range []prometheus.Collector{m.requests, m.latency, m.streams, m.exported, m.docsAdded, m.eventsAdded, storeCollector{rd}} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func (m *metrics) added(docs, events int) {
	if docs > 0 {
		m.docsAdded.Add(float64(docs))
		m.eventsAdded.Add(float64(events))
	}
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Timeout: 10 * time.Second})
}

// middleware counts requests and times them under their route pattern
// (never the raw path, so IDs do not explode the label space).
func (m *metrics) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		defer func() {
			route := "other"
			if rc := chi.RouteContext(r.Context()); rc != nil {
				if p := rc.RoutePattern(); p != "" {
					route = p
				}
			}
			if route == "/*" {
				route = "static"
			}
			code := sw.code
			if code == 0 {
				code = http.StatusOK
			}
			m.requests.WithLabelValues(route, r.Method, strconv.Itoa(code)).Inc()
			m.latency.WithLabelValues(route, r.Method).Observe(time.Since(t0).Seconds())
		}()
		next.ServeHTTP(sw, r)
	})
}

// statusWriter records the status code; Unwrap lets http.ResponseController
// reach the connection (flushing, write deadlines).
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// Flush serves callers that assert http.Flusher directly.
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// storeCollector reports the store's table sizes at scrape time.
type storeCollector struct{ rd Reader }

var (
	descDocs   = prometheus.NewDesc("eventwire_store_documents", "Documents in the store.", nil, nil)
	descEvents = prometheus.NewDesc("eventwire_store_events", "Events in the store.", nil, nil)
	descUp     = prometheus.NewDesc("eventwire_store_up", "1 when the store answered the last scrape.", nil, nil)
)

func (c storeCollector) Describe(ch chan<- *prometheus.Desc) {
	ch <- descDocs
	ch <- descEvents
	ch <- descUp
}

func (c storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	n, err := c.rd.Count(ctx)
	if err != nil {
		ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, 0)
		return
	}
	ch <- prometheus.MustNewConstMetric(descUp, prometheus.GaugeValue, 1)
	ch <- prometheus.MustNewConstMetric(descDocs, prometheus.GaugeValue, float64(n.Documents))
	ch <- prometheus.MustNewConstMetric(descEvents, prometheus.GaugeValue, float64(n.Events))
}
