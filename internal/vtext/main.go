// Command vtext runs the validation suite text-only and prints the analysis of failing records (a debugging aid).
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/annalist/annalist/nlp"
	"github.com/annalist/annalist/validation"
)

func main() {
	an, err := nlp.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	rep, err := validation.Run(context.Background(), os.Args[1], validation.Options{TextOnly: true, Analyzer: an})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	want := map[string]bool{}
	for _, a := range os.Args[2:] {
		want[a] = true
	}
	for _, r := range rep.Records {
		if r.Status != validation.Fail || (len(want) > 0 && !want[r.ID]) {
			continue
		}
		fmt.Printf("FAIL %s: %s\n   %s\n", r.ID, r.Why, r.Text)
		for _, e := range r.Events {
			fmt.Printf("   coded %s(%s) %s(%s) %s via %q [%s]\n", e.Source.Code, e.Source.Text, e.Target.Code, e.Target.Text, e.Event.Code, e.Evidence.Verb, strings.TrimSpace(e.Evidence.Pattern.Entry))
		}
		if len(want) > 0 {
			for _, s := range an.Analyze(r.Text) {
				for i, t := range s.Tokens {
					h := "ROOT"
					if t.Head >= 0 {
						h = s.Tokens[t.Head].Text
					}
					fmt.Printf("     %2d %-14s %-5s %2d %-12s %s\n", i, t.Text, t.Tag, t.Head, t.Rel, h)
				}
			}
		}
	}
	fmt.Println(rep.Summary())
}
