package quotes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

type goldQuote struct {
	Starts   string   `json:"starts"`
	Speaker  *string  `json:"speaker"`
	Aliases  []string `json:"speaker_aliases"`
	Mention  string   `json:"mention"`
	Unmarked bool     `json:"unmarked"`
}

type goldFile struct {
	File    string      `json:"file"`
	PubDate string      `json:"pubdate"`
	Quotes  []goldQuote `json:"quotes"`
}

func speakerOK(g goldQuote, q doc.Quote) bool {
	if g.Speaker == nil {
		return q.Speaker == nil || q.Speaker.Entity == ""
	}
	if q.Speaker == nil {
		return false
	}
	names := append([]string{*g.Speaker}, g.Aliases...)
	for _, n := range names {
		for _, s := range []string{q.Speaker.Entity, q.Speaker.Text} {
			if s == "" {
				continue
			}
			if strings.Contains(s, n) || strings.Contains(n, s) && len(s) > 3 {
				return true
			}
		}
	}
	return false
}

// scoreGold returns found, speaker-correct and total over the marked quotes.
func scoreGold(t *testing.T, path string) (found, right, n int) {
	t.Helper()
	var g goldFile
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	txt, err := os.ReadFile(filepath.Join(filepath.Dir(path), g.File))
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Document{Text: string(txt), PubDate: g.PubDate}
	Extract(d)
	for _, gq := range g.Quotes {
		if gq.Unmarked {
			continue
		}
		n++
		var q *doc.Quote
		for k := range d.Quotes {
			if strings.HasPrefix(strings.TrimLeft(d.Quotes[k].Text, ". "), strings.TrimLeft(gq.Starts, ". ")) {
				if q == nil || !speakerOK(gq, *q) {
					q = &d.Quotes[k]
				}
			}
		}
		if q == nil {
			t.Logf("%s: quote %q not found", filepath.Base(path), gq.Starts)
			continue
		}
		found++
		if speakerOK(gq, *q) {
			right++
		} else {
			t.Logf("%s: quote %q speaker %+v (method %s), want %v", filepath.Base(path), gq.Starts, q.Speaker, q.Method, deref(gq.Speaker))
		}
	}
	return
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

func TestSeed(t *testing.T) {
	p := shared.Need(t, "seed", "obama-hollande.gold.json")
	found, right, n := scoreGold(t, p)
	t.Logf("seed quotes: found %d/%d, speaker right %d", found, n, right)
	if found != n || right != n {
		t.Errorf("seed: found %d/%d, speakers right %d", found, n, right)
	}
}

func TestGoldArticles(t *testing.T) {
	dir := shared.Need(t, "data", "articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
	F, R, N := 0, 0, 0
	for _, f := range files {
		found, right, n := scoreGold(t, f)
		F += found
		R += right
		N += n
	}
	t.Logf("gold articles: found %d/%d, speaker right %d/%d", F, N, R, F)
	if N > 0 && float64(F)/float64(N) < 0.8 {
		t.Errorf("gold recall %d/%d", F, N)
	}
}

// TestWithEntities checks that resolved entities (as the lead's pipeline
// fills them) drive speakers, roles and pronouns.
func TestWithEntities(t *testing.T) {
	text := "US President Barack Obama met Vladimir Putin. The U.S. president said the talks were “very useful”. He added: “We will meet again.” “Nothing was agreed”, a Kremlin aide said."
	men := func(s, typ, ent string) doc.Mention {
		i := strings.Index(text, s)
		return doc.Mention{Span: doc.Span{Start: i, End: i + len(s)}, Text: s, Type: doc.EntityType(typ), Entity: ent}
	}
	d := &doc.Document{Text: text, Entities: []doc.Mention{men("Barack Obama", "PER", "Barack Obama"), men("Vladimir Putin", "PER", "Vladimir Putin"), men("Kremlin", "ORG", "Kremlin")}}
	Extract(d)
	want := []struct{ quote, speaker, entity, method string }{
		{"very useful", "The U.S. president", "Barack Obama", MethodCue},
		{"We will meet again.", "He", "Barack Obama", MethodCue},
		{"Nothing was agreed", "a Kremlin aide", "", MethodCue},
	}
	if len(d.Quotes) != len(want) {
		t.Fatalf("quotes %+v", d.Quotes)
	}
	for i, w := range want {
		q := d.Quotes[i]
		if q.Text != w.quote || q.Speaker == nil || q.Speaker.Text != w.speaker || q.Speaker.Entity != w.entity || q.Method != w.method {
			t.Errorf("quote %d: %q speaker %+v method %s, want %+v", i, q.Text, q.Speaker, q.Method, w)
		}
	}
	if len(d.Flags) != 1 || d.Flags[0].Kind != doc.FlagDanglingReference || d.Flags[0].Span.In(text) != "a Kremlin aide" {
		t.Errorf("flags %+v, want one dangling_reference on \"a Kremlin aide\"", d.Flags)
	}
}

func TestUnattributed(t *testing.T) {
	d := &doc.Document{Text: "The leaders pledged solidarity. “We are prepared to work with you”.\n\nLater a statement followed."}
	Extract(d)
	if len(d.Quotes) != 1 || d.Quotes[0].Speaker != nil || d.Quotes[0].Method != MethodNone {
		t.Fatalf("quotes %+v", d.Quotes)
	}
	if len(d.Flags) != 1 || d.Flags[0].Kind != doc.FlagUnattributedQuote || d.Flags[0].Span != d.Quotes[0].Span {
		t.Errorf("flags %+v", d.Flags)
	}
}
