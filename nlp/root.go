package nlp

// A full sentence has a main verb, but the parser sometimes makes a noun
// the root and hangs the finite verb under it as a relative clause without
// a relative pronoun ("A fire yesterday afternoon killed five girls": fire
// <-acl:relcl- killed, with "afternoon" as killed's subject), or under a
// prepositional phrase it took for the root ("In addition to the
// inspections Brudzinski also ordered ..."). repairRoot makes the verb the
// root again.

// timeNouns are nouns that, as the subject the parser gave a verb, are
// really when it happened ("yesterday afternoon killed").
var timeNouns = map[string]bool{
	"morning": true, "afternoon": true, "evening": true, "night": true, "week": true, "month": true,
	"year": true, "weekend": true, "today": true, "yesterday": true, "tonight": true,
	"Monday": true, "Tuesday": true, "Wednesday": true, "Thursday": true, "Friday": true, "Saturday": true, "Sunday": true,
}

// repairRoot re-roots a sentence whose root is a noun with no copula when a
// finite verb attached to the noun or to one of its dependents, as
// acl:relcl, acl, conj or dep with no relative word of its own (nor one on
// the verb it is a conjunct of), is the main verb:
//   - a root noun with a preposition of its own ("In addition to ...")
//     becomes an obl of the verb, which must have a subject and must not
//     be a relative clause of the noun itself;
//   - otherwise it becomes the verb's subject, when the verb has none or
//     only a time noun for one (which becomes obl:unmarked).
//
// The root's punctuation moves to the verb. Only sentences that end in a
// full stop, question or exclamation mark are touched: a headline may
// lack a verb.
func repairRoot(words, tags []string, heads []int, rels []string) {
	n := len(words)
	if n < 4 || (words[n-1] != "." && words[n-1] != "?" && words[n-1] != "!") {
		return
	}
	r := -1
	for i, h := range heads {
		if h < 0 {
			r = i
			break
		}
	}
	if r < 0 || !isNounTag(tags[r]) {
		return
	}
	var pp bool
	for k, h := range heads {
		if h != r {
			continue
		}
		switch rels[k] {
		case "cop", "aux", "aux:pass", "nsubj", "nsubj:pass", "csubj":
			return // a nominal predicate, or a clause the parser made nominal
		case "case":
			pp = pp || k < r
		}
	}
	v, subj := -1, -1
	for k := r + 1; k < n && v < 0; k++ {
		if !finite(tags[k]) || !near(heads, r, k) {
			continue
		}
		switch rels[k] {
		case "acl:relcl", "acl", "conj", "dep":
		default:
			continue
		}
		if relativeWord(words, tags, heads, k) || clauseBreak(words, r, k) || conjOfRelative(words, tags, heads, rels, k) {
			continue
		}
		s := subjectOf(heads, rels, k)
		if pp && (s < 0 || heads[k] == r) {
			// Under a prepositional phrase, the main verb has a subject
			// and is not a relative clause of the phrase's own noun ("With
			// the confidence I had in them I just went").
			continue
		}
		v, subj = k, s
	}
	if v < 0 {
		return
	}
	switch {
	case pp:
		heads[v], rels[v] = -1, "root"
		heads[r], rels[r] = v, "obl"
	case subj < 0 || timeNouns[words[subj]]:
		if subj >= 0 {
			rels[subj] = "obl:unmarked"
		}
		heads[v], rels[v] = -1, "root"
		heads[r], rels[r] = v, "nsubj"
	default:
		return
	}
	for k, h := range heads {
		if h == r && rels[k] == "punct" && k > v {
			heads[k] = v
		}
	}
}

// near reports whether word k hangs off word r or off one of r's own
// dependents: a verb deeper inside the root's phrase ("submarines sunk
// during the war") modifies a noun there, it is not the main verb.
func near(heads []int, r, k int) bool {
	h := heads[k]
	return h == r || h >= 0 && heads[h] == r
}

// subjectOf returns the subject of verb v, or -1.
func subjectOf(heads []int, rels []string, v int) int {
	for k, h := range heads {
		if h == v && isSubject(rels[k]) {
			return k
		}
	}
	return -1
}

// conjOfRelative reports whether verb k is a conjunct, joined by "and" or
// "or", of a verb with a relative or subordinating word of its own,
// directly or down a chain of such conjuncts: "Those people who used to know me and used to call me, they
// all have stopped", where the second "used" belongs to the relative
// clause. A verb the parser made a conjunct with a comma only ("MP Penny
// Sharpe, who co-sponsored the bill, said") is the main verb misattached,
// not a second verb of the clause, and is not followed.
func conjOfRelative(words, tags []string, heads []int, rels []string, k int) bool {
	for steps := 0; rels[k] == "conj" && heads[k] >= 0 && hasChild(heads, rels, k, "cc") && steps < len(heads); steps++ {
		k = heads[k]
		if relativeWord(words, tags, heads, k) {
			return true
		}
	}
	return false
}

// clauseBreak reports whether a dash, colon or semicolon stands between
// words r and k: then the verb begins a clause of its own ("Superior work -
// always comes through"; "The statement read: ... loved"), which UD
// attaches as parataxis, and the noun may well be the root.
func clauseBreak(words []string, r, k int) bool {
	for i := r + 1; i < k; i++ {
		switch words[i] {
		case "-", "--", "—", "–", ":", ";":
			return true
		}
	}
	return false
}

// finite reports whether t is the tag of a finite verb.
func finite(t string) bool { return t == "VBD" || t == "VBZ" || t == "VBP" }

// relativeWord reports whether verb v has a relative or subordinating word
// of its own (which, who, that, where, when, if, because ...): then it heads
// a real relative or adverbial clause.
func relativeWord(words, tags []string, heads []int, v int) bool {
	for k, h := range heads {
		if h != v || k > v {
			continue
		}
		switch tags[k] {
		case "WDT", "WP", "WP$", "WRB":
			return true
		}
		if words[k] == "that" || tags[k] == "IN" {
			return true
		}
	}
	return false
}
