package nlp

import "testing"

// TestRepairRoot pins every head and relation before and after the repair,
// on the parser's noun roots seen in Wikinews and on sentences it must
// leave alone.
func TestRepairRoot(t *testing.T) {
	checkRepair(t, repairRoot, []repairCase{
		{"the verb was a relative clause of the subject, a time noun its subject",
			"A fire yesterday afternoon killed five girls .", "DT NN NN NN VBD CD NNS .",
			[]int{1, -1, 3, 4, 1, 6, 4, 1}, "det root compound nsubj acl:relcl nummod obj punct",
			[]int{1, 4, 3, 4, -1, 6, 4, 4}, "det nsubj compound obl:unmarked root nummod obj punct"},
		{"the root was a prepositional phrase",
			"In addition to the inspections Brudzinski ordered checks .", "IN NN IN DT NNS NNP VBD NNS .",
			[]int{1, -1, 4, 4, 1, 6, 4, 6, 1}, "case root case det nmod nsubj acl:relcl obj punct",
			[]int{1, 6, 4, 4, 1, 6, -1, 6, 6}, "case obl case det nmod nsubj root obj punct"},
		{"a relative clause of the phrase's own noun stays",
			"With the confidence I had I went .", "IN DT NN PRP VBD PRP VBD .",
			[]int{2, 2, -1, 4, 2, 6, 4, 2}, "case det root nsubj acl:relcl nsubj advcl punct",
			[]int{2, 2, -1, 4, 2, 6, 4, 2}, "case det root nsubj acl:relcl nsubj advcl punct"},
		{"a relative word keeps a relative clause",
			"The policy which took effect .", "DT NN WDT VBD NN .",
			[]int{1, -1, 3, 1, 3, 1}, "det root nsubj acl:relcl obj punct",
			[]int{1, -1, 3, 1, 3, 1}, "det root nsubj acl:relcl obj punct"},
		{"a verb the parser joined to a relative clause by a comma only is the main verb",
			"MP Sharpe , who sponsored it , said so .", "NNP NNP , WP VBD PRP , VBD RB .",
			[]int{1, -1, 4, 4, 1, 4, 7, 4, 7, 1}, "compound root punct nsubj acl:relcl obj punct conj advmod punct",
			[]int{1, 7, 4, 4, 1, 4, 7, -1, 7, 7}, "compound nsubj punct nsubj acl:relcl obj punct root advmod punct"},
		{"a second verb of the relative clause, joined by and, is passed over for the main verb",
			"People who knew me and called me stopped .", "NNS WP VBD PRP CC VBD PRP VBD .",
			[]int{-1, 2, 0, 2, 5, 2, 5, 0, 0}, "root nsubj acl:relcl obj cc conj obj dep punct",
			[]int{7, 2, 0, 2, 5, 2, 5, -1, 7}, "nsubj nsubj acl:relcl obj cc conj obj root punct"},
		{"a clause after a dash stays",
			"Superior work - always comes through .", "JJ NN HYPH RB VBZ RP .",
			[]int{1, -1, 4, 4, 1, 4, 1}, "amod root punct advmod acl:relcl compound:prt punct",
			[]int{1, -1, 4, 4, 1, 4, 1}, "amod root punct advmod acl:relcl compound:prt punct"},
		{"a headline without a full stop stays",
			"Fire kills five girls", "NN VBZ CD NNS",
			[]int{-1, 0, 3, 1}, "root acl:relcl nummod obj",
			[]int{-1, 0, 3, 1}, "root acl:relcl nummod obj"},
	})
}
