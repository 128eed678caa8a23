package tag

import (
	"bufio"
	"io"
	"strconv"
	"strings"
	"unicode"
)

// clusters maps words (by clusterHash) to their classes in two clusterings of
// unlabelled text, a fine and a coarse one: fine+1 in the low 16 bits of the
// value, coarse+1 in the next 16 (0 = no class).
type clusters struct {
	class map[uint64]uint32
}

// clusterHash hashes w as the clusters are keyed: lower-cased, every ASCII
// digit as 0. describe computes the same key in its pass over the word.
func clusterHash(w string) uint64 {
	h := uint64(fnvOffset)
	for _, r := range w {
		if r >= '0' && r <= '9' {
			r = '0'
		} else {
			r = unicode.ToLower(r)
		}
		h = hashRune(h, r)
	}
	return h
}

// lookup returns the classes of w, 0 if it has none.
func (c *clusters) lookup(w string) uint32 { return c.lookupKey(clusterHash(w)) }

// lookupKey returns the classes of the word whose clusterHash is key (as
// describe leaves it in wordInfo.cluKey), 0 if it has none.
func (c *clusters) lookupKey(key uint64) uint32 {
	if c == nil {
		return 0
	}
	return c.class[key]
}

// readClusters reads the table TestBuildClusters writes: one word a line,
// "form<tab>fine<tab>coarse", classes below 65535.
func readClusters(r io.Reader) (*clusters, error) {
	c := &clusters{class: map[uint64]uint32{}}
	s := bufio.NewScanner(r)
	line := 0
	for s.Scan() {
		line++
		f := strings.Split(s.Text(), "\t")
		if len(f) != 3 || f[0] == "" {
			return nil, bad("cluster table line %d malformed", line)
		}
		fine, err1 := strconv.ParseUint(f[1], 10, 16)
		coarse, err2 := strconv.ParseUint(f[2], 10, 16)
		if err1 != nil || err2 != nil || fine == 0xffff || coarse == 0xffff {
			return nil, bad("cluster table line %d malformed", line)
		}
		c.class[clusterHash(f[0])] = uint32(fine+1) | uint32(coarse+1)<<16
	}
	if err := s.Err(); err != nil {
		return nil, err
	}
	return c, nil
}
