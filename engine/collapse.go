package engine

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"github.com/annalist/annalist"
)

// CollapseKey returns the key corpus-wide one-a-day de-duplication groups
// events by: date, source code, target code and event code, joined by NUL
// bytes. Modality is not part of the key, as in GDELT.
func CollapseKey(ev *annalist.Event) string {
	return strings.Join([]string{ev.Date, ev.Source.Code, ev.Target.Code, ev.Event.Code}, "\x00")
}

// CollapsedEvent is the one event that stands for every event of a corpus
// with the same CollapseKey. The embedded Event is the representative: the
// event from the smallest (DocID, SentenceIndex), ties broken by Modality and
// then by the event's JSON encoding, so that the choice does not depend on
// input order. Its Mentions and MentionCount are still those of the
// representative's own article. Event's fields are promoted (c.DocID,
// c.Source) except its CAMEO type, which is c.Event.Event. The JSON encoding
// is the event's with num_mentions and num_articles added.
type CollapsedEvent struct {
	annalist.Event
	// NumMentions is the number of distinct (article, sentence) pairs that
	// report the event across the corpus: the sum of the articles'
	// MentionCount when an article's events for the key share no sentence.
	// It is GDELT's NumMentions.
	NumMentions int `json:"num_mentions"`
	// NumArticles is the number of distinct articles (DocID) that report the
	// event, GDELT's NumArticles.
	NumArticles int `json:"num_articles"`
}

// ArticleMentions is what a Tally keeps of one article: its id and the
// sorted sentence indexes that report the event.
type ArticleMentions struct {
	DocID     string `json:"doc_id"`
	Sentences []int  `json:"sentences"`
}

// Tally accumulates the events of one CollapseKey in any order and in any
// grouping: Add and Merge are commutative and associative, so a parallel
// runner may combine partial tallies as it likes and get the same result as
// Collapse. The zero value is an empty tally. A Tally remembers every
// article that reported its event, so its size grows with that number.
type Tally struct {
	// Rep is the representative event so far; meaningless while Articles is empty.
	Rep annalist.Event `json:"rep"`
	// Articles lists the reporting articles sorted by DocID.
	Articles []ArticleMentions `json:"articles"`
}

// Empty reports whether nothing has been added to t.
func (t *Tally) Empty() bool { return len(t.Articles) == 0 }

// Add counts one event into t. An event without Mentions counts its
// SentenceIndex as its one mention. Add does not check that ev has the
// tally's key: callers group by CollapseKey. The representative shares
// ev's slices; the tally's own counts do not.
func (t *Tally) Add(ev annalist.Event) {
	sents := ev.Mentions
	if len(sents) == 0 {
		sents = []int{ev.SentenceIndex}
	}
	first := t.Empty()
	t.addArticle(ArticleMentions{DocID: ev.DocID, Sentences: sents})
	if first || repLess(&ev, &t.Rep) {
		t.Rep = ev
	}
}

// Merge adds every event counted in u into t; u is not changed.
func (t *Tally) Merge(u Tally) {
	if u.Empty() {
		return
	}
	first := t.Empty()
	for _, a := range u.Articles {
		t.addArticle(a)
	}
	if first || repLess(&u.Rep, &t.Rep) {
		t.Rep = u.Rep
	}
}

// addArticle merges one article's sentences into t.Articles, keeping both
// the list and each sentence list sorted and free of duplicates. The
// sentence slice is copied, never aliased.
func (t *Tally) addArticle(a ArticleMentions) {
	i := sort.Search(len(t.Articles), func(i int) bool { return t.Articles[i].DocID >= a.DocID })
	if i < len(t.Articles) && t.Articles[i].DocID == a.DocID {
		t.Articles[i].Sentences = unionSorted(t.Articles[i].Sentences, a.Sentences)
		return
	}
	t.Articles = slices.Insert(t.Articles, i, ArticleMentions{DocID: a.DocID, Sentences: unionSorted(nil, a.Sentences)})
}

// Result returns the collapsed event; the zero CollapsedEvent for an empty tally.
func (t *Tally) Result() CollapsedEvent {
	if t.Empty() {
		return CollapsedEvent{}
	}
	n := 0
	for _, a := range t.Articles {
		n += len(a.Sentences)
	}
	return CollapsedEvent{Event: t.Rep, NumMentions: n, NumArticles: len(t.Articles)}
}

// Collapse applies corpus-wide one-a-day de-duplication: one CollapsedEvent
// per CollapseKey, with GDELT's mention and article counts, sorted by key.
// The result does not depend on the order of events. It is the rule the
// Beam pipeline's combiner applies, so the single binary and the pipeline
// agree event for event.
func Collapse(events []annalist.Event) []CollapsedEvent {
	tallies := map[string]*Tally{}
	for _, ev := range events {
		k := CollapseKey(&ev)
		t := tallies[k]
		if t == nil {
			t = &Tally{}
			tallies[k] = t
		}
		t.Add(ev)
	}
	keys := make([]string, 0, len(tallies))
	for k := range tallies {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]CollapsedEvent, len(keys))
	for i, k := range keys {
		out[i] = tallies[k].Result()
	}
	return out
}

// repLess orders candidate representatives: by DocID, SentenceIndex and
// Modality, then by JSON encoding so that distinct events never tie.
func repLess(a, b *annalist.Event) bool {
	if a.DocID != b.DocID {
		return a.DocID < b.DocID
	}
	if a.SentenceIndex != b.SentenceIndex {
		return a.SentenceIndex < b.SentenceIndex
	}
	if a.Modality != b.Modality {
		return a.Modality < b.Modality
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return string(ja) < string(jb)
}

// unionSorted returns the sorted union without duplicates of a (sorted, owned
// by the caller) and b (any order), in a new slice when a is nil.
func unionSorted(a, b []int) []int {
	for _, x := range b {
		i, found := slices.BinarySearch(a, x)
		if !found {
			a = slices.Insert(a, i, x)
		}
	}
	return a
}
