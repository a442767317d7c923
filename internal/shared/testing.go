package shared

import "testing"

// Need returns the shared path for parts, or skips the test with a clear
// message when the shared data is absent (as on machines without ../shared).
func Need(t testing.TB, parts ...string) string {
	t.Helper()
	p := Path(parts...)
	if p == "" {
		t.Skipf("shared data %v not found (set EVENTWIRE_SHARED or place ../shared beside the repo)", parts)
	}
	return p
}
