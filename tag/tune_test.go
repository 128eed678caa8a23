package tag

import (
	"os"
	"testing"
	"time"
)

// TestTune loads ANNALIST_TAG_MODEL and reports dev accuracy, the share of
// words whose second pass is skipped and the tagging time for several skip
// margins (developer tool, skipped by default).
func TestTune(t *testing.T) {
	m := modelFromEnv(t, "ANNALIST_TAG_TUNE")
	dev := readTreebank(t, devFile())
	hide := false
	if p := os.Getenv("ANNALIST_TAG_TUNE_FILE"); p != "" {
		dev, hide = readTreebank(t, p), true // skip shares only, no accuracy
	}
	n := 0
	for _, s := range m.w.slots {
		n += int(s.n1() + s.n2())
	}
	t.Logf("scale %g / %g, skip %d, %d entries, %d slots", m.w.scale[0], m.w.scale[1], m.skip, n, len(m.slots()))
	margins := []float32{0, 5, 10, 20, 30, 50, 100}
	if m.w.scale[0] < 1e-4 {
		margins = []float32{0, 0.05, 0.1, 0.2, 0.3, 0.5, 1}
	}
	for _, mg := range margins {
		m.skip = int32(mg / m.w.scale[0])
		if mg > 0 && m.skip == 0 {
			m.skip = 1
		}
		start := time.Now()
		acc := 0.0
		if !hide {
			acc = Evaluate(m, dev)
		}
		el := time.Since(start)
		scored, skipped := 0, 0
		for _, s := range dev {
			words := make([]string, len(s.Words))
			for i, w := range s.Words {
				words[i] = w.Form
			}
			n := len(words)
			ws := make([]wordInfo, n)
			m.prepare(ws, words)
			conf := make([]bool, n)
			m.run(ws, make([]int, n), make([]int, n), conf, make([][nTags]int32, n), nil, new(uint32))
			for i := range ws {
				if ws[i].sure < 0 {
					scored++
					if conf[i] {
						skipped++
					}
				}
			}
		}
		t.Logf("margin %g (q %d): dev %.4f, %s, second pass skipped for %d of %d scored words", mg, m.skip, acc, el.Round(time.Millisecond), skipped, scored)
	}
}

// TestPrune reports dev accuracy and size after dropping small weights of
// ANNALIST_TAG_TUNE's model (developer tool).
func TestPrune(t *testing.T) {
	m := modelFromEnv(t, "ANNALIST_TAG_TUNE")
	dev := readTreebank(t, devFile())
	for _, thr := range []int16{0, 50, 100, 200, 400, 800} {
		var tabs [2]table
		n := 0
		for pass := range 2 {
			tb := m.w.table(pass)
			var rows []row
			for _, r := range tb.rows {
				var nr row
				nr.key = r.key
				for k, q := range r.q {
					if q >= thr || q <= -thr {
						nr.tags = append(nr.tags, r.tags[k])
						nr.q = append(nr.q, q)
					}
				}
				if len(nr.q) > 0 {
					rows = append(rows, nr)
					n += len(nr.q)
				}
			}
			tabs[pass] = newTable(rows, tb.scale)
		}
		pm := newModel(m.tags, m.words, tabs[0], tabs[1], m.off, m.wn, m.clu)
		pm.open, pm.skip = m.open, m.skip
		start := time.Now()
		acc := Evaluate(pm, dev)
		t.Logf("prune |q| < %d: %d entries, %d slots, dev %.4f, %s", thr, n, len(pm.slots()), acc, time.Since(start).Round(time.Millisecond))
	}
}

func (m *Model) slots() []slot { return m.w.slots }

// TestModelStats logs the row and entry counts of ANNALIST_TAG_TUNE's model.
func TestModelStats(t *testing.T) {
	m := modelFromEnv(t, "ANNALIST_TAG_TUNE")
	keys, rows, ents := 0, [2]int{}, [2]int{}
	for _, s := range m.w.slots {
		if s == 0 {
			continue
		}
		keys++
		for p, n := range []uint32{s.n1(), s.n2()} {
			if n > 0 {
				rows[p]++
				ents[p] += int(n)
			}
		}
	}
	t.Logf("%d keys; rows %d + %d; weights %d + %d; %d dictionary words; %d slots", keys, rows[0], rows[1], ents[0], ents[1], len(m.words), len(m.w.slots))
}
