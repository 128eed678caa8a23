// Package text reads news articles (plain text, HTML pages, JSON Lines corpora) into documents.
package text

import (
	"bufio"
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/annalist/annalist"
)

// MaxLine is the longest JSON Lines record accepted (64 MiB): a longer line is
// reported and skipped, never read whole into memory.
const MaxLine = 64 << 20

// jsonArticle is one JSON Lines record.
type jsonArticle struct {
	ID     string `json:"id"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

// JSONLReader reads one article per line: {"id", "date", "title"?, "text",
// "source"?, "url"?}. Bad lines are reported and skipped so a batch goes on.
type JSONLReader struct {
	r    *bufio.Reader
	path string
	line int
}

// NewJSONLReader returns a reader over r; path is used in error messages.
func NewJSONLReader(r io.Reader, path string) *JSONLReader {
	return &JSONLReader{r: bufio.NewReaderSize(r, 1<<20), path: path}
}

// Next returns the next document, io.EOF at the end, or an *annalist.Error
// located at path:line for a line that is not a usable article (the reader
// has then moved past it: call Next again).
func (j *JSONLReader) Next() (*annalist.Document, error) {
	for {
		line, err := j.readLine()
		if err == io.EOF && len(line) == 0 {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, err
		}
		j.line++
		if len(strings.TrimSpace(string(line))) == 0 {
			if err == io.EOF {
				return nil, io.EOF
			}
			continue
		}
		return j.decode(line)
	}
}

// readLine reads one line; a line over MaxLine is consumed and reported.
func (j *JSONLReader) readLine() ([]byte, error) {
	var buf []byte
	for {
		chunk, err := j.r.ReadSlice('\n')
		if len(buf)+len(chunk) > MaxLine {
			// drain the rest of the line
			for err == bufio.ErrBufferFull {
				_, err = j.r.ReadSlice('\n')
			}
			j.line++
			return nil, annalist.ErrorAt(j.path, j.line, 1, "article longer than %d bytes skipped", MaxLine)
		}
		buf = append(buf, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		return buf, err
	}
}

func (j *JSONLReader) decode(line []byte) (*annalist.Document, error) {
	var a jsonArticle
	if err := json.Unmarshal(line, &a); err != nil {
		col := 1
		if se, ok := err.(*json.SyntaxError); ok {
			col = int(se.Offset)
		}
		return nil, annalist.ErrorAt(j.path, j.line, col, "not a JSON article: %v", err)
	}
	if a.ID == "" {
		return nil, annalist.ErrorAt(j.path, j.line, 1, `article without an "id"`)
	}
	doc := &annalist.Document{ID: a.ID, Title: a.Title, Text: a.Text, Source: a.Source, URL: a.URL}
	if a.Date != "" {
		d, err := ParseDate(a.Date)
		if err != nil {
			return nil, annalist.ErrorAt(j.path, j.line, 1, "article %s: %v", a.ID, err)
		}
		doc.Date = d
	}
	return doc, nil
}

// ParseDate reads a publication date: YYYY-MM-DD, YYYYMMDD or RFC 3339.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "20060102", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, annalist.Errorf(annalist.EINVALID, "date %q: want YYYY-MM-DD", s)
}

// ReadPlain reads a whole plain-text article (at most max bytes; 0 means no
// limit) as one document with the given id.
func ReadPlain(r io.Reader, id string, max int64) (*annalist.Document, error) {
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, annalist.Errorf(annalist.EUNAVAILABLE, "read %s: %v", id, err)
	}
	if max > 0 && int64(len(b)) > max {
		return nil, annalist.Errorf(annalist.ETOOLARGE, "%s: article longer than %d bytes", id, max)
	}
	return &annalist.Document{ID: id, Text: string(b)}, nil
}
