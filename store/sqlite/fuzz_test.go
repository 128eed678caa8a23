package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/store"
	"github.com/annalist/annalist/store/storetest"
)

// FuzzFilter sends arbitrary query words, actor codes, event codes and
// dates to a store holding the hand-made documents: every answer is a
// result or an EINVALID error, never another error or a panic (the words
// reach FTS5's query syntax, the codes range scans).
func FuzzFilter(f *testing.F) {
	ctx := context.Background()
	st, err := Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	for _, c := range storetest.Handmade() {
		if err := st.Put(ctx, c); err != nil {
			f.Fatal(err)
		}
	}
	f.Add("border", "CHN", "19", "2020-01-06")
	f.Add(`"unbalanced`, "C%", "1", "2020-1-1")
	f.Add("NEAR(a b) OR c*", "\xff\xfe", "", "")
	f.Add("title: ^x AND -y", "ÜML", "0311", "9999-99-99")
	f.Fuzz(func(t *testing.T, q, actor, code, date string) {
		for _, fl := range []store.Filter{{Q: q}, {Actor: actor}, {Code: code}, {From: date, Source: actor}, {Country: actor, Q: q, To: date}} {
			_, _, err := st.Events(ctx, fl)
			if err != nil && annalist.ErrorCode(err) != annalist.EINVALID {
				t.Fatalf("Events(%+v): %v", fl, err)
			}
			if _, err := st.Dyads(ctx, fl, 5); err != nil && annalist.ErrorCode(err) != annalist.EINVALID {
				t.Fatalf("Dyads(%+v): %v", fl, err)
			}
		}
	})
}
