package cameo

import (
	"fmt"
	"sort"
	"sync"
)

// Info is everything the tables know about one event code.
type Info struct {
	Code       EventCode
	Name       string
	Root       Root
	Goldstein  float64
	Quad       QuadClass
	PLOVER     string // PLOVER event type, e.g. "ACCUSE"; "" for plain statements (root 01) PLOVER does not code
	PLOVERMode string // PLOVER mode, e.g. "aerial"; "" when none is defined
}

var (
	eventsOnce sync.Once
	eventIndex map[EventCode]int
)

func events() map[EventCode]int {
	eventsOnce.Do(func() {
		eventIndex = make(map[EventCode]int, len(eventTable))
		for i, r := range eventTable {
			eventIndex[r.code] = i
		}
	})
	return eventIndex
}

// Lookup returns the table entry for a CAMEO event code.
func Lookup(code EventCode) (Info, bool) {
	i, ok := events()[code]
	if !ok {
		return Info{}, false
	}
	r := eventTable[i]
	root := code.Root()
	p, mode := ploverOf(code)
	return Info{
		Code:       code,
		Name:       r.name,
		Root:       root,
		Goldstein:  r.goldstein,
		Quad:       root.Quad(),
		PLOVER:     p,
		PLOVERMode: mode,
	}, true
}

// Codes returns every known event code in table (code) order.
func Codes() []EventCode {
	out := make([]EventCode, len(eventTable))
	for i, r := range eventTable {
		out[i] = r.code
	}
	return out
}

// ParseEventCode checks that s is a known CAMEO event code (2 to 4 digits)
// and returns it typed. Leading and trailing spaces are not accepted.
func ParseEventCode(s string) (EventCode, error) {
	if len(s) < 2 || len(s) > 4 {
		return "", fmt.Errorf("cameo: event code %q: want 2 to 4 digits", s)
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return "", fmt.Errorf("cameo: event code %q: non-digit %q at %d", s, s[i], i)
		}
	}
	c := EventCode(s)
	if _, ok := events()[c]; !ok {
		return "", fmt.Errorf("cameo: event code %q: not in the CAMEO table", s)
	}
	return c, nil
}

// Root returns the two-digit root of the code ("" when the code is shorter
// than two characters).
func (c EventCode) Root() Root {
	if len(c) < 2 {
		return ""
	}
	return Root(c[:2])
}

// Valid reports whether c is in the CAMEO table.
func (c EventCode) Valid() bool { _, ok := events()[c]; return ok }

// String returns the code itself.
func (c EventCode) String() string { return string(c) }

// Name returns the codebook name, or "" when unknown.
func (c EventCode) Name() string {
	if i, ok := events()[c]; ok {
		return eventTable[i].name
	}
	return ""
}

// Goldstein returns the Goldstein value of the code and whether it is known.
func (c EventCode) Goldstein() (float64, bool) {
	if i, ok := events()[c]; ok {
		return eventTable[i].goldstein, true
	}
	return 0, false
}

// Roots returns the twenty CAMEO roots in order.
func Roots() []Root {
	out := make([]Root, 0, 20)
	for i := 1; i <= 20; i++ {
		out = append(out, Root(fmt.Sprintf("%02d", i)))
	}
	return out
}

// Quad returns the GDELT QuadClass of a root: 01–05 verbal cooperation,
// 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.
func (r Root) Quad() QuadClass {
	if len(r) != 2 || r[0] < '0' || r[0] > '2' || r[1] < '0' || r[1] > '9' {
		return QuadNone
	}
	n := int(r[0]-'0')*10 + int(r[1]-'0')
	switch {
	case n >= 1 && n <= 5:
		return VerbalCooperation
	case n >= 6 && n <= 8:
		return MaterialCooperation
	case n >= 9 && n <= 13:
		return VerbalConflict
	case n >= 14 && n <= 20:
		return MaterialConflict
	}
	return QuadNone
}

// Name returns the codebook name of the root ("" when unknown).
func (r Root) Name() string { return EventCode(r).Name() }

// Valid reports whether r is one of the twenty roots.
func (r Root) Valid() bool { return r.Quad() != QuadNone }

// String returns the root itself.
func (r Root) String() string { return string(r) }

// Children returns the codes of the table under the root, in code order,
// the root's own two-digit form excluded.
func (r Root) Children() []EventCode {
	var out []EventCode
	for _, row := range eventTable {
		if len(row.code) > 2 && row.code.Root() == r {
			out = append(out, row.code)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}
