package actors

import (
	"strings"
	"sync"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// tokInfo is the per-token view Scan matches against.
type tokInfo struct {
	upper, all bool
	poss       int   // bytes of a possessive suffix stripped from the form
	possTok    bool  // the token is a detached possessive ("'s")
	kb, ke     int32 // the normalized key is scratch.buf[kb:ke]
}

// scratch is per-call working memory of Scan, pooled so that a scan
// allocates only its result.
type scratch struct {
	info   []tokInfo
	buf    []byte
	hits   []base
	merged []doc.Token // tokens with split hyphenated words joined again
	first  []int       // merged token -> index of its first original token
	last   []int       // merged token -> index of its last original token
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// base is a dictionary hit before composition.
type base struct {
	start, end int
	trim       int // bytes to trim from the end of the last token (possessive or hyphen suffix)
	poss       bool
	e          *entry
	code       cameo.ActorCode
	office     string
	weak       bool // a bare ambiguous surname ("Kerry"): kept only after a title
}

// maxNameWords bounds an unknown name taken after a title ("President Xi Jinping").
const maxNameWords = 4

// Scan finds actor mentions in one tokenized sentence: the longest
// dictionary phrase at each position, left to right, without overlaps.
// Matching is case-aware (capitalized dictionary words need a capitalized
// text word, short acronyms such as "US" or "IS" need upper case, lower-case
// agent words match any case), accent- and dot-insensitive ("U.S." = "US",
// "Francois" = "François"), and ignores possessives ("Russia's"). A leading
// "the" is never part of a match. Adjacent hits are then composed:
//
//	[country|demonym|group|party] [agent...] [person|Name]
//
// "Russian President Vladimir Putin" is one match with Putin's code at date
// and Entity "Vladimir Putin"; "French troops" is FRAMIL; "Syria's army" is
// SYRMIL; "Russian President" alone is RUSGOV with Entity set to the office
// holder on date when the dictionaries know one. date is YYYY-MM-DD ("" =
// undated: current roles). toks must carry byte spans into text.
func (d *Dict) Scan(text string, toks []doc.Token, date string) []Match {
	return d.scan(text, toks, date, false)
}

// scan is Scan; keepWeak keeps bare ambiguous surnames (for Lookup, whose
// caller has said the phrase is a name).
func (d *Dict) scan(text string, toks []doc.Token, date string, keepWeak bool) []Match {
	if d == nil || len(toks) == 0 {
		return nil
	}
	date = normDate(date)
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	joined := false
	if hasSplitHyphen(toks) {
		toks, joined = sc.joinHyphens(text, toks), true
	}
	info := sc.info[:0]
	buf := sc.buf[:0]
	for _, t := range toks {
		var ti tokInfo
		form := t.Form
		if isPossessiveToken(form) {
			ti.possTok = true
		} else {
			form, ti.poss = stripPossessive(form)
		}
		ti.upper, ti.all = wordCase(form)
		ti.kb = int32(len(buf))
		if isASCII(form) {
			for j := 0; j < len(form); j++ {
				c := form[j]
				if c == '.' {
					continue
				}
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		} else {
			buf = append(buf, key(form)...)
		}
		ti.ke = int32(len(buf))
		info = append(info, ti)
	}
	sc.info, sc.buf = info, buf

	hits := sc.hits[:0]
	for i := 0; i < len(toks); {
		b, ok := d.longest(info, buf, i, date)
		if !ok {
			b, ok = d.hyphenPrefix(toks[i].Form, info[i], i, date)
		}
		if !ok {
			i++
			continue
		}
		hits = append(hits, b)
		i = b.end
	}
	sc.hits = hits
	if len(hits) == 0 {
		return nil
	}
	out := make([]Match, 0, len(hits))
	for h := 0; h < len(hits); {
		m, next := d.compose(text, toks, info, buf, hits, h, date)
		if hits[h].weak && next == h+1 && !keepWeak {
			h = next // a bare ambiguous surname: not taken alone
			continue
		}
		if joined {
			m.Start, m.End = sc.first[m.Start], sc.last[m.End-1]+1
		}
		out = append(out, m)
		h = next
	}
	return out
}

// isHyphen reports whether a token is a bare hyphen.
func isHyphen(f string) bool { return f == "-" || f == "\u2010" || f == "\u2011" }

// splitHyphenAt reports whether toks[i] is a hyphen written between two
// words without spaces ("Jong - un" from "Jong-un").
func splitHyphenAt(toks []doc.Token, i int) bool {
	return i > 0 && i+1 < len(toks) && isHyphen(toks[i].Form) &&
		toks[i-1].End == toks[i].Start && toks[i].End == toks[i+1].Start &&
		hasLetterOrDigit(toks[i-1].Form) && hasLetterOrDigit(toks[i+1].Form)
}

func hasSplitHyphen(toks []doc.Token) bool {
	for i := 1; i+1 < len(toks); i++ {
		if splitHyphenAt(toks, i) {
			return true
		}
	}
	return false
}

// joinHyphens rebuilds hyphenated words that a tokenizer split ("Kim Jong -
// un" -> "Kim Jong-un", "U.S. - led" -> "U.S.-led"), so that Scan sees the
// words the dictionaries are written in whatever the tokenizer did. It
// records in sc.first/sc.last where each joined token came from.
func (sc *scratch) joinHyphens(text string, toks []doc.Token) []doc.Token {
	out := sc.merged[:0]
	first, last := sc.first[:0], sc.last[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		j := i
		for j+2 < len(toks) && splitHyphenAt(toks, j+1) {
			j += 2
		}
		if j > i {
			t.Span = doc.Span{Start: toks[i].Start, End: toks[j].End}
			if t.Start >= 0 && t.End <= len(text) && t.Start <= t.End {
				t.Form = text[t.Start:t.End]
			} else {
				var sb strings.Builder
				for k := i; k <= j; k++ {
					sb.WriteString(toks[k].Form)
				}
				t.Form = sb.String()
			}
		}
		out = append(out, t)
		first = append(first, i)
		last = append(last, j)
		i = j
	}
	sc.merged, sc.first, sc.last = out, first, last
	return out
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 && r != '\u2010' && r != '\u2011' {
			return true
		}
	}
	return false
}

// longest returns the longest dictionary phrase starting at token i.
func (d *Dict) longest(info []tokInfo, buf []byte, i int, date string) (base, bool) {
	if info[i].possTok {
		return base{}, false
	}
	for _, p := range d.first[string(buf[info[i].kb:info[i].ke])] {
		n := len(p.keys)
		if i+n > len(info) {
			continue
		}
		ok := true
		k := i // text token matched against alias word j
		for j := 0; j < n; j++ {
			if k >= len(info) {
				ok = false
				break
			}
			ti := &info[k]
			possWord := j < 64 && p.poss&(1<<uint(j)) != 0
			if string(buf[ti.kb:ti.ke]) != p.keys[j] || ti.possTok || (ti.poss > 0 && j < n-1 && !possWord) || !caseOK(p.cases[j], ti.upper, ti.all) {
				ok = false
				break
			}
			k++
			// "People 's Army": a possessive alias word written with a
			// detached possessive token.
			if possWord && j < n-1 && ti.poss == 0 && k < len(info) && info[k].possTok {
				k++
			}
		}
		if !ok {
			continue
		}
		e, code, office := choose(p.entries, date)
		last := info[k-1]
		weak := n == 1 && e.kind == ekPerson && ambiguousSurname(p.keys[0])
		return base{start: i, end: k, trim: last.poss, poss: last.poss > 0, e: e, code: code, office: office, weak: weak}, true
	}
	return base{}, false
}

// hyphenPrefix matches the part of a hyphenated word before its first
// hyphen against one-word phrases ("U.S.-led" -> U.S., "IS-claimed" -> IS).
func (d *Dict) hyphenPrefix(form string, ti tokInfo, i int, date string) (base, bool) {
	h := strings.IndexByte(form, '-')
	if h <= 0 || h == len(form)-1 || ti.possTok {
		return base{}, false
	}
	pre := form[:h]
	k := key(pre)
	up, all := wordCase(pre)
	for _, p := range d.first[k] {
		if len(p.keys) != 1 || !caseOK(p.cases[0], up, all) {
			continue
		}
		switch p.entries[0].kind {
		case ekAgent, ekPerson:
			continue // "army-backed", "Obama-era": too loose
		}
		e, code, office := choose(p.entries, date)
		return base{start: i, end: i + 1, trim: len(form) - h, e: e, code: code, office: office}, true
	}
	return base{}, false
}

// choose picks, among entries sharing an alias, the first one holding a
// dated role on date, else the first; it returns the code in force. An
// entry with only undated codes at the head of the list (e.g. merged from a
// user dictionary) wins outright.
func choose(es []*entry, date string) (*entry, cameo.ActorCode, string) {
	if len(es) > 1 && date != "" && es[0].hasDated() {
		for _, e := range es {
			if c, off, active := e.codeAt(date); active {
				return e, c, off
			}
		}
	}
	c, off, _ := es[0].codeAt(date)
	return es[0], c, off
}

func adjacent(info []tokInfo, prev base, next base) bool {
	if next.start == prev.end {
		return !prev.poss || prev.e.kind != ekAgent
	}
	return next.start == prev.end+1 && info[prev.end].possTok
}

func isModifier(k entryKind) bool {
	switch k {
	case ekCountry, ekDemonym, ekCapital, ekMetonym, ekGroup, ekParty, ekIGO, ekNGO, ekOrg:
		return true
	}
	return false
}

// compose builds one Match from hits[h] and the adjacent hits it absorbs,
// returning the index of the next unused hit.
func (d *Dict) compose(text string, toks []doc.Token, info []tokInfo, buf []byte, hits []base, h int, date string) (Match, int) {
	first := hits[h]
	last := first
	next := h + 1
	var mod *base
	var agentBuf [4]base
	agents := agentBuf[:0]
	var person *base
	if isModifier(first.e.kind) {
		mod = &hits[h]
	} else if first.e.kind == ekAgent {
		agents = append(agents, first)
	} else if first.e.kind == ekPerson {
		person = &hits[h]
	}
	if person == nil {
		for next < len(hits) && hits[next].e.kind == ekAgent && adjacent(info, last, hits[next]) && !(last.poss && last.e.kind == ekAgent) {
			agents = append(agents, hits[next])
			last = hits[next]
			next++
		}
		if (mod != nil && mod.e.kind != ekCapital || len(agents) > 0) && next < len(hits) && hits[next].e.kind == ekPerson && adjacent(info, last, hits[next]) && !last.poss {
			person = &hits[next]
			last = hits[next]
			next++
		}
	}
	// "US State Department", "Britain's Home Office", "Chinese Xinhua":
	// a country word before a named institution of the same country is
	// part of its name.
	var inst *base
	if mod != nil && person == nil && len(agents) == 0 && next < len(hits) && adjacent(info, last, hits[next]) {
		switch mod.e.kind {
		case ekCountry, ekDemonym:
			if n := &hits[next]; (n.e.kind == ekMetonym || n.e.kind == ekOrg) && n.code.Country() != "" && n.code.Country() == mod.code.Country() {
				inst = n
				last = *n
				next++
			}
		}
	}
	m := Match{Start: first.start, End: last.end}
	switch {
	case inst != nil:
		m.Entity, m.Code, m.Kind = inst.e.name, inst.code, inst.e.kind.public()
	case person != nil:
		m.Entity, m.Code, m.Kind = person.e.name, person.code, KindPerson
		// "Prime Minister Boris Johnson" in a later story: the title says
		// the text speaks of the person in that office.
		if len(agents) > 0 && strings.HasSuffix(string(person.code), "ELI") {
			for _, a := range agents {
				if c, ok := person.e.officeCode(a.e.office); ok {
					m.Code = c
					break
				}
			}
		}
	case len(agents) > 0:
		role := agentRole(agents)
		m.Kind = KindAgent
		m.Code = role
		country := ""
		if mod != nil {
			switch mod.e.kind {
			case ekCountry, ekDemonym, ekParty, ekCapital:
				country = mod.code.Country()
				m.Code = compose(mod.code, role)
				if agents[0].e.prefix && country != "" {
					m.Code = role + cameo.ActorCode(country)
				}
			default:
				m.Code, m.Kind, m.Entity = mod.code, mod.e.kind.public(), mod.e.name
			}
		}
		if role.Country() != "" {
			m.Code = role // an agent with its own country
		}
		// An unknown name after a title: "President Xi Jinping".
		if last.end < len(toks) && !last.poss {
			n := 0
			if titleRoles[string(agentRole(agents))] {
				n = nameAfter(toks, info, buf, last.end)
			}
			if n > 0 && next < len(hits) && hits[next].start < last.end+n {
				n = hits[next].start - last.end // stop at the next dictionary hit
			}
			if n > 0 {
				m.End = last.end + n
				m.Entity = joinForms(toks[last.end : last.end+n])
				m.Kind = KindPerson
				last = base{end: m.End, trim: info[m.End-1].poss}
				if t := toks[m.End-1].Form; strings.HasSuffix(t, ".") && !isAbbrev(strings.TrimSuffix(t, ".")) {
					last.trim = 1
				}
			}
		}
		if m.Entity == "" && country != "" {
			office := agents[len(agents)-1].e.office
			if office == "" {
				office = agents[0].e.office
			}
			if office != "" && date != "" {
				if name, _, ok := d.Holder(country, office, date); ok {
					m.Entity = name
				}
			}
		}
	default:
		m.Entity, m.Code, m.Kind = first.e.name, first.code, first.e.kind.public()
	}
	m.Span = doc.Span{Start: toks[m.Start].Start, End: toks[m.End-1].End - last.trim}
	if m.Span.End < m.Span.Start {
		m.Span.End = toks[m.End-1].End
	}
	m.Text = m.Span.In(text)
	if m.Text == "" {
		m.Text = joinForms(toks[m.Start:m.End])
	}
	return m, next
}

// agentRole merges the codes of adjacent agents: the first word decides
// ("opposition lawmakers" -> OPP, "police officers" -> COP) except that a
// leading government word yields to a more specific one ("government
// troops" -> MIL).
func agentRole(agents []base) cameo.ActorCode {
	role := agents[0].code
	for _, a := range agents[1:] {
		if role == "GOV" && a.code != "GOV" {
			role = a.code
		}
	}
	return role
}

// compose joins a country-bearing modifier code with an agent role:
// ("RUS","GOV") -> "RUSGOV"; ("USA","LEG") -> "USALEG".
func compose(mod, role cameo.ActorCode) cameo.ActorCode {
	c := mod.Country()
	if c == "" {
		return mod
	}
	if strings.HasPrefix(string(role), c) {
		return role
	}
	return cameo.ActorCode(c) + role
}

// titleRoles are the roles whose agent words work as titles before a
// personal name ("President Xi", "General Smith", "Judge Brown").
var titleRoles = map[string]bool{
	"GOV": true, "MIL": true, "COP": true, "JUD": true, "LEG": true, "OPP": true, "REB": true,
	"SPY": true, "REL": true, "ELI": true, "SEP": true, "GOVMED": false,
}

var nameStop = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"i": true, "the": true, "on": true, "in": true, "said": true, "says": true, "and": true, "of": true, "a": true,
	"he": true, "she": true, "it": true, "we": true, "they": true, "but": true, "who": true, "that": true,
	"this": true, "said,": true, "told": true, "has": true, "had": true, "was": true, "is": true, "will": true,
}

// nameAfter returns how many tokens from i form a personal name following a
// title agent: NER PER tags when the tokens carry NER, else PROPN when they
// carry POS, else capitalized words (not days, months or function words).
func nameAfter(toks []doc.Token, info []tokInfo, buf []byte, i int) int {
	if i > 0 {
		// titles are capitalized in running text ("President", "Foreign Minister")
		prev := info[i-1]
		if !prev.upper {
			return 0
		}
	}
	n := 0
	for j := i; j < len(toks) && n < maxNameWords; j++ {
		t := toks[j]
		ok := false
		switch {
		case t.NER != "":
			ok = strings.HasSuffix(t.NER, "PER") && (n > 0 || strings.HasPrefix(t.NER, "B-") || strings.HasPrefix(t.NER, "I-"))
			if n > 0 && strings.HasPrefix(t.NER, "B-") {
				ok = false
			}
		case t.UPOS != "":
			ok = t.UPOS == "PROPN"
		default:
			ok = info[j].upper && !nameStop[string(buf[info[j].kb:info[j].ke])] && !info[j].possTok && hasLetter(t.Form)
		}
		if !ok {
			break
		}
		n++
		if info[j].poss > 0 {
			break
		}
	}
	return n
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 {
			return true
		}
	}
	return false
}

func joinForms(ts []doc.Token) string {
	var sb strings.Builder
	for i, t := range ts {
		if i > 0 {
			sb.WriteByte(' ')
		}
		f, _ := stripPossessive(t.Form)
		sb.WriteString(f)
	}
	return sb.String()
}

func (e *entry) hasDated() bool {
	for _, s := range e.spans {
		if s.dated() {
			return true
		}
	}
	return false
}

// officeCode returns the code of the latest role of e tagged with office.
func (e *entry) officeCode(office string) (cameo.ActorCode, bool) {
	if office == "" {
		return "", false
	}
	for i := len(e.spans) - 1; i >= 0; i-- {
		if e.spans[i].office == office {
			return e.spans[i].code, true
		}
	}
	return "", false
}
