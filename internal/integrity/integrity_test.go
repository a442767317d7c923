package integrity

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/dedupe"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/internal/timex"
)

func kinds(d *doc.Document, k doc.FlagKind) []doc.Flag {
	var out []doc.Flag
	for _, f := range d.Flags {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

func prep(text, pub string) *doc.Document {
	d := &doc.Document{Text: text, PubDate: pub, Source: "a.example"}
	timex.Extract(d)
	return d
}

func TestMeetingContradiction(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"Sitting down to talks with Francois Hollande at the Kremlin, Russian President Vladimir Putin spoke of the attacks. The two met at the White House on Tuesday.", 1},
		{"Angela Merkel met Emmanuel Macron in Paris on Monday. The two leaders met again in Berlin on Friday.", 0},
		{"Angela Merkel met Emmanuel Macron in Paris. They held talks at the Elysee.", 0},
		{"Angela Merkel met Emmanuel Macron in Paris. Later Merkel met Joe Biden at the White House.", 0},
		{"Angela Merkel met Emmanuel Macron in Paris on Monday. Merkel and Macron held talks in Rome.", 1},
		{"John Kerry met Sergei Lavrov at the Kremlin on May 5, 2015. The meeting of Kerry and Lavrov at the Kremlin on May 6, 2015 was tense.", 1},
	}
	for _, c := range cases {
		d := prep(c.text, "2015-11-26")
		Check(d, nil)
		if got := kinds(d, doc.FlagContradiction); len(got) != c.want {
			t.Errorf("%q: %d contradictions %v, want %d", c.text, len(got), got, c.want)
		}
	}
}

func TestSeed(t *testing.T) {
	p := shared.Need(t, "seed", "obama-hollande.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	d := prep(string(b), "2015-11-26")
	for _, r := range []string{"Share", "Advertisement", "Advertisement", "RTR4SGHC"} {
		d.Removed = append(d.Removed, doc.Removed{Text: r, Why: "boilerplate"})
	}
	Check(d, nil)
	if n := len(kinds(d, doc.FlagBoilerplate)); n != 4 {
		t.Errorf("boilerplate flags %d, want 4", n)
	}
	cs := kinds(d, doc.FlagContradiction)
	if len(cs) != 1 || !strings.HasPrefix(cs[0].Span.In(d.Text), "The two met at the White House") {
		t.Errorf("contradictions %v", cs)
	}
	if n := len(kinds(d, doc.FlagFutureDate)); n != 0 {
		t.Errorf("future dates on the seed: %v", kinds(d, doc.FlagFutureDate))
	}
}

func TestDateline(t *testing.T) {
	d := prep("Australian woman claims church imprisoned her\n\nThursday, May 7, 2015\n\nA woman said she was held for years.", "2011-12-02")
	Check(d, nil)
	cs := kinds(d, doc.FlagContradiction)
	if len(cs) != 1 || cs[0].Span.In(d.Text) != "Thursday, May 7, 2015" {
		t.Errorf("dateline contradiction: %v", cs)
	}
	if n := len(kinds(d, doc.FlagFutureDate)); n != 0 {
		t.Errorf("a dateline is not a future_date: %v", d.Flags)
	}
	d = prep("Headline\n\nFriday, August 21, 2015\n\nShelling was reported.", "2015-08-21")
	Check(d, nil)
	if n := len(kinds(d, doc.FlagContradiction)); n != 0 {
		t.Errorf("matching dateline flagged: %v", d.Flags)
	}
}

func TestFutureDate(t *testing.T) {
	cases := []struct {
		text string
		want int
	}{
		{"The rebels attacked the town on December 3, 2015.", 1},
		{"The summit will open on December 3, 2015.", 0},
		{"The rebels attacked the town on November 3, 2015.", 0},
		{"The rebels attacked the town in 2016.", 1},
		{"The rebels attacked the town on Tuesday.", 0},
	}
	for _, c := range cases {
		d := prep("Headline\n\n"+c.text, "2015-11-26")
		Check(d, nil)
		if got := kinds(d, doc.FlagFutureDate); len(got) != c.want {
			t.Errorf("%q: %v, want %d", c.text, got, c.want)
		}
	}
}

type fakeSeer struct {
	known map[uint64]string
	err   error
	got   string
}

func (f *fakeSeer) SeenSentences(_ context.Context, hs []uint64, notSource string) (map[uint64]string, error) {
	f.got = notSource
	if f.err != nil {
		return nil, f.err
	}
	out := map[uint64]string{}
	for _, h := range hs {
		if w, ok := f.known[h]; ok {
			out[h] = w
		}
	}
	return out, nil
}

func TestDuplicates(t *testing.T) {
	s1 := "The government announced a new plan to cut taxes for families."
	s2 := "Critics said the plan would do little to help the poorest households."
	text := s1 + " " + s2 + " Short one. " + strings.ToUpper(s1)
	seer := &fakeSeer{known: map[uint64]string{dedupe.SentenceHash(s2): "sha256:abc"}}
	d := prep(text, "2015-11-26")
	Check(d, seer)
	ds := kinds(d, doc.FlagDuplicateSentence)
	if len(ds) != 2 {
		t.Fatalf("duplicates %v", ds)
	}
	if seer.got != "a.example" {
		t.Errorf("notSource %q", seer.got)
	}
	d = prep(text, "2015-11-26")
	Check(d, &fakeSeer{err: errors.New("store down")})
	if len(d.Errors) != 1 || len(kinds(d, doc.FlagDuplicateSentence)) != 1 {
		t.Errorf("seer error: errors %v flags %v", d.Errors, d.Flags)
	}
}
