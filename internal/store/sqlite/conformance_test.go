package sqlite

import (
	"path/filepath"
	"testing"

	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/storetest"
)

// TestConformance runs the behavioural suite shared by all store drivers.
func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(filepath.Join(t.TempDir(), "conformance.db"))
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}
