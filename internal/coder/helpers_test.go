package coder

import (
	"fmt"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/nlp/conllu"
)

// docFromCoNLLU builds a parsed document from CoNLL-U sentences: the text is
// the sentences' "# text" lines joined by one space (a blank line between
// documents' paragraphs is not needed for coding), token spans are found by
// locating each word form in its sentence text.
func docFromCoNLLU(ss []conllu.Sentence, pubdate string) (*doc.Document, error) {
	d := &doc.Document{PubDate: pubdate, Lang: "en"}
	var b strings.Builder
	for si, s := range ss {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		base := b.Len()
		text := s.Text
		if text == "" {
			text = strings.Join(s.Forms(), " ")
		}
		b.WriteString(text)
		sent := doc.Sentence{Span: doc.Span{Start: base, End: base + len(text)}}
		pos := 0
		multiEnd := -1
		var multiSpan doc.Span
		for wi, w := range s.Words {
			var sp doc.Span
			if wi+1 <= multiEnd {
				sp = multiSpan
			} else {
				form := w.Form
				for _, m := range s.Multis {
					if m.First == wi+1 {
						form, multiEnd = m.Form, m.Last
					}
				}
				j := strings.Index(text[pos:], form)
				if j < 0 {
					return nil, fmt.Errorf("sentence %d (%s): word %d %q not found in text", si, s.ID, w.ID, form)
				}
				sp = doc.Span{Start: base + pos + j, End: base + pos + j + len(form)}
				pos += j + len(form)
				if multiEnd > wi {
					multiSpan = sp
				}
			}
			sent.Tokens = append(sent.Tokens, doc.Token{Span: sp, Form: w.Form, Lemma: w.Lemma, UPOS: w.UPOS,
				XPOS: w.XPOS, Head: w.Head - 1, Deprel: w.Deprel})
		}
		d.Sentences = append(d.Sentences, sent)
	}
	d.Text = b.String()
	return d, nil
}

// fakeActors is a small test dictionary: country names and demonyms from the
// cameo tables plus a few organisations and roles, matched greedily and case-sensitively
// on token forms. It stands in for internal/actors in tests.
type fakeActors struct {
	phrases map[string]fakeEntry
	first   map[string]int // first word -> longest phrase length
	maxLen  int
}

type fakeEntry struct {
	code   cameo.ActorCode
	kind   string
	entity string
}

func newFakeActors(extra map[string]fakeEntry) *fakeActors {
	f := &fakeActors{phrases: map[string]fakeEntry{}, first: map[string]int{}}
	add := func(p string, e fakeEntry) {
		f.phrases[p] = e
		w := strings.Fields(p)
		if len(w) > f.first[w[0]] {
			f.first[w[0]] = len(w)
		}
		if len(w) > f.maxLen {
			f.maxLen = len(w)
		}
	}
	for _, c := range cameo.CountryList() {
		add(c.Name, fakeEntry{cameo.ActorCode(c.ISO3), "country", c.Name})
	}
	for p, code := range map[string]string{
		"US": "USA", "U.S.": "USA", "United States": "USA", "America": "USA", "American": "USA", "Americans": "USA",
		"UK": "GBR", "Britain": "GBR", "British": "GBR", "French": "FRA", "Russian": "RUS", "Russians": "RUS",
		"Russian Federation": "RUS", "Syrian": "SYR", "Iraqi": "IRQ", "Iranian": "IRN", "Chinese": "CHN",
		"German": "DEU", "Turkish": "TUR", "Egyptian": "EGY", "Israeli": "ISR", "Palestinian": "PSE",
		"Indonesian": "IDN", "Malaysian": "MYS", "Thai": "THA", "Australian": "AUS", "Japanese": "JPN",
		"North Korea": "PRK", "North Korean": "PRK", "South Korea": "KOR", "South Korean": "KOR",
		"Pyongyang": "PRK", "Seoul": "KOR", "Moscow": "RUS", "Washington": "USA", "Kremlin": "RUSGOV",
		"White House": "USAGOV", "Home Office": "GBRGOV", "State Department": "USAGOV", "Pentagon": "USAMIL",
		"Republicans": "USAREP", "Democrats": "USADEM", "Labour": "GBRLAB", "Red Cross": "NGO",
		"United Nations": "IGOUNO", "UN": "IGOUNO", "UNHCR": "IGOUNOHCR", "Untied Nations": "IGOUNO",
		"Islamic State": "IMGSEPISI", "ISIS": "IMGSEPISI", "IS": "IMGSEPISI",
		"Korean People's Army": "PRKMIL", "Yonhap": "KORMED", "KCNA": "PRKMED",
	} {
		add(p, fakeEntry{code: cameo.ActorCode(code), kind: "country"})
	}
	for p, e := range extra {
		add(p, e)
	}
	return f
}

func (f *fakeActors) Scan(text string, toks []doc.Token, date string) []ActorMatch {
	var out []ActorMatch
	for i := 0; i < len(toks); {
		found := false
		for n := f.first[toks[i].Form]; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			words := make([]string, n)
			for k := 0; k < n; k++ {
				words[k] = toks[i+k].Form
			}
			e, ok := f.phrases[strings.Join(words, " ")]
			if !ok {
				continue
			}
			sp := doc.Span{Start: toks[i].Start, End: toks[i+n-1].End}
			out = append(out, ActorMatch{Start: i, End: i + n, Span: sp, Text: sp.In(text), Entity: e.entity, Code: e.code, Kind: actors.Kind(e.kind)})
			i += n
			found = true
			break
		}
		if !found {
			i++
		}
	}
	return out
}

func (f *fakeActors) Lookup(phrase, date string) (ActorMatch, bool) {
	e, ok := f.phrases[phrase]
	if !ok {
		return ActorMatch{}, false
	}
	return ActorMatch{Text: phrase, Entity: e.entity, Code: e.code, Kind: actors.Kind(e.kind)}, true
}
