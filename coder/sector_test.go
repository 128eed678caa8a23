package coder

import (
	"strings"
	"testing"

	"github.com/annalist/annalist/dict"
)

func TestSectorCode(t *testing.T) {
	tests := []struct {
		code   string
		object sector
		a, t   string
		want   string
	}{
		{"050", sectorMilitary, "CHNGOV", "AFGGOV", "062"},      // "expand military cooperation"
		{"050", sectorEconomic, "CHNGOV", "AFGGOV", "061"},      // "deepen economic ties"
		{"060", sectorJudicial, "CHNGOV", "AFGGOV", "063"},      // "judicial cooperation"
		{"060", sectorIntelligence, "CHNGOV", "AFGGOV", "064"},  // "intelligence cooperation"
		{"050", noSector, "CHNMIL", "AFGMIL", "062"},            // both actors MIL
		{"032", noSector, "CHNMIL", "AFGMIL", "0312"},           // intent, both MIL
		{"030", noSector, "USAGOVMIL", "GBRMIL", "0312"},        // MIL anywhere in the role codes
		{"031", sectorEconomic, "CHNGOV", "PAKGOV", "0311"},     // intent to cooperate economically
		{"033", sectorHumanitarian, "GBRGOV", "BRA", "0333"},    // intent to give humanitarian aid
		{"070", sectorHumanitarian, "GBRGOV", "BRA", "073"},     // humanitarian aid
		{"070", sectorMilitary, "USAGOV", "UKRGOV", "072"},      // military aid
		{"021", sectorMilitary, "UKRGOV", "USAGOV", "0212"},     // appeal for military cooperation
		{"022", sectorIntelligence, "UKRGOV", "USAGOV", "0214"}, // appeal for intelligence
		{"023", sectorEconomic, "GRCGOV", "IGOEUREEC", "0231"},  // appeal for economic aid
		{"101", sectorJudicial, "IRNGOV", "USAGOV", "1013"},     // demand judicial cooperation
		{"121", sectorMilitary, "TURGOV", "USAGOV", "1212"},     // reject military cooperation
		{"162", sectorHumanitarian, "USAGOV", "IGOUNO", "1623"}, // cut humanitarian aid
		{"060", noSector, "USAJUD", "MEXJUD", "063"},            // both JUD
		{"064", noSector, "USASPY", "GBRSPY", "064"},            // already specific
		{"060", noSector, "USASPY", "GBRSPY", "064"},            // both SPY
		{"050", sectorEconomic, "CHNMIL", "AFGMIL", "061"},      // the object's sector wins over the actors'
		{"050", noSector, "CHNGOV", "AFGMIL", "050"},            // one MIL actor is not enough
		{"050", noSector, "CHN", "AFG", "050"},                  // no sector
		{"050", sectorHumanitarian, "CHNGOV", "AFGGOV", "050"},  // no humanitarian cooperation code
		{"121", sectorIntelligence, "CHNGOV", "AFGGOV", "121"},  // no 1214
		{"051", sectorMilitary, "CHNMIL", "AFGMIL", "051"},      // not a generic code
		{"190", sectorMilitary, "CHNMIL", "AFGMIL", "190"},      // not a cooperation code
		{"020", sectorMilitary, "CHNGOV", "AFGGOV", "020"},      // the appeal residual stays
		{"050", noSector, "MILCHN", "MIL", "050"},               // the country part is not a role
	}
	for _, tt := range tests {
		got := sectorCode(tt.code, tt.object, actorVal{code: tt.a}, actorVal{code: tt.t})
		if got != tt.want {
			t.Errorf("sectorCode(%s, %d, %s, %s) = %s, want %s", tt.code, tt.object, tt.a, tt.t, got, tt.want)
		}
	}
	if got := sectorCode("050", noSector, actorVal{code: "CHNMIL"}, actorVal{null: true, code: "---MIL"}); got != "050" {
		t.Errorf("null target: %s", got)
	}
}

const sectorVerbs = `
--- EXPAND [---] ---
EXPAND
- * COOPERATION [050]
- * TIES [050]

--- PROVIDE [070] ---
PROVIDE
`

// TestObjectSector codes sentences whose object does or does not name a
// sector, with a PETRARCH-2 dictionary giving only the generic codes.
func TestObjectSector(t *testing.T) {
	vd, errs := dict.ReadVerbs(strings.NewReader(sectorVerbs), "s.verbs", dict.Options{Syntax: dict.SyntaxPETRARCH2})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	ad, errs := dict.ReadAgents(strings.NewReader("ARMY [~MIL]\nGOVERNMENT [~GOV]\n"), "s.agents", dict.Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	set := testSet(t, "")
	set.Verbs, set.Agents = vd, ad.Agents
	c := New(set, nil, DefaultOptions())
	tests := []struct{ name, text, parse, want string }{
		{"a sector word modifying the object",
			"Arnor expanded military cooperation with Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD expanded) (NP (JJ military) (NN cooperation)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
			"ARN GON 062"},
		{"a sector word deeper in the object",
			"Arnor expanded cooperation with Gondor in the field of trade.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD expanded) (NP (NN cooperation)) (PP (IN with) (NP (NNP Gondor))) (PP (IN in) (NP (NP (DT the) (NN field)) (PP (IN of) (NP (NN trade)))))) (. .)))",
			"ARN GON 061"},
		{"two sectors: the generic code",
			"Arnor expanded economic and military cooperation with Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD expanded) (NP (ADJP (JJ economic) (CC and) (JJ military)) (NN cooperation)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
			"ARN GON 050"},
		{"civil security is no sector",
			"Arnor expanded food security cooperation with Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD expanded) (NP (NN food) (NN security) (NN cooperation)) (PP (IN with) (NP (NNP Gondor)))) (. .)))",
			"ARN GON 050"},
		{"the target's own words are not the object's sector",
			"The Arnor government expanded ties with the Gondor army.",
			"(ROOT (S (NP (DT The) (NNP Arnor) (NN government)) (VP (VBD expanded) (NP (NNS ties)) (PP (IN with) (NP (DT the) (NNP Gondor) (NN army)))) (. .)))",
			"ARNGOV GONMIL 050"},
		{"both actors military",
			"The Arnor army expanded ties with the Gondor army.",
			"(ROOT (S (NP (DT The) (NNP Arnor) (NN army)) (VP (VBD expanded) (NP (NNS ties)) (PP (IN with) (NP (DT the) (NNP Gondor) (NN army)))) (. .)))",
			"ARNMIL GONMIL 062"},
		{"humanitarian aid",
			"Arnor provided humanitarian aid to Gondor.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD provided) (NP (JJ humanitarian) (NN aid)) (PP (TO to) (NP (NNP Gondor)))) (. .)))",
			"ARN GON 073"},
		{"a sector word in a relative clause is not the object",
			"Arnor provided aid to Gondor, which has a military.",
			"(ROOT (S (NP (NNP Arnor)) (VP (VBD provided) (NP (NN aid)) (PP (TO to) (NP (NP (NNP Gondor)) (, ,) (SBAR (WHNP (WDT which)) (S (VP (VBZ has) (NP (DT a) (NN military)))))))) (. .)))",
			"ARN GON 070"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.CodeSentence(parsed(t, tt.text, tt.parse), 0, 19950101)
			if got := codes(res.Events); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
