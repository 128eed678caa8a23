// Command gen builds the gazetteer's embedded data (geo/data/gazetteer.txt.gz and geo/data/stoplist.txt) from the shared GeoNames, CAMEO, Phoenix and UD English EWT files.
//
// It is run by a developer, never by the build or the tests:
//
//	go generate ./geo      (runs: go run ./internal/gen -shared ../../shared -out data)
//
// or from the repository root
//
//	go run ./geo/internal/gen -shared /work/shared -out geo/data
//
// The output is deterministic: the same inputs give the same bytes. The file
// format is described in docs/geo.md and parsed by geo.Read.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/annalist/annalist/geo/internal/fold"
)

func main() {
	shared := flag.String("shared", "../shared", "the shared data folder (with geo/, cameo/, petrarch/, ud-english-ewt/)")
	out := flag.String("out", "geo/data", "output folder")
	flag.Parse()
	if err := run(*shared, *out, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run reads the inputs under shared, builds the gazetteer and writes it to out,
// logging statistics to log.
func run(shared, out string, log io.Writer) error {
	in, err := readInputs(shared)
	if err != nil {
		return err
	}
	data, stop, stats := build(in)
	fmt.Fprint(log, stats)
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	// The zero ModTime and no Name keep the header deterministic.
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "gazetteer.txt.gz"), gz.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "stoplist.txt"), stop, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(log, "wrote %s (%d bytes, %d uncompressed) and stoplist.txt (%d bytes)\n",
		filepath.Join(out, "gazetteer.txt.gz"), gz.Len(), len(data), len(stop))
	return nil
}

// inputs holds the raw tables the generator reads.
type inputs struct {
	cities      [][]string // cities15000.tsv rows without header
	admin1      [][]string // admin1CodesASCII.tsv rows
	countries   [][]string // countryInfo.tsv rows
	cameoNames  [][]string // countrynames.txt rows: name, code, number
	phoenix     []phoenixCode
	ewtLower    map[string]int // EWT: count of lower-case, non-PROPN occurrences per key
	ewtTotal    map[string]int // EWT: count of all occurrences per key
	ewtSentence int
}

// phoenixCode is a country-level code block head of Phoenix.Countries.actors.txt.
type phoenixCode struct {
	name, code string
}

func readInputs(shared string) (*inputs, error) {
	in := &inputs{ewtLower: map[string]int{}, ewtTotal: map[string]int{}}
	var err error
	if in.cities, err = readTSV(filepath.Join(shared, "geo", "cities15000.tsv"), 10, true); err != nil {
		return nil, err
	}
	if in.admin1, err = readTSV(filepath.Join(shared, "geo", "admin1CodesASCII.tsv"), 4, true); err != nil {
		return nil, err
	}
	if in.countries, err = readTSV(filepath.Join(shared, "geo", "countryInfo.tsv"), 17, false); err != nil {
		return nil, err
	}
	if in.cameoNames, err = readTSV(filepath.Join(shared, "cameo", "countrynames.txt"), 3, false); err != nil {
		return nil, err
	}
	if in.phoenix, err = readPhoenix(filepath.Join(shared, "petrarch", "dictionaries", "Phoenix.Countries.actors.txt")); err != nil {
		return nil, err
	}
	for _, f := range []string{"en_ewt-ud-train.conllu", "en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"} {
		if err := readEWT(filepath.Join(shared, "ud-english-ewt", f), in); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// readTSV reads a tab-separated file, skipping '#' comment lines (and the
// first line when header is set); every row must have at least minCols columns.
func readTSV(path string, minCols int, header bool) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rows [][]string
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		line = strings.TrimRight(line, "\r")
		if (header && i == 0) || line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < minCols {
			return nil, fmt.Errorf("%s:%d: %d columns, want at least %d", path, i+1, len(f), minCols)
		}
		rows = append(rows, f)
	}
	return rows, nil
}

// readPhoenix collects the country-level codes of the Phoenix country
// dictionary: a code line "[XXX]" or "[XXXYYY]" (optionally dated) that
// follows the name lines of an entry, taking the entry's first name.
func readPhoenix(path string) ([]phoenixCode, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []phoenixCode
	sc := bufio.NewScanner(f)
	name := ""
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if !strings.HasPrefix(t, "[") && !strings.HasPrefix(t, "+") {
			name = t
			if j := strings.Index(t, "["); j > 0 { // "AFGHANISTAN_  [AFG]"
				name = strings.TrimSpace(t[:j])
				t = strings.TrimSpace(t[j:])
			}
		}
		if strings.HasPrefix(t, "[") {
			code := strings.Trim(strings.Fields(t)[0], "[]")
			if (len(code) == 3 || len(code) == 6) && isUpper(code) {
				out = append(out, phoenixCode{name: strings.ReplaceAll(strings.Trim(name, "_ "), "_", " "), code: code})
			}
		}
	}
	return out, sc.Err()
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

// readEWT counts word forms of a CoNLL-U file by key: all occurrences, and
// those written in lower case and not tagged PROPN (common-word uses).
func readEWT(path string, in *inputs) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" {
			in.ewtSentence++
			continue
		}
		if line[0] == '#' {
			continue
		}
		c := strings.SplitN(line, "\t", 5)
		if len(c) < 5 || strings.ContainsAny(c[0], "-.") {
			continue
		}
		form, upos := c[1], c[3]
		k := fold.Key(form)
		in.ewtTotal[k]++
		if form == strings.ToLower(form) && upos != "PROPN" {
			in.ewtLower[k]++
		}
	}
	return sc.Err()
}

// historic countries that CAMEO and Phoenix code and GeoNames' countryInfo
// lacks, with the city (name, ISO2) that was their capital.
var historic = []struct {
	iso2, iso3, name, continent, capital, capitalCC string
}{
	{"SU", "SUN", "Soviet Union", "EU", "Moscow", "RU"},
	{"DD", "DDR", "East Germany", "EU", "Berlin", "DE"},
	{"", "CSK", "Czechoslovakia", "EU", "Prague", "CZ"},
	{"YU", "YUG", "Yugoslavia", "EU", "Belgrade", "RS"},
}

// cameoExtra maps CAMEO country codes that are not ISO 3166-1 alpha-3 codes
// to the ISO3 (or historic code) of the country they denote. Territory codes
// (USAPRI ...) are derived from the dictionaries in build.
var cameoExtra = map[string]string{
	"KSV": "XKX", // Kosovo: CAMEO follows the World Bank code, GeoNames uses XK/XKX
	"TMP": "TLS", // Timor-Leste: CAMEO keeps the pre-2002 code
}

// aliases are common English names of countries that neither GeoNames'
// countryInfo nor CAMEO's countrynames.txt give, mapped to ISO3. They are
// names, not demonyms: "Afghan" is not a place.
var aliases = map[string]string{
	"United States of America": "USA", "U.S.": "USA", "U.S.A.": "USA", "USA": "USA", "America": "USA",
	"United States": "USA",
	"Britain":       "GBR", "Great Britain": "GBR", "U.K.": "GBR",
	"Russia": "RUS", "Russian Federation": "RUS",
	"Republic of Korea": "KOR", "Democratic People's Republic of Korea": "PRK",
	"Iran": "IRN", "Islamic Republic of Iran": "IRN", "Persia": "IRN",
	"People's Republic of China": "CHN", "Mainland China": "CHN",
	"Viet Nam": "VNM", "Burma": "MMR", "Laos": "LAO", "Lao PDR": "LAO",
	"Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV",
	"DR Congo": "COD", "D.R. Congo": "COD", "Congo-Kinshasa": "COD", "Zaire": "COD",
	"Congo-Brazzaville": "COG", "Congo Republic": "COG",
	"Czech Republic": "CZE", "Macedonia": "MKD", "FYROM": "MKD", "Swaziland": "SWZ",
	"Cape Verde": "CPV", "Holy See": "VAT", "Vatican City": "VAT",
	"East Timor": "TLS", "Timor-Leste": "TLS", "Palestine": "PSE", "Palestinian Territories": "PSE",
	"Holland": "NLD", "Netherlands": "NLD", "U.A.E.": "ARE", "Bosnia": "BIH", "Bosnia-Herzegovina": "BIH",
	"West Germany": "DEU", "Federal Republic of Germany": "DEU",
	"German Democratic Republic": "DDR", "Soviet Union": "SUN", "USSR": "SUN", "U.S.S.R.": "SUN",
	"Union of Soviet Socialist Republics": "SUN", "Czechoslovakia": "CSK", "Yugoslavia": "YUG",
	"Kirghizia": "KGZ", "Byelorussia": "BLR", "Belorussia": "BLR", "Moldavia": "MDA",
	"Brunei Darussalam": "BRN", "Macau": "MAC", "Reunion": "REU", "Réunion": "REU",
	"Curaçao": "CUW", "Saint Martin": "MAF", "Sao Tome": "STP", "São Tomé and Príncipe": "STP",
	"Trinidad": "TTO", "Kampuchea": "KHM", "Dahomey": "BEN", "Upper Volta": "BFA", "Ceylon": "LKA",
	"Rhodesia": "ZWE", "Siam": "THA", "Eswatini": "SWZ", "Czechia": "CZE", "North Macedonia": "MKD",
	"Cabo Verde": "CPV", "Republic of Ireland": "IRL", "Eire": "IRL", "New Guinea": "PNG",
	"Emirates": "ARE", "Saudi": "SAU", "Gambia": "GMB", "Bahamas": "BHS", "Philippines": "PHL",
	"Micronesia": "FSM", "Federated States of Micronesia": "FSM", "Kyrgyz Republic": "KGZ",
	"Slovak Republic": "SVK", "South Korea": "KOR", "North Korea": "PRK",
}

// caseAliases resolve only when written exactly so: in lower case they are
// English words or too short to trust.
var caseAliases = map[string]string{
	"US": "USA", "UK": "GBR", "UAE": "ARE", "DRC": "COD", "PRC": "CHN", "ROK": "KOR",
	"DPRK": "PRK", "GDR": "DDR", "FRG": "DEU",
}

// handStop are stop-list entries the EWT counts cannot find: months and week
// days (capitalised in EWT) and the brief's examples.
var handStop = []string{
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "of", "mobile", "police", "nice", "split", "reading", "male", "god",
	"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
	"northeast", "northwest", "southeast", "southwest", "upper", "lower", "greater", "capital",
}

// regionSuffixes are generic words dropped from admin1 names to add a second
// key ("Sverdlovsk Oblast" also answers to "Sverdlovsk").
var regionSuffixes = []string{
	" province", " region", " department", " district", " governorate", " oblast", " krai",
	" kray", " prefecture", " state", " county", " municipality", " parish", " rayon", " division",
}

// stopMinLower is how many lower-case, non-PROPN uses in EWT make a key a
// common English word; stopMinShare is the share of all its uses they must be.
const (
	stopMinLower = 3
	stopMinShare = 0.5
)

// ewtCommon reports whether EWT uses key k as a common English word: at
// least stopMinLower times in lower case and not tagged PROPN, in at least
// stopMinShare of its uses.
func (in *inputs) ewtCommon(k string) bool {
	lower, all := in.ewtLower[k], in.ewtTotal[k]
	return lower >= stopMinLower && float64(lower) >= stopMinShare*float64(all)
}

// common reports whether k is a common word by EWT or the hand list; such
// words are not made into extra region keys ("Federal District" does not
// answer to "Federal").
func (in *inputs) common(k string) bool {
	if in.ewtCommon(k) {
		return true
	}
	for _, h := range handStop {
		if h == k {
			return true
		}
	}
	return false
}

// place is one output place record in the making.
type place struct {
	rec  string          // the record line without the newline
	keys map[string]bool // key -> primary
}

// build turns the inputs into the gazetteer file, the stop-list file and a
// statistics report.
func build(in *inputs) (data, stop []byte, stats string) {
	var st strings.Builder
	var places []*place
	add := func(p *place, key string, primary bool) {
		if key == "" {
			return
		}
		if prev, ok := p.keys[key]; !ok || (primary && !prev) {
			p.keys[key] = primary
		}
	}

	// Cities, indexed by ISO2 for capital and seat finding.
	type city struct {
		idx          int // index among cities
		name, ascii  string
		cc, a1, fc   string
		lat, lon     string
		pop, id      int
		primaryKeys  []string
		alternateKey []string
	}
	cities := make([]*city, 0, len(in.cities))
	skippedAlt, keptAlt := 0, 0
	for i, r := range in.cities {
		pop, _ := strconv.Atoi(r[7])
		id, _ := strconv.Atoi(r[8])
		c := &city{idx: i, name: r[0], ascii: r[1], cc: r[3], a1: r[4], lat: r[5], lon: r[6], pop: pop, id: id, fc: r[9]}
		c.primaryKeys = variants(fold.Key(c.name), fold.Key(c.ascii))
		seen := map[string]bool{}
		for _, k := range c.primaryKeys {
			seen[k] = true
		}
		for _, a := range strings.Split(r[2], ",") {
			if !usableAlternate(a) {
				if a != "" {
					skippedAlt++
				}
				continue
			}
			for _, k := range variants(fold.Key(a)) {
				if !seen[k] {
					seen[k] = true
					c.alternateKey = append(c.alternateKey, k)
					keptAlt++
				}
			}
		}
		cities = append(cities, c)
	}
	fmt.Fprintf(&st, "cities: %d; alternate names kept as keys: %d, skipped (non-Latin, codes, lower-case romanisations, digits): %d\n",
		len(cities), keptAlt, skippedAlt)
	byCC := map[string][]*city{}
	for _, c := range cities {
		byCC[c.cc] = append(byCC[c.cc], c)
	}
	better := func(a, b *city) bool { // a ranks before b as a representative
		if a.pop != b.pop {
			return a.pop > b.pop
		}
		return a.id < b.id
	}
	findCapital := func(name, cc string) *city {
		if name == "" {
			return nil
		}
		k := fold.Key(name)
		var best *city
		try := func(list []*city, onlyPPLC bool) {
			for _, c := range list {
				if onlyPPLC && c.fc != "PPLC" {
					continue
				}
				match := false
				for _, ck := range c.primaryKeys {
					match = match || ck == k
				}
				if !match {
					continue
				}
				if best == nil || (c.fc == "PPLC") != (best.fc == "PPLC") && c.fc == "PPLC" || (c.fc == "PPLC") == (best.fc == "PPLC") && better(c, best) {
					best = c
				}
			}
		}
		try(byCC[cc], false)
		if best == nil {
			try(cities, true) // AN: Willemstad (CW); CS: Belgrade (RS)
		}
		return best
	}

	// Countries.
	type country struct {
		iso2, iso3, name, continent string
		pop, id                     int
		capital                     *city
		p                           *place
	}
	var ctrs []*country
	byISO3 := map[string]*country{}
	byName := map[string]*country{}
	for _, r := range in.countries {
		pop, _ := strconv.Atoi(r[7])
		id, _ := strconv.Atoi(r[16])
		c := &country{iso2: r[0], iso3: r[1], name: strings.TrimSpace(r[4]), continent: r[8], pop: pop, id: id}
		c.capital = findCapital(r[5], c.iso2)
		if c.capital == nil {
			for _, x := range byCC[c.iso2] {
				if c.capital == nil || x.fc == "PPLC" && c.capital.fc != "PPLC" || (x.fc == "PPLC") == (c.capital.fc == "PPLC") && better(x, c.capital) {
					c.capital = x
				}
			}
		}
		ctrs = append(ctrs, c)
	}
	for _, h := range historic {
		c := &country{iso2: h.iso2, iso3: h.iso3, name: h.name, continent: h.continent, capital: findCapital(h.capital, h.capitalCC)}
		ctrs = append(ctrs, c)
	}
	var noCapital []string
	byISO2 := map[string]bool{}
	for _, c := range ctrs {
		byISO2[c.iso2] = c.iso2 != ""
		byISO3[c.iso3] = c
		byName[fold.Key(c.name)] = c
		if c.capital == nil {
			noCapital = append(noCapital, c.iso2+" "+c.name)
		}
	}
	fmt.Fprintf(&st, "countries: %d (%d historic); without any city for coordinates (not indexed by name): %s\n",
		len(ctrs), len(historic), strings.Join(noCapital, ", "))

	// CAMEO codes that are not ISO3: the fixed table, then territory codes
	// (USAPRI) from countrynames.txt and the Phoenix dictionary, resolved by
	// their last three letters or by their name.
	extra := map[string]string{}
	for k, v := range cameoExtra {
		extra[k] = v
	}
	for _, h := range historic {
		extra[h.iso3] = h.iso3
	}
	territory := func(name, code string) {
		if len(code) != 6 {
			return
		}
		if _, ok := extra[code]; ok {
			return
		}
		if c, ok := byISO3[code[3:]]; ok {
			extra[code] = c.iso3
		} else if c, ok := byName[fold.Key(name)]; ok {
			extra[code] = c.iso3
		}
	}
	var unresolved []string
	for _, r := range in.cameoNames {
		territory(r[0], r[1])
	}
	for _, p := range in.phoenix {
		territory(p.name, p.code)
	}
	for _, r := range in.cameoNames {
		if _, ok := byISO3[r[1]]; !ok && extra[r[1]] == "" && r[1] != "---" {
			unresolved = append(unresolved, r[1]+" "+r[0])
		}
	}
	for _, p := range in.phoenix {
		if _, ok := byISO3[p.code]; !ok && extra[p.code] == "" && len(p.code) == 3 {
			unresolved = append(unresolved, p.code+" "+p.name)
		}
	}
	sort.Strings(unresolved)
	unresolved = uniq(unresolved)
	fmt.Fprintf(&st, "CAMEO codes that are not ISO3: %d mapped; left unmapped (the 3-letter prefix applies): %s\n",
		len(extra), strings.Join(unresolved, "; "))

	// Country places and their keys.
	countryKeys := map[string]bool{}
	for _, c := range ctrs {
		p := &place{keys: map[string]bool{}}
		c.p = p
		places = append(places, p)
	}
	addCountryKey := func(c *country, name string) {
		for _, k := range variants(fold.Key(name)) {
			if c.capital != nil {
				add(c.p, k, true)
			}
			countryKeys[k] = true
			if strings.HasPrefix(k, "the ") {
				countryKeys[k[4:]] = true
				if c.capital != nil {
					add(c.p, k[4:], true)
				}
			}
		}
	}
	for _, c := range ctrs {
		addCountryKey(c, c.name)
	}
	for _, r := range in.cameoNames {
		if r[1] == "---" {
			continue
		}
		if c, ok := byName[fold.Key(r[0])]; ok {
			addCountryKey(c, r[0])
		} else if c, ok := byISO3[r[1]]; ok {
			addCountryKey(c, r[0])
		} else if c, ok := byISO3[extra[r[1]]]; ok {
			addCountryKey(c, r[0])
		}
	}
	for _, name := range sortedKeys(aliases) {
		c, ok := byISO3[aliases[name]]
		if !ok {
			panic("alias to unknown country " + name)
		}
		addCountryKey(c, name)
	}
	for _, c := range caseAliases {
		if _, ok := byISO3[c]; !ok {
			panic("case alias to unknown country " + c)
		}
	}

	// Admin1 regions: coordinates of the seat (PPLA, else the national
	// capital in the region, else its most populous city); population is the
	// sum over its listed cities, leaving out sections of cities (PPLX) and
	// historical, abandoned or destroyed places.
	type region struct {
		cc, code, name, ascii string
		id                    int
	}
	var regions []region
	for _, r := range in.admin1 {
		cc, code, ok := strings.Cut(r[0], ".")
		if !ok {
			continue
		}
		id, _ := strconv.Atoi(r[3])
		regions = append(regions, region{cc: cc, code: code, name: r[1], ascii: r[2], id: id})
	}
	sort.Slice(regions, func(i, j int) bool {
		if regions[i].cc != regions[j].cc {
			return regions[i].cc < regions[j].cc
		}
		return regions[i].code < regions[j].code
	})
	regionOf := map[string]*region{}
	for i := range regions {
		regionOf[regions[i].cc+"."+regions[i].code] = &regions[i]
	}
	noSeat := 0
	var regionRecs []*place
	for _, r := range regions {
		if !byISO2[r.cc] {
			continue
		}
		var seat *city
		pop := 0
		rank := func(c *city) int {
			switch c.fc {
			case "PPLA":
				return 2
			case "PPLC":
				return 1
			}
			return 0
		}
		for _, c := range byCC[r.cc] {
			if c.a1 != r.code {
				continue
			}
			if !strings.HasPrefix(c.fc, "PPLX") && c.fc != "PPLH" && c.fc != "PPLQ" && c.fc != "PPLW" {
				pop += c.pop // sections of cities and former places would count twice or not at all
			}
			if seat == nil || rank(c) > rank(seat) || rank(c) == rank(seat) && better(c, seat) {
				seat = c
			}
		}
		if seat == nil {
			noSeat++
			continue
		}
		p := &place{keys: map[string]bool{}}
		p.rec = strings.Join([]string{"R", r.cc, r.code, r.name, r.ascii, strconv.Itoa(r.id), strconv.Itoa(pop), seat.lat, seat.lon}, "\t")
		for _, k := range variants(fold.Key(r.name), fold.Key(r.ascii)) {
			add(p, k, true)
			for _, suf := range regionSuffixes {
				if s, ok := strings.CutSuffix(k, suf); ok && len(s) >= 4 && !in.common(s) {
					for _, v := range variants(s) {
						add(p, v, false)
					}
				}
			}
		}
		regionRecs = append(regionRecs, p)
	}
	fmt.Fprintf(&st, "admin1 regions: %d kept, %d dropped for want of a listed city to place them\n", len(regionRecs), noSeat)
	places = append(places, regionRecs...)

	// City places.
	cityBase := len(places)
	for _, c := range cities {
		p := &place{keys: map[string]bool{}}
		p.rec = strings.Join([]string{"P", strconv.Itoa(c.id), c.name, c.ascii, c.cc, c.a1, c.lat, c.lon, strconv.Itoa(c.pop), c.fc}, "\t")
		for _, k := range c.primaryKeys {
			add(p, k, true)
		}
		for _, k := range c.alternateKey {
			add(p, k, false)
		}
		places = append(places, p)
	}

	// Country records (now that city indexes are known).
	for _, c := range ctrs {
		capIdx := -1
		if c.capital != nil {
			capIdx = cityBase + c.capital.idx
		}
		fc := "PCL"
		if c.id == 0 {
			fc = "PCLH" // the historic countries of the table above
		}
		c.p.rec = strings.Join([]string{"C", c.iso2, c.iso3, c.name, c.continent, strconv.Itoa(c.pop), strconv.Itoa(c.id), strconv.Itoa(capIdx), fc}, "\t")
	}

	// The index.
	index := map[string][]int{}
	for i, p := range places {
		for k, primary := range p.keys {
			v := i << 1
			if primary {
				v |= 1
			}
			index[k] = append(index[k], v)
		}
	}
	keys := sortedKeys(index)
	total := 0
	for _, k := range keys {
		sort.Ints(index[k])
		total += len(index[k])
	}
	fmt.Fprintf(&st, "index: %d keys, %d postings\n", len(keys), total)

	// The stop-list: keys that are common English words by the EWT counts,
	// plus the hand list, minus country names.
	type stopEntry struct {
		key, why string
	}
	var stops []stopEntry
	stopSet := map[string]bool{}
	for _, k := range keys {
		if countryKeys[k] || strings.Contains(k, " ") {
			continue
		}
		if in.ewtCommon(k) {
			stops = append(stops, stopEntry{k, fmt.Sprintf("EWT %d of %d uses lower-case", in.ewtLower[k], in.ewtTotal[k])})
			stopSet[k] = true
		} else if len(k) <= 2 {
			stops = append(stops, stopEntry{k, "two letters or fewer"})
			stopSet[k] = true
		}
	}
	for _, k := range handStop {
		if _, ok := index[k]; ok && !stopSet[k] {
			stops = append(stops, stopEntry{k, "hand list (month, week day or known trap)"})
			stopSet[k] = true
		}
	}
	sort.Slice(stops, func(i, j int) bool { return stops[i].key < stops[j].key })
	var sb bytes.Buffer
	sb.WriteString("# Stop-list of the gazetteer: names of places that are also common English words.\n")
	sb.WriteString("# geo.Gazetteer.Lookup resolves them only for a context country or when the caller\n")
	sb.WriteString("# signals place-like use (Context.PlaceLike). Generated by geo/internal/gen: a key is\n")
	fmt.Fprintf(&sb, "# listed when UD English EWT (%d sentences) has it at least %d times in lower case and\n", in.ewtSentence, stopMinLower)
	fmt.Fprintf(&sb, "# not tagged PROPN, in at least %.0f%% of its uses; keys of two letters or fewer; and the\n", stopMinShare*100)
	sb.WriteString("# hand list in gen (months, week days, known traps). Country names are never listed.\n")
	sb.WriteString("# Format: key<TAB>reason. Edit by changing the generator, not this file.\n")
	for _, s := range stops {
		sb.WriteString(s.key + "\t" + s.why + "\n")
	}
	fmt.Fprintf(&st, "stop-list: %d keys\n", len(stops))

	// Write the gazetteer.
	var b bytes.Buffer
	b.WriteString("annalist-gazetteer\t1\n")
	b.WriteString("# Place data: GeoNames (geonames.org), CC BY 4.0 (cities15000, admin1CodesASCII, countryInfo).\n")
	b.WriteString("# Country name variants and CAMEO codes: CAMEO countrynames.txt (MIT, Philip Schrodt) and\n")
	b.WriteString("# Phoenix.Countries.actors.txt (MIT, Open Event Data Alliance). Generated by geo/internal/gen.\n")
	for _, p := range places {
		b.WriteString(p.rec)
		b.WriteByte('\n')
	}
	for _, code := range sortedKeys(extra) {
		b.WriteString("X\t" + code + "\t" + extra[code] + "\n")
	}
	for _, a := range sortedKeys(caseAliases) {
		b.WriteString("U\t" + a + "\t" + caseAliases[a] + "\n")
	}
	for _, k := range keys {
		b.WriteString("K\t" + k + "\t")
		for i, v := range index[k] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(v))
		}
		b.WriteByte('\n')
	}
	return b.Bytes(), sb.Bytes(), st.String()
}

// usableAlternate reports whether a GeoNames alternate name is worth a key:
// Latin script only, at least one upper-case letter (GeoNames' lower-case
// entries are machine romanisations like "bei jing"), no digits, and not a
// short all-capitals code (IATA "CAN", "MAN").
func usableAlternate(a string) bool {
	if a == "" {
		return false
	}
	upper, lower, letters := false, false, 0
	for _, r := range a {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsLetter(r):
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			letters++
			upper = upper || unicode.IsUpper(r)
			lower = lower || unicode.IsLower(r)
		case r == ' ' || r == '-' || r == '\'' || r == '.' || r == '’' || r == ',' || r == 'ʼ' || r == 'ʻ' || r == '(' || r == ')':
		default:
			return false
		}
	}
	if !upper || letters < 2 {
		return false
	}
	if !lower && letters <= 4 {
		return false
	}
	return true
}

// variants returns the given keys plus their "saint"/"st."/"st" and
// "sainte"/"ste."/"ste" spellings, without duplicates.
func variants(keys ...string) []string {
	var out []string
	seen := map[string]bool{}
	addK := func(k string) {
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	for _, k := range keys {
		addK(k)
		for _, set := range [][]string{{"saint ", "st. ", "st "}, {"sainte ", "ste. ", "ste "}} {
			for _, from := range set {
				if rest, ok := strings.CutPrefix(k, from); ok {
					for _, to := range set {
						addK(to + rest)
					}
				}
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func uniq(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
