package when

import "time"

// mode says which occurrence of a recurring day, month or weekday is meant,
// counted from a reference day.
type mode uint8

const (
	modePast   mode = iota // the latest on or before the reference
	modeFuture             // the earliest on or after the reference
	modeBefore             // the latest strictly before ("last Monday", "last December")
	modeAfter              // the earliest strictly after ("next Monday", "next December")
	modeThis               // in the reference's year ("this December")
)

// civil returns midnight UTC of a calendar day.
func civil(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// daysIn returns the number of days of month m in year y.
func daysIn(y int, m time.Month) int {
	return civil(y, m+1, 0).Day()
}

// validDay reports whether d is a day of month m of year y. A zero year
// stands for any year, so February 29 is valid.
func validDay(y int, m time.Month, d int) bool {
	if y == 0 {
		y = 2000
	}
	return m >= time.January && m <= time.December && d >= 1 && d <= daysIn(y, m)
}

// monday returns the Monday of t's ISO week.
func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// truncate returns the first day of the period of precision p that contains t.
func truncate(t time.Time, p Precision) time.Time {
	switch p {
	case Week:
		return monday(t)
	case Month:
		return civil(t.Year(), t.Month(), 1)
	case Year:
		return civil(t.Year(), time.January, 1)
	case Decade:
		y := t.Year()
		return civil(y-((y%10)+10)%10, time.January, 1)
	}
	return t
}

// coarser returns the coarser of two resolved precisions.
func coarser(a, b Precision) Precision {
	if a.rank() >= b.rank() {
		return a
	}
	return b
}

// shift moves a period of precision p starting at t by n units of precision
// unit and returns the period it lands in, at the coarser of the two
// precisions: "two days later" from a day is a day, from a month a month.
func shift(t time.Time, p Precision, unit Precision, n int) (time.Time, Precision) {
	q := coarser(p, unit)
	switch unit {
	case Day:
		t = t.AddDate(0, 0, n)
	case Week:
		t = t.AddDate(0, 0, 7*n)
	case Month:
		t = truncate(t, Month).AddDate(0, n, 0)
	case Year:
		t = truncate(t, Month).AddDate(n, 0, 0)
	}
	return truncate(t, q), q
}

// yearly returns the occurrence of month m, day d chosen by md, counted from
// ref; limit is the latest day modePast accepts (ref, or a day later for
// datelines). It reports false when there is none within eight years (only
// February 29 can be that far).
func yearly(m time.Month, d int, ref, limit time.Time, md mode) (time.Time, bool) {
	y := ref.Year()
	switch md {
	case modeThis:
		if validDay(y, m, d) {
			return civil(y, m, d), true
		}
	case modePast, modeBefore:
		for k := y + 1; k >= y-8; k-- {
			if !validDay(k, m, d) {
				continue
			}
			c := civil(k, m, d)
			if (md == modePast && !c.After(limit)) || (md == modeBefore && c.Before(ref)) {
				return c, true
			}
		}
	case modeFuture, modeAfter:
		for k := y - 1; k <= y+8; k++ {
			if !validDay(k, m, d) {
				continue
			}
			c := civil(k, m, d)
			if (md == modeFuture && !c.Before(ref)) || (md == modeAfter && c.After(ref)) {
				return c, true
			}
		}
	}
	return time.Time{}, false
}

// monthly returns the first day of the occurrence of month m chosen by md,
// counted from ref's month.
func monthly(m time.Month, ref time.Time, md mode) time.Time {
	y, rm := ref.Year(), ref.Month()
	switch md {
	case modePast:
		if m > rm {
			y--
		}
	case modeBefore:
		if m >= rm {
			y--
		}
	case modeFuture:
		if m < rm {
			y++
		}
	case modeAfter:
		if m <= rm {
			y++
		}
	}
	return civil(y, m, 1)
}

// weekly returns the occurrence of weekday wd chosen by md, counted from
// ref; modeThis is taken as modePast.
func weekly(wd time.Weekday, ref time.Time, md mode) time.Time {
	back := (int(ref.Weekday()) - int(wd) + 7) % 7
	fwd := (int(wd) - int(ref.Weekday()) + 7) % 7
	switch md {
	case modeBefore:
		if back == 0 {
			back = 7
		}
		return ref.AddDate(0, 0, -back)
	case modeFuture:
		return ref.AddDate(0, 0, fwd)
	case modeAfter:
		if fwd == 0 {
			fwd = 7
		}
		return ref.AddDate(0, 0, fwd)
	}
	return ref.AddDate(0, 0, -back)
}
