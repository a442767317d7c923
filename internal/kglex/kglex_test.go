package kglex

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func TestWords(t *testing.T) {
	text := "The U.S. said 10,000 people (2015-11-24) can't go; Nov. 13 at 15:11 GMT—al-Assad’s aide."
	var got []string
	for _, w := range Words(nil, text, doc.Span{Start: 0, End: len(text)}) {
		if w.Span.In(text) != w.Text {
			t.Fatalf("span mismatch %+v", w)
		}
		got = append(got, w.Text)
	}
	want := "The|U.S.|said|10,000|people|2015-11-24|can't|go|Nov|13|at|15:11|GMT|al-Assad’s|aide"
	if g := strings.Join(got, "|"); g != want {
		t.Errorf("got  %s\nwant %s", g, want)
	}
}

func TestSplit(t *testing.T) {
	text := "Mr. Smith met Gov. Jones in the U.S. capital. “Fine,” he said. Then George W. Bush spoke!\nNew line here"
	var got []string
	for _, s := range Split(text) {
		got = append(got, s.In(text))
	}
	want := []string{"Mr. Smith met Gov. Jones in the U.S. capital.", "“Fine,” he said.", "Then George W. Bush spoke!", "New line here"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", got)
	}
}

func TestNumbers(t *testing.T) {
	for s, want := range map[string]int64{"nine": 9, "twenty-five": 25, "dozen": 12} {
		if v, ok := NumberWord(s); !ok || v != want {
			t.Errorf("NumberWord(%q) = %d %v", s, v, ok)
		}
	}
	if v, frac, ok := Digits("1.5"); !ok || !frac || v != 1500 {
		t.Errorf("Digits(1.5) = %d %v %v", v, frac, ok)
	}
	if v, _, ok := Digits("10,000"); !ok || v != 10000000 {
		t.Errorf("Digits(10,000) = %d", v)
	}
	if _, _, ok := Digits("12a"); ok {
		t.Error("Digits(12a) parsed")
	}
}

func TestNames(t *testing.T) {
	text := "US President Barack Obama met reporters. Later Obama spoke about the Church of Scientology."
	d := &doc.Document{Text: text}
	ns := Names(d, Split(text))
	var got []string
	for _, n := range ns {
		got = append(got, n.Text+"="+n.Entity)
	}
	if len(ns) < 2 || ns[0].Text != "Barack Obama" || !ns[0].Person || ns[0].Role != "president" || ns[0].Nation != "USA" || ns[1].Entity != "Barack Obama" {
		t.Errorf("names %v / %+v", got, ns)
	}
}

func TestMentionsFromTokens(t *testing.T) {
	text := "Barack Obama met Hollande. Obama left."
	tok := func(a, b int, ner string) doc.Token { return doc.Token{Span: doc.Span{Start: a, End: b}, NER: ner} }
	d := &doc.Document{Text: text, Sentences: []doc.Sentence{
		{Span: doc.Span{Start: 0, End: 26}, Tokens: []doc.Token{tok(0, 6, "B-PER"), tok(7, 12, "I-PER"), tok(13, 16, "O"), tok(17, 25, "B-PER"), tok(25, 26, "O")}},
		{Span: doc.Span{Start: 27, End: 38}, Tokens: []doc.Token{tok(27, 32, "B-PER"), tok(33, 37, "O"), tok(37, 38, "O")}},
	}}
	ms := MentionsFromTokens(d)
	if len(ms) != 3 || ms[0].Text != "Barack Obama" || ms[1].Text != "Hollande" || ms[2].Entity != "Barack Obama" || ms[2].Sentence != 1 {
		t.Errorf("mentions %+v", ms)
	}
}
