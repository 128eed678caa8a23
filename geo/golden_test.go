package geo

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

// update rewrites the golden files: go test ./geo -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// TestGoldenMatch runs Match over real news (testdata/wikinews6.txt, no
// context, then with PlaceLike) and compares every mention with
// testdata/wikinews6.golden. Review the diff before running with -update.
func TestGoldenMatch(t *testing.T) {
	g := load(t)
	var b strings.Builder
	for i, words := range sentences(t) {
		for _, ctx := range []Context{{}, {PlaceLike: true}} {
			for _, m := range g.Match(words, ctx) {
				p := m.Place
				fmt.Fprintf(&b, "s%d\tplacelike=%v\t%s\t%s\t%d\t%s\t%s.%s\t%.4f,%.4f\n", i, ctx.PlaceLike,
					strings.Join(words[m.Start:m.End], " "), p.Name, p.GeoNameID, p.Kind, p.CountryISO2, p.Admin1Code, p.Lat, p.Lon)
			}
		}
	}
	const path = "testdata/wikinews6.golden"
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) || i < len(wl); i++ {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\n got  %q\n want %q\n(run with -update after checking)", path, i+1, g, w)
			}
		}
	}
}
