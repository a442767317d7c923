package tagger

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

// Lexicon bits: what an external word list says about a (lowercased) word.
const (
	LexLower   = 1 << iota // listed in lowercase in the spelling word list
	LexCapital             // listed capitalized only (a name)
	LexNoun                // a WordNet noun (or an inflection of one)
	LexVerb
	LexAdj
	LexAdv
)

// Lexicon maps the normalized-form hash of a word (wordfeat.Word.Lower) to
// its Lex* bits. It lets the tagger guess the classes of words the
// treebanks never show.
type Lexicon map[uint64]uint8

// Of returns the bits of a word.
func (l Lexicon) Of(w *wordfeat.Word) uint8 { return l[w.Lower] }

func lowerKey(s string) uint64 { return wordfeat.Of(s, nil).Lower }

// ReadLexicon builds a lexicon from a spelling word list (one word per line,
// as in Debian's wamerican: /usr/share/dict/american-english) and a WordNet
// database folder (Debian's wordnet-base: /usr/share/wordnet, files
// index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc). Inflected forms
// in the word list get the WordNet classes of their base forms, found by
// WordNet's detachment rules and exception lists.
func ReadLexicon(wordList, wordnetDir string) (Lexicon, error) {
	type pos struct {
		name string
		bit  uint8
		// detachment rules: suffix → replacement
		rules [][2]string
	}
	poses := []pos{
		{"noun", LexNoun, [][2]string{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}}},
		{"verb", LexVerb, [][2]string{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}},
		{"adj", LexAdj, [][2]string{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}}},
		{"adv", LexAdv, nil},
	}
	lemmas := map[string]uint8{} // WordNet lemma → bits
	exc := map[string]uint8{}    // inflected form → bits of its base
	for _, p := range poses {
		err := eachLine(filepath.Join(wordnetDir, "index."+p.name), func(ln string) {
			if ln == "" || ln[0] == ' ' {
				return // licence header
			}
			w, _, _ := strings.Cut(ln, " ")
			if !strings.Contains(w, "_") {
				lemmas[w] |= p.bit
			}
		})
		if err != nil {
			return nil, err
		}
	}
	for _, p := range poses {
		err := eachLine(filepath.Join(wordnetDir, p.name+".exc"), func(ln string) {
			if f := strings.Fields(ln); len(f) >= 2 && !strings.Contains(f[0], "_") {
				exc[f[0]] |= p.bit
			}
		})
		if err != nil {
			return nil, err
		}
	}
	classes := func(w string) uint8 {
		b := lemmas[w] | exc[w]
		for _, p := range poses {
			if b&p.bit != 0 {
				continue
			}
			for _, r := range p.rules {
				if base, ok := strings.CutSuffix(w, r[0]); ok && base != "" && lemmas[base+r[1]]&p.bit != 0 {
					b |= p.bit
					break
				}
			}
		}
		return b
	}
	lower := map[string]bool{}
	capital := map[string]bool{}
	err := eachLine(wordList, func(w string) {
		if w == "" || strings.HasSuffix(w, "'s") {
			return
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			capital[strings.ToLower(w)] = true
		} else {
			lower[w] = true
		}
	})
	if err != nil {
		return nil, err
	}
	lex := Lexicon{}
	add := func(w string, b uint8) {
		if b != 0 {
			lex[lowerKey(w)] |= b
		}
	}
	for w := range lower {
		add(w, LexLower|classes(w))
	}
	for w := range capital {
		b := classes(w)
		if !lower[w] {
			b |= LexCapital
		}
		add(w, b)
	}
	for w, b := range lemmas {
		add(w, b)
	}
	for w, b := range exc {
		add(w, b)
	}
	if len(lex) == 0 {
		return nil, fmt.Errorf("tagger: empty lexicon from %s and %s", wordList, wordnetDir)
	}
	return lex, nil
}

func eachLine(path string, f func(string)) error {
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("tagger: lexicon: %w", err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	for sc.Scan() {
		f(sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("tagger: lexicon %s: %w", path, err)
	}
	return nil
}
