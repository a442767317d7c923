package wordfeat

import "testing"

func TestOf(t *testing.T) {
	tests := []struct {
		a, b      string
		sameShape bool
		sameLower bool
	}{
		{"Obama", "Putin", true, false},
		{"Obama", "obama", false, true},
		{"1990", "2015", true, true}, // digits are normalized
		{"U.S.", "U.K.", true, false},
		{"said", "Said", false, true},
	}
	for _, tc := range tests {
		a, b := Of(tc.a, nil), Of(tc.b, nil)
		if (a.Shape == b.Shape) != tc.sameShape || (a.Lower == b.Lower) != tc.sameLower {
			t.Errorf("%q vs %q: shape equal %v, lower equal %v", tc.a, tc.b, a.Shape == b.Shape, a.Lower == b.Lower)
		}
	}
	flags := []struct {
		w    string
		want uint8
	}{
		{"Obama", HasUpper | HasLetter | TitleCase},
		{"NATO", HasUpper | HasLetter | TitleCase | AllUpper},
		{"al-Assad", HasUpper | HasLetter | HasHyphen},
		{"3.5", HasDigit | HasPeriod},
		{"", 0},
	}
	for _, f := range flags {
		if got := Of(f.w, nil).Flags; got != f.want {
			t.Errorf("Of(%q).Flags = %b, want %b", f.w, got, f.want)
		}
	}
	if w := Of(string([]byte{0xff, 0xfe, 'a'}), nil); w.Len != 3 {
		t.Errorf("invalid UTF-8: Len = %d", w.Len)
	}
}
