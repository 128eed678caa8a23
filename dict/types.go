// Package dict reads PETRARCH and TABARI dictionaries (verbs, actors, agents, discards, issues) into immutable values safe for concurrent use.
package dict

// This file is the contract between the dictionary readers and the coder.
// Everything here is plain data: readers fill it in once, nobody mutates it
// afterwards, so a *Set may be shared by any number of goroutines.

// Syntax says which verb-dictionary syntax a file uses.
type Syntax int

// Verb dictionary syntaxes.
const (
	// SyntaxTABARI is the TABARI / PETRARCH-1 syntax of CAMEO.verbpatterns.150430.txt
	// and PETR.Validate.verbs.txt: linear patterns with $ + % ^ & _ tokens, and
	// [a:b] meaning a paired event (a from source to target, b back).
	SyntaxTABARI Syntax = iota + 1
	// SyntaxPETRARCH2 is the PETRARCH-2 syntax of CAMEO.2.0.txt: patterns over noun
	// phrases {..} and prepositional phrases (..), ~ transformations, and [a:b]
	// meaning a for active voice and b for passive.
	SyntaxPETRARCH2
)

// String returns "tabari" or "petrarch2".
func (s Syntax) String() string {
	switch s {
	case SyntaxTABARI:
		return "tabari"
	case SyntaxPETRARCH2:
		return "petrarch2"
	}
	return "unknown"
}

// Code is a verb code as written in brackets: "[064]", "[032:033]", "[---]".
// Primary is the first code; Secondary the code after ':' (empty when absent).
// The meaning of Secondary depends on the dictionary's Syntax.
// Codes are kept as written ("174K", "1010", "+++", "def", "---").
type Code struct {
	Primary   string
	Secondary string
}

// IsNull reports whether the code is the null code "---" (or empty): such a verb or pattern generates no event.
func (c Code) IsNull() bool { return c.Primary == "" || c.Primary == "---" }

// ElemKind is the kind of one element of a pattern or phrase.
type ElemKind uint8

// Element kinds.
const (
	// ElemWord is a literal word, upper case, as written (hyphens and
	// apostrophes kept: "ANTI-", "N'T", "CHILDREN'S").
	ElemWord ElemKind = iota + 1
	// ElemSynset is a reference "&NAME" to a synset; Word holds NAME without '&'.
	ElemSynset
	// ElemVerb is the verb position '*' in a pattern.
	ElemVerb
	// ElemSource is '$': the source actor is taken from here.
	ElemSource
	// ElemTarget is '+': the target actor is taken from here.
	ElemTarget
	// ElemCompound is '%': a compound actor fills source and target with its members.
	ElemCompound
	// ElemSkip is '^': an actor phrase here is skipped.
	ElemSkip
)

// Role is the syntactic role a PETRARCH-2 pattern element must play. TABARI
// patterns are purely linear and use RoleAny throughout.
type Role uint8

// Roles.
const (
	RoleAny Role = iota
	// RoleNoun: the head noun of a noun phrase ("AID" in {FINANCIAL AID}, or a bare noun).
	RoleNoun
	// RoleModifier: a non-head word of a braced noun phrase ("FINANCIAL").
	RoleModifier
	// RolePrep: the preposition opening a parenthesised phrase ("FOR" in (FOR AID)).
	RolePrep
)

// Elem is one element of a pattern, phrase or synset entry.
type Elem struct {
	Kind ElemKind
	// Word is the word for ElemWord, the synset name for ElemSynset, empty otherwise.
	Word string
	// Consecutive is true when this element is joined to the next one with '_'
	// (nothing may come between them); false for a blank (other words may intervene).
	Consecutive bool
	// Role is the PETRARCH-2 role; RoleAny in TABARI patterns.
	Role Role
	// Group numbers the PETRARCH-2 phrase ({..} or (..)) the element belongs to,
	// counting from 1 in the pattern; 0 for elements outside any group.
	Group int
	// Col is the 1-based column of the element in its line.
	Col int
}

// Phrase is a sequence of words (and, in synsets, synset references).
type Phrase struct {
	Elems []Elem
	// Exact is true when the phrase was written with a trailing '_' ("LIBYA_"):
	// its last word must end at a word boundary and no plural is generated.
	Exact bool
	// Generated is true for forms the reader derived (plurals, verb endings,
	// substitution sets) rather than read literally.
	Generated bool
	// Line is the 1-based line the phrase was read from.
	Line int
}

// Words returns the phrase's literal words (synset references as "&NAME").
func (p Phrase) Words() []string {
	out := make([]string, len(p.Elems))
	for i, e := range p.Elems {
		if e.Kind == ElemSynset {
			out[i] = "&" + e.Word
		} else {
			out[i] = e.Word
		}
	}
	return out
}

// Synset is a named synonym set "&NAME" with its phrases.
type Synset struct {
	Name string // without '&', upper case, trailing '_' removed
	// Path and Line locate the synset's label.
	Path string
	Line int
	// NoPlurals is true when the label ended with '_' (no plurals for any phrase).
	NoPlurals bool
	// Phrases are the phrases as written followed by generated plurals.
	Phrases []Phrase
}

// VerbForm is one inflected form of a (possibly multi-word) verb.
type VerbForm struct {
	// Words are the words of the form in order, upper case: ["CORDONED", "OFF"], ["WIRE", "TAPPED"].
	Words []string
	// Head indexes the verb word within Words (the word marked '+' in the dictionary).
	Head int
	// Generated is true for regular forms the reader produced (S, ED, ING).
	Generated bool
}

// Verb is one verb entry of a block: a primary or synonym verb with its forms.
type Verb struct {
	// Path and Line locate the entry: with several verb files merged, Path
	// says which file it came from.
	Path string
	Line int
	// Text is the entry as written (without comment).
	Text string
	// Lemma is the base form's words joined by ' ' ("CORDON OFF").
	Lemma string
	// Forms lists the base form first, then the irregular forms written in {..}
	// or, when there are none, the generated regular forms.
	Forms []VerbForm
	// Code is the verb's own code; zero when it has none and the block code applies.
	Code Code
}

// Pattern is one "- ..." line of a verb block.
type Pattern struct {
	// Path and Line locate the pattern (the file it came from when several
	// verb files are merged); evidence names them.
	Path string
	Line int
	// Text is the pattern as written, without the leading '-' and the comment.
	Text string
	// Elems holds the pattern's elements in order; exactly one has Kind ElemVerb.
	Elems []Elem
	Code  Code
	// Comment is the text after '#', trimmed.
	Comment string
	// Exact is true when the last element was written with a trailing '_'
	// ("* OFF_ [195]"): it must end at a word boundary.
	Exact bool
	// Groups describes the PETRARCH-2 phrases of the pattern: Groups[i] is
	// the group numbered i+1 in Elem.Group. Empty for TABARI patterns.
	Groups []Group
}

// GroupKind says whether a PETRARCH-2 group is a noun phrase {..} or a prepositional phrase (..).
type GroupKind uint8

// Group kinds.
const (
	// GroupNoun is a braced noun phrase "{FINANCIAL AID}": its last element is the head.
	GroupNoun GroupKind = iota + 1
	// GroupPrep is a parenthesised prepositional phrase "(FOR AID)": its first element is the preposition.
	GroupPrep
)

// Group is one {..} or (..) phrase of a PETRARCH-2 pattern.
type Group struct {
	Kind GroupKind
	// Parent is the number of the enclosing group ("(FOR {FINANCIAL AID})":
	// the noun phrase's parent is the prepositional phrase), 0 at top level.
	Parent int
	// Col is the 1-based column of the opening bracket.
	Col int
}

// Block is a verb synonym block "--- NAME [code] ---" with its verbs and patterns.
type Block struct {
	Name string
	// Path and Line locate the header that opened the block.
	Path string
	Line int
	// Code is the block's code: the default for verbs without their own.
	Code     Code
	Verbs    []Verb
	Patterns []Pattern
	// Merged lists the headers of later files merged into this block, in
	// load order (see LoadOptions.MoreVerbs); empty for a single file.
	Merged []BlockHeader
}

// BlockHeader is a block header of a later verb file that was merged into
// an existing block: where it is and the code it gave.
type BlockHeader struct {
	Path string
	Line int
	Code Code
}

// TransformSlot is an actor variable in a transformation: a letter ("a", "b"),
// "." for a non-specified actor or "_" for a non-present actor.
type TransformSlot string

// Transform is a PETRARCH-2 "~ a (a b WILL_ATTACK) SAY = a b 138" rule.
type Transform struct {
	// Path and Line locate the rule.
	Path string
	Line int
	Text string
	// Source is the top-level source slot.
	Source TransformSlot
	// InnerSource, InnerTarget and InnerVerb describe the embedded event;
	// InnerVerb is a verb (words joined by ' ') or "Q" for any verb.
	InnerSource, InnerTarget TransformSlot
	InnerVerb                string
	// Verb is the top-level verb (words joined by ' ').
	Verb string
	// OutSource and OutTarget are the slots of the resulting event; OutCode its
	// code, or "Q" to keep the inner event's code.
	OutSource, OutTarget TransformSlot
	OutCode              string
}

// VerbDict is a parsed verb dictionary, or several merged into one (see
// LoadOptions.MoreVerbs): every synset, verb, pattern and transformation
// records the file it came from.
type VerbDict struct {
	// Path is the first (base) file; Paths lists every file merged into the
	// dictionary, in load order, starting with Path.
	Path       string
	Paths      []string
	Syntax     Syntax
	Synsets    map[string]*Synset
	Blocks     []*Block
	Transforms []Transform
}

// DateKind says how a dated actor code restricts time.
type DateKind uint8

// Date restriction kinds.
const (
	// DateAny: the code applies at any time ("[AFG]" or a tab-indented "[AFG]").
	DateAny DateKind = iota
	// DateBefore: "<date", on or before From.
	DateBefore
	// DateAfter: ">date", on or after From.
	DateAfter
	// DateBetween: "date-date", From to To inclusive.
	DateBetween
)

// DatedCode is an actor code with an optional date restriction. Dates are
// YYYYMMDD integers; six-digit YYMMDD dates are expanded (YY < 30 means 20YY,
// otherwise 19YY).
type DatedCode struct {
	Code     string
	Kind     DateKind
	From, To int
	Line     int
}

// Actor is one record of an actors dictionary: a primary phrase, its
// synonyms, and its codes.
type Actor struct {
	Path string
	Line int
	// Root is the primary phrase with words joined by ' ' ("MOHAMMAD ZAHIR SHAH").
	Root string
	// Phrases are the primary phrase first, then the '+' synonyms.
	Phrases []Phrase
	// Codes are in file order: the code on the primary line (if any) first,
	// then the tab-indented restrictions. Lookup picks the first restriction
	// that holds for a date, else the first DateAny code.
	Codes []DatedCode
}

// Agent is one record of the agents dictionary.
type Agent struct {
	Path string
	Line int
	Text string
	// Phrases are the forms to match: the phrase as written, its plural
	// (regular, or as given in {..}, or none for {}), and every expansion
	// of a !SUBST! marker.
	Phrases []Phrase
	// Code is the agent code without '~' ("GOV").
	Code string
	// Prefix is true for "NGO~": the code goes before the actor code; false for "~GOV": after.
	Prefix bool
}

// Discard is one line of the discard list.
type Discard struct {
	// Path is the file the entry was read from.
	Path string
	Line int
	Text string
	// Words are the words of the phrase, upper case.
	Words []string
	// Story is true for '+' entries: the whole story is discarded.
	Story bool
	// WordEnd is true when the phrase ended with '_': the match must end at a word
	// boundary; otherwise the last word is a stem.
	WordEnd bool
}

// IssueEntry is one line of the issues dictionary.
type IssueEntry struct {
	// Path is the file the entry was read from.
	Path     string
	Line     int
	Text     string
	Category string // from the enclosing <ISSUE CATEGORY="...">
	// Phrases are the expanded forms (n: singular and plural, v: verb forms,
	// +: blank and hyphen variants), each a list of upper-case words.
	Phrases [][]string
	// Code is the issue code; empty for ignore entries. An entry written
	// without a code inside a section takes the section's Category.
	Code string
	// Ignore is true for '~' entries: a match cancels issue coding of the sentence.
	Ignore bool
	// IgnoreLevel is the number of '~' written (1 or 2) for ignore entries, 0
	// otherwise. PETRARCH treats "~" and "~~" alike; the level is kept for tools.
	IgnoreLevel int
	// Type is the TYPE attribute of the enclosing <ISSUE> section ("ALL", "COUNTEVENT"), if any.
	Type string
}

// Set is a complete set of dictionaries as the coder uses them.
type Set struct {
	Verbs    *VerbDict
	Actors   []*Actor
	Agents   []*Agent
	Discards []*Discard
	Issues   []*IssueEntry
	// Files lists the files the set was read from, in order, with their kinds.
	Files []File
	// Subst holds the agents dictionary's substitution sets (!PERSON! -> words).
	Subst map[string][]string
}

// Kind names a dictionary file's kind.
type Kind string

// Dictionary kinds.
const (
	KindVerbs    Kind = "verbs"
	KindActors   Kind = "actors"
	KindAgents   Kind = "agents"
	KindDiscards Kind = "discards"
	KindIssues   Kind = "issues"
)

// File records one dictionary file that went into a Set.
type File struct {
	Path string
	Kind Kind
	// Entries counts the records read from it.
	Entries int
}
