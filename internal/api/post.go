package api

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/eventwire/eventwire/internal/doc"
	"github.com/eventwire/eventwire/internal/ingest"
)

// postBody is the JSON form of POST /api/documents.
type postBody struct {
	Text    string `json:"text"`
	HTML    string `json:"html"`
	Title   string `json:"title"`
	URL     string `json:"url"`
	PubDate string `json:"pubdate"`
}

// postResult answers POST /api/documents.
type postResult struct {
	ID     string `json:"id"`
	Added  bool   `json:"added"`
	Events int    `json:"events"`
	// NearDuplicateOf is the earlier stored document this one nearly copies.
	NearDuplicateOf string      `json:"near_duplicate_of,omitempty"`
	Errors          []doc.Error `json:"errors,omitempty"`
}

// authorize checks the bearer token in constant time.
func (s *Server) authorize(r *http.Request) *apiError {
	if !s.WritesEnabled() {
		return &apiError{Kind: KindForbidden, Message: "writes are disabled: start the server with --token or EVENTWIRE_TOKEN"}
	}
	h := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || tok == "" {
		return &apiError{Kind: KindUnauthorized, Message: "missing bearer token (Authorization: Bearer <token>)"}
	}
	if subtle.ConstantTimeCompare([]byte(strings.TrimSpace(tok)), []byte(s.opt.Token)) != 1 {
		return &apiError{Kind: KindUnauthorized, Message: "wrong token"}
	}
	return nil
}

func (s *Server) postDocument(w http.ResponseWriter, r *http.Request) {
	if err := s.authorize(r); err != nil {
		writeError(w, r, err)
		return
	}
	if err := s.post(w, r); err != nil {
		s.fail(w, r, err)
	}
}

func (s *Server) post(w http.ResponseWriter, r *http.Request) error {
	if r.ContentLength > s.opt.MaxBody {
		return &apiError{Kind: KindTooLarge, Message: tooLarge(s.opt.MaxBody)}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opt.MaxBody))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return &apiError{Kind: KindTooLarge, Message: tooLarge(s.opt.MaxBody)}
		}
		return &apiError{Kind: KindBadRequest, Message: "reading the body: " + err.Error()}
	}
	it, aerr := itemFromBody(r.Header.Get("Content-Type"), body)
	if aerr != nil {
		return aerr
	}
	// Pipeline runs are CPU-heavy: a few at a time.
	select {
	case s.posts <- struct{}{}:
		defer func() { <-s.posts }()
	case <-r.Context().Done():
		return r.Context().Err()
	}
	d := s.opt.Pipeline.FromItem(it)
	if d.Text == "" {
		msg := "no text left after cleaning"
		if len(d.Errors) > 0 {
			msg = d.Errors[0].Message
		}
		return &apiError{Kind: KindBadRequest, Message: "document: " + msg}
	}
	st, err := s.opt.Writer.Put(r.Context(), []*doc.Document{d})
	if err != nil {
		return err
	}
	s.metrics.added(st.Added, len(d.Events))
	if st.Added > 0 {
		s.hub.poke()
	}
	return writeJSON(w, postResult{ID: d.ID, Added: st.Added > 0, Events: len(d.Events),
		NearDuplicateOf: d.NearDuplicateOf, Errors: d.Errors})
}

func tooLarge(n int64) string {
	return "the body is larger than " + humanBytes(n)
}

func humanBytes(n int64) string {
	if n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	if n%(1<<10) == 0 {
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// itemFromBody reads the three accepted body types into an ingest item.
func itemFromBody(contentType string, body []byte) (ingest.Item, *apiError) {
	it := ingest.Item{Origin: "api", Kind: ingest.KindText}
	mt, params, err := mime.ParseMediaType(contentType)
	if contentType == "" {
		mt, err = "text/plain", nil
	}
	if err != nil {
		return it, &apiError{Kind: KindBadRequest, Message: "Content-Type: " + err.Error()}
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		return it, &apiError{Kind: KindBadRequest, Message: "Content-Type: only the utf-8 charset is accepted, not " + cs}
	}
	switch mt {
	case "text/plain", "text/html", "application/xhtml+xml", "application/json":
	default:
		return it, &apiError{Kind: KindBadRequest, Message: "Content-Type: " + mt + " is not text/plain, text/html or application/json"}
	}
	if !utf8.Valid(body) {
		return it, &apiError{Kind: KindBadRequest, Message: "body: not valid UTF-8"}
	}
	switch mt {
	case "text/plain":
		it.Body = body
	case "text/html", "application/xhtml+xml":
		it.Body, it.IsHTML, it.Kind = body, true, ingest.KindHTML
	case "application/json":
		var pb postBody
		dec := json.NewDecoder(strings.NewReader(string(body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&pb); err != nil {
			return it, &apiError{Kind: KindBadRequest, Message: "body: " + err.Error()}
		}
		if dec.More() {
			return it, &apiError{Kind: KindBadRequest, Message: "body: more than one JSON value"}
		}
		switch {
		case pb.Text != "" && pb.HTML != "":
			return it, &apiError{Kind: KindBadRequest, Message: "body: give text or html, not both"}
		case pb.HTML != "":
			it.Body, it.IsHTML, it.Kind = []byte(pb.HTML), true, ingest.KindHTML
		case pb.Text != "":
			it.Body = []byte(pb.Text)
		default:
			return it, &apiError{Kind: KindBadRequest, Message: "body: text or html is required"}
		}
		if len(pb.Title) > 1000 {
			return it, &apiError{Kind: KindBadRequest, Message: "title: longer than 1000 bytes"}
		}
		it.Title = strings.TrimSpace(pb.Title)
		if pb.PubDate != "" {
			if t, err := time.Parse("2006-01-02", pb.PubDate); err != nil || t.Format("2006-01-02") != pb.PubDate {
				return it, &apiError{Kind: KindBadRequest, Message: "pubdate: " + pb.PubDate + " is not YYYY-MM-DD"}
			}
			it.PubDate = pb.PubDate
		}
		if pb.URL != "" {
			u, err := url.Parse(pb.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(pb.URL) > 2048 {
				return it, &apiError{Kind: KindBadRequest, Message: "url: not an absolute http(s) URL"}
			}
			it.URL = u.String()
			it.Source = strings.TrimPrefix(u.Hostname(), "www.")
		}
	default:
		return it, &apiError{Kind: KindBadRequest, Message: "Content-Type: " + mt + " is not text/plain, text/html or application/json"}
	}
	if len(strings.TrimSpace(string(it.Body))) == 0 {
		return it, &apiError{Kind: KindBadRequest, Message: "body: empty document"}
	}
	return it, nil
}
