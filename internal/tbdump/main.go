// Command tbdump prints the Penn Treebank parses of chosen PETRARCH XML records and their
// conversion to Universal Dependencies (a debugging aid for the treebank package).
package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"github.com/annalist/annalist/treebank"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/tbdump FILE.xml [ID...]")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	re := regexp.MustCompile(`(?s)<Sentence ([^>]*)>(.*?)</Sentence>`)
	idre := regexp.MustCompile(`id *= *"([^"]*)"`)
	pre := regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`)
	want := map[string]bool{}
	for _, a := range os.Args[2:] {
		want[a] = true
	}
	for _, m := range re.FindAllStringSubmatch(string(data), -1) {
		id := idre.FindStringSubmatch(m[1])[1]
		if len(want) > 0 && !want[id] {
			continue
		}
		p := pre.FindStringSubmatch(m[2])
		if p == nil {
			continue
		}
		t, err := treebank.Parse(p[1])
		if err != nil {
			fmt.Println(id, "ERR", err)
			continue
		}
		toks := treebank.ToTokens(t)
		fmt.Println("==", id)
		for i, tk := range toks {
			h := "ROOT"
			if tk.Head >= 0 {
				h = toks[tk.Head].Text
			}
			fmt.Printf("  %2d %-14s %-5s %2d %-12s %s\n", i, tk.Text, tk.Tag, tk.Head, tk.Rel, strings.ToLower(h))
		}
	}
}
