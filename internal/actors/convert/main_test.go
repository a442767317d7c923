package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/actors"
)

func TestConvertRoundTrip(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "small.actors.txt")
	src := "BARACK_OBAMA\n+OBAMA\n\t[USAGOV 090120-170120]\n\t[ELI]\nOLD_KING_\n\t[GBRGOV 500101-600101]\nHAMAS [PSEREBHMS]\nBAD_ [USAGOV 1-2]\n"
	if err := os.WriteFile(in, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if err := run([]string{"-since", "2000-01-01", in}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errb.String(), "small.actors.txt:8: bad date") {
		t.Errorf("stderr lacks the positioned warning: %s", errb.String())
	}
	d, err := actors.Load(&out, "converted.txt")
	if err != nil {
		t.Fatalf("converted output does not load: %v\n%s", err, out.String())
	}
	if m, ok := d.Lookup("Obama", "2012-01-01"); !ok || m.Code != "USAGOV" {
		t.Errorf("Obama = %+v", m)
	}
	if m, ok := d.Lookup("Obama", "2020-01-01"); !ok || m.Code != "USAELI" {
		t.Errorf("Obama 2020 = %+v", m)
	}
	if _, ok := d.Lookup("Old King", "1955-01-01"); ok {
		t.Error("-since should drop people out of office before 2000")
	}
	if m, ok := d.Lookup("Hamas", ""); !ok || m.Code != "PSEREBHMS" {
		t.Errorf("Hamas = %+v", m)
	}
}

func TestFormatRoundTripDefault(t *testing.T) {
	var buf bytes.Buffer
	if err := actors.Format(&buf, actors.Default().Entries()); err != nil {
		t.Fatal(err)
	}
	d, err := actors.Load(&buf, "default-roundtrip.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []struct{ phrase, date string }{
		{"Russian President Vladimir Putin", "2015-11-26"}, {"French troops", ""}, {"the Kremlin", ""},
		{"Obama", "2020-01-01"}, {"Taliban", "2023-01-01"}, {"Islamic State", ""},
	} {
		a, _ := actors.Default().Lookup(p.phrase, p.date)
		b, _ := d.Lookup(p.phrase, p.date)
		if a.Code != b.Code || a.Entity != b.Entity {
			t.Errorf("%q: default %s %q, round trip %s %q", p.phrase, a.Code, a.Entity, b.Code, b.Entity)
		}
	}
}
