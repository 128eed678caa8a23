package geo

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/geo/internal/fold"
)

// Gazetteer is an immutable place-name index. Build one with Default, Load or
// Read; its methods are safe for concurrent use. The zero value is an empty
// gazetteer that resolves nothing.
type Gazetteer struct {
	// places holds countries (places[i] is countries[i]), then regions, then cities.
	places []Place
	// weight is each place's static rank weight (see placeWeight).
	weight    []float32
	countries []Country
	// codes maps ISO2, ISO3 and CAMEO-only codes (KSV, USAPRI) to a country index.
	codes map[string]int
	// caseAlias maps aliases that match only as written ("US", "UK") to a country index.
	caseAlias map[string]int
	// keys is the sorted list of name keys (fold.Key); the postings of keys[i]
	// are posts[offs[i]:offs[i+1]], each place index<<1 | 1 for a primary name.
	keys  []string
	offs  []int32
	posts []int32
	stop  map[string]bool
}

// Record types of the data file, in the order they must appear.
const (
	secHeader = iota
	secCountry
	secRegion
	secPlace
	secCode
	secAlias
	secKey
)

// parser holds the state of one parse.
type parser struct {
	g          *Gazetteer
	name       string
	line       int
	sec        int
	regionName map[string]string // "CC.code" -> region name
	capLine    []int             // line of each country record
	capIdx     []int
	buf        [10]string
}

// errAt returns a located EINVALID error for field col (1-based) of the current line.
func (p *parser) errAt(col int, format string, args ...any) error {
	return annalist.ErrorAt(p.name, p.line, col, "geo: "+format, args...)
}

// parse reads the text of a data file (see docs/geo.md for the format).
func parse(text, name string) (*Gazetteer, error) {
	g := &Gazetteer{codes: map[string]int{}, caseAlias: map[string]int{}, stop: map[string]bool{}}
	p := &parser{g: g, name: name, regionName: map[string]string{}}
	nKeys := strings.Count(text, "\nK\t")
	g.keys = make([]string, 0, nKeys)
	g.offs = make([]int32, 0, nKeys+1)
	g.offs = append(g.offs, 0)
	g.posts = make([]int32, 0, nKeys+nKeys/8)
	nPlaces := strings.Count(text, "\nC\t") + strings.Count(text, "\nR\t") + strings.Count(text, "\nP\t")
	g.places = make([]Place, 0, nPlaces)
	g.weight = make([]float32, 0, nPlaces)
	for len(text) > 0 {
		p.line++
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		if err := p.record(line); err != nil {
			return nil, err
		}
	}
	if p.sec == secHeader {
		return nil, annalist.ErrorAt(name, 0, 0, "geo: no \"annalist-gazetteer\" header line")
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	return g, nil
}

// fields splits a record into exactly n tab-separated fields, reusing the
// parser's buffer (the result is valid until the next call).
func (p *parser) fields(line string, n int) ([]string, error) {
	f := p.buf[:0]
	for {
		field, rest, more := strings.Cut(line, "\t")
		if len(f) == n {
			return nil, p.errAt(0, "%s record has more than %d fields", f[0], n)
		}
		f = append(f, field)
		if !more {
			break
		}
		line = rest
	}
	if len(f) != n {
		return nil, p.errAt(0, "%s record has %d fields, want %d", f[0], len(f), n)
	}
	return f, nil
}

// col returns the 1-based byte column at which field i of f starts.
func col(f []string, i int) int {
	c := 1
	for j := 0; j < i; j++ {
		c += len(f[j]) + 1
	}
	return c
}

func (p *parser) atoi(f []string, i int) (int, error) {
	n, err := strconv.Atoi(f[i])
	if err != nil || n < 0 {
		return 0, p.errAt(col(f, i), "%q is not a non-negative integer", f[i])
	}
	return n, nil
}

func (p *parser) coord(f []string, i int, limit float64) (float64, error) {
	x, err := strconv.ParseFloat(f[i], 64)
	if err != nil || !(x >= -limit && x <= limit) {
		return 0, p.errAt(col(f, i), "%q is not a coordinate within ±%g", f[i], limit)
	}
	return x, nil
}

// country returns the index of the country with the given ISO2/ISO3/CAMEO code in field i.
func (p *parser) country(f []string, i int) (int, error) {
	ci, ok := p.g.codes[f[i]]
	if !ok || f[i] == "" {
		return 0, p.errAt(col(f, i), "unknown country %q", f[i])
	}
	return ci, nil
}

// section returns the section of a record type, or -1 for an unknown one.
func section(kind string) int {
	switch kind {
	case "annalist-gazetteer":
		return secHeader
	case "C":
		return secCountry
	case "R":
		return secRegion
	case "P":
		return secPlace
	case "X":
		return secCode
	case "U":
		return secAlias
	case "K":
		return secKey
	}
	return -1
}

// record parses one non-comment line.
func (p *parser) record(line string) error {
	g := p.g
	kind, _, _ := strings.Cut(line, "\t")
	s := section(kind)
	if s < 0 {
		return p.errAt(1, "unknown record type %q", kind)
	}
	if s == secHeader {
		if p.sec != secHeader {
			return p.errAt(1, "header line repeated")
		}
		if line != "annalist-gazetteer\t1" {
			return p.errAt(1, "unsupported header %q, want \"annalist-gazetteer\\t1\"", line)
		}
		p.sec = secCountry
		return nil
	}
	if p.sec == secHeader {
		return p.errAt(1, "the first line must be the \"annalist-gazetteer\\t1\" header")
	}
	if s < p.sec {
		return p.errAt(1, "%s record after a later section (order: C, R, P, X, U, K)", kind)
	}
	p.sec = s
	switch s {
	case secCountry:
		f, err := p.fields(line, 9)
		if err != nil {
			return err
		}
		pop, err := p.atoi(f, 5)
		if err != nil {
			return err
		}
		id, err := p.atoi(f, 6)
		if err != nil {
			return err
		}
		capIdx, err := strconv.Atoi(f[7])
		if err != nil || capIdx < -1 {
			return p.errAt(col(f, 7), "capital %q is not a place index or -1", f[7])
		}
		if len(f[2]) != 3 || !upperASCII(f[2]) || f[1] != "" && (len(f[1]) != 2 || !upperASCII(f[1])) {
			return p.errAt(col(f, 1), "country codes %q/%q are not ISO2/ISO3", f[1], f[2])
		}
		if f[3] == "" {
			return p.errAt(col(f, 3), "empty country name")
		}
		for _, c := range []string{f[1], f[2]} {
			if _, dup := g.codes[c]; dup && c != "" {
				return p.errAt(col(f, 1), "country code %q repeated", c)
			}
		}
		ci := len(g.countries)
		if f[1] != "" {
			g.codes[f[1]] = ci
		}
		g.codes[f[2]] = ci
		g.countries = append(g.countries, Country{ISO2: f[1], ISO3: f[2], CAMEO: f[2], Name: f[3], Continent: f[4], Population: pop, GeoNameID: id})
		g.places = append(g.places, Place{Name: f[3], ASCIIName: fold.ASCII(f[3]), GeoNameID: id, CountryISO2: f[1], CountryISO3: f[2],
			CountryName: f[3], Population: pop, FeatureCode: f[8], Kind: KindCountry})
		g.weight = append(g.weight, placeWeight(KindCountry, "", pop))
		p.capLine = append(p.capLine, p.line)
		p.capIdx = append(p.capIdx, capIdx)
	case secRegion:
		f, err := p.fields(line, 9)
		if err != nil {
			return err
		}
		ci, err := p.country(f, 1)
		if err != nil {
			return err
		}
		id, err := p.atoi(f, 5)
		if err != nil {
			return err
		}
		pop, err := p.atoi(f, 6)
		if err != nil {
			return err
		}
		lat, err := p.coord(f, 7, 90)
		if err != nil {
			return err
		}
		lon, err := p.coord(f, 8, 180)
		if err != nil {
			return err
		}
		if f[2] == "" || f[3] == "" {
			return p.errAt(col(f, 2), "empty region code or name")
		}
		c := g.countries[ci]
		p.regionName[c.ISO2+"."+f[2]] = f[3]
		g.places = append(g.places, Place{Name: f[3], ASCIIName: f[4], GeoNameID: id, Lat: lat, Lon: lon, CountryISO2: c.ISO2, CountryISO3: c.ISO3,
			CountryName: c.Name, Admin1Code: f[2], Admin1Name: f[3], Population: pop, FeatureCode: "ADM1", Kind: KindAdmin1})
		g.weight = append(g.weight, placeWeight(KindAdmin1, "", pop))
	case secPlace:
		f, err := p.fields(line, 10)
		if err != nil {
			return err
		}
		id, err := p.atoi(f, 1)
		if err != nil {
			return err
		}
		ci, err := p.country(f, 4)
		if err != nil {
			return err
		}
		lat, err := p.coord(f, 6, 90)
		if err != nil {
			return err
		}
		lon, err := p.coord(f, 7, 180)
		if err != nil {
			return err
		}
		pop, err := p.atoi(f, 8)
		if err != nil {
			return err
		}
		if f[2] == "" {
			return p.errAt(col(f, 2), "empty place name")
		}
		c := g.countries[ci]
		kind := KindCity
		if f[9] == "PPLC" {
			kind = KindCapital
		}
		g.places = append(g.places, Place{Name: f[2], ASCIIName: f[3], GeoNameID: id, Lat: lat, Lon: lon, CountryISO2: c.ISO2, CountryISO3: c.ISO3,
			CountryName: c.Name, Admin1Code: f[5], Admin1Name: p.regionName[c.ISO2+"."+f[5]], Population: pop, FeatureCode: f[9], Kind: kind})
		g.weight = append(g.weight, placeWeight(kind, f[9], pop))
	case secCode:
		f, err := p.fields(line, 3)
		if err != nil {
			return err
		}
		ci, err := p.country(f, 2)
		if err != nil {
			return err
		}
		if (len(f[1]) != 3 && len(f[1]) != 6) || !upperASCII(f[1]) {
			return p.errAt(col(f, 1), "CAMEO code %q is not 3 or 6 capital letters", f[1])
		}
		if prev, dup := g.codes[f[1]]; dup && prev != ci {
			return p.errAt(col(f, 1), "code %q already names %s", f[1], g.countries[prev].Name)
		}
		g.codes[f[1]] = ci
		if len(f[1]) == 3 && f[1] != g.countries[ci].ISO3 {
			g.countries[ci].CAMEO = f[1]
		}
	case secAlias:
		f, err := p.fields(line, 3)
		if err != nil {
			return err
		}
		ci, err := p.country(f, 2)
		if err != nil {
			return err
		}
		if strings.TrimSpace(f[1]) != f[1] || f[1] == "" {
			return p.errAt(col(f, 1), "alias %q is empty or has surrounding space", f[1])
		}
		g.caseAlias[f[1]] = ci
	case secKey:
		f, err := p.fields(line, 3)
		if err != nil {
			return err
		}
		k := f[1]
		if !folded(k) {
			return p.errAt(col(f, 1), "key %q is not in folded form (want %q)", k, fold.Key(k))
		}
		if n := len(g.keys); n > 0 && g.keys[n-1] >= k {
			return p.errAt(col(f, 1), "key %q is out of order or repeated (after %q)", k, g.keys[n-1])
		}
		rest, c := f[2], col(f, 2)
		for {
			item, more, found := strings.Cut(rest, ",")
			v, err := strconv.Atoi(item)
			if err != nil || v < 0 || v>>1 >= len(g.places) {
				return p.errAt(c, "posting %q is not a place index (times 2, plus 1 for a primary name) below %d", item, 2*len(g.places))
			}
			g.posts = append(g.posts, int32(v))
			if !found {
				break
			}
			rest, c = more, c+len(item)+1
		}
		g.keys = append(g.keys, k)
		g.offs = append(g.offs, int32(len(g.posts)))
	}
	return nil
}

// finish resolves the countries' capitals and builds their places.
func (p *parser) finish() error {
	g := p.g
	for ci := range g.countries {
		idx := p.capIdx[ci]
		if idx < 0 {
			continue
		}
		if idx < len(g.countries) || idx >= len(g.places) || g.places[idx].Kind != KindCity && g.places[idx].Kind != KindCapital {
			return annalist.ErrorAt(p.name, p.capLine[ci], 0, "geo: capital %d of %s is not a city record", idx, g.countries[ci].Name)
		}
		cp := g.places[idx]
		g.countries[ci].Capital, g.countries[ci].HasCapital = cp, true
		g.places[ci].Lat, g.places[ci].Lon = cp.Lat, cp.Lon
	}
	return nil
}

// parseStop reads a stop-list: one key per line, optionally followed by a tab
// and a reason; '#' starts a comment line.
func (g *Gazetteer) parseStop(text, name string) error {
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSuffix(line, "\r")
		if line == "" || line[0] == '#' {
			continue
		}
		k, _, _ := strings.Cut(line, "\t")
		if k == "" || fold.Key(k) != k {
			return annalist.ErrorAt(name, i+1, 1, "geo: stop-list key %q is not in folded form (want %q)", k, fold.Key(k))
		}
		g.stop[k] = true
	}
	return nil
}

// folded reports whether k is a non-empty key as fold.Key makes them; ASCII
// keys are checked without building the key again.
func folded(k string) bool {
	if k == "" || k[0] == ' ' || k[len(k)-1] == ' ' {
		return false
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= utf8.RuneSelf:
			return fold.Key(k) == k
		case 'A' <= c && c <= 'Z', c == '-', c == ',', c == '_', c < ' ', c == ' ' && k[i+1] == ' ':
			return false
		}
	}
	return true
}

func upperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Rank weights (see docs/geo.md). A reading's weight is log10 of its
// population (at least 1,000) plus a bonus for what it is, minus
// altPenalty when it matched by an alternate name; countries always come
// first. So a national capital counts as 20 times its population, an admin1
// seat as about 3 times, a second-level seat as 1.6 times, a region (whose
// population is a lower bound) as half, and a name that is only an
// alternate as 1/30.
const (
	countryWeight = 100
	capitalBonus  = 1.3
	seat1Bonus    = 0.5
	seat2Bonus    = 0.2
	regionBonus   = -0.3
	altPenalty    = 1.5
)

// placeWeight returns the static rank weight of a place.
func placeWeight(kind Kind, fc string, pop int) float32 {
	w := math.Log10(float64(max(pop, 1000)))
	switch {
	case kind == KindCountry:
		w += countryWeight
	case kind == KindAdmin1:
		w += regionBonus
	case fc == "PPLC" || fc == "PPLG":
		w += capitalBonus
	case fc == "PPLA":
		w += seat1Bonus
	case fc == "PPLA2":
		w += seat2Bonus
	}
	return float32(w)
}
