package when

import (
	"time"

	"github.com/annalist/annalist"
)

// finder holds the state of one Find call.
type finder struct {
	text   string
	t      []tok
	pub    time.Time // midnight UTC of the publication day
	hasPub bool
	opts   Options
	out    []Expr
	// lastTo is the token index just after the last expression found, so
	// that "and", "or" and "to" can introduce a second month ("between May
	// and June").
	lastTo int
}

// match is an expression found at tokens [from, to) with its resolution.
type match struct {
	from, to int
	date     time.Time
	prec     Precision
	rel      bool
	// later marks "later this week/month/year", and weekends whose Saturday
	// is after the publication day: what is meant lies after the publication
	// day although the week, month or year that Date starts does not.
	later bool
	// dateline marks the date of a leading dateline: never Future.
	dateline bool
}

// mayHaveDate reports whether toks contain a number or a word that every
// expression needs, so that most sentences are rejected in one pass.
func mayHaveDate(toks []tok) bool {
	for i := range toks {
		if toks[i].kind == kNum || toks[i].kw.head() {
			return true
		}
	}
	return false
}

func (f *finder) run() {
	f.lastTo = -1
	for i := 0; i < len(f.t); {
		m, ok := f.at(i)
		if !ok {
			i++
			continue
		}
		f.emit(m)
		i = m.to
	}
}

func (f *finder) emit(m match) {
	span := annalist.Span{Start: int(f.t[m.from].start), End: int(f.t[m.to-1].end)}
	e := Expr{Span: span, Text: f.text[span.Start:span.End], Relative: m.rel}
	if m.prec != Unresolved {
		e.Date, e.Precision = m.date, m.prec
		e.Future = f.hasPub && !m.dateline && (m.later || e.Date.After(f.pub))
	}
	f.out = append(f.out, e)
	f.lastTo = m.to
}

// Token accessors, safe out of range.

func (f *finder) kwAt(i int) kw {
	if i < 0 || i >= len(f.t) || f.t[i].kind != kWord {
		return kwNone
	}
	return f.t[i].kw
}

func (f *finder) punctAt(i int, c byte) bool {
	return i >= 0 && i < len(f.t) && f.t[i].kind == kPunct && f.t[i].p == c
}

func (f *finder) gluedAt(i int) bool { return i >= 0 && i < len(f.t) && f.t[i].glued }

func (f *finder) word(i int) string { return f.text[f.t[i].start:f.t[i].end] }

// plural reports whether word i ends in s ("days", "weeks").
func (f *finder) plural(i int) bool { return f.text[f.t[i].end-1]|0x20 == 's' }

// sentenceStart reports whether token i begins the text or follows
// punctuation other than a comma.
func (f *finder) sentenceStart(i int) bool {
	return i == 0 || (f.t[i-1].kind == kPunct && f.t[i-1].p != ',')
}

// tenseMode is the default direction for bare weekdays, month-days and months.
func (f *finder) tenseMode() mode {
	if f.opts.Future {
		return modeFuture
	}
	return modePast
}

// deixisMode turns "last", "next" and "this" into a mode.
func (f *finder) deixisMode(dx kw) mode {
	switch dx {
	case kwLast:
		return modeBefore
	case kwNext:
		return modeAfter
	case kwThis:
		return modeThis
	}
	return f.tenseMode()
}

// anchor returns the period that narrative expressions counted in units of
// precision unit start from: the last resolved expression found so far,
// else Options.Anchor. An anchor coarser than the unit ("the next day"
// after "in 2025", "the previous month" after "in 2020") is no anchor: the
// expression stays unresolved rather than being dated to a whole year.
func (f *finder) anchor(unit Precision) (time.Time, Precision, bool) {
	a := f.opts.Anchor
	for k := len(f.out) - 1; k >= 0; k-- {
		if f.out[k].Precision != Unresolved {
			a = f.out[k]
			break
		}
	}
	if a.Precision.rank() == 0 || a.Date.IsZero() || a.Precision.rank() > unit.rank() {
		return time.Time{}, Unresolved, false
	}
	return truncate(a.Date.UTC(), a.Precision), a.Precision, true
}

// at returns the longest expression starting at token i.
func (f *finder) at(i int) (match, bool) {
	t := &f.t[i]
	switch t.kind {
	case kPunct:
		if t.p != '\'' {
			return match{}, false
		}
	case kWord:
		if t.kw == kwNone {
			return match{}, false
		}
		if m, ok := f.narrative(i); ok {
			return m, true
		}
		if m, ok := f.count(i); ok {
			return m, true
		}
	case kNum:
		if m, ok := f.count(i); ok {
			return m, true
		}
	}
	return f.head(i, f.prefix(i))
}

// prefix is what may come before the head of an expression: a position
// within the period ("early", "later in", "mid-", "the end of") and a
// deixis ("last", "this", "next", "this past", "the coming").
type prefix struct {
	fine kw // kwEarly, kwEarlier, kwLate, kwLater, kwMid, kwEnd or kwNone
	dx   kw // kwLast, kwThis, kwNext or kwNone
	head int
}

func (f *finder) prefix(i int) prefix {
	p := prefix{}
	j := i
	switch f.kwAt(j) {
	case kwThe:
		if k := f.kwAt(j + 1); (k == kwEnd || k == kwBeginning || k == kwStart || k == kwMiddle) && f.kwAt(j+2) == kwOf {
			p.fine = kwEnd
			j += 3
		}
	case kwEnd, kwBeginning, kwStart, kwMiddle:
		if f.kwAt(j+1) == kwOf {
			p.fine = kwEnd
			j += 2
		}
	case kwEarly, kwEarlier, kwLate, kwLater:
		p.fine = f.kwAt(j)
		j++
		if k := f.kwAt(j); k == kwIn || k == kwOn {
			j++
		}
	case kwMid:
		p.fine = kwMid
		j++
		if f.punctAt(j, '-') && f.gluedAt(j) {
			j++
		}
	}
	// "the last week", "the past year" are the last seven days or twelve
	// months, not the previous calendar period: no deixis after "the";
	// nor in a name ("Kamloops This Week", a paper).
	afterThe := f.kwAt(j-1) == kwThe
	if j < len(f.t) && f.t[j].cap && j == i && !f.sentenceStart(j) && f.t[j-1].kind == kWord && f.t[j-1].cap {
		p.head = j
		return p
	}
	switch f.kwAt(j) {
	case kwThis:
		switch f.kwAt(j + 1) {
		case kwPast:
			p.dx, j = kwLast, j+2
		case kwComing:
			p.dx, j = kwNext, j+2
		default:
			p.dx, j = kwThis, j+1
		}
	case kwLast, kwPast:
		if !afterThe {
			p.dx, j = kwLast, j+1
		}
	case kwNext, kwComing:
		if !afterThe {
			p.dx, j = kwNext, j+1
		}
	case kwThe:
		if f.kwAt(j+1) == kwComing {
			p.dx, j = kwNext, j+2
		}
	}
	p.head = j
	return p
}

// head matches the head of an expression at p.head, with the prefix that
// starts at token i.
func (f *finder) head(i int, p prefix) (match, bool) {
	h := p.head
	if h >= len(f.t) {
		return match{}, false
	}
	t := &f.t[h]
	switch t.kind {
	case kNum:
		if p.dx != kwNone {
			return match{}, false
		}
		return f.number(i, h)
	case kPunct:
		if t.p == '\'' && p.dx == kwNone {
			return f.shortDecade(i, h)
		}
		return match{}, false
	}
	if wd, ok := t.kw.weekday(); ok && t.cap {
		return f.weekdayHead(i, h, p, wd)
	}
	if m, ok := t.kw.month(); ok && t.cap {
		return f.monthHead(i, h, p, m)
	}
	switch t.kw {
	case kwYesterday, kwToday, kwTomorrow, kwTonight, kwOvernight:
		if p.dx == kwNone {
			return f.dayWord(i, h)
		}
	case kwMorning, kwAfternoon, kwEvening, kwNight:
		return f.partOfDay(i, h, p)
	case kwWeek, kwMonthUnit, kwYearUnit, kwWeekend, kwThe:
		return f.period(i, h, p)
	}
	return match{}, false
}

// weekdayHead matches "Monday", "last Monday", "Monday night", "early
// Monday", and "Monday, Dec. 19", where the date wins.
func (f *finder) weekdayHead(i, h int, p prefix, wd time.Weekday) (match, bool) {
	if h == i && h > 0 && f.t[h-1].cap && f.kwAt(h-1) == kwNameBefore {
		return match{}, false // Black Friday, Super Tuesday
	}
	if h+1 < len(f.t) && f.t[h+1].cap && f.kwAt(h+1) == kwPaper {
		return match{}, false // Sunday Times
	}
	j := h + 1
	k := j
	if f.punctAt(k, ',') {
		k++
	}
	if d, ok := f.date(k); ok {
		m := f.resolveDate(d, i)
		return m, true
	}
	if f.kwAt(j).partOfDay() && f.t[j].lower {
		j++
	}
	m := match{from: i, to: j, rel: true}
	if f.hasPub {
		md := f.deixisMode(p.dx)
		if md == modeThis {
			md = f.tenseMode()
		}
		m.date, m.prec = weekly(wd, f.pub, md), Day
	}
	return m, true
}

// monthHead matches "December 19", "Dec. 19, 2019", "December 2019",
// "August last year" and, when something licenses it, a bare month:
// "in December", "earlier in December", "mid-December", "last March".
func (f *finder) monthHead(i, h int, p prefix, mo time.Month) (match, bool) {
	if d, ok := f.date(h); ok {
		return f.resolveDate(d, i), true
	}
	j := h + 1
	abbrev := f.t[h].kw.abbrev()
	if abbrev && f.punctAt(j, '.') && f.gluedAt(j) {
		j++
	}
	// December 2019, Dec. 2019, December, 2019, March of 2019
	y := j
	if f.punctAt(y, ',') || f.kwAt(y) == kwOf {
		y++
	}
	if f.year4(y) {
		return match{from: i, to: y + 1, date: civil(int(f.t[y].val), mo, 1), prec: Month}, true
	}
	if abbrev {
		return match{}, false
	}
	// August last year, June of this year
	if n, e, ok := f.yearDeixis(j); ok {
		m := match{from: i, to: e, rel: true}
		if f.hasPub {
			m.date, m.prec = civil(f.pub.Year()+n, mo, 1), Month
		}
		return m, true
	}
	if h == i && !f.licensed(h-1, mo == time.May) {
		return match{}, false
	}
	if mo == time.May && f.punctAt(j, '\'') && f.gluedAt(j) && f.kwAt(j+1) == kwS {
		return match{}, false // in May's cabinet
	}
	m := match{from: i, to: j, rel: true}
	if f.hasPub {
		m.date, m.prec = monthly(mo, f.pub, f.deixisMode(p.dx)), Month
		m.later = p.fine == kwLater && p.dx == kwThis
	}
	return m, true
}

// yearDeixis matches "last year", "this year", "next year" after a month
// or a day, optionally after a comma or "of" ("December 22, last year",
// "June of this year"), and returns the year offset and the index after it.
func (f *finder) yearDeixis(j int) (int, int, bool) {
	if f.punctAt(j, ',') || f.kwAt(j) == kwOf {
		j++
	}
	n := 0
	switch f.kwAt(j) {
	case kwLast:
		n = -1
	case kwThis:
	case kwNext:
		n = 1
	default:
		return 0, 0, false
	}
	if f.kwAt(j+1) != kwYearUnit || f.plural(j+1) || (f.punctAt(j+2, '\'') && f.gluedAt(j+2)) {
		return 0, 0, false // "in May, this year's budget"
	}
	return n, j + 2, true
}

// licensed reports whether the word at x lets the bare month after it be
// read as a month: "in March", "since May", "between May and June". May
// takes fewer words than the other months, since "by May", "from May", "for
// May", "the May government" are the politician.
func (f *finder) licensed(x int, may bool) bool {
	switch f.kwAt(x) {
	case kwIn, kwSince, kwUntil, kwThrough, kwDuring:
		return true
	case kwBy, kwFrom, kwBetween, kwOf, kwFor, kwBefore, kwAfter, kwThe:
		return !may
	case kwAnd, kwOr, kwTo:
		return f.lastTo == x
	}
	return false
}

// number matches the expressions that start with a number: "2019-12-19",
// "12/19/2019", "19 December 2019", "1990s", "1990's", and years.
func (f *finder) number(i, h int) (match, bool) {
	if d, ok := f.date(h); ok {
		return f.resolveDate(d, i), true
	}
	t := &f.t[h]
	if !t.plain || t.digits() != 4 || t.val < 1900 || t.val > 2100 {
		return match{}, false
	}
	// decades: 1990s, 1990's
	if t.val%10 == 0 && t.val <= 2090 {
		j := h + 1
		if f.punctAt(j, '\'') && f.gluedAt(j) {
			j++
		}
		if f.kwAt(j) == kwS && f.gluedAt(j) && f.t[j].lower {
			return match{from: i, to: j + 1, date: civil(int(t.val), time.January, 1), prec: Decade}, true
		}
	}
	if !f.yearLike(i, h) {
		return match{}, false
	}
	return match{from: i, to: h + 1, date: civil(int(t.val), time.January, 1), prec: Year}, true
}

// yearLike decides whether the four-digit number at h, between 1900 and
// 2100, is a year rather than a quantity, a clock time or an identifier.
// Years are the default in news text; the exceptions are listed in
// docs/dates.md.
func (f *finder) yearLike(i, h int) bool {
	t := &f.t[h]
	if t.glued && h > 0 {
		prev := &f.t[h-1]
		switch {
		case prev.kind != kPunct: // FY2019
			return false
		case prev.p == '-' || prev.p == '/': // 2018-2019, mid-2019
			if !(f.lastTo == h-1 || h-1 >= i) {
				return false
			}
		case prev.p != '(' && prev.p != '[' && prev.p != '"':
			return false // $2019, #2019, v.2019
		}
	}
	if h > 0 && !t.glued {
		if f.kwAt(h-1) == kwLabel {
			return false // Resolution 2334, No. 2019
		}
		if prev := &f.t[h-1]; prev.kind == kPunct && (prev.p == '$' || prev.p == '#' || prev.p == 0x80) {
			return false // $ 2000, € 2000
		}
	}
	if h > 0 && f.punctAt(h-1, '.') && f.kwAt(h-2) == kwLabel {
		return false // No. 2019
	}
	if n := h + 1; n < len(f.t) {
		next := &f.t[n]
		if next.glued {
			switch {
			case next.kind == kWord: // 2019nCoV
				return false
			case next.p == '%':
				return false
			case next.p == '-' && n+1 < len(f.t) && f.t[n+1].glued && f.t[n+1].kind == kWord:
				return false // 2019-nCoV
			}
		}
		if next.kind == kWord {
			if next.kw == kwClock || (next.kw == kwCountNoun && next.lower) {
				return false // 1922 UTC, 2000 troops (but the 2017 Women's Championship)
			}
			if _, wd := next.kw.weekday(); wd && next.cap {
				return false // (2053 Wednesday night, UTC): a clock time
			}
			if next.lower && f.kwAt(h-1) == kwApprox && f.plural(n) {
				return false // nearly 2000 protesters
			}
		}
	}
	return true
}

// shortDecade matches "'90s": decades from the 1930s to the 1990s (the
// century of "'20s" and "'10s" is anybody's guess).
func (f *finder) shortDecade(i, h int) (match, bool) {
	n, s := h+1, h+2
	if s >= len(f.t) || f.t[n].kind != kNum || !f.t[n].plain || f.t[n].digits() != 2 || !f.t[n].glued ||
		f.kwAt(s) != kwS || !f.t[s].glued || !f.t[s].lower {
		return match{}, false
	}
	v := int(f.t[n].val)
	if v%10 != 0 || v < 30 {
		return match{}, false
	}
	if h > 0 && f.t[h].glued && f.t[h-1].kind != kPunct {
		return match{}, false // rock'n'90s
	}
	return match{from: i, to: s + 1, date: civil(1900+v, time.January, 1), prec: Decade}, true
}

// dayWord matches yesterday, today, tomorrow, tonight and overnight, with an
// optional part of the day ("yesterday morning") and position ("earlier
// today", "late yesterday").
func (f *finder) dayWord(i, h int) (match, bool) {
	k := f.t[h].kw
	if f.t[h].cap && h == i && !f.sentenceStart(h) && k != kwOvernight {
		return match{}, false // USA Today, the Today programme
	}
	off := 0
	switch k {
	case kwYesterday:
		off = -1
	case kwTomorrow:
		off = 1
	case kwOvernight:
		// the night that began the evening before publication, or, said
		// of the future, the one that begins on the publication day
		if !f.opts.Future {
			off = -1
		}
	}
	j := h + 1
	if (k == kwYesterday || k == kwToday || k == kwTomorrow) && f.kwAt(j).partOfDay() && f.t[j].lower {
		j++
	}
	m := match{from: i, to: j, rel: true}
	if f.hasPub {
		m.date, m.prec = f.pub.AddDate(0, 0, off), Day
	}
	return m, true
}

// partOfDay matches "last night", "this morning", "this afternoon", "this
// evening" and "tonight"-like phrases with a deixis.
func (f *finder) partOfDay(i, h int, p prefix) (match, bool) {
	if !f.t[h].lower {
		return match{}, false
	}
	off := 0
	switch {
	case p.dx == kwLast && (f.t[h].kw == kwNight || f.t[h].kw == kwEvening):
		off = -1
	case p.dx == kwThis:
	default:
		return match{}, false
	}
	m := match{from: i, to: h + 1, rel: true}
	if f.hasPub {
		m.date, m.prec = f.pub.AddDate(0, 0, off), Day
	}
	return m, true
}

// period matches "last week", "this month", "next year", "this weekend",
// "the weekend", and "(earlier|later) in the month", "the end of the year"
// for the current period.
func (f *finder) period(i, h int, p prefix) (match, bool) {
	k, to, dx := f.kwAt(h), h+1, p.dx
	if k == kwThe {
		// the weekend; the end of the year; later in the week
		k, to = f.kwAt(h+1), h+2
		switch {
		case dx != kwNone:
			return match{}, false
		case k == kwWeekend && p.fine == kwNone:
		case (k == kwWeek || k == kwMonthUnit || k == kwYearUnit) && p.fine != kwNone:
			dx = kwThis
		default:
			return match{}, false
		}
		if f.plural(to - 1) {
			return match{}, false
		}
	} else if dx == kwNone || f.plural(h) && k != kwWeekend {
		return match{}, false
	}
	m := match{from: i, to: to, rel: true}
	if !f.hasPub {
		return m, true
	}
	m.later = p.fine == kwLater && dx == kwThis
	n := 0
	switch dx {
	case kwLast:
		n = -1
	case kwNext:
		n = 1
	}
	switch k {
	case kwWeek:
		m.date, m.prec = monday(f.pub).AddDate(0, 0, 7*n), Week
	case kwWeekend:
		if dx == kwNone || dx == kwThis {
			// "the weekend", "this weekend": the most recent weekend, or
			// the coming one when future; the publication day's own week
			// when it is a Saturday or Sunday
			wd := f.pub.Weekday()
			if !f.opts.Future && wd != time.Saturday && wd != time.Sunday {
				n = -1
			}
		}
		m.date, m.prec = monday(f.pub).AddDate(0, 0, 7*n), Week
		// the days meant are the Saturday and Sunday, not the whole week
		m.later = m.date.AddDate(0, 0, 5).After(f.pub)
	case kwMonthUnit:
		m.date, m.prec = civil(f.pub.Year(), f.pub.Month()+time.Month(n), 1), Month
	case kwYearUnit:
		m.date, m.prec = civil(f.pub.Year()+n, time.January, 1), Year
	default:
		return match{}, false
	}
	return m, true
}

// narrative matches expressions counted from an anchor: "the next day",
// "the following week", "the previous month", "the same day", "that year",
// "the following Monday".
func (f *finder) narrative(i int) (match, bool) {
	from := i
	switch f.kwAt(i) {
	case kwEarly, kwEarlier, kwLate, kwLater:
		i++ // later that day, earlier the same day
		if k := f.kwAt(i); k != kwThe && k != kwThat {
			return match{}, false
		}
	}
	n, j := 0, i+1
	switch f.kwAt(i) {
	case kwThe:
		switch f.kwAt(j) {
		case kwNext, kwFollowing:
			n = 1
		case kwPrevious, kwPreceding:
			n = -1
		case kwSame:
		default:
			return match{}, false
		}
		j++
	case kwThat:
	default:
		return match{}, false
	}
	var unit Precision
	k := f.kwAt(j)
	wd, isWd := k.weekday()
	if f.punctAt(j+1, '-') && f.gluedAt(j+1) {
		return match{}, false // that day-to-day
	}
	switch {
	case isWd && f.t[j].cap && f.kwAt(i) == kwThe && n != 0:
	case k == kwDay && !f.plural(j):
		unit = Day
	case k == kwWeek && !f.plural(j):
		unit = Week
	case k == kwMonthUnit && !f.plural(j):
		unit = Month
	case k == kwYearUnit && !f.plural(j):
		unit = Year
	default:
		return match{}, false
	}
	m := match{from: from, to: j + 1, rel: true}
	if isWd {
		unit = Day
	}
	at, ap, ok := f.anchor(unit)
	if !ok {
		return m, true
	}
	if isWd {
		if ap != Day {
			return m, true
		}
		md := modeAfter
		if n < 0 {
			md = modeBefore
		}
		m.date, m.prec = weekly(wd, at, md), Day
		return m, true
	}
	m.date, m.prec = shift(at, ap, unit, n)
	return m, true
}

// count matches "two days ago", "a week earlier", "three years later", "a
// day before", "the day after", and combines "a day before" with a date
// that follows ("the day before yesterday", "two days after Dec. 19").
// Before and after followed by anything else ("a day after the attack")
// give an unresolved expression.
func (f *finder) count(i int) (match, bool) {
	n := 0
	t := &f.t[i]
	switch {
	case t.kind == kNum:
		if !t.plain || t.val < 1 || t.val > 999 || t.glued {
			return match{}, false
		}
		n = int(t.val)
	case t.kw == kwA || t.kw == kwNumber:
		n = int(t.val)
	case t.kw == kwThe:
		if f.kwAt(i+1) != kwDay || f.plural(i+1) {
			return match{}, false
		}
		if k := f.kwAt(i + 2); k != kwBefore && k != kwAfter {
			return match{}, false
		}
		n = 1
	default:
		return match{}, false
	}
	var unit Precision
	switch f.kwAt(i + 1) {
	case kwDay:
		unit = Day
	case kwWeek:
		unit = Week
	case kwMonthUnit:
		unit = Month
	case kwYearUnit:
		unit = Year
	default:
		return match{}, false
	}
	if f.plural(i+1) != (n > 1) {
		return match{}, false // "a days", "two day"
	}
	dir := i + 2
	sign := 1
	switch f.kwAt(dir) {
	case kwAgo, kwEarlier, kwBefore:
		sign = -1
	case kwLater, kwAfter:
	default:
		return match{}, false
	}
	if unit == Week {
		// weeks are counted as seven days: "a week earlier" than a day is a day
		unit, n = Day, 7*n
	}
	m := match{from: i, to: dir + 1, rel: true}
	switch f.kwAt(dir) {
	case kwAgo:
		if f.hasPub {
			m.date, m.prec = shift(f.pub, Day, unit, sign*n)
		}
		return m, true
	case kwBefore, kwAfter:
		if dir+1 >= len(f.t) {
			break
		}
		if inner, ok := f.at(dir + 1); ok {
			m.to = inner.to
			if inner.prec != Unresolved {
				m.date, m.prec = shift(inner.date, inner.prec, unit, sign*n)
			}
			return m, true
		}
		// two weeks before the November 13 deadline
		if f.kwAt(dir+1) == kwThe && dir+2 < len(f.t) {
			if d, ok := f.date(dir + 2); ok {
				inner := f.resolveDate(d, dir+2)
				m.to = inner.to
				if inner.prec != Unresolved {
					m.date, m.prec = shift(inner.date, inner.prec, unit, sign*n)
				}
				return m, true
			}
		}
		if !f.clauseEnd(dir + 1) {
			return m, true // a day after the attack: anchored to an event
		}
	}
	if at, ap, ok := f.anchor(unit); ok {
		m.date, m.prec = shift(at, ap, unit, sign*n)
	}
	return m, true
}

// clauseEnd reports whether token x ends what came before: the end of the
// text, punctuation, or a coordinating conjunction.
func (f *finder) clauseEnd(x int) bool {
	if x >= len(f.t) {
		return true
	}
	switch f.t[x].kind {
	case kPunct:
		return f.t[x].p != '\'' && f.t[x].p != '-' && f.t[x].p != '$'
	case kWord:
		k := f.t[x].kw
		return k == kwAnd || k == kwOr
	}
	return false
}

// free reports whether token k stands apart from what precedes it: not
// glued, or glued only to an opening bracket or quote.
func (f *finder) free(k int) bool {
	if !f.t[k].glued || k == 0 {
		return true
	}
	p := &f.t[k-1]
	return p.kind == kPunct && (p.p == '(' || p.p == '[' || p.p == '"' || p.p == '\'')
}

// dateParts is an explicit day: a month and a day, and a year when written.
type dateParts struct {
	from, to int // token range of the date
	y        int // 0 when no year is written
	m        time.Month
	d        int
	// yearDx is set when the year is given as "last year", "this year" or
	// "next year": dy is then the offset from the publication year.
	yearDx bool
	dy     int
}

// date matches an explicit day starting at token k: "Dec 19", "December
// 19th, 2019", "19 December 2019", "the 19th of December" (from the
// number), "2019-12-19" and "12/19/2019".
func (f *finder) date(k int) (dateParts, bool) {
	if k >= len(f.t) {
		return dateParts{}, false
	}
	t := &f.t[k]
	if t.kind == kWord {
		mo, ok := t.kw.month()
		if !ok || !t.cap {
			return dateParts{}, false
		}
		j := k + 1
		if t.kw.abbrev() && f.punctAt(j, '.') && f.gluedAt(j) {
			j++
		}
		d, e, ok := f.dayNum(j, j > k+1)
		if !ok || !validDay(0, mo, d) {
			return dateParts{}, false
		}
		return f.dateYear(dateParts{from: k, m: mo, d: d}, e)
	}
	if t.kind != kNum || !t.plain || !f.free(k) {
		return dateParts{}, false
	}
	if dp, ok := f.numericDate(k); ok {
		return dp, true
	}
	d, j, ok := f.dayNum(k, false)
	if !ok {
		return dateParts{}, false
	}
	if f.kwAt(j) == kwOf {
		j++
	}
	mo, ok := f.kwAt(j).month()
	if !ok || !f.t[j].cap {
		return dateParts{}, false
	}
	abbrev := f.t[j].kw.abbrev()
	j++
	if abbrev && f.punctAt(j, '.') && f.gluedAt(j) {
		j++
	}
	if !validDay(0, mo, d) {
		return dateParts{}, false
	}
	return f.dateYear(dateParts{from: k, m: mo, d: d}, j)
}

// dateYear completes a month and day with the year written after them at
// e, if any: ", 2019", " 2019", ", last year".
func (f *finder) dateYear(dp dateParts, e int) (dateParts, bool) {
	dp.to = e
	if y, e2 := f.optYear(e); y != 0 {
		if !validDay(y, dp.m, dp.d) {
			return dateParts{}, false
		}
		dp.y, dp.to = y, e2
	} else if n, e2, ok := f.yearDeixis(e); ok {
		dp.yearDx, dp.dy, dp.to = true, n, e2
	}
	return dp, true
}

// dayNum reads a day of the month at j: one or two digits, 1 to 31, with an
// optional glued ordinal suffix, and nothing else glued after it. It
// returns the day and the index after it. afterDot allows the number to be
// glued to the period of "Dec.19".
func (f *finder) dayNum(j int, afterDot bool) (int, int, bool) {
	if j >= len(f.t) {
		return 0, 0, false
	}
	t := &f.t[j]
	if t.kind != kNum || !t.plain || t.digits() > 2 || t.val < 1 || t.val > 31 || (t.glued && !afterDot) {
		return 0, 0, false
	}
	e := j + 1
	if e < len(f.t) && f.t[e].glued {
		n := &f.t[e]
		switch {
		case n.kind == kWord && n.kw == kwOrdinal && n.lower:
			e++
		case n.kind == kWord, n.p == '%', n.p == '/':
			return 0, 0, false
		case n.p == '\'' && f.kwAt(e+1) == kwS && f.gluedAt(e+1):
			return 0, 0, false // the 90's
		}
	}
	return int(t.val), e, true
}

// optYear reads an optional year after a day: ", 2019" or " 2019". It
// returns 0 and e when there is none.
func (f *finder) optYear(e int) (int, int) {
	y := e
	if f.punctAt(y, ',') {
		y++
	}
	if f.year4(y) {
		return int(f.t[y].val), y + 1
	}
	return 0, e
}

// year4 reports whether token y is a four-digit year written with a date
// (1000 to 2999), not glued to a word or a number after it.
func (f *finder) year4(y int) bool {
	if y >= len(f.t) {
		return false
	}
	t := &f.t[y]
	if t.kind != kNum || !t.plain || t.digits() != 4 || t.val < 1000 || t.val > 2999 || t.glued {
		return false
	}
	if n := y + 1; n < len(f.t) && f.t[n].glued {
		nt := &f.t[n]
		if nt.kind == kWord || nt.p == '%' || ((nt.p == '-' || nt.p == '/') && n+1 < len(f.t) && f.t[n+1].glued && f.t[n+1].kind == kNum) {
			return false // 2019-12-19 after "December,"
		}
	}
	return true
}

// numericDate matches 2019-12-19 (ISO 8601, optionally followed by a glued
// time "T10:00") and 12/19/2019 (US order; read day first when the first
// number cannot be a month).
func (f *finder) numericDate(k int) (dateParts, bool) {
	if k+4 >= len(f.t) {
		return dateParts{}, false
	}
	a, s1, b, s2, c := &f.t[k], &f.t[k+1], &f.t[k+2], &f.t[k+3], &f.t[k+4]
	if !s1.glued || !b.glued || !s2.glued || !c.glued || s1.kind != kPunct || s1.p != s2.p ||
		b.kind != kNum || c.kind != kNum || !b.plain || !c.plain {
		return dateParts{}, false
	}
	if n := k + 5; n < len(f.t) && f.t[n].glued {
		switch nt := &f.t[n]; {
		case nt.kind == kNum, nt.p == s1.p:
			return dateParts{}, false
		case nt.kind == kWord && !(s1.p == '-' && f.word(n) == "T"):
			return dateParts{}, false
		}
	}
	var y, m, d int
	switch {
	case s1.p == '-' && a.digits() == 4 && b.digits() == 2 && c.digits() == 2:
		y, m, d = int(a.val), int(b.val), int(c.val)
	case s1.p == '/' && a.digits() <= 2 && b.digits() <= 2 && c.digits() == 4:
		y, m, d = int(c.val), int(a.val), int(b.val)
		if m > 12 && d <= 12 {
			m, d = d, m
		}
	default:
		return dateParts{}, false
	}
	if y < 1000 || y > 2999 || !validDay(y, time.Month(m), d) {
		return dateParts{}, false
	}
	return dateParts{from: k, to: k + 5, y: y, m: time.Month(m), d: d}, true
}

// resolveDate turns an explicit day into a match starting at token from.
// A day without a year is the most recent on or before the publication day
// (the next one on or after it when the verb is future); in a leading
// dateline it is the most recent on or before the day after publication.
func (f *finder) resolveDate(d dateParts, from int) match {
	m := match{from: from, to: d.to}
	if d.y != 0 {
		m.date, m.prec = civil(d.y, d.m, d.d), Day
		return m
	}
	m.rel = true
	if !f.hasPub {
		return m
	}
	if d.yearDx {
		if y := f.pub.Year() + d.dy; validDay(y, d.m, d.d) {
			m.date, m.prec = civil(y, d.m, d.d), Day
		}
		return m
	}
	var t time.Time
	ok := false
	switch {
	case f.dateline(d.from, d.to):
		m.dateline = true
		t, ok = yearly(d.m, d.d, f.pub, f.pub.AddDate(0, 0, 1), modePast)
	case f.opts.Future:
		t, ok = yearly(d.m, d.d, f.pub, f.pub, modeFuture)
	default:
		// the most recent on or before publication, unless the next one
		// is at most soonDays ahead: news leaves the year out of dates in
		// the coming weeks as readily as out of past ones
		t, ok = yearly(d.m, d.d, f.pub, f.pub, modePast)
		if next, ok2 := yearly(d.m, d.d, f.pub, f.pub, modeAfter); ok2 && next.Sub(f.pub) <= soonDays*24*time.Hour {
			t, ok = next, true
		}
	}
	if ok {
		m.date, m.prec = t, Day
	}
	return m
}

// soonDays is how far ahead of the publication day a month and day without
// a year may be read in past-tense text (see resolveDate). It was chosen on
// the Wikinews corpus: the dates left yearless that were meant to be in the
// future all lay within 75 days, the past ones all more than 100 days back
// from their next occurrence; docs/dates.md has the figures.
const soonDays = 92

// dateline reports whether the date at tokens [from, to) is that of a
// leading dateline: the text starts with capitalised place words, a
// parenthesis or a dash follows the date, and just before it comes a comma,
// a period or a place word in capitals ("KABUL, Dec 19 (Reuters) -", "NEW
// YORK, March 3 - ", "RICHMOND, Va. Feb 26 -", "JOHANNESBURG March 13 -").
func (f *finder) dateline(from, to int) bool {
	if from < 1 || from > 12 {
		return false
	}
	switch prev := &f.t[from-1]; {
	case prev.kind == kPunct && (prev.p == ',' || prev.p == '.'):
	case prev.kind == kWord && prev.end-prev.start >= 2 && f.upper(from-1):
	default:
		return false
	}
	words := 0
	for x := 0; x < from; x++ {
		t := &f.t[x]
		switch {
		case t.kind == kWord && t.cap:
			words++
		case t.kind == kPunct && (t.p == ',' || t.p == '.' || t.p == '\'' || t.p == '-' || t.p == '/'):
		default:
			return false
		}
	}
	return words > 0 && (f.punctAt(to, '(') || f.punctAt(to, '-'))
}

// upper reports whether word i is all ASCII capitals.
func (f *finder) upper(i int) bool {
	for _, c := range []byte(f.word(i)) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}
