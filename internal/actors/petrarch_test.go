package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/shared"
)

func TestLoadPetrarchSmall(t *testing.T) {
	actors := `# comment
<!-- xml
comment -->
HAMAS [PSEREBHMS]
ISRAELI_TROOPS [ISRMIL]
ISRAEL [ISR]
+ISRAELI_
AL-QAEDA [IMGMOSALQ]
PALESTINIAN [pse]
BARACK_OBAMA
+OBAMA
+PRESIDENT_OBAMA_
	[USAGOV 090120-170120]
	[USAELI]
BAN_KI-MOON
	[IGOUNO >20070101]
	[KORGOVBUS 2004017-20061201]
NOBODY_ [---]
UNITED_NATIONS_ [IGOUNO]
`
	d, err := LoadPetrarchActors(strings.NewReader(actors), "test.actors.txt")
	if d == nil {
		t.Fatal(err)
	}
	if err == nil || !strings.Contains(err.Error(), "test.actors.txt:17: bad date") {
		t.Errorf("want positioned error for the malformed date, got %v", err)
	}
	agents := `!PERSON! = MAN, WOMAN
PRESIDENT [~GOV]
TROOPS {} [~MIL]
POLICE!PERSON! [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
PEACEKEEPING_TROOPS {} [IGO~]
`
	a, err := LoadPetrarchAgents(strings.NewReader(agents), "test.agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	d.Merge(a)
	for _, tt := range []struct {
		p, date string
		code    cameo.ActorCode
		kind    Kind
	}{
		{"Hamas", "", "PSEREBHMS", KindGroup},
		{"Israeli troops", "", "ISRMIL", KindGroup},
		{"Israeli Troops", "", "ISRMIL", KindGroup},
		{"Israeli policemen", "", "ISRCOP", KindAgent},
		{"Israeli presidents", "", "ISRGOV", KindAgent},
		{"attorneys general", "", "GOV", KindAgent},
		{"al-Qaeda", "", "IMGMOSALQ", KindGroup},
		{"Palestinian", "", "PSE", KindCountry},
		{"Obama", "2015-11-26", "USAGOV", KindPerson},
		{"President Obama", "2015-11-26", "USAGOV", KindPerson},
		{"Obama", "2020-01-01", "USAELI", KindPerson},
		{"Ban Ki-moon", "2010-01-01", "IGOUNO", KindPerson},
		{"United Nations", "", "IGOUNO", KindIGO},
		{"Israeli peacekeeping troops", "", "IGOISR", KindAgent},
	} {
		m, ok := d.Lookup(tt.p, tt.date)
		if !ok || m.Code != tt.code || m.Kind != tt.kind {
			t.Errorf("Lookup(%q) = %+v %v, want %s %s", tt.p, m, ok, tt.code, tt.kind)
		}
	}
	if _, ok := d.Lookup("Nobody", ""); ok {
		t.Error("[---] entry should be uncoded")
	}
}

func TestLoadPetrarchPhoenix(t *testing.T) {
	dir := shared.Path("data", "gold", "petrarch2_validation", "petrarch2", "dictionaries")
	if dir == "" {
		t.Skip("shared PETRARCH dictionaries not found")
	}
	d := newDict()
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"} {
		r, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		var x *Dict
		if strings.Contains(f, "agents") {
			x, err = LoadPetrarchAgents(r, f)
		} else {
			x, err = LoadPetrarchActors(r, f)
		}
		r.Close()
		if x == nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err != nil {
			t.Logf("%s: %d entries; first problems: %.300v", f, x.Len(), err)
		}
		d.Merge(x)
	}
	t.Logf("stats %v", d.Stats())
	for _, tt := range []struct {
		p, date string
		code    cameo.ActorCode
	}{
		{"Barack Obama", "2012-01-01", "USAGOV"},
		{"Afghan National Army", "", "AFGMIL"},
		{"NATO", "", "IGOWSTNAT"},
		{"Amnesty International", "", "NGOHRIAMN"},
		{"Russian soldiers", "", "RUSMIL"},
	} {
		m, ok := d.Lookup(tt.p, tt.date)
		if !ok || m.Code != tt.code {
			t.Errorf("Lookup(%q) = %+v %v, want %s", tt.p, m, ok, tt.code)
		}
	}
}

func FuzzLoadPetrarchActors(f *testing.F) {
	f.Add("A_B [USA]\n+C\n\t[USAGOV 090120-170120]\n")
	f.Add("<!-- x\n# y\nZ [---]\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := LoadPetrarchActors(strings.NewReader(src), "f")
		if d == nil && err == nil {
			t.Fatal("nil dict without error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f:") {
			t.Fatalf("unpositioned error %v", err)
		}
	})
}

func FuzzLoadPetrarchAgents(f *testing.F) {
	f.Add("!P! = MAN, MEN\nPOLICE!P! [~COP]\nX {} [IGO~]\n")
	f.Fuzz(func(t *testing.T, src string) {
		d, err := LoadPetrarchAgents(strings.NewReader(src), "f")
		if d == nil && err == nil {
			t.Fatal("nil dict without error")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "f:") {
			t.Fatalf("unpositioned error %v", err)
		}
	})
}

// Dated codes may be written with spaces around the comparison or the dash.
func TestLoadPetrarchSpacedDates(t *testing.T) {
	src := `SMEAGOL
+STINKER
	[HOB < 950601]
	[HOBGOV 19950601 - 19990815]
	[HOBREB > 990816]
`
	d, err := LoadPetrarchActors(strings.NewReader(src), "t.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		p, date string
		code    cameo.ActorCode
	}{
		{"Smeagol", "1994-01-01", "HOB"},
		{"Stinker", "1997-03-01", "HOBGOV"},
		{"Smeagol", "2001-05-05", "HOBREB"},
	} {
		if m, ok := d.Lookup(tt.p, tt.date); !ok || m.Code != tt.code {
			t.Errorf("Lookup(%q, %s) = %+v %v, want %s", tt.p, tt.date, m, ok, tt.code)
		}
	}
}

// Codes joined with "/" are kept as written; a bad part is still an error.
func TestLoadPetrarchSlashCodes(t *testing.T) {
	d, err := LoadPetrarchActors(strings.NewReader("THE_SHIRE [FRO/BIL/SAM]\nNOWHERE [AB/CDE]\n"), "t.actors.txt")
	if d == nil {
		t.Fatal(err)
	}
	if err == nil || !strings.Contains(err.Error(), "t.actors.txt:2: bad actor code") {
		t.Errorf("want an error for line 2, got %v", err)
	}
	if m, ok := d.Lookup("the Shire", ""); !ok || m.Code != "FRO/BIL/SAM" {
		t.Errorf("Lookup(the Shire) = %+v %v", m, ok)
	}
}

// PETRARCH reads the article of an entry as written, and the Phoenix
// dictionaries' religion code MUS is CAMEO's MOS (MUS is Mauritius).
func TestLoadPetrarchArticleAndReligion(t *testing.T) {
	actors := `THE_ISLAMIC_STATE [IMGMUSISI]
MAURITIUS [MUS]
MAURITIAN_GOVERNMENT [MUSGOV]
JIHAD_GROUP [IMGSEAMUSJMA]
`
	d, err := LoadPetrarchActors(strings.NewReader(actors), "t.actors.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := LoadPetrarchAgents(strings.NewReader("ISLAMIC [~MUS]\nISLAMIC_MILITANT [~MUSUAF]\n"), "t.agents.txt")
	if err != nil {
		t.Fatal(err)
	}
	d.Merge(a)
	for _, tt := range []struct {
		p    string
		code cameo.ActorCode
	}{
		{"the Islamic State", "IMGMOSISI"},
		{"The Islamic State", "IMGMOSISI"},
		{"Mauritius", "MUS"},
		{"Mauritian government", "MUSGOV"},
		{"Jihad group", "IMGSEAMOSJMA"},
		{"Islamic", "MOS"},
		{"Islamic militants", "MOSUAF"},
	} {
		m, ok := d.Lookup(tt.p, "")
		if !ok || m.Code != tt.code {
			t.Errorf("Lookup(%q) = %+v %v, want %s", tt.p, m, ok, tt.code)
		}
	}
	if got := phoenixReligion("IMGMUSISI/MUSREB", 3); got != "IMGMOSISI/MUSREB" {
		t.Errorf("phoenixReligion = %s", got)
	}
	// without its article the entry is no match: "an Islamic State target"
	if m, ok := d.Lookup("Islamic State", ""); ok && m.Code == "IMGMOSISI" {
		t.Errorf("Lookup(Islamic State) = %+v: the article is part of the entry", m)
	}
}
