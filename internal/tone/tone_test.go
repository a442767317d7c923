package tone

import (
	"math"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func TestLexicon(t *testing.T) {
	for w, want := range map[string]int{"abandon": -2, "good": 3, "killed": -3, "bad luck": -2, "can't stand": -3} {
		if v, ok := Valence(w); !ok || v != want {
			t.Errorf("Valence(%q) = %d,%v want %d", w, v, ok, want)
		}
	}
	if _, ok := Valence("table"); ok {
		t.Error("table should not be in the lexicon")
	}
}

func TestScore(t *testing.T) {
	cases := []struct {
		text     string
		pos, neg int
		words    int
	}{
		{"The talks were good and friendly.", 2, 0, 6},
		{"Bombs killed many people in a terrible attack.", 0, 3, 8},
		{"The deal is not good.", 0, 1, 5},
		{"He had bad luck today.", 0, 1, 5},
		{"", 0, 0, 0},
	}
	for _, c := range cases {
		d := &doc.Document{Text: c.text}
		Score(d)
		tn := d.Tone
		if tn.WordCount != c.words {
			t.Errorf("%q: words %d want %d", c.text, tn.WordCount, c.words)
			continue
		}
		if c.words == 0 {
			if tn.Score != 0 {
				t.Errorf("empty text score %v", tn.Score)
			}
			continue
		}
		wp := 100 * float64(c.pos) / float64(c.words)
		wn := 100 * float64(c.neg) / float64(c.words)
		if math.Abs(tn.Positive-wp) > 1e-9 || math.Abs(tn.Negative-wn) > 1e-9 || math.Abs(tn.Score-(wp-wn)) > 1e-9 || math.Abs(tn.Polarity-(wp+wn)) > 1e-9 {
			t.Errorf("%q: got %+v want pos %.2f neg %.2f", c.text, *tn, wp, wn)
		}
	}
}

func TestDensitiesAndTokens(t *testing.T) {
	d := &doc.Document{Text: "We attacked them."}
	Score(d)
	if d.Tone.SelfGroupDensity < 66 || d.Tone.SelfGroupDensity > 67 {
		t.Errorf("self/group density %v", d.Tone.SelfGroupDensity)
	}
	if d.Tone.ActivityDensity < 33 || d.Tone.ActivityDensity > 34 {
		t.Errorf("activity density (lexical) %v", d.Tone.ActivityDensity)
	}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}, Tokens: []doc.Token{{Form: "We", UPOS: "PRON"}, {Form: "attacked", UPOS: "VERB"}, {Form: "them", UPOS: "PRON"}, {Form: ".", UPOS: "PUNCT"}}}}
	ts := Sentences(d)
	if len(ts) != 1 || ts[0].ActivityDensity < 33 || ts[0].ActivityDensity > 34 {
		t.Errorf("per-sentence tone %+v", ts)
	}
}
