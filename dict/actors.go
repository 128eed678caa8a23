package dict

import (
	"io"
	"strconv"
	"strings"
)

// ReadActors reads an actors dictionary (Phoenix.*.actors.txt,
// PETR.Validate.actors.txt). path names the file in errors and in each
// Actor. A record is a primary phrase line with optional codes, then
// optional "+" synonym lines, then optional indented "[CODE restriction]"
// lines; several bracketed codes may share a line. '#' and ';' start
// comments, and "<!-- -->" lines are skipped.
//
// Every problem is returned as an *annalist.Error located at path:line:col
// and the rest of the file still loads; a bad restriction is dropped, not
// the record. With opts.Strict the first problem stops reading and the
// result is nil. A failing r gives one EUNAVAILABLE error.
func ReadActors(r io.Reader, path string, opts Options) ([]*Actor, []error) {
	data, err := readAll(r, path)
	if err != nil {
		return nil, []error{err}
	}
	p := newParser(path, opts)
	actors := p.readActors(data)
	if p.failed() {
		return nil, p.errs
	}
	return actors, p.result()
}

func (p *parser) readActors(data string) []*Actor {
	ar := actorReader{parser: p}
	p.scanLines(data, ar.line)
	return ar.actors
}

// actorReader holds the state of one ReadActors.
type actorReader struct {
	*parser
	actors []*Actor
	cur    *Actor
	// skipping is true after a primary line that could not be read: its
	// synonyms and restrictions are dropped without further reports.
	skipping bool
}

func (ar *actorReader) line(n int, line string) error {
	body, _ := cutComment(line, true)
	if isBlank(body) {
		return nil
	}
	switch body[0] {
	case ' ', '\t':
		// Restriction line: indented "[CODE restriction]" groups.
		t := strings.TrimLeft(body, " \t")
		col := len(body) - len(t) + 1
		if t[0] != '[' {
			if err := ar.errorf(n, col, "indented line is not a [CODE restriction]; read as a new actor"); err != nil {
				return err
			}
			return ar.primary(n, t, col)
		}
		if ar.cur == nil {
			if ar.skipping {
				return nil
			}
			return ar.errorf(n, col, "date restriction before any actor")
		}
		return ar.actorCodes(ar.cur, t, n, col)
	case '+':
		if ar.cur == nil {
			if ar.skipping {
				return nil
			}
			return ar.errorf(n, 1, "synonym before any actor")
		}
		text, codes := body[1:], ""
		if i := strings.IndexByte(text, '['); i >= 0 {
			text, codes = text[:i], text[i:]
		}
		ph, err := ar.phrase(text, n, 2)
		if err != nil {
			return err
		}
		if len(ph.Elems) == 0 {
			return ar.errorf(n, 1, "empty synonym")
		}
		ar.cur.Phrases = append(ar.cur.Phrases, ph)
		if codes != "" {
			col := len(body) - len(codes) + 1
			if err := ar.errorf(n, col, "code on a synonym line; it applies to the whole record"); err != nil {
				return err
			}
			return ar.actorCodes(ar.cur, codes, n, col)
		}
		return nil
	}
	return ar.primary(n, body, 1)
}

// primary starts a record from a primary phrase line; s starts at column col.
func (ar *actorReader) primary(n int, s string, col int) error {
	text, codes := s, ""
	if i := strings.IndexByte(s, '['); i >= 0 {
		text, codes = s[:i], s[i:]
	}
	ph, err := ar.phrase(text, n, col)
	if err != nil {
		return err
	}
	if len(ph.Elems) == 0 {
		ar.cur, ar.skipping = nil, true
		return ar.errorf(n, col, "code without an actor phrase")
	}
	ar.skipping = false
	ar.cur = &Actor{Path: ar.path, Line: n, Root: joinWords(ph.Elems, " "), Phrases: []Phrase{ph}}
	ar.actors = append(ar.actors, ar.cur)
	if codes != "" {
		return ar.actorCodes(ar.cur, codes, n, col+len(text))
	}
	return nil
}

// phrase tokenises an actor or agent phrase starting at column col.
func (p *parser) phrase(s string, line, col int) (Phrase, error) {
	elems, exact, err := p.tokenPhrase(s, line, col, modePlain)
	return Phrase{Elems: elems, Exact: exact, Line: line}, err
}

// actorCodes reads one or more "[CODE restriction]" groups from s, which
// starts at column col, and appends them to a.
func (p *parser) actorCodes(a *Actor, s string, line, col int) error {
	i := 0
	for i < len(s) {
		c := s[i]
		if isBlankByte(c) {
			i++
			continue
		}
		if c != '[' {
			return p.errorf(line, col+i, "unexpected text %q after code", strings.TrimSpace(s[i:]))
		}
		end := strings.IndexByte(s[i:], ']')
		if end < 0 {
			return p.errorf(line, col+i, "unbalanced [: missing ]")
		}
		inner := s[i+1 : i+end]
		if dc, msg, off := p.datedCode(inner); msg != "" {
			if err := p.errorf(line, col+i+1+off, "%s", msg); err != nil {
				return err
			}
		} else {
			dc.Line = line
			a.Codes = append(a.Codes, dc)
		}
		i += end + 1
	}
	return nil
}

// datedCode parses the inside of "[CODE restriction]". On failure it
// returns a message and the byte offset of the problem within s.
func (p *parser) datedCode(s string) (dc DatedCode, msg string, off int) {
	t := strings.TrimLeft(s, " \t")
	lead := len(s) - len(t)
	t = strings.TrimRight(t, " \t")
	if t == "" {
		return dc, "empty code []", 0
	}
	code, rest := t, ""
	if i := strings.IndexAny(t, " \t"); i >= 0 {
		code, rest = t[:i], strings.TrimSpace(t[i:])
	}
	if c := code[0]; c == '<' || c == '>' || ('0' <= c && c <= '9' && looksLikeDate(code)) {
		return dc, "date restriction without code", lead
	}
	dc.Code = p.in.str(code)
	if rest == "" {
		return dc, "", 0
	}
	roff := lead + strings.Index(t, rest)
	var err string
	switch rest[0] {
	case '<':
		dc.Kind = DateBefore
		dc.From, err = parseDate(strings.TrimSpace(rest[1:]))
	case '>':
		dc.Kind = DateAfter
		dc.From, err = parseDate(strings.TrimSpace(rest[1:]))
	default:
		a, b, ok := strings.Cut(rest, "-")
		if !ok {
			return dc, "date restriction without <, > or -: " + strconv.Quote(rest), roff
		}
		dc.Kind = DateBetween
		if dc.From, err = parseDate(strings.TrimSpace(a)); err == "" {
			dc.To, err = parseDate(strings.TrimSpace(b))
		}
	}
	if err != "" {
		return DatedCode{}, err + " in restriction " + strconv.Quote(rest), roff
	}
	return dc, "", 0
}

// looksLikeDate reports whether s starts with six digits (a date or a range).
func looksLikeDate(s string) bool {
	if len(s) < 6 {
		return false
	}
	for i := 0; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseDate reads a YYYYMMDD or YYMMDD date as a YYYYMMDD integer; YY < 30
// is 20YY, otherwise 19YY. The calendar is not checked here (Check reports
// impossible dates). On failure it returns a message.
func parseDate(s string) (int, string) {
	if s == "" {
		return 0, "missing date"
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, "bad date " + strconv.Quote(s)
		}
	}
	v, _ := strconv.Atoi(s)
	switch len(s) {
	case 8:
		return v, ""
	case 6:
		if yy := v / 10000; yy < 30 {
			return v + 20000000, ""
		}
		return v + 19000000, ""
	}
	return 0, "date " + strconv.Quote(s) + " has " + strconv.Itoa(len(s)) + " digits, want YYMMDD or YYYYMMDD"
}

// Holds reports whether the restriction covers date (YYYYMMDD); limits are
// inclusive ("or equal to"). A DateAny code holds at every date.
func (d DatedCode) Holds(date int) bool {
	switch d.Kind {
	case DateBefore:
		return date <= d.From
	case DateAfter:
		return date >= d.From
	case DateBetween:
		return d.From <= date && date <= d.To
	}
	return true
}

// CodeAt returns the actor's code at date, a YYYYMMDD integer. The first
// date restriction in file order that holds wins, so an earlier, narrower
// restriction overrides a later, wider one (the validation suite's
// SAM_GAMGEE: [ORCHOB 20100109-20100112] before [HOBMIL 20080120-20121109]);
// if none holds, the first undated code applies (on the primary line or
// indented, in file order). A date of 0 or less means "unknown": only
// undated codes apply. ok is false when no code applies, which the
// dictionaries treat as a null code.
func (a *Actor) CodeAt(date int) (code string, ok bool) {
	if date > 0 {
		for _, c := range a.Codes {
			if c.Kind != DateAny && c.Holds(date) {
				return c.Code, true
			}
		}
	}
	for _, c := range a.Codes {
		if c.Kind == DateAny {
			return c.Code, true
		}
	}
	return "", false
}
