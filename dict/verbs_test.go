package dict

import (
	"strings"
	"testing"
)

// forms builds the forms of a single-word verb: the base, then the given
// forms; generated marks whether those are generated regular forms.
func forms(generated bool, base string, more ...string) []VerbForm {
	out := []VerbForm{{Words: []string{base}}}
	for _, m := range more {
		out = append(out, VerbForm{Words: []string{m}, Generated: generated})
	}
	return out
}

func TestReadVerbsTABARI(t *testing.T) {
	cases := []struct {
		name       string
		in         string
		synsets    map[string]*Synset
		blocks     []*Block
		transforms []Transform
		errs       []string
	}{{
		name: "synsets, plurals and nesting",
		in: text(
			"&CURRENCY   # money",
			"+DOLLAR",
			"+SWISS FRANC",
			"+PESO_",
			"+PASS",
			"+MONEY",
			"+U.S.",
			"&TIE_",
			"+MILITARY",
			"+ECONOMIC_TIES",
			"&MIX",
			"+&TIE",
			"+CLOSER &TIE",
		),
		synsets: map[string]*Synset{
			"CURRENCY": {Name: "CURRENCY", Line: 1, Phrases: []Phrase{
				{Elems: []Elem{w("DOLLAR", 2)}, Line: 2},
				{Elems: []Elem{wc("SWISS", 2), w("FRANC", 8)}, Line: 3},
				{Elems: []Elem{w("PESO", 2)}, Exact: true, Line: 4},
				{Elems: []Elem{w("PASS", 2)}, Line: 5},
				{Elems: []Elem{w("MONEY", 2)}, Line: 6},
				{Elems: []Elem{w("U.S.", 2)}, Line: 7},
				{Elems: []Elem{w("DOLLARS", 2)}, Generated: true, Line: 2},
				{Elems: []Elem{wc("SWISS", 2), w("FRANCS", 8)}, Generated: true, Line: 3},
				{Elems: []Elem{w("PASSES", 2)}, Generated: true, Line: 5},
				{Elems: []Elem{w("MONEYS", 2)}, Generated: true, Line: 6},
			}},
			"TIE": {Name: "TIE", Line: 8, NoPlurals: true, Phrases: []Phrase{
				{Elems: []Elem{w("MILITARY", 2)}, Line: 9},
				{Elems: []Elem{wc("ECONOMIC", 2), w("TIES", 11)}, Line: 10},
			}},
			"MIX": {Name: "MIX", Line: 11, Phrases: []Phrase{
				{Elems: []Elem{s("TIE", 2)}, Line: 12},
				{Elems: []Elem{wc("CLOSER", 2), s("TIE", 9)}, Line: 13},
			}},
		},
	}, {
		name: "synset names with underscores",
		in: text(
			"&FIGHT",
			"+BATTLE",
			"&FIGHT_OF_WORDS_",
			"+SPAT",
			"--- CLASH [190] ---",
			"CLASH",
			"- * &FIGHT_OF_WORDS [111]",
			"- * &FIGHT_CRIM [112]",
			"- * NEW_&FIGHT_RELATIONS [113]",
		),
		synsets: map[string]*Synset{
			"FIGHT": {Name: "FIGHT", Line: 1, Phrases: []Phrase{
				{Elems: []Elem{w("BATTLE", 2)}, Line: 2},
				{Elems: []Elem{w("BATTLES", 2)}, Generated: true, Line: 2},
			}},
			"FIGHT_OF_WORDS": {Name: "FIGHT_OF_WORDS", Line: 3, NoPlurals: true, Phrases: []Phrase{
				{Elems: []Elem{w("SPAT", 2)}, Line: 4},
			}},
		},
		blocks: []*Block{{Name: "CLASH", Line: 5, Code: Code{Primary: "190"},
			Verbs: []Verb{{Line: 6, Text: "CLASH", Lemma: "CLASH",
				Forms: forms(true, "CLASH", "CLASHES", "CLASHED", "CLASHING")}},
			Patterns: []Pattern{
				{Line: 7, Text: "* &FIGHT_OF_WORDS [111]", Code: Code{Primary: "111"},
					Elems: []Elem{tok(ElemVerb, 3), s("FIGHT_OF_WORDS", 5)}},
				{Line: 8, Text: "* &FIGHT_CRIM [112]", Code: Code{Primary: "112"},
					Elems: []Elem{tok(ElemVerb, 3), sc("FIGHT", 5), w("CRIM", 12)}},
				{Line: 9, Text: "* NEW_&FIGHT_RELATIONS [113]", Code: Code{Primary: "113"},
					Elems: []Elem{tok(ElemVerb, 3), wc("NEW", 5), sc("FIGHT", 9), w("RELATIONS", 16)}},
			}}},
	}, {
		name: "verbs: regular, irregular, multi-word, codes",
		in: text(
			"--- ABANDON [345] ---",
			"ABANDON    # pas 15 Jul 2003",
			"+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF} ",
			"WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING } [002]",
			"KLM_NOP_+RST [002:003]",
			"DEPART",
			"DEPLORE",
			"CARRY",
			"DIE",
			"AGREE",
			"VETO",
			"SNUB [111] {SNUBS SNUBBING SNUBBED}",
			"RIP {RIPPING RIPS RIPPED};shan   7/11/93",
			"BAN {BANS BANNED}",
			"; a comment line",
		),
		synsets: map[string]*Synset{},
		blocks: []*Block{{Name: "ABANDON", Line: 1, Code: Code{Primary: "345"}, Verbs: []Verb{
			{Line: 2, Text: "ABANDON", Lemma: "ABANDON", Forms: forms(true, "ABANDON", "ABANDONS", "ABANDONED", "ABANDONING")},
			{Line: 3, Text: "+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}", Lemma: "CORDON OFF", Forms: []VerbForm{
				{Words: []string{"CORDON", "OFF"}},
				{Words: []string{"CORDONED", "OFF"}},
				{Words: []string{"CORDONS", "OFF"}},
				{Words: []string{"CORDONING", "OFF"}},
			}},
			{Line: 4, Text: "WIRE_+TAP {WIRE_+TAPPED  WIRE_+TAPPING } [002]", Lemma: "WIRE TAP", Code: Code{Primary: "002"}, Forms: []VerbForm{
				{Words: []string{"WIRE", "TAP"}, Head: 1},
				{Words: []string{"WIRE", "TAPPED"}, Head: 1},
				{Words: []string{"WIRE", "TAPPING"}, Head: 1},
			}},
			{Line: 5, Text: "KLM_NOP_+RST [002:003]", Lemma: "KLM NOP RST", Code: Code{Primary: "002", Secondary: "003"}, Forms: []VerbForm{
				{Words: []string{"KLM", "NOP", "RST"}, Head: 2},
				{Words: []string{"KLM", "NOP", "RSTS"}, Head: 2, Generated: true},
				{Words: []string{"KLM", "NOP", "RSTED"}, Head: 2, Generated: true},
				{Words: []string{"KLM", "NOP", "RSTING"}, Head: 2, Generated: true},
			}},
			// VERB-20/21 of the validation suite: DEPARTX and DEPARTES are not forms of DEPART.
			{Line: 6, Text: "DEPART", Lemma: "DEPART", Forms: forms(true, "DEPART", "DEPARTS", "DEPARTED", "DEPARTING")},
			// VERB-22: DEPLORED.
			{Line: 7, Text: "DEPLORE", Lemma: "DEPLORE", Forms: forms(true, "DEPLORE", "DEPLORES", "DEPLORED", "DEPLORING")},
			{Line: 8, Text: "CARRY", Lemma: "CARRY", Forms: forms(true, "CARRY", "CARRIES", "CARRIED", "CARRYING")},
			{Line: 9, Text: "DIE", Lemma: "DIE", Forms: forms(true, "DIE", "DIES", "DIED", "DYING")},
			{Line: 10, Text: "AGREE", Lemma: "AGREE", Forms: forms(true, "AGREE", "AGREES", "AGREED", "AGREEING")},
			{Line: 11, Text: "VETO", Lemma: "VETO", Forms: forms(true, "VETO", "VETOES", "VETOED", "VETOING")},
			{Line: 12, Text: "SNUB [111] {SNUBS SNUBBING SNUBBED}", Lemma: "SNUB", Code: Code{Primary: "111"},
				Forms: forms(false, "SNUB", "SNUBS", "SNUBBING", "SNUBBED")},
			{Line: 13, Text: "RIP {RIPPING RIPS RIPPED}", Lemma: "RIP", Forms: forms(false, "RIP", "RIPPING", "RIPS", "RIPPED")},
			// An irregular list is complete: no regular BANNING is added.
			{Line: 14, Text: "BAN {BANS BANNED}", Lemma: "BAN", Forms: forms(false, "BAN", "BANS", "BANNED")},
		}}},
	}, {
		name: "TABARI patterns",
		in: text(
			"&GENINT",
			"+GENEVA",
			"--- ACCORD [---] ---",
			"ACCORD",
			"- SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]  # note",
			"- SO IN_AND_*_OUT_AGAIN NOW [074]",
			"- IN_ *  [075A]",
			"- %_* [032:033]",
			"- $ * ^ + [+++]",
			"- * OFF_  [195]",
			"- * ^_RECONSTRUCTION_AID TO\t+ [0331]",
			"- * [###]  # TABARI discard code",
		),
		synsets: map[string]*Synset{"GENINT": {Name: "GENINT", Line: 1, Phrases: []Phrase{
			{Elems: []Elem{w("GENEVA", 2)}, Line: 2},
			{Elems: []Elem{w("GENEVAS", 2)}, Generated: true, Line: 2},
		}}},
		blocks: []*Block{{Name: "ACCORD", Line: 3, Code: Code{Primary: "---"},
			Verbs: []Verb{{Line: 4, Text: "ACCORD", Lemma: "ACCORD", Forms: forms(true, "ACCORD", "ACCORDS", "ACCORDED", "ACCORDING")}},
			Patterns: []Pattern{
				{Line: 5, Text: "SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS  [111]", Code: Code{Primary: "111"}, Comment: "note",
					Elems: []Elem{wc("SUGGESTED", 3), tok(ElemTarget, 13), tok(ElemVerb, 15), wc("DEMAND", 17), sc("GENINT", 24), w("CONVENTIONS", 32)}},
				{Line: 6, Text: "SO IN_AND_*_OUT_AGAIN NOW [074]", Code: Code{Primary: "074"},
					Elems: []Elem{w("SO", 3), wc("IN", 6), wc("AND", 9), tokc(ElemVerb, 13), wc("OUT", 15), w("AGAIN", 19), w("NOW", 25)}},
				{Line: 7, Text: "IN_ *  [075A]", Code: Code{Primary: "075A"},
					Elems: []Elem{wc("IN", 3), tok(ElemVerb, 7)}},
				{Line: 8, Text: "%_* [032:033]", Code: Code{Primary: "032", Secondary: "033"},
					Elems: []Elem{tokc(ElemCompound, 3), tok(ElemVerb, 5)}},
				{Line: 9, Text: "$ * ^ + [+++]", Code: Code{Primary: "+++"},
					Elems: []Elem{tok(ElemSource, 3), tok(ElemVerb, 5), tok(ElemSkip, 7), tok(ElemTarget, 9)}},
				{Line: 10, Text: "* OFF_  [195]", Code: Code{Primary: "195"}, Exact: true,
					Elems: []Elem{tok(ElemVerb, 3), w("OFF", 5)}},
				{Line: 11, Text: "* ^_RECONSTRUCTION_AID TO\t+ [0331]", Code: Code{Primary: "0331"},
					Elems: []Elem{tok(ElemVerb, 3), tokc(ElemSkip, 5), wc("RECONSTRUCTION", 7), w("AID", 22), w("TO", 26), tok(ElemTarget, 29)}},
				{Line: 12, Text: "* [###]", Code: Code{Primary: "###"}, Comment: "TABARI discard code",
					Elems: []Elem{tok(ElemVerb, 3)}},
			}}},
	}, {
		name: "block headers",
		in: text(
			"<!-- PETRARCH VALIDATION SUITE VERBS DICTIONARY -->",
			"--- DELAY [120]  [031:031]  ---",
			"--- TROUBLED  [---] # NOUN ---",
			"---  ACCELERATE   [---]  ---",
			"--- NOCODE ---",
			"--- EXPLAIN_VERBAL [010]---",
			"--- LASH OUT [122] ---",
		),
		synsets: map[string]*Synset{},
		blocks: []*Block{
			{Name: "DELAY", Line: 2, Code: Code{Primary: "120"}},
			{Name: "TROUBLED", Line: 3, Code: Code{Primary: "---"}},
			{Name: "ACCELERATE", Line: 4, Code: Code{Primary: "---"}},
			{Name: "NOCODE", Line: 5, Code: Code{Primary: "---"}},
			{Name: "EXPLAIN_VERBAL", Line: 6, Code: Code{Primary: "010"}},
			{Name: "LASH OUT", Line: 7, Code: Code{Primary: "122"}},
		},
		errs: []string{"t:2:18: second code in block header; the first applies"},
	}}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			vd, errs := ReadVerbs(strings.NewReader(tc.in), "t", Options{Syntax: SyntaxTABARI})
			eq(t, "errors", errStrings(t, errs), tc.errs)
			if vd == nil {
				t.Fatal("nil dictionary")
			}
			eq(t, "path", vd.Path, "t")
			eq(t, "paths", vd.Paths, []string{"t"})
			eq(t, "syntax", vd.Syntax, SyntaxTABARI)
			eq(t, "synsets", vd.Synsets, withPath("t", tc.synsets))
			eq(t, "blocks", vd.Blocks, withPath("t", tc.blocks))
			eq(t, "transforms", vd.Transforms, withPath("t", tc.transforms))
		})
	}
}

func TestReadVerbsPETRARCH2(t *testing.T) {
	in := text(
		"&MILITARY_",
		"+ARMY",
		"&WEAPON",
		"+GUN",
		"---  RUSH   [---]  ---",
		"RUSH",
		"- * (TO)  [042:043]  # RUSH",
		"- * {ARMS SHIPMENT} [072]",
		"- &MILITARY * (FOR {FINANCIAL AID}) $ [154]",
		"- * (BY/WITH &WEAPON) [:194]",
		"- * {AIR_STRIKE} + [013]",
		"~ a (a b WILL_ATTACK) SAY = a b 138",
		"~ a (b . ATTACK ) WANT = a b 021  # spaces inside",
		"~ a (_ b Q) SAY = a b Q",
	)
	vd, errs := ReadVerbs(strings.NewReader(in), "p2", Options{})
	eq(t, "errors", errStrings(t, errs), []string(nil))
	eq(t, "syntax (detected from ~ lines)", vd.Syntax, SyntaxPETRARCH2)
	eq(t, "synsets", vd.Synsets, withPath("p2", map[string]*Synset{
		"MILITARY": {Name: "MILITARY", Line: 1, NoPlurals: true, Phrases: []Phrase{{Elems: []Elem{w("ARMY", 2)}, Line: 2}}},
		"WEAPON": {Name: "WEAPON", Line: 3, Phrases: []Phrase{
			{Elems: []Elem{w("GUN", 2)}, Line: 4},
			{Elems: []Elem{w("GUNS", 2)}, Generated: true, Line: 4},
		}},
	}))
	verb := tok(ElemVerb, 3)
	eq(t, "blocks", vd.Blocks, withPath("p2", []*Block{{Name: "RUSH", Line: 5, Code: Code{Primary: "---"},
		Verbs: []Verb{{Line: 6, Text: "RUSH", Lemma: "RUSH", Forms: forms(true, "RUSH", "RUSHES", "RUSHED", "RUSHING")}},
		Patterns: []Pattern{
			{Line: 7, Text: "* (TO)  [042:043]", Code: Code{Primary: "042", Secondary: "043"}, Comment: "RUSH",
				Elems:  []Elem{verb, role(w("TO", 6), RolePrep, 1)},
				Groups: []Group{{Kind: GroupPrep, Col: 5}}},
			{Line: 8, Text: "* {ARMS SHIPMENT} [072]", Code: Code{Primary: "072"},
				Elems:  []Elem{verb, role(w("ARMS", 6), RoleModifier, 1), role(w("SHIPMENT", 11), RoleNoun, 1)},
				Groups: []Group{{Kind: GroupNoun, Col: 5}}},
			{Line: 9, Text: "&MILITARY * (FOR {FINANCIAL AID}) $ [154]", Code: Code{Primary: "154"},
				Elems: []Elem{role(s("MILITARY", 3), RoleNoun, 0), tok(ElemVerb, 13),
					role(w("FOR", 16), RolePrep, 1), role(w("FINANCIAL", 21), RoleModifier, 2), role(w("AID", 31), RoleNoun, 2),
					role(tok(ElemSource, 37), RoleNoun, 0)},
				Groups: []Group{{Kind: GroupPrep, Col: 15}, {Kind: GroupNoun, Parent: 1, Col: 20}}},
			{Line: 10, Text: "* (BY/WITH &WEAPON) [:194]", Code: Code{Secondary: "194"},
				Elems:  []Elem{verb, role(w("BY/WITH", 6), RolePrep, 1), role(s("WEAPON", 14), RoleNoun, 1)},
				Groups: []Group{{Kind: GroupPrep, Col: 5}}},
			{Line: 11, Text: "* {AIR_STRIKE} + [013]", Code: Code{Primary: "013"},
				Elems:  []Elem{verb, role(wc("AIR", 6), RoleModifier, 1), role(w("STRIKE", 10), RoleNoun, 1), role(tok(ElemTarget, 18), RoleNoun, 0)},
				Groups: []Group{{Kind: GroupNoun, Col: 5}}},
		}}}))
	eq(t, "transforms", vd.Transforms, withPath("p2", []Transform{
		{Line: 12, Text: "a (a b WILL_ATTACK) SAY = a b 138", Source: "a", InnerSource: "a", InnerTarget: "b",
			InnerVerb: "WILL ATTACK", Verb: "SAY", OutSource: "a", OutTarget: "b", OutCode: "138"},
		{Line: 13, Text: "a (b . ATTACK ) WANT = a b 021", Source: "a", InnerSource: "b", InnerTarget: ".",
			InnerVerb: "ATTACK", Verb: "WANT", OutSource: "a", OutTarget: "b", OutCode: "021"},
		{Line: 14, Text: "a (_ b Q) SAY = a b Q", Source: "a", InnerSource: "_", InnerTarget: "b",
			InnerVerb: "Q", Verb: "SAY", OutSource: "a", OutTarget: "b", OutCode: "Q"},
	}))
}

// malformedVerbs has one problem per line from line 9 on, each followed by
// good entries that must still load.
var malformedVerbs = text(
	"&A", //                 1
	"+&B",
	"+X",
	"&B",
	"+&A", //                5: cycle A -> B -> A
	"+Y",
	"--- V [010] ---",
	"V",
	"- * &NOPE [011]", //    9: unknown synset
	"- IN_* [012]",
	"- * * [013]",           //        11: two verbs
	"- * [014",              //           12: unbalanced [
	"- SAID * TALKS",        //     13: no code
	"V2 {V2S",               //            14: unbalanced {
	"SCOF AT",               //            15: blanks and no +
	"- ** [015]",            //         16: * touching *
	"- * (X) [016]",         //      17: ( in TABARI
	"-- * Z [017]",          //       18: --
	"~ a (a b X) Y = a b 1", // 19: transform in TABARI
	"- * }Q [018]",          //       20: stray }
	"- TIVILIAN [202]",      //   21: no verb
	"+PLUS_",                //             22: + verb line outside synset, trailing _
	"- * OK [019]",
)

func TestReadVerbsMalformed(t *testing.T) {
	vd, errs := ReadVerbs(strings.NewReader(malformedVerbs), "bad.verbs", Options{Syntax: SyntaxTABARI})
	eq(t, "errors", errStrings(t, errs), []string{
		"bad.verbs:5:2: synset &B refers back to itself through &A",
		"bad.verbs:9:5: unknown synset &NOPE",
		"bad.verbs:11:5: pattern has 2 verbs *; want one",
		"bad.verbs:12:5: unbalanced [: missing ]",
		"bad.verbs:13:3: pattern without [code]",
		"bad.verbs:14:4: unbalanced {: missing }",
		"bad.verbs:15:1: multi-word verb \"SCOF AT\" is written with blanks and without +; read as +SCOF_AT",
		"bad.verbs:16:3: verb * touches a word in \"**\"; read as separate elements",
		"bad.verbs:16:4: pattern has 2 verbs *; want one",
		"bad.verbs:17:5: '(' in a TABARI pattern; ignored",
		"bad.verbs:17:7: unbalanced ')'; ignored",
		"bad.verbs:18:1: pattern starts with -- instead of -",
		"bad.verbs:19:1: transformation in a tabari dictionary",
		"bad.verbs:20:5: unbalanced '}'; ignored",
		"bad.verbs:21:3: pattern has no verb *",
	})
	// The cycle is broken at the phrase that closes it; the rest stays.
	eq(t, "synset A", vd.Synsets["A"].Phrases, []Phrase{
		{Elems: []Elem{s("B", 2)}, Line: 2},
		{Elems: []Elem{w("X", 2)}, Line: 3},
		{Elems: []Elem{w("XES", 2)}, Generated: true, Line: 3},
	})
	eq(t, "synset B", vd.Synsets["B"].Phrases, []Phrase{
		{Elems: []Elem{w("Y", 2)}, Line: 6},
		{Elems: []Elem{w("YS", 2)}, Generated: true, Line: 6},
	})
	b := vd.Blocks[0]
	var lines []int
	for _, p := range b.Patterns {
		lines = append(lines, p.Line)
	}
	eq(t, "patterns kept", lines, []int{10, 17, 18, 20, 23})
	var verbs []string
	for _, v := range b.Verbs {
		var fs []string
		for _, f := range v.Forms {
			fs = append(fs, strings.Join(f.Words, "_"))
		}
		verbs = append(verbs, v.Lemma+"="+strings.Join(fs, ","))
	}
	eq(t, "verbs kept", verbs, []string{
		"V=V,VS,VED,VING",
		"V2=V2,V2S",
		"SCOF AT=SCOF_AT,SCOFS_AT,SCOFED_AT,SCOFING_AT",
		"PLUS=PLUS,PLUSES,PLUSED,PLUSING",
	})
	eq(t, "pattern 17 (parentheses dropped)", b.Patterns[1].Elems, []Elem{tok(ElemVerb, 3), w("X", 6)})
	eq(t, "pattern 20 (brace dropped)", b.Patterns[3].Elems, []Elem{tok(ElemVerb, 3), w("Q", 6)})
}

func TestReadVerbsStrict(t *testing.T) {
	vd, errs := ReadVerbs(strings.NewReader(malformedVerbs), "bad.verbs", Options{Strict: true, Syntax: SyntaxTABARI})
	if vd != nil {
		t.Error("strict read of a bad file returned a dictionary")
	}
	// Line order: the first problem met while reading is line 9's pattern
	// check only after the file is read, so the first reported is line 11.
	eq(t, "errors", errStrings(t, errs), []string{"bad.verbs:11:5: pattern has 2 verbs *; want one"})

	good := text("--- V [010] ---", "V", "- * X [011]")
	vd, errs = ReadVerbs(strings.NewReader(good), "good", Options{Strict: true})
	if vd == nil || len(errs) != 0 {
		t.Fatalf("strict read of a good file: %v, %v", vd, errs)
	}
}

func TestReadVerbsPETRARCH2Malformed(t *testing.T) {
	in := text(
		"--- V [010] ---",
		"V",
		"- * VENTURE (WITH VISIT) VISIT)[042:043]", // 3: stray )
		"- * (FOR (AID)) [1]",                      //                      4: ( inside (
		"- * {A {B}} [2]",                          //                           5: { inside {
		"- * ({AID}) [3]",                          //                           6: no preposition
		"- * () [4]",                               //                                7: empty
		"- (*) [5]",                                //                                 8: verb in group
		"- * (FOR AID [6]",                         //                          9: unclosed
		"~ a (a b) SAY = a b 1",                    //                     10: short transform
		"~ A (a b X) SAY = a b 1",                  //                   11: bad slot
		"~ a (a b X) SAY = a b 1 extra",            //             12: trailing text
		"- * {GOOD AID} [7]",
	)
	vd, errs := ReadVerbs(strings.NewReader(in), "p2", Options{Syntax: SyntaxPETRARCH2})
	eq(t, "errors", errStrings(t, errs), []string{
		"p2:3:31: unbalanced ')'; ignored",
		"p2:4:10: '(' inside prepositional phrase (..)",
		"p2:5:8: '{' inside noun phrase {..}",
		"p2:6:6: prepositional phrase starts with a noun phrase, not a preposition",
		"p2:7:5: empty prepositional phrase (..)",
		"p2:8:4: verb * inside prepositional phrase (..)",
		"p2:9:5: unbalanced prepositional phrase (..): missing )",
		"p2:10:9: transformation: want verb, got \")\"",
		"p2:11:3: transformation: want slot, got \"A\"",
		"p2:12:25: unexpected text \"extra\" after transformation",
	})
	var lines []int
	for _, p := range vd.Blocks[0].Patterns {
		lines = append(lines, p.Line)
	}
	eq(t, "patterns kept", lines, []int{3, 9, 13})
	eq(t, "pattern 3", vd.Blocks[0].Patterns[0].Elems, []Elem{tok(ElemVerb, 3),
		role(w("VENTURE", 5), RoleNoun, 0), role(w("WITH", 14), RolePrep, 1), role(w("VISIT", 19), RoleNoun, 1), role(w("VISIT", 26), RoleNoun, 0)})
	eq(t, "transforms", len(vd.Transforms), 0)
}

func TestDetectVerbSyntax(t *testing.T) {
	cases := []struct {
		in   string
		want Syntax
	}{
		{"", SyntaxTABARI},
		{text("--- A ---", "A", "- * B [1]"), SyntaxTABARI},
		{text("--- A ---", "A", "- * (B) [1]"), SyntaxPETRARCH2},
		{text("~ a (a b X) Y = a b 1"), SyntaxPETRARCH2},
		{text("- * X [1] # (comment)"), SyntaxTABARI},
		// One stray brace among more than twenty patterns stays TABARI.
		{strings.Repeat("- * X [1]\n", 20) + "- * } [1]\n", SyntaxTABARI},
	}
	for _, tc := range cases {
		if got := DetectVerbSyntax(tc.in); got != tc.want {
			t.Errorf("DetectVerbSyntax(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	for name, want := range map[string]Syntax{DefaultVerbsTABARI: SyntaxTABARI, DefaultVerbsPETRARCH2: SyntaxPETRARCH2} {
		b, err := readEmbedded(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := DetectVerbSyntax(b); got != want {
			t.Errorf("%s detected as %v, want %v", name, got, want)
		}
	}
	if _, errs := ReadVerbs(strings.NewReader(""), "x", Options{Syntax: 9}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "unknown verb syntax") {
		t.Errorf("syntax 9: %v", errs)
	}
}
