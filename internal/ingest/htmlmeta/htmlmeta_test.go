package htmlmeta

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		html string
		base string
		want Meta
	}{
		{
			name: "open graph and article tags",
			html: `<html lang="en"><head><meta charset="UTF-8"><title>Ceasefire holds | World Times</title>
<meta property="og:title" content="Ceasefire holds in southern Lebanon">
<meta property="og:site_name" content="World Times">
<meta property="og:url" content="https://worldtimes.example.com/a/1">
<meta property="article:published_time" content="2025-10-05T23:30:00-04:00">
<meta name="dc.date" content="2025-10-07">
<link rel="canonical" href="https://www.worldtimes.example.com/a/ceasefire">
</head><body></body></html>`,
			want: Meta{Title: "Ceasefire holds in southern Lebanon", PubDate: "2025-10-05",
				URL: "https://www.worldtimes.example.com/a/ceasefire", SiteName: "World Times", Lang: "en", Charset: "utf-8"},
		},
		{
			name: "title tag with site suffix, relative canonical, dublin core",
			html: `<head><title>  Sanctions
 widened   - Daily Example</title><meta name="application-name" content="Daily Example">
<meta name="DC.date.issued" content="2026/01/09"><link rel="Canonical" href="/world/sanctions"></head>`,
			base: "https://daily.example.org/feed/item?id=3",
			want: Meta{Title: "Sanctions widened", PubDate: "2026-01-09", URL: "https://daily.example.org/world/sanctions", SiteName: "Daily Example"},
		},
		{
			name: "relative canonical without base is dropped",
			html: `<link rel=canonical href="/x"><meta name="parsely-pub-date" content="2025-07-01T12:00:00Z">`,
			want: Meta{PubDate: "2025-07-01"},
		},
		{
			name: "parsely-page JSON",
			html: `<meta name="parsely-page" content='{"title":"Envoy recalled","link":"https://p.example.com/envoy","pub_date":"2025-09-30T08:00:00Z"}'>`,
			want: Meta{Title: "Envoy recalled", PubDate: "2025-09-30", URL: "https://p.example.com/envoy"},
		},
		{
			name: "itemprop datePublished beats plain time",
			html: `<time datetime="2020-01-01">x</time><span><meta itemprop="datePublished" content="2025-03-15"></span>`,
			want: Meta{PubDate: "2025-03-15"},
		},
		{
			name: "unparseable dates are skipped",
			html: `<meta property="article:published_time" content="yesterday"><meta name="date" content="March 3, 2026">`,
			want: Meta{PubDate: "2026-03-03"},
		},
		{
			name: "javascript canonical rejected, entities in title decoded",
			html: `<title>Rock &amp; roll &#8211; ban lifted</title><link rel="canonical" href="javascript:alert(1)">`,
			want: Meta{Title: "Rock & roll – ban lifted"},
		},
		{
			name: "broken JSON-LD ignored",
			html: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":</script><title>T</title>`,
			want: Meta{Title: "T"},
		},
		{
			name: "empty input",
			html: ``,
			want: Meta{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract([]byte(tt.html), tt.base)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExtractFixtures(t *testing.T) {
	tests := []struct {
		file string
		want Meta
	}{
		{"jsonld-graph.html", Meta{Title: "Grève nationale : les syndicats appellent à manifester", PubDate: "2025-12-02",
			URL: "https://quotidien.example.fr/politique/greve-nationale", SiteName: "Le Quotidien Exemple", Lang: "fr-FR", Charset: "iso-8859-1"}},
		{"time-only.html", Meta{Title: "Talks stall in Geneva", PubDate: "2026-04-22"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, Extract(b, "")); diff != "" {
				t.Errorf("Extract mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2025-11-24", "2025-11-24"},
		{"2025-11-24T23:59:00-05:00", "2025-11-24"},
		{"2025-11-24T03:00:00.123Z", "2025-11-24"},
		{"2025-11-24T03:00:00+0100", "2025-11-24"},
		{"2025-11-24 10:00:00", "2025-11-24"},
		{"2025/11/24", "2025-11-24"},
		{"20251124", "2025-11-24"},
		{"Mon, 24 Nov 2025 10:00:00 GMT", "2025-11-24"},
		{"Mon, 24 Nov 2025 10:00:00 +0000", "2025-11-24"},
		{"24 November 2025", "2025-11-24"},
		{"November 24, 2025", "2025-11-24"},
		{"Nov 24, 2025", "2025-11-24"},
		{"1764000000", "2025-11-24"},
		{"1764000000000", "2025-11-24"},
		{"2025-11-24Tgarbage", "2025-11-24"},
		{"", ""},
		{"not a date", ""},
		{"0001-01-01", ""},
		{"9999-12-31", ""},
		{"2025-13-45", ""},
		{strings.Repeat("2", 200), ""},
	}
	for _, tt := range tests {
		if got := NormalizeDate(tt.in); got != tt.want {
			t.Errorf("NormalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHost(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.Example.com:8080/a", "example.com"},
		{"http://news.example.org", "news.example.org"},
		{"/relative", ""},
		{"::bad", ""},
	}
	for _, tt := range tests {
		if got := Host(tt.in); got != tt.want {
			t.Errorf("Host(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzHTMLMeta(f *testing.F) {
	for _, name := range []string{"jsonld-graph.html", "time-only.html"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "https://example.com/a/b")
	}
	f.Add([]byte(`<meta property="article:published_time" content="2025-01-02"><title>x</title>`), "")
	f.Add([]byte(`<script type="application/ld+json">[[[{"@graph":[{"@type":"Article","datePublished":"2025-01-02"}]}]]]</script>`), "")
	f.Fuzz(func(t *testing.T, b []byte, base string) {
		m := Extract(b, base)
		if m.PubDate != "" && NormalizeDate(m.PubDate) != m.PubDate {
			t.Fatalf("PubDate %q is not normalized", m.PubDate)
		}
		if m.URL != "" && !strings.HasPrefix(m.URL, "http://") && !strings.HasPrefix(m.URL, "https://") {
			t.Fatalf("URL %q is not absolute http(s)", m.URL)
		}
		if len(m.Title) > maxFieldLen || len(m.SiteName) > maxFieldLen {
			t.Fatalf("field over %d bytes", maxFieldLen)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "jsonld-graph.html"))
	if err != nil {
		b.Fatal(err)
	}
	// A realistic page size: pad the body with paragraphs.
	body := strings.Repeat("<p>Officials said the talks would resume on Monday after a pause of several weeks.</p>\n", 600)
	page = []byte(strings.Replace(string(page), "<p>Texte.</p>", body, 1))
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(page, "")
	}
}
