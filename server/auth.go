package server

import (
	"crypto/sha256"
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/annalist/annalist"
)

// authorize checks the bearer token a route needs. Open routes pass. Reads
// pass when no read token is set, else need the read or the write token.
// Writes need the write token; with none configured they are refused with
// 403, since no credential could make them succeed.
func (s *server) authorize(a access, r *http.Request) error {
	switch a {
	case open:
		return nil
	case read:
		if s.rtoken == "" {
			return nil
		}
		tok, ok := bearer(r)
		if ok && (tokenEqual(tok, s.rtoken) || (s.token != "" && tokenEqual(tok, s.token))) {
			return nil
		}
		return unauthorized(ok, "reads need Authorization: Bearer <read token or write token>")
	}
	if s.token == "" {
		return statusError{http.StatusForbidden, annalist.Errorf(annalist.EUNAUTHORIZED,
			"writes are disabled: the server was started without a write token (--token or ANNALIST_TOKEN)")}
	}
	tok, ok := bearer(r)
	if ok && tokenEqual(tok, s.token) {
		return nil
	}
	return unauthorized(ok, "writes need Authorization: Bearer <write token>")
}

func unauthorized(given bool, need string) error {
	if given {
		return annalist.Errorf(annalist.EUNAUTHORIZED, "wrong token: %s", need)
	}
	return annalist.Errorf(annalist.EUNAUTHORIZED, "no token: %s", need)
}

// bearer returns the token of an "Authorization: Bearer <token>" header.
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, tok, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	return tok, tok != ""
}

// tokenEqual compares two tokens in constant time; hashing first makes the
// time independent of their lengths too.
func tokenEqual(got, want string) bool {
	a, b := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1
}
