package gdelt

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

func i64(v int64) *int64 { return &v }

// sampleDoc is a small hand-made document with the extractions GDELT rows need.
func sampleDoc() *doc.Document {
	text := "Talks in Geneva\n\nRussia’s foreign minister met French officials in Geneva on Monday. Gunmen killed 12 people, officials said.\n\n“We will respond,” the minister said."
	at := func(s string) doc.Span {
		i := strings.Index(text, s)
		return doc.Span{Start: i, End: i + len(s)}
	}
	geneva := doc.Place{Span: at("Geneva on"), Text: "Geneva", Name: "Geneva", Country: "CH", ADM1: "GE", Lat: 46.2022, Lon: 6.1457, GeoNames: 2660646, FeatureClass: "P"}
	geneva.End = geneva.Start + len("Geneva")
	return &doc.Document{
		ID: "sha256:abc", URL: "https://news.example.org/talks", Source: "news.example.org", Title: "Talks in Geneva",
		PubDate: "2026-03-04", Text: text,
		Sentences: []doc.Sentence{{Span: at("Talks in Geneva")}, {Span: at("Russia’s foreign minister met French officials in Geneva on Monday.")}, {Span: at("Gunmen killed 12 people, officials said.")}, {Span: at("“We will respond,” the minister said.")}},
		Entities:  []doc.Mention{{Span: at("Russia"), Text: "Russia", Type: doc.GPE, Actor: "RUS"}, {Span: at("Sergei Lavrov"), Text: "Sergei Lavrov", Type: doc.PER}},
		Places:    []doc.Place{geneva},
		Dates:     []doc.TimeExpr{{Span: at("Monday"), Text: "Monday", Value: "2026-03-02", Precision: "day"}},
		Counts:    []doc.Count{{Span: at("12 people"), Text: "12 people", What: "killed", Number: i64(12)}},
		Quotes:    []doc.Quote{{Span: at("“We will respond,”"), Text: "We will respond,", Cue: &doc.Span{Start: at("said.").Start, End: at("said.").Start + 4}}},
		Tone:      &doc.Tone{Score: -2.5, Positive: 1, Negative: 3.5, Polarity: 4.5, ActivityDensity: 20, WordCount: 24},
		Events: []doc.Event{
			{Source: &doc.Participant{Span: at("Russia’s foreign minister"), Text: "Russia’s foreign minister", Actor: "RUSGOV"},
				Target: &doc.Participant{Span: at("French officials"), Text: "French officials", Actor: "FRAGOV"},
				Code:   "040", Root: "04", QuadClass: 1, Goldstein: 1, Date: "2026-03-02", Place: &geneva,
				Sentence: 1, Span: at("Russia’s foreign minister met French officials in Geneva on Monday."), Trigger: at("met"), Confidence: 0.8},
			{Source: nil, Target: &doc.Participant{Text: "people", Actor: ""}, Code: "190", Root: "19", QuadClass: 4, Goldstein: -10,
				Sentence: 2, Trigger: at("killed"), Killed: i64(12), Confidence: 0.6},
			{Source: &doc.Participant{Text: "minister", Actor: "RUSGOV"}, Code: "010", Root: "01", Negated: true, Sentence: 3},
		},
	}
}

func TestEventsShape(t *testing.T) {
	var b bytes.Buffer
	w := NewEventWriter(&b, Options{DateAdded: time.Date(2026, 3, 4, 12, 15, 0, 0, time.UTC)})
	if err := w.Write(sampleDoc()); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	rows := readRows(t, &b, EventColumns)
	if len(rows) != 2 {
		t.Fatalf("want 2 rows (negated event left out), got %d", len(rows))
	}
	r := rows[0]
	want := map[string]string{
		"Day": "20260302", "MonthYear": "202603", "Year": "2026", "Actor1Code": "RUSGOV", "Actor1CountryCode": "RUS",
		"Actor1Type1Code": "GOV", "Actor2Code": "FRAGOV", "Actor2CountryCode": "FRA", "EventCode": "040", "EventBaseCode": "040",
		"EventRootCode": "04", "QuadClass": "1", "ActionGeo_Type": "4", "ActionGeo_CountryCode": "SZ", "ActionGeo_ADM1Code": "SZGE",
		"ActionGeo_FeatureID": "2660646", "DATEADDED": "20260304121500", "SOURCEURL": "https://news.example.org/talks",
		"NumMentions": "1", "IsRootEvent": "1", "AvgTone": "-2.500000",
	}
	for k, v := range want {
		if r[k] != v {
			t.Errorf("%s = %q, want %q", k, r[k], v)
		}
	}
	if rows[1]["Actor1Code"] != "" || rows[1]["Actor2Name"] != "PEOPLE" || rows[1]["ActionGeo_Type"] != "0" {
		t.Errorf("unknown actor row: %v", rows[1])
	}
}

func TestMentionsAndGKGShape(t *testing.T) {
	d := sampleDoc()
	var mb, gb bytes.Buffer
	mw := NewMentionWriter(&mb, Options{DateAdded: time.Date(2026, 3, 4, 12, 15, 0, 0, time.UTC)})
	gw := NewGKGWriter(&gb, Options{DateAdded: time.Date(2026, 3, 4, 12, 15, 0, 0, time.UTC)})
	if err := mw.Write(d); err != nil {
		t.Fatal(err)
	}
	if err := gw.Write(d); err != nil {
		t.Fatal(err)
	}
	mw.Close()
	gw.Close()
	m := readRows(t, &mb, MentionColumns)
	if len(m) != 2 || m[0]["SentenceID"] != "2" || m[0]["MentionSourceName"] != "news.example.org" {
		t.Fatalf("mentions: %v", m)
	}
	// Character offsets, not bytes: the curly apostrophe is 3 bytes, 1 char.
	if got, want := m[0]["ActionCharOffset"], strings.Count(d.Text[:strings.Index(d.Text, "met")], "")-1; got != strconv.Itoa(want) {
		t.Errorf("ActionCharOffset = %s, want %d", got, want)
	}
	g := readRows(t, &gb, GKGColumns)
	if len(g) != 1 {
		t.Fatalf("gkg rows: %d", len(g))
	}
	r := g[0]
	for col, re := range map[string]string{
		"GKGRECORDID":         `^20260304121500-0$`,
		"V1COUNTS":            `^KILL#12##0######;$`,
		"V1LOCATIONS":         `^4#Geneva#SZ#SZGE#46\.2022#6\.1457#2660646;$`,
		"V2ENHANCEDLOCATIONS": `^4#Geneva#SZ#SZGE##46\.2022#6\.1457#2660646#\d+;$`,
		"V1.5TONE":            `^-2\.5,1,3\.5,4\.5,20,0,24$`,
		"V2.1ENHANCEDDATES":   `^3#3#2#2026#\d+;$`,
		"V2.1QUOTATIONS":      `^\d+\|\d+\|said\|We will respond$`,
		"V2.1AMOUNTS":         `^12 killed \d+;$|^12,killed,\d+;$`,
		"V2EXTRASXML":         `^<PAGE_TITLE>Talks in Geneva</PAGE_TITLE>$`,
	} {
		if !regexp.MustCompile(re).MatchString(r[col]) {
			t.Errorf("%s = %q, want /%s/", col, r[col], re)
		}
	}
}

// readRows parses header-less TSV rows with the given column names,
// failing on any row whose field count differs.
func readRows(t *testing.T, b *bytes.Buffer, cols []string) []map[string]string {
	t.Helper()
	var rows []map[string]string
	sc := bufio.NewScanner(b)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != len(cols) {
			t.Fatalf("row has %d fields, want %d: %q", len(f), len(cols), sc.Text())
		}
		r := map[string]string{}
		for i, c := range cols {
			r[c] = f[i]
		}
		rows = append(rows, r)
	}
	return rows
}

// TestColumnsMatchCodebook checks our column lists against GDELT's codebook
// names and our rows against the field shapes of real GDELT rows.
func TestColumnsMatchCodebook(t *testing.T) {
	dir := shared.Need(t, "data", "gdelt")
	for _, c := range []struct {
		file, sample string
		cols         []string
		write        func(*bytes.Buffer) error
	}{
		{"events.columns.txt", "events.sample.tsv", EventColumns, func(b *bytes.Buffer) error {
			w := NewEventWriter(b, Options{})
			w.Write(sampleDoc())
			return w.Close()
		}},
		{"mentions.columns.txt", "mentions.sample.tsv", MentionColumns, func(b *bytes.Buffer) error {
			w := NewMentionWriter(b, Options{})
			w.Write(sampleDoc())
			return w.Close()
		}},
		{"gkg.columns.txt", "gkg.sample.tsv", GKGColumns, func(b *bytes.Buffer) error {
			w := NewGKGWriter(b, Options{})
			w.Write(sampleDoc())
			return w.Close()
		}},
	} {
		raw, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		names := strings.Fields(string(raw))
		if strings.Join(names, " ") != strings.Join(c.cols, " ") {
			t.Errorf("%s: columns differ from the codebook:\n got %v\nwant %v", c.file, c.cols, names)
		}
		shapes := sampleShapes(t, filepath.Join(dir, c.sample), len(names))
		var b bytes.Buffer
		if err := c.write(&b); err != nil {
			t.Fatal(err)
		}
		for _, r := range readRows(t, &b, names) {
			for i, n := range names {
				if v := r[n]; v != "" && !shapes[i][shape(v)] {
					t.Errorf("%s column %s: value %q has shape %q, real GDELT rows have %v", c.sample, n, v, shape(v), shapes[i])
				}
			}
		}
	}
}

func sampleShapes(t *testing.T, path string, n int) []map[string]bool {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := make([]map[string]bool, n)
	for i := range out {
		out[i] = map[string]bool{}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<25)
	for sc.Scan() {
		for i, v := range strings.Split(sc.Text(), "\t") {
			if v != "" && i < n {
				out[i][shape(v)] = true
			}
		}
	}
	return out
}

var shapeRes = []struct {
	name string
	re   *regexp.Regexp
}{
	{"int", regexp.MustCompile(`^-?\d+$`)},
	{"float", regexp.MustCompile(`^-?\d+\.\d+$`)},
	{"text", regexp.MustCompile(`.`)},
}

func shape(v string) string {
	for _, s := range shapeRes {
		if s.re.MatchString(v) {
			if s.name == "float" {
				return "float"
			}
			return s.name
		}
	}
	return "text"
}
