// Package quotes finds quoted speech in a document and attributes it to a
// speaker.
//
// Extract scans d.Text for double-quoted stretches (curly or straight,
// partial quotes inside a sentence, quotes running over several sentences,
// a quote left open at a paragraph end) and single-quoted ones, drops titles
// of works and one-word scare quotes, and attributes each quote:
//
//   - "cue": a speech verb (said, told, added, warned, according to, ...) in
//     the quote's own sentence outside the quoted text, either side of the
//     quote; the speaker is the noun phrase before the verb, or after it in
//     inverted order ("said KCNA"). A pronoun resolves to the most recent
//     compatible entity (he/she → person, it → organisation); a role ("the
//     U.S. president") resolves to the most recent person seen with that
//     role (and nationality) in the document; a description without such an
//     antecedent ("the former Florida governor") is kept as the speaker's Text
//     without Entity.
//   - "subject": no cue, but the quote's sentence opens with a named person
//     (after at most a short adverbial and a comma) before the quote.
//   - "preceding": no cue, but an earlier quote in the same sentence, or the
//     previous sentence, had an attributed quote or a speech act by a single
//     named speaker. Across a paragraph break only when the previous quote
//     was left open (the continued-quote convention) or the previous sentence
//     ends with a colon or comma.
//   - "following": a quote left open at a paragraph end takes the speaker of
//     the quote that continues it.
//   - "dash": a pull quote followed by "— Name".
//   - "colon": no cue, the quote follows a colon ("Sunak defended the
//     record: ..."): the first person named in the sentence.
//   - otherwise Speaker is nil, Method "none", and an unattributed_quote flag
//     is added to d.Flags.
//
// A speaker that names no one identifiable (a description without
// antecedent such as "the former Florida governor", an anonymous "a
// source", an unresolved pronoun) keeps its Text, has no Entity, and gets a
// dangling_reference flag on its span (once per span, also when an earlier
// stage flagged it already).
//
// Entities (d.Entities) are used when present, else mentions built from the
// tokens' NER tags, else capitalized names spotted lexically (kglex.Names).
package quotes

import (
	"fmt"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
)

// Attribution methods.
const (
	MethodCue       = "cue"
	MethodAccording = "according_to"
	MethodPreceding = "preceding"
	MethodFollowing = "following"
	MethodDash      = "dash"
	MethodColon     = "colon"
	MethodSubject   = "subject"
	MethodNone      = "none"
)

var cueList = []string{
	"said", "says", "say", "saying", "told", "tells", "tell", "telling", "added", "adds", "adding",
	"charged", "reiterated", "reiterates", "stated", "stating", "insisted", "insists", "warned",
	"warns", "warning", "noted", "explained", "explains", "argued", "argues", "asked", "asks",
	"wrote", "writes", "writing", "continued", "continues", "declared", "declares", "announced",
	"claimed", "described", "describes", "characterized", "characterised", "called", "tweeted", "replied", "responded", "remarked", "urged", "stressed", "acknowledged",
	"admitted", "conceded", "recalled", "suggested", "predicted", "promised", "vowed", "confirmed",
	"denied", "emphasized", "emphasised", "observed", "quipped", "joked", "countered", "testified",
	"dubbed", "complained", "cautioned", "posted", "commented", "concluded", "asserted", "asserts",
	"boasted", "lamented", "mused", "shouted", "yelled", "screamed", "recounted", "pledged", "read",
	"wondered", "pleaded", "demanded", "acknowledges", "tweeting", "alleged", "alleges",
	"speculated", "predicts", "quoted", "quoting", "interjected", "retorted", "whispered", "explaining",
	"mocked", "dismissed", "lauded", "likened", "blasted", "slammed", "criticized", "criticised", "praised",
	"accused", "labeled", "labelled", "branded", "touted", "hailed", "decried", "derided", "termed",
	"dismissing", "calling", "describing", "threatened", "reported", "put", "demanded",
	"insisting", "arguing", "noting", "warning", "predicting", "complaining", "vowing", "promising",
	"questioned", "wondering", "answered", "recalls", "recalling", "echoed", "echoing", "advised",
	"maintained", "maintains", "pressed", "proclaimed", "applauded", "pledging", "went", "fired", "asking", "ruled", "sings", "sang", "testifying", "adding", "estimated", "acknowledging", "announcing", "declaring", "conceding",
}

var cueSet = func() map[string]bool {
	m := make(map[string]bool, len(cueList))
	for _, w := range cueList {
		m[w] = true
	}
	return m
}()

// IsCue reports whether lower is a speech-act verb form used as a quote cue.
func IsCue(lower string) bool { return cueSet[lower] }

var npSkipAdverbs = map[string]bool{
	"also": true, "later": true, "then": true, "previously": true, "again": true, "repeatedly": true,
	"recently": true, "has": true, "have": true, "had": true, "was": true, "once": true, "further": true,
	"has-": true, "then-": true, "earlier": true, "simply": true, "only": true, "just": true, "quickly": true,
	"flatly": true, "publicly": true, "privately": true, "reportedly": true, "would": true, "will": true,
	"is": true, "were": true, "are": true, "had-": true, "often": true, "finally": true, "famously": true,
	"angrily": true, "bluntly": true, "candidly": true, "frequently": true, "openly": true,
}

var npStops = map[string]bool{
	"that": true, "but": true, "when": true, "as": true, "because": true, "which": true, "who": true,
	"if": true, "while": true, "after": true, "before": true, "than": true, "so": true, "where": true,
	"what": true, "said": true, "says": true, "to": true, "in": true, "on": true, "at": true, "for": true,
	"with": true, "by": true, "from": true, "into": true, "about": true, "over": true, "against": true,
	"since": true, "during": true, "whom": true, "whose": true, "how": true, "why": true, "not": true,
	"never": true, "did": true, "does": true, "do": true, "this": true, "it's": true, "there": true,
	"though": true, "although": true, "even": true, "yet": true, "now": true, "whether": true,
}

var pronouns = map[string]string{
	"he": "PER", "she": "PER", "him": "PER", "her": "PER", "it": "ORG", "they": "", "i": "",
	"he's": "PER", "she's": "PER", "it's": "ORG", "he'd": "PER", "she'd": "PER", "he'll": "PER", "she'll": "PER",
	"we": "", "you": "", "his": "PER",
}

// Extract appends the quotes of d to d.Quotes, and an unattributed_quote
// flag for each quote without a speaker.
func Extract(d *doc.Document) {
	startQ := len(d.Quotes)
	marks := scan(d.Text)
	x := newContext(d)
	defer func() {
		x.unmarked()
		sort.SliceStable(d.Quotes[startQ:], func(i, j int) bool { return d.Quotes[startQ+i].Start < d.Quotes[startQ+j].Start })
	}()
	if len(marks) == 0 {
		return
	}
	var prevSpeaker *doc.Speaker
	prevSent := -2
	type pending struct{ q, mark int }
	var opens []pending
	prevOpen := false
	kept := marks[:0:0]
	for _, m := range marks {
		cs, ce := trimSpan(d.Text, m.openEnd, m.close)
		if ce > cs && keep(d.Text, m, d.Text[cs:ce]) {
			kept = append(kept, m)
		}
	}
	marks = kept
	for mi, m := range marks {
		cs, ce := trimSpan(d.Text, m.openEnd, m.close)
		content := d.Text[cs:ce]
		q := doc.Quote{Span: doc.Span{Start: cs, End: ce}, Text: content}
		si := x.sentIndex(m.open)
		ei := x.sentIndex(maxInt(m.closeEnd-1, m.open))
		if si < 0 {
			si = 0
		}
		if ei < si {
			ei = si
		}
		// frames: the quote's sentences outside this and neighbouring quotes
		bStart := x.sents[si].Start
		if mi > 0 && marks[mi-1].closeEnd > bStart && marks[mi-1].closeEnd <= m.open {
			bStart = marks[mi-1].closeEnd
		}
		aEnd := x.sents[ei].End
		if mi+1 < len(marks) && marks[mi+1].open < aEnd && marks[mi+1].open >= m.closeEnd {
			aEnd = marks[mi+1].open
		}
		var sp *doc.Speaker
		var cue *doc.Span
		method := MethodNone
		cutByNext := aEnd < x.sents[ei].End
		if !cutByNext && ei+1 < len(x.sents) && m.closeEnd <= x.sents[ei].End && x.sents[ei].End <= x.sents[ei+1].Start && onlySpace(d.Text[m.closeEnd:x.sents[ei].End]) && onlySpace(d.Text[x.sents[ei].End:x.sents[ei+1].Start]) && x.shortAttribution(x.sents[ei+1]) {
			// "“…?” Vitter demanded." split after the closing mark: the
			// attribution is in the next sentence
			aEnd = x.sents[ei+1].End
			if mi+1 < len(marks) && marks[mi+1].open < aEnd {
				aEnd = marks[mi+1].open
			}
		}
		if m.closeEnd <= aEnd && !cutByNext {
			sp, cue, method = x.attribute(m.closeEnd, aEnd, true, true)
		}
		if sp == nil && bStart < m.open {
			sp, cue, method = x.attribute(bStart, m.open, false, false)
		}
		if sp == nil && m.closeEnd <= aEnd {
			sp, cue, method = x.attribute(m.closeEnd, aEnd, true, false)
		}
		if sp == nil && bStart < m.open && strings.HasSuffix(strings.TrimSpace(d.Text[bStart:m.open]), ":") {
			// "Sunak defended the record: \"...\"": the subject of the sentence
			if s := x.subject(x.sents[si].Start, m.open); s != nil {
				sp, method = s, MethodColon
			}
		}
		if sp == nil && m.closeEnd <= aEnd {
			// "… a long game." - Matthew Ingram: the segmenter may have cut
			// the attribution into a sentence of its own; look to the
			// end of the line
			end := aEnd
			if nl := strings.IndexByte(d.Text[m.closeEnd:], '\n'); nl < 0 {
				end = max(end, len(d.Text))
			} else {
				end = max(end, m.closeEnd+nl)
			}
			if s := x.dash(m.closeEnd, end); s != nil {
				sp, method = s, MethodDash
			}
		}
		if sp == nil && bStart < m.open && x.sents[si].Start < m.open {
			// no speech verb, but the sentence opens with a named person
			// who does something with the quoted words ("Rubio bemoaned a
			// climate in which people “literally hate each other”")
			if s := x.openingPerson(x.sents[si].Start, m.open); s != nil {
				sp, method = s, MethodSubject
			}
		}
		if sp == nil && prevSpeaker != nil && prevSent == si {
			// an earlier quote of the same sentence
			c := *prevSpeaker
			sp, method = &c, MethodPreceding
		}
		if sp == nil && (si == 0 || !x.newParagraph(si) || prevOpen || x.introduces(si-1) || x.opensParagraph(m.open) && prevSpeaker != nil && prevSent == si-1) {
			if prevSpeaker != nil && (prevSent == si || prevSent == si-1) {
				c := *prevSpeaker
				sp, method = &c, MethodPreceding
			} else if si > 0 {
				if s := x.speechAct(x.sents[si-1]); s != nil {
					sp, method = s, MethodPreceding
				}
			}
		}
		q.Speaker, q.Cue, q.Method = sp, cue, method
		if sp != nil {
			prevSpeaker = sp
			prevSent = ei
			x.noteSpeaker(sp)
		} else if prevSent < si-1 {
			prevSpeaker = nil
		}
		d.Quotes = append(d.Quotes, q)
		prevOpen = !m.closed
		if !m.closed {
			opens = append(opens, pending{len(d.Quotes) - 1, mi})
		}
	}
	// a quote left open at a paragraph end continues in the next quote
	for k := len(opens) - 1; k >= 0; k-- {
		qi := opens[k].q
		if d.Quotes[qi].Speaker != nil || qi+1 >= len(d.Quotes) || d.Quotes[qi+1].Speaker == nil {
			continue
		}
		c := *d.Quotes[qi+1].Speaker
		d.Quotes[qi].Speaker, d.Quotes[qi].Method = &c, MethodFollowing
	}
	flagged := map[doc.Span]bool{}
	for _, f := range d.Flags {
		if f.Kind == doc.FlagDanglingReference {
			flagged[f.Span] = true
		}
	}
	for _, q := range d.Quotes[startQ:] {
		switch {
		case q.Speaker == nil:
			d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagUnattributedQuote, Span: q.Span, Message: "quote without a stated speaker: " + abbrev(q.Text)})
		case q.Speaker.Entity == "" && !flagged[q.Speaker.Span]:
			// "the former Florida governor", "a source", an unresolved "they"
			flagged[q.Speaker.Span] = true
			d.Flags = append(d.Flags, doc.Flag{Kind: doc.FlagDanglingReference, Span: q.Speaker.Span, Message: fmt.Sprintf("quote speaker %q names no one identifiable in the document", q.Speaker.Text)})
		}
	}
}

func abbrev(s string) string {
	if len(s) <= 60 {
		return s
	}
	cut := 60
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func trimSpan(text string, a, b int) (int, int) {
	for a < b && (text[a] == ' ' || text[a] == '\n' || text[a] == '\t') {
		a++
	}
	for b > a && (text[b-1] == ' ' || text[b-1] == '\n' || text[b-1] == '\t') {
		b--
	}
	return a, b
}

var minorWords = map[string]bool{"of": true, "the": true, "a": true, "an": true, "and": true, "in": true, "on": true, "for": true, "to": true, "at": true, "&": true, "vs.": true}

// keep drops one-word quotes and titles of works (every word capitalized,
// no sentence punctuation, at most six words).
func keep(text string, m mark, content string) bool {
	ws := kglex.Words(nil, content, doc.Span{Start: 0, End: len(content)})
	if len(ws) < 2 {
		return false
	}
	if m.single && len(ws) < 3 {
		return false
	}
	if len(ws) <= 6 && !strings.ContainsAny(strings.TrimRight(content, ".!?,;: "), ".!?,;:") {
		allCap := true
		for _, w := range ws {
			if !w.IsUpper() && !w.IsDigit() && !minorWords[kglex.Lower(w.Text)] {
				allCap = false
				break
			}
		}
		if allCap {
			return false
		}
	}
	return true
}

// context holds per-document lookups shared by the attribution steps.
type context struct {
	d      *doc.Document
	sents  []doc.Span
	ments  []doc.Mention // entities or lexical names, sorted by Start
	people []roleHolder  // persons with a role seen in the text
	spoken []doc.Speaker // speakers found so far, in order
	ws     []kglex.Word
}

type roleHolder struct {
	pos    int
	role   string
	nation string
	sp     doc.Speaker
}

func newContext(d *doc.Document) *context {
	x := &context{d: d, sents: kglex.Sentences(d)}
	if len(x.sents) == 0 {
		x.sents = []doc.Span{{Start: 0, End: len(d.Text)}}
	}
	ents := d.Entities
	if len(ents) == 0 {
		ents = kglex.MentionsFromTokens(d) // tagged but not yet resolved
	}
	if len(ents) > 0 {
		x.ments = append(x.ments, ents...)
		sort.SliceStable(x.ments, func(i, j int) bool { return x.ments[i].Start < x.ments[j].Start })
		for _, m := range x.ments {
			if m.Type != doc.PER {
				continue
			}
			role, nat := x.roleBefore(m.Start)
			if role != "" {
				x.people = append(x.people, roleHolder{pos: m.Start, role: role, nation: nat, sp: speakerOf(m)})
			}
		}
	} else {
		for _, n := range kglex.Names(d, x.sents) {
			t := doc.MISC
			if n.Person {
				t = doc.PER
			}
			m := doc.Mention{Span: n.Span, Text: n.Text, Type: t, Entity: n.Entity, Resolved: "lexical"}
			x.ments = append(x.ments, m)
			if n.Role != "" && n.Person {
				x.people = append(x.people, roleHolder{pos: n.Start, role: n.Role, nation: n.Nation, sp: speakerOf(m)})
			}
		}
	}
	sort.SliceStable(x.people, func(i, j int) bool { return x.people[i].pos < x.people[j].pos })
	x.prepassRoles()
	return x
}

// speakerOf makes a speaker of a named mention; an unresolved mention is
// its own entity (the name as written).
func speakerOf(m doc.Mention) doc.Speaker {
	return doc.Speaker{Span: m.Span, Text: m.Text, Entity: entityOf(m), Actor: m.Actor}
}

// roleBefore reads up to five words before off for "<nation> <role>"
// ("US President", "French Foreign Minister").
func (x *context) roleBefore(off int) (role, nation string) {
	lo := off - 60
	if lo < 0 {
		lo = 0
	}
	for lo > 0 && x.d.Text[lo]&0xC0 == 0x80 {
		lo--
	}
	ws := kglex.Words(nil, x.d.Text, doc.Span{Start: lo, End: off})
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-5; k-- {
		lw := kglex.Lower(ws[k].Text)
		if kglex.IsRole(lw) {
			if role == "" {
				role = lw
			}
			continue
		}
		if c := kglex.Nationality(lw); c != "" {
			nation = c
			continue
		}
		if k > 0 {
			if c := kglex.Nationality(kglex.Lower(ws[k-1].Text) + " " + lw); c != "" {
				nation = c
				k--
				continue
			}
		}
		if lw == "former" || lw == "deputy" || lw == "prime" || lw == "foreign" || lw == "of" || lw == "state" || lw == "vice" || ws[k].IsUpper() && role != "" {
			continue
		}
		break
	}
	return role, nation
}

func (x *context) sentIndex(off int) int {
	lo, hi := 0, len(x.sents)
	for lo < hi {
		m := (lo + hi) / 2
		s := x.sents[m]
		switch {
		case off < s.Start:
			hi = m
		case off >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	if lo > 0 && lo-1 < len(x.sents) {
		return lo - 1
	}
	return 0
}

// noteSpeaker records a found speaker, and a resolved role reference as the
// latest holder of that role.
func (x *context) noteSpeaker(sp *doc.Speaker) {
	x.spoken = append(x.spoken, *sp)
}

// newParagraph reports whether sentence si starts a new paragraph.
func (x *context) newParagraph(si int) bool {
	if si == 0 {
		return true
	}
	return strings.Contains(x.d.Text[x.sents[si-1].End:x.sents[si].Start], "\n")
}

// introduces reports whether sentence si ends with a colon or comma.
func (x *context) introduces(si int) bool {
	t := strings.TrimSpace(x.d.Text[x.sents[si].Start:x.sents[si].End])
	return strings.HasSuffix(t, ":") || strings.HasSuffix(t, ",")
}

// prepassRoles walks the text in order, registering persons introduced with
// a role ("US President Barack Obama") and resolving later role references
// ("the U.S. president") to the latest compatible holder, which then becomes
// the latest holder of that role.
func (x *context) prepassRoles() {
	var ws []kglex.Word
	hi := 0 // next x.people entry (titled names) to merge, by position
	titled := x.people
	x.people = nil
	for _, sp := range x.sents {
		ws = kglex.Words(ws[:0], x.d.Text, sp)
		for i := 0; i < len(ws); i++ {
			for hi < len(titled) && titled[hi].pos <= ws[i].Start {
				x.people = append(x.people, titled[hi])
				hi++
			}
			if kglex.Lower(ws[i].Text) != "the" {
				continue
			}
			nation, role, j := "", "", i+1
			for ; j < len(ws) && j <= i+4; j++ {
				l := kglex.Lower(ws[j].Text)
				if c := kglex.Nationality(l); c != "" {
					nation = c
					continue
				}
				if kglex.IsRole(l) && !ws[j].IsUpper() || kglex.IsRole(l) && j == i+1 {
					role = l
					break
				}
				if l == "former" {
					break
				}
				if ws[j].IsUpper() || l == "deputy" || l == "prime" || l == "foreign" || l == "vice" {
					continue
				}
				break
			}
			if role == "" || j+1 < len(ws) && ws[j+1].IsUpper() && !x.gap(ws, j) {
				continue // "the president Barack Obama" is a titled name
			}
			for k := len(x.people) - 1; k >= 0; k-- {
				h := x.people[k]
				if h.role == role && (nation == "" || h.nation == nation) {
					x.people = append(x.people, roleHolder{pos: ws[i].Start, role: role, nation: h.nation, sp: h.sp})
					break
				}
			}
		}
	}
	x.people = append(x.people, titled[hi:]...)
}

func onlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != ' ' && s[i] != '\t' {
			return false
		}
	}
	return true
}

// opensParagraph reports whether a quotation mark at off starts its line.
func (x *context) opensParagraph(off int) bool {
	for i := off - 1; i >= 0; i-- {
		switch x.d.Text[i] {
		case '\n':
			return true
		case ' ', '\t':
			continue
		}
		return false
	}
	return true
}

// openingPerson returns the person mention that opens text[lo:hi] (within
// its first three words, or the first three after a leading adverbial of
// at most five words and a comma), when there is one.
func (x *context) openingPerson(lo, hi int) *doc.Speaker {
	ws := kglex.Words(nil, x.d.Text, doc.Span{Start: lo, End: hi})
	if len(ws) < 3 {
		return nil
	}
	starts := []int{0}
	for k := 0; k+1 < len(ws) && k < 5; k++ {
		if strings.TrimSpace(x.d.Text[ws[k].End:ws[k+1].Start]) == "," {
			starts = append(starts, k+1)
			break
		}
	}
	for _, st := range starts {
		for k := range x.ments {
			m := &x.ments[k]
			if m.Start >= hi {
				break
			}
			if m.Type != doc.PER || m.Start < ws[st].Start {
				continue
			}
			// the mention must begin within three words of st
			n := 0
			for j := st; j < len(ws) && ws[j].Start < m.Start; j++ {
				n++
			}
			if n > 3 || st+n >= len(ws) {
				break
			}
			// and be followed by a verb-like lower-case word, not a possessive
			rest := x.d.Text[m.End:hi]
			if strings.HasPrefix(rest, "'s") || strings.HasPrefix(rest, "’s") {
				break
			}
			sp := speakerOf(*m)
			sp.Entity = entityOf(*m)
			return &sp
		}
	}
	return nil
}
