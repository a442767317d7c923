package sqlite

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
)

// putAt stores documents and then sets their added_at, for window tests.
func putAt(t *testing.T, db *DB, at time.Time, texts ...string) {
	t.Helper()
	ctx := context.Background()
	var docs []*doc.Document
	for _, s := range texts {
		docs = append(docs, &doc.Document{Text: s, Title: s, Lang: "en"})
	}
	if _, err := db.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if _, err := db.SQL().ExecContext(ctx, `UPDATE documents SET added_at = ? WHERE id = ?`, at.UTC().Format(time.RFC3339), d.ID); err != nil {
			t.Fatal(err)
		}
	}
}

func TestEachAddedBetween(t *testing.T) {
	db := openTemp(t)
	ctx := context.Background()
	t0 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for i := 0; i < 300; i++ { // several pages, one document a minute
		putAt(t, db, t0.Add(time.Duration(i)*time.Minute), fmt.Sprintf("Document number %d about something.", i))
	}
	cases := []struct {
		from, to time.Duration
		want     int
	}{
		{0, 15 * time.Minute, 15},
		{15 * time.Minute, 30 * time.Minute, 15},
		{290 * time.Minute, 400 * time.Minute, 10},
		{-time.Hour, 0, 0},
		{5 * time.Hour, 6 * time.Hour, 0},
		{0, 300 * time.Minute, 300},
		{30 * time.Minute, 30 * time.Minute, 0},
	}
	for _, c := range cases {
		from, to := t0.Add(c.from), t0.Add(c.to)
		var got []time.Time
		err := db.EachAddedBetween(ctx, from, to, func(d *doc.Document, at time.Time) error {
			if d.Text == "" || d.ID == "" {
				t.Errorf("document without text or ID")
			}
			got = append(got, at)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != c.want {
			t.Errorf("[%v, %v): %d documents, want %d", c.from, c.to, len(got), c.want)
		}
		for i, at := range got {
			if at.Before(from) || !at.Before(to) {
				t.Errorf("[%v, %v): document added at %v is outside", c.from, c.to, at)
			}
			if i > 0 && at.Before(got[i-1]) {
				t.Errorf("not in insertion order")
			}
		}
	}
	stop := errors.New("stop")
	n := 0
	if err := db.EachAddedBetween(ctx, t0, t0.Add(time.Hour), func(*doc.Document, time.Time) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("fn error not returned at once: %v after %d", err, n)
	}
	first, last, ok, err := db.AddedRange(ctx)
	if err != nil || !ok || !first.Equal(t0) || !last.Equal(t0.Add(299*time.Minute)) {
		t.Errorf("AddedRange = %v %v %v %v", first, last, ok, err)
	}
}

func TestAddedRangeEmpty(t *testing.T) {
	db := openTemp(t)
	if _, _, ok, err := db.AddedRange(context.Background()); ok || err != nil {
		t.Errorf("empty store: ok=%v err=%v", ok, err)
	}
	n := 0
	if err := db.EachAddedBetween(context.Background(), time.Unix(0, 0), time.Now(), func(*doc.Document, time.Time) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("empty store: %d docs, %v", n, err)
	}
}
