package tabari

import (
	"fmt"
	"strings"
)

// Transform is a verb transformation of a PETRARCH verb dictionary: how an
// event reported or wanted by a governing verb is coded,
//
//	~ a (a b ATTACK) SAY = a b 015    "A said A attacked B": A claims responsibility
//	~ a (b . ATTACK) SAY = a b 112    "A said B attacked (anyone)": A accuses B
//	~ a (_ b ATTACK) WANT = a b 138   "A wants to attack B": A threatens B
//	~ a (a b Q) SAY = a b Q           "A said A did Q to B": the event Q
//
// "a" is the governing verb's source; inside the brackets come the inner
// event's source and target and its verb, then the governing verb. "a"
// inside means the same actor as the governing source, another letter
// another actor, "_" no source of its own (the governing source acts:
// "wants to attack"), "." any target or none. Verbs are dictionary verbs
// standing for their code (a verb of the block of SAY matches SAY); "Q"
// stands for any code and, on the right, for the inner event's code.
type Transform struct {
	InnerSrc, InnerTgt string // variables: "a", "b", ..., "_" (none), "." (any)
	Inner, Outer       string // verb words, "Q" = any
	Src, Tgt           string // the result's variables
	Code               string // CAMEO code, or "Q" (the inner code)
	File               string
	Line               int
}

// parseTransform reads the text after "~".
func parseTransform(s string) (*Transform, error) {
	lhs, rhs, ok := strings.Cut(s, "=")
	if !ok {
		return nil, fmt.Errorf("no \"=\"")
	}
	lhs = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(lhs)
	l := strings.Fields(lhs)
	r := strings.Fields(rhs)
	if len(l) != 7 || l[1] != "(" || l[5] != ")" || len(r) != 3 {
		return nil, fmt.Errorf("want \"a (X Y VERB) VERB = X Y CODE\"")
	}
	t := &Transform{InnerSrc: strings.ToLower(l[2]), InnerTgt: strings.ToLower(l[3]),
		Inner: strings.ToUpper(l[4]), Outer: strings.ToUpper(l[6]),
		Src: strings.ToLower(r[0]), Tgt: strings.ToLower(r[1]), Code: strings.ToUpper(r[2])}
	if strings.ToLower(l[0]) != "a" {
		return nil, fmt.Errorf("the governing source must be \"a\"")
	}
	for _, v := range []string{t.InnerSrc, t.InnerTgt, t.Src, t.Tgt} {
		if !isVariable(v) {
			return nil, fmt.Errorf("bad variable %q", v)
		}
	}
	if t.Src == "_" || t.Src == "." || t.Tgt == "_" || t.Tgt == "." {
		return nil, fmt.Errorf("the result needs actors")
	}
	if t.Code != "Q" {
		c, err := eventCode(t.Code, false)
		if err != nil {
			return nil, err
		}
		t.Code = c
	}
	return t, nil
}

func isVariable(v string) bool {
	if v == "_" || v == "." {
		return true
	}
	return len(v) == 1 && v[0] >= 'a' && v[0] <= 'z'
}

// verbCode is the code a transformation's verb word stands for: its
// dictionary code (the first verb listed under that word), else the code
// of a block of that name; ok false when the word names neither.
func (v *Verbs) verbCode(w string) (Code, bool) {
	if w == "Q" {
		return Code{}, true
	}
	for _, vb := range v.Lookup(w) {
		if len(vb.Before) == 0 && len(vb.After) == 0 {
			return vb.Default(), true
		}
	}
	for _, b := range v.Blocks {
		if b.Name == w {
			return b.Code, true
		}
	}
	return Code{}, false
}
