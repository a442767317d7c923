package actors

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/cameo"
)

// Entry is a read-only view of one dictionary entry, for tools that
// inspect, filter or convert dictionaries.
type Entry struct {
	Kind    string // country, demonym, capital, metonym, person, agent, igo, ngo, group, party
	Name    string // canonical name
	Aliases []string
	Codes   []Code
	Source  string // file:line it was read from
}

// Code is one code of an Entry with its validity ("" = open end).
type Code struct {
	Code     cameo.ActorCode
	From, To string // YYYY-MM-DD, YYYY-MM or YYYY; "" when open
	Office   string
}

// Entries returns views of all entries in load order.
func (d *Dict) Entries() []Entry {
	out := make([]Entry, 0, len(d.entries))
	for _, e := range d.entries {
		x := Entry{Kind: string(e.kind), Name: e.name, Aliases: append([]string(nil), e.aliases...), Source: e.src}
		for _, s := range e.spans {
			x.Codes = append(x.Codes, Code{Code: s.code, From: s.from, To: unpad(s.to), Office: s.office})
		}
		if e.kind == ekAgent && e.office != "" && len(x.Codes) > 0 && x.Codes[0].Office == "" {
			x.Codes[0].Office = e.office
		}
		out = append(out, x)
	}
	return out
}

// unpad turns the padded end of a partial date back into its written form.
func unpad(s string) string {
	s = strings.TrimSuffix(s, "-99")
	return strings.TrimSuffix(s, "-99")
}

// Format writes entries in eventwire's dictionary format (FORMAT.md), one
// block per entry, so that Load reads them back. header lines are written
// first as comments.
func Format(w io.Writer, entries []Entry, header ...string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		if h == "" {
			bw.WriteString("#\n")
			continue
		}
		fmt.Fprintf(bw, "# %s\n", h)
	}
	if len(header) > 0 {
		bw.WriteString("\n")
	}
	for _, e := range entries {
		if e.Name == "" || len(e.Codes) == 0 {
			continue
		}
		if _, ok := entryKinds[e.Kind]; !ok {
			return fmt.Errorf("actors: entry %q: unknown kind %q", e.Name, e.Kind)
		}
		names := []string{clean(e.Name)}
		seen := map[string]bool{strings.ToLower(names[0]): true}
		for _, a := range e.Aliases {
			a = clean(a)
			if a == "" || seen[strings.ToLower(a)] {
				continue
			}
			seen[strings.ToLower(a)] = true
			names = append(names, a)
		}
		fmt.Fprintf(bw, "%s: %s\n", e.Kind, names[0])
		rest := names[1:]
		for len(rest) > 0 {
			n := min(len(rest), 6)
			fmt.Fprintf(bw, "  | %s\n", strings.Join(rest[:n], " | "))
			rest = rest[n:]
		}
		for _, c := range e.Codes {
			line := "  " + string(c.Code)
			if c.From != "" || c.To != "" {
				line += " " + c.From + ".." + c.To
			}
			if c.Office != "" {
				line += " @" + c.Office
			}
			bw.WriteString(line + "\n")
		}
	}
	return bw.Flush()
}

// clean makes a name safe for the format: no '|', '=', ':' at the kind
// position or '#' comment starts.
func clean(s string) string {
	r := strings.NewReplacer("|", " ", "=", " ", "#", " ", "\t", " ")
	return strings.Join(strings.Fields(r.Replace(s)), " ")
}

// SortEntries orders entries by kind then name, for stable tool output.
func SortEntries(es []Entry) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Kind != es[j].Kind {
			return es[i].Kind < es[j].Kind
		}
		return es[i].Name < es[j].Name
	})
}
