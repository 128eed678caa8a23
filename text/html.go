package text

import (
	"encoding/json"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/annalist/annalist"
)

// ReadHTML extracts an article from a web page: the main text without
// navigation, menus, sharing widgets, comments and other boilerplate, and
// the title, publication time, site name and canonical URL from the page's
// metadata (Open Graph, article:published_time, JSON-LD, <time>, <title>).
// Paragraphs are separated by blank lines; headings become their own lines.
// id names the document; max bounds the bytes read (0: no bound).
func ReadHTML(r io.Reader, id string, max int64) (*annalist.Document, error) {
	if max > 0 {
		r = io.LimitReader(r, max+1)
	}
	cr := &countingReader{r: r}
	root, err := html.Parse(cr)
	if err != nil {
		return nil, annalist.Errorf(annalist.EINVALID, "%s: not HTML: %v", id, err)
	}
	if max > 0 && cr.n > max {
		return nil, annalist.Errorf(annalist.ETOOLARGE, "%s: page longer than %d bytes", id, max)
	}
	doc := &annalist.Document{ID: id}
	meta := readMeta(root)
	doc.Title = firstNonEmpty(meta["og:title"], meta["twitter:title"], meta["headline"], meta["title"])
	doc.Source = meta["og:site_name"]
	doc.URL = firstNonEmpty(meta["canonical"], meta["og:url"])
	for _, k := range []string{"article:published_time", "datepublished", "date", "pubdate", "dc.date", "time"} {
		if v := meta[k]; v != "" {
			if t, err := ParseDate(v); err == nil {
				doc.Date = t
				break
			}
		}
	}
	body := mainContent(root)
	doc.Text = renderText(body)
	return doc, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// readMeta collects metadata by lower-case key: meta name/property values,
// the title, the canonical link, JSON-LD headline and datePublished, and
// the first <time datetime>.
func readMeta(root *html.Node) map[string]string {
	m := map[string]string{}
	set := func(k, v string) {
		k = strings.ToLower(strings.TrimSpace(k))
		if _, ok := m[k]; !ok && strings.TrimSpace(v) != "" {
			m[k] = strings.TrimSpace(v)
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				key := attr(n, "property")
				if key == "" {
					key = attr(n, "name")
				}
				if key == "" {
					key = attr(n, "itemprop")
				}
				set(key, attr(n, "content"))
			case atom.Title:
				set("title", textOf(n))
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					set("canonical", attr(n, "href"))
				}
			case atom.Time:
				set("time", attr(n, "datetime"))
			case atom.Script:
				if strings.Contains(attr(n, "type"), "ld+json") {
					readJSONLD(textOf(n), set)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return m
}

// readJSONLD picks headline and datePublished out of JSON-LD (an object, an
// array of objects, or an @graph).
func readJSONLD(s string, set func(k, v string)) {
	var v any
	if json.Unmarshal([]byte(s), &v) != nil {
		return
	}
	var visit func(any)
	visit = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				visit(e)
			}
		case map[string]any:
			if h, ok := x["headline"].(string); ok {
				set("headline", h)
			}
			if d, ok := x["datePublished"].(string); ok {
				set("datepublished", d)
			}
			if g, ok := x["@graph"]; ok {
				visit(g)
			}
		}
	}
	visit(v)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// boilerplate reports elements that never hold article text.
func boilerplate(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.Button,
		atom.Iframe, atom.Svg, atom.Select, atom.Template, atom.Header, atom.Menu, atom.Figcaption:
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") || strings.EqualFold(attr(n, "role"), "navigation") {
		return true
	}
	cls := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	for _, w := range []string{"nav", "menu", "footer", "sidebar", "comment", "share", "social", "related", "advert",
		"promo", "cookie", "subscribe", "newsletter", "breadcrumb", "byline-tools", "toolbar", "popup", "banner"} {
		if containsWord(cls, w) {
			return true
		}
	}
	return false
}

// containsWord reports whether w occurs in s as a class-name part
// ("site-nav", "nav_bar", "main-menu"), not inside a longer word ("canvas").
func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isAlnum(s[j-1])
		after := j+len(w) == len(s) || !isAlnum(s[j+len(w)])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

// mainContent finds the element holding the article: an <article> or
// role=main element with enough paragraph text, else the element whose
// direct <p> children carry the most text with the fewest links.
func mainContent(root *html.Node) *html.Node {
	var best *html.Node
	bestScore := 0.0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && boilerplate(n) {
			return
		}
		if n.Type == html.ElementNode {
			s := score(n)
			if n.DataAtom == atom.Article || strings.EqualFold(attr(n, "role"), "main") || n.DataAtom == atom.Main {
				s *= 1.5
			}
			if s > bestScore {
				best, bestScore = n, s
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if best == nil {
		return root
	}
	return best
}

// score is the paragraph text under n (direct and one level down), less
// the share of it that is link text.
func score(n *html.Node) float64 {
	total, links := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || boilerplate(c) {
			continue
		}
		switch c.DataAtom {
		case atom.P, atom.Blockquote, atom.H2, atom.H3:
			t, l := textAndLinks(c)
			if t > 40 {
				total += t
				links += l
			}
		case atom.Div, atom.Section:
			for g := c.FirstChild; g != nil; g = g.NextSibling {
				if g.Type == html.ElementNode && g.DataAtom == atom.P && !boilerplate(g) {
					t, l := textAndLinks(g)
					if t > 40 {
						total += t / 2
						links += l / 2
					}
				}
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(total) * (1 - float64(links)/float64(total))
}

func textAndLinks(n *html.Node) (text, links int) {
	var walk func(*html.Node, bool)
	walk = func(m *html.Node, inLink bool) {
		if m.Type == html.TextNode {
			k := len(strings.TrimSpace(m.Data))
			text += k
			if inLink {
				links += k
			}
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink || (m.Type == html.ElementNode && m.DataAtom == atom.A))
		}
	}
	walk(n, false)
	return text, links
}

// renderText writes the text of n: blocks (paragraphs, headings, list
// items, quotes) as paragraphs separated by blank lines, inline elements
// joined, whitespace collapsed, boilerplate skipped.
func renderText(n *html.Node) string {
	var paras []string
	var cur strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			paras = append(paras, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		switch m.Type {
		case html.TextNode:
			cur.WriteString(m.Data)
			return
		case html.ElementNode:
			if boilerplate(m) {
				return
			}
			if m.DataAtom == atom.Br {
				cur.WriteString(" ")
				return
			}
		}
		block := m.Type == html.ElementNode && isBlock(m.DataAtom)
		if block {
			flush()
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(paras, "\n\n")
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote,
		atom.Section, atom.Article, atom.Tr, atom.Pre, atom.Ul, atom.Ol, atom.Table, atom.Figure, atom.Dd, atom.Dt:
		return true
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(m *html.Node) {
		if m.Type == html.TextNode {
			b.WriteString(m.Data)
		}
		for c := m.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}
