package coder

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// ValSentence is one record of a PETRARCH validation file.
type ValSentence struct {
	ID       string
	Date     string // YYYY-MM-DD
	Category string
	Codings  []ValCoding
	NoEvents bool
	Error    bool   // the record tests an error case (not scored)
	Text     string // whitespace-folded
	Parse    string // CoNLL-U block, "" when absent
	Line     int
}

// ValCoding is one expected event.
type ValCoding struct{ Source, Target, Event string }

var (
	reSentence = regexp.MustCompile(`<Sentence\b([^>]*)>`)
	reAttr     = regexp.MustCompile(`(\w+)\s*=\s*"([^"]*)"`)
	reCoding   = regexp.MustCompile(`<EventCoding\b([^>]*)>`)
)

// ReadValidation reads a PETRARCH / UniversalPetrarch validation file
// leniently (it is not strict XML): each <Sentence ...> starts a record,
// followed by <EventCoding .../> lines, <Text> and optionally a CoNLL-U
// <Parse>. Records with sentence="false" are skipped.
func ReadValidation(path string) ([]ValSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("petrarch validation: %w", err)
	}
	defer f.Close()
	var out []ValSentence
	var cur *ValSentence
	section := ""
	var text, parse strings.Builder
	flush := func() {
		if cur == nil {
			return
		}
		cur.Text = strings.Join(strings.Fields(text.String()), " ")
		cur.Parse = parse.String()
		if cur.Text == "" { // a few records have an empty <Text>: rebuild it from the parse
			var forms []string
			for _, l := range strings.Split(cur.Parse, "\n") {
				if f := strings.Split(l, "\t"); len(f) == 10 && !strings.ContainsAny(f[0], "-.") {
					forms = append(forms, f[1])
				}
			}
			cur.Text = strings.Join(forms, " ")
		}
		out = append(out, *cur)
		cur = nil
		text.Reset()
		parse.Reset()
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	ln := 0
	skip := false
	for sc.Scan() {
		ln++
		line := sc.Text()
		trim := strings.TrimSpace(line)
		if m := reSentence.FindStringSubmatch(line); m != nil && !strings.HasPrefix(trim, "</") {
			flush()
			attrs := attrMap(m[1])
			skip = attrs["sentence"] == "false"
			section = ""
			if skip {
				continue
			}
			cur = &ValSentence{ID: attrs["id"], Category: attrs["category"], Line: ln}
			if d := attrs["date"]; len(d) == 8 {
				cur.Date = d[:4] + "-" + d[4:6] + "-" + d[6:]
			}
			continue
		}
		if cur == nil || skip {
			continue
		}
		switch {
		case strings.HasPrefix(trim, "<EventCoding"):
			attrs := attrMap(reCoding.FindStringSubmatch(line + ">")[1])
			if _, ok := attrs["noevents"]; ok {
				cur.NoEvents = true
			} else if _, ok := attrs["error"]; ok {
				cur.Error = true
			} else if attrs["eventcode"] != "" {
				cur.Codings = append(cur.Codings, ValCoding{Source: attrs["sourcecode"], Target: attrs["targetcode"], Event: attrs["eventcode"]})
			}
		case trim == "<Text>":
			section = "text"
		case trim == "</Text>":
			section = ""
		case trim == "<Parse>":
			section = "parse"
		case trim == "</Parse>":
			section = ""
		case section == "parse" && strings.Contains(line, "</Parse>"):
			parse.WriteString(line[:strings.Index(line, "</Parse>")])
			parse.WriteByte('\n')
			section = ""
			if strings.Contains(line, "</Sentence") {
				flush()
			}
		case strings.HasPrefix(trim, "</Sentence"):
			flush()
		default:
			switch section {
			case "text":
				text.WriteString(line)
				text.WriteByte(' ')
			case "parse":
				parse.WriteString(line)
				parse.WriteByte('\n')
			}
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("%s:%d: %w", path, ln, err)
	}
	return out, nil
}

func attrMap(s string) map[string]string {
	m := map[string]string{}
	for _, kv := range reAttr.FindAllStringSubmatch(s, -1) {
		m[kv[1]] = kv[2]
	}
	return m
}

// ud1to2 maps UD v1 relations (UDPipe 1/2.0-era parses) to UD v2.
var ud1to2 = map[string]string{
	"dobj": "obj", "nsubjpass": "nsubj:pass", "auxpass": "aux:pass", "csubjpass": "csubj:pass",
	"neg": "advmod", "mwe": "fixed", "name": "flat", "nmod:agent": "obl:agent", "nmod:tmod": "obl:tmod",
	"nmod:npmod": "obl:npmod",
}

// DocFromValidation builds a document from a validation record: its text,
// and, when the record has a CoNLL-U parse, one sentence with the parse
// (UD v1 relations mapped to v2; an nmod on a verb becomes obl).
func DocFromValidation(v ValSentence) (*doc.Document, error) {
	d := &doc.Document{ID: v.ID, Text: v.Text, PubDate: v.Date, Lang: "en"}
	if v.Parse == "" {
		return d, nil
	}
	sent := doc.Sentence{Span: doc.Span{Start: 0, End: len(v.Text)}}
	pos := 0
	for n, line := range strings.Split(v.Parse, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("%s: parse line %d: want 10 tab-separated columns, got %d", v.ID, n+1, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue // multiword ranges and empty nodes
		}
		head, err := strconv.Atoi(f[6])
		if err != nil {
			return nil, fmt.Errorf("%s: parse line %d: bad head %q", v.ID, n+1, f[6])
		}
		form := f[1]
		sp := doc.Span{Start: pos, End: pos}
		if j := strings.Index(v.Text[pos:], form); j >= 0 && j < 40 {
			sp = doc.Span{Start: pos + j, End: pos + j + len(form)}
			pos = sp.End
		}
		rel := f[7]
		if r, ok := ud1to2[rel]; ok {
			rel = r
		}
		upos := f[3]
		if upos == "CONJ" {
			upos = "CCONJ"
		}
		sent.Tokens = append(sent.Tokens, doc.Token{Span: sp, Form: form, Lemma: f[2], UPOS: upos, XPOS: f[4], Head: head - 1, Deprel: rel})
	}
	for i := range sent.Tokens {
		t := &sent.Tokens[i]
		if t.Head < -1 || t.Head >= len(sent.Tokens) {
			return nil, fmt.Errorf("%s: token %d: head %d out of range", v.ID, i+1, t.Head+1)
		}
		if t.Deprel == "nmod" && t.Head >= 0 {
			if u := sent.Tokens[t.Head].UPOS; u == "VERB" || u == "ADJ" || u == "AUX" {
				t.Deprel = "obl"
			}
		}
	}
	d.Sentences = []doc.Sentence{sent}
	return d, nil
}

// EvalPetrarchValidation scores the coder on the PETRARCH validation sets
// under dir (data/gold/petrarch2_validation): the unit-test records
// (fictional actors, coded with the validation actor and agent
// dictionaries) and the GSR sentences (real news, coded with the
// project's actor dictionary). annotate fills the sentences and parses of
// a document holding only Text and PubDate; nil uses the UDPipe parses
// shipped in the files.
func EvalPetrarchValidation(dir string, annotate func(*doc.Document)) ([]metric.Metric, error) {
	uni := filepath.Join(dir, "universalpetrarch", "text")
	dicts := filepath.Join(dir, "petrarch2", "dictionaries")
	tab, err := LoadTabariActors(filepath.Join(dicts, "PETR.Validate.actors.txt"), filepath.Join(dicts, "PETR.Validate.agents.txt"))
	if err != nil {
		return nil, err
	}
	unit, err := New(tab, WithoutEntities()) // the entities carry our dictionaries' codes
	if err != nil {
		return nil, err
	}
	if err := actors.DefaultErr(); err != nil {
		return nil, fmt.Errorf("petrarch validation: actor dictionary: %w", err)
	}
	gsr, err := New(actors.Default())
	if err != nil {
		return nil, err
	}
	sets := []struct {
		name, file string
		c          *Coder
	}{
		{"petrarch/unittest", "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml", unit},
		{"petrarch/gsr", "PETR2_GSR_validation.xml", gsr},
	}
	var out []metric.Metric
	for _, s := range sets {
		recs, err := ReadValidation(filepath.Join(uni, s.file))
		if err != nil {
			return nil, err
		}
		var docs []*doc.Document
		for _, r := range recs {
			var d *doc.Document
			if annotate != nil {
				d = &doc.Document{ID: r.ID, Text: r.Text, PubDate: r.Date, Lang: "en"}
				annotate(d)
			} else if d, err = DocFromValidation(r); err != nil {
				return nil, err
			}
			s.c.Code(d)
			docs = append(docs, d)
		}
		out = append(out, ScoreValidation(s.name, recs, docs)...)
	}
	return out, nil
}

// ScoreValidation compares coded documents (one per record) with the
// records' expected events. An event matches a coding when their roots are
// equal and source and target codes agree (one a prefix of the other;
// "---" or an empty code on the gold side matches anything).
func ScoreValidation(set string, recs []ValSentence, docs []*doc.Document) []metric.Metric {
	var ev metric.PRF
	var exact, matched, noEv, noEvFP, nrec, pass, found int
	for i, r := range recs {
		if r.Error || i >= len(docs) {
			continue
		}
		d := docs[i]
		nrec++
		if r.NoEvents && len(r.Codings) == 0 {
			noEv++
			if len(d.Events) > 0 {
				noEvFP++
			} else {
				pass++
				found++
			}
			ev.FP += len(d.Events)
			continue
		}
		used := make([]bool, len(d.Events))
		all := true
		for _, g := range r.Codings {
			hit := -1
			for j := range d.Events {
				if !used[j] && valMatch(g, &d.Events[j]) {
					hit = j
					if string(d.Events[j].Code) == g.Event {
						break
					}
				}
			}
			if hit < 0 {
				ev.FN++
				all = false
				continue
			}
			used[hit] = true
			ev.TP++
			matched++
			if string(d.Events[hit].Code) == g.Event {
				exact++
			}
		}
		extra := false
		for j := range used {
			if !used[j] {
				ev.FP++
				extra = true
			}
		}
		if all {
			found++
			if !extra {
				pass++
			}
		}
	}
	out := ev.Metrics(set, "events")
	out = append(out, metric.Metric{Set: set, Name: "events.code_exact", Value: ratio(exact, matched), N: matched,
		Note: "matched events whose full CAMEO code is the gold one"})
	out = append(out, metric.Metric{Set: set, Name: "records.pass", Value: ratio(pass, nrec), N: nrec,
		Note: "records whose expected events are all coded and nothing else"},
		metric.Metric{Set: set, Name: "records.all_found", Value: ratio(found, nrec), N: nrec,
			Note: "records whose expected events are all coded (extra events allowed)"})
	if noEv > 0 {
		out = append(out, metric.Metric{Set: set, Name: "events.noevent_fp_rate", Value: ratio(noEvFP, noEv), N: noEv,
			Note: "records expecting no event that got one"})
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func valMatch(g ValCoding, e *doc.Event) bool {
	if len(g.Event) < 2 || len(e.Code) < 2 || string(e.Code[:2]) != g.Event[:2] {
		return false
	}
	return codeAgree(g.Source, e.Source) && codeAgree(g.Target, e.Target)
}

func codeAgree(gold string, p *doc.Participant) bool {
	gold = strings.ToUpper(strings.TrimSpace(gold))
	if gold == "" || gold == "---" {
		return true
	}
	anyCountry := strings.HasPrefix(gold, "---") // PETRARCH's "---GOV": an agent of unknown country
	gold = strings.TrimPrefix(gold, "---")
	if p == nil || p.Actor == "" {
		return false
	}
	got := string(p.Actor)
	if anyCountry && len(got) > 3 && isCountryCode(p.Actor) {
		got = got[3:] // the country the text left open may be known from the document
	}
	// the Phoenix dictionaries write CAMEO's religion code MOS (Muslim) as
	// MUS after the first three letters (a country code MUS is Mauritius)
	if len(gold) > 3 {
		gold = gold[:3] + strings.ReplaceAll(gold[3:], "MUS", "MOS")
	}
	return strings.HasPrefix(got, gold) || strings.HasPrefix(gold, got) && len(got) >= 3
}

// TabariActors is an actor scanner over a TABARI/PETRARCH actor dictionary
// ("NAME_WITH_UNDERSCORES [CODE]", "+SYNONYM" lines) and agent dictionary
// ("PRESIDENT [~GOV]").
type TabariActors struct {
	phrases map[string]tabEntry // uppercased space-joined words
	prefix  map[string]tabEntry // phrases whose last word is a stem (no trailing "_")
	first   map[string]int      // first word -> longest phrase
}

type tabEntry struct {
	code  cameo.ActorCode
	kind  actors.Kind
	canon string
}

// LoadTabariActors reads actor and agent dictionaries in TABARI format.
func LoadTabariActors(paths ...string) (*TabariActors, error) {
	t := &TabariActors{phrases: map[string]tabEntry{}, prefix: map[string]tabEntry{}, first: map[string]int{}}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("tabari dictionary: %w", err)
		}
		if err := t.parse(filepath.Base(p), string(b)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

var reTabEntry = regexp.MustCompile(`^([^\[{#]+?)\s*(?:\{[^}]*\}\s*)?\[([^\]]*)\]`)

// parse adds entries from a dictionary text; errors name the line.
func (t *TabariActors) parse(name, src string) error {
	var last *tabEntry
	var pending []string
	macros := map[string][]string{}
	for ln, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if i := strings.Index(line, "#"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.HasPrefix(line, "<") || strings.HasPrefix(line, "-->") {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") { // !PERSON! = MAN, MEN
			k, v, _ := strings.Cut(line, "=")
			for _, w := range strings.Split(v, ",") {
				macros[strings.TrimSpace(k)] = append(macros[strings.TrimSpace(k)], strings.TrimSpace(w))
			}
			continue
		}
		if strings.HasPrefix(line, "+") {
			switch {
			case pending != nil:
				pending = append(pending, strings.TrimPrefix(line, "+"))
			case last != nil:
				t.add(strings.TrimPrefix(line, "+"), *last)
			default:
				return fmt.Errorf("%s:%d: synonym %q before any entry", name, ln+1, line)
			}
			continue
		}
		var m []string
		if strings.HasPrefix(line, "[") && pending != nil {
			// the code line of a multi-line entry: NAME, +SYNONYMS, then [CODE]
			end := strings.Index(line, "]")
			if end < 0 {
				return fmt.Errorf("%s:%d: unclosed code %q", name, ln+1, line)
			}
			m = []string{line, pending[0], line[1:end]}
		} else {
			m = reTabEntry.FindStringSubmatch(line)
		}
		if m == nil {
			// a bare name line opens an entry whose code follows on a later line
			pending, last = []string{line}, nil
			continue
		}
		names := []string{m[1]}
		if pending != nil && strings.HasPrefix(line, "[") {
			names = pending
		}
		pending = nil
		code := strings.Fields(m[2])
		if len(code) == 0 {
			last = nil
			continue
		}
		c := strings.ToUpper(code[0])
		kind := actors.KindCountry
		if strings.HasPrefix(c, "~") {
			c, kind = strings.TrimPrefix(c, "~"), actors.KindAgent
		}
		if c == "---" || c == "" {
			last = nil
			continue
		}
		e := tabEntry{code: cameo.ActorCode(c), kind: kind, canon: m[1]}
		last = &e
		for _, phrase := range names {
			expanded := []string{phrase}
			for k, vs := range macros {
				if strings.Contains(phrase, k) {
					expanded = expanded[:0]
					for _, v := range vs {
						expanded = append(expanded, strings.ReplaceAll(phrase, k, v))
					}
				}
			}
			for _, p := range expanded {
				t.add(p, e)
			}
		}
	}
	return nil
}

func (t *TabariActors) add(phrase string, e tabEntry) {
	words := strings.FieldsFunc(strings.ToUpper(phrase), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	if len(words) == 0 {
		return
	}
	key := strings.Join(words, " ")
	t.phrases[key] = e
	if !strings.HasSuffix(strings.TrimSpace(phrase), "_") {
		t.prefix[key] = e // TABARI: a word without a trailing "_" is a stem
	}
	if len(words) > t.first[words[0]] {
		t.first[words[0]] = len(words)
	}
	if len(words) == 1 && len(words[0]) >= 4 {
		t.first["~"+words[0][:4]] = 1
	}
}

// stem looks a phrase up with its last word shortened to a listed stem.
func (t *TabariActors) stem(words []string) (tabEntry, bool) {
	last := words[len(words)-1]
	head := strings.Join(words[:len(words)-1], " ")
	for k := len(last) - 1; k >= 3; k-- {
		key := last[:k]
		if head != "" {
			key = head + " " + key
		}
		if e, ok := t.prefix[key]; ok {
			return e, true
		}
	}
	return tabEntry{}, false
}

// Scan implements ActorScanner: longest match on uppercased forms; as in
// TABARI, an entry's last word without a trailing "_" is a stem
// ("ARGENTIN" matches "Argentina" and "Argentine").
func (t *TabariActors) Scan(text string, toks []doc.Token, date string) []ActorMatch {
	var out []ActorMatch
	up := make([]string, len(toks))
	for i := range toks {
		up[i] = strings.ToUpper(toks[i].Form)
	}
	for i := 0; i < len(toks); {
		n := t.first[up[i]]
		if n == 0 && len(up[i]) >= 4 {
			n = t.first["~"+up[i][:4]]
		}
		found := false
		for ; n >= 1; n-- {
			if i+n > len(toks) {
				continue
			}
			key := strings.Join(up[i:i+n], " ")
			e, ok := t.phrases[key]
			if !ok {
				e, ok = t.stem(up[i : i+n])
			}
			if !ok {
				continue
			}
			sp := doc.Span{Start: toks[i].Start, End: toks[i+n-1].End}
			out = append(out, ActorMatch{Start: i, End: i + n, Span: sp, Text: sp.In(text), Entity: e.canon, Code: e.code, Kind: e.kind})
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

// Lookup implements PhraseLookup.
func (t *TabariActors) Lookup(phrase, date string) (ActorMatch, bool) {
	e, ok := t.phrases[strings.Join(strings.Fields(strings.ToUpper(phrase)), " ")]
	if !ok {
		return ActorMatch{}, false
	}
	return ActorMatch{Text: phrase, Entity: e.canon, Code: e.code, Kind: e.kind}, true
}
