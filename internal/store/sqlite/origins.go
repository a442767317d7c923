package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
)

// DocOrigin is where a document's text comes from: its outlet and, for a
// near-copy, the earlier document it copies. Event deduplication counts
// sources with it (eventdedup.DocMeta).
type DocOrigin struct {
	Source          string `json:"source,omitempty"`
	NearDuplicateOf string `json:"near_duplicate_of,omitempty"`
}

// DocOrigins returns the origin of each stored document among ids; absent
// IDs are left out.
func (s *DB) DocOrigins(ctx context.Context, ids []string) (map[string]DocOrigin, error) {
	out := make(map[string]DocOrigin, len(ids))
	const chunk = 500
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		part := ids[:n]
		ids = ids[n:]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		q := `SELECT id, source, near_duplicate_of FROM documents WHERE id IN (?` + strings.Repeat(",?", len(part)-1) + `)`
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: doc origins: %w", err)
		}
		for rows.Next() {
			var id, src string
			var near sql.NullString
			if err := rows.Scan(&id, &src, &near); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: doc origins: %w", err)
			}
			out[id] = DocOrigin{Source: src, NearDuplicateOf: near.String}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: doc origins: %w", err)
		}
	}
	return out, nil
}
