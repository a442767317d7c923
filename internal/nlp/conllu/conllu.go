// Package conllu reads CoNLL-U treebanks: sentences with their comments
// (# sent_id, # text, # newdoc id), multiword tokens, syntactic words and
// the MISC column (SpaceAfter=No, Entity=...).
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// Word is one syntactic word (a line with an integer ID).
type Word struct {
	ID     int // 1-based
	Form   string
	Lemma  string
	UPOS   string
	XPOS   string
	Feats  string
	Head   int // 0 for root, -1 when the column is "_"
	Deprel string
	Misc   string
}

// Multi is a multiword token covering words First..Last (1-based, inclusive).
type Multi struct {
	First, Last int
	Form        string
	Misc        string
}

// Sentence is one sentence block.
type Sentence struct {
	ID     string // # sent_id
	Text   string // # text
	NewDoc string // # newdoc id, when this sentence opens a document
	Doc    string // the id of the document the sentence belongs to
	Words  []Word
	Multis []Multi
	Line   int // line number of the block's first line
}

// Forms returns the word forms.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// MiscValue returns the value of key in a MISC column ("" when absent).
func MiscValue(misc, key string) string {
	if misc == "_" || misc == "" {
		return ""
	}
	for _, kv := range strings.Split(misc, "|") {
		if k, v, ok := strings.Cut(kv, "="); ok && k == key {
			return v
		}
	}
	return ""
}

// ReadFile reads all sentences of a CoNLL-U file.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	defer f.Close()
	ss, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ss, nil
}

// Read reads all sentences from r. Errors name the offending line.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	var out []Sentence
	var cur Sentence
	open := false
	doc := ""
	ln := 0
	flush := func() error {
		if !open {
			return nil
		}
		open = false
		for i, w := range cur.Words {
			if w.ID != i+1 {
				return fmt.Errorf("line %d: sentence %q: word IDs not consecutive from 1", cur.Line, cur.ID)
			}
			if w.Head > len(cur.Words) {
				return fmt.Errorf("line %d: sentence %q: head %d out of range", cur.Line, cur.ID, w.Head)
			}
		}
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		return nil
	}
	for sc.Scan() {
		ln++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if err := flush(); err != nil {
				return out, err
			}
			continue
		}
		if !open {
			open = true
			cur = Sentence{Line: ln, Doc: doc}
		}
		if strings.HasPrefix(line, "#") {
			c := strings.TrimSpace(line[1:])
			if k, v, ok := strings.Cut(c, "="); ok {
				k, v = strings.TrimSpace(k), strings.TrimSpace(v)
				switch k {
				case "sent_id":
					cur.ID = v
				case "text":
					cur.Text = v
				case "newdoc id":
					cur.NewDoc = v
					cur.Doc = v
					doc = v
				}
			} else if c == "newdoc" {
				cur.NewDoc = "_"
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return out, fmt.Errorf("line %d: want 10 tab-separated columns, got %d", ln, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || first < 1 || last < first {
				return out, fmt.Errorf("line %d: bad multiword range %q", ln, id)
			}
			cur.Multis = append(cur.Multis, Multi{First: first, Last: last, Form: cols[1], Misc: cols[9]})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n < 1 {
			return out, fmt.Errorf("line %d: bad word ID %q", ln, id)
		}
		head := -1
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return out, fmt.Errorf("line %d: bad head %q", ln, cols[6])
			}
			head = h
		}
		cur.Words = append(cur.Words, Word{ID: n, Form: cols[1], Lemma: cols[2], UPOS: cols[3], XPOS: cols[4],
			Feats: cols[5], Head: head, Deprel: cols[7], Misc: cols[9]})
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("line %d: %w", ln, err)
	}
	if err := flush(); err != nil {
		return out, err
	}
	return out, nil
}
