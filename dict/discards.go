package dict

import (
	"io"
	"strings"
)

// ReadDiscards reads a discard list (Phoenix.discards.txt). Each line is a
// phrase; a leading '+' discards the whole story rather than the sentence,
// and a trailing '_' requires the match to end at a word boundary
// (otherwise the last word is a stem). Words are separated by blanks or
// '_' and upper-cased. '#' starts a comment and "<!-- -->" lines are skipped.
//
// Every problem is returned as an *annalist.Error located at path:line:col
// and the rest of the file still loads. With opts.Strict the first problem
// stops reading and the result is nil. A failing r gives one EUNAVAILABLE error.
func ReadDiscards(r io.Reader, path string, opts Options) ([]*Discard, []error) {
	data, err := readAll(r, path)
	if err != nil {
		return nil, []error{err}
	}
	p := newParser(path, opts)
	ds := p.readDiscards(data)
	if p.failed() {
		return nil, p.errs
	}
	return ds, p.result()
}

func (p *parser) readDiscards(data string) []*Discard {
	var out []*Discard
	p.scanLines(data, func(n int, line string) error {
		body, _ := cutComment(line, false)
		t := strings.TrimLeft(body, " \t")
		if t == "" {
			return nil
		}
		col := len(body) - len(t) + 1
		d := &Discard{Path: p.path, Line: n, Text: t}
		if t[0] == '+' {
			d.Story = true
			t = t[1:]
			col++
		}
		elems, exact, err := p.tokenPhrase(t, n, col, modePlain)
		if err != nil {
			return err
		}
		if len(elems) == 0 {
			return p.errorf(n, col, "empty discard phrase")
		}
		d.Words = make([]string, len(elems))
		for i, e := range elems {
			d.Words[i] = e.Word
		}
		d.WordEnd = exact
		out = append(out, d)
		return nil
	})
	return out
}
