// Command vrun runs a validation file with gold parses and prints each failing record
// (a debugging aid; annalist validate is the user-facing command).
package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/annalist/annalist/validation"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/vrun FILE.xml [ID...]")
		os.Exit(2)
	}
	rep, err := validation.Run(context.Background(), os.Args[1], validation.Options{DictDir: "../shared/petrarch/dictionaries"})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	want := map[string]bool{}
	for _, a := range os.Args[2:] {
		want[a] = true
	}
	for _, r := range rep.Records {
		if r.Status == validation.Fail && (len(want) == 0 || want[r.ID]) {
			fmt.Printf("FAIL %s: %s\n   %s\n", r.ID, r.Why, r.Text)
			for _, e := range r.Events {
				fmt.Printf("   coded %s(%s) %s(%s) %s via %q [%s]\n", e.Source.Code, e.Source.Text, e.Target.Code, e.Target.Text, e.Event.Code, e.Evidence.Verb, strings.TrimSpace(e.Evidence.Pattern.Entry))
			}
		}
	}
	fmt.Println(rep.Summary())
}
