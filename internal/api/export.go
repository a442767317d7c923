package api

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/eventdedup"
	"github.com/eventwire/eventwire/internal/gdelt"
)

// docWriter writes documents one by one in an export format.
type docWriter interface {
	Write(*doc.Document) error
	Close() error
}

type exportFormat struct {
	contentType, ext string
	open             func(io.Writer) docWriter
}

// jsonlWriter writes one document contract JSON per line, without tokens
// unless asked.
type jsonlWriter struct {
	enc    *json.Encoder
	tokens bool
}

func (j jsonlWriter) Write(d *doc.Document) error {
	if !j.tokens {
		d = withoutTokens(d)
	}
	return j.enc.Encode(d)
}
func (j jsonlWriter) Close() error { return nil }

// failedWriter is an export writer that could not start.
type failedWriter struct{ err error }

func (f failedWriter) Write(*doc.Document) error { return f.err }
func (f failedWriter) Close() error              { return f.err }

var exportFormats = map[string]exportFormat{
	"jsonl": {"application/x-ndjson; charset=utf-8", "jsonl", nil},
	"gdelt-events": {"text/tab-separated-values; charset=utf-8", "export.tsv",
		func(w io.Writer) docWriter { return gdelt.NewEventWriter(w, gdelt.Options{}) }},
	"gdelt-mentions": {"text/tab-separated-values; charset=utf-8", "mentions.tsv",
		func(w io.Writer) docWriter { return gdelt.NewMentionWriter(w, gdelt.Options{}) }},
	"gkg": {"text/tab-separated-values; charset=utf-8", "gkg.tsv",
		func(w io.Writer) docWriter { return gdelt.NewGKGWriter(w, gdelt.Options{}) }},
}

// export streams every stored document in one format, in constant memory
// (merged GDELT events excepted: they hold the clusters).
// An error after the first byte aborts the connection, so a client never
// takes a cut export for a complete one.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	p := newParams(r.URL)
	name := p.raw("format", 20)
	if name == "" {
		name = "jsonl"
	}
	tokens := p.boolean("tokens")
	merged := p.boolean("merged")
	if p.err != nil {
		writeError(w, r, p.err)
		return
	}
	f, ok := exportFormats[name]
	if !ok {
		writeError(w, r, badParam("format", "%q is not jsonl, gdelt-events, gdelt-mentions or gkg", name))
		return
	}
	if merged != nil && *merged {
		if name != "gdelt-events" {
			writeError(w, r, badParam("merged", "merged=true needs format=gdelt-events, not %s", name))
			return
		}
		// One row per real-world event with its reports' counts: rows wait
		// in a temporary file until every document has been clustered.
		f.open = func(w io.Writer) docWriter {
			mw, err := gdelt.NewMergedEventWriter(w, gdelt.Options{}, eventdedup.Options{}, "")
			if err != nil {
				return failedWriter{err}
			}
			return mw
		}
	}
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // long downloads; the client's pace bounds them
	h := w.Header()
	h.Set("Content-Type", f.contentType)
	h.Set("Content-Disposition", `attachment; filename="eventwire.`+f.ext+`"`)
	h.Set("Cache-Control", "no-store")
	bw := bufio.NewWriterSize(w, 64<<10)
	var dw docWriter
	if f.open == nil {
		enc := json.NewEncoder(bw)
		dw = jsonlWriter{enc: enc, tokens: tokens != nil && *tokens}
	} else {
		dw = f.open(bw)
	}
	started := false
	err := s.opt.Reader.Each(r.Context(), func(d *doc.Document) error {
		if !started {
			started = true
			w.WriteHeader(http.StatusOK)
		}
		s.metrics.exported.Add(float64(len(d.Events)))
		return dw.Write(d)
	})
	if err == nil {
		err = dw.Close()
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		if !started && r.Context().Err() == nil {
			s.fail(w, r, err)
			return
		}
		if r.Context().Err() == nil {
			s.opt.Log.Error("export failed midway", "format", name, "err", err)
		}
		panic(http.ErrAbortHandler) // the net/http way to cut the response short
	}
}
