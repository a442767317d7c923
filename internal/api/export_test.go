package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func TestExport(t *testing.T) {
	f := newFixture(t)
	var h struct{ Documents, Events int }
	f.getJSON("/healthz", &h)
	// GDELT files leave negated events out.
	var neg eventsResp
	f.getJSON("/api/events?negated=true&limit=500", &neg)
	coded := h.Events - len(neg.Items)
	cases := []struct {
		format, ctype string
		lines         int // expected line count
		fields        int // tab-separated fields per line, 0 for JSON
	}{
		{"jsonl", "application/x-ndjson; charset=utf-8", h.Documents, 0},
		{"gdelt-events", "text/tab-separated-values; charset=utf-8", coded, 61},
		{"gdelt-mentions", "text/tab-separated-values; charset=utf-8", coded, 16},
		{"gkg", "text/tab-separated-values; charset=utf-8", h.Documents, 27},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			code, hdr, b := f.get("/api/export?format=" + c.format)
			if code != 200 || hdr.Get("Content-Type") != c.ctype || !strings.HasPrefix(hdr.Get("Content-Disposition"), "attachment;") {
				t.Fatalf("%d %v", code, hdr)
			}
			sc := bufio.NewScanner(bytes.NewReader(b))
			sc.Buffer(nil, 1<<24)
			n := 0
			for sc.Scan() {
				n++
				if c.fields > 0 {
					if got := strings.Count(sc.Text(), "\t") + 1; got != c.fields {
						t.Fatalf("line %d has %d fields, want %d", n, got, c.fields)
					}
					continue
				}
				var d doc.Document
				if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
					t.Fatalf("line %d: %v", n, err)
				}
				if d.ID == "" || d.Text == "" {
					t.Fatalf("line %d: empty document", n)
				}
				for _, s := range d.Sentences {
					if len(s.Tokens) > 0 {
						t.Fatal("tokens exported without tokens=true")
					}
				}
			}
			if c.format == "gkg" {
				// GKG may leave out documents without anything to report.
				if n == 0 || n > c.lines {
					t.Fatalf("%d lines for %d documents", n, c.lines)
				}
			} else if n != c.lines {
				t.Fatalf("%d lines, want %d", n, c.lines)
			}
		})
	}
	t.Run("default and tokens", func(t *testing.T) {
		code, hdr, b := f.get("/api/export?tokens=true")
		if code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/x-ndjson") {
			t.Fatalf("%d %v", code, hdr)
		}
		if !bytes.Contains(b, []byte(`"tokens":[`)) {
			t.Error("tokens=true exported no tokens")
		}
	})
}

func TestMetrics(t *testing.T) {
	f := newFixture(t)
	f.get("/api/events?limit=1")
	f.get("/api/events?quad=9")
	f.get("/api/documents/sha256:abcd")
	code, h, b := f.get("/metrics")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") {
		t.Fatalf("%d %v", code, h)
	}
	body := string(b)
	for _, want := range []string{
		`eventwire_http_requests_total{code="200",method="GET",route="/api/events"} 1`,
		`eventwire_http_requests_total{code="400",method="GET",route="/api/events"} 1`,
		`eventwire_http_requests_total{code="404",method="GET",route="/api/documents/{id}"} 1`,
		`eventwire_http_request_duration_seconds_bucket{method="GET",route="/api/events",le="+Inf"} 2`,
		`eventwire_store_up 1`,
		`eventwire_stream_clients 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	var hz struct{ Documents int }
	f.getJSON("/healthz", &hz)
	if !strings.Contains(body, "eventwire_store_documents "+itoaTest(hz.Documents)) {
		t.Errorf("store gauge missing or wrong")
	}
}

func itoaTest(n int) string { b, _ := json.Marshal(n); return string(b) }
