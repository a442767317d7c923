package gdelt

import (
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// EventColumns are the 61 GDELT 2.0 Events columns in file order.
var EventColumns = strings.Fields(`GlobalEventID Day MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL`)

// EventWriter writes one Events row per coded, unnegated event.
// Negated events are not events in GDELT's sense and are left out.
type EventWriter struct{ lineWriter }

// NewEventWriter writes GDELT 2.0 Events rows to w.
func NewEventWriter(w io.Writer, opt Options) *EventWriter {
	return &EventWriter{newLineWriter(w, opt)}
}

// Write appends the rows of d's events.
func (ew *EventWriter) Write(d *doc.Document) error {
	added := ew.opt.added()
	tone := 0.0
	if d.Tone != nil {
		tone = d.Tone.Score
	}
	lead := leadSentences(d)
	for i := range d.Events {
		e := &d.Events[i]
		if e.Negated || e.Code == "" {
			continue
		}
		day, ok := eventDay(e, d)
		var r row
		r.addInt(EventID(d.ID, i))
		if ok {
			r.add(day.Format("20060102"))
			r.add(day.Format("200601"))
			r.add(day.Format("2006"))
			r.addFloat(float64(day.Year())+float64((int(day.Month())-1)*30+day.Day())/365, 4)
		} else {
			r.add("")
			r.add("")
			r.add("")
			r.add("")
		}
		actorFields(&r, e.Source)
		actorFields(&r, e.Target)
		if e.Sentence < lead {
			r.add("1")
		} else {
			r.add("0")
		}
		code := string(e.Code)
		r.add(code)
		r.add(code[:min(3, len(code))])
		r.add(string(e.Root))
		r.addInt(int64(e.QuadClass))
		r.addFloat(e.Goldstein, 1)
		n := max(e.Mentions, 1)
		r.addInt(int64(n))
		r.addInt(int64(max(e.Sources, 1)))
		r.addInt(int64(max(e.Articles, 1)))
		r.addFloat(tone, 6)
		geoFields(&r, actorPlace(d, e.Source, e.Place))
		geoFields(&r, actorPlace(d, e.Target, e.Place))
		geoFields(&r, e.Place)
		r.add(added)
		r.add(d.URL)
		ew.put(r.line())
	}
	return ew.err
}

// actorPlace is where an actor is placed: GDELT uses the location mentioned
// nearest the actor; we use the event's place when the actor is named in
// the same sentence, which is where eventwire found both.
func actorPlace(d *doc.Document, p *doc.Participant, place *doc.Place) *doc.Place {
	if p == nil || p.Actor == "" {
		return nil
	}
	return place
}

// leadSentences is the number of sentences in the title and first paragraph,
// GDELT's "root event" zone.
func leadSentences(d *doc.Document) int {
	paras := 0
	for i, s := range d.Sentences {
		if i > 0 && strings.Contains(d.Text[d.Sentences[i-1].End:s.Start], "\n\n") {
			paras++
			if paras == 2 {
				return i
			}
		}
	}
	return len(d.Sentences)
}
