// Package slices writes GDELT-style update slices: every N minutes (15 by
// default, aligned to the clock: :00, :15, :30, :45) three zip files hold
// the events, mentions and GKG records of the documents stored during that
// window, lastupdate.txt names the newest three, and masterfilelist.txt
// lists them all, in the shapes GDELT publishes:
//
//	DIR/20260301101500.export.CSV.zip    (entry 20260301101500.export.CSV)
//	DIR/20260301101500.mentions.CSV.zip  (entry 20260301101500.mentions.CSV)
//	DIR/20260301101500.gkg.csv.zip       (entry 20260301101500.gkg.csv)
//	DIR/lastupdate.txt                   three lines "size md5 url"
//	DIR/masterfilelist.txt               the same lines for every slice
//
// The slice stamped T holds documents added in [T-N, T), and is written once
// that window has closed; DATEADDED on its rows is T.
//
// Events are deduplicated across documents with eventdedup: a report of an
// event already published in an earlier slice adds a Mentions row pointing
// at that event's GlobalEventID (and its EventTimeDate), not a new Events
// row; an event first seen in this window gets one Events row whose
// NumMentions, NumSources and NumArticles count its reports within the
// window, as GDELT's do.
package slices

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/gdelt"
)

// Source is the part of a store slices read: documents by the time they
// were added (store/sqlite's DB implements it).
type Source interface {
	EachAddedBetween(ctx context.Context, from, to time.Time, fn func(d *doc.Document, added time.Time) error) error
}

// Options configure a Writer.
type Options struct {
	// Dir receives the files; it is created when missing.
	Dir string
	// Every is the slice length; it must divide a day evenly and be at
	// least a minute. Default 15 minutes.
	Every time.Duration
	// BaseURL prefixes file names in lastupdate.txt and masterfilelist.txt
	// (e.g. "https://example.org/gdelt/"); empty writes the file's path.
	BaseURL string
	// Dedup tunes event matching.
	Dedup eventdedup.Options
}

// StampLayout is the layout of a slice's time stamp.
const StampLayout = "20060102150405"

// File is one written slice file.
type File struct {
	Name string // base name, e.g. 20260301101500.export.CSV.zip
	Path string
	Size int64
	MD5  string // hex
}

// Slice says what one Write produced.
type Slice struct {
	Stamp                                string // YYYYMMDDHHMMSS, the window's end
	Export, Mentions, GKG                File
	Docs, Events, MentionRows, NewEvents int
}

// Writer writes slices. It keeps an event index across slices, so it is
// meant to write consecutive windows in order; it is not safe for
// concurrent use.
type Writer struct {
	src       Source
	opt       Options
	idx       *eventdedup.Index
	firstSeen map[int]string // cluster → stamp of the slice that published it
}

// New prepares a Writer.
func New(src Source, opt Options) (*Writer, error) {
	if opt.Every == 0 {
		opt.Every = 15 * time.Minute
	}
	if opt.Every < time.Minute || (24*time.Hour)%opt.Every != 0 {
		return nil, fmt.Errorf("slices: interval %v must be at least 1m and divide 24h", opt.Every)
	}
	if opt.Dir == "" {
		return nil, errors.New("slices: no output folder")
	}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("slices: %w", err)
	}
	return &Writer{src: src, opt: opt, idx: eventdedup.NewIndex(opt.Dedup), firstSeen: map[int]string{}}, nil
}

// Every is the slice length in use.
func (w *Writer) Every() time.Duration { return w.opt.Every }

// Floor returns the start of the slice window holding t (UTC).
func (w *Writer) Floor(t time.Time) time.Time { return Floor(t, w.opt.Every) }

// Floor aligns t down to a multiple of every since midnight UTC.
func Floor(t time.Time, every time.Duration) time.Time {
	t = t.UTC()
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return day.Add(t.Sub(day) / every * every)
}

// warmDays is how far before the first written window Warm looks back.
const warmDays = 3

// Warm feeds the index with documents added in the days before end without
// writing anything, so that a restarted writer links new reports to events
// it published before.
func (w *Writer) Warm(ctx context.Context, end time.Time) error {
	end = w.Floor(end)
	return w.src.EachAddedBetween(ctx, end.Add(-warmDays*24*time.Hour), end, func(d *doc.Document, added time.Time) error {
		stamp := w.Floor(added).Add(w.opt.Every).Format(StampLayout)
		for _, a := range w.idx.Add(d) {
			if a.New {
				w.firstSeen[a.Cluster] = stamp
			}
		}
		return nil
	})
}

// Write writes the slice stamped end (which must be aligned) from the
// documents added in [end-Every, end). With skipEmpty, a window without
// documents writes nothing and returns a Slice with Docs == 0 and no files.
func (w *Writer) Write(ctx context.Context, end time.Time, skipEmpty bool) (Slice, error) {
	end = end.UTC()
	if !w.Floor(end).Equal(end) {
		return Slice{}, fmt.Errorf("slices: %s is not aligned to %v", end.Format(time.RFC3339), w.opt.Every)
	}
	from := end.Add(-w.opt.Every)
	stamp := end.Format(StampLayout)
	s := Slice{Stamp: stamp}
	gopt := gdelt.Options{DateAdded: end}

	mz, err := newZipFile(w.opt.Dir, stamp+".mentions.CSV")
	if err != nil {
		return s, err
	}
	defer mz.abort()
	gz, err := newZipFile(w.opt.Dir, stamp+".gkg.csv")
	if err != nil {
		return s, err
	}
	defer gz.abort()

	// Pass 1: cluster the window's events, write mentions and GKG.
	gw := gdelt.NewGKGWriter(gz.w, gopt)
	var buf bytes.Buffer
	err = w.src.EachAddedBetween(ctx, from, end, func(d *doc.Document, _ time.Time) error {
		s.Docs++
		as := w.idx.Add(d)
		for _, a := range as {
			if a.New {
				w.firstSeen[a.Cluster] = stamp
				s.NewEvents++
			}
		}
		if err := gw.Write(d); err != nil {
			return fmt.Errorf("gkg %s: %w", d.ID, err)
		}
		buf.Reset()
		mw := gdelt.NewMentionWriter(&buf, gopt)
		if err := mw.Write(d); err != nil {
			return fmt.Errorf("mentions %s: %w", d.ID, err)
		}
		if err := mw.Close(); err != nil {
			return fmt.Errorf("mentions %s: %w", d.ID, err)
		}
		n, err := w.relink(mz.w, buf.Bytes(), d, as, stamp)
		s.MentionRows += n
		return err
	})
	if err != nil {
		return s, fmt.Errorf("slices: %s: %w", stamp, err)
	}
	if err := gw.Close(); err != nil {
		return s, fmt.Errorf("slices: %s: gkg: %w", stamp, err)
	}
	if s.Docs == 0 && skipEmpty {
		return s, nil
	}

	// Pass 2: the events first seen in this window, with their counts.
	ez, err := newZipFile(w.opt.Dir, stamp+".export.CSV")
	if err != nil {
		return s, err
	}
	defer ez.abort()
	ew := gdelt.NewEventWriter(ez.w, gopt)
	err = w.src.EachAddedBetween(ctx, from, end, func(d *doc.Document, _ time.Time) error {
		cl := w.idx.Assignments(docID(d))
		c := *d
		c.Events = append([]doc.Event(nil), d.Events...)
		keep := 0
		for i := range c.Events {
			e := &c.Events[i]
			var k eventdedup.Cluster
			ok := i < len(cl) && cl[i] >= 0
			if ok {
				k, ok = w.idx.Cluster(cl[i])
			}
			if !ok || k.Rep != (eventdedup.Ref{Doc: docID(d), Index: i}) || w.firstSeen[k.ID] != stamp {
				e.Code = "" // reported before, or not an event: no Events row
				continue
			}
			e.Mentions, e.Sources, e.Articles = k.NumMentions, k.NumSources, k.NumArticles
			keep++
		}
		s.Events += keep
		if keep == 0 {
			return nil
		}
		return ew.Write(&c)
	})
	if err != nil {
		return s, fmt.Errorf("slices: %s: %w", stamp, err)
	}
	if err := ew.Close(); err != nil {
		return s, fmt.Errorf("slices: %s: events: %w", stamp, err)
	}
	for _, z := range []struct {
		z   *zipFile
		dst *File
	}{{ez, &s.Export}, {mz, &s.Mentions}, {gz, &s.GKG}} {
		f, err := z.z.commit()
		if err != nil {
			return s, fmt.Errorf("slices: %s: %w", stamp, err)
		}
		*z.dst = f
	}
	if err := w.publish(s); err != nil {
		return s, fmt.Errorf("slices: %s: %w", stamp, err)
	}
	w.prune(end)
	return s, nil
}

// prune lets the index forget events too old to be reported again.
func (w *Writer) prune(end time.Time) {
	days := w.opt.Dedup.Days
	if days <= 0 {
		days = 2
	}
	cut := end.AddDate(0, 0, -(days + warmDays))
	if w.idx.Prune(cut.Format("2006-01-02")) == 0 {
		return
	}
	for id := range w.firstSeen {
		if _, ok := w.idx.Cluster(id); !ok {
			delete(w.firstSeen, id)
		}
	}
}

func docID(d *doc.Document) string { return d.ID }

// relink copies the mention rows of d, pointing each at the GlobalEventID
// and EventTimeDate of the event it was clustered into.
func (w *Writer) relink(out io.Writer, rows []byte, d *doc.Document, as []eventdedup.Assignment, stamp string) (int, error) {
	var events []int // events the mentions writer wrote a row for, in order
	for i := range d.Events {
		if !d.Events[i].Negated && d.Events[i].Code != "" {
			events = append(events, i)
		}
	}
	lines := strings.SplitAfter(string(rows), "\n")
	if n := len(lines); n > 0 && lines[n-1] == "" {
		lines = lines[:n-1]
	}
	if len(lines) != len(events) {
		return 0, fmt.Errorf("document %s: %d mention rows for %d events", d.ID, len(lines), len(events))
	}
	for k, line := range lines {
		i := events[k]
		if i < len(as) && as[i].Cluster >= 0 {
			if c, ok := w.idx.Cluster(as[i].Cluster); ok {
				f := strings.SplitN(line, "\t", 3)
				if len(f) == 3 {
					first := w.firstSeen[c.ID]
					if first == "" {
						first = stamp
					}
					line = fmt.Sprintf("%d\t%s\t%s", gdelt.EventID(c.Rep.Doc, c.Rep.Index), first, f[2])
				}
			}
		}
		if _, err := io.WriteString(out, line); err != nil {
			return k, err
		}
	}
	return len(lines), nil
}

// zipFile is a zip with one entry, written to a temporary name and renamed
// into place on commit.
type zipFile struct {
	dir, name string // name of the entry; the file is name + ".zip"
	f         *os.File
	buf       *bufio.Writer
	z         *zip.Writer
	w         io.Writer
	done      bool
}

func newZipFile(dir, entry string) (*zipFile, error) {
	f, err := os.CreateTemp(dir, "."+entry+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("slices: %w", err)
	}
	z := &zipFile{dir: dir, name: entry, f: f, buf: bufio.NewWriterSize(f, 1<<16)}
	z.z = zip.NewWriter(z.buf)
	ts, _ := time.Parse(StampLayout, entry[:len(StampLayout)])
	hw, err := z.z.CreateHeader(&zip.FileHeader{Name: entry, Method: zip.Deflate, Modified: ts})
	if err != nil {
		z.abort()
		return nil, fmt.Errorf("slices: %s: %w", entry, err)
	}
	z.w = hw
	return z, nil
}

func (z *zipFile) abort() {
	if z.done {
		return
	}
	z.done = true
	z.f.Close()
	os.Remove(z.f.Name())
}

func (z *zipFile) commit() (File, error) {
	fail := func(err error) (File, error) {
		z.abort()
		return File{}, fmt.Errorf("%s.zip: %w", z.name, err)
	}
	if err := z.z.Close(); err != nil {
		return fail(err)
	}
	if err := z.buf.Flush(); err != nil {
		return fail(err)
	}
	if err := z.f.Sync(); err != nil {
		return fail(err)
	}
	if _, err := z.f.Seek(0, io.SeekStart); err != nil {
		return fail(err)
	}
	h := md5.New()
	n, err := io.Copy(h, z.f)
	if err != nil {
		return fail(err)
	}
	if err := z.f.Close(); err != nil {
		return fail(err)
	}
	dst := filepath.Join(z.dir, z.name+".zip")
	if err := os.Rename(z.f.Name(), dst); err != nil {
		return fail(err)
	}
	z.done = true
	return File{Name: z.name + ".zip", Path: dst, Size: n, MD5: hex.EncodeToString(h.Sum(nil))}, nil
}

// Range writes the slices whose windows end in (from, to], in order,
// calling each (when not nil) after every slice written. It warms the event
// index with the days before from first. With skipEmpty, windows without
// documents are skipped. It stops at the first error or when ctx is done.
func (w *Writer) Range(ctx context.Context, from, to time.Time, skipEmpty bool, each func(Slice)) error {
	from, to = w.Floor(from), w.Floor(to)
	if err := w.Warm(ctx, from); err != nil {
		return err
	}
	for end := from.Add(w.opt.Every); !end.After(to); end = end.Add(w.opt.Every) {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := w.Write(ctx, end, skipEmpty)
		if err != nil {
			return err
		}
		if each != nil && (s.Docs > 0 || !skipEmpty) {
			each(s)
		}
	}
	return nil
}
