package tokenize

import (
	"bufio"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// Regenerate the golden files with: go test ./tokenize -run TestGolden -update
var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// TestSplitNews pins sentences and tokens, with offsets, on hard news cases.
func TestSplitNews(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"titles and ranks", "Gen. Xu Qiliang met Lt. Col. John Smith on Dec. 19. The talks ended.", []string{
			"[0:51] Gen.@0 Xu@5 Qiliang@8 met@16 Lt.@20 Col.@24 John@29 Smith@34 on@40 Dec.@43 19@48 .@50",
			"[52:68] The@52 talks@56 ended@62 .@67",
		}},
		{"more titles", "Mr. and Mrs. Smith met Dr. Jones, Sen. Paul and Rep. Cole. Gov. Brown was absent.", []string{
			"[0:58] Mr.@0 and@4 Mrs.@8 Smith@13 met@19 Dr.@23 Jones@27 ,@32 Sen.@34 Paul@39 and@44 Rep.@48 Cole@53 .@57",
			"[59:81] Gov.@59 Brown@64 was@70 absent@74 .@80",
		}},
		{"companies and numbers", "Acme Inc. said profit rose 3.5 percent to $2.5 bln. The U.S. company also said 1,000 jobs would go.", []string{
			"[0:51] Acme@0 Inc.@5 said@10 profit@15 rose@22 3.5@27 percent@31 to@39 $@42 2.5@43 bln@47 .@50",
			"[52:99] The@52 U.S.@56 company@61 also@69 said@74 1,000@79 jobs@85 would@90 go@96 .@98",
		}},
		{"more abbreviations", "Acme Corp. and Beta Ltd. met U.N. envoys on Jan. 5 and Feb. 6. The U.N. said so.", []string{
			"[0:62] Acme@0 Corp.@5 and@11 Beta@15 Ltd.@20 met@25 U.N.@29 envoys@34 on@41 Jan.@44 5@49 and@51 Feb.@55 6@60 .@61",
			"[63:80] The@63 U.N.@67 said@72 so@77 .@79",
		}},
		{"initialisms end a sentence only before an opener", "He lives in the U.S. The rest live in the U.K. and the E.U. officials disagreed.", []string{
			"[0:20] He@0 lives@3 in@9 the@12 U.S.@16",
			"[21:80] The@21 rest@25 live@30 in@35 the@38 U.K.@42 and@47 the@51 E.U.@55 officials@60 disagreed@70 .@79",
		}},
		{"initials, No., vs., etc.", "George W. Bush met J.R.R. Tolkien fans at No. 10 Downing Street vs. their wishes, etc. It rained.", []string{
			"[0:86] George@0 W.@7 Bush@10 met@15 J.R.R.@19 Tolkien@26 fans@34 at@39 No.@42 10@46 Downing@49 Street@57 vs.@64 their@68 wishes@74 ,@80 etc.@82",
			"[87:97] It@87 rained@90 .@96",
		}},
		{"No. without a number is a word", "He said No. Then he left.", []string{
			"[0:11] He@0 said@3 No@8 .@10",
			"[12:25] Then@12 he@17 left@20 .@24",
		}},
		{"sentence ends after the closing quote", `"We are ready." He left.`, []string{
			`[0:15] "@0 We@1 are@4 ready@8 .@13 "@14`,
			"[16:24] He@16 left@19 .@23",
		}},
		{"quote with lower-case attribution", `"We are ready," Xu said. "We will win!" he added.`, []string{
			`[0:24] "@0 We@1 are@4 ready@8 ,@13 "@14 Xu@16 said@19 .@23`,
			`[25:49] "@25 We@26 will@29 win@34 !@37 "@38 he@40 added@43 .@48`,
		}},
		{"question in quotes", `"Why?" he asked.`, []string{
			`[0:16] "@0 Why@1 ?@4 "@5 he@7 asked@10 .@15`,
		}},
		{"quote with capitalised attribution", `"Why now?" Xu asked. Nobody answered.`, []string{
			`[0:20] "@0 Why@1 now@5 ?@8 "@9 Xu@11 asked@14 .@19`,
			"[21:37] Nobody@21 answered@28 .@36",
		}},
		{"attribution with a comma after a question", `"Why now?" Xu asked, looking away. Nobody answered.`, []string{
			`[0:34] "@0 Why@1 now@5 ?@8 "@9 Xu@11 asked@14 ,@19 looking@21 away@29 .@33`,
			"[35:51] Nobody@35 answered@42 .@50",
		}},
		{"a speech verb that opens the next quotation", `It was a "maneuver." She said, "He is lying."`, []string{
			`[0:20] It@0 was@3 a@7 "@9 maneuver@10 .@18 "@19`,
			`[21:45] She@21 said@25 ,@29 "@31 He@32 is@35 lying@38 .@43 "@44`,
		}},
		{"curly quotes", "“We are ready.” He left.", []string{
			"[0:19] “@0=\" We@3 are@6 ready@10 .@15 ”@16=\"",
			"[20:28] He@20 left@23 .@27",
		}},
		{"parentheses", "The group (banned in Russia) denied it. (The ministry declined to comment.) Talks resume Monday.", []string{
			"[0:39] The@0 group@4 (@10 banned@11 in@18 Russia@21 )@27 denied@29 it@36 .@38",
			"[40:75] (@40 The@41 ministry@45 declined@54 to@63 comment@66 .@73 )@74",
			"[76:96] Talks@76 resume@82 Monday@89 .@95",
		}},
		{"ellipses", "He paused... Then he left. The talks were ... useful.", []string{
			"[0:12] He@0 paused@3 ...@9",
			"[13:26] Then@13 he@18 left@21 .@25",
			"[27:53] The@27 talks@31 were@37 ...@42 useful@46 .@52",
		}},
		{"ellipsis before a comma", "ready to cooperate with the Afghan army..., and to continuously increase cooperation.", []string{
			"[0:85] ready@0 to@6 cooperate@9 with@19 the@24 Afghan@28 army@35 ...@39 ,@42 and@44 to@48 continuously@51 increase@64 cooperation@73 .@84",
		}},
		{"Reuters dateline", "KABUL, Dec 19 (Reuters) - Afghan forces attacked. Police said.", []string{
			"[0:25 dateline] KABUL@0 ,@5 Dec@7 19@11 (@14 Reuters@15 )@22 -@24",
			"[26:49] Afghan@26 forces@33 attacked@40 .@48",
			"[50:62] Police@50 said@57 .@61",
		}},
		{"AP dateline", "WASHINGTON (AP) — The Senate voted. It passed.", []string{
			"[0:19 dateline] WASHINGTON@0 (@11 AP@12 )@14 —@16=--",
			"[20:37] The@20 Senate@24 voted@31 .@36",
			"[38:48] It@38 passed@41 .@47",
		}},
		{"dateline with month", "NEW YORK, March 3 - Stocks fell. Bonds rose.", []string{
			"[0:19 dateline] NEW@0 YORK@4 ,@8 March@10 3@16 -@18",
			"[20:32] Stocks@20 fell@27 .@31",
			"[33:44] Bonds@33 rose@39 .@43",
		}},
		{"dateline with a state", "WESTPORT, Conn., Feb 26 - Qtly div five cts. Payable April two.", []string{
			"[0:25 dateline] WESTPORT@0 ,@8 Conn.@10 ,@15 Feb@17 26@21 -@24",
			"[26:44] Qtly@26 div@31 five@35 cts@40 .@43",
			"[45:63] Payable@45 April@53 two@59 .@62",
		}},
		{"dateline with abbreviations", "ST. LOUIS, Mo. (Reuters) - Monsanto Co. said it rose.", []string{
			"[0:26 dateline] ST.@0 LOUIS@4 ,@9 Mo.@11 (@15 Reuters@16 )@23 -@25",
			"[27:53] Monsanto@27 Co.@36 said@40 it@45 rose@48 .@52",
		}},
		{"dateline on its own line", "KABUL, Dec. 19 (Reuters) -\nAfghan forces attacked.", []string{
			"[0:26 dateline] KABUL@0 ,@5 Dec.@7 19@12 (@15 Reuters@16 )@23 -@25",
			"[27:50] Afghan@27 forces@34 attacked@41 .@49",
		}},
		{"dateline after a headline, CRLF", "Forces attack\r\nKABUL, Dec. 19 (Reuters) -\r\nAfghan forces attacked.", []string{
			"[0:13 headline] Forces@0 attack@7",
			"[15:41 dateline] KABUL@15 ,@20 Dec.@22 19@27 (@30 Reuters@31 )@38 -@40",
			"[43:66] Afghan@43 forces@50 attacked@57 .@65",
		}},
		{"a capitalised first word before a dash is not always a dateline", "Kabul - the capital - fell. It was over.", []string{
			"[0:27] Kabul@0 -@6 the@8 capital@12 -@20 fell@22 .@26",
			"[28:40] It@28 was@31 over@35 .@39",
		}},
		{"caption and credit lines, CRLF", "Afghan police\r\n© AP Photo/ Rahmat Gul\r\nChina's army is ready.", []string{
			"[0:13 headline] Afghan@0 police@7",
			"[15:38 credit] ©@15 AP@18 Photo@21 /@26 Rahmat@28 Gul@35",
			"[40:62] China@40 's@45 army@48 is@53 ready@56 .@61",
		}},
		{"headline, then a wrapped paragraph", "Taliban attack kills 12\nThe minister said the\ntalks would resume\nnext week.", []string{
			"[0:23 headline] Taliban@0 attack@8 kills@15 12@21",
			"[24:75] The@24 minister@28 said@37 the@42 talks@46 would@52 resume@58 next@65 week@70 .@74",
		}},
		{"a blank line always ends a sentence", "No final punct here\n\nnext paragraph here.", []string{
			"[0:19 headline] No@0 final@3 punct@9 here@15",
			"[21:41] next@21 paragraph@26 here@36 .@40",
		}},
		{"wrapped line after a title", "They met Sen.\nJohn Smith.", []string{
			"[0:25] They@0 met@5 Sen.@9 John@14 Smith@19 .@24",
		}},
		{"line ending with a period", "Talks ended.\nThe army left.", []string{
			"[0:12] Talks@0 ended@6 .@11",
			"[13:27] The@13 army@17 left@22 .@26",
		}},
		{"NBSP", "Gen.\u00a0Xu said.", []string{
			"[0:14] Gen.@0 Xu@6 said@9 .@13",
		}},
		{"lower-case start after a question", "Why now? nobody knows.", []string{
			"[0:8] Why@0 now@4 ?@7",
			"[9:22] nobody@9 knows@16 .@21",
		}},
		{"period glued to the next sentence", "It ended.The army left.", []string{
			"[0:9] It@0 ended@3 .@8",
			"[9:23] The@9 army@13 left@18 .@22",
		}},
		{"hyphenated state codes", "Sen. Jesse Helms (R-N.C.) and Rep. Byrd (D-W.Va.) spoke.", []string{
			"[0:56] Sen.@0 Jesse@5 Helms@11 (@17 R-N.C.@18 )@24 and@26 Rep.@30 Byrd@35 (@40 D-W.Va.@41 )@48 spoke@50 .@55",
		}},
		{"Inc. at the end of a sentence", "Shares fell at Acme Inc. The company said 5 p.m. Tuesday.", []string{
			"[0:24] Shares@0 fell@7 at@12 Acme@15 Inc.@20",
			"[25:57] The@25 company@29 said@37 5@42 p.m.@44 Tuesday@49 .@56",
		}},
		{"credit line with a period", "Fire in the frame.\nImage: Paul Budd.\nThe fire spread.", []string{
			"[0:18] Fire@0 in@5 the@8 frame@12 .@17",
			"[19:36 credit] Image@19 :@24 Paul@26 Budd@31 .@35",
			"[37:53] The@37 fire@41 spread@46 .@52",
		}},
		{"Reuters ticker", "Overseas Union Bank Ltd <OUBM.SI> rose.", []string{
			"[0:39] Overseas@0 Union@9 Bank@15 Ltd@20 <@24 OUBM.SI@25 >@32 rose@34 .@38",
		}},
		{"abbreviation before a quoted sentence", `said Joseph Phillippi of E.F. Hutton Co. "There was a fight."`, []string{
			"[0:40] said@0 Joseph@5 Phillippi@12 of@22 E.F.@25 Hutton@30 Co.@37",
			`[41:61] "@41 There@42 was@48 a@52 fight@54 .@59 "@60`,
		}},
		{"units with a period", "It weighs 5 lbs. and flies at 30 mph. The crew left.", []string{
			"[0:37] It@0 weighs@3 5@10 lbs.@12 and@17 flies@21 at@27 30@30 mph.@33",
			"[38:52] The@38 crew@42 left@47 .@51",
		}},
		{"a paragraph ending in a colon is body text", "Prices were as follows:\n\nWheat 2.55", []string{
			"[0:23] Prices@0 were@7 as@12 follows@15 :@22",
			"[25:35] Wheat@25 2.55@31",
		}},
		{"empty", " \n\t ", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			sents := Split(c.text)
			checkSplit(t, c.text, sents)
			var got []string
			for _, s := range sents {
				got = append(got, render(s))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("Split(%q)\n got:\n  %s\nwant:\n  %s", c.text, strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

// TestTokens pins the tokenization conventions: EWT syntactic words, PTB
// punctuation, whole hyphenated words, Norm.
func TestTokens(t *testing.T) {
	for _, c := range []struct{ name, text, want string }{
		{"contractions", "don't can't won't cannot gonna I'm you're we've they'll she'd ain't",
			"do@0 n't@2 ca@6 n't@8 wo@12 n't@14 can@18 not@21 gon@25 na@28 I@31 'm@32 you@35 're@38 we@42 've@44 they@48 'll@52 she@56 'd@59 ai@62 n't@64"},
		{"upper-case contractions", "DON'T IT'S Cannot", "DO@0 N'T@2 IT@6 'S@8 Can@11 not@14"},
		{"possessives", "China's armies' Jones's U.S.'s Co.'s", "China@0 's@5 armies@8 '@14 Jones@16 's@21 U.S.@24 's@28 Co.@31 's@34"},
		{"curly quotes and apostrophes", "China’s don’t “Yes” ‘no’",
			"China@0 ’s@5='s do@10 n’t@12=n't “@18=\" Yes@21 ”@24=\" ‘@28=' no@31 ’@33='"},
		{"abbreviations keep their period", "U.S. a.m. p.m. e.g. Ph.D.", "U.S.@0 a.m.@5 p.m.@10 e.g.@15 Ph.D.@20"},
		{"numbers and currencies", "3.5 1,000 10:30 $2.5 bln 45% €100 £5 ¥3 9/11 1990s 21st US$5",
			"3.5@0 1,000@4 10:30@10 $@16 2.5@17 bln@21 45@25 %@27 €@29 100@32 £@36 5@38 ¥@40 3@42 9/11@44 1990s@49 21st@55 US$@60 5@63"},
		{"URLs, emails, handles, hashtags", "see https://example.com/a?b=1, mail press@un.org, @UN_News and #Afghanistan.",
			"see@0 https://example.com/a?b=1@4 ,@29 mail@31 press@un.org@36 ,@48 @UN_News@50 and@59 #Afghanistan@63 .@75"},
		{"www URL in parentheses", "(www.un.org)", "(@0 www.un.org@1 )@11"},
		{"hyphenated words stay whole", "state-run anti-war Barad-dur counter-terrorism Afghan-led U.S.-led COVID-19",
			"state-run@0 anti-war@10 Barad-dur@19 counter-terrorism@29 Afghan-led@47 U.S.-led@58 COVID-19@67"},
		{"Unicode hyphen", "state‑run", "state‑run@0=state-run"},
		{"dashes", "Kabul -- the capital — fell – again…", "Kabul@0 --@6 the@9 capital@13 —@21=-- fell@25 –@30=-- again@34 …@39=..."},
		{"times", "at 5pm or 6am and 10:30am", "at@0 5@3 pm@4 or@7 6@10 am@11 and@14 10:30@18 am@23"},
		{"apostrophes inside words", "the '90s O'Brien rock'n'roll", "the@0 '90s@4 O'Brien@9 rock'n'roll@17"},
		{"PTB quotes and slashes", "``Hello'' and/or", "``@0=\" Hello@2 ''@7=\" and@10 /@13 or@14"},
		{"multi-byte letters", "Łukasz Szumowski said naïve", "Łukasz@0 Szumowski@8 said@18 naïve@23"},
		{"punctuation runs", "What?! No!!! Wait -- no.", "What@0 ?!@4 No@7 !!!@9 Wait@13 --@18 no@21 .@23"},
		{"final period after a number or an email is split", "It rose to 5. Write to press@un.org.", "It@0 rose@3 to@8 5@11 .@12 Write@14 to@20 press@un.org@23 .@35"},
		{"emoji keep their modifiers", "ok 👍🏽!", "ok@0 👍@3 🏽@7 !@11"},
		{"invalid UTF-8", "a\xffb", "a@0 \xff@1 b@2"},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			toks := Tokens(c.text)
			checkTokens(t, c.text, toks)
			if got := renderTokens(toks); got != c.want {
				t.Errorf("Tokens(%q)\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

// TestSplitTokensAgree checks that Split's tokens are exactly Tokens' tokens.
func TestSplitTokensAgree(t *testing.T) {
	text := readFile(t, "../testdata/corpus/seed-article.txt")
	var fromSplit []annalist.Token
	for _, s := range Split(text) {
		fromSplit = append(fromSplit, s.Tokens...)
	}
	if a, b := renderTokens(fromSplit), renderTokens(Tokens(text)); a != b {
		t.Errorf("Split and Tokens disagree:\n%s\n%s", a, b)
	}
}

// TestGolden compares the full analysis of the seed article and the first
// Wikinews articles with testdata/golden. Review the diff of a -update run
// before committing it.
func TestGolden(t *testing.T) {
	inputs := map[string]string{"seed-article": readFile(t, "../testdata/corpus/seed-article.txt")}
	for i, d := range readJSONL(t, "../testdata/corpus/wikinews-2019-2020.jsonl", 3) {
		inputs["wikinews-"+string(rune('1'+i))] = d.Title + "\n\n" + d.Text
	}
	for name, text := range inputs {
		sents := Split(text)
		checkSplit(t, text, sents)
		var b strings.Builder
		for _, s := range sents {
			b.WriteString(render(s))
			b.WriteByte('\n')
		}
		path := filepath.Join("testdata", "golden", name+".txt")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want := readFile(t, path)
		if got := b.String(); got != want {
			gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
			for i := 0; i < len(gl) || i < len(wl); i++ {
				var g, w string
				if i < len(gl) {
					g = gl[i]
				}
				if i < len(wl) {
					w = wl[i]
				}
				if g != w {
					t.Errorf("%s: first difference at sentence %d:\n got %s\nwant %s\n(regenerate with -update after review)", name, i, g, w)
					break
				}
			}
		}
	}
}

// TestCorpusInvariants runs Split over the whole Wikinews corpus and, when the
// shared data is present, a sample of Reuters-21578, checking every invariant.
func TestCorpusInvariants(t *testing.T) {
	docs := readJSONL(t, "../testdata/corpus/wikinews-2019-2020.jsonl", 0)
	const reuters = "../../shared/corpus/reuters21578.jsonl"
	if _, err := os.Stat(reuters); err == nil {
		docs = append(docs, readJSONL(t, reuters, 2000)...)
	} else {
		t.Logf("Reuters-21578 not found at %s: checking Wikinews only", reuters)
	}
	sents, toks := 0, 0
	for _, d := range docs {
		text := d.Text
		if d.Dateline != "" {
			text = d.Dateline + " " + text
		}
		ss := Split(text)
		checkSplit(t, text, ss)
		sents += len(ss)
		for _, s := range ss {
			toks += len(s.Tokens)
		}
	}
	t.Logf("%d documents, %d sentences, %d tokens", len(docs), sents, toks)
}

type article struct {
	ID, Title, Text, Dateline string
}

func readFile(tb testing.TB, path string) string {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}

// readJSONL reads up to max articles (0 for all) of a corpus file.
func readJSONL(tb testing.TB, path string, max int) []article {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() && (max == 0 || len(out) < max) {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("%s: %v", path, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}
