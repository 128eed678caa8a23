package main

import (
	"fmt"
	"os"

	"github.com/annalist/annalist/petrxml"
)

func main() {
	fh, _ := os.Open(os.Args[1])
	f, err := petrxml.Read(fh, os.Args[1])
	if err != nil {
		panic(err)
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
