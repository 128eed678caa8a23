package coder

import (
	"strings"

	"github.com/annalist/annalist/reporting"
)

// PLOVER's auxiliary modes, set in annalist.Event.Modality.
const (
	ModeFuture       = "future"
	ModeHypothetical = "hypothetical"
	ModeNegation     = "negation"
	ModeHistorical   = "historical"
)

// intentionVerbs govern a complement that has not happened yet ("plans to
// visit", "is ready to strengthen", "agreed to cooperate").
var intentionVerbs = map[string]bool{
	"PLAN": true, "PLANS": true, "PLANNED": true, "PLANNING": true, "INTEND": true, "INTENDS": true, "INTENDED": true,
	"EXPECT": true, "EXPECTS": true, "EXPECTED": true, "PREPARE": true, "PREPARES": true, "PREPARED": true, "PREPARING": true,
	"AIM": true, "AIMS": true, "AIMED": true, "SEEK": true, "SEEKS": true, "SOUGHT": true, "HOPE": true, "HOPES": true, "HOPED": true,
	"WANT": true, "WANTS": true, "WANTED": true, "PROMISE": true, "PROMISED": true, "PROMISES": true, "PLEDGE": true,
	"PLEDGED": true, "PLEDGES": true, "VOW": true, "VOWED": true, "VOWS": true, "OFFER": true, "OFFERED": true, "OFFERS": true,
	"AGREE": true, "AGREED": true, "AGREES": true, "DECIDE": true, "DECIDED": true, "WISH": true, "WISHES": true,
	"READY": true, "WILLING": true, "DUE": true, "SET": true, "SCHEDULED": true, "LIKELY": true, "GOING": true,
	"THREATEN": true, "THREATENED": true, "THREATENS": true, "EAGER": true, "DETERMINED": true, "COMMITTED": true,
}

// hypotheticalVerbs govern a complement that may not happen ("could", "might" are auxiliaries; these are verbs).
var hypotheticalVerbs = map[string]bool{"CONSIDER": true, "CONSIDERS": true, "CONSIDERED": true, "CONSIDERING": true,
	"WEIGH": true, "WEIGHS": true, "MULL": true, "MULLS": true, "MULLING": true}

// implicativeVerbs, with an object and an xcomp, report the xcomp as done:
// "forced the army to withdraw", "helped Iraq to rebuild".
var implicativeVerbs = map[string]bool{"FORCE": true, "FORCES": true, "FORCED": true, "FORCING": true,
	"COMPEL": true, "COMPELS": true, "COMPELLED": true, "COMPELLING": true, "HELP": true, "HELPS": true,
	"HELPED": true, "HELPING": true, "MAKE": true, "MAKES": true, "MADE": true, "MAKING": true,
	"CAUSE": true, "CAUSES": true, "CAUSED": true, "CAUSING": true}

// denialVerbs deny their complement.
var denialVerbs = map[string]bool{"DENY": true, "DENIES": true, "DENIED": true, "DENYING": true}

// denied reports whether the clause of verb v is what a denial verb denies,
// and so not reported as having happened: its complement ("denied that its
// troops had crossed", "denies attacking the convoy") or a that-clause of
// the noun it denies ("denied reports that its troops had crossed"). A
// clause the parser hung on the denial verb as a relative clause counts as
// its complement.
func (s *sentence) denied(v int) bool {
	t := s.toks[v]
	if t.Head < 0 {
		return false
	}
	switch t.Rel {
	case "ccomp", "xcomp", "acl:relcl":
		if denialVerbs[s.words[t.Head]] {
			return true
		}
	}
	switch t.Rel {
	case "ccomp", "acl", "acl:relcl":
	default:
		return false
	}
	n := s.toks[t.Head]
	if n.Rel != "obj" || n.Head < 0 || !denialVerbs[s.words[n.Head]] || !isNominalTag(n.Tag) {
		return false
	}
	for _, k := range s.kids[v] {
		if s.words[k] == "THAT" && k < v {
			return true
		}
	}
	return false
}

// beliefVerbs, in the passive, present their complement as a supposition
// ("is believed to have ordered", "was projected to have won").
var beliefVerbs = map[string]bool{"BELIEVED": true, "THOUGHT": true, "SUSPECTED": true, "ALLEGED": true, "REPORTED": true,
	"SAID": true, "PROJECTED": true, "ESTIMATED": true, "PREDICTED": true, "RUMORED": true, "RUMOURED": true,
	"FEARED": true, "ASSUMED": true, "PRESUMED": true, "CONSIDERED": true, "UNDERSTOOD": true, "KNOWN": false}

// hasMark reports whether verb v has a subordinating word or preposition
// of its own ("on sending", "of administrating", "that ...").
func (s *sentence) hasMark(v int) bool {
	for _, k := range s.kids[v] {
		if r := s.toks[k].Rel; (r == "mark" || r == "case") && k < v {
			return true
		}
	}
	return false
}

// modality classifies the clause of verb v: negated ("did not attack"),
// hypothetical ("if they attack", "could attack"), future ("will attack",
// "plans to attack") or historical background ("had attacked"); "" for an
// event reported as having happened.
func (s *sentence) modality(v int) string {
	mode := ""
	for _, k := range s.kids[v] {
		r := s.toks[k].Rel
		w := s.words[k]
		switch {
		case (r == "advmod" || r == "neg") && (w == "NOT" || w == "N'T" || w == "N’T" || w == "NEVER"):
			return ModeNegation
		case r == "mark" && (w == "IF" || w == "UNLESS" || w == "WHETHER"):
			mode = ModeHypothetical
		case r == "aux" && (w == "COULD" || w == "MIGHT" || w == "MAY" || w == "SHOULD"):
			if mode == "" {
				mode = ModeHypothetical
			}
		case r == "aux" && (w == "WILL" || w == "SHALL" || w == "'LL" || w == "WO"):
			if mode == "" {
				mode = ModeFuture
			}
		case r == "aux" && w == "WOULD":
			if mode == "" {
				mode = ModeFuture
				if s.hasConditional(v) {
					mode = ModeHypothetical
				}
			}
		case (r == "aux" || r == "aux:pass") && w == "HAD" && s.toks[v].Tag == "VBN":
			if mode == "" && !s.reported(v) {
				mode = ModeHistorical
			}
		}
	}
	if mode != "" {
		return mode
	}
	t := s.toks[v]
	if t.Head >= 0 {
		switch {
		case t.Rel == "acl" && (s.infinitival(v) || s.hasMark(v)):
			// A noun's complement ("a plan to increase sanctions", "the
			// agreement on sending soldiers") names an act, it does not
			// report one.
			return ModeHypothetical
		case t.Rel == "advcl" && s.infinitival(v):
			// A purpose clause ("gathered to discuss") is an aim, not an act.
			return ModeHypothetical
		case t.Rel == "xcomp" && s.isPassive(t.Head) && beliefVerbs[s.words[t.Head]]:
			// "believed to have been involved", "projected to have won":
			// a supposition, not a reported fact.
			return ModeHypothetical
		}
	}
	if s.denied(v) {
		return ModeNegation
	}
	// Governing verbs and adjectives: "plans to visit", "is ready to
	// strengthen", "considering sanctions".
	if t.Head >= 0 && (t.Rel == "xcomp" || t.Rel == "ccomp") {
		h := s.toks[t.Head]
		hw := s.words[t.Head]
		switch {
		case t.Rel == "xcomp" && s.objectBefore(t.Head, v) >= 0 && !implicativeVerbs[hw]:
			// "told Japan to resolve the row", "asked France to stop
			// selling weapons", "would enable Argentina to repay": what
			// someone is asked, told, expected or allowed to do is not
			// reported as done.
			return ModeHypothetical
		case intentionVerbs[hw] && t.Rel == "xcomp":
			if s.modality(t.Head) == ModeNegation {
				return ModeNegation // "did not agree to meet"
			}
			return ModeFuture
		case hypotheticalVerbs[hw]:
			return ModeHypothetical
		case strings.HasPrefix(h.Tag, "JJ") && intentionVerbs[hw]:
			return ModeFuture
		}
		if t.Rel == "xcomp" {
			if m := s.modality(t.Head); m == ModeNegation || m == ModeHypothetical || m == ModeFuture {
				return m // "will try to meet", "did not try to meet"
			}
		}
	}
	if t.Head >= 0 && t.Rel == "conj" {
		return s.modality(t.Head)
	}
	// A clause under "if" higher up.
	if t.Head >= 0 && (t.Rel == "advcl") {
		for _, k := range s.kids[v] {
			if s.toks[k].Rel == "mark" && (s.words[k] == "IF" || s.words[k] == "UNLESS") {
				return ModeHypothetical
			}
		}
	}
	return ""
}

// reported reports whether verb v is in the complement of a reporting verb
// ("announced it had reached a deal"): there a pluperfect is the reported
// past shifted back, not background.
func (s *sentence) reported(v int) bool {
	for depth := 0; depth < 4; depth++ {
		t := s.toks[v]
		if t.Head < 0 || (t.Rel != "ccomp" && t.Rel != "xcomp" && t.Rel != "conj") {
			return false
		}
		v = t.Head
		if reporting.Is(s.words[v], reporting.Speech|reporting.Report, reporting.AnyForm) {
			return true
		}
	}
	return false
}

// hasConditional reports an "if" clause attached to v or to its governor.
func (s *sentence) hasConditional(v int) bool {
	check := func(h int) bool {
		for _, k := range s.kids[h] {
			if s.toks[k].Rel == "advcl" {
				for _, m := range s.kids[k] {
					if s.toks[m].Rel == "mark" && (s.words[m] == "IF" || s.words[m] == "UNLESS") {
						return true
					}
				}
			}
		}
		return false
	}
	if check(v) {
		return true
	}
	if h := s.toks[v].Head; h >= 0 {
		return check(h)
	}
	return false
}

// intentCode maps a cooperative or conflictual code reported in the future
// to the CAMEO code for the intention or threat, as CAMEO and PLOVER prescribe
// ("will meet" is an intent to meet, 036; "will attack" a threat of force,
// 138). It returns false when the code has no such counterpart.
func intentCode(code string) (string, bool) {
	if len(code) < 2 {
		return "", false
	}
	if c, ok := intentByCode[code]; ok {
		return c, true
	}
	if c, ok := intentByCode[code[:min(3, len(code))]]; ok {
		return c, true
	}
	c, ok := intentByCode[code[:2]]
	return c, ok
}

var intentByCode = map[string]string{
	// cooperation: express intent (03x)
	"04": "036", "05": "032", "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
	"07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "08": "035",
	"081": "0351", "082": "0352", "083": "034", "084": "0353", "085": "0354", "086": "0355", "087": "0356",
	// conflict: threaten (13x)
	"14": "133", "15": "138", "16": "131", "163": "132", "17": "137", "172": "132", "18": "1383",
	"19": "138", "190": "1384", "193": "1384", "194": "1384", "195": "1384", "20": "1385",
}
