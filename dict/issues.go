package dict

import (
	"io"
	"strings"
)

// ReadIssues reads an issues dictionary (Phoenix.IssueCoding.txt). Entries
// "phrase [CODE]" sit in <ISSUE CATEGORY=".." TYPE=".."> ... </ISSUE>
// sections; "~phrase" and "~~phrase" are ignore entries. Within a phrase,
// "n:word" expands to the singular and plural, "v:word" to the regular verb
// forms (S, ED, ING), and "a+b" to "a b" and "a-b" (all joins of one token
// alike). '_' separates words like a blank. '#' starts a comment.
//
// An entry without a code inside a section takes the section's category as
// its code (TYPE="COUNTEVENT" sections are written that way); outside a
// section it is reported and dropped. Every problem is returned as an
// *annalist.Error located at path:line:col and the rest of the file still
// loads. With opts.Strict the first problem stops reading and the result
// is nil. A failing r gives one EUNAVAILABLE error.
func ReadIssues(r io.Reader, path string, opts Options) ([]*IssueEntry, []error) {
	data, err := readAll(r, path)
	if err != nil {
		return nil, []error{err}
	}
	p := newParser(path, opts)
	out := p.readIssues(data)
	if p.failed() {
		return nil, p.errs
	}
	return out, p.result()
}

func (p *parser) readIssues(data string) []*IssueEntry {
	var out []*IssueEntry
	var category, typ string
	open, openLine := false, 0
	p.scanLines(data, func(n int, line string) error {
		body, _ := cutComment(line, false)
		t := strings.TrimLeft(body, " \t")
		if t == "" {
			return nil
		}
		col := len(body) - len(t) + 1
		if t[0] == '<' {
			switch {
			case strings.HasPrefix(t, "</ISSUE"):
				if !open {
					return p.errorf(n, col, "</ISSUE> without an open <ISSUE> section")
				}
				open, category, typ = false, "", ""
				return nil
			case strings.HasPrefix(t, "<ISSUE"):
				if open {
					if err := p.errorf(n, col, "<ISSUE> section opened on line %d is not closed", openLine); err != nil {
						return err
					}
				}
				if !strings.HasSuffix(t, ">") {
					return p.errorf(n, col+len(t)-1, "<ISSUE tag not closed with >")
				}
				category, typ = attr(t, "CATEGORY"), attr(t, "TYPE")
				if category == "" {
					if err := p.errorf(n, col, "<ISSUE> without CATEGORY"); err != nil {
						return err
					}
				}
				category, typ = p.in.str(category), p.in.str(typ)
				open, openLine = true, n
				return nil
			}
			return p.errorf(n, col, "unknown tag %q", t)
		}
		e := &IssueEntry{Path: p.path, Line: n, Text: t, Category: category, Type: typ}
		for t != "" && t[0] == '~' {
			e.Ignore = true
			e.IgnoreLevel++
			t = t[1:]
			col++
		}
		if e.IgnoreLevel > 2 {
			if err := p.errorf(n, col-1, "more than two ~"); err != nil {
				return err
			}
		}
		text := t
		hasCode := false
		if i := strings.IndexByte(t, '['); i >= 0 {
			text = t[:i]
			j := strings.IndexByte(t[i:], ']')
			if j < 0 {
				return p.errorf(n, col+i, "unbalanced [: missing ]")
			}
			code := strings.TrimSpace(t[i+1 : i+j])
			if code == "" || strings.ContainsAny(code, " \t") {
				return p.errorf(n, col+i+1, "bad issue code %q", code)
			}
			hasCode = true
			if rest := strings.TrimSpace(t[i+j+1:]); rest != "" {
				if err := p.errorf(n, col+i+j+1+strings.Index(t[i+j+1:], rest), "unexpected text %q after code", rest); err != nil {
					return err
				}
			}
			if e.Ignore {
				if err := p.errorf(n, col+i, "ignore entry with a code; the code is not used"); err != nil {
					return err
				}
			} else {
				e.Code = p.in.str(code)
			}
		}
		if !hasCode && !e.Ignore {
			if !open || category == "" {
				return p.errorf(n, col, "issue entry without [code] outside an <ISSUE> section")
			}
			e.Code = category
		}
		phrases, err := p.issuePhrases(text, n, col)
		if err != nil || phrases == nil {
			return err
		}
		e.Phrases = phrases
		out = append(out, e)
		return nil
	})
	if open && !p.failed() {
		p.errorf(openLine, 1, "<ISSUE> section not closed before end of file")
	}
	return out
}

// attr returns the value of name="value" in a tag, or "".
func attr(tag, name string) string {
	i := strings.Index(tag, name+"=")
	if i < 0 {
		return ""
	}
	v := tag[i+len(name)+1:]
	if len(v) == 0 || (v[0] != '"' && v[0] != '\'') {
		return ""
	}
	q := v[0]
	j := strings.IndexByte(v[1:], q)
	if j < 0 {
		return ""
	}
	return v[1 : j+1]
}

// issuePhrases expands the phrase text starting at column col. It returns
// nil (and a nil error) when the entry must be dropped.
func (p *parser) issuePhrases(s string, line, col int) ([][]string, error) {
	var alts [][][]string // per token, its alternatives (each a run of words)
	total := 1
	for i := 0; i < len(s); {
		if isSep(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isSep(s[j]) {
			j++
		}
		tok := s[i:j]
		a, msg, off := p.issueToken(tok)
		if msg != "" {
			if err := p.errorf(line, col+i+off, "%s", msg); err != nil {
				return nil, err
			}
		}
		if a == nil {
			return nil, nil
		}
		alts = append(alts, a)
		total *= len(a)
		if total > maxExpansions {
			return nil, p.errorf(line, col+i, "expansions give more than %d phrases", maxExpansions)
		}
		i = j
	}
	if len(alts) == 0 {
		return nil, p.errorf(line, col, "empty issue phrase")
	}
	if ok, err := p.spendOK(total, line, col); !ok {
		return nil, err
	}
	out := make([][]string, 0, total)
	idx := make([]int, len(alts))
	for {
		var words []string
		for i, a := range alts {
			words = append(words, a[idx[i]]...)
		}
		out = append(out, words)
		k := len(idx) - 1
		for k >= 0 {
			idx[k]++
			if idx[k] < len(alts[k]) {
				break
			}
			idx[k] = 0
			k--
		}
		if k < 0 {
			return out, nil
		}
	}
}

// issueToken expands one blank-delimited token. A problem is returned as a
// message with the byte offset in tok; the alternatives are nil only when
// the token is unusable.
func (p *parser) issueToken(tok string) (alts [][]string, msg string, off int) {
	parts := strings.Split(tok, "+")
	forms := make([][]string, len(parts))
	pos := 0
	for i, part := range parts {
		if part == "" {
			at := pos // the '+' after a leading empty part
			if i > 0 {
				at = pos - 1 // the '+' before it
			}
			return nil, "empty part around + in " + tok, at
		}
		w := part
		kind := byte(0)
		if len(w) >= 2 && w[1] == ':' && isLetter(w[0]) {
			kind = w[0] | 0x20
			w = w[2:]
			if w == "" {
				return nil, "nothing after " + part, pos
			}
			if kind != 'n' && kind != 'v' && msg == "" {
				msg, off = "unknown expansion "+part[:2]+" (want n: or v:); read as a plain word", pos
			}
		}
		w = p.in.word(w)
		forms[i] = []string{w}
		switch kind {
		case 'n':
			if pl := plural(w); pl != "" {
				forms[i] = append(forms[i], p.in.word(pl))
			}
		case 'v':
			for _, f := range verbForms(w) {
				forms[i] = append(forms[i], p.in.word(f))
			}
		}
		pos += len(part) + 1
	}
	if len(parts) == 1 {
		for _, f := range forms[0] {
			alts = append(alts, []string{f})
		}
		return alts, msg, off
	}
	// Cartesian product of the parts' forms, joined by ' ' (separate words) or '-'.
	combos := [][]string{{}}
	for _, fs := range forms {
		next := make([][]string, 0, len(combos)*len(fs))
		for _, c := range combos {
			for _, f := range fs {
				next = append(next, append(c[:len(c):len(c)], f))
			}
		}
		if len(next) > maxExpansions {
			return nil, "expansions give too many phrases", 0
		}
		combos = next
	}
	for _, c := range combos {
		alts = append(alts, c)
	}
	for _, c := range combos {
		alts = append(alts, []string{p.in.word(strings.Join(c, "-"))})
	}
	return alts, msg, off
}
