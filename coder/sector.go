package coder

import "strings"

// This file narrows generic cooperation, aid and appeal codes to CAMEO's
// sector-specific ones: "expand military cooperation" is 062, not 050.

// sector is a CAMEO sector of cooperation or aid.
type sector uint8

// Sectors, in the order of the columns of sectorCodes.
const (
	noSector sector = iota
	sectorEconomic
	sectorMilitary
	sectorJudicial
	sectorIntelligence
	sectorHumanitarian
	nSectors
)

// sectorCodes maps a generic code to its sector-specific codes, indexed by
// sector ("" where CAMEO has none). The generic codes are the residuals of
// their families: intent to cooperate (030, and 031 material, 032
// diplomatic: a named sector makes the cooperation material), cooperation
// (050 diplomatic, 060 material), intent to give aid (033), aid (070),
// appeals for cooperation (021, 022) and aid (023), demands for
// cooperation (101), refusals (121) and cuts in aid (162).
var sectorCodes = map[string][nSectors]string{
	"030": {sectorEconomic: "0311", sectorMilitary: "0312", sectorJudicial: "0313", sectorIntelligence: "0314"},
	"031": {sectorEconomic: "0311", sectorMilitary: "0312", sectorJudicial: "0313", sectorIntelligence: "0314"},
	"032": {sectorEconomic: "0311", sectorMilitary: "0312", sectorJudicial: "0313", sectorIntelligence: "0314"},
	"033": {sectorEconomic: "0331", sectorMilitary: "0332", sectorHumanitarian: "0333"},
	"050": {sectorEconomic: "061", sectorMilitary: "062", sectorJudicial: "063", sectorIntelligence: "064"},
	"060": {sectorEconomic: "061", sectorMilitary: "062", sectorJudicial: "063", sectorIntelligence: "064"},
	"070": {sectorEconomic: "071", sectorMilitary: "072", sectorHumanitarian: "073"},
	"021": {sectorEconomic: "0211", sectorMilitary: "0212", sectorJudicial: "0213", sectorIntelligence: "0214"},
	"022": {sectorEconomic: "0211", sectorMilitary: "0212", sectorJudicial: "0213", sectorIntelligence: "0214"},
	"023": {sectorEconomic: "0231", sectorMilitary: "0232", sectorHumanitarian: "0233"},
	"101": {sectorEconomic: "1011", sectorMilitary: "1012", sectorJudicial: "1013", sectorIntelligence: "1014"},
	"121": {sectorEconomic: "1211", sectorMilitary: "1212", sectorJudicial: "1213"},
	"162": {sectorEconomic: "1621", sectorMilitary: "1622", sectorHumanitarian: "1623"},
}

// sectorWords are the words that name a sector in a verb's object
// ("military cooperation", "economic ties", "security cooperation",
// "humanitarian aid").
var sectorWords = map[string]sector{
	"ECONOMIC": sectorEconomic, "ECONOMY": sectorEconomic, "ECONOMIES": sectorEconomic, "TRADE": sectorEconomic,
	"COMMERCIAL": sectorEconomic, "COMMERCE": sectorEconomic, "INVESTMENT": sectorEconomic, "INVESTMENTS": sectorEconomic,
	"FINANCIAL": sectorEconomic, "MONETARY": sectorEconomic, "FISCAL": sectorEconomic, "ENERGY": sectorEconomic,
	"MILITARY": sectorMilitary, "DEFENSE": sectorMilitary, "DEFENCE": sectorMilitary, "SECURITY": sectorMilitary,
	"ARMY": sectorMilitary, "ARMIES": sectorMilitary, "NAVAL": sectorMilitary, "NAVY": sectorMilitary, "ARMS": sectorMilitary,
	"COUNTERTERRORISM": sectorMilitary, "COUNTER-TERRORISM": sectorMilitary, "ANTI-TERRORISM": sectorMilitary,
	"JUDICIAL": sectorJudicial, "LEGAL": sectorJudicial, "EXTRADITION": sectorJudicial, "EXTRADITIONS": sectorJudicial,
	"INTELLIGENCE": sectorIntelligence,
	"HUMANITARIAN": sectorHumanitarian, "RELIEF": sectorHumanitarian, "MEDICAL": sectorHumanitarian,
}

// civilSecurity are the words that make "security" civil rather than
// military ("food security", "energy security").
var civilSecurity = map[string]bool{"FOOD": true, "ENERGY": true, "HEALTH": true, "CYBER": true, "WATER": true,
	"SOCIAL": true, "JOB": true, "DATA": true, "PUBLIC": true}

// objectRels are the relations by which a verb governs its object's noun
// phrases and those govern their modifiers: the words reached only through
// them are "the verb's object" (not a clause, not a relative clause).
func objectRel(rel string) bool {
	base, _, _ := strings.Cut(rel, ":")
	switch base {
	case "obj", "iobj", "obl", "nmod", "amod", "compound", "conj", "appos", "flat":
		return true
	}
	return false
}

// objectSector returns the sector the verb's object names: the one sector
// whose words occur in the noun phrases the verb governs (through
// objectRel, at most four steps down), outside the source and target
// actors' own words. It returns noSector when none is named or when two
// are ("economic and military cooperation").
func (s *sentence) objectSector(vc *verbCoding) sector {
	actor := map[int]bool{}
	for _, ch := range []*chunk{vc.srcChunk, vc.tgtChunk} {
		if ch != nil {
			for _, t := range ch.toks {
				actor[t] = true
			}
		}
	}
	found := noSector
	mixed := false
	var walk func(t, depth int)
	walk = func(t, depth int) {
		for _, k := range s.kids[t] {
			if s.gone[k] || !objectRel(s.toks[k].Rel) || isVerbTag(s.toks[k].Tag) || (k >= vc.v.start && k < vc.v.end) {
				continue // not a noun phrase the verb governs (a coordinated verb, a particle)
			}
			if sec, ok := sectorWords[s.words[k]]; ok && !actor[k] {
				if s.words[k] == "SECURITY" && k > 0 && civilSecurity[s.words[k-1]] {
					sec = noSector
				}
				switch {
				case sec == noSector || sec == found:
				case found == noSector:
					found = sec
				default:
					mixed = true
				}
			}
			if depth < 4 {
				walk(k, depth+1)
			}
		}
	}
	walk(vc.v.tok, 1)
	if mixed {
		return noSector
	}
	return found
}

// actorSector returns the sector both actors belong to: military when both
// codes have the MIL role, judicial for JUD, intelligence for SPY.
func actorSector(a, t actorVal) sector {
	if a.null || t.null || len(a.code) <= 3 || len(t.code) <= 3 {
		return noSector
	}
	for _, r := range []struct {
		role string
		sec  sector
	}{{"MIL", sectorMilitary}, {"JUD", sectorJudicial}, {"SPY", sectorIntelligence}} {
		if hasChunk(a.code[3:], r.role) && hasChunk(t.code[3:], r.role) {
			return r.sec
		}
	}
	return noSector
}

// sectorCode narrows a generic cooperation, aid or appeal code to the
// sector its object names, or else to the sector both actors are of
// (sectorCodes); any other code, or a sector the family has no code for,
// is returned unchanged.
func sectorCode(code string, object sector, a, t actorVal) string {
	codes, ok := sectorCodes[code]
	if !ok {
		return code
	}
	sec := object
	if sec == noSector {
		sec = actorSector(a, t)
	}
	if c := codes[sec]; c != "" {
		return c
	}
	return code
}
