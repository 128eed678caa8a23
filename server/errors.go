package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/annalist/annalist"
)

// errorBody is the JSON shape of every error response.
type errorBody struct {
	Error errorDetail `json:"error"`
}

// errorDetail is an error's code (an annalist error code) and message.
type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// statusError gives an error an HTTP status other than its code's (405, 415).
type statusError struct {
	status int
	err    *annalist.Error
}

func (e statusError) Error() string { return e.err.Error() }
func (e statusError) Unwrap() error { return e.err }

// statusOf maps an annalist error code to an HTTP status.
func statusOf(code string) int {
	switch code {
	case annalist.EINVALID:
		return http.StatusBadRequest
	case annalist.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case annalist.ENOTFOUND:
		return http.StatusNotFound
	case annalist.ECONFLICT:
		return http.StatusConflict
	case annalist.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case annalist.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// detail turns any error into what a client may see and its status: an
// over-long body is too_large, a passed deadline unavailable, and anything
// that is not an *annalist.Error (or is EINTERNAL) a generic internal error.
func detail(err error) (int, errorDetail) {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge, errorDetail{annalist.ETOOLARGE, tooLarge(mbe.Limit).Error()}
	}
	if errTimeout(err) {
		return http.StatusServiceUnavailable, errorDetail{annalist.EUNAVAILABLE, "the request took too long and was stopped"}
	}
	code := annalist.ErrorCode(err)
	if code == annalist.EINTERNAL {
		return http.StatusInternalServerError, errorDetail{code, "internal error"}
	}
	status := statusOf(code)
	var se statusError
	if errors.As(err, &se) {
		status = se.status
	}
	return status, errorDetail{code, annalist.ErrorMessage(err)}
}

// writeError answers with the JSON error for err. Internal errors are logged
// with their text and answered with a generic message.
func (s *server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, d := detail(err)
	if status == http.StatusInternalServerError {
		s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="annalist"`)
	}
	writeJSON(w, status, errorBody{d})
}

// writeJSON writes v as a JSON body (one line, HTML characters unescaped:
// the API's JSON is never embedded in a page) with the status.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return annalist.Errorf(annalist.EINTERNAL, "encode response: %v", err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b.Bytes())
	return nil
}
