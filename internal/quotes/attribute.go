package quotes

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
)

// gap reports whether the text between words a and b holds anything but
// spaces (punctuation or a quotation mark ends a noun phrase).
func (x *context) gap(ws []kglex.Word, a int) bool {
	s := x.d.Text[ws[a].End:ws[a+1].Start]
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' || s[i] == '\t' {
			continue
		}
		if s[i] == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0 { // no-break space
			i++
			continue
		}
		return true
	}
	return false
}

// attribute looks for a cue in text[from:to] (after=true: the frame follows
// the quote) and returns the speaker it introduces.
//
// A strict after-frame only takes a cue whose speaker phrase starts the
// frame ("”, Obama said", "” said KCNA", "” he then added").
func (x *context) attribute(from, to int, after, strict bool) (*doc.Speaker, *doc.Span, string) {
	ws := kglex.Words(x.ws[:0], x.d.Text, doc.Span{Start: from, End: to})
	x.ws = ws
	if len(ws) == 0 {
		return nil, nil, MethodNone
	}
	lw := make([]string, len(ws))
	for i, w := range ws {
		lw[i] = kglex.Lower(w.Text)
	}
	try := func(c int) (*doc.Speaker, *doc.Span, string) {
		if lw[c] == "according" {
			if np, ok := x.npAfter(ws, lw, c+1); ok {
				if sp := x.resolve(np, ws, lw); sp != nil {
					cue := doc.Span{Start: ws[c].Start, End: ws[c+1].End}
					return sp, &cue, MethodAccording
				}
			}
			return nil, nil, MethodNone
		}
		cue := doc.Span{Start: ws[c].Start, End: ws[c].End}
		participle := strings.HasSuffix(lw[c], "ing") && lw[c] != "quoting"
		if participle && c > 0 && !x.gap(ws, c-1) {
			// "with Boswell stating:"
			if np, ok := x.npBefore(ws, lw, c); ok {
				if sp := x.resolve(np, ws, lw); sp != nil && sp.Entity != "" {
					return sp, &cue, MethodCue
				}
			}
		}
		bb := c
		for bb > 0 && npSkipAdverbs[lw[bb-1]] && !x.gap(ws, bb-1) {
			bb--
		}
		if bb > 0 && !x.gap(ws, bb-1) && (lw[bb-1] == "and" || lw[bb-1] == "but" || lw[bb-1] == "or") || participle {
			// "X sponsored ... and said", "..., saying": the subject of the sentence
			if sp := x.subject(x.sents[x.sentIndex(ws[c].Start)].Start, ws[c].Start); sp != nil {
				return sp, &cue, MethodCue
			}
			return nil, nil, MethodNone
		}
		if np, ok := x.npBefore(ws, lw, c); ok && np.b-np.a == 1 && (lw[np.a] == "and" || lw[np.a] == "or") {
			// "X said ..., and told ...": the subject of the sentence
			if sp := x.subject(x.sents[x.sentIndex(ws[c].Start)].Start, ws[c].Start); sp != nil {
				return sp, &cue, MethodCue
			}
			return nil, nil, MethodNone
		}
		if np, ok := x.npBefore(ws, lw, c); ok {
			if sp := x.resolve(np, ws, lw); sp != nil {
				return sp, &cue, MethodCue
			}
		}
		if after || c+1 < len(ws) && x.gapAfterNP(ws, lw, c) {
			if np, ok := x.npAfter(ws, lw, c); ok {
				if sp := x.resolve(np, ws, lw); sp != nil {
					return sp, &cue, MethodCue
				}
			}
		}
		return nil, nil, MethodNone
	}
	isCue := func(c int) bool {
		switch lw[c] {
		case "according":
			return c+1 < len(lw) && lw[c+1] == "to"
		case "told", "called", "asked", "urged", "calling":
			return !(c+1 < len(lw) && (lw[c+1] == "to" || lw[c+1] == "for" || lw[c+1] == "on" || lw[c+1] == "off"))
		case "put":
			return c+1 < len(lw) && lw[c+1] == "it"
		case "reads", "states", "notes", "claims", "reports", "tweets", "adds":
			// nouns as often as verbs: a cue only right before the quote or
			// "that", or closing a short attribution after it ("”, he notes.")
			return !after && c == len(lw)-1 || c+1 < len(lw) && lw[c+1] == "that" ||
				after && c <= 3 && (c == len(lw)-1 || x.gap(ws, c))
		case "went":
			return c+1 < len(lw) && lw[c+1] == "on"
		case "fired":
			return c+1 < len(lw) && lw[c+1] == "back"
		}
		return cueSet[lw[c]]
	}
	if after {
		for c := 0; c < len(ws) && c < 16; c++ {
			if isCue(c) {
				if strict && c > 0 && !(c == 1 && npSkipAdverbs[lw[0]]) {
					if np, ok := x.npBefore(ws, lw, c); !ok || np.a != 0 {
						continue
					}
				}
				if sp, cue, m := try(c); sp != nil {
					return sp, cue, m
				}
			}
		}
		return nil, nil, MethodNone
	}
	for c := len(ws) - 1; c >= 0; c-- {
		if isCue(c) {
			if sp, cue, m := try(c); sp != nil {
				return sp, cue, m
			}
		}
	}
	return nil, nil, MethodNone
}

// gapAfterNP reports whether the words after the cue at c form a short noun
// phrase closed by punctuation (": said the minister:"), for before-frames.
func (x *context) gapAfterNP(ws []kglex.Word, lw []string, c int) bool {
	for k := c + 1; k < len(ws) && k <= c+10; k++ {
		if k+1 == len(ws) || x.gap(ws, k) {
			return true
		}
	}
	return false
}

// gapIs reports whether the text between words a and a+1, spaces aside, is p.
func (x *context) gapIs(ws []kglex.Word, a int, p string) bool {
	return strings.TrimSpace(x.d.Text[ws[a].End:ws[a+1].Start]) == p
}

type np struct{ a, b int } // word range [a, b)

func (x *context) npBefore(ws []kglex.Word, lw []string, c int) (np, bool) {
	return x.npEndingAt(ws, lw, c, true)
}

func (x *context) npEndingAt(ws []kglex.Word, lw []string, c int, appos bool) (np, bool) {
	b := c
	for appos && b > 0 && npSkipAdverbs[lw[b-1]] && !x.gap(ws, b-1) {
		b--
	}
	if appos && b > 0 && x.gapIs(ws, b-1, ")") {
		// "Rep. Gwen Moore (D-Wis.) said": skip the parenthesis
		for k := b - 1; k > 0 && b-k < 6; k-- {
			if strings.HasSuffix(strings.TrimRight(x.d.Text[ws[k-1].End:ws[k].Start], " "), "(") {
				b = k
				return x.npEndingAt(ws, lw, b, false)
			}
		}
	}
	if appos && b > 0 && (x.gapIs(ws, b-1, ",") || x.gapIs(ws, b-1, ".,")) {
		// "Jeff Rathke, the State Department spokesperson, said",
		// "Quina Jones, 25, said", "Mitch McConnell, R-Ky., said",
		// "Rucker Culpepper, who runs the effort, said"
		k := b - 1
		for k > 0 && b-k < 16 && (!x.gap(ws, k-1) || x.gapIs(ws, k-1, "'") || x.gapIs(ws, k-1, "’")) {
			k--
		}
		if k > 0 && k < b && (x.gapIs(ws, k-1, ",") || x.gapIs(ws, k-1, "),")) && appositive(ws, lw, k, b) {
			if x.gapIs(ws, k-1, "),") {
				// "Rep. Jim Jordan (R-Ohio), an oversight panel member, said"
				for j := k - 1; j > 0 && k-j < 6; j-- {
					if strings.HasSuffix(strings.TrimRight(x.d.Text[ws[j-1].End:ws[j].Start], " "), "(") {
						return x.npEndingAt(ws, lw, j, false)
					}
				}
				return np{}, false
			}
			return x.npEndingAt(ws, lw, k, false)
		}
		return np{}, false
	}
	if b == 0 || appos && x.gap(ws, b-1) {
		return np{}, false
	}
	a := b - 1
	for a > 0 && b-a < 9 && !x.gap(ws, a-1) {
		p := lw[a-1]
		if npStops[p] || cueSet[p] {
			break
		}
		if p == "and" && !(ws[a].IsUpper() && a >= 2 && ws[a-2].IsUpper()) {
			break
		}
		a--
	}
	if npStops[lw[a]] || npStops[lw[b-1]] || b-a == 1 && (ws[a].IsDigit() || dayWord(lw[a])) {
		return np{}, false
	}
	return np{a, b}, true
}

// shortAttribution reports whether a sentence is a bare attribution that
// belongs to the quote before it ("Vitter demanded.", "said Robert
// McAtee, a coal veteran."): a cue among its first five words and at most
// four words between the cue and the next punctuation, no "that".
func (x *context) shortAttribution(sent doc.Span) bool {
	ws := kglex.Words(nil, x.d.Text, sent)
	for c := 0; c < len(ws) && c < 5; c++ {
		l := kglex.Lower(ws[c].Text)
		if !cueSet[l] {
			continue
		}
		n := 0
		for k := c + 1; k < len(ws); k++ {
			if kglex.Lower(ws[k].Text) == "that" {
				return false
			}
			n++
			if x.gap(ws, k-1) && k > c+1 || k == len(ws)-1 {
				break
			}
		}
		return n <= 4 || c == 0
	}
	return false
}

func (x *context) npAfter(ws []kglex.Word, lw []string, c int) (np, bool) {
	a := c + 1
	if a >= len(ws) || (a > 0 && x.gap(ws, a-1) && !strings.HasPrefix(x.d.Text[ws[a-1].End:ws[a].Start], " ")) {
		return np{}, false
	}
	b := a
	for b < len(ws) && b-a < 10 {
		if b > a && x.gap(ws, b-1) {
			break
		}
		l := lw[b]
		if l != "of" && (npStops[l] || cueSet[l]) || l == "of" && !(b+1 < len(ws) && ws[b+1].IsUpper()) {
			break
		}
		if dayWord(l) {
			break
		}
		b++
	}
	if b == a {
		return np{}, false
	}
	return np{a, b}, true
}

func dayWord(l string) bool {
	switch l {
	case "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "tomorrow", "earlier", "last", "this", "later", "recently", "afterward", "afterwards":
		return true
	}
	return false
}

// resolve turns a noun phrase into a speaker.
func (x *context) resolve(p np, ws []kglex.Word, lw []string) *doc.Speaker {
	span := doc.Span{Start: ws[p.a].Start, End: ws[p.b-1].End}
	text := x.d.Text[span.Start:span.End]
	if p.b-p.a == 1 {
		if t, ok := pronouns[lw[p.a]]; ok {
			return x.pronoun(lw[p.a], t, span)
		}
	}
	// a named mention inside the phrase: the last person, else the first mention
	var best *doc.Mention
	for k := range x.ments {
		m := &x.ments[k]
		if m.Start >= span.End {
			break
		}
		if !span.Contains(m.Span) || !x.isHead(m.Span, span) {
			continue
		}
		// the first person that heads the phrase ("Matthew Ingram of The
		// Globe and Mail"), else the first other mention
		if m.Type == doc.PER && (best == nil || best.Type != doc.PER) {
			best = m
		} else if best == nil {
			best = m
		}
	}
	if best != nil {
		sp := speakerOf(*best)
		return &sp
	}
	// a role: "the U.S. president", "the former Florida governor"
	role, nation := "", ""
	for k := p.a; k < p.b; k++ {
		if kglex.IsRole(lw[k]) {
			role = lw[k]
		} else if c := kglex.Nationality(lw[k]); c != "" {
			nation = c
		} else if k+1 < p.b {
			if c := kglex.Nationality(lw[k] + " " + lw[k+1]); c != "" {
				nation = c
			}
		}
	}
	sp := &doc.Speaker{Span: span, Text: text}
	if role != "" {
		for k := len(x.people) - 1; k >= 0; k-- {
			h := x.people[k]
			if h.pos > span.Start || h.role != role || nation != "" && h.nation != nation {
				continue
			}
			sp.Entity, sp.Actor = h.sp.Entity, h.sp.Actor
			if sp.Entity == "" {
				sp.Entity = h.sp.Text
			}
			x.people = append(x.people, roleHolder{pos: span.Start, role: role, nation: h.nation, sp: h.sp})
			break
		}
		return sp
	}
	// a bare lower-case phrase must look like a noun phrase about people
	if !ws[p.a].IsUpper() && !determiner(lw[p.a]) && p.b-p.a > 3 {
		return nil
	}
	return sp
}

// appositive reports whether words [k, b) can be an appositive between a
// name and its cue verb.
func appositive(ws []kglex.Word, lw []string, k, b int) bool {
	switch {
	case b-k <= 2:
		return true // "25", "R-Ky"
	case determiner(lw[k]) || kglex.IsRole(lw[b-1]):
		return true
	case lw[k] == "who" || lw[k] == "which" || prepositions[lw[k]] || lw[k] == "in" || lw[k] == "speaking" || lw[k] == "writing":
		return true
	}
	return false
}

// isHead reports whether a mention inside a noun phrase is its head: it ends
// the phrase, or an "of"/"from"/"at" phrase or a comma follows it.
func (x *context) isHead(m, phrase doc.Span) bool {
	if m.End >= phrase.End {
		return true
	}
	rest := strings.TrimLeft(x.d.Text[m.End:phrase.End], " ")
	for _, p := range []string{"of ", "from ", "at ", ",", "(", "and "} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

func determiner(l string) bool {
	switch l {
	case "the", "a", "an", "one", "another", "some", "many", "several", "two", "three", "his", "her", "their", "its", "officials", "sources", "critics", "experts", "analysts", "witnesses", "residents", "police":
		return true
	}
	return false
}

// pronoun resolves he/she (persons) and it (organisations); others keep
// their text without an entity.
func (x *context) pronoun(l, typ string, span doc.Span) *doc.Speaker {
	sp := &doc.Speaker{Span: span, Text: x.d.Text[span.Start:span.End]}
	switch typ {
	case "PER":
		si := x.sentIndex(span.Start)
		// the latest speaker, when it spoke in this or the previous sentence
		if k := len(x.spoken) - 1; k >= 0 && x.spoken[k].Entity != "" && x.sentIndex(x.spoken[k].Start) >= si-1 && x.isPerson(x.spoken[k].Entity) {
			sp.Entity, sp.Actor = x.spoken[k].Entity, x.spoken[k].Actor
			return sp
		}
		// first person mention of the nearest sentence that has one
		for s := si; s >= 0 && s >= si-3; s-- {
			lo, hi := x.sents[s].Start, x.sents[s].End
			if s == si {
				hi = span.Start
			}
			if m := x.firstMention(lo, hi, doc.PER); m != nil {
				sp.Entity, sp.Actor = entityOf(*m), m.Actor
				return sp
			}
		}
		for k := len(x.spoken) - 1; k >= 0; k-- {
			if x.spoken[k].Entity != "" {
				sp.Entity, sp.Actor = x.spoken[k].Entity, x.spoken[k].Actor
				return sp
			}
		}
	case "ORG":
		for k := len(x.spoken) - 1; k >= 0 && k >= len(x.spoken)-3; k-- {
			if e := x.spoken[k].Entity; e != "" && !x.isPerson(e) && !isPronoun(x.spoken[k].Text) {
				sp.Entity, sp.Actor = e, x.spoken[k].Actor
				return sp
			}
		}
		var last *doc.Mention
		for k := range x.ments {
			m := &x.ments[k]
			if m.Start >= span.Start {
				break
			}
			if m.Type == doc.ORG || m.Type == doc.MISC && m.Resolved == "lexical" {
				last = m
			}
		}
		if last != nil {
			sp.Entity, sp.Actor = entityOf(*last), last.Actor
		}
	}
	return sp
}

func entityOf(m doc.Mention) string {
	if m.Entity != "" {
		return m.Entity
	}
	return m.Text
}

func (x *context) isPerson(entity string) bool {
	for _, m := range x.ments {
		if m.Type == doc.PER && entityOf(m) == entity {
			return true
		}
	}
	return false
}

func (x *context) firstMention(lo, hi int, t doc.EntityType) *doc.Mention {
	for k := range x.ments {
		m := &x.ments[k]
		if m.Start >= hi {
			break
		}
		if m.Start >= lo && m.Type == t {
			return m
		}
	}
	return nil
}

func (x *context) firstPerson(lo, hi int) *doc.Speaker {
	if m := x.firstMention(lo, hi, doc.PER); m != nil {
		sp := speakerOf(*m)
		sp.Entity = entityOf(*m)
		return &sp
	}
	return nil
}

// dash attributes a pull quote followed by "- Name" or "— Name".
func (x *context) dash(from, to int) *doc.Speaker {
	s := x.d.Text[from:to]
	t := strings.TrimLeft(s, " \u00a0")
	for _, p := range []string{"-", "—", "–", "―"} {
		if strings.HasPrefix(t, p) {
			off := from + len(s) - len(t) + len(p)
			for off < to && (x.d.Text[off] == ' ' || strings.HasPrefix(x.d.Text[off:], "\u00a0")) {
				if x.d.Text[off] == ' ' {
					off++
				} else {
					off += 2
				}
			}
			for k := range x.ments {
				m := &x.ments[k]
				if m.Start >= off && m.Start <= off+1 && m.End <= to {
					sp := speakerOf(*m)
					sp.Entity = entityOf(*m)
					return &sp
				}
			}
		}
	}
	return nil
}

// speechAct finds a speech verb with a single named speaker in a sentence.
func (x *context) speechAct(sent doc.Span) *doc.Speaker {
	ws := kglex.Words(nil, x.d.Text, sent)
	lw := make([]string, len(ws))
	for i, w := range ws {
		lw[i] = kglex.Lower(w.Text)
	}
	for c := range ws {
		if !cueSet[lw[c]] {
			continue
		}
		p, ok := x.npBefore(ws, lw, c)
		if !ok {
			continue
		}
		for k := p.a; k < p.b; k++ {
			if lw[k] == "and" || lw[k] == "both" {
				return nil
			}
		}
		if p.b-p.a == 1 {
			if t, ok := pronouns[lw[p.a]]; ok && t != "" {
				return x.pronoun(lw[p.a], t, doc.Span{Start: ws[p.a].Start, End: ws[p.a].End})
			}
		}
		sp := x.resolve(p, ws, lw)
		if sp != nil && sp.Entity != "" {
			return sp
		}
	}
	return nil
}

var prepositions = map[string]bool{
	"for": true, "about": true, "of": true, "with": true, "to": true, "against": true, "by": true,
	"on": true, "at": true, "among": true, "from": true, "like": true, "than": true, "toward": true,
	"towards": true, "over": true, "under": true, "between": true, "into": true, "behind": true,
}

// subject returns the first person mentioned in text[lo:hi] that is not the
// object of a preposition or a possessor: a cheap stand-in for the
// grammatical subject when no parse is available.
func (x *context) subject(lo, hi int) *doc.Speaker {
	var first *doc.Mention
	for k := range x.ments {
		m := &x.ments[k]
		if m.Start >= hi {
			break
		}
		if m.Start < lo || m.Type != doc.PER {
			continue
		}
		if first == nil {
			first = m
		}
		prev := x.wordBefore(m.Start)
		if prepositions[prev] || strings.HasPrefix(x.d.Text[m.End:], "'s") || strings.HasPrefix(x.d.Text[m.End:], "’s") {
			continue
		}
		sp := speakerOf(*m)
		sp.Entity = entityOf(*m)
		return &sp
	}
	if first != nil {
		sp := speakerOf(*first)
		sp.Entity = entityOf(*first)
		return &sp
	}
	// no person named: a sentence-initial pronoun ("He then defended the remark, saying, ...")
	ws := kglex.Words(nil, x.d.Text, doc.Span{Start: lo, End: hi})
	if len(ws) > 0 {
		l := kglex.Lower(ws[0].Text)
		if t, ok := pronouns[l]; ok && t != "" {
			return x.pronoun(l, t, ws[0].Span)
		}
	}
	return nil
}

// wordBefore returns the lower-cased word just before off, skipping title
// words ("President", "Mr.") that belong to the mention.
func (x *context) wordBefore(off int) string {
	lo := off - 40
	if lo < 0 {
		lo = 0
	}
	for lo > 0 && x.d.Text[lo]&0xC0 == 0x80 {
		lo--
	}
	ws := kglex.Words(nil, x.d.Text, doc.Span{Start: lo, End: off})
	for k := len(ws) - 1; k >= 0; k-- {
		l := kglex.Lower(ws[k].Text)
		if kglex.IsRole(l) || kglex.IsTitle(l) || kglex.Nationality(l) != "" || ws[k].IsUpper() && k == len(ws)-1 && kglex.IsRole(strings.TrimSuffix(l, ".")) {
			continue
		}
		return l
	}
	return ""
}

func isPronoun(s string) bool {
	_, ok := pronouns[kglex.Lower(s)]
	return ok
}
