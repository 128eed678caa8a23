package nlp

import "github.com/annalist/annalist/reporting"

// Parenthetical reporting clauses ("Iran is prepared, officials said, to
// resume talks"; "The talks, it seems, have collapsed") are common in news
// and nearly absent from the treebank the tagger and parser learned from
// (EWT train has 11 in 12,544 sentences, dev and test none), so both models
// go wrong on them: the parser makes the reporting verb the root and cuts the
// sentence in two, and the tagger may read "to resume" as a preposition and a
// noun. The analyzer therefore takes such a clause out, tags and parses the
// sentence without it and the clause on its own, and attaches the clause's
// verb to the sentence as parataxis, with its commas as punct, the way EWT
// annotates "Prices, he said, did not spike". docs/models.md has the
// measurements.

// paren is one parenthetical clause: the words strictly between the commas
// at open and close. keepClose says that the closing comma belongs to the
// sentence around the clause: it ends an introductory phrase ("In the south,
// IRNA said, Iranian forces captured ..."), and without it the parser would
// read "the south Iranian forces" as one noun phrase.
type paren struct {
	open, close int
	keepClose   bool
}

// maxParenWords is the longest clause taken out ("the senior official in
// charge said" is six words).
const maxParenWords = 7

// findParentheticals appends to out every parenthetical reporting clause of
// a tagged sentence, left to right and not overlapping. A clause qualifies
// when it lies between two commas, with words of the sentence before the
// first comma and at least two after the second (not a closing quote, a
// conjunction or a quotation being opened: "On Monday, he said, and left"
// and "After the talks, he said: ..." are main clauses), and it is a short
// subject (a pronoun, or a noun phrase of determiners, adjectives, numbers
// and nouns ending in a noun) followed by a reporting or epistemic verb
// (said, says, added, seems, believes, ...; see reportingVerb), optionally
// after an auxiliary or adverb ("has said", "also said"). After the verb
// only a when-or-where phrase may follow ("said on Monday", "said in a
// statement"), or the person told ("told reporters"). The tags are the
// tagger's on the whole sentence; the clause's own words are tagged well
// enough there for this test.
func findParentheticals(words, tags []string, out []paren) []paren {
	n := len(words)
	for open := 1; open < n; open++ {
		if words[open] != "," || !content(tags[open-1]) {
			continue
		}
		close := -1
		for k := open + 1; k < n && k <= open+maxParenWords+1; k++ {
			if words[k] == "," {
				close = k
				break
			}
		}
		if close < 0 || close-open-1 < 2 || !mainGoesOn(words, tags, close) {
			continue
		}
		if reportingClause(words[open+1:close], tags[open+1:close]) {
			out = append(out, paren{open, close, len(out) == 0 && introductory(tags)})
			open = close
		}
	}
	return out
}

// introductory reports whether a sentence begins with a phrase that is not
// its subject: a preposition or subordinator ("In", "If", "As"), an adverb
// ("However"), "to" or a participle ("Based on", "Pointing out"). Text
// before a sentence's first parenthetical that begins so is an introductory
// phrase, which keeps its comma.
func introductory(tags []string) bool {
	for _, t := range tags {
		if !content(t) {
			continue
		}
		switch t {
		case "IN", "RB", "RBR", "WRB", "TO", "VBG", "VBN":
			return true
		}
		return false
	}
	return false
}

// content reports whether a word with tag t can end the text before a
// parenthetical: anything but punctuation.
func content(t string) bool {
	switch t {
	case ",", ":", ".", "``", "''", "-LRB-", "-RRB-", "HYPH", "NFP":
		return false
	}
	return true
}

// mainGoesOn reports whether the sentence continues after the comma at
// close with the rest of the clause the parenthetical interrupts: at least
// two words, the first of which is not a conjunction, a quotation mark, a
// colon or dash, a participle, a subordinator or a preposition that opens an
// adjunct ("with", "compared", "up"). "Output rose, he said, adding that
// ..." and "Talks failed, officials said, as ..." end in an
// attribution with adjuncts of its own: there the reporting verb is the root
// and what it reports its ccomp, as the treebank has it, and the parser
// handles that.
func mainGoesOn(words, tags []string, close int) bool {
	rest := 0
	for k := close + 1; k < len(words); k++ {
		if content(tags[k]) {
			rest++
		}
	}
	if rest < 2 {
		return false
	}
	switch tags[close+1] {
	case "CC", "``", "''", ":", ",", "-LRB-", "NFP", "HYPH", "VBG", "VBN":
		return false
	}
	switch words[close+1] {
	case "without", "as", "while", "whereas", "because", "though", "although", "since", "after",
		"before", "when", "which", "who", "according", "but", "and", "or", "so", "then", "with",
		"compared", "including", "even", "despite", "up", "down":
		return false
	}
	return true
}

// reportingClause reports whether words (tags) read SUBJECT [AUX|ADV]
// VERB [PERSON-TOLD] [on|in|at|last|this NOUN-PHRASE], where VERB is a
// reporting verb and SUBJECT a pronoun or a short noun phrase.
func reportingClause(words, tags []string) bool {
	k := 0
	switch words[0] {
	case "it", "he", "she", "they", "we", "I", "you", "It", "He", "She", "They", "We", "You":
		k = 1
	default:
		k = nounPhrase(tags, 0)
		if k == 0 {
			return false
		}
	}
	// An auxiliary or an adverb: "has said", "also said", "would seem".
	for j := 0; j < 2 && k < len(words) && !reportingVerb(words[k]); j++ {
		switch tags[k] {
		case "MD", "RB", "VBZ", "VBP", "VBD":
			k++
		default:
			return false
		}
	}
	if k >= len(words) || !reportingVerb(words[k]) {
		return false
	}
	verb := words[k]
	k++
	if verb == "told" || verb == "tells" || verb == "tell" {
		// The person told: "told reporters", "told Reuters".
		np := nounPhrase(tags, k)
		if np == 0 {
			return false
		}
		k = np
	}
	if k == len(words) {
		return true
	}
	// When and where: "said on Monday", "said in a statement". A bare noun
	// phrase would be the start of what is reported ("the bank said
	// accounts, funds which ..., would"): not a parenthetical.
	switch words[k] {
	case "on", "in", "at", "last", "this":
		k++
		if k < len(words) && (words[k] == "a" || words[k] == "an") {
			k++
		}
		return k < len(words) && nounPhrase(tags, k) == len(words)
	}
	return false
}

// nounPhrase returns the end of the noun phrase that starts at tags[from]:
// determiners, possessives, numbers and adjectives ending in a noun, at most
// four words. It returns 0 when there is none.
func nounPhrase(tags []string, from int) int {
	end := 0
	for k := from; k < len(tags) && k < from+4; k++ {
		switch tags[k] {
		case "NN", "NNS", "NNP", "NNPS":
			end = k + 1
		case "DT", "PRP$", "JJ", "JJS", "CD", "POS":
		default:
			return end
		}
	}
	return end
}

// reportingVerb reports whether w is a finite form of a verb that
// introduces reported speech, a report or an opinion ("said", "say",
// "revealed", "seems"; package reporting has the list), in lower case: a
// capitalised "Said" inside a sentence is a name ("Haitham bin Tariq Al
// Said").
func reportingVerb(w string) bool {
	return w != "" && 'a' <= w[0] && w[0] <= 'z' &&
		reporting.Is(w, reporting.Speech|reporting.Report|reporting.Opinion, reporting.Base|reporting.Present3|reporting.Past)
}
