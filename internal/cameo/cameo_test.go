package cameo

import (
	"strings"
	"testing"
)

func TestEveryCodeParsesAndMaps(t *testing.T) {
	seen := map[EventCode]bool{}
	for _, c := range Codes() {
		if seen[c] {
			t.Fatalf("duplicate code %s", c)
		}
		seen[c] = true
		got, err := ParseEventCode(string(c))
		if err != nil || got != c {
			t.Fatalf("ParseEventCode(%q) = %q, %v", c, got, err)
		}
		info, ok := Lookup(c)
		if !ok {
			t.Fatalf("Lookup(%s) missing", c)
		}
		if info.Code != c || string(info.Root) != string(c[:2]) || !info.Root.Valid() {
			t.Errorf("%s: bad root %q", c, info.Root)
		}
		if info.Quad == QuadNone {
			t.Errorf("%s: no quad class", c)
		}
		if info.Goldstein < -10 || info.Goldstein > 10 {
			t.Errorf("%s: Goldstein %v out of range", c, info.Goldstein)
		}
		if info.Name == "" {
			t.Errorf("%s: no name", c)
		}
		if info.PLOVER == "" && info.Root != "01" {
			t.Errorf("%s: no PLOVER type", c)
		}
		if len(c) > 2 {
			// every 3- and 4-digit code has its parent in the table
			parent := c[:len(c)-1]
			if len(c) == 3 {
				parent = c[:2]
			}
			if !seen[parent] {
				t.Errorf("%s: parent %s not before it", c, parent)
			}
		}
	}
	if n := len(Codes()); n < 300 {
		t.Errorf("only %d codes", n)
	}
	for _, r := range Roots() {
		if !EventCode(r).Valid() || !EventCode(string(r)+"0").Valid() {
			t.Errorf("root %s or its 0-child missing", r)
		}
		if len(r.Children()) == 0 {
			t.Errorf("root %s has no children", r)
		}
	}
}

func TestLookupValues(t *testing.T) {
	tests := []struct {
		code      EventCode
		gold      float64
		quad      QuadClass
		plover    string
		mode      string
		nameStart string
	}{
		{"010", 0, VerbalCooperation, "", "", "Make statement"},
		{"036", 4.0, VerbalCooperation, PLOVERConsult, "meet", "Express intent to meet"},
		{"042", 1.9, VerbalCooperation, PLOVERConsult, "visit", "Make a visit"},
		{"057", 8.0, VerbalCooperation, PLOVERAgree, "sign", "Sign formal"},
		{"0233", 3.4, VerbalCooperation, PLOVERRequest, "humanitarian", "Appeal for humanitarian"},
		{"073", 7.4, MaterialCooperation, PLOVERAid, "humanitarian", "Provide humanitarian"},
		{"0874", 10, MaterialCooperation, PLOVERRetreat, "withdraw", "Retreat"},
		{"111", -2, VerbalConflict, PLOVERAccuse, "criticize", "Criticize"},
		{"1124", -2, VerbalConflict, PLOVERAccuse, "war crimes", "Accuse of war crimes"},
		{"130", -4.4, VerbalConflict, PLOVERThreaten, "", "Threaten"},
		{"1412", -6.5, MaterialConflict, PLOVERProtest, "demonstrate", "Demonstrate for policy"},
		{"163", -8, MaterialConflict, PLOVERSanction, "embargo", "Impose embargo"},
		{"173", -5, MaterialConflict, PLOVERCoerce, "arrest", "Arrest"},
		{"183", -10, MaterialConflict, PLOVERAssault, "bombing", "Conduct suicide"},
		{"1952", -10, MaterialConflict, PLOVERAssault, "drone", "Employ remotely"},
		{"2041", -10, MaterialConflict, PLOVERAssault, "CBRN", "Use chemical"},
	}
	for _, tt := range tests {
		info, ok := Lookup(tt.code)
		if !ok {
			t.Fatalf("%s missing", tt.code)
		}
		if info.Goldstein != tt.gold || info.Quad != tt.quad || info.PLOVER != tt.plover || info.PLOVERMode != tt.mode || !strings.HasPrefix(info.Name, tt.nameStart) {
			t.Errorf("%s: got %+v", tt.code, info)
		}
	}
}

func TestParseEventCodeErrors(t *testing.T) {
	for _, s := range []string{"", "1", "99", "21", "0999", "12345", "1a", " 01", "000"} {
		if c, err := ParseEventCode(s); err == nil {
			t.Errorf("ParseEventCode(%q) = %q, want error", s, c)
		}
	}
}

func TestCountries(t *testing.T) {
	cs := Countries()
	if len(cs) < 249 {
		t.Fatalf("%d countries", len(cs))
	}
	iso2 := map[string]bool{}
	for k, c := range cs {
		if k != c.ISO3 || len(c.ISO3) != 3 || len(c.ISO2) != 2 || c.Name == "" {
			t.Errorf("bad row %+v", c)
		}
		if iso2[c.ISO2] {
			t.Errorf("duplicate ISO2 %s", c.ISO2)
		}
		iso2[c.ISO2] = true
	}
	for _, tt := range [][3]string{{"USA", "US", "United States"}, {"RUS", "RU", "Russia"}, {"FRA", "FR", "France"}, {"SYR", "SY", "Syria"}, {"KOS", "XK", "Kosovo"}} {
		c, ok := CountryByISO3(tt[0])
		if !ok || c.ISO2 != tt[1] || c.Name != tt[2] {
			t.Errorf("CountryByISO3(%s) = %+v", tt[0], c)
		}
		if c2, _ := CountryByISO2(tt[1]); c2.ISO3 != tt[0] {
			t.Errorf("CountryByISO2(%s) = %+v", tt[1], c2)
		}
	}
	for _, r := range []string{"AFR", "EUR", "WST", "MEA"} {
		if !IsRegion(r) || IsCountry(r) {
			t.Errorf("region %s", r)
		}
	}
	for _, r := range []string{"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "BUS", "MED", "CVL", "IGO", "NGO", "IMG", "COP", "SPY", "ELI", "LAB", "EDU", "HLH", "REF", "CRM", "UAF", "SET", "AGR", "MOD", "RAD"} {
		if !IsRole(r) {
			t.Errorf("role %s missing", r)
		}
	}
}

func TestParseActor(t *testing.T) {
	tests := []struct {
		in   string
		want Actor
	}{
		{"USAGOV", Actor{Country: "USA", Type1: "GOV"}},
		{"RUS", Actor{Country: "RUS"}},
		{"IGOUNO", Actor{Type1: "IGO", KnownGroup: "UNO"}},
		{"IRQkurREB", Actor{Country: "IRQ", Ethnic: "kur", Type1: "REB"}},
		{"PSEREBHMS", Actor{Country: "PSE", Type1: "REB", KnownGroup: "HMS"}},
		{"IMGMOSALQ", Actor{Type1: "IMG", Religion1: "MOS", KnownGroup: "ALQ"}},
		{"SYRGOVMILSUNSHI", Actor{Country: "SYR", Type1: "GOV", Type2: "MIL", Religion1: "SUN", Religion2: "SHI"}},
		{"IGOAFRAFU", Actor{Type1: "IGO", Country: "AFR", KnownGroup: "AFU"}},
		{"NGOSYRHRI", Actor{Type1: "NGO", Country: "SYR", Type2: "HRI"}},
		{"USAXYZ", Actor{Country: "USA", Extra: []string{"XYZ"}}},
		{"GOV", Actor{Type1: "GOV"}},
	}
	for _, tt := range tests {
		got, err := ParseActor(tt.in)
		if err != nil {
			t.Fatalf("ParseActor(%q): %v", tt.in, err)
		}
		tt.want.Code = ActorCode(tt.in)
		if got.Country != tt.want.Country || got.KnownGroup != tt.want.KnownGroup || got.Ethnic != tt.want.Ethnic ||
			got.Religion1 != tt.want.Religion1 || got.Religion2 != tt.want.Religion2 || got.Type1 != tt.want.Type1 ||
			got.Type2 != tt.want.Type2 || got.Type3 != tt.want.Type3 || strings.Join(got.Extra, ",") != strings.Join(tt.want.Extra, ",") {
			t.Errorf("ParseActor(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"", "US", "USAG", "USA-GO", "USAGo1", "UsA"} {
		if _, err := ParseActor(bad); err == nil {
			t.Errorf("ParseActor(%q): want error", bad)
		}
	}
	if ActorCode("RUSGOV").Country() != "RUS" || ActorCode("IGOUNO").Country() != "" {
		t.Error("ActorCode.Country")
	}
}

func FuzzParseActor(f *testing.F) {
	for _, s := range []string{"USAGOV", "IGOUNO", "IRQkurREB", "", "abc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseActor(s)
		if err == nil && string(a.Code) != s {
			t.Fatalf("code not kept: %q", s)
		}
	})
}

func FuzzParseEventCode(f *testing.F) {
	for _, s := range []string{"01", "0211", "x", "19522"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseEventCode(s)
		if err == nil {
			if _, ok := Lookup(c); !ok {
				t.Fatalf("parsed %q but no lookup", s)
			}
		}
	})
}
