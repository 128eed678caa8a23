package web_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// A small client of the Chrome DevTools Protocol, over the pipe that
// --remote-debugging-pipe opens (file descriptors 3 and 4 of the browser:
// JSON messages ended by a NUL byte). No port is opened and no dependency
// is needed.

// chromiumFlags are the flags the browser runs with; CI uses the same.
var chromiumFlags = []string{
	"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
	"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
	"--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe",
}

// findChromium returns the browser to drive: $ANNALIST_CHROMIUM, or the
// first of the usual names on PATH. "" when there is none.
func findChromium() string {
	if p := os.Getenv("ANNALIST_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is a running headless Chromium with one page attached.
type browser struct {
	tb      testing.TB
	cmd     *exec.Cmd
	in      io.WriteCloser
	session string

	mu      sync.Mutex
	next    int
	waiting map[int]chan reply
	// problems are JavaScript exceptions, console errors and browser log
	// errors (CSP violations, failed loads) seen on the page.
	problems []string
	loads    chan struct{}
	done     chan struct{}
}

type reply struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

type message struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	reply
}

// startBrowser launches Chromium with a fresh profile and attaches to a
// blank page; the browser is closed when the test ends.
func startBrowser(tb testing.TB, bin string, width, height int) *browser {
	tb.Helper()
	toChrome, chromeIn, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	chromeOut, fromChrome, err := os.Pipe()
	if err != nil {
		tb.Fatal(err)
	}
	args := append(append([]string{}, chromiumFlags...), "--user-data-dir="+tb.TempDir(),
		fmt.Sprintf("--window-size=%d,%d", width, height), "about:blank")
	cmd := exec.Command(bin, args...)
	cmd.ExtraFiles = []*os.File{toChrome, fromChrome}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		tb.Fatalf("start %s: %v", bin, err)
	}
	toChrome.Close()
	fromChrome.Close()
	b := &browser{tb: tb, cmd: cmd, in: chromeIn, waiting: map[int]chan reply{}, loads: make(chan struct{}, 16), done: make(chan struct{})}
	go b.read(bufio.NewReaderSize(chromeOut, 1<<20))
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		b.callCtx(ctx, "", "Browser.close", nil, nil)
		select {
		case <-b.done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
		cmd.Wait()
		chromeIn.Close()
		chromeOut.Close()
		if tb.Failed() && stderr.Len() > 0 {
			tb.Logf("chromium stderr:\n%s", lastLines(stderr.String(), 20))
		}
	})
	var targets struct {
		TargetInfos []struct {
			TargetID string `json:"targetId"`
			Type     string `json:"type"`
		} `json:"targetInfos"`
	}
	b.browserCall("Target.getTargets", nil, &targets)
	id := ""
	for _, t := range targets.TargetInfos {
		if t.Type == "page" {
			id = t.TargetID
			break
		}
	}
	if id == "" {
		var created struct {
			TargetID string `json:"targetId"`
		}
		b.browserCall("Target.createTarget", map[string]any{"url": "about:blank"}, &created)
		id = created.TargetID
	}
	var att struct {
		SessionID string `json:"sessionId"`
	}
	b.browserCall("Target.attachToTarget", map[string]any{"targetId": id, "flatten": true}, &att)
	b.session = att.SessionID
	for _, domain := range []string{"Page.enable", "Runtime.enable", "Log.enable"} {
		b.call(domain, nil, nil)
	}
	b.call("Emulation.setDeviceMetricsOverride", map[string]any{"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}, nil)
	return b
}

// lastLines returns the last n lines of s, without D-Bus complaints (there
// is no bus in a container and they say nothing about the test).
func lastLines(s string, n int) string {
	var lines []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if !strings.Contains(l, "dbus") {
			lines = append(lines, l)
		}
	}
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// read dispatches replies to their callers and records page events.
func (b *browser) read(r *bufio.Reader) {
	defer close(b.done)
	for {
		raw, err := r.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			for id, ch := range b.waiting {
				ch <- reply{Error: &struct {
					Code    int    `json:"code"`
					Message string `json:"message"`
				}{-1, "browser closed the pipe"}}
				delete(b.waiting, id)
			}
			b.mu.Unlock()
			return
		}
		var m message
		if err := json.Unmarshal(raw[:len(raw)-1], &m); err != nil {
			continue
		}
		if m.ID != 0 {
			b.mu.Lock()
			ch := b.waiting[m.ID]
			delete(b.waiting, m.ID)
			b.mu.Unlock()
			if ch != nil {
				ch <- m.reply
			}
			continue
		}
		b.event(m.Method, m.Params)
	}
}

func (b *browser) event(method string, params json.RawMessage) {
	var p struct {
		ExceptionDetails struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
		Type  string                `json:"type"`
		Args  []struct{ Value any } `json:"args"`
		Entry struct {
			Level, Text, URL string
		} `json:"entry"`
	}
	json.Unmarshal(params, &p)
	var problem string
	switch method {
	case "Page.loadEventFired":
		select {
		case b.loads <- struct{}{}:
		default:
		}
	case "Runtime.exceptionThrown":
		problem = "exception: " + p.ExceptionDetails.Text + " " + p.ExceptionDetails.Exception.Description
	case "Runtime.consoleAPICalled":
		if p.Type == "error" || p.Type == "assert" {
			problem = fmt.Sprintf("console.%s: %v", p.Type, p.Args)
		}
	case "Log.entryAdded":
		if p.Entry.Level == "error" {
			problem = "log: " + p.Entry.Text + " " + p.Entry.URL
		}
	}
	if problem != "" {
		b.mu.Lock()
		b.problems = append(b.problems, problem)
		b.mu.Unlock()
	}
}

// takeProblems returns and forgets the problems seen so far.
func (b *browser) takeProblems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.problems
	b.problems = nil
	return p
}

func (b *browser) callCtx(ctx context.Context, session, method string, params, result any) error {
	b.mu.Lock()
	b.next++
	id := b.next
	ch := make(chan reply, 1)
	b.waiting[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	raw, _ := json.Marshal(msg)
	if _, err := b.in.Write(append(raw, 0)); err != nil {
		return fmt.Errorf("%s: %v", method, err)
	}
	select {
	case r := <-ch:
		if r.Error != nil {
			return fmt.Errorf("%s: %s", method, r.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(r.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %v", method, ctx.Err())
	}
}

func (b *browser) browserCall(method string, params, result any) {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := b.callCtx(ctx, "", method, params, result); err != nil {
		b.tb.Fatal(err)
	}
}

// call sends a command to the page and fails the test on an error.
func (b *browser) call(method string, params, result any) {
	b.tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := b.callCtx(ctx, b.session, method, params, result); err != nil {
		b.tb.Fatal(err)
	}
}

// navigate loads url and waits for its load event.
func (b *browser) navigate(url string) {
	b.tb.Helper()
	for len(b.loads) > 0 {
		<-b.loads
	}
	var nav struct {
		LoaderID  string `json:"loaderId"`
		ErrorText string `json:"errorText"`
	}
	b.call("Page.navigate", map[string]any{"url": url}, &nav)
	if nav.ErrorText != "" {
		b.tb.Fatalf("navigate %s: %s", url, nav.ErrorText)
	}
	if nav.LoaderID == "" {
		return // same document: only the fragment changed
	}
	select {
	case <-b.loads:
	case <-time.After(30 * time.Second):
		b.tb.Fatalf("%s did not load in 30 s", url)
	}
}

// eval evaluates a JavaScript expression in the page (awaiting a promise)
// and decodes its value into result (if not nil).
func (b *browser) eval(expr string, result any) {
	b.tb.Helper()
	var r struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	b.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &r)
	if r.ExceptionDetails != nil {
		b.tb.Fatalf("eval %s: %s %s", expr, r.ExceptionDetails.Text, r.ExceptionDetails.Exception.Description)
	}
	if result != nil && len(r.Result.Value) > 0 {
		if err := json.Unmarshal(r.Result.Value, result); err != nil {
			b.tb.Fatalf("eval %s: result %s: %v", expr, r.Result.Value, err)
		}
	}
}

// waitFor polls a JavaScript condition until it is true.
func (b *browser) waitFor(what, cond string, timeout time.Duration) {
	b.tb.Helper()
	deadline := time.Now().Add(timeout)
	for {
		var ok bool
		b.eval("!!("+cond+")", &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			b.shot("timeout-" + strings.ReplaceAll(what, " ", "-"))
			b.tb.Fatalf("waited %v for %s (%s); page problems: %q", timeout, what, cond, b.takeProblems())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// click scrolls the element into view and clicks its centre with the mouse,
// as a user would (the element must be the one hit there).
func (b *browser) click(selector string) {
	b.tb.Helper()
	var box struct {
		X, Y float64
		Hit  bool
	}
	b.eval(fmt.Sprintf(`(() => {
		const el = document.querySelector(%q);
		if (!el) return null;
		el.scrollIntoView({block: 'center'});
		// the first box: a link that wraps has its centre between the lines
		const r = el.getClientRects()[0] || el.getBoundingClientRect();
		const x = r.left + r.width / 2, y = r.top + r.height / 2;
		const hit = document.elementFromPoint(x, y);
		return {X: x, Y: y, Hit: !!hit && (hit === el || el.contains(hit))};
	})()`, selector), &box)
	if !box.Hit {
		b.shot("click-miss")
		b.tb.Fatalf("click %s: not found or covered", selector)
	}
	for _, typ := range []string{"mouseMoved", "mousePressed", "mouseReleased"} {
		b.call("Input.dispatchMouseEvent", map[string]any{"type": typ, "x": box.X, "y": box.Y, "button": "left", "clickCount": 1}, nil)
	}
}

// key presses a key (Enter, Tab, " ") on the focused element.
func (b *browser) key(name string) {
	b.tb.Helper()
	codes := map[string]int{"Enter": 13, "Tab": 9, " ": 32}
	text := map[string]string{"Enter": "\r", " ": " "}[name]
	for _, typ := range []string{"keyDown", "keyUp"} {
		p := map[string]any{"type": typ, "key": name, "windowsVirtualKeyCode": codes[name], "code": name}
		if typ == "keyDown" && text != "" {
			p["text"] = text
		}
		b.call("Input.dispatchKeyEvent", p, nil)
	}
}

// typeInto focuses an input and inserts text as typing would.
func (b *browser) typeInto(selector, text string) {
	b.tb.Helper()
	b.eval(fmt.Sprintf(`(() => { const el = document.querySelector(%q); el.focus(); el.select && el.select(); })()`, selector), nil)
	b.call("Input.insertText", map[string]any{"text": text}, nil)
}

// shot saves a screenshot to $ANNALIST_BROWSER_SHOTS/name.png when that
// directory is set (for looking at what the test saw).
func (b *browser) shot(name string) {
	dir := os.Getenv("ANNALIST_BROWSER_SHOTS")
	if dir == "" {
		return
	}
	var r struct {
		Data string `json:"data"`
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := b.callCtx(ctx, b.session, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": false}, &r); err != nil {
		b.tb.Logf("screenshot %s: %v", name, err)
		return
	}
	png, _ := base64.StdEncoding.DecodeString(r.Data)
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
}
