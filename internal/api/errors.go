package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/eventwire/eventwire/internal/store"
)

// Kind classifies an API error; it decides the HTTP status.
type Kind string

// The error kinds.
const (
	KindBadRequest   Kind = "bad_request"
	KindNotFound     Kind = "not_found"
	KindUnauthorized Kind = "unauthorized"
	KindForbidden    Kind = "forbidden"
	KindTooLarge     Kind = "too_large"
	KindMethod       Kind = "method_not_allowed"
	KindUnavailable  Kind = "unavailable"
	KindTimeout      Kind = "timeout"
	KindInternal     Kind = "internal"
)

// Status is the HTTP status of the kind.
func (k Kind) Status() int {
	switch k {
	case KindBadRequest:
		return http.StatusBadRequest
	case KindNotFound:
		return http.StatusNotFound
	case KindUnauthorized:
		return http.StatusUnauthorized
	case KindForbidden:
		return http.StatusForbidden
	case KindTooLarge:
		return http.StatusRequestEntityTooLarge
	case KindMethod:
		return http.StatusMethodNotAllowed
	case KindUnavailable:
		return http.StatusServiceUnavailable
	case KindTimeout:
		return http.StatusGatewayTimeout
	}
	return http.StatusInternalServerError
}

// apiError is the body of every error response.
type apiError struct {
	Kind    Kind   `json:"kind"`
	Message string `json:"message"`
	// Param names the offending query parameter, when one is.
	Param string `json:"param,omitempty"`
}

func (e *apiError) Error() string { return string(e.Kind) + ": " + e.Message }

// badParam is a 400 naming the parameter.
func badParam(param, format string, a ...any) *apiError {
	return &apiError{Kind: KindBadRequest, Param: param, Message: param + ": " + fmt.Sprintf(format, a...)}
}

// writeJSON writes v with status 200. HTML-significant characters are
// escaped (\u003c...), so stored text can never be read as markup.
func writeJSON(w http.ResponseWriter, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	w.Write(append(b, '\n')) // a failed write means the client left
	return nil
}

func writeError(w http.ResponseWriter, r *http.Request, e *apiError) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	if e.Kind == KindUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="eventwire"`)
	}
	w.WriteHeader(e.Kind.Status())
	b, _ := json.Marshal(struct {
		Error *apiError `json:"error"`
	}{e})
	w.Write(append(b, '\n'))
}

// fail turns err into an error response: API errors as they are, store
// validation errors as 400, missing documents as 404, timeouts as 504, and
// anything else as a logged 500 whose detail is not shown to the client.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
	case errors.Is(err, store.ErrNotFound):
		ae = &apiError{Kind: KindNotFound, Message: "not found"}
	case errors.Is(err, store.ErrBadCursor):
		ae = badParam("cursor", "not a cursor this endpoint returned")
	case errors.Is(err, store.ErrBadQuery), errors.Is(err, store.ErrBadFilter):
		ae = &apiError{Kind: KindBadRequest, Message: err.Error()}
	case errors.Is(err, context.DeadlineExceeded):
		ae = &apiError{Kind: KindTimeout, Message: "the query took too long; narrow the filters"}
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		return // the client went away
	default:
		s.opt.Log.Error("api request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		ae = &apiError{Kind: KindInternal, Message: "internal error"}
	}
	writeError(w, r, ae)
}
