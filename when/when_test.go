package when

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
)

// w is an expected expression. Its span is where Text first occurs in the
// input after the previous expected expression, so that every field of Expr
// is pinned: Span, Text, Date (a day, "-" for the zero time), Precision,
// Relative and Future.
type w struct {
	text string
	date string
	prec Precision
	rel  bool
	fut  bool
}

type findCase struct {
	in   string
	pub  string // YYYY-MM-DD, or "" for an unknown publication date
	opts Options
	want []w
}

// Publication dates used below: 2019-12-19 is a Thursday, 2020-01-02 a
// Thursday after a year boundary, 2019-03-10 a Sunday.
const (
	thu  = "2019-12-19"
	ny   = "2020-01-02"
	sun  = "2019-03-10"
	none = ""
)

var future = Options{Future: true}

var findCases = []findCase{
	// bare weekdays: the most recent on or before publication, same day counts
	{"The minister said Wednesday that talks had failed.", thu, Options{}, []w{{"Wednesday", "2019-12-18", Day, true, false}}},
	{"Police said on Thursday that two men were held.", thu, Options{}, []w{{"Thursday", "2019-12-19", Day, true, false}}},
	{"The vote took place on Friday.", thu, Options{}, []w{{"Friday", "2019-12-13", Day, true, false}}},
	{"The vote took place on Sunday.", sun, Options{}, []w{{"Sunday", "2019-03-10", Day, true, false}}},
	// ... and the next one on or after it when the verb is future
	{"Leaders will meet on Monday.", thu, future, []w{{"Monday", "2019-12-23", Day, true, true}}},
	{"Leaders will meet on Thursday.", thu, future, []w{{"Thursday", "2019-12-19", Day, true, false}}},
	{"They will meet this Monday.", thu, future, []w{{"this Monday", "2019-12-23", Day, true, true}}},
	// deixis wins over tense
	{"He left last Thursday.", thu, future, []w{{"last Thursday", "2019-12-12", Day, true, false}}},
	{"He leaves next Thursday.", thu, Options{}, []w{{"next Thursday", "2019-12-26", Day, true, true}}},
	{"It rules by this coming Saturday.", thu, Options{}, []w{{"this coming Saturday", "2019-12-21", Day, true, true}}},
	{"It happened this past Monday.", thu, Options{}, []w{{"this past Monday", "2019-12-16", Day, true, false}}},
	{"Shops opened last Sunday.", sun, Options{}, []w{{"last Sunday", "2019-03-03", Day, true, false}}},
	// parts of the day and positions
	{"A firefight broke out on Monday night.", thu, Options{}, []w{{"Monday night", "2019-12-16", Day, true, false}}},
	{"Early Tuesday, troops moved in.", thu, Options{}, []w{{"Early Tuesday", "2019-12-17", Day, true, false}}},
	{"The storm hit late on Monday, at 6am, and again at 10:30 GMT.", thu, Options{}, []w{{"late on Monday", "2019-12-16", Day, true, false}}},
	{"Monday's attack killed five.", thu, Options{}, []w{{"Monday", "2019-12-16", Day, true, false}}},
	// a weekday before a date: the date decides
	{"It reopened on Monday, Dec. 16.", thu, Options{}, []w{{"Monday, Dec. 16", "2019-12-16", Day, true, false}}},
	// yesterday, today, tomorrow, tonight, overnight
	{"Rescuers ended their work yesterday.", thu, Options{}, []w{{"yesterday", "2019-12-18", Day, true, false}}},
	{"Today, the court ruled.", thu, Options{}, []w{{"Today", "2019-12-19", Day, true, false}}},
	{"A vote is expected tomorrow.", thu, Options{}, []w{{"tomorrow", "2019-12-20", Day, true, true}}},
	{"Crowds gather tonight.", thu, Options{}, []w{{"tonight", "2019-12-19", Day, true, false}}},
	{"Rebels attacked overnight.", thu, Options{}, []w{{"overnight", "2019-12-18", Day, true, false}}},
	{"The road will be closed overnight.", thu, future, []w{{"overnight", "2019-12-19", Day, true, false}}},
	{"A fire early yesterday morning killed two.", thu, Options{}, []w{{"early yesterday morning", "2019-12-18", Day, true, false}}},
	{"The talks resume later today.", thu, Options{}, []w{{"later today", "2019-12-19", Day, true, false}}},
	{"Lanes were closed last night.", thu, Options{}, []w{{"last night", "2019-12-18", Day, true, false}}},
	{"He resigned this morning.", thu, Options{}, []w{{"this morning", "2019-12-19", Day, true, false}}},
	{"He met her the day before yesterday.", thu, Options{}, []w{{"the day before yesterday", "2019-12-17", Day, true, false}}},
	{"They meet the day after tomorrow.", thu, Options{}, []w{{"the day after tomorrow", "2019-12-21", Day, true, true}}},
	// counted from publication
	{"He arrived two days ago.", thu, Options{}, []w{{"two days ago", "2019-12-17", Day, true, false}}},
	{"He arrived 10 days ago.", thu, Options{}, []w{{"10 days ago", "2019-12-09", Day, true, false}}},
	{"She was released a week ago.", thu, Options{}, []w{{"a week ago", "2019-12-12", Day, true, false}}},
	{"The virus appeared about two months ago.", thu, Options{}, []w{{"two months ago", "2019-10-01", Month, true, false}}},
	{"The law passed three years ago.", thu, Options{}, []w{{"three years ago", "2016-01-01", Year, true, false}}},
	// periods
	{"Manafort was sentenced last week.", thu, Options{}, []w{{"last week", "2019-12-09", Week, true, false}}},
	{"This week saw a referendum.", thu, Options{}, []w{{"This week", "2019-12-16", Week, true, false}}},
	{"He will name an adviser next week.", thu, Options{}, []w{{"next week", "2019-12-23", Week, true, true}}},
	{"The assembly opens later this week.", thu, Options{}, []w{{"later this week", "2019-12-16", Week, true, true}}},
	{"Protests began last month.", thu, Options{}, []w{{"last month", "2019-11-01", Month, true, false}}},
	{"Findings were published earlier this month.", thu, Options{}, []w{{"earlier this month", "2019-12-01", Month, true, false}}},
	{"A ruling is due later this month.", thu, Options{}, []w{{"later this month", "2019-12-01", Month, true, true}}},
	{"He leaves office next month.", thu, Options{}, []w{{"next month", "2020-01-01", Month, true, true}}},
	{"The Brexit vote failed last year.", thu, Options{}, []w{{"last year", "2018-01-01", Year, true, false}}},
	{"Late last year a court ruled.", thu, Options{}, []w{{"Late last year", "2018-01-01", Year, true, false}}},
	{"Growth slowed this year.", thu, Options{}, []w{{"this year", "2019-01-01", Year, true, false}}},
	{"Elections are due next year.", thu, Options{}, []w{{"next year", "2020-01-01", Year, true, true}}},
	{"They leave by the end of the year.", thu, Options{}, []w{{"the end of the year", "2019-01-01", Year, true, false}}},
	{"It was sent in the coming week.", thu, Options{}, []w{{"the coming week", "2019-12-23", Week, true, true}}},
	// weekends: Saturday and Sunday, reported as their ISO week
	{"Eight died during the weekend.", thu, Options{}, []w{{"the weekend", "2019-12-09", Week, true, false}}},
	{"They will rest at the weekend.", thu, future, []w{{"the weekend", "2019-12-16", Week, true, true}}},
	{"It is due this weekend.", thu, future, []w{{"this weekend", "2019-12-16", Week, true, true}}},
	{"Three storms formed this weekend.", "2019-07-22", Options{}, []w{{"this weekend", "2019-07-15", Week, true, false}}},
	{"The storm came over the weekend.", sun, Options{}, []w{{"the weekend", "2019-03-04", Week, true, false}}},
	{"It rained last weekend.", sun, Options{}, []w{{"last weekend", "2019-02-25", Week, true, false}}},
	// months: the most recent at or before the publication month, or the next when future
	{"Earlier in December, two ships sank.", thu, Options{}, []w{{"Earlier in December", "2019-12-01", Month, true, false}}},
	{"The trial opened in January.", thu, Options{}, []w{{"January", "2019-01-01", Month, true, false}}},
	{"The trial will open in January.", thu, future, []w{{"January", "2020-01-01", Month, true, true}}},
	{"It will end in December.", thu, future, []w{{"December", "2019-12-01", Month, true, false}}},
	{"The flight came down last October.", thu, Options{}, []w{{"last October", "2019-10-01", Month, true, false}}},
	{"It was built last December.", thu, Options{}, []w{{"last December", "2018-12-01", Month, true, false}}},
	{"Talks resume next March.", thu, Options{}, []w{{"next March", "2020-03-01", Month, true, true}}},
	{"Talks began this March.", thu, Options{}, []w{{"this March", "2019-03-01", Month, true, false}}},
	{"In mid-December, the government lowered rates.", thu, Options{}, []w{{"mid-December", "2019-12-01", Month, true, false}}},
	{"Protests have continued since late November.", thu, Options{}, []w{{"late November", "2019-11-01", Month, true, false}}},
	{"A fire in Cork in August last year caused damage.", thu, Options{}, []w{{"August last year", "2018-08-01", Month, true, false}}},
	{"The ruling is expected in June of this year.", sun, Options{}, []w{{"June of this year", "2019-06-01", Month, true, true}}},
	{"Parliament sits in September and October.", thu, Options{}, []w{{"September", "2019-09-01", Month, true, false}, {"October", "2019-10-01", Month, true, false}}},
	{"Prices rose between April and June.", thu, Options{}, []w{{"April", "2019-04-01", Month, true, false}, {"June", "2019-06-01", Month, true, false}}},
	{"Smithers was found guilty in May.", thu, Options{}, []w{{"May", "2019-05-01", Month, true, false}}},
	// month-days without a year: the most recent, unless the next one is near
	{"The lockdown started on Dec 19.", thu, Options{}, []w{{"Dec 19", "2019-12-19", Day, true, false}}},
	{"He was arrested on December 2.", thu, Options{}, []w{{"December 2", "2019-12-02", Day, true, false}}},
	{"He was arrested on 2 December.", thu, Options{}, []w{{"2 December", "2019-12-02", Day, true, false}}},
	{"The raid was on the 5th of June.", thu, Options{}, []w{{"5th of June", "2019-06-05", Day, true, false}}},
	{"The raid was on June 5th.", thu, Options{}, []w{{"June 5th", "2019-06-05", Day, true, false}}},
	{"Sentencing is scheduled for Dec 30.", thu, Options{}, []w{{"Dec 30", "2019-12-30", Day, true, true}}},
	{"The talks ended on Dec 30.", ny, Options{}, []w{{"Dec 30", "2019-12-30", Day, true, false}}},
	// across the year boundary
	{"It was built last December and opened on Wednesday.", ny, Options{}, []w{{"last December", "2019-12-01", Month, true, false}, {"Wednesday", "2020-01-01", Day, true, false}}},
	{"Fighting stopped in December and resumed on Friday.", ny, Options{}, []w{{"December", "2019-12-01", Month, true, false}, {"Friday", "2019-12-27", Day, true, false}}},
	{"It doubled last year and fell last week and last month.", ny, Options{}, []w{{"last year", "2019-01-01", Year, true, false}, {"last week", "2019-12-23", Week, true, false}, {"last month", "2019-12-01", Month, true, false}}},
	{"Fires spread over the weekend and will peak next weekend.", ny, Options{}, []w{{"the weekend", "2019-12-23", Week, true, false}, {"next weekend", "2020-01-06", Week, true, true}}},
	{"Talks resume this December, on Dec. 30.", ny, future, []w{{"this December", "2020-12-01", Month, true, true}, {"Dec. 30", "2020-12-30", Day, true, true}}},
	{"Talks resume on Jan. 1.", ny, Options{}, []w{{"Jan. 1", "2020-01-01", Day, true, false}}},
	{"The primary is on February 29.", ny, Options{}, []w{{"February 29", "2020-02-29", Day, true, true}}},
	{"The primary was on April 20.", ny, Options{}, []w{{"April 20", "2019-04-20", Day, true, false}}},
	{"The primary is on March 20.", ny, future, []w{{"March 20", "2020-03-20", Day, true, true}}},
	{"The lockdown started on December 22, last year.", ny, Options{}, []w{{"December 22, last year", "2019-12-22", Day, true, false}}},
	{"It was held on September 20 of this year.", thu, Options{}, []w{{"September 20 of this year", "2019-09-20", Day, true, false}}},
	// explicit dates
	{"Talks were held on Dec. 19, 2019 in Kabul.", thu, Options{}, []w{{"Dec. 19, 2019", "2019-12-19", Day, false, false}}},
	{"Talks were held on 19 December 2019.", ny, Options{}, []w{{"19 December 2019", "2019-12-19", Day, false, false}}},
	{"Filed 2019-12-19T10:00:00Z.", ny, Options{}, []w{{"2019-12-19", "2019-12-19", Day, false, false}}},
	{"Filed 12/19/2019, refiled 19/12/2019.", ny, Options{}, []w{{"12/19/2019", "2019-12-19", Day, false, false}, {"19/12/2019", "2019-12-19", Day, false, false}}},
	{"Trading starts on July 1, 2020.", thu, Options{}, []w{{"July 1, 2020", "2020-07-01", Day, false, true}}},
	{"The attacks of Sept. 11, 2001 changed that.", thu, Options{}, []w{{"Sept. 11, 2001", "2001-09-11", Day, false, false}}},
	{"Flight 8501 vanished in December 2014.", thu, Options{}, []w{{"December 2014", "2014-12-01", Month, false, false}}},
	{"He was arrested in March, 2018 and in March of 2016.", thu, Options{}, []w{{"March, 2018", "2018-03-01", Month, false, false}, {"March of 2016", "2016-03-01", Month, false, false}}},
	{"The grid is to be completed by December 2023.", thu, Options{}, []w{{"December 2023", "2023-12-01", Month, false, true}}},
	// years: look like years, and are years even in lists
	{"He served from 2007 and held the post until 2011.", thu, Options{}, []w{{"2007", "2007-01-01", Year, false, false}, {"2011", "2011-01-01", Year, false, false}}},
	{"Elections in 2000 and 2004 were close.", thu, Options{}, []w{{"2000", "2000-01-01", Year, false, false}, {"2004", "2004-01-01", Year, false, false}}},
	{"In 2018, 2,000 troops arrived.", thu, Options{}, []w{{"2018", "2018-01-01", Year, false, false}}},
	{"The 2018-19 season and the years 2005–2015.", thu, Options{}, []w{{"2018", "2018-01-01", Year, false, false}, {"2005", "2005-01-01", Year, false, false}, {"2015", "2015-01-01", Year, false, false}}},
	{"Output fell in mid-2019 and by the end of 2016.", thu, Options{}, []w{{"mid-2019", "2019-01-01", Year, false, false}, {"the end of 2016", "2016-01-01", Year, false, false}}},
	{"The 2020 census will ask about citizenship.", thu, Options{}, []w{{"2020", "2020-01-01", Year, false, true}}},
	// decades
	{"In the 1990s, he ruled the city.", thu, Options{}, []w{{"1990s", "1990-01-01", Decade, false, false}}},
	{"The jeans war of the late '70s and early 1980's.", thu, Options{}, []w{{"late '70s", "1970-01-01", Decade, false, false}, {"early 1980's", "1980-01-01", Decade, false, false}}},
	// datelines: the publication year, or the previous one when that would be after publication
	{"KABUL, Dec 19 (Reuters) - Officials said ...", thu, Options{}, []w{{"Dec 19", "2019-12-19", Day, true, false}}},
	{"KABUL, Dec 30 (Reuters) - Officials said ...", ny, Options{}, []w{{"Dec 30", "2019-12-30", Day, true, false}}},
	{"NEW YORK, March 3 - Shares rose.", sun, Options{}, []w{{"March 3", "2019-03-03", Day, true, false}}},
	{"SYDNEY, Dec 20 (Reuters) - Fires spread.", thu, Options{}, []w{{"Dec 20", "2019-12-20", Day, true, false}}},
	{"SYDNEY, Jan 5 (Reuters) - Fires spread.", ny, Options{}, []w{{"Jan 5", "2019-01-05", Day, true, false}}},
	{"JOHANNESBURG Jan 3 - RICHMOND, Va. Jan 3 -", ny, Options{}, []w{{"Jan 3", "2020-01-03", Day, true, false}, {"Jan 3", "2020-01-03", Day, true, true}}},
	{"Police said Jan 3 - a Friday - was calm.", ny, Options{}, []w{{"Jan 3", "2020-01-03", Day, true, true}, {"Friday", "2019-12-27", Day, true, false}}},
	// narrative: counted from the last resolved expression
	{"On Monday, police arrested him; a day earlier he had fled.", thu, Options{}, []w{{"Monday", "2019-12-16", Day, true, false}, {"a day earlier", "2019-12-15", Day, true, false}}},
	{"It began on Dec. 2, 2019. Two days later it ended; the following Monday it resumed.", thu, Options{}, []w{{"Dec. 2, 2019", "2019-12-02", Day, false, false}, {"Two days later", "2019-12-04", Day, true, false}, {"the following Monday", "2019-12-09", Day, true, false}}},
	{"The rally was held two days after Dec. 19.", thu, Options{}, []w{{"two days after Dec. 19", "2019-12-21", Day, true, true}}},
	{"It came two weeks before the November 13 deadline.", thu, Options{}, []w{{"two weeks before the November 13", "2019-10-30", Day, true, false}}},
	{"He moved in the day before the blast.", thu, Options{}, []w{{"the day before", "-", Unresolved, true, false}}},
	{"A day after the attack, police came.", thu, Options{}, []w{{"A day after", "-", Unresolved, true, false}}},
	{"The next day, the party met.", thu, Options{}, []w{{"The next day", "-", Unresolved, true, false}}},
	{"The next day, the party met.", thu, Options{Anchor: Expr{Date: civil(2019, 12, 10), Precision: Day}}, []w{{"The next day", "2019-12-11", Day, true, false}}},
	{"A month later, they met on the same day.", thu, Options{Anchor: Expr{Date: civil(2019, 10, 5), Precision: Day}}, []w{{"A month later", "2019-11-01", Month, true, false}, {"the same day", "-", Unresolved, true, false}}},
	{"By 2025 the line is built. Earlier that day, a firm signed.", thu, Options{}, []w{{"2025", "2025-01-01", Year, false, true}, {"Earlier that day", "-", Unresolved, true, false}}},
	{"The port shut on Monday and reopened later that day.", thu, Options{}, []w{{"Monday", "2019-12-16", Day, true, false}, {"later that day", "2019-12-16", Day, true, false}}},
	{"Iran hosted the 2017 Women's World Championship.", thu, Options{}, []w{{"2017", "2017-01-01", Year, false, false}}},
	// no publication date: absolute expressions resolve, relative ones are never guessed
	{"On Monday police said the Dec. 19, 2019 raid was the first since 2018.", none, Options{}, []w{{"Monday", "-", Unresolved, true, false}, {"Dec. 19, 2019", "2019-12-19", Day, false, false}, {"2018", "2018-01-01", Year, false, false}}},
	{"In December, a day before yesterday, and last week in the 1990s.", none, Options{}, []w{{"December", "-", Unresolved, true, false}, {"a day before yesterday", "-", Unresolved, true, false}, {"last week", "-", Unresolved, true, false}, {"1990s", "1990-01-01", Decade, false, false}}},
	{"KABUL, Dec 19 (Reuters) - It began on 2 May 2019; two days later, it spread.", none, Options{}, []w{{"Dec 19", "-", Unresolved, true, false}, {"2 May 2019", "2019-05-02", Day, false, false}, {"two days later", "2019-05-04", Day, true, false}}},
	{"Tomorrow is August 2 and the weekend.", none, future, []w{{"Tomorrow", "-", Unresolved, true, false}, {"August 2", "-", Unresolved, true, false}, {"the weekend", "-", Unresolved, true, false}}},
}

func TestFind(t *testing.T) {
	for _, c := range findCases {
		var pub time.Time
		if c.pub != "" {
			var err error
			if pub, err = time.Parse("2006-01-02", c.pub); err != nil {
				t.Fatal(err)
			}
		}
		got := Find(c.in, pub, c.opts)
		checkAll(t, c.in, got)
		want := wantExprs(t, c.in, c.want)
		if g, e := renderAll(got), renderAll(want); g != e {
			t.Errorf("Find(%q, %s, %+v)\ngot  %s\nwant %s", c.in, c.pub, c.opts.Future, g, e)
		}
	}
}

// wantExprs builds the expected expressions, locating each in text after
// the previous one.
func wantExprs(tb testing.TB, text string, ws []w) []Expr {
	tb.Helper()
	var out []Expr
	from := 0
	for _, x := range ws {
		k := strings.Index(text[from:], x.text)
		if k < 0 {
			tb.Fatalf("bad test: %q not in %q after byte %d", x.text, text, from)
		}
		e := Expr{Span: annalist.Span{Start: from + k, End: from + k + len(x.text)}, Text: x.text, Precision: x.prec, Relative: x.rel, Future: x.fut}
		if x.date != "-" {
			d, err := time.Parse("2006-01-02", x.date)
			if err != nil {
				tb.Fatalf("bad test date %q: %v", x.date, err)
			}
			e.Date = d
		}
		out = append(out, e)
		from = e.Span.End
	}
	return out
}

// render shows every field of an expression.
func render(e Expr) string {
	date := "-"
	if !e.Date.IsZero() {
		date = e.Date.Format(time.RFC3339)
	}
	return fmt.Sprintf("%q[%d:%d] %s %q rel=%t fut=%t", e.Text, e.Span.Start, e.Span.End, date, e.Precision, e.Relative, e.Future)
}

func renderAll(es []Expr) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = render(e)
	}
	return "[" + strings.Join(parts, "; ") + "]"
}

// TestNotDates lists words and numbers that look like dates and are not.
func TestNotDates(t *testing.T) {
	pub := civil(2019, 12, 19)
	for _, in := range []string{
		"Theresa May said the deal was dead.",
		"May I ask a question?",
		"Theresa May's cabinet met in May's absence.",
		"Protesters march to the capital. March on!",
		"The Sun reported it; the Sunday Times and The Sunday Telegraph followed.",
		"Black Friday sales rose, as on Cyber Monday; Super Tuesday results and Good Friday prayers.",
		"USA Today and the Today programme covered it, as did Kamloops This Week.",
		"Jan Egeland and June Carter sat down on the Sat.",
		"2,000 troops, 2000 troops, nearly 1800 protesters and 1846 persons.",
		"The quake struck at 1922 UTC and 0300 GMT.",
		"Resolution 2334, No. 2019, $2019, 2019% and Flight 2000.",
		"The 2019-nCoV virus, COVID-19, F-16 jets, Boeing 737s, 9/11, and A380s.",
		"a days, that day-to-day work, the past week and the last month.",
		"He won 3.5 million votes; 1,000 people; 10:30; the 1848 revolution.",
		"It rose from 1,2019 to 5.",
		"Over 1999 kilometres of road.",
		"February 30 and Dec 32 are not days, nor is 13/13/2019.",
		"",
		"   \n\t ",
	} {
		if got := Find(in, pub, Options{}); len(got) != 0 {
			t.Errorf("Find(%q) = %s, want nothing", in, renderAll(got))
		}
	}
}

func TestDateString(t *testing.T) {
	d := civil(2019, 12, 2)
	for _, c := range []struct {
		p    Precision
		want string
	}{
		{Day, "2019-12-02"},
		{Week, "2019-12-02"},
		{Month, "2019-12"},
		{Year, "2019"},
		{Decade, "2019"},
		{Unresolved, ""},
	} {
		if got := (Expr{Date: d, Precision: c.p}).DateString(); got != c.want {
			t.Errorf("DateString(%q) = %q, want %q", c.p, got, c.want)
		}
	}
}

// TestPubLocation checks that only the publication's calendar date counts,
// in its own location.
func TestPubLocation(t *testing.T) {
	tokyo := time.FixedZone("JST", 9*3600)
	pub := time.Date(2019, 12, 19, 7, 30, 0, 0, tokyo) // 2019-12-18 22:30 UTC
	got := Find("He left yesterday.", pub, Options{})
	if len(got) != 1 || got[0].Date != civil(2019, 12, 18) {
		t.Fatalf("got %s, want 2019-12-18", renderAll(got))
	}
}

// TestNoAllocWithoutDates pins the cost of the common case: a sentence with
// no temporal expression allocates nothing.
func TestNoAllocWithoutDates(t *testing.T) {
	pub := civil(2019, 12, 19)
	s := "The Investigative Committee and the Federal Security Service said they believe gas, which leaks relatively frequently in Russia, was the trigger for the disaster."
	if n := testing.AllocsPerRun(100, func() { Find(s, pub, Options{}) }); n != 0 {
		t.Errorf("Find allocates %v times on a sentence without dates", n)
	}
}
