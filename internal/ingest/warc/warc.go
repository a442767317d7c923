// Package warc reads web archives (WARC 1.0/1.1, plain or gzip per record)
// with github.com/nlnwa/gowarc/v3 and yields the HTML pages in them: each
// response (or resource) record whose HTTP payload is HTML, with its target
// URI and WARC-Date.
//
// Records are streamed one at a time: memory stays bounded by the largest
// page accepted (gowarc spills big blocks to a temporary file), never by the
// archive size. A broken record is reported as a *RecordError and reading
// resumes at the next record when the archive allows it.
package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strings"

	"github.com/nlnwa/gowarc/v3"
)

// Record is one HTML page found in the archive.
type Record struct {
	Index   int    // 1-based number of the WARC record in the file (all types counted)
	Offset  int64  // byte offset of the record in the (uncompressed) stream
	URI     string // WARC-Target-URI
	Date    string // WARC-Date as YYYY-MM-DD (UTC), "" when missing
	Charset string // charset from the HTTP Content-Type, lower case
	Body    []byte // HTML payload, transfer and content encodings removed
}

// RecordError is a problem with one record; the archive can still be read.
type RecordError struct {
	Index  int
	Offset int64
	Err    error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("record %d (offset %d): %v", e.Index, e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// ErrTooLarge is wrapped by the RecordError of a page over the size limit.
var ErrTooLarge = errors.New("document too large")

// Reader streams HTML Records from a WARC stream.
type Reader struct {
	src     *stickyReader
	wr      *gowarc.WarcFileReader
	maxBody int64
	n       int
	lastEnd int64
	done    error
}

// NewReader returns a Reader over r; pages longer than maxBody bytes
// (<= 0: 16 MiB) are reported as errors. r must not be gzip as a whole
// (callers unwrap it); gzip per record is handled here.
func NewReader(r io.Reader, maxBody int64) *Reader {
	if maxBody <= 0 {
		maxBody = 16 << 20
	}
	src := &stickyReader{r: r}
	wr, err := gowarc.NewWarcFileReaderFromStream(src, 0,
		gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn),
		gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore),
		gowarc.WithBlockErrorPolicy(gowarc.ErrIgnore),
	)
	rd := &Reader{src: src, wr: wr, maxBody: maxBody, lastEnd: -1}
	if err != nil {
		rd.done = fmt.Errorf("open warc: %w", err)
	}
	return rd
}

// Close releases the reader's buffers. It does not close the source.
func (r *Reader) Close() error {
	if r.wr != nil {
		r.wr.Close()
		r.wr = nil
	}
	if r.done == nil {
		r.done = io.EOF
	}
	return nil
}

// Next returns the next HTML page. It returns io.EOF at the end, a
// *RecordError for a broken or oversized record (call Next again to go on),
// or another error when the stream cannot be read any further.
func (r *Reader) Next() (Record, error) {
	for {
		if r.done != nil {
			// A fatal error is reported once; the stream then reads as ended.
			err := r.done
			r.done = io.EOF
			return Record{}, err
		}
		rec, err := r.next()
		if rec.WarcRecord != nil {
			out, keep, perr := r.page(rec)
			_ = rec.Close()
			if perr != nil {
				return Record{}, &RecordError{Index: r.n, Offset: rec.Offset, Err: perr}
			}
			if keep {
				return out, nil
			}
			if msg := brokenResponse(rec); msg != "" {
				return Record{}, &RecordError{Index: r.n, Offset: rec.Offset, Err: errors.New(msg)}
			}
			continue
		}
		if err == nil {
			continue
		}
		return Record{}, err
	}
}

// next reads one WARC record, turning parser failures into RecordErrors and
// ending the stream when the parser cannot move forward.
func (r *Reader) next() (gowarc.Record, error) {
	rec, err := r.wr.Next()
	end := rec.Offset + rec.Size
	if err == nil && r.src.err != nil {
		// gowarc may hand back a record cut short by a failing source.
		r.n++
		_ = rec.Close()
		r.done = io.EOF
		return gowarc.Record{}, &RecordError{Index: r.n, Offset: rec.Offset, Err: fmt.Errorf("record cut short: read: %w", r.src.err)}
	}
	if err == nil {
		r.n++
		r.lastEnd = end
		for _, v := range rec.Validation {
			var cl *gowarc.ContentLengthError
			if errors.As(v, &cl) {
				_ = rec.Close()
				return gowarc.Record{}, &RecordError{Index: r.n, Offset: rec.Offset,
					Err: fmt.Errorf("truncated record: Content-Length is %d, block has %d bytes", cl.Expected, cl.Actual)}
			}
		}
		return rec, nil
	}
	if rec.WarcRecord != nil {
		_ = rec.Close()
	}
	if r.src.err != nil {
		// The source failed (truncated gzip, I/O error): nothing more to read.
		fatal := fmt.Errorf("offset %d: read: %w", end, r.src.err)
		if rec.Size == 0 {
			r.done = io.EOF
			return gowarc.Record{}, fatal
		}
		r.n++
		r.done = io.EOF // the record error below already tells the cause
		return gowarc.Record{}, &RecordError{Index: r.n, Offset: rec.Offset, Err: fmt.Errorf("record cut short: read: %w", r.src.err)}
	}
	if err == io.EOF && rec.Size == 0 {
		r.done = io.EOF
		return gowarc.Record{}, io.EOF
	}
	r.n++
	rerr := &RecordError{Index: r.n, Offset: rec.Offset, Err: err}
	switch {
	case errors.Is(err, gowarc.ErrNoRecord):
		rerr.Err = fmt.Errorf("no WARC record found: %w", err)
		r.done = io.EOF
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		rerr.Err = fmt.Errorf("truncated record: %w", io.ErrUnexpectedEOF)
		r.done = io.EOF
	case end <= r.lastEnd:
		// No progress: stop rather than loop on the same bytes.
		r.done = io.EOF
	}
	if end > r.lastEnd {
		r.lastEnd = end
	}
	return gowarc.Record{}, rerr
}

// brokenResponse explains why a response or resource record that gave no
// page is broken (bad header syntax or fields), or returns "" when it was
// merely of no interest (an image, a redirect, ...).
func brokenResponse(rec gowarc.Record) string {
	if t := rec.WarcRecord.Type(); t != gowarc.Response && t != gowarc.Resource {
		return ""
	}
	var msgs []string
	for _, v := range rec.Validation {
		var se *gowarc.SyntaxError
		var he *gowarc.HeaderFieldError
		if errors.As(v, &se) || errors.As(v, &he) {
			msgs = append(msgs, v.Error())
		}
	}
	if len(msgs) == 0 {
		return ""
	}
	if len(msgs) > 3 {
		msgs = append(msgs[:3], fmt.Sprintf("and %d more", len(msgs)-3))
	}
	return "broken record: " + strings.Join(msgs, "; ")
}

// page turns a WARC record into a Record when it holds a successful HTML
// response; keep is false for the records eventwire has no use for.
func (r *Reader) page(rec gowarc.Record) (out Record, keep bool, err error) {
	wr := rec.WarcRecord
	out = Record{Index: r.n, Offset: rec.Offset, URI: strings.Trim(wr.WarcHeader().Get(gowarc.WarcTargetURI), "<> ")}
	if t, terr := wr.Date(); terr == nil {
		if y := t.Year(); y >= 1900 && y < 2200 {
			out.Date = t.UTC().Format("2006-01-02")
		}
	}
	var body io.Reader
	switch wr.Type() {
	case gowarc.Response:
		blk, ok := wr.Block().(gowarc.HttpResponseBlock)
		if !ok {
			return out, false, nil // dns:, whois: or other non-HTTP response
		}
		if c := blk.HttpStatusCode(); c < 200 || c > 299 {
			return out, false, nil
		}
		h := blk.HttpHeader()
		if h == nil {
			h = &http.Header{}
		}
		ct := h.Get("Content-Type")
		if ct != "" && !isHTMLType(ct) {
			return out, false, nil
		}
		out.Charset = charsetOf(ct)
		p, perr := blk.PayloadBytes()
		if perr != nil {
			return out, false, fmt.Errorf("read payload: %w", perr)
		}
		body, err = decode(p, h, rawHeader(blk.ProtocolHeaderBytes(), "transfer-encoding"))
		if err != nil {
			return out, false, err
		}
	case gowarc.Resource:
		ct := wr.WarcHeader().Get(gowarc.ContentType)
		if !isHTMLType(ct) {
			return out, false, nil
		}
		out.Charset = charsetOf(ct)
		p, perr := wr.Block().RawBytes()
		if perr != nil {
			return out, false, fmt.Errorf("read block: %w", perr)
		}
		body = p
	default:
		return out, false, nil
	}
	b, err := io.ReadAll(io.LimitReader(body, r.maxBody+1))
	if err != nil {
		return out, false, fmt.Errorf("read payload: %w", err)
	}
	if int64(len(b)) > r.maxBody {
		return out, false, fmt.Errorf("%w: payload of %s over %d bytes", ErrTooLarge, out.URI, r.maxBody)
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return out, false, nil
	}
	if !looksHTML(b) {
		return out, false, nil
	}
	out.Body = b
	return out, true, nil
}

// decode undoes chunked transfer coding and gzip/deflate content coding,
// which archives keep as they came over the wire.
func decode(p io.Reader, h *http.Header, te string) (io.Reader, error) {
	if strings.Contains(strings.ToLower(te+h.Get("Transfer-Encoding")), "chunked") {
		p = httputil.NewChunkedReader(p)
	}
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Encoding"))) {
	case "gzip", "x-gzip":
		br := bufio.NewReader(p)
		if head, _ := br.Peek(2); len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b {
			zr, err := gzip.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("gzip content encoding: %w", err)
			}
			return zr, nil
		}
		return br, nil
	case "deflate":
		return flate.NewReader(p), nil
	}
	return p, nil
}

// rawHeader returns the value of a header field in a raw HTTP header block
// (net/http moves Transfer-Encoding out of the parsed header).
func rawHeader(block []byte, name string) string {
	for _, line := range bytes.Split(block, []byte("\n")) {
		k, v, ok := bytes.Cut(line, []byte(":"))
		if ok && strings.EqualFold(string(bytes.TrimSpace(k)), name) {
			return string(bytes.TrimSpace(v))
		}
	}
	return ""
}

func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

func charsetOf(ct string) string {
	_, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return ""
	}
	return strings.ToLower(params["charset"])
}

// looksHTML checks a payload sniffed by net/http as HTML or carrying tags.
func looksHTML(b []byte) bool {
	if strings.HasPrefix(http.DetectContentType(b), "text/html") {
		return true
	}
	head := b
	if len(head) > 4096 {
		head = head[:4096]
	}
	return bytes.IndexByte(head, '<') >= 0 && bytes.IndexByte(head, 0) < 0
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
