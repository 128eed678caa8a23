package nlp

import (
	"fmt"
	"strings"
	"testing"
)

// TestRepairDays pins every head and relation before and after the repair
// on the parser's mistakes seen in Reuters-21578 and on trees it must leave
// alone.
func TestRepairDays(t *testing.T) {
	checkRepair(t, repairDays, []repairCase{
		{"the real subject hangs off the day",
			"Hughes yesterday adjourned the meeting", "NNP NN VBD DT NN",
			[]int{1, 2, -1, 4, 2}, "compound nsubj root det obj",
			[]int{2, 2, -1, 4, 2}, "nsubj obl:unmarked root det obj"},
		{"the real subject hangs off the day, with its own words",
			"The Court yesterday ruled", "DT NNP NN VBD",
			[]int{2, 2, 3, -1}, "det compound nsubj root",
			[]int{1, 3, 3, -1}, "det nsubj obl:unmarked root"},
		{"labels the wrong way round",
			"one analyst Friday speculated", "CD NN NNP VBD",
			[]int{1, 3, 3, -1}, "nummod obl:unmarked nsubj root",
			[]int{1, 3, 3, -1}, "nummod nsubj obl:unmarked root"},
		{"a second subject",
			"lawmakers Tuesday endorsed it", "NNS NNP VBD PRP",
			[]int{2, 2, -1, 2}, "nsubj nsubj root obj",
			[]int{2, 2, -1, 2}, "nsubj obl:unmarked root obj"},
		{"part of the name before the verb",
			"Wright Thursday renewed calls", "NNP NNP VBD NNS",
			[]int{2, 0, -1, 2}, "nsubj flat root obj",
			[]int{2, 2, -1, 2}, "nsubj obl:unmarked root obj"},
		{"a day that is the subject stays",
			"Monday was quiet", "NNP VBD JJ",
			[]int{2, 2, -1}, "nsubj cop root",
			[]int{2, 2, -1}, "nsubj cop root"},
		{"right before the verb, wire style: the verb's day",
			"a report today said", "DT NN NN VBD",
			[]int{1, 3, 1, -1}, "det nsubj nmod:unmarked root",
			[]int{1, 3, 3, -1}, "det nsubj obl:unmarked root"},
		{"a day inside a noun phrase stays",
			"the meeting Tuesday in Paris helped", "DT NN NNP IN NNP VBD",
			[]int{1, 5, 1, 4, 1, -1}, "det nsubj nmod:unmarked case nmod root",
			[]int{1, 5, 1, 4, 1, -1}, "det nsubj nmod:unmarked case nmod root"},
	})
}

// repairCase is one sentence before and after a tree repair: words and
// tags, and heads (0-based, -1 for the root) and relations.
type repairCase struct {
	name      string
	words     string
	tags      string
	heads     []int
	rels      string
	wantHeads []int
	wantRels  string
}

// checkRepair runs repair on each case and compares every head and relation.
func checkRepair(t *testing.T, repair func(words, tags []string, heads []int, rels []string), tests []repairCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words, tags, rels := strings.Fields(tt.words), strings.Fields(tt.tags), strings.Fields(tt.rels)
			heads := append([]int(nil), tt.heads...)
			repair(words, tags, heads, rels)
			if fmt.Sprint(heads) != fmt.Sprint(tt.wantHeads) || strings.Join(rels, " ") != tt.wantRels {
				t.Errorf("got %v %s\nwant %v %s", heads, strings.Join(rels, " "), tt.wantHeads, tt.wantRels)
			}
		})
	}
}
