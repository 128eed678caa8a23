package dict

import (
	"io"
	"strings"

	"github.com/annalist/annalist"
)

// ReadVerbs reads a verb dictionary in TABARI / PETRARCH-1 syntax
// (CAMEO.verbpatterns.150430.txt, PETR.Validate.verbs.txt) or PETRARCH-2
// syntax (CAMEO.2.0.txt). opts.Syntax forces the syntax; zero detects it
// with DetectVerbSyntax. The file holds synsets ("&NAME" then "+phrase"
// lines), verb blocks ("--- NAME [code] ---" then verb lines "VERB
// {irregular forms} [code]" and pattern lines "- ... * ... [code] #
// comment") and, in PETRARCH-2, transformations ("~ a (a b VERB) VERB = a b
// code"). '#' starts a comment everywhere, ';' also on verb lines, and
// "<!-- -->" lines are skipped.
//
// Synset references are resolved after the whole file is read, so a synset
// may be used before its definition (Check reports that); "&A_B" names the
// synset A_B if one is defined, else the synset A followed by the word B.
// Every problem is returned as an *annalist.Error located at path:line:col
// and the rest of the file still loads: a pattern with no verb, no code or
// an unknown synset is dropped, as PETRARCH does, and so is a synset phrase
// that refers to an unknown synset or back to itself. With opts.Strict the
// first problem stops reading and the result is nil. A failing r gives one
// EUNAVAILABLE error.
func ReadVerbs(r io.Reader, path string, opts Options) (*VerbDict, []error) {
	return readVerbsOnto(r, path, opts, nil)
}

// readVerbsOnto is ReadVerbs for a file to be merged into prior (nil for
// a file read alone); see readVerbs.
func readVerbsOnto(r io.Reader, path string, opts Options, prior *VerbDict) (*VerbDict, []error) {
	data, err := readAll(r, path)
	if err != nil {
		return nil, []error{err}
	}
	p := newParser(path, opts)
	syn := opts.Syntax
	switch syn {
	case 0:
		syn = DetectVerbSyntax(data)
	case SyntaxTABARI, SyntaxPETRARCH2:
	default:
		return nil, []error{annalist.Errorf(annalist.EINVALID, "%s: unknown verb syntax %d", path, int(syn))}
	}
	vd := p.readVerbs(data, syn, prior)
	if p.failed() {
		return nil, p.errs
	}
	return vd, p.result()
}

// DetectVerbSyntax guesses the syntax of a verb dictionary's text: it is
// PETRARCH-2 if it has a "~" transformation line or if at least one pattern
// in twenty uses {..} or (..) phrases, TABARI otherwise (including for a
// text with no patterns).
func DetectVerbSyntax(text string) Syntax {
	patterns, grouped := 0, 0
	for len(text) > 0 {
		i := strings.IndexByte(text, '\n')
		var line string
		if i < 0 {
			line, text = text, ""
		} else {
			line, text = text[:i], text[i+1:]
		}
		line = strings.TrimLeft(line, " \t")
		switch {
		case strings.HasPrefix(line, "~"):
			return SyntaxPETRARCH2
		case strings.HasPrefix(line, "-") && !strings.HasPrefix(line, "--"):
			patterns++
			body, _ := cutComment(line, false)
			if strings.ContainsAny(body, "({") {
				grouped++
			}
		}
	}
	if grouped > 0 && grouped*20 >= patterns {
		return SyntaxPETRARCH2
	}
	return SyntaxTABARI
}

// verbReader holds the state of one ReadVerbs.
type verbReader struct {
	*parser
	vd     *VerbDict
	syntax Syntax
	block  *Block
	// syn is the synset whose "+" lines are being read, nil otherwise.
	syn *Synset
	// patterns records where each pattern came from, for synset resolution.
	patterns []patRef
	// order lists the synsets in definition order.
	order []*Synset
	// prior is the dictionary this file is merged into (nil for a file read
	// alone): its synsets may be referred to and cannot be redefined.
	prior *VerbDict
}

// patRef locates a pattern by its block and index.
type patRef struct {
	block *Block
	index int
}

// readVerbs reads one verb file. With prior set, the file is to be merged
// into prior: references to prior's synsets resolve, and redefining one is
// an error.
func (p *parser) readVerbs(data string, syntax Syntax, prior *VerbDict) *VerbDict {
	v := &verbReader{parser: p, syntax: syntax, prior: prior,
		vd: &VerbDict{Path: p.path, Paths: []string{p.path}, Syntax: syntax, Synsets: map[string]*Synset{}}}
	p.scanLines(data, v.line)
	if p.failed() {
		return v.vd
	}
	v.finish()
	return v.vd
}

func (v *verbReader) line(n int, line string) error {
	t := strings.TrimLeft(line, " \t")
	lead := len(line) - len(t)
	if t == "" || t[0] == '#' || t[0] == ';' {
		return nil
	}
	if t[0] != '+' {
		v.syn = nil
	}
	switch {
	case strings.HasPrefix(t, "---"):
		return v.header(t, n, lead+1)
	case strings.HasPrefix(t, "--"):
		if err := v.errorf(n, lead+1, "pattern starts with -- instead of -"); err != nil {
			return err
		}
		return v.pattern(t[2:], n, lead+3)
	case t[0] == '-':
		return v.pattern(t[1:], n, lead+2)
	case t[0] == '~':
		if v.syntax != SyntaxPETRARCH2 {
			return v.errorf(n, lead+1, "transformation in a %s dictionary", v.syntax)
		}
		return v.transform(t[1:], n, lead+2)
	case t[0] == '&':
		return v.synsetLabel(t, n, lead+1)
	case t[0] == '+' && v.syn != nil:
		return v.synsetPhrase(t[1:], n, lead+2)
	}
	return v.verb(t, n, lead+1)
}

// header reads "--- NAME [code] ---".
func (v *verbReader) header(t string, line, col int) error {
	body, _ := cutComment(t, true)
	s := strings.TrimLeft(body[3:], "-")
	off := col + len(body) - len(s)
	s = strings.TrimRight(s, " \t")
	s = strings.TrimRight(strings.TrimSuffix(s, "---"), " \t")
	name := s
	b := &Block{Path: v.path, Line: line, Code: Code{Primary: "---"}}
	if i := strings.IndexByte(s, '['); i >= 0 {
		name = s[:i]
		codes := s[i:]
		seen := false
		for k := 0; k < len(codes); {
			switch c := codes[k]; {
			case isBlankByte(c) || c == '-':
				k++
			case c == '[':
				j := strings.IndexByte(codes[k:], ']')
				if j < 0 {
					return v.errorf(line, off+i+k, "unbalanced [: missing ]")
				}
				if seen {
					if err := v.errorf(line, off+i+k, "second code in block header; the first applies"); err != nil {
						return err
					}
				} else {
					code, msg := v.code(codes[k+1 : k+j])
					if msg != "" {
						if err := v.errorf(line, off+i+k+1, "%s", msg); err != nil {
							return err
						}
					} else {
						b.Code = code
					}
					seen = true
				}
				k += j + 1
			default:
				return v.errorf(line, off+i+k, "unexpected text %q in block header", strings.TrimSpace(codes[k:]))
			}
		}
	}
	b.Name = v.in.str(strings.TrimSpace(name))
	if b.Name == "" {
		if err := v.errorf(line, col, "block header without a name"); err != nil {
			return err
		}
	}
	v.vd.Blocks = append(v.vd.Blocks, b)
	v.block = b
	return nil
}

// code parses the inside of "[primary:secondary]".
func (v *verbReader) code(s string) (Code, string) {
	s = strings.TrimSpace(s)
	a, b, _ := strings.Cut(s, ":")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if a == "" && b == "" {
		return Code{}, "empty code []"
	}
	if strings.ContainsAny(s, " \t") {
		return Code{}, "blank inside code [" + s + "]"
	}
	if strings.Count(s, ":") > 1 {
		return Code{}, "more than one : in code [" + s + "]"
	}
	return Code{Primary: v.in.str(a), Secondary: v.in.str(b)}, ""
}

// synsetLabel reads "&NAME" (a trailing '_' means no plurals).
func (v *verbReader) synsetLabel(t string, line, col int) error {
	body, _ := cutComment(t, true)
	name := body[1:]
	if i := strings.IndexAny(name, " \t"); i >= 0 {
		if err := v.errorf(line, col+1+i, "unexpected text %q after synset label", strings.TrimSpace(name[i:])); err != nil {
			return err
		}
		name = name[:i]
	}
	noPl := strings.HasSuffix(name, "_")
	name = strings.TrimRight(name, "_")
	if name == "" {
		return v.errorf(line, col, "synset label without a name")
	}
	name = v.in.word(name)
	if s := v.priorSynset(name); s != nil {
		// Swallow the "+" lines that follow into a synset nobody sees.
		v.syn = &Synset{Name: name}
		return v.errorf(line, col, "synset &%s is already defined in %s:%d; a later file cannot extend it, so its phrases are ignored", name, s.Path, s.Line)
	}
	if s, ok := v.vd.Synsets[name]; ok {
		if err := v.errorf(line, col, "synset &%s already defined on line %d; phrases are added to it", name, s.Line); err != nil {
			return err
		}
		v.syn = s
		return nil
	}
	s := &Synset{Name: name, Path: v.path, Line: line, NoPlurals: noPl}
	v.vd.Synsets[name] = s
	v.order = append(v.order, s)
	v.syn = s
	return nil
}

// synsetPhrase reads the text after '+' in a synset.
func (v *verbReader) synsetPhrase(t string, line, col int) error {
	body, _ := cutComment(t, true)
	elems, exact, err := v.tokenPhrase(body, line, col, modeSynset)
	if err != nil {
		return err
	}
	if len(elems) == 0 {
		return v.errorf(line, col-1, "empty synset phrase")
	}
	for _, e := range elems {
		switch e.Word {
		case "$", "+", "%", "^", "*":
			return v.errorf(line, e.Col, "synset phrases may hold only words, not %q", e.Word)
		}
	}
	v.syn.Phrases = append(v.syn.Phrases, Phrase{Elems: elems, Exact: exact, Line: line})
	return nil
}

// verb reads a verb line "WORD {FORMS} [code]" or "WIRE_+TAP {...}".
func (v *verbReader) verb(t string, line, col int) error {
	body, _ := cutComment(t, true)
	if v.block == nil {
		return v.errorf(line, col, "verb %q outside a verb block", body)
	}
	end := strings.IndexAny(body, "{[")
	if end < 0 {
		end = len(body)
	}
	words, head, err := v.verbWords(body[:end], line, col)
	if err != nil || words == nil {
		return err
	}
	vb := Verb{Path: v.path, Line: line, Text: body, Lemma: v.in.str(strings.Join(words, " "))}
	vb.Forms = []VerbForm{{Words: words, Head: head}}
	irregular, hasCode := false, false
	for i := end; i < len(body); {
		c := body[i]
		switch {
		case isBlankByte(c):
			i++
		case c == '{':
			j := strings.IndexByte(body[i:], '}')
			inner := ""
			if j < 0 {
				if err := v.errorf(line, col+i, "unbalanced {: missing }"); err != nil {
					return err
				}
				k := strings.IndexByte(body[i:], '[')
				if k < 0 {
					k = len(body) - i
				}
				inner, j = body[i+1:i+k], k-1
			} else {
				inner = body[i+1 : i+j]
			}
			if irregular {
				if err := v.errorf(line, col+i, "second {..} list of forms"); err != nil {
					return err
				}
			}
			irregular = true
			if err := v.irregulars(&vb, inner, line, col+i+1); err != nil {
				return err
			}
			i += j + 1
		case c == '[':
			j := strings.IndexByte(body[i:], ']')
			if j < 0 {
				return v.errorf(line, col+i, "unbalanced [: missing ]")
			}
			if hasCode {
				if err := v.errorf(line, col+i, "second code on a verb line"); err != nil {
					return err
				}
			} else {
				code, msg := v.code(body[i+1 : i+j])
				if msg != "" {
					if err := v.errorf(line, col+i+1, "%s", msg); err != nil {
						return err
					}
				}
				vb.Code, hasCode = code, true
			}
			i += j + 1
		default:
			return v.errorf(line, col+i, "unexpected text %q on verb line", strings.TrimSpace(body[i:]))
		}
	}
	if !irregular {
		for _, f := range verbForms(words[head]) {
			w := make([]string, len(words))
			copy(w, words)
			w[head] = v.in.word(f)
			vb.Forms = append(vb.Forms, VerbForm{Words: w, Head: head, Generated: true})
		}
	}
	v.block.Verbs = append(v.block.Verbs, vb)
	return nil
}

// irregulars reads the forms written in {..}; s starts at column col.
func (v *verbReader) irregulars(vb *Verb, s string, line, col int) error {
	base := vb.Forms[0]
	for i := 0; i < len(s); {
		if isBlankByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && !isBlankByte(s[j]) {
			j++
		}
		words, head, err := v.verbWords(s[i:j], line, col+i)
		if err != nil {
			return err
		}
		if words != nil {
			if len(words) > 1 && !strings.Contains(s[i:j], "+") && len(words) == len(base.Words) {
				head = base.Head
			}
			vb.Forms = append(vb.Forms, VerbForm{Words: words, Head: head})
		}
		i = j
	}
	return nil
}

// verbWords splits a (multi-word) verb into upper-case words and finds the
// word marked '+'. Words are joined by '_'; a blank is accepted with an
// error. It returns nil words (and a nil error) when the text is unusable.
func (v *verbReader) verbWords(s string, line, col int) ([]string, int, error) {
	var words []string
	head, heads := 0, 0
	blank := false
	for i := 0; i < len(s); {
		if isSep(s[i]) {
			if isBlankByte(s[i]) && len(words) > 0 && strings.TrimLeft(s[i:], " \t") != "" {
				blank = true
			}
			i++
			continue
		}
		j := i
		for j < len(s) && !isSep(s[j]) {
			j++
		}
		w := s[i:j]
		if w[0] == '+' {
			heads++
			if heads == 1 {
				head = len(words)
			}
			w = w[1:]
		}
		if w == "" {
			if err := v.errorf(line, col+i, "lone + in verb"); err != nil {
				return nil, 0, err
			}
		} else {
			if bad := strings.IndexAny(w, "+&$%^*(){}[]"); bad >= 0 {
				return nil, 0, v.errorf(line, col+i+bad, "unexpected %q in verb %q", w[bad], strings.TrimSpace(s))
			}
			words = append(words, v.in.word(w))
		}
		i = j
	}
	if len(words) == 0 {
		return nil, 0, v.errorf(line, col, "verb line without a verb")
	}
	switch {
	case heads > 1:
		if err := v.errorf(line, col, "verb %q marks %d words with +; the first is the verb", strings.TrimSpace(s), heads); err != nil {
			return nil, 0, err
		}
	case heads == 0 && len(words) > 1:
		how := "does not mark its verb word with +"
		if blank {
			how = "is written with blanks and without +"
		}
		if err := v.errorf(line, col, "multi-word verb %q %s; read as +%s", strings.TrimSpace(s), how, strings.Join(words, "_")); err != nil {
			return nil, 0, err
		}
	case blank:
		if err := v.errorf(line, col, "verb %q has words separated by a blank; join them with _", strings.TrimSpace(s)); err != nil {
			return nil, 0, err
		}
	}
	if head >= len(words) {
		head = len(words) - 1
	}
	return words, head, nil
}

// pattern reads the text after '-' of a pattern line; t starts at column col.
func (v *verbReader) pattern(t string, line, col int) error {
	body, comment := cutComment(t, false)
	// start is the column of the pattern's first character, where
	// problems of the whole pattern are reported.
	start := col + len(body) - len(strings.TrimLeft(body, " \t"))
	if v.block == nil {
		return v.errorf(line, start, "pattern outside a verb block")
	}
	open := strings.LastIndexByte(body, '[')
	if open < 0 {
		return v.errorf(line, start, "pattern without [code]")
	}
	closeAt := strings.IndexByte(body[open:], ']')
	if closeAt < 0 {
		return v.errorf(line, col+open, "unbalanced [: missing ]")
	}
	if rest := strings.TrimSpace(body[open+closeAt+1:]); rest != "" {
		return v.errorf(line, col+open+closeAt+1, "unexpected text %q after code", rest)
	}
	code, msg := v.code(body[open+1 : open+closeAt])
	if msg != "" {
		return v.errorf(line, col+open+1, "%s", msg)
	}
	pat := Pattern{Path: v.path, Line: line, Text: strings.TrimSpace(body), Code: code, Comment: comment}
	ok, err := v.patternElems(&pat, body[:open], line, col)
	if err != nil || !ok {
		return err
	}
	verbs, second := 0, 0
	for _, e := range pat.Elems {
		if e.Kind == ElemVerb {
			verbs++
			if verbs == 2 {
				second = e.Col
			}
		}
	}
	switch {
	case verbs == 0:
		return v.errorf(line, start, "pattern has no verb *")
	case verbs > 1:
		return v.errorf(line, second, "pattern has %d verbs *; want one", verbs)
	}
	v.block.Patterns = append(v.block.Patterns, pat)
	v.patterns = append(v.patterns, patRef{v.block, len(v.block.Patterns) - 1})
	return nil
}

// patternElems tokenises a pattern body (without its code) into pat.Elems
// and, for PETRARCH-2, pat.Groups. It returns false when the pattern must
// be dropped.
func (v *verbReader) patternElems(pat *Pattern, s string, line, col int) (bool, error) {
	p2 := v.syntax == SyntaxPETRARCH2
	var stack []int // open group numbers
	glue := false   // a '_' follows the last element
	groupStart := map[int]int{}
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case isBlankByte(c):
			i++
			continue
		case c == '_':
			if len(pat.Elems) == 0 {
				if err := v.errorf(line, col+i, "pattern starts with _"); err != nil {
					return false, err
				}
			}
			glue = true
			i++
			continue
		case c == '{' || c == '(':
			if !p2 {
				if err := v.errorf(line, col+i, "%q in a TABARI pattern; ignored", c); err != nil {
					return false, err
				}
				i++
				continue
			}
			kind := GroupNoun
			if c == '(' {
				kind = GroupPrep
			}
			parent := 0
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
				pk := pat.Groups[parent-1].Kind
				if pk == GroupNoun || kind == GroupPrep {
					if err := v.errorf(line, col+i, "%q inside %s", c, groupName(pk)); err != nil {
						return false, err
					}
					return false, nil
				}
			}
			pat.Groups = append(pat.Groups, Group{Kind: kind, Parent: parent, Col: col + i})
			stack = append(stack, len(pat.Groups))
			groupStart[len(pat.Groups)] = len(pat.Elems)
			i++
			continue
		case c == '}' || c == ')':
			want := GroupNoun
			if c == ')' {
				want = GroupPrep
			}
			if !p2 || len(stack) == 0 || pat.Groups[stack[len(stack)-1]-1].Kind != want {
				if err := v.errorf(line, col+i, "unbalanced %q; ignored", c); err != nil {
					return false, err
				}
				i++
				continue
			}
			g := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if groupStart[g] == len(pat.Elems) {
				if err := v.errorf(line, pat.Groups[g-1].Col, "empty %s", groupName(want)); err != nil {
					return false, err
				}
				return false, nil
			}
			i++
			continue
		}
		j := i
		for j < len(s) && !isBlankByte(s[j]) && !strings.ContainsRune("_{}()", rune(s[j])) {
			j++
		}
		tok := s[i:j]
		if k := strings.IndexByte(tok, '*'); k >= 0 && tok != "*" {
			// "*SCEPTICAL": split the verb from the word it touches.
			if err := v.errorf(line, col+i, "verb * touches a word in %q; read as separate elements", tok); err != nil {
				return false, err
			}
			if k == 0 {
				j = i + 1
			} else {
				j = i + k
			}
			tok = s[i:j]
		}
		el := Elem{Col: col + i}
		switch tok {
		case "*":
			el.Kind = ElemVerb
		case "$":
			el.Kind = ElemSource
		case "+":
			el.Kind = ElemTarget
		case "%":
			el.Kind = ElemCompound
		case "^":
			el.Kind = ElemSkip
		default:
			if tok[0] == '&' && len(tok) > 1 {
				el.Kind, el.Word = ElemSynset, v.in.word(tok[1:])
			} else {
				el.Kind, el.Word = ElemWord, v.in.word(tok)
			}
		}
		if len(stack) > 0 {
			el.Group = stack[len(stack)-1]
			if el.Kind == ElemVerb {
				if err := v.errorf(line, el.Col, "verb * inside %s", groupName(pat.Groups[el.Group-1].Kind)); err != nil {
					return false, err
				}
				return false, nil
			}
		}
		if glue && len(pat.Elems) > 0 {
			pat.Elems[len(pat.Elems)-1].Consecutive = true
		}
		glue = false
		pat.Elems = append(pat.Elems, el)
		i = j
	}
	if glue && len(pat.Elems) > 0 {
		pat.Exact = true
	}
	if len(stack) > 0 {
		g := stack[0]
		if err := v.errorf(line, pat.Groups[g-1].Col, "unbalanced %s: missing %s", groupName(pat.Groups[g-1].Kind), closer(pat.Groups[g-1].Kind)); err != nil {
			return false, err
		}
	}
	if p2 {
		return v.roles(pat, line)
	}
	return true, nil
}

// roles assigns PETRARCH-2 roles: bare elements are nouns (phrase heads);
// in {..} the last element is the head noun and the others modifiers; in
// (..) the first element is the preposition.
func (v *verbReader) roles(pat *Pattern, line int) (bool, error) {
	first := make([]int, len(pat.Groups)) // first direct element of each prep group, -1 if none yet
	last := make([]int, len(pat.Groups))  // last element of each noun group
	for i := range first {
		first[i], last[i] = -1, -1
	}
	for i := range pat.Elems {
		e := &pat.Elems[i]
		if e.Kind == ElemVerb {
			continue
		}
		e.Role = RoleNoun
		if e.Group == 0 {
			continue
		}
		g := pat.Groups[e.Group-1]
		switch g.Kind {
		case GroupNoun:
			e.Role = RoleModifier
			last[e.Group-1] = i
			if g.Parent > 0 && first[g.Parent-1] < 0 {
				if err := v.errorf(line, g.Col, "prepositional phrase starts with a noun phrase, not a preposition"); err != nil {
					return false, err
				}
				return false, nil
			}
		case GroupPrep:
			if first[e.Group-1] < 0 {
				first[e.Group-1] = i
				e.Role = RolePrep
			}
		}
	}
	for _, i := range last {
		if i >= 0 {
			pat.Elems[i].Role = RoleNoun
		}
	}
	return true, nil
}

func groupName(k GroupKind) string {
	if k == GroupNoun {
		return "noun phrase {..}"
	}
	return "prepositional phrase (..)"
}

func closer(k GroupKind) string {
	if k == GroupNoun {
		return "}"
	}
	return ")"
}

// transform reads the text after '~': "a (a b WILL_ATTACK) SAY = a b 138".
func (v *verbReader) transform(t string, line, col int) error {
	body, _ := cutComment(t, false)
	type tok struct {
		s   string
		col int
	}
	var toks []tok
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case isBlankByte(c):
			i++
		case c == '(' || c == ')' || c == '=':
			toks = append(toks, tok{body[i : i+1], col + i})
			i++
		default:
			j := i
			for j < len(body) && !isBlankByte(body[j]) && !strings.ContainsRune("()=", rune(body[j])) {
				j++
			}
			toks = append(toks, tok{body[i:j], col + i})
			i = j
		}
	}
	// S ( S S VERB ) VERB = S S CODE
	shape := []string{"slot", "(", "slot", "slot", "verb", ")", "verb", "=", "slot", "slot", "code"}
	for k, want := range shape {
		if k >= len(toks) {
			return v.errorf(line, col+len(body), "transformation ends early: want %s", want)
		}
		tk := toks[k]
		var okTok bool
		switch want {
		case "slot":
			okTok = isSlot(tk.s)
		case "verb", "code":
			okTok = tk.s != "(" && tk.s != ")" && tk.s != "="
		default:
			okTok = tk.s == want
		}
		if !okTok {
			return v.errorf(line, tk.col, "transformation: want %s, got %q", want, tk.s)
		}
	}
	if len(toks) > len(shape) {
		return v.errorf(line, toks[len(shape)].col, "unexpected text %q after transformation", toks[len(shape)].s)
	}
	verb := func(s string) string { return v.in.str(strings.ReplaceAll(upper(s), "_", " ")) }
	v.vd.Transforms = append(v.vd.Transforms, Transform{
		Path: v.path, Line: line, Text: strings.TrimSpace(body),
		Source:      TransformSlot(toks[0].s),
		InnerSource: TransformSlot(toks[2].s), InnerTarget: TransformSlot(toks[3].s),
		InnerVerb: verb(toks[4].s), Verb: verb(toks[6].s),
		OutSource: TransformSlot(toks[8].s), OutTarget: TransformSlot(toks[9].s),
		OutCode: v.in.str(toks[10].s),
	})
	return nil
}

// isSlot reports whether s is a transformation slot: a lower-case letter, '.' or '_'.
func isSlot(s string) bool {
	return len(s) == 1 && (('a' <= s[0] && s[0] <= 'z') || s[0] == '.' || s[0] == '_')
}

// finish resolves synset references, drops what cannot be resolved,
// breaks reference cycles and generates synset plurals.
func (v *verbReader) finish() {
	// Synset phrases first: references between synsets.
	for _, s := range v.order {
		kept := s.Phrases[:0]
		for _, ph := range s.Phrases {
			elems, ok := v.resolve(ph.Elems, ph.Line)
			if v.failed() {
				return
			}
			if ok {
				ph.Elems = elems
				kept = append(kept, ph)
			}
		}
		s.Phrases = kept
	}
	v.breakCycles()
	if v.failed() {
		return
	}
	for _, s := range v.order {
		if s.NoPlurals {
			continue
		}
		n := len(s.Phrases)
		for _, ph := range s.Phrases[:n] {
			if q, ok := v.pluralPhrase(ph); ok {
				s.Phrases = append(s.Phrases, q)
			}
		}
	}
	// Patterns: drop those naming unknown synsets.
	dropped := map[*Block][]bool{}
	for _, r := range v.patterns {
		pat := &r.block.Patterns[r.index]
		elems, ok := v.resolve(pat.Elems, pat.Line)
		if v.failed() {
			return
		}
		if ok {
			pat.Elems = elems
			continue
		}
		if dropped[r.block] == nil {
			dropped[r.block] = make([]bool, len(r.block.Patterns))
		}
		dropped[r.block][r.index] = true
	}
	for b, drop := range dropped {
		kept := b.Patterns[:0]
		for i, pat := range b.Patterns {
			if !drop[i] {
				kept = append(kept, pat)
			}
		}
		b.Patterns = kept
	}
}

// resolve merges "&A" + "_B" into the synset A_B when that synset exists
// (longest defined name wins) and checks that every reference is defined.
// It returns false, after reporting, when a reference is unknown.
func (v *verbReader) resolve(elems []Elem, line int) ([]Elem, bool) {
	out := elems
	changed := false
	for i := 0; i < len(out); i++ {
		e := out[i]
		if e.Kind != ElemSynset {
			continue
		}
		// Longest run of glued words after the reference.
		n := 0
		for k := i; k+1 < len(out) && out[k].Consecutive && out[k+1].Kind == ElemWord && out[k+1].Group == e.Group; k++ {
			n++
		}
		best := -1
		name := e.Word
		if v.known(name) {
			best = 0
		}
		cand := name
		for k := 1; k <= n; k++ {
			cand += "_" + out[i+k].Word
			if v.known(cand) {
				best, name = k, cand
			}
		}
		if best < 0 {
			v.errorf(line, e.Col, "unknown synset &%s", e.Word)
			return nil, false
		}
		if best > 0 {
			if !changed {
				out = append([]Elem(nil), out...)
				changed = true
			}
			merged := e
			merged.Word = v.in.word(name)
			merged.Consecutive = out[i+best].Consecutive
			out = append(out[:i], append([]Elem{merged}, out[i+best+1:]...)...)
		}
	}
	return out, true
}

// breakCycles reports and drops synset phrases that lead back to their own synset.
func (v *verbReader) breakCycles() {
	const (
		white = iota
		grey
		black
	)
	state := map[string]int{}
	var visit func(s *Synset)
	visit = func(s *Synset) {
		state[s.Name] = grey
		kept := s.Phrases[:0]
		for _, ph := range s.Phrases {
			bad := false
			for _, e := range ph.Elems {
				if e.Kind != ElemSynset {
					continue
				}
				t := v.vd.Synsets[e.Word]
				if t == nil {
					continue // a synset of an earlier file: it cannot refer to this one's
				}
				switch state[t.Name] {
				case grey:
					v.errorf(ph.Line, e.Col, "synset &%s refers back to itself through &%s", s.Name, t.Name)
					bad = true
				case white:
					visit(t)
				}
			}
			if !bad {
				kept = append(kept, ph)
			}
		}
		s.Phrases = kept
		state[s.Name] = black
	}
	for _, s := range v.order {
		if state[s.Name] == white {
			visit(s)
		}
	}
}

// known reports whether a synset of this name is defined, in this file or
// in the dictionary it is merged into.
func (v *verbReader) known(name string) bool {
	_, ok := v.vd.Synsets[name]
	return ok || v.priorSynset(name) != nil
}

// priorSynset returns the synset of an earlier file with this name, or nil.
func (v *verbReader) priorSynset(name string) *Synset {
	if v.prior == nil {
		return nil
	}
	return v.prior.Synsets[name]
}
