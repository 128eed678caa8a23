package engine

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
)

// eventLine is the part of an event the document tests pin.
func eventLine(e annalist.Event) string {
	s := fmt.Sprintf("s%d %s %s %s %s/%s", e.SentenceIndex, e.Source.Code, e.Event.Code, e.Target.Code, e.Date, e.DatePrecision)
	if e.DateText != "" {
		s += " (" + e.DateText + ")"
	}
	if e.Modality != "" {
		s += " " + e.Modality
	}
	if e.Location != nil {
		s += " at " + e.Location.Name + "," + e.Location.Country + "," + e.Location.From
	}
	if r := e.Source.Resolution; r != nil {
		s += " src=" + r.Method + ":" + r.Antecedent
	}
	if len(e.Mentions) > 1 {
		s += fmt.Sprint(" mentions=", e.Mentions)
	}
	return s
}

// TestCodeDocument pins document-level behaviour on short articles whose
// sentences our parser reads correctly: coreference, capitals, modality,
// dates, places, datelines and de-duplication. Publication date: Thursday
// 2019-12-19.
func TestCodeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	eng := defaultEngine(t)
	pub := time.Date(2019, 12, 19, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       []string
		withheld   int
	}{
		{"surname, family name first", "Chinese Defense Minister Wei Fenghe visited Pakistan on Monday. Wei criticized India on Tuesday.",
			[]string{"s0 CHNGOV 042 PAK 2019-12-16/day (Monday)", "s1 CHNGOV 111 IND 2019-12-17/day (Tuesday) src=surname:Chinese Defense Minister Wei Fenghe"}, 0},
		{"pronoun to the last subject", "Russian President Vladimir Putin visited Turkey on Monday. He praised Turkey.",
			[]string{"s0 RUSGOV 042 TUR 2019-12-16/day (Monday)", "s1 RUSGOV 051 TUR 2019-12-19/day src=pronoun:Russian President Vladimir Putin"}, 0},
		{"capitals stand for governments", "Beijing criticized Washington on Wednesday.",
			[]string{"s0 CHNGOV 111 USAGOV 2019-12-18/day (Wednesday)"}, 0},
		{"negation is withheld", "Russia did not attack Ukraine.", nil, 1},
		{"a conditional is withheld", "If Russia attacks Ukraine, the European Union will impose sanctions.", nil, 1},
		{"background is withheld", "Russia attacked Ukraine in 2015.", nil, 1},
		{"a denied act is withheld", "Iran denied that its forces attacked Iraqi troops.", nil, 1},
		{"a denied gerund is withheld", "Iran denied attacking Iraqi troops.", nil, 1},
		{"the act in denied reports is withheld", "Iran denied reports that its forces attacked Iraqi troops.", nil, 1},
		{"an object controls the infinitive", "Russia wants Ukraine to attack Belarus.", []string{"s0 RUS 021 UKR 2019-12-19/day"}, 0},
		{"what someone is let or told to do is withheld", "Russia let Ukraine attack Belarus.", nil, 1},
		{"a title with its of-phrase before a name is one actor", "U.S. Secretary of State Mike Pompeo met Russian leaders in Moscow.",
			[]string{"s0 USAGOV 040 RUS 2019-12-19/day at Moscow,RUS,sentence"}, 0},
		{"a reported act is kept", "Iraq said that Iran attacked Iraqi troops.", []string{"s0 IRN 190 IRQMIL 2019-12-19/day"}, 0},
		{"a future attack is a threat", "Russia will attack Ukraine.", []string{"s0 RUS 1384 UKR 2019-12-19/day"}, 0},
		{"a place in the clause", "Russian troops attacked Ukrainian soldiers in Donetsk.",
			[]string{"s0 RUSMIL 190 UKRMIL 2019-12-19/day at Donetsk,UKR,sentence"}, 0},
		{"a dateline gives place and date", "KABUL, Dec 19 (Reuters) - Taliban fighters attacked Afghan police.",
			[]string{"s1 AFGREBUAF 190 AFGCOP 2019-12-19/day (Dec 19) at Kabul,AFG,dateline"}, 0},
		{"the dateline's date is the story's day", "KABUL, Dec 17 (Reuters) -\nTaliban fighters attacked Afghan police. The Afghan police arrested two Taliban fighters the day before.",
			[]string{"s1 AFGREBUAF 190 AFGCOP 2019-12-17/day (Dec 17) at Kabul,AFG,dateline", "s2 AFGCOP 173 AFGREBUAF 2019-12-16/day (the day before) at Kabul,AFG,dateline"}, 0},
		{"the same event twice is one event", "Russia attacked Ukraine. Russia attacked Ukraine again.",
			[]string{"s0 RUS 190 UKR 2019-12-19/day mentions=[0 1]"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := eng.CodeDocument(&annalist.Document{ID: "t", Date: pub, Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range res.Events {
				got = append(got, eventLine(e))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || res.Withheld != tt.withheld {
				t.Errorf("got (withheld %d)\n%s\nwant (withheld %d)\n%s", res.Withheld, strings.Join(got, "\n"), tt.withheld, strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestQuotesAndNoPublicationDate(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	eng := defaultEngine(t)
	res, err := eng.CodeDocument(&annalist.Document{ID: "q", Text: `"We will never accept this," Chinese Foreign Minister Wang Yi said, as quoted by Xinhua. On Wednesday, Russia attacked Ukraine.`})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Quotes) != 1 {
		t.Fatalf("quotes = %+v", res.Quotes)
	}
	q := res.Quotes[0]
	if q.Text != "We will never accept this" || q.Speaker == nil || q.Speaker.Code != "CHNGOV" || q.Outlet != "Xinhua" || q.SentenceIndex != 0 || q.Span != (annalist.Span{Start: 1, End: 26}) {
		t.Errorf("quote = %+v speaker %+v", q, q.Speaker)
	}
	// Without a publication date "Wednesday" cannot be resolved: the event is undated, not guessed.
	if len(res.Events) != 1 || res.Events[0].Date != "" || res.Events[0].DatePrecision != "" {
		t.Errorf("events = %+v", res.Events)
	}
}

// TestStoryDiscard: a story-level discard phrase anywhere sets the whole
// article aside, and says which; what earlier sentences skipped or withheld
// is not counted on top.
func TestStoryDiscard(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the language models")
	}
	eng := defaultEngine(t)
	doc := &annalist.Document{ID: "d", Date: time.Date(2020, 1, 8, 0, 0, 0, 0, time.UTC),
		Text: "Iran did not criticize France on Wednesday. Russia attacked Ukraine on Tuesday. The defending champion beat the French team in Paris."}
	res, err := eng.CodeDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	if res.StoryDiscard != "+DEFENDING CHAMPION" || res.Events != nil || res.Quotes != nil || res.Withheld != 0 || res.Skipped != 0 || res.Sentences != 3 {
		t.Errorf("result %+v, want the discard phrase, 3 sentences and nothing else", res)
	}
	// Without the discard phrase the same article codes and withholds.
	doc.Text, doc.Sentences = "Iran did not criticize France on Wednesday. Russia attacked Ukraine on Tuesday.", nil
	if res, err = eng.CodeDocument(doc); err != nil || res.StoryDiscard != "" || len(res.Events) == 0 || res.Withheld != 1 {
		t.Errorf("without the phrase: %+v, %v; want events and one withheld", res, err)
	}
}

// TestAnalyzeForCoding checks that coding a document analysed by
// AnalyzeForCoding gives exactly what CodeDocument gives from the raw text,
// and that only body sentences no discard phrase excludes were analysed.
func TestAnalyzeForCoding(t *testing.T) {
	eng := defaultEngine(t)
	docs := wikinewsDocs(t)
	docs = docs[:min(len(docs), 60)]
	left := 0
	for _, raw := range docs {
		full := raw
		want, err := eng.CodeDocument(&full)
		if err != nil {
			t.Fatal(err)
		}
		lean := raw
		if err := eng.AnalyzeForCoding(&lean); err != nil {
			t.Fatal(err)
		}
		if len(lean.Sentences) != len(full.Sentences) {
			t.Fatalf("%s: %d sentences, want %d", raw.ID, len(lean.Sentences), len(full.Sentences))
		}
		for i := range lean.Sentences {
			s := &lean.Sentences[i]
			needed := s.Kind == annalist.KindBody && !eng.coder.SkipsSentence(s)
			if tagged := len(s.Tokens) > 0 && s.Tokens[0].Tag != ""; tagged != needed {
				t.Errorf("%s sentence %d (%q, kind %q): tagged %v, want %v", raw.ID, i, s.Text, s.Kind, tagged, needed)
			}
			if !needed {
				left++
			}
		}
		got, err := eng.CodeDocument(&lean)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: coded after AnalyzeForCoding:\n%+v\nwant\n%+v", raw.ID, got, want)
		}
	}
	if left == 0 {
		t.Errorf("no sentence left unanalysed in %d documents: the test checks nothing", len(docs))
	}
	t.Logf("%d sentences left unanalysed in %d documents", left, len(docs))
}
