package segment

// lowerAfterStrong makes "?" or "!" end a sentence even before a lowercase
// word, unless a closing quote follows the mark ("Why?" he asked).
const lowerAfterStrong = true

// lowerAfterPeriod makes a period after an ordinary lowercase word end a
// sentence even before a lowercase word ("fine. i will"), as in informal
// web text.
const lowerAfterPeriod = true

type abbr int

const (
	abbrNone   abbr = iota
	abbrTitle       // always followed by a name: Mr., Gen., Sen.
	abbrNumber      // usually followed by a number: No. 5, p. 12
	abbrMonth       // Jan. 5, 2015
	abbrOther       // may end a sentence: Inc., U.S., a.m., J.
)

// titleAbbr never end a sentence.
var titleAbbr = set(
	"mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "gen", "sen", "sens", "rep", "reps",
	"gov", "govs", "lt", "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "cdr", "brig",
	"rev", "hon", "pres", "supt", "insp", "det", "atty", "amb", "fr", "cpl", "pvt", "gens",
	"vs", "v", "eg", "ie", "cf", "viz", "mssrs", "rt", "sec", "secs",
)

// numberAbbr are followed by a number when they do not end a sentence.
var numberAbbr = set(
	"no", "nos", "vol", "vols", "p", "pp", "fig", "figs", "art", "ch", "para", "op", "nr",
	"approx", "ca", "est", "tel", "ext", "pt", "pts", "ed", "eds",
)

var monthAbbr = set(
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)

// otherAbbr may end a sentence; they do when the next word is a typical
// sentence opener.
var otherAbbr = set(
	"inc", "corp", "co", "cos", "ltd", "llc", "plc", "jr", "sr", "bros", "etc", "al",
	"dept", "univ", "assn", "ave", "blvd", "rd", "hwy", "mt", "ft", "st", "min", "max",
	"hr", "hrs", "yr", "yrs", "mo", "mos", "oz", "lb", "lbs", "govt", "intl", "natl",
	"dist", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"ph", "pct", "esq", "sq", "km", "mi", "gal", "univ", "dec", "ok", "aka", "misc",
	// U.S. state abbreviations of news style
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
	"ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
	"ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ont", "que",
)

// starters are frequent sentence-initial words: after an ambiguous
// abbreviation ("in the U.S. The ...") they signal a new sentence.
var starters = set(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "or",
	"in", "on", "at", "this", "that", "these", "those", "there", "his", "her", "its",
	"their", "our", "my", "as", "if", "when", "while", "after", "before", "for", "with",
	"by", "from", "to", "so", "yet", "however", "meanwhile", "some", "many", "most",
	"both", "all", "no", "not", "what", "who", "why", "how", "where", "which",
	"according", "last", "earlier", "later", "since", "also", "still", "then", "officials",
	"police", "one", "two", "three", "several", "each", "such", "other", "another",
	"although", "though", "because", "during", "under", "despite", "about", "among",
	"nor", "now", "instead", "thus", "here", "yes", "is", "are", "was", "were", "do",
	"does", "did", "can", "will", "would", "should", "could", "let", "please", "thanks",
	"thank", "if", "once", "until", "unlike", "like", "more", "few", "even", "only",
)

func set(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// lowerKey lowercases ASCII w into buf without the periods and returns
// the key length and the number of periods; ok is false when w is too long
// or not made of ASCII letters and periods. Callers index maps with
// string(buf[:n]), which does not allocate.
func lowerKey(buf *[16]byte, w string) (n, dots int, ok bool) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			dots++
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
		default:
			return 0, 0, false
		}
		if n == len(buf) {
			return 0, 0, false
		}
		buf[n] = c
		n++
	}
	return n, dots, true
}

func in(m map[string]struct{}, key []byte) bool {
	_, ok := m[string(key)]
	return ok
}

// abbrevKind classifies the word w that precedes a period (w has no final
// period).
func abbrevKind(w string) abbr {
	var buf [16]byte
	n, dots, ok := lowerKey(&buf, w)
	if !ok || n == 0 {
		return abbrNone
	}
	k := buf[:n]
	if dots > 0 {
		// Initialisms: U.S, a.m, Ph.D, e.g, i.e; not domains (example.com)
		seg := 0
		for i := 0; i < len(w); i++ {
			if w[i] == '.' {
				seg = 0
				continue
			}
			if seg++; seg > 3 {
				return abbrNone
			}
		}
		if ks := string(k); ks == "eg" || ks == "ie" || ks == "cf" || ks == "vs" {
			return abbrTitle
		}
		return abbrOther
	}
	if len(w) == 1 {
		if w[0] >= 'A' && w[0] <= 'Z' {
			return abbrOther // an initial: J. R. Smith
		}
		return abbrNumber
	}
	switch {
	case in(titleAbbr, k):
		return abbrTitle
	case in(monthAbbr, k):
		return abbrMonth
	case in(numberAbbr, k):
		return abbrNumber
	case in(otherAbbr, k):
		return abbrOther
	}
	return abbrNone
}

func isStarter(w string) bool {
	var buf [16]byte
	n, _, ok := lowerKey(&buf, w)
	return ok && n > 0 && in(starters, buf[:n])
}

// lowercaseAbbr are abbreviations written in lowercase.
var lowercaseAbbr = set(
	"etc", "al", "vs", "v", "pp", "approx", "ca", "cf", "viz", "min", "max", "hrs", "yrs",
	"lbs", "oz", "km", "mph", "esp", "incl", "est",
)

// KeepsPeriod reports whether the word w (given without its final period)
// is an abbreviation that owns that period: "Mr", "U.S", "a.m", "Inc",
// "Jan", an initial "J". Tokenizers use it to keep "Mr." whole.
func KeepsPeriod(w string) bool {
	if w == "" {
		return false
	}
	var buf [16]byte
	n, dots, ok := lowerKey(&buf, w)
	if !ok || n == 0 {
		return false
	}
	kind := abbrevKind(w)
	if kind == abbrNone {
		return false
	}
	if dots > 0 {
		return true
	}
	if w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	return in(lowercaseAbbr, buf[:n])
}
