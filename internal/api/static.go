package api

import (
	"embed"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed placeholder
var placeholderFS embed.FS

// static serves the dashboard's files from an fs.FS: known content types,
// no directory listings, no path outside the tree, and index.html for
// extension-less paths (client-side routes) that are not files.
type static struct {
	fsys fs.FS
}

func newStatic(fsys fs.FS) (*static, error) {
	if fsys == nil {
		sub, err := fs.Sub(placeholderFS, "placeholder")
		if err != nil {
			return nil, err
		}
		return &static{fsys: sub}, nil
	}
	// Accept an FS rooted at the build output or at its parent.
	if _, err := fs.Stat(fsys, "index.html"); err != nil {
		if _, err2 := fs.Stat(fsys, "dist/index.html"); err2 == nil {
			sub, err := fs.Sub(fsys, "dist")
			if err != nil {
				return nil, err
			}
			fsys = sub
		}
	}
	return &static{fsys: fsys}, nil
}

// contentTypes of dashboard files; anything else is served as bytes.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".json":        "application/json; charset=utf-8",
	".map":         "application/json; charset=utf-8",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
	".ttf":         "font/ttf",
	".txt":         "text/plain; charset=utf-8",
	".wasm":        "application/wasm",
}

func (st *static) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if p == "/api" || strings.HasPrefix(p, "/api/") {
		writeError(w, r, &apiError{Kind: KindNotFound, Message: "no such endpoint: " + p})
		return
	}
	// Refuse rather than clean anything that tries to climb out, however
	// it was encoded (the path here is already percent-decoded).
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." || seg == "." {
			writeError(w, r, &apiError{Kind: KindBadRequest, Message: "path: '.' and '..' segments are not allowed"})
			return
		}
	}
	if strings.ContainsAny(p, "\\\x00") {
		writeError(w, r, &apiError{Kind: KindBadRequest, Message: "path: backslashes and NUL bytes are not allowed"})
		return
	}
	name := strings.Trim(p, "/")
	if name == "" {
		name = "index.html"
	}
	if !fs.ValidPath(name) {
		writeError(w, r, &apiError{Kind: KindNotFound, Message: "no such file: " + p})
		return
	}
	f, info, err := st.open(name)
	if err == nil && info.IsDir() {
		f.Close()
		name = path.Join(name, "index.html")
		f, info, err = st.open(name)
	}
	if err != nil {
		if path.Ext(name) != "" && !strings.HasSuffix(name, "/index.html") {
			writeError(w, r, &apiError{Kind: KindNotFound, Message: "no such file: " + p})
			return
		}
		name = "index.html" // a client-side route
		if f, info, err = st.open(name); err != nil {
			writeError(w, r, &apiError{Kind: KindNotFound, Message: "no such file: " + p})
			return
		}
	}
	defer f.Close()
	ct, ok := contentTypes[strings.ToLower(path.Ext(name))]
	if !ok {
		ct = "application/octet-stream"
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	if strings.HasPrefix(ct, "text/html") {
		h.Set("Content-Security-Policy", htmlCSP)
		h.Set("Cache-Control", "no-cache")
	} else {
		h.Set("Cache-Control", "public, max-age=3600")
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		b, err := io.ReadAll(io.LimitReader(f, 64<<20))
		if err != nil {
			writeError(w, r, &apiError{Kind: KindInternal, Message: "reading " + name})
			return
		}
		rs = strings.NewReader(string(b))
	}
	http.ServeContent(w, r, name, info.ModTime(), rs)
}

func (st *static) open(name string) (fs.File, fs.FileInfo, error) {
	f, err := st.fsys.Open(name)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		f.Close()
		return nil, nil, errors.New("not a regular file")
	}
	return f, info, nil
}
