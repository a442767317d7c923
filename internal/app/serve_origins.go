package app

import (
	"context"

	"github.com/eventwire/eventwire/internal/api"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/store/sqlite"
)

// docOriginer is a store that knows documents' outlets and near-copy links
// (the SQLite store).
type docOriginer interface {
	DocOrigins(ctx context.Context, ids []string) (map[string]sqlite.DocOrigin, error)
}

// apiOrigins gives the API the document origins of st for merged events,
// or nil (stored sources only) when st does not know them.
func apiOrigins(st any) api.OriginsFunc {
	o, ok := st.(docOriginer)
	if !ok {
		return nil
	}
	return func(ctx context.Context, ids []string) (map[string]eventdedup.DocMeta, error) {
		m, err := o.DocOrigins(ctx, ids)
		if err != nil {
			return nil, err
		}
		out := make(map[string]eventdedup.DocMeta, len(m))
		for id, x := range m {
			out[id] = eventdedup.DocMeta{Source: x.Source, NearDuplicateOf: x.NearDuplicateOf}
		}
		return out, nil
	}
}
