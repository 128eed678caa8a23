package annalist

// Actor is one side of an event: a CAMEO actor code and the text it was read from.
type Actor struct {
	// Code is the CAMEO actor code ("CHNMIL", "AFGGOV"). "---" marks an actor
	// that was found but has no code (for example "officials" with no country);
	// a quoted upper-case phrase is a new actor taken from a noun phrase when
	// new_actor_length allows it.
	Code string `json:"code"`
	// Text is the noun phrase the actor was found in.
	Text string `json:"text"`
	// Span locates Text in the sentence text.
	Span Span `json:"span"`
	// Root is the primary phrase of the dictionary entry that matched, if any.
	Root string `json:"root,omitempty"`
	// Entry says which dictionary entry produced the country or named-actor part of the code.
	Entry *Provenance `json:"entry,omitempty"`
	// Agents lists the agent entries that contributed codes.
	Agents []Provenance `json:"agents,omitempty"`
	// Resolution says how a mention that is not itself a name (a pronoun, a
	// surname, a role noun) was linked to an actor, and to which text.
	Resolution *Resolution `json:"resolution,omitempty"`
}

// Resolution records how a referring mention was linked to its antecedent.
type Resolution struct {
	// Method is one of "pronoun", "surname", "role", "country", "capital", "demonym", "description".
	Method string `json:"method"`
	// Antecedent is the text the mention was resolved to.
	Antecedent string `json:"antecedent"`
	// SentenceIndex is the sentence of the antecedent.
	SentenceIndex int `json:"sentence_index"`
	// Reason is a short human explanation.
	Reason string `json:"reason,omitempty"`
}

// Provenance names the dictionary entry or pattern that fired.
type Provenance struct {
	// Dict is the dictionary file (base name) or "builtin".
	Dict string `json:"dict"`
	// Line is the 1-based line of the entry in that file.
	Line int `json:"line,omitempty"`
	// Entry is the text of the entry or pattern as written in the dictionary.
	Entry string `json:"entry"`
	// Span locates the words the entry matched in the sentence text.
	Span Span `json:"span"`
}

// EventType describes a CAMEO event code as the codebook defines it.
type EventType struct {
	Code      string  `json:"code"`
	Root      string  `json:"root"`
	Name      string  `json:"name"`
	Goldstein float64 `json:"goldstein"`
	QuadClass int     `json:"quad_class"`
	PLOVER    string  `json:"plover,omitempty"`
	Mode      string  `json:"plover_mode,omitempty"`
	Context   string  `json:"plover_context,omitempty"`
}

// Evidence says why an event was coded: the verb, the pattern or entry that
// fired, and where in the sentence each piece was found.
type Evidence struct {
	// Verb is the verb (with particles, for multi-word verbs) as written.
	Verb string `json:"verb"`
	// VerbSpan locates Verb in the sentence text.
	VerbSpan Span `json:"verb_span"`
	// Pattern is the verb-dictionary pattern or verb entry that gave the code.
	Pattern Provenance `json:"pattern"`
	// Passive is true when the sentence was read as passive voice and source and target were swapped.
	Passive bool `json:"passive,omitempty"`
	// Transform is the transformation rule that rewrote the event, if any.
	Transform *Provenance `json:"transform,omitempty"`
}

// Event is one coded interaction: who did what to whom, when and where, with the evidence.
type Event struct {
	DocID         string `json:"doc_id"`
	SentenceIndex int    `json:"sentence_index"`
	SentenceText  string `json:"sentence_text"`
	// Date is the event date as YYYY-MM-DD (YYYY-MM or YYYY with coarser
	// precision); empty when neither the sentence nor the document gives one.
	Date string `json:"date"`
	// DatePrecision is "day", "week", "month" or "year"; empty with no date.
	DatePrecision string `json:"date_precision,omitempty"`
	// DateText is the expression the date was read from ("Wednesday", "a day
	// before"); empty when the publication date was used.
	DateText string    `json:"date_text,omitempty"`
	Source   Actor     `json:"source"`
	Target   Actor     `json:"target"`
	Event    EventType `json:"event"`
	// Modality is PLOVER's auxiliary mode: "future", "hypothetical",
	// "negation" or "historical"; empty for an event reported as having happened.
	Modality string `json:"modality,omitempty"`
	// Location is where the event took place, when the text says.
	Location *Place   `json:"location,omitempty"`
	Issues   []Issue  `json:"issues,omitempty"`
	Evidence Evidence `json:"evidence"`
	// Mentions lists every sentence of the document reporting this event
	// (after de-duplication); MentionCount is its length.
	Mentions     []int `json:"mentions,omitempty"`
	MentionCount int   `json:"mention_count,omitempty"`
}

// Place is a location resolved against the gazetteer.
type Place struct {
	// Name is the gazetteer name; Text the words in the document.
	Name string `json:"name"`
	Text string `json:"text"`
	// SentenceIndex and Span locate Text (Span indexes that sentence's text);
	// a place read from the dateline has SentenceIndex -1 and Span in the document.
	SentenceIndex int     `json:"sentence_index"`
	Span          Span    `json:"span"`
	Lat           float64 `json:"lat"`
	Lon           float64 `json:"lon"`
	// Country is the ISO 3166-1 alpha-3 code; Admin1 the first-level region's name.
	Country     string `json:"country"`
	CountryName string `json:"country_name,omitempty"`
	Admin1      string `json:"admin1,omitempty"`
	// Kind is "city", "capital", "region" or "country".
	Kind      string `json:"kind"`
	GeoNameID int    `json:"geonameid,omitempty"`
	// From says where the place was found: "sentence" or "dateline".
	From string `json:"from"`
}

// Quote is a direct quotation with its speaker and, when the text names
// one, the outlet it was quoted by.
type Quote struct {
	DocID         string `json:"doc_id"`
	SentenceIndex int    `json:"sentence_index"`
	// Text is the quoted words without the quotation marks; Span locates them
	// in the document text.
	Text string `json:"text"`
	Span Span   `json:"span"`
	// Speaker is the actor the quote is attributed to ("Xu said").
	Speaker *Actor `json:"speaker,omitempty"`
	// Outlet is who reported the quote ("the Chinese Defense Ministry").
	Outlet string `json:"outlet,omitempty"`
}

// Suggestion proposes an actors-dictionary entry for a person or body the
// dictionaries do not know, from how the article introduced it.
type Suggestion struct {
	// Name is the name as written ("Tariq Shah Bahrami"); Code the code derived
	// from its description ("AFGGOV").
	Name string `json:"name"`
	Code string `json:"code"`
	// Description is the phrase the code was read from ("Afghanistan's Acting Defense Minister").
	Description string `json:"description"`
	// Date is the document date (YYYY-MM-DD) the description held on.
	Date          string `json:"date,omitempty"`
	DocID         string `json:"doc_id"`
	SentenceIndex int    `json:"sentence_index"`
	Sentence      string `json:"sentence"`
}

// Issue is an issue-dictionary match counted in an event's sentence.
type Issue struct {
	Code  string `json:"code"`
	Count int    `json:"count"`
}
