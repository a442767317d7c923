package quotes

import (
	"os"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
)

func TestDebugFile(t *testing.T) {
	f := os.Getenv("QDEBUG")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	d := &doc.Document{Text: string(b)}
	for _, s := range kglex.Split(d.Text) {
		t.Logf("SENT %q", s.In(d.Text))
	}
	Extract(d)
	for _, q := range d.Quotes {
		t.Logf("%q -> %+v %s", abbrev(q.Text), q.Speaker, q.Method)
	}
}
