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
