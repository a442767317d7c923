package integrity

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
	"github.com/eventwire/eventwire/internal/timex"
)

// site is a well-known building or venue and the city it stands in.
type site struct {
	words []string
	city  string
}

// sites are matched on lower-case words; the city is the comparison key.
var sites = []site{
	{[]string{"kremlin"}, "moscow"}, {[]string{"white", "house"}, "washington"}, {[]string{"oval", "office"}, "washington"},
	{[]string{"capitol"}, "washington"}, {[]string{"pentagon"}, "washington"}, {[]string{"camp", "david"}, "camp david"},
	{[]string{"elysee"}, "paris"}, {[]string{"élysée"}, "paris"}, {[]string{"downing", "street"}, "london"},
	{[]string{"buckingham", "palace"}, "london"}, {[]string{"westminster"}, "london"}, {[]string{"vatican"}, "rome"},
	{[]string{"zhongnanhai"}, "beijing"}, {[]string{"great", "hall", "of", "the", "people"}, "beijing"},
	{[]string{"blue", "house"}, "seoul"}, {[]string{"chancellery"}, "berlin"}, {[]string{"bundestag"}, "berlin"},
	{[]string{"knesset"}, "jerusalem"}, {[]string{"mar-a-lago"}, "palm beach"}, {[]string{"quirinale"}, "rome"},
	{[]string{"palazzo", "chigi"}, "rome"}, {[]string{"moncloa"}, "madrid"}, {[]string{"kantei"}, "tokyo"},
	{[]string{"rashtrapati", "bhavan"}, "new delhi"}, {[]string{"aso", "rock"}, "abuja"}, {[]string{"union", "buildings"}, "pretoria"},
}

var meetWords = map[string]bool{"met": true, "meet": true, "meets": true, "meeting": true, "talks": true, "summit": true, "hosted": true, "hosts": true, "sat": true, "sitting": true}

// meeting is one sentence that places participants at a meeting.
type meeting struct {
	sent    doc.Span
	people  []string // sorted entity keys
	place   string   // comparison key (city or name)
	label   string   // place as written
	pl      *doc.Place
	date    string // day value when the sentence has one
	backRef bool   // "the meeting", "the talks"
}

func meetings(d *doc.Document, sents []doc.Span) {
	var persons []doc.Mention
	loaded := false
	load := func() {
		if loaded {
			return
		}
		loaded = true
		persons = personMentions(d, sents)
	}
	var prev []meeting
	var ws []kglex.Word
	for _, s := range sents {
		ws = kglex.Words(ws[:0], d.Text, s)
		trig := -1
		for i, w := range ws {
			if trig < 0 && meetWords[kglex.Lower(w.Text)] {
				trig = i
			}
		}
		if trig < 0 {
			continue
		}
		load()
		prev = meetingAt(d, s, ws, persons, prev)
	}
}

func personMentions(d *doc.Document, sents []doc.Span) []doc.Mention {
	var persons []doc.Mention
	ents := d.Entities
	if len(ents) == 0 {
		ents = kglex.MentionsFromTokens(d)
	}
	if len(ents) > 0 {
		for _, m := range ents {
			if m.Type == doc.PER {
				persons = append(persons, m)
			}
		}
	} else {
		for _, n := range kglex.Names(d, sents) {
			if n.Person {
				persons = append(persons, doc.Mention{Span: n.Span, Text: n.Text, Type: doc.PER, Entity: n.Entity})
			}
		}
	}
	sort.SliceStable(persons, func(i, j int) bool { return persons[i].Start < persons[j].Start })
	return persons
}

// meetingAt reads one sentence with a meeting word, compares it with the
// earlier meeting sentences and returns them with this one appended.
func meetingAt(d *doc.Document, s doc.Span, ws []kglex.Word, persons []doc.Mention, prev []meeting) []meeting {
	{
		lw := make([]string, len(ws))
		trig := -1
		for i, w := range ws {
			lw[i] = kglex.Lower(w.Text)
			if trig < 0 && meetWords[lw[i]] && (lw[i] != "sat" && lw[i] != "sitting" || i+1 < len(ws) && kglex.Lower(ws[i+1].Text) == "down") {
				trig = i
			}
		}
		if trig < 0 {
			return prev
		}
		m := meeting{sent: s}
		var pw int
		m.place, m.label, m.pl, pw = placeAfter(d, s, ws, lw, trig)
		if m.place == "" {
			return prev
		}
		seen := map[string]bool{}
		for _, p := range persons {
			if s.Contains(p.Span) {
				k := p.Entity
				if k == "" {
					k = p.Text
				}
				if !seen[k] {
					seen[k] = true
					m.people = append(m.people, k)
				}
			}
		}
		if len(m.people) < 2 && pluralRef(lw) && len(prev) > 0 {
			m.people = append([]string(nil), prev[len(prev)-1].people...)
		}
		if len(m.people) < 2 {
			return prev
		}
		sort.Strings(m.people)
		// the meeting's date: a day date close to the meeting word or place
		lo := ws[maxInt(0, minInt(trig, pw)-4)].Start
		hi := ws[minInt(len(ws)-1, maxInt(trig, pw)+5)].End
		for _, t := range d.Dates {
			if s.Contains(t.Span) && t.Start >= lo && t.End <= hi && t.Precision == timex.Day && t.Value != "" {
				m.date = t.Value
				break
			}
		}
		for i := 0; i+1 < len(lw); i++ {
			if lw[i] == "the" && (lw[i+1] == "meeting" || lw[i+1] == "talks" || lw[i+1] == "summit") {
				m.backRef = true
			}
		}
		for _, p := range prev {
			if !samePeople(p.people, m.people) {
				continue
			}
			same := samePlace(p, m)
			switch {
			case !same && !(p.date != "" && m.date != "" && p.date != m.date):
				d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagContradiction, Span: m.sent, Message: fmt.Sprintf("%s placed at %s here but at %s earlier (%q)", strings.Join(m.people, " and "), m.label, p.label, clip(d.Text[p.sent.Start:p.sent.End]))})
			case same && m.backRef && p.date != "" && m.date != "" && p.date != m.date:
				d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagContradiction, Span: m.sent, Message: fmt.Sprintf("the meeting of %s at %s dated %s here but %s earlier", strings.Join(m.people, " and "), m.label, m.date, p.date)})
			default:
				continue
			}
			break
		}
		return append(prev, m)
	}
}

func pluralRef(lw []string) bool {
	for i, w := range lw {
		switch w {
		case "they", "both":
			return true
		case "two", "pair", "leaders", "men", "women", "presidents", "sides":
			if i > 0 && (lw[i-1] == "the" || lw[i-1] == "both") {
				return true
			}
		}
	}
	return false
}

func samePeople(a, b []string) bool {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
			}
		}
	}
	return n >= 2
}

func samePlace(a, b meeting) bool {
	if a.pl != nil && b.pl != nil && (a.pl.Lat != 0 || a.pl.Lon != 0) && (b.pl.Lat != 0 || b.pl.Lon != 0) {
		return a.pl.Country == b.pl.Country && km(a.pl.Lat, a.pl.Lon, b.pl.Lat, b.pl.Lon) <= 50
	}
	return a.place == b.place || strings.Contains(a.place, b.place) || strings.Contains(b.place, a.place)
}

func km(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	h := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// placeAfter finds the meeting place: the first place (d.Places, a known
// site, or a capitalized name after "at"/"in") within ten words after the
// meeting word, else the nearest one before it in the same sentence.
func placeAfter(d *doc.Document, s doc.Span, ws []kglex.Word, lw []string, trig int) (key, label string, pl *doc.Place, word int) {
	type cand struct {
		word       int
		key, label string
		pl         *doc.Place
	}
	var cs []cand
	for k := range d.Places {
		p := &d.Places[k]
		if !s.Contains(p.Span) {
			continue
		}
		wi := 0
		for wi < len(ws) && ws[wi].End <= p.Start {
			wi++
		}
		key := strings.ToLower(p.Name)
		if key == "" {
			key = strings.ToLower(p.Text)
		}
		cs = append(cs, cand{wi, key, p.Text, p})
	}
	if len(cs) == 0 {
		for i := range lw {
			for _, st := range sites {
				if i+len(st.words) > len(lw) {
					continue
				}
				ok := true
				for j, w := range st.words {
					if lw[i+j] != w {
						ok = false
						break
					}
				}
				if ok {
					e := ws[i+len(st.words)-1].End
					cs = append(cs, cand{i, st.city, d.Text[ws[i].Start:e], nil})
				}
			}
			if (lw[i] == "at" || lw[i] == "in") && i+1 < len(ws) {
				j := i + 1
				if lw[j] == "the" {
					j++
				}
				k := j
				for k < len(ws) && ws[k].IsUpper() && k-j < 4 {
					k++
				}
				if k > j && !isSite(lw[j:k]) && !isTimeWord(lw[j]) {
					cs = append(cs, cand{j, strings.ToLower(d.Text[ws[j].Start:ws[k-1].End]), d.Text[ws[j].Start:ws[k-1].End], nil})
				}
			}
		}
	}
	best := -1
	for i, c := range cs {
		if c.word > trig && c.word <= trig+10 && (best < 0 || c.word < cs[best].word) {
			best = i
		}
	}
	if best < 0 {
		for i, c := range cs {
			if c.word < trig && (best < 0 || c.word > cs[best].word) {
				best = i
			}
		}
	}
	if best < 0 {
		return "", "", nil, 0
	}
	return cs[best].key, cs[best].label, cs[best].pl, cs[best].word
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func isSite(lw []string) bool {
	for _, st := range sites {
		if len(st.words) <= len(lw) && lw[0] == st.words[0] {
			return true
		}
	}
	return false
}

func isTimeWord(w string) bool {
	switch w {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
		"march", "april", "may", "june", "july", "august", "september", "october", "november", "december":
		return true
	}
	return false
}
