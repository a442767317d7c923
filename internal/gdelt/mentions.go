package gdelt

import (
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// MentionColumns are the 16 GDELT 2.0 Mentions columns in file order.
var MentionColumns = strings.Fields(`GlobalEventID EventTimeDate MentionTimeDate MentionType
MentionSourceName MentionIdentifier SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset
InRawText Confidence MentionDocLen MentionDocTone MentionDocTranslationInfo Extras`)

// MentionWriter writes one Mentions row per coded event of each document.
type MentionWriter struct{ lineWriter }

// NewMentionWriter writes GDELT 2.0 Mentions rows to w.
func NewMentionWriter(w io.Writer, opt Options) *MentionWriter {
	return &MentionWriter{newLineWriter(w, opt)}
}

// Write appends the mention rows of d's events.
func (mw *MentionWriter) Write(d *doc.Document) error {
	added := mw.opt.added()
	tone := 0.0
	if d.Tone != nil {
		tone = d.Tone.Score
	}
	docLen := int64(runeOffset(d.Text, len(d.Text)))
	for i := range d.Events {
		e := &d.Events[i]
		if e.Negated || e.Code == "" {
			continue
		}
		var r row
		r.addInt(EventID(d.ID, i))
		r.add(added)
		r.add(added)
		r.add("1") // web
		r.add(d.Source)
		r.add(d.URL)
		r.addInt(int64(e.Sentence + 1))
		r.addInt(partOffset(d.Text, e.Source))
		r.addInt(partOffset(d.Text, e.Target))
		r.addInt(int64(runeOffset(d.Text, e.Trigger.Start)))
		r.add("1")
		r.addInt(int64(min(100, max(0, int(e.Confidence*100+0.5)))))
		r.addInt(docLen)
		r.addFloat(tone, 6)
		r.add("")
		r.add("")
		mw.put(r.line())
	}
	return mw.err
}

func partOffset(text string, p *doc.Participant) int64 {
	if p == nil || p.End == 0 {
		return -1
	}
	return int64(runeOffset(text, p.Start))
}
