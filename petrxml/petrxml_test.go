package petrxml

import (
	"os"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

const sample = `<Validation>
<Environment>
    <Verbfile>v.txt</Verbfile>
    <Actorfile>a1.txt, a2.txt</Actorfile>
    <Agentfile>ag.txt</Agentfile>
    <Include>DEMO ACTOR</Include>
    <Config option="stop_on_error" value="True"></Config>
</Environment>
<!-- <Sentence id="COMMENTED"> -->
<Sentences>
<Config option="require_dyad" value="false"></Config>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true" place="XYZ">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"THE LIONS"' targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore
ties with Gondor &amp; Bree.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor))))
</Parse>
</Sentence>
<Sentence date = "20080801" id ="ERR-1" category="ERROR">
<EventCoding error="dateline"></EventCoding>
<Text>X</Text>
</Sentence>
<Stop></Stop>
<Sentence date="19950101" id="NONE" category="DEMO"><EventCoding noevents = "True"></EventCoding><Text>Y</Text></Sentence>
</Sentences>
</Validation>`

func TestRead(t *testing.T) {
	f, err := Read(strings.NewReader(sample), "s.xml")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 0 {
		t.Fatalf("errors: %v", f.Errors)
	}
	env := f.Env
	if env == nil || env.Verbfile != "v.txt" || strings.Join(env.Actorfiles, "|") != "a1.txt|a2.txt" || env.Agentfile != "ag.txt" ||
		strings.Join(env.Include, "|") != "DEMO|ACTOR" || len(env.Configs) != 1 || env.Configs[0].Option != "stop_on_error" || env.Line != 2 {
		t.Fatalf("env = %+v", env)
	}
	if !env.Included("DEMO") || env.Included("AGENTS") {
		t.Error("Included")
	}
	if len(f.Items) != 5 {
		t.Fatalf("items = %d", len(f.Items))
	}
	if c := f.Items[0].Config; c == nil || *c != (Config{Option: "require_dyad", Value: "false", Line: 11}) {
		t.Errorf("config = %+v", c)
	}
	r := f.Items[1].Record
	want := Record{ID: "DEMO-00", Date: "19950101", Category: "DEMO", Place: "XYZ", Sentence: "true",
		Text: "Arnor is about to restore ties with Gondor & Bree.", Parse: "\n(ROOT (S (NP (NNP Arnor))))\n", Line: 12, ParseLine: 19,
		Expected: []Coding{{"ARN", "GON", "064"}, {`"THE LIONS"`, "GON", "064"}}}
	if r.ID != want.ID || r.Date != want.Date || r.Category != want.Category || r.Place != want.Place || r.Sentence != want.Sentence ||
		r.Text != want.Text || r.Parse != want.Parse || r.Line != want.Line || r.ParseLine != want.ParseLine ||
		len(r.Expected) != 2 || r.Expected[0] != want.Expected[0] || r.Expected[1] != want.Expected[1] || r.NoEvents || r.Error != "" {
		t.Errorf("record = %+v\nwant     %+v", *r, want)
	}
	if r := f.Items[2].Record; r.ID != "ERR-1" || r.Error != "dateline" || r.Date != "20080801" {
		t.Errorf("error record = %+v", r)
	}
	if !f.Items[3].Stop {
		t.Error("want <Stop>")
	}
	if r := f.Items[4].Record; r.ID != "NONE" || !r.NoEvents {
		t.Errorf("noevents record = %+v", r)
	}
}

func TestBrokenRecordsAreLocated(t *testing.T) {
	in := "<Sentences>\n<Sentence id=\"A\"><Text>ok</Text></Sentence>\n<Sentence id=\"B\"><Text>bad <x></Text></Sentence>\n" +
		"<Sentence><Text>no id</Text></Sentence>\n<Sentence id=\"C\"><Text>ok</Text></Sentence>\n<Sentence id=\"D\">never closed\n"
	f, err := Read(strings.NewReader(in), "b.xml")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, it := range f.Items {
		ids = append(ids, it.Record.ID)
	}
	if strings.Join(ids, ",") != "A,C" {
		t.Errorf("records read = %v", ids)
	}
	want := []string{
		"b.xml:3:38: broken XML record: element <x> closed by </Text>",
		"b.xml:4:1: <Sentence> record without an id",
		"b.xml:6:1: <Sentence> without </Sentence>",
	}
	if len(f.Errors) != len(want) {
		t.Fatalf("errors = %v", f.Errors)
	}
	for i, w := range want {
		if f.Errors[i].Error() != w {
			t.Errorf("error %d = %q, want %q", i, f.Errors[i], w)
		}
		if annalist.ErrorCode(f.Errors[i]) != annalist.EINVALID {
			t.Errorf("error %d code = %s", i, annalist.ErrorCode(f.Errors[i]))
		}
	}
}

func TestReadValidationSuite(t *testing.T) {
	fh, err := os.Open("../testdata/petrarch/PETR.UnitTest.records.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	f, err := Read(fh, "suite")
	if err != nil {
		t.Fatal(err)
	}
	recs, configs := 0, 0
	for _, it := range f.Items {
		if it.Record != nil {
			recs++
		}
		if it.Config != nil {
			configs++
		}
	}
	// 284 <Sentence> records (grep -c '<Sentence ') and 28 <Config> lines outside the environment.
	if recs != 284 || configs != 28 || len(f.Errors) != 0 {
		t.Errorf("records %d configs %d errors %v", recs, configs, f.Errors)
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("<Sentence id=\"x\"><Text>a</Text><Parse>(S (NP x))</Parse></Sentence>")
	f.Add("<Environment><Verbfile>v</Verbfile>")
	f.Fuzz(func(t *testing.T, in string) {
		file, err := Read(strings.NewReader(in), "f.xml")
		if err != nil {
			t.Fatal(err) // a strings.Reader never fails
		}
		for _, e := range file.Errors {
			ae, ok := e.(*annalist.Error)
			if !ok || ae.Pos == nil || ae.Pos.Line < 1 || ae.Pos.Path != "f.xml" {
				t.Fatalf("unlocated error %v", e)
			}
		}
	})
}
