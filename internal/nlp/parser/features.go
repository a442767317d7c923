package parser

import (
	"github.com/eventwire/eventwire/internal/nlp/linear"
	"github.com/eventwire/eventwire/internal/nlp/wordfeat"
)

func dist(d int) int {
	switch {
	case d <= 4:
		return d
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	default:
		return 7
	}
}

// features appends the features of configuration s.
func features(s *state, sc *scratch, out []uint64) []uint64 {
	ws, tags := sc.words, sc.tags
	at := func(i int) int { // stack position from the top, -1 when absent
		if i < len(s.stack) {
			return s.stack[len(s.stack)-1-i]
		}
		return -1
	}
	buf := func(i int) int {
		if s.b+i <= s.n {
			return s.b + i
		}
		return -1
	}
	w := func(i int) uint64 {
		if i < 0 {
			return wordfeat.Pad.Lower
		}
		return ws[i].Lower
	}
	t := func(i int) int {
		if i < 0 {
			return -1
		}
		return tags[i]
	}
	l := func(i int) int {
		if i < 0 {
			return -2
		}
		return s.lab[i]
	}
	ch := func(a []int, i int) int {
		if i < 0 {
			return -1
		}
		return a[i]
	}
	s0, s1, s2 := at(0), at(1), at(2)
	b0, b1, b2 := buf(0), buf(1), buf(2)
	s0w, s1w, b0w, b1w := w(s0), w(s1), w(b0), w(b1)
	s0t, s1t, s2t, b0t, b1t, b2t := t(s0), t(s1), t(s2), t(b0), t(b1), t(b2)
	s0l1, s0l2, s0r1, s0r2 := ch(s.lc1, s0), ch(s.lc2, s0), ch(s.rc1, s0), ch(s.rc2, s0)
	s1l1, s1r1, s1r2 := ch(s.lc1, s1), ch(s.rc1, s1), ch(s.rc2, s1)
	b0l1, b0l2 := ch(s.lc1, b0), ch(s.lc2, b0)
	d := 0
	if s0 > 0 && b0 > 0 {
		d = dist(b0 - s0)
	}
	vl0, vr0, vl1, vr1, vlb := 0, 0, 0, 0, 0
	if s0 >= 0 {
		vl0, vr0 = min(s.nl[s0], 4), min(s.nr[s0], 4)
	}
	if s1 >= 0 {
		vl1, vr1 = min(s.nl[s1], 4), min(s.nr[s1], 4)
	}
	if b0 >= 0 {
		vlb = min(s.nl[b0], 4)
	}
	var s0sfx, b0sfx uint64
	if s0 > 0 {
		s0sfx = ws[s0].Suf[2]
	}
	if b0 > 0 {
		b0sfx = ws[b0].Suf[2]
	}
	S := linear.Seed
	out = append(out,
		S(1).Sum(),
		// unigrams
		S(2).U64(s0w).Sum(), S(3).Int(s0t).Sum(), S(4).U64(s0w).Int(s0t).Sum(),
		S(5).U64(s1w).Sum(), S(6).Int(s1t).Sum(), S(7).U64(s1w).Int(s1t).Sum(),
		S(8).U64(b0w).Sum(), S(9).Int(b0t).Sum(), S(10).U64(b0w).Int(b0t).Sum(),
		S(11).U64(b1w).Sum(), S(12).Int(b1t).Sum(), S(13).U64(b1w).Int(b1t).Sum(),
		S(14).Int(b2t).Sum(), S(15).Int(s2t).Sum(), S(16).U64(w(b2)).Sum(), S(17).U64(w(s2)).Sum(),
		// pairs
		S(20).U64(s0w).Int(s0t).U64(b0w).Int(b0t).Sum(),
		S(21).U64(s0w).Int(s0t).U64(b0w).Sum(),
		S(22).U64(s0w).U64(b0w).Int(b0t).Sum(),
		S(23).U64(s0w).Int(s0t).Int(b0t).Sum(),
		S(24).Int(s0t).U64(b0w).Int(b0t).Sum(),
		S(25).U64(s0w).U64(b0w).Sum(),
		S(26).Int(s0t).Int(b0t).Sum(),
		S(27).Int(b0t).Int(b1t).Sum(),
		S(28).U64(s1w).Int(s1t).U64(s0w).Int(s0t).Sum(),
		S(29).Int(s1t).Int(s0t).Sum(),
		S(30).U64(s1w).U64(s0w).Sum(),
		S(31).Int(s1t).U64(s0w).Int(s0t).Sum(),
		S(32).U64(s1w).Int(s1t).Int(s0t).Sum(),
		S(33).U64(s1w).Int(s1t).Int(b0t).Sum(),
		S(34).Int(s1t).U64(b0w).Int(b0t).Sum(),
		// triples of tags
		S(40).Int(b0t).Int(b1t).Int(b2t).Sum(),
		S(41).Int(s0t).Int(b0t).Int(b1t).Sum(),
		S(42).Int(s1t).Int(s0t).Int(b0t).Sum(),
		S(43).Int(s2t).Int(s1t).Int(s0t).Sum(),
		S(44).Int(s0t).Int(t(s0l1)).Int(b0t).Sum(),
		S(45).Int(s0t).Int(t(s0r1)).Int(b0t).Sum(),
		S(46).Int(s0t).Int(b0t).Int(t(b0l1)).Sum(),
		S(47).Int(s1t).Int(s0t).Int(t(s0l1)).Sum(),
		S(48).Int(s1t).Int(s0t).Int(t(s0r1)).Sum(),
		S(49).Int(s1t).Int(t(s1r1)).Int(s0t).Sum(),
		S(50).Int(s1t).Int(t(s1l1)).Int(s0t).Sum(),
		S(51).Int(s1t).Int(s0t).Int(b1t).Sum(),
		// distance
		S(60).U64(s0w).Int(d).Sum(), S(61).Int(s0t).Int(d).Sum(),
		S(62).U64(b0w).Int(d).Sum(), S(63).Int(b0t).Int(d).Sum(),
		S(64).U64(s0w).U64(b0w).Int(d).Sum(), S(65).Int(s0t).Int(b0t).Int(d).Sum(),
		// valency
		S(70).U64(s0w).Int(vr0).Sum(), S(71).Int(s0t).Int(vr0).Sum(),
		S(72).U64(s0w).Int(vl0).Sum(), S(73).Int(s0t).Int(vl0).Sum(),
		S(74).U64(b0w).Int(vlb).Sum(), S(75).Int(b0t).Int(vlb).Sum(),
		S(76).Int(s1t).Int(vl1).Int(vr1).Sum(),
		// children
		S(80).U64(w(s0l1)).Sum(), S(81).Int(t(s0l1)).Sum(), S(82).Int(l(s0l1)).Sum(),
		S(83).U64(w(s0r1)).Sum(), S(84).Int(t(s0r1)).Sum(), S(85).Int(l(s0r1)).Sum(),
		S(86).U64(w(b0l1)).Sum(), S(87).Int(t(b0l1)).Sum(), S(88).Int(l(b0l1)).Sum(),
		S(89).Int(t(s1r1)).Sum(), S(90).Int(l(s1r1)).Sum(), S(91).U64(w(s1r1)).Sum(),
		S(92).Int(t(s0l2)).Sum(), S(93).Int(l(s0l2)).Sum(), S(94).Int(t(s0r2)).Sum(), S(95).Int(l(s0r2)).Sum(),
		S(96).Int(t(b0l2)).Sum(), S(97).Int(l(b0l2)).Sum(),
		S(98).Int(s0t).Int(l(s0l1)).Int(l(s0l2)).Sum(),
		S(99).Int(s0t).Int(l(s0r1)).Int(l(s0r2)).Sum(),
		S(100).Int(b0t).Int(l(b0l1)).Int(l(b0l2)).Sum(),
		S(101).Int(s1t).Int(l(s1r1)).Int(l(s1r2)).Sum(),
		S(102).Int(s0t).Int(l(s0)).Sum(),
		S(103).Int(t(s1l1)).Sum(),
		// suffixes of the focus words
		S(110).U64(s0sfx).Int(b0t).Sum(), S(111).U64(b0sfx).Int(s0t).Sum(),
	)
	if !sc.rich {
		return out
	}
	// third order (tags of the two outermost children)
	s1l2 := ch(s.lc2, s1)
	ls := func(a []uint64, i int) uint64 {
		if i < 0 {
			return 1 << 63
		}
		return a[i]
	}
	between := func(a, b int) int { // clause punctuation strictly between a < b
		if a < 0 || b < 0 || a >= b {
			return -1
		}
		return min(sc.punct[b]-sc.punct[a+1], 3)
	}
	d10 := -1
	if s1 > 0 && s0 > 0 {
		d10 = dist(s0 - s1)
	}
	var s0fl, b0fl int
	if s0 > 0 {
		s0fl = int(ws[s0].Flags)
	}
	if b0 > 0 {
		b0fl = int(ws[b0].Flags)
	}
	b3t := t(buf(3))
	out = append(out,
		S(120).Int(s0t).Int(t(s0l1)).Int(t(s0l2)).Sum(),
		S(121).Int(s0t).Int(t(s0r1)).Int(t(s0r2)).Sum(),
		S(122).Int(s1t).Int(t(s1r1)).Int(t(ch(s.rc2, s1))).Sum(),
		S(123).Int(b0t).Int(t(b0l1)).Int(t(b0l2)).Sum(),
		S(124).Int(s1t).Int(t(s1l1)).Int(t(s1l2)).Sum(),
		// label sets
		S(125).U64(s0w).U64(ls(s.lset, s0)).Sum(), S(126).Int(s0t).U64(ls(s.lset, s0)).Sum(),
		S(127).U64(s0w).U64(ls(s.rset, s0)).Sum(), S(128).Int(s0t).U64(ls(s.rset, s0)).Sum(),
		S(129).U64(b0w).U64(ls(s.lset, b0)).Sum(), S(130).Int(b0t).U64(ls(s.lset, b0)).Sum(),
		S(131).Int(s1t).U64(ls(s.rset, s1)).Sum(), S(132).Int(s1t).U64(ls(s.lset, s1)).Sum(),
		// children words with head tags
		S(133).U64(w(s0l1)).Int(t(s0l1)).Sum(),
		S(134).Int(s0t).U64(w(s0l1)).Sum(), S(135).Int(s0t).U64(w(s0r1)).Sum(),
		S(136).Int(b0t).U64(w(b0l1)).Sum(), S(137).Int(s1t).U64(w(s1r1)).Sum(),
		// distance between s1 and s0, punctuation in between
		S(138).Int(s1t).Int(s0t).Int(d10).Sum(), S(139).U64(s1w).U64(s0w).Int(d10).Sum(),
		S(140).Int(s0t).Int(b0t).Int(between(s0, b0)).Sum(),
		S(141).Int(s1t).Int(s0t).Int(between(s1, s0)).Sum(),
		S(142).Int(b1t).Int(b2t).Int(b3t).Sum(),
		// mixed word/tag triples
		S(144).U64(s0w).Int(b0t).Int(b1t).Sum(),
		S(145).Int(s0t).U64(b0w).Int(b1t).Sum(),
		S(146).U64(s1w).Int(s0t).Int(b0t).Sum(),
		S(147).Int(s1t).U64(s0w).Int(b0t).Sum(),
		S(148).Int(s1t).Int(s0t).U64(b0w).Sum(),
		S(149).Int(s0t).Int(s0fl).Int(b0t).Int(b0fl).Sum(),
		S(150).U64(s0sfx).U64(b0sfx).Sum(),
		S(151).Int(s0t).Int(b0t).Int(l(s0l1)).Int(l(b0l1)).Sum(),
	)
	return out
}
