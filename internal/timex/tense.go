package timex

import (
	"strings"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/kglex"
)

// Tense is the coarse tense of the clause around a time expression.
type Tense int

const (
	// Past covers past and present: the default reading of news clauses.
	Past Tense = iota
	// Future is a clause with a future marker (will, shall, going to, ...).
	Future
)

func (t Tense) String() string {
	if t == Future {
		return "future"
	}
	return "past"
}

var clauseStops = map[string]bool{
	"said": true, "says": true, "told": true, "that": true, "when": true, "after": true, "before": true,
	"while": true, "but": true, "because": true, "although": true, "since": true, "added": true,
	"announced": true, "which": true, "who": true, "where": true,
}

var pastMarks = map[string]bool{"was": true, "were": true, "had": true, "did": true, "met": true}

func isFutureMark(lw []string, k int) bool {
	if strings.HasSuffix(lw[k], "'ll") {
		return true
	}
	switch lw[k] {
	case "will", "shall", "upcoming", "won't", "wo":
		return true
	case "going", "scheduled", "expected", "set", "planning", "plans", "slated":
		return k+1 < len(lw) && lw[k+1] == "to"
	case "is", "are":
		// "is to visit"
		return k+1 < len(lw) && lw[k+1] == "to"
	}
	return false
}

// clauseTense looks at up to 8 words either side of word i, stopping at
// clause boundaries (said, that, when, but, ...), and reports Future when a
// future marker is found before any past marker.
func clauseTense(lw []string, i int) Tense {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		if clauseStops[lw[k]] {
			break
		}
		if isFutureMark(lw, k) {
			return Future
		}
		if pastMarks[lw[k]] {
			return Past
		}
	}
	for k := i + 1; k < len(lw) && k <= i+8; k++ {
		if clauseStops[lw[k]] {
			break
		}
		if isFutureMark(lw, k) {
			return Future
		}
		if pastMarks[lw[k]] {
			return Past
		}
	}
	return Past
}

func (x *extractor) future(_ doc.Span, i int) bool {
	if x.word(i-1) == "next" || x.word(i-1) == "coming" {
		return true
	}
	return clauseTense(x.lw, i) == Future
}

// TenseAt returns the tense of the clause around span at (an expression in
// d.Text), using the sentence that contains it.
func TenseAt(d *doc.Document, at doc.Span) Tense {
	var sent doc.Span
	found := false
	for _, sp := range kglex.Sentences(d) {
		if sp.Start <= at.Start && at.Start < sp.End {
			sent, found = sp, true
			break
		}
	}
	if !found {
		return Past
	}
	ws := kglex.Words(nil, d.Text, sent)
	lw := make([]string, len(ws))
	idx := -1
	for k, w := range ws {
		lw[k] = kglex.Lower(w.Text)
		if idx < 0 && w.End > at.Start {
			idx = k
		}
	}
	if idx < 0 {
		return Past
	}
	// skip the words of the expression itself
	end := idx
	for end+1 < len(ws) && ws[end+1].Start < at.End {
		end++
	}
	if t := clauseTense(lw[:end+1], idx); t == Future {
		return t
	}
	return clauseTense(lw, end)
}
