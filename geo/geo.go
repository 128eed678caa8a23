// Package geo is Annalist's gazetteer: it resolves place names to coordinates, country and first-level region.
//
// The data (GeoNames cities over 15,000 people, their first-level regions and
// the country table, with CAMEO country codes) is embedded in the binary and
// loaded once by Default into an immutable *Gazetteer that is safe for
// concurrent use. Lookup resolves one name under a Context (the article's
// countries, a preferred region, whether the caller saw place-like usage);
// Candidates lists every reading of a name; Match finds place names in a
// tokenized sentence; Country and CountryForCAMEO resolve country codes.
// docs/geo.md gives the data, licences, ranking rules and measured figures.
package geo

//go:generate go run ./internal/gen -shared ../../shared -out data

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/annalist/annalist"
)

//go:embed data/gazetteer.txt.gz
var embeddedData []byte

//go:embed data/stoplist.txt
var embeddedStop []byte

// Kind says what sort of place a Place is.
type Kind uint8

// Kinds of place.
const (
	// KindCity is a populated place that is not a national capital.
	KindCity Kind = iota + 1
	// KindCapital is a national capital (GeoNames feature code PPLC).
	KindCapital
	// KindAdmin1 is a first-level administrative region (state, province, oblast).
	KindAdmin1
	// KindCountry is a country or dependent territory.
	KindCountry
)

// MarshalText encodes a Kind as its String, so JSON shows "capital"; the
// zero Kind is "". A value outside the defined kinds is an EINVALID error.
func (k Kind) MarshalText() ([]byte, error) {
	if s := k.String(); s != "" || k == 0 {
		return []byte(s), nil
	}
	return nil, annalist.Errorf(annalist.EINVALID, "geo: no name for Kind %d", k)
}

// UnmarshalText decodes the names MarshalText writes ("" is the zero Kind);
// any other text is an EINVALID error.
func (k *Kind) UnmarshalText(b []byte) error {
	for c := Kind(0); c <= KindCountry; c++ {
		if c.String() == string(b) {
			*k = c
			return nil
		}
	}
	return annalist.Errorf(annalist.EINVALID, "geo: unknown place kind %q", b)
}

// String returns "city", "capital", "admin1" or "country", or "" for the zero Kind.
func (k Kind) String() string {
	switch k {
	case KindCity:
		return "city"
	case KindCapital:
		return "capital"
	case KindAdmin1:
		return "admin1"
	case KindCountry:
		return "country"
	}
	return ""
}

// Place is one resolved place.
//
// For a city or capital every field comes from GeoNames. For an admin1 region
// Lat/Lon are those of its seat (the city with feature code PPLA in the region;
// failing that the national capital in it; failing that its most populous listed
// city), Population is the sum over its listed cities other than city
// sections (a lower bound: only cities of 15,000 people or more are listed),
// FeatureCode is "ADM1" and
// Admin1Code/Admin1Name name the region itself. For a country Lat/Lon are those
// of its capital, Population is GeoNames' country figure (0 for historic
// countries), FeatureCode is "PCL" ("PCLH" for historic ones such as the Soviet
// Union) and the admin1 fields are empty.
type Place struct {
	Name        string  `json:"name"`
	ASCIIName   string  `json:"ascii_name"`
	GeoNameID   int     `json:"geonameid,omitempty"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	CountryISO2 string  `json:"country_iso2,omitempty"`
	CountryISO3 string  `json:"country_iso3"`
	CountryName string  `json:"country_name"`
	Admin1Code  string  `json:"admin1_code,omitempty"`
	Admin1Name  string  `json:"admin1_name,omitempty"`
	Population  int     `json:"population"`
	FeatureCode string  `json:"feature_code"`
	Kind        Kind    `json:"kind"`
}

// Country is one country or dependent territory of GeoNames' country table,
// or one of the historic countries CAMEO codes (Soviet Union SUN, East Germany
// DDR, Czechoslovakia CSK, Yugoslavia YUG).
type Country struct {
	// ISO2 and ISO3 are the ISO 3166-1 codes (historic ones as they were;
	// Czechoslovakia has no ISO2 here because GeoNames gives "CS" to Serbia and
	// Montenegro).
	ISO2, ISO3 string
	// CAMEO is the CAMEO country code: ISO3 except Kosovo (KSV) and Timor-Leste (TMP).
	CAMEO string
	// Name is GeoNames' English short name ("United States", "Russia").
	Name string
	// Continent is a GeoNames continent code: AF, AN, AS, EU, NA, OC or SA.
	Continent string
	// Population is GeoNames' figure, 0 for historic countries.
	Population int
	// GeoNameID is the country's GeoNames id, 0 for historic countries.
	GeoNameID int
	// Capital is the capital city; HasCapital is false (and Capital zero) for
	// the few territories with no city in the data (Antarctica, Bouvet Island,
	// Heard Island, British Indian Ocean Territory, Tokelau, US Minor Outlying
	// Islands). Historic countries have their former capital as it is today
	// (Moscow, RU). Where the capital is too small to be listed, the country's
	// most populous listed city stands in.
	Capital    Place
	HasCapital bool
}

// Context carries what the caller knows about the text a name came from.
// The zero Context means nothing is known.
type Context struct {
	// Countries are the article's countries in focus as ISO2, ISO3 or CAMEO
	// codes ("US", "AFG", "KSV", "AFGGOV" is not a country code: pass "AFG").
	// Places in any of them rank first. Unknown codes are ignored.
	Countries []string
	// Admin1 is a preferred first-level region, given as "CC.code" ("US.TX"),
	// as a GeoNames admin1 code of one of Countries ("TX"), or as a region name
	// ("Texas"). Places in it rank first among places in context.
	Admin1 string
	// PlaceLike says the caller has evidence that the name is used as a place
	// (a dateline, "in"/"at"/"near" before a capitalised name), which lets
	// stop-listed names such as "Reading" or "Split" resolve without a context
	// country.
	PlaceLike bool
}

// Source is one named input for Read: R is read to the end, Name is used in
// error messages.
type Source struct {
	Name string
	R    io.Reader
}

// Default builds the gazetteer from the data embedded in the binary. Each
// call parses afresh (tens of milliseconds, see docs/geo.md), so load once and
// share the result. An error means the embedded data is broken, which the
// package tests rule out.
func Default() (*Gazetteer, error) {
	g, err := Read(Source{"data/gazetteer.txt.gz", bytes.NewReader(embeddedData)}, Source{"data/stoplist.txt", bytes.NewReader(embeddedStop)})
	if err != nil {
		return nil, fmt.Errorf("geo: embedded data: %w", err)
	}
	return g, nil
}

// Load builds a gazetteer from files in the format of the embedded ones
// (written by geo/internal/gen, gzip-compressed or plain). An empty path
// selects the embedded file. A file that cannot be read gives an
// EUNAVAILABLE *annalist.Error; malformed content an EINVALID one located at
// path:line:col.
func Load(dataPath, stopPath string) (*Gazetteer, error) {
	data := Source{"data/gazetteer.txt.gz", bytes.NewReader(embeddedData)}
	stop := Source{"data/stoplist.txt", bytes.NewReader(embeddedStop)}
	if dataPath != "" {
		f, err := os.Open(dataPath)
		if err != nil {
			return nil, annalist.Errorf(annalist.EUNAVAILABLE, "geo: %v", err)
		}
		defer f.Close()
		data = Source{dataPath, f}
	}
	if stopPath != "" {
		f, err := os.Open(stopPath)
		if err != nil {
			return nil, annalist.Errorf(annalist.EUNAVAILABLE, "geo: %v", err)
		}
		defer f.Close()
		stop = Source{stopPath, f}
	}
	return Read(data, stop)
}

// Read builds a gazetteer from a data file and a stop-list (nil stop.R for
// none). The data may be gzip-compressed. Malformed input gives an EINVALID
// *annalist.Error located at name:line:col (a gzip stream that is broken is
// located at the file); an error from a reader is returned wrapped.
func Read(data, stop Source) (*Gazetteer, error) {
	b, err := readAll(data)
	if err != nil {
		return nil, err
	}
	g, err := parse(b, data.Name)
	if err != nil {
		return nil, err
	}
	if stop.R != nil {
		sb, err := io.ReadAll(stop.R)
		if err != nil {
			return nil, fmt.Errorf("geo: reading %s: %w", stop.Name, err)
		}
		if err := g.parseStop(string(sb), stop.Name); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// maxData bounds the uncompressed size of a data file (the embedded one is under 5 MB).
const maxData = 256 << 20

// readAll reads a source to the end, gunzipping it when it starts with the
// gzip magic, and returns the text without copying it again.
func readAll(s Source) (string, error) {
	b, err := io.ReadAll(s.R)
	if err != nil {
		return "", fmt.Errorf("geo: reading %s: %w", s.Name, err)
	}
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return string(b), nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return "", annalist.ErrorAt(s.Name, 0, 0, "geo: %v", err)
	}
	var out strings.Builder
	out.Grow(3 * len(b))
	n, err := io.Copy(&out, io.LimitReader(zr, maxData+1))
	if err != nil {
		return "", annalist.ErrorAt(s.Name, 0, 0, "geo: %v", err)
	}
	if n > maxData {
		return "", annalist.Errorf(annalist.ETOOLARGE, "geo: %s: more than %d bytes uncompressed", s.Name, maxData)
	}
	return out.String(), nil
}
