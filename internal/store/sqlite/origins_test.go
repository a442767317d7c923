package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/eventwire/eventwire/internal/doc"
)

func TestDocOrigins(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	text := "The ministers met in Paris on Tuesday and signed a long agreement on trade, energy, security and migration that both parliaments must now ratify before the summer."
	a := &doc.Document{Text: text, Source: "alpha.example", Lang: "en"}
	b := &doc.Document{Text: text + " Copy.", Source: "beta.example", Lang: "en"}
	if _, err := db.Put(ctx, []*doc.Document{a}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Put(ctx, []*doc.Document{b}); err != nil {
		t.Fatal(err)
	}
	ids := []string{a.ID, b.ID, "sha256:absent"}
	for i := 0; i < 1200; i++ { // more than one query chunk
		ids = append(ids, fmt.Sprintf("sha256:none%d", i))
	}
	got, err := db.DocOrigins(ctx, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[a.ID] != (DocOrigin{Source: "alpha.example"}) {
		t.Errorf("origins %+v", got)
	}
	if o := got[b.ID]; o.Source != "beta.example" || o.NearDuplicateOf != a.ID {
		t.Errorf("near copy origin %+v, want near_duplicate_of %s", o, a.ID)
	}
	if got, err := db.DocOrigins(ctx, nil); err != nil || len(got) != 0 {
		t.Errorf("no ids: %v %v", got, err)
	}
}
