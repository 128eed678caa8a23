package dict

import (
	"io"
	"strconv"
	"strings"
)

// AgentDict is a parsed agents dictionary.
type AgentDict struct {
	Agents []*Agent
	// Subst maps a substitution marker as written ("!PERSON!") to its words
	// ("MAN", "MEN", ...), upper case, blanks removed.
	Subst map[string][]string
}

// maxExpansions bounds the phrases one agent or issue line may expand to
// (the shipped files need at most 20), and maxFileExpansions those of a
// whole file (they generate about 5,000), so that a small hostile file
// cannot make the reader build millions of phrases.
const (
	maxExpansions     = 1024
	maxFileExpansions = 1 << 16
)

// ReadAgents reads an agents dictionary (Phoenix.agents.txt). Lines are
// "phrase {plural} [~CODE]" (or "[CODE~]" for a prefix code) and
// substitution sets "!NAME! = A, B, C"; a marker may be used anywhere in a
// phrase ("CONGRESS!PERSON!", "!MINIST!_OF_DEFENCE") and may be defined
// anywhere in the file. '#' starts a comment and "<!-- -->" lines are skipped.
//
// Every problem is returned as an *annalist.Error located at path:line:col
// and the rest of the file still loads. A line without a usable code or
// with an unknown marker is dropped; "[~CODE}" is reported and read as
// "[~CODE]". With opts.Strict the first problem stops reading and the
// result is nil. A failing r gives one EUNAVAILABLE error.
func ReadAgents(r io.Reader, path string, opts Options) (*AgentDict, []error) {
	data, err := readAll(r, path)
	if err != nil {
		return nil, []error{err}
	}
	p := newParser(path, opts)
	d := p.readAgents(data)
	if p.failed() {
		return nil, p.errs
	}
	return d, p.result()
}

// pendingAgent is an agent line whose phrase uses markers, expanded once
// every substitution set is known.
type pendingAgent struct {
	a      *Agent
	phrase Phrase
}

func (p *parser) readAgents(data string) *AgentDict {
	d := &AgentDict{Subst: map[string][]string{}}
	substLine := map[string]int{}
	var pending []pendingAgent
	p.scanLines(data, func(n int, line string) error {
		body, _ := cutComment(line, false)
		if isBlank(body) {
			return nil
		}
		t := strings.TrimLeft(body, " \t")
		lead := len(body) - len(t)
		if t[0] == '!' {
			if name, rest, ok := cutMarker(t); ok {
				if r := strings.TrimLeft(rest, " \t"); strings.HasPrefix(r, "=") {
					return p.substDef(d, substLine, name, r[1:], n, lead+len(t)-len(r)+2)
				}
			}
		}
		a, ph, err := p.agentLine(t, n, lead+1)
		if err != nil || a == nil {
			return err
		}
		if strings.IndexByte(a.Text, '!') >= 0 {
			pending = append(pending, pendingAgent{a, ph})
		}
		d.Agents = append(d.Agents, a)
		return nil
	})
	if p.failed() {
		return d
	}
	// Expand markers now that every set is known; drop lines that fail.
	if len(pending) > 0 {
		drop := map[*Agent]bool{}
		for _, pa := range pending {
			phrases, err := p.expand(pa.phrase, d.Subst)
			if err != nil {
				return d
			}
			if phrases == nil {
				drop[pa.a] = true
				continue
			}
			pa.a.Phrases = phrases
		}
		if len(drop) > 0 {
			kept := d.Agents[:0]
			for _, a := range d.Agents {
				if !drop[a] {
					kept = append(kept, a)
				}
			}
			d.Agents = kept
		}
	}
	return d
}

// cutMarker splits "!NAME!rest" into "!NAME!" and rest.
func cutMarker(s string) (marker, rest string, ok bool) {
	if len(s) < 3 || s[0] != '!' {
		return "", s, false
	}
	i := strings.IndexByte(s[1:], '!')
	if i <= 0 {
		return "", s, false
	}
	return s[:i+2], s[i+2:], true
}

// substDef reads the list of a "!NAME! = A, B" line; col is the column after '='.
func (p *parser) substDef(d *AgentDict, seen map[string]int, name, list string, line, col int) error {
	name = p.in.word(name)
	if first, ok := seen[name]; ok {
		return p.errorf(line, 1, "substitution set %s already defined on line %d", name, first)
	}
	var items []string
	off := 0
	for _, it := range strings.Split(list, ",") {
		w := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, it)
		if w == "" {
			if err := p.errorf(line, col+off, "empty item in substitution set %s", name); err != nil {
				return err
			}
		} else {
			items = append(items, p.in.word(w))
		}
		off += len(it) + 1
	}
	if len(items) == 0 {
		return p.errorf(line, 1, "substitution set %s has no items", name)
	}
	seen[name] = line
	d.Subst[name] = items
	return nil
}

// agentLine reads "phrase {plural} [code]" starting at column col. It
// returns a nil agent (and a nil error) when the line is dropped.
func (p *parser) agentLine(s string, line, col int) (*Agent, Phrase, error) {
	end := strings.IndexAny(s, "{[")
	if end < 0 {
		end = len(s)
	}
	ph, err := p.phrase(s[:end], line, col)
	if err != nil {
		return nil, ph, err
	}
	if len(ph.Elems) == 0 {
		return nil, ph, p.errorf(line, col, "agent code without a phrase")
	}
	var pluralSet, noPlural bool
	var pl Phrase
	var code string
	var codeCol int
	hasCode := false
	for i := end; i < len(s); {
		c := s[i]
		switch {
		case isBlankByte(c):
			i++
		case c == '{':
			j := strings.IndexAny(s[i+1:], "}[]")
			if j < 0 || s[i+1+j] != '}' {
				return nil, ph, p.errorf(line, col+i, "unbalanced {: missing }")
			}
			if pluralSet {
				if err := p.errorf(line, col+i, "second {plural}"); err != nil {
					return nil, ph, err
				}
			}
			inner := s[i+1 : i+1+j]
			pluralSet = true
			if isBlank(inner) {
				noPlural = true
			} else {
				q, err := p.phrase(inner, line, col+i+1)
				if err != nil {
					return nil, ph, err
				}
				pl = q
			}
			i += j + 2
		case c == '[':
			j := strings.IndexAny(s[i+1:], "]}")
			if j < 0 {
				return nil, ph, p.errorf(line, col+i, "unbalanced [: missing ]")
			}
			if s[i+1+j] == '}' {
				if err := p.errorf(line, col+i+1+j, "code opened with [ but closed with }"); err != nil {
					return nil, ph, err
				}
			}
			if hasCode {
				if err := p.errorf(line, col+i, "second code"); err != nil {
					return nil, ph, err
				}
			} else {
				hasCode = true
				code, codeCol = s[i+1:i+1+j], col+i+1
			}
			i += j + 2
		default:
			rest := strings.TrimSpace(s[i:])
			return nil, ph, p.errorf(line, col+i, "unexpected text %q", rest)
		}
	}
	if !hasCode {
		return nil, ph, p.errorf(line, col, "agent without [code]")
	}
	a := &Agent{Path: p.path, Line: line, Text: strings.TrimSpace(s)}
	code = strings.TrimSpace(code)
	switch {
	case code == "" || code == "~":
		return nil, ph, p.errorf(line, codeCol, "empty agent code")
	case strings.HasPrefix(code, "~") && strings.HasSuffix(code, "~"):
		return nil, ph, p.errorf(line, codeCol, "agent code %q has ~ on both sides", code)
	case strings.HasPrefix(code, "~"):
		a.Code = strings.TrimSpace(code[1:])
	case strings.HasSuffix(code, "~"):
		a.Code = strings.TrimSpace(code[:len(code)-1])
		a.Prefix = true
	default:
		if err := p.errorf(line, codeCol, "agent code %q without ~; read as suffix ~%s", code, code); err != nil {
			return nil, ph, err
		}
		a.Code = code
	}
	if strings.ContainsAny(a.Code, " \t~") {
		return nil, ph, p.errorf(line, codeCol, "bad agent code %q", code)
	}
	a.Code = p.in.str(a.Code)
	a.Phrases = append(a.Phrases, ph)
	switch {
	case strings.IndexByte(s[:end], '!') >= 0:
		// Expanded later; plurals are not formed for substitutions.
	case noPlural:
	case pluralSet && len(pl.Elems) > 0:
		a.Phrases = append(a.Phrases, pl)
	default:
		if q, ok := p.pluralPhrase(ph); ok {
			a.Phrases = append(a.Phrases, q)
		}
	}
	return a, ph, nil
}

// expand replaces every phrase of a marker-bearing agent by the
// substitutions of its markers. It returns nil phrases (and a nil error)
// when the agent must be dropped.
func (p *parser) expand(ph Phrase, subst map[string][]string) ([]Phrase, error) {
	// Per element, the alternatives it expands to (each a run of elements).
	alts := make([][][]Elem, len(ph.Elems))
	total := 1
	for i, e := range ph.Elems {
		if e.Kind != ElemWord || strings.IndexByte(e.Word, '!') < 0 {
			alts[i] = [][]Elem{{e}}
			continue
		}
		words, msg, off := expandWord(e.Word, subst)
		if msg != "" {
			return nil, p.errorf(ph.Line, e.Col+off, "%s", msg)
		}
		for _, w := range words {
			run, _, err := p.tokenPhrase(w, ph.Line, e.Col, modePlain)
			if err != nil {
				return nil, err
			}
			for k := range run {
				run[k].Col = e.Col
				if k+1 < len(run) {
					run[k].Consecutive = true
				}
			}
			if len(run) > 0 {
				run[len(run)-1].Consecutive = e.Consecutive
				alts[i] = append(alts[i], run)
			}
		}
		total *= len(alts[i])
		if total > maxExpansions {
			return nil, p.errorf(ph.Line, e.Col, "substitutions expand to more than %d phrases", maxExpansions)
		}
	}
	if ok, err := p.spendOK(total, ph.Line, ph.Elems[0].Col); !ok {
		return nil, err
	}
	out := make([]Phrase, 0, total)
	idx := make([]int, len(alts))
	for {
		var elems []Elem
		for i, a := range alts {
			elems = append(elems, a[idx[i]]...)
		}
		out = append(out, Phrase{Elems: elems, Exact: ph.Exact, Generated: true, Line: ph.Line})
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

// expandWord returns every spelling of a word holding "!NAME!" markers.
// On failure it returns a message and the byte offset of the problem.
func expandWord(w string, subst map[string][]string) (words []string, msg string, off int) {
	words = []string{""}
	i := 0
	for i < len(w) {
		j := strings.IndexByte(w[i:], '!')
		if j < 0 {
			for k := range words {
				words[k] += w[i:]
			}
			break
		}
		lit := w[i : i+j]
		k := strings.IndexByte(w[i+j+1:], '!')
		if k < 0 {
			return nil, "unbalanced ! in substitution marker", i + j
		}
		name := w[i+j : i+j+k+2]
		items, ok := subst[name]
		if !ok {
			return nil, "unknown substitution set " + name, i + j
		}
		next := make([]string, 0, len(words)*len(items))
		for _, pre := range words {
			for _, it := range items {
				next = append(next, pre+lit+it)
			}
		}
		if len(next) > maxExpansions {
			return nil, "substitutions expand to more than " + strconv.Itoa(maxExpansions) + " phrases", i + j
		}
		words = next
		i += j + k + 2
	}
	return words, "", 0
}
