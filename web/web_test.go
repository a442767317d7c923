package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
)

// refRe finds the src/href attributes of index.html.
var refRe = regexp.MustCompile(`(?i)\b(?:src|href)\s*=\s*"([^"]*)"`)

// urlRe finds absolute http(s) URLs anywhere in a file.
var urlRe = regexp.MustCompile(`(?i)https?://[^\s"'<>()\x60\\]+`)

// namespaceURIs are identifiers that DOM code must spell out (SVG's
// createElementNS) and that no browser fetches.
var namespaceURIs = map[string]bool{
	"http://www.w3.org/2000/svg":           true,
	"http://www.w3.org/1999/xhtml":         true,
	"http://www.w3.org/1999/xlink":         true,
	"http://www.w3.org/2000/xmlns/":        true,
	"http://www.w3.org/XML/1998/namespace": true,
}

func TestIndexReferencesEmbeddedAssets(t *testing.T) {
	fsys := FS()
	index, err := fs.ReadFile(fsys, "index.html")
	if err != nil {
		t.Fatalf("dist has no index.html (run web/build.sh): %v", err)
	}
	refs := refRe.FindAllStringSubmatch(string(index), -1)
	var js, css int
	for _, m := range refs {
		ref := m[1]
		switch {
		case strings.HasPrefix(ref, "data:"), strings.HasPrefix(ref, "#"):
			continue
		case strings.Contains(ref, "://"), strings.HasPrefix(ref, "//"):
			t.Errorf("index.html references an external resource %q", ref)
			continue
		}
		name := strings.TrimPrefix(strings.SplitN(ref, "?", 2)[0], "/")
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			t.Errorf("index.html references %q, which is not embedded: %v", ref, err)
			continue
		}
		if len(data) == 0 {
			t.Errorf("%s is empty", name)
		}
		switch {
		case strings.HasSuffix(name, ".js"):
			js++
		case strings.HasSuffix(name, ".css"):
			css++
		}
	}
	if js == 0 || css == 0 {
		t.Errorf("index.html references %d script(s) and %d stylesheet(s); want at least one of each", js, css)
	}
}

func TestNoExternalURLs(t *testing.T) {
	fsys := FS()
	files := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		for _, u := range urlRe.FindAllString(string(data), -1) {
			if !namespaceURIs[strings.TrimRight(u, ".,;")] {
				t.Errorf("%s references the external URL %q; the dashboard must work offline", p, u)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 3 {
		t.Errorf("dist holds %d files; want index.html plus its JS and CSS", files)
	}
}

func TestURLCheckCatchesExternalReferences(t *testing.T) {
	// The scanner itself must see the URL forms a bundle could contain.
	for _, tc := range []struct {
		in   string
		want string
	}{
		{`import("https://cdn.example.com/x.js")`, "https://cdn.example.com/x.js"},
		{`url(http://fonts.example.org/a.woff2)`, "http://fonts.example.org/a.woff2"},
		{"fetch(`https://api.example.net/v1`)", "https://api.example.net/v1"},
		{`createElementNS("http://www.w3.org/2000/svg","g")`, "http://www.w3.org/2000/svg"},
	} {
		got := urlRe.FindString(tc.in)
		if got != tc.want {
			t.Errorf("urlRe in %q = %q, want %q", tc.in, got, tc.want)
		}
	}
	if !namespaceURIs["http://www.w3.org/2000/svg"] || namespaceURIs["https://cdn.example.com/x.js"] {
		t.Error("namespace allow-list is wrong")
	}
}
