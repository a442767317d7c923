package ner

import (
	"sort"
	"strings"
)

// TagDocument tags the sentences of one document and then makes the
// labels consistent across it: a name tagged with different types takes
// its most frequent type, and later or earlier occurrences of a tagged
// name that the sentence model missed get the name's type; a lone
// surname of a person named in full ("Cruise" after "Tom Cruise") is that
// person. tags[i] are the tagger classes of sentence i (may be nil).
func (m *Model) TagDocument(forms [][]string, tags [][]int) [][]int {
	out := make([][]int, len(forms))
	for i, f := range forms {
		var t []int
		if i < len(tags) {
			t = tags[i]
		}
		out[i] = m.Tag(f, t, nil)
	}
	m.harmonize(forms, out)
	return out
}

type docMention struct {
	s, a, b int // sentence, word span [a,b)
	typ     string
}

func (m *Model) mentionsOf(forms [][]string, labels [][]int) []docMention {
	var ms []docMention
	for s, ls := range labels {
		for i := 0; i < len(ls); {
			if ls[i] == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(ls) && m.inside[ls[j]] >= 0 && m.inside[ls[j]] == ls[i] {
				j++
			}
			ms = append(ms, docMention{s, i, j, m.Labels[ls[i]][2:]})
			i = j
		}
	}
	return ms
}

// Harmonize applies TagDocument's consistency rules to labels already
// predicted by Tag for the sentences (forms) of one document.
func (m *Model) Harmonize(forms [][]string, labels [][]int) { m.harmonize(forms, labels) }

// Label returns the index of a BIO label name ("B-PER"); "" and unknown
// names are O (0).
func (m *Model) Label(name string) int { return max(m.labelIndex(name), 0) }

func (m *Model) harmonize(forms [][]string, labels [][]int) {
	ms := m.mentionsOf(forms, labels)
	if len(ms) == 0 {
		return
	}
	defer m.propagateSurnames(forms, labels)
	key := func(s, a, b int) string { return strings.Join(forms[s][a:b], " ") }
	votes := map[string]map[string]int{}
	for _, mt := range ms {
		k := key(mt.s, mt.a, mt.b)
		if votes[k] == nil {
			votes[k] = map[string]int{}
		}
		votes[k][mt.typ]++
	}
	best := map[string]string{}
	for k, v := range votes {
		bt, bn, tie := "", 0, false
		for t, n := range v {
			switch {
			case n > bn:
				bt, bn, tie = t, n, false
			case n == bn:
				tie = true
			}
		}
		if !tie {
			best[k] = bt
		}
	}
	set := func(s, a, b int, typ string) {
		bl, il := m.labelIndex("B-"+typ), m.labelIndex("I-"+typ)
		if bl < 0 || il < 0 {
			return
		}
		labels[s][a] = bl
		for j := a + 1; j < b; j++ {
			labels[s][j] = il
		}
	}
	// 1. one type per name
	for _, mt := range ms {
		if t, ok := best[key(mt.s, mt.a, mt.b)]; ok && t != mt.typ {
			set(mt.s, mt.a, mt.b, t)
		}
	}
	// 2. untagged occurrences of a tagged name, longer names first
	names := make([]string, 0, len(best))
	for k := range best {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := strings.Count(names[i], " "), strings.Count(names[j], " ")
		if a != b {
			return a > b
		}
		return names[i] < names[j]
	})
	for _, k := range names {
		typ := best[k]
		words := strings.Split(k, " ")
		if !nameLike(words) {
			continue
		}
		for s, f := range forms {
			for i := 0; i+len(words) <= len(f); i++ {
				if f[i] != words[0] || strings.Join(f[i:i+len(words)], " ") != k {
					continue
				}
				free := true
				for j := i; j < i+len(words); j++ {
					free = free && labels[s][j] == 0
				}
				if i > 0 && labels[s][i-1] != 0 || i+len(words) < len(f) && labels[s][i+len(words)] != 0 {
					free = false // next to a mention: leave the boundary alone
				}
				if free {
					set(s, i, i+len(words), typ)
				}
			}
		}
	}
}

// surnames returns the last words of the multiword person mentions in
// ms that look like surnames ("Cruise" of "Tom Cruise").
func (m *Model) surnames(forms [][]string, ms []docMention) map[string]bool {
	out := map[string]bool{}
	for _, mt := range ms {
		if mt.typ != "PER" || mt.b-mt.a < 2 {
			continue
		}
		w := forms[mt.s][mt.b-1]
		if nameLike([]string{w}) && len(w) > 2 && strings.ToUpper(w) != w && !strings.HasSuffix(w, ".") {
			out[w] = true
		}
	}
	return out
}

// propagateSurnames makes a lone later or earlier occurrence of a
// person's surname in the document a person ("Cruise said"), whether the
// sentence model missed it or gave it another type.
func (m *Model) propagateSurnames(forms [][]string, labels [][]int) {
	if m.bPer < 0 {
		return
	}
	sn := m.surnames(forms, m.mentionsOf(forms, labels))
	if len(sn) == 0 {
		return
	}
	for s, f := range forms {
		ls := labels[s]
		for i, w := range f {
			if !sn[w] || ls[i] == m.bPer {
				continue
			}
			if ls[i] != 0 && m.inside[ls[i]] >= 0 || i+1 < len(ls) && ls[i+1] != 0 && m.inside[ls[i+1]] >= 0 {
				continue // part of a longer mention
			}
			if ls[i] == 0 && (i > 0 && ls[i-1] != 0 || i+1 < len(ls) && ls[i+1] != 0) {
				continue // next to a mention
			}
			if i+1 < len(f) && len(f[i+1]) > 0 && f[i+1][0] >= 'A' && f[i+1][0] <= 'Z' && ls[i+1] == 0 {
				continue // a longer capitalized name
			}
			ls[i] = m.bPer
		}
	}
}

// nameLike reports whether a name is distinctive enough to be propagated:
// it starts with a capital letter and is not a lone title or function word.
func nameLike(words []string) bool {
	w := words[0]
	if w == "" || !(w[0] >= 'A' && w[0] <= 'Z') {
		return false
	}
	if len(words) == 1 && (len(w) < 2 || titles[w] || stopWords[strings.ToLower(w)]) {
		return false
	}
	return true
}
