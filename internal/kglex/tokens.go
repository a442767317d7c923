package kglex

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// MentionsFromTokens builds entity mentions from the BIO NER tags of the
// tokens ("B-PER", "I-PER"), for documents that were tagged but not yet
// resolved. A short name takes as Entity the longest earlier mention of the
// same type ending with the same word ("Obama" → "Barack Obama"). It
// returns nil when no token carries an NER tag.
func MentionsFromTokens(d *doc.Document) []doc.Mention {
	var out []doc.Mention
	for si, s := range d.Sentences {
		var cur *doc.Mention
		flush := func() {
			if cur != nil {
				cur.Text = cur.Span.In(d.Text)
				out = append(out, *cur)
				cur = nil
			}
		}
		for _, t := range s.Tokens {
			tag := t.NER
			if tag == "" || tag == "O" {
				flush()
				continue
			}
			bio, typ, ok := strings.Cut(tag, "-")
			if !ok {
				flush()
				continue
			}
			et := doc.EntityType(typ)
			if bio == "B" || cur == nil || cur.Type != et {
				flush()
				cur = &doc.Mention{Span: t.Span, Type: et, Sentence: si, Resolved: "ner"}
				continue
			}
			cur.End = t.End
		}
		flush()
	}
	for i := range out {
		m := &out[i]
		m.Entity = m.Text
		last := m.Text
		if k := strings.LastIndexByte(last, ' '); k >= 0 {
			last = last[k+1:]
		}
		for k := i - 1; k >= 0; k-- {
			o := out[k]
			if o.Type == m.Type && len(o.Text) > len(m.Text) && strings.HasSuffix(o.Text, " "+last) {
				m.Entity = o.Entity
				break
			}
		}
	}
	return out
}
