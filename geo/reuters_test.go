package geo

import (
	"bufio"
	"encoding/json"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// reutersSuccessors maps the Reuters-21578 place tags that are not one
// country's name today to the ISO3 codes a dateline in them may resolve to.
var reutersSuccessors = map[string][]string{
	"usa": {"USA"}, "uk": {"GBR"}, "uae": {"ARE"}, "west-germany": {"DEU"}, "east-germany": {"DDR", "DEU"},
	"ussr":           {"SUN", "RUS", "UKR", "BLR", "KAZ", "UZB", "GEO", "ARM", "AZE", "LTU", "LVA", "EST", "MDA", "KGZ", "TJK", "TKM"},
	"yugoslavia":     {"YUG", "SRB", "HRV", "SVN", "BIH", "MKD", "MNE", "XKX"},
	"czechoslovakia": {"CSK", "CZE", "SVK"}, "yemen-arab-republic": {"YEM"}, "yemen-demo-republic": {"YEM"},
	"trinidad-tobago": {"TTO"}, "us-virgin-islands": {"VIR"}, "netherlands-antilles": {"ANT", "CUW", "SXM", "BES"},
}

// TestReutersDatelines measures how often the place of a Reuters-21578
// dateline ("BAGHDAD, March 9 -") resolves to one of the story's tagged
// countries. The corpus is research-use only and is not in the repository:
// set GEO_REUTERS to the path of reuters21578.jsonl to run it, e.g.
//
//	GEO_REUTERS=/work/shared/corpus/reuters21578.jsonl go test ./geo -run Reuters -v
func TestReutersDatelines(t *testing.T) {
	path := os.Getenv("GEO_REUTERS")
	if path == "" {
		t.Skip("set GEO_REUTERS to reuters21578.jsonl to run")
	}
	g := load(t)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tagCountries := func(tag string) []string {
		if s, ok := reutersSuccessors[tag]; ok {
			return s
		}
		if c := g.Candidates(strings.ReplaceAll(tag, "-", " ")); len(c) > 0 && c[0].Kind == KindCountry {
			return []string{c[0].CountryISO3}
		}
		return nil
	}
	type result struct{ stories, resolved, right, rightCtx, unknownTag int }
	var r result
	wrong := map[string]int{}
	missing := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var doc struct {
			Dateline string   `json:"dateline"`
			Places   []string `json:"places"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		place, _, _ := strings.Cut(doc.Dateline, ",")
		place = strings.TrimSpace(place)
		if place == "" || len(doc.Places) == 0 {
			continue
		}
		var gold []string
		known := true
		for _, tag := range doc.Places {
			c := tagCountries(tag)
			known = known && c != nil
			gold = append(gold, c...)
		}
		if !known {
			r.unknownTag++
			continue
		}
		r.stories++
		in := func(p Place) bool {
			for _, c := range gold {
				if c == p.CountryISO3 {
					return true
				}
			}
			return false
		}
		p, ok := g.Lookup(place, Context{PlaceLike: true})
		if !ok {
			missing[place]++
			continue
		}
		r.resolved++
		if in(p) {
			r.right++
		} else {
			wrong[place+" → "+p.Name+" ("+p.CountryISO3+") vs "+strings.Join(doc.Places, "/")]++
		}
		if q, ok := g.Lookup(place, Context{PlaceLike: true, Countries: gold}); ok && in(q) {
			r.rightCtx++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	t.Logf("stories with a dateline and known country tags: %d (%d skipped for an unknown tag)", r.stories, r.unknownTag)
	t.Logf("dateline place resolved: %d (%.1f%%)", r.resolved, 100*float64(r.resolved)/float64(r.stories))
	t.Logf("resolved to a tagged country, no context: %d (%.1f%% of stories, %.1f%% of resolved)", r.right,
		100*float64(r.right)/float64(r.stories), 100*float64(r.right)/float64(r.resolved))
	t.Logf("resolved to a tagged country, tags as context: %d (%.1f%% of stories)", r.rightCtx, 100*float64(r.rightCtx)/float64(r.stories))
	top := func(m map[string]int, n int) string {
		ks := make([]string, 0, len(m))
		for k := range m {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(i, j int) bool { return m[ks[i]] > m[ks[j]] || m[ks[i]] == m[ks[j]] && ks[i] < ks[j] })
		var b strings.Builder
		for i, k := range ks {
			if i == n {
				break
			}
			b.WriteString("\n\t" + k + " ×" + strconv.Itoa(m[k]))
		}
		return b.String()
	}
	t.Logf("most frequent unresolved datelines:%s", top(missing, 25))
	t.Logf("most frequent resolutions outside the tags:%s", top(wrong, 40))
}
