package ner

// Span rules applied after decoding.

import "github.com/eventwire/eventwire/internal/nlp/wordfeat"

func (m *Model) postProcess(sc *scratch, forms []string, tags []int, labels []int) {
	m.trimTitles(forms, labels)
	m.completeNames(sc, labels)
	m.trimLowerTail(sc, forms, labels)
	m.dropStray(sc, forms, labels)
}

// trimLowerTail ends a mention that starts with a capital letter before
// its trailing lower-case words: "Yonhap news agency" → "Yonhap" (but
// "Lee Cheuk - yan" stays whole).
func (m *Model) trimLowerTail(sc *scratch, forms []string, labels []int) {
	for i := 0; i < len(labels); {
		if labels[i] == 0 || m.inside[labels[i]] >= 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && m.inside[labels[j]] == labels[i] {
			j++
		}
		if sc.words[i].Flags&wordfeat.HasUpper != 0 {
			k := j
			for k > i+1 && sc.words[k-1].Flags&(wordfeat.HasLetter|wordfeat.HasUpper|wordfeat.HasDigit) == wordfeat.HasLetter && forms[k-2] != "-" {
				k--
			}
			for t := k; t < j; t++ {
				labels[t] = 0
			}
		}
		i = j
	}
}

// trimTitles moves the start of PER mentions past leading title words:
// "President Barack Obama" → "Barack Obama".
func (m *Model) trimTitles(forms []string, labels []int) {
	if m.bPer < 0 || m.iPer < 0 {
		return
	}
	for i := 0; i < len(labels); i++ {
		if labels[i] != m.bPer || !titles[forms[i]] {
			continue
		}
		labels[i] = 0
		if i+1 < len(labels) && labels[i+1] == m.iPer {
			labels[i+1] = m.bPer
		}
	}
}

// completeNames makes a multiword gazetteer name that the model tagged in
// part ("White" of "White House") one whole mention of the gazetteer's type.
func (m *Model) completeNames(sc *scratch, labels []int) {
	for i := 0; i < len(labels); i++ {
		l := sc.mLen[i]
		if l < 2 {
			continue
		}
		typ := ""
		switch c := sc.mCat[i]; {
		case c&GOrg != 0:
			typ = "ORG"
		case c&(GCountry|GCity|GBigCity|GRegion) != 0:
			typ = "LOC"
		case c&GPerson != 0:
			typ = "PER"
		default:
			continue
		}
		tagged, ok := false, true
		for j := i; j < i+l; j++ {
			tagged = tagged || labels[j] != 0
		}
		if labels[i] != 0 && m.inside[labels[i]] >= 0 {
			ok = false // continues a longer name
		}
		if i+l < len(labels) && labels[i+l] != 0 && m.inside[labels[i+l]] >= 0 {
			ok = false // a longer name goes on
		}
		if !tagged || !ok {
			continue
		}
		b, in := m.labelIndex("B-"+typ), m.labelIndex("I-"+typ)
		if b < 0 || in < 0 {
			continue
		}
		labels[i] = b
		for j := i + 1; j < i+l; j++ {
			labels[j] = in
		}
		i += l - 1
	}
}

// stopWords are lower-case function words that are never a name on their
// own.
var stopWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "of": true, "in": true, "on": true,
	"at": true, "to": true, "for": true, "with": true, "by": true, "from": true, "as": true, "is": true, "was": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "his": true, "her": true,
	"their": true, "this": true, "that": true, "these": true, "those": true, "not": true, "no": true, "said": true,
}

// dropStray removes one-word mentions without letters or digits ("-") and
// one-word mentions that are a lower-case function word ("and").
func (m *Model) dropStray(sc *scratch, forms []string, labels []int) {
	for i, l := range labels {
		if l == 0 || m.inside[l] >= 0 {
			continue
		}
		if i+1 < len(labels) && m.inside[labels[i+1]] == l {
			continue
		}
		if sc.words[i].Flags&(wordfeat.HasLetter|wordfeat.HasDigit) == 0 || stopWords[forms[i]] {
			labels[i] = 0
		}
	}
}
