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

// BenchmarkCodeOntology codes a reported event with PETRARCH's
// conventions on (ontology, transformations).
func BenchmarkCodeOntology(b *testing.B) {
	v, err := ParseVerbs(strings.NewReader(convVerbs), "conv.verbs.txt")
	if err != nil {
		b.Fatal(err)
	}
	o, err := ParseOntology(strings.NewReader(convOntology), "conv.onto.txt")
	if err != nil {
		b.Fatal(err)
	}
	c := &Coder{Verbs: v, Actors: convScanner{}, Agents: convScanner{agents: true}, Ontology: o, Prefix: map[string]bool{}}
	d := parse(b, "Arnor|Arnor|PROPN|2|nsubj said|say|VERB|0|root Gondor|Gondor|PROPN|4|nsubj attacked|attack|VERB|2|ccomp Rohan|Rohan|PROPN|4|obj in|in|ADP|7|case Mordor|Mordor|PROPN|4|obl")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Code(d)
	}
}
