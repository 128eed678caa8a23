package geo

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

const header = "annalist-gazetteer\t1\n"

// small is a valid data file: one country, one region, two cities, a CAMEO
// code, a case alias and keys.
const small = header + "# comment\n" +
	"C\tAF\tAFG\tAfghanistan\tAS\t100\t1\t2\tPCL\n" +
	"R\tAF\t13\tKabul\tKabul\t2\t50\t34.5\t69.1\n" +
	"P\t3\tKābul\tKabul\tAF\t13\t34.5\t69.2\t40\tPPLC\n" +
	"P\t4\tHerat\tHerat\tAF\t11\t34.3\t62.2\t10\tPPLA\n" +
	"X\tAFX\tAFG\n" +
	"U\tAfgh!\tAF\n" +
	"K\tafghanistan\t1\n" +
	"K\therat\t7\n" +
	"K\tkaboul\t2\n" +
	"K\tkabul\t3,5\n"

func TestRead(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	io.WriteString(zw, small)
	zw.Close()
	for _, data := range []Source{{"small", strings.NewReader(small)}, {"small.gz", bytes.NewReader(gz.Bytes())}} {
		g, err := Read(data, Source{"stop", strings.NewReader("# c\n\nherat\tbecause\n")})
		if err != nil {
			t.Fatal(err)
		}
		kabul := Place{Name: "Kābul", ASCIIName: "Kabul", GeoNameID: 3, Lat: 34.5, Lon: 69.2, CountryISO2: "AF", CountryISO3: "AFG",
			CountryName: "Afghanistan", Admin1Code: "13", Admin1Name: "Kabul", Population: 40, FeatureCode: "PPLC", Kind: KindCapital}
		if p, ok := g.Lookup("kabul", Context{}); !ok || p != kabul {
			t.Errorf("Lookup(kabul) = %+v, %v", p, ok)
		}
		region := Place{Name: "Kabul", ASCIIName: "Kabul", GeoNameID: 2, Lat: 34.5, Lon: 69.1, CountryISO2: "AF", CountryISO3: "AFG",
			CountryName: "Afghanistan", Admin1Code: "13", Admin1Name: "Kabul", Population: 50, FeatureCode: "ADM1", Kind: KindAdmin1}
		if p, ok := g.Lookup("Kaboul", Context{}); !ok || p != region {
			t.Errorf("Lookup(Kaboul) = %+v, %v", p, ok)
		}
		country := Place{Name: "Afghanistan", ASCIIName: "Afghanistan", GeoNameID: 1, Lat: 34.5, Lon: 69.2, CountryISO2: "AF", CountryISO3: "AFG",
			CountryName: "Afghanistan", Population: 100, FeatureCode: "PCL", Kind: KindCountry}
		for _, name := range []string{"Afghanistan", "Afgh!"} {
			if p, ok := g.Lookup(name, Context{}); !ok || p != country {
				t.Errorf("Lookup(%q) = %+v, %v", name, p, ok)
			}
		}
		if _, ok := g.Lookup("Herat", Context{}); ok || !g.Stopped("HERAT") {
			t.Error("Herat is stop-listed")
		}
		if c, ok := g.CountryForCAMEO("AFXGOV"); !ok || c.ISO3 != "AFG" || c.CAMEO != "AFX" || c.Capital != kabul || !c.HasCapital {
			t.Errorf("CountryForCAMEO(AFXGOV) = %+v, %v", c, ok)
		}
	}
	g, err := Read(Source{"small", strings.NewReader(small)}, Source{})
	if err != nil || g.Stopped("herat") {
		t.Errorf("Read without stop-list: %v", err)
	}
}

// errReader fails on the first read.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadErrors(t *testing.T) {
	tests := []struct {
		data      string
		line, col int
		msg       string
	}{
		{"", 0, 0, "no \"annalist-gazetteer\" header"},
		{"# only a comment\n", 0, 0, "no \"annalist-gazetteer\" header"},
		{"annalist-gazetteer\t2\n", 1, 1, "unsupported header"},
		{"C\tAF\tAFG\tAfghanistan\tAS\t1\t1\t-1\tPCL\n", 1, 1, "first line must be"},
		{header + header, 2, 1, "header line repeated"},
		{header + "Q\tx\n", 2, 1, "unknown record type \"Q\""},
		{header + "C\tAF\tAFG\n", 2, 0, "C record has 3 fields, want 9"},
		{header + "C\tAF\tAFG\tA\tAS\t1\t1\t-1\tPCL\textra\n", 2, 0, "more than 9 fields"},
		{header + "C\tAF\tAFG\tA\tAS\tmany\t1\t-1\tPCL\n", 2, 15, "\"many\" is not a non-negative integer"},
		{header + "C\tAF\tAFG\tA\tAS\t1\t1\tx\tPCL\n", 2, 19, "capital \"x\""},
		{header + "C\tAf\tAFG\tA\tAS\t1\t1\t-1\tPCL\n", 2, 3, "not ISO2/ISO3"},
		{header + "C\tAF\tAFG\t\tAS\t1\t1\t-1\tPCL\n", 2, 10, "empty country name"},
		{header + "C\tAF\tAFG\tA\tAS\t1\t1\t-1\tPCL\nC\tAF\tAFH\tB\tAS\t1\t1\t-1\tPCL\n", 3, 3, "country code \"AF\" repeated"},
		{header + "C\tAF\tAFG\tA\tAS\t1\t1\t0\tPCL\n", 2, 0, "capital 0 of A is not a city record"},
		{header + "C\tAF\tAFG\tA\tAS\t1\t1\t5\tPCL\n", 2, 0, "capital 5 of A is not a city record"},
		{header + "R\tAF\t13\tKabul\tKabul\t2\t50\t34.5\t69.1\n", 2, 3, "unknown country \"AF\""},
		{small + "R\tAF\t14\tX\tX\t2\t50\t34.5\t69.1\n", 13, 1, "R record after a later section"},
		{strings.Replace(small, "50\t34.5\t69.1", "50\t95\t69.1", 1), 4, 26, "\"95\" is not a coordinate within ±90"},
		{strings.Replace(small, "50\t34.5\t69.1", "50\t34.5\tNaN", 1), 4, 31, "\"NaN\" is not a coordinate within ±180"},
		{strings.Replace(small, "\t13\tKabul\tKabul", "\t\tKabul\tKabul", 1), 4, 6, "empty region code or name"},
		{strings.Replace(small, "P\t3\tKābul", "P\t-3\tKābul", 1), 5, 3, "\"-3\" is not a non-negative integer"},
		{strings.Replace(small, "P\t3\tKābul\tKabul\tAF", "P\t3\tKābul\tKabul\tZZ", 1), 5, 18, "unknown country \"ZZ\""},
		{strings.Replace(small, "\t40\tPPLC", "\t4e1\tPPLC", 1), 5, 34, "\"4e1\" is not a non-negative integer"},
		{strings.Replace(small, "P\t3\tKābul", "P\t3\t", 1), 5, 5, "empty place name"},
		{strings.Replace(small, "X\tAFX\tAFG", "X\tAFXX\tAFG", 1), 7, 3, "CAMEO code \"AFXX\""},
		{strings.Replace(small, "X\tAFX\tAFG", "X\tAFX\tAFZ", 1), 7, 7, "unknown country \"AFZ\""},
		{strings.Replace(small, "U\tAfgh!\tAF", "U\t Afgh!\tAF", 1), 8, 3, "surrounding space"},
		{strings.Replace(small, "K\tkaboul", "K\tKaboul", 1), 11, 3, "not in folded form (want \"kaboul\")"},
		{strings.Replace(small, "K\tkaboul", "K\tkab-oul", 1), 11, 3, "not in folded form"},
		{strings.Replace(small, "K\tkaboul", "K\tkab  oul", 1), 11, 3, "not in folded form"},
		{strings.Replace(small, "K\tkaboul", "K\tkäboul", 1), 11, 3, "not in folded form"},
		{strings.Replace(small, "K\tkaboul", "K\taaa", 1), 11, 3, "out of order or repeated"},
		{strings.Replace(small, "K\tkabul\t3,5", "K\tkabul\t3,8", 1), 12, 11, "posting \"8\""},
		{strings.Replace(small, "K\tkabul\t3,5", "K\tkabul\t3,", 1), 12, 11, "posting \"\""},
		{strings.Replace(small, "K\tkabul\t3,5", "K\tkabul\t", 1), 12, 9, "posting \"\""},
		{strings.Replace(small, "K\tkabul\t3,5", "K\tkabul\t3,-1", 1), 12, 11, "posting \"-1\""},
	}
	for _, tt := range tests {
		_, err := Read(Source{"in.txt", strings.NewReader(tt.data)}, Source{})
		var e *annalist.Error
		if !errors.As(err, &e) {
			t.Errorf("Read(%q) error = %v, want *annalist.Error", tt.data, err)
			continue
		}
		want := annalist.Position{Path: "in.txt", Line: tt.line, Col: tt.col}
		if e.Code != annalist.EINVALID || e.Pos == nil || *e.Pos != want || !strings.Contains(e.Message, tt.msg) {
			t.Errorf("Read(%q) error = %q (pos %+v), want %q at %+v", tt.data, err, e.Pos, tt.msg, want)
		}
	}
	// A broken gzip stream is located at the file.
	_, err := Read(Source{"x.gz", strings.NewReader("\x1f\x8bnot gzip")}, Source{})
	var e *annalist.Error
	if !errors.As(err, &e) || e.Code != annalist.EINVALID || e.Pos == nil || e.Pos.Path != "x.gz" {
		t.Errorf("broken gzip error = %v", err)
	}
	// A stop-list key must be folded.
	_, err = Read(Source{"small", strings.NewReader(small)}, Source{"stop", strings.NewReader("ok\nNot Folded\n")})
	if !errors.As(err, &e) || e.Pos == nil || *e.Pos != (annalist.Position{Path: "stop", Line: 2, Col: 1}) {
		t.Errorf("stop-list error = %v", err)
	}
	// Reader errors are wrapped, not located.
	_, err = Read(Source{"bad", errReader{}}, Source{})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || annalist.ErrorCode(err) != annalist.EINTERNAL {
		t.Errorf("reader error = %v", err)
	}
	_, err = Read(Source{"small", strings.NewReader(small)}, Source{"stop", errReader{}})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("stop reader error = %v", err)
	}
}

// FuzzRead checks that no input makes Read panic and that every malformed
// input gives a located *annalist.Error.
func FuzzRead(f *testing.F) {
	f.Add(small)
	f.Add(header)
	f.Add(strings.Replace(small, "K\tkabul\t3,5", "K\tkabul\t3,8", 1))
	f.Add(header + "C\tAF\tAFG\tA\tAS\t1\t1\t0\tPCL\n")
	f.Fuzz(func(t *testing.T, data string) {
		g, err := Read(Source{"fuzz", strings.NewReader(data)}, Source{"stop", strings.NewReader(data)})
		if err != nil {
			var e *annalist.Error
			if !errors.As(err, &e) || e.Pos == nil || e.Pos.Path == "" {
				t.Fatalf("error %v is not located", err)
			}
			return
		}
		for _, k := range g.keys {
			g.Lookup(k, Context{Countries: []string{"AF"}, Admin1: "13"})
			g.Candidates(k)
		}
		g.Match(strings.Fields(data), Context{PlaceLike: true})
	})
}
