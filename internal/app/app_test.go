package app

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

// run executes the CLI with args and returns stdout and stderr.
func run(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	root := newRoot()
	var out, errb bytes.Buffer
	root.SetOut(&out)
	root.SetErr(&errb)
	root.SetIn(strings.NewReader(""))
	root.SetArgs(args)
	err := root.ExecuteContext(context.Background())
	return out.String(), errb.String(), err
}

func examplesDir(t *testing.T) string {
	d, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestIngestTwiceIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ew.db")
	out1, _, err := run(t, "ingest", "--db", db, examplesDir(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out1, " 0 already stored") || strings.Contains(out1, ": 0 added") {
		t.Fatalf("first ingest: %s", out1)
	}
	out2, _, err := run(t, "ingest", "--db", db, examplesDir(t))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out2, ": 0 added") {
		t.Fatalf("second ingest added documents: %s", out2)
	}
	exp, _, err := run(t, "export", "--db", db, "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, l := range strings.Split(strings.TrimSpace(exp), "\n") {
		var d doc.Document
		if err := json.Unmarshal([]byte(l), &d); err != nil {
			t.Fatal(err)
		}
		if ids[d.ID] {
			t.Fatalf("duplicate document %s", d.ID)
		}
		ids[d.ID] = true
	}
	if len(ids) < 10 {
		t.Fatalf("want ≥ 10 documents from examples/, got %d", len(ids))
	}
	hits, _, err := run(t, "search", "--db", db, "sanctions")
	if err != nil || strings.Contains(hits, "no matches") {
		t.Fatalf("search: %v %s", err, hits)
	}
}

// TestIngestMalformed mixes good files with every malformed kind: each bad
// file is reported by name and every good one is stored.
func TestIngestMalformed(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := "Protesters rally in Lima\n\nThousands of protesters marched through Lima on Monday to demand the resignation of the interior minister, police said.\n"
	write("good1.txt", []byte(good))
	write("good2.txt", []byte(strings.Replace(good, "Lima", "Quito", 2)))
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(strings.Repeat("Troops crossed the border near the river at dawn, officials said. ", 200)))
	zw.Close()
	write("truncated.txt.gz", gz.Bytes()[:gz.Len()/2])
	write("broken.warc", []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\n<html>short"))
	write("invalid-utf8.txt", []byte("Officials met in Kyiv on Friday.\xff\xfe Talks went on.\n"))
	write("empty.txt", nil)
	write("junk.bin", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 3, 250}, 400)...))
	long := append([]byte(`{"text":"`), bytes.Repeat([]byte("a"), 50<<20)...)
	write("huge.jsonl", append(append(long, `"}`+"\n"...), []byte(`{"text":"Police arrested 12 people in Dhaka on Sunday, officials said.","title":"Arrests in Dhaka"}`+"\n")...))

	db := filepath.Join(t.TempDir(), "ew.db")
	out, errs, err := run(t, "ingest", "--db", db, dir)
	if err != nil {
		t.Fatalf("ingest failed as a whole: %v\n%s", err, errs)
	}
	for _, bad := range []string{"truncated.txt.gz", "broken.warc", "empty.txt", "junk.bin", "huge.jsonl"} {
		if !strings.Contains(errs, bad) {
			t.Errorf("no error reported for %s; stderr:\n%s", bad, errs)
		}
	}
	exp, _, err := run(t, "export", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Lima", "Quito", "Dhaka", "Kyiv"} {
		if !strings.Contains(exp, want) {
			t.Errorf("good document about %s not stored; summary: %s", want, out)
		}
	}
}

func TestExtractSeed(t *testing.T) {
	seed := shared.Need(t, "seed", "obama-hollande.txt")
	out, _, err := run(t, "extract", "--pubdate", "2015-11-26", seed)
	if err != nil {
		t.Fatal(err)
	}
	var d doc.Document
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	if d.Title != "Obama, Hollande pledge solidarity against ISIS" {
		t.Errorf("title %q", d.Title)
	}
	if len(d.Removed) != 4 {
		t.Errorf("removed %d pieces, want 4: %+v", len(d.Removed), d.Removed)
	}
	for _, line := range strings.Split(d.Text, "\n") {
		switch strings.TrimSpace(line) {
		case "Share", "Advertisement", "RTR4SGHC":
			t.Errorf("residue line %q left in text", line)
		}
	}
	if n := len(d.Sentences); n < 17 || n > 20 {
		t.Errorf("%d sentences, want 17–20", n)
	}
	if d.PubDate != "2015-11-26" {
		t.Errorf("pubdate %q", d.PubDate)
	}
}

func TestEvalPrintsTableAndJSON(t *testing.T) {
	gold := shared.Need(t, "seed", "obama-hollande.gold.json")
	out, _, err := run(t, "eval", "--gold", gold)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "events.recall") || !strings.Contains(out, "title") {
		t.Fatalf("table lacks rows:\n%s", out)
	}
	js, _, err := run(t, "eval", "--gold", gold, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Metrics []struct {
			Set, Name string
			Value     float64
		}
	}
	if err := json.Unmarshal([]byte(js), &res); err != nil {
		t.Fatal(err)
	}
	got := map[string]float64{}
	for _, m := range res.Metrics {
		got[m.Name] = m.Value
	}
	if got["title"] != 1 || got["boilerplate.removed"] != 1 {
		t.Errorf("seed title/boilerplate scores: %v", got)
	}
}
