package nlp

import "testing"

// TestRepairSplitSubjects pins every head and relation before and after
// the repair, on the parser's splits seen in Wikinews and on two subjects
// it must leave alone.
func TestRepairSplitSubjects(t *testing.T) {
	checkRepair(t, repairSplitSubjects, []repairCase{
		{"a name and its head noun, the determiner follows",
			"The United States government claims", "DT NNP NNPS NN VBZ",
			[]int{2, 2, 4, 4, -1}, "det amod nsubj nsubj root",
			[]int{3, 2, 3, 4, -1}, "det amod compound nsubj root"},
		{"a possessive",
			"Vessel Tracker 's database had", "NN NNP POS NN VBD",
			[]int{1, 4, 1, 4, -1}, "compound nsubj case nsubj root",
			[]int{1, 3, 1, 4, -1}, "compound nmod:poss case nsubj root"},
		{"a chain of three",
			"Department official Roberts said", "NNP NN NNP VBD",
			[]int{3, 3, 3, -1}, "nsubj nsubj nsubj root",
			[]int{1, 2, 3, -1}, "compound compound nsubj root"},
		{"a prepositional phrase is not part of the subject",
			"By September the Dow had tumbled", "IN NNP DT NNP VBD VBN",
			[]int{1, 5, 3, 5, 5, -1}, "case nsubj:pass det nsubj aux root",
			[]int{1, 5, 3, 5, 5, -1}, "case nsubj:pass det nsubj aux root"},
		{"the later subject starts a phrase of its own",
			"threat against the US came", "NN IN DT NNP VBD",
			[]int{4, 3, 3, 4, -1}, "nsubj case det nsubj root",
			[]int{4, 3, 3, 4, -1}, "nsubj case det nsubj root"},
		{"two subjects joined by and are one coordinated subject",
			"the president and Congress could not agree", "DT NN CC NNP MD RB VB",
			[]int{1, 6, 6, 6, 6, 6, -1}, "det nsubj cc nsubj aux advmod root",
			[]int{1, 6, 3, 1, 6, 6, -1}, "det nsubj cc conj aux advmod root"},
		{"a prepositional phrase before and is no subject",
			"to police and officials Smith drove", "IN NNS CC NNS NNP VBD",
			[]int{1, 5, 3, 1, 5, -1}, "case nsubj cc conj nsubj root",
			[]int{1, 5, 3, 1, 5, -1}, "case nsubj cc conj nsubj root"},
		{"a pronoun stays",
			"which he said", "WDT PRP VBD",
			[]int{2, 2, -1}, "nsubj nsubj root",
			[]int{2, 2, -1}, "nsubj nsubj root"},
	})
}
