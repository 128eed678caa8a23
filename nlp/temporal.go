package nlp

// Wire copy puts a bare day between the subject and the verb ("Ukrainian
// lawmakers Tuesday endorsed", "Hughes yesterday adjourned"), a word order
// the web text of EWT hardly has. The parser then makes the day a second
// subject of the verb (44 of 371 such Reuters sentences), part of the name
// before it ("Wright Thursday renewed": flat) or its apposition. EWT
// annotates the day as obl:unmarked of the verb, and so does this repair.

// dayWords are the bare temporal nouns wire copy puts before the verb.
var dayWords = map[string]bool{
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true,
	"Sunday": true, "today": true, "yesterday": true, "tonight": true,
}

// repairDays reattaches a bare day that the parser made a subject, or part
// of the subject, as obl:unmarked of the verb: when it is the subject and
// the real subject hangs off it ("Hughes yesterday adjourned", then the two
// trade places), when it is the second subject of its verb, or when it
// hangs (flat, appos, compound, nmod:unmarked) off the verb's subject and
// comes right before the verb. Every word it moves goes to an ancestor or
// to a former sibling that takes its place, so the tree stays a tree.
func repairDays(words, tags []string, heads []int, rels []string) {
	for i, w := range words {
		if !dayWords[w] || heads[i] < 0 {
			continue
		}
		h := heads[i]
		switch rels[i] {
		case "nsubj", "nsubj:pass":
			if j := nameBefore(tags, heads, rels, i); j >= 0 {
				// "Hughes yesterday adjourned" read as the subject
				// "Hughes yesterday": Hughes is the subject, with what
				// else the day had gathered.
				for k := range heads {
					if heads[k] == i && k != j {
						heads[k] = j
					}
				}
				heads[j], rels[j] = h, rels[i]
				rels[i] = "obl:unmarked"
				continue
			}
			if j := i - 1; j >= 0 && heads[j] == h && isNoun(tags[j]) {
				switch rels[j] {
				case "obl:unmarked", "nmod:unmarked", "obl", "dep":
					// "At least one analyst Friday speculated" with the
					// labels the wrong way round.
					rels[j], rels[i] = rels[i], "obl:unmarked"
					continue
				}
			}
			for j := range words {
				if j != i && heads[j] == h && isSubject(rels[j]) {
					rels[i] = "obl:unmarked"
					break
				}
			}
		case "flat", "appos", "compound", "nmod:unmarked":
			v := heads[h]
			if v == i+1 && isSubject(rels[h]) && leaf(heads, i) {
				heads[i], rels[i] = v, "obl:unmarked"
			}
		}
	}
}

// nameBefore returns the noun or pronoun that the parser hung off the day
// i as a compound, flat name, apposition or unmarked modifier right before
// it, when the day has no dependents after it; otherwise -1.
func nameBefore(tags []string, heads []int, rels []string, i int) int {
	j := -1
	for k, h := range heads {
		if h != i {
			continue
		}
		if k > i {
			return -1
		}
		if k == i-1 {
			j = k
		}
	}
	if j < 0 {
		return -1
	}
	switch rels[j] {
	case "compound", "flat", "appos", "nmod:unmarked":
	default:
		return -1
	}
	if !isNoun(tags[j]) {
		return -1
	}
	return j
}

// isNoun reports whether t is a noun or personal pronoun tag.
func isNoun(t string) bool { return isNounTag(t) || t == "PRP" }

// leaf reports whether word i has no dependents.
func leaf(heads []int, i int) bool {
	for _, h := range heads {
		if h == i {
			return false
		}
	}
	return true
}
