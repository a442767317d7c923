// Package warcwrite writes small, deterministic WARC files for eventwire's
// tests and example corpus. It is not a general WARC writer: it emits
// WARC/1.1 records with the fields a reader needs, each optionally in its
// own gzip member as archives do.
package warcwrite

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"io"
)

// Record is one WARC record to write.
type Record struct {
	Type        string // warcinfo, response, resource, request, metadata, ...
	ID          string // WARC-Record-ID without angle brackets, e.g. urn:uuid:...
	Date        string // WARC-Date, e.g. 2026-02-03T10:00:00Z
	TargetURI   string // empty for warcinfo
	ContentType string // e.g. application/http;msgtype=response
	Block       []byte // record content block (HTTP message, fields, ...)
}

// HTTPResponse builds an HTTP/1.1 response message with the given headers
// (in order, "Name: value") and body, with a correct Content-Length.
func HTTPResponse(status string, headers []string, body []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %s\r\n", status)
	for _, h := range headers {
		b.WriteString(h)
		b.WriteString("\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(body))
	b.Write(body)
	return b.Bytes()
}

// Encode returns the bytes of one uncompressed record.
func Encode(r Record) []byte {
	var b bytes.Buffer
	sum := sha1.Sum(r.Block)
	b.WriteString("WARC/1.1\r\n")
	fmt.Fprintf(&b, "WARC-Type: %s\r\n", r.Type)
	fmt.Fprintf(&b, "WARC-Record-ID: <%s>\r\n", r.ID)
	fmt.Fprintf(&b, "WARC-Date: %s\r\n", r.Date)
	if r.TargetURI != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", r.TargetURI)
	}
	fmt.Fprintf(&b, "WARC-Block-Digest: sha1:%s\r\n", base32.StdEncoding.EncodeToString(sum[:]))
	if r.ContentType != "" {
		fmt.Fprintf(&b, "Content-Type: %s\r\n", r.ContentType)
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(r.Block))
	b.Write(r.Block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// Write writes records to w, each in its own gzip member when gz is true.
func Write(w io.Writer, gz bool, recs ...Record) error {
	for _, r := range recs {
		raw := Encode(r)
		if !gz {
			if _, err := w.Write(raw); err != nil {
				return fmt.Errorf("write record %s: %w", r.ID, err)
			}
			continue
		}
		zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
		if err != nil {
			return err
		}
		if _, err := zw.Write(raw); err != nil {
			return fmt.Errorf("write record %s: %w", r.ID, err)
		}
		if err := zw.Close(); err != nil {
			return fmt.Errorf("write record %s: %w", r.ID, err)
		}
	}
	return nil
}
