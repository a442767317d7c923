//go:build long

package coder_test

import (
	"errors"
	"os"

	"github.com/eventwire/eventwire/internal/actors"
	"github.com/eventwire/eventwire/internal/evalgold"
	"testing"

	"github.com/eventwire/eventwire/internal/coder"
	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/pipeline"
	"github.com/eventwire/eventwire/internal/shared"
)

// annotator runs the full pipeline (segmentation, parse, entities, dates,
// places, quotes, events) on a document holding only Text and PubDate.
func annotator(t *testing.T) func(*doc.Document) {
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return func(d *doc.Document) { p.Process(d) }
}

// TestPetrarchValidationPipeline: go test -tags long -run PetrarchValidationPipeline -v ./internal/coder
func TestPetrarchValidationPipeline(t *testing.T) {
	dir := shared.Need(t, "data", "gold", "petrarch2_validation")
	ms, err := coder.EvalPetrarchValidation(dir, annotator(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Log(m)
	}
}

// TestConfliBERTPipeline: go test -tags long -run ConfliBERTPipeline -v ./internal/coder
func TestConfliBERTPipeline(t *testing.T) {
	dir := shared.Need(t, "data", "gold", "conflibert_cameo")
	ms, err := coder.EvalConfliBERT(dir, annotator(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		t.Log(m)
	}
}

// TestGoldDebug prints, for the gold files under $CODER_GOLD, every gold
// event (hit or missed) and every emitted event (listed or noise):
// CODER_GOLD=path go test -tags long -run GoldDebug -v ./internal/coder
func TestGoldDebug(t *testing.T) {
	path := os.Getenv("CODER_GOLD")
	if path == "" {
		t.Skip("CODER_GOLD not set")
	}
	golds, err := evalgold.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range golds {
		d := goldDoc(t, p, g)
		t.Logf("==== %s", g.ID)
		for _, ge := range g.Events {
			one := *g
			one.Events = []evalgold.GoldEvent{ge}
			one.MustNot = nil
			sc := evalgold.Score(&one, d)
			t.Logf("GOLD %s must=%v hit=%v %v->%v %v | %s", ge.ID, ge.Must, sc["events.recall"].Hit > 0 || ge.Must == false && sc["events.precision"].Hit > 0, ge.Source, ge.Target, ge.Root, ge.SentenceStarts)
		}
		for i, e := range d.Events {
			dd := *d
			dd.Events = []doc.Event{e}
			sc := evalgold.Score(g, &dd)
			src, tgt := "-", "-"
			if e.Source != nil {
				src = e.Source.Text + "[" + string(e.Source.Actor) + "]"
			}
			if e.Target != nil {
				tgt = e.Target.Text + "[" + string(e.Target.Actor) + "]"
			}
			t.Logf("EV%d s%d %s %s -> %s neg=%v mod=%s listed=%v mustnot=%d trig=%q", i, e.Sentence, e.Code, src, tgt, e.Negated, e.Modality,
				sc["events.precision"].Hit > 0, sc["events.must_not_errors"].Hit, e.Trigger.In(d.Text))
		}
	}
}

// TestDumpText codes $CODER_TEXT with the full pipeline and prints the parse and events.
func TestDumpText(t *testing.T) {
	txt := os.Getenv("CODER_TEXT")
	if txt == "" {
		t.Skip("CODER_TEXT not set")
	}
	d := &doc.Document{Text: txt, PubDate: "2015-11-26", Lang: "en"}
	annotator(t)(d)
	for si, s := range d.Sentences {
		for i, k := range s.Tokens {
			t.Logf("s%d %d %s %s %s %s %d %s", si, i, k.Form, k.Lemma, k.UPOS, k.XPOS, k.Head, k.Deprel)
		}
	}
	for _, e := range d.Events {
		src, tgt := "-", "-"
		if e.Source != nil {
			src = e.Source.Text + "[" + string(e.Source.Actor) + "]"
		}
		if e.Target != nil {
			tgt = e.Target.Text + "[" + string(e.Target.Actor) + "]"
		}
		t.Logf("EV s%d %s %s -> %s neg=%v mod=%s trig=%q pat=%s", e.Sentence, e.Code, src, tgt, e.Negated, e.Modality, e.Trigger.In(d.Text), e.Pattern)
	}
}

// TestPetrarchDebug prints, for every validation record, the expected
// codings (HIT or MISS) and the coded events. CODER_PETRARCH=gsr codes the
// GSR sentences with our dictionaries; gsr-tabari and unit-tabari use
// PETRARCH's own dictionaries on the GSR and unit-test records:
// CODER_PETRARCH=gsr go test -tags long -run PetrarchDebug -v ./internal/coder
func TestPetrarchDebug(t *testing.T) {
	mode := os.Getenv("CODER_PETRARCH")
	if mode == "" {
		t.Skip("CODER_PETRARCH not set")
	}
	dir := shared.Need(t, "data", "gold", "petrarch2_validation")
	dicts := dir + "/universalpetrarch/dictionaries/"
	file := dir + "/universalpetrarch/text/PETR2_GSR_validation.xml"
	var c *coder.Coder
	var err error
	switch mode {
	case "gsr":
		c, err = coder.New(actorsDefault(t))
	case "gsr-tabari":
		c = tabariCoder(t, []string{dicts + "CAMEO.2.0.txt", dicts + "Phoenix.discards.txt", dicts + "PETR.Internal.Coding.Ontology.txt"},
			[]string{dicts + "Phoenix.Countries.actors.txt", dicts + "Phoenix.International.actors.txt", dicts + "Phoenix.MilNonState.actors.txt"},
			[]string{dicts + "Phoenix.agents.txt"})
	case "unit-tabari":
		file = dir + "/universalpetrarch/text/PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml"
		c = tabariCoder(t, []string{dicts + "PETR.Validate.verbs.2.0.txt", dicts + "PETR.Validate.discards.txt", dicts + "PETR.Internal.Coding.Ontology.txt"},
			[]string{dicts + "PETR.Validate.actors.txt"}, []string{dicts + "PETR.Validate.agents.txt"})
	default:
		t.Fatalf("CODER_PETRARCH=%s: want gsr, gsr-tabari or unit-tabari", mode)
	}
	if err != nil {
		t.Fatal(err)
	}
	recs, err := coder.ReadValidation(file)
	if err != nil {
		t.Fatal(err)
	}
	ann := annotator(t)
	for _, r := range recs {
		if r.Error {
			continue
		}
		d := &doc.Document{ID: r.ID, Text: r.Text, PubDate: r.Date, Lang: "en"}
		ann(d)
		c.Code(d)
		status := "FAIL"
		for _, m := range coder.ScoreValidation("", []coder.ValSentence{r}, []*doc.Document{d}) {
			if m.Name == "records.pass" && m.Value == 1 {
				status = "PASS"
			}
		}
		t.Logf("==== %s %s %s", status, r.ID, r.Text)
		for _, g := range r.Codings {
			one := r
			one.Codings = []coder.ValCoding{g}
			hit := "MISS"
			for _, m := range coder.ScoreValidation("", []coder.ValSentence{one}, []*doc.Document{d}) {
				if m.Name == "events.recall" && m.Value == 1 {
					hit = "HIT"
				}
			}
			t.Logf("GOLD %s %s -> %s %s", hit, g.Source, g.Target, g.Event)
		}
		for _, e := range d.Events {
			src, tgt := "-", "-"
			if e.Source != nil {
				src = e.Source.Text + "[" + string(e.Source.Actor) + "]"
			}
			if e.Target != nil {
				tgt = e.Target.Text + "[" + string(e.Target.Actor) + "]"
			}
			t.Logf("EV %s %s -> %s neg=%v mod=%s trig=%q pat=%s", e.Code, src, tgt, e.Negated, e.Modality, e.Trigger.In(d.Text), e.Pattern)
		}
	}
}

func tabariCoder(t *testing.T, verbs, actorFiles, agents []string) *coder.Coder {
	opt, err := coder.LoadUserDictionaries(verbs, actorFiles, agents)
	var skip *coder.SkippedLinesError
	if err != nil && !errors.As(err, &skip) {
		t.Fatal(err)
	}
	c, err := coder.New(nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func actorsDefault(t *testing.T) coder.ActorScanner {
	if err := actors.DefaultErr(); err != nil {
		t.Fatal(err)
	}
	return actors.Default()
}

// TestConfliDebug prints, for every ConfliBERT class sentence, the gold
// class, the predicted class and the main event (or classified trigger):
// CODER_CONFLI=1 go test -tags long -run ConfliDebug -v ./internal/coder
func TestConfliDebug(t *testing.T) {
	if os.Getenv("CODER_CONFLI") == "" {
		t.Skip("CODER_CONFLI not set")
	}
	dir := shared.Need(t, "data", "gold", "conflibert_cameo")
	recs, err := coder.ReadConfliClass(dir + "/cameo_class/train.tsv")
	if err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(actorsDefault(t))
	if err != nil {
		t.Fatal(err)
	}
	ann := annotator(t)
	for _, r := range recs {
		d := &doc.Document{Text: r.Text, Lang: "en"}
		ann(d)
		c.Code(d)
		pred, what := coder.ConfliClass(0), "none"
		if m := coder.MainEvent(d); m >= 0 {
			e := d.Events[m]
			pred = coder.ConfliClassOf(e.Root)
			what = string(e.Code) + " " + e.Trigger.In(d.Text)
		} else if root, ok := c.Classify(d); ok {
			pred = coder.ConfliClassOf(root)
			what = "cls " + string(root)
		}
		t.Logf("G%d P%d %s | %s", r.Class, pred, what, r.Text)
	}
}
