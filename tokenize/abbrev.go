package tokenize

// Abbreviation classes: what a word that keeps its period means for sentence ends.
const (
	abbrNone    uint8 = iota
	abbrTitle         // Mr. Gen. Sen. vs. e.g.: always followed by more of the sentence
	abbrGeneral       // Inc. U.S. etc. a.m.: ends a sentence only before a typical sentence opener
	abbrInitial       // W. in "George W. Bush": like abbrGeneral, but a line break after it does not end a sentence
	abbrMonth         // Jan. Dec.: never ends a sentence before a number
	abbrNumber        // No. Art. pp.: kept with its period only before a number, and then never ends a sentence
)

// abbrevs maps abbreviations (without their period) to their class. The list
// is closed and deliberately short: news titles, corporate suffixes, months,
// US states and Canadian provinces as datelines write them, units, and the
// few Latin and reference abbreviations news uses. Words with internal periods
// ("U.S", "a.m", "J.R.R") are recognised by shape instead. All-capital
// spellings ("GEN", "CORP") are looked up in their title-case form.
var abbrevs = map[string]uint8{
	// titles and ranks
	"Mr": abbrTitle, "Mrs": abbrTitle, "Ms": abbrTitle, "Messrs": abbrTitle, "Mmes": abbrTitle, "Mx": abbrTitle,
	"Dr": abbrTitle, "Drs": abbrTitle, "Prof": abbrTitle, "Profs": abbrTitle,
	"Gen": abbrTitle, "Gens": abbrTitle, "Lt": abbrTitle, "Col": abbrTitle, "Maj": abbrTitle, "Capt": abbrTitle,
	"Cmdr": abbrTitle, "Cdr": abbrTitle, "Adm": abbrTitle, "Brig": abbrTitle, "Sgt": abbrTitle, "Cpl": abbrTitle,
	"Pvt": abbrTitle, "Pfc": abbrTitle, "Spc": abbrTitle, "Lieut": abbrTitle, "Cmdt": abbrTitle, "Comdr": abbrTitle,
	"Sen": abbrTitle, "Sens": abbrTitle, "Rep": abbrTitle, "Reps": abbrTitle, "Gov": abbrTitle, "Govs": abbrTitle,
	"Pres": abbrTitle, "Supt": abbrTitle, "Insp": abbrTitle, "Det": abbrTitle, "Sec": abbrTitle, "Secy": abbrTitle,
	"Amb": abbrTitle, "Atty": abbrTitle, "Hon": abbrTitle, "Rev": abbrTitle, "Fr": abbrTitle, "Msgr": abbrTitle,
	"Sr": abbrGeneral, "Jr": abbrGeneral, "Mt": abbrTitle, "Ft": abbrTitle, "Pt": abbrTitle,
	"vs": abbrTitle, "v": abbrTitle, "cf": abbrTitle, "viz": abbrTitle, "ca": abbrTitle, "approx": abbrTitle,
	"incl": abbrTitle, "esp": abbrTitle,
	// organisations, addresses, Latin
	"Inc": abbrGeneral, "Corp": abbrGeneral, "Co": abbrGeneral, "Cos": abbrGeneral, "Ltd": abbrGeneral,
	"Bros": abbrGeneral, "Assn": abbrGeneral, "Dept": abbrGeneral, "Univ": abbrGeneral, "Esq": abbrGeneral,
	"St": abbrGeneral, "Ave": abbrGeneral, "Blvd": abbrGeneral, "Rd": abbrGeneral, "Sq": abbrGeneral,
	"etc": abbrGeneral, "al": abbrGeneral, "govt": abbrGeneral, "Govt": abbrGeneral, "dept": abbrGeneral,
	"est": abbrGeneral, "ft": abbrGeneral,
	// units written with a period in older and American copy ("5 lbs.", "3 hrs.")
	"yr": abbrGeneral, "yrs": abbrGeneral, "hr": abbrGeneral, "hrs": abbrGeneral, "mins": abbrGeneral,
	"lb": abbrGeneral, "lbs": abbrGeneral, "oz": abbrGeneral, "pts": abbrGeneral, "mos": abbrGeneral,
	"sq": abbrGeneral, "cu": abbrGeneral, "gal": abbrGeneral, "qt": abbrGeneral, "mph": abbrGeneral,
	// US states and Canadian provinces (AP style, as in datelines: "WESTPORT, Conn., Feb 26 -")
	"Ala": abbrGeneral, "Ariz": abbrGeneral, "Ark": abbrGeneral, "Calif": abbrGeneral, "Colo": abbrGeneral,
	"Conn": abbrGeneral, "Del": abbrGeneral, "Fla": abbrGeneral, "Ga": abbrGeneral, "Ill": abbrGeneral,
	"Ind": abbrGeneral, "Kan": abbrGeneral, "Kans": abbrGeneral, "Ky": abbrGeneral, "La": abbrGeneral,
	"Md": abbrGeneral, "Mass": abbrGeneral, "Mich": abbrGeneral, "Minn": abbrGeneral, "Miss": abbrGeneral,
	"Mo": abbrGeneral, "Mont": abbrGeneral, "Neb": abbrGeneral, "Nebr": abbrGeneral, "Nev": abbrGeneral,
	"Okla": abbrGeneral, "Ore": abbrGeneral, "Pa": abbrGeneral, "Penn": abbrGeneral, "Tenn": abbrGeneral,
	"Tex": abbrGeneral, "Va": abbrGeneral, "Vt": abbrGeneral, "Wash": abbrGeneral, "Wis": abbrGeneral,
	"Wisc": abbrGeneral, "Wyo": abbrGeneral, "Ont": abbrGeneral, "Que": abbrGeneral, "Alta": abbrGeneral,
	"Sask": abbrGeneral,
	// months (May needs no period)
	"Jan": abbrMonth, "Feb": abbrMonth, "Mar": abbrMonth, "Apr": abbrMonth, "Jun": abbrMonth, "Jul": abbrMonth,
	"Aug": abbrMonth, "Sep": abbrMonth, "Sept": abbrMonth, "Oct": abbrMonth, "Nov": abbrMonth, "Dec": abbrMonth,
	// kept only before a number
	"No": abbrNumber, "Nos": abbrNumber, "no": abbrNumber, "nos": abbrNumber, "Art": abbrNumber, "Arts": abbrNumber,
	"Fig": abbrNumber, "Figs": abbrNumber, "Vol": abbrNumber, "Vols": abbrNumber, "p": abbrNumber, "pp": abbrNumber,
	"Para": abbrNumber, "Ch": abbrNumber, "Chap": abbrNumber, "Nr": abbrNumber, "Tel": abbrNumber, "tel": abbrNumber,
}

// nonFinalInitialisms are initialisms that never end a sentence.
var nonFinalInitialisms = map[string]bool{"e.g": true, "i.e": true, "E.g": true, "I.e": true}

// abbrevClass returns the class of w (a word without periods, hyphens or the
// like) when it keeps a following period, or abbrNone. digitNext says whether
// a number follows the period.
func abbrevClass(w string, digitNext bool) uint8 {
	if len(w) == 1 {
		if c := w[0]; c >= 'A' && c <= 'Z' {
			return abbrInitial
		}
	}
	if len(w) > 8 {
		return abbrNone
	}
	cls, ok := abbrevs[w]
	if !ok && len(w) > 1 && allUpper(w) {
		var b [8]byte
		b[0] = w[0]
		for k := 1; k < len(w); k++ {
			b[k] = w[k] | 0x20
		}
		cls = abbrevs[string(b[:len(w)])]
	}
	if cls == abbrNumber && !digitNext {
		return abbrNone
	}
	return cls
}

func allUpper(w string) bool {
	for k := 0; k < len(w); k++ {
		if w[k] < 'A' || w[k] > 'Z' {
			return false
		}
	}
	return true
}

// starters are capitalised words that typically open a sentence. A sentence
// ends after an abbreviation such as "Inc." or "U.S." only when one of these
// follows (after "U.S. officials" or "Inc. Chairman" it does not).
var starters = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"It": true, "Its": true, "He": true, "She": true, "They": true, "We": true, "I": true, "You": true,
	"His": true, "Her": true, "Their": true, "Our": true, "My": true, "There": true, "Here": true,
	"But": true, "And": true, "Or": true, "So": true, "Yet": true, "Then": true, "Now": true, "Still": true,
	"In": true, "On": true, "At": true, "For": true, "From": true, "With": true, "By": true, "As": true,
	"If": true, "When": true, "While": true, "After": true, "Before": true, "Since": true, "During": true,
	"However": true, "Meanwhile": true, "Also": true, "Some": true, "Many": true, "Most": true, "All": true,
	"Both": true, "Other": true, "Another": true, "One": true, "Last": true, "Earlier": true, "Later": true,
	"According": true, "Under": true, "Despite": true, "Although": true, "Though": true, "Because": true,
	"What": true, "Who": true, "Why": true, "How": true, "Where": true, "Such": true, "Each": true,
	"Officials": true, "Police": true, "Analysts": true,
}

// continuers are lower-case words after which a line break cannot end a
// sentence ("...met with\nthe minister").
var continuers = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "on": true, "at": true, "by": true,
	"for": true, "with": true, "from": true, "into": true, "onto": true, "and": true, "or": true, "but": true,
	"nor": true, "that": true, "which": true, "who": true, "whom": true, "whose": true, "as": true, "than": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "has": true,
	"have": true, "had": true, "will": true, "would": true, "shall": true, "should": true, "can": true,
	"could": true, "may": true, "might": true, "must": true, "do": true, "does": true, "did": true, "not": true,
	"its": true, "his": true, "her": true, "their": true, "our": true, "my": true, "your": true, "this": true,
	"these": true, "those": true, "said": true, "says": true, "about": true, "after": true, "before": true,
	"over": true, "under": true, "between": true, "against": true, "during": true, "without": true,
	"within": true, "if": true, "when": true, "while": true, "where": true, "because": true, "although": true,
	"per": true, "via": true, "including": true, "such": true, "both": true, "either": true, "neither": true,
	"some": true, "any": true, "each": true, "every": true, "more": true, "most": true, "very": true,
}

// creditWords mark a line as a photo or image credit.
var creditWords = map[string]bool{
	"©": true, "Photo": true, "PHOTO": true, "Photos": true, "Photograph": true, "Credit": true, "CREDIT": true,
	"Credits": true, "Courtesy": true, "Getty": true, "Image": true, "Images": true, "Picture": true,
}
