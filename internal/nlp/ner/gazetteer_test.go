package ner

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/linear"
)

func gz(t testing.TB, text string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(text))
	zw.Close()
	return b.Bytes()
}

func TestGazetteerRoundTrip(t *testing.T) {
	g := NewGazetteer()
	n0 := g.Len()
	g.Add(GBrand, []string{"Taco", "Bell"})
	g.Add(GCity, []string{"Kharkiv"})
	g.Add(GCity, []string{"bad name"})                          // a space inside a token: refused
	g.Add(GCity, strings.Fields("a b c d e f g h i j k l m n")) // too long: refused
	if g.Len() != n0+2 {
		t.Fatalf("Len = %d, want %d", g.Len(), n0+2)
	}
	var b bytes.Buffer
	if err := g.Write(&b); err != nil {
		t.Fatal(err)
	}
	g2, sum, err := ReadGazetteer(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if g2.Len() != g.Len() || g2.names["Taco Bell"] != GBrand || g2.names["Kharkiv"]&GCity == 0 {
		t.Fatalf("read back %d names, Taco Bell=%b", g2.Len(), g2.names["Taco Bell"])
	}
	_, sum2, _ := ReadGazetteer(bytes.NewReader(b.Bytes()))
	if sum == "" || sum != sum2 {
		t.Fatalf("checksums %q %q", sum, sum2)
	}
}

func TestReadGazetteerErrors(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"header", "hello\n", "line 1"},
		{"no tab", gazHeader + "\ncity Paris\n", "line 2"},
		{"unknown category", gazHeader + "\ncity\tParis\nplanet\tMars\n", "line 3"},
	}
	for _, tc := range tests {
		_, _, err := ReadGazetteer(bytes.NewReader(gz(t, tc.text)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.name, err, tc.want)
		}
	}
	if _, _, err := ReadGazetteer(strings.NewReader("not gzip")); err == nil {
		t.Error("plain text accepted")
	}
}

func FuzzReadGazetteer(f *testing.F) {
	f.Add([]byte(gazHeader + "\ncity\tParis\nbrand\tTaco Bell\n"))
	f.Add([]byte(gazHeader + "\n\t\n"))
	f.Add([]byte("x"))
	f.Fuzz(func(t *testing.T, text []byte) {
		g, _, err := ReadGazetteer(bytes.NewReader(gz(t, string(text))))
		if err == nil {
			if _, err := newModel(Meta{Labels: DefaultLabels}, linear.NewTrainer(4, len(DefaultLabels)), g); err != nil {
				t.Fatal(err)
			}
		}
	})
}

func TestGazetteerMatching(t *testing.T) {
	g := NewGazetteer()
	g.Add(GBrand, []string{"Taco", "Bell"})
	g.Add(GOrg, []string{"al-Qaeda"})
	m, err := newModel(Meta{Labels: DefaultLabels}, linear.NewTrainer(4, len(DefaultLabels)), g)
	if err != nil {
		t.Fatal(err)
	}
	sc := m.pool.Get().(*scratch)
	tests := []struct {
		forms []string
		at    int
		bits  uint32 // expected in gazB[at]
		none  uint32 // must not be set in gazB[at]
	}{
		{[]string{"go", "to", "Taco", "Bell"}, 2, GBrand, 0},
		{[]string{"go", "to", "taco", "bell"}, 2, GBrand << nGaz, GBrand},
		{[]string{"al", "-", "Qaeda", "said"}, 0, GOrg, 0},         // hyphen split variant
		{[]string{"it", "is", "late"}, 1, 0, GOrg<<nGaz | GOrg},    // "IS" is not "is"
		{[]string{"the", "IS", "fighters"}, 1, GOrg, 0},            // but "IS" is
		{[]string{"Taco", "Tuesday"}, 0, 0, GBrand | GBrand<<nGaz}, // a prefix alone is no match
	}
	for _, tc := range tests {
		sc.forms = tc.forms
		m.prepare(sc, tc.forms)
		got := sc.gazB[tc.at]
		if got&tc.bits != tc.bits || got&tc.none != 0 {
			t.Errorf("%v: gazB[%d] = %b, want %b and not %b", tc.forms, tc.at, got, tc.bits, tc.none)
		}
	}
}
