package text

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/annalist/annalist"
)

func TestJSONLReader(t *testing.T) {
	in := `{"id":"a1","date":"2019-12-19","title":"T","text":"Arnor met Gondor.","source":"S","url":"http://x"}

{"id":"a2","text":"no date"}
{"id":"a3","date":"19 Dec","text":"x"}
{"text":"no id"}
{"id": "a4", "text": broken}
{"id":"a5","date":"20191220","text":"last"}`
	r := NewJSONLReader(strings.NewReader(in), "in.jsonl")
	var ids []string
	var errs []string
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		ids = append(ids, d.ID)
		if d.ID == "a1" {
			want := annalist.Document{ID: "a1", Title: "T", Source: "S", URL: "http://x", Text: "Arnor met Gondor.", Date: time.Date(2019, 12, 19, 0, 0, 0, 0, time.UTC)}
			if d.ID != want.ID || d.Title != want.Title || d.Source != want.Source || d.URL != want.URL || d.Text != want.Text || !d.Date.Equal(want.Date) {
				t.Errorf("a1 = %+v", d)
			}
		}
		if d.ID == "a2" && !d.Date.IsZero() {
			t.Errorf("a2 date = %v, want zero", d.Date)
		}
	}
	if strings.Join(ids, ",") != "a1,a2,a5" {
		t.Errorf("ids = %v", ids)
	}
	want := []string{
		`in.jsonl:4:1: article a3: date "19 Dec": want YYYY-MM-DD`,
		`in.jsonl:5:1: article without an "id"`,
		`in.jsonl:6:22: not a JSON article: invalid character 'b' looking for beginning of value`,
	}
	if strings.Join(errs, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(want, "\n"))
	}
}

func TestJSONLReaderSkipsHugeLines(t *testing.T) {
	huge := `{"id":"big","text":"` + strings.Repeat("x", MaxLine) + `"}` + "\n"
	in := huge + `{"id":"after","text":"ok"}` + "\n"
	r := NewJSONLReader(strings.NewReader(in), "big.jsonl")
	if _, err := r.Next(); err == nil || !strings.HasPrefix(err.Error(), "big.jsonl:1:1: article longer than") {
		t.Fatalf("first = %v", err)
	}
	d, err := r.Next()
	if err != nil || d.ID != "after" {
		t.Fatalf("after the huge line: %v %v", d, err)
	}
}

func TestParseDate(t *testing.T) {
	for in, want := range map[string]string{"2019-12-19": "2019-12-19", "20191219": "2019-12-19", "2019-12-19T23:30:00+01:00": "2019-12-19", "2019-12-19 08:00:00": "2019-12-19"} {
		d, err := ParseDate(in)
		if err != nil || d.Format("2006-01-02") != want {
			t.Errorf("ParseDate(%q) = %v, %v", in, d, err)
		}
	}
	if _, err := ParseDate("yesterday"); err == nil {
		t.Error("ParseDate(yesterday) should fail")
	}
}

func TestReadHTML(t *testing.T) {
	f, err := os.Open("testdata/article.html")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := ReadHTML(f, "page", 0)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "China, Afghanistan pledge closer military ties" || d.Source != "Example News" ||
		d.URL != "https://news.example.org/world/china-afghanistan-ties" || d.Date.Format("2006-01-02") != "2019-12-19" {
		t.Errorf("metadata = %q %q %q %v", d.Title, d.Source, d.URL, d.Date)
	}
	want := "China, Afghanistan pledge closer military ties\n\n" +
		"China's army is ready to strengthen relations with Afghanistan's military, Vice Chairman of China's Central Military Commission Gen Xu Qiliang said Wednesday.\n\n" +
		"Xu said during a meeting with Afghanistan's Acting Defense Minister Tariq Shah Bahrami that the two armies would cooperate more closely.\n\n" +
		"Beijing and Islamabad have reaffirmed their commitment to an Afghan-led peace process."
	if d.Text != want {
		t.Errorf("text =\n%s\nwant\n%s", d.Text, want)
	}
	for _, bad := range []string{"Share on", "Most read", "Copyright", "Great article", "tracking", "Taliban talks stall", "Home"} {
		if strings.Contains(d.Text, bad) {
			t.Errorf("boilerplate %q kept", bad)
		}
	}
}

func TestReadHTMLBounds(t *testing.T) {
	_, err := ReadHTML(strings.NewReader("<p>"+strings.Repeat("a", 100)+"</p>"), "p", 50)
	if annalist.ErrorCode(err) != annalist.ETOOLARGE {
		t.Errorf("err = %v", err)
	}
	d, err := ReadHTML(strings.NewReader("no markup at all"), "plain", 0)
	if err != nil || d.Text != "no markup at all" {
		t.Errorf("plain: %q %v", d.Text, err)
	}
}

func FuzzReadHTML(f *testing.F) {
	b, _ := os.ReadFile("testdata/article.html")
	f.Add(string(b))
	f.Add("<html><script type=application/ld+json>[{\"@graph\":[{\"headline\":\"x\"}]}]</script>")
	f.Fuzz(func(t *testing.T, in string) {
		ReadHTML(strings.NewReader(in), "f", 1<<20)
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add(`{"id":"a","date":"2019-01-01","text":"x"}` + "\n" + `{"id":`)
	f.Fuzz(func(t *testing.T, in string) {
		r := NewJSONLReader(strings.NewReader(in), "f.jsonl")
		for i := 0; i < 10000; i++ {
			_, err := r.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				if e, ok := err.(*annalist.Error); !ok || e.Pos == nil || e.Pos.Line < 1 {
					t.Fatalf("unlocated error %v", err)
				}
			}
		}
		t.Fatal("reader did not reach EOF")
	})
}
