package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/eventwire/eventwire/internal/ingest/internal/warcwrite"
)

const article = `<html><head><title>Talks resume</title></head><body><p>Envoys met again on Monday.</p></body></html>`

func response(n int, uri string, headers []string, body []byte) warcwrite.Record {
	return warcwrite.Record{
		Type: "response", ID: fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n),
		Date: "2026-01-05T10:00:00Z", TargetURI: uri, ContentType: "application/http;msgtype=response",
		Block: warcwrite.HTTPResponse("200 OK", headers, body),
	}
}

func info(n int) warcwrite.Record {
	return warcwrite.Record{Type: "warcinfo", ID: fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n),
		Date: "2026-01-05T09:59:00Z", ContentType: "application/warc-fields", Block: []byte("software: test\r\n")}
}

func build(t testing.TB, gz bool, recs ...warcwrite.Record) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := warcwrite.Write(&b, gz, recs...); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(b)
	zw.Close()
	return out.Bytes()
}

func chunked(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(len(b), 17)
		fmt.Fprintf(&out, "%x\r\n%s\r\n", n, b[:n])
		b = b[n:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

// got is a compact outcome of one Next call.
type got struct {
	Index int
	URI   string
	Date  string
	Body  string
	Err   string
}

func readAll(t testing.TB, r io.Reader, max int64) []got {
	t.Helper()
	rd := NewReader(r, max)
	defer rd.Close()
	var out []got
	for i := 0; i < 10000; i++ {
		rec, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			var re *RecordError
			if errors.As(err, &re) {
				out = append(out, got{Index: re.Index, Err: re.Err.Error()})
				continue
			}
			out = append(out, got{Err: "fatal: " + err.Error()})
			continue
		}
		out = append(out, got{Index: rec.Index, URI: rec.URI, Date: rec.Date, Body: string(rec.Body)})
	}
	t.Fatal("reader did not stop")
	return nil
}

var errContains = cmp.Comparer(func(a, b string) bool {
	return a == b || (a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a)))
})

func TestReader(t *testing.T) {
	html := []string{"Content-Type: text/html; charset=utf-8"}
	page := func(n int) warcwrite.Record {
		return response(n, fmt.Sprintf("https://ex.example.com/%d", n), html, []byte(article))
	}
	tests := []struct {
		name string
		in   []byte
		want []got
	}{
		{
			name: "plain archive: warcinfo skipped, page read",
			in:   build(t, false, info(1), page(2)),
			want: []got{{Index: 2, URI: "https://ex.example.com/2", Date: "2026-01-05", Body: article}},
		},
		{
			name: "gzip per record",
			in:   build(t, true, info(1), page(2), page(3)),
			want: []got{
				{Index: 2, URI: "https://ex.example.com/2", Date: "2026-01-05", Body: article},
				{Index: 3, URI: "https://ex.example.com/3", Date: "2026-01-05", Body: article},
			},
		},
		{
			name: "non-HTML, error status and request records skipped",
			in: build(t, false,
				response(1, "https://ex.example.com/logo.png", []string{"Content-Type: image/png"}, []byte("\x89PNG\r\n\x1a\n")),
				warcwrite.Record{Type: "response", ID: "urn:uuid:2", Date: "2026-01-05T10:00:00Z", TargetURI: "https://ex.example.com/gone",
					ContentType: "application/http;msgtype=response", Block: warcwrite.HTTPResponse("404 Not Found", html, []byte("<p>gone</p>"))},
				warcwrite.Record{Type: "request", ID: "urn:uuid:3", Date: "2026-01-05T10:00:00Z", TargetURI: "https://ex.example.com/",
					ContentType: "application/http;msgtype=request", Block: []byte("GET / HTTP/1.1\r\nHost: ex.example.com\r\n\r\n")},
				page(4)),
			want: []got{{Index: 4, URI: "https://ex.example.com/4", Date: "2026-01-05", Body: article}},
		},
		{
			name: "resource record with text/html",
			in: build(t, false, warcwrite.Record{Type: "resource", ID: "urn:uuid:9", Date: "2025-12-31T23:00:00Z",
				TargetURI: "file:///saved/page.html", ContentType: "text/html", Block: []byte(article)}),
			want: []got{{Index: 1, URI: "file:///saved/page.html", Date: "2025-12-31", Body: article}},
		},
		{
			name: "chunked and gzip-encoded payload decoded",
			in: build(t, false, response(1, "https://ex.example.com/z",
				[]string{"Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunked(gzipped([]byte(article))))),
			want: []got{{Index: 1, URI: "https://ex.example.com/z", Date: "2026-01-05", Body: article}},
		},
		{
			name: "missing content type sniffed",
			in:   build(t, false, response(1, "https://ex.example.com/s", nil, []byte(article))),
			want: []got{{Index: 1, URI: "https://ex.example.com/s", Date: "2026-01-05", Body: article}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, readAll(t, bytes.NewReader(tt.in), 0)); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReaderMalformed(t *testing.T) {
	html := []string{"Content-Type: text/html"}
	good := func(n int) []byte {
		return build(t, false, response(n, fmt.Sprintf("https://ex.example.com/%d", n), html, []byte(article)))
	}
	okRec := func(i, n int) got {
		return got{Index: i, URI: fmt.Sprintf("https://ex.example.com/%d", n), Date: "2026-01-05", Body: article}
	}
	broken := []byte("WARC/1.1\r\nWARC-Type: response\r\nthis line has no colon\r\nContent-Length: abc\r\n\r\n")
	full := good(1)
	tests := []struct {
		name string
		in   []byte
		max  int64
		want []got
	}{
		{
			name: "broken header between good records",
			in:   bytes.Join([][]byte{good(1), broken, good(3)}, nil),
			want: []got{okRec(1, 1), {Index: 2, Err: "record"}, okRec(3, 3)},
		},
		{
			name: "truncated last record",
			in:   append(good(1), full[:len(full)-40]...),
			want: []got{okRec(1, 1), {Index: 2, Err: "truncated record"}},
		},
		{
			name: "page over size limit, next page still read",
			in:   append(build(t, false, response(1, "https://ex.example.com/big", html, []byte(article+strings.Repeat("<p>x</p>", 100)))), good(2)...),
			max:  200,
			want: []got{{Index: 1, Err: "document too large"}, okRec(2, 2)},
		},
		{
			name: "junk only",
			in:   []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00"),
			want: []got{{Index: 1, Err: "no WARC record found"}},
		},
		{
			name: "empty",
			in:   nil,
			want: nil,
		},
		{
			name: "garbage before a record is skipped",
			in:   append([]byte("garbage garbage\r\n"), good(1)...),
			want: []got{okRec(1, 1)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, readAll(t, bytes.NewReader(tt.in), tt.max), errContains); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// failAfter returns data then a non-EOF error, like a disk failing.
type failAfter struct{ r io.Reader }

func (f *failAfter) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errors.New("input/output error")
	}
	return n, err
}

func TestReaderSourceError(t *testing.T) {
	in := build(t, false, response(1, "https://ex.example.com/1", []string{"Content-Type: text/html"}, []byte(article)))
	out := readAll(t, &failAfter{r: bytes.NewReader(append(in, in[:50]...))}, 0)
	if len(out) != 2 || out[0].Body != article || !strings.Contains(out[1].Err, "input/output error") {
		t.Fatalf("got %+v", out)
	}
}

func TestExampleArchive(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "..", "examples", "crawl.warc.gz"))
	if err != nil {
		t.Skip("examples/crawl.warc.gz absent:", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	out := readAll(t, zr, 0)
	if len(out) != 1 || out[0].Err != "" || out[0].Index != 3 || !strings.Contains(out[0].Body, "Kharkiv") {
		t.Fatalf("got %+v", out)
	}
}

func FuzzWARC(f *testing.F) {
	html := []string{"Content-Type: text/html"}
	f.Add(build(f, false, info(1), response(2, "https://a.example.com/", html, []byte(article))))
	f.Add(build(f, true, response(1, "https://a.example.com/", html, []byte(article))))
	f.Add(build(f, false, response(1, "https://a.example.com/", []string{"Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"}, chunked(gzipped([]byte(article))))))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rd := NewReader(bytes.NewReader(b), 1<<16)
		defer rd.Close()
		for i := 0; ; i++ {
			if i > len(b)+2 {
				t.Fatalf("%d results from %d bytes: reader loops", i, len(b))
			}
			rec, err := rd.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				continue
			}
			if len(rec.Body) == 0 || len(rec.Body) > 1<<16 {
				t.Fatalf("record %d: body of %d bytes", rec.Index, len(rec.Body))
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	body := []byte("<html><head><title>T</title></head><body>" + strings.Repeat("<p>Officials said the talks would resume on Monday after a pause.</p>\n", 150) + "</body></html>")
	var recs []warcwrite.Record
	for i := 0; i < 100; i++ {
		recs = append(recs, response(i, fmt.Sprintf("https://b.example.com/%d", i), []string{"Content-Type: text/html"}, body))
	}
	for _, gz := range []bool{false, true} {
		data := build(b, gz, recs...)
		b.Run(fmt.Sprintf("gzip=%v", gz), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				rd := NewReader(bytes.NewReader(data), 0)
				n := 0
				for {
					_, err := rd.Next()
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					n++
				}
				rd.Close()
				if n != 100 {
					b.Fatalf("read %d pages", n)
				}
			}
		})
	}
}
