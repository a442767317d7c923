package app

import (
	"archive/zip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/slices"
)

// newsSite serves a feed whose two entries carry short descriptions and
// link to article pages (loopback only).
func newsSite(t *testing.T) *httptest.Server {
	t.Helper()
	pages := map[string]string{
		"/a/1": `<html><head><title>Kenya and Somalia sign border pact</title></head><body><article>
<p>Kenyan President William Ruto met Somali President Hassan Sheikh Mohamud in Nairobi on Tuesday.</p>
<p>The two leaders signed an agreement on border security and trade, officials said.</p></article></body></html>`,
		"/a/2": `<html><head><title>Police arrest protesters in Lagos</title></head><body><article>
<p>Nigerian police arrested dozens of protesters in Lagos on Monday, witnesses said.</p>
<p>The demonstrators had marched against rising fuel prices.</p></article></body></html>`,
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.xml" {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>%[1]s</link>
<item><title>Kenya and Somalia sign border pact</title><link>%[1]s/a/1</link><pubDate>Tue, 10 Mar 2026 09:00:00 GMT</pubDate><description>Leaders meet.</description></item>
<item><title>Police arrest protesters in Lagos</title><link>%[1]s/a/2</link><pubDate>Mon, 09 Mar 2026 18:00:00 GMT</pubDate><description>Arrests.</description></item>
</channel></rss>`, srv.URL)
			return
		}
		if p, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, p)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestWatchOnceThenSlices(t *testing.T) {
	srv := newsSite(t)
	dir := t.TempDir()
	feeds := filepath.Join(dir, "feeds.txt")
	if err := os.WriteFile(feeds, []byte("# test\n"+srv.URL+"/feed.xml interval=10m kind=feed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "w.db")
	_, errOut, err := run(t, "watch", "--feeds", feeds, "--db", db, "--once", "--host-delay", "0")
	if err != nil {
		t.Fatalf("watch: %v\n%s", err, errOut)
	}
	for _, want := range []string{"/feed.xml 200 2 items 2 new", "/a/1 200 article", "store " + srv.URL + "/feed.xml 2 docs 2 added"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("log lacks %q:\n%s", want, errOut)
		}
	}
	// Again: the state file remembers the entries.
	_, errOut, err = run(t, "watch", "--feeds", feeds, "--db", db, "--once", "--host-delay", "0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "2 items 0 new") && !strings.Contains(errOut, " 304 ") {
		t.Errorf("second run ingested again:\n%s", errOut)
	}

	out := filepath.Join(dir, "gdelt")
	stdout, errOut, err := run(t, "slices", "--db", db, "--out", out, "--partial", "--base-url", "http://example.org/gdeltv2/")
	if err != nil {
		t.Fatalf("slices: %v\n%s", err, errOut)
	}
	if !strings.Contains(stdout, "1 slice(s) written") {
		t.Errorf("slices output: %s %s", stdout, errOut)
	}
	stamp, ok := slices.LastStamp(out)
	if !ok || time.Since(stamp) > 20*time.Minute {
		t.Fatalf("lastupdate.txt stamp %v %v", stamp, ok)
	}
	name := stamp.Format(slices.StampLayout)
	zr, err := zip.OpenReader(filepath.Join(out, name+".gkg.csv.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(rc)
	rows := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(rows) != 2 || len(strings.Split(rows[0], "\t")) != 27 {
		t.Errorf("gkg: %d rows; first has %d fields", len(rows), len(strings.Split(rows[0], "\t")))
	}
	master, _ := os.ReadFile(filepath.Join(out, slices.MasterFileList))
	if n := strings.Count(string(master), "\n"); n != 3 || !strings.Contains(string(master), "http://example.org/gdeltv2/"+name+".export.CSV.zip") {
		t.Errorf("masterfilelist.txt:\n%s", master)
	}
}

func TestWatchBadFlags(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("https://example.org/rss kind=video\n"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"watch"}, "--feeds FILE is required"},
		{[]string{"watch", "--feeds", filepath.Join(dir, "missing.txt")}, "no such file"},
		{[]string{"watch", "--feeds", bad}, "line 1: kind"},
		{[]string{"slices"}, "--out DIR is required"},
		{[]string{"slices", "--out", dir, "--db", filepath.Join(dir, "x.db"), "--every", "7m"}, "divide 24h"},
	}
	for _, c := range cases {
		_, _, err := run(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want error containing %q", c.args, err, c.want)
		}
	}
}

func TestParseWhen(t *testing.T) {
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	cases := []struct{ in, want string }{
		{"2026-03-01", "2026-03-01T00:00:00Z"},
		{"20260301101500", "2026-03-01T10:15:00Z"},
		{"2026-03-01T10:15:00+01:00", "2026-03-01T09:15:00Z"},
		{"24h", "2026-03-09T12:00:00Z"},
	}
	for _, c := range cases {
		got, err := parseWhen(c.in, now)
		if err != nil || got.Format(time.RFC3339) != c.want {
			t.Errorf("parseWhen(%q) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	if _, err := parseWhen("yesterday", now); err == nil {
		t.Error("parseWhen accepted junk")
	}
}
