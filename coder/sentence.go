package coder

import (
	"strings"

	"github.com/annalist/annalist"
)

// sentence is the coder's working view of one analysed sentence.
type sentence struct {
	toks  []annalist.Token
	words []string // upper-case match forms
	sig   wordSig  // the words' signature, for hasAll
	kids  [][]int  // dependents of each token, in order
	// chunk maps a token to the index of the noun chunk it belongs to, or -1.
	chunk  []int
	chunks []*chunk
	// gone marks tokens removed with a comma-delimited clause.
	gone []bool
	// text is the sentence text and base its offset in the document, so token
	// spans (document offsets) can be made sentence-relative.
	text string
	base int
	// doc is the article context, nil when coding a sentence alone.
	doc *Doc
	// tail is the comma opening a closing reporting clause (", an official
	// said on Monday."), or -1.
	tail, tailVerb int
}

// chunk is a base noun phrase: a nominal head with its determiners,
// adjectives, compounds, numbers and possessor, but without prepositional
// phrases, clauses or conjuncts. Chunks are the actor slots of patterns.
type chunk struct {
	idx        int
	head       int
	toks       []int // member tokens in order
	start, end int   // first member and last member + 1
	own        coding
	pronoun    bool
}

// coding is the actor information read from a chunk's own words.
type coding struct {
	actor  *actorHit
	agents []agentHit
	// former is true for "former" or "ex-" officials: CAMEO codes them ELI
	// (elites) in place of their old role.
	former bool
}

type actorHit struct {
	ref  entryRef
	code string // date-resolved code, may contain '/' for compound codes
	toks []int
	// capital is true when the hit is a capital city standing for its government.
	capital bool
}

type agentHit struct {
	ref  entryRef
	toks []int
}

func (c coding) coded() bool { return c.actor != nil || len(c.agents) > 0 }

// chunkRel reports the relations that keep a dependent inside its head's
// noun chunk ("compound:prt" is not one). A switch, not a map: it is asked
// for nearly every token of every sentence.
func chunkRel(r string) bool {
	switch r {
	case "det", "det:predet", "det:poss", "amod", "compound", "flat",
		"flat:name", "flat:foreign", "nummod", "nmod:poss", "nmod:desc",
		"advmod", "case", "punct", "cc", "conj", "dep", "nmod:npmod",
		"fixed", "goeswith":
		return true
	}
	return false
}

func isNominalTag(t string) bool {
	switch t {
	case "NN", "NNS", "NNP", "NNPS", "PRP", "FW", "NNPS|NNP":
		return true
	}
	return false
}

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") }

// nominalRel reports relations that make a non-noun a nominal head ("the Philippines" tagged oddly, numbers as objects).
func nominalRel(r string) bool {
	switch r {
	case "nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "appos":
		return true
	}
	return false
}

func newSentence(toks []annalist.Token, text string, base int) *sentence {
	s := &sentence{toks: toks, text: text, base: base}
	n := len(toks)
	s.words = make([]string, n)
	s.kids = make([][]int, n)
	s.chunk = make([]int, n)
	s.gone = make([]bool, n)
	// All upper-case words live in one string: one allocation per sentence.
	var b strings.Builder
	size := 0
	for _, t := range toks {
		size += len(t.Norm) + len(t.Text)
	}
	b.Grow(size)
	ends := make([]int, n)
	for i, t := range toks {
		w := t.Norm
		if w == "" {
			w = t.Text
		}
		upperInto(&b, w)
		ends[i] = b.Len()
		s.chunk[i] = -1
	}
	all := b.String()
	prev := 0
	for i := range toks {
		s.words[i] = all[prev:ends[i]]
		s.sig.add(s.words[i])
		prev = ends[i]
	}
	// Dependents, in order, in one backing array.
	counts := make([]int, n)
	for _, t := range toks {
		if t.Head >= 0 && t.Head < n {
			counts[t.Head]++
		}
	}
	backing := make([]int, 0, n)
	for i := range toks {
		s.kids[i] = backing[len(backing) : len(backing) : len(backing)+counts[i]]
		backing = backing[:len(backing)+counts[i]]
	}
	for i, t := range toks {
		if t.Head >= 0 && t.Head < n {
			s.kids[t.Head] = append(s.kids[t.Head], i)
		}
	}
	s.buildChunks()
	s.tail, s.tailVerb = s.reportingTail()
	return s
}

// reportingTail finds a closing reporting clause ", [the ...] NP said [on
// Monday]." whatever the parser attached it to; it returns the comma and the
// speech verb, or -1, -1.
func (s *sentence) reportingTail() (int, int) {
	n := len(s.toks)
	end := n
	for end > 0 && isFinalPunct(s.toks[end-1]) {
		end--
	}
	for v := end - 1; v > 1; v-- {
		if !speechVerb(s.words[v]) || !isVerbTag(s.toks[v].Tag) {
			continue
		}
		// after the verb: only its own modifiers
		for t := v + 1; t < end; t++ {
			if !s.under(t, v) {
				return -1, -1
			}
		}
		// before the verb, back to a comma: noun chunks only
		c := v - 1
		for c >= 0 && s.toks[c].Norm != "," {
			if s.chunk[c] < 0 && s.toks[c].Rel != "punct" && s.toks[c].Tag != "RB" {
				return -1, -1
			}
			c--
		}
		if c <= 0 || c == v-1 {
			return -1, -1
		}
		return c, v
	}
	return -1, -1
}

// under reports whether token t is in the subtree of token v.
func (s *sentence) under(t, v int) bool {
	for i := 0; i < len(s.toks) && t >= 0; i++ {
		if t == v {
			return true
		}
		t = s.toks[t].Head
	}
	return false
}

// wordSig is a 256-bit signature of a set of words: one bit per word, chosen
// by its hash. A word whose bit a sentence's signature lacks is certainly not
// in the sentence.
type wordSig [4]uint64

// add sets the bit of w.
func (g *wordSig) add(w string) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	b := (h * 0x9E3779B97F4A7C15) >> 56
	g[b>>6] |= 1 << (b & 63)
}

// hasAll reports whether every word occurs in the sentence; sig is the
// signature of words, which rules most sentences out without a scan.
func (s *sentence) hasAll(words []string, sig *wordSig) bool {
	if sig[0]&^s.sig[0]|sig[1]&^s.sig[1]|sig[2]&^s.sig[2]|sig[3]&^s.sig[3] != 0 {
		return false
	}
	for _, w := range words {
		found := false
		for _, x := range s.words {
			if x == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// upperInto writes w in upper case, without allocating for ASCII.
func upperInto(b *strings.Builder, w string) {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			b.WriteString(strings.ToUpper(w[i:]))
			return
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		b.WriteByte(c)
	}
}

// isChunkHead decides whether token i heads a noun chunk.
func (s *sentence) isChunkHead(i int) bool {
	t := s.toks[i]
	rel := t.Rel
	if t.Head >= 0 && s.inside(i) {
		return false
	}
	switch {
	case isNominalTag(t.Tag):
		return true
	case t.Tag == "CD" && rel != "nummod":
		return nominalRel(baseRel(rel)) || rel == "conj"
	case nominalRel(baseRel(rel)) && !isVerbTag(t.Tag) && t.Tag != "RB" && t.Tag != "IN" && t.Tag != "TO" && t.Tag != "WDT" && t.Tag != "WP":
		return true
	}
	return false
}

// inside reports whether token i is a chunk-internal dependent of a nominal head.
func (s *sentence) inside(i int) bool {
	t := s.toks[i]
	if !chunkRel(t.Rel) {
		// Adjectives and names before a noun belong to its phrase whatever
		// the parser called them ("the evil Arnor awful Gondor").
		if ht := s.toks[t.Head].Tag; t.Head > i && (strings.HasPrefix(t.Tag, "JJ") || isProper(t.Tag)) && (isNominalTag(ht) || strings.HasPrefix(ht, "JJ")) &&
			(t.Rel == "nsubj" || t.Rel == "obl:npmod" || t.Rel == "nmod:npmod" || t.Rel == "obl:unmarked") && s.contiguous(i, t.Head) {
			return true
		}
		return false
	}
	h := s.toks[t.Head]
	if isProper(t.Tag) && (t.Rel == "compound" || t.Rel == "nmod:poss") && temporalWords[s.words[t.Head]] {
		return false // "Gondor late Sunday": a name before a date is its own phrase
	}
	switch t.Rel {
	case "conj":
		// a conjunct noun is its own chunk; a conjunct adjective stays inside
		return !isNominalTag(t.Tag) && t.Tag != "CD" && (!isNominalTag(h.Tag) || strings.HasPrefix(t.Tag, "JJ"))
	case "cc", "punct", "case":
		// only inside when the head is itself a chunk member or head
		if t.Rel == "case" && !(t.Tag == "POS" || t.Norm == "'s" || t.Norm == "'") {
			return false
		}
		return isNominalTag(h.Tag) || strings.HasPrefix(h.Tag, "JJ") || h.Tag == "CD"
	case "dep":
		return isNominalTag(h.Tag) && !isVerbTag(t.Tag)
	case "advmod":
		return !isVerbTag(h.Tag) && (isNominalTag(h.Tag) || strings.HasPrefix(h.Tag, "JJ") || h.Tag == "CD")
	}
	return isNominalTag(h.Tag) || strings.HasPrefix(h.Tag, "JJ") || h.Tag == "CD" || s.toks[i].Rel == "nmod:poss"
}

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i > 0 {
		return r[:i]
	}
	return r
}

// titleOf reports whether k, a dependent of t, is the "of" phrase of a
// title before the name that heads a noun phrase: in "U.S. Secretary of
// State George Shultz", "Secretary" is a compound of "Shultz" and "of
// State" belongs with it to the phrase.
func (s *sentence) titleOf(t, k, head int) bool {
	if t == head || s.toks[t].Rel != "compound" || s.toks[k].Rel != "nmod" || k > head {
		return false
	}
	for _, c := range s.kids[k] {
		if s.toks[c].Rel == "case" && s.words[c] == "OF" {
			return true
		}
	}
	return false
}

func (s *sentence) buildChunks() {
	for i := range s.toks {
		if s.chunk[i] >= 0 || !s.isChunkHead(i) {
			continue
		}
		c := &chunk{idx: len(s.chunks), head: i}
		var collect func(int)
		collect = func(t int) {
			c.toks = append(c.toks, t)
			for _, k := range s.kids[t] {
				if s.inside(k) || (t != i && s.toks[k].Rel != "conj" && s.toks[k].Rel != "appos" && chunkRel(s.toks[k].Rel)) || s.titleOf(t, k, i) {
					collect(k)
				}
			}
		}
		collect(i)
		sortInts(c.toks)
		// trim trailing and leading punctuation and coordinators
		for len(c.toks) > 1 && trimmable(s.toks[c.toks[len(c.toks)-1]]) {
			c.toks = c.toks[:len(c.toks)-1]
		}
		for len(c.toks) > 1 && trimmable(s.toks[c.toks[0]]) {
			c.toks = c.toks[1:]
		}
		c.start, c.end = c.toks[0], c.toks[len(c.toks)-1]+1
		c.pronoun = s.toks[i].Tag == "PRP"
		for _, t := range c.toks {
			if s.chunk[t] < 0 {
				s.chunk[t] = c.idx
			}
		}
		s.chunks = append(s.chunks, c)
	}
	s.mergeAdjacent()
	s.absorbStrayModifiers()
}

// absorbStrayModifiers gives a noun chunk the capitalised adjectives and
// names right before it that the parser attached to something outside any
// chunk ("Brazilian | President Jair Bolsonaro opposed", with "Brazilian"
// hung from the verb): they describe the noun phrase they stand in.
func (s *sentence) absorbStrayModifiers() {
	for _, c := range s.chunks {
		for t := c.start - 1; t >= 0 && s.chunk[t] < 0; t-- {
			tk := s.toks[t]
			if !(strings.HasPrefix(tk.Tag, "JJ") || isProper(tk.Tag)) || tk.Text == "" || tk.Text[0] < 'A' || tk.Text[0] > 'Z' {
				break
			}
			if h := tk.Head; h >= 0 && s.chunk[h] >= 0 && s.chunk[h] != c.idx {
				break // it belongs to another noun phrase
			}
			if tk.Rel == "punct" || tk.Rel == "cc" || tk.Rel == "case" || len(s.kids[t]) > 0 {
				break
			}
			c.toks = append([]int{t}, c.toks...)
			c.start = t
			s.chunk[t] = c.idx
		}
	}
}

// mergeRels are attachments between two touching noun chunks that a parser
// uses when it splits one name or title ("Dagolath's first Deputy | Prime
// Minister Telemar", "Bree | Prime Minister Romendacil"): with no word
// between them the two are one noun phrase.
var mergeRels = map[string]bool{"appos": true, "conj": true, "flat": true, "compound": true, "nmod:desc": true,
	"dep": true, "list": true, "obl:unmarked": true, "nmod:unmarked": true, "obl:npmod": true}

// mergeAdjacent joins touching chunks that belong together: one attached
// to the other by a merge relation, or a name right after a description
// that the parser made the subject of a relative clause ("the news agency
// WFNA said").
func (s *sentence) mergeAdjacent() {
	for bi := 1; bi < len(s.chunks); bi++ {
		b := s.chunks[bi]
		if b.start == 0 || s.chunk[b.start-1] < 0 {
			continue
		}
		a := s.chunks[s.chunk[b.start-1]]
		if a == b || a.end != b.start || b.pronoun || a.pronoun || s.toks[b.toks[0]].Rel == "det" || s.toks[b.toks[0]].Rel == "case" {
			continue
		}
		bt, at := s.toks[b.head], s.toks[a.head]
		at0 := a.head
		if temporalWords[s.words[b.head]] || temporalWords[s.words[a.head]] {
			continue // a date does not join a name: "Gondor | late Sunday"
		}
		join := false
		switch {
		case mergeRels[bt.Rel] && bt.Head >= 0 && s.chunk[bt.Head] == a.idx:
			join = bt.Rel != "conj" || !s.hasCoordinator(b.head)
		case bt.Rel == "conj" && !s.hasCoordinator(b.head) && (s.toks[a.head].Rel == "conj" || a.head == bt.Head) && !isProper(bt.Tag):
			// "death and injury toll": a conjunct without its own "and" continues the one before it
			join = true
		case mergeRels[at.Rel] && at.Head >= 0 && s.chunk[at.Head] == b.idx:
			join = true
		case bareAdverbial[at.Rel] && bt.Rel == "nsubj" && at.Head == bt.Head && !s.hasCase(a.head):
			// "Gryffindor's head | Minerva McGonagall left": a bare noun phrase
			// right before the subject is part of it
			join = true
			a.head = b.head
		case (bt.Rel == "nsubj" || bt.Rel == "obl" || bt.Rel == "nmod") && bt.Head >= 0 && !s.hasCase(b.head) && isProper(bt.Tag):
			v := s.toks[bt.Head]
			join = bt.Rel == "nsubj" && (v.Rel == "acl:relcl" || v.Rel == "acl") && v.Head >= 0 && s.chunk[v.Head] == a.idx
			join = join || (bt.Rel != "nsubj" && s.chunk[bt.Head] == a.idx)
		}
		if !join || !(isProper(bt.Tag) || isProper(at.Tag) || bt.Rel == "conj") {
			if a.head == b.head {
				a.head = at0
			}
			continue
		}
		// a absorbs b; the head stays a's unless a was attached to b
		if at.Head >= 0 && s.chunk[at.Head] == b.idx {
			a.head = b.head
		}
		a.toks = append(a.toks, b.toks...)
		sortInts(a.toks)
		a.end = b.end
		for _, t := range b.toks {
			s.chunk[t] = a.idx
		}
		b.toks = nil
		b.head = -1
	}
	// drop emptied chunks and renumber
	var keep []*chunk
	for _, c := range s.chunks {
		if c.head >= 0 {
			c.idx = len(keep)
			keep = append(keep, c)
		}
	}
	if len(keep) != len(s.chunks) {
		for i := range s.chunk {
			s.chunk[i] = -1
		}
		for _, c := range keep {
			for _, t := range c.toks {
				s.chunk[t] = c.idx
			}
		}
		s.chunks = keep
	}
}

func isProper(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// bareAdverbial are relations of noun phrases used adverbially without a preposition.
var bareAdverbial = map[string]bool{"obl:unmarked": true, "obl:npmod": true, "obl:tmod": true, "nmod:npmod": true, "dep": true}

// hasCoordinator reports whether token t has its own "and"/"or" or a comma.
func (s *sentence) hasCoordinator(t int) bool {
	for _, k := range s.kids[t] {
		if r := s.toks[k].Rel; (r == "cc" || r == "punct") && k < t {
			return true
		}
	}
	return false
}

// hasCase reports whether token t has a preposition.
func (s *sentence) hasCase(t int) bool {
	for _, k := range s.kids[t] {
		if s.toks[k].Rel == "case" {
			return true
		}
	}
	return false
}

func trimmable(t annalist.Token) bool {
	return t.Rel == "punct" || t.Rel == "cc"
}

func sortInts(a []int) {
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// span returns the sentence-relative byte span of tokens from..to (inclusive).
func (s *sentence) span(toks []int) annalist.Span {
	var sp annalist.Span
	for _, t := range toks {
		ts := s.toks[t].Span
		if ts.Empty() {
			continue
		}
		sp = sp.Union(ts.Shift(-s.base))
	}
	return sp
}

// textOf returns the words of the tokens joined by spaces (normalised forms).
func (s *sentence) textOf(toks []int) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		w := s.toks[t].Text
		b.WriteString(w)
	}
	return b.String()
}

// conjuncts returns the chunk itself followed by the chunks conjoined with it
// (conj relations from any nominal word of a chunk to another chunk's head,
// depth first), and, for a subject that ends a comma list the parser did
// not read as a coordination ("Evil Mordor, the awful Fornost, and good
// Gondor"), the chunks of that list.
func (s *sentence) conjuncts(c *chunk) []*chunk {
	out := s.leftList(c)
	out = append(out, c)
	seen := map[*chunk]bool{c: true}
	var walk func(x *chunk)
	walk = func(x *chunk) {
		for _, t := range x.toks {
			if t != x.head && !isNominalTag(s.toks[t].Tag) {
				continue
			}
			for _, k := range s.kids[t] {
				r := s.toks[k].Rel
				// an appositive that is itself a coordination is the rest of a list:
				// "Mordor, the Shire, Fornost and Bree"
				listAppos := r == "appos" && t == x.head && s.coordinated(k)
				if (r != "conj" && !listAppos) || s.chunk[k] < 0 {
					continue
				}
				y := s.chunks[s.chunk[k]]
				if y.head != k || seen[y] || s.gone[k] || (s.tail >= 0 && x.start < s.tail && y.start > s.tail) {
					continue
				}
				if r == "conj" && x == c && s.coordinated(k) && s.commaAndBefore(k) {
					// "A and B, and C and D": a second pair is a coordination of its own
					continue
				}
				seen[y] = true
				out = append(out, y)
				walk(y)
			}
		}
	}
	walk(c)
	// Two subjects of one verb are a coordination the parser did not build:
	// "The lions and the evil awful Gondor welcomed".
	if h := s.toks[c.head]; (h.Rel == "nsubj" || h.Rel == "nsubj:pass") && h.Head >= 0 {
		for _, k := range s.kids[h.Head] {
			if k != c.head && s.toks[k].Rel == h.Rel && s.chunk[k] >= 0 && !seen[s.chunks[s.chunk[k]]] && !s.gone[k] {
				y := s.chunks[s.chunk[k]]
				seen[y] = true
				out = append(out, y)
				walk(y)
			}
		}
	}
	return out
}

// coordinated reports whether token t has a conjunct introduced by a coordinator.
func (s *sentence) coordinated(t int) bool {
	for _, k := range s.kids[t] {
		if s.toks[k].Rel == "conj" && s.hasCoordinator(k) {
			return true
		}
	}
	return false
}

// leftList returns the chunks of a comma list ending just before subject c
// ("A, B and c", "A, B, and c"), when the parser attached them elsewhere.
func (s *sentence) leftList(c *chunk) []*chunk {
	if r := s.toks[c.head].Rel; r != "nsubj" && r != "nsubj:pass" {
		return nil
	}
	var list []*chunk
	i := c.start - 1
	sawCC := false
	for i >= 0 {
		t := s.toks[i]
		switch {
		case t.Norm == "," || t.Rel == "punct" && t.Norm == ",":
			i--
			continue
		case t.Tag == "CC" && !sawCC && len(list) == 0:
			sawCC = true
			i--
			continue
		}
		ci := s.chunk[i]
		if ci < 0 || s.chunks[ci].end != i+1 {
			break
		}
		x := s.chunks[ci]
		switch s.toks[x.head].Rel {
		case "root", "list", "dep", "appos", "parataxis", "conj", "vocative":
		default:
			return nil
		}
		list = append([]*chunk{x}, list...)
		i = x.start - 1
		if i >= 0 && s.toks[i].Norm != "," && s.toks[i].Tag != "CC" {
			break
		}
	}
	if !sawCC || len(list) == 0 || i >= 0 {
		return nil // the list must be coordinated and open the sentence
	}
	return list
}

// firstConjunct returns the first chunk of the coordination c belongs to.
func (s *sentence) firstConjunct(c *chunk) *chunk {
	for i := 0; i < 20; i++ {
		t := s.toks[c.head]
		if t.Rel != "conj" || t.Head < 0 || s.chunk[t.Head] < 0 {
			return c
		}
		c = s.chunks[s.chunk[t.Head]]
	}
	return c
}

// nmods returns the chunks attached to chunk c as nominal modifiers (prepositional phrases: "of Gondor").
func (s *sentence) nmods(c *chunk) []*chunk {
	var out []*chunk
	for _, t := range c.toks {
		for _, k := range s.kids[t] {
			r := s.toks[k].Rel
			if (r == "nmod" || (strings.HasPrefix(r, "nmod:") && r != "nmod:poss" && r != "nmod:desc")) && s.chunk[k] >= 0 && !s.gone[k] {
				out = append(out, s.chunks[s.chunk[k]])
			}
		}
	}
	return out
}

// subtree returns token i and everything below it.
func (s *sentence) subtree(i int, skip func(int) bool) []int {
	var out []int
	var walk func(int)
	walk = func(t int) {
		out = append(out, t)
		for _, k := range s.kids[t] {
			if skip != nil && skip(k) {
				continue
			}
			walk(k)
		}
	}
	walk(i)
	sortInts(out)
	return out
}

// temporal reports a chunk that is a bare temporal or measure phrase ("next
// week", "almost five years"): such phrases are never actors.
func (s *sentence) temporal(ch *chunk) bool {
	switch s.toks[ch.head].Rel {
	case "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod", "obl:unmarked":
		return true
	}
	return false
}

// extended returns the chunk's tokens followed by those of its prepositional
// modifiers (with their prepositions), depth levels down, in text order
// within each level.
func (s *sentence) extended(ch *chunk, depth int) []int {
	out := append([]int(nil), ch.toks...)
	if depth == 0 {
		return out
	}
	for _, m := range s.nmods(ch) {
		for _, k := range s.kids[m.head] {
			if s.toks[k].Rel == "case" && k < m.start && !s.gone[k] {
				out = append(out, k)
			}
		}
		out = append(out, s.extended(m, depth-1)...)
	}
	return out
}

// apposHead returns, for an appositive ("Osgiliath, the state's fiercest
// foe"; "the European Union (EU)"), the chunk it renames; otherwise ch.
func (s *sentence) apposHead(ch *chunk) *chunk {
	for i := 0; i < 3; i++ {
		t := s.toks[ch.head]
		if t.Rel != "appos" || t.Head < 0 || s.chunk[t.Head] < 0 {
			return ch
		}
		ch = s.chunks[s.chunk[t.Head]]
	}
	return ch
}

// isPassive reports whether verb v is in the passive voice (a passive
// auxiliary or a passive subject depends on it).
func (s *sentence) isPassive(v int) bool {
	for _, k := range s.kids[v] {
		switch s.toks[k].Rel {
		case "aux:pass", "nsubj:pass", "csubj:pass":
			return true
		}
	}
	return false
}

// passiveSubject reports whether verb v has a passive subject of its own.
func (s *sentence) passiveSubject(v int) bool {
	for _, k := range s.kids[v] {
		if r := s.toks[k].Rel; r == "nsubj:pass" || r == "csubj:pass" {
			return true
		}
	}
	return false
}

// contiguous reports whether tokens from a to b have no punctuation,
// coordinator or verb between them.
func (s *sentence) contiguous(a, b int) bool {
	if a > b {
		a, b = b, a
	}
	for t := a + 1; t < b; t++ {
		tk := s.toks[t]
		if tk.Rel == "punct" || tk.Tag == "CC" || isVerbTag(tk.Tag) {
			return false
		}
	}
	return true
}

// commaAndBefore reports a conjunct introduced by ", and" (or ", or").
func (s *sentence) commaAndBefore(t int) bool {
	cc, comma := false, false
	for _, k := range s.kids[t] {
		if k < t && s.toks[k].Rel == "cc" {
			cc = true
		}
		if k < t && s.toks[k].Rel == "punct" && s.toks[k].Norm == "," {
			comma = true
		}
	}
	return cc && comma
}

// infinitival reports a verb introduced by "to".
func (s *sentence) infinitival(v int) bool {
	for _, k := range s.kids[v] {
		if s.toks[k].Rel == "mark" && s.words[k] == "TO" {
			return true
		}
	}
	return false
}

// ownArguments keeps the tokens of lower that belong to verb v's own nominal
// arguments and modifiers, not to its clausal complements.
func (s *sentence) ownArguments(v int, lower []int) []int {
	keep := map[int]bool{}
	for _, k := range s.kids[v] {
		switch s.toks[k].Rel {
		case "ccomp", "xcomp", "parataxis", "advcl", "csubj", "conj", "acl", "acl:relcl":
			continue
		}
		for _, t := range s.subtree(k, func(x int) bool {
			switch s.toks[x].Rel {
			case "ccomp", "xcomp", "parataxis", "advcl", "acl", "acl:relcl":
				return true
			}
			return false
		}) {
			keep[t] = true
		}
	}
	var out []int
	for _, t := range lower {
		if keep[t] {
			out = append(out, t)
		}
	}
	return out
}

// withoutClauses drops from lower the finite clauses verb v governs as
// complements ("concluded that the agreement is void"): their nouns are
// what was said or found, not the verb's objects, so a pattern such as
// "CONCLUDE * &TREATY" must not find them there.
func (s *sentence) withoutClauses(v int, lower []int) []int {
	var drop []int
	for _, k := range s.kids[v] {
		if s.toks[k].Rel != "ccomp" {
			continue
		}
		for _, m := range s.kids[k] {
			if r := s.toks[m].Rel; r == "nsubj" || r == "nsubj:pass" || r == "expl" {
				drop = append(drop, k)
				break
			}
		}
	}
	out := make([]int, 0, len(lower))
	for _, t := range lower {
		in := false
		for _, k := range drop {
			if s.under(t, k) {
				in = true
				break
			}
		}
		if !in && !s.inOtherClause(t, v) {
			out = append(out, t)
		}
	}
	return out
}

// inOtherClause reports a token that hangs below verb v through a
// non-infinitival adverbial clause, a relative clause, a parenthetical or a
// clausal subject ("... held in Beijing, emphasizing the need to support
// ...", "the forces that attacked"): that clause is a predication of its
// own, so its words are not v's pattern words.
func (s *sentence) inOtherClause(t, v int) bool {
	for i := 0; i < len(s.toks) && t >= 0 && t != v; i++ {
		switch r := s.toks[t].Rel; {
		case r == "advcl" && s.infinitival(t):
			// "called on Turkey to halt": the parser's advcl is a
			// complement here, and the pattern spans it.
		case r == "advcl", r == "acl:relcl", r == "parataxis", r == "csubj":
			return s.under(s.toks[t].Head, v)
		}
		t = s.toks[t].Head
	}
	return false
}

// appositives returns the chunks in apposition to ch: its appos dependents
// and, when ch is itself an appositive, the chunk it renames.
func (s *sentence) appositives(ch *chunk) []*chunk {
	var out []*chunk
	for _, k := range s.kids[ch.head] {
		if s.toks[k].Rel == "appos" && s.chunk[k] >= 0 && s.chunks[s.chunk[k]] != ch && !s.gone[k] {
			out = append(out, s.chunks[s.chunk[k]])
		}
	}
	if t := s.toks[ch.head]; t.Rel == "appos" && t.Head >= 0 && s.chunk[t.Head] >= 0 && s.chunks[s.chunk[t.Head]] != ch {
		out = append(out, s.chunks[s.chunk[t.Head]])
	}
	// "Zalmay Khalilzad, a US peace envoy," whatever the parser attached:
	// a determined noun phrase set off by commas right after a name.
	if e := ch.end; e+1 < len(s.toks) && s.toks[e].Norm == "," && s.chunk[e+1] >= 0 && isProper(s.toks[ch.head].Tag) {
		b := s.chunks[s.chunk[e+1]]
		if b.start == e+1 && b != ch && (s.toks[b.start].Rel == "det" || s.toks[b.start].Tag == "DT") &&
			(b.end == len(s.toks) || s.toks[b.end].Norm == "," || isFinalPunct(s.toks[b.end]) || s.toks[b.end].Rel == "case") {
			out = append(out, b)
		}
	}
	return out
}
