package dict

// This file holds what every reader shares: the options, the line scanner
// with its comment rules, error collection, and string interning.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// Options control how a dictionary file is read. The zero value reads
// leniently and detects the verb syntax from the content.
type Options struct {
	// Strict stops reading at the first problem: the reader then returns a
	// nil result and that one error. Otherwise every problem is reported and
	// the rest of the file still loads.
	Strict bool
	// Syntax forces the syntax of a verb dictionary; zero detects it (see DetectSyntax).
	Syntax Syntax

	// in interns words and codes across the files of one Load.
	in *interner
}

// errStop is returned by parser.errorf in strict mode to unwind a reader.
var errStop = errors.New("stop")

// parser carries the state every reader shares.
type parser struct {
	path   string
	strict bool
	errs   []error
	in     *interner
	// budget is the number of phrases expansions may still generate.
	budget int
}

func newParser(path string, opts Options) *parser {
	in := opts.in
	if in == nil {
		in = newInterner()
	}
	return &parser{path: path, strict: opts.Strict, in: in, budget: maxFileExpansions}
}

// spendOK takes n generated phrases from the file's budget. When the
// budget is exhausted it reports the line (once per line) and returns false;
// the error is errStop in strict mode.
func (p *parser) spendOK(n, line, col int) (bool, error) {
	if n <= p.budget {
		p.budget -= n
		return true, nil
	}
	return false, p.errorf(line, col, "expansions exceed the file's limit of %d generated phrases; line dropped", maxFileExpansions)
}

// errorf records a problem at line:col (1-based; col 0 means the whole
// line). It returns errStop in strict mode so the caller can unwind.
func (p *parser) errorf(line, col int, format string, args ...any) error {
	if line < 1 {
		line = 1
	}
	p.errs = append(p.errs, annalist.ErrorAt(p.path, line, col, format, args...))
	if p.strict {
		return errStop
	}
	return nil
}

// result returns the problems sorted by line and column (problems found
// after the whole file was read, such as unknown synsets, would otherwise
// come last).
func (p *parser) result() []error {
	sort.SliceStable(p.errs, func(i, j int) bool {
		a, b := p.errs[i].(*annalist.Error).Pos, p.errs[j].(*annalist.Error).Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
	return p.errs
}

// failed reports whether reading must stop (strict mode and a problem seen).
func (p *parser) failed() bool { return p.strict && len(p.errs) > 0 }

// readAll reads r completely; a read failure is an EUNAVAILABLE error located at the file.
func readAll(r io.Reader, path string) (string, error) {
	var buf bytes.Buffer
	if st, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if fi, err := st.Stat(); err == nil && fi.Size() > 0 && fi.Size() < 1<<30 {
			buf.Grow(int(fi.Size()) + bytes.MinRead)
		}
	}
	_, err := buf.ReadFrom(r)
	b := buf.Bytes()
	if err != nil {
		return "", &annalist.Error{Code: annalist.EUNAVAILABLE, Message: fmt.Sprintf("read dictionary: %v", err), Pos: &annalist.Position{Path: path}}
	}
	return string(b), nil
}

// scanLines calls fn for every line of data that is not inside an XML-style
// comment. Lines are numbered from 1 and passed without their line ending
// (LF or CRLF). A comment starts on a line whose first non-blank characters
// are "<!" and ends at the end of the line holding the next "-->". A
// comment that is never closed is reported and only its first line is
// skipped, so an unclosed comment cannot swallow the rest of the file.
// Invalid UTF-8 is reported once per line and the line is still passed on.
// fn returns errStop to end the scan.
func (p *parser) scanLines(data string, fn func(n int, line string) error) {
	n := 0
	for len(data) > 0 {
		n++
		i := strings.IndexByte(data, '\n')
		var line string
		if i < 0 {
			line, data = data, ""
		} else {
			line, data = data[:i], data[i+1:]
		}
		line = strings.TrimSuffix(line, "\r")
		if !utf8.ValidString(line) {
			col := 1
			for j := 0; j < len(line); {
				r, size := utf8.DecodeRuneInString(line[j:])
				if r == utf8.RuneError && size == 1 {
					col = j + 1
					break
				}
				j += size
			}
			if p.errorf(n, col, "invalid UTF-8 byte %#02x", line[col-1]) != nil {
				return
			}
		}
		t := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(t, "<!") {
			if strings.Contains(t, "-->") {
				continue
			}
			end := strings.Index(data, "-->")
			if end < 0 {
				if p.errorf(n, len(line)-len(t)+1, "unclosed <!-- comment") != nil {
					return
				}
				continue
			}
			// Skip to the end of the line holding "-->": it is line
			// n+1+k, where k counts the newlines before it in data.
			n += strings.Count(data[:end], "\n") + 1
			rest := data[end:]
			if j := strings.IndexByte(rest, '\n'); j >= 0 {
				data = rest[j+1:]
			} else {
				data = ""
			}
			continue
		}
		if fn(n, line) != nil {
			return
		}
	}
}

// cutComment splits a line at the first '#' (and, when semicolon is true,
// the first ';') that is not inside [..], so that codes such as "[###]"
// survive; if a '[' is never closed, the first '#' or ';' counts. It
// returns the body without trailing blanks and the comment text trimmed.
func cutComment(line string, semicolon bool) (body, comment string) {
	depth, first := 0, -1
	cut := -1
	for i := 0; i < len(line) && cut < 0; i++ {
		switch c := line[i]; c {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case '#', ';':
			if c == ';' && !semicolon {
				continue
			}
			if depth == 0 {
				cut = i
			} else if first < 0 {
				first = i
			}
		}
	}
	if cut < 0 && depth > 0 {
		cut = first
	}
	if cut < 0 {
		return strings.TrimRight(line, " \t"), ""
	}
	return strings.TrimRight(line[:cut], " \t"), strings.TrimSpace(line[cut+1:])
}

// isBlank reports whether s holds only blanks and tabs.
func isBlank(s string) bool { return strings.TrimLeft(s, " \t") == "" }

// interner returns one shared copy of equal strings, so the hundreds of
// thousands of repeated words and codes of a dictionary set cost one string each.
type interner struct {
	words map[string]string // as written -> upper case
	strs  map[string]string // as written
}

func newInterner() *interner {
	return &interner{words: make(map[string]string, 1<<14), strs: make(map[string]string, 1<<10)}
}

// word returns s upper-cased and interned.
func (in *interner) word(s string) string {
	if v, ok := in.words[s]; ok {
		return v
	}
	u := upper(s)
	if u != s {
		if v, ok := in.words[u]; ok {
			u = v
		} else {
			in.words[u] = u
		}
	}
	in.words[s] = u
	return u
}

// str returns s interned as written.
func (in *interner) str(s string) string {
	if v, ok := in.strs[s]; ok {
		return v
	}
	in.strs[s] = s
	return s
}

// upper is strings.ToUpper with a fast path for strings that have no lower-case ASCII and are all ASCII.
func upper(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || ('a' <= c && c <= 'z') {
			return strings.ToUpper(s)
		}
	}
	return s
}

// isBlankByte reports whether c separates tokens.
func isBlankByte(c byte) bool { return c == ' ' || c == '\t' }
