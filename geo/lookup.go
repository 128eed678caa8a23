package geo

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/annalist/annalist/geo/internal/fold"
)

// maxNameWords bounds the length, in tokens, of a name Match looks for.
const maxNameWords = 8

// Lookup resolves a place name under ctx and reports whether it found one.
//
// The name matches case- and diacritic-insensitively (see docs/geo.md for the
// folding: "KABUL", "Kābul" and "kabul" are one name; hyphens count as spaces)
// against city names and their Latin-script GeoNames alternate names,
// admin1 region names, country names and common country aliases ("U.S.",
// "Britain", "Burma"). A handful of aliases match only as written: "US", "UK",
// "UAE", "DRC", "PRC", "ROK", "DPRK", "GDR", "FRG". A leading "the" is dropped
// when the name has no reading with it. A country resolves to a Place of Kind
// KindCountry whose coordinates are its capital's.
//
// Among the readings of a name the best is, in order: one in ctx.Admin1,
// one in ctx.Countries, then the one of highest rank weight: log10 of the
// population plus a bonus for countries (always first), national capitals
// (about ×20), admin1 seats (×3) and second-level seats (×1.6), less for
// admin1 regions, for matches by an alternate name (÷30) and for a region
// when a city inside it has the same name; then the larger population.
// docs/geo.md gives the figures and why.
//
// Names on the stop-list (common English words that are also place names:
// "Reading", "March", "Split", "Male"; see Stopped) resolve only to a place in
// ctx.Countries, or when ctx.PlaceLike is set. Lookup never fails otherwise:
// an unknown or empty name gives false.
func (g *Gazetteer) Lookup(name string, ctx Context) (Place, bool) {
	posts, key := g.find(name)
	if len(posts) == 0 {
		return Place{}, false
	}
	i, ok := g.best(posts, key, ctx)
	if !ok {
		return Place{}, false
	}
	return g.places[i], true
}

// Candidates returns every reading of a name (matched as by Lookup), best
// first by Lookup's ranking with no context, ignoring the stop-list. It
// returns nil for an unknown name.
func (g *Gazetteer) Candidates(name string) []Place {
	posts, _ := g.find(name)
	if len(posts) == 0 {
		return nil
	}
	var none resolved
	cs := make([]cand, len(posts))
	for i, v := range posts {
		cs[i] = g.cand(v, posts, &none)
	}
	sort.Slice(cs, func(a, b int) bool { return cs[a].better(cs[b]) })
	out := make([]Place, len(cs))
	for i, c := range cs {
		out[i] = g.places[c.i]
	}
	return out
}

// Stopped reports whether a name is on the stop-list, that is whether Lookup
// resolves it only with a context country or ctx.PlaceLike.
func (g *Gazetteer) Stopped(name string) bool {
	return g.stop[fold.Key(name)]
}

// Country returns the country with the given ISO 3166-1 alpha-2 or alpha-3
// code, CAMEO country code (KSV, TMP, the historic SUN, DDR, CSK, YUG) or
// CAMEO territory code (USAPRI: Puerto Rico), case-insensitively. It reports
// false for an unknown code.
func (g *Gazetteer) Country(code string) (Country, bool) {
	ci, ok := g.codes[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return Country{}, false
	}
	return g.countries[ci], true
}

// CountryForCAMEO returns the country of a CAMEO actor code ("AFGGOV" →
// Afghanistan, "USAPRIGOV" → Puerto Rico, "KSVREB" → Kosovo): a six-letter
// territory or sub-state code from CAMEO's countrynames.txt or the Phoenix
// country dictionary when the code starts with one, else the first three
// letters as a country code. It reports false for codes that name no country
// (regions like "AFR", "IGO...", "---").
func (g *Gazetteer) CountryForCAMEO(code string) (Country, bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) >= 6 {
		if ci, ok := g.codes[code[:6]]; ok {
			return g.countries[ci], true
		}
	}
	if len(code) >= 3 {
		if ci, ok := g.codes[code[:3]]; ok {
			return g.countries[ci], true
		}
	}
	return Country{}, false
}

// Countries returns every country, in the order of the data file (GeoNames'
// country table, then the historic countries).
func (g *Gazetteer) Countries() []Country {
	return append([]Country(nil), g.countries...)
}

// Len returns the number of places: countries, admin1 regions and cities.
func (g *Gazetteer) Len() int { return len(g.places) }

// Mention is a place name Match found in a token sequence.
type Mention struct {
	// Start and End are token indexes: the name is words[Start:End].
	Start, End int
	// Place is the name's best reading, as Lookup gives it.
	Place Place
}

// Match finds place names in one tokenized sentence, left to right, taking
// at each position the longest name that Lookup resolves under ctx ("Rio de
// Janeiro" over "Rio"). Tokens are matched as Lookup matches names, joined by
// spaces, so "St." "Petersburg" and the single token "Guinea-Bissau" both
// work, and punctuation tokens inside a name are skipped ("Washington , D.C.").
//
// Because words are running text, Match is stricter than Lookup:
//   - a name must start with a token whose first letter is upper case (the
//     following tokens may be of any case: "Rio de Janeiro");
//   - a single all-capital token of four letters or fewer is taken for an
//     acronym ("PAP", "NATO") unless it is a case-sensitive alias ("US");
//   - unless ctx.PlaceLike is set, a name that is not a country is skipped
//     when the token after it, or the token before it (other than the
//     sentence's first), starts with a capital: it is then part of a longer
//     proper name ("George Washington", "Karl Marx Avenue", "New York Times").
//
// ctx.PlaceLike applies to every name in words, so set it only when all of
// them are known to be places (a dateline, a list of locations). Match never
// fails; it returns nil when nothing matches.
func (g *Gazetteer) Match(words []string, ctx Context) []Mention {
	var out []Mention
	var keys [maxNameWords]string
	var rc resolved
	rcDone := false
	for i := 0; i < len(words); i++ {
		if !capitalised(words[i]) {
			continue
		}
		if ci, ok := g.caseAlias[words[i]]; ok {
			out = append(out, Mention{Start: i, End: i + 1, Place: g.places[ci]})
			continue
		}
		if acronym(words[i]) {
			continue
		}
		n := g.prefixes(words[i:], keys[:])
		for j := n - 1; j >= 0; j-- {
			if keys[j] == "" {
				continue
			}
			if !rcDone {
				rc, rcDone = g.resolve(ctx), true
			}
			p, ok := g.bestOf(g.postings(keys[j]), keys[j], &rc, ctx.PlaceLike)
			if !ok {
				continue
			}
			end := i + j + 1
			if !ctx.PlaceLike && g.places[p].Kind != KindCountry &&
				(i >= 2 && capitalised(words[i-1]) || end < len(words) && capitalised(words[end])) {
				break // part of a longer proper name
			}
			out = append(out, Mention{Start: i, End: end, Place: g.places[p]})
			i = end - 1
			break
		}
	}
	return out
}

// capitalised reports whether a token starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// acronym reports whether a token is two to four capital ASCII letters.
func acronym(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// Longest returns how many tokens the longest indexed name at the start of
// words spans (0 if none), whatever the stop-list and the case of the words.
// It lets a caller scan a sentence itself: call it at each token position.
func (g *Gazetteer) Longest(words []string) int {
	var keys [maxNameWords]string
	n := g.prefixes(words, keys[:])
	for j := n - 1; j >= 0; j-- {
		if keys[j] != "" {
			return j + 1
		}
	}
	return 0
}

// prefixes fills keys[j] with the key of words[:j+1] when that is an indexed
// name ("" when not) and returns how many entries it filled: it stops at the
// first prefix that no indexed name extends. The sorted key list serves as
// the first-word index: one binary search answers whether any name starts
// with the words so far.
func (g *Gazetteer) prefixes(words []string, keys []string) int {
	cur := ""
	n := 0
	for j := 0; j < len(words) && j < len(keys); j++ {
		k := fold.Key(words[j])
		if k == "" {
			// Punctuation between words: "Washington , D.C." is "washington d.c.".
			if j == 0 {
				return 0
			}
			keys[j] = ""
			n = j + 1
			continue
		}
		if cur == "" {
			cur = k
		} else {
			cur = cur + " " + k
		}
		keys[j] = ""
		if len(g.postings(cur)) > 0 {
			keys[j] = cur
		}
		n = j + 1
		if !g.hasPrefix(cur + " ") {
			break
		}
	}
	return n
}

// hasPrefix reports whether some key starts with p.
func (g *Gazetteer) hasPrefix(p string) bool {
	i := sort.SearchStrings(g.keys, p)
	return i < len(g.keys) && strings.HasPrefix(g.keys[i], p)
}

// postings returns the postings of a key, or nil.
func (g *Gazetteer) postings(key string) []int32 {
	i := sort.SearchStrings(g.keys, key)
	if i < len(g.keys) && g.keys[i] == key {
		return g.posts[g.offs[i]:g.offs[i+1]]
	}
	return nil
}

// find returns the postings of a name and the key they were found under
// ("" for a case-sensitive alias, which is never stop-listed).
func (g *Gazetteer) find(name string) ([]int32, string) {
	if ci, ok := g.caseAlias[strings.TrimSpace(name)]; ok {
		return []int32{int32(ci<<1 | 1)}, ""
	}
	key := fold.Key(name)
	if key == "" {
		return nil, ""
	}
	posts := g.postings(key)
	if len(posts) == 0 && strings.HasPrefix(key, "the ") {
		key = key[4:]
		posts = g.postings(key)
	}
	return posts, key
}

// resolved is a Context turned into what ranking compares with.
type resolved struct {
	iso3   []string
	admin1 []region
}

// region names an admin1 region by country ISO2 and GeoNames admin1 code.
type region struct{ cc, code string }

// resolve looks up the codes and region of a Context.
func (g *Gazetteer) resolve(ctx Context) resolved {
	var r resolved
	for _, c := range ctx.Countries {
		if ci, ok := g.codes[strings.ToUpper(strings.TrimSpace(c))]; ok {
			r.iso3 = append(r.iso3, g.countries[ci].ISO3)
		}
	}
	a := strings.TrimSpace(ctx.Admin1)
	if a == "" {
		return r
	}
	if cc, code, ok := strings.Cut(a, "."); ok && len(cc) == 2 {
		r.admin1 = append(r.admin1, region{strings.ToUpper(cc), code})
		return r
	}
	for _, c := range ctx.Countries {
		if ci, ok := g.codes[strings.ToUpper(strings.TrimSpace(c))]; ok && g.countries[ci].ISO2 != "" {
			r.admin1 = append(r.admin1, region{g.countries[ci].ISO2, a})
		}
	}
	for _, v := range g.postings(fold.Key(a)) {
		if p := &g.places[v>>1]; p.Kind == KindAdmin1 {
			r.admin1 = append(r.admin1, region{p.CountryISO2, p.Admin1Code})
		}
	}
	return r
}

// ctxScore is 2 for a place in the context region, 1 for one in a context
// country, 0 otherwise.
func (g *Gazetteer) ctxScore(i int, r *resolved) int {
	p := &g.places[i]
	if p.Admin1Code != "" {
		for _, a := range r.admin1 {
			if a.cc == p.CountryISO2 && a.code == p.Admin1Code {
				return 2
			}
		}
	}
	for _, c := range r.iso3 {
		if c == p.CountryISO3 {
			return 1
		}
	}
	return 0
}

// cand is one reading of a name with what ranking compares.
type cand struct {
	i   int     // place index
	ctx int     // see ctxScore
	w   float32 // rank weight of this reading
	pop int
}

// shadowPenalty demotes an admin1 region below a city inside it that answers
// to the same name ("New York", "Kabul"): the city is the likelier reading.
const shadowPenalty = 3

// cand scores posting v of the posting list posts under r.
func (g *Gazetteer) cand(v int32, posts []int32, r *resolved) cand {
	i := int(v >> 1)
	p := &g.places[i]
	c := cand{i: i, ctx: g.ctxScore(i, r), w: g.weight[i], pop: p.Population}
	if v&1 == 0 {
		c.w -= altPenalty
	}
	if p.Kind == KindAdmin1 {
		for _, u := range posts {
			q := &g.places[u>>1]
			if (q.Kind == KindCity || q.Kind == KindCapital) && q.CountryISO2 == p.CountryISO2 && q.Admin1Code == p.Admin1Code {
				c.w -= shadowPenalty
				break
			}
		}
	}
	return c
}

// better reports whether c ranks before d: context, then weight, then
// population, then data order.
func (c cand) better(d cand) bool {
	if c.ctx != d.ctx {
		return c.ctx > d.ctx
	}
	if c.w != d.w {
		return c.w > d.w
	}
	if c.pop != d.pop {
		return c.pop > d.pop
	}
	return c.i < d.i
}

// best picks the best posting of a name's key under ctx.
func (g *Gazetteer) best(posts []int32, key string, ctx Context) (int, bool) {
	r := g.resolve(ctx)
	return g.bestOf(posts, key, &r, ctx.PlaceLike)
}

// bestOf picks the best posting, keeping only those in context when the key
// is stop-listed and the usage is not known to be place-like.
func (g *Gazetteer) bestOf(posts []int32, key string, r *resolved, placeLike bool) (int, bool) {
	stopped := key != "" && g.stop[key] && !placeLike
	var best cand
	found := false
	for _, v := range posts {
		c := g.cand(v, posts, r)
		if stopped && c.ctx == 0 {
			continue
		}
		if !found || c.better(best) {
			best, found = c, true
		}
	}
	return best.i, found
}
