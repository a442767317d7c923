package nlp

import "strings"

// A news clause opening with its subject and a past form followed by an
// object ("A suicide bomber killed at least 17 people, police said", "EU
// foreign ministers on Tuesday imposed sanctions") is the commonest place
// where the tagger reads the simple past as a participle (VBN) - a reduced
// relative "the bomber killed ..." - and the parse then loses the clause.
// fixLeadingPast retags that VBN as VBD before parsing when nothing else in
// the sentence could be its main verb: no other finite verb, or only a
// reporting verb after a comma (", police said").

var reportingForms = map[string]bool{
	"said": true, "says": true, "told": true, "reported": true, "added": true, "announced": true,
	"stated": true, "confirmed": true, "claimed": true, "according": true, "say": true,
}

// fullSentence reports whether forms end as a sentence does (., !, ?,
// possibly before a closing quote or bracket).
func fullSentence(forms []string) bool {
	for i := len(forms) - 1; i >= 0 && i >= len(forms)-3; i-- {
		switch forms[i] {
		case ".", "!", "?":
			return true
		case "\"", "”", "’", "'", ")":
			continue
		}
		return false
	}
	return false
}

func isNounTag(x string) bool { return x == "NN" || x == "NNS" || x == "NNP" || x == "NNPS" }

// fixPastForms applies fixLeadingPast and fixLeadingParticiple to the tags
// of a clause (a sentence without its dateline), in place, before parsing.
func (p *Pipeline) fixPastForms(forms []string, tags []int) {
	if len(forms) == 0 || !fullSentence(forms) {
		return // a caption or headline ("Home made product") stays a phrase
	}
	p.fixLeadingPast(forms, tags)
	p.fixLeadingParticiple(forms, tags)
}

// fixLeadingPast retags the clause's opening past form in place.
func (p *Pipeline) fixLeadingPast(forms []string, tags []int) {
	if p.vbd < 0 {
		return
	}
	x := func(i int) string { return p.tag.XPOS[tags[i]] }
	i := 0
	for i < len(forms) && (x(i) == "DT" || x(i) == "PRP$") {
		i++
	}
	np := i
	for i < len(forms) {
		switch x(i) {
		case "JJ", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "HYPH":
			i++
			continue
		}
		break
	}
	// "EU foreign ministers on Tuesday imposed": a short time phrase
	if i+2 < len(forms) && x(i) == "IN" && isNounTag(x(i+1)) && x(i+2) == "VBN" && (forms[i] == "on" || forms[i] == "in") {
		i += 2
	}
	v := i
	if v == np || v >= len(forms)-1 || x(v) != "VBN" || !isNounTag(x(v-1)) && !(v >= 2 && x(v-2) == "IN") {
		return
	}
	switch nx := x(v + 1); {
	case nx == "DT" || nx == "CD" || nx == "PRP$" || nx == "JJ" || nx == "PRP" || isNounTag(nx):
	case forms[v+1] == "at" && v+2 < len(forms) && forms[v+2] == "least":
	default:
		return
	}
	comma := false
	for k := v + 1; k < len(forms); k++ {
		if forms[k] == "," {
			comma = true
		}
		switch x(k) {
		case "VBD", "VBZ", "VBP", "MD":
			if !(comma && reportingForms[forms[k]]) {
				return
			}
		}
	}
	tags[v] = p.vbd
}

// clauseBreak are words after which a finite verb belongs to another
// clause than the sentence's opening one.
var clauseBreak = map[string]bool{
	",": true, "and": true, "or": true, "but": true, "before": true, "after": true, "when": true, "as": true,
	"while": true, "because": true, "that": true, "which": true, "who": true, "until": true, "since": true,
	"if": true, "so": true, ";": true, ":": true, "-": true, "--": true, "where": true,
}

// fixLeadingParticiple is the converse of fixLeadingPast: "People killed
// in the attack were buried on Monday" - a past form right after the
// opening noun, with no object, and a later finite verb of the same
// clause (no comma, coordinator or subordinator between) is a reduced
// relative's participle (VBN), so the later verb is the main one.
func (p *Pipeline) fixLeadingParticiple(forms []string, tags []int) {
	if p.vbn < 0 {
		return
	}
	x := func(i int) string { return p.tag.XPOS[tags[i]] }
	i := 0
	for i < len(forms) && (x(i) == "DT" || x(i) == "PRP$") {
		i++
	}
	np := i
	for i < len(forms) && (x(i) == "JJ" || x(i) == "CD" || isNounTag(x(i))) {
		i++
	}
	v := i
	if v == np || v >= len(forms)-1 || x(v) != "VBD" || p.tag.UPOS[tags[v]] != "VERB" || reportingForms[forms[v]] || !isNounTag(x(v-1)) {
		return
	}
	if nx := x(v + 1); nx != "IN" && nx != "RB" && nx != "RP" {
		return // an object or complement follows: a real past
	}
	for k := v + 1; k < len(forms); k++ {
		if clauseBreak[strings.ToLower(forms[k])] {
			return
		}
		switch x(k) {
		case "VBD", "VBZ", "VBP", "MD":
			if reportingForms[forms[k]] {
				return
			}
			tags[v] = p.vbn
			return
		}
	}
}

// verbClass returns the tagger class of VERB with the given XPOS, -1
// when the model has none.
func (p *Pipeline) verbClass(xpos string) int {
	for k := range p.tag.UPOS {
		if p.tag.UPOS[k] == "VERB" && p.tag.XPOS[k] == xpos {
			return k
		}
	}
	return -1
}
