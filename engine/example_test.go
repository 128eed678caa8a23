package engine_test

import (
	"fmt"
	"log"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
)

// Code a short article: the engine splits, tags and parses the text, codes
// each sentence and resolves the date against the publication date.
func ExampleEngine_CodeDocument() {
	eng, err := engine.New(engine.Config{})
	if err != nil {
		log.Fatal(err)
	}
	doc := &annalist.Document{
		ID:   "example-1",
		Date: time.Date(2024, time.March, 8, 0, 0, 0, 0, time.UTC),
		Text: "Pakistani police arrested three suspected militants in Karachi on Wednesday. " +
			"Iran's foreign minister met his Turkish counterpart in Ankara a day before.",
	}
	res, err := eng.CodeDocument(doc)
	if err != nil {
		log.Fatal(err)
	}
	for _, ev := range res.Events {
		place := ""
		if ev.Location != nil {
			place = ev.Location.Name + ", " + ev.Location.Country
		}
		fmt.Printf("%s %s %s %s %q in %q [%s]\n", ev.Date, ev.Source.Code, ev.Event.Code, ev.Target.Code, ev.Evidence.Verb, place, ev.Event.Name)
	}
	// Output:
	// 2024-03-06 PAKCOP 173 PAKUAF "arrested" in "Karachi, PAK" [Arrest, detain, or charge with legal action]
	// 2024-03-05 IRNGOV 040 TUR "met" in "Ankara, TUR" [Consult]
}

// Code sentences that come with Penn Treebank parses, as PETRARCH's XML
// records do; no language models are loaded.
func ExampleEngine_CodeSentences() {
	eng, err := engine.New(engine.Config{})
	if err != nil {
		log.Fatal(err)
	}
	s, err := engine.ParsedSentence(0, "Israeli soldiers killed two Palestinians.",
		"(ROOT (S (NP (JJ Israeli) (NNS soldiers)) (VP (VBD killed) (NP (CD two) (NNPS Palestinians))) (. .)))")
	if err != nil {
		log.Fatal(err)
	}
	doc := &annalist.Document{ID: "example-2", Date: time.Date(2015, 6, 1, 0, 0, 0, 0, time.UTC), Sentences: []annalist.Sentence{s}}
	for _, ev := range eng.CodeSentences(doc).Events {
		fmt.Println(ev.Source.Code, ev.Event.Code, ev.Target.Code, ev.Event.QuadClass)
	}
	// Output:
	// ISRMIL 190 PSE 4
}

// Collapse many articles' events into one record per actor pair, event
// code and day, counting the articles and mentions behind each, as GDELT does.
func ExampleCollapse() {
	ev := func(doc string, mentions ...int) annalist.Event {
		return annalist.Event{DocID: doc, SentenceIndex: mentions[0], Date: "2024-03-06",
			Mentions: mentions, MentionCount: len(mentions),
			Source: annalist.Actor{Code: "PAKCOP"}, Target: annalist.Actor{Code: "PAKREB"},
			Event: annalist.EventType{Code: "173"}}
	}
	for _, c := range engine.Collapse([]annalist.Event{ev("a", 0, 4), ev("b", 2), ev("a", 7)}) {
		fmt.Println(c.Source.Code, c.Event.Event.Code, c.Target.Code, c.Date, "articles:", c.NumArticles, "mentions:", c.NumMentions)
	}
	// Output:
	// PAKCOP 173 PAKREB 2024-03-06 articles: 2 mentions: 4
}
