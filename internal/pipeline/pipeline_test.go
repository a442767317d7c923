package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
)

func exampleText(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("..", "..", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExamplesHaveNoErrors runs every stage on each sample text and checks
// the spans every stage produced stay inside the text.
func TestExamplesHaveNoErrors(t *testing.T) {
	p, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../examples/*.txt")
	if len(files) == 0 {
		t.Fatal("no examples")
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		d := p.FromItem(ingest.Item{Origin: f, Body: b})
		if len(d.Errors) > 0 {
			t.Errorf("%s: %v", f, d.Errors)
		}
		if len(d.Sentences) == 0 || len(d.Entities) == 0 {
			t.Errorf("%s: %d sentences, %d entities", f, len(d.Sentences), len(d.Entities))
		}
		checkSpans(t, f, d)
	}
}

func checkSpans(t *testing.T, name string, d *doc.Document) {
	t.Helper()
	in := func(what string, s doc.Span) {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Errorf("%s: %s span %v outside text of %d bytes", name, what, s, len(d.Text))
		}
	}
	for _, s := range d.Sentences {
		in("sentence", s.Span)
	}
	for _, m := range d.Entities {
		in("entity", m.Span)
		if m.Span.In(d.Text) != m.Text {
			t.Errorf("%s: entity text %q != span text %q", name, m.Text, m.Span.In(d.Text))
		}
	}
	for _, e := range d.Events {
		in("event", e.Span)
		in("trigger", e.Trigger)
	}
	for _, q := range d.Quotes {
		in("quote", q.Span)
	}
	for _, p := range d.Places {
		in("place", p.Span)
	}
	for _, x := range d.Dates {
		in("date", x.Span)
	}
	for _, f := range d.Flags {
		in("flag", f.Span)
	}
}

// TestStageFailureIsData: a stage that panics leaves an error on the
// document, and the next document is processed normally.
func TestStageFailureIsData(t *testing.T) {
	p, _ := New(Options{})
	d := &doc.Document{Origin: "x.txt"}
	p.stage(d, "boom", func() error { var m map[string]int; m["a"] = 1; return nil })
	if len(d.Errors) != 1 || d.Errors[0].Stage != "boom" || !strings.Contains(d.Errors[0].Message, "internal error") {
		t.Fatalf("errors: %+v", d.Errors)
	}
}

// FuzzPipeline: any text through every stage, never a panic, spans valid.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte("Share\n\nTroops shelled Aleppo on Monday, killing 12 people, officials said. “We will respond,” he said.\n\nRTR4SGHC"))
	f.Add([]byte(""))
	f.Add([]byte("\x00\x01 “ ” ... U.S. Gen. ' ' \" \""))
	f.Add([]byte(strings.Repeat("Obama met Putin in Moscow ", 400)))
	p, _ := New(Options{})
	f.Fuzz(func(t *testing.T, b []byte) {
		d := p.FromItem(ingest.Item{Origin: "fuzz", Body: []byte(strings.ToValidUTF8(string(b), "?"))})
		for _, e := range d.Errors {
			if strings.Contains(e.Message, "internal error") {
				t.Fatalf("stage %s panicked: %s", e.Stage, e.Message)
			}
		}
		checkSpans(t, "fuzz", d)
	})
}

// BenchmarkPipeline is the end-to-end cost of one ~250-word article.
func BenchmarkPipeline(b *testing.B) {
	body := exampleText(b, "quetta-bombing.txt")
	p, _ := New(Options{})
	p.FromItem(ingest.Item{Body: body}) // load models outside the timing
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.FromItem(ingest.Item{Body: body})
	}
}

// BenchmarkShallow is clean + segment + tokenize only.
func BenchmarkShallow(b *testing.B) {
	body := exampleText(b, "quetta-bombing.txt")
	p, _ := New(Options{Shallow: true})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		p.FromItem(ingest.Item{Body: body})
	}
}
