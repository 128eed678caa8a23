package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
)

// ingestResult is the answer to POST /v1/documents.
type ingestResult struct {
	// Documents lists the documents stored, in input order.
	Documents []ingested `json:"documents"`
	// Stored and Failed count documents; Events counts the events stored.
	Stored int `json:"stored"`
	Failed int `json:"failed"`
	Events int `json:"events"`
	// Errors lists the documents that were not stored and why.
	Errors []ingestError `json:"errors"`
	// StoppedAtLine is set when the request's time ran out: that line and
	// those after it were not read and must be sent again.
	StoppedAtLine int `json:"stopped_at_line,omitempty"`
}

// ingested is one stored document.
type ingested struct {
	ID        string `json:"id"`
	Line      int    `json:"line,omitempty"`
	Sentences int    `json:"sentences"`
	Events    int    `json:"events"`
	Quotes    int    `json:"quotes"`
}

// ingestError is one document that was not stored.
type ingestError struct {
	Line  int         `json:"line,omitempty"`
	ID    string      `json:"id,omitempty"`
	Error errorDetail `json:"error"`
}

// isNDJSON reports whether a media type names JSON Lines, the batch format.
func isNDJSON(mt string) bool {
	switch mt {
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines":
		return true
	}
	return false
}

// postDocuments answers POST /v1/documents: one JSON article (201 when
// stored, an error status otherwise) or a JSON Lines batch (200 with each
// document's outcome). Each document is coded and stored in its own
// transaction; a document that fails does not stop the batch.
func (s *server) postDocuments(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r, nil); err != nil {
		return err
	}
	if err := s.needStore(); err != nil {
		return err
	}
	if err := s.needEngine(); err != nil {
		return err
	}
	switch mt := mediaType(r); {
	case mt == "application/json" || mt == "":
		a, err := decodeArticle(r.Body)
		if err != nil {
			return err
		}
		got, err := s.ingest(r.Context(), a)
		if err != nil {
			return err
		}
		return writeJSON(w, http.StatusCreated, &ingestResult{Documents: []ingested{got}, Stored: 1, Events: got.Events, Errors: []ingestError{}})
	case isNDJSON(mt):
		// The whole batch is read first, so that an over-long body is refused
		// with 413 before anything is stored.
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return err
		}
		res := s.ingestBatch(r.Context(), body)
		if res.Stored+res.Failed == 0 && res.StoppedAtLine == 0 {
			return annalist.Errorf(annalist.EINVALID, "body: no documents (one JSON object per line)")
		}
		return writeJSON(w, http.StatusOK, res)
	default:
		return statusError{http.StatusUnsupportedMediaType, annalist.Errorf(annalist.EINVALID,
			"Content-Type %s: want application/json (one document) or application/x-ndjson (one per line)", mt)}
	}
}

// ingestBatch codes and stores every line of a JSON Lines body until the
// request's deadline.
func (s *server) ingestBatch(ctx context.Context, body []byte) *ingestResult {
	res := &ingestResult{Documents: []ingested{}, Errors: []ingestError{}}
	line := 0
	for len(body) > 0 {
		var ln []byte
		if i := bytes.IndexByte(body, '\n'); i >= 0 {
			ln, body = body[:i], body[i+1:]
		} else {
			ln, body = body, nil
		}
		line++
		if len(bytes.TrimSpace(ln)) == 0 {
			continue
		}
		if ctx.Err() != nil {
			res.StoppedAtLine = line
			res.Errors = append(res.Errors, ingestError{Line: line, Error: errorDetail{annalist.EUNAVAILABLE,
				fmt.Sprintf("the request's time ran out: line %d and the lines after it were not stored; send them again", line)}})
			break
		}
		var a article
		if err := json.Unmarshal(ln, &a); err != nil {
			res.fail(line, "", annalist.ErrorAt("body", line, 1, "%s", annalist.ErrorMessage(jsonError(err))))
			continue
		}
		got, err := s.ingest(ctx, &a)
		if err != nil {
			if annalist.ErrorCode(err) == annalist.EINTERNAL {
				s.log.Error("ingest", "line", line, "id", a.ID, "err", err)
			}
			res.fail(line, a.ID, err)
			continue
		}
		got.Line = line
		res.Documents = append(res.Documents, got)
		res.Stored++
		res.Events += got.Events
	}
	return res
}

func (res *ingestResult) fail(line int, id string, err error) {
	_, d := detail(err)
	res.Errors = append(res.Errors, ingestError{Line: line, ID: id, Error: d})
	res.Failed++
}

// ingest codes one article and stores it in one transaction, replacing any
// earlier version under the same id.
func (s *server) ingest(ctx context.Context, a *article) (ingested, error) {
	doc, err := a.document()
	if err != nil {
		return ingested{}, err
	}
	res, err := s.codeDocument(ctx, doc)
	if err != nil {
		return ingested{}, err
	}
	for i := range doc.Sentences {
		doc.Sentences[i].Tokens = nil
	}
	c := &store.Coded{Document: *doc, Events: res.Events, Quotes: res.Quotes, Suggestions: res.Suggestions, Hash: a.hash(doc.ID)}
	if err := s.store.Put(ctx, c); err != nil {
		return ingested{}, fmt.Errorf("store %s: %w", doc.ID, err)
	}
	return ingested{ID: doc.ID, Sentences: len(doc.Sentences), Events: len(res.Events), Quotes: len(res.Quotes)}, nil
}

// getDocument answers GET /v1/documents/{id}: the stored document with its
// sentences, events, quotes, actor mentions and suggestions.
func (s *server) getDocument(w http.ResponseWriter, r *http.Request) error {
	if err := noParams(r, nil); err != nil {
		return err
	}
	if err := s.needStore(); err != nil {
		return err
	}
	id := r.PathValue("id")
	if id == "" {
		return annalist.Errorf(annalist.ENOTFOUND, "no document id in the path: use /v1/documents/{id}")
	}
	c, err := s.store.Document(r.Context(), id)
	if err != nil {
		return fmt.Errorf("document %q: %w", id, err)
	}
	return writeJSON(w, http.StatusOK, storedView(c))
}
