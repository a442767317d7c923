package segment

// lowerAfterStrong makes "?" or "!" end a sentence even before a lowercase
// word, unless a closing quote follows the mark ("Why?" he asked).
const lowerAfterStrong = true

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
	"ph", "esq", "sq", "km", "mi", "gal", "univ", "dec", "ok", "aka", "misc",
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

// lowerKey lowercases ASCII w into buf without the periods; ok is false
// when w is too long or not ASCII letters and periods.
func lowerKey(buf *[16]byte, w string) (string, int, bool) {
	n, dots := 0, 0
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
			return "", 0, false
		}
		if n == len(buf) {
			return "", 0, false
		}
		buf[n] = c
		n++
	}
	return string(buf[:n]), dots, true
}

// abbrevKind classifies the word w that precedes a period (w has no final
// period).
func abbrevKind(w string) abbr {
	var buf [16]byte
	k, dots, ok := lowerKey(&buf, w)
	if !ok || k == "" {
		return abbrNone
	}
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
		if k == "eg" || k == "ie" || k == "cf" || k == "vs" {
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
	if _, ok := titleAbbr[k]; ok {
		return abbrTitle
	}
	if _, ok := monthAbbr[k]; ok {
		return abbrMonth
	}
	if _, ok := numberAbbr[k]; ok {
		return abbrNumber
	}
	if _, ok := otherAbbr[k]; ok {
		return abbrOther
	}
	return abbrNone
}

func isStarter(w string) bool {
	var buf [16]byte
	k, _, ok := lowerKey(&buf, w)
	if !ok || k == "" {
		return false
	}
	_, found := starters[k]
	return found
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
	k, dots, ok := lowerKey(&buf, w)
	if !ok || k == "" {
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
	_, low := lowercaseAbbr[k]
	return low
}
