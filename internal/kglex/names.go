package kglex

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// Nationality maps a lower-case country name, demonym or abbreviation to
// its ISO 3166-1 alpha-3 code ("u.s." → "USA", "french" → "FRA").
func Nationality(lower string) string { return nationality[lower] }

var nationality = buildNationality()

func buildNationality() map[string]string {
	m := make(map[string]string, 256)
	for _, row := range natTable {
		for _, w := range row[1:] {
			m[w] = row[0]
		}
	}
	return m
}

// natTable lists ISO3 code then names/demonyms, lower-case.
var natTable = [][]string{
	{"USA", "us", "u.s.", "u.s", "usa", "american", "america", "united states", "americans"},
	{"FRA", "france", "french"}, {"RUS", "russia", "russian", "russians", "russian federation"},
	{"GBR", "uk", "u.k.", "britain", "british", "united kingdom", "england", "english"},
	{"DEU", "germany", "german"}, {"CHN", "china", "chinese"}, {"JPN", "japan", "japanese"},
	{"SYR", "syria", "syrian"}, {"IRQ", "iraq", "iraqi"}, {"IRN", "iran", "iranian"},
	{"TUR", "turkey", "turkish"}, {"ISR", "israel", "israeli"}, {"PSE", "palestine", "palestinian"},
	{"EGY", "egypt", "egyptian"}, {"SAU", "saudi", "saudi arabia"}, {"UKR", "ukraine", "ukrainian"},
	{"PRK", "north korea", "north korean"}, {"KOR", "south korea", "south korean"},
	{"IND", "india", "indian"}, {"PAK", "pakistan", "pakistani"}, {"AFG", "afghanistan", "afghan"},
	{"ITA", "italy", "italian"}, {"ESP", "spain", "spanish"}, {"CAN", "canada", "canadian"},
	{"MEX", "mexico", "mexican"}, {"BRA", "brazil", "brazilian"}, {"AUS", "australia", "australian"},
	{"IDN", "indonesia", "indonesian"}, {"MYS", "malaysia", "malaysian"}, {"NGA", "nigeria", "nigerian"},
	{"LBY", "libya", "libyan"}, {"YEM", "yemen", "yemeni"}, {"JOR", "jordan", "jordanian"},
	{"LBN", "lebanon", "lebanese"}, {"POL", "poland", "polish"}, {"GRC", "greece", "greek"},
	{"VEN", "venezuela", "venezuelan"}, {"CUB", "cuba", "cuban"}, {"KEN", "kenya", "kenyan"},
	{"ETH", "ethiopia", "ethiopian"}, {"SOM", "somalia", "somali"}, {"SDN", "sudan", "sudanese"},
	{"ZAF", "south africa", "south african"}, {"BEL", "belgium", "belgian"}, {"NLD", "netherlands", "dutch"},
	{"SWE", "sweden", "swedish"}, {"NOR", "norway", "norwegian"}, {"CHE", "switzerland", "swiss"},
	{"AUT", "austria", "austrian"}, {"HUN", "hungary", "hungarian"}, {"QAT", "qatar", "qatari"},
	{"ARE", "uae", "emirati"}, {"THA", "thailand", "thai"}, {"VNM", "vietnam", "vietnamese"},
	{"PHL", "philippines", "philippine", "filipino"}, {"MMR", "myanmar", "burmese"}, {"BGD", "bangladesh", "bangladeshi"},
	{"ARG", "argentina", "argentine"}, {"COL", "colombia", "colombian"}, {"CHL", "chile", "chilean"},
}

// Role nouns that describe a person by office.
var roles = map[string]bool{
	"president": true, "minister": true, "secretary": true, "governor": true, "senator": true,
	"leader": true, "chancellor": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"king": true, "queen": true, "prince": true, "premier": true, "mayor": true, "ambassador": true,
	"general": true, "commander": true, "chief": true, "director": true, "chairman": true, "chairwoman": true,
	"envoy": true, "candidate": true, "nominee": true, "congressman": true, "congresswoman": true,
	"representative": true, "official": true, "emir": true, "pope": true, "ayatollah": true, "sheikh": true,
	"counsel": true, "attorney": true, "judge": true, "lawmaker": true, "diplomat": true, "adviser": true,
	"advisor": true, "founder": true, "executive": true, "ceo": true, "head": true, "speaker": true,
	"sheriff": true, "captain": true, "colonel": true, "lieutenant": true, "sergeant": true, "admiral": true,
}

// IsRole reports whether lower is an office noun ("president", "governor").
func IsRole(lower string) bool { return roles[lower] }

var titles = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true, "dr": true, "dr.": true, "sen.": true, "gov.": true, "rep.": true, "gen.": true, "prof.": true, "sir": true, "lord": true, "lady": true, "dame": true}

// IsTitle reports whether lower is an honorific ("mr.", "dr.").
func IsTitle(lower string) bool { return titles[lower] }

var orgWords = map[string]bool{
	"party": true, "church": true, "ministry": true, "office": true, "agency": true, "news": true, "army": true,
	"navy": true, "council": true, "committee": true, "university": true, "house": true, "state": true,
	"states": true, "department": true, "union": true, "court": true, "government": true, "company": true,
	"corp": true, "association": true, "organization": true, "organisation": true, "times": true, "post": true,
	"group": true, "force": true, "forces": true, "service": true, "bank": true, "institute": true, "nations": true,
	"federation": true, "republic": true, "kingdom": true, "front": true, "movement": true, "network": true,
	"center": true, "centre": true, "foundation": true, "commission": true, "press": true, "journal": true,
	"campaign": true, "administration": true, "street": true, "square": true, "city": true, "county": true,
	"international": true, "watch": true, "television": true, "radio": true, "inc.": true, "ltd": true,
}

var notNameStart = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true, "in": true,
	"on": true, "at": true, "but": true, "and": true, "or": true, "if": true, "when": true, "while": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "i": true, "you": true, "his": true,
	"her": true, "their": true, "our": true, "my": true, "its": true, "there": true, "after": true,
	"before": true, "as": true, "for": true, "from": true, "with": true, "by": true, "to": true, "of": true,
	"however": true, "meanwhile": true, "also": true, "some": true, "many": true, "most": true, "no": true,
	"not": true, "what": true, "who": true, "why": true, "how": true, "where": true, "so": true, "yet": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "today": true, "yesterday": true, "both": true, "all": true, "one": true, "two": true,
	"sitting": true, "estimates": true, "according": true, "under": true, "since": true, "during": true,
	"until": true, "despite": true, "although": true, "though": true, "because": true, "once": true,
}

// Name is a capitalized word sequence spotted by Names.
type Name struct {
	doc.Span
	Text   string
	Person bool   // looks like a person (titled, or a first+last name)
	Entity string // longest earlier name with the same last word
	Nation string // ISO3 of a nationality word just before it, if any
	Role   string // office noun just before it ("president"), if any
	lower  string
}

// Names spots capitalized word sequences in the sentences of d, for
// documents whose entities are not (yet) known. It is a heuristic: it does
// not type organisations well, and it marks Person only for titled names
// ("President Barack Obama", "Mr. Smith") and two-or-three-word sequences
// without organisation words.
func Names(d *doc.Document, sents []doc.Span) []Name {
	var out []Name
	var ws []Word
	var lws []string
	for _, sp := range sents {
		ws = Words(ws[:0], d.Text, sp)
		lws = lws[:0]
		for _, w := range ws {
			if w.IsUpper() {
				lws = append(lws, Lower(w.Text))
			} else {
				lws = append(lws, w.Text) // lower-case already, or a digit
			}
		}
		for i := 0; i < len(ws); i++ {
			if !ws[i].IsUpper() {
				continue
			}
			lw := lws[i]
			if notNameStart[lw] || roles[lw] || titles[lw] || nationality[lw] != "" {
				continue
			}
			j := i + 1
			for j < len(ws) && j-i < 5 && ws[j].IsUpper() && gapIsSpace(d.Text, ws[j-1].End, ws[j].Start) {
				lj := lws[j]
				if notNameStart[lj] && lj != "al" {
					break
				}
				j++
			}
			// "Shadow Home Secretary Yvette Cooper": the name starts after the last role word
			cut := -1
			for k := i; k < j-1; k++ {
				if lk := lws[k]; roles[lk] || titles[lk] {
					cut = k
				}
			}
			if cut >= 0 {
				i = cut + 1
			}
			n := Name{Span: doc.Span{Start: ws[i].Start, End: ws[j-1].End}}
			n.Text = d.Text[n.Start:n.End]
			org := false
			for k := i; k < j; k++ {
				if orgWords[lws[k]] {
					org = true
				}
			}
			// title / role / nationality just before
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				lk := lws[k]
				if titles[lk] || roles[lk] {
					if n.Role == "" {
						n.Role = lk
					}
					n.Person = !org
					continue
				}
				if c := nationality[lk]; c != "" && n.Role != "" {
					n.Nation = c
					continue
				}
				if lk == "former" || lk == "deputy" || lk == "prime" || lk == "foreign" || lk == "defense" || lk == "defence" || lk == "interior" || lk == "state" || lk == "of" || ws[k].IsUpper() && n.Role != "" {
					continue
				}
				break
			}
			if !org && (j-i == 2 || j-i == 3) && i > 0 {
				n.Person = true
			}
			if !org && j-i <= 3 && j < len(ws) && isCueLike(lws[j]) {
				n.Person = true
			}
			if !org && (j-i == 2 || j-i == 3) && i == 0 {
				n.Person = true
			}
			if nationality[Lower(n.Text)] != "" {
				n.Person = false
			}
			last := lws[j-1]
			n.Entity = n.Text
			n.lower = Lower(n.Text)
			for k := len(out) - 1; k >= 0; k-- {
				if len(out[k].Text) > len(n.Text) && strings.HasSuffix(out[k].lower, last) && strings.HasSuffix(out[k].lower[:len(out[k].lower)-len(last)], " ") {
					n.Entity = out[k].Entity
					n.Person = n.Person || out[k].Person
					break
				}
			}
			out = append(out, n)
			i = j - 1
		}
	}
	return out
}

func isCueLike(w string) bool {
	switch w {
	case "said", "says", "told", "added", "stated", "wrote", "explained", "warned":
		return true
	}
	return false
}

func gapIsSpace(text string, a, b int) bool {
	if b-a > 2 {
		return false
	}
	for i := a; i < b; i++ {
		if text[i] != ' ' && text[i] != '-' {
			return false
		}
	}
	return true
}
