package when

import (
	"testing"
	"time"
)

// checkExpr verifies the invariants of one expression found in text: a
// non-empty span inside the text, Text == text[Span], a zero Date exactly
// when unresolved, resolved dates at midnight UTC on the first day of their
// period, and Future only for resolved expressions.
func checkExpr(tb testing.TB, text string, e Expr) {
	tb.Helper()
	if e.Span.Start < 0 || e.Span.End > len(text) || e.Span.Empty() {
		tb.Fatalf("%q: span %v outside text of %d bytes", e.Text, e.Span, len(text))
	}
	if text[e.Span.Start:e.Span.End] != e.Text {
		tb.Fatalf("Text %q != text[%d:%d] %q", e.Text, e.Span.Start, e.Span.End, text[e.Span.Start:e.Span.End])
	}
	if (e.Precision == Unresolved) != e.Date.IsZero() {
		tb.Fatalf("%q: precision %q with date %v", e.Text, e.Precision, e.Date)
	}
	if e.Precision == Unresolved {
		if e.Future {
			tb.Fatalf("%q: unresolved but Future", e.Text)
		}
		if !e.Relative {
			tb.Fatalf("%q: unresolved but not Relative", e.Text)
		}
		return
	}
	if e.Precision.rank() == 0 {
		tb.Fatalf("%q: unknown precision %q", e.Text, e.Precision)
	}
	if e.Date.Location() != time.UTC || truncate(e.Date, e.Precision) != e.Date ||
		e.Date.Hour() != 0 || e.Date.Minute() != 0 || e.Date.Second() != 0 || e.Date.Nanosecond() != 0 {
		tb.Fatalf("%q: date %v is not the UTC start of its %s", e.Text, e.Date, e.Precision)
	}
}

// checkAll verifies every expression of a Find result and that they are in
// text order without overlaps.
func checkAll(tb testing.TB, text string, got []Expr) {
	tb.Helper()
	end := 0
	for _, e := range got {
		checkExpr(tb, text, e)
		if e.Span.Start < end {
			tb.Fatalf("%q at %v overlaps or precedes the previous expression ending at %d", e.Text, e.Span, end)
		}
		end = e.Span.End
	}
}
