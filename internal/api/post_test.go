package api

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/pipeline"
)

const testToken = "test-token-0123456789"

func withWrites(token string) option {
	return func(o *Options) {
		p, err := pipeline.New(pipeline.Options{})
		if err != nil {
			panic(err)
		}
		o.Pipeline, o.Token = p, token
	}
}

func bearer(tok string) map[string]string { return map[string]string{"Authorization": "Bearer " + tok} }

const article = `Ministers meet in Vienna

VIENNA, March 3 (Wire) - The foreign ministers of Austria and Hungary met in Vienna on Tuesday to discuss border controls, officials said.
The two governments agreed to set up a joint commission on migration.`

func TestPostToken(t *testing.T) {
	cases := []struct {
		name   string
		token  string            // configured
		hdr    map[string]string // sent
		status int
		kind   string
	}{
		{"writes off", "", bearer(testToken), 403, "forbidden"},
		{"writes off no header", "", nil, 403, "forbidden"},
		{"missing token", testToken, nil, 401, "unauthorized"},
		{"wrong token", testToken, bearer("nope-nope-nope"), 401, "unauthorized"},
		{"basic auth", testToken, map[string]string{"Authorization": "Basic dXNlcjpwYXNz"}, 401, "unauthorized"},
		{"right token", testToken, bearer(testToken), 200, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFixture(t, withWrites(c.token))
			code, _, b := f.do("POST", "/api/documents", "text/plain", strings.NewReader(article), c.hdr)
			if code != c.status {
				t.Fatalf("status %d, want %d: %s", code, c.status, b)
			}
			if c.kind != "" {
				var e errBody
				json.Unmarshal(b, &e)
				if e.Error.Kind != c.kind {
					t.Fatalf("kind %q: %s", e.Error.Kind, b)
				}
				if c.status == 403 && !strings.Contains(e.Error.Message, "writes are disabled") {
					t.Errorf("message %q", e.Error.Message)
				}
				var h struct{ Documents int }
				f.getJSON("/healthz", &h)
				if h.Documents != f.n {
					t.Fatalf("refused write stored something: %d documents, had %d", h.Documents, f.n)
				}
			}
		})
	}
}

func TestPostDocument(t *testing.T) {
	f := newFixture(t, withWrites(testToken))
	post := func(ctype, body string) (int, postResult, errBody) {
		t.Helper()
		code, _, b := f.do("POST", "/api/documents", ctype, strings.NewReader(body), bearer(testToken))
		var r postResult
		var e errBody
		if code == 200 {
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
		} else {
			json.Unmarshal(b, &e)
		}
		return code, r, e
	}
	code, r, _ := post("text/plain; charset=utf-8", article)
	if code != 200 || !r.Added || !strings.HasPrefix(r.ID, "sha256:") {
		t.Fatalf("first post: %d %+v", code, r)
	}
	var d struct {
		Title, Text string
		Events      []json.RawMessage
	}
	f.getJSON("/api/documents/"+r.ID, &d)
	if !strings.Contains(d.Text, "Austria and Hungary") || len(d.Events) != r.Events {
		t.Fatalf("stored %q with %d events, post said %d", d.Text, len(d.Events), r.Events)
	}
	code, r2, _ := post("text/plain", article)
	if code != 200 || r2.Added || r2.ID != r.ID {
		t.Fatalf("second post of the same text: %d %+v", code, r2)
	}

	js, _ := json.Marshal(map[string]string{"text": strings.Replace(article, "Tuesday", "Wednesday", 1),
		"title": "Given title", "url": "https://www.example.com/x", "pubdate": "2024-03-03"})
	code, r3, _ := post("application/json", string(js))
	if code != 200 || !r3.Added {
		t.Fatalf("json post: %d %+v", code, r3)
	}
	var d3 struct{ Title, URL, Source, PubDate string }
	f.getJSON("/api/documents/"+r3.ID, &d3)
	if d3.Title != "Given title" || d3.URL != "https://www.example.com/x" || d3.Source != "example.com" || d3.PubDate != "2024-03-03" {
		t.Fatalf("json metadata not kept: %+v", d3)
	}

	html := `<html><head><title>Talks in Oslo</title></head><body><article><h1>Talks in Oslo</h1>
<p>OSLO, May 2 - Norway hosted talks between Colombian negotiators on Monday, the foreign ministry said in a statement.</p>
<p>The delegations agreed to meet again next month in Havana to continue the negotiations on a ceasefire.</p></article></body></html>`
	code, r4, _ := post("text/html; charset=UTF-8", html)
	if code != 200 || !r4.Added {
		t.Fatalf("html post: %d %+v", code, r4)
	}
	f.getJSON("/api/documents/"+r4.ID, &d)
	if !strings.Contains(d.Text, "Norway hosted talks") || strings.Contains(d.Text, "<p>") {
		t.Fatalf("html not cleaned: %q", d.Text)
	}

	bad := []struct{ name, ctype, body, want string }{
		{"empty", "text/plain", "   \n", "empty"},
		{"image", "image/png", "\x89PNG", "Content-Type"},
		{"latin1", "text/plain; charset=latin1", "abc", "charset"},
		{"invalid utf8", "text/plain", "caf\xe9 au lait", "UTF-8"},
		{"json no text", "application/json", `{"title":"x"}`, "text or html"},
		{"json both", "application/json", `{"text":"a b c","html":"<p>x</p>"}`, "not both"},
		{"json unknown", "application/json", `{"txt":"a"}`, "unknown field"},
		{"json two values", "application/json", `{"text":"a"} {"text":"b"}`, "more than one"},
		{"json bad date", "application/json", `{"text":"a b","pubdate":"3 March"}`, "pubdate"},
		{"json bad url", "application/json", `{"text":"a b","url":"javascript:alert(1)"}`, "url"},
		{"json syntax", "application/json", `{"text":`, "body"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			code, _, e := post(c.ctype, c.body)
			if code != 400 || e.Error.Kind != "bad_request" || !strings.Contains(e.Error.Message, c.want) {
				t.Fatalf("%d %+v, want 400 mentioning %q", code, e.Error, c.want)
			}
		})
	}

	t.Run("too large", func(t *testing.T) {
		big := bytes.Repeat([]byte("word "), (DefaultMaxBody/5)+10)
		code, _, b := f.do("POST", "/api/documents", "text/plain", bytes.NewReader(big), bearer(testToken))
		if code != 413 || !strings.Contains(string(b), `"too_large"`) {
			t.Fatalf("%d %s", code, b)
		}
		// Without a Content-Length the limit holds while reading.
		code, _, b = f.do("POST", "/api/documents", "text/plain", struct{ *bytes.Reader }{bytes.NewReader(big)}, bearer(testToken))
		if code != 413 {
			t.Fatalf("chunked: %d %s", code, b)
		}
	})
}

// TestHostileArticle stores markup and script in text and in HTML and
// checks that every response carries it only as JSON-escaped data.
func TestHostileArticle(t *testing.T) {
	f := newFixture(t, withWrites(testToken))
	const payload = `<script>alert(1)</script><img src=x onerror="alert(2)">`
	text := "Hostile wire " + payload + "\n\nOfficials in Rome said on Monday that Italy will host talks. " + payload
	html := `<html><head><title>Hostile <script>alert(3)</script> page</title><script>alert(4)</script></head>
<body onload="alert(5)"><article><h1>Hostile page</h1><p>MADRID - Spain said on Friday it would send envoys to Lisbon for talks. <img src=x onerror="alert(6)"></p>
<p>The <b onclick="alert(7)">ministry</b> said the talks would start next week &lt;script&gt;alert(8)&lt;/script&gt;.</p></article></body></html>`
	js, _ := json.Marshal(map[string]string{"text": strings.Replace(text, "Rome", "Naples", 1), "title": "T " + payload, "url": "https://hostile.example/a"})
	bodies := []struct{ ctype, body string }{
		{"text/plain", text}, {"text/html", html}, {"application/json", string(js)},
	}
	var ids []string
	for _, b := range bodies {
		code, _, out := f.do("POST", "/api/documents", b.ctype, strings.NewReader(b.body), bearer(testToken))
		if code != 200 {
			t.Fatalf("%s: %d %s", b.ctype, code, out)
		}
		var r postResult
		json.Unmarshal(out, &r)
		ids = append(ids, r.ID)
	}
	paths := []string{"/api/documents?q=alert", "/api/documents?q=Hostile", "/api/documents", "/api/events?limit=500", "/api/export?format=jsonl"}
	for _, id := range ids {
		paths = append(paths, "/api/documents/"+id)
	}
	for _, p := range paths {
		code, h, b := f.get(p)
		if code != 200 {
			t.Fatalf("%s: %d %s", p, code, b)
		}
		for _, bad := range []string{"<script", "<img", "<b ", "</"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s: response contains raw %q", p, bad)
			}
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || strings.Contains(h.Get("Content-Type"), "html") {
			t.Errorf("%s: headers %v", p, h)
		}
	}
	// The text document keeps the payload as data.
	var d struct{ Text string }
	f.getJSON("/api/documents/"+ids[0], &d)
	if !strings.Contains(d.Text, "<script>alert(1)</script>") {
		t.Errorf("text payload not kept as data: %q", d.Text)
	}
	f.getJSON("/api/documents/"+ids[2], &d)
	var title struct{ Title string }
	f.getJSON("/api/documents/"+ids[2], &title)
	if title.Title != "T "+payload {
		t.Errorf("title %q", title.Title)
	}
	// HTML cleaning drops scripts and handlers.
	f.getJSON("/api/documents/"+ids[1], &d)
	if strings.Contains(d.Text, "alert(4)") || strings.Contains(d.Text, "onerror") || !strings.Contains(d.Text, "Spain said") {
		t.Errorf("html text %q", d.Text)
	}
}
