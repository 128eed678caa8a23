package sqlstore

import (
	"testing"

	"github.com/annalist/annalist"
)

func TestCursorRoundTrip(t *testing.T) {
	for _, k := range []key{{}, {Day: "2020-01-06", DocID: "wikinews-en:A,_b#c", Sentence: 3, Seq: 12}, {DocID: "ü\x00\"", Sentence: -1, Seq: 1 << 40}} {
		got, err := decodeCursor(encodeCursor(k))
		if err != nil || got != k {
			t.Errorf("round trip of %+v: %+v, %v", k, got, err)
		}
	}
}

func TestDay(t *testing.T) {
	for in, want := range map[string]string{"2020-01-06": "2020-01-06", "2020-01": "2020-01-01", "2020": "2020-01-01", "": "",
		"2020-13": "", "2020-02-30": "", "20200106": "", "yesterday": "", "2020-01-06T10:00:00Z": "2020-01-06"} {
		if got := Day(in); got != want {
			t.Errorf("Day(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPrefixEnd(t *testing.T) {
	for in, want := range map[string]string{"CHN": "CHO", "19": "1:", "A\xff": "B", "\xff\xff": ""} {
		if got := prefixEnd(in); got != want {
			t.Errorf("prefixEnd(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzCursor: any string given as a cursor is decoded or refused with
// EINVALID, never a panic; what decodes re-encodes to a cursor that
// decodes to the same position.
func FuzzCursor(f *testing.F) {
	f.Add(encodeCursor(key{Day: "2020-01-06", DocID: "d", Sentence: 1, Seq: 2}))
	f.Add("")
	f.Add("WzEsMl0")
	f.Add("WyIiLCIiLDAsMF0")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := decodeCursor(s)
		if err != nil {
			if annalist.ErrorCode(err) != annalist.EINVALID {
				t.Fatalf("decodeCursor(%q): %v", s, err)
			}
			return
		}
		k2, err := decodeCursor(encodeCursor(k))
		if err != nil || k2 != k {
			t.Fatalf("re-encoding %+v: %+v %v", k, k2, err)
		}
	})
}
