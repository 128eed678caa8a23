package nlp

// News names its actors with long noun phrases ("The United States
// government", "The Emergency Situations Ministry", "Florida Department of
// Transportation official Troy Roberts"). The parser, trained on web text,
// sometimes cuts such a phrase into two or three subjects of the same verb,
// each a noun heading part of the phrase: 108 times in the 12,249 Wikinews
// sentences. A verb has one subject, and the rightmost noun of an English
// noun phrase is its head, so repairSplitSubjects joins the parts again:
// each earlier part becomes a compound (a possessive, nmod:poss) of the
// next. Likewise "the president and Congress could not agree" sometimes
// comes out as two subjects where UD has one coordinated subject.

// repairSplitSubjects joins subjects of the same verb that are nouns. When
// only "and" or "or" stands between their phrases, the later becomes a
// conjunct of the earlier, with the conjunction. When nothing does, the earlier
// one is attached to the later one as compound, or as nmod:poss when its
// phrase ends in a possessive "'s", and its determiner moves along when the
// later one has none. Pronouns, relative pronouns, and an earlier phrase
// with a preposition of its own, a conjunction or punctuation are left
// alone. Words only move under a sibling,
// never under their own descendants, so trees stay trees.
func repairSplitSubjects(words, tags []string, heads []int, rels []string) {
	n := len(words)
	for b := 1; b < n; b++ {
		if !isSubject(rels[b]) || !isNounTag(tags[b]) {
			continue
		}
		lo, bhi := span(heads, b)
		if !bareHead(heads, rels, b, lo, bhi) {
			continue
		}
		// the nearest earlier subject of the same verb
		a := -1
		for k := b - 1; k >= 0; k-- {
			if heads[k] == heads[b] && isSubject(rels[k]) {
				a = k
				break
			}
		}
		if a < 0 || !isNounTag(tags[a]) {
			continue
		}
		alo, hi := span(heads, a)
		if hi+2 == lo && rels[hi+1] == "cc" && (words[hi+1] == "and" || words[hi+1] == "or") &&
			!hasCase(tags, heads, rels, a) && !hasCase(tags, heads, rels, b) {
			// "the president and Congress could not agree": two
			// subjects joined by a conjunction are one coordinated subject.
			heads[b], rels[b] = a, "conj"
			heads[hi+1] = b
			continue
		}
		if hi+1 != lo || !plainPhrase(tags, heads, rels, a, alo, hi) {
			continue
		}
		if tags[hi] == "POS" {
			heads[a], rels[a] = b, "nmod:poss"
			continue
		}
		heads[a], rels[a] = b, "compound"
		if !hasChild(heads, rels, b, "det") {
			for k := range heads {
				if heads[k] == a && rels[k] == "det" && k < a {
					heads[k] = b
				}
			}
		}
	}
}

// plainPhrase reports whether the subtree of word a, words lo to hi, reads
// as the first part of a longer noun phrase: no preposition of its own ("By
// September of that year the Dow had tumbled"), no coordination and no
// punctuation.
func plainPhrase(tags []string, heads []int, rels []string, a, lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if heads[k] == a && rels[k] == "case" && tags[k] != "POS" {
			return false
		}
		if rels[k] == "cc" || rels[k] == "punct" {
			return false
		}
	}
	return true
}

// hasCase reports whether word a has a preposition of its own (a
// possessive "'s" does not count): "According to police and county
// officials, Zhukovskyy was driving" is not a coordinated subject.
func hasCase(tags []string, heads []int, rels []string, a int) bool {
	for k, h := range heads {
		if h == a && rels[k] == "case" && tags[k] != "POS" {
			return true
		}
	}
	return false
}

// bareHead reports whether the subtree of word b, words lo to hi, is b with
// at most modifiers that stand inside a noun phrase (compound, flat name,
// adjective, number): no determiner, preposition or punctuation of its own,
// which would start a phrase of its own ("the threat of terrorism against
// the US came").
func bareHead(heads []int, rels []string, b, lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if k == b {
			continue
		}
		switch rels[k] {
		case "compound", "flat", "amod", "nummod":
		default:
			return false
		}
	}
	return true
}

// isSubject reports whether rel is a nominal subject relation.
func isSubject(rel string) bool { return rel == "nsubj" || rel == "nsubj:pass" }

// isNounTag reports whether t is a common or proper noun tag.
func isNounTag(t string) bool { return len(t) >= 2 && t[:2] == "NN" }

// span returns the first and last word of the subtree of word i.
func span(heads []int, i int) (lo, hi int) {
	lo, hi = i, i
	for k := range heads {
		if k >= lo && k <= hi {
			continue
		}
		if dominates(heads, i, k) {
			lo, hi = min(lo, k), max(hi, k)
		}
	}
	return lo, hi
}

// dominates reports whether word k is in the subtree of word i.
func dominates(heads []int, i, k int) bool {
	for steps := 0; k >= 0 && steps <= len(heads); steps++ {
		if k == i {
			return true
		}
		k = heads[k]
	}
	return false
}

// hasChild reports whether word i has a dependent with relation rel.
func hasChild(heads []int, rels []string, i int, rel string) bool {
	for k, h := range heads {
		if h == i && rels[k] == rel {
			return true
		}
	}
	return false
}
