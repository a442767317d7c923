package api

import (
	"net/http"
	"runtime/debug"
	"strings"
)

// CSP of the dashboard's HTML: only its own scripts, styles, images and
// API; nothing inline, no plugins, no framing, no form posts elsewhere.
const htmlCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
	"frame-ancestors 'none'; form-action 'self'"

// apiCSP is for every non-HTML response: nothing may run or load.
const apiCSP = "default-src 'none'; frame-ancestors 'none'"

// securityHeaders sets headers every response carries; the static handler
// swaps in htmlCSP for HTML.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Content-Security-Policy", apiCSP)
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a handler panic into a logged 500, except the abort
// signal of net/http, which must reach the server.
func (s *Server) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			stack := string(debug.Stack())
			if i := strings.Index(stack, "\n"); i >= 0 && len(stack) > 4000 {
				stack = stack[:4000]
			}
			s.opt.Log.Error("api handler panic", "path", r.URL.Path, "panic", v, "stack", stack)
			writeError(w, r, &apiError{Kind: KindInternal, Message: "internal error"})
		}()
		next.ServeHTTP(w, r)
	})
}
