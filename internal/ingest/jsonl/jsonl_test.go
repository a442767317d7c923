package jsonl

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// result is one Next outcome in a compact, comparable form.
type result struct {
	Line    Line
	ErrLine int    // LineError line number, 0 when none
	ErrHas  string // substring of the error
}

func readAll(t testing.TB, r io.Reader, maxLine int) []result {
	t.Helper()
	rd := NewReader(r, maxLine)
	var out []result
	for i := 0; i < 1000; i++ {
		l, err := rd.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				out = append(out, result{ErrHas: err.Error()})
				return out
			}
			out = append(out, result{ErrLine: le.N, ErrHas: le.Err.Error()})
			continue
		}
		out = append(out, result{Line: l})
	}
	t.Fatal("reader did not reach EOF")
	return nil
}

func TestReaderFixture(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "mixed.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := readAll(t, f, 0)
	want := []result{
		{Line: Line{N: 1, Offset: 0, Title: "Talks in Oman", URL: "https://a.example.com/1", PubDate: "2026-02-01", Text: "Envoys met in Muscat."}},
		{Line: Line{N: 4, Offset: 117, HTML: "<p>Hi</p>", PubDate: "1764000000", URL: "https://b.example.com/2"}},
		{ErrLine: 5, ErrHas: "not a JSON object"},
		{ErrLine: 6, ErrHas: "invalid JSON"},
		{ErrLine: 7, ErrHas: "not a JSON object"},
		{ErrLine: 8, ErrHas: `no "text" or "html"`},
		{Line: Line{N: 9, Offset: 258, Text: "Alias body", Title: "Alias", PubDate: "2025-05-05T10:00:00Z", Source: "Wire"}},
		{Line: Line{N: 10, Offset: 353, Text: "last line without newline"}},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b string) bool {
		return a == b || (a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a)))
	})); diff != "" {
		t.Errorf("mismatch (-want +got):\n%s", diff)
	}
}

func TestReaderMalformed(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		maxLine int
		want    []result
	}{
		{
			name: "empty input", in: "", want: nil,
		},
		{
			name: "CRLF and BOM",
			in:   "\xef\xbb\xbf{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n",
			want: []result{{Line: Line{N: 1, Text: "a"}}, {Line: Line{N: 2, Offset: 17, Text: "b"}}},
		},
		{
			name: "line too long then good line", maxLine: 32,
			in:   `{"text":"` + strings.Repeat("x", 100) + "\"}\n" + `{"text":"ok"}` + "\n",
			want: []result{{ErrLine: 1, ErrHas: "line too long"}, {Line: Line{N: 2, Offset: 112, Text: "ok"}}},
		},
		{
			name: "last line too long without newline", maxLine: 16,
			in:   `{"text":"ok"}` + "\n" + `{"text":"` + strings.Repeat("y", 40) + `"}`,
			want: []result{{Line: Line{N: 1, Text: "ok"}}, {ErrLine: 2, ErrHas: "line too long"}},
		},
		{
			name: "invalid UTF-8 repaired",
			in:   "{\"text\":\"caf\xe9 au lait\"}\n",
			want: []result{{Line: Line{N: 1, Text: "caf\uFFFD au lait", Repaired: true}}},
		},
		{
			name: "wrong field type",
			in:   `{"text":["a"]}` + "\n",
			want: []result{{ErrLine: 1, ErrHas: "invalid JSON"}},
		},
		{
			name: "binary junk",
			in:   "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
			want: []result{{ErrLine: 1, ErrHas: "not a JSON object"}, {ErrLine: 2, ErrHas: "not a JSON object"}, {ErrLine: 3, ErrHas: "not a JSON object"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAll(t, strings.NewReader(tt.in), tt.maxLine)
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b string) bool {
				return a == b || (a != "" && b != "" && (strings.Contains(a, b) || strings.Contains(b, a)))
			})); diff != "" {
				t.Errorf("mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// zeros yields n bytes of 'z' without holding them in memory.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
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

func TestReader50MBLine(t *testing.T) {
	in := io.MultiReader(strings.NewReader(`{"text":"`), &zeros{n: 50 << 20}, strings.NewReader("\"}\n{\"text\":\"after\"}\n"))
	got := readAll(t, in, 1<<20)
	if len(got) != 2 || got[0].ErrLine != 1 || !strings.Contains(got[0].ErrHas, "line too long") || got[1].Line.Text != "after" || got[1].Line.N != 2 {
		t.Fatalf("got %+v", got)
	}
}

type failing struct{ after io.Reader }

func (f *failing) Read(p []byte) (int, error) {
	n, err := f.after.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func TestReaderSourceError(t *testing.T) {
	got := readAll(t, &failing{after: strings.NewReader("{\"text\":\"a\"}\n{\"text\":")}, 0)
	if len(got) != 2 || got[0].Line.Text != "a" || got[1].ErrLine != 0 || !strings.Contains(got[1].ErrHas, "disk on fire") {
		t.Fatalf("got %+v", got)
	}
}

func FuzzJSONL(f *testing.F) {
	b, err := os.ReadFile(filepath.Join("testdata", "mixed.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b, 0)
	f.Add([]byte("{\"text\":\"caf\xe9\"}\r\n\n{\"html\":1}"), 8)
	f.Add([]byte(`{"text":"a","pubdate":-1e400}`), 64)
	f.Fuzz(func(t *testing.T, b []byte, maxLine int) {
		if maxLine < 0 || maxLine > 1<<16 {
			maxLine = 0
		}
		rd := NewReader(bytes.NewReader(b), maxLine)
		lines := bytes.Count(b, []byte("\n")) + 1
		for i := 0; ; i++ {
			if i > lines {
				t.Fatalf("more results (%d) than lines (%d)", i, lines)
			}
			l, err := rd.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) {
					t.Fatalf("non-line error from an in-memory reader: %v", err)
				}
				continue
			}
			if l.Text == "" && l.HTML == "" {
				t.Fatalf("line %d accepted without text or html", l.N)
			}
			if !utf8.ValidString(l.Text) || !utf8.ValidString(l.HTML) || !utf8.ValidString(l.Title) {
				t.Fatalf("line %d: invalid UTF-8 passed through", l.N)
			}
		}
	})
}

func BenchmarkReader(b *testing.B) {
	var buf bytes.Buffer
	text := strings.Repeat("Officials said the talks would resume on Monday after a pause. ", 40)
	for i := 0; i < 500; i++ {
		buf.WriteString(`{"title":"Talks resume","url":"https://a.example.com/x","pubdate":"2026-01-02","text":"` + text + "\"}\n")
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rd := NewReader(bytes.NewReader(data), 0)
		for {
			if _, err := rd.Next(); err != nil {
				if errors.Is(err, io.EOF) {
					break
				}
				b.Fatal(err)
			}
		}
	}
}
