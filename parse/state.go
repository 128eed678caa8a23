package parse

// The transition system is arc-eager (Nivre 2003) with the artificial root
// at the END of the buffer (Ballesteros & Nivre 2013): the root can only take
// left dependents, so a sentence's words are all attached before the root is
// reached and the parser never has to guess early whether a word is the root.
//
// Words are 0..n-1 and the root is n. Each word is pushed once (SHIFT or
// RIGHT-ARC) and popped once (REDUCE or LEFT-ARC), so a sentence of n words
// takes exactly 2n transitions.

// Moves of the unlabelled transition system. Labels are chosen by a second
// classifier at the moment an arc is made.
const (
	mShift = iota
	mReduce
	mLeft
	mRight
	nMoves
)

// state is a parser configuration plus the per-word bookkeeping the feature
// templates read (children, valencies, label sets). It is reused across
// sentences; reset sizes it.
type state struct {
	n     int      // words, not counting the root
	stack []int32  // word indices; top is the last element
	b     int32    // front of the buffer; the buffer is b..n, n being the root
	words []uint64 // per word (and root): hashed normalised form
	sufs  []uint64 // per word: hashed 3-letter suffix
	shape []uint64 // per word: hashed word shape
	tags  []uint64 // per word: tag id (small integers)
	head  []int32  // assigned head or -1
	label []int32  // assigned label or -1
	lm1   []int32  // leftmost dependent or -1
	lm2   []int32  // second leftmost dependent or -1
	rm1   []int32  // rightmost dependent or -1
	rm2   []int32  // second rightmost dependent or -1
	nl    []int32  // number of left dependents
	nr    []int32  // number of right dependents
	ls    []uint64 // set of left dependents' labels (bit per label id mod 64)
	rs    []uint64 // set of right dependents' labels
	inStk []bool   // word is on the stack (used by the oracle)
	keys  []uint32 // feature keys of the current decision
	lsc   []int32  // label scores scratch
	hits  []sslot  // label rows found, scratch
	memo  memo     // group scores kept by Model.scoreTrans
	sink  uint32   // keeps prefetching reads alive
}

// memo holds the summed weights of the transition feature groups that
// Model.scoreTrans reuses while their inputs stay the same.
type memo struct {
	s0Sc   [][nMoves]int32 // per word: its s0Keys sum, once s0Done
	s0Done []bool
	s0rSc  [][nMoves]int32 // per word: its s0RightKeys sum with s0rN right dependents
	s0rN   []int32         // -1 before the first
	n0Sc   [][nMoves]int32 // per word: its n0Keys sum (Model.scoreWindows)
	n0End  []int32         // scratch for scoreWindows
	n0lAt  int32           // the N0 of n0lSc, -1 before the first
	n0lN   int32           // N0's number of left dependents for n0lSc
	n0lSc  [nMoves]int32
}

// reset empties the memo for a sentence of m positions (words and root).
func (mm *memo) reset(m int) {
	if cap(mm.s0Done) < m {
		mm.s0Sc = make([][nMoves]int32, m)
		mm.s0Done = make([]bool, m)
		mm.s0rSc = make([][nMoves]int32, m)
		mm.s0rN = make([]int32, m)
		mm.n0Sc = make([][nMoves]int32, m)
		mm.n0End = make([]int32, m)
	}
	mm.s0Sc, mm.s0Done, mm.s0rSc, mm.s0rN = mm.s0Sc[:m], mm.s0Done[:m], mm.s0rSc[:m], mm.s0rN[:m]
	mm.n0Sc, mm.n0End = mm.n0Sc[:m], mm.n0End[:m]
	for i := range mm.s0Done {
		mm.s0Done[i] = false
		mm.s0rN[i] = -1
	}
	mm.n0lAt = -1
}

func (s *state) reset(n int) {
	s.n = n
	m := n + 1
	s.stack = s.stack[:0]
	s.b = 0
	grow := func(p *[]int32) {
		if cap(*p) < m {
			*p = make([]int32, m)
		}
		*p = (*p)[:m]
	}
	grow64 := func(p *[]uint64) {
		if cap(*p) < m {
			*p = make([]uint64, m)
		}
		*p = (*p)[:m]
	}
	grow64(&s.words)
	grow64(&s.sufs)
	grow64(&s.shape)
	grow64(&s.tags)
	grow64(&s.ls)
	grow64(&s.rs)
	for _, p := range []*[]int32{&s.head, &s.label, &s.lm1, &s.lm2, &s.rm1, &s.rm2, &s.nl, &s.nr} {
		grow(p)
	}
	if cap(s.inStk) < m {
		s.inStk = make([]bool, m)
	}
	s.inStk = s.inStk[:m]
	for i := 0; i < m; i++ {
		s.head[i], s.label[i] = -1, -1
		s.lm1[i], s.lm2[i], s.rm1[i], s.rm2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.ls[i], s.rs[i] = 0, 0
		s.inStk[i] = false
	}
}

func (s *state) done() bool { return int(s.b) == s.n && len(s.stack) == 0 }

func (s *state) top() int32 {
	if len(s.stack) == 0 {
		return -1
	}
	return s.stack[len(s.stack)-1]
}

// valid reports whether move m is allowed in the current configuration.
func (s *state) valid(m int) bool {
	hasStack := len(s.stack) > 0
	bIsRoot := int(s.b) == s.n
	switch m {
	case mShift:
		return !bIsRoot
	case mRight:
		return hasStack && !bIsRoot
	case mLeft:
		return hasStack && s.head[s.top()] < 0
	case mReduce:
		return hasStack && s.head[s.top()] >= 0
	}
	return false
}

// forced returns the only valid move, or -1 if there is a choice: with an
// empty stack the parser must shift, and once the buffer holds only the root
// the stack top must be reduced or attached to the root.
func (s *state) forced() int {
	switch {
	case len(s.stack) == 0:
		return mShift
	case int(s.b) == s.n:
		if s.head[s.top()] < 0 {
			return mLeft
		}
		return mReduce
	}
	return -1
}

// apply performs move m; for arcs, lab is the label of the new arc.
func (s *state) apply(m int, lab int32) {
	switch m {
	case mShift:
		s.push(s.b)
		s.b++
	case mReduce:
		s.pop()
	case mLeft:
		d := s.pop()
		s.arc(s.b, d, lab)
	case mRight:
		s.arc(s.top(), s.b, lab)
		s.push(s.b)
		s.b++
	}
}

func (s *state) push(i int32) {
	s.stack = append(s.stack, i)
	s.inStk[i] = true
}

func (s *state) pop() int32 {
	i := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	s.inStk[i] = false
	return i
}

func (s *state) arc(h, d, lab int32) {
	s.head[d] = h
	s.label[d] = lab
	bit := uint64(1) << (uint32(lab) & 63)
	if d < h {
		// Left dependents arrive nearest first, so the new one is the leftmost.
		s.lm2[h] = s.lm1[h]
		s.lm1[h] = d
		s.nl[h]++
		s.ls[h] |= bit
	} else {
		// Right dependents arrive nearest first too, so the new one is the rightmost.
		s.rm2[h] = s.rm1[h]
		s.rm1[h] = d
		s.nr[h]++
		s.rs[h] |= bit
	}
}

// costs fills c with the dynamic-oracle cost of every move (Goldberg & Nivre
// 2012): the number of gold arcs that become unreachable. gold[i] is the gold
// head of word i (n for the root word). Invalid moves are left untouched.
func (s *state) costs(gold []int32, c *[nMoves]int) {
	n := int32(s.n)
	b := s.b
	st := s.top()
	if s.valid(mShift) {
		k := 0
		for _, w := range s.stack {
			if (gold[w] == b && s.head[w] < 0) || gold[b] == w {
				k++
			}
		}
		c[mShift] = k
	}
	if s.valid(mReduce) {
		k := 0
		for j := b; j < n; j++ {
			if gold[j] == st {
				k++
			}
		}
		c[mReduce] = k
	}
	if s.valid(mLeft) {
		k := 0
		if g := gold[st]; g != b && g > b {
			k++
		}
		for j := b; j < n; j++ {
			if gold[j] == st {
				k++
			}
		}
		c[mLeft] = k
	}
	if s.valid(mRight) {
		k := 0
		if g := gold[b]; g != st && (g > b || (g < n && s.inStk[g])) {
			k++
		}
		for _, w := range s.stack {
			if gold[w] == b && s.head[w] < 0 {
				k++
			}
		}
		c[mRight] = k
	}
}
