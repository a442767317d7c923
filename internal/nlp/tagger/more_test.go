package tagger

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

func toyData() (Meta, []Example) {
	meta := ClassSet(map[[2]string]int{{"DET", "DT"}: 5, {"NOUN", "NN"}: 5, {"VERB", "VBD"}: 5, {"ADJ", "JJ"}: 5}, 2)
	cls := map[string]int{}
	for k := range meta.UPOS {
		cls[meta.UPOS[k]] = k
	}
	d, n, v, a := cls["DET"], cls["NOUN"], cls["VERB"], cls["ADJ"]
	var data []Example
	for _, s := range []string{"the dog barked", "a cat slept", "the old bird sang", "a big man walked", "the man slept", "a dog sang"} {
		f := strings.Fields(s)
		c := []int{d}
		for range f[1 : len(f)-2] {
			c = append(c, a)
		}
		c = append(c, n, v)
		data = append(data, Example{Forms: f, Classes: c})
	}
	return meta, data
}

// Two passes, dictionary and lexicon survive a save/load round trip and
// give the same tags.
func TestTwoPassRoundTrip(t *testing.T) {
	meta, data := toyData()
	lex := Lexicon{wordfeat.Of("cat", nil).Lower: LexLower | LexNoun, wordfeat.Of("walked", nil).Lower: LexVerb}
	m, err := Train(meta, data, Options{Epochs: 6, Bits: 12, Seed: 3, Folds: 2, Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	if m.Passes() != 2 || m.dict.Len() == 0 {
		t.Fatalf("passes %d, dictionary %d words", m.Passes(), m.dict.Len())
	}
	var mb, wb bytes.Buffer
	if err := m.WriteMeta(&mb); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteWeights(&wb); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&mb, &wb)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Passes() != 2 || m2.dict.Len() != m.dict.Len() || len(m2.dict.lex) != len(lex) {
		t.Fatalf("loaded: passes %d, dictionary %d, lexicon %d", m2.Passes(), m2.dict.Len(), len(m2.dict.lex))
	}
	for _, s := range []string{"the cat walked", "a old dog barked", "dog"} {
		f := strings.Fields(s)
		a, b := m.Tag(f, nil), m2.Tag(f, nil)
		for i := range a {
			if a[i] != b[i] {
				t.Fatalf("%q: %v before saving, %v after", s, a, b)
			}
		}
	}
	got := m2.Tag([]string{"the", "cat", "walked"}, nil)
	if m2.UPOS[got[0]] != "DET" || m2.UPOS[got[1]] != "NOUN" || m2.UPOS[got[2]] != "VERB" {
		t.Errorf("tags %v", got)
	}
}

// A bare linear model file (the first format) still loads as a one-pass
// tagger.
func TestLoadBareLinear(t *testing.T) {
	meta, data := toyData()
	m, err := Train(meta, data, Options{Epochs: 3, Bits: 10, Seed: 1, OnePass: true})
	if err != nil {
		t.Fatal(err)
	}
	var mb, wb bytes.Buffer
	m.WriteMeta(&mb)
	if err := m.passes[0].(*linear.Model).Write(&wb); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(&mb, &wb)
	if err != nil {
		t.Fatal(err)
	}
	if m2.Passes() != 1 || len(m2.Tag([]string{"a", "dog"}, nil)) != 2 {
		t.Fatal("bare model did not load as one pass")
	}
}

func TestLoadRejectsGarbage(t *testing.T) {
	meta, _ := toyData()
	var mb bytes.Buffer
	m, _ := New(meta, nil, linear.NewTrainer(4, len(meta.UPOS)).Finish(0))
	m.WriteMeta(&mb)
	for _, w := range [][]byte{nil, []byte("not gzip"), gz(t, "EWTG2\xff\xff\xff\xff")} {
		if _, err := Load(bytes.NewReader(mb.Bytes()), bytes.NewReader(w)); err == nil {
			t.Errorf("Load(%q) succeeded", w)
		}
	}
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestCaseProfile(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"Obama Pledges Support For French Allies", 2},
		{"OBAMA PLEDGES SUPPORT", 3},
		{"i went to the store with my brother", 1},
		{"Obama met Hollande in Paris on Monday .", 0},
		{"ok", 0},
	}
	for _, tc := range tests {
		if got := caseProfile(wordfeat.Prepare(strings.Fields(tc.s), nil)); got != tc.want {
			t.Errorf("caseProfile(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

func TestReadLexicon(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("words", "ally\nallies\nAlly's\nParis\npledge\npledged\nquickly\n")
	write("index.noun", "  1 licence line\nally n 1 1 @ 1 0 0\npledge n 1 1 @ 1 0 0\nparis n 1 1 @ 1 0 0\nice_cream n 1 1\n")
	write("index.verb", "ally v 1 1 @ 1 0 0\npledge v 1 1 @ 1 0 0\n")
	write("index.adj", "")
	write("index.adv", "quickly r 1 1 0\n")
	for _, p := range []string{"noun", "verb", "adj", "adv"} {
		write(p+".exc", "")
	}
	write("verb.exc", "went go\n")
	lex, err := ReadLexicon(filepath.Join(dir, "words"), dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		w    string
		want uint8
	}{
		{"ally", LexLower | LexNoun | LexVerb},
		{"allies", LexLower | LexNoun | LexVerb}, // by detachment rules
		{"pledged", LexLower | LexVerb},
		{"paris", LexCapital | LexNoun},
		{"quickly", LexLower | LexAdv},
		{"went", LexVerb},
		{"ice_cream", 0},
		{"unknown", 0},
	}
	for _, tc := range tests {
		w := wordfeat.Of(tc.w, nil)
		if got := lex.Of(&w); got != tc.want {
			t.Errorf("lexicon(%q) = %06b, want %06b", tc.w, got, tc.want)
		}
	}
	if _, err := ReadLexicon(filepath.Join(dir, "missing"), dir); err == nil {
		t.Error("missing word list accepted")
	}
}
