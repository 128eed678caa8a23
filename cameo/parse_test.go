package cameo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/annalist/annalist"
)

// miniCodes is a small codes file in the layout of cameo-codes.csv.
const miniCodes = `"code","name","goldstein","description","usage_notes","example","root_code"
"12","REJECT",-4,NA,NA,NA,"12"
"121","Reject material cooperation",-4,"Refuse material cooperation. ",NA,"Moscow` + "\x82\xc4\xf4" + `s aid was refused.","12"
"1211","Reject economic cooperation",-4,"Refuse economic ties.","Use 1211.",NA,"12"
"1214","Reject intelligence cooperation",-4,NA,NA,NA,"12"
"08","YIELD",5,NA,NA,NA,"08"
"084","Return, release",7,NA,NA,NA,"08"
"0841","Return, release person(s)",7,NA,NA,NA,"08"
`

const miniPLOVER = `# test mapping
08: CONCEDE
08: RETREAT
084: RETREAT,   ,  # Return, release
0841: RETREAT, release,   legal # Return, release person(s)

12: REJECT
121: REJECT, assist,    # Reject material cooperation
1211: REJECT, assist, economic ; legal # several contexts
1211: REJECT, assist, economic;legal # the same again
~~~~~
99: NOTATYPE this line is after the end marker
`

func src(name, s string) Source { return Source{Name: name, R: strings.NewReader(s)} }

func TestReadMini(t *testing.T) {
	cb, err := Read(src("codes.csv", miniCodes), src("map.txt", miniPLOVER), src("g.txt", "# c\n1211 -4.5 # why\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Code: "12", Root: "12", Name: "REJECT", Goldstein: -4, QuadClass: 3, PLOVER: "REJECT"},
		{Code: "121", Parent: "12", Root: "12", Name: "Reject material cooperation", Description: "Refuse material cooperation.",
			Example: "Moscow\u2019s aid was refused.", Goldstein: -4, QuadClass: 3, PLOVER: "REJECT", Mode: "assist"},
		{Code: "1211", Parent: "121", Root: "12", Name: "Reject economic cooperation", Description: "Refuse economic ties.",
			UsageNotes: "Use 1211.", Goldstein: -4.5, QuadClass: 3, PLOVER: "REJECT", Mode: "assist", Context: "economic;legal"},
		// No line of its own: inherits its parent's mapping.
		{Code: "1214", Parent: "121", Root: "12", Name: "Reject intelligence cooperation", Goldstein: -4, QuadClass: 3, PLOVER: "REJECT", Mode: "assist"},
		// The first header of a root wins.
		{Code: "08", Root: "08", Name: "YIELD", Goldstein: 5, QuadClass: 2, PLOVER: "CONCEDE"},
		{Code: "084", Parent: "08", Root: "08", Name: "Return, release", Goldstein: 7, QuadClass: 2, PLOVER: "RETREAT"},
		{Code: "0841", Parent: "084", Root: "08", Name: "Return, release person(s)", Goldstein: 7, QuadClass: 2, PLOVER: "RETREAT", Mode: "release", Context: "legal"},
	}
	got := cb.Entries()
	if len(got) != len(want) {
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d\n got %#v\nwant %#v", i, got[i], want[i])
		}
	}
	if c := got[2].Contexts(); len(c) != 2 || c[0] != "economic" || c[1] != "legal" {
		t.Errorf("Contexts() = %q", c)
	}
	if got[0].Contexts() != nil {
		t.Errorf("Contexts() of an entry without context = %q", got[0].Contexts())
	}

	// Without PLOVER and overrides.
	cb, err = Read(src("codes.csv", miniCodes), Source{}, Source{})
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := cb.Entry("1211"); e.PLOVER != "" || e.Goldstein != -4 {
		t.Errorf("without mapping and overrides: %+v", e)
	}
}

func TestReadErrors(t *testing.T) {
	const hdr = "code,name,goldstein\n"
	tests := []struct {
		name                string
		codes, plover, gold string
		want                string
	}{
		{"empty", "", "", "", "c.csv:1: empty file: want a header row naming the columns code, name, goldstein"},
		{"no goldstein column", "code,name\n01,X\n", "", "", `c.csv:1: header has no "goldstein" column`},
		{"header only", hdr, "", "", "c.csv: no codes"},
		{"bad code", hdr + "01,A,0\n1x,B,0\n", "", "", `c.csv:3:1: bad code "1x": want 2 to 4 digits`},
		{"five digits", hdr + "01,A,0\n01234,B,0\n", "", "", `c.csv:3:1: bad code "01234": want 2 to 4 digits`},
		{"duplicate", hdr + "01,A,0\n01,B,0\n", "", "", "c.csv:3:1: duplicate code 01 (first on line 2)"},
		{"root 21", hdr + "21,A,0\n", "", "", "c.csv:2:1: code 21: 21 is not a CAMEO root (01 to 20)"},
		{"orphan", hdr + "01,A,0\n0111,B,0\n", "", "", "c.csv:3:1: code 0111: its parent 011 is not defined above it"},
		{"child first", hdr + "010,B,0\n01,A,0\n", "", "", "c.csv:2:1: code 010: its parent 01 is not defined above it"},
		{"no name", hdr + "01, ,0\n", "", "", "c.csv:2:4: code 01 has no name"},
		{"goldstein text", hdr + "01,A,high\n", "", "", `c.csv:2:6: code 01: bad Goldstein score "high"`},
		{"goldstein NaN", hdr + "01,A,NaN\n", "", "", `c.csv:2:6: code 01: bad Goldstein score "NaN"`},
		{"goldstein range", hdr + "01,A,10.5\n", "", "", "c.csv:2:6: code 01: Goldstein score 10.5 is outside [-10, 10]"},
		{"root_code", "code,name,goldstein,root_code\n01,A,0,01\n010,B,0,02\n", "", "", `c.csv:3:9: code 010: root_code "02", want "01"`},
		{"field count", hdr + "01,A,0,extra\n", "", "", "c.csv:2:1: wrong number of fields"},
		{"bare quote", hdr + "01,A \"x\",0\n", "", "", `c.csv:2:6: bare " in non-quoted-field`},

		{"plover no colon", hdr + "01,A,0\n", "01 AGREE\n", "", "p.txt:1:1: want CODE: TYPE, MODE, CONTEXT"},
		{"plover bad code", hdr + "01,A,0\n", "  1a: AGREE\n", "", `p.txt:1:3: bad code "1a": want 2 to 4 digits`},
		{"plover type", hdr + "01,A,0\n", "01: FIGHT\n", "", `p.txt:1:5: code 01: "FIGHT" is not a PLOVER event type`},
		{"plover mode", hdr + "01,A,0\n", "010: AGREE, Visit\n", "", `p.txt:1:13: code 010: bad mode "Visit"`},
		{"plover context", hdr + "01,A,0\n", "010: AGREE, , legal;;x\n", "", `p.txt:1:15: code 010: bad context "legal;;x"`},
		{"plover fields", hdr + "01,A,0\n", "010: AGREE, a, b, c\n", "", "p.txt:1:19: code 010: 4 fields, want TYPE, MODE, CONTEXT"},
		{"plover conflict", hdr + "01,A,0\n", "010: AGREE\n\n010: REJECT\n", "", "p.txt:3:1: code 010: mapping REJECT// conflicts with line 1 (AGREE//)"},

		{"gold unknown", hdr + "01,A,0\n", "", "016 -2\n", `g.txt:1:1: code "016" is not in the codebook`},
		{"gold fields", hdr + "01,A,0\n", "", "  01\n", "g.txt:1:3: want CODE VALUE, got 1 fields"},
		{"gold value", hdr + "01,A,0\n", "", "01   -11\n", "g.txt:1:6: code 01: Goldstein score -11 is outside [-10, 10]"},
		{"gold dup", hdr + "01,A,0\n", "", "01 1\n01 2\n", "g.txt:2:1: duplicate override for 01 (first on line 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(src("c.csv", tt.codes), src("p.txt", tt.plover), src("g.txt", tt.gold))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got %q\nwant %q", err.Error(), tt.want)
			}
			var e *annalist.Error
			if !errors.As(err, &e) || e.Code != annalist.EINVALID || e.Pos == nil {
				t.Errorf("error %#v is not a located EINVALID *annalist.Error", err)
			}
		})
	}
}

func TestReadReaderErrors(t *testing.T) {
	boom := errors.New("boom")
	_, err := Read(Source{Name: "c.csv", R: iotest.ErrReader(boom)}, Source{}, Source{})
	if !errors.Is(err, boom) || err.Error() != "cameo: reading c.csv: boom" {
		t.Errorf("err = %v", err)
	}
	_, err = Read(src("c.csv", "code,name,goldstein\n01,A,0\n"), Source{Name: "p.txt", R: iotest.ErrReader(boom)}, Source{})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v", err)
	}
	if _, err := Read(Source{}, Source{}, Source{}); annalist.ErrorCode(err) != annalist.EINVALID {
		t.Errorf("no codes: err = %v", err)
	}
	long := "code,name,goldstein\n01,A,0\n"
	_, err = Read(src("c.csv", long), Source{}, src("g.txt", "#"+strings.Repeat("x", 2<<20)))
	if err == nil || err.Error() != "g.txt:1: line longer than 1 MiB" {
		t.Errorf("long line: err = %v", err)
	}
}

func TestRepairText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain ASCII", "plain ASCII"},
		{"valid UTF-8 caf\u00e9 \u2019", "valid UTF-8 caf\u00e9 \u2019"},
		{"Moscow\x82\xc4\xf4s", "Moscow\u2019s"},
		{"\x82\xc4\xfaall\x82\xc4\xf9", "\u201call\u201d"},
		{"yield\x82\xc4\xeerather", "yield\u2014rather"},
		{"etc.\x82\xc4\xecis", "etc.\u2013is"},
		{"\x82\xc4\xee\x82\xc4\xf2Express", "\u2014\u2018Express"},
		{"\xac\xa312m", "\u00a312m"},
		// Not mojibake: decoded as Windows-1252.
		{"caf\xe9", "caf\u00e9"},
		{"\x93quoted\x94", "\u201cquoted\u201d"},
		{"C\xac? ankaya", "C\u00ac? ankaya"},
		{"\x81", "\ufffd"},
	}
	for _, tt := range tests {
		if got := repairText(tt.in); got != tt.want {
			t.Errorf("repairText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The two tables agree with each other where they overlap: every Mac Roman
	// character that Windows-1252 also has round-trips.
	for i, r := range macRomanHigh {
		if b, ok := macRomanByte(r); !ok || b != byte(0x80+i) {
			t.Errorf("macRomanByte(%U) = %x, %v", r, b, ok)
		}
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	codes := filepath.Join(dir, "codes.csv")
	plover := filepath.Join(dir, "map.txt")
	if err := os.WriteFile(codes, []byte(miniCodes), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(plover, []byte(miniPLOVER), 0o644); err != nil {
		t.Fatal(err)
	}
	cb, err := Load(codes, plover, "-")
	if err != nil {
		t.Fatal(err)
	}
	if e, _ := cb.Entry("1211"); cb.Len() != 7 || e.Goldstein != -4 || e.Context != "economic;legal" {
		t.Errorf("Load: %d entries, 1211 = %+v", cb.Len(), e)
	}
	// The embedded overrides name codes the mini file lacks.
	if _, err := Load(codes, plover, ""); err == nil || !strings.HasPrefix(err.Error(), "data/goldstein.txt:") {
		t.Errorf("embedded overrides on a mini codebook: err = %v", err)
	}
	_, err = Load(filepath.Join(dir, "nope.csv"), "", "")
	if annalist.ErrorCode(err) != annalist.ENOTFOUND {
		t.Errorf("missing file: err = %v (code %s)", err, annalist.ErrorCode(err))
	}
	_, err = Load(codes, dir, "-")
	if annalist.ErrorCode(err) != annalist.EINVALID || !strings.HasSuffix(err.Error(), "is a directory") {
		t.Errorf("directory as mapping: err = %v", err)
	}
	def, err := Load("", "", "")
	if err != nil || def.Len() != 312 {
		t.Errorf("Load defaults: %v, %d entries", err, def.Len())
	}
}

func FuzzRead(f *testing.F) {
	f.Add(miniCodes, miniPLOVER, "1211 -4.5\n")
	f.Add("code,name,goldstein\n01,A,0\n010,B,1\n", "01: AGREE\n010: AGREE, visit, legal;military\n", "010 2\n")
	f.Add("code,name,goldstein\n\"01\",\"A\n\",0\n", "~~\n", "#\n")
	f.Add("code,name,goldstein\n01,\x82\xc4\xf4,0\n", "010:,,\n", "01 1e1\n")
	f.Fuzz(func(t *testing.T, codes, plover, gold string) {
		cb, err := Read(src("c", codes), src("p", plover), src("g", gold))
		if err != nil {
			var e *annalist.Error
			if !errors.As(err, &e) || e.Code != annalist.EINVALID || e.Pos == nil || e.Pos.Path == "" {
				t.Fatalf("error %q is not a located EINVALID *annalist.Error", err)
			}
			return
		}
		for _, e := range cb.Entries() {
			if e.Name == "" || e.Goldstein < -10 || e.Goldstein > 10 || e.Root != e.Code[:2] {
				t.Fatalf("bad entry %+v", e)
			}
			if _, ok := cb.Entry(e.Root); !ok {
				t.Fatalf("%s: root %s missing", e.Code, e.Root)
			}
			if n, ok := cb.Normalize(e.Code); !ok || n != e.Code {
				t.Fatalf("Normalize(%q) = %q, %v", e.Code, n, ok)
			}
			for _, s := range []string{e.Name, e.Description, e.UsageNotes, e.Example} {
				if !utf8Valid(s) {
					t.Fatalf("%s: invalid UTF-8 %q", e.Code, s)
				}
			}
		}
		cb.Search(codes)
	})
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }
