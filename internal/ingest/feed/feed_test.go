package feed

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseFixtures(t *testing.T) {
	tests := []struct {
		file string
		want *Feed
	}{
		{"rss2.xml", &Feed{Type: "rss", Title: "Harbour Gazette - World", Link: "https://harbour.example.com/world", Entries: []Entry{
			{Index: 1, Title: "Ministers agree grain corridor extension", Link: "https://harbour.example.com/world/grain-corridor",
				PubDate: "2025-10-07", IsHTML: true,
				Body: `<p>ANKARA - Ministers from Turkey and Ukraine agreed on Tuesday to extend the Black Sea grain corridor.</p><p>"This is good news for importers," one minister said.</p>`},
			{Index: 2, Title: "Border crossing reopens", Link: "https://harbour.example.com/world/border-reopens", PubDate: "2025-10-08",
				Body: "The Rafah crossing reopened for aid trucks on Wednesday, officials said."},
			{Index: 3, Title: "Empty entry", Link: "https://harbour.example.com/world/empty", Empty: true},
		}}},
		{"atom.xml", &Feed{Type: "atom", Title: "Atlas Dispatch", Link: "https://atlas.example.net/", Entries: []Entry{
			{Index: 1, Title: "Opposition leader arrested in Dhaka", Link: "https://atlas.example.net/2026/02/dhaka-arrest", PubDate: "2026-02-01",
				IsHTML: true, Body: "<p>Police in Dhaka arrested an opposition leader early on Sunday, his party said.</p>"},
			{Index: 2, Title: "Summit ends without statement", Link: "https://atlas.example.net/2026/02/summit", PubDate: "2026-02-02",
				Body: "Leaders left the summit without a joint statement."},
		}}},
		{"rss1.rdf", &Feed{Type: "rss", Title: "Old Wire", Link: "https://old.example.org/", Entries: []Entry{
			{Index: 1, Title: "Election date set", Link: "https://old.example.org/1", PubDate: "2025-04-30", Body: "The commission set the election for May."},
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := Parse(f, 1<<20)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseMalformed(t *testing.T) {
	rss, err := os.ReadFile(filepath.Join("testdata", "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		in      []byte
		max     int64
		wantErr string
		tooBig  bool
	}{
		{"empty", nil, 0, "not an RSS or Atom feed", false},
		{"plain text", []byte("Hello world, no markup here."), 0, "not an RSS or Atom feed", false},
		{"html page", []byte("<html><body><p>hi</p></body></html>"), 0, "not an RSS or Atom feed", false},
		{"binary junk", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0, "not an RSS or Atom feed", false},
		{"truncated", rss[:len(rss)/2], 0, "parse feed", false},
		{"too large", rss, 200, "feed too large", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(bytes.NewReader(tt.in), tt.max)
			if err == nil {
				t.Fatal("want an error")
			}
			if !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error %q does not contain %q", err, tt.wantErr)
			}
			if errors.Is(err, ErrTooLarge) != tt.tooBig {
				t.Errorf("errors.Is(ErrTooLarge) = %v, want %v", !tt.tooBig, tt.tooBig)
			}
		})
	}
}

func TestParseExactLimit(t *testing.T) {
	rss, err := os.ReadFile(filepath.Join("testdata", "rss2.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Parse(bytes.NewReader(rss), int64(len(rss))); err != nil {
		t.Fatalf("feed of exactly the limit rejected: %v", err)
	}
}

func FuzzFeed(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rss1.rdf"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<rss><channel><item><title>&lt;</title><pubDate>32 Foo 99999</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed><entry><content type="xhtml"><div><b>x</b></div></content></entry></feed>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		feed, err := Parse(bytes.NewReader(b), 1<<20)
		if err != nil {
			return
		}
		for i, e := range feed.Entries {
			if e.Index < 1 || e.Index > len(feed.Entries)+i+1 {
				t.Fatalf("bad index %d", e.Index)
			}
			if e.Empty != (e.Body == "") {
				t.Fatalf("entry %d: Empty=%v with body %q", e.Index, e.Empty, e.Body)
			}
			if e.PubDate != "" && len(e.PubDate) != 10 {
				t.Fatalf("entry %d: bad date %q", e.Index, e.PubDate)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Bench</title><link>https://b.example.com/</link>`)
	desc := strings.Repeat("Officials said the talks would resume on Monday after a pause. ", 20)
	for i := 0; i < 100; i++ {
		buf.WriteString(`<item><title>Talks resume</title><link>https://b.example.com/a</link><pubDate>Tue, 07 Oct 2025 21:30:00 -0400</pubDate><description>` + desc + `</description></item>`)
	}
	buf.WriteString(`</channel></rss>`)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(bytes.NewReader(data), 0); err != nil {
			b.Fatal(err)
		}
	}
}
