package engine

import (
	"sort"
	"strings"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/coder"
	"github.com/annalist/annalist/tokenize"
)

// DocumentResult is everything coding an article produced.
type DocumentResult struct {
	// Events are the article's events after de-duplication: identical (date,
	// source, target, code) events are one event with all their sentences in
	// Mentions.
	Events []annalist.Event
	// Quotes are the direct quotations with their speakers and outlets.
	Quotes []annalist.Quote
	// Suggestions propose dictionary entries for actors the dictionaries lack.
	Suggestions []annalist.Suggestion
	// Sentences is the number of sentences analysed; Skipped those a discard
	// phrase excluded. StoryDiscard is set when the whole article was
	// discarded; Skipped and Withheld are then 0.
	Sentences, Skipped int
	StoryDiscard       string
	// Withheld counts events not reported because they were negated,
	// hypothetical or historical background (pluperfect, or dated by the text
	// months or years before publication); Config.KeepModal keeps them,
	// marked in their Modality.
	Withheld int
}

// AnalyzeForCoding fills doc.Sentences from doc.Text as CodeDocument would,
// except that only the sentences coding reads the analysis of are tagged and
// parsed: body sentences that no discard phrase excludes. Headlines,
// captions, datelines and discarded sentences are split and tokenized only.
// CodeDocument then codes doc exactly as it would have coded the text, for
// less work; callers that show or store the tokens of every sentence should
// not use it. It does nothing when doc.Sentences is already set or doc.Text
// empty, and fails only when the language models cannot be loaded.
func (e *Engine) AnalyzeForCoding(doc *annalist.Document) error {
	if len(doc.Sentences) > 0 || doc.Text == "" {
		return nil
	}
	an, err := e.Analyzer()
	if err != nil {
		return err
	}
	doc.Sentences = an.AnalyzeWhere(doc.Text, func(s *annalist.Sentence) bool {
		return s.Kind == annalist.KindBody && !e.coder.SkipsSentence(s)
	})
	return nil
}

// CodeDocument analyses an article (unless its Sentences are already
// analysed) and codes it as a whole: actors introduced once are followed
// through surnames, pronouns and role nouns; events get dates from the text
// and the publication date, places from the text and the dateline; direct
// quotes are extracted; repeated events are merged. It fails only when raw
// text needs the language models and they cannot be loaded.
func (e *Engine) CodeDocument(doc *annalist.Document) (*DocumentResult, error) {
	if len(doc.Sentences) == 0 && doc.Text != "" {
		an, err := e.Analyzer()
		if err != nil {
			return nil, err
		}
		doc.Sentences = an.Analyze(doc.Text)
	}
	res := &DocumentResult{Sentences: len(doc.Sentences)}
	d := e.coder.NewDoc(doc.ID, doc.Date)
	// The tokenizer makes a leading dateline a sentence of its own: it gives
	// the default place (unless the document names one) and the default date.
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		if s.Kind != annalist.KindDateline {
			continue
		}
		if place, _, ok := tokenize.Dateline(s.Text); ok && doc.Dateline == "" {
			doc.Dateline = place
		}
		d.SetDatelineDate(s.Text)
		break
	}
	if doc.Dateline != "" {
		d.SetDateline(doc.Dateline)
	}
	var events []annalist.Event
	for i := range doc.Sentences {
		s := &doc.Sentences[i]
		if s.Kind != annalist.KindBody {
			continue
		}
		r := d.Code(s, s.Span.Start)
		switch r.Discard {
		case coder.DiscardStory:
			// The whole article is set aside: nothing in it was
			// skipped or withheld one by one.
			res.StoryDiscard = r.DiscardEntry.Entry
			res.Events, res.Quotes, res.Suggestions = nil, nil, nil
			res.Skipped, res.Withheld = 0, 0
			return res, nil
		case coder.DiscardSentence:
			res.Skipped++
			continue
		}
		for _, ev := range r.Events {
			if !e.keepModal && (ev.Modality == coder.ModeNegation || ev.Modality == coder.ModeHypothetical || ev.Modality == coder.ModeHistorical) {
				res.Withheld++
				continue
			}
			ev.DocID = doc.ID
			ev.SentenceIndex = s.Index
			ev.SentenceText = s.Text
			events = append(events, ev)
		}
	}
	res.Events = Dedup(events)
	res.Quotes = d.Quotes()
	res.Suggestions = d.Suggestions()
	return res, nil
}

// Dedup merges events of one article that agree on date, source, target,
// code and modality: the first stays, with every sentence that reports it in
// Mentions and their number in MentionCount. Order is kept.
func Dedup(events []annalist.Event) []annalist.Event {
	idx := map[string]int{}
	var out []annalist.Event
	for _, ev := range events {
		k := strings.Join([]string{ev.Date, ev.Source.Code, ev.Target.Code, ev.Event.Code, ev.Modality}, "\x00")
		if i, ok := idx[k]; ok {
			out[i].Mentions = appendUnique(out[i].Mentions, ev.SentenceIndex)
			out[i].MentionCount = len(out[i].Mentions)
			continue
		}
		idx[k] = len(out)
		ev.Mentions = []int{ev.SentenceIndex}
		ev.MentionCount = 1
		out = append(out, ev)
	}
	return out
}

func appendUnique(list []int, x int) []int {
	for _, y := range list {
		if y == x {
			return list
		}
	}
	list = append(list, x)
	sort.Ints(list)
	return list
}

// OneADay keeps, across articles, the first event for each (date, source,
// target, code), GDELT's and Phoenix's one-a-day filter. seen carries the
// state between calls; pass the same map for a whole corpus. It streams
// (memory grows with the number of keys only) but keeps no counts and
// depends on input order; Collapse is the order-independent rule with
// GDELT's counts that annalist code --one-a-day and the Beam pipeline use.
func OneADay(events []annalist.Event, seen map[string]bool) []annalist.Event {
	var out []annalist.Event
	for _, ev := range events {
		k := CollapseKey(&ev)
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, ev)
	}
	return out
}
