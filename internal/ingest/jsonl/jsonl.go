// Package jsonl reads news documents stored one JSON object per line:
//
//	{"title": "...", "url": "...", "pubdate": "2025-03-01", "text": "..."}
//	{"html": "<html>...</html>"}
//
// Lines are streamed: memory is bounded by the longest line accepted, never
// by the file size. A line that is too long or not a valid object is reported
// as a *LineError and reading goes on with the next line.
package jsonl

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Line is one document read from a JSONL stream.
type Line struct {
	N      int   // 1-based line number
	Offset int64 // byte offset of the line start
	Text   string
	HTML   string
	Title  string
	URL    string
	// PubDate is the date as written; the caller normalises it.
	PubDate string
	Source  string
	// Repaired is true when the line held invalid UTF-8 that was replaced
	// by U+FFFD.
	Repaired bool
}

// LineError is a problem with one line; the stream can still be read.
type LineError struct {
	N      int
	Offset int64
	Err    error
}

func (e *LineError) Error() string {
	return fmt.Sprintf("line %d (offset %d): %v", e.N, e.Offset, e.Err)
}

func (e *LineError) Unwrap() error { return e.Err }

// ErrLineTooLong is wrapped by the LineError of a line over the size limit.
var ErrLineTooLong = errors.New("line too long")

// Reader streams Lines from an io.Reader.
type Reader struct {
	br      *bufio.Reader
	maxLine int
	n       int
	off     int64
	buf     []byte
	err     error // io.EOF once the stream is over
}

// NewReader returns a Reader that accepts lines of at most maxLine bytes
// (not counting the newline). maxLine <= 0 means 16 MiB.
func NewReader(r io.Reader, maxLine int) *Reader {
	if maxLine <= 0 {
		maxLine = 16 << 20
	}
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), maxLine: maxLine}
}

// Next returns the next document. It returns io.EOF at the end, a
// *LineError for a bad line (call Next again to go on), or another error
// when the underlying reader failed (the stream is then over).
func (r *Reader) Next() (Line, error) {
	for {
		if r.err != nil {
			return Line{}, r.err
		}
		line, start, tooLong, err := r.readLine()
		if err != nil && !errors.Is(err, io.EOF) {
			// A read failure is reported once; the stream then reads as ended.
			r.err = io.EOF
			return Line{}, fmt.Errorf("line %d (offset %d): read: %w", r.n, start, err)
		}
		if errors.Is(err, io.EOF) {
			r.err = io.EOF
			if len(line) == 0 && !tooLong {
				return Line{}, io.EOF
			}
		}
		if tooLong {
			return Line{}, &LineError{N: r.n, Offset: start, Err: fmt.Errorf("%w: more than %d bytes", ErrLineTooLong, r.maxLine)}
		}
		if r.n == 1 {
			line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		l, perr := parse(line)
		l.N, l.Offset = r.n, start
		if perr != nil {
			return Line{}, &LineError{N: r.n, Offset: start, Err: perr}
		}
		return l, nil
	}
}

// readLine reads one line into r.buf. A line over maxLine is consumed to its
// end but not kept, and tooLong is set.
func (r *Reader) readLine() (line []byte, start int64, tooLong bool, err error) {
	r.n++
	start = r.off
	r.buf = r.buf[:0]
	for {
		chunk, e := r.br.ReadSlice('\n')
		r.off += int64(len(chunk))
		if !tooLong {
			if len(r.buf)+len(chunk) > r.maxLine+2 {
				tooLong = true
				r.buf = r.buf[:0]
			} else {
				r.buf = append(r.buf, chunk...)
			}
		}
		if errors.Is(e, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			return nil, start, true, e
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(r.buf, []byte("\n")), []byte("\r"))
		if len(line) > r.maxLine {
			return nil, start, true, e
		}
		return line, start, false, e
	}
}

// flexString accepts a JSON string, number or null.
type flexString string

func (f *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexString(s)
		return nil
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		if _, err := strconv.ParseFloat(string(b), 64); err != nil {
			return err
		}
		*f = flexString(b)
		return nil
	}
	return fmt.Errorf("expected a string, got %.20s", b)
}

type record struct {
	Text        flexString `json:"text"`
	Body        flexString `json:"body"`
	Content     flexString `json:"content"`
	HTML        flexString `json:"html"`
	Title       flexString `json:"title"`
	Headline    flexString `json:"headline"`
	URL         flexString `json:"url"`
	Link        flexString `json:"link"`
	PubDate     flexString `json:"pubdate"`
	Date        flexString `json:"date"`
	Published   flexString `json:"published"`
	PublishedAt flexString `json:"published_at"`
	Source      flexString `json:"source"`
}

func first(vals ...flexString) string {
	for _, v := range vals {
		if s := strings.TrimSpace(string(v)); s != "" {
			return string(v)
		}
	}
	return ""
}

func parse(line []byte) (Line, error) {
	if line[0] != '{' {
		return Line{}, fmt.Errorf("not a JSON object (starts with %q)", firstRune(line))
	}
	var l Line
	if !utf8.Valid(line) {
		l.Repaired = true
		line = bytes.ToValidUTF8(line, []byte("\uFFFD"))
	}
	var rec record
	if err := json.Unmarshal(line, &rec); err != nil {
		return Line{}, fmt.Errorf("invalid JSON: %w", err)
	}
	l.Text = first(rec.Text, rec.Body, rec.Content)
	l.HTML = string(rec.HTML)
	l.Title = strings.TrimSpace(first(rec.Title, rec.Headline))
	l.URL = strings.TrimSpace(first(rec.URL, rec.Link))
	l.PubDate = strings.TrimSpace(first(rec.PubDate, rec.Date, rec.Published, rec.PublishedAt))
	l.Source = strings.TrimSpace(string(rec.Source))
	if strings.TrimSpace(l.Text) == "" && strings.TrimSpace(l.HTML) == "" {
		return Line{}, errors.New(`object has no "text" or "html" field`)
	}
	return l, nil
}

func firstRune(b []byte) string {
	r, _ := utf8.DecodeRune(b)
	if r == utf8.RuneError {
		return fmt.Sprintf("\\x%02x", b[0])
	}
	return string(r)
}
