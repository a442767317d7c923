package sqlite

import (
	"errors"
	"testing"

	"github.com/eventwire/eventwire/internal/store"
)

// FuzzSearch feeds outside input (query text, raw match, cursors, filters)
// to the query builders: plain text must never be a syntax error, and the
// other inputs fail only with the documented error kinds.
func FuzzSearch(f *testing.F) {
	db := openTemp(f)
	mustPut(f, db, searchDocs()...)
	mustPut(f, db, eventDocs(eventSpecs)...)
	for _, s := range []string{"ceasefire", `"climate summit"`, `AND ( x" OR -*`, "NEAR(a b, 2)", "s5", "e3", "\x00\xff", "ü*"} {
		f.Add(s, s, s)
	}
	f.Fuzz(func(t *testing.T, text, match, cursor string) {
		if _, err := db.Search(ctx, store.SearchQuery{Text: text}); err != nil {
			t.Fatalf("Text %q: %v", text, err)
		}
		if _, err := db.Search(ctx, store.SearchQuery{Match: match}); err != nil && !errors.Is(err, store.ErrBadQuery) {
			t.Fatalf("Match %q: %v", match, err)
		}
		if _, err := db.Search(ctx, store.SearchQuery{Text: "ceasefire", Cursor: cursor}); err != nil && !errors.Is(err, store.ErrBadCursor) {
			t.Fatalf("search cursor %q: %v", cursor, err)
		}
		_, _, err := db.Events(ctx, store.EventFilter{Actor: text, Country: match, Cursor: cursor, Since: match})
		if err != nil && !errors.Is(err, store.ErrBadCursor) && !errors.Is(err, store.ErrBadFilter) {
			t.Fatalf("events %q %q %q: %v", text, match, cursor, err)
		}
	})
}
