package ingest

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/eventwire/eventwire/internal/ingest/internal/warcwrite"
)

func gz(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func TestDetect(t *testing.T) {
	warcHead := warcwrite.Encode(warcwrite.Record{Type: "warcinfo", ID: "urn:x", Date: "2026-01-01T00:00:00Z", Block: []byte("a: b\r\n")})
	tests := []struct {
		name string
		head []byte
		file string
		want Kind
	}{
		{"plain text", []byte("Leaders met in Paris on Monday."), "a.txt", KindText},
		{"text named .html stays text without tags", []byte("Leaders met in Paris."), "a.html", KindText},
		{"html doctype", []byte("<!DOCTYPE html><html><body>x"), "", KindHTML},
		{"html with BOM and comment", []byte("\xef\xbb\xbf<!-- c --><html lang=en>"), "", KindHTML},
		{"html fragment", []byte("<p>Leaders met.</p>"), "", KindHTML},
		{"text then html tag", []byte("junk line\n<html><body>x</body></html>"), "", KindHTML},
		{"tagged text with .html", []byte("Leaders <b>met</b>."), "x.HTML", KindHTML},
		{"rss", []byte(`<?xml version="1.0"?><rss version="2.0"><channel>`), "", KindRSS},
		{"rss 1.0 rdf", []byte(`<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">`), "", KindRSS},
		{"atom beats .xml", []byte(`<?xml version="1.0"?>` + "\n<!-- gen -->\n" + `<feed xmlns="http://www.w3.org/2005/Atom">`), "a.xml", KindAtom},
		{"content beats extension", []byte(`<rss version="2.0">`), "feed.html", KindRSS},
		{"xml stylesheet prologue", []byte(`<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><rss>`), "", KindRSS},
		{"cut prologue uses extension", []byte(`<?xml version="1.0" encoding="utf-8`), "f.atom", KindAtom},
		{"warc", warcHead, "", KindWARC},
		{"warc in gzip", gz(warcHead), "x.warc.gz", KindWARC},
		{"cut gzip head", gz([]byte(strings.Repeat(`{"text":"abc"}`+"\n", 500)))[:40], "", KindJSONL},
		{"jsonl", []byte(`{"text":"a"}` + "\n" + `{"text":"b"}`), "", KindJSONL},
		{"jsonl with leading space", []byte("  \n{\"text\":\"a\"}"), "", KindJSONL},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "a.txt", KindUnknown},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00\x00\x00"), "", KindUnknown},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), "", KindUnknown},
		{"nul bytes", []byte("abc\x00def"), "", KindUnknown},
		{"utf-16 html", []byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"), "", KindHTML},
		{"latin-1 text", []byte("Caf\xe9 owners protest in Lyon."), "", KindText},
		{"empty", nil, "a.jsonl", KindText},
		{"MZ word is text", []byte("MZ Holdings said on Monday it would appeal."), "", KindText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.head, tt.file); got != tt.want {
				t.Errorf("Detect = %q, want %q", got, tt.want)
			}
		})
	}
}

// brief is the comparable part of an Item.
type brief struct {
	Origin, Kind, Title, PubDate, URL, Source string
	HTML                                      bool
	Body                                      string // prefix
	Err                                       string // substring of Err.Error()
	Warn                                      string
}

func collect(t testing.TB, paths []string, opt Options) []brief {
	t.Helper()
	it := Walk(context.Background(), paths, opt)
	defer it.Close()
	var out []brief
	for it.Next() {
		x := it.Item()
		b := brief{Origin: x.Origin, Kind: string(x.Kind), Title: x.Title, PubDate: x.PubDate, URL: x.URL, Source: x.Source, HTML: x.IsHTML}
		body := string(x.Body)
		if len(body) > 24 {
			body = body[:24]
		}
		b.Body = body
		if x.Err != nil {
			b.Err = x.Err.Error()
			if x.Body != nil {
				t.Errorf("%s: error item with a body", x.Origin)
			}
		}
		for _, w := range x.Warn {
			b.Warn += w.Error() + ";"
		}
		out = append(out, b)
		if len(out) > 100000 {
			t.Fatal("walk does not end")
		}
	}
	return out
}

var substr = cmp.Comparer(func(a, b string) bool {
	return a == b || (a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a)))
})

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWalkTree(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.html", "b.txt", "sub/c.jsonl"} {
		b, err := os.ReadFile(filepath.Join("testdata", "tree", name))
		if err != nil {
			t.Fatal(err)
		}
		write(t, dir, name, b)
	}
	write(t, dir, ".hidden/x.txt", []byte("secret"))
	write(t, dir, ".dot.txt", []byte("secret"))
	write(t, dir, "sub/.git/config", []byte("secret"))
	if err := os.Symlink(filepath.Join(dir, "missing"), filepath.Join(dir, "sub", "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	got := collect(t, []string{dir}, Options{})
	p := func(s string) string { return filepath.Join(dir, s) }
	want := []brief{
		{Origin: p("a.html"), Kind: "html", Title: "Strike ends", PubDate: "2025-06-01", URL: "https://www.paper.example.com/strike",
			Source: "paper.example.com", HTML: true, Body: "<!doctype html><html><he"},
		{Origin: p("b.txt"), Kind: "text", Body: "Protesters gathered in T"},
		{Origin: p("sub/c.jsonl") + ":line=1", Kind: "jsonl", Title: "One", PubDate: "2025-06-02", Body: "Line one story."},
		{Origin: p("sub/c.jsonl") + ":line=2", Kind: "jsonl", Err: p("sub/c.jsonl") + ":2: read: invalid JSON"},
		{Origin: p("sub/dangling.txt"), Err: "cannot open"},
	}
	if diff := cmp.Diff(want, got, substr); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestWalkMalformed(t *testing.T) {
	dir := t.TempDir()
	story := []byte("Police arrested 12 people after clashes in Dhaka on Friday, officials said.\n")
	full := gz(bytes.Repeat(story, 400))
	var jl []byte
	for i := 0; i < 3000; i++ {
		jl = append(jl, fmt.Sprintf(`{"text":"story number %d about talks in Doha, a story"}`+"\n", i*7919%10007)...)
	}
	jlgz := gz(jl)
	tests := []struct {
		name string
		file string
		data []byte
		opt  Options
		want []brief
	}{
		{"gzip text", "a.txt.gz", gz(story), Options{}, []brief{{Kind: "text", Body: "Police arrested 12 peopl"}}},
		{"truncated gzip", "t.txt.gz", full[:len(full)/2], Options{}, []brief{{Kind: "text", Err: "truncated gzip stream"}}},
		{"corrupt gzip header", "h.gz", []byte("\x1f\x8b\x08\xff\xff"), Options{}, []brief{{Err: "gzip"}}},
		{"truncated gzip jsonl keeps good lines", "j.jsonl.gz", jlgz[:len(jlgz)/2], Options{},
			nil /* checked below */},
		{"empty file", "e.txt", nil, Options{}, []brief{{Err: "empty file"}}},
		{"empty gzip", "e.gz", gz(nil), Options{}, []brief{{Err: "empty file (after gunzip)"}}},
		{"png", "p.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"), Options{}, []brief{{Err: "not a text document: PNG image"}}},
		{"elf", "prog", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00"), Options{}, []brief{{Err: "ELF executable"}}},
		{"invalid utf-8 text repaired", "l.txt", []byte("Caf\xe9 owners protest."), Options{},
			[]brief{{Kind: "text", Body: "Caf\uFFFD owners protest.", Warn: "invalid UTF-8 replaced by U+FFFD"}}},
		{"latin-1 html converted", "l.html", []byte("<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head></html>"), Options{},
			[]brief{{Kind: "html", HTML: true, Title: "Café", Body: "<html><head><meta chars", Warn: "converted from windows-1252"}}},
		{"utf-16 text", "u.txt", []byte("\xff\xfeH\x00i\x00"), Options{}, []brief{{Kind: "text", Body: "Hi"}}},
		{"oversized text", "big.txt", bytes.Repeat(story, 10), Options{MaxDocBytes: 100}, []brief{{Kind: "text", Err: "document larger than 100 bytes"}}},
		{"broken feed", "f.rss", []byte(`<rss version="2.0"><channel><item><title>x</ti`), Options{}, []brief{{Kind: "rss", Err: "parse feed"}}},
		{"feed with empty entry", "g.rss", []byte(`<rss version="2.0"><channel><title>W</title><item><title>Only title</title></item><item><description>Body here</description><link>https://w.example.com/1</link></item></channel></rss>`), Options{},
			[]brief{{Kind: "rss", Err: "no content or description"}, {Kind: "rss", URL: "https://w.example.com/1", Source: "w.example.com", Body: "Body here"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := write(t, dir, tt.file, tt.data)
			got := collect(t, []string{path}, tt.opt)
			if tt.want == nil {
				// Truncated gzip JSONL: good lines first, then one error naming the file.
				if len(got) < 2 {
					t.Fatalf("got %d items", len(got))
				}
				last := got[len(got)-1]
				if !strings.Contains(last.Err, "truncated gzip stream") || !strings.Contains(last.Err, path) {
					t.Errorf("last item %+v", last)
				}
				for _, b := range got[:len(got)-1] {
					if b.Err != "" || !strings.HasPrefix(b.Body, "story number") {
						t.Errorf("item %+v", b)
					}
				}
				return
			}
			for i := range tt.want {
				if tt.want[i].Origin == "" {
					tt.want[i].Origin = path
				}
				if strings.HasPrefix(tt.file, "g.rss") {
					tt.want[i].Origin = path + "#item=" + string(rune('1'+i))
				}
			}
			if diff := cmp.Diff(tt.want, got, substr); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
			for _, b := range got {
				if b.Err != "" && !strings.Contains(b.Err, path) {
					t.Errorf("error %q does not name the file", b.Err)
				}
			}
		})
	}
}

// zs yields n bytes of 'z' without holding them in memory.
type zs struct{ n int64 }

func (z *zs) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > z.n {
		p = p[:z.n]
	}
	for i := range p {
		p[i] = 'z'
	}
	z.n -= int64(len(p))
	return len(p), nil
}

func TestWalkStdin50MBLine(t *testing.T) {
	in := io.MultiReader(strings.NewReader(`{"text":"`), &zs{n: 50 << 20}, strings.NewReader("\"}\n{\"text\":\"after the long line\"}\n"))
	got := collect(t, []string{"-"}, Options{Stdin: in, MaxDocBytes: 1 << 20})
	want := []brief{
		{Origin: "-:line=1", Kind: "jsonl", Err: "-:1: read: line too long"},
		{Origin: "-:line=2", Kind: "jsonl", Body: "after the long line"},
	}
	if diff := cmp.Diff(want, got, substr); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestWalkWARC(t *testing.T) {
	html := []string{"Content-Type: text/html; charset=utf-8"}
	page := []byte(`<html><head><title>Envoys meet | Gulf Post</title><meta property="og:site_name" content="Gulf Post"></head><body><p>Envoys met.</p></body></html>`)
	resp := func(id, uri string) warcwrite.Record {
		return warcwrite.Record{Type: "response", ID: id, Date: "2026-02-10T08:00:00Z", TargetURI: uri,
			ContentType: "application/http;msgtype=response", Block: warcwrite.HTTPResponse("200 OK", html, page)}
	}
	var b bytes.Buffer
	if err := warcwrite.Write(&b, true, resp("urn:1", "https://www.gulfpost.example.com/a")); err != nil {
		t.Fatal(err)
	}
	b.Write(gz([]byte("WARC/1.1\r\nWARC-Type: response\r\nbroken header line\r\n\r\n")))
	if err := warcwrite.Write(&b, true, resp("urn:3", "https://www.gulfpost.example.com/c")); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := write(t, dir, "crawl.warc.gz", b.Bytes())
	got := collect(t, []string{path}, Options{})
	want := []brief{
		{Origin: path + "#record=1", Kind: "warc", Title: "Envoys meet", PubDate: "2026-02-10", URL: "https://www.gulfpost.example.com/a",
			Source: "gulfpost.example.com", HTML: true, Body: "<html><head><title>Envo"},
		{Origin: path + "#record=2", Kind: "warc", Err: path + "#record=2@"},
		{Origin: path + "#record=3", Kind: "warc", Title: "Envoys meet", PubDate: "2026-02-10", URL: "https://www.gulfpost.example.com/c",
			Source: "gulfpost.example.com", HTML: true, Body: "<html><head><title>Envo"},
	}
	if diff := cmp.Diff(want, got, substr); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestWalkTruncatedWARCGzip(t *testing.T) {
	var b bytes.Buffer
	for i := 0; i < 20; i++ {
		page := fmt.Sprintf("<html><head><title>Page %d</title></head><body><p>%s</p></body></html>", i, strings.Repeat(fmt.Sprint(i*7919), 200))
		rec := warcwrite.Record{Type: "response", ID: fmt.Sprintf("urn:%d", i), Date: "2026-02-10T08:00:00Z", TargetURI: fmt.Sprintf("https://a.example.com/%d", i),
			ContentType: "application/http;msgtype=response", Block: warcwrite.HTTPResponse("200 OK", []string{"Content-Type: text/html"}, []byte(page))}
		if err := warcwrite.Write(&b, true, rec); err != nil {
			t.Fatal(err)
		}
	}
	data := b.Bytes()
	path := write(t, t.TempDir(), "cut.warc.gz", data[:len(data)*2/3])
	got := collect(t, []string{path}, Options{})
	if len(got) < 5 {
		t.Fatalf("only %d items before the cut", len(got))
	}
	for i, g := range got[:len(got)-1] {
		if g.Err != "" || g.Title != fmt.Sprintf("Page %d", i) {
			t.Errorf("item %d: %+v", i, g)
		}
	}
	last := got[len(got)-1]
	if !strings.Contains(last.Err, path) || !strings.Contains(last.Err, "truncated gzip stream") {
		t.Errorf("last item: %+v", last)
	}
}

func TestWalkMissingAndCancel(t *testing.T) {
	got := collect(t, []string{"/nonexistent/eventwire/x.txt", "testdata/tree/b.txt"}, Options{})
	want := []brief{
		{Origin: "/nonexistent/eventwire/x.txt", Err: "/nonexistent/eventwire/x.txt: read: cannot open: no such file or directory"},
		{Origin: "testdata/tree/b.txt", Kind: "text", Body: "Protesters gathered in T"},
	}
	if diff := cmp.Diff(want, got, substr); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}

	ctx, cancel := context.WithCancel(context.Background())
	it := Walk(ctx, []string{"testdata/tree"}, Options{})
	defer it.Close()
	if !it.Next() {
		t.Fatal("no first item")
	}
	cancel()
	if it.Next() {
		t.Error("Next after cancel returned an item")
	}
}

func TestWalkUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads any file; permission errors cannot be provoked")
	}
	dir := t.TempDir()
	p := write(t, dir, "locked.txt", []byte("x"))
	if err := os.Chmod(p, 0); err != nil {
		t.Fatal(err)
	}
	got := collect(t, []string{p}, Options{})
	if len(got) != 1 || !strings.Contains(got[0].Err, "permission denied") {
		t.Fatalf("got %+v", got)
	}
}

func TestExamples(t *testing.T) {
	dir := filepath.Join("..", "..", "examples")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("examples/ absent")
	}
	got := collect(t, []string{filepath.Join(dir, "crawl.warc.gz"), filepath.Join(dir, "feed.rss"), filepath.Join(dir, "wire.jsonl")}, Options{})
	titles := map[string]string{}
	for _, b := range got {
		if b.Err != "" {
			t.Errorf("example error: %s", b.Err)
		}
		if b.PubDate == "" || b.Source == "" || b.Title == "" {
			t.Errorf("%s: missing metadata %+v", b.Origin, b)
		}
		titles[filepath.Base(b.Origin)] = b.Title
	}
	if len(got) != 5 {
		t.Fatalf("got %d items, want 5", len(got))
	}
	if !strings.Contains(titles["crawl.warc.gz#record=3"], "Kharkiv") {
		t.Errorf("warc title %q", titles["crawl.warc.gz#record=3"])
	}
}

func FuzzDetect(f *testing.F) {
	f.Add([]byte("<rss>"), "a.xml")
	f.Add([]byte("WARC/1.1\r\n"), "")
	f.Add(gz([]byte(`{"text":"x"}`)), "a.gz")
	f.Add([]byte("\xff\xfe<\x00"), "a.html")
	f.Add([]byte("<?xml <!-- <!DOCTYPE"), "")
	valid := map[Kind]bool{KindUnknown: true, KindText: true, KindHTML: true, KindRSS: true, KindAtom: true, KindWARC: true, KindJSONL: true}
	f.Fuzz(func(t *testing.T, head []byte, name string) {
		k := Detect(head, name)
		if !valid[k] {
			t.Fatalf("invalid kind %q", k)
		}
		if Detect(head, name) != k {
			t.Fatal("not deterministic")
		}
	})
}

func BenchmarkWalk(b *testing.B) {
	dir := b.TempDir()
	text := bytes.Repeat([]byte("Officials said the talks would resume on Monday after a pause of several weeks. "), 30)
	for i := 0; i < 50; i++ {
		name := filepath.Join(dir, "doc"+string(rune('a'+i%26))+string(rune('a'+i/26))+".txt")
		if err := os.WriteFile(name, text, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(name+".html.gz", gz(append([]byte("<html><head><title>T</title></head><body><p>"), text...)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		it := Walk(context.Background(), []string{dir}, Options{})
		n := 0
		for it.Next() {
			if it.Item().Err != nil {
				b.Fatal(it.Item().Err)
			}
			n++
		}
		it.Close()
		if n != 100 {
			b.Fatalf("%d items", n)
		}
	}
	b.ReportMetric(100, "docs/op")
}
