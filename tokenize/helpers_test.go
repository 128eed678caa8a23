package tokenize

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/annalist/annalist"
)

// render writes a sentence compactly with every field pinned:
// "[start:end kind] tok@offset tok@offset=norm ...". Index and Head are
// checked by checkSplit instead; the Norm is shown only when it differs from Text.
func render(s annalist.Sentence) string {
	var b strings.Builder
	fmt.Fprintf(&b, "[%d:%d", s.Span.Start, s.Span.End)
	if s.Kind != annalist.KindBody {
		fmt.Fprintf(&b, " %s", s.Kind)
	}
	b.WriteString("]")
	for _, t := range s.Tokens {
		fmt.Fprintf(&b, " %s", renderToken(t))
	}
	return b.String()
}

func renderToken(t annalist.Token) string {
	s := fmt.Sprintf("%s@%d", t.Text, t.Span.Start)
	if t.Norm != t.Text {
		s += "=" + t.Norm
	}
	return s
}

func renderTokens(toks []annalist.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = renderToken(t)
	}
	return strings.Join(parts, " ")
}

// separator reports whether the scanner treats r as white space between tokens.
func separator(r rune) bool { return isSpace(r) }

// checkTokens verifies the invariants every token list must satisfy: spans
// inside text, in order, not overlapping, Text == text[Span], Head -1, a
// non-empty Norm, and nothing but white space left between tokens.
func checkTokens(tb testing.TB, text string, toks []annalist.Token) {
	tb.Helper()
	pos := 0
	for i, t := range toks {
		if t.Span.Start < pos || t.Span.End <= t.Span.Start || t.Span.End > len(text) {
			tb.Fatalf("token %d %q: span %v out of order or out of text (previous end %d, len %d)", i, t.Text, t.Span, pos, len(text))
		}
		if text[t.Span.Start:t.Span.End] != t.Text {
			tb.Fatalf("token %d: Text %q != text[%d:%d] %q", i, t.Text, t.Span.Start, t.Span.End, text[t.Span.Start:t.Span.End])
		}
		if t.Head != -1 || t.Norm == "" || t.Tag != "" || t.Lemma != "" || t.Rel != "" {
			tb.Fatalf("token %d %q: unexpected analysis fields %+v", i, t.Text, t)
		}
		checkGap(tb, text, pos, t.Span.Start)
		pos = t.Span.End
	}
	checkGap(tb, text, pos, len(text))
}

func checkGap(tb testing.TB, text string, from, to int) {
	tb.Helper()
	for k := from; k < to; {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !separator(r) {
			tb.Fatalf("byte %d (%q) between tokens is not white space", k, text[k:k+size])
		}
		k += size
	}
}

// checkSplit verifies sentence invariants on top of checkTokens: Index in
// order, Span indexing text, Text == text[Span], sentences in order without
// overlap, each containing exactly its tokens and starting and ending with them.
func checkSplit(tb testing.TB, text string, sents []annalist.Sentence) {
	tb.Helper()
	var all []annalist.Token
	prevEnd := 0
	for i, s := range sents {
		if s.Index != i {
			tb.Fatalf("sentence %d has Index %d", i, s.Index)
		}
		if s.Span.Start < prevEnd || s.Span.Empty() || s.Span.End > len(text) {
			tb.Fatalf("sentence %d span %v out of order or out of text", i, s.Span)
		}
		if text[s.Span.Start:s.Span.End] != s.Text {
			tb.Fatalf("sentence %d: Text %q != text[Span] %q", i, s.Text, text[s.Span.Start:s.Span.End])
		}
		if len(s.Tokens) == 0 || s.Tokens[0].Span.Start != s.Span.Start || s.Tokens[len(s.Tokens)-1].Span.End != s.Span.End {
			tb.Fatalf("sentence %d %v does not start and end with its tokens", i, s.Span)
		}
		if cap(s.Tokens) != len(s.Tokens) {
			tb.Fatalf("sentence %d: tokens slice has spare capacity %d: appending would overwrite the next sentence", i, cap(s.Tokens))
		}
		switch s.Kind {
		case annalist.KindBody, annalist.KindHeadline, annalist.KindCredit, annalist.KindDateline:
		default:
			tb.Fatalf("sentence %d: unexpected kind %q", i, s.Kind)
		}
		all = append(all, s.Tokens...)
		prevEnd = s.Span.End
	}
	checkTokens(tb, text, all)
	if len(sents) == 0 && strings.TrimFunc(text, separator) != "" {
		tb.Fatalf("no sentences for text with content %q", text)
	}
}
