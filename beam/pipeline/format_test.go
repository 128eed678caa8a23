package pipeline

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/export"
	"github.com/annalist/annalist/geo"
)

func collapsed(doc string, sent int, date, src, tgt, code string, quad, mentions, articles int) engine.CollapsedEvent {
	return engine.CollapsedEvent{Event: annalist.Event{DocID: doc, SentenceIndex: sent, Date: date,
		Source: annalist.Actor{Code: src, Text: src + " people"}, Target: annalist.Actor{Code: tgt, Text: tgt + "\tgov"},
		Event: annalist.EventType{Code: code, Root: code[:2], QuadClass: quad, Goldstein: -2.5}, MentionCount: 1, Mentions: []int{sent}},
		NumMentions: mentions, NumArticles: articles}
}

func TestGDELTRow(t *testing.T) {
	gaz, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	f, err := newGDELTFormatter(gaz, dateAdded)
	if err != nil {
		t.Fatal(err)
	}
	ev := collapsed("doc-1", 4, "2020-01-03", "USAGOV", "IRN", "1121", 3, 7, 5)
	ev.Location = &annalist.Place{Name: "Baghdad", Country: "IRQ", CountryName: "Iraq", Kind: "capital", Lat: 33.34, Lon: 44.4, GeoNameID: 98182}
	row, err := f.line(&ev)
	if err != nil {
		t.Fatal(err)
	}
	cols := strings.Split(row, "\t")
	if len(cols) != len(export.GDELTColumns) {
		t.Fatalf("%d columns, want %d", len(cols), len(export.GDELTColumns))
	}
	got := map[string]string{}
	for i, c := range cols {
		got[export.GDELTColumns[i]] = c
	}
	want := map[string]string{
		"GLOBALEVENTID": strconv.FormatInt(EventID(&ev), 10), "SQLDATE": "20200103", "MonthYear": "202001", "Year": "2020",
		"Actor1Code": "USAGOV", "Actor1CountryCode": "USA", "Actor1Type1Code": "GOV", "Actor2Code": "IRN", "Actor2Name": "IRN gov",
		"EventCode": "1121", "EventBaseCode": "112", "EventRootCode": "11", "QuadClass": "3", "GoldsteinScale": "-2.5",
		"IsRootEvent": "0", "NumMentions": "7", "NumSources": "", "NumArticles": "5",
		"ActionGeo_Type": "4", "ActionGeo_CountryCode": "IRQ", "ActionGeo_Lat": "33.34", "ActionGeo_FeatureID": "98182",
		"DATEADDED": "20261129", "SOURCEURL": "doc-1",
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s = %q, want %q", k, got[k], w)
		}
	}
	// The id is the same for the same event and differs for another sentence.
	ev2 := ev
	ev2.SentenceIndex = 5
	if EventID(&ev) != EventID(&ev) || EventID(&ev) == EventID(&ev2) || EventID(&ev) < 0 {
		t.Errorf("EventID not stable, distinct and positive: %d %d", EventID(&ev), EventID(&ev2))
	}
}

func TestAggregate(t *testing.T) {
	events := []engine.CollapsedEvent{
		collapsed("a", 0, "2020-01-03", "USA", "IRN", "111", 3, 2, 1),
		collapsed("b", 1, "2020-01-03", "USA", "IRN", "190", 4, 3, 2),
		collapsed("c", 2, "2020-01-03", "IRN", "USA", "111", 3, 1, 1),
		collapsed("d", 0, "2020-01-04", "USA", "IRN", "111", 3, 5, 4),
		collapsed("e", 0, "", "USA", "IRN", "010", 1, 1, 1),
	}
	tests := []struct {
		kind string
		want []string
	}{
		{"daily", []string{
			`{"date":"","quad_class":1,"events":1,"num_mentions":1,"num_articles":1}`,
			`{"date":"2020-01-03","quad_class":3,"events":2,"num_mentions":3,"num_articles":2}`,
			`{"date":"2020-01-03","quad_class":4,"events":1,"num_mentions":3,"num_articles":2}`,
			`{"date":"2020-01-04","quad_class":3,"events":1,"num_mentions":5,"num_articles":4}`,
		}},
		{"dyads", []string{
			`{"date":"","source":"USA","target":"IRN","events":1,"num_mentions":1,"num_articles":1}`,
			`{"date":"2020-01-03","source":"IRN","target":"USA","events":1,"num_mentions":1,"num_articles":1}`,
			`{"date":"2020-01-03","source":"USA","target":"IRN","events":2,"num_mentions":5,"num_articles":3}`,
			`{"date":"2020-01-04","source":"USA","target":"IRN","events":1,"num_mentions":5,"num_articles":4}`,
		}},
	}
	for _, tt := range tests {
		got, err := Aggregate(tt.kind, events)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.kind, got, tt.want)
		}
	}
	if _, err := Aggregate("weekly", events); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("unknown kind: %v", err)
	}
}

func TestIsJSONL(t *testing.T) {
	tests := []struct {
		format, path string
		want         bool
	}{
		{"", "a/b.jsonl", true}, {"auto", "a/B.JSONL.GZ", true}, {"", "x.ndjson.gz", true}, {"", "x.json", true},
		{"", "story.txt", false}, {"", "story", false}, {"", "x.jsonl.bak", false}, {"", "x.txt.gz", false},
		{"jsonl", "story.txt", true}, {"text", "x.jsonl", false},
	}
	for _, tt := range tests {
		if got := isJSONL(tt.format, tt.path); got != tt.want {
			t.Errorf("isJSONL(%q, %q) = %v, want %v", tt.format, tt.path, got, tt.want)
		}
	}
}

// TestCodersRoundTrip checks that the element coders keep every field the
// outputs show.
func TestCodersRoundTrip(t *testing.T) {
	ev := collapsed("a", 3, "2020-01-03", "USA", "IRN", "111", 3, 2, 1)
	ev.Location = &annalist.Place{Name: "Tehran", Lat: 35.69, Lon: 51.42}
	ev.Issues = []annalist.Issue{{Code: "NUCLEAR", Count: 2}}
	var tl engine.Tally
	tl.Add(ev.Event)
	b, err := encodeTally(tl)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeTally(b)
	if err != nil {
		t.Fatal(err)
	}
	j1, _ := json.Marshal(tl.Result())
	j2, _ := json.Marshal(back.Result())
	if string(j1) != string(j2) {
		t.Errorf("tally round trip:\n got %s\nwant %s", j2, j1)
	}
	b, _ = encodeCollapsed(ev)
	cb, err := decodeCollapsed(b)
	if err != nil || !reflect.DeepEqual(cb, ev) {
		t.Errorf("collapsed round trip: %v\n got %+v\nwant %+v", err, cb, ev)
	}
	if _, err := decodeEvent([]byte("{")); err == nil {
		t.Error("decodeEvent accepted broken JSON")
	}
}
