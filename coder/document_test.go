package coder

import (
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/geo"
)

const docVerbs = `
--- RESTORE  [064]  ---
RESTORE

--- CRITICIZE [111] ---
CRITICIZE

--- PRAISE [051] ---
PRAISE

--- SAY [010] ---
SAY {SAYS SAID SAYING}
TELL {TELLS TOLD TELLING}

--- CONCLUDE [010] ---
CONCLUDE {CONCLUDES CONCLUDED CONCLUDING}
- * AGREEMENT [057]

--- BAN [172] ---
BAN {BANS BANNED BANNING}

--- EXPEL [174] ---
EXPEL {EXPELS EXPELLED EXPELLING}
`

const docActors = `
ARNOR [ARN]
GONDOR [GON]
ROHAN [ROH]
ARNORIAN [ARN]
G_7 [IGOGOS]
LYON [FRA]
`

const docAgents = `
GOVERNMENT [~GOV]
DIPLOMAT [~GOV]
MINISTER [~GOV]
PRESIDENT [~GOV]
AIRLINE [~BUS]
POLICE {} [~COP]
`

func docCoder(tb testing.TB) *Coder {
	tb.Helper()
	vd, errs := dict.ReadVerbs(strings.NewReader(docVerbs), "doc.verbs", dict.Options{Syntax: dict.SyntaxTABARI})
	if len(errs) > 0 {
		tb.Fatalf("verbs: %v", errs)
	}
	actors, errs := dict.ReadActors(strings.NewReader(docActors), "doc.actors", dict.Options{})
	if len(errs) > 0 {
		tb.Fatalf("actors: %v", errs)
	}
	ad, errs := dict.ReadAgents(strings.NewReader(docAgents), "doc.agents", dict.Options{})
	if len(errs) > 0 {
		tb.Fatalf("agents: %v", errs)
	}
	return New(&dict.Set{Verbs: vd, Actors: actors, Agents: ad.Agents}, nil, DefaultOptions())
}

// codeArticle codes sentences (text and Penn Treebank parse pairs) as one
// article and returns "sN SOURCE TARGET CODE [MODALITY]" lines.
func codeArticle(tb testing.TB, c *Coder, sents ...[2]string) string {
	tb.Helper()
	d := c.NewDoc("t", time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC))
	var out []string
	for i, tp := range sents {
		s := parsed(tb, tp[0], tp[1])
		s.Index = i
		for _, e := range d.Code(s, 0).Events {
			line := "s" + string(rune('0'+i)) + " " + e.Source.Code + " " + e.Target.Code + " " + e.Event.Code
			if e.Modality != "" {
				line += " " + e.Modality
			}
			out = append(out, line)
		}
	}
	return strings.Join(out, "; ")
}

// TestArticleRules pins the coding rules that apply to articles only
// (docs/accuracy.md lists them), each next to what a lone sentence gets.
func TestArticleRules(t *testing.T) {
	c := docCoder(t)
	tests := []struct {
		name     string
		sents    [][2]string
		want     string
		sentence string // CodeSentence on the last sentence alone; "-" skips the check
	}{
		{"a bare statement is not an event",
			[][2]string{{"Arnor told Gondor that talks were useful.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD told) (NP (NNP Gondor)) (SBAR (IN that) (S (NP (NNS talks)) (VP (VBD were) (ADJP (JJ useful)))))) (. .)))"}},
			"", "ARN GON 010"},
		{"a ban on another country's actor is a sanction",
			[][2]string{{"Arnor banned a Gondor airline.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD banned) (NP (DT a) (NNP Gondor) (NN airline))) (. .)))"}},
			"s0 ARN GONBUS 163", "ARN GONBUS 172"},
		{"a ban at home stays an administrative sanction",
			[][2]string{{"Arnor banned an Arnor airline.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD banned) (NP (DT an) (NNP Arnor) (NN airline))) (. .)))"}},
			"s0 ARN ARNBUS 172", "ARN ARNBUS 172"},
		{"expelling another country's diplomats reduces relations",
			[][2]string{{"The Arnor government expelled two Gondor diplomats.",
				"(ROOT (S (NP (DT The) (NNP Arnor) (NN government)) (VP (VBD expelled) (NP (CD two) (NNP Gondor) (NNS diplomats))) (. .)))"}},
			"s0 ARNGOV GONGOV 161", "ARNGOV GONGOV 174"},
		{"a pronoun refers back, not to an actor named after it",
			[][2]string{
				{"Gondor restored ties with Rohan.",
					"(ROOT (S (NP (NNP Gondor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Rohan)))) (. .)))"},
				{"It criticized Arnor and Rohan praised Arnor.",
					"(ROOT (S (S (NP (PRP It)) (VP (VBD criticized) (NP (NNP Arnor)))) (CC and) (S (NP (NNP Rohan)) (VP (VBD praised) (NP (NNP Arnor)))) (. .)))"}},
			"s0 GON ROH 064; s1 GON ARN 111; s1 ROH ARN 051", "-"},
		{"a noun's complement is not a reported act",
			[][2]string{{"Arnor announced a plan to criticize Gondor.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD announced) (NP (DT a) (NN plan) (S (VP (TO to) (VP (VB criticize) (NP (NNP Gondor)))))) ) (. .)))"}},
			"s0 ARN GON 111 hypothetical", "ARN GON 111"},
		{"a purpose clause is not a reported act",
			[][2]string{{"Arnor met Rohan in order to criticize Gondor.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (NP (NNP Rohan)) (SBAR (IN in) (NN order) (S (VP (TO to) (VP (VB criticize) (NP (NNP Gondor))))))) (. .)))"}},
			"s0 ARN GON 111 hypothetical", "ARN GON 111"},
		{"a passive belief verb makes a supposition",
			[][2]string{{"Arnor is believed to have criticized Gondor.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (VP (VBN believed) (S (VP (TO to) (VP (VB have) (VP (VBN criticized) (NP (NNP Gondor)))))))) (. .)))"}},
			"s0 ARN GON 111 hypothetical", "ARN GON 111"},
		{"a possessive pronoun gives the country, the noun the role",
			[][2]string{
				{"The Arnor police criticized Gondor.",
					"(ROOT (S (NP (DT The) (NNP Arnor) (NNS police)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"},
				{"Their government praised Rohan.",
					"(ROOT (S (NP (PRP$ Their) (NN government)) (VP (VBD praised) (NP (NNP Rohan))) (. .)))"}},
			"s0 ARNCOP GON 111; s1 ARNGOV ROH 051", "-"},
		{"an event dated a year before publication is background",
			[][2]string{{"Arnor criticized Gondor in 2015.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)) (PP (IN in) (NP (CD 2015)))) (. .)))"}},
			"s0 ARN GON 111 historical", "ARN GON 111"},
		{"an event dated months before publication is background",
			[][2]string{{"Arnor criticized Gondor in September.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)) (PP (IN in) (NP (NNP September)))) (. .)))"}},
			"s0 ARN GON 111 historical", "-"},
		{"an event dated weeks before publication is news",
			[][2]string{{"Arnor criticized Gondor in December.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)) (PP (IN in) (NP (NNP December)))) (. .)))"}},
			"s0 ARN GON 111", "-"},
		{"a pluperfect is background",
			[][2]string{{"Arnor had criticized Gondor.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD had) (VP (VBN criticized) (NP (NNP Gondor)))) (. .)))"}},
			"s0 ARN GON 111 historical", "-"},
		{"a pluperfect under a reporting verb is the reported past",
			[][2]string{{"Rohan said Arnor had criticized Gondor.",
				"(ROOT (S (NP (NNP Rohan)) (VP (VBD said) (SBAR (S (NP (NNP Arnor)) (VP (VBD had) (VP (VBN criticized) (NP (NNP Gondor))))))) (. .)))"}},
			"s0 ARN GON 111", "-"},
		{"a bare role noun is the role in the country in focus",
			[][2]string{
				{"Arnor criticized Gondor.", "(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"},
				{"Arnor praised Rohan.", "(ROOT (S (NP (NNP Arnor)) (VP (VBD praised) (NP (NNP Rohan))) (. .)))"},
				{"Police criticized Gondor.", "(ROOT (S (NP (NNS Police)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"}},
			"s0 ARN GON 111; s1 ARN ROH 051; s2 ARNCOP GON 111", "-"},
		{"no country in focus, no code",
			[][2]string{
				{"Arnor criticized Gondor.", "(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"},
				{"Police criticized Gondor.", "(ROOT (S (NP (NNS Police)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"}},
			"s0 ARN GON 111; s1 ---COP GON 111", "-"},
		{"a title refers to the actor last given it",
			[][2]string{
				{"The Arnor president criticized Gondor.", "(ROOT (S (NP (DT The) (NNP Arnor) (NN president)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"},
				{"The Gondor minister praised Rohan.", "(ROOT (S (NP (DT The) (NNP Gondor) (NN minister)) (VP (VBD praised) (NP (NNP Rohan))) (. .)))"},
				{"The president criticized Rohan.", "(ROOT (S (NP (DT The) (NN president)) (VP (VBD criticized) (NP (NNP Rohan))) (. .)))"}},
			"s0 ARNGOV GON 111; s1 GONGOV ROH 051; s2 ARNGOV ROH 111", "-"},
		{"'they' is every member of the last coordination, and carries it on",
			[][2]string{
				{"Arnor and Gondor criticized Rohan.", "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD criticized) (NP (NNP Rohan))) (. .)))"},
				{"Rohan criticized Arnor.", "(ROOT (S (NP (NNP Rohan)) (VP (VBD criticized) (NP (NNP Arnor))) (. .)))"},
				{"They praised Rohan.", "(ROOT (S (NP (PRP They)) (VP (VBD praised) (NP (NNP Rohan))) (. .)))"},
				{"Rohan praised Arnor.", "(ROOT (S (NP (NNP Rohan)) (VP (VBD praised) (NP (NNP Arnor))) (. .)))"},
				{"They criticized Rohan.", "(ROOT (S (NP (PRP They)) (VP (VBD criticized) (NP (NNP Rohan))) (. .)))"}},
			"s0 ARN ROH 111; s0 GON ROH 111; s1 ROH ARN 111; s2 ARN ROH 051; s2 GON ROH 051; s3 ROH ARN 051; s4 ARN ROH 111; s4 GON ROH 111", "-"},
		{"a pattern's words are not taken from a that-clause",
			[][2]string{{"Arnor concluded that the agreement with Gondor was void.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD concluded) (SBAR (IN that) (S (NP (NP (DT the) (NN agreement)) (PP (IN with) (NP (NNP Gondor)))) (VP (VBD was) (ADJP (JJ void)))))) (. .)))"}},
			"", "ARN GON 057"},
		{"a pattern's words are not taken from an adverbial clause",
			[][2]string{{"Arnor concluded while Rohan praised the agreement with Gondor.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD concluded) (SBAR (IN while) (S (NP (NNP Rohan)) (VP (VBD praised) (NP (NP (DT the) (NN agreement)) (PP (IN with) (NP (NNP Gondor)))))))) (. .)))"}},
			"s0 ROH GON 051", "ARN ROH 057"},
		{"a capitalised adjective the parser hung elsewhere belongs to the noun phrase after it",
			[][2]string{{"Arnorian police criticized Gondor.",
				"(ROOT (S (ADJP (JJ Arnorian)) (NP (NNS police)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))"}},
			"s0 ARNCOP GON 111", "ARNCOP GON 111"},
		{"a group name with its number matches the dictionary's two words",
			[][2]string{{"Arnor criticized the G7 and the G-7.",
				"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NP (DT the) (NNP G7)) (CC and) (NP (DT the) (NNP G-7)))) (. .)))"}},
			"s0 ARN IGOGOS 111", "ARN IGOGOS 111"},
		{"a passive without an agent has no source",
			[][2]string{{"Gondor diplomats were expelled from Arnor.",
				"(ROOT (S (NP (NNP Gondor) (NNS diplomats)) (VP (VBD were) (VP (VBN expelled) (PP (IN from) (NP (NNP Arnor))))) (. .)))"}},
			"", "GONGOV ARN 174"},
		{"a passive with an agent is coded from the agent",
			[][2]string{{"Gondor diplomats were expelled by Arnor.",
				"(ROOT (S (NP (NNP Gondor) (NNS diplomats)) (VP (VBD were) (VP (VBN expelled) (PP (IN by) (NP (NNP Arnor))))) (. .)))"}},
			"s0 ARN GONGOV 161", "ARN GONGOV 174"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := codeArticle(t, c, tt.sents...); got != tt.want {
				t.Errorf("article: got %q, want %q", got, tt.want)
			}
			if tt.sentence == "-" {
				return
			}
			last := tt.sents[len(tt.sents)-1]
			if got := codes(c.CodeSentence(parsed(t, last[0], last[1]), 0, 20200115).Events); got != tt.sentence {
				t.Errorf("sentence: got %q, want %q", got, tt.sentence)
			}
		})
	}
}

func TestLetterNumber(t *testing.T) {
	for _, tt := range []struct {
		w, a, b string
		ok      bool
	}{
		{"G7", "G", "7", true}, {"G-20", "G", "20", true}, {"P5", "P", "5", true}, {"OPEC", "", "", false},
		{"2020", "", "", false}, {"G", "", "", false}, {"G-", "", "", false}, {"ABCD1", "", "", false},
		{"G7A", "", "", false}, {"A1234", "", "", false}, {"COVID-19", "", "", false},
	} {
		a, b, ok := letterNumber(tt.w)
		if a != tt.a || b != tt.b || ok != tt.ok {
			t.Errorf("letterNumber(%q) = %q, %q, %v", tt.w, a, b, ok)
		}
	}
}

// TestEventPlace pins where an event's place comes from: its own clause
// first, then the clauses that govern it, never a coordinated clause.
func TestEventPlace(t *testing.T) {
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := docCoder(t).WithGazetteer(gaz)
	for _, tt := range []struct {
		name, text, parse, want string
	}{
		{"in the clause", "Arnor criticized Gondor in Lyon.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)) (PP (IN in) (NP (NNP Lyon)))) (. .)))",
			"ARN GON 111 at Lyon,FRA"},
		{"in the governing clause", "Arnor met in Lyon while criticizing Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD met) (PP (IN in) (NP (NNP Lyon))) (SBAR (IN while) (S (VP (VBG criticizing) (NP (NNP Gondor)))))) (. .)))",
			"ARN GON 111 at Lyon,FRA"},
		{"a city in a locative phrase is the place, not the target", "Arnor criticized Gondor's envoys in Lyon.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NP (NNP Gondor) (POS 's)) (NNS envoys)) (PP (IN in) (NP (NNP Lyon)))) (. .)))",
			"ARN GON 111 at Lyon,FRA"},
		{"a city named without a locative is an actor", "Arnor criticized Lyon.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Lyon))) (. .)))",
			"ARN FRA 111"},
		{"a city that is the only candidate target is not one", "Arnor criticized the plan in Lyon.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (DT the) (NN plan)) (PP (IN in) (NP (NNP Lyon)))) (. .)))",
			""},
		{"not from a coordinated clause", "Arnor met in Lyon and Rohan criticized Gondor.",
			"(ROOT (S (S (NP (NNP Arnor)) (VP (VBD met) (PP (IN in) (NP (NNP Lyon))))) (CC and) (S (NP (NNP Rohan)) (VP (VBD criticized) (NP (NNP Gondor)))) (. .)))",
			"ROH GON 111"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := c.NewDoc("t", time.Date(2020, 1, 15, 0, 0, 0, 0, time.UTC))
			var got []string
			for _, e := range d.Code(parsed(t, tt.text, tt.parse), 0).Events {
				line := e.Source.Code + " " + e.Target.Code + " " + e.Event.Code
				if e.Location != nil {
					line += " at " + e.Location.Name + "," + e.Location.Country
				}
				got = append(got, line)
			}
			if strings.Join(got, "; ") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(got, "; "), tt.want)
			}
		})
	}
}
