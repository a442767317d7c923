package actors

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
)

// ParseError is a problem in a dictionary file, tied to its line.
type ParseError struct {
	File string
	Line int
	Msg  string
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// maxErrors bounds how many problems one file reports.
const maxErrors = 20

// Load reads dictionaries in eventwire's text format (FORMAT.md). name is
// used in error messages, which read "name:line: message". On any error it
// returns a nil Dict and every problem found (up to 20), joined.
func Load(r io.Reader, name string) (*Dict, error) {
	d := newDict()
	if err := d.read(r, name); err != nil {
		return nil, err
	}
	d.sortIndex()
	return d, nil
}

type reader struct {
	d      *Dict
	name   string
	errs   []error
	top    *entry // current top-level entry
	topLn  int
	cur    *entry // entry that alias/code lines apply to (top or sub)
	curLn  int
	subs   []*entry // sub-entries of top waiting for top's codes
	subLns []int
}

func (p *reader) errorf(line int, format string, a ...any) {
	if len(p.errs) < maxErrors {
		p.errs = append(p.errs, &ParseError{File: p.name, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
}

// read parses one file into d, adding its entries.
func (d *Dict) read(r io.Reader, name string) error {
	p := &reader{d: d, name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		raw := sc.Text()
		if ln == 1 {
			raw = strings.TrimPrefix(raw, "\ufeff")
		}
		line := stripComment(raw)
		if strings.TrimSpace(line) == "" {
			continue
		}
		indented := line[0] == ' ' || line[0] == '\t'
		line = strings.TrimSpace(line)
		switch {
		case !indented:
			p.finish()
			e, ok := p.header(line, ln, nil)
			if ok {
				p.top, p.topLn, p.cur, p.curLn = e, ln, e, ln
			}
		case p.top == nil:
			p.errorf(ln, "indented line outside an entry")
		case strings.HasPrefix(line, "|"):
			for _, a := range splitNames(line[1:]) {
				if a == "" {
					p.errorf(ln, "empty alias")
					continue
				}
				p.cur.aliases = append(p.cur.aliases, a)
			}
		case isHeader(line):
			e, ok := p.header(line, ln, p.top)
			if ok {
				p.subs = append(p.subs, e)
				p.subLns = append(p.subLns, ln)
				p.cur, p.curLn = e, ln
			}
		default:
			if s, ok := p.code(line, ln, p.cur.kind); ok {
				if p.cur.kind == ekAgent && s.office != "" {
					p.cur.office = s.office
				}
				p.cur.spans = append(p.cur.spans, s)
			}
		}
	}
	if err := sc.Err(); err != nil {
		p.errs = append(p.errs, fmt.Errorf("%s:%d: %w", name, ln, err))
	}
	p.finish()
	return errors.Join(p.errs...)
}

// finish closes the current top-level entry: checks its codes, lets
// sub-entries inherit them, and indexes everything.
func (p *reader) finish() {
	if p.top == nil {
		return
	}
	top := p.top
	if len(top.spans) == 0 {
		p.errorf(p.topLn, "entry %q has no code", top.name)
	} else {
		p.d.add(top, false)
	}
	for i, s := range p.subs {
		if len(s.spans) == 0 {
			for _, sp := range top.spans {
				sp.office = ""
				s.spans = append(s.spans, sp)
			}
		}
		if len(s.spans) == 0 {
			p.errorf(p.subLns[i], "entry %q has no code", s.name)
			continue
		}
		p.d.add(s, false)
	}
	p.top, p.cur, p.subs, p.subLns = nil, nil, nil, nil
}

func isHeader(line string) bool {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	_, ok := entryKinds[strings.TrimSpace(line[:i])]
	return ok
}

// header parses "kind: name | alias ... [= CODE [RANGE] [@office], ...]".
func (p *reader) header(line string, ln int, parent *entry) (*entry, bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		p.errorf(ln, "want \"kind: name | alias ... = CODE\", got %q", clip(line))
		return nil, false
	}
	kw := strings.TrimSpace(line[:i])
	kind, ok := entryKinds[kw]
	if !ok {
		p.errorf(ln, "unknown kind %q (want country, demonym, capital, metonym, person, agent, igo, ngo, group or party)", kw)
		return nil, false
	}
	rest := line[i+1:]
	codes := ""
	if j := strings.IndexByte(rest, '='); j >= 0 {
		rest, codes = rest[:j], rest[j+1:]
	}
	names := splitNames(rest)
	for _, n := range names {
		if n == "" {
			p.errorf(ln, "empty name")
			return nil, false
		}
	}
	if len(names) == 0 {
		p.errorf(ln, "entry without a name")
		return nil, false
	}
	e := &entry{kind: kind, name: names[0], aliases: names, src: fmt.Sprintf("%s:%d", p.name, ln)}
	if parent != nil && kind == ekDemonym {
		e.name = parent.name
	}
	if strings.Contains(codes, "=") {
		p.errorf(ln, "more than one '='")
		return nil, false
	}
	if codes = strings.TrimSpace(codes); codes != "" {
		for _, c := range strings.Split(codes, ",") {
			s, ok := p.code(strings.TrimSpace(c), ln, kind)
			if !ok {
				return nil, false
			}
			if kind == ekAgent && s.office != "" {
				e.office = s.office
			}
			e.spans = append(e.spans, s)
		}
	} else if strings.Contains(line[i+1:], "=") {
		p.errorf(ln, "empty code after '='")
		return nil, false
	}
	if parent == nil && kind == ekDemonym && len(e.spans) > 0 {
		if c, ok := cameo.CountryByISO3(string(e.spans[0].code)); ok {
			e.name = c.Name
		}
	}
	return e, true
}

// code parses "CODE [FROM..TO] [@office]".
func (p *reader) code(s string, ln int, kind entryKind) (codeSpan, bool) {
	f := strings.Fields(s)
	if len(f) == 0 {
		p.errorf(ln, "empty code")
		return codeSpan{}, false
	}
	var sp codeSpan
	code := f[0]
	if _, err := cameo.ParseActor(code); err != nil || strings.ToUpper(code[:3]) != code[:3] {
		p.errorf(ln, "bad actor code %q: want 3-letter parts like RUSGOV", code)
		return codeSpan{}, false
	}
	sp.code = cameo.ActorCode(code)
	for _, x := range f[1:] {
		switch {
		case strings.HasPrefix(x, "@"):
			if len(x) == 1 || sp.office != "" {
				p.errorf(ln, "bad office tag %q", x)
				return codeSpan{}, false
			}
			sp.office = x[1:]
		case strings.Contains(x, ".."):
			if sp.dated() {
				p.errorf(ln, "more than one date range")
				return codeSpan{}, false
			}
			a, b, _ := strings.Cut(x, "..")
			from, ok1 := parseDate(a, false)
			to, ok2 := parseDate(b, true)
			if !ok1 || !ok2 || (a == "" && b == "") {
				p.errorf(ln, "bad date range %q: want YYYY[-MM[-DD]]..YYYY[-MM[-DD]], either end may be open", x)
				return codeSpan{}, false
			}
			if from != "" && to != "" && from > to {
				p.errorf(ln, "date range %q ends before it starts", x)
				return codeSpan{}, false
			}
			sp.from, sp.to = from, to
		default:
			p.errorf(ln, "unexpected %q after code %s (want a date range FROM..TO or @office)", x, code)
			return codeSpan{}, false
		}
	}
	if kind != ekAgent && sp.code.Country() == "" && len(code) == 3 && cameo.IsRole(code) && kind != ekIGO && kind != ekNGO && kind != ekGroup && kind != ekOrg {
		p.errorf(ln, "code %s is a bare role; only agents may have one", code)
		return codeSpan{}, false
	}
	return sp, true
}

// parseDate validates YYYY, YYYY-MM or YYYY-MM-DD. A partial end date is
// padded with 99 so that it compares after every day it covers.
func parseDate(s string, end bool) (string, bool) {
	if s == "" {
		return "", true
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 || !allDigits(parts[0]) {
		return "", false
	}
	for i, p := range parts[1:] {
		if len(p) != 2 || !allDigits(p) {
			return "", false
		}
		n := int(p[0]-'0')*10 + int(p[1]-'0')
		if n < 1 || (i == 0 && n > 12) || (i == 1 && n > 31) {
			return "", false
		}
	}
	pad := "01"
	if end {
		pad = "99"
	}
	for len(parts) < 3 {
		parts = append(parts, pad)
	}
	return strings.Join(parts, "-"), true
}

func splitNames(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	f := strings.Split(s, "|")
	for i := range f {
		f[i] = strings.Join(strings.Fields(f[i]), " ")
	}
	return f
}

// stripComment removes a '#' comment that starts the line or follows a space.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return strings.TrimRight(s[:i], " \t")
		}
	}
	return strings.TrimRight(s, " \t\r")
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}
