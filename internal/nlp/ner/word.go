package ner

// The NER's own copy of the per-word feature hashes (normalized form, raw
// form, shape, affixes), kept apart from the tagger's so that changes there
// do not invalidate the NER weights.

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Flags of a word.
const (
	wDigit = 1 << iota
	wHyphen
	wUpper
	wAllUpper
	wTitle
	wLetter
	wPeriod
)

// word holds the hashes of one word's string properties.
type word struct {
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

// padWord is the word used outside the sentence.
var padWord = word{Lower: seed(9000).Str("<PAD>").Sum(), Raw: seed(9001).Str("<PAD>").Sum(), Shape: seed(9002).Str("<PAD>").Sum()}

// prepareWords fills dst (grown as needed) with the features of forms.
func prepareWords(forms []string, dst []word) []word {
	dst = dst[:0]
	var buf [96]byte
	for _, f := range forms {
		dst = append(dst, wordOf(f, buf[:0]))
	}
	return dst
}

// wordOf computes the features of one form; buf is scratch space.
func wordOf(f string, buf []byte) word {
	var w word
	lb := buf[:0]
	sh := seed(3)
	var last byte
	run := 0
	for _, r := range f {
		w.Len++
		var c byte
		switch {
		case r >= '0' && r <= '9':
			w.Flags |= wDigit
			c = 'd'
			r = '0'
		case unicode.IsUpper(r):
			w.Flags |= wUpper | wLetter
			c = 'X'
			r = unicode.ToLower(r)
		case unicode.IsLetter(r):
			w.Flags |= wLetter
			c = 'x'
		default:
			if r == '-' {
				w.Flags |= wHyphen
			}
			if r == '.' {
				w.Flags |= wPeriod
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
	if w.Flags&wUpper != 0 {
		fr, _ := utf8.DecodeRuneInString(f)
		if unicode.IsUpper(fr) {
			w.Flags |= wTitle
		}
		allUp := true
		for _, r := range f {
			if unicode.IsLower(r) {
				allUp = false
				break
			}
		}
		if allUp {
			w.Flags |= wAllUpper
		}
	}
	w.Lower = seed(1).Bytes(lb).Sum()
	rh := seed(2)
	if len(f) > 64 {
		rh = rh.Str(f[:64])
	} else {
		rh = rh.Str(f)
	}
	w.Raw = rh.Sum()
	w.Shape = sh.Sum()
	for n := 1; n <= 3; n++ {
		if n <= len(lb) {
			w.Pre[n-1] = seed(10 + n).Bytes(lb[:n]).Sum()
		}
	}
	for n := 1; n <= 4; n++ {
		if n <= len(lb) {
			w.Suf[n-1] = seed(20 + n).Bytes(lb[len(lb)-n:]).Sum()
		}
	}
	for n := 4; n <= 5; n++ {
		if n <= len(lb) {
			w.Pre45[n-4] = seed(10 + n).Bytes(lb[:n]).Sum()
		}
	}
	if len(lb) >= 5 {
		w.Suf5 = seed(25).Bytes(lb[len(lb)-5:]).Sum()
	}
	if w.Flags&wHyphen != 0 && len(lb) > 1 {
		if i := bytes.IndexByte(lb, '-'); i > 0 {
			w.HyFirst = seed(1).Bytes(lb[:i]).Sum()
		}
		if i := bytes.LastIndexByte(lb, '-'); i >= 0 && i < len(lb)-1 {
			w.HyLast = seed(1).Bytes(lb[i+1:]).Sum()
		}
	}
	return w
}
