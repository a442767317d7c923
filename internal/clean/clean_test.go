package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/shared"
)

func TestResidue(t *testing.T) {
	tests := []struct {
		line string
		why  string // "" = article text
	}{
		{"Share", whyShare},
		{"Share this article", whyShare},
		{"Advertisement", whyAdvert},
		{"ADVERTISEMENT", whyAdvert},
		{"Read more", whyRelated},
		{"Read more: Leaders meet in Paris", whyRelated},
		{"Click here to subscribe", whyAction},
		{"Follow us on Twitter", whySocial},
		{"Sign up for our newsletter", whyNewsletter},
		{"Image copyright Getty Images", whyPhotoCred},
		{"Photo: Reuters", whyPhotoCred},
		{"REUTERS/Kevin Lamarque", whyPhotoCred},
		{"(AP Photo/Evan Vucci)", whyPhotoCred},
		{"We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.", whyCookie},
		{"RTR4SGHC", whyPhotoCode},
		{"AFP_32XY7QD", whyPhotoCode},
		{"* * *", whySeparator},
		{"Facebook Twitter WhatsApp Email", whyShare},
		// Article lines stay.
		{"By Jane Smith", ""},
		{"Obama, Hollande pledge solidarity against ISIS", ""},
		{"The two met at the White House on Tuesday.", ""},
		{"COVID-19", ""},
		{"2015", ""},
		{"Monday, May 18, 2015", ""},
		{"Share prices fell sharply in Tokyo on Monday.", ""},
		{"Twitter said it had suspended the accounts.", ""},
		{"Regulators fined the company over its use of tracking cookies.", ""},
		{"Braverman (left) and Sunak (right) on October 25, 2022. Image: UK Government.", ""},
		{"PARIS (Reuters) - France said on Tuesday it would step up strikes.", ""},
	}
	for _, tt := range tests {
		if got := residue(tt.line); got != tt.why {
			t.Errorf("residue(%q) = %q, want %q", tt.line, got, tt.why)
		}
	}
}

func readShared(t *testing.T, parts ...string) string {
	t.Helper()
	b, err := os.ReadFile(shared.Need(t, parts...))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSeed(t *testing.T) {
	raw := readShared(t, "seed", "obama-hollande.txt")
	res := Text(raw)
	checkResult(t, raw, res)
	if res.Title != "Obama, Hollande pledge solidarity against ISIS" {
		t.Errorf("title %q", res.Title)
	}
	if res.TitleSpan == nil || res.TitleSpan.In(res.Text) != res.Title {
		t.Errorf("title span %v", res.TitleSpan)
	}
	want := map[string]int{"Share": 1, "Advertisement": 2, "RTR4SGHC": 1}
	got := map[string]int{}
	for _, r := range res.Removed {
		got[r.Text]++
		if !strings.HasPrefix(r.Why, "boilerplate") {
			t.Errorf("removed %q why %q", r.Text, r.Why)
		}
	}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("removed %q %d times, want %d (all %v)", k, got[k], n, got)
		}
	}
	if len(res.Removed) != 4 {
		t.Errorf("removed %d pieces, want 4: %v", len(res.Removed), res.Removed)
	}
	for _, p := range strings.Split(res.Text, "\n\n") {
		if p == "Share" || p == "Advertisement" || p == "RTR4SGHC" {
			t.Errorf("residue %q left in text", p)
		}
	}
	if !strings.Contains(res.Text, "“Russia is the outlier”, Obama said.") {
		t.Error("curly quotes or body changed")
	}
}

func TestArticles(t *testing.T) {
	dir := shared.Need(t, "data", "articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		t.Skip("no articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			raw := string(b)
			res := Text(raw)
			checkResult(t, raw, res)
			first, _, _ := strings.Cut(raw, "\n")
			if res.Title != strings.TrimSpace(first) {
				t.Errorf("title %q, want %q", res.Title, first)
			}
			for _, r := range res.Removed {
				if endsSentence(r.Text) && strings.Count(r.Text, " ") > 3 {
					t.Errorf("removed a sentence: %q (%s)", r.Text, r.Why)
				}
			}
			if res.PubDate == "" {
				t.Errorf("no pubdate found")
			}
			t.Logf("title %q pubdate %s removed %d", res.Title, res.PubDate, len(res.Removed))
		})
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, text, title, date string
	}{
		{"wrapped", "Talks resume in Geneva\n\nGENEVA, March 3, 2026 — Diplomats from both\nsides returned to the table on Tuesday, officials\nsaid.\n\nShare\n",
			"Talks resume in Geneva\n\nGENEVA, March 3, 2026 — Diplomats from both sides returned to the table on Tuesday, officials said.",
			"Talks resume in Geneva", "2026-03-03"},
		{"no title", "The ministers met on Monday.\n\nThey agreed.", "The ministers met on Monday.\n\nThey agreed.", "", ""},
		{"spaces and nfc", "Cafe\u0301  talks\u00a0end\r\n\r\n\tDone.\u200b", "Café talks end\n\nDone.", "Café talks end", ""},
		{"unwrapped lines", "Strikes hit Kyiv\n" + strings.Repeat("A long paragraph of news text that runs on. ", 4) + "\n" + strings.Repeat("Another long paragraph follows here. ", 4),
			"Strikes hit Kyiv\n\n" + strings.TrimSpace(strings.Repeat("A long paragraph of news text that runs on. ", 4)) + "\n\n" + strings.TrimSpace(strings.Repeat("Another long paragraph follows here. ", 4)),
			"", ""},
		{"empty", "", "", "", ""},
		{"only residue", "Share\n\nAdvertisement", "", "", ""},
		{"date line", "Ceasefire holds\n\nPublished 24 November 2025\n\nThe guns fell silent.", "Ceasefire holds\n\nPublished 24 November 2025\n\nThe guns fell silent.", "Ceasefire holds", "2025-11-24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Text(tt.in)
			checkResult(t, tt.in, res)
			if res.Text != tt.text {
				t.Errorf("text\n got %q\nwant %q", res.Text, tt.text)
			}
			if res.Title != tt.title {
				t.Errorf("title %q, want %q", res.Title, tt.title)
			}
			if res.PubDate != tt.date {
				t.Errorf("pubdate %q, want %q", res.PubDate, tt.date)
			}
		})
	}
}

func TestFindDate(t *testing.T) {
	tests := map[string]string{
		"Monday, May 18, 2015":           "2015-05-18",
		"WASHINGTON, Nov. 24, 2025":      "2025-11-24",
		"24th November 2025":             "2025-11-24",
		"Updated 2026-01-09T10:00Z":      "2026-01-09",
		"March 3rd, 2026":                "2026-03-03",
		"in May, officials said in 2015": "",
		"May 40, 2015":                   "",
	}
	for in, want := range tests {
		d := findDate(in)
		got := ""
		if d.ok {
			got = d.String()
		}
		if got != want {
			t.Errorf("findDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkResult asserts the invariants of a Result.
func checkResult(t testing.TB, raw string, res Result) {
	t.Helper()
	if strings.HasPrefix(res.Text, " ") || strings.HasSuffix(res.Text, " ") || strings.Contains(res.Text, " \n") || strings.Contains(res.Text, "\n ") || strings.Contains(res.Text, "\n\n\n") {
		t.Fatalf("whitespace not normalized: %q", res.Text)
	}
	if res.TitleSpan != nil && (res.TitleSpan.End > len(res.Text) || res.TitleSpan.In(res.Text) != res.Title) {
		t.Fatalf("title span %v does not hold title %q", *res.TitleSpan, res.Title)
	}
	prev := 0
	for _, r := range res.Removed {
		if r.Start < prev || r.End > len(raw) || r.Start >= r.End || raw[r.Start:r.End] != r.Text {
			t.Fatalf("removed %v %q does not point into raw input", r.Span, r.Text)
		}
		prev = r.End
	}
}

func TestEvalBoilerplate(t *testing.T) {
	dir := shared.Need(t, "data", "boilerplate")
	limit := 60
	if os.Getenv("BOILERPLATE_FULL") != "" {
		limit = 0
	}
	ms, err := EvalBoilerplate(dir, limit)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Log(m, m.Note)
	}
	if ms[2].Value < 0.8 {
		t.Errorf("content F1 %.3f below 0.8", ms[2].Value)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"", "Share\n\nTitle\n\nBody.", "a\r\n\r\n\u00a0b", "RTR4SGHC", "\xff\xfe", "x\n\n\n\ny", "Cafe\u0301\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkResult(t, s, Text(s))
	})
}

func TestHTMLExamples(t *testing.T) {
	tests := []struct {
		file, title, date, first string
	}{
		{"manila-coast-guard.html", "Philippines summons Chinese envoy after water cannon attack near Scarborough Shoal", "2026-04-08", "Philippines summons Chinese envoy"},
		{"lapaz-blockades.html", "Bolivia frees detained union leaders as road blockades end", "2025-10-14", "LA PAZ — Bolivian authorities"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("..", "..", "examples", tt.file))
			if err != nil {
				t.Skip(err)
			}
			res, err := HTML(raw, "https://news.example/"+tt.file)
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLResult(t, raw, res)
			if res.Title != tt.title || res.PubDate != tt.date || !strings.HasPrefix(res.Text, tt.first) {
				t.Errorf("title %q date %q text %.60q", res.Title, res.PubDate, res.Text)
			}
			for _, bad := range []string{"cookies", "Advertisement", "Subscribe", "All rights reserved", "Sign up", "Related stories", "Log in"} {
				if strings.Contains(res.Text, bad) {
					t.Errorf("page residue %q left in text", bad)
				}
			}
			if n := strings.Count(res.Text, "\n\n"); n < 5 {
				t.Errorf("paragraphs lost: %d breaks", n)
			}
		})
	}
	if _, err := HTML([]byte("<html><body><p>x</p></body></html>"), "http://[::1"); err == nil {
		t.Error("bad page URL accepted")
	}
}

func checkHTMLResult(t testing.TB, raw []byte, res Result) {
	t.Helper()
	if strings.HasPrefix(res.Text, " ") || strings.HasSuffix(res.Text, " ") || strings.Contains(res.Text, "\n\n\n") {
		t.Fatalf("whitespace not normalized: %q", res.Text)
	}
	if res.TitleSpan != nil && res.TitleSpan.End > len(res.Text) {
		t.Fatalf("title span %v out of text", *res.TitleSpan)
	}
	for _, r := range res.Removed {
		if r.Start == -1 && r.End == -1 {
			continue
		}
		if r.Start < 0 || r.End > len(raw) || r.Start >= r.End || string(raw[r.Start:r.End]) != r.Text {
			t.Fatalf("removed %v %q does not point into raw page", r.Span, r.Text)
		}
	}
}

func FuzzCleanHTML(f *testing.F) {
	f.Add([]byte("<html><head><title>T</title></head><body><p>Share</p><article><p>The talks ended on Tuesday in Geneva after three days.</p></article></body></html>"))
	f.Add([]byte("<p>RTR4SGHC</p><p>x</p>"))
	f.Add([]byte("<<<>>\x00\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := HTML(b, "")
		if err != nil {
			return
		}
		checkHTMLResult(t, b, res)
	})
}

func TestTextExamples(t *testing.T) {
	tests := []struct {
		file, date string
		removed    int
	}{
		{"sudan-talks.txt", "2026-03-10", 0},
		{"eu-sanctions.txt", "2026-01-27", 0},
		{"tbilisi-protests.txt", "2025-12-02", 5},
		{"quetta-bombing.txt", "2026-02-18", 0},
		{"congo-rwanda-deal.txt", "2025-11-20", 0},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "examples", tt.file))
			if err != nil {
				t.Skip(err)
			}
			raw := string(b)
			res := Text(raw)
			checkResult(t, raw, res)
			if res.Title == "" || res.TitleSpan == nil || res.TitleSpan.Start != 0 {
				t.Errorf("no title found (%q)", res.Title)
			}
			if res.PubDate != tt.date {
				t.Errorf("pubdate %q, want %q", res.PubDate, tt.date)
			}
			if len(res.Removed) != tt.removed {
				t.Errorf("removed %d pieces, want %d: %v", len(res.Removed), tt.removed, res.Removed)
			}
		})
	}
}
