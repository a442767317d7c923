// Package wordfeat precomputes per-word feature hashes (normalized form,
// raw form, shape, affixes) shared by the tagger, parser and NER, so each
// word's strings are hashed once per sentence and never copied.
package wordfeat

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/nlp/linear"
)

// Flags of a word.
const (
	HasDigit = 1 << iota
	HasHyphen
	HasUpper
	AllUpper
	TitleCase
	HasLetter
	HasPeriod
)

// Word holds the hashes of one word's string properties.
type Word struct {
	Lower, Raw, Shape uint64
	Pre               [3]uint64 // prefixes of 1..3 bytes of the normalized form
	Suf               [4]uint64 // suffixes of 1..4 bytes
	Flags             uint8
	Len               int // runes

	// Longer affixes and hyphen parts (0 when absent); the tagger uses
	// them, the NER features predate them.
	Pre45           [2]uint64 // prefixes of 4 and 5 bytes
	Suf5            uint64    // suffix of 5 bytes
	HyFirst, HyLast uint64    // normalized parts before the first / after the last hyphen
}

// Pad is the word used outside the sentence.
var Pad = Word{Lower: linear.Seed(9000).Str("<PAD>").Sum(), Raw: linear.Seed(9001).Str("<PAD>").Sum(), Shape: linear.Seed(9002).Str("<PAD>").Sum()}

// Root is the word used for an artificial root.
var Root = Word{Lower: linear.Seed(9000).Str("<ROOT>").Sum(), Raw: linear.Seed(9001).Str("<ROOT>").Sum(), Shape: linear.Seed(9002).Str("<ROOT>").Sum()}

// Prepare fills dst (grown as needed) with the features of forms.
func Prepare(forms []string, dst []Word) []Word {
	dst = dst[:0]
	var buf [96]byte
	for _, f := range forms {
		dst = append(dst, Of(f, buf[:0]))
	}
	return dst
}

// Of computes the features of one form; buf is scratch space.
func Of(f string, buf []byte) Word {
	var w Word
	lb := buf[:0]
	sh := linear.Seed(3)
	var last byte
	run := 0
	for _, r := range f {
		w.Len++
		var c byte
		switch {
		case r >= '0' && r <= '9':
			w.Flags |= HasDigit
			c = 'd'
			r = '0'
		case unicode.IsUpper(r):
			w.Flags |= HasUpper | HasLetter
			c = 'X'
			r = unicode.ToLower(r)
		case unicode.IsLetter(r):
			w.Flags |= HasLetter
			c = 'x'
		default:
			if r == '-' {
				w.Flags |= HasHyphen
			}
			if r == '.' {
				w.Flags |= HasPeriod
			}
			if r < utf8.RuneSelf {
				c = byte(r)
			} else {
				c = '*'
			}
		}
		if c == last {
			run++
		} else {
			run = 0
		}
		last = c
		if run < 2 {
			sh = sh.Int(int(c))
		}
		if len(lb) < 64 {
			lb = utf8.AppendRune(lb, r)
		}
	}
	if w.Flags&HasUpper != 0 {
		fr, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(fr) {
			w.Flags |= TitleCase
		}
		allUp := true
		for _, r := range f {
			if unicode.IsLower(r) {
				allUp = false
				break
			}
		}
		if allUp {
			w.Flags |= AllUpper
		}
	}
	w.Lower = linear.Seed(1).Bytes(lb).Sum()
	rh := linear.Seed(2)
	if len(f) > 64 {
		rh = rh.Str(f[:64])
	} else {
		rh = rh.Str(f)
	}
	w.Raw = rh.Sum()
	w.Shape = sh.Sum()
	for n := 1; n <= 3; n++ {
		if n <= len(lb) {
			w.Pre[n-1] = linear.Seed(10 + n).Bytes(lb[:n]).Sum()
		}
	}
	for n := 1; n <= 4; n++ {
		if n <= len(lb) {
			w.Suf[n-1] = linear.Seed(20 + n).Bytes(lb[len(lb)-n:]).Sum()
		}
	}
	for n := 4; n <= 5; n++ {
		if n <= len(lb) {
			w.Pre45[n-4] = linear.Seed(10 + n).Bytes(lb[:n]).Sum()
		}
	}
	if len(lb) >= 5 {
		w.Suf5 = linear.Seed(25).Bytes(lb[len(lb)-5:]).Sum()
	}
	if w.Flags&HasHyphen != 0 && len(lb) > 1 {
		if i := bytes.IndexByte(lb, '-'); i > 0 {
			w.HyFirst = linear.Seed(1).Bytes(lb[:i]).Sum()
		}
		if i := bytes.LastIndexByte(lb, '-'); i >= 0 && i < len(lb)-1 {
			w.HyLast = linear.Seed(1).Bytes(lb[i+1:]).Sum()
		}
	}
	return w
}
