package app

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/eventwire/eventwire/internal/store"
	"github.com/eventwire/eventwire/internal/store/postgres"
)

// openStoreURL opens the PostgreSQL store at storeURL (postgres://...) when
// it is set, else the SQLite file at dbPath (created if needed).
func openStoreURL(ctx context.Context, dbPath, storeURL string) (store.Store, error) {
	if storeURL == "" {
		return openStore(dbPath)
	}
	if !postgres.IsURL(storeURL) {
		return nil, fmt.Errorf("--store %q: want a postgres://user@host:port/db URL (use --db for a SQLite file)", storeURL)
	}
	return postgres.Open(ctx, storeURL)
}

// storeFlagName is the flag withStore adds.
const storeFlagName = "store"

// withStore adds --store (a PostgreSQL URL used instead of --db) to c; the
// command opens its store with openStoreFlag.
func withStore(c *cobra.Command) *cobra.Command {
	c.Flags().String(storeFlagName, "", "PostgreSQL store URL (postgres://user@host:port/db) instead of the SQLite --db")
	return c
}

// openStoreFlag opens the store named by cmd's --store flag (when the
// command has one and it is set) or else the SQLite file at dbPath.
func openStoreFlag(cmd *cobra.Command, dbPath string) (store.Store, error) {
	url := ""
	if f := cmd.Flags().Lookup(storeFlagName); f != nil {
		url = f.Value.String()
	}
	return openStoreURL(cmd.Context(), dbPath, url)
}
