package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFoldName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Alberta", "alberta"},
		{"State of Western Australia", "western australia"},
		{"Île-de-France", "ile france"},
		{"Provincia de Buenos Aires", "buenos aires"},
		{"Mecca Region", "mecca"},
	}
	for _, tc := range tests {
		if got := foldName(tc.in); got != tc.want {
			t.Errorf("foldName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestReadStatePoints builds a tiny package tree: a division matched by
// name, one matched through its towns, and one whose point is the town of
// its own name (dropped).
func TestReadStatePoints(t *testing.T) {
	root := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Xland-XL/states.json", `[
	 {"name":"North Province","iso2":"NO","country_code":"XL","latitude":"10.5","longitude":"20.5"},
	 {"name":"Eastmark","iso2":"EM","country_code":"XL","latitude":"11.0","longitude":"22.0"},
	 {"name":"Portville","iso2":"PV","country_code":"XL","latitude":"12.0","longitude":"23.0"},
	 {"name":"Nowhere","iso2":"NW","country_code":"XL","latitude":null,"longitude":null}]`)
	write("Xland-XL/Eastmark-EM/cities.json", `[
	 {"name":"Alpha","latitude":"11.1","longitude":"22.1"},
	 {"name":"Beta","latitude":"11.2","longitude":"22.2"},
	 {"name":"Gamma","latitude":"11.3","longitude":"22.3"}]`)
	adm1 := map[string]string{"XL.01": "North", "XL.02": "East Region", "XL.03": "Portville"}
	places := []*place{
		{Name: "Alpha", CC: "XL", Adm1: "02", Lat: 11.1, Lon: 22.1},
		{Name: "Beta", CC: "XL", Adm1: "02", Lat: 11.2, Lon: 22.2},
		{Name: "Gamma", CC: "XL", Adm1: "02", Lat: 11.3, Lon: 22.3},
		{Name: "Portville", CC: "XL", Adm1: "03", Lat: 12.01, Lon: 23.02},
	}
	got, err := readStatePoints(root, adm1, places)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]float64{"XL.01": {10.5, 20.5}, "XL.02": {11.0, 22.0}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %v, want %v", k, got[k], v)
		}
	}
}

func TestTrimmedMid(t *testing.T) {
	xs := []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100}
	if got := trimmedMid(xs); got < 4 || got > 6 {
		t.Errorf("trimmedMid = %v, want about 5 (the outlier trimmed)", got)
	}
	if got := trimmedMid([]float64{-179, -178, 178, 179}); got != 178 {
		t.Errorf("antimeridian box: got %v, want the median 178", got)
	}
}
