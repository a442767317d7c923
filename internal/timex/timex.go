// Package timex finds time expressions in a document and normalizes them
// against its publication date.
//
// Extract fills d.Dates with explicit dates ("Nov. 13, 2015", "2015-11-24",
// "31 October 2015", "September 2021", "in 2014", "the 1990s"), relative
// ones resolved against d.PubDate ("Tuesday morning", "yesterday", "last
// month", "nine months ago", "next year"), and durations ("for 12 years":
// empty Value, Duration "P12Y").
//
// Resolution rules (documented choices):
//   - A weekday or a month-day without a year resolves to the most recent
//     such day not after the publication date, unless the clause around it is
//     in the future tense (will, shall, 'll, going to, scheduled/set/expected
//     to, next, upcoming), then to the first one on or after it. "last
//     Tuesday" is strictly before, "next Tuesday" strictly after.
//   - A bare month ("in March") likewise resolves to the most recent (or,
//     future tense, the next) such month, precision month.
//   - Weeks ("last week", "this week", "two weeks ago") have precision
//     "week" and the value of that week's Monday (ISO weeks). Weekends
//     ("this weekend", "last weekend") have precision "weekend" and the value
//     of that weekend's Saturday; "this weekend" is the latest one (the
//     coming one in a future clause, when the weekend is not under way).
//   - "N units ago" has the value pubdate minus N units at the unit's
//     precision and also carries Duration.
//   - Explicit dates with a year are kept as written even when after the
//     publication date; integrity flags those in past-tense clauses (Tense).
//
// Without a valid PubDate only expressions that carry their own year are
// normalized; the others are kept with an empty Value and Anchor "none".
package timex

import (
	"fmt"
	"strconv"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
)

// Precision values.
const (
	Day    = "day"
	Week   = "week"
	Month  = "month"
	Year   = "year"
	Decade = "decade"
	// Weekend: the value is that weekend's Saturday.
	Weekend = "weekend"
)

// Extract appends the time expressions of d to d.Dates.
func Extract(d *doc.Document) {
	var pub time.Time
	havePub := false
	if d.PubDate != "" {
		t, err := time.Parse("2006-01-02", d.PubDate)
		if err != nil {
			d.Errors = append(d.Errors, doc.Error{Origin: d.Origin, Stage: "timex", Message: fmt.Sprintf("pubdate %q: %v", d.PubDate, err)})
		} else {
			pub, havePub = t, true
		}
	}
	x := extractor{d: d, pub: pub, havePub: havePub}
	for _, sp := range kglex.Sentences(d) {
		x.ws = kglex.Words(x.ws[:0], d.Text, sp)
		x.lw = x.lw[:0]
		for _, w := range x.ws {
			x.lw = append(x.lw, kglex.Lower(w.Text))
		}
		x.sentence(sp)
	}
}

type extractor struct {
	d       *doc.Document
	pub     time.Time
	havePub bool
	ws      []kglex.Word
	lw      []string
}

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
	"september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
	"oct": 10, "nov": 11, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true, "overnight": true}

var monthPreps = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "early": true, "late": true, "mid": true,
	"of": true, "last": true, "next": true, "this": true, "by": true, "from": true, "through": true,
	"during": true, "before": true, "after": true, "between": true, "and": true, "to": true, "or": true,
}

var yearPreps = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "from": true, "through": true,
	"during": true, "before": true, "after": true, "early": true, "late": true, "mid": true, "of": true,
	"between": true, "around": true, "circa": true, "throughout": true,
}

var units = map[string]byte{
	"day": 'D', "days": 'D', "week": 'W', "weeks": 'W', "month": 'M', "months": 'M', "year": 'Y',
	"years": 'Y', "decade": 'X', "decades": 'X', "hour": 'H', "hours": 'H', "minute": 'm', "minutes": 'm',
}

func (x *extractor) sentence(sp doc.Span) {
	for i := 0; i < len(x.ws); {
		if n := x.at(sp, i); n > 0 {
			i += n
			continue
		}
		i++
	}
}

// gapOK reports whether the text between words i and i+1 is only spaces,
// with at most one comma or period (", " ". ").
func (x *extractor) gapOK(i int) bool {
	if i+1 >= len(x.ws) {
		return false
	}
	a, b := x.ws[i].End, x.ws[i+1].Start
	if b-a > 3 {
		return false
	}
	punct := 0
	for k := a; k < b; k++ {
		switch x.d.Text[k] {
		case ' ':
		case ',', '.':
			punct++
		default:
			return false
		}
	}
	return punct <= 1 && b > a
}

func (x *extractor) spaceOnly(i int) bool {
	if i+1 >= len(x.ws) {
		return false
	}
	a, b := x.ws[i].End, x.ws[i+1].Start
	return b-a == 1 && x.d.Text[a] == ' '
}

func (x *extractor) word(i int) string {
	if i < 0 || i >= len(x.lw) {
		return ""
	}
	return x.lw[i]
}

func (x *extractor) emit(i, j int, value, precision, anchor, dur string) int {
	sp := doc.Span{Start: x.ws[i].Start, End: x.ws[j-1].End}
	x.d.Dates = append(x.d.Dates, doc.TimeExpr{Span: sp, Text: x.d.Text[sp.Start:sp.End], Value: value, Precision: precision, Anchor: anchor, Duration: dur})
	return j - i
}

func yearOf(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1000 || y > 2199 {
		return 0, false
	}
	return y, true
}

func dayOf(lower string) (int, bool) {
	d, ok := kglex.Ordinal(lower)
	if !ok || d < 1 || d > 31 || len(lower) > 4 {
		return 0, false
	}
	return d, true
}

func fmtDay(t time.Time) string { return t.Format("2006-01-02") }

func validDay(y int, m time.Month, d int) bool {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d && t.Month() == m
}

// at tries every pattern at word i and returns how many words it consumed.
func (x *extractor) at(sp doc.Span, i int) int {
	w := x.lw[i]
	// ISO 2015-11-24, and US 11/24/2015
	if n := x.numericDate(i); n > 0 {
		return n
	}
	if wd, ok := weekdays[w]; ok && x.ws[i].IsUpper() {
		return x.weekday(sp, i, wd)
	}
	if m, ok := months[w]; ok && x.ws[i].IsUpper() {
		if n := x.monthLed(sp, i, i, m); n > 0 {
			return n
		}
		return 0
	}
	if d, ok := dayOf(w); ok && x.ws[i].IsDigit() && i+1 < len(x.lw) {
		// 31 October 2015, 13th of November
		j := i + 1
		if x.word(j) == "of" {
			j++
		}
		if m, ok := months[x.word(j)]; ok && x.ws[j].IsUpper() && (x.spaceOnly(i) || j == i+2) {
			if y, ok := yearOf(x.word(j + 1)); ok && x.gapOK(j) {
				if validDay(y, m, d) {
					return x.emit(i, j+2, fmt.Sprintf("%04d-%02d-%02d", y, m, d), Day, "explicit", "")
				}
				return 0
			}
			return x.monthDayNoYear(sp, i, j+1, m, d)
		}
	}
	if y, ok := yearOf(w); ok && x.ws[i].IsDigit() {
		p := x.word(i - 1)
		if yearPreps[p] || (p == "and" || p == "or" || p == "to") && x.prevIsYear(i-2) || i == 0 && len(x.ws) == 1 {
			return x.emit(i, i+1, fmt.Sprintf("%04d", y), Year, "explicit", "")
		}
		return 0
	}
	if len(w) == 5 && w[4] == 's' {
		if y, ok := yearOf(w[:4]); ok && y%10 == 0 {
			return x.emit(i, i+1, fmt.Sprintf("%03d", y/10), Decade, "explicit", "")
		}
	}
	if (w == "today" || w == "tomorrow" || w == "yesterday") && i > 0 && x.ws[i].IsUpper() && x.ws[i-1].IsUpper() {
		return 0 // "USA Today", "Russia Today"
	}
	switch w {
	case "today", "tonight":
		return x.relDay(i, i+1+x.part(i+1), 0)
	case "yesterday":
		return x.relDay(i, i+1+x.part(i+1), -1)
	case "tomorrow":
		return x.relDay(i, i+1+x.part(i+1), 1)
	case "last", "next", "this", "past":
		return x.lastNext(sp, i)
	}
	if n := x.ago(i); n > 0 {
		return n
	}
	return 0
}

func (x *extractor) prevIsYear(i int) bool {
	_, ok := yearOf(x.word(i))
	return ok
}

func (x *extractor) part(j int) int {
	if dayParts[x.word(j)] && x.spaceOnly(j-1) {
		return 1
	}
	return 0
}

func (x *extractor) numericDate(i int) int {
	s := x.ws[i].Text
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, e1 := strconv.Atoi(s[:4])
		m, e2 := strconv.Atoi(s[5:7])
		d, e3 := strconv.Atoi(s[8:])
		if e1 == nil && e2 == nil && e3 == nil && m >= 1 && m <= 12 && validDay(y, time.Month(m), d) {
			return x.emit(i, i+1, s, Day, "explicit", "")
		}
		return 0
	}
	if len(s) >= 8 && len(s) <= 10 && s[0] >= '0' && s[0] <= '9' {
		var a, b, c int
		if n, err := fmt.Sscanf(s, "%d/%d/%d", &a, &b, &c); err == nil && n == 3 && c >= 1000 && a >= 1 && a <= 12 && validDay(c, time.Month(a), b) {
			return x.emit(i, i+1, fmt.Sprintf("%04d-%02d-%02d", c, a, b), Day, "explicit", "")
		}
	}
	return 0
}

// monthLed handles Month [Day] [Year] starting at word j (start is where the
// emitted span begins, e.g. at a leading weekday).
func (x *extractor) monthLed(sp doc.Span, start, j int, m time.Month) int {
	abbr := len(x.lw[j]) <= 4 && x.lw[j] != "may" && x.lw[j] != "june" && x.lw[j] != "july"
	if d, ok := dayOf(x.word(j + 1)); ok && x.ws[j+1].IsDigit() && (x.spaceOnly(j) || abbr && x.gapOK(j)) {
		if y, ok := yearOf(x.word(j + 2)); ok && x.gapOK(j+1) {
			if !validDay(y, m, d) {
				return 0
			}
			return x.emit(start, j+3, fmt.Sprintf("%04d-%02d-%02d", y, m, d), Day, "explicit", "")
		}
		return x.monthDayNoYear(sp, start, j+2, m, d)
	}
	if y, ok := yearOf(x.word(j + 1)); ok && (x.spaceOnly(j) || x.gapOK(j)) && x.ws[j+1].IsDigit() {
		return x.emit(start, j+3-1, fmt.Sprintf("%04d-%02d", y, m), Month, "explicit", "")
	}
	if start != j {
		return 0
	}
	// bare month: needs a preposition before ("in March", "since May")
	p := x.word(j - 1)
	if !monthPreps[p] {
		return 0
	}
	if x.lw[j] == "may" && (p == "and" || p == "or" || p == "to") {
		return 0
	}
	if p == "last" || p == "next" || p == "this" {
		return 0 // handled by lastNext
	}
	if !x.havePub {
		return x.emit(j, j+1, "", Month, "none", "")
	}
	t := x.pub
	y := t.Year()
	if x.future(sp, j) {
		if m < t.Month() {
			y++
		}
	} else if m > t.Month() {
		y--
	}
	return x.emit(j, j+1, fmt.Sprintf("%04d-%02d", y, m), Month, "pubdate", "")
}

func (x *extractor) monthDayNoYear(sp doc.Span, start, end int, m time.Month, d int) int {
	if !x.havePub {
		return x.emit(start, end, "", Day, "none", "")
	}
	y := x.pub.Year()
	fut := x.future(sp, start)
	cand := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if fut && cand.Before(x.pub) {
		y++
	} else if !fut && cand.After(x.pub) {
		y--
	}
	if !validDay(y, m, d) {
		return 0
	}
	return x.emit(start, end, fmt.Sprintf("%04d-%02d-%02d", y, m, d), Day, "pubdate", "")
}

func (x *extractor) weekday(sp doc.Span, i int, wd time.Weekday) int {
	// Weekday, Month Day[, Year]  (dateline)
	if j := i + 1; j < len(x.ws) && x.gapOK(i) {
		if m, ok := months[x.lw[j]]; ok && x.ws[j].IsUpper() {
			if n := x.monthLed(sp, i, j, m); n > 0 {
				return n
			}
		}
		if d, ok := dayOf(x.lw[j]); ok && x.ws[j].IsDigit() {
			if m, ok := months[x.word(j+1)]; ok && x.spaceOnly(j) {
				if y, ok := yearOf(x.word(j + 2)); ok && x.gapOK(j+1) && validDay(y, m, d) {
					return x.emit(i, j+3, fmt.Sprintf("%04d-%02d-%02d", y, m, d), Day, "explicit", "")
				}
			}
		}
	}
	end := i + 1 + x.part(i+1)
	mode := 0 // 0 tense, -1 strictly past, +1 strictly future
	start := i
	switch x.word(i - 1) {
	case "last", "past":
		mode, start = -1, i-1
	case "next", "coming":
		mode, start = 1, i-1
	case "this":
		start = i - 1
	}
	if !x.havePub {
		return x.emit(start, end, "", Day, "none", "") - (i - start)
	}
	fut := mode == 1 || mode == 0 && x.future(sp, i)
	diff := int(wd) - int(x.pub.Weekday())
	var t time.Time
	if fut {
		if diff < 0 || diff == 0 && mode == 1 {
			diff += 7
		}
		t = x.pub.AddDate(0, 0, diff)
	} else {
		if diff > 0 || diff == 0 && mode == -1 {
			diff -= 7
		}
		t = x.pub.AddDate(0, 0, diff)
	}
	x.emit(start, end, fmtDay(t), Day, "pubdate", "")
	return end - i
}

func (x *extractor) relDay(i, end, delta int) int {
	if !x.havePub {
		return x.emit(i, end, "", Day, "none", "")
	}
	if x.lw[i] == "today" && x.word(i+1) == "'s" {
		return 0
	}
	return x.emit(i, end, fmtDay(x.pub.AddDate(0, 0, delta)), Day, "pubdate", "")
}

func monday(t time.Time) time.Time {
	wd := int(t.Weekday())
	if wd == 0 {
		wd = 7
	}
	return t.AddDate(0, 0, 1-wd)
}

// lastNext handles last/next/this/past + week|month|year|weekend|night|morning|Month.
func (x *extractor) lastNext(sp doc.Span, i int) int {
	w := x.lw[i]
	j := i + 1
	if j >= len(x.lw) || !x.spaceOnly(i) {
		return 0
	}
	delta := map[string]int{"last": -1, "past": -1, "next": 1, "this": 0}[w]
	u := x.lw[j]
	if _, ok := weekdays[u]; ok && x.ws[j].IsUpper() {
		return 0 // the weekday pattern takes "last Tuesday" itself at j
	}
	if !x.havePub {
		switch u {
		case "week", "month", "year", "night", "morning", "afternoon", "evening", "weekend":
			return x.emit(i, j+1, "", "", "none", "")
		}
		return 0
	}
	p := x.pub
	switch u {
	case "week":
		if w == "past" {
			return 0
		}
		t := monday(p).AddDate(0, 0, 7*delta)
		return x.emit(i, j+1, fmtDay(t), Week, "pubdate", "")
	case "weekend":
		// the Saturday of that weekend: "this weekend" is the latest one
		// (the coming one in a future clause), "last"/"past" the one
		// before, "next" the one after the coming one
		back := (int(p.Weekday()) - int(time.Saturday) + 7) % 7
		sat := p.AddDate(0, 0, -back)
		switch {
		case w == "next":
			sat = sat.AddDate(0, 0, 14)
		case w == "this" && x.future(sp, i) && back > 1:
			sat = sat.AddDate(0, 0, 7)
		case (w == "last" || w == "past") && back <= 1:
			sat = sat.AddDate(0, 0, -7)
		}
		return x.emit(i, j+1, fmtDay(sat), Weekend, "pubdate", "")
	case "month":
		if w == "past" {
			return 0
		}
		t := time.Date(p.Year(), p.Month()+time.Month(delta), 1, 0, 0, 0, 0, time.UTC)
		return x.emit(i, j+1, t.Format("2006-01"), Month, "pubdate", "")
	case "year":
		if w == "past" {
			return 0
		}
		return x.emit(i, j+1, strconv.Itoa(p.Year()+delta), Year, "pubdate", "")
	case "night":
		if w == "last" {
			return x.emit(i, j+1, fmtDay(p.AddDate(0, 0, -1)), Day, "pubdate", "")
		}
		if w == "this" {
			return x.emit(i, j+1, fmtDay(p), Day, "pubdate", "")
		}
	case "morning", "afternoon", "evening":
		if w == "this" {
			return x.emit(i, j+1, fmtDay(p), Day, "pubdate", "")
		}
	}
	if m, ok := months[u]; ok && x.ws[j].IsUpper() && len(u) > 3 {
		y := p.Year()
		switch w {
		case "last", "past":
			if m >= p.Month() {
				y--
			}
		case "next":
			if m <= p.Month() {
				y++
			}
		case "this":
			if !x.future(sp, i) && m > p.Month() {
				y--
			}
		}
		return x.emit(i, j+1, fmt.Sprintf("%04d-%02d", y, m), Month, "pubdate", "")
	}
	return 0
}

// ago handles "N units ago" and durations "N units" / "for N units".
func (x *extractor) ago(i int) int {
	w := x.lw[i]
	var n int64
	ok := false
	if w == "a" || w == "an" || w == "one" {
		n, ok = 1, true
	} else if v, isW := kglex.NumberWord(w); isW {
		n, ok = v, true
	} else if milli, frac, isD := kglex.Digits(w); isD && !frac && milli/1000 < 10000 {
		n, ok = milli/1000, true
	}
	if !ok || i+1 >= len(x.lw) || !x.spaceOnly(i) {
		return 0
	}
	u, isUnit := units[x.lw[i+1]]
	if !isUnit {
		return 0
	}
	next := x.word(i + 2)
	if next == "old" || next == "older" || next == "younger" || next == "later" || next == "earlier" && w == "a" {
		return 0
	}
	if x.word(i-1) == "the" && (w == "a" || w == "one") {
		return 0
	}
	dur := durationOf(n, u)
	if next == "ago" && x.spaceOnly(i+1) {
		if !x.havePub {
			return x.emit(i, i+3, "", "", "none", dur)
		}
		p := x.pub
		k := int(n)
		switch u {
		case 'D':
			return x.emit(i, i+3, fmtDay(p.AddDate(0, 0, -k)), Day, "pubdate", dur)
		case 'W':
			return x.emit(i, i+3, fmtDay(monday(p.AddDate(0, 0, -7*k))), Week, "pubdate", dur)
		case 'M':
			t := time.Date(p.Year(), p.Month()-time.Month(k), 1, 0, 0, 0, 0, time.UTC)
			return x.emit(i, i+3, t.Format("2006-01"), Month, "pubdate", dur)
		case 'Y':
			return x.emit(i, i+3, strconv.Itoa(p.Year()-k), Year, "pubdate", dur)
		case 'X':
			return x.emit(i, i+3, strconv.Itoa(p.Year()-10*k), Year, "pubdate", dur)
		default:
			return x.emit(i, i+3, fmtDay(p), Day, "pubdate", dur)
		}
	}
	if w == "a" || w == "an" {
		return 0 // "a year" alone is too vague to be a duration we report
	}
	if u == 'H' || u == 'm' {
		return 0
	}
	return x.emit(i, i+2, "", "", "", dur)
}

func durationOf(n int64, u byte) string {
	switch u {
	case 'X':
		return "P" + strconv.FormatInt(10*n, 10) + "Y"
	case 'H':
		return "PT" + strconv.FormatInt(n, 10) + "H"
	case 'm':
		return "PT" + strconv.FormatInt(n, 10) + "M"
	}
	return "P" + strconv.FormatInt(n, 10) + string(u)
}
