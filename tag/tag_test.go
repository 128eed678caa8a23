package tag

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/conllu"
)

// loadDefault parses the embedded model once per test binary.
var loadDefault = sync.OnceValues(Default)

func defaultModel(t testing.TB) *Model {
	t.Helper()
	m, err := loadDefault()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func readTest(t testing.TB) []*conllu.Sentence {
	return readTreebank(t, filepath.Join("..", "testdata", "ud", "en_ewt-ud-test.conllu"))
}

// testFloor is the EWT test accuracy the embedded model must reach. The
// project's goal is 0.960; the floor is what the committed model measures
// (rounded down), so that any regression fails. See docs/models.md.
const testFloor = 0.958

// TestTestSetAccuracy checks the EWT test set accuracy (gold XPOS, gold
// tokenization) of the embedded model, as given and with hyphens merged.
func TestTestSetAccuracy(t *testing.T) {
	m := defaultModel(t)
	test := readTest(t)
	acc := Evaluate(m, test)
	var merged []*conllu.Sentence
	for _, s := range test {
		merged = append(merged, conllu.MergeHyphens(s))
	}
	macc := Evaluate(m, merged)
	t.Logf("EWT test accuracy %.4f (hyphens merged: %.4f)", acc, macc)
	if acc < testFloor {
		t.Errorf("EWT test accuracy %.4f, want >= %.3f", acc, testFloor)
	}
	if macc < testFloor {
		t.Errorf("EWT test accuracy with merged hyphens %.4f, want >= %.3f", macc, testFloor)
	}
	if acc < 0.960 {
		t.Logf("below the project goal of 0.960 by %.4f", 0.960-acc)
	}
}

func TestTagPanicsOnLengthMismatch(t *testing.T) {
	m := defaultModel(t)
	defer func() {
		if recover() == nil {
			t.Error("Tag with mismatched lengths did not panic")
		}
	}()
	m.Tag([]string{"a", "b"}, make([]string, 1))
}

func TestTagEmpty(t *testing.T) {
	defaultModel(t).Tag(nil, nil)
}

// TestConcurrentTag tags the test set from several goroutines at once and
// checks every result against a sequential run (run with -race).
func TestConcurrentTag(t *testing.T) {
	m := defaultModel(t)
	test := readTest(t)
	if len(test) > 400 {
		test = test[:400]
	}
	want := make([][]string, len(test))
	for i, s := range test {
		want[i] = tagSentence(m, s)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range test {
				i := (k + g*97) % len(test)
				got := tagSentence(m, test[i])
				if strings.Join(got, " ") != strings.Join(want[i], " ") {
					t.Errorf("goroutine %d, sentence %d: %v, want %v", g, i, got, want[i])
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

func tagSentence(m *Model, s *conllu.Sentence) []string {
	words := make([]string, len(s.Words))
	for i, w := range s.Words {
		words[i] = w.Form
	}
	tags := make([]string, len(words))
	m.Tag(words, tags)
	return tags
}

func TestWriteReadRoundTrip(t *testing.T) {
	m := defaultModel(t)
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	again, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var buf2 bytes.Buffer
	if err := again.Write(&buf2); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("writing a model read back gives different bytes")
	}
	test := readTest(t)[:300]
	if a, b := Evaluate(m, test), Evaluate(again, test); a != b {
		t.Errorf("accuracy %.5f after round trip, %.5f before", b, a)
	}
}

func TestReadErrors(t *testing.T) {
	var good bytes.Buffer
	if err := defaultModel(t).Write(&good); err != nil {
		t.Fatal(err)
	}
	gz := func(payload []byte) []byte {
		var b bytes.Buffer
		b.WriteString(magic)
		zw := gzip.NewWriter(&b)
		zw.Write(payload)
		zw.Close()
		return b.Bytes()
	}
	for _, tc := range []struct {
		name string
		in   []byte
		want string
	}{
		{"empty", nil, "tag: read model: not a tagger model (too short)"},
		{"magic", []byte("annalist-parser\nxxxxxxxx"), "tag: read model: not a tagger model (bad magic)"},
		{"not gzip", []byte(magic + "hello, world"), "tag: read model: gzip: invalid header"},
		{"truncated", good.Bytes()[:good.Len()/2], "tag: read model: truncated"},
		{"version", gz([]byte{9}), "tag: read model: unsupported version 9 (want 3)"},
		{"flags", gz([]byte{3, 0, 0, 0, 8}), "tag: read model: flags 8 out of range"},
		{"no tags", gz([]byte{3, 0, 0, 0, 0, 0}), "tag: read model: no tags"},
		{"too many tags", gz([]byte{3, 0, 0, 0, 0, 65}), "tag: read model: tag count 65 out of range"},
		{"repeated tag", gz([]byte{3, 0, 0, 0, 0, 2, 2, 'N', 'N', 2, 'N', 'N'}), "tag: read model: empty or repeated tag \"NN\""},
		{"class", gz([]byte{3, 0, 0, 0, 0, 1, 2, 'N', 'N', 1, 1, 'a', 2, 0}), "tag: read model: word \"a\" has a class outside the tag set"},
		{"sure", gz([]byte{3, 0, 0, 0, 0, 1, 2, 'N', 'N', 1, 1, 'a', 1, 2}), "tag: read model: sure tag 2 out of range"},
		{"keys", gz([]byte{3, 0, 0, 0, 0, 1, 2, 'N', 'N', 0, 0, 0, 0x80, 0x3f, 1, 0}), "tag: read model: feature keys not ascending"},
		{"tag index", gz([]byte{3, 0, 0, 0, 0, 1, 2, 'N', 'N', 0, 0, 0, 0x80, 0x3f, 1, 5, 1, 3, 2}), "tag: read model: tag index 3 out of range"},
		{"trailing", append(gz(nil)[:0:0], gz([]byte{3, 0, 0, 0, 0, 1, 2, 'N', 'N', 0, 0, 0, 0x80, 0x3f, 1, 5, 1, 0, 2, 0, 0, 0x80, 0x3f, 0, 7})...), "tag: read model: trailing data"},
		{"no weights", gz([]byte{3, 0, 0, 0, 0, 1, 2, 'N', 'N', 0, 0, 0, 0x80, 0x3f, 0, 0, 0, 0x80, 0x3f, 0}), "tag: read model: empty first-pass weights"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(bytes.NewReader(tc.in))
			if err == nil {
				t.Fatal("no error")
			}
			if err.Error() != tc.want {
				t.Errorf("error %q, want %q", err, tc.want)
			}
			if annalist.ErrorCode(err) != annalist.EINVALID {
				t.Errorf("code %q, want %q", annalist.ErrorCode(err), annalist.EINVALID)
			}
		})
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestReadPassesReaderErrors(t *testing.T) {
	_, err := Read(io.MultiReader(strings.NewReader(magic), failReader{}))
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || annalist.ErrorCode(err) != annalist.EINTERNAL {
		t.Errorf("err = %v (code %q)", err, annalist.ErrorCode(err))
	}
}

// FuzzRead feeds corrupt model bytes to Read: it must return an error or a
// working model, never panic.
func FuzzRead(f *testing.F) {
	var good bytes.Buffer
	m, err := loadDefault()
	if err != nil {
		f.Fatal(err)
	}
	if err := m.Write(&good); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes()[:4096])
	f.Add([]byte(magic))
	small := smallModel()
	var sb bytes.Buffer
	small.Write(&sb)
	f.Add(sb.Bytes())
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Read(bytes.NewReader(in))
		if err != nil {
			if annalist.ErrorCode(err) != annalist.EINVALID {
				t.Errorf("error %v has code %q", err, annalist.ErrorCode(err))
			}
			return
		}
		tags := make([]string, 3)
		m.Tag([]string{"The", "dog", "barks"}, tags)
		for _, tg := range tags {
			if tg == "" {
				t.Error("empty tag")
			}
		}
	})
}

// smallModel is a tiny hand-made model for fuzz seeds.
func smallModel() *Model {
	var wi wordInfo
	describe(&wi, "dog")
	r := row{key: mix(tW0, wi.lower, 0), tags: []uint8{0, 1}, q: []int16{5, -5}}
	return newModel([]string{"NN", "VB"}, []lexWord{{form: "the", class: 1, sure: 0}},
		newTable([]row{r}, 0.5), table{}, templates{}, nil, nil)
}

// BenchmarkTag tags the EWT test set (25,094 words) and reports words per
// second of wall time and, since the machine is shared, per second of CPU
// time of the process (one goroutine: CPU time is one core's time).
func BenchmarkTag(b *testing.B) {
	m := defaultModel(b)
	test := readTest(b)
	var sents [][]string
	words := 0
	for _, s := range test {
		var ws []string
		for _, w := range s.Words {
			ws = append(ws, w.Form)
		}
		sents = append(sents, ws)
		words += len(ws)
	}
	tags := make([]string, 512)
	b.ReportAllocs()
	var cpu time.Duration
	for b.Loop() {
		c0 := cpuTime()
		for _, ws := range sents {
			m.Tag(ws, tags[:len(ws)])
		}
		cpu += cpuTime() - c0
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
	b.ReportMetric(0, "ns/op")
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

// BenchmarkDefault measures parsing the embedded model.
func BenchmarkDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}
