package nlp

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/eventwire/eventwire/internal/nlp/conllu"
	"github.com/eventwire/eventwire/internal/nlp/ner"
)

// nerSent is a sentence with BIO labels.
type nerSent struct {
	ID     string
	Doc    string // document id ("# newdoc id"), "" when unknown
	Forms  []string
	Labels []string
}

// readIOB2 reads a UNER file (ID, FORM, TAG, ...).
func readIOB2(path string) ([]nerSent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner data: %w", err)
	}
	defer f.Close()
	var out []nerSent
	var cur nerSent
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	ln := 0
	doc := ""
	flush := func() {
		if len(cur.Forms) > 0 {
			cur.Doc = doc
			out = append(out, cur)
		}
		cur = nerSent{}
	}
	for sc.Scan() {
		ln++
		l := strings.TrimRight(sc.Text(), "\r")
		switch {
		case strings.TrimSpace(l) == "":
			flush()
		case strings.HasPrefix(l, "#"):
			if k, v, ok := strings.Cut(l[1:], "="); ok {
				switch strings.TrimSpace(k) {
				case "sent_id":
					cur.ID = strings.TrimSpace(v)
				case "newdoc id":
					doc = strings.TrimSpace(v)
				}
			}
		default:
			c := strings.Split(l, "\t")
			if len(c) < 3 {
				return nil, fmt.Errorf("%s:%d: want at least 3 columns", path, ln)
			}
			tag := c[2]
			if tag != "O" && !(len(tag) > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
				return nil, fmt.Errorf("%s:%d: bad tag %q", path, ln, tag)
			}
			cur.Forms = append(cur.Forms, c[1])
			cur.Labels = append(cur.Labels, tag)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", path, ln, err)
	}
	flush()
	return out, nil
}

type gumMention struct {
	first, last int // word indices, inclusive
	typ         string
}

// gumEntities parses the Entity= MISC annotations of a sentence into mentions.
func gumEntities(s *conllu.Sentence) []gumMention {
	type open struct {
		id, typ string
		first   int
	}
	var stack []open
	var out []gumMention
	closeID := func(id string, at int) {
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].id == id {
				out = append(out, gumMention{first: stack[k].first, last: at, typ: stack[k].typ})
				stack = append(stack[:k], stack[k+1:]...)
				return
			}
		}
	}
	for i, w := range s.Words {
		v := conllu.MiscValue(w.Misc, "Entity")
		for p := 0; p < len(v); {
			if v[p] == '(' {
				q := p + 1
				for q < len(v) && v[q] != '(' && v[q] != ')' {
					q++
				}
				f := strings.Split(v[p+1:q], "-")
				o := open{id: f[0], first: i}
				if len(f) > 1 {
					o.typ = f[1]
				}
				stack = append(stack, o)
				if q < len(v) && v[q] == ')' {
					closeID(o.id, i)
					q++
				}
				p = q
				continue
			}
			q := p
			for q < len(v) && v[q] != ')' && v[q] != '(' {
				q++
			}
			if q < len(v) && v[q] == ')' {
				closeID(v[p:q], i)
				q++
			}
			p = q
		}
	}
	return out
}

var gumTypes = map[string]string{"person": "PER", "place": "LOC", "organization": "ORG"}

func isProper(w *conllu.Word) bool {
	return w.UPOS == "PROPN" || strings.HasPrefix(w.XPOS, "NNP")
}

func isBridge(w *conllu.Word) bool {
	switch w.UPOS {
	case "ADP", "DET", "CCONJ", "PART":
		return true
	case "PUNCT":
		return w.Form == "-" || w.Form == "&" || w.Form == "."
	}
	return false
}

// gumNER turns GUM entity mentions headed by proper nouns into BIO labels:
// the label covers the proper-noun run around the head (with "of", "the",
// "&" inside it), outer mentions first.
func gumNER(s *conllu.Sentence) nerSent {
	ns := nerSent{ID: s.ID, Doc: s.Doc, Forms: s.Forms(), Labels: make([]string, len(s.Words))}
	for i := range ns.Labels {
		ns.Labels[i] = "O"
	}
	ms := gumEntities(s)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].last-ms[i].first > ms[j].last-ms[j].first })
	for _, m := range ms {
		typ, ok := gumTypes[m.typ]
		if !ok {
			continue
		}
		head := -1
		for i := m.first; i <= m.last; i++ {
			h := s.Words[i].Head - 1
			if h < m.first || h > m.last {
				head = i
				break
			}
		}
		if head < 0 || !isProper(&s.Words[head]) {
			continue
		}
		if typ == "PER" && s.Words[head].XPOS == "NNPS" {
			continue // groups and demonyms ("Americans")
		}
		a, b := head, head
		if typ == "PER" {
			// a person's name: the proper nouns around the head up to a title
			// or a non-name word ("US President [Barack Obama]"); hyphens
			// join parts of a name ("al-Assad").
			name := func(i int) bool { return isProper(&s.Words[i]) && !ner.IsTitle(s.Words[i].Form) }
			for a > m.first {
				if name(a - 1) {
					a--
				} else if a-2 >= m.first && s.Words[a-1].Form == "-" && name(a-2) {
					a -= 2
				} else {
					break
				}
			}
			for b < m.last {
				if name(b + 1) {
					b++
				} else if b+2 <= m.last && s.Words[b+1].Form == "-" && name(b+2) {
					b += 2
				} else {
					break
				}
			}
			if ner.IsTitle(s.Words[head].Form) {
				continue // a bare title ("the President")
			}
		} else {
			for a > m.first {
				if isProper(&s.Words[a-1]) {
					a--
				} else if a-2 >= m.first && isBridge(&s.Words[a-1]) && isProper(&s.Words[a-2]) {
					a -= 2
				} else {
					break
				}
			}
			for b < m.last {
				if isProper(&s.Words[b+1]) {
					b++
				} else if b+2 <= m.last && isBridge(&s.Words[b+1]) && isProper(&s.Words[b+2]) {
					b += 2
				} else {
					break
				}
			}
		}
		free := true
		for i := a; i <= b; i++ {
			if ns.Labels[i] != "O" {
				free = false
			}
		}
		if !free {
			continue
		}
		ns.Labels[a] = "B-" + typ
		for i := a + 1; i <= b; i++ {
			ns.Labels[i] = "I-" + typ
		}
	}
	return ns
}
