package web_test

import (
	"bufio"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist/engine"
	"github.com/annalist/annalist/server"
	"github.com/annalist/annalist/store/sqlite"
)

// testLog sends the server's log to the test's.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

// explored is true when the explore page has finished loading.
const explored = `!document.getElementById('page-explore').hidden && !document.getElementById('page-explore').dataset.loading`

// TestBrowser drives the UI in headless Chromium against a server on
// 127.0.0.1 with a temporary SQLite database: it codes the demo article,
// checks the highlights and an event's explanation, ingests Wikinews
// articles through the API and checks the explore view, paging and the
// link to a document, on a laptop-sized and a phone-sized screen. It
// fails on any JavaScript exception, console error or CSP violation.
//
// Without a Chromium binary the test skips, unless ANNALIST_REQUIRE_BROWSER=1
// (as in CI). ANNALIST_CHROMIUM names the binary; ANNALIST_BROWSER_SHOTS a
// directory for screenshots of each step.
func TestBrowser(t *testing.T) {
	bin := findChromium()
	if bin == "" {
		if os.Getenv("ANNALIST_REQUIRE_BROWSER") == "1" {
			t.Fatal("no Chromium found (install Debian's chromium or set ANNALIST_CHROMIUM) and ANNALIST_REQUIRE_BROWSER=1")
		}
		t.Skip("no Chromium found: skipping the browser test (install chromium or set ANNALIST_CHROMIUM; ANNALIST_REQUIRE_BROWSER=1 makes this a failure)")
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "annalist.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	eng, err := engine.New(engine.Config{})
	if err != nil {
		t.Fatal(err)
	}
	const token = "browser-test-token"
	logger := slog.New(slog.NewTextHandler(testLog{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv := httptest.NewServer(server.New(server.Config{Store: st, Engine: eng, Token: token, Logger: logger}))
	defer srv.Close()
	if !strings.HasPrefix(srv.URL, "http://127.0.0.1:") {
		t.Fatalf("test server not on 127.0.0.1: %s", srv.URL)
	}
	seed, err := os.ReadFile("../testdata/corpus/seed-article.txt")
	if err != nil {
		t.Fatal(err)
	}

	b := startBrowser(t, bin, 1280, 900)
	noProblems := func(step string) {
		t.Helper()
		if p := b.takeProblems(); len(p) > 0 {
			t.Errorf("%s: problems on the page: %q", step, p)
		}
	}

	// Code the demo article.
	b.navigate(srv.URL + "/#/code")
	b.waitFor("the code form", `document.querySelector('#page-code:not([hidden]) #code-text')`, 10*time.Second)
	b.typeInto("#code-text", string(seed))
	b.eval(`document.getElementById('code-date').value = '2019-12-19'`, nil)
	b.typeInto("#code-title", "China and Afghanistan")
	b.click("#code-submit")
	b.waitFor("event cards", `document.querySelectorAll('#cards .card').length > 0 || !document.getElementById('banner').hidden`, 60*time.Second)
	var bannerText string
	b.eval(`document.getElementById('banner').hidden ? '' : document.getElementById('banner').textContent`, &bannerText)
	if bannerText != "" {
		t.Fatalf("coding the article failed: %s", bannerText)
	}
	b.shot("1-coded")
	noProblems("coding")

	// Facts that are right about the article: China's army (sentence 2)
	// expresses cooperation (QuadClass 1 or 2), and its words are
	// highlighted as a source actor, with the verb highlighted too.
	var china string
	b.eval(`(() => {
		const c = [...document.querySelectorAll('#cards .card')].find(c =>
			c.dataset.source.startsWith('CHN') && c.dataset.sentence === '2' && (c.classList.contains('q1') || c.classList.contains('q2')));
		return c ? c.id : '';
	})()`, &china)
	if china == "" {
		t.Fatal("no card for China's army expressing cooperation in sentence 2")
	}
	var marks struct{ Source, Verb, Caption []string }
	b.eval(`({
		Source: [...document.querySelectorAll('#sent-2 mark.hl-source')].map(m => m.textContent),
		Verb: [...document.querySelectorAll('#sent-2 mark.hl-verb')].map(m => m.textContent),
		Caption: [...document.querySelectorAll('#sent-0 mark, #sent-1 mark')].map(m => m.textContent),
	})`, &marks)
	if !strings.Contains(strings.Join(marks.Source, ""), "China's army") || len(marks.Verb) == 0 {
		t.Errorf("sentence 2 highlights: sources %q, verbs %q", marks.Source, marks.Verb)
	}
	if len(marks.Caption) > 0 {
		t.Errorf("caption or credit highlighted: %q", marks.Caption)
	}

	// Open the event's explanation with the mouse, close and reopen it with the keyboard.
	b.click("#" + china)
	why := "#why-" + strings.TrimPrefix(china, "card-")
	b.waitFor("the explanation", `!document.querySelector('`+why+`').hidden`, 5*time.Second)
	var panel struct {
		Text    string
		Source  string
		Focused string
		Focus   int
	}
	b.eval(`(() => { const p = document.querySelector('`+why+`'); return {
		Text: p.textContent,
		Source: [...p.querySelectorAll('mark.hl-source')].map(m => m.textContent).join(''),
		Focused: document.activeElement.id,
		Focus: document.querySelectorAll('#sent-2 mark.hl.focus').length,
	}; })()`, &panel)
	for _, want := range []string{"Why this event", "Phoenix.Countries.actors.txt:", "CHINA", "reported in", "Wednesday"} {
		if !strings.Contains(panel.Text, want) {
			t.Errorf("explanation lacks %q: %s", want, panel.Text)
		}
	}
	if !regexp.MustCompile(`pattern.*\[0\d+\] \([A-Za-z][^()]*\.txt:\d+\)`).MatchString(panel.Text) {
		t.Errorf("explanation lacks the verb pattern with file:line: %s", panel.Text)
	}
	if panel.Source != "China's army" || panel.Focus == 0 {
		t.Errorf("explanation source highlight %q, %d highlights in focus in the text", panel.Source, panel.Focus)
	}
	if panel.Focused != china {
		t.Errorf("focus on %q after the click, want the card", panel.Focused)
	}
	b.shot("2-explained")
	b.key("Enter")
	b.waitFor("the explanation to close", `document.querySelector('`+why+`').hidden`, 5*time.Second)
	b.key(" ")
	b.waitFor("the explanation to reopen", `!document.querySelector('`+why+`').hidden`, 5*time.Second)
	noProblems("explanation")

	// Storing needs the write token: without it the UI says so; with it
	// (entered under "API token") the article is stored and linked.
	b.click("#code-store")
	b.waitFor("the 401 banner", `!document.getElementById('banner').hidden`, 30*time.Second)
	b.eval(`document.getElementById('banner').textContent`, &bannerText)
	if !strings.Contains(bannerText, "API token") {
		t.Errorf("storing without a token: banner %q", bannerText)
	}
	// The browser logs the expected 401; anything else is a problem.
	for _, p := range b.takeProblems() {
		if !strings.Contains(p, "401") || !strings.Contains(p, "/v1/documents") {
			t.Errorf("storing without a token: problem on the page: %q", p)
		}
	}
	b.click("details.token summary")
	b.typeInto("#token", token)
	b.click("#token-form button[type=submit]")
	b.waitFor("the banner to clear", `document.getElementById('banner').hidden`, 5*time.Second)
	b.click("#code-store")
	b.waitFor("the stored link", `document.querySelector('#code-status a')`, 60*time.Second)
	var link string
	b.eval(`document.querySelector('#code-status a').getAttribute('href')`, &link)
	if docs, _, err := st.Stats(ctx); err != nil || docs != 1 || !strings.HasPrefix(link, "#/doc/text-") {
		t.Errorf("after storing: %d documents (%v), link %q", docs, err, link)
	}
	noProblems("storing")

	// Ingest Wikinews articles through the API.
	f, err := os.Open("../testdata/corpus/wikinews-2019-2020.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var batch strings.Builder
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for n := 0; n < 40 && sc.Scan(); n++ {
		batch.WriteString(sc.Text() + "\n")
	}
	f.Close()
	req, _ := http.NewRequest("POST", srv.URL+"/v1/documents", strings.NewReader(batch.String()))
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("ingest: %s", res.Status)
	}
	_, nevents, err := st.Stats(ctx)
	if err != nil || nevents < 30 {
		t.Fatalf("ingest stored %d events (%v); the explore checks need more", nevents, err)
	}

	// Explore: timeline, network, map and table.
	b.navigate(srv.URL + "/#/explore")
	b.waitFor("the explore page", explored, 30*time.Second)
	b.waitFor("the timeline", `document.querySelectorAll('#timeline svg rect.bar').length > 0`, 20*time.Second)
	b.waitFor("the network", `document.querySelectorAll('#network svg g.node').length > 1`, 20*time.Second)
	b.waitFor("the map", `document.querySelector('#map svg path.land')`, 20*time.Second)
	b.waitFor("table rows", `document.querySelectorAll('#events-table tbody tr[data-id]').length > 0`, 20*time.Second)
	b.shot("3-explore")
	b.eval(`document.getElementById('network').scrollIntoView()`, nil)
	b.shot("3-charts")
	var counts struct{ Bars, Nodes, Spots, Rows int }
	b.eval(`({Bars: document.querySelectorAll('#timeline rect.bar').length, Nodes: document.querySelectorAll('#network g.node').length,
		Spots: document.querySelectorAll('#map circle.spot').length, Rows: document.querySelectorAll('#events-table tbody tr[data-id]').length})`, &counts)
	if counts.Spots == 0 {
		t.Errorf("the map shows no places: %+v", counts)
	}
	if counts.Rows != min(50, nevents) {
		t.Errorf("table shows %d rows, want %d", counts.Rows, min(50, nevents))
	}
	noProblems("explore")

	// Page through the table with the cursor.
	b.eval(`(() => { const s = document.getElementById('page-size'); s.value = '25'; s.dispatchEvent(new Event('change')); })()`, nil)
	b.waitFor("25 rows", `document.querySelectorAll('#events-table tbody tr[data-id]').length === 25`, 10*time.Second)
	var first []string
	b.eval(`[...document.querySelectorAll('#events-table tbody tr[data-id]')].map(r => r.dataset.id)`, &first)
	b.click("#next-page")
	b.waitFor("page 2", `document.getElementById('page-info').textContent === 'Page 2'`, 10*time.Second)
	var second []string
	b.eval(`[...document.querySelectorAll('#events-table tbody tr[data-id]')].map(r => r.dataset.id)`, &second)
	if len(second) == 0 || len(second) > 25 {
		t.Errorf("page 2 has %d rows", len(second))
	}
	for _, id := range second {
		for _, f := range first {
			if id == f {
				t.Errorf("event %s on pages 1 and 2", id)
			}
		}
	}
	b.click("#prev-page")
	b.waitFor("page 1 again", `document.getElementById('page-info').textContent === 'Page 1'`, 10*time.Second)

	// A filter from the network: choosing a node filters by that actor.
	var code string
	b.eval(`document.querySelector('#network g.node').dataset.code`, &code)
	b.eval(`document.querySelector('#network g.node').focus()`, nil)
	b.key("Enter")
	b.waitFor("the actor filter", `document.getElementById('f-actor').value !== '' && `+explored, 10*time.Second)
	b.waitFor("filtered rows", `document.querySelectorAll('#events-table tbody tr[data-id]').length > 0`, 10*time.Second)
	var actor string
	b.eval(`document.getElementById('f-actor').value`, &actor)
	if actor != code {
		t.Errorf("chose node %q, filter is %q", code, actor)
	}

	// A row links to its sentence in the document.
	b.click("#events-table tbody tr[data-id] a")
	b.waitFor("the document", `!document.getElementById('page-doc').hidden && document.querySelector('.sent.flash')`, 20*time.Second)
	b.shot("4-document")
	noProblems("document")

	// On a phone-sized screen nothing overflows sideways.
	b.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true}, nil)
	for _, page := range []string{"#/explore", "#/code"} {
		b.navigate(srv.URL + "/" + page)
		b.waitFor("the page", `document.querySelector('main section:not([hidden])')`, 10*time.Second)
		time.Sleep(500 * time.Millisecond)
		var overflow struct{ Scroll, Width int }
		b.eval(`({Scroll: document.documentElement.scrollWidth, Width: window.innerWidth})`, &overflow)
		if overflow.Scroll > overflow.Width {
			b.shot("5-phone-overflow")
			t.Errorf("%s on a 390 px screen is %d px wide", page, overflow.Scroll)
		}
	}
	b.shot("5-phone")
	noProblems("phone")
}
