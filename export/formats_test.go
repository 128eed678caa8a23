package export

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

var testCountries = map[string]string{"CHN": "China", "IND": "India", "USA": "United States", "AFG": "Afghanistan", "FRA": "France"}

func testOptions() Options {
	return Options{
		CountryName: func(c string) (string, bool) { n, ok := testCountries[c]; return n, ok },
		Now:         time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC),
	}
}

// testEvents covers a located event with agents, a month-precision date,
// an undated event with issues, a new actor and IGO codes, and text with
// tabs, newlines, quotes and commas.
func testEvents() ([]annalist.Event, []Meta) {
	evs := []annalist.Event{
		{DocID: "wn-1", SentenceIndex: 0, SentenceText: "Chinese troops clashed with Indian soldiers near Leh.", Date: "2020-06-15", DatePrecision: "day",
			Source: annalist.Actor{Code: "CHNMIL", Text: "Chinese troops", Root: "CHINA"}, Target: annalist.Actor{Code: "INDMIL", Text: "Indian soldiers"},
			Event:    annalist.EventType{Code: "190", Root: "19", Name: "Use conventional military force, not specified below", Goldstein: -10, QuadClass: 4, PLOVER: "ASSAULT"},
			Location: &annalist.Place{Name: "Leh", Text: "Leh", Lat: 34.16504, Lon: 77.58402, Country: "IND", CountryName: "India", Admin1: "Ladakh", Kind: "city", GeoNameID: 1264976, From: "sentence"},
			Evidence: annalist.Evidence{Verb: "clashed", Pattern: annalist.Provenance{Entry: "- * WITH $"}}, Mentions: []int{0, 4}, MentionCount: 2},
		{DocID: "wn-1", SentenceIndex: 5, SentenceText: "The \"talks\", said one official,\tlasted\nhours.", Date: "2020-06",
			Source: annalist.Actor{Code: "USAGOVLEG", Text: "US lawmakers"}, Target: annalist.Actor{Code: "IGOUNOMOS", Text: "the UN"},
			Event:    annalist.EventType{Code: "0311", Root: "03", Name: "Express intent to cooperate economically", Goldstein: 5.2, QuadClass: 1},
			Location: &annalist.Place{Name: "Kabul", Lat: 34.52813, Lon: 69.17233, Country: "AFG", Admin1: "Kabul", Kind: "capital"},
			Evidence: annalist.Evidence{Verb: "said"}},
		{DocID: "wn-2", SentenceIndex: 2, SentenceText: "Protesters marched.", Date: "",
			Source: annalist.Actor{Code: `"PROTESTERS"`, Text: "Protesters"}, Target: annalist.Actor{Code: "---", Text: "police"},
			Event:    annalist.EventType{Code: "141", Root: "14", Name: "Demonstrate or rally", Goldstein: -6.5, QuadClass: 3, PLOVER: "PROTEST"},
			Issues:   []annalist.Issue{{Code: "DEMOCRACY", Count: 2}, {Code: "LABOR", Count: 1}},
			Location: &annalist.Place{Name: "France", Country: "FRA", CountryName: "France", Kind: "country", Lat: 46, Lon: 2}},
	}
	metas := []Meta{{ID: "wn-1#0", URL: "https://en.wikinews.org/wiki/1", Publisher: "English Wikinews"}, {ID: "wn-1#1"}, {}}
	return evs, metas
}

func TestFormatsGolden(t *testing.T) {
	evs, metas := testEvents()
	for _, f := range Formats() {
		if f == "documents" {
			continue
		}
		for _, withMeta := range []bool{false, true} {
			var b bytes.Buffer
			w, err := NewWriterOptions(f, &b, testOptions())
			if err != nil {
				t.Fatal(err)
			}
			mw, isMeta := w.(MetaWriter)
			if withMeta && !isMeta {
				continue
			}
			for i := range evs {
				if withMeta {
					err = mw.WriteMeta(&evs[i], metas[i])
				} else {
					err = w.Write(&evs[i])
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			name := f + ".txt"
			if withMeta {
				name = f + "-meta.txt"
			}
			golden(t, filepath.Join("testdata", "golden", name), b.Bytes())
			checkColumns(t, f, b.String())
		}
	}
}

// checkColumns checks every row of a table format has its documented columns.
func checkColumns(t *testing.T, format, out string) {
	want := map[string]int{"gdelt": len(GDELTColumns), "icews": len(ICEWSColumns), "phoenix": len(PhoenixColumns), "tsv": len(TSVHeader), "petrarch": 6}[format]
	if want == 0 {
		return
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if n := len(strings.Split(line, "\t")); n != want {
			t.Errorf("%s line %d: %d columns, want %d", format, i+1, n, want)
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test ./export -update rewrites it):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

func TestSplitActor(t *testing.T) {
	o := testOptions()
	for _, tc := range []struct {
		code string
		o    Options
		want actorParts
	}{
		{"CHNMIL", o, actorParts{Country: "CHN", Types: []string{"MIL"}, Entity: "CHN", Role: "MIL"}},
		{"USAGOVLEG", o, actorParts{Country: "USA", Types: []string{"GOV", "LEG"}, Entity: "USA", Role: "GOV", Attribute: "LEG"}},
		{"IGOUNOMOS", o, actorParts{KnownGroup: "UNO", Religions: []string{"MOS"}, Types: []string{"IGO"}, Entity: "IGO", Attribute: "UNOMOS"}},
		{"AFGTALSUNREB", o, actorParts{Country: "AFG", KnownGroup: "TAL", Religions: []string{"SUN"}, Types: []string{"REB"}, Entity: "AFG", Attribute: "TALSUNREB"}},
		{"CHN", o, actorParts{Country: "CHN", Entity: "CHN"}},
		{"XYZGOV", Options{}, actorParts{Country: "XYZ", Types: []string{"GOV"}, Entity: "XYZ", Role: "GOV"}},
		{"XYZGOV", o, actorParts{KnownGroup: "XYZ", Types: []string{"GOV"}, Entity: "XYZ", Role: "GOV"}},
		{"---", o, actorParts{}},
		{`"NEW ACTOR"`, o, actorParts{}},
		{"CHNM", o, actorParts{}},
	} {
		if got := splitActor(tc.code, tc.o); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("splitActor(%q) = %+v, want %+v", tc.code, got, tc.want)
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := NewWriter("xml", &bytes.Buffer{}); annalist.ErrorCode(err) != annalist.EINVALID || !strings.Contains(err.Error(), "gdelt") {
		t.Errorf("unknown format: %v", err)
	}
}

// TestDocumentsFormat pins the documents record: metadata, events (an
// empty list, never null), and the coding counts that say why an article
// has no events.
func TestDocumentsFormat(t *testing.T) {
	evs, _ := testEvents()
	doc := &annalist.Document{ID: "wn-1", Title: "T", Date: time.Date(2020, 1, 8, 0, 0, 0, 0, time.UTC), Dateline: "CAIRO", Source: "Wikinews", URL: "https://en.wikinews.org/wiki/1"}
	for _, tt := range []struct {
		name string
		c    DocumentCoding
		want string
	}{
		{"events", DocumentCoding{Events: evs[:1], Sentences: 12, Skipped: 1, Withheld: 2},
			`"id":"wn-1","title":"T","date":"2020-01-08","dateline":"CAIRO","source":"Wikinews","url":"https://en.wikinews.org/wiki/1","events":[{`},
		{"discarded", DocumentCoding{Sentences: 30, StoryDiscard: "+FOOTBALL"},
			`{"id":"wn-1","title":"T","date":"2020-01-08","dateline":"CAIRO","source":"Wikinews","url":"https://en.wikinews.org/wiki/1","events":[],"sentences":30,"story_discard":"+FOOTBALL"}`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			w, err := NewWriter("documents", &b)
			if err != nil {
				t.Fatal(err)
			}
			if err := w.(DocumentWriter).WriteDocument(doc, tt.c); err != nil {
				t.Fatal(err)
			}
			w.Flush()
			got := strings.TrimSpace(b.String())
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %s\nwant it to contain %s", got, tt.want)
			}
			var rec DocumentRecord
			if err := json.Unmarshal([]byte(got), &rec); err != nil {
				t.Fatal(err)
			}
			if len(rec.Events) != len(tt.c.Events) || rec.Sentences != tt.c.Sentences || rec.Skipped != tt.c.Skipped || rec.Withheld != tt.c.Withheld || rec.StoryDiscard != tt.c.StoryDiscard {
				t.Errorf("read back %+v, want the counts of %+v", rec, tt.c)
			}
		})
	}
}
