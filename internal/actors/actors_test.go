package actors

import (
	"errors"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

func TestDefaultLoads(t *testing.T) {
	d := Default()
	if err := DefaultErr(); err != nil {
		t.Fatalf("embedded dictionaries: %v", err)
	}
	st := d.Stats()
	t.Logf("stats: %v", st)
	if st["country"] < 190 || st["person"] < 400 || st["agent"] < 40 || st["group"] < 40 || st["igo"] < 40 {
		t.Errorf("dictionaries too small: %v", st)
	}
	// every ISO country of the cameo table that is a sovereign state we list
	for _, iso := range []string{"USA", "RUS", "FRA", "SYR", "PRK", "SSD", "COD", "PSE", "KOS", "TLS"} {
		if _, ok := d.Country(iso); !ok {
			t.Errorf("country %s missing", iso)
		}
	}
	// every country and territory of the cameo table has names, except the uninhabited ones
	have := map[string]bool{}
	for _, e := range d.Entries() {
		if e.Kind == "country" {
			have[string(e.Codes[0].Code)] = true
		}
	}
	uninhabited := map[string]bool{"BVT": true, "HMD": true, "IOT": true, "ATF": true, "UMI": true, "CCK": true}
	for _, c := range cameo.CountryList() {
		if !have[c.ISO3] && !uninhabited[c.ISO3] {
			t.Errorf("no country entry for %s %s", c.ISO3, c.Name)
		}
	}
	// every code in the dictionaries parses as a CAMEO actor code
	for _, e := range d.entries {
		for _, s := range e.spans {
			if _, err := cameo.ParseActor(string(s.code)); err != nil {
				t.Errorf("%s: %v", e.src, err)
			}
			if c := s.code.Country(); c != "" && !cameo.IsCountry(c) && !cameo.IsRegion(c) {
				t.Errorf("%s: unknown country %s", e.src, c)
			}
		}
	}
}

func TestSeedPeople(t *testing.T) {
	d := Default()
	tests := []struct {
		phrase, date string
		code         cameo.ActorCode
		entity       string
		kind         Kind
	}{
		{"Francois Hollande", "2015-11-26", "FRAGOV", "François Hollande", KindPerson},
		{"François Hollande", "2015-11-26", "FRAGOV", "François Hollande", KindPerson},
		{"Hollande", "2015-11-26", "FRAGOV", "François Hollande", KindPerson},
		{"Barack Obama", "2015-11-26", "USAGOV", "Barack Obama", KindPerson},
		{"Obama", "2015-11-26", "USAGOV", "Barack Obama", KindPerson},
		{"Obama", "2020-06-01", "USAELI", "Barack Obama", KindPerson},
		{"Obama", "2006-06-01", "USALEG", "Barack Obama", KindPerson},
		{"Vladimir Putin", "2015-11-26", "RUSGOV", "Vladimir Putin", KindPerson},
		{"Putin", "2010-01-01", "RUSGOV", "Vladimir Putin", KindPerson},
		{"Lavrov", "2015-11-26", "RUSGOV", "Sergei Lavrov", KindPerson},
		{"Sergey Lavrov", "2015-11-26", "RUSGOV", "Sergei Lavrov", KindPerson},
		{"Bashar al-Assad", "2015-11-26", "SYRGOV", "Bashar al-Assad", KindPerson},
		{"Assad", "2015-11-26", "SYRGOV", "Bashar al-Assad", KindPerson},
		{"Assad", "2025-03-01", "SYRELI", "Bashar al-Assad", KindPerson},
		{"Tony Blinken", "2015-11-26", "USAGOV", "Antony Blinken", KindPerson},
		{"Hollande", "2019-01-01", "FRAELI", "François Hollande", KindPerson},
		{"Clinton", "2010-05-01", "USAGOV", "Hillary Clinton", KindPerson},
		{"Clinton", "1998-05-01", "USAGOV", "Bill Clinton", KindPerson},
		{"Trump", "2022-05-01", "USAELI", "Donald Trump", KindPerson},
		{"Trump", "2025-05-01", "USAGOV", "Donald Trump", KindPerson},
		{"Trump", "", "USAGOV", "Donald Trump", KindPerson},
		{"Ban Ki-moon", "2010-01-01", "IGOUNO", "Ban Ki-moon", KindPerson},
		{"Powell", "2003-01-01", "USAGOV", "Colin Powell", KindPerson},
		{"Powell", "2020-01-01", "USAGOV", "Jerome Powell", KindPerson},
	}
	for _, tt := range tests {
		m, ok := d.Lookup(tt.phrase, tt.date)
		if !ok {
			t.Errorf("Lookup(%q, %s): no match", tt.phrase, tt.date)
			continue
		}
		if m.Code != tt.code || m.Entity != tt.entity || m.Kind != tt.kind {
			t.Errorf("Lookup(%q, %s) = %s %q %s, want %s %q %s", tt.phrase, tt.date, m.Code, m.Entity, m.Kind, tt.code, tt.entity, tt.kind)
		}
	}
}

func TestMetonymsAndCompositions(t *testing.T) {
	d := Default()
	tests := []struct {
		phrase, date string
		code         cameo.ActorCode
		entity       string
		kind         Kind
	}{
		{"the Kremlin", "2015-11-26", "RUSGOV", "Kremlin", KindMetonym},
		{"Kremlin", "", "RUSGOV", "Kremlin", KindMetonym},
		{"Moscow", "", "RUS", "Moscow", KindMetonym},
		{"the White House", "", "USAGOV", "White House", KindMetonym},
		{"Downing Street", "", "GBRGOV", "Downing Street", KindMetonym},
		{"the Pentagon", "", "USAMIL", "Pentagon", KindMetonym},
		{"Foggy Bottom", "", "USAGOV", "State Department", KindMetonym},
		{"Elysee", "", "FRAGOV", "Elysee", KindMetonym},
		{"Beijing", "", "CHN", "Beijing", KindMetonym},
		{"Russia", "", "RUS", "Russia", KindCountry},
		{"Russian Federation", "", "RUS", "Russia", KindCountry},
		{"French", "", "FRA", "France", KindCountry},
		{"the Russians", "", "RUS", "Russia", KindCountry},
		{"U.S.", "", "USA", "United States", KindCountry},
		{"US", "", "USA", "United States", KindCountry},
		{"The Hague", "", "NLD", "The Hague", KindMetonym},
		{"the Hague", "", "NLD", "The Hague", KindMetonym},
		{"Hague", "2012-01-01", "GBRGOV", "William Hague", KindPerson},
		{"Russian President", "2015-11-26", "RUSGOV", "Vladimir Putin", KindAgent},
		{"the U.S. president", "2015-11-26", "USAGOV", "Barack Obama", KindAgent},
		{"French troops", "", "FRAMIL", "", KindAgent},
		{"Syrian rebels", "", "SYRREB", "", KindAgent},
		{"Russia's military", "", "RUSMIL", "", KindAgent},
		{"Israeli police", "", "ISRCOP", "", KindAgent},
		{"Korean People's Army", "", "PRKMIL", "Korean People's Army", KindGroup},
		{"the Korean People’s Army", "", "PRKMIL", "Korean People's Army", KindGroup},
		{"government troops", "", "MIL", "", KindAgent},
		{"Russian President Vladimir Putin", "2015-11-26", "RUSGOV", "Vladimir Putin", KindPerson},
		{"US President Barack Obama", "2015-11-26", "USAGOV", "Barack Obama", KindPerson},
		{"French President Francois Hollande", "2015-11-26", "FRAGOV", "François Hollande", KindPerson},
		{"U.S. Deputy Secretary of State Tony Blinken", "2015-11-26", "USAGOV", "Antony Blinken", KindPerson},
		{"Chinese Foreign Minister Wang Yi", "2016-01-01", "CHNGOV", "Wang Yi", KindPerson},
		{"Nigerian President Xyzzy Abcde", "2016-01-01", "NGAGOV", "Xyzzy Abcde", KindPerson},
		{"Republicans", "", "USA", "Republicans", KindParty},
		{"Republican senators", "", "USALEG", "", KindAgent},
		{"ISIS", "", "IMGMOSISI", "Islamic State", KindGroup},
		{"Islamic State", "", "IMGMOSISI", "Islamic State", KindGroup},
		{"Daesh", "", "IMGMOSISI", "Islamic State", KindGroup},
		{"ISIS militants", "", "IMGMOSISI", "Islamic State", KindGroup},
		{"Taliban", "2015-01-01", "AFGREBTAL", "Taliban", KindGroup},
		{"Taliban", "2023-01-01", "AFGGOVTAL", "Taliban", KindGroup},
		{"Hezbollah", "", "LBNREBHEZ", "Hezbollah", KindGroup},
		{"the United Nations", "", "IGOUNO", "United Nations", KindIGO},
		{"NATO", "", "IGOWSTNAT", "North Atlantic Treaty Organization", KindIGO},
		{"Red Cross", "", "NGOHLHIRC", "International Committee of the Red Cross", KindNGO},
	}
	for _, tt := range tests {
		m, ok := d.Lookup(tt.phrase, tt.date)
		if !ok {
			t.Errorf("Lookup(%q): no match", tt.phrase)
			continue
		}
		if m.Code != tt.code || m.Entity != tt.entity || m.Kind != tt.kind {
			t.Errorf("Lookup(%q, %s) = %s %q %s, want %s %q %s", tt.phrase, tt.date, m.Code, m.Entity, m.Kind, tt.code, tt.entity, tt.kind)
		}
	}
	for _, p := range []string{"us", "is", "may", "the", "Brussels sprouts are green", "", "Refugee Council Enver Solomon", "in general"} {
		if m, ok := d.Lookup(p, ""); ok {
			t.Errorf("Lookup(%q) = %+v, want no match", p, m)
		}
	}
}

func TestScanSentence(t *testing.T) {
	d := Default()
	text := "French President Francois Hollande and US President Barack Obama pledged their solidarity in the fight against the Islamic State in Iraq and Syria (ISIS), declaring that they would step up strikes in Syria and Iraq."
	ms := d.Scan(text, Tokenize(text), "2015-11-26")
	want := []struct {
		text string
		code cameo.ActorCode
	}{
		{"French President Francois Hollande", "FRAGOV"},
		{"US President Barack Obama", "USAGOV"},
		{"Islamic State in Iraq and Syria", "IMGMOSISI"},
		{"ISIS", "IMGMOSISI"},
		{"Syria", "SYR"},
		{"Iraq", "IRQ"},
	}
	if len(ms) != len(want) {
		t.Fatalf("got %d matches %+v", len(ms), ms)
	}
	for i, w := range want {
		m := ms[i]
		if m.Text != w.text || m.Code != w.code || text[m.Span.Start:m.Span.End] != w.text {
			t.Errorf("match %d = %+v, want %q %s", i, m, w.text, w.code)
		}
		if i > 0 && m.Start < ms[i-1].End {
			t.Errorf("overlap at %d", i)
		}
	}

	text = "The president said the shootdown underscored an ongoing problem with Russia's military operations in Syria, where the Russians have been targeting groups near the Turkish border."
	ms = d.Scan(text, Tokenize(text), "2015-11-26")
	got := []string{}
	for _, m := range ms {
		got = append(got, m.Text+"="+string(m.Code))
	}
	if strings.Join(got, ",") != "president=GOV,Russia's military=RUSMIL,Syria=SYR,Russians=RUS,Turkish=TUR" {
		t.Errorf("got %v", got)
	}
	// possessive kept out of the span
	text = "Putin's spokesman spoke at the U.S.-led coalition meeting."
	ms = d.Scan(text, Tokenize(text), "2015-11-26")
	if len(ms) < 2 || ms[0].Text != "Putin" || ms[0].Code != "RUSGOV" {
		t.Fatalf("got %+v", ms)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unknown kind", "person: A B = USAGOV\nwizard: Gandalf = GBR\n", "bad.txt:2: unknown kind"},
		{"bad code", "person: A B = USAG0V\n", "bad.txt:1: bad actor code"},
		{"no code", "\n# c\nperson: Nobody\n", "bad.txt:3: entry \"Nobody\" has no code"},
		{"bad range", "person: A B\n  USAGOV 2015-13-01..2016\n", "bad.txt:2: bad date range"},
		{"reversed range", "person: A B\n  USAGOV 2016..2015\n", "bad.txt:2: date range \"2016..2015\" ends before it starts"},
		{"indented first", "  USAGOV\n", "bad.txt:1: indented line outside an entry"},
		{"empty alias", "person: A || B = USA\n", "bad.txt:1: empty name"},
		{"bare role", "person: A B = GOV\n", "bad.txt:1: code GOV is a bare role"},
		{"junk after code", "person: A B\n  USAGOV soon\n", "bad.txt:2: unexpected \"soon\""},
	}
	for _, tt := range tests {
		d, err := Load(strings.NewReader(tt.src), "bad.txt")
		if err == nil || d != nil {
			t.Errorf("%s: want error", tt.name)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want %q", tt.name, err, tt.want)
		}
		var pe *ParseError
		if !errors.As(err, &pe) || pe.File != "bad.txt" {
			t.Errorf("%s: not a *ParseError: %v", tt.name, err)
		}
	}
}

func TestLoadAndMerge(t *testing.T) {
	src := `# test dictionary
country: Gondor | Kingdom of Gondor = GBR
  demonym: Gondorian | Gondorians
  capital: Minas Tirith
person: Aragorn | Strider | Elessar
  GBRREB 2001-01..2003-12 # ranger
  GBRGOV 2004.. @monarch
agent: rangers = REB
`
	u, err := Load(strings.NewReader(src), "user.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		p, date string
		code    cameo.ActorCode
		entity  string
	}{
		{"Strider", "2003-12-31", "GBRREB", "Aragorn"},
		{"Aragorn", "2004-01-01", "GBRGOV", "Aragorn"},
		{"Aragorn", "2000-01-01", "GBRELI", "Aragorn"},
		{"Gondorian rangers", "", "GBRREB", ""},
		{"Minas Tirith", "", "GBR", "Minas Tirith"},
		{"Gondorians", "", "GBR", "Gondor"},
	} {
		m, ok := u.Lookup(tt.p, tt.date)
		if !ok || m.Code != tt.code || m.Entity != tt.entity {
			t.Errorf("Lookup(%q,%s) = %+v %v", tt.p, tt.date, m, ok)
		}
	}
	if name, _, ok := u.Holder("GBR", "monarch", "2010-01-01"); !ok || name != "Aragorn" {
		t.Errorf("Holder = %q %v", name, ok)
	}
	// Merge: the user's entry wins over the default for a shared alias.
	d := New()
	d.Merge(Default())
	n := Default().Len()
	over, err := Load(strings.NewReader("person: Obama = KENELI\n"), "over.txt")
	if err != nil {
		t.Fatal(err)
	}
	d.Merge(over)
	if m, _ := d.Lookup("Obama", "2015-01-01"); m.Code != "KENELI" {
		t.Errorf("merged Obama = %s", m.Code)
	}
	if m, _ := d.Lookup("Barack Obama", "2015-01-01"); m.Code != "USAGOV" {
		t.Errorf("merged Barack Obama = %s", m.Code)
	}
	if Default().Len() != n {
		t.Error("Merge into New changed Default")
	}
	if m, _ := Default().Lookup("Obama", "2015-01-01"); m.Code != "USAGOV" {
		t.Errorf("Default Obama = %s after merge", m.Code)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add("person: A | B\n  USAGOV 2001..2002 @president\n")
	f.Add("country: X = FRA\n  demonym: Y\n  | Z\n")
	f.Add("agent: troops = MIL\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := Load(strings.NewReader(src), "fuzz.txt")
		if err != nil {
			if d != nil {
				t.Fatal("dict with error")
			}
			if !strings.HasPrefix(err.Error(), "fuzz.txt:") {
				t.Fatalf("error without position: %v", err)
			}
			return
		}
		d.Scan(src, Tokenize(src), "2015-01-01")
	})
}

func FuzzScan(f *testing.F) {
	f.Add("Russian President Vladimir Putin met U.S.-led coalition officials in the Kremlin's hall.")
	f.Add("’s 's ' the the The Hague")
	f.Fuzz(func(t *testing.T, text string) {
		toks := Tokenize(text)
		ms := Default().Scan(text, toks, "2015-11-26")
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(toks) || m.Span.Start > m.Span.End || m.Span.End > len(text) {
				t.Fatalf("bad match %+v in %q", m, text)
			}
			prev = m.End
		}
	})
}

func TestExtended(t *testing.T) {
	d := Extended()
	if err := ExtendedErr(); err != nil {
		t.Fatal(err)
	}
	if d.Len() < Default().Len()+10000 {
		t.Errorf("extended has %d entries, default %d", d.Len(), Default().Len())
	}
	for _, tt := range []struct {
		p, date string
		code    cameo.ActorCode
	}{
		{"Hamid Karzai", "2016-01-01", "AFGELI"}, // curated wins over the stale derived entry
		{"Karzai", "2016-01-01", "AFGELI"},
		{"Afghan National Army", "", "AFGMIL"},
		{"Amnesty International", "", "NGOHRIAMN"},
		{"Obama", "2015-11-26", "USAGOV"},
		{"Kandahar", "", "AFG"},
	} {
		m, ok := d.Lookup(tt.p, tt.date)
		if !ok || m.Code != tt.code {
			t.Errorf("Extended Lookup(%q, %s) = %+v %v, want %s", tt.p, tt.date, m, ok, tt.code)
		}
	}
	if Default().Len() >= d.Len() {
		t.Error("Extended changed Default")
	}
}

// Scan must work on other tokenizations: detached possessives, NER tags.
func TestScanForeignTokens(t *testing.T) {
	d := Default()
	text := "Russia 's military and Chinese President Xi Jinping met Foreign Minister Abc Defg on Monday."
	forms := []struct {
		f, ner string
	}{{"Russia", "B-GPE"}, {"'s", "O"}, {"military", "O"}, {"and", "O"}, {"Chinese", "B-NORP"}, {"President", "O"},
		{"Xi", "B-PER"}, {"Jinping", "I-PER"}, {"met", "O"}, {"Foreign", "O"}, {"Minister", "O"}, {"Abc", "B-PER"},
		{"Defg", "I-PER"}, {"on", "O"}, {"Monday", "B-DATE"}, {".", "O"}}
	var toks []doc.Token
	off := 0
	for _, f := range forms {
		i := strings.Index(text[off:], f.f) + off
		toks = append(toks, doc.Token{Span: doc.Span{Start: i, End: i + len(f.f)}, Form: f.f, NER: f.ner})
		off = i + len(f.f)
	}
	ms := d.Scan(text, toks, "2016-05-01")
	var got []string
	for _, m := range ms {
		got = append(got, m.Text+"="+string(m.Code)+"/"+m.Entity)
	}
	want := "Russia 's military=RUSMIL/,Chinese President Xi Jinping=CHNGOV/Xi Jinping,Foreign Minister Abc Defg=GOV/Abc Defg"
	if strings.Join(got, ",") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, ","), want)
	}
}

func TestScanConcurrent(t *testing.T) {
	d := Default()
	text := "Russian President Vladimir Putin met French troops near the Kremlin's gate, U.S. officials said."
	toks := Tokenize(text)
	want := d.Scan(text, toks, "2015-11-26")
	done := make(chan bool)
	for g := 0; g < 8; g++ {
		go func() {
			for i := 0; i < 200; i++ {
				got := d.Scan(text, toks, "2015-11-26")
				if len(got) != len(want) || got[0] != want[0] || got[len(got)-1] != want[len(want)-1] {
					t.Errorf("concurrent scan differs: %+v", got)
					break
				}
			}
			done <- true
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
}
