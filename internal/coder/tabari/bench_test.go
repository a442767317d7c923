package tabari

import (
	"strings"
	"testing"
)

// BenchmarkCode codes one parsed sentence with the test dictionary.
func BenchmarkCode(b *testing.B) {
	v, err := ParseVerbs(strings.NewReader(testVerbs), "t.verbs.txt")
	if err != nil {
		b.Fatal(err)
	}
	c := &Coder{Verbs: v, Actors: fakeScanner{}, Agents: fakeScanner{agents: true}}
	d := parse(b, "Arnor|Arnor|PROPN|4|nsubj and|and|CCONJ|3|cc Gondor|Gondor|PROPN|1|conj mended|mend|VERB|0|root cultural|cultural|ADJ|6|amod ties|tie|NOUN|4|obj with|with|ADP|8|case Rohan|Rohan|PROPN|4|obl")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Code(d)
	}
}

// BenchmarkParseVerbs reads the test dictionary.
func BenchmarkParseVerbs(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ParseVerbs(strings.NewReader(testVerbs), "t.verbs.txt"); err != nil {
			b.Fatal(err)
		}
	}
}
