package export

import (
	"bufio"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"github.com/annalist/annalist"
)

// Meta is what a store knows about an event beyond the event itself.
type Meta struct {
	// ID is the event's stable id in the store ("docid#n").
	ID string
	// URL and Publisher describe the article the event was read from.
	URL, Publisher string
	// NumMentions and NumArticles are GDELT's corpus-wide counts of a
	// collapsed event (engine.CollapsedEvent); zero means not collapsed, and
	// the gdelt format then writes the event's own MentionCount and one
	// article.
	NumMentions, NumArticles int
}

// MetaWriter is implemented by the formats with columns for Meta (gdelt,
// icews, phoenix) and by jsonl (collapsed counts only); callers that have it
// call WriteMeta instead of Write.
type MetaWriter interface {
	WriteMeta(ev *annalist.Event, m Meta) error
}

// Options are the lookups and the clock some formats use.
type Options struct {
	// CountryName names a CAMEO country code ("CHN" → "China") and reports
	// whether the code is a country; nil knows no countries, and actor
	// codes are then split as if their first three letters were one.
	CountryName func(code string) (string, bool)
	// Now is the time stamped in GDELT's DATEADDED; zero means time.Now().
	Now time.Time
}

func (o Options) withDefaults() Options {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

func (o Options) country(code string) (string, bool) {
	if o.CountryName == nil {
		return "", false
	}
	return o.CountryName(code)
}

// actorTypes are CAMEO's actor role and sector codes with the sector names
// ICEWS-style tables use for them.
var actorTypes = map[string]string{
	"COP": "Police", "GOV": "Government", "INS": "Insurgents", "JUD": "Judiciary", "MIL": "Military",
	"OPP": "Opposition", "PTY": "Political Parties", "REB": "Rebels", "SEP": "Separatists",
	"SPY": "State Intelligence", "UAF": "Unaffiliated Armed Forces", "AGR": "Agriculture",
	"BUS": "Business", "CRM": "Criminals", "CVL": "Civilians", "DEV": "Development", "EDU": "Education",
	"ELI": "Elites", "ENV": "Environment", "HLH": "Health", "HRI": "Human Rights", "LAB": "Labor",
	"LEG": "Legislature", "MED": "Media", "REF": "Refugees", "MOD": "Moderate", "RAD": "Radical",
	"IGO": "International Government Organization", "NGO": "Non-Governmental Organization",
	"IMG": "International Militarized Group", "MNC": "Multinational Corporation",
	"NGM": "Non-Governmental Movement", "SET": "Settlers",
}

// religions are CAMEO's religion codes.
var religions = map[string]bool{
	"ADR": true, "ALE": true, "ATH": true, "BAH": true, "BUD": true, "CHR": true, "CON": true, "CPT": true,
	"CTH": true, "DOX": true, "DRZ": true, "HIN": true, "HSD": true, "ITR": true, "JAN": true, "JEW": true,
	"JHW": true, "LDS": true, "MOS": true, "MRN": true, "NRM": true, "PAG": true, "PRO": true, "SFI": true,
	"SHI": true, "SHN": true, "SIK": true, "SUN": true, "TAO": true, "UDI": true, "ZRO": true,
}

// actorParts is a CAMEO actor code split into GDELT's fields.
type actorParts struct {
	Country, KnownGroup, Ethnic string
	Religions, Types            []string
	// Rest is what follows the country (or first part) and the first type:
	// Phoenix's attribute.
	Entity, Role, Attribute string
}

// splitActor splits a CAMEO actor code into 3-letter parts: a leading
// country code is the country; type codes (GOV, MIL, IGO, ...) fill up to
// three types; religion codes up to two religions; the first other part
// is the known group (UNO in IGOUNO). Ethnic codes cannot be told apart
// from known groups without CAMEO's ethnic list and stay empty. Codes that
// are not letters in groups of three ("---", quoted new actors) give
// nothing.
func splitActor(code string, o Options) actorParts {
	var p actorParts
	if len(code) < 3 || len(code)%3 != 0 {
		return p
	}
	for _, r := range code {
		if r < 'A' || r > 'Z' {
			return p
		}
	}
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		if i == 0 {
			if _, ok := o.country(part); ok {
				p.Country = part
				continue
			}
			if _, ok := actorTypes[part]; !ok && o.CountryName == nil {
				p.Country = part
				continue
			}
		}
		switch {
		case actorTypes[part] != "" && len(p.Types) < 3:
			p.Types = append(p.Types, part)
		case religions[part] && len(p.Religions) < 2:
			p.Religions = append(p.Religions, part)
		case p.KnownGroup == "":
			p.KnownGroup = part
		}
	}
	p.Entity = code[:3]
	if len(code) >= 6 {
		if actorTypes[code[3:6]] != "" {
			p.Role = code[3:6]
			p.Attribute = code[6:]
		} else {
			p.Attribute = code[3:]
		}
	}
	return p
}

func nth(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

// actorName is the name a table shows for an actor: the dictionary's
// primary phrase when an entry matched, else the words of the text.
func actorName(a *annalist.Actor) string {
	if a.Root != "" {
		return a.Root
	}
	return a.Text
}

// eventDay returns the event's date as a time (the first day of a coarser
// period) and whether it has one.
func eventDay(date string) (time.Time, bool) {
	for _, l := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(date) == len(l) {
			if t, err := time.Parse(l, date); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func writeRow(w *bufio.Writer, cols []string) error {
	for i, c := range cols {
		cols[i] = cell(c)
	}
	_, err := w.WriteString(strings.Join(cols, "\t") + "\n")
	return err
}

// csvWriter writes the tsv format's columns as RFC 4180 CSV with a header.
type csvWriter struct {
	b      *bufio.Writer
	w      *csv.Writer
	header bool
}

func newCSVWriter(w *bufio.Writer, _ Options) Writer { return &csvWriter{b: w, w: csv.NewWriter(w)} }

func (c *csvWriter) Write(ev *annalist.Event) error {
	if !c.header {
		c.header = true
		if err := c.w.Write(TSVHeader); err != nil {
			return err
		}
	}
	return c.w.Write([]string{ev.DocID, strconv.Itoa(ev.SentenceIndex), ev.Date, ev.Source.Code, ev.Source.Text,
		ev.Target.Code, ev.Target.Text, ev.Event.Code, ev.Event.Root, ev.Event.Name, ftoa(ev.Event.Goldstein),
		strconv.Itoa(ev.Event.QuadClass), ev.Event.PLOVER, ev.Evidence.Verb, ev.Evidence.Pattern.Entry, ev.SentenceText})
}

func (c *csvWriter) Flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return err
	}
	return c.b.Flush()
}

// GDELTColumns are the 58 columns of the GDELT 1.0 event table (the 2013
// codebook's 57 and SOURCEURL), in order; the gdelt format writes no header.
var GDELTColumns = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
	"Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
	"Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles", "AvgTone",
	"Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
	"Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
	"DATEADDED", "SOURCEURL"}

type gdeltWriter struct {
	w *bufio.Writer
	o Options
	n int
}

func (g *gdeltWriter) Write(ev *annalist.Event) error { return g.WriteMeta(ev, Meta{}) }

func (g *gdeltWriter) WriteMeta(ev *annalist.Event, m Meta) error {
	g.n++
	cols := make([]string, 0, len(GDELTColumns))
	cols = append(cols, strconv.Itoa(g.n))
	if d, ok := eventDay(ev.Date); ok {
		frac := float64(int(d.Month())*30+d.Day()) / 365
		cols = append(cols, d.Format("20060102"), d.Format("200601"), d.Format("2006"), strconv.FormatFloat(float64(d.Year())+frac, 'f', 4, 64))
	} else {
		cols = append(cols, "", "", "", "")
	}
	for _, a := range []*annalist.Actor{&ev.Source, &ev.Target} {
		p := splitActor(a.Code, g.o)
		cols = append(cols, a.Code, actorName(a), p.Country, p.KnownGroup, p.Ethnic,
			nth(p.Religions, 0), nth(p.Religions, 1), nth(p.Types, 0), nth(p.Types, 1), nth(p.Types, 2))
	}
	root := "0"
	first := ev.SentenceIndex
	for _, s := range ev.Mentions {
		first = min(first, s)
	}
	if first < 3 {
		root = "1"
	}
	code := ev.Event.Code
	base := code
	if len(code) > 3 {
		base = code[:3]
	}
	mentions, sources, articles := strconv.Itoa(max(ev.MentionCount, 1)), "1", "1"
	if m.NumArticles > 0 {
		// Collapsed across articles: events do not carry their outlet.
		mentions, sources, articles = strconv.Itoa(m.NumMentions), "", strconv.Itoa(m.NumArticles)
	}
	cols = append(cols, root, code, base, ev.Event.Root, strconv.Itoa(ev.Event.QuadClass), ftoa(ev.Event.Goldstein),
		mentions, sources, articles, "0")
	cols = append(cols, "", "", "", "", "", "", "", "", "", "", "", "", "", "")
	if l := ev.Location; l != nil {
		cols = append(cols, strconv.Itoa(gdeltGeoType(l)), gdeltFullName(l), l.Country, "",
			ftoa(l.Lat), ftoa(l.Lon), geonameID(l))
	} else {
		cols = append(cols, "", "", "", "", "", "", "")
	}
	url := m.URL
	if url == "" {
		url = ev.DocID
	}
	cols = append(cols, g.o.Now.UTC().Format("20060102"), url)
	return writeRow(g.w, cols)
}

func (g *gdeltWriter) Flush() error { return g.w.Flush() }

// gdeltGeoType is GDELT's geographic resolution: 1 country, 2 US state,
// 3 US city, 4 world city, 5 world state.
func gdeltGeoType(l *annalist.Place) int {
	us := l.Country == "USA"
	switch l.Kind {
	case "country":
		return 1
	case "region":
		if us {
			return 2
		}
		return 5
	}
	if us {
		return 3
	}
	return 4
}

func gdeltFullName(l *annalist.Place) string {
	parts := []string{l.Name}
	if l.Kind != "country" {
		if l.Admin1 != "" && l.Admin1 != l.Name {
			parts = append(parts, l.Admin1)
		}
		if l.CountryName != "" {
			parts = append(parts, l.CountryName)
		}
	}
	return strings.Join(parts, ", ")
}

func geonameID(l *annalist.Place) string {
	if l.GeoNameID == 0 {
		return ""
	}
	return strconv.Itoa(l.GeoNameID)
}

// ICEWSColumns are the 20 columns of the ICEWS event files, in order; the
// icews format writes them as its header line.
var ICEWSColumns = []string{"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
	"Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country",
	"Story ID", "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"}

type icewsWriter struct {
	w      *bufio.Writer
	o      Options
	n      int
	header bool
}

func (i *icewsWriter) Write(ev *annalist.Event) error { return i.WriteMeta(ev, Meta{}) }

func (i *icewsWriter) WriteMeta(ev *annalist.Event, m Meta) error {
	if !i.header {
		i.header = true
		if err := writeRow(i.w, append([]string(nil), ICEWSColumns...)); err != nil {
			return err
		}
	}
	i.n++
	id := m.ID
	if id == "" {
		id = strconv.Itoa(i.n)
	}
	date := ""
	if d, ok := eventDay(ev.Date); ok {
		date = d.Format("2006-01-02")
	}
	cols := []string{id, date}
	side := func(a *annalist.Actor) {
		p := splitActor(a.Code, i.o)
		var sectors []string
		for _, t := range p.Types {
			sectors = append(sectors, actorTypes[t])
		}
		country := ""
		if p.Country != "" {
			if name, ok := i.o.country(p.Country); ok {
				country = name
			} else {
				country = p.Country
			}
		}
		cols = append(cols, actorName(a), strings.Join(sectors, ","), country)
	}
	side(&ev.Source)
	cols = append(cols, ev.Event.Name, ev.Event.Code, ftoa(ev.Event.Goldstein))
	side(&ev.Target)
	cols = append(cols, ev.DocID, strconv.Itoa(ev.SentenceIndex+1), m.Publisher)
	if l := ev.Location; l != nil {
		city, province := "", l.Admin1
		switch l.Kind {
		case "city", "capital":
			city = l.Name
		case "region":
			province = l.Name
		}
		country := l.CountryName
		if country == "" {
			country = l.Country
			if name, ok := i.o.country(l.Country); ok {
				country = name
			}
		}
		cols = append(cols, city, "", province, country, ftoa(l.Lat), ftoa(l.Lon))
	} else {
		cols = append(cols, "", "", "", "", "", "")
	}
	return writeRow(i.w, cols)
}

func (i *icewsWriter) Flush() error { return i.w.Flush() }

// PhoenixColumns are the 26 columns of the Phoenix data set, in order;
// the phoenix format writes no header, as the Phoenix files have none.
var PhoenixColumns = []string{"EventID", "Date", "Year", "Month", "Day",
	"SourceActorFull", "SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
	"TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
	"EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues",
	"Lat", "Lon", "LocationName", "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources"}

type phoenixWriter struct {
	w *bufio.Writer
	o Options
	n int
}

func (p *phoenixWriter) Write(ev *annalist.Event) error { return p.WriteMeta(ev, Meta{}) }

func (p *phoenixWriter) WriteMeta(ev *annalist.Event, m Meta) error {
	p.n++
	id := m.ID
	if id == "" {
		id = strconv.Itoa(p.n)
	}
	cols := []string{id}
	if d, ok := eventDay(ev.Date); ok {
		cols = append(cols, d.Format("20060102"), d.Format("2006"), d.Format("01"), d.Format("02"))
	} else {
		cols = append(cols, "", "", "", "")
	}
	for _, a := range []*annalist.Actor{&ev.Source, &ev.Target} {
		s := splitActor(a.Code, p.o)
		cols = append(cols, a.Code, s.Entity, s.Role, s.Attribute)
	}
	var issues []string
	for _, is := range ev.Issues {
		issues = append(issues, is.Code+","+strconv.Itoa(is.Count))
	}
	cols = append(cols, ev.Event.Code, ev.Event.Root, strconv.Itoa(ev.Event.QuadClass), ftoa(ev.Event.Goldstein), strings.Join(issues, ";"))
	if l := ev.Location; l != nil {
		cols = append(cols, ftoa(l.Lat), ftoa(l.Lon), l.Name, l.Admin1, l.Country)
	} else {
		cols = append(cols, "", "", "", "", "")
	}
	cols = append(cols, ev.DocID+"_"+strconv.Itoa(ev.SentenceIndex+1), m.URL, m.Publisher)
	return writeRow(p.w, cols)
}

func (p *phoenixWriter) Flush() error { return p.w.Flush() }
