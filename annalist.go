// Package annalist defines Annalist's domain: documents, sentences, tokens with byte offsets, actors, events and their provenance.
//
// The package has no dependencies beyond the standard library. Every stage of the
// pipeline (text readers, tokenizer, tagger, parser, dictionaries, coder, stores,
// server) speaks in these types, so offsets and evidence run end to end from the
// input bytes to the web UI.
package annalist

import "time"

// Span is a half-open byte range [Start, End) into a text. Which text is said
// where the span is used: token spans index the document text, evidence spans
// index the sentence text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Union returns the smallest span covering both s and t. An empty operand is ignored.
func (s Span) Union(t Span) Span {
	if s.Empty() {
		return t
	}
	if t.Empty() {
		return s
	}
	if t.Start < s.Start {
		s.Start = t.Start
	}
	if t.End > s.End {
		s.End = t.End
	}
	return s
}

// Shift returns the span moved by delta bytes.
func (s Span) Shift(delta int) Span { return Span{s.Start + delta, s.End + delta} }

// Document is one article: its metadata, its text and, once analysed, its sentences.
type Document struct {
	ID     string `json:"id"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	URL    string `json:"url,omitempty"`
	// Date is the publication date; the zero value means it is unknown.
	Date time.Time `json:"date"`
	// Dateline is the place named in a leading dateline ("KABUL, Dec 19 (Reuters) -"), if any.
	Dateline string `json:"dateline,omitempty"`
	Text     string `json:"text"`
	// Sentences are filled in by analysis; their spans index Text.
	Sentences []Sentence `json:"sentences,omitempty"`
}

// Sentence is one sentence of a document with its tokens and their syntax.
type Sentence struct {
	// Index is the 0-based position of the sentence in its document.
	Index int `json:"index"`
	// Span locates the sentence in the document text.
	Span Span `json:"span"`
	// Text is the sentence as it appears in the document.
	Text string `json:"text"`
	// Kind says whether the line is body text or a headline, caption or credit.
	Kind SentenceKind `json:"kind,omitempty"`
	// Tokens carry spans into the document text (not into Text).
	Tokens []Token `json:"tokens,omitempty"`
}

// SentenceKind classifies a line of an article.
type SentenceKind string

// Sentence kinds. Only body sentences are coded.
const (
	KindBody     SentenceKind = ""
	KindHeadline SentenceKind = "headline"
	KindCaption  SentenceKind = "caption"
	KindCredit   SentenceKind = "credit"
	KindDateline SentenceKind = "dateline"
)

// Token is a word or punctuation mark with its analysis.
type Token struct {
	// Text is the token exactly as written in the source.
	Text string `json:"text"`
	// Norm is the form used for matching and by the models: curly quotes and
	// apostrophes as ASCII, dashes as "--", "…" as "..."; case and brackets
	// are kept as written.
	Norm string `json:"norm,omitempty"`
	// Span locates the token in the document text; it is empty when the token
	// has no counterpart in the text (for example a parse leaf that could not be aligned).
	Span Span `json:"span"`
	// Tag is the Penn Treebank part of speech.
	Tag string `json:"tag,omitempty"`
	// Lemma is the dictionary form, upper case, when known.
	Lemma string `json:"lemma,omitempty"`
	// Head is the index of the syntactic head within the sentence, or -1 for the root.
	Head int `json:"head"`
	// Rel is the Universal Dependencies relation to the head ("nsubj", "obj", ...).
	Rel string `json:"rel,omitempty"`
}
