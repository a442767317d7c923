package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest/feed"
	"github.com/eventwire/eventwire/internal/ingest/htmlmeta"
	"github.com/eventwire/eventwire/internal/ingest/jsonl"
	"github.com/eventwire/eventwire/internal/ingest/warc"
)

// headSize is how much of a file is peeked at to detect its kind.
const headSize = 8 << 10

// source yields the items of one opened input.
type source interface {
	next() (Item, bool)
	close() error
}

// pending is a file to open, or a failure met while listing a folder.
type pending struct {
	path string
	err  error
}

type walker struct {
	ctx   context.Context
	args  []string
	opt   Options
	queue []pending
	cur   source
	item  Item
	done  bool
	// Buffers reused from file to file (one input is open at a time).
	outer, inner *bufio.Reader
	zr           *gzip.Reader
}

func (w *walker) Item() Item { return w.item }

func (w *walker) Close() error {
	w.done = true
	w.queue, w.args = nil, nil
	if w.cur != nil {
		err := w.cur.close()
		w.cur = nil
		return err
	}
	return nil
}

func (w *walker) Next() bool {
	for !w.done {
		if w.ctx != nil && w.ctx.Err() != nil {
			_ = w.Close()
			return false
		}
		if w.cur != nil {
			if it, ok := w.cur.next(); ok {
				w.item = it
				return true
			}
			_ = w.cur.close()
			w.cur = nil
			continue
		}
		if len(w.queue) > 0 {
			p := w.queue[0]
			w.queue = w.queue[1:]
			if p.err != nil {
				w.cur = single(errItem(p.path, KindUnknown, p.err.Error()))
			} else {
				w.cur = w.open(p.path)
			}
			continue
		}
		if len(w.args) == 0 {
			w.done = true
			return false
		}
		arg := w.args[0]
		w.args = w.args[1:]
		w.queue = expand(arg)
	}
	return false
}

// expand lists the files of one argument: itself, or the non-hidden regular
// files under it in lexical order.
func expand(arg string) []pending {
	if arg == "-" {
		return []pending{{path: "-"}}
	}
	fi, err := os.Stat(arg)
	if err != nil {
		return []pending{{path: arg, err: fmt.Errorf("cannot open: %w", unwrapPath(err))}}
	}
	if !fi.IsDir() {
		return []pending{{path: arg}}
	}
	var out []pending
	// A trailing separator makes WalkDir follow a symlinked root folder.
	if !strings.HasSuffix(arg, string(os.PathSeparator)) {
		arg += string(os.PathSeparator)
	}
	_ = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			out = append(out, pending{path: p, err: fmt.Errorf("cannot read: %w", unwrapPath(err))})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != arg && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			// Follow symlinks to regular files; skip sockets, devices, pipes.
			fi, err := os.Stat(p)
			if err != nil {
				out = append(out, pending{path: p, err: fmt.Errorf("cannot open: %w", unwrapPath(err))})
				return nil
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		}
		out = append(out, pending{path: p})
		return nil
	})
	return out
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// open reads the head of one input, undoes gzip, detects the kind and
// returns the matching source.
func (w *walker) open(path string) source {
	var (
		r      io.Reader
		closer io.Closer
		name   = path
	)
	if path == "-" {
		r = w.opt.Stdin
		if r == nil {
			r = os.Stdin
		}
		name = ""
	} else {
		f, err := os.Open(path)
		if err != nil {
			return single(errItem(path, KindUnknown, "cannot open: "+unwrapPath(err).Error()))
		}
		r, closer = f, f
	}
	fail := func(msg string) source {
		if closer != nil {
			_ = closer.Close()
		}
		return single(errItem(path, KindUnknown, msg))
	}
	if w.outer == nil {
		w.outer = bufio.NewReaderSize(r, 64<<10)
	} else {
		w.outer.Reset(r)
	}
	br := w.outer
	magic, err := br.Peek(3)
	if err != nil && len(magic) == 0 {
		if errors.Is(err, io.EOF) {
			return fail("empty file")
		}
		return fail("read: " + unwrapPath(err).Error())
	}
	gz := false
	var in *bufio.Reader = br
	if isGzip(magic) {
		var err error
		if w.zr == nil {
			w.zr, err = gzip.NewReader(br)
		} else {
			err = w.zr.Reset(br)
		}
		if err != nil {
			w.zr = nil
			return fail(gzipMessage(err))
		}
		gz = true
		if w.inner == nil {
			w.inner = bufio.NewReaderSize(w.zr, 64<<10)
		} else {
			w.inner.Reset(w.zr)
		}
		in = w.inner
		name = strings.TrimSuffix(name, ".gz")
		name = strings.TrimSuffix(name, ".GZ")
	}
	head, err := in.Peek(headSize)
	if len(head) == 0 {
		switch {
		case err == nil || errors.Is(err, io.EOF):
			if gz {
				return fail("empty file (after gunzip)")
			}
			return fail("empty file")
		case gz:
			return fail(gzipMessage(err))
		default:
			return fail("read: " + unwrapPath(err).Error())
		}
	}
	kind := Detect(head, name)
	s := &stream{path: path, kind: kind, r: in, closer: closer, gz: gz, max: w.opt.MaxDocBytes}
	switch kind {
	case KindUnknown:
		what := binaryKind(head)
		if what == "" {
			what = http.DetectContentType(head)
		}
		_ = s.close()
		return single(errItem(path, kind, "not a text document: "+what))
	case KindText, KindHTML:
		return single(s.whole())
	case KindRSS, KindAtom:
		return s.feed()
	case KindWARC:
		s.warc = warc.NewReader(in, w.opt.MaxDocBytes)
		return s
	case KindJSONL:
		s.jsonl = jsonl.NewReader(in, int(min(2*w.opt.MaxDocBytes, 1<<40)))
		return s
	}
	_ = s.close()
	return single(errItem(path, kind, "unsupported kind "+string(kind)))
}

// stream is an opened input being read.
type stream struct {
	path   string
	kind   Kind
	r      *bufio.Reader
	closer io.Closer
	gz     bool
	max    int64
	warc   *warc.Reader
	jsonl  *jsonl.Reader
	closed bool
}

func (s *stream) close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	if s.warc != nil {
		_ = s.warc.Close()
	}
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

// readErr words a read failure, telling truncated gzip apart.
func (s *stream) readErr(err error) string {
	if s.gz {
		return gzipMessage(err)
	}
	return "read: " + unwrapPath(err).Error()
}

func gzipMessage(err error) string {
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return "truncated gzip stream (unexpected end of data)"
	case errors.Is(err, gzip.ErrChecksum):
		return "corrupt gzip stream (checksum mismatch)"
	case errors.Is(err, gzip.ErrHeader):
		return "corrupt gzip stream (bad header)"
	}
	return "gzip: " + unwrapPath(err).Error()
}

// whole reads a single-document input (text or HTML).
func (s *stream) whole() Item {
	defer s.close()
	body, err := io.ReadAll(io.LimitReader(s.r, s.max+1))
	if err != nil {
		return errItem(s.path, s.kind, s.readErr(err))
	}
	if int64(len(body)) > s.max {
		return errItem(s.path, s.kind, fmt.Sprintf("document larger than %d bytes (MaxDocBytes)", s.max))
	}
	origin := s.path
	if s.kind == KindHTML {
		return htmlItem(origin, s.path, 0, 0, s.kind, body, "", "", "")
	}
	return textItem(origin, s.path, 0, 0, s.kind, body)
}

// feed reads an RSS or Atom feed whole (feeds are small) and lists its entries.
func (s *stream) feed() source {
	defer s.close()
	src := &stickyReader{r: s.r}
	f, err := feed.Parse(src, 4*s.max)
	if err == nil && src.err != nil {
		err = src.err
	}
	if err != nil {
		msg := err.Error()
		if src.err != nil {
			msg = s.readErr(src.err)
		}
		return single(errItem(s.path, s.kind, msg))
	}
	kind := s.kind
	switch f.Type {
	case "rss":
		kind = KindRSS
	case "atom":
		kind = KindAtom
	}
	var items []Item
	for _, e := range f.Entries {
		origin := s.path + "#item=" + strconv.Itoa(e.Index)
		if e.Empty {
			items = append(items, errAt(origin, s.path, 0, 0, kind, "feed entry has no content or description"))
			continue
		}
		if int64(len(e.Body)) > s.max {
			items = append(items, errAt(origin, s.path, 0, 0, kind, fmt.Sprintf("feed entry larger than %d bytes (MaxDocBytes)", s.max)))
			continue
		}
		var it Item
		if e.IsHTML {
			it = htmlItem(origin, s.path, 0, 0, kind, []byte(e.Body), e.Link, "utf-8", "")
		} else {
			it = textItem(origin, s.path, 0, 0, kind, []byte(e.Body))
		}
		// The feed's own fields beat whatever the entry's markup says.
		if e.Title != "" {
			it.Title = e.Title
		}
		if e.Link != "" {
			it.URL = e.Link
		}
		if e.PubDate != "" {
			it.PubDate = e.PubDate
		}
		it.Source = sourceOf(it.URL, f.Title)
		items = append(items, it)
	}
	if len(items) == 0 {
		items = append(items, errItem(s.path, kind, "feed has no entries"))
	}
	return &sliceSource{items: items}
}

// stickyReader remembers the first error other than io.EOF from its source.
type stickyReader struct {
	r   io.Reader
	err error
}

func (s *stickyReader) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && !errors.Is(err, io.EOF) && s.err == nil {
		s.err = err
	}
	return n, err
}

func (s *stream) next() (Item, bool) {
	if s.closed {
		return Item{}, false
	}
	switch {
	case s.warc != nil:
		return s.nextWARC()
	case s.jsonl != nil:
		return s.nextJSONL()
	}
	return Item{}, false
}

func (s *stream) nextWARC() (Item, bool) {
	rec, err := s.warc.Next()
	if err == nil {
		origin := s.path + "#record=" + strconv.Itoa(rec.Index)
		it := htmlItem(origin, s.path, rec.Offset, 0, KindWARC, rec.Body, rec.URI, rec.Charset, rec.Date)
		return it, true
	}
	if errors.Is(err, io.EOF) {
		_ = s.close()
		return Item{}, false
	}
	var re *warc.RecordError
	if errors.As(err, &re) {
		origin := s.path + "#record=" + strconv.Itoa(re.Index)
		msg := "broken WARC record: " + re.Err.Error()
		if s.gz && errors.Is(re.Err, io.ErrUnexpectedEOF) {
			msg += " (truncated gzip stream)"
		}
		if errors.Is(re.Err, warc.ErrTooLarge) {
			msg = re.Err.Error() + " (MaxDocBytes)"
		}
		return errAt(origin, origin, re.Offset, 0, KindWARC, msg), true
	}
	// The stream itself failed: report once and stop.
	_ = s.close()
	msg := err.Error()
	if s.gz {
		msg = gzipMessage(err) + ": " + msg
	}
	return errItem(s.path, KindWARC, msg), true
}

func (s *stream) nextJSONL() (Item, bool) {
	l, err := s.jsonl.Next()
	if err == nil {
		origin := s.path + ":line=" + strconv.Itoa(l.N)
		var it Item
		if strings.TrimSpace(l.Text) != "" {
			it = textItem(origin, s.path, l.Offset, l.N, KindJSONL, []byte(l.Text))
			if l.HTML != "" {
				meta := htmlmeta.Extract([]byte(l.HTML), l.URL)
				it.Title, it.PubDate, it.URL = meta.Title, meta.PubDate, meta.URL
				it.Source = sourceOf(meta.URL, meta.SiteName)
			}
		} else {
			it = htmlItem(origin, s.path, l.Offset, l.N, KindJSONL, []byte(l.HTML), l.URL, "utf-8", "")
		}
		if l.Repaired {
			it.Warn = append(it.Warn, doc.Error{Origin: s.path, Line: l.N, Offset: l.Offset, Stage: "read",
				Message: "invalid UTF-8 replaced by U+FFFD"})
		}
		if int64(len(it.Body)) > s.max {
			return errAt(origin, s.path, l.Offset, l.N, KindJSONL, fmt.Sprintf("document larger than %d bytes (MaxDocBytes)", s.max)), true
		}
		if l.Title != "" {
			it.Title = l.Title
		}
		if l.URL != "" {
			it.URL = l.URL
		}
		if d := htmlmeta.NormalizeDate(l.PubDate); d != "" {
			it.PubDate = d
		} else if l.PubDate != "" {
			it.Warn = append(it.Warn, doc.Error{Origin: s.path, Line: l.N, Offset: l.Offset, Stage: "read",
				Message: fmt.Sprintf("unrecognised pubdate %q ignored", trunc(l.PubDate, 60))})
		}
		it.Source = sourceOf(it.URL, it.Source)
		if l.Source != "" {
			it.Source = l.Source
		}
		return it, true
	}
	if errors.Is(err, io.EOF) {
		_ = s.close()
		return Item{}, false
	}
	var le *jsonl.LineError
	if errors.As(err, &le) {
		origin := s.path + ":line=" + strconv.Itoa(le.N)
		return errAt(origin, s.path, le.Offset, le.N, KindJSONL, le.Err.Error()), true
	}
	_ = s.close()
	msg := err.Error()
	if s.gz {
		msg = gzipMessage(err) + ": " + msg
	}
	return errItem(s.path, KindJSONL, msg), true
}

// textItem builds a plain-text item, making the body valid UTF-8.
func textItem(origin, errOrigin string, off int64, line int, kind Kind, body []byte) Item {
	it := Item{Origin: origin, Kind: kind}
	body, warn := toUTF8(body, "", false)
	if warn != "" {
		it.Warn = append(it.Warn, doc.Error{Origin: errOrigin, Offset: off, Line: line, Stage: "read", Message: warn})
	}
	it.Body = body
	return it
}

// htmlItem builds an HTML item with the page's metadata. base is the URL the
// page was fetched from (WARC target URI, feed link) and fallbackDate the
// date to use when the page states none.
func htmlItem(origin, errOrigin string, off int64, line int, kind Kind, body []byte, base, declared, fallbackDate string) Item {
	it := Item{Origin: origin, Kind: kind, IsHTML: true}
	body, warn := toUTF8(body, declared, true)
	if warn != "" {
		it.Warn = append(it.Warn, doc.Error{Origin: errOrigin, Offset: off, Line: line, Stage: "read", Message: warn})
	}
	it.Body = body
	meta := htmlmeta.Extract(body, base)
	it.Title = meta.Title
	it.PubDate = meta.PubDate
	if it.PubDate == "" {
		it.PubDate = fallbackDate
	}
	it.URL = meta.URL
	if it.URL == "" && (strings.HasPrefix(base, "http://") || strings.HasPrefix(base, "https://")) {
		it.URL = base
	}
	it.Source = sourceOf(it.URL, meta.SiteName)
	return it
}

func sourceOf(url, siteName string) string {
	if h := htmlmeta.Host(url); h != "" {
		return h
	}
	return siteName
}

// toUTF8 returns body as valid UTF-8: UTF-16 with a BOM is decoded, HTML in
// a legacy charset is converted, and remaining invalid bytes become U+FFFD.
// warn says what was done, "" when body was already clean UTF-8.
func toUTF8(body []byte, declared string, isHTML bool) ([]byte, string) {
	if bytes.HasPrefix(body, []byte("\xff\xfe")) || bytes.HasPrefix(body, []byte("\xfe\xff")) {
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(body)
		if err == nil {
			body = out
		}
	}
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	if utf8.Valid(body) {
		return body, ""
	}
	if isHTML {
		name := ""
		if declared != "" {
			if enc, err := htmlindex.Get(declared); err == nil {
				name, _ = htmlindex.Name(enc)
			}
		}
		if name == "" || name == "utf-8" {
			_, name, _ = charset.DetermineEncoding(body, "text/html")
		}
		if name != "" && name != "utf-8" {
			if enc, err := htmlindex.Get(name); err == nil {
				if out, err := enc.NewDecoder().Bytes(body); err == nil && utf8.Valid(out) {
					return out, "converted from " + name + " to UTF-8"
				}
			}
		}
	}
	return bytes.ToValidUTF8(body, []byte("\uFFFD")), "invalid UTF-8 replaced by U+FFFD"
}

func errItem(path string, kind Kind, msg string) Item {
	return errAt(path, path, 0, 0, kind, msg)
}

func errAt(origin, errOrigin string, off int64, line int, kind Kind, msg string) Item {
	return Item{Origin: origin, Kind: kind, Err: &doc.Error{Origin: errOrigin, Offset: off, Line: line, Stage: "read", Message: msg}}
}

func trunc(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// single yields one item.
func single(it Item) source { return &sliceSource{items: []Item{it}} }

type sliceSource struct{ items []Item }

func (s *sliceSource) next() (Item, bool) {
	if len(s.items) == 0 {
		return Item{}, false
	}
	it := s.items[0]
	s.items = s.items[1:]
	return it, true
}

func (s *sliceSource) close() error { s.items = nil; return nil }
