// Command pxdump prints the records of a PETRARCH XML file with their parses (a debugging aid).
package main

import (
	"fmt"
	"os"

	"github.com/annalist/annalist/petrxml"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./internal/pxdump FILE.xml")
		os.Exit(2)
	}
	fh, err := os.Open(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	f, err := petrxml.Read(fh, os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(f.Summary(), f.Env != nil)
	if f.Env != nil {
		fmt.Printf("%+v\n", *f.Env)
	}
	for _, e := range f.Errors {
		fmt.Println("ERR", e)
	}
	cats := map[string]int{}
	for _, it := range f.Items {
		if it.Record != nil {
			cats[it.Record.Category]++
		}
		if it.Config != nil {
			fmt.Println("config", *it.Config)
		}
	}
	fmt.Println(cats)
}
