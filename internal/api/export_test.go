package api

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/gdelt"
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

// TestExportMerged: format=gdelt-events&merged=true writes a reported-thrice
// event once, on its first report's row, with its merged counts; the
// default keeps a 1/1/1 row per report.
func TestExportMerged(t *testing.T) {
	f := newFixture(t)
	wire, daily, mirror, later, other := stormDocs(t)
	if _, err := f.db.Put(ctx, []*doc.Document{wire, daily, mirror, later, other}); err != nil {
		t.Fatal(err)
	}
	counts := func(query string) map[int64]string {
		t.Helper()
		code, _, b := f.get("/api/export?" + query)
		if code != 200 {
			t.Fatalf("%s: %d %s", query, code, b)
		}
		out := map[int64]string{}
		for _, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
			fs := strings.Split(line, "\t")
			if len(fs) != 61 {
				t.Fatalf("%s: %d columns", query, len(fs))
			}
			id, _ := strconv.ParseInt(fs[0], 10, 64)
			if _, dup := out[id]; dup {
				t.Fatalf("%s: event %d twice", query, id)
			}
			out[id] = strings.Join(fs[31:34], "/")
		}
		return out
	}
	id := func(d *doc.Document) int64 { return gdelt.EventID(d.ID, 0) }
	plain, merged := counts("format=gdelt-events"), counts("format=gdelt-events&merged=true")
	for _, d := range []*doc.Document{wire, daily, mirror, later, other} {
		if plain[id(d)] != "1/1/1" {
			t.Errorf("plain %s: %q", d.Title, plain[id(d)])
		}
	}
	if len(merged) > len(plain)-2 {
		t.Errorf("merged: %d rows, want at most %d (two later reports folded)", len(merged), len(plain)-2)
	}
	for k := range merged {
		if _, ok := plain[k]; !ok {
			t.Errorf("merged row %d is no plain row", k)
		}
	}
	if merged[id(wire)] != "3/2/3" || merged[id(later)] != "1/1/1" || merged[id(other)] != "1/1/1" {
		t.Errorf("merged counts: wire %q later %q other %q", merged[id(wire)], merged[id(later)], merged[id(other)])
	}
	if _, ok := merged[id(daily)]; ok {
		t.Error("merged export keeps the rewrite's own row")
	}
	if _, ok := merged[id(mirror)]; ok {
		t.Error("merged export keeps the syndicated copy's own row")
	}
	if code, _, b := f.get("/api/export?format=gkg&merged=true"); code != 400 || !strings.Contains(string(b), `"merged"`) {
		t.Errorf("merged gkg: %d %s", code, b)
	}
}
