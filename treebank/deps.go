package treebank

import (
	"strings"

	"github.com/annalist/annalist"
)

// ToTokens converts a constituency tree to dependency tokens: one token per
// leaf with its Penn tag, its head (0-based, -1 for the root) and a Universal
// Dependencies relation chosen from the constituent configuration. Heads follow
// UD's content-word convention: main verbs head their auxiliaries, nouns head
// their prepositions, predicates head copulas, the first conjunct heads a
// coordination. Spans are left empty; see Align.
func ToTokens(root *Node) []annalist.Token {
	splitUnderscores(root)
	leaves := root.Leaves()
	c := &converter{
		toks:    make([]annalist.Token, len(leaves)),
		passive: map[int]bool{},
	}
	for i, l := range leaves {
		c.toks[i] = annalist.Token{Text: l.Word, Norm: normWord(l.Word), Tag: l.Label, Head: -1}
	}
	h := c.convert(root)
	c.toks[h].Head = -1
	c.toks[h].Rel = "root"
	// A "by" phrase of a passive verb is its agent. Passiveness is known only
	// once the auxiliary above the participle's phrase has been seen.
	for i, t := range c.toks {
		if t.Rel == "obl" && c.passive[t.Head] {
			for _, k := range c.toks {
				if k.Head == i && k.Rel == "case" && strings.EqualFold(k.Text, "by") {
					c.toks[i].Rel = "obl:agent"
				}
			}
		}
	}
	return c.toks
}

// normWord undoes Penn Treebank escapes for matching.
func normWord(w string) string {
	switch w {
	case "-LRB-", "-LCB-", "-LSB-":
		return map[string]string{"-LRB-": "(", "-LCB-": "{", "-LSB-": "["}[w]
	case "-RRB-", "-RCB-", "-RSB-":
		return map[string]string{"-RRB-": ")", "-RCB-": "}", "-RSB-": "]"}[w]
	case "``", "''":
		return "\""
	case "`":
		return "'"
	}
	return w
}

type converter struct {
	toks []annalist.Token
	// passive marks verb heads in passive voice (be/get + past participle).
	passive map[int]bool
}

// attach makes token dep depend on head with relation rel, unless dep is head.
func (c *converter) attach(dep, head int, rel string) {
	if dep == head {
		return
	}
	c.toks[dep].Head = head
	c.toks[dep].Rel = rel
}

// convert returns the head leaf index of n after attaching all of n's other words.
func (c *converter) convert(n *Node) int {
	if n.Index >= 0 {
		return n.Index
	}
	kids := n.Children
	heads := make([]int, len(kids))
	for i, k := range kids {
		heads[i] = c.convert(k)
	}
	if len(kids) == 1 {
		return heads[0]
	}
	if conj := coordination(n); conj != nil {
		return c.coordinate(n, heads, conj)
	}
	hi := headChild(n)
	h := heads[hi]
	switch n.Label {
	case "VP":
		c.verbPhrase(n, heads, hi)
	case "S", "SINV", "SQ":
		c.clause(n, heads, hi)
	case "SBAR", "SBARQ":
		c.subordinate(n, heads, hi)
	case "PP", "WHPP":
		c.prepPhrase(n, heads, hi)
	default:
		c.nominalOrOther(n, heads, hi)
	}
	return h
}

// isPunct reports whether a leaf tag is punctuation.
func isPunct(tag string) bool {
	switch tag {
	case ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "#", "$", "HYPH", "NFP":
		return tag != "$" && tag != "#"
	}
	return false
}

func isNounTag(t string) bool {
	switch t {
	case "NN", "NNS", "NNP", "NNPS", "PRP", "NX", "NML", "FW":
		return true
	}
	return false
}

func isVerbTag(t string) bool {
	return strings.HasPrefix(t, "VB") || t == "MD"
}

func leafTag(n *Node) string {
	if n.Index >= 0 {
		return n.Label
	}
	return ""
}

// coordination returns, for a phrase that coordinates its children, the
// indexes of the children that are conjuncts; nil when n is not a coordination.
func coordination(n *Node) []int {
	kids := n.Children
	hasCC := false
	for i, k := range kids {
		if (k.Label == "CC" || k.Label == "CONJP") && i > 0 && i < len(kids)-1 {
			hasCC = true
		}
	}
	if !hasCC {
		return nil
	}
	// Phrasal coordination: (NP (NP ..) (CC and) (NP ..)), (VP (VP ..) (CC ..) (VP ..)), (S (S ..) (CC ..) (S ..)).
	var conj []int
	phrasal := true
	for i, k := range kids {
		switch {
		case k.Label == "CC" || k.Label == "CONJP" || isPunct(leafTag(k)):
		case k.Index < 0 && (k.Label == n.Label || compatible(n.Label, k.Label)):
			conj = append(conj, i)
		case k.Index < 0 && (k.Label == "ADVP" || k.Label == "PP" || k.Label == "SBAR") && n.Label != "NP":
			// adverbials between conjoined clauses or verb phrases
		default:
			phrasal = false
		}
	}
	if phrasal && len(conj) >= 2 {
		return conj
	}
	if n.Label != "NP" && n.Label != "NML" && n.Label != "NX" {
		if n.Label == "UCP" {
			conj = conj[:0]
			for i, k := range kids {
				if k.Label != "CC" && k.Label != "CONJP" && !isPunct(leafTag(k)) {
					conj = append(conj, i)
				}
			}
			if len(conj) >= 2 {
				return conj
			}
		}
		return nil
	}
	// Flat noun phrase coordination: split at CC and commas into segments; a
	// CC coordinates nouns only when nominal material stands on both sides.
	conj = conj[:0]
	var segs [][2]int // [start, end) child ranges
	start := 0
	for i, k := range kids {
		if k.Label == "CC" || k.Label == "CONJP" || (k.Label == "," && i > 0) {
			if !nominalEnd(kids[start:i]) || i+1 >= len(kids) || !nominalAfter(kids[i+1:]) {
				if k.Label == "CC" || k.Label == "CONJP" {
					return nil
				}
				continue // a comma inside modifiers: "complete, full ties"
			}
			segs = append(segs, [2]int{start, i})
			start = i + 1
		}
	}
	segs = append(segs, [2]int{start, len(kids)})
	if len(segs) < 2 {
		return nil
	}
	for _, s := range segs {
		// the segment's head is its rightmost nominal child
		h := -1
		for j := s[1] - 1; j >= s[0]; j-- {
			if isNominal(kids[j]) {
				h = j
				break
			}
		}
		if h < 0 {
			return nil
		}
		conj = append(conj, h)
	}
	return conj
}

func compatible(parent, child string) bool {
	switch parent {
	case "NP", "NML", "NX":
		return child == "NP" || child == "NML" || child == "NX" || child == "NN"
	case "S", "SINV", "SQ":
		return child == "S" || child == "SINV" || child == "SQ" || child == "VP"
	case "VP":
		return child == "VP"
	case "ADJP":
		return child == "ADJP" || child == "JJ"
	case "UCP":
		return true
	}
	return false
}

func isNominal(k *Node) bool {
	if k.Index >= 0 {
		return isNounTag(k.Label) || k.Label == "CD"
	}
	return k.Label == "NP" || k.Label == "NML" || k.Label == "NX"
}

func nominalEnd(seg []*Node) bool {
	for j := len(seg) - 1; j >= 0; j-- {
		if isPunct(leafTag(seg[j])) {
			continue
		}
		return isNominal(seg[j])
	}
	return false
}

func nominalAfter(seg []*Node) bool {
	for _, k := range seg {
		if isPunct(leafTag(k)) || k.Label == "CC" {
			continue
		}
		if isNominal(k) {
			return true
		}
		// determiners and adjectives may open the next conjunct: "and the evil awful Gondor"
		switch leafTag(k) {
		case "DT", "JJ", "JJS", "JJR", "PRP$", "CD", "PDT", "VBN", "VBG":
			continue
		}
		if k.Label == "ADJP" || k.Label == "QP" {
			continue
		}
		return false
	}
	return false
}

// coordinate attaches a coordination: the first conjunct heads, the others
// are conj, coordinators are cc and commas punct of the following conjunct.
// In a flat NP the words of each segment attach inside the segment.
func (c *converter) coordinate(n *Node, heads []int, conj []int) int {
	kids := n.Children
	first := heads[conj[0]]
	isConj := map[int]bool{}
	for _, ci := range conj {
		isConj[ci] = true
	}
	flat := n.Label == "NP" || n.Label == "NML" || n.Label == "NX"
	flat = flat && !allPhrasal(kids, conj)
	// next conjunct at or after child i
	nextConj := func(i int) int {
		for _, ci := range conj {
			if ci >= i {
				return ci
			}
		}
		return conj[len(conj)-1]
	}
	prevConj := func(i int) int {
		p := conj[0]
		for _, ci := range conj {
			if ci <= i {
				p = ci
			}
		}
		return p
	}
	for i, k := range kids {
		h := heads[i]
		if isConj[i] {
			if i != conj[0] {
				c.attach(h, first, "conj")
			}
			continue
		}
		switch {
		case k.Label == "CC" || k.Label == "CONJP":
			c.attach(h, heads[nextConj(i)], "cc")
		case isPunct(leafTag(k)):
			if i == len(kids)-1 || i == 0 {
				c.attach(h, first, "punct")
			} else {
				c.attach(h, heads[nextConj(i)], "punct")
			}
		case flat:
			// modifiers inside a flat conjunct attach to the conjunct they precede
			target := nextConj(i)
			if target < i {
				target = prevConj(i)
			}
			c.attach(h, heads[target], nounModRel(k, i < target))
		default:
			c.attach(h, first, otherRel(n, k))
		}
	}
	return first
}

func allPhrasal(kids []*Node, conj []int) bool {
	for _, ci := range conj {
		if kids[ci].Index >= 0 {
			return false
		}
	}
	return true
}

// headChild picks the head child of a non-coordinated phrase.
func headChild(n *Node) int {
	kids := n.Children
	last := len(kids) - 1
	findL := func(pred func(*Node) bool) int {
		for i, k := range kids {
			if pred(k) {
				return i
			}
		}
		return -1
	}
	findR := func(pred func(*Node) bool) int {
		for i := last; i >= 0; i-- {
			if pred(kids[i]) {
				return i
			}
		}
		return -1
	}
	label := func(ls ...string) func(*Node) bool {
		return func(k *Node) bool {
			for _, l := range ls {
				if k.Label == l {
					return true
				}
			}
			return false
		}
	}
	firstNonPunct := func() int {
		if i := findL(func(k *Node) bool { return !isPunct(leafTag(k)) }); i >= 0 {
			return i
		}
		return 0
	}
	switch n.Label {
	case "S", "SINV", "SQ":
		if i := findL(label("VP")); i >= 0 {
			return i
		}
		if i := findL(label("S", "SINV", "SQ", "SBAR", "FRAG")); i >= 0 {
			return i
		}
		if i := findL(label("ADJP", "NP", "PP", "UCP")); i >= 0 {
			return i
		}
		return firstNonPunct()
	case "VP":
		// An auxiliary followed by a VP complement: the VP heads.
		vi := findL(func(k *Node) bool { return k.Index >= 0 && (isVerbTag(k.Label) || k.Label == "TO") })
		if pi := findL(label("VP")); pi >= 0 && (vi < 0 || (vi < pi && isAux(kids[vi]))) {
			return pi
		}
		if vi >= 0 {
			if isBe(kids[vi].Word) {
				// copula with a nominal or adjectival predicate and no verb phrase
				if pi := findL(label("ADJP", "NP")); pi > vi && kids[pi].Function != "TMP" {
					return pi
				}
			}
			return vi
		}
		if i := findL(func(k *Node) bool { return k.Index >= 0 && k.Label != "RB" && !isPunct(k.Label) }); i >= 0 {
			return i // (VP (IN about) (S ...))
		}
		return firstNonPunct()
	case "SBAR", "SBARQ":
		if i := findL(label("S", "SQ", "SINV", "SBAR", "FRAG", "SBARQ")); i >= 0 {
			return i
		}
		return firstNonPunct()
	case "PP", "WHPP":
		// content head: the object after the preposition
		pi := findL(func(k *Node) bool {
			return k.Index >= 0 && (k.Label == "IN" || k.Label == "TO" || k.Label == "RP" || k.Label == "RB" || k.Label == "VBG" || k.Label == "VBN")
		})
		if i := findL(func(k *Node) bool {
			return k.Index < 0 && (k.Label == "NP" || k.Label == "S" || k.Label == "SBAR" || k.Label == "PP" || k.Label == "ADJP" || k.Label == "ADVP" || k.Label == "WHNP" || k.Label == "NML" || k.Label == "QP" || k.Label == "UCP")
		}); i >= 0 && i > pi {
			return i
		}
		if i := findL(func(k *Node) bool { return k.Index >= 0 && (isNounTag(k.Label) || k.Label == "CD") }); i > pi && pi >= 0 {
			return i
		}
		if pi >= 0 {
			return pi
		}
		return firstNonPunct()
	case "NP", "NML", "NX", "WHNP":
		// a possessor NP ends in POS: its head is the noun before it
		if kids[last].Label == "POS" {
			for i := last - 1; i >= 0; i-- {
				if isNominal(kids[i]) || kids[i].Label == "CD" {
					return i
				}
			}
		}
		if i := findR(func(k *Node) bool { return k.Index >= 0 && isNounTag(k.Label) || k.Label == "NML" || k.Label == "NX" }); i >= 0 {
			// only if no NP child precedes it followed by a PP-like tail
			if j := findL(label("NP")); j < 0 || j > i || lastLabel(kids[j]) == "POS" {
				return i
			}
		}
		if i := findL(func(k *Node) bool {
			return k.Label == "NP" && !determinerOnly(k) && (lastLabel(k) != "POS" || k == kids[last])
		}); i >= 0 {
			return i
		}
		if i := findR(func(k *Node) bool { return k.Label == "CD" || k.Label == "QP" }); i >= 0 {
			return i
		}
		if i := findR(func(k *Node) bool {
			return k.Label == "JJ" || k.Label == "JJS" || k.Label == "JJR" || k.Label == "ADJP" || k.Label == "DT" || k.Label == "RB" || k.Label == "$" || k.Label == "WDT" || k.Label == "WP"
		}); i >= 0 {
			return i
		}
		return firstNonPunct()
	case "ADJP", "WHADJP":
		if i := findR(func(k *Node) bool {
			return k.Label == "JJ" || k.Label == "JJR" || k.Label == "JJS" || k.Label == "VBN" || k.Label == "VBG" || k.Label == "ADJP"
		}); i >= 0 {
			return i
		}
		if i := findL(func(k *Node) bool { return k.Index >= 0 && k.Label != "RB" }); i >= 0 {
			return i
		}
		return firstNonPunct()
	case "ADVP", "WHADVP":
		if i := findR(func(k *Node) bool { return k.Label == "RB" || k.Label == "RBR" || k.Label == "RBS" || k.Label == "WRB" }); i >= 0 {
			return i
		}
		return firstNonPunct()
	case "QP":
		if i := findR(label("CD")); i >= 0 {
			return i
		}
		return firstNonPunct()
	case "PRT":
		if i := findL(label("RP")); i >= 0 {
			return i
		}
	case "PRN":
		return firstNonPunct()
	}
	return firstNonPunct()
}

var beForms = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true, "being": true, "am": true, "'s": true, "'re": true, "'m": true, "s": true}
var getForms = map[string]bool{"get": true, "gets": true, "got": true, "gotten": true, "getting": true}

var auxForms = map[string]bool{
	"have": true, "has": true, "had": true, "having": true, "'ve": true, "'d": true,
	"do": true, "does": true, "did": true, "will": true, "would": true, "shall": true, "should": true,
	"can": true, "could": true, "may": true, "might": true, "must": true, "ca": true, "wo": true, "'ll": true,
	"to": true, "ought": true,
}

// isAux reports whether a verb leaf is an auxiliary (modal, be, have, do, get, to).
func isAux(k *Node) bool {
	w := strings.ToLower(k.Word)
	return k.Label == "MD" || k.Label == "TO" || beForms[w] || getForms[w] || auxForms[w]
}

func isBe(w string) bool  { return beForms[strings.ToLower(w)] }
func isGet(w string) bool { return getForms[strings.ToLower(w)] }

// verbPhrase attaches the dependents of a VP.
func (c *converter) verbPhrase(n *Node, heads []int, hi int) {
	kids := n.Children
	h := heads[hi]
	head := kids[hi]
	// Passive: be/get auxiliary before a VP headed by a past participle.
	if head.Label == "VP" && c.toks[h].Tag == "VBN" {
		for i := 0; i < hi; i++ {
			if k := kids[i]; k.Index >= 0 && (isBe(k.Word) || isGet(k.Word)) {
				c.passive[h] = true
			}
		}
	}
	if head.Index >= 0 && head.Label == "VBN" {
		// "was freed" where the parser put the participle directly under the auxiliary's VP is handled above;
		// a bare VBN head keeps whatever passive mark its VP got from above.
	}
	objs := 0
	for i, k := range kids {
		if i == hi {
			continue
		}
		d := heads[i]
		var rel string
		switch {
		case isPunct(leafTag(k)):
			rel = "punct"
		case k.Index >= 0 && k.Label == "MD":
			rel = "aux"
		case k.Index >= 0 && k.Label == "TO":
			rel = "mark"
		case k.Index >= 0 && isVerbTag(k.Label) && i < hi:
			switch {
			case head.Index < 0 && head.Label == "VP" && c.passive[h] && (isBe(k.Word) || isGet(k.Word)):
				rel = "aux:pass"
			case head.Index < 0 && head.Label != "VP" && isBe(k.Word):
				rel = "cop"
			default:
				rel = "aux"
			}
		case k.Index >= 0 && (k.Label == "RB" || k.Label == "RBR" || k.Label == "RBS"):
			rel = "advmod"
		case k.Index >= 0 && k.Label == "RP":
			rel = "compound:prt"
		case k.Label == "PRT":
			rel = "compound:prt"
		case k.Label == "NP" && k.Function == "TMP":
			rel = "obl:unmarked"
		case k.Label == "NP" || k.Label == "NML" || (k.Index >= 0 && isNounTag(k.Label)):
			if i < hi {
				rel = "obl:unmarked"
			} else {
				objs++
				rel = "obj"
				if objs == 2 {
					// double object: the first was the indirect one
					c.retagFirstObj(kids, heads, hi, i)
				}
			}
		case k.Label == "PP" || k.Label == "WHPP":
			rel = "obl"
		case k.Label == "S" || k.Label == "SQ" || k.Label == "SINV":
			switch {
			case i < hi:
				rel = "advcl"
			case !hasSubject(k):
				rel = "xcomp"
			case k.Label == "S" && nonFinite(k) && c.raiseSubject(d, h):
				// "wants Putin to attack", "let them go": UD makes the
				// noun phrase the object of the verb and the infinitive its
				// xcomp, as our parser learned from EWT.
				rel = "xcomp"
			default:
				rel = "ccomp"
			}
		case k.Label == "SBAR":
			rel = sbarRel(k)
		case k.Label == "ADJP":
			rel = "xcomp"
		case k.Label == "ADVP" || k.Label == "WHADVP":
			rel = "advmod"
		case k.Label == "VP":
			rel = "xcomp"
		case k.Label == "PRN":
			rel = "parataxis"
		case k.Label == "CC":
			rel = "cc"
		case k.Index >= 0 && k.Label == "IN":
			rel = "mark"
		default:
			rel = "dep"
		}
		c.attach(d, h, rel)
	}
}

func (c *converter) retagFirstObj(kids []*Node, heads []int, hi, second int) {
	for i := hi + 1; i < second; i++ {
		k := kids[i]
		if (k.Label == "NP" && k.Function != "TMP") || (k.Index >= 0 && isNounTag(k.Label)) {
			c.toks[heads[i]].Rel = "iobj"
			return
		}
	}
}

func firstWord(n *Node) string {
	for n.Index < 0 && len(n.Children) > 0 {
		n = n.Children[0]
	}
	return strings.ToLower(n.Word)
}

// nonFinite reports whether clause s's predicate is an infinitive: its VP
// begins with "to" or is headed by a base-form verb.
func nonFinite(s *Node) bool {
	for _, k := range s.Children {
		if k.Label != "VP" {
			continue
		}
		for len(k.Children) > 0 && k.Index < 0 {
			first := k.Children[0]
			if first.Label == "TO" {
				return true
			}
			if first.Index >= 0 {
				return first.Label == "VB"
			}
			k = first
		}
		return false
	}
	return false
}

// raiseSubject makes the subject of clause head d the object of verb h and
// reports whether d had one.
func (c *converter) raiseSubject(d, h int) bool {
	for i := range c.toks {
		if c.toks[i].Head == d && (c.toks[i].Rel == "nsubj" || c.toks[i].Rel == "nsubj:pass") {
			c.toks[i].Head = h
			c.toks[i].Rel = "obj"
			return true
		}
	}
	return false
}

// hasSubject reports whether a clause has an NP subject before its VP.
func hasSubject(s *Node) bool {
	for _, k := range s.Children {
		if k.Label == "VP" {
			return false
		}
		if k.Label == "NP" && k.Function != "TMP" {
			return true
		}
	}
	return false
}

var complementizers = map[string]bool{"that": true, "whether": true, "if": true}

func sbarRel(k *Node) string {
	w := firstWord(k)
	if complementizers[w] {
		return "ccomp"
	}
	if len(k.Children) == 0 {
		return "advcl"
	}
	first := k.Children[0]
	if first.Label == "S" || first.Label == "SQ" || first.Label == "SINV" {
		return "ccomp" // bare complement clause
	}
	if strings.HasPrefix(first.Label, "WH") {
		return "ccomp"
	}
	return "advcl"
}

// clause attaches the dependents of S, SINV and SQ.
func (c *converter) clause(n *Node, heads []int, hi int) {
	kids := n.Children
	h := heads[hi]
	for i, k := range kids {
		if i == hi {
			continue
		}
		d := heads[i]
		var rel string
		switch {
		case isPunct(leafTag(k)):
			rel = "punct"
		case k.Label == "NP" && k.Function == "TMP":
			rel = "obl:unmarked"
		case k.Label == "NP" || k.Label == "WHNP" || (k.Index >= 0 && isNounTag(k.Label)):
			if i < hi {
				rel = "nsubj"
				if c.passive[h] {
					rel = "nsubj:pass"
				}
			} else {
				rel = "obj"
			}
		case k.Label == "PP":
			rel = "obl"
		case k.Label == "ADVP" || (k.Index >= 0 && strings.HasPrefix(k.Label, "RB")):
			rel = "advmod"
		case k.Label == "SBAR":
			rel = "advcl"
			if i < hi && complementizers[firstWord(k)] {
				rel = "csubj"
			}
		case k.Label == "S" || k.Label == "SINV" || k.Label == "SQ":
			// "X, an official said": the reported clause is the complement of the verb
			if i < hi && reportedBefore(kids, i, hi) {
				rel = "ccomp"
			} else {
				rel = "advcl"
			}
		case k.Label == "CC" || k.Label == "CONJP":
			rel = "cc"
		case k.Index >= 0 && isVerbTag(k.Label):
			rel = "aux"
		case k.Label == "PRN":
			rel = "parataxis"
		case k.Label == "ADJP":
			rel = "advcl"
		case k.Label == "VP":
			rel = "advcl"
		case k.Index >= 0 && k.Label == "IN":
			rel = "mark"
		default:
			rel = "dep"
		}
		c.attach(d, h, rel)
	}
}

// reportedBefore: an S before a subject NP and a VP, separated by a comma, is
// reported speech ("Arnor will act, a senior official said").
func reportedBefore(kids []*Node, i, hi int) bool {
	sawComma, sawSubj := false, false
	for j := i + 1; j < hi; j++ {
		switch {
		case kids[j].Label == "," || kids[j].Label == ":" || kids[j].Label == "''":
			sawComma = true
		case kids[j].Label == "NP":
			sawSubj = true
		}
	}
	return sawComma && sawSubj && hasSubject(kids[i])
}

// subordinate attaches the dependents of SBAR.
func (c *converter) subordinate(n *Node, heads []int, hi int) {
	kids := n.Children
	h := heads[hi]
	for i, k := range kids {
		if i == hi {
			continue
		}
		d := heads[i]
		var rel string
		switch {
		case isPunct(leafTag(k)):
			rel = "punct"
		case k.Index >= 0 && (k.Label == "IN" || k.Label == "TO" || k.Label == "DT"):
			rel = "mark"
		case k.Label == "WHNP":
			if hasSubject(kids[hi]) {
				rel = "obj"
			} else {
				rel = "nsubj"
			}
		case k.Label == "WHADVP" || k.Label == "ADVP" || (k.Index >= 0 && strings.HasPrefix(k.Label, "RB")) || k.Label == "WRB":
			rel = "advmod"
		case k.Label == "WHPP" || k.Label == "PP":
			rel = "obl"
		case k.Label == "NP":
			rel = "obl:unmarked" // "almost five years after ..."
		default:
			rel = "dep"
		}
		c.attach(d, h, rel)
	}
}

// prepPhrase attaches the preposition(s) and anything else of a PP to its object.
func (c *converter) prepPhrase(n *Node, heads []int, hi int) {
	kids := n.Children
	h := heads[hi]
	obj := kids[hi]
	clausal := obj.Label == "S" || obj.Label == "SBAR" || obj.Label == "VP"
	for i, k := range kids {
		if i == hi {
			continue
		}
		d := heads[i]
		var rel string
		switch {
		case isPunct(leafTag(k)):
			rel = "punct"
		case k.Index >= 0 && i < hi && (k.Label == "IN" || k.Label == "TO" || k.Label == "RP" || k.Label == "RB" || k.Label == "VBG" || k.Label == "VBN"):
			rel = "case"
			if clausal {
				rel = "mark"
			}
		case k.Label == "ADVP" || k.Label == "RB":
			rel = "advmod"
		case k.Label == "PP":
			rel = "nmod"
		default:
			rel = "dep"
		}
		c.attach(d, h, rel)
	}
}

// nominalOrOther attaches dependents of NP, ADJP, ADVP, QP and the rest.
func (c *converter) nominalOrOther(n *Node, heads []int, hi int) {
	kids := n.Children
	h := heads[hi]
	for i, k := range kids {
		if i == hi {
			continue
		}
		d := heads[i]
		var rel string
		switch n.Label {
		case "NP", "NML", "NX", "WHNP":
			rel = nounModRel(k, i < hi)
			if k.Label == "NP" && i > hi {
				rel = "appos"
				if len(k.Children) > 0 && lastLabel(k) == "POS" {
					rel = "nmod:poss"
				}
			}
		case "PRN":
			rel = "dep"
			if isPunct(leafTag(k)) {
				rel = "punct"
			}
		default:
			rel = otherRel(n, k)
		}
		c.attach(d, h, rel)
	}
	// A possessor: the POS marker is the case of the possessor noun.
	if n.Label == "NP" && kids[len(kids)-1].Label == "POS" && hi != len(kids)-1 {
		c.toks[heads[len(kids)-1]].Rel = "case"
		c.toks[heads[len(kids)-1]].Head = h
	}
}

// lastLabel returns the label of a phrase's last child, "" for a leaf.
func lastLabel(n *Node) string {
	if n.Index >= 0 || len(n.Children) == 0 {
		return ""
	}
	return n.Children[len(n.Children)-1].Label
}

// determinerOnly reports an NP that is a lone determiner ("(NP (DT Neither))").
func determinerOnly(k *Node) bool {
	return k.Index < 0 && len(k.Children) == 1 && k.Children[0].Label == "DT"
}

// nounModRel is the relation of a child of a noun phrase to the head noun.
func nounModRel(k *Node, before bool) string {
	switch {
	case determinerOnly(k):
		return "det"
	case isPunct(leafTag(k)):
		return "punct"
	case k.Index >= 0:
		switch k.Label {
		case "DT", "WDT", "PDT":
			if k.Label == "PDT" {
				return "det:predet"
			}
			return "det"
		case "PRP$", "WP$":
			return "nmod:poss"
		case "POS":
			return "case"
		case "JJ", "JJR", "JJS", "VBN", "VBG":
			return "amod"
		case "CD":
			return "nummod"
		case "NN", "NNS", "NNP", "NNPS", "FW":
			if before {
				return "compound"
			}
			return "appos"
		case "RB", "RBR", "RBS":
			return "advmod"
		case "CC":
			return "cc"
		case "IN", "TO":
			return "case"
		case "PRP":
			return "nmod"
		}
		return "dep"
	}
	switch k.Label {
	case "NP":
		if len(k.Children) > 0 && lastLabel(k) == "POS" {
			return "nmod:poss"
		}
		if before {
			return "compound"
		}
		return "appos"
	case "NML", "NX":
		return "compound"
	case "ADJP", "QP":
		if k.Label == "QP" {
			return "nummod"
		}
		return "amod"
	case "PP":
		return "nmod"
	case "SBAR":
		if (len(k.Children) > 0 && strings.HasPrefix(k.Children[0].Label, "WH")) || firstWord(k) == "that" {
			return "acl:relcl"
		}
		return "acl"
	case "VP", "S", "RRC":
		return "acl"
	case "PRN":
		return "appos"
	case "ADVP":
		return "advmod"
	}
	return "dep"
}

// otherRel is the relation of a child of an ADJP, ADVP, QP, UCP, FRAG... to the head.
func otherRel(n *Node, k *Node) string {
	switch {
	case isPunct(leafTag(k)):
		return "punct"
	case k.Label == "CC":
		return "cc"
	case k.Label == "RB" || k.Label == "ADVP" || k.Label == "RBR" || k.Label == "RBS":
		return "advmod"
	case k.Label == "PP":
		return "obl"
	case k.Label == "S" || k.Label == "SBAR" || k.Label == "VP":
		return "xcomp"
	case k.Label == "NP":
		return "obl:unmarked"
	case k.Label == "CD" || k.Label == "QP":
		return "nummod"
	case k.Label == "DT":
		return "det"
	case k.Label == "IN" || k.Label == "TO":
		return "case"
	case k.Label == "JJ" || k.Label == "ADJP":
		return "amod"
	}
	return "dep"
}

// splitUnderscores turns a leaf written with underscores ("Dol_Amroth", a
// PETRARCH convention for multi-word names) into a flat NML of its words, and
// renumbers the leaves.
func splitUnderscores(root *Node) {
	changed := false
	var walk func(n *Node)
	walk = func(n *Node) {
		for i, k := range n.Children {
			if k.Index >= 0 {
				parts := strings.Split(k.Word, "_")
				if len(parts) < 2 || strings.Contains(k.Word, "__") || parts[0] == "" || parts[len(parts)-1] == "" {
					continue
				}
				nml := &Node{Label: "NML", Index: -1, Col: k.Col}
				if !isNounTag(k.Label) {
					nml.Label = k.Label + "P"
				}
				for _, p := range parts {
					nml.Children = append(nml.Children, &Node{Label: k.Label, Word: p, Index: 0, Col: k.Col})
				}
				n.Children[i] = nml
				changed = true
				continue
			}
			walk(k)
		}
	}
	if root.Index >= 0 {
		return
	}
	walk(root)
	if !changed {
		return
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
}
