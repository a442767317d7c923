package clean_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/clean"
	"github.com/eventwire/eventwire/internal/nlp/segment"
	"github.com/eventwire/eventwire/internal/nlp/tokenize"
	"github.com/eventwire/eventwire/internal/shared"
)

// benchArticle is a realistic news article of about 700 words: the seed
// article when the shared data is present, else three of the repository's
// example articles (one with page residue) run together.
func benchArticle(b *testing.B) string {
	if p := shared.Path("seed", "obama-hollande.txt"); p != "" {
		if raw, err := os.ReadFile(p); err == nil {
			return string(raw)
		}
	}
	var sb strings.Builder
	for _, f := range []string{"tbilisi-protests.txt", "sudan-talks.txt", "eu-sanctions.txt"} {
		raw, err := os.ReadFile(filepath.Join("..", "..", "examples", f))
		if err != nil {
			b.Skipf("no benchmark article: %v", err)
		}
		sb.Write(raw)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkCleanSegmentTokenize(b *testing.B) {
	raw := benchArticle(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	ntok := 0
	for b.Loop() {
		res := clean.Text(raw)
		for _, s := range segment.Sentences(res.Text) {
			ntok += len(tokenize.Tokens(res.Text, s))
		}
	}
	if ntok == 0 {
		b.Fatal("no tokens")
	}
}

func BenchmarkCleanText(b *testing.B) {
	raw := benchArticle(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		clean.Text(raw)
	}
}

func BenchmarkSentences(b *testing.B) {
	text := clean.Text(benchArticle(b)).Text
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		segment.Sentences(text)
	}
}

func BenchmarkTokens(b *testing.B) {
	text := clean.Text(benchArticle(b)).Text
	ss := segment.Sentences(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			tokenize.Tokens(text, s)
		}
	}
}
