package conllu

import "strings"

// MergeHyphens returns a copy of s in which every hyphenated compound that the
// treebank split into parts ("state", "-", "run" with no spaces between them)
// is one word ("state-run"), as Penn Treebank, the event dictionaries and
// Annalist's tokenizer write it. The merged word takes the part of speech,
// head and relation of the part whose head lies outside the compound (the
// last such part if several do), and heads are renumbered. Sentences without
// such compounds are returned unchanged (the same pointer).
func MergeHyphens(s *Sentence) *Sentence {
	n := len(s.Words)
	// group[i] is the index of the first word of the compound word i belongs to.
	group := make([]int, n)
	merged := false
	for i := range group {
		group[i] = i
	}
	for i := 1; i+1 < n; i++ {
		w := s.Words[i]
		if w.Form != "-" || w.XPOS != "HYPH" || !noSpaceAfter(s.Words[i-1]) || !noSpaceAfter(w) {
			continue
		}
		if isPunct(s.Words[i-1]) || isPunct(s.Words[i+1]) {
			continue
		}
		group[i] = group[i-1]
		group[i+1] = group[i-1]
		merged = true
	}
	if !merged {
		return s
	}
	// Map old word index -> new word index.
	newIdx := make([]int, n)
	k := -1
	for i := 0; i < n; i++ {
		if group[i] == i {
			k++
		}
		newIdx[i] = k
	}
	depth := treeDepths(s.Words)
	out := &Sentence{ID: s.ID, Text: s.Text, Comments: s.Comments, Line: s.Line}
	for i := 0; i < n; {
		j := i
		for j+1 < n && group[j+1] == i {
			j++
		}
		// Choose the head part: the part nearest the root (ties: the
		// last). Its head is outside [i, j] and is no descendant of the
		// group, so every merged word's head has a smaller depth than the
		// word itself and the result stays a tree even when the parts do
		// not form a subtree ("walk-in to these hotels").
		h := j
		for p := j; p >= i; p-- {
			if depth[p] < depth[h] {
				h = p
			}
		}
		w := s.Words[h]
		if j > i {
			var b strings.Builder
			for p := i; p <= j; p++ {
				b.WriteString(s.Words[p].Form)
			}
			w.Form = b.String()
			w.Lemma = strings.ToLower(w.Form)
			w.Misc = s.Words[j].Misc
		}
		w.ID = newIdx[i] + 1
		if w.Head > 0 {
			w.Head = newIdx[w.Head-1] + 1
		}
		if w.Head == w.ID { // a compound whose outside head was its own part: cannot happen for trees, guard anyway
			w.Head = 0
		}
		out.Words = append(out.Words, w)
		i = j + 1
	}
	return out
}

// treeDepths returns each word's distance from the root (root's
// dependents are 1). Words on a cycle or with heads out of range, which
// a malformed file may hold, get a depth past every real one.
func treeDepths(words []Word) []int {
	n := len(words)
	depth := make([]int, n)
	for i := range words {
		d, k := 0, i
		for k >= 0 && k < n && d <= n {
			d++
			k = words[k].Head - 1
		}
		if k != -1 {
			d = n + 1
		}
		depth[i] = d
	}
	return depth
}

func noSpaceAfter(w Word) bool {
	return strings.Contains(w.Misc, "SpaceAfter=No")
}

func isPunct(w Word) bool { return w.UPOS == "PUNCT" }
