package coder

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
)

// dropOverlapping keeps, among events of one trigger and root code whose
// sources overlap and whose targets overlap (in the text, with compatible
// actor codes), only the most specific: "met Somali President Hassan
// Sheikh Mohamud" read both as "Somali" (SOM) and as the whole name
// (SOMGOV) is one meeting. Specificity is the longer actor codes, then the
// longer spans. Distinct conjuncts ("met Ruto and Mohamud") do not overlap
// and are kept.
func dropOverlapping(evs []doc.Event) []doc.Event {
	overlap := func(a, b *doc.Participant) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		if a.Start >= b.End || b.Start >= a.End {
			return false
		}
		ac, bc := string(a.Actor), string(b.Actor)
		return strings.HasPrefix(ac, bc) || strings.HasPrefix(bc, ac)
	}
	size := func(p *doc.Participant) (int, int) {
		if p == nil {
			return 0, 0
		}
		return len(p.Actor), p.End - p.Start
	}
	better := func(e, f *doc.Event) bool { // e more specific than f
		ec1, es1 := size(e.Source)
		ec2, es2 := size(e.Target)
		fc1, fs1 := size(f.Source)
		fc2, fs2 := size(f.Target)
		if ec1+ec2 != fc1+fc2 {
			return ec1+ec2 > fc1+fc2
		}
		if es1+es2 != fs1+fs2 {
			return es1+es2 > fs1+fs2
		}
		return e.Confidence > f.Confidence
	}
	drop := make([]bool, len(evs))
	for i := range evs {
		for j := range evs {
			e, f := &evs[i], &evs[j]
			if i == j || drop[i] || drop[j] || e.Trigger != f.Trigger || e.Root != f.Root || e.Negated != f.Negated {
				continue
			}
			if overlap(e.Source, f.Source) && overlap(e.Target, f.Target) {
				if better(e, f) || !better(f, e) && i < j {
					drop[j] = true
				} else {
					drop[i] = true
				}
			}
		}
	}
	out := evs[:0]
	for i, e := range evs {
		if !drop[i] {
			out = append(out, e)
		}
	}
	return out
}

// rememberDyad records the two sides of a sentence's one coded dyad as the
// latest pair for "the two leaders" / "both" in what follows, when the
// sentence had no coordinated subject pair of its own: "Ruto met Mohamud
// in Nairobi. The two leaders signed an agreement" is Ruto and Mohamud.
// A sentence with several distinct dyads names no single pair.
func (m *memory) rememberDyad(s *sentence, evs []doc.Event) {
	if n := len(m.pairSent); n > 0 && m.pairSent[n-1] == s.idx {
		return
	}
	toArg := func(p *doc.Participant) arg {
		return arg{tok: -1, span: p.Span, text: p.Text, entity: p.Entity, code: p.Actor, named: true, cert: 0.7, via: "coref"}
	}
	var pair [2]arg
	found := false
	for i := range evs {
		e := &evs[i]
		if e.Source == nil || e.Target == nil || e.Source.Actor == "" || e.Target.Actor == "" {
			continue
		}
		if r := string(e.Root); r < "03" || r >= "10" && r < "14" {
			// a statement about another party ("Russia is the outlier,
			// Obama said") does not make the two "the two"
			continue
		}
		a, b := toArg(e.Source), toArg(e.Target)
		if !twoParties(a, b) {
			continue
		}
		if found {
			same := pair[0].key() == a.key() && pair[1].key() == b.key() || pair[0].key() == b.key() && pair[1].key() == a.key()
			if !same {
				return
			}
			continue
		}
		pair, found = [2]arg{a, b}, true
	}
	if found {
		m.pairs = append(m.pairs, pair)
		m.pairSent = append(m.pairSent, s.idx)
	}
}

// pairReference resolves "the two leaders" / "both countries" to the
// remembered pair before the noun's own generic actor reading ("leaders"
// alone is GOV): the numeral makes it anaphoric.
func (s *sentence) pairReference(i int) ([]arg, bool) {
	t := &s.toks[i]
	if t.UPOS != "NOUN" || !(s.hasKid(i, "det", "both") || s.hasKid(i, "nummod", "two") && s.hasKid(i, "det", "the")) {
		return nil, false
	}
	if mi := s.actorAt[i]; mi >= 0 && s.matches[mi].Code != "" && !agentOnly(s.matches[mi].Code) {
		return nil, false // "both Koreas": a name of its own
	}
	as, ok := s.coref(i)
	return as, ok && len(as) == 2
}
