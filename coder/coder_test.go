package coder

import (
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/treebank"
)

const testVerbs = `
&CURRENCY
+DOLLARS
+SWISS FRANCS

--- RESTORE  [064]  ---
RESTORE
- * FULL TIES  [0641]
- NOT * RELATIONS  [112]

--- CONTRIBUTE [070] ---
CONTRIBUTE
- * &CURRENCY [071]

--- LEAVE [032:033] ---
LEAVE {LEAVES LEFT LEAVING}

--- CRITICIZE [121] ---
CRITICIZE
- HEAVILY * [122]

--- FREE [066] ---
FREE
- + * FROM $ [066]

--- AGREE [030] ---
AGREE
- % * [030:030]
- * WITH % [031]

--- CORDON [171] ---
+CORDON_OFF {+CORDONS_OFF +CORDONED_OFF +CORDONING_OFF}

--- SAY [010] ---
SAY {SAYS SAID SAYING}
`

const testActors = `
ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
THE_SHIRE [FRO/BIL/SAM]
PRINCE OF DOL AMROTH [DOL]
GOLLUM
	[HOB <950601]
	[HOBGOV 19950601-19990815]
	[HOBREB >19990816]
`

const testAgents = `
!PERSON! = MAN, MEN
GOVERNMENT [~GOV]
OFFICIAL [~GOV]
SECURITY_OFFICIALS [~GOV]
MSF {} [NGO~]
POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
`

func testSet(tb testing.TB, discards string) *dict.Set {
	tb.Helper()
	vd, errs := dict.ReadVerbs(strings.NewReader(testVerbs), "test.verbs", dict.Options{Syntax: dict.SyntaxTABARI})
	if len(errs) > 0 {
		tb.Fatalf("verbs: %v", errs)
	}
	actors, errs := dict.ReadActors(strings.NewReader(testActors), "test.actors", dict.Options{})
	if len(errs) > 0 {
		tb.Fatalf("actors: %v", errs)
	}
	ad, errs := dict.ReadAgents(strings.NewReader(testAgents), "test.agents", dict.Options{})
	if len(errs) > 0 {
		tb.Fatalf("agents: %v", errs)
	}
	set := &dict.Set{Verbs: vd, Actors: actors, Agents: ad.Agents}
	if discards != "" {
		set.Discards, errs = dict.ReadDiscards(strings.NewReader(discards), "test.discards", dict.Options{})
		if len(errs) > 0 {
			tb.Fatalf("discards: %v", errs)
		}
	}
	return set
}

// parsed builds an analysed sentence from text and its Penn Treebank parse.
func parsed(tb testing.TB, text, parse string) *annalist.Sentence {
	tb.Helper()
	tree, err := treebank.Parse(parse)
	if err != nil {
		tb.Fatalf("parse %q: %v", parse, err)
	}
	toks := treebank.ToTokens(tree)
	treebank.Align(toks, text, 0)
	return &annalist.Sentence{Text: text, Span: annalist.Span{End: len(text)}, Tokens: toks}
}

func codes(evs []annalist.Event) string {
	var out []string
	for _, e := range evs {
		out = append(out, e.Source.Code+" "+e.Target.Code+" "+e.Event.Code)
	}
	return strings.Join(out, "; ")
}

func TestCodeSentence(t *testing.T) {
	c := New(testSet(t, ""), nil, DefaultOptions())
	tests := []struct {
		name, text, parse string
		date              int
		want              string
	}{
		{"verb default code",
			"Arnor will restore ties with Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (. .)))",
			19950101, "ARN GON 064"},
		{"lower pattern wins over the default",
			"Arnor will restore full ties with Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB restore) (NP (JJ full) (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (. .)))",
			19950101, "ARN GON 0641"},
		{"upper pattern with an open connector",
			"Arnor did not restore relations with Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD did) (RB not) (VP (VB restore) (NP (NNS relations)) (PP (IN with) (NP (NNP Gondor))))) (. .)))",
			19950101, "ARN GON 112"},
		{"multi-word synset phrase",
			"Arnor will contribute a million Swiss francs to Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB contribute) (NP (DT a) (CD million) (JJ Swiss) (NNS francs)) (PP (TO to) (NP (NNP Gondor))))) (. .)))",
			19950101, "ARN GON 071"},
		{"paired code gives the event back",
			"The Gondor government left for Arnor.",
			"(ROOT (S (NP (DT The) (NNP Gondor) (NN government)) (VP (VBD left) (PP (IN for) (NP (NNP Arnor)))) (. .)))",
			19950101, "GONGOV ARN 032; ARN GONGOV 033"},
		{"agents: suffix, prefix, redundant and plural from a substitution set",
			"MSF Arnor security officials restored ties with Gondor congressmen.",
			"(ROOT (S (NP (NNP MSF) (NNP Arnor) (NN security) (NNS officials)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor) (NNS congressmen)))) (. .)))",
			19950101, "NGOARNGOV GONLEG 064"},
		{"date restrictions pick the code for the sentence date",
			"Gollum restored ties with Gondor.",
			"(ROOT (S (NP (NNP Gollum)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
			19970101, "HOBGOV GON 064"},
		{"date restrictions after the interval",
			"Gollum restored ties with Gondor.",
			"(ROOT (S (NP (NNP Gollum)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
			20050101, "HOBREB GON 064"},
		{"actor phrase running into a prepositional modifier",
			"Arnor restored ties with the Prince of Dol Amroth.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NP (DT the) (NNP Prince)) (PP (IN of) (NP (NNP Dol) (NNP Amroth)))))) (. .)))",
			19950101, "ARN DOL 064"},
		{"agent-only head takes the actor of its 'of' phrase",
			"The government of Gondor restored ties with Arnor.",
			"(ROOT (S (NP (NP (DT The) (NN government)) (PP (IN of) (NP (NNP Gondor)))) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Arnor)))) (. .)))",
			19950101, "GONGOV ARN 064"},
		{"compound code and compound subject",
			"The Shire and Arnor restored ties with Gondor.",
			"(ROOT (S (NP (NP (DT The) (NNP Shire)) (CC and) (NP (NNP Arnor))) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
			19950101, "FRO GON 064; BIL GON 064; SAM GON 064; ARN GON 064"},
		{"compound slot in the upper pattern gives pairs",
			"Arnor and Gondor agree.",
			"(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBP agree)) (. .)))",
			19950101, "ARN GON 030; GON ARN 030"},
		{"compound slot in the lower pattern gives targets",
			"The Shire agrees with Arnor and Gondor.",
			"(ROOT (S (NP (DT The) (NNP Shire)) (VP (VBZ agrees) (PP (IN with) (NP (NNP Arnor) (CC and) (NNP Gondor)))) (. .)))",
			19950101, "FRO ARN 031; FRO GON 031; BIL ARN 031; BIL GON 031; SAM ARN 031; SAM GON 031"},
		{"pattern slots set source and target",
			"Gondor was freed from Minas Tirith.",
			"(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN freed) (PP (IN from) (NP (NNP Minas) (NNP Tirith))))) (. .)))",
			19950101, ""}, // source and target are the same actor: no event
		{"passive voice with a by-agent swaps source and target",
			"Arnor was criticized by Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN criticized) (PP (IN by) (NP (NNP Gondor))))) (. .)))",
			19950101, "GON ARN 121"},
		{"multi-word verb",
			"Gondor police cordoned off Arnor.",
			"(ROOT (S (NP (NNP Gondor) (NNS police)) (VP (VBD cordoned) (PRT (RP off)) (NP (NNP Arnor))) (. .)))",
			19950101, "GONCOP ARN 171"},
		{"a terminal comma clause is removed before coding",
			"Arnor restored ties with Gondor, a senior official said.",
			"(ROOT (S (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (, ,) (NP (DT a) (JJ senior) (NN official)) (VP (VBD said)) (. .)))",
			19950101, "ARN GON 064"},
		{"a pronoun subject of a complement takes the subject above",
			"Arnor said it would restore ties with Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (MD would) (VP (VB restore) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))))))) (. .)))",
			19950101, "ARN GON 010"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.CodeSentence(parsed(t, tt.text, tt.parse), 0, tt.date)
			if got := codes(res.Events); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestEventEvidencePinned(t *testing.T) {
	c := New(testSet(t, ""), nil, DefaultOptions())
	text := "Arnor will restore full ties with Gondor."
	s := parsed(t, text, "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (VP (VB restore) (NP (JJ full) (NNS ties)) (PP (IN with) (NP (NNP Gondor))))) (. .)))")
	res := c.CodeSentence(s, 0, 19950101)
	if len(res.Events) != 1 {
		t.Fatalf("events = %s", codes(res.Events))
	}
	e := res.Events[0]
	if e.SentenceText != text {
		t.Errorf("SentenceText = %q", e.SentenceText)
	}
	wantSrc := annalist.Actor{Code: "ARN", Text: "Arnor", Span: annalist.Span{Start: 0, End: 5}, Root: "ARNOR",
		Entry: &annalist.Provenance{Dict: "test.actors", Line: 2, Entry: "ARNOR", Span: annalist.Span{Start: 0, End: 5}}}
	if !equalActor(e.Source, wantSrc) {
		t.Errorf("source = %+v (entry %+v), want %+v", e.Source, e.Source.Entry, wantSrc)
	}
	wantTgt := annalist.Actor{Code: "GON", Text: "Gondor", Span: annalist.Span{Start: 34, End: 40}, Root: "GONDOR",
		Entry: &annalist.Provenance{Dict: "test.actors", Line: 3, Entry: "GONDOR", Span: annalist.Span{Start: 34, End: 40}}}
	if !equalActor(e.Target, wantTgt) {
		t.Errorf("target = %+v (entry %+v), want %+v", e.Target, e.Target.Entry, wantTgt)
	}
	if e.Event.Code != "0641" || e.Event.Root != "06" {
		t.Errorf("event = %+v", e.Event)
	}
	wantEv := annalist.Evidence{Verb: "restore", VerbSpan: annalist.Span{Start: 11, End: 18},
		Pattern: annalist.Provenance{Dict: "test.verbs", Line: 8, Entry: "- * FULL TIES  [0641]", Span: annalist.Span{Start: 19, End: 28}}}
	if e.Evidence.Verb != wantEv.Verb || e.Evidence.VerbSpan != wantEv.VerbSpan || e.Evidence.Pattern != wantEv.Pattern || e.Evidence.Passive {
		t.Errorf("evidence = %+v, want %+v", e.Evidence, wantEv)
	}
	if got := text[e.Evidence.Pattern.Span.Start:e.Evidence.Pattern.Span.End]; got != "full ties" {
		t.Errorf("pattern span covers %q", got)
	}
}

func equalActor(a, b annalist.Actor) bool {
	if a.Code != b.Code || a.Text != b.Text || a.Span != b.Span || a.Root != b.Root || len(a.Agents) != len(b.Agents) {
		return false
	}
	if (a.Entry == nil) != (b.Entry == nil) {
		return false
	}
	return a.Entry == nil || *a.Entry == *b.Entry
}

func TestOptions(t *testing.T) {
	set := testSet(t, "BASEBALL\n+TYPHOON\n")
	text := "Arnor restored ties with the lions."
	parse := "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (DT the) (NNS lions)))) (. .)))"
	if res := New(set, nil, DefaultOptions()).CodeSentence(parsed(t, text, parse), 0, 0); len(res.Events) != 0 {
		t.Errorf("require_dyad: coded %s", codes(res.Events))
	}
	o := DefaultOptions()
	o.RequireDyad = false
	if got := codes(New(set, nil, o).CodeSentence(parsed(t, text, parse), 0, 0).Events); got != "ARN --- 064" {
		t.Errorf("without require_dyad: %q", got)
	}
	o = DefaultOptions()
	o.NewActorLength = 2
	crit := parsed(t, "Arnor criticized the lions.", "(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (DT the) (NNS lions))) (. .)))")
	if got := codes(New(set, nil, o).CodeSentence(crit, 0, 0).Events); got != `ARN "THE LIONS" 121` {
		t.Errorf("new actors: %q", got)
	}
	o.NewActorLength = 1
	if got := codes(New(set, nil, o).CodeSentence(crit, 0, 0).Events); got != "" {
		t.Errorf("new actor longer than new_actor_length: %q", got)
	}
	res := New(set, nil, DefaultOptions()).CodeSentence(parsed(t, "Arnor restored baseball ties with Gondor.",
		"(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NN baseball) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))"), 0, 0)
	if res.Discard != DiscardSentence || len(res.Events) != 0 || res.DiscardEntry == nil || res.DiscardEntry.Entry != "BASEBALL" {
		t.Errorf("sentence discard: %+v", res)
	}
	res = New(set, nil, DefaultOptions()).CodeSentence(parsed(t, "A typhoon hit Gondor.",
		"(ROOT (S (NP (DT A) (NN typhoon)) (VP (VBD hit) (NP (NNP Gondor))) (. .)))"), 0, 0)
	if res.Discard != DiscardStory {
		t.Errorf("story discard: %+v", res)
	}
	// SkipsSentence foresees both discards from the words alone, before any
	// tagging or parsing.
	c := New(set, nil, DefaultOptions())
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Arnor restored baseball ties with Gondor .", true},
		{"A typhoon hit Gondor .", true},
		{"Arnor criticized the lions .", false},
		{"Arnor criticized the baseball lions .", true},
		{"", false},
	} {
		var sent annalist.Sentence
		for _, w := range strings.Fields(tc.text) {
			sent.Tokens = append(sent.Tokens, annalist.Token{Text: w, Norm: w, Head: -1})
		}
		if got := c.SkipsSentence(&sent); got != tc.want {
			t.Errorf("SkipsSentence(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestHasChunk(t *testing.T) {
	for _, tt := range []struct {
		code, agent string
		want        bool
	}{{"USAGOV", "GOV", true}, {"GMWGOV", "WGO", false}, {"HGWGOVMED", "MED", true}, {"---", "GOV", false}} {
		if got := hasChunk(tt.code, tt.agent); got != tt.want {
			t.Errorf("hasChunk(%q, %q) = %v", tt.code, tt.agent, got)
		}
	}
}

const petr2Verbs = `
--- EXPLAIN [010] ---
SAY {SAYS SAID SAYING}

--- PHYSICAL_CONFLICT [190] ---
ATTACK
SHELL

--- CRITICIZE [121:122] ---
CRITICIZE

~ a (a b Q) SAY = a b Q
~ a (b . ATTACK) SAY = a b 112
`

func TestPETRARCH2Semantics(t *testing.T) {
	vd, errs := dict.ReadVerbs(strings.NewReader(petr2Verbs), "p2.verbs", dict.Options{Syntax: dict.SyntaxPETRARCH2})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	set := testSet(t, "")
	set.Verbs = vd
	c := New(set, nil, DefaultOptions())
	tests := []struct{ name, text, parse, want, xform string }{
		{"say that one will act oneself: the inner event, from the speaker",
			"Arnor said it would attack Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (MD would) (VP (VB attack) (NP (NNP Gondor))))))) (. .)))",
			"ARN GON 190", "~ a (a b Q) SAY = a b Q"},
		{"say that another attacked: an accusation",
			"Arnor said Gondor shelled the Shire.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD shelled) (NP (DT the) (NNP Shire)))))) (. .)))",
			"ARN GON 112", "~ a (b . ATTACK) SAY = a b 112"},
		{"active code", "Arnor criticized Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))", "ARN GON 121", ""},
		{"passive code with the agent as source", "Arnor was criticized by Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD was) (VP (VBN criticized) (PP (IN by) (NP (NNP Gondor))))) (. .)))", "GON ARN 122", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.CodeSentence(parsed(t, tt.text, tt.parse), 0, 19950101)
			if got := codes(res.Events); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			x := res.Events[0].Evidence.Transform
			if (x == nil) != (tt.xform == "") || (x != nil && x.Entry != tt.xform) {
				t.Errorf("transform evidence = %+v, want %q", x, tt.xform)
			}
		})
	}
}

// TestMergedVerbsProvenance codes with a verb dictionary merged from two
// files and checks that the evidence names the file and line that fired.
func TestMergedVerbsProvenance(t *testing.T) {
	fsys := fstest.MapFS{
		"base.verbs": {Data: []byte("--- EXPLAIN [010] ---\nSAY {SAYS SAID SAYING}\n\n--- CRITICIZE [121:122] ---\nCRITICIZE\n~ a (b . ATTACK) SAY = a b 112\n")},
		"more.verbs": {Data: []byte("--- CRITICIZE ---\n- * + (FOR {HUMAN RIGHTS}) [1122]\n--- PHYSICAL_CONFLICT [190] ---\nATTACK\nSHELL\n")},
	}
	vs, errs := dict.Load(dict.LoadOptions{FS: fsys, Verbs: "base.verbs", MoreVerbs: []string{"more.verbs"}, Options: dict.Options{Syntax: dict.SyntaxPETRARCH2}})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	set := testSet(t, "")
	set.Verbs = vs.Verbs
	c := New(set, nil, DefaultOptions())
	tests := []struct{ name, text, parse, want, dict, entry, xform string }{
		{"a pattern of the later file", "Arnor criticized Gondor for human rights.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor)) (PP (IN for) (NP (JJ human) (NNS rights)))) (. .)))",
			"ARN GON 1122", "more.verbs:2", "- * + (FOR {HUMAN RIGHTS}) [1122]", ""},
		{"a verb of the earlier file", "Arnor criticized Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD criticized) (NP (NNP Gondor))) (. .)))",
			"ARN GON 121", "base.verbs:5", "CRITICIZE", ""},
		{"a later verb inside an earlier transformation", "Arnor said Gondor shelled the Shire.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD shelled) (NP (DT the) (NNP Shire)))))) (. .)))",
			"ARN GON 112", "base.verbs:2", "SAY {SAYS SAID SAYING}", "base.verbs:6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.CodeSentence(parsed(t, tt.text, tt.parse), 0, 19950101)
			if got := codes(res.Events); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			p := res.Events[0].Evidence.Pattern
			if got := p.Dict + ":" + strconv.Itoa(p.Line); got != tt.dict || p.Entry != tt.entry {
				t.Errorf("pattern evidence %s %q, want %s %q", got, p.Entry, tt.dict, tt.entry)
			}
			x := res.Events[0].Evidence.Transform
			if x != nil {
				if got := x.Dict + ":" + strconv.Itoa(x.Line); got != tt.xform {
					t.Errorf("transform evidence %s, want %s", got, tt.xform)
				}
			} else if tt.xform != "" {
				t.Errorf("no transform evidence, want %s", tt.xform)
			}
		})
	}
}
