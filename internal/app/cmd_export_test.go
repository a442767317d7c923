package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/gdelt"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// exportDoc is a document of sentences whose first sentence reports
// src→tgt with code on day.
func exportDoc(url, title, pubdate string, sents []string, src, tgt cameo.ActorCode, code cameo.EventCode, day string) *doc.Document {
	text := strings.Join(sents, " ")
	d := &doc.Document{URL: url, Title: title, PubDate: pubdate, Lang: "en", Text: text, ID: dedupe.ID(text),
		Source: strings.SplitN(strings.TrimPrefix(url, "https://"), "/", 2)[0]}
	off := 0
	for _, s := range sents {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: off, End: off + len(s)}})
		off += len(s) + 1
	}
	lyon := &doc.Place{Text: "Lyon", Name: "Lyon", Country: "FR", Lat: 45.74846, Lon: 4.84671}
	g, _ := code.Goldstein()
	d.Events = []doc.Event{{
		Source: &doc.Participant{Text: string(src), Actor: src}, Target: &doc.Participant{Text: string(tgt), Actor: tgt},
		Code: code, Root: code.Root(), QuadClass: code.Root().Quad(), Goldstein: g, Modality: doc.Asserted,
		Date: day, Place: lyon, Span: d.Sentences[0].Span, Confidence: 0.8,
	}}
	return d
}

// TestExportMergedEvents: one signing reported by a wire story, a rewrite
// by another outlet and a syndicated copy of the wire story, plus a later
// signing and another pair's the same day. The plain GDELT export writes a
// row per report (1/1/1); the merged one a row per event with its counts.
func TestExportMergedEvents(t *testing.T) {
	wireSents := []string{
		"Germany signed a trade agreement with Italy in Lyon on Wednesday after two days of talks.",
		"The accord lowers tariffs on machinery and wine and takes effect next spring, officials said.",
		"Negotiators from both capitals described the mood as constructive throughout the meeting.",
	}
	wire := exportDoc("https://wire.example/m/1", "Germany and Italy sign trade deal", "1995-06-14", wireSents, "DEU", "ITA", "057", "1995-06-14")
	daily := exportDoc("https://daily.example/world/2", "Berlin and Rome seal accord", "1995-06-15",
		[]string{"Italy and Germany agreed a tariff pact at a meeting in Lyon.", "Germany hailed the deal."}, "DEU", "ITA", "057", "1995-06-14")
	mirror := exportDoc("https://mirror.example/syndicated/3", "Germany and Italy sign trade deal", "1995-06-14",
		append(append([]string(nil), wireSents...), "Reporting by the wire desk."), "DEU", "ITA", "057", "1995-06-14")
	mirror.NearDuplicateOf = wire.ID
	later := exportDoc("https://wire.example/m/4", "Germany and Italy sign second deal", "1995-06-25",
		[]string{"Germany signed a second agreement with Italy in Lyon."}, "DEU", "ITA", "057", "1995-06-25")
	other := exportDoc("https://daily.example/world/5", "Spain and Portugal sign deal", "1995-06-14",
		[]string{"Spain signed an agreement with Portugal in Lyon."}, "ESP", "PRT", "057", "1995-06-14")

	path := filepath.Join(t.TempDir(), "ew.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(context.Background(), []*doc.Document{wire, daily, mirror, later, other}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// rows reads an export into GlobalEventID → counts, checking the shape.
	rows := func(format string) map[int64]string {
		t.Helper()
		out, errs, err := run(t, "export", "--db", path, "--format", format)
		if err != nil {
			t.Fatalf("%s: %v %s", format, err, errs)
		}
		got := map[int64]string{}
		for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			f := strings.Split(line, "\t")
			if len(f) != len(gdelt.EventColumns) || len(gdelt.EventColumns) != 61 {
				t.Fatalf("%s: %d columns, want 61: %q", format, len(f), line)
			}
			var id int64
			fmt.Sscan(f[0], &id)
			if _, dup := got[id]; dup {
				t.Fatalf("%s: event %d twice", format, id)
			}
			got[id] = strings.Join(f[31:34], "/")
		}
		return got
	}
	id := func(d *doc.Document) int64 { return gdelt.EventID(d.ID, 0) }

	plain := rows("gdelt-events")
	if len(plain) != 5 {
		t.Fatalf("plain export: %d rows, want 5: %v", len(plain), plain)
	}
	for _, d := range []*doc.Document{wire, daily, mirror, later, other} {
		if plain[id(d)] != "1/1/1" {
			t.Errorf("plain export, %s: counts %q, want 1/1/1", d.URL, plain[id(d)])
		}
	}

	merged := rows("gdelt-events-merged")
	want := map[int64]string{
		id(wire):  "3/2/3", // three reports, two outlets (the copy counts with the wire), three articles
		id(later): "1/1/1",
		id(other): "1/1/1",
	}
	if len(merged) != len(want) {
		t.Fatalf("merged export: %d rows, want %d: %v", len(merged), len(want), merged)
	}
	for k, v := range want {
		if merged[k] != v {
			t.Errorf("merged export, event %d: counts %q, want %q (all: %v)", k, merged[k], v, merged)
		}
	}

	// The other columns of a merged row are its first report's.
	out, _, _ := run(t, "export", "--db", path, "--format", "gdelt-events")
	outM, _, _ := run(t, "export", "--db", path, "--format", "gdelt-events-merged")
	rowOf := func(export string, id int64) []string {
		for _, line := range strings.Split(export, "\n") {
			if strings.HasPrefix(line, fmt.Sprint(id)+"\t") {
				return strings.Split(line, "\t")
			}
		}
		return nil
	}
	a, b := rowOf(out, id(wire)), rowOf(outM, id(wire))
	for i := range a {
		if i >= 31 && i <= 33 || i == 59 { // counts; DATEADDED is the export time
			continue
		}
		if a[i] != b[i] {
			t.Errorf("column %s: %q plain, %q merged", gdelt.EventColumns[i], a[i], b[i])
		}
	}
	if _, _, err := run(t, "export", "--db", path, "--format", "gdelt-merged"); err == nil || !strings.Contains(err.Error(), mergedEventsFormat) {
		t.Errorf("unknown format error should list %s: %v", mergedEventsFormat, err)
	}
}
