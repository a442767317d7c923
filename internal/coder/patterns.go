package coder

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
)

// Kind says what part of speech a pattern's trigger is.
type Kind uint8

const (
	// VerbTrigger is a clause predicate ("criticized").
	VerbTrigger Kind = iota + 1
	// NounTrigger is a nominal event ("the bombing of ...").
	NounTrigger
	// AdjTrigger is a predicative adjective ("critical of", "supportive of");
	// its arguments are read like a verb's.
	AdjTrigger
)

func (k Kind) String() string {
	switch k {
	case VerbTrigger:
		return "verb"
	case NounTrigger:
		return "noun"
	case AdjTrigger:
		return "adj"
	}
	return "?"
}

// Need says which participants a pattern requires before it may fire.
type Need uint8

const (
	NeedOne    Need = iota // at least one identified participant (default)
	NeedBoth               // an identified source and an identified target
	NeedSource             // an identified source
	NeedTarget             // an identified target
)

// Role names a syntactic slot an argument is read from.
type Role string

// The roles a pattern may name. Preposition roles ("with", "against", ...)
// are any other lowercase word: an obl/nmod dependent whose case marker is it.
const (
	RoleSubj  Role = "subj"  // nsubj (or the controller / shared subject)
	RoleObj   Role = "obj"   // direct object (nsubj:pass in the passive)
	RoleIObj  Role = "iobj"  // indirect object
	RoleAgent Role = "agent" // passive by-agent
	RoleCComp Role = "ccomp" // the subject of a complement clause ("charged that X ...")
	RolePoss  Role = "poss"  // possessive modifier of a noun trigger ("Russia's attack")
	RoleMod   Role = "mod"   // compound / amod modifier of a noun trigger ("IS-claimed bombing")
	RoleHead  Role = "head"  // subject of the verb governing a noun trigger ("held talks")
)

// Pattern is one line of the pattern file.
type Pattern struct {
	Kind   Kind
	Lemmas []string
	Prt    string   // required particle (compound:prt), "" = none
	Obj    []string // required object lemmas (consumed, not a target)
	Prep   string   // required preposition argument (becomes a target role)
	Case   string   // required case marker on the noun trigger itself
	Dep    []string // some dependent must have one of these lemmas
	XComp  []string // an xcomp/ccomp clause headed by one of these lemmas
	Subj   []string // the subject (passive: by-agent) head has one of these lemmas
	Code   cameo.EventCode
	Source []Role
	Target []Role
	Mutual bool
	// Both: a mutual act is coded in both directions (mutual=both), for
	// symmetric states without an initiator ("remained at odds")
	Both   bool
	Needs  Need
	Conf   float64
	Line   int    // line in the pattern file
	Text   string // the line as written (trimmed), used as the event's Pattern
	Name   string // "file:line"
	nConds int
}

// Specificity is the number of conditions beyond the lemma.
func (p *Pattern) Specificity() int { return p.nConds }

// ParseError is a positioned error in a pattern file.
type ParseError struct {
	File string
	Line int
	Col  int
	Msg  string
}

func (e *ParseError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// CodeCheck validates an event code; nil accepts any 2-4 digit code.
type CodeCheck func(cameo.EventCode) bool

// ParsePatterns reads patterns in the format described in PATTERNS.md.
// name is used in error positions and in Pattern.Name.
func ParsePatterns(name, src string, valid CodeCheck) ([]*Pattern, error) {
	var out []*Pattern
	var defaults []string
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		raw := sc.Text()
		line := raw
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := fieldsWithCols(line)
		errAt := func(col int, f string, a ...any) error {
			return &ParseError{File: name, Line: ln, Col: col, Msg: fmt.Sprintf(f, a...)}
		}
		if fields[0].s == "default" {
			defaults = defaults[:0]
			for _, f := range fields[1:] {
				if !strings.Contains(f.s, "=") && f.s != "mutual" {
					return nil, errAt(f.col, "default takes options (key=value or mutual), got %q", f.s)
				}
				defaults = append(defaults, f.s)
			}
			// validate now so errors point at the default line
			var probe Pattern
			for _, f := range fields[1:] {
				if err := applyOption(&probe, f.s); err != nil {
					return nil, errAt(f.col, "%v", err)
				}
			}
			continue
		}
		p := &Pattern{Line: ln, Name: fmt.Sprintf("%s:%d", name, ln), Text: strings.TrimSpace(line), Conf: 0.7}
		switch fields[0].s {
		case "verb":
			p.Kind = VerbTrigger
		case "noun":
			p.Kind = NounTrigger
		case "adj":
			p.Kind = AdjTrigger
		default:
			return nil, errAt(fields[0].col, "line must start with verb, noun, adj or default, got %q", fields[0].s)
		}
		if len(fields) < 4 {
			return nil, errAt(fields[0].col, "want KIND LEMMA ... -> CODE")
		}
		for _, l := range strings.Split(fields[1].s, "|") {
			if !isWord(l) {
				return nil, errAt(fields[1].col, "bad lemma %q", l)
			}
			p.Lemmas = append(p.Lemmas, l)
		}
		arrow := -1
		for i, f := range fields {
			if f.s == "->" {
				arrow = i
				break
			}
		}
		if arrow < 0 {
			return nil, errAt(len(line)+1, "missing '->'")
		}
		for _, f := range fields[2:arrow] {
			k, v, ok := strings.Cut(f.s, "=")
			if !ok || v == "" {
				return nil, errAt(f.col, "condition must be key=value, got %q", f.s)
			}
			words := strings.Split(v, "|")
			for _, w := range words {
				if !isWord(w) {
					return nil, errAt(f.col+len(k)+1, "bad word %q in %s", w, k)
				}
			}
			switch k {
			case "prt":
				p.Prt = v
			case "obj":
				p.Obj = words
			case "prep":
				p.Prep = v
			case "case":
				p.Case = v
			case "dep":
				p.Dep = words
			case "xcomp":
				p.XComp = words
			case "subj":
				p.Subj = words
			default:
				return nil, errAt(f.col, "unknown condition %q (want prt, obj, prep, case, dep, xcomp or subj)", k)
			}
			p.nConds++
		}
		if arrow+1 >= len(fields) {
			return nil, errAt(fields[arrow].col+2, "missing event code after '->'")
		}
		cf := fields[arrow+1]
		if !isCode(cf.s) {
			return nil, errAt(cf.col, "bad CAMEO code %q (want 2-4 digits)", cf.s)
		}
		if valid != nil && !valid(cameo.EventCode(cf.s)) {
			return nil, errAt(cf.col, "unknown CAMEO code %q", cf.s)
		}
		p.Code = cameo.EventCode(cf.s)
		for _, d := range defaults {
			_ = applyOption(p, d) // validated on the default line
		}
		for _, f := range fields[arrow+2:] {
			if err := applyOption(p, f.s); err != nil {
				return nil, errAt(f.col, "%v", err)
			}
		}
		if p.Prep != "" && !hasRole(p.Target, Role(p.Prep)) {
			p.Target = append([]Role{Role(p.Prep)}, p.Target...)
		}
		if len(p.Source) == 0 {
			if p.Kind != NounTrigger {
				p.Source = []Role{RoleSubj}
			} else {
				p.Source = []Role{RolePoss, RoleMod, RoleHead}
			}
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(out) == 0 {
		return nil, &ParseError{File: name, Line: ln, Col: 1, Msg: "no patterns"}
	}
	return out, nil
}

func applyOption(p *Pattern, opt string) error {
	if opt == "mutual" {
		p.Mutual = true
		return nil
	}
	k, v, ok := strings.Cut(opt, "=")
	if !ok || v == "" {
		return fmt.Errorf("option must be key=value or mutual, got %q", opt)
	}
	switch k {
	case "target", "source":
		var roles []Role
		for _, r := range strings.Split(v, ",") {
			if !isWord(r) {
				return fmt.Errorf("bad role %q", r)
			}
			roles = append(roles, Role(r))
		}
		if k == "target" {
			p.Target = roles
		} else {
			p.Source = roles
		}
	case "mutual":
		switch v {
		case "yes":
			p.Mutual = true
		case "no":
			p.Mutual, p.Both = false, false
		case "both":
			p.Mutual, p.Both = true, true
		default:
			return fmt.Errorf("mutual=%q: want yes, no or both", v)
		}
	case "needs":
		switch v {
		case "one":
			p.Needs = NeedOne
		case "both":
			p.Needs = NeedBoth
		case "source":
			p.Needs = NeedSource
		case "target":
			p.Needs = NeedTarget
		default:
			return fmt.Errorf("needs=%q: want one, both, source or target", v)
		}
	case "conf":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || f <= 0 || f > 1 {
			return fmt.Errorf("conf=%q: want a number in (0,1]", v)
		}
		p.Conf = f
	default:
		return fmt.Errorf("unknown option %q (want target, source, mutual, needs or conf)", k)
	}
	return nil
}

type colField struct {
	s   string
	col int
}

func fieldsWithCols(line string) []colField {
	var out []colField
	start := -1
	for i := 0; i <= len(line); i++ {
		sp := i == len(line) || line[i] == ' ' || line[i] == '\t'
		if sp && start >= 0 {
			out = append(out, colField{line[start:i], start + 1})
			start = -1
		} else if !sp && start < 0 {
			start = i
		}
	}
	return out
}

func isWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c == '-' || c == '\'' || c == ':' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

func isCode(s string) bool {
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func hasRole(rs []Role, r Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}
