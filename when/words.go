package when

import "time"

// kw identifies a word that matters to the grammar, whatever its case.
// Whether case matters (months and weekdays must be capitalised) is the
// grammar's business.
type kw uint8

// Keywords. The order of the month and weekday blocks is relied on by
// month() and weekday().
const (
	kwNone kw = iota

	// January..December, full names (month() gives the time.Month)
	kwJanuary
	kwFebruary
	kwMarch
	kwApril
	kwMay
	kwJune
	kwJuly
	kwAugust
	kwSeptember
	kwOctober
	kwNovember
	kwDecember
	// Jan..Dec, abbreviations (there is none for May); Sep and Sept are both kwSep
	kwJan
	kwFeb
	kwMar
	kwApr
	kwMayAbbr // unused: keeps the block aligned with the full names
	kwJun
	kwJul
	kwAug
	kwSep
	kwOct
	kwNov
	kwDec

	// Sunday..Saturday in time.Weekday order
	kwSunday
	kwMonday
	kwTuesday
	kwWednesday
	kwThursday
	kwFriday
	kwSaturday

	kwYesterday
	kwToday
	kwTomorrow
	kwTonight
	kwOvernight

	// parts of the day
	kwMorning
	kwAfternoon
	kwEvening
	kwNight

	// units, singular or plural
	kwDay
	kwWeek
	kwMonthUnit
	kwYearUnit
	kwWeekend

	// deixis and narrative words
	kwLast
	kwThis
	kwNext
	kwPast
	kwComing
	kwPrevious
	kwFollowing
	kwPreceding
	kwSame
	kwThat

	// position within a period
	kwEarly
	kwEarlier
	kwLate
	kwLater
	kwMid
	kwEnd
	kwBeginning
	kwStart
	kwMiddle

	kwThe
	kwOf
	kwIn
	kwOn
	kwAgo
	kwBefore
	kwAfter
	kwA      // "a" or "an"
	kwNumber // a number word, one..ninety: its value is in the token's val

	// words that introduce a month or a year
	kwSince
	kwUntil   // until, till
	kwThrough // through, throughout
	kwDuring
	kwBy
	kwFrom
	kwBetween
	kwFor
	kwAnd
	kwOr
	kwTo

	// ordinal suffixes glued to a day number, and the s of "1990s"
	kwOrdinal
	kwS

	// capitalised words that make a weekday part of a name ("Black Friday")
	kwNameBefore
	// capitalised words that make a weekday the name of a paper ("Sunday Times")
	kwPaper
	// lower-case words after a four-digit number that make it a quantity,
	// not a year ("2000 troops", "1999 kilometres")
	kwCountNoun
	// words, in any case, after a four-digit number that make it a clock
	// time ("1922 UTC", "0300 GMT", "1700 hours")
	kwClock
	// words before a number that make it a count ("nearly 2000 people")
	kwApprox
	// words before a number that make it an identifier ("Resolution 2334")
	kwLabel
)

// month returns the month of a month keyword and whether k is one.
func (k kw) month() (time.Month, bool) {
	switch {
	case k >= kwJanuary && k <= kwDecember:
		return time.Month(k - kwJanuary + 1), true
	case k >= kwJan && k <= kwDec && k != kwMayAbbr:
		return time.Month(k - kwJan + 1), true
	}
	return 0, false
}

// abbrev reports whether k is an abbreviated month name.
func (k kw) abbrev() bool { return k >= kwJan && k <= kwDec }

// weekday returns the weekday of a weekday keyword and whether k is one.
func (k kw) weekday() (time.Weekday, bool) {
	if k >= kwSunday && k <= kwSaturday {
		return time.Weekday(k - kwSunday), true
	}
	return 0, false
}

// head reports whether an expression can be built around k: every
// expression contains such a word or a number.
func (k kw) head() bool {
	return k >= kwJanuary && k <= kwWeekend
}

// partOfDay reports whether k is morning, afternoon, evening or night.
func (k kw) partOfDay() bool { return k >= kwMorning && k <= kwNight }

// keyword is an entry of the keyword list: the word in lower case, its
// keyword and, for number words, its value.
type keyword struct {
	word string
	kw   kw
	n    uint8
}

// keywords lists every word the grammar knows.
var keywords = [...]keyword{
	{"january", kwJanuary, 0},
	{"february", kwFebruary, 0},
	{"march", kwMarch, 0},
	{"april", kwApril, 0},
	{"may", kwMay, 0},
	{"june", kwJune, 0},
	{"july", kwJuly, 0},
	{"august", kwAugust, 0},
	{"september", kwSeptember, 0},
	{"october", kwOctober, 0},
	{"november", kwNovember, 0},
	{"december", kwDecember, 0},
	{"jan", kwJan, 0},
	{"feb", kwFeb, 0},
	{"mar", kwMar, 0},
	{"apr", kwApr, 0},
	{"jun", kwJun, 0},
	{"jul", kwJul, 0},
	{"aug", kwAug, 0},
	{"sep", kwSep, 0},
	{"sept", kwSep, 0},
	{"oct", kwOct, 0},
	{"nov", kwNov, 0},
	{"dec", kwDec, 0},
	{"sunday", kwSunday, 0},
	{"monday", kwMonday, 0},
	{"tuesday", kwTuesday, 0},
	{"wednesday", kwWednesday, 0},
	{"thursday", kwThursday, 0},
	{"friday", kwFriday, 0},
	{"saturday", kwSaturday, 0},
	{"yesterday", kwYesterday, 0},
	{"today", kwToday, 0},
	{"tomorrow", kwTomorrow, 0},
	{"tonight", kwTonight, 0},
	{"overnight", kwOvernight, 0},
	{"morning", kwMorning, 0},
	{"afternoon", kwAfternoon, 0},
	{"evening", kwEvening, 0},
	{"night", kwNight, 0},
	{"day", kwDay, 0},
	{"days", kwDay, 0},
	{"week", kwWeek, 0},
	{"weeks", kwWeek, 0},
	{"month", kwMonthUnit, 0},
	{"months", kwMonthUnit, 0},
	{"year", kwYearUnit, 0},
	{"years", kwYearUnit, 0},
	{"weekend", kwWeekend, 0},
	{"last", kwLast, 0},
	{"this", kwThis, 0},
	{"next", kwNext, 0},
	{"past", kwPast, 0},
	{"coming", kwComing, 0},
	{"previous", kwPrevious, 0},
	{"following", kwFollowing, 0},
	{"preceding", kwPreceding, 0},
	{"same", kwSame, 0},
	{"that", kwThat, 0},
	{"early", kwEarly, 0},
	{"earlier", kwEarlier, 0},
	{"late", kwLate, 0},
	{"later", kwLater, 0},
	{"mid", kwMid, 0},
	{"end", kwEnd, 0},
	{"beginning", kwBeginning, 0},
	{"start", kwStart, 0},
	{"middle", kwMiddle, 0},
	{"the", kwThe, 0},
	{"of", kwOf, 0},
	{"in", kwIn, 0},
	{"on", kwOn, 0},
	{"ago", kwAgo, 0},
	{"before", kwBefore, 0},
	{"after", kwAfter, 0},
	{"a", kwA, 1},
	{"an", kwA, 1},
	{"one", kwNumber, 1},
	{"two", kwNumber, 2},
	{"three", kwNumber, 3},
	{"four", kwNumber, 4},
	{"five", kwNumber, 5},
	{"six", kwNumber, 6},
	{"seven", kwNumber, 7},
	{"eight", kwNumber, 8},
	{"nine", kwNumber, 9},
	{"ten", kwNumber, 10},
	{"eleven", kwNumber, 11},
	{"twelve", kwNumber, 12},
	{"thirteen", kwNumber, 13},
	{"fourteen", kwNumber, 14},
	{"fifteen", kwNumber, 15},
	{"sixteen", kwNumber, 16},
	{"seventeen", kwNumber, 17},
	{"eighteen", kwNumber, 18},
	{"nineteen", kwNumber, 19},
	{"twenty", kwNumber, 20},
	{"thirty", kwNumber, 30},
	{"forty", kwNumber, 40},
	{"fifty", kwNumber, 50},
	{"sixty", kwNumber, 60},
	{"seventy", kwNumber, 70},
	{"eighty", kwNumber, 80},
	{"ninety", kwNumber, 90},
	{"since", kwSince, 0},
	{"until", kwUntil, 0},
	{"till", kwUntil, 0},
	{"through", kwThrough, 0},
	{"throughout", kwThrough, 0},
	{"during", kwDuring, 0},
	{"by", kwBy, 0},
	{"from", kwFrom, 0},
	{"between", kwBetween, 0},
	{"for", kwFor, 0},
	{"and", kwAnd, 0},
	{"or", kwOr, 0},
	{"to", kwTo, 0},
	{"st", kwOrdinal, 0},
	{"nd", kwOrdinal, 0},
	{"rd", kwOrdinal, 0},
	{"th", kwOrdinal, 0},
	{"s", kwS, 0},
	{"black", kwNameBefore, 0},
	{"good", kwNameBefore, 0},
	{"cyber", kwNameBefore, 0},
	{"super", kwNameBefore, 0},
	{"bloody", kwNameBefore, 0},
	{"ash", kwNameBefore, 0},
	{"holy", kwNameBefore, 0},
	{"maundy", kwNameBefore, 0},
	{"palm", kwNameBefore, 0},
	{"easter", kwNameBefore, 0},
	{"man", kwNameBefore, 0},
	{"girl", kwNameBefore, 0},
	{"giving", kwNameBefore, 0},
	{"manic", kwNameBefore, 0},
	{"times", kwPaper, 0},
	{"telegraph", kwPaper, 0},
	{"express", kwPaper, 0},
	{"mirror", kwPaper, 0},
	{"mail", kwPaper, 0},
	{"post", kwPaper, 0},
	{"herald", kwPaper, 0},
	{"star", kwPaper, 0},
	{"independent", kwPaper, 0},
	{"observer", kwPaper, 0},
	{"tribune", kwPaper, 0},
	{"sport", kwPaper, 0},
	{"people", kwCountNoun, 0},
	{"persons", kwCountNoun, 0},
	{"men", kwCountNoun, 0},
	{"women", kwCountNoun, 0},
	{"children", kwCountNoun, 0},
	{"troops", kwCountNoun, 0},
	{"soldiers", kwCountNoun, 0},
	{"police", kwCountNoun, 0},
	{"officers", kwCountNoun, 0},
	{"workers", kwCountNoun, 0},
	{"residents", kwCountNoun, 0},
	{"students", kwCountNoun, 0},
	{"families", kwCountNoun, 0},
	{"homes", kwCountNoun, 0},
	{"houses", kwCountNoun, 0},
	{"buildings", kwCountNoun, 0},
	{"cases", kwCountNoun, 0},
	{"deaths", kwCountNoun, 0},
	{"votes", kwCountNoun, 0},
	{"seats", kwCountNoun, 0},
	{"members", kwCountNoun, 0},
	{"delegates", kwCountNoun, 0},
	{"protesters", kwCountNoun, 0},
	{"refugees", kwCountNoun, 0},
	{"migrants", kwCountNoun, 0},
	{"prisoners", kwCountNoun, 0},
	{"jobs", kwCountNoun, 0},
	{"units", kwCountNoun, 0},
	{"vehicles", kwCountNoun, 0},
	{"cars", kwCountNoun, 0},
	{"flights", kwCountNoun, 0},
	{"passengers", kwCountNoun, 0},
	{"signatures", kwCountNoun, 0},
	{"utc", kwClock, 0},
	{"gmt", kwClock, 0},
	{"hours", kwClock, 0},
	{"hrs", kwClock, 0},
	{"local", kwClock, 0},
	{"km", kwCountNoun, 0},
	{"kilometres", kwCountNoun, 0},
	{"kilometers", kwCountNoun, 0},
	{"miles", kwCountNoun, 0},
	{"metres", kwCountNoun, 0},
	{"meters", kwCountNoun, 0},
	{"feet", kwCountNoun, 0},
	{"ft", kwCountNoun, 0},
	{"kg", kwCountNoun, 0},
	{"tonnes", kwCountNoun, 0},
	{"tons", kwCountNoun, 0},
	{"mph", kwCountNoun, 0},
	{"percent", kwCountNoun, 0},
	{"dollars", kwCountNoun, 0},
	{"euros", kwCountNoun, 0},
	{"pounds", kwCountNoun, 0},
	{"yuan", kwCountNoun, 0},
	{"rupees", kwCountNoun, 0},
	{"yen", kwCountNoun, 0},
	{"nearly", kwApprox, 0},
	{"over", kwApprox, 0},
	{"about", kwApprox, 0},
	{"around", kwApprox, 0},
	{"some", kwApprox, 0},
	{"almost", kwApprox, 0},
	{"roughly", kwApprox, 0},
	{"approximately", kwApprox, 0},
	{"than", kwApprox, 0},
	{"least", kwApprox, 0},
	{"only", kwApprox, 0},
	{"just", kwApprox, 0},
	{"total", kwApprox, 0},
	{"estimated", kwApprox, 0},
	{"additional", kwApprox, 0},
	{"another", kwApprox, 0},
	{"up", kwApprox, 0},
	{"no", kwLabel, 0},
	{"nos", kwLabel, 0},
	{"number", kwLabel, 0},
	{"flight", kwLabel, 0},
	{"route", kwLabel, 0},
	{"room", kwLabel, 0},
	{"page", kwLabel, 0},
	{"pp", kwLabel, 0},
	{"channel", kwLabel, 0},
	{"version", kwLabel, 0},
	{"chapter", kwLabel, 0},
	{"section", kwLabel, 0},
	{"article", kwLabel, 0},
	{"resolution", kwLabel, 0},
	{"model", kwLabel, 0},
	{"highway", kwLabel, 0},
	{"interstate", kwLabel, 0},
	{"code", kwLabel, 0},
}

// kwSlots is the size of the open-addressing table over keywords; a power
// of two, a little more than twice the number of keywords.
const kwSlots = 512

// kwIndex maps hashWord values to 1 + the index in keywords of the word,
// or 0 for none. It is built once and never written again.
var kwIndex = buildKwIndex()

func buildKwIndex() *[kwSlots]uint16 {
	var t [kwSlots]uint16
	for i, k := range keywords {
		h := uint32(fnvBasis)
		for j := 0; j < len(k.word); j++ {
			h = hashStep(h, k.word[j])
		}
		s := slot(h)
		for t[s] != 0 {
			s = (s + 1) & (kwSlots - 1)
		}
		t[s] = uint16(i + 1)
	}
	return &t
}

// fnvBasis is the hash of the empty word.
const fnvBasis = 2166136261

// hashStep adds one ASCII letter, case-folded, to a word hash (FNV-1a).
func hashStep(h uint32, c byte) uint32 {
	return (h ^ uint32(c|0x20)) * 16777619
}

// slot returns the first table slot of a hash.
func slot(h uint32) uint32 { return (h * 2654435761) >> (32 - 9) }

// lookup returns the keyword entry of a word made of ASCII letters whose
// hash (hashStep over its bytes) is h, folding case, or nil.
func lookup(w string, h uint32) *keyword {
	if len(w) > 13 {
		return nil
	}
	for s := slot(h); kwIndex[s] != 0; s = (s + 1) & (kwSlots - 1) {
		k := &keywords[kwIndex[s]-1]
		if len(k.word) == len(w) && equalFold(k.word, w) {
			return k
		}
	}
	return nil
}

// equalFold compares a lower-case ASCII word with ASCII letters, folding case.
func equalFold(lower, w string) bool {
	for i := 0; i < len(w); i++ {
		if lower[i] != w[i]|0x20 {
			return false
		}
	}
	return true
}
