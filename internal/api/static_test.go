package api

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// rawGet sends path exactly as given (no client-side cleaning) and returns
// the status and body.
func rawGet(t *testing.T, addr, path string) (int, string) {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestStaticTraversal(t *testing.T) {
	// The dashboard directory has a secret next to it, and the repository
	// root (go.mod) is two levels up from the test's working directory.
	root := t.TempDir()
	dist := filepath.Join(root, "dist")
	os.MkdirAll(filepath.Join(dist, "assets"), 0o755)
	os.WriteFile(filepath.Join(dist, "index.html"), []byte("<!doctype html><title>dash</title>"), 0o644)
	os.WriteFile(filepath.Join(dist, "assets", "app.js"), []byte("console.log(1)"), 0o644)
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("TOPSECRET"), 0o644)
	f := newFixture(t, func(o *Options) { o.Static = os.DirFS(root) }) // rooted at the parent: dist/ is found
	addr := strings.TrimPrefix(f.srv.URL, "http://")
	for _, p := range []string{
		"/../go.mod", "/%2e%2e/go.mod", "/%2E%2E/%2e%2e/go.mod", "/..%2fgo.mod", "/assets/../../secret.txt",
		"/assets/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/../secret.txt", "/%2e%2e%2fsecret.txt",
		"/./index.html", "/assets/..", "/dist/../secret.txt", "/../../../../etc/passwd", "/%00",
	} {
		code, body := rawGet(t, addr, p)
		if code == 200 || strings.Contains(body, "TOPSECRET") || strings.Contains(body, "module github.com") || strings.Contains(body, "root:") {
			t.Errorf("%s: %d %q", p, code, body)
		}
	}
	// Legitimate files still work.
	code, body := rawGet(t, addr, "/assets/app.js")
	if code != 200 || body != "console.log(1)" {
		t.Fatalf("/assets/app.js: %d %q", code, body)
	}
	code, body = rawGet(t, addr, "/secret.txt") // outside dist/, not served (index fallback would be html)
	if strings.Contains(body, "TOPSECRET") {
		t.Fatalf("/secret.txt: %d %q", code, body)
	}
}

func TestStatic(t *testing.T) {
	fsys := fstest.MapFS{
		"index.html":       {Data: []byte("<!doctype html><title>eventwire dashboard</title>")},
		"assets/app.js":    {Data: []byte("export const x = 1;")},
		"assets/app.css":   {Data: []byte("body{}")},
		"assets/logo.svg":  {Data: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>")},
		"assets/font.woff": {Data: []byte("wOFF")},
		"docs/index.html":  {Data: []byte("<!doctype html><title>docs</title>")},
	}
	f := newFixture(t, func(o *Options) { o.Static = fsys })
	cases := []struct {
		path, ctype, body string
		status            int
	}{
		{"/", "text/html; charset=utf-8", "eventwire dashboard", 200},
		{"/index.html", "text/html; charset=utf-8", "eventwire dashboard", 200},
		{"/assets/app.js", "text/javascript; charset=utf-8", "export const", 200},
		{"/assets/app.css", "text/css; charset=utf-8", "body{}", 200},
		{"/assets/logo.svg", "image/svg+xml", "<svg", 200},
		{"/assets/font.woff", "font/woff", "wOFF", 200},
		{"/docs/", "text/html; charset=utf-8", "<title>docs", 200},
		{"/map", "text/html; charset=utf-8", "eventwire dashboard", 200},               // client-side route
		{"/events/sha256:abc", "text/html; charset=utf-8", "eventwire dashboard", 200}, // client-side route
		{"/assets/missing.js", "application/json; charset=utf-8", `"not_found"`, 404},
		{"/api/missing", "application/json; charset=utf-8", `"not_found"`, 404},
		{"/api/", "application/json; charset=utf-8", `"not_found"`, 404},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			code, h, b := f.get(c.path)
			if code != c.status || h.Get("Content-Type") != c.ctype || !strings.Contains(string(b), c.body) {
				t.Fatalf("%d %q %q", code, h.Get("Content-Type"), b)
			}
			if h.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no nosniff")
			}
			csp := h.Get("Content-Security-Policy")
			if strings.HasPrefix(c.ctype, "text/html") {
				if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "object-src 'none'") {
					t.Errorf("html CSP %q", csp)
				}
			} else if csp == "" {
				t.Error("no CSP")
			}
		})
	}
	t.Run("placeholder", func(t *testing.T) {
		f := newFixture(t)
		code, h, b := f.get("/")
		if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/html") || !strings.Contains(string(b), "/api/events") {
			t.Fatalf("%d %q", code, b)
		}
	})
	t.Run("head", func(t *testing.T) {
		code, h, b := f.do("HEAD", "/assets/app.js", "", nil, nil)
		if code != 200 || len(b) != 0 || h.Get("Content-Length") != "19" {
			t.Fatalf("%d %v %q", code, h, b)
		}
	})
}
