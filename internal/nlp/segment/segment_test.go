package segment

import (
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

func texts(text string, spans []doc.Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = s.In(text)
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "The talks ended. Both sides left.", []string{"The talks ended.", "Both sides left."}},
		{"us abbreviation", "The U.S. president met Gen. Smith on Jan. 5. He left.",
			[]string{"The U.S. president met Gen. Smith on Jan. 5.", "He left."}},
		{"us sentence end", "Troops returned to the U.S. The war was over.",
			[]string{"Troops returned to the U.S.", "The war was over."}},
		{"titles", "Mr. Obama and Dr. Jones spoke with Sen. Reed and Rep. Lee.", []string{"Mr. Obama and Dr. Jones spoke with Sen. Reed and Rep. Lee."}},
		{"initials", "J. R. R. Tolkien wrote it. George W. Bush read it.",
			[]string{"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
		{"time", "They met at 10 a.m. Tuesday. It rained.", []string{"They met at 10 a.m. Tuesday.", "It rained."}},
		{"quote end", "“We are ready.” Obama said so. \"Is it?\" she asked. Yes.",
			[]string{"“We are ready.”", "Obama said so.", "\"Is it?\" she asked.", "Yes."}},
		{"quote then period", "“Russia is the outlier”. Obama said.", []string{"“Russia is the outlier”.", "Obama said."}},
		{"ellipsis", "If it was an aircraft?…What we hear is nothing. Wait... Then go.",
			[]string{"If it was an aircraft?…What we hear is nothing.", "Wait...", "Then go."}},
		{"decimal and url", "Growth was 3.5 percent, see www.example.com. Next year, 2.1.",
			[]string{"Growth was 3.5 percent, see www.example.com.", "Next year, 2.1."}},
		{"headline paragraph", "Obama, Hollande pledge solidarity\n\nThe two met.", []string{"Obama, Hollande pledge solidarity", "The two met."}},
		{"inc", "He works at Acme Inc. in Ohio. Acme Inc. The firm grew.",
			[]string{"He works at Acme Inc. in Ohio.", "Acme Inc.", "The firm grew."}},
		{"number abbr", "It is No. 5 on the list. Go.", []string{"It is No. 5 on the list.", "Go."}},
		{"whitespace", "  \n\n  One.  \n \n Two  ", []string{"One.", "Two"}},
		{"empty", "", nil},
		{"exclaim", "Stop! Now.", []string{"Stop!", "Now."}},
		{"quote lowercase", "\"Stop.\" he said. Fine.", []string{"\"Stop.\" he said.", "Fine."}},
		{"lowercase informal", "sounds fine. i will go. ok", []string{"sounds fine.", "i will go.", "ok"}},
		{"citation", "It grew. [10] Then it fell.", []string{"It grew. [10]", "Then it fell."}},
		{"paren", "He left (for good.) Then.", []string{"He left (for good.)", "Then."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := texts(tt.in, Sentences(tt.in))
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("sentence %d: got %q, want %q (all %q)", i, got[i], tt.want[i], got)
				}
			}
		})
	}
}

func TestSeed(t *testing.T) {
	p := shared.Need(t, "seed", "obama-hollande.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	ss := Sentences(text)
	checkSpans(t, text, ss)
	found := false
	for _, s := range ss {
		if s.In(text) == "The U.S. president charged that Russian air activity near the Turkey-Syria border has contributed to the crisis." {
			found = true
		}
	}
	if !found {
		t.Errorf("U.S. sentence not found in %q", texts(text, ss))
	}
}

func checkSpans(t testing.TB, text string, ss []doc.Span) {
	t.Helper()
	prev := 0
	for i, s := range ss {
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("span %d %v out of order or bounds (prev end %d, len %d)", i, s, prev, len(text))
		}
		if isASCIISpace(text[s.Start]) || isASCIISpace(text[s.End-1]) {
			t.Fatalf("span %d %v has surrounding whitespace: %q", i, s, s.In(text))
		}
		prev = s.End
	}
}

func TestEvalUD(t *testing.T) {
	for _, c := range []struct {
		set  string
		path []string
		min  float64
	}{
		{"en_ewt-test", []string{"data", "ud", "en_ewt", "en_ewt-ud-test.conllu"}, 0.82},
		{"en_gum-test", []string{"data", "ud", "en_gum", "en_gum-ud-test.conllu"}, 0.94},
	} {
		t.Run(c.set, func(t *testing.T) {
			p := shared.Need(t, c.path...)
			prf, err := EvalUD(p)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s sentence P=%.4f R=%.4f F1=%.4f (TP %d FP %d FN %d)", c.set, prf.Precision(), prf.Recall(), prf.F1(), prf.TP, prf.FP, prf.FN)
			if prf.F1() < c.min {
				t.Errorf("F1 %.4f below %.2f", prf.F1(), c.min)
			}
			if os.Getenv("SEGMENT_DUMP") != "" {
				text, gold, _ := UDText(p)
				pred := Sentences(text)
				g := map[doc.Span]bool{}
				for _, s := range gold {
					g[s] = true
				}
				n := 0
				for _, s := range pred {
					if !g[s] && n < 60 {
						t.Logf("FP %q", s.In(text))
						n++
					}
				}
			}
		})
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "A. B.", "“Hi.” he said.\n\nNext", "U.S. The end…", "a\n \n\nb", "x.\u00a0Y", "\xe2\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, s, Sentences(s))
	})
}

func TestParagraphs(t *testing.T) {
	text := "  One.\nStill one.\n \nTwo.\n\n\nThree. "
	var got []string
	for _, p := range Paragraphs(text) {
		got = append(got, text[p.Start:p.End])
	}
	if strings.Join(got, "|") != "One.\nStill one.|Two.|Three." {
		t.Errorf("Paragraphs = %q", got)
	}
}
