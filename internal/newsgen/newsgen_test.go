package newsgen

import (
	"strings"
	"testing"
)

func TestGenerateDeterministicAndVaried(t *testing.T) {
	seen := map[string]bool{}
	leadersSeen := map[string]bool{}
	for i := 0; i < 200; i++ {
		a, b := Generate(3, i), Generate(3, i)
		if a != b {
			t.Fatalf("article %d differs between calls", i)
		}
		if seen[a.Body] {
			t.Fatalf("article %d repeats an earlier text", i)
		}
		seen[a.Body] = true
		if len(a.PubDate) != 10 || a.Title == "" || !strings.HasPrefix(a.URL, "https://") {
			t.Fatalf("article %d: %+v", i, a)
		}
		for _, l := range leaders {
			if strings.Contains(a.Body, l.name) {
				leadersSeen[l.name] = true
			}
		}
	}
	if len(leadersSeen) < len(leaders)-2 {
		t.Fatalf("only %d of %d leaders used", len(leadersSeen), len(leaders))
	}
	if Generate(3, 1) == Generate(4, 1) {
		t.Fatal("series do not differ")
	}
}

func TestGenerateLong(t *testing.T) {
	a := GenerateLong(1, 7, 6)
	if n := len(strings.Fields(a.Body)); n < 350 || n > 800 {
		t.Fatalf("%d words", n)
	}
	if !strings.HasPrefix(a.Body, Generate(1, 7).Body) || strings.Count(a.Body, "\n\n") != 5 {
		t.Fatal("parts not joined as paragraphs")
	}
}
