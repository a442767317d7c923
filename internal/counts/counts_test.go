package counts

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
	"github.com/eventwire/eventwire/internal/timex"
)

func show(c doc.Count) string {
	s := c.What + ":"
	switch {
	case c.Number != nil:
		s += fmt.Sprint(*c.Number)
	case c.Min != nil && c.Max != nil:
		s += fmt.Sprintf("%d-%d", *c.Min, *c.Max)
	case c.Min != nil:
		s += fmt.Sprintf("%d+", *c.Min)
	}
	if c.Qualifier != nil {
		s += "(" + *c.Qualifier + ")"
	}
	return s
}

func run(text string) *doc.Document {
	d := &doc.Document{Text: text, PubDate: "2015-11-26"}
	timex.Extract(d)
	Extract(d)
	return d
}

func TestCounts(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Police said 130 people were killed in the attacks.", "killed:130"},
		{"The bombing caused the loss of all 224 people onboard.", "killed:224"},
		{"Estimates of ISIS militants range from 30,000 to 200,000.", "militants:30000-200000"},
		{"The coalition has recorded more than 10,000 ISIS deaths.", "killed:10000(more than)"},
		{"Gunmen killed at least 12 villagers on Sunday.", "killed:12(at least)"},
		{"Three soldiers were wounded.", "injured:3"},
		{"Dozens of protesters were arrested.", "arrested:24+(dozens)"},
		{"Hundreds of families were displaced by the floods.", "displaced:200+(hundreds)"},
		{"Fishermen rescued over 700 asylum seekers.", "rescued:700(over)"},
		{"The army evacuated about 80 people from the town.", "evacuated:80(about)"},
		{"Up to 2,000 troops will be deployed.", "troops:2000(up to)"},
		{"The storm left 1.5 million people homeless.", "displaced:1500000"},
		{"Tens of thousands of refugees crossed the border.", "refugees:20000+(tens)"},
		{"At least 43 people are missing.", "missing:43(at least)"},
		{"He fired 36 shells at the posts.", "shells:36"},
		{"The raid left 5 dead and 12 injured.", "killed:5;injured:12"},
		{"Some 12,000 asylum seekers will get forms.", "asylum seekers:12000(some)"},
		{"Officials said 45 were killed.", "killed:45"},
		{"Outstanding asylum claims rose over 150,000.", ""},
		{"The backlog of asylum claims over 150,000 grew.", "asylum claims:150000(over)"},
		{"Shells hit posts 542 and 543.", ""},
		// not counts
		{"The war began in 2014 and ended in 2015.", ""},
		{"A 14-year-old boy was arrested.", ""},
		{"She joined the group aged 14.", ""},
		{"He paid US$ 20,000 in bail.", ""},
		{"Prices rose 3 percent in November.", ""},
		{"The attacks of November 13 shocked France.", ""},
		{"The campaign began nine months ago.", ""},
		{"The site was down at 15:11 GMT.", ""},
		{"The two met at the White House.", ""},
		{"Resolution 2254 was adopted unanimously.", ""},
		{"One of the things he said was odd.", ""},
		{"They focus on people under 30.", ""},
		{"The two largest parties agreed.", "parties:2"},
		{"The march covered 20 kilometres.", ""},
	}
	for _, c := range cases {
		d := run(c.text)
		var got []string
		for _, k := range d.Counts {
			got = append(got, show(k))
			if k.Span.In(d.Text) != k.Text {
				t.Errorf("%q: span/text mismatch %+v", c.text, k)
			}
		}
		if g := strings.Join(got, ";"); g != c.want {
			t.Errorf("%q: got %q, want %q", c.text, g, c.want)
		}
	}
}

type goldCount struct {
	What      string  `json:"what"`
	Number    *int64  `json:"number"`
	Min       *int64  `json:"min"`
	Max       *int64  `json:"max"`
	Qualifier *string `json:"qualifier"`
}

func TestGold(t *testing.T) {
	var files []string
	if p := shared.Path("seed", "obama-hollande.gold.json"); p != "" {
		files = append(files, p)
	}
	dir := shared.Need(t, "data", "articles")
	more, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	files = append(files, more...)
	hit, n, emitted := 0, 0, 0
	seedHit, seedN := 0, 0
	for _, f := range files {
		var g struct {
			File    string      `json:"file"`
			PubDate string      `json:"pubdate"`
			Counts  []goldCount `json:"counts"`
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatal(err)
		}
		txt, err := os.ReadFile(filepath.Join(filepath.Dir(f), g.File))
		if err != nil {
			t.Fatal(err)
		}
		d := &doc.Document{Text: string(txt), PubDate: g.PubDate}
		timex.Extract(d)
		Extract(d)
		emitted += len(d.Counts)
		for _, gc := range g.Counts {
			n++
			ok := false
			for _, c := range d.Counts {
				if c.What != gc.What {
					continue
				}
				if gc.Number != nil && (c.Number != nil && *c.Number == *gc.Number || c.Min != nil && *c.Min == *gc.Number) ||
					gc.Min != nil && c.Min != nil && *c.Min == *gc.Min && (gc.Max == nil || c.Max != nil && *c.Max == *gc.Max) {
					ok = true
				}
			}
			if ok {
				hit++
			} else {
				t.Logf("%s: miss %s %v", filepath.Base(f), gc.What, numStr(gc))
			}
			if strings.Contains(f, "obama-hollande") {
				seedN++
				if ok {
					seedHit++
				}
			}
		}
		for _, c := range d.Counts {
			t.Logf("%s: emitted %s %q", filepath.Base(f), show(c), c.Text)
		}
	}
	t.Logf("gold counts: %d/%d found (seed %d/%d); %d emitted", hit, n, seedHit, seedN, emitted)
	if seedN > 0 && seedHit != seedN {
		t.Errorf("seed counts %d/%d", seedHit, seedN)
	}
}

func numStr(g goldCount) string {
	if g.Number != nil {
		return fmt.Sprint(*g.Number)
	}
	if g.Min != nil && g.Max != nil {
		return fmt.Sprintf("%d-%d", *g.Min, *g.Max)
	}
	return "?"
}

func TestZeroCountsAndCategories(t *testing.T) {
	cases := []struct {
		text string
		want []string // what=number
	}{
		{"No injuries or deaths were reported after the shelling.", []string{"injured=0", "killed=0"}},
		{"Police said no one was hurt in the blast.", []string{"injured=0"}},
		{"There were no casualties, the army said.", []string{"killed=0", "injured=0"}},
		{"No agreement was reported.", nil},
		{"The ministry will process some 12,000 asylee hopefuls this year.", []string{"asylum seekers=12000"}},
	}
	for _, c := range cases {
		d := &doc.Document{Text: c.text}
		Extract(d)
		var got []string
		for _, ct := range d.Counts {
			if ct.Number != nil {
				got = append(got, ct.What+"="+strconv.FormatInt(*ct.Number, 10))
			}
		}
		if strings.Join(got, ",") != strings.Join(c.want, ",") {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}
