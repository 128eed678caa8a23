package tokenize

import (
	"strings"
	"testing"
)

// TestPathologicalInputs checks the invariants on 256 KB inputs built from
// one repeated piece: runs of punctuation, periods, hyphens, apostrophes,
// blank lines, broken UTF-8 and one huge word. (A CPU profile of such inputs
// at 2 MB shows the time in scanning and in allocating the output, nothing
// super-linear; timing assertions would be flaky on the shared machine.)
func TestPathologicalInputs(t *testing.T) {
	const n = 256 << 10
	inputs := map[string]string{
		"long URL":        "http://" + strings.Repeat("a", n),
		"long caps words": strings.Repeat("A", n/2) + "." + strings.Repeat("B", n/2),
		"spaces after a.": strings.Repeat("a.   ", n/5),
		"quotes":          strings.Repeat(`"Why?" He said. `, n/17),
	}
	for _, piece := range []string{".", "a.", "A.B.", "-a", "a-", "U.S.-", "’s", "'", "\n", "\r\n\r\n", "( ", "1,", "@a", "#", "\u00a0", "\xff", "A. ", "Inc. ", "No. "} {
		inputs[piece] = strings.Repeat(piece, n/len(piece))
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) { checkSplit(t, text, Split(text)) })
	}
}
