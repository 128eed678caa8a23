// Package when finds temporal expressions in news text and resolves them to calendar dates against a publication date.
//
// Find is the whole API: it scans one sentence or paragraph, returns every
// expression it recognises ("said Wednesday", "last week", "Dec. 19, 2019",
// "two days later", "in the 1990s") with its byte span, the first day of the
// period it denotes and that period's precision. It is a pure function: no
// state, no errors, safe for concurrent use, and no allocation for a text of
// up to 64 tokens with neither a number nor a date word. The rules (news
// conventions for bare weekdays and months, datelines, what counts as a
// year, what is deliberately not recognised) are documented in
// docs/dates.md.
package when

import (
	"time"

	"github.com/annalist/annalist"
)

// Precision says how much of a resolved date is known. Dates of coarser
// precisions are the first day of their period.
type Precision string

// Precisions, finest first. Unresolved is the zero value: the expression was
// recognised but its date could not be worked out (no publication date, no
// anchor for "two days later", or an anchor that is not a date, as in "a day
// after the attack").
const (
	Unresolved Precision = ""
	Day        Precision = "day"
	Week       Precision = "week"   // an ISO week, Monday to Sunday; Date is the Monday
	Month      Precision = "month"  // Date is the first of the month
	Year       Precision = "year"   // Date is January 1
	Decade     Precision = "decade" // "the 1990s"; Date is January 1 of the decade's first year
)

// rank orders precisions from finest (1) to coarsest; Unresolved is 0.
func (p Precision) rank() int {
	switch p {
	case Day:
		return 1
	case Week:
		return 2
	case Month:
		return 3
	case Year:
		return 4
	case Decade:
		return 5
	}
	return 0
}

// Options carries what the caller knows about the sentence beyond its text.
// The zero value is the news default: past-tense reporting, no anchor.
type Options struct {
	// Future is set by the caller when the verb governing the expressions
	// is future or scheduled ("will meet on Monday", "is due to vote in
	// December"). It turns the default for bare weekdays, month-days and
	// months ("Monday", "Dec 19", "in December", "the weekend") from the
	// most recent one on or before the publication date to the next one on
	// or after it. Expressions that say their direction ("last Monday",
	// "next month", "two days ago") ignore it.
	Future bool
	// Anchor is the last resolved expression before the text, typically
	// from the previous sentence of the same article. Narrative expressions
	// ("two days later", "the next day", "a week earlier", "that day") are
	// counted from the last resolved expression earlier in the text itself,
	// and from Anchor when there is none. A zero Anchor (Precision
	// Unresolved) means there is nothing to count from, and such
	// expressions are returned unresolved.
	Anchor Expr
}

// Expr is one temporal expression found in a text.
type Expr struct {
	// Span locates the expression in the text given to Find. Prepositions
	// ("on", "in", "since") are left out; modifiers that are part of the
	// meaning ("last", "earlier this", "mid-", "the end of") are in.
	Span annalist.Span `json:"span"`
	// Text is text[Span.Start:Span.End].
	Text string `json:"text"`
	// Date is the resolved day at midnight UTC, or the first day of the
	// week, month, year or decade for coarser precisions; the zero time when
	// Precision is Unresolved.
	Date time.Time `json:"date"`
	// Precision is how much of Date is meant; Unresolved when the
	// expression could not be resolved.
	Precision Precision `json:"precision,omitempty"`
	// Relative is true when the expression does not name its date by itself
	// and needs the publication date ("Wednesday", "Dec 19", "last week") or
	// an anchor ("two days later"). It is set whether or not the expression
	// could be resolved.
	Relative bool `json:"relative,omitempty"`
	// Future is true when every day the expression denotes is after the
	// publication day ("tomorrow", "next month", "later this week",
	// "Dec 19, 2030"). It is false when the publication date is unknown,
	// when the expression is unresolved, and for datelines.
	Future bool `json:"future,omitempty"`
}

// DateString formats Date the way annalist.Event.Date is written:
// "2006-01-02" for days and weeks (the Monday), "2006-01" for months, "2006"
// for years and decades (the first year), and "" when unresolved.
func (e Expr) DateString() string {
	switch e.Precision {
	case Day, Week:
		return e.Date.Format("2006-01-02")
	case Month:
		return e.Date.Format("2006-01")
	case Year, Decade:
		return e.Date.Format("2006")
	}
	return ""
}

// Find returns the temporal expressions of text (one sentence or a
// paragraph) in text order, without overlaps, resolved against the
// publication date pub. Only pub's calendar date in its own location is used.
// With a zero pub, absolute expressions ("19 December 2019", "in 2018", "the
// 1990s") still resolve, and relative ones are returned with Precision
// Unresolved, never guessed. Find never fails: text it does not understand,
// including invalid UTF-8, simply yields fewer expressions. It returns nil
// when there are none.
func Find(text string, pub time.Time, opts Options) []Expr {
	// Tokens go to a stack buffer first, so that the common sentence
	// without a date costs no allocation; the finder, whose fields escape,
	// gets a heap copy.
	var buf [64]tok
	toks := lex(text, buf[:0])
	if !mayHaveDate(toks) {
		return nil
	}
	f := finder{text: text, t: append([]tok(nil), toks...), opts: opts}
	if !pub.IsZero() {
		f.pub = time.Date(pub.Year(), pub.Month(), pub.Day(), 0, 0, 0, 0, time.UTC)
		f.hasPub = true
	}
	f.run()
	return f.out
}
