package tag

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

func pruneRows(t table, minQ int16) table {
	var rows []row
	for _, r := range t.rows {
		var nr row
		nr.key = r.key
		for k := range r.tags {
			if r.q[k] >= minQ || r.q[k] <= -minQ {
				nr.tags = append(nr.tags, r.tags[k])
				nr.q = append(nr.q, r.q[k])
			}
		}
		if len(nr.tags) > 0 {
			rows = append(rows, nr)
		}
	}
	return newTable(rows, t.scale)
}

func TestPruneExp(t *testing.T) {
	if os.Getenv("ANNALIST_TAG_PRUNE") == "" {
		t.Skip()
	}
	m0 := defaultModel(t)
	dev := readTreebank(t, filepath.Join("/work/shared/ud-english-ewt", "en_ewt-ud-dev.conllu"))
	t1, t2 := m0.w.table(0), m0.w.table(1)
	for _, q := range []int16{0, 20, 50, 100, 200, 400} {
		p1, p2 := pruneRows(t1, q), pruneRows(t2, q)
		m := newModel(m0.tags, m0.words, p1, p2, m0.off)
		c0 := cpuTime()
		acc := Evaluate(m, dev)
		d := cpuTime() - c0
		n := 0
		for _, s := range m.w.slots {
			if s != 0 {
				n++
			}
		}
		t.Logf("minQ %d: rows %d+%d (union %d) entries %d dev %.4f cpu %s", q, len(p1.rows), len(p2.rows), n, len(m.w.ent), acc, d.Round(time.Millisecond))
	}
}
