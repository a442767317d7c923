// Package counts finds numbers of people or things affected in a document:
// "130 people were killed", "more than 10,000 ISIS deaths", "from 30,000 to
// 200,000", "dozens of protesters", "at least 12", "three soldiers".
//
// Extract fills d.Counts. Each count has a number (or a Min/Max range, or a
// Min only for vague amounts: dozens = 24+, hundreds = 200+, thousands =
// 2000+, scores = 40+), a Qualifier (more than, at least, about, up to...),
// What and Who:
//
//   - What is an event category when a casualty or action word governs the
//     number: killed, injured, arrested, displaced, evacuated, rescued,
//     missing, kidnapped (from "130 people were killed", "killed 130 people",
//     "130 dead", "the loss of all 224 people", "10,000 ISIS deaths").
//   - Otherwise What is the counted noun: a group category (militants,
//     troops, protesters, refugees, migrants, civilians, police, people) or
//     the plural noun phrase itself ("hard drives", "shells").
//   - Who is the counted noun phrase, or the group name before it ("ISIS").
//
// Years, dates (d.Dates when filled, and month-day patterns), ages, money,
// percentages, clock times, measures, durations and numbered names
// ("Resolution 2254", "posts 542 and 543") are not counts. A number with no
// counted noun and no governing event word is dropped.
package counts

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
)

// Extract appends the counts of d to d.Counts.
func Extract(d *doc.Document) {
	x := extractor{d: d}
	for _, sp := range kglex.Sentences(d) {
		x.ws = kglex.Words(x.ws[:0], d.Text, sp)
		x.lw = x.lw[:0]
		for _, w := range x.ws {
			x.lw = append(x.lw, kglex.Lower(w.Text))
		}
		x.sentence()
	}
}

type extractor struct {
	d  *doc.Document
	ws []kglex.Word
	lw []string
}

func (x *extractor) word(i int) string {
	if i < 0 || i >= len(x.lw) {
		return ""
	}
	return x.lw[i]
}

// gapAfter returns the text between word i and word i+1 ("" at the end).
func (x *extractor) gapAfter(i int) string {
	if i+1 >= len(x.ws) {
		if i >= 0 && i < len(x.ws) && x.ws[i].End < len(x.d.Text) {
			e := x.ws[i].End + 1
			return x.d.Text[x.ws[i].End:e]
		}
		return ""
	}
	return x.d.Text[x.ws[i].End:x.ws[i+1].Start]
}

func (x *extractor) spaced(i int) bool { g := x.gapAfter(i); return g == " " }

var vague = map[string]int64{"dozens": 24, "hundreds": 200, "thousands": 2000, "scores": 40, "tens": 20, "millions": 2000000}

// number parses a number starting at word i: digits ("10,000", "1.5
// million"), words ("three", "twenty-five", "two hundred", "a dozen") or a
// vague amount ("dozens of", "tens of thousands of"). It returns the value,
// whether it is a lower bound only, and the index after it.
func (x *extractor) number(i int) (v int64, lower bool, next int, ok bool) {
	w := x.lw[i]
	if milli, _, isD := kglex.Digits(w); isD {
		v = milli / 1000
		next = i + 1
		if m, isM := kglex.Multiplier(x.word(next)); isM && x.spaced(i) {
			v = milli * m / 1000
			next++
		} else if milli%1000 != 0 {
			return 0, false, 0, false // a decimal without multiplier is a measure
		}
		return v, false, next, true
	}
	if v0, isW := kglex.NumberWord(w); isW {
		v, next = v0, i+1
		for next < len(x.lw) {
			if m, isM := kglex.Multiplier(x.lw[next]); isM && x.spaced(next-1) {
				v *= m
				next++
				continue
			}
			if x.lw[next] == "and" && next+1 < len(x.lw) && v >= 100 {
				if v2, ok2 := kglex.NumberWord(x.lw[next+1]); ok2 && v2 < 100 {
					v += v2
					next += 2
					continue
				}
			}
			break
		}
		return v, false, next, true
	}
	if (w == "a" || w == "an") && i+1 < len(x.lw) {
		if x.lw[i+1] == "dozen" {
			return 12, false, i + 2, true
		}
		if m, isM := kglex.Multiplier(x.lw[i+1]); isM && m <= 1000 {
			return m, false, i + 2, true
		}
	}
	if b, isV := vague[w]; isV && x.word(i+1) == "of" {
		next = i + 2
		if w == "tens" || w == "hundreds" {
			// "tens of thousands of", "hundreds of thousands of"
			if m, isM := kglex.Multiplier(strings.TrimSuffix(x.word(next), "s")); isM && x.word(next+1) == "of" {
				b *= m
				next += 2
			}
		}
		return b, true, next, true
	}
	return 0, false, 0, false
}

var qualifiers = [][]string{
	{"more", "than"}, {"at", "least"}, {"up", "to"}, {"as", "many", "as"}, {"fewer", "than"}, {"less", "than"},
	{"at", "most"}, {"close", "to"}, {"upwards", "of"}, {"an", "estimated"}, {"in", "excess", "of"},
	{"over"}, {"about"}, {"around"}, {"nearly"}, {"almost"}, {"some"}, {"approximately"}, {"roughly"},
	{"estimated"}, {"only"}, {"just"}, {"under"}, {"below"}, {"above"}, {"least"},
}

// qualifierBefore returns the qualifier ending right before word i.
func (x *extractor) qualifierBefore(i int) (string, int) {
	for _, q := range qualifiers {
		k := i - len(q)
		if k < 0 {
			continue
		}
		match := true
		for j, w := range q {
			if x.lw[k+j] != w {
				match = false
				break
			}
		}
		if match {
			if q[0] == "least" {
				continue
			}
			return strings.Join(q, " "), k
		}
	}
	return "", i
}

var months = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

var currencyWords = map[string]bool{
	"dollars": true, "dollar": true, "euros": true, "euro": true, "pounds": true, "pound": true, "yuan": true,
	"yen": true, "rupees": true, "rubles": true, "roubles": true, "cents": true, "usd": true, "eur": true,
	"gbp": true, "francs": true, "lira": true, "pesos": true, "riyals": true, "dinars": true, "shekels": true,
	"bn": true, "m": true, "us$": true, "us": true, "a$": true, "c$": true,
}

var unitWords = map[string]bool{
	"percent": true, "per": true, "pc": true, "km": true, "kilometres": true, "kilometers": true, "miles": true,
	"mile": true, "metres": true, "meters": true, "meter": true, "metre": true, "feet": true, "foot": true,
	"inches": true, "kg": true, "kilograms": true, "tons": true, "tonnes": true, "pounds": true, "lbs": true,
	"acres": true, "hectares": true, "degrees": true, "hours": true, "hour": true, "days": true, "day": true,
	"weeks": true, "week": true, "months": true, "month": true, "years": true, "year": true, "minutes": true,
	"minute": true, "seconds": true, "decades": true, "centuries": true, "times": true, "points": true,
	"a.m.": true, "p.m.": true, "am": true, "pm": true, "gmt": true, "utc": true, "o'clock": true,
	"mph": true, "kph": true, "barrels": true, "gallons": true, "litres": true, "liters": true, "mm": true,
	"cm": true, "sq": true, "square": true, "bps": true, "votes": false, "nights": true, "pages": true,
	"percentage": true, "th": true, "st": true, "nd": true, "rd": true, "storey": true, "stories": true,
}

// event words governing a count, by category
var eventWords = map[string]string{
	"killed": "killed", "dead": "killed", "died": "killed", "deaths": "killed", "death": "killed",
	"fatalities": "killed", "slain": "killed", "perished": "killed", "executed": "killed", "murdered": "killed",
	"massacred": "killed", "drowned": "killed", "kills": "killed", "killing": "killed", "lives": "killed",
	"injured": "injured", "wounded": "injured", "hurt": "injured", "injuries": "injured", "injuring": "injured",
	"wounding": "injured", "casualties": "casualties",
	"arrested": "arrested", "detained": "arrested", "jailed": "arrested", "imprisoned": "arrested",
	"captured": "arrested", "apprehended": "arrested", "arrests": "arrested", "detentions": "arrested",
	"rounded": "arrested", "arresting": "arrested", "detaining": "arrested",
	"displaced": "displaced", "homeless": "displaced", "fled": "displaced", "uprooted": "displaced",
	"evacuated": "evacuated", "evacuating": "evacuated",
	"rescued": "rescued", "saved": "rescued", "rescuing": "rescued",
	"missing": "missing", "unaccounted": "missing",
	"kidnapped": "kidnapped", "abducted": "kidnapped", "hostages": "kidnapped", "hostage": "kidnapped",
}

// group nouns mapped to a category
var groupNouns = map[string]string{
	"militants": "militants", "fighters": "militants", "rebels": "militants", "insurgents": "militants",
	"jihadists": "militants", "gunmen": "militants", "terrorists": "militants", "extremists": "militants",
	"troops": "troops", "soldiers": "troops", "marines": "troops", "servicemen": "troops", "sailors": "troops",
	"personnel":  "troops",
	"protesters": "protesters", "protestors": "protesters", "demonstrators": "protesters", "marchers": "protesters",
	"refugees": "refugees", "migrants": "migrants", "immigrants": "migrants",
	"asylees": "asylum seekers", "asylum-seekers": "asylum seekers",
	"civilians": "civilians", "police": "police", "policemen": "police", "officers": "police",
	"people": "people", "persons": "people", "residents": "people", "villagers": "people", "passengers": "people",
	"children": "children", "women": "women", "men": "men", "students": "students", "prisoners": "prisoners",
	"workers": "workers", "journalists": "journalists", "supporters": "supporters", "voters": "voters",
}

var irregularPlural = map[string]bool{"people": true, "children": true, "men": true, "women": true, "police": true, "personnel": true, "staff": true, "dead": true, "wounded": true, "injured": true, "missing": true, "killed": true}

func isPluralNoun(w string) bool {
	if irregularPlural[w] || groupNouns[w] != "" {
		return true
	}
	if len(w) < 4 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is") || strings.HasSuffix(w, "'s") {
		return false
	}
	switch w {
	case "was", "has", "does", "goes", "says", "this", "thus", "plus", "less", "its", "yes", "always", "perhaps", "sometimes", "besides", "towards", "afterwards", "whereas", "nevertheless":
		return false
	}
	return true
}

var skipAdj = map[string]bool{
	"more": true, "other": true, "additional": true, "further": true, "of": true, "the": true, "their": true,
	"those": true, "these": true, "its": true, "his": true, "her": true, "our": true, "all": true,
	"innocent": true, "unarmed": true, "armed": true, "foreign": true, "local": true, "young": true, "suspected": true,
}

var beWords = map[string]bool{
	"were": true, "was": true, "are": true, "is": true, "have": true, "has": true, "had": true, "been": true,
	"be": true, "being": true, "reportedly": true, "also": true, "later": true, "allegedly": true, "all": true,
	"who": true, "that": true, "who've": true, "now": true, "believed": true, "feared": true, "confirmed": true,
	"to": true, "still": true, "being,": true, "either": true, "may": true, "might": true, "could": true,
}

func (x *extractor) sentence() {
	x.zeroCounts()
	for i := 0; i < len(x.ws); i++ {
		v, lower, next, ok := x.number(i)
		if !ok {
			continue
		}
		if n := x.count(i, v, lower, next); n > i {
			i = n - 1
		}
	}
}

// zeroNouns are casualty nouns whose absence is news: "no deaths or
// injuries were reported", "there were no casualties".
var zeroNouns = map[string][]string{
	"deaths": {"killed"}, "dead": {"killed"}, "fatalities": {"killed"}, "death": {"killed"},
	"injuries": {"injured"}, "injured": {"injured"}, "wounded": {"injured"},
	"casualties": {"killed", "injured"}, "victims": {"killed", "injured"},
}

// zeroVerbs are the participles of "no one was killed/hurt".
var zeroVerbs = map[string]string{"killed": "killed", "hurt": "injured", "injured": "injured", "wounded": "injured", "harmed": "injured"}

// zeroCounts records stated zero casualty counts: "No injuries or deaths
// were reported" (injured 0, killed 0), "there were no casualties", "no
// one was killed". A count of zero answers "how many were killed?" as much
// as any other.
func (x *extractor) zeroCounts() {
	seen := map[string]bool{}
	add := func(what string, from, to int) {
		if seen[what] {
			return
		}
		seen[what] = true
		zero := int64(0)
		c := doc.Count{Span: doc.Span{Start: x.ws[from].Start, End: x.ws[to].End}, What: what, Number: &zero}
		c.Text = x.d.Text[c.Start:c.End]
		x.d.Counts = append(x.d.Counts, c)
	}
	for i, w := range x.lw {
		switch w {
		case "no":
			// "no injuries or deaths", "no reported casualties"
			for j := i + 1; j < len(x.lw) && j <= i+5; j++ {
				if cats, ok := zeroNouns[x.lw[j]]; ok {
					for _, c := range cats {
						add(c, i, j)
					}
					continue
				}
				if l := x.lw[j]; l != "or" && l != "and" && l != "reported" && l != "immediate" && l != "serious" && l != "confirmed" && l != "," {
					break
				}
			}
			// "no one was killed"
			if x.word(i+1) == "one" && (x.word(i+2) == "was" || x.word(i+2) == "has") {
				for j := i + 3; j < len(x.lw) && j <= i+5; j++ {
					if c, ok := zeroVerbs[x.lw[j]]; ok {
						add(c, i, j)
						break
					}
				}
			}
		case "nobody":
			for j := i + 1; j < len(x.lw) && j <= i+4; j++ {
				if c, ok := zeroVerbs[x.lw[j]]; ok {
					add(c, i, j)
					break
				}
			}
		}
	}
}

func (x *extractor) excluded(i, next int, v int64) bool {
	w := x.ws[i]
	// inside a date expression found by timex
	for _, t := range x.d.Dates {
		if t.Span.Overlaps(w.Span) {
			return true
		}
	}
	raw := w.Text
	if strings.ContainsAny(raw, ":/") || strings.Count(raw, "-") > 0 && raw[0] >= '0' && raw[0] <= '9' && !isRange(raw) {
		return true
	}
	prev := x.word(i - 1)
	// money: "$ 200", "US$ 20,000", "€5"
	if w.Start > 0 {
		before := strings.TrimRight(x.d.Text[maxInt(0, w.Start-4):w.Start], " ")
		if strings.HasSuffix(before, "$") || strings.HasSuffix(before, "£") || strings.HasSuffix(before, "€") || strings.HasSuffix(before, "¥") {
			return true
		}
	}
	if currencyWords[prev] && prev != "m" && prev != "bn" {
		return true
	}
	nw := x.word(next)
	if currencyWords[nw] || unitWords[nw] || strings.HasPrefix(x.gapAfter(next-1), "%") {
		return true
	}
	// ages: "aged 14", "14-year-old", "14 years old"
	if prev == "aged" || prev == "age" || prev == "ages" || strings.HasPrefix(nw, "year-old") || strings.HasSuffix(raw, "-year-old") {
		return true
	}
	// dates: "November 13", "13 November"; years
	if months[prev] || months[nw] {
		return true
	}
	if len(raw) == 4 && v >= 1800 && v <= 2100 && !strings.Contains(raw, ",") {
		return true
	}
	// numbered names: "Resolution 2254", "Flight 17", "posts 542 and 543"
	if (prev == "and" || prev == "or" || prev == "to") && i >= 2 && x.ws[i-2].IsDigit() {
		if _, _, n0, ok := x.number(i - 2); ok && n0 == i-1 && x.excluded(i-2, i-1, 0) {
			return true // "posts 542 and 543"
		}
	}
	if i > 1 && x.ws[i-1].IsUpper() && x.ws[i].IsDigit() && !strings.Contains(raw, ",") && !isPluralNoun(nw) {
		return true
	}
	if prev == "no." || prev == "number" || prev == "posts" || prev == "post" || prev == "route" || prev == "highway" || prev == "page" || prev == "section" || prev == "article" || prev == "chapter" {
		return true
	}
	if x.ws[i].IsDigit() && strings.HasPrefix(x.gapAfter(i), "-") && i+1 < len(x.ws) && unitWords[x.lw[i+1]] {
		return true // "10-day", "24-hour"
	}
	return false
}

func isRange(s string) bool {
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return false
	}
	_, _, ok1 := kglex.Digits(a)
	_, _, ok2 := kglex.Digits(b)
	return ok1 && ok2
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// count builds a count for the number at word i (value v) ending before
// word next; it returns the index after the count, or i when none.
func (x *extractor) count(i int, v int64, lower bool, next int) int {
	if x.excluded(i, next, v) {
		return i
	}
	if v == 1 && x.word(next) == "of" {
		return i // "one of the things"
	}
	c := doc.Count{}
	start := i
	qual, qs := x.qualifierBefore(i)
	if qual != "" {
		start = qs
	}
	var min, max *int64
	// ranges: "30,000 to 200,000", "between 30 and 40", "30-40"
	if a, b, ok := strings.Cut(x.ws[i].Text, "-"); ok && isRange(x.ws[i].Text) {
		ma, _, _ := kglex.Digits(a)
		mb, _, _ := kglex.Digits(b)
		lo, hi := ma/1000, mb/1000
		min, max = &lo, &hi
	} else if conj := x.word(next); (conj == "to" || conj == "and" && (x.word(i-1) == "between" || x.word(start-1) == "between") || conj == "or") && next+1 < len(x.lw) {
		if v2, _, n2, ok2 := x.number(next + 1); ok2 && v2 > v && !x.excluded(next+1, n2, v2) {
			lo, hi := v, v2
			min, max = &lo, &hi
			next = n2
			if x.word(i-1) == "from" || x.word(i-1) == "between" {
				start = minInt(start, i-1)
				if qual == "" {
					start = i
				}
			}
		}
	}
	end := next - 1
	// the counted noun: up to three words after the number
	head := -1
	for k := next; k < len(x.lw) && k < next+4; k++ {
		if k > next && x.gapAfter(k-1) != " " {
			break
		}
		l := x.lw[k]
		if eventWords[l] != "" && (l == "dead" || l == "deaths" || l == "fatalities" || l == "casualties" || l == "injuries" || l == "wounded" || l == "injured" || l == "killed" || l == "missing" || l == "arrests" || l == "hostages") {
			head = k
			break
		}
		if isPluralNoun(l) && !unitWords[l] && !currencyWords[l] {
			head = k
			// compound: "asylum seekers", "hard drives"
			break
		}
		if skipAdj[l] || x.ws[k].IsUpper() || strings.HasSuffix(l, "-") || k == next && (l == "more" || l == "other") {
			continue
		}
		if v == 1 {
			break
		}
		// an adjective before the noun ("Afghan refugees", "unarmed civilians")
		if k+1 < len(x.lw) && isPluralNoun(x.lw[k+1]) {
			continue
		}
		break
	}
	what, who := "", ""
	nounWhat := false
	if head >= 0 {
		l := x.lw[head]
		end = head
		if cat := eventWords[l]; cat != "" {
			what = cat
			if head > next {
				who = x.phrase(next, head)
			}
		}
		if what == "" {
			who = x.phrase(next, head+1)
			if g := groupNouns[l]; g != "" {
				what = g
			} else {
				what = canonicalWhat(x.nounPhrase(next, head))
			}
			nounWhat = true
			// a governing event word after: "130 people were killed"
			for k := head + 1; k < len(x.lw) && k <= head+4; k++ {
				if cat := eventWords[x.lw[k]]; cat != "" {
					what = cat
					end = k
					break
				}
				if !beWords[x.lw[k]] && !strings.HasSuffix(x.lw[k], "ly") {
					break
				}
			}
		}
	}
	// a governing verb before: "killed 130 people", "the loss of all 224"
	if cat, at := x.eventBefore(start); cat != "" && (what == "" || nounWhat) {
		what = cat
		start = at // the span takes in the governing word: "saved 200"
		if who == "" && head >= 0 {
			who = x.phrase(next, head+1)
		}
	}
	if what == "" && head < 0 && start > 0 && isPluralNoun(x.lw[start-1]) && !unitWords[x.lw[start-1]] && (qual == "over" || qual == "more than" || qual == "nearly" || qual == "almost" || qual == "about" || qual == "around" || qual == "some") {
		// "outstanding asylum claims over 150,000"
		what = x.nounPhrase(maxInt(0, start-2), start-1)
	}
	if p := x.word(start - 1); what == "" && head < 0 && (p == "from" || p == "between" || p == "at" || p == "to" || p == "reached" || p == "totaled" || p == "totalled" || p == "numbered" || p == "of") {
		// no noun after: "Estimates of ISIS militants range from 30,000 to 200,000"
		for k := start - 1; k >= 0 && k >= start-8; k-- {
			if g := groupNouns[x.lw[k]]; g != "" && g != "people" {
				what = g
				if k > 0 && x.ws[k-1].IsUpper() {
					who = x.ws[k-1].Text
				} else {
					who = x.ws[k].Text
				}
				break
			}
		}
	}
	if what == "" {
		return i
	}
	if v == 0 && min == nil {
		return i
	}
	c.Span = doc.Span{Start: x.ws[start].Start, End: x.ws[end].End}
	c.Text = x.d.Text[c.Start:c.End]
	c.What, c.Who = what, who
	if min != nil {
		c.Min, c.Max = min, max
	} else if lower {
		vv := v
		c.Min = &vv
		if qual == "" {
			q := x.lw[i]
			qual = q
		}
	} else {
		vv := v
		c.Number = &vv
	}
	if qual != "" {
		q := qual
		c.Qualifier = &q
	}
	x.d.Counts = append(x.d.Counts, c)
	if end+1 > next {
		return end + 1
	}
	return next
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// eventBefore looks just before a count for a governing event word
// ("killed", "rescued", "the loss of all", "death toll to").
func (x *extractor) eventBefore(start int) (string, int) {
	k := start - 1
	for k >= 0 && (x.lw[k] == "all" || x.lw[k] == "the" || x.lw[k] == "another" || x.lw[k] == "least" || x.lw[k] == "at" || x.lw[k] == "some") {
		k--
	}
	if k < 0 {
		return "", start
	}
	l := x.lw[k]
	if l == "of" && k > 0 && (x.lw[k-1] == "loss" || x.lw[k-1] == "deaths" || x.lw[k-1] == "lives") {
		return "killed", k - 1
	}
	if (l == "to" || l == "at" || l == "of") && k > 0 && x.lw[k-1] == "toll" {
		return "killed", k - 1
	}
	if l == "toll" {
		return "killed", k
	}
	if cat := eventWords[l]; cat != "" && l != "dead" && l != "missing" && l != "lives" && l != "hostage" {
		return cat, k
	}
	return "", start
}

// notModifier are words that are not part of a counted compound noun.
var notModifier = map[string]bool{
	"on": true, "in": true, "at": true, "for": true, "to": true, "by": true, "with": true, "from": true,
	"and": true, "or": true, "but": true, "major": true, "minor": true, "new": true, "old": true, "few": true,
	"many": true, "several": true, "main": true, "top": true, "key": true, "big": true, "small": true,
	"large": true, "great": true, "different": true, "separate": true, "such": true, "what": true, "which": true,
	"were": true, "was": true, "are": true, "is": true, "be": true, "been": true, "have": true, "had": true,
}

func (x *extractor) phrase(a, b int) string {
	if a >= b || b > len(x.ws) {
		return ""
	}
	return x.d.Text[x.ws[a].Start:x.ws[b-1].End]
}

// nounPhrase is the counted noun with a lower-case modifier noun before it
// ("asylum seekers", "hard drives"), lower-cased; capitalized modifiers
// ("Afghan refugees") are left to Who.
// canonicalWhat names a counted noun phrase by its usual category where
// news writes it several ways: "asylee hopefuls", "asylum applicants" ->
// "asylum seekers"; "asylum applications" -> "asylum claims".
func canonicalWhat(np string) string {
	if !strings.Contains(np, "asylum") && !strings.Contains(np, "asylee") {
		return np
	}
	switch np[strings.LastIndexByte(np, ' ')+1:] {
	case "seekers", "hopefuls", "applicants", "asylees":
		return "asylum seekers"
	case "claims", "applications", "cases", "requests":
		return "asylum claims"
	}
	return np
}

func (x *extractor) nounPhrase(next, head int) string {
	a := head
	if m := x.word(head - 1); head-1 >= next && !x.ws[head-1].IsUpper() && !skipAdj[m] && !notModifier[m] && !strings.HasSuffix(m, "est") && x.gapAfter(head-1) == " " {
		a = head - 1
	}
	return strings.ToLower(x.phrase(a, head+1))
}
