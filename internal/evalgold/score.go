package evalgold

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// Tally is hits over a total for one scored figure.
type Tally struct{ Hit, Total int }

func (t Tally) Value() float64 {
	if t.Total == 0 {
		return 0
	}
	return float64(t.Hit) / float64(t.Total)
}

// Scores maps a figure name (e.g. "events.recall") to its tally. Figures
// whose section is absent from the gold are absent; figures whose section
// is present but not produced by the pipeline score 0.
type Scores map[string]Tally

// Add accumulates o into s (micro-averaging across documents).
func (s Scores) Add(o Scores) {
	for k, v := range o {
		t := s[k]
		t.Hit += v.Hit
		t.Total += v.Total
		s[k] = t
	}
}

// Metrics turns the scores into metrics of the named set, sorted by name.
func (s Scores) Metrics(set string) []metric.Metric {
	names := make([]string, 0, len(s))
	for k := range s {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]metric.Metric, 0, len(names))
	for _, n := range names {
		t := s[n]
		m := metric.Metric{Set: set, Name: n, Value: t.Value(), N: t.Total}
		if n == "events.must_not_errors" || strings.HasPrefix(n, "events.per_sentence") {
			m.Value = float64(t.Hit)
			if n != "events.must_not_errors" && t.Total > 0 {
				m.Value = float64(t.Hit) / float64(t.Total)
			}
		}
		out = append(out, m)
	}
	return out
}

// Score compares one extracted document with its gold annotation.
func Score(g *Gold, d *doc.Document) Scores {
	s := Scores{}
	if g.Title != nil {
		s["title"] = boolTally(fold(*g.Title) == fold(d.Title))
	}
	if len(g.Boilerplate) > 0 {
		s["boilerplate.removed"] = scoreBoilerplate(g.Boilerplate, d.Text)
	}
	scoreEntities(s, g, d)
	scorePlaces(s, g, d)
	if len(g.Dates) > 0 {
		s["dates.exact"] = scoreDates(g.Dates, d)
	}
	scoreQuotes(s, g, d)
	if len(g.Counts) > 0 {
		s["counts.found"] = scoreCounts(g.Counts, d.Counts)
	}
	scoreEvents(s, g, d)
	if len(g.Flags) > 0 {
		s["flags.recall"] = scoreFlags(g.Flags, d)
	}
	return s
}

func boolTally(ok bool) Tally {
	if ok {
		return Tally{1, 1}
	}
	return Tally{0, 1}
}

// fold lowercases nothing but folds runs of whitespace and trims.
func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// scoreBoilerplate counts residue strings absent from the cleaned text, where
// "present" means a line of the text equal to the residue after trimming. A
// residue string occurring k times in gold must occur fewer than k times.
func scoreBoilerplate(bp []string, text string) Tally {
	lines := map[string]int{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.TrimSpace(l)]++
	}
	var t Tally
	seen := map[string]int{}
	for _, b := range bp {
		t.Total++
		seen[b]++
		if lines[strings.TrimSpace(b)] < seen[b] {
			t.Hit++
		}
	}
	return t
}

func typeEq(gold string, got doc.EntityType) bool {
	switch gold {
	case "LOC":
		return got == doc.LOC || got == doc.GPE || got == doc.FAC
	case "ORG":
		return got == doc.ORG || got == doc.NORP
	}
	return string(got) == gold
}

func scoreEntities(s Scores, g *Gold, d *doc.Document) {
	if len(g.Entities) == 0 {
		return
	}
	var found, typed, actorT Tally
	for _, ge := range g.Entities {
		found.Total++
		names := append([]string{ge.Text}, ge.Aliases...)
		var hits []doc.Mention
		for _, m := range d.Entities {
			for _, n := range names {
				if m.Span.In(d.Text) == n || m.Text == n {
					hits = append(hits, m)
					break
				}
			}
		}
		if ge.Actor != "" {
			actorT.Total++
		}
		if len(hits) == 0 {
			continue
		}
		found.Hit++
		typed.Total++
		for _, m := range hits {
			if typeEq(ge.Type, m.Type) {
				typed.Hit++
				break
			}
		}
		if ge.Actor != "" {
			for _, m := range hits {
				if m.Actor != "" && strings.HasPrefix(string(m.Actor), ge.Actor) {
					actorT.Hit++
					break
				}
			}
		}
	}
	s["entities.recall"] = found
	s["entities.type_accuracy"] = typed
	if actorT.Total > 0 {
		s["entities.actor_accuracy"] = actorT
	}
}

func scorePlaces(s Scores, g *Gold, d *doc.Document) {
	if len(g.Places) == 0 {
		return
	}
	var found, country, coords Tally
	for _, gp := range g.Places {
		found.Total++
		country.Total++
		if gp.Lat != nil && gp.Lon != nil {
			coords.Total++
		}
		var best *doc.Place
		for i := range d.Places {
			p := &d.Places[i]
			if p.Text == gp.Text || p.Span.In(d.Text) == gp.Text || strings.TrimPrefix(p.Text, "the ") == gp.Text {
				if best == nil || (p.Country == gp.Country && best.Country != gp.Country) {
					best = p
				}
			}
		}
		if best == nil {
			continue
		}
		found.Hit++
		if strings.EqualFold(best.Country, gp.Country) {
			country.Hit++
		}
		if gp.Lat != nil && gp.Lon != nil && (best.Lat != 0 || best.Lon != 0) &&
			Haversine(*gp.Lat, *gp.Lon, best.Lat, best.Lon) <= 161 {
			coords.Hit++
		}
	}
	s["places.found"] = found
	s["places.country"] = country
	if coords.Total > 0 {
		s["places.within_161km"] = coords
	}
}

// Haversine is the great-circle distance in km.
func Haversine(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

// scoreDates: each gold expression needs a predicted date with that exact
// text (or, failing that, overlapping one of its occurrences) and that value.
func scoreDates(gd []GoldDate, d *doc.Document) Tally {
	var t Tally
	for _, g := range gd {
		t.Total++
		ok := false
		for _, p := range d.Dates {
			if p.Span.In(d.Text) == g.Text || p.Text == g.Text {
				ok = p.Value == g.Value
				if ok {
					break
				}
			}
		}
		if !ok {
			for _, off := range occurrences(d.Text, g.Text) {
				sp := doc.Span{Start: off, End: off + len(g.Text)}
				for _, p := range d.Dates {
					if p.Span.Overlaps(sp) && p.Value == g.Value {
						ok = true
					}
				}
			}
		}
		if ok {
			t.Hit++
		}
	}
	return t
}

func occurrences(text, sub string) []int {
	if sub == "" {
		return nil
	}
	var out []int
	for i := 0; ; {
		j := strings.Index(text[i:], sub)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + len(sub)
	}
}

func isQuoteMark(r rune) bool {
	return strings.ContainsRune("\"'“”‘’«»„", r)
}

func scoreQuotes(s Scores, g *Gold, d *doc.Document) {
	if len(g.Quotes) == 0 {
		return
	}
	var found, speaker Tally
	for _, gq := range g.Quotes {
		found.Total++
		var q *doc.Quote
		for _, off := range occurrences(d.Text, gq.Starts) {
			for i := range d.Quotes {
				p := &d.Quotes[i]
				lead := strings.TrimLeftFunc(d.Text[min(p.Start, off):off], func(r rune) bool { return isQuoteMark(r) || unicode.IsSpace(r) })
				if p.Start <= off && off < p.End && lead == "" {
					q = p
				}
			}
		}
		if q == nil {
			continue
		}
		found.Hit++
		speaker.Total++
		if speakerOK(gq, q, d) {
			speaker.Hit++
		}
	}
	s["quotes.found"] = found
	s["quotes.speaker"] = speaker
}

func speakerOK(gq GoldQuote, q *doc.Quote, d *doc.Document) bool {
	if gq.Speaker == nil {
		if q.Speaker != nil && q.Speaker.Entity != "" {
			return false
		}
		for _, f := range d.Flags {
			if (f.Kind == doc.FlagUnattributedQuote || f.Kind == doc.FlagDanglingReference) &&
				(f.Span.Overlaps(q.Span) || (q.Speaker != nil && f.Span.Overlaps(q.Speaker.Span))) {
				return true
			}
		}
		return false
	}
	if q.Speaker == nil {
		return false
	}
	names := append([]string{*gq.Speaker}, gq.SpeakerAliases...)
	for _, cand := range []string{q.Speaker.Entity, q.Speaker.Text} {
		if cand == "" {
			continue
		}
		for _, n := range names {
			if strings.Contains(n, cand) || strings.Contains(cand, n) {
				return true
			}
		}
	}
	return false
}

func scoreCounts(gc []GoldCount, pc []doc.Count) Tally {
	var t Tally
	used := make([]bool, len(pc))
	for _, g := range gc {
		t.Total++
		for i, p := range pc {
			if used[i] || !strings.EqualFold(p.What, g.What) {
				continue
			}
			if eqPtr(g.Number, p.Number) && g.Number != nil || (g.Number == nil && eqPtr(g.Min, p.Min) && eqPtr(g.Max, p.Max)) {
				used[i] = true
				t.Hit++
				break
			}
		}
	}
	return t
}

func eqPtr(a, b *int64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func hasPrefixAny(code string, prefixes []string) bool {
	if len(prefixes) == 0 {
		return true
	}
	for _, p := range prefixes {
		if strings.HasPrefix(code, p) {
			return true
		}
	}
	return false
}

func actorCode(p *doc.Participant) string {
	if p == nil {
		return ""
	}
	return string(p.Actor)
}

// sentenceOf finds the sentence index where gold's sentence_starts occurs.
func sentenceOf(d *doc.Document, starts string) []int {
	var out []int
	for _, off := range occurrences(d.Text, starts) {
		if i := d.SentenceAt(off); i >= 0 {
			out = append(out, i)
		}
	}
	return out
}

func eventSentence(d *doc.Document, e *doc.Event) int {
	if e.Sentence >= 0 && e.Sentence < len(d.Sentences) && d.Sentences[e.Sentence].Span.Contains(e.Trigger) {
		return e.Sentence
	}
	if i := d.SentenceAt(e.Trigger.Start); i >= 0 && e.Trigger.End > 0 {
		return i
	}
	return e.Sentence
}

func matches(g GoldEvent, e *doc.Event, d *doc.Document, sents []int) bool {
	in := false
	es := eventSentence(d, e)
	for _, i := range sents {
		if i == es {
			in = true
		}
	}
	if !in {
		return false
	}
	src, tgt := actorCode(e.Source), actorCode(e.Target)
	if len(g.Source) > 0 && src == "" || len(g.Target) > 0 && tgt == "" {
		return false
	}
	if !hasPrefixAny(src, g.Source) || !hasPrefixAny(tgt, g.Target) {
		return false
	}
	if !hasPrefixAny(string(e.Code), g.Root) {
		return false
	}
	if g.Place != "" {
		if e.Place == nil || !(strings.Contains(e.Place.Text, g.Place) || strings.Contains(e.Place.Name, g.Place)) {
			return false
		}
	}
	return true
}

// distinctEvents counts d's events with a mutual act coded in both
// directions (same sentence, trigger and code, source and target swapped:
// "X and Y met") counted once, as the gold lists it once ("either listed
// pairing").
func distinctEvents(d *doc.Document) int {
	type key struct {
		trigger  doc.Span
		code     string
		src, tgt string
	}
	seen := map[key]bool{}
	n := 0
	for i := range d.Events {
		e := &d.Events[i]
		src, tgt := actorCode(e.Source), actorCode(e.Target)
		if seen[key{e.Trigger, string(e.Code), tgt, src}] && src != tgt {
			continue
		}
		seen[key{e.Trigger, string(e.Code), src, tgt}] = true
		n++
	}
	return n
}

func plainAsserted(e *doc.Event) bool {
	return !e.Negated && (e.Modality == "" || e.Modality == doc.Asserted || e.Modality == doc.Reported)
}

func scoreEvents(s Scores, g *Gold, d *doc.Document) {
	if len(g.Events) == 0 && len(g.MustNot) == 0 {
		return
	}
	var recall, precision, dateT, placeT, killedT, mustNot Tally
	sentOf := map[string][]int{}
	for _, ge := range append(append([]GoldEvent{}, g.Events...), g.MustNot...) {
		if _, ok := sentOf[ge.SentenceStarts]; !ok {
			sentOf[ge.SentenceStarts] = sentenceOf(d, ge.SentenceStarts)
		}
	}
	for _, ge := range g.Events {
		var hit *doc.Event
		for i := range d.Events {
			e := &d.Events[i]
			if !e.Negated && matches(ge, e, d, sentOf[ge.SentenceStarts]) {
				hit = e
				break
			}
		}
		if ge.Must {
			recall.Total++
			if hit != nil {
				recall.Hit++
			}
		}
		if hit == nil {
			continue
		}
		if len(ge.Date) > 0 {
			dateT.Total++
			for _, v := range ge.Date {
				if hit.Date == v {
					dateT.Hit++
					break
				}
			}
		}
		if ge.Place != "" {
			placeT.Total++
			placeT.Hit++ // matches() already required the place
		}
		if ge.Killed != nil {
			killedT.Total++
			if hit.Killed != nil && *hit.Killed == *ge.Killed {
				killedT.Hit++
			}
		}
	}
	coded := map[int]bool{}
	for i := range d.Events {
		e := &d.Events[i]
		coded[eventSentence(d, e)] = true
		listed := false
		for _, ge := range g.Events {
			if matches(ge, e, d, sentOf[ge.SentenceStarts]) {
				listed = true
				break
			}
		}
		for _, mn := range g.MustNot {
			if !matches(mn, e, d, sentOf[mn.SentenceStarts]) {
				continue
			}
			if mn.Negated != nil && !*mn.Negated && !plainAsserted(e) {
				listed = true // correctly marked negated/modal: not an error, not noise
				continue
			}
			mustNot.Hit++
		}
		precision.Total++
		if listed {
			precision.Hit++
		}
	}
	mustNot.Total = len(g.MustNot)
	s["events.recall"] = recall
	s["events.precision"] = precision
	s["events.must_not_errors"] = mustNot
	s["events.per_sentence"] = Tally{Hit: distinctEvents(d), Total: len(coded)}
	if len(g.Events) > 0 {
		// the same figure for the gold itself: what a perfect coder
		// would emit per coded sentence on this article
		gs := map[string]bool{}
		for _, ge := range g.Events {
			gs[ge.SentenceStarts] = true
		}
		s["events.per_sentence_gold"] = Tally{Hit: len(g.Events), Total: len(gs)}
	}
	if dateT.Total > 0 {
		s["events.date"] = dateT
	}
	if placeT.Total > 0 {
		s["events.place"] = placeT
	}
	if killedT.Total > 0 {
		s["events.killed"] = killedT
	}
}

func scoreFlags(gf []GoldFlag, d *doc.Document) Tally {
	var t Tally
	for _, g := range gf {
		want := 1
		if g.Count > 0 {
			want = g.Count
		}
		t.Total += want
		got := 0
		for _, f := range d.Flags {
			if string(f.Kind) != g.Kind {
				continue
			}
			if g.Starts != "" {
				ok := false
				for _, off := range occurrences(d.Text, g.Starts) {
					if f.Span.Overlaps(doc.Span{Start: off, End: off + len(g.Starts)}) {
						ok = true
					}
				}
				if !ok {
					continue
				}
			}
			got++
		}
		t.Hit += min(got, want)
	}
	return t
}
