package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
)

// LoadPetrarchActors reads a TABARI/PETRARCH actor dictionary (such as
// Phoenix.Countries.actors.txt) into a Dict:
//
//	NAME_WITH_UNDERSCORES_ [CODE]           # one-line entry
//	NAME
//	+ALIAS
//		[CODE YYMMDD-YYMMDD]                # dated code, also >YYMMDD, <YYMMDD
//		[CODE]                              # undated code
//
// Two-digit years up to 30 are read as 20xx, later ones as 19xx; eight-digit
// dates are read as YYYYMMDD. The kind of an entry follows its codes:
// dated entries are people, IGO/NGO/IMG codes organizations, a bare country
// code a country, anything else a group. Dictionaries in the wild contain
// malformed lines: the entries that parse are kept, and the returned error
// (non-nil only then) lists the problems as "name:line: message", up to 20.
// The Dict is nil only when nothing could be read.
func LoadPetrarchActors(r io.Reader, name string) (*Dict, error) {
	d := newDict()
	p := &pReader{d: d, name: name}
	err := p.readActors(r)
	d.sortIndex()
	if len(d.entries) == 0 && err != nil {
		return nil, err
	}
	return d, err
}

// LoadPetrarchAgents reads a TABARI/PETRARCH agent dictionary (such as
// Phoenix.agents.txt): lines "AGENT_PHRASE {PLURALS} [~CODE]", substitution
// sets "!SET! = A, B, C" used inside phrases, "{}" for no plural. Plurals
// not given are formed by the usual English rules. Errors as for
// LoadPetrarchActors.
func LoadPetrarchAgents(r io.Reader, name string) (*Dict, error) {
	d := newDict()
	p := &pReader{d: d, name: name}
	err := p.readAgents(r)
	d.sortIndex()
	if len(d.entries) == 0 && err != nil {
		return nil, err
	}
	return d, err
}

type pReader struct {
	d    *Dict
	name string
	errs []error
	cur  *entry
	ln   int // line of cur
}

func (p *pReader) errorf(line int, format string, a ...any) {
	if len(p.errs) < maxErrors {
		p.errs = append(p.errs, &ParseError{File: p.name, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
}

var bracketRE = regexp.MustCompile(`\[([^\]]*)\]`)

// stripPetrarchComment removes "#" comments and "<!-- ... -->" on one line.
func stripPetrarchComment(s string, inXML *bool) string {
	var out strings.Builder
	for len(s) > 0 {
		if *inXML {
			i := strings.Index(s, "-->")
			if i < 0 {
				return out.String()
			}
			s = s[i+3:]
			*inXML = false
			continue
		}
		i := strings.Index(s, "<!--")
		h := strings.IndexByte(s, '#')
		if h >= 0 && (i < 0 || h < i) {
			out.WriteString(s[:h])
			return out.String()
		}
		if i < 0 {
			out.WriteString(s)
			return out.String()
		}
		out.WriteString(s[:i])
		s = s[i+4:]
		*inXML = true
	}
	return out.String()
}

func (p *pReader) readActors(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	inXML := false
	for sc.Scan() {
		ln++
		raw := sc.Text()
		line := stripPetrarchComment(raw, &inXML)
		trim := strings.TrimSpace(line)
		if trim == "" {
			continue
		}
		// codes on this line
		codes := bracketRE.FindAllStringSubmatch(trim, -1)
		head := strings.TrimSpace(bracketRE.ReplaceAllString(trim, ""))
		switch {
		case strings.HasPrefix(head, "+"):
			if p.cur == nil {
				p.errorf(ln, "alias %q before any entry", clip(head))
				continue
			}
			if a := petrarchPhrase(head[1:]); a != "" {
				p.cur.aliases = append(p.cur.aliases, a)
			}
		case head != "":
			p.flush()
			n := petrarchPhrase(head)
			if n == "" {
				p.errorf(ln, "entry without a name")
				continue
			}
			p.cur, p.ln = &entry{name: n, aliases: []string{n}, src: fmt.Sprintf("%s:%d", p.name, ln), looseCase: true}, ln
		}
		if len(codes) > 0 && p.cur == nil {
			p.errorf(ln, "code before any entry")
			continue
		}
		for _, c := range codes {
			if s, ok := p.petrarchSpan(c[1], ln); ok {
				p.cur.spans = append(p.cur.spans, s)
			}
		}
	}
	if err := sc.Err(); err != nil {
		p.errs = append(p.errs, fmt.Errorf("%s:%d: %w", p.name, ln, err))
	}
	p.flush()
	return errors.Join(p.errs...)
}

// flush classifies and indexes the current actor entry.
func (p *pReader) flush() {
	e := p.cur
	p.cur = nil
	if e == nil {
		return
	}
	if len(e.spans) == 0 {
		// "[---]" or no code: an actor PETRARCH deliberately leaves uncoded
		return
	}
	dated := false
	for _, s := range e.spans {
		if s.dated() {
			dated = true
		}
	}
	c := string(e.spans[0].code)
	switch {
	case dated:
		e.kind = ekPerson
	case strings.HasPrefix(c, "IGO"):
		e.kind = ekIGO
	case strings.HasPrefix(c, "NGO") || strings.HasPrefix(c, "NGM"):
		e.kind = ekNGO
	case strings.HasPrefix(c, "IMG"):
		e.kind = ekGroup
	case len(c) == 3 && cameo.IsCountry(c):
		e.kind = ekCountry
	default:
		e.kind = ekGroup
	}
	p.d.add(e, false)
}

// petrarchSpan parses the inside of "[CODE DATES]".
func (p *pReader) petrarchSpan(s string, ln int) (codeSpan, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || f[0] == "---" {
		return codeSpan{}, false
	}
	code := phoenixReligion(strings.ToUpper(strings.Trim(f[0], "~")), 3)
	if !petrarchCode(code) {
		p.errorf(ln, "bad actor code %q", f[0])
		return codeSpan{}, false
	}
	sp := codeSpan{code: cameo.ActorCode(code)}
	if len(f) == 1 {
		return sp, true
	}
	// the date may be written with spaces: "< 950601", "19950601 - 19990815"
	dt := strings.Join(f[1:], "")
	var ok1, ok2 = true, true
	switch {
	case strings.HasPrefix(dt, ">"):
		sp.from, ok1 = petrarchDate(dt[1:])
	case strings.HasPrefix(dt, "<"):
		sp.to, ok2 = petrarchDate(dt[1:])
	default:
		a, b, found := strings.Cut(dt, "-")
		if !found {
			p.errorf(ln, "bad date %q in [%s]: want YYMMDD-YYMMDD, >YYMMDD or <YYMMDD", dt, s)
			return codeSpan{}, false
		}
		sp.from, ok1 = petrarchDate(a)
		sp.to, ok2 = petrarchDate(b)
	}
	if !ok1 || !ok2 {
		p.errorf(ln, "bad date %q in [%s]", dt, s)
		return codeSpan{}, false
	}
	if sp.from != "" && sp.to != "" && sp.from > sp.to {
		p.errorf(ln, "date range %q ends before it starts", dt)
		return codeSpan{}, false
	}
	return sp, true
}

// phoenixReligion rewrites the Phoenix dictionaries' religion code MUS
// (Muslim) as CAMEO's MOS in the 3-letter parts of code from index from
// on: in CAMEO, MUS is Mauritius, which only an actor's first part can
// name ("IMGMUSISI" = IMGMOSISI, "MUSGOV" stays; an agent "[~MUS]" has no
// country part, so from is 0 for agents). Each part of a "/" list alike.
func phoenixReligion(code string, from int) string {
	if !strings.Contains(code, "MUS") {
		return code
	}
	parts := strings.Split(code, "/")
	for k, c := range parts {
		b := []byte(c)
		for i := from; i+3 <= len(b); i += 3 {
			if string(b[i:i+3]) == "MUS" {
				b[i+1] = 'O'
			}
		}
		parts[k] = string(b)
	}
	return strings.Join(parts, "/")
}

// petrarchCode accepts a CAMEO actor code, or several joined with "/"
// (PETRARCH keeps codes as written: "FRO/BIL/SAM" for a group of people).
func petrarchCode(code string) bool {
	for _, c := range strings.Split(code, "/") {
		if _, err := cameo.ParseActor(c); err != nil {
			return false
		}
	}
	return true
}

// petrarchDate converts YYMMDD or YYYYMMDD to YYYY-MM-DD.
func petrarchDate(s string) (string, bool) {
	if !allDigits(s) {
		return "", false
	}
	var y, md string
	switch len(s) {
	case 6:
		if s[:2] <= "30" {
			y = "20" + s[:2]
		} else {
			y = "19" + s[:2]
		}
		md = s[2:]
	case 8:
		y, md = s[:4], s[4:]
	default:
		return "", false
	}
	d := y + "-" + md[:2] + "-" + md[2:]
	if _, ok := parseDate(d, false); !ok {
		return "", false
	}
	return d, true
}

var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true,
	"bin": true, "ibn": true, "bint": true, "de": true, "del": true, "della": true, "da": true, "di": true,
	"do": true, "dos": true, "das": true, "du": true, "van": true, "von": true, "der": true, "den": true,
	"la": true, "le": true, "les": true, "y": true, "e": true, "of": true, "the": true, "and": true,
	"for": true, "in": true, "on": true, "to": true, "at-": true,
}

// petrarchPhrase turns "AL-QAEDA_IN_IRAQ_" into display form "al-Qaeda in
// Iraq": words title-cased, particles lower-cased, two-letter words kept
// upper case (US, UN, EU), so that the case rules of Scan apply sensibly.
func petrarchPhrase(s string) string {
	s = strings.TrimSpace(s)
	s = strings.ReplaceAll(s, "_", " ")
	words := strings.Fields(s)
	if len(words) > 1 && strings.EqualFold(words[0], "the") {
		// PETRARCH matches the article as written: "THE_ISLAMIC_STATE"
		// needs "the" ("an Islamic State target" is no match); "The"
		// keeps it in the alias (and matches "the" in any case)
		words[0] = "The"
		rest := petrarchPhrase(strings.Join(words[1:], "_"))
		return "The " + rest
	}
	for i, w := range words {
		segs := strings.Split(w, "-")
		for j, g := range segs {
			if j == 0 && len(segs) > 1 && particles[strings.ToLower(g)] {
				segs[j] = strings.ToLower(g) // "al-Qaeda", "el-Sisi"
				continue
			}
			segs[j] = displayWord(g, i == 0 && j == 0 && len(words) == 1)
		}
		words[i] = strings.Join(segs, "-")
	}
	return strings.Join(words, " ")
}

func displayWord(g string, only bool) string {
	lower := strings.ToLower(g)
	if particles[lower] && !only {
		return lower
	}
	letters := 0
	for _, r := range g {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' {
			letters++
		}
	}
	if letters <= 2 && strings.ToUpper(g) == g {
		return g // US, UN, U.S.
	}
	// title case, rune-aware
	out := []rune(lower)
	for k, r := range out {
		if r >= 'a' && r <= 'z' || r > 127 {
			out[k] = []rune(strings.ToUpper(string(r)))[0]
			break
		}
	}
	return string(out)
}

var substRE = regexp.MustCompile(`^(![A-Z0-9_]+!)\s*=\s*(.+)$`)

func (p *pReader) readAgents(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	inXML := false
	sets := map[string][]string{}
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(stripPetrarchComment(sc.Text(), &inXML))
		if line == "" {
			continue
		}
		if m := substRE.FindStringSubmatch(line); m != nil {
			var vals []string
			for _, v := range strings.Split(m[2], ",") {
				if v = strings.TrimSpace(v); v != "" {
					vals = append(vals, v)
				}
			}
			sets[m[1]] = vals
			continue
		}
		codes := bracketRE.FindAllStringSubmatch(line, -1)
		if len(codes) == 0 {
			p.errorf(ln, "agent %q without a [~CODE]", clip(line))
			continue
		}
		code := strings.TrimSpace(codes[0][1])
		prefix := strings.HasSuffix(code, "~") && !strings.HasPrefix(code, "~")
		code = phoenixReligion(strings.ToUpper(strings.Trim(code, "~ ")), 0)
		if _, err := cameo.ParseActor(code); err != nil {
			p.errorf(ln, "bad agent code %q", codes[0][1])
			continue
		}
		head := bracketRE.ReplaceAllString(line, "")
		var plurals []string
		noPlural := false
		if i := strings.IndexByte(head, '{'); i >= 0 {
			j := strings.IndexByte(head[i:], '}')
			if j < 0 {
				p.errorf(ln, "unclosed '{'")
				continue
			}
			inner := strings.TrimSpace(head[i+1 : i+j])
			if inner == "" {
				noPlural = true
			} else {
				plurals = strings.Fields(inner)
			}
			head = head[:i] + head[i+j+1:]
		}
		head = strings.TrimSpace(head)
		if head == "" {
			p.errorf(ln, "agent without a phrase")
			continue
		}
		forms := expandSets(head, sets)
		if forms == nil {
			p.errorf(ln, "unknown substitution set in %q", clip(head))
			continue
		}
		var aliases []string
		for _, f := range forms {
			f = strings.ReplaceAll(strings.TrimSpace(f), " ", "_")
			aliases = append(aliases, strings.ToLower(petrarchPhrase(f)))
			if !noPlural && plurals == nil && !strings.Contains(f, "!") {
				aliases = append(aliases, strings.ToLower(petrarchPhrase(plural(f))))
			}
		}
		for _, pl := range plurals {
			aliases = append(aliases, strings.ToLower(petrarchPhrase(pl)))
		}
		e := &entry{kind: ekAgent, name: aliases[0], aliases: aliases, src: fmt.Sprintf("%s:%d", p.name, ln),
			spans: []codeSpan{{code: cameo.ActorCode(code)}}, prefix: prefix}
		p.d.add(e, false)
	}
	if err := sc.Err(); err != nil {
		p.errs = append(p.errs, fmt.Errorf("%s:%d: %w", p.name, ln, err))
	}
	return errors.Join(p.errs...)
}

// expandSets replaces each !SET! in s by each of its values; nil when a set
// is unknown.
func expandSets(s string, sets map[string][]string) []string {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return nil
	}
	name := s[i : i+j+2]
	vals, ok := sets[name]
	if !ok {
		return nil
	}
	var out []string
	for _, v := range vals {
		rest := expandSets(s[:i]+v+s[i+j+2:], sets)
		if rest == nil {
			return nil
		}
		out = append(out, rest...)
	}
	return out
}

// plural forms the English plural of the last word of an underscore phrase.
func plural(f string) string {
	f = strings.TrimRight(f, "_")
	switch {
	case f == "":
		return f
	case strings.HasSuffix(f, "MAN"):
		return f[:len(f)-3] + "MEN"
	case strings.HasSuffix(f, "S") || strings.HasSuffix(f, "X") || strings.HasSuffix(f, "CH") || strings.HasSuffix(f, "SH"):
		return f + "ES"
	case strings.HasSuffix(f, "Y") && len(f) > 1 && !strings.ContainsRune("AEIOU", rune(f[len(f)-2])):
		return f[:len(f)-1] + "IES"
	}
	return f + "S"
}
