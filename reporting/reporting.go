// Package reporting is the lexicon of reporting verbs: the verbs that
// attribute speech ("said"), a report ("revealed") or an opinion ("believes")
// to someone, in every inflected form.
//
// The tokenizer (an attribution after a quotation), the analyzer
// (parenthetical attributions) and the coder (speakers of quotations,
// closing attributions, reported clauses) each ask for the classes and forms
// they need, so that one list serves all three.
package reporting

// Class says what a reporting verb attributes. Classes combine as bits.
type Class uint8

const (
	// Speech verbs attribute words said or written: say, tell, add, warn, write, ask.
	Speech Class = 1 << iota
	// Report verbs attribute a fact reported, disclosed or recalled: report,
	// reveal, deny, allege, learn, estimate.
	Report
	// Opinion verbs attribute a belief or an appearance: believe, think, fear,
	// seem, appear, suggest.
	Opinion
)

// Form is an inflected form. Forms combine as bits.
type Form uint8

const (
	// Base is the bare form: "say" (also the present tense but for the third person singular).
	Base Form = 1 << iota
	// Present3 is the third person singular present: "says".
	Present3
	// Past is the past tense and past participle: "said".
	Past
	// Gerund is the -ing form: "saying".
	Gerund
)

// AnyForm is every form.
const AnyForm = Base | Present3 | Past | Gerund

// verb is one lemma with its four forms.
type verb struct {
	class                     Class
	base, present3, past, ing string
}

// verbs is the lexicon. A verb belongs where a news reader would put it: the
// speech verbs are those that attribute a quotation ("...," Xu warned), the
// report verbs those that attribute a fact without quoting, the opinion
// verbs those that say someone holds or shows a view.
var verbs = [...]verb{
	{Speech, "say", "says", "said", "saying"},
	{Speech, "tell", "tells", "told", "telling"},
	{Speech, "add", "adds", "added", "adding"},
	{Speech, "state", "states", "stated", "stating"},
	{Speech, "announce", "announces", "announced", "announcing"},
	{Speech, "declare", "declares", "declared", "declaring"},
	{Speech, "note", "notes", "noted", "noting"},
	{Speech, "stress", "stresses", "stressed", "stressing"},
	{Speech, "emphasize", "emphasizes", "emphasized", "emphasizing"},
	{Speech, "emphasise", "emphasises", "emphasised", "emphasising"},
	{Speech, "insist", "insists", "insisted", "insisting"},
	{Speech, "explain", "explains", "explained", "explaining"},
	{Speech, "write", "writes", "wrote", "writing"},
	{Speech, "tweet", "tweets", "tweeted", "tweeting"},
	{Speech, "ask", "asks", "asked", "asking"},
	{Speech, "warn", "warns", "warned", "warning"},
	{Speech, "caution", "cautions", "cautioned", "cautioning"},
	{Speech, "reply", "replies", "replied", "replying"},
	{Speech, "continue", "continues", "continued", "continuing"},
	{Speech, "acknowledge", "acknowledges", "acknowledged", "acknowledging"},
	{Speech, "argue", "argues", "argued", "arguing"},
	{Speech, "claim", "claims", "claimed", "claiming"},
	{Speech, "confirm", "confirms", "confirmed", "confirming"},
	{Speech, "remark", "remarks", "remarked", "remarking"},
	{Speech, "comment", "comments", "commented", "commenting"},
	{Speech, "urge", "urges", "urged", "urging"},
	{Speech, "admit", "admits", "admitted", "admitting"},
	{Speech, "shout", "shouts", "shouted", "shouting"},
	{Speech, "exclaim", "exclaims", "exclaimed", "exclaiming"},
	{Speech, "beam", "beams", "beamed", "beaming"},
	{Report, "report", "reports", "reported", "reporting"},
	{Report, "reveal", "reveals", "revealed", "revealing"},
	{Report, "disclose", "discloses", "disclosed", "disclosing"},
	{Report, "deny", "denies", "denied", "denying"},
	{Report, "allege", "alleges", "alleged", "alleging"},
	{Report, "indicate", "indicates", "indicated", "indicating"},
	{Report, "concede", "concedes", "conceded", "conceding"},
	{Report, "recall", "recalls", "recalled", "recalling"},
	{Report, "learn", "learns", "learned", "learning"},
	{Report, "learn", "learns", "learnt", "learning"},
	{Report, "predict", "predicts", "predicted", "predicting"},
	{Report, "estimate", "estimates", "estimated", "estimating"},
	{Opinion, "believe", "believes", "believed", "believing"},
	{Opinion, "think", "thinks", "thought", "thinking"},
	{Opinion, "suspect", "suspects", "suspected", "suspecting"},
	{Opinion, "fear", "fears", "feared", "fearing"},
	{Opinion, "seem", "seems", "seemed", "seeming"},
	{Opinion, "appear", "appears", "appeared", "appearing"},
	{Opinion, "suggest", "suggests", "suggested", "suggesting"},
}

// entry is what a word form is: its classes and forms.
type entry struct {
	class Class
	form  Form
}

// maxLen is the length of the longest form in the lexicon (TestLexicon
// checks it); longer words are not looked up.
const maxLen = 16

// forms indexes the lexicon by lower-case form. It is built once and never
// written after.
var forms = func() map[string]entry {
	m := make(map[string]entry, 4*len(verbs))
	for _, v := range verbs {
		for f, w := range [...]string{v.base, v.present3, v.past, v.ing} {
			e := m[w]
			e.class |= v.class
			e.form |= 1 << f
			m[w] = e
		}
	}
	return m
}()

// Lookup returns the classes and forms of a word, ignoring ASCII case
// ("SAID", "Said" and "said" are the same word); both are 0 for a word that
// is not a reporting verb.
func Lookup(word string) (Class, Form) {
	if len(word) > maxLen {
		return 0, 0
	}
	var b [maxLen]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	e := forms[string(b[:len(word)])]
	return e.class, e.form
}

// Is reports whether word is one of forms of a verb of one of classes.
func Is(word string, classes Class, form Form) bool {
	c, f := Lookup(word)
	return c&classes != 0 && f&form != 0
}
