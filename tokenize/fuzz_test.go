package tokenize

import "testing"

var fuzzSeeds = []string{
	"Gen. Xu Qiliang met Lt. Col. John Smith on Dec. 19. The talks ended.",
	"Afghan police\r\n© AP Photo/ Rahmat Gul\r\nChina's army is ready.",
	"\"Why?\" he asked. “We’re ready…” — U.S.-led, state‑run; don't can't cannot gonna 5pm '90s",
	"KABUL, Dec 19 (Reuters) - see https://example.com/a?b=(1). Mail press@un.org, @UN #Kabul $2.5 bln 45%",
	"R-N.C. D-W.Va. U.S.'s Co.'s ``x'' a\xffb\u00a0c\u2028d\u2029e\u200bf 👍🏽\r\r\n\n",
	"", ".", "'", "’s", "a.", "A. B", "U.S.-", "www.", "http://", "-", "#1", "@", "n't", "'s'",
}

// FuzzSplit checks that Split never panics and that its sentences and tokens
// always satisfy the offset invariants (see checkSplit).
func FuzzSplit(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSplit(t, text, Split(text))
	})
}

// FuzzTokens checks that Tokens never panics and that its tokens always
// satisfy the offset invariants (see checkTokens).
func FuzzTokens(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, Tokens(text))
	})
}
