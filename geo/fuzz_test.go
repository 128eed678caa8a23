package geo

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLookup checks that no name makes Lookup, Candidates, Stopped, Country,
// CountryForCAMEO or Match panic, and that their results agree.
func FuzzLookup(f *testing.F) {
	g := load(f)
	for _, s := range []string{"Kabul", "KABUL", "Kābul", "U.S.", "US", "the Netherlands", "Rio de Janeiro", "Reading", "", " ", "-",
		"\xff\xfe", "Saint-Étienne", "İstanbul", "Straße", "北京", "the ", "St.", "a,b", strings.Repeat("New ", 50), "AFGGOV", "USAPRIGOV"} {
		f.Add(s, "US", "TX", false)
	}
	f.Fuzz(func(t *testing.T, name, country, admin1 string, placeLike bool) {
		ctx := Context{Countries: []string{country}, Admin1: admin1, PlaceLike: placeLike}
		p, ok := g.Lookup(name, ctx)
		c := g.Candidates(name)
		if ok != (len(c) > 0) && !g.Stopped(name) {
			t.Fatalf("Lookup(%q) = %v but %d candidates", name, ok, len(c))
		}
		if ok {
			found := false
			for _, x := range c {
				found = found || x == p
			}
			if !found {
				t.Fatalf("Lookup(%q) = %+v, not among its candidates", name, p)
			}
			if p.Name == "" || p.CountryISO3 == "" || p.Kind.String() == "" {
				t.Fatalf("Lookup(%q) = %+v", name, p)
			}
		}
		g.Country(name)
		g.CountryForCAMEO(name)
		words := strings.Fields(name)
		for _, m := range g.Match(words, ctx) {
			if m.Start < 0 || m.End > len(words) || m.Start >= m.End {
				t.Fatalf("Match(%q) mention %d..%d", words, m.Start, m.End)
			}
		}
		if n := g.Longest(words); n < 0 || n > len(words) {
			t.Fatalf("Longest(%q) = %d", words, n)
		}
		if utf8.ValidString(name) && ok {
			// The same name in upper case resolves the same way (case-insensitive),
			// unless it is a case-only alias like "US".
			if _, alias := g.caseAlias[strings.TrimSpace(name)]; !alias {
				if _, alias := g.caseAlias[strings.TrimSpace(strings.ToUpper(name))]; !alias {
					if q, ok2 := g.Lookup(strings.ToUpper(name), ctx); ok2 && q != p && strings.ToUpper(name) != name {
						// ToUpper can change how a name folds (ß → SS is fine, but some runes have no
						// upper-case fold); only ASCII names must agree exactly.
						if isASCII(name) {
							t.Fatalf("Lookup(%q) = %s but Lookup(%q) = %s", name, p.Name, strings.ToUpper(name), q.Name)
						}
					}
				}
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
