// Package pipeline streams documents of any size through the engine on every core, in input order, with bounded memory.
package pipeline

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/text"
)

// Kinds of input.
const (
	KindAuto  = "auto"
	KindText  = "text"
	KindHTML  = "html"
	KindJSONL = "jsonl"
)

// MaxArticle bounds a plain-text or HTML article read whole (64 MiB); a
// bigger one is reported and skipped.
const MaxArticle = 64 << 20

// Inputs reads documents from files, directories (walked in name order),
// gzip-compressed files (".gz") and standard input ("-"). JSON Lines files
// hold one article per line; a text or HTML file is one article. It counts
// the bytes it has consumed against the total size of the named files, for
// progress reports. Use Next until io.EOF; a per-document problem (a bad
// JSON line, an unreadable file) is returned as an *annalist.Error located at
// path:line and reading goes on.
type Inputs struct {
	paths   []string
	kind    string
	date    time.Time
	stdin   io.Reader
	total   int64
	read    atomic.Int64
	cur     *openFile
	pending []string
}

type openFile struct {
	name  string
	f     io.Closer
	jsonl *text.JSONLReader
	doc   *annalist.Document // a single-document file not yet returned
	err   error
}

// NewInputs prepares to read paths as kind (KindAuto decides per file from
// its name and first bytes). date is the publication date given to documents
// that carry none. Directories are expanded now; files are opened as they
// are reached. A path that does not exist is an error here.
func NewInputs(paths []string, kind string, date time.Time, stdin io.Reader) (*Inputs, error) {
	in := &Inputs{kind: kind, date: date, stdin: stdin}
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	for _, p := range paths {
		if p == "-" {
			in.pending = append(in.pending, p)
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			return nil, annalist.Errorf(annalist.EINVALID, "%v", err)
		}
		if !st.IsDir() {
			in.pending = append(in.pending, p)
			in.total += st.Size()
			continue
		}
		var files []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if info, err := d.Info(); err == nil {
				in.total += info.Size()
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			return nil, annalist.Errorf(annalist.EINVALID, "%v", err)
		}
		sort.Strings(files)
		in.pending = append(in.pending, files...)
	}
	return in, nil
}

// Progress returns the bytes consumed so far and the total size of the
// named files (0 when unknown, as for standard input).
func (in *Inputs) Progress() (read, total int64) { return in.read.Load(), in.total }

// Next returns the next document.
func (in *Inputs) Next() (*annalist.Document, error) {
	for {
		if in.cur == nil {
			if len(in.pending) == 0 {
				return nil, io.EOF
			}
			p := in.pending[0]
			in.pending = in.pending[1:]
			of, err := in.open(p)
			if err != nil {
				return nil, err
			}
			in.cur = of
		}
		of := in.cur
		if of.jsonl != nil {
			doc, err := of.jsonl.Next()
			if err == io.EOF {
				in.closeCur()
				continue
			}
			if err != nil {
				if annalist.ErrorCode(err) != annalist.EINVALID {
					in.closeCur()
				}
				return nil, err
			}
			if doc.Date.IsZero() {
				doc.Date = in.date
			}
			return doc, nil
		}
		doc, err := of.doc, of.err
		in.closeCur()
		if err != nil {
			return nil, err
		}
		if doc.Date.IsZero() {
			doc.Date = in.date
		}
		return doc, nil
	}
}

func (in *Inputs) closeCur() {
	if in.cur != nil && in.cur.f != nil {
		in.cur.f.Close()
	}
	in.cur = nil
}

// countingReader adds the bytes read to the Inputs' counter.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

func (in *Inputs) open(p string) (*openFile, error) {
	of := &openFile{name: p}
	var r io.Reader
	name := p
	if p == "-" {
		r, name = in.stdin, "stdin"
	} else {
		f, err := os.Open(p)
		if err != nil {
			return nil, annalist.Errorf(annalist.EINVALID, "%v", err)
		}
		of.f = f
		r = countingReader{f, &in.read}
	}
	if strings.HasSuffix(p, ".gz") {
		gz, err := gzip.NewReader(r)
		if err != nil {
			if of.f != nil {
				of.f.Close()
			}
			return nil, annalist.ErrorAt(p, 0, 0, "not gzip: %v", err)
		}
		r = gz
		name = strings.TrimSuffix(p, ".gz")
	}
	br := bufio.NewReaderSize(r, 1<<16)
	kind := in.kind
	if kind == KindAuto {
		kind = Sniff(name, br)
	}
	switch kind {
	case KindJSONL:
		of.jsonl = text.NewJSONLReader(br, p)
	case KindHTML:
		of.doc, of.err = text.ReadHTML(br, docID(p), MaxArticle)
	case KindText:
		of.doc, of.err = text.ReadPlain(br, docID(p), MaxArticle)
	default:
		if of.f != nil {
			of.f.Close()
		}
		return nil, annalist.Errorf(annalist.EINVALID, "%s: unknown input kind %q: want auto, text, html or jsonl", p, kind)
	}
	if of.err != nil {
		var ae *annalist.Error
		if !errors.As(of.err, &ae) {
			of.err = annalist.Errorf(annalist.EINVALID, "%s: %v", p, of.err)
		}
	}
	return of, nil
}

// docID names a single-document file: its path as given.
func docID(p string) string {
	if p == "-" {
		return "stdin"
	}
	return strings.TrimSuffix(p, ".gz")
}

// Sniff guesses the kind of an input from its name and first bytes.
func Sniff(name string, br *bufio.Reader) string {
	n := strings.ToLower(name)
	switch {
	case strings.HasSuffix(n, ".jsonl") || strings.HasSuffix(n, ".ndjson"):
		return KindJSONL
	case strings.HasSuffix(n, ".html") || strings.HasSuffix(n, ".htm"):
		return KindHTML
	case strings.HasSuffix(n, ".xml"):
		return "petrarch-xml"
	}
	head, _ := br.Peek(512)
	t := strings.ToLower(strings.TrimSpace(string(head)))
	switch {
	case strings.HasPrefix(t, "<!doctype html") || strings.HasPrefix(t, "<html"):
		return KindHTML
	case strings.HasPrefix(t, "<"):
		return "petrarch-xml"
	case strings.HasPrefix(t, "{"):
		return KindJSONL
	}
	return KindText
}
