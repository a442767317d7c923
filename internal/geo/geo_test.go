package geo

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/shared"
)

func gaz(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// placeFor returns the place whose text is text (the n-th such, from 0).
func placeFor(d *doc.Document, text string) *doc.Place {
	for i := range d.Places {
		if d.Places[i].Text == text {
			return &d.Places[i]
		}
	}
	return nil
}

func TestResolveSentences(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name, text, toponym, country, adm1 string
		lat, lon                           float64 // checked within 60 km when not 0
		geoType                            int
	}{
		{"paris france", "Thousands marched in Paris on Sunday.", "Paris", "FR", "", 48.857, 2.352, 4},
		{"paris texas", "The tornado hit Paris, Texas, late on Friday.", "Paris", "US", "TX", 33.66, -95.56, 3},
		{"texas qualifier", "The tornado hit Paris, Texas, late on Friday.", "Texas", "US", "TX", 0, 0, 2},
		{"paris tex abbrev", "He was born in Paris, Tex., in 1950.", "Paris", "US", "TX", 0, 0, 3},
		{"georgia country", "Russian troops entered Georgia after fighting in South Ossetia near Tbilisi.", "Georgia", "GE", "", 0, 0, 1},
		{"georgia state", "Voters in Georgia and Alabama went to the polls; Atlanta saw long lines.", "Georgia", "US", "GA", 0, 0, 2},
		{"washington city", "Officials in Washington said the talks with Moscow had stalled.", "Washington", "US", "DC", 38.895, -77.036, 3},
		{"washington state", "Wildfires spread across Washington state, near Spokane and Yakima.", "Washington", "US", "WA", 0, 0, 2},
		{"kremlin", "The Kremlin rejected the claim.", "Kremlin", "RU", "", 55.752, 37.616, 0},
		{"white house", "A spokesman for the White House declined to comment.", "White House", "US", "", 38.898, -77.037, 0},
		{"moscow", "Talks in Moscow ended without a deal.", "Moscow", "RU", "", 55.752, 37.616, 4},
		{"possessive", "Egypt's president spoke.", "Egypt", "EG", "", 0, 0, 1},
		{"st louis", "Flooding closed roads in St. Louis overnight.", "St. Louis", "US", "MO", 38.63, -90.2, 3},
		{"russian federation", "The Russian Federation denied it.", "Russian Federation", "RU", "", 0, 0, 1},
		{"dateline", "LONDON (Reuters) - Shares fell.", "LONDON", "GB", "", 51.5, -0.12, 4},
		{"county", "Deputies in Rapides Parish arrested a man in Alexandria.", "Alexandria", "US", "LA", 31.31, -92.45, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Text: tc.text}
			g.Resolve(d)
			p := placeFor(d, tc.toponym)
			if p == nil {
				t.Fatalf("no place %q in %+v", tc.toponym, d.Places)
			}
			if p.Country != tc.country || (tc.adm1 != "" && p.ADM1 != tc.adm1) {
				t.Errorf("%q: got %s/%s (%s), want %s/%s", tc.toponym, p.Country, p.ADM1, p.Name, tc.country, tc.adm1)
			}
			if tc.lat != 0 && Distance(p.Lat, p.Lon, tc.lat, tc.lon) > 60 {
				t.Errorf("%q at %.3f,%.3f, want near %.3f,%.3f", tc.toponym, p.Lat, p.Lon, tc.lat, tc.lon)
			}
			if tc.geoType != 0 && p.GeoType != tc.geoType {
				t.Errorf("%q geo type %d, want %d", tc.toponym, p.GeoType, tc.geoType)
			}
			if got := p.Span.In(d.Text); got != p.Text {
				t.Errorf("span %v covers %q, text is %q", p.Span, got, p.Text)
			}
		})
	}
}

func TestNotPlaces(t *testing.T) {
	g := gaz(t)
	tests := []struct{ text, notPlace string }{
		{"Paris Hilton arrived late.", "Paris"},
		{"John Paris scored twice.", "Paris"},
		{"Sen. Clinton voted no.", "Clinton"},
		{"Islamic State fighters attacked the town.", "State"},
		{"Islamic State fighters attacked the town.", "Islamic"},
		{"March was a cold month.", "March"},
		{"Police said the suspect fled.", "Police"},
		{"Trade between Moscow and the West fell.", "West"},
		{"Bill Clinton spoke.", "Clinton"},
		{"Tom Jones won the race. Jones said the course was hard.", "Jones"},
		{"Capt. Roy A. Nelson said an officer responded.", "Nelson"},
		{"The museum hosted a talk by Mrs. Lincoln on Sunday.", "Lincoln"},
		{"The road is closed through March 27 for repairs.", "March"},
		{"Canadian officials said the border would stay open.", "Canadian"},
		{"He was arrested on Monday. Moore said he would appeal.", "Moore"},
		{"The ceasefire between Israel and Hamas held.", "Hamas"},
	}
	for _, tc := range tests {
		d := &doc.Document{Text: tc.text}
		g.Resolve(d)
		for _, p := range d.Places {
			if strings.Contains(p.Text, tc.notPlace) {
				t.Errorf("%q: %q read as a place (%s, %s)", tc.text, p.Text, p.Name, p.Country)
			}
		}
	}
}

// TestContext checks readings that depend on the rest of the text: list
// siblings, nearby local names, capitals in national news, seats.
func TestContext(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name, text, toponym, country, adm1 string
		kind                               string // feature class wanted, "" for any
	}{
		{"list of states", "Officials are investigating cases in Washington, Pennsylvania and California.", "California", "US", "CA", "A"},
		{"list of states first", "Officials are investigating cases in Washington, Pennsylvania and California.", "Washington", "US", "WA", "A"},
		{"nearby county", "HAMILTON — Two women died in their Hamilton home, according to the Butler County coroner.", "Hamilton", "US", "OH", "P"},
		{"seat over shortened division", "Pilgrims gathered in Mecca for the hajj.", "Mecca", "SA", "", "P"},
		{"former name", "Refugees fled Zaire in 1996.", "Zaire", "CD", "", "A"},
		{"capital in national news", "Lawmakers in Washington debated aid for Texas, Ohio and Florida.", "Washington", "US", "DC", "P"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := &doc.Document{Text: tc.text}
			g.Resolve(d)
			p := placeFor(d, tc.toponym)
			if p == nil {
				t.Fatalf("no place %q in %+v", tc.toponym, d.Places)
			}
			if p.Country != tc.country || (tc.adm1 != "" && p.ADM1 != tc.adm1) || (tc.kind != "" && p.FeatureClass != tc.kind) {
				t.Errorf("%q: got %s %s/%s class %s, want %s/%s class %s", tc.toponym, p.Name, p.Country, p.ADM1, p.FeatureClass, tc.country, tc.adm1, tc.kind)
			}
		})
	}
}

// TestRepresentativePoints checks the conventions for large areas:
// continents at their GeoNames feature points, divisions at a point of
// their own rather than at a town of the same name.
func TestRepresentativePoints(t *testing.T) {
	g := gaz(t)
	tests := []struct {
		name     string
		kind     Kind
		lat, lon float64
		km       float64
	}{
		{"Africa", KindRegion, 7.19, 21.09, 5},
		{"Asia", KindRegion, 29.84, 89.30, 5},
		{"South America", KindRegion, -14.60, -57.66, 5},
		{"Alberta", KindADM1, 55.0, -115.0, 100},
		{"New York", KindADM1, 43.0, -75.5, 150}, // the state, not the city
	}
	for _, tc := range tests {
		var got *Candidate
		for _, c := range g.Lookup(tc.name) {
			if c.Kind == tc.kind {
				c := c
				got = &c
				break
			}
		}
		if got == nil {
			t.Errorf("%s: no %s reading", tc.name, tc.kind)
			continue
		}
		if d := Distance(got.Lat, got.Lon, tc.lat, tc.lon); d > tc.km {
			t.Errorf("%s at %.2f,%.2f: %.0f km from %.2f,%.2f", tc.name, got.Lat, got.Lon, d, tc.lat, tc.lon)
		}
	}
}

func TestDemonymsOption(t *testing.T) {
	g := gaz(t)
	text := "Russian troops and Abkhaz fighters held the pass; Palestinians marched in Gaza."
	d := &doc.Document{Text: text}
	g.Resolve(d)
	for _, p := range d.Places {
		if p.Text == "Russian" || p.Text == "Abkhaz" || p.Text == "Palestinians" {
			t.Errorf("default options reported demonym %q as a place", p.Text)
		}
	}
	d = &doc.Document{Text: text}
	g.ResolveWith(d, Options{Demonyms: true})
	for _, tc := range []struct{ text, country, name string }{
		{"Russian", "RU", ""}, {"Abkhaz", "GE", "Abkhazia"}, {"Palestinians", "PS", ""},
	} {
		p := placeFor(d, tc.text)
		if p == nil {
			t.Errorf("with Demonyms: no place %q in %+v", tc.text, d.Places)
			continue
		}
		if p.Country != tc.country || (tc.name != "" && p.Name != tc.name) {
			t.Errorf("%q: got %s (%s), want %s %s", tc.text, p.Name, p.Country, tc.name, tc.country)
		}
	}
}

func TestDottedStateAbbrev(t *testing.T) {
	g := gaz(t)
	d := &doc.Document{Text: "The S.C. Highway Patrol closed the road; L.A. traffic was light."}
	g.Resolve(d)
	if p := placeFor(d, "S.C."); p == nil || p.Country != "US" || p.ADM1 != "SC" {
		t.Errorf("S.C.: %+v", d.Places)
	}
	if p := placeFor(d, "L.A."); p != nil && p.ADM1 == "LA" {
		t.Errorf("L.A. read as Louisiana: %+v", p)
	}
}

func TestEntitiesFromNER(t *testing.T) {
	g := gaz(t)
	text := "Officials met in Kinshasa. Jordan Smith said hello."
	d := &doc.Document{Text: text, Entities: []doc.Mention{
		{Span: doc.Span{Start: 17, End: 25}, Text: "Kinshasa", Type: doc.GPE},
		{Span: doc.Span{Start: 27, End: 39}, Text: "Jordan Smith", Type: doc.PER},
		{Span: doc.Span{Start: 0, End: 3}, Text: "Off", Type: doc.LOC}, // unresolvable: must not empty the rest
	}}
	g.Resolve(d)
	if p := placeFor(d, "Kinshasa"); p == nil || p.Country != "CD" {
		t.Errorf("Kinshasa: %+v", d.Places)
	}
	if p := placeFor(d, "Jordan"); p != nil {
		t.Errorf("Jordan inside a PER entity geocoded: %+v", p)
	}
}

func TestSeedArticle(t *testing.T) {
	dir := shared.Need(t, "seed")
	text, err := os.ReadFile(dir + "/obama-hollande.txt")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(dir + "/obama-hollande.gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Places []struct {
			Text    string   `json:"text"`
			Country string   `json:"country"`
			Lat     *float64 `json:"lat"`
			Lon     *float64 `json:"lon"`
		} `json:"places"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	g := gaz(t)
	d := &doc.Document{Text: string(text)}
	g.Resolve(d)
	for _, gp := range gold.Places {
		p := placeFor(d, gp.Text)
		if p == nil {
			t.Errorf("gold place %q not found", gp.Text)
			continue
		}
		if p.Country != gp.Country {
			t.Errorf("%q: country %s, want %s", gp.Text, p.Country, gp.Country)
		}
	}
	for _, p := range d.Places {
		if strings.Contains(p.Text, "Islamic") || p.Text == "State" {
			t.Errorf("%q geocoded", p.Text)
		}
	}
}

func TestLookupAndCountry(t *testing.T) {
	g := gaz(t)
	cs := g.Lookup("paris")
	if len(cs) < 2 || cs[0].Country != "FR" {
		t.Fatalf("Lookup(paris) = %d candidates, first %+v", len(cs), cs)
	}
	found := false
	for _, c := range cs {
		if c.Country == "US" && c.ADM1 == "TX" {
			found = true
		}
	}
	if !found {
		t.Error("Lookup(paris) lacks Paris, Texas")
	}
	if len(g.Lookup("São Paulo")) == 0 || len(g.Lookup("Sao Paulo")) == 0 {
		t.Error("accent folding: São Paulo not found both ways")
	}
	for _, tc := range []struct {
		iso, name string
		gt        int
	}{{"fr", "France", 1}, {"US", "United States", 1}, {"GE", "Georgia", 1}} {
		p, ok := g.Country(tc.iso)
		if !ok || p.Name != tc.name || p.GeoType != tc.gt {
			t.Errorf("Country(%s) = %+v, %v", tc.iso, p, ok)
		}
	}
	if _, ok := g.Country("ZZ"); ok {
		t.Error("Country(ZZ) found")
	}
	if c, ok := g.Capital("RU"); !ok || c.Name != "Moscow" {
		t.Errorf("Capital(RU) = %+v", c)
	}
	if p, ok := g.Nearest(48.86, 2.35); !ok || p.Country != "FR" {
		t.Errorf("Nearest(Paris) = %+v", p)
	}
}

func TestLoadErrors(t *testing.T) {
	gz := func(s string) *bytes.Buffer {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return &b
	}
	for _, tc := range []struct{ name, in, want string }{
		{"not gzip", "plain", "gazetteer"},
		{"short record", "C\tFR\tFrance\n", "line 1"},
		{"bad coords", "C\tFR\tFrance\t123\t2\t0\t\t\t1\n", "out of range"},
		{"unknown", "X\t1\n", "unknown record"},
		{"empty", "", "no countries"},
	} {
		var r *bytes.Buffer
		if tc.name == "not gzip" {
			r = bytes.NewBufferString(tc.in)
		} else {
			r = gz(tc.in)
		}
		_, err := Load(r)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want containing %q", tc.name, err, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"St. Louis", "saint louis"}, {"Winston-Salem", "winston salem"}, {"Côte d’Ivoire", "cote divoire"},
		{"U.S.", "us"}, {"  São   Paulo ", "sao paulo"}, {"Main St", "main st"}, {"Łódź", "lodz"},
	} {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDistance(t *testing.T) {
	// Paris to London is about 344 km
	if d := Distance(48.857, 2.352, 51.507, -0.128); math.Abs(d-344) > 5 {
		t.Errorf("Paris-London %f km", d)
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"Paris, Texas", "the Kremlin said", "Austin, Tex.", "U.S.", "People's Republic of China",
		"St. ", "X, ", "Paris-based", "\xff\xfeParis", "A'", "LONDON (AP) -", "Washington state", "Moscow ,",
		"S.C. Highway", "Russian and Abkhaz troops", "Capt. Roy A. Nelson said", "\"Over the", "Sri Lankan"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	g := gaz(f)
	f.Fuzz(func(t *testing.T, s string, demonyms bool) {
		d := &doc.Document{Text: s}
		g.ResolveWith(d, Options{Demonyms: demonyms})
		for _, p := range d.Places {
			if p.Start < 0 || p.End > len(s) || p.Start >= p.End {
				t.Fatalf("bad span %v in %q", p.Span, s)
			}
			if p.Span.In(s) != p.Text {
				t.Fatalf("span %v text %q != %q", p.Span, p.Span.In(s), p.Text)
			}
			if utf8.ValidString(s) && !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8 place text %q", p.Text)
			}
		}
	})
}

func benchText(b *testing.B) string {
	p := shared.Path("seed", "obama-hollande.txt")
	var text string
	if p != "" {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		text = string(raw)
	}
	for len(strings.Fields(text)) < 700 {
		text += " Officials in Paris, Texas and Moscow met the Kremlin's envoy near the White House in Washington. "
	}
	return text
}

// BenchmarkResolve geocodes a ~700-word article.
func BenchmarkResolve(b *testing.B) {
	g := gaz(b)
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		d := &doc.Document{Text: text}
		g.Resolve(d)
	}
}

// BenchmarkLoad is the start-up cost: decompressing and indexing the gazetteer.
func BenchmarkLoad(b *testing.B) {
	raw, err := dataFS.ReadFile("data/gazetteer.tsv.gz")
	if err != nil {
		b.Fatal(err)
	}
	start := cpuTime()
	for b.Loop() {
		if _, err := Load(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
	if c := cpuTime() - start; c > 0 {
		b.ReportMetric(float64(c.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}
