package tag

import (
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

func TestReadClusters(t *testing.T) {
	c, err := readClusters(strings.NewReader("the\t3\t1\n0000\t255\t31\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word string
		want uint32
	}{
		{"the", 4 | 2<<16},
		{"The", 4 | 2<<16}, // any case
		{"THE", 4 | 2<<16},
		{"1984", 256 | 32<<16}, // every ASCII digit as 0
		{"a", 0},
		{"", 0},
	} {
		if got := c.lookup(tc.word); got != tc.want {
			t.Errorf("lookup(%q) = %#x, want %#x", tc.word, got, tc.want)
		}
	}
	var none *clusters
	if got := none.lookup("the"); got != 0 {
		t.Errorf("nil clusters: lookup = %d, want 0", got)
	}
	for _, bad := range []string{"the\t1\n", "\t1\t2\n", "the\tx\t2\n", "the\t1\t65535\n", "the\t1\t2\t3\n"} {
		if _, err := readClusters(strings.NewReader(bad)); annalist.ErrorCode(err) != annalist.EINVALID {
			t.Errorf("readClusters(%q): error %v, want EINVALID", bad, err)
		}
	}
}

func TestEmbeddedClusters(t *testing.T) {
	c, err := embeddedClusters()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(c.class); n < 30000 {
		t.Errorf("%d words in the embedded clusters, want 30,000+", n)
	}
	// Words of one kind should mostly share coarse classes; pin only that
	// frequent words have classes at all.
	for _, w := range []string{"the", "of", "bought", "London", "1999"} {
		if c.lookup(w) == 0 {
			t.Errorf("%q has no class", w)
		}
	}
}

// TestDescribeClusterKey checks that describe computes the key clusterHash
// gives, for the words that matter: capitals, digits, non-ASCII letters.
func TestDescribeClusterKey(t *testing.T) {
	for _, w := range []string{"the", "The", "IRAN", "1987", "F-16s", "3.5%", "Ünal", "ǅemal", "Σωκράτης", "٣٤", ""} {
		var wi wordInfo
		describe(&wi, w)
		if wi.cluKey != clusterHash(w) {
			t.Errorf("%q: describe key %x, clusterHash %x", w, wi.cluKey, clusterHash(w))
		}
	}
}
