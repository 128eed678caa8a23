// Package petrxml reads PETRARCH XML: input files of <Sentence> records and validation files with expected codings.
//
// Each record is decoded on its own, so a broken record is reported with its
// line and column and the rest of the file still loads.
package petrxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/annalist/annalist"
)

// File is a parsed PETRARCH XML file.
type File struct {
	Path string
	// Env is the validation environment, nil for plain input files.
	Env *Environment
	// Items are the file's records, <Config> options and <Stop> markers in order.
	Items []Item
	// Errors lists the records that could not be read, located path:line:col.
	Errors []error
}

// Item is one top-level element of the file.
type Item struct {
	Record *Record
	Config *Config
	// Stop is true for a <Stop> element: validation ends here.
	Stop bool
	Line int
}

// Environment is a validation file's <Environment> block.
type Environment struct {
	Verbfile    string
	Actorfiles  []string
	Agentfile   string
	Discardfile string
	Issuefile   string
	Errorfile   string
	// Include and Exclude are category lists; an empty Include includes all.
	Include, Exclude []string
	// Configs are options set inside the environment.
	Configs []Config
	Line    int
}

// Config is a <Config option=".." value=".."> element.
type Config struct {
	Option, Value string
	Line          int
}

// Record is one <Sentence> record.
type Record struct {
	ID       string
	Date     string // YYYYMMDD as written
	Category string
	Source   string
	Place    string
	// Sentence is the record's sentence attribute ("true"/"false") as written.
	Sentence string
	Text     string
	Parse    string
	// Line is the line of the <Sentence tag; ParseLine that of the <Parse> text.
	Line, ParseLine int
	// Expected holds the validation codings; NoEvents and Error the other expectations.
	Expected []Coding
	NoEvents bool
	Error    string
}

// Coding is an expected event: source, target and CAMEO code as written.
type Coding struct {
	Source, Target, Code string
}

// String formats the coding as "SRC TGT CODE".
func (c Coding) String() string { return c.Source + " " + c.Target + " " + c.Code }

// Read parses a PETRARCH XML document. It fails only when r cannot be read;
// problems in single records are collected in File.Errors.
func Read(r io.Reader, path string) (*File, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, annalist.Errorf(annalist.EINVALID, "%s: %v", path, err)
	}
	f := &File{Path: path}
	sc := &scanner{data: data, path: path}
	for {
		start, name, ok := sc.nextTag()
		if !ok {
			break
		}
		line, col := sc.position(start)
		switch name {
		case "Sentence":
			end := bytes.Index(data[start:], []byte("</Sentence>"))
			if end < 0 {
				f.Errors = append(f.Errors, annalist.ErrorAt(path, line, col, "<Sentence> without </Sentence>"))
				sc.pos = len(data)
				continue
			}
			block := data[start : start+end+len("</Sentence>")]
			sc.pos = start + len(block)
			rec, err := decodeRecord(block, path, line, col, sc)
			if err != nil {
				f.Errors = append(f.Errors, err)
				continue
			}
			rec.Line = line
			f.Items = append(f.Items, Item{Record: rec, Line: line})
		case "Config":
			var c struct {
				Option string `xml:"option,attr"`
				Value  string `xml:"value,attr"`
			}
			block := sc.element(start, "Config")
			if err := xml.Unmarshal(block, &c); err != nil {
				f.Errors = append(f.Errors, xmlError(err, path, line, col))
				continue
			}
			f.Items = append(f.Items, Item{Config: &Config{Option: c.Option, Value: c.Value, Line: line}, Line: line})
		case "Stop":
			sc.element(start, "Stop")
			f.Items = append(f.Items, Item{Stop: true, Line: line})
		case "Environment":
			end := bytes.Index(data[start:], []byte("</Environment>"))
			if end < 0 {
				f.Errors = append(f.Errors, annalist.ErrorAt(path, line, col, "<Environment> without </Environment>"))
				sc.pos = len(data)
				continue
			}
			block := data[start : start+end+len("</Environment>")]
			sc.pos = start + len(block)
			env, err := decodeEnv(block, path, line, col, sc, start)
			if err != nil {
				f.Errors = append(f.Errors, err)
				continue
			}
			f.Env = env
		default:
			sc.pos = start + 1
		}
	}
	return f, nil
}

// scanner finds top-level tags, skipping comments.
type scanner struct {
	data []byte
	pos  int
	path string
	// lines holds the offsets of line starts, built lazily.
	lines []int
}

var topLevel = []string{"Sentence", "Config", "Stop", "Environment"}

// nextTag returns the offset and name of the next interesting opening tag.
func (s *scanner) nextTag() (int, string, bool) {
	for s.pos < len(s.data) {
		i := bytes.IndexByte(s.data[s.pos:], '<')
		if i < 0 {
			s.pos = len(s.data)
			return 0, "", false
		}
		at := s.pos + i
		rest := s.data[at:]
		if bytes.HasPrefix(rest, []byte("<!--")) {
			end := bytes.Index(rest, []byte("-->"))
			if end < 0 {
				s.pos = len(s.data)
				return 0, "", false
			}
			s.pos = at + end + 3
			continue
		}
		for _, name := range topLevel {
			if bytes.HasPrefix(rest[1:], []byte(name)) && len(rest) > len(name)+1 {
				c := rest[len(name)+1]
				if c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r' || c == '/' {
					s.pos = at
					return at, name, true
				}
			}
		}
		s.pos = at + 1
	}
	return 0, "", false
}

// element returns the bytes of a short element starting at start, ending at
// its closing tag or at the end of a self-closing tag, and advances past it.
func (s *scanner) element(start int, name string) []byte {
	rest := s.data[start:]
	gt := bytes.IndexByte(rest, '>')
	if gt < 0 {
		s.pos = len(s.data)
		return rest
	}
	if gt > 0 && rest[gt-1] == '/' {
		s.pos = start + gt + 1
		return rest[:gt+1]
	}
	closing := []byte("</" + name + ">")
	if end := bytes.Index(rest, closing); end >= 0 {
		s.pos = start + end + len(closing)
		return rest[:end+len(closing)]
	}
	s.pos = start + gt + 1
	return append(append([]byte(nil), rest[:gt+1]...), closing...)
}

// position converts a byte offset to a 1-based line and column.
func (s *scanner) position(off int) (int, int) {
	if s.lines == nil {
		s.lines = []int{0}
		for i, b := range s.data {
			if b == '\n' {
				s.lines = append(s.lines, i+1)
			}
		}
	}
	lo, hi := 0, len(s.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if s.lines[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1, off - s.lines[lo] + 1
}

type xmlCoding struct {
	Source   string `xml:"sourcecode,attr"`
	Target   string `xml:"targetcode,attr"`
	Code     string `xml:"eventcode,attr"`
	NoEvents string `xml:"noevents,attr"`
	Error    string `xml:"error,attr"`
}

type xmlRecord struct {
	Date     string      `xml:"date,attr"`
	ID       string      `xml:"id,attr"`
	Category string      `xml:"category,attr"`
	Source   string      `xml:"source,attr"`
	Place    string      `xml:"place,attr"`
	Sentence string      `xml:"sentence,attr"`
	Text     string      `xml:"Text"`
	Parse    string      `xml:"Parse"`
	Codings  []xmlCoding `xml:"EventCoding"`
}

func decodeRecord(block []byte, path string, line, col int, sc *scanner) (*Record, error) {
	var x xmlRecord
	d := xml.NewDecoder(bytes.NewReader(block))
	if err := d.Decode(&x); err != nil {
		l, c := d.InputPos()
		if l == 1 {
			c += col - 1
		}
		return nil, annalist.ErrorAt(path, line+l-1, c, "broken XML record: %s", xmlMessage(err))
	}
	rec := &Record{
		ID: strings.TrimSpace(x.ID), Date: strings.TrimSpace(x.Date), Category: strings.TrimSpace(x.Category),
		Source: strings.TrimSpace(x.Source), Place: strings.TrimSpace(x.Place), Sentence: strings.TrimSpace(x.Sentence),
		Text: strings.Join(strings.Fields(x.Text), " "), Parse: x.Parse,
	}
	if i := bytes.Index(block, []byte("<Parse>")); i >= 0 {
		l, _ := sc.position(sc.pos - len(block) + i + len("<Parse>"))
		rec.ParseLine = l
	}
	for _, c := range x.Codings {
		switch {
		case strings.EqualFold(strings.TrimSpace(c.NoEvents), "true"):
			rec.NoEvents = true
		case c.Error != "":
			rec.Error = strings.TrimSpace(c.Error)
		default:
			rec.Expected = append(rec.Expected, Coding{Source: strings.TrimSpace(c.Source), Target: strings.TrimSpace(c.Target), Code: strings.TrimSpace(c.Code)})
		}
	}
	if rec.ID == "" {
		return nil, annalist.ErrorAt(path, line, 1, "<Sentence> record without an id")
	}
	return rec, nil
}

func decodeEnv(block []byte, path string, line, col int, sc *scanner, start int) (*Environment, error) {
	var x struct {
		Verbfile    string   `xml:"Verbfile"`
		Actorfile   []string `xml:"Actorfile"`
		Agentfile   string   `xml:"Agentfile"`
		Discardfile string   `xml:"Discardfile"`
		Issuefile   string   `xml:"Issuefile"`
		Errorfile   string   `xml:"Errorfile"`
		Include     string   `xml:"Include"`
		Exclude     string   `xml:"Exclude"`
		Configs     []struct {
			Option string `xml:"option,attr"`
			Value  string `xml:"value,attr"`
		} `xml:"Config"`
	}
	if err := xml.Unmarshal(block, &x); err != nil {
		return nil, xmlError(err, path, line, col)
	}
	env := &Environment{
		Verbfile: strings.TrimSpace(x.Verbfile), Agentfile: strings.TrimSpace(x.Agentfile),
		Discardfile: strings.TrimSpace(x.Discardfile), Issuefile: strings.TrimSpace(x.Issuefile),
		Errorfile: strings.TrimSpace(x.Errorfile), Include: strings.Fields(x.Include), Exclude: strings.Fields(x.Exclude),
		Line: line,
	}
	for _, a := range x.Actorfile {
		for _, f := range strings.Split(a, ",") {
			if f = strings.TrimSpace(f); f != "" {
				env.Actorfiles = append(env.Actorfiles, f)
			}
		}
	}
	for _, c := range x.Configs {
		env.Configs = append(env.Configs, Config{Option: c.Option, Value: c.Value, Line: line})
	}
	return env, nil
}

// xmlError locates an encoding/xml error within an element starting at line.
func xmlError(err error, path string, line, col int) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return annalist.ErrorAt(path, line+se.Line-1, 0, "broken XML: %s", se.Msg)
	}
	return annalist.ErrorAt(path, line, col, "broken XML: %v", err)
}

// xmlMessage returns an encoding/xml error's message without its own line prefix.
func xmlMessage(err error) string {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		return se.Msg
	}
	return err.Error()
}

// Included reports whether a record's category passes the environment's Include/Exclude lists.
func (e *Environment) Included(category string) bool {
	if e == nil {
		return true
	}
	for _, x := range e.Exclude {
		if x == category {
			return false
		}
	}
	if len(e.Include) == 0 {
		return true
	}
	for _, x := range e.Include {
		if x == category {
			return true
		}
	}
	return false
}

// Summary returns a one-line description of the file for messages.
func (f *File) Summary() string {
	n := 0
	for _, it := range f.Items {
		if it.Record != nil {
			n++
		}
	}
	return fmt.Sprintf("%s: %d records, %d unreadable", f.Path, n, len(f.Errors))
}
