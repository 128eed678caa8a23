package geo

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// load builds the embedded gazetteer or stops the test.
func load(tb testing.TB) *Gazetteer {
	tb.Helper()
	g, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return g
}

var (
	kabul = Place{Name: "Kabul", ASCIIName: "Kabul", GeoNameID: 1138958, Lat: 34.52813, Lon: 69.17233, CountryISO2: "AF", CountryISO3: "AFG",
		CountryName: "Afghanistan", Admin1Code: "13", Admin1Name: "Kabul", Population: 4434550, FeatureCode: "PPLC", Kind: KindCapital}
	washington = Place{Name: "Washington", ASCIIName: "Washington", GeoNameID: 4140963, Lat: 38.89511, Lon: -77.03637, CountryISO2: "US", CountryISO3: "USA",
		CountryName: "United States", Admin1Code: "DC", Admin1Name: "District of Columbia", Population: 689545, FeatureCode: "PPLC", Kind: KindCapital}
	unitedStates = Place{Name: "United States", ASCIIName: "United States", GeoNameID: 6252001, Lat: 38.89511, Lon: -77.03637, CountryISO2: "US",
		CountryISO3: "USA", CountryName: "United States", Population: 327167434, FeatureCode: "PCL", Kind: KindCountry}
	georgiaGE = Place{Name: "Georgia", ASCIIName: "Georgia", GeoNameID: 614540, Lat: 41.69143, Lon: 44.83412, CountryISO2: "GE", CountryISO3: "GEO",
		CountryName: "Georgia", Population: 3704500, FeatureCode: "PCL", Kind: KindCountry}
	parisFR = Place{Name: "Paris", ASCIIName: "Paris", GeoNameID: 2988507, Lat: 48.85341, Lon: 2.3488, CountryISO2: "FR", CountryISO3: "FRA",
		CountryName: "France", Admin1Code: "11", Admin1Name: "Île-de-France", Population: 2138551, FeatureCode: "PPLC", Kind: KindCapital}
	unitedKingdom = Place{Name: "United Kingdom", ASCIIName: "United Kingdom", GeoNameID: 2635167, Lat: 51.50853, Lon: -0.12574, CountryISO2: "GB",
		CountryISO3: "GBR", CountryName: "United Kingdom", Population: 66488991, FeatureCode: "PCL", Kind: KindCountry}
)

func TestLookup(t *testing.T) {
	g := load(t)
	us := Context{Countries: []string{"US"}}
	tests := []struct {
		name string
		ctx  Context
		want Place
	}{
		{"Kabul", Context{}, kabul},
		{"KABUL", Context{}, kabul}, // dateline capitals
		{"Kābul", Context{}, kabul}, // diacritics
		{"Beijing", Context{}, Place{Name: "Beijing", ASCIIName: "Beijing", GeoNameID: 1816670, Lat: 39.9075, Lon: 116.39723, CountryISO2: "CN",
			CountryISO3: "CHN", CountryName: "China", Admin1Code: "22", Admin1Name: "Beijing", Population: 18960744, FeatureCode: "PPLC", Kind: KindCapital}},
		{"Peking", Context{}, Place{Name: "Beijing", ASCIIName: "Beijing", GeoNameID: 1816670, Lat: 39.9075, Lon: 116.39723, CountryISO2: "CN",
			CountryISO3: "CHN", CountryName: "China", Admin1Code: "22", Admin1Name: "Beijing", Population: 18960744, FeatureCode: "PPLC", Kind: KindCapital}},
		{"Oslo", Context{}, Place{Name: "Oslo", ASCIIName: "Oslo", GeoNameID: 3143244, Lat: 59.91273, Lon: 10.74609, CountryISO2: "NO",
			CountryISO3: "NOR", CountryName: "Norway", Admin1Code: "12", Admin1Name: "Oslo", Population: 1082575, FeatureCode: "PPLC", Kind: KindCapital}},
		{"Islamabad", Context{}, Place{Name: "Islamabad", ASCIIName: "Islamabad", GeoNameID: 1176615, Lat: 33.72148, Lon: 73.04329, CountryISO2: "PK",
			CountryISO3: "PAK", CountryName: "Pakistan", Admin1Code: "08", Admin1Name: "Islamabad", Population: 601600, FeatureCode: "PPLC", Kind: KindCapital}},
		{"Magnitogorsk", Context{}, Place{Name: "Magnitogorsk", ASCIIName: "Magnitogorsk", GeoNameID: 532288, Lat: 53.39808, Lon: 59.0066, CountryISO2: "RU",
			CountryISO3: "RUS", CountryName: "Russia", Admin1Code: "13", Admin1Name: "Chelyabinsk", Population: 413351, FeatureCode: "PPLA2", Kind: KindCity}},
		{"Sao Paulo", Context{}, Place{Name: "São Paulo", ASCIIName: "Sao Paulo", GeoNameID: 3448439, Lat: -23.5475, Lon: -46.63611, CountryISO2: "BR",
			CountryISO3: "BRA", CountryName: "Brazil", Admin1Code: "27", Admin1Name: "São Paulo", Population: 12400232, FeatureCode: "PPLA", Kind: KindCity}},
		{"Paris", Context{}, parisFR},
		{"Paris", us, Place{Name: "Paris", ASCIIName: "Paris", GeoNameID: 4717560, Lat: 33.66094, Lon: -95.55551, CountryISO2: "US", CountryISO3: "USA",
			CountryName: "United States", Admin1Code: "TX", Admin1Name: "Texas", Population: 24782, FeatureCode: "PPLA2", Kind: KindCity}},
		{"Paris", Context{Countries: []string{"XX", "NOR"}}, parisFR}, // unknown code ignored, no Paris in Norway
		// Springfield: the Illinois state capital (an admin1 seat) ranks first in the US ...
		{"Springfield", us, Place{Name: "Springfield", ASCIIName: "Springfield", GeoNameID: 4250542, Lat: 39.80172, Lon: -89.64371, CountryISO2: "US",
			CountryISO3: "USA", CountryName: "United States", Admin1Code: "IL", Admin1Name: "Illinois", Population: 114394, FeatureCode: "PPLA", Kind: KindCity}},
		// ... unless the article is about Massachusetts, by code or by name.
		{"Springfield", Context{Countries: []string{"US"}, Admin1: "MA"}, springfieldMA},
		{"Springfield", Context{Admin1: "Massachusetts"}, springfieldMA},
		{"Springfield", Context{Admin1: "us.MA"}, springfieldMA},
		{"Washington", Context{}, washington},
		{"Washington", us, washington},
		{"Georgia", Context{}, georgiaGE},
		{"Georgia", Context{Countries: []string{"GE"}}, georgiaGE},
		{"Georgia", Context{Countries: []string{"USA"}}, Place{Name: "Georgia", ASCIIName: "Georgia", GeoNameID: 4197000, Lat: 33.749, Lon: -84.38798,
			CountryISO2: "US", CountryISO3: "USA", CountryName: "United States", Admin1Code: "GA", Admin1Name: "Georgia", Population: 3456593,
			FeatureCode: "ADM1", Kind: KindAdmin1}},
		{"Russia", Context{}, Place{Name: "Russia", ASCIIName: "Russia", GeoNameID: 2017370, Lat: 55.75204, Lon: 37.61781, CountryISO2: "RU",
			CountryISO3: "RUS", CountryName: "Russia", Population: 144478050, FeatureCode: "PCL", Kind: KindCountry}},
		{"U.S.", Context{}, unitedStates},
		{"USA", Context{}, unitedStates},
		{"United States of America", Context{}, unitedStates},
		{"US", Context{}, unitedStates},
		{" US ", Context{}, unitedStates},
		{"Britain", Context{}, unitedKingdom},
		{"UK", Context{}, unitedKingdom},
		{"the United Kingdom", Context{}, unitedKingdom},
		{"Soviet Union", Context{}, Place{Name: "Soviet Union", ASCIIName: "Soviet Union", Lat: 55.75204, Lon: 37.61781, CountryISO2: "SU",
			CountryISO3: "SUN", CountryName: "Soviet Union", FeatureCode: "PCLH", Kind: KindCountry}},
		{"Texas", Context{}, Place{Name: "Texas", ASCIIName: "Texas", GeoNameID: 4736286, Lat: 30.26715, Lon: -97.74306, CountryISO2: "US",
			CountryISO3: "USA", CountryName: "United States", Admin1Code: "TX", Admin1Name: "Texas", Population: 18414574, FeatureCode: "ADM1", Kind: KindAdmin1}},
		{"New York", Context{}, Place{Name: "New York City", ASCIIName: "New York City", GeoNameID: 5128581, Lat: 40.71427, Lon: -74.00597, CountryISO2: "US",
			CountryISO3: "USA", CountryName: "United States", Admin1Code: "NY", Admin1Name: "New York", Population: 8804190, FeatureCode: "PPL", Kind: KindCity}},
		{"St. Petersburg", Context{}, stPetersburg},
		{"Saint-Petersburg", Context{}, stPetersburg},
	}
	for _, tt := range tests {
		got, ok := g.Lookup(tt.name, tt.ctx)
		if !ok || got != tt.want {
			t.Errorf("Lookup(%q, %+v) = %+v, %v\nwant %+v", tt.name, tt.ctx, got, ok, tt.want)
		}
	}
}

var (
	springfieldMA = Place{Name: "Springfield", ASCIIName: "Springfield", GeoNameID: 4951788, Lat: 42.10148, Lon: -72.58981, CountryISO2: "US",
		CountryISO3: "USA", CountryName: "United States", Admin1Code: "MA", Admin1Name: "Massachusetts", Population: 154341, FeatureCode: "PPL", Kind: KindCity}
	stPetersburg = Place{Name: "Saint Petersburg", ASCIIName: "Saint Petersburg", GeoNameID: 498817, Lat: 59.93863, Lon: 30.31413, CountryISO2: "RU",
		CountryISO3: "RUS", CountryName: "Russia", Admin1Code: "66", Admin1Name: "St.-Petersburg", Population: 5351935, FeatureCode: "PPLA", Kind: KindCity}
)

func TestLookupMisses(t *testing.T) {
	g := load(t)
	for _, name := range []string{"", "   ", "-", "Minas Tirith", "officials", "Ural", "us", "uk", "Us", "the", "said", "ZZZZZ"} {
		if p, ok := g.Lookup(name, Context{}); ok {
			t.Errorf("Lookup(%q) = %+v, want no place", name, p)
		}
	}
}

// TestStopList checks the brief's traps: common English words that are
// also city names resolve only with a context country or place-like usage.
func TestStopList(t *testing.T) {
	g := load(t)
	tests := []struct {
		name, country string // country: ISO2 of the place it names in context
		placeLike     string // ISO2 of the reading with PlaceLike and no country
	}{
		{"Of", "TR", "TR"},
		{"Mobile", "US", "US"},
		{"Police", "PL", "PL"},
		{"Nice", "FR", "FR"},
		{"Split", "HR", "HR"},
		{"Reading", "GB", "GB"},
		{"March", "GB", "GB"},
		{"Male", "MV", "MV"},
		{"Split", "HR", "HR"},
		{"reading", "GB", "GB"},
	}
	for _, tt := range tests {
		if !g.Stopped(tt.name) {
			t.Errorf("Stopped(%q) = false", tt.name)
		}
		if p, ok := g.Lookup(tt.name, Context{}); ok {
			t.Errorf("Lookup(%q) without context = %s (%s), want nothing", tt.name, p.Name, p.CountryISO2)
		}
		if p, ok := g.Lookup(tt.name, Context{Countries: []string{"AF"}}); ok {
			t.Errorf("Lookup(%q) in AF = %s (%s), want nothing", tt.name, p.Name, p.CountryISO2)
		}
		if p, ok := g.Lookup(tt.name, Context{Countries: []string{tt.country}}); !ok || p.CountryISO2 != tt.country {
			t.Errorf("Lookup(%q) in %s = %s (%s), %v", tt.name, tt.country, p.Name, p.CountryISO2, ok)
		}
		if p, ok := g.Lookup(tt.name, Context{PlaceLike: true}); !ok || p.CountryISO2 != tt.placeLike {
			t.Errorf("Lookup(%q) place-like = %s (%s), %v, want %s", tt.name, p.Name, p.CountryISO2, ok, tt.placeLike)
		}
	}
	// Country names are never stop-listed, however common the word.
	for _, name := range []string{"Turkey", "Chad", "Jordan", "China", "Guinea", "Georgia", "Niger"} {
		if g.Stopped(name) {
			t.Errorf("Stopped(%q) = true for a country", name)
		}
		if p, ok := g.Lookup(name, Context{}); !ok || p.Kind != KindCountry {
			t.Errorf("Lookup(%q) = %+v, %v, want the country", name, p, ok)
		}
	}
	for _, name := range []string{"Kabul", "Paris", "New York", "Springfield"} {
		if g.Stopped(name) {
			t.Errorf("Stopped(%q) = true", name)
		}
	}
}

func TestCandidates(t *testing.T) {
	g := load(t)
	c := g.Candidates("Springfield")
	if len(c) < 8 {
		t.Fatalf("Candidates(Springfield) = %d places, want at least 8", len(c))
	}
	var got []string
	for _, p := range c {
		got = append(got, p.CountryISO2+"."+p.Admin1Code+" "+p.FeatureCode)
	}
	// By rank weight: the admin1 seat (x3), the larger second-level seat (x1.6),
	// then plain population against a smaller seat.
	want := []string{"US.IL PPLA", "US.MO PPLA2", "US.MA PPL", "US.OH PPLA2", "US.OR PPL"}
	if !reflect.DeepEqual(got[:5], want) {
		t.Errorf("Candidates(Springfield)[:5] = %v, want %v", got[:5], want)
	}
	c = g.Candidates("Reading") // the stop-list does not hide candidates
	if len(c) == 0 || c[0].Name != "Reading" || c[0].CountryISO2 != "GB" {
		t.Errorf("Candidates(Reading) = %+v", c)
	}
	if c := g.Candidates("Georgia"); len(c) < 2 || c[0] != georgiaGE || c[1].Kind != KindAdmin1 || c[1].CountryISO2 != "US" {
		t.Errorf("Candidates(Georgia) = %+v", c)
	}
	if c := g.Candidates("US"); len(c) != 1 || c[0] != unitedStates {
		t.Errorf("Candidates(US) = %+v", c)
	}
	if c := g.Candidates("Minas Tirith"); c != nil {
		t.Errorf("Candidates(Minas Tirith) = %+v, want nil", c)
	}
}

func TestCountry(t *testing.T) {
	g := load(t)
	tests := []struct {
		code                                   string
		iso2, iso3, cameo, name, cont, capital string
	}{
		{"AF", "AF", "AFG", "AFG", "Afghanistan", "AS", "Kabul"},
		{"afg", "AF", "AFG", "AFG", "Afghanistan", "AS", "Kabul"},
		{"US", "US", "USA", "USA", "United States", "NA", "Washington"},
		{"GBR", "GB", "GBR", "GBR", "United Kingdom", "EU", "London"},
		{"KSV", "XK", "XKX", "KSV", "Kosovo", "EU", "Pristina"},
		{"XKX", "XK", "XKX", "KSV", "Kosovo", "EU", "Pristina"},
		{"TMP", "TL", "TLS", "TMP", "Timor Leste", "OC", "Dili"},
		{"SUN", "SU", "SUN", "SUN", "Soviet Union", "EU", "Moscow"},
		{"DDR", "DD", "DDR", "DDR", "East Germany", "EU", "Berlin"},
		{"CSK", "", "CSK", "CSK", "Czechoslovakia", "EU", "Prague"},
		{"YUG", "YU", "YUG", "YUG", "Yugoslavia", "EU", "Belgrade"},
		{"USAPRI", "PR", "PRI", "PRI", "Puerto Rico", "NA", "San Juan"},
		{"GBRIMY", "IM", "IMN", "IMN", "Isle of Man", "EU", "Douglas"},
		{"AQ", "AQ", "ATA", "ATA", "Antarctica", "AN", ""},
	}
	for _, tt := range tests {
		c, ok := g.Country(tt.code)
		if !ok || c.ISO2 != tt.iso2 || c.ISO3 != tt.iso3 || c.CAMEO != tt.cameo || c.Name != tt.name || c.Continent != tt.cont ||
			c.Capital.Name != tt.capital || c.HasCapital != (tt.capital != "") {
			t.Errorf("Country(%q) = %+v, %v", tt.code, c, ok)
		}
		if c.HasCapital && (c.Capital.CountryISO3 == "" || c.Capital.Kind != KindCapital && c.Capital.Kind != KindCity) {
			t.Errorf("Country(%q).Capital = %+v", tt.code, c.Capital)
		}
	}
	af, _ := g.Country("AF")
	if af.Capital != kabul || af.Population != 37172386 || af.GeoNameID != 1149361 {
		t.Errorf("Country(AF) = %+v", af)
	}
	for _, code := range []string{"", "XX", "ZZZ", "AFGGOV", "A"} {
		if c, ok := g.Country(code); ok {
			t.Errorf("Country(%q) = %+v, want none", code, c)
		}
	}
	if n := len(g.Countries()); n != 256 {
		t.Errorf("len(Countries()) = %d, want 256 (252 GeoNames + 4 historic)", n)
	}
}

func TestCountryForCAMEO(t *testing.T) {
	g := load(t)
	tests := []struct{ code, iso3 string }{
		{"AFGGOV", "AFG"}, {"afg", "AFG"}, {"CHNMIL", "CHN"}, {"USA", "USA"}, {"USAGOV", "USA"},
		{"USAPRIGOV", "PRI"}, {"USAPRI", "PRI"}, {"GBRGIB", "GIB"}, {"FRNWLF", "WLF"}, {"KSVREB", "XKX"},
		{"TMPGOV", "TLS"}, {"SUNGOV", "SUN"}, {"SUNRUS", "RUS"}, {"YUGBIH", "BIH"}, {"DDRGOVLEG", "DDR"},
		{"PSEGZA", "PSE"}, // Gaza is no country: the prefix applies
		{"AFR", ""}, {"IGOUNO", ""}, {"---", ""}, {"", ""}, {"US", ""}, {"KNT", ""}, {"MNCUSA", ""},
	}
	for _, tt := range tests {
		c, ok := g.CountryForCAMEO(tt.code)
		if ok != (tt.iso3 != "") || c.ISO3 != tt.iso3 {
			t.Errorf("CountryForCAMEO(%q) = %s, %v, want %q", tt.code, c.ISO3, ok, tt.iso3)
		}
	}
}

func TestMatch(t *testing.T) {
	g := load(t)
	type m struct {
		start, end int
		id         int    // GeoNameID, 0 for historic countries
		iso3       string // country of the place
	}
	tests := []struct {
		text string
		ctx  Context
		want []m
	}{
		{"Talks were held in Rio de Janeiro and New York on Monday .", Context{}, []m{{4, 7, 3451190, "BRA"}, {8, 10, 5128581, "USA"}}},
		{"KABUL , Dec 19 ( Reuters ) -", Context{}, []m{{0, 1, 1138958, "AFG"}}},
		{"He flew from St. Petersburg to Guinea-Bissau via the U.S. and the UK .", Context{},
			[]m{{3, 5, 498817, "RUS"}, {6, 7, 2372248, "GNB"}, {9, 10, 6252001, "USA"}, {12, 13, 2635167, "GBR"}}},
		{"Washington , D.C. is not Washington state .", Context{}, []m{{0, 3, 4140963, "USA"}, {5, 6, 4140963, "USA"}}},
		{"Reading the report in March , officials in Split said .", Context{}, nil},
		{"Reading the report , officials in Split said .", Context{PlaceLike: true}, []m{{0, 1, 2639577, "GBR"}, {6, 7, 3190261, "HRV"}}},
		{"the soviet union and paris", Context{}, nil}, // names start with a capital
		// Parts of longer proper names are not places, countries excepted.
		{"Nancy Pelosi met George Washington on Karl Marx Avenue .", Context{}, nil},
		{"The New York Times said so .", Context{}, nil},
		{"In Kabul , officials met U.S. Congress members from North Poland .", Context{},
			[]m{{1, 2, 1138958, "AFG"}, {5, 6, 6252001, "USA"}, {10, 11, 798544, "POL"}}},
		// PlaceLike vouches for every name: George, South Africa, too.
		{"George Washington", Context{PlaceLike: true}, []m{{0, 1, 1002145, "ZAF"}, {1, 2, 4140963, "USA"}}},
		// Short all-capital tokens are acronyms, except the case-sensitive aliases.
		{"PAP and NATO and OSLO , but KABUL and the UAE .", Context{}, []m{{7, 8, 1138958, "AFG"}, {10, 11, 290557, "ARE"}}},
		{"", Context{}, nil},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.text)
		var got []m
		for _, x := range g.Match(words, tt.ctx) {
			got = append(got, m{x.Start, x.End, x.Place.GeoNameID, x.Place.CountryISO3})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Match(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if n := g.Longest(strings.Fields("Rio de Janeiro is")); n != 3 {
		t.Errorf("Longest(Rio de Janeiro is) = %d, want 3", n)
	}
	if n := g.Longest(strings.Fields("reading is")); n != 1 {
		t.Errorf("Longest(reading is) = %d, want 1 (stop-list and case do not matter)", n)
	}
	if n := g.Longest(nil); n != 0 {
		t.Errorf("Longest(nil) = %d", n)
	}
}

// TestEmbedded checks invariants of the embedded data that the generator
// should keep.
func TestEmbedded(t *testing.T) {
	g := load(t)
	kinds := map[Kind]int{}
	for i, p := range g.places {
		kinds[p.Kind]++
		if p.Name == "" || p.CountryISO3 == "" || p.CountryName == "" || p.Kind.String() == "" {
			t.Fatalf("place %d = %+v", i, p)
		}
	}
	// Figures reported in docs/geo.md.
	if kinds[KindCountry] != 256 || kinds[KindAdmin1] != 2748 || kinds[KindCity]+kinds[KindCapital] != 32847 {
		t.Errorf("kinds = %v", kinds)
	}
	for i, k := range g.keys {
		if i > 0 && g.keys[i-1] >= k {
			t.Fatalf("keys out of order at %d", i)
		}
		for _, v := range g.posts[g.offs[i]:g.offs[i+1]] {
			if p := g.places[v>>1]; p.Kind == KindCountry && p.Lat == 0 && p.Lon == 0 {
				t.Errorf("key %q names %s, which has no coordinates", k, p.Name)
			}
		}
	}
	for k := range g.stop {
		if len(g.postings(k)) == 0 {
			t.Errorf("stop-list key %q names no place", k)
		}
	}
	if len(g.stop) < 100 {
		t.Errorf("stop-list has %d keys", len(g.stop))
	}
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{0: "", KindCity: "city", KindCapital: "capital", KindAdmin1: "admin1", KindCountry: "country", 9: ""} {
		if got := k.String(); got != want {
			t.Errorf("Kind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

func TestKindJSON(t *testing.T) {
	b, err := json.Marshal(kabul)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"name":"Kabul","ascii_name":"Kabul","geonameid":1138958,"lat":34.52813,"lon":69.17233,"country_iso2":"AF",` +
		`"country_iso3":"AFG","country_name":"Afghanistan","admin1_code":"13","admin1_name":"Kabul","population":4434550,` +
		`"feature_code":"PPLC","kind":"capital"}`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
	var p Place
	if err := json.Unmarshal(b, &p); err != nil || p != kabul {
		t.Errorf("round trip = %+v, %v", p, err)
	}
	if err := json.Unmarshal([]byte(`{"kind":"village"}`), &p); err == nil {
		t.Error("unknown kind decoded")
	}
	var zero Place
	if b, err := json.Marshal(zero); err != nil || !strings.Contains(string(b), `"kind":""`) {
		t.Errorf("zero Place = %s, %v", b, err)
	} else {
		var q Place
		if err := json.Unmarshal(b, &q); err != nil || q != zero {
			t.Errorf("zero round trip = %+v, %v", q, err)
		}
	}
	if _, err := Kind(9).MarshalText(); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("Kind(9).MarshalText error = %v", err)
	}
}

func TestZeroGazetteer(t *testing.T) {
	var g Gazetteer
	if _, ok := g.Lookup("Kabul", Context{}); ok {
		t.Error("zero Gazetteer resolved Kabul")
	}
	if g.Candidates("Kabul") != nil || g.Match([]string{"Kabul"}, Context{}) != nil || g.Stopped("Reading") || g.Len() != 0 {
		t.Error("zero Gazetteer is not empty")
	}
	if _, ok := g.Country("AF"); ok {
		t.Error("zero Gazetteer has countries")
	}
}

func TestLoadErrors(t *testing.T) {
	_, err := Load("/nonexistent/gazetteer.txt", "")
	if annalist.ErrorCode(err) != annalist.EUNAVAILABLE {
		t.Errorf("Load(missing) error = %v (%s)", err, annalist.ErrorCode(err))
	}
	_, err = Load("", "/nonexistent/stop.txt")
	if annalist.ErrorCode(err) != annalist.EUNAVAILABLE {
		t.Errorf("Load(missing stop-list) error = %v", err)
	}
	g, err := Load("", "")
	if err != nil || g.Len() != 35851 {
		t.Errorf("Load(\"\", \"\") = %v places, %v", g.Len(), err)
	}
}
