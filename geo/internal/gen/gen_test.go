package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"reflect"
	"testing"
)

func TestUsableAlternate(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Peking", true},
		{"Saint-Étienne", true},
		{"N'Djamena", true},
		{"Washington, D.C.", true},
		{"bei jing", false},  // lower-case machine romanisation
		{"CAN", false},       // IATA code
		{"NYC", false},       // short all-capital code
		{"KABUL", true},      // long enough to be a name
		{"Paris 10e", false}, // digits
		{"Пекин", false},     // not Latin
		{"Peking北京", false},  // mixed scripts
		{"X", false},         // one letter
		{"", false},
		{"Gent (Ghent)", true},
	}
	for _, tt := range tests {
		if got := usableAlternate(tt.in); got != tt.want {
			t.Errorf("usableAlternate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		in   []string
		want []string
	}{
		{[]string{"kabul"}, []string{"kabul"}},
		{[]string{"st. louis"}, []string{"st. louis", "saint louis", "st louis"}},
		{[]string{"sainte foy", "sainte foy"}, []string{"sainte foy", "ste. foy", "ste foy"}},
		{[]string{"", "saint john"}, []string{"saint john", "st. john", "st john"}},
		{[]string{"stanley"}, []string{"stanley"}},
	}
	for _, tt := range tests {
		if got := variants(tt.in...); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("variants(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestUpToDate regenerates the data from the shared files and checks that
// it is byte-identical to geo/data. It needs the shared folder, so it runs
// only when GEO_SHARED names it:
//
//	GEO_SHARED=/work/shared go test ./geo/internal/gen
func TestUpToDate(t *testing.T) {
	shared := os.Getenv("GEO_SHARED")
	if shared == "" {
		t.Skip("set GEO_SHARED to the shared data folder to run")
	}
	in, err := readInputs(shared)
	if err != nil {
		t.Fatal(err)
	}
	data, stop, _ := build(in)
	gz, err := os.ReadFile("../../data/gazetteer.txt.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, embedded) {
		t.Error("geo/data/gazetteer.txt.gz is stale: run go generate ./geo")
	}
	if s, _ := os.ReadFile("../../data/stoplist.txt"); !bytes.Equal(stop, s) {
		t.Error("geo/data/stoplist.txt is stale: run go generate ./geo")
	}
}
