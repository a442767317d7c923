// Package tabari reads event-coding dictionaries in the TABARI/PETRARCH text
// format (verb dictionaries with synonym sets and patterns, discard lists)
// and codes events from dependency-parsed sentences with them, so that users
// can keep the dictionaries they maintained for those coders.
//
// A verb dictionary (*.verbs.txt, CAMEO.2.0.txt) has:
//
//	&SYNSET                      a synonym set: the "+MEMBER" lines below it
//	+WORD  +TWO_WORDS  +(IN X)    members: words, phrases, nested &SETS, PPs
//	--- NAME [CODE] ---          a verb block with its default code
//	VERB {IRREGULAR FORMS} [CODE] a verb of the block (its own default code)
//	+VERB_PARTICLE {FORMS} [CODE] a multi-word verb; "+" marks the verb word
//	WORD_+VERB [CODE]             words required before the verb
//	- PRE * POST [CODE] # note    a pattern of the block
//	~ a (a b INNER) OUTER = a b CODE   a transformation (see Transform)
//
// In a pattern "*" is the verb; words before it are looked for before the
// verb, words after it after the verb. "WORD_" matches that word exactly,
// "WORD" also its inflections (a stem); "A_B" needs A and B adjacent;
// "{A B}" A and B in one noun phrase; "(P A)" a prepositional phrase headed
// by P holding A (what it matched is consumed: the next element looks
// after it); "&SET" any member of the set; "$" and "+" mark where the
// source and the target are; "%" marks coordinated subjects that act on
// each other (it counts as a word for specificity); "^" skips the next
// noun phrase. Codes are "[CODE]", "[CODE:CODE]" (the second for the
// reverse direction, target to source) or "[---]" (no event). Comments
// start with "#" or are "<!-- ... -->".
//
// A verb is looked up by its written form first (a dictionary may list
// "LEFT" apart from "LEAVE"), then by its lemma; regular inflections
// (-S, -ED, -ING) are formed for every verb word, never in place of a
// word or form the dictionary lists. A negated verb ("did not
// clash") is recoded through PETRARCH's coding ontology when one is loaded
// (see Ontology), unless its pattern spells the negation out.
package tabari

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// maxErrors bounds the problems a loader reports.
const maxErrors = 25

// Error is a positioned problem in a dictionary file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Code is the code of a verb, block or pattern.
type Code struct {
	Event   string // source -> target, "" = none
	Reverse string // target -> source ([CODE:CODE]), "" = none
	Null    bool   // [---]: explicitly no event
}

// IsZero reports whether no code was written.
func (c Code) IsZero() bool { return c.Event == "" && c.Reverse == "" && !c.Null }

func (c Code) String() string {
	switch {
	case c.Null:
		return "[---]"
	case c.Reverse != "":
		return "[" + c.Event + ":" + c.Reverse + "]"
	}
	return "[" + c.Event + "]"
}

// ElemKind is the kind of one pattern element.
type ElemKind uint8

const (
	ElemWord     ElemKind = iota + 1 // a literal word
	ElemSynset                       // &NAME
	ElemSource                       // $
	ElemTarget                       // +
	ElemCompound                     // %
	ElemSkip                         // ^
	ElemNP                           // {...}
	ElemPP                           // (PREP ...)
)

// Elem is one element of a pattern or of a synonym-set member.
type Elem struct {
	Kind  ElemKind
	Word  string // ElemWord: uppercase word; ElemSynset: set name with "&"; ElemPP: the preposition
	Exact bool   // ElemWord: written with a trailing "_": no inflections
	Join  bool   // the next element must follow immediately ("A_B")
	Sub   []Elem // ElemNP, ElemPP: the elements inside
}

// Pattern is one "- PRE * POST [CODE]" line.
type Pattern struct {
	Pre, Post []Elem
	Code      Code
	Text      string // the line as written, without its comment
	File      string
	Line      int
	Block     *Block
	words     int    // literal words and sets: the specificity
	body      string // the elements as written (no code, no comment)
}

// Specificity counts the pattern's words, sets and phrases.
func (p *Pattern) Specificity() int { return p.words }

// Verb is one verb line of a block.
type Verb struct {
	Word   string   // the verb word, uppercase
	Before []string // words required right before it (KLM_NOP_+RST)
	After  []string // words required after it (+ASK_FOR)
	Forms  []string // irregular or listed inflected forms
	Code   Code     // its own code, zero = the block's
	Line   int
	Block  *Block
}

// Default is the code the verb takes when no pattern matches.
func (v *Verb) Default() Code {
	if !v.Code.IsZero() {
		return v.Code
	}
	return v.Block.Code
}

// Block is a "--- NAME [CODE] ---" verb block.
type Block struct {
	Name     string
	Code     Code
	File     string
	Line     int
	Verbs    []*Verb
	Patterns []*Pattern
}

// Verbs is a loaded verb dictionary.
type Verbs struct {
	Blocks  []*Block
	Synsets map[string][][]Elem // "&NAME" -> members
	// Transforms counts the "~" transformation lines; Transformations
	// holds those that parse, in file order.
	Transforms      int
	Transformations []*Transform
	index           map[string][]*Verb // uppercase word or form -> verbs
}

// NumPatterns counts the patterns of all blocks.
func (v *Verbs) NumPatterns() int {
	n := 0
	for _, b := range v.Blocks {
		n += len(b.Patterns)
	}
	return n
}

// Lookup returns the verbs whose word or a listed form is w (uppercase).
func (v *Verbs) Lookup(w string) []*Verb { return v.index[w] }

// skippedLines is the error of readFiles that only reports skipped lines.
type skippedLines struct{ error }

func (e skippedLines) Unwrap() error { return e.error }

func isSkipped(err error) bool { _, ok := err.(skippedLines); return ok }

// readFiles opens each file in turn and reads it with read (named by its
// base name). A file that cannot be opened stops it with that error; the
// errors read returns (malformed lines, skipped) are joined into a
// skippedLines.
func readFiles(what string, paths []string, read func(r io.Reader, name string) error) error {
	var errs []error
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		err = read(f, filepath.Base(p))
		f.Close()
		if err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return skippedLines{err}
	}
	return nil
}

// LoadVerbs reads verb dictionaries from files, in order (a later file
// adds blocks and sets; a set of the same name replaces the earlier one).
// As with the actor loaders, malformed lines are skipped: the error (non-nil
// only then) lists them as "file:line: message". The result is nil only
// when a file could not be read or nothing was read.
func LoadVerbs(paths ...string) (*Verbs, error) {
	v := newVerbs()
	err := readFiles("tabari verbs", paths, v.read)
	if err != nil && !isSkipped(err) {
		return nil, err
	}
	v.finish()
	if len(v.Blocks) == 0 {
		if err == nil {
			err = fmt.Errorf("tabari verbs: no verb block in %s", strings.Join(paths, ", "))
		}
		return nil, err
	}
	return v, err
}

// ParseVerbs reads one verb dictionary from r; name is used in error
// positions. Errors as for LoadVerbs.
func ParseVerbs(r io.Reader, name string) (*Verbs, error) {
	v := newVerbs()
	err := v.read(r, name)
	v.finish()
	if len(v.Blocks) == 0 && err == nil {
		err = fmt.Errorf("%s: no verb block", name)
	}
	return v, err
}

func newVerbs() *Verbs {
	return &Verbs{Synsets: map[string][][]Elem{}, index: map[string][]*Verb{}}
}

type reader struct {
	v     *Verbs
	name  string
	errs  []error
	block *Block
	set   string // current synset while reading "+" members
}

func (p *reader) errorf(ln int, format string, a ...any) {
	if len(p.errs) < maxErrors {
		p.errs = append(p.errs, &Error{File: p.name, Line: ln, Msg: fmt.Sprintf(format, a...)})
	}
}

// stripComment removes "#" comments and "<!-- ... -->" (possibly spanning lines).
func stripComment(s string, inXML *bool) string {
	var out strings.Builder
	for len(s) > 0 {
		if *inXML {
			i := strings.Index(s, "-->")
			if i < 0 {
				return out.String()
			}
			s, *inXML = s[i+3:], false
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
		s, *inXML = s[i+4:], true
	}
	return out.String()
}

func (v *Verbs) read(r io.Reader, name string) error {
	p := &reader{v: v, name: name}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	ln := 0
	inXML := false
	for sc.Scan() {
		ln++
		line := strings.TrimSpace(stripComment(sc.Text(), &inXML))
		if line == "" {
			continue
		}
		switch {
		case strings.HasPrefix(line, "---"):
			p.set = ""
			p.header(line, ln)
		case line[0] == '&':
			p.block = nil
			name := strings.ToUpper(strings.TrimRight(strings.Fields(line)[0], "_"))
			if !isSetName(name) {
				p.errorf(ln, "bad synonym set name %q", line)
				p.set = ""
				continue
			}
			p.set = name
			v.Synsets[name] = nil
		case line[0] == '+' && p.set != "":
			els, err := parseElems(line[1:], false)
			if err != nil {
				p.errorf(ln, "synonym set %s: %v", p.set, err)
				continue
			}
			if len(els) == 0 {
				p.errorf(ln, "empty member of synonym set %s", p.set)
				continue
			}
			v.Synsets[p.set] = append(v.Synsets[p.set], els)
		case line[0] == '~':
			v.Transforms++
			if t, err := parseTransform(line[1:]); err != nil {
				p.errorf(ln, "transformation %q: %v", clip(line), err)
			} else {
				t.File, t.Line = name, ln
				v.Transformations = append(v.Transformations, t)
			}
		case line[0] == '-' || line[0] == '*':
			p.set = ""
			p.pattern(line, ln)
		default:
			p.set = ""
			p.verb(line, ln)
		}
	}
	if err := sc.Err(); err != nil {
		p.errs = append(p.errs, &Error{File: name, Line: ln + 1, Msg: err.Error()})
	}
	if len(p.errs) == 0 {
		return nil
	}
	return errors.Join(p.errs...)
}

// header reads "--- NAME [CODE] ---".
func (p *reader) header(line string, ln int) {
	body := strings.TrimSpace(strings.Trim(line, "-"))
	code, rest, err := cutCode(body)
	if err != nil {
		p.errorf(ln, "verb block: %v", err)
		p.block = nil
		return
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		p.errorf(ln, "verb block without a name")
		p.block = nil
		return
	}
	p.block = &Block{Name: strings.ToUpper(rest), Code: code, File: p.name, Line: ln}
	p.v.Blocks = append(p.v.Blocks, p.block)
}

// cutCode takes the last "[...]" off s.
func cutCode(s string) (Code, string, error) {
	i := strings.LastIndexByte(s, '[')
	if i < 0 {
		if strings.ContainsRune(s, ']') {
			return Code{}, s, fmt.Errorf("unbalanced \"]\" in %q", s)
		}
		return Code{}, s, nil
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return Code{}, s, fmt.Errorf("unclosed code in %q", s)
	}
	c, err := parseCode(s[i+1 : i+j])
	if err != nil {
		return Code{}, s, err
	}
	rest := s[:i] + s[i+j+1:]
	return c, rest, nil
}

// parseCode reads the inside of "[...]": "---", "CODE", "CODE:CODE", ":CODE".
func parseCode(s string) (Code, error) {
	s = strings.TrimSpace(s)
	if s == "---" {
		return Code{Null: true}, nil
	}
	a, b, paired := strings.Cut(s, ":")
	var c Code
	var err error
	if c.Event, err = eventCode(a, paired); err != nil {
		return c, err
	}
	if paired {
		if c.Reverse, err = eventCode(b, true); err != nil {
			return c, err
		}
		if c.Event == "" && c.Reverse == "" {
			return c, fmt.Errorf("empty code [%s]", s)
		}
	}
	return c, nil
}

// eventCode checks one code: digits, optionally followed by one letter or
// "!" (legacy WEIS variants, coded as their digits); "---" or "" (when
// optional) is none.
func eventCode(s string, optional bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "---" || s == "" && optional {
		return "", nil
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n < 2 || n > 4 || len(s)-n > 1 || len(s) > n && !(unicode.IsLetter(rune(s[n])) || s[n] == '!' || s[n] == '?') {
		return "", fmt.Errorf("bad event code [%s]: want 2-4 digits", s)
	}
	return s[:n], nil
}

// verb reads a verb line of the current block.
func (p *reader) verb(line string, ln int) {
	if p.block == nil {
		p.errorf(ln, "verb %q outside a verb block (\"--- NAME [CODE] ---\")", clip(line))
		return
	}
	if i := strings.IndexByte(line, ';'); i >= 0 { // TABARI's ";" comments
		line = strings.TrimSpace(line[:i])
	}
	code, rest, err := cutCode(line)
	if err != nil {
		p.errorf(ln, "verb: %v", err)
		return
	}
	var forms []string
	if i := strings.IndexByte(rest, '{'); i >= 0 {
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			p.errorf(ln, "verb %q: unclosed \"{\"", clip(line))
			return
		}
		for _, f := range strings.Fields(rest[i+1 : i+j]) {
			forms = append(forms, strings.ToUpper(f))
		}
		rest = rest[:i] + rest[i+j+1:]
	}
	phrase := strings.Join(strings.Fields(rest), "_") // "LASH OUT" = "LASH_OUT"
	if phrase == "" {
		p.errorf(ln, "verb line %q without a verb", clip(line))
		return
	}
	vb := &Verb{Code: code, Line: ln, Block: p.block}
	words := strings.Split(strings.ToUpper(phrase), "_")
	head := -1
	for i, w := range words {
		if strings.HasPrefix(w, "+") {
			if head >= 0 {
				p.errorf(ln, "verb %q marks two verb words with \"+\"", clip(line))
				return
			}
			head = i
			words[i] = w[1:]
		}
	}
	var clean []string
	for i, w := range words {
		if w == "" {
			continue
		}
		if !isWordText(w) {
			p.errorf(ln, "verb %q: bad word %q", clip(line), w)
			return
		}
		if i == head {
			head = len(clean)
		}
		clean = append(clean, w)
	}
	if len(clean) == 0 {
		p.errorf(ln, "empty verb line")
		return
	}
	if head < 0 {
		head = 0
	}
	vb.Word = clean[head]
	vb.Before = clean[:head]
	vb.After = clean[head+1:]
	for _, f := range forms {
		// a multi-word form "+ASKED_FOR": its verb word is the one marked
		ws := strings.Split(f, "_")
		fw := ""
		for _, w := range ws {
			if strings.HasPrefix(w, "+") {
				fw = w[1:]
			}
		}
		if fw == "" {
			fw = strings.TrimPrefix(ws[0], "+")
			if len(ws) == len(clean) {
				fw = strings.TrimPrefix(ws[head], "+")
			}
		}
		if fw != "" && isWordText(fw) {
			vb.Forms = append(vb.Forms, fw)
		}
	}
	p.block.Verbs = append(p.block.Verbs, vb)
}

// pattern reads "- PRE * POST [CODE]".
func (p *reader) pattern(line string, ln int) {
	if p.block == nil {
		p.errorf(ln, "pattern %q outside a verb block", clip(line))
		return
	}
	body := strings.TrimSpace(strings.TrimPrefix(line, "-"))
	code, rest, err := cutCode(body)
	if err != nil {
		p.errorf(ln, "pattern: %v", err)
		return
	}
	if code.IsZero() {
		p.errorf(ln, "pattern %q without a [CODE]", clip(line))
		return
	}
	els, err := parseElems(rest, true)
	if err != nil {
		p.errorf(ln, "pattern %q: %v", clip(line), err)
		return
	}
	star := -1
	for i, e := range els {
		if e.Kind == 0 {
			if star >= 0 {
				p.errorf(ln, "pattern %q has two \"*\"", clip(line))
				return
			}
			star = i
		}
	}
	if star < 0 {
		p.errorf(ln, "pattern %q has no \"*\" for the verb", clip(line))
		return
	}
	pt := &Pattern{Pre: els[:star], Post: els[star+1:], Code: code, Text: strings.TrimSpace(line), File: p.name, Line: ln, Block: p.block}
	if len(pt.Pre) > 0 {
		pt.Pre[len(pt.Pre)-1].Join = false // "IN_*": adjacency to the verb is not required
	}
	pt.words = countWords(pt.Pre) + countWords(pt.Post)
	// a pattern written again in its block replaces the earlier one (its
	// code is the one in force, as when PETRARCH stores patterns by their
	// words): "- * SANCTION [0351]" then "- * SANCTION [085]" is 085
	key := patternKey(rest)
	for k, q := range p.block.Patterns {
		if patternKey(q.body) == key {
			pt.body = rest
			p.block.Patterns[k] = pt
			return
		}
	}
	pt.body = rest
	p.block.Patterns = append(p.block.Patterns, pt)
}

// patternKey normalizes a pattern's text (without its code) for comparison.
func patternKey(s string) string { return strings.ToUpper(strings.Join(strings.Fields(s), " ")) }

func countWords(els []Elem) int {
	n := 0
	for _, e := range els {
		switch e.Kind {
		case ElemWord, ElemSynset:
			n++
		case ElemCompound:
			// "% *" needs coordinated actors: as specific as a word
			n++
		case ElemNP, ElemPP:
			n += 1 + countWords(e.Sub)
		}
	}
	return n
}

// parseElems tokenizes pattern text. A "*" element (only when star is
// true) is returned with Kind 0.
func parseElems(s string, star bool) ([]Elem, error) {
	toks, err := lexElems(s)
	if err != nil {
		return nil, err
	}
	els, rest, err := parseSeq(toks, "", star)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		return nil, fmt.Errorf("unbalanced %q", rest[0].text)
	}
	return els, nil
}

type lexTok struct {
	text string
	join bool // joined to the next token with "_"
}

// lexElems splits on spaces and "_" (recording joins), and separates the
// brackets ( ) { }.
func lexElems(s string) ([]lexTok, error) {
	var out []lexTok
	var cur strings.Builder
	flush := func(join bool) {
		if cur.Len() > 0 {
			out = append(out, lexTok{text: cur.String(), join: join})
			cur.Reset()
		} else if join && len(out) > 0 {
			out[len(out)-1].join = true
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			flush(false)
		case c == '_' && strings.HasPrefix(cur.String(), "&"):
			cur.WriteByte('_') // set names may hold "_" (resolved in finish)
		case c == '_':
			next := byte(' ')
			if i+1 < len(s) {
				next = s[i+1]
			}
			if next == ' ' || next == '\t' || next == ')' || next == '}' {
				cur.WriteByte('_') // trailing "_": exact word
				flush(false)
			} else if cur.Len() == 0 && len(out) == 0 {
				return nil, fmt.Errorf("leading \"_\"")
			} else {
				flush(true)
			}
		case c == '(' || c == ')' || c == '{' || c == '}':
			flush(false)
			out = append(out, lexTok{text: string(c)})
		default:
			cur.WriteByte(c)
		}
	}
	flush(false)
	return out, nil
}

// parseSeq reads elements until the closing bracket close ("" = end).
func parseSeq(toks []lexTok, close string, star bool) ([]Elem, []lexTok, error) {
	var out []Elem
	for len(toks) > 0 {
		t := toks[0]
		toks = toks[1:]
		switch t.text {
		case ")", "}":
			if t.text != close {
				return nil, nil, fmt.Errorf("unbalanced %q", t.text)
			}
			return out, toks, nil
		case "{":
			sub, rest, err := parseSeq(toks, "}", false)
			if err != nil {
				return nil, nil, err
			}
			if len(sub) == 0 {
				return nil, nil, fmt.Errorf("empty \"{}\"")
			}
			out = append(out, Elem{Kind: ElemNP, Sub: sub})
			toks = rest
			continue
		case "(":
			sub, rest, err := parseSeq(toks, ")", false)
			if err != nil {
				return nil, nil, err
			}
			if len(sub) == 0 || sub[0].Kind != ElemWord {
				return nil, nil, fmt.Errorf("\"(\" must be followed by a preposition")
			}
			out = append(out, Elem{Kind: ElemPP, Word: sub[0].Word, Sub: sub[1:]})
			toks = rest
			continue
		}
		e, err := wordElem(t.text, star)
		if err != nil {
			return nil, nil, err
		}
		e.Join = t.join
		out = append(out, e)
	}
	if close != "" {
		return nil, nil, fmt.Errorf("unclosed %q", map[string]string{")": "(", "}": "{"}[close])
	}
	return out, nil, nil
}

func wordElem(w string, star bool) (Elem, error) {
	switch w {
	case "*":
		if !star {
			return Elem{}, fmt.Errorf("\"*\" outside a pattern")
		}
		return Elem{}, nil
	case "$":
		return Elem{Kind: ElemSource}, nil
	case "+":
		return Elem{Kind: ElemTarget}, nil
	case "%":
		return Elem{Kind: ElemCompound}, nil
	case "^":
		return Elem{Kind: ElemSkip}, nil
	}
	if strings.HasPrefix(w, "&") {
		name := strings.ToUpper(strings.TrimRight(w, "_"))
		if !isSetName(name) {
			return Elem{}, fmt.Errorf("bad synonym set reference %q", w)
		}
		return Elem{Kind: ElemSynset, Word: name}, nil
	}
	exact := strings.HasSuffix(w, "_")
	w = strings.ToUpper(strings.TrimRight(w, "_"))
	if !isWordText(w) {
		return Elem{}, fmt.Errorf("bad word %q", w)
	}
	return Elem{Kind: ElemWord, Word: w, Exact: exact}, nil
}

// isSetName accepts "&NAME" with letters, digits and "_" in NAME.
func isSetName(s string) bool {
	if len(s) < 2 || s[0] != '&' {
		return false
	}
	for _, r := range s[1:] {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// isWordText accepts words of letters, digits and - ' . / , !.
func isWordText(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-'./,!", r)) {
			return false
		}
	}
	return true
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:57] + "..."
	}
	return s
}

// finish resolves set references and builds the verb index.
func (v *Verbs) finish() {
	for name, ms := range v.Synsets {
		for k := range ms {
			ms[k] = v.resolveSets(ms[k])
		}
		v.Synsets[name] = ms
	}
	for _, b := range v.Blocks {
		for _, p := range b.Patterns {
			p.Pre, p.Post = v.resolveSets(p.Pre), v.resolveSets(p.Post)
		}
	}
	for _, b := range v.Blocks {
		for _, vb := range b.Verbs {
			v.add(vb.Word, vb)
			for _, f := range vb.Forms {
				v.add(f, vb)
			}
		}
	}
	// regular inflections, as PETRARCH forms them, for words written
	// nowhere else (a lemmatizer may miss "BOYCOTTED"): never in place of
	// a word or form the dictionary lists
	listed := make(map[string]bool, len(v.index))
	for w := range v.index {
		listed[w] = true
	}
	for _, b := range v.Blocks {
		for _, vb := range b.Verbs {
			for _, f := range regularForms(vb.Word) {
				if !listed[f] {
					v.add(f, vb)
				}
			}
		}
	}
}

// regularForms spells the regular -S, -ED and -ING forms of verb w
// (uppercase), with and without a doubled final consonant.
func regularForms(w string) []string {
	n := len(w)
	if n < 2 || !isLetters(w) {
		return nil
	}
	last, prev := w[n-1], w[n-2]
	vowel := func(c byte) bool { return strings.IndexByte("AEIOU", c) >= 0 }
	var out []string
	switch {
	case strings.HasSuffix(w, "S") || strings.HasSuffix(w, "X") || strings.HasSuffix(w, "Z") || strings.HasSuffix(w, "CH") || strings.HasSuffix(w, "SH"):
		out = append(out, w+"ES")
	case last == 'Y' && !vowel(prev):
		out = append(out, w[:n-1]+"IES")
	default:
		out = append(out, w+"S")
	}
	switch {
	case last == 'E':
		out = append(out, w+"D")
	case last == 'Y' && !vowel(prev):
		out = append(out, w[:n-1]+"IED")
	default:
		out = append(out, w+"ED")
	}
	switch {
	case last == 'E' && prev != 'E':
		out = append(out, w[:n-1]+"ING")
	default:
		out = append(out, w+"ING")
	}
	if !vowel(last) && last != 'W' && last != 'X' && last != 'Y' && vowel(prev) && (n < 3 || !vowel(w[n-3])) {
		out = append(out, w+string(last)+"ED", w+string(last)+"ING") // BAN: BANNED
	}
	return out
}

func isLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func (v *Verbs) add(w string, vb *Verb) {
	for _, o := range v.index[w] {
		if o == vb {
			return
		}
	}
	v.index[w] = append(v.index[w], vb)
}

// Undefined returns the "&SET" names used in patterns or sets but not
// defined (they never match), each with the first place it is used.
func (v *Verbs) Undefined() []string {
	seen := map[string]bool{}
	var out []string
	var walk func(els []Elem, where string)
	walk = func(els []Elem, where string) {
		for _, e := range els {
			if e.Kind == ElemSynset {
				if _, ok := v.Synsets[e.Word]; !ok && !seen[e.Word] {
					seen[e.Word] = true
					out = append(out, where+": "+e.Word)
				}
			}
			walk(e.Sub, where)
		}
	}
	for _, b := range v.Blocks {
		for _, p := range b.Patterns {
			where := fmt.Sprintf("%s:%d", p.File, p.Line)
			walk(p.Pre, where)
			walk(p.Post, where)
		}
	}
	for name, ms := range v.Synsets {
		for _, m := range ms {
			walk(m, name)
		}
	}
	return out
}

// resolveSets splits a reference "&SET_WORD" that names no set into the
// longest defined set "&SET" joined to the words that follow ("_" in the
// older format joins words as well as naming sets).
func (v *Verbs) resolveSets(els []Elem) []Elem {
	var out []Elem
	for _, e := range els {
		if len(e.Sub) > 0 {
			e.Sub = v.resolveSets(e.Sub)
		}
		if e.Kind != ElemSynset || !strings.Contains(e.Word, "_") {
			out = append(out, e)
			continue
		}
		if _, ok := v.Synsets[e.Word]; ok {
			out = append(out, e)
			continue
		}
		parts := strings.Split(e.Word, "_")
		n := len(parts) - 1
		for ; n >= 1; n-- {
			if _, ok := v.Synsets[strings.Join(parts[:n], "_")]; ok {
				break
			}
		}
		if n < 1 {
			out = append(out, e) // undefined: reported by Undefined
			continue
		}
		out = append(out, Elem{Kind: ElemSynset, Word: strings.Join(parts[:n], "_"), Join: true})
		for i, w := range parts[n:] {
			out = append(out, Elem{Kind: ElemWord, Word: w, Join: i < len(parts)-n-1 || e.Join})
		}
	}
	return out
}
