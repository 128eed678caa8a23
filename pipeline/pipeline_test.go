package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/engine"
)

// fakeCoder codes a document as one event whose code is the document id,
// after a random delay so that workers finish out of order.
type fakeCoder struct {
	inFlight, maxInFlight atomic.Int64
	panicOn               string
}

func (f *fakeCoder) CodeDocument(doc *annalist.Document) (*engine.DocumentResult, error) {
	n := f.inFlight.Add(1)
	defer f.inFlight.Add(-1)
	for {
		m := f.maxInFlight.Load()
		if n <= m || f.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	if doc.ID == f.panicOn {
		panic("boom")
	}
	time.Sleep(time.Duration(rand.Intn(300)) * time.Microsecond)
	return &engine.DocumentResult{Sentences: 1, Events: []annalist.Event{{DocID: doc.ID}}}, nil
}

type sliceSource struct {
	docs []*annalist.Document
	errs map[int]error
	i    int
	read atomic.Int64
}

func (s *sliceSource) Next() (*annalist.Document, error) {
	if s.i >= len(s.docs) {
		return nil, io.EOF
	}
	i := s.i
	s.i++
	s.read.Add(1)
	if err := s.errs[i]; err != nil {
		return nil, err
	}
	return s.docs[i], nil
}

func docs(n int) []*annalist.Document {
	out := make([]*annalist.Document, n)
	for i := range out {
		out[i] = &annalist.Document{ID: fmt.Sprint(i)}
	}
	return out
}

func TestRunKeepsInputOrder(t *testing.T) {
	fc := &fakeCoder{}
	src := &sliceSource{docs: docs(500)}
	var got []string
	err := Run(context.Background(), fc, src, Options{Workers: 4, Window: 8}, func(it Item) error {
		if it.Err != nil {
			t.Fatalf("item %d: %v", it.Seq, it.Err)
		}
		got = append(got, it.Res.Events[0].DocID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 500 {
		t.Fatalf("got %d documents", len(got))
	}
	for i, id := range got {
		if id != fmt.Sprint(i) {
			t.Fatalf("position %d holds document %s", i, id)
		}
	}
	if m := fc.maxInFlight.Load(); m > 4 || m < 2 {
		t.Errorf("max documents coded at once = %d, want between 2 and 4", m)
	}
}

func TestRunBoundsReadAhead(t *testing.T) {
	fc := &fakeCoder{}
	src := &sliceSource{docs: docs(200)}
	var maxAhead int64
	sunk := 0
	err := Run(context.Background(), fc, src, Options{Workers: 3, Window: 6}, func(it Item) error {
		if ahead := src.read.Load() - int64(sunk); ahead > maxAhead {
			maxAhead = ahead
		}
		sunk++
		time.Sleep(50 * time.Microsecond)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if maxAhead > 6+1 {
		t.Errorf("read %d documents ahead of the sink, window is 6", maxAhead)
	}
}

func TestRunReportsBadDocumentsAndGoesOn(t *testing.T) {
	fc := &fakeCoder{panicOn: "3"}
	src := &sliceSource{docs: docs(6), errs: map[int]error{1: annalist.ErrorAt("in.jsonl", 2, 1, "not a JSON article")}}
	var lines []string
	err := Run(context.Background(), fc, src, Options{Workers: 2}, func(it Item) error {
		switch {
		case it.Err != nil:
			lines = append(lines, fmt.Sprintf("%d error %v", it.Seq, it.Err))
		default:
			lines = append(lines, fmt.Sprintf("%d ok", it.Seq))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := "0 ok|1 error in.jsonl:2:1: not a JSON article|2 ok|3 error coder panic: boom|4 ok|5 ok"
	if got := strings.Join(lines, "|"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestRunStopsOnSinkErrorAndReadError(t *testing.T) {
	stop := errors.New("disk full")
	err := Run(context.Background(), &fakeCoder{}, &sliceSource{docs: docs(100)}, Options{Workers: 2}, func(it Item) error {
		if it.Seq == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("err = %v, want the sink's", err)
	}
	broken := annalist.Errorf(annalist.EUNAVAILABLE, "device gone")
	err = Run(context.Background(), &fakeCoder{}, &sliceSource{docs: docs(10), errs: map[int]error{4: broken}}, Options{Workers: 2}, func(Item) error { return nil })
	if err != broken {
		t.Errorf("err = %v, want the source's", err)
	}
}

func TestInputs(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Arnor met Gondor."), 0o644)
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(`{"id":"j1","text":"x"}`+"\n"+`{"id":`+"\n"+`{"id":"j2","date":"2020-01-02","text":"y"}`+"\n"), 0o644)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(`{"id":"g1","text":"z"}` + "\n"))
	zw.Close()
	os.WriteFile(filepath.Join(dir, "c.jsonl.gz"), gz.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "d.html"), []byte("<html><body><article><p>"+strings.Repeat("Words of the article. ", 5)+"</p></article></body></html>"), 0o644)
	def := time.Date(2019, 12, 19, 0, 0, 0, 0, time.UTC)
	in, err := NewInputs([]string{dir, "-"}, KindAuto, def, strings.NewReader(`{"id":"s1","text":"from stdin"}`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		d, err := in.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, "ERR "+err.Error())
			continue
		}
		got = append(got, d.ID+" "+d.Date.Format("2006-01-02"))
	}
	want := []string{
		"j1 2019-12-19",
		"ERR " + filepath.Join(dir, "a.jsonl") + ":2:7: not a JSON article: unexpected end of JSON input",
		"j2 2020-01-02",
		filepath.Join(dir, "b.txt") + " 2019-12-19",
		"g1 2019-12-19",
		filepath.Join(dir, "d.html") + " 2019-12-19",
		"s1 2019-12-19",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if read, total := in.Progress(); total == 0 || read != total {
		t.Errorf("progress %d of %d, want all of a known total", read, total)
	}
	if _, err := NewInputs([]string{filepath.Join(dir, "missing")}, KindAuto, def, nil); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("missing path: %v", err)
	}
}
