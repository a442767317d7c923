package gdelt

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
)

// TestMergedEvents: the same meeting reported by three documents (two
// outlets, one of them twice) is one row with counts 3/2/3, on the first
// report's row; the events reported once keep their rows and 1/1/1; the
// temporary file is gone after Close.
func TestMergedEvents(t *testing.T) {
	first := sampleDoc()
	copyOf := func(id, url, source string) *doc.Document {
		d := sampleDoc()
		d.ID, d.URL, d.Source = id, url, source
		d.Events = d.Events[:1] // the meeting only
		return d
	}
	second := copyOf("sha256:def", "https://other.example.com/geneva", "other.example.com")
	third := copyOf("sha256:123", "https://news.example.org/talks-update", "news.example.org")
	dir := t.TempDir()
	var b bytes.Buffer
	opt := Options{DateAdded: time.Date(2026, 3, 4, 12, 15, 0, 0, time.UTC)}
	w, err := NewMergedEventWriter(&b, opt, eventdedup.Options{}, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*doc.Document{first, second, third} {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
	out := b.String()
	rows := readRows(t, &b, EventColumns)
	if len(rows) != 2 { // the meeting and the killing; the negated event has none
		t.Fatalf("%d rows, want 2: %v", len(rows), rows)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r["GlobalEventID"]] = r["NumMentions"] + "/" + r["NumSources"] + "/" + r["NumArticles"]
	}
	meeting, killing := itoa(EventID(first.ID, 0)), itoa(EventID(first.ID, 1))
	if got[meeting] != "3/2/3" || got[killing] != "1/1/1" {
		t.Fatalf("counts %v, want meeting %s 3/2/3 and killing %s 1/1/1", got, meeting, killing)
	}

	// The plain writer's rows of the same documents differ only in counts.
	var p bytes.Buffer
	pw := NewEventWriter(&p, opt)
	pw.Write(first)
	pw.Close()
	plain := strings.Split(strings.TrimSpace(p.String()), "\n")
	merged := strings.Split(strings.TrimSpace(out), "\n")
	pf, mf := strings.Split(plain[0], "\t"), strings.Split(merged[0], "\t")
	for i := range pf {
		if i != colMentions && i != colSources && i != colArticles && pf[i] != mf[i] {
			t.Errorf("column %s: %q plain, %q merged", EventColumns[i], pf[i], mf[i])
		}
	}
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }
