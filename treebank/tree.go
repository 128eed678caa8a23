// Package treebank reads Penn Treebank bracketed parses and converts them to Universal Dependencies with head rules.
//
// PETRARCH input carries constituency parses from CoreNLP. Annalist codes from
// one representation, dependency trees with UD relations, whether they come
// from its own parser or from a treebank parse; this package is the bridge.
package treebank

import (
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// Node is a constituent or, when Word is set, a leaf with its preterminal tag.
type Node struct {
	// Label is the category ("NP", "VP") or, for a leaf, the part of speech.
	Label string
	// Function is the function tag after the first '-' ("TMP" in NP-TMP), if any.
	Function string
	// Word is the leaf's word; empty for phrases.
	Word string
	// Index is the leaf's 0-based position among the leaves; -1 for phrases.
	Index    int
	Children []*Node
	// Col is the 1-based column (in runes) of the node's '(' in the input.
	Col int
}

// IsLeaf reports whether the node is a preterminal with a word.
func (n *Node) IsLeaf() bool { return n.Word != "" || (n.Index >= 0 && len(n.Children) == 0) }

// Leaves returns the leaves under n in order.
func (n *Node) Leaves() []*Node {
	var out []*Node
	var walk func(*Node)
	walk = func(m *Node) {
		if m.Index >= 0 {
			out = append(out, m)
			return
		}
		for _, c := range m.Children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// String renders the tree in one-line bracketed form.
func (n *Node) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *Node) write(b *strings.Builder) {
	b.WriteByte('(')
	b.WriteString(n.Label)
	if n.Function != "" {
		b.WriteByte('-')
		b.WriteString(n.Function)
	}
	if n.Index >= 0 {
		b.WriteByte(' ')
		b.WriteString(n.Word)
	}
	for _, c := range n.Children {
		b.WriteByte(' ')
		c.write(b)
	}
	b.WriteByte(')')
}

// Parse reads one bracketed tree. An outer unlabelled bracket "( (S ...) )" and
// a ROOT node are accepted. Empty elements (-NONE-) are dropped. Unbalanced
// brackets, an empty tree or text after the tree give an *annalist.Error whose
// Pos carries the line and column (1-based, counting runes) within s; callers
// shift the line to the position of the parse in their file.
func Parse(s string) (*Node, error) {
	p := &parser{src: s}
	// One node per '(' at most: allocate them together.
	p.arena = make([]Node, 0, strings.Count(s, "("))
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, p.errorf("empty parse")
	}
	if p.src[p.pos] != '(' {
		r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
		return nil, p.errorf("parse must start with '(', found %q", r)
	}
	root, err := p.node()
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, p.errorf("parse has no words")
	}
	p.skipSpace()
	if p.pos < len(p.src) {
		r, _ := utf8.DecodeRuneInString(p.src[p.pos:])
		return nil, p.errorf("unbalanced parse: %q after the end of the tree", r)
	}
	// Unwrap "( (S ...) )" and ROOT.
	for root != nil && (root.Label == "" || root.Label == "ROOT" || root.Label == "TOP") && len(root.Children) == 1 && root.Index < 0 {
		root = root.Children[0]
	}
	if root == nil || (root.Index < 0 && len(root.Children) == 0) {
		return nil, p.errorf("parse has no words")
	}
	n := 0
	var number func(*Node)
	number = func(m *Node) {
		if m.Index >= 0 {
			m.Index = n
			n++
			return
		}
		for _, c := range m.Children {
			number(c)
		}
	}
	number(root)
	return root, nil
}

// parser reads bytes; line and column (in runes) are computed only for errors.
type parser struct {
	src   string
	pos   int
	arena []Node
	// lineStart is the offset where the current line begins.
	lineStart int
	// colAt and colRunes cache the rune count of src[lineStart:colAt], so
	// that columns are counted once per line, not once per node.
	colAt, colRunes int
}

// column returns the 1-based rune column of byte offset off, which must
// not precede the last offset asked for on the same line.
func (p *parser) column(off int) int {
	if p.colAt < p.lineStart {
		p.colAt, p.colRunes = p.lineStart, 0
	}
	p.colRunes += utf8.RuneCountInString(p.src[p.colAt:off])
	p.colAt = off
	return p.colRunes + 1
}

// lineCol returns the 1-based line and rune column of byte offset off.
func (p *parser) lineCol(off int) (int, int) {
	line, col := 1, 1
	for _, r := range p.src[:min(off, len(p.src))] {
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

func (p *parser) errorf(format string, args ...any) error {
	l, c := p.lineCol(p.pos)
	return annalist.ErrorAt("", l, c, format, args...)
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && isSpaceByte(p.src[p.pos]) {
		if p.src[p.pos] == '\n' {
			p.lineStart = p.pos + 1
		}
		p.pos++
	}
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }

// token reads a run of non-space, non-bracket characters.
func (p *parser) token() string {
	start := p.pos
	for p.pos < len(p.src) {
		b := p.src[p.pos]
		if isSpaceByte(b) || b == '(' || b == ')' {
			break
		}
		p.pos++
	}
	return p.src[start:p.pos]
}

// node reads "(LABEL child...)" or "(TAG word)" starting at '('.
func (p *parser) node() (*Node, error) {
	open := p.pos
	col := p.column(open)
	p.pos++ // '('
	p.skipSpace()
	if p.pos >= len(p.src) {
		return nil, p.errorf("unbalanced parse: missing ')' for '(' at column %d", col)
	}
	var n *Node
	if len(p.arena) < cap(p.arena) {
		p.arena = append(p.arena, Node{Index: -1, Col: col})
		n = &p.arena[len(p.arena)-1]
	} else {
		n = &Node{Index: -1, Col: col}
	}
	if b := p.src[p.pos]; b != '(' && b != ')' {
		n.Label = p.token()
	}
	for {
		p.skipSpace()
		if p.pos >= len(p.src) {
			return nil, p.errorf("unbalanced parse: missing ')' for '(' at column %d", col)
		}
		switch p.src[p.pos] {
		case ')':
			p.pos++
			return finish(n), nil
		case '(':
			c, err := p.node()
			if err != nil {
				return nil, err
			}
			if c != nil {
				n.Children = append(n.Children, c)
			}
		default:
			start := p.pos
			w := p.token()
			if n.Word != "" || len(n.Children) > 0 {
				p.pos = start
				return nil, p.errorf("unexpected word %q in (%s", w, n.Label)
			}
			n.Word = w
			n.Index = 0
		}
	}
}

// finish splits function tags and drops empty elements; it returns nil for a
// node that must disappear.
func finish(n *Node) *Node {
	if n.Label == "-NONE-" {
		return nil
	}
	if n.Index < 0 && len(n.Children) == 0 {
		return nil // an empty bracket, or a phrase whose children were all empty elements
	}
	if n.Index >= 0 {
		n.Label = normalizeTag(n.Label)
		return n
	}
	if !strings.HasPrefix(n.Label, "-") {
		if i := strings.IndexAny(n.Label, "-="); i > 0 {
			n.Function = n.Label[i+1:]
			n.Label = n.Label[:i]
		}
	}
	return n
}

// normalizeTag maps the auxiliary tags some parsers emit (AUXD, AUXZ, ...) to Penn tags.
func normalizeTag(t string) string {
	switch t {
	case "AUX", "AUXB":
		return "VB"
	case "AUXD":
		return "VBD"
	case "AUXG":
		return "VBG"
	case "AUXN":
		return "VBN"
	case "AUXP":
		return "VBP"
	case "AUXZ":
		return "VBZ"
	}
	return t
}
