package tabari

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Ontology is PETRARCH's internal coding ontology: each CAMEO event code
// written as a number ("CODE:EXPR" lines, EXPR a sum of hexadecimal terms
// such as "0x1000", "-0xFFFF+0x0200"), in which negation is arithmetic: a
// negated verb's code is the code of its value minus 0xFFFF ("did not
// criticize" 110 = 0xFFFF+0x0080 becomes 050 = 0x0080; "did not yield" 080
// = 0x0200 becomes 124 = -0xFFFF+0x0200; see Negate). Comments start
// with "#".
type Ontology struct {
	value map[string]int64 // code -> value
	code  map[int64]string // value -> first code written with it
}

// negMask is what negation subtracts.
const negMask = 0xFFFF

// LoadOntology reads ontology files; errors name file:line (malformed
// lines are skipped). The result is nil only when a file cannot be read.
func LoadOntology(paths ...string) (*Ontology, error) {
	o := newOntology()
	err := readFiles("tabari ontology", paths, o.read)
	if err != nil && !isSkipped(err) {
		return nil, err
	}
	return o, err
}

// ParseOntology reads one ontology from r.
func ParseOntology(r io.Reader, name string) (*Ontology, error) {
	o := newOntology()
	return o, o.read(r, name)
}

func newOntology() *Ontology {
	return &Ontology{value: map[string]int64{}, code: map[int64]string{}}
}

// Len is the number of codes.
func (o *Ontology) Len() int { return len(o.value) }

func (o *Ontology) read(r io.Reader, name string) error {
	sc := bufio.NewScanner(r)
	ln := 0
	var errs []error
	for sc.Scan() {
		ln++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		c, expr, ok := strings.Cut(line, ":")
		c = strings.TrimSpace(c)
		v, err := sumHex(expr)
		if !ok || err != nil || c == "" {
			if len(errs) < maxErrors {
				errs = append(errs, &Error{File: name, Line: ln, Msg: fmt.Sprintf("bad ontology line %q", clip(line))})
			}
			continue
		}
		o.value[c] = v
		if _, dup := o.code[v]; !dup {
			o.code[v] = c
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, &Error{File: name, Line: ln + 1, Msg: err.Error()})
	}
	return errors.Join(errs...)
}

// sumHex evaluates "T1+T2-T3" with hexadecimal (0x..) or decimal terms.
func sumHex(s string) (int64, error) {
	s = strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if s == "" {
		return 0, fmt.Errorf("empty")
	}
	var total int64
	sign := int64(1)
	for len(s) > 0 {
		switch s[0] {
		case '+':
			sign, s = 1, s[1:]
			continue
		case '-':
			sign, s = -1, s[1:]
			continue
		}
		n := strings.IndexAny(s, "+-")
		if n < 0 {
			n = len(s)
		}
		v, err := strconv.ParseInt(s[:n], 0, 64)
		if err != nil {
			return 0, err
		}
		total += sign * v
		sign, s = 1, s[n:]
	}
	return total, nil
}

// Negate returns the code of the negated event: the value minus 0xFFFF,
// or for a rejection (a negative value) plus 0xFFFF; "" when that is no
// event (the value 0, "---"); ok false when code is not in the ontology.
// A negative value that names no code is the generic rejection (the code
// of -0xFFFF, CAMEO 120).
func (o *Ontology) Negate(code string) (string, bool) {
	if o == nil {
		return code, false
	}
	v, ok := o.value[code]
	if !ok {
		return code, false
	}
	n := v - negMask
	if v < 0 {
		n = v + negMask // a rejection negated: its rejection undone
	}
	c, ok := o.code[n]
	if !ok && n < 0 {
		c, ok = o.code[-negMask]
	}
	if !ok || c == "---" {
		return "", true
	}
	return c, true
}

// Value is the ontology value of a CAMEO code; a code the ontology does
// not list takes the value of its root ("0871" unknown: "080"), as
// PETRARCH reads codes.
func (o *Ontology) Value(code string) (int64, bool) {
	if o == nil || code == "" {
		return 0, false
	}
	if v, ok := o.value[code]; ok {
		return v, true
	}
	if len(code) >= 2 {
		v, ok := o.value[code[:2]+"0"]
		return v, ok
	}
	return 0, false
}

// Code is the CAMEO code of an ontology value; "" when the value names
// no event (PETRARCH drops such combinations). An intent to use force,
// which has no code of its own, is the threat of that force ("wants to
// attack X": intend 0x3000 + fight 0x00A0 = threaten with force, 138).
func (o *Ontology) Code(v int64) string {
	if o == nil || v == 0 {
		return ""
	}
	if c, ok := o.code[v]; ok && c != "---" {
		return c
	}
	const intend, threaten = 0x3000, 0x6000
	if v&0xF000 == intend && v&0x0FF0 >= 0x0090 && v&0x0FF0 <= 0x00B0 {
		if c, ok := o.code[v-intend+threaten]; ok && c != "---" {
			return c
		}
	}
	return ""
}

// Combine is the value of an event whose verb (upper) governs another
// verb's event (lower), as PETRARCH composes them: a negative (rejected)
// lower event adds the upper; of two high-level verbs (say, appeal,
// intend, ... 0x1000 and above) the lower one stands; a lower value not
// below the upper stands; else they add ("seek" 0x3000 + "deepen ties"
// 0x0070 = intend to cooperate 0x3070, 031).
func Combine(upper, lower int64) int64 {
	switch {
	case lower < 0:
		return lower + upper
	case upper >= 0x1000 && lower >= 0x1000:
		return lower
	case lower >= upper:
		return lower
	}
	return upper + lower
}

// keyMatches says whether value v falls under key: v itself or v with its
// last one, two or three hexadecimal digits cleared (the category of
// 0x00A3 is 0x00A0, that of 0x100C is 0x1000). The narrowest is rank 0.
func keyMatches(key, v int64) (rank int, ok bool) {
	for r, m := range []int64{1, 0x10, 0x100, 0x1000} {
		if key == v-pymod(v, m) {
			return r, true
		}
	}
	return 0, false
}

func pymod(a, m int64) int64 {
	r := a % m
	if r < 0 {
		r += m
	}
	return r
}
