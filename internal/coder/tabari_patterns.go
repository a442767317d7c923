package coder

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/coder/tabari"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/metric"
)

// dictCoder codes a whole document in place of the coder's own patterns.
type dictCoder interface{ Code(d *doc.Document) }

// WithVerbDictionary codes events with a TABARI/PETRARCH verb dictionary
// instead of the coder's patterns (see package tabari). When tc has no
// actor scanner, the Coder's own (New's first argument) is used.
func WithVerbDictionary(tc *tabari.Coder) Option {
	return func(c *Coder) error {
		if tc == nil || tc.Verbs == nil {
			return errors.New("verb dictionary: nil")
		}
		cp := *tc
		if cp.Actors == nil && c.actors != nil {
			cp.Actors = c.actors
		}
		if cp.Actors == nil {
			return errors.New("verb dictionary: no actor dictionary")
		}
		c.dict = &cp
		return nil
	}
}

// SkippedLinesError reports dictionary lines that could not be read; the
// rest of the dictionaries loaded (the Option returned with it works).
type SkippedLinesError struct{ Err error }

func (e *SkippedLinesError) Error() string { return "dictionary lines skipped: " + e.Err.Error() }
func (e *SkippedLinesError) Unwrap() error { return e.Err }

// LoadUserDictionaries loads PETRARCH/TABARI dictionaries from the user's
// paths: verb dictionaries (*.verbs.txt, CAMEO.2.0.txt), actor
// dictionaries (Phoenix.*.actors.txt) and agent dictionaries
// (Phoenix.agents.txt); a discard list may be given among the verbs as a
// file whose name contains "discard", and PETRARCH's coding ontology
// (PETR.Internal.Coding.Ontology.txt, used to code negated verbs, verbs
// governing other verbs through the dictionary's transformations, and
// PETRARCH-2's other conventions; see tabari.Coder) as a file whose name
// contains "ontology". With verbs, events are coded from
// them (WithVerbDictionary); with only actors/agents, our patterns are kept
// and the user's actors replace the scanner passed to New. The error is a
// *SkippedLinesError (the Option still usable) when malformed lines were
// skipped, any other error when a file cannot be read or holds nothing.
func LoadUserDictionaries(verbs, actorFiles, agents []string) (Option, error) {
	var skipped []error
	var vfiles, dfiles, ofiles []string
	for _, p := range verbs {
		switch base := strings.ToLower(filepath.Base(p)); {
		case strings.Contains(base, "discard"):
			dfiles = append(dfiles, p)
		case strings.Contains(base, "ontology"):
			ofiles = append(ofiles, p)
		default:
			vfiles = append(vfiles, p)
		}
	}
	tc := &tabari.Coder{Prefix: map[string]bool{}}
	if len(vfiles) > 0 {
		v, err := tabari.LoadVerbs(vfiles...)
		if v == nil {
			return nil, err
		}
		if err != nil {
			skipped = append(skipped, err)
		}
		tc.Verbs = v
	}
	if len(dfiles) > 0 {
		ds, err := tabari.LoadDiscards(dfiles...)
		if ds == nil {
			return nil, err
		}
		if err != nil {
			skipped = append(skipped, err)
		}
		tc.Discards = ds
	}
	if len(ofiles) > 0 {
		o, err := tabari.LoadOntology(ofiles...)
		if o == nil {
			return nil, err
		}
		if err != nil {
			skipped = append(skipped, err)
		}
		tc.Ontology = o
	}
	act, err := loadPetrarchDicts(actorFiles, actors.LoadPetrarchActors, &skipped)
	if err != nil {
		return nil, err
	}
	ag, err := loadPetrarchDicts(agents, actors.LoadPetrarchAgents, &skipped)
	if err != nil {
		return nil, err
	}
	for _, p := range agents {
		if err := prefixAgents(p, tc.Prefix); err != nil {
			return nil, err
		}
	}
	if act != nil {
		tc.Actors = act
	}
	if ag != nil {
		tc.Agents = ag
	}
	opt := func(c *Coder) error {
		if tc.Verbs != nil {
			return WithVerbDictionary(tc)(c)
		}
		// no verbs: our patterns over the user's actors (agents merged in)
		switch {
		case act != nil && ag != nil:
			m := actors.New()
			m.Merge(act)
			m.Merge(ag)
			c.actors = m
		case act != nil:
			c.actors = act
		case ag != nil:
			c.actors = ag
		}
		return nil
	}
	if len(skipped) > 0 {
		return opt, &SkippedLinesError{Err: errors.Join(skipped...)}
	}
	return opt, nil
}

// loadPetrarchDicts loads and merges dictionaries with load.
func loadPetrarchDicts(paths []string, load func(r io.Reader, name string) (*actors.Dict, error), skipped *[]error) (*actors.Dict, error) {
	var out *actors.Dict
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("dictionary: %w", err)
		}
		d, err := load(f, filepath.Base(p))
		f.Close()
		if d == nil {
			if err == nil {
				err = fmt.Errorf("%s: no entry", p)
			}
			return nil, err
		}
		if err != nil {
			*skipped = append(*skipped, err)
		}
		if out == nil {
			out = d
		} else {
			out.Merge(d)
		}
	}
	return out, nil
}

var rePrefixAgent = regexp.MustCompile(`\[\s*([A-Za-z0-9]+)~\s*\]`)

// prefixAgents notes the agent codes written "[CODE~]" in an agent
// dictionary (they precede the country code).
func prefixAgents(path string, into map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("dictionary: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, m := range rePrefixAgent.FindAllStringSubmatch(line, -1) {
			into[strings.ToUpper(m[1])] = true
		}
	}
	return sc.Err()
}

// EvalTabariValidation scores PETRARCH's own dictionaries, loaded through
// LoadUserDictionaries, on the PETRARCH validation sets under dir
// (data/gold/petrarch2_validation): the unit-test records with the
// PETR.Validate.* dictionaries, and the GSR sentences with CAMEO.2.0 and
// the Phoenix dictionaries. annotate as for EvalPetrarchValidation (nil:
// the shipped UDPipe parses). Set names: "tabari/unittest", "tabari/gsr".
func EvalTabariValidation(dir string, annotate func(*doc.Document)) ([]metric.Metric, error) {
	dicts := filepath.Join(dir, "universalpetrarch", "dictionaries")
	uni := filepath.Join(dir, "universalpetrarch", "text")
	in := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dicts, n))
		}
		return out
	}
	sets := []struct {
		name, file            string
		verbs, actors, agents []string
	}{
		{"tabari/unittest", "PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml",
			in("PETR.Validate.verbs.2.0.txt", "PETR.Validate.discards.txt"), in("PETR.Validate.actors.txt"), in("PETR.Validate.agents.txt")},
		{"tabari/gsr", "PETR2_GSR_validation.xml",
			in("CAMEO.2.0.txt", "Phoenix.discards.txt"), in("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"), in("Phoenix.agents.txt")},
	}
	// PETRARCH codes negated and governing verbs through its ontology, with either dictionary set
	if onto := filepath.Join(dicts, "PETR.Internal.Coding.Ontology.txt"); fileExists(onto) {
		for k := range sets {
			sets[k].verbs = append(sets[k].verbs, onto)
		}
	}
	var out []metric.Metric
	for _, s := range sets {
		opt, err := LoadUserDictionaries(s.verbs, s.actors, s.agents)
		var skip *SkippedLinesError
		if err != nil && !errors.As(err, &skip) {
			return nil, err
		}
		c, err := New(nil, opt)
		if err != nil {
			return nil, err
		}
		recs, err := ReadValidation(filepath.Join(uni, s.file))
		if err != nil {
			return nil, err
		}
		docs := make([]*doc.Document, 0, len(recs))
		for _, r := range recs {
			var d *doc.Document
			if annotate != nil {
				d = &doc.Document{ID: r.ID, Text: r.Text, PubDate: r.Date, Lang: "en"}
				annotate(d)
			} else if d, err = DocFromValidation(r); err != nil {
				return nil, err
			}
			c.Code(d)
			docs = append(docs, d)
		}
		out = append(out, ScoreValidation(s.name, recs, docs)...)
	}
	return out, nil
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}
