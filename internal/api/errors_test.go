package api

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestBadRequests(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		path   string
		status int
		kind   string
		param  string // named in the message
	}{
		{"/api/events?since=2015-13-01", 400, "bad_request", "since"},
		{"/api/events?until=yesterday", 400, "bad_request", "until"},
		{"/api/events?since=2015-02-30", 400, "bad_request", "since"},
		{"/api/events?since=2016-01-01&until=2015-01-01", 400, "bad_request", "until"},
		{"/api/events?quad=5", 400, "bad_request", "quad"},
		{"/api/events?quad=0", 400, "bad_request", "quad"},
		{"/api/events?quad=x", 400, "bad_request", "quad"},
		{"/api/events?root=21", 400, "bad_request", "root"},
		{"/api/events?root=00", 400, "bad_request", "root"},
		{"/api/events?root=1a", 400, "bad_request", "root"},
		{"/api/events?bbox=1,2,3", 400, "bad_request", "bbox"},
		{"/api/events?bbox=10,0,5,1", 400, "bad_request", "bbox"},
		{"/api/events?bbox=0,0,200,1", 400, "bad_request", "bbox"},
		{"/api/events?bbox=0,-91,1,1", 400, "bad_request", "bbox"},
		{"/api/events?bbox=a,b,c,d", 400, "bad_request", "bbox"},
		{"/api/events?bbox=NaN,0,1,1", 400, "bad_request", "bbox"},
		{"/api/events?negated=maybe", 400, "bad_request", "negated"},
		{"/api/events?actor=US%27%3B--", 400, "bad_request", "actor"},
		{"/api/events?country=USA", 400, "bad_request", "country"},
		{"/api/events?limit=0", 400, "bad_request", "limit"},
		{"/api/events?limit=501", 400, "bad_request", "limit"},
		{"/api/events?limit=-5", 400, "bad_request", "limit"},
		{"/api/events?limit=ten", 400, "bad_request", "limit"},
		{"/api/events?cursor=zzz", 400, "bad_request", "cursor"},
		{"/api/events?cursor=e-1", 400, "bad_request", "cursor"},
		{"/api/events?cursor=k1997-02-30.4", 400, "bad_request", "cursor"},
		{"/api/events?order=newest", 400, "bad_request", "order"},
		{"/api/events?order=asc&order=desc", 400, "bad_request", "order"},
		{"/api/events?quad=1&quad=2", 400, "bad_request", "quad"},
		{"/api/events?doc=%3Cscript%3E", 400, "bad_request", "doc"},
		{"/api/documents?cursor=x1", 400, "bad_request", "cursor"},
		{"/api/documents?limit=1000", 400, "bad_request", "limit"},
		{"/api/documents?since=01/02/2015", 400, "bad_request", "since"},
		{"/api/documents?q=" + strings.Repeat("a", 600), 400, "bad_request", "q"},
		{"/api/documents?q=a%00b", 400, "bad_request", "q"},
		{"/api/documents/not%20an%20id", 400, "bad_request", "id"},
		{"/api/documents/sha256:0000", 404, "not_found", ""},
		{"/api/actors?limit=9999", 400, "bad_request", "limit"},
		{"/api/network?since=x", 400, "bad_request", "since"},
		{"/api/timeline?by=month", 400, "bad_request", "by"},
		{"/api/places?bbox=1,1,0,0", 400, "bad_request", "bbox"},
		{"/api/places?limit=1001", 400, "bad_request", "limit"},
		{"/api/export?format=csv", 400, "bad_request", "format"},
		{"/api/nothing", 404, "not_found", ""},
		{"/api", 404, "not_found", ""},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			code, h, b := f.get(c.path)
			if code != c.status {
				t.Fatalf("status %d, want %d: %s", code, c.status, b)
			}
			if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff header")
			}
			var e errBody
			if err := json.Unmarshal(b, &e); err != nil {
				t.Fatalf("%v: %s", err, b)
			}
			if e.Error.Kind != c.kind || e.Error.Message == "" {
				t.Fatalf("error %+v", e.Error)
			}
			if c.param != "" && (e.Error.Param != c.param || !strings.HasPrefix(e.Error.Message, c.param+":")) {
				t.Errorf("message %q (param %q) does not name %q", e.Error.Message, e.Error.Param, c.param)
			}
		})
	}
	t.Run("unknown params ignored", func(t *testing.T) {
		var r eventsResp
		f.getJSON("/api/events?colour=blue&limit=3", &r)
		if len(r.Items) != 3 {
			t.Fatalf("%d items", len(r.Items))
		}
	})
	t.Run("method", func(t *testing.T) {
		code, _, b := f.do("DELETE", "/api/events", "", nil, nil)
		if code != 405 || !strings.Contains(string(b), `"method_not_allowed"`) {
			t.Fatalf("%d %s", code, b)
		}
	})
}
