package cameo

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/annalist/annalist"
)

// readCodes parses the codes CSV into a codebook without PLOVER fields or search index.
func readCodes(r io.Reader, name string) (*Codebook, error) {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err == io.EOF {
		return nil, annalist.ErrorAt(name, 1, 0, "empty file: want a header row naming the columns code, name, goldstein")
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))
		if _, dup := col[h]; !dup {
			col[h] = i
		}
	}
	for _, need := range []string{"code", "name", "goldstein"} {
		if _, ok := col[need]; !ok {
			return nil, annalist.ErrorAt(name, 1, 0, "header has no %q column", need)
		}
	}
	cb := &Codebook{index: map[string]int{}}
	lines := map[string]int{} // code → line, for duplicate messages
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		// field returns the cleaned text of a column and its position.
		field := func(c string) (string, int, int) {
			i, ok := col[c]
			if !ok {
				return "", 0, 0
			}
			line, column := cr.FieldPos(i)
			s := strings.TrimSpace(repairText(rec[i]))
			if s == "NA" {
				s = ""
			}
			return s, line, column
		}
		code, line, ccol := field("code")
		if len(code) < 2 || len(code) > 4 || !isDigits(code) {
			return nil, annalist.ErrorAt(name, line, ccol, "bad code %q: want 2 to 4 digits", code)
		}
		if first, dup := lines[code]; dup {
			return nil, annalist.ErrorAt(name, line, ccol, "duplicate code %s (first on line %d)", code, first)
		}
		root := code[:2]
		quad, ok := QuadClassOf(root)
		if !ok {
			return nil, annalist.ErrorAt(name, line, ccol, "code %s: %s is not a CAMEO root (01 to 20)", code, root)
		}
		parent := ""
		if len(code) > 2 {
			parent = code[:len(code)-1]
			if _, ok := cb.index[parent]; !ok {
				return nil, annalist.ErrorAt(name, line, ccol, "code %s: its parent %s is not defined above it", code, parent)
			}
		}
		if rc, l, c := field("root_code"); rc != "" && rc != root {
			return nil, annalist.ErrorAt(name, l, c, "code %s: root_code %q, want %q", code, rc, root)
		}
		label, l, c := field("name")
		if label == "" {
			return nil, annalist.ErrorAt(name, l, c, "code %s has no name", code)
		}
		gs, l, c := field("goldstein")
		g, err := parseGoldstein(gs)
		if err != nil {
			return nil, annalist.ErrorAt(name, l, c, "code %s: %v", code, err)
		}
		desc, _, _ := field("description")
		usage, _, _ := field("usage_notes")
		example, _, _ := field("example")
		lines[code] = line
		cb.index[code] = len(cb.entries)
		cb.entries = append(cb.entries, Entry{
			Code:        code,
			Parent:      parent,
			Root:        root,
			Name:        label,
			Description: desc,
			UsageNotes:  usage,
			Example:     example,
			Goldstein:   g,
			QuadClass:   quad,
		})
	}
	if len(cb.entries) == 0 {
		return nil, annalist.ErrorAt(name, 0, 0, "no codes")
	}
	return cb, nil
}

// parseGoldstein parses a Goldstein score and checks it is in [-10, 10].
func parseGoldstein(s string) (float64, error) {
	g, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(g) {
		return 0, fmt.Errorf("bad Goldstein score %q", s)
	}
	if g < -10 || g > 10 {
		return 0, fmt.Errorf("Goldstein score %s is outside [-10, 10]", s)
	}
	return g, nil
}

// csvError turns a CSV error into a located *annalist.Error, or wraps a reader error.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return annalist.ErrorAt(name, pe.Line, pe.Column, "%v", pe.Err)
	}
	return fmt.Errorf("cameo: reading %s: %w", name, err)
}

// lineScanner reads lines of up to 1 MiB, counting them.
type lineScanner struct {
	s    *bufio.Scanner
	name string
	line int
}

func newLineScanner(r io.Reader, name string) *lineScanner {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 4<<10), 1<<20)
	return &lineScanner{s: s, name: name}
}

func (ls *lineScanner) scan() bool {
	if ls.s.Scan() {
		ls.line++
		return true
	}
	return false
}

func (ls *lineScanner) err() error {
	err := ls.s.Err()
	if err == nil {
		return nil
	}
	if errors.Is(err, bufio.ErrTooLong) {
		return annalist.ErrorAt(ls.name, ls.line+1, 0, "line longer than 1 MiB")
	}
	return fmt.Errorf("cameo: reading %s: %w", ls.name, err)
}

// stripComment cuts a line at its first '#'.
func stripComment(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		return line[:i]
	}
	return line
}

// readGoldstein applies "CODE VALUE" override lines to the codebook.
func readGoldstein(cb *Codebook, r io.Reader, name string) error {
	ls := newLineScanner(r, name)
	seen := map[string]int{}
	for ls.scan() {
		text := stripComment(ls.s.Text())
		f := strings.Fields(text)
		if len(f) == 0 {
			continue
		}
		ccol := strings.Index(text, f[0]) + 1
		if len(f) != 2 {
			return annalist.ErrorAt(name, ls.line, ccol, "want CODE VALUE, got %d fields", len(f))
		}
		i, ok := cb.index[f[0]]
		if !ok {
			return annalist.ErrorAt(name, ls.line, ccol, "code %q is not in the codebook", f[0])
		}
		if first, dup := seen[f[0]]; dup {
			return annalist.ErrorAt(name, ls.line, ccol, "duplicate override for %s (first on line %d)", f[0], first)
		}
		seen[f[0]] = ls.line
		g, err := parseGoldstein(f[1])
		if err != nil {
			return annalist.ErrorAt(name, ls.line, ccol+len(f[0])+strings.Index(text[ccol-1+len(f[0]):], f[1]), "code %s: %v", f[0], err)
		}
		cb.entries[i].Goldstein = g
	}
	return ls.err()
}

// ploverTypes are the event types of the PLOVER manual, draft 0.8.
var ploverTypes = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true,
	"COOPERATE": true, "AID": true, "RETREAT": true,
	"REQUEST": true, "ACCUSE": true, "REJECT": true, "THREATEN": true,
	"PROTEST": true, "SANCTION": true, "MOBILIZE": true, "COERCE": true, "ASSAULT": true,
}

// ploverMapping is one line of the CAMEO→PLOVER table.
type ploverMapping struct {
	Type, Mode, Context string
	Line                int
}

// readPLOVER parses a CAMEO→PLOVER table: "CODE: TYPE, MODE, CONTEXT # comment"
// lines; two-digit codes are section headers naming the root's type (the first
// header of a root wins); a line of tildes ends the table.
func readPLOVER(r io.Reader, name string) (map[string]ploverMapping, error) {
	ls := newLineScanner(r, name)
	out := map[string]ploverMapping{}
	for ls.scan() {
		text := stripComment(ls.s.Text())
		trimmed := strings.TrimSpace(text)
		if trimmed == "" {
			continue
		}
		if strings.HasPrefix(trimmed, "~~") {
			break
		}
		colon := strings.IndexByte(text, ':')
		if colon < 0 {
			return nil, annalist.ErrorAt(name, ls.line, 1, "want CODE: TYPE, MODE, CONTEXT")
		}
		code := strings.TrimSpace(text[:colon])
		ccol := strings.Index(text, trimmed) + 1
		if len(code) < 2 || len(code) > 4 || !isDigits(code) {
			return nil, annalist.ErrorAt(name, ls.line, ccol, "bad code %q: want 2 to 4 digits", code)
		}
		// Split the fields, remembering where each starts for error columns.
		var fields []string
		var cols []int
		start := colon + 1
		for i := start; i <= len(text); i++ {
			if i == len(text) || text[i] == ',' {
				f := text[start:i]
				fields = append(fields, strings.TrimSpace(f))
				cols = append(cols, start+len(f)-len(strings.TrimLeft(f, " \t"))+1)
				start = i + 1
			}
		}
		if len(fields) > 3 {
			return nil, annalist.ErrorAt(name, ls.line, cols[3], "code %s: %d fields, want TYPE, MODE, CONTEXT", code, len(fields))
		}
		for len(fields) < 3 {
			fields = append(fields, "")
			cols = append(cols, len(text)+1)
		}
		m := ploverMapping{Type: fields[0], Mode: fields[1], Line: ls.line}
		if !ploverTypes[m.Type] {
			return nil, annalist.ErrorAt(name, ls.line, cols[0], "code %s: %q is not a PLOVER event type", code, m.Type)
		}
		if !isToken(m.Mode) {
			return nil, annalist.ErrorAt(name, ls.line, cols[1], "code %s: bad mode %q", code, m.Mode)
		}
		if fields[2] != "" {
			var ctx []string
			for _, c := range strings.Split(fields[2], ";") {
				c = strings.TrimSpace(c)
				if c == "" || !isToken(c) {
					return nil, annalist.ErrorAt(name, ls.line, cols[2], "code %s: bad context %q", code, fields[2])
				}
				ctx = append(ctx, c)
			}
			m.Context = strings.Join(ctx, ";")
		}
		prev, dup := out[code]
		switch {
		case !dup:
			out[code] = m
		case len(code) == 2:
			// A later header for the same root (08 is split into CONCEDE and
			// RETREAT) starts a new section but does not change the root.
		case prev.Type != m.Type || prev.Mode != m.Mode || prev.Context != m.Context:
			return nil, annalist.ErrorAt(name, ls.line, ccol, "code %s: mapping %s/%s/%s conflicts with line %d (%s/%s/%s)",
				code, m.Type, m.Mode, m.Context, prev.Line, prev.Type, prev.Mode, prev.Context)
		}
	}
	if err := ls.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// isToken reports whether s is empty or made of lower-case ASCII letters, digits, '_' and '-'.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// applyPLOVER sets the PLOVER fields of every entry: from its own line, or
// else from its nearest ancestor's (parent, then root header). Codes with no
// mapping up the tree keep empty PLOVER fields.
func applyPLOVER(cb *Codebook, m map[string]ploverMapping) {
	for i := range cb.entries {
		e := &cb.entries[i]
		for n := len(e.Code); n >= 2; n-- {
			if p, ok := m[e.Code[:n]]; ok {
				e.PLOVER, e.Mode, e.Context = p.Type, p.Mode, p.Context
				break
			}
		}
	}
}
