package slices

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/gdelt"
)

// memSource is an in-memory Source: documents with their added time.
type memSource struct {
	docs  []*doc.Document
	added []time.Time
}

func (m *memSource) add(at time.Time, d *doc.Document) {
	m.docs = append(m.docs, d)
	m.added = append(m.added, at)
}

func (m *memSource) EachAddedBetween(ctx context.Context, from, to time.Time, fn func(*doc.Document, time.Time) error) error {
	for i, d := range m.docs {
		if !m.added[i].Before(from) && m.added[i].Before(to) {
			if err := fn(d, m.added[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// article builds a document with one sentence per event.
func article(id, source, pub string, events ...doc.Event) *doc.Document {
	var text strings.Builder
	d := &doc.Document{ID: id, URL: "https://" + source + "/" + id, Source: source, PubDate: pub, Lang: "en", Title: "t " + id}
	for i := range events {
		start := text.Len()
		fmt.Fprintf(&text, "Sentence %d of %s reports something. ", i, id)
		events[i].Span = doc.Span{Start: start, End: text.Len() - 1}
		events[i].Sentence = i
		events[i].Trigger = doc.Span{Start: start, End: start + 8}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: events[i].Span})
	}
	d.Text = text.String()
	d.Events = events
	return d
}

func event(src, tgt string, code cameo.EventCode, date string) doc.Event {
	return doc.Event{
		Source: &doc.Participant{Actor: cameo.ActorCode(src), Text: src},
		Target: &doc.Participant{Actor: cameo.ActorCode(tgt), Text: tgt},
		Code:   code, Root: code.Root(), QuadClass: code.Root().Quad(), Date: date, Confidence: 0.8,
		Place: &doc.Place{Text: "Paris", Name: "Paris", Country: "FR", Lat: 48.86, Lon: 2.35, FeatureClass: "P", GeoType: 4},
	}
}

func readZip(t *testing.T, path, entry string) []string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer zr.Close()
	if len(zr.File) != 1 || zr.File[0].Name != entry {
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
		}
		t.Fatalf("%s holds %v, want one entry %s", path, names, entry)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		return nil
	}
	if b[len(b)-1] != '\n' {
		t.Errorf("%s: last row not terminated", entry)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

func fileMD5(t *testing.T, path string) (int64, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := md5.Sum(b)
	return int64(len(b)), hex.EncodeToString(s[:])
}

func TestWriteSlices(t *testing.T) {
	t0 := time.Date(2026, 3, 10, 10, 0, 0, 0, time.UTC)
	src := &memSource{}
	visit := event("USAGOV", "FRAGOV", "042", "2026-03-10")
	// Window 1 (10:00-10:15): two outlets report the visit, one twice; one
	// also reports a criticism.
	src.add(t0.Add(2*time.Minute), article("sha256:a", "alpha.example", "2026-03-10", visit, event("RUS", "USA", "111", "2026-03-10"), visit))
	src.add(t0.Add(9*time.Minute), article("sha256:b", "beta.example", "2026-03-10", event("USA", "FRA", "0421", "")))
	// Window 2 (10:15-10:30): a syndicated copy of b and a new event.
	cp := article("sha256:c", "gamma.example", "2026-03-10", event("USA", "FRA", "0421", ""))
	cp.NearDuplicateOf = "sha256:b"
	src.add(t0.Add(16*time.Minute), cp)
	src.add(t0.Add(20*time.Minute), article("sha256:d", "delta.example", "2026-03-10", event("CHN", "JPN", "173", "2026-03-10")))
	// Window 4 (10:45-11:00) only; window 3 is empty.
	src.add(t0.Add(50*time.Minute), article("sha256:e", "alpha.example", "2026-03-11", event("FRA", "USA", "043", "2026-03-10")))

	dir := t.TempDir()
	w, err := New(src, Options{Dir: dir, BaseURL: "http://example.org/gdeltv2"})
	if err != nil {
		t.Fatal(err)
	}
	var got []Slice
	if err := w.Range(context.Background(), t0, t0.Add(time.Hour), true, func(s Slice) { got = append(got, s) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("wrote %d slices, want 3 (empty window skipped): %+v", len(got), got)
	}
	wantStamps := []string{"20260310101500", "20260310103000", "20260310110000"}
	for i, s := range got {
		if s.Stamp != wantStamps[i] {
			t.Errorf("slice %d stamp %s, want %s", i, s.Stamp, wantStamps[i])
		}
	}

	visitID := gdelt.EventID("sha256:a", 0)
	type rows struct{ events, mentions, gkg [][]string }
	all := map[string]rows{}
	for _, s := range got {
		var r rows
		for _, x := range []struct {
			f     File
			entry string
			n     int
			dst   *[][]string
		}{
			{s.Export, s.Stamp + ".export.CSV", 61, &r.events},
			{s.Mentions, s.Stamp + ".mentions.CSV", 16, &r.mentions},
			{s.GKG, s.Stamp + ".gkg.csv", 27, &r.gkg},
		} {
			if x.f.Name != x.entry+".zip" || filepath.Base(x.f.Path) != x.f.Name {
				t.Errorf("file %+v, want %s.zip", x.f, x.entry)
			}
			size, sum := fileMD5(t, x.f.Path)
			if size != x.f.Size || sum != x.f.MD5 {
				t.Errorf("%s: reported size/md5 %d %s, file has %d %s", x.f.Name, x.f.Size, x.f.MD5, size, sum)
			}
			for _, line := range readZip(t, x.f.Path, x.entry) {
				f := strings.Split(line, "\t")
				if len(f) != x.n {
					t.Errorf("%s: row with %d fields, want %d", x.entry, len(f), x.n)
				}
				*x.dst = append(*x.dst, f)
			}
		}
		all[s.Stamp] = r
	}

	w1 := all["20260310101500"]
	// Two events: the visit (4 mentions in 2 articles from 2 outlets) and
	// the criticism; DATEADDED is the stamp.
	if len(w1.events) != 2 {
		t.Fatalf("window 1: %d events rows, want 2", len(w1.events))
	}
	ev := w1.events[0]
	if ev[0] != fmt.Sprint(visitID) || ev[26] != "042" {
		t.Errorf("window 1 first event id/code = %s/%s, want %d/042", ev[0], ev[26], visitID)
	}
	if ev[31] != "3" || ev[32] != "2" || ev[33] != "2" {
		t.Errorf("NumMentions/NumSources/NumArticles = %s/%s/%s, want 3/2/2", ev[31], ev[32], ev[33])
	}
	if ev[59] != "20260310101500" {
		t.Errorf("DATEADDED %s", ev[59])
	}
	if len(w1.mentions) != 4 || len(w1.gkg) != 2 {
		t.Errorf("window 1: %d mentions, %d gkg rows, want 4, 2", len(w1.mentions), len(w1.gkg))
	}
	n := 0
	for _, m := range w1.mentions {
		if m[0] == fmt.Sprint(visitID) {
			n++
		}
	}
	if n != 3 {
		t.Errorf("window 1: %d mentions point at the visit, want 3", n)
	}

	w2 := all["20260310103000"]
	// The copy of b reports the already published visit: a mention row with
	// the visit's ID and first time, no new events row; d's event is new.
	if len(w2.events) != 1 || w2.events[0][26] != "173" {
		t.Errorf("window 2 events: %v", w2.events)
	}
	found := false
	for _, m := range w2.mentions {
		if m[0] == fmt.Sprint(visitID) {
			found = true
			if m[1] != "20260310101500" || m[2] != "20260310103000" {
				t.Errorf("relinked mention times %s %s, want first 20260310101500, mention 20260310103000", m[1], m[2])
			}
		}
	}
	if !found {
		t.Error("window 2: the syndicated report is not linked to the visit")
	}
	// Window 4: "France hosted the US" on the 10th is the same visit.
	w4 := all["20260310110000"]
	if len(w4.events) != 0 || len(w4.mentions) != 1 || w4.mentions[0][0] != fmt.Sprint(visitID) {
		t.Errorf("window 4: events %v mentions %v", w4.events, w4.mentions)
	}

	// lastupdate.txt: the newest slice; masterfilelist.txt: all of them.
	checkList(t, filepath.Join(dir, LastUpdate), dir, []string{"20260310110000"})
	checkList(t, filepath.Join(dir, MasterFileList), dir, wantStamps)

	// Writing a slice again replaces its masterfilelist lines.
	w2again, err := New(src, Options{Dir: dir, BaseURL: "http://example.org/gdeltv2"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w2again.Write(context.Background(), t0.Add(15*time.Minute), false); err != nil {
		t.Fatal(err)
	}
	checkList(t, filepath.Join(dir, MasterFileList), dir, wantStamps)
	if _, err := w2again.Write(context.Background(), t0.Add(7*time.Minute), false); err == nil {
		t.Error("unaligned stamp accepted")
	}
}

// checkList checks a lastupdate/masterfilelist file: three lines per stamp
// in export, mentions, gkg order, sizes and md5s matching the files.
func checkList(t *testing.T, path, dir string, stamps []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 3*len(stamps) {
		t.Fatalf("%s: %d lines, want %d:\n%s", filepath.Base(path), len(lines), 3*len(stamps), strings.Join(lines, "\n"))
	}
	var names []string
	for _, s := range stamps {
		names = append(names, s+".export.CSV.zip", s+".mentions.CSV.zip", s+".gkg.csv.zip")
	}
	sort.Strings(names)
	var seen []string
	for i, l := range lines {
		size, sum, loc, err := ParseLine(l)
		if err != nil {
			t.Fatalf("%s line %d: %v", filepath.Base(path), i+1, err)
		}
		name := loc[strings.LastIndex(loc, "/")+1:]
		if !strings.HasPrefix(loc, "http://example.org/gdeltv2/") {
			t.Errorf("url %s lacks the base URL", loc)
		}
		gs, gm := fileMD5(t, filepath.Join(dir, name))
		if gs != size || gm != sum {
			t.Errorf("%s: %s listed as %d %s, file is %d %s", filepath.Base(path), name, size, sum, gs, gm)
		}
		seen = append(seen, name)
	}
	sort.Strings(seen)
	if strings.Join(seen, ",") != strings.Join(names, ",") {
		t.Errorf("%s lists %v, want %v", filepath.Base(path), seen, names)
	}
}

func TestEmptyWindowWritesEmptyFiles(t *testing.T) {
	dir := t.TempDir()
	w, err := New(&memSource{}, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	end := time.Date(2026, 3, 10, 10, 15, 0, 0, time.UTC)
	s, err := w.Write(context.Background(), end, false)
	if err != nil {
		t.Fatal(err)
	}
	if rows := readZip(t, s.Export.Path, "20260310101500.export.CSV"); len(rows) != 0 {
		t.Errorf("empty window has %d rows", len(rows))
	}
	b, _ := os.ReadFile(filepath.Join(dir, LastUpdate))
	if !strings.Contains(string(b), s.Export.Path) {
		t.Errorf("lastupdate without base URL should name the path: %s", b)
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*tmp"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestOptions(t *testing.T) {
	for _, every := range []time.Duration{7 * time.Minute, 30 * time.Second, 25 * time.Hour} {
		if _, err := New(&memSource{}, Options{Dir: t.TempDir(), Every: every}); err == nil {
			t.Errorf("interval %v accepted", every)
		}
	}
	if _, err := New(&memSource{}, Options{}); err == nil {
		t.Error("missing folder accepted")
	}
	cases := []struct{ in, want string }{
		{"2026-03-10T10:14:59Z", "2026-03-10T10:00:00Z"},
		{"2026-03-10T10:15:00Z", "2026-03-10T10:15:00Z"},
		{"2026-03-10T23:59:59Z", "2026-03-10T23:45:00Z"},
	}
	for _, c := range cases {
		in, _ := time.Parse(time.RFC3339, c.in)
		if got := Floor(in, 15*time.Minute).Format(time.RFC3339); got != c.want {
			t.Errorf("Floor(%s) = %s, want %s", c.in, got, c.want)
		}
	}
}
