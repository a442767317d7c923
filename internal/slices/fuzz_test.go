package slices

import (
	"strings"
	"testing"
)

func FuzzParseLine(f *testing.F) {
	f.Add("150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.example/gdeltv2/20150218230000.export.CSV.zip")
	f.Add("1 x y")
	f.Add("-5 297a16b493de7cf6ca809a7cc31d0b93 a")
	f.Fuzz(func(t *testing.T, line string) {
		size, sum, loc, err := ParseLine(line)
		if err != nil {
			return
		}
		if size < 0 || len(sum) != 32 || loc == "" || strings.ContainsAny(loc, " \t\n") {
			t.Errorf("ParseLine(%q) = %d %q %q", line, size, sum, loc)
		}
	})
}
