package pipeline

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Progress draws a one-line progress report (documents/s, events/s, done
// share and ETA) on a terminal, redrawn at most every interval. Create it
// with NewProgress; call Add as documents finish and Finish at the end.
type Progress struct {
	w        io.Writer
	start    time.Time
	last     time.Time
	interval time.Duration
	bytes    func() (read, total int64)

	mu           sync.Mutex
	docs, events int
	failed       int
	drawn        bool
}

// IsTerminal reports whether f is a character device (an interactive terminal).
func IsTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// NewProgress returns a reporter writing to w; bytes, if not nil, reports
// how much of the input has been read, for the percentage and the ETA.
func NewProgress(w io.Writer, bytes func() (read, total int64)) *Progress {
	now := time.Now()
	return &Progress{w: w, start: now, last: now, interval: 500 * time.Millisecond, bytes: bytes}
}

// Add counts one finished document with its events (failed: it could not be coded).
func (p *Progress) Add(events int, failed bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.docs++
	p.events += events
	if failed {
		p.failed++
	}
	if now := time.Now(); now.Sub(p.last) >= p.interval {
		p.last = now
		p.draw(now)
	}
}

func (p *Progress) draw(now time.Time) {
	el := now.Sub(p.start).Seconds()
	if el <= 0 {
		return
	}
	line := fmt.Sprintf("%d docs (%.0f/s)  %d events (%.0f/s)", p.docs, float64(p.docs)/el, p.events, float64(p.events)/el)
	if p.failed > 0 {
		line += fmt.Sprintf("  %d failed", p.failed)
	}
	if p.bytes != nil {
		if read, total := p.bytes(); total > 0 && read > 0 {
			frac := float64(read) / float64(total)
			if frac > 1 {
				frac = 1
			}
			eta := time.Duration(el*(1-frac)/frac) * time.Second
			line += fmt.Sprintf("  %3.0f%%  ETA %s", 100*frac, eta.Round(time.Second))
		}
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = true
}

// Finish clears the progress line.
func (p *Progress) Finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
