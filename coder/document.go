package coder

import (
	"sort"
	"strings"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/geo"
	"github.com/annalist/annalist/when"
)

// Doc codes the sentences of one article in order, carrying what earlier
// sentences established: the actors introduced (so that "Xu", "he", "the
// minister", "the country" can be resolved), the countries in focus, the last
// date mentioned, and the dateline. Create one per article with NewDoc; it is
// not safe for concurrent use.
type Doc struct {
	c        *Coder
	id       string
	pub      time.Time
	date     int
	dateline *annalist.Place

	entities  []*entity
	countries map[string]int
	anchor    when.Expr
	// story is the dateline's date, the default for events whose
	// sentence names none (zero Precision when there is no dateline date).
	story when.Expr

	suggestions []annalist.Suggestion
	suggested   map[string]bool

	quoted    []annalist.Quote
	openQuote bool
	// cur is the index of the sentence being coded, and focus the country
	// in focus before it (see clearFocus).
	cur   int
	focus string
}

// entity is an actor the article has introduced.
type entity struct {
	code string
	// names are the upper-case words of the actor's name ("XU", "QILIANG").
	names []string
	text  string
	// person is true for an individual (introduced by a personal name).
	person bool
	// agents are the agent codes of the description ("GOV", "MIL").
	agents   []string
	plural   bool
	sentence int
	// tok is the first token of the mention in its sentence: a pronoun
	// refers back only to actors named before it.
	tok int
	// subject is true when the actor was the subject of its clause, the
	// likelier antecedent of a pronoun.
	subject bool
	val     actorVal
	// group holds the members of a coordination ("Egypt, Greece and
	// Cyprus"): "they" refers to all of them.
	group []actorVal
}

// NewDoc starts coding an article. pub is the publication date (zero when
// unknown: relative dates then stay unresolved and events undated).
func (c *Coder) NewDoc(id string, pub time.Time) *Doc {
	d := &Doc{c: c, id: id, pub: pub, countries: map[string]int{}, suggested: map[string]bool{}}
	if !pub.IsZero() {
		d.date = pub.Year()*10000 + int(pub.Month())*100 + pub.Day()
	}
	return d
}

// SetDateline records the article's dateline place ("KABUL"): events with no
// place of their own take it.
func (d *Doc) SetDateline(name string) {
	if d.c.geo == nil || strings.TrimSpace(name) == "" {
		return
	}
	p, ok := d.c.geo.Lookup(name, geo.Context{PlaceLike: true})
	if !ok {
		return
	}
	pl := placeOut(p, name, -1, annalist.Span{}, "dateline")
	d.dateline = &pl
	d.countries[p.CountryISO3] += 2
}

// SetDatelineDate reads the date of the article's dateline ("KABUL, Dec 19
// (Reuters) -", given as the dateline's text): events whose sentence names
// no date take it instead of the publication date, and "a day before" in
// the next sentences counts from it. It reports whether the dateline held a
// date it could resolve to a day (it cannot without a publication year).
func (d *Doc) SetDatelineDate(text string) bool {
	for _, e := range when.Find(text, d.pub, when.Options{}) {
		if e.Precision == when.Day {
			d.story, d.anchor = e, e
			return true
		}
	}
	return false
}

// Suggestions returns the dictionary entries proposed for actors the
// dictionaries do not know, introduced in the article so far.
func (d *Doc) Suggestions() []annalist.Suggestion { return d.suggestions }

// Quotes returns the direct quotations found in the article so far.
func (d *Doc) Quotes() []annalist.Quote { return d.quoted }

// Code codes one sentence of the article; sentences must come in order.
// base is the sentence's offset in the document text.
func (d *Doc) Code(sent *annalist.Sentence, base int) Result {
	return d.c.codeSentence(sent, base, d.date, d)
}

// focusCountry returns the country code the article is most about so far.
func (d *Doc) focusCountry() string {
	best, n := "", 0
	for c, k := range d.countries {
		if k > n || (k == n && c < best) {
			best, n = c, k
		}
	}
	return best
}

// countryContext lists the article's countries, most mentioned first, for the gazetteer.
func (d *Doc) countryContext() []string {
	type kv struct {
		c string
		n int
	}
	var all []kv
	for c, n := range d.countries {
		all = append(all, kv{c, n})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || (all[i].n == all[j].n && all[i].c < all[j].c) })
	var out []string
	for i, x := range all {
		if i == 4 {
			break
		}
		out = append(out, x.c)
	}
	return out
}

// register remembers the actors of a coded sentence's chunks for later
// reference, and proposes dictionary entries for named people the
// dictionaries do not know.
func (d *Doc) register(s *sentence, sentIndex int) {
	d.cur = sentIndex
	d.focus = d.clearFocus()
	for _, ch := range s.chunks {
		if ch.pronoun || s.gone[ch.head] {
			continue
		}
		vs := d.c.resolve(s, ch, d.date, 1)
		if len(vs) == 0 || vs[0].null || vs[0].resolution != nil {
			continue
		}
		v := vs[0]
		if cc := countryOf(v.code); cc != "" {
			d.countries[cc]++
		}
		names, unknown := d.nameWords(s, ch, v)
		e := &entity{code: v.code, names: names, text: s.textOf(ch.toks),
			plural:   s.toks[ch.head].Tag == "NNPS" || s.toks[ch.head].Tag == "NNS" || len(vs) > 1,
			sentence: sentIndex, tok: ch.start, val: v, subject: strings.HasPrefix(s.toks[ch.head].Rel, "nsubj")}
		switch {
		case len(unknown) > 0:
			// a name the dictionaries do not know, described by country and role
			e.person = true
		case len(names) > 0 && v.actor != nil && v.actor.ref.actor != nil:
			// a dictionary entry with dated codes is a person holding offices
			for _, dc := range v.actor.ref.actor.Codes {
				if dc.Kind != dict.DateAny {
					e.person = true
				}
			}
		}
		for _, ag := range v.agents {
			e.agents = append(e.agents, strings.ToUpper(ag.ref.agent.Code))
		}
		d.entities = append(d.entities, e)
		if len(unknown) > 0 && (len(v.agents) > 0 || v.actor != nil) {
			d.suggest(s, ch, v, unknown, sentIndex)
		}
	}
	d.registerGroups(s, sentIndex)
}

// registerGroups remembers each coordination of two or more coded actors as
// one plural entity, the antecedent of a later "they".
func (d *Doc) registerGroups(s *sentence, sentIndex int) {
	for _, ch := range s.chunks {
		if ch.pronoun && !s.gone[ch.head] && strings.HasPrefix(s.toks[ch.head].Rel, "nsubj") {
			// "They ... They": a plural pronoun subject carries its group on
			if vs, ok := d.pronoun(s, ch, s.words[ch.head]); ok && len(vs) > 1 {
				d.entities = append(d.entities, &entity{code: vs[0].code, text: s.textOf(ch.toks), plural: true,
					sentence: sentIndex, tok: ch.start, val: vs[0], group: vs, subject: true})
			}
			continue
		}
		if ch.pronoun || s.gone[ch.head] || s.firstConjunct(ch) != ch {
			continue
		}
		members := s.conjuncts(ch)
		if len(members) < 2 {
			continue
		}
		var group []actorVal
		seen := map[string]bool{}
		for _, v := range d.c.resolveGroup(s, ch, d.date, 1) {
			if v.null || v.resolution != nil || seen[v.code] {
				continue
			}
			seen[v.code] = true
			group = append(group, v)
		}
		if len(group) < 2 {
			continue
		}
		start := ch.start
		for _, m := range members {
			start = min(start, m.start)
		}
		d.entities = append(d.entities, &entity{code: group[0].code, text: s.textOf(ch.toks), plural: true,
			sentence: sentIndex, tok: start, val: group[0], group: group,
			subject: strings.HasPrefix(s.toks[ch.head].Rel, "nsubj")})
	}
}

// nameWords returns the proper-name words of a chunk ("TARIQ SHAH
// BAHRAMI" in "Afghanistan's Acting Defense Minister Tariq Shah Bahrami"):
// the trailing run of proper nouns that no agent entry and no possessor
// explains, and those of them no actor entry explains either.
func (d *Doc) nameWords(s *sentence, ch *chunk, v actorVal) (names, unknown []string) {
	agentTok := map[int]bool{}
	for _, ag := range v.agents {
		for _, t := range ag.toks {
			agentTok[t] = true
		}
	}
	actorTok := map[int]bool{}
	if v.actor != nil {
		for _, t := range v.actor.toks {
			actorTok[t] = true
		}
	}
	var run []int
	for i := len(ch.toks) - 1; i >= 0; i-- {
		t := ch.toks[i]
		tg := s.toks[t].Tag
		if agentTok[t] || (tg != "NNP" && tg != "NNPS") || titleWords[s.words[t]] {
			if len(run) > 0 {
				break
			}
			continue
		}
		if s.toks[t].Rel == "nmod:poss" || (t+1 < len(s.toks) && s.toks[t+1].Tag == "POS") {
			break // a possessor ("China's") is not the name
		}
		run = append([]int{t}, run...)
	}
	for _, t := range run {
		names = append(names, s.words[t])
		if !actorTok[t] {
			if txt := s.toks[t].Text; len(txt) > 1 && strings.ToUpper(txt) == txt {
				return names, nil // an acronym ("EU", "NATO") is not a person's name
			}
			unknown = append(unknown, s.words[t])
		}
	}
	if len(unknown) > 0 && len(unknown) < len(names) {
		unknown = nil // part of the name is a known actor: not a new person
	}
	return names, unknown
}

// titleWords are honorifics and ranks that precede names but are not names.
var titleWords = map[string]bool{"MR": true, "MR.": true, "MRS": true, "MRS.": true, "MS": true, "MS.": true,
	"DR": true, "DR.": true, "GEN": true, "GEN.": true, "GENERAL": true, "LT": true, "LT.": true, "COL": true,
	"COL.": true, "CAPT": true, "CAPT.": true, "SEN": true, "SEN.": true, "REP": true, "REP.": true, "GOV": true,
	"GOV.": true, "PRESIDENT": true, "MINISTER": true, "PRIME": true, "KING": true, "QUEEN": true, "PRINCE": true,
	"SHEIKH": true, "ACTING": true, "DEPUTY": true, "VICE": true, "CHAIRMAN": true, "SECRETARY": true, "AMBASSADOR": true,
	"ADM": true, "ADM.": true, "MAJ": true, "MAJ.": true, "SGT": true, "SGT.": true, "PROF": true, "PROF.": true}

// orgWords mark names of bodies rather than people.
var orgWords = map[string]bool{"GROUP": true, "COMMISSION": true, "COUNCIL": true, "MINISTRY": true, "PARTY": true,
	"UNION": true, "COMMITTEE": true, "ORGANIZATION": true, "ORGANISATION": true, "AGENCY": true, "COURT": true,
	"ASSOCIATION": true, "FRONT": true, "ARMY": true, "FORCES": true, "BANK": true, "COMPANY": true, "UNIVERSITY": true,
	"INSTITUTE": true, "DEPARTMENT": true, "OFFICE": true, "ASSEMBLY": true, "PARLIAMENT": true, "CONGRESS": true,
	"SENATE": true, "HOUSE": true, "NEWS": true, "TIMES": true, "POST": true, "CENTRE": true, "CENTER": true}

// personName reports whether words look like a person's name: two or more
// capitalised words, none of them a date word, an organisation word or an acronym.
func personName(s *sentence, names []string) bool {
	if len(names) < 2 {
		return false
	}
	for _, w := range names {
		if temporalWords[w] || orgWords[w] || titleWords[w] {
			return false
		}
	}
	return true
}

func (d *Doc) suggest(s *sentence, ch *chunk, v actorVal, names []string, sentIndex int) {
	key := strings.Join(names, " ") + "\x00" + v.code
	if d.suggested[key] || strings.HasPrefix(v.code, "---") || !personName(s, names) {
		return
	}
	d.suggested[key] = true
	var nameToks, descToks []int
	nameSet := map[string]bool{}
	for _, n := range names {
		nameSet[n] = true
	}
	for _, t := range s.extended(ch, 2) {
		if nameSet[s.words[t]] && (s.toks[t].Tag == "NNP" || s.toks[t].Tag == "NNPS") {
			nameToks = append(nameToks, t)
		} else {
			descToks = append(descToks, t)
		}
	}
	sortInts(descToks)
	sg := annalist.Suggestion{
		Name:          s.rawText(nameToks),
		Code:          v.code,
		Description:   s.rawText(descToks),
		DocID:         d.id,
		SentenceIndex: sentIndex,
		Sentence:      s.text,
	}
	if !d.pub.IsZero() {
		sg.Date = d.pub.Format("2006-01-02")
	}
	d.suggestions = append(d.suggestions, sg)
}

// resolveMention links a chunk that names no actor to one the article
// introduced: a pronoun, a surname, a role noun ("the minister"), or "the
// country". It returns false when nothing fits.
func (d *Doc) resolveMention(s *sentence, ch *chunk) ([]actorVal, bool) {
	if ch.pronoun {
		return d.pronoun(s, ch, s.words[ch.head])
	}
	v, ok := d.resolveNoun(s, ch)
	if !ok {
		return nil, false
	}
	return []actorVal{v}, true
}

// resolveNoun links a noun chunk to an entity: a surname, a role noun or
// "the country".
func (d *Doc) resolveNoun(s *sentence, ch *chunk) (actorVal, bool) {
	head := s.words[ch.head]
	tag := s.toks[ch.head].Tag
	if tag == "NNP" || tag == "NNPS" {
		if v, ok := d.byName(s, ch); ok {
			return v, true
		}
	}
	if countryNouns[head] && s.hasDefinite(ch) {
		if c := d.focusCountry(); c != "" {
			return d.resolved(ch, c, "country", c, "\""+strings.ToLower(s.textOf(ch.toks))+"\" is the country the article is about"), true
		}
	}
	if len(ch.own.agents) > 0 && ch.own.actor == nil && (s.hasDefinite(ch) || s.bare(ch)) {
		// "the minister", "the police", and bare "Police" or "Troops": the
		// actor last named in that role, else the role in the country the
		// article is about.
		if v, ok := d.byRole(s, ch); ok {
			return v, true
		}
		return d.inFocus(s, ch)
	}
	return actorVal{}, false
}

// foreignWords mark a role noun that is not the focus country's ("foreign
// ministers", "international observers").
var foreignWords = map[string]bool{"FOREIGN": true, "INTERNATIONAL": true, "WESTERN": true, "OVERSEAS": true,
	"EXTERNAL": true, "GLOBAL": true, "OTHER": true, "ALLIED": true, "COALITION": true, "MULTINATIONAL": true}

// inFocus codes an agent-only chunk as its role in the article's country in
// focus, when one country leads the mentions of the sentences before and
// the chunk does not say it is foreign.
func (d *Doc) inFocus(s *sentence, ch *chunk) (actorVal, bool) {
	for _, t := range ch.toks {
		if foreignWords[s.words[t]] {
			return actorVal{}, false
		}
	}
	c := d.focus
	if c == "" {
		return actorVal{}, false
	}
	code := addAgents(c, ch.own.agents)
	v := d.resolved(ch, code, "focus", c, "\""+s.textOf(ch.toks)+"\" is taken to be in the country the article is about")
	v.agents = ch.own.agents
	return v, true
}

// clearFocus returns the country in focus when it has more mentions than
// any other, or "".
func (d *Doc) clearFocus() string {
	best, n, second := "", 0, 0
	for c, k := range d.countries {
		switch {
		case k > n:
			best, n, second = c, k, n
		case k > second:
			second = k
		}
	}
	if n <= second {
		return ""
	}
	return best
}

// bare reports a chunk with no determiner or possessor at all ("Police",
// "Troops", "Riot police"): news writes generic-looking role nouns so for
// the actors of the story.
func (s *sentence) bare(ch *chunk) bool {
	role := map[int]bool{}
	for _, ag := range ch.own.agents {
		for _, t := range ag.toks {
			role[t] = true
		}
	}
	for _, t := range ch.toks {
		if isProper(s.toks[t].Tag) && !role[t] {
			return false // a name: somebody new ("President Jair Bolsonaro")
		}
		switch s.toks[t].Rel {
		case "det", "nmod:poss", "det:poss", "nummod":
			return false
		}
		if s.toks[t].Tag == "PRP$" || s.toks[t].Tag == "DT" || s.toks[t].Tag == "CD" {
			return false
		}
	}
	return true
}

// countryNouns are nouns that refer back to a country in focus.
var countryNouns = map[string]bool{"COUNTRY": true, "NATION": true, "STATE": false, "REPUBLIC": true, "KINGDOM": true}

func (d *Doc) resolved(ch *chunk, code, method, antecedent, reason string) actorVal {
	return actorVal{code: code, chunk: ch, resolution: &annalist.Resolution{Method: method, Antecedent: antecedent, Reason: reason}}
}

// pronoun resolves he/she/it/they and their possessives to the most recent
// compatible entity.
func (d *Doc) pronoun(s *sentence, ch *chunk, w string) ([]actorVal, bool) {
	var want func(e *entity) bool
	switch w {
	case "HE", "HIM", "HIS", "SHE", "HER", "HERS", "HIMSELF", "HERSELF":
		want = func(e *entity) bool { return e.person }
	case "IT", "ITS", "ITSELF":
		want = func(e *entity) bool { return !e.person && !e.plural }
	case "THEY", "THEM", "THEIR", "THEMSELVES":
		want = func(e *entity) bool { return !e.person }
		// a plural actor of this or the two sentences before, the subject
		// first: "Egypt, Greece and Cyprus met ... They called on Turkey"
		var plural *entity
		for i := len(d.entities) - 1; i >= 0 && i >= len(d.entities)-20; i-- {
			e := d.entities[i]
			if e.sentence < d.cur-2 {
				break
			}
			if !e.plural || e.person || d.later(e, ch) {
				continue
			}
			if plural == nil || (e.subject && !plural.subject && e.sentence == plural.sentence) {
				plural = e
			}
		}
		if plural != nil {
			return d.linkAll(ch, plural, "pronoun", "\""+strings.ToLower(w)+"\" refers to the nearest plural actor"), true
		}
	default:
		return nil, false
	}
	// The subject of the latest sentence that has a compatible actor is the
	// likeliest antecedent; failing that, the nearest compatible actor.
	var nearest *entity
	for i := len(d.entities) - 1; i >= 0 && i >= len(d.entities)-12; i-- {
		e := d.entities[i]
		if !want(e) || d.later(e, ch) {
			continue
		}
		if nearest == nil {
			nearest = e
		}
		if e.sentence < nearest.sentence {
			break
		}
		if e.subject {
			return d.linkAll(ch, e, "pronoun", "\""+strings.ToLower(w)+"\" refers to the subject of the nearest sentence naming a "+kindOf(e)), true
		}
	}
	if nearest != nil {
		return d.linkAll(ch, nearest, "pronoun", "\""+strings.ToLower(w)+"\" refers to the nearest preceding "+kindOf(nearest)), true
	}
	return nil, false
}

// linkAll links a mention to an entity, or to every member of a group.
func (d *Doc) linkAll(ch *chunk, e *entity, method, reason string) []actorVal {
	if len(e.group) == 0 {
		return []actorVal{d.link(ch, e, method, reason)}
	}
	out := make([]actorVal, 0, len(e.group))
	for _, m := range e.group {
		member := *e
		member.val, member.group = m, nil
		out = append(out, d.link(ch, &member, method, reason))
	}
	return out
}

// later reports whether entity e is mentioned at or after chunk ch in the
// sentence being coded: a mention refers back, not forward.
func (d *Doc) later(e *entity, ch *chunk) bool {
	return e.sentence == d.cur && e.tok >= ch.start
}

func kindOf(e *entity) string {
	if e.person {
		return "person"
	}
	return "actor of that number"
}

// byName links a proper name to an entity sharing a name word ("Xu" → "Xu
// Qiliang"), allowing one letter of difference in long names ("Bahram" →
// "Bahrami").
func (d *Doc) byName(s *sentence, ch *chunk) (actorVal, bool) {
	var words []string
	for _, t := range ch.toks {
		if tg := s.toks[t].Tag; (tg == "NNP" || tg == "NNPS") && !titleWords[s.words[t]] {
			words = append(words, s.words[t])
		}
	}
	if len(words) == 0 {
		return actorVal{}, false
	}
	for i := len(d.entities) - 1; i >= 0; i-- {
		e := d.entities[i]
		if len(e.names) == 0 || d.later(e, ch) {
			continue
		}
		n := 0
		for _, w := range words {
			for _, nm := range e.names {
				if w == nm || (len(w) >= 5 && len(nm) >= 5 && nearlyEqual(w, nm)) {
					n++
					break
				}
			}
		}
		// every word must belong to the name, and the last name (or, for
		// family-name-first names such as "Xu Qiliang", the first) must be among them
		if n == len(words) && (nameHasLast(words, e.names) || (e.person && len(e.names) >= 2 && words[0] == e.names[0])) {
			return d.link(ch, e, "surname", "\""+s.textOf(ch.toks)+"\" names "+e.text+" again"), true
		}
	}
	return actorVal{}, false
}

func nameHasLast(words, names []string) bool {
	last := names[len(names)-1]
	for _, w := range words {
		if w == last || (len(w) >= 5 && nearlyEqual(w, last)) {
			return true
		}
	}
	return false
}

// nearlyEqual reports whether a and b differ by at most one inserted,
// deleted or substituted letter.
func nearlyEqual(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

// byRole links a definite role noun ("the minister", "the diplomat", "the
// insurgent group") to the most recent entity with the same agent code.
func (d *Doc) byRole(s *sentence, ch *chunk) (actorVal, bool) {
	var agents []string
	for _, ag := range ch.own.agents {
		agents = append(agents, strings.ToUpper(ag.ref.agent.Code))
	}
	// The same title first: "the president" is the actor last called
	// president, even when a mayor was named since.
	head := s.words[ch.head]
	for i := len(d.entities) - 1; i >= 0 && i >= len(d.entities)-20; i-- {
		e := d.entities[i]
		if strings.HasPrefix(e.code, "---") || d.later(e, ch) || len(agents) == 0 || !hasWord(e.text, head) {
			continue
		}
		return d.link(ch, e, "role", "\""+s.textOf(ch.toks)+"\" names the actor last called so: "+e.text), true
	}
	for i := len(d.entities) - 1; i >= 0 && i >= len(d.entities)-20; i-- {
		e := d.entities[i]
		if strings.HasPrefix(e.code, "---") || d.later(e, ch) {
			continue
		}
		for _, a := range agents {
			if hasChunk(e.code, a) || containsString(e.agents, a) {
				return d.link(ch, e, "role", "\""+s.textOf(ch.toks)+"\" is the "+strings.ToLower(a)+" actor last named: "+e.text), true
			}
		}
	}
	return actorVal{}, false
}

// hasWord reports whether text has the upper-case word w, ignoring case.
func hasWord(text, w string) bool {
	for _, f := range strings.Fields(text) {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (d *Doc) link(ch *chunk, e *entity, method, reason string) actorVal {
	v := e.val
	v.chunk = ch
	v.null = false
	// The entries' token positions belong to the antecedent's sentence.
	if v.actor != nil {
		a := *v.actor
		a.toks = nil
		v.actor = &a
	}
	agents := make([]agentHit, len(v.agents))
	for i, ag := range v.agents {
		ag.toks = nil
		agents[i] = ag
	}
	v.agents = agents
	v.resolution = &annalist.Resolution{Method: method, Antecedent: e.text, SentenceIndex: e.sentence, Reason: reason}
	return v
}

// countryOf returns the country part of an actor code ("AFG" of "AFGGOV"), or
// "" for codes that do not start with a country (IGO..., NGO..., ---).
func countryOf(code string) string {
	if len(code) < 3 {
		return ""
	}
	c := code[:3]
	switch c {
	case "IGO", "NGO", "IMG", "MNC", "---", "\"":
		return ""
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	return c
}

// hasDefinite reports whether the chunk opens with "the" (or a demonstrative).
func (s *sentence) hasDefinite(ch *chunk) bool {
	for _, t := range ch.toks {
		if s.toks[t].Rel == "det" {
			switch s.words[t] {
			case "THE", "THIS", "THAT", "THESE", "THOSE":
				return true
			}
		}
	}
	return false
}

// rawText returns the text between the first and last of toks as written.
func (s *sentence) rawText(toks []int) string {
	if len(toks) == 0 {
		return ""
	}
	sp := s.span(toks)
	if !sp.Empty() && sp.End <= len(s.text) {
		return s.text[sp.Start:sp.End]
	}
	return s.textOf(toks)
}

func placeOut(p geo.Place, text string, sent int, span annalist.Span, from string) annalist.Place {
	return annalist.Place{Name: p.Name, Text: text, SentenceIndex: sent, Span: span, Lat: p.Lat, Lon: p.Lon,
		Country: p.CountryISO3, CountryName: p.CountryName, Admin1: p.Admin1Name, Kind: p.Kind.String(),
		GeoNameID: p.GeoNameID, From: from}
}

// eventDate picks the date of an event at verb v: a temporal expression in
// the verb's clause (nearest the verb), else one elsewhere in the sentence
// when the sentence has a single one, else the publication date. Future
// events read "Friday" forwards. It returns "", "", "" when nothing dates the
// event (no expression and no publication date): the date is never guessed.
func (d *Doc) eventDate(s *sentence, v int, mode string) (date, precision, text string) {
	date, precision, text, _ = d.eventWhen(s, v, mode)
	return date, precision, text
}

// backgroundAge is how long before publication an event the text dates must
// have ended to be background rather than news.
const backgroundAge = 90 * 24 * time.Hour

// eventWhen is eventDate that also reports background: an event whose date,
// given by the text, ended more than backgroundAge before publication ("in
// March" in a July article), or is only a year before the publication's
// ("last year", "in 2015").
func (d *Doc) eventWhen(s *sentence, v int, mode string) (date, precision, text string, background bool) {
	exprs := when.Find(s.text, d.pub, when.Options{Future: mode == ModeFuture, Anchor: d.anchor})
	best, bestDist := -1, 1<<30
	inClause := s.clauseTokens(v)
	for i, e := range exprs {
		if e.Precision == when.Unresolved {
			continue
		}
		t := s.tokenAt(e.Span.Start)
		if t < 0 {
			continue
		}
		dist := abs(t - v)
		if !inClause[t] {
			dist += 1000
		}
		if dist < bestDist {
			best, bestDist = i, dist
		}
	}
	if best >= 0 && (bestDist < 1000 || len(exprs) == 1) {
		e := exprs[best]
		old := !d.pub.IsZero() && (d.pub.Sub(periodEnd(e)) > backgroundAge ||
			(e.Precision == when.Year || e.Precision == when.Decade) && e.Date.Year() < d.pub.Year())
		return e.DateString(), string(e.Precision), e.Text, old
	}
	if mode == ModeHistorical {
		return "", "", "", false
	}
	if d.story.Precision == when.Day {
		return d.story.DateString(), string(d.story.Precision), d.story.Text, false
	}
	if !d.pub.IsZero() {
		return d.pub.Format("2006-01-02"), "day", "", false
	}
	return "", "", "", false
}

// periodEnd returns the last day of a resolved expression's period.
func periodEnd(e when.Expr) time.Time {
	switch e.Precision {
	case when.Week:
		return e.Date.AddDate(0, 0, 6)
	case when.Month:
		return e.Date.AddDate(0, 1, -1)
	case when.Year:
		return e.Date.AddDate(1, 0, -1)
	case when.Decade:
		return e.Date.AddDate(10, 0, -1)
	}
	return e.Date
}

// noteDates remembers the last resolved date of a sentence, the anchor for
// "a day before" and "two days later" in the next ones.
func (d *Doc) noteDates(s *sentence) {
	exprs := when.Find(s.text, d.pub, when.Options{Anchor: d.anchor})
	for i := len(exprs) - 1; i >= 0; i-- {
		if exprs[i].Precision == when.Day {
			d.anchor = exprs[i]
			return
		}
	}
}

// eventPlace picks where the event at verb v happened: a place named in a
// locative phrase ("in Oslo", "at the border near Kabul") of the verb's
// clause, else the dateline. Places that are the event's actors do not count.
func (d *Doc) eventPlace(s *sentence, v int, actors map[int]bool) *annalist.Place {
	if d.c.geo != nil {
		words := make([]string, len(s.toks))
		for i, t := range s.toks {
			words[i] = t.Text
		}
		var cands []geo.Mention
		for _, m := range d.c.geo.Match(words, geo.Context{Countries: d.countryContext()}) {
			if !actors[m.Start] && s.locative(m.End-1) {
				cands = append(cands, m)
			}
		}
		// The nearest locative place in the verb's own clause; failing
		// that, in the clauses that govern it, nearest first ("marched
		// in London, protesting ..." places the protest in London), not
		// across coordinated or parenthetical clauses.
		for c, steps := v, 0; len(cands) > 0 && c >= 0 && steps < len(s.toks); c, steps = s.toks[c].Head, steps+1 {
			if c != v && !isClauseHead(s, c) {
				continue
			}
			inClause := s.clauseTokens(c)
			var best *annalist.Place
			bestDist := 1 << 30
			for _, m := range cands {
				if !inClause[m.Start] {
					continue
				}
				if dist := abs(m.End - 1 - v); dist < bestDist {
					toks := rangeToks(m.Start, m.End)
					p := placeOut(m.Place, s.rawText(toks), -1, s.span(toks), "sentence")
					best, bestDist = &p, dist
				}
			}
			if best != nil {
				return best
			}
			if r := s.toks[c].Rel; r == "conj" || r == "parataxis" {
				break // a coordinated or parenthetical clause is an event of its own, not a circumstance of the other
			}
		}
	}
	return d.dateline
}

// isClauseHead reports a token that heads a clause: a verb, or the root.
func isClauseHead(s *sentence, t int) bool {
	return s.toks[t].Head < 0 || strings.HasPrefix(s.toks[t].Tag, "VB")
}

// locative reports whether token t heads (or is inside) a phrase introduced
// by a locative preposition.
func (s *sentence) locative(t int) bool {
	for depth := 0; depth < 4 && t >= 0; depth++ {
		for _, k := range s.kids[t] {
			if s.toks[k].Rel == "case" {
				switch s.words[k] {
				case "IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "ACROSS", "THROUGHOUT", "AROUND", "OUTSIDE_OF", "ALONG":
					return true
				}
				return false
			}
		}
		r := s.toks[t].Rel
		if r != "compound" && r != "flat" && r != "conj" && r != "appos" && r != "nmod" {
			return false
		}
		t = s.toks[t].Head
	}
	return false
}

// clauseTokens marks the tokens of verb v's clause: its subtree without
// other clauses (complements, adverbial and relative clauses, conjoined verbs).
func (s *sentence) clauseTokens(v int) map[int]bool {
	in := map[int]bool{}
	for _, t := range s.subtree(v, func(k int) bool {
		switch s.toks[k].Rel {
		case "ccomp", "advcl", "acl:relcl", "parataxis", "csubj":
			return true
		case "conj", "xcomp":
			return isVerbTag(s.toks[k].Tag)
		}
		return false
	}) {
		in[t] = true
	}
	return in
}

// tokenAt returns the token whose span covers sentence offset off, or -1.
func (s *sentence) tokenAt(off int) int {
	for i, t := range s.toks {
		sp := t.Span.Shift(-s.base)
		if off >= sp.Start && off < sp.End {
			return i
		}
	}
	return -1
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
