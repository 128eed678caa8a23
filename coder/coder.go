// Package coder turns analysed sentences into CAMEO events with the PETRARCH dictionaries.
//
// The coder works on dependency trees (from Annalist's own parser or converted
// from Penn Treebank parses by package treebank). It finds noun chunks and
// reads actors and agents from them, finds verbs in the verb dictionary,
// matches the verb's patterns TABARI-style over the words before and after
// the verb, and takes the source and target from the pattern's slots or,
// failing that, from the verb's subject and the first actor after it.
package coder

import (
	"strconv"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/cameo"
	"github.com/annalist/annalist/dict"
	"github.com/annalist/annalist/geo"
)

// Options are the coding options a PETRARCH configuration (or a validation
// file's <Config> records) can set.
type Options struct {
	// RequireDyad drops events whose source or target has no code.
	RequireDyad bool
	// NewActorLength, when positive, lets an uncoded noun phrase of at most this
	// many words stand as a new actor, coded as its quoted upper-case text.
	NewActorLength int
	// Comma-delimited clauses whose length in words lies in [min, max] are
	// removed before coding: internal clauses (Min/Max), the initial clause
	// (BMin/BMax) and the terminal clause (EMin/EMax). A max of 0 disables.
	CommaMin, CommaMax   int
	CommaBMin, CommaBMax int
	CommaEMin, CommaEMax int
}

// DefaultOptions returns PETRARCH's defaults: dyads required, no new actors,
// internal and terminal clauses of 2 to 8 words removed.
func DefaultOptions() Options {
	return Options{RequireDyad: true, CommaMin: 2, CommaMax: 8, CommaEMin: 2, CommaEMax: 8}
}

// Coder codes sentences. It is immutable and safe for concurrent use.
type Coder struct {
	ix   *index
	book *cameo.Codebook
	geo  *geo.Gazetteer
	opts Options
}

// New builds a coder from a dictionary set and a codebook (nil leaves the
// event names, Goldstein scores and PLOVER types empty).
func New(set *dict.Set, book *cameo.Codebook, opts Options) *Coder {
	return &Coder{ix: buildIndex(set), book: book, opts: opts}
}

// WithOptions returns a coder sharing c's dictionaries with other options.
func (c *Coder) WithOptions(opts Options) *Coder {
	return &Coder{ix: c.ix, book: c.book, geo: c.geo, opts: opts}
}

// WithGazetteer returns a coder sharing c's dictionaries that resolves places
// and treats capital cities as their governments when coding articles.
func (c *Coder) WithGazetteer(g *geo.Gazetteer) *Coder {
	return &Coder{ix: c.ix, book: c.book, geo: g, opts: c.opts}
}

// Options returns the coder's options.
func (c *Coder) Options() Options { return c.opts }

// unknownDate stands for "now" when a sentence has no date.
const unknownDate = 99991231

// Discard kinds reported in Result.Discard.
const (
	DiscardSentence = "sentencediscard"
	DiscardStory    = "storydiscard"
)

// Result is what coding one sentence produced.
type Result struct {
	// Events are the coded events; document fields (DocID, Date) are left for the caller.
	Events []annalist.Event
	// Discard is DiscardSentence or DiscardStory when a discard phrase matched;
	// no events are coded then.
	Discard string
	// DiscardEntry is the discard phrase that matched.
	DiscardEntry *annalist.Provenance
	// Issues counts issue-dictionary matches in the sentence.
	Issues []annalist.Issue
}

// SkipsSentence reports whether coding sent stops at a discard phrase (of
// the sentence or of the story) before anything but its words is read: its
// part-of-speech tags and parse do not matter then, and callers may leave
// them out. It looks only at the tokens' Norm (or Text) forms; it never fails.
func (c *Coder) SkipsSentence(sent *annalist.Sentence) bool {
	if len(sent.Tokens) == 0 {
		return false
	}
	var b strings.Builder
	s := &sentence{words: make([]string, len(sent.Tokens))}
	for i, t := range sent.Tokens {
		w := t.Norm
		if w == "" {
			w = t.Text
		}
		b.Reset()
		upperInto(&b, w)
		s.words[i] = b.String()
	}
	kind, _ := c.discard(s)
	return kind != ""
}

// CodeSentence codes one analysed sentence. Tokens must carry Norm or Text,
// Tag, Head and Rel; their spans index the document text, and base is the
// sentence's offset in it so that evidence spans come out sentence-relative.
// date is the sentence's date as YYYYMMDD (0 when unknown: date-restricted
// actor codes then fall back to their defaults).
func (c *Coder) CodeSentence(sent *annalist.Sentence, base int, date int) Result {
	return c.codeSentence(sent, base, date, nil)
}

func (c *Coder) codeSentence(sent *annalist.Sentence, base int, date int, doc *Doc) Result {
	var res Result
	if date == 0 {
		// No date known: actors get their current codes (the open-ended
		// restrictions), not none. Event dates are never guessed.
		date = unknownDate
	}
	if len(sent.Tokens) == 0 {
		return res
	}
	s := newSentence(sent.Tokens, sent.Text, base)
	s.doc = doc
	if kind, prov := c.discard(s); kind != "" {
		res.Discard = kind
		res.DiscardEntry = prov
		return res
	}
	res.Issues = c.issues(s)
	c.removeCommaClauses(s)
	for _, ch := range s.chunks {
		ch.own = c.codeOwn(s, ch, date)
	}
	if doc != nil {
		doc.register(s, sent.Index)
	}
	consumed := make([]bool, len(s.toks))
	seen := map[string]bool{}
	type coded struct {
		vc     *verbCoding
		events []annalist.Event
	}
	var all []coded
	for i := range s.toks {
		if consumed[i] {
			continue
		}
		v, ok := c.findVerb(s, i)
		if !ok {
			continue
		}
		vc, lower := c.codeVerb(s, v, date)
		// A coded verb owns the clauses below it: their verbs are not coded
		// on their own (as in TABARI and PETRARCH) unless a transformation
		// rewrites the pair. In an article, a speech verb does not own the
		// statement it reports: "Xu said China is ready to cooperate" codes
		// China's readiness, with its own source.
		speech := doc != nil && (vc != nil && c.isSpeech(vc) || vc == nil && c.isSpeechVerb(v))
		if !speech {
			for _, t := range lower {
				consumed[t] = true
			}
		}
		if vc == nil {
			continue
		}
		if len(c.ix.xforms) > 0 {
			c.transform(s, vc, date)
		}
		all = append(all, coded{vc, c.events(s, vc)})
	}
	for _, cd := range all {
		if doc != nil && c.isSpeech(cd.vc) && cd.vc.evidence.Transform == nil {
			// the statement itself is the event only when nothing it reports was coded
			reported := false
			inner := map[int]bool{}
			for _, t := range cd.vc.owned {
				inner[t] = true
			}
			for _, other := range all {
				if other.vc != cd.vc && inner[other.vc.v.tok] && len(other.events) > 0 {
					reported = true
				}
			}
			if reported {
				continue
			}
		}
		for _, e := range cd.events {
			if doc != nil && e.Event.Code == "010" {
				// In an article a bare statement is not an event: the
				// reporting verb only attributes what was said (PLOVER has no
				// "make statement" event, and CAMEO calls 010 a residual that
				// is not coded when the statement implies more).
				continue
			}
			k := e.Source.Code + "\x00" + e.Target.Code + "\x00" + e.Event.Code + "\x00" + e.Modality
			if seen[k] {
				continue
			}
			seen[k] = true
			e.Issues = res.Issues
			res.Events = append(res.Events, e)
		}
	}
	if doc != nil {
		doc.noteDates(s)
		doc.quoted = append(doc.quoted, doc.quotes(s, sent.Index)...)
	}
	return res
}

// speechVerbs are the dictionary verbs (by lemma) whose own event is only a
// statement, so that what they report is coded instead. Package reporting's
// speech verbs are a wider class: "warn", "urge" and "ask" code events of
// their own (threats, appeals), and "saying" clauses hung on another verb
// stay that verb's (tried: over Reuters-21578 freeing them added 25 events,
// nearly all wrong).
var speechVerbs = map[string]bool{"SAY": true, "TELL": true, "ADD": true, "STATE": true, "ANNOUNCE": true, "DECLARE": true,
	"NOTE": true, "STRESS": true, "EMPHASIZE": true, "EMPHASISE": true, "INSIST": true, "EXPLAIN": true, "REPORT": true,
	"CLAIM": true, "CONFIRM": true, "REITERATE": true, "REMARK": true, "COMMENT": true, "WRITE": true, "TWEET": true}

// isSpeech reports whether a coded verb reports speech: a statement code
// (root 01) or a speech verb.
func (c *Coder) isSpeech(vc *verbCoding) bool {
	return strings.HasPrefix(vc.code.Primary, "01") || speechVerbs[vc.v.ref.verb.Lemma]
}

// isSpeechVerb reports whether a dictionary verb reports speech whatever
// its pattern: a speech verb, or a verb whose default code is a statement.
func (c *Coder) isSpeechVerb(v verbHit) bool {
	code := v.ref.verb.Code
	if code.Primary == "" {
		code = v.ref.block.b.Code
	}
	return strings.HasPrefix(code.Primary, "01") || speechVerbs[v.ref.verb.Lemma]
}

// verbCoding is what a dictionary verb yields before events are emitted.
type verbCoding struct {
	v          verbHit
	code       dict.Code
	srcs, tgts []actorVal
	// pairs is true when a compound slot makes every member act on every other.
	pairs    bool
	passive  bool
	evidence annalist.Evidence
	// owned is the verb's lower scope: the clauses it owns.
	owned []int
	// mode is the PLOVER auxiliary mode of the verb's clause (articles only).
	mode string
	// chunks are the source and target chunks, for locating places.
	srcChunk, tgtChunk *chunk
}

// patternHasModal reports a pattern that itself spells out negation,
// futurity or condition ("NOT *", "WILL *"): its code already accounts for it.
func patternHasModal(p *pattern) bool {
	for _, w := range p.need {
		switch w {
		case "NOT", "N'T", "NEVER", "WILL", "WOULD", "COULD", "MAY", "MIGHT", "IF", "SHOULD", "NO":
			return true
		}
	}
	return false
}

// codeVerb codes one dictionary verb; it returns nil when the verb has a
// null code or lacks a source or a target, and the lower scope it owns in
// any case.
func (c *Coder) codeVerb(s *sentence, v verbHit, date int) (*verbCoding, []int) {
	upper, lower := c.scopes(s, v)
	patLower := lower
	if s.doc != nil {
		patLower = s.withoutClauses(v.tok, lower)
	}
	var b binding
	var pat *pattern
	for _, p := range v.patterns {
		if !s.hasAll(p.need, &p.needSig) {
			continue
		}
		if bb, ok := c.matchPattern(s, p, upper, patLower); ok {
			b, pat = bb, p
			break
		}
	}
	code := v.ref.verb.Code
	if code.Primary == "" {
		code = v.ref.block.b.Code
	}
	var prov annalist.Provenance
	if pat != nil {
		code = pat.p.Code
		prov = provenance(c.ix.dictPath(pat.p.Path), pat.p.Line, "- "+pat.p.Text, s.span(b.toks))
	} else {
		prov = provenance(c.ix.dictPath(v.ref.verb.Path), v.ref.verb.Line, v.ref.verb.Text, s.span(rangeToks(v.start, v.end)))
	}
	if code.IsNull() || !validCode(code) {
		return nil, nil
	}
	vc := &verbCoding{v: v, code: code, owned: lower}
	if s.doc != nil && !(pat != nil && patternHasModal(pat)) {
		vc.mode = s.modality(v.tok)
	}
	var srcChunk, tgtChunk *chunk
	var pairs []*chunk
	switch {
	case b.compound != nil && !b.compoundLower && b.target == nil:
		pairs = s.conjuncts(s.firstConjunct(b.compound))
	case b.compound != nil:
		tgtChunk = b.compound
	}
	if b.source != nil {
		srcChunk = b.source
	}
	if b.target != nil {
		tgtChunk = b.target
	}
	vc.passive = s.isPassive(v.tok)
	swapped := false
	if pairs == nil {
		if srcChunk == nil && tgtChunk == nil && pat == nil {
			if agent, subj := c.passiveActors(s, v.tok); agent != nil {
				srcChunk, tgtChunk, swapped = agent, subj, true
			} else if s.doc != nil && s.passiveSubject(v.tok) {
				// "The PKK is banned in Turkey", "three protesters were
				// arrested": the subject is the one acted on and the text
				// does not say who acted, so there is no source.
				return nil, lower
			}
		}
		if srcChunk == nil {
			srcChunk = c.subjectOf(s, v.tok, tgtChunk)
		}
		if srcChunk == nil {
			srcChunk = c.nearestBefore(s, upper, tgtChunk, date)
		}
		if tgtChunk == nil {
			scope := lower
			if s.doc != nil && (strings.HasPrefix(code.Primary, "01") || speechVerbs[v.ref.verb.Lemma]) {
				// A statement's target is whom it is addressed to ("told
				// reporters", "said to Iran"), not an actor inside what was said.
				scope = s.ownArguments(v.tok, lower)
			}
			tgtChunk = c.firstTarget(s, scope, srcChunk, date)
		}
	}
	if pairs != nil {
		vc.pairs = true
		for _, ch := range pairs {
			vc.srcs = append(vc.srcs, c.resolve(s, ch, date, 0)...)
		}
		vc.tgts = vc.srcs
	} else {
		if srcChunk == nil || tgtChunk == nil {
			return nil, lower
		}
		vc.srcs = c.resolveGroup(s, srcChunk, date, 0)
		vc.tgts = c.resolveGroup(s, tgtChunk, date, 0)
		vc.srcChunk, vc.tgtChunk = srcChunk, tgtChunk
	}
	vc.evidence = annalist.Evidence{
		Verb:     s.textOf(rangeToks(v.start, v.end)),
		VerbSpan: s.span(rangeToks(v.start, v.end)),
		Pattern:  prov,
		Passive:  swapped,
	}
	return vc, lower
}

// events turns a verb coding into events: one per source and target pair,
// without self-directed events, and without null actors when dyads are required.
func (c *Coder) events(s *sentence, vc *verbCoding) []annalist.Event {
	var out []annalist.Event
	mode := vc.mode
	var date, precision, dateText string
	var place *annalist.Place
	if s.doc != nil {
		if mode == ModeFuture {
			if ic, ok := intentCode(vc.code.Primary); ok {
				// a promised or planned act is an intention (03x) or a threat (13x)
				vc.code = dict.Code{Primary: ic}
				mode = ""
			}
		}
		var background bool
		date, precision, dateText, background = s.doc.eventWhen(s, vc.v.tok, mode)
		if background && mode == "" {
			// told to explain the story, not news: PLOVER's historical mode
			mode = ModeHistorical
		}
		actors := map[int]bool{}
		for _, ch := range []*chunk{vc.srcChunk, vc.tgtChunk} {
			if ch != nil {
				for _, t := range ch.toks {
					actors[t] = true
				}
			}
		}
		place = s.doc.eventPlace(s, vc.v.tok, actors)
	}
	object := s.objectSector(vc)
	emit := func(a, t actorVal, code string) {
		if code == "" || code == "---" || !validCode(dict.Code{Primary: code}) {
			return
		}
		code = sectorCode(code, object, a, t)
		if (a.null || t.null) && c.opts.RequireDyad {
			return
		}
		if !a.null && !t.null && a.code == t.code {
			return
		}
		if s.doc != nil {
			code = codebookCode(code, a, t)
		}
		out = append(out, annalist.Event{
			SentenceText:  s.text,
			Source:        c.actorOut(s, a),
			Target:        c.actorOut(s, t),
			Event:         c.eventType(code),
			Evidence:      vc.evidence,
			Modality:      mode,
			Date:          date,
			DatePrecision: precision,
			DateText:      dateText,
			Location:      place,
		})
	}
	for _, a := range vc.srcs {
		for _, t := range vc.tgts {
			if vc.pairs && a.chunk == t.chunk && a.code == t.code {
				continue
			}
			c.emitCode(a, t, vc.code, vc.passive, emit)
		}
	}
	return out
}

// codebookCode applies the codebook's usage notes that depend on who the
// actors are: administrative sanctions (172) imposed on another country's
// actor are sanctions (163), and expelling another country's officials (174)
// is expelling diplomats, a reduction of relations (161).
func codebookCode(code string, a, t actorVal) string {
	ca, ct := countryOf(a.code), countryOf(t.code)
	foreign := ct != "" && (ca != "" && ca != ct || strings.HasPrefix(a.code, "IGO"))
	switch {
	case code == "172" && foreign:
		return "163"
	case code == "174" && foreign && len(t.code) > 3 && hasChunk(t.code[3:], "GOV"):
		return "161"
	}
	return code
}

// emitCode emits the events for a code: for TABARI paired codes [a:b] the
// event a from source to target and b back; for PETRARCH-2 [active:passive]
// the active code (the passive one when the sentence was passive).
func (c *Coder) emitCode(a, t actorVal, code dict.Code, passive bool, emit func(a, t actorVal, code string)) {
	if c.ix.syntax == dict.SyntaxPETRARCH2 {
		if passive && code.Secondary != "" {
			emit(a, t, code.Secondary)
		} else {
			emit(a, t, code.Primary)
		}
		return
	}
	emit(a, t, code.Primary)
	if code.Secondary != "" {
		emit(t, a, code.Secondary)
	}
}

func rangeToks(a, b int) []int {
	out := make([]int, 0, b-a)
	for i := a; i < b; i++ {
		out = append(out, i)
	}
	return out
}

// validCode reports whether a dictionary code is a usable event code: digits,
// optionally followed by letters ("174K"), or the null code.
func validCode(c dict.Code) bool {
	p := c.Primary
	if p == "" || p == "---" {
		return true
	}
	if p[0] < '0' || p[0] > '9' {
		return false
	}
	return true
}

// eventType fills the codebook description of a code. Codes the codebook
// does not know are kept as written, with the name of the nearest parent.
func (c *Coder) eventType(code string) annalist.EventType {
	et := annalist.EventType{Code: code}
	if len(code) >= 2 {
		et.Root = code[:2]
	}
	if c.book == nil {
		return et
	}
	if t, ok := c.book.Lookup(code); ok {
		return t
	}
	if n, ok := c.book.Normalize(code); ok {
		if t, ok := c.book.Lookup(n); ok {
			t.Code = code
			return t
		}
	}
	return et
}

// passiveActors returns, for a passive verb with a "by" agent, the agent's
// chunk (the source) and the passive subject's chunk (the target).
func (c *Coder) passiveActors(s *sentence, v int) (agent, subj *chunk) {
	pass := false
	for _, k := range s.kids[v] {
		r := s.toks[k].Rel
		if r == "aux:pass" || r == "nsubj:pass" {
			pass = true
		}
	}
	if !pass {
		return nil, nil
	}
	cands := append([]int(nil), s.kids[v]...)
	for _, k := range s.kids[v] {
		if s.toks[k].Rel == "advmod" { // "opposed earlier by Osgiliath"
			cands = append(cands, s.kids[k]...)
		}
	}
	for _, k := range cands {
		if s.gone[k] || s.chunk[k] < 0 {
			continue
		}
		r := s.toks[k].Rel
		if r == "obl:agent" || (r == "obl" && s.caseOf(k) == "BY") {
			agent = s.chunks[s.chunk[k]]
			break
		}
	}
	if agent == nil {
		return nil, nil
	}
	return agent, c.subjectOf(s, v, agent)
}

// caseOf returns the upper-case preposition of a nominal, or "".
func (s *sentence) caseOf(i int) string {
	for _, k := range s.kids[i] {
		if s.toks[k].Rel == "case" && k < i {
			return s.words[k]
		}
	}
	return ""
}

var subjRels = map[string]bool{"nsubj": true, "nsubj:pass": true, "nsubj:outer": true, "csubj": true, "expl": false}

// subjectOf returns the chunk of the verb's subject, climbing through
// controlling and coordinated verbs when the verb has none; exclude (a chunk
// a pattern already took) is passed over and the climb continues.
func (c *Coder) subjectOf(s *sentence, v int, exclude *chunk) *chunk {
	if v == s.tailVerb && s.tail >= 0 {
		// a closing reporting clause: its subject is the noun phrase before the verb
		if ci := s.chunk[v-1]; ci >= 0 && s.chunks[ci] != exclude {
			return s.chunks[ci]
		}
	}
	var pronoun *chunk
	pronounClimb := true
	if auxRels[s.toks[v].Rel] && !auxWords[s.words[v]] && s.toks[v].Head >= 0 {
		v = s.toks[v].Head // a content verb misparsed as an auxiliary shares its clause's subject
	}
	for depth := 0; depth < 12 && v >= 0; depth++ {
		for _, k := range s.kids[v] {
			if !subjRels[s.toks[k].Rel] || s.gone[k] {
				continue
			}
			if isRelPronoun(s.toks[k]) && (s.toks[v].Rel == "acl:relcl" || s.toks[v].Rel == "acl") && s.toks[v].Head >= 0 {
				k = s.toks[v].Head
			}
			ci := s.chunk[k]
			if ci < 0 {
				continue
			}
			ch := s.chunks[ci]
			if exclude != nil && (ch == exclude || s.firstConjunct(ch) == s.firstConjunct(exclude)) {
				continue
			}
			if ch.pronoun && pronounClimb {
				// "Ethiopia indicated it would act": a pronoun subject of a
				// complement clause is taken to be the subject above it.
				pronoun = ch
				continue
			}
			return ch
		}
		if pronoun != nil && s.toks[v].Head < 0 {
			return pronoun
		}
		r := s.toks[v].Rel
		h := s.toks[v].Head
		if h < 0 {
			return nil
		}
		switch {
		case (r == "acl" || r == "acl:relcl") && s.infinitival(v):
			// "efforts to deal with", "nearer to accord": the noun is not the
			// doer; the subject is that of the clause the noun is in
			v = s.toks[h].Head
		case r == "acl" || r == "acl:relcl":
			if ci := s.chunk[h]; ci >= 0 && (exclude == nil || s.chunks[ci] != exclude) {
				return s.chunks[ci]
			}
			return nil
		case r == "xcomp":
			// An object before the xcomp controls it: "wants Putin to
			// attack", "urged Iran to release" (UD's object control; EWT
			// has it for let, have, make, help, want, encourage, order,
			// force, ...).
			if ch := s.controller(h, v); ch != nil && ch != exclude && (exclude == nil || s.firstConjunct(ch) != s.firstConjunct(exclude)) {
				return ch
			}
			v = h
		case r == "conj":
			v = h
		case r == "advcl" && (s.infinitival(v) || s.toks[v].Tag == "VBG"):
			// a non-finite adverbial clause ("met Rohan to criticize
			// Gondor", "..., accusing Gondor") shares its governor's subject
			v = h
		case exclude != nil || pronoun != nil:
			v = h // the subject was taken by the pattern, or is a pronoun: look further up
		default:
			return pronoun
		}
	}
	return pronoun
}

// controller returns the chunk of verb h's object that comes before its
// xcomp v, when it could be the xcomp's doer: a pronoun, or a phrase that
// names an actor or agent by its own words ("urged Iran", "wants the
// government"). An object such as "pressure" in "faces pressure from
// Congress to help Iran" is not, and nil sends the search up to h's subject.
func (s *sentence) controller(h, v int) *chunk {
	k := s.objectBefore(h, v)
	if k < 0 {
		return nil
	}
	if ci := s.chunk[k]; ci >= 0 {
		if ch := s.chunks[ci]; ch.pronoun || ch.own.actor != nil || len(ch.own.agents) > 0 {
			return ch
		}
	}
	return nil
}

// objectBefore returns the object (obj or iobj) of verb h that stands
// between h and its infinitive xcomp v ("told Japan to resolve", "let them
// go"), or -1. A finite xcomp is a misparse, not object control, and has
// none.
func (s *sentence) objectBefore(h, v int) int {
	if !s.infinitival(v) && s.toks[v].Tag != "VB" {
		return -1
	}
	for _, k := range s.kids[h] {
		if k > v {
			break
		}
		if r := s.toks[k].Rel; (r == "obj" || r == "iobj") && k > h && !s.gone[k] {
			return k
		}
	}
	return -1
}

// nearestBefore returns the nearest coded, non-pronoun chunk before the verb:
// the source when the parse gives the verb no subject.
func (c *Coder) nearestBefore(s *sentence, upper []int, exclude *chunk, date int) *chunk {
	for _, t := range upper {
		ci := s.chunk[t]
		if ci < 0 {
			continue
		}
		ch := s.chunks[ci]
		if ch == exclude || ch.pronoun || s.temporal(ch) {
			continue
		}
		if vs := c.resolve(s, ch, date, 1); len(vs) > 0 && !vs[0].null {
			return s.firstConjunct(ch)
		}
	}
	return nil
}

func isRelPronoun(t annalist.Token) bool {
	switch t.Tag {
	case "WDT", "WP", "WP$":
		return true
	}
	return strings.EqualFold(t.Text, "that")
}

// firstTarget returns the first chunk of the lower scope that names an actor
// (or an agent); when none does, the first chunk at all, which yields a null
// target. Temporal noun phrases are not targets.
func (c *Coder) firstTarget(s *sentence, lower []int, src *chunk, date int) *chunk {
	var firstNull *chunk
	seen := map[int]bool{}
	for _, t := range lower {
		ci := s.chunk[t]
		if ci < 0 || seen[ci] {
			continue
		}
		seen[ci] = true
		ch := s.chunks[ci]
		if ch == src || ch.head < 0 || s.gone[ch.head] {
			continue
		}
		if s.temporal(ch) || c.locativeCity(s, ch) {
			continue
		}
		// depth 1: only dictionary actors count here; a new actor is made
		// from the fallback chunk later.
		vs := c.resolve(s, ch, date, 1)
		if len(vs) > 0 && !vs[0].null {
			return ch
		}
		if firstNull == nil && !ch.pronoun {
			firstNull = ch
		}
	}
	return firstNull
}

// locativeCity reports, in articles, a chunk that is a city named in a
// locative phrase ("met in Tehran", "rallied at Isfahan"): where the event
// happened, not whom it was aimed at, although the actor dictionaries give
// many cities their country's code. The chunk's proper nouns must make one
// city of the gazetteer; countries and regions ("fought in Syria") stay
// possible targets.
func (c *Coder) locativeCity(s *sentence, ch *chunk) bool {
	if s.doc == nil || c.geo == nil || !s.locative(ch.head) {
		return false
	}
	var words []string
	for _, t := range ch.toks {
		if strings.HasPrefix(s.toks[t].Tag, "NNP") {
			words = append(words, s.toks[t].Text)
		}
	}
	if len(words) == 0 {
		return false
	}
	m := c.geo.Match(words, geo.Context{})
	return len(m) == 1 && m[0].Start == 0 && m[0].End == len(words) && m[0].Place.Kind == geo.KindCity
}

// discard checks the discard list: a story-level phrase discards the story,
// a sentence-level one the sentence. Matching ignores case; a phrase written
// without a trailing '_' matches its last word as a stem.
func (c *Coder) discard(s *sentence) (string, *annalist.Provenance) {
	var hit *dict.Discard
	for i := range s.words {
		c.ix.discards.each(s.words, i, func(p phraseRef) bool {
			if hit == nil || (p.discard.Story && !hit.Story) {
				hit = p.discard
			}
			return !hit.Story
		})
		if hit != nil && hit.Story {
			break
		}
	}
	if hit == nil {
		return "", nil
	}
	kind := DiscardSentence
	if hit.Story {
		kind = DiscardStory
	}
	p := provenance("discards", hit.Line, hit.Text, annalist.Span{})
	return kind, &p
}

// issues counts issue phrases in the sentence; an ignore phrase cancels them all.
func (c *Coder) issues(s *sentence) []annalist.Issue {
	if c.ix.issues.n == 0 {
		return nil
	}
	ignored := false
	for i := range s.words {
		c.ix.ignores.each(s.words, i, func(phraseRef) bool { ignored = true; return false })
		if ignored {
			return nil
		}
	}
	var out []annalist.Issue
	for i := range s.words {
		c.ix.issues.each(s.words, i, func(p phraseRef) bool {
			for k := range out {
				if out[k].Code == p.code {
					out[k].Count++
					return true
				}
			}
			out = append(out, annalist.Issue{Code: p.code, Count: 1})
			return true
		})
	}
	return out
}

// removeCommaClauses removes comma-delimited clauses by length, as TABARI
// and PETRARCH do. Only commas that separate clauses count: a comma inside a
// noun phrase ("complete, full ties") does not.
func (c *Coder) removeCommaClauses(s *sentence) {
	var commas []int
	for i, t := range s.toks {
		if t.Norm != "," && t.Text != "," {
			continue
		}
		if t.Head >= 0 && (s.chunk[t.Head] >= 0 || isNominalTag(s.toks[t.Head].Tag)) {
			continue
		}
		if s.chunk[i] >= 0 {
			continue
		}
		commas = append(commas, i)
	}
	if len(commas) == 0 {
		return
	}
	n := len(s.toks)
	end := n
	for end > 0 && isFinalPunct(s.toks[end-1]) {
		end--
	}
	words := func(a, b int) int {
		k := 0
		for i := a; i < b; i++ {
			if s.toks[i].Rel != "punct" {
				k++
			}
		}
		return k
	}
	remove := func(a, b int) {
		for i := a; i < b; i++ {
			s.gone[i] = true
		}
	}
	o := c.opts
	type cut struct{ a, b int }
	var cuts []cut
	if o.CommaBMax > 0 {
		if w := words(0, commas[0]); w >= o.CommaBMin && w <= o.CommaBMax {
			cuts = append(cuts, cut{0, commas[0]})
		}
	}
	if o.CommaMax > 0 {
		for k := 0; k+1 < len(commas); k++ {
			if w := words(commas[k]+1, commas[k+1]); w >= o.CommaMin && w <= o.CommaMax {
				cuts = append(cuts, cut{commas[k], commas[k+1]})
			}
		}
	}
	if o.CommaEMax > 0 {
		last := commas[len(commas)-1]
		if w := words(last+1, end); w >= o.CommaEMin && w <= o.CommaEMax {
			cuts = append(cuts, cut{last, end})
		}
	}
	for _, ct := range cuts {
		remove(ct.a, ct.b)
	}
}

func isFinalPunct(t annalist.Token) bool {
	switch t.Norm {
	case ".", "!", "?", "\"", "''", "'":
		return true
	}
	return false
}

// ParseDate converts "YYYYMMDD" or "YYYY-MM-DD" to the integer form; it
// returns 0 for anything else.
func ParseDate(d string) int {
	d = strings.ReplaceAll(d, "-", "")
	if len(d) != 8 {
		return 0
	}
	n, err := strconv.Atoi(d)
	if err != nil {
		return 0
	}
	return n
}
