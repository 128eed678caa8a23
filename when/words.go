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
	kwNumber // a number word, one..ninety: value from numberWord

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
	// lower-case words after a four-digit number that make it a quantity or
	// a clock time, not a year ("2000 troops", "1922 UTC")
	kwCountNoun
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

// lookup returns the keyword of a word made of ASCII letters, folding case.
func lookup(w string) kw {
	var b [13]byte
	if len(w) > len(b) {
		return kwNone
	}
	for i := 0; i < len(w); i++ {
		b[i] = w[i] | 0x20
	}
	switch string(b[:len(w)]) {
	case "january":
		return kwJanuary
	case "february":
		return kwFebruary
	case "march":
		return kwMarch
	case "april":
		return kwApril
	case "may":
		return kwMay
	case "june":
		return kwJune
	case "july":
		return kwJuly
	case "august":
		return kwAugust
	case "september":
		return kwSeptember
	case "october":
		return kwOctober
	case "november":
		return kwNovember
	case "december":
		return kwDecember
	case "jan":
		return kwJan
	case "feb":
		return kwFeb
	case "mar":
		return kwMar
	case "apr":
		return kwApr
	case "jun":
		return kwJun
	case "jul":
		return kwJul
	case "aug":
		return kwAug
	case "sep", "sept":
		return kwSep
	case "oct":
		return kwOct
	case "nov":
		return kwNov
	case "dec":
		return kwDec
	case "sunday":
		return kwSunday
	case "monday":
		return kwMonday
	case "tuesday":
		return kwTuesday
	case "wednesday":
		return kwWednesday
	case "thursday":
		return kwThursday
	case "friday":
		return kwFriday
	case "saturday":
		return kwSaturday
	case "yesterday":
		return kwYesterday
	case "today":
		return kwToday
	case "tomorrow":
		return kwTomorrow
	case "tonight":
		return kwTonight
	case "overnight":
		return kwOvernight
	case "morning":
		return kwMorning
	case "afternoon":
		return kwAfternoon
	case "evening":
		return kwEvening
	case "night":
		return kwNight
	case "day", "days":
		return kwDay
	case "week", "weeks":
		return kwWeek
	case "month", "months":
		return kwMonthUnit
	case "year", "years":
		return kwYearUnit
	case "weekend":
		return kwWeekend
	case "last":
		return kwLast
	case "this":
		return kwThis
	case "next":
		return kwNext
	case "past":
		return kwPast
	case "coming":
		return kwComing
	case "previous":
		return kwPrevious
	case "following":
		return kwFollowing
	case "preceding":
		return kwPreceding
	case "same":
		return kwSame
	case "that":
		return kwThat
	case "early":
		return kwEarly
	case "earlier":
		return kwEarlier
	case "late":
		return kwLate
	case "later":
		return kwLater
	case "mid":
		return kwMid
	case "end":
		return kwEnd
	case "beginning":
		return kwBeginning
	case "start":
		return kwStart
	case "middle":
		return kwMiddle
	case "the":
		return kwThe
	case "of":
		return kwOf
	case "in":
		return kwIn
	case "on":
		return kwOn
	case "ago":
		return kwAgo
	case "before":
		return kwBefore
	case "after":
		return kwAfter
	case "a", "an":
		return kwA
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
		"eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
		"eighty", "ninety":
		return kwNumber
	case "since":
		return kwSince
	case "until", "till":
		return kwUntil
	case "through", "throughout":
		return kwThrough
	case "during":
		return kwDuring
	case "by":
		return kwBy
	case "from":
		return kwFrom
	case "between":
		return kwBetween
	case "for":
		return kwFor
	case "and":
		return kwAnd
	case "or":
		return kwOr
	case "to":
		return kwTo
	case "st", "nd", "rd", "th":
		return kwOrdinal
	case "s":
		return kwS
	case "black", "good", "cyber", "super", "bloody", "ash", "holy", "maundy", "palm",
		"easter", "man", "girl", "giving", "manic":
		return kwNameBefore
	case "times", "telegraph", "express", "mirror", "mail", "post", "herald", "star",
		"independent", "observer", "tribune", "sport":
		return kwPaper
	case "people", "persons", "men", "women", "children", "troops", "soldiers", "police",
		"officers", "workers", "residents", "students", "families", "homes", "houses",
		"buildings", "cases", "deaths", "votes", "seats", "members", "delegates",
		"protesters", "refugees", "migrants", "prisoners", "jobs", "units", "vehicles",
		"cars", "flights", "passengers", "signatures", "utc", "gmt", "hours", "hrs",
		"local", "km", "kilometres", "kilometers", "miles", "metres", "meters", "feet",
		"ft", "kg", "tonnes", "tons", "mph", "percent", "dollars", "euros", "pounds",
		"yuan", "rupees", "yen":
		return kwCountNoun
	case "nearly", "over", "about", "around", "some", "almost", "roughly",
		"approximately", "than", "least", "only", "just", "total", "estimated",
		"additional", "another", "up":
		return kwApprox
	case "no", "nos", "number", "flight", "route", "room", "page", "pp", "channel",
		"version", "chapter", "section", "article", "resolution", "model", "highway",
		"interstate", "code":
		return kwLabel
	}
	return kwNone
}

// numberWord returns the value of a number word, or 0.
func numberWord(w string) int {
	var b [10]byte
	if len(w) > len(b) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		b[i] = w[i] | 0x20
	}
	switch string(b[:len(w)]) {
	case "a", "an", "one":
		return 1
	case "two":
		return 2
	case "three":
		return 3
	case "four":
		return 4
	case "five":
		return 5
	case "six":
		return 6
	case "seven":
		return 7
	case "eight":
		return 8
	case "nine":
		return 9
	case "ten":
		return 10
	case "eleven":
		return 11
	case "twelve":
		return 12
	case "thirteen":
		return 13
	case "fourteen":
		return 14
	case "fifteen":
		return 15
	case "sixteen":
		return 16
	case "seventeen":
		return 17
	case "eighteen":
		return 18
	case "nineteen":
		return 19
	case "twenty":
		return 20
	case "thirty":
		return 30
	case "forty":
		return 40
	case "fifty":
		return 50
	case "sixty":
		return 60
	case "seventy":
		return 70
	case "eighty":
		return 80
	case "ninety":
		return 90
	}
	return 0
}
