package coder

import (
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/geo"
)

// codeOwn reads the actor and agents written in a chunk's own words: the
// leftmost actor phrase (longest match) and every agent phrase that does not
// overlap it, left to right.
//
// A phrase must begin in the chunk but may run on into its prepositional
// modifiers, so that "the Prince of Dol Amroth" matches PRINCE OF DOL AMROTH
// and "the Ministry of Silly Walks" matches !MINIST!_OF_SILLY_WALKS.
func (c *Coder) codeOwn(s *sentence, ch *chunk, date int) coding {
	ext := s.extended(ch, 3)
	words, at, own := matchWords(s, ext, len(ch.toks))
	var out coding
	for _, t := range ch.toks {
		if w := s.words[t]; w == "FORMER" || w == "EX" || strings.HasPrefix(w, "EX-") {
			out.former = true
		}
	}
	used := make([]bool, len(words))
	for p := 0; p < own; p++ {
		m, ok := c.ix.actors.longest(words, p, len(words))
		if !ok {
			continue
		}
		code, ok := m.ref.actor.CodeAt(date)
		if !ok || code == "" || code == "+++" {
			// an entry with no code for this date still claims its words
			for _, q := range m.toks {
				used[q] = true
			}
			p = m.toks[len(m.toks)-1]
			continue
		}
		hit := &actorHit{ref: m.ref, code: code}
		for _, q := range m.toks {
			used[q] = true
			hit.toks = appendTok(hit.toks, ext[wordTok(at, q)])
		}
		if c.isCapital(s, hit) {
			hit.code += "GOV" // "Beijing said": a capital stands for its government
			hit.capital = true
		}
		out.actor = hit
		break
	}
	for p := 0; p < own; p++ {
		if used[p] {
			continue
		}
		m, ok := c.ix.agents.longest(words, p, len(words))
		if !ok {
			continue
		}
		clash := false
		for _, q := range m.toks {
			if used[q] {
				clash = true
			}
		}
		if clash {
			continue
		}
		hit := agentHit{ref: m.ref}
		for _, q := range m.toks {
			used[q] = true
			hit.toks = appendTok(hit.toks, ext[wordTok(at, q)])
		}
		out.agents = append(out.agents, hit)
		p = m.toks[len(m.toks)-1]
	}
	return out
}

// matchWords returns the words dictionary phrases are matched against for
// the tokens ext, of which the first own are the chunk's: each token's
// upper-case form, except that a group name written with its number ("G7",
// "G-20", "P5") is split into the two words the dictionaries write (G_7).
// at maps each word to its token's position in ext (nil when no token was
// split: word i is token i); the returned own counts the words of the
// chunk's tokens.
func matchWords(s *sentence, ext []int, own int) (words []string, at []int, ownWords int) {
	split := false
	for _, t := range ext {
		if _, _, ok := letterNumber(s.words[t]); ok {
			split = true
			break
		}
	}
	if !split {
		words = make([]string, len(ext))
		for i, t := range ext {
			words[i] = s.words[t]
		}
		return words, nil, own
	}
	words = make([]string, 0, len(ext)+1)
	at = make([]int, 0, len(ext)+1)
	for i, t := range ext {
		if a, b, ok := letterNumber(s.words[t]); ok {
			words = append(words, a, b)
			at = append(at, i, i)
			if i < own {
				ownWords += 2
			}
			continue
		}
		words = append(words, s.words[t])
		at = append(at, i)
		if i < own {
			ownWords++
		}
	}
	return words, at, ownWords
}

// letterNumber splits "G7", "G-20" or "P5" into letters and number: one to
// three capital letters, an optional hyphen, one to three digits.
func letterNumber(w string) (string, string, bool) {
	i := 0
	for i < len(w) && i < 3 && w[i] >= 'A' && w[i] <= 'Z' {
		i++
	}
	if i == 0 || i == len(w) {
		return "", "", false
	}
	j := i
	if w[j] == '-' {
		j++
	}
	if j == len(w) || len(w)-j > 3 {
		return "", "", false
	}
	for k := j; k < len(w); k++ {
		if w[k] < '0' || w[k] > '9' {
			return "", "", false
		}
	}
	return w[:i], w[j:], true
}

// wordTok maps a word position from matchWords to its position in ext.
func wordTok(at []int, q int) int {
	if at == nil {
		return q
	}
	return at[q]
}

// appendTok appends t unless it is already the last token.
func appendTok(toks []int, t int) []int {
	if n := len(toks); n > 0 && toks[n-1] == t {
		return toks
	}
	return append(toks, t)
}

// actorVal is one resolved actor: a code with the text and entries behind it.
type actorVal struct {
	code   string
	chunk  *chunk
	actor  *actorHit
	agents []agentHit
	// null is true for a chunk without any code ("---" in the output).
	null bool
	// fresh is true for a new actor taken from an uncoded noun phrase.
	fresh bool
	// resolution says how a pronoun, surname or role noun was linked to an
	// actor introduced earlier in the article.
	resolution *annalist.Resolution
}

// resolve returns the actors a chunk stands for: its own actor and agents,
// or, when it names no actor itself, the actor of its prepositional
// modifiers ("the ambassadors of Arnor" is Arnor's government) combined with
// its own agents. A compound code ("FRO/BIL/SAM") or a coordination inside
// the modifier yields several actors.
func (c *Coder) resolve(s *sentence, ch *chunk, date int, depth int) []actorVal {
	own := ch.own
	if own.actor != nil {
		if own.former {
			return c.composeFormer(ch, own.actor.code, own.actor)
		}
		return c.compose(ch, own.actor, own.agents, date)
	}
	if depth < 6 {
		for _, m := range c.modifierChunks(s, ch) {
			sub := c.resolveGroup(s, m, date, depth+1)
			if len(sub) == 0 || sub[0].null || sub[0].actor == nil {
				continue
			}
			var out []actorVal
			for _, v := range sub {
				if own.former {
					out = append(out, c.composeFormer(ch, v.code, v.actor)...)
					continue
				}
				out = append(out, actorVal{
					code:   addAgents(v.code, own.agents),
					chunk:  ch,
					actor:  v.actor,
					agents: append(append([]agentHit(nil), own.agents...), v.agents...),
				})
			}
			return out
		}
	}
	if depth < 3 {
		// "Zalmay Khalilzad, a US peace envoy" / "a US envoy, Zalmay Khalilzad":
		// an appositive describes the same actor.
		for _, ap := range s.appositives(ch) {
			if vs := c.resolve(s, ap, date, depth+1); len(vs) > 0 && !vs[0].null && (vs[0].actor != nil || len(vs[0].agents) > 0) {
				out := make([]actorVal, len(vs))
				for i, v := range vs {
					v.chunk = ch
					out[i] = v
				}
				if vs[0].actor != nil {
					return out
				}
			}
		}
	}
	if s.doc != nil && depth <= 1 {
		if vs, ok := s.doc.resolveMention(s, ch); ok {
			return vs
		}
		if vs, ok := c.possessivePronoun(s, ch, own.agents); ok {
			return vs
		}
	}
	if len(own.agents) > 0 {
		return c.compose(ch, nil, own.agents, date)
	}
	if depth == 0 {
		if txt, ok := c.newActor(s, ch, c.opts.NewActorLength); ok {
			return []actorVal{{code: txt, chunk: ch, fresh: true}}
		}
	}
	return []actorVal{{code: "", chunk: ch, null: true}}
}

// modifierChunks returns the chunks of the prepositional modifiers of ch, and
// for a later conjunct without its own modifiers, those of the first conjunct
// that follow the whole coordination ("lawmakers and officials in Gondor").
func (c *Coder) modifierChunks(s *sentence, ch *chunk) []*chunk {
	ms := s.nmods(ch)
	if len(ms) > 0 {
		return ms
	}
	first := s.firstConjunct(ch)
	if first == ch {
		return nil
	}
	group := s.conjuncts(first)
	last := group[len(group)-1]
	for _, m := range s.nmods(first) {
		if m.start >= last.end {
			ms = append(ms, m)
		}
	}
	return ms
}

// resolveGroup resolves a chunk and the chunks conjoined with it; uncoded
// members are dropped when another member is coded.
func (c *Coder) resolveGroup(s *sentence, ch *chunk, date int, depth int) []actorVal {
	var coded, null []actorVal
	group := s.conjuncts(ch)
	for i, m := range group {
		if i > 0 {
			if vs, ok := c.shared(s, group[0], m); ok {
				coded = append(coded, vs...)
				continue
			}
		}
		for _, v := range c.resolve(s, m, date, depth) {
			if v.null {
				null = append(null, v)
			} else {
				coded = append(coded, v)
			}
		}
	}
	if len(coded) > 0 {
		return coded
	}
	if len(null) > 0 {
		return null[:1]
	}
	return nil
}

// compose builds the actor codes from an actor hit (possibly nil) and agents.
// Agent codes are appended (or, for prefix agents, prepended) unless the code
// already contains them at a three-character boundary.
func (c *Coder) compose(ch *chunk, actor *actorHit, agents []agentHit, date int) []actorVal {
	bases := []string{"---"}
	if actor != nil {
		bases = strings.Split(actor.code, "/")
	}
	var out []actorVal
	for _, base := range bases {
		out = append(out, actorVal{code: addAgents(base, agents), chunk: ch, actor: actor, agents: agents})
	}
	return out
}

// composeFormer codes former officials: the actor's code, without the role
// agents the text gives, plus ELI ("former Gondor prosecutors" GONELI,
// "former security officials in the White House" USAGOVELI).
func (c *Coder) composeFormer(ch *chunk, code string, actor *actorHit) []actorVal {
	var out []actorVal
	for _, base := range strings.Split(code, "/") {
		if !hasChunk(base, "ELI") {
			base += "ELI"
		}
		out = append(out, actorVal{code: base, chunk: ch, actor: actor})
	}
	return out
}

// addAgents adds agent codes to an actor code: suffix agents after it,
// prefix agents before it, each unless already present at a three-character
// boundary. A code of "---" (no actor) with only prefix agents becomes the
// prefix alone.
func addAgents(code string, agents []agentHit) string {
	var pre string
	for _, ag := range agents {
		a := strings.ToUpper(ag.ref.agent.Code)
		if a == "" {
			continue
		}
		if ag.ref.agent.Prefix {
			if !hasChunk(pre+code, a) {
				pre += a
			}
			continue
		}
		if !hasChunk(pre+code, a) {
			code += a
		}
	}
	if pre != "" {
		if code == "---" {
			return pre
		}
		return pre + code
	}
	return code
}

// hasChunk reports whether code contains agent at a multiple of three
// characters ("USAGOV" has "GOV"; "GMWGOV" does not have "WGO").
func hasChunk(code, agent string) bool {
	for i := 0; i+len(agent) <= len(code); i += 3 {
		if code[i:i+len(agent)] == agent {
			return true
		}
	}
	return false
}

// newActor returns the quoted upper-case text of an uncoded chunk and its
// prepositional modifiers when it has at most n words ("THE MINISTRY OF MAGIC").
func (c *Coder) newActor(s *sentence, ch *chunk, n int) (string, bool) {
	if n <= 0 || ch.pronoun {
		return "", false
	}
	toks := append([]int(nil), ch.toks...)
	var add func(*chunk)
	add = func(x *chunk) {
		for _, m := range s.nmods(x) {
			if temporalWords[s.words[m.head]] {
				continue // "on Wednesday" is not part of a name
			}
			// the preposition(s) before the modifier
			for _, k := range s.kids[m.head] {
				if s.toks[k].Rel == "case" && k < m.start {
					toks = append(toks, k)
				}
			}
			toks = append(toks, m.toks...)
			add(m)
		}
	}
	add(ch)
	sortInts(toks)
	var ws []string
	for _, t := range toks {
		if s.toks[t].Tag == "POS" || s.toks[t].Rel == "punct" {
			continue
		}
		ws = append(ws, s.words[t])
	}
	if len(ws) == 0 || len(ws) > n {
		return "", false
	}
	return `"` + strings.Join(ws, " ") + `"`, true
}

// actorOut converts a resolved actor to the output record.
func (c *Coder) actorOut(s *sentence, v actorVal) annalist.Actor {
	a := annalist.Actor{Code: v.code}
	if v.null && v.code == "" {
		a.Code = "---"
	}
	if v.chunk != nil {
		a.Text = s.textOf(v.chunk.toks)
		a.Span = s.span(v.chunk.toks)
	}
	if v.actor != nil {
		ref := v.actor.ref
		a.Root = ref.actor.Root
		p := provenance(ref.actor.Path, ref.phrase.Line, strings.Join(ref.phrase.Words(), " "), s.span(v.actor.toks))
		a.Entry = &p
		if v.chunk != nil {
			toks := mergeToks(v.chunk.toks, v.actor.toks)
			a.Text = s.textOf(toks)
			a.Span = s.span(toks)
		}
	}
	if !a.Span.Empty() && a.Span.End <= len(s.text) {
		a.Text = s.text[a.Span.Start:a.Span.End]
	}
	for _, ag := range v.agents {
		a.Agents = append(a.Agents, provenance(ag.ref.agent.Path, ag.ref.phrase.Line, strings.Join(ag.ref.phrase.Words(), " "), s.span(ag.toks)))
	}
	if v.resolution != nil {
		r := *v.resolution
		a.Resolution = &r
		if v.chunk != nil {
			a.Text = s.rawText(v.chunk.toks)
			a.Span = s.span(v.chunk.toks)
		}
	}
	return a
}

// possessivePronoun codes "its embassy", "their troops": the possessive
// pronoun's antecedent with the chunk's own agents.
func (c *Coder) possessivePronoun(s *sentence, ch *chunk, agents []agentHit) ([]actorVal, bool) {
	for _, t := range ch.toks {
		if s.toks[t].Tag != "PRP$" || t == ch.head {
			continue
		}
		vs, ok := s.doc.pronoun(s, ch, s.words[t])
		if !ok {
			return nil, false
		}
		for i, v := range vs {
			if cc := countryOf(v.code); cc != "" && len(agents) > 0 {
				// "their government", "its embassy": the possessor gives the
				// country, the noun the role (not the possessor's own role).
				v.code = addAgents(cc, agents)
				v.agents = agents
			} else {
				v.code = addAgents(v.code, agents)
				v.agents = append(append([]agentHit(nil), v.agents...), agents...)
			}
			vs[i] = v
		}
		return vs, true
	}
	return nil, false
}

func mergeToks(a, b []int) []int {
	seen := map[int]bool{}
	var out []int
	for _, x := range append(append([]int(nil), a...), b...) {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	sortInts(out)
	return out
}

// shared gives a later conjunct the actor written in the first conjunct's
// modifiers when it has none of its own and no determiner: "Danish media and
// government" is Danish media and Danish government.
func (c *Coder) shared(s *sentence, first, m *chunk) ([]actorVal, bool) {
	fa := first.own.actor
	if fa == nil || m.own.actor != nil || fa.toks[len(fa.toks)-1] >= first.head {
		return nil, false
	}
	for _, t := range fa.toks {
		switch s.toks[t].Rel {
		case "amod", "compound", "flat":
		default:
			return nil, false // a possessor ("Eriador's death and injury toll") is not shared
		}
	}
	for _, t := range m.toks {
		if s.toks[t].Rel == "det" || s.toks[t].Rel == "nmod:poss" {
			return nil, false
		}
	}
	for _, t := range first.toks {
		if s.toks[t].Rel == "det" && t < first.head {
			// "The Danish media and government": a determined first conjunct
			// is a phrase of its own; bare "Danish media and government" shares
			return nil, false
		}
	}
	var agents []agentHit
	for _, ag := range first.own.agents {
		if ag.toks[len(ag.toks)-1] < first.head {
			agents = append(agents, ag)
		}
	}
	agents = append(agents, m.own.agents...)
	return c.compose(m, fa, agents, 0), true
}

// isCapital reports whether an actor hit is a country code read from the
// name of that country's capital city ("Beijing" for CHN), which CAMEO codes
// as the government. Only plain country codes qualify.
func (c *Coder) isCapital(s *sentence, h *actorHit) bool {
	if c.geo == nil || len(h.code) != 3 || s.doc == nil {
		return false
	}
	var ws []string
	for _, t := range h.toks {
		ws = append(ws, s.toks[t].Text)
	}
	p, ok := c.geo.Lookup(strings.Join(ws, " "), geo.Context{Countries: []string{h.code}})
	if !ok || p.Kind != geo.KindCapital {
		return false
	}
	cc, ok := c.geo.Country(p.CountryISO3)
	return ok && cc.CAMEO == h.code
}

// temporalWords head noun phrases that date things rather than name them.
var temporalWords = map[string]bool{"MONDAY": true, "TUESDAY": true, "WEDNESDAY": true, "THURSDAY": true, "FRIDAY": true,
	"SATURDAY": true, "SUNDAY": true, "JANUARY": true, "FEBRUARY": true, "MARCH": true, "APRIL": true, "MAY": true,
	"JUNE": true, "JULY": true, "AUGUST": true, "SEPTEMBER": true, "OCTOBER": true, "NOVEMBER": true, "DECEMBER": true,
	"TODAY": true, "YESTERDAY": true, "TOMORROW": true, "WEEK": true, "MONTH": true, "YEAR": true, "MORNING": true,
	"EVENING": true, "NIGHT": true, "AFTERNOON": true, "WEEKEND": true}
