package tokenize

import (
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

func forms(ts []doc.Token) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.Form
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by "|"
	}{
		{"I can't go, won't go.", "I|ca|n't|go|,|wo|n't|go|."},
		{"We're gonna win; they'll see.", "We|'re|gon|na|win|;|they|'ll|see|."},
		{"Russia’s jets didn’t fly.", "Russia|’s|jets|did|n’t|fly|."},
		{"The U.S. president and Mr. Obama met.", "The|U.S.|president|and|Mr.|Obama|met|."},
		{"Over 10,000 people paid $20 on 2015-11-24, up 3.5%.", "Over|10,000|people|paid|$|20|on|2015-11-24|,|up|3.5|%|."},
		{"“We are prepared to work with you”.", "“|We|are|prepared|to|work|with|you|”|."},
		{"the U.S.-led coalition", "the|U.S.|-|led|coalition"},
		{"anti-war well-known protests by e-mail", "anti-war|well|-|known|protests|by|e-mail"},
		{"Visit https://example.com/a?b=1 or mail a.b@example.org.", "Visit|https://example.com/a?b=1|or|mail|a.b@example.org|."},
		{"(Reuters) -- He said: \"No!\"", "(|Reuters|)|--|He|said|:|\"|No|!|\""},
		{"the parents' house at 10:30 a.m.", "the|parents|'|house|at|10:30|a.m."},
		{"Wait...what?!", "Wait|...|what|?!"},
		{"I cannot", "I|can|not"},
		{"i dont know, Thats why im here and its fine", "i|do|nt|know|,|That|s|why|i|m|here|and|its|fine"},
		{"I love her :) see you :-). Bye :(", "I|love|her|:)|see|you|:-)|.|Bye|:("},
		{"Fax: 555 and https://x.org XD", "Fax|:|555|and|https://x.org|XD"},
		{"Apples, pears, etc. Acme Inc.", "Apples|,|pears|,|etc.|Acme|Inc|."},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ts := Tokens(tt.in, doc.Span{Start: 0, End: len(tt.in)})
			got := strings.Join(forms(ts), "|")
			if got != tt.want {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
			checkTokens(t, tt.in, doc.Span{Start: 0, End: len(tt.in)}, ts)
		})
	}
}

func TestSpaceAfterAndSubspan(t *testing.T) {
	text := "He left. She said “no.” Then"
	end := strings.Index(text, " Then")
	ts := Tokens(text, doc.Span{Start: 9, End: end})
	got := strings.Join(forms(ts), "|")
	if got != "She|said|“|no|.|”" {
		t.Fatalf("got %s", got)
	}
	wantSpace := []bool{true, true, false, false, false, true}
	for i, tk := range ts {
		if tk.SpaceAfter != wantSpace[i] {
			t.Errorf("token %d %q SpaceAfter=%v", i, tk.Form, tk.SpaceAfter)
		}
		if tk.Head != -1 || tk.Form != tk.In(text) {
			t.Errorf("token %d: head %d form %q span text %q", i, tk.Head, tk.Form, tk.In(text))
		}
	}
	if Tokens(text, doc.Span{Start: 20, End: 5}) != nil || len(Tokens(text, doc.Span{Start: -3, End: 999})) == 0 {
		t.Error("bad spans not handled")
	}
}

func checkTokens(t testing.TB, text string, s doc.Span, ts []doc.Token) {
	t.Helper()
	prev := s.Start
	if prev < 0 {
		prev = 0
	}
	for i, tk := range ts {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) || tk.End > s.End {
			t.Fatalf("token %d %v out of order or bounds (prev %d, span %v, len %d)", i, tk.Span, prev, s, len(text))
		}
		if tk.Form != text[tk.Start:tk.End] {
			t.Fatalf("token %d form %q != text %q", i, tk.Form, text[tk.Start:tk.End])
		}
		prev = tk.End
	}
}

func TestEvalUD(t *testing.T) {
	for _, c := range []struct {
		name string
		path []string
		min  float64
	}{
		{"ewt", []string{"data", "ud", "en_ewt", "en_ewt-ud-test.conllu"}, 0.98},
		{"gum", []string{"data", "ud", "en_gum", "en_gum-ud-test.conllu"}, 0.99},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := shared.Need(t, c.path...)
			ms, err := EvalUD(p)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				t.Log(m)
			}
			if f := ms[2].Value; f < c.min {
				t.Errorf("token F1 %.4f below %.2f", f, c.min)
			}
			if os.Getenv("TOKEN_DUMP") != "" {
				ss, _ := ReadUD(p)
				n := 0
				for _, s := range ss {
					pred := Tokens(s.Text, doc.Span{Start: 0, End: len(s.Text)})
					g := map[doc.Span]bool{}
					for _, w := range s.Words {
						g[w] = true
					}
					for _, tk := range pred {
						if !g[tk.Span] && n < 80 {
							n++
							var gw []string
							for _, w := range s.Words {
								if w.Overlaps(tk.Span) {
									gw = append(gw, w.In(s.Text))
								}
							}
							t.Logf("FP %q gold %q", tk.Form, gw)
						}
					}
				}
			}
		})
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", "can't", "U.S.-led", "“no.”", "$20,000.5%", "'s", "--...", "a\u00a0b", "\xff'", "www.x.y@z"} {
		f.Add(s, 0, len(s))
	}
	f.Fuzz(func(t *testing.T, s string, a, b int) {
		ts := Tokens(s, doc.Span{Start: a, End: b})
		if a < 0 {
			a = 0
		}
		if b > len(s) {
			b = len(s)
		}
		checkTokens(t, s, doc.Span{Start: a, End: b}, ts)
	})
}
