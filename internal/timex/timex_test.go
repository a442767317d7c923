package timex

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

func run(text, pub string) *doc.Document {
	d := &doc.Document{Text: text, PubDate: pub}
	Extract(d)
	return d
}

// TestExpressions is the hand-written test set: one expression per sentence,
// the expected text of the match, value and precision.
func TestExpressions(t *testing.T) {
	const pub = "2015-11-26" // a Thursday
	cases := []struct {
		sent, text, value, prec string
	}{
		{"The attacks of November 13 killed 130.", "November 13", "2015-11-13", Day},
		{"The jet crashed on October 31.", "October 31", "2015-10-31", Day},
		{"The two met on Tuesday.", "Tuesday", "2015-11-24", Day},
		{"They remained at odds on Thursday.", "Thursday", "2015-11-26", Day},
		{"They spoke Tuesday morning.", "Tuesday morning", "2015-11-24", Day},
		{"He was elected on Nov. 13, 2015.", "Nov. 13, 2015", "2015-11-13", Day},
		{"The data was published 2015-11-24.", "2015-11-24", "2015-11-24", Day},
		{"She arrived on 31 October 2015.", "31 October 2015", "2015-10-31", Day},
		{"The law passed in March.", "March", "2015-03", Month},
		{"The war began in 2014.", "2014", "2014", Year},
		{"Crime fell in the 1990s.", "1990s", "199", Decade},
		{"He resigned yesterday.", "yesterday", "2015-11-25", Day},
		{"The summit opens today.", "today", "2015-11-26", Day},
		{"Prices rose last week.", "last week", "2015-11-16", Week},
		{"Talks collapsed last month.", "last month", "2015-10", Month},
		{"The campaign began nine months ago.", "nine months ago", "2015-02", Month},
		{"The vote is tomorrow.", "tomorrow", "2015-11-27", Day},
		{"Elections will be held next year.", "next year", "2016", Year},
		{"Elections were held last year.", "last year", "2014", Year},
		{"He will visit Paris on Tuesday.", "Tuesday", "2015-12-01", Day},
		{"He will visit Paris on Thursday.", "Thursday", "2015-11-26", Day},
		{"Ministers met last Thursday.", "last Thursday", "2015-11-19", Day},
		{"Ministers meet next Monday.", "next Monday", "2015-11-30", Day},
		{"The ceasefire took effect on December 20.", "December 20", "2014-12-20", Day},
		{"The ceasefire will take effect on December 20.", "December 20", "2015-12-20", Day},
		{"The report appeared in September 2021.", "September 2021", "2021-09", Month},
		{"Monday, May 18, 2015", "Monday, May 18, 2015", "2015-05-18", Day},
		{"Fighting resumed Thursday afternoon.", "Thursday afternoon", "2015-11-26", Day},
		{"Shelling was heard last night.", "last night", "2015-11-25", Day},
		{"The plan is due next month.", "next month", "2015-12", Month},
		{"Arrests rose this year.", "this year", "2015", Year},
		{"Sales dropped this month.", "this month", "2015-11", Month},
		{"He was born on 4 July 1990.", "4 July 1990", "1990-07-04", Day},
		{"The deal was signed on the 13th of November.", "13th of November", "2015-11-13", Day},
		{"He was jailed two years ago.", "two years ago", "2013", Year},
		{"The flood hit three days ago.", "three days ago", "2015-11-23", Day},
		{"The unrest started two weeks ago.", "two weeks ago", "2015-11-09", Week},
		{"Since 1994 the group has grown.", "1994", "1994", Year},
		{"Talks were held in 1997 and 1998.", "1998", "1998", Year},
		{"The court ruled on 11/24/2015 against him.", "11/24/2015", "2015-11-24", Day},
		{"Parliament convened on Jan. 5.", "Jan. 5", "2015-01-05", Day},
		{"It happened in May last year.", "last year", "2014", Year},
		{"The treaty was signed in June 2010.", "June 2010", "2010-06", Month},
		{"Protests began on Sunday.", "Sunday", "2015-11-22", Day},
		{"Protests began Friday night.", "Friday night", "2015-11-20", Day},
		{"The lab opens next Tuesday.", "next Tuesday", "2015-12-01", Day},
		{"The minister will travel in January.", "January", "2016-01", Month},
		{"The minister travelled in December.", "December", "2014-12", Month},
		{"The officer spoke this morning.", "this morning", "2015-11-26", Day},
		{"He was released a year ago.", "a year ago", "2014", Year},
		{"He left early due to illness on Tuesday.", "Tuesday", "2015-11-24", Day},
		{"Voters marched this weekend.", "this weekend", "2015-11-21", Weekend},
		{"Voters will march this weekend.", "this weekend", "2015-11-28", Weekend},
		{"Voters marched last weekend.", "last weekend", "2015-11-21", Weekend},
	}
	hit := 0
	for _, c := range cases {
		d := run(c.sent, pub)
		var got *doc.TimeExpr
		for k := range d.Dates {
			if d.Dates[k].Text == c.text {
				got = &d.Dates[k]
			}
		}
		if got == nil {
			t.Errorf("%q: no expression %q (got %+v)", c.sent, c.text, d.Dates)
			continue
		}
		if got.Value != c.value || got.Precision != c.prec {
			t.Errorf("%q: %q = %s/%s, want %s/%s", c.sent, c.text, got.Value, got.Precision, c.value, c.prec)
			continue
		}
		if got.Span.In(d.Text) != got.Text {
			t.Errorf("%q: span %v does not give text %q", c.sent, got.Span, got.Text)
		}
		hit++
	}
	acc := float64(hit) / float64(len(cases))
	t.Logf("test set: %d/%d exact (%.3f)", hit, len(cases), acc)
	if len(cases) < 40 || acc < 0.90 {
		t.Errorf("exact-match accuracy %.3f over %d cases, want >= 0.90 over >= 40", acc, len(cases))
	}
}

func TestDurationsAndNonDates(t *testing.T) {
	d := run("He was held for twelve years. A 14-year-old boy and 2,000 people were there. Officials may speak. He told USA Today and Russia Today.", "2015-11-26")
	var durs []string
	for _, e := range d.Dates {
		if e.Value != "" {
			t.Errorf("unexpected dated expression %+v", e)
		}
		durs = append(durs, e.Duration)
	}
	if strings.Join(durs, ",") != "P12Y" {
		t.Errorf("durations = %v, want [P12Y]", durs)
	}
}

func TestBadPubDate(t *testing.T) {
	d := run("It happened on Tuesday, and on Nov. 13, 2015.", "26/11/2015")
	if len(d.Errors) != 1 {
		t.Fatalf("want one error for a bad pubdate, got %v", d.Errors)
	}
	var vals []string
	for _, e := range d.Dates {
		vals = append(vals, e.Text+"="+e.Value)
	}
	if strings.Join(vals, ";") != "Tuesday=;Nov. 13, 2015=2015-11-13" {
		t.Errorf("got %v", vals)
	}
}

func TestTenseAt(t *testing.T) {
	d := &doc.Document{Text: "Obama said on Tuesday that he will travel on Friday."}
	if g := TenseAt(d, doc.Span{Start: 14, End: 21}); g != Past {
		t.Errorf("Tuesday: %v", g)
	}
	if g := TenseAt(d, doc.Span{Start: 45, End: 51}); g != Future {
		t.Errorf("Friday: %v", g)
	}
}

type goldFile struct {
	PubDate string `json:"pubdate"`
	File    string `json:"file"`
	Dates   []struct {
		Text  string `json:"text"`
		Value string `json:"value"`
	} `json:"dates"`
}

// TestGold measures exact match on the dates of the seed and gold articles.
func TestGold(t *testing.T) {
	var files []string
	if p := shared.Path("seed", "obama-hollande.gold.json"); p != "" {
		files = append(files, p)
	}
	dir := shared.Need(t, "data", "articles")
	more, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	files = append(files, more...)
	hit, n := 0, 0
	for _, f := range files {
		var g goldFile
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		txt, err := os.ReadFile(filepath.Join(filepath.Dir(f), g.File))
		if err != nil {
			t.Fatal(err)
		}
		d := run(string(txt), g.PubDate)
		for _, want := range g.Dates {
			n++
			ok := false
			for _, e := range d.Dates {
				if e.Text == want.Text && e.Value == want.Value {
					ok = true
				}
			}
			if ok {
				hit++
			} else {
				var got []string
				for _, e := range d.Dates {
					if strings.Contains(e.Text, want.Text) || strings.Contains(want.Text, e.Text) {
						got = append(got, e.Text+"="+e.Value)
					}
				}
				t.Logf("%s: miss %q=%s (near: %v)", filepath.Base(f), want.Text, want.Value, got)
			}
		}
	}
	acc := float64(hit) / float64(n)
	t.Logf("gold dates: %d/%d exact (%.3f)", hit, n, acc)
	if acc < 0.85 {
		t.Errorf("gold exact %.3f < 0.85", acc)
	}
}
