package when

import (
	"testing"
	"time"
)

// FuzzFind checks that Find never panics, that its expressions satisfy the
// invariants of checkAll (spans inside the text, in order, Text ==
// text[Span], dates at the start of their period), and that what is found
// does not depend on the publication date or the tense: those change only
// the resolution.
func FuzzFind(f *testing.F) {
	for _, c := range findCases {
		f.Add(c.in, int16(0), c.opts.Future)
	}
	for _, s := range []string{
		"KABUL, Dec 19 (Reuters) - a day before the day after tomorrow",
		"Feb. 29, 2020 2019-02-29 02/29/2019 29/02/2020 the 31st of April",
		"mid-’90s ’90s 1990’s Monday’s mid‐2019 2018–19 2019\u00a0Dec\u00a019",
		"the the the end of of the the weekend last last last week a a day day after",
		"Dec.\xff19 May\u200b5 \xe2\x80 9999-99-99 1/1/1 0000 2100s 1900s",
		"", "'", "the", "a day after", "Monday,", "Dec.", "19 of", "2019-", "12/19/",
	} {
		f.Add(s, int16(400), false)
	}
	f.Fuzz(func(t *testing.T, text string, days int16, future bool) {
		pub := civil(2019, 12, 19).AddDate(0, 0, int(days))
		opts := Options{Future: future}
		got := Find(text, pub, opts)
		checkAll(t, text, got)
		unknown := Find(text, time.Time{}, Options{Future: !future})
		checkAll(t, text, unknown)
		if len(got) != len(unknown) {
			t.Fatalf("%d expressions with a publication date, %d without:\n%s\n%s", len(got), len(unknown), renderAll(got), renderAll(unknown))
		}
		for i := range got {
			if got[i].Span != unknown[i].Span || got[i].Relative != unknown[i].Relative {
				t.Fatalf("expression %d differs with and without a publication date: %s / %s", i, render(got[i]), render(unknown[i]))
			}
			if unknown[i].Future {
				t.Fatalf("Future without a publication date: %s", render(unknown[i]))
			}
			if !got[i].Relative && got[i].Date != unknown[i].Date {
				t.Fatalf("absolute expression resolved differently without a publication date: %s / %s", render(got[i]), render(unknown[i]))
			}
		}
	})
}
