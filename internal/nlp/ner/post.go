package ner

// Span rules applied after decoding.

import (
	"strings"

	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

func (m *Model) postProcess(sc *scratch, forms []string, tags []int, labels []int) {
	m.trimTitles(forms, labels)
	m.completeNames(sc, labels)
	m.trimLowerTail(sc, forms, labels)
	m.givenNames(sc, forms, labels)
	m.initials(forms, labels)
	m.orgTails(sc, forms, labels)
	m.orgOf(sc, forms, labels)
	m.acronyms(sc, forms, labels)
	m.trimThe(sc, forms, labels)
	m.personPlaces(forms, labels)
	m.dropStray(sc, forms, labels)
}

// isName reports whether word i is capitalized like a name ("Cruise", not
// "NATO" or "cruise") and is neither a title nor a function word.
func isName(sc *scratch, forms []string, i int) bool {
	f := sc.words[i].Flags
	return f&wordfeat.TitleCase != 0 && f&wordfeat.AllUpper == 0 && f&wordfeat.HasDigit == 0 &&
		!titles[forms[i]] && !stopWords[strings.ToLower(forms[i])]
}

// givenNames tags a known given name (untagged, or a person on its own)
// followed by untagged capitalized words as a person: "Tom Cruise",
// "Alia Salem". The given name must not be a place or a month; the words
// after the given name must not be known places, organizations or
// organization words, and no further capitalized word may follow ("Grace
// Church", "Paul Street", "Mark Twain High School" stay).
func (m *Model) givenNames(sc *scratch, forms []string, labels []int) {
	if m.bPer < 0 || m.iPer < 0 {
		return
	}
	const notPerson = GCountry | GCity | GBigCity | GRegion | GOrg | GOrgWord | GBrand | GDemonym
	for i := 0; i+1 < len(labels); i++ {
		if labels[i] != 0 && (labels[i] != m.bPer || labels[i+1] == m.iPer) || sc.gazB[i]&GFirstName == 0 || !isName(sc, forms, i) {
			continue
		}
		if (sc.gazB[i]|sc.gazI[i])&notPerson != 0 || calendar[forms[i]] {
			continue
		}
		if i > 0 && labels[i-1] == 0 && sc.words[i-1].Flags&wordfeat.TitleCase != 0 && !titles[forms[i-1]] {
			continue // inside a longer capitalized name ("Second Thomas Shoal")
		}
		j := i + 1
		for j < len(labels) && j-i < 3 && labels[j] == 0 && isName(sc, forms, j) && (sc.gazB[j]|sc.gazI[j])&notPerson == 0 &&
			!placeTail[forms[j]] && !calendar[forms[j]] && !orgTail[forms[j]] {
			j++
		}
		if j == i+1 || j < len(labels) && labels[j] != 0 && m.inside[labels[j]] >= 0 {
			continue
		}
		if j < len(labels) && isName(sc, forms, j) {
			continue // a longer capitalized run: not clearly a person
		}
		labels[i] = m.bPer
		for k := i + 1; k < j; k++ {
			labels[k] = m.iPer
		}
		i = j - 1
	}
}

// placeTail are words that end place names ("Dallas Street").
var placeTail = setOf("Street St. Avenue Ave. Road Rd. Boulevard Blvd. Lane Drive Square Park River Lake Sea Ocean " +
	"Mountain Mountains Island Islands Bay Valley Beach County City Hall Center Centre Station Airport Bridge Tower Hotel Church " +
	"Shoal Reef Strait Canal Harbor Harbour Port Point Cape Hill Hills Gulf Peninsula Desert Forest Falls Creek Heights Plaza")

// calendar are month and weekday names and their abbreviations.
var calendar = setOf("January February March April May June July August September October November December " +
	"Jan Jan. Feb Feb. Mar Mar. Apr Apr. Jun Jun. Jul Jul. Aug Aug. Sep Sep. Sept Sept. Oct Oct. Nov Nov. Dec Dec. " +
	"Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun")

func setOf(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// orgOf joins an organization ending in an organization word with the
// name after "of" ("[Housing Authority] of [New Orleans]") and an
// organization named "... of X" with a capitalized "and Y" after it
// ("Department of Housing and Urban Development").
func (m *Model) orgOf(sc *scratch, forms []string, labels []int) {
	bOrg, iOrg := m.labelIndex("B-ORG"), m.labelIndex("I-ORG")
	if bOrg < 0 || iOrg < 0 {
		return
	}
	for i := 0; i < len(labels); i++ {
		if labels[i] != bOrg {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == iOrg {
			j++
		}
		hasOf := false
		for k := i + 1; k < j; k++ {
			hasOf = hasOf || forms[k] == "of"
		}
		e := j
		switch {
		case j+1 < len(labels) && forms[j] == "of" && labels[j] == 0 && isOrgEnd(sc, forms, j-1) && !legalSuffix[forms[j-1]]:
			k := j + 1
			if labels[k] != 0 && m.inside[labels[k]] < 0 && labels[k] != m.bPer {
				k++
				for k < len(labels) && m.inside[labels[k]] == labels[j+1] {
					k++
				}
			} else {
				for k < len(labels) && k-j <= 3 && labels[k] == 0 && isName(sc, forms, k) {
					k++
				}
			}
			if k > j+1 && (k == len(labels) || labels[k] == 0 || m.inside[labels[k]] < 0) {
				e = k
			}
		case hasOf && j+1 < len(labels) && (forms[j] == "and" || forms[j] == "&") && labels[j] == 0:
			k := j + 1
			for k < len(labels) && k-j <= 3 && labels[k] == 0 && isName(sc, forms, k) {
				k++
			}
			if k > j+1 && (k == len(labels) || labels[k] == 0 && !isName(sc, forms, k)) {
				e = k
			}
		}
		for k := j; k < e; k++ {
			labels[k] = iOrg
		}
		i = e - 1
	}
}

// legalSuffix end company names, which "of <place>" follows as an
// address, not as part of the name ("Google, Inc. of Mountain View").
var legalSuffix = setOf("Inc Inc. Corp Corp. Co Co. Ltd Ltd. LLC Plc PLC plc AG SA GmbH")

// acronyms gives an upper-case word in brackets right after a mention the
// mention's type: "Fair Housing Action Center (GNOFHAC)"; the document
// rules then spread it.
func (m *Model) acronyms(sc *scratch, forms []string, labels []int) {
	for j := 1; j+2 < len(labels); j++ {
		if forms[j] != "(" || forms[j+2] != ")" || labels[j-1] == 0 || labels[j+1] != 0 && m.inside[labels[j+1]] >= 0 {
			continue
		}
		f := sc.words[j+1].Flags
		if f&wordfeat.AllUpper == 0 || f&wordfeat.HasLetter == 0 || len(forms[j+1]) < 2 {
			continue
		}
		b := j - 1
		for m.inside[labels[b]] >= 0 {
			b--
		}
		if j-b >= 2 { // the mention spells out more than one word
			labels[j+1] = labels[b]
		}
	}
}

// placeEnd are words that end place names and are rarely surnames.
var placeEnd = setOf("Street Avenue Road Boulevard Shoal Reef Strait Canal Harbor Harbour Island Islands Mountains " +
	"River Ocean Sea Airport Station Square Peninsula Desert Valley Bridge Gulf")

// personPlaces makes a person mention of two or more words that ends in a
// place word a place: "Second Thomas Shoal", "Martin Luther King Avenue".
func (m *Model) personPlaces(forms []string, labels []int) {
	bLoc, iLoc := m.labelIndex("B-LOC"), m.labelIndex("I-LOC")
	if m.bPer < 0 || bLoc < 0 || iLoc < 0 {
		return
	}
	for i := 0; i < len(labels); i++ {
		if labels[i] != m.bPer {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == m.iPer {
			j++
		}
		if j-i >= 2 && placeEnd[forms[j-1]] {
			labels[i] = bLoc
			for k := i + 1; k < j; k++ {
				labels[k] = iLoc
			}
		}
		i = j - 1
	}
}

// trimThe takes a leading "The" out of a place mention when the rest is a
// known place: "The Philippines" → "Philippines".
func (m *Model) trimThe(sc *scratch, forms []string, labels []int) {
	const place = GCountry | GRegion | GCity | GBigCity
	for i := 0; i+1 < len(labels); i++ {
		if forms[i] != "The" && forms[i] != "the" || labels[i] == 0 || m.inside[labels[i]] >= 0 || m.inside[labels[i+1]] != labels[i] {
			continue
		}
		j := i + 2
		for j < len(labels) && m.inside[labels[j]] == labels[i] {
			j++
		}
		known := j == i+2 && sc.gazB[i+1]&place != 0 || sc.mLen[i+1] == j-i-1 && sc.mCat[i+1]&place != 0
		if known { // "The Hague" stays: "Hague" is no place of its own
			labels[i+1] = labels[i]
			labels[i] = 0
		}
	}
}

// isInitial reports whether w is a capital initial with a period ("L.").
func isInitial(w string) bool {
	return len(w) == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'
}

// initials takes an untagged initial before a person's name into the
// name: "L. Ron Hubbard".
func (m *Model) initials(forms []string, labels []int) {
	if m.bPer < 0 || m.iPer < 0 {
		return
	}
	for i := 1; i < len(labels); i++ {
		if labels[i] == m.bPer && labels[i-1] == 0 && isInitial(forms[i-1]) {
			labels[i-1], labels[i] = m.bPer, m.iPer
		}
	}
}

// orgTail are capitalized words that end organization names, beyond the
// gazetteer's organization words.
var orgTail = map[string]bool{
	"Weekly": true, "Daily": true, "Gazette": true, "Herald": true, "Tribune": true, "Magazine": true,
	"Agency": true, "Council": true, "Committee": true, "Commission": true, "Ministry": true, "Department": true,
	"Institute": true, "University": true, "Association": true, "Foundation": true, "Party": true,
	"Corporation": true, "Inc.": true, "Ltd": true, "Ltd.": true, "Corp.": true, "Airlines": true, "Bank": true,
	"Group": true, "Organization": true, "Organisation": true, "Movement": true, "Front": true, "Alliance": true,
	"Coalition": true, "Federation": true, "League": true, "Society": true, "Forces": true,
}

// isOrgEnd reports whether word i ends organization names: our list or
// the gazetteer's organization words.
func isOrgEnd(sc *scratch, forms []string, i int) bool {
	return orgTail[forms[i]] || sc.gazB[i]&GOrgWord != 0 && sc.words[i].Flags&wordfeat.TitleCase != 0
}

// orgTails makes a mention followed or ended by an organization word one
// organization: "[LA] Weekly" → "[LA Weekly]", "[Saudi Gazette]" LOC → ORG;
// an organization ending in an organization word takes in the capitalized
// words or demonyms just before it ("Iraqi [Islamic Party]"); an untagged
// run of capitalized words ending in one is an organization ("Iranian
// Opposition Group").
func (m *Model) orgTails(sc *scratch, forms []string, labels []int) {
	bOrg, iOrg := m.labelIndex("B-ORG"), m.labelIndex("I-ORG")
	if bOrg < 0 || iOrg < 0 {
		return
	}
	const place = GCountry | GRegion | GCity | GBigCity
	lead := func(k int) bool {
		if labels[k] != 0 || !isName(sc, forms, k) && sc.gazB[k]&GDemonym == 0 {
			return false
		}
		return k > 0 || sc.gazB[k]&(GDemonym|place) != 0
	}
	known := func(k int) bool { return labels[k] == 0 && sc.gazB[k]&(GDemonym|place) != 0 && sc.gazI[k] == 0 }
	for i := 0; i < len(labels); {
		if labels[i] == 0 {
			// an untagged capitalized run ending in an organization word
			j := i
			for j < len(labels) && labels[j] == 0 && lead(j) {
				j++
			}
			if j-i >= 2 && orgTail[forms[j-1]] {
				labels[i] = bOrg
				for k := i + 1; k < j; k++ {
					labels[k] = iOrg
				}
			}
			i = max(j, i+1)
			continue
		}
		if m.inside[labels[i]] >= 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && m.inside[labels[j]] == labels[i] {
			j++
		}
		e := j
		for e < len(labels) && labels[e] == 0 && orgTail[forms[e]] {
			e++
		}
		if sc.mLen[i] >= j-i && sc.mCat[i]&place != 0 && sc.mCat[i]&GOrg == 0 {
			i = j // a known place ("West Bank")
			continue
		}
		if e > j || orgTail[forms[j-1]] && labels[i] != bOrg {
			labels[i] = bOrg
			for k := i + 1; k < e; k++ {
				labels[k] = iOrg
			}
		}
		if labels[i] == bOrg && isOrgEnd(sc, forms, e-1) {
			a := i
			for a > 0 && i-a < 1 && known(a-1) {
				a--
			}
			if a < i {
				labels[i] = iOrg
				labels[a] = bOrg
				for k := a + 1; k < i; k++ {
					labels[k] = iOrg
				}
			}
		}
		i = e
	}
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

// dropStray removes one-word mentions without letters or digits ("-"),
// one-word mentions that are a lower-case function word ("and") and bare
// titles ("Captain").
func (m *Model) dropStray(sc *scratch, forms []string, labels []int) {
	for i, l := range labels {
		if l == 0 || m.inside[l] >= 0 {
			continue
		}
		if i+1 < len(labels) && m.inside[labels[i+1]] == l {
			continue
		}
		if sc.words[i].Flags&(wordfeat.HasLetter|wordfeat.HasDigit) == 0 || stopWords[forms[i]] || titles[forms[i]] && sc.mLen[i] == 0 {
			labels[i] = 0
		}
	}
}
