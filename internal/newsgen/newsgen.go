// Package newsgen writes synthetic, news-like articles for load, fault and
// throughput tests of the distributed mode: short reports with varied
// actors, verbs, places, dates, quotes and casualty counts, deterministic
// for a seed. The texts are made up; they exercise every pipeline stage
// without any real article.
package newsgen

import (
	"fmt"
	"math/rand"
	"strings"
	"time"
)

// Article is one generated report.
type Article struct {
	Title   string
	Body    string
	URL     string
	Source  string
	PubDate string // YYYY-MM-DD
}

var (
	leaders = []struct{ name, role, country string }{
		{"Emmanuel Macron", "French President", "France"},
		{"Olaf Scholz", "German Chancellor", "Germany"},
		{"Joe Biden", "U.S. President", "the United States"},
		{"Vladimir Putin", "Russian President", "Russia"},
		{"Volodymyr Zelensky", "Ukrainian President", "Ukraine"},
		{"Xi Jinping", "Chinese President", "China"},
		{"Narendra Modi", "Indian Prime Minister", "India"},
		{"Recep Tayyip Erdogan", "Turkish President", "Turkey"},
		{"Benjamin Netanyahu", "Israeli Prime Minister", "Israel"},
		{"Cyril Ramaphosa", "South African President", "South Africa"},
		{"Luiz Inacio Lula da Silva", "Brazilian President", "Brazil"},
		{"Fumio Kishida", "Japanese Prime Minister", "Japan"},
		{"Antonio Guterres", "U.N. Secretary-General", "the United Nations"},
		{"Abiy Ahmed", "Ethiopian Prime Minister", "Ethiopia"},
		{"Shehbaz Sharif", "Pakistani Prime Minister", "Pakistan"},
	}
	groups = []string{"police", "rebels", "protesters", "the army", "security forces", "militants",
		"opposition lawmakers", "striking workers", "government troops", "local officials"}
	places = []struct{ city, country string }{
		{"Paris", "France"}, {"Berlin", "Germany"}, {"Kyiv", "Ukraine"}, {"Moscow", "Russia"},
		{"Beijing", "China"}, {"New Delhi", "India"}, {"Ankara", "Turkey"}, {"Jerusalem", "Israel"},
		{"Pretoria", "South Africa"}, {"Brasilia", "Brazil"}, {"Tokyo", "Japan"}, {"Geneva", "Switzerland"},
		{"Addis Ababa", "Ethiopia"}, {"Islamabad", "Pakistan"}, {"Nairobi", "Kenya"}, {"Cairo", "Egypt"},
		{"Baghdad", "Iraq"}, {"Lagos", "Nigeria"}, {"Manila", "Philippines"}, {"Caracas", "Venezuela"},
	}
	// diplomacy: leader VERB leader.
	diplomacy = []string{"met", "criticized", "praised", "accused", "telephoned", "thanked",
		"hosted", "condemned", "urged", "warned", "visited", "rejected an offer from"}
	topics = []string{"trade", "security", "climate policy", "energy supplies", "the ceasefire",
		"sanctions", "refugees", "debt relief", "nuclear talks", "border disputes"}
	violence = []string{"attacked", "clashed with", "fired on", "arrested", "detained", "shelled", "ambushed"}
	victims  = []string{"killed", "wounded", "injured", "arrested", "displaced"}
	cues     = []string{"said", "told reporters", "said in a statement", "wrote on social media", "added"}
	quotes   = []string{
		"We will not accept any violation of our sovereignty",
		"This is a day of hope for the whole region",
		"Our doors remain open to dialogue",
		"Those responsible will be held to account",
		"We have agreed to work together on the next steps",
		"The situation on the ground remains very difficult",
		"Nobody wants a return to war",
	}
	sites = []string{"dailyglobe.example", "worldwire.example", "newsroom.example", "herald.example",
		"capitalpost.example", "eveningtimes.example", "metrowire.example"}
	months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

// Generate returns article i of the series seed; the same (seed, i) always
// gives the same article and different i give different texts.
func Generate(seed int64, i int) Article {
	r := rand.New(rand.NewSource(seed*1_000_003 + int64(i)))
	pick := func(v []string) string { return v[r.Intn(len(v))] }
	a, b := leaders[r.Intn(len(leaders))], leaders[r.Intn(len(leaders))]
	for b.name == a.name {
		b = leaders[r.Intn(len(leaders))]
	}
	pl := places[r.Intn(len(places))]
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.Intn(365))
	pub := day.AddDate(0, 0, 1+r.Intn(2))
	topic := pick(topics)
	verb := pick(diplomacy)

	var s []string
	s = append(s, fmt.Sprintf("%s %s %s %s in %s on %s, officials said.",
		a.role, a.name, verb, b.name, pl.city, weekdays[int(day.Weekday()+6)%7]))
	topic2 := pick(topics)
	for topic2 == topic {
		topic2 = pick(topics)
	}
	s = append(s, fmt.Sprintf("The two leaders discussed %s and %s, according to a statement from %s's office.",
		topic, topic2, strings.Fields(a.name)[len(strings.Fields(a.name))-1]))
	s = append(s, fmt.Sprintf("\"%s,\" %s %s.", pick(quotes), strings.Fields(b.name)[len(strings.Fields(b.name))-1], pick(cues)))
	n := 2 + r.Intn(40)
	g1, g2 := pick(groups), pick(groups)
	for g2 == g1 {
		g2 = pick(groups)
	}
	s = append(s, fmt.Sprintf("Separately, %s %s %s near %s on %s %d, and at least %d people were %s.",
		g1, pick(violence), g2, places[r.Intn(len(places))].city, months[day.Month()-1], day.Day(), n, pick(victims)))
	if r.Intn(2) == 0 {
		s = append(s, fmt.Sprintf("%s did not immediately respond to a request for comment.", capital(b.country)))
	}
	if r.Intn(2) == 0 {
		s = append(s, fmt.Sprintf("%s has repeatedly called for talks on %s since %s %d.",
			capital(a.country), topic, months[r.Intn(12)], 2015+r.Intn(9)))
	}
	if r.Intn(3) == 0 {
		s = append(s, fmt.Sprintf("Last year, more than %d people fled the fighting in %s, the United Nations said.",
			1000*(1+r.Intn(90)), places[r.Intn(len(places))].country))
	}
	s = append(s, fmt.Sprintf("Report number %d of series %d.", i, seed))
	site := pick(sites)
	title := fmt.Sprintf("%s %s %s in %s", strings.Fields(a.name)[len(strings.Fields(a.name))-1], verb,
		strings.Fields(b.name)[len(strings.Fields(b.name))-1], pl.city)
	return Article{
		Title:   title,
		Body:    strings.Join(s, " "),
		URL:     fmt.Sprintf("https://%s/%d/%05d", site, seed, i),
		Source:  site,
		PubDate: pub.Format("2006-01-02"),
	}
}

// capital upper-cases the first letter of s (for a sentence start).
func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// GenerateLong is article i of series seed made of parts reports (about
// 70 words each) under the first one's title: parts=6 gives the 400–500
// words of a typical wire story, for throughput measurements.
func GenerateLong(seed int64, i, parts int) Article {
	a := Generate(seed, i)
	bodies := []string{a.Body}
	for p := 1; p < parts; p++ {
		bodies = append(bodies, Generate(seed+int64(p)*7_777, i).Body)
	}
	a.Body = strings.Join(bodies, "\n\n")
	return a
}
