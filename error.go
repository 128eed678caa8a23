package annalist

import (
	"errors"
	"fmt"
)

// Error codes. They say what kind of failure happened, so that callers can map
// them to exit codes and HTTP statuses without parsing messages.
const (
	// EINVALID: the input (a file, a record, a request) is malformed.
	EINVALID = "invalid"
	// ENOTFOUND: something named does not exist.
	ENOTFOUND = "not_found"
	// ECONFLICT: the request conflicts with the current state.
	ECONFLICT = "conflict"
	// EUNAUTHORIZED: a token is missing or wrong.
	EUNAUTHORIZED = "unauthorized"
	// ETOOLARGE: an input is over a configured bound.
	ETOOLARGE = "too_large"
	// EUNAVAILABLE: a dependency (database, file system) cannot be reached.
	EUNAVAILABLE = "unavailable"
	// EINTERNAL: a bug or an unexpected failure.
	EINTERNAL = "internal"
)

// Position locates a problem in an input file. Line and Col are 1-based; a
// zero Line means the whole file, a zero Col the whole line.
type Position struct {
	Path string `json:"path,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String formats the position as path:line:col, leaving out what is unknown.
func (p Position) String() string {
	s := p.Path
	if p.Line > 0 {
		if s != "" {
			s += ":"
		}
		s += fmt.Sprintf("%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Error is Annalist's one error type: a code, a human message and, for errors
// in input files, the position of the problem.
type Error struct {
	Code    string
	Message string
	// Pos is set for errors located in an input (dictionary line, XML record).
	Pos *Position
}

// Error formats the error as "path:line:col: message" when it has a position.
func (e *Error) Error() string {
	if e.Pos != nil {
		if p := e.Pos.String(); p != "" {
			return p + ": " + e.Message
		}
	}
	return e.Message
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorAt returns an EINVALID *Error located at path:line:col.
func ErrorAt(path string, line, col int, format string, args ...any) *Error {
	return &Error{Code: EINVALID, Message: fmt.Sprintf(format, args...), Pos: &Position{Path: path, Line: line, Col: col}}
}

// ErrorCode returns the code of the first *Error in err's chain, EINTERNAL
// for any other non-nil error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the message of the first *Error in err's chain, or a
// generic text for other errors so that internals are not leaked to clients.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}
