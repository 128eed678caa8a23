package when

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// reuters is the Reuters-21578 corpus in the project's shared data. It is
// research-use only and never copied into the repository: tests that use it
// skip when it is absent.
const reuters = "../../shared/corpus/reuters21578.jsonl"

// TestReutersDatelines resolves the dateline of every Reuters-21578 story
// ("SALVADOR, Feb 26 -", kept by the corpus in a field of its own, which
// sometimes runs on into the story) put back in front of the story's first
// 200 bytes, against the story's date, and checks that the first
// expression lies in the dateline and is its date, never
// after the day following the story's date, and counts how far it falls
// from the story's date (the collection's date is when a story was filed,
// which may be days after its dateline). The stories run from February to
// October 1987, so no dateline crosses a year boundary; what this measures
// is the dateline shape on real wire copy. Run with -v to see the misses.
func TestReutersDatelines(t *testing.T) {
	file, err := os.Open(reuters)
	if err != nil {
		t.Skip("Reuters-21578 not found at " + reuters)
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var stories, withDate, found, same, dayOff, earlier, yearBack, notDateline int
	for sc.Scan() {
		var a struct {
			Date     string `json:"date"`
			Dateline string `json:"dateline"`
			Text     string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		stories++
		dl := strings.TrimSpace(a.Dateline)
		if !strings.ContainsAny(dl, "0123456789") {
			continue
		}
		withDate++
		pub, err := time.Parse("2006-01-02", a.Date)
		if err != nil {
			t.Fatal(err)
		}
		text := dl + " " + a.Text[:min(200, len(a.Text))]
		got := Find(text, pub, Options{})
		if len(got) == 0 || got[0].Span.End > len(dl) || !strings.ContainsAny(got[0].Text, "0123456789") {
			if testing.Verbose() {
				t.Logf("dateline not found: %q -> %s", text[:min(60, len(text))], renderAll(got))
			}
			continue
		}
		found++
		e := got[0]
		checkExpr(t, text, e)
		if e.Precision != Day || (!e.Future && e.Date.After(pub.AddDate(0, 0, 1))) {
			t.Errorf("dateline %q of a story dated %s: %s", dl, a.Date, render(e))
		}
		switch d := pub.Sub(e.Date); {
		case e.Future:
			notDateline++ // "APRIL 11 -": no place, read as an ordinary date
		case d == 0:
			same++
		case d == 24*time.Hour || d == -24*time.Hour:
			dayOff++
		case d < 300*24*time.Hour:
			earlier++
		default:
			yearBack++
			if testing.Verbose() {
				t.Logf("a year back: dateline %q of a story dated %s -> %s", dl, a.Date, e.DateString())
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d stories, %d datelines with a date, %d found: %d on the story's date, %d a day off, %d 2 to 300 days earlier, %d a year back (a dateline later than the story's date), %d read as an ordinary date ahead",
		stories, withDate, found, same, dayOff, earlier, yearBack, notDateline)
	if found < withDate*99/100 {
		t.Errorf("found only %d of %d datelines", found, withDate)
	}
}
