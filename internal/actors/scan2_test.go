package actors

import (
	"strings"
	"testing"

	"github.com/eventwire/eventwire/internal/cameo"
	"github.com/eventwire/eventwire/internal/doc"
)

// splitTokens tokenizes like a UD tokenizer: hyphens and "'s" become
// tokens of their own.
func splitTokens(text string) []doc.Token {
	var out []doc.Token
	for _, t := range Tokenize(text) {
		f := t.Form
		if h := strings.IndexByte(f, '-'); h > 0 && h < len(f)-1 {
			out = append(out, doc.Token{Span: doc.Span{Start: t.Start, End: t.Start + h}, Form: f[:h]},
				doc.Token{Span: doc.Span{Start: t.Start + h, End: t.Start + h + 1}, Form: "-"},
				doc.Token{Span: doc.Span{Start: t.Start + h + 1, End: t.End}, Form: f[h+1:]})
			continue
		}
		if strings.HasSuffix(f, "'s") && len(f) > 2 {
			out = append(out, doc.Token{Span: doc.Span{Start: t.Start, End: t.End - 2}, Form: f[:len(f)-2]},
				doc.Token{Span: doc.Span{Start: t.End - 2, End: t.End}, Form: "'s"})
			continue
		}
		out = append(out, t)
	}
	return out
}

func TestScanSplitTokens(t *testing.T) {
	d := Default()
	tests := []struct {
		text, date string
		want       string // text=code of each match, comma-joined
	}{
		{"Kim Jong-un ordered the Korean People's Army to the front.", "2015-08-21", "Kim Jong-un=PRKGOV,Korean People's Army=PRKMIL"},
		{"U.S.-trained units entered Iraq.", "2016-01-01", "U.S.=USA,Iraq=IRQ"},
		{"Kenya's sheriff's office deputies arrived.", "2016-01-01", "Kenya's sheriff's office deputies=KENCOP"},
		{"Russian-backed rebels shelled the town.", "2016-01-01", "Russian-backed rebels=RUSREB"},
	}
	for _, tt := range tests {
		toks := splitTokens(tt.text)
		var got []string
		for _, m := range d.Scan(tt.text, toks, tt.date) {
			got = append(got, m.Text+"="+string(m.Code))
			if m.Start < 0 || m.End > len(toks) || m.Start >= m.End || toks[m.Start].Start != m.Span.Start {
				t.Errorf("%q: bad token range %d..%d for %q", tt.text, m.Start, m.End, m.Text)
			}
		}
		if g := strings.Join(got, ","); g != tt.want {
			t.Errorf("Scan(%q) = %s, want %s", tt.text, g, tt.want)
		}
	}
}

func TestInstitutionsAndMedia(t *testing.T) {
	d := Default()
	tests := []struct {
		phrase, date string
		code         cameo.ActorCode
		kind         Kind
	}{
		{"KCNA", "", "PRKGOVMED", KindOrg},
		{"Korean Central News Agency", "", "PRKGOVMED", KindOrg},
		{"Xinhua", "", "CHNGOVMED", KindOrg},
		{"TASS", "", "RUSGOVMED", KindOrg},
		{"RIA Novosti", "", "RUSGOVMED", KindOrg},
		{"SANA", "", "SYRGOVMED", KindOrg},
		{"Anadolu Agency", "", "TURGOVMED", KindOrg},
		{"Yonhap", "", "KORMED", KindOrg},
		{"the Home Office", "", "GBRGOV", KindOrg},
		{"Britain's Home Office", "", "GBRGOV", KindOrg},
		{"US State Department", "", "USAGOV", KindMetonym},
		{"Israeli Knesset", "", "ISRLEG", KindMetonym},
		{"UNHCR", "", "IGOUNOREFHCR", KindIGO},
		{"United Nations High Commissioner for Refugees", "", "IGOUNOREFHCR", KindIGO},
		{"Egypt's state news agency", "", "EGYGOVMED", KindAgent},
		{"Kenyan police", "", "KENCOP", KindAgent},
		{"Moscow police", "", "RUSCOP", KindAgent},
		{"Kremlin spokesman", "", "RUSGOV", KindMetonym},
		{"a Swiss court", "", "CHEJUD", KindAgent},
		{"The Globe and Mail", "", "CANMED", KindOrg},
		{"Church of Scientology", "", "NRM", KindOrg},
		{"Prime Minister Theresa May", "2021-05-01", "GBRGOV", KindPerson},
		{"Theresa May", "2021-05-01", "GBRELI", KindPerson},
	}
	for _, tt := range tests {
		p := strings.TrimPrefix(tt.phrase, "a ")
		m, ok := d.Lookup(p, tt.date)
		if !ok {
			t.Errorf("Lookup(%q): no match", p)
			continue
		}
		if m.Code != tt.code || m.Kind != tt.kind {
			t.Errorf("Lookup(%q) = %s %s, want %s %s", p, m.Code, m.Kind, tt.code, tt.kind)
		}
	}
}

func TestAmbiguousSurnamesInScan(t *testing.T) {
	d := Default()
	tests := []struct{ text, want string }{
		{"Harris said the bakery would reopen.", ""},
		{"Bolton is a town near Manchester.", ""},
		{"Vice President Harris said the bill would pass.", "Vice President Harris=USAGOV"},
		{"Kamala Harris said the bill would pass.", "Kamala Harris=USAGOV"},
		{"Putin said the talks failed.", "Putin=RUSGOV"},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range d.Scan(tt.text, Tokenize(tt.text), "2023-03-01") {
			got = append(got, m.Text+"="+string(m.Code))
		}
		if g := strings.Join(got, ","); g != tt.want {
			t.Errorf("Scan(%q) = %s, want %s", tt.text, g, tt.want)
		}
	}
	if !AmbiguousName("Kerry") || AmbiguousName("Lavrov") || AmbiguousName("John Kerry") {
		t.Error("AmbiguousName")
	}
	if m, ok := d.Lookup("Kerry", "2015-01-01"); !ok || m.Code != "USAGOV" {
		t.Errorf("Lookup keeps a bare ambiguous surname: %+v %v", m, ok)
	}
}

func BenchmarkScanSplitTokens(b *testing.B) {
	d := Default()
	text := "Kim Jong-un ordered the Korean People's Army and the U.S.-led coalition's Los Angeles Sheriff's office to stand down, KCNA said."
	toks := splitTokens(text)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		d.Scan(text, toks, "2015-08-21")
	}
}
