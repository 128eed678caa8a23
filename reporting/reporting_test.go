package reporting

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		word  string
		class Class
		form  Form
	}{
		{"said", Speech, Past},
		{"SAID", Speech, Past},
		{"Says", Speech, Present3},
		{"say", Speech, Base},
		{"saying", Speech, Gerund},
		{"told", Speech, Past},
		{"wrote", Speech, Past},
		{"replies", Speech, Present3},
		{"emphasised", Speech, Past},
		{"revealed", Report, Past},
		{"learnt", Report, Past},
		{"learned", Report, Past},
		{"denies", Report, Present3},
		{"thought", Opinion, Past},
		{"seems", Opinion, Present3},
		{"appear", Opinion, Base},
		{"talks", 0, 0},
		{"sail", 0, 0},
		{"", 0, 0},
		{"saidsaidsaidsaidsaid", 0, 0},
		{"said.", 0, 0},
	}
	for _, tt := range tests {
		c, f := Lookup(tt.word)
		if c != tt.class || f != tt.form {
			t.Errorf("Lookup(%q) = %v, %v; want %v, %v", tt.word, c, f, tt.class, tt.form)
		}
	}
}

func TestIs(t *testing.T) {
	tests := []struct {
		word  string
		class Class
		form  Form
		want  bool
	}{
		{"said", Speech, Past, true},
		{"said", Speech, Base | Present3, false},
		{"said", Report | Opinion, AnyForm, false},
		{"believes", Speech | Report | Opinion, Present3, true},
		{"believes", Speech | Report, AnyForm, false},
		{"reported", Speech | Report, Past, true},
		{"Continues", Speech, Present3 | Past, true},
		{"saying", Speech, Base | Present3 | Past, false},
		{"table", Speech | Report | Opinion, AnyForm, false},
	}
	for _, tt := range tests {
		if got := Is(tt.word, tt.class, tt.form); got != tt.want {
			t.Errorf("Is(%q, %v, %v) = %v; want %v", tt.word, tt.class, tt.form, got, tt.want)
		}
	}
}

// TestLexicon checks the lexicon's own consistency: every form is lower
// case and fits maxLen, and no word is two different forms or belongs to
// verbs of two classes (Lookup could not tell them apart).
func TestLexicon(t *testing.T) {
	type use struct {
		class Class
		form  int
	}
	seen := map[string]use{}
	for _, v := range verbs {
		for f, w := range [...]string{v.base, v.present3, v.past, v.ing} {
			if w == "" || w != strings.ToLower(w) || len(w) > maxLen {
				t.Errorf("%s: bad form %q", v.base, w)
			}
			u := use{v.class, f}
			if old, ok := seen[w]; ok && old != u {
				t.Errorf("%q is both %v form %d and %v form %d", w, old.class, old.form, u.class, u.form)
			}
			seen[w] = u
		}
		if v.class != Speech && v.class != Report && v.class != Opinion {
			t.Errorf("%s: class %v is not exactly one class", v.base, v.class)
		}
	}
	if len(forms) != len(seen) {
		t.Errorf("index has %d forms, lexicon %d", len(forms), len(seen))
	}
}

func BenchmarkLookup(b *testing.B) {
	words := strings.Fields("Iran is prepared , officials SAID , to resume talks with the European Union , the minister told reporters on Monday")
	n := 0
	for b.Loop() {
		for _, w := range words {
			if c, _ := Lookup(w); c != 0 {
				n++
			}
		}
	}
	if n == 0 {
		b.Fatal("no reporting verb found")
	}
}
