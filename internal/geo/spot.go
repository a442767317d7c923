package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
)

// token is a word of the text: letters and digits, with inner periods,
// apostrophes, hyphens and ampersands ("U.S.", "O'Hare", "Winston-Salem").
type token struct {
	start, end int
	cap        bool // first letter upper case
	upper      bool // every letter upper case, two letters or more
	sentStart  bool // first word of a sentence (or of a line)
}

// tokenize splits text into word tokens. It never fails: any byte sequence,
// valid UTF-8 or not, yields tokens with spans inside text.
func tokenize(text string, out []token) []token {
	sent := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', ';', ':':
				sent = true
			case '\n':
				if strings.HasPrefix(text[i+1:], "\n") || strings.HasPrefix(text[i+1:], "\r\n") {
					sent = true
				}
			}
			i += n
			continue
		}
		start := i
		upperN, letters := 0, 0
		first := true
		cap := false
		for i < len(text) {
			r, n = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				if unicode.IsLetter(r) {
					letters++
					if unicode.IsUpper(r) {
						upperN++
					}
				}
				if first {
					cap = unicode.IsUpper(r)
					first = false
				}
				i += n
				continue
			}
			// inner joiners, kept when a letter follows
			if r == '.' || r == '\'' || r == '’' || r == '-' || r == '&' {
				nr, nn := utf8.DecodeRuneInString(text[i+n:])
				if unicode.IsLetter(nr) || unicode.IsDigit(nr) {
					// possessive 's ends the word
					if (r == '\'' || r == '’') && (nr == 's' || nr == 'S') {
						after, _ := utf8.DecodeRuneInString(text[i+n+nn:])
						if !isWordRune(after) {
							break
						}
					}
					if r == '.' && !dottedAbbrev(text[start:i]) {
						break
					}
					i += n
					continue
				}
				// "U.S." keeps its last period
				if r == '.' && dottedAbbrev(text[start:i]) && strings.Contains(text[start:i], ".") {
					i += n
				}
			}
			break
		}
		out = append(out, token{start: start, end: i, cap: cap, upper: letters >= 2 && upperN == letters, sentStart: sent})
		sent = false
	}
	return out
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// dottedAbbrev reports whether s is a run of single letters joined by
// periods ("U", "U.S", "D.C").
func dottedAbbrev(s string) bool {
	n := 0
	for i, r := range s {
		if i%2 == 0 {
			if !unicode.IsLetter(r) || r >= utf8.RuneSelf {
				return false
			}
			n++
		} else if r != '.' {
			return false
		}
	}
	return n >= 1 && n <= 4
}

var connectors = setOf("of", "de", "del", "la", "le", "upon", "on", "the", "and", "du", "des", "da", "di", "al", "el",
	"en", "sur", "am", "an", "im", "y", "au", "aux", "sous", "in", "do", "dos", "das", "della", "degli", "van", "von",
	"der", "den", "op", "aan", "ter")

// allowedBefore are capitalised words that may precede a place name
// without making it part of a longer proper name.
var allowedBefore = setOf("the", "a", "an", "in", "at", "near", "from", "to", "into", "across", "outside", "inside",
	"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
	"southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "central", "greater",
	"downtown", "metro", "metropolitan", "upper", "lower", "suburban", "rural", "historic", "old", "former", "all",
	"and", "or", "but", "while", "when", "for", "on", "of", "by", "with", "over", "since", "after", "before", "both",
	"neighbouring", "neighboring", "nearby", "officials", "then", "as", "about", "between", "than", "like", "via",
	"including", "throughout", "around", "toward", "towards", "against", "within", "without", "where", "if", "so",
	"mainland", "coastal", "war", "torn", "two", "three", "four", "five", "several", "many", "some", "most", "every",
	"that", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "says", "said", "tells",
	"visit", "visits", "visited", "attack", "attacks", "strike", "strikes", "breaking", "update", "updated", "exclusive")

// orgAfter are capitalised words after a place name that keep it a place
// ("Alexandria Police", "Texas Gov.") even when the name is also a given name.
var orgAfter = setOf("police", "sheriff", "city", "county", "department", "state", "mayor", "fire", "high", "community",
	"public", "district", "highway", "school", "national", "board", "council", "town", "president", "attorney",
	"superior", "regional", "senior", "volunteer", "circuit", "international", "army", "road", "jail", "court",
	"foreign", "coroner", "chamber", "medical", "detention", "democratic", "area", "electric", "arts", "central",
	"house", "health", "gov", "governor", "university", "courthouse", "municipal", "middle", "democrat", "republican",
	"environmental", "fair", "junior", "water", "hospital", "memorial", "commissioners", "prime", "minister",
	"government", "parliament", "airport", "port", "metro", "times", "daily", "region", "province", "parish",
	"borough", "township", "village", "square", "street", "avenue", "boulevard", "park", "zoo", "museum", "library",
	"college", "academy", "institute", "center", "centre", "stadium", "arena", "hall", "station", "bridge", "river",
	"lake", "valley", "bay", "sen", "rep", "officials", "authorities", "forces", "troops", "navy", "air", "defense",
	"defence", "interior", "ministry", "embassy", "consulate", "olympic", "olympics", "cup", "open", "marathon",
	"co", "twp", "society", "historical", "foundation", "lodge", "inn", "magistrates", "church", "recreation",
	"education", "seniors", "selectman", "elks", "rotary", "kiwanis", "lions", "chapter", "association", "club",
	"league", "team", "chronicle", "herald", "tribune", "gazette", "post", "journal", "news", "register", "courier",
	"observer", "record", "sun", "star", "examiner", "press", "bulletin", "leader", "citizen", "dispatch")

var locativePreps = setOf("in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward", "towards",
	"through", "throughout", "inside", "via", "of")

type mentionSource uint8

const (
	fromSpot mentionSource = iota + 1
	fromNER
	fromQualifier
)

type mention struct {
	doc.Span
	key       string
	cands     []cand
	src       mentionSource
	qual      *mention // "X, Q" or "X (Q)": the qualifier Q of this mention
	qualState string   // US postal code from an abbreviation qualifier ("Austin, Tex.")
	isQual    bool     // this mention qualifies the one before it
	stateWord bool     // followed by lower-case "state"
	weak      bool     // a small town's name that is also a given name, with no cue that it is a place
}

// spotter carries the per-document scratch state of spotting.
type spotter struct {
	demonyms bool // read demonyms as mentions of their country
	g        *Gazetteer
	text     string
	toks     []token
	surnames map[string]uint8 // folded words used as the last word of a person's name in this text: 1 likely, 2 sure
	lower    map[string]bool  // words written in lower case in this text, built on first use
}

// lowerUsed reports whether the text has the word w written in lower case.
func (s *spotter) lowerUsed(w string) bool {
	if s.lower == nil {
		s.lower = make(map[string]bool, len(s.toks)/2)
		for i := range s.toks {
			if c := s.text[s.toks[i].start]; c >= 'a' && c <= 'z' {
				s.lower[s.word(i)] = true
			}
		}
	}
	return s.lower[w]
}

// titleAbbrevs are abbreviated titles written with a period ("Mrs. Lincoln").
var titleAbbrevs = setOf("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cpl", "pvt",
	"maj", "adm", "rev", "prof", "det", "supt", "insp", "cmdr", "atty")

// lowerTitles are titles that mark a person even in lower case ("coach Ripley").
var lowerTitles = setOf("coach", "pastor", "officer", "sheriff", "deputy", "detective", "judge", "mayor", "senator",
	"governor", "trooper", "councilman", "councilwoman", "superintendent", "principal", "commissioner", "reverend",
	"sergeant", "lieutenant", "captain", "corporal", "dr", "mr", "mrs", "ms")

// speechVerbs after a name make it a speaker ("Moore said").
var speechVerbs = setOf("said", "says", "told", "added", "explained", "noted", "wrote", "asked", "replied", "recalled",
	"testified", "insisted", "admitted", "acknowledged", "argued", "stated", "believes", "thinks", "agreed", "declined")

// demonymAt reads a demonym of one or two words starting at token i
// ("Russian", "Palestinians", "Sri Lankan") as a mention of its country,
// returning the mention and its last token.
func (s *spotter) demonymAt(i int) (*mention, int) {
	for j := min(i+1, len(s.toks)-1); j >= i; j-- {
		if j > i && (!s.gapOK(i) || !s.toks[j].cap) {
			continue
		}
		key := fold(s.text[s.toks[i].start:s.toks[j].end])
		gk, cs := s.g.demonymCands(key)
		if cs == nil {
			continue
		}
		if j == i && s.surnames[key] > 0 {
			return nil, 0
		}
		return &mention{Span: doc.Span{Start: s.toks[i].start, End: s.toks[j].end}, key: gk, cands: cs, src: fromSpot}, j
	}
	return nil, 0
}

// demonymCands returns the readings of a folded demonym ("russians",
// "abkhaz") as a place: its region or its country, with the group key
// its mentions share; nil when key is no demonym to report.
func (g *Gazetteer) demonymCands(key string) (string, []cand) {
	if r, ok := regionDemonyms[key]; ok {
		if cs := g.byName[fold(r)]; len(cs) > 0 {
			return fold(r), cs
		}
	}
	if a := ambiguityOf(key); a != nil {
		if cs := g.ambCands(a); len(cs) == len(a.readings) {
			return a.name, cs // "Congolese" is read with "Congo"
		}
	}
	cc, ok := g.demonyms[key]
	if !ok && strings.HasSuffix(key, "s") {
		cc, ok = g.demonyms[key[:len(key)-1]]
	}
	if !ok || g.countries[cc] == nil || contextDemonyms[key] {
		return "", nil
	}
	return "demonym " + cc, []cand{{e: g.countries[cc], alias: true}}
}

// placeCue reports whether tokens i..j are read as a place by their
// surroundings: after a locative preposition mid-sentence, before a
// qualifier ("Hailey, Idaho"), or before a word of an organisation named
// after a place ("Hailey Police").
func (s *spotter) placeCue(i, j int) bool {
	if !s.toks[i].sentStart && i > 0 && locativePreps[s.lowerWord(i-1)] && !s.toks[i-1].cap {
		return true
	}
	if s.followedByQualifier(j) {
		return true
	}
	if j+1 < len(s.toks) && s.gapOK(j) && s.toks[j+1].cap && orgAfter[strings.TrimSuffix(s.lowerWord(j+1), ".")] {
		return true
	}
	return false
}

// initialAt reports whether token k is a single capital letter after a
// capitalised word: the middle initial of "Roy A. Nelson".
func (s *spotter) initialAt(k int) bool {
	w := s.word(k)
	if len(w) != 1 || w[0] < 'A' || w[0] > 'Z' || k == 0 {
		return false
	}
	p := s.toks[k-1]
	return p.cap && !p.upper && s.text[p.end:s.toks[k].start] == " "
}

// findSurnames collects the words that end a person's name in the text: the
// last of two or more capitalised words whose first is a known given name
// or a title ("Tom Jones", "Sen. Clinton" gives "jones", "clinton"), or the
// last of a run of capitalised words mid-sentence that is not itself a
// gazetteer name ("Andrew Trapani").
func (s *spotter) findSurnames() {
	for i := 1; i < len(s.toks); i++ {
		t, p := s.toks[i], s.toks[i-1]
		if !t.cap || !p.cap || t.upper || p.upper {
			continue
		}
		if i+1 < len(s.toks) && s.toks[i+1].cap && s.gapOK(i) {
			continue // not the last word of the run
		}
		gap := s.text[p.end:t.start]
		prev := s.lowerWord(i - 1)
		var person uint8
		switch {
		case gap == ". " && titleAbbrevs[prev]:
			person = 2
		case gap == ". " && s.initialAt(i-1):
			person = 2 // "Matthew D. Flores"
		case gap != " ":
		case firstNames[prev] || (s.g.given[fold(prev)] && !allowedBefore[prev] && !stopWords[prev] && !connectors[prev]) ||
			(personTitles[prev] && prev != "st" && prev != "saint"):
			person = 2
		case !p.sentStart && !allowedBefore[prev] && !connectors[prev] && !stopWords[prev] && !orgAfter[prev] && len(s.g.byName[fold(s.text[p.start:t.end])]) == 0 &&
			len(s.g.byName[fold(s.word(i-1))]) == 0 && !orgAfter[s.lowerWord(i)]:
			person = 1
		}
		if person > 0 {
			if s.surnames == nil {
				s.surnames = map[string]uint8{}
			}
			k := fold(s.word(i))
			s.surnames[k] = max(s.surnames[k], person)
		}
	}
}

func (s *spotter) word(i int) string { return s.text[s.toks[i].start:s.toks[i].end] }

func (s *spotter) lowerWord(i int) string { return strings.ToLower(s.word(i)) }

// gapOK reports whether tokens i and i+1 can belong to one name: only
// spaces between them, or the period of "St." / "Ft." / "Mt.".
func (s *spotter) gapOK(i int) bool {
	gap := s.text[s.toks[i].end:s.toks[i+1].start]
	if gap == "" || len(gap) > 3 {
		return false
	}
	if gap[0] == '.' {
		switch s.lowerWord(i) {
		case "st", "ft", "mt", "ste":
			gap = gap[1:]
		default:
			return false
		}
	}
	for j := 0; j < len(gap); j++ {
		if gap[j] != ' ' {
			return false
		}
	}
	return gap != ""
}

// spot finds gazetteer names in the text (longest match first).
func (s *spotter) spot() []*mention {
	s.findSurnames()
	var out []*mention
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if !t.cap {
			continue
		}
		first := fold(s.word(i))
		w0, _, _ := strings.Cut(first, " ") // a hyphenated token folds to several words
		mw := max(1, int(s.g.maxWords[w0]))
		best, bestKey := -1, ""
		var bestC []cand
		for j := i; j < len(s.toks) && j-i < mw; j++ {
			if j > i {
				if !s.gapOK(j - 1) {
					break
				}
				if !s.toks[j].cap && !connectors[s.lowerWord(j)] {
					break
				}
			}
			if !s.toks[j].cap {
				continue
			}
			key := first
			if j > i {
				key = fold(s.text[t.start:s.toks[j].end])
			}
			if cs := s.g.byName[key]; len(cs) > 0 {
				best, bestKey, bestC = j, key, cs
			}
		}
		if best < 0 {
			// "S.C.", "N.Y.", "W.Va.": a dotted US state abbreviation names the state
			if w := s.word(i); strings.Count(w, ".") >= 2 {
				if code, ok := usStateAbbrev[strings.ToLower(strings.ReplaceAll(w, ".", ""))]; ok && code != "LA" { // "L.A." is Los Angeles
					if st := s.g.adm1["US."+code]; st != nil {
						out = append(out, &mention{Span: doc.Span{Start: t.start, End: t.end}, key: fold(st.Name), cands: []cand{{e: st}}, src: fromSpot})
						continue
					}
				}
			}
		}
		if s.demonyms && best <= i+1 {
			if m, end := s.demonymAt(i); m != nil && end >= best {
				out = append(out, m)
				i = end
				continue
			}
		}
		if best < 0 {
			// "Paris-based", "Turkey-Syria border", "U.S.-led": the parts of a hyphenated word
			w := s.word(i)
			if strings.IndexByte(w, '-') > 0 {
				off := 0
				for _, part := range strings.Split(w, "-") {
					r, _ := utf8.DecodeRuneInString(part)
					if part != "" && unicode.IsUpper(r) {
						key := fold(part)
						if cs := s.g.byName[key]; len(cs) > 0 && s.hyphenPartOK(key, cs) {
							out = append(out, &mention{Span: doc.Span{Start: t.start + off, End: t.start + off + len(part)}, key: key, cands: cs, src: fromSpot})
						}
					}
					off += len(part) + 1
				}
			}
			continue
		}
		if i > 1 && s.toks[i-2].cap && s.word(i-1) == "s" {
			// "People's Republic of China": a name through a possessive
			gap := s.text[s.toks[i-2].end:t.start]
			if gap == "'s " || gap == "’s " {
				k := fold(s.text[s.toks[i-2].start:s.toks[best].end])
				if cs := s.g.byName[k]; len(cs) > 0 {
					if n := len(out); n > 0 && out[n-1].End > s.toks[i-2].start {
						out = out[:n-1]
					}
					out = append(out, &mention{Span: doc.Span{Start: s.toks[i-2].start, End: s.toks[best].end}, key: k, cands: cs, src: fromSpot})
					i = best
					continue
				}
			}
		}
		if s.accept(i, best, bestKey, bestC) {
			m := &mention{Span: doc.Span{Start: t.start, End: s.toks[best].end}, key: bestKey, cands: bestC, src: fromSpot}
			m.weak = i == best && s.g.given[bestKey] && !s.placeCue(i, best)
			out = append(out, m)
		}
		i = best
	}
	return out
}

// calendarWords are month and day names and their abbreviations: never a
// place alone.
var calendarWords = setOf("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

func hasKind(cs []cand, k Kind) bool {
	for _, c := range cs {
		if c.e.Kind == k {
			return true
		}
	}
	return false
}

// hyphenPartOK accepts a part of a hyphenated word only when it names a
// country, a division or a large city ("Turkey-Syria", not "Follow-Up").
func (s *spotter) hyphenPartOK(key string, cs []cand) bool {
	if stopWords[key] || firstNames[key] {
		return false
	}
	for _, c := range cs {
		if c.e.Kind == KindCountry || c.e.Kind == KindADM1 || (c.e.Kind == KindCity && c.e.Pop >= 100000 && !c.alias) {
			return true
		}
	}
	return false
}

// accept applies the rules that tell a place name from a common word or a
// person's name, for the name spanning tokens i..j.
func (s *spotter) accept(i, j int, key string, cs []cand) bool {
	t := s.toks[i]
	big := false // a country, a division or a large city
	for _, c := range cs {
		if i == j && stopWords[key] && c.e.Kind != KindCountry {
			continue // "West" the Cameroonian region is still the word west
		}
		if c.e.Kind == KindCountry || c.e.Kind == KindADM1 || c.e.Kind == KindRegion || c.e.Kind == KindLandmark ||
			(c.e.Kind == KindCity && c.e.Pop >= 100000 && !c.alias) {
			big = true
			break
		}
	}
	if i == j && !s.followedByQualifier(j) {
		if calendarWords[key] {
			return false // "through March 27", "on August 3"
		}
		if _, ok := s.g.demonyms[key]; ok && !hasKind(cs, KindCountry) {
			return false // "Canadian officials", "Hamas": a people, not a town
		}
	}
	if i == j && t.upper {
		// all-capitals words: country abbreviations, or datelines of large places
		w := s.word(i)
		switch strings.ReplaceAll(w, ".", "") {
		case "US", "USA", "UK", "UAE", "DRC", "DPRK", "NSW", "QLD":
			if i > 0 && s.toks[i-1].upper && s.toks[i].sentStart == false && !s.toks[i-1].sentStart {
				return false // inside an all-capitals headline
			}
			return true
		}
		if len(w) < 4 || !big {
			return false
		}
	}
	if i == j && !big && (stopWords[key] || len(key) < 3) {
		// a common word: only after a locative preposition mid-sentence, or with a qualifier
		ok := !t.sentStart && i > 0 && locativePreps[s.lowerWord(i-1)] && !s.toks[i-1].cap
		if !ok && !s.followedByQualifier(j) {
			return false
		}
	}
	if i == j && stopWords[key] && t.sentStart && !big {
		return false
	}
	if i == j && t.sentStart && !big && s.lowerUsed(key) {
		return false // "Over the past years": the text uses the word in lower case too
	}
	if i == j && stopWords[key] && j+1 < len(s.toks) && s.gapOK(j) && s.toks[j+1].cap {
		return false // "Eastern Creek", "West Midlands": part of a longer name
	}
	// "the West", "the Mall": a single-word town name after "the" is a common noun
	if i == j && (!big || stopWords[key]) && i > 0 && s.lowerWord(i-1) == "the" && !s.toks[i-1].cap &&
		!(j+1 < len(s.toks) && s.gapOK(j) && s.toks[j+1].cap) {
		return false
	}
	// a person's title before: "Mrs. Lincoln", "Sen. Clinton", "coach Ripley"
	if i > 0 {
		prev := s.lowerWord(i - 1)
		switch gap := s.text[s.toks[i-1].end:t.start]; {
		case gap == ". " && s.toks[i-1].cap && titleAbbrevs[prev]:
			return false
		case gap == ". " && s.initialAt(i-1):
			return false // a middle initial: "Roy A. Nelson"
		case gap == " " && (personTitles[prev] && s.toks[i-1].cap || lowerTitles[prev]) && prev != "st" && prev != "saint":
			return false
		}
	}
	if i == j && (s.surnames[key] == 2 && !areaName(cs) || s.surnames[key] == 1 && !big) {
		return false // "Jones" after "Tom Jones" in the same text
	}
	if i == j && !big && j+1 < len(s.toks) && s.gapOK(j) && speechVerbs[s.lowerWord(j+1)] {
		return false // "Moore said"
	}
	// the word before
	if i > 0 && s.gapOK(i-1) {
		prev := s.lowerWord(i - 1)
		prev = strings.TrimSuffix(prev, ".")
		pt := s.toks[i-1]
		if personTitles[prev] && pt.cap {
			return false
		}
		if pt.cap && !allowedBefore[prev] {
			if firstNames[prev] {
				return false // "John Paris"
			}
			if !pt.sentStart {
				return false // inside a longer proper name: "Bill Clinton", "Lake Texoma"
			}
		}
	}
	// the word after
	if j+1 < len(s.toks) && s.gapOK(j) && s.toks[j+1].cap && !s.toks[j+1].upper {
		next := strings.TrimSuffix(s.lowerWord(j+1), ".")
		if i == j && firstNames[key] && !orgAfter[next] {
			return false // "Paris Hilton", "Jackson Browne"
		}
		if i == j && !big && !orgAfter[next] && !allowedBefore[next] && !stopWords[next] && !calendarWords[next] &&
			len(s.g.byName[fold(next)]) == 0 && !s.toks[j+1].sentStart {
			return false // the first word of a longer name the gazetteer lacks: "Abu Shok", "Hailey Smith"
		}
	}
	return true
}

// followedByQualifier reports whether ", Q" follows token j where Q names
// a country or first-order division or is a US state abbreviation.
func (s *spotter) followedByQualifier(j int) bool {
	rest := s.text[s.toks[j].end:]
	if !strings.HasPrefix(rest, ", ") || j+1 >= len(s.toks) || !s.toks[j+1].cap {
		return false
	}
	w := s.lowerWord(j + 1)
	if _, ok := usStateAbbrev[strings.ReplaceAll(w, ".", "")]; ok {
		return true
	}
	for _, c := range s.g.byName[fold(w)] {
		if c.e.Kind == KindCountry || c.e.Kind == KindADM1 {
			return true
		}
	}
	return false
}

// qualify links "X, Q", "X (Q)" pairs, turns state abbreviations after a
// US place into qualifier mentions, and marks "X state".
func (s *spotter) qualify(ms []*mention) []*mention {
	byStart := make(map[int]*mention, len(ms))
	for _, m := range ms {
		byStart[m.Start] = m
	}
	var extra []*mention
	for _, m := range ms {
		// "the province of Ontario", "the state of Washington"
		before := s.text[max(0, m.Start-12):m.Start]
		if strings.HasSuffix(before, "province of ") || strings.HasSuffix(before, "Province of ") ||
			strings.HasSuffix(before, "state of ") || strings.HasSuffix(before, "State of ") {
			m.stateWord = true
		}
		rest := s.text[m.End:]
		n := 0
		switch {
		case strings.HasPrefix(rest, ", "):
			n = 2
		case strings.HasPrefix(rest, " ("):
			n = 2
		case strings.HasPrefix(rest, ","):
			n = 1
		case strings.HasPrefix(rest, " state") || strings.HasPrefix(rest, " State"):
			if len(rest) == 6 || !isWordByte(rest[6]) {
				m.stateWord = true
			}
			continue
		case strings.HasPrefix(rest, " province") || strings.HasPrefix(rest, " Province"):
			if len(rest) == 9 || !isWordByte(rest[9]) {
				m.stateWord = true
			}
			continue
		default:
			continue
		}
		for n < len(rest) && rest[n] == ' ' {
			n++
		}
		// "Austin, Tex." / "Austin, TX"
		w := rest[n:]
		e := 0
		for e < len(w) && (isWordByte(w[e]) || w[e] == '.') && e < 8 {
			e++
		}
		word := strings.TrimRight(w[:e], ".")
		if word == "" || !(word[0] >= 'A' && word[0] <= 'Z') {
			continue
		}
		code, ok := usStateAbbrev[strings.ToLower(strings.ReplaceAll(word, ".", ""))]
		if !ok || (len(word) == 2 && strings.ToUpper(word) != word) || len(word) > 6 {
			if q := byStart[m.End+n]; q != nil && !m.countryName() && !(m.areaName() && s.listGoesOn(q, byStart)) {
				m.qual = q
				q.isQual = true
			}
			continue
		}
		if m.countryName() {
			continue // "China, Japan and Korea" is a list, not a qualified name
		}
		if q := byStart[m.End+n]; q != nil {
			if st := s.g.adm1["US."+code]; st != nil && q.key != fold(st.Name) {
				q.cands = nil // an abbreviation read as something else ("Kan." as a Chinese city)
			} else {
				m.qual = q
				q.isQual = true
				continue
			}
		}
		hasUS := false
		for _, c := range m.cands {
			if c.e.Country == "US" && c.e.ADM1 == code && c.e.Kind != KindADM1 {
				hasUS = true
			}
		}
		st := s.g.adm1["US."+code]
		if !hasUS || st == nil {
			continue
		}
		m.qualState = code
		end := m.End + n + len(word)
		if end < len(s.text) && s.text[end] == '.' && len(word) > 2 {
			end++ // "Tex." keeps its period
		}
		extra = append(extra, &mention{Span: doc.Span{Start: m.End + n, End: end}, key: fold(st.Name), cands: []cand{{e: st}}, src: fromQualifier, isQual: true})
	}
	return append(ms, extra...)
}

// listGoesOn reports whether another country or division name follows q
// as the next item of a list ("Washington, Pennsylvania and California"):
// q is then a list item, not a qualifier.
func (s *spotter) listGoesOn(q *mention, byStart map[int]*mention) bool {
	rest := s.text[q.End:]
	for _, gap := range []string{", and ", ", or ", ", ", " and ", " or "} {
		if strings.HasPrefix(rest, gap) {
			if next := byStart[q.End+len(gap)]; next != nil && next.areaName() {
				return true
			}
		}
	}
	return false
}

// areaName reports whether the mention is the main name of a country or a
// first-order division.
func (m *mention) areaName() bool { return areaName(m.cands) }

// areaName reports whether one of cs is a country or first-order division
// read by its main name.
func areaName(cs []cand) bool {
	for _, c := range cs {
		if !c.alias && (c.e.Kind == KindCountry || c.e.Kind == KindADM1) {
			return true
		}
	}
	return false
}

// countryName reports whether the mention is the name of a country.
func (m *mention) countryName() bool {
	for _, c := range m.cands {
		if c.e.Kind == KindCountry {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}
