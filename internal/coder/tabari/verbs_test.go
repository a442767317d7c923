package tabari

import (
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// a small dictionary in the TABARI syntax, written for these tests
const testVerbs = `<!-- test verbs -->
&TIES_KIND
+MILITARY
+TRADE_
+&EXTRA   # nested set

&EXTRA
+CULTURAL

--- MEND   [050]  ---
MEND
RESTORE {RESTORES RESTORED RESTORING}
KLM_+PATCH [051]
+SMOOTH_OVER {+SMOOTHED_OVER} [052:052]
- * {&TIES_KIND TIES}         [0311]   # a noun phrase with a set
- * (WITH +) PROMPTLY         [055]
- NEVER_AGAIN *               [---]
- % *                         [050]
* FULL_TIES                   [057]

--- SHRUG  [---]  ---
SHRUG
- * OFF (FROM $)              [110]
~ a (a b ATTACK) SAY = a b 015
`

func TestParseVerbs(t *testing.T) {
	v, err := ParseVerbs(strings.NewReader(testVerbs), "t.verbs.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Blocks) != 2 || v.NumPatterns() != 6 || v.Transforms != 1 {
		t.Fatalf("blocks=%d patterns=%d transforms=%d", len(v.Blocks), v.NumPatterns(), v.Transforms)
	}
	if got := len(v.Synsets["&TIES_KIND"]); got != 3 {
		t.Errorf("&TIES_KIND has %d members, want 3", got)
	}
	if u := v.Undefined(); len(u) != 0 {
		t.Errorf("undefined sets %v", u)
	}
	tests := []struct {
		word   string
		verb   string
		before string
		after  string
		def    string
	}{
		{"MEND", "MEND", "", "", "[050]"},
		{"RESTORED", "RESTORE", "", "", "[050]"},
		{"PATCH", "PATCH", "KLM", "", "[051]"},
		{"SMOOTHED", "SMOOTH", "", "OVER", "[052:052]"},
		{"SHRUG", "SHRUG", "", "", "[---]"},
	}
	for _, tt := range tests {
		vs := v.Lookup(tt.word)
		if len(vs) != 1 {
			t.Errorf("%s: %d verbs", tt.word, len(vs))
			continue
		}
		vb := vs[0]
		if vb.Word != tt.verb || strings.Join(vb.Before, " ") != tt.before || strings.Join(vb.After, " ") != tt.after || vb.Default().String() != tt.def {
			t.Errorf("%s: got %s before=%v after=%v code=%s", tt.word, vb.Word, vb.Before, vb.After, vb.Default())
		}
	}
	ps := v.Blocks[0].Patterns
	if e := ps[0].Post[0]; e.Kind != ElemNP || len(e.Sub) != 2 || e.Sub[0].Kind != ElemSynset || e.Sub[0].Word != "&TIES_KIND" {
		t.Errorf("pattern 0 = %+v", ps[0].Post)
	}
	if e := ps[1].Post[0]; e.Kind != ElemPP || e.Word != "WITH" || len(e.Sub) != 1 || e.Sub[0].Kind != ElemTarget {
		t.Errorf("pattern 1 = %+v", ps[1].Post)
	}
	if e := ps[2].Pre; len(e) != 2 || !e[0].Join || e[1].Word != "AGAIN" || !ps[2].Code.Null {
		t.Errorf("pattern 2 = %+v %v", e, ps[2].Code)
	}
	if e := ps[4].Post; len(e) != 2 || !e[0].Join || e[0].Word != "FULL" {
		t.Errorf("pattern 4 (no leading '-') = %+v", e)
	}
	if ps[0].Code.Event != "0311" || ps[0].Specificity() != 3 {
		t.Errorf("pattern 0 code %v spec %d", ps[0].Code, ps[0].Specificity())
	}
}

func TestParseVerbsErrors(t *testing.T) {
	tests := []struct {
		src  string
		want string // substring of the error, with the position
	}{
		{"ORPHAN\n", "x.txt:1: verb \"ORPHAN\" outside a verb block"},
		{"--- A [010] ---\nA\n- * THING\n", "x.txt:3: pattern \"- * THING\" without a [CODE]"},
		{"--- A [010] ---\nA\n- THING [020]\n", "x.txt:3: pattern \"- THING [020]\" has no \"*\""},
		{"--- A [010] ---\nA\n\n- * (TO X [020]\n", "x.txt:4: pattern"},
		{"--- A [010] ---\nA\n- * {X}} [020]\n", "x.txt:3: pattern"},
		{"--- A [01x0] ---\nA\n", "x.txt:1: verb block: bad event code [01x0]"},
		{"--- A [010 ---\n", "x.txt:1: verb block: unclosed code"},
		{"&BAD!SET\n", "x.txt:1: bad synonym set name"},
		{"--- A [010] ---\nA {AS\n", "x.txt:2: verb \"A {AS\": unclosed \"{\""},
		{"--- A [010] ---\n+A_+B\n", "x.txt:2: verb \"+A_+B\" marks two verb words"},
		{"--- A [010] ---\nA\n- * * [020]\n", "x.txt:3: pattern \"- * * [020]\" has two \"*\""},
	}
	for _, tt := range tests {
		_, err := ParseVerbs(strings.NewReader(tt.src), "x.txt")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: error %v, want %q", tt.src, err, tt.want)
			continue
		}
		var pe *Error
		if !errors.As(err, &pe) || pe.Line == 0 {
			t.Errorf("%q: error %v is not positioned", tt.src, err)
		}
	}
	// good lines after a bad one are kept
	v, err := ParseVerbs(strings.NewReader("--- A [010] ---\nA\n- * [xyz]\n- * B [020]\n"), "x.txt")
	if err == nil || v.NumPatterns() != 1 {
		t.Errorf("err=%v patterns=%d", err, v.NumPatterns())
	}
}

func TestDiscards(t *testing.T) {
	d, err := ParseDiscards(strings.NewReader("# c\nYEARS LATER\n+TYPHOON  # story\nBASE_BALL\n"), "d.txt")
	if err != nil || d.Len() != 3 {
		t.Fatalf("len %d err %v", d.Len(), err)
	}
	toks := func(s string) []doc.Token {
		var out []doc.Token
		for _, w := range strings.Fields(s) {
			out = append(out, doc.Token{Form: w})
		}
		return out
	}
	if !d.Sentence(toks("ten years later they met")) || d.Sentence(toks("years of talks")) || !d.Sentence(toks("a base ball game")) {
		t.Error("sentence discards")
	}
	dc := &doc.Document{Sentences: []doc.Sentence{{Tokens: toks("calm")}, {Tokens: toks("a typhoon hit")}}}
	if !d.Story(dc) {
		t.Error("story discard")
	}
	if _, err := ParseDiscards(strings.NewReader("OK\n[]\n"), "d.txt"); err == nil || !strings.Contains(err.Error(), "d.txt:2:") {
		t.Errorf("bad discard error %v", err)
	}
}

func FuzzParseVerbs(f *testing.F) {
	f.Add(testVerbs)
	f.Add("--- A [010:] ---\n+_\n- (\n- ) * [1]\n&\n+&&\n{}\n")
	f.Fuzz(func(t *testing.T, src string) {
		v, _ := ParseVerbs(strings.NewReader(src), "fuzz")
		if v == nil {
			t.Fatal("nil Verbs")
		}
		_ = v.Undefined()
		// code a tiny sentence with whatever was read
		c := &Coder{Verbs: v, Actors: fakeScanner{}}
		d := parse(t, "Arnor|Arnor|PROPN|2|nsubj mended|mend|VERB|0|root military|military|ADJ|4|amod ties|tie|NOUN|2|obj with|with|ADP|6|case Gondor|Gondor|PROPN|2|obl")
		c.Code(d)
	})
}

// fakeScanner codes capitalized words as 3-letter actors and "officials" as GOV agents.
type fakeScanner struct{ agents bool }

func (f fakeScanner) Scan(text string, toks []doc.Token, date string) []actors.Match {
	var out []actors.Match
	for i, t := range toks {
		if f.agents {
			if strings.EqualFold(t.Form, "officials") || strings.EqualFold(t.Form, "cleric") {
				code := "GOV"
				if strings.EqualFold(t.Form, "cleric") {
					code = "REL"
				}
				out = append(out, actors.Match{Start: i, End: i + 1, Span: t.Span, Text: t.Form, Code: cameo.ActorCode(code), Kind: actors.KindAgent})
			}
			continue
		}
		if c := t.Form[0]; c >= 'A' && c <= 'Z' && len(t.Form) >= 3 {
			out = append(out, actors.Match{Start: i, End: i + 1, Span: t.Span, Text: t.Form, Code: cameo.ActorCode(strings.ToUpper(t.Form[:3])), Kind: actors.KindCountry})
		}
	}
	return out
}
